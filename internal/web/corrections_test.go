package web_test

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/web"
)

const beit = "BEiT-L"

// TestCorrectionValidation sends one bad field at a time: each answer is a
// 422 with the message beside that field and the user's input kept.
func TestCorrectionValidation(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	id := site.resultID("imagenet-1k", beit)
	long := strings.Repeat("x", 301)
	cases := []struct {
		name  string
		kv    []string
		field string // "" for the form as a whole
		msg   string
		kept  string // the input, as it must appear again in the page
	}{
		{"not a number", []string{"value", "abc"}, "value", "This is not a number", `value="abc"`},
		{"NaN", []string{"value", "NaN"}, "value", "This is not a number", `value="NaN"`},
		{"Inf", []string{"value", "Inf"}, "value", "This is not a number", `value="Inf"`},
		{"-Infinity", []string{"value", "-Infinity"}, "value", "This is not a number", `value="-Infinity"`},
		{"1e999", []string{"value", "1e999"}, "value", "too large", `value="1e999"`},
		{"1e300 is out of range", []string{"value", "1e300"}, "value", "out of range", `value="1e300"`},
		{"hex float", []string{"value", "0x1p3"}, "value", "This is not a number", `value="0x1p3"`},
		{"decimal comma", []string{"value", "85,2"}, "value", "decimal point", `value="85,2"`},
		{"empty value", []string{"value", ""}, "value", "Enter a number", ``},
		{"long number", []string{"value", strings.Repeat("9", 41)}, "value", "too long to be a number", strings.Repeat("9", 41)},
		{"negative ±", []string{"value", "88.6", "plus_minus", "-0.1"}, "plus_minus", "zero or more", `value="-0.1"`},
		{"± NaN", []string{"value", "88.6", "plus_minus", "nan"}, "plus_minus", "This is not a number", `value="nan"`},
		{"new number without source", []string{"value", "85.2", "source_url", ""}, "source_url", "A new number needs a source", `value="85.2"`},
		{"javascript URL", []string{"value", "85.2", "source_url", "javascript:alert(1)"}, "source_url", "https://", `value="javascript:alert(1)"`},
		{"ftp URL", []string{"value", "85.2", "source_url", "ftp://example.org/x"}, "source_url", "https://", `value="ftp://example.org/x"`},
		{"relative URL", []string{"value", "85.2", "source_url", "/papers/x"}, "source_url", "https://", `value="/papers/x"`},
		{"long setting", []string{"value", "88.6", "setting", long}, "setting", "at most 300", long},
		// NUL and bytes that are not UTF-8 are refused before any form is
		// read (TestBadBytesEverywhere); other control characters here.
		{"control character", []string{"value", "88.6", "setting", "fine\x01tuned"}, "setting", "control characters", ""},
		{"long note", []string{"value", "85.2", "note", strings.Repeat("n", 2001)}, "note", "at most 2000", strings.Repeat("n", 2001)},
		{"odd checkbox", []string{"value", "85.2", "extra_data", "maybe"}, "extra_data", "ticked or not", `value="85.2"`},
		{"nothing changed", nil, "", "Nothing was changed", ``},
		{"a changed number needs a source", []string{"value", "85.2", "source_url", ""}, "source_url", "A new number needs a source", `value="85.2"`},
	}
	before := site.resultsChecksum()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := site.client().suggestCorrection(id, tc.kv...)
			if p.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %s", p.Status, corrSnippet(p.Text))
			}
			if !strings.Contains(p.Text, tc.msg) {
				t.Errorf("no message %q in the page: %s", tc.msg, corrSnippet(p.Text))
			}
			if tc.field != "" && !strings.Contains(p.Body, `id="`+tc.field+`-error"`) {
				t.Errorf("the message is not beside the field %s", tc.field)
			}
			if tc.field != "" && !strings.Contains(p.Body, `aria-invalid="true" aria-describedby="`+tc.field+`-error"`) {
				t.Errorf("the field %s is not marked invalid", tc.field)
			}
			if tc.kept != "" && !strings.Contains(p.Text, tc.kept) {
				t.Errorf("the input %.40q was not kept", tc.kept)
			}
		})
	}
	if site.count(`SELECT count(*) FROM submissions`) != 0 {
		t.Error("an invalid form stored a submission")
	}
	if site.resultsChecksum() != before {
		t.Error("results changed")
	}
}

func TestFlagAndAddValidation(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	id := site.resultID("imagenet-1k", beit)
	flag := "/results/" + strconv.FormatInt(id, 10) + "/flag"
	add := "/datasets/imagenet-1k/suggest"
	good := []string{"method", "My Net", "metric", "top-1-accuracy", "value", "90.1", "source_url", "https://arxiv.org/abs/2401.00001"}
	cases := []struct {
		name, path string
		kv         []string
		field, msg string
	}{
		{"flag without reason", flag, []string{"note", "it is listed twice"}, "reason", "Choose what is wrong"},
		{"flag unknown reason", flag, []string{"reason", "boring", "note", "it is listed twice"}, "reason", "Choose what is wrong"},
		{"flag short note", flag, []string{"reason", "wrong", "note", "bad"}, "note", "at least 10 characters"},
		{"flag long note", flag, []string{"reason", "wrong", "note", strings.Repeat("x", 2001)}, "note", "at most 2000"},
		{"add without method", add, append(good, "method", "   "), "method", "Name the method"},
		{"add long method", add, append(good, "method", strings.Repeat("m", 301)), "method", "at most 300"},
		{"add unknown metric", add, append(good, "metric", "bogus"), "metric", "Choose one of this leaderboard's metrics"},
		{"add another dataset's metric", add, append(good, "metric", "accuracy"), "metric", "Choose one of this leaderboard's metrics"},
		{"add Inf value", add, append(good, "value", "+Inf"), "value", "This is not a number"},
		{"add without source", add, append(good, "source_url", ""), "source_url", "A result needs a source"},
		{"add bad source", add, append(good, "source_url", "https//missing-colon"), "source_url", "https://"},
		{"add long reported in", add, append(good, "reported_in", strings.Repeat("r", 501)), "reported_in", "at most 500"},
		{"add unreadable params", add, append(good, "params", "big"), "params", "Write the parameter count"},
		{"add zero params", add, append(good, "params", "0"), "params", "Write the parameter count"},
		{"add long params", add, append(good, "params", strings.Repeat("9", 101)), "params", "at most 100"},
		{"add year without paper", add, append(good, "paper_year", "2024"), "paper_year", "give the paper's title too"},
		{"add bad year", add, append(good, "paper_title", "My Paper", "paper_year", "24"), "paper_year", "Write the year the paper appeared"},
		{"add future year", add, append(good, "paper_title", "My Paper", "paper_year", "2999"), "paper_year", "Write the year the paper appeared"},
		{"add long paper title", add, append(good, "paper_title", strings.Repeat("t", 1001)), "paper_title", "at most 1000"},
		{"add bad code URL", add, append(good, "code_url", "javascript:alert(1)"), "code_url", "https://"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := site.client()
			v := c.formFields(tc.path)
			p := c.post(tc.path, formWith(v, tc.kv...))
			if p.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %s", p.Status, corrSnippet(p.Text))
			}
			if !strings.Contains(p.Text, tc.msg) || !strings.Contains(p.Body, `id="`+tc.field+`-error"`) {
				t.Errorf("no message %q beside %s: %s", tc.msg, tc.field, corrSnippet(p.Text))
			}
		})
	}
	if n := site.count(`SELECT count(*) FROM submissions`); n != 0 {
		t.Errorf("%d submissions stored from invalid forms", n)
	}
}

// TestCSRF: a form sent without its token, with a token that does not
// match the cookie, or with a forged token, is a 403 page.
func TestCSRF(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	id := site.resultID("imagenet-1k", beit)
	path := "/results/" + strconv.FormatInt(id, 10) + "/correct"
	form := []string{"value", "85.2", "source_url", "https://arxiv.org/abs/2106.08254"}

	c := site.client()
	v := c.formFields(path)
	noToken := formWith(v, form...)
	noToken.Del("_csrf")
	other := site.client()
	otherToken := other.formFields(path).Get("_csrf")
	forged := "00112233445566778899aabbccddeeff.9999999999.00112233445566778899aabbccddeeff"
	for name, p := range map[string]corrPage{
		"no token":             c.post(path, noToken),
		"another's token":      c.post(path, formWith(v, append(form, "_csrf", otherToken)...)),
		"no cookie":            site.client().post(path, formWith(v, form...)),
		"forged token, cookie": forgedCookie(site, path, forged, formWith(v, append(form, "_csrf", forged)...)),
		"JSON body":            c.send(http.MethodPost, path, "application/json", strings.NewReader(`{"value":"85.2"}`)),
		"logout without token": site.client().post("/logout", url.Values{}),
	} {
		if p.Status != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403: %s", name, p.Status, corrSnippet(p.Text))
		}
		if !strings.Contains(p.Text, "security token") {
			t.Errorf("%s: the 403 page does not say why", name)
		}
	}
	if site.count(`SELECT count(*) FROM submissions`) != 0 {
		t.Error("a form without a valid token stored a submission")
	}
	// The same form with its token goes through.
	if p := c.post(path, formWith(v, form...)); p.Status != http.StatusSeeOther {
		t.Fatalf("with the token: %d: %s", p.Status, corrSnippet(p.Text))
	}
}

func forgedCookie(site *corrSite, path, token string, v url.Values) corrPage {
	c := site.client()
	c.cookies["csrf_"] = token
	return c.post(path, v)
}

// TestSubmitRateLimit: the (limit+1)th suggestion from one address within
// the hour is a 429 that says when to try again.
func TestSubmitRateLimit(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 3})
	id := site.resultID("imagenet-1k", beit)
	c := site.client()
	for i := 0; i < 3; i++ {
		if p := c.suggestCorrection(id, "value", "85."+strconv.Itoa(i)); p.Status != http.StatusSeeOther {
			t.Fatalf("suggestion %d: %d: %s", i+1, p.Status, corrSnippet(p.Text))
		}
	}
	p := c.suggestCorrection(id, "value", "85.9")
	if p.Status != http.StatusTooManyRequests {
		t.Fatalf("4th suggestion: %d, want 429", p.Status)
	}
	retry, err := strconv.Atoi(p.Header.Get("Retry-After"))
	if err != nil || retry < 1 || retry > 3600 {
		t.Errorf("Retry-After %q, want 1…3600 seconds", p.Header.Get("Retry-After"))
	}
	if !strings.Contains(p.Text, "more than 3 suggestions") || !strings.Contains(p.Text, "try again in") {
		t.Errorf("the 429 page does not say what happened and when to retry: %s", corrSnippet(p.Text))
	}
	// Another instance shares the budget: the limit lives in Postgres.
	other := &corrSite{t: t, db: site.db, st: site.st, app: corrApp(t, site.st, web.Options{SubmitPerHour: 3})}
	if p := other.client().suggestCorrection(id, "value", "85.9"); p.Status != http.StatusTooManyRequests {
		t.Errorf("on a second instance: %d, want 429", p.Status)
	}
	if n := site.count(`SELECT count(*) FROM submissions`); n != 3 {
		t.Errorf("%d submissions stored, want 3", n)
	}
}

// TestBotGuards: a filled honeypot or a forged timestamp is a 400; a form
// sent faster than a person types is shown again (422).
func TestBotGuards(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000, MinFillTime: time.Hour})
	id := site.resultID("imagenet-1k", beit)
	path := "/results/" + strconv.FormatInt(id, 10) + "/correct"
	c := site.client()
	v := formWith(c.formFields(path), "value", "85.2", "source_url", "https://arxiv.org/abs/2106.08254")
	if p := c.post(path, formWith(v, "website", "http://spam.example")); p.Status != http.StatusBadRequest || !strings.Contains(p.Text, "leave this empty") {
		t.Errorf("honeypot: %d %s", p.Status, corrSnippet(p.Text))
	}
	if p := c.post(path, formWith(v, "_ts", "1700000000000.deadbeef")); p.Status != http.StatusBadRequest || !strings.Contains(p.Text, "time it was served") {
		t.Errorf("forged timestamp: %d %s", p.Status, corrSnippet(p.Text))
	}
	noTS := formWith(v)
	noTS.Del("_ts")
	if p := c.post(path, noTS); p.Status != http.StatusBadRequest {
		t.Errorf("no timestamp: %d", p.Status)
	}
	p := c.post(path, v)
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text, "faster than a person types") {
		t.Errorf("too fast: %d %s", p.Status, corrSnippet(p.Text))
	}
	if !strings.Contains(p.Text, `value="85.2"`) {
		t.Error("too fast: the input was not kept")
	}
	if n := site.count(`SELECT count(*) FROM submissions`); n != 0 {
		t.Errorf("%d submissions stored by bots", n)
	}
}

// TestCorrectionWorkflow: a suggestion changes nothing until a moderator
// approves it; then the leaderboard, the result's history, the feed and
// the submitter's status page show it.
func TestCorrectionWorkflow(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	id := site.resultID("imagenet-1k", beit)
	anon := site.client()

	p := anon.suggestCorrection(id, "value", "91.25", "note", "Table 9 reports 91.25", "source_url", "https://arxiv.org/abs/2106.08254")
	status := p.Header.Get("Location")
	p = anon.follow(p)
	if p.Status != http.StatusOK || !strings.Contains(p.Text, "waiting for a moderator") || !strings.Contains(p.Text, "91.25") {
		t.Fatalf("status page: %d %s", p.Status, corrSnippet(p.Text))
	}
	if !strings.Contains(p.Text, "Thank you") {
		t.Error("no flash message after the redirect")
	}
	if board := anon.get("/datasets/imagenet-1k"); strings.Contains(board.Text, "91.25") {
		t.Fatal("the leaderboard shows a number nobody approved")
	}
	if anon.get("/mod/queue").Status != http.StatusSeeOther {
		t.Error("the queue is open to anonymous visitors")
	}

	mod := site.client()
	mod.login("mod@example.org", pw)
	queue := mod.get("/mod/queue")
	subID := site.submissionID(status)
	if !strings.Contains(queue.Text, "/mod/submissions/"+corrItoa(subID)) || !strings.Contains(queue.Text, "Queue (1)") {
		t.Fatalf("the queue does not list the suggestion: %s", corrSnippet(queue.Text))
	}
	review := mod.get("/mod/submissions/" + corrItoa(subID))
	for _, want := range []string{"86.00", "91.25", `class="changed"`, "Table 9 reports 91.25", "https://arxiv.org/abs/2106.08254", "Approve"} {
		if !strings.Contains(review.Text, want) {
			t.Errorf("the diff view lacks %q", want)
		}
	}
	versionBefore := site.count(`SELECT data_version FROM datasets WHERE slug = 'imagenet-1k'`)
	p = mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", formWith(hiddenFields(t, review.Body), "comment", "checked Table 9"))
	p = mod.follow(p)
	if !strings.Contains(p.Text, "Approved suggestion") {
		t.Errorf("no flash after approving: %s", corrSnippet(p.Text))
	}
	if site.count(`SELECT data_version FROM datasets WHERE slug = 'imagenet-1k'`) != versionBefore+1 {
		t.Error("approving did not bump the dataset's data version")
	}
	site.checkBoards("an approved correction")
	if board := anon.get("/datasets/imagenet-1k"); !strings.Contains(board.Text, ">91.25<") {
		t.Error("the leaderboard does not show the approved number")
	}
	res := anon.get("/results/" + corrItoa(id))
	if strings.Contains(res.Text, "mod@example.org") {
		t.Error("the public history shows the moderator's email")
	}
	for _, want := range []string{"correction", "by Moderator mod", "value: <del>86</del> → <ins>91.25</ins>", "checked Table 9"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("the result's history lacks %q", want)
		}
	}
	if strings.Contains(res.Text, "Revert to this") {
		t.Error("an anonymous visitor sees revert buttons")
	}
	// The source moved from the GitHub README to arXiv: its label follows.
	if !strings.Contains(res.Text, `<dt>Source</dt><dd><a href="https://arxiv.org/abs/2106.08254" rel="noopener nofollow">arXiv 2106.08254</a></dd>`) {
		t.Errorf("the source label does not follow the corrected URL: %s", corrSnippet(res.Text[strings.Index(res.Text, "<dt>Source"):]))
	}
	st := anon.get(status[strings.Index(status, "/submissions/"):])
	if !strings.Contains(st.Text, "approved") || !strings.Contains(st.Text, "checked Table 9") {
		t.Errorf("the status page does not show the decision: %s", corrSnippet(st.Text))
	}
	feed := anon.get("/changes.atom")
	if feed.Status != 200 || !strings.HasPrefix(feed.Header.Get("Content-Type"), "application/atom+xml") ||
		!strings.Contains(feed.Text, "correction: BEiT-L on ImageNet-1k") {
		t.Errorf("the feed lacks the change: %d %s", feed.Status, corrSnippet(feed.Text))
	}
	if p := mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusConflict ||
		!strings.Contains(p.Text, "approved already by mod@example.org") {
		t.Errorf("approving twice: %d %s", p.Status, corrSnippet(p.Text))
	}
}

// TestConcurrentApprovals: two moderators approve the same suggestion at
// the same moment: exactly one succeeds, the other gets a 409, and the
// change is applied once.
func TestConcurrentApprovals(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	id := site.resultID("imagenet-1k", beit)
	if p := site.client().suggestCorrection(id, "value", "89.5"); p.Status != http.StatusSeeOther {
		t.Fatal(p.Status)
	}
	var subID int64
	site.db.Raw(`SELECT id FROM submissions`).Scan(&subID)
	revs := site.count(`SELECT count(*) FROM revisions WHERE result_id = $1`, id)
	for round := 0; round < 5; round++ {
		if round > 0 {
			// Reopen the suggestion against the result's new version.
			site.db.Exec(`UPDATE submissions SET status = 'pending', decided_at = NULL, decided_by = NULL,
				base_version = (SELECT version FROM results WHERE id = $1),
				before = jsonb_set(before, '{value}', to_jsonb((SELECT score FROM results WHERE id = $1))),
				after = jsonb_set(jsonb_set(after, '{value}', to_jsonb($2::float8)), '{value_text}', to_jsonb($2::text))
				WHERE id = $3`, id, 89.5+float64(round), subID)
		}
		var mods [2]*corrClient
		var fields [2]url.Values
		for i := range mods {
			email := "mod" + strconv.Itoa(round) + strconv.Itoa(i) + "@example.org"
			mods[i] = site.client()
			mods[i].login(email, site.moderator(email))
			fields[i] = hiddenFields(t, mods[i].get("/mod/submissions/"+corrItoa(subID)).Body)
		}
		var wg sync.WaitGroup
		var statuses [2]int
		start := make(chan struct{})
		for i := range mods {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				statuses[i] = mods[i].post("/mod/submissions/"+corrItoa(subID)+"/approve", fields[i]).Status
			}()
		}
		close(start)
		wg.Wait()
		ok, conflict := 0, 0
		for _, s := range statuses {
			switch s {
			case http.StatusSeeOther:
				ok++
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 1 {
			t.Fatalf("round %d: statuses %v, want one 303 and one 409", round, statuses)
		}
		if got := site.count(`SELECT count(*) FROM revisions WHERE result_id = $1`, id); got != revs+round+1 {
			t.Fatalf("round %d: %d revisions, want %d: the change was applied twice", round, got, revs+round+1)
		}
	}
}

// TestStaleSuggestion: two suggestions against the same version of a
// result; after the first is approved, the second gets a 409 that says
// what changed, and nothing is overwritten.
func TestStaleSuggestion(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	id := site.resultID("imagenet-1k", beit)
	a := site.client().suggestCorrection(id, "value", "90.1")
	b := site.client().suggestCorrection(id, "value", "87.3", "setting", "224 px")
	first, second := site.submissionID(a.Header.Get("Location")), site.submissionID(b.Header.Get("Location"))
	mod := site.client()
	mod.login("mod@example.org", pw)
	v := hiddenFields(t, mod.get("/mod/submissions/"+corrItoa(first)).Body)
	if p := mod.post("/mod/submissions/"+corrItoa(first)+"/approve", v); p.Status != http.StatusSeeOther {
		t.Fatalf("first approval: %d %s", p.Status, corrSnippet(p.Text))
	}
	review := mod.get("/mod/submissions/" + corrItoa(second))
	if !strings.Contains(review.Text, "changed after this suggestion was made") {
		t.Error("the diff view does not warn that the result moved on")
	}
	p := mod.post("/mod/submissions/"+corrItoa(second)+"/approve", v)
	if p.Status != http.StatusConflict {
		t.Fatalf("second approval: %d, want 409", p.Status)
	}
	for _, want := range []string{"changed after", "version 1, now 2", "correction by mod@example.org", "What changed: value 86.00 → 90.10.", "Nothing was applied"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("the 409 page lacks %q: %s", want, corrSnippet(p.Text))
		}
	}
	var value float64
	site.db.Raw(`SELECT value FROM results WHERE id = $1`, id).Scan(&value)
	if value != 90.1 {
		t.Errorf("value %v, want 90.1: the stale suggestion overwrote it", value)
	}
	if site.count(`SELECT count(*) FROM submissions WHERE status = 'pending'`) != 1 {
		t.Error("the stale suggestion is no longer pending after its failed approval")
	}
	// Rejecting it works and says nothing changed.
	if p := mod.post("/mod/submissions/"+corrItoa(second)+"/reject", formWith(v, "comment", "superseded")); p.Status != http.StatusSeeOther {
		t.Errorf("reject: %d", p.Status)
	}
}

// TestFlagRetiresAndRevertRestores: an approved flag retires a result
// (kept on its page with history); a moderator's revert brings it back,
// as a new revision; a revert based on an old version is a 409.
func TestFlagRetiresAndRevertRestores(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	id := site.resultID("imagenet-1k", beit)
	anon := site.client()
	path := "/results/" + corrItoa(id) + "/flag"
	p := anon.post(path, formWith(anon.formFields(path), "reason", "duplicate", "note", "Same number as the BEiT paper's other row"))
	subID := site.submissionID(p.Header.Get("Location"))
	mod := site.client()
	mod.login("mod@example.org", pw)
	review := mod.get("/mod/submissions/" + corrItoa(subID))
	if !strings.Contains(review.Text, "It duplicates another result") || !strings.Contains(review.Text, "retires the result") {
		t.Errorf("the review page does not explain the flag: %s", corrSnippet(review.Text))
	}
	if p := mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusSeeOther {
		t.Fatalf("approve flag: %d %s", p.Status, corrSnippet(p.Text))
	}
	site.checkBoards("an approved flag (a retirement)")
	if board := anon.get("/datasets/imagenet-1k"); strings.Contains(board.Text, `href="/results/`+corrItoa(id)+`"`) {
		t.Error("the retired result is still on the leaderboard")
	}
	res := mod.get("/results/" + corrItoa(id))
	if res.Status != 200 || !strings.Contains(res.Text, "was retired") || !strings.Contains(res.Text, "retire") {
		t.Fatalf("the retired result's page: %d %s", res.Status, corrSnippet(res.Text))
	}
	if site.count(`SELECT count(*) FROM results WHERE id = $1`, id) != 1 {
		t.Fatal("the result was deleted")
	}
	var firstRev int64
	site.db.Raw(`SELECT min(id) FROM revisions WHERE result_id = $1`, id).Scan(&firstRev)
	var version int
	site.db.Raw(`SELECT version FROM results WHERE id = $1`, id).Scan(&version)
	v := hiddenFields(t, res.Body)
	stale := mod.post("/results/"+corrItoa(id)+"/revert", formWith(v, "revision", corrItoa(firstRev), "version", strconv.Itoa(version-1)))
	if stale.Status != http.StatusConflict || !strings.Contains(stale.Text, "changed after") {
		t.Errorf("revert from an old version: %d %s", stale.Status, corrSnippet(stale.Text))
	}
	if p := anon.post("/results/"+corrItoa(id)+"/revert", formWith(anon.formFields("/login"), "revision", corrItoa(firstRev), "version", strconv.Itoa(version))); p.Status != http.StatusForbidden {
		t.Errorf("anonymous revert: %d, want 403", p.Status)
	}
	p = mod.post("/results/"+corrItoa(id)+"/revert", formWith(v, "revision", corrItoa(firstRev), "version", strconv.Itoa(version), "comment", "not a duplicate"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("revert: %d %s", p.Status, corrSnippet(p.Text))
	}
	site.checkBoards("a revert")
	if board := anon.get("/datasets/imagenet-1k"); !strings.Contains(board.Text, `href="/results/`+corrItoa(id)+`"`) {
		t.Error("the reverted result is not back on the leaderboard")
	}
	if site.count(`SELECT count(*) FROM revisions WHERE result_id = $1 AND action = 'revert' AND reason LIKE '%not a duplicate'`, id) != 1 {
		t.Error("the revert wrote no revision")
	}
}

// TestAddResult: a proposed result under an existing method (matched by
// alias, ignoring case) and one under a new method.
func TestAddResult(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	site.db.Exec(`INSERT INTO method_aliases (alias, method_id) SELECT 'BEiT Large', id FROM methods WHERE name = $1`, beit)
	anon := site.client()
	path := "/datasets/imagenet-1k/suggest"
	mod := site.client()
	mod.login("mod@example.org", pw)
	for _, tc := range []struct{ typed, want string }{{"  beit   large ", beit}, {"Brand New Net", "Brand New Net"}} {
		p := anon.post(path, formWith(anon.formFields(path), "method", tc.typed, "metric", "top-1-accuracy", "value", "77.7",
			"setting", "from scratch", "source_url", "https://arxiv.org/abs/2401.00001"))
		if p.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", tc.typed, p.Status, corrSnippet(p.Text))
		}
		subID := site.submissionID(p.Header.Get("Location"))
		review := mod.get("/mod/submissions/" + corrItoa(subID))
		if tc.want == beit && !strings.Contains(review.Text, "matches the existing") {
			t.Errorf("%s: the review does not say the method matches %s", tc.typed, beit)
		}
		if p := mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusSeeOther {
			t.Fatalf("approve %s: %d %s", tc.typed, p.Status, corrSnippet(p.Text))
		}
		n := site.count(`SELECT count(*) FROM results r JOIN methods me ON me.id = r.method_id
			JOIN revisions v ON v.result_id = r.id AND v.action = 'add' WHERE me.name = $1 AND r.value = 77.7`, tc.want)
		if n != 1 {
			t.Errorf("%s: %d new results under %s with an add revision, want 1", tc.typed, n, tc.want)
		}
		site.checkBoards("an approved addition")
	}
	if site.count(`SELECT count(*) FROM methods WHERE lower(name) LIKE '%beit%large%'`) != 0 {
		t.Error("a method was made for an alias")
	}
	if board := anon.get("/datasets/imagenet-1k"); !strings.Contains(board.Text, "Brand New Net") {
		t.Error("the new method's result is not on the leaderboard")
	}
}

// TestAddResultWithPaper: a proposed result with its size, paper, year and
// code reaches the board's Params, Paper and Code columns and its size and
// time charts once approved; the moderator sees each of those fields.
func TestAddResultWithPaper(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	anon := site.client()
	mod := site.client()
	mod.login("mod@example.org", pw)
	path := "/datasets/imagenet-1k/suggest"
	if board := anon.get("/datasets/imagenet-1k"); strings.Contains(board.Body, ">Code<") {
		t.Fatal("ImageNet-1k shows a Code column before any result has a code link")
	}
	if papers := anon.get("/papers"); papers.Status != 200 { // kept, until the approval below
		t.Fatalf("/papers: %d", papers.Status)
	}
	p := anon.post(path, formWith(anon.formFields(path), "method", "Sizeable Net", "metric", "top-1-accuracy", "value", "91.9",
		"source_url", "https://arxiv.org/abs/2401.00002", "params", "1.2B", "paper_title", "Sizeable Nets for Person Search",
		"paper_year", "2024", "code_url", "https://github.com/example/sizeable"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("suggest: %d %s", p.Status, corrSnippet(p.Text))
	}
	subID := site.submissionID(p.Header.Get("Location"))
	review := mod.get("/mod/submissions/" + corrItoa(subID))
	for _, want := range []string{"1.2B", "Sizeable Nets for Person Search", "2024", "https://github.com/example/sizeable"} {
		if !strings.Contains(review.Text, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
	if p := mod.post("/mod/submissions/"+corrItoa(subID)+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", p.Status, corrSnippet(p.Text))
	}
	board := anon.get("/datasets/imagenet-1k")
	for _, want := range []string{">1.2B<", ">Code<", `<a href="https://github.com/example/sizeable" rel="noopener nofollow"`,
		`title="Sizeable Nets for Person Search">Sizeable Nets for Person Search</a> <span class="year">(2024)</span>`} {
		if !strings.Contains(board.Body, want) {
			t.Errorf("the board lacks %q", want)
		}
	}
	if papers := anon.get("/papers"); !strings.Contains(papers.Text, "Sizeable Nets for Person Search") {
		t.Error("the papers page does not list the approved result's paper")
	}
	charts := anon.get("/datasets/imagenet-1k/charts.json")
	var doc struct {
		Charts []struct {
			ID      string `json:"id"`
			OK      bool   `json:"ok"`
			Options struct {
				Series []struct {
					Data []struct {
						Method string `json:"method"`
					} `json:"data"`
				} `json:"series"`
			} `json:"options"`
		} `json:"charts"`
	}
	if err := json.Unmarshal([]byte(charts.Body), &doc); err != nil {
		t.Fatal(err)
	}
	on := map[string]bool{}
	for _, c := range doc.Charts {
		for _, s := range c.Options.Series {
			for _, d := range s.Data {
				if d.Method == "Sizeable Net" {
					on[c.ID] = true
				}
			}
		}
	}
	for _, id := range []string{"chart-best", "chart-params", "chart-top"} {
		if !on[id] {
			t.Errorf("the approved result is not on %s", id)
		}
	}
}

// TestModeratorSessions: login makes a new session id, logout ends the
// session in the database, a disabled moderator is logged out at the next
// request, wrong passwords are a 422 and too many attempts a 429.
func TestModeratorSessions(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.cookies["session_"] = strings.Repeat("ab", 32) // planted by someone else
	c.login("mod@example.org", pw)
	sid := c.cookies["session_"]
	if sid == "" || sid == strings.Repeat("ab", 32) {
		t.Fatalf("login kept the session id it was given: %q", sid)
	}
	if p := c.get("/mod/queue"); p.Status != 200 || !strings.Contains(p.Text, "Moderator mod") {
		t.Fatalf("queue after login: %d", p.Status)
	}
	// Logout ends the session server-side: the old cookie opens nothing.
	c.post("/logout", hiddenFields(t, c.get("/mod/queue").Body))
	replay := site.client()
	replay.cookies["session_"] = sid
	if p := replay.get("/mod/queue"); p.Status != http.StatusSeeOther {
		t.Errorf("a logged-out session still opens the queue: %d", p.Status)
	}
	if site.count(`SELECT count(*) FROM sessions`) != 0 {
		t.Error("logout left the session in the database")
	}

	c.login("mod@example.org", pw)
	if _, err := site.st.DisableUser(t.Context(), "MOD@example.org"); err != nil {
		t.Fatal(err)
	}
	if p := c.get("/mod/queue"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login") {
		t.Errorf("a disabled moderator still opens the queue: %d", p.Status)
	}
	bad := site.client()
	if p := bad.post("/login", formWith(bad.formFields("/login"), "email", "mod@example.org", "password", pw)); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("a disabled moderator can log in: %d", p.Status)
	}

	pw2 := site.moderator("other@example.org")
	v := bad.formFields("/login")
	var last corrPage
	for i := 0; i < 12; i++ {
		last = bad.post("/login", formWith(v, "email", "other@example.org", "password", "wrong password "+strconv.Itoa(i)))
		if last.Status == http.StatusTooManyRequests {
			break
		}
		if last.Status != http.StatusUnprocessableEntity || !strings.Contains(last.Text, "email or the password is wrong") {
			t.Fatalf("wrong password: %d %s", last.Status, corrSnippet(last.Text))
		}
	}
	if last.Status != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Errorf("no 429 after many wrong passwords: %d", last.Status)
	}
	if p := bad.post("/login", formWith(v, "email", "other@example.org", "password", pw2)); p.Status != http.StatusTooManyRequests {
		t.Errorf("the right password right after the limit: %d, want 429", p.Status)
	}
	if p := bad.post("/login", formWith(v, "next", "//evil.example/", "email", "x@example.org", "password", "")); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("empty password: %d", p.Status)
	}
}

// TestQueueFilterAndFeed: the queue filters by dataset; the Atom feed is
// well-formed and lists revisions newest first.
func TestQueueFilterAndFeed(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	anon := site.client()
	anon.suggestCorrection(site.resultID("imagenet-1k", beit), "value", "90.5")
	var other int64
	site.db.Raw(`SELECT r.id FROM results r JOIN datasets d ON d.id = r.dataset_id WHERE d.slug <> 'imagenet-1k' ORDER BY r.id LIMIT 1`).Scan(&other)
	var otherSlug string
	site.db.Raw(`SELECT d.slug FROM results r JOIN datasets d ON d.id = r.dataset_id WHERE r.id = $1`, other).Scan(&otherSlug)
	path := "/results/" + corrItoa(other) + "/flag"
	if p := anon.post(path, formWith(anon.formFields(path), "reason", "not-comparable", "note", "uses a different split")); p.Status != http.StatusSeeOther {
		t.Fatalf("flag: %d", p.Status)
	}
	mod := site.client()
	mod.login("mod@example.org", pw)
	all := mod.get("/mod/queue")
	if strings.Count(all.Body, `class="button" href="/mod/submissions/`) != 2 {
		t.Errorf("the queue lists %d, want 2", strings.Count(all.Body, `href="/mod/submissions/`))
	}
	one := mod.get("/mod/queue?dataset=" + otherSlug)
	if strings.Count(one.Body, `class="button" href="/mod/submissions/`) != 1 || !strings.Contains(one.Text, "flag") {
		t.Errorf("the filtered queue: %s", corrSnippet(one.Text))
	}
	if p := mod.get("/mod/queue?dataset=%3Cx%3E"); p.Status != http.StatusBadRequest {
		t.Errorf("bad dataset parameter: %d", p.Status)
	}
	if p := mod.get("/mod/queue?dataset=no-such-dataset"); p.Status != http.StatusNotFound {
		t.Errorf("unknown dataset: %d", p.Status)
	}

	feed := anon.get("/changes.atom")
	var doc struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(feed.Body), &doc); err != nil {
		t.Fatalf("the feed is not Atom XML: %v", err)
	}
	if len(doc.Entries) != 100 || !strings.Contains(doc.Entries[0].Link.Href, "/results/") || doc.Entries[0].ID == doc.Entries[1].ID {
		t.Errorf("feed entries: %d, first %+v", len(doc.Entries), doc.Entries[0])
	}
}
