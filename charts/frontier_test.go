package charts

import (
	"math"
	"slices"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func methods(pts []Point) []string {
	var out []string
	for _, p := range pts {
		out = append(out, p.Method)
	}
	return out
}

func TestRunningBest(t *testing.T) {
	tests := []struct {
		name   string
		higher bool
		pts    []Point
		want   []string
	}{
		{
			name:   "higher is better, out of order input",
			higher: true,
			pts: []Point{
				{Method: "c", Value: 80, Date: day(2021, 1, 1)},
				{Method: "a", Value: 70, Date: day(2019, 1, 1)},
				{Method: "worse", Value: 65, Date: day(2020, 1, 1)},
				{Method: "b", Value: 75, Date: day(2020, 6, 1)},
			},
			want: []string{"a", "b", "c"},
		},
		{
			name:   "lower is better: running minimum",
			higher: false,
			pts: []Point{
				{Method: "a", Value: 10, Date: day(2019, 1, 1)},
				{Method: "worse", Value: 12, Date: day(2019, 6, 1)},
				{Method: "b", Value: 8, Date: day(2020, 1, 1)},
				{Method: "c", Value: 7.5, Date: day(2021, 1, 1)},
			},
			want: []string{"a", "b", "c"},
		},
		{
			name:   "a later tie keeps the earlier holder",
			higher: true,
			pts: []Point{
				{Method: "first", Value: 80, Date: day(2019, 1, 1)},
				{Method: "tie", Value: 80, Date: day(2020, 1, 1)},
			},
			want: []string{"first"},
		},
		{
			name:   "a later tie keeps the earlier holder, lower is better",
			higher: false,
			pts: []Point{
				{Method: "first", Value: 5, Date: day(2019, 1, 1)},
				{Method: "tie", Value: 5, Date: day(2020, 1, 1)},
			},
			want: []string{"first"},
		},
		{
			name:   "same day: the better one counts, whatever the input order",
			higher: true,
			pts: []Point{
				{Method: "weaker", Value: 70, Date: day(2020, 1, 1)},
				{Method: "stronger", Value: 72, Date: day(2020, 1, 1)},
			},
			want: []string{"stronger"},
		},
		{
			name:   "same day, lower is better",
			higher: false,
			pts: []Point{
				{Method: "weaker", Value: 9, Date: day(2020, 1, 1)},
				{Method: "stronger", Value: 7, Date: day(2020, 1, 1)},
			},
			want: []string{"stronger"},
		},
		{
			name:   "same day and value: input order",
			higher: true,
			pts: []Point{
				{Method: "x", Value: 70, Date: day(2020, 1, 1)},
				{Method: "y", Value: 70, Date: day(2020, 1, 1)},
			},
			want: []string{"x"},
		},
		{
			name:   "undated and NaN results are left out",
			higher: true,
			pts: []Point{
				{Method: "undated", Value: 99},
				{Method: "nan", Value: math.NaN(), Date: day(2018, 1, 1)},
				{Method: "a", Value: 70, Date: day(2019, 1, 1)},
			},
			want: []string{"a"},
		},
		{name: "nothing", higher: true, pts: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.pts)
			got := methods(RunningBest(tt.pts, tt.higher))
			if !slices.Equal(got, tt.want) {
				t.Errorf("RunningBest = %v, want %v", got, tt.want)
			}
			if !slices.EqualFunc(in, tt.pts, samePoint) {
				t.Error("RunningBest reordered its input")
			}
		})
	}
}

func samePoint(a, b Point) bool {
	return a.Method == b.Method && (a.Value == b.Value || math.IsNaN(a.Value) && math.IsNaN(b.Value))
}

func TestParetoFront(t *testing.T) {
	tests := []struct {
		name   string
		higher bool
		pts    []Point
		want   []string
	}{
		{
			name:   "higher is better",
			higher: true,
			pts: []Point{
				{Method: "big", Value: 90, Params: 1e9},
				{Method: "small", Value: 70, Params: 5e6},
				{Method: "dominated", Value: 72, Params: 100e6}, // mid beats it with fewer params
				{Method: "mid", Value: 80, Params: 50e6},
			},
			want: []string{"small", "mid", "big"},
		},
		{
			name:   "lower is better",
			higher: false,
			pts: []Point{
				{Method: "big", Value: 5, Params: 1e9},
				{Method: "small", Value: 20, Params: 5e6},
				{Method: "dominated", Value: 25, Params: 100e6},
				{Method: "mid", Value: 10, Params: 50e6},
			},
			want: []string{"small", "mid", "big"},
		},
		{
			name:   "equal score with more params is dominated",
			higher: true,
			pts: []Point{
				{Method: "lean", Value: 80, Params: 10e6},
				{Method: "heavy", Value: 80, Params: 20e6},
			},
			want: []string{"lean"},
		},
		{
			name:   "equal params: the better score only",
			higher: false,
			pts: []Point{
				{Method: "worse", Value: 12, Params: 10e6},
				{Method: "better", Value: 11, Params: 10e6},
			},
			want: []string{"better"},
		},
		{
			name:   "unknown params are left out",
			higher: true,
			pts: []Point{
				{Method: "unknown", Value: 99},
				{Method: "a", Value: 70, Params: 1e6},
				{Method: "inf", Value: 99, Params: math.Inf(1)},
			},
			want: []string{"a"},
		},
		{name: "nothing", higher: true, pts: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := methods(ParetoFront(tt.pts, tt.higher))
			if !slices.Equal(got, tt.want) {
				t.Errorf("ParetoFront = %v, want %v", got, tt.want)
			}
		})
	}
}
