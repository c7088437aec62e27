package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// UnreviewedName is a dataset, metric or method an import created that
// no moderator has looked at yet, with the existing names most like it.
type UnreviewedName struct {
	Kind        string
	ID          int64
	Name        string
	Slug        string // a metric's slug is "dataset-slug/metric-slug"
	DatasetName string // a metric's dataset
	Results     int
	Similar     []SimilarName `gorm:"-"`
}

// SimilarName is an existing name like a new one, by pg_trgm similarity.
type SimilarName struct {
	Slug       string
	Name       string
	Similarity float64
}

// unreviewedSQL lists each kind's unreviewed rows; similarSlugsSQL their
// closest reviewed neighbours (a metric's among its dataset's metrics,
// since only those can be merged with it).
var (
	unreviewedSQL = map[string]string{
		MergeDataset: `SELECT d.id, d.name, d.slug, '' AS dataset_name,
			(SELECT count(*) FROM results r WHERE r.dataset_id = d.id) AS results
			FROM datasets d WHERE d.needs_review ORDER BY d.id LIMIT $1`,
		MergeMetric: `SELECT m.id, m.name, d.slug || '/' || m.slug AS slug, d.name AS dataset_name,
			(SELECT count(*) FROM results r WHERE r.metric_id = m.id) AS results
			FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE m.needs_review ORDER BY m.id LIMIT $1`,
		MergeMethod: `SELECT x.id, x.name, x.slug, '' AS dataset_name,
			(SELECT count(*) FROM results r WHERE r.method_id = x.id) AS results
			FROM methods x WHERE x.needs_review ORDER BY x.id LIMIT $1`,
	}
	similarSlugsSQL = map[string]string{
		MergeDataset: `SELECT n.id AS of, s.slug, s.name, s.sim AS similarity FROM unnest($1::bigint[]) AS n(id)
			JOIN datasets nd ON nd.id = n.id
			CROSS JOIN LATERAL (SELECT y.slug, y.name, similarity(y.name, nd.name) AS sim FROM (SELECT x.slug, x.name FROM datasets x
				WHERE x.id <> nd.id AND NOT x.needs_review AND x.name % nd.name LIMIT ` + similarScan + `) y ORDER BY sim DESC, y.name LIMIT 3) s`,
		MergeMetric: `SELECT n.id AS of, s.slug, s.name, s.sim AS similarity FROM unnest($1::bigint[]) AS n(id)
			JOIN metrics nm ON nm.id = n.id JOIN datasets d ON d.id = nm.dataset_id
			CROSS JOIN LATERAL (SELECT d.slug || '/' || x.slug AS slug, x.name, similarity(x.name, nm.name) AS sim FROM metrics x
				WHERE x.dataset_id = nm.dataset_id AND x.id <> nm.id ORDER BY sim DESC, x.name LIMIT 3) s`,
		MergeMethod: `SELECT n.id AS of, s.slug, s.name, s.sim AS similarity FROM unnest($1::bigint[]) AS n(id)
			JOIN methods nx ON nx.id = n.id
			CROSS JOIN LATERAL (SELECT y.slug, y.name, similarity(y.name, nx.name) AS sim FROM (SELECT x.slug, x.name FROM methods x
				WHERE x.id <> nx.id AND NOT x.needs_review AND x.name % nx.name LIMIT ` + similarScan + `) y ORDER BY sim DESC, y.name LIMIT 3) s`,
	}
)

// UnreviewedNames lists up to limit unreviewed names of each kind, oldest
// first, each with its closest reviewed names.
func (s *Store) UnreviewedNames(ctx context.Context, limit int) (map[string][]UnreviewedName, error) {
	out := map[string][]UnreviewedName{}
	for _, kind := range []string{MergeDataset, MergeMetric, MergeMethod} {
		var rows []UnreviewedName
		if err := s.r(ctx).Raw(unreviewedSQL[kind], limit).Scan(&rows).Error; err != nil {
			return nil, fmt.Errorf("store: unreviewed %ss: %w", kind, err)
		}
		if len(rows) == 0 {
			continue
		}
		ids := make([]int64, len(rows))
		at := map[int64]int{}
		for i := range rows {
			rows[i].Kind = kind
			ids[i] = rows[i].ID
			at[rows[i].ID] = i
		}
		var sims []struct {
			Of int64
			SimilarName
		}
		if err := s.r(ctx).Raw(similarSlugsSQL[kind], ids).Scan(&sims).Error; err != nil {
			return nil, fmt.Errorf("store: names like the new %ss: %w", kind, err)
		}
		for _, sm := range sims {
			r := &rows[at[sm.Of]]
			r.Similar = append(r.Similar, sm.SimilarName)
		}
		out[kind] = rows
	}
	return out, nil
}

// MarkReviewed clears the "new, unreviewed" flag of one row.
func (s *Store) MarkReviewed(ctx context.Context, kind string, id int64) error {
	table, ok := map[string]string{MergeDataset: "datasets", MergeMetric: "metrics", MergeMethod: "methods"}[kind]
	if !ok {
		return fmt.Errorf("store: reviewed: kind %q: %w", kind, ErrInvalid)
	}
	res := s.w(ctx).Exec("UPDATE "+table+" SET needs_review = false WHERE id = $1", id)
	if res.Error != nil {
		return fmt.Errorf("store: reviewed %s %d: %w", kind, id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("store: reviewed %s %d: %w", kind, id, ErrNotFound)
	}
	return nil
}

// MergeRefID finds the row a merge form names: a dataset's or a method's
// slug, or "dataset-slug/metric-slug" for a metric.
func (s *Store) MergeRefID(ctx context.Context, kind, slug string) (int64, error) {
	var q string
	args := []any{slug}
	switch kind {
	case MergeDataset:
		q = "SELECT id FROM datasets WHERE slug = $1"
	case MergeMethod:
		q = "SELECT id FROM methods WHERE slug = $1"
	case MergeMetric:
		ds, m, ok := strings.Cut(slug, "/")
		if !ok {
			return 0, fmt.Errorf("store: metric %q: want dataset-slug/metric-slug: %w", slug, ErrInvalid)
		}
		q, args = "SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE d.slug = $1 AND m.slug = $2", []any{ds, m}
	default:
		return 0, fmt.Errorf("store: kind %q is not dataset, metric or method: %w", kind, ErrInvalid)
	}
	var ids []int64
	if err := s.r(ctx).Raw(q, args...).Scan(&ids).Error; err != nil {
		return 0, fmt.Errorf("store: %s %q: %w", kind, slug, err)
	}
	if len(ids) == 0 {
		return 0, fmt.Errorf("store: %s %q: %w", kind, slug, ErrNotFound)
	}
	return ids[0], nil
}

// KeyTwins is a group of rows of one kind whose names differ only in case,
// spaces, hyphens or underscores: imports cannot tell which one such a
// spelling means, so they wait for a moderator to merge them.
type KeyTwins struct {
	Kind  string
	Names []SimilarName // oldest first; Similarity unused
}

// keyTwinsSQL groups each kind's rows by name_key; a metric's twins are in
// its own dataset.
var keyTwinsSQL = map[string]string{
	MergeDataset: `SELECT json_agg(slug ORDER BY id)::text AS slugs, json_agg(name ORDER BY id)::text AS names
		FROM datasets GROUP BY name_key(name) HAVING count(*) > 1 ORDER BY min(id) LIMIT $1`,
	MergeMetric: `SELECT json_agg(d.slug || '/' || m.slug ORDER BY m.id)::text AS slugs, json_agg(m.name ORDER BY m.id)::text AS names
		FROM metrics m JOIN datasets d ON d.id = m.dataset_id GROUP BY m.dataset_id, name_key(m.name)
		HAVING count(*) > 1 ORDER BY min(m.id) LIMIT $1`,
	MergeMethod: `SELECT json_agg(slug ORDER BY id)::text AS slugs, json_agg(name ORDER BY id)::text AS names
		FROM methods GROUP BY name_key(name) HAVING count(*) > 1 ORDER BY min(id) LIMIT $1`,
}

// KeyTwinsList lists up to limit groups of each kind.
func (s *Store) KeyTwinsList(ctx context.Context, limit int) ([]KeyTwins, error) {
	var out []KeyTwins
	for _, kind := range []string{MergeDataset, MergeMetric, MergeMethod} {
		rows, err := s.r(ctx).Raw(keyTwinsSQL[kind], limit).Rows()
		if err != nil {
			return nil, fmt.Errorf("store: %s twins: %w", kind, err)
		}
		for rows.Next() {
			var slugsJSON, namesJSON string
			var slugs, names []string
			err := rows.Scan(&slugsJSON, &namesJSON)
			if err == nil {
				err = json.Unmarshal([]byte(slugsJSON), &slugs)
			}
			if err == nil {
				err = json.Unmarshal([]byte(namesJSON), &names)
			}
			if err == nil && len(slugs) != len(names) {
				err = fmt.Errorf("%d slugs for %d names", len(slugs), len(names))
			}
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: %s twins: %w", kind, err)
			}
			g := KeyTwins{Kind: kind}
			for i := range slugs {
				g.Names = append(g.Names, SimilarName{Slug: slugs[i], Name: names[i]})
			}
			out = append(out, g)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: %s twins: %w", kind, err)
		}
	}
	return out, nil
}
