package web_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/benchboard/benchboard/internal/web"
)

// axeSource is axe-core from web/node_modules (`make assets` installs it
// from web/package-lock.json). Only this test injects it; no page links it.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../web/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is missing: run `make assets` (npm ci in web/): %v", err)
	}
	return string(b)
}

// axeRunJS lists axe's serious and critical violations, one line each.
const axeRunJS = `axe.run(document).then(r => ({
	passes: r.passes.length,
	serious: r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')),
}))`

type axeResult struct {
	Passes  int      `json:"passes"`
	Serious []string `json:"serious"`
}

func axeViolations(t *testing.T, ctx context.Context, src string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	if out.Passes < 10 {
		t.Fatalf("axe passed only %d rules: it did not look at the page", out.Passes)
	}
	return out.Serious
}

// TestAccessibility runs axe-core over the home page, a leaderboard, a
// method page, the suggestion forms, the login form and the moderation
// pages, and fails on any serious or critical violation. A moderator's top
// bar fits one line at 1366 px.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("moderator.with.a.long.address@example.org")
	id := corrItoa(site.resultID("imagenet-1k", beit))
	if p := site.client().suggestCorrection(site.resultID("imagenet-1k", beit), "value", "91.25", "source_url", "https://arxiv.org/abs/2106.08254"); p.Status != 303 {
		t.Fatalf("suggest a correction: %d", p.Status)
	}
	var subID string
	site.db.Raw(`SELECT max(id)::text FROM submissions`).Scan(&subID)
	base := listen(t, site.app)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}

	check := func(path, ready string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, v := range axeViolations(t, ctx, src) {
			t.Errorf("%s: %s", path, v)
		}
	}
	for _, p := range []struct{ path, ready string }{
		{"/", "main h1"},
		{"/datasets/imagenet-1k", "#board"},
		{"/datasets/rstpreid?from=20x", "#from-error"},
		{"/datasets/imagenet-1k?setting=none-such", "#no-rows"},
		{"/methods/beit-l", "main h1"},
		{"/methods", "#browse"},
		{"/papers", "#browse"},
		{"/results/" + id, "main h1"},
		{"/results/" + id + "/correct", "form.suggest"},
		{"/results/" + id + "/flag", "main form"},
		{"/datasets/imagenet-1k/suggest", "form.suggest"},
		{"/login", "#email"},
	} {
		check(p.path, p.ready)
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), "moderator.with.a.long.address@example.org"),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
	)
	if err != nil {
		t.Fatalf("log in: %v", err)
	}
	// One line: the top bar's parts (nav, search, account) share a row,
	// so each starts above where every other ends.
	bar, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(() => {
		const boxes = [...document.querySelectorAll('.topbar > *')].map(e => e.getBoundingClientRect());
		return [Math.round(Math.max(...boxes.map(b => b.top))), Math.round(Math.min(...boxes.map(b => b.bottom))), boxes.length];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("moderator's top bar at 1366 px: %d parts, lowest top %d px, highest bottom %d px", bar[2], bar[0], bar[1])
	if bar[2] != 3 || bar[0] >= bar[1] {
		t.Errorf("the moderator's top bar wraps at 1366 px: lowest top %d px, highest bottom %d px", bar[0], bar[1])
	}
	for _, p := range []struct{ path, ready string }{
		{"/mod/queue", "table.queue"},
		{"/mod/submissions/" + subID, "#diff"},
		{"/mod/import", "main form"},
		{"/mod/metrics", "main h1"},
		{"/mod/extract", "main form"},
		{"/datasets/imagenet-1k", "#board"},
	} {
		check(p.path, p.ready)
	}
}

// TestKeyboardSortAndFilter: with the keyboard alone (Tab, Enter, typing)
// a visitor sorts the leaderboard by a column and filters it by year.
func TestKeyboardSortAndFilter(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	base := listen(t, app)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/imagenet-1k"), chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	// tabTo presses Tab until the focused element matches sel.
	tabTo := func(sel string) {
		t.Helper()
		for i := 0; i < 200; i++ {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.matches(`+quoteJS(sel)+`)`))
			if err != nil {
				t.Fatal(err)
			}
			if on {
				return
			}
		}
		t.Fatalf("200 presses of Tab never reached %s", sel)
	}
	waitFor := func(cond string) {
		t.Helper()
		// The page navigates away under the poll: its context goes, and
		// the poll starts again in the next page.
		deadline := time.Now().Add(15 * time.Second)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: %v", cond, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
			t.Fatal(err)
		}
	}

	tabTo(`a[data-sort="method"]`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(`location.search.includes('sort=method') && document.readyState === 'complete'`)
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#board tbody .method a')].map(a => a.textContent.toLowerCase())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 10 {
		t.Fatalf("%d methods after sorting", len(names))
	}
	for i := 1; i < len(names); i++ {
		if names[i] < names[i-1] && !strings.HasPrefix(names[i-1], names[i]) {
			t.Fatalf("not sorted by method after Enter on its header: %q before %q", names[i-1], names[i])
		}
	}

	// From 2021: ImageNet-1k ranks its standard setting by default, whose
	// results run to 2022 (the zero-shot ones of 2023 are a setting apart).
	tabTo(`input[name="from"]`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("2021"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(`location.search.includes('from=2021') && document.readyState === 'complete'`)
	years, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#board tbody td.paper .year')].map(s => s.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(years) == 0 {
		t.Fatal("no rows after filtering from 2021")
	}
	for _, y := range years {
		if y < "(2021)" {
			t.Errorf("a row of %s after filtering from 2021", y)
		}
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "sort=method") {
		t.Errorf("the filter lost the sort: %s", loc)
	}
}

func quoteJS(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
