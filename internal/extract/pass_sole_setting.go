package extract

import "strings"

// A value under a changed setting ("Under 20% noise, X keeps 74.1% Rank-1
// on CUHK-PEDES", "At 90% sparsity, X retains 70.2%") is held at "low":
// a leaderboard row is a plain score, and the paper may report the plain
// one elsewhere ("In the clean setting, it achieves 75.9%"). When the
// paper gives no other value of that method, dataset and metric, the
// setting's value is the score it reports for them (an attack budget, a
// noise rate, a compute limit, a protocol), and when nothing else about it
// is in doubt it goes to the queue at "med".

// settingNote is why a value under the sentence's changed setting is "low".
func settingNote(condition string) string {
	return "value under a changed setting (\"" + condition + "\")"
}

// promoteSoleSettings raises to "med" the candidates at the indexes given,
// which are "low" only for their sentence's changed setting, when no other
// candidate of the paper has the same method, dataset and metric.
func promoteSoleSettings(cs []Candidate, at []int) {
	if len(at) == 0 {
		return
	}
	seen := map[string]int{}
	for _, c := range cs {
		seen[soleSettingKey(c)]++
	}
	for _, i := range at {
		if seen[soleSettingKey(cs[i])] == 1 {
			cs[i].Confidence = Med
		}
	}
}

// soleSettingKey is a candidate's method (in any case), dataset and metric.
func soleSettingKey(c Candidate) string {
	return strings.Join([]string{strings.ToLower(c.Method), c.Dataset, c.Metric}, "|")
}
