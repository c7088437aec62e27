-- +goose Up
-- How much of a paper's date is known. Until now a paper had a day
-- (published) or only a year (year), and charts put a year-only paper on
-- 1 January. A month ("2023-06") is now kept too, as the first of the
-- month in published. Rows written by code that does not set the column
-- (NULL) read as before: 'day' with published, 'year' without.
ALTER TABLE papers ADD COLUMN date_precision text
    CHECK (date_precision IN ('year', 'month', 'day'));
UPDATE papers SET date_precision = CASE WHEN published IS NOT NULL THEN 'day' ELSE 'year' END
WHERE published IS NOT NULL OR year IS NOT NULL;
ALTER TABLE papers ADD CONSTRAINT papers_date_precision_known CHECK (
    date_precision IS NULL
    OR (date_precision = 'year' AND year IS NOT NULL)
    OR (date_precision IN ('month', 'day') AND published IS NOT NULL));

-- +goose Down
ALTER TABLE papers DROP COLUMN date_precision;
