package web

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
)

// taskGroup is one task with the datasets a page shows of it.
type taskGroup struct {
	Name, Slug string
	Datasets   []store.DatasetSummary
	Rows       template.HTML // the table's rows, from taskRowsHTML
	All, More  int           // datasets of the task; those not shown
}

// homePerTask is how many datasets of each task the home page lists (those
// with the most results); the task's own page lists them all.
const homePerTask = 12

func (s *Server) home(c *fiber.Ctx) error {
	return s.cachedCatalog(c, func() error { return s.renderHome(c) })
}

func (s *Server) renderHome(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	top, err := s.store.TopDatasets(ctx, homePerTask)
	if err != nil {
		return err
	}
	changes, err := s.store.RecentChanges(ctx, 5)
	if err != nil {
		return err
	}
	return c.Render("home", fiber.Map{"Title": "", "Groups": groupByTask(top), "Changes": changes})
}

// taskShow lists every dataset of one task.
func (s *Server) taskShow(c *fiber.Ctx) error {
	return s.cachedCatalog(c, func() error {
		ctx, cancel := s.ctx(c)
		defer cancel()
		all, err := s.store.TaskDatasets(ctx, c.Params("slug"))
		if err != nil {
			return err
		}
		g := groupByTask(all)[0] // one task, with at least one dataset
		return c.Render("task", fiber.Map{"Title": g.Name, "Group": g})
	})
}

// groupByTask splits datasets (ordered by task) into one group per task.
func groupByTask(ds []store.DatasetSummary) []taskGroup {
	var groups []taskGroup
	for _, d := range ds {
		if len(groups) == 0 || groups[len(groups)-1].Name != d.TaskName {
			groups = append(groups, taskGroup{Name: d.TaskName, Slug: d.TaskSlug, All: d.InTask})
		}
		g := &groups[len(groups)-1]
		g.Datasets = append(g.Datasets, d)
		g.More = g.All - len(g.Datasets)
	}
	for i := range groups {
		groups[i].Rows = taskRowsHTML(groups[i].Datasets)
	}
	return groups
}
