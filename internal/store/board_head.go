package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/setting"
)

// BoardCounts are a board's rows per setting text and its live results,
// as kept at write time (board_settings, migration 0050).
type BoardCounts struct {
	RowsPerSetting map[string]int
	Results        int
	Head           StoredHeadInfo
}

// StoredHeadInfo says which head of a board is stored (StoredHead) and
// the epoch of the board's head, read with the board (BoardDataset): a
// head read after it may be stored at that epoch (StoreHead).
type StoredHeadInfo struct {
	Epoch   int64
	Stored  bool     // a head is stored and current at Epoch
	N       int      // the rows it was read for
	Exclude []string // the setting texts it left out
}

// BoardDataset is Dataset and RowsPerSetting in one statement: what an
// uncached leaderboard page needs before its head, in one round trip
// instead of three. The metrics and the counts come as JSON arrays, so
// that one row carries them.
func (s *Store) BoardDataset(ctx context.Context, slug string) (DatasetInfo, BoardCounts, error) {
	var (
		d             DatasetInfo
		metrics, sets []byte
		counts        BoardCounts
	)
	// board_dataset (migration 0075) runs the statement with a plan kept
	// for the connection; pgx scans its one row without database/sql.
	found, err := pgxQuery(ctx, s, `SELECT * FROM board_dataset($1)`, []any{slug}, func(rows pgx.Rows) (bool, error) {
		h := &counts.Head
		return true, rows.Scan(&d.ID, &d.TaskID, &d.ParentID, &d.Slug, &d.Name, &d.Description, &d.DataVersion,
			&d.TaskName, &d.TaskSlug, &d.ParentName, &d.ParentSlug, &metrics, &sets,
			&h.Epoch, &h.Stored, &h.N, &h.Exclude)
	})
	switch {
	case err != nil:
		return DatasetInfo{}, counts, fmt.Errorf("store: dataset %q: %w", slug, err)
	case len(found) == 0:
		return DatasetInfo{}, counts, fmt.Errorf("store: dataset %q: %w", slug, ErrNotFound)
	}
	var ms [][]json.RawMessage
	if err := json.Unmarshal(metrics, &ms); err != nil {
		return DatasetInfo{}, counts, fmt.Errorf("store: metrics of dataset %q: %w", slug, err)
	}
	for _, f := range ms {
		m := model.Metric{DatasetID: d.ID}
		if err := unmarshalAll(f, &m.ID, &m.Slug, &m.Name, &m.HigherIsBetter, &m.DirectionNeedsReview,
			&m.Unit, &m.Decimals, &m.IsPrimary, &m.Position); err != nil {
			return DatasetInfo{}, counts, fmt.Errorf("store: metrics of dataset %q: %w", slug, err)
		}
		d.Metrics = append(d.Metrics, m)
	}
	var ss [][]json.RawMessage
	if err := json.Unmarshal(sets, &ss); err != nil {
		return DatasetInfo{}, counts, fmt.Errorf("store: settings of dataset %q: %w", slug, err)
	}
	counts.RowsPerSetting = make(map[string]int, len(ss))
	for _, f := range ss {
		var text string
		var rows, results int
		if err := unmarshalAll(f, &text, &rows, &results); err != nil {
			return DatasetInfo{}, counts, fmt.Errorf("store: settings of dataset %q: %w", slug, err)
		}
		counts.RowsPerSetting[text] = rows
		counts.Results += results
	}
	return d, counts, nil
}

// unmarshalAll decodes the elements of a JSON array into dst, in order.
func unmarshalAll(fields []json.RawMessage, dst ...any) error {
	if len(fields) != len(dst) {
		return fmt.Errorf("%d fields, want %d", len(fields), len(dst))
	}
	for i, f := range fields {
		if err := json.Unmarshal(f, dst[i]); err != nil {
			return fmt.Errorf("field %d: %w", i+1, err)
		}
	}
	return nil
}

// CheckBoards compares what is kept at write time for every board
// (board_rows, board_cells, board_settings) with the same computed afresh
// from results, and names each table that differs and by how many rows.
// Tests call it after every kind of write.
func (s *Store) CheckBoards(ctx context.Context) error {
	var diffs []struct {
		Tbl string
		N   int
	}
	err := s.w(ctx).Raw(`
WITH want_rows AS (
    SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in, count(*)::int AS n_results, min(id) AS first_id
    FROM results WHERE retired_at IS NULL
    GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in
), want_cells AS (
    -- What a chart plots of a cell (migration 0085), looked up as the
    -- whole board's read looks it up: the row's first result, the
    -- method, the paper of the cell's report.
    SELECT c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in, c.id AS first_id, c.score,
        w.first_id AS row_first, f.params AS row_params, me.name AS method_name, coalesce(p.title, '') AS paper_title,
        p.year AS paper_year, p.published AS paper_date, coalesce(p.date_precision, '') AS paper_precision,
        coalesce(p.arxiv_id, '') AS paper_arxiv, c.source_url, c.source
    FROM (SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in) *
          FROM results WHERE retired_at IS NULL
          ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id) c
    JOIN want_rows w USING (dataset_id, method_id, setting, extra_data, params_text, reported_in)
    JOIN results f ON f.id = w.first_id
    JOIN methods me ON me.id = c.method_id
    LEFT JOIN papers p ON p.id = c.paper_id
), want_settings AS (
    SELECT dataset_id, setting, count(*)::int AS n_rows, sum(n_results)::int AS n_results FROM want_rows GROUP BY dataset_id, setting
), have_settings AS (
    SELECT dataset_id, setting, n_rows, n_results FROM board_settings WHERE n_rows <> 0 OR n_results <> 0
)
SELECT 'board_rows' AS tbl, count(*)::int AS n FROM (
    (TABLE want_rows EXCEPT ALL TABLE board_rows) UNION ALL (TABLE board_rows EXCEPT ALL TABLE want_rows)) x
UNION ALL
SELECT 'board_cells', count(*)::int FROM (
    (TABLE want_cells EXCEPT ALL TABLE board_cells) UNION ALL (TABLE board_cells EXCEPT ALL TABLE want_cells)) x
UNION ALL
SELECT 'board_settings', count(*)::int FROM (
    (TABLE want_settings EXCEPT ALL TABLE have_settings) UNION ALL (TABLE have_settings EXCEPT ALL TABLE want_settings)) x`).
		Scan(&diffs).Error
	if err != nil {
		return fmt.Errorf("store: check boards: %w", err)
	}
	var bad []string
	for _, d := range diffs {
		if d.N != 0 {
			bad = append(bad, fmt.Sprintf("%s differs from results in %d rows", d.Tbl, d.N))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("store: check boards: %s", strings.Join(bad, "; "))
	}
	return nil
}

// ChartCell is one row's first live report of a metric, as a chart plots
// it: the report with its method's name, its paper's title and date, and
// its row's parameter count (Params, from the row's first report of any
// metric; 0 when unknown). RowFirst is the id of that first report: rows
// are in that order on the whole board (ranking.Build keeps first-seen
// order). Its fields are values, not pointers, so that reading 10,000 of
// them allocates no more than their strings.
//
// Of what dates a report, a cell carries only what model.Report.KnownDate
// reads: PaperPrecision is model.PrecisionMonth or "" (a paper's date is
// a day unless it is known to the month), PaperArxiv only for a paper
// known to the year alone, and SourceURL, Source and ReportedIn only for
// a report whose paper gives no date. Most cells have a dated paper: the
// strings they would not be read for are not sent.
type ChartCell struct {
	ID, RowFirst       int64
	Score, Params      float64
	Method, PaperTitle string
	PaperYear          int       // 0: unknown
	PaperDate          time.Time // zero: unknown
	PaperPrecision     string
	PaperArxiv         string
	SourceURL, Source  string
	ReportedIn         string
}

// Report is the cell as the report it comes from, with what a chart
// reads of it (its date: model.Report.KnownDate).
func (c *ChartCell) Report() model.Report {
	r := model.Report{MethodName: c.Method, PaperTitle: c.PaperTitle, PaperPrecision: c.PaperPrecision, PaperArxiv: c.PaperArxiv}
	r.ID, r.Score, r.SourceURL, r.Source, r.ReportedIn = c.ID, c.Score, c.SourceURL, c.Source, c.ReportedIn
	if c.PaperYear != 0 {
		r.PaperYear = &c.PaperYear
	}
	if !c.PaperDate.IsZero() {
		r.PaperDate = &c.PaperDate
	}
	return r
}

// BoardChartCells reads, from what is kept at write time, every row's
// first report of a metric on a board, leaving out rows with the setting
// texts in exclude (nil: none), and calls each with every cell in turn,
// ordered by score (descending when desc; ties in no particular order).
// each must not keep the cell: the next row is read into it. It is what
// the charts of a board view plot: one range scan of board_cells, which
// keeps beside each cell what the charts show of it (migration 0085),
// instead of the whole board, or five index probes per row into the
// tables it comes from.
func (s *Store) BoardChartCells(ctx context.Context, datasetID, metricID int64, exclude []string, desc bool, each func(*ChartCell)) error {
	// By score, as board_cells_rank_idx gives them (the plan the scan
	// takes anyway): the caller's sort into the board's order then finds
	// them nearly sorted. The date's strings are sent only where
	// KnownDate reads them (see ChartCell). The cells are handed over one
	// at a time: a 10,000-row board's, kept in a slice only to be made
	// chart points, were a fifth of what a chart request allocated.
	order := "ASC"
	if desc {
		order = "DESC"
	}
	// One set of destinations for every row: a row's own, passed to Scan
	// by address, escaped to the heap, five allocations a row.
	var (
		c      ChartCell
		params pgtype.Float8
		year   pgtype.Int2
		date   pgtype.Date
		month  bool
	)
	dst := []any{&c.ID, &c.RowFirst, &c.Score, &params, &c.Method, &c.PaperTitle, &year, &date, &month,
		&c.PaperArxiv, &c.SourceURL, &c.Source, &c.ReportedIn}
	err := pgxEach(ctx, s, `
SELECT first_id, row_first, score, row_params, method_name, paper_title, paper_year, paper_date,
       paper_date IS NOT NULL AND paper_precision = 'month',
       CASE WHEN paper_date IS NULL AND paper_year IS NOT NULL THEN paper_arxiv ELSE '' END,
       CASE WHEN paper_date IS NULL AND paper_year IS NULL THEN source_url ELSE '' END,
       CASE WHEN paper_date IS NULL AND paper_year IS NULL THEN source ELSE '' END,
       CASE WHEN paper_date IS NULL AND paper_year IS NULL THEN reported_in ELSE '' END
FROM board_cells
WHERE dataset_id = $1 AND metric_id = $2 AND ($3::text[] IS NULL OR setting <> ALL($3))
ORDER BY score `+order,
		[]any{datasetID, metricID, exclude}, func(rows pgx.Rows) error {
			if err := rows.Scan(dst...); err != nil {
				return err
			}
			c.Params, c.PaperYear, c.PaperDate, c.PaperPrecision = params.Float64, int(year.Int16), date.Time, ""
			if month {
				c.PaperPrecision = model.PrecisionMonth
			}
			each(&c)
			return nil
		})
	if err != nil {
		return fmt.Errorf("store: chart of dataset %d: %w", datasetID, err)
	}
	return nil
}

// pgxQuery runs a read on one of the read pool's connections through pgx
// itself, and scans each row with scan. A board read returns hundreds to
// tens of thousands of rows of 33 columns: database/sql's locking and
// conversions per value were most of an uncached page's Go time in the
// store (gorm's Rows, 2.2 s of 4.0 s in a CPU profile of the bench's
// uncached API figures).
func pgxQuery[T any](ctx context.Context, s *Store, sql string, args []any, scan func(pgx.Rows) (T, error)) ([]T, error) {
	return pgxQuerySized(ctx, s, 0, sql, args, scan)
}

// pgxQuerySized is pgxQuery with room for about size rows from the start,
// for a caller that knows roughly how many come: the slice of large
// structs is not grown and copied row after row.
func pgxQuerySized[T any](ctx context.Context, s *Store, size int, sql string, args []any, scan func(pgx.Rows) (T, error)) ([]T, error) {
	var out []T
	if size > 0 {
		out = make([]T, 0, size)
	}
	err := pgxEach(ctx, s, sql, args, func(rows pgx.Rows) error {
		v, err := scan(rows)
		if err == nil {
			out = append(out, v)
		}
		return err
	})
	return out, err
}

// pgxEach is pgxQuery for a caller that keeps no row as read: each is
// called on every row in turn.
func pgxEach(ctx context.Context, s *Store, sql string, args []any, each func(pgx.Rows) error) error {
	if s.trace != nil {
		s.trace(sql, args)
	}
	sqlDB, err := s.r(ctx).DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		rows, err := dc.(*stdlib.Conn).Conn().Query(ctx, sql, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := each(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// CheckStoredHeads compares every stored head that says it is current
// (migration 0120) with the board's head read afresh the same way, and
// names each board whose differ; then it stores every board's head anew,
// as its default view would, so that the next write must let go of those
// it changes. Tests call it after every kind of write, with CheckBoards.
func (s *Store) CheckStoredHeads(ctx context.Context) error {
	var slugs []string
	if err := s.w(ctx).Raw(`SELECT d.slug FROM datasets d WHERE EXISTS (SELECT 1 FROM metrics m WHERE m.dataset_id = d.id) ORDER BY d.id`).
		Scan(&slugs).Error; err != nil {
		return fmt.Errorf("store: check heads: %w", err)
	}
	var bad []string
	for _, slug := range slugs {
		d, counts, err := s.BoardDataset(ctx, slug)
		if err != nil {
			return fmt.Errorf("store: check heads: %w", err)
		}
		h := counts.Head
		if h.Stored {
			got, ok, err := s.StoredHead(ctx, d, h)
			if err != nil {
				return fmt.Errorf("store: check heads: %w", err)
			}
			want, err := s.BoardTop(ctx, d, h.N, h.Exclude)
			if err != nil {
				return fmt.Errorf("store: check heads: %w", err)
			}
			switch {
			case !ok && len(want) > 0:
				bad = append(bad, fmt.Sprintf("%s: the head stored at epoch %d does not read back", slug, h.Epoch))
			case ok && !reflect.DeepEqual(got, want):
				bad = append(bad, fmt.Sprintf("%s: the head stored at epoch %d differs from the board's (%d reports, want %d)",
					slug, h.Epoch, len(got), len(want)))
			}
		}
		def := setting.Default(setting.GroupsOfCounts(counts.RowsPerSetting))
		var exclude []string
		for t := range counts.RowsPerSetting {
			if setting.Of(t) != def {
				exclude = append(exclude, t)
			}
		}
		head, err := s.BoardTop(ctx, d, 100, exclude)
		if err != nil {
			return fmt.Errorf("store: check heads: %w", err)
		}
		if err := s.storeHeadChecked(ctx, slug, d.ID, h.Epoch, exclude, head); err != nil {
			return err
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("store: check heads: %s", strings.Join(bad, "; "))
	}
	return nil
}

// storeHeadChecked stores a board's head for CheckStoredHeads. A running
// instance may be storing the same head in the background (it heard the
// write let it go): board_head_store then gives up at once rather than
// wait, so the check waits for the board to show a head stored at its
// epoch, by either of them, and fails only if none is after two seconds.
func (s *Store) storeHeadChecked(ctx context.Context, slug string, datasetID, epoch int64, exclude []string, head []model.Report) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		ok, err := s.StoreHead(ctx, datasetID, epoch, 100, exclude, head)
		if err != nil {
			return fmt.Errorf("store: check heads: %s: %w", slug, err)
		}
		if ok {
			return nil
		}
		_, counts, err := s.BoardDataset(ctx, slug)
		if err != nil {
			return fmt.Errorf("store: check heads: %w", err)
		}
		if counts.Head.Epoch != epoch {
			return fmt.Errorf("store: check heads: %s: epoch moved from %d to %d with no write", slug, epoch, counts.Head.Epoch)
		}
		if counts.Head.Stored {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("store: check heads: %s: no head stored at epoch %d after 2 s", slug, epoch)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
