// Package csvio is Benchboard's CSV format: one line per reported number,
// the format the seeds ship in, the export writes and the import reads.
// It is pure I/O: no database, no HTTP.
package csvio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
)

// Columns is the header, in order.
var Columns = []string{
	"task", "dataset", "parent_dataset", "metric", "higher_is_better", "metric_unit", "primary_metric",
	"method", "value", "plus_minus", "unit", "raw", "setting", "extra_data", "params", "compute",
	"paper_title", "arxiv_id", "paper_url", "paper_date", "code_url",
	"reported_in", "source", "source_url", "confidence", "note", "direction_inferred",
}

// Error points at the line and column of bad input, counted from 1.
type Error struct {
	Line, Col int
	Column    string // the header name, when known
	Msg       string
}

func (e *Error) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("line %d:%d (%s): %s", e.Line, e.Col, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg)
}

// Reader streams records; memory stays bounded by one line.
type Reader struct {
	r     *csv.Reader
	index map[string]int
	line  int
}

// NewReader checks the header first: an unknown or missing column is an
// error that names it and lists the expected ones.
func NewReader(r io.Reader) (*Reader, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1 // checked per line below, with a better message
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{Line: 1, Col: 1, Msg: "empty file: expected the header " + strings.Join(Columns, ",")}
	}
	if err != nil {
		return nil, wrapCSV(err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // Excel's BOM
	}
	index := make(map[string]int, len(header))
	for i, h := range header {
		name := strings.TrimSpace(h)
		if !known(name) {
			return nil, &Error{Line: 1, Col: i + 1, Msg: fmt.Sprintf("unknown column %q; expected: %s", h, strings.Join(Columns, ","))}
		}
		if _, dup := index[name]; dup {
			return nil, &Error{Line: 1, Col: i + 1, Msg: fmt.Sprintf("column %q appears twice", h)}
		}
		index[name] = i
	}
	for _, required := range []string{"task", "dataset", "metric", "higher_is_better", "method", "value"} {
		if _, ok := index[required]; !ok {
			return nil, &Error{Line: 1, Col: len(header) + 1, Msg: fmt.Sprintf("missing column %q; expected: %s", required, strings.Join(Columns, ","))}
		}
	}
	return &Reader{r: cr, index: index, line: 1}, nil
}

func known(name string) bool {
	for _, c := range Columns {
		if c == name {
			return true
		}
	}
	return false
}

func wrapCSV(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Line: pe.Line, Col: pe.Column, Msg: pe.Err.Error()}
	}
	return fmt.Errorf("csv: %w", err)
}

// Line is the line number of the record Read returned last.
func (r *Reader) Line() int { return r.line }

// Read returns the next record, or io.EOF after the last.
func (r *Reader) Read() (model.Record, error) {
	fields, err := r.r.Read()
	if err != nil {
		if err == io.EOF {
			return model.Record{}, io.EOF
		}
		return model.Record{}, wrapCSV(err)
	}
	r.line, _ = r.r.FieldPos(0)
	if len(fields) != len(r.index) {
		return model.Record{}, &Error{Line: r.line, Col: 1, Msg: fmt.Sprintf("%d fields, the header has %d", len(fields), len(r.index))}
	}
	p := parser{fields: fields, index: r.index, reader: r.r}
	rec := model.Record{
		Task:          p.text("task", 200, true),
		Dataset:       p.text("dataset", 200, true),
		ParentDataset: p.text("parent_dataset", 200, false),
		Metric:        p.text("metric", 200, true),
		MetricUnit:    p.unit("metric_unit"),
		Method:        p.text("method", 300, true),
		Unit:          p.unit("unit"),
		Raw:           p.text("raw", 200, false),
		Setting:       p.text("setting", 300, false),
		Params:        p.text("params", 100, false),
		Compute:       p.text("compute", 100, false),
		PaperTitle:    p.text("paper_title", 1000, false),
		ArxivID:       p.arxiv("arxiv_id"),
		PaperURL:      p.url("paper_url"),
		PaperDate:     p.date("paper_date"),
		CodeURL:       p.url("code_url"),
		ReportedIn:    p.text("reported_in", 500, false),
		Source:        p.text("source", 500, false),
		SourceURL:     p.url("source_url"),
		Confidence:    p.confidence("confidence"),
		Note:          p.text("note", 2000, false),
	}
	rec.HigherIsBetter = p.boolean("higher_is_better", true)
	rec.PrimaryMetric = p.boolean("primary_metric", false)
	rec.ExtraData = p.boolean("extra_data", false)
	rec.DirectionInferred = p.boolean("direction_inferred", false)
	rec.Value = p.number("value")
	rec.PlusMinus = p.optNumber("plus_minus")
	if p.err != nil {
		return model.Record{}, p.err
	}
	if _, ok := r.index["metric_unit"]; !ok {
		rec.MetricUnit = rec.Unit
	}
	if rec.Raw == "" {
		// The value as written stands for the raw text, read like any field
		// (trimmed), so that a round trip through our own writer keeps it.
		rec.Raw, _ = p.get("value")
	}
	return rec, nil
}

// parser reads one line's fields and keeps the first error, with its column.
type parser struct {
	fields []string
	index  map[string]int
	reader *csv.Reader
	err    error
}

func (p *parser) get(col string) (string, bool) {
	i, ok := p.index[col]
	if !ok {
		return "", false
	}
	// A lone CR cannot survive a CRLF file (encoding/csv drops it on
	// write), so it is read as the line break it stands for.
	v := strings.ReplaceAll(p.fields[i], "\r", "\n")
	if !utf8.ValidString(v) {
		// Postgres refuses such text, and then without a position.
		p.fail(col, "is not valid UTF-8")
		return "", true
	}
	return unneutralise(strings.TrimSpace(v)), true
}

func (p *parser) fail(col, format string, args ...any) {
	if p.err != nil {
		return
	}
	line, c := p.reader.FieldPos(p.index[col])
	p.err = &Error{Line: line, Col: c, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) text(col string, max int, required bool) string {
	v, _ := p.get(col)
	if required && v == "" {
		p.fail(col, "is empty")
	}
	if len(v) > max {
		p.fail(col, "is %d bytes long; at most %d", len(v), max)
	}
	if strings.ContainsRune(v, 0) {
		p.fail(col, "contains a NUL byte")
	}
	return v
}

func (p *parser) boolean(col string, required bool) bool {
	v, present := p.get(col)
	if v == "" {
		if required && present {
			p.fail(col, "is empty; write true or false")
		}
		return false
	}
	switch strings.ToLower(v) {
	case "true", "yes", "1":
		return true
	case "false", "no", "0":
		return false
	}
	p.fail(col, "%q is not true or false", v)
	return false
}

func (p *parser) number(col string) float64 {
	v, _ := p.get(col)
	f, err := ParseNumber(v)
	if err != nil {
		p.fail(col, "%v", err)
	}
	return f
}

func (p *parser) optNumber(col string) *float64 {
	v, _ := p.get(col)
	if v == "" {
		return nil
	}
	f, err := ParseNumber(v)
	if err != nil {
		p.fail(col, "%v", err)
		return nil
	}
	if f < 0 {
		p.fail(col, "%q is negative", v)
		return nil
	}
	return &f
}

func (p *parser) unit(col string) string {
	v, _ := p.get(col)
	switch v {
	case "%", "fraction", "":
		return v
	}
	p.fail(col, "%q is not %%, fraction or empty", v)
	return ""
}

func (p *parser) confidence(col string) string {
	v, _ := p.get(col)
	switch v {
	case "":
		return "high"
	case "high", "med", "low":
		return v
	}
	p.fail(col, "%q is not high, med or low", v)
	return ""
}

var arxivRe = regexp.MustCompile(`^[0-9]{4}\.[0-9]{4,5}$`)

func (p *parser) arxiv(col string) string {
	v, _ := p.get(col)
	if v != "" && !arxivRe.MatchString(v) {
		p.fail(col, "%q is not an arXiv id such as 2306.15794", v)
	}
	return v
}

func (p *parser) url(col string) string {
	v, _ := p.get(col)
	if v == "" {
		return ""
	}
	if err := model.CheckURL(v); err != nil {
		p.fail(col, "%v", err)
	}
	return v
}

func (p *parser) date(col string) string {
	v, _ := p.get(col)
	if v == "" {
		return ""
	}
	if _, err := model.ParseDate(v); err != nil {
		p.fail(col, "%v", err)
	}
	return v
}

// ParseNumber reads a finite decimal number; NaN, Inf and overflow are errors.
func ParseNumber(s string) (float64, error) {
	if s == "" {
		return 0, errors.New("is empty; a number is required")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a finite number", model.Clip(s))
	}
	return f, nil
}
