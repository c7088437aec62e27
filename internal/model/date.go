package model

import (
	"regexp"
	"strconv"
	"time"
)

// Date precisions: how much of a paper's date is known. The papers table
// keeps one in date_precision (migration 0040).
const (
	PrecisionYear  = "year"
	PrecisionMonth = "month"
	PrecisionDay   = "day"
)

// PartialDate is a date known to the year, the month or the day. Time is
// the first day of what is known (1 June 2022 for "2022-06").
type PartialDate struct {
	Time      time.Time
	Precision string // PrecisionYear, PrecisionMonth or PrecisionDay; "" when zero
}

// IsZero reports whether no date is known.
func (d PartialDate) IsZero() bool { return d.Time.IsZero() }

// String writes the date as far as it is known: "2022", "2022-06",
// "2022-06-27"; "" when unknown. It is also the CSV form.
func (d PartialDate) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Precision == PrecisionYear:
		return d.Time.Format("2006")
	case d.Precision == PrecisionMonth:
		return d.Time.Format("2006-01")
	}
	return d.Time.Format(time.DateOnly)
}

// Label is the date as a page says it: "2022", "Jun 2022", "2022-06-27".
func (d PartialDate) Label() string {
	if d.Precision == PrecisionMonth && !d.IsZero() {
		return d.Time.Format("Jan 2006")
	}
	return d.String()
}

// Mid is the middle of the period the date names (2 July for a year, the
// 15th for a month, the day itself): where a chart places it, so that a
// year-only date sits inside its year rather than on 1 January.
func (d PartialDate) Mid() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return time.Date(d.Time.Year(), 7, 2, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Time.Year(), d.Time.Month(), 15, 0, 0, 0, 0, time.UTC)
	}
	return d.Time
}

// ParsePartialDate reads "2023", "2023-06" or "2023-06-27", years 1900 to
// 2200 (what the papers table holds).
func ParsePartialDate(s string) (PartialDate, error) {
	for _, f := range []struct{ layout, precision string }{
		{time.DateOnly, PrecisionDay}, {"2006-01", PrecisionMonth}, {"2006", PrecisionYear},
	} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			break
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return PartialDate{}, errDateRange(s)
		}
		return PartialDate{Time: t, Precision: f.precision}, nil
	}
	return PartialDate{}, errDateFormat(s)
}

// arxivID finds a new-style arXiv identifier, whose first four digits are
// the year and month of the paper's first version (2302.13971: Feb 2023).
var arxivID = regexp.MustCompile(`(?i)(?:arxiv\.org/(?:abs|pdf)/|arxiv[: ]\s*)(\d{2})(\d{2})\.\d{4,5}`)

// ArxivMonth is the month an arXiv id or URL in s was first posted; zero
// when s has none.
func ArxivMonth(s string) PartialDate {
	// Every match starts with "arxiv" in some case (no other letters fold
	// to these five): a string without it, most sources, skips the
	// regular expression, which was most of a 10,000-point chart's dating.
	if !containsArxiv(s) {
		return PartialDate{}
	}
	m := arxivID.FindStringSubmatch(s)
	if m == nil {
		return PartialDate{}
	}
	yy, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	if yy < 7 || mm < 1 || mm > 12 { // new-style ids began in April 2007
		return PartialDate{}
	}
	return PartialDate{Time: time.Date(2000+yy, time.Month(mm), 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}
}

// containsArxiv reports whether s holds "arxiv" in any mix of cases.
func containsArxiv(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		if s[i]|0x20 == 'a' && s[i+1]|0x20 == 'r' && s[i+2]|0x20 == 'x' && s[i+3]|0x20 == 'i' && s[i+4]|0x20 == 'v' {
			return true
		}
	}
	return false
}
