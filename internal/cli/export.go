package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
)

func export(ctx context.Context, e *env, args []string) error {
	fs := flags("export", e)
	out := fs.String("out", "", "write to this file instead of stdout")
	slug := fs.String("dataset", "", "export one dataset (its slug) instead of all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	// Reading needs no migration; an export of an older schema is refused
	// by the query, not rewritten.
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return err
	}
	defer stop()
	db, err := database.Open(ctx, dsn, 2)
	if err != nil {
		return err
	}
	defer database.Close(db)
	st := store.New(db, nil)
	var id int64
	if *slug != "" {
		d, err := st.Dataset(ctx, *slug)
		if err != nil {
			return err
		}
		id = d.ID
	}
	var w io.Writer = e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	rows, err := st.Export(ctx, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	n, err := csvio.Copy(w, rows)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "export: %d results\n", n)
	return nil
}
