package extract

import (
	"reflect"
	"testing"
)

func TestNameBeforePhrase(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"contrasted subject with a phrase of setting", "Pruning Large Language Models Without Retraining",
			"On MMLU, our pruned model keeps 52.1%, whereas SparseGPT at the same sparsity keeps 50.3%.",
			map[string]string{"52.1%": "", "50.3%": "SparseGPT"}},
		{"subject opening the sentence", "Pruning Large Language Models Without Retraining",
			"On MMLU, Llama-2-13B in 4-bit precision scores 54.1%.",
			map[string]string{"54.1%": "Llama-2-13B"}},
		// The paper's method applied to the model: not read as the model's.
		{"a phrase of the paper's", "Pruning Large Language Models Without Retraining",
			"On MMLU, Llama-2-13B under our pruning reaches 54.1%.",
			map[string]string{"54.1%": ""}},
		// A name inside a phrase of comparison is not the subject.
		{"not opening its clause", "FooNet: Fast Networks",
			"FooNet, faster than DeiT-B at the same size, reaches 82.1% on ImageNet.",
			map[string]string{"82.1%": "FooNet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestSubjectBeforeMadePhrase(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string // method | raw | confidence
	}{
		{"a name before the phrase", "Distillation Recipes Revisited",
			"DeiT-S, trained for 300 epochs on ImageNet-21k, reaches 83.1% top-1 accuracy on ImageNet.",
			[]string{"DeiT-S | 83.1% | high"}},
		// The paper's own model, unnamed: its title stands for it, as for
		// "Our prompt-tuned model obtains".
		{"the paper's own model before the phrase", "Prompt-Tuned CLIP for Low-Data Retrieval",
			"Our prompt-tuned model, trained for 30 epochs with 16 context tokens, obtains 58.9% Rank-1 on CUHK-PEDES.",
			[]string{"Prompt-Tuned CLIP for Low-Data Retrieval | 58.9% | med"}},
		// A phrase that does not open with a participle leaves the
		// subject unread.
		{"a phrase of something else", "Prompt-Tuned CLIP for Low-Data Retrieval",
			"Our prompt-tuned model, as a result, obtains 58.9% Rank-1 on CUHK-PEDES.",
			[]string{"Prompt-Tuned CLIP for Low-Data Retrieval | 58.9% | low"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Extract(tt.title+"\n"+tt.text, knownDatasets).Candidates {
				got = append(got, c.Method+" | "+c.Raw+" | "+c.Confidence)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
