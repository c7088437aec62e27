package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// A stored head decodes to the reports it was encoded from, nullable
// numbers, dates, extra data and texts shared with the previous report
// included; any cut of it, or a byte more, is refused rather than read.
func TestHeadCodecRoundTrip(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	y := func(v int) *int { return &v }
	day := func(s string) *time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	d := DatasetInfo{Dataset: model.Dataset{ID: 7, Name: "ImageNet-1k", Slug: "imagenet-1k"},
		Metrics: []model.Metric{{ID: 1, Name: "Top-1 accuracy", Slug: "top-1-accuracy"}, {ID: 2, Name: "Params", Slug: "params"}}}
	report := func(id, metric, method int64, score float64, texts ...string) model.Report {
		r := model.Report{DatasetName: d.Name, DatasetSlug: d.Slug}
		r.ID, r.DatasetID, r.MetricID, r.MethodID, r.Score = id, d.ID, metric, method, score
		for _, m := range d.Metrics {
			if m.ID == metric {
				r.MetricName, r.MetricSlug = m.Name, m.Slug
			}
		}
		for k, p := range headTexts(&r) {
			if k < len(texts) {
				*p = texts[k]
			}
		}
		return r
	}
	full := report(10, 1, 3, 88.5, "%", "88.5", "fine-tuned", "632M", "Table 2", "paper", "https://arxiv.org/abs/2111.06377",
		"high", "MAE ViT-H", "mae-vit-h", "Masked Autoencoders Are Scalable Vision Learners", "masked-autoencoders", "https://github.com/x/y")
	full.PlusMinus, full.Params, full.PaperYear, full.PaperDate, full.ExtraData = f(0.1), f(632e6), y(2021), day("2021-11-11"), true
	same := full // every text the previous report's
	same.ID, same.MetricID, same.Score, same.MetricName, same.MetricSlug = 11, 2, 632, "Params", "params"
	same.PlusMinus, same.Params, same.PaperDate = nil, nil, day("1999-12-31")
	bare := report(12, 9, 4, -0.0) // a metric the board no longer has; every text empty
	unicode := report(13, 1, 5, 1e-9, "", "≈81", "零样本", "", "", "", "", "", "Ünïcödé-Net", "unicode-net", "", "", "")
	unicode.PaperYear = y(0)
	for _, tc := range []struct {
		name string
		head []model.Report
	}{
		{"empty", nil},
		{"one report, every field", []model.Report{full}},
		{"texts shared with the previous report", []model.Report{full, same}},
		{"empty texts after full ones, and unicode", []model.Report{full, bare, unicode, same}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := encodeHead(tc.head)
			got, err := decodeHead(b, d)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.head) {
				t.Fatalf("decoded\n %+v\nwant\n %+v", got, tc.head)
			}
			for cut := range len(b) {
				if _, err := decodeHead(b[:cut], d); err == nil {
					t.Fatalf("the first %d of %d bytes decoded", cut, len(b))
				}
			}
			if _, err := decodeHead(append(b[:len(b):len(b)], 0), d); err == nil {
				t.Fatal("a byte past the end decoded")
			}
		})
	}
}
