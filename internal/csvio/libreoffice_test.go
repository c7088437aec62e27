package csvio

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLibreOfficeReadsExport opens an export in LibreOffice Calc
// (headless, when installed: apt-get install libreoffice-calc-nogui) and
// has it write the sheet back as CSV: a note with a line break is one
// cell, records end where the writer ended them, numbers stay numbers.
func TestLibreOfficeReadsExport(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	recs := sample()
	recs[0].Note = "first line\nsecond line"
	var buf bytes.Buffer
	w, err := NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(in, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// Comma, double quote, UTF-8 (76), from line 1; written back the same way.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	f, err := os.Open(filepath.Join(out, "export.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("LibreOffice read %d rows, want %d (header and records)", len(rows), len(recs)+1)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if got := rows[1][col["note"]]; got != "first line\nsecond line" {
		t.Errorf("the note reads %q in LibreOffice", got)
	}
	if got := rows[1][col["value"]]; got != "88.6" {
		t.Errorf("the value reads %q in LibreOffice, want 88.6", got)
	}
	// The neutralised formula stays text: evaluated, it would read as its
	// result (the URL), not as the formula's source.
	if got := rows[2][col["method"]]; !strings.Contains(got, "HYPERLINK") {
		t.Errorf("the neutralised formula reads %q in LibreOffice: it was evaluated", got)
	}
}
