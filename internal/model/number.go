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

// papers table holds).
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		t, err = time.Parse("2006", s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a year (2023) or a date (2023-06-27)", clipText(s))
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		return time.Time{}, fmt.Errorf("%q: the year is not between 1900 and 2200", clipText(s))
	}
	return t, nil
}

func clipText(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
