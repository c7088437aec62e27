package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

type score = Measure

func evaluate(t *testing.T, name string, known []Dataset) (scores, unknown score) {
	t.Helper()
	return evaluateAt(t, name, known, "")
}

// evaluateAt scores the candidates of confidence min or higher
// (Result.Filter(min); "" takes all) against testdata/NAME.json, and logs
// what went wrong.
func evaluateAt(t *testing.T, name string, known []Dataset, min string) (scores, unknown score) {
	t.Helper()
	sc := scoreSet(t, name, known, min)
	for _, c := range sc.FalsePositives {
		t.Logf("false positive: %s (%s, %s%s) in %q", c.Key(), c.Raw, c.Confidence, noteSuffix(c), c.Evidence)
	}
	for _, k := range sc.MissedScores {
		t.Logf("missed: %s", k)
	}
	for _, u := range sc.WrongUnknown {
		t.Logf("unexpected unknown dataset: %q in %q", u.Phrase, u.Paper)
	}
	for _, k := range sc.MissedUnknown {
		t.Logf("missed unknown dataset: %s", k)
	}
	return sc.Scores, sc.Unknown
}

// scoreSet scores testdata/NAME.txt against testdata/NAME.json.
func scoreSet(t *testing.T, name string, known []Dataset, min string) Scoring {
	t.Helper()
	text, err := os.ReadFile("testdata/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	return Score(Extract(string(text), known).Filter(min), gold)
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
			sc.Precision, sc.TruePos, sc.TruePos+sc.FalsePos, sc.Recall, sc.TruePos, sc.TruePos+sc.Missed))
	}
	return name + " by confidence: " + strings.Join(parts, "; ")
}

// TestLabelledSet measures precision and recall over the hand-labelled
// abstracts. A candidate counts as right when its paper, method (any case),
// dataset, metric and value equal a gold score's.
func TestLabelledSet(t *testing.T) {
	sc, unk := evaluate(t, "labelled", knownDatasets)
	line := fmt.Sprintf("labelled set: precision %.3f (%d/%d), recall %.3f (%d/%d); unknown datasets: precision %.3f, recall %.3f",
		sc.Precision, sc.TruePos, sc.TruePos+sc.FalsePos, sc.Recall, sc.TruePos, sc.TruePos+sc.Missed,
		unk.Precision, unk.Recall)
	t.Log(line)
	fmt.Println(line)
	if sc.Precision < 0.95 || sc.Recall < 0.8 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.95 and 0.8", sc.Precision, sc.Recall)
	}
	// The same gate for what a queue sees by default.
	def, _ := evaluateAt(&testing.T{}, "labelled", knownDatasets, DefaultMinConfidence)
	if def.Precision < 0.95 || def.Recall < 0.8 {
		t.Errorf("at confidence %s: precision %.3f, recall %.3f: want at least 0.95 and 0.8", DefaultMinConfidence, def.Precision, def.Recall)
	}
}

// TestLabelledSetWithoutDefaultMetrics reports the same figures for a caller
// that gives no dataset a default metric, so scores written without any
// metric ("69.8% on MMLU") are not read. It only reports.
func TestLabelledSetWithoutDefaultMetrics(t *testing.T) {
	sc, _ := evaluate(&testing.T{}, "labelled", withoutDefaultMetrics())
	line := fmt.Sprintf("labelled set, no default metrics: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		sc.Precision, sc.TruePos, sc.TruePos+sc.FalsePos, sc.Recall, sc.TruePos, sc.TruePos+sc.Missed)
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
			name, sc.Precision, sc.TruePos, sc.TruePos+sc.FalsePos, sc.Recall, sc.TruePos, sc.TruePos+sc.Missed,
			unk.Precision, unk.Recall)
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
