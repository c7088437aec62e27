package web

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/setting"
	"github.com/benchboard/benchboard/internal/store"
)

// The leaderboard's JSON answer as renderAPIResults built it before it
// was written by hand: a fiber.Map of these, through encoding/json. The
// test keeps it as the reference appendAPIResults must match.
type apiValue struct {
	Value     float64          `json:"value"`
	PlusMinus *float64         `json:"plus_minus,omitempty"`
	Unit      string           `json:"unit"`
	Raw       string           `json:"raw"`
	ResultID  int64            `json:"result_id"`
	SourceURL string           `json:"source_url,omitempty"`
	Conflicts []apiConflicting `json:"conflicts,omitempty"`
}

type apiConflicting struct {
	Value      float64 `json:"value"`
	ReportedIn string  `json:"reported_in"`
	ResultID   int64   `json:"result_id"`
}

type apiRow struct {
	Rank       *int                `json:"rank"`
	Method     string              `json:"method"`
	MethodURL  string              `json:"method_url"`
	Setting    string              `json:"setting"`
	ExtraData  bool                `json:"extra_data"`
	Params     string              `json:"params,omitempty"`
	Year       int                 `json:"year,omitempty"`
	Paper      string              `json:"paper,omitempty"`
	ReportedIn string              `json:"reported_in"`
	Source     string              `json:"source"`
	Confidence string              `json:"confidence"`
	Values     map[string]apiValue `json:"values"`
}

// referenceAPIResults is renderAPIResults' body as encoding/json wrote it.
func referenceAPIResults(bv boardView) ([]byte, error) {
	d, q, rb := bv.d, bv.q, bv.rb
	rows := make([]apiRow, 0, len(rb.Page))
	for _, r := range rb.Page {
		row := apiRow{Method: r.Method, MethodURL: "/methods/" + r.MethodSlug, Setting: r.Setting,
			ExtraData: r.ExtraData, Params: r.ParamsText, Year: r.Year, Paper: r.First.PaperTitle,
			ReportedIn: r.ReportedIn, Source: r.First.Source, Confidence: r.Confidence, Values: map[string]apiValue{}}
		if r.Rank > 0 {
			rank := r.Rank
			row.Rank = &rank
		}
		for _, m := range d.Metrics {
			cell := r.Cell(m.ID)
			if cell == nil {
				continue
			}
			v := apiValue{Value: cell.Score, PlusMinus: cell.PlusMinus, Unit: m.Unit, Raw: cell.Report.Raw,
				ResultID: cell.Report.ID, SourceURL: cell.Report.SourceURL}
			for _, o := range cell.Conflicts {
				v.Conflicts = append(v.Conflicts, apiConflicting{Value: o.Score, ReportedIn: o.ReportedIn, ResultID: o.ID})
			}
			row.Values[m.Slug] = v
		}
		rows = append(rows, row)
	}
	return json.Marshal(fiber.Map{
		"dataset": apiDataset{Slug: d.Slug, Name: d.Name, Task: d.TaskName, Parent: d.ParentName,
			Rows: bv.rows, Results: bv.results, URL: "/datasets/" + d.Slug, Metrics: apiMetrics(d.Metrics)},
		"data_version": d.DataVersion,
		"sort":         q.Sort, "order": q.Order, "page": q.Page, "pages": rb.Pages, "total": rb.Total,
		"setting": q.SettingChoice(), "settings": apiSettings(q),
		"rows": rows,
	})
}

// hostileJSONTexts add to hostileTexts what JSON escapes: backslashes,
// every control character, the line and paragraph separators.
var hostileJSONTexts = append([]string{`back\slash`, "\x01\x07\b\f\r\x1f\x7f", "line\u2028sep\u2029", "\xe2\x80", "😀 \xf0\x9f"}, hostileTexts...)

// hostileNumbers are scores of every magnitude encoding/json formats
// differently (plain, exponent, negative, zero, the cut-offs).
var hostileNumbers = []float64{0, math.Copysign(0, -1), 1, -1, 79.30000000000001, 0.793, 1e-6, 9.99e-7, 1e-7, 123456789, 1e20, 1e21, -1e21,
	1.5e300, 5e-324, math.MaxFloat64, 0.1 + 0.2, 100}

// TestAPIResultsJSONMatchesEncodingJSON: the leaderboard's JSON written by
// appendAPIResults is, byte for byte, what encoding/json wrote for the
// fiber.Map it replaces: hostile text in every field, numbers of every
// magnitude, missing cells, conflicts, unranked rows, metrics out of slug
// order, with and without a parent, and for every setting facet.
func TestAPIResultsJSONMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(1414))
	text := func() string { return pick(r, hostileJSONTexts) }
	for round := 0; round < 400; round++ {
		metrics := []model.Metric{
			{ID: 1, Slug: "top-1", Name: text(), HigherIsBetter: true, Unit: "%", IsPrimary: true, Decimals: 2},
			{ID: 2, Slug: "error", Name: text(), Unit: text(), DirectionNeedsReview: r.Intn(2) == 0},
			{ID: 3, Slug: "a<b>&" + text(), Name: text(), Decimals: r.Intn(4)},
		}[:1+r.Intn(3)]
		r.Shuffle(len(metrics), func(i, j int) { metrics[i], metrics[j] = metrics[j], metrics[i] })
		d := store.DatasetInfo{}
		d.ID, d.Slug, d.Name, d.DataVersion = int64(round), text(), text(), int64(r.Intn(1<<30))
		d.TaskName, d.ParentName, d.Metrics = text(), []string{"", text()}[r.Intn(2)], metrics
		var reports []model.Report
		for i := r.Intn(30); i > 0; i-- {
			m := metrics[r.Intn(len(metrics))]
			rep := model.Report{MethodName: text(), MethodSlug: text(), PaperTitle: text(), PaperSlug: text()}
			rep.ID, rep.MetricID, rep.MethodID = int64(r.Intn(1<<40)), m.ID, int64(r.Intn(4))
			rep.Score, rep.Raw, rep.Setting, rep.ReportedIn = hostileNumbers[r.Intn(len(hostileNumbers))], text(), []string{"", "zero-shot", text()}[r.Intn(3)], []string{"a", "b", text()}[r.Intn(3)]
			rep.ExtraData, rep.ParamsText, rep.Source, rep.SourceURL, rep.Confidence = r.Intn(2) == 0, []string{"", text()}[r.Intn(2)], text(), []string{"", text()}[r.Intn(2)], text()
			if r.Intn(2) == 0 {
				pm := hostileNumbers[r.Intn(len(hostileNumbers))]
				rep.PlusMinus, rep.Unit = &pm, m.Unit
			}
			if r.Intn(2) == 0 {
				y := 1990 + r.Intn(40)
				rep.PaperYear = &y
			}
			reports = append(reports, rep)
		}
		rows := ranking.Build(reports, metrics)
		primary := metrics[0]
		for _, m := range metrics {
			if m.IsPrimary {
				primary = m
			}
		}
		ranking.Rank(rows, primary)
		counts := map[string]int{}
		for _, row := range rows {
			counts[row.Setting]++
		}
		q := boardQuery{Sort: text(), Order: []string{"asc", "desc"}[r.Intn(2)], Setting: []string{"", setting.All, "zero-shot", text()}[r.Intn(4)],
			Page: 1 + r.Intn(3)}
		q.resolveSetting(counts)
		bv := boardView{d: d, q: q, rb: rankedBoard{Page: rows[:r.Intn(len(rows)+1)], Total: len(rows), Pages: r.Intn(5)},
			rows: len(rows), results: len(reports)}
		want, wantErr := referenceAPIResults(bv)
		got, err := appendAPIResults(nil, bv)
		if wantErr != nil || err != nil {
			t.Fatalf("round %d: encoding/json: %v; appendAPIResults: %v", round, wantErr, err)
		}
		if string(got) != string(want) {
			t.Fatalf("round %d: the JSON differs from encoding/json's\n--- encoding/json\n%s\n--- appendAPIResults\n%s", round, want, got)
		}
	}
}

// TestAPIResultsJSONRefusesWhatJSONCannotSay: a score that is not a
// number JSON can carry fails the answer, as encoding/json failed it.
func TestAPIResultsJSONRefusesWhatJSONCannotSay(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		m := model.Metric{ID: 1, Slug: "acc", IsPrimary: true}
		rep := model.Report{MethodName: "m"}
		rep.ID, rep.MetricID, rep.Score = 1, 1, f
		rows := ranking.Build([]model.Report{rep}, []model.Metric{m})
		bv := boardView{d: store.DatasetInfo{Metrics: []model.Metric{m}}, rb: rankedBoard{Page: rows}}
		_, wantErr := referenceAPIResults(bv)
		_, err := appendAPIResults(nil, bv)
		var uv *json.UnsupportedValueError
		if wantErr == nil || !errors.As(err, &uv) {
			t.Errorf("score %v: encoding/json said %v, appendAPIResults %v", f, wantErr, err)
		}
	}
}
