package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
)

type apiMetric struct {
	Slug           string `json:"slug"`
	Name           string `json:"name"`
	HigherIsBetter bool   `json:"higher_is_better"`
	NeedsReview    bool   `json:"direction_needs_review"`
	Unit           string `json:"unit"`
	Decimals       int    `json:"decimals"`
	Primary        bool   `json:"primary"`
}

type apiDataset struct {
	Slug    string      `json:"slug"`
	Name    string      `json:"name"`
	Task    string      `json:"task"`
	Parent  string      `json:"parent,omitempty"`
	Rows    int         `json:"rows"`    // leaderboard rows
	Results int         `json:"results"` // single numbers in them
	URL     string      `json:"url"`
	Metrics []apiMetric `json:"metrics"`
}

func apiMetrics(ms []model.Metric) []apiMetric {
	out := make([]apiMetric, 0, len(ms))
	for _, m := range ms {
		out = append(out, apiMetric{Slug: m.Slug, Name: m.Name, HigherIsBetter: m.HigherIsBetter,
			NeedsReview: m.DirectionNeedsReview, Unit: m.Unit, Decimals: m.Decimals, Primary: m.IsPrimary})
	}
	return out
}

func (s *Server) apiDatasets(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	all, err := s.store.Datasets(ctx)
	if err != nil {
		return err
	}
	metrics, err := s.store.AllMetrics(ctx)
	if err != nil {
		return err
	}
	out := make([]apiDataset, 0, len(all))
	for _, d := range all {
		out = append(out, apiDataset{Slug: d.Slug, Name: d.Name, Task: d.TaskName, Parent: d.ParentName,
			Rows: d.Rows, Results: d.Results, URL: "/datasets/" + d.Slug, Metrics: apiMetrics(metrics[d.ID])})
	}
	return c.JSON(fiber.Map{"datasets": out})
}

type apiValue struct {
	Value     float64          `json:"value"`
	PlusMinus *float64         `json:"plus_minus,omitempty"`
	Unit      string           `json:"unit"`
	Raw       string           `json:"raw"`
	ResultID  int64            `json:"result_id"`
	SourceURL string           `json:"source_url,omitempty"`
	Conflicts []apiConflicting `json:"conflicts,omitempty"`
}

type apiConflicting struct {
	Value      float64 `json:"value"`
	ReportedIn string  `json:"reported_in"`
	ResultID   int64   `json:"result_id"`
}

type apiRow struct {
	Rank       *int                `json:"rank"`
	Method     string              `json:"method"`
	MethodURL  string              `json:"method_url"`
	Setting    string              `json:"setting"`
	ExtraData  bool                `json:"extra_data"`
	Params     string              `json:"params,omitempty"`
	Year       int                 `json:"year,omitempty"`
	Paper      string              `json:"paper,omitempty"`
	ReportedIn string              `json:"reported_in"`
	Source     string              `json:"source"`
	Confidence string              `json:"confidence"`
	Values     map[string]apiValue `json:"values"`
}

// apiResults is the leaderboard as JSON, with the page's sort and filters.
func (s *Server) apiResults(c *fiber.Ctx) error {
	return s.cachedBoard(c, func() error { return s.renderAPIResults(c) })
}

func (s *Server) renderAPIResults(c *fiber.Ctx) error {
	bv, err := s.boardFor(c, false)
	if err != nil {
		return err
	}
	d, q, rb := bv.d, bv.q, bv.rb
	rows := make([]apiRow, 0, len(rb.Page))
	for _, r := range rb.Page {
		row := apiRow{Method: r.Method, MethodURL: "/methods/" + r.MethodSlug, Setting: r.Setting,
			ExtraData: r.ExtraData, Params: r.ParamsText, Year: r.Year, Paper: r.First.PaperTitle,
			ReportedIn: r.ReportedIn, Source: r.First.Source, Confidence: r.Confidence, Values: map[string]apiValue{}}
		if r.Rank > 0 {
			rank := r.Rank
			row.Rank = &rank
		}
		for _, m := range d.Metrics {
			cell := r.Cell(m.ID)
			if cell == nil {
				continue
			}
			v := apiValue{Value: cell.Score, PlusMinus: cell.PlusMinus, Unit: m.Unit, Raw: cell.Report.Raw,
				ResultID: cell.Report.ID, SourceURL: cell.Report.SourceURL}
			for _, o := range cell.Conflicts {
				v.Conflicts = append(v.Conflicts, apiConflicting{Value: o.Score, ReportedIn: o.ReportedIn, ResultID: o.ID})
			}
			row.Values[m.Slug] = v
		}
		rows = append(rows, row)
	}
	return c.JSON(fiber.Map{
		"dataset": apiDataset{Slug: d.Slug, Name: d.Name, Task: d.TaskName, Parent: d.ParentName,
			Rows: bv.rows, Results: bv.results, URL: "/datasets/" + d.Slug, Metrics: apiMetrics(d.Metrics)},
		// Moves with every change to the board: clients can tell whether
		// what they hold is current.
		"data_version": d.DataVersion,
		"sort":         q.Sort, "order": q.Order, "page": q.Page, "pages": rb.Pages, "total": rb.Total,
		// The rows are ranked within one setting unless setting=all was
		// asked for: which one, and the board's others with their rows.
		"setting": q.SettingChoice(), "settings": apiSettings(q),
		"rows": rows,
	})
}

type apiSetting struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Rows  int    `json:"rows"`
}

func apiSettings(q boardQuery) []apiSetting {
	out := make([]apiSetting, 0, len(q.groups))
	for _, g := range q.groups {
		out = append(out, apiSetting{Key: g.Key, Label: g.Label, Rows: g.Rows})
	}
	return out
}
