package web

import "github.com/gofiber/fiber/v2"

func (s *Server) changes(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	changes, err := s.store.RecentChanges(ctx, 100)
	if err != nil {
		return err
	}
	merges, err := s.store.RecentMerges(ctx, 20)
	if err != nil {
		return err
	}
	return c.Render("changes", fiber.Map{"Title": "Recent changes", "Changes": changes, "Merges": merges})
}
