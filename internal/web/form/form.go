// Package form parses the site's forms into structs of the strings the
// user typed (so a page can show them again) and validates them into the
// values the store takes, with one message per field.
package form

import (
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Values is where a form's fields come from; *fiber.Ctx is one.
type Values interface {
	FormValue(key string, defaultValue ...string) string
}

// get reads a field. Bytes that are not UTF-8 become U+FFFD, so that a
// page showing the input again is valid text; validation then refuses it.
func get(v Values, name string) string {
	return strings.ToValidUTF8(v.FormValue(name), "\uFFFD")
}

// Errors maps a field's name to what is wrong with it. The key "" holds a
// message about the form as a whole.
type Errors map[string]string

// Any reports whether there is an error.
func (e Errors) Any() bool { return len(e) > 0 }

// Add records msg for field unless it has a message already; an empty msg
// is ignored.
func (e Errors) Add(field, msg string) {
	if msg == "" {
		return
	}
	if _, ok := e[field]; !ok {
		e[field] = msg
	}
}

// Limits on what the forms accept, within the database's own checks.
const (
	MaxNumber     = 40   // characters of a typed number
	MaxMethod     = 300  // methods.name
	MaxSetting    = 300  // results.setting
	MaxURL        = 500  // results.source_url
	MaxReportedIn = 500  // results.reported_in
	MaxParams     = 100  // results.params_text
	MaxTitle      = 1000 // papers.title
	MaxNote       = 2000 // submissions.note, decision notes, revert comments
	MinFlagNote   = 10
	MaxEmail      = 254
)

// NumberLimit bounds the magnitude of a value: no metric comes near it, and
// it keeps absurd inputs such as 1e300 out.
const NumberLimit = 1e15

var numberRE = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$`)

// Number parses a decimal number as typed ("85.2", "-0.5", "1e-3"). It
// refuses anything that is not finite, hex floats, "NaN", "Inf", thousands
// separators and decimal commas, with a message saying so.
func Number(s string) (float64, string) {
	switch {
	case s == "":
		return 0, "Enter a number."
	case len(s) > MaxNumber:
		return 0, "This is too long to be a number."
	case strings.Contains(s, ","):
		return 0, "Write the number with a decimal point and no separators, such as 85.2."
	case !numberRE.MatchString(s):
		return 0, "This is not a number; write it like 85.2 or 1e-3."
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, "This number is too large."
	}
	if math.Abs(v) > NumberLimit {
		return 0, "This number is out of range (at most 10^15 in size)."
	}
	return v, ""
}

// PlusMinus checks an optional ± as typed: empty is none; anything else
// must be a Number of zero or more.
func PlusMinus(s string) (*float64, string) {
	if s == "" {
		return nil, ""
	}
	v, msg := Number(s)
	if msg == "" && v < 0 {
		msg = "The ± must be zero or more."
	}
	return &v, msg
}

// Text checks a single line of text: valid UTF-8, no control characters,
// at most max characters.
func Text(s string, max int) string {
	return checkText(s, max, false)
}

// Multiline checks text that may hold line breaks and tabs.
func Multiline(s string, max int) string {
	return checkText(s, max, true)
}

func checkText(s string, max int, multiline bool) string {
	if !utf8.ValidString(s) {
		return "This contains bytes that are not text (invalid UTF-8)."
	}
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			if multiline {
				continue
			}
			return "This must be a single line."
		}
		if r == '\uFFFD' {
			return "This contains bytes that are not text (invalid UTF-8)."
		}
		if unicode.IsControl(r) {
			return "This contains control characters; remove them."
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "This is " + strconv.Itoa(n) + " characters long; at most " + strconv.Itoa(max) + " are allowed."
	}
	return ""
}

// URL checks an absolute http or https address.
func URL(s string) string {
	if msg := Text(s, MaxURL); msg != "" {
		return msg
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " <>\"") {
		return "Enter a web address starting with https:// or http://."
	}
	return ""
}

// Bool reads a checkbox: absent or "no" is false; "yes", "on", "true" or
// "1" is true.
func Bool(s string) (bool, string) {
	switch strings.ToLower(s) {
	case "", "no", "off", "false", "0":
		return false, ""
	case "yes", "on", "true", "1":
		return true, ""
	}
	return false, "This must be ticked or not."
}

// ID parses a positive database id, or returns ok false.
func ID(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// clean trims a single-line field and folds runs of spaces into one.
func clean(s string) string {
	if !utf8.ValidString(s) {
		return s // Text reports it; keep the bytes for the message
	}
	return strings.Join(strings.Fields(s), " ")
}
