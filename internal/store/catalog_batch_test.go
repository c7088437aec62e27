package store_test

import (
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestBatchedCatalogMatchesRecordByRecord: resolving a batch's papers and
// methods together gives the catalogue that resolving them one record at
// a time gives: the same ids for the same names, the same numbered slugs,
// the same introducing papers, aliases and names already in the database
// honoured.
func TestBatchedCatalogMatchesRecordByRecord(t *testing.T) {
	t.Parallel()
	var recs []model.Record
	add := func(method, paper, arxiv string, value float64) {
		recs = append(recs, model.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
			HigherIsBetter: true, MetricUnit: "%", Method: method, Value: value, Unit: "%", Raw: fmt.Sprint(value),
			PaperTitle: paper, ArxivID: arxiv, Confidence: "high", ReportedIn: fmt.Sprintf("table %v", value)})
	}
	add("BERT base", "", "", 1)                               // no paper yet: linked by a later record
	add("BERT-base", "A paper", "", 2)                        // another spelling (nameKey): the same method, linked
	add("bert base", "Pre-training of BERT", "1810.04805", 3) // the first method again; its paper is set
	add("BERT_base", "", "", 4)                               // a third spelling
	add("BERT/base", "", "", 4.5)                             // another name with that slug: numbered
	add("Taken", "Another paper", "", 5)                      // its slug is taken by an existing method
	add("ViT", "An image is worth 16x16 words", "", 6)        // an alias of an existing method
	add("Fresh Method", "an image is worth 16X16 words", "", 7)
	add("Ünïcode Näme", "ÄPFEL paper", "", 8)
	add("unicode name", "äpfel PAPER", "", 9)
	for i := range 30 {
		add(fmt.Sprintf("Method %d", i%12), fmt.Sprintf("Paper %d", i%7), fmt.Sprintf("2101.%05d", i%5), float64(10+i))
	}

	prepare := func(t *testing.T) (*gorm.DB, *store.Store) {
		db, _ := testdb.Open(t)
		for _, q := range []string{
			`INSERT INTO methods (slug, name) VALUES ('taken', 'Something else'), ('vision-transformer', 'Vision Transformer')`,
			`INSERT INTO method_aliases (alias, method_id) SELECT 'ViT', id FROM methods WHERE slug = 'vision-transformer'`,
			`INSERT INTO papers (slug, title) VALUES ('a-paper', 'Unrelated title')`,
		} {
			if err := db.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		return db, store.New(db, nil)
	}
	catalogue := func(t *testing.T, batch int) string {
		db, st := prepare(t)
		if _, err := st.Ingest(t.Context(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test", BatchSize: batch}); err != nil {
			t.Fatal(err)
		}
		var rows []string
		err := db.Raw(`SELECT m.id || ' ' || m.slug || ' ' || m.name || ' → ' || coalesce(p.slug || ' ' || p.title || ' ' || coalesce(p.arxiv_id, ''), '-')
			FROM methods m LEFT JOIN papers p ON p.id = m.paper_id ORDER BY m.id`).Scan(&rows).Error
		if err != nil {
			t.Fatal(err)
		}
		var results []string
		db.Raw(`SELECT r.value || ' ' || r.method_id || ' ' || coalesce(r.paper_id::text, '-') FROM results r ORDER BY r.value`).Scan(&results)
		return strings.Join(rows, "\n") + "\n--\n" + strings.Join(results, "\n")
	}
	one := catalogue(t, 1) // a batch per record: each name resolved on its own
	all := catalogue(t, 1000)
	if one != all {
		t.Fatalf("record by record:\n%s\n\nbatched:\n%s", one, all)
	}
	for _, want := range []string{"bert-base BERT base → a-paper-2", "bert-base-2 BERT/base → -", "taken-2 Taken", "vision-transformer Vision Transformer → an-image-is-worth-16x16-words"} {
		if !strings.Contains(all, want) {
			t.Errorf("the catalogue lacks %q:\n%s", want, all)
		}
	}
}

// TestBatchedDatasetsMatchRecordByRecord: datasets and their metrics
// resolved a batch at a time come out as the record-by-record catalogue
// made them: the same ids in the same order, parents before children,
// numbered slugs, aliases and existing datasets honoured, the first metric
// of a new dataset its primary one.
func TestBatchedDatasetsMatchRecordByRecord(t *testing.T) {
	t.Parallel()
	var recs []model.Record
	add := func(task, dataset, parent, metric string, primary bool, raw string) {
		recs = append(recs, model.Record{Task: task, Dataset: dataset, ParentDataset: parent, Metric: metric,
			HigherIsBetter: true, MetricUnit: "%", PrimaryMetric: primary, Method: "M", Value: float64(len(recs)),
			Unit: "%", Raw: raw, Confidence: "high", ReportedIn: fmt.Sprintf("table %d", len(recs))})
	}
	add("Image classification", "CIFAR-10", "", "Error", false, "1")     // first metric: primary though not marked
	add("Image classification", "CIFAR-10", "", "Accuracy", true, "2.5") // primary claimed too late: a plain column
	add("DNA", "Mouse Enhancers", "GenomicBenchmarks", "Accuracy", true, "3")
	add("DNA", "Human Enhancers", "GenomicBenchmarks", "Accuracy", true, "4.25")
	add("DNA", "GenomicBenchmarks", "", "F1", true, "5")                  // the parent gets a metric of its own
	add("Image classification", "IN-1k", "", "Top-1", true, "6")          // an alias of an existing dataset; a spelling of Top-1 accuracy
	add("Image classification", "Existing", "", "New metric", false, "7") // a new metric of an existing dataset
	add("Image classification", "cifar-10", "", "error", false, "8.125")  // the first dataset and metric again
	add("Image classification", "CIFAR 10", "", "Top 1", true, "9")       // another spelling (nameKey) of CIFAR-10
	add("Image classification", "CIFAR/10", "", "Top 1", true, "9.5")     // the same slug as CIFAR-10: numbered
	add("Image classification", "Top/1 : Top+1", "", "Top/1", true, "10")
	add("Image classification", "Top/1 : Top+1", "", "Top+1", true, "11") // a metric slug taken: numbered
	add("Image classification", "Top/1 : Top+1", "", "TOP/1", true, "12")
	add("New task", "Child", "Parent", "Accuracy", true, "13")
	add("New task", "Grandchild", "Child", "Accuracy", true, "14")

	catalogue := func(t *testing.T, batch int) string {
		db, _ := testdb.Open(t)
		for _, q := range []string{
			`INSERT INTO tasks (slug, name) VALUES ('image-classification', 'Image classification')`,
			`INSERT INTO datasets (slug, name, task_id) SELECT s, n, id FROM tasks,
				(VALUES ('imagenet-1k', 'ImageNet-1k'), ('existing', 'Existing')) AS v(s, n)`,
			`INSERT INTO dataset_aliases (alias, dataset_id) SELECT 'IN-1k', id FROM datasets WHERE slug = 'imagenet-1k'`,
			`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, is_primary)
				SELECT id, 'accuracy', 'Accuracy', true, true FROM datasets WHERE slug = 'existing'`,
		} {
			if err := db.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		st := store.New(db, nil)
		if _, err := st.Ingest(t.Context(), store.Records(recs), store.IngestOptions{Action: "import", Actor: "test", BatchSize: batch}); err != nil {
			t.Fatal(err)
		}
		var rows []string
		err := db.Raw(`SELECT d.id || ' ' || d.slug || ' ' || d.name || ' task ' || d.task_id || ' parent ' || coalesce(p.name, '-')
			|| coalesce(' | ' || string_agg(m.slug || ' ' || m.name || ' pos ' || m.position || ' decimals ' || m.decimals
				|| CASE WHEN m.is_primary THEN ' primary' ELSE '' END, ', ' ORDER BY m.id), '')
			FROM datasets d LEFT JOIN datasets p ON p.id = d.parent_id LEFT JOIN metrics m ON m.dataset_id = d.id
			GROUP BY d.id, p.name ORDER BY d.id`).Scan(&rows).Error
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(rows, "\n")
	}
	// want is what the record-by-record catalogue (before batching, commit
	// d5ac7c9) made of recs, with names matched by nameKey and the shipped
	// spellings (migration 0020).
	const want = `1 imagenet-1k ImageNet-1k task 1 parent - | top-1-accuracy Top-1 accuracy pos 0 decimals 0 primary
2 existing Existing task 1 parent - | accuracy Accuracy pos 0 decimals 2 primary, new-metric New metric pos 1 decimals 0
3 cifar-10 CIFAR-10 task 1 parent - | error Error pos 0 decimals 3 primary, accuracy Accuracy pos 1 decimals 1, top-1-accuracy Top-1 accuracy pos 2 decimals 0
4 genomicbenchmarks GenomicBenchmarks task 2 parent - | f1 F1 pos 0 decimals 0 primary
5 mouse-enhancers Mouse Enhancers task 2 parent GenomicBenchmarks | accuracy Accuracy pos 0 decimals 0 primary
6 human-enhancers Human Enhancers task 2 parent GenomicBenchmarks | accuracy Accuracy pos 0 decimals 2 primary
7 cifar-10-2 CIFAR/10 task 1 parent - | top-1-accuracy Top-1 accuracy pos 0 decimals 1 primary
8 top-1-top-1 Top/1 : Top+1 task 1 parent - | top-1 Top/1 pos 0 decimals 0 primary, top-1-2 Top+1 pos 1 decimals 0
9 parent Parent task 3 parent -
10 child Child task 3 parent Parent | accuracy Accuracy pos 0 decimals 0 primary
11 grandchild Grandchild task 3 parent Child | accuracy Accuracy pos 0 decimals 0 primary`
	for _, batch := range []int{1, 1000} {
		if got := catalogue(t, batch); got != want {
			t.Errorf("batches of %d:\n%s\n\nrecord by record:\n%s", batch, got, want)
		}
	}
}
