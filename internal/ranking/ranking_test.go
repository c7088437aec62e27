package ranking

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
)

var (
	acc   = model.Metric{ID: 1, Slug: "top-1", Name: "Top-1", HigherIsBetter: true, Unit: "%", IsPrimary: true}
	err5  = model.Metric{ID: 2, Slug: "error", Name: "Error", HigherIsBetter: false, Unit: "%"}
	other = model.Metric{ID: 3, Slug: "map", Name: "mAP", HigherIsBetter: true, Unit: "%"}
)

// rep builds a report; unit "fraction" values are converted into the
// metric's unit the way the store does at ingest.
func rep(id, method int64, name string, m model.Metric, value float64, unit, reportedIn string) model.Report {
	r := model.Report{MethodName: name}
	r.ID, r.MethodID, r.MetricID = id, method, m.ID
	r.Value, r.Unit, r.Score = value, unit, model.ConvertUnit(value, unit, m.Unit)
	r.ReportedIn = reportedIn
	return r
}

func names(rows []*Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s:%d", r.Method, r.Rank))
	}
	return out
}

func TestRankAndSort(t *testing.T) {
	tests := []struct {
		name    string
		metrics []model.Metric
		reports []model.Report
		primary model.Metric
		key     Key
		desc    bool
		want    []string // method:rank in displayed order
	}{
		{
			name:    "higher is better, ties share a rank",
			metrics: []model.Metric{acc},
			reports: []model.Report{
				rep(1, 1, "A", acc, 80, "%", "p"), rep(2, 2, "B", acc, 85, "%", "p"),
				rep(3, 3, "C", acc, 85, "%", "p"), rep(4, 4, "D", acc, 70, "%", "p"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: true,
			want: []string{"B:1", "C:1", "A:3", "D:4"},
		},
		{
			name:    "lower is better ranks the smallest first",
			metrics: []model.Metric{err5},
			reports: []model.Report{
				rep(1, 1, "A", err5, 20, "%", "p"), rep(2, 2, "B", err5, 15, "%", "p"), rep(3, 3, "C", err5, 25, "%", "p"),
			},
			primary: err5, key: Key{Metric: &err5}, desc: false,
			want: []string{"B:1", "A:2", "C:3"},
		},
		{
			name:    "ascending sort flips the order but not the ranks",
			metrics: []model.Metric{acc},
			reports: []model.Report{
				rep(1, 1, "A", acc, 80, "%", "p"), rep(2, 2, "B", acc, 85, "%", "p"), rep(3, 3, "C", acc, 70, "%", "p"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: false,
			want: []string{"C:3", "A:2", "B:1"},
		},
		{
			name:    "missing values sort last in both orders",
			metrics: []model.Metric{acc, other},
			reports: []model.Report{
				rep(1, 1, "A", acc, 80, "%", "p"), rep(2, 2, "B", other, 50, "%", "p"), rep(3, 3, "C", acc, 90, "%", "p"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: false,
			want: []string{"A:2", "C:1", "B:0"},
		},
		{
			name:    "missing primary values sort last when sorting by it best first",
			metrics: []model.Metric{acc, other},
			reports: []model.Report{
				rep(1, 2, "B", other, 50, "%", "p"), rep(2, 1, "A", acc, 80, "%", "p"), rep(3, 3, "C", acc, 90, "%", "p"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: true,
			want: []string{"C:1", "A:2", "B:0"},
		},
		{
			name:    "a fraction and a percent rank together",
			metrics: []model.Metric{acc},
			reports: []model.Report{
				rep(1, 1, "HyenaDNA", acc, 0.793, "fraction", "Caduceus"), rep(2, 2, "GPT", acc, 80.1, "%", "HyenaDNA"),
				rep(3, 3, "CNN", acc, 0.715, "fraction", "Caduceus"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: true,
			want: []string{"GPT:1", "HyenaDNA:2", "CNN:3"},
		},
		{
			name:    "equal numbers written as fraction and percent tie",
			metrics: []model.Metric{acc},
			reports: []model.Report{
				rep(1, 1, "A", acc, 0.793, "fraction", "x"), rep(2, 2, "B", acc, 79.3, "%", "y"),
			},
			primary: acc, key: Key{Metric: &acc}, desc: true,
			want: []string{"A:1", "B:1"},
		},
		{
			name:    "sorting by a secondary metric keeps the primary rank",
			metrics: []model.Metric{acc, other},
			reports: []model.Report{
				rep(1, 1, "A", acc, 80, "%", "p"), rep(2, 1, "A", other, 10, "%", "p"),
				rep(3, 2, "B", acc, 90, "%", "p"), rep(4, 2, "B", other, 5, "%", "p"),
			},
			primary: acc, key: Key{Metric: &other}, desc: true,
			want: []string{"A:2", "B:1"},
		},
		{
			name:    "sort by method name",
			metrics: []model.Metric{acc},
			reports: []model.Report{
				rep(1, 1, "beta", acc, 80, "%", "p"), rep(2, 2, "Alpha", acc, 70, "%", "p"),
			},
			primary: acc, key: Key{Column: "method"}, desc: false,
			want: []string{"Alpha:2", "beta:1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := Build(tt.reports, tt.metrics)
			Rank(rows, tt.primary)
			Sort(rows, tt.key, tt.desc)
			if got := names(rows); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBuildGroupsAndConflicts(t *testing.T) {
	tests := []struct {
		name      string
		reports   []model.Report
		rows      int
		conflicts map[int64]int // result id → conflicts listed beside it
	}{
		{
			name: "two sources disagree: both rows, each lists the other",
			reports: []model.Report{
				rep(1, 7, "DSSL", acc, 39.05, "%", "as cited in IRRA"),
				rep(2, 7, "DSSL", acc, 32.43, "%", "as cited in RaSa"),
			},
			rows:      2,
			conflicts: map[int64]int{1: 1, 2: 1},
		},
		{
			name: "two sources agree: two rows, no conflict",
			reports: []model.Report{
				rep(1, 7, "CMPM/C", acc, 49.37, "%", "as cited in IRRA"),
				rep(2, 7, "CMPM/C", acc, 49.37, "%", "as cited in RaSa"),
			},
			rows:      2,
			conflicts: map[int64]int{1: 0, 2: 0},
		},
		{
			name: "one source, several metrics: one row",
			reports: []model.Report{
				rep(1, 7, "IRRA", acc, 73.38, "%", "IRRA"),
				rep(2, 7, "IRRA", other, 66.13, "%", "IRRA"),
			},
			rows:      1,
			conflicts: map[int64]int{1: 0, 2: 0},
		},
		{
			name: "different settings never conflict",
			reports: func() []model.Report {
				a := rep(1, 7, "LLaMA", acc, 57.8, "%", "LLaMA Table 9")
				b := rep(2, 7, "LLaMA", acc, 63.4, "%", "LLaMA Table 9")
				a.ParamsText, b.ParamsText = "13B", "65B"
				return []model.Report{a, b}
			}(),
			rows:      2,
			conflicts: map[int64]int{1: 0, 2: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := Build(tt.reports, []model.Metric{acc, other})
			if len(rows) != tt.rows {
				t.Fatalf("got %d rows, want %d", len(rows), tt.rows)
			}
			got := map[int64]int{}
			for _, r := range rows {
				for _, c := range r.Cells {
					got[c.Report.ID] = len(c.Conflicts)
				}
			}
			if !reflect.DeepEqual(got, tt.conflicts) {
				t.Errorf("conflicts per result = %v, want %v", got, tt.conflicts)
			}
		})
	}
}
