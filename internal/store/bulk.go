package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// bulkMin is the smallest import written in bulk: below it the saving is
// milliseconds, not worth locking readers out.
const bulkMin = 20_000

// setAsideSQL lists what a bulk write sets aside: every index of results
// and revisions but their primary keys (other tables' foreign keys and the
// write's updates need them), and their foreign keys. Each comes with the
// statement that drops it and the one that builds it again, read from the
// catalogue so that it follows the migrations.
const setAsideSQL = `
SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS add
FROM pg_index i
WHERE i.indrelid IN ('results'::regclass, 'revisions'::regclass) AND NOT i.indisprimary
UNION ALL
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
FROM pg_constraint
WHERE contype = 'f' AND conrelid IN ('results'::regclass, 'revisions'::regclass)`

// setAside prepares the write. An import at least as large as the results
// table already holds is written in bulk, as Postgres' manual advises for
// populating a database: the indexes and foreign keys of results and
// revisions are dropped, the rows written, then the indexes built and the
// keys checked again, all in the import's transaction. Kept up row by row,
// they were most of a large import's time: each inserted result checked
// four foreign keys and updated seven indexes one entry at a time, where a
// build sorts once and a check is one join. The catch is the lock: from
// here to the commit, nobody reads results (a page not already cached
// waits), so it is taken only for large imports, only when the table is
// smaller than the import, and given up for the row-by-row write when
// another transaction holds results for more than a few seconds.
//
// restore builds back what was set aside; it is a no-op when nothing was.
// A unique index that no longer holds, or a foreign key that no longer
// points anywhere, fails the import.
func (in *ingester) setAside(ctx context.Context) (restore func(context.Context) error, err error) {
	restore = func(context.Context) error { return nil }
	if ok, err := in.bulkWanted(ctx); err != nil || !ok {
		return restore, err
	}
	db := in.tx.WithContext(ctx)
	// A savepoint: a lock not granted in time leaves the transaction usable.
	locked := db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec(`SET LOCAL lock_timeout = '3s';
			LOCK TABLE results, revisions IN ACCESS EXCLUSIVE MODE;
			SET LOCAL lock_timeout = DEFAULT`).Error
	}) == nil
	if !locked {
		return restore, nil
	}
	var defs []struct{ Drop, Add string }
	if err := db.Raw(setAsideSQL).Scan(&defs).Error; err != nil {
		return nil, fmt.Errorf("bulk: %w", err)
	}
	for _, d := range defs {
		if err := db.Exec(d.Drop).Error; err != nil {
			return nil, fmt.Errorf("bulk: %s: %w", d.Drop, err)
		}
	}
	in.bulk = true
	return func(ctx context.Context) error {
		db := in.tx.WithContext(ctx)
		if err := db.Exec("SET LOCAL maintenance_work_mem = '256MB'").Error; err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		for _, d := range defs {
			if err := db.Exec(d.Add).Error; err != nil {
				return fmt.Errorf("bulk: %s: %w", d.Add, err)
			}
		}
		// The next pages plan with what the table holds now, not with
		// statistics from before the import.
		if err := db.Exec("ANALYZE results, revisions").Error; err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		return nil
	}, nil
}

// bulkWanted says whether this import is written in bulk: by its mode,
// its size against what results holds, and the tables' ownership.
func (in *ingester) bulkWanted(ctx context.Context) (bool, error) {
	switch {
	case in.opt.DryRun || in.opt.Bulk == BulkNever:
		return false, nil
	case in.opt.Bulk == BulkAuto && in.staged < bulkMin:
		return false, nil
	}
	db := in.tx.WithContext(ctx)
	var owner bool // DROP INDEX needs the tables' owner
	if err := db.Raw(`SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class
		WHERE oid IN ('results'::regclass, 'revisions'::regclass)`).Scan(&owner).Error; err != nil {
		return false, fmt.Errorf("bulk: %w", err)
	}
	if !owner || in.opt.Bulk == BulkAlways {
		return owner, nil
	}
	var held int // rows in results, counted up to the import's size
	if err := db.Raw("SELECT count(*) FROM (SELECT 1 FROM results LIMIT ?) t", in.staged).Scan(&held).Error; err != nil {
		return false, fmt.Errorf("bulk: %w", err)
	}
	return held < in.staged, nil
}
