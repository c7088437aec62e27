package store_test

import (
	"context"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// A paper's date keeps its precision from import to the pages and back
// out in the export: a year stays a year, a month a month, a day a day.
func TestPaperDatePrecisionRoundTrip(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	ctx := context.Background()
	rec := func(method, title, date string) model.Record {
		return model.Record{Task: "T", Dataset: "D", Metric: "Acc", HigherIsBetter: true, MetricUnit: "%", PrimaryMetric: true,
			Method: method, Value: 80, Unit: "%", Raw: "80", PaperTitle: title, PaperDate: date, ReportedIn: "table 1", Confidence: "high"}
	}
	recs := []model.Record{
		rec("a", "Paper A", "2021"),
		rec("b", "Paper B", "2022-06"),
		rec("c", "Paper C", "2023-06-27"),
	}
	if _, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ precision, label, csv string }{
		"Paper A": {model.PrecisionYear, "2021", "2021"},
		"Paper B": {model.PrecisionMonth, "Jun 2022", "2022-06"},
		"Paper C": {model.PrecisionDay, "2023-06-27", "2023-06-27"},
	}
	var slugs []struct{ Slug, Title string }
	if err := db.Raw("SELECT slug, title FROM papers").Scan(&slugs).Error; err != nil {
		t.Fatal(err)
	}
	for _, s := range slugs {
		p, err := st.Paper(ctx, s.Slug)
		if err != nil {
			t.Fatal(err)
		}
		w := want[s.Title]
		if p.DatePrecision != w.precision || p.Date().Label() != w.label {
			t.Errorf("%s: precision %q label %q, want %q %q", s.Title, p.DatePrecision, p.Date().Label(), w.precision, w.label)
		}
	}
	rows, err := st.Export(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for {
		var r model.Record
		ok, err := rows.Next(&r)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		n++
		if w := want[r.PaperTitle]; r.PaperDate != w.csv {
			t.Errorf("%s exported as %q, want %q", r.PaperTitle, r.PaperDate, w.csv)
		}
	}
	if n != 3 {
		t.Errorf("exported %d records, want 3", n)
	}
}
