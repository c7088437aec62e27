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
	dated := make([]Point, 0, len(pts))
	for _, p := range pts {
		if !p.Date.IsZero() && finite(p.Value) {
			dated = append(dated, p)
		}
	}
	slices.SortStableFunc(dated, func(a, b Point) int {
		if c := a.at().Compare(b.at()); c != 0 {
			return c
		}
		return byBest(a, b, higherIsBetter)
	})

	var steps []Point
	for _, p := range dated {
		if len(steps) == 0 || better(p.Value, steps[len(steps)-1].Value, higherIsBetter) {
			steps = append(steps, p)
		}
	}
	return steps
}

// ParetoFront returns the results no other result beats on both counts (as
// few parameters, and a score at least as good), by parameter count
// ascending. Results without a parameter count are left out. Of equal
// results the first given is kept.
func ParetoFront(pts []Point, higherIsBetter bool) []Point {
	known := make([]Point, 0, len(pts))
	for _, p := range pts {
		if p.Params > 0 && finite(p.Params) && finite(p.Value) {
			known = append(known, p)
		}
	}
	slices.SortStableFunc(known, func(a, b Point) int {
		switch {
		case a.Params < b.Params:
			return -1
		case a.Params > b.Params:
			return 1
		}
		return byBest(a, b, higherIsBetter)
	})

	// Walking from the smallest model up, a result is on the front exactly
	// when it beats every smaller one.
	var front []Point
	for _, p := range known {
		if len(front) == 0 || better(p.Value, front[len(front)-1].Value, higherIsBetter) {
			front = append(front, p)
		}
	}
	return front
}

// byBest orders the better value first; a comparison func for slices.Sort*.
func byBest(a, b Point, higherIsBetter bool) int {
	switch {
	case better(a.Value, b.Value, higherIsBetter):
		return -1
	case better(b.Value, a.Value, higherIsBetter):
		return 1
	}
	return 0
}
