package store_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestIngestStopsOnErrors: records are read a batch ahead of the one being
// written, so an import that fails must still fail whole, with the error
// that stopped it, and must not go on reading its input once Ingest has
// returned (the importer reads what its source set).
func TestIngestStopsOnErrors(t *testing.T) {
	t.Parallel()
	errBadLine := errors.New("line 26: bad value")
	rec := func(i int) model.Record {
		return model.Record{Task: "Stage task", Dataset: "Stage Board", Metric: "Accuracy", HigherIsBetter: true,
			PrimaryMetric: true, MetricUnit: "%", Unit: "%", Method: fmt.Sprintf("Method %d", i), Value: float64(i % 100),
			Raw: fmt.Sprint(i % 100), PaperTitle: fmt.Sprintf("Paper %d", i/3), Source: "paper", Confidence: "high"}
	}
	for _, tt := range []struct {
		name     string
		records  int
		bad      func(i int, r *model.Record) error // spoils record i, or fails the source there
		want     error
		maxReads int // reads of the source, at most
	}{
		{name: "input error in the third batch", records: 100, want: errBadLine, maxReads: 26,
			bad: func(i int, _ *model.Record) error {
				if i == 25 {
					return errBadLine
				}
				return nil
			}},
		{name: "database refuses the first batch", records: 1000, want: store.ErrInvalid, maxReads: 30,
			bad: func(i int, r *model.Record) error {
				if i == 3 {
					r.HigherIsBetter = false // the board's metric says higher is better
				}
				return nil
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db, _ := testdb.Open(t)
			var reads atomic.Int64
			next := func() (model.Record, error) {
				i := int(reads.Add(1)) - 1
				if i >= tt.records {
					return model.Record{}, io.EOF
				}
				r := rec(i)
				if err := tt.bad(i, &r); err != nil {
					return model.Record{}, err
				}
				return r, nil
			}
			_, err := store.New(db, nil).Ingest(context.Background(), next, store.IngestOptions{
				Action: "import", Actor: "test", BatchSize: 10})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Ingest: %v, want %v", err, tt.want)
			}
			after := reads.Load()
			time.Sleep(50 * time.Millisecond)
			if n := reads.Load(); n != after || n > int64(tt.maxReads) {
				t.Errorf("source read %d times at the return, %d after; want at most %d, none after", after, n, tt.maxReads)
			}
			var n int64
			if err := db.Raw("SELECT count(*) FROM results").Scan(&n).Error; err != nil || n != 0 {
				t.Errorf("%d results written (%v), want none", n, err)
			}
		})
	}
}

// TestStagingTablesDropped: the staged rows live in a table of the
// import's own, which is gone once the import has ended, however it
// ended; and an import drops what imports that died left behind, but not
// the table of an import still running.
func TestStagingTablesDropped(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	ctx := context.Background()
	stages := func() []string {
		t.Helper()
		var names []string
		if err := db.Raw(`SELECT relname FROM pg_class WHERE relname LIKE 'ingest\_stage\_%' ORDER BY 1`).Scan(&names).Error; err != nil {
			t.Fatal(err)
		}
		return names
	}
	// A session that is alive, standing in for an import still staging,
	// and one that is gone (pids stop below 2^22 on Linux).
	var live int
	if err := db.Raw("SELECT pg_backend_pid()").Scan(&live).Error; err != nil {
		t.Fatal(err)
	}
	running, dead := fmt.Sprintf("ingest_stage_%d", live), "ingest_stage_4194999"
	// Not a pid: a table of that name is not one of the import's.
	other := "ingest_stage_99999999999"
	for _, n := range []string{running, dead, other} {
		if err := db.Exec("CREATE UNLOGGED TABLE " + n + " (ord bigint)").Error; err != nil {
			t.Fatal(err)
		}
	}
	rec := func(i int, note string) model.Record {
		return model.Record{Task: "Stage task", Dataset: "Drop Board", Metric: "Accuracy", HigherIsBetter: true,
			PrimaryMetric: true, MetricUnit: "%", Unit: "%", Method: fmt.Sprintf("Method %d", i), Value: float64(i),
			Raw: fmt.Sprint(i), Source: "paper", Confidence: "high", Note: note}
	}
	recs := func(n int, bad int) []model.Record {
		var out []model.Record
		for i := range n {
			note := ""
			if i == bad {
				note = "a NUL \x00 byte" // Postgres refuses it in text
			}
			out = append(out, rec(i, note))
		}
		return out
	}
	st := store.New(db, nil)
	for _, tt := range []struct {
		name    string
		recs    []model.Record
		opt     store.IngestOptions
		wantErr bool
		results int64
	}{
		{"dry run", recs(30, -1), store.IngestOptions{DryRun: true}, false, 0},
		{"refused while copying", recs(30, 25), store.IngestOptions{}, true, 0},
		{"written in bulk", recs(30, -1), store.IngestOptions{Bulk: store.BulkAlways}, false, 30},
		{"written row by row", recs(40, -1), store.IngestOptions{Bulk: store.BulkNever}, false, 40},
	} {
		tt.opt.Action, tt.opt.Actor, tt.opt.BatchSize = "import", "test", 10
		_, err := st.Ingest(ctx, store.Records(tt.recs), tt.opt)
		if (err != nil) != tt.wantErr {
			t.Fatalf("%s: Ingest: %v, want an error: %v", tt.name, err, tt.wantErr)
		}
		var n int64
		if err := db.Raw("SELECT count(*) FROM results").Scan(&n).Error; err != nil || n != tt.results {
			t.Errorf("%s: %d results (%v), want %d", tt.name, n, err, tt.results)
		}
		if got := stages(); len(got) != 2 || got[0] != running || got[1] != other {
			t.Errorf("%s: staging tables after the import: %v, want only %s, the running one's, and %s", tt.name, got, running, other)
		}
	}
}
