package importer

import (
	"context"
	"fmt"
	"strings"

	"github.com/benchboard/benchboard/internal/extract"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// Extractor is who extracted candidates are attributed to in the queue.
const Extractor = "extractor"

// Proposal is one candidate read from paper text and what became of it.
type Proposal struct {
	extract.Candidate
	Status string // "queued", "already queued", or why it was left out
	Queued bool
}

// ExtractReport is what one run of the extractor found and did.
type ExtractReport struct {
	Proposals []Proposal
	Unknown   []extract.Unknown // "dataset not known": add the dataset or an alias and run again
	Failed    []extract.Failure // papers the extractor could not read; the others are read
	Queued    int
}

// ExtractOptions control a run.
type ExtractOptions struct {
	DryRun        bool
	MinConfidence string // extract.DefaultMinConfidence when empty
}

// ExtractText reads candidate scores out of a paper listing (or one
// abstract) and queues each as a pending "add" for a moderator, with the
// sentence it came from. Running it twice on the same text queues nothing
// new. With DryRun nothing is written.
func ExtractText(ctx context.Context, st *store.Store, text string, opt ExtractOptions) (ExtractReport, error) {
	if opt.MinConfidence == "" {
		opt.MinConfidence = extract.DefaultMinConfidence
	}
	all, err := st.Datasets(ctx)
	if err != nil {
		return ExtractReport{}, err
	}
	aliases, err := st.DatasetNames(ctx)
	if err != nil {
		return ExtractReport{}, err
	}
	known := make([]extract.Dataset, 0, len(all))
	slugs := make(map[string]string, len(all))
	for _, d := range all {
		// A score whose sentence names no metric is taken as the
		// dataset's primary metric, at confidence "med".
		known = append(known, extract.Dataset{Name: d.Name, Aliases: aliases[d.Name], Metric: d.MetricName})
		slugs[d.Name] = d.Slug
	}
	res := extract.Extract(text, known).Filter(opt.MinConfidence)
	rep := ExtractReport{Unknown: res.Unknown, Failed: res.Failed}
	infos := map[string]store.DatasetInfo{}
	for _, c := range res.Candidates {
		p := Proposal{Candidate: c}
		sub, why, err := proposal(ctx, st, c, slugs, infos)
		switch {
		case err != nil:
			return rep, err
		case why != "":
			p.Status = why
		case opt.DryRun:
			p.Status = "would be queued"
		default:
			created, err := st.CreateExtracted(ctx, sub, c.Key())
			if err != nil {
				return rep, err
			}
			p.Queued = created
			p.Status = "queued"
			if !created {
				p.Status = "already queued"
			} else {
				rep.Queued++
			}
		}
		rep.Proposals = append(rep.Proposals, p)
	}
	return rep, nil
}

// proposal turns a candidate into a pending "add", or says why it cannot
// be one.
func proposal(ctx context.Context, st *store.Store, c extract.Candidate, slugs map[string]string, infos map[string]store.DatasetInfo) (model.Submission, string, error) {
	if strings.TrimSpace(c.Method) == "" {
		return model.Submission{}, "left out: no method named", nil
	}
	d, ok := infos[c.Dataset]
	if !ok {
		var err error
		if d, err = st.Dataset(ctx, slugs[c.Dataset]); err != nil {
			return model.Submission{}, "", err
		}
		infos[c.Dataset] = d
	}
	var metric *model.Metric
	for i, m := range d.Metrics {
		if strings.EqualFold(m.Name, c.Metric) {
			metric = &d.Metrics[i]
		}
	}
	if metric == nil {
		return model.Submission{}, fmt.Sprintf("left out: %s has no metric %q", d.Name, c.Metric), nil
	}
	unit := c.Unit
	if unit == "" {
		unit = metric.Unit
	}
	value := model.ConvertUnit(c.Value, unit, metric.Unit)
	setting := c.Setting
	if c.RangeEnd {
		setting = strings.TrimPrefix(setting+"; range end", "; ")
	}
	reportedIn := c.Paper
	if reportedIn == "" {
		reportedIn = "pasted abstract"
	}
	note := "confidence " + c.Confidence
	if c.Note != "" {
		note += ": " + c.Note
	}
	return model.Submission{
		Kind: model.KindAdd, DatasetID: d.ID, SubmittedBy: Extractor, Evidence: clipRunes(c.Evidence, 4000),
		Note: clipRunes(note, 2000),
		After: &model.Fields{Method: clipRunes(c.Method, 300), MetricID: metric.ID, Value: value, ValueText: c.Raw,
			Setting: setting, ReportedIn: clipRunes(reportedIn, 500)},
	}, "", nil
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
