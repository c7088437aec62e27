package extract

import (
	"reflect"
	"testing"
)

func TestSoleModel(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string
	}{
		{"the one model the sentence names", "Speculative Decoding Without Drafts",
			"We accelerate Llama-2-13B decoding by 2.1× with no loss in quality: MMLU accuracy stays at 55.1%.",
			map[string]string{"55.1%": "Llama-2-13B"}},
		{"a subject the verbs do not list", "Chain-of-Thought Prompting Does Not Help",
			"On MMLU, Qwen2-72B answers 84.2% correctly in the zero-shot setting.",
			map[string]string{"84.2%": "Qwen2-72B"}},
		{"a sentence that opens with the model", "Prompt Tuning at Scale",
			"For Llama-2-7B, MMLU accuracy reaches 47.3%.",
			map[string]string{"47.3%": "Llama-2-7B"}},
		// Not whose the result is: a tool, an object of a preposition, a
		// scene, someone compared with.
		{"a tool", "Dynamic Heads for Detection",
			"With a standard ResNeXt-101-DCN backbone, we achieve 54.0 AP on COCO.",
			map[string]string{"54.0": ""}},
		{"the object of a preposition", "Normalisation-Free Training",
			"We match the accuracy of an EfficientNet-B7 while reaching 86.5% top-1 on ImageNet.",
			map[string]string{"86.5%": ""}},
		{"a clause that sets the scene", "Fixing the Resolution Discrepancy",
			"When training a ResNeXt-101 32x48d at a higher resolution, we obtain 86.4% top-1 on ImageNet.",
			map[string]string{"86.4%": ""}},
		// Two models: which is whose is a guess; so is a list written short.
		{"two models", "Do Reasoning Traces Help Small Models?",
			"On MMLU, Qwen2-1.5B answers 55.0% correctly, as many as Gemma-2B.",
			map[string]string{"55.0%": ""}},
		{"another model only compared with after the number", "Chain-of-Thought Prompting Does Not Help",
			"On MMLU, Qwen2-72B answers 84.2% correctly, better than Llama-2-70B.",
			map[string]string{"84.2%": "Qwen2-72B"}},
		{"a list written short", "",
			"ViT-B, -16 and -L reach 79.8, 82.6 and 84.1 top-1.",
			map[string]string{"79.8": "", "82.6": "", "84.1": ""}},
		{"a value after a change is the paper's change's", "Prompt Ensembles for Zero-Shot Classification",
			"For CLIP ViT-L/14, top-1 accuracy on ImageNet rises from 75.3% to 77.1%.",
			map[string]string{"75.3%": "CLIP ViT-L/14", "77.1%": ""}},
		{"the paper's own work between the model and the number", "Pruning Without Retraining",
			"On MMLU, Llama-2-13B under our pruning reaches 54.1%.",
			map[string]string{"54.1%": ""}},
	}
	// A paper that names a method of its own: only a number nothing ties
	// to it, in a sentence that does not write its name.
	tests = append(tests, []struct {
		name, title, text string
		want              map[string]string
	}{
		{"the paper's own name not written", "FooQuant: Four-Bit Weights",
			"Quantised to four bits, Llama-2-13B holds 54.6% accuracy on MMLU.",
			map[string]string{"54.6%": "Llama-2-13B"}},
		{"the paper's own name written", "FooQuant: Four-Bit Weights",
			"Quantised to four bits, Llama-2-13B holds 54.6% accuracy on MMLU after FooQuant.",
			map[string]string{"54.6%": "FooQuant"}},
		{"a comma between the model and the number", "FooQuant: Four-Bit Weights",
			"Llama-2-13B, quantised to four bits, holds 54.6% accuracy on MMLU.",
			map[string]string{"54.6%": "FooQuant"}},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runMethods(t, tt.title, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
