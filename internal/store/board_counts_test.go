package store_test

import (
	"context"
	"testing"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// The home page's counts and best scores are kept per board by data
// version: after each write, the next read through the same store must
// show what counting every result afresh shows.
func TestDatasetCountsFollowWrites(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	ctx := context.Background()
	var target int64
	if err := db.Raw("SELECT dataset_id FROM results WHERE retired_at IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").Scan(&target).Error; err != nil || target == 0 {
		t.Fatalf("no board with results: %v", err)
	}
	steps := []struct {
		name, write string
	}{
		{"first read", ""},
		{"second read, nothing changed", ""},
		{"a result retired", `WITH r AS (UPDATE results SET retired_at = now() WHERE id = (SELECT min(id) FROM results WHERE dataset_id = $1 AND retired_at IS NULL) RETURNING dataset_id)
			UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`},
		{"the board's best retired", `WITH r AS (UPDATE results SET retired_at = now() WHERE id = (SELECT r.id FROM results r JOIN metrics m ON m.id = r.metric_id AND m.is_primary
				WHERE r.dataset_id = $1 AND r.retired_at IS NULL ORDER BY CASE WHEN m.higher_is_better THEN -r.score ELSE r.score END LIMIT 1) RETURNING dataset_id)
			UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`},
		{"every result of the board retired", `WITH r AS (UPDATE results SET retired_at = now() WHERE dataset_id = $1 AND retired_at IS NULL RETURNING dataset_id)
			UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`},
	}
	for _, step := range steps {
		if step.write != "" {
			if err := db.Exec(step.write, target).Error; err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
		}
		var want []struct{ ID, N, Rows int64 }
		err := db.Raw(`SELECT d.id, coalesce(sum(k.c), 0) AS n, count(k.c) AS rows FROM datasets d LEFT JOIN (
			SELECT dataset_id, count(*) AS c FROM results WHERE retired_at IS NULL
			GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in) k ON k.dataset_id = d.id
			GROUP BY d.id`).Scan(&want).Error
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Datasets(ctx)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		byID := map[int64]store.DatasetSummary{}
		for _, d := range got {
			byID[d.ID] = d
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d datasets, want %d", step.name, len(got), len(want))
		}
		for _, w := range want {
			d := byID[w.ID]
			if int64(d.Results) != w.N || int64(d.Rows) != w.Rows {
				t.Errorf("%s: dataset %d: %d results in %d rows, want %d in %d", step.name, w.ID, d.Results, d.Rows, w.N, w.Rows)
			}
		}
		// The best on the primary metric, kept the same way.
		var best []struct {
			ID   int64
			Best *float64
		}
		err = db.Raw(`SELECT d.id, CASE WHEN m.higher_is_better THEN max(r.score) ELSE min(r.score) END AS best
			FROM datasets d LEFT JOIN metrics m ON m.dataset_id = d.id AND m.is_primary
			LEFT JOIN results r ON r.metric_id = m.id AND r.retired_at IS NULL GROUP BY d.id, m.higher_is_better`).Scan(&best).Error
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range best {
			d := byID[w.ID]
			switch {
			case (w.Best == nil) != (d.BestScore == nil) || (d.BestScore == nil) != (d.BestMethod == ""):
				t.Errorf("%s: dataset %d: best %v by %q, want %v", step.name, w.ID, d.BestScore, d.BestMethod, w.Best)
			case w.Best != nil && *w.Best != *d.BestScore:
				t.Errorf("%s: dataset %d: best %v, want %v", step.name, w.ID, *d.BestScore, *w.Best)
			}
		}
	}
}
