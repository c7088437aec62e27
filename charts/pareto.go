package charts

import (
	"fmt"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// ParamsPareto plots score against parameter count on a log axis, with the
// Pareto front (no other result has as few parameters and as good a score)
// drawn as its own series. Results without a parameter count are left out;
// ok is false when fewer than two have one.
func ParamsPareto(id string, ax Axis, pts []Point) (*echarts.Scatter, bool) {
	var known []Point
	for _, p := range pts {
		if p.Params > 0 && finite(p.Params) && finite(p.Value) {
			known = append(known, p)
		}
	}
	if len(known) < minPoints {
		return nil, false
	}

	point := func(p Point) item {
		it := newItem(p, ax, []any{p.Params, p.Value})
		it.Detail = "Parameters: " + FormatCount(p.Params)
		return it
	}
	results := make([]item, len(known))
	for i, p := range known {
		results[i] = point(p)
	}
	frontPts := ParetoFront(known, ax.HigherIsBetter)
	front := make([]item, len(frontPts))
	for i, p := range frontPts {
		front[i] = point(p)
	}

	label := metricLabel(ax)
	c := echarts.NewScatter()
	c.SetGlobalOptions(common(id, fmt.Sprintf("%s vs parameters, with Pareto front — %s", label, direction(ax.HigherIsBetter)), scatterGrid)...)
	c.SetGlobalOptions(
		echarts.WithXAxisOpts(opts.XAxis{Type: "log", Name: "Parameters (log scale)", NameLocation: "middle", NameGap: 28}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "value", Name: label, NameLocation: "middle", NameGap: 44, Scale: opts.Bool(true)}),
	)
	c.Accept(extras{countXAxis: true})
	c.MultiSeries = append(c.MultiSeries,
		series(types.ChartScatter, label, results,
			echarts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 8})),
		// A diamond, not only another colour, tells the front apart.
		series(types.ChartLine, "Pareto front", front,
			echarts.WithLineChartOpts(opts.LineChart{Symbol: "diamond", SymbolSize: 11}),
			echarts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "dashed"})),
	)
	return c, true
}
