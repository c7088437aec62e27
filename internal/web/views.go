package web

import (
	"context"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// funcs are the helpers templates may call. None returns template.HTML:
// everything a user can write is escaped by html/template.
var funcs = template.FuncMap{
	"num":     formatNumber,
	"pmtext":  formatPM,
	"unit":    unitSuffix,
	"date":    func(t time.Time) string { return t.Format("2006-01-02 15:04 UTC") },
	"isoDate": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"yearOf": func(r model.Report) string {
		if y := r.Year(); y != 0 {
			return strconv.Itoa(y)
		}
		return ""
	},
	"add":       func(a, b int) int { return a + b },
	"deref":     func(f *float64) float64 { return *f },
	"derefTime": func(t *time.Time) time.Time { return *t },
	"lower":     strings.ToLower,
	"counts":    countsText,
	"plural":    plural,
}

// countsText says how big a board is the one way every page says it: a
// row is one source's report of one method in one setting (see
// ranking.Build), a result one number in it.
func countsText(rows, results int) string {
	return plural(rows, "row") + " · " + plural(results, "result")
}

// formatNumber writes v with the metric's fixed number of decimals.
func formatNumber(v float64, decimals int) string {
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

func formatPM(pm *float64, decimals int) string {
	if pm == nil {
		return ""
	}
	return "± " + strconv.FormatFloat(*pm, 'f', decimals, 64)
}

func unitSuffix(m model.Metric) string {
	if m.Unit == "%" {
		return "%"
	}
	return ""
}

// sourceText is what a result's source link says.
func sourceText(r *model.Report) string {
	switch {
	case r.ReportedIn != "":
		return r.ReportedIn
	case r.Source != "":
		return r.Source
	}
	return "source"
}

// reportRow is a result as the method, paper and result pages list it: the
// score and its ± in the metric's unit, with its fixed decimals.
func reportRow(r model.Report, mt model.Metric) methodRow {
	text, pm := reportNumbers(r, mt)
	return methodRow{ID: r.ID, DatasetSlug: r.DatasetSlug, DatasetName: r.DatasetName, MethodSlug: r.MethodSlug, MethodName: r.MethodName,
		ExtraData: r.ExtraData, Raw: r.Raw, Setting: r.Setting, ParamsText: r.ParamsText, SourceURL: r.SourceURL, ReportedIn: r.ReportedIn,
		Metric: mt, Text: text, PM: pm}
}

// resultRow is one result with every field of its report, for its own page.
type resultRow struct {
	model.Report
	Metric model.Metric
	Text   string
	PM     string
}

func fullRow(r model.Report, mt model.Metric) resultRow {
	text, pm := reportNumbers(r, mt)
	return resultRow{Report: r, Metric: mt, Text: text, PM: pm}
}

// reportNumbers are the score and its ± in the metric's unit, with its
// fixed decimals.
func reportNumbers(r model.Report, mt model.Metric) (text, pm string) {
	var v *float64
	if r.PlusMinus != nil {
		x := model.ConvertUnit(*r.PlusMinus, r.Unit, mt.Unit)
		v = &x
	}
	return formatNumber(r.Score, mt.Decimals), formatPM(v, mt.Decimals)
}

// metricsOf looks up the metrics of a list of reports, in one query.
func (s *Server) metricsOf(ctx context.Context, reports []model.Report) (map[int64]model.Metric, error) {
	ids := make([]int64, 0, len(reports))
	for _, r := range reports {
		ids = append(ids, r.MetricID)
	}
	return s.store.MetricsByID(ctx, ids)
}
