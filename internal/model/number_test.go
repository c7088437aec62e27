package model

import (
	"math"
	"strconv"
	"testing"
)

func TestConvertUnitIsDecimal(t *testing.T) {
	tests := []struct {
		v        float64
		from, to string
		want     string // shortest text of the result
	}{
		{0.911, "fraction", "%", "91.1"},
		{0.702, "fraction", "%", "70.2"},
		{0.806, "fraction", "%", "80.6"},
		{0.005, "fraction", "%", "0.5"},
		{0.6187, "fraction", "%", "61.87"},
		{-0.715, "fraction", "%", "-71.5"},
		{0, "fraction", "%", "0"},
		{1e-9, "fraction", "%", "0.0000001"},
		{91.1, "%", "fraction", "0.911"},
		{70.2, "%", "fraction", "0.702"},
		{70.2, "%", "%", "70.2"},
		{70.2, "", "%", "70.2"},
	}
	for _, tt := range tests {
		got := FormatNumber(ConvertUnit(tt.v, tt.from, tt.to))
		if got != tt.want {
			t.Errorf("ConvertUnit(%v, %q, %q) = %s, want %s", tt.v, tt.from, tt.to, got, tt.want)
		}
	}
	// Every fraction with up to 4 decimals lands on the decimal it names.
	for i := 0; i <= 10000; i++ {
		v, _ := strconv.ParseFloat(strconv.FormatFloat(float64(i)/10000, 'f', 4, 64), 64)
		want, _ := strconv.ParseFloat(strconv.FormatFloat(float64(i)/100, 'f', 2, 64), 64)
		if got := ConvertUnit(v, "fraction", "%"); got != want {
			t.Fatalf("ConvertUnit(%v) = %v, want %v", v, got, want)
		}
	}
}

func TestReportedDecimals(t *testing.T) {
	tests := []struct {
		raw      string
		value    float64
		from, to string
		want     int
	}{
		{"88.60", 88.6, "%", "%", 2},
		{"77.37%", 77.37, "%", "%", 2},
		{"0.806", 0.806, "fraction", "%", 1},
		{"0.8060", 0.806, "fraction", "%", 2},
		{"0.806 ± 0.005", 0.806, "fraction", "%", 1},
		{"0.5", 0.5, "fraction", "%", 0},
		{"80.6", 80.6, "%", "fraction", 3},
		{"", 0.6187, "fraction", "%", 2},
		{"", 91.10000000000001, "%", "%", 6}, // the bound, not 14
		{"1,014.45", 1014.45, "", "", 2},
		{"1.5e-3", 0.0015, "", "", 4},
		{"85", 85, "%", "%", 0},
		{"n/a", 3.25, "", "", 2},
	}
	for _, tt := range tests {
		if got := ReportedDecimals(tt.raw, tt.value, tt.from, tt.to); got != tt.want {
			t.Errorf("ReportedDecimals(%q, %v, %q, %q) = %d, want %d", tt.raw, tt.value, tt.from, tt.to, got, tt.want)
		}
	}
}

// FuzzNumberText: any reported text gives decimals within the metrics
// table's bounds, and converting a value of up to 15 significant digits
// (any decimal a paper reports; a float64 holds 15 exactly) there and back
// gives the value again. Beyond 15 digits a decimal does not survive the
// trip through float64 anyway.
func FuzzNumberText(f *testing.F) {
	for _, s := range []string{"88.60", "0.806 ± 0.005", "1,014.45", "1.5e-3", "1e999", "-0.0", "", "n/a", ".5", "9e-400"} {
		f.Add(s, 0.806)
	}
	f.Fuzz(func(t *testing.T, raw string, v float64) {
		for _, u := range [][2]string{{"fraction", "%"}, {"%", "fraction"}, {"", ""}} {
			if d := ReportedDecimals(raw, v, u[0], u[1]); d < 0 || d > MaxDecimals {
				t.Fatalf("ReportedDecimals(%q, %v, %q, %q) = %d", raw, v, u[0], u[1], d)
			}
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e300 || math.Abs(v) < 1e-300 {
			return
		}
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
		if back := ConvertUnit(ConvertUnit(v, "fraction", "%"), "%", "fraction"); back != v {
			t.Fatalf("%v → %% → fraction = %v", v, back)
		}
	})
}
