package bench

import (
	"math"
	"slices"
	"time"
)

// Percentile returns the p-th percentile (0–100) of ds by the
// nearest-rank method: the smallest value with at least p% of the
// samples at or below it. p99 of 200 samples is the 198th smallest. ds is
// not modified; an empty ds gives 0.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return percentileSorted(s, p)
}

func percentileSorted(s []time.Duration, p float64) time.Duration {
	if len(s) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	rank = min(max(rank, 1), len(s))
	return s[rank-1]
}

// Summary is a latency distribution.
type Summary struct {
	N             int
	P50, P99, Max time.Duration
	Mean          time.Duration
}

// Summarize sorts a copy of ds once and reads every figure from it.
func Summarize(ds []time.Duration) Summary {
	if len(ds) == 0 {
		return Summary{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	return Summary{N: len(s), P50: percentileSorted(s, 50), P99: percentileSorted(s, 99), Max: s[len(s)-1],
		Mean: sum / time.Duration(len(s))}
}

// Median of ds (the lower middle for an even count, by nearest rank).
func Median(ds []time.Duration) time.Duration { return Percentile(ds, 50) }
