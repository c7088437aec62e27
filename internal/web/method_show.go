package web

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/charts"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// methodRow is one line of a reports table (partials/reports). Its
// fields are flat on purpose: html/template finds a field promoted from an
// embedded struct by a breadth-first search through reflection on every
// lookup, which was most of the time of a method page of 4,000 results.
type methodRow struct {
	ID                       int64
	DatasetSlug, DatasetName string
	MethodSlug, MethodName   string
	ExtraData                bool
	Raw, Setting             string
	ParamsText               string
	SourceURL, ReportedIn    string
	Metric                   model.Metric
	Text                     string
	PM                       string
}

// profilePageSize is how many results a method's or a paper's page lists
// at a time: the most reported method has about 4,000.
const profilePageSize = 100

// methodShow shows a method: by default its best result on each
// leaderboard it is on (?view=all lists every result), a page at a time.
func (s *Server) methodShow(c *fiber.Ctx) error {
	all := false
	switch v := c.Query("view"); v {
	case "":
	case "all":
		all = true
	default:
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf(`Bad parameter "view": %q is not a view; use all, or leave it out for the best result per benchmark.`, clip(v)))
	}
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.Method(ctx, c.Params("slug"))
	if errors.Is(err, store.ErrNotFound) {
		// A method merged into another: its links lead there (302: the
		// merge may be undone).
		if to, merr := s.store.MergedSlug(ctx, store.MergeMethod, c.Params("slug")); merr == nil {
			return c.Redirect("/methods/"+to, fiber.StatusFound)
		}
	}
	if err != nil {
		return err
	}
	list := s.store.MethodBest
	if all {
		list = s.store.MethodReports
	}
	reports, total, err := list(ctx, m.ID, profilePageSize, (page-1)*profilePageSize)
	if err != nil {
		return err
	}
	pages, err := pageCount(total, page)
	if err != nil {
		return err
	}
	metrics, err := s.metricsOf(ctx, reports)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(metrics))
	for id := range metrics {
		ids = append(ids, id)
	}
	best, err := s.store.BestScores(ctx, ids)
	if err != nil {
		return err
	}
	rows := make([]methodRow, 0, len(reports))
	var items []charts.MethodScore
	for _, r := range reports {
		mt := metrics[r.MetricID]
		rows = append(rows, reportRow(r, mt))
		if mt.IsPrimary {
			label := r.DatasetName
			if r.Setting != "" {
				label += " (" + r.Setting + ")"
			}
			items = append(items, charts.MethodScore{
				Dataset: label, Value: r.Score, Best: best[r.MetricID], URL: fmt.Sprintf("/results/%d", r.ID),
				Axis: charts.Axis{MetricName: mt.Name, Unit: mt.Unit, HigherIsBetter: mt.HigherIsBetter, Decimals: mt.Decimals},
			})
		}
	}
	bar, ok := charts.MethodScores("chart-method", items)
	title := "Scores across datasets, relative to each dataset's best"
	if pages > 1 {
		title += " (the datasets of this page)"
	}
	chart := chartOf("chart-method", title, bar, ok, "No primary-metric results to compare across datasets.")
	base := "/methods/" + url.PathEscape(m.Slug)
	view := ""
	if all {
		view = "all"
	}
	prev, next := pageLinks(base, url.Values{"view": {view}}, page, pages)
	return c.Render("method", fiber.Map{"Title": m.Name, "Method": m, "Rows": rows, "Chart": chart, "ChartScripts": chart.OK,
		"All": all, "Total": total, "Base": base, "Page": page, "Pages": pages, "Prev": prev, "Next": next})
}
