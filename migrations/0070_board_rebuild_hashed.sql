-- +goose Up
-- board_rebuild (migration 0050) as PL/pgSQL, each statement run with
-- EXECUTE … USING. As a SQL function its statements were planned once for
-- any ids, so "dataset_id = ANY(ids)" compared each row with the array's
-- elements one by one: with results' indexes set aside (a bulk import) and
-- the 10,000 boards of a million-row import, that is 5 billion comparisons,
-- about ten minutes. Planned for the ids at hand, the array is a constant
-- and Postgres looks each row up in a hash of it.
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
        INSERT INTO board_cells
        SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
            dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id, score
        FROM results WHERE dataset_id = ANY($1) AND retired_at IS NULL
        ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id$q$ USING ids;
    EXECUTE $q$
        INSERT INTO board_settings
        SELECT dataset_id, setting, count(*), sum(n_results) FROM board_rows WHERE dataset_id = ANY($1)
        GROUP BY dataset_id, setting$q$ USING ids;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION board_rebuild(ids bigint[]) RETURNS void LANGUAGE sql AS $$
DELETE FROM board_rows WHERE dataset_id = ANY(ids);
DELETE FROM board_cells WHERE dataset_id = ANY(ids);
DELETE FROM board_settings WHERE dataset_id = ANY(ids);
INSERT INTO board_rows
SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in, count(*), min(id)
FROM results WHERE dataset_id = ANY(ids) AND retired_at IS NULL
GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in;
INSERT INTO board_cells
SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
    dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id, score
FROM results WHERE dataset_id = ANY(ids) AND retired_at IS NULL
ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id;
INSERT INTO board_settings
SELECT dataset_id, setting, count(*), sum(n_results) FROM board_rows WHERE dataset_id = ANY(ids)
GROUP BY dataset_id, setting;
$$;
-- +goose StatementEnd
