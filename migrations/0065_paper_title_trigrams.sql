-- +goose Up
-- The number of distinct trigrams of each paper title: a title with more
-- than a query's count over the similarity threshold cannot be similar to
-- it (store.Search), and this index finds the titles short enough without
-- reading the thousands that merely share a common trigram with the query.
CREATE INDEX papers_title_trgm_count ON papers ((coalesce(array_length(show_trgm(title), 1), 0)));

ANALYZE papers;

-- +goose Down
DROP INDEX papers_title_trgm_count;
