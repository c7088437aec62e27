package store

import (
	"context"
	"fmt"
)

// MethodListing is a method as the browse page lists it.
type MethodListing struct {
	Slug, Name            string
	PaperTitle, PaperSlug string
	Results               int // live reported numbers
	Datasets              int // datasets they are on
}

// PaperListing is a paper as the browse page lists it.
type PaperListing struct {
	Slug, Title string
	Year        int // 0 when unknown
	Methods     int // methods it introduced
	Results     int // live reported numbers of those methods
}

// BrowseSort is a browse page's order: a column the page offers and its
// direction. The column is one of the keys of the query's order map, so
// it never reaches SQL as typed.
type BrowseSort struct {
	Column string
	Desc   bool
}

var methodOrder = map[string]string{"name": "lower(me.name)", "results": "results", "datasets": "datasets"}
var paperOrder = map[string]string{"title": "lower(p.title)", "year": "year", "methods": "methods", "results": "results"}

// MethodSorts and PaperSorts are the columns each browse page sorts by.
func MethodSorts() map[string]string { return methodOrder }
func PaperSorts() map[string]string  { return paperOrder }

func orderBy(cols map[string]string, s BrowseSort, tie string) (string, error) {
	col, ok := cols[s.Column]
	if !ok {
		return "", fmt.Errorf("store: no column %q to sort by", s.Column)
	}
	dir := "ASC"
	if s.Desc {
		dir = "DESC"
	}
	return col + " " + dir + " NULLS LAST, " + tie, nil
}

// Methods lists methods with their result counts, a page at a time, and
// says how many there are.
func (s *Store) Methods(ctx context.Context, sort BrowseSort, limit, offset int) ([]MethodListing, int, error) {
	order, err := orderBy(methodOrder, sort, "lower(me.name), me.id")
	if err != nil {
		return nil, 0, err
	}
	var out []MethodListing
	err = s.r(ctx).Raw(`SELECT me.slug, me.name, coalesce(p.title, '') AS paper_title, coalesce(p.slug, '') AS paper_slug,
       coalesce(c.results, 0) AS results, coalesce(c.datasets, 0) AS datasets
FROM methods me
LEFT JOIN papers p ON p.id = me.paper_id
LEFT JOIN (SELECT method_id, count(*) AS results, count(DISTINCT dataset_id) AS datasets
           FROM results WHERE retired_at IS NULL GROUP BY method_id) c ON c.method_id = me.id
ORDER BY `+order+` LIMIT $1 OFFSET $2`, limit, offset).Scan(&out).Error
	if err != nil {
		return nil, 0, fmt.Errorf("store: methods: %w", err)
	}
	var n int
	if err := s.r(ctx).Raw(`SELECT count(*) FROM methods`).Row().Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("store: methods: %w", err)
	}
	return out, n, nil
}

// Papers lists papers with the methods they introduced and those methods'
// result counts, a page at a time, and says how many there are.
func (s *Store) Papers(ctx context.Context, sort BrowseSort, limit, offset int) ([]PaperListing, int, error) {
	order, err := orderBy(paperOrder, sort, "lower(p.title), p.id")
	if err != nil {
		return nil, 0, err
	}
	var out []PaperListing
	err = s.r(ctx).Raw(`SELECT p.slug, p.title, coalesce(extract(year FROM p.published)::int, p.year, 0) AS year,
       (SELECT count(*) FROM methods me WHERE me.paper_id = p.id) AS methods,
       coalesce(c.results, 0) AS results
FROM papers p
LEFT JOIN (SELECT paper_id, count(*) AS results FROM results WHERE retired_at IS NULL AND paper_id IS NOT NULL
           GROUP BY paper_id) c ON c.paper_id = p.id
ORDER BY `+order+` LIMIT $1 OFFSET $2`, limit, offset).Scan(&out).Error
	if err != nil {
		return nil, 0, fmt.Errorf("store: papers: %w", err)
	}
	var n int
	if err := s.r(ctx).Raw(`SELECT count(*) FROM papers`).Row().Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("store: papers: %w", err)
	}
	return out, n, nil
}
