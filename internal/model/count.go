package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// countPattern: an optional "~" or "≈", a plain number (thousands may be
// grouped with commas: "2,179,678"), and an optional K/M/B/G/T suffix. A
// lone comma is refused rather than guessed at: "1,5M" may mean 1.5M or 15M.
var countPattern = regexp.MustCompile(`^(?:~|≈)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([kKmMbBgGtT]?)$`)

// ParseCount reads a parameter count as papers write it: "5.5M" → 5.5e6,
// "~1B" → 1e9, "1100M" → 1.1e9, "470K", "2179678". ok is false for text it
// cannot read and for zero, which the charts take to mean "unknown".
func ParseCount(s string) (float64, bool) {
	m := countPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	num := strings.ReplaceAll(m[1], ",", "")
	exp := map[string]string{"": "", "k": "e3", "m": "e6", "b": "e9", "g": "e9", "t": "e12"}[strings.ToLower(m[2])]
	// Parsing "1.1e9" as one number rounds once; 1.1*1e9 would round twice
	// and give 1100000000.0000002.
	v, err := strconv.ParseFloat(num+exp, 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}
