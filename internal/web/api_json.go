package web

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
)

// appendAPIResults writes the leaderboard's JSON answer (renderAPIResults)
// byte for byte as encoding/json wrote the fiber.Map of apiRow values it
// replaces (TestAPIResultsJSONMatchesEncodingJSON compares the two on
// hostile rows): keys of a map in sorted order, struct fields in their
// order, omitempty honoured, strings escaped with HTML escaping, numbers
// formatted as encoding/json formats them; the dataset and the settings,
// which come once, through encoding/json itself. Through reflection, with a map
// per row, the encoding and its garbage were a fifth of an uncached
// answer's Go time. A number JSON cannot carry (NaN, ±Inf) is an error,
// as it was.
func appendAPIResults(b []byte, bv boardView) ([]byte, error) {
	d, q, rb := bv.d, bv.q, bv.rb
	var err error
	// fiber.Map keys, sorted: data_version, dataset, order, page, pages,
	// rows, setting, settings, sort, total.
	b = append(b, `{"data_version":`...)
	b = strconv.AppendInt(b, d.DataVersion, 10)
	b = append(b, `,"dataset":`...)
	if b, err = appendJSON(b, apiDataset{Slug: d.Slug, Name: d.Name, Task: d.TaskName, Parent: d.ParentName,
		Rows: bv.rows, Results: bv.results, URL: "/datasets/" + d.Slug, Metrics: apiMetrics(d.Metrics)}); err != nil {
		return nil, err
	}
	b = append(b, `,"order":`...)
	b = appendJSONString(b, q.Order)
	b = append(b, `,"page":`...)
	b = strconv.AppendInt(b, int64(q.Page), 10)
	b = append(b, `,"pages":`...)
	b = strconv.AppendInt(b, int64(rb.Pages), 10)
	b = append(b, `,"rows":`...)
	if b, err = appendAPIRows(b, d.Metrics, rb.Page); err != nil {
		return nil, err
	}
	b = append(b, `,"setting":`...)
	b = appendJSONString(b, q.SettingChoice())
	b = append(b, `,"settings":`...)
	if b, err = appendJSON(b, apiSettings(q)); err != nil {
		return nil, err
	}
	b = append(b, `,"sort":`...)
	b = appendJSONString(b, q.Sort)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(rb.Total), 10)
	return append(b, '}'), nil
}

// appendJSON appends encoding/json's encoding of v. The parts of an
// answer that come once (the dataset, the settings) are a handful of
// values: encoded by hand is for the rows, where the time went.
func appendJSON(b []byte, v any) ([]byte, error) {
	enc, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, enc...), nil
}

// appendAPIRows writes the page's rows as the apiRow array did: each
// row's values keyed by metric slug, in sorted order (a map's keys).
func appendAPIRows(b []byte, metrics []model.Metric, rows []*ranking.Row) ([]byte, error) {
	bySlug := make([]model.Metric, len(metrics))
	copy(bySlug, metrics)
	slices.SortStableFunc(bySlug, func(a, c model.Metric) int {
		switch {
		case a.Slug < c.Slug:
			return -1
		case a.Slug > c.Slug:
			return 1
		}
		return 0
	})
	var err error
	b = append(b, '[')
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rank":`...)
		if r.Rank > 0 {
			b = strconv.AppendInt(b, int64(r.Rank), 10)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, `,"method":`...)
		b = appendJSONString(b, r.Method)
		b = append(b, `,"method_url":`...)
		b = appendJSONString2(b, "/methods/", r.MethodSlug)
		b = append(b, `,"setting":`...)
		b = appendJSONString(b, r.Setting)
		b = append(b, `,"extra_data":`...)
		b = strconv.AppendBool(b, r.ExtraData)
		if r.ParamsText != "" {
			b = append(b, `,"params":`...)
			b = appendJSONString(b, r.ParamsText)
		}
		if r.Year != 0 {
			b = append(b, `,"year":`...)
			b = strconv.AppendInt(b, int64(r.Year), 10)
		}
		if r.First.PaperTitle != "" {
			b = append(b, `,"paper":`...)
			b = appendJSONString(b, r.First.PaperTitle)
		}
		b = append(b, `,"reported_in":`...)
		b = appendJSONString(b, r.ReportedIn)
		b = append(b, `,"source":`...)
		b = appendJSONString(b, r.First.Source)
		b = append(b, `,"confidence":`...)
		b = appendJSONString(b, r.Confidence)
		b = append(b, `,"values":{`...)
		n := 0
		for j := range bySlug {
			m := &bySlug[j]
			cell := r.Cell(m.ID)
			if cell == nil {
				continue
			}
			// Two metrics with one slug were one key of the map, the
			// later metric's value winning (slugs are unique per board).
			if overwritten(r, bySlug[j+1:], m.Slug) {
				continue
			}
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = appendJSONString(b, m.Slug)
			b = append(b, `:{"value":`...)
			if b, err = appendJSONFloat(b, cell.Score); err != nil {
				return nil, err
			}
			if cell.PlusMinus != nil {
				b = append(b, `,"plus_minus":`...)
				if b, err = appendJSONFloat(b, *cell.PlusMinus); err != nil {
					return nil, err
				}
			}
			b = append(b, `,"unit":`...)
			b = appendJSONString(b, m.Unit)
			b = append(b, `,"raw":`...)
			b = appendJSONString(b, cell.Report.Raw)
			b = append(b, `,"result_id":`...)
			b = strconv.AppendInt(b, cell.Report.ID, 10)
			if cell.Report.SourceURL != "" {
				b = append(b, `,"source_url":`...)
				b = appendJSONString(b, cell.Report.SourceURL)
			}
			if len(cell.Conflicts) > 0 {
				b = append(b, `,"conflicts":[`...)
				for k, o := range cell.Conflicts {
					if k > 0 {
						b = append(b, ',')
					}
					b = append(b, `{"value":`...)
					if b, err = appendJSONFloat(b, o.Score); err != nil {
						return nil, err
					}
					b = append(b, `,"reported_in":`...)
					b = appendJSONString(b, o.ReportedIn)
					b = append(b, `,"result_id":`...)
					b = strconv.AppendInt(b, o.ID, 10)
					b = append(b, '}')
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		b = append(b, "}}"...)
	}
	return append(b, ']'), nil
}

// overwritten: a later metric of the same slug has a cell in r.
func overwritten(r *ranking.Row, later []model.Metric, slug string) bool {
	for k := range later {
		if later[k].Slug != slug {
			return false
		}
		if r.Cell(later[k].ID) != nil {
			return true
		}
	}
	return false
}

// appendJSONFloat formats f as encoding/json formats a float64.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendJSONString2 writes the string a+s without building it.
func appendJSONString2(b []byte, a, s string) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, a)
	b = appendJSONStringBody(b, s)
	return append(b, '"')
}

// appendJSONString writes s as encoding/json writes a string with HTML
// escaping on (its appendString): <, > and & as \u003c and so on, control
// characters escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, s)
	return append(b, '"')
}

func appendJSONStringBody(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
