-- +goose Up
-- The search's methods nearest first. A common stem ("ResNet-S") is
-- similar to thousands of method names ("ResNet-S-0" … "ResNet-S-4999" at
-- the bench's scale): matched through the GIN index, each candidate's
-- similarity was computed to recheck it and again to rank it, 58 of a
-- search's 63 ms, to keep 20. A GiST index hands names out nearest first
-- (ORDER BY … <-> …), so the search reads only the first ones, ties
-- included (store.Search). It is on lower(name), which pg_trgm's
-- trigrams do not tell from name (they are lower-cased), so that the
-- ILIKE branch keeps the GIN index, which the planner preferred this one
-- to where both were on name, at four times the cost.
CREATE INDEX methods_name_nearest ON methods USING gist (lower(name) gist_trgm_ops);

-- +goose Down
DROP INDEX methods_name_nearest;
