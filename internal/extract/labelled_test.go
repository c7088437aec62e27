package extract

import (
	"os"
	"testing"
)

type score = Measure

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

// TestLabelledSet holds the labelled abstracts, which the extractor was
// written against, to precision 0.95 and recall 0.8, over all candidates
// and over what the queue takes by default.
func TestLabelledSet(t *testing.T) {
	for _, min := range []string{"", DefaultMinConfidence} {
		sc, _ := evaluateAt(t, "labelled", knownDatasets, min)
		if sc.Precision < 0.95 || sc.Recall < 0.8 {
			t.Errorf("confidence %q: %s: want precision 0.95 and recall 0.8 at least", min, sc)
		}
	}
}

// TestSetFloors keeps the figures the sets have, so no change loses on
// them: at each confidence threshold, at least as many right candidates
// and at most as many wrong ones, for scores and for unknown datasets.
// heldout4…heldout11 were each scored as unseen sets and are now used for
// development, so they are held here too. Below the queue's threshold
// heldout2 allows one wrong candidate more than before datasets were
// carried across sentences: a title standing for the method, marked
// "low". heldout3 allows one wrong unknown dataset: "68.5% on MMLU
// clinical topics" is reported as the unknown "MMLU clinical topics"
// rather than as a score on MMLU, as "the medical subset of MMLU" already
// was. Each row holds what the extractor reaches on its set after the last
// kept round, which raised every row it earned; a set's rows are added when
// it is labelled, at what the extractor reached before its first round.
// Where a round lowered a bound, the group's comment says so.
func TestSetFloors(t *testing.T) {
	tests := []struct {
		set, min       string
		known          []Dataset
		right, wrong   int // scores
		uRight, uWrong int // unknown datasets
	}{
		{"labelled", Low, knownDatasets, 115, 0, 16, 0},
		{"labelled", Med, knownDatasets, 107, 0, 16, 0},
		{"labelled", High, knownDatasets, 69, 0, 16, 0},
		// A caller that gives no dataset a default metric.
		{"labelled", Low, withoutDefaultMetrics(), 111, 0, 16, 0},
		{"labelled", Med, withoutDefaultMetrics(), 104, 0, 16, 0},
		{"heldout", Low, knownDatasets, 45, 1, 6, 2},
		{"heldout", Med, knownDatasets, 45, 0, 6, 2},
		{"heldout", High, knownDatasets, 22, 0, 6, 2},
		{"heldout2", Low, knownDatasets, 37, 4, 6, 0},
		{"heldout2", Med, knownDatasets, 37, 0, 6, 0},
		{"heldout2", High, knownDatasets, 16, 0, 6, 0},
		{"heldout3", Low, knownDatasets, 48, 6, 4, 1},
		{"heldout3", Med, knownDatasets, 45, 0, 4, 1},
		{"heldout3", High, knownDatasets, 21, 0, 4, 1},
		{"heldout4", Low, knownDatasets, 63, 1, 32, 0},
		{"heldout4", Med, knownDatasets, 62, 0, 32, 0},
		{"heldout4", High, knownDatasets, 30, 0, 32, 0},
		{"heldout4", Med, withoutDefaultMetrics(), 53, 1, 32, 0},
		// heldout5…heldout8 were each scored as unseen sets and are now
		// used for development too.
		{"heldout5", Low, knownDatasets, 73, 6, 30, 1},
		{"heldout5", Med, knownDatasets, 71, 2, 30, 1},
		{"heldout5", High, knownDatasets, 44, 0, 30, 1},
		{"heldout6", Low, knownDatasets, 69, 5, 32, 2},
		{"heldout6", Med, knownDatasets, 59, 0, 32, 2},
		{"heldout6", High, knownDatasets, 34, 0, 32, 2},
		{"heldout7", Low, knownDatasets, 73, 8, 16, 2},
		{"heldout7", Med, knownDatasets, 73, 1, 16, 2},
		{"heldout7", High, knownDatasets, 51, 0, 16, 2},
		{"heldout8", Low, knownDatasets, 53, 12, 19, 2},
		{"heldout8", Med, knownDatasets, 52, 8, 19, 2},
		{"heldout8", High, knownDatasets, 36, 3, 19, 2},
		// heldout9 was scored once as the unseen set of round 6, then used
		// for development in round 7.
		{"heldout9", Low, knownDatasets, 135, 7, 43, 1},
		{"heldout9", Med, knownDatasets, 134, 4, 43, 1},
		{"heldout9", High, knownDatasets, 67, 2, 43, 1},
		// heldout10 was scored once as the unseen set of round 7, then used
		// for development in round 8, as heldout9 was again.
		{"heldout10", Low, knownDatasets, 142, 12, 44, 2},
		{"heldout10", Med, knownDatasets, 142, 3, 44, 2},
		{"heldout10", High, knownDatasets, 66, 0, 44, 2},
		// heldout11 was scored once as the unseen set of round 8; a round
		// built from its failures was not kept (docs/extraction.md, round 9).
		{"heldout11", Low, knownDatasets, 106, 26, 30, 2},
		{"heldout11", Med, knownDatasets, 106, 16, 30, 2},
		{"heldout11", High, knownDatasets, 48, 5, 30, 2},
		// heldout12, heldout13 and heldout14 were each scored once as the unseen
		// set of rounds 9, 10 and 12 (docs/extraction.md).
		{"heldout12", Low, knownDatasets, 94, 52, 42, 4},
		{"heldout12", Med, knownDatasets, 90, 13, 42, 4},
		{"heldout12", High, knownDatasets, 41, 2, 42, 4},
		{"heldout13", Low, knownDatasets, 90, 44, 49, 2},
		{"heldout13", Med, knownDatasets, 88, 13, 49, 2},
		{"heldout13", High, knownDatasets, 38, 1, 49, 2},
		{"heldout14", Low, knownDatasets, 135, 22, 54, 2},
		{"heldout14", Med, knownDatasets, 132, 13, 54, 2},
		{"heldout14", High, knownDatasets, 44, 4, 54, 2},
		// heldout15 was the unseen set of rounds 13, 14 and 15, scored
		// once after each (docs/extraction.md).
		{"heldout15", Low, knownDatasets, 147, 25, 39, 3},
		{"heldout15", Med, knownDatasets, 139, 14, 39, 3},
		{"heldout15", High, knownDatasets, 50, 2, 39, 3},
		// heldout16 was the unseen set of round 18, scored once after it (not
		// kept; docs/extraction.md).
		{"heldout16", Low, knownDatasets, 105, 34, 35, 1},
		{"heldout16", Med, knownDatasets, 94, 24, 35, 1},
		{"heldout16", High, knownDatasets, 37, 7, 35, 1},
		// heldout17 was labelled by hand before round 19 and was its
		// unseen set, scored once before and once after it (docs/extraction.md).
		{"heldout17", Low, knownDatasets, 111, 9, 49, 1},
		{"heldout17", Med, knownDatasets, 100, 5, 49, 1},
		{"heldout17", High, knownDatasets, 52, 1, 49, 1},
		// heldout18 was labelled by hand before round 20 and was its
		// unseen set, scored once before and once after it; rounds 21
		// and 22 then trained on it (docs/extraction.md).
		{"heldout18", Low, knownDatasets, 153, 17, 67, 3},
		{"heldout18", Med, knownDatasets, 151, 9, 67, 3},
		{"heldout18", High, knownDatasets, 68, 4, 67, 3},
		// heldout19 was labelled by hand before round 21 and was its
		// unseen set (round 21 was not kept); round 22 trained on it.
		{"heldout19", Low, knownDatasets, 144, 15, 59, 2},
		{"heldout19", Med, knownDatasets, 137, 13, 59, 2},
		{"heldout19", High, knownDatasets, 62, 1, 59, 2},
		// heldout20 was labelled by hand before round 22 and was its
		// unseen set, scored once before and once after it (docs/extraction.md);
		// round 23 trained on it.
		{"heldout20", Low, knownDatasets, 117, 14, 59, 2},
		{"heldout20", Med, knownDatasets, 109, 8, 59, 2},
		{"heldout20", High, knownDatasets, 46, 1, 59, 2},
		// heldout21 was labelled by hand before round 23 and was its
		// unseen set, scored once before and once after it (docs/extraction.md).
		{"heldout21", Low, knownDatasets, 117, 19, 95, 1},
		{"heldout21", Med, knownDatasets, 109, 16, 95, 1},
		{"heldout21", High, knownDatasets, 46, 11, 95, 1},
		// heldout22 was labelled by hand before round 24 and was its
		// unseen set (round 24 was not kept; docs/extraction.md).
		{"heldout22", Low, knownDatasets, 133, 31, 48, 2},
		{"heldout22", Med, knownDatasets, 122, 16, 48, 2},
		{"heldout22", High, knownDatasets, 42, 8, 48, 2},
		// heldout23 and heldout24 were labelled by hand, under LABELLING.md,
		// before round 25 and were its unseen sets, then trained round 26
		// (docs/extraction.md).
		{"heldout23", Low, knownDatasets, 167, 18, 56, 0},
		{"heldout23", Med, knownDatasets, 163, 6, 56, 0},
		{"heldout23", High, knownDatasets, 81, 5, 56, 0},
		{"heldout24", Low, knownDatasets, 174, 25, 63, 2},
		{"heldout24", Med, knownDatasets, 162, 12, 63, 2},
		{"heldout24", High, knownDatasets, 63, 3, 63, 2},
		// heldout25 and heldout26 were labelled by hand, under LABELLING.md,
		// before round 26 and were its unseen sets (docs/extraction.md).
		{"heldout25", Low, knownDatasets, 127, 37, 62, 3},
		{"heldout25", Med, knownDatasets, 121, 11, 62, 3},
		{"heldout25", High, knownDatasets, 54, 4, 62, 3},
		{"heldout26", Low, knownDatasets, 159, 20, 51, 0},
		{"heldout26", Med, knownDatasets, 154, 13, 51, 0},
		{"heldout26", High, knownDatasets, 69, 2, 51, 0},
		// heldout27…heldout30 were labelled by hand, under LABELLING.md, before
		// round 27 and were its unseen sets (docs/extraction.md); rounds 28
		// and 29 trained on them.
		{"heldout27", Low, knownDatasets, 171, 18, 43, 3},
		{"heldout27", Med, knownDatasets, 153, 11, 43, 3},
		{"heldout27", High, knownDatasets, 79, 0, 43, 3},
		{"heldout28", Low, knownDatasets, 173, 23, 56, 3},
		{"heldout28", Med, knownDatasets, 160, 12, 56, 3},
		{"heldout28", High, knownDatasets, 65, 2, 56, 3},
		{"heldout29", Low, knownDatasets, 157, 23, 55, 4},
		{"heldout29", Med, knownDatasets, 146, 16, 55, 4},
		{"heldout29", High, knownDatasets, 68, 5, 55, 4},
		{"heldout30", Low, knownDatasets, 172, 16, 63, 0},
		{"heldout30", Med, knownDatasets, 164, 12, 63, 0},
		{"heldout30", High, knownDatasets, 62, 2, 63, 0},
		// heldout31 and heldout32 were labelled by hand, under LABELLING.md,
		// after round 27 and before round 28, and were its unseen sets
		// (docs/extraction.md).
		{"heldout31", Low, knownDatasets, 148, 16, 44, 5},
		{"heldout31", Med, knownDatasets, 142, 7, 44, 5},
		{"heldout31", High, knownDatasets, 64, 2, 44, 5},
		{"heldout32", Low, knownDatasets, 143, 18, 55, 2},
		{"heldout32", Med, knownDatasets, 135, 10, 55, 2},
		{"heldout32", High, knownDatasets, 59, 0, 55, 2},
		// heldout33 and heldout34 were labelled by hand, under LABELLING.md,
		// after round 28 and before round 29, and were its unseen sets
		// (docs/extraction.md).
		{"heldout33", Low, knownDatasets, 116, 6, 43, 1},
		{"heldout33", Med, knownDatasets, 114, 3, 43, 1},
		{"heldout33", High, knownDatasets, 62, 1, 43, 1},
		{"heldout34", Low, knownDatasets, 100, 11, 39, 0},
		{"heldout34", Med, knownDatasets, 90, 8, 39, 0},
		{"heldout34", High, knownDatasets, 47, 0, 39, 0},
		// heldout35…heldout40 were labelled by hand, under LABELLING.md,
		// after round 29 and before round 30's code, and were its unseen
		// sets (docs/extraction.md).
		{"heldout35", Low, knownDatasets, 106, 13, 46, 1},
		{"heldout35", Med, knownDatasets, 101, 5, 46, 1},
		{"heldout35", High, knownDatasets, 60, 1, 46, 1},
		{"heldout36", Low, knownDatasets, 117, 11, 48, 2},
		{"heldout36", Med, knownDatasets, 111, 8, 48, 2},
		{"heldout36", High, knownDatasets, 60, 3, 48, 2},
		{"heldout37", Low, knownDatasets, 189, 25, 51, 5},
		{"heldout37", Med, knownDatasets, 181, 12, 51, 5},
		{"heldout37", High, knownDatasets, 74, 1, 51, 5},
		{"heldout38", Low, knownDatasets, 120, 6, 41, 2},
		{"heldout38", Med, knownDatasets, 113, 3, 41, 2},
		{"heldout38", High, knownDatasets, 52, 0, 41, 2},
		{"heldout39", Low, knownDatasets, 148, 26, 44, 4},
		{"heldout39", Med, knownDatasets, 136, 18, 44, 4},
		{"heldout39", High, knownDatasets, 71, 9, 44, 4},
		{"heldout40", Low, knownDatasets, 109, 27, 25, 4},
		{"heldout40", Med, knownDatasets, 103, 17, 25, 4},
		{"heldout40", High, knownDatasets, 54, 3, 25, 4},
		// heldout41 and heldout42 were the unseen sets of round 31 and the
		// validation of round 32; heldout43…heldout46 were labelled after round
		// 31 and were round 32's unseen sets (docs/extraction.md).
		{"heldout41", Low, knownDatasets, 114, 17, 46, 2},
		{"heldout41", Med, knownDatasets, 109, 9, 46, 2},
		{"heldout41", High, knownDatasets, 54, 4, 46, 2},
		{"heldout42", Low, knownDatasets, 112, 28, 36, 1},
		{"heldout42", Med, knownDatasets, 107, 19, 36, 1},
		{"heldout42", High, knownDatasets, 55, 5, 36, 1},
		{"heldout43", Low, knownDatasets, 135, 25, 37, 1},
		{"heldout43", Med, knownDatasets, 122, 14, 37, 1},
		{"heldout43", High, knownDatasets, 54, 5, 37, 1},
		{"heldout44", Low, knownDatasets, 124, 34, 33, 2},
		{"heldout44", Med, knownDatasets, 108, 11, 33, 2},
		{"heldout44", High, knownDatasets, 53, 0, 33, 2},
		{"heldout45", Low, knownDatasets, 158, 44, 62, 7},
		{"heldout45", Med, knownDatasets, 144, 31, 62, 7},
		{"heldout45", High, knownDatasets, 76, 9, 62, 7},
		{"heldout46", Low, knownDatasets, 158, 29, 31, 2},
		{"heldout46", Med, knownDatasets, 142, 19, 31, 2},
		{"heldout46", High, knownDatasets, 58, 3, 31, 2},
		// heldout47…heldout50 were labelled while round 33 ran, seeing no code,
		// and were its unseen sets (docs/extraction.md).
		{"heldout47", Low, knownDatasets, 126, 21, 42, 1},
		{"heldout47", Med, knownDatasets, 109, 5, 42, 1},
		{"heldout47", High, knownDatasets, 61, 0, 42, 1},
		{"heldout48", Low, knownDatasets, 140, 23, 34, 2},
		{"heldout48", Med, knownDatasets, 134, 9, 34, 2},
		{"heldout48", High, knownDatasets, 67, 3, 34, 2},
		{"heldout49", Low, knownDatasets, 173, 33, 48, 3},
		{"heldout49", Med, knownDatasets, 156, 20, 48, 3},
		{"heldout49", High, knownDatasets, 68, 4, 48, 3},
		{"heldout50", Low, knownDatasets, 147, 27, 34, 1},
		{"heldout50", Med, knownDatasets, 133, 9, 34, 1},
		{"heldout50", High, knownDatasets, 54, 0, 34, 1},
		// heldout51…heldout54 were labelled at the start of round 34, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout51", Low, knownDatasets, 141, 28, 34, 5},
		{"heldout51", Med, knownDatasets, 123, 12, 34, 5},
		{"heldout51", High, knownDatasets, 64, 6, 34, 5},
		{"heldout52", Low, knownDatasets, 112, 14, 46, 1},
		{"heldout52", Med, knownDatasets, 102, 11, 46, 1},
		{"heldout52", High, knownDatasets, 54, 3, 46, 1},
		{"heldout53", Low, knownDatasets, 204, 36, 51, 5},
		{"heldout53", Med, knownDatasets, 183, 12, 51, 5},
		{"heldout53", High, knownDatasets, 92, 5, 51, 5},
		{"heldout54", Low, knownDatasets, 257, 32, 65, 8},
		{"heldout54", Med, knownDatasets, 244, 11, 65, 8},
		{"heldout54", High, knownDatasets, 107, 5, 65, 8},
		// heldout55…heldout58 were labelled after round 34, seeing no code, and
		// were the unseen sets of round 35 (docs/extraction.md).
		{"heldout55", Low, knownDatasets, 146, 24, 49, 5},
		{"heldout55", Med, knownDatasets, 138, 9, 49, 5},
		{"heldout55", High, knownDatasets, 53, 0, 49, 5},
		{"heldout56", Low, knownDatasets, 172, 22, 38, 2},
		{"heldout56", Med, knownDatasets, 165, 14, 38, 2},
		{"heldout56", High, knownDatasets, 98, 6, 38, 2},
		{"heldout57", Low, knownDatasets, 223, 29, 44, 4},
		{"heldout57", Med, knownDatasets, 203, 17, 44, 4},
		{"heldout57", High, knownDatasets, 90, 1, 44, 4},
		{"heldout58", Low, knownDatasets, 276, 27, 59, 4},
		{"heldout58", Med, knownDatasets, 268, 12, 59, 4},
		{"heldout58", High, knownDatasets, 103, 5, 59, 4},
		// heldout59…heldout62 were labelled before round 37, seeing no code, and
		// were, with heldout55…heldout58, its unseen sets (docs/extraction.md).
		{"heldout59", Low, knownDatasets, 147, 14, 42, 5},
		{"heldout59", Med, knownDatasets, 143, 7, 42, 5},
		{"heldout59", High, knownDatasets, 83, 3, 42, 5},
		{"heldout60", Low, knownDatasets, 152, 19, 43, 3},
		{"heldout60", Med, knownDatasets, 144, 6, 43, 3},
		{"heldout60", High, knownDatasets, 66, 1, 43, 3},
		{"heldout61", Low, knownDatasets, 188, 33, 64, 5},
		{"heldout61", Med, knownDatasets, 180, 18, 64, 5},
		{"heldout61", High, knownDatasets, 87, 3, 64, 5},
		{"heldout62", Low, knownDatasets, 198, 17, 57, 3},
		{"heldout62", Med, knownDatasets, 185, 11, 57, 3},
		{"heldout62", High, knownDatasets, 72, 3, 57, 3},
		// heldout63…heldout66 were labelled while round 38 ran, seeing no code,
		// and were, with heldout59…heldout62, its unseen sets
		// (docs/extraction.md).
		{"heldout63", Low, knownDatasets, 136, 19, 50, 3},
		{"heldout63", Med, knownDatasets, 129, 8, 50, 3},
		{"heldout63", High, knownDatasets, 77, 2, 50, 3},
		{"heldout64", Low, knownDatasets, 137, 21, 46, 5},
		{"heldout64", Med, knownDatasets, 134, 12, 46, 5},
		{"heldout64", High, knownDatasets, 70, 4, 46, 5},
		{"heldout65", Low, knownDatasets, 200, 35, 69, 11},
		{"heldout65", Med, knownDatasets, 195, 23, 69, 11},
		{"heldout65", High, knownDatasets, 99, 6, 69, 11},
		{"heldout66", Low, knownDatasets, 218, 40, 58, 2},
		{"heldout66", Med, knownDatasets, 205, 21, 58, 2},
		{"heldout66", High, knownDatasets, 86, 4, 58, 2},
		// heldout67…heldout70 were labelled before round 39, seeing no code, and
		// were, with heldout63…heldout66, its unseen sets (docs/extraction.md).
		{"heldout67", Low, knownDatasets, 169, 25, 41, 2},
		{"heldout67", Med, knownDatasets, 159, 11, 41, 2},
		{"heldout67", High, knownDatasets, 76, 4, 41, 2},
		{"heldout68", Low, knownDatasets, 177, 19, 33, 2},
		{"heldout68", Med, knownDatasets, 158, 11, 33, 2},
		{"heldout68", High, knownDatasets, 80, 0, 33, 2},
		{"heldout69", Low, knownDatasets, 240, 33, 71, 1},
		{"heldout69", Med, knownDatasets, 215, 21, 71, 1},
		{"heldout69", High, knownDatasets, 92, 4, 71, 1},
		{"heldout70", Low, knownDatasets, 165, 27, 61, 1},
		{"heldout70", Med, knownDatasets, 153, 12, 61, 1},
		{"heldout70", High, knownDatasets, 62, 2, 61, 1},
		// heldout71…heldout74 were labelled while round 40 ran, seeing no code,
		// and were, with heldout67…heldout70, its unseen sets
		// (docs/extraction.md).
		{"heldout71", Low, knownDatasets, 169, 15, 48, 3},
		{"heldout71", Med, knownDatasets, 158, 9, 48, 3},
		{"heldout71", High, knownDatasets, 66, 2, 48, 3},
		{"heldout72", Low, knownDatasets, 138, 15, 42, 1},
		{"heldout72", Med, knownDatasets, 127, 13, 42, 1},
		{"heldout72", High, knownDatasets, 66, 0, 42, 1},
		{"heldout73", Low, knownDatasets, 237, 51, 64, 7},
		{"heldout73", Med, knownDatasets, 220, 26, 64, 7},
		{"heldout73", High, knownDatasets, 95, 4, 64, 7},
		{"heldout74", Low, knownDatasets, 130, 14, 68, 1},
		{"heldout74", Med, knownDatasets, 121, 11, 68, 1},
		{"heldout74", High, knownDatasets, 60, 1, 68, 1},
		// heldout75…heldout78 were labelled before round 41, seeing no code, and
		// were, with heldout71…heldout74, its unseen sets (docs/extraction.md).
		// Round 41 added one right and one wrong candidate on heldout78 at low
		// and med, so its wrong bounds there are one above round 40's.
		{"heldout75", Low, knownDatasets, 162, 19, 57, 8},
		{"heldout75", Med, knownDatasets, 146, 9, 57, 8},
		{"heldout75", High, knownDatasets, 79, 3, 57, 8},
		{"heldout76", Low, knownDatasets, 141, 30, 38, 1},
		{"heldout76", Med, knownDatasets, 134, 18, 38, 1},
		{"heldout76", High, knownDatasets, 62, 5, 38, 1},
		{"heldout77", Low, knownDatasets, 230, 59, 96, 6},
		{"heldout77", Med, knownDatasets, 224, 38, 96, 6},
		{"heldout77", High, knownDatasets, 100, 7, 96, 6},
		{"heldout78", Low, knownDatasets, 252, 64, 83, 4},
		{"heldout78", Med, knownDatasets, 233, 43, 83, 4},
		{"heldout78", High, knownDatasets, 87, 16, 83, 4},
		// heldout79…heldout82 were labelled before round 41 too, seeing no code,
		// and were also its unseen sets (docs/extraction.md).
		{"heldout79", Low, knownDatasets, 205, 43, 64, 3},
		{"heldout79", Med, knownDatasets, 190, 30, 64, 3},
		{"heldout79", High, knownDatasets, 96, 4, 64, 3},
		{"heldout80", Low, knownDatasets, 129, 22, 37, 1},
		{"heldout80", Med, knownDatasets, 121, 11, 37, 1},
		{"heldout80", High, knownDatasets, 70, 3, 37, 1},
		{"heldout81", Low, knownDatasets, 273, 53, 82, 3},
		{"heldout81", Med, knownDatasets, 251, 30, 82, 3},
		{"heldout81", High, knownDatasets, 115, 7, 82, 3},
		{"heldout82", Low, knownDatasets, 219, 54, 55, 5},
		{"heldout82", Med, knownDatasets, 200, 42, 55, 5},
		{"heldout82", High, knownDatasets, 69, 16, 55, 5},
		// heldout83…heldout90 were labelled before round 43, seeing no code, and
		// were its unseen sets (docs/extraction.md). Round 43 lost a right
		// candidate and added a wrong one on heldout83 at low, and lost a right
		// unknown name on heldout90, so those bounds are below round 41's.
		{"heldout83", Low, knownDatasets, 190, 37, 53, 7},
		{"heldout83", Med, knownDatasets, 180, 11, 53, 7},
		{"heldout83", High, knownDatasets, 94, 3, 53, 7},
		{"heldout84", Low, knownDatasets, 92, 12, 45, 3},
		{"heldout84", Med, knownDatasets, 90, 10, 45, 3},
		{"heldout84", High, knownDatasets, 50, 0, 45, 3},
		{"heldout85", Low, knownDatasets, 273, 87, 102, 3},
		{"heldout85", Med, knownDatasets, 248, 53, 102, 3},
		{"heldout85", High, knownDatasets, 102, 15, 102, 3},
		{"heldout86", Low, knownDatasets, 190, 34, 51, 3},
		{"heldout86", Med, knownDatasets, 163, 16, 51, 3},
		{"heldout86", High, knownDatasets, 75, 7, 51, 3},
		{"heldout87", Low, knownDatasets, 182, 42, 44, 2},
		{"heldout87", Med, knownDatasets, 172, 18, 44, 2},
		{"heldout87", High, knownDatasets, 80, 11, 44, 2},
		{"heldout88", Low, knownDatasets, 85, 20, 47, 2},
		{"heldout88", Med, knownDatasets, 72, 6, 47, 2},
		{"heldout88", High, knownDatasets, 40, 2, 47, 2},
		{"heldout89", Low, knownDatasets, 246, 51, 86, 6},
		{"heldout89", Med, knownDatasets, 227, 27, 86, 6},
		{"heldout89", High, knownDatasets, 95, 10, 86, 6},
		{"heldout90", Low, knownDatasets, 178, 43, 45, 4},
		{"heldout90", Med, knownDatasets, 163, 26, 45, 4},
		{"heldout90", High, knownDatasets, 88, 13, 45, 4},
		// heldout91…heldout95 were labelled before round 44, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout91", Low, knownDatasets, 188, 19, 55, 3},
		{"heldout91", Med, knownDatasets, 185, 10, 55, 3},
		{"heldout91", High, knownDatasets, 107, 2, 55, 3},
		{"heldout92", Low, knownDatasets, 124, 14, 78, 3},
		{"heldout92", Med, knownDatasets, 119, 8, 78, 3},
		{"heldout92", High, knownDatasets, 54, 1, 78, 3},
		{"heldout93", Low, knownDatasets, 205, 33, 53, 3},
		{"heldout93", Med, knownDatasets, 190, 24, 53, 3},
		{"heldout93", High, knownDatasets, 77, 7, 53, 3},
		{"heldout94", Low, knownDatasets, 180, 28, 43, 0},
		{"heldout94", Med, knownDatasets, 153, 19, 43, 0},
		{"heldout94", High, knownDatasets, 70, 7, 43, 0},
		{"heldout95", Low, knownDatasets, 179, 24, 58, 2},
		{"heldout95", Med, knownDatasets, 172, 19, 58, 2},
		{"heldout95", High, knownDatasets, 95, 5, 58, 2},
		// heldout96…heldout99 were labelled before round 45, seeing no code,
		// and were its unseen sets (docs/extraction.md).
		{"heldout96", Low, knownDatasets, 184, 28, 46, 1},
		{"heldout96", Med, knownDatasets, 174, 9, 46, 1},
		{"heldout96", High, knownDatasets, 91, 2, 46, 1},
		{"heldout97", Low, knownDatasets, 118, 10, 57, 2},
		{"heldout97", Med, knownDatasets, 112, 10, 57, 2},
		{"heldout97", High, knownDatasets, 67, 3, 57, 2},
		{"heldout98", Low, knownDatasets, 238, 42, 55, 3},
		{"heldout98", Med, knownDatasets, 229, 30, 55, 3},
		{"heldout98", High, knownDatasets, 101, 4, 55, 3},
		{"heldout99", Low, knownDatasets, 160, 42, 41, 1},
		{"heldout99", Med, knownDatasets, 149, 33, 41, 1},
		{"heldout99", High, knownDatasets, 70, 6, 41, 1},
		// heldout100…heldout103 were labelled before round 46, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout100", Low, knownDatasets, 195, 39, 37, 1},
		{"heldout100", Med, knownDatasets, 176, 28, 37, 1},
		{"heldout100", High, knownDatasets, 93, 7, 37, 1},
		{"heldout101", Low, knownDatasets, 151, 13, 44, 0},
		{"heldout101", Med, knownDatasets, 135, 8, 44, 0},
		{"heldout101", High, knownDatasets, 56, 2, 44, 0},
		{"heldout102", Low, knownDatasets, 266, 49, 70, 4},
		{"heldout102", Med, knownDatasets, 248, 24, 70, 4},
		{"heldout102", High, knownDatasets, 107, 4, 70, 4},
		{"heldout103", Low, knownDatasets, 160, 16, 66, 4},
		{"heldout103", Med, knownDatasets, 149, 14, 66, 4},
		{"heldout103", High, knownDatasets, 88, 2, 66, 4},
		// heldout104 and heldout105 were labelled before round 47, seeing no
		// code, and were its unseen sets (round 47 was not kept;
		// docs/extraction.md).
		{"heldout104", Low, knownDatasets, 209, 17, 50, 2},
		{"heldout104", Med, knownDatasets, 197, 11, 50, 2},
		{"heldout104", High, knownDatasets, 86, 4, 50, 2},
		{"heldout105", Low, knownDatasets, 209, 11, 59, 3},
		{"heldout105", Med, knownDatasets, 203, 6, 59, 3},
		{"heldout105", High, knownDatasets, 90, 2, 59, 3},
		// heldout106…heldout109 were labelled before round 48, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout106", Low, knownDatasets, 187, 21, 51, 1},
		{"heldout106", Med, knownDatasets, 174, 11, 51, 1},
		{"heldout106", High, knownDatasets, 90, 4, 51, 1},
		{"heldout107", Low, knownDatasets, 135, 14, 69, 3},
		{"heldout107", Med, knownDatasets, 130, 9, 69, 3},
		{"heldout107", High, knownDatasets, 69, 2, 69, 3},
		{"heldout108", Low, knownDatasets, 252, 54, 80, 11},
		{"heldout108", Med, knownDatasets, 238, 38, 80, 11},
		{"heldout108", High, knownDatasets, 104, 10, 80, 11},
		{"heldout109", Low, knownDatasets, 147, 31, 77, 7},
		{"heldout109", Med, knownDatasets, 138, 20, 77, 7},
		{"heldout109", High, knownDatasets, 70, 2, 77, 7},
		// heldout110…heldout113 were labelled before round 49, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout110", Low, knownDatasets, 169, 23, 45, 3},
		{"heldout110", Med, knownDatasets, 157, 8, 45, 3},
		{"heldout110", High, knownDatasets, 67, 4, 45, 3},
		{"heldout111", Low, knownDatasets, 148, 27, 55, 4},
		{"heldout111", Med, knownDatasets, 131, 7, 55, 4},
		{"heldout111", High, knownDatasets, 70, 5, 55, 4},
		{"heldout112", Low, knownDatasets, 220, 31, 53, 6},
		{"heldout112", Med, knownDatasets, 195, 22, 53, 6},
		{"heldout112", High, knownDatasets, 89, 6, 53, 6},
		{"heldout113", Low, knownDatasets, 252, 55, 67, 4},
		{"heldout113", Med, knownDatasets, 234, 35, 67, 4},
		{"heldout113", High, knownDatasets, 90, 9, 67, 4},
		// heldout114…heldout117 were labelled before round 50, seeing no
		// code, and were its unseen sets (round 50 was not kept;
		// docs/extraction.md).
		{"heldout114", Low, knownDatasets, 186, 39, 62, 6},
		{"heldout114", Med, knownDatasets, 174, 27, 62, 6},
		{"heldout114", High, knownDatasets, 84, 11, 62, 6},
		{"heldout115", Low, knownDatasets, 137, 13, 62, 0},
		{"heldout115", Med, knownDatasets, 125, 8, 62, 0},
		{"heldout115", High, knownDatasets, 67, 2, 62, 0},
		{"heldout116", Low, knownDatasets, 244, 57, 70, 2},
		{"heldout116", Med, knownDatasets, 222, 35, 70, 2},
		{"heldout116", High, knownDatasets, 100, 2, 70, 2},
		{"heldout117", Low, knownDatasets, 233, 39, 68, 2},
		{"heldout117", Med, knownDatasets, 216, 32, 68, 2},
		{"heldout117", High, knownDatasets, 92, 11, 68, 2},
		// heldout118…heldout121 were labelled before round 51, seeing no
		// code, and were its unseen sets (docs/extraction.md).
		{"heldout118", Low, knownDatasets, 189, 29, 60, 3},
		{"heldout118", Med, knownDatasets, 175, 18, 60, 3},
		{"heldout118", High, knownDatasets, 76, 7, 60, 3},
		{"heldout119", Low, knownDatasets, 174, 20, 57, 3},
		{"heldout119", Med, knownDatasets, 160, 11, 57, 3},
		{"heldout119", High, knownDatasets, 74, 7, 57, 3},
		{"heldout120", Low, knownDatasets, 270, 51, 77, 4},
		{"heldout120", Med, knownDatasets, 246, 25, 77, 4},
		{"heldout120", High, knownDatasets, 113, 4, 77, 4},
		{"heldout121", Low, knownDatasets, 209, 28, 83, 6},
		{"heldout121", Med, knownDatasets, 195, 26, 83, 6},
		{"heldout121", High, knownDatasets, 85, 7, 83, 6},
		// heldout122…heldout125 were labelled while round 51 was worked on,
		// seeing no code, and read by no rule's author; they were round 52's
		// unseen sets, and the choice of its rules rested on them
		// (docs/extraction.md).
		{"heldout122", Low, knownDatasets, 198, 19, 48, 2},
		{"heldout122", Med, knownDatasets, 187, 9, 48, 2},
		{"heldout122", High, knownDatasets, 109, 0, 48, 2},
		{"heldout123", Low, knownDatasets, 144, 37, 57, 2},
		{"heldout123", Med, knownDatasets, 133, 27, 57, 2},
		{"heldout123", High, knownDatasets, 79, 12, 57, 2},
		{"heldout124", Low, knownDatasets, 249, 54, 69, 9},
		{"heldout124", Med, knownDatasets, 227, 34, 69, 9},
		{"heldout124", High, knownDatasets, 109, 12, 69, 9},
		{"heldout125", Low, knownDatasets, 226, 27, 82, 4},
		{"heldout125", Med, knownDatasets, 210, 22, 82, 4},
		{"heldout125", High, knownDatasets, 98, 8, 82, 4},
		// heldout126…heldout129 were labelled while round 52 was worked on,
		// seeing no code, and read by no rule's author; they were round 53's
		// unseen sets, and the choice of its rules rested on them
		// (docs/extraction.md).
		{"heldout126", Low, knownDatasets, 192, 25, 53, 4},
		{"heldout126", Med, knownDatasets, 176, 13, 53, 4},
		{"heldout126", High, knownDatasets, 77, 0, 53, 4},
		{"heldout127", Low, knownDatasets, 158, 15, 47, 3},
		{"heldout127", Med, knownDatasets, 144, 10, 47, 3},
		{"heldout127", High, knownDatasets, 76, 3, 47, 3},
		{"heldout128", Low, knownDatasets, 265, 62, 85, 7},
		{"heldout128", Med, knownDatasets, 242, 46, 85, 7},
		{"heldout128", High, knownDatasets, 108, 13, 85, 7},
		{"heldout129", Low, knownDatasets, 248, 30, 84, 4},
		{"heldout129", Med, knownDatasets, 228, 25, 84, 4},
		{"heldout129", High, knownDatasets, 109, 10, 84, 4},
		// heldout130…heldout133 were labelled while round 53 was worked on,
		// seeing no code, and read by no rule's author; they were round 54's
		// unseen sets (docs/extraction.md).
		{"heldout130", Low, knownDatasets, 123, 34, 42, 2},
		{"heldout130", Med, knownDatasets, 110, 19, 42, 2},
		{"heldout130", High, knownDatasets, 59, 7, 42, 2},
		{"heldout131", Low, knownDatasets, 147, 30, 48, 1},
		{"heldout131", Med, knownDatasets, 134, 15, 48, 1},
		{"heldout131", High, knownDatasets, 65, 6, 48, 1},
		{"heldout132", Low, knownDatasets, 193, 74, 72, 3},
		{"heldout132", Med, knownDatasets, 176, 31, 72, 3},
		{"heldout132", High, knownDatasets, 90, 11, 72, 3},
		{"heldout133", Low, knownDatasets, 161, 57, 70, 4},
		{"heldout133", Med, knownDatasets, 151, 36, 70, 4},
		{"heldout133", High, knownDatasets, 73, 3, 70, 4},
		// heldout134…heldout137 were labelled while round 54 was worked on,
		// seeing no code, and read by no rule's author; they were round 55's
		// unseen sets (docs/extraction.md).
		{"heldout134", Low, knownDatasets, 181, 34, 47, 4},
		{"heldout134", Med, knownDatasets, 159, 22, 47, 4},
		{"heldout134", High, knownDatasets, 80, 6, 47, 4},
		{"heldout135", Low, knownDatasets, 133, 40, 46, 3},
		{"heldout135", Med, knownDatasets, 115, 27, 46, 3},
		{"heldout135", High, knownDatasets, 57, 12, 46, 3},
		{"heldout136", Low, knownDatasets, 254, 70, 74, 5},
		{"heldout136", Med, knownDatasets, 229, 48, 74, 5},
		{"heldout136", High, knownDatasets, 89, 11, 74, 5},
		{"heldout137", Low, knownDatasets, 168, 39, 63, 2},
		{"heldout137", Med, knownDatasets, 155, 18, 63, 2},
		{"heldout137", High, knownDatasets, 81, 3, 63, 2},
		// heldout138…heldout141 were labelled while round 55 was worked on,
		// seeing no code, and read by no rule's author; their rows are on
		// round 55's extractor, and they were round 56's unseen sets
		// (docs/extraction.md), which kept nothing.
		{"heldout138", Low, knownDatasets, 124, 27, 50, 4},
		{"heldout138", Med, knownDatasets, 117, 18, 50, 4},
		{"heldout138", High, knownDatasets, 63, 7, 50, 4},
		{"heldout139", Low, knownDatasets, 128, 20, 49, 1},
		{"heldout139", Med, knownDatasets, 117, 9, 49, 1},
		{"heldout139", High, knownDatasets, 59, 1, 49, 1},
		{"heldout140", Low, knownDatasets, 176, 61, 78, 5},
		{"heldout140", Med, knownDatasets, 156, 48, 78, 5},
		{"heldout140", High, knownDatasets, 81, 15, 78, 5},
		{"heldout141", Low, knownDatasets, 134, 37, 55, 1},
		{"heldout141", Med, knownDatasets, 120, 15, 55, 1},
		{"heldout141", High, knownDatasets, 55, 4, 55, 1},
		// heldout142…heldout145 were labelled while round 56 was worked on,
		// seeing no code, and read by no rule's author; their rows are on
		// round 55's extractor (round 56 kept nothing), and they are the
		// next round's unseen sets.
		{"heldout142", Low, knownDatasets, 150, 24, 52, 5},
		{"heldout142", Med, knownDatasets, 147, 16, 52, 5},
		{"heldout142", High, knownDatasets, 76, 4, 52, 5},
		{"heldout143", Low, knownDatasets, 135, 12, 60, 1},
		{"heldout143", Med, knownDatasets, 126, 7, 60, 1},
		{"heldout143", High, knownDatasets, 60, 1, 60, 1},
		{"heldout144", Low, knownDatasets, 236, 53, 64, 4},
		{"heldout144", Med, knownDatasets, 221, 38, 64, 4},
		{"heldout144", High, knownDatasets, 99, 6, 64, 4},
		{"heldout145", Low, knownDatasets, 144, 39, 60, 3},
		{"heldout145", Med, knownDatasets, 136, 30, 60, 3},
		{"heldout145", High, knownDatasets, 65, 8, 60, 3},
	}
	for _, tt := range tests {
		name := tt.set + "/" + tt.min
		if len(tt.known) > 0 && tt.known[0].Metric == "" {
			name += "/no-default-metrics"
		}
		t.Run(name, func(t *testing.T) {
			sc, unk := evaluateAt(t, tt.set, tt.known, tt.min)
			if sc.TruePos < tt.right || sc.FalsePos > tt.wrong {
				t.Errorf("scores: %s: want at least %d right and at most %d wrong", sc, tt.right, tt.wrong)
			}
			if unk.TruePos < tt.uRight || unk.FalsePos > tt.uWrong {
				t.Errorf("unknown datasets: %s: want at least %d right and at most %d wrong", unk, tt.uRight, tt.uWrong)
			}
		})
	}
}
