package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// TestProxiedSubmissionLimit: behind a trusted proxy, a client cannot
// escape the per-address limit by writing its own X-Forwarded-For
// entries, and what is not an IP address never becomes a limit key.
func TestProxiedSubmissionLimit(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 5, TrustedProxies: []string{"0.0.0.0", "10.0.0.0/8"}})
	id := site.resultID("imagenet-1k", beit)
	c := site.client()
	accepted := 0
	for i := 0; i < 8; i++ {
		// What the probe sent: a fresh spoofed entry each time, then the
		// address the proxy saw.
		c.header = http.Header{"X-Forwarded-For": {"10.9." + strconv.Itoa(i) + "." + strconv.Itoa(i) + ", 203.0.113.8"}}
		switch p := c.suggestCorrection(id, "value", "85."+strconv.Itoa(i)); p.Status {
		case http.StatusSeeOther:
			accepted++
		case http.StatusTooManyRequests:
		default:
			t.Fatalf("suggestion %d: %d %s", i, p.Status, corrSnippet(p.Text))
		}
	}
	if accepted != 5 {
		t.Errorf("%d of 8 suggestions accepted, want 5 (the limit)", accepted)
	}
	for i := 0; i < 3; i++ {
		c.header = http.Header{"X-Forwarded-For": {"not-an-ip-" + strconv.Itoa(i)}}
		c.suggestCorrection(id, "value", "86."+strconv.Itoa(i))
	}
	var keys []string
	site.db.Raw(`SELECT key FROM rate_limits ORDER BY key`).Scan(&keys)
	for _, k := range keys {
		_, addr, _ := strings.Cut(k, ":")
		if _, err := netip.ParseAddr(addr); err != nil {
			t.Errorf("rate-limit key %q does not end in an IP address", k)
		}
	}
	if len(keys) != 2 || keys[0] != "submit:0.0.0.0" || keys[1] != "submit:203.0.113.8" {
		t.Errorf("keys %q, want the proxied client's and the peer's", keys)
	}
}

// TestLoginCannotBeLockedOut: wrong passwords for an account from many
// addresses do not stop its owner, from a fresh address; guessing from
// one address stops after a few tries per account and a few more in all;
// the owner's own typos are forgiven by a correct password.
func TestLoginCannotBeLockedOut(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{TrustedProxies: []string{"0.0.0.0"}})
	pw := site.moderator("owner@example.org")
	site.moderator("other@example.org")
	c := site.client()
	v := c.formFields("/login")
	try := func(from, email, password string) corrPage {
		t.Helper()
		c.header = http.Header{"X-Forwarded-For": {from}}
		return c.post("/login", formWith(v, "email", email, "password", password))
	}
	for i := 0; i < 15; i++ {
		if p := try("198.51.100."+strconv.Itoa(i), "owner@example.org", "guess number "+strconv.Itoa(i)); p.Status != http.StatusUnprocessableEntity {
			t.Fatalf("guess %d: %d", i, p.Status)
		}
	}
	if p := try("203.0.113.50", "owner@example.org", pw); p.Status != http.StatusSeeOther {
		t.Fatalf("the owner after 15 guesses from 15 addresses: %d, want 303: %s", p.Status, corrSnippet(p.Text))
	}
	delete(c.cookies, "session_")
	v = c.formFields("/login")

	// One address, one account: 5 guesses, then 429 saying when to retry.
	for i := 0; i < 5; i++ {
		if p := try("192.0.2.1", "owner@example.org", "wrong "+strconv.Itoa(i)); p.Status != http.StatusUnprocessableEntity {
			t.Fatalf("guess %d from one address: %d", i, p.Status)
		}
	}
	p := try("192.0.2.1", "owner@example.org", "wrong 6")
	if p.Status != http.StatusTooManyRequests || !strings.Contains(p.Text, "for this account from your address") {
		t.Fatalf("6th guess: %d %s", p.Status, corrSnippet(p.Text))
	}
	if retry, _ := strconv.Atoi(p.Header.Get("Retry-After")); retry < 60 || retry > 6*60 {
		t.Errorf("Retry-After %q, want about 6 minutes", p.Header.Get("Retry-After"))
	}
	// ... and it does not touch the owner elsewhere.
	if p := try("203.0.113.51", "owner@example.org", pw); p.Status != http.StatusSeeOther {
		t.Fatalf("the owner from another address: %d", p.Status)
	}
	delete(c.cookies, "session_")
	v = c.formFields("/login")

	// The same address across accounts: 20 attempts in all (6 spent).
	n := 0
	for ; n < 30; n++ {
		if p := try("192.0.2.1", "user"+strconv.Itoa(n)+"@example.org", "wrong"); p.Status == http.StatusTooManyRequests {
			if !strings.Contains(p.Text, "from your address") {
				t.Errorf("the per-address 429 does not say so: %s", corrSnippet(p.Text))
			}
			break
		}
	}
	if n != 20-6 {
		t.Errorf("%d more attempts from one address, want %d", n, 20-6)
	}

	// An IPv6 client cannot take a fresh address from its /64 each time.
	for i := 0; i < 6; i++ {
		p := try("2001:db8:5:6::"+strconv.FormatInt(int64(i+1), 16), "other@example.org", "wrong")
		if want := http.StatusUnprocessableEntity; i == 5 {
			if p.Status != http.StatusTooManyRequests {
				t.Errorf("6th guess from one /64: %d, want 429", p.Status)
			}
		} else if p.Status != want {
			t.Fatalf("guess %d from one /64: %d", i, p.Status)
		}
	}

	// The owner's typos from their own address are forgiven on success.
	for round := 0; round < 2; round++ {
		for i := 0; i < 4; i++ {
			if p := try("203.0.113.60", "owner@example.org", "typo "+strconv.Itoa(i)); p.Status != http.StatusUnprocessableEntity {
				t.Fatalf("round %d, typo %d: %d", round, i, p.Status)
			}
		}
		if p := try("203.0.113.60", "owner@example.org", pw); p.Status != http.StatusSeeOther {
			t.Fatalf("round %d: the owner after 4 typos: %d", round, p.Status)
		}
		delete(c.cookies, "session_")
		v = c.formFields("/login")
	}
}

// TestLoginHashesAreBounded: logins beyond the hash slots wait, and past
// the wait they are answered 503 with Retry-After, never run at once.
func TestLoginHashesAreBounded(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{TrustedProxies: []string{"0.0.0.0"}, HashSlots: 1, HashWait: 150 * time.Millisecond})
	pw := site.moderator("mod@example.org")
	c := site.client()
	v := c.formFields("/login")
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl := site.client()
			cl.cookies = map[string]string{"csrf_": c.cookies["csrf_"]}
			cl.header = http.Header{"X-Forwarded-For": {"198.51.100." + strconv.Itoa(i)}}
			p := cl.post("/login", formWith(v, "email", "mod@example.org", "password", pw))
			mu.Lock()
			statuses[p.Status]++
			mu.Unlock()
			if p.Status == http.StatusServiceUnavailable && p.Header.Get("Retry-After") == "" {
				t.Error("a 503 without Retry-After")
			}
		}()
	}
	wg.Wait()
	if statuses[http.StatusSeeOther] == 0 || statuses[http.StatusServiceUnavailable] == 0 ||
		statuses[http.StatusSeeOther]+statuses[http.StatusServiceUnavailable] != 12 {
		t.Errorf("answers %v: want some logins and some 503s, nothing else", statuses)
	}
}

// TestFormStampIsSingleUse: a suggestion form's _csrf/_ts pair is accepted
// once, on any instance; a form shown again (422) carries a fresh stamp.
func TestFormStampIsSingleUse(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	other := corrApp(t, site.st, web.Options{SubmitPerHour: 1000})
	id := site.resultID("imagenet-1k", beit)
	path := "/results/" + corrItoa(id) + "/correct"
	c := site.client()
	v := formWith(c.formFields(path), "value", "85.2", "source_url", "https://arxiv.org/abs/2106.08254")
	bad := c.post(path, formWith(v, "value", "abc"))
	if bad.Status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid value: %d", bad.Status)
	}
	if p := c.post(path, v); p.Status != http.StatusConflict || !strings.Contains(p.Text, "sent already") {
		t.Errorf("the stamp of a form that came back invalid, again: %d", p.Status)
	}
	v = formWith(v, "_ts", hiddenFields(t, bad.Body).Get("_ts"))
	if p := c.post(path, v); p.Status != http.StatusSeeOther {
		t.Fatalf("the form shown again, corrected: %d %s", p.Status, corrSnippet(p.Text))
	}
	for i := 0; i < 4; i++ {
		if p := c.post(path, v); p.Status != http.StatusConflict || !strings.Contains(p.Text, "each form is accepted once") {
			t.Errorf("replay %d: %d %s", i+1, p.Status, corrSnippet(p.Text))
		}
	}
	c.do = func(r *http.Request) (*http.Response, error) { return other.Test(r, -1) }
	if p := c.post(path, v); p.Status != http.StatusConflict {
		t.Errorf("replay on another instance: %d", p.Status)
	}
	if n := site.count(`SELECT count(*) FROM submissions`); n != 1 {
		t.Errorf("%d submissions from one form, want 1", n)
	}
	if n := site.count(`SELECT count(*) FROM used_form_stamps WHERE expires_at > now() + interval '23 hours'`); n != 2 {
		t.Errorf("%d used stamps kept with a day's expiry, want 2", n)
	}
}

// TestAccessLogStatus: the access log has the status the client got: a
// missing dataset's 404 at INFO, an outage's 503 at WARN; never a 500
// for an error that was answered otherwise.
func TestAccessLogStatus(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{})
	var buf syncBuffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	ok := corrApp(t, site.st, web.Options{Log: log})
	down := corrApp(t, site.st, web.Options{Log: log, RequestTimeout: time.Nanosecond}) // every query times out
	for _, tc := range []struct {
		app                *corrClient
		path               string
		status             int
		level              string
		contentTypeHasJSON bool
	}{
		{&corrClient{t: t, do: func(r *http.Request) (*http.Response, error) { return ok.Test(r, -1) }, base: "http://x", cookies: map[string]string{}},
			"/datasets/no-such-dataset", 404, "INFO", false},
		{&corrClient{t: t, do: func(r *http.Request) (*http.Response, error) { return ok.Test(r, -1) }, base: "http://x", cookies: map[string]string{}},
			"/search?q=%ff", 400, "INFO", false},
		{&corrClient{t: t, do: func(r *http.Request) (*http.Response, error) { return down.Test(r, -1) }, base: "http://x", cookies: map[string]string{}},
			"/datasets/imagenet-1k", 503, "WARN", false},
	} {
		buf.Reset()
		p := tc.app.get(tc.path)
		if p.Status != tc.status {
			t.Fatalf("%s: status %d, want %d", tc.path, p.Status, tc.status)
		}
		var line struct {
			Level  string
			Msg    string
			Status int
			Path   string
		}
		found := false
		for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			if json.Unmarshal([]byte(l), &line) == nil && line.Msg == "request" {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("%s: no access log line in %s", tc.path, buf.String())
		}
		if line.Status != tc.status || line.Level != tc.level {
			t.Errorf("%s: logged %d at %s, the client got %d (want level %s)", tc.path, line.Status, line.Level, tc.status, tc.level)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
func (s *syncBuffer) Reset()         { s.mu.Lock(); defer s.mu.Unlock(); s.b.Reset() }

// TestSecurityHeadersAndCookies: X-Frame-Options matches the CSP's
// frame-ancestors; with secure cookies on, every cookie is Secure,
// bb_primary included.
func TestSecurityHeadersAndCookies(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000, SecureCookies: true})
	c := site.client()
	home := c.get("/")
	if got := home.Header.Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("X-Frame-Options %q, want DENY", got)
	}
	if csp := home.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	p := c.suggestCorrection(site.resultID("imagenet-1k", beit), "value", "85.2", "source_url", "https://arxiv.org/abs/2106.08254")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("suggestion: %d %s", p.Status, corrSnippet(p.Text))
	}
	seen := map[string]bool{}
	for _, sc := range p.Header.Values("Set-Cookie") {
		name, _, _ := strings.Cut(sc, "=")
		seen[name] = true
		if !strings.Contains(strings.ToLower(sc), "; secure") {
			t.Errorf("cookie without Secure: %s", sc)
		}
	}
	if !seen["bb_primary"] {
		t.Errorf("no bb_primary cookie after a write: %v", p.Header.Values("Set-Cookie"))
	}
}

var csrfTokenRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// TestModeratorCSRFBoundToSession: a moderator's token is bound to their
// session. A token from another browser (anonymous, or another
// moderator's session) with a matching cookie is refused.
func TestModeratorCSRFBoundToSession(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{})
	pwA, pwB := site.moderator("a@example.org"), site.moderator("b@example.org")
	a, b := site.client(), site.client()
	anonToken := a.formFields("/login").Get("_csrf")
	a.login("a@example.org", pwA)
	b.login("b@example.org", pwB)
	aToken := hiddenFields(t, a.get("/mod/queue").Body).Get("_csrf")
	bToken := hiddenFields(t, b.get("/mod/queue").Body).Get("_csrf")
	if aToken == anonToken {
		t.Fatal("logging in kept the anonymous token")
	}
	for name, tok := range map[string]string{"the token from before login": anonToken, "another moderator's token": bToken} {
		// Token and cookie agree, as a planted pair would.
		a.cookies["csrf_"] = tok
		p := a.post("/logout", url.Values{"_csrf": {tok}})
		if p.Status != http.StatusForbidden || !strings.Contains(p.Text, "another login") {
			t.Errorf("%s: %d, want 403: %s", name, p.Status, corrSnippet(p.Text))
		}
	}
	// A page replaces an unbound token with a bound one.
	a.cookies["csrf_"] = anonToken
	fresh := hiddenFields(t, a.get("/mod/queue").Body).Get("_csrf")
	if fresh == anonToken || a.cookies["csrf_"] != fresh {
		t.Fatal("the moderator's page kept an unbound token")
	}
	if p := a.post("/logout", url.Values{"_csrf": {fresh}}); p.Status != http.StatusSeeOther {
		t.Errorf("logout with the bound token: %d", p.Status)
	}
	if site.count(`SELECT count(*) FROM sessions`) != 1 {
		t.Error("the sessions are not what the requests say")
	}
}

// TestOriginChecked: a form post that names another site in Origin (or,
// without Origin, in Referer) is refused, over plain HTTP too.
func TestOriginChecked(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000, PublicURL: "https://bench.example.org"})
	id := site.resultID("imagenet-1k", beit)
	path := "/results/" + corrItoa(id) + "/flag"
	for _, tc := range []struct {
		name, origin, referer string
		want                  int
	}{
		{"other origin", "http://evil.example", "", http.StatusForbidden},
		{"null origin", "null", "", http.StatusForbidden},
		{"other port", "http://example.com:8080", "", http.StatusForbidden},
		{"other scheme", "https://example.com", "", http.StatusForbidden},
		{"other referer", "", "http://evil.example/page", http.StatusForbidden},
		{"origin wins over referer", "http://evil.example", "http://example.com/", http.StatusForbidden},
		{"own origin", "http://example.com", "", http.StatusSeeOther},
		{"own referer", "", "http://example.com/results/1/flag", http.StatusSeeOther},
		{"public address", "https://bench.example.org", "", http.StatusSeeOther},
		{"neither", "", "", http.StatusSeeOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := site.client()
			v := formWith(c.formFields(path), "reason", "duplicate", "note", "the same row twice here")
			c.header = http.Header{}
			if tc.origin != "" {
				c.header.Set("Origin", tc.origin)
			}
			if tc.referer != "" {
				c.header.Set("Referer", tc.referer)
			}
			p := c.post(path, v)
			if p.Status != tc.want {
				t.Fatalf("status %d, want %d: %s", p.Status, tc.want, corrSnippet(p.Text))
			}
			if tc.want == http.StatusForbidden && !strings.Contains(p.Text, "sent from another site") {
				t.Errorf("the 403 does not say why: %s", corrSnippet(p.Text))
			}
		})
	}
}

// TestPublicPagesHideEmails: after a moderator's approval, revert and
// import, no public page or feed carries an email address; they show the
// display name.
func TestPublicPagesHideEmails(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("secret.mod@example.org")
	id := site.resultID("imagenet-1k", beit)
	anon := site.client()
	status := anon.suggestCorrection(id, "value", "91.25", "source_url", "https://arxiv.org/abs/2106.08254").Header.Get("Location")
	mod := site.client()
	mod.login("secret.mod@example.org", pw)
	sub := corrItoa(site.submissionID(status))
	review := mod.get("/mod/submissions/" + sub)
	if p := mod.post("/mod/submissions/"+sub+"/approve", hiddenFields(t, review.Body)); p.Status != http.StatusSeeOther {
		t.Fatalf("approve: %d", p.Status)
	}
	if n := site.count(`SELECT count(*) FROM revisions WHERE actor = 'secret.mod@example.org'`); n != 1 {
		t.Fatalf("the audit trail keeps the email: %d revisions", n)
	}
	// A merge and its undo show on /changes and in the moved result's
	// history: by display name too.
	var user model.User
	site.db.Raw(`SELECT id, email, display_name FROM users WHERE email = 'secret.mod@example.org'`).Scan(&user)
	var methodID, otherID int64
	site.db.Raw(`SELECT method_id FROM results WHERE id = ?`, id).Scan(&methodID)
	site.db.Raw(`SELECT id FROM methods WHERE id <> ? ORDER BY id LIMIT 1`, methodID).Scan(&otherID)
	merged, err := site.st.Merge(context.Background(), store.MergeMethod, methodID, otherID, user)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	if _, err := site.st.UndoMerge(context.Background(), merged.ID, user); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if n := site.count(`SELECT count(*) FROM merges WHERE undone_at IS NOT NULL`); n != 1 {
		t.Fatalf("%d undone merges, want 1", n)
	}
	email := regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`)
	for _, path := range []string{"/", "/changes", "/changes.atom", "/results/" + corrItoa(id), status} {
		p := anon.get(path)
		if p.Status != http.StatusOK {
			t.Fatalf("%s: %d", path, p.Status)
		}
		if m := email.FindString(p.Text); m != "" {
			t.Errorf("%s shows the email address %s", path, m)
		}
		if path != status && !strings.Contains(p.Text, "Moderator secret.mod") {
			t.Errorf("%s does not name the moderator by display name", path)
		}
	}
	if p := mod.get("/mod/submissions/" + sub); !strings.Contains(p.Text, "secret.mod@example.org") {
		t.Error("the moderation area no longer shows who decided")
	}
}
