package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// ResultAdd is the "suggest a result" form of a leaderboard, as typed.
type ResultAdd struct {
	Method     string
	Metric     string // the metric's slug
	Value      string
	PlusMinus  string
	Setting    string
	ExtraData  bool
	SourceURL  string
	ReportedIn string
	Note       string
	Params     string
	PaperTitle string
	PaperYear  string
	CodeURL    string

	extraRaw string
}

// NewResultAdd reads the form.
func NewResultAdd(v Values) ResultAdd {
	return ResultAdd{
		Method:     clean(get(v, "method")),
		Metric:     strings.TrimSpace(get(v, "metric")),
		Value:      strings.TrimSpace(get(v, "value")),
		PlusMinus:  strings.TrimSpace(get(v, "plus_minus")),
		Setting:    clean(get(v, "setting")),
		extraRaw:   strings.TrimSpace(get(v, "extra_data")),
		SourceURL:  strings.TrimSpace(get(v, "source_url")),
		ReportedIn: clean(get(v, "reported_in")),
		Note:       strings.TrimSpace(get(v, "note")),
		Params:     strings.TrimSpace(get(v, "params")),
		PaperTitle: clean(get(v, "paper_title")),
		PaperYear:  strings.TrimSpace(get(v, "paper_year")),
		CodeURL:    strings.TrimSpace(get(v, "code_url")),
	}
}

// Validate checks the form against the dataset's metrics and returns the
// proposed result. The metric must be one of the dataset's; the method may
// be new (the moderator's approval makes it).
func (f *ResultAdd) Validate(metrics []model.Metric) (model.Fields, Errors) {
	errs := Errors{}
	var out model.Fields
	switch msg := Text(f.Method, MaxMethod); {
	case msg != "":
		errs.Add("method", msg)
	case f.Method == "":
		errs.Add("method", "Name the method, as its paper does (an existing name or alias is matched, ignoring case).")
	}
	out.Method = f.Method
	for _, m := range metrics {
		if m.Slug == f.Metric {
			out.MetricID = m.ID
		}
	}
	if out.MetricID == 0 {
		errs.Add("metric", "Choose one of this leaderboard's metrics.")
	}
	if v, msg := Number(f.Value); msg != "" {
		errs.Add("value", msg)
	} else {
		out.Value, out.ValueText = v, f.Value
	}
	pm, msg := PlusMinus(f.PlusMinus)
	errs.Add("plus_minus", msg)
	out.PlusMinus = pm
	errs.Add("setting", Text(f.Setting, MaxSetting))
	out.Setting = f.Setting
	extra, msg := Bool(f.extraRaw)
	errs.Add("extra_data", msg)
	f.ExtraData, out.ExtraData = extra, extra
	if f.SourceURL == "" {
		errs.Add("source_url", "A result needs a source: give the address of the paper, table or README where it appears.")
	} else {
		errs.Add("source_url", URL(f.SourceURL))
	}
	out.SourceURL = f.SourceURL
	errs.Add("reported_in", Text(f.ReportedIn, MaxReportedIn))
	out.ReportedIn = f.ReportedIn
	errs.Add("note", Multiline(f.Note, MaxNote))
	f.validatePaper(&out, errs)
	return out, errs
}

// validatePaper checks the optional size, paper and code fields: a count
// the charts can read, a year with the paper it belongs to, web links.
func (f *ResultAdd) validatePaper(out *model.Fields, errs Errors) {
	if f.Params != "" {
		if msg := Text(f.Params, MaxParams); msg != "" {
			errs.Add("params", msg)
		} else if n, ok := model.ParseCount(f.Params); !ok {
			errs.Add("params", "Write the parameter count as a number, optionally with K, M, B or T: 86M, 1.1B, 2,179,678.")
		} else {
			out.ParamsText, out.Params = f.Params, &n
		}
	}
	errs.Add("paper_title", Text(f.PaperTitle, MaxTitle))
	out.PaperTitle = f.PaperTitle
	if f.PaperYear != "" {
		y, err := strconv.Atoi(f.PaperYear)
		switch {
		case err != nil || y < 1900 || y > time.Now().Year()+1:
			errs.Add("paper_year", fmt.Sprintf("Write the year the paper appeared, 1900 to %d.", time.Now().Year()+1))
		case f.PaperTitle == "":
			errs.Add("paper_year", "A year belongs to a paper: give the paper's title too.")
		default:
			out.PaperYear = &y
		}
	}
	if f.CodeURL != "" {
		errs.Add("code_url", URL(f.CodeURL))
		out.CodeURL = f.CodeURL
	}
}
