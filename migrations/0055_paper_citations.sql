-- +goose Up
-- A paper's page lists the results whose source cites it: a source URL on
-- arxiv.org under the paper's id, or its id anywhere in "reported in".
-- Neither had an index, so the page read the whole results table (0.7 s
-- at a million results). Both indexes are partial: only sources that can
-- cite an arXiv paper at all are in them. A query uses one only when it
-- repeats the index's WHERE clause word for word (store.paperCites).
CREATE INDEX results_arxiv_url_idx ON results (source_url text_pattern_ops)
    WHERE retired_at IS NULL AND source_url LIKE 'https://arxiv.org/abs/%';
-- papers.arxiv_id is always four digits, a dot and four or five more: a
-- "reported in" without that shape cites none, and stays out.
CREATE INDEX results_cites_arxiv_idx ON results USING gin (reported_in gin_trgm_ops)
    WHERE retired_at IS NULL AND reported_in ~ '[0-9]{4}\.[0-9]{4}';

-- +goose Down
DROP INDEX results_cites_arxiv_idx;
DROP INDEX results_arxiv_url_idx;
