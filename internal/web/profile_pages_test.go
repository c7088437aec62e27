package web_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// TestMethodAndPaperPagesPaginate: a method on 130 boards, with three
// results on each (two settings of the primary metric, one secondary), and
// one result of another method citing the method's paper. The method's
// page lists its best result per board, 100 at a time; ?view=all lists all
// 390; the paper's page lists the 391 numbers it reported. Every page links
// to its neighbours, and walking the pages shows every result once.
func TestMethodAndPaperPagesPaginate(t *testing.T) {
	t.Parallel()
	app, st := seededApp(t)
	var recs []model.Record
	for i := range 130 {
		base := model.Record{Task: "Pagination", Dataset: fmt.Sprintf("Pager bench %03d", i), Method: "Pager Net",
			PaperTitle: "Pager networks", ArxivID: "2401.00001", PaperDate: "2024-01-02", Confidence: "high", ReportedIn: "Pager networks"}
		for _, v := range []struct {
			metric  string
			primary bool
			setting string
			value   float64
		}{{"Accuracy", true, "", 50 + float64(i)/10}, {"Accuracy", true, "fine-tuned", 60 + float64(i)/10}, {"Error", false, "", 9}} {
			r := base
			r.Metric, r.PrimaryMetric, r.HigherIsBetter, r.Setting = v.metric, v.primary, v.primary, v.setting
			r.Value, r.Raw = v.value, model.FormatNumber(v.value)
			recs = append(recs, r)
		}
	}
	recs = append(recs, model.Record{Task: "Pagination", Dataset: "Pager bench 007", Metric: "Accuracy", PrimaryMetric: true,
		HigherIsBetter: true, Method: "Citing Net", Value: 40, Raw: "40", Confidence: "high",
		ReportedIn: "Table 2 of arXiv:2401.00001"})
	if _, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}

	resultLink := regexp.MustCompile(`href="/results/(\d+)"`)
	type want struct {
		path        string
		rows        int
		texts       []string
		prev, next  string // "" means no such link
		notContains []string
	}
	method := "/methods/pager-net"
	tests := []want{
		{path: method, rows: 100, prev: "", next: method + "?page=2",
			texts:       []string{"The best result on each of 130 benchmarks", "page 1 of 2", `href="/methods/pager-net?view=all"`, "Pager bench 000", ">60</a>"},
			notContains: []string{">50</a>", "Pager bench 100"}},
		{path: method + "?page=2", rows: 30, prev: method, next: "",
			texts: []string{"page 2 of 2", "Pager bench 100", "Pager bench 129", ">72.9</a>"}, notContains: []string{"Pager bench 099"}},
		{path: method + "?view=all", rows: 100, prev: "", next: method + "?page=2&amp;view=all",
			texts: []string{"All 390 results", "page 1 of 4", `href="/methods/pager-net"`, ">50</a>", ">60</a>"}},
		{path: method + "?view=all&page=4", rows: 90, prev: method + "?page=3&amp;view=all", next: "",
			texts: []string{"page 4 of 4", "Pager bench 129"}},
	}
	for _, tc := range tests {
		status, body, _ := get(t, app, tc.path)
		if status != 200 {
			t.Fatalf("GET %s: %d", tc.path, status)
		}
		if n := len(resultLink.FindAllString(body, -1)); n != tc.rows {
			t.Errorf("GET %s: %d results listed, want %d", tc.path, n, tc.rows)
		}
		for _, w := range tc.texts {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tc.path, w)
			}
		}
		for _, w := range tc.notContains {
			if strings.Contains(body, w) {
				t.Errorf("GET %s shows %q", tc.path, w)
			}
		}
		checkPager(t, tc.path, body, tc.prev, tc.next)
	}

	// Every result of the method, once, over the pages of ?view=all.
	seen := map[string]bool{}
	for p := 1; p <= 4; p++ {
		_, body, _ := get(t, app, fmt.Sprintf("%s?view=all&page=%d", method, p))
		for _, m := range resultLink.FindAllStringSubmatch(body, -1) {
			if seen[m[1]] {
				t.Errorf("result %s is on two pages", m[1])
			}
			seen[m[1]] = true
		}
	}
	if len(seen) != 390 {
		t.Errorf("the pages of ?view=all list %d results, want 390", len(seen))
	}

	_, body, _ := get(t, app, method)
	m := regexp.MustCompile(`href="(/papers/[^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the method's page does not link its paper")
	}
	paper := m[1]
	seen = map[string]bool{}
	citing := false
	for p := 1; p <= 4; p++ {
		path := paper
		if p > 1 {
			path = fmt.Sprintf("%s?page=%d", paper, p)
		}
		status, body, _ := get(t, app, path)
		if status != 200 {
			t.Fatalf("GET %s: %d", path, status)
		}
		if !strings.Contains(body, fmt.Sprintf("391 results, by dataset · page %d of 4", p)) {
			t.Errorf("GET %s does not say it is page %d of 4 of 391 results", path, p)
		}
		prev, next := "", fmt.Sprintf("%s?page=%d", paper, p+1)
		if p == 2 {
			prev = paper
		} else if p > 2 {
			prev = fmt.Sprintf("%s?page=%d", paper, p-1)
		}
		if p == 4 {
			next = ""
		}
		checkPager(t, path, body, prev, next)
		citing = citing || strings.Contains(body, "Citing Net")
		for _, m := range resultLink.FindAllStringSubmatch(body, -1) {
			seen[m[1]] = true
		}
	}
	if len(seen) != 391 || !citing {
		t.Errorf("the paper's pages list %d results (want 391), the citing one: %v", len(seen), citing)
	}

	for _, bad := range []struct{ path, param string }{
		{method + "?page=3", `"page"`}, {method + "?page=0", `"page"`}, {method + "?view=best", `"view"`}, {paper + "?page=5", `"page"`},
	} {
		status, body, _ := get(t, app, bad.path)
		if status != 400 || !strings.Contains(body, bad.param) && !strings.Contains(body, strings.ReplaceAll(bad.param, `"`, "&#34;")) {
			t.Errorf("GET %s: %d, want a 400 naming %s", bad.path, status, bad.param)
		}
	}
}

// checkPager checks a page's previous and next links ("" for none).
func checkPager(t *testing.T, path, body, prev, next string) {
	t.Helper()
	for _, l := range []struct{ rel, href string }{{"prev", prev}, {"next", next}} {
		re := regexp.MustCompile(`<a href="([^"]*)" rel="` + l.rel + `"`)
		got := ""
		if m := re.FindStringSubmatch(body); m != nil {
			got = m[1]
		}
		if got != l.href {
			t.Errorf("GET %s: %s link %q, want %q", path, l.rel, got, l.href)
		}
	}
}
