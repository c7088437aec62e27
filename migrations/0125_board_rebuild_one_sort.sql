-- +goose Up
-- board_rebuild (0085) with one sort instead of two when results has no
-- index in the window's order, as in a bulk import, which sets results'
-- indexes aside while it rebuilds its boards. The window asked for its
-- rows by id and DISTINCT ON for them by metric, then id, so Postgres
-- sorted a million rows twice (the second spilling to disk). Now the
-- window's frame is the whole row, in DISTINCT ON's order, and a row's
-- first result is the least of [id, params] over it: ids are unique, so
-- the array's order is the ids' (float8 holds every id below 2^53). A
-- million-row board rebuild's cells: 4.5 → 3.6 s, the rows written equal.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION board_rebuild(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'DELETE FROM board_rows WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE 'DELETE FROM board_cells WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE 'DELETE FROM board_settings WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE $q$
        INSERT INTO board_rows
        SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in, count(*), min(id)
        FROM results WHERE dataset_id = ANY($1) AND retired_at IS NULL
        GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in$q$ USING ids;
    EXECUTE $q$
        INSERT INTO board_cells (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, first_id, score,
            row_first, row_params, method_name, paper_title, paper_year, paper_date, paper_precision, paper_arxiv, source_url, source)
        SELECT c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in, c.id, c.score,
            c.row_first[1]::bigint, c.row_first[2], me.name, coalesce(p.title, ''), p.year, p.published, coalesce(p.date_precision, ''),
            coalesce(p.arxiv_id, ''), c.source_url, c.source
        FROM (
            SELECT DISTINCT ON (dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id)
                dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id, score, paper_id, source_url, source,
                min(ARRAY[id::float8, params]) OVER w AS row_first
            FROM results WHERE dataset_id = ANY($1) AND retired_at IS NULL
            WINDOW w AS (PARTITION BY dataset_id, method_id, setting, extra_data, params_text, reported_in
                ORDER BY metric_id, id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
            ORDER BY dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id, id) c
        JOIN methods me ON me.id = c.method_id
        LEFT JOIN papers p ON p.id = c.paper_id$q$ USING ids;
    EXECUTE $q$
        INSERT INTO board_settings
        SELECT dataset_id, setting, count(*), sum(n_results) FROM board_rows WHERE dataset_id = ANY($1)
        GROUP BY dataset_id, setting$q$ USING ids;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION board_rebuild(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'DELETE FROM board_rows WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE 'DELETE FROM board_cells WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE 'DELETE FROM board_settings WHERE dataset_id = ANY($1)' USING ids;
    EXECUTE $q$
        INSERT INTO board_rows
        SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in, count(*), min(id)
        FROM results WHERE dataset_id = ANY($1) AND retired_at IS NULL
        GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in$q$ USING ids;
    EXECUTE $q$
        INSERT INTO board_cells (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, first_id, score,
            row_first, row_params, method_name, paper_title, paper_year, paper_date, paper_precision, paper_arxiv, source_url, source)
        SELECT c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in, c.id, c.score,
            c.row_first, c.row_params, me.name, coalesce(p.title, ''), p.year, p.published, coalesce(p.date_precision, ''),
            coalesce(p.arxiv_id, ''), c.source_url, c.source
        FROM (
            SELECT DISTINCT ON (dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id)
                dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id, score, paper_id, source_url, source,
                first_value(id) OVER w AS row_first, first_value(params) OVER w AS row_params
            FROM results WHERE dataset_id = ANY($1) AND retired_at IS NULL
            WINDOW w AS (PARTITION BY dataset_id, method_id, setting, extra_data, params_text, reported_in ORDER BY id)
            ORDER BY dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id, id) c
        JOIN methods me ON me.id = c.method_id
        LEFT JOIN papers p ON p.id = c.paper_id$q$ USING ids;
    EXECUTE $q$
        INSERT INTO board_settings
        SELECT dataset_id, setting, count(*), sum(n_results) FROM board_rows WHERE dataset_id = ANY($1)
        GROUP BY dataset_id, setting$q$ USING ids;
END
$$;
-- +goose StatementEnd
