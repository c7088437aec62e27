package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/model"
)

// DatasetSummary is one line of the home page.
type DatasetSummary struct {
	model.Dataset
	TaskName       string
	TaskSlug       string
	ParentName     string
	Results        int
	Rows           int // leaderboard rows: one source's report of one method in one setting
	Children       int // datasets grouped under this one (a parent benchmark)
	InTask         int // datasets of the same task
	BestMethod     string
	BestScore      *float64
	MetricName     string
	MetricUnit     string
	Decimals       int
	HigherIsBetter bool
}

// Datasets lists every dataset with its result count and current best
// on its primary metric, ordered by task then name.
func (s *Store) Datasets(ctx context.Context) ([]DatasetSummary, error) {
	return s.datasetSummaries(ctx, "", 0)
}

// TaskDatasets is Datasets for one task; ErrNotFound when no task with
// that slug has a dataset (tasks come into being with their first one).
func (s *Store) TaskDatasets(ctx context.Context, taskSlug string) ([]DatasetSummary, error) {
	out, err := s.datasetSummaries(ctx, taskSlug, 0)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("store: task %q: %w", taskSlug, ErrNotFound)
	}
	return out, err
}

// TopDatasets is Datasets cut to the perTask datasets of each task with
// the most results (InTask says how many the task has): at 10,000
// datasets the home page listed them all, 2.2 MB of it.
func (s *Store) TopDatasets(ctx context.Context, perTask int) ([]DatasetSummary, error) {
	return s.datasetSummaries(ctx, "", perTask)
}

func (s *Store) datasetSummaries(ctx context.Context, taskSlug string, perTask int) ([]DatasetSummary, error) {
	boards, err := s.boardCounts(ctx, taskSlug)
	if err != nil {
		return nil, err
	}
	children, err := s.childCounts(ctx, boards, taskSlug == "")
	if err != nil {
		return nil, err
	}
	// A task's boards are ranked by result count, then name in the
	// database's collation, as the query this replaced did (ORDER BY
	// results DESC, name). The boards come in any order; only where the
	// cut at perTask falls among boards of equal count does the name
	// decide which are shown, and only those are ordered by name
	// (nameOrder): sorting all 10,000 names by collation was most of the
	// home page's time in Postgres.
	boards, inTask := byTaskThenCount(boards)
	if perTask > 0 {
		if err := s.orderCutTies(ctx, boards, perTask); err != nil {
			return nil, err
		}
	}
	shown := boards[:0:0]
	place, task := 0, int64(-1)
	for _, b := range boards {
		if b.taskID != task {
			place, task = 0, b.taskID
		}
		place++
		if perTask > 0 && place > perTask {
			continue
		}
		shown = append(shown, b)
	}
	// Only the boards shown are read with their names, and only those
	// whose names are not kept from an earlier page at their current
	// version (summaryCache): after a write, the home page reads the one
	// board that changed instead of its 1,200 (11 ms in Postgres, a
	// sixth of it the best methods' names, probed one by one).
	parts, err := s.summaryParts(ctx, shown)
	if err != nil {
		return nil, err
	}
	order, err := s.catalogOrder(ctx, shown)
	if err != nil {
		return nil, err
	}
	out := make([]DatasetSummary, len(shown))
	for i, b := range shown {
		d := parts[i]
		d.Results, d.Rows, d.InTask, d.Children = int(b.results), int(b.rows), inTask[b.taskID], children[b.id]
		d.BestMethod, d.BestScore = b.bestName, b.bestScore
		out[i] = d
	}
	slices.SortFunc(out, func(a, b DatasetSummary) int { return cmp.Compare(order[a.ID], order[b.ID]) })
	return out, nil
}

// DatasetInfo is a dataset with its task and metrics.
type DatasetInfo struct {
	model.Dataset
	TaskName   string
	TaskSlug   string
	ParentName string
	ParentSlug string
	Metrics    []model.Metric `gorm:"-"`
}

// Primary is the dataset's primary metric (the first one if none is marked).
func (d DatasetInfo) Primary() model.Metric {
	for _, m := range d.Metrics {
		if m.IsPrimary {
			return m
		}
	}
	if len(d.Metrics) > 0 {
		return d.Metrics[0]
	}
	return model.Metric{}
}

// MetricBySlug finds one of the dataset's metrics.
func (d DatasetInfo) MetricBySlug(slug string) (model.Metric, bool) {
	for _, m := range d.Metrics {
		if m.Slug == slug {
			return m, true
		}
	}
	return model.Metric{}, false
}

// Dataset returns the dataset with slug, or ErrNotFound.
func (s *Store) Dataset(ctx context.Context, slug string) (DatasetInfo, error) {
	var rows []DatasetInfo
	err := s.r(ctx).Raw(`
SELECT d.id, d.task_id, d.parent_id, d.slug, d.name, d.description, d.data_version,
       t.name AS task_name, t.slug AS task_slug, coalesce(p.name, '') AS parent_name, coalesce(p.slug, '') AS parent_slug
FROM datasets d JOIN tasks t ON t.id = d.task_id LEFT JOIN datasets p ON p.id = d.parent_id
WHERE d.slug = $1`, slug).Scan(&rows).Error
	if err != nil {
		return DatasetInfo{}, fmt.Errorf("store: dataset %q: %w", slug, err)
	}
	if len(rows) == 0 {
		return DatasetInfo{}, fmt.Errorf("store: dataset %q: %w", slug, ErrNotFound)
	}
	d := rows[0]
	d.Metrics, err = s.metrics(ctx, d.ID)
	return d, err
}

// selectMetrics reads model.Metric rows; callers add WHERE and ORDER BY.
const selectMetrics = `SELECT id, dataset_id, slug, name, higher_is_better, direction_needs_review, unit, decimals,
	is_primary, position FROM metrics`

func (s *Store) metrics(ctx context.Context, datasetID int64) ([]model.Metric, error) {
	var ms []model.Metric
	err := s.r(ctx).Raw(selectMetrics+` WHERE dataset_id = $1 ORDER BY is_primary DESC, position, id`, datasetID).Scan(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics of dataset %d: %w", datasetID, err)
	}
	return ms, nil
}

// APIDataset is a dataset as the JSON API lists it.
type APIDataset struct {
	Slug    string         `json:"slug"`
	Name    string         `json:"name"`
	Task    string         `json:"task"`
	Parent  string         `json:"parent,omitempty"`
	Results int            `json:"results"`
	Metrics []model.Metric `json:"metrics"`
}

// AllMetrics returns every metric grouped by dataset id.
func (s *Store) AllMetrics(ctx context.Context) (map[int64][]model.Metric, error) {
	var ms []model.Metric
	err := s.r(ctx).Raw(selectMetrics + ` ORDER BY dataset_id, is_primary DESC, position, id`).Scan(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics: %w", err)
	}
	out := map[int64][]model.Metric{}
	for _, m := range ms {
		out[m.DatasetID] = append(out[m.DatasetID], m)
	}
	return out, nil
}

// DatasetVersion returns a dataset's id and data version by slug: the one
// cheap query a cached leaderboard needs to know it is still current.
func (s *Store) DatasetVersion(ctx context.Context, slug string) (id, version int64, err error) {
	var rows []struct{ ID, DataVersion int64 }
	if err := s.r(ctx).Raw("SELECT id, data_version FROM datasets WHERE slug = $1", slug).Scan(&rows).Error; err != nil {
		return 0, 0, fmt.Errorf("store: dataset %q: %w", slug, err)
	}
	if len(rows) == 0 {
		return 0, 0, fmt.Errorf("store: dataset %q: %w", slug, ErrNotFound)
	}
	return rows[0].ID, rows[0].DataVersion, nil
}

// CatalogVersion changes whenever any dataset's data does: data versions
// only grow, and a new dataset adds its own. The home page caches on it.
func (s *Store) CatalogVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.r(ctx).Raw("SELECT coalesce(sum(data_version), 0) + count(*) FROM datasets").Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("store: catalog version: %w", err)
	}
	return v, nil
}

// Children returns the datasets grouped under a parent benchmark, by
// name, each with its metrics.
func (s *Store) Children(ctx context.Context, parentID int64) ([]DatasetInfo, error) {
	var rows []DatasetInfo
	err := s.r(ctx).Raw(`
SELECT d.id, d.task_id, d.parent_id, d.slug, d.name, d.description, d.data_version,
       t.name AS task_name, t.slug AS task_slug, p.name AS parent_name, p.slug AS parent_slug
FROM datasets d JOIN tasks t ON t.id = d.task_id JOIN datasets p ON p.id = d.parent_id
WHERE d.parent_id = $1 ORDER BY d.name`, parentID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: datasets under %d: %w", parentID, err)
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	// One query for every child's metrics: a group imported with its
	// subtasks (MMLU's 57) would otherwise cost a query each.
	var ms []model.Metric
	err = s.r(ctx).Raw(selectMetrics+` WHERE dataset_id = ANY($1) ORDER BY dataset_id, is_primary DESC, position, id`, ids).Scan(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics of the datasets under %d: %w", parentID, err)
	}
	byDataset := map[int64][]model.Metric{}
	for _, m := range ms {
		byDataset[m.DatasetID] = append(byDataset[m.DatasetID], m)
	}
	for i := range rows {
		rows[i].Metrics = byDataset[rows[i].ID]
	}
	return rows, nil
}

// boardCounts keeps each board's result and row counts and its best
// result on its primary metric (the method and the score) with the data
// version they were read at. Every write to a board bumps its version, so
// they are used only while their board is unchanged: the home page reads
// again the boards that changed since it last looked, not a million
// results (a second at that scale). The best result's method is kept by
// name: a method's name never changes, and a merge that moves its results
// bumps the boards' versions.
type boardCounts struct {
	mu   sync.Mutex
	byID map[int64]boardCount
}

type boardCount struct {
	version, results, rows int64
	bestName               string   // the best result's method; "": no live result on the primary metric
	bestScore              *float64 // nil with it
}

// boardSummary is a board as boardCounts returns it: its counts and best
// beside what the home page ranks and groups it by.
type boardSummary struct {
	boardCount
	id, taskID, parentID int64 // parentID 0: none
}

// byTaskThenCount orders boards by task, then result count (most
// first), then id, and counts each task's boards. Boards are first put
// in their task's place (a counting sort over the hundred or so tasks),
// and only each task's sorted: one sort of all 10,000 boards of the home
// page, moving 56-byte structs, was a fifth of its Go time.
func byTaskThenCount(boards []boardSummary) ([]boardSummary, map[int64]int) {
	inTask := map[int64]int{}
	for _, b := range boards {
		inTask[b.taskID]++
	}
	tasks := make([]int64, 0, len(inTask))
	for t := range inTask {
		tasks = append(tasks, t)
	}
	slices.Sort(tasks)
	next := make(map[int64]int, len(tasks)) // where a task's next board goes
	at := 0
	for _, t := range tasks {
		next[t] = at
		at += inTask[t]
	}
	out := make([]boardSummary, len(boards))
	for _, b := range boards {
		out[next[b.taskID]] = b
		next[b.taskID]++
	}
	at = 0
	for _, t := range tasks {
		slices.SortFunc(out[at:at+inTask[t]], func(a, b boardSummary) int {
			if c := cmp.Compare(b.results, a.results); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		at += inTask[t]
	}
	return out, inTask
}

// boardCounts returns the task's boards (every board when taskSlug is
// ""), in no particular order. A version is read before its board is
// counted: a count may be newer than its version, never older.
func (s *Store) boardCounts(ctx context.Context, taskSlug string) ([]boardSummary, error) {
	type version struct{ ID, TaskID, ParentID, DataVersion int64 }
	// Through pgx itself, as the summaries below: gorm's reflection over
	// the 10,000 boards of the home page was a third of its Go time.
	// Every board's version, for the home page, is a scan of datasets
	// alone: joined to tasks (for the one statement both pages shared)
	// and sorted, it took five times as long. The caller sorts the
	// boards by what it ranks them by.
	sql, args := `SELECT id, task_id, coalesce(parent_id, 0), data_version FROM datasets`, []any(nil)
	if taskSlug != "" {
		sql, args = `SELECT id, task_id, coalesce(parent_id, 0), data_version FROM datasets WHERE task_id = (SELECT id FROM tasks WHERE slug = $1)`, []any{taskSlug}
	}
	var v version
	dst := []any{&v.ID, &v.TaskID, &v.ParentID, &v.DataVersion}
	cur, err := pgxQuery(ctx, s, sql, args, func(rows pgx.Rows) (version, error) {
		return v, rows.Scan(dst...)
	})
	if err != nil {
		return nil, fmt.Errorf("store: board counts: %w", err)
	}
	// The boards whose kept counts are current at the versions just read
	// are answered from them; the others (staleAt, their places in out)
	// are counted below.
	var stale []int64
	var staleAt []int
	out := make([]boardSummary, len(cur))
	s.counts.mu.Lock()
	for i, c := range cur {
		out[i] = boardSummary{id: c.ID, taskID: c.TaskID, parentID: c.ParentID}
		if bc, ok := s.counts.byID[c.ID]; ok && bc.version == c.DataVersion {
			out[i].boardCount = bc
		} else {
			stale, staleAt = append(stale, c.ID), append(staleAt, i)
		}
	}
	s.counts.mu.Unlock()
	if len(stale) == 0 {
		return out, nil
	}
	fresh := make(map[int64]boardCount, len(stale))
	// A row is what a leaderboard shows as one line (see ranking.Build);
	// board_settings keeps both counts per setting at write time
	// (migration 0050), so this sums a few rows instead of grouping the
	// board's results.
	var counted []struct{ DatasetID, N, Rows int64 }
	err = s.r(ctx).Raw(`SELECT dataset_id, sum(n_results) AS n, sum(n_rows) AS rows FROM board_settings
	WHERE dataset_id = ANY($1) GROUP BY dataset_id`, stale).Scan(&counted).Error
	if err != nil {
		return nil, fmt.Errorf("store: board counts: %w", err)
	}
	for _, c := range counted {
		fresh[c.DatasetID] = boardCount{results: c.N, rows: c.Rows}
	}
	var best []struct {
		DatasetID int64
		Method    string
		Score     float64
	}
	err = s.r(ctx).Raw(`SELECT m.dataset_id, (SELECT me.name FROM methods me WHERE me.id = b.method_id) AS method, b.score
FROM metrics m CROSS JOIN LATERAL (
    -- One branch per direction, so that each is a LIMIT 1 walk of
    -- results_board_idx instead of a sort of the whole board.
    (SELECT r.method_id, r.score FROM results r
     WHERE m.higher_is_better AND r.dataset_id = m.dataset_id AND r.metric_id = m.id AND r.retired_at IS NULL
     ORDER BY r.score DESC LIMIT 1)
    UNION ALL
    (SELECT r.method_id, r.score FROM results r
     WHERE NOT m.higher_is_better AND r.dataset_id = m.dataset_id AND r.metric_id = m.id AND r.retired_at IS NULL
     ORDER BY r.score ASC LIMIT 1)
) b
WHERE m.dataset_id = ANY($1) AND m.is_primary`, stale).Scan(&best).Error
	if err != nil {
		return nil, fmt.Errorf("store: best of the boards: %w", err)
	}
	for _, b := range best {
		bc := fresh[b.DatasetID]
		bc.bestName, bc.bestScore = b.Method, &b.Score
		fresh[b.DatasetID] = bc
	}
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	for _, i := range staleAt {
		bc := fresh[cur[i].ID] // read just now; absent: no live result
		bc.version = cur[i].DataVersion
		s.counts.byID[cur[i].ID] = bc
		out[i].boardCount = bc
	}
	return out, nil
}

// orderCutTies orders by name, in the database's collation, each run of
// boards of one task with equal result counts that the cut at perTask
// falls inside (boards sorted by task, then count, best first): the name
// decides which of them are shown. The other boards' order among equals
// does not matter, as the page orders what it shows by name itself.
func (s *Store) orderCutTies(ctx context.Context, boards []boardSummary, perTask int) error {
	type run struct{ from, to int } // boards[from:to]
	var runs []run
	var ids []int64
	for start := 0; start < len(boards); {
		end := start
		for end < len(boards) && boards[end].taskID == boards[start].taskID {
			end++
		}
		if cut := start + perTask; cut < end && boards[cut-1].results == boards[cut].results {
			from, to := cut-1, cut+1
			for from > start && boards[from-1].results == boards[cut].results {
				from--
			}
			for to < end && boards[to].results == boards[cut].results {
				to++
			}
			runs = append(runs, run{from, to})
			for _, b := range boards[from:to] {
				ids = append(ids, b.id)
			}
		}
		start = end
	}
	if len(ids) == 0 {
		return nil
	}
	var byName []int64
	if err := s.r(ctx).Raw(`SELECT id FROM datasets WHERE id = ANY($1) ORDER BY name`, ids).Scan(&byName).Error; err != nil {
		return fmt.Errorf("store: board names: %w", err)
	}
	place := make(map[int64]int, len(byName))
	for i, id := range byName {
		place[id] = i
	}
	for _, r := range runs {
		sort.SliceStable(boards[r.from:r.to], func(i, j int) bool {
			return place[boards[r.from+i].id] < place[boards[r.from+j].id]
		})
	}
	return nil
}
