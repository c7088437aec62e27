package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

const listing = `DeiT-X: Data-Efficient Image Transformers, Revisited
We present DeiT-X, a vision transformer trained on ImageNet only. DeiT-X reaches 83.4% top-1 accuracy on ImageNet, ahead of DeiT-B's 81.8%. Training is 4x faster and uses 30% less memory.

RankFormer: Ranking Text and Pedestrians Together
RankFormer reaches 76.1% Rank-1 on CUHK-PEDES and 66.0% Rank-1 on ICFG-PEDES, and 71.2% Rank-1 on the WildPeds benchmark.
`

func TestExtractQueuesCandidatesOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	pending := func() int64 {
		var n int64
		db.Raw("SELECT count(*) FROM submissions WHERE status = 'pending' AND submitted_by = 'extractor' AND evidence <> ''").Scan(&n)
		return n
	}

	dry, err := importer.ExtractText(ctx, st, listing, importer.ExtractOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if dry.Queued != 0 || pending() != 0 {
		t.Fatalf("a dry run queued %d", pending())
	}
	want := map[string]string{ // method|dataset → value
		"DeiT-X|ImageNet-1k": "83.4%", "DeiT-B|ImageNet-1k": "81.8%",
		"RankFormer|CUHK-PEDES": "76.1%", "RankFormer|ICFG-PEDES": "66.0%",
	}
	got := map[string]string{}
	for _, p := range dry.Proposals {
		got[p.Method+"|"+p.Dataset] = p.Raw
		if p.Status != "would be queued" {
			t.Errorf("%s on %s: %s", p.Method, p.Dataset, p.Status)
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("candidate %s = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("candidates %v; the speed-up and the memory saving are not scores", got)
	}
	if len(dry.Unknown) == 0 || !strings.Contains(dry.Unknown[0].Phrase, "WildPeds") {
		t.Errorf("WildPeds must be reported as an unknown dataset: %+v", dry.Unknown)
	}

	first, err := importer.ExtractText(ctx, st, listing, importer.ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Queued != len(want) || pending() != int64(len(want)) {
		t.Fatalf("queued %d (%d pending), want %d", first.Queued, pending(), len(want))
	}
	again, err := importer.ExtractText(ctx, st, listing, importer.ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Queued != 0 || pending() != int64(len(want)) {
		t.Fatalf("a second run queued %d more", again.Queued)
	}

	// A moderator approves one: it lands on the leaderboard with its sentence
	// kept on the submission.
	user, err := st.CreateUser(ctx, "mod@example.org", "Moderator", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	db.Raw("SELECT id FROM submissions WHERE after->>'method' = 'DeiT-X'").Scan(&id)
	sub, err := st.Submission(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sub.Evidence, "83.4% top-1 accuracy on ImageNet") || sub.SubmittedBy != importer.Extractor {
		t.Fatalf("the queued submission lacks its evidence: %+v", sub)
	}
	if _, err := st.ApproveSubmission(ctx, store.Decision{SubmissionID: id, Moderator: user, Comment: "checked the abstract"}); err != nil {
		t.Fatal(err)
	}
	var score float64
	db.Raw(`SELECT r.score FROM results r JOIN methods m ON m.id = r.method_id WHERE m.name = 'DeiT-X'`).Scan(&score)
	if score != 83.4 {
		t.Fatalf("approved DeiT-X result has score %v", score)
	}
}
