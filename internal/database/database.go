// Package database opens the Postgres pool and applies the embedded
// migrations. Migrations run before the application's pool is opened:
// pgx caches prepared statements, and a plan cached before DDL fails after.
package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/benchboard/benchboard/migrations"
)

func init() {
	// gorm's Scan records each statement for its log line through a
	// package-level recorder that ignores the connection's logger (gorm
	// issue 7844): it spelt out every parameter into the SQL, even with
	// logging silenced. An import batch passes arrays of thousands of names,
	// and that formatting was 0.3 s of a million-row import's Go time. The
	// recorded statement is only ever printed by a logger, and ours is
	// silent, so it keeps the placeholders.
	logger.RecorderParamsFilter = func(_ context.Context, sql string, _ ...any) (string, []any) {
		return sql, nil
	}
}

// Open returns a gorm handle over a pgx pool for dsn.
func Open(ctx context.Context, dsn string, maxConns int) (*gorm.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	// pgx prepares every statement, and after five runs Postgres may switch
	// a prepared statement to a generic plan, chosen without the values.
	// Leaderboards are skewed — most have 20 rows, a few 20,000 — so one
	// plan does not fit all: the 10,000-row board's first page took 600 ms
	// on the generic plan against 40 ms on a plan for its own dataset.
	// Planning each run costs well under a millisecond.
	cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	// JIT compiles a statement whose estimated cost is high, and large
	// estimates come from per-row subqueries that run a few index probes:
	// an import batch spent 1.7 s of its 1.8 s compiling, for 30 ms of work.
	// Our statements are short; none gains from it.
	cfg.RuntimeParams["jit"] = "off"
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg)}), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true, // our writes open their own transactions
		PrepareStmt:            false,
	})
	if err != nil {
		return nil, fmt.Errorf("database: open: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("database: pool: %w", err)
	}
	if maxConns <= 0 {
		maxConns = 20
	}
	sqlDB.SetMaxOpenConns(maxConns)
	sqlDB.SetMaxIdleConns(maxConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("database: ping: %w", err)
	}
	return db, nil
}

// Close releases the pool behind db.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Migrate applies every pending migration. A Postgres advisory lock makes
// two instances starting together take turns instead of racing.
func Migrate(ctx context.Context, dsn string) ([]string, error) {
	p, closeFn, err := provider(dsn)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	res, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("database: migrate: %w", err)
	}
	var applied []string
	for _, r := range res {
		applied = append(applied, r.Source.Path)
	}
	return applied, nil
}

// Pending reports how many migrations have not been applied; /readyz uses it.
func Pending(ctx context.Context, db *sql.DB) (int, error) {
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
	if err != nil {
		return 0, fmt.Errorf("database: provider: %w", err)
	}
	status, err := p.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("database: status: %w", err)
	}
	n := 0
	for _, s := range status {
		if s.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}

func provider(dsn string) (*goose.Provider, func(), error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("database: open for migrations: %w", err)
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("database: locker: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS, goose.WithSessionLocker(locker))
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("database: provider: %w", err)
	}
	return p, func() { db.Close() }, nil
}

// EnsureDatabase creates the database named in dsn (a URL or key=value
// string) when the server answers but the database does not exist yet: a
// fresh machine's `make run`. It connects to the server's "postgres"
// database with the same credentials to do so; when that is not allowed
// the error says how to create the database by hand.
func EnsureDatabase(ctx context.Context, dsn string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("database: parse DATABASE_URL: %w", err)
	}
	name := cfg.Database
	if name == "" {
		return errors.New("database: DATABASE_URL names no database")
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		conn.Close(ctx)
		return nil
	}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "3D000" { // 3D000: no such database
		return fmt.Errorf("database: connect: %w", err)
	}
	admin := cfg.Copy()
	admin.Database = "postgres"
	conn, err = pgx.ConnectConfig(ctx, admin)
	if err == nil {
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
		if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // created meanwhile by another instance
			return nil
		}
	}
	if err != nil {
		return fmt.Errorf("database: %q does not exist on %s:%d and could not be created as user %q (%w); "+
			"create it as a user who may, with `createdb -h %s -p %d -U postgres -O %s %s` "+
			"or in psql: CREATE DATABASE %s OWNER %s",
			name, cfg.Host, cfg.Port, cfg.User, err, cfg.Host, cfg.Port, cfg.User, name,
			pgx.Identifier{name}.Sanitize(), pgx.Identifier{cfg.User}.Sanitize())
	}
	return nil
}

// Describe names the database dsn points at, without its password: for
// commands to say where they write.
func Describe(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "(a DATABASE_URL that does not parse)"
	}
	return fmt.Sprintf("database %q on %s:%d as user %q", cfg.Database, cfg.Host, cfg.Port, cfg.User)
}

// Reachable tells whether a Postgres server answers at dsn within timeout.
func Reachable(ctx context.Context, dsn string, timeout time.Duration) bool {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	u, err := url.Parse(dsn)
	if err != nil {
		return false
	}
	u.Path = "/postgres"
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return false
	}
	conn.Close(ctx)
	return true
}

var _ = stdlib.GetDefaultDriver // registers the "pgx" database/sql driver
