package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/extract"
	"github.com/benchboard/benchboard/internal/importer"
)

// extractLimit bounds a pasted listing: a few hundred abstracts.
const extractLimit = 1 << 20

// modExtractForm shows the box a moderator pastes an abstract or listing into.
func (s *Server) modExtractForm(c *fiber.Ctx) error {
	return c.Render("mod_extract", fiber.Map{"Title": "Extract results from paper text", "MinConfidence": extract.DefaultMinConfidence})
}

// modExtract reads the pasted text and queues (or, on a dry run, only
// lists) the candidate scores it finds, each with its sentence.
func (s *Server) modExtract(c *fiber.Ctx) error {
	text := c.FormValue("text")
	dry := c.FormValue("dry_run") != ""
	minConf := c.FormValue("min_confidence", extract.DefaultMinConfidence)
	view := fiber.Map{"Title": "Extract results from paper text", "Text": text, "DryRun": dry, "MinConfidence": minConf}
	var problem string
	switch {
	case strings.TrimSpace(text) == "":
		problem = "Paste an abstract, or a listing of titles each followed by its abstract."
	case len(text) > extractLimit:
		problem = "The text is longer than 1 MB; paste fewer abstracts at a time."
	case minConf != extract.High && minConf != extract.Med && minConf != extract.Low:
		problem = "Confidence must be high, med or low."
	}
	if problem != "" {
		view["Error"] = problem
		return c.Status(fiber.StatusUnprocessableEntity).Render("mod_extract", view)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	rep, err := importer.ExtractText(ctx, s.store, text, importer.ExtractOptions{DryRun: dry, MinConfidence: minConf})
	if err != nil {
		return err
	}
	view["Report"] = rep
	return c.Render("mod_extract", view)
}
