package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/cli"
)

// TestExtractScore runs `extract --score` against a catalogue file, so it
// needs no database: one right score, one wrong, one missed.
func TestExtractScore(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := write("abstracts.txt", "GridMix: Mixing Tokens on a Grid\nGridMix-S reaches 80.7% top-1 accuracy on ImageNet-1K. GridMix-B reaches 82.4% top-1 accuracy on ImageNet.\n")
	datasets := write("datasets.json", `[{"name": "ImageNet-1k", "aliases": ["ImageNet"], "metric": "Top-1 accuracy"}]`)
	gold := write("gold.json", `[{"title": "GridMix: Mixing Tokens on a Grid", "scores": [
		{"method": "GridMix-S", "dataset": "ImageNet-1k", "metric": "Top-1 accuracy", "value": 80.7},
		{"method": "GridMix-L", "dataset": "ImageNet-1k", "metric": "Top-1 accuracy", "value": 82.4}], "unknown": []}]`)
	noMetric := write("nometric.json", `[{"title": "T", "scores": [{"method": "M", "dataset": "ImageNet-1k", "value": 1}]}]`)
	badField := write("badfield.json", `[{"title": "T", "score": []}]`)
	tests := []struct {
		name    string
		args    []string
		want    []string
		wantErr string
	}{
		{"figures", []string{"--score", gold, "--datasets", datasets, text},
			[]string{"precision 0.500 (1/2), recall 0.500 (1/2)", "unknown datasets: precision 1.000 (0/0)"}, ""},
		{"misses listed on request", []string{"--score", gold, "--datasets", datasets, "--misses", text},
			[]string{"wrong: GridMix: Mixing Tokens on a Grid|gridmix-b|ImageNet-1k|Top-1 accuracy|82.4", "missed: GridMix: Mixing Tokens on a Grid|gridmix-l|"}, ""},
		{"empty metric", []string{"--score", noMetric, "--datasets", datasets, text}, nil, `nometric.json: gold file: paper 1 ("T"), score 1: field "metric" is empty`},
		{"unknown field", []string{"--score", badField, "--datasets", datasets, text}, nil, `unknown field "score"`},
		{"datasets without score", []string{"--datasets", datasets, text}, nil, "need --score"},
		{"missing gold", []string{"--score", filepath.Join(dir, "none.json"), "--datasets", datasets, text}, nil, "none.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := cli.Run(context.Background(), append([]string{"extract"}, tt.args...), strings.NewReader(""), &out, &errOut)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if !strings.Contains(strings.Join(tt.args, " "), "--misses") && strings.Contains(out.String(), "missed:") {
				t.Errorf("misses listed without --misses:\n%s", out.String())
			}
		})
	}
}
