package charts

import (
	"math"
	"strconv"
	"strings"
)

// FormatCount writes a count the way model.ParseCount reads it, to three
// significant digits: 306e6 → "306M", 1.1e9 → "1.1B", 2179678 → "2.18M".
func FormatCount(v float64) string {
	units := []struct {
		size   float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}}
	for _, u := range units {
		if math.Abs(v) >= u.size {
			return significant(v/u.size) + u.suffix
		}
	}
	return significant(v)
}

// significant formats x with three significant digits and no trailing zeros.
func significant(x float64) string {
	decimals := 2
	switch a := math.Abs(x); {
	case a >= 100:
		decimals = 0
	case a >= 10:
		decimals = 1
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
