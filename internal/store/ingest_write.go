package store

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// write classifies every staged record, then writes results and
// revisions: two statements over the whole import. A large import into a
// smaller table locks the tables first and sets their indexes and foreign
// keys aside between the two (bulk.go).
func (in *ingester) write(ctx context.Context) error {
	if in.staged == 0 {
		return nil
	}
	db := in.tx.WithContext(ctx)
	// Before the classification: once results is locked, nothing changes
	// between what the plan read and what the write does.
	bulk, err := in.lockForBulk(ctx)
	if err != nil {
		return err
	}
	// The sorts over a large import want more than the default 4 MB
	// before they spill to disk.
	if err := db.Exec("SET LOCAL work_mem = '64MB'").Error; err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	in.phase("classify")
	plan := planSQL
	if bulk {
		// bulkPlanSQL joins its verdicts back to the staged rows along
		// this index, in ord order, rather than sorting the wide rows.
		if err := db.Exec("CREATE INDEX ON " + in.stager.ident() + " (ord)").Error; err != nil {
			return fmt.Errorf("classify: %w", err)
		}
		plan = bulkPlanSQL
	}
	if err := db.Exec(plan).Error; err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	restore := func(context.Context) error { return nil }
	if bulk {
		if restore, err = in.setAside(ctx); err != nil {
			return err
		}
	}
	in.phase("write")
	var out []writeCount
	if bulk {
		out, err = in.writeBulk(ctx)
	} else {
		err = db.Raw(writeSQL+countWrittenSQL, in.opt.Action, in.opt.Actor, in.opt.Reason).Scan(&out).Error
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if bulk {
		in.phase("indexes")
	}
	if err := restore(ctx); err != nil {
		return err
	}
	planned, inserted := 0, -1
	for _, o := range out {
		if o.Outcome == "inserted" {
			inserted = o.N
			continue
		}
		if o.Outcome != string(OutcomeChanged) {
			planned += o.N
		}
		d := in.datasets[o.DatasetID]
		if d == nil {
			return fmt.Errorf("write: counts for dataset %d, which no record named", o.DatasetID)
		}
		switch Outcome(o.Outcome) {
		case OutcomeNew:
			d.counts.New += o.N
		case OutcomeConflicting:
			d.counts.Conflicting += o.N
		case OutcomeChanged:
			d.counts.Changed += o.N
		}
	}
	if bulk && inserted != planned {
		return fmt.Errorf("write: %d results inserted of %d planned", inserted, planned)
	}
	return nil
}

// phase tells opt.Phase which step begins.
func (in *ingester) phase(name string) {
	if in.opt.Phase != nil {
		in.opt.Phase(name)
	}
}

// writeCount is one line of what a write counted: per dataset and
// outcome, and the results inserted (outcome "inserted", dataset 0).
type writeCount struct {
	DatasetID int64
	Outcome   string
	N         int
}

// importLock is the advisory lock key that serialises imports.
const importLock = "7325801462"

// planSQL classifies the staged records into ingest_plan, reading
// results and revisions as they were before the import:
//   - first: one record per report; a record repeated in one import
//     counts once, later ones as unchanged;
//   - existing_id: the result holding the same report and number, if
//     any, at existing_version; differs: its details (note, source URL …)
//     differ, so it is updated and counts as changed;
//   - fresh: a record to insert;
//   - conflicting: another number for the same method, setting, extra
//     data and size (what the leaderboard flags), in results or in this
//     import. A record never overwrites a different number.
const planSQL = `
CREATE TEMPORARY TABLE ingest_plan ON COMMIT DROP AS
WITH first AS (` + firstSQL + `*` + firstFromSQL + `),
-- existing: the result holding the same report and number, joined on
-- the columns of the unique report index. Each record's verdicts are
-- columns of its own row: joined back to first by ord, as they were, the
-- million records were sorted once more for a merge join (bulkPlanSQL
-- joins narrow verdicts back along an index on ord instead).
classified AS (
    SELECT f.*, r.id AS existing_id, r.version AS existing_version, ` + beforeSQL + ` AS before, ` + differsSQL + ` AS differs, z.fresh
    FROM first f LEFT JOIN results r ON ` + sameReportSQL + freshSQL + `
)` + planConflictingSQL + `
FROM classified c`

// bulkPlanSQL is planSQL for a bulk write. The records are classified by
// their keys alone: sorting the staged rows whole, 550 bytes each with
// their snapshots, twice (for first, then by ord) was most of a
// million-record classification, where the keys are a fifth of that. The
// verdicts come out in input order, each fresh row numbered among the
// fresh ones (fresh_n: the n-th new result, from 1), and are joined back
// to the staged rows along an index on ord (made by write) without another
// sort. The bulk write's two inserts read the plan as it lies, each new
// result's id being the first id plus fresh_n - 1.
//
// It asks results what planSQL asks record by record (freshSQL,
// planConflictingSQL) as two sets joined to the records instead: the
// reports superseded since they came in, and the lowest and highest live
// score of each cell. A bulk write's results table is smaller than the
// import, so the sets are too; a million probes of its indexes, most of
// them finding nothing, took 2 s of a million-record classification.
const bulkPlanSQL = `
CREATE TEMPORARY TABLE ingest_plan ON COMMIT DROP AS
WITH first AS (` + firstSQL + `ord, dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in,
        score, value, unit` + firstFromSQL + `),
-- What freshSQL probes for: reports a seed or an import brought in whose
-- result has changed since (DISTINCT: a report joins once).
superseded AS (
    SELECT DISTINCT s.dataset_id, s.metric_id, s.method_id, (v.after->>'value')::float8 AS value,
        v.after->>'unit' AS unit, v.after->>'setting' AS setting, (v.after->>'extra_data')::bool AS extra_data,
        v.after->>'params' AS params_text, v.after->>'reported_in' AS reported_in
    FROM results s JOIN revisions v ON v.result_id = s.id
    WHERE s.version > 1 AND v.action IN ('seed', 'import')
),
-- What planConflictingSQL probes for: a live result of the cell with
-- another score exists iff the cell's lowest or highest score is another.
cells AS (
    SELECT dataset_id, metric_id, method_id, setting, extra_data, params_text, min(score) AS lo, max(score) AS hi
    FROM results WHERE retired_at IS NULL
    GROUP BY dataset_id, metric_id, method_id, setting, extra_data, params_text
),
classified AS (
    SELECT f.*, r.id AS existing_id, r.id IS NULL AND s.dataset_id IS NULL AS fresh,
        coalesce(o.lo <> f.score OR o.hi <> f.score, false) AS other_score
    FROM first f
    LEFT JOIN results r ON ` + sameReportSQL + `
    LEFT JOIN superseded s ON s.dataset_id = f.dataset_id AND s.metric_id = f.metric_id
        AND s.method_id = f.method_id AND s.value = f.value AND s.unit = f.unit AND s.setting = f.setting
        AND s.extra_data = f.extra_data AND s.params_text = f.params_text AND s.reported_in = f.reported_in
    LEFT JOIN cells o ON o.dataset_id = f.dataset_id AND o.metric_id = f.metric_id AND o.method_id = f.method_id
        AND o.setting = f.setting AND o.extra_data = f.extra_data AND o.params_text = f.params_text
),
verdicts AS (
    SELECT c.*, c.fresh AND (c.input_conflict OR c.other_score) AS conflicting,
        count(*) FILTER (WHERE c.fresh) OVER (ORDER BY c.ord ROWS UNBOUNDED PRECEDING) AS fresh_n
    FROM classified c
)
SELECT f.*, v.input_conflict, r.id AS existing_id, r.version AS existing_version, ` + beforeSQL + ` AS before,
    ` + differsSQL + ` AS differs, v.fresh, v.conflicting, v.fresh_n
FROM verdicts v
JOIN ingest_rows f ON f.ord = v.ord
LEFT JOIN results r ON r.id = v.existing_id`

// firstSQL and firstFromSQL, around the columns it keeps, select the
// first record of each report with input_conflict: a window, not a
// self-join: O(n log n). Its frame is the whole partition, and its order
// the DISTINCT ON's, so that one sort serves both (two sorts of a million
// rows, otherwise).
const firstSQL = `
    SELECT DISTINCT ON (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score) `

const firstFromSQL = `,
        min(score) OVER g <> max(score) OVER g AS input_conflict
    FROM ingest_rows
    WINDOW g AS (PARTITION BY dataset_id, metric_id, method_id, setting, extra_data, params_text
        ORDER BY reported_in, score, ord ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ORDER BY dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score, ord
`

// sameReportSQL joins a record f to the result r holding the same report
// and number, on the columns of the unique report index.
const sameReportSQL = `r.dataset_id = f.dataset_id AND r.metric_id = f.metric_id
        AND r.method_id = f.method_id AND r.setting = f.setting AND r.extra_data = f.extra_data
        AND r.params_text = f.params_text AND r.reported_in = f.reported_in AND r.score = f.score`

// beforeSQL is the snapshot of the existing result r, if any.
const beforeSQL = `CASE WHEN r.id IS NOT NULL THEN result_snapshot(r) END`

// differsSQL says whether record f would change the existing result r's
// details.
const differsSQL = `coalesce(r.id IS NOT NULL AND (r.plus_minus IS DISTINCT FROM f.plus_minus OR r.raw <> f.raw
            OR r.unit <> f.unit OR r.value <> f.value OR r.compute_text <> f.compute_text OR r.source <> f.source
            OR r.source_url <> f.source_url OR r.confidence <> f.confidence OR r.note <> f.note
            OR r.paper_id IS DISTINCT FROM f.paper_id OR r.params IS DISTINCT FROM f.params), false)`

// freshSQL follows a join of record f to its existing result r (NULL when
// none) with z.fresh: whether f is to be inserted.
const freshSQL = `
    -- OFFSET 0: a subquery of its own, evaluated once per record;
    -- inlined, it ran again wherever fresh is read.
    CROSS JOIN LATERAL (
        -- Not superseded: this very report was brought in before, and a
        -- moderator has since corrected, retired or reverted that result.
        -- Bringing it in again (every make run seeds) must not resurrect
        -- the old number beside the corrected one: the revisions remember
        -- what was ingested. Only a result changed since it came in
        -- (version > 1) can be one: a result never changed still holds
        -- what came in, so a record bringing that in again is existing.
        -- results_changed_idx holds just those results. A scalar subquery
        -- with LIMIT, not EXISTS: the planner turned EXISTS into a hash of
        -- every result and revision, a cost that grew with the table; this
        -- probes the indexes per record instead.
        SELECT CASE WHEN r.id IS NOT NULL THEN false ELSE (SELECT true FROM results s
            WHERE s.dataset_id = f.dataset_id AND s.metric_id = f.metric_id AND s.method_id = f.method_id
              AND s.version > 1
              AND (SELECT true FROM revisions v
                  WHERE v.result_id = s.id AND v.action IN ('seed', 'import')
                    AND (v.after->>'value')::float8 = f.value AND v.after->>'unit' = f.unit
                    AND v.after->>'setting' = f.setting AND (v.after->>'extra_data')::bool = f.extra_data
                    AND v.after->>'params' = f.params_text AND v.after->>'reported_in' = f.reported_in
                  LIMIT 1)
            LIMIT 1) IS NULL END AS fresh
        OFFSET 0) z`

// planConflictingSQL selects each classified record with its verdict:
// conflicting.
const planConflictingSQL = `
    SELECT c.*, c.fresh AND (c.input_conflict OR EXISTS (SELECT 1 FROM results o
        WHERE o.dataset_id = c.dataset_id AND o.metric_id = c.metric_id AND o.method_id = c.method_id
          AND o.setting = c.setting AND o.extra_data = c.extra_data AND o.params_text = c.params_text
          AND o.score <> c.score AND o.retired_at IS NULL)) AS conflicting`

// updatedCTE applies the plan's changes to results that have not moved
// on since the classification, returning each with its before and after
// snapshots; writeSQL and bulkUpdateSQL both start with it.
const updatedCTE = `updated AS (
    UPDATE results r SET plus_minus = p.plus_minus, raw = p.raw, unit = p.unit, value = p.value,
        compute_text = p.compute_text, source = p.source, source_url = p.source_url,
        confidence = p.confidence, note = p.note, paper_id = p.paper_id, params = p.params,
        version = r.version + 1, updated_at = now()
    FROM ingest_plan p
    WHERE r.id = p.existing_id AND p.differs AND r.version = p.existing_version
    RETURNING r.id, r.dataset_id, p.before, result_snapshot(r) AS snap
),`

// writeSQL carries ingest_plan out: updates, inserts (ids in input order,
// so that export → import → export is an identity) and a revision for
// each, naming $1 the action, $2 the actor and $3 the reason;
// countWrittenSQL ends it (a bulk write runs writeBulk instead). A
// result a moderator changed since the classification is left alone (its
// version moved on), and a report a moderator added meanwhile is not
// inserted twice (ON CONFLICT).
const writeSQL = `
WITH ` + updatedCTE + `
inserted AS (
    INSERT INTO results (dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw,
        setting, extra_data, params_text, params, compute_text, reported_in, source, source_url, confidence, note,
        verified, needs_review)
    SELECT dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw,
        setting, extra_data, params_text, params, compute_text, reported_in, source, source_url, confidence, note,
        verified, needs_review
    FROM ingest_plan WHERE fresh
    ORDER BY ord
    ON CONFLICT DO NOTHING
    -- The snapshot from the columns: result_snapshot(results) would build
    -- the whole row first (migration 0009).
    RETURNING id, dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score,
        result_snapshot(value, plus_minus, unit, raw, setting, extra_data, params_text, compute_text, reported_in,
            source, source_url, confidence, note, paper_id, retired_at IS NOT NULL, version) AS snap
),
revs AS (
    INSERT INTO revisions (result_id, action, actor, reason, before, after)
    SELECT id, $1, $2, $3, NULL::jsonb, snap FROM inserted
    UNION ALL
    SELECT id, $1, $2, $3, before, snap FROM updated
)
`

// countWrittenSQL counts per dataset what writeSQL wrote: a row a
// moderator's insert made ON CONFLICT skip is not counted. The plan holds
// a row per report, so the join finds each inserted row's verdict.
const countWrittenSQL = `
SELECT i.dataset_id, CASE WHEN p.conflicting THEN 'conflicting' ELSE 'new' END AS outcome, count(*) AS n
FROM inserted i JOIN ingest_plan p USING (dataset_id, metric_id, method_id, setting, extra_data, params_text, reported_in, score)
GROUP BY 1, 2
UNION ALL
SELECT dataset_id, 'changed', count(*) FROM updated GROUP BY 1`

// writeBulk carries ingest_plan out as writeSQL does, for a bulk write:
// results is locked since before the classification and its unique
// indexes are set aside, so no report can come in meanwhile and ON
// CONFLICT has nothing to arbitrate. Without it, and without carrying a
// million snapshots from the insert's RETURNING to the revisions' insert
// through a CTE, the rows go in as two INSERT … SELECTs: speculative
// insertion nearly doubled the insert's time. The new results' ids are
// taken from their sequence as one block, numbered in input order as the
// row-by-row insert numbers them, and each revision's JSON is the one
// staged with its record (appendSnapshot). The new results and their
// revisions come first, then the updates with theirs, in the order
// writeSQL gives them.
func (in *ingester) writeBulk(ctx context.Context) ([]writeCount, error) {
	if !in.snaps {
		return nil, fmt.Errorf("a bulk write without staged snapshots")
	}
	db := in.tx.WithContext(ctx)
	var out []writeCount
	if err := db.Raw(bulkCountSQL).Scan(&out).Error; err != nil {
		return nil, err
	}
	var n int64
	for _, o := range out {
		n += int64(o.N)
	}
	inserted := int64(0)
	if n > 0 {
		first, err := takeIDs(db, "results", n)
		if err != nil {
			return nil, err
		}
		// The revisions are numbered too: read as it lies, the plan gives
		// them in input order, but only an ORDER BY would promise it.
		firstRev, err := takeIDs(db, "revisions", n)
		if err != nil {
			return nil, err
		}
		// The boards of the new results are rebuilt once they are in
		// (rebuildBoards), as results_board_insert would rebuild them,
		// less what the trigger needs to share them: a copy of every
		// inserted row, for its transition table, and a lock per board
		// (10,000 of them filled Postgres' lock table) against writers
		// that the lock on results keeps out already. Their stored heads
		// are let go the same way (results_heads_insert, migration
		// 0120, would read that copy too).
		if err := db.Exec("ALTER TABLE results DISABLE TRIGGER results_board_insert, DISABLE TRIGGER results_heads_insert").Error; err != nil {
			return nil, err
		}
		ins := db.Exec(bulkInsertSQL, first)
		if ins.Error != nil {
			return nil, ins.Error
		}
		inserted = ins.RowsAffected
		if err := db.Exec("ALTER TABLE results ENABLE TRIGGER results_board_insert, ENABLE TRIGGER results_heads_insert").Error; err != nil {
			return nil, err
		}
		boards := boardsOf(out)
		if err := in.rebuildBoards(ctx, boards); err != nil {
			return nil, err
		}
		if err := db.Exec("SELECT board_heads_touch($1)", boards).Error; err != nil {
			return nil, err
		}
		if err := db.Exec(bulkRevisionsSQL, in.opt.Action, in.opt.Actor, in.opt.Reason, first, firstRev).Error; err != nil {
			return nil, err
		}
	}
	var changed []writeCount
	if err := db.Raw(bulkUpdateSQL, in.opt.Action, in.opt.Actor, in.opt.Reason).Scan(&changed).Error; err != nil {
		return nil, err
	}
	return append(append(out, changed...), writeCount{Outcome: "inserted", N: int(inserted)}), nil
}

// boardsOf lists the datasets that counts count rows for, in id order.
func boardsOf(counts []writeCount) []int64 {
	ids := make([]int64, 0, len(counts))
	for _, c := range counts {
		if c.N > 0 {
			ids = append(ids, c.DatasetID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// takeIDs takes n ids from the sequence of table's id as one block and
// returns the first. table is locked (lockForBulk): nothing else draws
// from its sequence meanwhile.
func takeIDs(db *gorm.DB, table string, n int64) (int64, error) {
	var first int64
	if err := db.Raw("SELECT nextval(pg_get_serial_sequence($1, 'id'))", table).Scan(&first).Error; err != nil {
		return 0, err
	}
	if err := db.Exec("SELECT setval(pg_get_serial_sequence($1, 'id'), $2)", table, first+n-1).Error; err != nil {
		return 0, err
	}
	return first, nil
}

// bulkInsertSQL is writeSQL's insert without ON CONFLICT and RETURNING,
// numbering the new results from $1 in input order (bulkPlanSQL's
// fresh_n). The plan lies in input order already: the rows go in in it.
const bulkInsertSQL = `
INSERT INTO results (id, dataset_id, metric_id, method_id, paper_id, value, plus_minus, unit, score, raw,
    setting, extra_data, params_text, params, compute_text, reported_in, source, source_url, confidence, note,
    verified, needs_review)
SELECT $1::bigint - 1 + fresh_n, dataset_id, metric_id, method_id, paper_id, value, plus_minus,
    unit, score, raw, setting, extra_data, params_text, params, compute_text, reported_in, source, source_url,
    confidence, note, verified, needs_review
FROM ingest_plan WHERE fresh`

// bulkRevisionsSQL gives each new result its revision, numbered from $5
// in input order, for the result bulkInsertSQL numbered from $4.
const bulkRevisionsSQL = `
INSERT INTO revisions (id, result_id, action, actor, reason, before, after)
SELECT $5::bigint - 1 + fresh_n, $4::bigint - 1 + fresh_n, $1, $2, $3, NULL::jsonb, snap
FROM ingest_plan WHERE fresh`

// bulkCountSQL counts per dataset what a bulk write inserts: every fresh
// row of the plan, results being locked since before the classification.
const bulkCountSQL = `
SELECT dataset_id, CASE WHEN conflicting THEN 'conflicting' ELSE 'new' END AS outcome, count(*) AS n
FROM ingest_plan WHERE fresh GROUP BY 1, 2`

// bulkUpdateSQL is writeSQL's update with its revisions, counting the
// changed results per dataset.
const bulkUpdateSQL = `
WITH ` + updatedCTE + `
revs AS (
    INSERT INTO revisions (result_id, action, actor, reason, before, after)
    SELECT id, $1, $2, $3, before, snap FROM updated
)
SELECT dataset_id, 'changed' AS outcome, count(*) AS n FROM updated GROUP BY 1`
