package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// events records what a VersionWatcher hears, in order.
type events struct {
	mu      sync.Mutex
	got     []string
	restart chan struct{}
}

func (e *events) add(s string) { e.mu.Lock(); e.got = append(e.got, s); e.mu.Unlock() }
func (e *events) Listening()   { e.add("listening") }
func (e *events) Lost()        { e.add("lost") }
func (e *events) Changed(id, version int64) {
	e.add(fmt.Sprintf("changed %d:%d", id, version))
}
func (e *events) HeadLetGo(id int64)       { e.add(fmt.Sprintf("head %d", id)) }
func (e *events) Synced(token string)      { e.add("synced " + token) }
func (e *events) Restart() <-chan struct{} { return e.restart }

// listened counts the times the watcher started listening.
func (e *events) listened() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, g := range e.got {
		if g == "listening" {
			n++
		}
	}
	return n
}

// waitListened waits until the watcher has started listening n times.
func (e *events) waitListened(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for e.listened() < n {
		if time.Now().After(deadline) {
			t.Fatalf("listened %d times, want %d", e.listened(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (e *events) waitFor(t *testing.T, want string) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		e.mu.Lock()
		got := append([]string(nil), e.got...)
		e.mu.Unlock()
		for _, g := range got {
			if g == want {
				return got
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("never heard %q", want)
	return nil
}

// TestDataVersionNotifications: committed changes to a dataset are heard
// with their new version, before a sync marker sent after them; a
// rolled-back change is never heard; a dropped listening connection is
// reported and listening resumes by itself; so does a restart asked for.
func TestDataVersionNotifications(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	ev := &events{restart: make(chan struct{}, 1)}
	go st.WatchDataVersions(t.Context(), ev)
	ev.waitFor(t, "listening")

	var taskID, id int64
	if err := db.Raw(`INSERT INTO tasks (slug, name) VALUES ('t', 'T') RETURNING id`).Row().Scan(&taskID); err != nil {
		t.Fatal(err)
	}
	if err := db.Raw(`INSERT INTO datasets (task_id, slug, name) VALUES ($1, 'd', 'D') RETURNING id`, taskID).Row().Scan(&id); err != nil {
		t.Fatal(err)
	}
	db.Transaction(func(tx *gorm.DB) error {
		tx.Exec(`UPDATE datasets SET data_version = 50 WHERE id = $1`, id)
		return errors.New("roll back")
	})
	if err := db.Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE id = $1`, id).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.NotifySync(t.Context(), "one"); err != nil {
		t.Fatal(err)
	}
	got := ev.waitFor(t, "synced one")
	want := []string{"listening", fmt.Sprintf("changed %d:1", id), fmt.Sprintf("changed %d:2", id), "synced one"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("heard %q, want %q", got, want)
	}

	// A result written lets go of its board's stored head, and says so
	// once committed (migration 0120); a bare version change above did not.
	var board int64
	if err := db.Raw(`INSERT INTO datasets (task_id, slug, name) VALUES ($1, 'b', 'B') RETURNING id`, taskID).Row().Scan(&board); err != nil {
		t.Fatal(err)
	}
	err := db.Exec(`WITH m AS (INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary) VALUES ($1, 'acc', 'Acc', true, true) RETURNING id),
		me AS (INSERT INTO methods (slug, name) VALUES ('x', 'X') RETURNING id)
		INSERT INTO results (dataset_id, metric_id, method_id, value, score) SELECT $1, m.id, me.id, 1, 1 FROM m, me`, board).Error
	if err != nil {
		t.Fatal(err)
	}
	if err := st.NotifySync(t.Context(), "two"); err != nil {
		t.Fatal(err)
	}
	got = ev.waitFor(t, "synced two")
	want = append(want, fmt.Sprintf("changed %d:1", board), fmt.Sprintf("head %d", board), "synced two")
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("heard %q, want %q", got, want)
	}

	if err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND query = 'LISTEN benchboard_data'`).Error; err != nil {
		t.Fatal(err)
	}
	ev.waitFor(t, "lost")
	ev.waitListened(t, 2) // by itself, after the loss
	ev.restart <- struct{}{}
	ev.waitListened(t, 3) // a new connection, as asked
	// The old connection goes away (its backend may take a moment to exit).
	deadline := time.Now().Add(5 * time.Second)
	for {
		var listening int
		if err := db.Raw(`SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND query = 'LISTEN benchboard_data'`).Row().Scan(&listening); err != nil {
			t.Fatal(err)
		}
		if listening == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections listen after the restart, want 1", listening)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := db.Exec(`DELETE FROM datasets WHERE id = $1`, id).Error; err != nil {
		t.Fatal(err)
	}
	ev.waitFor(t, fmt.Sprintf("changed %d:9223372036854775807", id))
}
