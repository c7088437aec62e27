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
