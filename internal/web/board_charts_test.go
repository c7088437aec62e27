package web

import (
	"fmt"
	"log/slog"
	"math/rand/v2"
	"testing"

	"github.com/benchboard/benchboard/charts"
	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"gorm.io/gorm"
)

// TestChartsFromCellsMatchWholeBoard: the charts drawn from the cells kept
// at write time are the charts drawn from the whole board, for every view
// the cells answer (each metric, both orders, every setting group), on
// random boards with ties, several rows per method, rows lacking a
// metric, conflicts, retired results, papers with and without dates and
// sources that date a result; and again after writes to the board: to
// results (scores, settings, retirements, parameter counts, papers,
// sources), to the papers and methods the cells name, a merge of methods
// and its undo, and an import written in bulk. Each comparison also
// checks what board_cells keeps against a fresh computation
// (store.CheckBoards), and the heads stored as current (CheckStoredHeads).
func TestChartsFromCellsMatchWholeBoard(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	ctx := t.Context()
	var taskID int64
	if err := db.Raw(`INSERT INTO tasks (slug, name) VALUES ('t', 'T') RETURNING id`).Row().Scan(&taskID); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		mustExec(t, db, `INSERT INTO methods (slug, name) VALUES ($1, $2)`, fmt.Sprintf("m%d", i), fmt.Sprintf("Method %c%d", 'A'+i%5, i))
	}
	for i := range 8 {
		// Papers: a day, a year, nothing known.
		mustExec(t, db, `INSERT INTO papers (slug, title, published, year, date_precision) VALUES ($1, $2,
			CASE WHEN $3 % 3 = 0 THEN make_date(2015 + $3, 1 + $3, 3) END, CASE WHEN $3 % 3 < 2 THEN 2015 + $3 END,
			CASE $3 % 3 WHEN 0 THEN 'day' WHEN 1 THEN 'year' END)`, fmt.Sprintf("p%d", i), fmt.Sprintf("Paper %d", i), i)
	}
	s := &Server{store: store.New(db, nil), boards: newBoardCache(1 << 20), log: slog.New(slog.DiscardHandler)}
	mod, err := s.store.CreateUser(ctx, "mod@example.org", "Moderator", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rows           int
		higherIsBetter bool
	}{{0, true}, {30, false}, {700, true}, {1400, false}} {
		t.Run(fmt.Sprintf("%d rows", tc.rows), func(t *testing.T) {
			slug := fmt.Sprintf("c%d", tc.rows)
			var dsID, primaryID, otherID int64
			if err := db.Raw(`INSERT INTO datasets (task_id, slug, name) VALUES ($1, $2, $2) RETURNING id`, taskID, slug).Row().Scan(&dsID); err != nil {
				t.Fatal(err)
			}
			if err := db.Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary) VALUES ($1, 'p', 'P', $2, true) RETURNING id`,
				dsID, tc.higherIsBetter).Row().Scan(&primaryID); err != nil {
				t.Fatal(err)
			}
			if err := db.Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, position) VALUES ($1, 'o', 'O', false, 1) RETURNING id`,
				dsID).Row().Scan(&otherID); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(uint64(tc.rows), 11))
			insert := func(metric int64, method int, setting, source string, score float64, paper int, params float64, retired bool) {
				t.Helper()
				err := db.Exec(`INSERT INTO results (dataset_id, metric_id, method_id, paper_id, value, score, setting, reported_in, source_url, params, retired_at)
					VALUES ($1, $2, (SELECT id FROM methods WHERE slug = $3), (SELECT id FROM papers WHERE slug = $4), $5, $5, $6, $7,
						CASE WHEN $7 LIKE '%1' THEN 'https://arxiv.org/abs/2106.08254' ELSE '' END, nullif($8, 0), CASE WHEN $9 THEN now() END)
					ON CONFLICT DO NOTHING`,
					dsID, metric, fmt.Sprintf("m%d", method), fmt.Sprintf("p%d", paper), score, setting, source, params, retired).Error
				if err != nil {
					t.Fatal(err)
				}
			}
			addRows := func(n int) {
				for range n {
					method := rng.IntN(30)
					setting := []string{"", "", "zero-shot", "5-shot", "fine-tuned"}[rng.IntN(5)]
					source := fmt.Sprintf("paper %d", rng.IntN(4))
					paper := rng.IntN(10) // 8 and 9 name no paper
					params := float64(rng.IntN(4)) * 1e6
					if rng.IntN(6) > 0 {
						insert(primaryID, method, setting, source, float64(rng.IntN(60))/2, paper, params, rng.IntN(20) == 0)
						if rng.IntN(20) == 0 {
							insert(primaryID, method, setting, source, float64(rng.IntN(60))/2+0.25, paper, params, false)
						}
					}
					if rng.IntN(3) > 0 {
						insert(otherID, method, setting, source, float64(rng.IntN(100)), paper, params, false)
					}
				}
			}
			compare := func(when string) {
				t.Helper()
				if err := s.store.CheckBoards(ctx); err != nil {
					t.Fatalf("%s: %v", when, err)
				}
				if err := s.store.CheckStoredHeads(ctx); err != nil {
					t.Fatalf("%s: %v", when, err)
				}
				d, counts, err := s.store.BoardDataset(ctx, slug)
				if err != nil {
					t.Fatal(err)
				}
				reports, err := s.store.BoardReports(ctx, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				whole := ranking.Build(reports, d.Metrics)
				views := 0
				for _, m := range d.Metrics {
					for _, desc := range []bool{true, false} {
						settings := []string{"", "all"}
						q0 := boardQuery{Extra: "any", Confidence: "any"}
						q0.resolveSetting(counts.RowsPerSetting)
						for _, g := range q0.groups {
							settings = append(settings, g.Key)
						}
						for _, set := range settings {
							mm := m
							q := boardQuery{Sort: m.Slug, Order: orderName(desc), Setting: set, Extra: "any", Confidence: "any", Page: 1,
								key: ranking.Key{Metric: &mm}, desc: desc}
							q.resolveSetting(counts.RowsPerSetting)
							want := boardCharts(d, q, rankBoard(whole, d, q).All)
							got, err := s.chartsOfCells(ctx, d, q)
							if err != nil {
								t.Fatal(err)
							}
							if len(got) != len(want) {
								t.Fatalf("%s, sort %s %s, setting %q: %d charts, want %d", when, m.Slug, q.Order, set, len(got), len(want))
							}
							for i := range got {
								if got[i] != want[i] {
									t.Fatalf("%s, sort %s %s, setting %q: chart %s differs:\ncells: %+v\nwhole: %+v", when, m.Slug, q.Order, set,
										want[i].ID, got[i], want[i])
								}
							}
							views++
						}
					}
				}
				if len(d.Metrics) > 0 && views < 4 {
					t.Fatalf("%s: only %d views compared", when, views)
				}
			}
			addRows(tc.rows)
			compare("after the first rows")
			if tc.rows == 0 {
				return
			}
			// Writes: retire the best, correct a score (by 7.1, off the quarter-point
			// grid of the random scores, so that it clashes with no other report),
			// move a row's setting, add rows.
			mustExec(t, db, `UPDATE results SET retired_at = now() WHERE id = (SELECT id FROM results WHERE dataset_id = $1 AND metric_id = $2 AND retired_at IS NULL ORDER BY score DESC LIMIT 1)`, dsID, primaryID)
			mustExec(t, db, `UPDATE results SET score = score + 7.1, value = value + 7.1 WHERE id = (SELECT min(id) FROM results WHERE dataset_id = $1)`, dsID)
			mustExec(t, db, `UPDATE results SET setting = 'zero-shot' WHERE id = (SELECT max(id) FROM results WHERE dataset_id = $1 AND setting = '')`, dsID)
			addRows(tc.rows / 10)
			compare("after writes")

			// What the charts show of a row but do not rank by, changed in
			// results and in the tables a cell's report names, then a merge
			// of methods and its undo, and an import written in bulk.
			edits := []struct{ name, sql string }{
				{"a paper dated to the day and retitled", `UPDATE papers SET published = make_date(2012, 5, 6), date_precision = 'day',
					title = title || ' (revised)' WHERE slug = 'p1' AND $1 > 0`},
				{"a paper's date found to the month", `UPDATE papers SET published = make_date(2016, 8, 1), year = 2016, date_precision = 'month'
					WHERE slug = 'p2' AND $1 > 0`},
				{"a paper's date taken back", `UPDATE papers SET published = NULL, year = NULL, date_precision = NULL WHERE slug = 'p0' AND $1 > 0`},
				{"a paper's arXiv id found", `UPDATE papers SET arxiv_id = '1711.0000' || substr(slug, 2) WHERE slug = 'p4' AND $1 > 0`},
				{"an arXiv id of the year a paper is known to, which dates it to the month", `UPDATE papers SET arxiv_id = '2203.01234'
					WHERE slug = 'p7' AND year = 2022 AND $1 > 0`},
				{"a paper's code link, which no chart shows", `UPDATE papers SET code_url = 'https://example.org/p5' WHERE slug = 'p5' AND $1 > 0`},
				{"methods renamed", `UPDATE methods SET name = name || ' v2' WHERE slug IN ('m3', 'm4') AND $1 > 0`},
				{"results' paper corrected", `UPDATE results SET paper_id = (SELECT id FROM papers WHERE slug = 'p3')
					WHERE id IN (SELECT id FROM results WHERE dataset_id = $1 AND paper_id IS NULL ORDER BY id LIMIT 7)`},
				{"rows' first parameter counts corrected", `UPDATE results SET params = 7e6
					WHERE id IN (SELECT min(id) FROM results WHERE dataset_id = $1 GROUP BY method_id ORDER BY 1 LIMIT 7)`},
				{"sources corrected to an arXiv paper", `UPDATE results SET source_url = 'https://arxiv.org/abs/1805.01234', source = 'arXiv 1805.01234'
					WHERE id IN (SELECT id FROM results WHERE dataset_id = $1 AND paper_id IS NULL ORDER BY id DESC LIMIT 7)`},
				{"the first result of rows retired", `UPDATE results SET retired_at = now()
					WHERE id IN (SELECT min(id) FROM results WHERE dataset_id = $1 AND retired_at IS NULL GROUP BY method_id ORDER BY 1 LIMIT 5)`},
			}
			for _, e := range edits {
				mustExec(t, db, e.sql, dsID)
				compare("after " + e.name)
			}
			var from, into int64
			if err := db.Raw(`SELECT (SELECT id FROM methods WHERE slug = 'm5'), (SELECT id FROM methods WHERE slug = 'm6')`).Row().Scan(&from, &into); err != nil {
				t.Fatal(err)
			}
			m, err := s.store.Merge(ctx, store.MergeMethod, from, into, mod)
			if err != nil {
				t.Fatal(err)
			}
			compare("after a merge of methods")
			if _, err := s.store.UndoMerge(ctx, m.ID, mod); err != nil {
				t.Fatal(err)
			}
			compare("after the merge's undo")

			var before int64
			db.Raw(`SELECT count(*) FROM results WHERE dataset_id = $1`, dsID).Scan(&before)
			var recs []model.Record
			for i := range tc.rows / 5 {
				r := model.Record{Task: "T", Dataset: slug, Metric: "P", HigherIsBetter: tc.higherIsBetter, Method: fmt.Sprintf("Method %c%d", 'A'+i%5, i%30),
					Value: float64(i) + 0.5, Setting: []string{"", "zero-shot", "fine-tuned"}[i%3], ReportedIn: fmt.Sprintf("import %d", i%6),
					Confidence: "high"}
				switch i % 4 {
				case 0:
					r.PaperTitle, r.PaperDate = fmt.Sprintf("Imported paper %d", i%9), []string{"2019", "2020-03", "2021-11-02"}[i%3]
				case 1:
					r.Params = fmt.Sprintf("%dM", 1+i%50)
				case 2:
					r.SourceURL = fmt.Sprintf("https://arxiv.org/abs/22%02d.0%04d", 1+i%12, i)
				}
				r.Raw = model.FormatNumber(r.Value)
				recs = append(recs, r)
			}
			if _, err := s.store.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test", Bulk: store.BulkAlways}); err != nil {
				t.Fatal(err)
			}
			var after int64
			db.Raw(`SELECT count(*) FROM results WHERE dataset_id = $1`, dsID).Scan(&after)
			if after != before+int64(len(recs)) {
				t.Fatalf("the import added %d results to the board, want %d", after-before, len(recs))
			}
			compare("after an import written in bulk")
		})
	}
}

// mustExec runs a statement of a test's set-up and stops the test if it
// fails, so that a broken set-up cannot make two empty boards compare equal.
func mustExec(t *testing.T, db *gorm.DB, sql string, args ...any) {
	t.Helper()
	if err := db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// TestPermute: points put in order in place are the points a copy in
// that order gives, for identity, reversal, cycles and random orders.
func TestPermute(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	random := rng.Perm(500)
	for _, tc := range []struct {
		name  string
		order []int
	}{
		{"none", nil},
		{"one", []int{0}},
		{"identity", []int{0, 1, 2, 3}},
		{"reversed", []int{3, 2, 1, 0}},
		{"one cycle", []int{1, 2, 3, 4, 0}},
		{"two cycles and a fixed point", []int{1, 0, 2, 4, 5, 3}},
		{"random", random},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pts := make([]charts.Point, len(tc.order))
			for i := range pts {
				pts[i] = charts.Point{Method: fmt.Sprint("m", i), Value: float64(i)}
			}
			want := make([]charts.Point, len(pts))
			for k, i := range tc.order {
				want[k] = pts[i]
			}
			permute(pts, append([]int(nil), tc.order...))
			for k := range pts {
				if pts[k] != want[k] {
					t.Fatalf("point %d is %+v, want %+v", k, pts[k], want[k])
				}
			}
		})
	}
}
