-- +goose Up
-- What a chart plots of a cell, kept in board_cells beside its score, so
-- that the charts of a board (store.BoardChartCells) are one range scan
-- of board_cells instead of five index probes per row (board_rows for the
-- row's first report, results twice, methods, papers): 240 ms at 10,000
-- rows. Each column is what the whole board's read (boardSelect) gives
-- the cell's report, or its row:
--   row_first, row_params  the row's first live result (any metric) and
--                          its parameter count (ranking.Row.Params)
--   method_name            methods.name of the row's method
--   paper_*                the paper of the cell's report (results.paper_id),
--                          '' and NULL when it has none
--   source_url, source     the report's own, for the arXiv month that dates
--                          a result whose paper gives no date
-- Kept by the same code paths as the rest of board_cells: board_refresh
-- (every statement that writes results), board_rebuild (large statements
-- and the bulk import), and two new row triggers for the only other
-- tables they come from: a paper's title or date, a method's name.
ALTER TABLE board_cells
    ADD COLUMN row_first       bigint NOT NULL DEFAULT 0,
    ADD COLUMN row_params      double precision,
    ADD COLUMN method_name     text NOT NULL DEFAULT '',
    ADD COLUMN paper_title     text NOT NULL DEFAULT '',
    ADD COLUMN paper_year      smallint,
    ADD COLUMN paper_date      date,
    ADD COLUMN paper_precision text NOT NULL DEFAULT '',
    ADD COLUMN paper_arxiv     text NOT NULL DEFAULT '',
    ADD COLUMN source_url      text NOT NULL DEFAULT '',
    ADD COLUMN source          text NOT NULL DEFAULT '';

-- board_rebuild (0070) writing the new columns. A cell's row is its
-- partition of the window: its first result by id gives row_first and
-- row_params, in the same sort that DISTINCT ON needs (the row's key, then
-- the metric; an incremental sort within each row).
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

-- board_refresh (0050) writing the new columns, and run as well by an
-- update of what they come from in results (params, paper_id, source_url,
-- source), not only by one of the key, the score or the retirement.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION board_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text;
    n    bigint := 0;
    ids  bigint[];
BEGIN
    -- The transition tables are named by the triggers; each branch names
    -- only the ones its event has.
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
                   o.score, o.retired_at IS NULL, o.params, o.paper_id, o.source_url, o.source)
                IS DISTINCT FROM
                  (n.dataset_id, n.metric_id, n.method_id, n.setting, n.extra_data, n.params_text, n.reported_in,
                   n.score, n.retired_at IS NULL, n.params, n.paper_id, n.source_url, n.source)$k$;
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
    SELECT r.id, r.metric_id, r.score, r.params, r.paper_id, r.source_url, r.source,
           k.dataset_id, k.method_id, k.setting, k.extra_data, k.params_text, k.reported_in
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
    SELECT c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in, c.id AS first_id, c.score,
           c.row_first, c.row_params, me.name AS method_name, coalesce(p.title, '') AS paper_title, p.year AS paper_year,
           p.published AS paper_date, coalesce(p.date_precision, '') AS paper_precision, coalesce(p.arxiv_id, '') AS paper_arxiv,
           c.source_url, c.source
    FROM (
        SELECT DISTINCT ON (dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id)
            l.*, first_value(l.id) OVER w AS row_first, first_value(l.params) OVER w AS row_params
        FROM live l
        WINDOW w AS (PARTITION BY dataset_id, method_id, setting, extra_data, params_text, reported_in ORDER BY id)
        ORDER BY dataset_id, method_id, setting, extra_data, params_text, reported_in, metric_id, id) c
    JOIN methods me ON me.id = c.method_id
    LEFT JOIN papers p ON p.id = c.paper_id
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
    INSERT INTO board_cells AS c (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, first_id, score,
        row_first, row_params, method_name, paper_title, paper_year, paper_date, paper_precision, paper_arxiv, source_url, source)
    SELECT * FROM cells_now
    ON CONFLICT (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in)
    DO UPDATE SET first_id = EXCLUDED.first_id, score = EXCLUDED.score, row_first = EXCLUDED.row_first,
        row_params = EXCLUDED.row_params, method_name = EXCLUDED.method_name, paper_title = EXCLUDED.paper_title,
        paper_year = EXCLUDED.paper_year, paper_date = EXCLUDED.paper_date, paper_precision = EXCLUDED.paper_precision,
        paper_arxiv = EXCLUDED.paper_arxiv, source_url = EXCLUDED.source_url, source = EXCLUDED.source
    WHERE (c.first_id, c.score, c.row_first, c.row_params, c.method_name, c.paper_title, c.paper_year, c.paper_date,
           c.paper_precision, c.paper_arxiv, c.source_url, c.source)
        IS DISTINCT FROM
          (EXCLUDED.first_id, EXCLUDED.score, EXCLUDED.row_first, EXCLUDED.row_params, EXCLUDED.method_name, EXCLUDED.paper_title,
           EXCLUDED.paper_year, EXCLUDED.paper_date, EXCLUDED.paper_precision, EXCLUDED.paper_arxiv, EXCLUDED.source_url, EXCLUDED.source)
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

-- A paper's title or date, and a method's name, are kept in the cells of
-- the results that name them: an edit of one rewrites those cells, under
-- the same per-board locks as board_refresh (in board order), so that a
-- concurrent writer of the same board either has committed by the time
-- the cells are rewritten here, or reads the edit once it gets the lock.
-- Row triggers, as an edit is one paper or method and most updates of
-- either (a code link, a paper found for a method) change none of this.
-- +goose StatementBegin
CREATE FUNCTION board_cells_paper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM count(pg_advisory_xact_lock(1651663218, hashint8(d.dataset_id)))
    FROM (SELECT DISTINCT dataset_id FROM results WHERE paper_id = NEW.id ORDER BY 1) d;
    UPDATE board_cells c
    SET paper_title = NEW.title, paper_year = NEW.year, paper_date = NEW.published,
        paper_precision = coalesce(NEW.date_precision, ''), paper_arxiv = coalesce(NEW.arxiv_id, '')
    FROM results r
    WHERE r.paper_id = NEW.id
      AND (c.dataset_id, c.metric_id, c.method_id, c.setting, c.extra_data, c.params_text, c.reported_in, c.first_id)
        = (r.dataset_id, r.metric_id, r.method_id, r.setting, r.extra_data, r.params_text, r.reported_in, r.id);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION board_cells_method() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM count(pg_advisory_xact_lock(1651663218, hashint8(d.dataset_id)))
    FROM (SELECT DISTINCT dataset_id FROM results WHERE method_id = NEW.id ORDER BY 1) d;
    UPDATE board_cells c SET method_name = NEW.name
    FROM (SELECT DISTINCT dataset_id, metric_id FROM results WHERE method_id = NEW.id) r
    WHERE c.dataset_id = r.dataset_id AND c.metric_id = r.metric_id AND c.method_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER papers_board_cells AFTER UPDATE OF title, year, published, date_precision, arxiv_id ON papers
    FOR EACH ROW WHEN ((OLD.title, OLD.year, OLD.published, OLD.date_precision, OLD.arxiv_id)
                       IS DISTINCT FROM (NEW.title, NEW.year, NEW.published, NEW.date_precision, NEW.arxiv_id))
    EXECUTE FUNCTION board_cells_paper();
CREATE TRIGGER methods_board_cells AFTER UPDATE OF name ON methods
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION board_cells_method();

-- What the database holds already; the defaults only filled the columns
-- for this: a writer that left one out should fail, not write ''.
SELECT board_rebuild(array_agg(id)) FROM datasets;
ALTER TABLE board_cells
    ALTER COLUMN row_first DROP DEFAULT,
    ALTER COLUMN method_name DROP DEFAULT,
    ALTER COLUMN paper_title DROP DEFAULT,
    ALTER COLUMN paper_precision DROP DEFAULT,
    ALTER COLUMN paper_arxiv DROP DEFAULT,
    ALTER COLUMN source_url DROP DEFAULT,
    ALTER COLUMN source DROP DEFAULT;
ANALYZE board_cells;

-- +goose Down
DROP TRIGGER methods_board_cells ON methods;
DROP TRIGGER papers_board_cells ON papers;
DROP FUNCTION board_cells_method();
DROP FUNCTION board_cells_paper();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION board_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text;
    n    bigint := 0;
    ids  bigint[];
BEGIN
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
    INSERT INTO board_cells AS c (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, first_id, score)
    SELECT * FROM cells_now
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
ALTER TABLE board_cells
    DROP COLUMN row_first, DROP COLUMN row_params, DROP COLUMN method_name, DROP COLUMN paper_title, DROP COLUMN paper_year,
    DROP COLUMN paper_date, DROP COLUMN paper_precision, DROP COLUMN paper_arxiv, DROP COLUMN source_url, DROP COLUMN source;
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
