-- +goose Up
-- The two statements of an uncached leaderboard page (store.BoardDataset,
-- store.BoardTop), as functions that plan their statement once per
-- connection. The app's pool runs with plan_cache_mode=force_custom_plan
-- (a generic plan of an older head query read whole boards), so every
-- request planned both statements afresh: 0.5 and 0.7 ms of planning
-- against 0.2 and 1.1 ms of execution on the bench's 100-row board. A
-- PL/pgSQL function keeps the plans of its statements for the session,
-- and its SET clause lets only these two use a generic plan. Both plans
-- are index walks whatever the parameters (the dataset by its unique slug;
-- the head down board_cells_rank_idx, stopped by the LIMIT, and each of
-- its methods' reports by results_method_idx), so one plan fits every
-- board. docs/performance.md has their EXPLAIN.

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

-- board_head returns the live results of every method with one of the
-- board's p_n best rows by metric p_metric (ties at the p_n-th included),
-- leaving out rows with the setting texts in p_exclude (NULL: none), best
-- first when p_desc, in result id order: the columns a leaderboard page
-- shows and ranks by, not every column of a result (a third fewer to send
-- and scan).

-- +goose StatementBegin
CREATE FUNCTION board_head(p_dataset bigint, p_metric bigint, p_n integer, p_exclude text[], p_desc boolean)
RETURNS TABLE (id bigint, metric_id bigint, method_id bigint, plus_minus double precision, unit text, score double precision,
               raw text, setting text, extra_data boolean, params_text text, params double precision, reported_in text,
               source text, source_url text, confidence text, method_name text, method_slug text, paper_title text,
               paper_slug text, paper_year smallint, paper_date date, code_url text)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    -- The direction is in the text of each statement, so that each walks
    -- the index its own way: two statements, two cached plans.
    IF p_desc THEN
        RETURN QUERY
        WITH top AS (
            SELECT c.method_id FROM board_cells c
            WHERE c.dataset_id = p_dataset AND c.metric_id = p_metric AND (p_exclude IS NULL OR c.setting <> ALL(p_exclude))
            ORDER BY c.score DESC
            FETCH FIRST (p_n) ROWS WITH TIES)
        SELECT r.id, r.metric_id, r.method_id, r.plus_minus, r.unit, r.score, r.raw, r.setting, r.extra_data, r.params_text,
               r.params, r.reported_in, r.source, r.source_url, r.confidence, me.name, me.slug, coalesce(p.title, ''),
               coalesce(p.slug, ''), p.year, p.published, coalesce(nullif(p.code_url, ''), me.code_url)
        FROM results r
        JOIN methods me ON me.id = r.method_id
        LEFT JOIN papers p ON p.id = r.paper_id
        WHERE r.dataset_id = p_dataset AND r.retired_at IS NULL AND r.method_id IN (SELECT t.method_id FROM top t)
        ORDER BY r.id;
    ELSE
        RETURN QUERY
        WITH top AS (
            SELECT c.method_id FROM board_cells c
            WHERE c.dataset_id = p_dataset AND c.metric_id = p_metric AND (p_exclude IS NULL OR c.setting <> ALL(p_exclude))
            ORDER BY c.score ASC
            FETCH FIRST (p_n) ROWS WITH TIES)
        SELECT r.id, r.metric_id, r.method_id, r.plus_minus, r.unit, r.score, r.raw, r.setting, r.extra_data, r.params_text,
               r.params, r.reported_in, r.source, r.source_url, r.confidence, me.name, me.slug, coalesce(p.title, ''),
               coalesce(p.slug, ''), p.year, p.published, coalesce(nullif(p.code_url, ''), me.code_url)
        FROM results r
        JOIN methods me ON me.id = r.method_id
        LEFT JOIN papers p ON p.id = r.paper_id
        WHERE r.dataset_id = p_dataset AND r.retired_at IS NULL AND r.method_id IN (SELECT t.method_id FROM top t)
        ORDER BY r.id;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION board_head(bigint, bigint, integer, text[], boolean);
DROP FUNCTION board_dataset(text);
