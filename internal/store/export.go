package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// exportSQL reads results in the seed format's columns. Rows stream from
// the server as they are read, so memory stays bounded for any size.
const exportSQL = `
SELECT t.name, d.name, coalesce(pd.name, ''), m.name, m.higher_is_better, m.unit, m.is_primary,
       me.name, r.value, r.plus_minus, r.unit, r.raw, r.setting, r.extra_data, r.params_text, r.compute_text,
       coalesce(p.title, ''), coalesce(p.arxiv_id, ''), coalesce(p.url, ''), p.published, coalesce(p.date_precision, ''), p.year, coalesce(p.code_url, ''),
       r.reported_in, r.source, r.source_url, r.confidence, r.note, m.direction_needs_review
FROM results r
JOIN datasets d ON d.id = r.dataset_id
JOIN tasks t ON t.id = d.task_id
LEFT JOIN datasets pd ON pd.id = d.parent_id
JOIN metrics m ON m.id = r.metric_id
JOIN methods me ON me.id = r.method_id
LEFT JOIN papers p ON p.id = r.paper_id
WHERE r.retired_at IS NULL AND ($1::bigint IS NULL OR r.dataset_id = $1)
ORDER BY r.dataset_id, r.id`

// ExportSQL is the export's query, for the benchmark that compares it
// with Postgres' own COPY.
func ExportSQL() string { return exportSQL }

// Rows is an open export cursor.
type Rows struct {
	rows *sql.Rows
}

// Export opens a cursor over the live results of one dataset (datasetID
// > 0) or of all. The caller must Close it.
func (s *Store) Export(ctx context.Context, datasetID int64) (*Rows, error) {
	var ds *int64
	if datasetID > 0 {
		ds = &datasetID
	}
	rows, err := s.r(ctx).Raw(exportSQL, ds).Rows()
	if err != nil {
		return nil, fmt.Errorf("store: export: %w", err)
	}
	return &Rows{rows: rows}, nil
}

// Next reads the next record; ok is false after the last one.
func (r *Rows) Next(rec *model.Record) (ok bool, err error) {
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return false, fmt.Errorf("store: export: %w", err)
		}
		return false, nil
	}
	var (
		pm        sql.NullFloat64
		published sql.NullTime
		precision string
		year      sql.NullInt64
	)
	err = r.rows.Scan(&rec.Task, &rec.Dataset, &rec.ParentDataset, &rec.Metric, &rec.HigherIsBetter, &rec.MetricUnit,
		&rec.PrimaryMetric, &rec.Method, &rec.Value, &pm, &rec.Unit, &rec.Raw, &rec.Setting, &rec.ExtraData,
		&rec.Params, &rec.Compute, &rec.PaperTitle, &rec.ArxivID, &rec.PaperURL, &published, &precision, &year, &rec.CodeURL,
		&rec.ReportedIn, &rec.Source, &rec.SourceURL, &rec.Confidence, &rec.Note, &rec.DirectionInferred)
	if err != nil {
		return false, fmt.Errorf("store: export scan: %w", err)
	}
	rec.PlusMinus = nil
	if pm.Valid {
		v := pm.Float64
		rec.PlusMinus = &v
	}
	rec.PaperDate = ""
	switch {
	case published.Valid && precision == model.PrecisionMonth:
		rec.PaperDate = published.Time.Format("2006-01")
	case published.Valid:
		rec.PaperDate = published.Time.Format(time.DateOnly)
	case year.Valid:
		rec.PaperDate = fmt.Sprint(year.Int64)
	}
	return true, nil
}

// Close releases the cursor.
func (r *Rows) Close() error { return r.rows.Close() }
