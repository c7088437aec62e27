package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
// of the same CSV file: once as `benchboard import` runs into a fresh
// database (written in bulk, since the table is smaller than the file),
// once as `benchboard import --online` (row by row).
type ImportResult struct {
	Copy         Transfer
	Bulk, Online ImportRun
	FileBytes    int64
	// Floor is what the schema costs without the import: the imported
	// results and revisions written again with INSERT … SELECT, into
	// copies of the two tables with every index and foreign key (Full: no
	// row-by-row write can beat it) and with primary keys only (Bare: a
	// bulk write's rows before its index builds).
	Floor struct{ Full, Bare Transfer }
}

// ImportRun is one import of the file.
type ImportRun struct {
	Transfer
	Read     time.Duration // until every record was staged; the rest classifies and writes
	Summary  store.Summary
	Finished bool // false: the import hit the time limit and rolled back
	// Phases are the steps after the reading (store.IngestOptions.Phase),
	// each with when it began, from the start of the import.
	Phases []ImportPhase
}

// ImportPhase is one step of an import and when it began.
type ImportPhase struct {
	Name  string
	Start time.Duration
}

// Steps says how long the reading and each later step took:
// "read and staged 30.2s, classify 7.0s, …".
func (r ImportRun) Steps() string {
	parts := []string{"read and staged " + r.Read.Round(100*time.Millisecond).String()}
	for i, p := range r.Phases {
		end := r.Elapsed
		if i+1 < len(r.Phases) {
			end = r.Phases[i+1].Start
		}
		parts = append(parts, p.Name+" "+(end-p.Start).Round(100*time.Millisecond).String())
	}
	return strings.Join(parts, ", ")
}

// measureImport writes the plan's results as one CSV file, then loads it
// into a fresh database with COPY … FROM STDIN into a plain table, and
// through importer.ImportFile, what `benchboard import` runs, with and
// without --online (each into a fresh database).
func measureImport(ctx context.Context, serverURL, name, tmp string, p *Plan, limit time.Duration, progress func(string)) (ImportResult, error) {
	var res ImportResult
	path := filepath.Join(tmp, "import.csv")
	size, err := writeCSVFile(ctx, path, p)
	if err != nil {
		return res, fmt.Errorf("bench: write the import file: %w", err)
	}
	defer os.Remove(path)
	res.FileBytes = size
	dsn, err := freshImportDB(ctx, serverURL, name)
	if err != nil {
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
	conn.Close(ctx)
	if progress != nil {
		progress(fmt.Sprintf("COPY FROM: %d rows in %s; now importer.ImportFile (one transaction)", res.Copy.Rows, res.Copy.Elapsed.Round(time.Millisecond)))
	}
	if res.Bulk, err = importOnce(ctx, dsn, path, store.BulkAuto, limit, progress); err != nil {
		return res, err
	}
	if res.Bulk.Finished {
		if progress != nil {
			progress("the schema's floor: the imported rows written again into copies of results and revisions")
		}
		if res.Floor.Full, res.Floor.Bare, err = measureFloor(ctx, dsn); err != nil {
			return res, err
		}
	}
	if progress != nil {
		progress("now importer.ImportFile with --online (row by row) into a fresh database")
	}
	if dsn, err = freshImportDB(ctx, serverURL, name); err != nil {
		return res, err
	}
	if res.Online, err = importOnce(ctx, dsn, path, store.BulkNever, limit, progress); err != nil {
		return res, err
	}
	return res, nil
}

// freshImportDB drops and recreates the import database, migrated.
func freshImportDB(ctx context.Context, serverURL, name string) (string, error) {
	if err := recreate(ctx, serverURL, name); err != nil {
		return "", err
	}
	dsn, err := dbURL(serverURL, name)
	if err != nil {
		return "", err
	}
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return "", err
	}
	return dsn, nil
}

// importOnce runs the import command's own path: importer.ImportFile
// parses in a goroutine of its own and feeds store.Ingest, all in one
// transaction.
func importOnce(ctx context.Context, dsn, path string, bulk store.BulkMode, limit time.Duration, progress func(string)) (ImportRun, error) {
	var run ImportRun
	db, err := database.Open(ctx, dsn, 4)
	if err != nil {
		return run, err
	}
	defer database.Close(db)
	// As before the floor: the dirty pages of the steps before it (the
	// COPY's table, the database just made) are not written on this clock.
	if err := db.WithContext(ctx).Exec("CHECKPOINT").Error; err != nil {
		return run, fmt.Errorf("bench: import: %w", err)
	}
	ictx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	start := time.Now()
	done := 0
	sum, err := importer.ImportFile(ictx, store.New(db, nil), path, importer.Options{
		Format: importer.CSV, Name: "bench-import.csv", Actor: "benchboard-bench", Bulk: bulk,
		AfterBatch: func(n int) {
			done = n
			run.Read = time.Since(start)
			if progress != nil && n%100_000 == 0 {
				progress(fmt.Sprintf("read %d rows in %s", n, time.Since(start).Round(time.Second)))
			}
		},
		Phase: func(name string) {
			run.Phases = append(run.Phases, ImportPhase{Name: name, Start: time.Since(start)})
		},
	})
	if sum != nil {
		run.Summary = sum.Summary
	}
	run.Transfer = Transfer{Rows: int64(done), Elapsed: time.Since(start)}
	switch {
	case err == nil:
		run.Finished = true
		run.Rows = int64(run.Summary.Total())
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		// Report the rate reached before the limit: a lower bound.
	default:
		return run, err
	}
	return run, nil
}

// floorCopies makes empty copies of results and revisions: with every
// index and foreign key when full, else with their primary keys only.
func floorCopies(full bool) string {
	if !full {
		return `CREATE TABLE floor_results (LIKE results INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE floor_results ADD PRIMARY KEY (id);
CREATE TABLE floor_revisions (LIKE revisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE floor_revisions ADD PRIMARY KEY (id)`
	}
	// LIKE copies everything but the foreign keys.
	return `CREATE TABLE floor_results (LIKE results INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE floor_results ADD FOREIGN KEY (dataset_id) REFERENCES datasets(id),
    ADD FOREIGN KEY (metric_id) REFERENCES metrics(id), ADD FOREIGN KEY (method_id) REFERENCES methods(id),
    ADD FOREIGN KEY (paper_id) REFERENCES papers(id);
CREATE TABLE floor_revisions (LIKE revisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE floor_revisions ADD FOREIGN KEY (result_id) REFERENCES floor_results(id),
    ADD FOREIGN KEY (submission_id) REFERENCES submissions(id)`
}

// measureFloor writes what the import wrote again, twice (see
// ImportResult.Floor), each in a transaction rolled back afterwards.
func measureFloor(ctx context.Context, dsn string) (full, bare Transfer, err error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return full, bare, err
	}
	defer conn.Close(context.Background())
	once := func(tables string) (Transfer, error) {
		// Dirty pages of the import must not be written on this clock.
		if _, err := conn.Exec(ctx, "CHECKPOINT"); err != nil {
			return Transfer{}, fmt.Errorf("bench: floor: %w", err)
		}
		tx, err := conn.Begin(ctx)
		if err != nil {
			return Transfer{}, err
		}
		defer tx.Rollback(context.Background())
		if _, err := tx.Exec(ctx, tables); err != nil {
			return Transfer{}, fmt.Errorf("bench: floor: %w", err)
		}
		start := time.Now()
		tag, err := tx.Exec(ctx, "INSERT INTO floor_results SELECT * FROM results ORDER BY id")
		if err != nil {
			return Transfer{}, fmt.Errorf("bench: floor: %w", err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO floor_revisions SELECT * FROM revisions ORDER BY id"); err != nil {
			return Transfer{}, fmt.Errorf("bench: floor: %w", err)
		}
		return Transfer{Rows: tag.RowsAffected(), Elapsed: time.Since(start)}, nil
	}
	if full, err = once(floorCopies(true)); err != nil {
		return full, bare, err
	}
	bare, err = once(floorCopies(false))
	return full, bare, err
}
