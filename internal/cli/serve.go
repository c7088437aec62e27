package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

func serve(ctx context.Context, e *env, args []string) error {
	if err := flags("serve", e).Parse(args); err != nil {
		return err
	}
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return err
	}
	defer stop()
	return serveOn(ctx, e, dsn)
}

// runAll is `make run`: migrate, seed, serve, on whichever database the
// environment resolves to.
func runAll(ctx context.Context, e *env, args []string) error {
	if err := flags("run", e).Parse(args); err != nil {
		return err
	}
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return err
	}
	defer stop()
	if err := seedInto(ctx, e, dsn); err != nil {
		return err
	}
	return serveOn(ctx, e, dsn)
}

// serveOn migrates (migrations run before the app's pool opens), serves
// until ctx ends, then drains in-flight requests.
func serveOn(ctx context.Context, e *env, dsn string) error {
	start := time.Now()
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return err
	}
	db, err := database.Open(ctx, dsn, e.cfg.MaxConns)
	if err != nil {
		return err
	}
	defer database.Close(db)
	var read = db
	if e.cfg.DatabaseReadURL != "" {
		read, err = database.Open(ctx, e.cfg.DatabaseReadURL, e.cfg.MaxConns)
		if err != nil {
			return fmt.Errorf("DATABASE_READ_URL: %w", err)
		}
		defer database.Close(read)
	}
	app, err := web.New(store.New(db, read), web.Options{
		Log: e.log, RequestTimeout: e.cfg.RequestTimeout, SecureCookies: e.cfg.SecureCookies,
		TrustedProxies: e.cfg.TrustedProxies, SubmitPerHour: e.cfg.SubmitPerHour,
		PublicURL: e.cfg.PublicURL, Context: ctx,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("", strconv.Itoa(e.cfg.Port)))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	errc := make(chan error, 1)
	go func() { errc <- app.Listener(ln) }()
	e.log.Info("ready", "url", fmt.Sprintf("http://localhost:%d/", e.cfg.Port), "startup_ms", time.Since(start).Milliseconds())
	fmt.Fprintf(e.stdout, "Benchboard is serving on http://localhost:%d/\n", e.cfg.Port)
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	e.log.Info("shutting down: draining in-flight requests")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := app.ShutdownWithContext(shutCtx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}
