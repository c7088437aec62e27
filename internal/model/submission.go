package model

import (
	"strconv"
	"time"
)

// The kinds of submission.
const (
	KindCorrect = "correct" // change fields of a result
	KindFlag    = "flag"    // retire a result
	KindAdd     = "add"     // a new result
)

// The states of a submission.
const (
	StatusPending  = "pending"
	StatusApproved = "approved"
	StatusRejected = "rejected"
)

// FlagReasons are the reasons a result may be flagged for, with their labels.
var FlagReasons = []struct{ Value, Label string }{
	{"wrong", "The number is wrong"},
	{"duplicate", "It duplicates another result"},
	{"not-comparable", "It is not comparable with the others (different protocol or data)"},
}

// FlagReasonLabel returns the label of a flag reason.
func FlagReasonLabel(v string) string {
	for _, r := range FlagReasons {
		if r.Value == v {
			return r.Label
		}
	}
	return v
}

// Fields are the parts of a result a submission may propose, as a reader
// sees them on the leaderboard: numbers in the metric's unit.
type Fields struct {
	Method     string   `json:"method,omitempty"`    // add only: as typed, trimmed
	MetricID   int64    `json:"metric_id,omitempty"` // add only
	Value      float64  `json:"value"`
	ValueText  string   `json:"value_text"` // as typed; becomes the result's raw text
	PlusMinus  *float64 `json:"plus_minus"`
	Setting    string   `json:"setting"`
	ExtraData  bool     `json:"extra_data"`
	SourceURL  string   `json:"source_url"`
	ReportedIn string   `json:"reported_in,omitempty"` // add only
	// Add only, all optional: what puts a new result on the size and time
	// charts, and its code link.
	ParamsText string   `json:"params,omitempty"` // as typed: "306M"
	Params     *float64 `json:"params_count,omitempty"`
	PaperTitle string   `json:"paper_title,omitempty"`
	PaperYear  *int     `json:"paper_year,omitempty"`
	CodeURL    string   `json:"code_url,omitempty"`
}

// FieldDiff is one field a submission changes.
type FieldDiff struct {
	Field string // value, plus_minus, setting, extra_data, source_url
	Label string
	From  string
	To    string
}

// Diff lists the fields that differ between before and after, formatted
// with the metric's decimals (or more, when the typed number has more).
func Diff(before, after Fields, decimals int) []FieldDiff {
	var out []FieldDiff
	if before.Value != after.Value {
		out = append(out, FieldDiff{"value", "Value", FormatValue(before.Value, decimals), after.ValueText})
	}
	if !samePM(before.PlusMinus, after.PlusMinus) {
		out = append(out, FieldDiff{"plus_minus", "±", FormatPM(before.PlusMinus, decimals), FormatPM(after.PlusMinus, decimals)})
	}
	if before.Setting != after.Setting {
		out = append(out, FieldDiff{"setting", "Setting", before.Setting, after.Setting})
	}
	if before.ExtraData != after.ExtraData {
		out = append(out, FieldDiff{"extra_data", "Extra training data", yesNo(before.ExtraData), yesNo(after.ExtraData)})
	}
	if before.SourceURL != after.SourceURL {
		out = append(out, FieldDiff{"source_url", "Source URL", before.SourceURL, after.SourceURL})
	}
	return out
}

// Changed reports whether the field named changes between before and after.
func Changed(d []FieldDiff, field string) bool {
	for _, f := range d {
		if f.Field == field {
			return true
		}
	}
	return false
}

func samePM(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// FormatValue writes v with at least the metric's decimals, more when v
// needs them to be shown exactly.
func FormatValue(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if f := strconv.FormatFloat(v, 'f', decimals, 64); len(f) > len(s) {
		return f
	}
	return s
}

// FormatPM writes a ± value, or "none".
func FormatPM(pm *float64, decimals int) string {
	if pm == nil {
		return "none"
	}
	return FormatValue(*pm, decimals)
}

// Submission is a proposed change and its fate.
type Submission struct {
	ID              int64
	Token           string // the private status link's id: 128 random bits, hex
	Kind            string
	Status          string
	DatasetID       int64
	ResultID        *int64
	BaseVersion     *int
	Before          *Fields // nil for an add
	After           *Fields // nil for a flag
	FlagReason      string
	Note            string
	CreatedAt       time.Time
	DecidedAt       *time.Time
	DecidedBy       *int64
	DecisionNote    string
	AppliedResultID *int64
	SubmittedBy     string // "" for an anonymous visitor; "extractor" for candidates read from paper text
	Evidence        string // the sentence an extracted candidate came from
}

// User is a moderator.
type User struct {
	ID    int64
	Email string // the login name; shown only in the moderation area
	// DisplayName is what public pages call the moderator.
	DisplayName string
	DisabledAt  *time.Time
	LastLoginAt *time.Time
	CreatedAt   time.Time
}

// ProposalFields are r's editable fields as the leaderboard shows them:
// numbers in m's unit, rounded to 12 significant digits so that a unit
// conversion's float noise (0.793 × 100 = 79.30000000000001) never shows
// up as a change.
func ProposalFields(r Result, m Metric) Fields {
	v := round12(r.Score)
	f := Fields{Value: v, ValueText: FormatValue(v, m.Decimals), Setting: r.Setting, ExtraData: r.ExtraData, SourceURL: r.SourceURL}
	if r.PlusMinus != nil {
		pm := round12(ConvertUnit(*r.PlusMinus, r.Unit, m.Unit))
		f.PlusMinus = &pm
	}
	return f
}

func round12(v float64) float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return f
}
