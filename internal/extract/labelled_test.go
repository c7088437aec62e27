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
// was. Raise a floor when a change earns it.
func TestSetFloors(t *testing.T) {
	tests := []struct {
		set, min       string
		known          []Dataset
		right, wrong   int // scores
		uRight, uWrong int // unknown datasets
	}{
		{"labelled", Low, knownDatasets, 113, 2, 16, 0},
		{"labelled", Med, knownDatasets, 105, 2, 16, 0},
		{"labelled", High, knownDatasets, 66, 0, 16, 0},
		// A caller that gives no dataset a default metric.
		{"labelled", Low, withoutDefaultMetrics(), 109, 2, 16, 0},
		{"labelled", Med, withoutDefaultMetrics(), 100, 2, 16, 0},
		{"heldout", Low, knownDatasets, 45, 1, 6, 2},
		{"heldout", Med, knownDatasets, 45, 0, 6, 2},
		{"heldout", High, knownDatasets, 22, 0, 6, 2},
		{"heldout2", Low, knownDatasets, 37, 4, 6, 0},
		{"heldout2", Med, knownDatasets, 37, 0, 6, 0},
		{"heldout2", High, knownDatasets, 15, 0, 6, 0},
		{"heldout3", Low, knownDatasets, 48, 6, 4, 1},
		{"heldout3", Med, knownDatasets, 45, 0, 4, 1},
		{"heldout3", High, knownDatasets, 15, 0, 4, 1},
		{"heldout4", Low, knownDatasets, 58, 6, 31, 0},
		{"heldout4", Med, knownDatasets, 57, 5, 31, 0},
		{"heldout4", High, knownDatasets, 26, 3, 31, 0},
		{"heldout4", Med, withoutDefaultMetrics(), 48, 6, 31, 0},
		// heldout5…heldout8 were each scored as unseen sets and are now
		// used for development too.
		{"heldout5", Low, knownDatasets, 73, 6, 28, 1},
		{"heldout5", Med, knownDatasets, 71, 2, 28, 1},
		{"heldout5", High, knownDatasets, 44, 0, 28, 1},
		{"heldout6", Low, knownDatasets, 66, 6, 32, 2},
		{"heldout6", Med, knownDatasets, 57, 1, 32, 2},
		{"heldout6", High, knownDatasets, 33, 1, 32, 2},
		{"heldout7", Low, knownDatasets, 66, 11, 15, 2},
		{"heldout7", Med, knownDatasets, 66, 1, 15, 2},
		{"heldout7", High, knownDatasets, 44, 1, 15, 2},
		{"heldout8", Low, knownDatasets, 51, 13, 19, 2},
		{"heldout8", Med, knownDatasets, 50, 8, 19, 2},
		{"heldout8", High, knownDatasets, 34, 3, 19, 2},
		// heldout9 was scored once as the unseen set of round 6, then used
		// for development in round 7.
		{"heldout9", Low, knownDatasets, 134, 7, 43, 1},
		{"heldout9", Med, knownDatasets, 133, 5, 43, 1},
		{"heldout9", High, knownDatasets, 65, 2, 43, 1},
		// heldout10 was scored once as the unseen set of round 7, then used
		// for development in round 8, as heldout9 was again.
		{"heldout10", Low, knownDatasets, 133, 18, 44, 3},
		{"heldout10", Med, knownDatasets, 135, 6, 44, 3},
		{"heldout10", High, knownDatasets, 65, 1, 44, 3},
		// heldout11 was scored once as the unseen set of round 8; a round
		// built from its failures was not kept (README, round 9).
		{"heldout11", Low, knownDatasets, 95, 32, 30, 2},
		{"heldout11", Med, knownDatasets, 95, 21, 30, 2},
		{"heldout11", High, knownDatasets, 41, 8, 30, 2},
		// heldout12, heldout13 and heldout14 were each scored once as the
		// unseen set of rounds 9, 10 and 12 (README); held to what the
		// extractor does on them now, so that no later round loses there.
		{"heldout12", Low, knownDatasets, 88, 61, 40, 4},
		{"heldout12", Med, knownDatasets, 85, 16, 40, 4},
		{"heldout12", High, knownDatasets, 40, 2, 40, 4},
		{"heldout13", Low, knownDatasets, 83, 54, 46, 3},
		{"heldout13", Med, knownDatasets, 81, 18, 46, 2},
		{"heldout13", High, knownDatasets, 35, 3, 46, 3},
		{"heldout14", Low, knownDatasets, 123, 33, 51, 2},
		{"heldout14", Med, knownDatasets, 122, 22, 51, 2},
		{"heldout14", High, knownDatasets, 43, 4, 51, 2},
		// heldout15 was the unseen set of rounds 13, 14 and 15, scored
		// once after each; held to what the extractor does on it after
		// round 15, the one kept (README).
		{"heldout15", Low, knownDatasets, 133, 37, 37, 3},
		{"heldout15", Med, knownDatasets, 126, 26, 37, 3},
		{"heldout15", High, knownDatasets, 42, 7, 37, 3},
		// heldout16 was the unseen set of round 18, scored once after it
		// (not kept); held to what the extractor does on it (README).
		{"heldout16", Low, knownDatasets, 95, 39, 32, 2},
		{"heldout16", Med, knownDatasets, 86, 28, 32, 1},
		{"heldout16", High, knownDatasets, 34, 7, 32, 2},
		// heldout17 was labelled by hand before round 19 and was its
		// unseen set, scored once before and once after it (README).
		{"heldout17", Low, knownDatasets, 102, 14, 48, 1},
		{"heldout17", Med, knownDatasets, 93, 8, 48, 1},
		{"heldout17", High, knownDatasets, 50, 1, 48, 1},
		// heldout18 was labelled by hand before round 20 and was its
		// unseen set, scored once before and once after it; rounds 21
		// and 22 then trained on it (README).
		{"heldout18", Low, knownDatasets, 129, 28, 65, 5},
		{"heldout18", Med, knownDatasets, 126, 16, 65, 5},
		{"heldout18", High, knownDatasets, 55, 5, 65, 5},
		// heldout19 was labelled by hand before round 21 and was its
		// unseen set (round 21 was not kept); round 22 trained on it.
		{"heldout19", Low, knownDatasets, 127, 24, 58, 3},
		{"heldout19", Med, knownDatasets, 119, 20, 58, 3},
		{"heldout19", High, knownDatasets, 55, 2, 58, 3},
		// heldout20 was labelled by hand before round 22 and was its
		// unseen set, scored once before and once after it (README);
		// round 23 trained on it.
		{"heldout20", Low, knownDatasets, 107, 21, 58, 2},
		{"heldout20", Med, knownDatasets, 102, 13, 58, 2},
		{"heldout20", High, knownDatasets, 43, 4, 58, 2},
		// heldout21 was labelled by hand before round 23 and was its
		// unseen set, scored once before and once after it (README).
		{"heldout21", Low, knownDatasets, 87, 31, 94, 2},
		{"heldout21", Med, knownDatasets, 77, 27, 94, 2},
		{"heldout21", High, knownDatasets, 40, 14, 94, 2},
		// heldout22 was labelled by hand before round 24 and was its
		// unseen set (round 24 was not kept; README).
		{"heldout22", Low, knownDatasets, 118, 39, 48, 3},
		{"heldout22", Med, knownDatasets, 102, 21, 48, 3},
		{"heldout22", High, knownDatasets, 36, 11, 48, 3},
		// heldout23 and heldout24 were labelled by hand, under LABELLING.md,
		// before round 25 and were its unseen sets, then trained round 26
		// (README); held at what round 26 reaches on them.
		{"heldout23", Low, knownDatasets, 150, 30, 54, 1},
		{"heldout23", Med, knownDatasets, 146, 18, 54, 1},
		{"heldout23", High, knownDatasets, 76, 10, 54, 1},
		{"heldout24", Low, knownDatasets, 160, 35, 61, 2},
		{"heldout24", Med, knownDatasets, 150, 22, 61, 2},
		{"heldout24", High, knownDatasets, 58, 4, 61, 2},
		// heldout25 and heldout26 were labelled by hand, under LABELLING.md,
		// before round 26 and were its unseen sets (README).
		{"heldout25", Low, knownDatasets, 110, 47, 60, 5},
		{"heldout25", Med, knownDatasets, 104, 21, 60, 5},
		{"heldout25", High, knownDatasets, 50, 4, 60, 5},
		{"heldout26", Low, knownDatasets, 140, 37, 49, 1},
		{"heldout26", Med, knownDatasets, 135, 28, 49, 1},
		{"heldout26", High, knownDatasets, 64, 3, 49, 1},
		// heldout27…heldout30 were labelled by hand, under LABELLING.md,
		// before round 27 and were its unseen sets (README); held at what
		// round 27 reaches on them, heldout27 and heldout28 at what round
		// 28, which trained on them, reaches, heldout29 and heldout30 at
		// what round 29, which trained on them, reaches.
		{"heldout27", Low, knownDatasets, 163, 26, 42, 4},
		{"heldout27", Med, knownDatasets, 143, 15, 42, 4},
		{"heldout27", High, knownDatasets, 76, 0, 42, 4},
		{"heldout28", Low, knownDatasets, 164, 28, 54, 3},
		{"heldout28", Med, knownDatasets, 149, 17, 54, 3},
		{"heldout28", High, knownDatasets, 63, 3, 54, 3},
		{"heldout29", Low, knownDatasets, 148, 29, 54, 4},
		{"heldout29", Med, knownDatasets, 137, 22, 54, 4},
		{"heldout29", High, knownDatasets, 66, 7, 54, 4},
		{"heldout30", Low, knownDatasets, 156, 23, 63, 0},
		{"heldout30", Med, knownDatasets, 146, 20, 63, 0},
		{"heldout30", High, knownDatasets, 51, 5, 63, 0},
		// heldout31 and heldout32 were labelled by hand, under LABELLING.md,
		// after round 27 and before round 28, and were its unseen sets
		// (README); held at what round 28 reaches on them.
		{"heldout31", Low, knownDatasets, 137, 19, 44, 5},
		{"heldout31", Med, knownDatasets, 132, 12, 44, 5},
		{"heldout31", High, knownDatasets, 58, 3, 44, 5},
		{"heldout32", Low, knownDatasets, 140, 21, 54, 2},
		{"heldout32", Med, knownDatasets, 133, 13, 54, 2},
		{"heldout32", High, knownDatasets, 58, 1, 54, 2},
		// heldout33 and heldout34 were labelled by hand, under LABELLING.md,
		// after round 28 and before round 29, and were its unseen sets
		// (README); held at what round 29 reaches on them.
		{"heldout33", Low, knownDatasets, 110, 8, 42, 1},
		{"heldout33", Med, knownDatasets, 104, 6, 42, 1},
		{"heldout33", High, knownDatasets, 58, 2, 42, 1},
		{"heldout34", Low, knownDatasets, 96, 15, 38, 0},
		{"heldout34", Med, knownDatasets, 81, 12, 38, 0},
		{"heldout34", High, knownDatasets, 43, 3, 38, 0},
		// heldout35…heldout40 were labelled by hand, under LABELLING.md,
		// after round 29 and before round 30's code, and were its unseen
		// sets (README); held at what round 30 reaches on them.
		{"heldout35", Low, knownDatasets, 95, 16, 46, 2},
		{"heldout35", Med, knownDatasets, 89, 10, 46, 2},
		{"heldout35", High, knownDatasets, 51, 3, 46, 2},
		{"heldout36", Low, knownDatasets, 104, 20, 46, 4},
		{"heldout36", Med, knownDatasets, 98, 17, 46, 4},
		{"heldout36", High, knownDatasets, 50, 9, 46, 4},
		{"heldout37", Low, knownDatasets, 174, 36, 51, 7},
		{"heldout37", Med, knownDatasets, 164, 24, 51, 7},
		{"heldout37", High, knownDatasets, 67, 4, 51, 7},
		{"heldout38", Low, knownDatasets, 115, 8, 38, 5},
		{"heldout38", Med, knownDatasets, 106, 5, 38, 5},
		{"heldout38", High, knownDatasets, 51, 1, 38, 5},
		{"heldout39", Low, knownDatasets, 147, 30, 43, 4},
		{"heldout39", Med, knownDatasets, 135, 23, 43, 4},
		{"heldout39", High, knownDatasets, 70, 10, 43, 4},
		{"heldout40", Low, knownDatasets, 101, 35, 25, 5},
		{"heldout40", Med, knownDatasets, 95, 25, 25, 5},
		{"heldout40", High, knownDatasets, 52, 4, 25, 5},
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
