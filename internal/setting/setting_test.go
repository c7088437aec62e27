package setting

import (
	"slices"
	"testing"
)

func TestOf(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", Standard},
		{"ViT-B-16/BERT", Standard},
		{"clean (0% noise)", Standard},
		{"20% noise (Best)", "noise-20"},
		{"20% noisy correspondences (Best ckpt)", "noise-20"},
		{"50% noise (Best) — as run in RDE", "noise-50"},
		{"zero-shot", "zero-shot"},
		{"zero-shot; same training budget", "zero-shot"},
		{"frozen features; linear probe", "linear-probe"},
		{"frozen features; k-NN", "knn"},
		{"5-shot", "5-shot"},
		{"5-shot (instruction-tuned)", "5-shot"},
		{"5-shot (avg)", "5-shot"},
		{"direct (Flan protocol; card does not state shots)", Standard},
		{"fine-tuned 25 epochs", Standard},
		{"384 px; pre-train 22k, fine-tune 22k, fine-tune 1k", Standard},
		{"5-fold CV; ± is max-min over 5 seeds", Standard},
	}
	for _, tt := range tests {
		if got := Of(tt.text); got != tt.want {
			t.Errorf("Of(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGroupsAndDefault(t *testing.T) {
	tests := []struct {
		name   string
		rows   map[string]int
		want   []Group
		defKey string
	}{
		{"empty board", nil, []Group{}, ""},
		{
			name:   "noisy labels beside clean ones",
			rows:   map[string]int{"": 10, "ViT-B": 1, "clean (0% noise)": 1, "20% noise (Best)": 1, "50% noise (Best)": 1},
			want:   []Group{{Standard, "standard", 12}, {"noise-20", "20% noisy labels", 1}, {"noise-50", "50% noisy labels", 1}},
			defKey: Standard,
		},
		{
			name:   "the most common protocol is the default",
			rows:   map[string]int{"5-shot": 23, "5-shot (instruction-tuned)": 5, "direct": 2},
			want:   []Group{{"5-shot", "5-shot", 28}, {Standard, "standard", 2}},
			defKey: "5-shot",
		},
		{
			name:   "a tie goes to the standard protocol",
			rows:   map[string]int{"zero-shot": 3, "fine-tuned": 3},
			want:   []Group{{Standard, "standard", 3}, {"zero-shot", "zero-shot", 3}},
			defKey: Standard,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GroupsOfCounts(tt.rows)
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups = %+v, want %+v", got, tt.want)
			}
			if d := Default(got); d != tt.defKey {
				t.Errorf("default = %q, want %q", d, tt.defKey)
			}
		})
	}
	// Groups counts one row per text given.
	if g := GroupsOfCounts(map[string]int{"zero-shot": 2, "": 1}); len(g) != 2 || g[0].Key != "zero-shot" || g[0].Rows != 2 {
		t.Errorf("Groups = %+v", g)
	}
}
