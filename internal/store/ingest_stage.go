package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// The staged records are COPYed on a connection of their own, into an
// unlogged table of the import's own, while the import's transaction
// resolves the next batch against the catalogue. On one connection the
// two took turns: Postgres parsing a batch's COPY (2.4 s a million rows,
// plus 2.2 s reading each revision's JSON, which the write did) left the
// catalogue's statements waiting, and the other way round. The rows need
// no transaction of their own: they reference catalogue rows that only
// the import's transaction can see, and nothing but that transaction
// reads them. A temporary view, ingest_rows, names the table inside it.
//
// The table is dropped once the transaction has ended. A table left by an
// import that died (named for its staging session's pid) is dropped by the
// next import, once no session has that pid.

// stageColumnsSQL are the staged rows' columns: one per column of
// results, plus ord, the record's place in the input, and snap, the
// revision a new result gets (appendSnapshot) for a write that may be in
// bulk (NULL for one that cannot).
const stageColumnsSQL = `(
    ord bigint NOT NULL, dataset_id bigint NOT NULL, metric_id bigint NOT NULL, method_id bigint NOT NULL,
    paper_id bigint, value float8 NOT NULL, plus_minus float8, unit text NOT NULL, score float8 NOT NULL,
    raw text NOT NULL, setting text NOT NULL, extra_data boolean NOT NULL, params_text text NOT NULL,
    params float8, compute_text text NOT NULL, reported_in text NOT NULL, source text NOT NULL,
    source_url text NOT NULL, confidence text NOT NULL, note text NOT NULL,
    verified boolean NOT NULL, needs_review boolean NOT NULL, snap jsonb
)`

var stageColumns = []string{"ord", "dataset_id", "metric_id", "method_id", "paper_id", "value", "plus_minus",
	"unit", "score", "raw", "setting", "extra_data", "params_text", "params", "compute_text", "reported_in",
	"source", "source_url", "confidence", "note", "verified", "needs_review", "snap"}

// stageTablePrefix names the staging tables: the prefix, then the pid of
// the session that fills it.
const stageTablePrefix = "ingest_stage_"

// orphanStagesSQL lists the staging tables of sessions that are gone.
const orphanStagesSQL = `
SELECT c.relname FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
  AND c.relname ~ '^` + stageTablePrefix + `[0-9]{1,10}$'
  AND substr(c.relname, length('` + stageTablePrefix + `') + 1)::bigint NOT IN (SELECT pid FROM pg_stat_activity)`

// stager copies resolved batches into the staging table, in order, on
// its own connection.
type stager struct {
	conn    *pgx.Conn
	table   string
	batches chan stagedBatch
	free    chan []resolved // buffers copied, to resolve into again
	done    chan struct{}   // closed when the copying has stopped
	err     error           // why it stopped early, read after done
	snaps   bool            // fill snap (the write may be in bulk)
	closed  bool            // batches is closed (finish)
}

// stagedBatch is one batch resolved: rows numbered from ord.
type stagedBatch struct {
	rows []resolved
	ord  int64
}

// openStager connects as cfg says (the import's own connection's
// settings), drops staging tables that imports which died left behind, and
// makes this import's.
func openStager(ctx context.Context, cfg *pgx.ConnConfig) (*stager, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("staging connection: %w", err)
	}
	st := &stager{conn: conn, table: stageTablePrefix + strconv.FormatUint(uint64(conn.PgConn().PID()), 10)}
	if err := st.dropOrphans(ctx); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	// Unlogged: the rows live for one import, and a crash loses the
	// import anyway. No autovacuum: the import's writes are all inserts,
	// and the table is gone before it would help.
	_, err = conn.Exec(ctx, "CREATE UNLOGGED TABLE "+st.ident()+" "+stageColumnsSQL+" WITH (autovacuum_enabled = false)")
	if err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("staging table: %w", err)
	}
	return st, nil
}

func (st *stager) ident() string { return pgx.Identifier{st.table}.Sanitize() }

func (st *stager) dropOrphans(ctx context.Context) error {
	rows, err := st.conn.Query(ctx, orphanStagesSQL)
	if err != nil {
		return fmt.Errorf("staging tables left behind: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("staging tables left behind: %w", err)
	}
	for _, n := range names {
		if _, err := st.conn.Exec(ctx, "DROP TABLE IF EXISTS "+pgx.Identifier{n}.Sanitize()); err != nil {
			return fmt.Errorf("drop %s: %w", n, err)
		}
	}
	return nil
}

// start copies what send hands it until finish, each row with its
// snapshot if snaps.
func (st *stager) start(ctx context.Context, snaps bool) {
	st.snaps = snaps
	st.batches = make(chan stagedBatch, 1)
	st.free = make(chan []resolved, 3)
	st.done = make(chan struct{})
	go func() {
		defer close(st.done)
		for b := range st.batches {
			src := &stageSource{rows: b.rows, ord: b.ord, i: -1, snaps: st.snaps}
			if _, err := st.conn.CopyFrom(ctx, pgx.Identifier{st.table}, stageColumns, src); err != nil {
				st.err = fmt.Errorf("copy batch: %w", err)
				// Drain, so that send never blocks on a stager that stopped.
				for range st.batches {
				}
				return
			}
			st.free <- b.rows[:0]
		}
	}()
}

// buffer is a slice to resolve the next batch into: one copied already,
// or a new one while two are in flight.
func (st *stager) buffer(size int) []resolved {
	select {
	case rows := <-st.free:
		return rows
	default:
		return make([]resolved, 0, size)
	}
}

// send queues a batch to be copied; it fails once the copying has.
func (st *stager) send(b stagedBatch) error {
	select {
	case <-st.done:
		return st.err
	default:
	}
	st.batches <- b
	return nil
}

// finish waits until every batch sent is copied, or the copying failed.
// It may be called again: it answers the same.
func (st *stager) finish() error {
	if !st.closed {
		st.closed = true
		close(st.batches)
	}
	<-st.done
	return st.err
}

// close drops the table and the connection, once the import's
// transaction has ended (it holds a lock on the table until then).
func (st *stager) close() {
	ctx := context.Background()
	// A failed drop leaves the table to the next import's dropOrphans.
	_, _ = st.conn.Exec(ctx, "DROP TABLE IF EXISTS "+st.ident())
	_ = st.conn.Close(ctx)
}

// stageSource hands a batch to pgx's CopyFrom, one row at a time.
type stageSource struct {
	rows  []resolved
	ord   int64 // the first row's place in the input
	i     int
	snaps bool // fill snap
	buf   []byte
	vals  [23]any
}

func (s *stageSource) Next() bool { s.i++; return s.i < len(s.rows) }
func (s *stageSource) Err() error { return nil }

// Values fills one array, reused: CopyFrom encodes a row before it asks
// for the next.
func (s *stageSource) Values() ([]any, error) {
	r := &s.rows[s.i]
	rec := &r.rec
	var snap *string
	if s.snaps {
		s.buf = appendSnapshot(s.buf[:0], r)
		str := string(s.buf)
		snap = &str
	}
	s.vals = [23]any{s.ord + int64(s.i), r.datasetID, r.metricID, r.method, r.paperID, rec.Value, rec.PlusMinus,
		rec.Unit, r.score, rec.Raw, rec.Setting, rec.ExtraData, rec.Params, r.params, rec.Compute, rec.ReportedIn,
		rec.Source, rec.SourceURL, rec.Confidence, rec.Note, rec.Verified, rec.NeedsReview, snap}
	return s.vals[:], nil
}

// openStagerLike opens a stager connected as conn is.
func openStagerLike(ctx context.Context, conn *sql.Conn) (*stager, error) {
	var cfg *pgx.ConnConfig
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("staging needs pgx's driver, not %T", dc)
		}
		cfg = c.Conn().Config()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return openStager(ctx, cfg)
}
