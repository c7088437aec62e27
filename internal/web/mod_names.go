package web

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// namesLimit is how many unreviewed names of each kind the page lists.
const namesLimit = 200

// namesPage data: the unreviewed names by kind, the merge form and the
// recent merges with their undo buttons.
type namesPage struct {
	Kinds  []namesKind
	Twins  []store.KeyTwins
	Merges []store.MergeRecord
	Limit  int
}

type namesKind struct {
	Kind  string
	Names []store.UnreviewedName
}

// modNames lists the names imports created that no moderator has looked
// at, each beside the existing names most like it, ready to merge.
func (s *Server) modNames(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	byKind, err := s.store.UnreviewedNames(ctx, namesLimit)
	if err != nil {
		return err
	}
	merges, err := s.store.RecentMerges(ctx, 50)
	if err != nil {
		return err
	}
	twins, err := s.store.KeyTwinsList(ctx, namesLimit)
	if err != nil {
		return err
	}
	page := namesPage{Merges: merges, Twins: twins, Limit: namesLimit}
	for _, k := range []string{store.MergeDataset, store.MergeMetric, store.MergeMethod} {
		page.Kinds = append(page.Kinds, namesKind{Kind: k, Names: byKind[k]})
	}
	return c.Render("mod_names", fiber.Map{"Title": "New names and merges", "Page": page})
}

// mergeKind reads a kind parameter.
func mergeKind(v string) (string, error) {
	switch v {
	case store.MergeDataset, store.MergeMetric, store.MergeMethod:
		return v, nil
	}
	return "", fiber.NewError(fiber.StatusBadRequest, "Bad field \"kind\": expected dataset, metric or method.")
}

// modNameReviewed clears a name's "new, unreviewed" flag: it is a new
// benchmark, metric or method, not a spelling of one we have.
func (s *Server) modNameReviewed(c *fiber.Ctx) error {
	kind, err := mergeKind(c.Params("kind"))
	if err != nil {
		return err
	}
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no "+kind+" "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.MarkReviewed(ctx, kind, id); err != nil {
		return err
	}
	return s.seeOther(c, "/mod/names", fmt.Sprintf("The %s is reviewed: it stays a name of its own.", kind))
}

// modMergePreview shows what merging from into into would move and what
// would conflict. from and into are slugs ("dataset/metric" for metrics).
func (s *Server) modMergePreview(c *fiber.Ctx) error {
	kind, err := mergeKind(c.Query("kind"))
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	var ids [2]int64
	for i, field := range []string{"from", "into"} {
		v := strings.TrimSpace(c.Query(field))
		ids[i], err = s.store.MergeRefID(ctx, kind, v)
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalid) {
			return fiber.NewError(fiber.StatusNotFound, fmt.Sprintf("Bad field %q: there is no %s %q.", field, kind, clip(v)))
		}
		if err != nil {
			return err
		}
	}
	plan, err := s.store.PlanMerge(ctx, kind, ids[0], ids[1])
	if err != nil {
		return err
	}
	return c.Render("mod_merge", fiber.Map{"Title": "Merge " + plan.From.Name + " into " + plan.Into.Name, "Plan": plan})
}

// modMerge merges, as the preview showed it, and records it.
func (s *Server) modMerge(c *fiber.Ctx) error {
	kind, err := mergeKind(c.FormValue("kind"))
	if err != nil {
		return err
	}
	from, ok1 := form.ID(c.FormValue("from"))
	into, ok2 := form.ID(c.FormValue("into"))
	if !ok1 || !ok2 {
		return fiber.NewError(fiber.StatusBadRequest, "Bad fields \"from\" and \"into\": expected the ids the preview gave.")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	m, err := s.store.Merge(ctx, kind, from, into, u)
	if err != nil {
		return refusal(err)
	}
	msg := fmt.Sprintf("Merged %s into %s: %d results moved", m.FromName, m.IntoName, m.Moved)
	if m.Folded > 0 {
		msg += fmt.Sprintf(", %d identical reports folded in", m.Folded)
	}
	return s.seeOther(c, "/mod/names", msg+fmt.Sprintf("; %q is now an alias of %s. You can undo it below.", m.FromName, m.IntoName))
}

// modMergeUndo undoes a merge.
func (s *Server) modMergeUndo(c *fiber.Ctx) error {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no merge "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	m, err := s.store.UndoMerge(ctx, id, u)
	if err != nil {
		return refusal(err)
	}
	return s.seeOther(c, "/mod/names", fmt.Sprintf("Undone: %s and %s are apart again, as they were before the merge.", m.FromName, m.IntoName))
}

// refusal turns a store refusal into a 409 or 422 with its reason.
func refusal(err error) error {
	var re *store.ReasonError
	switch {
	case errors.As(err, &re) && errors.Is(err, store.ErrConflict):
		return fiber.NewError(fiber.StatusConflict, re.Reason)
	case errors.As(err, &re):
		return fiber.NewError(fiber.StatusUnprocessableEntity, re.Reason)
	}
	return err
}
