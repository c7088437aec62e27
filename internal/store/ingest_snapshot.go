package store

import (
	"math"
	"strconv"
)

// appendSnapshot appends the JSON text of the revision a new result gets
// (version 1, not retired): what result_snapshot() of the inserted row
// gives, once Postgres has read it as jsonb. A bulk write casts it in
// one pass; building it with jsonb_build_object took three times as long
// as reading it (20 of a million-row import's seconds against 6). A
// float goes through the text of its shortest exact decimal, as
// to_jsonb(float8) takes it through float8out, so both come out as the
// same numeric; what is not finite is a string, as Postgres writes it.
func appendSnapshot(b []byte, r *resolved) []byte {
	rec := &r.rec
	b = append(b, `{"value":`...)
	b = appendJSONFloat(b, rec.Value)
	b = append(b, `,"plus_minus":`...)
	if rec.PlusMinus == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONFloat(b, *rec.PlusMinus)
	}
	for _, kv := range [...]struct{ k, v string }{
		{"unit", rec.Unit}, {"raw", rec.Raw}, {"setting", rec.Setting}, {"params", rec.Params},
		{"compute", rec.Compute}, {"reported_in", rec.ReportedIn}, {"source", rec.Source},
		{"source_url", rec.SourceURL}, {"confidence", rec.Confidence}, {"note", rec.Note},
	} {
		b = append(b, `,"`...)
		b = append(b, kv.k...)
		b = append(b, `":`...)
		b = appendJSONString(b, kv.v)
	}
	b = append(b, `,"extra_data":`...)
	b = strconv.AppendBool(b, rec.ExtraData)
	b = append(b, `,"paper_id":`...)
	if r.paperID == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, *r.paperID, 10)
	}
	return append(b, `,"retired":false,"version":1}`...)
}

func appendJSONFloat(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// appendJSONString quotes s as a JSON string: quote, backslash and the
// control characters escaped, everything else as it is. Invalid UTF-8 is
// kept as it is too: Postgres refuses it, as it refuses it in the row.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
