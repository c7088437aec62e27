package web_test

import (
	"encoding/json"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
)

// echartsNeeds maps what chart options use to what the ECharts build must
// import for it (echarts/charts, echarts/components, echarts/features).
var echartsNeeds = map[string][]string{
	"series:bar": {"BarChart"}, "series:line": {"LineChart"}, "series:scatter": {"ScatterChart"},
	"series:pie": {"PieChart"}, "series:heatmap": {"HeatmapChart"}, "series:boxplot": {"BoxplotChart"},
	"title": {"TitleComponent"}, "tooltip": {"TooltipComponent"}, "aria": {"AriaComponent"},
	"legend": {"LegendComponent", "LegendPlainComponent", "LegendScrollComponent"},
	"grid":   {"GridComponent", "GridSimpleComponent"}, "xAxis": {"GridComponent", "GridSimpleComponent"},
	"dataZoom": {"DataZoomComponent"}, "visualMap": {"VisualMapComponent"}, "dataset": {"DatasetComponent"},
	"toolbox": {"ToolboxComponent"}, "graphic": {"GraphicComponent"}, "polar": {"PolarComponent"},
	"markPoint": {"MarkPointComponent"}, "markLine": {"MarkLineComponent"}, "markArea": {"MarkAreaComponent"},
	"labelLayout": {"LabelLayout"}, "universalTransition": {"UniversalTransition"},
}

// TestEChartsBuildCoversCharts: web/src/echarts.js imports only some of
// ECharts, and ECharts ignores options for parts it was built without. Every
// series type and component the seeded pages' charts use must be imported.
func TestEChartsBuildCoversCharts(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../web/src/echarts.js")
	if err != nil {
		t.Fatal(err)
	}
	imported := map[string]bool{}
	for _, m := range regexp.MustCompile(`\b([A-Z][A-Za-z]+(?:Chart|Component|Layout|Transition))\b`).FindAllString(string(src), -1) {
		imported[m] = true
	}
	app, _ := seededApp(t)
	var options []map[string]any
	for _, path := range []string{"/datasets/imagenet-1k/charts.json", "/datasets/cuhk-pedes/charts.json", "/datasets/mmlu/charts.json"} {
		_, body, _ := get(t, app, path)
		var doc struct {
			Charts []struct {
				Options map[string]any `json:"options"`
			} `json:"charts"`
		}
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, c := range doc.Charts {
			if c.Options != nil {
				options = append(options, c.Options)
			}
		}
	}
	_, page, _ := get(t, app, "/methods/beit-l")
	for _, m := range regexp.MustCompile(`data-chart-options="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		var o map[string]any
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &o); err != nil {
			t.Fatal(err)
		}
		options = append(options, o)
	}
	if len(options) < 7 {
		t.Fatalf("only %d charts to check", len(options))
	}
	uses := map[string]bool{}
	for _, o := range options {
		for k, v := range o {
			uses[k] = uses[k] || !empty(v)
		}
		series, _ := o["series"].([]any)
		for _, s := range series {
			sm, _ := s.(map[string]any)
			uses["series:"+sm["type"].(string)] = true
			for k, v := range sm {
				uses[k] = uses[k] || !empty(v)
			}
		}
	}
	for use, used := range uses {
		needs, known := echartsNeeds[use]
		if !used {
			continue
		}
		if !known {
			continue // an option of a part already checked (xAxis, color, …)
		}
		ok := false
		for _, n := range needs {
			ok = ok || imported[n]
		}
		if !ok {
			t.Errorf("the charts use %q, but web/src/echarts.js imports none of %s", use, strings.Join(needs, ", "))
		}
	}
}

// empty is an option go-echarts writes with nothing in it (toolbox: {}),
// which draws nothing.
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	return false
}
