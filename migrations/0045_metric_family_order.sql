-- +goose Up
-- A leaderboard's metric columns follow metrics.position, which an import
-- gives in the order it first meets each metric. CUHK-PEDES's first row
-- reports Rank-1 and Rank-10, so its columns ran Rank-1, Rank-10, Rank-5.
-- Metrics of one family, the same name but for its numbers (Rank-1,
-- Rank-5, Rank-10; Top-1, Top-5 accuracy), now take the family's
-- positions in numeric order; every other metric keeps its place. A
-- statement trigger keeps this after every insert, whichever path (seed,
-- import, moderation) made the metric.
-- +goose StatementBegin
CREATE FUNCTION order_metric_families(datasets bigint[]) RETURNS void
LANGUAGE sql AS $$
    WITH fam AS (
        SELECT id, dataset_id, position,
               regexp_replace(lower(name), '[0-9]+', '#', 'g') AS shape,
               ARRAY(SELECT x[1]::numeric FROM regexp_matches(name, '[0-9]+', 'g') x) AS nums
        FROM metrics
        WHERE name ~ '[0-9]' AND (datasets IS NULL OR dataset_id = ANY (datasets))
    ), by_number AS (
        SELECT id, dataset_id, shape, row_number() OVER (PARTITION BY dataset_id, shape ORDER BY nums, id) AS k FROM fam
    ), by_position AS (
        SELECT dataset_id, shape, position, row_number() OVER (PARTITION BY dataset_id, shape ORDER BY position, id) AS k FROM fam
    )
    UPDATE metrics m SET position = p.position
    FROM by_number n JOIN by_position p USING (dataset_id, shape, k)
    WHERE m.id = n.id AND m.position <> p.position
$$;

CREATE FUNCTION metrics_order_families() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM order_metric_families(ARRAY(SELECT DISTINCT dataset_id FROM new_metrics));
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER metrics_order_families AFTER INSERT ON metrics
    REFERENCING NEW TABLE AS new_metrics FOR EACH STATEMENT EXECUTE FUNCTION metrics_order_families();

SELECT order_metric_families(NULL);

-- +goose Down
DROP TRIGGER metrics_order_families ON metrics;
DROP FUNCTION metrics_order_families();
DROP FUNCTION order_metric_families(bigint[]);
