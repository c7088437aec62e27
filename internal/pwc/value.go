package pwc

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// Value is one parsed metric cell.
type Value struct {
	Metric    string
	Value     float64  // as written: 85.1 for "85.1%", 1200000 for "1.2M"
	PlusMinus *float64 // nil when the cell gives no ± part
	Unit      string   // "%" when a percent sign is present, otherwise ""
	Raw       string   // the cell exactly as in the file (a JSON number's literal text)
}

// The reasons a cell is skipped. They end up in Skip.Reason, in front of
// people reviewing an import, so they are plain words.
var (
	errEmpty      = errors.New("empty")
	errNotNumber  = errors.New("not a number")
	errRange      = errors.New("out of float range")
	errNegativePM = errors.New("negative ± part")
)

var (
	plainNumber   = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)
	groupedNumber = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$`)
)

// Suffixes seen in model-size and compute columns ("1.2M", "5G").
// Lower-case m is left out on purpose: it could be milli or metres.
var multipliers = map[byte]float64{
	'k': 1e3, 'K': 1e3, 'M': 1e6, 'B': 1e9, 'G': 1e9, 'T': 1e12,
}

// ParseValue reads a metric cell as Papers with Code wrote it: a number
// ("90.871", "93", "1.5e-3", "12,345", "1.2M"), optionally with a percent
// sign ("85.1%") and a ± part ("0.8428 ± 0.0014", "85.1 (±0.3)", "1 +/- 0.2").
// Text the format uses for "no value" ("-", "Please tell us") is an error,
// as are NaN, infinities and numbers beyond float64. The percent value is
// kept as written (85.1, Unit "%"), not divided by 100.
//
// On error the returned Value still carries Raw.
func ParseValue(raw string) (Value, error) {
	v := Value{Raw: raw}
	s := strings.TrimSpace(strings.ReplaceAll(raw, "\u2212", "-")) // typographic minus
	if s == "" {
		return v, errEmpty
	}

	main, pm, hasPM := cutPlusMinus(s)
	if hasPM {
		main, pm = strings.TrimSpace(main), strings.TrimSpace(pm)
		// "85.1 (±0.3)": the opening parenthesis stays on the left.
		if m, ok := strings.CutSuffix(main, "("); ok {
			p, ok := strings.CutSuffix(pm, ")")
			if !ok {
				return v, errNotNumber
			}
			main, pm = m, p
		}
	}

	x, pct, err := parseNumber(main)
	if err != nil {
		return v, err
	}
	v.Value = x
	if hasPM {
		y, pmPct, err := parseNumber(pm)
		if err != nil {
			return v, err
		}
		if y < 0 {
			return v, errNegativePM
		}
		v.PlusMinus = &y
		pct = pct || pmPct
	}
	if pct {
		v.Unit = "%"
	}
	return v, nil
}

// cutPlusMinus splits "a ± b" into a and b. A second marker makes the
// cell ambiguous, so it is reported as not found and the caller fails on
// the leftover text.
func cutPlusMinus(s string) (before, after string, found bool) {
	for _, mark := range []string{"±", "+/-", "+-"} {
		if before, after, found = strings.Cut(s, mark); found {
			return before, after, true
		}
	}
	return s, "", false
}

// parseNumber reads one number with an optional trailing percent sign
// and size suffix. It accepts only decimal notation: strconv.ParseFloat
// alone would also take "NaN", "Inf" and hex floats.
func parseNumber(s string) (x float64, pct bool, err error) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		s, pct = strings.TrimSpace(rest), true
	}
	mult := 1.0
	if n := len(s); n > 1 {
		if m, ok := multipliers[s[n-1]]; ok {
			s, mult = strings.TrimSpace(s[:n-1]), m
		}
	}
	switch {
	case s == "":
		return 0, false, errNotNumber
	case plainNumber.MatchString(s):
	case groupedNumber.MatchString(s):
		s = strings.ReplaceAll(s, ",", "")
	default:
		return 0, false, errNotNumber
	}
	x, err = strconv.ParseFloat(s, 64)
	if err != nil {
		// The patterns above leave only range errors.
		return 0, false, errRange
	}
	x *= mult
	if math.IsInf(x, 0) {
		return 0, false, errRange
	}
	return x, pct, nil
}

// errNotCount: a parameter-count cell that model.ParseCount cannot read.
var errNotCount = errors.New("not a parameter count")

// sizeCell reads a parameter-count cell, a JSON string or number, and
// returns its text as model.ParseCount reads it. A column that names its
// unit ("Params (M)", "Parameters (millions)") gives a bare number that
// unit: "25.6" there is "25.6M". raw is the cell as written, for skips.
func sizeCell(column string, cell json.RawMessage) (raw, count string, err error) {
	raw = string(cell)
	if len(cell) == 0 || raw == "null" {
		return raw, "", errors.New("null")
	}
	text := raw
	if cell[0] == '"' {
		if json.Unmarshal(cell, &text) != nil {
			return raw, "", errNotCount
		}
		raw = text
	}
	text = strings.TrimSpace(text)
	if suffix := columnUnit(column); suffix != "" && bareNumber.MatchString(text) {
		text += suffix
	}
	// A bare zero is kept as written: the charts read it as unknown,
	// and earlier imports kept it in the result's identity.
	if _, ok := model.ParseCount(text); !ok && !bareNumber.MatchString(text) {
		return raw, "", errNotCount
	}
	return raw, text, nil
}

var bareNumber = regexp.MustCompile(`^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$`)

// columnUnit is the suffix a size column's name gives its numbers:
// "Params (M)" → "M"; "" when the name gives none.
func columnUnit(column string) string {
	words := splitWords(column)
	for _, w := range words {
		switch w {
		case "k", "thousand", "thousands":
			return "k"
		case "m", "million", "millions", "mil":
			return "M"
		case "b", "billion", "billions", "bn":
			return "B"
		}
	}
	return ""
}
