package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// A merge folds one dataset, metric or method (from) into another (into):
// from's results move to into, from's name and aliases become into's
// aliases (so that the next import lands on into), and from is deleted.
// A result of from that is the same report with the same number as one of
// into's is folded into it (its history too); the same report with
// another number is kept beside it and shows as conflicting, as an import
// would keep it. A dataset merge pairs from's metrics with into's by name,
// alias or spelling, and moves the others over.
//
// A merge is one entry in the history (the merges table) holding a
// journal of every row it changed, and undoing it replays the journal
// backwards, as one entry too.

// Merge kinds.
const (
	MergeDataset = "dataset"
	MergeMetric  = "metric"
	MergeMethod  = "method"
)

// MergeRef is one side of a merge.
type MergeRef struct {
	ID          int64
	Name        string
	Slug        string
	DatasetID   int64  // a metric's dataset
	DatasetName string // a metric's dataset
	DatasetSlug string
	Results     int // live and retired results it holds
}

// MergePair is a report of from and into's report of the same result.
type MergePair struct {
	FromResult, IntoResult int64
	Method, Metric         string
	Setting, ReportedIn    string
	FromScore, IntoScore   float64
}

// MetricMove says where a dataset merge takes one of from's metrics: into
// into's metric of that name (IntoID), or over as it is (IntoID 0).
type MetricMove struct {
	FromID   int64
	FromName string
	IntoID   int64
	IntoName string
}

// maxPairsShown bounds the folded and conflicting reports a plan lists.
const maxPairsShown = 100

// MergePlan is what a merge would do, shown before it is done.
type MergePlan struct {
	Kind        string
	From, Into  MergeRef
	Move        int         // results that move
	Folded      []MergePair // the same report with the same number: folded into into's
	FoldedTotal int
	Conflicts   []MergePair // the same report with another number: both kept, flagged
	ConflictsN  int
	Metrics     []MetricMove // a dataset merge's metrics
	Aliases     int          // aliases of from that move
	Children    int          // datasets below from that move below into
	Submissions int          // proposals on from's board that move
	Blocked     []string     // why it cannot be done
}

// MergeRecord is a merge as the history lists it.
type MergeRecord struct {
	ID          int64
	Kind        string
	FromID      int64
	IntoID      int64
	FromName    string
	IntoName    string
	DatasetName string
	Moved       int
	Folded      int
	// UserName and UndoneBy are display names, never e-mail addresses:
	// merges show on public pages.
	UserName  string
	CreatedAt time.Time
	UndoneAt  *time.Time
	UndoneBy  string
}

// ReasonError is a refusal with a sentence for the person who asked; it
// unwraps to ErrConflict or ErrInvalid.
type ReasonError struct {
	Reason string
	Kind   error
}

func (e *ReasonError) Error() string { return e.Reason }
func (e *ReasonError) Unwrap() error { return e.Kind }

func refuse(kind error, format string, args ...any) error {
	return &ReasonError{Reason: fmt.Sprintf(format, args...), Kind: kind}
}

// Undone says whether the merge was undone; UndoneTime when (zero if not).
func (m MergeRecord) Undone() bool { return m.UndoneAt != nil }

// UndoneTime is when the merge was undone, the zero time if it was not.
func (m MergeRecord) UndoneTime() time.Time {
	if m.UndoneAt == nil {
		return time.Time{}
	}
	return *m.UndoneAt
}

// errPreview rolls a plan's transaction back.
var errPreview = errors.New("preview")

// PlanMerge says what merging from into into would do, changing nothing.
func (s *Store) PlanMerge(ctx context.Context, kind string, fromID, intoID int64) (MergePlan, error) {
	var plan MergePlan
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		plan, err = planMerge(ctx, tx, kind, fromID, intoID)
		if err != nil {
			return err
		}
		return errPreview
	})
	if errors.Is(err, errPreview) {
		err = nil
	}
	if err != nil {
		return MergePlan{}, fmt.Errorf("store: plan merge: %w", err)
	}
	return plan, nil
}

// Merge merges from into into as user, in one transaction, and records it.
// A merge the plan blocks fails with ErrInvalid and the plan's reasons.
func (s *Store) Merge(ctx context.Context, kind string, fromID, intoID int64, user model.User) (MergeRecord, error) {
	var rec MergeRecord
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		// Imports resolve names against the rows a merge changes: one at a time.
		if err := tx.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(" + importLock + ")").Error; err != nil {
			return err
		}
		plan, err := planMerge(ctx, tx, kind, fromID, intoID)
		if err != nil {
			return err
		}
		if len(plan.Blocked) > 0 {
			return refuse(ErrInvalid, "%s.", strings.Join(plan.Blocked, "; "))
		}
		j := &journal{}
		if err := applyMerge(ctx, tx, j, plan); err != nil {
			return err
		}
		body, err := json.Marshal(j)
		if err != nil {
			return err
		}
		var dsID *int64
		if kind == MergeMetric {
			dsID = &plan.From.DatasetID
		}
		rec = MergeRecord{Kind: kind, FromID: fromID, IntoID: intoID, FromName: plan.From.Name, IntoName: plan.Into.Name,
			DatasetName: plan.From.DatasetName, Moved: plan.Move - plan.FoldedTotal, Folded: plan.FoldedTotal, UserName: user.DisplayName}
		return tx.WithContext(ctx).Raw(`INSERT INTO merges (kind, from_id, into_id, from_name, into_name, dataset_id, dataset_name,
			moved, folded, journal, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING id, created_at`,
			kind, fromID, intoID, rec.FromName, rec.IntoName, dsID, rec.DatasetName, rec.Moved, rec.Folded, string(body), user.ID).
			Row().Scan(&rec.ID, &rec.CreatedAt)
	})
	if err != nil {
		if isUniqueViolation(err) {
			err = &ReasonError{Reason: "The merge clashes with a change made at the same time; look again and retry.", Kind: ErrConflict}
		}
		return MergeRecord{}, fmt.Errorf("store: merge %s %d into %d: %w", kind, fromID, intoID, err)
	}
	return rec, nil
}

// UndoMerge puts back everything merge id changed, as user. It fails with
// ErrConflict when the merge was undone already, when a later merge built
// on it (undo that first), or when results came in since on a metric the
// merge moved to another dataset.
func (s *Store) UndoMerge(ctx context.Context, id int64, user model.User) (MergeRecord, error) {
	var rec MergeRecord
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(" + importLock + ")").Error; err != nil {
			return err
		}
		var row struct {
			Kind                            string
			FromID, IntoID                  int64
			DatasetID                       *int64
			FromName, IntoName, DatasetName string
			Moved, Folded                   int
			Journal                         string
			UndoneAt                        *time.Time
		}
		res := tx.WithContext(ctx).Raw(`SELECT kind, from_id, into_id, dataset_id, from_name, into_name, dataset_name, moved, folded,
			journal::text AS journal, undone_at FROM merges WHERE id = $1 FOR UPDATE`, id).Scan(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("merge %d: %w", id, ErrNotFound)
		}
		rec = MergeRecord{ID: id, Kind: row.Kind, FromID: row.FromID, IntoID: row.IntoID, FromName: row.FromName,
			IntoName: row.IntoName, DatasetName: row.DatasetName, Moved: row.Moved, Folded: row.Folded}
		if row.UndoneAt != nil {
			return refuse(ErrConflict, "Merging %s into %s was undone already.", row.FromName, row.IntoName)
		}
		if err := undoBlocked(ctx, tx, id, row.Kind, row.FromID, row.IntoID, row.DatasetID); err != nil {
			return err
		}
		var j journal
		if err := json.Unmarshal([]byte(row.Journal), &j); err != nil {
			return fmt.Errorf("merge %d: journal: %w", id, err)
		}
		if row.Kind == MergeDataset {
			// A metric moved over as it was goes back with its results;
			// results that came in since would be left behind.
			var later int64
			err := tx.WithContext(ctx).Raw(`SELECT count(*) FROM results WHERE metric_id = ANY($1) AND dataset_id = $2
				AND id <> ALL($3)`, movedMetrics(&j, row.FromID), row.IntoID, j.ids("results", "id")).Scan(&later).Error
			if err != nil {
				return err
			}
			if later > 0 {
				return refuse(ErrConflict, "%d results came in since on metrics this merge moved to %s; undoing it would leave them on the wrong board.",
					later, row.IntoName)
			}
		}
		if err := j.undo(ctx, tx); err != nil {
			return err
		}
		// Every board a restored result is on now (the journal holds the
		// dataset of folded results only: moves journal just what they
		// changed), plus both sides of a dataset merge and a metric's board.
		touched := j.ids("results", "dataset_id")
		switch {
		case row.Kind == MergeDataset:
			touched = append(touched, row.FromID, row.IntoID)
		case row.DatasetID != nil:
			touched = append(touched, *row.DatasetID)
		}
		if err := tx.WithContext(ctx).Exec(`UPDATE datasets SET data_version = data_version + 1
			WHERE id = ANY($1) OR id IN (SELECT dataset_id FROM results WHERE id = ANY($2))`, touched, j.ids("results", "id")).Error; err != nil {
			return err
		}
		return tx.WithContext(ctx).Raw(`UPDATE merges SET undone_at = now(), undone_by = $2 WHERE id = $1 RETURNING undone_at`,
			id, user.ID).Row().Scan(&rec.UndoneAt)
	})
	if err != nil {
		switch {
		case isUniqueViolation(err):
			err = &ReasonError{Reason: "A name, slug or report this merge took away has been taken again since; " +
				"the merge cannot be undone as it was.", Kind: ErrConflict}
		case isForeignKeyViolation(err):
			err = &ReasonError{Reason: "A row this merge would put back points at something a later change removed " +
				"(another merge, say); undo that first.", Kind: ErrConflict}
		}
		return MergeRecord{}, fmt.Errorf("store: undo merge %d: %w", id, err)
	}
	rec.UndoneBy = user.DisplayName
	return rec, nil
}

// movedMetrics lists the metrics a dataset merge moved over as they were:
// those whose dataset_id the journal recorded as from.
func movedMetrics(j *journal, fromDataset int64) []int64 {
	var out []int64
	for _, e := range j.Entries {
		if e.Table != "metrics" || e.Op != "update" {
			continue
		}
		var rows []struct {
			ID        int64 `json:"id"`
			DatasetID int64 `json:"dataset_id"`
		}
		if json.Unmarshal(e.Rows, &rows) != nil {
			continue
		}
		for _, r := range rows {
			if r.DatasetID == fromDataset {
				out = append(out, r.ID)
			}
		}
	}
	return out
}

// undoBlocked refuses to undo a merge that a later merge, not undone,
// built on: the later one changed rows this one's journal would restore.
func undoBlocked(ctx context.Context, tx *gorm.DB, id int64, kind string, from, into int64, datasetID *int64) error {
	var later struct {
		FromName, IntoName string
	}
	q := `SELECT from_name, into_name FROM merges WHERE id > $1 AND undone_at IS NULL AND (
		(kind = $2 AND (from_id IN ($3, $4) OR into_id IN ($3, $4)))`
	args := []any{id, kind, from, into}
	switch kind {
	case MergeDataset:
		q += ` OR (kind = 'metric' AND dataset_id IN ($3, $4))`
	case MergeMetric:
		if datasetID != nil {
			q += ` OR (kind = 'dataset' AND (from_id = $5 OR into_id = $5))`
			args = append(args, *datasetID)
		}
	}
	q += `) ORDER BY id DESC LIMIT 1`
	res := tx.WithContext(ctx).Raw(q, args...).Scan(&later)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		return refuse(ErrConflict, "A later merge (%s into %s) builds on this one: undo it first.", later.FromName, later.IntoName)
	}
	return nil
}

// RecentMerges lists the latest merges, newest first.
func (s *Store) RecentMerges(ctx context.Context, limit int) ([]MergeRecord, error) {
	var out []MergeRecord
	err := s.r(ctx).Raw(`SELECT g.id, g.kind, g.from_id, g.into_id, g.from_name, g.into_name, g.dataset_name, g.moved, g.folded,
		u.display_name AS user_name, g.created_at, g.undone_at, coalesce(b.display_name, '') AS undone_by
		FROM merges g JOIN users u ON u.id = g.user_id LEFT JOIN users b ON b.id = g.undone_by
		ORDER BY g.id DESC LIMIT $1`, limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: recent merges: %w", err)
	}
	return out, nil
}

// MergedSlug follows a dataset's or method's slug (kind dataset or
// method) through the merges that deleted it, not undone, to the slug of
// the row it lives on now; ErrNotFound when no merge took it.
func (s *Store) MergedSlug(ctx context.Context, kind, slug string) (string, error) {
	table := map[string]string{MergeDataset: "datasets", MergeMethod: "methods"}[kind]
	if table == "" {
		return "", fmt.Errorf("store: merged slug: kind %q: %w", kind, ErrInvalid)
	}
	for range 10 { // a chain of merges; more hops than this is a loop
		var rows []struct {
			IntoID int64
			Slug   *string
		}
		err := s.r(ctx).Raw(`SELECT g.into_id, x.slug FROM merges g LEFT JOIN `+table+` x ON x.id = g.into_id
			WHERE g.kind = $1 AND g.undone_at IS NULL AND jsonb_contains(g.journal, jsonb_build_object('entries',
				jsonb_build_array(jsonb_build_object('op', 'delete', 'table', $2::text, 'rows', jsonb_build_array(jsonb_build_object('slug', $3::text))))))
			ORDER BY g.id DESC LIMIT 1`, kind, table, slug).Scan(&rows).Error
		if err != nil {
			return "", fmt.Errorf("store: merged slug %q: %w", slug, err)
		}
		if len(rows) == 0 {
			return "", fmt.Errorf("store: merged slug %q: %w", slug, ErrNotFound)
		}
		if rows[0].Slug != nil {
			return *rows[0].Slug, nil
		}
		// The target was merged away in turn: follow it by its old slug.
		var next *string
		if err := s.r(ctx).Raw(`SELECT e->'rows'->0->>'slug' FROM merges g, jsonb_array_elements(g.journal->'entries') e
			WHERE g.kind = $1 AND g.from_id = $2 AND g.undone_at IS NULL AND e->>'op' = 'delete' AND e->>'table' = $3
			ORDER BY g.id DESC LIMIT 1`, kind, rows[0].IntoID, table).Scan(&next).Error; err != nil {
			return "", fmt.Errorf("store: merged slug %q: %w", slug, err)
		}
		if next == nil {
			return "", fmt.Errorf("store: merged slug %q: %w", slug, ErrNotFound)
		}
		slug = *next
	}
	return "", fmt.Errorf("store: merged slug %q: too many merges: %w", slug, ErrNotFound)
}

// ResultMerges lists the merges that moved result id (from one method,
// metric or dataset to another), oldest first: its history beside its
// revisions. The journal records each moved result's id. (jsonb_contains
// is @>, which gorm would read as a named parameter.)
func (s *Store) ResultMerges(ctx context.Context, id int64) ([]MergeRecord, error) {
	var out []MergeRecord
	err := s.r(ctx).Raw(`SELECT g.id, g.kind, g.from_id, g.into_id, g.from_name, g.into_name, g.dataset_name, g.moved, g.folded,
		u.display_name AS user_name, g.created_at, g.undone_at, coalesce(b.display_name, '') AS undone_by
		FROM merges g JOIN users u ON u.id = g.user_id LEFT JOIN users b ON b.id = g.undone_by
		WHERE jsonb_contains(g.journal, jsonb_build_object('entries', jsonb_build_array(jsonb_build_object('op', 'update',
			'table', 'results', 'rows', jsonb_build_array(jsonb_build_object('id', $1::bigint))))))
		ORDER BY g.id`, id).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: merges of result %d: %w", id, err)
	}
	return out, nil
}

// planMerge loads both sides, checks the merge can be done, and fills the
// temporary table merge_moves with each result that moves and where to.
func planMerge(ctx context.Context, tx *gorm.DB, kind string, fromID, intoID int64) (MergePlan, error) {
	plan := MergePlan{Kind: kind}
	var err error
	if plan.From, err = mergeRef(ctx, tx, kind, fromID); err != nil {
		return plan, err
	}
	if plan.Into, err = mergeRef(ctx, tx, kind, intoID); err != nil {
		return plan, err
	}
	if fromID == intoID {
		plan.Blocked = append(plan.Blocked, "a "+kind+" cannot be merged into itself")
		return plan, nil
	}
	db := tx.WithContext(ctx)
	if err := db.Exec(`CREATE TEMPORARY TABLE IF NOT EXISTS merge_moves (id bigint PRIMARY KEY, dataset_id bigint NOT NULL,
		metric_id bigint NOT NULL, method_id bigint NOT NULL) ON COMMIT DROP`).Error; err != nil {
		return plan, err
	}
	if err := db.Exec("TRUNCATE merge_moves").Error; err != nil {
		return plan, err
	}
	var fill string
	args := []any{fromID, intoID}
	switch kind {
	case MergeMethod:
		fill = `INSERT INTO merge_moves SELECT id, dataset_id, metric_id, $2 FROM results WHERE method_id = $1`
		plan.Aliases, err = count(ctx, tx, "SELECT count(*) FROM method_aliases WHERE method_id = $1", fromID)
	case MergeMetric:
		if plan.From.DatasetID != plan.Into.DatasetID {
			plan.Blocked = append(plan.Blocked, fmt.Sprintf("%s is a metric of %s and %s one of %s: merge the datasets instead",
				plan.From.Name, plan.From.DatasetName, plan.Into.Name, plan.Into.DatasetName))
			return plan, nil
		}
		plan.Blocked = append(plan.Blocked, metricClash(ctx, tx, fromID, intoID)...)
		fill = `INSERT INTO merge_moves SELECT id, dataset_id, $2, method_id FROM results WHERE metric_id = $1`
		plan.Aliases, err = count(ctx, tx, "SELECT count(*) FROM metric_aliases WHERE metric_id = $1", fromID)
	case MergeDataset:
		var ancestor bool
		if err := db.Raw(`WITH RECURSIVE up AS (SELECT parent_id FROM datasets WHERE id = $2
			UNION SELECT d.parent_id FROM datasets d JOIN up ON d.id = up.parent_id)
			SELECT EXISTS (SELECT 1 FROM up WHERE parent_id = $1)`, fromID, intoID).Scan(&ancestor).Error; err != nil {
			return plan, err
		}
		if ancestor {
			plan.Blocked = append(plan.Blocked, fmt.Sprintf("%s holds %s: merge the other way round", plan.From.Name, plan.Into.Name))
			return plan, nil
		}
		if plan.Metrics, err = pairMetrics(ctx, tx, fromID, intoID); err != nil {
			return plan, err
		}
		var froms, intos []int64
		for _, m := range plan.Metrics {
			if m.IntoID != 0 {
				froms, intos = append(froms, m.FromID), append(intos, m.IntoID)
				plan.Blocked = append(plan.Blocked, metricClash(ctx, tx, m.FromID, m.IntoID)...)
			}
		}
		fill = `INSERT INTO merge_moves SELECT r.id, $2, coalesce(p.into_metric, r.metric_id), r.method_id
			FROM results r LEFT JOIN unnest($3::bigint[], $4::bigint[]) AS p(from_metric, into_metric) ON p.from_metric = r.metric_id
			WHERE r.dataset_id = $1`
		args = append(args, froms, intos)
		if plan.Aliases, err = count(ctx, tx, "SELECT count(*) FROM dataset_aliases WHERE dataset_id = $1", fromID); err != nil {
			return plan, err
		}
		if plan.Children, err = count(ctx, tx, "SELECT count(*) FROM datasets WHERE parent_id = $1", fromID); err != nil {
			return plan, err
		}
		plan.Submissions, err = count(ctx, tx, "SELECT count(*) FROM submissions WHERE dataset_id = $1", fromID)
	default:
		return plan, fmt.Errorf("kind %q is not dataset, metric or method: %w", kind, ErrInvalid)
	}
	if err != nil {
		return plan, err
	}
	if err := db.Exec(fill, args...).Error; err != nil {
		return plan, err
	}
	if plan.Move, err = count(ctx, tx, "SELECT count(*) FROM merge_moves"); err != nil {
		return plan, err
	}
	// Each moving result against into's reports of the same result.
	var pairs []struct {
		MergePair
		Same bool
	}
	err = db.Raw(`SELECT f.id AS from_result, i.id AS into_result, me.name AS method, mt.name AS metric, f.setting,
		f.reported_in, f.score AS from_score, i.score AS into_score, f.score = i.score AS same
		FROM merge_moves mv JOIN results f ON f.id = mv.id
		JOIN results i ON i.dataset_id = mv.dataset_id AND i.metric_id = mv.metric_id AND i.method_id = mv.method_id
			AND i.setting = f.setting AND i.extra_data = f.extra_data AND i.params_text = f.params_text
			AND i.reported_in = f.reported_in AND NOT EXISTS (SELECT 1 FROM merge_moves o WHERE o.id = i.id)
		JOIN methods me ON me.id = mv.method_id JOIN metrics mt ON mt.id = mv.metric_id
		ORDER BY f.id, i.id`).Scan(&pairs).Error
	if err != nil {
		return plan, err
	}
	folded := map[int64]bool{}
	for _, p := range pairs {
		if p.Same {
			folded[p.FromResult] = true
			plan.FoldedTotal++
			if len(plan.Folded) < maxPairsShown {
				plan.Folded = append(plan.Folded, p.MergePair)
			}
		}
	}
	for _, p := range pairs {
		if !p.Same && !folded[p.FromResult] {
			plan.ConflictsN++
			if len(plan.Conflicts) < maxPairsShown {
				plan.Conflicts = append(plan.Conflicts, p.MergePair)
			}
		}
	}
	return plan, nil
}

func count(ctx context.Context, tx *gorm.DB, q string, args ...any) (int, error) {
	var n int
	err := tx.WithContext(ctx).Raw(q, args...).Scan(&n).Error
	return n, err
}

// mergeRef loads one side of a merge.
func mergeRef(ctx context.Context, tx *gorm.DB, kind string, id int64) (MergeRef, error) {
	var q string
	switch kind {
	case MergeDataset:
		q = `SELECT d.id, d.name, d.slug, 0 AS dataset_id, '' AS dataset_name, '' AS dataset_slug,
			(SELECT count(*) FROM results r WHERE r.dataset_id = d.id) AS results FROM datasets d WHERE d.id = $1`
	case MergeMetric:
		q = `SELECT m.id, m.name, m.slug, m.dataset_id, d.name AS dataset_name, d.slug AS dataset_slug,
			(SELECT count(*) FROM results r WHERE r.metric_id = m.id) AS results
			FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE m.id = $1`
	case MergeMethod:
		q = `SELECT x.id, x.name, x.slug, 0 AS dataset_id, '' AS dataset_name, '' AS dataset_slug,
			(SELECT count(*) FROM results r WHERE r.method_id = x.id) AS results FROM methods x WHERE x.id = $1`
	default:
		return MergeRef{}, fmt.Errorf("kind %q is not dataset, metric or method: %w", kind, ErrInvalid)
	}
	var ref MergeRef
	res := tx.WithContext(ctx).Raw(q, id).Scan(&ref)
	if res.Error != nil {
		return ref, res.Error
	}
	if res.RowsAffected == 0 {
		return ref, fmt.Errorf("%s %d: %w", kind, id, ErrNotFound)
	}
	return ref, nil
}

// metricClash says why two metrics cannot be one: their results would
// rank the other way round, or be numbers in different units.
func metricClash(ctx context.Context, tx *gorm.DB, fromID, intoID int64) []string {
	var ms []model.Metric
	if err := tx.WithContext(ctx).Raw(`SELECT id, name, higher_is_better, unit FROM metrics WHERE id IN ($1, $2) ORDER BY id = $1 DESC`,
		fromID, intoID).Scan(&ms).Error; err != nil || len(ms) != 2 {
		return []string{"the metrics could not be compared"}
	}
	var out []string
	if ms[0].HigherIsBetter != ms[1].HigherIsBetter {
		out = append(out, fmt.Sprintf("%s is %s but %s is %s: set the right direction first (/mod/metrics)",
			ms[0].Name, ms[0].DirectionText(), ms[1].Name, ms[1].DirectionText()))
	}
	if ms[0].Unit != ms[1].Unit {
		out = append(out, fmt.Sprintf("%s is in %q but %s in %q: their numbers are not on one scale",
			ms[0].Name, unitText(ms[0].Unit), ms[1].Name, unitText(ms[1].Unit)))
	}
	return out
}

func unitText(u string) string {
	if u == "" {
		return "no unit"
	}
	return u
}

// pairMetrics finds, for each metric of dataset from, into's metric of
// the same name, alias or spelling; one into metric takes one from metric.
func pairMetrics(ctx context.Context, tx *gorm.DB, fromID, intoID int64) ([]MetricMove, error) {
	var ms []model.Metric
	if err := tx.WithContext(ctx).Raw(`SELECT id, dataset_id, name FROM metrics WHERE dataset_id IN ($1, $2) ORDER BY position, id`,
		fromID, intoID).Scan(&ms).Error; err != nil {
		return nil, err
	}
	var aliases []struct {
		Alias    string
		MetricID int64
	}
	if err := tx.WithContext(ctx).Raw(`SELECT alias, metric_id FROM metric_aliases WHERE dataset_id = $1`, intoID).Scan(&aliases).Error; err != nil {
		return nil, err
	}
	c := newCatalog(tx)
	vocab, err := c.vocabulary(ctx, "metric")
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, m := range ms {
		if m.DatasetID == intoID {
			names[m.ID] = m.Name
		}
	}
	am := map[string]int64{}
	for _, a := range aliases {
		am[a.Alias] = a.MetricID
	}
	byName := map[string]int64{}
	for id, n := range names {
		byName[n] = id
	}
	var out []MetricMove
	taken := map[int64]bool{}
	// Two passes: a metric of the same name pairs first, so that an alias
	// or a spelling ("acc") cannot take the metric whose name another of
	// from's metrics ("Accuracy") has, and leave that one to clash.
	for pass := range 2 {
		for _, m := range ms {
			if m.DatasetID != fromID {
				continue
			}
			if pass == 0 {
				if id, ok := byName[m.Name]; ok {
					out = append(out, MetricMove{FromID: m.ID, FromName: m.Name, IntoID: id, IntoName: names[id]})
					taken[id] = true
				}
				continue
			}
			if _, paired := byName[m.Name]; paired {
				continue
			}
			mv := MetricMove{FromID: m.ID, FromName: m.Name}
			if id, ok := matchRows(vocab.candidates(m.Name), names, am); ok && !taken[id] {
				mv.IntoID, mv.IntoName = id, names[id]
				taken[id] = true
			}
			out = append(out, mv)
		}
	}
	return out, nil
}

// applyMerge carries the plan out, journaling every row it changes.
func applyMerge(ctx context.Context, tx *gorm.DB, j *journal, plan MergePlan) error {
	db := tx.WithContext(ctx)
	from, into := plan.From.ID, plan.Into.ID
	// Folded reports: their history and proposals go to into's report.
	if plan.FoldedTotal > 0 {
		var dups []struct{ FromResult, IntoResult int64 }
		err := db.Raw(`SELECT f.id AS from_result, i.id AS into_result FROM merge_moves mv JOIN results f ON f.id = mv.id
			JOIN results i ON i.dataset_id = mv.dataset_id AND i.metric_id = mv.metric_id AND i.method_id = mv.method_id
				AND i.setting = f.setting AND i.extra_data = f.extra_data AND i.params_text = f.params_text
				AND i.reported_in = f.reported_in AND i.score = f.score
				AND NOT EXISTS (SELECT 1 FROM merge_moves o WHERE o.id = i.id)`).Scan(&dups).Error
		if err != nil {
			return err
		}
		fs, is := make([]int64, len(dups)), make([]int64, len(dups))
		for k, d := range dups {
			fs[k], is[k] = d.FromResult, d.IntoResult
		}
		for _, ref := range []struct{ table, col string }{
			{"revisions", "result_id"}, {"submissions", "result_id"}, {"submissions", "applied_result_id"},
		} {
			if _, err := j.before(ctx, tx, ref.table, []string{ref.col}, "t."+ref.col+" = ANY($1)", fs); err != nil {
				return err
			}
			if err := db.Exec("UPDATE "+ref.table+" t SET "+ref.col+" = d.i FROM unnest($1::bigint[], $2::bigint[]) AS d(f, i) WHERE t."+
				ref.col+" = d.f", fs, is).Error; err != nil {
				return err
			}
		}
		if err := db.Exec("DELETE FROM merge_moves WHERE id = ANY($1)", fs).Error; err != nil {
			return err
		}
		if _, err := j.deleted(ctx, tx, "results", "t.id = ANY($1)", fs); err != nil {
			return err
		}
	}
	// The results move. Only the columns this kind of merge changes are
	// journalled, so that undoing it restores those and leaves what a
	// later merge of another kind changed as that merge left it.
	moved := map[string][]string{MergeMethod: {"method_id"}, MergeMetric: {"metric_id"}, MergeDataset: {"dataset_id", "metric_id"}}[plan.Kind]
	if _, err := j.before(ctx, tx, "results", moved, "t.id IN (SELECT id FROM merge_moves)"); err != nil {
		return err
	}
	if err := db.Exec(`UPDATE results r SET dataset_id = mv.dataset_id, metric_id = mv.metric_id, method_id = mv.method_id
		FROM merge_moves mv WHERE r.id = mv.id`).Error; err != nil {
		return err
	}
	var touched []int64
	if err := db.Raw("SELECT DISTINCT dataset_id FROM merge_moves").Scan(&touched).Error; err != nil {
		return err
	}
	switch plan.Kind {
	case MergeMethod:
		if err := mergeMethodRows(ctx, tx, j, plan); err != nil {
			return err
		}
	case MergeMetric:
		if err := mergeMetricRows(ctx, tx, j, from, into, plan.From.DatasetID); err != nil {
			return err
		}
		touched = append(touched, plan.From.DatasetID)
	case MergeDataset:
		if err := mergeDatasetRows(ctx, tx, j, plan); err != nil {
			return err
		}
		touched = append(touched, into)
	}
	return db.Exec("UPDATE datasets SET data_version = data_version + 1 WHERE id = ANY($1)", touched).Error
}

func mergeMethodRows(ctx context.Context, tx *gorm.DB, j *journal, plan MergePlan) error {
	db := tx.WithContext(ctx)
	from, into := plan.From.ID, plan.Into.ID
	if _, err := j.before(ctx, tx, "method_aliases", []string{"method_id"}, "t.method_id = $1", from); err != nil {
		return err
	}
	if err := db.Exec("UPDATE method_aliases SET method_id = $2 WHERE method_id = $1", from, into).Error; err != nil {
		return err
	}
	// The paper that introduced the method, when into has none.
	if _, err := j.before(ctx, tx, "methods", []string{"paper_id"}, "t.id = $2 AND t.paper_id IS NULL AND (SELECT paper_id FROM methods WHERE id = $1) IS NOT NULL", from, into); err != nil {
		return err
	}
	if err := db.Exec("UPDATE methods SET paper_id = (SELECT paper_id FROM methods WHERE id = $1) WHERE id = $2 AND paper_id IS NULL", from, into).Error; err != nil {
		return err
	}
	if _, err := j.deleted(ctx, tx, "methods", "t.id = $1", from); err != nil {
		return err
	}
	_, err := j.inserted(ctx, tx, "method_aliases", `INSERT INTO method_aliases AS t (alias, method_id)
		SELECT $1, $2 WHERE lower($1) <> lower((SELECT name FROM methods WHERE id = $2))
		ON CONFLICT DO NOTHING RETURNING to_jsonb(t)::text`, plan.From.Name, into)
	return err
}

// mergeMetricRows folds metric from into metric into, on dataset
// datasetID (into's): aliases, direction decisions, primacy, decimals,
// and from's name as an alias.
func mergeMetricRows(ctx context.Context, tx *gorm.DB, j *journal, from, into, datasetID int64) error {
	db := tx.WithContext(ctx)
	// from's aliases that into's dataset has already are dropped.
	if _, err := j.deleted(ctx, tx, "metric_aliases", `t.metric_id = $1 AND EXISTS (SELECT 1 FROM metric_aliases o
		WHERE o.dataset_id = $2 AND o.metric_id <> $1 AND lower(o.alias) = lower(t.alias))`, from, datasetID); err != nil {
		return err
	}
	if _, err := j.before(ctx, tx, "metric_aliases", []string{"dataset_id", "metric_id"}, "t.metric_id = $1", from); err != nil {
		return err
	}
	if err := db.Exec("UPDATE metric_aliases SET dataset_id = $3, metric_id = $2 WHERE metric_id = $1", from, into, datasetID).Error; err != nil {
		return err
	}
	// A proposal to add a result names its metric by id.
	if _, err := j.before(ctx, tx, "submissions", []string{"after"}, "t.kind = 'add' AND (t.after->>'metric_id')::bigint = $1", from); err != nil {
		return err
	}
	if err := db.Exec(`UPDATE submissions SET after = jsonb_set(after, '{metric_id}', to_jsonb($2::bigint))
		WHERE kind = 'add' AND (after->>'metric_id')::bigint = $1`, from, into).Error; err != nil {
		return err
	}
	if _, err := j.before(ctx, tx, "metric_direction_changes", []string{"metric_id"}, "t.metric_id = $1", from); err != nil {
		return err
	}
	if err := db.Exec("UPDATE metric_direction_changes SET metric_id = $2 WHERE metric_id = $1", from, into).Error; err != nil {
		return err
	}
	// into takes from's primacy (one primary per dataset: from's goes
	// first) and the larger of the two decimals.
	if _, err := j.before(ctx, tx, "metrics", []string{"is_primary"}, "t.id = $1 AND t.is_primary", from); err != nil {
		return err
	}
	var wasPrimary bool
	if err := db.Raw("UPDATE metrics SET is_primary = false WHERE id = $1 AND is_primary RETURNING true", from).Scan(&wasPrimary).Error; err != nil {
		return err
	}
	if wasPrimary {
		if _, err := j.before(ctx, tx, "metrics", []string{"is_primary"}, "t.id = $1", into); err != nil {
			return err
		}
		if err := db.Exec(`UPDATE metrics SET is_primary = true WHERE id = $1
			AND NOT EXISTS (SELECT 1 FROM metrics o WHERE o.dataset_id = $2 AND o.is_primary)`, into, datasetID).Error; err != nil {
			return err
		}
	}
	if _, err := j.before(ctx, tx, "metrics", []string{"decimals"}, "t.id = $2 AND t.decimals < (SELECT decimals FROM metrics WHERE id = $1)", from, into); err != nil {
		return err
	}
	if err := db.Exec("UPDATE metrics SET decimals = (SELECT decimals FROM metrics WHERE id = $1) WHERE id = $2 AND decimals < (SELECT decimals FROM metrics WHERE id = $1)", from, into).Error; err != nil {
		return err
	}
	var name string
	if err := db.Raw("SELECT name FROM metrics WHERE id = $1", from).Scan(&name).Error; err != nil {
		return err
	}
	if _, err := j.deleted(ctx, tx, "metrics", "t.id = $1", from); err != nil {
		return err
	}
	_, err := j.inserted(ctx, tx, "metric_aliases", `INSERT INTO metric_aliases AS t (dataset_id, alias, metric_id)
		SELECT $1, $2, $3 WHERE lower($2) <> lower((SELECT name FROM metrics WHERE id = $3))
		ON CONFLICT DO NOTHING RETURNING to_jsonb(t)::text`, datasetID, name, into)
	return err
}

func mergeDatasetRows(ctx context.Context, tx *gorm.DB, j *journal, plan MergePlan) error {
	db := tx.WithContext(ctx)
	from, into := plan.From.ID, plan.Into.ID
	var moved []int64
	for _, m := range plan.Metrics {
		if m.IntoID != 0 {
			if err := mergeMetricRows(ctx, tx, j, m.FromID, m.IntoID, into); err != nil {
				return fmt.Errorf("metric %s: %w", m.FromName, err)
			}
		} else {
			moved = append(moved, m.FromID)
		}
	}
	if len(moved) > 0 {
		// Metrics moved over as they are: a free slug, after into's own
		// metrics, and primary only if into has none.
		var taken []string
		if err := db.Raw("SELECT slug FROM metrics WHERE dataset_id = $1", into).Scan(&taken).Error; err != nil {
			return err
		}
		used := map[string]bool{}
		for _, s := range taken {
			used[s] = true
		}
		var ms []model.Metric
		if err := db.Raw("SELECT id, slug, is_primary FROM metrics WHERE id = ANY($1) ORDER BY position, id", moved).Scan(&ms).Error; err != nil {
			return err
		}
		var hasPrimary bool
		if err := db.Raw("SELECT EXISTS (SELECT 1 FROM metrics WHERE dataset_id = $1 AND is_primary)", into).Scan(&hasPrimary).Error; err != nil {
			return err
		}
		next, err := count(ctx, tx, "SELECT coalesce(max(position) + 1, 0) FROM metrics WHERE dataset_id = $1", into)
		if err != nil {
			return err
		}
		if _, err := j.before(ctx, tx, "metrics", []string{"dataset_id", "slug", "is_primary", "position"}, "t.id = ANY($1)", moved); err != nil {
			return err
		}
		for k, m := range ms {
			slug := m.Slug
			for n := 2; used[slug]; n++ {
				slug = fmt.Sprintf("%s-%d", m.Slug, n)
			}
			used[slug] = true
			if err := db.Exec("UPDATE metrics SET dataset_id = $2, slug = $3, is_primary = $4, position = $5 WHERE id = $1",
				m.ID, into, slug, m.IsPrimary && !hasPrimary, next+k).Error; err != nil {
				return err
			}
		}
		if _, err := j.deleted(ctx, tx, "metric_aliases", `t.metric_id = ANY($1) AND EXISTS (SELECT 1 FROM metric_aliases o
			WHERE o.dataset_id = $2 AND lower(o.alias) = lower(t.alias))`, moved, into); err != nil {
			return err
		}
		if _, err := j.before(ctx, tx, "metric_aliases", []string{"dataset_id"}, "t.metric_id = ANY($1)", moved); err != nil {
			return err
		}
		if err := db.Exec("UPDATE metric_aliases SET dataset_id = $2 WHERE metric_id = ANY($1)", moved, into).Error; err != nil {
			return err
		}
	}
	for _, ref := range []struct{ table, col string }{
		{"datasets", "parent_id"}, {"dataset_aliases", "dataset_id"}, {"submissions", "dataset_id"},
	} {
		if _, err := j.before(ctx, tx, ref.table, []string{ref.col}, "t."+ref.col+" = $1", from); err != nil {
			return err
		}
		if err := db.Exec("UPDATE "+ref.table+" SET "+ref.col+" = $2 WHERE "+ref.col+" = $1", from, into).Error; err != nil {
			return err
		}
	}
	if _, err := j.deleted(ctx, tx, "datasets", "t.id = $1", from); err != nil {
		return err
	}
	_, err := j.inserted(ctx, tx, "dataset_aliases", `INSERT INTO dataset_aliases AS t (alias, dataset_id)
		SELECT $1, $2 WHERE lower($1) <> lower((SELECT name FROM datasets WHERE id = $2))
		ON CONFLICT DO NOTHING RETURNING to_jsonb(t)::text`, plan.From.Name, into)
	return err
}
