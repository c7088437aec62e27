package charts

import (
	"math"
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
