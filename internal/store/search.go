package store

import (
	"context"
	"fmt"
	"strings"
)

// Hit is one search result.
type Hit struct {
	Kind  string // "dataset", "method" or "paper"
	Slug  string
	Name  string
	Extra string // task for datasets, year for papers
	Exact bool
}

// Search finds datasets, methods and papers whose names contain q or are
// like it (trigram similarity); exact matches come first in each kind.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]Hit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	var hits []Hit
	// The names and the aliases are matched in a UNION, not an OR with
	// an IN: an OR over a subquery kept the planner from the trigram
	// indexes, and it read every method (0.44 s at 100,000 of them). The
	// substring and the similarity matches are a UNION too: in one bitmap
	// scan with an OR, every candidate of either was rechecked against
	// both, a third of a search's time for a common name. The
	// UNION carries the columns shown: joined back to methods by id, the
	// 5,000 near matches of a common name made the planner hash all
	// 100,000 methods. The similar methods are only the $3 nearest, with
	// ties (migration 0105's index hands them out in that order): every
	// similar name left out is less similar than $3 kept ones, and not an
	// exact match (which is nearest), so it could not be among the first $3.
	err := s.r(ctx).Raw(`
(SELECT 'dataset' AS kind, d.slug, d.name, t.name AS extra, lower(d.name) = lower($1) AS exact, similarity(d.name, $1) AS sim
 FROM (SELECT id, slug, name, task_id FROM datasets WHERE name ILIKE '%' || $2 || '%'
    UNION SELECT id, slug, name, task_id FROM datasets WHERE name % $1
    UNION SELECT d.id, d.slug, d.name, d.task_id FROM dataset_aliases a JOIN datasets d ON d.id = a.dataset_id
    WHERE a.alias ILIKE '%' || $2 || '%') d
 JOIN tasks t ON t.id = d.task_id
 ORDER BY exact DESC, sim DESC, d.name LIMIT $3)
UNION ALL
(SELECT 'method', me.slug, me.name, '', lower(me.name) = lower($1), similarity(me.name, $1)
 FROM (SELECT id, slug, name FROM methods WHERE name ILIKE '%' || $2 || '%'
    UNION (SELECT id, slug, name FROM methods WHERE trigram_key(name) % lower($1)
        ORDER BY trigram_key(name) <-> lower($1) FETCH FIRST $3 ROWS WITH TIES)
    UNION SELECT me.id, me.slug, me.name FROM method_aliases a JOIN methods me ON me.id = a.method_id
    WHERE a.alias ILIKE '%' || $2 || '%') me
 ORDER BY 5 DESC, 6 DESC, me.name LIMIT $3)
UNION ALL
(SELECT 'paper', p.slug, p.title, coalesce(p.year::text, ''), lower(p.title) = lower($1) OR p.arxiv_id = $1, similarity(p.title, $1)
 FROM papers p
 WHERE p.title ILIKE '%' || $2 || '%' OR p.arxiv_id = $1
    OR (p.title % $1 AND coalesce(array_length(show_trgm(p.title), 1), 0) <= `+trigramBound+`)
 ORDER BY 5 DESC, 6 DESC, p.title LIMIT $3)`, q, escapeLike(q), limit).Scan(&hits).Error
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return hits, nil
}

// trigramBound is the most trigrams a text may have and still be
// similar to $1 (title % $1): similarity is the trigrams two texts share
// over all the trigrams of either, so it is at most the query's count over
// the text's, and a text with more than count/threshold trigrams cannot
// reach the threshold. Titles are long: a short query shares a few common
// trigrams with thousands of them, and checking each one's similarity was
// most of a search's time (12,000 titles for "ResNet-S", none similar).
// The bound is necessary, not a new rule, so the matches are the same; an
// index on the titles' counts (migration 0065) finds the few short enough.
const trigramBound = `coalesce(floor(coalesce(array_length(show_trgm($1), 1), 0)
    / nullif(current_setting('pg_trgm.similarity_threshold')::float4, 0))::int, 2147483647)`

// escapeLike makes q match literally inside ILIKE.
func escapeLike(q string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
}
