package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/model"
)

var slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func TestSizes(t *testing.T) {
	tests := []struct {
		n, total, cap int
	}{
		{1, 1, 10}, {10, 10, 10}, {10, 1000, 50_000}, {9_995, 916_000, 50_000}, {100, 1_000_000, 5_000}, {7, 100, 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d/%d", tt.n, tt.total, tt.cap), func(t *testing.T) {
			got := Sizes(rand.New(rand.NewPCG(1, 2)), tt.n, tt.total, 1.6, tt.cap)
			again := Sizes(rand.New(rand.NewPCG(1, 2)), tt.n, tt.total, 1.6, tt.cap)
			if !slices.Equal(got, again) {
				t.Fatal("not deterministic for one seed")
			}
			sum := 0
			for _, s := range got {
				if s < 1 {
					t.Fatalf("size %d < 1", s)
				}
				if s > tt.cap && tt.total <= tt.n*tt.cap {
					t.Fatalf("size %d over the cap %d", s, tt.cap)
				}
				sum += s
			}
			if len(got) != tt.n || sum != tt.total {
				t.Errorf("%d sizes summing to %d, want %d summing to %d", len(got), sum, tt.n, tt.total)
			}
		})
	}
}

// TestPlanDefaultScale checks the shape issue 5 asks for without
// generating a million rows: most leaderboards under 50, a few with
// 10,000+ rows, the two addressed ones, valid and unique names and slugs.
func TestPlanDefaultScale(t *testing.T) {
	p, err := NewPlan(DefaultScale)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Datasets) != 10_000 || len(p.Tasks) != 100 || p.Papers != 50_000 {
		t.Fatalf("%d datasets, %d tasks, %d papers", len(p.Datasets), len(p.Tasks), p.Papers)
	}
	total, under50, huge := 0, 0, 0
	names, slugs := map[string]bool{}, map[string]bool{}
	for _, d := range p.Datasets {
		total += d.Results
		if d.Results < 50 {
			under50++ // fewer results than 50 means fewer rows
		}
		rows := d.Rows
		if rows == 0 && len(d.Metrics) == 1 {
			rows = d.Results
		}
		if rows >= 10_000 {
			huge++
		}
		if !slugRe.MatchString(d.Slug) || slugs[d.Slug] || names[strings.ToLower(d.Name)] {
			t.Fatalf("dataset %q: slug %q invalid or taken", d.Name, d.Slug)
		}
		slugs[d.Slug], names[strings.ToLower(d.Name)] = true, true
		if n := len(d.Metrics); n < 1 || n > 3 || !d.Metrics[0].Primary {
			t.Fatalf("dataset %q: %d metrics, first primary %t", d.Name, n, n > 0 && d.Metrics[0].Primary)
		}
		if d.ParentID >= d.ID || (d.ParentID > 0 && p.Datasets[d.ParentID-1].ParentID != 0) {
			t.Fatalf("dataset %d: parent %d must come first and have no parent", d.ID, d.ParentID)
		}
	}
	if total != DefaultScale.Results {
		t.Errorf("planned %d results, want %d", total, DefaultScale.Results)
	}
	if under50 < len(p.Datasets)/2 {
		t.Errorf("%d of %d leaderboards under 50 results: most should be", under50, len(p.Datasets))
	}
	if huge < 3 {
		t.Errorf("%d leaderboards with 10,000+ rows, want a few", huge)
	}
	if d := p.DatasetBySlug(LargeSlug); d == nil || d.Rows != 10_000 {
		t.Errorf("%s: %+v", LargeSlug, d)
	}
	if d := p.DatasetBySlug(SmallSlug); d == nil || d.Rows != 100 {
		t.Errorf("%s: %+v", SmallSlug, d)
	}
	methods := map[string]bool{}
	for i := range p.Methods {
		name, slug, paper := p.Method(i)
		if !slugRe.MatchString(slug) || methods[slug] || methods["n:"+strings.ToLower(name)] {
			t.Fatalf("method %d: %q / %q invalid or taken", i, name, slug)
		}
		methods[slug], methods["n:"+strings.ToLower(name)] = true, true
		if paper >= p.Papers {
			t.Fatalf("method %d: paper %d of %d", i, paper, p.Papers)
		}
	}
	arxiv := map[string]bool{}
	for j := range p.Papers {
		pp := p.Paper(j)
		if pp.ArxivID != "" {
			if arxiv[pp.ArxivID] || !regexp.MustCompile(`^[0-9]{4}\.[0-9]{4,5}$`).MatchString(pp.ArxivID) {
				t.Fatalf("paper %d: arXiv id %q invalid or taken", j, pp.ArxivID)
			}
			arxiv[pp.ArxivID] = true
		}
	}
}

// TestGenerateQuick generates a whole --quick database (100,000 rows):
// exact counts, the report index unique, values finite, the addressed
// leaderboards exactly 100 and 10,000 rows, and the same rows twice.
func TestGenerateQuick(t *testing.T) {
	sc := DefaultScale
	sc.Results, sc.Datasets, sc.Methods = 100_000, 1_000, 10_000
	p, err := NewPlan(sc)
	if err != nil {
		t.Fatal(err)
	}
	type reportKey struct {
		dataset, metric, method int64
		setting, params, source string
		extra                   bool
		score                   float64
	}
	seen := map[reportKey]bool{}
	next := int64(1)
	rowsOf := map[int64]map[string]bool{}
	conflicts := 0
	for i := range p.Datasets {
		d := &p.Datasets[i]
		rowsOf[d.ID] = map[string]bool{}
		err := p.Generate(d, &next, func(r *Row) error {
			k := reportKey{r.DatasetID, r.MetricID, r.MethodID, r.Setting, r.ParamsText, r.ReportedIn, r.ExtraData, r.Value}
			if seen[k] {
				return fmt.Errorf("duplicate report %+v", k)
			}
			seen[k] = true
			if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || (r.PlusMinus != nil && *r.PlusMinus < 0) {
				return fmt.Errorf("bad value %v ± %v", r.Value, r.PlusMinus)
			}
			if r.ID != next-1 {
				return fmt.Errorf("id %d, next %d", r.ID, next)
			}
			if strings.HasPrefix(r.ReportedIn, "Reproduction") {
				conflicts++
			}
			rowsOf[d.ID][fmt.Sprint(r.MethodID, r.Setting, r.ExtraData, r.ParamsText, r.ReportedIn)] = true
			return nil
		})
		if err != nil {
			t.Fatalf("dataset %s: %v", d.Slug, err)
		}
	}
	if got := int(next - 1); got != sc.Results {
		t.Errorf("generated %d results, want %d", got, sc.Results)
	}
	if n := len(rowsOf[p.DatasetBySlug(SmallSlug).ID]); n != 100 {
		t.Errorf("%s has %d rows, want 100", SmallSlug, n)
	}
	if n := len(rowsOf[p.DatasetBySlug(LargeSlug).ID]); n != 10_000 {
		t.Errorf("%s has %d rows, want 10,000", LargeSlug, n)
	}
	if conflicts == 0 {
		t.Errorf("no conflicting reports generated")
	}

	// Same seed, same rows.
	var a, b []Row
	for _, out := range []*[]Row{&a, &b} {
		n := int64(1)
		p.Generate(&p.Datasets[5], &n, func(r *Row) error { *out = append(*out, *r); return nil })
	}
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("Generate is not deterministic")
	}
}

// TestRecordsRoundTrip: the generated import file is valid input for
// csvio's reader and reads back as written.
func TestRecordsRoundTrip(t *testing.T) {
	sc := DefaultScale
	sc.Results, sc.Datasets, sc.Methods = 40_000, 100, 10_000
	p, err := NewPlan(sc)
	if err != nil {
		t.Fatal(err)
	}
	var want []model.Record
	var b strings.Builder
	w, err := csvio.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	next := int64(1)
	for _, i := range []int{1, 2, 10, 60, 99} {
		p.Generate(&p.Datasets[i], &next, func(r *Row) error {
			rec := p.Record(r)
			want = append(want, rec)
			return w.Write(rec)
		})
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := csvio.NewReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range want {
		got, err := r.Read()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, rec) {
			t.Fatalf("record %d:\n got %+v\nwant %+v", i, got, rec)
		}
	}
}
