package bench

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// statement is one query as the store sent it: SQL with $n placeholders
// and the arguments.
type statement struct {
	SQL  string
	Vars []any
}

// recorder collects every statement a gorm handle runs, through gorm's
// own callbacks, so the harness explains and replays exactly the SQL the
// store sends instead of a copy that could drift from it.
type recorder struct {
	mu    sync.Mutex
	stmts []statement
}

func (r *recorder) register(db *gorm.DB) error {
	rec := func(tx *gorm.DB) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.stmts = append(r.stmts, statement{SQL: tx.Statement.SQL.String(), Vars: append([]any(nil), tx.Statement.Vars...)})
	}
	cb := db.Callback()
	if err := cb.Row().After("gorm:row").Register("bench:record_row", rec); err != nil {
		return err
	}
	if err := cb.Raw().After("gorm:raw").Register("bench:record_raw", rec); err != nil {
		return err
	}
	return cb.Query().After("gorm:query").Register("bench:record_query", rec)
}

// add records a statement the store sent through pgx directly
// (store.TraceQueries).
func (r *recorder) add(sql string, args []any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stmts = append(r.stmts, statement{SQL: sql, Vars: append([]any(nil), args...)})
}

func (r *recorder) take() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.stmts
	r.stmts = nil
	return out
}

// explain runs EXPLAIN (ANALYZE, BUFFERS) on each read-only statement,
// after one untimed execution, so the plan shows the steady state a busy
// server sees. A statement that writes is listed, never executed.
func explain(ctx context.Context, conn *pgx.Conn, stmts []statement) (string, error) {
	var b strings.Builder
	for i, st := range stmts {
		fmt.Fprintf(&b, "-- query %d of %d, arguments %s\n%s\n\n", i+1, len(stmts), formatVars(st.Vars), strings.TrimSpace(dedent(st.SQL)))
		if writes.MatchString(st.SQL) {
			b.WriteString("(writes: not executed by the harness)\n\n")
			continue
		}
		if _, err := conn.Exec(ctx, st.SQL, st.Vars...); err != nil {
			return "", fmt.Errorf("bench: run %q: %w", short(st.SQL), err)
		}
		rows, err := conn.Query(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+st.SQL, st.Vars...)
		if err != nil {
			return "", fmt.Errorf("bench: explain %q: %w", short(st.SQL), err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return "", err
			}
			b.WriteString(line + "\n")
		}
		if err := rows.Err(); err != nil {
			return "", err
		}
		b.WriteString("\n")
		if callsFunction.MatchString(st.SQL) {
			inner, err := explainInside(ctx, conn, st)
			if err != nil {
				return "", err
			}
			b.WriteString(inner)
		}
	}
	return b.String(), nil
}

// callsFunction spots a statement that reads through one of the app's
// PL/pgSQL functions (migration 0075), whose own EXPLAIN shows only a
// function scan.
var callsFunction = regexp.MustCompile(`(?i)\bfrom\s+board_\w+\(`)

// explainInside runs st on a connection of its own with auto_explain
// logging every statement nested in it, analysed, to the client, and
// returns those plans: what the function runs and how, as the app's
// connections run it (the second call, its plans kept).
func explainInside(ctx context.Context, conn *pgx.Conn, st statement) (string, error) {
	var (
		mu    sync.Mutex
		notes []string
	)
	cfg := conn.Config().Copy()
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) {
		mu.Lock()
		defer mu.Unlock()
		notes = append(notes, n.Message)
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return "", fmt.Errorf("bench: explain inside %q: %w", short(st.SQL), err)
	}
	defer c.Close(ctx)
	for _, set := range []string{"LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0", "SET auto_explain.log_analyze = on",
		"SET auto_explain.log_buffers = on", "SET auto_explain.log_nested_statements = on", "SET client_min_messages = log"} {
		if _, err := c.Exec(ctx, set); err != nil {
			return "", fmt.Errorf("bench: explain inside %q: %s: %w", short(st.SQL), set, err)
		}
	}
	for i := range 2 {
		mu.Lock()
		notes = nil
		mu.Unlock()
		if _, err := c.Exec(ctx, st.SQL, st.Vars...); err != nil {
			return "", fmt.Errorf("bench: explain inside %q (run %d): %w", short(st.SQL), i+1, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	var b strings.Builder
	for _, n := range notes {
		if strings.Contains(n, "Function Scan on") {
			continue // the statement itself, explained above
		}
		b.WriteString("-- inside it, as auto_explain logs it (second call)\n" + strings.TrimSpace(n) + "\n\n")
	}
	return b.String(), nil
}

// writes spots a statement that changes data.
var writes = regexp.MustCompile(`(?i)\b(insert|update|delete|merge|truncate|create|alter|drop)\b`)

func formatVars(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("$%d = %#v", i+1, v)
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// dedent removes the tab indentation of SQL written inside Go strings.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// QueryTiming compares the store's leaderboard query with the same SQL
// run through pgx directly and scanned with pgx's own struct scanner.
type QueryTiming struct {
	Store, Pgx time.Duration // medians
	Rows       int
	Runs       int
}

// timeBoardQuery times viaStore against the statements it ran, replayed
// through pgx: the one that reads results is scanned into model.Report
// by pgx's own struct scanner, any other (small) one into maps.
func timeBoardQuery(ctx context.Context, viaStore func(context.Context) (int, error), conn *pgx.Conn, stmts []statement, runs int) (QueryTiming, error) {
	viaPgx := func(ctx context.Context) (int, error) {
		n := 0
		for _, st := range stmts {
			rows, err := conn.Query(ctx, st.SQL, st.Vars...)
			if err != nil {
				return 0, err
			}
			if !strings.Contains(st.SQL, "FROM results r") {
				if _, err := pgx.CollectRows(rows, pgx.RowToMap); err != nil {
					return 0, err
				}
				continue
			}
			out, err := pgx.CollectRows(rows, pgx.RowToStructByNameLax[model.Report])
			if err != nil {
				return 0, err
			}
			n += len(out)
		}
		return n, nil
	}
	var a, b []time.Duration
	rowsA, rowsB := 0, 0
	// Two untimed rounds warm both paths (statement caches, shared
	// buffers); then the two alternate so drift hits both alike.
	for i := range runs + 2 {
		t0 := time.Now()
		n, err := viaStore(ctx)
		if err != nil {
			return QueryTiming{}, fmt.Errorf("bench: store query: %w", err)
		}
		d := time.Since(t0)
		t0 = time.Now()
		m, err := viaPgx(ctx)
		if err != nil {
			return QueryTiming{}, fmt.Errorf("bench: pgx query: %w", err)
		}
		e := time.Since(t0)
		if i >= 2 {
			a, b = append(a, d), append(b, e)
		}
		rowsA, rowsB = n, m
	}
	if rowsA != rowsB {
		return QueryTiming{}, fmt.Errorf("bench: the store read %d rows, pgx %d", rowsA, rowsB)
	}
	return QueryTiming{Store: Median(a), Pgx: Median(b), Rows: rowsA, Runs: runs}, nil
}
