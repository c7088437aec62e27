package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// The home and task pages keep each board's names by its data version and
// the boards' order until a new board comes (summaryCache). After every
// kind of write, a store that has served the pages before must show what
// a new store, which keeps nothing yet, shows.
func TestDatasetSummariesFollowWrites(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	ctx := context.Background()
	ingest := func(csv string) error {
		r, err := csvio.NewReader(strings.NewReader(csv))
		if err != nil {
			return err
		}
		_, err = st.Ingest(ctx, r.Read, store.IngestOptions{Action: "import", Actor: "test"})
		return err
	}
	const header = "task,dataset,parent_dataset,metric,higher_is_better,primary_metric,method,value,source_url\n"
	steps := []struct {
		name  string
		write func() error
	}{
		{"first read", nil},
		{"a board's version bumped, nothing else", func() error {
			return db.Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE id = (SELECT min(id) FROM datasets)`).Error
		}},
		{"a new board under a parent, in another task", func() error {
			return ingest(header + "Zeta task,Aardvark subset,GenomicBenchmarks,Accuracy,true,true,Zeta-Net,50,https://example.org/z\n")
		}},
		{"a new board that sorts first", func() error {
			return ingest(header + "AAA first task,AAA board,,F1,true,true,Alpha-Net,40,https://example.org/a\n")
		}},
		{"a new best on an existing board", func() error {
			return ingest(header + "Zeta task,Aardvark subset,GenomicBenchmarks,Accuracy,true,true,Better-Net,99,https://example.org/b\n")
		}},
		{"the primary metric's direction reviewed", func() error {
			var id int64
			err := db.Raw(`UPDATE metrics m SET direction_needs_review = true FROM datasets d
				WHERE d.id = m.dataset_id AND d.name = 'AAA board' RETURNING m.id`).Scan(&id).Error
			if err != nil {
				return err
			}
			u, err := st.CreateUser(ctx, "mod@example.org", "Mod", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")
			if err != nil {
				return err
			}
			_, err = st.SetMetricDirection(ctx, id, false, u)
			return err
		}},
		{"a board's results retired", func() error {
			return db.Exec(`WITH r AS (UPDATE results SET retired_at = now() WHERE dataset_id = (SELECT id FROM datasets WHERE name = 'Aardvark subset') RETURNING dataset_id)
				UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM r)`).Error
		}},
	}
	var tasks []string
	if err := db.Raw(`SELECT DISTINCT t.slug FROM tasks t JOIN datasets d ON d.task_id = t.id ORDER BY 1`).Scan(&tasks).Error; err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		if step.write != nil {
			if err := step.write(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if err := db.Raw(`SELECT DISTINCT t.slug FROM tasks t JOIN datasets d ON d.task_id = t.id ORDER BY 1`).Scan(&tasks).Error; err != nil {
				t.Fatal(err)
			}
		}
		fresh := store.New(db, nil)
		pages := []struct {
			name string
			read func(*store.Store) ([]store.DatasetSummary, error)
		}{
			{"home", func(s *store.Store) ([]store.DatasetSummary, error) { return s.TopDatasets(ctx, 2) }},
			{"every board", func(s *store.Store) ([]store.DatasetSummary, error) { return s.Datasets(ctx) }},
		}
		for _, task := range tasks {
			pages = append(pages, struct {
				name string
				read func(*store.Store) ([]store.DatasetSummary, error)
			}{"task " + task, func(s *store.Store) ([]store.DatasetSummary, error) { return s.TaskDatasets(ctx, task) }})
		}
		for _, p := range pages {
			got, err := p.read(st)
			if err != nil {
				t.Fatalf("%s: %s: %v", step.name, p.name, err)
			}
			want, err := p.read(fresh)
			if err != nil {
				t.Fatalf("%s: %s, new store: %v", step.name, p.name, err)
			}
			if g, w := summaryLines(got), summaryLines(want); g != w {
				t.Errorf("%s: %s:\n got %s\nwant %s", step.name, p.name, g, w)
			}
		}
	}
	// What the steps were to show is there.
	all, err := st.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		switch d.Name {
		case "GenomicBenchmarks":
			if d.Children < 2 {
				t.Errorf("GenomicBenchmarks: %d children, want its seeded ones and Aardvark subset", d.Children)
			}
		case "AAA board":
			if d.MetricName != "F1" || d.HigherIsBetter || d.BestMethod != "Alpha-Net" {
				t.Errorf("AAA board: primary %q (higher is better: %v), best %q; want F1, lower, Alpha-Net", d.MetricName, d.HigherIsBetter, d.BestMethod)
			}
		}
	}
	if all[0].Name != "AAA board" {
		t.Errorf("first board %q, want AAA board", all[0].Name)
	}
}

// summaryLines is every field of every summary, one line each.
func summaryLines(ds []store.DatasetSummary) string {
	var b strings.Builder
	for _, d := range ds {
		best := "none"
		if d.BestScore != nil {
			best = fmt.Sprint(*d.BestScore)
		}
		parent := int64(0)
		if d.ParentID != nil {
			parent = *d.ParentID
		}
		fmt.Fprintf(&b, "\n  %d %q task %d %q/%q parent %d %q: %d results %d rows, %d children, %d in task, best %s by %q, %q %q %d %v, v%d, %q %q",
			d.ID, d.Name, d.TaskID, d.TaskName, d.TaskSlug, parent, d.ParentName, d.Results, d.Rows, d.Children, d.InTask,
			best, d.BestMethod, d.MetricName, d.MetricUnit, d.Decimals, d.HigherIsBetter, d.DataVersion, d.Slug, d.Description)
	}
	return b.String()
}
