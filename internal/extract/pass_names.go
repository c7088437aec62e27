package extract

import (
	"regexp"
	"sort"
	"strings"
)

// findNames finds the metric cues and the datasets, known and unknown, of
// the sentence. A known name inside a metric ("ImageNet top-1") is not a
// dataset, and "the X subset of D" is not D. An unknown name that is the
// paper's own method is not a dataset either.
func (s *sentence) findNames(ctx *paperContext) {
	text := s.text
	s.cues = continualOnly(text, findCues(text), ctx.continual)
	known := ctx.m.find(text)
	known = without(known, func(d mention) bool { return s.inCue(d.start, d.end) })
	for i := range known {
		qualifySubset(text, &known[i])
		if known[i].known {
			s.qualifyAcronym(&known[i], ctx.method, known)
		}
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
	// A model something is built on ("AnswerGate built on DeBERTa-v3-large
	// achieves", "Built on IRRA, NCF reaches") is no data at all: not a
	// dataset of the sentence, but still no method's name.
	var named []mention
	for _, d := range unknown {
		if builtOnBefore.MatchString(window(text, d.start)) {
			s.trainingData = append(s.trainingData, d)
			continue
		}
		named = append(named, d)
	}
	unknown = without(named, func(d mention) bool { return improvedOnBefore.MatchString(window(text, d.start)) })
	// A known dataset in an aside that describes the unknown one right
	// before it ("On MMLU-DE, the German translation of MMLU, X reaches",
	// "on Dark-COCO, a version of COCO val2017 darkened with ...") is what
	// that benchmark was made from: its scores are on the benchmark named,
	// so the source is no dataset of the sentence (and no method's name).
	known = without(known, func(d mention) bool {
		if !derivedFrom(text, d, unknown) {
			return false
		}
		s.trainingData = append(s.trainingData, d)
		return true
	})
	trainingOnly := len(unknown) > 0 && len(known) == 0
	for i := range unknown {
		unknown[i].training = trainedOnBefore.MatchString(window(text, unknown[i].start))
		trainingOnly = trainingOnly && unknown[i].training
	}
	if trainingOnly {
		// "When pre-trained on ImageNet-22K, X-L reaches 87.2%": a
		// sentence that names only the data a model was trained on names
		// no dataset of its scores; they are on the dataset the abstract
		// is about. The names are still no method's.
		s.trainingData = append(s.trainingData, unknown...)
		unknown = nil
	}
	s.datasets = append(known, unknown...)
	s.datasets = append(s.datasets, s.pointedDatasets(ctx)...)
	sort.Slice(s.datasets, func(i, j int) bool { return s.datasets[i].start < s.datasets[j].start })
}

// pointerPhrase is a phrase that points back at one of two datasets named
// before, by its place: "on the former", "for the latter". A noun after it
// ("the latter two datasets", "the former setting") makes it something
// else.
var pointerPhrase = regexp.MustCompile(`(?i)\b(?:on|for|in)\s+the\s+(former|latter)\b(?:[\s]*[,;.)]|\s+(?:and|or|while|whereas|but|with|at|where|respectively)\b|\s*$)`)

// pointerPlace maps the word of a pointerPhrase to the place, among two,
// of the dataset it points at.
var pointerPlace = map[string]int{"former": 0, "latter": 1}

// pointedDatasets returns the datasets that "on the former" and "on the
// latter" stand for, as mentions at the phrase, in a sentence that names
// none: of the two the last sentence naming any named ("We evaluate on
// RSTPReid and ICFG-PEDES. On the former, X reaches 69.5% Rank-1"). Both
// must be known, and the only datasets named there. (In a sentence that
// names its own, the phrase may be about a list of values over both: "75.6%
// and 80.2%, respectively, ahead of HyenaDNA (74.2% and 80.9%) on the
// former".)
func (s *sentence) pointedDatasets(ctx *paperContext) []mention {
	pair := ctx.namedBefore
	if len(s.datasets) > 0 || len(pair) != 2 || !pair[0].known || !pair[1].known {
		return nil
	}
	var out []mention
	for _, m := range pointerPhrase.FindAllStringSubmatchIndex(s.text, -1) {
		d := pair[pointerPlace[strings.ToLower(s.text[m[2]:m[3]])]]
		out = append(out, mention{start: m[2], end: m[3], name: d.name, known: true})
	}
	return out
}

// sourceAside is the start of an aside, after a benchmark's name, that
// describes it as made from a dataset, up to that dataset: ", the German
// translation of ", ", a version of ", ", the six clinical subjects of ".
var sourceAside = regexp.MustCompile(`^,\s+(?:a|an|the)\s+[^,;:()]{0,60}?\b(?:of|from)\s+(?:the\s+)?$`)

// derivedFrom reports whether the known dataset d is named in an aside that
// describes the unknown dataset written right before it (sourceAside).
func derivedFrom(text string, d mention, unknown []mention) bool {
	for _, u := range unknown {
		if u.end <= d.start && sourceAside.MatchString(text[u.end:d.start]) {
			return true
		}
	}
	return false
}

// continualPaper marks an abstract about continual learning, where an
// average over tasks or steps, the last step's accuracy and forgetting are
// metrics of their own (LABELLING.md); elsewhere "average accuracy" is the
// plain metric averaged over a benchmark's parts.
var continualPaper = regexp.MustCompile(`(?i)\bcontinual|\b(?:class|task|domain)-incremental\b|\bincremental\s+(?:learning|steps?|tasks?|setting)\b|\blifelong\s+learning\b|\bcatastrophic\s+forgetting\b|\b(?:rehearsal|exemplar)-free\b`)

// multiLabelPaper marks an abstract about multi-label classification, where
// "mAP" on COCO is the mean over labels the board keeps as "mAP", not the
// detection AP the same word means elsewhere (LABELLING.md).
var multiLabelPaper = regexp.MustCompile(`(?i)\bmulti-?label\b`)

// continualMetrics are the cues only a continual-learning abstract reads as
// metrics of their own: the name there, and the plain metric elsewhere or
// where it averages over a benchmark's own parts ("average accuracy across
// the 57 subjects"). "Final accuracy" is the last step's in continual
// learning and the plain metric of any other training run; "last(-step)
// accuracy" is continual learning's wording wherever it is written.
var continualMetrics = map[string]struct{ continual, plain string }{
	"Average accuracy":             {"Average accuracy", "Accuracy"},
	"Average incremental accuracy": {"Average incremental accuracy", "Accuracy"},
	"Final accuracy":               {"Last accuracy", "Accuracy"},
	"Forgetting":                   {"Forgetting", ""}, // dropped: "forgetting" elsewhere is no metric
}

var (
	// overParts follows a metric averaged over a benchmark's own parts.
	overParts = regexp.MustCompile(`(?i)^\s+(?:(?:is|of)\s+[\d.]+\s*%?\s+)?(?:across|over|on)\s+(?:the\s+|all\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:subjects|languages|datasets|benchmarks|domains|shifts|categories|suites)\b`)
	// forgettingNumber: forgetting is a score only where a number goes with
	// it ("4.9% forgetting", "a forgetting of 4.1%", "forgetting falls to 4.1%"),
	// not the problem a paper names ("catastrophic forgetting").
	forgettingBefore = regexp.MustCompile(`(?i)(?:catastrophic|without|apparent|this|mitigate|mitigates|against|reduce|reduces|address)\s+$`)
	forgettingNumber = regexp.MustCompile(`^[^.;]{0,50}?\d`)
	numberBefore     = regexp.MustCompile(`\d%?\s*(?:average\s+)?$`)
)

// continualOnly reads the continual-learning metrics among cues as the plain
// metric outside a continual-learning abstract and where they average over a
// benchmark's own parts, and drops "forgetting" where no number goes with it.
func continualOnly(text string, cues []cue, continual bool) []cue {
	out := cues[:0]
	for _, c := range cues {
		names, ok := continualMetrics[c.metric]
		if !ok {
			out = append(out, c)
			continue
		}
		if c.metric == "Forgetting" {
			before := text[:c.start]
			if !continual || forgettingBefore.MatchString(before) ||
				!(forgettingNumber.MatchString(text[c.end:]) || numberBefore.MatchString(before)) {
				continue
			}
		} else if !continual || overParts.MatchString(text[c.end:]) {
			c.metric = names.plain
		} else {
			c.metric = names.continual
		}
		out = append(out, c)
	}
	return out
}

// subsetOf is a part of a dataset evaluated on its own: "on the medical
// subset of MMLU", "on the clinical knowledge split of MMLU".
var (
	subsetOf    = regexp.MustCompile(`(?i)\b(?:on|in)\s+(?:the\s+)?((?:[\w-]+\s+){0,3}(?:subset|subsets|split|splits|portion|part|slice)\s+of\s+(?:the\s+)?)$`)
	trainedOnly = regexp.MustCompile(`(?i)\b(?:trained|pre-?trained|fine-?tuned|learned|learnt)\s+(?:on|in)\s`)
)

// trainedOnBefore ends the text before the data a model is trained on:
// "after fine-tuning on MS MARCO", "after sequential training on the TRACE tasks".
var trainedOnBefore = regexp.MustCompile(`(?i)\b(?:trained|training|pre-?trained|pre-?training|fine-?tuned|fine-?tuning|distilled|distilling)\s+(?:[a-z]+\s+){0,2}?(?:on|with)\s+(?:the\s+)?$`)

// builtOnBefore ends the text before the model a method is built on:
// "AnswerGate built on", "Built on".
var builtOnBefore = regexp.MustCompile(`(?i)\b(?:built|based)\s+(?:directly\s+)?(?:on|upon)\s+(?:the\s+|a\s+)?$`)

// improvedOnBefore ends the text before what a method improves on
// ("improving on RDE (65.4% and 50.1%)"): a model whose scores are
// compared, and a name that owns them, not data.
var improvedOnBefore = regexp.MustCompile(`(?i)\bimprov(?:e|es|ed|ing)\s+(?:up)?on\s+(?:the\s+|a\s+)?$`)

// partOf follows a dataset's name to name a part of it: "on MMLU clinical
// topics", "on COCO small objects", "on SQuAD 2.0 unanswerable questions".
var partOf = regexp.MustCompile(`^\s+((?:[a-z][\w-]*\s+){0,2}(?:topics|questions|subjects|categories|objects|examples|samples|classes|queries|instances|images))\b`)

// variantPrefix is a capitalised word between "on" and a dataset's name,
// which makes another benchmark of it: "on Split CIFAR-100", "on Permuted
// MNIST", "on Tiny ImageNet"; or a subject in lower case, which makes a
// part of it: "on mathematical MMLU", "on clinical MMLU".
// A count of tasks or steps may come first: "on 20-task Split CIFAR-100".
var variantPrefix = regexp.MustCompile(`\b(?:[Oo]n|[Ii]n|[Aa]cross|[Oo]ver)\s+(?:the\s+)?(?:\d+-(?:task|step|split)\s+)?(\p{Lu}\p{Ll}+|[a-z]+(?:ical|ics))\s+$`)

// qualifySubset turns a known dataset named as "the X subset of D" (or "D
// clinical topics", or "Split D") into an unknown one, "X subset of D": its scores are
// not scores on D. Training on a subset ("trained on pruned subsets of
// ImageNet") changes nothing.
func qualifySubset(text string, d *mention) {
	if loc := variantPrefix.FindStringSubmatchIndex(window(text, d.start)); loc != nil {
		// "on Split CIFAR-100": a benchmark built from D, not D.
		d.start, d.known = d.start-len(window(text, d.start))+loc[2], false
		d.name = text[d.start:d.end]
		return
	}
	if loc := partOf.FindStringSubmatchIndex(text[d.end:]); loc != nil {
		d.end, d.known = d.end+loc[3], false
		d.name = text[d.start:d.end]
		return
	}
	before := window(text, d.start)
	offset := d.start - len(before)
	loc := subsetOf.FindStringSubmatchIndex(before)
	if loc == nil || trainedOnly.MatchString(before[max(0, loc[0]-20):loc[1]]) {
		return
	}
	d.start, d.known = offset+loc[2], false
	d.name = text[d.start:d.end]
}

// acronymAfter is a word in capitals right after a dataset's name, which
// names another benchmark built from it: "ImageNet VID" is video object
// detection, not ImageNet-1k.
var acronymAfter = regexp.MustCompile(`^ (\p{Lu}{2,5})\b`)

// protocolAfter makes the word in capitals a protocol of the dataset, not
// another benchmark: "the CIFAR-100 FSCIL protocol".
var protocolAfter = regexp.MustCompile(`^\s+(?:protocol|setting|split|task)s?\b`)

// qualifyAcronym turns a known dataset followed by a word in capitals that
// is no metric, split or other name into an unknown one, the two words
// together: "On ImageNet VID, StreamDet reaches 86.4 AP50".
func (s *sentence) qualifyAcronym(d *mention, method string, known []mention) {
	loc := acronymAfter.FindStringSubmatchIndex(s.text[d.end:])
	if loc == nil {
		return
	}
	start, end := d.end+loc[2], d.end+loc[3]
	if strings.EqualFold(s.text[start:end], method) || protocolAfter.MatchString(s.text[end:]) || s.inCue(start, end) || isSplitName(strings.ToLower(s.text[start:end])) || end < len(s.text) && strings.ContainsAny(s.text[end:end+1], "-/") {
		return
	}
	for _, o := range known {
		if start < o.end && o.start < end {
			return // "ImageNet MMLU": two datasets, not one
		}
	}
	d.end, d.known = end, false
	d.name = s.text[d.start:d.end]
}
