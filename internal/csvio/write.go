package csvio

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// Writer streams records; it flushes every FlushEvery lines so memory
// stays bounded and the client sees bytes early.
type Writer struct {
	w     *csv.Writer
	n     int
	Flush int
	row   []string
}

// NewWriter writes the header at once. Records end in CRLF, per RFC
// 4180 and as spreadsheets expect; a line break inside a field is written
// as it is stored. encoding/csv's UseCRLF would turn every LF inside a
// quoted field into CRLF as well, so the csv.Writer writes LF and
// crlfWriter turns only the LFs outside quotes into CRLF.
func NewWriter(w io.Writer) (*Writer, error) {
	cw := csv.NewWriter(&crlfWriter{w: w})
	if err := cw.Write(Columns); err != nil {
		return nil, fmt.Errorf("csv: header: %w", err)
	}
	return &Writer{w: cw, Flush: 500, row: make([]string, len(Columns))}, nil
}

// Write adds one record.
func (w *Writer) Write(r model.Record) error {
	row := w.row
	row[0] = Neutralise(r.Task)
	row[1] = Neutralise(r.Dataset)
	row[2] = Neutralise(r.ParentDataset)
	row[3] = Neutralise(r.Metric)
	row[4] = strconv.FormatBool(r.HigherIsBetter)
	row[5] = r.MetricUnit
	row[6] = strconv.FormatBool(r.PrimaryMetric)
	row[7] = Neutralise(r.Method)
	row[8] = model.FormatNumber(r.Value) // a number stays a number, minus sign and all
	row[9] = ""
	if r.PlusMinus != nil {
		row[9] = model.FormatNumber(*r.PlusMinus)
	}
	row[10] = r.Unit
	row[11] = Neutralise(r.Raw)
	row[12] = Neutralise(r.Setting)
	row[13] = strconv.FormatBool(r.ExtraData)
	row[14] = Neutralise(r.Params)
	row[15] = Neutralise(r.Compute)
	row[16] = Neutralise(r.PaperTitle)
	row[17] = r.ArxivID
	row[18] = Neutralise(r.PaperURL)
	row[19] = r.PaperDate
	row[20] = Neutralise(r.CodeURL)
	row[21] = Neutralise(r.ReportedIn)
	row[22] = Neutralise(r.Source)
	row[23] = Neutralise(r.SourceURL)
	row[24] = r.Confidence
	row[25] = Neutralise(r.Note)
	row[26] = strconv.FormatBool(r.DirectionInferred)
	if err := w.w.Write(row); err != nil {
		return fmt.Errorf("csv: write: %w", err)
	}
	w.n++
	if w.Flush > 0 && w.n%w.Flush == 0 {
		w.w.Flush()
		if err := w.w.Error(); err != nil {
			return fmt.Errorf("csv: flush: %w", err)
		}
	}
	return nil
}

// Close flushes what is buffered and reports any write error.
func (w *Writer) Close() error {
	w.w.Flush()
	if err := w.w.Error(); err != nil {
		return fmt.Errorf("csv: flush: %w", err)
	}
	return nil
}

// crlfWriter ends records in CRLF: it rewrites each LF that is outside a
// quoted field. csv.Writer quotes every field holding a quote, CR or LF
// and doubles the quotes inside it, so counting quotes tells inside from
// outside; the state carries across writes, which may split a field.
type crlfWriter struct {
	w        io.Writer
	inQuotes bool
	buf      []byte
}

func (c *crlfWriter) Write(p []byte) (int, error) {
	c.buf = c.buf[:0]
	for _, b := range p {
		switch {
		case b == '"':
			c.inQuotes = !c.inQuotes
		case b == '\n' && !c.inQuotes:
			c.buf = append(c.buf, '\r')
		}
		c.buf = append(c.buf, b)
	}
	if _, err := c.w.Write(c.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Neutralise defuses spreadsheet formulas (CWE-1236): a text cell that
// starts with = + - @, tab or CR gets a leading apostrophe. The reader
// takes it off again, so export → import is an identity.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	case '\'':
		// A cell that already starts with an apostrophe followed by a
		// trigger would lose it on the way back; double it up.
		if len(s) > 1 && strings.ContainsRune("=+-@\t\r'", rune(s[1])) {
			return "'" + s
		}
	}
	return s
}

func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(s[1])) {
		return s[1:]
	}
	return s
}

// Source is a stream of records, such as an open export cursor.
type Source interface {
	Next(rec *model.Record) (ok bool, err error)
}

// Copy writes every remaining record of src to w in the project's CSV
// format and flushes it; it returns how many rows it wrote.
func Copy(w io.Writer, src Source) (int, error) {
	cw, err := NewWriter(w)
	if err != nil {
		return 0, err
	}
	var rec model.Record
	n := 0
	for {
		ok, err := src.Next(&rec)
		if err != nil {
			return n, err
		}
		if !ok {
			break
		}
		if err := cw.Write(rec); err != nil {
			return n, err
		}
		n++
	}
	return n, cw.Close()
}
