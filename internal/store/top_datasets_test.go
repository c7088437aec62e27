package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TopDatasets shows each task's perTask boards with the most results,
// ties broken by name in the database's collation: where the cut falls
// among boards of equal counts, the names decide, whatever the boards'
// ids. The oracle ranks every board in SQL.
func TestTopDatasetsCutsTiesByName(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	for i := range 8 {
		exec(`INSERT INTO methods (slug, name) VALUES ($1, $1)`, fmt.Sprintf("m%d", i))
	}
	// Per task, the result counts of its boards in id order; names run
	// against ids (and mix case, so that collation and byte order differ).
	tasks := []struct {
		name   string
		counts []int
	}{
		{"no tie at the cut", []int{5, 4, 3, 2, 1}},
		{"tie across the cut", []int{2, 3, 3, 3, 1, 3}},
		{"all tied", []int{2, 2, 2, 2, 2}},
		{"tie below the cut only", []int{4, 3, 1, 1, 1}},
		{"fewer boards than the cut", []int{1, 1}},
		{"tie at the top, cut inside", []int{3, 3, 3, 3, 2, 2}},
	}
	for ti, tc := range tasks {
		var taskID int64
		if err := db.Raw(`INSERT INTO tasks (slug, name) VALUES ($1, $2) RETURNING id`, fmt.Sprintf("t%d", ti), tc.name).Row().Scan(&taskID); err != nil {
			t.Fatal(err)
		}
		for di, n := range tc.counts {
			name := fmt.Sprintf("%c%d board %d", "zZyYxXwW"[di], len(tc.counts)-di, ti)
			var dsID, metricID int64
			if err := db.Raw(`INSERT INTO datasets (task_id, slug, name) VALUES ($1, $2, $3) RETURNING id`, taskID, fmt.Sprintf("d%d-%d", ti, di), name).Row().Scan(&dsID); err != nil {
				t.Fatal(err)
			}
			if err := db.Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary) VALUES ($1, 'acc', 'Acc', true, true) RETURNING id`, dsID).Row().Scan(&metricID); err != nil {
				t.Fatal(err)
			}
			for k := range n {
				exec(`INSERT INTO results (dataset_id, metric_id, method_id, value, score) VALUES ($1, $2, (SELECT id FROM methods WHERE slug = $3), $4, $4)`,
					dsID, metricID, fmt.Sprintf("m%d", k), float64(k))
			}
		}
	}
	// Rewrite every other board's row, so that a scan of datasets meets
	// them out of id order (the boards' versions are read unsorted).
	exec(`UPDATE datasets SET data_version = data_version + 1 WHERE id % 2 = 0`)
	for _, perTask := range []int{1, 2, 3, 4} {
		t.Run(fmt.Sprint(perTask), func(t *testing.T) {
			got, err := st.TopDatasets(t.Context(), perTask)
			if err != nil {
				t.Fatal(err)
			}
			var gotNames []string
			for _, d := range got {
				gotNames = append(gotNames, d.Name)
			}
			var want []string
			err = db.Raw(`SELECT x.name FROM (
				SELECT d.name, d.task_id, row_number() OVER (PARTITION BY d.task_id ORDER BY count(r.id) DESC, d.name) AS place
				FROM datasets d LEFT JOIN results r ON r.dataset_id = d.id AND r.retired_at IS NULL GROUP BY d.id) x
				JOIN tasks t ON t.id = x.task_id WHERE place <= $1 ORDER BY t.name, x.name`, perTask).Scan(&want).Error
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(gotNames, want) {
				t.Fatalf("top %d per task:\n got %q\nwant %q", perTask, gotNames, want)
			}
		})
	}
	// A task's own page lists all its boards, and a task that does not
	// exist is not found.
	all, err := st.TaskDatasets(t.Context(), "t1")
	if err != nil || len(all) != len(tasks[1].counts) {
		t.Fatalf("TaskDatasets(t1): %d boards, %v; want %d", len(all), err, len(tasks[1].counts))
	}
	if _, err := st.TaskDatasets(t.Context(), "no-such-task"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("TaskDatasets of no task: %v, want ErrNotFound", err)
	}
}
