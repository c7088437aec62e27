package extract

import (
	"regexp"
	"sort"
	"strings"
)

// run is a group of numbers written as one list: "76.3%, 65.2% and 63.5%",
// "86.1 EM and 89.3 F1", "80.4%/95.1%", or the two ends of a range. A list
// shares its method, and usually its dataset or metric, and a word such as
// "by" before it makes all its numbers gains.
type run struct {
	nums       []*number
	start, end int // from the first number to the end of the last one's unit and metric
	dropped    bool
	method     string
	source     methodSource
	metrics    []string // resolved, when every number has one

	namedByChange bool // a value before a change, whose method the value after it names
	versus        *run // "67.5% versus 60.2% on RSTPReid": the run compared with, which shares its dataset
	compared      bool // after "versus", "vs." or "compared with": someone else's value, dropped unless named
	modified      bool // a value under a changed setting: "drops to 85.0%", "falls to 48.0%"
	fromPronoun   bool // the method is the subject of an earlier sentence, read from "it"
}

type methodSource int

const (
	fromPaper   methodSource = iota // the paper's own method, by default
	fromSubject                     // "ViTune-S reaches 81.2%"
	fromNamed                       // "DeiT-S's 79.8%", "RaSa (76.5%)", "63.4% for Llama 2 13B"
)

// sentence is one sentence, read into the parts that tie numbers to methods,
// datasets and metrics.
type sentence struct {
	text     string
	toks     []token
	cues     []cue
	datasets []mention // known and unknown, in order
	nums     []*number
	runs     []*run

	listDataset map[*number]*mention // from "A, B and C, respectively"
	listMetric  map[*number]*cue     // from "top-1/top-5"
	runAt       map[int]*run         // the run of the number starting at a position
	cueOwners   map[*cue][]*run      // the runs whose numbers a metric is written with

	// condition, when not "", says the sentence reports values under a
	// changed setting ("at 80% noise", "once classes are merged", "Under
	// these settings"); its candidates get confidence "low".
	condition string
}

func parseSentence(text string, ctx *paperContext) *sentence {
	s := &sentence{
		text:        text,
		toks:        tokenize(text),
		cues:        findCues(text),
		listDataset: map[*number]*mention{},
		listMetric:  map[*number]*cue{},
		runAt:       map[int]*run{},
		cueOwners:   map[*cue][]*run{},
	}
	known := ctx.m.find(text)
	// A metric is never a dataset: drop known names inside metric cues.
	known = without(known, func(d mention) bool { return s.inCue(d.start, d.end) })
	for i := range known {
		qualifySubset(text, &known[i])
	}
	inKnown := func(start, end int) bool {
		for _, d := range known {
			if start < d.end && d.start < end {
				return true
			}
		}
		return false
	}
	taken := func(start, end int) bool { return inKnown(start, end) || s.inCue(start, end) }
	unknown := findUnknown(text, s.toks, known, taken)
	unknown = without(unknown, func(d mention) bool { return strings.EqualFold(d.name, ctx.method) })
	s.datasets = append(known, unknown...)
	sort.Slice(s.datasets, func(i, j int) bool { return s.datasets[i].start < s.datasets[j].start })

	s.nums = scanNumbers(text, func(start, end int) bool { return s.inDataset(start, end) || s.inCue(start, end) })
	for _, n := range s.nums {
		s.findOwnCue(n)
	}
	s.groupRuns()
	s.pairVersus()
	for _, r := range s.runs {
		s.dropNonScores(r)
	}
	s.condition = s.findCondition()
	s.mapLists()
	for _, r := range s.runs {
		for _, n := range r.nums {
			if !n.dropped {
				s.runAt[n.start] = r
			}
			if c := s.ownCue(n); c != nil {
				s.cueOwners[c] = append(s.cueOwners[c], r)
			}
		}
	}
	s.attachDatasets()
	for _, r := range s.runs {
		if !r.dropped && !r.namedByChange {
			s.findMethod(r, ctx)
		}
	}
	for _, r := range s.runs {
		if r.namedByChange {
			s.nameFromChange(r)
		}
	}
	// Remember who this sentence's subject was, for an "it" in the next.
	for _, r := range s.runs {
		if !r.dropped && r.source == fromSubject && !r.fromPronoun {
			ctx.lastSubject = r.method
		}
	}
	return s
}

// versusGap joins two values compared with each other: "67.5% versus 60.2%".
var versusGap = regexp.MustCompile(`^\s*(?:versus|vs\.?|against)\s*$`)

// pairVersus links "A versus B on D": the dataset written after B is A's too.
func (s *sentence) pairVersus() {
	for i := 1; i < len(s.runs); i++ {
		a, b := s.runs[i-1], s.runs[i]
		if a.end <= b.start && len(a.nums) == len(b.nums) && versusGap.MatchString(s.text[a.end:b.start]) {
			a.versus = b
		}
	}
}

// conditionRe finds a sentence that reports values under a changed setting
// rather than plain scores: noise or corruption levels, a part of the labels
// or data, merged or removed parts, ablations.
var conditionRe = regexp.MustCompile(`(?i)` +
	`^(?:under|once|if|removing|ablating)\b` +
	`|\b(?:once|if)\s+(?:the\s+|a\s+|an\s+|we\s+|it\s+|they\s+)?\w+\s+(?:is|are|was|were|gets|get|becomes)\b` +
	`|\b(?:trained|fine-?tuned|pre-?trained|evaluated|tested)\s+(?:on|with)\s+(?:only\s+)?(?:half|a\s+(?:fraction|subset|part|quarter|third|tenth)|one\s+(?:half|quarter|third|tenth)|(?:a\s+)?\d+(?:\.\d+)?\s*%)` +
	`|\bunder\s+(?:these|this|such|the\s+same)\s+(?:settings?|conditions?|noise|corruptions?|shifts?|attacks?)\b` +
	`|\b(?:under|at|with)\s+(?:only\s+)?\d+(?:\.\d+)?\s*%\s+(?:of\s+(?:the\s+)?)?(?:[a-z-]+\s+)?(?:noise|labels?|annotations?|supervision|data|sparsity|corruption|occlusion|masking|pruning)\b` +
	`|\b(?:noisy|corrupted|perturbed|adversarial|occluded)\s+(?:labels?|captions?|inputs?|images?|test|setting|data)\b`)

// findCondition returns the phrase that marks the sentence as reporting
// values under a changed setting, or "".
func (s *sentence) findCondition() string {
	return conditionRe.FindString(s.text)
}

// nameFromChange gives a value before a change the method that the value
// after it is explicitly credited to, or drops it: an unnamed baseline's
// number is not worth a moderator's time.
func (s *sentence) nameFromChange(r *run) {
	r.dropped = true
	to := r.nums[0].to
	if to == nil {
		return
	}
	for _, o := range s.runs {
		for _, n := range o.nums {
			if n == to && !o.dropped && o.source == fromNamed {
				r.method, r.source, r.dropped = o.method, fromNamed, false
			}
		}
	}
}

// subsetOf is a part of a dataset evaluated on its own: "on the medical
// subset of MMLU", "on the clinical knowledge split of MMLU".
var (
	subsetOf    = regexp.MustCompile(`(?i)\b(?:on|in)\s+(?:the\s+)?((?:[\w-]+\s+){0,3}(?:subset|subsets|split|splits|portion|part|slice)\s+of\s+(?:the\s+)?)$`)
	trainedOnly = regexp.MustCompile(`(?i)\b(?:trained|pre-?trained|fine-?tuned|learned|learnt)\s+(?:on|in)\s`)
)

// qualifySubset turns a known dataset named as "the X subset of D" into an
// unknown one, "X subset of D": its scores are not scores on D. Training on
// a subset ("trained on pruned subsets of ImageNet") changes nothing.
func qualifySubset(text string, d *mention) {
	before := window(text, d.start)
	offset := d.start - len(before)
	loc := subsetOf.FindStringSubmatchIndex(before)
	if loc == nil || trainedOnly.MatchString(before[max(0, loc[0]-20):loc[1]]) {
		return
	}
	d.start, d.known = offset+loc[2], false
	d.name = text[d.start:d.end]
}

func without(ms []mention, drop func(mention) bool) []mention {
	var out []mention
	for _, m := range ms {
		if !drop(m) {
			out = append(out, m)
		}
	}
	return out
}

func (s *sentence) inCue(start, end int) bool {
	for _, c := range s.cues {
		if start < c.end && c.start < end {
			return true
		}
	}
	return false
}

func (s *sentence) inDataset(start, end int) bool {
	for _, d := range s.datasets {
		if start < d.end && d.start < end {
			return true
		}
	}
	return false
}

func (s *sentence) cueAt(start int) *cue {
	for i := range s.cues {
		if s.cues[i].start == start {
			return &s.cues[i]
		}
	}
	return nil
}

func (s *sentence) cueEndingAt(end int) *cue {
	for i := range s.cues {
		if s.cues[i].end == end {
			return &s.cues[i]
		}
	}
	return nil
}

var (
	// scoreModifier may stand between a number and its metric: "68.4% 5-shot accuracy".
	scoreModifier = regexp.MustCompile(`^(?i:(?:zero|few|one|\d+)-shot|linear[- ]probe|fine-tuned|average|mean|overall|test|val|validation|macro|micro|weighted)\s+`)
	// cueFiller may stand between a metric and its number: "Rank-1 accuracy is 63.0%", "an F1 of 80.2".
	cueFiller = regexp.MustCompile(`(?i)(?:\b(?:of|is|was|are|were|reaches|reached|reaching|achieves|achieved|achieving|attains|attained|obtains|obtained|hits|scores|scored|at|to|rises|rose|reported|improves|improved|increases|increased|boosts)|[=:(])\s*$`)
)

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
	if c := s.cueAt(pos); c != nil {
		n.cue, n.cueAfter = c, true
		return
	}
	before := strings.TrimRight(window(s.text, n.start), " ")
	offset := n.start - len(window(s.text, n.start))
	for range 3 {
		loc := cueFiller.FindStringIndex(before)
		if loc == nil {
			break
		}
		before = strings.TrimRight(before[:loc[0]], " ")
	}
	if c := s.cueEndingAt(offset + len(before)); c != nil {
		n.cue = c
	}
}

// numEnd is where the text after a number and its own trailing metric begins.
func numEnd(n *number) int {
	if n.cue != nil && n.cueAfter {
		return n.cue.end
	}
	return n.after
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
				if n.cue != nil && !n.cueAfter {
					gapEnd = n.cue.start
				}
				gap := s.text[numEnd(prev):max(gapEnd, numEnd(prev))]
				// "75.3% zero-shot and 84.9% fine-tuned top-1 accuracy"
				if m := scoreModifier.FindString(strings.TrimLeft(gap, " ")); m != "" {
					gap = strings.TrimPrefix(strings.TrimLeft(gap, " "), m)
				}
				join = listGap.MatchString(gap) && !(len(cur.nums) == 1 && clauseJoin.MatchString(gap))
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

// Words that, just before a number, make it a gain, a cost or someone else's
// result rather than a score.
var backDelta = set("by", "gain", "gains", "improvement", "improvements", "improve", "improves",
	"improved", "improving", "increase", "increases", "increased", "boost", "boosts", "boosted",
	"margin", "lead", "gap", "drop", "drops", "dropped", "decrease", "decreases", "decreased",
	"reduction", "reduce", "reduces", "reduced", "reducing", "cut", "cuts", "cutting", "save",
	"saves", "saved", "saving", "savings", "lower", "lowers", "lowering", "overhead", "cost",
	"costs", "memory", "latency", "ratio", "rate", "sparsity", "fraction", "proportion", "share",
	"budget", "below", "above", "under", "within", "beyond", "outperform", "outperforms",
	"outperforming", "outperformed", "surpass", "surpasses", "surpassing", "beat", "beats",
	"exceed", "exceeds", "trail", "trails", "lag", "lags", "plus", "compression", "speedup",
	"throughput", "mask", "masks", "masking", "prune", "pruned", "pruning", "delta", "up", "down")

// Words skipped when looking for the word that governs a number.
var backFillers = set("about", "nearly", "almost", "around", "roughly", "approximately",
	"only", "just", "merely", "still", "a", "an", "the", "of", "at", "least", "more", "less",
	"than", "as", "much", "average", "large", "wide", "clear", "notable", "significant",
	"substantial", "consistent", "further", "additional", "extra", "absolute", "relative",
	"mere", "even", "respectively", "is", "was", "are", "were", "be", "been", "being", "some",
	"remarkable", "impressive", "solid", "strong", "whopping", "over")

// Words that, just after a number, make it a gain, a cost, a fraction or a speed-up.
var forwardDelta = set("higher", "lower", "better", "worse", "more", "less", "fewer", "faster",
	"slower", "cheaper", "smaller", "larger", "bigger", "improvement", "improvements", "gain",
	"gains", "increase", "increases", "decrease", "decreases", "reduction", "reductions", "drop",
	"boost", "lift", "margin", "above", "below", "ahead", "behind", "over", "points", "point",
	"pts", "pp", "relative", "absolute", "speedup", "speed-up", "times", "x", "lead",
	"advantage", "of")

// Words after a number that end the phrase about it.
var forwardStops = set("on", "in", "for", "at", "with", "while", "and", "using", "under",
	"without", "after", "when", "across", "to", "from", "by", "than", "via", "whereas", "but")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// dropNonScores drops a run that is a gain, cost, fraction or someone
// unnamed's result, judged by the word before it ("by 2.4%", "saves 38%",
// "the previous best of 79.8%") and the words after it ("1.3% higher",
// "90% of the tubes", "6 points"). A value before a change ("from 79.8% to
// 80.6%") is kept only when a name stands right before "from".
func (s *sentence) dropNonScores(r *run) {
	w, i := s.governingWord(r.start)
	if i >= 0 && onlySpaces(s.text[s.toks[i].end:r.start]) && !isPossessive(s.toks[i].text) &&
		nameKind(s.toks[i].text) == modelWord && !s.blocked(s.toks[i]) {
		// A name between the word and the number: "costs DeiT-S 1.9%".
		j := i
		for j > 0 && nameKind(s.toks[j-1].text) != notName && onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) {
			j--
		}
		if w2, _ := s.governingWord(s.toks[j].start); backDelta[w2] {
			r.dropped = true
			return
		}
	}
	switch {
	case backDelta[w], genericOthers[w]:
		r.dropped = true
		return
	case versusWords[w] || w == "with" && i > 0 && strings.EqualFold(s.toks[i-1].text, "compared"):
		r.compared = true // someone else's value, kept only when named
	case w == "to" && i > 0 && declineVerbs[strings.ToLower(s.toks[i-1].text)]:
		r.modified = true // "drops to 85.0% once classes are merged"
	case w == "from" && !r.nums[0].rangeEnd:
		// "improves a ResNet-50 from 76.1% to 77.4%": the value before is ResNet-50's.
		j := i - 1
		for j >= 0 && backFillers[strings.ToLower(s.toks[j].text)] {
			j--
		}
		name := ""
		if j >= 0 {
			name = nameEndingAt(s.text, s.toks, j, s.blocked)
		}
		if name == "" {
			name = s.openingName()
		}
		if name == "" {
			// Perhaps named after the change: "drops from 73.4% to 72.8% for IRRA".
			r.namedByChange = true
			return
		}
		r.method, r.source = name, fromNamed
	}
	for k, t := range s.tokensAfter(r.end, 3) {
		w := strings.ToLower(t)
		if forwardStops[w] {
			break
		}
		if forwardDelta[w] && (w != "of" || k == 0) {
			// The word belongs to the last number, and to the others
			// only when they have no metric of their own: "29.1 BLEU,
			// 0.8 BLEU above" keeps 29.1, "1.5 and 0.3 points above" keeps none.
			r.dropped = true
			for i, n := range r.nums {
				if i == len(r.nums)-1 || n.cue == nil {
					n.dropped = true
				} else {
					r.dropped = false
				}
			}
			if r.dropped {
				return
			}
			break
		}
	}
	for _, n := range r.nums {
		next := s.tokensAfter(numEnd(n), 2)
		if len(next) >= 1 && strings.EqualFold(next[0], "of") {
			n.dropped = true // "2.1% of its training sequences"
		}
		// A setting, not a score: "at 80% noise", "40% label noise", "50% sparsity".
		if n.cue == nil || !n.cueAfter {
			for k, t := range next {
				w := strings.ToLower(t)
				if settingNouns[w] {
					n.dropped = true
					break
				}
				if k == 0 && (forwardStops[w] || forwardDelta[w]) {
					break
				}
			}
		}
	}
	dropped := true
	for _, n := range r.nums {
		dropped = dropped && n.dropped
	}
	if dropped {
		r.dropped = true
	}
}

func isPossessive(w string) bool {
	_, ok := possessive(w)
	return ok
}

// versusWords put someone else's value next to a score: "77.2% versus 73.4% for IRRA".
var versusWords = set("versus", "vs", "against")

// declineVerbs before "to" give a value under a changed setting, not a
// plain score: "drops to 85.0% once classes are merged".
var declineVerbs = set("drops", "drop", "dropped", "dropping", "falls", "fall", "fell", "falling",
	"degrades", "degrade", "degraded", "degrading", "declines", "decline", "declined", "declining",
	"decreases", "decreased", "decreasing", "collapses", "collapsed", "plummets", "plummeted",
	"deteriorates", "deteriorated", "shrinks", "shrank", "sinks", "sank", "slips", "slipped", "down")

// settingNouns after a percentage make it a setting: "at 80% noise", "40% label noise".
var settingNouns = set("subset", "subsets", "split", "portion", "fraction", "noise", "sparsity", "corruption", "corruptions", "occlusion", "masking",
	"pruning", "labels", "annotations", "supervision", "data", "dropout", "quantization",
	"quantisation", "perturbation", "perturbations", "poisoning", "missing")

// openingPhrase names, at the start of a sentence, the model whose
// numbers change: "For CLIP ViT-L/14, accuracy rises from 75.3% to 77.1%".
var openingPhrase = regexp.MustCompile(`^(?:For|Plugged into|Applied to|When applied to|On top of|Added to)\s+(?:the |a |an )?`)

// openingName returns the name of an opening phrase that ends in a comma, or "".
func (s *sentence) openingName() string {
	loc := openingPhrase.FindStringIndex(s.text)
	if loc == nil {
		return ""
	}
	i := s.firstTokenAfter(loc[1])
	name, next := nameStartingAt(s.text, s.toks, i, s.blocked)
	if name == "" || next >= len(s.toks) || strings.TrimSpace(s.text[s.toks[next-1].end:s.toks[next].start]) != "," {
		return ""
	}
	return name
}

// governingWord returns, lower-cased, the first word before pos that is not
// a filler, and its index; "" when a bracket or punctuation comes first.
// "up to" is read as a filler, a lone "to" as the target of a change.
func (s *sentence) governingWord(pos int) (string, int) {
	prevStart := pos
	for i := s.lastTokenBefore(pos); i >= 0; i-- {
		t := s.toks[i]
		if strings.ContainsAny(s.text[t.end:prevStart], ",;:()[]+") {
			return "", -1
		}
		w := strings.ToLower(t.text)
		if w == "to" && i > 0 && strings.EqualFold(s.toks[i-1].text, "up") {
			prevStart = s.toks[i-1].start
			i--
			continue
		}
		if backFillers[w] {
			prevStart = t.start
			continue
		}
		return w, i
	}
	return "", -1
}

// tokensAfter returns up to n words after pos, stopping at punctuation.
func (s *sentence) tokensAfter(pos, n int) []string {
	var out []string
	prevEnd := pos
	for _, t := range s.toks[s.firstTokenAfter(pos):] {
		if strings.ContainsAny(s.text[prevEnd:t.start], ",;:()[].") || len(out) == n {
			break
		}
		out = append(out, t.text)
		prevEnd = t.end
	}
	return out
}

// blocked reports words that belong to a dataset or a metric, which are
// never method names.
func (s *sentence) blocked(t token) bool {
	return s.inDataset(t.start, t.end) || s.inCue(t.start, t.end)
}

var listSep = regexp.MustCompile(`^\s*(?:,|and|or|/|, and|, or)\s*$`)

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

// cueListEndingAt returns the list of metrics ending with cue i: "Rank-1,
// Rank-5 and Rank-10", "top-1/top-5".
func (s *sentence) cueListEndingAt(i int) []cue {
	j := i
	for j > 0 && listSep.MatchString(s.text[s.cues[j-1].end:s.cues[j].start]) {
		j--
	}
	return s.cues[j : i+1]
}

func (s *sentence) cueListStartingAt(i int) []cue {
	j := i
	for j+1 < len(s.cues) && listSep.MatchString(s.text[s.cues[j].end:s.cues[j+1].start]) {
		j++
	}
	return s.cues[i : j+1]
}

func (s *sentence) cueIndex(c *cue) int {
	for i := range s.cues {
		if &s.cues[i] == c {
			return i
		}
	}
	return -1
}

var nearGap = regexp.MustCompile(`^\s*(?:in|of|for|on)?\s*$`)

// mapLists pairs a run of k numbers with a list of k datasets or k metrics,
// in order: "71.3%, 62.0% and 55.4% on A, B and C, respectively",
// "80.4%/95.1% top-1/top-5 accuracy", "74.2% and 89.0% in Rank-1 and Rank-5".
func (s *sentence) mapLists() {
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
			s.listDataset[n] = l[i]
			l[i].attachedTo = r
		}
	}
	for _, r := range s.runs {
		k := len(r.nums)
		if k < 2 {
			continue
		}
		var list []cue
		first, last := r.nums[0], r.nums[k-1]
		switch {
		case last.cue != nil && last.cueAfter:
			list = s.cueListStartingAt(s.cueIndex(last.cue))
		case first.cue != nil && !first.cueAfter:
			list = s.cueListEndingAt(s.cueIndex(first.cue))
		default:
			for i, c := range s.cues {
				if c.start >= r.end && nearGap.MatchString(s.text[r.end:c.start]) {
					list = s.cueListStartingAt(i)
					break
				}
			}
		}
		if len(list) != k {
			continue
		}
		for i, n := range r.nums {
			s.listMetric[n] = &list[i]
		}
	}
}

// runBefore returns the nearest run of k numbers ending before pos, with
// nothing but a few words between.
func (s *sentence) runBefore(pos, k int) *run {
	for i := len(s.runs) - 1; i >= 0; i-- {
		r := s.runs[i]
		if r.end > pos {
			continue
		}
		if len(r.nums) == k && len(strings.Fields(s.text[r.end:pos])) <= 6 {
			return r
		}
		return nil
	}
	return nil
}

func (s *sentence) runAfter(pos, k int) *run {
	for _, r := range s.runs {
		if r.start < pos {
			continue
		}
		if len(r.nums) == k && len(strings.Fields(s.text[pos:r.start])) <= 6 {
			return r
		}
		return nil
	}
	return nil
}

var (
	conjunction = regexp.MustCompile(`(?i)\b(?:and|or|while|whereas|but|whilst)\b|;`)
	cueListText = regexp.MustCompile(`CUE(?:\s*(?:,|and|or|/)\s*CUE)+`)
)

// attachDatasets decides which run each dataset belongs to. A dataset
// written after a run, with a few words and no conjunction between
// ("81.2% top-1 accuracy on ImageNet"), belongs to that run. Any other
// dataset opens a topic for the runs after it ("On ImageNet, X reaches 81.2%",
// "and on RSTPReid 64.1%").
func (s *sentence) attachDatasets() {
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.attachedTo != nil {
			continue
		}
		var prev *run
		for _, r := range s.runs {
			if r.end <= d.start {
				prev = r
			}
		}
		if prev == nil {
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
		gap := s.withCuesMarked(prev.end, d.start)
		gap = cueListText.ReplaceAllString(gap, "CUE")
		if !conjunction.MatchString(gap) && len(strings.Fields(gap)) <= 6 {
			d.attachedTo = prev
		}
	}
}

// withCuesMarked returns s.text[from:to] with each metric replaced by "CUE".
func (s *sentence) withCuesMarked(from, to int) string {
	var b strings.Builder
	pos := from
	for _, c := range s.cues {
		if c.start >= from && c.end <= to {
			b.WriteString(s.text[pos:c.start])
			b.WriteString("CUE")
			pos = c.end
		}
	}
	b.WriteString(s.text[pos:to])
	return b.String()
}

// Verbs whose subject is the method a score belongs to.
// "score" and "set" are left out: in abstracts they are mostly nouns ("MMLU score").
var scoreVerbs = set("reaches", "reach", "reached", "achieves", "achieve", "achieved", "attains",
	"attain", "attained", "obtains", "obtain", "obtained", "scores", "scored", "gets",
	"get", "got", "yields", "yield", "yielded", "records", "recorded", "sets", "hits",
	"posts", "keeps", "keep", "retains", "maintains", "reports", "delivers", "raises", "raise",
	"raised", "lifts", "lifted", "improves", "improve", "improved", "boosts", "boosted",
	"outperforms", "outperform", "outperformed", "surpasses", "surpassed", "beats", "matches",
	"rises", "rose", "stays", "remains", "trails", "lags", "averages", "averaged", "gives", "gave")

var adverbs = set("also", "still", "only", "now", "further", "then", "consistently", "even",
	"thus", "therefore", "already", "clearly")

// forModifiers may stand between "for" and a name: "for the original CLIP ViT-B/16".
var forModifiers = set("the", "its", "their", "a", "an", "original", "vanilla", "dense", "full",
	"standard", "plain", "same", "strong", "popular", "default", "published", "public")

var possessiveFillers = set("of", "on", "in", "a", "an", "the", "only", "just")

// findMethod decides whose result a run is. In order: a possessive
// ("DeiT-S's 79.8%"), a name before brackets ("RaSa (76.5% Rank-1)"), a name
// before "at" ("LoRA at 41.5%"), "for" and a name after the run ("63.4% for
// Llama 2 13B"), the subject of the verb that introduces the run ("ViTune-S
// reaches"), and otherwise the paper's own method. A result that belongs to
// someone unnamed ("its teacher's", "the CNN baseline") is dropped.
func (s *sentence) findMethod(r *run, ctx *paperContext) {
	if r.source == fromNamed {
		return // already named by "X from N to M"
	}
	r.method, r.source = ctx.method, fromPaper

	// The word right before the run, past "of", "a", "the", metrics and
	// datasets: "DeiT-S's top-1 accuracy of 79.8%", "ResNet-50's top-5
	// accuracy on ImageNet, 92.9%".
	i := s.lastTokenBefore(r.start)
	for i >= 0 && (possessiveFillers[strings.ToLower(s.toks[i].text)] || s.blocked(s.toks[i])) {
		i--
	}
	if i >= 0 {
		t := s.toks[i]
		if base, pos := possessive(t.text); pos {
			if name := nameEndingAt(s.text, s.toks, i, s.blocked); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
			if genericOthers[strings.ToLower(base)] {
				r.dropped = true
				return
			}
		}
	}
	if j := s.lastTokenBefore(r.start); j >= 0 {
		gap := strings.TrimSpace(s.text[s.toks[j].end:r.start])
		if gap == "(" || gap == "" && strings.EqualFold(s.toks[j].text, "at") && j > 0 {
			k := j
			if gap == "" {
				k = j - 1
			}
			if name := nameEndingAt(s.text, s.toks, k, s.blocked); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
			if gap == "(" && genericOthers[strings.ToLower(s.toks[k].text)] {
				r.dropped = true
				return
			}
		}
	}
	if s.methodAfter(r) {
		return
	}
	if r.compared {
		r.dropped = true // "67.5% versus 60.2%": whose 60.2%?
		return
	}
	s.subjectMethod(r, ctx)
	if r.source == fromSubject && ctx.method != "" && !strings.EqualFold(r.method, ctx.method) && s.withOwnMethod(ctx.method) {
		// "With ViT-Adapter-L, a plain ViT reaches 60.9 box AP": the
		// result of the paper's method applied to a model is the paper's.
		r.method, r.source = ctx.method, fromPaper
	}
}

// withOwnOpening is a sentence opening that equips a model with something:
// "With ViT-Adapter-L, ...", "Using our adapter, ...".
var withOwnOpening = regexp.MustCompile(`^(?:With|Using|Equipped with|Armed with)\s+(?:the\s+)?([^,]+),`)

// withOwnMethod reports whether the sentence opens by applying the paper's
// own method ("With ViT-Adapter-L, a plain ViT reaches ...").
func (s *sentence) withOwnMethod(method string) bool {
	m := withOwnOpening.FindStringSubmatch(s.text)
	if m == nil {
		return false
	}
	head := strings.TrimSpace(m[1])
	return strings.EqualFold(head, method) || strings.HasPrefix(strings.ToLower(head), "our ")
}

// lastTokenBefore returns the index of the last word ending at or before pos, or -1.
func (s *sentence) lastTokenBefore(pos int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].end > pos }) - 1
}

// firstTokenAfter returns the index of the first word starting at or after pos.
func (s *sentence) firstTokenAfter(pos int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= pos })
}

// methodAfter reads "... 63.4% for Llama 2 13B" and "... for its teacher".
func (s *sentence) methodAfter(r *run) bool {
	i := s.firstTokenAfter(r.end)
	if i >= len(s.toks) || !strings.EqualFold(s.toks[i].text, "for") ||
		strings.ContainsAny(s.text[r.end:s.toks[i].start], ";()") {
		return false
	}
	j := i + 1
	for j < len(s.toks) && j-i <= 3 && forModifiers[strings.ToLower(s.toks[j].text)] {
		j++
	}
	if j < len(s.toks) {
		if name, next := nameStartingAt(s.text, s.toks, j, s.blocked); name != "" {
			if next < len(s.toks) && set("baseline", "baselines")[strings.ToLower(s.toks[next].text)] {
				r.dropped = true
				return true
			}
			r.method, r.source = name, fromNamed
			return true
		}
	}
	for k := j; k < len(s.toks) && k < j+4; k++ {
		w := strings.ToLower(s.toks[k].text)
		if genericOthers[w] || modelNouns[w] {
			r.dropped = true // "83.6 for its 24-layer teacher", "0.3% for the 125M model"
			return true
		}
	}
	return false
}

// subjectMethod walks back from the run to the verb that introduces it and
// takes that verb's subject. Participles ("..., reaching 84.5%") are passed
// over to the main verb. Reaching an earlier run first, the run shares its
// method when that came from a subject ("ViTune-S reaches 81.2% on A and 79.0% on B").
func (s *sentence) subjectMethod(r *run, ctx *paperContext) {
	prevStart := r.start
	for i := s.lastTokenBefore(r.start); i >= 0; i-- {
		t := s.toks[i]
		if strings.Contains(s.text[t.end:prevStart], ";") {
			return
		}
		prevStart = t.start
		if o := s.keptRunAt(t.start); o != nil && o != r {
			if o.namedByChange {
				continue // "lifts accuracy from 45.3% to 48.9%": go on to the verb
			}
			if o.source == fromSubject {
				r.method, r.source = o.method, fromSubject
			}
			return
		}
		if !scoreVerbs[strings.ToLower(t.text)] {
			continue
		}
		j := i - 1
		for j >= 0 && adverbs[strings.ToLower(s.toks[j].text)] {
			j--
		}
		if j < 0 {
			return
		}
		j = s.skipRelativeClause(j, i)
		if pronouns[s.toks[j].text] && ctx.method == "" && ctx.lastSubject != "" {
			// "MiM averages 86.2% accuracy. Per task, it scores 81.0% on ...":
			// a paper with no named method of its own goes on about the
			// subject of the sentence before.
			r.method, r.source, r.fromPronoun = ctx.lastSubject, fromSubject, true
			return
		}
		if !s.blocked(s.toks[j]) {
			if name := nameEndingAt(s.text, s.toks, j, s.blocked); name != "" {
				r.method, r.source = name, fromSubject
				return
			}
			if genericOthers[strings.ToLower(s.toks[j].text)] {
				r.dropped = true
				return
			}
		}
		// "the IRRA model attains", "ResNet-50 models trained on ... reach":
		// a name before a model noun earlier in the clause.
		for k := j; k > 0; k-- {
			if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;") {
				break
			}
			if modelNouns[strings.ToLower(s.toks[k].text)] {
				if name := nameEndingAt(s.text, s.toks, k-1, s.blocked); name != "" {
					r.method, r.source = name, fromSubject
					return
				}
			}
		}
		if s.unnamedOtherSubject(j) {
			r.dropped = true
		}
		return
	}
}

// othersWords in a subject make it someone else's, unnamed: "the strongest
// prior method", "existing approaches", "human experts", "random guessing".
var othersWords = set("prior", "previous", "existing", "competing", "competitor", "competitors",
	"baseline", "baselines", "other", "others", "human", "humans", "expert", "experts",
	"annotators", "random", "chance", "guessing", "teacher", "teachers", "predecessor",
	"original", "vanilla", "conventional", "standard", "unmodified", "published", "earlier")

// ownWords in a subject make it the paper's: "our model", "the proposed method".
var ownWords = set("our", "ours", "we", "it", "proposed", "this", "resulting")

var determiners = set("the", "a", "an", "its", "their", "these", "those")

var contrastWords = set("whereas", "while", "whilst", "but", "unlike", "although", "though")

// unnamedOtherSubject reports whether the subject ending at word j, which is
// not a name, is someone else's: it has a word such as "prior", "baseline"
// or "human", or it opens a contrasting clause ("whereas the teacher model
// reaches", "while larger models reach") without saying it is the paper's.
func (s *sentence) unnamedOtherSubject(j int) bool {
	k := j
	for ; k >= 0 && k > j-6; k-- {
		w := strings.ToLower(s.toks[k].text)
		if othersWords[w] && !s.blocked(s.toks[k]) {
			return true
		}
		if ownWords[w] {
			return false
		}
		if determiners[w] || contrastWords[w] {
			break // the subject starts here
		}
		if k > 0 && strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:(") {
			return false
		}
	}
	if k >= 0 && determiners[strings.ToLower(s.toks[k].text)] {
		k--
	}
	return k >= 0 && contrastWords[strings.ToLower(s.toks[k].text)]
}

var relativePronouns = set("which", "who", "that")

// pronouns that stand for the subject of an earlier sentence.
var pronouns = set("it", "It")

// skipRelativeClause moves the subject word j of the verb at i past a
// relative clause to the name it describes: "MobileViT-XS, which reaches",
// "CLIP ViT-B/32, which is 3.3× larger, reaches".
func (s *sentence) skipRelativeClause(j, verb int) int {
	commaBefore := func(k int) bool {
		return k > 0 && strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ",")
	}
	if relativePronouns[strings.ToLower(s.toks[j].text)] && commaBefore(j) {
		return j - 1
	}
	if !strings.Contains(s.text[s.toks[j].end:s.toks[verb].start], ",") {
		return j
	}
	for k := j; k > 0 && k > j-8; k-- {
		if relativePronouns[strings.ToLower(s.toks[k].text)] && commaBefore(k) {
			return k - 1
		}
	}
	return j
}

// keptRunAt returns the kept run with a number starting at pos.
func (s *sentence) keptRunAt(pos int) *run {
	r := s.runAt[pos]
	if r == nil || r.dropped {
		return nil
	}
	return r
}
