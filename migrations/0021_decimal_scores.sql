-- +goose Up
-- A result reported in another unit than its metric's (0.911 as a
-- fraction on a % board) had its score computed by multiplying in binary:
-- 91.10000000000001. Imports now move the decimal point instead
-- (model.ConvertUnit); this rewrites the scores stored before, through
-- numeric, which keeps the decimal. A score that would then equal another
-- report's of the same result is left as it is rather than break the
-- unique report index.
WITH fixed AS (
    SELECT r.id, r.dataset_id,
        CASE WHEN r.unit = 'fraction' THEN (r.value::numeric * 100)::float8
             ELSE (r.value::numeric / 100)::float8 END AS score
    FROM results r JOIN metrics m ON m.id = r.metric_id
    WHERE (r.unit, m.unit) IN (('fraction', '%'), ('%', 'fraction'))
), changed AS (
    UPDATE results r SET score = f.score
    FROM fixed f
    WHERE r.id = f.id AND r.score <> f.score
      AND NOT EXISTS (SELECT 1 FROM results o
          WHERE o.dataset_id = r.dataset_id AND o.metric_id = r.metric_id AND o.method_id = r.method_id
            AND o.setting = r.setting AND o.extra_data = r.extra_data AND o.params_text = r.params_text
            AND o.reported_in = r.reported_in AND o.score = f.score AND o.id <> r.id)
    RETURNING r.dataset_id
)
UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM changed);


-- A metric's decimals come from what was reported: the digits after the
-- point of each result's first number, moved with the point when the
-- result converts (0.806 as a fraction shows one decimal as a percent).
-- The binary products above made fraction imports set 4 decimals
-- (80.6000 ± 0.5000); this brings such metrics back down, never up.
WITH reported AS (
    SELECT r.metric_id, max(greatest(0, least(6,
        length(coalesce(substring(coalesce(nullif(r.raw, ''), r.value::text) from '^[^0-9]*[0-9][0-9,]*\.([0-9]+)'), ''))
        + CASE WHEN (r.unit, m.unit) = ('fraction', '%') THEN -2
               WHEN (r.unit, m.unit) = ('%', 'fraction') THEN 2 ELSE 0 END))) AS decimals
    FROM results r JOIN metrics m ON m.id = r.metric_id
    GROUP BY r.metric_id
), lowered AS (
    UPDATE metrics m SET decimals = x.decimals
    FROM reported x WHERE m.id = x.metric_id AND x.decimals < m.decimals
    RETURNING m.dataset_id
)
UPDATE datasets SET data_version = data_version + 1 WHERE id IN (SELECT dataset_id FROM lowered);

-- +goose Down
-- The binary products are not worth restoring.
SELECT 1;
