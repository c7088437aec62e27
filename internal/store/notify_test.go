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
	mu  sync.Mutex
	got []string
}

func (e *events) add(s string) { e.mu.Lock(); e.got = append(e.got, s); e.mu.Unlock() }
func (e *events) Listening()   { e.add("listening") }
func (e *events) Lost()        { e.add("lost") }
func (e *events) Changed(id, version int64) {
	e.add(fmt.Sprintf("changed %d:%d", id, version))
}
func (e *events) Synced(token string) { e.add("synced " + token) }

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
// reported and listening resumes by itself.
func TestDataVersionNotifications(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	ev := &events{}
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

	if err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND query = 'LISTEN benchboard_data'`).Error; err != nil {
		t.Fatal(err)
	}
	ev.waitFor(t, "lost")
	// Listening again: a second "listening" after the loss.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if err := st.NotifySync(t.Context(), "two"); err != nil {
			t.Fatal(err)
		}
		ev.mu.Lock()
		n := 0
		for _, g := range ev.got {
			if g == "listening" {
				n++
			}
		}
		ev.mu.Unlock()
		if n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the watcher did not listen again after its connection was dropped")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := db.Exec(`DELETE FROM datasets WHERE id = $1`, id).Error; err != nil {
		t.Fatal(err)
	}
	ev.waitFor(t, fmt.Sprintf("changed %d:9223372036854775807", id))
}
