package web_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var sortKey = regexp.MustCompile(`data-sort="([^"]+)"`)

// TestBoardColumns: metric columns follow the metrics' positions (a family
// such as Rank-1/5/10 in numeric order, whatever order the seed met them
// in), and a column no row fills is left out.
func TestBoardColumns(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	tests := []struct {
		slug    string
		sorts   []string // the sortable headers, in order
		headers []string // other headers that must be there
		absent  []string // and headers that must not
	}{
		{"cuhk-pedes", []string{"method", "rank-1", "rank-5", "rank-10", "map", "minp", "year"}, []string{">Setting<", ">Source<"}, []string{">Code<"}},
		{"rstpreid", []string{"method", "rank-1", "rank-5", "rank-10", "map", "minp", "year"}, nil, []string{`data-sort="params"`}},
		{"imagenet-1k", []string{"method", "top-1-accuracy", "params", "year"}, []string{">Setting<"}, nil},
		{"mouse-enhancers", []string{"method", "accuracy", "params", "year"}, []string{">Setting<", ">Source<"}, []string{">Code<"}},
	}
	for _, tc := range tests {
		t.Run(tc.slug, func(t *testing.T) {
			status, body, _ := get(t, app, "/datasets/"+tc.slug)
			if status != 200 {
				t.Fatalf("status %d", status)
			}
			head := body[strings.Index(body, `<table class="board"`):strings.Index(body, "</thead>")]
			var got []string
			for _, m := range sortKey.FindAllStringSubmatch(head, -1) {
				got = append(got, m[1])
			}
			if !slices.Equal(got, tc.sorts) {
				t.Errorf("sortable headers %v, want %v", got, tc.sorts)
			}
			for _, h := range tc.headers {
				if !strings.Contains(head, h) {
					t.Errorf("no %s header", h)
				}
			}
			for _, h := range tc.absent {
				if strings.Contains(head, h) {
					t.Errorf("header %s shown, though no row fills it", h)
				}
			}
		})
	}
}
