package form

import (
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// Flag is the "flag this result" form, as typed.
type Flag struct {
	Reason string
	Note   string
}

// NewFlag reads the form.
func NewFlag(v Values) Flag {
	return Flag{Reason: strings.TrimSpace(get(v, "reason")), Note: strings.TrimSpace(get(v, "note"))}
}

// Validate checks that a reason is chosen and explained.
func (f *Flag) Validate() Errors {
	errs := Errors{}
	known := false
	for _, r := range model.FlagReasons {
		known = known || r.Value == f.Reason
	}
	if !known {
		errs.Add("reason", "Choose what is wrong with this result.")
	}
	if msg := Multiline(f.Note, MaxNote); msg != "" {
		errs.Add("note", msg)
	} else if len([]rune(f.Note)) < MinFlagNote {
		errs.Add("note", "Say what is wrong, so that a moderator can check it (at least 10 characters; for a duplicate, name the other result).")
	}
	return errs
}
