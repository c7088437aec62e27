package bench

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // 100 … 1, unsorted on purpose
	}
	tests := []struct {
		name string
		in   []time.Duration
		p    float64
		want time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"p50 of odd count", ms(3, 1, 2), 50, 2 * time.Millisecond},
		{"p50 of even count is the lower middle", ms(4, 1, 3, 2), 50, 2 * time.Millisecond},
		{"p99 of 100 is the 99th", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100 is the max", ms(hundred...), 100, 100 * time.Millisecond},
		{"p0 is the min", ms(hundred...), 0, 1 * time.Millisecond},
		{"p99 of 200 is the 198th", ms(append(hundred, hundred...)...), 99, 99 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]time.Duration(nil), tt.in...)
			if got := Percentile(tt.in, tt.p); got != tt.want {
				t.Errorf("Percentile(%v) = %v, want %v", tt.p, got, tt.want)
			}
			for i := range before {
				if before[i] != tt.in[i] {
					t.Fatalf("Percentile reordered its input")
				}
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	in := []time.Duration{5, 1, 4, 2, 3}
	s := Summarize(in)
	want := Summary{N: 5, P50: 3, P99: 5, Max: 5, Mean: 3}
	if s != want {
		t.Errorf("Summarize = %+v, want %+v", s, want)
	}
	if (Summarize(nil) != Summary{}) {
		t.Errorf("Summarize(nil) is not zero")
	}
}

func TestImportSteps(t *testing.T) {
	s := time.Second
	tests := []struct {
		name string
		run  ImportRun
		want string
	}{
		{"read only", ImportRun{Transfer: Transfer{Elapsed: 3 * s}, Read: 3 * s}, "read and staged 3s"},
		{"every step", ImportRun{Transfer: Transfer{Elapsed: 20 * s}, Read: 9 * s, Phases: []ImportPhase{
			{"classify", 9 * s}, {"write", 12 * s}, {"indexes", 17 * s}, {"finish", 19500 * time.Millisecond}}},
			"read and staged 9s, classify 3s, write 5s, indexes 2.5s, finish 500ms"},
	}
	for _, tt := range tests {
		if got := tt.run.Steps(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
