-- +goose Up
-- The search's methods nearest first. A common stem ("ResNet-S") is
-- similar to thousands of method names ("ResNet-S-0" … "ResNet-S-4999" at
-- the bench's scale): matched through the GIN index, each candidate's
-- similarity was computed to recheck it and again to rank it, 58 of a
-- search's 63 ms, to keep 20. A GiST index hands names out nearest first
-- (ORDER BY … <-> …), so the search reads only the first ones, ties
-- included (store.Search).
--
-- Which expression it is built on matters. On name, the planner took it
-- for the search's ILIKE branch too, at four times the GIN index's cost.
-- On lower(name), it took it for every lookup of a method by name
-- (lower(name) = lower($1): the import's catalogue, aliases, corrections),
-- since pg_trgm's GiST class answers "=" as well, at the same estimated
-- cost as the unique b-tree: 328 ms a lookup at 100,000 methods. So it is
-- built on trigram_key(name), which only the search calls. trigram_key is
-- lower(), whose trigrams pg_trgm does not tell from the name's (it
-- lower-cases them); its SET clause keeps Postgres from inlining it into
-- lower(), which would make the index match the lookups again.
-- +goose StatementBegin
CREATE FUNCTION trigram_key(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$ SELECT lower(t) $$;
-- +goose StatementEnd

CREATE INDEX methods_name_nearest ON methods USING gist (trigram_key(name) gist_trgm_ops);

-- +goose Down
DROP INDEX methods_name_nearest;
DROP FUNCTION trigram_key(text);
