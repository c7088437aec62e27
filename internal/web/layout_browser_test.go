package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// seededSlugs lists every dataset of the seed that has a leaderboard of its
// own (a parent entry such as GenomicBenchmarks has none), from the API.
func seededSlugs(t *testing.T, base string) []string {
	t.Helper()
	_, body := httpGet(t, base+"/api/v1/datasets")
	var doc struct {
		Datasets []struct {
			Slug    string `json:"slug"`
			Metrics []any  `json:"metrics"`
		} `json:"datasets"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("/api/v1/datasets: %v", err)
	}
	var out []string
	for _, d := range doc.Datasets {
		if len(d.Metrics) > 0 {
			out = append(out, d.Slug)
		}
	}
	if len(out) < 10 {
		t.Fatalf("the seed has %d boards, want every seeded board", len(out))
	}
	return out
}

// overflow is what a page and its leaderboard measure in the browser.
type overflow struct {
	Viewport    int    `json:"viewport"`    // the window's inner width
	Page        int    `json:"page"`        // the document's scroll width
	Table       int    `json:"table"`       // the board table's own width
	Wrap        int    `json:"wrap"`        // the width of the region it scrolls in
	RankRight   int    `json:"rankRight"`   // right edges of the first row's rank,
	MethodRight int    `json:"methodRight"` // method name
	ScoreRight  int    `json:"scoreRight"`  // and primary score, in viewport pixels
	Columns     string `json:"columns"`     // each header and its width, for the log
}

const measureJS = `(() => {
	const r = e => e ? Math.ceil(e.getBoundingClientRect().right) : -1;
	const table = document.querySelector('#board');
	const row = document.querySelector('#board tbody tr');
	return {
		viewport: window.innerWidth,
		page: document.documentElement.scrollWidth,
		table: table ? Math.ceil(table.getBoundingClientRect().width) : -1,
		wrap: table ? table.parentElement.clientWidth : -1,
		rankRight: r(row && row.querySelector('.rank')),
		methodRight: r(row && row.querySelector('.method a')),
		scoreRight: r(row && row.querySelector('td.primary')),
		columns: table ? [...table.querySelectorAll('thead th')].map(h => h.textContent.trim() + ' ' + Math.round(h.getBoundingClientRect().width)).join(' | ') : '',
	};
})()`

func measure(ctx context.Context, url string, width, height int64) (overflow, error) {
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#board")),
	)
	if err != nil {
		return overflow{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[overflow](measureJS))
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

// TestBoardsFitTheScreen: at 1366 px every seeded leaderboard fits the
// window, table included; at 390 px the ImageNet page does not scroll
// sideways, and the first row's rank, method and primary score are on
// screen (the other columns scroll in the table's own region).
func TestBoardsFitTheScreen(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)
	for _, slug := range seededSlugs(t, base) {
		m, err := measure(ctx, base+"/datasets/"+slug, 1366, 900)
		if err != nil {
			t.Fatalf("%s: %v", slug, err)
		}
		t.Logf("1366 px %-28s page %4d  table %4d in %4d", slug, m.Page, m.Table, m.Wrap)
		if m.Page > m.Viewport {
			t.Errorf("%s at 1366 px: the page is %d px wide, the window %d", slug, m.Page, m.Viewport)
		}
		if m.Table > m.Wrap {
			t.Errorf("%s at 1366 px: the table is %d px wide, its region %d: it scrolls sideways (%s)", slug, m.Table, m.Wrap, m.Columns)
		}
	}
	m, err := measure(ctx, base+"/datasets/imagenet-1k", 390, 844)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("390 px imagenet-1k: page %d, table %d in %d; rank, method, score end at %d, %d, %d",
		m.Page, m.Table, m.Wrap, m.RankRight, m.MethodRight, m.ScoreRight)
	if m.Page > m.Viewport {
		t.Errorf("ImageNet at 390 px: the page is %d px wide, the window %d", m.Page, m.Viewport)
	}
	for _, c := range []struct {
		name  string
		right int
	}{{"rank", m.RankRight}, {"method", m.MethodRight}, {"primary score", m.ScoreRight}} {
		if c.right <= 0 || c.right > m.Viewport {
			t.Errorf("ImageNet at 390 px: the first row's %s ends at %d px, off a %d px screen (%s)", c.name, c.right, m.Viewport, m.Columns)
		}
	}
}
