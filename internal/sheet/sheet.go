// Package sheet reads a results table with its own column names (timm's
// results-imagenet.csv, a lab's spreadsheet saved as CSV) through a
// mapping from its columns to Benchboard's fields and to the metrics of
// one dataset. It is pure I/O: the caller looks the dataset up and hands
// its names and metrics in.
package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
)

// The fields a column may map to, besides a metric.
var fields = []string{"method", "params", "paper_url", "paper_title", "paper_date", "year", "setting", "note", "code_url"}

// Map is one --map SOURCE=TARGET.
type Map struct {
	Source string // the sheet's column name
	Field  string // one of fields; "" for a metric
	Metric string // the metric's name, as the dataset lists it
	Unit   string // params: "k", "M", "B" or ""; a metric: "%", "fraction" or "" (the metric's own)
}

// ParseMap reads "SOURCE=TARGET": TARGET is a field (params:k, params:M,
// params:B give the column's unit) or a metric name, optionally followed
// by ":%" or ":fraction". Whether the metric exists is checked by
// NewReader, which knows the dataset.
func ParseMap(spec string) (Map, error) {
	src, target, ok := strings.Cut(spec, "=")
	src, target = strings.TrimSpace(src), strings.TrimSpace(target)
	if !ok || src == "" || target == "" {
		return Map{}, fmt.Errorf("--map %q: expected SOURCE=TARGET, e.g. top1=\"Top-1 accuracy\"", spec)
	}
	m := Map{Source: src}
	lower := strings.ToLower(target)
	for _, f := range fields {
		if lower == f {
			m.Field = f
			return m, nil
		}
	}
	if u, ok := strings.CutPrefix(lower, "params:"); ok {
		switch u {
		case "k":
			m.Unit = "k"
		case "m":
			m.Unit = "M"
		case "b":
			m.Unit = "B"
		default:
			return Map{}, fmt.Errorf("--map %q: params takes the unit k, M or B (params:M), not %q", spec, u)
		}
		m.Field = "params"
		return m, nil
	}
	m.Metric = target
	for _, u := range []string{"%", "fraction"} {
		if name, ok := strings.CutSuffix(target, ":"+u); ok && strings.TrimSpace(name) != "" {
			m.Metric, m.Unit = strings.TrimSpace(name), u
		}
	}
	return m, nil
}

// Metric is one of the dataset's metrics.
type Metric struct {
	Name           string
	HigherIsBetter bool
	Unit           string // "%", "fraction" or ""
}

// Config is what NewReader needs besides the table.
type Config struct {
	Task, Dataset, ParentDataset string
	Metrics                      []Metric // the dataset's
	Maps                         []Map
	// File is the table's name: the report and the source of rows that
	// name no paper.
	File string
}

// Error points at the line and column of bad input, counted from 1.
type Error struct {
	Line, Col int
	Column    string
	Msg       string
}

func (e *Error) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("line %d:%d (%s): %s", e.Line, e.Col, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg)
}

// Skip is a cell or a line left out, and why.
type Skip struct {
	Path   string // "line 12:4 (top1)"
	Raw    string
	Reason string
}

// Reader streams records: one per mapped metric cell of each line.
type Reader struct {
	r       *csv.Reader
	cfg     Config
	cols    []column // mapped columns
	Ignored []string // the table's columns no --map names, in table order
	line    int
}

type column struct {
	index int
	Map
	metric Metric
}

// NewReader reads the header and checks the mapping against it and
// against the dataset's metrics.
func NewReader(r io.Reader, cfg Config) (*Reader, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{Line: 1, Col: 1, Msg: "empty file: expected a header line"}
	}
	if err != nil {
		return nil, csvError(err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	index := map[string]int{}
	for i, h := range header {
		index[strings.TrimSpace(h)] = i
	}
	metrics := map[string]Metric{}
	var names []string
	for _, m := range cfg.Metrics {
		metrics[strings.ToLower(m.Name)] = m
		names = append(names, fmt.Sprintf("%q", m.Name))
	}
	rd := &Reader{r: cr, cfg: cfg, line: 1}
	mapped := map[int]bool{}
	hasMethod, hasMetric := false, false
	for _, m := range cfg.Maps {
		i, ok := index[m.Source]
		if !ok {
			return nil, &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("--map %s=…: the table has no column %q; its columns: %s", m.Source, m.Source, strings.Join(header, ","))}
		}
		if mapped[i] {
			return nil, &Error{Line: 1, Col: i + 1, Column: m.Source, Msg: "mapped twice"}
		}
		mapped[i] = true
		c := column{index: i, Map: m}
		switch {
		case m.Field == "method":
			hasMethod = true
		case m.Field == "":
			mt, ok := metrics[strings.ToLower(m.Metric)]
			if !ok {
				return nil, fmt.Errorf("--map %s=%s: dataset %s has no metric %q; its metrics: %s", m.Source, m.Metric, cfg.Dataset, m.Metric, strings.Join(names, ", "))
			}
			c.metric = mt
			hasMetric = true
		}
		rd.cols = append(rd.cols, c)
	}
	if !hasMethod {
		return nil, errors.New("no column maps to method: give --map COLUMN=method")
	}
	if !hasMetric {
		return nil, fmt.Errorf("no column maps to a metric of %s: give --map COLUMN=METRIC (its metrics: %s)", cfg.Dataset, strings.Join(names, ", "))
	}
	for i, h := range header {
		if !mapped[i] {
			rd.Ignored = append(rd.Ignored, h)
		}
	}
	return rd, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Line: pe.Line, Col: pe.Column, Msg: pe.Err.Error()}
	}
	return fmt.Errorf("csv: %w", err)
}

// Line is the line of the row Read returned last.
func (r *Reader) Line() int { return r.line }

var (
	yearRe  = regexp.MustCompile(`^\d{4}$`)
	arxivRe = regexp.MustCompile(`arxiv\.org/(?:abs|pdf)/([0-9]{4}\.[0-9]{4,5})(?:[^0-9]|$)`)
	bareNum = regexp.MustCompile(`^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$`)
)

// Read returns the records of the next line and what it left out, or
// io.EOF after the last line. A line whose method is empty is left out
// whole; a metric cell that holds no number is left out alone.
func (r *Reader) Read() ([]model.Record, []Skip, error) {
	row, err := r.r.Read()
	if err == io.EOF {
		return nil, nil, io.EOF
	}
	if err != nil {
		return nil, nil, csvError(err)
	}
	r.line, _ = r.r.FieldPos(0)
	cell := func(c column) (string, error) {
		if c.index >= len(row) {
			return "", nil
		}
		v := strings.TrimSpace(row[c.index])
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			line, col := r.r.FieldPos(c.index)
			return "", &Error{Line: line, Col: col, Column: c.Source, Msg: "is not valid UTF-8 text"}
		}
		return v, nil
	}
	where := func(c column) string {
		line, col := r.line, 1
		if c.index < len(row) {
			line, col = r.r.FieldPos(c.index)
		}
		return fmt.Sprintf("line %d:%d (%s)", line, col, c.Source)
	}
	base := model.Record{Task: r.cfg.Task, Dataset: r.cfg.Dataset, ParentDataset: r.cfg.ParentDataset,
		Source: clip(r.cfg.File, 500), Confidence: "med"}
	var skips []Skip
	for _, c := range r.cols {
		if c.Field == "" {
			continue
		}
		v, err := cell(c)
		if err != nil {
			return nil, nil, err
		}
		if v == "" {
			continue
		}
		bad := func(msg string) {
			skips = append(skips, Skip{Path: where(c), Raw: clip(v, 80), Reason: msg})
		}
		switch c.Field {
		case "method":
			base.Method = clip(v, 300)
		case "params":
			if c.Unit != "" && bareNum.MatchString(v) {
				v += c.Unit
			}
			if _, ok := model.ParseCount(v); !ok {
				bad("not a parameter count")
				continue
			}
			base.Params = clip(v, 100)
		case "paper_url", "code_url":
			if !model.IsWebURL(v) {
				bad("not an http or https URL")
				continue
			}
			if c.Field == "code_url" {
				base.CodeURL = v
				continue
			}
			base.PaperURL, base.SourceURL = v, v
			if m := arxivRe.FindStringSubmatch(v); m != nil {
				base.ArxivID = m[1]
			}
		case "paper_title":
			base.PaperTitle = clip(v, 1000)
		case "paper_date", "year":
			if c.Field == "year" && !yearRe.MatchString(v) {
				bad("not a year")
				continue
			}
			if _, err := model.ParseDate(v); err != nil {
				bad(err.Error())
				continue
			}
			base.PaperDate = v
		case "setting":
			base.Setting = clip(v, 300)
		case "note":
			base.Note = clip(v, 2000)
		}
	}
	if base.Method == "" {
		return nil, append(skips, Skip{Path: fmt.Sprintf("line %d", r.line), Reason: "line skipped: no method"}), nil
	}
	switch {
	case base.PaperURL != "":
		base.ReportedIn = clip(base.PaperURL, 500)
	case base.PaperTitle != "":
		base.ReportedIn = clip(base.PaperTitle, 500)
	default:
		base.ReportedIn = clip(r.cfg.File, 500)
	}
	var recs []model.Record
	for _, c := range r.cols {
		if c.Field != "" {
			continue
		}
		v, err := cell(c)
		if err != nil {
			return nil, nil, err
		}
		if v == "" {
			continue
		}
		pv, err := pwc.ParseValue(v)
		if err != nil {
			skips = append(skips, Skip{Path: where(c), Raw: clip(v, 80), Reason: err.Error()})
			continue
		}
		rec := base
		rec.Metric, rec.HigherIsBetter, rec.MetricUnit = c.metric.Name, c.metric.HigherIsBetter, c.metric.Unit
		rec.Value, rec.PlusMinus, rec.Raw = pv.Value, pv.PlusMinus, clip(v, 200)
		switch {
		case c.Unit != "":
			rec.Unit = c.Unit
		case pv.Unit != "":
			rec.Unit = pv.Unit
		default:
			rec.Unit = c.metric.Unit
		}
		recs = append(recs, rec)
	}
	return recs, skips, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}
