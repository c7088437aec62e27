package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/benchboard/benchboard/internal/csvio"
)

// TestLeaderboardInBrowser walks what a researcher does: home → ImageNet-1k
// → sort by Top-1 twice → the best-so-far chart draws its points → the CSV
// downloads and parses.
func TestLeaderboardInBrowser(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)

	firstScores := func() []float64 {
		t.Helper()
		texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('#board tbody tr')].map(r => r.querySelector('td.num a.value')?.textContent ?? '')`))
		if err != nil {
			t.Fatal(err)
		}
		var out []float64
		for _, s := range texts {
			if s == "" {
				continue
			}
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("cell %q is not a number", s)
			}
			out = append(out, f)
		}
		if len(out) < 10 {
			t.Fatalf("only %d scores on the page", len(out))
		}
		return out
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(chromedp.CSS(`a[href="/datasets/imagenet-1k"]`)),
		chromedp.WaitVisible(chromedp.CSS("#board")),
	)
	if err != nil {
		t.Fatal(err)
	}
	initial := firstScores()
	if initial[0] < initial[len(initial)-1] {
		t.Fatalf("default order is not best first: %v", initial)
	}

	// First click on the current sort column flips it to ascending.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[data-sort="top-1-accuracy"]`)), chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "order=asc") {
		t.Fatalf("after one click the URL is %s, want order=asc", loc)
	}
	asc := firstScores()
	for i := 1; i < len(asc); i++ {
		if asc[i] < asc[i-1] {
			t.Fatalf("not ascending at %d: %v", i, asc)
		}
	}
	// The first visit was answered from the board's head, its charts
	// fetched from charts.json; this view read the whole board, and carries
	// its charts in the page. Both must draw.
	inline, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const el = document.querySelector('#chart-best');
		return el && el.hasAttribute('data-chart') && !el.hasAttribute('data-chart-lazy') ? el.dataset.chartReady : undefined;
	})()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || inline != "true" {
		t.Fatalf("the inline best-so-far chart never finished drawing: %q %v", inline, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[data-sort="top-1-accuracy"]`)), chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	desc := firstScores()
	for i := 1; i < len(desc); i++ {
		if desc[i] > desc[i-1] {
			t.Fatalf("not descending after the second click at %d: %v", i, desc)
		}
	}
	if desc[0] != asc[len(asc)-1] {
		t.Errorf("the order did not flip: best %v, last ascending %v", desc[0], asc[len(asc)-1])
	}

	// Back on the default view, kept from the first visit: its charts come
	// from charts.json. The chart sets data-chart-ready in ECharts'
	// "finished" event.
	ready, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const el = document.querySelector('#chart-best');
		return el && el.hasAttribute('data-chart-lazy') ? el.dataset.chartReady : undefined;
	})()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || ready != "true" {
		t.Fatalf("best-so-far chart (from charts.json) never finished drawing: %q %v", ready, err)
	}
	points, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => {
		const c = echarts.getInstanceByDom(document.querySelector('#chart-best'));
		return c.getOption().series.reduce((n, s) => n + s.data.length, 0);
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if points < 20 {
		t.Errorf("best-so-far series hold %d points, want the dated ImageNet results", points)
	}

	// Download the CSV through the page's link.
	dir := t.TempDir()
	err = chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
			return err
		}),
		chromedp.Click(chromedp.CSS(`a[href="/datasets/imagenet-1k.csv"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "imagenet-1k.csv")
	deadline := time.Now().Add(15 * time.Second)
	var data []byte
	for time.Now().Before(deadline) {
		if data, err = os.ReadFile(file); err == nil && len(data) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(data) == 0 {
		t.Fatalf("no CSV downloaded into %s", dir)
	}
	r, err := csvio.NewReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if rec.Dataset != "ImageNet-1k" {
			t.Fatalf("row of %s in the ImageNet-1k CSV", rec.Dataset)
		}
		rows++
	}
	if rows != 64 {
		t.Errorf("downloaded CSV has %d rows, the seed has 64", rows)
	}
}
