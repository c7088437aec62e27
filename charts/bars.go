package charts

import (
	"fmt"
	"math"
	"strconv"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// labelRunes is how much of a name fits beside a bar in a ~300px box.
const labelRunes = 22

// TopN draws the n best results as horizontal bars, best at the top. A method
// appears once, with its best result: several rows of one method are usually
// differing reports of the same result. ok is false when n < 1 or fewer than
// two results are left.
//
// The value axis starts just below the smallest bar (at a round number, and
// never below zero when every value is above it): from zero, 89.6 and 85.9
// look the same. The axis name says where it starts. Each bar is labelled
// with its value at the metric's decimals, and names cut to fit stay
// distinct.
func TopN(id string, ax Axis, pts []Point, n int) (*echarts.Bar, bool) {
	top := topPoints(pts, ax.HigherIsBetter, n)
	if len(top) < minPoints {
		return nil, false
	}
	names := make([]string, len(top))
	values := make([]float64, len(top))
	data := make([]item, len(top))
	for i, p := range top {
		names[i], values[i] = p.Method, p.Value
		data[i] = newItem(p, ax, p.Value)
		// A label formatter without {…} is shown as written: the value at
		// the metric's decimals, never 70.19999999.
		data[i].Label = &itemLabel{Formatter: data[i].ValueText}
	}
	lo := barMin(values)
	label := metricLabel(ax)
	axisName := label
	if lo != 0 {
		axisName = label + " — axis from " + formatValue(lo, -1)
	}
	c := echarts.NewBar()
	c.SetGlobalOptions(common(id, fmt.Sprintf("Top %d by %s — %s", len(top), label, direction(ax.HigherIsBetter)), barGrid)...)
	c.SetGlobalOptions(
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithXAxisOpts(opts.XAxis{Type: "value", Name: axisName, NameLocation: "middle", NameGap: 28, Min: lo, Scale: opts.Bool(true)}),
		// Inverse: the first category (the best) goes at the top.
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	c.SetXAxis(distinctLabels(names, labelRunes)).XYReversal()
	c.MultiSeries = append(c.MultiSeries,
		series(types.ChartBar, label, data,
			echarts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})))
	return c, true
}

// TopCount is how many bars TopN draws for pts: one per method, at most n.
// It counts methods with a value only until it has n, rather than ranking
// every point as TopN does (a 10,000-row board, for a title).
func TopCount(pts []Point, higherIsBetter bool, n int) int {
	if n < 1 {
		return 0
	}
	seen := make(map[string]bool, n)
	for _, p := range pts {
		if finite(p.Value) && !seen[p.Method] {
			seen[p.Method] = true
			if len(seen) == n {
				break
			}
		}
	}
	return len(seen)
}

// topPoints is each method's best result, best first, cut to n.
func topPoints(pts []Point, higherIsBetter bool, n int) []Point {
	if n < 1 {
		return nil
	}
	// method → its best point's index in top; sized for a method a point,
	// as on a large board most are, so that it never grows.
	best := make(map[string]int, len(pts))
	var top []int
	for i, p := range pts {
		if !finite(p.Value) {
			continue
		}
		j, seen := best[p.Method]
		switch {
		case !seen:
			best[p.Method] = len(top)
			top = append(top, i)
		case better(p.Value, pts[top[j]].Value, higherIsBetter):
			top[j] = i
		}
	}
	// Stable: equal scores keep the order the caller gave (of each
	// method's first point). Indices into top are sorted, not points.
	order := make([]int, len(top))
	for i := range order {
		order[i] = i
	}
	stableSort(order, func(i, j int) int { return byBest(pts[top[i]].Value, pts[top[j]].Value, higherIsBetter) })
	out := make([]Point, min(n, len(order)))
	for i := range out {
		out[i] = pts[top[order[i]]]
	}
	return out
}

// barMin is where a bar chart's value axis starts: a round number a little
// below the smallest value (by a tenth of the values' spread, or of the
// value when all are equal), and zero rather than below it when every
// value is at least zero.
func barMin(values []float64) float64 {
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	spread := hi - lo
	if spread == 0 {
		spread = math.Abs(lo)
	}
	if spread == 0 {
		return 0
	}
	// Round down to a step of the spread's order of magnitude.
	step := math.Pow(10, math.Floor(math.Log10(spread)))
	start := math.Floor((lo-spread/10)/step) * step
	if lo >= 0 && start < 0 {
		return 0
	}
	return roundTo(start, max(0, int(-math.Floor(math.Log10(step)))))
}

// distinctLabels cuts each name to n runes, and where two cut names would
// read the same (which ECharts would also draw as one category), keeps
// their ends instead: "MetaCLIP ViT-B…(2.5B)", "MetaCLIP ViT-B…(400M)".
func distinctLabels(names []string, n int) []string {
	out := make([]string, len(names))
	count := map[string]int{}
	for i, s := range names {
		out[i] = truncate(s, n)
		count[out[i]]++
	}
	seen := map[string]bool{}
	for i, s := range names {
		if count[out[i]] > 1 {
			out[i] = middleCut(s, n)
		}
		// Still the same (names that differ only in the middle): number them.
		base, k := out[i], 2
		for seen[out[i]] {
			out[i] = fmt.Sprintf("%s #%d", base, k)
			k++
		}
		seen[out[i]] = true
	}
	return out
}

// middleCut keeps the start and the end of s within n runes.
func middleCut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	tail := (n - 1) / 2
	head := n - 1 - tail
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// MethodScore is one method's result on one dataset, with that dataset's best.
type MethodScore struct {
	Dataset string
	Axis    Axis
	Value   float64
	Best    float64 // the best result on the dataset's leaderboard
	URL     string  // the result's page
}

// MethodScores draws a method's results across datasets as bars, each as a
// percentage of that dataset's best (best/value for lower-is-better metrics),
// so that 100 means "the best" on every dataset. Items whose value or best is
// not positive are left out: a ratio means nothing there. ok is false when no
// item is left.
func MethodScores(id string, items []MethodScore) (*echarts.Bar, bool) {
	count := make(map[string]int)
	for _, s := range items {
		count[s.Dataset]++
	}

	var labels []string
	var data []item
	for _, s := range items {
		if !(s.Value > 0 && s.Best > 0 && finite(s.Value) && finite(s.Best)) {
			continue
		}
		pct := 100 * s.Value / s.Best
		if !s.Axis.HigherIsBetter {
			pct = 100 * s.Best / s.Value
		}
		name := s.Dataset
		if count[s.Dataset] > 1 {
			// Two metrics of one dataset would give two bars of the same name.
			name += " · " + s.Axis.MetricName
		}
		d := s.Axis.Decimals
		labels = append(labels, truncate(name, labelRunes))
		data = append(data, item{
			Name:      name,
			Value:     roundTo(pct, 1),
			URL:       safeURL(s.URL),
			ValueText: strconv.FormatFloat(pct, 'f', 1, 64) + "%",
			Detail: fmt.Sprintf("%s %s (best %s, %s)", metricLabel(s.Axis), formatValue(s.Value, d),
				formatValue(s.Best, d), direction(s.Axis.HigherIsBetter)),
		})
	}
	if len(data) == 0 {
		return nil, false
	}

	c := echarts.NewBar()
	c.SetGlobalOptions(common(id, "Score as % of each dataset's best — higher is better, 100 = best", barGrid)...)
	c.SetGlobalOptions(
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "% of dataset's best", NameLocation: "middle", NameGap: 28, Min: 0}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	c.SetXAxis(labels).XYReversal()
	c.MultiSeries = append(c.MultiSeries,
		series(types.ChartBar, "% of best", data,
			echarts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})))
	return c, true
}

func roundTo(v float64, decimals int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', decimals, 64), 64)
	return f
}
