package extract

import (
	"reflect"
	"testing"
)

func TestTitleEchoName(t *testing.T) {
	m := newMatcher(knownDatasets)
	tests := []struct {
		name, title, abstract, want string
	}{
		{"initials of title words", "Contrastive Margin Ranking for Dense Retrieval",
			"Dense retrievers overfit to easy negatives. CMR adds a margin on hard negatives.", "CMR"},
		{"initials across a hyphen", "Noise-Robust Token Pruning for Speech Models",
			"Pruning hurts noisy speech. Applied to a Conformer, NRTP keeps accuracy.", "NRTP"},
		{"a name in brackets after its description", "Gated Anchor Selection Makes DETR Train Faster",
			"The proposed gated anchor selection (GAS) removes redundant queries.", "GAS"},
		{"a blend of a title word", "Cascade Refinement of Instance Masks",
			"Masks are coarse at their borders. CascadeMask refines them in three steps.", "CascadeMask"},
		{"a blend of a title word's stem", "Pooling Tokens Inside Windows",
			"Token pooling breaks window layouts. Used off the shelf, WinPool reduces FLOPs by 30%.", "WinPool"},
		{"a title word that opens the title", "GridMix Regularisation for Small Datasets",
			"GridMix mixes grid cells of two images.", "GridMix"},
		// Not the paper's name.
		{"a model the title names inside it", "Faster Training of DINO Detectors",
			"DINO converges slowly. We reorder the queries.", ""},
		{"a benchmark echoed by the title, no subject", "Robust Recognition of Crowded Scenes",
			"We evaluate on CrowdScene and report gains.", ""},
		{"two letters are too few", "Decoupled Knowledge Distillation",
			"KD transfers logits. We split the loss.", ""},
		{"a name never the subject of a verb", "Masked Token Pruning for Vision Transformers",
			"Compared with MTP-style pruning, ours is simpler.", ""},
		{"a known dataset", "Coarse Object Counting on Objects",
			"COCO contains many objects.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titleEchoName(tt.title, tt.abstract, m.isDatasetOrMetric); got != tt.want {
				t.Errorf("titleEchoName(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// TestTitleEchoCandidates: a paper whose name the title only spells
// credits its numbers to that name, and queues them, where the title
// standing in for it would be only "low".
func TestTitleEchoCandidates(t *testing.T) {
	text := "Contrastive Margin Ranking for Image Classification\n" +
		"Classifiers overfit to easy examples. CMR adds a margin loss on hard examples. " +
		"With a ResNet-50, it reaches 78.9% top-1 accuracy on ImageNet."
	got := map[string]string{}
	for _, c := range Extract(text, knownDatasets).Filter(Med).Candidates {
		got[c.Raw] = c.Method
	}
	if want := map[string]string{"78.9%": "CMR"}; !reflect.DeepEqual(got, want) {
		t.Errorf("methods %v, want %v", got, want)
	}
}
