package store_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/csvio"
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
	var recs []csvio.Record
	add := func(method, paper, arxiv string, value float64) {
		recs = append(recs, csvio.Record{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy",
			HigherIsBetter: true, MetricUnit: "%", Method: method, Value: value, Unit: "%", Raw: fmt.Sprint(value),
			PaperTitle: paper, ArxivID: arxiv, Confidence: "high", ReportedIn: fmt.Sprintf("table %v", value)})
	}
	add("BERT base", "", "", 1)                               // no paper yet: linked by a later record
	add("BERT-base", "A paper", "", 2)                        // another name, the same slug: numbered
	add("bert base", "Pre-training of BERT", "1810.04805", 3) // the first method again, now with a paper
	add("BERT_base", "", "", 4)                               // a third name with that slug
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
		i := 0
		next := func() (csvio.Record, error) {
			if i == len(recs) {
				return csvio.Record{}, io.EOF
			}
			i++
			return recs[i-1], nil
		}
		if _, err := st.Ingest(t.Context(), next, store.IngestOptions{Action: "import", Actor: "test", BatchSize: batch}); err != nil {
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
	for _, want := range []string{"bert-base BERT base → pre-training-of-bert", "bert-base-2 BERT-base → a-paper-2",
		"bert-base-3 BERT_base", "taken-2 Taken", "vision-transformer Vision Transformer → an-image-is-worth-16x16-words"} {
		if !strings.Contains(all, want) {
			t.Errorf("the catalogue lacks %q:\n%s", want, all)
		}
	}
}
