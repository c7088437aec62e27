package charts

import (
	"fmt"
	"slices"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// BestSoFar plots every dated result against its date, with a step line of
// the best result so far. Results without a date are left out; ok is false
// when fewer than two have one, and the page should say so instead.
func BestSoFar(id string, ax Axis, pts []Point) (*echarts.Scatter, bool) {
	var dated []Point
	for _, p := range pts {
		if !p.Date.IsZero() && finite(p.Value) {
			dated = append(dated, p)
		}
	}
	if len(dated) < minPoints {
		return nil, false
	}
	slices.SortStableFunc(dated, func(a, b Point) int { return a.Date.Compare(b.Date) })

	results := make([]item, len(dated))
	for i, p := range dated {
		results[i] = newItem(p, ax, []any{dateText(p.Date), p.Value})
	}

	steps := RunningBest(dated, ax.HigherIsBetter)
	line := make([]item, 0, len(steps)+1)
	for _, p := range steps {
		line = append(line, newItem(p, ax, []any{dateText(p.Date), p.Value}))
	}
	// Carry the current best on to the latest result so the line spans the
	// whole axis; the item still describes the result that holds the record.
	if last, holder := dated[len(dated)-1], steps[len(steps)-1]; last.Date.After(holder.Date) {
		line = append(line, newItem(holder, ax, []any{dateText(last.Date), holder.Value}))
	}

	label := metricLabel(ax)
	c := echarts.NewScatter()
	c.SetGlobalOptions(common(id, fmt.Sprintf("Best %s so far — %s", label, direction(ax.HigherIsBetter)), scatterGrid)...)
	c.SetGlobalOptions(
		echarts.WithXAxisOpts(opts.XAxis{Type: "time", Name: "Date reported", NameLocation: "middle", NameGap: 28}),
		// Scale: accuracies cluster far from zero; starting at zero would flatten them.
		echarts.WithYAxisOpts(opts.YAxis{Type: "value", Name: label, NameLocation: "middle", NameGap: 44, Scale: opts.Bool(true)}),
	)
	c.MultiSeries = append(c.MultiSeries,
		series(types.ChartScatter, label, results,
			echarts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 8})),
		// step "end": a record holds until the next one is reported.
		series(types.ChartLine, "Best so far", line,
			echarts.WithSeriesId("best"),
			echarts.WithLineChartOpts(opts.LineChart{Step: "end", ShowSymbol: opts.Bool(false)}),
			echarts.WithLineStyleOpts(opts.LineStyle{Width: 2})),
	)
	// ECharts draws lines over scatter points, and this line runs through
	// every record: it must not take their hover and click.
	c.Accept(extras{silentSeries: "best"})
	return c, true
}
