package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// checkBoards fails the test when what is kept for every board at write
// time differs from the same computed afresh from results, or a stored
// head that says it is current differs from the board's head; it then
// stores every board's head, for the next write to let go of.
func checkBoards(t *testing.T, st *store.Store, after string) {
	t.Helper()
	if err := st.CheckBoards(context.Background()); err != nil {
		t.Fatalf("after %s: %v", after, err)
	}
	if err := st.CheckStoredHeads(context.Background()); err != nil {
		t.Fatalf("after %s: %v", after, err)
	}
}

// TestBoardsFollowWrites: after each kind of write to results, the rows,
// cells and setting counts kept per board equal a fresh computation, and
// the next read of the board (BoardDataset's counts, BoardTop's head)
// shows the write.
func TestBoardsFollowWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, bulk := range []store.BulkMode{store.BulkNever, store.BulkAlways} {
		t.Run(fmt.Sprintf("bulk mode %d", bulk), func(t *testing.T) {
			t.Parallel()
			db, _ := testdb.Open(t)
			st := store.New(db, nil)
			checkBoards(t, st, "migrating an empty database")
			seed(t, st)
			checkBoards(t, st, "the seed")

			// An import of a new board with settings, conflicts and a
			// method reported by two sources, written as bulk says.
			var recs []model.Record
			for i := range 300 {
				v := float64(i%97) / 2
				setting := []string{"", "", "zero-shot", "linear probe"}[i%4]
				recs = append(recs, model.Record{Task: "Image classification", Dataset: "Board Test", Metric: "Accuracy",
					HigherIsBetter: true, MetricUnit: "%", Method: fmt.Sprintf("Method %d", i%40), Value: v, Unit: "%",
					Raw: model.FormatNumber(v), Setting: setting, ReportedIn: fmt.Sprintf("paper %d", i%3), Confidence: "high"})
			}
			if _, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test", Bulk: bulk}); err != nil {
				t.Fatal(err)
			}
			checkBoards(t, st, "an import")
			d, counts, err := st.BoardDataset(ctx, "board-test")
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			var rows []struct {
				Setting string
				N       int
			}
			db.Raw(`SELECT setting, count(DISTINCT (method_id, setting, extra_data, params_text, reported_in)) AS n FROM results
				WHERE dataset_id = $1 AND retired_at IS NULL GROUP BY setting`, d.ID).Scan(&rows)
			for _, r := range rows {
				want[r.Setting] = r.N
			}
			if fmt.Sprint(counts.RowsPerSetting) != fmt.Sprint(want) || counts.Results != 300 || len(d.Metrics) != 1 {
				t.Fatalf("counts %v, %d results, %d metrics; want %v, 300, 1", counts.RowsPerSetting, counts.Results, len(d.Metrics), want)
			}

			// The best result, then retired: the head no longer starts with it.
			var best int64
			db.Raw(`SELECT id FROM results WHERE dataset_id = $1 AND retired_at IS NULL ORDER BY score DESC, id LIMIT 1`, d.ID).Scan(&best)
			head := func() int64 {
				t.Helper()
				reps, err := st.BoardTop(ctx, d, 1, nil)
				if err != nil || len(reps) == 0 {
					t.Fatalf("head: %v, %d reports", err, len(reps))
				}
				var top model.Report
				for _, r := range reps {
					if top.ID == 0 || r.Score > top.Score {
						top = r
					}
				}
				return top.ID
			}
			if got := head(); got != best {
				t.Fatalf("head starts with %d, want %d", got, best)
			}
			writes := []struct{ name, sql string }{
				{"a retirement", `UPDATE results SET retired_at = now(), version = version + 1 WHERE id = $1`},
				{"a revert of the retirement", `UPDATE results SET retired_at = NULL, version = version + 1 WHERE id = $1`},
				{"a correction of the score", `UPDATE results SET value = 99, score = 99, raw = '99', version = version + 1 WHERE id = $1`},
				{"a correction of the setting", `UPDATE results SET setting = 'fine-tuned on more data' WHERE id = $1`},
				{"a change no board shows", `UPDATE results SET note = 'checked' WHERE id = $1`},
				{"a move to another method", `UPDATE results SET method_id = (SELECT id FROM methods WHERE name = 'Method 7') WHERE id = $1`},
				{"an added report", `INSERT INTO results (dataset_id, metric_id, method_id, value, score, setting, reported_in)
					SELECT dataset_id, metric_id, method_id, 120, 120, setting, 'paper 9' FROM results WHERE id = $1`},
				{"a deletion", `DELETE FROM results WHERE reported_in = 'paper 9' AND $1 > 0`},
				// Over 20,000 rows a statement rebuilds its boards instead.
				{"a large insert", `INSERT INTO results (dataset_id, metric_id, method_id, value, score, setting, reported_in)
					SELECT r.dataset_id, r.metric_id, me.id, g / 4.0, g / 4.0, CASE WHEN g % 3 = 0 THEN 'zero-shot' ELSE '' END, 'bulk ' || g % 7
					FROM results r, generate_series(1, 25000) g JOIN methods me ON me.id = (SELECT min(id) FROM methods) + g % 30
					WHERE r.id = $1`},
				{"a large update", `UPDATE results SET score = score + 1, value = value + 1 WHERE reported_in LIKE 'bulk %' AND $1 > 0`},
				{"a large deletion", `DELETE FROM results WHERE reported_in LIKE 'bulk %' AND id % 2 = 0 AND $1 > 0`},
				{"every result of the board retired", `UPDATE results SET retired_at = now() WHERE dataset_id = (SELECT dataset_id FROM results WHERE id = $1)`},
			}
			for _, w := range writes {
				if err := db.Exec(w.sql, best).Error; err != nil {
					t.Fatalf("%s: %v", w.name, err)
				}
				checkBoards(t, st, w.name)
			}
			_, counts, err = st.BoardDataset(ctx, "board-test")
			if err != nil || len(counts.RowsPerSetting) != 0 || counts.Results != 0 {
				t.Fatalf("a board with every result retired: %v, %d results, %v", counts.RowsPerSetting, counts.Results, err)
			}
		})
	}
}

// TestBoardWritersDoNotOverwriteEachOther: two transactions adding rows to
// the same board at once both end up counted.
func TestBoardWritersDoNotOverwriteEachOther(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	var ds, metric, method int64
	if err := db.Raw(`SELECT dataset_id, metric_id, method_id FROM results ORDER BY id LIMIT 1`).Row().Scan(&ds, &metric, &method); err != nil {
		t.Fatal(err)
	}
	first, second := db.Begin(), db.Begin()
	defer first.Rollback()
	defer second.Rollback()
	add := `INSERT INTO results (dataset_id, metric_id, method_id, value, score, reported_in) VALUES ($1, $2, $3, 1, 1, $4)`
	if err := first.Exec(add, ds, metric, method, "concurrent A").Error; err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- second.Exec(add, ds, metric, method, "concurrent B").Error }() // waits for the board's lock
	if err := first.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := second.Commit().Error; err != nil {
		t.Fatal(err)
	}
	checkBoards(t, st, "two concurrent writers")
}

// A board's head is stored only at the epoch it was read after: a write
// in between leaves it unstored; a change of data version alone (a write
// that changes nothing the head shows) leaves a stored head current; a
// writer holding the board makes a reader give up storing rather than
// wait for it.
func TestStoredHeadNeverOlderThanItsEpoch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	const slug = "cuhk-pedes"
	read := func(when string) (store.DatasetInfo, store.StoredHeadInfo, []model.Report) {
		t.Helper()
		d, counts, err := st.BoardDataset(ctx, slug)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		head, err := st.BoardTop(ctx, d, 100, nil)
		if err != nil || len(head) == 0 {
			t.Fatalf("%s: head of %d reports: %v", when, len(head), err)
		}
		return d, counts.Head, head
	}
	retire := `WITH r AS (UPDATE results SET retired_at = now() WHERE id = (SELECT min(r.id) FROM results r JOIN datasets d ON d.id = r.dataset_id
			WHERE d.slug = $1 AND r.retired_at IS NULL) RETURNING dataset_id)
		UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`

	d, h, head := read("before a write")
	if err := db.Exec(retire, slug).Error; err != nil {
		t.Fatal(err)
	}
	if ok, err := st.StoreHead(ctx, d.ID, h.Epoch, 100, nil, head); err != nil || ok {
		t.Fatalf("a head read before a write: stored %v (%v), want not stored", ok, err)
	}
	if _, h2, _ := read("after the refused store"); h2.Stored {
		t.Fatalf("after a refused store the board says a head is stored at epoch %d", h2.Epoch)
	}

	d, h, head = read("after the write")
	if ok, err := st.StoreHead(ctx, d.ID, h.Epoch, 100, nil, head); err != nil || !ok {
		t.Fatalf("a current head: stored %v (%v), want stored", ok, err)
	}
	if err := db.Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE slug = $1`, slug).Error; err != nil {
		t.Fatal(err)
	}
	d, h, head = read("after a version bump alone")
	got, ok, err := st.StoredHead(ctx, d, h)
	if err != nil || !ok || !reflect.DeepEqual(got, head) {
		t.Fatalf("stored head after a version bump alone: %d reports, read %v (%v); want the board's %d", len(got), ok, err, len(head))
	}

	// A writer holds the board's row until it commits.
	tx := db.Begin()
	defer tx.Rollback()
	if err := tx.Exec(retire, slug).Error; err != nil {
		t.Fatal(err)
	}
	if ok, err := st.StoreHead(ctx, d.ID, h.Epoch, 100, nil, head); err != nil || ok {
		t.Fatalf("storing while a writer holds the board: stored %v (%v), want given up", ok, err)
	}
	if err := tx.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if _, h2, _ := read("after the writer committed"); h2.Stored || h2.Epoch == h.Epoch {
		t.Fatalf("after the writer committed: stored %v at epoch %d (was %d), want let go at a new epoch", h2.Stored, h2.Epoch, h.Epoch)
	}
}
