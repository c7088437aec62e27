package web_test

import (
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/internal/web"
)

// A board's first page stores the board's head; a write lets it go; the
// instance, having heard of the write, stores it again without being asked
// for the page, and the next first page shows the write.
func TestServedBoardsHeadsStoredAgainAfterWrites(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	app, err := web.New(st, web.Options{Log: discardLog(), Context: t.Context()})
	if err != nil {
		t.Fatal(err)
	}
	const page = "/api/v1/datasets/cuhk-pedes/results"
	var board, id int64
	if err := db.Raw(`SELECT r.dataset_id, r.id FROM results r JOIN datasets d ON d.id = r.dataset_id
		WHERE d.slug = 'cuhk-pedes' AND r.retired_at IS NULL ORDER BY r.id LIMIT 1`).Row().Scan(&board, &id); err != nil {
		t.Fatal(err)
	}
	waitStored := func(when string) {
		t.Helper()
		// As long as the instance's own background store may take
		// (Server.background), which a loaded machine can need.
		deadline := time.Now().Add(10 * time.Second)
		for {
			stored, err := st.HeadStored(t.Context(), board)
			if err != nil {
				t.Fatal(err)
			}
			if stored {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the board's head is not stored", when)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	valueOf(t, app, page, id)
	waitStored("after the first page")

	// A write, as every write does it: the result and the board's version.
	if err := db.Exec(`WITH r AS (UPDATE results SET score = 99.5, value = 99.5, raw = '99.5' WHERE id = $1 RETURNING dataset_id)
		UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`, id).Error; err != nil {
		t.Fatal(err)
	}
	waitStored("after the write, nobody asking")
	if got := valueOf(t, app, page, id); got != 99.5 {
		t.Fatalf("after the write the first page shows %v, want 99.5", got)
	}
}
