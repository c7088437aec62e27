package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
)

// Moderators import a file through the browser in three requests, any of
// which may land on any instance: the upload (stored in Postgres with its
// dry run), the preview, and the confirmation or cancellation.
const (
	// maxUploadFile is the largest file the form takes.
	maxUploadFile = 50 << 20
	// uploadBodyLimit bounds a moderator's upload request. It is far above
	// maxUploadFile so that a file too large still arrives whole and gets
	// the form back with a message: a request refused before its body is
	// read ends with the connection closed under the browser, which then
	// shows a "connection reset" instead of our page. The multipart parser
	// spools a file part over 16 MB to a temporary file (deleted after the
	// request), so memory stays bounded whatever the size.
	uploadBodyLimit = 512 << 20
	// uploadReadTimeout is how long the upload request may take to arrive.
	uploadReadTimeout = 10 * time.Minute
	// importTimeout bounds a dry run or an import; a claim on an upload
	// older than this is taken to be from an instance that died.
	importTimeout = 10 * time.Minute
	uploadPath    = "/mod/import"
)

// allowUploads raises the body limit and the read timeout for the upload
// form alone; every other request keeps the app's BodyLimit. fasthttp asks
// after reading a request's headers and before reading its body. Only a
// multipart POST to the form's path from a logged-in moderator gets the
// higher limit: the session is checked here (one query, for this request
// only), then again as always by loadUser and requireModerator.
func (s *Server) allowUploads(app *fiber.App) {
	app.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		if string(h.Method()) != fiber.MethodPost || len(h.MultipartFormBoundary()) == 0 ||
			len(h.Peek(fiber.HeaderContentEncoding)) > 0 || !isUploadPath(h.RequestURI()) {
			return fasthttp.RequestConfig{}
		}
		hash, ok := sessionHash(string(h.Cookie(s.sec.cookies.session)))
		if !ok {
			return fasthttp.RequestConfig{}
		}
		ctx, cancel := context.WithTimeout(store.WithPrimary(context.Background()), 5*time.Second)
		defer cancel()
		if _, _, err := s.store.SessionUser(ctx, hash); err != nil {
			return fasthttp.RequestConfig{}
		}
		return fasthttp.RequestConfig{MaxRequestBodySize: uploadBodyLimit, ReadTimeout: uploadReadTimeout}
	}
}

// isUploadPath tells whether a request URI routes to the upload: the path
// normalized as the router sees it, which matches regardless of case and
// of a trailing slash.
func isUploadPath(uri []byte) bool {
	u := fasthttp.AcquireURI()
	defer fasthttp.ReleaseURI(u)
	if err := u.Parse(nil, uri); err != nil {
		return false
	}
	return strings.TrimRight(strings.ToLower(string(u.Path())), "/") == uploadPath
}

// importFormView is what mod_import.html shows.
type importFormView struct {
	Format  string // auto, zip, or an importer format
	Error   string // the dry run's error, as the importer words it
	Pending []store.Upload
}

func (s *Server) importForm(c *fiber.Ctx) error {
	return s.renderImportForm(c, importFormView{Format: "auto"}, fiber.StatusOK)
}

func (s *Server) renderImportForm(c *fiber.Ctx, v importFormView, status int) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	pending, err := s.store.PendingUploads(ctx, u.ID)
	if err != nil {
		return err
	}
	v.Pending = pending
	return c.Status(status).Render("mod_import", fiber.Map{"Title": "Import a file", "Form": v,
		"MaxBytes": maxUploadFile, "MaxSize": byteSize(maxUploadFile)})
}

// importUpload takes the file, dry-runs the import and, when the file
// reads, stores it and sends the moderator to the preview. A file that
// does not read comes back as the form with the importer's error (line
// and column, byte offset or JSON path): nothing is stored.
func (s *Server) importUpload(c *fiber.Ctx) error {
	u, _ := currentUser(c)
	v := importFormView{Format: c.FormValue("format", "auto")}
	fh, err := c.FormFile("file")
	if err != nil {
		v.Error = "Choose a file to import: Benchboard CSV, Papers with Code JSON, model-index YAML, a model card, " +
			"lm-evaluation-harness results, or a .zip of a folder of them."
		return s.renderImportForm(c, v, fiber.StatusUnprocessableEntity)
	}
	if fh.Size > maxUploadFile {
		v.Error = fmt.Sprintf("%s is %s; the limit is %s. Split it into smaller files, or import it with `benchboard import` on the server.",
			uploadName(fh.Filename), byteSize(fh.Size), byteSize(maxUploadFile))
		return s.renderImportForm(c, v, fiber.StatusRequestEntityTooLarge)
	}
	name := uploadName(fh.Filename)
	if v.Format != "auto" && v.Format != zipFormat {
		if f, err := importer.ParseFormat(v.Format); err != nil || f == importer.Sheet {
			return fiber.NewError(fiber.StatusBadRequest, "Bad field \"format\": expected auto, zip, csv, pwc, model-index, hf-card or lm-eval.")
		}
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxUploadFile+1))
	f.Close()
	if err != nil {
		return err
	}
	format := v.Format
	if format == "auto" {
		switch detected, ok := importer.Detect(data[:min(len(data), 64<<10)]); {
		case bytes.HasPrefix(data, []byte("PK\x03\x04")):
			format = zipFormat
		case ok && detected == importer.Sheet:
			v.Error = name + ": a table with its own column names: import it on the server with " +
				"`benchboard import --dataset SLUG --map SOURCE=TARGET …`, which maps its columns onto a dataset's metrics."
			return s.renderImportForm(c, v, fiber.StatusUnprocessableEntity)
		case ok:
			format = string(detected)
		default:
			byName, err := importer.FormatOf(name)
			if err != nil {
				v.Error = name + ": cannot tell the format from the file's content or name: choose it below."
				return s.renderImportForm(c, v, fiber.StatusUnprocessableEntity)
			}
			format = string(byName)
		}
	}

	ctx, cancel := context.WithTimeout(c.UserContext(), importTimeout)
	defer cancel()
	sum, err := runUpload(ctx, s.store, name, format, data, importer.Options{Name: name, Size: int64(len(data)), DryRun: true, Actor: u.Email})
	if err != nil {
		if msg, ok := importErrorText(ctx, err); ok {
			v.Error = msg
			return s.renderImportForm(c, v, fiber.StatusUnprocessableEntity)
		}
		return err
	}
	preview, err := json.Marshal(sum)
	if err != nil {
		return err
	}
	token, err := s.store.CreateUpload(ctx, store.Upload{UserID: u.ID, FileName: name, Format: format, Preview: preview}, data)
	if err != nil {
		return err
	}
	if n, err := s.store.DeleteExpiredUploads(ctx); err != nil {
		s.log.Warn("deleting expired uploads", "error", err.Error())
	} else if n > 0 {
		s.log.Info("deleted expired uploads", "count", n)
	}
	return c.Redirect(uploadPath+"/"+token, fiber.StatusSeeOther)
}

// zipFormat is an upload holding a zip of a folder of results files.
const zipFormat = "zip"

// runUpload imports (or dry-runs) an uploaded file in its format: a zip
// is opened within its bounds (importer.OpenZip) and read as a folder.
func runUpload(ctx context.Context, st *store.Store, name, format string, data []byte, opt importer.Options) (*importer.Summary, error) {
	if format == zipFormat {
		fsys, err := importer.OpenZip(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return importer.ImportFS(ctx, st, fsys, name, opt)
	}
	opt.Format = importer.Format(format)
	return importer.Import(ctx, st, bytes.NewReader(data), opt)
}

// importErrorText is what to tell the moderator about a failed dry run or
// import. A database outage is not the file's fault: ok is false and the
// error handler answers 503.
func importErrorText(ctx context.Context, err error) (string, bool) {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("The import took longer than %s and was stopped; nothing was written. "+
			"Import a file this large with `benchboard import` on the server.", importTimeout), true
	case isUnavailable(err):
		return "", false
	}
	return err.Error(), true
}

// upload finds the current moderator's upload named in the URL.
func (s *Server) upload(c *fiber.Ctx) (store.Upload, error) {
	token := c.Params("token")
	if !tokenRE.MatchString(token) {
		return store.Upload{}, fiber.NewError(fiber.StatusNotFound, "There is no upload "+clip(token)+".")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	up, err := s.store.Upload(ctx, token, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return up, uploadGone()
	}
	return up, err
}

func uploadGone() error {
	return fiber.NewError(fiber.StatusNotFound, fmt.Sprintf("This upload is gone: it was imported or cancelled already, "+
		"or it was left unconfirmed for more than %s, or another moderator uploaded it. Upload the file again.",
		humanDuration(store.UploadTTL)))
}

// importPreview shows an upload's dry run: what importing it would do.
func (s *Server) importPreview(c *fiber.Ctx) error {
	up, err := s.upload(c)
	if err != nil {
		return err
	}
	return s.renderPreview(c, up, "", fiber.StatusOK)
}

// datasetCounts is one line of the preview's table.
type datasetCounts struct {
	Name string
	store.Counts
}

// skipReason is how many values were left out for one reason.
type skipReason struct {
	Reason string
	Count  int
}

// maxPreviewSkips is how many skipped values the preview lists one by one.
const maxPreviewSkips = 200

func (s *Server) renderPreview(c *fiber.Ctx, up store.Upload, importErr string, status int) error {
	var sum importer.Summary
	if err := json.Unmarshal(up.Preview, &sum); err != nil {
		return fmt.Errorf("upload %s: preview: %w", up.Token, err)
	}
	rows := make([]datasetCounts, 0, len(sum.PerDataset))
	for name, n := range sum.PerDataset {
		rows = append(rows, datasetCounts{Name: name, Counts: *n})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	reasons := make([]skipReason, 0, len(sum.SkipReasons))
	for r, n := range sum.SkipReasons {
		reasons = append(reasons, skipReason{r, n})
	}
	sort.Slice(reasons, func(i, j int) bool {
		return reasons[i].Count > reasons[j].Count || reasons[i].Count == reasons[j].Count && reasons[i].Reason < reasons[j].Reason
	})
	skips := sum.Skipped
	if len(skips) > maxPreviewSkips {
		skips = skips[:maxPreviewSkips]
	}
	formatName := sum.Format.Describe()
	switch {
	case up.Format == zipFormat:
		formatName = "zip of " + plural(len(sum.Files), "file")
	case sum.Format == importer.PwC:
		formatName = "Papers with Code JSON"
	}
	return c.Status(status).Render("mod_import_preview", fiber.Map{"Title": "Import " + up.FileName + ": dry run",
		"Upload": up, "Sum": sum, "Datasets": rows, "Reasons": reasons, "Skips": skips, "FormatName": formatName,
		"Size": byteSize(up.Size), "Expires": up.CreatedAt.Add(store.UploadTTL), "Error": importErr})
}

// uploadName is the file's base name as the browser sent it, made fit to
// show and to record in every revision.
func uploadName(name string) string {
	name = strings.ToValidUTF8(name, "\uFFFD")
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" || name == "." || name == "/" {
		return "upload"
	}
	for utf8.RuneCountInString(name) > 200 {
		r := []rune(name)
		name = string(r[:100]) + "…" + string(r[len(r)-99:])
	}
	return name
}

// byteSize writes a size the way people read it: "1.2 MB".
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return plural(int(n), "byte")
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
