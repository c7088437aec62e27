package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sync"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// Outcome is what ingesting one record did.
type Outcome string

// The outcomes of one record. A record never overwrites a different number
// reported for the same result: it is kept beside it as conflicting.
const (
	OutcomeNew         Outcome = "new"
	OutcomeUnchanged   Outcome = "unchanged"
	OutcomeChanged     Outcome = "changed"     // same number, other details (note, source URL …) updated
	OutcomeConflicting Outcome = "conflicting" // a different number for an existing report, kept beside it
)

// Counts tallies outcomes.
type Counts struct {
	New, Unchanged, Changed, Conflicting int
}

// Total is every record counted.
func (c Counts) Total() int { return c.New + c.Unchanged + c.Changed + c.Conflicting }

// Summary is what an ingest did, overall and per dataset.
type Summary struct {
	Counts
	PerDataset map[string]*Counts
	DryRun     bool
	Bulk       bool // written in bulk (bulk.go)

	// NewNames are the datasets, metrics and methods the import created
	// (the first MaxNewNames of them; NewNamesTotal counts all), each with
	// the existing names that look closest: a moderator merges a spelling
	// into what it spells (see Merge). Guessed lists every metric the
	// import created whose direction was guessed from its name.
	NewNames      []NewName          `json:",omitempty"`
	NewNamesTotal int                `json:",omitempty"`
	Guessed       []GuessedDirection `json:",omitempty"`
}

// IngestOptions say who brings the records in and why; every result that
// is written gets a revision naming them.
type IngestOptions struct {
	Action    string // "seed" or "import"
	Actor     string // e.g. "benchboard seed" or a moderator's email
	Reason    string // e.g. the file's name
	DryRun    bool   // run everything, then roll back
	BatchSize int    // records resolved and copied per round trip; 0 means 10,000
	// Progress, when set, is called after each batch with the records
	// taken in so far.
	Progress func(done int)
	// Writing, when set, is called once every record has been taken in,
	// before the statements that classify and write them all.
	Writing func(records int)
	// Phase, when set, is called as each step of the write begins:
	// "classify", "write", "indexes" (a bulk write's rebuild) and
	// "finish" (versions, the summary's names, the commit).
	Phase func(name string)
	// Bulk says whether a large import may be written in bulk (bulk.go).
	Bulk BulkMode
}

// BulkMode says whether an import may set indexes and foreign keys aside
// while it writes, locking readers of results out until it commits.
type BulkMode int

const (
	// BulkAuto writes in bulk an import of at least 20,000 records into a
	// results table holding fewer rows than that import (never a dry run).
	BulkAuto BulkMode = iota
	// BulkNever always writes row by row: readers are never locked out.
	BulkNever
	// BulkAlways writes in bulk whatever the sizes (tests compare the
	// two ways on small inputs).
	BulkAlways
)

// RecordSource yields records until io.EOF. Ingest calls it from a
// goroutine of its own, reading up to two batches ahead of what it writes,
// and never after it has returned.
type RecordSource func() (model.Record, error)

// Records is a RecordSource over records already in memory.
func Records(recs []model.Record) RecordSource {
	i := 0
	return func() (model.Record, error) {
		if i == len(recs) {
			return model.Record{}, io.EOF
		}
		i++
		return recs[i-1], nil
	}
}

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// Ingest brings records in, all in one transaction: all or nothing. A
// cancelled ctx rolls everything back.
//
// It works in two steps. Batch by batch, the records are resolved against
// the catalogue and COPYed into a temporary table; then one statement
// classifies them all and one writes results and revisions. A statement
// per batch spent most of its time on per-statement work and on index and
// foreign-key upkeep row by row; COPY is Postgres' cheapest way in, and
// statements over the whole import let a large import into a smaller
// table be written in bulk (see bulk.go).
func (s *Store) Ingest(ctx context.Context, next RecordSource, opt IngestOptions) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 10000
	}
	sum := Summary{PerDataset: map[string]*Counts{}, DryRun: opt.DryRun}
	// One connection for the whole import's transaction, and one of its
	// own for copying the staged rows (ingest_stage.go).
	err := s.w(ctx).Connection(func(cx *gorm.DB) error {
		conn, ok := cx.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("a pooled connection, not %T", cx.Statement.ConnPool)
		}
		st, err := openStagerLike(ctx, conn)
		if err != nil {
			return err
		}
		defer st.close()
		return cx.Transaction(func(tx *gorm.DB) error {
			in := &ingester{tx: tx, stager: st, opt: opt, cat: newCatalog(tx), datasets: map[int64]*stagedDataset{}}
			in.cat.review = opt.Action != "seed"
			in.snaps = !opt.DryRun && opt.Bulk != BulkNever
			// One import at a time per database, from its first catalogue
			// insert to its commit: no two imports classify the same
			// reports as new, nor wait on each other's catalogue rows. A
			// dry run, which keeps nothing, goes alongside.
			if !opt.DryRun {
				if err := tx.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(" + importLock + ")").Error; err != nil {
					return fmt.Errorf("wait for other imports: %w", err)
				}
			}
			// No JIT: an import runs a hundred statements whose estimated
			// costs pass jit_above_cost, and compiling each one took
			// longer (0.3 s a lookup) than the row-at-a-time work it saved.
			if err := tx.WithContext(ctx).Exec("SET LOCAL jit = off").Error; err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			if err := in.stage(ctx, next); err != nil {
				return err
			}
			if opt.Writing != nil {
				opt.Writing(in.staged)
			}
			if err := in.write(ctx); err != nil {
				return err
			}
			in.tally(&sum)
			in.phase("finish")
			if err := in.bumpVersions(ctx); err != nil {
				return err
			}
			if in.cat.review {
				if err := in.cat.describeNew(ctx, &sum); err != nil {
					return err
				}
			}
			if opt.DryRun {
				return errDryRun
			}
			// The view would outlive the transaction, and the table it
			// reads is dropped after it.
			if err := tx.WithContext(ctx).Exec("DROP VIEW ingest_rows").Error; err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			return nil
		})
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return Summary{}, fmt.Errorf("ingest: %w", err)
	}
	return sum, nil
}

type ingester struct {
	tx     *gorm.DB
	stager *stager
	opt    IngestOptions
	cat    *catalog
	staged int  // records handed to the stager so far
	bulk   bool // written in bulk (bulk.go)
	snaps  bool // the write may be in bulk: stage each record's snapshot

	datasets map[int64]*stagedDataset
}

// tally fills the summary from what write counted per dataset: what a
// record did not write, it left unchanged.
func (in *ingester) tally(sum *Summary) {
	for _, d := range in.datasets {
		c := sum.PerDataset[d.name]
		if c == nil {
			c = &Counts{}
			sum.PerDataset[d.name] = c
		}
		d.counts.Unchanged = d.records - d.counts.New - d.counts.Changed - d.counts.Conflicting
		for _, to := range []*Counts{c, &sum.Counts} {
			to.New += d.counts.New
			to.Changed += d.counts.Changed
			to.Conflicting += d.counts.Conflicting
			to.Unchanged += d.counts.Unchanged
		}
	}
	sum.Bulk = in.bulk
}

// stagedDataset is what one dataset's records did; the summary names it
// as its first record did.
type stagedDataset struct {
	name    string
	records int
	counts  Counts // filled by write; Unchanged is what is left over
}

// stage resolves every record and has it copied into the staging table,
// a batch at a time, while readBatches reads and keys the next batch and
// the stager copies the one before (ingest_stage.go). It returns once
// every batch is copied, and ingest_rows names the table.
func (in *ingester) stage(ctx context.Context, next RecordSource) error {
	if err := in.tx.WithContext(ctx).Exec("CREATE TEMPORARY VIEW ingest_rows AS SELECT * FROM " + in.stager.ident()).Error; err != nil {
		return fmt.Errorf("staging table: %w", err)
	}
	batches := make(chan keyedBatch, 1)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		readBatches(next, in.opt.BatchSize, batches, done)
	}()
	in.stager.start(ctx, in.snaps)
	// next is not called once stage returns: the caller may read what it
	// set (the importer's parse error). Nor is the staging table written
	// to: the transaction may roll back and the stager drop it.
	defer func() {
		close(done)
		for range batches {
		}
		wg.Wait()
		_ = in.stager.finish()
	}()
	for b := range batches {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := in.stageBatch(ctx, b); err != nil {
			return err
		}
		if b.err != nil {
			return b.err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return in.stager.finish()
}

// stageBatch resolves one batch and hands it to the stager. A batch that
// ended in an input error stages nothing: the import fails.
func (in *ingester) stageBatch(ctx context.Context, b keyedBatch) error {
	if len(b.recs) == 0 || b.err != nil {
		return nil
	}
	if err := in.cat.prefetch(ctx, b.recs, b.keys); err != nil {
		return err
	}
	rows := in.stager.buffer(in.opt.BatchSize)
	for i := range b.recs {
		rec, k := &b.recs[i], &b.keys[i]
		r, err := in.resolve(ctx, rec, k)
		if err != nil {
			return fmt.Errorf("record for %s / %s / %s: %w", rec.Dataset, rec.Metric, rec.Method, err)
		}
		rows = append(rows, r)
		d := in.datasets[r.datasetID]
		if d == nil {
			name := in.cat.names["datasets"][r.datasetID]
			if name == "" {
				name = rec.Dataset
			}
			d = &stagedDataset{name: name}
			in.datasets[r.datasetID] = d
		}
		d.records++
	}
	if err := in.stager.send(stagedBatch{rows: rows, ord: int64(in.staged)}); err != nil {
		return err
	}
	in.staged += len(b.recs)
	if in.opt.Progress != nil {
		in.opt.Progress(in.staged)
	}
	return nil
}

// resolved is one record with its catalogue ids looked up.
type resolved struct {
	rec                         model.Record
	datasetID, metricID, method int64
	paperID                     *int64
	score                       float64
	params                      *float64
}

// bumpVersions moves the data version of every dataset the import
// changed: caches key on it.
func (in *ingester) bumpVersions(ctx context.Context) error {
	var ids []int64
	for id, d := range in.datasets {
		if d.counts.New+d.counts.Changed+d.counts.Conflicting > 0 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return in.tx.WithContext(ctx).Exec("UPDATE datasets SET data_version = data_version + 1 WHERE id = ANY($1)", ids).Error
}

func (in *ingester) resolve(ctx context.Context, rec *model.Record, k *recordKeys) (resolved, error) {
	c := in.cat
	dsID, err := c.dataset(ctx, *rec, k.dataset)
	if err != nil {
		return resolved{}, err
	}
	m, err := c.metric(ctx, dsID, *rec, k.metric)
	if err != nil {
		return resolved{}, err
	}
	var paperID *int64
	if k.paper != "" {
		id, err := c.paper(ctx, *rec, k.paper)
		if err != nil {
			return resolved{}, err
		}
		paperID = &id
	}
	methodID, err := c.method(ctx, k.method, rec.Method, paperID)
	if err != nil {
		return resolved{}, err
	}
	r := resolved{rec: *rec, datasetID: dsID, metricID: m.ID, method: methodID, paperID: paperID}
	r.score = model.ConvertUnit(rec.Value, rec.Unit, m.Unit)
	if n, ok := model.ParseCount(rec.Params); ok {
		r.params = &n
	}
	return r, nil
}
