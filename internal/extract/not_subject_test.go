package extract

import (
	"reflect"
	"testing"
)

// TestNotASubjectsValue: values that a subject's name, once known, must not
// take: the value before a change written in a labelled bracket, a
// percentage that names a setting, and a value that describes a model
// named with an article before "with".
func TestNotASubjectsValue(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"a change in a labelled bracket", "FooMerge: Merging Tokens",
			"FooMerge speeds up Swin-T while its ImageNet top-1 goes from 81.3% to 81.0% (top-5: 95.5% to 95.2%).",
			// Whose the values before are, "its" does not say; neither is FooMerge's.
			map[string]string{"81.0%": "FooMerge", "95.2%": "FooMerge"}},
		{"a percentage that names a setting", "FooLabel: Pseudo-Labels",
			"In the ImageNet 5% setting, FooLabel reaches 70.2% top-1 accuracy.",
			map[string]string{"70.2%": "FooLabel"}},
		{"a model described with its value", "FooCL: Continual Pre-Training",
			"Starting from a ResNet-50 with 76.1% top-1 accuracy on ImageNet, FooCL keeps 75.8%.",
			map[string]string{"76.1%": "ResNet-50", "75.8%": "FooCL"}},
		{"no article: the object of a verb", "FooTPS: Person Search",
			"FooTPS outperforms IRRA with 74.9% Rank-1 on CUHK-PEDES.",
			map[string]string{"74.9%": "FooTPS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
