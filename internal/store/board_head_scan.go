package store

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/benchboard/benchboard/internal/model"
)

// headScanner reads the rows of board_head_of (migration 0100; the columns
// of board_head_rows, 0095) into reports. pgx's Scan finds a
// plan per column and allocates every string and every pointer on its
// own: for the head of a large board (hundreds of rows of 22 columns,
// the two metrics of a row repeating its method, paper, setting and
// source) that was a third of an uncached page's Go time, and most of its
// garbage. It decodes the wire values itself instead, reuses a text equal
// to the previous row's (a row's reports come one after the other: the
// rows are in result id order; a map of every text cost more than the
// strings it saved), and takes the nullable numbers out of slabs. A
// column in a format it does not expect (or a value it does not decode:
// a NULL where a text is due, an infinite date) goes through Scan, which
// says what pgx says (TestHeadScannerMatchesScan).
type headScanner struct {
	prev    model.Report // the previous row, whose texts are reused
	checked bool
	fast    bool
	floats  []float64
	ints    []int
	times   []time.Time
}

// headColumns are board_head_of's (and board_head_rows') result types, in
// order.
var headColumns = [...]uint32{
	pgtype.Int8OID, pgtype.Int8OID, pgtype.Int8OID, pgtype.Float8OID, pgtype.TextOID, pgtype.Float8OID, pgtype.TextOID,
	pgtype.TextOID, pgtype.BoolOID, pgtype.TextOID, pgtype.Float8OID, pgtype.TextOID, pgtype.TextOID, pgtype.TextOID,
	pgtype.TextOID, pgtype.TextOID, pgtype.TextOID, pgtype.TextOID, pgtype.TextOID, pgtype.Int2OID, pgtype.DateOID,
	pgtype.TextOID,
}

func newHeadScanner() *headScanner { return &headScanner{} }

// formatsKnown: every column has the type board_head_of declares, the
// numbers in binary (a text column reads the same in either format).
func formatsKnown(fds []pgconn.FieldDescription) bool {
	if len(fds) != len(headColumns) {
		return false
	}
	for i, fd := range fds {
		if fd.DataTypeOID != headColumns[i] || (fd.DataTypeOID != pgtype.TextOID && fd.Format != pgx.BinaryFormatCode) {
			return false
		}
	}
	return true
}

// scan reads the current row into r.
func (h *headScanner) scan(rows pgx.Rows, r *model.Report) error {
	if !h.checked {
		h.checked, h.fast = true, formatsKnown(rows.FieldDescriptions())
	}
	if h.fast && h.decode(rows.RawValues(), r) {
		return nil
	}
	// Scan keeps pointers to its destinations: it gets a report of its
	// own, so that r (on the caller's stack) does not escape.
	x := &model.Report{DatasetName: r.DatasetName, DatasetSlug: r.DatasetSlug, Result: model.Result{DatasetID: r.DatasetID}}
	err := scanHeadRow(rows, x)
	*r = *x
	return err
}

// scanHeadRow is the row read through pgx's Scan.
func scanHeadRow(rows pgx.Rows, r *model.Report) error {
	return rows.Scan(&r.ID, &r.MetricID, &r.MethodID, &r.PlusMinus, &r.Unit, &r.Score, &r.Raw, &r.Setting, &r.ExtraData,
		&r.ParamsText, &r.Params, &r.ReportedIn, &r.Source, &r.SourceURL, &r.Confidence, &r.MethodName, &r.MethodSlug,
		&r.PaperTitle, &r.PaperSlug, &r.PaperYear, &r.PaperDate, &r.CodeURL)
}

// decode reads the wire values v into r; false when one is not what the
// fast path decodes (r may then be half written).
func (h *headScanner) decode(v [][]byte, r *model.Report) bool {
	if len(v) != len(headColumns) {
		return false
	}
	// Every column but the nullable numbers must be present.
	for i, b := range v {
		if b == nil && i != 3 && i != 10 && i != 19 && i != 20 {
			return false
		}
	}
	var ok bool
	if r.ID, ok = int8Of(v[0]); !ok {
		return false
	}
	if r.MetricID, ok = int8Of(v[1]); !ok {
		return false
	}
	if r.MethodID, ok = int8Of(v[2]); !ok {
		return false
	}
	if r.PlusMinus, ok = h.float8Ptr(v[3]); !ok {
		return false
	}
	if r.Score, ok = float8Of(v[5]); !ok {
		return false
	}
	if len(v[8]) != 1 {
		return false
	}
	r.ExtraData = v[8][0] != 0
	if r.Params, ok = h.float8Ptr(v[10]); !ok {
		return false
	}
	if v[19] != nil {
		if len(v[19]) != 2 {
			return false
		}
		r.PaperYear = h.int(int(int16(binary.BigEndian.Uint16(v[19]))))
	}
	if v[20] != nil {
		if len(v[20]) != 4 {
			return false
		}
		days := int32(binary.BigEndian.Uint32(v[20]))
		if days == math.MaxInt32 || days == math.MinInt32 {
			return false // infinity: Scan says what to do with it
		}
		// As pgx's date codec makes it.
		r.PaperDate = h.time(time.Date(2000, 1, int(1+days), 0, 0, 0, 0, time.UTC))
	}
	p := &h.prev
	r.Unit, r.Raw, r.Setting, r.ParamsText = text(v[4], p.Unit), text(v[6], p.Raw), text(v[7], p.Setting), text(v[9], p.ParamsText)
	r.ReportedIn, r.Source, r.SourceURL = text(v[11], p.ReportedIn), text(v[12], p.Source), text(v[13], p.SourceURL)
	r.Confidence, r.MethodName, r.MethodSlug = text(v[14], p.Confidence), text(v[15], p.MethodName), text(v[16], p.MethodSlug)
	r.PaperTitle, r.PaperSlug, r.CodeURL = text(v[17], p.PaperTitle), text(v[18], p.PaperSlug), text(v[21], p.CodeURL)
	h.prev = *r
	return true
}

// text is b as a string: prev when they are equal, without a copy.
func text(b []byte, prev string) string {
	if string(b) == prev {
		return prev
	}
	return string(b)
}

func int8Of(b []byte) (int64, bool) {
	if len(b) != 8 {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(b)), true
}

func float8Of(b []byte) (float64, bool) {
	if len(b) != 8 {
		return 0, false
	}
	return math.Float64frombits(binary.BigEndian.Uint64(b)), true
}

// float8Ptr is a nullable float8, its value kept in a slab.
func (h *headScanner) float8Ptr(b []byte) (*float64, bool) {
	if b == nil {
		return nil, true
	}
	f, ok := float8Of(b)
	if !ok {
		return nil, false
	}
	if len(h.floats) == cap(h.floats) {
		h.floats = make([]float64, 0, 256)
	}
	h.floats = append(h.floats, f)
	return &h.floats[len(h.floats)-1], true
}

func (h *headScanner) int(n int) *int {
	if len(h.ints) == cap(h.ints) {
		h.ints = make([]int, 0, 256)
	}
	h.ints = append(h.ints, n)
	return &h.ints[len(h.ints)-1]
}

func (h *headScanner) time(t time.Time) *time.Time {
	if len(h.times) == cap(h.times) {
		h.times = make([]time.Time, 0, 128)
	}
	h.times = append(h.times, t)
	return &h.times[len(h.times)-1]
}
