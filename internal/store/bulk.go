package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// A large import into a smaller results table is written in bulk, as
// Postgres' manual advises for populating a database: the indexes and
// foreign keys of results and revisions are dropped, the rows written,
// then the indexes built and the keys checked again, all in the import's
// transaction. Kept up row by row, they were most of a large import's
// time: each inserted result checked four foreign keys and updated eight
// indexes one entry at a time, where a build sorts once and a check is one
// join.
//
// The catch is the locks. Dropping a foreign key locks the table it points
// to as well, so from the classification to the commit nobody reads
// results, revisions, datasets, metrics, methods, papers or submissions:
// a page already cached is still served, any other waits. So the bulk
// write is chosen only for large imports into a smaller table, and given
// up for the row-by-row write when another transaction holds one of those
// tables for more than a few seconds.

// bulkMin is the smallest import written in bulk (BulkAuto): below it the
// saving is milliseconds, not worth locking readers out.
const bulkMin = 20_000

// lockWait is how long a bulk write waits for its locks before it gives
// up and writes row by row.
const lockWait = "3s"

// setAsideSQL lists what a bulk write sets aside: every index of results
// and revisions but their primary keys (other tables' foreign keys and the
// write's updates need them) and those behind a constraint, and their
// foreign keys. Each comes with the statement that drops it and the one
// that builds it again, read from the catalogue so that it follows the
// migrations.
const setAsideSQL = `
SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS add
FROM pg_index i
WHERE i.indrelid IN ('results'::regclass, 'revisions'::regclass) AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
UNION ALL
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
FROM pg_constraint
WHERE contype = 'f' AND conrelid IN ('results'::regclass, 'revisions'::regclass)`

// boardAsideSQL lists what a bulk write sets aside while it rebuilds the
// boards of its new results: every index of board_rows and board_cells,
// their primary keys too (nothing points to them), each with the
// statement that drops it and the one that builds it again. Row by row,
// those indexes cost twice what the rows did; the tables are the size of
// results less what the boards leave out, so a bulk write's rebuild
// fills most of them.
const boardAsideSQL = `
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add
FROM pg_constraint
WHERE contype IN ('p', 'u') AND conrelid IN ('board_rows'::regclass, 'board_cells'::regclass)
UNION ALL
SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid IN ('board_rows'::regclass, 'board_cells'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`

// bulkTablesSQL lists the tables a bulk write locks: results, revisions,
// what their foreign keys point to, and the boards kept from results
// (board_rows and board_cells, whose indexes it sets aside).
const bulkTablesSQL = `SELECT t::text FROM (
    SELECT 'results'::regclass AS t, 0 AS o UNION SELECT 'revisions'::regclass, 1
    UNION SELECT confrelid::regclass, 2 FROM pg_constraint
    WHERE contype = 'f' AND conrelid IN ('results'::regclass, 'revisions'::regclass)
    UNION SELECT 'board_rows'::regclass, 3 UNION SELECT 'board_cells'::regclass, 3) x
GROUP BY t ORDER BY min(o), t::text`

// lockForBulk decides whether this import is written in bulk and, if so,
// takes every lock the bulk write needs, before the classification reads
// results: nothing can change between the plan and the write.
func (in *ingester) lockForBulk(ctx context.Context) (bool, error) {
	if ok, err := in.bulkWanted(ctx); err != nil || !ok {
		return false, err
	}
	db := in.tx.WithContext(ctx)
	var tables []string
	err := db.Raw(bulkTablesSQL).Scan(&tables).Error
	if err != nil {
		return false, fmt.Errorf("bulk: %w", err)
	}
	// In a savepoint: a lock not granted in time leaves the transaction
	// usable for the row-by-row write. The names come from regclass,
	// quoted as needed.
	err = db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("SET LOCAL lock_timeout = '" + lockWait + "'; LOCK TABLE " + strings.Join(tables, ", ") +
			" IN ACCESS EXCLUSIVE MODE; SET LOCAL lock_timeout = DEFAULT").Error
	})
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "55P03": // lock_not_available
		return false, nil
	case err != nil:
		return false, fmt.Errorf("bulk: lock: %w", err)
	}
	in.bulk = true
	return true, nil
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
	var owner bool // DROP INDEX and DISABLE TRIGGER need the tables' owner
	if err := db.Raw(`SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class
		WHERE oid IN ('results'::regclass, 'revisions'::regclass, 'board_rows'::regclass, 'board_cells'::regclass)`).Scan(&owner).Error; err != nil {
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

// setAside drops what setAsideSQL lists; the returned restore builds it
// back after the write. A unique index that no longer holds, or a foreign
// key that no longer points anywhere, fails the import.
func (in *ingester) setAside(ctx context.Context) (restore func(context.Context) error, err error) {
	restoreDefs, err := in.drop(ctx, setAsideSQL)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) error {
		if err := restoreDefs(ctx); err != nil {
			return err
		}
		// The next pages plan with what the table holds now, not with
		// statistics from before the import.
		if err := in.tx.WithContext(ctx).Exec("ANALYZE results, revisions").Error; err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		return nil
	}, nil
}

// drop runs the drop of each statement pair that list (a query) gives;
// the returned restore runs their adds.
func (in *ingester) drop(ctx context.Context, list string) (restore func(context.Context) error, err error) {
	db := in.tx.WithContext(ctx)
	var defs []struct{ Drop, Add string }
	if err := db.Raw(list).Scan(&defs).Error; err != nil {
		return nil, fmt.Errorf("bulk: %w", err)
	}
	for _, d := range defs {
		if err := db.Exec(d.Drop).Error; err != nil {
			return nil, fmt.Errorf("bulk: %s: %w", d.Drop, err)
		}
	}
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
		return nil
	}, nil
}

// rebuildBoards computes the boards ids afresh from results, as
// results_board_insert does after a large insert (board_rebuild,
// migration 0050), with the boards' indexes set aside meanwhile
// (boardAsideSQL). They are back before it returns: the write's updates
// keep the boards up row by row, through ON CONFLICT on their keys.
func (in *ingester) rebuildBoards(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	restore, err := in.drop(ctx, boardAsideSQL)
	if err != nil {
		return err
	}
	if err := in.tx.WithContext(ctx).Exec("SELECT board_rebuild($1::bigint[])", ids).Error; err != nil {
		return fmt.Errorf("boards: %w", err)
	}
	return restore(ctx)
}
