package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestSummaryListsNewNamesAndGuesses: the printed summary names each new
// dataset, metric and method beside the closest existing names, and every
// direction it guessed; a spelling of a seeded board is not new.
func TestSummaryListsNewNamesAndGuesses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if _, err := cli.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	header := strings.Join(csvio.Columns, ",") + "\n"
	row := func(task, dataset, metric, higher, method, value, inferred string) string {
		f := make([]string, len(csvio.Columns))
		for i, c := range csvio.Columns {
			switch c {
			case "task":
				f[i] = task
			case "dataset":
				f[i] = dataset
			case "metric":
				f[i] = metric
			case "higher_is_better":
				f[i] = higher
			case "primary_metric", "extra_data":
				f[i] = "false"
			case "method":
				f[i] = method
			case "value", "raw":
				f[i] = value
			case "confidence":
				f[i] = "high"
			case "reported_in":
				f[i] = "test"
			case "direction_inferred":
				f[i] = inferred
			}
		}
		return strings.Join(f, ",") + "\n"
	}
	data := header +
		row("Image classification", "ILSVRC 2012", "acc@1", "true", "BigNASModel S", "76.6", "false") +
		row("Language modelling", "enwik8", "Model Entropy", "false", "Transformer-XL", "0.99", "true")
	sum, err := importString(ctx, st, "names.csv", data, importer.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := sum.Print(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"new names (3)",
		`dataset "enwik8"`,
		`metric "Model Entropy" on enwik8`,
		`method "Transformer-XL"`,
		"guessed directions (1)",
		"enwik8 · Model Entropy: lower is better",
		"ImageNet-1k", // the summary's table names the board, not the spelling
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{`dataset "ILSVRC 2012"`, `metric "acc@1"`, `method "BigNASModel S"`} {
		if strings.Contains(out, bad) {
			t.Errorf("summary lists %s as new:\n%s", bad, out)
		}
	}
}
