package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/charts"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/setting"
	"github.com/benchboard/benchboard/internal/store"
)

// column is a sortable header of the leaderboard.
type column struct {
	Metric  model.Metric
	Key     string
	Label   string
	Link    string
	Current bool
	Desc    bool
}

// cellView is one value on the page, with its source and conflicts.
type cellView struct {
	Has       bool
	Text      string
	PM        string
	ResultID  int64
	SourceURL string
	Source    string
	Raw       string
	Conflicts []conflictView
}

type conflictView struct {
	Text     string
	Source   string
	ResultID int64
}

// rowView is flat on purpose: html/template finds a field of an embedded
// struct by a breadth-first search through reflection on every lookup,
// which made a third of an uncached page's rendering.
type rowView struct {
	Rank                   int
	Method, MethodSlug     string
	ExtraData              bool
	ParamsText, Setting    string
	Year                   int
	ReportedIn, Confidence string
	First                  firstView
	Cells                  []cellView
	Conflict               bool
	ResultID               int64  // the row's primary (or first) result, for its page
	SourceLabel            string // short, made from the source URL (model.SourceLabel)
}

// firstView is what a row shows of its first report.
type firstView struct {
	PaperSlug, PaperTitle, CodeURL, SourceURL, Source string
}

// shownColumns are the optional columns of a leaderboard: one that no row
// on the page fills is left out, so that a board fits the screen.
type shownColumns struct {
	Params, Setting, Paper, Code bool
}

func columnsOf(rows []*ranking.Row) shownColumns {
	var sc shownColumns
	for _, r := range rows {
		sc.Params = sc.Params || r.ParamsText != ""
		sc.Setting = sc.Setting || r.Setting != ""
		sc.Paper = sc.Paper || r.First.PaperSlug != "" || r.Year != 0
		sc.Code = sc.Code || r.First.CodeURL != ""
	}
	return sc
}

type chartView struct {
	ID      string
	Title   string
	Options string
	OK      bool
	Empty   string
	Note    string // said under the chart, e.g. how many results it leaves out
}

// datasetShow renders a leaderboard: sort and filters from the query
// string, rows ranked by the primary metric, charts of the sort metric.
func (s *Server) datasetShow(c *fiber.Ctx) error {
	return s.cachedBoard(c, func() error { return s.renderBoard(c) })
}

// boardView is one request's leaderboard: the dataset, the query, and
// the rows of its page. board is the whole board when it was read (and
// charts can be drawn from it), nil when only the head was.
type boardView struct {
	d       store.DatasetInfo
	q       boardQuery
	rb      rankedBoard
	rows    int // on the whole board, before filters
	results int // live results on the whole board
	board   *board
}

// boardFor reads what the page and the API share: the dataset, the query
// (400 naming a bad parameter), and this request's view of the board.
// The first pages of the default view of a board that is not in memory
// are read from the board's head alone (store.BoardTop): at 10,000 rows
// that is milliseconds, where reading the whole board is hundreds. full
// asks for the whole board whatever the query (the charts need it).
func (s *Server) boardFor(c *fiber.Ctx, full bool) (boardView, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, counts, err := s.store.BoardDataset(ctx, c.Params("slug"))
	if err != nil {
		return boardView{}, err
	}
	return s.boardOf(ctx, c, d, &counts, full)
}

// boardOf is boardFor for a dataset already read, with its rows per
// setting when they were read with it (nil: read them when needed).
func (s *Server) boardOf(ctx context.Context, c *fiber.Ctx, d store.DatasetInfo, counts *store.BoardCounts, full bool) (boardView, error) {
	q, err := parseBoardQuery(c, d)
	var yerr *yearError
	if err != nil && (full || !errors.As(err, &yerr)) {
		return boardView{}, err
	}
	c.Locals(builtFromLocal, builtFrom{d.ID, d.DataVersion})
	if !full && q.headOnly(d) && s.boards.get(d.ID, d.DataVersion) == nil {
		if bv, ok, err := s.headView(ctx, d, q, counts); err != nil || ok {
			if err != nil {
				return boardView{}, err
			}
			return bv, yerrOrNil(yerr)
		}
	}
	b, err := s.loadBoard(ctx, d)
	if err != nil {
		return boardView{}, err
	}
	q.resolveSetting(b.rowsPerSetting)
	rb := rankBoard(b.rows, d, q)
	if q.Page > 1 && q.Page > rb.Pages {
		return boardView{}, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter \"page\": there are %d pages.", max(rb.Pages, 1)))
	}
	return boardView{d: d, q: q, rb: rb, rows: len(b.rows), results: b.size, board: b}, yerrOrNil(yerr)
}

// yerrOrNil keeps a nil *yearError from becoming a non-nil error.
func yerrOrNil(e *yearError) error {
	if e == nil {
		return nil
	}
	return e
}

func (s *Server) renderBoard(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, counts, err := s.store.BoardDataset(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	if len(d.Metrics) == 0 {
		// No leaderboard of its own: a parent benchmark of other boards.
		return s.renderParent(ctx, c, d)
	}
	bv, err := s.boardOf(ctx, c, d, &counts, false)
	errs := map[string]string{}
	if yerr := (*yearError)(nil); errors.As(err, &yerr) {
		// The board, unfiltered by year, under the form as typed with
		// the message beside the year field.
		errs[yerr.Param] = yerr.Message
		c.Status(fiber.StatusBadRequest)
	} else if err != nil {
		return err
	}
	d, q, rb := bv.d, bv.q, bv.rb
	base := "/datasets/" + d.Slug
	rows, show := rowViews(rb.Page, d), columnsOf(rb.Page)
	view := fiber.Map{
		"Title":     d.Name + " leaderboard",
		"Dataset":   d,
		"Primary":   d.Primary(),
		"Query":     q,
		"Columns":   metricColumns(d, q, base),
		"Others":    otherColumns(d, q, base),
		"Rows":      rows,
		"BoardRows": boardRowsHTML(rows, show),
		"Show":      show,
		"Errors":    errs,
		"Total":     rb.Total,
		"All":       bv.rows,
		"Results":   bv.results,
		"Facet":     settingFacet(d, q, base, bv.rows),
		"Page":      q.Page,
		"Pages":     rb.Pages,
		"Offset":    (q.Page - 1) * pageSize,
		"Canonical": withQuery(base, q.values(d)),
		"CSV":       base + ".csv",
		"JSON":      withQuery("/api/v1/datasets/"+d.Slug+"/results", q.values(d)),
	}
	if bv.board != nil {
		view["Charts"] = bv.board.chartsFor(d, q, rb.All)
	} else {
		// The charts plot every row: they come in a second request, which
		// reads the whole board, so that this page does not wait for it.
		chartQuery := q.values(d)
		chartQuery.Del("page")
		view["ChartsURL"] = withQuery(base+"/charts.json", chartQuery)
		view["Charts"] = boardCharts(d, q, nil) // titles and empty texts only
	}
	view["ChartScripts"] = view["ChartsURL"] != nil || anyDrawn(view["Charts"].([]chartView))
	if q.Page > 1 {
		prev := q
		prev.Page--
		view["Prev"] = withQuery(base, prev.values(d))
	}
	if q.Page < rb.Pages {
		next := q
		next.Page++
		view["Next"] = withQuery(base, next.values(d))
	}
	return c.Render("dataset", view)
}

// facetItem is one choice of the setting facet.
type facetItem struct {
	Key     string
	Label   string
	Title   string
	Rows    int
	Link    string
	Current bool
}

// facetView is the setting facet above a leaderboard.
type facetView struct {
	Items     []facetItem
	All       facetItem
	Defaulted bool   // the group shown is the board's default
	Substr    string // a free-text setting filter in force
}

// settingFacet lists the board's setting groups with their row counts,
// each a link to the board ranked within it, and "all settings".
func settingFacet(d store.DatasetInfo, q boardQuery, base string, rows int) facetView {
	link := func(value string) string {
		next := q
		next.Page = 1
		next.Setting, next.defaulted = value, false
		if value == setting.Default(q.groups) {
			next.Setting = "" // the default view has no parameter
		}
		return withQuery(base, next.values(d))
	}
	f := facetView{Defaulted: q.defaulted, Substr: q.substr}
	for _, g := range q.groups {
		f.Items = append(f.Items, facetItem{Key: g.Key, Label: g.Label, Rows: g.Rows, Link: link(g.Key), Current: q.group == g.Key,
			Title: settingTitle(g.Key)})
	}
	f.All = facetItem{Key: setting.All, Label: "all settings", Rows: rows, Link: link(setting.All), Current: q.group == "" && q.substr == "",
		Title: "every setting in one ranking: results from different protocols side by side"}
	return f
}

func settingTitle(key string) string {
	if key == setting.Standard {
		return "settings that name no zero-shot, few-shot, linear-probe, k-NN or noisy-label protocol"
	}
	return "results reported under the " + setting.Label(key) + " protocol"
}

// datasetCharts is the charts of a leaderboard view as JSON, for pages
// rendered from the board's head.
func (s *Server) datasetCharts(c *fiber.Ctx) error {
	return s.cachedBoard(c, func() error {
		cs, ok, err := s.cellCharts(c)
		if err != nil {
			return err
		}
		if !ok {
			bv, err := s.boardFor(c, true)
			if err != nil {
				return err
			}
			cs = bv.board.chartsFor(bv.d, bv.q, bv.rb.All)
		}
		type chartJSON struct {
			ID      string          `json:"id"`
			Title   string          `json:"title"`
			OK      bool            `json:"ok"`
			Options json.RawMessage `json:"options,omitempty"`
			Empty   string          `json:"empty,omitempty"`
			Note    string          `json:"note,omitempty"`
		}
		var out []chartJSON
		for _, cv := range cs {
			cj := chartJSON{ID: cv.ID, Title: cv.Title, OK: cv.OK, Note: cv.Note}
			if cv.OK {
				cj.Options = json.RawMessage(cv.Options)
			} else {
				cj.Empty = cv.Empty
			}
			out = append(out, cj)
		}
		return c.JSON(fiber.Map{"charts": out})
	})
}

// anyDrawn says whether a page has a chart to draw, and so needs ECharts:
// pages without one do not load it.
func anyDrawn(cs []chartView) bool {
	for _, c := range cs {
		if c.OK {
			return true
		}
	}
	return false
}

func withQuery(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// metricColumns gives each metric a header link: a click sorts by it best
// first; a click on the current sort flips it.
func metricColumns(d store.DatasetInfo, q boardQuery, base string) []column {
	var cols []column
	for _, m := range d.Metrics {
		cols = append(cols, headerLink(d, q, base, m.Slug, m.Name, ranking.BestFirst(m), m))
	}
	return cols
}

func otherColumns(d store.DatasetInfo, q boardQuery, base string) map[string]column {
	return map[string]column{
		"method": headerLink(d, q, base, "method", "Method", false, model.Metric{}),
		"year":   headerLink(d, q, base, "year", "Year", true, model.Metric{}),
		"params": headerLink(d, q, base, "params", "Params", false, model.Metric{}),
	}
}

func headerLink(d store.DatasetInfo, q boardQuery, base, key, label string, defaultDesc bool, m model.Metric) column {
	next := q
	next.Sort = key
	next.Page = 1
	current := q.Sort == key
	if current {
		next.Order = orderName(!q.desc)
	} else {
		next.Order = orderName(defaultDesc)
	}
	return column{Metric: m, Key: key, Label: label, Link: withQuery(base, next.values(d)), Current: current, Desc: q.desc}
}

func rowViews(rows []*ranking.Row, d store.DatasetInfo) []rowView {
	out := make([]rowView, 0, len(rows))
	for _, r := range rows {
		f := r.First
		rv := rowView{Rank: r.Rank, Method: r.Method, MethodSlug: r.MethodSlug, ExtraData: r.ExtraData,
			ParamsText: r.ParamsText, Setting: r.Setting, Year: r.Year, ReportedIn: r.ReportedIn, Confidence: r.Confidence,
			First: firstView{PaperSlug: f.PaperSlug, PaperTitle: f.PaperTitle, CodeURL: f.CodeURL, SourceURL: f.SourceURL, Source: f.Source},
			Cells: make([]cellView, 0, len(d.Metrics))}
		if r.First.SourceURL != "" {
			rv.SourceLabel = model.SourceLabel(r.First.SourceURL)
		}
		for _, m := range d.Metrics {
			cell := r.Cell(m.ID)
			if cell == nil {
				rv.Cells = append(rv.Cells, cellView{})
				continue
			}
			cv := cellView{
				Has: true, Text: formatNumber(cell.Score, m.Decimals), PM: formatPM(cell.PlusMinus, m.Decimals),
				ResultID: cell.Report.ID, SourceURL: cell.Report.SourceURL, Source: sourceText(cell.Report),
				Raw: cell.Report.Raw,
			}
			for _, o := range cell.Conflicts {
				cv.Conflicts = append(cv.Conflicts, conflictView{
					Text: formatNumber(o.Score, m.Decimals), Source: sourceText(o), ResultID: o.ID})
				rv.Conflict = true
			}
			if rv.ResultID == 0 {
				rv.ResultID = cell.Report.ID
			}
			rv.Cells = append(rv.Cells, cv)
		}
		out = append(out, rv)
	}
	return out
}

// boardCharts plots the sort metric (the primary one when sorting by a
// non-metric column) over every filtered row, not only the visible page.
func boardCharts(d store.DatasetInfo, q boardQuery, rows []*ranking.Row) []chartView {
	m := d.Primary()
	if q.key.Metric != nil {
		m = *q.key.Metric
	}
	var pts []charts.Point
	for _, r := range rows {
		cell := r.Cell(m.ID)
		if cell == nil {
			continue
		}
		pts = append(pts, chartPoint(r.Method, r.Params, cell.Score, *cell.Report))
	}
	return chartsOfPoints(m, pts, rows != nil)
}

// chartPoint is a row's report of the plotted metric as a chart point:
// its score, its row's method and parameter count, and the best date
// known (the method's paper's, else the month of the arXiv paper that
// reported the number).
func chartPoint(method string, params, score float64, rep model.Report) charts.Point {
	date, basis := rep.KnownDate()
	p := charts.Point{
		Method: method, Value: score, Date: date.Time, DatePrecision: date.Precision, Params: params,
		Paper: rep.PaperTitle, URL: "/results/" + strconv.FormatInt(rep.ID, 10),
	}
	if basis == model.DatedBySource {
		p.DateNote = "date of the source that reported it"
	}
	return p
}

// chartsOfPoints draws the charts of metric m over pts, in the board's
// order. counted says the rows were read (the top chart's title counts
// its bars); without them only titles and empty texts are drawn.
func chartsOfPoints(m model.Metric, pts []charts.Point, counted bool) []chartView {
	ax := charts.Axis{MetricName: m.Name, Unit: m.Unit, HigherIsBetter: m.HigherIsBetter, Decimals: m.Decimals}
	undated := 0
	for _, p := range pts {
		if p.Date.IsZero() {
			undated++
		}
	}
	sample := chartSample(pts, m.HigherIsBetter)
	var out []chartView
	best, ok := charts.BestSoFar("chart-best", ax, withAll(sample, charts.RunningBest(pts, m.HigherIsBetter)))
	cv := chartOf("chart-best", "Best so far over time", best, ok, "Too few dated results to draw a best-so-far line.")
	if undated > 0 {
		cv.Note = fmt.Sprintf("%d of %s %s no date known and %s not plotted.", undated, plural(len(pts), "result"),
			map[bool]string{true: "has", false: "have"}[undated == 1], map[bool]string{true: "is", false: "are"}[undated == 1])
	}
	out = append(out, cv)
	pareto, ok := charts.ParamsPareto("chart-params", ax, withAll(sample, charts.ParetoFront(pts, m.HigherIsBetter)))
	out = append(out, chartOf("chart-params", "Score against parameters", pareto, ok, "Too few results with a known parameter count to plot score against size."))
	top, ok := charts.TopN("chart-top", ax, pts, 10)
	title := "Top results"
	if counted {
		title = fmt.Sprintf("Top %d", charts.TopCount(pts, m.HigherIsBetter, 10))
	}
	out = append(out, chartOf("chart-top", title, top, ok, "Too few results for a top-10 chart."))
	return out
}

// maxChartPoints bounds what a chart carries into the page: a 10,000-row
// leaderboard would otherwise put megabytes of points in every page.
const maxChartPoints = 600

// chartSample keeps every point of a small board; of a large one, the best
// half of the budget and an even spread of the rest. The running best and
// the Pareto front are always added in full by the caller, so the lines
// the charts are about stay exact.
func chartSample(pts []charts.Point, higherIsBetter bool) []charts.Point {
	if len(pts) <= maxChartPoints {
		return pts
	}
	// Indices are sorted, not the points (stable: ties in given order).
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return ranking.Better(pts[order[i]].Value, pts[order[j]].Value, higherIsBetter)
	})
	keep := make([]charts.Point, 0, maxChartPoints)
	for _, i := range order[:maxChartPoints/2] {
		keep = append(keep, pts[i])
	}
	rest := order[maxChartPoints/2:]
	step := float64(len(rest)) / float64(maxChartPoints/2)
	for i := 0; i < maxChartPoints/2; i++ {
		keep = append(keep, pts[rest[int(float64(i)*step)]])
	}
	return keep
}

// withAll adds to sample the points of must it lacks (by result URL).
func withAll(sample, must []charts.Point) []charts.Point {
	seen := make(map[string]bool, len(sample))
	for _, p := range sample {
		seen[p.URL] = true
	}
	out := sample
	for _, p := range must {
		if !seen[p.URL] {
			out = append(out, p)
			seen[p.URL] = true
		}
	}
	return out
}

func chartOf(id, title string, c charts.Chart, ok bool, empty string) chartView {
	cv := chartView{ID: id, Title: title, Empty: empty}
	if !ok {
		return cv
	}
	js, err := charts.OptionsJSON(c)
	if err != nil {
		return cv
	}
	cv.Options, cv.OK = js, true
	return cv
}
