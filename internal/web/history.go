package web

import (
	"encoding/json"
	"strconv"

	"github.com/benchboard/benchboard/internal/store"
)

// revisionView is one entry of a result's history: who, when, why and
// what changed, field by field.
type revisionView struct {
	store.Change
	Fields []fieldChange
	Latest bool // the result's current state: nothing to revert to
}

type fieldChange struct {
	Label, From, To string
}

// snapshotFields are result_snapshot()'s keys in the order a reader
// wants them, with their labels; "version" is left out.
var snapshotFields = []struct{ Key, Label string }{
	{"value", "value"}, {"plus_minus", "±"}, {"unit", "unit"}, {"raw", "as reported"}, {"setting", "setting"},
	{"extra_data", "extra training data"}, {"params", "parameters"}, {"compute", "compute"},
	{"reported_in", "reported in"}, {"source", "source"}, {"source_url", "source URL"},
	{"confidence", "confidence"}, {"note", "note"}, {"paper_id", "paper"}, {"retired", "retired"},
}

func historyViews(changes []store.Change) []revisionView {
	out := make([]revisionView, len(changes))
	for i, ch := range changes {
		out[i] = revisionView{Change: ch, Fields: snapshotDiff(ch.Before, ch.After), Latest: i == len(changes)-1}
	}
	return out
}

// snapshotDiff lists the fields that differ between two snapshots; a
// first revision (no before) lists nothing, the page says "created".
func snapshotDiff(before, after []byte) []fieldChange {
	if len(before) == 0 {
		return nil
	}
	var b, a map[string]any
	if json.Unmarshal(before, &b) != nil || json.Unmarshal(after, &a) != nil {
		return nil
	}
	var out []fieldChange
	for _, f := range snapshotFields {
		from, to := snapshotText(b[f.Key]), snapshotText(a[f.Key])
		if from != to {
			out = append(out, fieldChange{f.Label, from, to})
		}
	}
	return out
}

func snapshotText(v any) string {
	switch v := v.(type) {
	case nil:
		return "none"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return yesNo(v)
	case string:
		if v == "" {
			return "(empty)"
		}
		return v
	}
	b, _ := json.Marshal(v)
	return string(b)
}
