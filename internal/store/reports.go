package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
)

// reportSelect reads results with the names a page shows beside them.
const reportSelect = `
SELECT r.id, r.dataset_id, r.metric_id, r.method_id, r.paper_id, r.value, r.plus_minus, r.unit, r.score, r.raw,
       r.setting, r.extra_data, r.params_text, r.params, r.compute_text, r.reported_in, r.source, r.source_url,
       coalesce(p.date_precision, '') AS paper_precision, coalesce(p.arxiv_id, '') AS paper_arxiv,
       r.confidence, r.note, r.retired_at, r.version, r.created_at, r.updated_at, r.verified, r.needs_review,
       me.name AS method_name, me.slug AS method_slug,
       coalesce(p.title, '') AS paper_title, coalesce(p.slug, '') AS paper_slug, p.year AS paper_year, p.published AS paper_date,
       coalesce(nullif(p.code_url, ''), me.code_url) AS code_url,
       d.name AS dataset_name, d.slug AS dataset_slug, m.name AS metric_name, m.slug AS metric_slug
FROM results r
JOIN methods me ON me.id = r.method_id
JOIN datasets d ON d.id = r.dataset_id
JOIN metrics m ON m.id = r.metric_id
LEFT JOIN papers p ON p.id = r.paper_id`

// boardSelect is reportSelect without the joins to datasets and metrics:
// every row of a board has the same dataset, and its few metrics are
// looked up once. With those joins the planner hashed the whole metrics
// table for every board, even a 100-row one (3 of its 5 ms at 17,000
// metrics).
const boardSelect = `
SELECT r.id, r.dataset_id, r.metric_id, r.method_id, r.paper_id, r.value, r.plus_minus, r.unit, r.score, r.raw,
       r.setting, r.extra_data, r.params_text, r.params, r.compute_text, r.reported_in, r.source, r.source_url,
       coalesce(p.date_precision, '') AS paper_precision, coalesce(p.arxiv_id, '') AS paper_arxiv,
       r.confidence, r.note, r.retired_at, r.version, r.created_at, r.updated_at,
       me.name AS method_name, me.slug AS method_slug,
       coalesce(p.title, '') AS paper_title, coalesce(p.slug, '') AS paper_slug, p.year AS paper_year, p.published AS paper_date,
       coalesce(nullif(p.code_url, ''), me.code_url) AS code_url
FROM results r
JOIN methods me ON me.id = r.method_id
LEFT JOIN papers p ON p.id = r.paper_id`

// BoardReports returns every live result of a dataset, in insertion order.
// A large leaderboard has tens of thousands of them, so the rows are
// scanned into the struct's fields directly: gorm's reflection-driven Scan
// costs about as much again as the query itself at that size.
func (s *Store) BoardReports(ctx context.Context, datasetID int64) ([]model.Report, error) {
	return s.boardReports(ctx, datasetID, nil, "", "")
}

// BoardTop reads a board's head without reading the board: the live
// results of every method that has one of the board's n first rows in the
// default view (best first by the primary metric, ties as ranking.Sort
// orders them). A row (one source's report of one method in one setting,
// see ranking.Build) is represented by its first report of the primary
// metric, kept in board_cells. Every row that ranks above one of the n is
// among them, and the rows tied with the n-th that are left out would
// only follow it, so ranking their methods' reports gives the same ranks
// and order as ranking the whole board, up to the n-th row. One
// exception, left on purpose:
// ranking treats scores within 1e-9 (relative) as equal (0.793 as a
// fraction is 79.30000000000001 as a percent), while the cut at the n-th
// row compares exactly; a row a hair's breadth below the cut could rank
// beside it on the whole board and is not read here.
//
// exclude leaves out rows with those setting texts (the settings outside
// the group a board ranks by, see package setting); nil leaves out none.
// It is a list to leave out, not one to keep, because the ranked group is
// the board's largest: "setting <> ALL" keeps the walk down the index
// that stops at the n-th row, where "setting = ANY" let the planner read
// the whole board and sort it (69 ms instead of 2.6 ms at 10,000 rows, on
// results). The board's row count is not read here: RowsPerSetting has it.
//
// The reports carry what a page shows and ranks by: the result's value
// as reported, paper id, note, compute text, version and times, and the
// paper's date precision and arXiv id are left empty.
func (s *Store) BoardTop(ctx context.Context, d DatasetInfo, n int, exclude []string) ([]model.Report, error) {
	datasetID, primary := d.ID, d.Primary()
	// The rows come off board_cells (migration 0050): each row's first
	// live report of the metric, kept at write time, walked best first by
	// board_cells_rank_idx until the n-th row, with ties.
	// board_head_cells (migration 0100) hands them over with the method's
	// name and the row's first report, what ranking.Sort breaks ties by:
	// put in the page's order here, only the first n rows' methods are
	// read. Reading every tied row's reports, as board_head_rows did, read
	// 396 reports for the 171 rows that share the 10,000-row bench board's
	// top score.
	cells, err := pgxQuerySized(ctx, s, n+n/2, `SELECT * FROM board_head_cells($1, $2, $3, $4, $5)`,
		[]any{datasetID, primary.ID, n, exclude, primary.HigherIsBetter}, func(rows pgx.Rows) (headCell, error) {
			var c headCell
			err := rows.Scan(&c.method, &c.name, &c.first, &c.score)
			return c, err
		})
	if err != nil {
		return nil, fmt.Errorf("store: head of dataset %d: %w", datasetID, err)
	}
	if len(cells) > n {
		ranking.SortByFirst(cells, func(c headCell) string { return c.name }, func(c headCell) (float64, bool) { return c.score, true },
			func(c headCell) int64 { return c.first }, false, ranking.BestFirst(primary))
		cells = cells[:n]
	}
	methods := make([]int64, 0, len(cells))
	for _, c := range cells {
		methods = append(methods, c.method)
	}
	if len(methods) == 0 {
		return nil, nil // an empty board, or no row in the ranked group
	}
	slices.Sort(methods)
	methods = slices.Compact(methods)
	// board_head_of runs the statement with a plan kept for the
	// connection, and leaves the order to byID.
	h := newHeadScanner()
	out, err := pgxQuerySized(ctx, s, min(3*len(methods), 2048), `SELECT * FROM board_head_of($1, $2)`, []any{datasetID, methods},
		func(rows pgx.Rows) (model.Report, error) {
			r := model.Report{DatasetName: d.Name, DatasetSlug: d.Slug}
			r.DatasetID = datasetID
			err := h.scan(rows, &r)
			nameMetric(&r, d)
			return r, err
		})
	if err != nil {
		return nil, fmt.Errorf("store: head of dataset %d: %w", datasetID, err)
	}
	return byID(out), nil
}

// nameMetric gives report r of board d its metric's name and slug.
func nameMetric(r *model.Report, d DatasetInfo) {
	for _, m := range d.Metrics {
		if m.ID == r.MetricID {
			r.MetricName, r.MetricSlug = m.Name, m.Slug
			return
		}
	}
}

// StoredHead is the board's head as last stored (migration 0120), when it
// is still current at the epoch h was read at (BoardDataset): what
// BoardTop returned for h.N rows leaving out h.Exclude, read as one value
// off the board's row. ok is false when it is not (a write since, or none
// stored): the caller reads it with BoardTop.
func (s *Store) StoredHead(ctx context.Context, d DatasetInfo, h StoredHeadInfo) (head []model.Report, ok bool, err error) {
	if !h.Stored {
		return nil, false, nil
	}
	// Another reader may have stored a newer head since h was read: no row
	// comes back, and the board is read afresh. The value is decoded as it
	// lies in pgx's buffer, which the next message reuses.
	var decodeErr error
	found := false
	err = pgxEach(ctx, s, `SELECT head FROM board_heads WHERE dataset_id = $1 AND epoch = $2 AND stored_epoch = $2`,
		[]any{d.ID, h.Epoch}, func(rows pgx.Rows) error {
			found = true
			head, decodeErr = decodeHead(rows.RawValues()[0], d)
			return nil
		})
	switch {
	case err != nil:
		return nil, false, fmt.Errorf("store: stored head of dataset %d: %w", d.ID, err)
	case !found || decodeErr != nil:
		// A head that does not decode is read afresh (CheckStoredHeads
		// fails on it).
		return nil, false, nil
	}
	return head, true, nil
}

// HeadStored tells whether board datasetID has a stored head that is
// current: one index lookup, for a caller deciding whether to store it.
func (s *Store) HeadStored(ctx context.Context, datasetID int64) (bool, error) {
	var stored bool
	err := s.w(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM board_heads WHERE dataset_id = $1 AND stored_epoch = epoch)`, datasetID).
		Row().Scan(&stored)
	if err != nil {
		return false, fmt.Errorf("store: stored head of dataset %d: %w", datasetID, err)
	}
	return stored, nil
}

// StoreHead stores head, which BoardTop returned for n rows leaving out
// exclude after BoardDataset said the board's head was at epoch, for
// readers to come. It stores nothing, and says false, when a write has
// moved the epoch since (the head may be older than the board), or while
// another caller stores the board's head or a writer holds its row.
func (s *Store) StoreHead(ctx context.Context, datasetID, epoch int64, n int, exclude []string, head []model.Report) (bool, error) {
	var stored bool
	err := s.w(ctx).Raw(`SELECT board_head_store($1, $2, $3, $4, $5)`, datasetID, epoch, n, exclude, encodeHead(head)).
		Row().Scan(&stored)
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "55P03": // lock_not_available: a writer holds the board
		return false, nil
	case err != nil:
		return false, fmt.Errorf("store: store the head of dataset %d: %w", datasetID, err)
	}
	return stored, nil
}

// headCell is a row of the head as board_head_cells gives it: its method,
// the method's name, the row's first report and its primary score.
type headCell struct {
	method, first int64
	name          string
	score         float64
}

// byID returns the reports in result id order, the order ranking.Build
// takes as the board's (first seen, first listed). An index is sorted
// rather than the reports: moving 500-byte structs through a sort cost
// more than one copy of each into place.
func byID(reps []model.Report) []model.Report {
	if slices.IsSortedFunc(reps, func(a, b model.Report) int { return cmp.Compare(a.ID, b.ID) }) {
		return reps
	}
	idx := make([]int32, len(reps))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(reps[a].ID, reps[b].ID) })
	out := make([]model.Report, len(reps))
	for i, j := range idx {
		out[i] = reps[j]
	}
	return out
}

// boardReports reads a dataset's live results, narrowed by where (which
// continues the WHERE clause, with parameters from $2 on) and the common
// table expressions in with.
// names are the dataset's and its metrics' names, read here when nil.
func (s *Store) boardReports(ctx context.Context, datasetID int64, names []boardName, with, where string, args ...any) ([]model.Report, error) {
	if names == nil {
		err := s.r(ctx).Raw(`SELECT m.id, d.name AS dataset_name, d.slug, m.name AS metric_name, m.slug AS m_slug
			FROM datasets d JOIN metrics m ON m.dataset_id = d.id WHERE d.id = $1`, datasetID).Scan(&names).Error
		if err != nil {
			return nil, fmt.Errorf("store: reports of dataset %d: %w", datasetID, err)
		}
	}
	return s.scanReports(ctx, datasetID, names, with+boardSelect+` WHERE r.dataset_id = $1 AND r.retired_at IS NULL`+where+` ORDER BY r.id`,
		append([]any{datasetID}, args...))
}

// scanReports runs sql, whose columns are boardSelect's, and names each
// report's dataset and metric from names.
func (s *Store) scanReports(ctx context.Context, datasetID int64, names []boardName, sql string, args []any) ([]model.Report, error) {
	out, err := pgxQuery(ctx, s, sql, args, func(rows pgx.Rows) (model.Report, error) {
		var r model.Report
		if err := rows.Scan(boardFields(&r)...); err != nil {
			return r, err
		}
		for _, n := range names {
			if n.ID == r.MetricID {
				r.DatasetName, r.DatasetSlug, r.MetricName, r.MetricSlug = n.DatasetName, n.Slug, n.MetricName, n.MSlug
				break
			}
		}
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: reports of dataset %d: %w", datasetID, err)
	}
	return out, nil
}

// RowsPerSetting counts a dataset's leaderboard rows (see ranking.Build:
// one source's report of one method in one setting) by setting text, and
// its live results, as kept at write time in board_settings.
func (s *Store) RowsPerSetting(ctx context.Context, datasetID int64) (map[string]int, int, error) {
	var rows []struct {
		Setting         string
		NRows, NResults int
	}
	err := s.r(ctx).Raw(`SELECT setting, n_rows, n_results FROM board_settings WHERE dataset_id = $1 AND n_rows > 0`,
		datasetID).Scan(&rows).Error
	if err != nil {
		return nil, 0, fmt.Errorf("store: settings of dataset %d: %w", datasetID, err)
	}
	out := make(map[string]int, len(rows))
	results := 0
	for _, r := range rows {
		out[r.Setting] = r.NRows
		results += r.NResults
	}
	return out, results, nil
}

// boardName is a metric of a board, with the dataset's names.
type boardName struct {
	ID                int64
	DatasetName, Slug string
	MetricName, MSlug string
}

// boardFields are r's fields in boardSelect's column order.
func boardFields(r *model.Report) []any {
	return []any{&r.ID, &r.DatasetID, &r.MetricID, &r.MethodID, &r.PaperID, &r.Value, &r.PlusMinus, &r.Unit, &r.Score, &r.Raw,
		&r.Setting, &r.ExtraData, &r.ParamsText, &r.Params, &r.ComputeText, &r.ReportedIn, &r.Source, &r.SourceURL,
		&r.PaperPrecision, &r.PaperArxiv,
		&r.Confidence, &r.Note, &r.RetiredAt, &r.Version, &r.CreatedAt, &r.UpdatedAt,
		&r.MethodName, &r.MethodSlug, &r.PaperTitle, &r.PaperSlug, &r.PaperYear, &r.PaperDate, &r.CodeURL}
}

// Report returns one result, retired or not, or ErrNotFound.
func (s *Store) Report(ctx context.Context, id int64) (model.Report, error) {
	var out []model.Report
	if err := s.w(ctx).Raw(reportSelect+` WHERE r.id = $1`, id).Scan(&out).Error; err != nil {
		return model.Report{}, fmt.Errorf("store: result %d: %w", id, err)
	}
	if len(out) == 0 {
		return model.Report{}, fmt.Errorf("store: result %d: %w", id, ErrNotFound)
	}
	return out[0], nil
}

// SameResult returns the other reports of r's method, dataset and metric.
func (s *Store) SameResult(ctx context.Context, r model.Report) ([]model.Report, error) {
	var out []model.Report
	err := s.r(ctx).Raw(reportSelect+` WHERE r.dataset_id = $1 AND r.method_id = $2 AND r.metric_id = $3 AND r.id <> $4 ORDER BY r.id`,
		r.DatasetID, r.MethodID, r.MetricID, r.ID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: reports like %d: %w", r.ID, err)
	}
	return out, nil
}

// MethodInfo is a method with its introducing paper.
type MethodInfo struct {
	model.Method
	PaperTitle string
	PaperSlug  string
	PaperURL   string
	Aliases    []string `gorm:"-"`
}

// Method returns the method with slug, or ErrNotFound.
func (s *Store) Method(ctx context.Context, slug string) (MethodInfo, error) {
	var rows []MethodInfo
	err := s.r(ctx).Raw(`SELECT me.id, me.slug, me.name, me.paper_id, me.code_url,
		coalesce(p.title, '') AS paper_title, coalesce(p.slug, '') AS paper_slug, coalesce(p.url, '') AS paper_url
		FROM methods me LEFT JOIN papers p ON p.id = me.paper_id WHERE me.slug = $1`, slug).Scan(&rows).Error
	if err != nil {
		return MethodInfo{}, fmt.Errorf("store: method %q: %w", slug, err)
	}
	if len(rows) == 0 {
		return MethodInfo{}, fmt.Errorf("store: method %q: %w", slug, ErrNotFound)
	}
	m := rows[0]
	if err := s.r(ctx).Raw("SELECT alias FROM method_aliases WHERE method_id = $1 ORDER BY alias", m.ID).Scan(&m.Aliases).Error; err != nil {
		return m, fmt.Errorf("store: aliases of %q: %w", slug, err)
	}
	return m, nil
}

// BestScores returns the best live score of each of the given metrics.
func (s *Store) BestScores(ctx context.Context, metricIDs []int64) (map[int64]float64, error) {
	var rows []struct {
		MetricID int64
		Best     *float64 // nil: no live result
	}
	// One probe of results_board_idx per metric, from its best end: a
	// method on thousands of boards read every result of each (0.8 s for
	// 3,900 metrics at a million results; this takes a twentieth).
	err := s.r(ctx).Raw(`SELECT m.id AS metric_id, CASE WHEN m.higher_is_better
		THEN (SELECT max(r.score) FROM results r WHERE r.dataset_id = m.dataset_id AND r.metric_id = m.id AND r.retired_at IS NULL)
		ELSE (SELECT min(r.score) FROM results r WHERE r.dataset_id = m.dataset_id AND r.metric_id = m.id AND r.retired_at IS NULL) END AS best
		FROM metrics m WHERE m.id = ANY($1)`, metricIDs).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: best scores: %w", err)
	}
	out := make(map[int64]float64, len(rows))
	for _, r := range rows {
		if r.Best != nil {
			out[r.MetricID] = *r.Best
		}
	}
	return out, nil
}

// MetricsByID returns the metrics with the given ids.
func (s *Store) MetricsByID(ctx context.Context, ids []int64) (map[int64]model.Metric, error) {
	var ms []model.Metric
	err := s.r(ctx).Raw(selectMetrics+` WHERE id = ANY($1)`, ids).Scan(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics: %w", err)
	}
	out := make(map[int64]model.Metric, len(ms))
	for _, m := range ms {
		out[m.ID] = m
	}
	return out, nil
}

// Paper returns the paper with slug, or ErrNotFound.
func (s *Store) Paper(ctx context.Context, slug string) (model.Paper, error) {
	var rows []model.Paper
	err := s.r(ctx).Raw(`SELECT id, slug, title, arxiv_id, url, published, year, coalesce(date_precision, '') AS date_precision, code_url FROM papers WHERE slug = $1`, slug).Scan(&rows).Error
	if err != nil {
		return model.Paper{}, fmt.Errorf("store: paper %q: %w", slug, err)
	}
	if len(rows) == 0 {
		return model.Paper{}, fmt.Errorf("store: paper %q: %w", slug, ErrNotFound)
	}
	return rows[0], nil
}

// PaperMethods lists the methods a paper introduced.
func (s *Store) PaperMethods(ctx context.Context, paperID int64) ([]model.Method, error) {
	var out []model.Method
	err := s.r(ctx).Raw(`SELECT id, slug, name, paper_id, code_url FROM methods WHERE paper_id = $1 ORDER BY name`, paperID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: methods of paper %d: %w", paperID, err)
	}
	return out, nil
}
