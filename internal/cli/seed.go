package cli

import (
	"context"
	"encoding/csv"
	"fmt"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/seeds"
)

func seed(ctx context.Context, e *env, args []string) error {
	if err := flags("seed", e).Parse(args); err != nil {
		return err
	}
	dsn, stop, err := e.databaseURL(ctx)
	if err != nil {
		return err
	}
	defer stop()
	return seedInto(ctx, e, dsn)
}

// seedInto migrates the database at dsn and loads the seeds into it.
func seedInto(ctx context.Context, e *env, dsn string) error {
	if _, err := database.Migrate(ctx, dsn); err != nil {
		return err
	}
	db, err := database.Open(ctx, dsn, 4)
	if err != nil {
		return err
	}
	defer database.Close(db)
	sum, err := Seed(ctx, store.New(db, nil))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "seed: %d new, %d unchanged, %d changed, %d conflicting (kept beside the other report)\n",
		sum.New, sum.Unchanged, sum.Changed, sum.Conflicting)
	return nil
}

// Seed loads the embedded seed file; a second run changes nothing.
func Seed(ctx context.Context, st *store.Store) (store.Summary, error) {
	f, err := seeds.FS.Open(seeds.File)
	if err != nil {
		return store.Summary{}, fmt.Errorf("seed: %w", err)
	}
	defer f.Close()
	r, err := csvio.NewReader(f)
	if err != nil {
		return store.Summary{}, fmt.Errorf("seed: %s: %w", seeds.File, err)
	}
	sum, err := st.Ingest(ctx, r.Read, store.IngestOptions{Action: "seed", Actor: "benchboard seed", Reason: "seeds/" + seeds.File})
	if err != nil {
		return sum, fmt.Errorf("seed: %s: %w", seeds.File, err)
	}
	if err := seedAliases(ctx, st); err != nil {
		return sum, err
	}
	return sum, nil
}

// seedAliases loads the other names datasets and methods are known by
// ("ImageNet" for ImageNet-1k), so that imports and the extractor find them.
func seedAliases(ctx context.Context, st *store.Store) error {
	f, err := seeds.FS.Open(seeds.Aliases)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("seed: %s: %w", seeds.Aliases, err)
	}
	for i, row := range rows[1:] {
		if len(row) != 3 {
			return fmt.Errorf("seed: %s: line %d: want kind,name,alias", seeds.Aliases, i+2)
		}
		if err := st.AddAlias(ctx, row[0], row[1], row[2]); err != nil {
			return fmt.Errorf("seed: %s: line %d: %w", seeds.Aliases, i+2, err)
		}
	}
	return nil
}
