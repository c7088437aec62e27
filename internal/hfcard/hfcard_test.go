package hfcard

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func summary(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	recs, skips, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(skips) != 0 {
		t.Errorf("skips %+v", skips)
	}
	var out []string
	for _, r := range recs {
		if !r.DirectionInferred || !r.HigherIsBetter || r.Source != "Open LLM Leaderboard" ||
			!strings.HasPrefix(r.SourceURL, "https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard?query=") || r.ReportedIn != r.SourceURL {
			t.Errorf("record %+v", r)
		}
		out = append(out, fmt.Sprintf("%s | %s | %s | %s | %v %s | %s | %s", r.Method, r.Task, r.Dataset, r.Metric, r.Value, r.Unit, r.Setting, r.Note))
	}
	return out
}

func TestParseCards(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"NeuralPipe-7B-ties.md", []string{
			"NeuralPipe-7B-ties | Text Generation | AI2 Reasoning Challenge (25-Shot) | normalized accuracy | 67.92 % | 25-shot | dataset ai2_arc; config ARC-Challenge; split test",
			"NeuralPipe-7B-ties | Text Generation | HellaSwag (10-Shot) | normalized accuracy | 86.04 % | 10-shot | dataset hellaswag; split validation",
			"NeuralPipe-7B-ties | Text Generation | MMLU (5-Shot) | accuracy | 64.24 % | 5-shot | dataset cais/mmlu; config all; split test",
			"NeuralPipe-7B-ties | Text Generation | TruthfulQA (0-shot) | mc2 | 61.37 % | 0-shot | dataset truthful_qa; config multiple_choice; split validation",
			"NeuralPipe-7B-ties | Text Generation | Winogrande (5-shot) | accuracy | 80.19 % | 5-shot | dataset winogrande; config winogrande_xl; split validation",
			"NeuralPipe-7B-ties | Text Generation | GSM8k (5-shot) | accuracy | 69.52 % | 5-shot | dataset gsm8k; config main; split test",
		}},
		{"WizardLM-30B-Uncensored.md", []string{
			"WizardLM-30B-Uncensored | Text Generation | AI2 Reasoning Challenge (25-Shot) | normalized accuracy | 60.24 % | 25-shot | dataset ai2_arc; config ARC-Challenge; split test",
			"WizardLM-30B-Uncensored | Text Generation | HellaSwag (10-Shot) | normalized accuracy | 82.93 % | 10-shot | dataset hellaswag; split validation",
			"WizardLM-30B-Uncensored | Text Generation | MMLU (5-Shot) | accuracy | 56.8 % | 5-shot | dataset cais/mmlu; config all; split test",
			"WizardLM-30B-Uncensored | Text Generation | TruthfulQA (0-shot) | mc2 | 51.57 % | 0-shot | dataset truthful_qa; config multiple_choice; split validation",
			"WizardLM-30B-Uncensored | Text Generation | Winogrande (5-shot) | accuracy | 74.35 % | 5-shot | dataset winogrande; config winogrande_xl; split validation",
			"WizardLM-30B-Uncensored | Text Generation | GSM8k (5-shot) | accuracy | 12.89 % | 5-shot | dataset gsm8k; config main; split test",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if got := summary(t, tt.file); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

const verifiedCard = `---
model-index:
- name: tiny-model
  results:
  - task: {type: text-classification}
    dataset: {name: GLUE SST-2, type: glue, config: sst2, split: validation}
    metrics:
    - {type: accuracy, value: 0.912, verified: true, args: {num_few_shot: 3}}
    - {type: loss, value: "0.31"}
    - {type: f1, value: n/a}
---
# tiny-model
`

func TestParseVerifiedFractionAndSkips(t *testing.T) {
	recs, skips, err := Parse([]byte(verifiedCard))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(recs), recs)
	}
	acc, loss := recs[0], recs[1]
	if acc.Metric != "accuracy" || acc.Value != 0.912 || acc.Unit != "fraction" || !acc.Verified || acc.Setting != "3-shot" ||
		acc.Task != "text-classification" || acc.Source != DefaultSource || acc.ReportedIn != "model card of tiny-model" || acc.SourceURL != "" {
		t.Errorf("accuracy: %+v", acc)
	}
	if loss.Metric != "loss" || loss.HigherIsBetter || loss.Verified || loss.Unit != "" {
		t.Errorf("loss: %+v", loss)
	}
	want := []Skip{{Path: "model-index[0].results[0].metrics[2].value (line 10)", Reason: "not a number"}}
	if !reflect.DeepEqual(skips, want) {
		t.Errorf("skips %+v, want %+v", skips, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"no front matter", "# a card\n", `model card: line 1: no YAML front matter: the card must start with a "---" line, and the front matter end with another`},
		{"unclosed", "---\nmodel-index: []\n", `model card: line 1: no YAML front matter: the card must start with a "---" line, and the front matter end with another`},
		{"no model-index", "---\nlicense: mit\n---\n", "model card: the front matter has no model-index"},
		{"bad yaml", "---\nlicense: mit\nmodel-index: [\n---\n", "model card: line 3: did not find expected node content"},
		{"wrong type", "---\nmodel-index:\n  name: x\n---\n", "model card: unmarshal errors:\n  line 3: cannot unmarshal !!map into []hfcard.entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse([]byte(tt.doc))
			var e *Error
			if !errors.As(err, &e) || err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

// FuzzParseCard: no input makes Parse panic, and every record has the
// names the store needs, within its limits.
func FuzzParseCard(f *testing.F) {
	for _, name := range []string{"NeuralPipe-7B-ties.md", "WizardLM-30B-Uncensored.md"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(verifiedCard))
	f.Add([]byte("---\na: &a [*a]\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		recs, _, err := Parse(data)
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.Task == "" || r.Dataset == "" || r.Metric == "" || r.Method == "" || len(r.Dataset) > 200 || len(r.Method) > 300 || len(r.Raw) > 200 {
				t.Fatalf("record %+v", r)
			}
		}
	})
}
