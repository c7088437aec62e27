package bench

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
)

// dbURL is the URL of database name on the server of serverURL.
func dbURL(serverURL, name string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", fmt.Errorf("bench: parse %q: %w", serverURL, err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// recreate drops database name (if it exists) and creates it empty.
func recreate(ctx context.Context, serverURL, name string) error {
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return fmt.Errorf("bench: connect: %w", err)
	}
	defer conn.Close(ctx)
	id := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+id+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("bench: drop %s: %w", name, err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+id); err != nil {
		return fmt.Errorf("bench: create %s: %w", name, err)
	}
	return nil
}

// dropDatabase removes database name if it exists.
func dropDatabase(ctx context.Context, serverURL, name string) error {
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return fmt.Errorf("bench: connect: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	return err
}

// seeded tells whether dsn already holds the plan's data (for --keep).
func seeded(ctx context.Context, dsn string, p *Plan) bool {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	var results, datasets, methods int
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM results), (SELECT count(*) FROM datasets),
		(SELECT count(*) FROM methods)`).Scan(&results, &datasets, &methods)
	return err == nil && results == p.Results && datasets == len(p.Datasets) && methods == p.Methods
}

// LoadTimes is how long each phase of the bulk load took.
type LoadTimes struct {
	Migrate, Copy, Index, Analyze time.Duration
	Rows                          map[string]int64
}

// Total is the whole load.
func (t LoadTimes) Total() time.Duration { return t.Migrate + t.Copy + t.Index + t.Analyze }

// deferred is the DDL taken off during the load and put back after it:
// building an index once over a million rows is far faster than updating
// it a million times, and a foreign key is checked in one join.
type deferred struct {
	dropIndexes, createIndexes []string
	dropFKs, addFKs            []string
}

func deferDDL(ctx context.Context, conn *pgx.Conn) (deferred, error) {
	var d deferred
	// Indexes that no constraint owns (constraint indexes — primary keys,
	// UNIQUE columns — stay and are filled as rows arrive).
	rows, err := conn.Query(ctx, `
SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
ORDER BY 1`)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return d, err
		}
		d.dropIndexes = append(d.dropIndexes, "DROP INDEX "+name)
		d.createIndexes = append(d.createIndexes, def)
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	rows, err = conn.Query(ctx, `
SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var table, name, def string
		if err := rows.Scan(&table, &name, &def); err != nil {
			return d, err
		}
		d.dropFKs = append(d.dropFKs, fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s", table, name))
		d.addFKs = append(d.addFKs, fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s", table, name, def))
	}
	return d, rows.Err()
}

func execAll(ctx context.Context, conn *pgx.Conn, stmts []string) error {
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// Load migrates dsn with the app's own migrations, then fills it from the
// plan with COPY (binary, through pgx), then rebuilds the indexes and
// foreign keys the load deferred, so every constraint of the schema holds
// in the end, and analyses the tables.
func Load(ctx context.Context, dsn string, p *Plan, progress func(string)) (LoadTimes, error) {
	t := LoadTimes{Rows: map[string]int64{}}
	start := time.Now()
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return t, err
	}
	t.Migrate = time.Since(start)

	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return t, fmt.Errorf("bench: connect: %w", err)
	}
	defer conn.Close(ctx)
	for _, s := range []string{"SET synchronous_commit = off", "SET maintenance_work_mem = '512MB'"} {
		if _, err := conn.Exec(ctx, s); err != nil {
			return t, err
		}
	}
	ddl, err := deferDDL(ctx, conn)
	if err != nil {
		return t, fmt.Errorf("bench: read schema: %w", err)
	}
	if err := execAll(ctx, conn, append(ddl.dropFKs, ddl.dropIndexes...)); err != nil {
		return t, fmt.Errorf("bench: defer indexes: %w", err)
	}

	start = time.Now()
	copyTable := func(table string, cols []string, n int, row func(i int) []any) error {
		i := 0
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i == n {
				return nil, nil
			}
			i++
			return row(i - 1), nil
		})
		got, err := conn.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
		if err != nil {
			return fmt.Errorf("bench: copy %s: %w", table, err)
		}
		t.Rows[table] = got
		return nil
	}
	if err := copyTable("tasks", []string{"id", "slug", "name"}, len(p.Tasks), func(i int) []any {
		return []any{int64(i + 1), slugOf(p.Tasks[i]), p.Tasks[i]}
	}); err != nil {
		return t, err
	}
	if err := copyTable("papers", []string{"id", "slug", "title", "arxiv_id", "url", "published", "year", "code_url"}, p.Papers, func(j int) []any {
		pp := p.Paper(j)
		return []any{int64(j + 1), pp.Slug, pp.Title, nullString(pp.ArxivID), pp.URL, nullTime(pp.Published), nullInt(pp.Year), pp.CodeURL}
	}); err != nil {
		return t, err
	}
	if err := copyTable("methods", []string{"id", "slug", "name", "paper_id", "code_url"}, p.Methods, func(i int) []any {
		name, slug, paper := p.Method(i)
		code := ""
		if i%3 == 0 {
			code = fmt.Sprintf("https://github.com/example/method-%d", i)
		}
		return []any{int64(i + 1), slug, name, nullID(paper), code}
	}); err != nil {
		return t, err
	}
	if err := copyTable("datasets", []string{"id", "task_id", "parent_id", "slug", "name", "description", "data_version"}, len(p.Datasets), func(i int) []any {
		d := &p.Datasets[i]
		var parent any
		if d.ParentID > 0 {
			parent = d.ParentID
		}
		return []any{d.ID, d.TaskID, parent, d.Slug, d.Name, "Synthetic benchmark data for load testing.", int64(1)}
	}); err != nil {
		return t, err
	}
	var metrics []*MetricPlan
	var metricDS []int64
	for i := range p.Datasets {
		for k := range p.Datasets[i].Metrics {
			metrics = append(metrics, &p.Datasets[i].Metrics[k])
			metricDS = append(metricDS, p.Datasets[i].ID)
		}
	}
	if err := copyTable("metrics", []string{"id", "dataset_id", "slug", "name", "higher_is_better", "unit", "decimals", "is_primary", "position"}, len(metrics), func(i int) []any {
		m := metrics[i]
		return []any{m.ID, metricDS[i], m.Slug, m.Name, m.HigherIsBetter, m.Unit, int16(m.Decimals), m.Primary, int32(m.Position)}
	}); err != nil {
		return t, err
	}
	if err := copyResults(ctx, conn, p, progress); err != nil {
		return t, err
	}
	t.Rows["results"] = int64(p.Results)
	t.Copy = time.Since(start)

	start = time.Now()
	if progress != nil {
		progress("building indexes and foreign keys")
	}
	if err := execAll(ctx, conn, append(ddl.createIndexes, ddl.addFKs...)); err != nil {
		return t, fmt.Errorf("bench: rebuild indexes: %w", err)
	}
	for _, table := range []string{"tasks", "papers", "methods", "datasets", "metrics", "results"} {
		if _, err := conn.Exec(ctx, fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))", table, table)); err != nil {
			return t, fmt.Errorf("bench: sequence of %s: %w", table, err)
		}
	}
	t.Index = time.Since(start)

	start = time.Now()
	if progress != nil {
		progress("vacuum analyze")
	}
	// VACUUM sets the visibility map (index-only scans) as autovacuum
	// would soon after a real import; ANALYZE gives the planner the skew.
	if _, err := conn.Exec(ctx, "VACUUM (ANALYZE)"); err != nil {
		return t, fmt.Errorf("bench: vacuum: %w", err)
	}
	t.Analyze = time.Since(start)
	return t, nil
}

// copyResults streams every generated result into COPY; a producer
// goroutine generates batches while the connection sends the previous one.
func copyResults(ctx context.Context, conn *pgx.Conn, p *Plan, progress func(string)) error {
	type batch [][]any
	ch := make(chan batch, 4)
	gctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		next := int64(1)
		b := make(batch, 0, 8192)
		send := func() bool {
			select {
			case ch <- b:
				b = make(batch, 0, 8192)
				return true
			case <-gctx.Done():
				return false
			}
		}
		for i := range p.Datasets {
			err := p.Generate(&p.Datasets[i], &next, func(r *Row) error {
				b = append(b, resultValues(r))
				if len(b) == cap(b) && !send() {
					return gctx.Err()
				}
				return nil
			})
			if err != nil {
				errc <- err
				return
			}
		}
		if len(b) > 0 {
			send()
		}
		errc <- nil
	}()
	var cur batch
	pos, done, reported := 0, 0, 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		for pos == len(cur) {
			b, ok := <-ch
			if !ok {
				return nil, nil
			}
			cur, pos = b, 0
			done += len(b)
			if progress != nil && done-reported >= 200_000 {
				progress(fmt.Sprintf("copied %d results", done))
				reported = done
			}
		}
		pos++
		return cur[pos-1], nil
	})
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"results"}, resultColumns, src)
	cancel()
	for range ch { // let the producer finish
	}
	if gerr := <-errc; gerr != nil && !errors.Is(gerr, context.Canceled) {
		return fmt.Errorf("bench: generate: %w", gerr)
	}
	if err != nil {
		return fmt.Errorf("bench: copy results: %w", err)
	}
	if int(n) != p.Results {
		return fmt.Errorf("bench: copied %d results, planned %d", n, p.Results)
	}
	return nil
}

var resultColumns = []string{"id", "dataset_id", "metric_id", "method_id", "paper_id", "value", "plus_minus", "unit", "score",
	"raw", "setting", "extra_data", "params_text", "params", "compute_text", "reported_in", "source", "source_url", "confidence", "note"}

func resultValues(r *Row) []any {
	var pm, params any
	if r.PlusMinus != nil {
		pm = *r.PlusMinus
	}
	if r.Params > 0 {
		params = r.Params
	}
	// score is the value in the metric's unit: generated values are
	// already in it.
	return []any{r.ID, r.DatasetID, r.MetricID, r.MethodID, nullID(int(r.PaperID) - 1), r.Value, pm, r.Unit, r.Value,
		r.Raw, r.Setting, r.ExtraData, r.ParamsText, params, "", r.ReportedIn, r.Source, r.SourceURL, r.Confidence, ""}
}

func slugOf(name string) string { return store.Slugify(name) }

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return int16(n)
}

// nullID turns a 0-based index (-1: none) into a 1-based id or NULL.
func nullID(i int) any {
	if i < 0 {
		return nil
	}
	return int64(i + 1)
}
