-- +goose Up
-- The board's head in two steps. board_head_rows (migration 0095) reads
-- every report of every method among the first n rows WITH TIES: on the
-- bench's 10,000-row board 171 rows share the top score, and the first
-- page's 100 of them came with 396 reports, each with its method and
-- paper. Which 100 of the tied rows the page shows is decided by the
-- method's name and the row's first report (ranking.Sort), both kept in
-- board_cells (migration 0085). So board_head_cells hands over the cells
-- of the first n rows with ties, with those two; the caller orders them
-- as the page does (ranking.SortByFirst), keeps the first n, and reads
-- the reports of just their methods with board_head_of.

-- +goose StatementBegin
CREATE FUNCTION board_head_cells(p_dataset bigint, p_metric bigint, p_n integer, p_exclude text[], p_desc boolean)
RETURNS TABLE (method_id bigint, method_name text, row_first bigint, score double precision)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    -- The direction is in the text of each statement, so that each walks
    -- board_cells_rank_idx its own way: two statements, two cached plans.
    IF p_desc THEN
        RETURN QUERY
        SELECT c.method_id, c.method_name, c.row_first, c.score FROM board_cells c
        WHERE c.dataset_id = p_dataset AND c.metric_id = p_metric AND (p_exclude IS NULL OR c.setting <> ALL(p_exclude))
        ORDER BY c.score DESC
        FETCH FIRST (p_n) ROWS WITH TIES;
    ELSE
        RETURN QUERY
        SELECT c.method_id, c.method_name, c.row_first, c.score FROM board_cells c
        WHERE c.dataset_id = p_dataset AND c.metric_id = p_metric AND (p_exclude IS NULL OR c.setting <> ALL(p_exclude))
        ORDER BY c.score ASC
        FETCH FIRST (p_n) ROWS WITH TIES;
    END IF;
END
$$;
-- +goose StatementEnd

-- board_head_of returns the live reports of the methods p_methods on the
-- board, with the columns board_head_rows returns, in no particular order.
-- +goose StatementBegin
CREATE FUNCTION board_head_of(p_dataset bigint, p_methods bigint[])
RETURNS TABLE (id bigint, metric_id bigint, method_id bigint, plus_minus double precision, unit text, score double precision,
               raw text, setting text, extra_data boolean, params_text text, params double precision, reported_in text,
               source text, source_url text, confidence text, method_name text, method_slug text, paper_title text,
               paper_slug text, paper_year smallint, paper_date date, code_url text)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, r.metric_id, r.method_id, r.plus_minus, r.unit, r.score, r.raw, r.setting, r.extra_data, r.params_text,
           r.params, r.reported_in, r.source, r.source_url, r.confidence, me.name, me.slug, coalesce(p.title, ''),
           coalesce(p.slug, ''), p.year, p.published, coalesce(nullif(p.code_url, ''), me.code_url)
    FROM results r
    JOIN methods me ON me.id = r.method_id
    LEFT JOIN papers p ON p.id = r.paper_id
    WHERE r.dataset_id = p_dataset AND r.retired_at IS NULL AND r.method_id = ANY(p_methods);
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION board_head_of(bigint, bigint[]);
DROP FUNCTION board_head_cells(bigint, bigint, integer, text[], boolean);
