package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// Dataset is a dataset the caller knows, with the other names papers use for it.
type Dataset struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Metric, when set, is assumed for a score on this dataset whose sentence
	// names no metric at all ("scores 69.8% on MMLU"). Such candidates get
	// confidence "med". Leave it empty to drop those numbers instead.
	Metric string `json:"metric,omitempty"`
}

// Block is one entry of a copied listing: a title line and its abstract.
type Block struct {
	Title    string
	Abstract string
}

// Candidate is one score read from the text, for a moderator to accept or reject.
type Candidate struct {
	Paper      string  // title line of the block ("" for a lone abstract)
	Method     string  // "" when the paper never names its own method
	Dataset    string  // canonical name from the caller's list
	Metric     string  // normalised metric name, e.g. "Top-1 accuracy", "Rank-1", "F1"
	Value      float64 // as written: 81.2 for "81.2%"
	Unit       string  // "%" or ""
	Raw        string  // the number as written, e.g. "81.2%"
	RangeEnd   bool    // one end of a reported range ("between 72.1% and 78.4%")
	Setting    string  // "zero-shot", "5-shot", "linear probe", "fine-tuned" when the sentence says so
	Confidence string  // "high", "med" or "low"
	Evidence   string  // the sentence the number came from
	// Note says, when Confidence is not "high", why not: "metric from
	// another sentence", "no method named", "value under a changed
	// setting", ... Several reasons are joined with "; ".
	Note string
}

// Key identifies a candidate across runs over the same text, so that storing
// the candidates of a re-run can skip the ones already stored.
// The method is compared without case, as moderators do.
func (c Candidate) Key() string {
	return strings.Join([]string{
		c.Paper,
		strings.ToLower(c.Method),
		c.Dataset,
		c.Metric,
		strconv.FormatFloat(c.Value, 'f', -1, 64),
	}, "|")
}

// Unknown is a score-like number whose dataset is not in the caller's list.
// Phrase is the name as the paper writes it, so a moderator can add the
// dataset or an alias and run the extraction again.
type Unknown struct {
	Paper    string
	Phrase   string
	Evidence string
}

// Result is everything read from one text.
type Result struct {
	Candidates []Candidate
	Unknown    []Unknown
	// Failed lists the papers the extractor could not read: a fault of
	// its own, which costs that paper's scores and no other's.
	Failed []Failure
}

// Failure is a paper whose reading failed, and why.
type Failure struct {
	Paper string
	Err   string
}

// Confidence levels.
const (
	High = "high"
	Med  = "med"
	Low  = "low"
)

// DefaultMinConfidence is the confidence a moderation queue should ask for
// by default: Extract(...).Filter(DefaultMinConfidence) keeps "high" and
// "med" candidates and leaves out the "low" ones (range ends, values under
// a changed setting, scores whose method the paper never names, ...).
const DefaultMinConfidence = Med

// confidenceRank orders the levels; an unknown level ranks below "low".
func confidenceRank(c string) int {
	switch c {
	case High:
		return 3
	case Med:
		return 2
	case Low:
		return 1
	}
	return 0
}

// AtLeast reports whether the candidate's confidence is min or higher.
// An empty or unknown min accepts every candidate.
func (c Candidate) AtLeast(min string) bool {
	if confidenceRank(min) == 0 {
		return true
	}
	return confidenceRank(c.Confidence) >= confidenceRank(min)
}

// Filter returns the result with only the candidates whose confidence is
// min or higher ("high", "med" or "low"; "" keeps all). Unknown datasets
// are kept as they are. Extract itself returns every candidate, so that a
// caller can choose: a moderation queue would normally take
// Filter(DefaultMinConfidence).
func (r Result) Filter(min string) Result {
	out := Result{Unknown: r.Unknown, Failed: r.Failed}
	for _, c := range r.Candidates {
		if c.AtLeast(min) {
			out.Candidates = append(out.Candidates, c)
		}
	}
	return out
}

// Extract reads scores from a listing of papers (see Blocks) or from a lone
// abstract. known lists the datasets to report scores for; numbers tied to
// other benchmark-like names are reported in Result.Unknown.
func Extract(text string, known []Dataset) Result {
	m := newMatcher(known)
	var res Result
	seen := map[string]bool{}
	seenUnknown := map[string]bool{}
	for _, b := range Blocks(text) {
		r, err := extractBlockSafely(b, m)
		if err != nil {
			res.Failed = append(res.Failed, Failure{Paper: b.Title, Err: err.Error()})
			continue
		}
		for _, c := range r.Candidates {
			if seen[c.Key()] {
				continue
			}
			seen[c.Key()] = true
			res.Candidates = append(res.Candidates, c)
		}
		for _, u := range r.Unknown {
			k := u.Paper + "|" + strings.ToLower(u.Phrase)
			if seenUnknown[k] {
				continue
			}
			seenUnknown[k] = true
			res.Unknown = append(res.Unknown, u)
		}
	}
	return res
}

// extractBlockSafely is extractBlock with a panic turned into the paper's
// error, so that a fault in one rule costs one paper of a listing rather
// than the whole run, or the web server that runs it.
func extractBlockSafely(b Block, m *matcher) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("the extractor failed on this paper (%v); please report it", r)
		}
	}()
	return extractBlock(b, m), nil
}

// extractBlock reads one paper. Scores whose metric or dataset is left
// implicit in their sentence are resolved from the rest of the abstract.
func extractBlock(b Block, m *matcher) Result {
	m = m.withAbbreviations(b.Abstract)
	whole := b.Title + "\n" + b.Abstract
	ctx := &paperContext{
		paper:      b.Title,
		method:     ownMethod(b.Title, b.Abstract, m),
		m:          m,
		continual:  continualPaper.MatchString(whole),
		multiLabel: multiLabelPaper.MatchString(whole),
	}
	if head := titleMethod(b.Title); m.variantName(head) {
		ctx.benchmark = head
	}
	ctx.baseModel = baseModel(b.Abstract, m.isDatasetOrMetric)
	ctx.backbones = backbones(b.Abstract)
	ctx.directions = retrievalOrder(b.Abstract)
	sentences := Sentences(b.Abstract)
	ctx.properNames = properNames(sentences)
	parsed := make([]*sentence, len(sentences))
	for i, s := range sentences {
		parsed[i] = parseSentence(s, ctx)
		if ds := parsed[i].distinctDatasets(); len(ds) > 0 {
			ctx.namedBefore = nil
			for _, d := range ds {
				ctx.namedBefore = append(ctx.namedBefore, *d)
			}
		}
		ctx.changeBefore = parsed[i].gappedPair()
		for _, d := range parsed[i].datasets {
			ctx.addNamed(d)
			if d.known {
				ctx.addDataset(d.name)
			} else {
				ctx.unknownSeen = true
			}
		}
	}
	var res Result
	var soleSetting []int // indexes into res.Candidates
	for i, s := range parsed {
		ctx.at = i
		cs, us := s.resolve(ctx)
		for _, k := range s.soleSettingAt {
			soleSetting = append(soleSetting, len(res.Candidates)+k)
		}
		for i := range cs {
			if cs[i].Method != cs[i].Paper {
				cs[i].Method = singularNames(cs[i].Method, b.Title+"\n"+b.Abstract)
			}
		}
		res.Candidates = append(res.Candidates, cs...)
		res.Unknown = append(res.Unknown, us...)
		ctx.rememberCues(s)
		if dirs := bothWritten(s.text); dirs != nil {
			ctx.lastDirections = dirs
		}
		ctx.continueTopic(s, cs)
		ctx.rememberTopic(s)
	}
	promoteSoleSettings(res.Candidates, soleSetting)
	return res
}

// ownMethod is the name a paper gives its own method: the title's short
// name, else the name the abstract introduces, else an abbreviation of the
// title. A title head whose name-like words are metrics or datasets
// ("Beyond Rank-1: Evaluating ...") is a phrase, not a method, and a head
// that is a variant of a known dataset's name ("MMLU-Shift: Paraphrased
// ...") names the paper's benchmark.
func ownMethod(title, abstract string, m *matcher) string {
	method := titleMethod(title)
	if headNamesMeasure(method, m) || m.variantName(method) {
		method = ""
	}
	if method == "" {
		method = introducedMethod(abstract, m.isDatasetOrMetric)
	}
	if method == "" {
		method = titleAbbreviation(title, abstract)
	}
	return method
}

// headNamesMeasure reports whether a title head of several words has a
// metric or a dataset for its every word that looks like a model name
// ("Beyond Rank-1", "Recasting MMLU"): such a head names what the paper
// measures, not its method.
func headNamesMeasure(head string, m *matcher) bool {
	words := strings.Fields(head)
	if len(words) < 2 {
		return false
	}
	found := false
	for _, w := range words {
		if modelLike(w) || versionWord.MatchString(w) {
			if !m.isDatasetOrMetric(w) {
				return false
			}
			found = true
		}
	}
	return found
}

// paperContext is what one sentence may borrow from the rest of its abstract.
type paperContext struct {
	paper       string
	continual   bool            // the abstract is about continual learning (see continualPaper)
	multiLabel  bool            // the abstract is about multi-label classification (see multiLabelPaper)
	method      string          // the paper's own method, "" when it names none
	baseModel   string          // the model the paper fine-tunes or adapts, "" when it names none
	backbones   map[string]bool // names the abstract writes as backbones, in lower case
	directions  []string        // the two retrieval directions in the order the abstract writes them (see retrievalOrder)
	m           *matcher
	datasets    []string        // distinct known datasets named anywhere in the abstract
	unknownSeen bool            // some unknown benchmark-like name is in the abstract
	lastCues    []cue           // the last metric, or list of metrics, named so far
	metricsSeen map[string]bool // every metric named so far
	lastSubject string          // the last method read as the subject of a score verb
	nameList    []string        // the last list of names a sentence wrote, for "the four models" after it
	runNames    []string        // the methods the last sentence with scores gave them to, in order, for "for the four methods"
	// openingVariant is the variant of the paper's method that opened the
	// sentence before as its subject, for an "It" opening the next one.
	openingVariant string
	properNames    map[string]bool // single capitalised words written as names inside a sentence

	// What the sentences before the one being resolved left open for it.
	at         int    // index of the sentence being resolved
	lastCuesAt int    // index of the sentence that named lastCues
	topic      string // the one known dataset the last sentence naming any dataset named
	topicAt    int    // index of that sentence
	// lastLists are the lists of metrics of the sentence that named
	// lastCues, when it wrote several lists and lastCues is empty: "We
	// report Rank-1, Rank-5 and Rank-10 as well as mAP and mINP".
	lastLists [][]cue
	// topicContinuedAt is the last sentence after topicAt that reported a
	// score on the topic without naming a dataset (see continueTopic).
	topicContinuedAt int
	// topicCondition is the changed setting the topic's sentence states
	// ("with 10% of COCO labels"), which the sentences after it go on in.
	topicCondition string
	// namedBefore is the datasets, in order and each once, of the last
	// sentence before the one being parsed that named any: what "the
	// former" and "the latter" point back to (see pointedDatasets).
	namedBefore []mention
	// datasetList is the datasets, in order and each once, of the last
	// sentence naming any, and datasetListAt that sentence's index: what
	// "on the same datasets" in the sentence after it stands for.
	datasetList   []*mention
	datasetListAt int
	// named is every dataset the sentences parsed so far named, known or
	// not, each once, in the order first written (training data left
	// out): what "on the three datasets" after a run stands for.
	named []*mention
	// changeBefore is the datasets of the gapped change of the sentence
	// parsed last, for a change with none of its own in the sentence
	// after it (see shareChangeBefore).
	changeBefore []*mention
	// benchmark is the paper's own benchmark when its title names it as a
	// variant of a known dataset ("MMLU-Shift: ..."), else "".
	benchmark string
	// lastDirections is the two retrieval directions in the order the
	// last sentence that wrote both wrote them (see sameDirections).
	lastDirections []string
}

// ownMethod is the method a description of the paper's own work stands
// for ("our model", "this simple baseline", "the proposed method"): the
// method the paper names, else "" (the title is used when the candidate is
// made, at confidence "low").
func (p *paperContext) ownMethod() string { return p.method }

func (p *paperContext) addDataset(name string) {
	for _, d := range p.datasets {
		if d == name {
			return
		}
	}
	p.datasets = append(p.datasets, name)
}

// addNamed adds a dataset a sentence names to ctx.named, unless it is
// training data or already there.
func (p *paperContext) addNamed(d mention) {
	if d.training {
		return
	}
	for _, n := range p.named {
		if strings.EqualFold(n.name, d.name) {
			return
		}
	}
	c := d
	c.attachedTo, c.counted = nil, true
	p.named = append(p.named, &c)
}

// rememberCues keeps the metrics a sentence named for the sentences after it:
// "We report Rank-1, Rank-5 and Rank-10. X obtains 76.8%, 90.4% and 94.1% ...".
func (p *paperContext) rememberCues(s *sentence) {
	if len(s.cues) == 0 {
		return
	}
	if p.metricsSeen == nil {
		p.metricsSeen = map[string]bool{}
	}
	for _, c := range s.cues {
		p.metricsSeen[c.metric] = true
	}
	p.lastCuesAt = p.at
	p.lastLists = nil
	l := s.cueListEndingAt(len(s.cues) - 1)
	if len(l) < len(s.cues) && distinctMetrics(s.cues) > 1 {
		// Several metrics, not written as one list ("88.9% accuracy and
		// an MCC of 0.78"): which one a later number is in, the text does
		// not say; the dataset's own metric is assumed instead. The
		// lists it writes are kept, for a later run of as many numbers
		// as one of them names (see contextMetric).
		p.lastCues = nil
		for i := len(s.cues) - 1; i >= 0; {
			l := s.cueListEndingAt(i)
			if len(l) > 1 {
				p.lastLists = append(p.lastLists, l)
			}
			i -= len(l)
		}
		return
	}
	if len(l) > 1 {
		p.lastCues = l
		return
	}
	p.lastCues = s.cues[len(s.cues)-1:]
}

func distinctMetrics(cs []cue) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.metric] = true
	}
	return len(seen)
}

// rememberTopic keeps the dataset a sentence is about for the sentences
// after it that name none: "On ImageNet-1k, X-Net reaches 81.2% top-1.
// Trained on 2B images, it attains 83.0%." A sentence that names several
// datasets, or one the caller does not know, leaves no topic: the next
// number could be on any of them.
func (p *paperContext) rememberTopic(s *sentence) {
	if len(s.datasets) == 0 {
		return
	}
	p.topic, p.topicAt = "", p.at
	p.topicCondition = s.condition
	p.datasetList, p.datasetListAt = nil, p.at
	for _, d := range s.distinctDatasets() {
		c := *d
		c.attachedTo = nil // a run of the sentence before, not of the next
		p.datasetList = append(p.datasetList, &c)
	}
	for _, d := range s.datasets {
		if !d.known || p.topic != "" && p.topic != d.name {
			p.topic = ""
			return
		}
		p.topic = d.name
	}
}

// continueTopic renews the topic of the sentence before when a sentence
// that names no dataset reports a score on it: "On ImageNet-1k, X reaches
// 81.2% top-1. It attains 83.0% with more data. With a larger backbone, it
// reaches 84.1%." The last of them goes on from the one right before it,
// when it borrows the metric from there too (see confidence).
func (p *paperContext) continueTopic(s *sentence, cs []Candidate) {
	if len(s.datasets) > 0 || p.topic == "" || p.topicAt != p.at-1 && p.topicContinuedAt != p.at-1 {
		return
	}
	for _, c := range cs {
		if c.Dataset == p.topic {
			p.topicContinuedAt = p.at
			return
		}
	}
}

// carriedOrigin says how far back something borrowed from sentence i was
// named: the sentence right before, or further.
func (p *paperContext) carriedOrigin(i int) origin {
	if i == p.at-1 {
		return previous
	}
	return abstractWide
}

// properNames returns the capitalised words that the abstract writes inside
// a sentence, alone between words in lower case or punctuation: "a
// compute-optimal model, Chinchilla, that uses the same compute as
// Gopher". Such a word opening a sentence is a name too ("Chinchilla
// reaches 67.5%"), where a capitalised word alone usually is not.
func properNames(sentences []string) map[string]bool {
	out := map[string]bool{}
	for _, text := range sentences {
		toks := tokenize(text)
		for i := 1; i < len(toks); i++ {
			w := toks[i].text
			if !capitalised.MatchString(w) || i+1 < len(toks) && nameKind(toks[i+1].text) != notName ||
				nameKind(toks[i-1].text) != notName || strings.HasSuffix(strings.TrimSpace(text[:toks[i].start]), ".") {
				continue
			}
			out[w] = true
		}
	}
	return out
}
