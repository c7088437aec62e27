// Package model holds the plain types every layer shares. It imports
// nothing of the project's own.
package model

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Task groups datasets ("Image classification").
type Task struct {
	ID   int64
	Slug string
	Name string
}

// Dataset is one benchmark; ParentID groups datasets such as the eight
// GenomicBenchmarks ones.
type Dataset struct {
	ID          int64
	TaskID      int64
	ParentID    *int64
	Slug        string
	Name        string
	Description string
	DataVersion int64
}

// Metric is one column of a dataset's leaderboard.
type Metric struct {
	ID                   int64
	DatasetID            int64
	Slug                 string
	Name                 string
	HigherIsBetter       bool
	DirectionNeedsReview bool
	Unit                 string // "%", "fraction" or ""
	Decimals             int
	IsPrimary            bool
	Position             int
}

// Arrow is the direction marker shown beside a metric's name.
func (m Metric) Arrow() string {
	if m.HigherIsBetter {
		return "↑"
	}
	return "↓"
}

// DirectionText says in words which way is better.
func (m Metric) DirectionText() string {
	if m.HigherIsBetter {
		return "higher is better"
	}
	return "lower is better"
}

// Paper introduced a method or reported a number.
type Paper struct {
	ID            int64
	Slug          string
	Title         string
	ArxivID       *string
	URL           string
	Published     *time.Time
	Year          *int
	DatePrecision string // PrecisionYear …; "" for rows written before it was kept
	CodeURL       string
}

// Date is the paper's date as far as it is known; zero if unknown.
func (p Paper) Date() PartialDate {
	arxiv := ""
	if p.ArxivID != nil {
		arxiv = *p.ArxivID
	}
	return Report{PaperDate: p.Published, PaperYear: p.Year, PaperPrecision: p.DatePrecision, PaperArxiv: arxiv}.PaperDay()
}

// Method is a model or technique under a canonical name.
type Method struct {
	ID      int64
	Slug    string
	Name    string
	PaperID *int64
	CodeURL string
}

// Result is one reported number: method × dataset × metric as one source
// gives it.
type Result struct {
	ID          int64
	DatasetID   int64
	MetricID    int64
	MethodID    int64
	PaperID     *int64
	Value       float64  // as reported, in Unit
	PlusMinus   *float64 // as reported, in Unit
	Unit        string
	Score       float64 // Value in the metric's unit; what ranking compares
	Raw         string
	Setting     string
	ExtraData   bool
	ParamsText  string
	Params      *float64
	ComputeText string
	ReportedIn  string
	Source      string
	SourceURL   string
	Confidence  string
	Note        string
	Verified    bool // the source says it checked the number
	NeedsReview bool // an import completed it by a rule a moderator should check
	RetiredAt   *time.Time
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Revision is one change to a result: who, when, why, before and after.
type Revision struct {
	ID        int64
	ResultID  int64
	Action    string
	Actor     string
	Reason    string
	Before    []byte // JSON, nil for the first revision
	After     []byte // JSON
	CreatedAt time.Time
}

// ConvertUnit expresses v, given in unit from, in unit to. Only % and
// fraction convert; anything else is returned unchanged. The conversion
// moves the decimal point of v's shortest decimal text instead of
// multiplying in binary, so 0.911 becomes 91.1, not 91.10000000000001:
// the number stays the decimal that was reported.
func ConvertUnit(v float64, from, to string) float64 {
	switch {
	case from == "fraction" && to == "%":
		return shiftDecimal(v, 2)
	case from == "%" && to == "fraction":
		return shiftDecimal(v, -2)
	}
	return v
}

// shiftDecimal is v × 10^places, computed on v's shortest decimal text
// ("9.11e-01" → "9.11e+01") and read back as the float nearest to it.
func shiftDecimal(v float64, places int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	s := strconv.FormatFloat(v, 'e', -1, 64)
	i := strings.IndexByte(s, 'e')
	exp, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return v * math.Pow10(places)
	}
	f, err := strconv.ParseFloat(s[:i]+"e"+strconv.Itoa(exp+places), 64)
	if err != nil {
		return v * math.Pow10(places) // out of range: ±Inf or 0, as multiplying gives
	}
	return f
}

// Report is a result with the names a page shows beside it.
type Report struct {
	Result
	MethodName  string
	MethodSlug  string
	PaperTitle  string
	PaperSlug   string
	PaperYear   *int
	PaperDate   *time.Time
	CodeURL     string // the paper's code, else the method's; "" when neither is known
	DatasetName string
	DatasetSlug string
	MetricName  string
	MetricSlug  string

	// How much of PaperDate is known, and the paper's arXiv id (whose
	// first digits are its month): see KnownDate.
	PaperPrecision string // PrecisionYear …; "" for rows written before it was kept
	PaperArxiv     string // "" if none
}

// Year is the year of the paper that introduced the method, 0 if unknown.
func (r Report) Year() int {
	if r.PaperDate != nil {
		return r.PaperDate.Year()
	}
	if r.PaperYear != nil {
		return *r.PaperYear
	}
	return 0
}

// PaperDay is the paper's date as far as it is known; zero if unknown.
func (r Report) PaperDay() PartialDate {
	switch {
	case r.PaperDate != nil && r.PaperPrecision == PrecisionMonth:
		return PartialDate{Time: *r.PaperDate, Precision: PrecisionMonth}
	case r.PaperDate != nil:
		return PartialDate{Time: *r.PaperDate, Precision: PrecisionDay}
	case r.PaperYear != nil:
		// An arXiv id says the month of the first version: when it falls
		// in the year given, the month is known too.
		// (Without an id there is nothing to read, nor a string to build.)
		if r.PaperArxiv != "" {
			if m := ArxivMonth("arXiv:" + r.PaperArxiv); !m.IsZero() && m.Time.Year() == *r.PaperYear {
				return m
			}
		}
		return PartialDate{Time: time.Date(*r.PaperYear, 1, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}
	}
	return PartialDate{}
}

// Date basis: where a result's best known date comes from.
const (
	DatedByPaper  = "paper"  // the paper that introduced the method
	DatedBySource = "source" // the arXiv paper the number was reported in
)

// KnownDate is the best date known for the result: its paper's, at the
// precision that is known; else the month of the arXiv paper the number
// was reported in (a result is no later than its source). Zero, with
// basis "", when nothing dates it.
func (r Report) KnownDate() (PartialDate, string) {
	if d := r.PaperDay(); !d.IsZero() {
		return d, DatedByPaper
	}
	for _, s := range []string{r.SourceURL, r.Source, r.ReportedIn} {
		if d := ArxivMonth(s); !d.IsZero() {
			return d, DatedBySource
		}
	}
	return PartialDate{}, ""
}

// Date is the paper's date, or 1 January of its year; zero if unknown.
func (r Report) Date() time.Time {
	if r.PaperDate != nil {
		return *r.PaperDate
	}
	if r.PaperYear != nil {
		return time.Date(*r.PaperYear, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// SourceLabel is a short name for a source address, for links where the
// whole address or a long citation would not fit: "arXiv 2106.08254",
// "GitHub microsoft/unilm", or the host name. It is made from the URL
// itself, so a link's text can never name another source than the one it
// opens.
func SourceLabel(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return "source"
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	switch {
	case host == "arxiv.org" && len(parts) >= 2 && (parts[0] == "abs" || parts[0] == "pdf"):
		return "arXiv " + strings.TrimSuffix(strings.Join(parts[1:], "/"), ".pdf")
	case host == "github.com" && len(parts) >= 2:
		return "GitHub " + parts[0] + "/" + parts[1]
	case host == "openreview.net" && u.Query().Get("id") != "":
		return "OpenReview " + u.Query().Get("id")
	}
	return host
}
