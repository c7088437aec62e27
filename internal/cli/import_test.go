package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestImportCommand runs `benchboard import` as a user would, against a
// fresh database named by DATABASE_URL.
func TestImportCommand(t *testing.T) {
	db, dsn := testdb.Open(t)
	t.Setenv("DATABASE_URL", dsn)
	dir := t.TempDir()
	header := strings.Join(csvio.Columns, ",") + "\r\n"
	good := "T,D,,M,true,%,true,Meth,1.5,,%,1.5,,false,,,,,,,,,,,high,,\r\n"
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	results := func() int {
		var n int
		db.Raw("SELECT count(*) FROM results").Scan(&n)
		return n
	}
	tests := []struct {
		name        string
		args        []string
		wantErr     string // the whole message
		wantOut     []string
		wantResults int
	}{
		{"malformed value", []string{write("results.csv", header+good+strings.Replace(good, "1.5,,%", "abc,,%", 1))},
			`import: ` + filepath.Join(dir, "results.csv") + `: line 3:25 (value): "abc" is not a finite number; nothing was written`, nil, 0},
		{"dry run, flag after the file", []string{write("ok.csv", header+good), "--dry-run"},
			"", []string{"dry run of ok.csv (Benchboard CSV): nothing was written", "D 1 0 0 0"}, 0},
		{"import", []string{"--actor", "tester", filepath.Join(dir, "ok.csv")},
			"", []string{"imported ok.csv (Benchboard CSV)", "total 1 0 0 0"}, 1},
		{"again", []string{filepath.Join(dir, "ok.csv")}, "", []string{"total 0 1 0 0"}, 1},
		{"PwC by extension", []string{"../pwc/testdata/nested.json"}, "",
			[]string{"imported nested.json (Papers with Code JSON)", "7 leaderboard rows, 9 results", `"Please tell us": not a number`}, 10},
		{"format given", []string{"--format", "csv", write("data.txt", header+good)}, "", []string{"total 0 1"}, 10},
		{"unknown format", []string{write("notes.txt", "some notes\n")},
			"import: " + filepath.Join(dir, "notes.txt") + ": cannot tell the format from the content; give --format csv|pwc|model-index|hf-card|lm-eval|sheet", nil, 10},
		{"no file", []string{"--dry-run"}, "import: usage: give at least one file or folder", nil, 10},
		{"missing file", []string{filepath.Join(dir, "nope.csv")}, "import: stat " + filepath.Join(dir, "nope.csv") + ": no such file or directory", nil, 10},
		{"a table without --map", []string{"../sheet/testdata/timm-results-imagenet-real-head.csv"},
			"import: ../sheet/testdata/timm-results-imagenet-real-head.csv: a table with its own column names: give --dataset SLUG and --map SOURCE=TARGET for its columns (see `benchboard import -h`); nothing was written", nil, 10},
		{"--map without --dataset", []string{"--map", "model=method", "x.csv"}, "import: usage: --dataset and --map go together", nil, 10},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), append([]string{"import"}, tt.args...), nil, &stdout, &stderr)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v\n%s", tt.name, err, stderr.String())
		case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
			t.Errorf("%s: error %v, want %s", tt.name, err, tt.wantErr)
		}
		out := strings.Join(strings.Fields(stdout.String()), " ") // the table's padding aside
		for _, want := range tt.wantOut {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q:\n%s", tt.name, want, stdout.String())
			}
		}
		if got := results(); got != tt.wantResults {
			t.Errorf("%s: %d results, want %d", tt.name, got, tt.wantResults)
		}
	}
	var actor string
	db.Raw("SELECT actor FROM revisions ORDER BY id LIMIT 1").Scan(&actor)
	if actor != "tester" {
		t.Errorf("revision actor %q, want tester", actor)
	}
}

// TestImportFormatsCommand: timm's table with the command the README
// gives, then a folder of every format with --keep-going past a bad file.
func TestImportFormatsCommand(t *testing.T) {
	db, dsn := testdb.Open(t)
	t.Setenv("DATABASE_URL", dsn)
	ctx := context.Background()
	run := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := Run(ctx, args, nil, &stdout, &stderr)
		return strings.Join(strings.Fields(stdout.String()), " "), err
	}
	if _, err := run("seed"); err != nil {
		t.Fatal(err)
	}
	timm := "../importer/testdata/formats/spreadsheet/timm-results-imagenet-real-head.csv"
	out, err := run("import", "--dataset", "imagenet-1k", "--map", "model=method", "--map", "top1=Top-1 accuracy", "--map", "param_count=params:M", timm)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"imported timm-results-imagenet-real-head.csv (table with its own columns)",
		"40 lines, 40 results",
		"ignored columns (no --map names them): img_size, top1_err, top5, top5_err, crop_pct, interpolation, top1_diff, top5_diff, rank_diff",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var n int
	db.Raw(`SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id WHERE d.slug = 'imagenet-1k' AND r.source = 'timm-results-imagenet-real-head.csv'`).Scan(&n)
	if n != 40 {
		t.Errorf("%d timm results on ImageNet-1k, want 40", n)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`[{"task": "T", "datasets": [{"dataset": 7}]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = run("import", "--dry-run", "../importer/testdata/formats/lm-eval", "../importer/testdata/formats/hf-model-cards", dir)
	if want := filepath.Join(dir, "broken.json") + ": pwc: at byte 41 ([0].datasets[0].dataset): expected string, got number; nothing was written"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %v, want one ending %q", err, want)
	}
	out, err = run("import", "--keep-going", "--subtasks", "../importer/testdata/formats/lm-eval", "../importer/testdata/formats/hf-model-cards", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"3 files, 24 values read, 24 results",
		"../importer/testdata/formats/lm-eval/results-example.json (lm-evaluation-harness results): 12 results",
		"../importer/testdata/formats/hf-model-cards/NeuralPipe-7B-ties.md (Hugging Face model card): 6 results",
		"left out 1 bad file (--keep-going): " + filepath.Join(dir, "broken.json") + ": pwc: at byte 41",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
