// Package charts turns leaderboard rows into go-echarts charts.
//
// It is pure: rows in, chart out; no database, no HTTP. The web layer puts
// OptionsJSON's result in a data-chart-options attribute (html/template
// escapes it there) and web/static/app.js draws it. Charts are never rendered
// with go-echarts' own <script> snippets: those write the options unescaped
// into the page, so a method named "</script><script>…" would run.
package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/benchboard/benchboard/internal/model"
)

// Point is one reported result.
type Point struct {
	Method string
	Value  float64
	Date   time.Time // zero: unknown; else the first day of what is known
	// DatePrecision says how much of Date is known: "year", "month" or
	// "day" ("" is a day). A chart places a date at the middle of what is
	// known and labels it only as far as it is known.
	DatePrecision string
	// DateNote says where the date comes from when it is not the
	// method's own paper, e.g. "the source that reported it".
	DateNote string
	Params   float64 // parameter count; 0: unknown
	Paper    string
	URL      string // the result's page; clicking the point goes there
}

// Axis describes the metric being plotted.
type Axis struct {
	MetricName     string // "Top-1 accuracy"
	Unit           string // "%"; may be empty
	HigherIsBetter bool
	Decimals       int // digits after the point in tooltips; negative: as few as needed
}

// AssetsHost is where the site serves echarts.min.js from (see app.js).
const AssetsHost = "/static/vendor/"

// minPoints is the least a chart needs to say more than the table beside it.
const minPoints = 2

// Chart is what OptionsJSON needs; every go-echarts chart type has both methods.
type Chart interface {
	Validate()
	JSON() map[string]any
}

// OptionsJSON returns the chart's ECharts option object as JSON, for a
// data-chart-options attribute.
func OptionsJSON(c Chart) (string, error) {
	// Validate copies the axis data into place; JSON() is go-echarts' own
	// option map, the same one its templates render.
	c.Validate()
	m := c.JSON()
	// go-echarts always adds its light palette; leaving it out lets the
	// ECharts theme app.js picks (light or dark) choose readable colours.
	delete(m, "color")
	// encoding/json escapes <, > and & as \u003c…, so the text stays data
	// wherever it lands; html/template still escapes the quotes for the attribute.
	b, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("charts: encode options: %w", err)
	}
	return string(b), nil
}

// item is one data point as app.js reads it. ECharts uses name and value;
// app.js shows method, paper, date, valueText and detail in the tooltip and
// follows url on click. go-echarts' opts.ScatterData and opts.BarData have
// no room for these fields, but a series' Data is an interface{}, so the
// series carry slices of item instead.
type item struct {
	Name      string     `json:"name,omitempty"`
	Value     any        `json:"value"`
	Method    string     `json:"method,omitempty"`
	Paper     string     `json:"paper,omitempty"`
	Date      string     `json:"date,omitempty"`
	URL       string     `json:"url,omitempty"`
	ValueText string     `json:"valueText,omitempty"`
	Detail    string     `json:"detail,omitempty"`
	Label     *itemLabel `json:"label,omitempty"`
}

// itemLabel is one data item's own label options.
type itemLabel struct {
	Formatter string `json:"formatter,omitempty"`
	Position  string `json:"position,omitempty"`
}

func newItem(p Point, ax Axis, value any) item {
	date := p.day().Label()
	if date != "" && p.DateNote != "" {
		date += " (" + p.DateNote + ")"
	}
	return item{
		Name:      p.Method,
		Value:     shownValue(value, ax),
		Method:    p.Method,
		Paper:     p.Paper,
		Date:      date,
		URL:       safeURL(p.URL),
		ValueText: formatValue(p.Value, ax.Decimals),
	}
}

// shownValue rounds the metric's value in a data item (a bare number, or
// the last of [x, value]) to the metric's decimals, so that a bar label or
// an axis reads 70.2, never the float noise 70.19999999 of a computed
// number. Decimals come from what was reported, so reported digits stay.
func shownValue(value any, ax Axis) any {
	if ax.Decimals < 0 {
		return value
	}
	switch v := value.(type) {
	case float64:
		if finite(v) {
			return roundTo(v, ax.Decimals)
		}
	case []any:
		if n := len(v); n > 0 {
			if f, ok := v[n-1].(float64); ok && finite(f) {
				out := append([]any(nil), v...)
				out[n-1] = roundTo(f, ax.Decimals)
				return out
			}
		}
	}
	return value
}

// series builds a series around our own data items (see item).
func series(typ, name string, data []item, options ...echarts.SeriesOpts) echarts.SingleSeries {
	s := echarts.SingleSeries{Name: name, Type: typ, Data: data}
	s.ConfigureSeriesOpts(options...)
	return s
}

// common are the options every chart shares. Tooltip text comes from the
// formatter in app.js (options are JSON, so no functions travel here).
// WithGridOpts appends a grid rather than replacing it, so the grid is passed
// in here once.
func common(id, title string, grid opts.Grid) []echarts.GlobalOpts {
	return []echarts.GlobalOpts{
		// We never call Render, but should anyone, the script comes from our
		// own /static, not go-echarts' default CDN.
		echarts.WithInitializationOpts(opts.Initialization{ChartID: id, AssetsHost: AssetsHost}),
		echarts.WithTitleOpts(opts.Title{
			Title: title,
			// Chart boxes are about 300px wide: wrap rather than clip the title.
			TitleStyle: &opts.TextStyle{FontSize: 13, LineHeight: 18, Width: 300, Overflow: "break"},
		}),
		// Browser tests wait for the "finished" event; animation only delays it.
		echarts.WithAnimation(false),
		echarts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		echarts.WithLegendOpts(opts.Legend{Bottom: "0"}),
		echarts.WithGridOpts(grid),
		// The canvas is an image to a screen reader: give it a label. ECharts'
		// generated one reads out raw numbers and timestamps; the table on the
		// page says it better.
		echarts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{
			Enabled:     opts.Bool(true),
			Description: title + ". The same results are listed in the table on this page.",
		}}),
	}
}

// Grids leave room for a two-line title above; scatterGrid also for the
// legend below, barGrid for the value labels right of the bars. ECharts 6
// shrinks the plot further when axis labels would leave the canvas.
var (
	scatterGrid = opts.Grid{Top: "64", Bottom: "72", Left: "64", Right: "24"}
	barGrid     = opts.Grid{Top: "64", Bottom: "48", Left: "16", Right: "48"}
)

// metricLabel is the metric with its unit, e.g. "Top-1 accuracy (%)".
func metricLabel(ax Axis) string {
	name := ax.MetricName
	if name == "" {
		name = "Score"
	}
	if ax.Unit == "" {
		return name
	}
	return name + " (" + ax.Unit + ")"
}

func direction(higherIsBetter bool) string {
	if higherIsBetter {
		return "higher is better"
	}
	return "lower is better"
}

// better reports whether a beats b in the metric's direction.
func better(a, b float64, higherIsBetter bool) bool {
	if higherIsBetter {
		return a > b
	}
	return a < b
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func formatValue(v float64, decimals int) string {
	if decimals < 0 {
		decimals = -1
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// day is the point's date with its precision.
func (p Point) day() model.PartialDate {
	if p.Date.IsZero() {
		return model.PartialDate{}
	}
	prec := p.DatePrecision
	if prec == "" {
		prec = model.PrecisionDay
	}
	return model.PartialDate{Time: p.Date, Precision: prec}
}

// at is where a chart places the point in time: the middle of what is
// known of its date.
func (p Point) at() time.Time { return p.day().Mid() }

// dateText keeps the calendar date as the caller built it. ECharts reads
// "YYYY-MM-DD" as local midnight, so the axis shows the same day everywhere.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// safeURL keeps only site paths and http(s) links: app.js navigates to this
// URL on click, and a "javascript:" URL must never get that far.
func safeURL(u string) string {
	switch {
	case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\"):
		return u
	case strings.HasPrefix(u, "https://"), strings.HasPrefix(u, "http://"):
		return u
	}
	return ""
}

// truncate shortens a category label; the tooltip still shows the full name.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// extras adds the few ECharts options that go-echarts' structs have no field
// for, through go-echarts' own hook for that (a ConfigurationVisitor, called
// by JSON()).
type extras struct {
	echarts.BaseConfigurationVisitor
	// countXAxis asks app.js to label the x axis 1K, 1M, 1B rather than
	// 1000000: a label formatter is a function and cannot travel in JSON.
	countXAxis bool
	// silentSeries is the Id of a series that takes no hover or click, so
	// that the points under it get them.
	silentSeries string
}

func (e extras) VisitXAxis(axes []opts.XAxis) any {
	if !e.countXAxis {
		return axes
	}
	out := make([]any, len(axes))
	for i, a := range axes {
		out[i] = struct {
			opts.XAxis
			ValueFormat string `json:"valueFormat"`
		}{a, "count"}
	}
	return out
}

func (e extras) VisitSeriesOpt(all echarts.MultiSeries) any {
	out := make([]any, len(all))
	for i, s := range all {
		out[i] = struct {
			echarts.SingleSeries
			Silent bool `json:"silent,omitempty"`
		}{s, e.silentSeries != "" && s.Id == e.silentSeries}
	}
	return out
}

// Compile-time check that the chart types we return satisfy Chart.
var (
	_ Chart = (*echarts.Scatter)(nil)
	_ Chart = (*echarts.Bar)(nil)
)
