// Package ranking turns a dataset's reports into leaderboard rows: one row
// per reported entry, ranked by the primary metric honouring its direction,
// equal scores sharing a rank, missing scores last, and conflicting reports
// of the same method marked. It is pure: no database, no HTTP.
package ranking

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
)

// Row is one line of a leaderboard: the reports one source gives for one
// method in one setting, one cell per metric.
type Row struct {
	Method     string
	MethodSlug string
	Setting    string
	ExtraData  bool
	ParamsText string
	Params     float64 // 0 when unknown
	Year       int     // 0 when unknown
	ReportedIn string
	Confidence string
	Rank       int // by the primary metric; 0 when the row has no primary score
	Cells      map[int64]*Cell
	// First is the first report of the row, for the columns all cells
	// share. It and the reports below point into the slice given to
	// Build, which callers treat as read-only: a copy of each report per
	// row and per cell was most of an uncached page's allocation.
	First *model.Report
}

// Cell is one metric's value in a row.
type Cell struct {
	Report    *model.Report
	Score     float64         // in the metric's unit
	PlusMinus *float64        // in the metric's unit
	Conflicts []*model.Report // other reports of the same method, setting and metric that differ
}

// Metric returns the row's cell for metric id, or nil.
func (r *Row) Cell(metricID int64) *Cell { return r.Cells[metricID] }

// rowKey: one source's report of a method in one setting is one row.
// Keys are structs, not formatted strings: a 10,000-row board built
// twice as fast without a Sprintf per report.
type rowK struct {
	method                 int64
	setting                string
	extra                  bool
	paramsText, reportedIn string
}

func rowKey(r *model.Report) rowK {
	return rowK{r.MethodID, r.Setting, r.ExtraData, r.ParamsText, r.ReportedIn}
}

// groupKey: reports of one method in one setting should agree; when they
// do not, every one of them is shown with the others beside it.
type groupK struct {
	method     int64
	setting    string
	extra      bool
	paramsText string
	metric     int64
}

func groupKey(r *model.Report) groupK {
	return groupK{r.MethodID, r.Setting, r.ExtraData, r.ParamsText, r.MetricID}
}

// Build groups reports into rows (first-seen order) and marks conflicts.
// Reports must belong to one dataset; metrics gives each metric's unit.
func Build(reports []model.Report, metrics []model.Metric) []*Row {
	units := make(map[int64]string, len(metrics))
	for _, m := range metrics {
		units[m.ID] = m.Unit
	}
	rows := make([]*Row, 0, len(reports))
	byKey := make(map[rowK]*Row, len(reports))
	groups := make(map[groupK][]*Cell) // group and metric → cells
	// Rows and cells come out of two slabs, one allocation each instead
	// of one per row and per report; a slab never grows past its
	// capacity, so the pointers into it stay valid.
	rowSlab := make([]Row, 0, len(reports))
	cellSlab := make([]Cell, len(reports))
	for i := range reports {
		rep := &reports[i]
		k := rowKey(rep)
		row := byKey[k]
		if row == nil {
			rowSlab = append(rowSlab, Row{
				Method: rep.MethodName, MethodSlug: rep.MethodSlug, Setting: rep.Setting,
				ExtraData: rep.ExtraData, ParamsText: rep.ParamsText, Year: rep.Year(),
				ReportedIn: rep.ReportedIn, Confidence: rep.Confidence,
				Cells: make(map[int64]*Cell, len(metrics)), First: rep,
			})
			row = &rowSlab[len(rowSlab)-1]
			if rep.Params != nil {
				row.Params = *rep.Params
			}
			byKey[k] = row
			rows = append(rows, row)
		}
		cell := &cellSlab[i]
		*cell = Cell{Report: rep, Score: rep.Score}
		if rep.PlusMinus != nil {
			pm := model.ConvertUnit(*rep.PlusMinus, rep.Unit, units[rep.MetricID])
			cell.PlusMinus = &pm
		}
		// A source that reports the same metric twice for one row (a
		// conflicting import) keeps its first number in the cell; the
		// second one shows up as a conflict through the group below.
		if _, taken := row.Cells[rep.MetricID]; !taken {
			row.Cells[rep.MetricID] = cell
		}
		gk := groupKey(rep)
		groups[gk] = append(groups[gk], cell)
	}
	for _, cells := range groups {
		for _, c := range cells {
			for _, other := range cells {
				if other != c && !Same(other.Score, c.Score) {
					c.Conflicts = append(c.Conflicts, other.Report)
				}
			}
		}
	}
	return rows
}

// Same reports whether two scores are one number written two ways (0.793
// as a fraction becomes 79.30000000000001 as a percent).
func Same(a, b float64) bool {
	// The built-in max treats NaN and infinities as math.Max does, and
	// costs a tenth of it: sorts of 10,000 rows call this a million times.
	return math.Abs(a-b) <= 1e-9*max(1, math.Abs(a), math.Abs(b))
}

// Better reports whether score a beats score b under the metric's direction.
func Better(a, b float64, higherIsBetter bool) bool {
	if Same(a, b) {
		return false
	}
	if higherIsBetter {
		return a > b
	}
	return a < b
}

// Rank gives each row its competition rank by the primary metric:
// 1, 2, 2, 4. Rows without a primary score get rank 0.
func Rank(rows []*Row, primary model.Metric) {
	// Scores are read out of the cell maps once; the sort compares plain
	// floats and breaks ties by position, which keeps it stable without
	// sort.SliceStable's O(n log² n) moves.
	type scored struct {
		row   *Row
		score float64
		pos   int
	}
	s := make([]scored, 0, len(rows))
	for i, r := range rows {
		r.Rank = 0
		if c := r.Cells[primary.ID]; c != nil {
			s = append(s, scored{r, c.Score, i})
		}
	}
	hib := primary.HigherIsBetter
	slices.SortFunc(s, func(a, b scored) int {
		switch {
		case Better(a.score, b.score, hib):
			return -1
		case Better(b.score, a.score, hib):
			return 1
		}
		return cmp.Compare(a.pos, b.pos)
	})
	for i := range s {
		if i > 0 && Same(s[i].score, s[i-1].score) {
			s[i].row.Rank = s[i-1].row.Rank
		} else {
			s[i].row.Rank = i + 1
		}
	}
}

// Key names a column a leaderboard can be sorted by.
type Key struct {
	Metric *model.Metric // nil for the non-metric columns
	Column string        // "method", "year", "params" when Metric is nil
}

// Columns a leaderboard can be sorted by besides its metrics.
var Columns = []string{"method", "year", "params"}

// Sort orders rows by key. desc means larger first for numbers and Z→A
// for names. Rows missing the key's value always come last, whatever the
// order, and ties keep a stable order by method name.
func Sort(rows []*Row, key Key, desc bool) {
	SortBy(rows, func(r *Row) string { return r.Method }, func(r *Row) (float64, bool) { return sortValue(r, key) },
		key.Metric == nil && key.Column == "method", desc)
}

// SortBy orders items as Sort orders rows, given each item's method name
// and its sort value (ok false: it has none); byMethod sorts by the name
// alone. It lets a caller that holds no Rows (the charts, drawn from the
// cells kept per board) get the order Sort gives exactly.
func SortBy[T any](items []T, method func(T) string, value func(T) (float64, bool), byMethod, desc bool) {
	sortBy(items, method, value, nil, byMethod, desc)
}

// SortByFirst is SortBy for items in any order: where SortBy falls back to
// the position of tied items, it falls back to first(item), the id of the
// report that the item's row was first seen with (the order ranking.Build
// gives rows, and so the positions Sort falls back to). Items read already
// ordered by score come out in Sort's order without first being put in
// row order.
func SortByFirst[T any](items []T, method func(T) string, value func(T) (float64, bool), first func(T) int64, byMethod, desc bool) {
	sortBy(items, method, value, first, byMethod, desc)
}

func sortBy[T any](items []T, method func(T) string, value func(T) (float64, bool), first func(T) int64, byMethod, desc bool) {
	// Each item's sort value and lower-cased name are computed once, not
	// in every comparison; ties fall back to the input position (or to
	// first), so the result is the stable order the comparison defines.
	type keyed struct {
		item  T
		name  string
		value float64
		ok    bool
		pos   int64
	}
	ks := make([]keyed, len(items))
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = method(it)
	}
	names = lowerAll(names)
	for i, it := range items {
		v, ok := value(it)
		pos := int64(i)
		if first != nil {
			pos = first(it)
		}
		ks[i] = keyed{it, names[i], v, ok, pos}
	}
	// One three-way comparison per pair: asking less(a, b) and then
	// less(b, a), with Same in each, was most of a 10,000-row board's sort.
	// It orders as that pair of questions did, NaN included.
	slices.SortFunc(ks, func(a, b keyed) int {
		if byMethod {
			c := strings.Compare(a.name, b.name)
			if desc {
				c = -c
			}
			if c != 0 {
				return c
			}
			return cmp.Compare(a.pos, b.pos)
		}
		switch {
		case a.ok != b.ok:
			if a.ok {
				return -1
			}
			return 1
		case a.ok && !Same(a.value, b.value):
			switch {
			case (a.value > b.value) == desc:
				return -1
			case (b.value > a.value) == desc:
				return 1
			}
			return cmp.Compare(a.pos, b.pos)
		}
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	for i := range ks {
		items[i] = ks[i].item
	}
}

// lowerAll lower-cases names in place as strings.ToLower does, into one
// string: ToLower allocates for every name with a capital, which on a
// 10,000-row board was 10,000 allocations per sort.
func lowerAll(names []string) []string {
	n := 0
	for _, s := range names {
		n += len(s)
	}
	buf := make([]byte, 0, n)
	ends := make([]int, len(names))
	for i, s := range names {
		ascii := true
		for j := 0; j < len(s); j++ {
			if s[j] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if !ascii {
			buf = append(buf, strings.ToLower(s)...)
		} else {
			for j := 0; j < len(s); j++ {
				c := s[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		}
		ends[i] = len(buf)
	}
	all := string(buf)
	for i := range names {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		names[i] = all[start:ends[i]]
	}
	return names
}

func sortValue(r *Row, key Key) (float64, bool) {
	if key.Metric != nil {
		c := r.Cells[key.Metric.ID]
		if c == nil {
			return 0, false
		}
		return c.Score, true
	}
	switch key.Column {
	case "year":
		return float64(r.Year), r.Year != 0
	case "params":
		return r.Params, r.Params != 0
	}
	return 0, false
}

// BestFirst is the order that puts the best score of m on top.
func BestFirst(m model.Metric) (desc bool) { return m.HigherIsBetter }
