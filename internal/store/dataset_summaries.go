package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
)

// summaryCache keeps what the home and task pages show of a board that
// only a write to it changes (its names, its task's, its parent's, its
// primary metric's), by the board's data version, and the order of every
// board on those pages. Every write that changes a board's metrics bumps
// its version (an import of its records, a merge, a metric's review);
// names of tasks, datasets and methods are never changed in place, so two
// boards keep their order until a new board comes. The counts and the best
// result are kept beside the versions (boardCounts); a parent's children
// are counted on every read, as a new child does not bump its parent.
type summaryCache struct {
	mu    sync.Mutex
	byID  map[int64]summaryPart
	order map[int64]int // a board's place on the pages; rebuilt when a board is missing
}

type summaryPart struct {
	version int64
	d       DatasetSummary // the parts above; counts and best unset
}

func newSummaryCache() *summaryCache {
	return &summaryCache{byID: map[int64]summaryPart{}, order: map[int64]int{}}
}

// childCounts counts the datasets under each parent among boards. With
// every board in hand (all), it counts them itself; otherwise it asks
// Postgres, as a child may be in another task.
func (s *Store) childCounts(ctx context.Context, boards []boardSummary, all bool) (map[int64]int, error) {
	out := map[int64]int{}
	if all {
		for _, b := range boards {
			if b.parentID != 0 {
				out[b.parentID]++
			}
		}
		return out, nil
	}
	ids := make([]int64, len(boards))
	for i, b := range boards {
		ids[i] = b.id
	}
	var n []struct {
		ParentID int64
		N        int
	}
	err := s.r(ctx).Raw(`SELECT parent_id, count(*) AS n FROM datasets WHERE parent_id = ANY($1) GROUP BY parent_id`, ids).Scan(&n).Error
	if err != nil {
		return nil, fmt.Errorf("store: children of the boards: %w", err)
	}
	for _, c := range n {
		out[c.ParentID] = c.N
	}
	return out, nil
}

// summaryParts returns the kept parts of each board, in the order given:
// from the cache at the board's version, the others read in one statement.
func (s *Store) summaryParts(ctx context.Context, boards []boardSummary) ([]DatasetSummary, error) {
	out := make([]DatasetSummary, len(boards))
	var missing []int64
	at := map[int64]int{}
	c := s.summaries
	c.mu.Lock()
	for i, b := range boards {
		if p, ok := c.byID[b.id]; ok && p.version == b.version {
			out[i] = p.d
		} else {
			missing, at[b.id] = append(missing, b.id), i
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	// Scanned by pgx itself: gorm's Scan of the home page's 1,200 rows,
	// by reflection per field, took longer than the query. One set of
	// destinations for every row: a row's own, passed to Scan by address,
	// escaped to the heap.
	var d DatasetSummary
	dst := []any{&d.ID, &d.TaskID, &d.ParentID, &d.Slug, &d.Name, &d.Description, &d.DataVersion,
		&d.TaskName, &d.TaskSlug, &d.ParentName, &d.MetricName, &d.MetricUnit, &d.Decimals, &d.HigherIsBetter}
	read, err := pgxQuery(ctx, s, `
SELECT d.id, d.task_id, d.parent_id, d.slug, d.name, d.description, d.data_version,
       t.name, t.slug, coalesce(p.name, ''),
       coalesce(m.name, ''), coalesce(m.unit, ''), coalesce(m.decimals, 2), coalesce(m.higher_is_better, true)
FROM datasets d
JOIN tasks t ON t.id = d.task_id
LEFT JOIN datasets p ON p.id = d.parent_id
LEFT JOIN metrics m ON m.dataset_id = d.id AND m.is_primary
WHERE d.id = ANY($1)`, []any{missing}, func(r pgx.Rows) (DatasetSummary, error) {
		d = DatasetSummary{} // cleared, so that each row's pointers are its own
		return d, r.Scan(dst...)
	})
	if err != nil {
		return nil, fmt.Errorf("store: datasets: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range read {
		i, ok := at[d.ID]
		if !ok {
			continue
		}
		// The version read now may be newer than the board's, read with
		// its counts: it is kept at the one it was read at, shown either way.
		out[i] = d
		c.byID[d.ID] = summaryPart{version: d.DataVersion, d: d}
		delete(at, d.ID)
	}
	if len(at) > 0 {
		// Deleted since its version was read (merged away): not shown.
		kept := out[:0]
		for i := range out {
			if out[i].ID != 0 {
				kept = append(kept, out[i])
			}
		}
		return kept, nil
	}
	return out, nil
}

// catalogOrder is each board's place on the home and task pages: by
// task name, then the name of its parent (or its own), the parent before
// its children, then its name, in the database's collation. It is read
// for every board at once, and again only when one of boards is not in it.
func (s *Store) catalogOrder(ctx context.Context, boards []boardSummary) (map[int64]int, error) {
	c := s.summaries
	c.mu.Lock()
	order, complete := c.order, true
	for _, b := range boards {
		if _, ok := order[b.id]; !ok {
			complete = false
			break
		}
	}
	c.mu.Unlock()
	if complete {
		return order, nil
	}
	var ids []int64
	err := s.r(ctx).Raw(`SELECT d.id FROM datasets d JOIN tasks t ON t.id = d.task_id LEFT JOIN datasets p ON p.id = d.parent_id
ORDER BY t.name, coalesce(p.name, d.name), d.parent_id NULLS FIRST, d.name, d.id`).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("store: order of the datasets: %w", err)
	}
	order = make(map[int64]int, len(ids))
	for i, id := range ids {
		order[id] = i
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order = order // never written in place: a reader holding the old map keeps it whole
	for id := range c.byID {
		if _, ok := order[id]; !ok {
			delete(c.byID, id)
		}
	}
	return order, nil
}
