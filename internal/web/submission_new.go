package web

import (
	"context"
	"regexp"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// The three suggestion forms: correct a result, flag a result, add a
// result to a leaderboard. Each GET shows the form; submission_save.go
// has the POSTs, which show the same page again with messages (422).

// correctionNew shows the correction form, filled with the current values.
func (s *Server) correctionNew(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, mt, err := s.liveResult(ctx, c)
	if err != nil {
		return err
	}
	cur := model.ProposalFields(r.Result, mt)
	return s.renderCorrection(c, r, mt, form.CorrectionFrom(cur, mt.Decimals), form.Errors{}, fiber.StatusOK)
}

func (s *Server) renderCorrection(c *fiber.Ctx, r model.Report, mt model.Metric, f form.Correction, errs form.Errors, status int) error {
	cur := model.ProposalFields(r.Result, mt)
	return c.Status(status).Render("submission_correct", fiber.Map{
		"Title": "Suggest a correction: " + r.MethodName + " on " + r.DatasetName,
		"R":     r, "Metric": mt, "Cur": cur, "CurPM": model.FormatPM(cur.PlusMinus, mt.Decimals),
		"Form": f, "Errors": errs, "TS": s.formGuard(),
	})
}

// flagNew shows the flag form.
func (s *Server) flagNew(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, mt, err := s.liveResult(ctx, c)
	if err != nil {
		return err
	}
	return s.renderFlag(c, r, mt, form.Flag{}, form.Errors{}, fiber.StatusOK)
}

func (s *Server) renderFlag(c *fiber.Ctx, r model.Report, mt model.Metric, f form.Flag, errs form.Errors, status int) error {
	return c.Status(status).Render("submission_flag", fiber.Map{
		"Title": "Flag a result: " + r.MethodName + " on " + r.DatasetName,
		"R":     r, "Metric": mt, "Cur": model.ProposalFields(r.Result, mt), "Reasons": model.FlagReasons,
		"Form": f, "Errors": errs, "TS": s.formGuard(),
	})
}

// resultAddNew shows the "suggest a result" form of a leaderboard.
func (s *Server) resultAddNew(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, err := s.datasetForForm(ctx, c)
	if err != nil {
		return err
	}
	return s.renderResultAdd(c, d, form.ResultAdd{Metric: d.Primary().Slug}, form.Errors{}, fiber.StatusOK)
}

func (s *Server) renderResultAdd(c *fiber.Ctx, d store.DatasetInfo, f form.ResultAdd, errs form.Errors, status int) error {
	return c.Status(status).Render("submission_add", fiber.Map{
		"Title": "Suggest a result for " + d.Name, "Dataset": d,
		"Form": f, "Errors": errs, "TS": s.formGuard(),
	})
}

// liveResult loads the result named in the URL with its metric; a
// retired result takes no suggestions.
func (s *Server) liveResult(ctx context.Context, c *fiber.Ctx) (model.Report, model.Metric, error) {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return model.Report{}, model.Metric{}, fiber.NewError(fiber.StatusNotFound, "There is no result "+clip(c.Params("id"))+".")
	}
	r, err := s.store.Report(ctx, id)
	if err != nil {
		return r, model.Metric{}, err
	}
	if r.RetiredAt != nil {
		return r, model.Metric{}, fiber.NewError(fiber.StatusConflict,
			"This result is retired: it is hidden from the leaderboards and takes no suggestions. Its page keeps its history.")
	}
	ms, err := s.store.MetricsByID(ctx, []int64{r.MetricID})
	if err != nil {
		return r, model.Metric{}, err
	}
	return r, ms[r.MetricID], nil
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,99}$`)

func (s *Server) datasetForForm(ctx context.Context, c *fiber.Ctx) (store.DatasetInfo, error) {
	slug := c.Params("slug")
	if !slugRE.MatchString(slug) {
		return store.DatasetInfo{}, fiber.NewError(fiber.StatusNotFound, "There is no dataset "+clip(slug)+".")
	}
	d, err := s.store.Dataset(ctx, slug)
	if err != nil {
		return d, err
	}
	if len(d.Metrics) == 0 {
		return d, fiber.NewError(fiber.StatusConflict, d.Name+" has no metrics yet, so it takes no results.")
	}
	return d, nil
}
