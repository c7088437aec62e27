package web

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// A board's head, the reports its default view's first page ranks, is
// stored in Postgres (migration 0120) and read there by an uncached first
// page in one indexed statement. A write lets go of the heads it changes in
// its own transaction; each instance then stores again, as soon as it hears
// of the write, the heads of the boards it has served (headWarmer), and all
// of those whenever it starts listening, since it may have missed writes
// while it was not; any reader that finds a head not stored reads the
// board's kept rows and stores what it read (storeHead). A head read before
// a write is never stored after it (store.StoreHead).

// maxServedBoards bounds the boards an instance stores heads for after a
// write: past it, a board's head is stored by its next reader.
const maxServedBoards = 10_000

// servedBoards are the boards this instance has read a head of, by id.
type servedBoards struct {
	mu   sync.Mutex
	slug map[int64]string
}

func (sb *servedBoards) add(id int64, slug string) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if _, ok := sb.slug[id]; ok || len(sb.slug) >= maxServedBoards {
		return
	}
	if sb.slug == nil {
		sb.slug = map[int64]string{}
	}
	sb.slug[id] = slug
}

// all returns a copy of the boards served, by id.
func (sb *servedBoards) all() map[int64]string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return maps.Clone(sb.slug)
}

func (sb *servedBoards) get(id int64) (string, bool) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	slug, ok := sb.slug[id]
	return slug, ok
}

// boardTop reads the head of board d for q's first q.Page pages leaving
// out exclude: the stored head when the counts read with the board say it
// is current and was read the same way, else from the board's kept rows
// (store.BoardTop). A first page of the default view read that way is
// then stored for the readers to come.
func (s *Server) boardTop(ctx context.Context, d store.DatasetInfo, q boardQuery, counts *store.BoardCounts, exclude []string) ([]model.Report, error) {
	n := q.Page * pageSize
	if counts == nil {
		return s.store.BoardTop(ctx, d, n, exclude)
	}
	s.served.add(d.ID, d.Slug)
	h := counts.Head
	if h.Stored && h.N == n && sameTexts(h.Exclude, exclude) {
		head, ok, err := s.store.StoredHead(ctx, d, h)
		if err != nil || ok {
			return head, err
		}
	}
	head, err := s.store.BoardTop(ctx, d, n, exclude)
	if err == nil && n == pageSize && q.defaulted {
		s.background(func(ctx context.Context) { s.storeHead(ctx, d.ID, h.Epoch, exclude, head) })
	}
	return head, err
}

// storeHead stores a board's first page head, read after its epoch was.
// One store per board and epoch runs at a time in this instance; Postgres
// keeps instances from storing one board's head at once.
func (s *Server) storeHead(ctx context.Context, datasetID, epoch int64, exclude []string, head []model.Report) {
	_, _, _ = s.headStores.Do(fmt.Sprintf("%d/%d", datasetID, epoch), func() (any, error) {
		if _, err := s.store.StoreHead(ctx, datasetID, epoch, pageSize, exclude, head); err != nil {
			s.log.Warn("storing a board's head", "dataset", datasetID, "err", err)
		}
		return nil, nil
	})
}

// rebuildHead stores again the head of a board this instance has served,
// once a write has let it go: the first page its readers ask for next is
// read off it. A head stored meanwhile (by a reader, or another
// instance) costs one index lookup.
func (s *Server) rebuildHead(ctx context.Context, id int64, slug string) {
	if stored, err := s.store.HeadStored(ctx, id); err != nil || stored {
		return
	}
	d, counts, err := s.store.BoardDataset(ctx, slug)
	if err != nil || counts.Head.Stored || len(d.Metrics) == 0 {
		return // gone, current, or a parent benchmark with no board
	}
	var q boardQuery
	q.resolveSetting(counts.RowsPerSetting)
	exclude := q.headExclude()
	head, err := s.store.BoardTop(ctx, d, pageSize, exclude)
	if err != nil {
		s.log.Warn("reading a board's head to store it", "dataset", d.ID, "err", err)
		return
	}
	s.storeHead(ctx, d.ID, counts.Head.Epoch, exclude, head)
}

// background runs fn on its own goroutine with a bounded context; the
// app's shutdown waits for it.
func (s *Server) background(fn func(context.Context)) {
	s.heads.Add(1)
	go func() {
		defer s.heads.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		fn(ctx)
	}()
}

// headWarmer is the instance's freshness, which also stores again the
// heads of the boards it has served as writes let them go.
type headWarmer struct {
	*freshness
	s *Server
}

func (w headWarmer) HeadLetGo(datasetID int64) {
	if slug, ok := w.s.served.get(datasetID); ok {
		w.s.background(func(ctx context.Context) { w.rebuild(ctx, datasetID, slug) })
	}
}

// Listening also stores again the heads of the boards this instance has
// served that writes let go while nobody listened (before the first
// LISTEN, or while the connection was down): their notifications were
// missed. Each board costs one index lookup when its head is stored; the
// heads not reached in time are stored by their next readers.
func (w headWarmer) Listening() {
	w.freshness.Listening()
	served := w.s.served.all()
	if len(served) == 0 {
		return
	}
	w.s.background(func(ctx context.Context) {
		for id, slug := range served {
			if ctx.Err() != nil {
				return
			}
			w.rebuild(ctx, id, slug)
		}
	})
}

// rebuild stores board id's head again, once at a time per board.
func (w headWarmer) rebuild(ctx context.Context, id int64, slug string) {
	_, _, _ = w.s.headStores.Do("rebuild/"+slug, func() (any, error) {
		w.s.rebuildHead(ctx, id, slug)
		return nil, nil
	})
}
