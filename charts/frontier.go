package charts

import (
	"slices"
)

// RunningBest returns the results that set a new best, in date order: the
// steps of a "best so far" line. Results without a date or with a value that
// is not a number are left out. A result only sets a new best when it is
// strictly better, so a tie keeps the earlier holder; results placed on the
// same day (the middle of a year, for a year-only date) are taken best first.
func RunningBest(pts []Point, higherIsBetter bool) []Point {
	// Sorted by index, with each date's place computed once: a board of
	// 10,000 rows spent most of its chart time moving points and
	// recomputing dates inside the sort.
	var dated []int
	at := make([]int64, len(pts))
	for i, p := range pts {
		if !p.Date.IsZero() && finite(p.Value) {
			dated = append(dated, i)
			at[i] = p.at().UnixNano()
		}
	}
	stableSort(dated, func(i, j int) int {
		if c := cmpInt64(at[i], at[j]); c != 0 {
			return c
		}
		return byBest(pts[i].Value, pts[j].Value, higherIsBetter)
	})

	var steps []Point
	for _, i := range dated {
		if len(steps) == 0 || better(pts[i].Value, steps[len(steps)-1].Value, higherIsBetter) {
			steps = append(steps, pts[i])
		}
	}
	return steps
}

// ParetoFront returns the results no other result beats on both counts (as
// few parameters, and a score at least as good), by parameter count
// ascending. Results without a parameter count are left out. Of equal
// results the first given is kept.
func ParetoFront(pts []Point, higherIsBetter bool) []Point {
	var known []int
	for i, p := range pts {
		if p.Params > 0 && finite(p.Params) && finite(p.Value) {
			known = append(known, i)
		}
	}
	stableSort(known, func(i, j int) int {
		switch {
		case pts[i].Params < pts[j].Params:
			return -1
		case pts[i].Params > pts[j].Params:
			return 1
		}
		return byBest(pts[i].Value, pts[j].Value, higherIsBetter)
	})

	// Walking from the smallest model up, a result is on the front exactly
	// when it beats every smaller one.
	var front []Point
	for _, i := range known {
		if len(front) == 0 || better(pts[i].Value, front[len(front)-1].Value, higherIsBetter) {
			front = append(front, pts[i])
		}
	}
	return front
}

// stableSort sorts the indices idx (ascending on entry) by cmp, keeping
// equal ones in index order: what slices.SortStableFunc does to the points
// themselves, without moving 100-byte structs through its merges.
func stableSort(idx []int, cmp func(i, j int) int) {
	slices.SortFunc(idx, func(i, j int) int {
		if c := cmp(i, j); c != 0 {
			return c
		}
		return i - j
	})
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// byBest orders the better value first; a comparison func for slices.Sort*.
// It takes the values, not the points: copying two 120-byte points into
// every comparison was half of a 10,000-point sort.
func byBest(a, b float64, higherIsBetter bool) int {
	switch {
	case better(a, b, higherIsBetter):
		return -1
	case better(b, a, higherIsBetter):
		return 1
	}
	return 0
}
