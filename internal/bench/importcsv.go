package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
)

// writeCSV writes every planned result in the import format.
func writeCSV(ctx context.Context, w io.Writer, p *Plan) error {
	cw, err := csvio.NewWriter(w)
	if err != nil {
		return err
	}
	next := int64(1)
	for i := range p.Datasets {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := p.Generate(&p.Datasets[i], &next, func(r *Row) error { return cw.Write(p.Record(r)) })
		if err != nil {
			return err
		}
	}
	return cw.Close()
}

// writeCSVFile writes the import file once, so that generating it costs
// neither side of the comparison.
func writeCSVFile(ctx context.Context, path string, p *Plan) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := writeCSV(ctx, bw, p); err != nil {
		f.Close()
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	return st.Size(), f.Close()
}

// importCopyTable has one column per CSV column, typed as the results
// table types them: the floor is Postgres taking the same bytes in.
const importCopyTable = `CREATE TABLE bench_import_copy (
    task text, dataset text, parent_dataset text, metric text, higher_is_better boolean, metric_unit text,
    primary_metric boolean, method text, value double precision, plus_minus double precision, unit text, raw text,
    setting text, extra_data boolean, params text, compute text, paper_title text, arxiv_id text, paper_url text,
    paper_date text, code_url text, reported_in text, source text, source_url text, confidence text, note text,
    direction_inferred boolean)`

// ImportResult compares the import command's path with COPY FROM STDIN
// of the same CSV file.
type ImportResult struct {
	Ingest, Copy Transfer
	Summary      store.Summary
	FileBytes    int64
	Finished     bool // false: the ingest hit the time limit and rolled back
}

// measureImport writes the plan's results as one CSV file, then loads it
// into a fresh database twice: with COPY … FROM STDIN into a plain table,
// and through importer.ImportFile, what `benchboard import` runs.
func measureImport(ctx context.Context, serverURL, name, tmp string, p *Plan, limit time.Duration, progress func(string)) (ImportResult, error) {
	var res ImportResult
	path := filepath.Join(tmp, "import.csv")
	size, err := writeCSVFile(ctx, path, p)
	if err != nil {
		return res, fmt.Errorf("bench: write the import file: %w", err)
	}
	defer os.Remove(path)
	res.FileBytes = size
	if err := recreate(ctx, serverURL, name); err != nil {
		return res, err
	}
	dsn, err := dbURL(serverURL, name)
	if err != nil {
		return res, err
	}
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return res, err
	}

	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return res, err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, importCopyTable); err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}
	src, err := os.Open(path)
	if err != nil {
		return res, err
	}
	start := time.Now()
	tag, err := conn.PgConn().CopyFrom(ctx, bufio.NewReaderSize(src, 1<<20), "COPY bench_import_copy FROM STDIN WITH (FORMAT csv, HEADER true)")
	src.Close()
	if err != nil {
		return res, fmt.Errorf("bench: COPY FROM: %w", err)
	}
	res.Copy = Transfer{Rows: tag.RowsAffected(), Elapsed: time.Since(start)}
	if _, err := conn.Exec(ctx, "DROP TABLE bench_import_copy"); err != nil {
		return res, err
	}
	if progress != nil {
		progress(fmt.Sprintf("COPY FROM: %d rows in %s; now importer.ImportFile (one transaction)", res.Copy.Rows, res.Copy.Elapsed.Round(time.Millisecond)))
	}

	db, err := database.Open(ctx, dsn, 4)
	if err != nil {
		return res, err
	}
	defer database.Close(db)
	ictx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	start = time.Now()
	done := 0
	// The import command's own path: importer.ImportFile parses in a
	// goroutine of its own and feeds store.Ingest, all in one transaction.
	sum, err := importer.ImportFile(ictx, store.New(db, nil), path, importer.Options{
		Format: importer.CSV, Name: "bench-import.csv", Actor: "benchboard-bench",
		AfterBatch: func(n int) {
			done = n
			if progress != nil && n%100_000 == 0 {
				progress(fmt.Sprintf("imported %d rows in %s", n, time.Since(start).Round(time.Second)))
			}
		},
	})
	if sum != nil {
		res.Summary = sum.Summary
	}
	res.Ingest = Transfer{Rows: int64(done), Elapsed: time.Since(start)}
	switch {
	case err == nil:
		res.Finished = true
		res.Ingest.Rows = int64(res.Summary.Total())
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		// Report the rate reached before the limit: a lower bound.
	default:
		return res, err
	}
	return res, nil
}
