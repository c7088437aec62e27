-- +goose Up
-- A board's head materialised: the reports an uncached first page of its
-- default view ranks (store.BoardTop: every report of the methods of its
-- first 100 rows, with the columns board_head_of returns), stored so that
-- such a page reads them as one value off the board's row instead of
-- walking board_cells and joining each report to its method and paper
-- (two statements, most of the page's time in Postgres). The value is
-- encoded by the app (store.encodeHead) and kept uncompressed: the head
-- of a large board is tens of kilobytes, read whole on every such page.
--
-- board_heads.epoch moves, in the writing transaction, with every write
-- that may change a board's head: its results, its metrics, and the
-- methods and papers its results name (triggers below). stored_epoch is
-- the epoch the stored head was read at: it is current while the two are
-- equal. A head is stored by board_head_store, which takes the epoch its
-- caller read before reading the head and stores nothing once a write has
-- moved it since: a head read before a write is never stored after it.
CREATE TABLE board_heads (
    dataset_id   bigint PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
    epoch        bigint NOT NULL DEFAULT 0,
    stored_epoch bigint,
    n            integer,  -- rows the head was read for
    exclude      text[],   -- setting texts it left out (NULL: none)
    head         bytea
);
ALTER TABLE board_heads ALTER COLUMN head SET STORAGE EXTERNAL;

-- board_heads_touch moves the epoch of the boards ids, in id order (two
-- writers lock the rows in one order, so they cannot deadlock on them).
-- The row is made when it is missing: a reader that stores a head locks
-- it too, so a write always meets the reader's store, or the reverse.
-- Each board is announced on the channel of migration 0005 as
-- "head:<id>" once the write commits: the instances that serve it store
-- its head again (store.WatchDataVersions). A change of data version
-- alone lets go of no head and announces none.
-- +goose StatementBegin
CREATE FUNCTION board_heads_touch(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO board_heads (dataset_id, epoch)
    SELECT DISTINCT id, 1 FROM unnest(ids) AS u(id) WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (dataset_id) DO UPDATE SET epoch = board_heads.epoch + 1;
    SELECT count(pg_notify('benchboard_data', 'head:' || id)) FROM unnest(ids) AS u(id) WHERE id IS NOT NULL;
$$;
-- +goose StatementEnd

-- Triggers of one event fire in the order of their names: these are
-- named to fire after the boards' own (results_board_*, papers_board_cells,
-- methods_board_cells), so that every writer takes a board's lock
-- (board_refresh's) before its board_heads row. Taken the other way round
-- by one kind of write, a result's insert and a paper's edit on one board
-- could each hold what the other waits for.
--
-- Transition tables allow one event per trigger: one function for the
-- rows of results and of metrics (each names its board in dataset_id),
-- reading the tables its event has.
-- +goose StatementBegin
CREATE FUNCTION board_heads_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM board_heads_touch(ARRAY(SELECT DISTINCT dataset_id FROM heads_new));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM board_heads_touch(ARRAY(SELECT dataset_id FROM heads_new UNION SELECT dataset_id FROM heads_old));
    ELSE
        PERFORM board_heads_touch(ARRAY(SELECT DISTINCT dataset_id FROM heads_old));
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER results_heads_insert AFTER INSERT ON results
    REFERENCING NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();
CREATE TRIGGER results_heads_update AFTER UPDATE ON results
    REFERENCING OLD TABLE AS heads_old NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();
CREATE TRIGGER results_heads_delete AFTER DELETE ON results
    REFERENCING OLD TABLE AS heads_old FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();

-- A truncate of results leaves no head standing.
-- +goose StatementBegin
CREATE FUNCTION board_heads_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE board_heads SET epoch = epoch + 1;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER results_heads_truncate AFTER TRUNCATE ON results
    FOR EACH STATEMENT EXECUTE FUNCTION board_heads_truncate();

-- A board's metrics decide its head: which is primary, which way is
-- better. Their rows name their board as results' do.
CREATE TRIGGER metrics_heads_insert AFTER INSERT ON metrics
    REFERENCING NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();
CREATE TRIGGER metrics_heads_update AFTER UPDATE ON metrics
    REFERENCING OLD TABLE AS heads_old NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();
CREATE TRIGGER metrics_heads_delete AFTER DELETE ON metrics
    REFERENCING OLD TABLE AS heads_old FOR EACH STATEMENT EXECUTE FUNCTION board_heads_rows();

-- A head carries its reports' method names, slugs and code links, and
-- their papers' titles, slugs, years, dates and code links: a change to
-- one of those moves the epoch of every board with a result naming it.
-- +goose StatementBegin
CREATE FUNCTION board_heads_methods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_heads_touch(ARRAY(
        SELECT DISTINCT r.dataset_id FROM results r
        WHERE r.method_id IN (SELECT n.id FROM heads_new n JOIN heads_old o USING (id)
                              WHERE (n.name, n.slug, n.code_url) IS DISTINCT FROM (o.name, o.slug, o.code_url))));
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER methods_heads AFTER UPDATE ON methods
    REFERENCING OLD TABLE AS heads_old NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_methods();

-- +goose StatementBegin
CREATE FUNCTION board_heads_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_heads_touch(ARRAY(
        SELECT DISTINCT r.dataset_id FROM results r
        WHERE r.paper_id IN (SELECT n.id FROM heads_new n JOIN heads_old o USING (id)
                             WHERE (n.title, n.slug, n.year, n.published, n.code_url)
                                   IS DISTINCT FROM (o.title, o.slug, o.year, o.published, o.code_url))));
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER papers_heads AFTER UPDATE ON papers
    REFERENCING OLD TABLE AS heads_old NEW TABLE AS heads_new FOR EACH STATEMENT EXECUTE FUNCTION board_heads_papers();

-- board_head_store stores p_head, the head of board p_dataset read at
-- epoch p_epoch for p_n rows leaving out p_exclude. It
-- stores nothing, and says false, when a write has moved the epoch since,
-- or when another caller is storing the same board's head (that one
-- stores it).
-- +goose StatementBegin
CREATE FUNCTION board_head_store(p_dataset bigint, p_epoch bigint, p_n integer, p_exclude text[], p_head bytea)
RETURNS boolean LANGUAGE plpgsql
-- A writer holding the board (an import, for minutes) makes a reader give
-- up storing, not wait.
SET lock_timeout = '200ms'
AS $$
BEGIN
    -- Readers storing heads exclude each other, not writers (which lock
    -- boards under 1651663218, board_refresh): a reader waits for a
    -- writer only below, and never the reverse while holding this.
    IF NOT pg_try_advisory_xact_lock(1651663219, hashint8(p_dataset)) THEN
        RETURN false;
    END IF;
    INSERT INTO board_heads (dataset_id) VALUES (p_dataset) ON CONFLICT (dataset_id) DO NOTHING;
    UPDATE board_heads SET stored_epoch = p_epoch, n = p_n, exclude = p_exclude, head = p_head
    WHERE dataset_id = p_dataset AND epoch = p_epoch;
    RETURN FOUND;
END
$$;
-- +goose StatementEnd

-- board_dataset also says which head is stored, and at which epoch.
DROP FUNCTION board_dataset(text);
-- +goose StatementBegin
CREATE FUNCTION board_dataset(p_slug text)
RETURNS TABLE (id bigint, task_id bigint, parent_id bigint, slug text, name text, description text, data_version bigint,
               task_name text, task_slug text, parent_name text, parent_slug text, metrics json, settings json,
               head_epoch bigint, head_stored boolean, head_n integer, head_exclude text[])
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT d.id, d.task_id, d.parent_id, d.slug, d.name, d.description, d.data_version,
           t.name, t.slug, coalesce(p.name, ''), coalesce(p.slug, ''),
           (SELECT coalesce(json_agg(json_build_array(m.id, m.slug, m.name, m.higher_is_better, m.direction_needs_review,
                                                      m.unit, m.decimals, m.is_primary, m.position)
                                     ORDER BY m.is_primary DESC, m.position, m.id), '[]')
            FROM metrics m WHERE m.dataset_id = d.id),
           (SELECT coalesce(json_agg(json_build_array(s.setting, s.n_rows, s.n_results)), '[]')
            FROM board_settings s WHERE s.dataset_id = d.id AND s.n_rows > 0),
           coalesce(h.epoch, 0), coalesce(h.stored_epoch = h.epoch, false), coalesce(h.n, 0), h.exclude
    FROM datasets d JOIN tasks t ON t.id = d.task_id LEFT JOIN datasets p ON p.id = d.parent_id
    LEFT JOIN board_heads h ON h.dataset_id = d.id
    WHERE d.slug = p_slug;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION board_dataset(text);
-- +goose StatementBegin
CREATE FUNCTION board_dataset(p_slug text)
RETURNS TABLE (id bigint, task_id bigint, parent_id bigint, slug text, name text, description text, data_version bigint,
               task_name text, task_slug text, parent_name text, parent_slug text, metrics json, settings json)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT d.id, d.task_id, d.parent_id, d.slug, d.name, d.description, d.data_version,
           t.name, t.slug, coalesce(p.name, ''), coalesce(p.slug, ''),
           (SELECT coalesce(json_agg(json_build_array(m.id, m.slug, m.name, m.higher_is_better, m.direction_needs_review,
                                                      m.unit, m.decimals, m.is_primary, m.position)
                                     ORDER BY m.is_primary DESC, m.position, m.id), '[]')
            FROM metrics m WHERE m.dataset_id = d.id),
           (SELECT coalesce(json_agg(json_build_array(s.setting, s.n_rows, s.n_results)), '[]')
            FROM board_settings s WHERE s.dataset_id = d.id AND s.n_rows > 0)
    FROM datasets d JOIN tasks t ON t.id = d.task_id LEFT JOIN datasets p ON p.id = d.parent_id
    WHERE d.slug = p_slug;
END
$$;
-- +goose StatementEnd
DROP FUNCTION board_head_store(bigint, bigint, integer, text[], bytea);
DROP TRIGGER papers_heads ON papers;
DROP FUNCTION board_heads_papers();
DROP TRIGGER methods_heads ON methods;
DROP FUNCTION board_heads_methods();
DROP TRIGGER metrics_heads_delete ON metrics;
DROP TRIGGER metrics_heads_update ON metrics;
DROP TRIGGER metrics_heads_insert ON metrics;
DROP TRIGGER results_heads_truncate ON results;
DROP FUNCTION board_heads_truncate();
DROP TRIGGER results_heads_delete ON results;
DROP TRIGGER results_heads_update ON results;
DROP TRIGGER results_heads_insert ON results;
DROP FUNCTION board_heads_rows();
DROP FUNCTION board_heads_touch(bigint[]);
DROP TABLE board_heads;
