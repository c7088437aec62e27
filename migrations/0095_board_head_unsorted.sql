-- +goose Up
-- board_head_rows is board_head (migration 0075) without its ORDER BY:
-- the same rows, in no particular order. Postgres sorted the whole wide
-- rows (22 columns, paper titles among them) only to hand them over in
-- result id order: on the bench's 10,000-row board, whose head is 396
-- reports, the sort was about a fifth of the statement's CPU. The caller
-- (store.BoardTop) puts them in id order itself, sorting an index of
-- their ids. board_head stays for a binary of the previous version.

-- +goose StatementBegin
CREATE FUNCTION board_head_rows(p_dataset bigint, p_metric bigint, p_n integer, p_exclude text[], p_desc boolean)
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
        WHERE r.dataset_id = p_dataset AND r.retired_at IS NULL AND r.method_id IN (SELECT t.method_id FROM top t);
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
        WHERE r.dataset_id = p_dataset AND r.retired_at IS NULL AND r.method_id IN (SELECT t.method_id FROM top t);
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION board_head_rows(bigint, bigint, integer, text[], boolean);
