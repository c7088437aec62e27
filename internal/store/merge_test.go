package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// catalogueDump is every row a merge may touch, as text: undo must give
// back exactly what was there.
func catalogueDump(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var parts []string
	for _, q := range []string{
		`SELECT string_agg(concat_ws(' ', id, task_id, parent_id, slug, name, needs_review), E'\n' ORDER BY id) FROM datasets`,
		`SELECT string_agg(concat_ws(' ', id, dataset_id, slug, name, higher_is_better, unit, decimals, is_primary, position, needs_review), E'\n' ORDER BY id) FROM metrics`,
		`SELECT string_agg(concat_ws(' ', id, slug, name, paper_id, needs_review), E'\n' ORDER BY id) FROM methods`,
		`SELECT string_agg(concat_ws(' ', id, dataset_id, metric_id, method_id, value, score, setting, reported_in, version, retired_at), E'\n' ORDER BY id) FROM results`,
		`SELECT string_agg(concat_ws(' ', id, result_id, action), E'\n' ORDER BY id) FROM revisions`,
		`SELECT string_agg(concat_ws(' ', id, dataset_id, result_id, applied_result_id), E'\n' ORDER BY id) FROM submissions`,
		`SELECT string_agg(concat_ws(' ', alias, dataset_id), E'\n' ORDER BY alias) FROM dataset_aliases`,
		`SELECT string_agg(concat_ws(' ', alias, method_id), E'\n' ORDER BY alias) FROM method_aliases`,
		`SELECT string_agg(concat_ws(' ', dataset_id, alias, metric_id), E'\n' ORDER BY dataset_id, alias) FROM metric_aliases`,
	} {
		var s *string
		if err := db.Raw(q).Scan(&s).Error; err != nil {
			t.Fatal(err)
		}
		if s != nil {
			parts = append(parts, *s)
		}
		parts = append(parts, "--")
	}
	return strings.Join(parts, "\n")
}

func mergeFixture(t *testing.T) (*gorm.DB, *store.Store, model.User) {
	t.Helper()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	u, err := st.CreateUser(context.Background(), "mod@example.org", "Moderator", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")
	if err != nil {
		t.Fatal(err)
	}
	return db, st, u
}

func ingest(t *testing.T, st *store.Store, recs ...model.Record) store.Summary {
	t.Helper()
	sum, err := st.Ingest(context.Background(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func idOf(t *testing.T, db *gorm.DB, q string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := db.Raw(q, args...).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("%s %v: id %d, %v", q, args, id, err)
	}
	return id
}

// TestMergeAndUndo merges a spelling of each kind into what it spells:
// the plan says what moves, folds and conflicts; the merge moves it,
// records the alias so that the next import lands right; undo gives back
// exactly the rows there were.
func TestMergeAndUndo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rec := func(dataset, metric, method string, v float64, reportedIn string) model.Record {
		return model.Record{Task: "Image classification", Dataset: dataset, Metric: metric, HigherIsBetter: true,
			MetricUnit: "%", Method: method, Value: v, Unit: "%", Raw: model.FormatNumber(v), Setting: "", ReportedIn: reportedIn,
			Confidence: "high"}
	}
	tests := []struct {
		name          string
		kind          string
		setup         []model.Record
		from, into    string // SQL giving the ids
		wantMove      int
		wantFolded    int
		wantConflicts int
		wantMetrics   int // a dataset merge's metric pairs
		again         model.Record
		landsOn       string // SQL: the id the re-import must land on (compared with into)
	}{
		{
			name: "method", kind: store.MergeMethod,
			setup: []model.Record{
				rec("ImageNet-1k", "Top-1 accuracy", "Res-Net fifty", 76.1, "paper A"), // same report, same number as below: folded
				rec("ImageNet-1k", "Top-1 accuracy", "Res-Net fifty", 75.0, "paper B"), // another number: conflicting
				rec("ImageNet-1k", "Top-1 accuracy", "Res-Net fifty", 74.0, "paper C"), // moves
				rec("ImageNet-1k", "Top-1 accuracy", "ResNet fifty (merge)", 76.1, "paper A"),
				rec("ImageNet-1k", "Top-1 accuracy", "ResNet fifty (merge)", 75.5, "paper B"),
			},
			from:     `SELECT id FROM methods WHERE name = 'Res-Net fifty'`,
			into:     `SELECT id FROM methods WHERE name = 'ResNet fifty (merge)'`,
			wantMove: 3, wantFolded: 1, wantConflicts: 1,
			again:   rec("ImageNet-1k", "Top-1 accuracy", "Res-Net fifty", 70.0, "paper D"),
			landsOn: `SELECT r.method_id FROM results r WHERE r.reported_in = 'paper D'`,
		},
		{
			name: "metric", kind: store.MergeMetric,
			setup: []model.Record{
				rec("ImageNet-1k", "Top1 acc. (val)", "ResNet-50 (merge)", 76.1, "paper A"),
			},
			from:     `SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE d.name = 'ImageNet-1k' AND m.name = 'Top1 acc. (val)'`,
			into:     `SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE d.name = 'ImageNet-1k' AND m.name = 'Top-1 accuracy'`,
			wantMove: 1,
			again:    rec("ImageNet-1k", "Top1 acc. (val)", "ResNet-50 (merge)", 77.0, "paper D"),
			landsOn:  `SELECT r.metric_id FROM results r WHERE r.reported_in = 'paper D'`,
		},
		{
			name: "dataset", kind: store.MergeDataset,
			setup: []model.Record{
				rec("Image Net 1000 classes", "Top-1 accuracy", "AlexNet (merge)", 56.55, "paper A"), // pairs with ImageNet-1k's metric
				rec("Image Net 1000 classes", "Latency", "AlexNet (merge)", 12.5, "paper A"),         // moves over
			},
			from:        `SELECT id FROM datasets WHERE name = 'Image Net 1000 classes'`,
			into:        `SELECT id FROM datasets WHERE name = 'ImageNet-1k'`,
			wantMove:    2,
			wantMetrics: 2,
			again:       rec("Image Net 1000 classes", "Top-1 accuracy", "AlexNet (merge)", 57.0, "paper D"),
			landsOn:     `SELECT r.dataset_id FROM results r WHERE r.reported_in = 'paper D'`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db, st, u := mergeFixture(t)
			ingest(t, st, tt.setup...)
			from, into := idOf(t, db, tt.from), idOf(t, db, tt.into)
			before := catalogueDump(t, db)

			plan, err := st.PlanMerge(ctx, tt.kind, from, into)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Blocked) > 0 || plan.Move != tt.wantMove || plan.FoldedTotal != tt.wantFolded ||
				plan.ConflictsN != tt.wantConflicts || len(plan.Metrics) != tt.wantMetrics {
				t.Fatalf("plan: move %d, folded %d, conflicts %d, metrics %d, blocked %v; want %d, %d, %d, %d",
					plan.Move, plan.FoldedTotal, plan.ConflictsN, len(plan.Metrics), plan.Blocked,
					tt.wantMove, tt.wantFolded, tt.wantConflicts, tt.wantMetrics)
			}
			if got := catalogueDump(t, db); got != before {
				t.Fatal("planning a merge changed the database")
			}

			col := map[string]string{store.MergeDataset: "dataset_id", store.MergeMetric: "metric_id", store.MergeMethod: "method_id"}[tt.kind]
			var fromResults []int64
			db.Raw("SELECT id FROM results WHERE "+col+" = ? ORDER BY id", from).Scan(&fromResults)
			m, err := st.Merge(ctx, tt.kind, from, into, u)
			if err != nil {
				t.Fatal(err)
			}
			checkBoards(t, st, "the merge")
			// Each moved result's history shows the merge.
			var moved []int64
			db.Raw("SELECT id FROM results WHERE id IN ? ORDER BY id", fromResults).Scan(&moved)
			if len(moved) != tt.wantMove-tt.wantFolded {
				t.Errorf("%d of the merged %s's results left, want %d", len(moved), tt.kind, tt.wantMove-tt.wantFolded)
			}
			for _, id := range moved {
				if ms, err := st.ResultMerges(ctx, id); err != nil || len(ms) != 1 || ms[0].ID != m.ID {
					t.Errorf("result %d: merges %+v, %v", id, ms, err)
				}
			}
			if m.Moved+m.Folded != tt.wantMove || m.Folded != tt.wantFolded {
				t.Errorf("merge moved %d and folded %d", m.Moved, m.Folded)
			}
			table := map[string]string{store.MergeDataset: "datasets", store.MergeMetric: "metrics", store.MergeMethod: "methods"}[tt.kind]
			var left int64
			db.Raw("SELECT count(*) FROM "+table+" WHERE id = ?", from).Scan(&left)
			if left != 0 {
				t.Errorf("the merged %s is still there", tt.kind)
			}
			var still int64
			db.Raw("SELECT count(*) FROM results WHERE "+col+" = ?", from).Scan(&still)
			if still != 0 {
				t.Errorf("%d results still point at the merged %s", still, tt.kind)
			}
			merged := catalogueDump(t, db)

			// The alias the merge recorded: the old name lands on into.
			sum := ingest(t, st, tt.again)
			checkBoards(t, st, "a re-import under the old name")
			if got := idOf(t, db, tt.landsOn); got != into {
				t.Errorf("re-import under the old name landed on %d, want %d", got, into)
			}
			for _, n := range sum.NewNames {
				if n.Kind == tt.kind {
					t.Errorf("re-import created a new %s %q", n.Kind, n.Name)
				}
			}
			// Take the re-import out again (a result we added), then undo.
			db.Exec("DELETE FROM revisions WHERE result_id IN (SELECT id FROM results WHERE reported_in = 'paper D')")
			db.Exec("DELETE FROM results WHERE reported_in = 'paper D'")
			if got := catalogueDump(t, db); got != merged {
				t.Fatalf("cleaning the re-import up left:\n%s\nwant\n%s", got, merged)
			}

			if _, err := st.UndoMerge(ctx, m.ID, u); err != nil {
				t.Fatal(err)
			}
			checkBoards(t, st, "the undo")
			if got := catalogueDump(t, db); got != before {
				t.Errorf("after undo:\n%s\n\nbefore the merge:\n%s", got, before)
			}
			if _, err := st.UndoMerge(ctx, m.ID, u); !errors.Is(err, store.ErrConflict) {
				t.Errorf("a second undo: %v, want ErrConflict", err)
			}
			ms, err := st.RecentMerges(ctx, 10)
			if err != nil || len(ms) != 1 || ms[0].UndoneAt == nil || ms[0].UserName != "Moderator" || ms[0].UndoneBy != "Moderator" {
				t.Errorf("history: %+v, %v", ms, err)
			}
		})
	}
}

// TestMergeBlocked: merges that would mix numbers up are refused, with a
// reason, and change nothing.
func TestMergeBlocked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, st, u := mergeFixture(t)
	ingest(t, st, model.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 error (merge)",
		HigherIsBetter: false, MetricUnit: "%", Method: "X", Value: 20, Unit: "%", Raw: "20", ReportedIn: "a", Confidence: "high"})
	imagenet := idOf(t, db, `SELECT id FROM datasets WHERE name = 'ImageNet-1k'`)
	mmluAcc := idOf(t, db, `SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE d.name = 'MMLU' AND m.name = 'Accuracy'`)
	top1 := idOf(t, db, `SELECT id FROM metrics WHERE dataset_id = ? AND name = 'Top-1 accuracy'`, imagenet)
	top1err := idOf(t, db, `SELECT id FROM metrics WHERE dataset_id = ? AND name = 'Top-1 error (merge)'`, imagenet)
	genomic := idOf(t, db, `SELECT id FROM datasets WHERE name = 'GenomicBenchmarks'`)
	mouse := idOf(t, db, `SELECT id FROM datasets WHERE name = 'Mouse Enhancers'`)
	tests := []struct {
		name       string
		kind       string
		from, into int64
		want       string
	}{
		{"itself", store.MergeDataset, imagenet, imagenet, "into itself"},
		{"other datasets' metrics", store.MergeMetric, mmluAcc, top1, "merge the datasets instead"},
		{"directions differ", store.MergeMetric, top1err, top1, "set the right direction first"},
		{"parent into child", store.MergeDataset, genomic, mouse, "merge the other way round"},
	}
	before := catalogueDump(t, db)
	for _, tt := range tests {
		plan, err := st.PlanMerge(ctx, tt.kind, tt.from, tt.into)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !strings.Contains(strings.Join(plan.Blocked, "; "), tt.want) {
			t.Errorf("%s: blocked %v, want %q", tt.name, plan.Blocked, tt.want)
		}
		if _, err := st.Merge(ctx, tt.kind, tt.from, tt.into, u); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: merge gave %v, want ErrInvalid", tt.name, err)
		}
	}
	if _, err := st.PlanMerge(ctx, store.MergeMethod, 999999, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing method: %v, want ErrNotFound", err)
	}
	if got := catalogueDump(t, db); got != before {
		t.Error("refused merges changed the database")
	}
}

// TestUndoRefused: an undo that would break what came after is refused,
// with a reason, and changes nothing.
func TestUndoRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, st, u := mergeFixture(t)
	rec := func(dataset, metric, method string, v float64) model.Record {
		return model.Record{Task: "Image classification", Dataset: dataset, Metric: metric, HigherIsBetter: true,
			MetricUnit: "%", Method: method, Value: v, Unit: "%", Raw: model.FormatNumber(v), ReportedIn: "undo test",
			Confidence: "high"}
	}
	ingest(t, st, rec("ImageNet-1k", "Top-1 accuracy", "Spelling one", 70), rec("ImageNet-1k", "Top-1 accuracy", "Spelling two", 71),
		rec("Image Net thousand", "Latency (undo)", "Spelling one", 5))
	one := idOf(t, db, `SELECT id FROM methods WHERE name = 'Spelling one'`)
	two := idOf(t, db, `SELECT id FROM methods WHERE name = 'Spelling two'`)
	seeded := idOf(t, db, `SELECT id FROM methods WHERE name = 'BigNASModel-S'`)

	// A later merge into the same method builds on the first.
	first, err := st.Merge(ctx, store.MergeMethod, one, two, u)
	if err != nil {
		t.Fatal(err)
	}
	second, err := st.Merge(ctx, store.MergeMethod, two, seeded, u)
	if err != nil {
		t.Fatal(err)
	}
	// Links to a merged method's page follow the merges to where it lives now.
	if to, err := st.MergedSlug(ctx, store.MergeMethod, "spelling-one"); err != nil || to != "bignasmodel-s" {
		t.Errorf("MergedSlug(spelling-one) = %q, %v; want bignasmodel-s", to, err)
	}
	if _, err := st.MergedSlug(ctx, store.MergeMethod, "bignasmodel-s"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MergedSlug of a method no merge took: %v", err)
	}
	before := catalogueDump(t, db)
	var re *store.ReasonError
	if _, err := st.UndoMerge(ctx, first.ID, u); !errors.As(err, &re) || !errors.Is(err, store.ErrConflict) ||
		!strings.Contains(re.Reason, "undo it first") {
		t.Errorf("undoing the first of two merges: %v", err)
	}
	if catalogueDump(t, db) != before {
		t.Fatal("a refused undo changed the database")
	}
	if _, err := st.UndoMerge(ctx, second.ID, u); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UndoMerge(ctx, first.ID, u); err != nil {
		t.Errorf("undoing in reverse order: %v", err)
	}
	if to, err := st.MergedSlug(ctx, store.MergeMethod, "spelling-one"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MergedSlug after undo = %q, %v; want ErrNotFound", to, err)
	}

	// A dataset merge moves a metric over; a result that comes in on it
	// afterwards would be stranded by the undo.
	from := idOf(t, db, `SELECT id FROM datasets WHERE name = 'Image Net thousand'`)
	into := idOf(t, db, `SELECT id FROM datasets WHERE name = 'ImageNet-1k'`)
	m, err := st.Merge(ctx, store.MergeDataset, from, into, u)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, st, rec("ImageNet-1k", "Latency (undo)", "Spelling two", 4))
	before = catalogueDump(t, db)
	if _, err := st.UndoMerge(ctx, m.ID, u); !errors.As(err, &re) || !strings.Contains(re.Reason, "came in since") {
		t.Errorf("undo with a result on a moved metric: %v", err)
	}
	if catalogueDump(t, db) != before {
		t.Fatal("a refused undo changed the database")
	}
}

// TestMergeMovesAddProposals: a proposal to add a result names its metric
// by id; merging the metric away points it at the other, and undo back.
func TestMergeMovesAddProposals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, st, u := mergeFixture(t)
	ingest(t, st, model.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top1 acc. (val)",
		HigherIsBetter: true, MetricUnit: "%", Method: "Proposal test", Value: 70, Unit: "%", Raw: "70", ReportedIn: "p",
		Confidence: "high"})
	imagenet := idOf(t, db, `SELECT id FROM datasets WHERE name = 'ImageNet-1k'`)
	from := idOf(t, db, `SELECT id FROM metrics WHERE dataset_id = ? AND name = 'Top1 acc. (val)'`, imagenet)
	into := idOf(t, db, `SELECT id FROM metrics WHERE dataset_id = ? AND name = 'Top-1 accuracy'`, imagenet)
	if err := db.Exec(`INSERT INTO submissions (token, kind, dataset_id, after) VALUES (?, 'add', ?, jsonb_build_object('metric_id', ?::bigint, 'value', 71))`,
		strings.Repeat("ab", 16), imagenet, from).Error; err != nil {
		t.Fatal(err)
	}
	metricOf := func() int64 {
		return idOf(t, db, `SELECT (after->>'metric_id')::bigint FROM submissions WHERE kind = 'add'`)
	}
	m, err := st.Merge(ctx, store.MergeMetric, from, into, u)
	if err != nil {
		t.Fatal(err)
	}
	if got := metricOf(); got != into {
		t.Errorf("after the merge the proposal names metric %d, want %d", got, into)
	}
	if _, err := st.UndoMerge(ctx, m.ID, u); err != nil {
		t.Fatal(err)
	}
	if got := metricOf(); got != from {
		t.Errorf("after undo the proposal names metric %d, want %d", got, from)
	}
}

// TestUndoAcrossKinds: a method merge, then a dataset merge that moves the
// same results; undoing the method merge puts back only the method, and
// leaves the results where the dataset merge put them.
func TestUndoAcrossKinds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, st, u := mergeFixture(t)
	rec := func(dataset, method string, v float64) model.Record {
		return model.Record{Task: "Image classification", Dataset: dataset, Metric: "Top-1 accuracy", HigherIsBetter: true,
			MetricUnit: "%", Method: method, Value: v, Unit: "%", Raw: model.FormatNumber(v), ReportedIn: "kinds test",
			Confidence: "high"}
	}
	ingest(t, st, rec("Image Net kinds", "Kinds one", 70), rec("Image Net kinds", "Kinds two", 71))
	one := idOf(t, db, `SELECT id FROM methods WHERE name = 'Kinds one'`)
	two := idOf(t, db, `SELECT id FROM methods WHERE name = 'Kinds two'`)
	from := idOf(t, db, `SELECT id FROM datasets WHERE name = 'Image Net kinds'`)
	into := idOf(t, db, `SELECT id FROM datasets WHERE name = 'ImageNet-1k'`)
	byMethod, err := st.Merge(ctx, store.MergeMethod, one, two, u)
	if err != nil {
		t.Fatal(err)
	}
	byDataset, err := st.Merge(ctx, store.MergeDataset, from, into, u)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UndoMerge(ctx, byMethod.ID, u); err != nil {
		t.Fatalf("undoing the method merge under a later dataset merge: %v", err)
	}
	var got struct {
		Method  string
		Dataset string
	}
	db.Raw(`SELECT me.name AS method, d.name AS dataset FROM results r JOIN methods me ON me.id = r.method_id
		JOIN datasets d ON d.id = r.dataset_id WHERE r.reported_in = 'kinds test' AND r.value = 70`).Scan(&got)
	if got.Method != "Kinds one" || got.Dataset != "ImageNet-1k" {
		t.Errorf("after undoing the method merge: %+v, want Kinds one on ImageNet-1k", got)
	}
	if _, err := st.UndoMerge(ctx, byDataset.ID, u); err != nil {
		t.Fatalf("then undoing the dataset merge: %v", err)
	}
	db.Raw(`SELECT me.name AS method, d.name AS dataset FROM results r JOIN methods me ON me.id = r.method_id
		JOIN datasets d ON d.id = r.dataset_id WHERE r.reported_in = 'kinds test' AND r.value = 70`).Scan(&got)
	if got.Method != "Kinds one" || got.Dataset != "Image Net kinds" {
		t.Errorf("after both undos: %+v, want Kinds one on Image Net kinds", got)
	}
}

// TestMergePairsSameNamesFirst: from's "Accuracy" pairs with into's
// "Accuracy" even when another of from's metrics, listed first, is a
// spelling of it; that one moves over as a metric of its own.
func TestMergePairsSameNamesFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, st, u := mergeFixture(t)
	rec := func(dataset, metric string, v float64) model.Record {
		return model.Record{Task: "Pairing", Dataset: dataset, Metric: metric, HigherIsBetter: true,
			MetricUnit: "%", Method: "Pairing net", Value: v, Unit: "%", Raw: model.FormatNumber(v), ReportedIn: "pairing test",
			Confidence: "high"}
	}
	ingest(t, st, rec("Pairing into", "Accuracy", 70))
	ingest(t, st, rec("Pairing from", "Top-1 error rate", 30))
	ingest(t, st, rec("Pairing from", "Accuracy", 71))
	from := idOf(t, db, `SELECT id FROM datasets WHERE name = 'Pairing from'`)
	into := idOf(t, db, `SELECT id FROM datasets WHERE name = 'Pairing into'`)
	// The error rate's position comes first: make it a spelling of
	// into's Accuracy, as an alias a moderator recorded.
	intoAcc := idOf(t, db, `SELECT id FROM metrics WHERE dataset_id = ? AND name = 'Accuracy'`, into)
	if err := db.Exec(`INSERT INTO metric_aliases (dataset_id, metric_id, alias) VALUES (?, ?, 'Top-1 error rate')`, into, intoAcc).Error; err != nil {
		t.Fatal(err)
	}
	plan, err := st.PlanMerge(ctx, store.MergeDataset, from, into)
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[string]string{}
	for _, m := range plan.Metrics {
		pairs[m.FromName] = m.IntoName
	}
	if pairs["Accuracy"] != "Accuracy" || pairs["Top-1 error rate"] != "" {
		t.Errorf("pairs %v, want Accuracy with Accuracy and the error rate moved over", pairs)
	}
	if _, err := st.Merge(ctx, store.MergeDataset, from, into, u); err != nil {
		t.Fatalf("merge: %v", err)
	}
}
