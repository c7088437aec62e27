-- +goose Up
-- Corrections: anyone proposes a change to a result (or a new result, or a
-- flag), a moderator approves or rejects it. Moderators, their sessions,
-- the rate limits and the signing key live here too, so that every app
-- instance serves every request the same way.

-- Moderator accounts. Emails are stored trimmed and lower-cased.
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email) AND strpos(email, '@') > 1),
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled_at   timestamptz,
    last_login_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A login. The cookie carries a random id; only its SHA-256 is stored, so
-- a copy of this table opens no session.
CREATE TABLE sessions (
    id_hash     bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    user_id     bigint NOT NULL REFERENCES users(id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Rate limits shared by every instance: one row per key ("submit:<ip>",
-- "login-ip:<ip>", "login-user:<email>") holding the theoretical arrival
-- time of the generic cell rate algorithm. A row whose tat has passed
-- means the same as no row and may be deleted at any time.
CREATE TABLE rate_limits (
    key  text PRIMARY KEY CHECK (length(key) <= 400),
    tat  timestamptz NOT NULL
);
CREATE INDEX rate_limits_tat_idx ON rate_limits (tat);

-- Keys every instance must share, made once by whichever starts first:
-- "forms" signs CSRF tokens and the time a form was served.
CREATE TABLE app_secrets (
    name       text PRIMARY KEY,
    value      bytea NOT NULL CHECK (length(value) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A proposed change. before/after hold the proposal's fields (numbers in
-- the metric's unit) as the submitter saw and changed them; base_version is
-- the result's version they saw: approval applies the change only if the
-- result still has it.
CREATE TABLE submissions (
    id                bigserial PRIMARY KEY,
    token             text NOT NULL UNIQUE CHECK (token ~ '^[0-9a-f]{32}$'),
    kind              text NOT NULL CHECK (kind IN ('correct', 'flag', 'add')),
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    dataset_id        bigint NOT NULL REFERENCES datasets(id),
    result_id         bigint REFERENCES results(id),
    base_version      integer,
    before            jsonb,
    after             jsonb,
    flag_reason       text NOT NULL DEFAULT '' CHECK (flag_reason IN ('', 'wrong', 'duplicate', 'not-comparable')),
    note              text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    decided_at        timestamptz,
    decided_by        bigint REFERENCES users(id),
    decision_note     text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 2000),
    applied_result_id bigint REFERENCES results(id),
    CHECK ((kind = 'add') = (result_id IS NULL)),
    CHECK ((kind = 'add') = (base_version IS NULL)),
    CHECK ((kind = 'flag') = (flag_reason <> '')),
    CHECK (kind = 'flag' OR after IS NOT NULL),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX submissions_pending_idx ON submissions (created_at, id) WHERE status = 'pending';
CREATE INDEX submissions_pending_dataset_idx ON submissions (dataset_id, created_at, id) WHERE status = 'pending';
CREATE INDEX submissions_result_idx ON submissions (result_id);

-- The revision an approved submission wrote.
ALTER TABLE revisions ADD COLUMN submission_id bigint REFERENCES submissions(id);

-- +goose Down
ALTER TABLE revisions DROP COLUMN submission_id;
DROP TABLE submissions, app_secrets, rate_limits, sessions, users;
