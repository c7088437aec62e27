package web

import (
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestHeadMatchesWholeBoard: the first pages of a leaderboard read from
// its head (store.BoardTop) are the same rows, in the same order, with the
// same ranks, cells and conflicts as the same pages of the whole board;
// and the head declines exactly the pages it cannot answer. The boards are
// random, with many equal scores, methods with several rows, rows without
// a primary score, a source reporting one metric twice, and retired
// results.
func TestHeadMatchesWholeBoard(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	ctx := t.Context()
	var taskID int64
	if err := db.Raw(`INSERT INTO tasks (slug, name) VALUES ('t', 'T') RETURNING id`).Row().Scan(&taskID); err != nil {
		t.Fatal(err)
	}
	const methods = 60
	for i := range methods {
		if err := db.Exec(`INSERT INTO methods (slug, name) VALUES ($1, $2)`,
			fmt.Sprintf("m%d", i), fmt.Sprintf("Method %c%d", 'A'+i%7, i)).Error; err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{store: store.New(db, nil), boards: newBoardCache(1 << 20), log: slog.New(slog.DiscardHandler)}
	for _, tc := range []struct {
		rows           int
		higherIsBetter bool
		noPrimaryShare float64
	}{
		{0, true, 0}, {40, true, 0.1}, {250, false, 0.05}, {420, true, 0.02}, {1150, false, 0.3}, {1300, true, 0.01},
	} {
		name := fmt.Sprintf("%d rows, higher is better %v", tc.rows, tc.higherIsBetter)
		t.Run(name, func(t *testing.T) {
			slug := fmt.Sprintf("d%d", tc.rows)
			var dsID, primaryID, otherID int64
			if err := db.Raw(`INSERT INTO datasets (task_id, slug, name) VALUES ($1, $2, $2) RETURNING id`, taskID, slug).Row().Scan(&dsID); err != nil {
				t.Fatal(err)
			}
			if err := db.Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary) VALUES ($1, 'p', 'P', $2, true) RETURNING id`,
				dsID, tc.higherIsBetter).Row().Scan(&primaryID); err != nil {
				t.Fatal(err)
			}
			if err := db.Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, position) VALUES ($1, 'o', 'O', true, 1) RETURNING id`,
				dsID).Row().Scan(&otherID); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(uint64(tc.rows), 7))
			insert := func(metric int64, method int, setting, source string, score float64, retired bool) {
				t.Helper()
				err := db.Exec(`INSERT INTO results (dataset_id, metric_id, method_id, value, score, setting, reported_in, retired_at)
					VALUES ($1, $2, (SELECT id FROM methods WHERE slug = $3), $4, $4, $5, $6, CASE WHEN $7 THEN now() END)
					ON CONFLICT DO NOTHING`,
					dsID, metric, fmt.Sprintf("m%d", method), score, setting, source, retired).Error
				if err != nil {
					t.Fatal(err)
				}
			}
			for range tc.rows {
				method := rng.IntN(methods)
				setting := []string{"", "", "zero-shot", "fine-tuned"}[rng.IntN(4)]
				source := fmt.Sprintf("paper %d", rng.IntN(5))
				score := float64(rng.IntN(40)) / 2 // few distinct values: many ties
				if rng.Float64() >= tc.noPrimaryShare {
					insert(primaryID, method, setting, source, score, rng.IntN(30) == 0)
					if rng.IntN(25) == 0 { // the same source, another number
						insert(primaryID, method, setting, source, score+0.5, false)
					}
				}
				insert(otherID, method, setting, source, float64(rng.IntN(100)), false)
			}
			d, err := s.store.Dataset(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			reports, err := s.store.BoardReports(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			whole := ranking.Build(reports, d.Metrics)
			perSetting, _, err := s.store.RowsPerSetting(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			answered := 0
			// Every setting, then the board's default group (the head
			// narrowed to its settings' rows).
			for i := range 2 * headPages {
				page := i%headPages + 1
				q := boardQuery{Sort: "p", Order: orderName(tc.higherIsBetter), Extra: "any", Confidence: "any", Page: page,
					key: ranking.Key{Metric: &d.Metrics[0]}, desc: tc.higherIsBetter}
				if i < headPages {
					q.Setting = "all"
					q.resolveSetting(perSetting)
				} else {
					q.resolveSetting(perSetting)
					if tc.rows > 0 && (q.group != "standard" || len(q.headExclude()) != 1) {
						t.Fatalf("default group %q leaving out settings %q", q.group, q.headExclude())
					}
				}
				if !q.headOnly(d) {
					t.Fatalf("page %d of the default view is not a head view", page)
				}
				want := rankBoard(whole, d, q)
				var got rankedBoard
				var ok bool
				if i < headPages {
					// The head alone, ranked: every row that beats one of
					// the page's rows is in it.
					var head []model.Report
					head, err = s.store.BoardTop(ctx, d, q.Page*pageSize, q.headExclude())
					if err == nil {
						got, ok = rankHeadRows(d, q, head)
					}
				} else {
					// The default view as a request reads it: counts and head
					// side by side, the head with last time's left-out
					// settings, here wrong on every other page.
					// Every third page reads the counts with the dataset,
					// as a page does (store.BoardDataset).
					var counts *store.BoardCounts
					switch page % 3 {
					case 0:
						_, c, cerr := s.store.BoardDataset(ctx, slug)
						if cerr != nil {
							t.Fatal(cerr)
						}
						counts = &c
					case 1:
						s.boards.setExclude(d.ID, []string{"not a setting of this board"})
					}
					var bv boardView
					bv, ok, err = s.headView(ctx, d, boardQuery{Sort: q.Sort, Order: q.Order, Extra: "any", Confidence: "any",
						Page: page, key: q.key, desc: q.desc}, counts)
					got = bv.rb
				}
				if err != nil {
					t.Fatal(err)
				}
				canAnswer := len(want.Page) > 0 && want.Page[len(want.Page)-1].Rank != 0 || (page == 1 && len(whole) == 0)
				if ok != canAnswer {
					t.Fatalf("page %d: head answered %v, want %v", page, ok, canAnswer)
				}
				if !ok {
					continue
				}
				answered++
				if (i < headPages && got.Total != len(whole)) || got.Total != want.Total || got.Pages != want.Pages {
					t.Fatalf("page %d: total %d pages %d, want %d (%d rows) %d", page, got.Total, got.Pages, want.Total, len(whole), want.Pages)
				}
				if len(got.Page) != len(want.Page) {
					t.Fatalf("page %d: %d rows, want %d", page, len(got.Page), len(want.Page))
				}
				for i := range got.Page {
					if g, w := describe(got.Page[i], d.Metrics), describe(want.Page[i], d.Metrics); g != w {
						t.Fatalf("page %d, row %d differs:\nhead:  %s\nwhole: %s", page, i+1, g, w)
					}
				}
			}
			if tc.rows >= 250 && answered == 0 {
				t.Fatal("the head answered no page of a large board")
			}
		})
	}
}

// describe says what a reader sees of a row: rank, cells, conflicts.
func describe(r *ranking.Row, metrics []model.Metric) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s/%s/%s:", r.Rank, r.Method, r.Setting, r.ReportedIn)
	for _, m := range metrics {
		c := r.Cell(m.ID)
		if c == nil {
			b.WriteString(" -")
			continue
		}
		var conflicts []int64
		for _, o := range c.Conflicts {
			conflicts = append(conflicts, o.ID)
		}
		slices.Sort(conflicts)
		fmt.Fprintf(&b, " %d=%v%v", c.Report.ID, c.Score, conflicts)
	}
	return b.String()
}
