package importer_test

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/seeds"
)

// dump is every column of results and revisions but their timestamps, in
// id order: two databases with equal dumps hold the same results and the
// same history.
func dump(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var parts []string
	for _, q := range []string{
		`SELECT string_agg((to_jsonb(r) - 'created_at' - 'updated_at' - 'retired_at')::text
		     || (r.retired_at IS NOT NULL)::text, E'\n' ORDER BY id) FROM results r`,
		`SELECT string_agg((to_jsonb(v) - 'created_at')::text, E'\n' ORDER BY id) FROM revisions v`,
	} {
		var s string
		if err := db.Raw(q).Scan(&s).Error; err != nil {
			t.Fatal(err)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n--\n")
}

// schema lists the indexes and constraints of results, revisions and the
// boards kept from them, and the triggers (enabled or not) of the first
// two: what a bulk write sets aside.
func schema(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var defs []string
	err := db.Raw(`SELECT pg_get_indexdef(indexrelid) FROM pg_index
		WHERE indrelid IN ('results'::regclass, 'revisions'::regclass, 'board_rows'::regclass, 'board_cells'::regclass)
		UNION ALL
		SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
		FROM pg_constraint
		WHERE conrelid IN ('results'::regclass, 'revisions'::regclass, 'board_rows'::regclass, 'board_cells'::regclass)
		UNION ALL
		SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text
		FROM pg_trigger WHERE tgrelid IN ('results'::regclass, 'revisions'::regclass) AND NOT tgisinternal
		ORDER BY 1`).Scan(&defs).Error
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

// TestBulkWriteMatchesRowByRow runs the same imports — new results,
// changed details, conflicting numbers, a re-import after a moderator's
// correction — written in bulk in one database and row by row in another.
// Both must end with the same results, revisions and summaries, and the
// bulk one with every index and foreign key back as the migrations made
// them, and the boards kept from results matching them.
func TestBulkWriteMatchesRowByRow(t *testing.T) {
	t.Parallel()
	seed, err := seeds.FS.ReadFile(seeds.File)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct{ name, data string }{
		{"seed.csv", string(seed)},
		{"small.csv", readFile(t, filepath.Join("testdata", "small.csv"))},
		{"small_changed.csv", readFile(t, filepath.Join("testdata", "small_changed.csv"))},
		{"ogb.json", readFile(t, filepath.Join("..", "pwc", "testdata", "ogb.json"))},
		{"generated.csv", generated(t, 3000)},
		{"correction", ""}, // a moderator corrects and retires seeded results
		{"seed.csv", string(seed)},
	}
	type run struct {
		db        *gorm.DB
		summaries []string
		bulk      []bool
	}
	do := func(mode store.BulkMode) run {
		db, _ := testdb.Open(t)
		st := store.New(db, nil)
		r := run{db: db}
		for _, s := range steps {
			if s.name == "correction" {
				correct(t, db)
				continue
			}
			sum, err := importer.Import(context.Background(), st, strings.NewReader(s.data),
				importer.Options{Name: s.name, Actor: "test", Bulk: mode})
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			r.summaries = append(r.summaries, fmt.Sprintf("%s: %+v %v", s.name, sum.Counts, perDataset(sum.PerDataset)))
			r.bulk = append(r.bulk, sum.Bulk)
			// A bulk write rebuilds the boards itself, with the
			// trigger that keeps them set aside meanwhile.
			if err := st.CheckBoards(context.Background()); err != nil {
				t.Errorf("%s (bulk %t): %v", s.name, sum.Bulk, err)
			}
			if err := st.CheckStoredHeads(context.Background()); err != nil {
				t.Errorf("%s (bulk %t): %v", s.name, sum.Bulk, err)
			}
		}
		return r
	}
	bulk, rows := do(store.BulkAlways), do(store.BulkNever)
	fresh, _ := testdb.Open(t)

	if !reflect.DeepEqual(bulk.summaries, rows.summaries) {
		t.Errorf("summaries differ:\nbulk:        %q\nrow by row:  %q", bulk.summaries, rows.summaries)
	}
	for i := range bulk.bulk {
		if !bulk.bulk[i] || rows.bulk[i] {
			t.Errorf("step %d: written in bulk %t and %t; want true and false", i, bulk.bulk[i], rows.bulk[i])
		}
	}
	if a, b := dump(t, bulk.db), dump(t, rows.db); a != b {
		t.Errorf("bulk and row-by-row writes left different results or revisions:\n%s", firstDiff(a, b))
	}
	if got, want := schema(t, bulk.db), schema(t, fresh); !reflect.DeepEqual(got, want) {
		t.Errorf("after bulk writes, results and revisions have\n%q\nwant\n%q", got, want)
	}
	// The re-import after the correction must not bring the old numbers back.
	if n := count(t, bulk.db, `SELECT count(*) FROM results WHERE note = 'corrected' OR retired_at IS NOT NULL`); n != 2 {
		t.Errorf("%d corrected or retired results after the re-import; want 2", n)
	}
	if n := count(t, bulk.db, `SELECT count(*) FROM results WHERE value = 39.05 AND retired_at IS NULL`); n != 0 {
		t.Errorf("the corrected number came back: %d live rows of 39.05", n)
	}
}

func perDataset(m map[string]*store.Counts) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s=%+v ", k, *m[k])
	}
	return b.String()
}

// correct does what an approved correction and a retirement do to two
// seeded results: a new value or retired_at, a new version, a revision.
func correct(t *testing.T, db *gorm.DB) {
	t.Helper()
	for _, q := range []string{
		`UPDATE results SET value = 40.5, score = 40.5, raw = '40.5', note = 'corrected', version = version + 1
		 WHERE id = (SELECT min(id) FROM results WHERE value = 39.05)`,
		`INSERT INTO revisions (result_id, action, actor, after)
		 SELECT id, 'correction', 'mod', result_snapshot(results) FROM results WHERE note = 'corrected'`,
		`UPDATE results SET retired_at = now(), version = version + 1
		 WHERE id = (SELECT min(id) FROM results WHERE value = 32.43)`,
		`INSERT INTO revisions (result_id, action, actor, after)
		 SELECT id, 'retire', 'mod', result_snapshot(results) FROM results WHERE retired_at IS NOT NULL`,
	} {
		if res := db.Exec(q); res.Error != nil || res.RowsAffected != 1 {
			t.Fatalf("%s: %v (%d rows)", q, res.Error, res.RowsAffected)
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  bulk:       %s\n  row by row: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

// TestBulkWaitsForNobody: while another transaction reads results, or a
// table results points to, a bulk write cannot lock it; the import waits
// a few seconds, then writes row by row instead of holding everyone up.
func TestBulkWaitsForNobody(t *testing.T) {
	t.Parallel()
	for _, table := range []string{"results", "methods"} {
		t.Run(table, func(t *testing.T) {
			t.Parallel()
			db, _ := testdb.Open(t)
			st := store.New(db, nil)
			reader := db.Begin()
			defer reader.Rollback()
			if err := reader.Exec("SELECT count(*) FROM " + table).Error; err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			sum, err := importString(context.Background(), st, "g.csv", generated(t, 500), importer.Options{Bulk: store.BulkAlways})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Bulk || sum.New+sum.Conflicting != 500 {
				t.Errorf("with a reader holding %s: bulk %t, %+v; want a row-by-row write of 500", table, sum.Bulk, sum.Counts)
			}
			if waited := time.Since(start); waited < 3*time.Second {
				t.Errorf("gave up the bulk write after %s; the lock timeout is 3 s", waited)
			}
		})
	}
}

// TestBulkAuto: BulkAuto writes in bulk a large import into a smaller
// table, and row by row an import no larger than what the table holds.
func TestBulkAuto(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	data := generated(t, 20_000)
	first, err := importString(context.Background(), st, "first.csv", data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := importString(context.Background(), st, "second.csv", strings.ReplaceAll(data, "Report ", "Rerun "), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !first.Bulk || second.Bulk {
		t.Errorf("20,000 records into 0 rows: bulk %t; 20,000 more into 20,000: bulk %t; want true, false", first.Bulk, second.Bulk)
	}
	if got := count(t, db, "SELECT count(*) FROM results"); got != 40_000 {
		t.Errorf("%d results; want 40,000", got)
	}
}
