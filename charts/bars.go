package charts

import (
	"fmt"
	"slices"
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
func TopN(id string, ax Axis, pts []Point, n int) (*echarts.Bar, bool) {
	if n < 1 {
		return nil, false
	}
	best := make(map[string]int) // method → index in top
	var top []Point
	for _, p := range pts {
		if !finite(p.Value) {
			continue
		}
		i, seen := best[p.Method]
		switch {
		case !seen:
			best[p.Method] = len(top)
			top = append(top, p)
		case better(p.Value, top[i].Value, ax.HigherIsBetter):
			top[i] = p
		}
	}
	if len(top) < minPoints {
		return nil, false
	}
	// Stable: equal scores keep the order the caller gave.
	slices.SortStableFunc(top, func(a, b Point) int { return byBest(a, b, ax.HigherIsBetter) })
	top = top[:min(n, len(top))]

	labels := make([]string, len(top))
	data := make([]item, len(top))
	for i, p := range top {
		labels[i] = truncate(p.Method, labelRunes)
		data[i] = newItem(p, ax, p.Value)
	}

	label := metricLabel(ax)
	c := echarts.NewBar()
	c.SetGlobalOptions(common(id, fmt.Sprintf("Top %d by %s — %s", len(top), label, direction(ax.HigherIsBetter)), barGrid)...)
	c.SetGlobalOptions(
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithXAxisOpts(opts.XAxis{Type: "value", Name: label, NameLocation: "middle", NameGap: 28}),
		// Inverse: the first category (the best) goes at the top.
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	c.SetXAxis(labels).XYReversal()
	c.MultiSeries = append(c.MultiSeries,
		series(types.ChartBar, label, data,
			echarts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})))
	return c, true
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
