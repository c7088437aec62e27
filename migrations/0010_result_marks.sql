-- +goose Up
-- verified: the source itself says it checked the number (a Hugging Face
-- model card's "verified: true"); the result's page shows it.
-- needs_review: an import completed the result by a rule a moderator
-- should look at (a Papers with Code row without a model name is listed
-- under its paper's title). A partial index finds the few such results.
ALTER TABLE results
    ADD COLUMN verified boolean NOT NULL DEFAULT false,
    ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
CREATE INDEX results_needs_review_idx ON results (id) WHERE needs_review;

-- +goose Down
DROP INDEX results_needs_review_idx;
ALTER TABLE results DROP COLUMN needs_review, DROP COLUMN verified;
