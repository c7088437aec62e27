package form

import (
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// Correction is the "suggest a correction" form of a result, as typed.
type Correction struct {
	Value     string
	PlusMinus string
	Setting   string
	ExtraData bool
	SourceURL string
	Note      string

	extraRaw string
}

// NewCorrection reads the form.
func NewCorrection(v Values) Correction {
	return Correction{
		Value:     strings.TrimSpace(get(v, "value")),
		PlusMinus: strings.TrimSpace(get(v, "plus_minus")),
		Setting:   clean(get(v, "setting")),
		extraRaw:  strings.TrimSpace(get(v, "extra_data")),
		SourceURL: strings.TrimSpace(get(v, "source_url")),
		Note:      strings.TrimSpace(get(v, "note")),
	}
}

// CorrectionFrom fills the form with a result's current fields.
func CorrectionFrom(cur model.Fields, decimals int) Correction {
	c := Correction{Value: cur.ValueText, Setting: cur.Setting, ExtraData: cur.ExtraData, SourceURL: cur.SourceURL}
	if cur.PlusMinus != nil {
		c.PlusMinus = model.FormatValue(*cur.PlusMinus, decimals)
	}
	return c
}

// Validate checks the form against the result's current fields and
// returns the proposed fields. A change of the number (or of its ±) needs
// a source: an http or https address where the new number can be read.
func (f *Correction) Validate(cur model.Fields) (model.Fields, Errors) {
	errs := Errors{}
	after := cur
	if v, msg := Number(f.Value); msg != "" {
		errs.Add("value", msg)
	} else {
		after.Value, after.ValueText = v, f.Value
	}
	pm, msg := PlusMinus(f.PlusMinus)
	errs.Add("plus_minus", msg)
	after.PlusMinus = pm
	errs.Add("setting", Text(f.Setting, MaxSetting))
	after.Setting = f.Setting
	extra, msg := Bool(f.extraRaw)
	errs.Add("extra_data", msg)
	f.ExtraData, after.ExtraData = extra, extra
	if f.SourceURL != "" {
		errs.Add("source_url", URL(f.SourceURL))
	}
	after.SourceURL = f.SourceURL
	errs.Add("note", Multiline(f.Note, MaxNote))
	if errs.Any() {
		return after, errs
	}
	diff := model.Diff(cur, after, 0)
	numbers := model.Changed(diff, "value") || model.Changed(diff, "plus_minus")
	if numbers && f.SourceURL == "" {
		errs.Add("source_url", "A new number needs a source: give the address of the paper, table or README where it appears.")
	}
	if len(diff) == 0 {
		errs.Add("", "Nothing was changed: edit at least one field, or go back to the result.")
	}
	return after, errs
}
