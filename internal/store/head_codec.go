package store

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// A stored head (migration 0120) is one value: its reports encoded by
// encodeHead, the columns board_head_of returns, in the reports' order.
// Read as rows, the head of a 10,000-row board (about 200 reports of 22
// columns) was a quarter of an uncached API answer's Go time in pgx's row
// messages alone, and as much again in Postgres sending them; one value is
// read off its row and decoded in a loop.
//
// Each report: its id, metric and method as varints, its score's bits,
// a byte of flags (which nullable numbers follow, extra data), those
// numbers, then its texts. A text is its length plus one and its bytes,
// or 0 when it is the previous report's (a row's reports follow each
// other and share most of them), which the decoder then shares too.

const headCodecVersion = 1

const (
	headPlusMinus = 1 << iota
	headParams
	headYear
	headDate
	headExtraData
)

// headEpoch is day 0 of a stored date, as pgx's date codec counts them.
var headEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// headTexts are a report's texts, in the order they are encoded.
func headTexts(r *model.Report) [13]*string {
	return [13]*string{&r.Unit, &r.Raw, &r.Setting, &r.ParamsText, &r.ReportedIn, &r.Source, &r.SourceURL,
		&r.Confidence, &r.MethodName, &r.MethodSlug, &r.PaperTitle, &r.PaperSlug, &r.CodeURL}
}

// encodeHead encodes the reports of a head.
func encodeHead(head []model.Report) []byte {
	b := make([]byte, 0, 64+160*len(head))
	b = append(b, headCodecVersion)
	b = binary.AppendUvarint(b, uint64(len(head)))
	var prev model.Report
	for i := range head {
		r := &head[i]
		b = binary.AppendVarint(b, r.ID)
		b = binary.AppendVarint(b, r.MetricID)
		b = binary.AppendVarint(b, r.MethodID)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(r.Score))
		var flags byte
		if r.PlusMinus != nil {
			flags |= headPlusMinus
		}
		if r.Params != nil {
			flags |= headParams
		}
		if r.PaperYear != nil {
			flags |= headYear
		}
		if r.PaperDate != nil {
			flags |= headDate
		}
		if r.ExtraData {
			flags |= headExtraData
		}
		b = append(b, flags)
		if r.PlusMinus != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*r.PlusMinus))
		}
		if r.Params != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*r.Params))
		}
		if r.PaperYear != nil {
			b = binary.AppendVarint(b, int64(*r.PaperYear))
		}
		if r.PaperDate != nil {
			b = binary.AppendVarint(b, int64(r.PaperDate.Sub(headEpoch)/(24*time.Hour)))
		}
		texts, before := headTexts(r), headTexts(&prev)
		for k, t := range texts {
			if i > 0 && *t == *before[k] {
				b = append(b, 0)
				continue
			}
			b = binary.AppendUvarint(b, uint64(len(*t))+1)
			b = append(b, *t...)
		}
		prev = *r
	}
	return b
}

var errHeadCodec = errors.New("store: a stored head that does not decode")

// decodeHead decodes what encodeHead encoded into reports of board d,
// with the metrics' names as BoardTop gives them.
func decodeHead(b []byte, d DatasetInfo) ([]model.Report, error) {
	if len(b) == 0 || b[0] != headCodecVersion {
		return nil, errHeadCodec
	}
	b = b[1:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errHeadCodec
	}
	b = b[k:]
	out := make([]model.Report, n)
	// The nullable numbers of every report, in slabs.
	floats := make([]float64, 0, 2*n)
	ints := make([]int, 0, n)
	times := make([]time.Time, 0, n)
	varint := func() int64 {
		v, k := binary.Varint(b)
		if k <= 0 {
			b = nil
			return 0
		}
		b = b[k:]
		return v
	}
	float := func() float64 {
		if len(b) < 8 {
			b = nil
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		return v
	}
	for i := range out {
		r := &out[i]
		r.DatasetID, r.DatasetName, r.DatasetSlug = d.ID, d.Name, d.Slug
		r.ID, r.MetricID, r.MethodID = varint(), varint(), varint()
		r.Score = float()
		if len(b) == 0 {
			return nil, errHeadCodec
		}
		flags := b[0]
		b = b[1:]
		r.ExtraData = flags&headExtraData != 0
		if flags&headPlusMinus != 0 {
			floats = append(floats, float())
			r.PlusMinus = &floats[len(floats)-1]
		}
		if flags&headParams != 0 {
			floats = append(floats, float())
			r.Params = &floats[len(floats)-1]
		}
		if flags&headYear != 0 {
			ints = append(ints, int(varint()))
			r.PaperYear = &ints[len(ints)-1]
		}
		if flags&headDate != 0 {
			times = append(times, headEpoch.AddDate(0, 0, int(varint())))
			r.PaperDate = &times[len(times)-1]
		}
		texts := headTexts(r)
		for k, t := range texts {
			l, m := binary.Uvarint(b)
			if m <= 0 {
				return nil, errHeadCodec
			}
			b = b[m:]
			if l == 0 { // the previous report's
				if i == 0 {
					return nil, errHeadCodec
				}
				*t = *headTexts(&out[i-1])[k]
				continue
			}
			if l--; l > uint64(len(b)) {
				return nil, errHeadCodec
			}
			*t = string(b[:l])
			b = b[l:]
		}
		nameMetric(r, d)
	}
	if len(b) != 0 {
		return nil, errHeadCodec
	}
	if n == 0 {
		return nil, nil // as BoardTop gives an empty board's head
	}
	return out, nil
}
