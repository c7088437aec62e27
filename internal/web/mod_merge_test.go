package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/web"
)

// TestMergeRoutes: the names and merge pages are for moderators only,
// every POST needs the form's CSRF token, a blocked merge is refused with
// its reason and changes nothing, and a second undo is a conflict.
func TestMergeRoutes(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	imagenet := site.count(`SELECT id FROM datasets WHERE slug = 'imagenet-1k'`)
	mmlu := site.count(`SELECT id FROM datasets WHERE slug = 'mmlu'`)
	genomic := site.count(`SELECT id FROM datasets WHERE slug = 'genomicbenchmarks'`)
	mouse := site.count(`SELECT id FROM datasets WHERE slug = 'mouse-enhancers'`)

	anon := site.client()
	for _, path := range []string{"/mod/names", "/mod/merge?kind=dataset&from=mmlu&into=imagenet-1k"} {
		if p := anon.get(path); p.Status != http.StatusSeeOther {
			t.Errorf("GET %s as a visitor: %d, want a redirect to the login", path, p.Status)
		}
	}
	form := url.Values{"kind": {"dataset"}, "from": {corrItoa(int64(mmlu))}, "into": {corrItoa(int64(imagenet))}}
	if p := anon.post("/mod/merge", form); p.Status == http.StatusSeeOther && strings.Contains(p.Header.Get("Location"), "/mod/names") {
		t.Error("a visitor merged two datasets")
	}

	mod := site.client()
	mod.login("mod@example.org", pw)
	before := site.resultsChecksum()
	if p := mod.post("/mod/merge", form); p.Status != http.StatusForbidden {
		t.Errorf("POST /mod/merge without the CSRF token: %d, want 403", p.Status)
	}

	// Preview a blocked merge: the reason, and no button.
	p := mod.get("/mod/merge?kind=dataset&from=genomicbenchmarks&into=mouse-enhancers")
	if p.Status != http.StatusOK || !strings.Contains(p.Text, "merge the other way round") || strings.Contains(p.Body, `id="merge-confirm"`) {
		t.Errorf("blocked preview: %d %s", p.Status, corrSnippet(p.Text))
	}
	csrf := hiddenFields(t, mod.get("/mod/names").Body)
	blocked := formWith(csrf, "kind", "dataset", "from", corrItoa(int64(genomic)), "into", corrItoa(int64(mouse)))
	if p := mod.post("/mod/merge", blocked); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text, "merge the other way round") {
		t.Errorf("a blocked merge: %d %s", p.Status, corrSnippet(p.Text))
	}
	if p := mod.get("/mod/merge?kind=method&from=no-such-method&into=also-not"); p.Status != http.StatusNotFound {
		t.Errorf("preview of unknown methods: %d, want 404", p.Status)
	}
	if site.resultsChecksum() != before {
		t.Fatal("refused merges changed results")
	}

	// A real merge, then undo twice.
	preview := mod.get("/mod/merge?kind=dataset&from=mmlu&into=imagenet-1k")
	if preview.Status != http.StatusOK || !strings.Contains(preview.Body, `id="merge-confirm"`) {
		t.Fatalf("preview: %d %s", preview.Status, corrSnippet(preview.Text))
	}
	merge := formWith(hiddenFields(t, preview.Body), "kind", "dataset", "from", corrItoa(int64(mmlu)), "into", corrItoa(int64(imagenet)))
	if !strings.Contains(preview.Body, `name="from" value="`+corrItoa(int64(mmlu))+`"`) {
		t.Errorf("the preview's form does not carry the ids")
	}
	p = mod.post("/mod/merge", merge)
	if p.Status != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", p.Status, corrSnippet(p.Text))
	}
	var id int64
	site.db.Raw(`SELECT id FROM merges ORDER BY id DESC LIMIT 1`).Scan(&id)
	names := mod.get("/mod/names")
	if p := mod.post("/mod/merges/"+corrItoa(id)+"/undo", hiddenFields(t, names.Body)); p.Status != http.StatusSeeOther {
		t.Fatalf("undo: %d %s", p.Status, corrSnippet(p.Text))
	}
	if site.resultsChecksum() != before {
		t.Error("undo did not give the results back as they were")
	}
	if p := mod.post("/mod/merges/"+corrItoa(id)+"/undo", hiddenFields(t, names.Body)); p.Status != http.StatusConflict || !strings.Contains(p.Text, "undone already") {
		t.Errorf("a second undo: %d %s", p.Status, corrSnippet(p.Text))
	}
}
