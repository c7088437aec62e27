package web_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/web"
)

// badValues are inputs no form field accepts as they stand, or that try
// to break out of the SQL or the HTML they land in.
var badValues = []string{
	"NaN", "nan", "-NaN", "Inf", "+Inf", "-Inf", "Infinity", "-infinity", "1e999", "-1e999", "1e309", "0x1p3", "0x10",
	"1_000", "85,2", "85.2.1", "", " ", "1e", "e5", "--1", "١٢٣", "８５", "85%", "½",
	"'; DROP TABLE results; --", "1 OR 1=1", "1); DELETE FROM results; --", `" OR ""="`, "$1", "\\x00",
	"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "javascript:alert(1)", "data:text/html,<b>x</b>",
	"\x00", "a\x00b", "\xff\xfe\xfd", "\xc3\x28", "\u202e\u0007bell", "line\nbreak",
}

// TestMalformedSubmissions sends 1,200 generated malformed requests to
// the suggestion, flag, login and moderation endpoints: random and huge
// strings, NaN/Inf/1e999, unknown ids, SQL and HTML payloads, wrong
// content types, missing or forged tokens. Every answer is a 4xx page
// with a message; none is a 5xx; nothing is stored and the results table's
// checksum does not move.
func TestMalformedSubmissions(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{SubmitPerHour: 1_000_000})
	id := site.resultID("imagenet-1k", beit)
	before := site.resultsChecksum()
	revisions := site.count(`SELECT count(*) FROM revisions`)
	rng := rand.New(rand.NewPCG(1, 2))

	// A real server, not app.Test: a body fasthttp cannot parse is
	// answered by the server's error handler, as in production.
	c := corrHTTPClient(t, listen(t, site.app))
	guard := c.formFields("/results/" + corrItoa(id) + "/correct")

	ids := []string{corrItoa(id), "0", "-1", "999999999", "99999999999999999999999", "abc", "1e3", "%27%20OR%201=1", "1;DROP", "%00"}
	slugs := []string{"imagenet-1k", "nope", "IMAGENET-1K", "..%2F..%2Fetc", "%3Cscript%3E", "a--b", strings.Repeat("x", 300)}
	randomString := func() string {
		switch rng.IntN(6) {
		case 0: // huge
			return strings.Repeat(string(rune('a'+rng.IntN(26))), 1_000+rng.IntN(300_000))
		case 1: // random bytes, often invalid UTF-8
			b := make([]byte, 1+rng.IntN(200))
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			return string(b)
		case 2: // random runes
			var sb strings.Builder
			for range 1 + rng.IntN(80) {
				sb.WriteRune(rune(rng.IntN(0x2FFFF)))
			}
			return sb.String()
		}
		return badValues[rng.IntN(len(badValues))]
	}
	fields := []string{"value", "plus_minus", "setting", "source_url", "extra_data", "note", "reason", "method", "metric",
		"reported_in", "email", "password", "comment", "revision", "version", "next"}

	type target struct {
		method, path string
		good         url.Values // fields that alone would be valid
		breakable    []string   // fields that every bad value makes invalid
	}
	targets := func(goodID bool) target {
		rid := ids[0]
		if !goodID {
			rid = ids[1+rng.IntN(len(ids)-1)]
		}
		switch rng.IntN(7) {
		case 0, 1:
			return target{"POST", "/results/" + rid + "/correct",
				url.Values{"value": {"85.25"}, "source_url": {"https://arxiv.org/abs/1"}}, []string{"value", "source_url"}}
		case 2:
			return target{"POST", "/results/" + rid + "/flag",
				url.Values{"reason": {"wrong"}, "note": {"the paper says otherwise"}}, []string{"reason"}}
		case 3, 4:
			slug := slugs[0]
			if !goodID {
				slug = slugs[1+rng.IntN(len(slugs)-1)]
			}
			return target{"POST", "/datasets/" + slug + "/suggest", url.Values{"method": {"Fuzz Net"},
				"metric": {"top-1-accuracy"}, "value": {"12.5"}, "source_url": {"https://example.org/paper"}},
				[]string{"value", "metric", "source_url"}}
		case 5: // no such account: never a login
			return target{"POST", "/login", url.Values{"email": {"nobody@example.org"}, "password": {"not the password at all"}}, nil}
		}
		if rng.IntN(2) == 0 { // anonymous: never allowed
			return target{"POST", "/mod/submissions/" + rid + "/approve", url.Values{}, nil}
		}
		return target{"POST", "/results/" + rid + "/revert", url.Values{"revision": {"1"}, "version": {"1"}}, nil}
	}

	const n = 1200
	statuses := map[int]int{}
	for i := 0; i < n; i++ {
		// Each request carries one defect for sure, then random noise.
		defect := rng.IntN(8)
		tg := targets(defect != 0)
		v := url.Values{}
		for k, vs := range tg.good {
			v[k] = vs
		}
		for k, vs := range guard {
			v[k] = vs
		}
		broken := ""
		switch defect {
		case 1:
			v.Del("_csrf")
		case 2:
			v.Set("_csrf", randomString())
		case 3:
			v.Set("website", randomString()+"x")
		case 4:
			v.Set("_ts", randomString())
		default:
			if len(tg.breakable) > 0 {
				broken = tg.breakable[rng.IntN(len(tg.breakable))]
				v.Set(broken, badValues[rng.IntN(len(badValues))])
			}
		}
		for j := 0; j < rng.IntN(4); j++ {
			if f := fields[rng.IntN(len(fields))]; f != broken {
				v.Set(f, randomString())
			}
		}
		contentType, body := "application/x-www-form-urlencoded", v.Encode()
		switch rng.IntN(16) {
		case 0:
			contentType, body = "application/json", fmt.Sprintf(`{"value": %q, "_csrf": %q}`, v.Get("value"), v.Get("_csrf"))
		case 1:
			contentType = "text/plain"
		case 2:
			contentType = ""
		case 3:
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for k, vs := range v {
				mw.WriteField(k, vs[0])
			}
			mw.Close()
			contentType, body = mw.FormDataContentType(), buf.String()
			if rng.IntN(2) == 0 {
				body = body[:len(body)/2] // truncated
			}
		case 4:
			contentType = "multipart/form-data; boundary=nope"
		}
		if strings.HasPrefix(contentType, "multipart/") && len(body) > 8<<10 {
			// fasthttp parses a large multipart body as it reads it and,
			// when the body is broken, answers 400 and closes the
			// connection before the client has written it all: the client
			// then sees a reset, not the answer. Keep those bodies small.
			body = body[:8<<10]
		}
		p := c.send(tg.method, tg.path, contentType, strings.NewReader(body))
		statuses[p.Status]++
		if p.Status < 400 || p.Status > 499 {
			t.Fatalf("request %d: %s %s (%s) answered %d, want a 4xx; fields %.300q; body: %s",
				i, tg.method, tg.path, contentType, p.Status, v.Encode(), corrSnippet(p.Text))
		}
		if !corrHasMessage(p.Text) {
			t.Fatalf("request %d: %s %s: a %d without a message: %s", i, tg.method, tg.path, p.Status, corrSnippet(p.Text))
		}
		if strings.Contains(p.Body, "<script>alert(1)") || strings.Contains(p.Body, "<img src=x onerror") {
			t.Fatalf("request %d: a payload came back unescaped", i)
		}
		if !utf8.ValidString(p.Body) {
			t.Fatalf("request %d: the page is not valid UTF-8", i)
		}
	}
	t.Logf("%d requests, answers by status: %v", n, statuses)
	if after := site.resultsChecksum(); after != before {
		t.Errorf("the results table changed: checksum %s → %s", before, after)
	}
	if got := site.count(`SELECT count(*) FROM revisions`); got != revisions {
		t.Errorf("revisions %d → %d", revisions, got)
	}
	if got := site.count(`SELECT count(*) FROM submissions`); got != 0 {
		t.Errorf("%d malformed submissions were stored", got)
	}
	if len(statuses) < 4 {
		t.Errorf("the generator reached only %v: it should hit several checks", statuses)
	}
}

// hasMessage reports whether an error page or a form says what was wrong.
func corrHasMessage(text string) bool {
	for _, marker := range []string{`class="error-message"`, `class="field-error"`, `class="flash flash-error"`} {
		if strings.Contains(text, marker) {
			return true
		}
	}
	return false
}
