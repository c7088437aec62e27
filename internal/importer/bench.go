package importer

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
)

// BenchImport measures the import against Postgres' own floor, in one
// run: it writes n generated CSV rows to a temporary file, COPYs them
// FROM STDIN into a plain table of the same columns, then imports the
// same file the way `benchboard import` does (one transaction). Both go
// into a fresh database on the server of serverURL (a maintenance
// database such as postgres://postgres@127.0.0.1:5432/postgres), dropped
// afterwards. The rates are rows per second.
func BenchImport(ctx context.Context, serverURL string, n int) (importRate, copyRate float64, err error) {
	r, err := benchImport(ctx, serverURL, n, Options{}, false)
	return r.ImportRate(), r.CopyRate(), err
}

// BenchResult is one BenchImport run in detail.
type BenchResult struct {
	Rows       int
	Bytes      int64
	Import     time.Duration
	Copy       time.Duration
	Summary    store.Summary
	ImportRows int // rows the import counted: must equal Rows
	// Floor, when measured, is the time to write the imported results and
	// revisions again, with one INSERT … SELECT each, into copies of the
	// two tables with the same indexes, checks and foreign keys: what the
	// schema costs, without parsing, lookups or classification.
	Floor time.Duration
}

// FloorRate is the schema floor's rows per second.
func (r BenchResult) FloorRate() float64 { return rate(r.Rows, r.Floor) }

// ImportRate is the import's rows per second.
func (r BenchResult) ImportRate() float64 { return rate(r.Rows, r.Import) }

// CopyRate is COPY's rows per second.
func (r BenchResult) CopyRate() float64 { return rate(r.Rows, r.Copy) }

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// BenchImportDetail is BenchImport with the options the import runs with
// (batch size, progress) and the whole result; with floor it also
// measures BenchResult.Floor.
func BenchImportDetail(ctx context.Context, serverURL string, n int, opt Options, floor bool) (BenchResult, error) {
	return benchImport(ctx, serverURL, n, opt, floor)
}

// copyTable has one column per CSV column, typed as the results table
// types them: the floor is Postgres taking the same bytes in.
const copyTable = `CREATE TABLE bench_copy (
    task text, dataset text, parent_dataset text, metric text, higher_is_better boolean, metric_unit text,
    primary_metric boolean, method text, value double precision, plus_minus double precision, unit text, raw text,
    setting text, extra_data boolean, params text, compute text, paper_title text, arxiv_id text, paper_url text,
    paper_date text, code_url text, reported_in text, source text, source_url text, confidence text, note text,
    direction_inferred boolean)`

func benchImport(ctx context.Context, serverURL string, n int, opt Options, floor bool) (res BenchResult, err error) {
	res.Rows = n
	f, err := os.CreateTemp("", "benchboard-import-*.csv")
	if err != nil {
		return res, fmt.Errorf("bench import: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := GenerateCSV(bw, n); err != nil {
		return res, fmt.Errorf("bench import: generate: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return res, fmt.Errorf("bench import: generate: %w", err)
	}
	if res.Bytes, err = f.Seek(0, io.SeekCurrent); err != nil {
		return res, err
	}

	name := "bbbench_import_" + randomHex(4)
	dsn, err := createDatabase(ctx, serverURL, name)
	if err != nil {
		return res, err
	}
	defer dropDatabase(serverURL, name)
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return res, err
	}

	// COPY first: the file is as warm in the page cache for both.
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return res, fmt.Errorf("bench import: %w", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, copyTable); err != nil {
		return res, fmt.Errorf("bench import: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return res, err
	}
	start := time.Now()
	tag, err := conn.PgConn().CopyFrom(ctx, bufio.NewReaderSize(f, 1<<20), "COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)")
	res.Copy = time.Since(start)
	if err != nil {
		return res, fmt.Errorf("bench import: COPY: %w", err)
	}
	if tag.RowsAffected() != int64(n) {
		return res, fmt.Errorf("bench import: COPY took %d rows of %d", tag.RowsAffected(), n)
	}
	if _, err := conn.Exec(ctx, "DROP TABLE bench_copy; CHECKPOINT"); err != nil {
		return res, fmt.Errorf("bench import: %w", err)
	}

	db, err := database.Open(ctx, dsn, 2)
	if err != nil {
		return res, err
	}
	defer database.Close(db)
	if opt.Actor == "" {
		opt.Actor = "benchboard bench"
	}
	start = time.Now()
	sum, err := ImportFile(ctx, store.New(db, nil), f.Name(), opt)
	res.Import = time.Since(start)
	if err != nil {
		return res, fmt.Errorf("bench import: %w", err)
	}
	res.Summary = sum.Summary
	res.ImportRows = sum.Total()
	if res.ImportRows != n {
		return res, fmt.Errorf("bench import: imported %d rows of %d", res.ImportRows, n)
	}
	if floor && !opt.DryRun {
		if res.Floor, err = schemaFloor(ctx, conn); err != nil {
			return res, err
		}
	}
	return res, nil
}

// floorTables are copies of results and revisions with their indexes,
// checks and foreign keys (LIKE copies all but the foreign keys).
const floorTables = `
CREATE TABLE floor_results (LIKE results INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE floor_results ADD FOREIGN KEY (dataset_id) REFERENCES datasets(id),
    ADD FOREIGN KEY (metric_id) REFERENCES metrics(id), ADD FOREIGN KEY (method_id) REFERENCES methods(id),
    ADD FOREIGN KEY (paper_id) REFERENCES papers(id);
CREATE TABLE floor_revisions (LIKE revisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE floor_revisions ADD FOREIGN KEY (result_id) REFERENCES floor_results(id),
    ADD FOREIGN KEY (submission_id) REFERENCES submissions(id);
CHECKPOINT`

func schemaFloor(ctx context.Context, conn *pgx.Conn) (time.Duration, error) {
	if _, err := conn.Exec(ctx, floorTables); err != nil {
		return 0, fmt.Errorf("bench import: floor: %w", err)
	}
	start := time.Now()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(context.Background())
	for _, q := range []string{
		"INSERT INTO floor_results SELECT * FROM results ORDER BY id",
		"INSERT INTO floor_revisions SELECT * FROM revisions ORDER BY id",
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return 0, fmt.Errorf("bench import: floor: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// GenerateCSV writes n distinct rows in the import format, shaped like
// real data: 4 tasks, 12 datasets (4 under a parent), 2 or 3 metrics
// each, 200 methods from 100 papers, settings, sources, URLs, notes on
// some rows, ± on some. Rows repeat a method on a dataset and metric
// with other numbers from other reports, so some of them are conflicts.
func GenerateCSV(w io.Writer, n int) error {
	cw, err := csvio.NewWriter(w)
	if err != nil {
		return err
	}
	cw.Flush = 5000
	type dataset struct{ task, name, parent string }
	datasets := []dataset{
		{"Image classification", "ImageNet-1k", ""}, {"Image classification", "CIFAR-10", ""},
		{"Image classification", "CIFAR-100", ""}, {"Question answering", "SQuAD1.1", ""},
		{"Question answering", "SQuAD2.0", ""}, {"Question answering", "Natural Questions", ""},
		{"Node property prediction", "ogbn-arxiv", ""}, {"Node property prediction", "ogbn-products", ""},
		{"DNA sequence classification", "Mouse Enhancers", "GenomicBenchmarks"},
		{"DNA sequence classification", "Human Enhancers Cohn", "GenomicBenchmarks"},
		{"DNA sequence classification", "Coding vs Intergenomic", "GenomicBenchmarks"},
		{"DNA sequence classification", "Human Regulatory", "GenomicBenchmarks"},
	}
	type metric struct {
		name   string
		higher bool
		unit   string
	}
	metrics := [][]metric{
		{{"Top-1 accuracy", true, "%"}, {"Top-5 accuracy", true, "%"}, {"Top-1 error", false, "%"}},
		{{"EM", true, "%"}, {"F1", true, "%"}},
		{{"Test accuracy", true, ""}, {"Validation accuracy", true, ""}},
		{{"Accuracy", true, "%"}, {"MCC", true, ""}, {"Loss", false, ""}},
	}
	metricsOf := func(d int) []metric { return metrics[d/3%len(metrics)] }
	const methods, papers, reports = 200, 100, 97
	var rec csvio.Record
	pm := new(float64)
	for i := range n {
		d := i % len(datasets)
		ms := metricsOf(d)
		mi := (i / len(datasets)) % len(ms)
		method := (i / (len(datasets) * 3)) % methods
		report := i / (len(datasets) * 3 * methods)
		paper := method % papers
		m := ms[mi]
		// A deterministic spread of values in the metric's range.
		h := uint64(i)*0x9E3779B97F4A7C15 ^ uint64(report)<<32
		v := float64(h%10000) / 100 // 0 … 99.99
		if m.unit == "" {
			v /= 100
		}
		rec = csvio.Record{
			Task: datasets[d].task, Dataset: datasets[d].name, ParentDataset: datasets[d].parent,
			Metric: m.name, HigherIsBetter: m.higher, MetricUnit: m.unit, PrimaryMetric: mi == 0,
			Method:     fmt.Sprintf("Method-%d (%s)", method, []string{"base", "large", "xl", "tiny"}[method%4]),
			Value:      v,
			Unit:       m.unit,
			Raw:        csvio.FormatNumber(v),
			Setting:    fmt.Sprintf("config %d; %d epochs", report%7, 100+report%3*100),
			ExtraData:  method%5 == 0,
			Params:     fmt.Sprintf("%dM", 5+method*7%900),
			PaperTitle: fmt.Sprintf("Paper %d: Scaling Benchmarks for Representation Learning", paper),
			ArxivID:    fmt.Sprintf("2%03d.%05d", 100+paper%12, 10000+paper),
			PaperDate:  fmt.Sprintf("202%d-%02d-%02d", paper%5, 1+paper%12, 1+paper%28),
			CodeURL:    fmt.Sprintf("https://github.com/example/method-%d", method),
			ReportedIn: fmt.Sprintf("Reproduction study %d, Table %d", report, 1+mi),
			Source:     fmt.Sprintf("arXiv 2%03d.%05d Table %d", 100+report%12, 20000+report, 1+mi),
			SourceURL:  fmt.Sprintf("https://arxiv.org/abs/2%03d.%05d", 100+report%12, 20000+report),
			Confidence: []string{"high", "high", "med", "low"}[i%4],
		}
		rec.PaperURL = "https://arxiv.org/abs/" + rec.ArxivID
		if i%3 == 0 {
			*pm = float64(h%300) / 1000
			rec.PlusMinus = pm
			rec.Raw += " ± " + csvio.FormatNumber(*pm)
		}
		if i%10 == 0 {
			rec.Note = "averaged over 3 seeds; see the appendix for the per-seed numbers"
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Close()
}

func createDatabase(ctx context.Context, serverURL, name string) (string, error) {
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return "", fmt.Errorf("bench import: connect: %w", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("bench import: create %s: %w", name, err)
	}
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func dropDatabase(serverURL, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
