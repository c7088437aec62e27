package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// TestNumbersAsReported: fractions imported onto a % board reach the JSON
// API, the chart data and the leaderboard as the decimals reported, never
// as binary noise; the CSV export keeps a line break inside a note as LF.
func TestNumbersAsReported(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t)
	recs := []model.Record{}
	for _, v := range []struct {
		method string
		value  float64
	}{{"Noise test A", 0.911}, {"Noise test B", 0.702}} {
		recs = append(recs, model.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
			HigherIsBetter: true, MetricUnit: "%", Method: v.method, Value: v.value, Unit: "fraction",
			Raw: model.FormatNumber(v.value), ReportedIn: "noise test", Note: "first line\nsecond line", Confidence: "high"})
	}
	if _, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path      string
		want, bad []string
	}{
		{"/api/v1/datasets/imagenet-1k/results?per_page=200", []string{`"value":91.1,`, `"value":70.2,`}, []string{"91.1000", "70.1999", "70.2000"}},
		// The metric shows 2 decimals (seeded as "88.60"): 91.10 in text, 91.1 as the number.
		{"/datasets/imagenet-1k/charts.json", []string{`"value":91.1,`, `"valueText":"91.10"`}, []string{"91.1000", "70.1999", "70.2000"}},
		{"/datasets/imagenet-1k", []string{">91.10<"}, []string{"91.1000", "70.1999"}},
		{"/datasets/imagenet-1k.csv", []string{"\"first line\nsecond line\"", "\r\n"}, []string{"first line\r\nsecond line"}},
	}
	for _, tt := range tests {
		status, body, _ := get(t, app, tt.path)
		if status != 200 {
			t.Errorf("GET %s: %d", tt.path, status)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tt.path, w)
			}
		}
		for _, b := range tt.bad {
			if strings.Contains(body, b) {
				t.Errorf("GET %s holds %q", tt.path, b)
			}
		}
	}
}
