package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/seeds"
)

func seed(t *testing.T, st *store.Store) store.Summary {
	t.Helper()
	f, err := seeds.FS.Open(seeds.File)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := csvio.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := st.Ingest(context.Background(), r.Read, store.IngestOptions{Action: "seed", Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestSeedTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	first := seed(t, st)
	if first.Total() != 400 {
		t.Fatalf("first seed counted %d records, want 400", first.Total())
	}
	var n, revs int64
	db.Raw("SELECT count(*) FROM results").Scan(&n)
	db.Raw("SELECT count(*) FROM revisions").Scan(&revs)
	if n != revs || n == 0 {
		t.Fatalf("results %d, revisions %d: every result needs its seed revision", n, revs)
	}
	second := seed(t, st)
	if second.Unchanged != 400 || second.New+second.Changed+second.Conflicting != 0 {
		t.Fatalf("second seed: %+v, want 400 unchanged", second.Counts)
	}
	var n2 int64
	db.Raw("SELECT count(*) FROM results").Scan(&n2)
	if n2 != n {
		t.Fatalf("results grew from %d to %d on a second seed", n, n2)
	}
	t.Logf("seed: %+v; %d results", first.Counts, n)
}

// TestReseedAfterCorrection: once a moderator has changed a seeded result,
// seeding again (make run does it on every start) keeps the correction and
// does not bring the old number back beside it.
func TestReseedAfterCorrection(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	var id int64
	db.Raw(`SELECT r.id FROM results r JOIN methods m ON m.id = r.method_id WHERE m.name = 'DSSL' AND r.value = 39.05`).Scan(&id)
	if id == 0 {
		t.Fatal("no DSSL 39.05 in the seed")
	}
	// What an approved correction does: a new value, a new version, a revision.
	if err := db.Exec(`UPDATE results SET value = 40.5, score = 40.5, raw = '40.5', version = version + 1 WHERE id = ?`, id).Error; err != nil {
		t.Fatal(err)
	}
	db.Exec(`INSERT INTO revisions (result_id, action, actor, after) SELECT id, 'correction', 'mod', result_snapshot(results) FROM results WHERE id = ?`, id)
	var retired int64
	db.Raw(`SELECT r.id FROM results r JOIN methods m ON m.id = r.method_id WHERE m.name = 'DSSL' AND r.value = 32.43`).Scan(&retired)
	db.Exec(`UPDATE results SET retired_at = now(), version = version + 1 WHERE id = ?`, retired)

	again := seed(t, st)
	if again.New+again.Conflicting+again.Changed != 0 {
		t.Fatalf("re-seed after a correction wrote %+v", again.Counts)
	}
	var n int64
	db.Raw(`SELECT count(*) FROM results r JOIN methods m ON m.id = r.method_id WHERE m.name = 'DSSL' AND r.value IN (39.05, 32.43) AND r.retired_at IS NULL`).Scan(&n)
	if n != 0 {
		t.Fatalf("the corrected and the retired numbers came back (%d live rows)", n)
	}
}

// TestIngestPhases: Phase names the steps of the write in order, with the
// index rebuild only when the write is in bulk.
func TestIngestPhases(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		mode store.BulkMode
		want string
	}{
		{store.BulkNever, "classify write finish"},
		{store.BulkAlways, "classify write indexes finish"},
	} {
		db, _ := testdb.Open(t)
		f, err := seeds.FS.Open(seeds.File)
		if err != nil {
			t.Fatal(err)
		}
		r, err := csvio.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		sum, err := store.New(db, nil).Ingest(context.Background(), r.Read, store.IngestOptions{
			Action: "import", Actor: "test", Bulk: tt.mode,
			Phase: func(name string) { got = append(got, name) },
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.Join(got, " "); s != tt.want || sum.Bulk != (tt.mode == store.BulkAlways) {
			t.Errorf("mode %d: phases %q (bulk %t), want %q", tt.mode, s, sum.Bulk, tt.want)
		}
	}
}

// TestBulkVerdictsMatchRowByRow: a bulk write asks results for its
// verdicts as sets (bulkPlanSQL), a row-by-row write record by record;
// both call a new number conflicting exactly when a live result of its
// cell holds another score, whichever end of the cell's scores it matches.
func TestBulkVerdictsMatchRowByRow(t *testing.T) {
	t.Parallel()
	rec := func(score float64, in string) model.Record {
		return model.Record{Task: "Verdict task", Dataset: "Verdict Board", Metric: "Accuracy", HigherIsBetter: true,
			PrimaryMetric: true, MetricUnit: "%", Unit: "%", Method: "Net", Value: score, Raw: fmt.Sprint(score),
			ReportedIn: in, Source: "paper", Confidence: "high"}
	}
	for _, tt := range []struct {
		name        string
		before      []model.Record
		retire      float64 // a score whose result is retired before the import, or 0
		record      model.Record
		conflicting int
	}{
		{"the cell's only score", []model.Record{rec(50, "a")}, 0, rec(50, "b"), 0},
		{"the lowest of two", []model.Record{rec(50, "a"), rec(60, "b")}, 0, rec(50, "c"), 1},
		{"the highest of two", []model.Record{rec(50, "a"), rec(60, "b")}, 0, rec(60, "c"), 1},
		{"between", []model.Record{rec(50, "a"), rec(60, "b")}, 0, rec(55, "c"), 1},
		{"the other retired", []model.Record{rec(50, "a"), rec(60, "b")}, 60, rec(50, "c"), 0},
		{"a new cell", []model.Record{rec(50, "a")}, 0, model.Record{Task: "Verdict task", Dataset: "Verdict Board",
			Metric: "Accuracy", HigherIsBetter: true, PrimaryMetric: true, MetricUnit: "%", Unit: "%", Method: "Other",
			Value: 40, Raw: "40", Source: "paper", Confidence: "high"}, 0},
	} {
		for _, mode := range []store.BulkMode{store.BulkAlways, store.BulkNever} {
			t.Run(fmt.Sprintf("%s/bulk=%t", tt.name, mode == store.BulkAlways), func(t *testing.T) {
				t.Parallel()
				db, _ := testdb.Open(t)
				st := store.New(db, nil)
				ctx := context.Background()
				opt := store.IngestOptions{Action: "import", Actor: "test", Bulk: store.BulkNever}
				if _, err := st.Ingest(ctx, store.Records(tt.before), opt); err != nil {
					t.Fatal(err)
				}
				if tt.retire != 0 {
					if err := db.Exec("UPDATE results SET retired_at = now(), version = version + 1 WHERE score = ?", tt.retire).Error; err != nil {
						t.Fatal(err)
					}
				}
				opt.Bulk = mode
				sum, err := st.Ingest(ctx, store.Records([]model.Record{tt.record}), opt)
				if err != nil {
					t.Fatal(err)
				}
				if sum.Bulk != (mode == store.BulkAlways) || sum.New+sum.Conflicting != 1 || sum.Conflicting != tt.conflicting {
					t.Errorf("bulk %t, %+v; want %d conflicting", sum.Bulk, sum.Counts, tt.conflicting)
				}
			})
		}
	}
}
