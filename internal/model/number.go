package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FormatNumber writes the shortest text that reads back to the same float.
func FormatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// ParseDate reads "2023", "2023-06" or "2023-06-27" (see ParsePartialDate)
// and returns the first day it names.
func ParseDate(s string) (time.Time, error) {
	d, err := ParsePartialDate(s)
	return d.Time, err
}

func errDateFormat(s string) error {
	return fmt.Errorf("%q is not a year (2023), a month (2023-06) or a date (2023-06-27)", Clip(s))
}

func errDateRange(s string) error {
	return fmt.Errorf("%q: the year is not between 1900 and 2200", Clip(s))
}

// Clip shortens s for an error message: at most 40 bytes, cut on a
// character boundary, with an ellipsis when it was cut.
func Clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	n := 40
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// MaxDecimals bounds the decimals a metric shows: more digits than this
// are noise in every benchmark we know of, and the metrics table allows 8.
const MaxDecimals = 6

// ReportedDecimals is how many decimals a value shows in unit to when it
// was reported as raw in unit from: the digits the source wrote after the
// point ("88.60" shows two, trailing zero and all), moved with the point
// when the value converts ("0.806" as a fraction shows one as a percent).
// Without a number in raw, the value's shortest text counts.
func ReportedDecimals(raw string, value float64, from, to string) int {
	d, ok := decimalsIn(raw)
	if !ok {
		d, _ = decimalsIn(FormatNumber(value))
	}
	switch {
	case from == "fraction" && to == "%":
		d -= 2
	case from == "%" && to == "fraction":
		d += 2
	}
	return max(0, min(d, MaxDecimals))
}

// decimalsIn counts the digits after the point of the first number in s;
// ok is false when s holds no digit. An exponent ("1.5e-3") counts as the
// digits it puts after the point.
func decimalsIn(s string) (int, bool) {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return 0, false
	}
	i := start
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',') {
		i++
	}
	d := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		d = j - i - 1
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if exp, err := strconv.Atoi(s[i+1 : j]); err == nil {
			d -= exp
		}
	}
	return max(d, 0), true
}
