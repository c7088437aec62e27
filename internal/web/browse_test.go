package web_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBrowsePages: the methods and papers pages list everything, sorted by
// result count (most first) unless asked otherwise; a header's link sorts
// by it, and the current one flips.
func TestBrowsePages(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	lastCount := regexp.MustCompile(`<td class="num">(\d+)</td></tr>`)
	counts := func(body string) []int {
		var out []int
		for _, m := range lastCount.FindAllStringSubmatch(body, -1) {
			n, _ := strconv.Atoi(m[1])
			out = append(out, n)
		}
		return out
	}
	tests := []struct {
		path     string
		status   int
		desc     bool // the last column (results) runs most first
		contains []string
	}{
		{"/methods", 200, true, []string{"103 methods", "Results ▼", `href="/methods?order=asc&amp;sort=results"`, `href="/methods/sen-xl"`}},
		{"/methods?sort=results&order=asc", 200, false, []string{"Results ▲", `href="/methods?order=desc&amp;sort=results"`}},
		{"/methods?sort=name", 200, false, []string{"Method ▲"}},
		{"/papers", 200, true, []string{"papers", "Results ▼", `href="/papers/hyenadna-long-range-genomic-sequence-modeling-at-single-nucleotide-resolution"`}},
		{"/methods?sort=popularity", 400, false, []string{`&#34;sort&#34;`, "datasets, name, results"}},
		{"/papers?order=up", 400, false, []string{`&#34;order&#34;`}},
		{"/methods?page=3", 400, false, []string{"there are 2 pages"}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			status, body, _ := get(t, app, tc.path)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", status, tc.status, body)
			}
			for _, want := range tc.contains {
				if !strings.Contains(body, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
			if status != 200 || strings.Contains(tc.path, "sort=name") {
				return
			}
			c := counts(body)
			if len(c) < 10 {
				t.Fatalf("%d rows with a count", len(c))
			}
			for i := 1; i < len(c); i++ {
				if tc.desc && c[i] > c[i-1] || !tc.desc && c[i] < c[i-1] {
					t.Fatalf("result counts out of order at row %d: %v", i, c)
				}
			}
			if c[0] == c[len(c)-1] {
				t.Errorf("every count is %d: nothing to sort", c[0])
			}
		})
	}
}
