package web

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// resultRevert brings a result back to what an earlier revision recorded,
// as a new revision. The form carries the version the moderator saw: if
// the result changed since, nothing is written and the answer is a 409.
func (s *Server) resultRevert(c *fiber.Ctx) error {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no result "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	f, errs := form.NewRevert(c)
	if errs.Any() {
		var msgs []string
		for _, m := range errs {
			msgs = append(msgs, m)
		}
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The revert was not done: "+strings.Join(msgs, " "))
	}
	err := s.store.RevertResult(ctx, store.Revert{ResultID: id, RevisionID: f.Revision, Version: f.Version, Moderator: u, Comment: f.Comment})
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		return c.Status(fiber.StatusConflict).Render("mod_conflict", fiber.Map{"Title": "Conflict", "Message": ce.Msg, "ResultID": id})
	}
	if err != nil {
		return err
	}
	return s.seeOther(c, fmt.Sprintf("/results/%d", id), fmt.Sprintf("Reverted result #%d to revision #%d.", id, f.Revision))
}
