package web

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestListeningStoresMissedHeads: a head that a write let go while the
// instance was not listening (before its first LISTEN, or while the
// connection was down) is stored again as soon as it listens, since the
// write's notification was missed; a board the instance never served is
// left to its next reader.
func TestListeningStoresMissedHeads(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	ctx := t.Context()
	st := store.New(db, nil)
	const rows = "task,dataset,metric,higher_is_better,primary_metric,method,value,paper_title,paper_url\n" +
		"Object Detection,COCO,AP,true,true,DINO,63.3,DINO,https://arxiv.org/abs/2203.03605\n" +
		"Object Detection,LVIS,AP,true,true,DINO,59.5,DINO,https://arxiv.org/abs/2203.03605\n"
	r, err := csvio.NewReader(strings.NewReader(rows))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Ingest(ctx, r.Read, store.IngestOptions{Action: "import", Actor: "test", Reason: "test"}); err != nil {
		t.Fatal(err)
	}
	s := &Server{store: st, fresh: newFreshness(), log: slog.New(slog.DiscardHandler)}
	served, other := datasetID(t, st, "coco"), datasetID(t, st, "lvis")
	for _, id := range []int64{served, other} {
		if headStored(t, st, id) {
			t.Fatalf("dataset %d: head stored before anyone read it; the test would show nothing", id)
		}
	}
	s.served.add(served, "coco")

	headWarmer{s.fresh, s}.Listening()
	s.heads.Wait()

	if !headStored(t, st, served) {
		t.Error("a served board's head let go while nobody listened is not stored again on listening")
	}
	if headStored(t, st, other) {
		t.Error("a board this instance never served had its head stored on listening")
	}
}

func datasetID(t *testing.T, st *store.Store, slug string) int64 {
	t.Helper()
	d, err := st.Dataset(t.Context(), slug)
	if err != nil {
		t.Fatalf("dataset %q: %v", slug, err)
	}
	return d.ID
}

func headStored(t *testing.T, st *store.Store, id int64) bool {
	t.Helper()
	stored, err := st.HeadStored(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return stored
}
