package extract

import (
	"regexp"
	"strings"
)

var (
	// scoreModifier may stand between a number and its metric: "68.4% 5-shot accuracy".
	scoreModifier = regexp.MustCompile(`^(?i:(?:zero|few|one|\d+)-shot|linear[- ]prob(?:e|ing)|fine-?tun(?:ed|ing)|average|mean|overall|test|val|validation|macro|micro|weighted)\s+`)
	// cleanModifier may stand between a number and its metric in a sentence
	// that also names robust accuracy: "58.9% robust accuracy ..., with
	// 76.8% clean top-1 accuracy". Against robust accuracy, the accuracy
	// on unperturbed images is the plain metric.
	cleanModifier = regexp.MustCompile(`^(?i:clean)\s+`)
	// cueFiller may stand between a metric and its number: "Rank-1 accuracy is 63.0%", "an F1 of 80.2",
	// "a CIDEr score of 143.6", "the corresponding mAP values are 71.6%", and
	// a hedge: "an MCC of only 0.806"; also the datasets counted ("Rank-1 on
	// the three datasets is 73.4%, 63.5% and 60.2%").
	cueFiller = regexp.MustCompile(`(?i)(?:\b(?:(?:on|across)\s+the\s+(?:` + strings.Join(spelledCounts, "|") + `)\s+(?:` + strings.Join(collectionWords, "|") + `)|of|score|values?|is|was|are|were|reaches|reached|reaching|achieves|achieved|achieving|attains|attained|obtains|obtained|hits|scores|scored|at|to|rises|rose|reported|improves|improved|increases|increased|boosts|only|just|merely|about|nearly|roughly|approximately|around)|[=:(])\s*$`)
)

// findNumbers finds the numbers that could be scores, the metric written
// right next to each, and groups them into runs.
func (s *sentence) findNumbers(*paperContext) {
	s.nums = scanNumbers(s.text, func(start, end int) bool { return s.inDataset(start, end) || s.inCue(start, end) })
	for _, n := range s.nums {
		s.findOwnCue(n)
	}
	for _, n := range s.nums {
		n.version = s.versionOfDataset(n)
		n.parameter = beforeParameter.MatchString(window(s.text, n.start))
	}
	s.groupRuns()
	s.pairVersus()
}

// continualOf ends the text between a continual-learning metric and its
// value: "an average incremental accuracy of".
var continualOf = regexp.MustCompile(`\s+of\s*$`)

// continualCueOf returns the continual-learning metric written right
// before "of" and n, or nil.
func (s *sentence) continualCueOf(n *number) *cue {
	loc := continualOf.FindStringIndex(s.text[:n.start])
	if loc == nil {
		return nil
	}
	c := s.cueEndingAt(loc[0])
	if c == nil {
		return nil
	}
	if _, ok := continualMetrics[c.metric]; !ok || c.metric == "Forgetting" {
		return nil
	}
	return c
}

// findOwnCue finds the metric written next to n: after it ("81.2% top-1",
// "68.4% 5-shot accuracy") or before it ("top-1 accuracy of 81.2%").
func (s *sentence) findOwnCue(n *number) {
	pos := n.after
	for pos < len(s.text) && s.text[pos] == ' ' {
		pos++
	}
	for range 2 {
		if m := scoreModifier.FindString(s.text[pos:]); m != "" && s.cueAt(pos) == nil {
			pos += len(m)
		}
	}
	if m := cleanModifier.FindString(s.text[pos:]); m != "" && s.namesMetric("Robust accuracy") {
		pos += len(m)
	}
	if c := s.cueAt(pos); c != nil {
		if b := s.continualCueOf(n); b != nil && c.metric == "Top-1 accuracy" {
			// "an average incremental accuracy of 70.1% top-1": the
			// continual metric, measured in top-1, not plain top-1.
			n.cue = b
			return
		}
		n.cue, n.cueAfter = c, true
		return
	}
	before := strings.TrimRight(window(s.text, n.start), " ")
	offset := n.start - len(window(s.text, n.start))
	for range 3 {
		if s.cueEndingAt(offset+len(before)) != nil {
			break // "an F1 score of", "an Inception Score of": "score" is the metric's own
		}
		loc := cueFiller.FindStringIndex(before)
		if loc == nil {
			break
		}
		before = strings.TrimRight(before[:loc[0]], " ")
	}
	if c := s.cueEndingAt(offset + len(before)); c != nil && !s.cueWrittenAfter(c) {
		n.cue = c
		return
	}
	// A metric someone owns, on a dataset, that a copula ties to the
	// number: "Its MCC on Human OCR Ensembl is 0.683". The dataset stands
	// between the metric and its verb, as "from" follows it in a change
	// below.
	if m := copulaTail.FindStringIndex(window(s.text, n.start)); m != nil && !n.pct {
		if c := s.cueOnDatasetEndingAt(offset + m[0]); c != nil {
			n.cue = c
			return
		}
	}
	// A metric of a model that a copula ties to the number: "The AP50 of
	// SwiftDETR-L is 71.0", "the AP75 of our 24-epoch model is 56.7".
	if m := copulaTail.FindStringIndex(window(s.text, n.start)); m != nil && !n.pct {
		if c := s.cueOfOwnerEndingAt(offset + m[0]); c != nil {
			n.cue = c
			return
		}
	}
	// A change of a metric on a dataset: "raises box AP on COCO val2017
	// from 37.4 to 39.6" (the value after takes it too, in resolve.go). A
	// bare number needs it; a percentage would find it as the nearest
	// metric, but as borrowed, though it is written with the change as
	// much ("raises the Rank-1 on CUHK-PEDES from 70.1% to 73.4%"). A
	// dataset before the metric ("MMLU accuracy from") is read as the
	// metric's own (attachNamedMetrics) and left so.
	if m := changeFrom.FindStringIndex(before); m != nil {
		rest := trimSplit(strings.TrimRight(before[:m[0]], " "))
		// A percentage's metric may be the subject of the change: "top-1
		// accuracy goes from 82.1% to 82.5%". (A bare number is left to
		// need its metric written next to it: as the subject, the metric
		// says nothing of whose the value before is.)
		if v := changeVerbTail.FindStringIndex(rest); v != nil && n.pct {
			rest = trimSplit(strings.TrimRight(rest[:v[0]], " "))
		}
		if d := s.datasetEndingAt(offset + len(rest)); d != nil {
			rest = strings.TrimRight(before[:d.start-offset], " ")
			rest = strings.TrimSuffix(rest, " the")
			rest = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(rest, " on"), " in"), " ")
		}
		c := s.cueEndingAt(offset + len(rest))
		if c == nil && !n.pct && !n.rangeEnd {
			c = s.cueOfModel(offset + len(rest))
		}
		if c != nil && !s.cueWrittenAfter(c) && s.datasetEndingAt(len(strings.TrimRight(s.text[:c.start], " "))) == nil &&
			!nameBeforeCue(s.text[:c.start]) {
			n.cue = c
		}
	}
}

// cueOfModel returns the metric written before "of" and the model it is
// measured on, which ends at end: "raises the AP of a RetinaNet student
// with a ResNet-50 backbone from 37.4 to 40.9", "the F1 of a
// RoBERTa-base reader on SQuAD 2.0 from" (the dataset already cut). The
// words after "of" must name a model, and run to the change with no
// punctuation; else nil. (Whose the value before is, the methods pass
// reads from the same words: changedObject; so one model-like word only,
// as there.)
func (s *sentence) cueOfModel(end int) *cue {
	text := s.text[:end]
	of := strings.LastIndex(text, " of ")
	if of < 0 || strings.ContainsAny(text[of:], ",;:()") || len(strings.Fields(text[of:])) > maxOfObjectWords {
		return nil
	}
	models := 0
	for _, t := range s.toks[s.firstTokenAfter(of+4):s.firstTokenAfter(end)] {
		if strings.EqualFold(t.text, "with") {
			break // "of a RetinaNet student with ResNet-50": the part is no second model
		}
		if modelLike(t.text) && !s.blocked(t) {
			models++
		}
	}
	if models != 1 {
		return nil // "of a ResNet-50 RetinaNet": which is the model?
	}
	c := s.cueEndingAt(of)
	if c == nil || !plainArticles[strings.ToLower(lastWord(strings.TrimRight(s.text[:c.start], " ")))] {
		return nil // "the AP of": a metric the change is of, not "COCO AP of"
	}
	return c
}

// cueOfOwnerEndingAt returns the metric written as "the METRIC of OWNER"
// where the owner's words end at end: a few words after "of", with no
// punctuation and no number of their own, and the metric opening the
// sentence or after an article or a possessive ("The AP50 of SwiftDETR-L",
// "its AP50 of"); else nil.
func (s *sentence) cueOfOwnerEndingAt(end int) *cue {
	text := s.text[:end]
	of := strings.LastIndex(text, " of ")
	if of < 0 || strings.ContainsAny(text[of:], ",;:()") || len(strings.Fields(text[of:])) > maxOfObjectWords {
		return nil
	}
	for _, w := range strings.Fields(text[of+4:]) {
		if numberWord.MatchString(w) {
			return nil // "the AP of 8 of the models": no owner
		}
	}
	c := s.cueEndingAt(of)
	if c == nil || s.cueWrittenAfter(c) {
		return nil
	}
	lead := strings.TrimRight(s.text[:c.start], " ")
	if lead != "" && !plainArticles[strings.ToLower(lastWord(lead))] && !ownedCue(lead) {
		return nil
	}
	return c
}

// numberWord is a word that is a number: "8", "3.5", "12%".
var numberWord = regexp.MustCompile(`^\d+(?:\.\d+)?%?$`)

// maxOfObjectWords bounds the words from "of" to a change's "from": "of a
// RetinaNet student with a ResNet-50 backbone" is eight.
const maxOfObjectWords = 9

// copulaTail is the verb that ties a metric, named with its dataset
// before it, to the number after: "MCC on Human OCR Ensembl is".
var copulaTail = regexp.MustCompile(`\s+(?:is|was|stands\s+at|stood\s+at)\s*$`)

// cueOnDatasetEndingAt returns the metric written as "METRIC on DATASET"
// (or "in") whose dataset, with its split, ends at pos, or nil.
func (s *sentence) cueOnDatasetEndingAt(pos int) *cue {
	d := s.datasetEndingAt(len(trimSplit(s.text[:pos])))
	if d == nil {
		return nil
	}
	rest := strings.TrimSuffix(strings.TrimRight(s.text[:d.start], " "), " the")
	for _, p := range []string{" on", " in"} {
		if strings.HasSuffix(rest, p) {
			c := s.cueEndingAt(len(rest) - len(p))
			if c != nil && !s.cueWrittenAfter(c) && ownedCue(s.text[:c.start]) {
				return c
			}
		}
	}
	return nil
}

// cueOwners, before a metric, say whose value it is: "its MCC on".
var cueOwners = set("its", "whose", "their")

// ownedCue reports whether the text before a metric ends with a
// possessive, "its" or "ExplainDNA's": the value tied to the metric is
// someone's, not a figure of the data ("the accuracy on X is").
func ownedCue(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	if cueOwners[strings.ToLower(w)] {
		return true
	}
	_, pos := possessive(w)
	return pos
}

// nameBeforeCue reports whether the text before a metric ends with a
// name that is not a possessive: "ImageNet-A accuracy rises from" measures
// data the names pass may not know, so the metric is not read as the
// change's own; "ResNet-50's top-1 accuracy" is whose, not on what.
func nameBeforeCue(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	if _, pos := possessive(w); pos || strings.ContainsAny(w[len(w)-1:], ",;:()") {
		return false // "For the stronger RDE, Rank-1 ... improves from": an opening phrase
	}
	return modelLike(w)
}

// changeVerbs, after a metric and before "from", say the metric itself
// changes: "top-1 accuracy goes from 82.1% to 82.5%".
var changeVerbs = []string{"rises", "rose", "increases", "increased", "improves", "improved", "goes", "went",
	"moves", "moved", "climbs", "climbed", "jumps", "jumped", "grows", "grew", "falls", "fell", "drops",
	"dropped", "decreases", "decreased", "declines", "declined", "slips", "slipped", "changes", "changed"}

// changeVerbTail is a change verb, and an adverb, ending the text before "from".
var changeVerbTail = regexp.MustCompile(`\s+(?:` + strings.Join(changeVerbs, "|") + `)(?:\s+(?:only|further|steadily|sharply|slightly))?$`)

// changeFrom ends the text before the first value of a change; the split
// of the dataset before it is left to trimSplit: " on COCO val2017 from".
var changeFrom = regexp.MustCompile(`\s+from$`)

// datasetEndingAt returns the dataset whose name ends at pos, or nil.
func (s *sentence) datasetEndingAt(pos int) *mention {
	for i := range s.datasets {
		if s.datasets[i].end == pos {
			return &s.datasets[i]
		}
	}
	return nil
}

// cueWrittenAfter reports whether c is already the metric written after
// an earlier number: in "by 1.2% top-1 accuracy (80.1% vs. 78.9%)" the
// metric is 1.2%'s, not 80.1%'s.
func (s *sentence) cueWrittenAfter(c *cue) bool {
	for _, n := range s.nums {
		if n.cue == c && n.cueAfter {
			return true
		}
	}
	return false
}

// listGap separates the numbers of one list; an article may follow "and"
// when the next number brings its own metric ("74.8% accuracy and an MCC of 0.49").
var listGap = regexp.MustCompile(`^[\s,/&]*(?:(?:and|or)\s*(?:an?|the)?)?[\s,/]*$`)

// clauseJoin is ", and" between two numbers: a list of two has no comma
// before "and", so this starts a new clause ("HyenaDNA's 90.9%, and 96.2% on ...").
var clauseJoin = regexp.MustCompile(`^\s*,\s*and\b`)

// groupRuns groups numbers separated only by commas, "and", "or" or "/"
// (and the metrics written with them) into runs.
func (s *sentence) groupRuns() {
	var cur *run
	for i, n := range s.nums {
		join := false
		if cur != nil {
			prev := s.nums[i-1]
			switch {
			case prev.rangeEnd && n.rangeEnd && len(cur.nums) == 1:
				join = true // the two ends of one range
			case prev.rangeEnd || n.rangeEnd || n.from || prev.from:
				join = false
			case numEnd(prev) <= n.start:
				gapEnd := n.start
				if ownsCueBefore(n) {
					gapEnd = n.cue.start
				}
				gap := s.text[numEnd(prev):max(gapEnd, numEnd(prev))]
				// "75.3% zero-shot and 84.9% fine-tuned top-1 accuracy"
				if m := scoreModifier.FindString(strings.TrimLeft(gap, " ")); m != "" {
					gap = strings.TrimPrefix(strings.TrimLeft(gap, " "), m)
				}
				join = listGap.MatchString(gap) && !(len(cur.nums) == 1 && clauseJoin.MatchString(gap)) && !cueSideChanges(prev, n) &&
					!s.endsSlashList(cur, gap, n) && !s.directionPair(prev, n)
			}
		}
		if !join {
			cur = &run{start: n.start}
			s.runs = append(s.runs, cur)
		}
		cur.nums = append(cur.nums, n)
		cur.end = numEnd(n)
	}
}

// endsSlashList reports whether n, after gap, starts a list of its own
// after a list written with slashes: in "R@1/R@5/R@10 of 74.9/89.6/93.8
// and an mAP of 67.2" the slashes pair three metrics with three numbers,
// and 67.2 brings its own metric.
func (s *sentence) endsSlashList(cur *run, gap string, n *number) bool {
	if len(cur.nums) < 2 || strings.Contains(gap, "/") || n.cue == nil || n.cueAfter {
		return false
	}
	a, b := cur.nums[0], cur.nums[1]
	return numEnd(a) <= b.start && strings.Contains(s.text[numEnd(a):b.start], "/")
}

// versusGap joins two values compared with each other: "67.5% versus 60.2%".
var versusGap = regexp.MustCompile(`^\s*(?:versus|vs\.?|against)\s*$`)

// pairVersus links "A versus B on D": the dataset written after B is A's too.
func (s *sentence) pairVersus() {
	for i := 1; i < len(s.runs); i++ {
		a, b := s.runs[i-1], s.runs[i]
		if a.end <= b.start && len(a.nums) == len(b.nums) && versusGap.MatchString(s.text[a.end:b.start]) {
			a.versus = b
			if strings.HasSuffix(strings.TrimSpace(s.text[:a.start]), "(") {
				// "by 1.2% (80.1% vs. 78.9%)", "by +0.9% (90.2% vs. 91.1%)":
				// which value is whose, the bracket does not say.
				a.lowNote = "values compared in brackets"
				b.lowNote = a.lowNote
			}
		}
	}
}

// versionOfDataset reports whether n is the version that continues a
// dataset's name, as "1.1" in "85.8% F1 on SQuAD 1.1": a small bare
// decimal right after the name. A score written after a name has a unit,
// a metric or two digits before the point ("MMLU 70.6"). A version is no
// candidate; it still shows that an unknown name is a benchmark.
func (s *sentence) versionOfDataset(n *number) bool {
	if n.pct || n.cue != nil || !strings.Contains(n.raw, ".") || scoreShaped(n) {
		return false
	}
	for _, d := range s.datasets {
		if d.end < n.start && onlySpaces(s.text[d.end:n.start]) && n.start-d.end == 1 {
			return true
		}
	}
	return false
}

// cueSideChanges reports whether two numbers each written with a metric
// have it on different sides: "top-1 accuracy of 83.74 and top-5 accuracy
// of 97.18, 62.4 mAP on COCO" is two lists, and "on COCO" is only the
// second's.
func cueSideChanges(prev, n *number) bool {
	return ownsCueBefore(prev) && n.cue != nil && n.cueAfter
}

// directionPair reports whether prev is written with a retrieval direction
// alone and n with the other direction and the R@k they share: "58.3%
// image-to-text and 42.7% text-to-image R@1" are two scores, each with a
// metric of its own, in parallel (shareTrailingDatasets), not one list.
func (s *sentence) directionPair(prev, n *number) bool {
	if prev.cue == nil || n.cue == nil || !prev.cueAfter || !n.cueAfter || strings.Contains(s.text[prev.cue.start:prev.cue.end], "@") {
		return false
	}
	_, k1, ok1 := strings.Cut(prev.cue.metric, " R@")
	_, k2, ok2 := strings.Cut(n.cue.metric, " R@")
	return ok1 && ok2 && k1 == k2 && prev.cue.metric != n.cue.metric
}

// namesMetric reports whether the sentence names metric.
func (s *sentence) namesMetric(metric string) bool {
	for _, c := range s.cues {
		if c.metric == metric {
			return true
		}
	}
	return false
}
