-- +goose Up
-- A leaderboard's rows, their first report per metric and the rows per
-- setting, kept at write time so that an uncached first page reads its
-- head off one index instead of deduplicating the board's reports per
-- request (ranking.Build: a row is one source's report of one method in
-- one setting; its cell for a metric is its first live report of it).
--
-- board_rows: one per row of a board, with its live results and its first
-- live result (ranking.Row.First).
CREATE TABLE board_rows (
    dataset_id  bigint  NOT NULL,
    method_id   bigint  NOT NULL,
    setting     text    NOT NULL,
    extra_data  boolean NOT NULL,
    params_text text    NOT NULL,
    reported_in text    NOT NULL,
    n_results   integer NOT NULL,
    first_id    bigint  NOT NULL,
    PRIMARY KEY (dataset_id, method_id, setting, extra_data, params_text, reported_in)
);

-- board_cells: one per row and metric, the row's first live report of the
-- metric and its score. board_cells_rank_idx walks a board by a metric,
-- best first in either direction.
CREATE TABLE board_cells (
    dataset_id  bigint  NOT NULL,
    metric_id   bigint  NOT NULL,
    method_id   bigint  NOT NULL,
    setting     text    NOT NULL,
    extra_data  boolean NOT NULL,
    params_text text    NOT NULL,
    reported_in text    NOT NULL,
    first_id    bigint  NOT NULL,
    score       double precision NOT NULL,
    PRIMARY KEY (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
);
CREATE INDEX board_cells_rank_idx ON board_cells (dataset_id, metric_id, score);

-- board_settings: a board's rows and live results per setting text (the
-- setting facet and the row counts). A count that falls to zero stays as a
-- zero row; readers skip it.
CREATE TABLE board_settings (
    dataset_id bigint  NOT NULL,
    setting    text    NOT NULL,
    n_rows     integer NOT NULL,
    n_results  integer NOT NULL,
    PRIMARY KEY (dataset_id, setting)
);

-- board_rebuild computes the kept tables of the boards ids from results
-- afresh: the first fill below, and a statement too large to match row by
-- row (board_refresh).
-- +goose StatementBegin
CREATE FUNCTION board_rebuild(ids bigint[]) RETURNS void LANGUAGE sql AS $$
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

-- board_refresh recomputes, after every statement that writes results, the
-- rows the statement touched, from results itself: whatever wrote them (an
-- import row by row or in bulk, a correction, an approval, a revert, a
-- retirement, a merge or its undo), in the same transaction. It is set
-- based: one statement per write statement, however many rows. An update
-- that changes nothing a board ranks by (a note, a review mark) costs a
-- join of the transition tables and nothing more.
--
-- Each writer first takes a transaction lock per board it touches (in id
-- order, so two writers cannot deadlock on them), then recomputes with a
-- snapshot taken after the lock: a concurrent writer of the same board has
-- committed by then, and its results are counted, not overwritten.
-- +goose StatementBegin
CREATE FUNCTION board_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text;
    n    bigint := 0;
    ids  bigint[];
BEGIN
    -- The transition tables are named by the triggers below; each branch
    -- names only the ones its event has.
    IF TG_OP = 'INSERT' THEN
        keys := 'SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in FROM board_new';
    ELSIF TG_OP = 'DELETE' THEN
        keys := 'SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in FROM board_old';
    ELSE
        keys := $k$
            SELECT x.* FROM board_old o JOIN board_new n USING (id),
            LATERAL (VALUES (o.dataset_id, o.method_id, o.setting, o.extra_data, o.params_text, o.reported_in),
                            (n.dataset_id, n.method_id, n.setting, n.extra_data, n.params_text, n.reported_in))
                AS x(dataset_id, method_id, setting, extra_data, params_text, reported_in)
            WHERE (o.dataset_id, o.metric_id, o.method_id, o.setting, o.extra_data, o.params_text, o.reported_in,
                   o.score, o.retired_at IS NULL)
                IS DISTINCT FROM
                  (n.dataset_id, n.metric_id, n.method_id, n.setting, n.extra_data, n.params_text, n.reported_in,
                   n.score, n.retired_at IS NULL)$k$;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO n FROM board_new;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO n FROM board_old;
    END IF;
    IF n > 20000 THEN
        -- A large import: its boards are rebuilt from results, which skips
        -- matching every written row's key against results and upserting
        -- row by row (20,000 is the bulk write's own threshold).
        EXECUTE 'SELECT array_agg(DISTINCT dataset_id ORDER BY dataset_id) FROM (' || keys || ') k' INTO ids;
        PERFORM count(pg_advisory_xact_lock(1651663218, hashint8(i))) FROM unnest(ids) AS i;
        PERFORM board_rebuild(ids);
        RETURN NULL;
    END IF;
    EXECUTE 'SELECT count(pg_advisory_xact_lock(1651663218, hashint8(dataset_id))) FROM (SELECT DISTINCT dataset_id FROM ('
        || keys || ') k ORDER BY 1) d';
    EXECUTE format($q$
WITH k AS MATERIALIZED (
    SELECT DISTINCT dataset_id, method_id, setting, extra_data, params_text, reported_in FROM (%s) s
),
live AS MATERIALIZED (
    SELECT r.id, r.metric_id, r.score, k.dataset_id, k.method_id, k.setting, k.extra_data, k.params_text, k.reported_in
    FROM k JOIN results r ON r.dataset_id = k.dataset_id AND r.method_id = k.method_id AND r.setting = k.setting
        AND r.extra_data = k.extra_data AND r.params_text = k.params_text AND r.reported_in = k.reported_in
    WHERE r.retired_at IS NULL
),
rows_now AS MATERIALIZED (
    SELECT dataset_id, method_id, setting, extra_data, params_text, reported_in, count(*)::int AS n_results, min(id) AS first_id
    FROM live GROUP BY dataset_id, method_id, setting, extra_data, params_text, reported_in
),
rows_before AS MATERIALIZED (
    SELECT b.* FROM board_rows b JOIN k USING (dataset_id, method_id, setting, extra_data, params_text, reported_in)
),
cells_now AS MATERIALIZED (
    SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
        dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id AS first_id, score
    FROM live ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, id
),
-- Rows and cells that are gone are deleted and the others written: two
-- disjoint sets, as one statement may not touch a row twice.
rows_gone AS (
    DELETE FROM board_rows b USING rows_before p
    WHERE (b.dataset_id, b.method_id, b.setting, b.extra_data, b.params_text, b.reported_in)
        = (p.dataset_id, p.method_id, p.setting, p.extra_data, p.params_text, p.reported_in)
      AND NOT EXISTS (SELECT 1 FROM rows_now n
          WHERE (n.dataset_id, n.method_id, n.setting, n.extra_data, n.params_text, n.reported_in)
              = (p.dataset_id, p.method_id, p.setting, p.extra_data, p.params_text, p.reported_in))
),
rows_set AS (
    INSERT INTO board_rows AS b SELECT * FROM rows_now
    ON CONFLICT (dataset_id, method_id, setting, extra_data, params_text, reported_in)
    DO UPDATE SET n_results = EXCLUDED.n_results, first_id = EXCLUDED.first_id
    WHERE (b.n_results, b.first_id) IS DISTINCT FROM (EXCLUDED.n_results, EXCLUDED.first_id)
),
cells_gone AS (
    DELETE FROM board_cells c USING k
    WHERE (c.dataset_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in)
        = (k.dataset_id, k.method_id, k.setting, k.extra_data, k.params_text, k.reported_in)
      AND NOT EXISTS (SELECT 1 FROM cells_now n
          WHERE (n.dataset_id, n.metric_id, n.method_id, n.setting, n.extra_data, n.params_text, n.reported_in)
              = (c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in))
),
cells_set AS (
    INSERT INTO board_cells AS c SELECT * FROM cells_now
    ON CONFLICT (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
    DO UPDATE SET first_id = EXCLUDED.first_id, score = EXCLUDED.score
    WHERE (c.first_id, c.score) IS DISTINCT FROM (EXCLUDED.first_id, EXCLUDED.score)
),
delta AS (
    SELECT dataset_id, setting, sum(n)::int AS n_rows, sum(res)::int AS n_results FROM (
        SELECT dataset_id, setting, 1 AS n, n_results AS res FROM rows_now
        UNION ALL
        SELECT dataset_id, setting, -1, -n_results FROM rows_before) d
    GROUP BY dataset_id, setting
)
INSERT INTO board_settings AS s (dataset_id, setting, n_rows, n_results)
SELECT * FROM delta WHERE n_rows <> 0 OR n_results <> 0
ON CONFLICT (dataset_id, setting) DO UPDATE SET n_rows = s.n_rows + EXCLUDED.n_rows, n_results = s.n_results + EXCLUDED.n_results
$q$, keys);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION board_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE board_rows, board_cells, board_settings;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- Transition tables allow one event per trigger: three triggers, one function.
CREATE TRIGGER results_board_insert AFTER INSERT ON results
    REFERENCING NEW TABLE AS board_new FOR EACH STATEMENT EXECUTE FUNCTION board_refresh();
CREATE TRIGGER results_board_update AFTER UPDATE ON results
    REFERENCING OLD TABLE AS board_old NEW TABLE AS board_new FOR EACH STATEMENT EXECUTE FUNCTION board_refresh();
CREATE TRIGGER results_board_delete AFTER DELETE ON results
    REFERENCING OLD TABLE AS board_old FOR EACH STATEMENT EXECUTE FUNCTION board_refresh();
CREATE TRIGGER results_board_truncate AFTER TRUNCATE ON results
    FOR EACH STATEMENT EXECUTE FUNCTION board_truncate();

-- What the database holds already.
SELECT board_rebuild(array_agg(id)) FROM datasets;

ANALYZE board_rows, board_cells, board_settings;

-- +goose Down
DROP TRIGGER results_board_truncate ON results;
DROP TRIGGER results_board_delete ON results;
DROP TRIGGER results_board_update ON results;
DROP TRIGGER results_board_insert ON results;
DROP FUNCTION board_truncate();
DROP FUNCTION board_refresh();
DROP FUNCTION board_rebuild(bigint[]);
DROP TABLE board_settings, board_cells, board_rows;
