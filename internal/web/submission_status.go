package web

import (
	"regexp"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
)

var tokenRE = regexp.MustCompile(`^[0-9a-f]{32}$`)

// submissionStatus is a suggestion's private page: the only way to it is
// the link its submitter got, so it is kept out of caches and indexes.
func (s *Server) submissionStatus(c *fiber.Ctx) error {
	token := c.Params("token")
	if !tokenRE.MatchString(token) {
		return fiber.NewError(fiber.StatusNotFound, "There is no suggestion at this address. Check that the link is complete.")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	sub, err := s.store.SubmissionByToken(ctx, token)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set("X-Robots-Tag", "noindex")
	return c.Render("submission_status", fiber.Map{
		"Title": "Your suggestion", "Sub": sub, "Diff": sub.Diff(), "Link": s.baseURL(c) + "/submissions/" + token,
		"FlagLabel": model.FlagReasonLabel(sub.FlagReason),
	})
}
