package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/modelindex"
	"github.com/benchboard/benchboard/internal/store"
)

// maxFileSkips bounds the skips one file's summary lists; every skip is
// still counted.
const maxFileSkips = 100

// FileSummary is what one file of an import gave.
type FileSummary struct {
	Name         string
	Format       Format
	Rows         int // lines, leaderboard rows, results or metric cells read
	Records      int // records handed to the store
	Skipped      []Skip
	SkippedTotal int
	SkipReasons  map[string]int
	// Ignored lists a sheet's columns no --map names.
	Ignored []string `json:",omitempty"`
	// ReadWith names the model-index file whose Import read this one.
	ReadWith string `json:",omitempty"`
	// Error says why --keep-going left the file out.
	Error string `json:",omitempty"`
	// NeedsReview and Verified count the records so marked.
	NeedsReview, Verified int
}

func (f *FileSummary) skip(k Skip) {
	if f.SkipReasons == nil {
		f.SkipReasons = map[string]int{}
	}
	f.SkippedTotal++
	f.SkipReasons[k.Reason]++
	if len(f.Skipped) < maxFileSkips {
		f.Skipped = append(f.Skipped, k)
	}
}

// reset forgets what a checking pass counted.
func (f *FileSummary) reset() {
	*f = FileSummary{Name: f.Name, Format: f.Format}
}

// Collect lists the files to import from paths: a file as it is, a
// directory walked recursively (hidden files and folders left out). Each
// file's format is forced, or else recognised from its content: a file
// named on the command line that is no known format is an error; one
// found in a folder is listed in notResults. close releases the folders.
func Collect(paths []string, forced Format) (srcs []source, notResults []string, closeAll func(), err error) {
	var roots []*os.Root
	release := func() {
		for _, r := range roots {
			r.Close()
		}
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, nil, err
		}
		dir, base := p, "."
		if !fi.IsDir() {
			dir, base = filepath.Dir(p), filepath.Base(p)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, nil, nil, err
		}
		roots = append(roots, root)
		fsys := root.FS()
		display := filepath.ToSlash(filepath.Clean(dir))
		if !fi.IsDir() {
			src := source{fsys: fsys, path: base, name: p, root: display}
			if src.format, err = formatOf(src, forced); err != nil {
				return nil, nil, nil, fmt.Errorf("%s: %w", p, err)
			}
			srcs = append(srcs, src)
			continue
		}
		found, skipped, err := walk(fsys, display, forced)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		srcs = append(srcs, found...)
		notResults = append(notResults, skipped...)
	}
	return srcs, notResults, release, nil
}

// walk lists the files of fsys, recognising each one's format.
func walk(fsys fs.FS, display string, forced Format) (srcs []source, notResults []string, err error) {
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") || d.Name() == "__MACOSX" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		src := source{fsys: fsys, path: p, name: path.Join(display, p), root: display}
		if src.format, err = formatOf(src, forced); err != nil {
			notResults = append(notResults, src.name)
			return nil
		}
		srcs = append(srcs, src)
		return nil
	})
	return srcs, notResults, err
}

var errUnknownFormat = errors.New("cannot tell the format from the content; give --format " + formatList())

func formatList() string {
	var names []string
	for _, f := range Formats {
		names = append(names, string(f))
	}
	return strings.Join(names, "|")
}

func formatOf(src source, forced Format) (Format, error) {
	if forced != "" {
		return forced, nil
	}
	f, err := src.fsys.Open(src.path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, sniffSize))
	if err != nil {
		return "", err
	}
	format, ok := Detect(head)
	if !ok {
		return "", errUnknownFormat
	}
	return format, nil
}

// ImportPaths imports every file under paths in one transaction; see
// Collect for how files are found and ImportSources for the rest.
func ImportPaths(ctx context.Context, st *store.Store, paths []string, opt Options) (*Summary, error) {
	srcs, notResults, closeAll, err := Collect(paths, opt.Format)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	if len(srcs) == 0 {
		return nil, fmt.Errorf("%s: no results file found (%d other files)", strings.Join(paths, ", "), len(notResults))
	}
	if opt.Name == "" {
		opt.Name = strings.Join(paths, ", ")
	}
	sum, err := importSources(ctx, st, srcs, opt)
	if sum != nil {
		sum.NotResults = notResults
	}
	return sum, err
}

// importSources reads every source in order and ingests all their
// records in one transaction. A bad file fails the import, naming the
// file and the place in it; with opt.KeepGoing it is left out whole and
// listed instead. A model-index file that another one imports is read
// once, through that import.
func importSources(ctx context.Context, st *store.Store, srcs []source, opt Options) (*Summary, error) {
	start := time.Now()
	sum := &Summary{File: opt.Name, SkipReasons: map[string]int{}}
	srcs, readWith := dropImported(srcs)
	formats := map[Format]bool{}
	for _, s := range srcs {
		formats[s.format] = true
		if len(formats) == 1 {
			sum.Format = s.format
		}
	}
	if len(formats) > 1 {
		sum.Format = ""
	}
	in := &countingReader{}
	prog := startProgress(opt, sum.Format, in)
	defer prog.stop()

	produceAll := func(ctx context.Context, emit func(model.Record) error) error {
		for _, src := range srcs {
			fsum := &FileSummary{Name: src.name, Format: src.format}
			count := func(r model.Record) error {
				if r.NeedsReview {
					fsum.NeedsReview++
				}
				if r.Verified {
					fsum.Verified++
				}
				return emit(r)
			}
			err := produceSafely(ctx, src, opt, fsum, in, count)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				ferr := fileErr(src, err)
				if !opt.KeepGoing {
					return ferr
				}
				if fsum.Records > 0 {
					// Records of this file are in the store's batch already.
					return fmt.Errorf("%w (found after %d of its records were read; nothing was written)", ferr, fsum.Records)
				}
				sum.Failed = append(sum.Failed, FileSummary{Name: src.name, Format: src.format, Error: ferr.Error()})
				continue
			}
			sum.Rows += fsum.Rows
			sum.SkippedTotal += fsum.SkippedTotal - len(fsum.Skipped)
			for r, n := range fsum.SkipReasons {
				sum.SkipReasons[r] += n
			}
			for _, k := range fsum.Skipped {
				sum.SkippedTotal++
				if len(sum.Skipped) < maxSkips {
					if len(srcs) > 1 {
						k.Path = src.name + ": " + k.Path
					}
					sum.Skipped = append(sum.Skipped, k)
				}
			}
			sum.Files = append(sum.Files, *fsum)
		}
		return nil
	}
	var inErr error
	next, stop := pipe(ctx, produceAll, &inErr)
	counted := func() (model.Record, error) {
		rec, err := next()
		if err == nil {
			prog.records.Add(1)
		}
		return rec, err
	}
	res, err := st.Ingest(ctx, counted, store.IngestOptions{
		Action: "import", Actor: opt.Actor, Reason: clipReason(opt.Name),
		DryRun: opt.DryRun, BatchSize: opt.BatchSize, Progress: opt.AfterBatch,
		Writing: prog.writing, Phase: opt.Phase, Bulk: opt.Bulk,
	})
	stop()
	prog.stop()
	switch {
	case ctx.Err() != nil && (err != nil || inErr != nil):
		return nil, fmt.Errorf("%s: interrupted; nothing was written: %w", opt.Name, ctx.Err())
	case inErr != nil:
		return nil, fmt.Errorf("%w; nothing was written", inErr)
	case err != nil:
		return nil, fmt.Errorf("%s: nothing was written: %w", opt.Name, err)
	}
	for name, by := range readWith {
		sum.Files = append(sum.Files, FileSummary{Name: name, Format: ModelIndex, ReadWith: by})
	}
	sort.SliceStable(sum.Files, func(i, j int) bool { return sum.Files[i].Name < sum.Files[j].Name })
	sum.Summary = res
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// produceSafely runs a file's parser, turning a panic into the file's
// error: the parser runs in a goroutine of its own, where a panic would
// end the whole process, a web server included.
func produceSafely(ctx context.Context, src source, opt Options, fsum *FileSummary, in *countingReader, emit func(model.Record) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the %s reader failed on this file (%v); please report it", src.format, r)
		}
	}()
	return produce(ctx, src, src.format, opt, fsum, in, opt.KeepGoing, emit)
}

// dropImported leaves out the model-index files that another listed
// model-index file imports: they are read through that import, once.
func dropImported(srcs []source) ([]source, map[string]string) {
	imported := map[string]string{} // root and path → the importing file's name
	for _, s := range srcs {
		if s.format != ModelIndex {
			continue
		}
		files, err := modelindex.Imports(s.fsys, s.path)
		if err != nil {
			continue // the import reports it, with its place
		}
		for _, f := range files {
			if f != s.path {
				imported[s.root+"\x00"+f] = s.name
			}
		}
	}
	readWith := map[string]string{}
	out := srcs[:0:0]
	for _, s := range srcs {
		if by, ok := imported[s.root+"\x00"+s.path]; ok && s.format == ModelIndex {
			readWith[s.name] = by
			continue
		}
		out = append(out, s)
	}
	return out, readWith
}

// clipReason keeps the revisions' reason within what the store takes.
func clipReason(s string) string {
	return clip(s, 500)
}

// The bounds of a zip the web upload takes: a zip bomb, an archive of
// very many small files, or an entry that climbs out of the folder is
// refused before anything is read.
const (
	maxZipBytes   = 200 << 20 // uncompressed, all entries together
	maxZipEntries = 10000
)

// ErrBadZip is a zip the upload refuses.
var ErrBadZip = errors.New("zip refused")

// OpenZip checks a zip's entries against the bounds and returns it as a
// file system. Its names must be relative paths inside the archive, its
// entries at most maxZipEntries, their declared sizes at most
// maxZipBytes together; reading an entry beyond its declared size fails
// in archive/zip itself.
func OpenZip(data []byte) (fs.FS, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadZip, err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("%w: %d entries; at most %d", ErrBadZip, len(zr.File), maxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		name := f.Name
		if strings.Contains(name, `\`) || strings.HasPrefix(name, "/") || !fs.ValidPath(strings.TrimSuffix(name, "/")) {
			return nil, fmt.Errorf("%w: entry %q is not a relative path inside the archive", ErrBadZip, clip(name, 200))
		}
		if f.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("%w: entry %q is a symbolic link", ErrBadZip, clip(name, 200))
		}
		total += f.UncompressedSize64
		if total > maxZipBytes {
			return nil, fmt.Errorf("%w: more than %d MB uncompressed", ErrBadZip, maxZipBytes>>20)
		}
	}
	return zr, nil
}

// ImportFS imports every results file in fsys (a zip's folder), as
// ImportPaths does for a directory. name is the archive's, for messages.
func ImportFS(ctx context.Context, st *store.Store, fsys fs.FS, name string, opt Options) (*Summary, error) {
	srcs, notResults, err := walk(fsys, name, opt.Format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("%s: no results file found (%d other files)", name, len(notResults))
	}
	if opt.Name == "" {
		opt.Name = name
	}
	sum, err := importSources(ctx, st, srcs, opt)
	if sum != nil {
		sum.NotResults = notResults
	}
	return sum, err
}
