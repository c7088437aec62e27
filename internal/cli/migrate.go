package cli

import (
	"context"
	"fmt"

	"github.com/benchboard/benchboard/internal/database"
)

func migrate(ctx context.Context, e *env, args []string) error {
	if err := flags("migrate", e).Parse(args); err != nil {
		return err
	}
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return err
	}
	defer stop()
	applied, err := database.Migrate(ctx, dsn)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "migrations applied: %d\n", len(applied))
	for _, a := range applied {
		fmt.Fprintln(e.stdout, "  ", a)
	}
	return nil
}
