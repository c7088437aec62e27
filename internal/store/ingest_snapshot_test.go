package store

import (
	"math"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestSnapshotMatchesSQL: the JSON a bulk write stages for a revision,
// read as jsonb, is what result_snapshot() gives for the same row, down to
// its text (the scale of each number, the escapes of each string): the
// two ways of writing an import keep the same history.
func TestSnapshotMatchesSQL(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	f := func(v float64) *float64 { return &v }
	id := func(v int64) *int64 { return &v }
	tests := []struct {
		name  string
		rec   model.Record
		paper *int64
	}{
		{"plain", model.Record{Value: 76.1, Unit: "%", Raw: "76.1", Confidence: "high"}, nil},
		{"every field", model.Record{Value: 0.5, PlusMinus: f(0.25), Unit: "fraction", Raw: "0.50 ± 0.25",
			Setting: "5-shot", ExtraData: true, Params: "25M", Compute: "8 GPUs", ReportedIn: "Table 2",
			Source: "pwc", SourceURL: "https://example.org/a?b=c&d=<e>", Confidence: "low", Note: "a note"}, id(42)},
		{"small and large numbers", model.Record{Value: 1e-05, PlusMinus: f(1.5e-07), Raw: "x"}, nil},
		{"exponent thresholds", model.Record{Value: 1e15, PlusMinus: f(1e21), Raw: "x"}, nil},
		{"shortest digits", model.Record{Value: 0.1 + 0.2, PlusMinus: f(1.0 / 3), Raw: "x"}, nil},
		{"integers and zero", model.Record{Value: -0.0, PlusMinus: f(100), Raw: "x"}, nil},
		{"negative and tiny", model.Record{Value: -123.456e-300, PlusMinus: f(math.MaxFloat64), Raw: "x"}, nil},
		{"smallest", model.Record{Value: math.SmallestNonzeroFloat64, Raw: "x"}, id(math.MaxInt64)},
		{"escapes", model.Record{Value: 1, Raw: "\"quoted\" \\ back\tslash", Note: "line\nbreak\rcr \x01\x1f \x7f",
			Setting: "ünïcödé ✓ 🙂 \u2028", Source: "</script>"}, nil},
	}
	for _, tt := range tests {
		r := resolved{rec: tt.rec, paperID: tt.paper}
		got := string(appendSnapshot(nil, &r))
		rec := tt.rec
		var same bool
		var goText, sqlText string
		err := db.Raw(`SELECT $1::jsonb = s, $1::jsonb::text, s::text FROM (SELECT result_snapshot($2::float8, $3::float8,
			$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::bigint, false, 1) AS s) x`,
			got, rec.Value, rec.PlusMinus, rec.Unit, rec.Raw, rec.Setting, rec.ExtraData, rec.Params, rec.Compute,
			rec.ReportedIn, rec.Source, rec.SourceURL, rec.Confidence, rec.Note, tt.paper).
			Row().Scan(&same, &goText, &sqlText)
		if err != nil {
			t.Fatalf("%s: %v (JSON %s)", tt.name, err, got)
		}
		if !same || goText != sqlText {
			t.Errorf("%s:\n Go  %s\n SQL %s", tt.name, goText, sqlText)
		}
	}
}
