package importer_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

func ptr(f float64) *float64 { return &f }

func TestRecords(t *testing.T) {
	row := pwc.Row{
		Path: "[0].datasets[1].subdatasets[0].sota.rows[3]", Task: "Image Classification",
		TaskPath: []string{"Computer Vision", "Image Classification"}, Dataset: "ImageNet ReaL",
		DatasetPath: []string{"ImageNet", "ImageNet ReaL"}, Model: "  ViT-H/14 ", PaperTitle: "An Image is Worth 16x16 Words",
		PaperURL: "https://arxiv.org/pdf/2010.11929v2.pdf", PaperDate: "2020-10-22", CodeURL: "https://github.com/google/vit",
		ExtraData: true, Params: "632M",
		Values: []pwc.Value{
			{Metric: "Top 1 Accuracy", Value: 88.55, PlusMinus: ptr(0.04), Unit: "%", Raw: "88.55 (±0.04)%"},
			{Metric: "Top-1 Error Rate", Value: 11.45, Raw: "11.45"},
		},
		Skipped: []pwc.Skip{{Path: "[0].datasets[1].subdatasets[0].sota.rows[3].metrics[\"FLOPs\"]", Metric: "FLOPs", Raw: "-", Reason: "not a number"}},
	}
	base := model.Record{
		Task: "Image Classification", Dataset: "ImageNet ReaL", ParentDataset: "ImageNet", Method: "ViT-H/14",
		ExtraData: true, Params: "632M", PaperTitle: "An Image is Worth 16x16 Words", ArxivID: "2010.11929",
		PaperURL: "https://arxiv.org/pdf/2010.11929v2.pdf", PaperDate: "2020-10-22", CodeURL: "https://github.com/google/vit",
		ReportedIn: "https://arxiv.org/pdf/2010.11929v2.pdf", Source: importer.PwCSource,
		SourceURL: "https://arxiv.org/pdf/2010.11929v2.pdf", Confidence: "med", DirectionInferred: true,
	}
	acc, errRate := base, base
	acc.Metric, acc.HigherIsBetter, acc.Value, acc.PlusMinus, acc.Unit, acc.MetricUnit, acc.Raw =
		"Top 1 Accuracy", true, 88.55, ptr(0.04), "%", "%", "88.55 (±0.04)%"
	errRate.Metric, errRate.HigherIsBetter, errRate.Value, errRate.Raw = "Top-1 Error Rate", false, 11.45, "11.45"

	noPaper := row
	noPaper.PaperURL, noPaper.PaperTitle, noPaper.PaperDate, noPaper.CodeURL = "", "", "not a date", "ftp://x"
	noPaper.DatasetPath = []string{"ImageNet ReaL"}
	noPaper.Values = noPaper.Values[1:]
	noPaper.Skipped = nil
	bare := errRate
	bare.ParentDataset, bare.PaperTitle, bare.ArxivID, bare.PaperURL, bare.PaperDate, bare.CodeURL, bare.SourceURL =
		"", "", "", "", "", "", ""
	bare.ReportedIn = "Papers with Code evaluation-tables (sota.json)"

	titleOnly := noPaper
	titleOnly.PaperTitle, titleOnly.PaperURL = "A Paper", "doi:10.1/x"
	titled := bare
	titled.PaperTitle, titled.ReportedIn = "A Paper", "doi:10.1/x" // the URL is the report, but no link

	noModel := row
	noModel.Model = " \t"
	var byTitle []model.Record
	for _, r := range []model.Record{acc, errRate} {
		r.Method, r.NeedsReview = r.PaperTitle, true
		r.Note = "Papers with Code gave no model name: listed under the paper's title."
		byTitle = append(byTitle, r)
	}
	nothing := noModel
	nothing.PaperTitle = ""

	tests := []struct {
		name  string
		row   pwc.Row
		want  []model.Record
		skips []importer.Skip
	}{
		{"full row", row, []model.Record{acc, errRate},
			[]importer.Skip{{Path: row.Skipped[0].Path, Raw: "-", Reason: "not a number"}}},
		{"no paper: the file is the report", noPaper, []model.Record{bare}, nil},
		{"title and a URL that is no link", titleOnly, []model.Record{titled}, nil},
		{"no model name: listed under the paper's title, for review", noModel, byTitle, []importer.Skip{
			{Path: row.Skipped[0].Path, Raw: "-", Reason: "not a number"}}},
		{"no model name nor title: the row is skipped", nothing, nil, []importer.Skip{
			{Path: row.Skipped[0].Path, Raw: "-", Reason: "not a number"},
			{Path: row.Path, Raw: " \t", Reason: "row skipped: no model name and no paper title"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, skips := importer.Records(tt.row, "sota.json")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records:\n got %+v\nwant %+v", got, tt.want)
			}
			if !reflect.DeepEqual(skips, tt.skips) {
				t.Errorf("skips:\n got %+v\nwant %+v", skips, tt.skips)
			}
		})
	}
}

func TestRecordsKeepToTheCSVLimits(t *testing.T) {
	long := strings.Repeat("é", 600) // 1200 bytes
	row := pwc.Row{Path: "[0]", Task: "T", Dataset: "D", Model: "M\x00", PaperTitle: long, Params: long,
		Values: []pwc.Value{{Metric: "Acc", Value: 1, Raw: long}, {Metric: long, Value: 2, Raw: "2"}}}
	got, skips := importer.Records(row, "f.json")
	if len(got) != 1 || len(skips) != 1 {
		t.Fatalf("%d records, %d skips (%+v)", len(got), len(skips), skips)
	}
	r := got[0]
	if r.Method != "M" || len(r.PaperTitle) > 1000 || len(r.Raw) > 200 || r.Params != "" || len(r.ReportedIn) > 500 {
		t.Errorf("limits not kept: method %q, title %d, raw %d, params %q, reported_in %d bytes",
			r.Method, len(r.PaperTitle), len(r.Raw), r.Params, len(r.ReportedIn))
	}
	if !strings.HasPrefix(skips[0].Reason, "metric name empty or longer than 200") {
		t.Errorf("skip: %+v", skips[0])
	}
}

func TestArxivID(t *testing.T) {
	for url, want := range map[string]string{
		"https://arxiv.org/abs/2104.09376":        "2104.09376",
		"https://arxiv.org/abs/2104.09376v3":      "2104.09376",
		"http://arxiv.org/pdf/1512.03385v1.pdf":   "1512.03385",
		"https://arxiv.org/pdf/1512.03385":        "1512.03385",
		"https://export.arxiv.org/abs/0704.0001":  "0704.0001",
		"https://arxiv.org/abs/cs/0601001":        "",
		"https://arxiv.org/abs/2104.093761":       "",
		"https://openreview.net/forum?id=2104.09": "",
		"": "",
	} {
		if got := importer.ArxivID(url); got != want {
			t.Errorf("ArxivID(%q) = %q, want %q", url, got, want)
		}
	}
}

// TestImportPwCSubdatasetsAndCounts: a "subdataset" is a board under its
// parent; every parameter count is read; a nameless row is listed under
// its paper's title and marked for review.
func TestImportPwCSubdatasetsAndCounts(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := importer.ImportFile(context.Background(), st, filepath.Join("..", "pwc", "testdata", "subdataset.json"), importer.Options{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM datasets c JOIN datasets p ON p.id = c.parent_id WHERE c.name = 'ImageNet ReaL' AND p.name = 'ImageNet-1k'`); n != 1 {
		t.Errorf("ImageNet ReaL under ImageNet-1k (the file's ImageNet is a spelling of it): %d, want 1", n)
	}
	for params, want := range map[string]float64{"220k": 220e3, "3.0m": 3e6, "15m": 15e6, "1.2B": 1.2e9, "1,014.45M": 1014.45e6, "1,013.01M": 1013.01e6} {
		if n := count(t, db, `SELECT count(*) FROM results WHERE params_text = ? AND params = ?`, params, want); n != 1 {
			t.Errorf("params %q = %v: %d results, want 1", params, want, n)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM results r JOIN methods m ON m.id = r.method_id WHERE r.needs_review AND m.name = 'A nameless net'`); n != 1 {
		t.Errorf("the nameless row under its paper's title, marked for review: %d, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM results WHERE needs_review`); n != 1 {
		t.Errorf("%d results marked for review, want 1", n)
	}
}
