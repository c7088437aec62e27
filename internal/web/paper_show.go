package web

import (
	"github.com/gofiber/fiber/v2"
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
	metrics, err := s.metricsOf(ctx, reports)
	if err != nil {
		return err
	}
	rows := make([]methodRow, 0, len(reports))
	for _, r := range reports {
		mt := metrics[r.MetricID]
		rows = append(rows, reportRow(r, mt))
	}
	return c.Render("paper", fiber.Map{"Title": p.Title, "Paper": p, "Methods": methods, "Rows": rows})
}
