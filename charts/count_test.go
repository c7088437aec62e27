package charts

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
)

func TestFormatCount(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{306e6, "306M"},
		{1.1e9, "1.1B"},
		{1e9, "1B"},
		{2179678, "2.18M"},
		{470e3, "470K"},
		{25.6e6, "25.6M"},
		{3.4e6, "3.4M"},
		{1.2e12, "1.2T"},
		{999, "999"},
		{12.5, "12.5"},
	}
	for _, tt := range tests {
		if got := FormatCount(tt.in); got != tt.want {
			t.Errorf("FormatCount(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParseCount: no input panics, and what is read is a positive number
// that survives FormatCount to within its three significant digits.
func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"5.5M", "~1B", "1100M", "470K", "2179678", "2,179,678", "", "1,5M", "≈ 7 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := model.ParseCount(s)
		if !ok {
			return
		}
		if !(v > 0) || math.IsInf(v, 0) {
			t.Fatalf("model.ParseCount(%q) = %v, true", s, v)
		}
		if v < 1 {
			return // FormatCount keeps two decimals: 0.001 becomes "0"
		}
		back, ok := model.ParseCount(FormatCount(v))
		if !ok || math.Abs(back-v)/v > 0.005 {
			t.Fatalf("model.ParseCount(FormatCount(%v)) = %v, %v", v, back, ok)
		}
	})
}

// TestTopCountIsTopNsBars: TopCount, which stops counting at n methods,
// gives the number of bars TopN's ranking gives, on random points with
// repeated methods, values that are not numbers, and n below, at and
// above the number of methods.
func TestTopCountIsTopNsBars(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	for i := range 300 {
		pts := make([]Point, rng.IntN(40))
		for j := range pts {
			pts[j] = Point{Method: fmt.Sprintf("m%d", rng.IntN(15)), Value: float64(rng.IntN(10))}
			if rng.IntN(8) == 0 {
				pts[j].Value = math.NaN()
			}
		}
		n := rng.IntN(20) - 1
		higher := i%2 == 0
		if got, want := TopCount(pts, higher, n), len(topPoints(pts, higher, n)); got != want {
			t.Fatalf("case %d (n %d, %d points): TopCount %d, TopN's bars %d", i, n, len(pts), got, want)
		}
	}
}
