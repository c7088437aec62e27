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
			`import: results.csv: line 3:25 (value): "abc" is not a finite number`, nil, 0},
		{"dry run, flag after the file", []string{write("ok.csv", header+good), "--dry-run"},
			"", []string{"dry run of ok.csv (Benchboard CSV): nothing was written", "D 1 0 0 0"}, 0},
		{"import", []string{"--actor", "tester", filepath.Join(dir, "ok.csv")},
			"", []string{"imported ok.csv (Benchboard CSV)", "total 1 0 0 0"}, 1},
		{"again", []string{filepath.Join(dir, "ok.csv")}, "", []string{"total 0 1 0 0"}, 1},
		{"PwC by extension", []string{"../pwc/testdata/nested.json"}, "",
			[]string{"imported nested.json (Papers with Code JSON)", "7 leaderboard rows, 9 results", `"Please tell us": not a number`}, 10},
		{"format given", []string{"--format", "csv", write("data.txt", header+good)}, "", []string{"total 0 1"}, 10},
		{"unknown extension", []string{filepath.Join(dir, "data.txt")},
			"import: data.txt: cannot tell the format from the extension (.csv or .json); give --format csv or --format pwc", nil, 10},
		{"no file", []string{"--dry-run"}, "import: usage: give exactly one file", nil, 10},
		{"missing file", []string{filepath.Join(dir, "nope.csv")}, "import: open " + filepath.Join(dir, "nope.csv") + ": no such file or directory", nil, 10},
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
