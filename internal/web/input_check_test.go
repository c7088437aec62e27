package web_test

import (
	"bufio"
	"bytes"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/web"
)

// badBytes are percent-encoded values that are not text: NUL, bytes that
// are not UTF-8, overlong encodings (of NUL and of "/") and a UTF-16
// surrogate, which UTF-8 does not allow either.
var badBytes = []string{"%00", "a%00b", "%ff", "%c3%28", "%c0%80", "%e0%80%af", "%ed%a0%80", "%fe%ff"}

var routeParam = regexp.MustCompile(`:(\w+)[?]?`)

// TestBadBytesEverywhere sends NUL, invalid UTF-8 and overlong encodings
// in every path parameter, a query parameter and a form field of every
// route the app has (read from its route stack, so a route added later is
// covered too), anonymously and as a logged-in moderator. Each answer is a
// 400 that says what was wrong; none is a 5xx, and the results do not
// change.
func TestBadBytesEverywhere(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1_000_000})
	pw := site.moderator("mod@example.org")
	before := site.resultsChecksum()
	base := listen(t, site.app)
	anon := corrHTTPClient(t, base)
	mod := corrHTTPClient(t, base)
	mod.login("mod@example.org", pw)
	id := corrItoa(site.resultID("imagenet-1k", beit))
	good := map[string]string{"slug": "imagenet-1k", "id": id, "token": strings.Repeat("0", 32)}

	routes := site.app.GetRoutes(true)
	if len(routes) < 30 {
		t.Fatalf("only %d routes in the stack", len(routes))
	}
	sent := 0
	check := func(c *corrClient, method, path, contentType string, body []byte, what string) {
		t.Helper()
		sent++
		p := c.send(method, path, contentType, bytes.NewReader(body))
		if p.Status != http.StatusBadRequest {
			t.Errorf("%s %s (%s): status %d, want 400: %s", method, path, what, p.Status, corrSnippet(p.Text))
			return
		}
		// A NUL in a multipart header is refused by the HTTP server itself,
		// before the app, with its own message.
		if method != http.MethodHead && !strings.Contains(p.Text, "Bad request:") && !strings.Contains(p.Text, "cannot read multipart/form-data body: malformed MIME header") {
			t.Errorf("%s %s (%s): the 400 does not say what was wrong: %s", method, path, what, corrSnippet(p.Text))
		}
	}
	for _, r := range routes {
		fill := func(bad, param string) string {
			return routeParam.ReplaceAllStringFunc(r.Path, func(m string) string {
				name := routeParam.FindStringSubmatch(m)[1]
				if name == param {
					return bad
				}
				return good[name]
			})
		}
		for _, c := range []*corrClient{anon, mod} {
			guard := url.Values{}
			if r.Method == http.MethodPost {
				guard = hiddenFields(t, c.get("/results/"+id+"/correct").Body)
			}
			for _, bad := range badBytes {
				for _, m := range routeParam.FindAllStringSubmatch(r.Path, -1) {
					check(c, r.Method, fill(bad, m[1]), "", nil, "path parameter "+m[1])
				}
				path := fill("", "")
				check(c, r.Method, path+"?q="+bad, "", nil, "query value")
				check(c, r.Method, path+"?"+bad+"=1", "", nil, "query name")
				if r.Method != http.MethodPost {
					continue
				}
				form := guard.Encode() + "&note=" + bad + "&email=" + bad
				check(c, r.Method, path, "application/x-www-form-urlencoded", []byte(form), "form field")
				raw, _ := url.QueryUnescape(bad)
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				for k := range guard {
					mw.WriteField(k, guard.Get(k))
				}
				mw.WriteField("comment", raw)
				mw.Close()
				check(c, r.Method, path, mw.FormDataContentType(), buf.Bytes(), "multipart field")
				buf.Reset()
				mw = multipart.NewWriter(&buf)
				for k := range guard {
					mw.WriteField(k, guard.Get(k))
				}
				fw, _ := mw.CreateFormFile("file", "results"+raw+".csv")
				fw.Write([]byte("task,dataset\n"))
				mw.Close()
				check(c, r.Method, path, mw.FormDataContentType(), buf.Bytes(), "file name")
			}
		}
	}
	// Raw bytes in the request line, as the probe sent them, not escaped.
	for _, path := range []string{"/datasets/\xff", "/methods/\xff", "/papers/\xff", "/tasks/\xff",
		"/api/v1/datasets/\xff/results", "/search?q=\xff", "/results/\xc0\x80"} {
		status, body := rawGet(t, strings.TrimPrefix(base, "http://"), path)
		sent++
		if status != http.StatusBadRequest || !strings.Contains(body, "Bad request:") {
			t.Errorf("raw %q: status %d, want 400 with a message: %.300s", path, status, body)
		}
	}
	t.Logf("%d routes, %d requests with bad bytes", len(routes), sent)
	// Good text still passes the check.
	if p := anon.get("/search?q=" + url.QueryEscape("Ü-net ½")); p.Status != http.StatusOK {
		t.Errorf("a search for valid text: %d", p.Status)
	}
	if after := site.resultsChecksum(); after != before {
		t.Errorf("the results changed: %s → %s", before, after)
	}
	if n := site.count(`SELECT count(*) FROM submissions`); n != 0 {
		t.Errorf("%d submissions stored", n)
	}
}

// rawGet writes a GET request line byte for byte, as no Go client would.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + addr + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("raw %q: %v", target, err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}
