package extract

import (
	"reflect"
	"testing"
)

// TestWithOwnAfter: a value that "with" or "using" and the paper's method
// follow is the paper's method's, applied to the subject.
func TestWithOwnAfter(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"the method after the metric and dataset", "FooQuant: Four-Bit Weights",
			"Quantised to four bits, Llama-2-7B keeps 45.0% accuracy on MMLU with FooQuant.",
			map[string]string{"45.0%": "FooQuant"}},
		{"a student with the paper's distillation", "FooKD: Logit Distillation",
			"A ResNet-18 student reaches 71.0% top-1 on ImageNet using FooKD.",
			map[string]string{"71.0%": "FooKD"}},
		{"past a split and \"our\"", "FooQ: Quantised Detectors",
			"DETR-R50 keeps 40.3 AP on COCO val2017 with our FooQ.",
			map[string]string{"40.3": "FooQ"}},
		// Not the paper's method's.
		{"another method after with", "FooQuant: Four-Bit Weights",
			"Quantised to four bits, Llama-2-7B keeps 44.1% accuracy on MMLU with BarQuant.",
			map[string]string{"44.1%": "Llama-2-7B"}},
		{"a comma before with", "FooQuant: Four-Bit Weights",
			"Llama-2-7B keeps 45.6% accuracy on MMLU, with FooQuant adding no latency.",
			map[string]string{"45.6%": "Llama-2-7B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
