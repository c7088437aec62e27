-- +goose Up
-- The results changed since they came in (corrected, retired, reverted,
-- or updated by a later import): every write bumps version. An import
-- checks whether each record is a report a moderator has since corrected
-- (store's planSQL, "superseded"); only these results can be, since one
-- never changed still holds what came in. Without this index the check
-- probed every report of the record's method on the board and the
-- revisions of each: 0.7 s for 1,000 records once a method had 170
-- reports on a board.
CREATE INDEX results_changed_idx ON results (dataset_id, metric_id, method_id) WHERE version > 1;

-- +goose Down
DROP INDEX results_changed_idx;
