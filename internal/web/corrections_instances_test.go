package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// TestTwoInstances runs two app instances, each with its own pool, on two
// ports over one database: a suggestion sent to one is approved by a
// moderator logged in on the other, and both show the new value and the
// history row at once. A form served by one instance is accepted by the
// other (shared signing key), and the session works on both.
func TestTwoInstances(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	id := site.resultID("imagenet-1k", beit)

	dbB, err := database.Open(context.Background(), site.dsn, 4)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { database.Close(dbB) })
	a := listen(t, site.app)
	b := listen(t, corrApp(t, store.New(dbB, nil), web.Options{SubmitPerHour: 1000}))

	// Warm both boards' caches, so that the check below proves the
	// data-version bump reaches the other instance's cache.
	for _, base := range []string{a, b} {
		if p := corrHTTPClient(t, base).get("/datasets/imagenet-1k"); p.Status != 200 {
			t.Fatalf("%s: %d", base, p.Status)
		}
	}

	// The form is served by A and sent to B: the CSRF token and the
	// signed timestamp are checked with the key both share.
	anon := corrHTTPClient(t, a)
	path := "/results/" + corrItoa(id) + "/correct"
	form := anon.formFields(path)
	if anon.cookies["csrf_"] == "" {
		t.Fatal("A set no CSRF cookie")
	}
	anon.base = b
	p := anon.post(path, formWith(form, "value", "92.75", "source_url", "https://arxiv.org/abs/2106.08254",
		"setting", "224 px; pre-train 22k, fine-tune 1k", "extra_data", "yes"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("form from A sent to B: %d %s", p.Status, corrSnippet(p.Text))
	}
	status := p.Header.Get("Location")
	subID := site.submissionID(status)

	mod := corrHTTPClient(t, b)
	mod.login("mod@example.org", pw)
	review := mod.get("/mod/submissions/" + corrItoa(subID))
	if review.Status != 200 || !strings.Contains(review.Text, "92.75") {
		t.Fatalf("review on B: %d", review.Status)
	}
	// The session made on B is good on A.
	mod.base = a
	if q := mod.get("/mod/queue"); q.Status != 200 || !strings.Contains(q.Text, "Moderator mod") {
		t.Fatalf("B's session on A: %d", q.Status)
	}
	mod.base = b
	if p := mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusSeeOther {
		t.Fatalf("approve on B: %d %s", p.Status, corrSnippet(p.Text))
	}
	for _, base := range []string{a, b} {
		c := corrHTTPClient(t, base)
		// B wrote, so its next read must show the change. A hears of it
		// through LISTEN/NOTIFY, which arrives within milliseconds on a
		// quiet machine but may take longer on a loaded one: A gets a few
		// seconds, B none.
		wait := time.Duration(0)
		if base == a {
			wait = 10 * time.Second
		}
		deadline := time.Now().Add(wait)
		for {
			board := c.get("/datasets/imagenet-1k")
			if strings.Contains(board.Text, ">92.75<") {
				break
			}
			if time.Now().After(deadline) {
				t.Errorf("%s: the leaderboard does not show 92.75 (waited %s for the notification)", base, wait)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		res := c.get("/results/" + corrItoa(id))
		if !strings.Contains(res.Text, "<ins>92.75</ins>") || !strings.Contains(res.Text, "by Moderator mod") {
			t.Errorf("%s: the history lacks the approved change", base)
		}
		if st := c.get(status[strings.Index(status, "/submissions/"):]); !strings.Contains(st.Text, "approved") {
			t.Errorf("%s: the status page does not say approved", base)
		}
	}
}
