package extract

import (
	"reflect"
	"testing"
)

func TestAblationBase(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"without it, the model the paper's method is added to", "AnsHead: Answerability Heads for Extractive Readers",
			"On the SQuAD 2.0 development set, a RoBERTa-large reader with AnsHead obtains 87.4/90.2 EM/F1, compared with 86.5/89.4 without it.",
			map[string]string{"87.4": "AnsHead", "90.2": "AnsHead", "86.5": "RoBERTa-large", "89.4": "RoBERTa-large"}},
		{"the base of a name joined with +", "",
			"ViT-S/16+reg reaches 81.3% top-1 accuracy on ImageNet-1k, compared with 81.4% without registers.",
			map[string]string{"81.3%": "ViT-S/16+reg", "81.4%": "ViT-S/16"}},
		{"up from, with the original recipe", "",
			"A WRN-28-10 trained this way reaches 84.6% accuracy on CIFAR-100, up from 81.2% with the original recipe.",
			map[string]string{"84.6%": "WRN-28-10", "81.2%": "WRN-28-10"}},
		{"for the original recipe", "",
			"Our procedure lets a vanilla ResNet-50 reach 80.4% top-1 accuracy on ImageNet, compared with 76.1% for the original recipe.",
			map[string]string{"80.4%": "ResNet-50", "76.1%": "ResNet-50"}},
		{"up from, and a name after for", "",
			"RC-DNABERT-2 reaches 92.4% accuracy on Human Regulatory, up from 87.1% for DNABERT-2.",
			map[string]string{"92.4%": "RC-DNABERT-2", "87.1%": "DNABERT-2"}},
		{"at BF16, after the subject's score", "QuaRot-X: Rotated Quantisation",
			"Quantised with QuaRot-X, Qwen2.5-72B keeps 85.3% MMLU accuracy, against 85.9% at BF16.",
			map[string]string{"85.3%": "QuaRot-X", "85.9%": "Qwen2.5-72B"}},
		// A setting before "for" does not hide whose score it is.
		{"at INT4, for a named other", "QuantZ: Rotated Quantisation",
			"Quantised with QuantZ, Mistral-7B keeps 61.3% on MMLU, against 58.0% at INT4 for GPTQ-Mistral.",
			map[string]string{"61.3%": "QuantZ", "58.0%": "GPTQ-Mistral"}},
		{"in full precision, after a model kept at a score", "TwinQuant: Quantised Transformers",
			"At W4/A4, TwinQuant keeps DeiT-B at 77.6% top-1 on ImageNet, compared with 81.8% in full precision.",
			map[string]string{"77.6%": "TwinQuant", "81.8%": "DeiT-B"}},
		// The paper's own result without its change names no model: dropped.
		{"the paper's own, without its change", "FooNet: Fast Networks",
			"FooNet reaches 82.1% top-1 accuracy on ImageNet, compared with 80.3% without pre-training.",
			map[string]string{"82.1%": "FooNet"}},
		{"up from, no name", "FooNet: Fast Networks",
			"FooNet reaches 82.1% top-1 accuracy on ImageNet, up from 80.3%.",
			map[string]string{"82.1%": "FooNet"}},
		// Someone else's value stays someone else's.
		{"another setting is no ablation", "FooNet: Fast Networks",
			"FooNet reaches 82.1% top-1 accuracy on ImageNet, compared with 80.3% with a larger model.",
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
