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
