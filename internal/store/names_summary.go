package store

import (
	"context"
	"fmt"
)

// MaxNewNames is how many new names an import's summary describes; a
// first import of a large dump creates thousands, and the moderation page
// lists them all.
const MaxNewNames = 50

// NewName is a dataset, metric or method an import created, flagged "new,
// unreviewed", with the existing names that look closest to it.
type NewName struct {
	Kind    string   // dataset, metric or method
	Name    string   //
	Dataset string   `json:",omitempty"` // a metric's dataset
	Similar []string `json:",omitempty"` // closest first (pg_trgm similarity)
}

// GuessedDirection is a metric created with a direction guessed from its
// name; it waits for a moderator (the metrics review page).
type GuessedDirection struct {
	Dataset        string
	Metric         string
	HigherIsBetter bool
}

// similarScan bounds the rows sharing enough trigrams with one new name
// that are ranked by similarity: names that all look alike ("Method 1" …
// "Method 100000") otherwise made the summary of a large import rank the
// whole table for each new name (15 s for 50 names over 100,000 methods;
// 1.2 s with the bound). A name with more look-alikes than this gets the
// closest of the first ones the index returns.
const similarScan = "500"

// similarSQL finds, for each new name, the three closest names of rows
// the import did not create, by pg_trgm's similarity over the name's
// trigram index. A metric's own dataset's metrics come first. Imports run
// one at a time, so the rows this one created are those from its first
// new id on ($2): comparing ids with an array of thousands of new ones
// took most of a large import's time.
var similarSQL = map[string]string{
	"dataset": `SELECT n.ord, s.name FROM unnest($1::text[], $3::bigint[]) WITH ORDINALITY AS n(name, ds, ord)
		CROSS JOIN LATERAL (SELECT y.name FROM (SELECT x.name FROM datasets x WHERE x.id < $2 AND x.name % n.name
			LIMIT ` + similarScan + `) y ORDER BY similarity(y.name, n.name) DESC, y.name LIMIT 3) s ORDER BY n.ord`,
	"method": `SELECT n.ord, s.name FROM unnest($1::text[], $3::bigint[]) WITH ORDINALITY AS n(name, ds, ord)
		CROSS JOIN LATERAL (SELECT y.name FROM (SELECT x.name FROM methods x WHERE x.id < $2 AND x.name % n.name
			LIMIT ` + similarScan + `) y ORDER BY similarity(y.name, n.name) DESC, y.name LIMIT 3) s ORDER BY n.ord`,
	"metric": `SELECT n.ord, s.name FROM unnest($1::text[], $3::bigint[]) WITH ORDINALITY AS n(name, ds, ord)
		CROSS JOIN LATERAL (SELECT y.name FROM (SELECT x.name, x.dataset_id FROM metrics x WHERE x.id < $2 AND x.name % n.name
			LIMIT ` + similarScan + `) y GROUP BY y.name ORDER BY bool_or(y.dataset_id = n.ds) DESC,
			max(similarity(y.name, n.name)) DESC, y.name LIMIT 3) s ORDER BY n.ord`,
}

// describeNew fills the summary's new names and guessed directions from
// what the catalogue created.
func (c *catalog) describeNew(ctx context.Context, sum *Summary) error {
	if len(c.fresh) == 0 {
		return nil
	}
	var dsIDs []int64
	for _, f := range c.fresh {
		if f.kind == "metric" {
			dsIDs = append(dsIDs, f.datasetID)
		}
	}
	dsName := map[int64]string{}
	if len(dsIDs) > 0 {
		var rows []struct {
			ID   int64
			Name string
		}
		if err := c.tx.WithContext(ctx).Raw("SELECT id, name FROM datasets WHERE id = ANY($1)", dsIDs).Scan(&rows).Error; err != nil {
			return fmt.Errorf("new names: %w", err)
		}
		for _, r := range rows {
			dsName[r.ID] = r.Name
		}
	}
	sum.NewNamesTotal = len(c.fresh)
	firstNew := map[string]int64{}
	for _, f := range c.fresh {
		if first, ok := firstNew[f.kind]; !ok || f.id < first {
			firstNew[f.kind] = f.id
		}
		if f.kind == "metric" && f.guessed {
			sum.Guessed = append(sum.Guessed, GuessedDirection{Dataset: dsName[f.datasetID], Metric: f.name, HigherIsBetter: f.higher})
		}
	}
	listed := c.fresh[:min(len(c.fresh), MaxNewNames)]
	byKind := map[string][]int{} // kind → indexes into listed
	for i, f := range listed {
		n := NewName{Kind: f.kind, Name: f.name}
		if f.kind == "metric" {
			n.Dataset = dsName[f.datasetID]
		}
		sum.NewNames = append(sum.NewNames, n)
		byKind[f.kind] = append(byKind[f.kind], i)
	}
	for kind, idx := range byKind {
		names, ds := make([]string, len(idx)), make([]int64, len(idx))
		for j, i := range idx {
			names[j], ds[j] = listed[i].name, listed[i].datasetID
		}
		var rows []struct {
			Ord  int
			Name string
		}
		if err := c.tx.WithContext(ctx).Raw(similarSQL[kind], names, firstNew[kind], ds).Scan(&rows).Error; err != nil {
			return fmt.Errorf("names like the new %ss: %w", kind, err)
		}
		for _, r := range rows {
			n := &sum.NewNames[idx[r.Ord-1]]
			n.Similar = append(n.Similar, r.Name)
		}
	}
	return nil
}
