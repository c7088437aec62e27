package web_test

import (
	"archive/zip"
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/benchboard/benchboard/internal/web"
)

// uploadFile GETs the import form for its CSRF token, then posts the file
// as the browser does (multipart, the token first). With kv, fields are
// set or (with an empty value) left out.
func (c *corrClient) uploadFile(name string, content []byte, kv ...string) corrPage {
	c.t.Helper()
	fields := map[string]string{"format": "auto", "_csrf": c.formFields("/mod/import").Get("_csrf")}
	for i := 0; i+1 < len(kv); i += 2 {
		fields[kv[i]] = kv[i+1]
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, k := range []string{"_csrf", "format"} {
		if fields[k] != "" {
			mw.WriteField(k, fields[k])
		}
	}
	if name != "" {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			c.t.Fatal(err)
		}
		fw.Write(content)
	}
	if err := mw.Close(); err != nil {
		c.t.Fatal(err)
	}
	return c.send(http.MethodPost, "/mod/import", mw.FormDataContentType(), &body)
}

var previewRE = regexp.MustCompile(`^/mod/import/([0-9a-f]{32})$`)

// previewToken checks that p is the 303 to a preview and returns its token.
func previewToken(t *testing.T, p corrPage) string {
	t.Helper()
	if p.Status != http.StatusSeeOther {
		t.Fatalf("upload: status %d, want 303: %s", p.Status, corrSnippet(p.Text))
	}
	m := previewRE.FindStringSubmatch(p.Header.Get("Location"))
	if m == nil {
		t.Fatalf("upload redirects to %q, not to a preview", p.Header.Get("Location"))
	}
	return m[1]
}

func readTestdata(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportUpload: a moderator uploads the OGB Papers-with-Code file; the
// dry run writes nothing and shows the counts and the skipped values; the
// confirmation imports it as the moderator, naming the file, and deletes
// the upload; a second confirmation finds nothing.
func TestImportUpload(t *testing.T) {
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.login("mod@example.org", pw)
	ogb := readTestdata(t, "../pwc/testdata/ogb.json")

	before := site.resultsChecksum()
	token := previewToken(t, c.uploadFile("ogb.json", ogb))
	if site.resultsChecksum() != before || site.count(`SELECT count(*) FROM datasets WHERE name = 'ogbn-products'`) != 0 {
		t.Fatal("the dry run wrote to the database")
	}
	if n := site.count(`SELECT count(*) FROM uploads WHERE token = $1 AND size = $2`, token, len(ogb)); n != 1 {
		t.Fatalf("%d uploads stored with the file's size, want 1", n)
	}
	p := c.get("/mod/import/" + token)
	if p.Status != http.StatusOK {
		t.Fatalf("preview: %d: %s", p.Status, corrSnippet(p.Text))
	}
	for _, want := range []string{"Nothing has been written yet", "473 new", "2 conflicting", "ogbn-products",
		"15 values or rows left out", "not a number", "Papers with Code JSON", `action="/mod/import/` + token + `/confirm"`,
		// New names and guessed directions, from the dry run.
		`id="new-names"`, "Closest existing names", `id="guessed"`, "(guessed)"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("the preview lacks %q: %s", want, corrSnippet(p.Text))
		}
	}
	if !strings.Contains(p.Body, `name="_csrf"`) {
		t.Error("the confirm form carries no CSRF token")
	}

	// Another moderator can neither see nor confirm it.
	other := site.client()
	other.login("other@example.org", site.moderator("other@example.org"))
	if p := other.get("/mod/import/" + token); p.Status != http.StatusNotFound {
		t.Errorf("another moderator's preview: %d, want 404", p.Status)
	}
	v := other.formFields("/mod/import")
	if p := other.post("/mod/import/"+token+"/confirm", v); p.Status != http.StatusNotFound {
		t.Errorf("another moderator's confirm: %d, want 404", p.Status)
	}

	// Confirm without the CSRF token: refused.
	if p := c.post("/mod/import/"+token+"/confirm", nil); p.Status != http.StatusForbidden {
		t.Errorf("confirm without CSRF: %d, want 403", p.Status)
	}
	v = c.formFields("/mod/import/" + token)
	done := c.post("/mod/import/"+token+"/confirm", v)
	if loc := done.Header.Get("Location"); loc != "/changes" {
		t.Errorf("confirm redirects to %q", loc)
	}
	changes := c.follow(done)
	if !strings.Contains(changes.Text, "Imported ogb.json: 473 new, 0 unchanged, 0 changed, 2 conflicting (15 datasets). 15 values left out.") {
		t.Errorf("flash after import: %s", corrSnippet(changes.Text))
	}
	if n := site.count(`SELECT count(*) FROM revisions WHERE action = 'import' AND actor = $1 AND reason = $2`, "mod@example.org", "ogb.json"); n != 475 {
		t.Errorf("%d import revisions by the moderator naming the file, want 475", n)
	}
	if n := site.count(`SELECT count(*) FROM uploads`); n != 0 {
		t.Errorf("%d uploads left after the import", n)
	}
	if p := c.post("/mod/import/"+token+"/confirm", v); p.Status != http.StatusNotFound || !strings.Contains(p.Text, "This upload is gone") {
		t.Errorf("second confirm: %d: %s", p.Status, corrSnippet(p.Text))
	}
	board := c.get("/datasets/ogbn-products")
	if board.Status != http.StatusOK || !strings.Contains(board.Text, "direction inferred, awaiting review") {
		t.Errorf("ogbn-products after the import: %d: %s", board.Status, corrSnippet(board.Text))
	}

	// The same file again: everything is unchanged.
	token = previewToken(t, c.uploadFile("ogb.json", ogb))
	if p := c.get("/mod/import/" + token); !strings.Contains(p.Text, "0 new") || !strings.Contains(p.Text, "475 unchanged") {
		t.Errorf("re-upload preview: %s", corrSnippet(p.Text))
	}
}

// TestImportUploadErrors: a file that does not read comes back as the form
// with the importer's error, and nothing is stored; a file over the limit
// gets a 413 page; nobody but a moderator gets in.
func TestImportUploadErrors(t *testing.T) {
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.login("mod@example.org", pw)
	ogb := readTestdata(t, "../pwc/testdata/ogb.json")
	before := site.resultsChecksum()

	for _, tc := range []struct {
		name, file string
		content    []byte
		kv         []string
		status     int
		want       string
	}{
		{"truncated json", "ogb.json", ogb[:len(ogb)/2], nil, 422, "ogb.json: pwc: at byte 88945"},
		{"trailing comma", "t.json", []byte(`[{"task": "x", "datasets": [],}]`), nil, 422, "t.json: pwc: at byte"},
		{"wrong type", "w.json", []byte(`{"task": "x"}`), nil, 422, "w.json: pwc"},
		{"unknown csv header", "r.csv", []byte("task,dataset,colour\nx,y,z\n"), nil, 422, `"colour"`},
		{"bad csv value", "v.csv", badValueCSV(t), nil, 422, "v.csv: line 2:"},
		{"unknown extension", "results.txt", []byte("x"), nil, 422, "cannot tell the format"},
		{"no file", "", nil, nil, 422, "Choose a file"},
		{"bad format field", "r.csv", []byte("x"), []string{"format", "xml"}, 400, `Bad field "format"`},
		{"file over the limit", "big.csv", bytes.Repeat([]byte("x"), 51<<20), nil, 413, "big.csv is 51.0 MB; the limit is 50.0 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := c.uploadFile(tc.file, tc.content, tc.kv...)
			if p.Status != tc.status || !strings.Contains(p.Text, tc.want) {
				t.Errorf("status %d, want %d with %q: %s", p.Status, tc.status, tc.want, corrSnippet(p.Text))
			}
		})
	}
	// A body far over the limit is refused before it is read. app.Test
	// reports fasthttp's error instead of the answer: use a real server.
	rc := corrHTTPClient(t, listen(t, site.app))
	rc.login("mod@example.org", pw)
	if p := rc.uploadFile("huge.csv", bytes.Repeat([]byte("x"), 70<<20)); p.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("70 MB upload: %d, want 413: %s", p.Status, corrSnippet(p.Text))
	}
	if site.resultsChecksum() != before {
		t.Error("a failed upload wrote results")
	}
	if n := site.count(`SELECT count(*) FROM uploads`); n != 0 {
		t.Errorf("%d failed uploads stored", n)
	}

	// The format field overrides the extension.
	token := previewToken(t, c.uploadFile("ogb.txt", ogb, "format", "pwc"))
	if p := c.get("/mod/import/" + token); !strings.Contains(p.Text, "473 new") {
		t.Errorf("preview with an explicit format: %s", corrSnippet(p.Text))
	}

	// A running import (a double click) is not run or cancelled twice.
	site.db.Exec(`UPDATE uploads SET confirming_at = now() WHERE token = $1`, token)
	v := c.formFields("/mod/import/" + token)
	if p := c.post("/mod/import/"+token+"/confirm", v); p.Status != http.StatusConflict {
		t.Errorf("confirm while running: %d, want 409", p.Status)
	}
	if p := c.post("/mod/import/"+token+"/cancel", v); p.Status != http.StatusConflict {
		t.Errorf("cancel while running: %d, want 409", p.Status)
	}
	site.db.Exec(`UPDATE uploads SET confirming_at = NULL WHERE token = $1`, token)

	// Cancel deletes the upload.
	p := c.post("/mod/import/"+token+"/cancel", v)
	if p = c.follow(p); !strings.Contains(p.Text, "Cancelled: ogb.txt was not imported") {
		t.Errorf("after cancel: %s", corrSnippet(p.Text))
	}
	if site.count(`SELECT count(*) FROM uploads`) != 0 || site.resultsChecksum() != before {
		t.Error("cancel left the upload or wrote results")
	}

	// After a day an upload is gone, and the next upload deletes it.
	token = previewToken(t, c.uploadFile("ogb.json", ogb))
	site.db.Exec(`UPDATE uploads SET created_at = now() - interval '25 hours'`)
	if p := c.get("/mod/import/" + token); p.Status != http.StatusNotFound {
		t.Errorf("expired upload: %d, want 404", p.Status)
	}
	previewToken(t, c.uploadFile("ogb.json", ogb))
	if n := site.count(`SELECT count(*) FROM uploads WHERE token = $1`, token); n != 0 {
		t.Error("an expired upload was not deleted")
	}

	// Visitors: the form redirects to the login, posts are refused, and a
	// body over the app's limit is refused before the guard.
	anon := site.client()
	if p := anon.get("/mod/import"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login") {
		t.Errorf("anonymous form: %d %s", p.Status, p.Header.Get("Location"))
	}
	if p := anon.get("/mod/metrics"); p.Status != http.StatusSeeOther {
		t.Errorf("anonymous metrics page: %d", p.Status)
	}
	// app.Test reports fasthttp's refusal as its error.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "big.csv")
	fw.Write(bytes.Repeat([]byte("x"), 13<<20))
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/mod/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Cookie", "session_="+strings.Repeat("ab", 32))
	if _, err := site.app.Test(req, -1); err == nil || !strings.Contains(err.Error(), "body size exceeds") {
		t.Errorf("a 13 MB upload without a moderator's session: %v, want the body limit", err)
	}
}

// badValueCSV is a valid export header with one row whose value is text.
func badValueCSV(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("task,dataset,parent_dataset,metric,higher_is_better,metric_unit,primary_metric,method,value,plus_minus,unit,raw,setting,extra_data,params,compute,paper_title,arxiv_id,paper_url,paper_date,code_url,reported_in,source,source_url,confidence,note\r\n")
	b.WriteString("T,D,,M,true,,true,X,abc,,,,,false,,,,,,,,,,,high,\r\n")
	return b.Bytes()
}

// TestMetricDirectionReview: the metrics an import inferred are listed;
// confirming one sets it, clears the review mark, bumps the dataset's data
// version and records the decision; a second decision is a 409.
func TestMetricDirectionReview(t *testing.T) {
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.login("mod@example.org", pw)
	if p := c.get("/mod/metrics"); !strings.Contains(p.Text, "No metric is waiting for review") {
		t.Errorf("metrics page before any import: %s", corrSnippet(p.Text))
	}
	token := previewToken(t, c.uploadFile("ogb.json", readTestdata(t, "../pwc/testdata/ogb.json")))
	c.follow(c.post("/mod/import/"+token+"/confirm", c.formFields("/mod/import/"+token)))

	p := c.get("/mod/metrics")
	if p.Status != http.StatusOK {
		t.Fatalf("metrics page: %d: %s", p.Status, corrSnippet(p.Text))
	}
	for _, want := range []string{"ogbn-products", "Test Accuracy", "Validation Accuracy", "Confirm higher is better", "Confirm lower is better"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("the review page lacks %q", want)
		}
	}
	var id int64
	site.db.Raw(`SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id
		WHERE d.name = 'ogbn-products' AND m.name = 'Validation Accuracy'`).Scan(&id)
	if id == 0 || !strings.Contains(p.Body, `id="metric-`+corrItoa(id)+`"`) {
		t.Fatalf("Validation Accuracy (id %d) is not listed", id)
	}
	version := site.count(`SELECT data_version FROM datasets WHERE name = 'ogbn-products'`)
	inferredHigher := site.count(`SELECT higher_is_better::int FROM metrics WHERE id = $1`, id) == 1

	path := "/mod/metrics/" + corrItoa(id) + "/direction"
	v := hiddenFields(t, p.Body)
	if p := c.post(path, formWith(v, "direction", "sideways")); p.Status != http.StatusBadRequest {
		t.Errorf("bad direction: %d, want 400", p.Status)
	}
	if p := c.post(path, formWith(v, "direction", "lower")); p.Status != http.StatusSeeOther {
		t.Fatalf("set direction: %d: %s", p.Status, corrSnippet(p.Text))
	} else {
		want := "Validation Accuracy on ogbn-products: lower is better (confirmed)"
		if inferredHigher {
			want = "Validation Accuracy on ogbn-products: lower is better (changed from higher is better)"
		}
		if f := c.follow(p); !strings.Contains(f.Text, want) {
			t.Errorf("flash: want %q: %s", want, corrSnippet(f.Text))
		} else if strings.Contains(f.Body, `id="metric-`+corrItoa(id)+`"`) {
			t.Error("the metric is still listed")
		} else if !strings.Contains(f.Text, "by mod@example.org") {
			t.Error("the decision is not among the recent ones")
		}
	}
	if n := site.count(`SELECT count(*) FROM metrics WHERE id = $1 AND NOT higher_is_better AND NOT direction_needs_review`, id); n != 1 {
		t.Error("the metric's direction was not set")
	}
	if site.count(`SELECT data_version FROM datasets WHERE name = 'ogbn-products'`) != version+1 {
		t.Error("the dataset's data version was not bumped")
	}
	if n := site.count(`SELECT count(*) FROM metric_direction_changes c JOIN users u ON u.id = c.user_id
		WHERE c.metric_id = $1 AND NOT c.higher_is_better AND u.email = $2`, id, "mod@example.org"); n != 1 {
		t.Errorf("%d recorded decisions, want 1", n)
	}
	if p := c.post(path, formWith(v, "direction", "higher")); p.Status != http.StatusConflict || !strings.Contains(p.Text, "reviewed already") {
		t.Errorf("second decision: %d: %s", p.Status, corrSnippet(p.Text))
	}
	if p := c.post("/mod/metrics/999999/direction", formWith(v, "direction", "higher")); p.Status != http.StatusNotFound {
		t.Errorf("unknown metric: %d, want 404", p.Status)
	}
}

// TestBrowserImport: a moderator logs in, uploads the OGB file through the
// form, reads the dry run, confirms, finds ogbn-products on its
// leaderboard with inferred directions, and confirms one on the review
// page. The form's size check runs before anything is sent.
func TestBrowserImport(t *testing.T) {
	ctx := newBrowser(t)
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	base := listen(t, site.app)
	ogb, err := filepath.Abs("../pwc/testdata/ogb.json")
	if err != nil {
		t.Fatal(err)
	}
	must := func(what string, err error) { t.Helper(); mustRun(t, what, err) }
	text := func(sel string) string { t.Helper(); return browserText(t, ctx, sel) }

	must("log in", chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), "mod@example.org"),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.CSS(`form.suggest button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		chromedp.Click(chromedp.CSS(`.account a[href="/mod/import"]`)),
		chromedp.WaitVisible(chromedp.ID("file")),
	))

	// The size check: with a limit of 10 bytes the form is not sent.
	must("too large", chromedp.Do(ctx,
		chromedp.SetAttributeValue(chromedp.ID("import-form"), "data-max-bytes", "10"),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{ogb}),
		chromedp.Click(chromedp.ID("upload")),
		chromedp.WaitVisible(chromedp.ID("file-error")),
	))
	if got := text("#file-error"); !strings.Contains(got, "ogb.json is 0.2 MB; the limit is 50.0 MB") {
		t.Errorf("size check says %q", got)
	}
	if n := site.count(`SELECT count(*) FROM uploads`); n != 0 {
		t.Fatalf("a file over the limit was sent (%d uploads)", n)
	}

	must("upload", chromedp.Do(ctx,
		chromedp.Navigate(base+"/mod/import"),
		chromedp.WaitVisible(chromedp.ID("file")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{ogb}),
		chromedp.Click(chromedp.ID("upload")),
		chromedp.WaitVisible(chromedp.ID("preview")),
	))
	if got := text("#dry-run-summary"); !strings.Contains(got, "473 new") || !strings.Contains(got, "2 conflicting") {
		t.Errorf("dry run summary: %q", got)
	}
	if got := text("#preview"); !strings.Contains(got, "ogbn-products") {
		t.Errorf("the preview lacks ogbn-products: %q", got)
	}
	if n := site.count(`SELECT count(*) FROM datasets WHERE name = 'ogbn-products'`); n != 0 {
		t.Fatal("the dry run wrote ogbn-products")
	}

	must("confirm", chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("confirm")),
		chromedp.WaitVisible(chromedp.ID("flash")),
	))
	if got := text("#flash"); !strings.Contains(got, "Imported ogb.json: 473 new") {
		t.Errorf("flash after confirming: %q", got)
	}

	must("leaderboard", chromedp.Do(ctx,
		chromedp.Navigate(base+"/datasets/ogbn-products"),
		chromedp.WaitVisible(chromedp.CSS("#board tbody tr")),
	))
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#board tbody tr").length`))
	must("count rows", err)
	if rows < 10 {
		t.Errorf("the ogbn-products leaderboard has %d rows", rows)
	}
	if got := text("main"); !strings.Contains(got, "direction inferred, awaiting review") {
		t.Error("the leaderboard does not say the direction is inferred")
	}

	var id int64
	site.db.Raw(`SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id
		WHERE d.name = 'ogbn-products' AND m.name = 'Test Accuracy'`).Scan(&id)
	row := "#metric-" + corrItoa(id)
	must("review page", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.account a[href="/mod/metrics"]`)),
		chromedp.WaitVisible(chromedp.CSS(row)),
	))
	if got := text("#metrics"); !strings.Contains(got, "ogbn-products") || !strings.Contains(got, "Validation Accuracy") {
		t.Errorf("the review page lacks ogbn-products' metrics: %q", got)
	}
	must("confirm direction", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(row+" button.confirm-higher")),
		chromedp.WaitVisible(chromedp.ID("flash")),
	))
	if got := text("#flash"); !strings.Contains(got, "Test Accuracy on ogbn-products: higher is better (confirmed)") {
		t.Errorf("flash after confirming the direction: %q", got)
	}
	if got := text("#direction-changes"); !strings.Contains(got, "by mod@example.org") {
		t.Errorf("recent decisions: %q", got)
	}
	must("leaderboard after review", chromedp.Do(ctx,
		chromedp.Navigate(base+"/datasets/ogbn-products"),
		chromedp.WaitVisible(chromedp.CSS("#board tbody tr")),
	))
	if got := text("p.primary"); strings.Contains(got, "direction inferred") {
		t.Errorf("the primary metric is still marked inferred: %q", got)
	}
}

// zipOf packs files (name → content) as a zip.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportUploadFormats: a model card is recognised from its content;
// a zip of a model-index folder (with its Metadata files) and an
// lm-evaluation-harness file is previewed per file and imported; a zip
// that climbs out of its folder is refused with nothing stored.
func TestImportUploadFormats(t *testing.T) {
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.login("mod@example.org", pw)
	const formats = "../importer/testdata/formats/"

	card := readTestdata(t, formats+"hf-model-cards/NeuralPipe-7B-ties.md")
	token := previewToken(t, c.uploadFile("README.md", card))
	p := c.get("/mod/import/" + token)
	for _, want := range []string{"Hugging Face model card", "6 results from"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("card preview lacks %q: %s", want, corrSnippet(p.Text))
		}
	}

	before := site.resultsChecksum()
	data := zipOf(t, map[string][]byte{
		"zoo/model-index.yml":          readTestdata(t, formats+"model-index/model-index.yml"),
		"zoo/metadata/alexnet.yml":     readTestdata(t, formats+"model-index/metadata/alexnet.yml"),
		"zoo/metadata/resnet.yml":      readTestdata(t, formats+"model-index/metadata/resnet.yml"),
		"zoo/metadata/resnet-152.yml":  readTestdata(t, formats+"model-index/metadata/resnet-152.yml"),
		"runs/results_2024-12-04.json": readTestdata(t, formats+"lm-eval/results-example.json"),
		"notes.txt":                    []byte("not results\n"),
	})
	token = previewToken(t, c.uploadFile("zoo.zip", data))
	if site.resultsChecksum() != before {
		t.Fatal("the dry run of a zip wrote to the database")
	}
	p = c.get("/mod/import/" + token)
	for _, want := range []string{"zip of 2 files", "14 results from", "zoo.zip/zoo/model-index.yml</code> (model-index YAML): 6 results",
		"zoo.zip/runs/results_2024-12-04.json</code> (lm-evaluation-harness results): 8 results", "Not read, in no results format"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("zip preview lacks %q: %s", want, corrSnippet(p.Text))
		}
	}
	done := c.post("/mod/import/"+token+"/confirm", c.formFields("/mod/import/"+token))
	if loc := done.Header.Get("Location"); loc != "/changes" {
		t.Fatalf("confirm redirects to %q: %s", loc, corrSnippet(done.Text))
	}
	if n := site.count(`SELECT count(*) FROM results r JOIN methods m ON m.id = r.method_id WHERE m.name = 'ResNet-152' AND r.params = 60192808`); n != 2 {
		t.Errorf("ResNet-152 with its Metadata file's parameters: %d results, want 2", n)
	}

	p = c.uploadFile("timm.csv", readTestdata(t, formats+"spreadsheet/timm-results-imagenet-real-head.csv"))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text, "timm.csv: a table with its own column names: import it on the server with") {
		t.Errorf("a table without a mapping: %d: %s", p.Status, corrSnippet(p.Text))
	}

	before = site.resultsChecksum()
	evil := zipOf(t, map[string][]byte{"../outside.yml": []byte("Models: []\n")})
	p = c.uploadFile("evil.zip", evil)
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text, `entry "../outside.yml" is not a relative path inside the archive`) {
		t.Errorf("zip that climbs out: %d: %s", p.Status, corrSnippet(p.Text))
	}
	if site.resultsChecksum() != before || site.count(`SELECT count(*) FROM uploads WHERE file_name = 'evil.zip'`) != 0 {
		t.Error("a refused zip changed the database or was stored")
	}
}

// TestVerifiedShown: a model card's verified: true is kept and shown on
// the result's page; an unverified result says nothing of it.
func TestVerifiedShown(t *testing.T) {
	site := newCorrSite(t, web.Options{})
	pw := site.moderator("mod@example.org")
	c := site.client()
	c.login("mod@example.org", pw)
	card := []byte("---\nmodel-index:\n- name: tiny-model\n  results:\n  - task: {type: text-classification}\n" +
		"    dataset: {name: SST-2, type: glue}\n    metrics:\n    - {type: accuracy, value: 0.912, verified: true}\n    - {type: f1, value: 0.9}\n---\n")
	token := previewToken(t, c.uploadFile("README.md", card))
	done := c.post("/mod/import/"+token+"/confirm", c.formFields("/mod/import/"+token))
	if loc := done.Header.Get("Location"); loc != "/changes" {
		t.Fatalf("confirm redirects to %q: %s", loc, corrSnippet(done.Text))
	}
	for metric, want := range map[string]bool{"accuracy": true, "f1": false} {
		var id int64
		site.db.Raw(`SELECT r.id FROM results r JOIN metrics m ON m.id = r.metric_id WHERE lower(m.name) = ?`, metric).Scan(&id)
		p := c.get("/results/" + strconv.FormatInt(id, 10))
		if got := strings.Contains(p.Text, "the source marks this number as verified"); p.Status != http.StatusOK || got != want {
			t.Errorf("%s: status %d, verified shown %v, want %v", metric, p.Status, got, want)
		}
	}
}
