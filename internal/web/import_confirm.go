package web

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
)

// importConfirm runs the import the moderator previewed, in one
// transaction, as them and naming the file in every revision. The upload
// is claimed first, so that a double click imports once; it is deleted
// after the import, or released for another try when the import fails.
func (s *Server) importConfirm(c *fiber.Ctx) error {
	up, err := s.upload(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	ctx, cancel := context.WithTimeout(c.UserContext(), importTimeout)
	defer cancel()
	up, data, err := s.store.ClaimUpload(ctx, up.Token, u.ID, importTimeout)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return uploadGone()
	case errors.Is(err, store.ErrBusy):
		return fiber.NewError(fiber.StatusConflict, "This import is running already (from another tab, or a second click). "+
			"Wait for it to finish, then look at the recent changes.")
	case err != nil:
		return err
	}
	sum, err := runUpload(ctx, s.store, up.FileName, up.Format, data,
		importer.Options{Name: up.FileName, Size: up.Size, Actor: u.Email,
			Bulk: store.BulkNever}) // a request never locks the site's readers out
	if err != nil {
		// The request's own context may be spent; the claim must go anyway.
		rctx, rcancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer rcancel()
		if rerr := s.store.ReleaseUpload(rctx, up.Token); rerr != nil {
			s.log.Error("releasing an upload after a failed import", "token", up.Token, "error", rerr.Error())
		}
		msg, ok := importErrorText(ctx, err)
		if !ok {
			return err
		}
		return s.renderPreview(c, up, msg, fiber.StatusUnprocessableEntity)
	}
	if err := s.store.FinishUpload(ctx, up.Token); err != nil {
		// Written already: importing the file again would change nothing.
		s.log.Error("deleting an imported upload", "token", up.Token, "error", err.Error())
	}
	return s.seeOther(c, "/changes", importFlash(sum))
}

// importFlash sums an import up in one line.
func importFlash(sum *importer.Summary) string {
	msg := fmt.Sprintf("Imported %s: %d new, %d unchanged, %d changed, %d conflicting (%s).",
		sum.File, sum.New, sum.Unchanged, sum.Changed, sum.Conflicting, plural(len(sum.PerDataset), "dataset"))
	if sum.SkippedTotal > 0 {
		msg += fmt.Sprintf(" %s left out.", plural(sum.SkippedTotal, "value"))
	}
	if sum.Conflicting > 0 {
		msg += " Conflicting values are kept beside the earlier ones and flagged on the leaderboards."
	}
	return msg
}

// importCancel deletes an upload without importing it.
func (s *Server) importCancel(c *fiber.Ctx) error {
	up, err := s.upload(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	err = s.store.DeleteUpload(ctx, up.Token, u.ID, importTimeout)
	if errors.Is(err, store.ErrBusy) {
		return fiber.NewError(fiber.StatusConflict, "This import is running and can no longer be cancelled.")
	}
	if err != nil {
		return err
	}
	return s.seeOther(c, uploadPath, "Cancelled: "+up.FileName+" was not imported, and the uploaded file is deleted.")
}
