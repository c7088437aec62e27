// Package importer brings files of results into the store, in every
// format a parser package reads (csvio, pwc, modelindex, hfcard, lmeval,
// sheet), each recognised from its content. A whole import, however many
// files, goes in one transaction (store.Ingest), so an error, a dry run
// or a cancelled context leaves the database as it was.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/sheet"
	"github.com/benchboard/benchboard/internal/store"
)

// Format is an input format.
type Format string

// The formats Import reads.
const (
	CSV Format = "csv" // Benchboard's own, what `benchboard export` writes
	PwC Format = "pwc" // Papers with Code evaluation-tables JSON
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Formats {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("format %q: expected %s", s, formatList())
}

// FormatOf picks the format from a file name, when the content cannot
// be looked at: .csv is CSV, .json is PwC, .yml and .yaml model-index,
// .md a model card.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV, nil
	case ".json":
		return PwC, nil
	case ".yml", ".yaml":
		return ModelIndex, nil
	case ".md":
		return HFCard, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the extension (.csv, .json, .yml, .md); give --format %s", name, formatList())
}

// Options say what to import and how to report on it.
type Options struct {
	Format    Format // "" picks it from Name's extension
	Name      string // the file's base name: errors and every revision name it
	Size      int64  // the input's size in bytes, for the progress bar; 0 if unknown
	DryRun    bool   // do all the work, report, then write nothing
	Actor     string // who imports; recorded in every revision
	BatchSize int    // records per statement; 0 is the store's default
	// Bulk says whether a large import may be written in bulk, which
	// locks readers of results out until it commits (store.BulkMode).
	Bulk store.BulkMode

	// Progress, when set, receives progress while the import runs: a bar
	// when Terminal, otherwise a plain line every Every (default 2 s).
	Progress io.Writer
	Terminal bool
	Every    time.Duration

	// AfterBatch, when set, is called after each batch the store took in
	// (resolved and staged; the writing comes after the last one), with
	// the number of records taken in so far.
	AfterBatch func(done int)
	// Phase, when set, is called as each step after the reading begins
	// (store.IngestOptions.Phase).
	Phase func(name string)

	// KeepGoing leaves a bad file out, listing it, instead of failing
	// the import (several files only).
	KeepGoing bool
	// Subtasks reads the subtasks of lm-evaluation-harness groups as
	// boards under their group.
	Subtasks bool
	// Sheet maps the columns of tables with their own column names.
	Sheet *sheet.Config
}

// Skip is a part of the input that was left out, and why.
type Skip struct {
	Path   string // JSON path of the cell or row
	Raw    string // the cell's text, when there is one
	Reason string
}

// maxSkips bounds the skips kept for the summary: a huge file full of "-"
// cells must not grow memory. Every skip is still counted by reason.
const maxSkips = 1000

// Summary is what an import did, or would do in a dry run.
type Summary struct {
	store.Summary
	File    string
	Format  Format
	Rows    int // CSV lines or leaderboard rows read
	Skipped []Skip
	// SkippedTotal counts every skip, SkipReasons per reason; Skipped
	// holds the first maxSkips only.
	SkippedTotal int
	SkipReasons  map[string]int
	Elapsed      time.Duration

	// Files says what each file gave, when an import read several.
	Files []FileSummary `json:",omitempty"`
	// Failed lists the files --keep-going left out, with their errors.
	Failed []FileSummary `json:",omitempty"`
	// NotResults lists the files found in a folder that are in no
	// format Benchboard reads.
	NotResults []string `json:",omitempty"`
}

// ImportFile imports the file at path; see Import. Name and Size are
// taken from the file when not set.
func ImportFile(ctx context.Context, st *store.Store, path string, opt Options) (*Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if opt.Name == "" {
		opt.Name = filepath.Base(path)
	}
	if opt.Size == 0 {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			opt.Size = fi.Size()
		}
	}
	return Import(ctx, st, f, opt)
}

// Import reads r in the given format and ingests it in one transaction.
// The PwC format needs an io.ReadSeeker (it reads the input twice: once
// to check its whole structure, once to emit rows); CSV streams.
//
// Errors start with the file's name: "results.csv: line 12:7 (value):
// "abc" is not a finite number", "ogb.json: pwc: at byte 1234 (...)".
// Whatever the error, and on a cancelled ctx, nothing is written.
func Import(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Summary, error) {
	if opt.Name == "" {
		opt.Name = "input"
	}
	format := opt.Format
	if rs, ok := r.(io.ReadSeeker); ok && format == "" {
		// The content says which format it is; the name may not (.json
		// is Papers with Code's or lm-evaluation-harness's).
		head, err := io.ReadAll(io.LimitReader(rs, sniffSize))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
		if _, err := rs.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
		if f, ok := Detect(head); ok {
			format = f
		}
	}
	if format == "" {
		var err error
		if format, err = FormatOf(opt.Name); err != nil {
			return nil, err
		}
	}
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		if format == PwC {
			return nil, fmt.Errorf("%s: the pwc format needs a seekable input", opt.Name)
		}
		rs = &onlyReader{r: r} // CSV and sheets stream; the others read the whole file
	}
	src := source{rs: rs, fsys: oneFile{name: opt.Name, r: rs}, path: opt.Name, name: opt.Name, format: format}
	// The header is checked before the database is touched, when the
	// input can be read again.
	_, seekable := r.(io.ReadSeeker)
	switch {
	case !seekable:
	case format == CSV:
		if _, err := csvio.NewReader(r); err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
	case format == Sheet:
		if opt.Sheet == nil {
			return nil, fmt.Errorf("%s: a table with its own column names: give --dataset SLUG and --map SOURCE=TARGET", opt.Name)
		}
		cfg := *opt.Sheet
		if _, err := sheet.NewReader(r, cfg); err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
	}
	if seekable && (format == CSV || format == Sheet) {
		if _, err := rs.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
	}
	return importSources(ctx, st, []source{src}, opt)
}

// chunk is how many records cross between the goroutines at once;
// chunksAhead how many chunks the parser may read ahead of the store:
// about one of the store's batches (10,000 records), so that the parser
// keeps going while the store waits on Postgres for a batch's names and
// COPY, instead of stopping a thousand records in.
const (
	chunk       = 256
	chunksAhead = 40
)

// pipe runs produce in its own goroutine and hands what it emits to the
// store one record at a time. The producer's own error ends the records
// and is stored in *inErr. stop ends the producer (when the store gave up
// early) and waits for it: whatever the producer wrote (sum.Rows, skips)
// may be read after stop.
func pipe(ctx context.Context, produce func(context.Context, func(model.Record) error) error, inErr *error) (next store.RecordSource, stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	chunks := make(chan []model.Record, chunksAhead)
	var (
		prodErr error // set before chunks is closed
		wg      sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(chunks)
		buf := make([]model.Record, 0, chunk)
		send := func() error {
			select {
			case chunks <- buf:
				buf = make([]model.Record, 0, chunk)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		prodErr = produce(ctx, func(rec model.Record) error {
			buf = append(buf, rec)
			if len(buf) == chunk {
				return send()
			}
			return nil
		})
		if prodErr == nil && len(buf) > 0 {
			prodErr = send()
		}
	}()
	var cur []model.Record
	next = func() (model.Record, error) {
		for len(cur) == 0 {
			c, ok := <-chunks
			if !ok {
				if prodErr != nil {
					*inErr = prodErr
					return model.Record{}, prodErr
				}
				return model.Record{}, io.EOF
			}
			cur = c
		}
		rec := cur[0]
		cur = cur[1:]
		return rec, nil
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			wg.Wait()
		})
	}
	return next, stop
}

// countingReader counts the bytes read, for the progress bar; it passes
// Seek through for the PwC parser's second pass.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingReader) Seek(offset int64, whence int) (int64, error) {
	s, ok := c.r.(io.Seeker)
	if !ok {
		return 0, errors.New("input is not seekable")
	}
	return s.Seek(offset, whence)
}

// onlyReader is an input that cannot be read twice.
type onlyReader struct{ r io.Reader }

func (o *onlyReader) Read(b []byte) (int, error) { return o.r.Read(b) }
func (o *onlyReader) Seek(int64, int) (int64, error) {
	return 0, errors.New("input is not seekable")
}

// oneFile is a file system of the one file Import was handed: a
// model-index file read this way can name no other file (upload a zip of
// its folder instead).
type oneFile struct {
	name string
	r    io.ReadSeeker
}

func (o oneFile) Open(name string) (fs.File, error) {
	if name != o.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w: only %s was given; import its folder, or upload a .zip of it, to read the files it names", fs.ErrNotExist, o.name)}
	}
	if _, err := o.r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return oneFileHandle{o}, nil
}

type oneFileHandle struct{ oneFile }

func (h oneFileHandle) Read(b []byte) (int, error)                { return h.r.Read(b) }
func (h oneFileHandle) Seek(off int64, whence int) (int64, error) { return h.r.Seek(off, whence) }
func (h oneFileHandle) Close() error                              { return nil }
func (h oneFileHandle) Stat() (fs.FileInfo, error)                { return oneFileInfo{h.name}, nil }

type oneFileInfo struct{ name string }

func (i oneFileInfo) Name() string       { return path.Base(i.name) }
func (i oneFileInfo) Size() int64        { return 0 }
func (i oneFileInfo) Mode() fs.FileMode  { return 0o444 }
func (i oneFileInfo) ModTime() time.Time { return time.Time{} }
func (i oneFileInfo) IsDir() bool        { return false }
func (i oneFileInfo) Sys() any           { return nil }
