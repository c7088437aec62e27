package sheet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
)

var imagenet = Config{
	Task: "Image classification", Dataset: "ImageNet-1k",
	Metrics: []Metric{{Name: "Top-1 accuracy", HigherIsBetter: true, Unit: "%"}, {Name: "Top-5 accuracy", HigherIsBetter: true, Unit: "%"}},
	File:    "timm-results-imagenet-real-head.csv",
}

func maps(t *testing.T, specs ...string) []Map {
	t.Helper()
	var out []Map
	for _, s := range specs {
		m, err := ParseMap(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func readAll(t *testing.T, r *Reader) ([]string, []Skip) {
	t.Helper()
	var out []string
	var skips []Skip
	for {
		recs, sk, err := r.Read()
		if err == io.EOF {
			return out, skips
		}
		if err != nil {
			t.Fatal(err)
		}
		skips = append(skips, sk...)
		for _, rec := range recs {
			out = append(out, fmt.Sprintf("%s | %s | %v %s | params=%s | %s", rec.Method, rec.Metric, rec.Value, rec.Unit, rec.Params, rec.ReportedIn))
		}
	}
}

// TestTimm: the command in the README, on the first 40 rows of timm's
// ImageNet-ReaL table.
func TestTimm(t *testing.T) {
	f, err := os.Open("testdata/timm-results-imagenet-real-head.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg := imagenet
	cfg.Maps = maps(t, "model=method", "top1=Top-1 accuracy", "param_count=params:M")
	r, err := NewReader(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantIgnored := []string{"img_size", "top1_err", "top5", "top5_err", "crop_pct", "interpolation", "top1_diff", "top5_diff", "rank_diff"}
	if !reflect.DeepEqual(r.Ignored, wantIgnored) {
		t.Errorf("ignored %v, want %v", r.Ignored, wantIgnored)
	}
	got, skips := readAll(t, r)
	if len(got) != 40 || len(skips) != 0 {
		t.Fatalf("%d records, %d skips (%+v), want 40 and none", len(got), len(skips), skips)
	}
	want := []string{
		"eva02_large_patch14_448.mim_m38m_ft_in22k_in1k | Top-1 accuracy | 91.144 % | params=305.08M | timm-results-imagenet-real-head.csv",
		"eva_giant_patch14_336.clip_ft_in1k | Top-1 accuracy | 91.078 % | params=1,013.01M | timm-results-imagenet-real-head.csv",
	}
	if !reflect.DeepEqual(got[:2], want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got[:2], "\n"), strings.Join(want, "\n"))
	}
}

func TestMappedFieldsAndUnits(t *testing.T) {
	table := "name,acc,err5,size,link,yr,how,comment\n" +
		"A,0.81,4.5,25.6,https://arxiv.org/abs/2010.11929,2021,fine-tuned,first\n" +
		",90,1,1,,,,\n" + // no method: skipped
		"B,-,x,big,ftp://x,21,,\n"
	cfg := imagenet
	cfg.Maps = maps(t, "name=method", "acc=Top-1 accuracy:fraction", "err5=top-5 ACCURACY:%", "size=params:M", "link=paper_url",
		"yr=year", "how=setting", "comment=note")
	r, err := NewReader(strings.NewReader(table), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var recs []string
	var skips []Skip
	for {
		rs, sk, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		skips = append(skips, sk...)
		for _, rec := range rs {
			recs = append(recs, fmt.Sprintf("%s|%s|%v|%s|%s|%s|%s|%s|%s|%s", rec.Method, rec.Metric, rec.Value, rec.Unit, rec.MetricUnit, rec.Params,
				rec.ArxivID, rec.PaperDate, rec.Setting, rec.Note))
		}
	}
	wantRecs := []string{
		"A|Top-1 accuracy|0.81|fraction|%|25.6M|2010.11929|2021|fine-tuned|first",
		"A|Top-5 accuracy|4.5|%|%|25.6M|2010.11929|2021|fine-tuned|first",
	}
	if !reflect.DeepEqual(recs, wantRecs) {
		t.Errorf("records\n%s\nwant\n%s", strings.Join(recs, "\n"), strings.Join(wantRecs, "\n"))
	}
	wantSkips := []Skip{
		{Path: "line 3", Reason: "line skipped: no method"},
		{Path: "line 4:7 (size)", Raw: "big", Reason: "not a parameter count"},
		{Path: "line 4:11 (link)", Raw: "ftp://x", Reason: "not an http or https URL"},
		{Path: "line 4:19 (yr)", Raw: "21", Reason: "not a year"},
		{Path: "line 4:3 (acc)", Raw: "-", Reason: "not a number"},
		{Path: "line 4:5 (err5)", Raw: "x", Reason: "not a number"},
	}
	if !reflect.DeepEqual(skips, wantSkips) {
		t.Errorf("skips\n%+v\nwant\n%+v", skips, wantSkips)
	}
}

func TestMappingErrors(t *testing.T) {
	tests := []struct {
		name  string
		table string
		specs []string
		want  string
	}{
		{"no such column", "model,top1\n", []string{"modle=method", "top1=Top-1 accuracy"}, `line 1:1: --map modle=…: the table has no column "modle"; its columns: model,top1`},
		{"no such metric", "model,top1\n", []string{"model=method", "top1=Top 1"}, `--map top1=Top 1: dataset ImageNet-1k has no metric "Top 1"; its metrics: "Top-1 accuracy", "Top-5 accuracy"`},
		{"no method", "model,top1\n", []string{"top1=Top-1 accuracy"}, "no column maps to method: give --map COLUMN=method"},
		{"no metric", "model,top1\n", []string{"model=method"}, `no column maps to a metric of ImageNet-1k: give --map COLUMN=METRIC (its metrics: "Top-1 accuracy", "Top-5 accuracy")`},
		{"twice", "model,top1\n", []string{"model=method", "model=note", "top1=Top-1 accuracy"}, "line 1:1 (model): mapped twice"},
		{"empty", "", []string{"model=method"}, "line 1:1: empty file: expected a header line"},
		{"bad quote", "model,\"top1\n", []string{"model=method"}, "line 1:13: extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := imagenet
			cfg.Maps = maps(t, tt.specs...)
			_, err := NewReader(strings.NewReader(tt.table), cfg)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
	for _, spec := range []string{"a", "=b", "a=", "a=params:G"} {
		if _, err := ParseMap(spec); err == nil {
			t.Errorf("ParseMap(%q): no error", spec)
		}
	}
}

func TestReadErrorNamesLineAndColumn(t *testing.T) {
	cfg := imagenet
	cfg.Maps = maps(t, "model=method", "top1=Top-1 accuracy")
	r, err := NewReader(strings.NewReader("model,top1\nA,1\nB,\"2\n"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	_, _, err = r.Read()
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 {
		t.Errorf("error %v, want one on line 3", err)
	}
}

// FuzzReadSheet: no table makes the reader panic, and every record has a
// method and a metric of the dataset, within the store's limits.
func FuzzReadSheet(f *testing.F) {
	if data, err := os.ReadFile("testdata/timm-results-imagenet-real-head.csv"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("model,top1,param_count\nA,1%,\"1,000\"\n,2,3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		cfg := imagenet
		cfg.Maps = []Map{{Source: "model", Field: "method"}, {Source: "top1", Metric: "Top-1 accuracy"}, {Source: "param_count", Field: "params", Unit: "M"}}
		r, err := NewReader(strings.NewReader(string(data)), cfg)
		if err != nil {
			return
		}
		for {
			recs, _, err := r.Read()
			if err != nil {
				return
			}
			for _, rec := range recs {
				if rec.Method == "" || rec.Metric != "Top-1 accuracy" || len(rec.Method) > 300 || len(rec.Params) > 100 || len(rec.Raw) > 200 {
					t.Fatalf("record %+v", rec)
				}
			}
		}
	})
}
