-- +goose Up
-- A moderator merges one dataset, metric or method into another: its
-- results move, its name becomes an alias of the other, and it is
-- deleted. The merge is one entry in the history, with everything it
-- changed (journal: each row's columns before, each row it deleted or
-- inserted), so that undoing it puts every row back, as one entry too.
CREATE TABLE merges (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('dataset', 'metric', 'method')),
    from_id      bigint NOT NULL,   -- deleted by the merge: no foreign key
    into_id      bigint NOT NULL,
    from_name    text NOT NULL,
    into_name    text NOT NULL,
    dataset_id   bigint,                   -- a metric merge's dataset
    dataset_name text NOT NULL DEFAULT '', -- and its name
    moved        integer NOT NULL CHECK (moved >= 0),   -- results moved
    folded       integer NOT NULL CHECK (folded >= 0),  -- duplicate reports folded into the other's
    journal      jsonb NOT NULL,
    user_id      bigint NOT NULL REFERENCES users(id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    undone_at    timestamptz,
    undone_by    bigint REFERENCES users(id),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE INDEX merges_recent_idx ON merges (id DESC);
CREATE INDEX merges_rows_idx ON merges (kind, into_id) WHERE undone_at IS NULL;

-- +goose Down
DROP TABLE merges;
