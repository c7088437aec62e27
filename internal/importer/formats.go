package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/hfcard"
	"github.com/benchboard/benchboard/internal/lmeval"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/modelindex"
	"github.com/benchboard/benchboard/internal/pwc"
	"github.com/benchboard/benchboard/internal/sheet"
)

// The formats beyond Benchboard's CSV and Papers with Code's JSON.
const (
	ModelIndex Format = "model-index" // Papers with Code model-index YAML (OpenMMLab metafile.yml)
	HFCard     Format = "hf-card"     // a Hugging Face model card: README.md with model-index front matter
	LMEval     Format = "lm-eval"     // lm-evaluation-harness v0.4 results JSON
	Sheet      Format = "sheet"       // a table with its own column names, read through --map
)

// Formats lists every format, as --format takes them.
var Formats = []Format{CSV, PwC, ModelIndex, HFCard, LMEval, Sheet}

// Describe names a format for people.
func (f Format) Describe() string {
	switch f {
	case CSV:
		return "Benchboard CSV"
	case PwC:
		return "Papers with Code evaluation tables"
	case ModelIndex:
		return "model-index YAML"
	case HFCard:
		return "Hugging Face model card"
	case LMEval:
		return "lm-evaluation-harness results"
	case Sheet:
		return "table with its own columns"
	}
	return string(f)
}

// maxWholeFile bounds a file that is parsed whole (a model card, an
// lm-eval results file): real ones are kilobytes.
const maxWholeFile = 32 << 20

// sniffSize is how much of a file Detect looks at.
const sniffSize = 64 << 10

// Detect recognises a format from the start of a file: JSON that opens a
// list is Papers with Code's; JSON that opens an object with "results"
// is lm-evaluation-harness's; front matter holding model-index is a model
// card; YAML with Models, Collections or Import is model-index; a CSV
// whose header is Benchboard's is CSV, any other table a sheet. ok is
// false for anything else.
func Detect(head []byte) (Format, bool) {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(t) == 0:
		return "", false
	case t[0] == '[':
		return PwC, true
	case t[0] == '{':
		if bytes.Contains(t, []byte(`"results"`)) {
			return LMEval, true
		}
		return "", false
	case hfcard.Looks(t):
		return HFCard, true
	case modelindex.Looks(t):
		return ModelIndex, true
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	if bytes.IndexByte(line, 0) >= 0 || !bytes.Contains(line, []byte(",")) {
		return "", false
	}
	header, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil || len(header) < 2 {
		return "", false
	}
	// Two of Benchboard's own columns make it Benchboard's CSV, so that
	// a misspelt column is reported as such, not read as a sheet.
	own := 0
	for _, h := range header {
		switch strings.TrimSpace(h) {
		case "task", "dataset", "metric", "higher_is_better", "method", "value", "reported_in":
			own++
		}
	}
	if own >= 2 {
		return CSV, true
	}
	return Sheet, true
}

// source is one file to read: its root (an import's directory, a zip)
// and its path inside.
type source struct {
	fsys   fs.FS
	path   string
	name   string // as shown: the path the person gave, or inside the folder
	root   string // as shown: the folder path is relative to
	format Format
	rs     io.ReadSeeker // the content, when it is at hand already (Import)
}

// open returns the file's content as a ReadSeeker: an os.Root file is
// one already; anything else (a zip entry) is read into memory, bounded.
func (s source) open() (io.ReadSeeker, func() error, error) {
	if s.rs != nil {
		return s.rs, func() error { return nil }, nil
	}
	f, err := s.fsys.Open(s.path)
	if err != nil {
		return nil, nil, err
	}
	if rs, ok := f.(io.ReadSeeker); ok {
		return rs, f.Close, nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxZipBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxZipBytes {
		return nil, nil, fmt.Errorf("larger than %d MB", maxZipBytes>>20)
	}
	return bytes.NewReader(data), func() error { return nil }, nil
}

// fileError is an error in one file, named by the file (and for
// model-index, by the imported file it is in).
type fileError struct {
	name string
	err  error
	msg  string // "" when err's own text follows the name
}

func (e *fileError) Error() string {
	if e.msg != "" {
		return e.name + ": " + e.msg
	}
	return e.name + ": " + e.err.Error()
}
func (e *fileError) Unwrap() error { return e.err }

// fileErr names the file an error is in: a model-index error may be in a
// file the first one imports.
func fileErr(src source, err error) error {
	var me *modelindex.Error
	if errors.As(err, &me) {
		msg := me.Msg
		if me.Line > 0 {
			msg = fmt.Sprintf("line %d:%d: %s", me.Line, me.Col, me.Msg)
		}
		return &fileError{name: path.Join(src.root, me.File), err: err, msg: msg}
	}
	return &fileError{name: src.name, err: err}
}

// produce reads one file and emits its records, filling fsum. check
// asks for a streaming format (CSV, sheets) to be read through once
// before anything is emitted, so that a bad line fails the file before
// any of its records reach the store: --keep-going can then skip it whole.
func produce(ctx context.Context, src source, format Format, opt Options, fsum *FileSummary, in *countingReader, check bool, emit func(model.Record) error) error {
	rs, closeFile, err := src.open()
	if err != nil {
		return err
	}
	defer closeFile()
	in.r = rs
	wholeFile := func() ([]byte, error) {
		data, err := io.ReadAll(io.LimitReader(in, maxWholeFile+1))
		if err != nil {
			return nil, err
		}
		if len(data) > maxWholeFile {
			return nil, fmt.Errorf("larger than %d MB", maxWholeFile>>20)
		}
		return data, nil
	}
	emitAll := func(recs []model.Record) error {
		for _, r := range recs {
			fsum.Records++
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}
	rewind := func() error {
		_, err := rs.Seek(0, io.SeekStart)
		return err
	}
	switch format {
	case CSV:
		if check {
			if err := readCSV(in, nil, fsum); err != nil {
				return err
			}
			if err := rewind(); err != nil {
				return err
			}
			fsum.Rows = 0
		}
		return readCSV(in, emit, fsum)
	case PwC:
		return pwc.Parse(ctx, in, func(row pwc.Row) error {
			recs, skips := Records(row, src.name)
			fsum.Rows++
			for _, s := range skips {
				fsum.skip(s)
			}
			return emitAll(recs)
		})
	case LMEval:
		data, err := wholeFile()
		if err != nil {
			return err
		}
		recs, skips, err := lmeval.Parse(data, lmeval.Options{Subtasks: opt.Subtasks})
		if err != nil {
			return err
		}
		for _, s := range skips {
			fsum.skip(Skip{Path: s.Path, Reason: s.Reason})
		}
		fsum.Rows = len(recs) + len(skips)
		return emitAll(recs)
	case HFCard:
		data, err := wholeFile()
		if err != nil {
			return err
		}
		recs, skips, err := hfcard.Parse(data)
		if err != nil {
			return err
		}
		for _, s := range skips {
			fsum.skip(Skip{Path: s.Path, Reason: s.Reason})
		}
		fsum.Rows = len(recs) + len(skips)
		return emitAll(recs)
	case ModelIndex:
		res, err := modelindex.Parse(src.fsys, src.path)
		if err != nil {
			return err // named by fileErr, which knows the root
		}
		for _, s := range res.Skips {
			fsum.skip(Skip{Path: s.Path, Reason: s.Reason})
		}
		fsum.Rows = len(res.Records) + len(res.Skips)
		return emitAll(res.Records)
	case Sheet:
		if opt.Sheet == nil {
			return errors.New("a table with its own column names: give --dataset SLUG and --map SOURCE=TARGET for its columns (see `benchboard import -h`)")
		}
		if check {
			if err := readSheet(in, *opt.Sheet, src.name, nil, fsum); err != nil {
				return err
			}
			if err := rewind(); err != nil {
				return err
			}
			fsum.reset()
		}
		return readSheet(in, *opt.Sheet, src.name, emit, fsum)
	}
	return fmt.Errorf("unknown format %q", format)
}

// readCSV reads Benchboard's CSV; with a nil emit it only checks.
func readCSV(r io.Reader, emit func(model.Record) error, fsum *FileSummary) error {
	cr, err := csvio.NewReader(r)
	if err != nil {
		return err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fsum.Rows++
		if emit == nil {
			continue
		}
		fsum.Records++
		if err := emit(rec); err != nil {
			return err
		}
	}
}

// readSheet reads a sheet through its mapping; with a nil emit it only
// checks.
func readSheet(r io.Reader, cfg sheet.Config, name string, emit func(model.Record) error, fsum *FileSummary) error {
	cfg.File = path.Base(name)
	sr, err := sheet.NewReader(r, cfg)
	if err != nil {
		return err
	}
	fsum.Ignored = sr.Ignored
	for {
		recs, skips, err := sr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fsum.Rows++
		for _, s := range skips {
			fsum.skip(Skip{Path: s.Path, Raw: s.Raw, Reason: s.Reason})
		}
		if emit == nil {
			continue
		}
		for _, rec := range recs {
			fsum.Records++
			if err := emit(rec); err != nil {
				return err
			}
		}
	}
}
