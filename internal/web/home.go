package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
)

// taskGroup is one task on the home page with its datasets.
type taskGroup struct {
	Name     string
	Datasets []store.DatasetSummary
}

func (s *Server) home(c *fiber.Ctx) error {
	return s.cachedHome(c, func() error { return s.renderHome(c) })
}

func (s *Server) renderHome(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	all, err := s.store.Datasets(ctx)
	if err != nil {
		return err
	}
	var groups []taskGroup
	for _, d := range all {
		if len(groups) == 0 || groups[len(groups)-1].Name != d.TaskName {
			groups = append(groups, taskGroup{Name: d.TaskName})
		}
		g := &groups[len(groups)-1]
		g.Datasets = append(g.Datasets, d)
	}
	changes, err := s.store.RecentChanges(ctx, 5)
	if err != nil {
		return err
	}
	return c.Render("home", fiber.Map{"Title": "Benchboard", "Groups": groups, "Changes": changes})
}
