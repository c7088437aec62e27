package store

import (
	"context"
	"fmt"

	"github.com/benchboard/benchboard/internal/model"
)

// A method's and a paper's pages list results across leaderboards: the most
// reported method has about 4,000 of them, a paper 7,000, and listing them
// all was a page of 200 KB that took most of a second to build. They are
// read a page at a time, in the order the pages show them.

// MethodBest returns one result per leaderboard the method is on, by
// dataset name: its best on the board's primary metric, or, where it
// reported none, on the first metric it did report (by the board's order).
// limit and offset page through the boards; total is how many there are
// (0 past the last page).
func (s *Store) MethodBest(ctx context.Context, methodID int64, limit, offset int) (page []model.Report, total int, err error) {
	// The method's few thousand results come off results_method_idx; only
	// a page of them is then read with its names.
	page, total, err = s.reportPage(ctx, `WITH best AS (
    SELECT DISTINCT ON (r.dataset_id) r.id, r.dataset_id
    FROM results r JOIN metrics m ON m.id = r.metric_id
    WHERE r.method_id = $1 AND r.retired_at IS NULL
    ORDER BY r.dataset_id, m.is_primary DESC, m.position, m.id,
             CASE WHEN m.higher_is_better THEN -r.score ELSE r.score END, r.id
), page AS (
    SELECT s.id, row_number() OVER (ORDER BY s.dataset, s.id) AS n, (SELECT count(*) FROM best) AS total
    FROM (SELECT b.id, d.name AS dataset FROM best b JOIN datasets d ON d.id = b.dataset_id
        ORDER BY d.name, b.id LIMIT $2 OFFSET $3) s
)`+pageOf, methodID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: best results of method %d: %w", methodID, err)
	}
	return page, total, nil
}

// MethodReports returns a page of a method's live results across datasets,
// by dataset name, primary metric first, and how many it has (0 past the
// last page).
func (s *Store) MethodReports(ctx context.Context, methodID int64, limit, offset int) (page []model.Report, total int, err error) {
	page, total, err = s.reportPage(ctx, `WITH page AS (
    SELECT s.id, row_number() OVER (ORDER BY s.dataset, s.is_primary DESC, s.position, s.id) AS n,
           (SELECT count(*) FROM results WHERE method_id = $1 AND retired_at IS NULL) AS total
    FROM (SELECT r.id, d.name AS dataset, m.is_primary, m.position
        FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN metrics m ON m.id = r.metric_id
        WHERE r.method_id = $1 AND r.retired_at IS NULL
        ORDER BY d.name, m.is_primary DESC, m.position, r.id LIMIT $2 OFFSET $3) s
)`+pageOf, methodID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: reports of method %d: %w", methodID, err)
	}
	return page, total, nil
}

// pageOf reads the results a CTE named page picked (their ids, their
// places n and the count of all the page is cut from, total), with their
// names, in page order.
// Each page CTE cuts its page with ORDER BY … LIMIT, which Postgres
// answers with a sort that keeps only offset+limit rows, and numbers just
// those; total is a count of its own. Numbering every row with
// row_number() and count(*) windows sorted all of a paper's 7,000
// results in full: a third of the paper page's query (34 → 23 ms).
// Only the page's rows are joined to their names: the full rows of a
// method's 4,000 results cost more to read than to rank.
const pageOf = `
SELECT q.*, page.total FROM page JOIN (` + reportSelect + ` WHERE r.id IN (SELECT id FROM page)) q ON q.id = page.id
ORDER BY page.n`

// paperCites selects the live results a paper reported (with what the
// page sorts them by, so that they are not looked up again): those
// of the methods it introduced ($1, its id), and those whose source cites
// its arXiv id ($2; "" when it has none): a source URL on arxiv.org under
// the id, or the id anywhere in "reported in". Each branch repeats the
// WHERE clause of its partial index (migration 0055) so that the planner
// can use it; without them every result was read. Each branch leaves out
// what an earlier one takes, so that they are merged by UNION ALL: a
// UNION hashed every row to drop the repeats (migration 0115).
const paperCites = `
    SELECT id, dataset_id, metric_id, method_id FROM results WHERE paper_id = $1 AND retired_at IS NULL
    UNION ALL
    SELECT id, dataset_id, metric_id, method_id FROM results
    WHERE $2 <> '' AND retired_at IS NULL AND source_url LIKE 'https://arxiv.org/abs/%'
        AND source_url LIKE 'https://arxiv.org/abs/' || $2 || '%' AND paper_id IS DISTINCT FROM $1
    UNION ALL
    SELECT id, dataset_id, metric_id, method_id FROM results
    WHERE $2 <> '' AND retired_at IS NULL AND reported_in ~ '[0-9]{4}\.[0-9]{4}'
        AND reported_in LIKE '%' || $2 || '%' AND paper_id IS DISTINCT FROM $1
        AND NOT source_url LIKE 'https://arxiv.org/abs/' || $2 || '%'`

// PaperReports returns a page of the numbers a paper reported (paperCites),
// by dataset name, primary metric first, then method, and how many there
// are in all (0 past the last page).
func (s *Store) PaperReports(ctx context.Context, p model.Paper, limit, offset int) ([]model.Report, int, error) {
	arxiv := ""
	if p.ArxivID != nil {
		arxiv = *p.ArxivID // four digits, a dot, four or five: nothing LIKE treats specially
	}
	out, total, err := s.reportPage(ctx, `WITH cited AS MATERIALIZED (`+paperCites+`
), who AS (
    -- A paper's results are of a few methods: their names are looked up
    -- by id, where a join let the planner hash all 100,000 methods.
    SELECT id, name FROM methods WHERE id = ANY (ARRAY(SELECT DISTINCT method_id FROM cited))
), page AS (
    -- who is joined LEFT (every cited method is in it): joined inner,
    -- the planner expected one row of the join, and looked up the
    -- dataset and metric of each of a paper's 7,000 results by index
    -- instead of hashing the two tables once.
    SELECT s.id, row_number() OVER (ORDER BY s.dataset, s.is_primary DESC, s.position, s.method, s.id) AS n,
           (SELECT count(*) FROM cited) AS total
    FROM (SELECT c.id, d.name AS dataset, m.is_primary, m.position, me.name AS method
        FROM cited c JOIN datasets d ON d.id = c.dataset_id
        JOIN metrics m ON m.id = c.metric_id LEFT JOIN who me ON me.id = c.method_id
        ORDER BY d.name, m.is_primary DESC, m.position, me.name, c.id LIMIT $3 OFFSET $4) s
)`+pageOf, p.ID, arxiv, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: reports of paper %d: %w", p.ID, err)
	}
	return out, total, nil
}

// reportPage runs a query ending in pageOf: the page's reports and the
// total its window counted (0 when the page is empty).
func (s *Store) reportPage(ctx context.Context, query string, args ...any) ([]model.Report, int, error) {
	var rows []struct {
		model.Report
		Total int
	}
	if err := s.r(ctx).Raw(query, args...).Scan(&rows).Error; err != nil {
		return nil, 0, err
	}
	if len(rows) == 0 {
		return nil, 0, nil
	}
	out := make([]model.Report, len(rows))
	for i := range rows {
		out[i] = rows[i].Report
	}
	return out, rows[0].Total, nil
}
