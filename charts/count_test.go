package charts

import (
	"math"
	"testing"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		wantOK bool
	}{
		{"5.5M", 5.5e6, true},
		{"~1B", 1e9, true},
		{"1100M", 1.1e9, true},
		{"1.1B", 1.1e9, true},
		{"470K", 470e3, true},
		{"2179678", 2179678, true},
		{"2,179,678", 2179678, true},
		{" 306 m ", 306e6, true},
		{"≈7B", 7e9, true},
		{"1.5G", 1.5e9, true},
		{"1.2T", 1.2e12, true},
		{".5M", 5e5, true},
		{"", 0, false},
		{"   ", 0, false},
		{"~", 0, false},
		{"M", 0, false},
		{"0", 0, false}, // zero means unknown
		{"0.0M", 0, false},
		{"-5M", 0, false},
		{"1,5M", 0, false}, // 1.5M or 15M? refuse to guess
		{"1.2.3M", 0, false},
		{"5.5MB", 0, false},
		{"1e9", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"0x10", 0, false},
		{"unknown", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseCount(tt.in)
		if ok != tt.wantOK || got != tt.want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

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
		v, ok := ParseCount(s)
		if !ok {
			return
		}
		if !(v > 0) || math.IsInf(v, 0) {
			t.Fatalf("ParseCount(%q) = %v, true", s, v)
		}
		if v < 1 {
			return // FormatCount keeps two decimals: 0.001 becomes "0"
		}
		back, ok := ParseCount(FormatCount(v))
		if !ok || math.Abs(back-v)/v > 0.005 {
			t.Fatalf("ParseCount(FormatCount(%v)) = %v, %v", v, back, ok)
		}
	})
}
