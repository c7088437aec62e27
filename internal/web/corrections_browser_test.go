package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/benchboard/benchboard/internal/web"
)

const corrChromium = "/usr/bin/chromium"

// TestBrowserCorrectionFlow drives Chromium through the whole flow: an
// anonymous visitor opens a result from the ImageNet-1k leaderboard and
// suggests a correction; a moderator (in a separate browser profile) logs
// in, opens the diff and approves; the leaderboard shows the new value and
// the result's history the change; a revert brings the old value back.
//
// With BENCHBOARD_SCREENSHOTS=1 it saves the diff view to
// docs/screenshots/moderation-diff.png for the README.
func TestBrowserCorrectionFlow(t *testing.T) {
	if _, err := os.Stat(corrChromium); err != nil {
		t.Skipf("%s is not installed (apt-get install -y chromium fonts-liberation); CI installs it", corrChromium)
	}
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	id := site.resultID("imagenet-1k", beit)
	var firstRevision int64
	site.db.Raw(`SELECT min(id) FROM revisions WHERE result_id = $1`, id).Scan(&firstRevision)
	base := listen(t, site.app)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(corrChromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 1000))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	must := func(what string, err error) { t.Helper(); mustRun(t, what, err) }
	text := func(c context.Context, sel string) string { t.Helper(); return browserText(t, c, sel) }
	valueLink := `#board a.value[href="/results/` + corrItoa(id) + `"]`

	// The visitor: leaderboard → result → "Suggest a correction".
	must("open the leaderboard", chromedp.Do(ctx,
		chromedp.Navigate(base+"/datasets/imagenet-1k"),
		chromedp.WaitVisible(chromedp.CSS(valueLink)),
	))
	if got := text(ctx, valueLink); got != "86.00" {
		t.Fatalf("the leaderboard shows %q for BEiT-L, want 86.00", got)
	}
	must("suggest a correction", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(valueLink)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/results/`+corrItoa(id)+`/correct"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/results/`+corrItoa(id)+`/correct"]`)),
		chromedp.WaitVisible(chromedp.ID("value")),
		chromedp.Clear(chromedp.ID("value")),
		chromedp.SendKeys(chromedp.ID("value"), "91.25"),
		chromedp.Clear(chromedp.ID("source_url")),
		chromedp.SendKeys(chromedp.ID("source_url"), "https://arxiv.org/abs/2106.08254"),
		chromedp.SendKeys(chromedp.ID("note"), "Table 9 of the paper reports 91.25 at this setting."),
		chromedp.Click(chromedp.CSS(`form.suggest button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("private-link")),
	))
	if got := text(ctx, "#status"); !strings.Contains(got, "waiting for a moderator") {
		t.Errorf("status page says %q", got)
	}
	must("reload the leaderboard", chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/imagenet-1k"), chromedp.WaitVisible(chromedp.CSS(valueLink))))
	if got := text(ctx, valueLink); got != "86.00" {
		t.Fatalf("before approval the leaderboard shows %q", got)
	}

	// The moderator, in a browser profile of their own.
	mctx, mcancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer mcancel()
	must("log in", chromedp.Do(mctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), "mod@example.org"),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.CSS(`form.suggest button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
	))
	must("open the diff", chromedp.Do(mctx,
		chromedp.Click(chromedp.CSS(`table.queue a.button`)),
		chromedp.WaitVisible(chromedp.ID("diff")),
	))
	diff := text(mctx, "#diff")
	for _, want := range []string{"86.00", "91.25", "changed", "https://arxiv.org/abs/2106.08254"} {
		if !strings.Contains(diff, want) {
			t.Errorf("the diff view lacks %q: %s", want, diff)
		}
	}
	if os.Getenv("BENCHBOARD_SCREENSHOTS") != "" {
		png, err := chromedp.Run(mctx, chromedp.FullScreenshot(100))
		must("screenshot", err)
		out := filepath.Join("..", "..", "docs", "screenshots", "moderation-diff.png")
		must("mkdir", os.MkdirAll(filepath.Dir(out), 0o755))
		must("write screenshot", os.WriteFile(out, png, 0o644))
		t.Logf("wrote %s", out)
	}
	must("approve", chromedp.Do(mctx,
		chromedp.SendKeys(chromedp.ID("comment"), "Checked Table 9."),
		chromedp.Click(chromedp.ID("approve")),
		chromedp.WaitVisible(chromedp.ID("flash")),
	))
	if got := text(mctx, "#flash"); !strings.Contains(got, "Approved suggestion") {
		t.Errorf("flash after approving: %q", got)
	}

	// Everyone sees the new value and the history row.
	must("leaderboard after approval", chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/imagenet-1k"), chromedp.WaitVisible(chromedp.CSS(valueLink))))
	if got := text(ctx, valueLink); got != "91.25" {
		t.Errorf("after approval the leaderboard shows %q, want 91.25", got)
	}
	must("history", chromedp.Do(ctx, chromedp.Navigate(base+"/results/"+corrItoa(id)), chromedp.WaitVisible(chromedp.CSS("ol.history"))))
	history := text(ctx, "ol.history")
	for _, want := range []string{"correction by Moderator mod", "value: 86 → 91.25", "Checked Table 9."} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q: %s", want, history)
		}
	}

	// The moderator reverts to the seeded revision.
	revert := `#revision-` + corrItoa(firstRevision) + ` form.revert`
	must("revert", chromedp.Do(mctx,
		chromedp.Navigate(base+"/results/"+corrItoa(id)),
		chromedp.WaitVisible(chromedp.CSS(revert)),
		chromedp.SendKeys(chromedp.CSS(revert+` input[name="comment"]`), "testing revert"),
		chromedp.Click(chromedp.CSS(revert+` button`)),
		chromedp.WaitVisible(chromedp.ID("flash")),
	))
	if got := text(mctx, "#flash"); !strings.Contains(got, "Reverted") {
		t.Errorf("flash after reverting: %q", got)
	}
	must("leaderboard after revert", chromedp.Do(ctx, chromedp.Navigate(base+"/datasets/imagenet-1k"), chromedp.WaitVisible(chromedp.CSS(valueLink))))
	if got := text(ctx, valueLink); got != "86.00" {
		t.Errorf("after the revert the leaderboard shows %q, want 86.00", got)
	}
	must("history after revert", chromedp.Do(ctx, chromedp.Navigate(base+"/results/"+corrItoa(id)), chromedp.WaitVisible(chromedp.CSS("ol.history"))))
	if h := text(ctx, "ol.history"); !strings.Contains(h, "revert by Moderator mod") || !strings.Contains(h, "value: 91.25 → 86") {
		t.Errorf("the history lacks the revert: %s", h)
	}
}
