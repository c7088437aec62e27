package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// resultWriter changes results inside one transaction. Every change writes
// its revision (before and after by result_snapshot()) and bumps the
// dataset's data version in that same transaction, so caches on every
// instance see it at once.
type resultWriter struct {
	tx           *gorm.DB
	actor        string
	reason       string
	submissionID *int64
}

// lockResult reads a result for update, with its metric.
func (w resultWriter) lockResult(ctx context.Context, id int64) (model.Result, model.Metric, error) {
	var rs []model.Result
	if err := w.tx.WithContext(ctx).Raw(`SELECT * FROM results WHERE id = $1 FOR UPDATE`, id).Scan(&rs).Error; err != nil {
		return model.Result{}, model.Metric{}, err
	}
	if len(rs) == 0 {
		return model.Result{}, model.Metric{}, fmt.Errorf("result %d: %w", id, ErrNotFound)
	}
	var ms []model.Metric
	if err := w.tx.WithContext(ctx).Raw(selectMetrics+` WHERE id = $1`, rs[0].MetricID).Scan(&ms).Error; err != nil {
		return model.Result{}, model.Metric{}, err
	}
	if len(ms) == 0 {
		return model.Result{}, model.Metric{}, fmt.Errorf("metric %d: %w", rs[0].MetricID, ErrNotFound)
	}
	return rs[0], ms[0], nil
}

// changedSince explains how a result moved on from the version a
// submission or a page was based on.
func (w resultWriter) changedSince(ctx context.Context, cur model.Result, m model.Metric, base int, before *model.Fields) error {
	var last []struct {
		Action    string
		Actor     string
		CreatedAt time.Time
	}
	if err := w.tx.WithContext(ctx).Raw(`SELECT action, actor, created_at FROM revisions WHERE result_id = $1 ORDER BY id DESC LIMIT 1`,
		cur.ID).Scan(&last).Error; err != nil {
		return err
	}
	msg := fmt.Sprintf("Result #%d changed after this was based on it (version %d, now %d)", cur.ID, base, cur.Version)
	if len(last) == 1 {
		msg += fmt.Sprintf("; the last change was a %s by %s at %s", last[0].Action, orSomeone(last[0].Actor),
			last[0].CreatedAt.UTC().Format("2006-01-02 15:04 UTC"))
	}
	if before != nil {
		var parts []string
		for _, d := range model.Diff(*before, model.ProposalFields(cur, m), m.Decimals) {
			parts = append(parts, fmt.Sprintf("%s %s → %s", strings.ToLower(d.Label), orNone(d.From), orNone(d.To)))
		}
		if cur.RetiredAt != nil {
			parts = append(parts, "it was retired")
		}
		if len(parts) > 0 {
			msg += ". What changed: " + strings.Join(parts, "; ")
		}
	}
	return conflictf("%s. Nothing was applied: look at the result's history, then reject this or make a new suggestion against the current version.", msg)
}

func orSomeone(s string) string {
	if s == "" {
		return "someone"
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

// lockUnchanged locks the submission's result and checks that it is still
// the version the submitter saw; otherwise the 409 says what changed.
func (w resultWriter) lockUnchanged(ctx context.Context, sub model.Submission) (model.Result, model.Metric, error) {
	cur, m, err := w.lockResult(ctx, *sub.ResultID)
	if err != nil {
		return cur, m, err
	}
	if cur.Version != *sub.BaseVersion {
		return cur, m, w.changedSince(ctx, cur, m, *sub.BaseVersion, sub.Before)
	}
	return cur, m, nil
}

// applyCorrection writes a correction's changed fields onto its result.
func (w resultWriter) applyCorrection(ctx context.Context, sub model.Submission) (int64, error) {
	cur, m, err := w.lockUnchanged(ctx, sub)
	if err != nil {
		return 0, err
	}
	if cur.RetiredAt != nil {
		return 0, conflictf("Result #%d is retired; it can be brought back only by reverting it from its page.", cur.ID)
	}
	next := cur
	before, after := *sub.Before, *sub.After
	diff := model.Diff(before, after, m.Decimals)
	valueChanged := model.Changed(diff, "value")
	if valueChanged {
		// The new number is in the metric's unit, as the form showed it.
		next.Value, next.Unit, next.Score, next.Raw = after.Value, m.Unit, after.Value, after.ValueText
	}
	switch {
	case model.Changed(diff, "plus_minus") && after.PlusMinus == nil:
		next.PlusMinus = nil
	case model.Changed(diff, "plus_minus"):
		pm := model.ConvertUnit(*after.PlusMinus, m.Unit, next.Unit)
		next.PlusMinus = &pm
	case valueChanged && cur.PlusMinus != nil && cur.Unit != next.Unit:
		pm := model.ConvertUnit(*cur.PlusMinus, cur.Unit, next.Unit)
		next.PlusMinus = &pm
	}
	if model.Changed(diff, "setting") {
		next.Setting = after.Setting
	}
	if model.Changed(diff, "extra_data") {
		next.ExtraData = after.ExtraData
	}
	if model.Changed(diff, "source_url") {
		// The old label named the old address ("github.com/microsoft/unilm
		// beit/README.md" over an arXiv link): the label follows the URL.
		next.SourceURL = after.SourceURL
		next.Source = ""
		if after.SourceURL != "" {
			next.Source = model.SourceLabel(after.SourceURL)
		}
	}
	if err := w.update(ctx, next, cur.Version, "correction"); err != nil {
		return 0, err
	}
	return cur.ID, nil
}

// retire hides a flagged result from the leaderboards; it keeps its row,
// its page and its history.
func (w resultWriter) retire(ctx context.Context, sub model.Submission) (int64, error) {
	cur, _, err := w.lockUnchanged(ctx, sub)
	if err != nil {
		return 0, err
	}
	if cur.RetiredAt != nil {
		return 0, conflictf("Result #%d is retired already.", cur.ID)
	}
	next := cur
	now := time.Now()
	next.RetiredAt = &now
	if err := w.update(ctx, next, cur.Version, "retire"); err != nil {
		return 0, err
	}
	return cur.ID, nil
}

// add inserts a proposed result, under the method whose name or alias
// matches (ignoring case), or a new method.
func (w resultWriter) add(ctx context.Context, sub model.Submission) (int64, error) {
	f := *sub.After
	var ms []model.Metric
	if err := w.tx.WithContext(ctx).Raw(selectMetrics+` WHERE id = $1 AND dataset_id = $2`, f.MetricID, sub.DatasetID).Scan(&ms).Error; err != nil {
		return 0, err
	}
	if len(ms) == 0 {
		return 0, conflictf("The metric this result was proposed for no longer belongs to the dataset.")
	}
	m := ms[0]
	method, err := w.method(ctx, f.Method)
	if err != nil {
		return 0, err
	}
	paperID, err := w.paperOf(ctx, f, method)
	if err != nil {
		return 0, err
	}
	r := model.Result{DatasetID: sub.DatasetID, MetricID: m.ID, MethodID: method.ID, PaperID: paperID,
		Value: f.Value, PlusMinus: f.PlusMinus, Unit: m.Unit, Score: f.Value, Raw: f.ValueText, Setting: f.Setting,
		ExtraData: f.ExtraData, ParamsText: f.ParamsText, Params: f.Params, ReportedIn: f.ReportedIn, SourceURL: f.SourceURL,
		Confidence: "high"}
	if err := w.checkDuplicate(ctx, r); err != nil {
		return 0, err
	}
	var id int64
	err = w.tx.WithContext(ctx).Raw(`WITH ins AS (
		INSERT INTO results (dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw, setting,
			extra_data, reported_in, source_url, confidence, params_text, params)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $18, $19)
		ON CONFLICT DO NOTHING
		RETURNING results.id, result_snapshot(results) AS snap)
		INSERT INTO revisions (result_id, action, actor, reason, before, after, submission_id)
		SELECT ins.id, 'add', $15::text, $16::text, NULL, ins.snap, $17::bigint FROM ins RETURNING result_id`,
		r.DatasetID, r.MetricID, r.MethodID, r.PaperID, r.Value, r.PlusMinus, r.Unit, r.Score, r.Raw, r.Setting,
		r.ExtraData, r.ReportedIn, r.SourceURL, r.Confidence, w.actor, w.reason, w.submissionID, r.ParamsText, r.Params).Scan(&id).Error
	if err != nil {
		return 0, w.mapError(err)
	}
	if id == 0 {
		return 0, conflictf("An identical report (same method, metric, setting, extra data, source and number) exists already.")
	}
	return id, w.bump(ctx, r.DatasetID)
}

// paperOf is the paper a proposed result names (found by title, ignoring
// case, or made), else the method's own. A new method takes the paper as
// the one that introduced it. The code link goes to the paper, or to the
// method when no paper is known, and fills only an empty one: a moderator
// corrects a stored link, a suggestion never overwrites it.
func (w resultWriter) paperOf(ctx context.Context, f model.Fields, method model.Method) (*int64, error) {
	db := w.tx.WithContext(ctx)
	if f.PaperTitle == "" {
		if f.CodeURL != "" {
			if method.PaperID != nil {
				err := db.Exec(`UPDATE papers SET code_url = $1 WHERE id = $2 AND code_url = ''`, f.CodeURL, *method.PaperID).Error
				return method.PaperID, err
			}
			if err := db.Exec(`UPDATE methods SET code_url = $1 WHERE id = $2 AND code_url = ''`, f.CodeURL, method.ID).Error; err != nil {
				return nil, err
			}
		}
		return method.PaperID, nil
	}
	rec := model.Record{PaperTitle: f.PaperTitle, CodeURL: f.CodeURL}
	if f.PaperYear != nil {
		rec.PaperDate = strconv.Itoa(*f.PaperYear)
	}
	id, err := newCatalog(w.tx).paper(ctx, rec, paperKey(rec))
	if err != nil {
		return nil, fmt.Errorf("paper %q: %w", f.PaperTitle, err)
	}
	if f.CodeURL != "" {
		if err := db.Exec(`UPDATE papers SET code_url = $1 WHERE id = $2 AND code_url = ''`, f.CodeURL, id).Error; err != nil {
			return nil, err
		}
	}
	if f.PaperYear != nil {
		if err := db.Exec(`UPDATE papers SET year = $1 WHERE id = $2 AND year IS NULL AND published IS NULL`, *f.PaperYear, id).Error; err != nil {
			return nil, err
		}
	}
	if err := db.Exec(`UPDATE methods SET paper_id = $1 WHERE id = $2 AND paper_id IS NULL`, id, method.ID).Error; err != nil {
		return nil, err
	}
	return &id, nil
}

// method finds the method named (by name or alias, ignoring case) or
// makes it, with a slug of its own.
func (w resultWriter) method(ctx context.Context, name string) (model.Method, error) {
	if m, ok, err := matchMethod(ctx, w.tx, name); err != nil || ok {
		return m, err
	}
	base := Slugify(name)
	for i := 1; i <= 100; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		var ids []int64
		if err := w.tx.WithContext(ctx).Raw(`INSERT INTO methods (slug, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
			slug, name).Scan(&ids).Error; err != nil {
			return model.Method{}, err
		}
		if len(ids) == 1 {
			return model.Method{ID: ids[0], Slug: slug, Name: name}, nil
		}
		// The slug is taken, or another transaction made the method
		// just now: look again before trying the next slug.
		if m, ok, err := matchMethod(ctx, w.tx, name); err != nil || ok {
			return m, err
		}
	}
	return model.Method{}, fmt.Errorf("method %q: no free slug", name)
}

// checkDuplicate refuses a change that would make r identical, in the
// leaderboard's unique key, to another result.
func (w resultWriter) checkDuplicate(ctx context.Context, r model.Result) error {
	var ids []int64
	err := w.tx.WithContext(ctx).Raw(`SELECT id FROM results WHERE dataset_id = $1 AND metric_id = $2 AND method_id = $3
		AND setting = $4 AND extra_data = $5 AND params_text = $6 AND reported_in = $7 AND score = $8 AND id <> $9 LIMIT 1`,
		r.DatasetID, r.MetricID, r.MethodID, r.Setting, r.ExtraData, r.ParamsText, r.ReportedIn, r.Score, r.ID).Scan(&ids).Error
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		return conflictf("This would make the result identical to result #%d (same method, metric, setting, extra data, size, source and number). Flag one of them as a duplicate instead.", ids[0])
	}
	return nil
}

// update writes next over the result if it is still at version, with its
// revision, and bumps the dataset's data version.
func (w resultWriter) update(ctx context.Context, next model.Result, version int, action string) error {
	if err := w.checkDuplicate(ctx, next); err != nil {
		return err
	}
	res := w.tx.WithContext(ctx).Exec(`WITH old AS (SELECT result_snapshot(r) AS snap FROM results r WHERE r.id = $1),
		upd AS (
			UPDATE results r SET value = $3, plus_minus = $4, unit = $5, score = $6, raw = $7, setting = $8,
				extra_data = $9, params_text = $10, params = $11, compute_text = $12, reported_in = $13, source = $14,
				source_url = $15, confidence = $16, note = $17, paper_id = $18,
				retired_at = CASE WHEN $19::boolean THEN coalesce(r.retired_at, now()) END,
				version = r.version + 1, updated_at = now()
			WHERE r.id = $1 AND r.version = $2
			RETURNING r.id, result_snapshot(r) AS snap)
		INSERT INTO revisions (result_id, action, actor, reason, before, after, submission_id)
		SELECT upd.id, $20::text, $21::text, $22::text, old.snap, upd.snap, $23::bigint FROM upd, old`,
		next.ID, version, next.Value, next.PlusMinus, next.Unit, next.Score, next.Raw, next.Setting,
		next.ExtraData, next.ParamsText, next.Params, next.ComputeText, next.ReportedIn, next.Source,
		next.SourceURL, next.Confidence, next.Note, next.PaperID, next.RetiredAt != nil,
		action, w.actor, w.reason, w.submissionID)
	if res.Error != nil {
		return w.mapError(res.Error)
	}
	if res.RowsAffected == 0 {
		// Only reachable if the row lock was not taken first; kept as
		// the optimistic lock's last word.
		return conflictf("Result #%d changed while this was being applied; nothing was applied. Reload and try again.", next.ID)
	}
	return w.bump(ctx, next.DatasetID)
}

func (w resultWriter) bump(ctx context.Context, datasetID int64) error {
	return w.tx.WithContext(ctx).Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE id = $1`, datasetID).Error
}

func (w resultWriter) mapError(err error) error {
	if isUniqueViolation(err) {
		return conflictf("An identical report (same method, metric, setting, extra data, size, source and number) exists already.")
	}
	return err
}

// snapshot is result_snapshot()'s JSON: what a revision records.
type snapshot struct {
	Value      float64  `json:"value"`
	PlusMinus  *float64 `json:"plus_minus"`
	Unit       string   `json:"unit"`
	Raw        string   `json:"raw"`
	Setting    string   `json:"setting"`
	ExtraData  bool     `json:"extra_data"`
	Params     string   `json:"params"`
	Compute    string   `json:"compute"`
	ReportedIn string   `json:"reported_in"`
	Source     string   `json:"source"`
	SourceURL  string   `json:"source_url"`
	Confidence string   `json:"confidence"`
	Note       string   `json:"note"`
	PaperID    *int64   `json:"paper_id"`
	Retired    bool     `json:"retired"`
}

// Revert is a moderator's request to bring a result back to the state an
// earlier revision recorded.
type Revert struct {
	ResultID   int64
	RevisionID int64
	Version    int // the result's version the moderator saw
	Moderator  model.User
	Comment    string
}

// RevertResult writes the fields recorded by an earlier revision back onto
// its result, as a new revision with action "revert"; a retired result
// comes back when the revision is from before it was retired. The result
// must still be at the version the moderator saw.
func (s *Store) RevertResult(ctx context.Context, rv Revert) error {
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		w := resultWriter{tx: tx, actor: rv.Moderator.Email}
		cur, m, err := w.lockResult(ctx, rv.ResultID)
		if err != nil {
			return err
		}
		if cur.Version != rv.Version {
			return w.changedSince(ctx, cur, m, rv.Version, nil)
		}
		var revs []struct {
			After []byte
			Same  bool
		}
		if err := tx.WithContext(ctx).Raw(`SELECT v.after, (result_snapshot(r) - 'version') = (v.after - 'version') AS same
			FROM revisions v JOIN results r ON r.id = v.result_id WHERE v.id = $1 AND v.result_id = $2`,
			rv.RevisionID, rv.ResultID).Scan(&revs).Error; err != nil {
			return err
		}
		if len(revs) == 0 {
			return fmt.Errorf("revision %d of result %d: %w", rv.RevisionID, rv.ResultID, ErrNotFound)
		}
		if revs[0].Same {
			return conflictf("Result #%d has the values of revision #%d already; nothing to revert.", rv.ResultID, rv.RevisionID)
		}
		var snap snapshot
		if err := json.Unmarshal(revs[0].After, &snap); err != nil {
			return fmt.Errorf("revision %d: %w", rv.RevisionID, err)
		}
		next := cur
		next.Value, next.PlusMinus, next.Unit, next.Raw = snap.Value, snap.PlusMinus, snap.Unit, snap.Raw
		next.Score = model.ConvertUnit(snap.Value, snap.Unit, m.Unit)
		next.Setting, next.ExtraData, next.ParamsText, next.ComputeText = snap.Setting, snap.ExtraData, snap.Params, snap.Compute
		next.Params = nil
		if n, ok := model.ParseCount(snap.Params); ok {
			next.Params = &n
		}
		next.ReportedIn, next.Source, next.SourceURL = snap.ReportedIn, snap.Source, snap.SourceURL
		next.Confidence, next.Note, next.PaperID = snap.Confidence, snap.Note, snap.PaperID
		next.RetiredAt = nil
		if snap.Retired {
			now := time.Now()
			next.RetiredAt = &now
		}
		w.reason = fmt.Sprintf("revert to revision #%d", rv.RevisionID)
		if rv.Comment != "" {
			w.reason += ": " + rv.Comment
		}
		return w.update(ctx, next, cur.Version, "revert")
	})
	if err != nil {
		return fmt.Errorf("store: revert result %d: %w", rv.ResultID, err)
	}
	return nil
}
