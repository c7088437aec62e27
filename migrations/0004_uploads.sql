-- +goose Up
-- Files moderators upload for import. The upload, its dry run and the
-- confirmation are separate requests that may land on different
-- instances, so the bytes wait here, not on one instance's disk. A row is
-- deleted when the import is confirmed or cancelled; rows older than a
-- day are deleted by the next upload and never served.
CREATE TABLE uploads (
    token         text PRIMARY KEY CHECK (token ~ '^[0-9a-f]{32}$'),
    user_id       bigint NOT NULL REFERENCES users(id),
    file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    format        text NOT NULL CHECK (format IN ('csv', 'pwc')),
    size          bigint NOT NULL CHECK (size >= 0),
    data          bytea NOT NULL,
    -- The dry run's summary (importer.Summary as JSON), shown as the preview.
    preview       jsonb NOT NULL,
    -- Set while a confirmed import runs, so that a double click or a second
    -- tab does not run it twice.
    confirming_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_created_idx ON uploads (created_at);
CREATE INDEX uploads_user_idx ON uploads (user_id);

-- Every direction a moderator set on a metric, in the same transaction as
-- the change: an inferred direction is never confirmed or flipped silently.
CREATE TABLE metric_direction_changes (
    id                      bigserial PRIMARY KEY,
    metric_id               bigint NOT NULL REFERENCES metrics(id),
    user_id                 bigint NOT NULL REFERENCES users(id),
    before_higher_is_better boolean NOT NULL,
    higher_is_better        boolean NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX metric_direction_changes_metric_idx ON metric_direction_changes (metric_id, id);
CREATE INDEX metric_direction_changes_recent_idx ON metric_direction_changes (id DESC);

-- +goose Down
DROP TABLE metric_direction_changes, uploads;
