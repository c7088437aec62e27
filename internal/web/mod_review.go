package web

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// diffRow is one line of the side-by-side view: the field now and as
// proposed; Changed marks what the suggestion changes.
type diffRow struct {
	Label    string
	Current  string
	Proposed string
	Changed  bool
	Link     bool // the values are addresses
}

// modReview is one suggestion's page for moderators: the result as it is
// and as proposed, side by side, the source, the other reports of the same
// method, dataset and metric, and the approve / reject form.
func (s *Server) modReview(c *fiber.Ctx) error {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no suggestion "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	sub, err := s.store.Submission(ctx, id)
	if err != nil {
		return err
	}
	return s.renderReview(c, sub, form.Decision{}, form.Errors{}, fiber.StatusOK)
}

func (s *Server) renderReview(c *fiber.Ctx, sub store.SubmissionInfo, f form.Decision, errs form.Errors, status int) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	view := fiber.Map{"Title": fmt.Sprintf("Suggestion #%d", sub.ID), "Sub": sub, "Form": f, "Errors": errs,
		"FlagLabel": model.FlagReasonLabel(sub.FlagReason)}
	var (
		like   model.Report // the reports of this method, dataset and metric
		mt     model.Metric
		metric int64
	)
	if sub.ResultID != nil {
		r, err := s.store.Report(ctx, *sub.ResultID)
		if err != nil {
			return err
		}
		view["R"] = r
		like, metric = r, r.MetricID
	} else {
		metric = sub.After.MetricID
		like = model.Report{Result: model.Result{DatasetID: sub.DatasetID, MetricID: metric}}
		m, found, err := s.store.MatchMethod(ctx, sub.After.Method)
		if err != nil {
			return err
		}
		if found {
			like.MethodID = m.ID
			view["Matched"] = m
		}
	}
	ms, err := s.store.MetricsByID(ctx, []int64{metric})
	if err != nil {
		return err
	}
	mt = ms[metric]
	view["Metric"] = mt
	if r, ok := view["R"].(model.Report); ok {
		now := model.ProposalFields(r.Result, mt)
		view["Rows"] = diffRows(now, sub, mt)
		if sub.Before != nil {
			view["Moved"] = model.Diff(*sub.Before, now, mt.Decimals)
		}
	} else {
		view["Rows"] = addRows(*sub.After, mt)
	}
	if like.MethodID != 0 {
		others, err := s.store.SameResult(ctx, like)
		if err != nil {
			return err
		}
		view["Others"] = reportRows(others, mt)
	}
	return c.Status(status).Render("mod_review", view)
}

// diffRows lays the result as it is now beside the proposal.
func diffRows(now model.Fields, sub store.SubmissionInfo, mt model.Metric) []diffRow {
	proposed := now
	var changes []model.FieldDiff
	if sub.Kind == model.KindCorrect {
		proposed = *sub.After
		changes = sub.Diff()
	}
	ch := func(f string) bool { return model.Changed(changes, f) }
	valueNow, valueNew := model.FormatValue(now.Value, mt.Decimals), model.FormatValue(proposed.Value, mt.Decimals)
	if ch("value") {
		valueNew = proposed.ValueText
	}
	return []diffRow{
		{Label: mt.Name + unitLabel(mt), Current: valueNow, Proposed: valueNew, Changed: ch("value")},
		{Label: "±", Current: model.FormatPM(now.PlusMinus, mt.Decimals), Proposed: model.FormatPM(proposed.PlusMinus, mt.Decimals), Changed: ch("plus_minus")},
		{Label: "Setting", Current: now.Setting, Proposed: proposed.Setting, Changed: ch("setting")},
		{Label: "Extra training data", Current: yesNo(now.ExtraData), Proposed: yesNo(proposed.ExtraData), Changed: ch("extra_data")},
		{Label: "Source URL", Current: now.SourceURL, Proposed: proposed.SourceURL, Changed: ch("source_url"), Link: true},
	}
}

// addRows shows a proposed new result: everything is new.
func addRows(f model.Fields, mt model.Metric) []diffRow {
	return []diffRow{
		{Label: "Method", Proposed: f.Method, Changed: true},
		{Label: "Metric", Proposed: mt.Name + unitLabel(mt), Changed: true},
		{Label: "Value", Proposed: f.ValueText, Changed: true},
		{Label: "±", Proposed: model.FormatPM(f.PlusMinus, mt.Decimals), Changed: f.PlusMinus != nil},
		{Label: "Setting", Proposed: f.Setting, Changed: f.Setting != ""},
		{Label: "Extra training data", Proposed: yesNo(f.ExtraData), Changed: true},
		{Label: "Source URL", Proposed: f.SourceURL, Changed: true, Link: true},
		{Label: "Reported in", Proposed: f.ReportedIn, Changed: f.ReportedIn != ""},
		{Label: "Parameters", Proposed: f.ParamsText, Changed: f.ParamsText != ""},
		{Label: "Paper", Proposed: f.PaperTitle, Changed: f.PaperTitle != ""},
		{Label: "Year", Proposed: yearText(f.PaperYear), Changed: f.PaperYear != nil},
		{Label: "Code", Proposed: f.CodeURL, Changed: f.CodeURL != "", Link: true},
	}
}

func yearText(y *int) string {
	if y == nil {
		return ""
	}
	return strconv.Itoa(*y)
}

func unitLabel(m model.Metric) string {
	if m.Unit == "" {
		return ""
	}
	return " (" + m.Unit + ")"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func reportRows(reports []model.Report, mt model.Metric) []methodRow {
	rows := make([]methodRow, 0, len(reports))
	for _, r := range reports {
		rows = append(rows, reportRow(r, mt))
	}
	return rows
}

// modApprove applies a suggestion. A race lost (the result changed, or
// another moderator decided first) is a 409 that says what happened.
func (s *Server) modApprove(c *fiber.Ctx) error {
	return s.decide(c, true)
}

// modReject closes a suggestion without applying it.
func (s *Server) modReject(c *fiber.Ctx) error {
	return s.decide(c, false)
}

func (s *Server) decide(c *fiber.Ctx, approve bool) error {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no suggestion "+clip(c.Params("id"))+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	f := form.NewDecision(c)
	if errs := f.Validate(); errs.Any() {
		sub, err := s.store.Submission(ctx, id)
		if err != nil {
			return err
		}
		return s.renderReview(c, sub, f, errs, fiber.StatusUnprocessableEntity)
	}
	d := store.Decision{SubmissionID: id, Moderator: u, Comment: f.Comment}
	if !approve {
		if err := s.store.RejectSubmission(ctx, d); err != nil {
			return s.conflictOr(c, err, id)
		}
		return s.seeOther(c, "/mod/queue", fmt.Sprintf("Rejected suggestion #%d.", id))
	}
	resultID, err := s.store.ApproveSubmission(ctx, d)
	if err != nil {
		return s.conflictOr(c, err, id)
	}
	return s.seeOther(c, "/mod/queue", fmt.Sprintf("Approved suggestion #%d: result #%d is updated and its history has the change.", id, resultID))
}

// conflictOr renders a lost race as a 409 page with the way back; other
// errors go to the error handler.
func (s *Server) conflictOr(c *fiber.Ctx, err error, submissionID int64) error {
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		return err
	}
	return c.Status(fiber.StatusConflict).Render("mod_conflict", fiber.Map{"Title": "Conflict", "Message": ce.Msg,
		"SubmissionID": submissionID})
}
