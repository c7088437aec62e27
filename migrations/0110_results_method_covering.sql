-- +goose Up
-- A method's page ranks all of its live results to show a page of them
-- (store.MethodBest: its best per dataset; MethodReports: every one), and
-- reads of each only its id, dataset, metric and score. With those kept in
-- results_method_idx, the few thousand results of the most reported
-- method are read from the index alone, not from as many heap pages: at
-- the bench's scale, 3,931 results on 2,860 pages took 10 of the page's
-- 22 ms in Postgres, and 1.2 ms from the index. The key is unchanged, so
-- every other use of the index (the board's head, merges) is as before.
DROP INDEX results_method_idx;
CREATE INDEX results_method_idx ON results (method_id, dataset_id) INCLUDE (metric_id, score, id, retired_at);

-- +goose Down
DROP INDEX results_method_idx;
CREATE INDEX results_method_idx ON results (method_id, dataset_id);
