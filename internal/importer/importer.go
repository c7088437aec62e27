// Package importer brings a file of results into the store: Benchboard's
// own CSV format or the Papers with Code evaluation-tables JSON. A whole
// file goes in one transaction (store.Ingest), so an error, a dry run or a
// cancelled context leaves the database as it was.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
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
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, PwC:
		return f, nil
	}
	return "", fmt.Errorf("format %q: expected csv or pwc", s)
}

// FormatOf picks the format from a file name: .csv is CSV, .json is PwC.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV, nil
	case ".json":
		return PwC, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the extension (.csv or .json); give --format csv or --format pwc", name)
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
}

func (s *Summary) skip(k Skip) {
	s.SkippedTotal++
	s.SkipReasons[k.Reason]++
	if len(s.Skipped) < maxSkips {
		s.Skipped = append(s.Skipped, k)
	}
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
	start := time.Now()
	if opt.Name == "" {
		opt.Name = "input"
	}
	format := opt.Format
	if format == "" {
		var err error
		if format, err = FormatOf(opt.Name); err != nil {
			return nil, err
		}
	}
	sum := &Summary{File: opt.Name, Format: format, SkipReasons: map[string]int{}}
	in := &countingReader{r: r}
	prog := startProgress(opt, format, in)
	defer prog.stop()

	// The input is parsed in its own goroutine, a few chunks ahead of the
	// store, so parsing overlaps with the database's work; memory holds at
	// most those chunks.
	var produce func(ctx context.Context, emit func(model.Record) error) error
	switch format {
	case CSV:
		// The header is checked before the database is touched.
		cr, err := csvio.NewReader(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, err)
		}
		produce = func(ctx context.Context, emit func(model.Record) error) error {
			for {
				rec, err := cr.Read()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				sum.Rows++
				if err := emit(rec); err != nil {
					return err
				}
			}
		}
	case PwC:
		if _, ok := r.(io.ReadSeeker); !ok {
			return nil, fmt.Errorf("%s: the pwc format needs a seekable input", opt.Name)
		}
		produce = func(ctx context.Context, emit func(model.Record) error) error {
			return pwc.Parse(ctx, in, func(row pwc.Row) error {
				recs, skips := Records(row, opt.Name)
				sum.Rows++
				for _, s := range skips {
					sum.skip(s)
				}
				for _, rec := range recs {
					if err := emit(rec); err != nil {
						return err
					}
				}
				return nil
			})
		}
	default:
		return nil, fmt.Errorf("%s: unknown format %q", opt.Name, format)
	}
	var inErr error // the input's own error, reported without the store's prefix
	next, stop := pipe(ctx, produce, &inErr)

	counted := func() (model.Record, error) {
		rec, err := next()
		if err == nil {
			prog.records.Add(1)
		}
		return rec, err
	}
	res, err := st.Ingest(ctx, counted, store.IngestOptions{
		Action: "import", Actor: opt.Actor, Reason: opt.Name,
		DryRun: opt.DryRun, BatchSize: opt.BatchSize, Progress: opt.AfterBatch,
		Writing: prog.writing, Bulk: opt.Bulk,
	})
	stop()
	prog.stop()
	switch {
	case ctx.Err() != nil && (err != nil || inErr != nil):
		return nil, fmt.Errorf("%s: interrupted; nothing was written: %w", opt.Name, ctx.Err())
	case inErr != nil:
		return nil, fmt.Errorf("%s: %w", opt.Name, inErr)
	case err != nil:
		return nil, fmt.Errorf("%s: nothing was written: %w", opt.Name, err)
	}
	sum.Summary = res
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// chunk is how many records cross between the goroutines at once.
const chunk = 256

// pipe runs produce in its own goroutine and hands what it emits to the
// store one record at a time. The producer's own error ends the records
// and is stored in *inErr. stop ends the producer (when the store gave up
// early) and waits for it: whatever the producer wrote (sum.Rows, skips)
// may be read after stop.
func pipe(ctx context.Context, produce func(context.Context, func(model.Record) error) error, inErr *error) (next store.RecordSource, stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	chunks := make(chan []model.Record, 4)
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
