package web

import (
	"net/url"

	"github.com/gofiber/fiber/v2"
)

// paperShow shows a paper and the numbers it reported, a page at a time
// (a paper of two much-reported methods has 7,000).
func (s *Server) paperShow(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
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
	reports, total, err := s.store.PaperReports(ctx, p, profilePageSize, (page-1)*profilePageSize)
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
	rows := make([]methodRow, 0, len(reports))
	for _, r := range reports {
		mt := metrics[r.MetricID]
		rows = append(rows, reportRow(r, mt))
	}
	prev, next := pageLinks("/papers/"+url.PathEscape(p.Slug), nil, page, pages)
	return c.Render("paper", fiber.Map{"Title": p.Title, "Paper": p, "Methods": methods, "Rows": rows,
		"Total": total, "Page": page, "Pages": pages, "Prev": prev, "Next": next})
}
