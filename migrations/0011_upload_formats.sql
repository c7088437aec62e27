-- +goose Up
-- Moderators upload every format the importer reads, and a zip of a
-- folder of them (model-index files with their Metadata and Import files).
ALTER TABLE uploads DROP CONSTRAINT uploads_format_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_format_check
    CHECK (format IN ('csv', 'pwc', 'model-index', 'hf-card', 'lm-eval', 'zip'));

-- +goose Down
DELETE FROM uploads WHERE format NOT IN ('csv', 'pwc');
ALTER TABLE uploads DROP CONSTRAINT uploads_format_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_format_check CHECK (format IN ('csv', 'pwc'));
