package ranking

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
)

// referenceRank and referenceSort are the sort.SliceStable versions Rank
// and Sort replaced; the faster ones must order rows exactly as they did.
func referenceRank(rows []*Row, primary model.Metric) {
	var scored []*Row
	for _, r := range rows {
		r.Rank = 0
		if r.Cells[primary.ID] != nil {
			scored = append(scored, r)
		}
	}
	sort.SliceStable(scored, func(i, j int) bool {
		return Better(scored[i].Cells[primary.ID].Score, scored[j].Cells[primary.ID].Score, primary.HigherIsBetter)
	})
	for i, r := range scored {
		if i > 0 && Same(r.Cells[primary.ID].Score, scored[i-1].Cells[primary.ID].Score) {
			r.Rank = scored[i-1].Rank
		} else {
			r.Rank = i + 1
		}
	}
}

func referenceSort(rows []*Row, key Key, desc bool) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if key.Metric == nil && key.Column == "method" {
			ca, cb := strings.ToLower(a.Method), strings.ToLower(b.Method)
			if ca == cb {
				return false
			}
			return (ca < cb) != desc
		}
		va, oka := sortValue(a, key)
		vb, okb := sortValue(b, key)
		switch {
		case !oka && !okb:
			return strings.ToLower(a.Method) < strings.ToLower(b.Method)
		case !oka:
			return false
		case !okb:
			return true
		case Same(va, vb):
			return strings.ToLower(a.Method) < strings.ToLower(b.Method)
		}
		return (va > vb) == desc
	})
}

// randomRows has many ties (scores on a coarse grid, repeated names,
// missing cells) so that stability matters.
func randomRows(rng *rand.Rand, n int, metrics []model.Metric) []*Row {
	rows := make([]*Row, n)
	for i := range rows {
		r := &Row{ReportedIn: fmt.Sprint(i), Method: fmt.Sprintf("M%d", rng.IntN(n/3+1)), Year: 2015 + rng.IntN(10), Cells: map[int64]*Cell{}}
		if rng.IntN(4) == 0 {
			r.Method = strings.ToLower(r.Method)
		}
		if rng.IntN(5) > 0 {
			r.Params = float64(rng.IntN(20)) * 1e6
		}
		if rng.IntN(6) == 0 {
			r.Year = 0
		}
		for _, m := range metrics {
			if rng.IntN(5) > 0 {
				r.Cells[m.ID] = &Cell{Score: float64(rng.IntN(50)) / 4}
				if rng.IntN(10) == 0 {
					// One number written two ways: Same, not equal.
					r.Cells[m.ID].Score *= 1 + 1e-12
				}
			}
		}
		rows[i] = r
	}
	return rows
}

func clone(rows []*Row) []*Row {
	out := make([]*Row, len(rows))
	for i, r := range rows {
		cp := *r
		out[i] = &cp
	}
	return out
}

func TestRankAndSortMatchStableReference(t *testing.T) {
	metrics := []model.Metric{{ID: 1, HigherIsBetter: true}, {ID: 2, HigherIsBetter: false}}
	keys := []Key{{Metric: &metrics[0]}, {Metric: &metrics[1]}, {Column: "method"}, {Column: "year"}, {Column: "params"}}
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 7))
		base := randomRows(rng, 1+rng.IntN(400), metrics)
		for _, primary := range metrics {
			for _, key := range keys {
				for _, desc := range []bool{false, true} {
					got, want := clone(base), clone(base)
					Rank(got, primary)
					referenceRank(want, primary)
					Sort(got, key, desc)
					referenceSort(want, key, desc)
					for i := range got {
						if got[i].ReportedIn != want[i].ReportedIn || got[i].Rank != want[i].Rank {
							t.Fatalf("seed %d primary %d key %+v desc %t: row %d is %+v, want %+v", seed, primary.ID, key, desc, i, got[i], want[i])
						}
					}
					// SortByFirst from any order (here shuffled) gives
					// the same order, ties falling back to each row's
					// first position (its ReportedIn) instead.
					shuffled := clone(base)
					rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
					SortByFirst(shuffled, func(r *Row) string { return r.Method }, func(r *Row) (float64, bool) { return sortValue(r, key) },
						func(r *Row) int64 { n, _ := strconv.ParseInt(r.ReportedIn, 10, 64); return n },
						key.Metric == nil && key.Column == "method", desc)
					for i := range shuffled {
						if shuffled[i].ReportedIn != want[i].ReportedIn {
							t.Fatalf("seed %d key %+v desc %t: SortByFirst: row %d is %+v, want %+v", seed, key, desc, i, shuffled[i], want[i])
						}
					}
				}
			}
		}
	}
}

func BenchmarkRankSort10k(b *testing.B) {
	metrics := []model.Metric{{ID: 1, HigherIsBetter: true}, {ID: 2, HigherIsBetter: true}}
	base := randomRows(rand.New(rand.NewPCG(1, 2)), 10_000, metrics)
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			rows := clone(base)
			Rank(rows, metrics[0])
			Sort(rows, Key{Metric: &metrics[0]}, true)
		}
	})
	b.Run("sort.SliceStable", func(b *testing.B) {
		for b.Loop() {
			rows := clone(base)
			referenceRank(rows, metrics[0])
			referenceSort(rows, Key{Metric: &metrics[0]}, true)
		}
	})
}

func TestLowerAllMatchesToLower(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []string
	}{
		{"none", nil},
		{"ASCII", []string{"ResNet-50", "", "vit-B/16", "GPT-4 (0613)", "ZZ"}},
		{"non-ASCII, some changing length", []string{"İstanbul-Net", "ÆON ß", "ΣΊΣΥΦΟΣ", "Ⱥ-model", "plain", "ÉCOLE"}},
		{"invalid UTF-8", []string{"A\xffB", "\xc3", "Ok"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lowerAll(append([]string(nil), tc.names...))
			if len(got) != len(tc.names) {
				t.Fatalf("%d names, want %d", len(got), len(tc.names))
			}
			for i, s := range tc.names {
				if want := strings.ToLower(s); got[i] != want {
					t.Errorf("lowerAll(%q) = %q, want %q", s, got[i], want)
				}
			}
		})
	}
}

// TestSameAsWithMathMax: Same with the built-in max answers as it did
// with math.Max, NaN, infinities and signed zeros included.
func TestSameAsWithMathMax(t *testing.T) {
	ref := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b))) }
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 79.3, 79.30000000000001, 0.793, 1e-12, -1e-12, 1e300, -1e300,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 1 + 1e-9, 1 + 2e-9}
	for _, a := range vals {
		for _, b := range vals {
			if got, want := Same(a, b), ref(a, b); got != want {
				t.Errorf("Same(%v, %v) = %t, want %t", a, b, got, want)
			}
		}
	}
}
