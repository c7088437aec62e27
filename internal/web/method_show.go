package web

import (
	"errors"
	"fmt"

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

func (s *Server) methodShow(c *fiber.Ctx) error {
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
	reports, err := s.store.MethodReports(ctx, m.ID)
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
	chart := chartOf("chart-method", "Scores across datasets, relative to each dataset's best", bar, ok,
		"No primary-metric results to compare across datasets.")
	return c.Render("method", fiber.Map{"Title": m.Name, "Method": m, "Rows": rows, "Chart": chart, "ChartScripts": chart.OK})
}
