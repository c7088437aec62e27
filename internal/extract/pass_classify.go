package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Words that, just before a number, make it a gain, a cost, an error or
// someone else's result rather than a score.
var backDelta = set("by", "gain", "gains", "improvement", "improvements", "improve", "improves",
	"improved", "improving", "increase", "increases", "increased", "boost", "boosts", "boosted",
	"margin", "lead", "gap", "drop", "drops", "dropped", "decrease", "decreases", "decreased",
	"reduction", "reduce", "reduces", "reduced", "reducing", "cut", "cuts", "cutting", "save",
	"saves", "saved", "saving", "savings", "lower", "lowers", "lowering", "overhead", "cost",
	"costs", "memory", "latency", "ratio", "rate", "sparsity", "fraction", "proportion", "share",
	"budget", "below", "above", "under", "within", "beyond", "outperform", "outperforms",
	"outperforming", "outperformed", "surpass", "surpasses", "surpassing", "beat", "beats",
	"exceed", "exceeds", "trail", "trails", "lag", "lags", "plus", "compression", "speedup",
	"throughput", "mask", "masks", "masking", "prune", "pruned", "pruning", "delta", "up", "down",
	"error", "errors", "loss", "perplexity", "add", "adds", "added", "adding",
	// What a model gives up is a drop, not a score: "RobustTPS loses only
	// 1.8% Rank-1".
	"loses", "lose", "lost", "losing",
	// What a part adds to a result is a gain, not a score: "the
	// attribute branch contributes 1.6% R@1".
	"contribute", "contributes", "contributed", "contributing")

// changeObjectHeads stand right before the model whose value a change
// starts from: "the top-1 error of ViT-Ti", "improves ResNet-18 accuracy".
var changeObjectHeads = set("of", "improves", "improve", "improved", "improving", "raises", "raise",
	"raised", "raising", "lifts", "lift", "lifted", "boosts", "boost", "boosted", "lowers", "lowered",
	"reduces", "reduced", "increases", "increased")

// differenceMarks right before a number make it a difference between two
// results, wherever the word that governs it stands: "(absolute 7.8%)";
// so does a word that adds it to an amount before: "brings a further 0.8
// mask AP", "and the ViT affinities another 2.0 AP".
var differenceMarks = set("absolute", "relative", "further", "another")

// splitWords name the split a metric is read on, between a name and its
// metric: "ResNet-50's top-1 validation accuracy".
var splitWords = set("validation", "val", "test", "dev")

// earlierWords before the noun that governs a number make it an earlier
// result, whatever the noun: "the previous record of 83.1%", "the prior
// state-of-the-art result of 79.2%".
var earlierWords = set("previous", "prior")

// Words skipped when looking for the word that governs a number.
var backFillers = set("about", "nearly", "almost", "around", "roughly", "approximately",
	"only", "just", "merely", "still", "a", "an", "the", "of", "at", "least", "more", "less",
	"than", "as", "much", "average", "large", "wide", "clear", "notable", "significant",
	"substantial", "consistent", "further", "additional", "extra", "absolute", "relative",
	"mere", "even", "respectively", "is", "was", "are", "were", "be", "been", "being", "some",
	"remarkable", "impressive", "solid", "strong", "whopping", "over")

// intransitiveChanges are verbs of a change whose subject is what changed
// ("GPT-4 drops only from 86.4% to 85.1%", "Faster R-CNN improves from
// 38.4 to 42.0 mAP"): the value before the change is the subject's. They
// are the verbs that say a metric itself changes (changeVerbs).
var intransitiveChanges = set(changeVerbs...)

// Words that, just after a number, make it a gain, a cost, a fraction, a
// speed-up or an error ("3.57% error": the metrics read here go up).
var forwardDelta = set("higher", "lower", "better", "worse", "more", "less", "fewer", "faster",
	"slower", "cheaper", "smaller", "larger", "bigger", "improvement", "improvements", "gain",
	"gains", "increase", "increases", "decrease", "decreases", "reduction", "reductions", "drop",
	"boost", "lift", "margin", "above", "below", "ahead", "behind", "over", "points", "point",
	"pts", "pp", "relative", "absolute", "speedup", "speed-up", "times", "x", "lead",
	"advantage", "of", "error", "errors")

// commaAlone is the gap of a comma and nothing else between two numbers.
var commaAlone = regexp.MustCompile(`^\s*,\s*$`)

// Words after a number that end the phrase about it.
var forwardStops = set("on", "in", "for", "at", "with", "while", "and", "using", "under",
	"without", "after", "when", "across", "to", "from", "by", "than", "via", "whereas", "but")

// changeAdverbs before "from" mark the value a score rose or fell from:
// "84.6%, up from 81.2%".
var changeAdverbs = set("up", "down")

// versusWords put someone else's value next to a score: "77.2% versus 73.4% for IRRA".
var versusWords = set("versus", "vs", "against")

// reductionVerbs bring a quantity down; the metrics read here go up.
var reductionVerbs = set("reduces", "reduce", "reduced", "reducing", "lowers", "lower", "lowered",
	"lowering", "cuts", "cut", "cutting", "decreases", "decrease", "decreased", "decreasing",
	"halves", "halved", "shrinks", "shrink", "shrank")

// objectPronouns may stand between a change verb and "to": "drops it to 55.3%".
var objectPronouns = set("it", "them", "this", "that")

// changeNouns as the subject of "... to N%" make N a difference, not a
// score: "the improvement shrinks to 1.1%", "the gap narrows to 0.4%".
var changeNouns = set("improvement", "improvements", "gain", "gains", "gap", "margin", "difference",
	"lead", "advantage", "drop", "reduction", "increase", "decrease", "speedup", "overhead", "delta")

// declineVerbs before "to" give a value under a changed setting, not a
// plain score: "drops to 85.0% once classes are merged".
var declineVerbs = set("drops", "drop", "dropped", "dropping", "falls", "fall", "fell", "falling",
	"degrades", "degrade", "degraded", "degrading", "declines", "decline", "declined", "declining",
	"decreases", "decreased", "decreasing", "collapses", "collapsed", "plummets", "plummeted",
	"deteriorates", "deteriorated", "shrinks", "shrank", "sinks", "sank", "slips", "slipped", "down")

// settingNouns after a percentage make it a setting: "at 80% noise", "40% label noise".
var settingNouns = set("subset", "subsets", "split", "portion", "fraction", "noise", "sparsity", "corruption", "corruptions", "occlusion", "masking",
	"pruning", "labels", "annotations", "supervision", "data", "dropout", "quantization",
	"quantisation", "perturbation", "perturbations", "poisoning", "missing",
	// "at 70% coverage": the share of questions answered in selective prediction.
	"coverage")

// openingPhrase names, at the start of a sentence, the model whose
// numbers change: "For CLIP ViT-L/14, accuracy rises from 75.3% to 77.1%",
// also past a comparative ("For the stronger RDE, Rank-1 improves from"),
// and after "With", which opens a sentence on the model the paper's change
// is applied to ("With CLIP ViT-B/32, top-1 accuracy improves from 63.4%
// to 66.0%"; see openingModelNouns for what may follow the name). A
// participle that puts the paper's change into, onto or with a model names
// that model too ("Inserted into SegFormer-B0, BPU improves mIoU from
// 37.4%", "Integrated into RetinaNet with ResNet-101, it raises COCO AP
// from 40.4", "Applied on top of", "Built on", "Combined with";
// openingBuiltOn), when the name is one word: of several ("Built on a
// ResNet-50 RetinaNet"), which is the model?
var (
	openingPhrase  = regexp.MustCompile(`^(?:For|With|Plugged into|Applied to|When applied to|On top of|Added to|Applied on top of|Built on|Built upon|Integrated into|Inserted into|Combined with)\s+(?:the |a |an )?(?:[a-z]+er\s+)?`)
	openingBuiltOn = regexp.MustCompile(`^(?:Applied on top of|Built on|Built upon|Integrated into|Inserted into|Combined with)\s`)
)

// openingChangeTo opens a sentence with a participle or phrase that puts
// the paper's change into, onto or beside a model, which is then the model
// whose value a change starts from even when a phrase about it runs on to
// the comma ("Applied to DeiT-B trained for 300 epochs, SpectralMix raises
// accuracy from 81.8%", "Starting from Qwen2.5-7B, SGR raises MMLU
// accuracy from 74.2", "Relative to DNABERT-2, MotifBERT raises accuracy
// from 76.8%"); see openingChangedModel.
var openingChangeTo = regexp.MustCompile(`^(?:(?:Applied|Plugged|Added)(?:\s+off\s+the\s+shelf)?\s+(?:to|into|on\s+top\s+of)|Starting\s+from|Relative\s+to)\s+`)

// openingChangeAdjectives may stand before the name such an opening gives:
// "Applied to an off-the-shelf DeiT-B", "Applied to frozen BLIP-2".
var openingChangeAdjectives = set("off-the-shelf", "frozen", "pretrained", "pre-trained", "standard", "original", "plain", "vanilla", "strong")

// openingChangeNouns may follow the name, as what the name is: "Applied to
// a RoBERTa-large reader", "Applied to the frozen NT-v2-250M backbone"
// (there the backbone is the whole model the change is applied to).
var openingChangeNouns = set("reader", "model", "classifier", "detector", "baseline", "backbone", "embeddings", "encoder")

// openingChangeQualifiers open a phrase about the name before the comma:
// "DeiT-B trained for 300 epochs", "BLIP-2 without retraining", "CLIP
// ViT-B/16 on the COCO 5K test set", "DINO with a ResNet-50 backbone".
var openingChangeQualifiers = set("trained", "fine-tuned", "finetuned", "pre-trained", "pretrained", "without", "with", "on", "in", "at", "under")

// maxOpeningChangeWords bounds the words from the name to the comma.
const maxOpeningChangeWords = 14

// openingModelNouns may follow the name an opening phrase gives, before its
// comma: "With a smaller ELECTRA-base reader, the gate lifts F1 from ...".
// A part the model is built from ("With a ResNet-50 backbone,") is not the
// model whose numbers change, so such nouns are not listed.
var openingModelNouns = set("reader", "model", "classifier", "detector", "student")

// ownSetup opens a sentence with the paper's own way of evaluating, not a
// changed setting: "Under our unified harness, Falcon-40B obtains 55.4%".
// A training schedule is the recipe every score is reported under, not a
// changed setting either: "Under the 12-epoch (1x) schedule, X obtains".
var ownSetup = regexp.MustCompile(`^(?i:under)\s+(?:our\s+(?:[\w-]+\s+){0,2}(?:harness|protocol|evaluation|setup|pipeline)\b` +
	`|(?:the|a|our)\s+(?:[\w()-]+\s+){0,3}(?:training\s+)?schedules?\b)`)

// attackWords, in a phrase that opens a sentence with "Under", name the
// attack robust accuracy is measured under: "Under AutoAttack with ε =
// 4/255 on ImageNet-1K, ...", "Under ℓ∞ attacks with ε = 4/255, ...".
var attackWords = set("autoattack", "attack", "attacks", "pgd", "apgd", "pgd-20", "pgd-10")

// attackComparisonWords, after such an opening, turn to the values the
// subject's are compared with, which the opening's doubt still reaches.
var attackComparisonWords = set("compared", "versus", "vs", "against", "whereas", "while", "whilst",
	"improving", "outperforming", "surpassing", "than", "unlike", "but")

// opensOnAttack reports whether the sentence opens with "Under" and a
// phrase, up to its first comma, that names an attack (attackWords): the
// setting robust accuracy is defined under, not a changed one.
func (s *sentence) opensOnAttack() bool {
	if len(s.toks) < 2 || s.toks[0].text != "Under" {
		return false
	}
	for k := 1; k < len(s.toks); k++ {
		if strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ",") {
			return false
		}
		if attackWords[strings.ToLower(s.toks[k].text)] {
			return true
		}
	}
	return false
}

// conditionRe finds a sentence that reports values under a changed setting
// rather than plain scores: noise or corruption levels, a part of the labels
// or data, merged or removed parts, ablations. "under the same setting"
// inside a sentence says the values compared share one setting, so it is no
// change ("surpassing DINO (49.0 AP) under the same setting"); a sentence
// that opens with it ("Under the same settings, ...") still goes back to a
// setting named before, and the opening "under" marks it.
var conditionRe = regexp.MustCompile(`(?i)` +
	`^(?:under|once|if|removing|ablating)\b` +
	`|\b(?:once|if)\s+(?:the\s+|a\s+|an\s+|we\s+|it\s+|they\s+)?\w+\s+(?:is|are|was|were|gets|get|becomes)\b` +
	`|\b(?:trained|fine-?tuned|pre-?trained|evaluated|tested)\s+(?:on|with)\s+(?:only\s+)?(?:half|a\s+(?:fraction|subset|part|quarter|third|tenth)|one\s+(?:half|quarter|third|tenth)|(?:a\s+)?\d+(?:\.\d+)?\s*%)` +
	`|\bunder\s+(?:these|this|such)\s+(?:settings?|conditions?|noise|corruptions?|shifts?|attacks?)\b` +
	`|\b(?:under|at|with)\s+(?:only\s+)?\d+(?:\.\d+)?\s*%\s+(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+)?(?:noise|labels?|annotations?|captions?|supervision|data|sparsity|corruption|occlusion|masking|pruning)\b` +
	`|\b(?:noisy|corrupted|perturbed|adversarial|occluded)\s+(?:labels?|captions?|inputs?|images?|test|setting|data)\b`)

// classify drops the runs and numbers that are not scores (gains, costs,
// sizes, settings, someone unnamed's values), marks values under a changed
// setting, and indexes the runs kept.
func (s *sentence) classify(ctx *paperContext) {
	inForList := make([]bool, len(s.runs)) // a value of a comparison, or listed after one with its own "for"
	for i, r := range s.runs {
		if i+1 < len(s.runs) {
			if name := s.outperformedByTo(r, s.runs[i+1]); name != "" {
				// "outperforming Chinchilla on MMLU by 41.3% to 35.7%":
				// the subject's score, then the one it beats.
				s.runs[i+1].method, s.runs[i+1].source = name, fromNamed
				continue
			}
		}
		s.dropNonScores(r, ctx)
		inForList[i] = r.compared
		if i > 0 && !r.dropped && !r.compared && inForList[i-1] && s.forListed(s.runs[i-1], r) {
			// "compared with 36.9 AP for ERD and 42.1 AP for a detector
			// trained jointly": each value of the comparison is someone
			// else's, kept only when named.
			inForList[i] = true
			r.compared = !s.namedAfterFor(r)
		}
		r.comparison = inForList[i]
		if i > 0 && !r.dropped && s.runs[i-1].byDelta && s.deltaListGoesOn(i-1) {
			// "by 509% in speed and 2% in accuracy": "by" governs both;
			// "by 1.1% Rank-1 on A, 1.6% on B and 2.0% on C": all three.
			r.dropped, r.byDelta = true, true
		}
		if i > 0 && !r.dropped && s.runs[i-1].byDelta && gainRangeEnd(s.runs[i-1], r, s.text) {
			// "improved by 1.5 to 3.0 percent": the gain's upper end. (A
			// lower second value, "outperforming Y by 41.3% to 35.7%", is
			// two scores: see outperformedByTo.)
			r.dropped, r.byDelta = true, true
		}
	}
	s.shareListGain()
	s.condition = s.findCondition()
	for _, r := range s.runs {
		for _, n := range r.nums {
			if !n.dropped {
				s.runAt[n.start] = r
			}
		}
	}
}

// boundWords right before a number make it a bound or a rough figure
// rather than the score a paper reports: "over 80%", "more than 90%", "at
// least 70%", "nearly 50%". "up to" is not one: it reports the best score.
var boundWords = set("over", "nearly", "almost", "about", "around", "roughly", "approximately",
	"least", "than", "exceeding", "beyond", "above", "below", "under")

// bounded reports whether run r opens with a bound: a bound word or one of
// "> < ~ ≈" right before its first number.
func (s *sentence) bounded(r *run) bool {
	before := strings.TrimRight(s.text[:r.start], " ")
	if strings.HasSuffix(before, ">") || strings.HasSuffix(before, "<") || strings.HasSuffix(before, "~") || strings.HasSuffix(before, "≈") {
		return true
	}
	i := s.lastTokenBefore(r.start)
	return i >= 0 && onlySpaces(s.text[s.toks[i].end:r.start]) && boundWords[strings.ToLower(s.toks[i].text)]
}

// outperformVerbs take the one beaten as their object.
var outperformVerbs = set("outperform", "outperforms", "outperformed", "outperforming", "surpass", "surpasses",
	"surpassed", "surpassing", "beat", "beats", "beating", "exceed", "exceeds", "exceeded", "exceeding")

// outperformedByTo reads "outperforming Y ... by A to B", where A is the
// subject's score and B is Y's, and returns Y, or "" when r and next are
// not such a pair.
func (s *sentence) outperformedByTo(r, next *run) string {
	w, i := s.governingWord(r.start)
	if w != "by" || len(r.nums) != 1 || len(next.nums) != 1 || strings.TrimSpace(s.text[r.end:next.start]) != "to" {
		return ""
	}
	for v := i - 1; v >= 0 && v > i-10 && !strings.ContainsAny(s.text[s.toks[v].end:s.toks[v+1].start], ",;:("); v-- {
		if outperformVerbs[strings.ToLower(s.toks[v].text)] {
			name, _ := nameStartingAt(s.text, s.toks, v+1, s.blocked)
			if t := s.toks[v+1]; name == "" && nameKind(t.text) == plainWord && !s.blocked(t) && !phraseOpeners[strings.ToLower(t.text)] {
				name = t.text // the object of "outperforming" is a name: "Chinchilla"
			}
			return name
		}
	}
	return ""
}

// coordinatedDelta joins a gain after "by" to another number that "by"
// governs too: "by 509% in speed and 2% in accuracy", "by 2.1% on
// CUHK-PEDES and 1.5% on RSTPReid". A verb between ("and reaches") starts
// a clause of its own.
var coordinatedDelta = regexp.MustCompile(`^(?:\s+[\w@-]+)?(?:\s+(?:in|on|for|at|over)\s+(?:[\w-]+\s*){1,4}?)?\s*,?\s*and\s*$`)

// listedDelta is a comma between two items of such a coordination, each
// number with its metric word and its phrase: "by 1.1% Rank-1 on
// CUHK-PEDES, 1.6% on ICFG-PEDES and 2.0% on RSTPReid". It joins only a
// list that "and" closes.
var listedDelta = regexp.MustCompile(`^(?:\s+[\w@-]+)?(?:\s+(?:in|on|for|at|over)\s+(?:[\w-]+\s*){1,4}?)?\s*,\s*$`)

// deltaListGoesOn reports whether the run after s.runs[i] is the next item
// of the coordination s.runs[i] is in: joined by "and", or by a comma in a
// list that a later "and" closes.
func (s *sentence) deltaListGoesOn(i int) bool {
	for j := i; j+1 < len(s.runs); j++ {
		a, b := s.runs[j], s.runs[j+1]
		between := s.text[a.end:max(b.start, a.end)]
		switch {
		case coordinatedDelta.MatchString(between):
			return true
		case !listedDelta.MatchString(between):
			return false
		}
	}
	return false
}

// namedDeclineSubject reports whether the decline verb at v has a name
// right before it, past adverbs, set off from the rest by a contrast word
// ("whereas TENT degrades to", "while LLaVA-1.5-7B falls to"): the name is
// the subject, and the value its score.
func (s *sentence) namedDeclineSubject(v int) bool {
	j := v - 1
	for j >= 0 && adverbs[strings.ToLower(s.toks[j].text)] {
		j--
	}
	if j < 0 || s.blocked(s.toks[j]) {
		return false
	}
	if nameEndingAt(s.text, s.toks, j, s.blocked) == "" {
		return false
	}
	k := nameRunStart(s.text, s.toks, j, s.blocked) - 1
	return k >= 0 && contrastWords[strings.ToLower(s.toks[k].text)]
}

// reducedFrom reports whether the "from" at i follows a verb of reduction
// in its clause with no metric between them: "reduces expected calibration
// error on ImageNet from 4.1%", "cuts latency from". "lowers the error rate
// of X from" is the same; "raises top-1 accuracy from" is not.
func (s *sentence) reducedFrom(from int) bool {
	for k := from - 1; k >= 0 && k >= from-8; k-- {
		t := s.toks[k]
		if s.inCue(t.start, t.end) || strings.ContainsAny(s.text[t.end:s.toks[k+1].start], ",;:()") {
			return false
		}
		if reductionVerbs[strings.ToLower(t.text)] {
			return true
		}
	}
	return false
}

// reducedNamedFrom reports whether n follows a "from" after a verb of
// reduction and the metric it reduces, its acronym in brackets: "reduces
// the expected calibration error (ECE) of ViT-B/16 from 0.047". The metric
// is named, only not among the cues; the value, and the one it falls to,
// are that metric's, not the one a cue elsewhere in the sentence names.
func (s *sentence) reducedNamedFrom(n *number) bool {
	from := s.lastTokenBefore(n.start)
	if from < 1 || !strings.EqualFold(s.toks[from].text, "from") || !onlySpaces(s.text[s.toks[from].end:n.start]) {
		return false
	}
	acronym := false
	for k := from - 1; k >= 0 && k >= from-10; k-- {
		t := s.toks[k]
		if s.inCue(t.start, t.end) {
			return false
		}
		if strings.ContainsAny(s.text[t.end:s.toks[k+1].start], ",;:()") {
			if !s.acronymInBracket(k) && !s.acronymInBracket(k+1) {
				return false
			}
			acronym = true
		}
		if reductionVerbs[strings.ToLower(t.text)] {
			return acronym
		}
	}
	return false
}

// acronymInBracket reports whether word k is a metric's acronym alone in
// brackets, the short name of the metric before it: "the expected
// calibration error (ECE) of ViT-B/16 from 0.047".
func (s *sentence) acronymInBracket(k int) bool {
	if k <= 0 || k+1 >= len(s.toks) {
		return false
	}
	t := s.toks[k]
	return strings.TrimSpace(s.text[s.toks[k-1].end:t.start]) == "(" &&
		strings.HasPrefix(strings.TrimSpace(s.text[t.end:s.toks[k+1].start]), ")") &&
		!s.blocked(t) && metricAcronym(t.text)
}

// openingSettingOf reports whether number n is the value in a phrase that
// opens the sentence with the setting the rest is measured under: "With a
// concentration of 0.5, ...", "Under a noise rate of 40%, ...". The phrase
// is "With" or "Under", an article, up to four words in lower case that name
// no metric, "of" and the number, then a comma.
func (s *sentence) openingSettingOf(n *number) bool {
	if len(s.toks) < 4 || !settingOpeners[s.toks[0].text] || !set("a", "an")[s.toks[1].text] {
		return false
	}
	of := s.lastTokenBefore(n.start)
	if of < 3 || of > 6 || s.toks[of].text != "of" || !onlySpaces(s.text[s.toks[of].end:n.start]) ||
		!strings.HasPrefix(strings.TrimSpace(s.text[numEnd(n):]), ",") {
		return false
	}
	for k := 2; k < of; k++ {
		t := s.toks[k]
		if t.text != strings.ToLower(t.text) || s.inCue(t.start, t.end) || s.blocked(t) || !onlySpaces(s.text[s.toks[k-1].end:t.start]) {
			return false
		}
	}
	return true
}

// settingOpeners open a sentence with the setting its scores are read under.
var settingOpeners = set("With", "Under")

// subjectNoun returns, lower-cased, the word right before the verb at i,
// past adverbs: "the improvement (further) shrinks".
func (s *sentence) subjectNoun(verb int) string {
	j := verb - 1
	for j >= 0 && adverbs[strings.ToLower(s.toks[j].text)] {
		j--
	}
	if j < 0 {
		return ""
	}
	return strings.ToLower(s.toks[j].text)
}

// forListed reports whether run r is joined to the run before it as
// another item of one list of values, each followed by "for" and its
// owner: "36.9 AP for ERD and 42.1 AP for a detector", "36.4 for CL-DETR,
// 37.8 for SDDGR and 44.1 for joint training".
func (s *sentence) forListed(prev, r *run) bool {
	return forItemJoint.MatchString(s.text[prev.end:r.start]) && forItemAfter.MatchString(s.text[r.end:])
}

// namedAfterFor reports whether a name owns run r after its "for", as in
// "and 11.2% for Whisper large-v3"; "for a detector trained jointly" names
// none.
func (s *sentence) namedAfterFor(r *run) bool {
	m := forItemAfter.FindStringIndex(s.text[r.end:])
	if m == nil {
		return false
	}
	owner := s.text[r.end+m[1]:]
	if end := forOwnerEnd.FindStringIndex(owner); end != nil {
		owner = owner[:end[0]]
	}
	return strings.ContainsFunc(owner, unicode.IsUpper)
}

// forOwnerWord is one word of an owner's name after "for": it may hold
// digits ("L2P", "Qwen2-72B", "the FP16 model") but not be a number, so
// that no setting ("for 10 tasks") is read as a name.
const forOwnerWord = `[^,;:()\s]*[^\W\d][^,;:()\s]*`

// forItemJoint is the words between two values of such a list: the first
// one's owner after "for", and the joint. forItemAfter is what follows the
// second: its owner after "for", past a metric written with it.
var (
	forItemJoint = regexp.MustCompile(`^\s*(?:[\w@-]+\s+)?for\s+` + forOwnerWord + `(?:\s+` + forOwnerWord + `)*?(?:,\s*and|,|\s+and)\s*$`)
	forItemAfter = regexp.MustCompile(`^\s*(?:[\w@-]+\s+)?for\s`)
	forOwnerEnd  = regexp.MustCompile(`[,;:()]|\s(?:and|or)\s`)
)

// dropNonScores drops a run that is a gain, cost, fraction or someone
// unnamed's result, judged by the word before it ("by 2.4%", "saves 38%",
// "the previous best of 79.8%") and the words after it ("1.3% higher",
// "90% of the tubes", "6 points"). A value before a change ("from 79.8% to
// 80.6%") is kept only when a name stands right before "from".
func (s *sentence) dropNonScores(r *run, ctx *paperContext) {
	w, i := s.governingWord(r.start)
	if i >= 0 && s.inCue(s.toks[i].start, s.toks[i].end) {
		w = "" // the metric governs it: "a word error rate of 2.7%"
	}
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
	if j := s.lastTokenBefore(r.start); j >= 0 && onlySpaces(s.text[s.toks[j].end:r.start]) && differenceMarks[strings.ToLower(s.toks[j].text)] {
		r.dropped = true // "lower top-1 error (absolute 7.8%) than MobileNet"
		return
	}
	if w != "by" && s.bounded(r) {
		r.dropped = true // "reaches over 80% top-1": a bound, not the score
		return
	}
	if i > 0 && !backDelta[w] && earlierWords[strings.ToLower(s.toks[i-1].text)] {
		w = strings.ToLower(s.toks[i-1].text) // "the previous record of 83.1%": someone else's
	}
	if i > 0 && s.objectOfOutperform(i) {
		r.dropped = true // "exceeds the human-expert level of 89.8%": the one beaten
		return
	}
	if n := r.nums[0]; s.openingSettingOf(n) {
		n.dropped = true // "With a concentration of 0.5, accuracy rises to 61.7%": the setting
	}
	switch {
	case backDelta[w], genericOthers[w]:
		r.dropped, r.byDelta = true, w == "by"
		return
	case versusWords[w] || w == "with" && i > 0 && strings.EqualFold(s.toks[i-1].text, "compared"):
		r.compared = true // someone else's value, kept only when named
	case w == "to" && i > 1 && changeNouns[s.subjectNoun(i-1)]:
		r.dropped = true // "the improvement shrinks to 1.1%", "the gap grows to 3.1%"
		return
	case w == "to" && i > 1 && declineVerbs[strings.ToLower(s.toks[i-1].text)] && s.namedDeclineSubject(i-1):
		// "whereas TENT degrades to 74.9%": a named model's own score,
		// lower than another's, not a value under a changed setting (a
		// setting the sentence states still holds it, in confidence).
	case w == "to" && i > 0 && (declineVerbs[strings.ToLower(s.toks[i-1].text)] ||
		i > 1 && objectPronouns[strings.ToLower(s.toks[i-1].text)] && declineVerbs[strings.ToLower(s.toks[i-2].text)]):
		r.modified = true // "drops to 85.0% once classes are merged", "drops it to 55.3%"
	case w == "from" && i > 0 && changeAdverbs[strings.ToLower(s.toks[i-1].text)] && !r.nums[0].rangeEnd:
		// "reaches 84.6%, up from 81.2% for X": the value before a change
		// that a score has already reported is compared with, as after
		// "compared with", and kept only when named.
		r.compared = true
	case w == "from" && !r.nums[0].rangeEnd && s.reducedFrom(i):
		// "reduces calibration error from 4.1% to 1.2%": a cost or an
		// error, which no metric here measures; both values go.
		r.dropped = true
		for _, n := range r.nums {
			if n.to != nil {
				n.to.dropped = true
			}
		}
		return
	case w == "" && r.nums[0].from && !r.nums[0].rangeEnd:
		// "on Human Enhancers Cohn (74.3% to 77.9%)": whose the value
		// before is, only a name on the value after can say.
		r.namedByChange = true
		return
	case w == "from" && !r.nums[0].rangeEnd && s.methodAfter(r, ctx):
		// "goes from 58.1% for the original Zephyr-7B to 57.2%": the name
		// after "for" owns the value it follows, as it does outside a
		// change ("63.4% for Llama 2 13B"), before any name of the clause.
		return
	case w == "from" && !r.nums[0].rangeEnd:
		// "improves a ResNet-50 from 76.1% to 77.4%": the value before is ResNet-50's.
		j := i - 1
		for j >= 0 && backFillers[strings.ToLower(s.toks[j].text)] {
			j--
		}
		name := ""
		part := s.withPartBefore(j)
		if j >= 0 && part < 0 {
			// Not the part a model is built with: "the AP of a RetinaNet
			// student with ResNet-50 from" is RetinaNet's (changedObject).
			name = nameEndingAt(s.text, s.toks, j, s.blocked)
		}
		withPart := false
		if name == "" && j >= 0 && len(r.nums) == 1 && r.nums[0].to != nil {
			name = s.changedObject(j)
			withPart = name != "" && part > 0
		}
		if name == "" && j > 0 && intransitiveChanges[strings.ToLower(s.toks[j].text)] {
			// "whereas Qwen1.5-72B falls from 77.5% to 68.3%", "Faster
			// R-CNN improves from 38.4 to 42.0": the subject of the change,
			// right before its verb, owns the value before it. The value
			// after a fall is read past it, as the clause's own; after a
			// rise it is the changed method's, as before.
			k := j - 1
			for k >= 0 && backFillers[strings.ToLower(s.toks[k].text)] {
				k--
			}
			if k >= 0 && !strings.ContainsAny(s.text[s.toks[k].end:s.toks[j].start], ",;:()") {
				if name := nameEndingAt(s.text, s.toks, k, s.blocked); name != "" {
					r.method, r.source = s.studentOf(name), fromNamed
					r.fallFrom = declineVerbs[strings.ToLower(s.toks[j].text)]
					return
				}
			}
		}
		if name == "" {
			name = s.forInClause(i) // "..., and for Mask R-CNN it improves mask AP from"
		}
		if name == "" {
			name = s.openingName()
		}
		if name == "" && s.oneNameBeforeFrom(i) {
			if name = s.openingChangedModel(); name != "" {
				// "Applied to DeiT-B trained for 300 epochs, X raises ...
				// from 81.8%": the model the opening puts the change
				// into owns the value before; the value after stays the
				// clause's subject's, as when no one owned it.
				r.method, r.source, r.objectFrom = s.studentOf(name), fromNamed, true
				return
			}
		}
		if name == "" {
			if name = s.possessiveSubject(i); name != "" {
				// "GPT-4o's accuracy drops from 88.7% to 72.6%": both are GPT-4o's.
				r.method, r.source, r.ownsChange = name, fromNamed, true
				return
			}
		}
		if name == "" && ctx.baseModel != "" && !strings.EqualFold(ctx.baseModel, ctx.method) {
			// "We fine-tune Qwen-1.8B on ... The resulting model lifts MMLU
			// accuracy from 45.3% to 48.9%": the value before is the
			// model the paper starts from.
			r.method, r.source, r.fromBase = s.studentOf(ctx.baseModel), fromNamed, true
			return
		}
		if name == "" {
			// Perhaps named after the change: "drops from 73.4% to 72.8% for IRRA".
			r.namedByChange = true
			return
		}
		r.method, r.source, r.objectFrom = s.studentOf(name), fromNamed, withPart
	}
	for k, t := range s.tokensAfter(r.end, 3) {
		w := strings.ToLower(t)
		if forwardStops[w] {
			break
		}
		if forwardDelta[w] && (w != "of" || k == 0) {
			// The word belongs to the last number, and to the others
			// only when they have no metric of their own or are joined
			// to it by "and": "29.1 BLEU, 0.8 BLEU above" keeps 29.1,
			// "1.5 and 0.3 points above" and "5.3 AP and 4.8 AP gains" keep none.
			// A last number set off by a comma alone after a number with
			// its own metric stands apart from the list before it: in
			// "67.0% Rank-1 and 40.6% mAP, 0.3 points below" the "and"
			// joins the scores, not the gain.
			apart := len(r.nums) > 1 && r.nums[len(r.nums)-2].cue != nil &&
				commaAlone.MatchString(s.between(numEnd(r.nums[len(r.nums)-2]), r.nums[len(r.nums)-1].start))
			r.dropped = true
			for i, n := range r.nums {
				if i == len(r.nums)-1 || n.cue == nil || !apart && strings.Contains(s.between(numEnd(n), r.end), " and ") {
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
		if n.cue == nil && (s.unknownMetricAfter(n) || s.unknownMetricBefore(n) || s.reducedNamedFrom(n)) {
			n.otherMetric = true // "45.2 AR100", "7.9 FID", "an ECE of 0.018": a metric not read here
			if n.to != nil {
				n.to.otherMetric = true // "(ECE) from 0.084 to 0.031": both ends
			}
		}
		// A setting, not a score: "at 80% noise", "40% label noise", "50% sparsity".
		if n.cue == nil || !n.cueAfter {
			for k, t := range next {
				w := strings.ToLower(t)
				if settingNouns[w] {
					n.dropped = true
					if n == r.nums[len(r.nums)-1] {
						// "at 80%, 90% and 95% sparsity": the list shares the
						// setting written after its last number.
						for _, o := range r.nums {
							if o.cue == nil {
								o.dropped = true
							}
						}
					}
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

// changedObject returns the model a change is measured on, when words
// about the measurement stand between its name and "from": the dataset
// ("the top-1 error of ViT-Ti on ImageNet from") or a model noun ("the
// accuracy of a ResNet-8x4 student from", "a Faster R-CNN baseline from").
// The name must follow "of" or the verb of the change, as its object, not
// open the clause as its subject; j is the last word before "from". Not
// read: a name right before a metric, which may be what the metric is
// measured on ("improves ARC-Challenge accuracy from"); a name of several
// model-like words (which of them is the model?); a size ("the
// 1M-parameter student"); a change the authors make themselves ("we
// improve the mAP of Faster-RCNN from"), which may have changed the model
// named (its backbone) rather than applied a method to it.
func (s *sentence) changedObject(j int) string {
	part := false
	if w := s.withPartBefore(j); w > 0 {
		// "improves Mask2Former with a Swin-B backbone from 55.1 to
		// 56.4 PQ": the model is named before the part it is built with.
		j, part = w-1, true
	}
	k := j
	for ; k >= 0; k-- {
		w := strings.ToLower(s.toks[k].text)
		if s.blocked(s.toks[k]) || modelNouns[w] || w == "baseline" {
			continue
		}
		if (w == "on" || w == "in") && k < j && s.inDataset(s.toks[k+1].start, s.toks[k+1].end) {
			continue
		}
		break
	}
	if k < 0 || k == j && !part || k < j && s.inCue(s.toks[k+1].start, s.toks[k+1].end) {
		return ""
	}
	name := nameEndingAt(s.text, s.toks, k, s.blocked)
	start := nameRunStart(s.text, s.toks, k, s.blocked)
	if name == "" || start == 0 || startsWithDigit(name) || strings.ContainsAny(s.text[s.toks[start-1].end:s.toks[k].end], ",;:()") {
		return ""
	}
	models := 0
	for _, t := range s.toks[start : k+1] {
		if modelLike(t.text) {
			models++
		}
	}
	h := start - 1
	for h > 0 && plainArticles[strings.ToLower(s.toks[h].text)] {
		h--
	}
	if models > 1 || !changeObjectHeads[strings.ToLower(s.toks[h].text)] {
		return ""
	}
	for c := h; c >= 0 && !strings.ContainsAny(s.text[s.toks[c].end:s.toks[c+1].start], ",;:"); c-- {
		if strings.EqualFold(s.toks[c].text, "we") {
			return ""
		}
	}
	return name
}

// withPartBefore returns, when the words up to j are a part a model is
// built with ("with a ResNet-50 backbone", "with ResNet-50", "with a
// ResNet-50 FPN"), the index of its "with"; else -1. A name or a model
// noun must run on into "with", with no comma: "DINO with a ResNet-50
// backbone from", "a RetinaNet student with ResNet-50 from".
func (s *sentence) withPartBefore(j int) int {
	if j >= 0 && modelNouns[strings.ToLower(s.toks[j].text)] {
		j--
	}
	if j < 0 || s.blocked(s.toks[j]) || nameEndingAt(s.text, s.toks, j, s.blocked) == "" {
		return -1
	}
	h := nameRunStart(s.text, s.toks, j, s.blocked) - 1
	for h > 0 && plainArticles[strings.ToLower(s.toks[h].text)] {
		h--
	}
	if h < 1 || !strings.EqualFold(s.toks[h].text, "with") || !onlySpaces(s.text[s.toks[h-1].end:s.toks[h].start]) ||
		strings.ContainsAny(s.text[s.toks[h].end:s.toks[j].end], ",;:()") {
		return -1
	}
	if w := s.toks[h-1]; s.blocked(w) || nameKind(w.text) == notName && !modelNouns[strings.ToLower(w.text)] {
		return -1 // "and with Llama-3-70B-Instruct from": no model before the part
	}
	return h
}

// openingName returns the name of an opening phrase that ends in a comma, or "".
func (s *sentence) openingName() string {
	loc := openingPhrase.FindStringIndex(s.text)
	if loc == nil {
		return ""
	}
	i := s.firstTokenAfter(loc[1])
	name, next := nameStartingAt(s.text, s.toks, i, s.blocked)
	if name == "" || next >= len(s.toks) || strings.Contains(name, " ") && openingBuiltOn.MatchString(s.text) {
		return ""
	}
	if strings.TrimSpace(s.text[s.toks[next-1].end:s.toks[next].start]) == "," {
		return name
	}
	if openingModelNouns[s.toks[next].text] && next+1 < len(s.toks) && strings.TrimSpace(s.text[s.toks[next].end:s.toks[next+1].start]) == "," {
		return name
	}
	// "With" is followed by the model alone, not a phrase about it.
	if strings.HasPrefix(s.text, "With") {
		return ""
	}
	// "For YOLOX-L with roughly the same parameters as YOLOv5-L, we ...":
	// a phrase about the model may stand before the comma.
	if w := strings.ToLower(s.toks[next].text); w == "with" || w == "at" || w == "under" {
		if c := strings.Index(s.text[s.toks[next].start:], ","); c > 0 && !strings.Contains(s.text[s.toks[next].start:s.toks[next].start+c], ";") && !strings.Contains(s.text[s.toks[next].start:s.toks[next].start+c]+" ", ". ") {
			return name
		}
	}
	return ""
}

// openingChangedModel returns the model an opening participle or phrase
// puts the paper's change into (openingChangeTo), read past adjectives
// before it and a phrase about it up to the comma, or "". Only one name
// run, so "Relative to the original GenomicBenchmarks CNN" gives
// "GenomicBenchmarks CNN" and "Applied to the top-10 candidates of IRRA",
// whose object is no model, gives nothing.
func (s *sentence) openingChangedModel() string {
	loc := openingChangeTo.FindStringIndex(s.text)
	if loc == nil {
		return ""
	}
	i := s.firstTokenAfter(loc[1])
	if i < len(s.toks) && plainArticles[strings.ToLower(s.toks[i].text)] {
		i++
	}
	for i < len(s.toks) && openingChangeAdjectives[strings.ToLower(s.toks[i].text)] {
		i++
	}
	if i >= len(s.toks) {
		return ""
	}
	name, next := nameStartingAt(s.text, s.toks, i, s.blocked)
	if name == "" || startsWithDigit(name) || next >= len(s.toks) {
		return ""
	}
	if openingChangeNouns[s.toks[next].text] && next+1 < len(s.toks) {
		next++
	}
	tail := s.text[s.toks[next-1].end:]
	c := strings.Index(tail, ",")
	if c < 0 {
		return ""
	}
	if onlySpaces(tail[:c]) {
		return name
	}
	phrase := tail[:c]
	if !openingChangeQualifiers[strings.ToLower(s.toks[next].text)] || strings.ContainsAny(phrase, ";:()") ||
		strings.Contains(phrase+" ", ". ") || len(strings.Fields(phrase)) > maxOpeningChangeWords {
		return ""
	}
	return name
}

// oneNameBeforeFrom reports whether, from the comma that ends the
// opening phrase to the "from" at i, at most one name stands (the
// clause's subject, "Kestrel-7B improves"), a known dataset or a metric
// being no name: a second name ("and with a ViT-S it improves accuracy
// from", "and GSM8K accuracy from") is a model or benchmark of its own,
// not the opening's.
func (s *sentence) oneNameBeforeFrom(i int) bool {
	c := strings.Index(s.text, ",")
	if c < 0 || i >= len(s.toks) || c > s.toks[i].start {
		return false
	}
	names, inName := 0, false
	for k := s.firstTokenAfter(c); k < i; k++ {
		t := s.toks[k]
		isName := nameKind(t.text) == modelWord && !s.inCue(t.start, t.end) && !s.knownDatasetAt(t)
		if isName && !inName {
			names++
		}
		inName = isName
	}
	return names <= 1
}

// knownDatasetAt reports whether t is part of a dataset the caller knows.
func (s *sentence) knownDatasetAt(t token) bool {
	for _, d := range s.datasets {
		if d.known && t.start < d.end && d.start < t.end {
			return true
		}
	}
	return false
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

// conditionReaches reports whether the sentence's changed setting applies
// to run r: it does unless a clause break stands between them.
func (s *sentence) conditionReaches(r *run) bool {
	if s.condition == "" || r.start < s.conditionFrom {
		return false
	}
	from, to := r.end, s.conditionAt[0]
	if r.start >= s.conditionAt[1] {
		from, to = s.conditionAt[1], r.start
	}
	return from >= to || !conditionBreak.MatchString(s.text[from:to])
}

// conditionBreak ends the reach of a changed setting within a sentence.
// "but" and ";" turn to another setting of the same subject ("84.3% on
// clean ImageNet but falls to 61.2% on corrupted images"); "whereas" and
// "while" compare subjects under the same setting ("X keeps 61.5%, whereas
// IRRA falls to 48.0% at 80% noise"), so they do not.
var conditionBreak = regexp.MustCompile(`;|\bbut\b`)

// findCondition returns the phrase that marks the sentence as reporting
// values under a changed setting, or "".
func (s *sentence) findCondition() string {
	loc := conditionRe.FindStringIndex(s.text)
	if loc == nil || loc[0] == 0 && ownSetup.MatchString(s.text) {
		return ""
	}
	s.conditionFrom = 0
	if loc[0] == 0 && s.opensOnAttack() {
		// "Under AutoAttack with ε = 4/255, X reaches 59.1% robust
		// accuracy, compared with 56.1% for ...": the subject's values
		// are measured in the attack's own setting; the values the
		// sentence compares them with keep the doubt.
		s.conditionFrom = -1
		for _, t := range s.toks {
			if attackComparisonWords[strings.ToLower(t.text)] {
				s.conditionFrom = t.start
				break
			}
		}
		if s.conditionFrom < 0 {
			return ""
		}
	}
	s.conditionAt = loc
	return s.text[loc[0]:loc[1]]
}

// forInClause returns the name after a "for" that opens the clause of
// word i: "and for Mask R-CNN it improves mask AP from 34.7" is Mask
// R-CNN's; else "".
func (s *sentence) forInClause(i int) string {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		if strings.ContainsAny(s.text[s.toks[k].end:s.toks[k+1].start], ",;:(") {
			return ""
		}
		if strings.EqualFold(s.toks[k].text, "for") && k+1 < i {
			name, _ := nameStartingAt(s.text, s.toks, k+1, s.blocked)
			return name
		}
	}
	return ""
}

// possessiveSubject returns the name that owns the metric whose change the
// "from" at i reports: "GPT-4o's accuracy drops from", "IRRA's Rank-1 on
// RSTPReid rises from". The words between are the verb, metrics and
// datasets; "its" and "their" name no one here.
func (s *sentence) possessiveSubject(from int) string {
	k := from - 2 // past the verb, or the metric: "we raise ResNet-50's top-1 validation accuracy from"
	for ; k >= 0 && k >= from-6; k-- {
		t := s.toks[k]
		if strings.ContainsAny(s.text[t.end:s.toks[k+1].start], ",;:()") {
			return ""
		}
		if s.blocked(t) || possessiveFillers[strings.ToLower(t.text)] || adverbs[strings.ToLower(t.text)] || splitWords[strings.ToLower(t.text)] {
			continue
		}
		if _, pos := possessive(t.text); pos {
			return nameEndingAt(s.text, s.toks, k, s.blocked)
		}
		return ""
	}
	return ""
}

// unknownMetricAfter reports whether the word right after n names a metric
// that is not among the cues ("45.2 AR100", "12.3 FID", "39.7 MRR@10"): the
// number is measured in it, and must not borrow another metric.
func (s *sentence) unknownMetricAfter(n *number) bool {
	i := s.firstTokenAfter(n.after)
	if i >= len(s.toks) || !onlySpaces(s.text[n.after:s.toks[i].start]) || s.blocked(s.toks[i]) {
		return false
	}
	return metricAcronym(s.toks[i].text)
}

// unknownMetricBefore reports whether n is the value of a metric named
// right before it that is not among the cues: "an ECE of 0.018", "the
// expected calibration error (ECE) from 0.084 to 0.031". After "from" the
// acronym must be in brackets, as a name before "from" is more often a
// model or a dataset ("DeiT-S from 79.8%").
func (s *sentence) unknownMetricBefore(n *number) bool {
	i := s.lastTokenBefore(n.start)
	if i < 1 || !onlySpaces(s.text[s.toks[i].end:n.start]) {
		return false
	}
	joint := strings.ToLower(s.toks[i].text)
	if !metricJoints[joint] {
		return false
	}
	gap := strings.TrimSpace(s.text[s.toks[i-1].end:s.toks[i].start])
	if gap != "" && (gap != ")" || !strings.HasSuffix(strings.TrimSpace(s.text[:s.toks[i-1].start]), "(")) {
		return false
	}
	if joint == "from" && gap != ")" {
		return false
	}
	t := s.toks[i-1]
	return !s.blocked(t) && (metricAcronym(t.text) || joint == "of" && statisticNouns[strings.ToLower(t.text)])
}

// statisticNouns, before "of" and a number, name a statistic, not a score:
// "a Spearman correlation of 0.87", "Kendall's tau of 0.61".
var statisticNouns = set("correlation", "correlations", "coefficient", "tau", "rho")

// metricHeadNouns end the words a metric's acronym in brackets shortens:
// "expected calibration error (ECE)", "negative log-likelihood (NLL)",
// "Fréchet inception distance (FID)".
var metricHeadNouns = set("error", "errors", "score", "scores", "rate", "rates", "distance", "divergence",
	"loss", "likelihood", "log-likelihood", "perplexity")

// writesAsMetric reports whether the sentence writes name, a metric's
// acronym that is not among the cues, as a metric: with "of" and its value
// right after it ("an ECE of 0.112"), or alone in brackets after the words
// it shortens ("expected calibration error (ECE)"). Such a name, read as
// whose a number is, is the metric the number is measured in, not a
// method. With name empty, any such acronym counts: "the expected
// calibration error (ECE) on MMLU" writes another metric.
func (s *sentence) writesAsMetric(name string) bool {
	for k, t := range s.toks {
		if (name == "" || strings.EqualFold(t.text, name)) && s.metricWrittenAt(k) {
			return true
		}
	}
	return false
}

// metricWrittenAt reports whether word k is a metric's acronym, not among
// the cues, written as a metric (see writesAsMetric).
func (s *sentence) metricWrittenAt(k int) bool {
	t := s.toks[k]
	if s.blocked(t) || !metricAcronym(t.text) {
		return false
	}
	if k+2 < len(s.toks) && strings.EqualFold(s.toks[k+1].text, "of") && onlySpaces(s.text[t.end:s.toks[k+1].start]) &&
		onlySpaces(s.text[s.toks[k+1].end:s.toks[k+2].start]) && numberRe.MatchString(s.toks[k+2].text) &&
		strings.Trim(numberRe.FindString(s.toks[k+2].text), "0123456789.,") == "" {
		return true
	}
	return s.acronymInBracket(k) && metricHeadNouns[strings.ToLower(s.toks[k-1].text)]
}

// metricJoints join a metric named before its value: "an ECE of 0.018",
// "(ECE) from 0.084".
var metricJoints = set("of", "from")

// metricAcronym reports whether w is written as a metric's acronym: two
// capitals or more, or an "@" ("ECE", "MSE", "nDCG@10"), and not a word
// known to be no name.
func metricAcronym(w string) bool {
	if notNames[w] || notDatasets[w] {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 || strings.Contains(w, "@")
}

// listGainNouns, after the names of the last item of a list, make every
// item of the list a gain: "1.9% ImageNet accuracy, 1.0% COCO mAP, and
// 2.6% ADE20K mIoU improvement over Swin".
var listGainNouns = set("improvement", "improvements", "gain", "gains", "increase", "increases", "boost", "boosts")

// shareListGain drops, with a run that a gain noun ends, the runs listed
// before it, when only datasets, metrics and names stand between them.
func (s *sentence) shareListGain() {
	for i := len(s.runs) - 1; i > 0; i-- {
		if !s.endsWithGainNoun(s.runs[i]) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			p, next := s.runs[j], s.runs[j+1]
			if p.dropped || p.end > next.start || !listItemGap.MatchString(s.withNamesMarked(p.end, next.start)) {
				break
			}
			p.dropped = true
		}
	}
}

// listItemGap is what separates two items of a list once their names are marked.
var listItemGap = regexp.MustCompile(`^(?:\s*NAME)*\s*,?\s*(?:and\s*)?$`)

// endsWithGainNoun reports whether a gain noun follows r past one or more
// names (datasets, metrics, capitalised words): "2.6% ADE20K mIoU improvement".
func (s *sentence) endsWithGainNoun(r *run) bool {
	names := 0
	prevEnd := r.end
	for _, t := range s.toks[s.firstTokenAfter(r.end):] {
		if !onlySpaces(s.text[prevEnd:t.start]) {
			return false
		}
		prevEnd = t.end
		if s.blocked(t) || hasUpper(t.text) {
			names++
			continue
		}
		return names > 0 && listGainNouns[strings.ToLower(t.text)]
	}
	return false
}

// withNamesMarked returns s.text[from:to] with each word that is a
// dataset, a metric or a capitalised name replaced by "NAME".
func (s *sentence) withNamesMarked(from, to int) string {
	var b strings.Builder
	pos := from
	for _, t := range s.toks[s.firstTokenAfter(from):] {
		if t.end > to {
			break
		}
		if s.blocked(t) || hasUpper(t.text) {
			b.WriteString(s.text[pos:t.start])
			b.WriteString("NAME")
			pos = t.end
		}
	}
	b.WriteString(s.text[pos:to])
	return b.String()
}

// gainRangeEnd reports whether run r is the upper end of a range of gains
// that starts with the "by" run before it: "by 1.5 to 3.0 percent".
func gainRangeEnd(by, r *run, text string) bool {
	if len(by.nums) != 1 || len(r.nums) != 1 || by.end > r.start {
		return false
	}
	return strings.TrimSpace(text[by.end:r.start]) == "to" && r.nums[0].value > by.nums[0].value
}

// objectOfOutperform reports whether the noun at i, which governs a number
// through "of", is the object of a verb of outperforming in its phrase:
// "exceeds the human-expert level of 89.8%", "surpassing the accuracy of
// 80.1%" give the value of the one beaten.
func (s *sentence) objectOfOutperform(i int) bool {
	if i+1 >= len(s.toks) || !strings.EqualFold(s.toks[i+1].text, "of") {
		return false
	}
	return s.wordBackInClause(i, 4, ",;:()", outperformVerbs)
}

// wordBackInClause reports whether one of the n words before word i is in
// words, with none of the punctuation in stops between it and i: the word
// is in i's clause.
func (s *sentence) wordBackInClause(i, n int, stops string, words map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if strings.ContainsAny(s.text[s.toks[k].end:s.toks[k+1].start], stops) {
			return false
		}
		if words[strings.ToLower(s.toks[k].text)] {
			return true
		}
	}
	return false
}

// teacherNouns after a name say it is the teacher a student is distilled
// from: "a ViT-L teacher".
var teacherNouns = set("teacher", "teachers")

// studentOf returns, for a name the sentence writes as the teacher of a
// distillation ("a ResNet-18 student distilled from a ViT-L teacher",
// "distilling ResNet-34 into ResNet-18"), the one student it names: the
// value before a change is the student's, before the distillation, not
// the teacher's. Any other name is returned as it is.
func (s *sentence) studentOf(name string) string {
	teacher := false
	student := ""
	for i, t := range s.toks {
		if s.blocked(t) {
			continue
		}
		n := nameEndingAt(s.text, s.toks, i, s.blocked)
		if n == "" || i+1 < len(s.toks) && nameEndingAt(s.text, s.toks, i+1, s.blocked) != "" {
			continue
		}
		next := ""
		if i+1 < len(s.toks) {
			next = strings.ToLower(s.toks[i+1].text)
		}
		start := i + 1 - len(strings.Fields(n))
		prev := ""
		if start > 0 {
			prev = strings.ToLower(s.toks[start-1].text)
		}
		switch {
		case n == name && (teacherNouns[next] || next == "into" && start > 0 && distilVerbs[prev]):
			teacher = true
		case n != name && (studentNouns[next] || prev == "into"):
			if student != "" && student != n {
				return name
			}
			student = n
		}
	}
	if teacher && student != "" {
		return student
	}
	return name
}
