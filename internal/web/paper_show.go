package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
)

func (s *Server) paperShow(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.store.Paper(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	methods, err := s.store.PaperMethods(ctx, p.ID)
	if err != nil {
		return err
	}
	reports, err := s.store.PaperReports(ctx, p)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(reports))
	for _, r := range reports {
		ids = append(ids, r.MetricID)
	}
	metrics, err := s.store.MetricsByID(ctx, ids)
	if err != nil {
		return err
	}
	rows := make([]methodRow, 0, len(reports))
	for _, r := range reports {
		mt := metrics[r.MetricID]
		var pm *float64
		if r.PlusMinus != nil {
			v := model.ConvertUnit(*r.PlusMinus, r.Unit, mt.Unit)
			pm = &v
		}
		rows = append(rows, methodRow{Report: r, Metric: mt, Text: formatNumber(r.Score, mt.Decimals), PM: formatPM(pm, mt.Decimals)})
	}
	return c.Render("paper", fiber.Map{"Title": p.Title, "Paper": p, "Methods": methods, "Rows": rows})
}
