package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/testdb"
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

// TestExtractScoreAgainstDatabase scores what the queue would get from the
// seeded catalogue: plain "accuracy" on ImageNet is queued as its Top-1
// accuracy, and the dataset of the second sentence is carried from the first.
func TestExtractScoreAgainstDatabase(t *testing.T) {
	_, dsn := testdb.Open(t)
	t.Setenv("DATABASE_URL", dsn)
	dir := t.TempDir()
	text := filepath.Join(dir, "abstracts.txt")
	gold := filepath.Join(dir, "gold.json")
	if err := os.WriteFile(text, []byte("X-Net: Scaling Nets\nX-Net achieves 74.1% accuracy on ImageNet. "+
		"Trained on 2B images with the same budget, it attains 76.0% top-1 accuracy.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gold, []byte(`[{"title": "X-Net: Scaling Nets", "scores": [
		{"method": "X-Net", "dataset": "ImageNet-1k", "metric": "Top-1 accuracy", "value": 74.1},
		{"method": "X-Net", "dataset": "ImageNet-1k", "metric": "Top-1 accuracy", "value": 76.0}], "unknown": []}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		var out, errOut bytes.Buffer
		if err := cli.Run(context.Background(), args, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut.String())
		}
		return out.String()
	}
	run("seed")
	out := run("extract", "--score", gold, text)
	if !strings.Contains(out, "datasets from the database: precision 1.000 (2/2), recall 1.000 (2/2)") {
		t.Errorf("output:\n%s", out)
	}
}
