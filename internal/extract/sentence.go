package extract

import (
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
	byDelta    bool // a gain after "by": "outperforms X by 3.1%"
	method     string
	methods    []string // one method per number, from a list of names: "A and B reach 80.1% and 83.4%"
	source     methodSource
	metrics    []string // resolved, when every number has one

	namedByChange bool     // a value before a change, whose method the value after it names
	ownsChange    bool     // a value before a change, named by a possessive subject that the value after it shares
	objectFrom    bool     // a value before a change, named by its object before the part it is built with: "BAQ improves Mask2Former with a Swin-B backbone from 55.1 to 56.4 PQ"
	fallFrom      bool     // a value before a fall, named by the subject of the falling verb: "whereas PASS drops from 63.5% to 58.1%"
	afterFall     bool     // the value a score falls to, in a clause that does not name the paper's method: "plain fine-tuning lowers MMLU accuracy from 45.3% to 40.6%"
	shared        *mention // the dataset of a parallel run after it: "49.4 AP in 12 epochs and 51.3 AP in 24 epochs on COCO"
	gappedOwner   bool     // a value before a change, owned by the value before the change written before it: "lifts IRRA from 73.4% to 76.1% on CUHK-PEDES and from 63.5% to 66.8% on ICFG-PEDES"
	gapped        bool     // shared is the dataset at the same end of a change written before: "..., and Qwen2-72B from 82.3% to 74.6%"
	versus        *run     // "67.5% versus 60.2% on RSTPReid": the run compared with, which shares its dataset
	compared      bool     // after "versus", "vs." or "compared with": someone else's value, dropped unless named
	comparison    bool     // a value of a comparison: after "versus", "vs." or "compared with", or listed after one with its own "for"
	modified      bool     // a value under a changed setting: "drops to 85.0%", "falls to 48.0%"
	fromPronoun   bool     // the method is the subject of an earlier sentence, read from "it"
	fromList      bool     // the methods are a list of names of an earlier sentence, read from counted models: "the four models score"
	lowNote       string   // why the run is too unsure for the queue's default ("values compared in brackets")
	fromBase      bool     // the method is the model the paper starts from: "its base model (66.6%)"
	fromBackbone  bool     // the method is the model the result is obtained with: "77.1% with a ResNet-50"
	fromModel     bool     // the method is the one model the sentence names, the paper naming none or nothing tying the number to it: "The resulting ViT-G model attains 90.94%"
	appliedTo     string   // the model the paper's method is applied to, when that made the run the paper's: "a RoBERTa-large reader with AnsHead"
	fromAblation  bool     // a compared value of the same model without the paper's change: "compared with 86.5 without it"
	pastPhrase    bool     // the subject is read past a phrase of setting before its verb: "GPTQ at the same bit width reaches"
	averaged      bool     // an average over a counted collection of datasets: "averages 66.2% across the 38 DataComp tasks"
}

type methodSource int

const (
	fromPaper   methodSource = iota // the paper's own method, by default
	fromSubject                     // "ViTune-S reaches 81.2%"
	fromNamed                       // "DeiT-S's 79.8%", "RaSa (76.5%)", "63.4% for Llama 2 13B"
	fromOwn                         // "our model reaches", "this simple baseline achieves", "it attains"
)

// sentence is one sentence, read into the parts that tie numbers to methods,
// datasets and metrics.
type sentence struct {
	text     string
	toks     []token
	cues     []cue
	datasets []mention // known and unknown, in order
	// trainingData are the unknown names a sentence that names no other
	// dataset trains a model on ("pre-trained on ImageNet-22K"), and the
	// known ones a benchmark was made from ("MMLU-DE, the German
	// translation of MMLU"): not datasets of its scores, but still no
	// method's name (see findNames).
	trainingData []mention
	nums         []*number
	runs         []*run

	listDataset map[*number]*mention // from "A, B and C, respectively"
	listMetric  map[*number]*cue     // from "top-1/top-5"
	runAt       map[int]*run         // the run of the number starting at a position
	cueOwners   map[*cue][]*run      // the runs whose numbers a metric is written with

	variantInClause map[[2]int]string // ownVariantBefore of each clause (start, end), read once (onlyVariantBefore)

	// condition, when not "", says the sentence reports values under a
	// changed setting ("at 80% noise", "once classes are merged", "Under
	// these settings"); its candidates get confidence "low".
	condition   string
	conditionAt []int // its start and end
	// conditionFrom, when above 0, is where the condition starts to reach
	// runs: the comparison after an opening that names an attack.
	conditionFrom int
	// soleSettingAt are the candidates resolve made that are "low" only
	// for the changed setting (see promoteSoleSettings).
	soleSettingAt []int
}

// A sentence is read in passes, in this order. Each pass reads what the
// passes before it wrote, keeps its word lists as data at the top of its
// file (pass_*.go), and has a table-driven test of its own (passes_test.go).
// What a sentence leaves open (a metric or dataset named elsewhere, the
// confidence) is settled afterwards for the whole abstract, in resolve.go.
var passes = []struct {
	name string
	run  func(*sentence, *paperContext)
}{
	{"names", (*sentence).findNames},         // metrics and datasets named in the sentence
	{"numbers", (*sentence).findNumbers},     // numbers, the metric written with each, runs
	{"classify", (*sentence).classify},       // gains, costs, ranges, settings, others' values
	{"metrics", (*sentence).attachMetrics},   // lists of metrics mapped onto runs
	{"datasets", (*sentence).attachDatasets}, // which run each dataset belongs to
	{"methods", (*sentence).attachMethods},   // whose result each run is
	{"settings", (*sentence).attachSettings}, // "zero-shot", "linear probe", "fine-tuned"
}

func newSentence(text string) *sentence {
	return &sentence{
		text:        text,
		toks:        tokenize(text),
		listDataset: map[*number]*mention{},
		listMetric:  map[*number]*cue{},
		runAt:       map[int]*run{},
		cueOwners:   map[*cue][]*run{},
	}
}

func parseSentence(text string, ctx *paperContext) *sentence {
	s := newSentence(text)
	for _, p := range passes {
		p.run(s, ctx)
	}
	return s
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
	for _, ds := range [][]mention{s.datasets, s.trainingData} {
		for _, d := range ds {
			if start < d.end && d.start < end {
				return true
			}
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

// numEnd is where the text after a number and its own trailing metric begins.
func numEnd(n *number) int {
	if n.cue != nil && n.cueAfter {
		return n.cue.end
	}
	return n.after
}

// between is the text from one offset to another, or "" when the second
// comes first: a range "86.2–91.7%" is one span from its first number to
// its percent sign, so the second end starts inside the first's span.
func (s *sentence) between(from, to int) string {
	if to <= from {
		return ""
	}
	return s.text[from:to]
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// with adds words to the set m and returns it.
// union is a new set of the words of every set given.
func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w := range s {
			m[w] = true
		}
	}
	return m
}

func with(m map[string]bool, words []string) map[string]bool {
	for _, w := range words {
		m[w] = true
	}
	return m
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

// lastTokenBefore returns the index of the last word ending at or before pos, or -1.
func (s *sentence) lastTokenBefore(pos int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].end > pos }) - 1
}

// firstTokenAfter returns the index of the first word starting at or after pos.
func (s *sentence) firstTokenAfter(pos int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= pos })
}

// keptRunAt returns the kept run with a number starting at pos.
func (s *sentence) keptRunAt(pos int) *run {
	r := s.runAt[pos]
	if r == nil || r.dropped {
		return nil
	}
	return r
}

// keptRunBefore returns the last kept run that ends before r starts, or nil.
func (s *sentence) keptRunBefore(r *run) *run {
	var prev *run
	for _, o := range s.runs {
		if o.end > r.start {
			break
		}
		if !o.dropped {
			prev = o
		}
	}
	return prev
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
