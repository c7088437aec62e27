package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestSpellingsLandOnSeededBoards: the names the published formats give
// ImageNet-1k, MMLU and their metrics (../formats samples: model-index,
// HF model cards, lm-evaluation-harness, timm) land on the seeded boards:
// never a second ImageNet or MMLU. A fraction converts to the % metric.
func TestSpellingsLandOnSeededBoards(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	var datasetsBefore, metricsBefore int64
	db.Raw("SELECT count(*) FROM datasets").Scan(&datasetsBefore)
	db.Raw("SELECT count(*) FROM metrics").Scan(&metricsBefore)

	tests := []struct {
		dataset, metric string
		value           float64
		unit            string
		wantDataset     string
		wantMetric      string
		wantScore       float64
	}{
		{"ImageNet", "Top 1 Accuracy", 77.37, "%", "ImageNet-1k", "Top-1 accuracy", 77.37},
		{"ImageNet-1k", "top1", 91.144, "%", "ImageNet-1k", "Top-1 accuracy", 91.144},
		{"ILSVRC 2012", "acc@1", 76.1, "%", "ImageNet-1k", "Top-1 accuracy", 76.1},
		{"imagenet-1k", "Top-1 accuracy (%)", 80.1, "%", "ImageNet-1k", "Top-1 accuracy", 80.1},
		{"ImageNet (ILSVRC2012)", "Top 1 Accuracy (%)", 81.2, "%", "ImageNet-1k", "Top-1 accuracy", 81.2},
		{"IMAGENET-1K", "TOP-1 ACCURACY", 82.3, "%", "ImageNet-1k", "Top-1 accuracy", 82.3},
		{"MMLU (5-Shot)", "acc", 64.24, "%", "MMLU", "Accuracy", 64.24},
		{"cais/mmlu", "accuracy", 56.8, "%", "MMLU", "Accuracy", 56.8},
		{"mmlu", "acc", 0.6187, "fraction", "MMLU", "Accuracy", 61.87},
		{"hendrycksTest", "acc", 0.5604, "fraction", "MMLU", "Accuracy", 56.04},
		{"hendrycks_test", "Accuracy (%)", 70.5, "%", "MMLU", "Accuracy", 70.5},
		{"human_nontata_promoters", "acc", 0.886, "fraction", "Human Nontata Promoters", "Accuracy", 88.6},
		{"demo_human_or_worm", "accuracy", 96.5, "%", "Human vs Worm", "Accuracy", 96.5},
		{"CUHK PEDES", "R@1", 73.4, "%", "CUHK-PEDES", "Rank-1", 73.4},
		{"RSTP-Reid", "Rank@10", 90.1, "%", "RSTPReid", "Rank-10", 90.1},
	}
	var recs []model.Record
	for i, tt := range tests {
		recs = append(recs, model.Record{Task: "Image classification", Dataset: tt.dataset, Metric: tt.metric,
			HigherIsBetter: true, MetricUnit: "%", Method: "Spelling test " + string(rune('A'+i)), Value: tt.value,
			Unit: tt.unit, Raw: model.FormatNumber(tt.value), ReportedIn: "test", Confidence: "high"})
	}
	sum, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var datasetsAfter, metricsAfter int64
	db.Raw("SELECT count(*) FROM datasets").Scan(&datasetsAfter)
	db.Raw("SELECT count(*) FROM metrics").Scan(&metricsAfter)
	if datasetsAfter != datasetsBefore || metricsAfter != metricsBefore {
		var names []string
		db.Raw("SELECT name FROM datasets WHERE needs_review UNION ALL SELECT name FROM metrics WHERE needs_review").Scan(&names)
		t.Fatalf("datasets %d → %d, metrics %d → %d; new: %v", datasetsBefore, datasetsAfter, metricsBefore, metricsAfter, names)
	}
	for i, tt := range tests {
		var got struct {
			Dataset, Metric string
			Score           float64
		}
		db.Raw(`SELECT d.name AS dataset, mt.name AS metric, r.score FROM results r JOIN datasets d ON d.id = r.dataset_id
			JOIN metrics mt ON mt.id = r.metric_id JOIN methods m ON m.id = r.method_id WHERE m.name = ?`,
			"Spelling test "+string(rune('A'+i))).Scan(&got)
		if got.Dataset != tt.wantDataset || got.Metric != tt.wantMetric || got.Score != tt.wantScore {
			t.Errorf("%q / %q landed on %q / %q as %v; want %q / %q as %v", tt.dataset, tt.metric,
				got.Dataset, got.Metric, got.Score, tt.wantDataset, tt.wantMetric, tt.wantScore)
		}
	}
	// The summary names boards as stored, not as spelled.
	boards := map[string]bool{}
	for _, tt := range tests {
		boards[tt.wantDataset] = true
	}
	for name := range sum.PerDataset {
		if !boards[name] {
			t.Errorf("summary lists dataset %q", name)
		}
	}
	// Only the methods are new, and flagged for review.
	for _, n := range sum.NewNames {
		if n.Kind != "method" {
			t.Errorf("new %s %q", n.Kind, n.Name)
		}
	}
	var flagged int64
	db.Raw("SELECT count(*) FROM methods WHERE needs_review AND name LIKE 'Spelling test %'").Scan(&flagged)
	if flagged != int64(len(tests)) {
		t.Errorf("%d new methods flagged for review, want %d", flagged, len(tests))
	}
}

// TestMethodSpellingsAreOneMethod: case, spaces, hyphens and underscores
// do not make another method; the first spelling stays the name.
func TestMethodSpellingsAreOneMethod(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	rec := func(method string, v float64) model.Record {
		return model.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
			HigherIsBetter: true, MetricUnit: "%", Method: method, Value: v, Unit: "%", Raw: model.FormatNumber(v),
			ReportedIn: "test", Confidence: "high"}
	}
	tests := []struct {
		name    string
		batches [][]string
		want    []string
	}{
		{"one batch", [][]string{{"ResNet-50", "resnet50", "ResNet 50", "RESNET_50"}}, []string{"ResNet-50"}},
		{"later batches", [][]string{{"resnet50"}, {"ResNet-50"}, {"Res Net 50"}}, []string{"resnet50"}},
		{"other names stay apart", [][]string{{"ResNet-50", "ResNet-50-D", "ResNet-101"}}, []string{"ResNet-101", "ResNet-50", "ResNet-50-D"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db.Exec("TRUNCATE results, revisions, methods, metrics, datasets, tasks CASCADE")
			v := 70.0
			for _, batch := range tt.batches {
				var recs []model.Record
				for _, m := range batch {
					v++
					recs = append(recs, rec(m, v))
				}
				if _, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test"}); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			db.Raw("SELECT name FROM methods ORDER BY name").Scan(&got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("methods %v, want %v", got, tt.want)
			}
		})
	}
}

// TestNewNamesInSummary: a name that matches nothing is created, flagged,
// and listed beside the existing names that look closest; a guessed
// direction is listed too. A dry run lists them and writes nothing.
func TestNewNamesInSummary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	seed(t, st)
	recs := []model.Record{{Task: "Image classification", Dataset: "ImageNet-1k-ReaL", Metric: "Top-1 acc real",
		HigherIsBetter: true, MetricUnit: "%", Method: "DeiT-B distilled 384", Value: 90.1, Unit: "%", Raw: "90.1",
		ReportedIn: "test", Confidence: "high"}, {Task: "Language modelling", Dataset: "enwik8 test", Metric: "Model Entropy",
		HigherIsBetter: false, DirectionInferred: true, Method: "Transformer-XL", Value: 0.99, Raw: "0.99",
		ReportedIn: "test", Confidence: "high"}}
	for _, dry := range []bool{true, false} {
		sum, err := st.Ingest(ctx, store.Records(recs), store.IngestOptions{Action: "import", Actor: "test", DryRun: dry})
		if err != nil {
			t.Fatal(err)
		}
		similar := map[string][]string{}
		for _, n := range sum.NewNames {
			similar[n.Kind+":"+n.Name] = n.Similar
		}
		if s := similar["dataset:ImageNet-1k-ReaL"]; len(s) == 0 || s[0] != "ImageNet-1k" {
			t.Errorf("dry=%t: ImageNet-1k-ReaL's closest names %v, want ImageNet-1k first", dry, s)
		}
		if s := similar["metric:Top-1 acc real"]; len(s) == 0 || s[0] != "Top-1 accuracy" {
			t.Errorf("dry=%t: the new metric's closest names %v, want Top-1 accuracy first", dry, s)
		}
		if _, ok := similar["method:Transformer-XL"]; !ok {
			t.Errorf("dry=%t: Transformer-XL not listed as new: %+v", dry, sum.NewNames)
		}
		if sum.NewNamesTotal != len(sum.NewNames) || sum.NewNamesTotal != 6 {
			t.Errorf("dry=%t: %d new names (%d listed), want 6: %+v", dry, sum.NewNamesTotal, len(sum.NewNames), sum.NewNames)
		}
		want := []store.GuessedDirection{{Dataset: "enwik8 test", Metric: "Model Entropy", HigherIsBetter: false}}
		if !slices.Equal(sum.Guessed, want) {
			t.Errorf("dry=%t: guessed %+v, want %+v", dry, sum.Guessed, want)
		}
		var n int64
		db.Raw("SELECT count(*) FROM datasets WHERE needs_review").Scan(&n)
		if dry && n != 0 || !dry && n != 2 {
			t.Errorf("dry=%t: %d datasets flagged for review", dry, n)
		}
	}
}

// TestKeyTwins: rows stored before name keys existed that share one are
// listed for a merge, and imports match neither rather than guess.
func TestKeyTwins(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	if err := db.Exec(`INSERT INTO methods (slug, name) VALUES ('foo-bar', 'Foo-Bar'), ('foo-bar-2', 'foo bar'), ('other', 'Other')`).Error; err != nil {
		t.Fatal(err)
	}
	twins, err := st.KeyTwinsList(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(twins) != 1 || twins[0].Kind != "method" || len(twins[0].Names) != 2 ||
		twins[0].Names[0].Name != "Foo-Bar" || twins[0].Names[1].Slug != "foo-bar-2" {
		t.Fatalf("twins %+v", twins)
	}
	ingest(t, st, model.Record{Task: "T", Dataset: "D", Metric: "M", HigherIsBetter: true, Method: "FOO_BAR", Value: 1,
		Raw: "1", Confidence: "high"})
	var n int64
	db.Raw(`SELECT count(*) FROM methods WHERE name = 'FOO_BAR'`).Scan(&n)
	if n != 1 {
		t.Error("an ambiguous spelling was matched to one of two stored names instead of being created")
	}
}

// TestOpenLLMLeaderboardNames: the Open LLM Leaderboard's benchmarks, as
// a Hugging Face model card names them and as lm-evaluation-harness does,
// make one board each, under the name the spelling stands for, with one
// metric per metric whatever its spelling — in one import or in two.
func TestOpenLLMLeaderboardNames(t *testing.T) {
	t.Parallel()
	card := [][3]string{ // dataset, metric, method (a model card's names)
		{"AI2 Reasoning Challenge (25-Shot)", "normalized accuracy", "NeuralPipe-7B-ties"},
		{"HellaSwag (10-Shot)", "acc_norm", "NeuralPipe-7B-ties"},
		{"Winogrande (5-shot)", "acc", "NeuralPipe-7B-ties"},
		{"GSM8k (5-shot)", "acc", "NeuralPipe-7B-ties"},
		{"TruthfulQA (0-shot)", "mc2", "NeuralPipe-7B-ties"},
	}
	harness := [][3]string{ // as lm-evaluation-harness names them
		{"arc_challenge", "acc_norm", "example-org/example-7b"},
		{"hellaswag", "acc_norm", "example-org/example-7b"},
		{"winogrande", "acc", "example-org/example-7b"},
		{"gsm8k", "Accuracy", "example-org/example-7b"},
		{"truthful_qa", "MC2", "example-org/example-7b"},
	}
	want := []string{
		"ARC-Challenge: Normalized accuracy",
		"GSM8K: Accuracy",
		"HellaSwag: Normalized accuracy",
		"TruthfulQA: mc2",
		"WinoGrande: Accuracy",
	}
	recs := func(names [][3]string) []model.Record {
		var out []model.Record
		for i, n := range names {
			out = append(out, model.Record{Task: "Text generation", Dataset: n[0], Metric: n[1], HigherIsBetter: true,
				MetricUnit: "%", Method: n[2], Value: 60 + float64(i), Unit: "%", Raw: model.FormatNumber(60 + float64(i)),
				ReportedIn: n[2], Confidence: "high"})
		}
		return out
	}
	for _, together := range []bool{true, false} {
		db, _ := testdb.Open(t)
		st := store.New(db, nil)
		if together {
			ingest(t, st, append(recs(card), recs(harness)...)...)
		} else {
			ingest(t, st, recs(card)...)
			ingest(t, st, recs(harness)...)
		}
		var got []string
		db.Raw(`SELECT d.name || ': ' || m.name FROM metrics m JOIN datasets d ON d.id = m.dataset_id ORDER BY 1`).Scan(&got)
		if !slices.Equal(got, want) {
			t.Errorf("together=%t: boards %q, want %q", together, got, want)
		}
		var results int64
		db.Raw(`SELECT count(*) FROM results`).Scan(&results)
		if results != 10 {
			t.Errorf("together=%t: %d results, want 10", together, results)
		}
	}
}
