package charts

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	accuracy = Axis{MetricName: "Top-1 accuracy", Unit: "%", HigherIsBetter: true, Decimals: 2}
	errRate  = Axis{MetricName: "Error", Unit: "%", HigherIsBetter: false, Decimals: 1}
)

// option is the part of an ECharts option object the tests look at.
type option struct {
	Animation *bool `json:"animation"`
	Title     struct {
		Text string `json:"text"`
	} `json:"title"`
	XAxis  []axisJSON `json:"xAxis"`
	YAxis  []axisJSON `json:"yAxis"`
	Series []struct {
		Name   string     `json:"name"`
		Type   string     `json:"type"`
		Step   string     `json:"step"`
		Silent bool       `json:"silent"`
		Data   []itemJSON `json:"data"`
	} `json:"series"`
}

type axisJSON struct {
	Type        string  `json:"type"`
	Min         any     `json:"min"`
	Max         any     `json:"max"`
	MinInterval float64 `json:"minInterval"`
	AxisLabel   struct {
		Formatter string `json:"formatter"`
	} `json:"axisLabel"`
	Name        string   `json:"name"`
	Data        []string `json:"data"`
	ValueFormat string   `json:"valueFormat"`
}

type itemJSON struct {
	Name   string `json:"name"`
	Value  any    `json:"value"`
	Method string `json:"method"`
	Paper  string `json:"paper"`
	Date   string `json:"date"`
	URL    string `json:"url"`
}

// last is the y value of an [x, y] item, or the value of a bar.
func (it itemJSON) last() float64 {
	if v, ok := it.Value.([]any); ok {
		return v[len(v)-1].(float64)
	}
	return it.Value.(float64)
}

func decode(t *testing.T, c Chart) option {
	t.Helper()
	s, err := OptionsJSON(c)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid([]byte(s)) {
		t.Fatalf("OptionsJSON is not valid JSON: %s", s)
	}
	var o option
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		t.Fatal(err)
	}
	if o.Animation == nil || *o.Animation {
		t.Errorf("animation = %v, want false", o.Animation)
	}
	return o
}

var leaderboard = []Point{
	{Method: "ResNet-50", Value: 76.1, Date: day(2015, 12, 10), Params: 25.6e6, Paper: "Deep Residual Learning", URL: "/results/1"},
	{Method: "EfficientNet-B7", Value: 84.3, Date: day(2019, 5, 28), Params: 66e6, URL: "/results/2"},
	{Method: "MobileNetV2", Value: 72.0, Date: day(2018, 1, 13), Params: 3.4e6, URL: "/results/3"},
	{Method: "ViT-H/14", Value: 88.55, Date: day(2020, 10, 22), Params: 632e6, URL: "/results/4"},
	{Method: "BEiT-L", Value: 88.6, Date: day(2021, 6, 15), Params: 306e6, URL: "/results/5"},
	{Method: "No date", Value: 80.0, Params: 10e6},
}

func TestBestSoFar(t *testing.T) {
	c, ok := BestSoFar("best", accuracy, leaderboard)
	if !ok {
		t.Fatal("ok = false")
	}
	o := decode(t, c)
	if want := "Best Top-1 accuracy (%) so far — higher is better"; o.Title.Text != want {
		t.Errorf("title = %q, want %q", o.Title.Text, want)
	}
	if o.XAxis[0].Type != "time" || o.YAxis[0].Name != "Top-1 accuracy (%)" {
		t.Errorf("axes = %+v %+v", o.XAxis, o.YAxis)
	}
	if len(o.Series) != 3 {
		t.Fatalf("%d series, want 3 (results, line, new bests)", len(o.Series))
	}
	points, line := o.Series[0], o.Series[1]
	if o.Series[2].Name != "New best" || len(o.Series[2].Data) != 4 {
		t.Errorf("records series = %q with %d items, want New best with 4", o.Series[2].Name, len(o.Series[2].Data))
	}
	if points.Type != "scatter" || len(points.Data) != 5 {
		t.Errorf("points: type %q, %d items; want scatter, 5 (the undated one left out)", points.Type, len(points.Data))
	}
	first := points.Data[0]
	if first.Method != "ResNet-50" || first.Paper != "Deep Residual Learning" || first.Date != "2015-12-10" || first.URL != "/results/1" {
		t.Errorf("first item = %+v", first)
	}
	for _, a := range c.JSAssets.Values {
		if !strings.HasPrefix(a, AssetsHost) {
			t.Errorf("asset %q is not served by us", a)
		}
	}
	if line.Type != "line" || line.Step != "end" || !line.Silent {
		t.Errorf("line: type %q step %q silent %v", line.Type, line.Step, line.Silent)
	}
	var got []string
	for _, it := range line.Data {
		got = append(got, it.Method)
	}
	// MobileNetV2 (2018) is no record; BEiT-L's 88.6 beats ViT's 88.55.
	if want := []string{"ResNet-50", "EfficientNet-B7", "ViT-H/14", "BEiT-L"}; !slices.Equal(got, want) {
		t.Errorf("steps = %v, want %v", got, want)
	}
}

func TestBestSoFarLowerIsBetter(t *testing.T) {
	pts := []Point{
		{Method: "a", Value: 10, Date: day(2019, 1, 1)},
		{Method: "b", Value: 8, Date: day(2020, 1, 1)},
		{Method: "worse", Value: 9, Date: day(2021, 1, 1)},
	}
	c, ok := BestSoFar("best", errRate, pts)
	if !ok {
		t.Fatal("ok = false")
	}
	o := decode(t, c)
	if !strings.HasSuffix(o.Title.Text, "lower is better") {
		t.Errorf("title = %q", o.Title.Text)
	}
	// The running minimum, carried on to the latest result's date.
	var ys []float64
	for _, it := range o.Series[1].Data {
		ys = append(ys, it.last())
	}
	if want := []float64{10, 8, 8}; !slices.Equal(ys, want) {
		t.Errorf("line = %v, want %v", ys, want)
	}
	if end := o.Series[1].Data[2]; end.Method != "b" || end.Value.([]any)[0] != "2021-01-01" {
		t.Errorf("end of line = %+v, want b's record carried to 2021-01-01", end)
	}
}

func TestParamsPareto(t *testing.T) {
	c, ok := ParamsPareto("pareto", accuracy, leaderboard)
	if !ok {
		t.Fatal("ok = false")
	}
	o := decode(t, c)
	if o.XAxis[0].Type != "log" || o.XAxis[0].ValueFormat != "count" {
		t.Errorf("x axis = %+v, want a log axis labelled as counts", o.XAxis[0])
	}
	if !strings.Contains(o.Title.Text, "higher is better") {
		t.Errorf("title = %q", o.Title.Text)
	}
	if len(o.Series) != 2 || o.Series[1].Name != "Pareto front" {
		t.Fatalf("series = %+v", o.Series)
	}
	if n := len(o.Series[0].Data); n != 6 {
		t.Errorf("%d points, want 6 (all with params, dated or not)", n)
	}
	var front []string
	for _, it := range o.Series[1].Data {
		front = append(front, it.Method)
	}
	want := []string{"MobileNetV2", "No date", "EfficientNet-B7", "BEiT-L"}
	if !slices.Equal(front, want) {
		t.Errorf("front = %v, want %v", front, want)
	}
}

func TestTopN(t *testing.T) {
	c, ok := TopN("top", accuracy, leaderboard, 3)
	if !ok {
		t.Fatal("ok = false")
	}
	o := decode(t, c)
	if want := "Top 3 by Top-1 accuracy (%) — higher is better"; o.Title.Text != want {
		t.Errorf("title = %q, want %q", o.Title.Text, want)
	}
	if want := []string{"BEiT-L", "ViT-H/14", "EfficientNet-B7"}; !slices.Equal(o.YAxis[0].Data, want) {
		t.Errorf("bars = %v, want %v", o.YAxis[0].Data, want)
	}
	if o.YAxis[0].Type != "category" || o.XAxis[0].Type != "value" {
		t.Errorf("axes = %+v %+v", o.XAxis, o.YAxis)
	}

	// Lower is better; a method shows once, with its best result.
	pts := []Point{
		{Method: "a", Value: 12},
		{Method: "b", Value: 9},
		{Method: "a", Value: 7},
		{Method: "c", Value: 15},
	}
	c, _ = TopN("top", errRate, pts, 10)
	o = decode(t, c)
	if want := []string{"a", "b", "c"}; !slices.Equal(o.YAxis[0].Data, want) {
		t.Errorf("bars = %v, want %v", o.YAxis[0].Data, want)
	}
	if got := o.Series[0].Data[0].last(); got != 7 {
		t.Errorf("a's bar = %v, want its best, 7", got)
	}
}

func TestMethodScores(t *testing.T) {
	items := []MethodScore{
		{Dataset: "ImageNet-1k", Axis: accuracy, Value: 84.3, Best: 89.6, URL: "/results/2"},
		{Dataset: "COCO", Axis: errRate, Value: 12, Best: 10.5},
		{Dataset: "Broken", Axis: accuracy, Value: 0, Best: 90},
	}
	c, ok := MethodScores("scores", items)
	if !ok {
		t.Fatal("ok = false")
	}
	o := decode(t, c)
	if !strings.Contains(o.Title.Text, "higher is better") {
		t.Errorf("title = %q", o.Title.Text)
	}
	var got []float64
	for _, it := range o.Series[0].Data {
		got = append(got, it.last())
	}
	// 84.3/89.6 and, lower being better, 10.5/12; "Broken" is left out.
	if want := []float64{94.1, 87.5}; !slices.Equal(got, want) {
		t.Errorf("percentages = %v, want %v", got, want)
	}
	if o.Series[0].Data[0].URL != "/results/2" {
		t.Errorf("url = %q", o.Series[0].Data[0].URL)
	}
}

func TestTooLittleData(t *testing.T) {
	one := []Point{{Method: "a", Value: 1, Date: day(2020, 1, 1), Params: 1e6}}
	undated := []Point{
		{Method: "a", Value: 1, Date: day(2020, 1, 1)},
		{Method: "b", Value: 2},
	}
	noParams := []Point{{Method: "a", Value: 1}, {Method: "b", Value: 2, Params: 5e6}}
	sameMethod := []Point{{Method: "a", Value: 1}, {Method: "a", Value: 2}}

	tests := []struct {
		name string
		ok   bool
	}{
		{"BestSoFar, nothing", okOf(BestSoFar("x", accuracy, nil))},
		{"BestSoFar, one point", okOf(BestSoFar("x", accuracy, one))},
		{"BestSoFar, one dated point", okOf(BestSoFar("x", accuracy, undated))},
		{"ParamsPareto, nothing", okOf(ParamsPareto("x", accuracy, nil))},
		{"ParamsPareto, one point with params", okOf(ParamsPareto("x", accuracy, noParams))},
		{"TopN, n = 0", okOf(TopN("x", accuracy, leaderboard, 0))},
		{"TopN, one point", okOf(TopN("x", accuracy, one, 10))},
		{"TopN, one method", okOf(TopN("x", accuracy, sameMethod, 10))},
		{"MethodScores, nothing", okOf(MethodScores("x", nil))},
		{"MethodScores, no usable best", okOf(MethodScores("x", []MethodScore{{Dataset: "d", Axis: accuracy, Value: 50}}))},
	}
	for _, tt := range tests {
		if tt.ok {
			t.Errorf("%s: ok = true, want false", tt.name)
		}
	}
}

func okOf[T any](_ T, ok bool) bool { return ok }

// A hostile method name must stay data all the way: valid JSON that decodes
// back to the same text, and, once html/template has put it in the
// attribute, no markup in the page.
func TestOptionsJSONKeepsTextAsData(t *testing.T) {
	const hostile = `</script><script>alert(1)</script>`
	const paper = `"><img src=x onerror=alert(2)>`
	pts := []Point{
		{Method: hostile, Paper: paper, Value: 80, Date: day(2020, 1, 1), Params: 1e6, URL: "javascript:alert(3)"},
		{Method: "b", Value: 81, Date: day(2021, 1, 1), Params: 2e6, URL: "//evil.example/"},
	}
	c, ok := BestSoFar("xss", accuracy, pts)
	if !ok {
		t.Fatal("ok = false")
	}
	s, err := OptionsJSON(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(s, "<>") {
		t.Errorf("raw < or > in the JSON: %s", s)
	}
	o := decode(t, c)
	got := o.Series[0].Data[0]
	if got.Method != hostile || got.Name != hostile || got.Paper != paper {
		t.Errorf("decoded item = %+v", got)
	}
	// Only site paths and http(s) links may be followed on click.
	if got.URL != "" || o.Series[0].Data[1].URL != "" {
		t.Errorf("unsafe URLs kept: %q, %q", got.URL, o.Series[0].Data[1].URL)
	}

	page := template.Must(template.New("p").Parse(`<div class="chart" data-chart id="{{.ID}}" data-chart-options="{{.Options}}"></div>`))
	var buf bytes.Buffer
	if err := page.Execute(&buf, map[string]string{"ID": "xss", "Options": s}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Errorf("markup leaked into the page: %s", out)
	}
	m := regexp.MustCompile(`data-chart-options="([^"]*)"`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no attribute in %s", out)
	}
	if back := html.UnescapeString(m[1]); back != s {
		t.Errorf("attribute does not decode to the JSON:\n got %s\nwant %s", back, s)
	}
}

func year(y int) time.Time { return day(y, 1, 1) }

// Dates known only to the year sit inside their year, are labelled as the
// year, and give an axis of whole years with no ticks between them; the
// dates of one year alone still give an axis and a line across it.
func TestBestSoFarDatePrecision(t *testing.T) {
	tests := []struct {
		name               string
		pts                []Point
		min, max           string
		yearTicks          bool
		firstX, firstLabel string
		lineEnd            string
	}{
		{
			name: "years only",
			pts: []Point{
				{Method: "a", Value: 70, Date: year(2021), DatePrecision: "year"},
				{Method: "b", Value: 75, Date: year(2023), DatePrecision: "year"},
			},
			min: "2021-01-01", max: "2024-01-01", yearTicks: true,
			firstX: "2021-07-02", firstLabel: "2021", lineEnd: "2023-12-31",
		},
		{
			name: "one year, as a filter leaves it",
			pts: []Point{
				{Method: "a", Value: 70, Date: year(2023), DatePrecision: "year"},
				{Method: "b", Value: 75, Date: year(2023), DatePrecision: "year"},
			},
			min: "2023-01-01", max: "2024-01-01", yearTicks: true,
			firstX: "2023-07-02", firstLabel: "2023", lineEnd: "2023-12-31",
		},
		{
			name: "a month, from the source",
			pts: []Point{
				{Method: "a", Value: 70, Date: day(2023, 2, 1), DatePrecision: "month", DateNote: "date of the source that reported it"},
				{Method: "b", Value: 75, Date: day(2023, 6, 27)},
			},
			min: "2023-01-01", max: "2024-01-01", yearTicks: false,
			firstX: "2023-02-15", firstLabel: "Feb 2023 (date of the source that reported it)", lineEnd: "2023-06-27",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := BestSoFar("x", accuracy, tt.pts)
			if !ok {
				t.Fatal("ok = false")
			}
			o := decode(t, c)
			x := o.XAxis[0]
			if x.Min != tt.min || x.Max != tt.max {
				t.Errorf("axis %v–%v, want %s–%s", x.Min, x.Max, tt.min, tt.max)
			}
			if got := x.MinInterval > 0 && x.AxisLabel.Formatter == "{yyyy}"; got != tt.yearTicks {
				t.Errorf("year ticks = %v (minInterval %v, formatter %q), want %v", got, x.MinInterval, x.AxisLabel.Formatter, tt.yearTicks)
			}
			first := o.Series[0].Data[0]
			if first.Value.([]any)[0] != tt.firstX || first.Date != tt.firstLabel {
				t.Errorf("first point at %v labelled %q, want %s labelled %q", first.Value, first.Date, tt.firstX, tt.firstLabel)
			}
			line := o.Series[1].Data
			if end := line[len(line)-1].Value.([]any)[0]; end != tt.lineEnd {
				t.Errorf("line ends at %v, want %s", end, tt.lineEnd)
			}
			if len(line) < 2 || line[0].Value.([]any)[0] == line[len(line)-1].Value.([]any)[0] {
				t.Errorf("line %v has no length", line)
			}
		})
	}
}

// The bars' axis starts just below the smallest bar, labels carry the
// metric's decimals, and names cut to fit stay distinct.
func TestTopNAxisAndLabels(t *testing.T) {
	type bar struct {
		Value float64 `json:"value"`
		Label struct {
			Formatter string `json:"formatter"`
		} `json:"label"`
	}
	tests := []struct {
		name    string
		ax      Axis
		pts     []Point
		min     float64
		labels  []string
		formats []string
	}{
		{
			name: "accuracies in the eighties",
			ax:   accuracy,
			pts:  []Point{{Method: "a", Value: 89.6}, {Method: "b", Value: 85.9}, {Method: "c", Value: 88.55}},
			min:  85, labels: []string{"a", "c", "b"}, formats: []string{"89.60", "88.55", "85.90"},
		},
		{
			name: "float noise and one decimal",
			ax:   Axis{MetricName: "Acc", HigherIsBetter: true, Decimals: 1},
			pts:  []Point{{Method: "x", Value: 70.19999999}, {Method: "y", Value: 91.10000000000001}},
			min:  60, labels: []string{"y", "x"}, formats: []string{"91.1", "70.2"},
		},
		{
			name: "small values keep zero",
			ax:   errRate,
			pts:  []Point{{Method: "p", Value: 2}, {Method: "q", Value: 40}},
			min:  0, labels: []string{"p", "q"}, formats: []string{"2.0", "40.0"},
		},
		{
			name: "names alike up to the cut",
			ax:   accuracy,
			pts: []Point{
				{Method: "MetaCLIP ViT-B/16 (2.5B data, 224 px)", Value: 80.5},
				{Method: "MetaCLIP ViT-B/16 (2.5B data, 336 px)", Value: 72.1},
			},
			min: 71, labels: []string{"MetaCLIP Vi…a, 224 px)", "MetaCLIP Vi…a, 336 px)"}, formats: []string{"80.50", "72.10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := TopN("top", tt.ax, tt.pts, 10)
			if !ok {
				t.Fatal("ok = false")
			}
			s, err := OptionsJSON(c)
			if err != nil {
				t.Fatal(err)
			}
			var o struct {
				XAxis []struct {
					Min  float64 `json:"min"`
					Name string  `json:"name"`
				} `json:"xAxis"`
				YAxis  []struct{ Data []string } `json:"yAxis"`
				Series []struct{ Data []bar }    `json:"series"`
			}
			if err := json.Unmarshal([]byte(s), &o); err != nil {
				t.Fatal(err)
			}
			if o.XAxis[0].Min != tt.min {
				t.Errorf("axis min = %v, want %v", o.XAxis[0].Min, tt.min)
			}
			if tt.min > 0 && !strings.Contains(o.XAxis[0].Name, "axis from") {
				t.Errorf("axis name %q does not say where it starts", o.XAxis[0].Name)
			}
			if !slices.Equal(o.YAxis[0].Data, tt.labels) {
				t.Errorf("labels = %q, want %q", o.YAxis[0].Data, tt.labels)
			}
			var formats []string
			for _, b := range o.Series[0].Data {
				formats = append(formats, b.Label.Formatter)
			}
			if !slices.Equal(formats, tt.formats) {
				t.Errorf("bar labels = %q, want %q", formats, tt.formats)
			}
			if n := TopCount(tt.pts, tt.ax.HigherIsBetter, 10); n != len(tt.labels) {
				t.Errorf("TopCount = %d, want %d", n, len(tt.labels))
			}
		})
	}
}

// TestSeriesValuesCarryNoFloatNoise: a value computed in binary (0.702 ×
// 100) reaches the series, and so the bar labels and tooltips, as the
// decimal it was reported as.
func TestSeriesValuesCarryNoFloatNoise(t *testing.T) {
	noisy := 0.702 * 100 // 70.19999999999999
	pts := []Point{
		{Method: "a", Value: noisy, Date: day(2020, 1, 1), Params: 1e6},
		{Method: "b", Value: 0.911 * 100, Date: day(2021, 1, 1), Params: 2e6}, // 91.10000000000001
	}
	ax := Axis{MetricName: "Accuracy", Unit: "%", HigherIsBetter: true, Decimals: 1}
	top, _ := TopN("top", ax, pts, 5)
	bsf, _ := BestSoFar("bsf", ax, pts)
	par, _ := ParamsPareto("par", ax, pts)
	tests := []struct {
		name string
		c    Chart
	}{{"top", top}, {"best so far", bsf}, {"pareto", par}}
	for _, tt := range tests {
		s, err := OptionsJSON(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"70.19999", "91.10000"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: options hold %s…:\n%s", tt.name, bad, s)
			}
		}
		if !strings.Contains(s, "70.2") || !strings.Contains(s, "91.1") {
			t.Errorf("%s: options lack 70.2 and 91.1:\n%s", tt.name, s)
		}
	}
}
