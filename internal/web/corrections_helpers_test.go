package web_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/internal/web"
)

// corrSite is a seeded database with an app over it, for the corrections
// tests.
type corrSite struct {
	t   testing.TB
	dsn string
	db  *gorm.DB
	st  *store.Store
	app *fiber.App
}

// newCorrSite seeds a fresh database and builds the app. Forms may be sent
// at once unless opt says otherwise.
func newCorrSite(t testing.TB, opt web.Options) *corrSite {
	t.Helper()
	db, dsn := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return &corrSite{t: t, dsn: dsn, db: db, st: st, app: corrApp(t, st, opt)}
}

func corrApp(t testing.TB, st *store.Store, opt web.Options) *fiber.App {
	t.Helper()
	if opt.MinFillTime == 0 {
		opt.MinFillTime = time.Nanosecond
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.Context == nil {
		opt.Context = t.Context() // listen for changes, as serve does
	}
	app, err := web.New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// moderator adds a moderator account and returns its password.
func (s *corrSite) moderator(email string) string {
	s.t.Helper()
	pw := "a long enough password for " + email
	h, err := password.Hash(pw)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := s.st.CreateUser(context.Background(), email, displayName(email), h); err != nil {
		s.t.Fatal(err)
	}
	return pw
}

// displayName is the public name tests give the moderator with email.
func displayName(email string) string {
	local, _, _ := strings.Cut(email, "@")
	return "Moderator " + local
}

// resultID finds the live result of a method on a dataset's primary metric.
func (s *corrSite) resultID(dataset, method string) int64 {
	s.t.Helper()
	var id int64
	s.db.Raw(`SELECT r.id FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN methods me ON me.id = r.method_id
		JOIN metrics m ON m.id = r.metric_id
		WHERE d.slug = $1 AND me.name = $2 AND m.is_primary AND r.retired_at IS NULL ORDER BY r.id LIMIT 1`, dataset, method).Scan(&id)
	if id == 0 {
		s.t.Fatalf("no result of %s on %s", method, dataset)
	}
	return id
}

// resultsChecksum is an md5 over every row of results, ordered by id.
func (s *corrSite) resultsChecksum() string {
	s.t.Helper()
	var sum string
	if err := s.db.Raw(`SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) FROM results r`).Row().Scan(&sum); err != nil {
		s.t.Fatal(err)
	}
	return sum
}

func (s *corrSite) count(query string, args ...any) int {
	s.t.Helper()
	var n int
	if err := s.db.Raw(query, args...).Row().Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

// corrClient is one browser: a cookie jar in front of a handler, either
// app.Test or a real HTTP server.
type corrClient struct {
	t       testing.TB
	do      func(*http.Request) (*http.Response, error)
	base    string
	real    bool        // a real HTTP server, not app.Test
	header  http.Header // sent with every request, e.g. X-Forwarded-For
	mu      sync.Mutex
	cookies map[string]string
}

func (s *corrSite) client() *corrClient {
	app := s.app
	return &corrClient{t: s.t, do: func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) },
		base: "http://example.com", cookies: map[string]string{}}
}

func corrHTTPClient(t testing.TB, base string) *corrClient {
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout: 30 * time.Second}
	return &corrClient{t: t, do: hc.Do, base: base, real: true, cookies: map[string]string{}}
}

// page is a response with its body read.
type corrPage struct {
	Status int
	Header http.Header
	Body   string // as sent
	Text   string // HTML entities decoded, for matching messages
}

func (c *corrClient) send(method, path, contentType string, body io.Reader) corrPage {
	c.t.Helper()
	var req *http.Request
	if c.real {
		var err error
		if req, err = http.NewRequest(method, c.base+path, body); err != nil {
			c.t.Fatal(err)
		}
	} else {
		req = httptest.NewRequest(method, c.base+path, body)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "text/html")
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	c.mu.Lock()
	var jar []string
	for k, v := range c.cookies {
		jar = append(jar, k+"="+v)
	}
	c.mu.Unlock()
	if len(jar) > 0 {
		req.Header.Set("Cookie", strings.Join(jar, "; "))
	}
	resp, err := c.do(req)
	if err != nil {
		c.t.Fatalf("%s %s (%s, %d bytes): %v", method, path, contentType, req.ContentLength, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	c.mu.Lock()
	for _, ck := range resp.Cookies() {
		if ck.Value == "" || ck.MaxAge < 0 || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	c.mu.Unlock()
	return corrPage{Status: resp.StatusCode, Header: resp.Header, Body: string(b), Text: html.UnescapeString(string(b))}
}

func (c *corrClient) get(path string) corrPage { return c.send(http.MethodGet, path, "", nil) }

func (c *corrClient) post(path string, v url.Values) corrPage {
	return c.send(http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
}

// follow GETs a 303's target.
func (c *corrClient) follow(p corrPage) corrPage {
	c.t.Helper()
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("status %d, want 303; body: %s", p.Status, corrSnippet(p.Text))
	}
	loc := p.Header.Get("Location")
	if u, err := url.Parse(loc); err == nil && u.IsAbs() {
		loc = u.RequestURI()
	}
	return c.get(loc)
}

var hiddenRE = regexp.MustCompile(`<input type="hidden" name="(_csrf|_ts)" value="([^"]*)">`)

// formFields GETs a form page and returns its hidden guard fields.
func (c *corrClient) formFields(path string) url.Values {
	c.t.Helper()
	p := c.get(path)
	if p.Status != http.StatusOK {
		c.t.Fatalf("GET %s: %d: %s", path, p.Status, corrSnippet(p.Text))
	}
	return hiddenFields(c.t, p.Body)
}

func hiddenFields(t testing.TB, body string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range hiddenRE.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	if v.Get("_csrf") == "" {
		t.Fatalf("no CSRF token in the page: %s", corrSnippet(body))
	}
	return v
}

// with returns a copy of v with the pairs (name, value, name, value …) set.
func formWith(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// login logs a moderator in through the form.
func (c *corrClient) login(email, pw string) {
	c.t.Helper()
	v := c.formFields("/login")
	p := c.post("/login", formWith(v, "email", email, "password", pw))
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("login as %s: %d: %s", email, p.Status, corrSnippet(p.Text))
	}
}

// suggestCorrection sends a correction of a result's value.
func (c *corrClient) suggestCorrection(resultID int64, kv ...string) corrPage {
	c.t.Helper()
	path := "/results/" + corrItoa(resultID) + "/correct"
	p := c.get(path)
	if p.Status != http.StatusOK {
		c.t.Fatalf("GET %s: %d: %s", path, p.Status, corrSnippet(p.Text))
	}
	v := hiddenFields(c.t, p.Body)
	// Start from the form as served (the current values), then change.
	for _, name := range []string{"value", "plus_minus", "setting", "source_url"} {
		v.Set(name, corrInputValue(p.Text, name))
	}
	if strings.Contains(p.Body, `name="extra_data" type="checkbox" value="yes" checked`) {
		v.Set("extra_data", "yes")
	}
	v.Set("note", "Table 3 says so")
	return c.post(path, formWith(v, kv...))
}

var tokenLinkRE = regexp.MustCompile(`/submissions/([0-9a-f]{32})`)

// submissionID returns the id of the submission behind a status page.
func (s *corrSite) submissionID(statusPath string) int64 {
	s.t.Helper()
	m := tokenLinkRE.FindStringSubmatch(statusPath)
	if m == nil {
		s.t.Fatalf("%q is not a status link", statusPath)
	}
	var id int64
	s.db.Raw(`SELECT id FROM submissions WHERE token = $1`, m[1]).Scan(&id)
	if id == 0 {
		s.t.Fatalf("no submission with token %s", m[1])
	}
	return id
}

func corrItoa(n int64) string { return strconv.FormatInt(n, 10) }

func corrSnippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 1500 {
		s = s[:1500] + "…"
	}
	return s
}

// inputValue reads the value attribute of the input named name.
func corrInputValue(page, name string) string {
	i := strings.Index(page, `name="`+name+`" `)
	if i < 0 {
		return ""
	}
	rest := page[i:]
	j := strings.Index(rest, `value="`)
	if j < 0 || j > 200 {
		return ""
	}
	rest = rest[j+len(`value="`):]
	return rest[:strings.IndexByte(rest, '"')]
}
