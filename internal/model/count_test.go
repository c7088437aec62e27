package model

import "testing"

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
		{"220k", 220e3, true},
		{"3.0m", 3e6, true},
		{"15m", 15e6, true},
		{"1.2b", 1.2e9, true},
		{"1,014.45", 1014.45, true},
		{"1,014.45M", 1014.45e6, true},
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
