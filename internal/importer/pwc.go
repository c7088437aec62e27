package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
)

// PwCSource is the source every Papers with Code record names.
const PwCSource = "Papers with Code evaluation-tables"

// The limits the CSV reader enforces, in bytes. Records mapped from JSON
// keep to them too, so the database's checks never fail an import and
// what was imported from JSON exports and imports again as CSV.
const (
	maxName     = 200 // task, dataset, metric
	maxMethod   = 300
	maxRaw      = 200
	maxParams   = 100
	maxTitle    = 1000
	maxReported = 500
)

var arxivURL = regexp.MustCompile(`arxiv\.org/(?:abs|pdf)/([0-9]{4}\.[0-9]{4,5})(?:[^0-9]|$)`)

// ArxivID extracts the id from an arxiv.org/abs or /pdf URL ("2104.09376"
// from https://arxiv.org/abs/2104.09376v2); "" when there is none.
func ArxivID(url string) string {
	if m := arxivURL.FindStringSubmatch(url); m != nil {
		return m[1]
	}
	return ""
}

// Records maps one Papers with Code leaderboard row to records, one per
// parsed value, and lists what it left out: the row's skipped cells, and
// the whole row when it names no model. file is the input's base name;
// it stands in as the report for rows that name no paper.
//
// The format does not say which way a metric goes, so every record
// carries the direction pwc.InferDirection guesses, marked as inferred:
// a metric created from it waits for a moderator's review.
func Records(row pwc.Row, file string) ([]model.Record, []Skip) {
	var skips []Skip
	for _, s := range row.Skipped {
		skips = append(skips, Skip{Path: s.Path, Raw: s.Raw, Reason: s.Reason})
	}
	method := clean(row.Model)
	task := clean(row.Task)
	dataset := clean(row.Dataset)
	// Papers with Code showed a row without a model name under its
	// paper's title; so does Benchboard, marked for a moderator's review.
	nameless := method == ""
	if nameless {
		method = clip(clean(row.PaperTitle), maxMethod)
	}
	var why string
	switch {
	case method == "":
		why = "no model name and no paper title"
	case len(method) > maxMethod:
		why = fmt.Sprintf("model name longer than %d bytes", maxMethod)
	case task == "" || len(task) > maxName:
		why = fmt.Sprintf("task name empty or longer than %d bytes", maxName)
	case dataset == "" || len(dataset) > maxName:
		why = fmt.Sprintf("dataset name empty or longer than %d bytes", maxName)
	}
	if why != "" {
		return nil, append(skips, Skip{Path: row.Path, Raw: clip(row.Model, 80), Reason: "row skipped: " + why})
	}

	base := model.Record{
		Task:       task,
		Dataset:    dataset,
		Method:     method,
		ExtraData:  row.ExtraData,
		PaperTitle: clip(clean(row.PaperTitle), maxTitle),
		Source:     PwCSource,
		Confidence: "med", // a secondary listing, not the paper itself
	}
	if nameless {
		base.NeedsReview = true
		base.Note = "Papers with Code gave no model name: listed under the paper's title."
	}
	if n := len(row.DatasetPath); n >= 2 {
		if p := clean(row.DatasetPath[n-2]); p != "" && len(p) <= maxName {
			base.ParentDataset = p
		}
	}
	if p := clean(row.Params); len(p) <= maxParams {
		base.Params = p
	}
	paperURL := clean(row.PaperURL)
	if model.CheckURL(paperURL) == nil {
		base.PaperURL = paperURL
		base.SourceURL = paperURL
		base.ArxivID = ArxivID(paperURL)
	}
	if d := clean(row.PaperDate); d != "" {
		if _, err := model.ParseDate(d); err == nil {
			base.PaperDate = d
		}
	}
	if c := clean(row.CodeURL); model.CheckURL(c) == nil {
		base.CodeURL = c
	}
	switch {
	case paperURL != "":
		base.ReportedIn = clip(paperURL, maxReported)
	case base.PaperTitle != "":
		base.ReportedIn = clip(base.PaperTitle, maxReported)
	default:
		base.ReportedIn = clip(PwCSource+" ("+clean(file)+")", maxReported)
	}

	recs := make([]model.Record, 0, len(row.Values))
	for _, v := range row.Values {
		metric := clean(v.Metric)
		if metric == "" || len(metric) > maxName {
			skips = append(skips, Skip{Path: row.Path + ".metrics", Raw: clip(v.Metric, 80),
				Reason: fmt.Sprintf("metric name empty or longer than %d bytes", maxName)})
			continue
		}
		rec := base
		rec.Metric = metric
		rec.HigherIsBetter = pwc.InferDirection(metric)
		rec.DirectionInferred = true
		rec.Value = v.Value
		rec.PlusMinus = v.PlusMinus
		if v.Unit == "%" {
			rec.Unit = "%"
		}
		// The unit a metric is created with is its first value's.
		rec.MetricUnit = rec.Unit
		rec.Raw = clip(clean(v.Raw), maxRaw)
		recs = append(recs, rec)
	}
	return recs, skips
}

// clean makes JSON text what the CSV reader would make of it: no NUL
// bytes (Postgres refuses them), a CR read as the line break it stands
// for, no surrounding space.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
}

// clip cuts s to at most n bytes, on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}
