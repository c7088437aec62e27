// Package cli holds Benchboard's sub-commands; each is a function that
// returns an error, so tests can call it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/benchboard/benchboard/internal/config"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
)

// env is what every command gets.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cfg            config.Config
	log            *slog.Logger
}

type command struct {
	usage string
	run   func(ctx context.Context, e *env, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"serve":   {"serve the site (migrates first)", serve},
		"migrate": {"apply pending migrations", migrate},
		"seed":    {"load the bundled seed results (idempotent)", seed},
		"export":  {"write results as CSV to stdout or --out FILE", export},
		"extract": {"read scores out of paper abstracts into the moderation queue (--dry-run)", extractCmd},
		"import":  {"import results files and folders: CSV, Papers with Code, model-index, model cards, lm-eval, tables (--dry-run)", importFile},
		"run":     {"migrate, seed and serve: what `make run` does", runAll},
		"user":    {"moderator accounts: user add|password|name|list|disable", userCmd},
	}
}

// Run dispatches args[0] to its command.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("unknown command %q", args[0])
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, cfg: cfg,
		log: slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	return cmd.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: benchboard <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].usage)
	}
	fmt.Fprintln(w, "\nenvironment: DATABASE_URL, DATABASE_READ_URL, PORT, BENCHBOARD_* (see README)")
}

func flags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// databaseURL resolves the database: DATABASE_URL if set (creating the
// database it names when the server allows); else the local server on
// 127.0.0.1:5432 (creating the benchboard database); else an embedded
// Postgres under the data directory. stop shuts that one down. It says on
// stderr which database the command works on, so that nobody adds a
// moderator to one database while the site serves another.
func (e *env) databaseURL(ctx context.Context) (dsn string, stop func() error, err error) {
	noop := func() error { return nil }
	if e.cfg.DatabaseURL != "" {
		if err := database.EnsureDatabase(ctx, e.cfg.DatabaseURL); err != nil {
			return "", nil, err
		}
		fmt.Fprintf(e.stderr, "using %s (DATABASE_URL)\n", database.Describe(e.cfg.DatabaseURL))
		return e.cfg.DatabaseURL, noop, nil
	}
	if database.Reachable(ctx, config.DefaultLocalURL, 2*time.Second) {
		if err := database.EnsureDatabase(ctx, config.DefaultLocalURL); err != nil {
			return "", nil, err
		}
		fmt.Fprintf(e.stderr, "using %s (DATABASE_URL is not set: the local server)\n", database.Describe(config.DefaultLocalURL))
		return config.DefaultLocalURL, noop, nil
	}
	fmt.Fprintf(e.stderr, "no Postgres answers on 127.0.0.1:5432; starting an embedded one under %s\n", e.cfg.DataDir)
	dsn, stop, err = database.StartEmbedded(ctx, e.cfg.DataDir, e.stderr)
	if err != nil {
		return "", nil, fmt.Errorf("embedded Postgres: %w", err)
	}
	fmt.Fprintf(e.stderr, "using %s (DATABASE_URL is not set: the embedded server under %s)\n", database.Describe(dsn), e.cfg.DataDir)
	return dsn, stop, nil
}

// openStore resolves the database, applies pending migrations, and opens a
// small pool: what every command that reads or writes data needs first.
// The returned close releases the pool and stops an embedded server.
func (e *env) openStore(ctx context.Context) (*store.Store, func(), error) {
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := database.Migrate(ctx, dsn); err != nil {
		stop()
		return nil, nil, err
	}
	db, err := database.Open(ctx, dsn, 2)
	if err != nil {
		stop()
		return nil, nil, err
	}
	return store.New(db, nil), func() { database.Close(db); stop() }, nil
}

// errUsage marks a command line that does not parse.
var errUsage = errors.New("usage")

func joinArgs(a []string) string { return strings.Join(a, " ") }
