package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/internal/web"
)

// seededApp is the app over a fresh database holding the seed data.
func seededApp(t *testing.T) (*fiber.App, *store.Store) {
	t.Helper()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app, err := web.New(st, web.Options{Log: discardLog(), Context: t.Context()})
	if err != nil {
		t.Fatal(err)
	}
	return app, st
}

func get(t *testing.T, app *fiber.App, target string) (int, string, http.Header) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

func TestPages(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	tests := []struct {
		path     string
		status   int
		contains []string
	}{
		{"/", 200, []string{"<title>Benchboard</title>", "Image classification", `href="/datasets/imagenet-1k"`, "GenomicBenchmarks", "Recently changed", `rel="icon"`}},
		// The first view of a board not yet in memory comes from its head;
		// the charts follow from charts.json.
		{"/datasets/imagenet-1k", 200, []string{"Top-1 accuracy", "↑ higher is better", `data-charts-src="/datasets/imagenet-1k/charts.json"`,
			`id="chart-best" data-chart-lazy`, `href="/datasets/imagenet-1k.csv"`}},
		{"/datasets/imagenet-1k/charts.json", 200, []string{`"id":"chart-best"`, `"ok":true`, `"series"`, `"/results/`}},
		{"/datasets/imagenet-1k/charts.json?sort=method&order=asc", 200, []string{`"id":"chart-params"`}},
		{"/datasets/imagenet-1k/charts.json?extra=maybe", 400, []string{`"error":"Bad parameter \"extra\"`}},
		{"/datasets/no-such-dataset/charts.json", 404, []string{`"status":404`}},
		// Once the whole board is in memory (charts.json read it), the
		// page carries its charts inline.
		{"/datasets/imagenet-1k?page=1&from=1990", 200, []string{"data-chart-options"}},
		{"/datasets/rstpreid", 200, []string{"DSSL", "⚠ reports differ", "39.05", "32.43"}},
		{"/datasets/mouse-enhancers", 200, []string{"HyenaDNA", ">78.0<", "± 2.5<", ">85.1<"}},
		{"/datasets/imagenet-1k?sort=method&order=asc", 200, []string{"Method ▲"}},
		{"/datasets/imagenet-1k?setting=zero-shot&extra=no&confidence=high&from=2019&to=2024", 200, []string{"zero-shot"}},
		{"/datasets/cuhk-pedes?sort=map&order=asc", 200, []string{"mAP (%) <span class=\"direction\">↑</span> ▲"}},
		{"/methods/dssl", 200, []string{"DSSL", "RSTPReid"}},
		{"/papers/hyenadna-long-range-genomic-sequence-modeling-at-single-nucleotide-resolution", 200, []string{"2306.15794", "HyenaDNA"}},
		{"/search?q=imagenet", 200, []string{"ImageNet-1k"}},
		{"/search?q=hyena", 200, []string{"HyenaDNA"}},
		{"/search?q=ILSVRC", 200, []string{`href="/datasets/imagenet-1k"`}},
		{"/changes", 200, []string{"seed"}},
		{"/results/1", 200, []string{"History", "seed"}},
		{"/tasks/image-classification", 200, []string{"ImageNet-1k", `href="/datasets/imagenet-1k"`}},
		{"/tasks/no-such-task", 404, []string{"Not found"}},
		{"/healthz", 200, []string{"ok"}},
		{"/readyz", 200, []string{"ready"}},
		{"/api/v1/datasets", 200, []string{`"slug":"imagenet-1k"`, `"higher_is_better":true`}},
		{"/api/v1/datasets/imagenet-1k/results?sort=top-1-accuracy&order=asc", 200, []string{`"order":"asc"`}},

		{"/datasets/imagenet-1k?sort=colour", 400, []string{`&#34;sort&#34;`, "top-1-accuracy"}},
		{"/datasets/imagenet-1k?order=up", 400, []string{`&#34;order&#34;`}},
		{"/datasets/imagenet-1k?extra=maybe", 400, []string{`&#34;extra&#34;`}},
		{"/datasets/imagenet-1k?confidence=sure", 400, []string{`&#34;confidence&#34;`}},
		// A bad year keeps the board and the form as typed, with the
		// message beside its field.
		{"/datasets/imagenet-1k?from=nineteen&extra=yes", 400, []string{`<form class="filters"`, `value="nineteen"`, `aria-invalid="true" aria-describedby="from-error"`,
			`id="from-error" role="alert">From year: &#34;nineteen&#34; is not a year such as 2021.`, `id="board"`, `<option value="yes" selected>`}},
		{"/datasets/imagenet-1k?to=99999", 400, []string{`id="to-error"`, `value="99999"`, `id="board"`}},
		{"/datasets/imagenet-1k?from=2024&to=2019", 400, []string{`id="from-error" role="alert">From year: 2024 is after to=2019.`}},
		{"/api/v1/datasets/imagenet-1k/results?from=nineteen", 400, []string{`"error":"Bad parameter \"from\"`}},
		{"/datasets/imagenet-1k/charts.json?to=x", 400, []string{`"error":"Bad parameter \"to\"`}},
		// A filter that matches nothing says so, under the form.
		{"/datasets/imagenet-1k?setting=no-such-setting", 200, []string{`<form class="filters"`, `value="no-such-setting"`, `id="no-rows"`, "No results match these filters"}},
		{"/favicon.ico", 301, nil},
		{"/static/favicon.svg", 200, []string{"<svg"}},
		{"/datasets/imagenet-1k?page=0", 400, []string{`&#34;page&#34;`}},
		{"/datasets/imagenet-1k?page=9", 400, []string{`&#34;page&#34;`}},
		{"/search?q=" + strings.Repeat("x", 201), 400, []string{`&#34;q&#34;`}},
		{"/api/v1/datasets/imagenet-1k/results?sort=x", 400, []string{`"error":"Bad parameter \"sort\"`}},
		{"/api/v1/datasets/imagenet-1k/results?page=9", 400, []string{`"error":"Bad parameter \"page\"`}},

		// A parent benchmark: its own page, not a 400 for want of a metric.
		{"/datasets/genomicbenchmarks", 200, []string{"Methods × datasets", `href="/datasets/mouse-enhancers"`, `data-sort="rank"`, "8 of 8"}},
		{"/datasets/genomicbenchmarks?sort=mouse-enhancers&order=asc&setting=all", 200, []string{"Mouse Enhancers ▲"}},
		{"/datasets/genomicbenchmarks?sort=nope", 400, []string{`&#34;sort&#34;`, "mouse-enhancers"}},
		{"/datasets/genomicbenchmarks?setting=zero-shot", 400, []string{`&#34;setting&#34;`}},
		{"/api/v1/datasets/genomicbenchmarks/results", 404, []string{"no leaderboard of its own"}},
		// The setting facet: the default group, each group with its rows.
		{"/datasets/rstpreid", 200, []string{`id="setting-facet"`, "20% noisy labels", "all settings", "14 of 16 rows · 65 results"}},
		{"/datasets/rstpreid?setting=all", 200, []string{"16 of 16 rows · 65 results", "20% noise (Best)"}},
		{"/datasets/rstpreid?setting=noise-50", 200, []string{"1 of 16 rows", "50% noise (Best)"}},
		{"/datasets/imagenet-1k?setting=all&extra=yes", 200, []string{`class="badge badge-extra"`, ">extra data<"}},
		{"/", 200, []string{"8 boards", "16 rows · 65 results"}},
		{"/api/v1/datasets/rstpreid/results", 200, []string{`"setting":"standard"`, `"key":"noise-20"`, `"rows":16`, `"results":65`}},

		{"/datasets/no-such-dataset", 404, []string{"Not found", "Back to the benchmarks"}},
		{"/datasets/no-such-dataset.csv", 404, nil},
		{"/api/v1/datasets/no-such-dataset/results", 404, []string{`"status":404`}},
		{"/methods/no-such-method", 404, nil},
		{"/papers/no-such-paper", 404, nil},
		{"/results/abc", 404, nil},
		{"/results/99999999", 404, nil},
		{"/no/such/page", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body, _ := get(t, app, tt.path)
			if status != tt.status {
				t.Fatalf("status %d, want %d; body: %.300s", status, tt.status, body)
			}
			for _, want := range tt.contains {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q", want)
				}
			}
		})
	}
}

// TestSortLinksFlip: a header's link sorts by that column; on the current
// sort column it flips the order.
func TestSortLinksFlip(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	link := regexp.MustCompile(`href="([^"]*)" data-sort="top-1-accuracy"`)
	_, body, _ := get(t, app, "/datasets/imagenet-1k")
	m := link.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no Top-1 header link")
	}
	first := strings.ReplaceAll(m[1], "&amp;", "&")
	if first != "/datasets/imagenet-1k?order=asc&sort=top-1-accuracy" {
		t.Fatalf("default sort is best first, so the link flips to asc; got %q", first)
	}
	_, body, _ = get(t, app, first)
	m = link.FindStringSubmatch(body)
	if got := strings.ReplaceAll(m[1], "&amp;", "&"); got != "/datasets/imagenet-1k" {
		t.Fatalf("flipping back gives the canonical URL; got %q", got)
	}
}

func TestScriptInMethodNameStaysText(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t)
	evil := `</script><script>alert(1)</script>`
	recs := []model.Record{{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
		HigherIsBetter: true, MetricUnit: "%", Method: evil, Value: 99.9, Unit: "%", Raw: "99.9",
		PaperTitle: evil, PaperDate: "2024", Confidence: "high", ReportedIn: evil}}
	if _, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/datasets/imagenet-1k", "/search?q=alert", "/methods/script-script-alert-1-script"} {
		status, body, hdr := get(t, app, path)
		if status != 200 {
			t.Fatalf("%s: status %d", path, status)
		}
		if strings.Contains(body, "<script>alert(1)") {
			t.Errorf("%s: the method name was written as markup", path)
		}
		if !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no CSP header", path)
		}
	}
	_, body, _ := get(t, app, "/datasets/imagenet-1k")
	if !strings.Contains(body, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the method name is not shown as escaped text in the table")
	}
}

func TestCSVExport(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	status, body, hdr := get(t, app, "/datasets/rstpreid.csv")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if hdr.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.Contains(hdr.Get("Content-Disposition"), `filename="rstpreid.csv"`) {
		t.Errorf("headers: %v", hdr)
	}
	r, err := csvio.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Dataset != "RSTPReid" {
			t.Fatalf("row of %q in the RSTPReid export", rec.Dataset)
		}
		n++
	}
	if n != 65 {
		t.Errorf("RSTPReid export has %d rows, the seed has 65", n)
	}
}

func TestAPIResults(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	_, body, _ := get(t, app, "/api/v1/datasets/rstpreid/results")
	var out struct {
		Total int
		Rows  []struct {
			Rank   *int
			Method string
			Values map[string]struct {
				Value     float64
				Conflicts []struct{ Value float64 }
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if out.Total == 0 || out.Rows[0].Rank == nil || *out.Rows[0].Rank != 1 {
		t.Fatalf("first row must have rank 1: %.300s", body)
	}
	for i := 1; i < len(out.Rows); i++ {
		a, b := out.Rows[i-1].Values["rank-1"], out.Rows[i].Values["rank-1"]
		if b.Value > a.Value && out.Rows[i].Rank != nil {
			t.Fatalf("rows out of order at %d: %v then %v", i, a.Value, b.Value)
		}
	}
	conflicts := 0
	for _, r := range out.Rows {
		if r.Method == "DSSL" {
			conflicts += len(r.Values["rank-1"].Conflicts)
		}
	}
	if conflicts != 2 {
		t.Errorf("DSSL rows list %d conflicts, want 2 (each lists the other)", conflicts)
	}
}

// TestRevalidation: pages carry a weak ETag and private, no-cache; asking
// again with it gives 304 until the data changes; exports carry none.
func TestRevalidation(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t)
	_, _, hdr := get(t, app, "/datasets/imagenet-1k")
	tag := hdr.Get("ETag")
	if !strings.HasPrefix(tag, `W/"`) || hdr.Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", tag, hdr.Get("Cache-Control"))
	}
	again := func() int {
		req := httptest.NewRequest(http.MethodGet, "/datasets/imagenet-1k", nil)
		req.Header.Set("If-None-Match", tag)
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := again(); got != http.StatusNotModified {
		t.Fatalf("unchanged page: status %d, want 304", got)
	}
	if _, home, _ := get(t, app, "/"); strings.Contains(home, "Newcomer") {
		t.Fatal("the home page names a method that does not exist yet")
	}
	recs := []model.Record{{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
		HigherIsBetter: true, MetricUnit: "%", Method: "Newcomer", Value: 91.5, Unit: "%", Raw: "91.5", Confidence: "high"}}
	if _, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	// The write came from outside this app (as an import from the command
	// line does): the app hears of it through Postgres's notification,
	// moments after the commit.
	deadline := time.Now().Add(2 * time.Second)
	for got := again(); got != http.StatusOK; got = again() {
		if got != http.StatusNotModified || time.Now().After(deadline) {
			t.Fatalf("after a write the page must change: status %d", got)
		}
		time.Sleep(5 * time.Millisecond)
	}
	_, body, _ := get(t, app, "/datasets/imagenet-1k")
	if !strings.Contains(body, "Newcomer") {
		t.Fatal("the leaderboard does not show the new result after the write")
	}
	if _, home, _ := get(t, app, "/"); !strings.Contains(home, "Newcomer") {
		t.Fatal("the cached home page still shows the old best after the write")
	}
	if _, _, hdr := get(t, app, "/datasets/imagenet-1k.csv"); hdr.Get("ETag") != "" {
		t.Error("a streamed export must not be hashed for an ETag")
	}
}

// TestFeedLinksUsePublicURL: with BENCHBOARD_PUBLIC_URL set, absolute
// links ignore the Host header a client sends; without it they follow it.
func TestFeedLinksUsePublicURL(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		public, want string
	}{
		{"", "http://forged.example/"},
		{"https://benchboard.example.org", "https://benchboard.example.org/"},
	} {
		app, err := web.New(st, web.Options{Log: discardLog(), PublicURL: tc.public})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodGet, "/changes.atom", nil)
		req.Host = "forged.example"
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		links := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(string(body), -1)
		if resp.StatusCode != 200 || len(links) < 3 {
			t.Fatalf("public URL %q: status %d, %d links", tc.public, resp.StatusCode, len(links))
		}
		for _, l := range links {
			if !strings.HasPrefix(l[1], tc.want) {
				t.Errorf("public URL %q: link %q does not start with %q", tc.public, l[1], tc.want)
			}
		}
	}
}

// TestHomeListsTheLargestDatasetsOfATask: past a dozen datasets in a task,
// the home page lists those with the most results and links to the task's
// page, which lists them all.
func TestHomeListsTheLargestDatasetsOfATask(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t)
	db := st.DB()
	for i := range 15 {
		// Dataset i has i results, so the three smallest are the ones left out.
		err := db.Exec(`WITH d AS (
				INSERT INTO datasets (task_id, slug, name) SELECT id, $1, $2 FROM tasks WHERE slug = 'image-classification' RETURNING id),
			m AS (INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary) SELECT id, 'acc', 'Acc', true, true FROM d RETURNING id, dataset_id)
			INSERT INTO results (dataset_id, metric_id, method_id, value, score, reported_in)
			SELECT m.dataset_id, m.id, (SELECT min(id) FROM methods), g, g, 'r' || g FROM m, generate_series(1, $3) g`,
			fmt.Sprintf("extra-%d", i), fmt.Sprintf("Extra set %02d", i), i).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	_, home, _ := get(t, app, "/")
	_, task, _ := get(t, app, "/tasks/image-classification")
	for _, tc := range []struct {
		page, text string
		want       bool
	}{
		{home, "Extra set 14", true},
		{home, "Extra set 04", true},
		{home, "Extra set 03", false}, // 3 results: fewer than ImageNet-1k and the 11 largest extras
		{home, "Extra set 00", false},
		{home, `href="/tasks/image-classification">All 16 Image classification datasets</a> (4 more`, true},
		{home, "CUHK-PEDES", true}, // other tasks are unaffected
		{task, "Extra set 00", true},
		{task, "Extra set 14", true},
		{task, "ImageNet-1k", true},
		{task, "more, with fewer results", false},
	} {
		if got := strings.Contains(tc.page, tc.text); got != tc.want {
			t.Errorf("page contains %q: %v, want %v", tc.text, got, tc.want)
		}
	}
}
