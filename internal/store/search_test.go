package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// The search's papers are found through a bound on each title's trigram
// count (trigramBound): it may only skip titles that cannot be similar
// enough, so for every query the papers found are those that matching
// every title by similarity, as the search did before, finds.
func TestSearchPapersMatchSimilarity(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	titles := []string{
		"ResNet-S", "ResNet S", "ResNets", "ResNet-S 12", "ResNet-S and friends",
		"Deep Residual Learning for Image Recognition", "Residual networks, small", "Scaling ResNet-S to the limit of what residual networks can do",
		"ViT-B/16", "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale", "ViT", "Vision transformers, base size 16",
		"BERT", "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "Bert base", "RoBERTa",
		"Attention Is All You Need", "Attention", "attention is all", "2106.08254",
	}
	// Titles that grow word by word from a query spelt so that ILIKE
	// misses it (a hyphen for a space): their similarity falls through
	// the threshold near the bound, where a wrong bound would show.
	tail := []string{"for", "image", "classification", "at", "scale", "with", "fewer", "labels", "and", "more", "data"}
	for _, stem := range []string{"Residual-networks", "Attention-is-all-you-need", "Vision-transformer"} {
		title := stem
		for _, w := range tail {
			title += " " + w
			titles = append(titles, title)
		}
	}
	for i, title := range titles {
		arxiv := any(nil)
		if i == 3 {
			arxiv = "2106.08254"
		}
		if err := db.Exec(`INSERT INTO papers (slug, title, arxiv_id) VALUES ($1, $2, $3)`, fmt.Sprintf("p%d", i), title, arxiv).Error; err != nil {
			t.Fatal(err)
		}
	}
	found := 0
	for _, q := range []string{"ResNet-S", "resnet", "Residual networks", "ViT-B", "vision transformer", "BERT", "Attention is all you need",
		"attention", "2106.08254", "Transformers for Image Recognition", "x", "ResNet-S 12", "Deep Residual Learning for Image Recognition"} {
		t.Run(q, func(t *testing.T) {
			want := searchFinds(t, st, db, "paper", q, `SELECT p.title FROM papers p
				WHERE p.title ILIKE '%' || $1 || '%' OR p.title % $1 OR p.arxiv_id = $1
				ORDER BY lower(p.title) = lower($1) OR p.arxiv_id = $1 DESC, similarity(p.title, $1) DESC, p.title LIMIT 25`)
			if len(want) > 1 {
				found++
			}
		})
	}
	if found < 8 {
		t.Fatalf("only %d queries found more than one paper: the comparison says little", found)
	}
}

// The search's methods are the nearest similar names, ties included
// (migration 0105), and every name the query contains: for every query
// they are the first that ranking every similar or containing name
// gives, even where hundreds of names share one similarity and the cut
// falls inside such a group.
func TestSearchMethodsMatchSimilarity(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	names := []string{"ResNet-S", "ResNet_S", "ResNet S", "ResNets", "ResNet-50", "ResNeXt-101", "Wide ResNet", "ViT-B/16", "ViT-L/14",
		"BERT-base", "BERT-large", "RoBERTa", "DeBERTa-v3", "Swin-T", "ConvNeXt-T", "EfficientNet-B0", "Mask R-CNN"}
	// Tie groups larger than the limit: every name with the same number
	// of digits after the stem has the same similarity to it.
	for i := range 400 {
		names = append(names, fmt.Sprintf("ResNet-S-%d", i), fmt.Sprintf("ViT-%d", i))
	}
	for i, name := range names {
		if err := db.Exec(`INSERT INTO methods (slug, name) VALUES ($1, $2)`, fmt.Sprintf("m%d", i), name).Error; err != nil {
			t.Fatal(err)
		}
	}
	full := 0
	for _, q := range []string{"ResNet-S", "resnet s", "vit 12", "resnet", "ResNet-S-12", "ViT", "ViT-B", "BERT", "DeBERTa", "Swin", "x", "Mask R-CNN", "ResNet-S-1"} {
		t.Run(q, func(t *testing.T) {
			want := searchFinds(t, st, db, "method", q, `SELECT name FROM methods WHERE name ILIKE '%' || $1 || '%' OR name % $1
				ORDER BY lower(name) = lower($1) DESC, similarity(name, $1) DESC, name LIMIT 25`)
			if len(want) == 25 {
				full++
			}
		})
	}
	if full < 4 {
		t.Fatalf("only %d queries filled the limit: the cut was not tested", full)
	}
}

// The search's GiST index (migration 0105) must not answer the lookups of
// a method by name: pg_trgm's GiST class answers "=" too, and built on
// lower(name) the planner took it for every lookup, at
// hundreds of milliseconds each. Each lookup below must probe the unique
// b-tree on lower(name), whatever else the table holds.
func TestMethodLookupsUseTheNameIndex(t *testing.T) {
	t.Parallel()
	db, _ := testdb.Open(t)
	for i := range 2000 {
		if err := db.Exec(`INSERT INTO methods (slug, name) VALUES ($1, $2)`, fmt.Sprintf("m%d", i), fmt.Sprintf("ResNet-S-%d", i)).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec("ANALYZE methods").Error; err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`SELECT id FROM methods WHERE lower(name) = lower('ResNet-S-12')`,
		`SELECT EXISTS (SELECT 1 FROM methods WHERE lower(name) = lower('resnet-s-12'))`,
		`SELECT c.cand, m.id FROM unnest(ARRAY['ResNet-S-5', 'x']) AS c(cand) CROSS JOIN LATERAL (
			SELECT x.id FROM methods x WHERE lower(x.name) = lower(c.cand) OFFSET 0) m`,
	} {
		var plan []string
		if err := db.Raw("EXPLAIN " + q).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		text := strings.Join(plan, "\n")
		if !strings.Contains(text, "methods_name_lower_idx") || strings.Contains(text, "methods_name_nearest") {
			t.Errorf("%s:\n%s", q, text)
		}
	}
}

// searchFinds fails the test unless the hits of kind that Search gives for
// q (at most 25) are the names that want, the same ranking written
// plainly with q as $1, gives; it returns those.
func searchFinds(t *testing.T, st *store.Store, db *gorm.DB, kind, q, want string) []string {
	t.Helper()
	hits, err := st.Search(t.Context(), q, 25)
	if err != nil {
		t.Fatal(err)
	}
	var got, names []string
	for _, h := range hits {
		if h.Kind == kind {
			got = append(got, h.Name)
		}
	}
	if err := db.Raw(want, q).Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, names) {
		t.Fatalf("%ss found for %q:\n got %q\nwant %q", kind, q, got, names)
	}
	return names
}
