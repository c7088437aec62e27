-- +goose Up
-- The catalogue: tasks own datasets; a dataset may sit under a parent
-- (GenomicBenchmarks groups eight datasets) and owns its metrics.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tasks (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE datasets (
    id          bigserial PRIMARY KEY,
    task_id     bigint NOT NULL REFERENCES tasks(id),
    parent_id   bigint REFERENCES datasets(id),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    -- data_version is bumped by every write that touches the dataset's
    -- results; caches key on it, so every instance sees a write at once.
    data_version bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX datasets_task_idx ON datasets (task_id);
CREATE INDEX datasets_parent_idx ON datasets (parent_id);
CREATE INDEX datasets_name_trgm ON datasets USING gin (name gin_trgm_ops);

-- Other names a dataset is known by ("ImageNet" for ImageNet-1k).
CREATE TABLE dataset_aliases (
    alias       text PRIMARY KEY CHECK (length(alias) BETWEEN 1 AND 200),
    dataset_id  bigint NOT NULL REFERENCES datasets(id)
);
CREATE UNIQUE INDEX dataset_aliases_lower_idx ON dataset_aliases (lower(alias));

CREATE TABLE metrics (
    id               bigserial PRIMARY KEY,
    dataset_id       bigint NOT NULL REFERENCES datasets(id),
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Direction is never guessed silently: it is required, and an inferred
    -- one (from an import that does not say) waits for a moderator.
    higher_is_better boolean NOT NULL,
    direction_needs_review boolean NOT NULL DEFAULT false,
    unit             text NOT NULL DEFAULT '' CHECK (unit IN ('%', 'fraction', '')),
    decimals         smallint NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 8),
    is_primary       boolean NOT NULL DEFAULT false,
    position         integer NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, name),
    UNIQUE (dataset_id, slug)
);
CREATE UNIQUE INDEX metrics_one_primary_idx ON metrics (dataset_id) WHERE is_primary;

CREATE TABLE papers (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    arxiv_id    text UNIQUE CHECK (arxiv_id IS NULL OR arxiv_id ~ '^[0-9]{4}\.[0-9]{4,5}$'),
    url         text NOT NULL DEFAULT '',
    published   date,
    year        smallint CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
    code_url    text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX papers_title_idx ON papers (lower(title)) WHERE arxiv_id IS NULL;
CREATE INDEX papers_title_trgm ON papers USING gin (title gin_trgm_ops);

CREATE TABLE methods (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    paper_id    bigint REFERENCES papers(id),
    code_url    text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- Names match case-insensitively: "deit-b" and "DeiT-B" are one method.
CREATE UNIQUE INDEX methods_name_lower_idx ON methods (lower(name));
CREATE INDEX methods_name_trgm ON methods USING gin (name gin_trgm_ops);
CREATE INDEX methods_paper_idx ON methods (paper_id);

CREATE TABLE method_aliases (
    alias       text PRIMARY KEY CHECK (length(alias) BETWEEN 1 AND 300),
    method_id   bigint NOT NULL REFERENCES methods(id)
);
CREATE UNIQUE INDEX method_aliases_lower_idx ON method_aliases (lower(alias));

-- One reported number: method × dataset × metric, as one source gives it.
CREATE TABLE results (
    id            bigserial PRIMARY KEY,
    dataset_id    bigint NOT NULL REFERENCES datasets(id),
    metric_id     bigint NOT NULL REFERENCES metrics(id),
    method_id     bigint NOT NULL REFERENCES methods(id),
    paper_id      bigint REFERENCES papers(id),           -- introduced the method
    value         double precision NOT NULL CHECK (value = value AND value NOT IN ('Infinity', '-Infinity')),
    plus_minus    double precision CHECK (plus_minus IS NULL OR (plus_minus = plus_minus AND plus_minus >= 0 AND plus_minus <> 'Infinity')),
    unit          text NOT NULL DEFAULT '' CHECK (unit IN ('%', 'fraction', '')),
    -- score is value converted into the metric's unit, so that 0.793 and
    -- 79.3 rank together; value and raw stay as reported.
    score         double precision NOT NULL CHECK (score = score AND score NOT IN ('Infinity', '-Infinity')),
    raw           text NOT NULL DEFAULT '' CHECK (length(raw) <= 200),
    setting       text NOT NULL DEFAULT '' CHECK (length(setting) <= 300),
    extra_data    boolean NOT NULL DEFAULT false,
    params_text   text NOT NULL DEFAULT '' CHECK (length(params_text) <= 100),
    params        double precision CHECK (params IS NULL OR (params > 0 AND params <> 'Infinity')),
    compute_text  text NOT NULL DEFAULT '' CHECK (length(compute_text) <= 100),
    reported_in   text NOT NULL DEFAULT '' CHECK (length(reported_in) <= 500),
    source        text NOT NULL DEFAULT '' CHECK (length(source) <= 500),
    source_url    text NOT NULL DEFAULT '' CHECK (source_url = '' OR source_url ~ '^https?://'),
    confidence    text NOT NULL DEFAULT 'high' CHECK (confidence IN ('high', 'med', 'low')),
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    retired_at    timestamptz,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- The same number from the same place is one result, however often it is
-- seeded or imported; a different number for the same report is kept beside
-- it and shown as a conflict.
CREATE UNIQUE INDEX results_report_idx ON results
    (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score);
CREATE INDEX results_board_idx ON results (dataset_id, metric_id, score) WHERE retired_at IS NULL;
CREATE INDEX results_method_idx ON results (method_id, dataset_id);
CREATE INDEX results_paper_idx ON results (paper_id);
CREATE INDEX results_metric_idx ON results (metric_id);

-- Every change to a result, whoever made it: before and after as JSON.
CREATE TABLE revisions (
    id          bigserial PRIMARY KEY,
    result_id   bigint NOT NULL REFERENCES results(id),
    action      text NOT NULL CHECK (action IN ('seed', 'import', 'correction', 'add', 'retire', 'revert', 'create')),
    actor       text NOT NULL DEFAULT '',
    reason      text NOT NULL DEFAULT '',
    before      jsonb,
    after       jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revisions_result_idx ON revisions (result_id, id);
CREATE INDEX revisions_recent_idx ON revisions (id DESC);

-- The fields of a result that a revision records, as one JSON object.
-- +goose StatementBegin
CREATE FUNCTION result_snapshot(r results) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'value', r.value, 'plus_minus', r.plus_minus, 'unit', r.unit, 'raw', r.raw,
        'setting', r.setting, 'extra_data', r.extra_data, 'params', r.params_text,
        'compute', r.compute_text, 'reported_in', r.reported_in, 'source', r.source,
        'source_url', r.source_url, 'confidence', r.confidence, 'note', r.note,
        'paper_id', r.paper_id, 'retired', r.retired_at IS NOT NULL, 'version', r.version)
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION result_snapshot(results);
DROP TABLE revisions, results, method_aliases, methods, papers, metrics, dataset_aliases, datasets, tasks;
