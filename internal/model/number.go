package model

import (
	"fmt"
	"strconv"
	"time"
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
	return fmt.Errorf("%q is not a year (2023), a month (2023-06) or a date (2023-06-27)", clipText(s))
}

func errDateRange(s string) error {
	return fmt.Errorf("%q: the year is not between 1900 and 2200", clipText(s))
}

func clipText(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
