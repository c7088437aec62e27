package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/web/form"
)

// The suggestion POSTs. Each is a straight line: load what the form is
// about, read the form, check it (bots first), show it again with
// messages (422) or store the suggestion as pending and send the
// submitter to its private status page (303).

const thanks = "Thank you. Your suggestion waits for a moderator; nothing on the leaderboards changes until one approves it. " +
	"This page's address is private: keep it to follow your suggestion."

func (s *Server) correctionSave(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, mt, err := s.liveResult(ctx, c)
	if err != nil {
		return err
	}
	f := form.NewCorrection(c)
	formMsg, err := s.botCheck(ctx, c)
	if err != nil {
		return err
	}
	cur := model.ProposalFields(r.Result, mt)
	after, errs := f.Validate(cur)
	errs.Add("", formMsg)
	if errs.Any() {
		return s.renderCorrection(c, r, mt, f, errs, fiber.StatusUnprocessableEntity)
	}
	token, err := s.store.CreateSubmission(ctx, model.Submission{Kind: model.KindCorrect, DatasetID: r.DatasetID,
		ResultID: &r.ID, BaseVersion: &r.Version, Before: &cur, After: &after, Note: f.Note})
	if err != nil {
		return err
	}
	return s.seeOther(c, "/submissions/"+token, thanks)
}

func (s *Server) flagSave(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, mt, err := s.liveResult(ctx, c)
	if err != nil {
		return err
	}
	f := form.NewFlag(c)
	formMsg, err := s.botCheck(ctx, c)
	if err != nil {
		return err
	}
	errs := f.Validate()
	errs.Add("", formMsg)
	if errs.Any() {
		return s.renderFlag(c, r, mt, f, errs, fiber.StatusUnprocessableEntity)
	}
	cur := model.ProposalFields(r.Result, mt)
	token, err := s.store.CreateSubmission(ctx, model.Submission{Kind: model.KindFlag, DatasetID: r.DatasetID,
		ResultID: &r.ID, BaseVersion: &r.Version, Before: &cur, FlagReason: f.Reason, Note: f.Note})
	if err != nil {
		return err
	}
	return s.seeOther(c, "/submissions/"+token, thanks)
}

func (s *Server) resultAddSave(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, err := s.datasetForForm(ctx, c)
	if err != nil {
		return err
	}
	f := form.NewResultAdd(c)
	formMsg, err := s.botCheck(ctx, c)
	if err != nil {
		return err
	}
	proposed, errs := f.Validate(d.Metrics)
	errs.Add("", formMsg)
	if errs.Any() {
		return s.renderResultAdd(c, d, f, errs, fiber.StatusUnprocessableEntity)
	}
	token, err := s.store.CreateSubmission(ctx, model.Submission{Kind: model.KindAdd, DatasetID: d.ID,
		After: &proposed, Note: f.Note})
	if err != nil {
		return err
	}
	return s.seeOther(c, "/submissions/"+token, thanks)
}
