package charts

import (
	"fmt"
	"slices"
	"time"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/benchboard/benchboard/internal/model"
)

// BestSoFar plots every dated result against its date, with a step line of
// the best result so far and the results that set a new best marked and
// named. Results without a date are left out (the page says how many); ok
// is false when fewer than two have one, and the page should say so
// instead.
//
// A date is placed in the middle of what is known of it (a year-only date
// on 2 July) and labelled only as far as it is known ("2022", not
// "2022-01-01"). When any date is known only to the year, or the dates
// span more than a year, the axis has a tick per year and none between:
// month ticks would claim a precision the data does not have. The axis
// runs over whole years, so results that all fall in one year still get
// an axis and a line across it.
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
	slices.SortStableFunc(dated, func(a, b Point) int { return a.at().Compare(b.at()) })
	results := make([]item, len(dated))
	yearOnly := false
	for i, p := range dated {
		results[i] = newItem(p, ax, []any{dateText(p.at()), p.Value})
		yearOnly = yearOnly || p.DatePrecision == model.PrecisionYear
	}
	steps := RunningBest(dated, ax.HigherIsBetter)
	line := make([]item, 0, len(steps)+1)
	records := make([]item, 0, len(steps))
	for i, p := range steps {
		line = append(line, newItem(p, ax, []any{dateText(p.at()), p.Value}))
		rec := newItem(p, ax, []any{dateText(p.at()), p.Value})
		// The label is the name, cut to fit (the tooltip has it whole);
		// the latest record's goes left of its point, where there is room.
		rec.Name = truncate(p.Method, recordRunes)
		if i == len(steps)-1 && i > 0 {
			rec.Label = &itemLabel{Position: "left"}
		}
		records = append(records, rec)
	}
	// Carry the current best on to the end of what is known of the latest
	// result's date (the end of its year, for a year-only one), so the
	// line spans the results and is drawn even when all share one date;
	// the item still describes the result that holds the record.
	last, holder := dated[len(dated)-1], steps[len(steps)-1]
	end := periodEnd(last)
	if end.After(holder.at()) {
		line = append(line, newItem(holder, ax, []any{dateText(end), holder.Value}))
	}

	first := dated[0].day().Time.Year()
	lastYear := end.Year()
	xAxis := opts.XAxis{Type: "time", Name: "Date reported", NameLocation: "middle", NameGap: 28,
		Min: fmt.Sprintf("%04d-01-01", first), Max: fmt.Sprintf("%04d-01-01", lastYear+1)}
	if yearOnly || lastYear > first {
		// ECharts' time axis counts in milliseconds; 365 days keeps every
		// tick on a year (its nice intervals for a year are whole years).
		xAxis.MinInterval = float64(365 * 24 * time.Hour / time.Millisecond)
		xAxis.AxisLabel = &opts.AxisLabel{Formatter: "{yyyy}"}
	}

	label := metricLabel(ax)
	c := echarts.NewScatter()
	c.SetGlobalOptions(common(id, fmt.Sprintf("Best %s so far — %s", label, direction(ax.HigherIsBetter)), scatterGrid)...)
	c.SetGlobalOptions(
		echarts.WithXAxisOpts(xAxis),
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
		// Each new best, a diamond (not only a colour) named after its
		// method, as Papers with Code labelled them; labels that would
		// overlap are left out (the tooltip still names every point).
		series(types.ChartScatter, "New best", records,
			echarts.WithScatterChartOpts(opts.ScatterChart{Symbol: "diamond", SymbolSize: 12}),
			echarts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "top"}),
			echarts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)})),
	)
	// ECharts draws lines over scatter points, and this line runs through
	// every record: it must not take their hover and click.
	c.Accept(extras{silentSeries: "best"})
	return c, true
}

// recordRunes is how much of a method's name labels a new best.
const recordRunes = 18

// periodEnd is the last day of what is known of p's date, or the day
// where it is placed if later: the end of its year for a year-only date.
func periodEnd(p Point) time.Time {
	d := p.day()
	var end time.Time
	switch d.Precision {
	case model.PrecisionYear:
		end = time.Date(d.Time.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	case model.PrecisionMonth:
		end = time.Date(d.Time.Year(), d.Time.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		end = d.Time
	}
	return end
}
