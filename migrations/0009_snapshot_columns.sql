-- +goose Up
-- result_snapshot ran as a function call per row, never inlined: it was
-- declared IMMUTABLE, and Postgres inlines a SQL function only when its
-- body is no more volatile than declared (jsonb_build_object is STABLE).
-- Called on a row it also builds the whole row value first. Both cost an
-- import writing a million revisions seconds. The snapshot's shape now
-- lives in a STABLE function of the columns, which the row version calls
-- and an import calls on the row it has just inserted.
-- +goose StatementBegin
CREATE FUNCTION result_snapshot(value double precision, plus_minus double precision, unit text, raw text,
    setting text, extra_data boolean, params text, compute text, reported_in text, source text, source_url text,
    confidence text, note text, paper_id bigint, retired boolean, version integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'value', value, 'plus_minus', plus_minus, 'unit', unit, 'raw', raw,
        'setting', setting, 'extra_data', extra_data, 'params', params,
        'compute', compute, 'reported_in', reported_in, 'source', source,
        'source_url', source_url, 'confidence', confidence, 'note', note,
        'paper_id', paper_id, 'retired', retired, 'version', version)
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION result_snapshot(r results) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT result_snapshot(r.value, r.plus_minus, r.unit, r.raw, r.setting, r.extra_data, r.params_text,
        r.compute_text, r.reported_in, r.source, r.source_url, r.confidence, r.note, r.paper_id,
        r.retired_at IS NOT NULL, r.version)
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION result_snapshot(r results) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'value', r.value, 'plus_minus', r.plus_minus, 'unit', r.unit, 'raw', r.raw,
        'setting', r.setting, 'extra_data', r.extra_data, 'params', r.params_text,
        'compute', r.compute_text, 'reported_in', r.reported_in, 'source', r.source,
        'source_url', r.source_url, 'confidence', r.confidence, 'note', r.note,
        'paper_id', r.paper_id, 'retired', r.retired_at IS NOT NULL, 'version', r.version)
$$;
-- +goose StatementEnd
DROP FUNCTION result_snapshot(double precision, double precision, text, text, text, boolean, text, text, text,
    text, text, text, text, bigint, boolean, integer);
