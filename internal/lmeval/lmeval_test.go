package lmeval

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseExample(t *testing.T) {
	data, err := os.ReadFile("testdata/results-example.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  Options
		want []string
	}{
		{"groups and lone tasks", Options{}, []string{
			"gsm8k | exact_match (flexible-extract) | ↑ | 0.4139±0.0136 fraction | 5-shot | parent=",
			"gsm8k | exact_match (strict-match) | ↑ | 0.3912±0.0134 fraction | 5-shot | parent=",
			"hellaswag | acc | ↑ | 0.6093±0.0049 fraction | 0-shot | parent=",
			"hellaswag | acc_norm | ↑ | 0.8024±0.004 fraction | 0-shot | parent=",
			"mmlu | acc | ↑ | 0.6187±0.0038 fraction | 5-shot | parent=",
			"wikitext | bits_per_byte | ↓ | 0.5981  | 0-shot | parent=",
			"wikitext | byte_perplexity | ↓ | 1.5137  | 0-shot | parent=",
			"wikitext | word_perplexity | ↓ | 9.1742  | 0-shot | parent=",
		}},
		{"with subtasks", Options{Subtasks: true}, []string{
			"gsm8k | exact_match (flexible-extract) | ↑ | 0.4139±0.0136 fraction | 5-shot | parent=",
			"gsm8k | exact_match (strict-match) | ↑ | 0.3912±0.0134 fraction | 5-shot | parent=",
			"hellaswag | acc | ↑ | 0.6093±0.0049 fraction | 0-shot | parent=",
			"hellaswag | acc_norm | ↑ | 0.8024±0.004 fraction | 0-shot | parent=",
			"mmlu | acc | ↑ | 0.6187±0.0038 fraction | 5-shot | parent=",
			"mmlu_abstract_algebra | acc | ↑ | 0.31±0.0465 fraction | 5-shot | parent=mmlu_stem",
			"mmlu_formal_logic | acc | ↑ | 0.4127±0.044 fraction | 5-shot | parent=mmlu_humanities",
			"mmlu_humanities | acc | ↑ | 0.5604±0.0067 fraction | 5-shot | parent=mmlu",
			"mmlu_stem | acc | ↑ | 0.5221±0.0086 fraction | 5-shot | parent=mmlu",
			"wikitext | bits_per_byte | ↓ | 0.5981  | 0-shot | parent=",
			"wikitext | byte_perplexity | ↓ | 1.5137  | 0-shot | parent=",
			"wikitext | word_perplexity | ↓ | 9.1742  | 0-shot | parent=",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, skips, err := Parse(data, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(skips) != 0 {
				t.Errorf("skips: %+v", skips)
			}
			var got []string
			for _, r := range recs {
				arrow := "↓"
				if r.HigherIsBetter {
					arrow = "↑"
				}
				pm := ""
				if r.PlusMinus != nil {
					pm = fmt.Sprintf("±%v", *r.PlusMinus)
				}
				got = append(got, fmt.Sprintf("%s | %s | %s | %v%s %s | %s | parent=%s", r.Dataset, r.Metric, arrow, r.Value, pm, r.Unit, r.Setting, r.ParentDataset))
				if r.Method != "example-org/example-7b" || r.Task != Task || r.Source != Source || r.DirectionInferred ||
					r.ReportedIn != "lm-evaluation-harness run of example-org/example-7b on 2024-12-04" {
					t.Errorf("record %+v", r)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseModelName(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"model_name", `{"results": {}, "model_name": "a/b", "config": {"model_args": "pretrained=c/d"}}`, "a/b"},
		{"model_args string", `{"results": {}, "config": {"model_args": "dtype=float16,pretrained=c/d,revision=main"}}`, "c/d"},
		{"model_args object", `{"results": {}, "config": {"model_args": {"pretrained": "e/f"}}}`, "e/f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(tt.doc, `"results": {}`, `"results": {"t": {"acc,none": 0.5}}, "higher_is_better": {"t": {"acc": true}}`, 1)
			recs, _, err := Parse([]byte(doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Method != tt.want {
				t.Errorf("got %+v, want method %q", recs, tt.want)
			}
		})
	}
}

func TestParseSkips(t *testing.T) {
	doc := `{"model_name": "m", "results": {"t": {"acc,none": "N/A", "f1,none": 0.5, "bleu,none": 3, "alias": "t", ",none": 1, " ,x": 2}},
		"higher_is_better": {"t": {"acc": true, "f1": true, "": true, " ": false}}}`
	recs, skips, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Metric != "f1" || recs[0].Setting != "" {
		t.Errorf("records %+v", recs)
	}
	want := []Skip{
		{Path: `results["t"][" ,x"]`, Reason: "no metric name before the comma"},
		{Path: `results["t"][",none"]`, Reason: "no metric name before the comma"},
		{Path: `results["t"]["acc,none"]`, Reason: "N/A"},
		{Path: `results["t"]["bleu,none"]`, Reason: "higher_is_better does not give this metric's direction"},
	}
	if !reflect.DeepEqual(skips, want) {
		t.Errorf("skips %+v, want %+v", skips, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"syntax", "{\n  \"results\": {,\n}", "lm-eval: line 2:15: invalid character ',' looking for beginning of object key string"},
		{"wrong type", "{\"results\": [1]}", "lm-eval: line 1:13: results: expected object, got array"},
		{"no results", `{"model_name": "m"}`, `lm-eval: no "results" object`},
		{"no model", `{"results": {}}`, "lm-eval: model_name: the file names no model: neither model_name nor pretrained= in config.model_args"},
		{"loop", `{"model_name": "m", "results": {"a": {}}, "group_subtasks": {"a": ["b"], "b": ["a"]}}`, `lm-eval: group_subtasks["a"]: a group that contains itself`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse([]byte(tt.doc), Options{Subtasks: true})
			var e *Error
			if !errors.As(err, &e) || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

// FuzzParseLMEval: no input makes Parse panic, and every record it
// returns has the names and the finite value the store needs.
func FuzzParseLMEval(f *testing.F) {
	if data, err := os.ReadFile("testdata/results-example.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"model_name": "m", "results": {"t": {"acc,none": "N/A"}}, "group_subtasks": {"t": ["t"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		recs, _, err := Parse(data, Options{Subtasks: true})
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.Dataset == "" || r.Metric == "" || r.Method == "" || len(r.Dataset) > 200 || len(r.Metric) > 200 || len(r.Method) > 300 {
				t.Fatalf("record %+v", r)
			}
		}
	})
}
