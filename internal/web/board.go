package web

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/sync/errgroup"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/setting"
	"github.com/benchboard/benchboard/internal/store"
)

// pageSize is how many rows one leaderboard page shows.
const pageSize = 100

// boardQuery is a leaderboard's sort, filters and page, as in its URL.
type boardQuery struct {
	Sort       string // a metric slug, or method / year / params
	Order      string // asc or desc
	Setting    string
	Extra      string // any, yes, no
	Confidence string // any, high, med, low
	YearFrom   int
	YearTo     int
	Page       int
	// FromText and ToText are the years as typed, for the form to show
	// again when one is not a year.
	FromText, ToText string

	key  ranking.Key
	desc bool

	// The setting facet, resolved against the board's groups by
	// resolveSetting: group is the protocol ranked ("" for every setting),
	// substr a free-text filter on the setting (a value that names no
	// group, as links from before the facet have it), defaulted whether
	// group is the board's default rather than asked for.
	groups      []setting.Group
	rowsPerText map[string]int
	groupOf     map[string]string // setting text → group key, for keep
	group       string
	substr      string
	defaulted   bool
}

// resolveSetting reads the setting parameter against the board's groups:
// none given ranks the default group; "all" every setting; a group key
// that group; anything else is matched as text within every setting.
func (q *boardQuery) resolveSetting(rowsPerText map[string]int) {
	groups := setting.GroupsOfCounts(rowsPerText)
	q.groups, q.rowsPerText, q.group, q.substr, q.defaulted = groups, rowsPerText, "", "", false
	q.groupOf = make(map[string]string, len(rowsPerText))
	for t := range rowsPerText {
		q.groupOf[t] = setting.Of(t)
	}
	v := strings.ToLower(q.Setting)
	switch {
	case v == "":
		q.group, q.defaulted = setting.Default(groups), true
	case v == setting.All:
	case setting.Has(groups, v):
		q.group = v
	default:
		q.substr = v
	}
}

// SettingChoice is the facet's current value as the filter form sends it.
func (q boardQuery) SettingChoice() string {
	switch {
	case q.group != "":
		return q.group
	case q.substr != "":
		return q.Setting
	}
	return setting.All
}

// parseBoardQuery reads and checks the query string; a bad value is a 400
// that names the parameter.
func parseBoardQuery(c *fiber.Ctx, d store.DatasetInfo) (boardQuery, error) {
	if len(d.Metrics) == 0 {
		return boardQuery{}, fiber.NewError(fiber.StatusNotFound,
			fmt.Sprintf("%s has no leaderboard of its own: its page, /datasets/%s, lists the datasets under it.", d.Name, d.Slug))
	}
	primary := d.Primary()
	q := boardQuery{
		Sort:       c.Query("sort", primary.Slug),
		Order:      c.Query("order"),
		Setting:    strings.TrimSpace(c.Query("setting")),
		Extra:      c.Query("extra", "any"),
		Confidence: c.Query("confidence", "any"),
		Page:       1,
	}
	bad := func(param, format string, args ...any) error {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter %q: ", param)+fmt.Sprintf(format, args...))
	}
	if m, ok := d.MetricBySlug(q.Sort); ok {
		q.key = ranking.Key{Metric: &m}
		if q.Order == "" {
			q.Order = orderName(ranking.BestFirst(m))
		}
	} else {
		valid := false
		for _, col := range ranking.Columns {
			if q.Sort == col {
				valid = true
			}
		}
		if !valid {
			var keys []string
			for _, m := range d.Metrics {
				keys = append(keys, m.Slug)
			}
			keys = append(keys, ranking.Columns...)
			return q, bad("sort", "%q is not a column of this leaderboard; use one of %s.", clip(q.Sort), strings.Join(keys, ", "))
		}
		q.key = ranking.Key{Column: q.Sort}
		if q.Order == "" {
			q.Order = map[string]string{"method": "asc", "year": "desc", "params": "asc"}[q.Sort]
		}
	}
	switch q.Order {
	case "asc":
	case "desc":
		q.desc = true
	default:
		return q, bad("order", "%q must be asc or desc.", clip(q.Order))
	}
	if len(q.Setting) > 200 {
		return q, bad("setting", "is longer than 200 characters.")
	}
	if q.Extra != "any" && q.Extra != "yes" && q.Extra != "no" {
		return q, bad("extra", "%q must be any, yes or no.", clip(q.Extra))
	}
	switch q.Confidence {
	case "any", "high", "med", "low":
	default:
		return q, bad("confidence", "%q must be any, high, med or low.", clip(q.Confidence))
	}
	page, err := pageParam(c)
	if err != nil {
		return q, err
	}
	q.Page = page
	// A bad year comes last and leaves the rest of the query whole: the
	// page shows the board unfiltered by year, the form as typed and the
	// message beside the field (a *yearError); the API answers 400.
	q.FromText, q.ToText = strings.TrimSpace(c.Query("from")), strings.TrimSpace(c.Query("to"))
	from, fromErr := yearParam("from", q.FromText)
	to, toErr := yearParam("to", q.ToText)
	switch {
	case fromErr != nil:
		return q, fromErr
	case toErr != nil:
		return q, toErr
	case from != 0 && to != 0 && from > to:
		return q, &yearError{Param: "from", Message: fmt.Sprintf("%d is after to=%d.", from, to)}
	}
	q.YearFrom, q.YearTo = from, to
	return q, nil
}

// yearError is a bad year filter: the leaderboard page shows it beside its
// field, with the rest of the query applied.
type yearError struct {
	Param, Message string
}

func (e *yearError) Error() string { return fmt.Sprintf("Bad parameter %q: %s", e.Param, e.Message) }

func yearParam(name, v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1900 || n > 2200 {
		return 0, &yearError{Param: name, Message: fmt.Sprintf("%q is not a year such as 2021.", clip(v))}
	}
	return n, nil
}

func orderName(desc bool) string {
	if desc {
		return "desc"
	}
	return "asc"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// values is the canonical query string; defaults are left out, so every
// view of a leaderboard has one shareable URL.
func (q boardQuery) values(d store.DatasetInfo) url.Values {
	v := url.Values{}
	primary := d.Primary()
	if q.Sort != primary.Slug || q.Order != orderName(ranking.BestFirst(primary)) {
		v.Set("sort", q.Sort)
		v.Set("order", q.Order)
	}
	if q.Setting != "" && !q.defaulted {
		v.Set("setting", q.Setting)
	}
	if q.Extra != "any" {
		v.Set("extra", q.Extra)
	}
	if q.Confidence != "any" {
		v.Set("confidence", q.Confidence)
	}
	if q.YearFrom != 0 {
		v.Set("from", strconv.Itoa(q.YearFrom))
	}
	if q.YearTo != 0 {
		v.Set("to", strconv.Itoa(q.YearTo))
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	return v
}

func (q boardQuery) keep(r *ranking.Row) bool {
	if q.group != "" {
		g, ok := q.groupOf[r.Setting]
		if !ok {
			g = setting.Of(r.Setting)
		}
		if g != q.group {
			return false
		}
	}
	if q.substr != "" && !strings.Contains(strings.ToLower(r.Setting), q.substr) {
		return false
	}
	if (q.Extra == "yes" && !r.ExtraData) || (q.Extra == "no" && r.ExtraData) {
		return false
	}
	if q.Confidence != "any" && r.Confidence != q.Confidence {
		return false
	}
	if q.YearFrom != 0 && (r.Year == 0 || r.Year < q.YearFrom) {
		return false
	}
	if q.YearTo != 0 && (r.Year == 0 || r.Year > q.YearTo) {
		return false
	}
	return true
}

// board is a dataset's rows as built from the database, shared read-only
// by every request until the dataset's data version moves on.
type board struct {
	version int64
	rows    []*ranking.Row
	size    int
	// rowsPerSetting counts rows by setting text, for the facet.
	rowsPerSetting map[string]int

	// charts memoises the page's charts by the query they depend on: on a
	// large board they cost more than the rest of the page together, and
	// they change only with the data (a new version is a new board).
	mu     sync.Mutex
	charts map[chartKey][]chartView
}

// chartKey is everything of a query that the charts depend on: the sort
// (which metric is plotted, and the order points are listed in) and the
// filters (which rows are plotted). The page number is not in it.
type chartKey struct {
	sort, order, setting, extra, confidence string // setting: the resolved choice
	from, to                                int
}

// chartsPerBoard bounds the memo: filters come from the URL, and a
// crawler must not fill memory with one entry per combination.
const chartsPerBoard = 4

// chartsFor returns the charts of rows (the filtered, sorted board of q),
// built once per board and query.
func (b *board) chartsFor(d store.DatasetInfo, q boardQuery, rows []*ranking.Row) []chartView {
	k := chartKey{q.Sort, q.Order, q.SettingChoice(), q.Extra, q.Confidence, q.YearFrom, q.YearTo}
	b.mu.Lock()
	cv, ok := b.charts[k]
	b.mu.Unlock()
	if ok {
		return cv
	}
	cv = boardCharts(d, q, rows)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.charts == nil {
		b.charts = make(map[chartKey][]chartView)
	}
	if len(b.charts) < chartsPerBoard {
		b.charts[k] = cv
	}
	return cv
}

// boardCache keeps built boards keyed by dataset. An entry is valid only
// for the data version it was built at; every write bumps the version in
// Postgres, so no instance ever serves a board older than the last write.
type boardCache struct {
	mu    sync.Mutex
	byID  map[int64]*board
	total int
	limit int // results held at most

	// excludes remembers, per dataset, the setting texts the head of its
	// default view left out last time (see headView): a guess, always
	// checked, so it needs no version.
	excludes map[int64][]string
}

func newBoardCache(limit int) *boardCache {
	return &boardCache{byID: map[int64]*board{}, limit: limit, excludes: map[int64][]string{}}
}

func (bc *boardCache) lastExclude(id int64) ([]string, bool) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	texts, ok := bc.excludes[id]
	return texts, ok
}

func (bc *boardCache) setExclude(id int64, texts []string) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.excludes[id] = texts
}

func (bc *boardCache) get(id, version int64) *board {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	if b := bc.byID[id]; b != nil && b.version == version {
		return b
	}
	return nil
}

func (bc *boardCache) put(id int64, b *board) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	if old := bc.byID[id]; old != nil {
		bc.total -= old.size
		delete(bc.byID, id)
	}
	if b.size > bc.limit {
		return
	}
	// Evict arbitrary boards until this one fits: simple, and a miss only
	// costs one query.
	for k, old := range bc.byID {
		if bc.total+b.size <= bc.limit {
			break
		}
		bc.total -= old.size
		delete(bc.byID, k)
	}
	bc.byID[id] = b
	bc.total += b.size
}

// loadBoard returns the dataset's board, from the cache when current.
// The version is the one read with the dataset, before its results: a
// board may hold newer data than its label says, never older.
func (s *Server) loadBoard(ctx context.Context, d store.DatasetInfo) (*board, error) {
	version := d.DataVersion
	if b := s.boards.get(d.ID, version); b != nil {
		return b, nil
	}
	// After a write, every request for the board misses at once; they
	// share one build instead of each reading the whole board.
	v, err, _ := s.builds.Do(fmt.Sprintf("%d/%d", d.ID, version), func() (any, error) {
		reports, err := s.store.BoardReports(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		b := &board{version: version, rows: ranking.Build(reports, d.Metrics), size: len(reports)}
		b.rowsPerSetting = map[string]int{}
		for _, r := range b.rows {
			b.rowsPerSetting[r.Setting]++
		}
		s.boards.put(d.ID, b)
		return b, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*board), nil
}

// headPages is how deep into a board's default view the head alone
// serves: past it, reading the whole board is as cheap.
const headPages = 10

// headOnly tells whether q is a view the board's head can answer: the
// default sort, no filters, one of the first pages.
func (q boardQuery) headOnly(d store.DatasetInfo) bool {
	p := d.Primary()
	return q.Sort == p.Slug && q.Order == orderName(ranking.BestFirst(p)) && (q.Setting == "" || q.Setting == setting.All) && q.Extra == "any" &&
		q.Confidence == "any" && q.YearFrom == 0 && q.YearTo == 0 && q.Page <= headPages
}

// headView answers a head view (q.headOnly) from the board's setting
// counts and its head. The head must leave out the settings outside the
// ranked group, which the counts decide. counts, when the caller read
// them with the dataset (store.BoardDataset), decide that before the
// head is read: one query. Without them, counts and head are read side by
// side on two connections, the head with the texts left out last time for
// this board (they change only when a new setting appears), and read
// again in the rare case the counts say otherwise. ok is false when the
// head cannot answer the page; q comes back resolved either way.
func (s *Server) headView(ctx context.Context, d store.DatasetInfo, q boardQuery, counts *store.BoardCounts) (boardView, bool, error) {
	var (
		perSetting map[string]int
		results    int
		head       []model.Report
		guess      []string
		known      bool
	)
	if counts != nil {
		perSetting, results = counts.RowsPerSetting, counts.Results
	} else {
		guess, known = s.boards.lastExclude(d.ID)
		if q.Setting == setting.All {
			guess, known = nil, true
		}
		g, gctx := errgroup.WithContext(ctx)
		g.Go(func() (err error) {
			perSetting, results, err = s.store.RowsPerSetting(gctx, d.ID)
			return err
		})
		if known {
			g.Go(func() (err error) {
				head, err = s.store.BoardTop(gctx, d, q.Page*pageSize, guess)
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return boardView{}, false, err
		}
	}
	q.resolveSetting(perSetting)
	exclude := q.headExclude()
	if !known || !sameTexts(exclude, guess) {
		var err error
		if head, err = s.boardTop(ctx, d, q, counts, exclude); err != nil {
			return boardView{}, false, err
		}
	}
	if q.Setting == "" && counts == nil {
		s.boards.setExclude(d.ID, exclude)
	}
	rows := 0
	for _, n := range perSetting {
		rows += n
	}
	rb, ok := rankHeadRows(d, q, head)
	return boardView{d: d, q: q, rb: rb, rows: rows, results: results}, ok, nil
}

// sameTexts reports whether a and b hold the same texts, in any order.
func sameTexts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := make(map[string]bool, len(a))
	for _, t := range a {
		in[t] = true
	}
	for _, t := range b {
		if !in[t] {
			return false
		}
	}
	return true
}

// rankHeadRows ranks the head's reports (store.BoardTop: the rows of every
// method with one of the first q.Page pages' rows) for q, resolved. Those
// rows come first, in the order and with the ranks the whole board gives
// them, because every row that beats one of them is among them. ok is
// false when the page reaches rows without a primary score, which only
// the whole board can order.
func rankHeadRows(d store.DatasetInfo, q boardQuery, head []model.Report) (rankedBoard, bool) {
	// Without filters every row of the group is in the view: Total is the
	// group's row count.
	total := q.groupRows()
	rb := rankedBoard{Total: total, Pages: (total + pageSize - 1) / pageSize}
	start, end := (q.Page-1)*pageSize, min(q.Page*pageSize, total)
	if start >= end {
		// An empty board has its one empty page; past the last page, the
		// whole board's path says so.
		return rb, q.Page == 1
	}
	rows := ranking.Build(head, d.Metrics)
	if q.group != "" {
		// The head holds every row of its methods; rank the group's.
		rows = slices.DeleteFunc(rows, func(r *ranking.Row) bool { return !q.keep(r) })
	}
	ranking.Rank(rows, d.Primary())
	ranking.Sort(rows, q.key, q.desc)
	if end > len(rows) || rows[end-1].Rank == 0 {
		return rb, false
	}
	rb.Page = rows[start:end]
	return rb, true
}

// headExclude are the setting texts outside the ranked group, for the
// head's query; nil for every setting.
func (q boardQuery) headExclude() []string {
	if q.group == "" {
		return nil
	}
	var texts []string
	for t := range q.rowsPerText {
		if q.groupOf[t] != q.group {
			texts = append(texts, t)
		}
	}
	return texts
}

// groupRows is how many rows the ranked group has (every row of the board
// for all settings).
func (q boardQuery) groupRows() int {
	n := 0
	for t, rows := range q.rowsPerText {
		if q.group == "" || q.groupOf[t] == q.group {
			n += rows
		}
	}
	return n
}

// rankedBoard is one request's view: filtered, ranked, sorted, paged.
type rankedBoard struct {
	All   []*ranking.Row // every row that passed the filters, in order
	Page  []*ranking.Row
	Total int
	Pages int
}

// rankBoard filters the shared rows into copies (ranks are per request),
// ranks them by the primary metric and sorts them by the query.
func rankBoard(shared []*ranking.Row, d store.DatasetInfo, q boardQuery) rankedBoard {
	rows := make([]*ranking.Row, 0, len(shared))
	for _, r := range shared {
		if q.keep(r) {
			cp := *r
			rows = append(rows, &cp)
		}
	}
	ranking.Rank(rows, d.Primary())
	ranking.Sort(rows, q.key, q.desc)
	rb := rankedBoard{All: rows, Total: len(rows), Pages: (len(rows) + pageSize - 1) / pageSize}
	start := (q.Page - 1) * pageSize
	if start < len(rows) {
		rb.Page = rows[start:min(start+pageSize, len(rows))]
	}
	return rb
}
