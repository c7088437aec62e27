package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// freshness is what this instance has heard of dataset versions through
// Postgres notifications (store.WatchDataVersions). While it is live, a
// cached page can be checked without a query: it is current when nothing
// newer than its version has been announced for its dataset. While it is
// not live (no listener, or the connection dropped) it knows nothing, and
// every cached page is checked against Postgres as before.
type freshness struct {
	mu     sync.RWMutex
	live   bool
	epoch  uint64 // moves on every (re)connect: notifications may have been missed
	gen    uint64 // moves on every change of any dataset: the home page
	latest map[int64]int64

	waitMu  sync.Mutex
	waiters map[string]chan struct{}
	restart chan struct{}
	// settleTimeout is how long a write waits for its own notification.
	settleTimeout time.Duration
}

// stamp is what a cached page remembers of the freshness it was built
// under. It is taken before the page's data is read (begin), so that a
// change or a reconnect during the build makes the page stale, never the
// other way round; the dataset and its version are filled in after.
type stamp struct {
	live       bool
	epoch, gen uint64
	catalog    bool  // the page shows every dataset (the home page)
	datasetID  int64 // else the one dataset it shows,
	version    int64 // at the data version it was built from
}

func newFreshness() *freshness {
	return &freshness{latest: map[int64]int64{}, waiters: map[string]chan struct{}{}, restart: make(chan struct{}, 1),
		settleTimeout: 2 * time.Second}
}

// Listening starts a new epoch: pages cached before may have missed a
// change while nobody listened.
func (f *freshness) Listening() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.live = true
	f.epoch++
	f.gen++
	clear(f.latest)
}

func (f *freshness) Lost() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.live = false
	f.epoch++
	f.gen++
}

// HeadLetGo: a stored head let go changes no page's freshness (the
// write that let it go moves the board's version too).
func (f *freshness) HeadLetGo(int64) {}

func (f *freshness) Changed(datasetID, version int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if version > f.latest[datasetID] {
		f.latest[datasetID] = version
	}
	f.gen++
}

// begin stamps a page about to be built.
func (f *freshness) begin() stamp {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return stamp{live: f.live, epoch: f.epoch, gen: f.gen}
}

// current tells whether a page stamped st can be served without asking
// Postgres. false means "not known", not "stale".
func (f *freshness) current(st stamp) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if !f.live || !st.live || st.epoch != f.epoch {
		return false
	}
	if st.catalog {
		return st.gen == f.gen
	}
	return st.datasetID != 0 && st.version >= f.latest[st.datasetID]
}

// newer tells whether a version newer than version has been announced for
// the dataset: a page built from a lagging replica must not be kept.
func (f *freshness) newer(id, version int64) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.latest[id] > version
}

func (f *freshness) Synced(token string) {
	f.waitMu.Lock()
	defer f.waitMu.Unlock()
	if ch, ok := f.waiters[token]; ok {
		close(ch)
		delete(f.waiters, token)
	}
}

// settle waits, after a write of this instance, until the listener has
// heard of every change committed so far, so that the next page this
// instance serves shows the write. Other instances hear of it within the
// same moment, without waiting. notify sends the marker (store.NotifySync).
func (f *freshness) settle(ctx context.Context, notify func(context.Context, string) error) {
	f.mu.RLock()
	live := f.live
	f.mu.RUnlock()
	if !live {
		return // hits are checked against Postgres anyway
	}
	var b [16]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	ch := make(chan struct{})
	f.waitMu.Lock()
	f.waiters[token] = ch
	f.waitMu.Unlock()
	defer func() {
		f.waitMu.Lock()
		delete(f.waiters, token)
		f.waitMu.Unlock()
	}()
	if err := notify(ctx, token); err != nil {
		return
	}
	select {
	case <-ch:
	case <-ctx.Done():
	case <-time.After(f.settleTimeout):
		// A listener this far behind is as good as lost: stop trusting it,
		// and have a new connection listen.
		f.Lost()
		select {
		case f.restart <- struct{}{}:
		default: // a restart is pending already
		}
	}
}

func (f *freshness) Restart() <-chan struct{} { return f.restart }
