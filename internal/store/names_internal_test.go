package store

import (
	"testing"

	"github.com/benchboard/benchboard/internal/testdb"
)

// TestNameKeyMatchesSQL: the Go and SQL name keys agree, so that a name
// the catalogue matches in memory (metrics) matches the same rows as one
// Postgres matches (datasets, methods).
func TestNameKeyMatchesSQL(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	tests := []struct{ in, want string }{
		{"ResNet-50", "resnet50"},
		{"resnet 50", "resnet50"},
		{"RESNET_50", "resnet50"},
		{"Res -_ Net\t50", "resnet50"},
		{"ViT-B/16", "vitb/16"},
		{"GPT-3.5", "gpt3.5"},
		{"ÄPFEL Näme", "äpfelnäme"},
		{"Top-1 accuracy (%)", "top1accuracy(%)"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := nameKey(tt.in); got != tt.want {
			t.Errorf("nameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var sql string
		if err := db.Raw("SELECT name_key($1)", tt.in).Scan(&sql).Error; err != nil {
			t.Fatal(err)
		}
		if sql != tt.want {
			t.Errorf("name_key(%q) = %q in SQL, want %q", tt.in, sql, tt.want)
		}
	}
}

func TestVocabularyCandidates(t *testing.T) {
	v := &vocabulary{canon: map[string]string{}, group: map[string][]string{}}
	for _, sp := range [][2]string{{"cais/mmlu", "MMLU"}, {"MMLU (5-Shot)", "MMLU"}, {"ImageNet", "ImageNet-1k"}} {
		v.canon[nameKey(sp[0])] = sp[1]
		v.canon[nameKey(sp[1])] = sp[1]
		v.group[nameKey(sp[1])] = append(v.group[nameKey(sp[1])], sp[0])
	}
	tests := []struct {
		given     string
		canonical string
		first     []string // the candidates' head
	}{
		{"cais/mmlu", "MMLU", []string{"cais/mmlu", "MMLU", "MMLU (5-Shot)"}},
		{"MMLU (0-shot)", "MMLU", []string{"MMLU (0-shot)", "MMLU", "cais/mmlu"}},
		{"HellaSwag (10-Shot)", "HellaSwag (10-Shot)", []string{"HellaSwag (10-Shot)", "HellaSwag"}},
		{"imagenet", "ImageNet-1k", []string{"imagenet", "ImageNet-1k"}},
		{"Something else", "Something else", []string{"Something else"}},
	}
	for _, tt := range tests {
		if got := v.canonical(tt.given); got != tt.canonical {
			t.Errorf("canonical(%q) = %q, want %q", tt.given, got, tt.canonical)
		}
		got := v.candidates(tt.given)
		if len(got) < len(tt.first) {
			t.Errorf("candidates(%q) = %q, want it to start %q", tt.given, got, tt.first)
			continue
		}
		for i := range tt.first {
			if got[i] != tt.first[i] {
				t.Errorf("candidates(%q) = %q, want it to start %q", tt.given, got, tt.first)
				break
			}
		}
	}
}
