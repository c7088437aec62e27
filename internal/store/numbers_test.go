package store_test

import (
	"context"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/migrations"
)

// TestFractionsKeepDecimals: fractions imported onto a seeded % board keep
// the board's one decimal, and their scores are the decimals reported
// (80.6, not 80.60000000000001).
func TestFractionsKeepDecimals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	pm := 0.005
	recs := []model.Record{}
	for i, v := range []struct {
		value float64
		raw   string
	}{{0.806, "0.806"}, {0.702, "0.702"}, {0.911, "0.911 ± 0.005"}} {
		recs = append(recs, model.Record{Task: "DNA sequence classification", Dataset: "Mouse Enhancers",
			ParentDataset: "GenomicBenchmarks", Metric: "Accuracy", HigherIsBetter: true, MetricUnit: "%",
			Method: []string{"Fraction A", "Fraction B", "Fraction C"}[i], Value: v.value, PlusMinus: &pm,
			Unit: "fraction", Raw: v.raw, ReportedIn: "test", Confidence: "high"})
	}
	if _, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	var decimals int
	db.Raw(`SELECT m.decimals FROM metrics m JOIN datasets d ON d.id = m.dataset_id
		WHERE d.name = 'Mouse Enhancers' AND m.name = 'Accuracy'`).Scan(&decimals)
	if decimals != 1 {
		t.Errorf("Mouse Enhancers accuracy shows %d decimals after a fraction import, want 1", decimals)
	}
	var scores []float64
	db.Raw(`SELECT r.score FROM results r JOIN methods m ON m.id = r.method_id
		WHERE m.name LIKE 'Fraction %' ORDER BY m.name`).Scan(&scores)
	want := []float64{80.6, 70.2, 91.1}
	if len(scores) != len(want) {
		t.Fatalf("scores %v, want %v", scores, want)
	}
	for i := range want {
		if scores[i] != want[i] {
			t.Errorf("score %d = %s, want %s", i, model.FormatNumber(scores[i]), model.FormatNumber(want[i]))
		}
	}
}

// TestDecimalScoresMigration runs 0021's statements over rows written the
// old way: binary products as scores, 4 decimals on a one-decimal board.
func TestDecimalScoresMigration(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	var metricID, resultID int64
	db.Raw(`SELECT m.id FROM metrics m JOIN datasets d ON d.id = m.dataset_id
		WHERE d.name = 'Mouse Enhancers' AND m.name = 'Accuracy'`).Scan(&metricID)
	db.Raw(`SELECT id FROM results WHERE metric_id = ? ORDER BY id LIMIT 1`, metricID).Scan(&resultID)
	if metricID == 0 || resultID == 0 {
		t.Fatal("no Mouse Enhancers accuracy in the seed")
	}
	old := []string{
		`UPDATE results SET value = 0.806, unit = 'fraction', raw = '0.806', score = 0.806::float8 * 100 WHERE id = ` + itoa(resultID),
		`UPDATE metrics SET decimals = 4 WHERE id = ` + itoa(metricID),
	}
	for _, q := range old {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	var before float64
	db.Raw(`SELECT score FROM results WHERE id = ?`, resultID).Scan(&before)
	if model.FormatNumber(before) == "80.6" {
		t.Fatal("the old score is not noisy: the test proves nothing")
	}
	src, err := fs.ReadFile(migrations.FS, "0021_decimal_scores.sql")
	if err != nil {
		t.Fatal(err)
	}
	up := strings.Split(string(src), "-- +goose Down")[0]
	if err := db.Exec(up).Error; err != nil {
		t.Fatal(err)
	}
	var after float64
	var decimals int
	db.Raw(`SELECT score FROM results WHERE id = ?`, resultID).Scan(&after)
	db.Raw(`SELECT decimals FROM metrics WHERE id = ?`, metricID).Scan(&decimals)
	if model.FormatNumber(after) != "80.6" || decimals != 1 {
		t.Errorf("after 0021: score %s, decimals %d; want 80.6 and 1", model.FormatNumber(after), decimals)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
