package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/benchboard/benchboard/internal/pwc"
)

// How a number's metric or dataset was found; it sets the confidence.
type origin int

const (
	none         origin = iota
	direct              // written with the number, or mapped from a list
	sentenceWide        // elsewhere in the same sentence
	previous            // from the sentence right before
	abstractWide        // from another sentence, further back
	continued           // the topic of an earlier sentence, which the sentence before went on with
	assumed             // the dataset's usual metric, as the caller set it
)

// resolve turns the sentence's kept runs into candidates and unknown datasets.
func (s *sentence) resolve(ctx *paperContext) ([]Candidate, []Unknown) {
	var prevComplete *run // the last kept run whose numbers all have a metric
	for _, r := range s.runs {
		if r.dropped {
			continue
		}
		metrics := make([]string, len(r.nums))
		for i, n := range r.nums {
			n.metric, n.mOrigin = s.metricFor(r, i, prevComplete)
			if n.rangeEnd && n.mOrigin == sentenceWide && s.rangeSubject(r, n.metric) {
				// "top-1 accuracy varies between 86.8% and 88.1%": the
				// metric is the subject of the range, written with it.
				n.mOrigin = direct
			}
			if s.inComparison(r) && n.cue != nil && n.mOrigin == direct {
				if kind := s.comparedKind(r, n.metric); kind != "" {
					// "40.9 mask AP ..., compared with 37.9 AP for
					// SparseInst": the plain metric of a compared value
					// is the one kind of it the sentence's own results
					// before were written in.
					n.metric = kind
				}
			}
			metrics[i] = n.metric
		}
		r.averaged = s.averagedOverMany(r, ctx.continual)
		datasets, dOrigin := s.datasetsFor(r, metrics)
		for i, d := range datasets {
			if r.averaged && d != nil && d.known && d.attachedTo != r && s.listDataset[r.nums[i]] != d && r.shared != d {
				// "averages 66.2% across the 38 DataComp evaluation
				// tasks": an average over many datasets is a score on none
				// of the datasets named elsewhere.
				datasets[i], dOrigin[i] = nil, none
			}
		}
		if l := ctx.datasetList; len(s.datasets) == 0 && ctx.datasetListAt == ctx.at-1 && len(l) == len(r.nums) &&
			len(l) >= 2 && sameDatasetsAfter.MatchString(s.text[r.end:]) && allKnown(l) && s.metricsWritten(r) {
			// "These numbers exceed IRRA, which obtains 73.4%, 63.5% and
			// 60.2% Rank-1 on the same datasets": the datasets the sentence
			// before named, in its order, one for each number. Only known
			// datasets and a metric written with the numbers: a name the
			// caller does not know may be one of the "same" or not.
			for i := range datasets {
				datasets[i], dOrigin[i] = l[i], previous
			}
		}
		for i, n := range r.nums {
			n.dataset, n.dOrigin = datasets[i], dOrigin[i]
			// A bare decimal written right before a dataset the caller gives
			// a metric for is a score on it: "It scores 56.3 on MMLU". Not
			// in a sentence whose metrics are all ones the dataset is not
			// measured in: the number is in one of those, written away
			// from it ("The MCC on Human OCR Ensembl rises from 0.52 to
			// 0.61").
			if n.metric == "" && !n.pct && strings.Contains(n.raw, ".") && n.dataset != nil &&
				n.dataset.known && n.dOrigin == direct && !s.onlyOtherMetrics(ctx.m, n.dataset.name) {
				n.metric, n.mOrigin = ctx.m.defaultMetric(n.dataset.name), assumed
				metrics[i] = n.metric
			}
		}
		if allHaveMetric(metrics) {
			prevComplete = r
			r.metrics = metrics
		}
	}
	// A value before a change is measured like the value after it:
	// "improves a ResNet-50 from 76.1% to 77.4% top-1 on ImageNet".
	for _, n := range s.nums {
		if n.to == nil {
			continue
		}
		if n.metric == "" && n.cue != nil && (n.to.metric == "" || n.to.cue == nil && n.to.mOrigin == sentenceWide) {
			// "CES raises EM from 88.4 to 89.9": the value before, dropped
			// as no one's, was not read, but its metric is the value
			// after's all the same, when the value after is someone's: a
			// value the title would stand for is guess enough. Its own
			// metric goes over one the value after borrowed ("the F1 of X
			// from 80.5 to 83.1, and its exact match from 77.6 to 80.4").
			if r := s.runOf(n.to); r != nil && (r.source != fromPaper || ctx.method != "") {
				n.to.metric, n.to.mOrigin = n.cue.metric, sentenceWide
			}
			continue
		}
		if n.metric == "" || n.cue == nil && n.mOrigin != direct && n.to.cue != nil && n.to.mOrigin == direct {
			// "from 73.4% to 75.9% Rank-1": the metric written with the
			// value after is the value before's too, over one read from
			// elsewhere in the sentence.
			n.metric, n.mOrigin = n.to.metric, n.to.mOrigin
		} else if n.cue != nil && (n.to.metric == "" || n.to.metric == n.metric && n.to.mOrigin == sentenceWide) {
			// "raises box AP from 37.4 to 39.6": the metric before the
			// change is the value after's too, written with it as much as
			// with the value before, not borrowed from elsewhere.
			n.to.metric, n.to.mOrigin = n.metric, n.mOrigin
		}
		if n.dataset == nil || n.to.dataset != nil && n.to.dataset.start >= n.to.end && n.dataset.end <= n.start && s.gappedOwned(n) {
			// "lifts IRRA from 73.4% to 76.1% on CUHK-PEDES and from
			// 63.5% to 66.8% on ICFG-PEDES": the dataset after the
			// second change is both its ends', not the first change's.
			n.dataset, n.dOrigin = n.to.dataset, n.to.dOrigin
		}
	}

	var cands []Candidate
	var unknown []Unknown
	for _, r := range s.runs {
		if r.dropped {
			continue
		}
		sameDirs := s.sameDirections(r, ctx)
		for i, n := range r.nums {
			if !n.dropped && n.metric == "" && !n.pct && strings.Contains(n.raw, ".") &&
				n.dataset != nil && !n.dataset.known && n.dOrigin == direct {
				// "attains 9.1 on MT-Bench": a score on a benchmark the
				// caller does not know, in a metric the text leaves unsaid.
				unknown = append(unknown, Unknown{Paper: ctx.paper, Phrase: n.dataset.name, Evidence: s.text})
				continue
			}
			if n.metric == "" && !n.pct && s.bareScoreGoesOn(r, n, ctx) {
				// "FooNet achieves 52.3 AP on COCO. FooNet-L reaches
				// 54.1.": a named model's decimal, in a sentence that
				// names no metric or dataset, goes on in the one metric of
				// the sentence before.
				n.metric, n.mOrigin = ctx.lastCues[0].metric, previous
			}
			if n.dropped || n.version || n.metric == "" && !n.pct {
				continue // a bare number with no metric is not a score
			}
			if n.dataset == nil && n.metric == "" {
				n.metric, n.mOrigin = s.contextMetric(r, i, ctx)
			}
			if n.dataset == nil && n.metric != "" && !r.averaged {
				n.dataset, n.dOrigin = s.carriedDataset(ctx)
				if n.dataset != nil {
					n.carriedCondition = n.dataset.condition
				}
			}
			if n.dataset == nil && n.metric == "" && n.pct && !r.averaged && ctx.topic != "" && ctx.topicAt == ctx.at-1 &&
				ctx.m.defaultMetric(ctx.topic) != "" && (r.source == fromSubject || r.source == fromNamed) {
				// "The MMLU benchmark is used for evaluation. D7-7B scores
				// 61.2%": a named model's percentage on the dataset the
				// sentence before is about, in that dataset's own metric.
				n.dataset, n.dOrigin = s.carriedDataset(ctx)
				if n.dataset != nil {
					n.carriedCondition = n.dataset.condition
				}
			}
			if n.dataset == nil {
				continue
			}
			if !n.dataset.known && n.dataset.training {
				continue
			}
			if n.otherMetric && n.dataset.known {
				continue
			}
			if !n.dataset.known {
				unknown = append(unknown, Unknown{Paper: ctx.paper, Phrase: n.dataset.name, Evidence: s.text})
				continue
			}
			if n.parameter {
				continue // "at radius 0.5": a setting, not a score
			}
			if n.metric == "" {
				n.metric, n.mOrigin = s.contextMetric(r, i, ctx)
			}
			if n.metric == "" {
				n.metric, n.mOrigin = ctx.m.defaultMetric(n.dataset.name), assumed
			}
			if n.metric == "" {
				continue
			}
			if d := directionAfter.FindStringSubmatch(s.text[r.end:]); d != nil {
				// "47.9% R@1 for text-to-image": image-text retrieval
				// keeps its direction, written after.
				if m, ok := directedRank(n.metric, d[1]); ok {
					n.metric = m
				}
			} else if len(r.nums) == 2 && len(ctx.directions) == 2 && bothDirections.MatchString(s.text[r.end:]) {
				// "64.0 and 46.9 R@1 in the two directions": the two
				// numbers are the two directions, in the order the
				// abstract writes them.
				if m, ok := directedRank(n.metric, ctx.directions[i]); ok {
					n.metric = m
				}
			} else if sameDirs != nil {
				// "The corresponding R@5 values are 86.8 and 95.7", "with
				// R@5 of 90.0 and 79.1 in the same directions": each pair
				// is on the directions of the pair before, in its order.
				if m, ok := directedRank(n.metric, sameDirs[i]); ok {
					n.metric = m
				}
			}
			if h := sharedHead[n.metric]; h != "" && !s.writesOwnMetric(n) && s.ownProtocol(n) {
				// "84.7% linear-probe and 82.3% k-NN accuracy on
				// ImageNet-1k, and 89.9% after full fine-tuning": a number
				// read under another evaluation protocol takes only the
				// head of the qualified metric it borrows.
				n.metric = h
			}
			if !(ctx.multiLabel && n.metric == "mAP") {
				// A multi-label classifier's mAP is a metric of its
				// own, not the detection AP of the same dataset.
				n.metric = ctx.m.refineMetric(n.dataset.name, n.metric)
			}
			if own := ctx.m.defaultMetric(n.dataset.name); (n.mOrigin == previous || n.mOrigin == abstractWide) && n.dOrigin == direct &&
				own != "" && (!ctx.m.metricFits(n.dataset.name, n.metric) || plainMetric(own) && n.metric != own) {
				// "... 27.9 BLEU on WMT22. Polyglot-13B obtains 54.6% on
				// MMLU": a metric carried from another sentence that the
				// dataset written with the number is not measured in gives
				// way to the dataset's own, and so does a qualified kind
				// of a dataset's plain metric ("... 84.0% top-1 on
				// ImageNet. X obtains 55.0% on MMLU" is MMLU's accuracy).
				n.metric, n.mOrigin = ctx.m.defaultMetric(n.dataset.name), assumed
			}
			if n.dOrigin != direct && !ctx.m.metricFits(n.dataset.name, n.metric) {
				// "81.2% top-1 on ImageNet ... reaching 45.1 AP": a dataset
				// borrowed for a number it is not measured in.
				continue
			}
			method := r.method
			if len(r.methods) == len(r.nums) {
				method = r.methods[i]
			}
			if method == "" && r.source != fromNamed {
				// The paper names no method of its own: its title stands
				// for it, at confidence "low" (see confidence).
				method = ctx.paper
			}
			c := Candidate{
				Paper:    ctx.paper,
				Method:   method,
				Dataset:  n.dataset.name,
				Metric:   n.metric,
				Value:    n.value,
				Raw:      n.raw,
				RangeEnd: n.rangeEnd,
				Setting:  n.setting,
				Evidence: s.text,
			}
			if n.pct {
				c.Unit = "%"
			}
			if n.mOrigin == previous && n.dOrigin == sentenceWide && len(s.cues) == 0 && !s.writesAsMetric("") &&
				n.metric == ctx.m.defaultMetric(n.dataset.name) && (r.source == fromNamed || r.source == fromSubject) &&
				!r.fromModel && (r.comparison || s.namedAfterContrast(r, method)) {
				// "We report accuracy. X attains 77.8% on Human Enhancers
				// Cohn, compared with 74.2% for HyenaDNA": in a sentence
				// that writes no metric, a named model's value set against
				// a score on a dataset is in the metric the dataset is
				// measured in, whether or not the sentence before named it;
				// as sure as a metric assumed for the dataset.
				n.mOrigin = assumed
			}
			c.Confidence, c.Note = s.confidence(n, r)
			if ctx.m.variantName(method) {
				// "(ImageNet-A 54.2%, ImageNet-V2 63.8%)": a benchmark,
				// read as whose the number is, is where it was measured,
				// not a method.
				c.Confidence, c.Note = "low", joinNote(c.Note, "method is the name of a variant of a known dataset")
			}
			if c.Confidence == Low && c.Note == settingNote(s.condition) {
				// Its one doubt is the sentence's changed setting: it may
				// still be the paper's only score of its kind.
				s.soleSettingAt = append(s.soleSettingAt, len(cands))
			}
			cands = append(cands, c)
		}
	}
	return cands, unknown
}

// onlyOtherMetrics reports whether the sentence names metrics and none of
// them is one the dataset is measured in.
func (s *sentence) onlyOtherMetrics(m *matcher, dataset string) bool {
	for _, c := range s.cues {
		if m.metricFits(dataset, c.metric) {
			return false
		}
	}
	return len(s.cues) > 0
}

// runOf returns the run that holds n, or nil.
func (s *sentence) runOf(n *number) *run {
	for _, r := range s.runs {
		for _, o := range r.nums {
			if o == n {
				return r
			}
		}
	}
	return nil
}

func allHaveMetric(ms []string) bool {
	for _, m := range ms {
		if m == "" {
			return false
		}
	}
	return true
}

// confidence rates a candidate and says why it is not "high". "high" needs
// the metric and the dataset written with the number (or mapped from a
// list) and a method; one of them borrowed from elsewhere in the sentence,
// or the dataset's usual metric, gives "med"; anything less sure gives
// "low": a range end, no method, a method read from "it", a value under a
// changed setting, or a metric and a dataset both borrowed.
func (s *sentence) confidence(n *number, r *run) (string, string) {
	var low, med []string
	switch {
	case n.rangeEnd && (r.source == fromSubject || r.source == fromNamed) && r.method != "":
		// "Llama-2-70B scores between 61.2% and 68.9% on MMLU": a named
		// model's range, whose ends are its scores in the settings the
		// text compares; "med" only when nothing else is borrowed (below).
		med = append(med, "one end of a range")
	case n.rangeEnd && r.source == fromPaper && r.method != "" && s.ownPossessiveBefore(r):
		// "Across five seeds, its accuracy on Mouse Enhancers varies
		// between 79.8% and 86.2%": "its" says the range is the paper's
		// method's own, as "it" does for a single score; "med" only when
		// nothing else is borrowed (below).
		med = append(med, "one end of a range of the method \"its\" stands for")
	case n.rangeEnd:
		low = append(low, "one end of a range")
	}
	switch {
	case r.method == "" && r.source == fromOwn && !s.namesAModel():
		// "this simple framework reaches", "our model attains", "it
		// scores": the sentence says the result is the paper's own; only
		// the name is missing, and the title stands for it.
		med = append(med, "no method named; the paper's title stands for it")
	case r.method == "" && r.source == fromOwn:
		// "The resulting ViT-G model attains", "a ResNet8x4 student ...
		// with our review mechanism reaches": the sentence names a
		// model, which may be what the score is labelled by.
		low = append(low, "no method named; the paper's title stands for it, though the sentence names a model")
	case r.method == "":
		low = append(low, "no method named; the paper's title stands for it")
	}
	if r.modified {
		low = append(low, "value under a changed setting")
	}
	if r.afterFall && r.source == fromPaper && pwc.InferDirection(n.metric) { // a fall in a lower-is-better metric is a gain
		low = append(low, "value a score falls to, in a clause that does not name the paper's method")
	}
	if r.lowNote != "" {
		low = append(low, r.lowNote)
	}
	if n.dataset != nil && n.carriedCondition != "" {
		low = append(low, "dataset from a sentence about a changed setting (\""+n.carriedCondition+"\")")
	}
	if s.conditionReaches(r) {
		if labelShare.MatchString(s.condition) {
			// "With 1% of ImageNet-1K labels, X reaches 75.3%": a
			// semi-supervised score, reported as a result of its own.
			med = append(med, "value with a share of the labels (\""+s.condition+"\")")
		} else {
			low = append(low, settingNote(s.condition))
		}
	}
	if r.method != "" && s.writesAsMetric(r.method) {
		low = append(low, "method read as a metric the sentence writes with a value (\"an ECE of 0.112\")")
	}
	if r.fromModel {
		med = append(med, "method read as the one model the sentence names")
	}
	if r.fromBackbone {
		med = append(med, "method read as the model the result is obtained with")
	}
	if r.fromAblation {
		med = append(med, "method read as the model compared without the paper's change")
	}
	if r.pastPhrase {
		med = append(med, "method read as the subject before a phrase of setting")
	}
	if r.fromBase {
		med = append(med, "method read as the model the paper starts from")
	}
	if r.fromPronoun {
		med = append(med, "method read from \"it\"")
	}
	if r.fromList {
		med = append(med, "methods read from the names counted models stand for")
	}
	switch n.mOrigin {
	case sentenceWide:
		med = append(med, "metric from elsewhere in the sentence")
	case previous:
		med = append(med, "metric from the sentence before")
	case abstractWide:
		med = append(med, "metric from another sentence")
	case assumed:
		if s.writesAsMetric("") {
			// "the expected calibration error (ECE) on MMLU falls from
			// 0.081 to 0.034": the sentence measures in a metric the
			// cues do not read, which may be this number's.
			low = append(low, "metric assumed for the dataset in a sentence that writes another metric (\"an ECE of 0.031\")")
		} else {
			med = append(med, "metric assumed for the dataset")
		}
	}
	switch n.dOrigin {
	case sentenceWide:
		med = append(med, "dataset from elsewhere in the sentence")
	case previous:
		med = append(med, "dataset from the sentence before")
	case abstractWide:
		med = append(med, "dataset from another sentence")
	case continued:
		med = append(med, "dataset from the topic the sentence before goes on with")
	}
	// The metric and the dataset both carried on from the sentence before
	// continue its topic ("On ImageNet, X reaches 81.2% top-1. ... it
	// attains 83.0%"); one from there and one from elsewhere do not.
	carriedOn := n.mOrigin == previous && (n.dOrigin == previous || n.dOrigin == continued) ||
		n.mOrigin == assumed && n.dOrigin == previous && (r.source == fromNamed || r.source == fromSubject) ||
		// A named method's number with its metric in the sentence, on the
		// dataset the sentence before is about: "We revisit Human
		// Enhancers Cohn ... The network reaches 74.8% accuracy, above
		// HyenaDNA's 74.2%".
		n.mOrigin == sentenceWide && n.dOrigin == previous && (r.source == fromNamed || r.source == fromSubject)
	if n.mOrigin != direct && n.dOrigin != direct && (!carriedOn && (n.mOrigin == abstractWide || n.dOrigin == abstractWide ||
		n.mOrigin == previous || n.dOrigin == previous || n.dOrigin == continued) || r.source == fromPaper && r.method != "") {
		// Neither is written with the number, and one is not even in its
		// sentence, or the method is only assumed to be the paper's ("...,
		// and the student reaches 75.4%"): too loose a tie to be worth a
		// moderator's time by default.
		if r.source == fromPaper {
			med = append(med, "method assumed to be the paper's")
		}
		low = append(low, med...)
		med = nil
	}
	if n.rangeEnd && len(med) > 1 && !(len(med) == 2 && r.fromModel && n.mOrigin == direct && n.dOrigin == direct) {
		// A range end is worth a moderator's time only when all else is
		// written with it.
		low, med = append(low, med...), nil
	}
	switch {
	case len(low) > 0:
		return Low, strings.Join(append(low, med...), "; ")
	case len(med) > 0:
		return Med, strings.Join(med, "; ")
	}
	return High, ""
}

// rangeOwnerPronouns, in the clause before a range, say whose the range is:
// the method the sentence is about.
var rangeOwnerPronouns = set("its")

// ownPossessiveBefore reports whether the clause before run r, back to a
// comma, semicolon, colon or bracket, has a possessive of rangeOwnerPronouns
// ("its accuracy on Human Regulatory ranges from").
func (s *sentence) ownPossessiveBefore(r *run) bool {
	k := s.lastTokenBefore(r.start)
	return k >= 0 && (rangeOwnerPronouns[strings.ToLower(s.toks[k].text)] ||
		s.wordBackInClause(k, k, ",;:()", rangeOwnerPronouns))
}

// metricFor finds the metric of number i of run r: from a list of metrics
// matched to the run, the metric written with the number or with another
// number of the run, for a bare number the metric of a parallel run before
// it ("47.8 box AP and 42.0 mask AP ..., compared with 48.1 and 42.3"), and
// for a percentage the nearest metric elsewhere in the sentence.
func (s *sentence) metricFor(r *run, i int, prev *run) (string, origin) {
	n := r.nums[i]
	if c := s.listMetric[n]; c != nil {
		return c.metric, direct
	}
	if n.cue != nil {
		return n.cue.metric, direct
	}
	if m := s.forListedMetric(r, prev); m != "" && n.pct && len(r.nums) == 1 {
		// "compared with 83.8% last accuracy for L2P and 86.5% for
		// CODA-Prompt": the later value of a comparison listed with its
		// own "for" is in the metric of the value it is listed after, not
		// a parallel of the first subject's metrics.
		return m, sentenceWide
	}
	if heads, pos := s.headMetrics(r); heads != nil && n.pct && pos+len(r.nums) <= len(heads) && heads[pos+i].pct {
		// "an average accuracy of 78.4% with a forgetting of 0.9%, versus
		// 72.0% and 0.0% for GPM", "..., while EWC reaches 72.1% and DER++
		// 47.9% with 20.2%": someone else's values parallel the first
		// subject's, in order, counted from that one's first value.
		return heads[pos+i].metric, sentenceWide
	}
	// The nearest metric written before a number of the run before this
	// one: "mAP of 70.5%, 42.3% and 54.8%, and mINP of 56.1%, 9.8% and
	// 30.4%" gives 9.8% mINP, not the first number's mAP.
	for j := i - 1; j > 0; j-- {
		if o := r.nums[j]; o.cue != nil {
			if !o.cueAfter {
				return o.cue.metric, direct
			}
			break
		}
	}
	first, last := r.nums[0], r.nums[len(r.nums)-1]
	if ownsCueBefore(first) {
		return first.cue.metric, direct
	}
	if last.cue != nil && last.cueAfter && n != last && sharedHead[last.cue.metric] != "" &&
		scoreModifier.MatchString(strings.TrimLeft(s.text[n.after:], " ")) {
		// "78.1% linear-probe and 76.3% k-NN top-1 accuracy": the
		// qualifier is the last number's alone; a number with its own
		// qualifier takes only the head the list shares.
		return sharedHead[last.cue.metric], direct
	}
	// The metric written after the next numbers of the run, not after
	// its last: "58.7/58.9 box mAPs and 50.9/51.3 mask mAPs".
	for _, o := range r.nums[i+1:] {
		if o.cue != nil && o.cueAfter {
			return o.cue.metric, direct
		}
	}
	if last.cue != nil && last.cueAfter {
		return last.cue.metric, direct
	}
	for j, o := range r.nums {
		if o.cue != nil {
			if j > i && !o.cueAfter && n.pct {
				// "R@5 on COCO is 90.3% and R@10 is 94.8%": a metric
				// written before a later number, after this one, is that
				// number's own; the percentage finds its nearest metric
				// elsewhere. (A bare number, which has no such fallback,
				// keeps the run's.)
				continue
			}
			return o.cue.metric, direct
		}
	}
	if !n.pct {
		// A bare decimal next to a parallel run; integers are counts.
		if prev == nil || !strings.Contains(n.raw, ".") {
			return "", none
		}
		switch {
		case len(prev.nums) == len(r.nums):
			return prev.metrics[i], sentenceWide
		case len(prev.nums) == 1:
			return prev.metrics[0], sentenceWide
		case r.compared && r.source == fromNamed && s.plainList(prev) && sameMetric(prev.metrics):
			// "score 46.1, 57.9 and 69.3 on MMLU, respectively, compared
			// with 43.7 for Gemma-2B": a list in one metric leaves no
			// doubt which of its numbers a single one parallels.
			return prev.metrics[0], sentenceWide
		}
		return "", none
	}
	// A list parallel to the one before: "76.5%/69.8% on A and 66.9%/51.3% on B".
	if prev != nil && len(prev.nums) == len(r.nums) && len(r.nums) > 1 {
		return prev.metrics[i], sentenceWide
	}
	// The nearest metric before the run, unless it belongs to numbers of
	// different metrics ("82.6% top-1 and 96.2% top-5 ..., and 91.1% on B":
	// which one?). Else the first metric after the run that no number owns.
	for j := len(s.cues) - 1; j >= 0; j-- {
		if s.cues[j].end <= r.start {
			if s.ambiguousCue(&s.cues[j]) {
				return "", none
			}
			return s.cues[j].metric, sentenceWide
		}
	}
	for j := range s.cues {
		if s.cues[j].start >= r.end && !s.ownedCue(&s.cues[j]) {
			return s.cues[j].metric, sentenceWide
		}
	}
	return "", none
}

// forListedMetric returns, for a named value listed with its own "for"
// after a value of a comparison (see forListed), the metric of that value
// when it is the kept run right before r, a single percentage written with
// its own metric; else "".
func (s *sentence) forListedMetric(r, prev *run) string {
	if !r.comparison || r.compared || prev == nil || !prev.comparison || len(prev.nums) != 1 {
		return ""
	}
	if p := prev.nums[0]; p.cue == nil || !p.pct {
		return ""
	}
	if s.keptRunBefore(r) != prev {
		return ""
	}
	return prev.nums[0].metric
}

// comparedKind returns the one qualified kind of metric ("Mask AP", whose
// last word is "AP") that the numbers of the sentence's runs before run r,
// outside a comparison, were written in; "" when they were written in none
// or in several.
func (s *sentence) comparedKind(r *run, metric string) string {
	kind := ""
	for _, o := range s.runs {
		if o == r {
			break
		}
		if o.dropped || s.inComparison(o) {
			continue
		}
		for _, n := range o.nums {
			if !strings.HasSuffix(strings.ToLower(n.metric), " "+strings.ToLower(metric)) {
				continue
			}
			if kind != "" && kind != n.metric {
				return ""
			}
			kind = n.metric
		}
	}
	return kind
}

// inComparison reports whether run r is a value of a comparison, or another
// method's value after one in its clause ("compared with 37.9 AP for
// SparseInst at 40.0 FPS and 38.7 AP for FastInst-D1"; not the first
// subject's own: "..., and 91.2% accuracy when fine-tuned on CIFAR-100").
func (s *sentence) inComparison(r *run) bool {
	var first *run
	for _, o := range s.runs {
		if o == r {
			return o.comparison
		}
		if first == nil && !o.dropped {
			first = o
		}
		if o.comparison && !strings.Contains(s.text[o.end:max(r.start, o.end)], ";") && first != nil && r.method != first.method {
			return true
		}
	}
	return false
}

// plainList reports whether run r is a list of bare decimals ("46.1, 57.9
// and 69.3"): not a range, whose ends are one score's bounds, nor values
// split by slashes, which are one model's under several settings.
func (s *sentence) plainList(r *run) bool {
	for _, n := range r.nums {
		if n.pct || n.rangeEnd {
			return false
		}
	}
	return !strings.Contains(s.text[r.start:r.end], "/")
}

// headMetrics returns the metrics of the numbers the sentence's first
// subject reports, each written with its own ("SGP-Lite obtains an average
// accuracy of 78.4% with a forgetting of 0.9%"), when they are several
// different metrics and run r after them is someone else's; else nil. pos
// is how many numbers of r's method come between them and r. A head is
// paralleled only by a number written like it, a percentage by a
// percentage: "an F1 score of 0.951 and an accuracy of 95.3%, versus 94.6%".
func (s *sentence) headMetrics(r *run) (heads []headMetric, pos int) {
	var owner *run
	inHead := true
	for _, o := range s.runs {
		if o == r {
			break
		}
		if o.dropped {
			continue
		}
		if owner == nil {
			owner = o
		}
		if inHead && (o.method != owner.method || o.methods != nil || o.source != owner.source) {
			inHead = false
		}
		if !inHead {
			if o.method == r.method {
				pos += len(o.nums)
			}
			continue
		}
		for _, n := range o.nums {
			c := s.listMetric[n]
			if c == nil {
				c = n.cue
			}
			if c == nil {
				return nil, 0
			}
			heads = append(heads, headMetric{c.metric, n.pct})
		}
	}
	if owner == nil || r.method == owner.method && r.methods == nil || distinctHeads(heads) < 2 {
		return nil, 0
	}
	return heads, pos
}

// headMetric is the metric of a number a first subject reports, and
// whether the number is a percentage.
type headMetric struct {
	metric string
	pct    bool
}

func distinctHeads(hs []headMetric) int {
	seen := map[string]bool{}
	for _, h := range hs {
		seen[h.metric] = true
	}
	return len(seen)
}

// rangeVerb is what stands between a metric and the range it is the
// subject of: "accuracy on Mouse Enhancers varies between", "top-1
// accuracy ranges from"; the model it is of and what it is taken over
// are still part of the subject: "the last accuracy of AnchorCL stays
// between", "KmerNet's accuracy over ten seeds lies between".
var rangeVerb = regexp.MustCompile(`^(?:\s+of\s+[^,;:()%]{1,40}?)?(?:\s+on\s+[^,;:()%]{1,40}?)?(?:\s+(?:over|across)\s+[^,;:()%]{1,30}?)?` +
	`\s+(?:varies|ranges|range|vary|lies|lie|stays|stay)\s+(?:only\s+)?(?:between|from)\s*$`)

// rangeSubject reports whether the metric written last before run r, and
// that is metric, is the subject of the range r is: "For HyenaDNA,
// accuracy on Mouse Enhancers varies between 79.6% and 85.4%".
func (s *sentence) rangeSubject(r *run, metric string) bool {
	for j := len(s.cues) - 1; j >= 0; j-- {
		if c := s.cues[j]; c.end <= r.start {
			return c.metric == metric && rangeVerb.MatchString(s.text[c.end:r.start])
		}
	}
	return false
}

// sharedHead maps a qualified metric to the plain metric its words end in,
// which a list of numbers ending with it shares: "78.1% linear-probe and
// 76.3% k-NN top-1 accuracy" is a top-1 accuracy and a k-NN accuracy.
var sharedHead = map[string]string{"k-NN accuracy": "Accuracy"}

// plainMetric reports whether a metric is a bare head, no kind of it:
// "Accuracy", not "Top-1 accuracy".
func plainMetric(m string) bool { return !strings.Contains(m, " ") }

// otherProtocol is an evaluation protocol other than the one a qualified
// metric names, written with a number: "78.7% linear-probe", "83.2%
// zero-shot", "89.9% after full fine-tuning", "90.1% when fine-tuned".
var otherProtocol = regexp.MustCompile(`^\s*(?:(?:after|with|under|when|via)\s+(?:full\s+|end-to-end\s+|a\s+)?)?(?i:fine-?tun(?:ed|ing)|linear[- ]prob(?:e|ed|ing)|zero[- ]shot)\b`)

// protocolBefore is the verb of a protocol right before a number: "and
// fine-tunes to 85.3%".
var protocolBefore = regexp.MustCompile(`(?i)\bfine-?tunes?\s+to\s+$`)

// writesOwnMetric reports whether n's metric is written with it or mapped
// to it from a list.
func (s *sentence) writesOwnMetric(n *number) bool {
	c := s.ownCue(n)
	return c != nil && c.metric == n.metric
}

// ownProtocol reports whether the text says under which evaluation
// protocol n was read, right after it or right before it.
func (s *sentence) ownProtocol(n *number) bool {
	return otherProtocol.MatchString(s.text[numEnd(n):]) || protocolBefore.MatchString(s.text[:n.start])
}

// ambiguousCue reports whether c is the metric of a number in a run whose
// numbers have different metrics.
func (s *sentence) ambiguousCue(c *cue) bool {
	for _, r := range s.cueOwners[c] {
		metrics := map[string]bool{}
		for _, n := range r.nums {
			if own := s.ownCue(n); own != nil {
				metrics[own.metric] = true
			}
		}
		if len(metrics) > 1 {
			return true
		}
	}
	return false
}

// ownCue is the metric written with n or mapped to it from a list.
func (s *sentence) ownCue(n *number) *cue {
	if lc := s.listMetric[n]; lc != nil {
		return lc
	}
	return n.cue
}

func (s *sentence) ownedCue(c *cue) bool {
	return len(s.cueOwners[c]) > 0
}

// contextMetric borrows the metric from the sentences before: the last
// metric named, or a list of as many metrics as the run has numbers
// ("We report Rank-1, Rank-5 and Rank-10. X obtains 76.8%, 90.4% and 94.1% on ...").
func (s *sentence) contextMetric(r *run, i int, ctx *paperContext) (string, origin) {
	if !r.nums[i].pct {
		return "", none
	}
	switch l := ctx.lastCues; {
	case len(l) == len(r.nums) && len(l) > 1:
		return l[i].metric, ctx.carriedOrigin(ctx.lastCuesAt)
	case len(l) == 1 && len(ctx.metricsSeen) > 1:
		// "76.5% Rank-1 ... The mAP on CUHK-PEDES is 68.2%. Compared with
		// RaSa, which obtains 76.5%": with several metrics named before,
		// the last one is a guess.
		return "", none
	case len(l) == 1:
		return l[0].metric, ctx.carriedOrigin(ctx.lastCuesAt)
	case len(l) == 0 && len(r.nums) > 1:
		// "We report Rank-1, Rank-5 and Rank-10 as well as mAP and
		// mINP. ... X obtains 71.3%, 87.9% and 92.6%": of several lists
		// of metrics, the one list of as many metrics as the run has
		// numbers.
		var match []cue
		for _, ll := range ctx.lastLists {
			if len(ll) == len(r.nums) {
				if match != nil {
					return "", none
				}
				match = ll
			}
		}
		if match != nil {
			return match[i].metric, ctx.carriedOrigin(ctx.lastCuesAt)
		}
	}
	return "", none
}

// partPhrase is "on" and a phrase in lower case: "On unanswerable
// questions alone, F1 rises to 91.2", "AP on small objects is 41.4".
var partPhrase = regexp.MustCompile(`(?:^On|\bon)\s+(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})`)

// notParts are words after "on" that do not name a part of the data:
// "on average", "on both", "on par", "on the test set", "on the corrected
// labels".
var notParts = set("average", "all", "both", "each", "every", "it", "this", "that", "these", "those",
	"par", "top", "its", "their", "a", "an", "set", "sets",
	"split", "splits", "benchmark", "benchmarks", "dataset", "datasets", "task", "tasks",
	"label", "labels", "annotations",
	// Words that qualify a split: "on the hidden test set", "on the development set".
	"hidden", "development", "official", "blind")

// notPart reports whether a word after "on" says the phrase is no part of
// the data: a split ("on val2017") or a word of notParts.
func notPart(w string) bool {
	return notParts[w] || isSplitName(w)
}

// partTopic reports whether the sentence measures a part of the data
// named in lower case ("on small objects", "on corrupted images"): a
// dataset from the sentences before would not be the one measured.
func (s *sentence) partTopic() bool {
	for _, m := range partPhrase.FindAllStringSubmatch(s.text, -1) {
		words := strings.Fields(m[1])
		part := !notPart(words[0])
		for _, w := range words {
			if notPart(w) {
				part = false
			}
		}
		if part {
			return true
		}
	}
	return false
}

// runPart is "on" and a lower-case phrase right after a run (and its
// metric): "81.7% on our medical split", "41.4 AP on small objects".
// "in" is left out: "in the 20-step setting" is a setting, not data.
// A size before the phrase is passed over: "on the 5K test split".
var runPart = regexp.MustCompile(`^\s*(?:CUE\s+)?on\s+(?:the\s+|our\s+|its\s+|their\s+|a\s+)?(?:\d+(?:\.\d+)?[KMBT]\s+)?([a-z][\w-]*)`)

// onUnnamedPart reports whether run r is followed by "on" and a phrase in
// lower case that names some data, not a dataset: a part of one, or one
// of the paper's own ("on our medical split").
func (s *sentence) onUnnamedPart(r *run) bool {
	end := min(len(s.text), r.end+60)
	m := runPart.FindStringSubmatch(s.withCuesMarked(r.end, end))
	return m != nil && !notPart(m[1]) && !forwardStops[m[1]] && !qualifierWords[m[1]] || s.onOtherName(r)
}

// onIdioms after "on" say how, not on what: "on par with DNABERT".
var onIdioms = set("par", "top", "average", "both", "all", "each")

// onOtherName reports whether run r is followed by "on" and, past a few
// words in lower case, a capitalised name that is no dataset the caller
// knows: "82.5% on the challenging out-of-distribution ObjectNet test set"
// is on ObjectNet, not on a dataset named elsewhere in the sentence.
func (s *sentence) onOtherName(r *run) bool {
	i := s.firstTokenAfter(r.end)
	for i < len(s.toks) && s.inCue(s.toks[i].start, s.toks[i].end) {
		i++
	}
	if i >= len(s.toks) || s.toks[i].text != "on" || i+1 < len(s.toks) && onIdioms[strings.ToLower(s.toks[i+1].text)] {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		t := s.toks[k]
		if !onlySpaces(s.text[s.toks[k-1].end:t.start]) || s.blocked(t) {
			return false
		}
		if hasUpper(t.text) && !sizeWord.MatchString(t.text) {
			// A name right after "on" is read as a dataset by the names
			// pass; a size is no name ("on the 5K test split").
			return k > i+1
		}
	}
	return false
}

// partBefore is "on" and a lower-case phrase: "on the unanswerable subset".
var partBefore = regexp.MustCompile(`\bon\s+(?:the\s+|our\s+|its\s+|their\s+|a\s+)?([a-z][\w-]*)`)

// partBetween reports whether, between a dataset and a run, "on" names
// other data in lower case: "On SQuAD 2.0 it obtains 89.9 F1; on the
// unanswerable subset it reaches 92.0 F1".
func (s *sentence) partBetween(from, to int) bool {
	if from >= to {
		return false
	}
	for _, m := range partBefore.FindAllStringSubmatch(s.withCuesMarked(from, to), -1) {
		if !notPart(m[1]) && !forwardStops[m[1]] && !qualifierWords[m[1]] {
			return true
		}
	}
	return false
}

// qualifierWords after "on" say how, not on what: "on par", "on top".
var qualifierWords = set("par", "top", "average", "most", "many", "several", "some", "various", "different",
	"standard", "public", "popular", "common", "challenging", "downstream", "multiple", "two", "three", "four",
	"five", "six", "seven", "eight", "nine", "ten", "held-out", "unseen")

// collectionNouns are the data an average runs over when it is no score on
// one dataset. Not a benchmark's own parts ("the 57 subjects" of MMLU),
// nor repeats of one measurement ("10 random seeds", "five task orders").
// "tasks" is left to continual learning, where they are a benchmark's
// steps ("average accuracy over 10 tasks").
var collectionNouns = []string{"datasets", "benchmarks", "languages", "shifts", "sets", "domains", "suites", "tasks"}

// manyData is an average's phrase over a counted collection of data: "across
// the 38 DataComp evaluation tasks", "over the five shifted sets", "across
// 11 classification datasets".
var manyData = regexp.MustCompile(`(?i)\b(?:across|over)\s+(?:the\s+|all\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,3}?(` +
	strings.Join(collectionNouns, "|") + `)\b`)

// averageWord says a clause reports an average.
var averageWord = regexp.MustCompile(`(?i)\b(?:averages?|averaged|mean)\b`)

// averageClauseBreak ends the clause an average's phrase reaches.
var averageClauseBreak = regexp.MustCompile(`;|,\s+and\b|\b(?:whereas|while|but|where|against|versus|vs\.|compared)\b`)

// averagedOverMany reports whether run r, in its clause, is an average over
// a counted collection of datasets, tasks or languages ("Averaged over the
// eight tasks, DilaCNN obtains 86.7% accuracy", "its average accuracy across
// five distribution shifts is 72.9%", "averages 80.9% across the 18
// languages of our translated benchmark"): a score on none of the datasets
// the sentence or the abstract names elsewhere.
func (s *sentence) averagedOverMany(r *run, continual bool) bool {
	from, to := 0, len(s.text)
	for _, loc := range averageClauseBreak.FindAllStringIndex(s.text, -1) {
		if loc[1] <= r.start {
			from = loc[1]
		} else if loc[0] >= r.end {
			to = loc[0]
			break
		}
	}
	if open := strings.LastIndexByte(s.text[:r.start], '('); open >= from && !strings.Contains(s.text[open:r.start], ")") {
		// "(MMLU 62.7, base model 63.1)": a bracket is a clause of its own.
		from = open
		if end := strings.IndexByte(s.text[r.end:], ')'); end >= 0 {
			to = min(to, r.end+end)
		}
	}
	clause := s.text[from:to]
	if !averageWord.MatchString(clause) {
		return false
	}
	for _, m := range manyData.FindAllStringSubmatchIndex(clause, -1) {
		noun := strings.ToLower(clause[m[2]:m[3]])
		if continual && noun == "tasks" || s.inDataset(from+m[0], from+m[1]) {
			continue
		}
		return true
	}
	return false
}

// allKnown reports whether every mention is of a dataset the caller knows.
func allKnown(l []*mention) bool {
	for _, d := range l {
		if !d.known {
			return false
		}
	}
	return true
}

// metricsWritten reports whether every number of r has its metric written
// with it, not borrowed.
func (s *sentence) metricsWritten(r *run) bool {
	for _, n := range r.nums {
		if n.metric == "" || n.mOrigin != direct {
			return false
		}
	}
	return true
}

// sameDatasetsAfter follows a run that is on the datasets of the sentence
// before, past a metric of a word or two: "... Rank-1 on the same datasets",
// "... on the same four benchmarks".
var sameDatasetsAfter = regexp.MustCompile(`^\s*(?:[\w@-]+\s+){0,2}?(?:on|across)\s+the\s+same\s+(?:(?:two|three|four|five|six|\d+)\s+)?(?:datasets|benchmarks|tasks)\b`)

// carriedDataset is the dataset of a number whose sentence names none: the
// topic of the sentences before (see rememberTopic), or else the one
// dataset the abstract names, when it names only one and no unknown ones.
func (s *sentence) carriedDataset(ctx *paperContext) (*mention, origin) {
	if len(s.datasets) > 0 || s.partTopic() {
		return nil, none
	}
	if ctx.topic != "" {
		o := ctx.carriedOrigin(ctx.topicAt)
		if o == abstractWide && ctx.topicContinuedAt == ctx.at-1 && ctx.topicContinuedAt > ctx.topicAt {
			o = continued
		}
		return &mention{name: ctx.topic, known: true, condition: ctx.topicCondition}, o
	}
	if len(ctx.datasets) == 1 && !ctx.unknownSeen {
		return &mention{name: ctx.datasets[0], known: true}, abstractWide
	}
	return nil, none
}

// datasetsFor finds the dataset of each number of run r: from a list of
// datasets matched to the run, the dataset written after the run, as many
// datasets in the sentence as the run has numbers ("reaching 66.5% and
// 62.6% on the two benchmarks"), the topic set before the run ("On ImageNet,
// ..."), any dataset before it, or one after it that no run has taken.
func (s *sentence) datasetsFor(r *run, metrics []string) ([]*mention, []origin) {
	k := len(r.nums)
	out := make([]*mention, k)
	orig := make([]origin, k)
	mapped := 0
	for i, n := range r.nums {
		if d := s.listDataset[n]; d != nil {
			out[i], orig[i] = d, direct
			if d.counted {
				out[i], orig[i] = d, abstractWide // named in the sentences before
			}
			mapped++
		}
	}
	if mapped == k {
		return out, orig
	}
	fill := func(d *mention, o origin) ([]*mention, []origin) {
		for i := range out {
			if out[i] == nil {
				out[i], orig[i] = d, o
			}
		}
		return out, orig
	}
	if d := s.attachedMention(r); d != nil {
		return fill(d, direct)
	}
	if r.shared != nil && r.gapped {
		// The datasets of a change written before, by position, are as
		// good as written with the gapped change's values.
		return fill(r.shared, direct)
	}
	if r.shared != nil {
		return fill(r.shared, sentenceWide)
	}
	// "67.5% versus 60.2% on RSTPReid": both are on RSTPReid.
	for v := r.versus; v != nil; v = v.versus {
		for i := range s.datasets {
			if s.datasets[i].attachedTo == v {
				return fill(&s.datasets[i], direct)
			}
		}
	}
	// A run that holds a gain ("71.3 F1, 6.8 points above") is no list
	// of k scores on k datasets.
	if k >= 2 && !r.nums[0].rangeEnd && sameMetric(metrics) && !anyDropped(r) {
		if distinct := s.distinctDatasets(); len(distinct) == k {
			for i := range out {
				out[i], orig[i] = distinct[i], sentenceWide
			}
			return out, orig
		}
	}
	if d := s.comparedDatasets(r); d != nil {
		// "74.9% on A and 91.6% on B, compared with 74.2% and 89.2% for
		// HyenaDNA": the values compared with are on A and B, in order.
		for i := range out {
			out[i], orig[i] = d[i], sentenceWide
		}
		return out, orig
	}
	if from, ok := s.bracketedItem(r); ok && !s.datasetsBeforeBrackets() {
		// One item of a list with its scores in brackets: on the dataset
		// its own item names, or on none of the sentence's.
		for i := range s.datasets {
			if d := &s.datasets[i]; d.start >= from && d.end <= r.start {
				return fill(d, direct)
			}
		}
		return out, orig
	}
	if s.onUnnamedPart(r) {
		// "81.7% on our medical split": measured on data the text does
		// not name; no dataset of the sentence is borrowed for it.
		return out, orig
	}
	if d := s.comparedWith(r); d != nil {
		// "With a ViT-B pretrained on ImageNet-21K, X attains 88.9% ... on
		// CIFAR-100, against 86.5% for Y": measured where the score compared
		// with was, not on the data named at the opening.
		return fill(d, sentenceWide)
	}
	if d := s.namedAgainst(r); d != nil {
		// "With a ViT-B/16 pretrained on ImageNet-21K, X reaches 92.1% on
		// CIFAR-100, ahead of RanPAC (90.6%)": a named competitor's value
		// is measured where the score it is set against was.
		return fill(d, sentenceWide)
	}
	var topic, before *mention
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.end > r.start {
			break
		}
		if d.training && !d.known && topic != nil && topic.known {
			// "On CIFAR-100 with a ViT-B/16 pretrained on ImageNet-21K, X
			// reaches 91.2%": the data the model was trained on, after
			// the dataset the sentence opens with, is not where its
			// score was measured.
			continue
		}
		before = d
		if d.attachedTo == nil {
			topic = d
		}
	}
	if topic != nil && !s.partBetween(topic.end, r.start) {
		return fill(topic, direct)
	}
	if before != nil && !s.partBetween(before.end, r.start) {
		return fill(before, sentenceWide)
	}
	for i := range s.datasets {
		if d := &s.datasets[i]; d.start >= r.end && d.attachedTo == nil {
			if s.runBetween(r.end, d.start, hasScore) || s.opensTopic(i) {
				// "MultiNLI accuracy to 86.7%, ..., and SQuAD v2.0 F1 to
				// 83.1": the dataset belongs to the numbers after it.
				break
			}
			return fill(d, sentenceWide)
		}
	}
	return out, orig
}

// comparedDatasets returns, for a run of k values compared with ("compared
// with 74.2% and 89.2%"), the datasets of the k runs of one number before
// it in the sentence, in order, when each has its own; else nil.
func (s *sentence) comparedDatasets(r *run) []*mention {
	if !r.compared && !s.contrastedNamed(r) || len(r.nums) < 2 {
		return nil
	}
	var out []*mention
	for _, o := range s.runs {
		if o.end > r.start {
			break
		}
		if o.dropped {
			continue
		}
		var own *mention
		for i := range s.datasets {
			if s.datasets[i].attachedTo == o {
				own = &s.datasets[i]
			}
		}
		if len(o.nums) != 1 || own == nil {
			return nil
		}
		out = append(out, own)
	}
	if len(out) != len(r.nums) {
		return nil
	}
	return out
}

// contrastedNamed reports whether run r is a named subject's, in a clause
// that a contrast word opens after a comma, with no dataset of its own
// between the two: "..., while IRRA trained the same way reaches 39.8% and
// 45.0%" sets IRRA's values against the scores before, as "compared with"
// would.
func (s *sentence) contrastedNamed(r *run) bool {
	if r.source != fromSubject || r.method == "" {
		return false
	}
	for i := s.lastTokenBefore(r.start); i > 0; i-- {
		t := s.toks[i]
		if s.inDataset(t.start, t.end) || s.runAt[t.start] != nil {
			return false
		}
		gap := s.text[s.toks[i-1].end:t.start]
		if contrastWords[strings.ToLower(t.text)] && strings.Contains(gap, ",") {
			return true
		}
		if strings.ContainsAny(gap, ",;:()") {
			return false
		}
	}
	return false
}

// comparedWith returns, for a run of values compared with, the known
// dataset written after the kept run right before it, when that run has
// one (and no list of datasets); else nil. A named value listed after the
// first with its own "for" is measured where that first one was
// ("compared with 83.8% for L2P and 86.5% for DualPrompt"), not on the
// data a model was trained on that an opening phrase names; a dataset the
// sentence opens on ("On NAS-Bench-201, ...") stays the topic of the list.
func (s *sentence) comparedWith(r *run) *mention {
	if !r.compared && !r.comparison {
		return nil
	}
	prev := s.keptRunBefore(r)
	if !r.compared {
		if prev == nil || !prev.comparison {
			return nil
		}
		for i := range s.datasets {
			if d := &s.datasets[i]; d.end <= r.start && d.attachedTo == nil && !d.training {
				return nil
			}
		}
		return s.comparedWith(prev)
	}
	if prev == nil || prev.compared {
		return nil
	}
	for _, n := range prev.nums {
		if s.listDataset[n] != nil {
			return nil // a list of datasets, not one the values were compared on
		}
	}
	for i := range s.datasets {
		if d := &s.datasets[i]; d.attachedTo == prev && d.known {
			return d
		}
	}
	return nil
}

// againstWords, between a score and a named model's value after it in one
// clause, set the value against the score ("ahead of", "compared with",
// "outperforming", "than"), and so does any verb that takes the one beaten
// as its object (outperformVerbs).
var againstWords = union(set("compared", "versus", "vs", "against", "ahead", "than", "unlike"), outperformVerbs)

// namedAgainst returns, for a named model's run that a comparison word sets
// against the kept run right before it in the same clause, with no dataset
// of its own between them, the known dataset written with that run, when
// the sentence opens on other data (a model's pre-training data, a suite);
// else nil. A sentence that opens on that same dataset keeps it as its
// topic, and one whose scores before are on several datasets sets the
// values against a list, whose datasets are not this rule's to give.
func (s *sentence) namedAgainst(r *run) *mention {
	if r.source != fromNamed || r.method == "" || r.compared {
		return nil
	}
	prev := s.keptRunBefore(r)
	if prev == nil || prev.compared || prev.method == r.method || strings.Contains(s.text[prev.end:r.start], ";") {
		return nil
	}
	for _, n := range prev.nums {
		if s.listDataset[n] != nil {
			return nil
		}
	}
	var own *mention
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.attachedTo == prev {
			own = d
		} else if d.start >= prev.end && d.start < r.start {
			return nil // a dataset of its own: "outperforming Y on CIFAR-100 (78.1%)"
		}
	}
	if own == nil && prev.source == fromNamed {
		// "ahead of RanPAC (90.6%) and SimpleCIL (87.1%)": the next
		// competitor of the list is set against the same score.
		return s.namedAgainst(prev)
	}
	if own == nil || !own.known {
		return nil
	}
	opening := false
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.end > r.start {
			break
		}
		if d.attachedTo == nil && d.name == own.name {
			return nil // the topic the sentence opens on is where it was measured
		}
		if d.attachedTo == nil {
			opening = true
		} else if d.attachedTo != prev && d.name != own.name {
			return nil // "0.962 on A, 0.936 on B and 0.812 on C, compared with X (...)": a list over datasets
		}
	}
	if !opening {
		return nil
	}
	for _, t := range s.toks {
		if t.start >= prev.end && t.end <= r.start && againstWords[strings.ToLower(t.text)] {
			return own
		}
	}
	return nil
}

// datasetsBeforeBrackets reports whether every dataset of the sentence is
// named before its first score in brackets: "On Human Regulatory, the best
// model is DNABERT-2 (89.2%), followed by HyenaDNA-small (87.9%)" lists
// methods on one dataset, not datasets with their scores.
func (s *sentence) datasetsBeforeBrackets() bool {
	first := -1
	for i := range s.text {
		if s.text[i] == '(' && bracketedScore.MatchString(s.text[i:]) {
			first = i
			break
		}
	}
	if first < 0 || len(s.datasets) == 0 {
		return false
	}
	for _, d := range s.datasets {
		if d.end > first {
			return false
		}
	}
	return true
}

func anyDropped(r *run) bool {
	for _, n := range r.nums {
		if n.dropped {
			return true
		}
	}
	return false
}

// runBetween reports whether a kept run that counts starts between from
// and to.
func (s *sentence) runBetween(from, to int, counts func(*run) bool) bool {
	for _, r := range s.runs {
		if !r.dropped && r.start >= from && r.start < to && counts(r) {
			return true
		}
	}
	return false
}

// hasScore reports whether run r holds a number other than an integer
// with no unit and no metric: all such numbers are a count or a setting
// ("at ε = 4/255", "with 8 GPUs"), no score that a dataset after them
// could be named for.
func hasScore(r *run) bool {
	for _, n := range r.nums {
		if n.pct || n.cue != nil || strings.Contains(n.raw, ".") {
			return true
		}
	}
	return false
}

// opensTopic reports whether dataset i is followed, before the next
// dataset, by a kept run: it is the topic of that run.
func (s *sentence) opensTopic(i int) bool {
	end := len(s.text)
	if i+1 < len(s.datasets) {
		end = s.datasets[i+1].start
	}
	// A value compared with is measured where the score before it was
	// ("68.9% ... on ImageNet, compared with 64.0% for PGD-AT"): the
	// dataset is that score's, not a topic opened for it.
	return s.runBetween(s.datasets[i].end, end, func(r *run) bool { return !r.compared })
}

func sameMetric(ms []string) bool {
	for _, m := range ms {
		if m != ms[0] {
			return false
		}
	}
	return true
}

// distinctDatasets returns the sentence's datasets, each name once, in order.
func (s *sentence) distinctDatasets() []*mention {
	var out []*mention
	seen := map[string]bool{}
	for i := range s.datasets {
		d := &s.datasets[i]
		if !seen[d.name] {
			seen[d.name] = true
			out = append(out, d)
		}
	}
	return out
}

// refineMetric reads a general metric word as the dataset's own metric when
// that is a narrower kind of it: plain "accuracy" on a dataset whose metric
// is "Top-1 accuracy" is that metric, and "AP" on one measured in "Box AP"
// is box AP. The rule is the name's last word, so "mAP" is not "AP" —
// except on a detection dataset, where AP is already the mean over classes
// and papers write it either way (see classMeanAP).
func (m *matcher) refineMetric(dataset, metric string) string {
	own := m.metrics[dataset]
	if rank, ok := undirectedRank(metric); ok && personSearch[strings.ToLower(dataset)] {
		metric = rank
	}
	if names, ok := continualMetrics[metric]; ok && names.plain == "Accuracy" && strings.EqualFold(own, names.plain) {
		// An average on a benchmark measured in plain accuracy (MMLU, the
		// genomic tasks) is over the benchmark's own parts: its metric.
		// A classification dataset measured in top-1 accuracy (ImageNet)
		// is split into the steps of class-incremental learning, and the
		// average over them is the continual metric (LABELLING.md).
		// Forgetting is no average and stays what it is.
		return own
	}
	if metric == "mAP" && (classMeanAP[strings.ToLower(strings.Fields(dataset + " x")[0])] || own == "AP" || strings.HasSuffix(own, " AP")) {
		metric = "AP"
	}
	if own == "" || strings.EqualFold(own, metric) {
		return metric
	}
	if strings.HasSuffix(strings.ToLower(own), " "+strings.ToLower(metric)) {
		return own
	}
	return metric
}

// directionAfter is the direction of image-text retrieval written right
// after a run ("65.1% R@1 for image-to-text", "68.9/88.7/93.5 for
// image-to-text"), also past the list of R@k the run's numbers map onto
// ("63.1%, 85.9% and 91.8% R@1, R@5 and R@10 for image-to-text"): the
// direction qualifies every metric of the list.
var directionAfter = regexp.MustCompile(`^(?:\s*(?:,\s*and|,|/|and)?\s*(?i:R|Recall)@\d+)*\s*(?i:for|in|on)\s+(?i:the\s+)?((?i:text-to-image|image-to-text))\b`)

// bothDirections is a pair of R@k said to be the two directions of
// image-text retrieval ("85.4 and 68.3 R@1 in the two directions", "64.0
// and 46.9 R@1 on COCO in the two directions").
var bothDirections = regexp.MustCompile(`^(?:\s*(?:at\s+)?(?i:R|Recall)@\d+)?(?:\s+on\s+[A-Z][\w-]*(?:\s+[\w-]+){0,2}?)?\s+(?:in|for)\s+(?:the\s+two|both)\s+directions\b`)

// sameDirections reads a run of pairs of R@k, each pair in one Rank-k, as
// following the two directions of the pair before: after "corresponding"
// ("The corresponding R@5 values are 86.8 and 95.7, and R@10 values are 91.7
// and 97.9") or before "in the same directions" ("with R@5 of 90.0 and 79.1
// in the same directions"), or one pair before "respectively" in a sentence
// that wrote both directions before it. It returns each number's direction,
// in the order the pair before wrote them, earlier in the sentence or in the
// last sentence that wrote both; nil when the run is no such pairs.
func (s *sentence) sameDirections(r *run, ctx *paperContext) []string {
	if len(r.nums) == 0 || len(r.nums)%2 != 0 {
		return nil
	}
	for j := 0; j < len(r.nums); j += 2 {
		m := r.nums[j].metric
		if !strings.HasPrefix(m, "Rank-") || r.nums[j+1].metric != m || j > 0 && r.nums[j-1].metric == m {
			return nil
		}
	}
	before := s.text[:r.start]
	if len(r.nums) == 2 && respectivelyAfter.MatchString(s.text[r.end:]) {
		// "an image-to-text R@1 of 78.4% and a text-to-image R@1 of
		// 61.9%, with R@5 of 94.1% and 84.3% respectively": a pair said
		// to be "respectively" after both directions its sentence wrote
		// follows them, in their order.
		return bothWritten(before)
	}
	if !sameDirectionsAfter.MatchString(s.text[r.end:]) && !correspondingBefore.MatchString(before) {
		return nil
	}
	dirs := bothWritten(before)
	if dirs == nil {
		dirs = ctx.lastDirections
	}
	if dirs == nil {
		return nil
	}
	var out []string
	for range len(r.nums) / 2 {
		out = append(out, dirs...)
	}
	return out
}

// sameDirectionsAfter and correspondingBefore are the two ways sameDirections
// reads a pair as following the directions of the pair before.
var (
	sameDirectionsAfter = regexp.MustCompile(`^(?:\s*(?:at\s+)?(?i:R|Recall)@\d+)?\s+(?:in|for)\s+the\s+same\s+directions\b`)
	correspondingBefore = regexp.MustCompile(`(?i)\bcorresponding\b`)
)

// respectivelyAfter is "respectively" right after a pair of R@k, which
// sameDirections reads as following the two directions written before it in
// its sentence.
var respectivelyAfter = regexp.MustCompile(`^(?:\s*(?:at\s+)?(?i:R|Recall)@\d+)?\s*,?\s+respectively\b`)

// bothWritten is the two directions of image-text retrieval in the order
// text writes them, when it writes both; nil otherwise.
func bothWritten(text string) []string {
	written := map[string]bool{}
	for _, m := range directionWord.FindAllString(text, -1) {
		written[strings.ToLower(m)] = true
	}
	if len(written) < 2 {
		return nil
	}
	return retrievalOrder(text)
}

// retrievalOrder is the two directions of image-text retrieval in the
// order the text first writes them, the one it does not write last; none
// when it writes neither.
func retrievalOrder(text string) []string {
	var out []string
	for _, m := range directionWord.FindAllString(text, -1) {
		for _, dir := range retrievalDirections {
			if strings.EqualFold(dir, m) && !slices.Contains(out, dir) {
				out = append(out, dir)
			}
		}
	}
	if len(out) == 1 {
		for _, dir := range retrievalDirections {
			if dir != out[0] {
				out = append(out, dir)
			}
		}
	}
	return out
}

var directionWord = regexp.MustCompile(`(?i)\b(?:text-to-image|image-to-text)\b`)

// personSearch are the text-based person search benchmarks, which report
// Rank-k whichever way the text writes it; image-text retrieval keeps the
// direction (LABELLING.md).
var personSearch = set("cuhk-pedes", "icfg-pedes", "rstpreid")

// classMeanAP are the first words of detection datasets whose AP averages
// over classes, so "29.8 mAP on MS COCO" is the board's AP; on retrieval
// sets ("mAP" on CUHK-PEDES) mAP is a metric of its own.
var classMeanAP = set("coco", "lvis", "objects365")

// errorOf maps an error rate to the accuracy it is the complement of: a
// dataset measured in that accuracy is measured in its error too ("a top-1
// error of 23.4% on ImageNet, compared with 24.9% for LARS").
var errorOf = map[string]string{"Top-1 error": "Top-1 accuracy", "Top-5 error": "Top-5 accuracy", "Error rate": "Accuracy"}

// metricFits reports whether a number in metric can be on dataset: the
// dataset has no metric of its own, or both are of one kind (their last
// word: "Top-5 accuracy" fits a dataset of "Top-1 accuracy", "Mask AP" one
// of "Box AP"; "AP" does not fit "Top-1 accuracy").
func (m *matcher) metricFits(dataset, metric string) bool {
	own := m.metrics[dataset]
	if own == "" {
		return true
	}
	if acc, ok := errorOf[metric]; ok {
		metric = acc
	}
	last := func(s string) string {
		f := strings.Fields(strings.ToLower(s))
		return f[len(f)-1]
	}
	return last(own) == last(metric)
}

// defaultMetric is the metric the caller assumes for a dataset, or "".
func (m *matcher) defaultMetric(dataset string) string {
	return m.metrics[dataset]
}

// namesAModel reports whether the sentence names a model other than in a
// comparison ("..., against 73.4% for IRRA" does not count): a word shaped
// like a model's name ("ViT-G", "ResNet-50") that is no dataset or metric.
func (s *sentence) namesAModel() bool {
	compared := false
	for i, t := range s.toks {
		if i > 0 && strings.ContainsAny(s.text[s.toks[i-1].end:t.start], ",;:()") {
			compared = false
		}
		if variantStops[strings.ToLower(t.text)] {
			compared = true
		}
		if !compared && nameKind(t.text) == modelWord && !s.blocked(t) {
			return true
		}
	}
	return false
}

// bareScoreGoesOn reports whether n, a decimal with no unit or metric, is a
// named model's score in the one metric of the sentence before: its
// sentence names no metric and no dataset, and it is shaped like a score
// (see scoreShaped).
func (s *sentence) bareScoreGoesOn(r *run, n *number, ctx *paperContext) bool {
	return !n.dropped && !n.version && !n.parameter && scoreShaped(n) && len(s.cues) == 0 && len(s.datasets) == 0 &&
		(r.source == fromSubject || r.source == fromNamed) &&
		len(ctx.lastCues) == 1 && ctx.lastCuesAt == ctx.at-1
}

// labelShare is a changed setting that trains with a share of the labels,
// as semi-supervised results are reported: "with 1% of ImageNet-1K labels".
var labelShare = regexp.MustCompile(`(?i)^(?:with|using)\s+(?:only\s+)?\d+(?:\.\d+)?\s*%\s+(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+)?(?:labels?|annotations?)\b`)

// joinNote adds a reason to a candidate's note.
func joinNote(note, reason string) string {
	if note == "" {
		return reason
	}
	return note + "; " + reason
}

// namedAfterContrast reports whether the method of run r is named after the
// last contrast or comparison word before it (contrastWords, variantStops),
// with no other number between: "..., while DNABERT-2 obtains 74.3%",
// "outperforming NT-500M (88.3%)".
func (s *sentence) namedAfterContrast(r *run, method string) bool {
	if method == "" {
		return false
	}
	at := -1
	for _, t := range s.toks {
		if t.start >= r.start {
			break
		}
		if w := strings.ToLower(t.text); contrastWords[w] || variantStops[w] {
			at = t.end
		}
	}
	if at < 0 {
		return false
	}
	for _, n := range s.nums {
		if n.start >= at && n.start < r.start {
			return false
		}
	}
	return strings.Contains(strings.ToLower(s.text[at:r.start]), strings.ToLower(method))
}

// gappedOwned reports whether n is the value before a change whose owner
// is the value before the change written before it (gappedChangeOwner).
func (s *sentence) gappedOwned(n *number) bool {
	r := s.runOf(n)
	return r != nil && r.gappedOwner
}
