// Package bench is `make bench`: it builds a synthetic Benchboard database
// at scale in its own database, serves it with the real app and measures
// pages, API, export, import, the leaderboard query and start-up against
// baselines taken in the same run, then prints one table of figures and
// ratios. Benchmarks are not tests: nothing here runs in `make test`
// except the unit tests of the pure helpers.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// Config is every knob of a run; the defaults are issue 5's scale.
type Config struct {
	Scale
	ServerURL       string // the Postgres server's maintenance database
	DB              string // the bench database, dropped and recreated
	Keep            bool   // reuse DB when it holds this scale already; keep the import database
	CPUProfile      string // write the harness process's CPU profile here (in-process server and load generator)
	Duration        time.Duration
	Warmup          time.Duration
	Conns           int
	LatencyRequests int
	QueryRuns       int
	Startups        int
	SkipImport      bool
	ImportTimeout   time.Duration
	ServerBin       string // "" builds ./cmd/benchboard
	Explain         bool
	Only            map[string]bool // sections to measure; empty: all
	Command         string          // as printed in the report
	// FormatFiles and FormatResults size the multi-format import.
	FormatFiles, FormatResults int
}

// sections of a run that --only can pick.
var sections = []string{"pages", "api", "query", "server", "import", "formats"}

func (c Config) measures(section string) bool { return len(c.Only) == 0 || c.Only[section] }

// Main parses args and runs; it is what cmd/benchboard-bench calls.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	return Run(ctx, cfg, stdout, stderr)
}

func parseFlags(args []string, stderr io.Writer) (Config, error) {
	cfg := Config{Scale: DefaultScale, FormatFiles: 5000, FormatResults: 100_000}
	fs := flag.NewFlagSet("benchboard-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	serverURL := "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	if v := os.Getenv("BENCH_DATABASE_URL"); v != "" {
		serverURL = v
	}
	fs.IntVar(&cfg.Results, "results", cfg.Results, "results to generate")
	fs.IntVar(&cfg.Datasets, "datasets", cfg.Datasets, "datasets (leaderboards)")
	fs.IntVar(&cfg.Methods, "methods", cfg.Methods, "methods")
	fs.IntVar(&cfg.Tasks, "tasks", cfg.Tasks, "tasks")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the synthetic data")
	fs.StringVar(&cfg.ServerURL, "server", serverURL, "Postgres maintenance database URL, loopback only (env BENCH_DATABASE_URL)")
	fs.StringVar(&cfg.DB, "db", "benchboard_bench", "name of the bench database (dropped and recreated)")
	fs.BoolVar(&cfg.Keep, "keep", false, "reuse the bench database when it already holds this scale; keep the import database")
	fs.DurationVar(&cfg.Duration, "duration", 5*time.Second, "measuring time per throughput figure")
	fs.DurationVar(&cfg.Warmup, "warmup", time.Second, "warm-up before each throughput figure")
	fs.IntVar(&cfg.Conns, "conns", 32, "concurrent connections of the load generator")
	fs.IntVar(&cfg.LatencyRequests, "latency-requests", 200, "sequential requests for p50/p99")
	fs.IntVar(&cfg.QueryRuns, "query-runs", 15, "runs of the leaderboard query per path")
	fs.IntVar(&cfg.Startups, "startups", 5, "server start-ups to time")
	fs.IntVar(&cfg.FormatFiles, "format-files", cfg.FormatFiles, "files of the multi-format import (every format in turn)")
	fs.IntVar(&cfg.FormatResults, "format-results", cfg.FormatResults, "results of the multi-format import, over all its files")
	fs.BoolVar(&cfg.SkipImport, "skip-import", false, "skip the CSV import figure (the slowest)")
	fs.DurationVar(&cfg.ImportTimeout, "import-timeout", 30*time.Minute, "give up the import after this long (its rate so far is reported)")
	fs.StringVar(&cfg.ServerBin, "server-bin", "", "benchboard binary for the subprocess figures (default: go build ./cmd/benchboard)")
	fs.BoolVar(&cfg.Explain, "explain", true, "print EXPLAIN (ANALYZE, BUFFERS) of every query of a leaderboard page")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of this process (the in-process server and the load generator) to this file")
	only := fs.String("only", "", "measure only these sections, comma-separated: "+strings.Join(sections, ",")+" (the load always runs, or is reused with --keep)")
	quick := fs.Bool("quick", false, "a 10x smaller run for trying it out (100k results, 1k datasets, 10k methods, 2 s per figure)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if *quick {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		defaults := map[string]func(){
			"results":          func() { cfg.Results = DefaultScale.Results / 10 },
			"datasets":         func() { cfg.Datasets = DefaultScale.Datasets / 10 },
			"methods":          func() { cfg.Methods = DefaultScale.Methods / 10 },
			"duration":         func() { cfg.Duration = 2 * time.Second },
			"warmup":           func() { cfg.Warmup = 500 * time.Millisecond },
			"latency-requests": func() { cfg.LatencyRequests = 50 },
			"startups":         func() { cfg.Startups = 3 },
			"query-runs":       func() { cfg.QueryRuns = 5 },
			"format-files":     func() { cfg.FormatFiles = 500 },
			"format-results":   func() { cfg.FormatResults = 10_000 },
		}
		for name, apply := range defaults {
			if !set[name] {
				apply()
			}
		}
	}
	if *only != "" {
		cfg.Only = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			name = strings.TrimSpace(name)
			if !slices.Contains(sections, name) {
				return cfg, fmt.Errorf("--only: unknown section %q; use %s", name, strings.Join(sections, ","))
			}
			cfg.Only[name] = true
		}
	}
	if err := loopbackOnly(cfg.ServerURL); err != nil {
		return cfg, err
	}
	cfg.Command = strings.TrimSpace("go run ./cmd/benchboard-bench " + strings.Join(args, " "))
	return cfg, nil
}

// loopbackOnly refuses a database server that is not on this machine: the
// harness drops and creates databases.
func loopbackOnly(serverURL string) error {
	u, err := url.Parse(serverURL)
	if err != nil {
		return fmt.Errorf("--server: %w", err)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--server: %q is not a loopback address; the harness only talks to this machine", host)
}

// report collects what the run measured.
type report struct {
	machine Machine
	plan    *Plan
	load    *LoadTimes
	figures []Figure
	details []string
	explain string

	loadStart string // /proc/loadavg when the run started
}

func (r *report) add(f Figure) { r.figures = append(r.figures, f) }
func (r *report) detail(format string, args ...any) {
	r.details = append(r.details, fmt.Sprintf(format, args...))
}

// Run does everything, in order, and prints the report to out; progress
// goes to logw.
func Run(ctx context.Context, cfg Config, out, logw io.Writer) error {
	logf := func(format string, args ...any) {
		fmt.Fprintf(logw, "bench %s: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}
	plan, err := NewPlan(cfg.Scale)
	if err != nil {
		return err
	}
	rep := &report{plan: plan}
	admin, err := pgx.Connect(ctx, cfg.ServerURL)
	if err != nil {
		return fmt.Errorf("bench: connect to %s: %w", cfg.ServerURL, err)
	}
	rep.machine = machine(ctx, admin)
	rep.loadStart = loadAvg()
	admin.Close(ctx)
	tmp, err := os.MkdirTemp("", "benchboard-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// 0. The multi-format import: a folder of files in every format, one
	// `benchboard import` command. It needs no bench database.
	if cfg.measures("formats") {
		if cfg.FormatFiles <= 0 || cfg.FormatResults < cfg.FormatFiles {
			return fmt.Errorf("bench: --format-files must be positive and at most --format-results")
		}
		fr, err := measureFormats(ctx, cfg, tmp, logf)
		if err != nil {
			return err
		}
		rep.add(Figure{Name: fmt.Sprintf("multi-format import: `benchboard import DIR` of %s files (%s) holding %s results, one transaction",
			groupThousands(fmt.Sprint(fr.Files)), strings.Join(formatKinds, ", "), groupThousands(fmt.Sprint(fr.Results))),
			Value: fr.RowsPerSec(), Unit: "rows/s", Target: reported, Note: fmt.Sprintf("%.1f s for %.1f MB", fr.Elapsed.Seconds(), float64(fr.Bytes)/1e6)})
		rep.add(Figure{Name: "multi-format import: the command's peak resident memory (getrusage maxrss)",
			Value: float64(fr.PeakRSS) / (1 << 20), Unit: "MiB", Target: valueAtMost(200, "MiB")})
		if len(cfg.Only) == 1 {
			rep.print(out, cfg)
			return nil
		}
	}

	// 1. The database.
	dsn, err := dbURL(cfg.ServerURL, cfg.DB)
	if err != nil {
		return err
	}
	if cfg.Keep && seeded(ctx, dsn, plan) {
		logf("reusing %s: it holds %d results already (--keep)", cfg.DB, plan.Results)
		// A database kept from an older tree gets the newer migrations
		// (and what they compute from the data) before it is measured.
		if _, err := database.Migrate(ctx, dsn); err != nil {
			return err
		}
	} else {
		logf("creating %s and loading %d results over %d datasets and %d methods", cfg.DB, plan.Results, len(plan.Datasets), plan.Methods)
		if err := recreate(ctx, cfg.ServerURL, cfg.DB); err != nil {
			return err
		}
		lt, err := Load(ctx, dsn, plan, func(s string) { logf("%s", s) })
		if err != nil {
			return err
		}
		rep.load = &lt
		logf("loaded in %s (migrate %s, COPY %s, indexes+FKs %s, VACUUM ANALYZE %s)", lt.Total().Round(time.Millisecond),
			lt.Migrate.Round(time.Millisecond), lt.Copy.Round(time.Millisecond), lt.Index.Round(time.Millisecond), lt.Analyze.Round(time.Millisecond))
		rep.add(Figure{Name: fmt.Sprintf("bulk load of %s results (pgx CopyFrom, then indexes, FKs, VACUUM ANALYZE)", groupThousands(fmt.Sprint(plan.Results))),
			Value: lt.Total().Seconds(), Unit: "s", Target: reported,
			Note: fmt.Sprintf("COPY %.1f s, indexes+FKs %.1f s, vacuum %.1f s", lt.Copy.Seconds(), lt.Index.Seconds(), lt.Analyze.Seconds())})
	}

	db, err := database.Open(ctx, dsn, appConns)
	if err != nil {
		return err
	}
	defer database.Close(db)
	st := store.New(db, nil)
	large, err := st.Dataset(ctx, LargeSlug)
	if err != nil {
		return err
	}
	small, err := st.Dataset(ctx, SmallSlug)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if err := describeData(ctx, conn, rep); err != nil {
		return err
	}

	// 2. Every query a leaderboard page runs, recorded through gorm and explained.
	boardStmts, err := recordPage(ctx, dsn, conn, large.ID, rep, cfg.Explain)
	if err != nil {
		return err
	}

	// 3. HTTP figures against the in-process server.
	if cfg.measures("pages") || cfg.measures("api") {
		if err := measureHTTP(ctx, cfg, dsn, conn, st, large.ID, small.ID, rep, logf); err != nil {
			return err
		}
	}

	// 4. The leaderboard query: store vs pgx.
	if cfg.measures("query") {
		logf("leaderboard query through the store vs pgx, %d runs each", cfg.QueryRuns)
		qt, err := timeBoardQuery(ctx, func(ctx context.Context) (int, error) {
			rs, err := st.BoardReports(ctx, large.ID)
			return len(rs), err
		}, conn, boardStmts, cfg.QueryRuns)
		if err != nil {
			return err
		}
		rep.add(Figure{Name: fmt.Sprintf("leaderboard query through the store (BoardReports, %s, %d rows, median of %d)", LargeSlug, qt.Rows, qt.Runs),
			Value: ms(qt.Store), Unit: "ms", Against: "the same statements through pgx (CollectRows into model.Report)", Base: ms(qt.Pgx), BaseUnit: "ms",
			Target: ratioAtMost(1.3)})
	}

	// 5. The server as a subprocess: start-up, export, peak RSS.
	if cfg.measures("server") {
		if err := measureSubprocess(ctx, cfg, dsn, tmp, conn, rep, logf); err != nil {
			return err
		}
	}

	// 6. CSV import.
	switch {
	case !cfg.measures("import"):
	case cfg.SkipImport:
		rep.add(Figure{Name: "CSV import (`benchboard import`'s path)", Target: Target{Text: "skipped (--skip-import)"}})
	default:
		name := cfg.DB + "_import"
		logf("CSV import of %d rows into a fresh database %s (limit %s)", plan.Results, name, cfg.ImportTimeout)
		ir, err := measureImport(ctx, cfg.ServerURL, name, tmp, plan, cfg.ImportTimeout, func(s string) { logf("%s", s) })
		if err != nil {
			return err
		}
		if !cfg.Keep {
			if err := dropDatabase(ctx, cfg.ServerURL, name); err != nil {
				logf("drop %s: %v", name, err)
			}
		}
		for _, run := range []struct {
			how    string
			r      ImportRun
			target Target
		}{
			{"`benchboard import`'s path: csvio, store.Ingest, one transaction; written in bulk, the table being smaller than the file", ir.Bulk, ratioAtLeast(0.8)},
			{"`benchboard import --online`: the same, written row by row, as into a live site's larger table", ir.Online, reported},
		} {
			// The target is the schema's floor (issue: the history and
			// constraints the import must write make plain COPY
			// unreachable); the plain-COPY ratio stays beside it.
			name := fmt.Sprintf("CSV import of %s rows through importer.ImportFile (%s)", groupThousands(fmt.Sprint(plan.Results)), run.how)
			note := ""
			if !run.r.Finished {
				note = fmt.Sprintf("stopped by --import-timeout after %d rows; rate so far", run.r.Rows)
			}
			if ir.Floor.Full.Rows > 0 {
				rep.add(Figure{Name: name, Value: run.r.RowsPerSec(), Unit: "rows/s",
					Against: "schema floor: the same results and revisions written again with INSERT … SELECT into copies of the tables with every index and foreign key",
					Base:    ir.Floor.Full.RowsPerSec(), BaseUnit: "rows/s", Target: run.target, Note: note})
			}
			rep.add(Figure{Name: name, Value: run.r.RowsPerSec(), Unit: "rows/s", Against: "COPY … FROM STDIN (CSV) of the same bytes into a plain table",
				Base: ir.Copy.RowsPerSec(), BaseUnit: "rows/s", Target: reported, Note: note})
		}
		for _, fl := range []struct {
			how string
			t   Transfer
		}{
			{"with every index and foreign key: no row-by-row write beats it", ir.Floor.Full},
			{"with primary keys only: a bulk write's rows before its index builds", ir.Floor.Bare},
		} {
			if fl.t.Rows == 0 {
				continue
			}
			rep.add(Figure{Name: fmt.Sprintf("schema floor: the %s imported results and their revisions written again with INSERT … SELECT into copies of the tables %s",
				groupThousands(fmt.Sprint(fl.t.Rows)), fl.how),
				Value: fl.t.RowsPerSec(), Unit: "rows/s", Against: "COPY … FROM STDIN (CSV) of the same bytes into a plain table",
				Base: ir.Copy.RowsPerSec(), BaseUnit: "rows/s", Target: reported})
		}
		for _, run := range []struct {
			how string
			r   ImportRun
		}{{"importer.ImportFile", ir.Bulk}, {"importer.ImportFile --online", ir.Online}} {
			rep.detail("import (a %.0f MB CSV file, written before it is timed): %s %d rows in %s (%s; written in bulk: %t; new %d, conflicting %d, unchanged %d, changed %d); COPY FROM %d rows in %s",
				float64(ir.FileBytes)/1e6, run.how, run.r.Rows, run.r.Elapsed.Round(time.Millisecond), run.r.Steps(),
				run.r.Summary.Bulk, run.r.Summary.New, run.r.Summary.Conflicting, run.r.Summary.Unchanged, run.r.Summary.Changed,
				ir.Copy.Rows, ir.Copy.Elapsed.Round(time.Millisecond))
		}
	}

	rep.print(out, cfg)
	return nil
}

// describeData notes the shape of what was loaded.
func describeData(ctx context.Context, conn *pgx.Conn, rep *report) error {
	var under50, over10k, total, max int
	var median float64
	err := conn.QueryRow(ctx, `
WITH rows AS (
    SELECT d.id, count(DISTINCT (r.method_id, r.setting, r.extra_data, r.params_text, r.reported_in)) AS n
    FROM datasets d LEFT JOIN results r ON r.dataset_id = d.id GROUP BY d.id)
SELECT count(*) FILTER (WHERE n < 50), count(*) FILTER (WHERE n >= 10000), count(*), max(n),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY n)
FROM rows`).Scan(&under50, &over10k, &total, &max, &median)
	if err != nil {
		return fmt.Errorf("bench: describe data: %w", err)
	}
	rep.detail("leaderboards: %d; %d (%.0f%%) under 50 rows, median %.0f rows, %d with 10,000+ rows, largest %d rows; %s has exactly %d rows, %s %d",
		total, under50, 100*float64(under50)/float64(total), median, over10k, max, SmallSlug, smallRows, LargeSlug, largeRows)
	return nil
}

// recordPage serves one uncached page of each addressed leaderboard from
// a second app whose gorm handle records every statement, EXPLAINs them,
// and returns the board query of the large one for the store-vs-pgx figure.
func recordPage(ctx context.Context, dsn string, conn *pgx.Conn, largeID int64, rep *report, doExplain bool) ([]statement, error) {
	db, err := database.Open(ctx, dsn, 2)
	if err != nil {
		return nil, err
	}
	defer database.Close(db)
	var rec recorder
	if err := rec.register(db); err != nil {
		return nil, err
	}
	st := store.New(db, nil)
	st.TraceQueries(rec.add)
	app, err := web.New(st, web.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return nil, err
	}
	rec.take() // what web.New ran itself (e.g. loading its secrets) is no page's
	var explained strings.Builder
	// The large board's charts.json too: the page's second request.
	paths := []string{"/datasets/" + SmallSlug, "/datasets/" + LargeSlug, "/datasets/" + LargeSlug + "/charts.json"}
	get := func(path string) error {
		resp, err := app.Test(httptestRequest(path), -1)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("bench: GET %s: status %d", path, resp.StatusCode)
		}
		return nil
	}
	// Each first page once before its board's head is stored (migration
	// 0120: as after a bulk load or import), then, once the app has stored
	// the heads in the background, as every uncached first page after it.
	slugs := []string{SmallSlug, LargeSlug}
	if _, err := conn.Exec(ctx, `UPDATE board_heads h SET stored_epoch = NULL FROM datasets d
		WHERE d.id = h.dataset_id AND d.slug = ANY($1)`, slugs); err != nil {
		return nil, fmt.Errorf("bench: let go of the heads: %w", err)
	}
	for i, path := range paths[:2] {
		if err := get(path + "?bench=cold"); err != nil {
			return nil, err
		}
		if err := waitHeadsStored(ctx, conn, slugs[i:i+1], 10*time.Second); err != nil {
			return nil, err
		}
		cold := rec.take()
		rep.detail("GET %s (uncached, before the board's head is stored) ran %d queries, the last in the background after answering: %s",
			path, len(cold), summarizeStatements(cold))
	}
	for _, path := range paths {
		if err := get(path + "?bench=stored"); err != nil {
			return nil, err
		}
		page := rec.take()
		rep.detail("GET %s (uncached) ran %d queries: %s", path, len(page), summarizeStatements(page))
		if doExplain {
			text, err := explain(ctx, conn, page)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&explained, "==== GET %s\n\n%s", path, text)
		}
	}
	rep.explain = explained.String()
	if _, err := st.BoardReports(ctx, largeID); err != nil {
		return nil, err
	}
	board := rec.take()
	if len(board) == 0 {
		return nil, fmt.Errorf("bench: BoardReports ran no statement")
	}
	return board, nil
}

// waitHeadsStored waits until the boards slugs have a current stored head.
func waitHeadsStored(ctx context.Context, conn *pgx.Conn, slugs []string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		var stored int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM board_heads h JOIN datasets d ON d.id = h.dataset_id
			WHERE d.slug = ANY($1) AND h.stored_epoch = h.epoch`, slugs).Scan(&stored); err != nil {
			return fmt.Errorf("bench: stored heads: %w", err)
		}
		if stored == len(slugs) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("bench: %d of %d boards' heads stored after %s", stored, len(slugs), limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func summarizeStatements(ss []statement) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = "`" + short(s.SQL) + "`"
	}
	return strings.Join(parts, "; ")
}

func httptestRequest(path string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "http://bench.invalid"+path, nil)
	req.Header.Set("Accept", "text/html")
	return req
}

// bumper raises a dataset's data_version before a request, as a write
// would: the board cache keys on it, so the next request rebuilds.
func bumper(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = 8
	pc.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	return pgxpool.NewWithConfig(ctx, pc)
}

func measureHTTP(ctx context.Context, cfg Config, dsn string, conn *pgx.Conn, st *store.Store, largeID, smallID int64, rep *report, logf func(string, ...any)) error {
	anc, err := newAnchor(ctx, dsn, appConns, SmallSlug, LargeSlug)
	if err != nil {
		return err
	}
	defer anc.close()
	srv, err := startInProcess(ctx, st, slog.New(slog.NewJSONHandler(io.Discard, nil)), anc.register)
	if err != nil {
		return err
	}
	defer srv.stop()
	pool, err := bumper(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	bump := func(id int64) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := pool.Exec(ctx, "UPDATE datasets SET data_version = data_version + 1 WHERE id = $1", id)
			return err
		}
	}
	client := newClient(cfg.Conns, time.Minute)
	defer client.CloseIdleConnections()

	page := func(slug string) string { return srv.base + "/datasets/" + slug }
	api := func(slug string) string { return srv.base + "/api/v1/datasets/" + slug + "/results" }
	if err := checkPages(ctx, srv.base, rep); err != nil {
		return err
	}

	measure := func(name string, t target) LoadResult {
		logf("%s: %d connections, %s warm-up + %s", name, cfg.Conns, cfg.Warmup, cfg.Duration)
		r := RunLoad(ctx, client, t, cfg.Conns, cfg.Warmup, cfg.Duration)
		rep.detail("%s: %.1f req/s, %d requests, %d errors, %.0f bytes/response on the wire, latency under load p50 %.1f ms p99 %.1f ms",
			name, r.RPS(), r.Requests, r.Errors, r.BytesPerRequest(), ms(r.Latency.P50), ms(r.Latency.P99))
		if r.FirstErr != nil {
			rep.detail("%s: first error: %v", name, r.FirstErr)
		}
		return r
	}
	static := measure("static 1 KB route", target{URL: srv.base + staticPath, Accept: "text/html", Gzip: true})
	rep.add(Figure{Name: "static 1 KB route (wrapper app, no middleware), req/s at 32 connections", Value: static.RPS(), Unit: "req/s", Target: noTarget})
	healthz := measure("/healthz (the app's full middleware stack, 2-byte body)", target{URL: srv.base + "/healthz", Gzip: true})
	rep.add(Figure{Name: "/healthz through the app's middleware, req/s", Value: healthz.RPS(), Unit: "req/s",
		Against: "static 1 KB route", Base: static.RPS(), BaseUnit: "req/s", Target: noTarget})

	for _, kind := range []struct {
		section, label, accept string
		url                    func(string) string
		anchor                 string
	}{
		{"pages", "leaderboard page (HTML)", "text/html", page, "html"},
		{"api", "JSON API /api/v1/datasets/…/results", "application/json", api, "json"},
	} {
		if !cfg.measures(kind.section) {
			continue
		}
		for _, b := range []struct {
			slug string
			id   int64
			rows int
		}{{SmallSlug, smallID, smallRows}, {LargeSlug, largeID, largeRows}} {
			cached := measure(fmt.Sprintf("%s, %d rows, cached", kind.label, b.rows), target{URL: kind.url(b.slug), Accept: kind.accept, Gzip: true})
			rep.add(Figure{Name: fmt.Sprintf("%s, %s-row leaderboard, cached, req/s @%d", kind.label, groupThousands(fmt.Sprint(b.rows)), cfg.Conns),
				Value: cached.RPS(), Unit: "req/s", Against: "static 1 KB route", Base: static.RPS(), BaseUnit: "req/s", Target: ratioAtLeast(0.5),
				Note: errNote(cached)})
			anchorURL := srv.base + anchorPath + kind.anchor + "/" + b.slug
			floor := measure(fmt.Sprintf("anchor (%s), %d rows, uncached", kind.anchor, b.rows), target{URL: anchorURL, Accept: kind.accept, Gzip: true, Before: bump(b.id), Unique: true})
			uncached := measure(fmt.Sprintf("%s, %d rows, uncached", kind.label, b.rows), target{URL: kind.url(b.slug), Accept: kind.accept, Gzip: true, Before: bump(b.id), Unique: true})
			rep.add(Figure{Name: fmt.Sprintf("%s, first page of the %s-row leaderboard, uncached (data_version bumped and a new query string before each request), req/s @%d", kind.label, groupThousands(fmt.Sprint(b.rows)), cfg.Conns),
				Value: uncached.RPS(), Unit: "req/s", Against: fmt.Sprintf("anchor: pgx, one indexed query for the best 100 rows, a minimal %s, the same bump and query string", map[string]string{"html": "html/template table", "json": "encoding/json array"}[kind.anchor]),
				Base: floor.RPS(), BaseUnit: "req/s", Target: ratioAtLeast(0.5), Note: errNote(uncached) + errNote(floor)})
		}
		logf("%s, %d rows, uncached, %d sequential requests", kind.label, largeRows, cfg.LatencyRequests)
		seq, err := Sequential(ctx, client, target{URL: kind.url(LargeSlug), Accept: kind.accept, Gzip: true, Before: bump(largeID), Unique: true},
			cfg.LatencyRequests, max(3*time.Minute, 20*cfg.Duration))
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s, first page of the %s-row leaderboard, uncached, sequential (n=%d)", kind.label, groupThousands(fmt.Sprint(largeRows)), seq.Requests)
		rep.add(Figure{Name: name + ", p50", Value: ms(seq.Latency.P50), Unit: "ms", Target: reported, Note: errNote(seq), Invalid: seq.Requests == 0})
		rep.add(Figure{Name: name + ", p99", Value: ms(seq.Latency.P99), Unit: "ms", Target: valueAtMost(50, "ms"), Note: errNote(seq), Invalid: seq.Requests == 0})
		rep.detail("%s: mean %.1f ms, max %.1f ms, %d errors", name, ms(seq.Latency.Mean), ms(seq.Latency.Max), seq.Errors)
		if seq.FirstErr != nil {
			rep.detail("%s: first error: %v", name, seq.FirstErr)
		}
	}
	if !cfg.measures("pages") {
		return nil
	}
	// A page answered from the board's head draws its charts from a second
	// request, which reads the whole board.
	logf("charts of the %d-row leaderboard, uncached, %d sequential requests", largeRows, cfg.LatencyRequests)
	charts, err := Sequential(ctx, client, target{URL: srv.base + "/datasets/" + LargeSlug + "/charts.json", Accept: "application/json",
		Gzip: true, Before: bump(largeID), Unique: true}, cfg.LatencyRequests, max(3*time.Minute, 20*cfg.Duration))
	if err != nil {
		return err
	}
	name := fmt.Sprintf("charts of the %s-row leaderboard (/datasets/…/charts.json, the page's second request), uncached, sequential (n=%d)",
		groupThousands(fmt.Sprint(largeRows)), charts.Requests)
	rep.add(Figure{Name: name + ", p50", Value: ms(charts.Latency.P50), Unit: "ms", Target: reported, Note: errNote(charts), Invalid: charts.Requests == 0})
	rep.add(Figure{Name: name + ", p99", Value: ms(charts.Latency.P99), Unit: "ms", Target: valueAtMost(50, "ms"), Note: errNote(charts), Invalid: charts.Requests == 0})

	if err := measurePageTypes(ctx, cfg, client, srv.base, conn, bump(largeID), rep, logf); err != nil {
		return err
	}
	measureWrk(ctx, cfg, srv.base, page(SmallSlug), static.RPS(), rep, logf)

	logf("staleness of the cached %d-row leaderboard's API answer after a write, 50 writes", smallRows)
	stale, err := Staleness(ctx, client, api(SmallSlug), bump(smallID), 50)
	if err != nil {
		return err
	}
	name = "old cached answer served after a write committed (the NOTIFY's delay; API, it shows data_version), 50 writes"
	rep.add(Figure{Name: name + ", p50", Value: ms(stale.P50), Unit: "ms", Target: reported})
	rep.add(Figure{Name: name + ", max", Value: ms(stale.Max), Unit: "ms", Target: reported})
	return nil
}

func errNote(r LoadResult) string {
	if r.Errors == 0 {
		return ""
	}
	cause := ""
	if r.FirstErr != nil {
		msg := r.FirstErr.Error()
		if i := strings.LastIndex(msg, "status "); i >= 0 {
			msg = msg[i:]
		}
		cause = ": " + msg
	}
	return fmt.Sprintf("%d of %d requests failed%s", r.Errors, r.Errors+r.Requests, cause)
}

// checkPages makes sure the pages under test answer 200 with the rows
// they should, and notes their sizes.
func checkPages(ctx context.Context, base string, rep *report) error {
	client := &http.Client{Timeout: time.Minute}
	for _, c := range []struct {
		path, accept, want string
		total              int // of the JSON answer
	}{
		{"/datasets/" + SmallSlug, "text/html", "Bench-100", 0},
		{"/datasets/" + LargeSlug, "text/html", "Bench-10k", 0},
		// Every setting: by default a board ranks only its most common one.
		{"/api/v1/datasets/" + SmallSlug + "/results?setting=all", "application/json", "", smallRows},
		{"/api/v1/datasets/" + LargeSlug + "/results?setting=all", "application/json", "", largeRows},
		{staticPath, "text/html", "Benchboard static", 0},
	} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+c.path, nil)
		req.Header.Set("Accept", c.accept)
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("bench: GET %s: %w", c.path, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("bench: GET %s: %w", c.path, err)
		}
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), c.want) {
			return fmt.Errorf("bench: GET %s: status %d, body without %q: %.300s", c.path, resp.StatusCode, c.want, body)
		}
		if c.total > 0 {
			var v struct{ Total int }
			if err := json.Unmarshal(body, &v); err != nil || v.Total != c.total {
				return fmt.Errorf("bench: GET %s: total %d (%v), want %d", c.path, v.Total, err, c.total)
			}
		}
		rep.detail("GET %s: %d bytes uncompressed", c.path, len(body))
	}
	return nil
}

func measureSubprocess(ctx context.Context, cfg Config, dsn, tmp string, conn *pgx.Conn, rep *report, logf func(string, ...any)) error {
	bin := cfg.ServerBin
	if bin == "" {
		logf("building ./cmd/benchboard")
		var err error
		if bin, err = buildServer(ctx, tmp); err != nil {
			return err
		}
	}
	var readies []time.Duration
	var srv *subprocess
	for i := range cfg.Startups {
		p, ready, err := startServer(ctx, bin, dsn, tmp)
		if err != nil {
			return err
		}
		readies = append(readies, ready)
		logf("start-up %d: ready after %s", i+1, ready.Round(time.Millisecond))
		if i == cfg.Startups-1 {
			srv = p
			break
		}
		if err := p.stop(); err != nil {
			return err
		}
	}
	if srv == nil {
		return errors.New("bench: --startups must be at least 1")
	}
	defer srv.stop()
	s := Summarize(readies)
	rep.add(Figure{Name: fmt.Sprintf("start-up to ready: exec of `benchboard serve` to /readyz 200, seeded database (median of %d, max %.0f ms)", s.N, ms(s.Max)),
		Value: ms(s.P50), Unit: "ms", Target: valueAtMost(1000, "ms")})

	baseRSS, err := procStatus(srv.pid(), "VmHWM")
	if err != nil {
		return err
	}
	logf("export of every row over HTTP from the subprocess (pid %d)", srv.pid())
	ex, err := httpExport(ctx, srv.base+"/export.csv")
	if err != nil {
		return err
	}
	peak, err := procStatus(srv.pid(), "VmHWM")
	if err != nil {
		return err
	}
	logf("COPY (export SELECT) TO STDOUT WITH CSV over pgx")
	cp, err := copyExport(ctx, conn)
	if err != nil {
		return err
	}
	rep.add(Figure{Name: fmt.Sprintf("CSV export of all %s rows (/export.csv, subprocess), rows/s", groupThousands(fmt.Sprint(ex.Rows))),
		Value: ex.RowsPerSec(), Unit: "rows/s", Against: "COPY (store.ExportSQL(), $1 → NULL) TO STDOUT WITH CSV over pgx", Base: cp.RowsPerSec(), BaseUnit: "rows/s",
		Target: ratioAtLeast(0.5)})
	rep.add(Figure{Name: "CSV export, MB/s", Value: ex.MBPerSec(), Unit: "MB/s", Against: "the same COPY", Base: cp.MBPerSec(), BaseUnit: "MB/s", Target: reported})
	rep.add(Figure{Name: "server peak RSS (VmHWM) after the full export", Value: float64(peak) / (1 << 20), Unit: "MiB", Target: valueAtMost(100, "MiB"),
		Note: fmt.Sprintf("%.0f MiB after start-up", float64(baseRSS)/(1<<20))})
	rep.detail("export: HTTP %d rows, %.1f MB in %s; COPY %d rows, %.1f MB in %s", ex.Rows, float64(ex.Bytes)/1e6, ex.Elapsed.Round(time.Millisecond),
		cp.Rows, float64(cp.Bytes)/1e6, cp.Elapsed.Round(time.Millisecond))
	if ex.Rows != cp.Rows {
		rep.detail("export: the HTTP export had %d rows, COPY %d", ex.Rows, cp.Rows)
	}
	return nil
}

func (r *report) print(w io.Writer, cfg Config) {
	m := r.machine
	fmt.Fprintf(w, "\n## Benchboard benchmark, %s\n\n", time.Now().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- command: `%s`; code: %s\n", cfg.Command, codeVersion(context.Background()))
	fmt.Fprintf(w, "- machine: %d CPUs (%s), memory %s; %s; %s\n", m.CPUs, m.CPUModel, m.MemTotal, m.Go, m.Postgres)
	fmt.Fprintf(w, "- Postgres settings: %s\n", m.PGConfig)
	fmt.Fprintf(w, "- load average (1, 5, 15 min) at the start: %s; at the end: %s\n", r.loadStart, loadAvg())
	fmt.Fprintf(w, "- data: %s results, %s datasets, %s methods, %s papers, %d tasks (seed %d); load generator and server share the CPUs above\n\n",
		groupThousands(fmt.Sprint(r.plan.Results)), groupThousands(fmt.Sprint(len(r.plan.Datasets))), groupThousands(fmt.Sprint(r.plan.Methods)),
		groupThousands(fmt.Sprint(r.plan.Papers)), len(r.plan.Tasks), r.plan.Seed)
	WriteTable(w, r.figures)
	fmt.Fprintln(w, "\nDetails:")
	for _, d := range r.details {
		fmt.Fprintf(w, "- %s\n", d)
	}
	if r.explain != "" {
		fmt.Fprintf(w, "\nEXPLAIN (ANALYZE, BUFFERS) of every query of an uncached leaderboard page:\n\n```\n%s```\n", r.explain)
	}
}
