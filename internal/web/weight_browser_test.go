package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// transfer is what one page view cost on the wire, by the browser's own
// account (Resource Timing's transferSize: compressed bodies plus headers).
type transfer struct {
	Bytes     int      `json:"bytes"`
	Resources []string `json:"resources"`
}

const transferJS = `(() => {
	const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
	return {
		bytes: entries.reduce((n, e) => n + e.transferSize, 0),
		resources: entries.map(e => new URL(e.name).pathname + ' ' + e.transferSize),
	};
})()`

// TestPageWeight: a leaderboard's first view (page, styles, scripts and
// its charts) is at most 250 KB on the wire and the home page at most
// 50 KB; pages without a chart load no ECharts at all.
func TestPageWeight(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)
	// Every view is a first view: nothing comes from the browser's cache.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		limit  int
		charts bool // the page draws charts (and so loads ECharts)
	}{
		{"/", 50_000, false},
		{"/login", 50_000, false},
		{"/search?q=vit", 50_000, false},
		{"/datasets/imagenet-1k", 250_000, true},
		{"/datasets/cuhk-pedes", 250_000, true},
		{"/datasets/mmlu", 250_000, true},
		{"/methods/beit-l", 250_000, true},
	}
	for _, tc := range tests {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+tc.path)); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if tc.charts {
			// Wait until every chart on the page has drawn: lazy charts
			// fetch charts.json first, and that request counts too.
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
				const els = document.querySelectorAll('.chart');
				return els.length > 0 && [...els].every(el => el.dataset.chartReady === 'true' || !el.isConnected);
			})()`, chromedp.WithPollingTimeout(20*time.Second)))
			if err != nil {
				t.Fatalf("%s: the charts never finished drawing: %v", tc.path, err)
			}
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[transfer](transferJS))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-24s %7d bytes on the wire: %s", tc.path, got.Bytes, strings.Join(got.Resources, ", "))
		if got.Bytes > tc.limit {
			t.Errorf("%s: %d bytes on the wire, the budget is %d", tc.path, got.Bytes, tc.limit)
		}
		if got.Bytes < 1000 {
			t.Errorf("%s: %d bytes: the measure counts nothing", tc.path, got.Bytes)
		}
		loadsECharts := strings.Contains(strings.Join(got.Resources, " "), "echarts")
		if loadsECharts != tc.charts {
			t.Errorf("%s: loads ECharts %t, want %t", tc.path, loadsECharts, tc.charts)
		}
	}
}
