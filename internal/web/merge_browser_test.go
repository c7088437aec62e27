package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// TestBrowserMergeFlow: an import brings a spelling of a seeded method in
// as a new name; a moderator finds it on the names page beside the method
// it spells, previews the merge, merges, and undoes it, in Chromium.
func TestBrowserMergeFlow(t *testing.T) {
	ctx := newBrowser(t)
	site := newCorrSite(t, web.Options{SubmitPerHour: 1000})
	pw := site.moderator("mod@example.org")
	const spelling, seeded = "BigNAS Model-S (v2)", "BigNASModel-S"
	_, err := site.st.Ingest(context.Background(), store.Records([]model.Record{{Task: "Image classification",
		Dataset: "ImageNet-1k", Metric: "Top-1 accuracy", HigherIsBetter: true, MetricUnit: "%", Method: spelling,
		Value: 76.9, Unit: "%", Raw: "76.9", ReportedIn: "merge test table", Confidence: "high"}}),
		store.IngestOptions{Action: "import", Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	fromID := int64(site.count(`SELECT id FROM methods WHERE name = $1`, spelling))
	intoID := int64(site.count(`SELECT id FROM methods WHERE name = $1`, seeded))
	var intoSlug string
	site.db.Raw(`SELECT slug FROM methods WHERE id = $1`, intoID).Scan(&intoSlug)
	base := listen(t, site.app)

	must := func(what string, err error) { t.Helper(); mustRun(t, what, err) }
	text := func(sel string) string { t.Helper(); return browserText(t, ctx, sel) }
	onMethod := func(methodID int64) int {
		return site.count(`SELECT count(*) FROM results WHERE reported_in = 'merge test table' AND method_id = $1`, methodID)
	}

	must("log in", chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), "mod@example.org"),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.CSS(`form.suggest button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("flash")),
	))

	// The names page lists the spelling beside the seeded method.
	row := "#method-" + corrItoa(fromID)
	link := row + ` a.merge-into[href*="into=` + intoSlug + `"]`
	must("names page", chromedp.Do(ctx, chromedp.Navigate(base+"/mod/names"), chromedp.WaitVisible(chromedp.CSS(link))))
	if got := text(link); got != seeded {
		t.Fatalf("the merge link reads %q, want %q", got, seeded)
	}

	// Preview: what would move; nothing has changed yet.
	must("preview", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(link)), chromedp.WaitVisible(chromedp.ID("merge-plan"))))
	if got := text("#merge-move"); got != "1" {
		t.Errorf("the preview moves %q results, want 1", got)
	}
	if onMethod(fromID) != 1 {
		t.Fatal("the preview changed the database")
	}

	// Merge.
	must("merge", chromedp.Do(ctx, chromedp.Click(chromedp.ID("merge-confirm")), chromedp.WaitVisible(chromedp.ID("flash"))))
	if got := text("#flash"); !strings.Contains(got, "Merged "+spelling+" into "+seeded) {
		t.Errorf("flash after merge: %q", got)
	}
	if onMethod(intoID) != 1 || site.count(`SELECT count(*) FROM methods WHERE id = $1`, fromID) != 0 {
		t.Fatal("after the merge the result is not on the seeded method, or the spelling is still a method")
	}
	if site.count(`SELECT count(*) FROM method_aliases WHERE alias = $1 AND method_id = $2`, spelling, intoID) != 1 {
		t.Error("the merge recorded no alias")
	}
	var mergeID int64
	site.db.Raw(`SELECT id FROM merges ORDER BY id DESC LIMIT 1`).Scan(&mergeID)

	// The spelling's page leads to the method it was merged into.
	const fromSlug = "bignas-model-s-v2" // Slugify(spelling)
	must("merged method's page", chromedp.Do(ctx, chromedp.Navigate(base+"/methods/"+fromSlug), chromedp.WaitVisible(chromedp.CSS("h1"))))
	at, err := chromedp.Run(ctx, chromedp.Location())
	must("location", err)
	if !strings.HasSuffix(at, "/methods/"+intoSlug) {
		t.Errorf("/methods/%s leads to %s, want /methods/%s", fromSlug, at, intoSlug)
	}

	// The moved result's history says so.
	resultID := site.count(`SELECT id FROM results WHERE reported_in = 'merge test table'`)
	must("result page", chromedp.Do(ctx, chromedp.Navigate(base+"/results/"+corrItoa(int64(resultID))),
		chromedp.WaitVisible(chromedp.CSS("li.merge"))))
	if got := text("li.merge"); !strings.Contains(got, "moved from method “"+spelling+"” to “"+seeded+"”") {
		t.Errorf("the result's history reads %q", got)
	}

	// Undo, from the list of recent merges.
	undo := "#merge-" + corrItoa(mergeID) + " button.undo-merge"
	// A fresh page (the flash was shown once), so that the flash waited for is the undo's.
	must("undo", chromedp.Do(ctx, chromedp.Navigate(base+"/mod/names"), chromedp.WaitVisible(chromedp.CSS(undo)), chromedp.Click(chromedp.CSS(undo)),
		chromedp.WaitVisible(chromedp.ID("flash"))))
	if got := text("#flash"); !strings.Contains(got, "Undone") {
		t.Errorf("flash after undo: %q", got)
	}
	if onMethod(fromID) != 1 || site.count(`SELECT count(*) FROM method_aliases WHERE alias = $1`, spelling) != 0 {
		t.Fatal("after undo the result is not back on the spelling, or the alias stayed")
	}

	// The history shows the merge, once, as undone.
	must("changes", chromedp.Do(ctx, chromedp.Navigate(base+"/changes"), chromedp.WaitVisible(chromedp.ID("merge-history"))))
	if got := text("#merge-history"); !strings.Contains(got, spelling) || !strings.Contains(got, "undone") {
		t.Errorf("history: %q", got)
	}
}
