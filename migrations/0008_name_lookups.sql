-- +goose Up
-- Imports find tasks and datasets by name whatever its case, as the
-- catalogue does for methods and papers. Without these indexes each new
-- dataset's lookup read the whole datasets table: 13 s of an import that
-- brought 10,000 datasets in.
CREATE INDEX tasks_name_lower_idx ON tasks (lower(name));
CREATE INDEX datasets_name_lower_idx ON datasets (lower(name));

-- +goose Down
DROP INDEX datasets_name_lower_idx;
DROP INDEX tasks_name_lower_idx;
