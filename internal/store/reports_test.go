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
