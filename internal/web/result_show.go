package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
)

// resultShow is one result's page: every report of that method on that
// dataset and metric, the source, and the history.
func (s *Server) resultShow(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return fiber.NewError(fiber.StatusNotFound, "There is no result "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, err := s.store.Report(ctx, id)
	if err != nil {
		return err
	}
	others, err := s.store.SameResult(ctx, r)
	if err != nil {
		return err
	}
	history, err := s.store.History(ctx, id)
	if err != nil {
		return err
	}
	merges, err := s.store.ResultMerges(ctx, id)
	if err != nil {
		return err
	}
	metrics, err := s.store.MetricsByID(ctx, []int64{r.MetricID})
	if err != nil {
		return err
	}
	mt := metrics[r.MetricID]
	row := func(rep model.Report) methodRow { return reportRow(rep, mt) }
	var otherRows []methodRow
	for _, o := range others {
		otherRows = append(otherRows, row(o))
	}
	return c.Render("result", fiber.Map{"Title": r.MethodName + " on " + r.DatasetName, "R": fullRow(r, mt),
		"Others": otherRows, "History": historyViews(history), "Merges": merges})
}
