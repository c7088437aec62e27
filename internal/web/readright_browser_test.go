package web_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// screenshot saves the viewport at 1366×height to docs/screenshots/name
// for the README, when BENCHBOARD_SCREENSHOTS is set, once every chart on
// the page has drawn.
func screenshot(ctx context.Context, t *testing.T, name string, height int64) {
	t.Helper()
	if os.Getenv("BENCHBOARD_SCREENSHOTS") == "" {
		return
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, height)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`[...document.querySelectorAll('[data-chart], [data-chart-lazy]')].every(el => el.dataset.chartReady === 'true') || undefined`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("charts did not draw: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("..", "..", "docs", "screenshots", name)
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

// matrixColumn reads one column of the parent page's methods × datasets
// table: NaN where a method has no result.
func matrixColumn(ctx context.Context, t *testing.T, index int) []float64 {
	t.Helper()
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(
		`[...document.querySelectorAll('#matrix tbody tr')].map(r => r.children[%d].querySelector('a.value')?.textContent ?? '')`, index)))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float64, len(texts))
	for i, s := range texts {
		if s == "" {
			out[i] = math.NaN()
			continue
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("cell %q is not a number", s)
		}
		out[i] = f
	}
	return out
}

// sortedBy reports whether vs (NaN: missing) is in order, missing last.
func sortedBy(vs []float64, desc bool) bool {
	seenMissing := false
	for i, v := range vs {
		if math.IsNaN(v) {
			seenMissing = true
			continue
		}
		if seenMissing {
			return false
		}
		if i > 0 && !math.IsNaN(vs[i-1]) && ((desc && v > vs[i-1]) || (!desc && v < vs[i-1])) {
			return false
		}
	}
	return true
}

// TestParentBenchmarkInBrowser: the home page's GenomicBenchmarks link opens
// a page of its own with its eight boards and a methods × datasets table,
// sorted by average rank, and sortable by each dataset and back.
func TestParentBenchmarkInBrowser(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(chromedp.CSS(`a[href="/datasets/genomicbenchmarks"]`)),
		chromedp.WaitVisible(chromedp.CSS("#matrix")),
	)
	if err != nil {
		t.Fatal(err)
	}
	boards, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#children tbody tr').length`))
	if err != nil || boards != 8 {
		t.Fatalf("%d child boards listed (%v), want 8", boards, err)
	}
	headers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#matrix thead a[data-sort]')].map(a => a.dataset.sort)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(headers) != 10 || headers[0] != "method" || headers[9] != "rank" || !slices.Contains(headers, "mouse-enhancers") {
		t.Fatalf("sortable headers = %v, want method, the 8 datasets, rank", headers)
	}
	avgRanks := func() []float64 {
		t.Helper()
		texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#matrix td[data-avg-rank]')].map(td => td.dataset.avgRank)`))
		if err != nil {
			t.Fatal(err)
		}
		var out []float64
		for _, s := range texts {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("average rank %q", s)
			}
			out = append(out, f)
		}
		return out
	}
	screenshot(ctx, t, "parent-benchmark.png", 1250)
	ranks := avgRanks()
	if len(ranks) < 5 || !sortedBy(ranks, false) {
		t.Fatalf("default order is not by average rank, best first: %v", ranks)
	}

	col := slices.Index(headers, "mouse-enhancers") // the row's cells: method, then datasets
	click := func(key string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#matrix a[data-sort="`+key+`"]`)), chromedp.WaitVisible(chromedp.CSS("#matrix"))); err != nil {
			t.Fatal(err)
		}
	}
	click("mouse-enhancers")
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "sort=mouse-enhancers") || !strings.Contains(loc, "order=desc") {
		t.Fatalf("after clicking Mouse Enhancers the URL is %s", loc)
	}
	desc := matrixColumn(ctx, t, col)
	if !sortedBy(desc, true) {
		t.Fatalf("Mouse Enhancers column is not best first: %v", desc)
	}
	click("mouse-enhancers")
	asc := matrixColumn(ctx, t, col)
	if !sortedBy(asc, false) || asc[0] == desc[0] {
		t.Fatalf("a second click did not flip the order: %v then %v", desc, asc)
	}
	click("rank")
	if got := avgRanks(); !sortedBy(got, false) {
		t.Fatalf("sorting by average rank: %v", got)
	}
	click("rank")
	if got := avgRanks(); !sortedBy(got, true) || got[0] == ranks[0] {
		t.Fatalf("sorting by average rank, flipped: %v", got)
	}
}

// TestSettingFacetInBrowser: RSTPReid ranks its clean-label results by
// default, lists each setting with its count, and ranks a noisy-label
// setting or all settings only when asked.
func TestSettingFacetInBrowser(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)

	type facet struct {
		Label   string `json:"label"`
		N       int    `json:"n"`
		Current bool   `json:"current"`
	}
	read := func() ([]facet, int, string) {
		t.Helper()
		fs, err := chromedp.Run(ctx, chromedp.Evaluate[[]facet](`[...document.querySelectorAll('#setting-facet a[data-setting-choice]')].map(a => ({
			label: a.firstChild.textContent.trim(), n: +a.querySelector('.n').textContent, current: a.getAttribute('aria-current') === 'true'}))`))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#board tbody tr').length`))
		if err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#board tbody').innerText`))
		if err != nil {
			t.Fatal(err)
		}
		return fs, rows, text
	}
	current := func(fs []facet) facet {
		for _, f := range fs {
			if f.Current {
				return f
			}
		}
		return facet{}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/rstpreid"), chromedp.WaitVisible(chromedp.CSS("#setting-facet"))); err != nil {
		t.Fatal(err)
	}
	screenshot(ctx, t, "leaderboard.png", 1300)
	fs, rows, text := read()
	labels := []string{}
	sum := 0
	for _, f := range fs[:len(fs)-1] {
		labels = append(labels, f.Label)
		sum += f.N
	}
	all := fs[len(fs)-1]
	if !slices.Equal(labels, []string{"standard", "20% noisy labels", "50% noisy labels"}) || all.Label != "all settings" {
		t.Fatalf("facet = %+v", fs)
	}
	if sum != all.N {
		t.Errorf("the settings' counts add up to %d, all settings says %d", sum, all.N)
	}
	if c := current(fs); c.Label != "standard" || rows != c.N {
		t.Fatalf("default: current %+v with %d rows in the table", c, rows)
	}
	if strings.Contains(text, "noise (Best)") {
		t.Errorf("the default ranking holds noisy-label rows:\n%s", text)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#setting-facet a[href$="setting=noise-20"]`)), chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	fs, rows, text = read()
	if c := current(fs); c.Label != "20% noisy labels" || rows != c.N || !strings.Contains(text, "20% noise") || strings.Contains(text, "50% noise") {
		t.Fatalf("20%% noisy labels: current %+v, %d rows:\n%s", c, rows, text)
	}
	rank, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#board tbody td.rank').textContent`))
	if err != nil || rank != "1" {
		t.Errorf("within a setting the first rank is %q (%v), want 1", rank, err)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#setting-facet a[href$="setting=all"]`)), chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	fs, rows, _ = read()
	if c := current(fs); c.Label != "all settings" || rows != all.N {
		t.Fatalf("all settings: current %+v, %d rows, want %d", c, rows, all.N)
	}
	// The count line says rows and results, as the home page does.
	count, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('p.count').textContent`))
	if err != nil || !regexp.MustCompile(`^\d+ of \d+ rows · \d+ results`).MatchString(count) {
		t.Errorf("count line %q (%v)", count, err)
	}
}

// TestHomeLinksAnswer200: every link on the home page answers 200.
func TestHomeLinksAnswer200(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)
	type answer struct {
		Href   string `json:"href"`
		Status int    `json:"status"`
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx,
		chromedp.Evaluate[[]answer](`Promise.all([...new Set([...document.querySelectorAll('a[href]')].map(a => a.href))]
			.filter(h => h.startsWith(location.origin))
			.map(h => fetch(h, {redirect: 'manual'}).then(r => ({href: h, status: r.status}))))`,
			chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 15 {
		t.Fatalf("only %d links on the home page: %v", len(got), got)
	}
	for _, a := range got {
		if a.Status != 200 {
			t.Errorf("%s answers %d", a.Href, a.Status)
		}
	}
}

// floatNoise is a number with a run of zeros or nines left by binary
// floating point: 70.19999999, 91.10000000000001.
var floatNoise = regexp.MustCompile(`\d\.\d*(?:0{5,}|9{5,})\d*`)

// TestNoFloatNoiseInBrowser: no page of the seeded site shows float noise,
// in its text or in its charts' labels and tooltips; and a top-N bar chart
// whose values are all above zero starts its axis above zero.
func TestNoFloatNoiseInBrowser(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	pages, err := evalAfterLoad[[]string](ctx,
		`[...new Set([...document.querySelectorAll('a[href^="/datasets/"], a[href^="/tasks/"]')].map(a => a.getAttribute('href')))]`)
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, "/", "/changes", "/datasets/imagenet-1k?setting=all", "/datasets/genomicbenchmarks?setting=all")
	// Method and paper pages, from the ImageNet board.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/imagenet-1k?setting=all")); err != nil {
		t.Fatal(err)
	}
	more, err := evalAfterLoad[[]string](ctx,
		`[...new Set([...document.querySelectorAll('#board a[href^="/methods/"], #board a[href^="/papers/"], #board a[href^="/results/"]')].map(a => a.getAttribute('href')))].slice(0, 30)`)
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, more...)
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		text, err := evalAfterLoad[string](ctx, `document.body.innerText`)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if m := floatNoise.FindString(text); m != "" {
			t.Errorf("%s shows %q", p, m)
		}
	}

	// Charts: the text they draw (labels, tooltips' value texts) and the
	// top-N axis.
	for _, board := range []string{"/datasets/imagenet-1k", "/datasets/cuhk-pedes?setting=all", "/datasets/mmlu"} {
		type chartText struct {
			Texts []string `json:"texts"`
			Min   float64  `json:"min"`
			Least float64  `json:"least"`
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+board)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Poll[chartText](`(() => {
			const el = document.querySelector('#chart-top');
			if (!el || el.dataset.chartReady !== 'true') return undefined;
			const c = echarts.getInstanceByDom(el);
			const o = c.getOption();
			const texts = [];
			for (const s of o.series) for (const d of s.data) {
				if (d && d.valueText) texts.push(d.valueText);
				if (d && d.label && d.label.formatter) texts.push(d.label.formatter);
			}
			const values = o.series[0].data.map(d => d.value);
			// The drawn axis, not only the option asked for.
			const min = c.getModel().getComponent('xAxis', 0).axis.scale.getExtent()[0];
			return {texts, min, least: Math.min(...values)};
		})()`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			t.Fatalf("%s: top-N chart: %v", board, err)
		}
		for _, s := range got.Texts {
			if floatNoise.MatchString(s) {
				t.Errorf("%s: chart text %q", board, s)
			}
		}
		if got.Least > 0 && !(got.Min > 0 && got.Min < got.Least) {
			t.Errorf("%s: bar axis starts at %v with every bar above %v", board, got.Min, got.Least)
		}
	}
}
