package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

func TestAllow(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if ok, _, err := st.Allow(ctx, "k", 3, time.Hour); err != nil || !ok {
			t.Fatalf("event %d: %v %v, want allowed", i+1, ok, err)
		}
	}
	ok, retry, err := st.Allow(ctx, "k", 3, time.Hour)
	if err != nil || ok {
		t.Fatalf("4th event: %v %v, want refused", ok, err)
	}
	// Bursting 3 an hour, the next comes 20 minutes after the first.
	if retry < 19*time.Minute || retry > 20*time.Minute {
		t.Errorf("retry %v, want about 20m", retry)
	}
	if ok, _, _ := st.Allow(ctx, "other", 3, time.Hour); !ok {
		t.Error("another key shares the budget")
	}
	// When the time has come, the key may go again.
	db.Exec(`UPDATE rate_limits SET tat = tat - interval '20 minutes' WHERE key = 'k'`)
	if ok, _, _ := st.Allow(ctx, "k", 3, time.Hour); !ok {
		t.Error("refused after the retry time passed")
	}
}

// TestAllowConcurrent: 50 goroutines race for a budget of 10: exactly 10
// win, because one upsert decides and counts.
func TestAllowConcurrent(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, _, err := st.Allow(context.Background(), "race", 10, time.Hour)
			if err != nil {
				t.Error(err)
			}
			if ok {
				allowed.Add(1)
			}
		}()
	}
	wg.Wait()
	if allowed.Load() != 10 {
		t.Errorf("%d allowed, want 10", allowed.Load())
	}
}

func TestSecretIsShared(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	a, err := store.New(db, nil).Secret(context.Background(), "forms")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := store.New(db, nil).Secret(context.Background(), "forms")
	if len(a) != 32 || string(a) != string(b) {
		t.Errorf("two stores got different keys (%d bytes)", len(a))
	}
}
