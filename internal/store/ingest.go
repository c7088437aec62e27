package store

import (
	"context"
	"errors"
	"fmt"
	"io"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/csvio"
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

func (c *Counts) add(o Outcome) {
	switch o {
	case OutcomeNew:
		c.New++
	case OutcomeUnchanged:
		c.Unchanged++
	case OutcomeChanged:
		c.Changed++
	case OutcomeConflicting:
		c.Conflicting++
	}
}

// Total is every record counted.
func (c Counts) Total() int { return c.New + c.Unchanged + c.Changed + c.Conflicting }

// Summary is what an ingest did, overall and per dataset.
type Summary struct {
	Counts
	PerDataset map[string]*Counts
	DryRun     bool
}

// IngestOptions say who brings the records in and why; every result that
// is written gets a revision naming them.
type IngestOptions struct {
	Action    string // "seed" or "import"
	Actor     string // e.g. "benchboard seed" or a moderator's email
	Reason    string // e.g. the file's name
	DryRun    bool   // run everything, then roll back
	BatchSize int    // records per round trip; 0 means 1000
	// Progress, when set, is called after each batch with the records done.
	Progress func(done int)
}

// RecordSource yields records until io.EOF.
type RecordSource func() (csvio.Record, error)

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// Ingest brings records in, all in one transaction: all or nothing. A
// cancelled ctx rolls everything back.
func (s *Store) Ingest(ctx context.Context, next RecordSource, opt IngestOptions) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	sum := Summary{PerDataset: map[string]*Counts{}, DryRun: opt.DryRun}
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		in := &ingester{tx: tx, opt: opt, cat: newCatalog(tx), touched: map[int64]bool{}}
		if err := in.planAnalyze(ctx); err != nil {
			return err
		}
		batch := make([]csvio.Record, 0, opt.BatchSize)
		done := 0
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			outcomes, err := in.batch(ctx, batch)
			if err != nil {
				return err
			}
			for i, o := range outcomes {
				sum.add(o)
				d := sum.PerDataset[batch[i].Dataset]
				if d == nil {
					d = &Counts{}
					sum.PerDataset[batch[i].Dataset] = d
				}
				d.add(o)
			}
			done += len(batch)
			batch = batch[:0]
			if opt.Progress != nil {
				opt.Progress(done)
			}
			return nil
		}
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			rec, err := next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			batch = append(batch, rec)
			if len(batch) == opt.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if err := in.bumpVersions(ctx); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
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
	tx      *gorm.DB
	opt     IngestOptions
	cat     *catalog
	touched map[int64]bool // datasets whose data changed

	inserted  int // results inserted so far
	analyzeAt int // ANALYZE results when inserted reaches this
}

// planAnalyze decides when to refresh the planner's statistics of results
// inside the transaction. Autovacuum cannot see the rows of a transaction
// that has not committed, so during a large import into a smaller table
// the planner would keep believing results is as small as it was and
// choose sequential scans and hash joins over it for every batch: a cost
// that grows with the rows imported so far, quadratic in all. ANALYZE in
// the transaction counts its own new rows; it runs when the rows inserted
// exceed what the table held, then each time they grow fourfold.
func (in *ingester) planAnalyze(ctx context.Context) error {
	var tuples float64
	if err := in.tx.WithContext(ctx).Raw("SELECT reltuples FROM pg_class WHERE oid = 'results'::regclass").Scan(&tuples).Error; err != nil {
		return err
	}
	in.analyzeAt = max(10_000, int(tuples))
	return nil
}

func (in *ingester) maybeAnalyze(ctx context.Context) error {
	if in.inserted < in.analyzeAt {
		return nil
	}
	in.analyzeAt = 4 * in.inserted
	// A role that does not own the table gets a warning, not an error.
	return in.tx.WithContext(ctx).Exec("ANALYZE results").Error
}

// resolved is one record with its catalogue ids looked up.
type resolved struct {
	rec                         csvio.Record
	datasetID, metricID, method int64
	paperID                     *int64
	score                       float64
	params                      *float64
}

func (in *ingester) batch(ctx context.Context, recs []csvio.Record) ([]Outcome, error) {
	if err := in.cat.prefetch(ctx, recs); err != nil {
		return nil, err
	}
	rows := make([]resolved, len(recs))
	for i, rec := range recs {
		r, err := in.resolve(ctx, rec)
		if err != nil {
			return nil, fmt.Errorf("record for %s / %s / %s: %w", rec.Dataset, rec.Metric, rec.Method, err)
		}
		rows[i] = r
	}
	n := len(rows)
	var (
		dataset, metric, method             = make([]int64, n), make([]int64, n), make([]int64, n)
		paper                               = make([]*int64, n)
		value, score                        = make([]float64, n), make([]float64, n)
		pm, params                          = make([]*float64, n), make([]*float64, n)
		unit, raw, setting, paramsText      = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		compute, reportedIn, source, srcURL = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		confidence, note                    = make([]string, n), make([]string, n)
		extra                               = make([]bool, n)
		ord                                 = make([]int64, n)
	)
	for i, r := range rows {
		dataset[i], metric[i], method[i], paper[i] = r.datasetID, r.metricID, r.method, r.paperID
		value[i], score[i], pm[i], params[i] = r.rec.Value, r.score, r.rec.PlusMinus, r.params
		unit[i], raw[i], setting[i], paramsText[i] = r.rec.Unit, r.rec.Raw, r.rec.Setting, r.rec.Params
		compute[i], reportedIn[i], source[i], srcURL[i] = r.rec.Compute, r.rec.ReportedIn, r.rec.Source, r.rec.SourceURL
		confidence[i], note[i], extra[i], ord[i] = r.rec.Confidence, r.rec.Note, r.rec.ExtraData, int64(i)
	}
	// One statement classifies and writes the whole batch: rows whose
	// report and number exist already are unchanged (or changed, when their
	// details differ and get updated); the rest are inserted, and an
	// inserted row whose report already holds another number is a conflict.
	type outRow struct {
		Ord     int64
		Outcome string
	}
	var out []outRow
	err := in.tx.WithContext(ctx).Raw(ingestSQL,
		ord, dataset, metric, method, paper, value, pm, unit, score, raw, setting, extra,
		paramsText, params, compute, reportedIn, source, srcURL, confidence, note,
		in.opt.Action, in.opt.Actor, in.opt.Reason,
	).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("write batch: %w", err)
	}
	outcomes := make([]Outcome, n)
	for i := range outcomes {
		outcomes[i] = OutcomeUnchanged
	}
	for _, o := range out {
		outcomes[o.Ord] = Outcome(o.Outcome)
	}
	for i, o := range outcomes {
		if o != OutcomeUnchanged {
			in.touched[rows[i].datasetID] = true
		}
		if o == OutcomeNew || o == OutcomeConflicting {
			in.inserted++
		}
	}
	if err := in.maybeAnalyze(ctx); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	return outcomes, nil
}

// ingestSQL takes one array per column (pgx sends Go slices as arrays).
// "conflicting" means what the leaderboard flags: another report of the
// same method, setting, extra data and size with a different number.
// A record repeated inside one batch counts once as written, later ones
// as unchanged, because ON CONFLICT sees the first.
const ingestSQL = `
WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[],
        $6::float8[], $7::float8[], $8::text[], $9::float8[], $10::text[], $11::text[], $12::bool[],
        $13::text[], $14::float8[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[])
        AS t(ord, dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw, setting, extra_data,
             params_text, params, compute_text, reported_in, source, source_url, confidence, note)
),
first AS (
    -- batch_conflict: another number for the same method, setting, extra
    -- data and size in this batch (a window, not a self-join: O(n log n)).
    SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score) *,
        min(score) OVER g <> max(score) OVER g AS batch_conflict
    FROM input
    WINDOW g AS (PARTITION BY dataset_id, metric_id, method_id, setting, extra_data, params_text)
    ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score, ord
),
-- superseded: this very report was brought in before, and a moderator has
-- since corrected, retired or reverted that result. Bringing it in again
-- (every make run seeds) must not resurrect the old number beside the
-- corrected one: the revisions remember what was ingested.
-- A scalar subquery with LIMIT, not EXISTS: the planner turned EXISTS into
-- a hash of every result and revision, a cost that grew with the table
-- (95 of a batch's 128 ms at 44,000 results); this probes the indexes per
-- record instead. MATERIALIZED: inlined into the insert's NOT EXISTS, it
-- ran once per pair of records.
superseded AS MATERIALIZED (
    SELECT f.ord FROM first f
    WHERE (SELECT true FROM results r
        WHERE r.method_id = f.method_id AND r.dataset_id = f.dataset_id AND r.metric_id = f.metric_id
          AND (SELECT true FROM revisions v
              WHERE v.result_id = r.id AND v.action IN ('seed', 'import')
                AND (v.after->>'value')::float8 = f.value AND v.after->>'unit' = f.unit
                AND v.after->>'setting' = f.setting AND (v.after->>'extra_data')::bool = f.extra_data
                AND v.after->>'params' = f.params_text AND v.after->>'reported_in' = f.reported_in
              LIMIT 1)
        LIMIT 1)
),
existing AS (
    SELECT f.ord, r.id, result_snapshot(r) AS before,
           (r.plus_minus IS DISTINCT FROM f.plus_minus OR r.raw <> f.raw OR r.unit <> f.unit OR r.value <> f.value
            OR r.compute_text <> f.compute_text OR r.source <> f.source OR r.source_url <> f.source_url
            OR r.confidence <> f.confidence OR r.note <> f.note OR r.paper_id IS DISTINCT FROM f.paper_id
            OR r.params IS DISTINCT FROM f.params) AS differs
    FROM first f JOIN results r USING (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score)
),
updated AS (
    UPDATE results r SET plus_minus = f.plus_minus, raw = f.raw, unit = f.unit, value = f.value,
        compute_text = f.compute_text, source = f.source, source_url = f.source_url,
        confidence = f.confidence, note = f.note, paper_id = f.paper_id, params = f.params,
        version = r.version + 1, updated_at = now()
    FROM existing e JOIN first f USING (ord)
    WHERE r.id = e.id AND e.differs
    RETURNING r.*, e.ord, e.before, result_snapshot(r) AS snap
),
inserted AS (
    INSERT INTO results (dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw,
        setting, extra_data, params_text, params, compute_text, reported_in, source, source_url, confidence, note)
    SELECT dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw,
        setting, extra_data, params_text, params, compute_text, reported_in, source, source_url, confidence, note
    FROM first f WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ord = f.ord)
      AND NOT EXISTS (SELECT 1 FROM superseded x WHERE x.ord = f.ord)
    ORDER BY f.ord -- ids in input order: export → import → export is an identity
    ON CONFLICT DO NOTHING
    RETURNING id, dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score,
        result_snapshot(results) AS snap
),
inserted_ord AS (
    SELECT i.*, f.ord,
        EXISTS (SELECT 1 FROM results o
                WHERE o.dataset_id = i.dataset_id AND o.metric_id = i.metric_id AND o.method_id = i.method_id
                  AND o.setting = i.setting AND o.extra_data = i.extra_data AND o.params_text = i.params_text
                  AND o.score <> i.score AND o.retired_at IS NULL)
        OR f.batch_conflict AS conflicting
    FROM inserted i JOIN first f USING (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score)
),
revs AS (
    INSERT INTO revisions (result_id, action, actor, reason, before, after)
    SELECT id, $21, $22, $23, NULL::jsonb, snap
    FROM inserted_ord i
    UNION ALL
    SELECT id, $21, $22, $23, before, snap
    FROM updated u
)
SELECT ord, CASE WHEN conflicting THEN 'conflicting' ELSE 'new' END AS outcome FROM inserted_ord
UNION ALL
SELECT ord, 'changed' FROM updated`

func (in *ingester) bumpVersions(ctx context.Context) error {
	if len(in.touched) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(in.touched))
	for id := range in.touched {
		ids = append(ids, id)
	}
	return in.tx.WithContext(ctx).Exec("UPDATE datasets SET data_version = data_version + 1 WHERE id = ANY($1)", ids).Error
}

func (in *ingester) resolve(ctx context.Context, rec csvio.Record) (resolved, error) {
	c := in.cat
	taskID, err := c.task(ctx, rec.Task)
	if err != nil {
		return resolved{}, err
	}
	var parentID *int64
	if rec.ParentDataset != "" {
		p, err := c.dataset(ctx, rec.ParentDataset, taskID, nil)
		if err != nil {
			return resolved{}, err
		}
		parentID = &p
	}
	dsID, err := c.dataset(ctx, rec.Dataset, taskID, parentID)
	if err != nil {
		return resolved{}, err
	}
	m, err := c.metric(ctx, dsID, rec)
	if err != nil {
		return resolved{}, err
	}
	var paperID *int64
	if rec.PaperTitle != "" || rec.ArxivID != "" {
		id, err := c.paper(ctx, rec)
		if err != nil {
			return resolved{}, err
		}
		paperID = &id
	}
	methodID, err := c.method(ctx, rec.Method, paperID)
	if err != nil {
		return resolved{}, err
	}
	r := resolved{rec: rec, datasetID: dsID, metricID: m.ID, method: methodID, paperID: paperID}
	r.score = model.ConvertUnit(rec.Value, rec.Unit, m.Unit)
	if n, ok := csvio.ParseCount(rec.Params); ok {
		r.params = &n
	}
	return r, nil
}
