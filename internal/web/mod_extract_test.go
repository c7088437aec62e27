package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/web"
)

// TestModExtractForm: a moderator pastes an abstract; the candidates land
// in the queue with their sentence; pasting it again adds nothing; the
// page is for moderators only and needs its CSRF token.
func TestModExtractForm(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{})
	anon := site.client()
	if p := anon.get("/mod/extract"); p.Status == 200 {
		t.Fatalf("anonymous visitors must not see the extract form")
	}
	mod := site.client()
	mod.login("extract@example.org", site.moderator("extract@example.org"))
	form := mod.formFields("/mod/extract")
	abstract := "ViT-Q: Quantised Vision Transformers\nViT-Q reaches 80.9% top-1 accuracy on ImageNet with 4-bit weights, a gain of 1.2% over the previous best, and 62.0% Rank-1 on CUHK-PEDES."

	if p := mod.post("/mod/extract", url.Values{"text": {abstract}}); p.Status != 403 {
		t.Fatalf("without a CSRF token: status %d, want 403", p.Status)
	}
	if p := mod.post("/mod/extract", formWith(form, "text", "  ")); p.Status != 422 || !strings.Contains(p.Text, "Paste an abstract") {
		t.Fatalf("empty text: status %d", p.Status)
	}
	dry := mod.post("/mod/extract", formWith(form, "text", abstract, "dry_run", "1"))
	if dry.Status != 200 || !strings.Contains(dry.Text, "would be queued") || site.count("SELECT count(*) FROM submissions") != 0 {
		t.Fatalf("dry run: status %d, %d submissions", dry.Status, site.count("SELECT count(*) FROM submissions"))
	}
	p := mod.post("/mod/extract", formWith(form, "text", abstract))
	if p.Status != 200 || !strings.Contains(p.Text, "2 candidates, 2 queued") {
		t.Fatalf("extract: status %d: %.500s", p.Status, p.Text)
	}
	if strings.Contains(p.Text, ">1.2%<") {
		t.Error("a gain was proposed as a score")
	}
	p = mod.post("/mod/extract", formWith(form, "text", abstract))
	if !strings.Contains(p.Text, "2 candidates, 0 queued") || !strings.Contains(p.Text, "already queued") {
		t.Fatalf("the second run must queue nothing new: %.300s", p.Text)
	}
	queue := mod.get("/mod/queue")
	if !strings.Contains(queue.Text, "ViT-Q") {
		t.Fatal("the queue does not list the extracted candidates")
	}
	id := site.count("SELECT min(id) FROM submissions")
	review := mod.get("/mod/submissions/" + corrItoa(int64(id)))
	if !strings.Contains(review.Text, "Read by the extractor from this sentence") || !strings.Contains(review.Text, "80.9% top-1 accuracy on ImageNet") {
		t.Fatalf("the diff view lacks the evidence sentence: %.500s", review.Text)
	}
}
