package extract

import "testing"

func TestPromoteSoleSettings(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string // raw value → confidence
	}{
		{"the paper's only score of its kind under a noise rate",
			"Under 20% noise, RDE keeps 74.46% Rank-1 on CUHK-PEDES.",
			map[string]string{"74.46%": Med}},
		// An opening that names an attack is no changed setting at all
		// (TestChangedSettingsAndOthers), so a part removed stands here.
		{"the paper's only score of its kind with a part removed",
			"Removing half of the heads, Baz retains 80.2% top-1 accuracy on ImageNet.",
			map[string]string{"80.2%": Med}},
		{"the paper's only score of its kind at a sparsity",
			"At 90% sparsity, SparseGPT keeps 70.2% top-1 accuracy on ImageNet.",
			map[string]string{"70.2%": Med}},
		// The paper reports the plain score too: the setting's is not it.
		{"a plain score of the same kind elsewhere",
			"Under 20% noise, RDE keeps 74.46% Rank-1 on CUHK-PEDES. In the clean setting, RDE achieves 75.94% Rank-1 on CUHK-PEDES.",
			map[string]string{"74.46%": Low, "75.94%": High}},
		// Something else in doubt too: the setting's value stays "low".
		{"a dataset from elsewhere in the sentence",
			"Under 20% noise on CUHK-PEDES, RDE keeps 74.46% Rank-1.",
			map[string]string{"74.46%": Low}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, c := range Extract(tt.text, knownDatasets).Candidates {
				got[c.Raw] = c.Confidence
			}
			for raw, want := range tt.want {
				if got[raw] != want {
					t.Errorf("%q: %s at %q, want %q (all: %v)", tt.text, raw, got[raw], want, got)
				}
			}
		})
	}
}
