package web

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestFreshness: which cached pages can be served without asking Postgres.
func TestFreshness(t *testing.T) {
	t.Parallel()
	f := newFreshness()
	before := f.begin() // built while nobody listened
	before.datasetID, before.version = 1, 3
	f.Listening()
	page := f.begin()
	page.datasetID, page.version = 1, 3
	home := f.begin()
	home.catalog = true
	for _, tc := range []struct {
		name string
		st   stamp
		want bool
	}{
		{"built before listening", before, false},
		{"built while listening", page, true},
		{"the home page", home, true},
	} {
		if got := f.current(tc.st); got != tc.want {
			t.Errorf("%s: current = %v, want %v", tc.name, got, tc.want)
		}
	}
	f.Changed(2, 9) // another dataset
	if !f.current(page) || f.current(home) {
		t.Error("a change of dataset 2 must stale the home page and only it")
	}
	f.Changed(1, 3) // the version the page was built from: still current
	if !f.current(page) {
		t.Error("a page of the announced version went stale")
	}
	f.Changed(1, 4)
	if f.current(page) {
		t.Error("a page older than the announced version is still current")
	}
	fresh := f.begin()
	fresh.datasetID, fresh.version = 1, 4
	f.Lost()
	if f.current(fresh) {
		t.Error("with the listener lost, a page must be checked against Postgres")
	}
	f.Listening()
	if f.current(fresh) {
		t.Error("after a reconnect, a page from before it must be checked against Postgres")
	}
}

// TestSettle: after a write, settle returns only once the listener has
// heard every change before its marker, and never waits for a listener
// that is not there.
func TestSettle(t *testing.T) {
	t.Parallel()
	f := newFreshness()
	called := false
	f.settle(context.Background(), func(context.Context, string) error { called = true; return nil })
	if called {
		t.Fatal("settle sent a marker with nobody listening")
	}
	f.Listening()
	page := f.begin()
	page.datasetID, page.version = 7, 1
	f.settle(context.Background(), func(_ context.Context, token string) error {
		// The listener hears the write, then the marker, a little later.
		go func() {
			time.Sleep(30 * time.Millisecond)
			f.Changed(7, 2)
			f.Synced(token)
		}()
		return nil
	})
	if f.current(page) {
		t.Fatal("settle returned before the write it waited for was heard")
	}
	// A marker that never comes back: the listener is not trusted any
	// more, and a new connection is asked for.
	f.settleTimeout = 20 * time.Millisecond
	live := f.begin()
	live.datasetID, live.version = 7, 2
	f.settle(context.Background(), func(context.Context, string) error { return nil })
	if f.current(live) {
		t.Fatal("after a lost marker a page is still trusted without a query")
	}
	select {
	case <-f.Restart():
	default:
		t.Fatal("a lost marker did not ask for a new listening connection")
	}
	f.Listening()
	// A marker that cannot be sent: settle gives up at once.
	start := time.Now()
	f.settle(context.Background(), func(context.Context, string) error { return errors.New("down") })
	if time.Since(start) > time.Second {
		t.Fatal("settle waited for a marker that was never sent")
	}
}
