package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) search(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	if len(q) > 200 {
		return fiber.NewError(fiber.StatusBadRequest, `Bad parameter "q": a search is at most 200 characters.`)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	hits, err := s.store.Search(ctx, q, 25)
	if err != nil {
		return err
	}
	groups := map[string][]any{}
	for _, h := range hits {
		groups[h.Kind] = append(groups[h.Kind], h)
	}
	return c.Render("search", fiber.Map{"Title": "Search", "Q": q, "Hits": hits,
		"Datasets": groups["dataset"], "Methods": groups["method"], "Papers": groups["paper"]})
}
