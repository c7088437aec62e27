package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestHeadScannerMatchesScan: board_head_of's rows (every method of the
// board's) decoded by headScanner
// are the reports pgx's Scan makes of them, field for field: NULL and
// present plus-minus, parameters, paper year and date (before 2000, on a
// leap day), hostile texts, repeated texts kept once; and a value the
// fast path does not decode (an infinite date) reads as Scan reads it.
func TestHeadScannerMatchesScan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := New(db, nil)
	f := func(v float64) *float64 { return &v }
	texts := []string{"", "plain", "<b>&\"quoted\"</b>", "naïve 日本語 ⚠", "tab\tnew\nline", "\u2028"}
	dates := []string{"", "2021", "1999-12-31", "2020-02-29", "1970-01-01"}
	var recs []model.Record
	for i := range 80 {
		j := i / 2 // a row's two metrics share everything but the number
		rec := model.Record{Task: "Scan task", Dataset: "Scan Board", Metric: []string{"Accuracy", "Error"}[i%2],
			HigherIsBetter: i%2 == 0, PrimaryMetric: i%2 == 0, MetricUnit: "%", Method: fmt.Sprintf("Method %s %d", texts[j%len(texts)], j%15),
			Value: float64(i%17) / 3, Unit: "%", Raw: texts[i%len(texts)], Setting: []string{"", "zero-shot", texts[j%len(texts)]}[j%3],
			ExtraData: j%5 == 0, ReportedIn: fmt.Sprintf("paper %d %s", j%4, texts[(j+2)%len(texts)]), Source: texts[(j+3)%len(texts)],
			SourceURL: []string{"", "https://example.org/a?b=<c>"}[j%2], Confidence: []string{"high", "med", "low"}[j%3]}
		if i%3 == 0 {
			rec.PlusMinus = f(float64(i) / 7)
		}
		if j%4 == 1 {
			rec.Params = []string{"25M", "1.3B", "7B"}[j%3]
		}
		if j%3 != 0 {
			rec.PaperTitle, rec.PaperDate, rec.CodeURL = fmt.Sprintf("Paper %d %s", j%7, texts[j%len(texts)]), dates[j%len(dates)], "https://github.com/x/y"
		}
		recs = append(recs, rec)
	}
	if _, err := st.Ingest(ctx, Records(recs), IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	d, _, err := st.BoardDataset(ctx, "scan-board")
	if err != nil {
		t.Fatal(err)
	}
	read := func(fast bool) ([]model.Report, []error, error) {
		t.Helper()
		sqlDB, _ := db.DB()
		conn, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var out []model.Report
		var errs []error
		var rowsErr error
		h := newHeadScanner()
		err = conn.Raw(func(dc any) error {
			rows, err := dc.(*stdlib.Conn).Conn().Query(ctx, `SELECT * FROM board_head_of($1, (SELECT array_agg(id) FROM methods))`, d.ID)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var r model.Report
				if fast {
					err = h.scan(rows, &r)
				} else {
					err = scanHeadRow(rows, &r)
				}
				out, errs = append(out, r), append(errs, err)
			}
			if fast && !h.fast {
				return fmt.Errorf("the fast path was not taken: formats %v", rows.FieldDescriptions())
			}
			rowsErr = rows.Err()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out, errs, rowsErr
	}
	for _, step := range []string{"as imported", "with an infinite paper date"} {
		want, wantErrs, wantErr := read(false)
		got, gotErrs, gotErr := read(true)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%s: Scan ended with %v, headScanner with %v", step, wantErr, gotErr)
		}
		dated, years, pms, params := 0, 0, 0, 0
		for _, r := range want {
			if r.PaperDate != nil {
				dated++
			}
			if r.PaperYear != nil {
				years++
			}
			if r.PlusMinus != nil {
				pms++
			}
			if r.Params != nil {
				params++
			}
		}
		if dated == 0 || years == 0 || pms == 0 || params == 0 {
			t.Fatalf("%s: the head has %d rows with a paper date, %d with a year, %d with ±, %d with parameters: every kind must be there", step, dated, years, pms, params)
		}
		if len(want) < 30 && wantErr == nil {
			t.Fatalf("%s: only %d rows in the head", step, len(want))
		}
		for i := range want {
			if (wantErrs[i] == nil) != (gotErrs[i] == nil) || !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s: row %d differs:\nScan:        %+v (%v)\nheadScanner: %+v (%v)", step, i, want[i], wantErrs[i], got[i], gotErrs[i])
			}
		}
		if err := db.Exec(`UPDATE papers SET published = 'infinity' WHERE id = (SELECT min(id) FROM papers WHERE published IS NOT NULL)`).Error; err != nil {
			t.Fatal(err)
		}
	}

}

// TestBoardTopInIDOrder: BoardTop answers in result id order, with every
// report of each method it keeps, out of what board_head (migration 0075:
// every report of the methods of the first n rows with ties, sorted in
// Postgres) answers; and exactly that when the head holds the whole
// board. It keeps at most the methods of n rows. For heads of every depth,
// each direction and with settings left out. Which rows it keeps among the
// tied is the page's business: TestHeadMatchesWholeBoard (package web)
// compares those pages with the whole board's.
func TestBoardTopInIDOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := New(db, nil)
	var recs []model.Record
	for i := range 400 {
		recs = append(recs, model.Record{Task: "Order task", Dataset: "Order Board", Metric: []string{"Accuracy", "Error"}[i%2],
			HigherIsBetter: i%2 == 0, PrimaryMetric: i%2 == 0, MetricUnit: "%", Method: fmt.Sprintf("Method %d", (i*7)%53),
			Value: float64((i*31)%89) / 2, Unit: "%", Raw: "x", Setting: []string{"", "zero-shot", "5-shot"}[i%3],
			ReportedIn: fmt.Sprintf("paper %d", i%5), Confidence: "high"})
	}
	if _, err := st.Ingest(ctx, Records(recs), IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	d, _, err := st.BoardDataset(ctx, "order-board")
	if err != nil {
		t.Fatal(err)
	}
	cut := 0 // heads that left out some of board_head's reports
	for _, n := range []int{1, 5, 40, 1000} {
		for _, exclude := range [][]string{nil, {"zero-shot"}, {"zero-shot", "5-shot"}} {
			for _, desc := range []bool{true, false} {
				name := fmt.Sprintf("n=%d exclude=%q desc=%v", n, exclude, desc)
				var want, wantMethods []int64
				sqlDB, _ := db.DB()
				rows, err := sqlDB.QueryContext(ctx, `SELECT id, method_id FROM board_head($1, $2, $3, $4, $5)`, d.ID, d.Primary().ID, n, exclude, desc)
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var id, method int64
					if err := rows.Scan(&id, &method); err != nil {
						t.Fatal(err)
					}
					want, wantMethods = append(want, id), append(wantMethods, method)
				}
				rows.Close()
				dd := d
				dd.Metrics = append([]model.Metric(nil), d.Metrics...)
				dd.Metrics[0].HigherIsBetter = desc
				reps, err := st.BoardTop(ctx, dd, n, exclude)
				if err != nil {
					t.Fatal(err)
				}
				got := make([]int64, len(reps))
				kept := map[int64]bool{}
				for i, r := range reps {
					got[i] = r.ID
					kept[r.MethodID] = true
				}
				// board_head's reports of the methods BoardTop kept.
				var wantKept []int64
				for i, id := range want {
					if kept[wantMethods[i]] {
						wantKept = append(wantKept, id)
					}
				}
				switch {
				case len(want) == 0 || len(got) == 0:
					t.Fatalf("%s: BoardTop read %v, board_head %v", name, got, want)
				case !reflect.DeepEqual(got, wantKept):
					t.Fatalf("%s: BoardTop read %v, board_head's reports of the same methods are %v", name, got, wantKept)
				case len(kept) > n:
					t.Fatalf("%s: BoardTop kept %d methods for %d rows", name, len(kept), n)
				case n == 1000 && !reflect.DeepEqual(got, want):
					t.Fatalf("%s: BoardTop read %v of the whole board, board_head %v", name, got, want)
				}
				if len(got) < len(want) {
					cut++
				}
			}
		}
	}
	if cut == 0 {
		t.Fatal("no head left a tied row out: the board needs more ties at the cut")
	}
}
