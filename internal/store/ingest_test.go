package store_test

import (
	"context"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
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
