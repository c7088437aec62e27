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

// apiResults is the leaderboard as JSON, with the page's sort and filters.
func (s *Server) apiResults(c *fiber.Ctx) error {
	return s.cachedBoard(c, func() error { return s.renderAPIResults(c) })
}

func (s *Server) renderAPIResults(c *fiber.Ctx) error {
	bv, err := s.boardFor(c, false)
	if err != nil {
		return err
	}
	// Written by hand (api_json.go), the same bytes encoding/json wrote
	// for a map of the dataset, the query and the rows. data_version moves
	// with every change to the board: clients can tell whether what they
	// hold is current. The rows are ranked within one setting unless
	// setting=all was asked for: "setting" says which one, "settings" the
	// board's others with their rows.
	body, err := appendAPIResults(make([]byte, 0, 1024+512*len(bv.rb.Page)), bv)
	if err != nil {
		return err
	}
	c.Response().SetBodyRaw(body)
	c.Response().Header.SetContentType(fiber.MIMEApplicationJSON)
	return nil
}

// apiSetting is one setting of a board, with its rows.
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
