package extract

import (
	"reflect"
	"testing"
)

func TestNamedOtherSubject(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"a named baseline as the subject", "Genomic Benchmarks: A Collection of Datasets",
			"The provided CNN baseline reaches 69.5% accuracy on Human Enhancers Cohn.",
			map[string]string{"69.5%": "CNN"}},
		{"a named baseline in a contrasted clause", "FooNet: Fast Networks",
			"FooNet reaches 44.1 AP on COCO, while the DETR baseline obtains 42.0 AP.",
			map[string]string{"44.1": "FooNet", "42.0": "DETR"}},
		// Unnamed, it stays someone unnamed's.
		{"an unnamed baseline", "FooNet: Fast Networks",
			"FooNet reaches 44.1 AP on COCO, while the baseline obtains 42.0 AP.",
			map[string]string{"44.1": "FooNet"}},
		// The teacher ends a phrase inside the subject, which is the student.
		{"inside a longer subject", "DFD: Decoupled Feature Distillation for Compact Students",
			"On ImageNet, a ResNet-18 student of a ResNet-34 teacher reaches 72.1% top-1.",
			map[string]string{}},
		// Values in brackets after a named baseline are the name's,
		// wherever the phrase stands.
		{"a named baseline before brackets", "CAPE: Cross-Attribute Prompts",
			"CAPE reaches 76.1% Rank-1 on CUHK-PEDES, above the strong IRRA baseline (73.4%).",
			map[string]string{"76.1%": "CAPE", "73.4%": "IRRA"}},
		{"a named baseline before a bracketed list", "DualGrain: Fine-Grained Alignment",
			"DualGrain achieves an R@1 of 68.5 on COCO, improving over the ALBEF baseline (63.1 and 48.0).",
			map[string]string{"68.5": "DualGrain", "63.1": "ALBEF", "48.0": "ALBEF"}},
		// A name before a noun for a whole model owns the values after "at".
		{"a named reader before at", "SpanRank: Listwise Span Ranking",
			"On SQuAD2.0 it obtains 87.6 EM and 90.4 F1, ahead of the token-level RoBERTa-large reader at 86.5 EM and 89.4 F1.",
			map[string]string{"87.6": "SpanRank", "90.4": "SpanRank", "86.5": "RoBERTa-large", "89.4": "RoBERTa-large"}},
		{"an unnamed baseline before brackets", "CAPE: Cross-Attribute Prompts",
			"CAPE reaches 76.1% Rank-1 on CUHK-PEDES, above the strong baseline (73.4%).",
			map[string]string{"76.1%": "CAPE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
