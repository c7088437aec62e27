-- +goose Up
-- Candidates read out of paper text by `benchboard extract` wait in the
-- moderation queue like any other proposal, with the sentence they came
-- from. dedupe_key makes running the extractor twice on the same text add
-- nothing new.
ALTER TABLE submissions
    ADD COLUMN submitted_by text NOT NULL DEFAULT '' CHECK (length(submitted_by) <= 100),
    ADD COLUMN evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 4000),
    ADD COLUMN dedupe_key text UNIQUE CHECK (dedupe_key IS NULL OR length(dedupe_key) = 64);

-- +goose Down
ALTER TABLE submissions DROP COLUMN dedupe_key, DROP COLUMN evidence, DROP COLUMN submitted_by;
