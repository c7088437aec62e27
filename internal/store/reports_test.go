package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// BoardReports scans by hand; it must read exactly what gorm's Scan of
// the same rows reads, NULLs included.
func TestBoardReportsMatchesGormScan(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	var ids []int64
	db.Raw("SELECT DISTINCT dataset_id FROM results ORDER BY 1").Scan(&ids)
	if len(ids) == 0 {
		t.Fatal("the seed has no results")
	}
	nulls := 0
	for _, id := range ids {
		got, err := st.BoardReports(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var want []model.Report
		err = db.Raw(`SELECT r.*, me.name AS method_name, me.slug AS method_slug,
			coalesce(p.title, '') AS paper_title, coalesce(p.slug, '') AS paper_slug, p.year AS paper_year, p.published AS paper_date,
			coalesce(p.date_precision, '') AS paper_precision, coalesce(p.arxiv_id, '') AS paper_arxiv,
			d.name AS dataset_name, d.slug AS dataset_slug, m.name AS metric_name, m.slug AS metric_slug
			FROM results r JOIN methods me ON me.id = r.method_id JOIN datasets d ON d.id = r.dataset_id
			JOIN metrics m ON m.id = r.metric_id LEFT JOIN papers p ON p.id = r.paper_id
			WHERE r.dataset_id = $1 AND r.retired_at IS NULL ORDER BY r.id`, id).Scan(&want).Error
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("dataset %d: %d reports, want %d", id, len(got), len(want))
		}
		for i := range got {
			// Timestamps come back in the session's zone either way;
			// compare them as instants.
			if !got[i].CreatedAt.Equal(want[i].CreatedAt) || !got[i].UpdatedAt.Equal(want[i].UpdatedAt) {
				t.Fatalf("dataset %d, report %d: timestamps differ", id, i)
			}
			got[i].CreatedAt, got[i].UpdatedAt = want[i].CreatedAt, want[i].UpdatedAt
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("dataset %d, report %d:\n got %+v\nwant %+v", id, i, got[i], want[i])
			}
			if got[i].PaperID == nil || got[i].PlusMinus == nil || got[i].PaperDate == nil {
				nulls++
			}
		}
	}
	if nulls == 0 {
		t.Log("no NULL columns in the seed's reports: the NULL paths went untested")
	}
}

// A paper's page lists each result it reported or that cites it once:
// its own results, results whose source is its arXiv page, results whose
// "reported in" names its arXiv id, in every overlap of the three, and
// no retired one (PaperReports merges the three by UNION ALL, each branch
// leaving out what an earlier one takes).
func TestPaperReportsListEachCitingResultOnce(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	const id = "2401.00002"
	url := "https://arxiv.org/abs/" + id
	own := model.Record{PaperTitle: "Cited networks", ArxivID: id}
	other := model.Record{PaperTitle: "Another paper", ArxivID: "2401.00003"}
	cases := []struct {
		method  string
		paper   model.Record
		url     string
		in      string
		listed  bool
		retired bool
	}{
		{"own only", own, "", "Cited networks", true, false},
		{"own, arXiv page", own, url + "v2", "", true, false},
		{"own, arXiv page, cited in", own, url, "Table 1 of arXiv:" + id, true, false},
		{"own, cited in", own, "https://github.com/x/y", "arXiv " + id, true, false},
		{"other, arXiv page", other, url, "", true, false},
		{"other, arXiv page, cited in", other, url, "arXiv:" + id, true, false},
		{"other, cited in", other, "", "Table 3 of " + id, true, false},
		{"none, cited in", model.Record{}, "https://example.org/x", id, true, false},
		{"other, not citing", other, "https://arxiv.org/abs/2401.00003", "arXiv:2401.00003", false, false},
		{"own, retired", own, url, id, false, true},
		{"other, cited in, retired", other, "", id, false, true},
	}
	var recs []model.Record
	for i, c := range cases {
		r := c.paper
		r.Task, r.Dataset, r.Metric, r.PrimaryMetric, r.HigherIsBetter = "Citing", "Citing bench", "Accuracy", true, true
		r.Method, r.Value, r.Raw, r.Confidence = c.method, float64(50+i), model.FormatNumber(float64(50+i)), "high"
		r.SourceURL, r.ReportedIn = c.url, c.in
		recs = append(recs, r)
	}
	if _, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.retired {
			err := db.Exec(`UPDATE results SET retired_at = now() WHERE method_id = (SELECT id FROM methods WHERE name = $1)`, c.method).Error
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	paper, err := st.Paper(context.Background(), "cited-networks")
	if err != nil {
		t.Fatal(err)
	}
	got, total, err := st.PaperReports(context.Background(), paper, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, r := range got {
		listed[r.MethodName]++
	}
	want := 0
	for _, c := range cases {
		if c.listed {
			want++
		}
		if n := listed[c.method]; (c.listed && n != 1) || (!c.listed && n != 0) {
			t.Errorf("%s: listed %d times, want %d", c.method, n, map[bool]int{true: 1}[c.listed])
		}
	}
	if total != want || len(got) != want {
		t.Errorf("total %d and %d listed, want %d", total, len(got), want)
	}
}
