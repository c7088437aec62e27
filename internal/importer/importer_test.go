package importer_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/seeds"
)

// checksum fingerprints every table an import writes to: equal checksums
// mean an import left the database as it was.
func checksum(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var parts []string
	for _, table := range []string{"tasks", "datasets", "metrics", "methods", "papers", "results", "revisions"} {
		var sum string
		err := db.Raw(fmt.Sprintf("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM %s t", table)).Scan(&sum).Error
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, table+"="+sum)
	}
	return strings.Join(parts, " ")
}

func count(t *testing.T, db *gorm.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func importString(ctx context.Context, st *store.Store, name, data string, opt importer.Options) (*importer.Summary, error) {
	opt.Name = name
	if opt.Actor == "" {
		opt.Actor = "test"
	}
	return importer.Import(ctx, st, strings.NewReader(data), opt)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// generated writes n distinct, valid records as CSV, over a few datasets
// and methods.
func generated(t *testing.T, n int) string {
	t.Helper()
	var b bytes.Buffer
	w, err := csvio.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		err := w.Write(model.Record{
			Task: "Task", Dataset: fmt.Sprintf("Dataset %d", i%3), Metric: "Accuracy", HigherIsBetter: true,
			MetricUnit: "%", Method: fmt.Sprintf("Method %d", i%50), Value: float64(i%1000) / 10, Unit: "%",
			Raw: model.FormatNumber(float64(i%1000) / 10), ReportedIn: fmt.Sprintf("Report %d", i), Confidence: "high",
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestImportCSV walks one database through a sequence of imports.
func TestImportCSV(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	small := readFile(t, "testdata/small.csv")
	changed := readFile(t, "testdata/small_changed.csv")
	steps := []struct {
		name        string
		file, data  string
		dryRun      bool
		want        store.Counts
		wantResults int
		wantRevs    int
	}{
		{"dry run of a new file writes nothing", "small.csv", small, true, store.Counts{New: 5}, 0, 0},
		{"new", "small.csv", small, false, store.Counts{New: 5}, 5, 5},
		{"re-import changes nothing", "small.csv", small, false, store.Counts{Unchanged: 5}, 5, 5},
		{"dry run of a changed file writes nothing", "small_changed.csv", changed, true,
			store.Counts{Unchanged: 3, Changed: 1, Conflicting: 1}, 5, 5},
		// ViT's number differs: kept beside the old one. HyenaDNA's note
		// differs: updated, with a revision.
		{"changed value is a conflict, both kept", "small_changed.csv", changed, false,
			store.Counts{Unchanged: 3, Changed: 1, Conflicting: 1}, 6, 7},
		{"and that too is idempotent", "small_changed.csv", changed, false, store.Counts{Unchanged: 5}, 6, 7},
	}
	for _, s := range steps {
		before := checksum(t, db)
		sum, err := importString(context.Background(), st, s.file, s.data, importer.Options{DryRun: s.dryRun})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if sum.Counts != s.want {
			t.Errorf("%s: %+v, want %+v", s.name, sum.Counts, s.want)
		}
		if got := count(t, db, "SELECT count(*) FROM results"); got != s.wantResults {
			t.Errorf("%s: %d results, want %d", s.name, got, s.wantResults)
		}
		if got := count(t, db, "SELECT count(*) FROM revisions"); got != s.wantRevs {
			t.Errorf("%s: %d revisions, want %d", s.name, got, s.wantRevs)
		}
		if s.dryRun && checksum(t, db) != before {
			t.Errorf("%s: the dry run changed the database", s.name)
		}
		if !s.dryRun && sum.DryRun {
			t.Errorf("%s: summary says dry run", s.name)
		}
	}
	// Every revision names its file and says it came from an import.
	if n := count(t, db, "SELECT count(*) FROM revisions WHERE action <> 'import' OR actor <> 'test' OR reason NOT IN ('small.csv', 'small_changed.csv')"); n != 0 {
		t.Errorf("%d revisions do not name the import and its file", n)
	}
	if n := count(t, db, `SELECT count(*) FROM revisions v JOIN results r ON r.id = v.result_id
		WHERE v.reason = 'small_changed.csv' AND (r.note = 'checked against Table 4.1' OR r.value = 81.9)`); n != 2 {
		t.Errorf("the changed file's revisions: %d, want 2 (the update and the conflicting number)", n)
	}
	if n := count(t, db, "SELECT count(*) FROM results WHERE value IN (81.8, 81.9)"); n != 2 {
		t.Errorf("both of ViT's numbers must be kept, found %d", n)
	}
}

// TestImportBadInputLeavesDatabaseUnchanged: whatever is wrong, wherever
// in the file, the import fails with a message that points at it, and
// the database is as it was, even when earlier batches had been written.
func TestImportBadInputLeavesDatabaseUnchanged(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := importString(context.Background(), st, "small.csv", readFile(t, "testdata/small.csv"), importer.Options{}); err != nil {
		t.Fatal(err)
	}
	big := generated(t, 2500) // more than two batches before the bad line
	header := strings.Join(csvio.Columns, ",") + "\r\n"
	good := "T,D,,M,true,%,true,Meth,1.5,,%,1.5,,false,,,,,,,,,,,high,,\r\n"
	ogb := readFile(t, "../pwc/testdata/ogb.json")
	tests := []struct {
		name, file, data string
		want             string // the whole message, or the part that matters
	}{
		{"not a number", "results.csv", header + good + strings.Replace(good, "1.5,,%", "abc,,%", 1),
			`results.csv: line 3:25 (value): "abc" is not a finite number`},
		{"not a number after two batches", "big.csv", big + strings.Replace(good, "1.5,,%", "abc,,%", 1),
			`big.csv: line 2502:25 (value): "abc" is not a finite number`},
		{"unknown header", "results.csv", "task,dataset,colour\r\n",
			`results.csv: line 1:3: unknown column "colour"; expected: ` + strings.Join(csvio.Columns, ",")},
		{"missing header", "results.csv", "task,dataset\r\nT,D\r\n", `results.csv: line 1:3: missing column "metric"`},
		{"unterminated quote", "results.csv", header + good + "T,\"D,x\r\n", "results.csv: line 3:"},
		{"too few fields", "results.csv", header + "T,D\r\n", "results.csv: line 2:1: 2 fields, the header has 27"},
		{"invalid UTF-8", "results.csv", header + strings.Replace(good, "Meth", "Me\xffth", 1), "results.csv: line 2:20 (method): is not valid UTF-8"},
		{"year out of range", "results.csv", header + strings.Replace(good, ",,,,,,,,,,high", ",,,,,1850,,,,,high", 1),
			`(paper_date): "1850": the year is not between 1900 and 2200`},
		{"direction disagrees after two batches", "big.csv",
			big + strings.Replace(strings.Replace(good, "T,D,,M,true", "Task,Dataset 1,,Accuracy,false", 1), "Meth", "Method 1", 1),
			`higher_is_better=false, but the database says higher is better`},
		{"json trailing comma", "bad.json", `[{"task": "T", "datasets": [],}]`, "bad.json: pwc: at byte 30"},
		{"json truncated", "ogb.json", ogb[:len(ogb)/2], "ogb.json: pwc: at byte 88945"},
		{"json wrong type", "bad.json", `[{"task": "T", "datasets": [{"dataset": 7}]}]`, "bad.json: pwc: at byte 41 ([0].datasets[0].dataset): expected string, got number"},
		{"no format", "results.txt", "just some text\n", "results.txt: cannot tell the format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := checksum(t, db)
			_, err := importString(context.Background(), st, tt.file, tt.data, importer.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n  %v\nwant it to contain\n  %s", err, tt.want)
			}
			if after := checksum(t, db); after != before {
				t.Errorf("the database changed:\n  %s\n  %s", before, after)
			}
		})
	}
}

// TestImportCancelled: Ctrl-C cancels ctx; here the first batch's
// progress callback does it, after that batch was written inside the
// transaction. Nothing of it may remain.
func TestImportCancelled(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	before := checksum(t, db)
	for _, format := range []string{"csv", "json"} {
		ctx, cancel := context.WithCancel(context.Background())
		batches := 0
		opt := importer.Options{BatchSize: 100, AfterBatch: func(done int) {
			batches++
			cancel()
		}}
		var err error
		if format == "csv" {
			_, err = importString(ctx, st, "big.csv", generated(t, 2500), opt)
		} else {
			_, err = importString(ctx, st, "squad.json", readFile(t, "../pwc/testdata/squad.json"), opt)
		}
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: got %v, want context.Canceled", format, err)
		}
		if err != nil && !strings.Contains(err.Error(), "interrupted; nothing was written") {
			t.Errorf("%s: message %q should say nothing was written", format, err)
		}
		if batches != 1 {
			t.Errorf("%s: %d batches ran, want 1", format, batches)
		}
		if after := checksum(t, db); after != before {
			t.Errorf("%s: the cancelled import left something behind", format)
		}
	}
}

// TestImportPwC imports the two real Papers with Code files, then again.
func TestImportPwC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file        string
		rows        int
		want        store.Counts
		skipped     int
		datasets    int
		wantReasons map[string]int
	}{
		{"ogb.json", 244, store.Counts{New: 473, Conflicting: 2}, 15, 15, map[string]int{"not a number": 13, "not a parameter count": 2}},
		{"subdataset.json", 6, store.Counts{New: 6}, 0, 2, nil},
		// "BERT-uncased" and "BERT uncased" (and two more pairs) are one
		// method (nameKey): their two numbers for one report conflict.
		{"squad.json", 451, store.Counts{New: 634, Conflicting: 138}, 65, 2, map[string]int{"row skipped: no model name and no paper title": 65}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			db, _ := testdb.Open(t)
			st := store.New(db, nil)
			path := filepath.Join("..", "pwc", "testdata", tt.file)
			sum, err := importer.ImportFile(context.Background(), st, path, importer.Options{Actor: "test"})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Rows != tt.rows || sum.Counts != tt.want || sum.SkippedTotal != tt.skipped || len(sum.PerDataset) != tt.datasets {
				t.Errorf("rows %d, %+v, %d skipped, %d datasets; want %d, %+v, %d, %d",
					sum.Rows, sum.Counts, sum.SkippedTotal, len(sum.PerDataset), tt.rows, tt.want, tt.skipped, tt.datasets)
			}
			for reason, n := range tt.wantReasons {
				if sum.SkipReasons[reason] != n {
					t.Errorf("skipped for %q: %d, want %d (%v)", reason, sum.SkipReasons[reason], n, sum.SkipReasons)
				}
			}
			for _, s := range sum.Skipped {
				if !strings.HasPrefix(s.Path, "[") || !strings.Contains(s.Path, ".sota.rows[") {
					t.Errorf("skip without a JSON path: %+v", s)
				}
			}
			if n := count(t, db, "SELECT count(*) FROM metrics WHERE NOT direction_needs_review"); n != 0 {
				t.Errorf("%d metrics have an inferred direction not marked for review", n)
			}
			if n := count(t, db, "SELECT count(*) FROM results WHERE source <> ? OR confidence <> 'med'", importer.PwCSource); n != 0 {
				t.Errorf("%d results do not name Papers with Code as a secondary source", n)
			}
			if n := count(t, db, "SELECT count(*) FROM revisions WHERE reason <> ? OR action <> 'import'", tt.file); n != 0 {
				t.Errorf("%d revisions do not name the file", n)
			}
			before := checksum(t, db)
			again, err := importer.ImportFile(context.Background(), st, path, importer.Options{Actor: "test"})
			if err != nil {
				t.Fatal(err)
			}
			if again.Unchanged != tt.want.Total() || again.Total() != tt.want.Total() {
				t.Errorf("re-import: %+v, want all %d unchanged", again.Counts, tt.want.Total())
			}
			if checksum(t, db) != before {
				t.Error("re-importing changed the database")
			}
		})
	}
}

// TestImportPwCNested: subdatasets get their parent; directions are
// inferred from names; an existing metric's direction wins over a guess,
// but an explicit CSV direction that disagrees is an error.
func TestImportPwCNested(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	// A moderator has confirmed that WikiText-103's "Test perplexity" is
	// higher-better (wrongly, but it is theirs to say).
	header := strings.Join(csvio.Columns, ",") + "\r\n"
	csv := header + "Language Modelling,WikiText-103,,Test perplexity,true,,true,LSTM,48.7,,,48.7,,false,,,,,,,,Grave et al.,paper,,high,,\r\n"
	if _, err := importString(context.Background(), st, "mod.csv", csv, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	sum, err := importer.ImportFile(context.Background(), st, "../pwc/testdata/nested.json", importer.Options{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	type metric struct {
		Dataset, Parent, Metric string
		HigherIsBetter          bool
		DirectionNeedsReview    bool
	}
	var got []metric
	db.Raw(`SELECT d.name AS dataset, coalesce(p.name, '') AS parent, m.name AS metric, m.higher_is_better, m.direction_needs_review
		FROM metrics m JOIN datasets d ON d.id = m.dataset_id LEFT JOIN datasets p ON p.id = d.parent_id
		ORDER BY m.id`).Scan(&got)
	want := []metric{
		{"WikiText-103", "", "Test perplexity", true, false}, // the confirmed direction stands
		// "ImageNet" and "Top 1 Accuracy" are spellings of ImageNet-1k and
		// Top-1 accuracy (migration 0020): a new ImageNet-1k is created
		// under the name they stand for.
		{"ImageNet-1k", "", "Top-1 accuracy", true, true},
		{"ImageNet-1k", "", "Top-1 Error Rate", false, true},
		{"ImageNet-1k", "", "GFLOPs", false, true},
		{"ImageNet-1k", "", "Throughput", true, true},
		{"ImageNet ReaL", "ImageNet-1k", "Accuracy", true, true},
		{"ImageNet ReaL (val)", "ImageNet ReaL", "Accuracy", true, true},
		{"Mini-ImageNet - 5-Shot Learning", "", "Accuracy", true, true},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("metrics:\n got %v\nwant %v", got, want)
	}
	if sum.Rows != 7 || sum.Total() != 9 {
		t.Errorf("%d rows, %d results; want 7, 9", sum.Rows, sum.Total())
	}
	var params []string
	db.Raw("SELECT params_text FROM results WHERE params_text <> '' ORDER BY id").Scan(&params)
	if fmt.Sprint(params) != "[25.6M 25.6M 25.6M 480000000]" {
		t.Errorf("params: %v", params)
	}

	// An explicit direction that disagrees is refused.
	bad := header + "Image Classification,ImageNet,,Top-1 Error Rate,true,,false,X,1,,,1,,false,,,,,,,,r,s,,high,,\r\n"
	before := checksum(t, db)
	_, err = importString(context.Background(), st, "bad.csv", bad, importer.Options{})
	if err == nil || !strings.Contains(err.Error(), `metric "Top-1 Error Rate": higher_is_better=true, but the database says lower is better`) {
		t.Errorf("explicit disagreement: %v", err)
	}
	if checksum(t, db) != before {
		t.Error("a refused import changed the database")
	}
}

// TestExportImportExport: what the export writes imports into an empty
// database and exports again byte for byte.
func TestExportImportExport(t *testing.T) {
	t.Parallel()
	dbA, _ := testdb.Open(t)
	stA := store.New(dbA, nil)
	f, err := seeds.FS.Open(seeds.File)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := importer.Import(context.Background(), stA, f, importer.Options{Name: seeds.File, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"small.csv", "small_changed.csv", "../../pwc/testdata/ogb.json", "../../pwc/testdata/nested.json"} {
		if _, err := importer.ImportFile(context.Background(), stA, filepath.Join("testdata", file), importer.Options{Actor: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	first := export(t, stA)

	dbB, _ := testdb.Open(t)
	stB := store.New(dbB, nil)
	sum, err := importString(context.Background(), stB, "export.csv", first, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	second := export(t, stB)
	if first != second {
		a, b := strings.Split(first, "\r\n"), strings.Split(second, "\r\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %d differs:\n  %s\n  %s", i+1, a[i], b[i])
			}
		}
		t.Fatalf("exports differ in length: %d and %d lines", len(a), len(b))
	}
	if n := strings.Count(first, "\r\n") - 1; sum.Total() != n || n < 800 {
		t.Errorf("imported %d of %d exported lines", sum.Total(), n)
	}
	// Directions guessed from the Papers-with-Code files stay unreviewed
	// through the round trip.
	const unreviewed = `SELECT count(*) FROM metrics WHERE direction_needs_review`
	if a, b := count(t, dbA, unreviewed), count(t, dbB, unreviewed); a == 0 || a != b {
		t.Errorf("metrics awaiting review: %d before the round trip, %d after", a, b)
	}
}

func export(t *testing.T, st *store.Store) string {
	t.Helper()
	rows, err := st.Export(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b bytes.Buffer
	w, err := csvio.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	var rec model.Record
	for {
		ok, err := rows.Next(&rec)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestProgress: plain lines when not on a terminal; a bar when on one.
func TestProgress(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	// The store reads a batch or two ahead of the one it writes: six
	// batches leave counts between none and all for the reporter to show.
	data := generated(t, 6000)
	midway := regexp.MustCompile(`read ([1-5]000) rows \(`)
	for _, terminal := range []bool{false, true} {
		// Import stops the reporter before it returns: no lock needed.
		var w bytes.Buffer
		_, err := importString(context.Background(), st, fmt.Sprintf("p%t.csv", terminal), data, importer.Options{
			DryRun: true, Progress: &w, Terminal: terminal, Every: time.Millisecond, Size: int64(len(data)), BatchSize: 1000,
			AfterBatch: func(int) { time.Sleep(250 * time.Millisecond) }, // leave the reporter time to speak
		})
		if err != nil {
			t.Fatal(err)
		}
		text := w.String()
		switch {
		case !terminal && !midway.MatchString(text):
			t.Errorf("plain progress shows no count between none and all: %q", text)
		case !terminal && strings.Count(text, "read all 6000 rows; now checking them against the database\n") != 1:
			t.Errorf("plain progress does not announce the last step once: %q", text)
		case terminal && !strings.Contains(text, "rows/s"):
			t.Errorf("bar: %q", text)
		}
	}
}
