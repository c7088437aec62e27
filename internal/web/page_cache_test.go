package web_test

import (
	gz "compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
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
		if p := mod.get("/datasets/imagenet-1k"); !strings.Contains(p.Text, "Moderator cache") {
			t.Fatalf("round %d: the moderator's page lacks their name", i)
		}
		p := anon.get("/datasets/imagenet-1k")
		if p.Status != 200 || strings.Contains(p.Text, "Moderator cache") || strings.Contains(p.Body, "_csrf") {
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

// TestCachedPagesStayCurrent: a cached leaderboard follows every committed
// write, with the listener for Postgres's notifications and without it.
// Listening, a hit asks Postgres nothing; a write shows within moments; a
// write committed while the listening connection is down is never hidden
// by a page cached before it.
func TestCachedPagesStayCurrent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		listen     bool
		hitQueries int
	}{
		{"listening", true, 0},
		{"not listening", false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db, _ := testdb.Open(t)
			st := store.New(db, nil)
			if _, err := cli.Seed(t.Context(), st); err != nil {
				t.Fatal(err)
			}
			opt := web.Options{Log: discardLog()}
			if tc.listen {
				opt.Context = t.Context()
			}
			app, err := web.New(st, opt)
			if err != nil {
				t.Fatal(err)
			}
			var queries atomic.Int64
			countQueries(t, db, &queries)
			const page = "/api/v1/datasets/cuhk-pedes/results"
			var id int64
			if err := db.Raw(`SELECT r.id FROM results r JOIN datasets d ON d.id = r.dataset_id
				WHERE d.slug = 'cuhk-pedes' AND r.retired_at IS NULL ORDER BY r.id LIMIT 1`).Row().Scan(&id); err != nil {
				t.Fatal(err)
			}
			// A hit: the same request twice, the second one counted. Until
			// the listener is up, a hit is checked against Postgres; the
			// first miss stores the board's head in the background, whose
			// statements are not the hit's.
			deadline := time.Now().Add(5 * time.Second)
			var n int64
			for {
				valueOf(t, app, page, id)
				queries.Store(0)
				valueOf(t, app, page, id)
				n = queries.Load()
				if n == int64(tc.hitQueries) || time.Now().After(deadline) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			if n != int64(tc.hitQueries) {
				t.Fatalf("a cached hit ran %d queries, want %d", n, tc.hitQueries)
			}

			// A committed write, as every write does it: the result and its
			// dataset's data version in one transaction.
			write := func(score float64) {
				t.Helper()
				err := db.Transaction(func(tx *gorm.DB) error {
					if err := tx.Exec(`UPDATE results SET score = $1, value = $1, raw = $2 WHERE id = $3`,
						score, fmt.Sprint(score), id).Error; err != nil {
						return err
					}
					return tx.Exec(`UPDATE datasets SET data_version = data_version + 1
						WHERE id = (SELECT dataset_id FROM results WHERE id = $1)`, id).Error
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			waitFor := func(want float64) {
				t.Helper()
				deadline := time.Now().Add(2 * time.Second)
				for {
					got := valueOf(t, app, page, id)
					if got == want {
						return
					}
					if !tc.listen || time.Now().After(deadline) {
						// Without a listener the very next request must
						// see the write.
						t.Fatalf("after the write the page still says %v, want %v", got, want)
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			write(11.5)
			waitFor(11.5)

			// A rolled-back write changes nothing and is not announced.
			db.Transaction(func(tx *gorm.DB) error {
				tx.Exec(`UPDATE results SET score = 99, value = 99 WHERE id = $1`, id)
				tx.Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE slug = 'cuhk-pedes'`)
				return errors.New("roll back")
			})
			if got := valueOf(t, app, page, id); got != 11.5 {
				t.Fatalf("after a rolled-back write the page says %v", got)
			}

			if !tc.listen {
				return
			}
			// The listening connection is killed and a write commits before
			// it is back: the notification is lost, the page must not be.
			var killed int
			if err := db.Raw(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE datname = current_database() AND query = 'LISTEN benchboard_data'`).Row().Scan(&killed); err != nil {
				t.Fatal(err)
			}
			if killed != 1 {
				t.Fatalf("found %d listening connections, want 1", killed)
			}
			write(12.25)
			waitFor(12.25)
		})
	}
}

// valueOf reads result id's value off the leaderboard's JSON.
func valueOf(t *testing.T, app *fiber.App, target string, id int64) float64 {
	t.Helper()
	status, body, _ := get(t, app, target)
	if status != 200 {
		t.Fatalf("GET %s: %d %s", target, status, body)
	}
	var doc struct {
		Rows []struct {
			Values map[string]struct {
				Value    float64 `json:"value"`
				ResultID int64   `json:"result_id"`
			} `json:"values"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Rows {
		for _, v := range r.Values {
			if v.ResultID == id {
				return v.Value
			}
		}
	}
	t.Fatalf("result %d is not on %s", id, target)
	return 0
}

// countQueries counts every statement db runs from now on.
func countQueries(t *testing.T, db *gorm.DB, n *atomic.Int64) {
	t.Helper()
	count := func(*gorm.DB) { n.Add(1) }
	cb := db.Callback()
	for _, err := range []error{
		cb.Query().Before("gorm:query").Register("test:count_query", count),
		cb.Row().Before("gorm:row").Register("test:count_row", count),
		cb.Raw().Before("gorm:raw").Register("test:count_raw", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestKeptPagesKeepTheirHeaders: a page answered from the cache before the
// middleware runs carries the same headers as when it was rendered (the
// security headers, content type, caching, ETag), a request id of its
// own, and is served without a query.
func TestKeptPagesKeepTheirHeaders(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t) // listening for changes
	var queries atomic.Int64
	countQueries(t, st.DB(), &queries)
	fetch := func(path string) *http.Response {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		return resp
	}
	for _, path := range []string{"/", "/datasets/imagenet-1k", "/datasets/imagenet-1k?sort=method&order=asc",
		"/api/v1/datasets/imagenet-1k/results", "/datasets/imagenet-1k/charts.json"} {
		t.Run(path, func(t *testing.T) {
			rendered := fetch(path)
			// Until the listener is up, hits are checked with a query.
			deadline := time.Now().Add(5 * time.Second)
			var kept *http.Response
			for {
				queries.Store(0)
				kept = fetch(path)
				if queries.Load() == 0 || time.Now().After(deadline) {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if n := queries.Load(); n != 0 {
				t.Fatalf("a kept page ran %d queries", n)
			}
			for name := range rendered.Header {
				switch name {
				case "Date", "X-Request-Id", "Content-Length":
					continue
				}
				if got, want := kept.Header.Values(name), rendered.Header.Values(name); strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("%s: %q from the cache, %q when rendered", name, got, want)
				}
			}
			for _, name := range []string{"Content-Security-Policy", "X-Frame-Options", "Etag", "Cache-Control", "Content-Encoding"} {
				if kept.Header.Get(name) == "" {
					t.Errorf("the kept page lacks %s", name)
				}
			}
			if id := kept.Header.Get("X-Request-Id"); id == "" || id == rendered.Header.Get("X-Request-Id") {
				t.Errorf("request id %q on the kept page, %q when rendered", id, rendered.Header.Get("X-Request-Id"))
			}
		})
	}
}
