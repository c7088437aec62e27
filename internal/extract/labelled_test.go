package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// goldPaper is one abstract of testdata/labelled.txt with every true score
// in it, written by hand before the extractor was.
type goldPaper struct {
	Title   string      `json:"title"`
	Scores  []goldScore `json:"scores"`
	Unknown []string    `json:"unknown"` // benchmark names near scores that are not in knownDatasets
}

type goldScore struct {
	Method   string  `json:"method"` // "" when the paper never names its own method
	Dataset  string  `json:"dataset"`
	Metric   string  `json:"metric"`
	Value    float64 `json:"value"`
	RangeEnd bool    `json:"range_end"`
}

func (g goldScore) key(paper string) string {
	return Candidate{Paper: paper, Method: g.Method, Dataset: g.Dataset, Metric: g.Metric, Value: g.Value}.Key()
}

type score struct {
	precision, recall                float64
	truePos, falsePos, falseNegative int
}

func evaluate(t *testing.T, name string, known []Dataset) (scores, unknown score) {
	t.Helper()
	return evaluateAt(t, name, known, "")
}

// evaluateAt is evaluate over the candidates of confidence min or higher
// (Result.Filter(min)); "" takes all.
func evaluateAt(t *testing.T, name string, known []Dataset, min string) (scores, unknown score) {
	t.Helper()
	text, err := os.ReadFile("testdata/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var gold []goldPaper
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	wantUnknown := map[string][]string{}
	for _, p := range gold {
		for _, g := range p.Scores {
			want[g.key(p.Title)] = true
		}
		wantUnknown[p.Title] = p.Unknown
	}
	res := Extract(string(text), known).Filter(min)
	got := map[string]bool{}
	for _, c := range res.Candidates {
		k := c.Key() // Key lower-cases the method: names compare without case
		got[k] = true
		if want[k] {
			scores.truePos++
		} else {
			scores.falsePos++
			t.Logf("false positive: %s (%s, %s%s) in %q", k, c.Raw, c.Confidence, noteSuffix(c), c.Evidence)
		}
	}
	for k := range want {
		if !got[k] {
			scores.falseNegative++
			t.Logf("missed: %s", k)
		}
	}
	// An unknown phrase matches a gold one when either contains the other
	// ("WMT14 English-German" for "WMT14").
	matched := map[string]bool{}
	for _, u := range res.Unknown {
		ok := false
		for _, w := range wantUnknown[u.Paper] {
			if strings.Contains(strings.ToLower(u.Phrase), strings.ToLower(w)) || strings.Contains(strings.ToLower(w), strings.ToLower(u.Phrase)) {
				ok = true
				matched[u.Paper+"|"+w] = true
			}
		}
		if ok {
			unknown.truePos++
		} else {
			unknown.falsePos++
			t.Logf("unexpected unknown dataset: %q in %q", u.Phrase, u.Paper)
		}
	}
	for paper, ws := range wantUnknown {
		for _, w := range ws {
			if !matched[paper+"|"+w] {
				unknown.falseNegative++
				t.Logf("missed unknown dataset: %q in %q", w, paper)
			}
		}
	}
	for _, sc := range []*score{&scores, &unknown} {
		sc.precision = ratio(sc.truePos, sc.truePos+sc.falsePos)
		sc.recall = ratio(sc.truePos, sc.truePos+sc.falseNegative)
	}
	return scores, unknown
}

func noteSuffix(c Candidate) string {
	if c.Note == "" {
		return ""
	}
	return ": " + c.Note
}

// thresholdLine reports precision and recall of a set at each confidence
// threshold, without logging the misses.
func thresholdLine(name string, known []Dataset) string {
	var parts []string
	for _, min := range []string{Low, Med, High} {
		sc, _ := evaluateAt(&testing.T{}, name, known, min)
		parts = append(parts, fmt.Sprintf(">=%s P %.3f (%d/%d) R %.3f (%d/%d)", min,
			sc.precision, sc.truePos, sc.truePos+sc.falsePos, sc.recall, sc.truePos, sc.truePos+sc.falseNegative))
	}
	return name + " by confidence: " + strings.Join(parts, "; ")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestLabelledSet measures precision and recall over the hand-labelled
// abstracts. A candidate counts as right when its paper, method (any case),
// dataset, metric and value equal a gold score's.
func TestLabelledSet(t *testing.T) {
	sc, unk := evaluate(t, "labelled", knownDatasets)
	line := fmt.Sprintf("labelled set: precision %.3f (%d/%d), recall %.3f (%d/%d); unknown datasets: precision %.3f, recall %.3f",
		sc.precision, sc.truePos, sc.truePos+sc.falsePos, sc.recall, sc.truePos, sc.truePos+sc.falseNegative,
		unk.precision, unk.recall)
	t.Log(line)
	fmt.Println(line)
	if sc.precision < 0.95 || sc.recall < 0.8 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.95 and 0.8", sc.precision, sc.recall)
	}
	// The same gate for what a queue sees by default.
	def, _ := evaluateAt(&testing.T{}, "labelled", knownDatasets, DefaultMinConfidence)
	if def.precision < 0.95 || def.recall < 0.8 {
		t.Errorf("at confidence %s: precision %.3f, recall %.3f: want at least 0.95 and 0.8", DefaultMinConfidence, def.precision, def.recall)
	}
}

// TestLabelledSetWithoutDefaultMetrics reports the same figures for a caller
// that gives no dataset a default metric, so scores written without any
// metric ("69.8% on MMLU") are not read. It only reports.
func TestLabelledSetWithoutDefaultMetrics(t *testing.T) {
	sc, _ := evaluate(&testing.T{}, "labelled", withoutDefaultMetrics())
	line := fmt.Sprintf("labelled set, no default metrics: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		sc.precision, sc.truePos, sc.truePos+sc.falsePos, sc.recall, sc.truePos, sc.truePos+sc.falseNegative)
	t.Log(line)
	fmt.Println(line)
}

// TestHeldOutSets reports the same figures over abstracts written after the
// extractor, with their gold, before it was run on them. heldout.txt scored
// precision 0.733, recall 0.717 on its first run and was then used to fix
// what it showed, so it is no longer unseen. heldout2.txt scored 0.667 and
// 0.667 on its first run and was then used for fixes too (changed settings,
// "versus", pronouns, unnamed subjects). heldout3.txt (23 abstracts, 53
// scores) was written after those fixes, gold first, and the extractor was
// not changed after its first run, which scored precision 0.696 (39/56),
// recall 0.736 (39/53) over all candidates, and 0.761 (35/46), 0.660 (35/53)
// at DefaultMinConfidence. That first figure is the honest guide to text the
// extractor has not seen. It only reports.
func TestHeldOutSets(t *testing.T) {
	for _, name := range []string{"heldout", "heldout2", "heldout3"} {
		sc, unk := evaluate(t, name, knownDatasets)
		line := fmt.Sprintf("%s set: precision %.3f (%d/%d), recall %.3f (%d/%d); unknown datasets: precision %.3f, recall %.3f",
			name, sc.precision, sc.truePos, sc.truePos+sc.falsePos, sc.recall, sc.truePos, sc.truePos+sc.falseNegative,
			unk.precision, unk.recall)
		t.Log(line)
		fmt.Println(line)
	}
}

// TestConfidenceThresholds reports, for every set, precision and recall of
// what Result.Filter keeps at each confidence threshold. A queue that takes
// Filter(DefaultMinConfidence) sees the ">=med" figures. It only reports.
func TestConfidenceThresholds(t *testing.T) {
	for _, name := range []string{"labelled", "heldout", "heldout2", "heldout3"} {
		line := thresholdLine(name, knownDatasets)
		t.Log(line)
		fmt.Println(line)
	}
}
