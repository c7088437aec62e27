package web_test

import (
	gz "compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/web"
)

// TestPageCacheIsNeverPersonal: a moderator's view of a leaderboard (with
// their email and a CSRF token in it) is never handed to an anonymous
// reader, and an anonymous reader's cached page never hides the moderator's
// bar from the moderator.
func TestPageCacheIsNeverPersonal(t *testing.T) {
	t.Parallel()
	site := newCorrSite(t, web.Options{})
	mod := site.client()
	mod.login("cache@example.org", site.moderator("cache@example.org"))
	anon := site.client()
	for i := 0; i < 2; i++ {
		if p := mod.get("/datasets/imagenet-1k"); !strings.Contains(p.Text, "cache@example.org") {
			t.Fatalf("round %d: the moderator's page lacks their name", i)
		}
		p := anon.get("/datasets/imagenet-1k")
		if p.Status != 200 || strings.Contains(p.Text, "cache@example.org") || strings.Contains(p.Body, "_csrf") {
			t.Fatalf("round %d: an anonymous reader got a personal page (status %d)", i, p.Status)
		}
	}
	if p := anon.get("/datasets/no-such-dataset"); p.Status != 404 {
		t.Fatalf("unknown dataset through the cache path: %d", p.Status)
	}
	if p := anon.get("/datasets/imagenet-1k?sort=nope"); p.Status != 400 {
		t.Fatalf("bad sort through the cache path: %d", p.Status)
	}
}

// TestCachedPageEncodings: a cached page is served gzipped to clients that
// accept it and plain to those that do not, with the same content.
func TestCachedPageEncodings(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	fetch := func(gzip bool) (string, string) {
		req := httptest.NewRequest(http.MethodGet, "/datasets/cuhk-pedes", nil)
		if gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gz.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		b, _ := io.ReadAll(r)
		return resp.Header.Get("Content-Encoding"), string(b)
	}
	_, first := fetch(false) // renders and keeps the page
	for _, gzip := range []bool{true, false, true} {
		enc, body := fetch(gzip)
		if (enc == "gzip") != gzip {
			t.Fatalf("accept gzip %v: Content-Encoding %q", gzip, enc)
		}
		if body != first || !strings.Contains(body, "IRRA") {
			t.Fatalf("accept gzip %v: the cached page differs from the rendered one", gzip)
		}
	}
}
