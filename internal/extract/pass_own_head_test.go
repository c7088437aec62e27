package extract

import (
	"reflect"
	"testing"
)

func TestOwnHeadsSubject(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"applied to a model", "HardDN: Hard Negative Queries for Faster Convergence",
			"For instance segmentation, HardDN applied to Mask DINO yields 52.1 box AP and 46.5 mask AP on COCO.",
			map[string]string{"52.1": "HardDN", "46.5": "HardDN"}},
		{"on a frozen model", "SeqPrompt: Few-Shot Fine-Tuning of DNA Foundation Models",
			"SeqPrompt on a frozen Nucleotide Transformer 500M reaches 86.3% accuracy on Human vs Worm.",
			map[string]string{"86.3%": "SeqPrompt"}},
		{"a participle phrase ending in a model", "Polaris-SSL: Self-Supervised Pre-Training of Vision Transformers",
			"With a ViT-L backbone, Polaris-SSL fine-tuned on COCO with Mask R-CNN reaches 56.3 box AP.",
			map[string]string{"56.3": "Polaris-SSL"}},
		// Two subjects, or a comparison: the name before the verb is its own.
		{"a second subject", "HardDN: Hard Negative Queries for Faster Convergence",
			"On COCO, HardDN and Mask DINO reach 52.1 and 50.5 box AP, respectively.",
			map[string]string{"52.1": "HardDN", "50.5": "Mask DINO"}},
		{"a verb in between", "Quill-7B: Data-Efficient Instruction Tuning",
			"Quill-7B also compares favourably with Llama 2 13B Chat, which reaches 54.8% on MMLU.",
			map[string]string{"54.8%": "Llama 2 13B Chat"}},
		{"a comparison", "HardDN: Hard Negative Queries for Faster Convergence",
			"On COCO, HardDN is faster, while Mask DINO reaches 50.5 box AP.",
			map[string]string{"50.5": "Mask DINO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestWhoseOwner(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"an adjective in the clause", "QuantEval: Measuring What Quantisation Costs",
			"For Llama 3 70B, whose full-precision MMLU accuracy is 79.3%, GPTQ yields 78.8%.",
			map[string]string{"79.3%": "Llama 3 70B", "78.8%": "GPTQ"}},
		{"a score verb", "SqueezeQ: Mixed-Precision Quantisation for Language Models",
			"On Llama 3 8B, whose FP16 model scores 65.2% on MMLU, SqueezeQ obtains 64.8%.",
			map[string]string{"65.2%": "Llama 3 8B", "64.8%": "SqueezeQ"}},
		// No comma before "whose": a description, not a name's clause.
		{"no comma", "SqueezeQ: Mixed-Precision Quantisation for Language Models",
			"SqueezeQ obtains 64.8% on MMLU with a model whose FP16 copy scores 65.2%.",
			map[string]string{"64.8%": "SqueezeQ", "65.2%": "SqueezeQ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
