package extract

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	conjunction = regexp.MustCompile(`(?i)\b(?:and|or|while|whereas|but|whilst)\b|;`)
	cueListText = regexp.MustCompile(`CUE(?:\s*(?:,|and|or|/)\s*CUE)+`)

	// A change written with a dataset at each end: "from 79.5% on MMLU
	// to 72.8% on MMLU-Fresh" (changeFromOn, between the first value and
	// its dataset; changeToOn, from that dataset to the second value).
	changeFromOn = regexp.MustCompile(`^\s+on\s+(?:the\s+)?$`)
	changeToOn   = regexp.MustCompile(`^\s+to\s+$`)
	// gappedChange opens a later clause that gives another change with its
	// verb and datasets left out: ", and Qwen2-72B from", ", while
	// Mistral-7B goes from"; changeToOn joins its two values too.
	gappedChange = regexp.MustCompile(`(?i)^\s*[,;]\s*(?:and|while|whereas|whilst)?\s*[^,;()]{1,60}?\s+from\s+$`)
	// pairOn joins two scores of one model, each on its dataset, that a
	// gapped change after them parallels: "82.3% on MMLU and 80.9% on
	// MMLU-Para", "86.4% on MMLU but only 90.1% on MMLU-Fix".
	pairOn = regexp.MustCompile(`(?i)^\s+(?:and|but)\s+(?:only\s+)?$`)
)

// splitNames name a split of a dataset, not other data: "on COCO
// val2017", "on test-dev", "LibriSpeech test-clean", "the dev set of
// SQuAD2.0". After a dataset's name it is that dataset; alone ("75.3 AP
// on val2017") it stands for the dataset the abstract is about.
var splitNames = set("train", "val", "validation", "test", "dev", "devtest", "minival", "testdev",
	"test-dev", "test-std", "test-challenge", "test-clean", "test-other", "dev-clean", "dev-other",
	"karpathy")

// splitYear is a split named with its year: "val2017", "test2017".
var splitYear = regexp.MustCompile(`^(?:train|val|test|minival|trainval)20\d\d$`)

// isSplitName reports whether a word, in lower case, names a split.
func isSplitName(w string) bool {
	return splitNames[w] || splitYear.MatchString(w)
}

// splitTail is what may follow a split's name: "set", "split", or a size
// ("the MSCOCO 5K test set").
var splitTail = regexp.MustCompile(`^(?:set|sets|split|\d+[Kk])$`)

// trimSplit cuts off the split named at the end of text, so that what is
// left ends with the dataset's name: "on COCO val2017" gives "on COCO", "on
// the MSCOCO 5K test set" gives "on the MSCOCO". Text with no split's name at
// its end is returned as it is.
func trimSplit(text string) string {
	cut, named := len(text), false
	for i := 0; i < 4; i++ {
		sp := strings.LastIndexByte(text[:cut], ' ')
		w := strings.ToLower(text[sp+1 : cut])
		if !isSplitName(w) && !splitTail.MatchString(w) {
			break
		}
		named = named || isSplitName(w)
		cut = max(sp, 0)
	}
	if !named {
		return text
	}
	return strings.TrimRight(text[:cut], " ")
}

// mentionLists groups datasets written as a list: "CUHK-PEDES, ICFG-PEDES and RSTPReid".
func (s *sentence) mentionLists() [][]*mention {
	var lists [][]*mention
	for i := range s.datasets {
		d := &s.datasets[i]
		if i > 0 {
			prev := &s.datasets[i-1]
			if listSep.MatchString(s.text[prev.end:d.start]) {
				lists[len(lists)-1] = append(lists[len(lists)-1], d)
				continue
			}
		}
		lists = append(lists, []*mention{d})
	}
	return lists
}

// listsOf reports whether run r is a list of k numbers, or several such
// lists written as one run, each after the first opened by a metric of its
// own and none with a metric inside: "Rank-1 of 72.8%, 62.1% and 59.4% and
// mAP of 65.0%, 36.7% and 46.1%" is two lists of three.
func listsOf(r *run, k int) bool {
	if len(r.nums) == k {
		return true
	}
	if k < 2 || len(r.nums)%k != 0 {
		return false
	}
	for i, n := range r.nums {
		if i > 0 && ownsCueBefore(n) != (i%k == 0) {
			return false
		}
	}
	return true
}

// wordsIn counts the words of text, not the punctuation written apart
// from them: ", the 4-bit X achieves Rank-1 of" is six words. It measures
// the gap after a list that opens a clause ("On A, B and C, X achieves
// ..."), whose comma is how such a clause is opened; after the numbers a
// comma instead closes their clause, so runBefore counts it.
func wordsIn(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// runBefore returns the nearest run of k numbers (or of several lists of
// k, see listsOf) ending before pos, with nothing but a few words between,
// and no semicolon: a list after one opens the next clause ("...; on A and
// B it reaches 66.3% and 64.2%").
func (s *sentence) runBefore(pos, k int) *run {
	for i := len(s.runs) - 1; i >= 0; i-- {
		r := s.runs[i]
		if r.end > pos {
			continue
		}
		if listsOf(r, k) && len(strings.Fields(s.text[r.end:pos])) <= 6 && !strings.Contains(s.text[r.end:pos], ";") {
			return r
		}
		return nil
	}
	return nil
}

// runAfter returns the nearest run of k numbers (or of several lists of
// k, see listsOf) starting after pos, with nothing but a few words between.
func (s *sentence) runAfter(pos, k int) *run {
	for _, r := range s.runs {
		if r.start < pos {
			continue
		}
		if !listsOf(r, k) {
			return nil
		}
		gap := s.text[pos:r.start]
		if wordsIn(gap) <= 6 {
			return r
		}
		// Several lists whose first opens with its own metric ("On A, B
		// and C, X achieves Rank-1 of 72.8%, 62.1% and 59.4% and mAP of
		// 65.0%, 36.7% and 46.1%") have that metric in the gap: two words
		// more are allowed.
		if len(r.nums) > k && ownsCueBefore(r.nums[0]) && wordsIn(gap) <= 8 {
			return r
		}
		return nil
	}
	return nil
}

// attachDatasets maps a list of k datasets onto a run of k numbers ("71.3%,
// 62.0% and 55.4% on A, B and C, respectively"), then decides which run
// each other dataset belongs to. A dataset
// written after a run, with a few words and no conjunction between
// ("81.2% top-1 accuracy on ImageNet"), belongs to that run. Any other
// dataset opens a topic for the runs after it ("On ImageNet, X reaches 81.2%",
// "and on RSTPReid 64.1%").
func (s *sentence) attachDatasets(ctx *paperContext) {
	s.attachKeyedItems()
	s.attachNamedMetrics()
	s.attachCountedDatasets(ctx)
	for _, l := range s.mentionLists() {
		if len(l) < 2 {
			continue
		}
		r := s.runBefore(l[0].start, len(l))
		if r == nil {
			r = s.runAfter(l[len(l)-1].end, len(l))
		}
		if r == nil {
			continue
		}
		for i, n := range r.nums {
			s.listDataset[n] = l[i%len(l)]
			l[i%len(l)].attachedTo = r
		}
		s.shareListWithLaterRuns(r, l, max(r.end, l[len(l)-1].end))
	}
	// "on CIFAR-100 (91.7%), Flowers (98.8%)": a score in brackets right
	// after a dataset is on it.
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.attachedTo != nil || d.training || !bracketedScore.MatchString(s.text[d.end:]) {
			continue
		}
		for _, r := range s.runs {
			if r.start > d.end && r.start <= d.end+4 {
				d.attachedTo = r
			}
		}
	}
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.attachedTo != nil || d.training {
			continue
		}
		if s.datasetOfBracket(d) {
			continue
		}
		var prev *run
		for _, r := range s.runs {
			if r.end <= d.start {
				prev = r
			}
		}
		if prev == nil || countLike(prev) {
			continue
		}
		// Another dataset between the run and this one takes the run.
		blockedBy := false
		for j := range s.datasets {
			o := &s.datasets[j]
			if o != d && o.start >= prev.end && o.end <= d.start {
				blockedBy = true
			}
		}
		if blockedBy {
			continue
		}
		if bracketThenComma.MatchString(s.text[prev.end:d.start]) && strings.Count(s.text[:prev.start], "(") > strings.Count(s.text[:prev.start], ")") {
			// "(84.0% top-1), COCO object detection", "(90.2% vs. 91.1%),
			// on SQuAD 2.0": a bracketed number takes no dataset after it.
			continue
		}
		if s.parallelItemOpener(prev, d) {
			continue
		}
		gap := s.withCuesMarked(prev.end, d.start)
		gap = cueListText.ReplaceAllString(gap, "CUE")
		if !conjunction.MatchString(gap) && len(strings.Fields(gap)) <= 6 {
			d.attachedTo = prev
		}
	}
	s.shareTrailingDatasets()
	s.shareGappedChange()
	s.shareChangeBefore(ctx.changeBefore)
	s.changeToBenchmark(ctx.benchmark)
}

// changeToBenchmark reads the value a change reaches from a score on a
// known dataset, with no dataset of its own, as on the paper's benchmark
// when that is a variant of the dataset: in an MMLU-Fresh paper, "drops
// from 71.9% on MMLU to 58.4%" is 58.4% on MMLU-Fresh.
func (s *sentence) changeToBenchmark(benchmark string) {
	if benchmark == "" {
		return
	}
	for i := 0; i+1 < len(s.runs); i++ {
		a, b := s.runs[i], s.runs[i+1]
		da := s.attachedMention(a)
		if da == nil || !da.known || da.start < a.end || b.start < da.end || len(a.nums) != 1 || len(b.nums) != 1 || b.shared != nil ||
			s.attachedMention(b) != nil || !endsWithWord(s.text[:a.start], "from") ||
			!changeFromOn.MatchString(s.text[a.end:da.start]) || !changeToOn.MatchString(s.text[da.end:b.start]) ||
			!strings.HasPrefix(benchmark, s.text[da.start:da.end]) {
			continue
		}
		b.shared = &mention{start: da.start, end: da.start, name: benchmark}
	}
}

// gappedPair returns the datasets, in order, of the last gapped change of
// the sentence (see shareGappedChange), or nil.
func (s *sentence) gappedPair() []*mention {
	for i := len(s.runs) - 1; i > 0; i-- {
		a, b := s.runs[i-1], s.runs[i]
		if a.gapped && b.gapped && a.shared != nil && b.shared != nil {
			return []*mention{a.shared, b.shared}
		}
	}
	return nil
}

// shareChangeBefore reads the one change of a sentence that names no
// dataset on the datasets of the gapped change of the sentence right
// before, in order: "GPT-4o scores 88.7% on MMLU but 91.4% on MMLU-Audit,
// and Llama 3.1 405B rises from 87.3% to 89.9%. Smaller models gain less:
// Llama 3.1 8B moves from 66.7% to 67.5%." (66.7% is on MMLU).
func (s *sentence) shareChangeBefore(pair []*mention) {
	if len(pair) != 2 || len(s.datasets) > 0 || len(s.runs) != 2 {
		return
	}
	a, b := s.runs[0], s.runs[1]
	if len(a.nums) != 1 || len(b.nums) != 1 || a.shared != nil || b.shared != nil ||
		!endsWithWord(s.text[:a.start], "from") || !changeToOn.MatchString(s.text[a.end:b.start]) {
		return
	}
	a.shared, b.shared = pair[0], pair[1]
}

// attachedMention returns the dataset attached to run r, if any.
func (s *sentence) attachedMention(r *run) *mention {
	for i := range s.datasets {
		if d := &s.datasets[i]; d.attachedTo == r {
			return d
		}
	}
	return nil
}

// shareGappedChange reads a change given with a dataset at each end and
// then, in a later clause, for another model with the datasets left out:
// "Llama 3 70B drops from 79.5% on MMLU to 72.8% on MMLU-Fresh, and
// Qwen2-72B from 82.3% to 74.6%". The gapped change's values are on the
// first change's datasets, in order: 82.3% on MMLU, 74.6% on MMLU-Fresh.
// So are the values of a gapped change after a pair of scores on two
// datasets: in "X scores 82.3% on MMLU and 80.9% on MMLU-Para, whereas Y
// falls from 62.5% to 56.4%", 62.5% is on MMLU.
func (s *sentence) shareGappedChange() {
	for i := 0; i+3 < len(s.runs); i++ {
		a, b, c, d := s.runs[i], s.runs[i+1], s.runs[i+2], s.runs[i+3]
		if len(a.nums) != 1 || len(b.nums) != 1 || len(c.nums) != 1 || len(d.nums) != 1 {
			continue
		}
		da, db := s.attachedMention(a), s.attachedMention(b)
		if da == nil || db == nil || s.attachedMention(c) != nil || s.attachedMention(d) != nil {
			continue
		}
		if da.start < a.end || b.start < da.end || db.start < b.end ||
			!changeFromOn.MatchString(s.text[a.end:da.start]) || !changeFromOn.MatchString(s.text[b.end:db.start]) {
			continue
		}
		change := endsWithWord(s.text[:a.start], "from") && changeToOn.MatchString(s.text[da.end:b.start])
		if !change && !pairOn.MatchString(s.text[da.end:b.start]) {
			continue
		}
		if !gappedChange.MatchString(s.text[db.end:c.start]) || !changeToOn.MatchString(s.text[c.end:d.start]) {
			continue
		}
		if s.datasetBetweenPos(db.end, c.start) || s.datasetBetweenPos(c.end, d.start) {
			continue
		}
		c.shared, d.shared = da, db
		c.gapped, d.gapped = true, true
	}
}

// endsWithWord reports whether text ends with the word w and a space.
func endsWithWord(text, w string) bool {
	t := strings.TrimRight(text, " ")
	return len(t) < len(text) && len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) &&
		(len(t) == len(w) || !unicode.IsLetter(rune(t[len(t)-len(w)-1])))
}

// collectionWords, after a count word, name the datasets a list of values
// is on, which the abstract named before: "on the three datasets", "across
// the two tasks". countedCollection is that phrase, its count captured.
var (
	collectionWords   = []string{"datasets", "benchmarks", "tasks"}
	countedCollection = `(?:on|across)\s+the\s+(\w+)\s+(?:` + strings.Join(collectionWords, "|") + `)`
)

// countedDatasetsAfter follows a run that is on as many datasets as the
// abstract named before it, counted, past a metric of a word or two: "...
// Rank-1 on the three datasets", "on the two tasks, respectively".
var countedDatasetsAfter = regexp.MustCompile(`^\s*(?:[\w@-]+\s+){0,2}?` + countedCollection + `\b`)

// namedDatasetsRespectively follows a run of as many numbers as the
// abstract named datasets before it, in a sentence that names none, said to
// be "respectively" past a metric of a word or two, or past "on them" or
// "on these (two) tasks": "With all labels it achieves 92.7% and 75.3%,
// respectively". With no list of its own, the sentence's "respectively"
// points back at the list the sentences before wrote.
var namedDatasetsRespectively = regexp.MustCompile(`^\s*(?:[\w@-]+\s+){0,2}?(?:(?:on|across)\s+(?:them|these(?:\s+\w+)?\s+(?:` +
	strings.Join(collectionWords, "|") + `))\s*)?,?\s*respectively\b`)

// countedDatasetsBefore ends the text before a run that a copula ties to
// a metric on as many datasets as the abstract named before, counted: "its
// Rank-1 on the three benchmarks is 62.3%, 48.9% and 55.4%".
var countedDatasetsBefore = regexp.MustCompile(`(?i)\b` + countedCollection + `\s+(?:is|are|was|were)\s*$`)

// attachCountedDatasets maps a run of k numbers followed by "on the k
// datasets" onto the datasets the sentences before named, in the order
// first written, when they named exactly k: "We inject noise into
// CUHK-PEDES, ICFG-PEDES and RSTPReid ... RoCo achieves 69.1%, 57.2% and
// 58.4% Rank-1 on the three datasets". A sentence that names a dataset of
// its own is not read so, unless it names it in a later clause ("...
// on the three benchmarks, the gains are largest on RSTPReid").
func (s *sentence) attachCountedDatasets(ctx *paperContext) {
	for _, r := range s.runs {
		k := len(r.nums)
		end, count := -1, 0
		if m := countedDatasetsAfter.FindStringSubmatch(s.text[r.end:]); m != nil {
			end, count = r.end+len(m[0]), countWords[strings.ToLower(m[1])]
		} else if m := namedDatasetsRespectively.FindString(s.text[r.end:]); m != "" &&
			allKnown(ctx.named) && !s.changeNounInClauseBefore(r.start) {
			// A name the catalogue does not hold may be no dataset at all
			// ("4D hypercorrelations"): the list pointed back at must be
			// the catalogue's. The run counts itself; the abstract's list
			// must be as long (below).
			end, count = r.end+len(m), k
		} else if m := countedDatasetsBefore.FindStringSubmatch(s.text[:r.start]); m != nil {
			end, count = r.end, countWords[strings.ToLower(m[1])] // "whose Rank-1 on the three datasets is 73.4%, 63.5% and 60.2%"
		}
		if r.dropped || k < 2 || end < 0 || count != k || len(ctx.named) != k ||
			s.namesOwnDataset(end) {
			continue
		}
		for i, n := range r.nums {
			s.listDataset[n] = ctx.named[i]
		}
		s.shareListWithLaterRuns(r, ctx.named, end)
	}
}

// changeNounInClauseBefore reports whether the clause before pos has a
// change noun, whose values are differences: "Compared with IRRA, the gains
// in Rank-1 are 3.9%, 4.5% and 6.0%, respectively".
func (s *sentence) changeNounInClauseBefore(pos int) bool {
	clause := s.text[strings.LastIndexAny(s.text[:pos], ",;:")+1 : pos]
	for _, w := range strings.Fields(clause) {
		if changeNouns[strings.ToLower(strings.Trim(w, "()\"'"))] {
			return true
		}
	}
	return false
}

// namesOwnDataset reports whether the sentence names a dataset other than
// training data before pos or in the clause pos ends in.
func (s *sentence) namesOwnDataset(pos int) bool {
	for _, d := range s.datasets {
		if !d.training && (d.start < pos || !strings.ContainsAny(s.text[pos:d.start], ",;")) {
			return true
		}
	}
	return false
}

// laterRunStop ends the parallel lists a dataset list is shared with: a
// contrast or a clause of its own.
var laterRunStop = regexp.MustCompile(`(?i)\b(?:while|whereas|but|than|over|versus|vs\.?|compared|against|outperform\w*|surpass\w*)\b|;`)

// shareListWithLaterRuns maps the datasets of list l, already mapped onto
// run r, onto each later run of as many numbers that brings a metric of
// its own and names no dataset, or several such lists in one run: "Rank-1 accuracies of 78.4%, 69.1% and
// 70.2% on A, B and C, mAP of 70.5%, 42.3% and 54.8%, and mINP of ...,
// respectively"; "..., and the corresponding mAP values are 71.6%, 42.7%
// and 56.3%". The lists are parallel; a run after a contrast is not.
// The lists after it start at from.
func (s *sentence) shareListWithLaterRuns(r *run, l []*mention, from int) {
	prevEnd := from
	contrasted := false
	for _, q := range s.runs {
		if q.start < prevEnd {
			continue
		}
		gap := s.text[prevEnd:q.start]
		if !contrasted && s.contrastedList(q, l, gap, prevEnd) {
			for i, n := range q.nums {
				s.listDataset[n] = l[i]
			}
			contrasted = true
			prevEnd = q.end
			continue
		}
		if len(q.nums)%len(l) != 0 || s.inDataset(prevEnd, q.start) || !s.inCue(prevEnd, q.start) ||
			laterRunStop.MatchString(gap) || len(strings.Fields(gap)) > 10 {
			return
		}
		for i, n := range q.nums {
			if s.listDataset[n] != nil || n.dropped {
				return
			}
			// A run may hold several such lists, each opened by its
			// metric: "70.5%, 42.3% and 54.8%, and mINP of 56.1%, ...".
			if i > 0 && i%len(l) == 0 && (n.cue == nil || n.cueAfter) {
				return
			}
		}
		for i, n := range q.nums {
			s.listDataset[n] = l[i%len(l)]
		}
		prevEnd = q.end
	}
}

// listContrast opens a clause whose values are set against the values
// of the clause before: "whereas", "while", "compared with", "versus".
var listContrast = regexp.MustCompile(`(?i)\b(?:while|whilst|whereas|versus|vs\.?|compared|against)\b`)

// contrastedList reports whether run q, after gap, is a list of as many
// values as list l that a contrast sets against the values mapped onto l,
// naming no dataset of its own: "... on A, B and C, whereas HyenaDNA
// reaches 73.5%, 94.1% and 79.2%", "accuracy is 90.1% and 80.6% on A and
// B, compared with 89.2% and 80.9% for HyenaDNA". Its values are on the
// datasets of l, in order.
func (s *sentence) contrastedList(q *run, l []*mention, gap string, from int) bool {
	if len(q.nums) != len(l) || len(l) < 2 || !listContrast.MatchString(gap) ||
		strings.Contains(gap, ";") || wordsIn(gap) > 12 {
		return false
	}
	if s.inDataset(from, len(s.text)) {
		return false
	}
	for _, n := range q.nums {
		if s.listDataset[n] != nil || n.dropped {
			return false
		}
	}
	return true
}

// itemEnd ends an item of a table written as prose: a comma, a semicolon,
// "and", or the end of the sentence.
var itemEnd = regexp.MustCompile(`^\s*(?:[,;.]|and\b|$)`)

// attachKeyedItems reads a table written as prose, whose items each name
// a dataset and then give its numbers: "Accuracy (%) per dataset: Mouse
// Enhancers 80.2, Coding vs Intergenomic 94.0, Human vs Worm 96.9", "CUHK-PEDES
// 74.6/89.9/93.8; ICFG-PEDES 64.2/80.1/85.7". Each run is its own item's,
// not the next item's. Two such items at least make the table: one alone
// ("SQuAD 2.0", "MMLU 70.6 and ...") is left to the rules below.
func (s *sentence) attachKeyedItems() {
	type item struct {
		d *mention
		r *run
	}
	var items []item
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.training {
			continue
		}
		for _, r := range s.runs {
			if r.start < d.end || !onlySpaces(strings.TrimSuffix(strings.TrimRight(s.text[d.end:r.start], " "), ":")) {
				continue
			}
			if r.nums[0].version || !itemEnd.MatchString(s.text[r.end:]) {
				break
			}
			items = append(items, item{d, r})
			break
		}
	}
	if len(items) < 2 {
		return
	}
	for _, it := range items {
		it.d.attachedTo = it.r
	}
}

// attachNamedMetrics reads a dataset written right before the metric that
// precedes a number: "a SQuAD 2.0 F1 of 92.2 and a RACE accuracy of 89.4",
// "the GLUE score to 89.4". The number is on that dataset, known or not,
// and on no other named in the sentence.
func (s *sentence) attachNamedMetrics() {
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.training || d.attachedTo != nil {
			continue
		}
		for _, r := range s.runs {
			c := r.nums[0].cue
			if c == nil || r.nums[0].cueAfter || c.start < d.end {
				continue
			}
			gap := strings.Fields(s.text[d.end:c.start])
			for len(gap) > 0 && splitWords[strings.ToLower(gap[0])] {
				gap = gap[1:]
			}
			if len(gap) == 0 {
				d.attachedTo = r
			}
			break
		}
	}
}

// parallelGap joins two runs of one metric written in parallel, each with
// its own qualifier: "49.4 AP in 12 epochs and 51.3 AP in 24 epochs on COCO".
var parallelGap = regexp.MustCompile(`^\s+(?:in|at|with|after|under|using)\s+[^,;]{1,30}?\s+and\s+$`)

// directionPairGap joins the two directions of one R@k, each with its
// score: "58.3% image-to-text and 42.7% text-to-image R@1".
var directionPairGap = regexp.MustCompile(`^\s+and\s+$`)

// shareTrailingDatasets gives a run with no dataset of its own the dataset
// written after the run parallel to it: "DINO achieves 49.4 AP in 12 epochs
// and 51.3 AP in 24 epochs on COCO" puts both on COCO. Both runs must have
// the same metric written with them, and no verb stands between, or be the
// two directions of one R@k ("58.3% image-to-text and 42.7% text-to-image
// R@1 on COCO").
func (s *sentence) shareTrailingDatasets() {
	for i := 1; i < len(s.runs); i++ {
		p, r := s.runs[i-1], s.runs[i]
		if len(p.nums) != 1 || len(r.nums) != 1 || p.end > r.start || s.hasDataset(p) {
			continue
		}
		pc, rc := s.ownCue(p.nums[0]), s.ownCue(r.nums[0])
		if pc == nil || rc == nil {
			continue
		}
		if !(pc.metric == rc.metric && parallelGap.MatchString(s.text[p.end:r.start]) ||
			s.directionPair(p.nums[0], r.nums[0]) && directionPairGap.MatchString(s.text[p.end:r.start])) {
			continue
		}
		for j := range s.datasets {
			if d := &s.datasets[j]; d.attachedTo == r {
				p.shared = d
			}
		}
	}
}

func (s *sentence) hasDataset(r *run) bool {
	for _, n := range r.nums {
		if s.listDataset[n] != nil {
			return true
		}
	}
	return s.attachedMention(r) != nil
}

// datasetOfBracket reports whether d is the next item of a list whose
// items carry their scores in brackets: "CIFAR-100 (91.7%), Flowers"
// does not give 91.7% to Flowers.
func (s *sentence) datasetOfBracket(d *mention) bool {
	for _, o := range s.datasets {
		r := o.attachedTo
		if r == nil || o.end >= d.start || r.end > d.start || !bracketedScore.MatchString(s.text[o.end:]) {
			continue
		}
		gap := strings.TrimLeft(s.text[r.end:d.start], " )%,")
		if gap == "" || strings.TrimSpace(gap) == "and" {
			return true
		}
	}
	return false
}

// countLike reports whether every number of r is a bare integer with no
// metric: a count ("44 representative benchmarks, e.g., ImageNet-1K"),
// which takes no dataset written after it.
func countLike(r *run) bool {
	for _, n := range r.nums {
		if n.pct || n.cue != nil || strings.Contains(n.raw, ".") {
			return false
		}
	}
	return true
}

// bracketedItem reports whether run r stands in brackets as one item of a
// list whose items carry their scores so: "ImageNet-V2 classification
// (84.0% top-1), COCO detection (63.1 box AP), ADE20K segmentation (59.9
// mIoU)". It returns where r's item begins: the item names what r is
// measured on, and no other item's dataset is r's.
func (s *sentence) bracketedItem(r *run) (int, bool) {
	before := strings.TrimRight(s.text[:r.start], " ")
	if !strings.HasSuffix(before, "(") {
		return 0, false
	}
	open := len(before) - 1
	from := strings.LastIndexAny(s.text[:open], ",;") + 1
	closing := strings.IndexByte(s.text[r.start:], ')')
	if closing < 0 {
		return 0, false
	}
	after := strings.TrimLeft(s.text[r.start+closing+1:], " ")
	prevItem := from > 0 && strings.HasSuffix(strings.TrimRight(s.text[:from-1], " "), ")") &&
		bracketedScore.MatchString(s.text[max(0, strings.LastIndexByte(s.text[:from-1], '(')):]) // not "on MMLU (5-shot), ahead of X (66.6%)"
	nextItem := strings.HasPrefix(after, ",") && strings.Contains(after, "(")
	// A bracket closed earlier in the item ends what it names: "SQuAD 2.0
	// F1 by +2.3% (88.4% vs. 90.7%) and RACE by +3.6% (83.2% vs. 86.8%)".
	return max(from, strings.LastIndexByte(s.text[:open], ')')+1), prevItem || nextItem
}

// bracketThenComma closes a bracket and an item of a list: "84.0% top-1), COCO".
var bracketThenComma = regexp.MustCompile(`\)\s*,`)

// itemOpener is the gap before a dataset that opens the next item of a
// list of parallel clauses: ", on", "; for the".
var itemOpener = regexp.MustCompile(`(?i)^\s*[,;]\s*(?:on|in|for)\s+(?:the\s+)?$`)

// itemPreposition ends the text before a dataset an item opens with: "on".
var itemPreposition = regexp.MustCompile(`(?i)\b(?:on|in|for)\s+(?:the\s+)?$`)

// parallelItemOpener reports whether dataset d, after run prev, opens an
// item of its own in a list of parallel clauses that each name their
// dataset before their numbers: "improves accuracy on A from 61.2% to
// 66.4%, on B from 80.3% to 83.5% and ...". Then prev has its dataset
// before it, d brings numbers of its own, and d is theirs, not prev's.
func (s *sentence) parallelItemOpener(prev *run, d *mention) bool {
	if !itemOpener.MatchString(s.text[prev.end:d.start]) {
		return false
	}
	// The dataset nearest before prev opens prev's item the same way.
	ownBefore, runAfter := false, false
	for j := range s.datasets {
		o := &s.datasets[j]
		if o.end <= prev.start {
			ownBefore = itemPreposition.MatchString(s.text[:o.start])
		}
	}
	for _, r := range s.runs {
		if r.start >= d.end {
			runAfter = !s.datasetBetweenPos(d.end, r.start)
			break
		}
	}
	return ownBefore && runAfter
}

// datasetBetweenPos reports whether a dataset starts within [from, to).
func (s *sentence) datasetBetweenPos(from, to int) bool {
	for j := range s.datasets {
		if o := &s.datasets[j]; o.start >= from && o.start < to {
			return true
		}
	}
	return false
}
