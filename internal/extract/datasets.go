package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// mention is a dataset named in a sentence: one the caller knows (name is
// then its canonical name) or an unknown benchmark-like phrase.
type mention struct {
	start, end int
	name       string
	known      bool
	attachedTo *run // the run this mention follows ("81.2% on ImageNet"), or nil
	// training marks an unknown name the text trains on ("after
	// fine-tuning on MS MARCO"): not where a score was measured, so it
	// takes no run and is not reported.
	training bool
	// condition is, for a dataset carried from an earlier sentence, the
	// changed setting that sentence states.
	condition string
	// counted marks a dataset of an earlier sentence that a run stands on
	// by count: "93.9%, 72.5% and 60.4% on the three benchmarks".
	counted bool
}

// matcher finds the caller's datasets in text.
type matcher struct {
	patterns []aliasPattern
	metrics  map[string]string // dataset name → metric assumed when none is named
}

type aliasPattern struct {
	re   *regexp.Regexp
	name string
}

// aliasPart is a run of letters or a number ("2.0") within an alias.
var aliasPart = regexp.MustCompile(`[A-Za-z]+|\d+(?:\.\d+)*`)

func newMatcher(known []Dataset) *matcher {
	m := &matcher{metrics: map[string]string{}}
	for _, d := range known {
		if d.Metric != "" {
			m.metrics[d.Name] = d.Metric
		}
		for _, alias := range append([]string{d.Name}, d.Aliases...) {
			if re := aliasRegexp(alias); re != nil {
				m.patterns = append(m.patterns, aliasPattern{re: re, name: d.Name})
			}
		}
	}
	return m
}

// aliasRegexp matches an alias however its parts are joined: "Human vs Worm",
// "Human vs. Worm" and "human_vs_worm" are the same dataset, as are
// "CIFAR-100" and "CIFAR100". Short aliases keep their capitals, because
// "IN-1k" or "COCO" in lower case are ordinary words ("in 1k steps").
func aliasRegexp(alias string) *regexp.Regexp {
	parts := aliasPart.FindAllString(alias, -1)
	if len(parts) == 0 {
		return nil
	}
	letters := 0
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	short := letters < 6
	var b strings.Builder
	if !short {
		b.WriteString(`(?i)`)
	}
	b.WriteString(`\b` + publisherPrefix)
	for i, p := range parts {
		if i > 0 {
			b.WriteString(`[\s_\-.]*`)
			if p[0] >= '0' && p[0] <= '9' {
				b.WriteString(`(?:[vV]\s*)?`) // "SQuAD v2.0" for "SQuAD 2.0"
			}
		}
		for _, pre := range hyphenPrefixes {
			if !short && len(p) > len(pre)+2 && strings.EqualFold(p[:len(pre)], pre) {
				// "Non-TATA" for "Nontata": a prefix written with a hyphen.
				b.WriteString(regexp.QuoteMeta(p[:len(pre)]) + `-?`)
				p = p[len(pre):]
				break
			}
		}
		for _, r := range p {
			if short && unicode.IsLower(r) {
				b.WriteString("[" + string(r) + string(unicode.ToUpper(r)) + "]")
				continue
			}
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`\b`)
	return regexp.MustCompile(b.String())
}

// hyphenPrefixes open a word of an alias that papers also write with a
// hyphen after them: "Nontata" and "Non-TATA".
var hyphenPrefixes = []string{"non", "multi", "pre"}

// publisherPrefix is who published a dataset, written before its name
// without making another dataset: "MS COCO", "MS-COCO", "MSCOCO" and
// "Microsoft COCO" are COCO (unlike "Tiny-ImageNet", see isVariant).
var publisherPrefix = `(?:(?:MS|Microsoft)[\s-]?)?`

// abbreviationAfter follows a dataset's name to define a short name for
// it: "the Human vs Worm task (HvW)", "Coding vs Intergenomic (CvI)".
var abbreviationAfter = regexp.MustCompile(`^\s+(?:(?:task|dataset|benchmark)\s+)?\((\p{Lu}[\p{L}\d-]{1,9})\)`)

// withAbbreviations returns the matcher with the short names the text
// defines for known datasets (see abbreviationAfter), so that "97.1% on
// HvW" later in the abstract is on Human vs Worm; m itself when it
// defines none.
func (m *matcher) withAbbreviations(text string) *matcher {
	var extra []aliasPattern
	for _, d := range m.find(text) {
		sm := abbreviationAfter.FindStringSubmatch(text[d.end:])
		if sm == nil || m.isDatasetOrMetric(sm[1]) {
			continue
		}
		extra = append(extra, aliasPattern{re: regexp.MustCompile(`\b` + regexp.QuoteMeta(sm[1]) + `\b`), name: d.name})
	}
	if extra == nil {
		return m
	}
	return &matcher{patterns: append(extra, m.patterns...), metrics: m.metrics}
}

// Package identifiers wrap a dataset's name in words of their own:
// "dummy_mouse_enhancers_ensembl" is Mouse Enhancers and
// "demo_coding_vs_intergenomic_seqs" Coding vs Intergenomic. Only these
// words are taken off, so "imagenet_a" stays another dataset.
var (
	wrapperPrefixes = set("demo", "dummy")
	wrapperSuffixes = set("seqs", "ensembl")
	snakeCase       = regexp.MustCompile(`\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)
)

// wrapped returns the known datasets that snake_case identifiers in s
// wrap (see wrapperPrefixes).
func (m *matcher) wrapped(s string) []mention {
	var out []mention
	for _, loc := range snakeCase.FindAllStringIndex(s, -1) {
		words := strings.Split(s[loc[0]:loc[1]], "_")
		pre, suf := wrapperPrefixes[words[0]], wrapperSuffixes[words[len(words)-1]]
		var inners [][]string
		if pre {
			inners = append(inners, words[1:])
		}
		if suf {
			inners = append(inners, words[:len(words)-1])
		}
		if pre && suf && len(words) > 2 {
			inners = append(inners, words[1:len(words)-1])
		}
	inner:
		for _, in := range inners {
			text := strings.Join(in, "_")
			for _, p := range m.patterns {
				if l := p.re.FindStringIndex(text); l != nil && l[0] == 0 && l[1] == len(text) {
					out = append(out, mention{start: loc[0], end: loc[1], name: p.name, known: true})
					break inner
				}
			}
		}
	}
	return out
}

// find returns the known datasets named in s, longest match first where
// aliases overlap ("Human Enhancers Cohn" before "Human Enhancers").
func (m *matcher) find(s string) []mention {
	all := m.wrapped(s)
	for _, p := range m.patterns {
		for _, loc := range p.re.FindAllStringIndex(s, -1) {
			if isVariant(s, loc[0], loc[1]) {
				continue
			}
			all = append(all, mention{start: loc[0], end: loc[1], name: p.name, known: true})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []mention
	for _, d := range all {
		if len(out) > 0 && d.start < out[len(out)-1].end {
			continue
		}
		out = append(out, d)
	}
	return out
}

// isDatasetOrMetric reports whether w is, whole, a known dataset's name or
// a metric: "(ImageNet)" or "(mAP)" after a description is not the name of
// a method.
func (m *matcher) isDatasetOrMetric(w string) bool {
	for _, d := range m.find(w) {
		if d.start == 0 && d.end == len(w) {
			return true
		}
	}
	for _, c := range findCues(w) {
		if c.start == 0 && c.end == len(w) {
			return true
		}
	}
	return false
}

// variantName reports whether name, one word, is a variant of a known
// dataset's name ("ImageNet-A", "MMLU-Pro", "CIFAR-100N" is not: only a
// hyphen or slash joins a variant): another benchmark, not a method.
func (m *matcher) variantName(name string) bool {
	if name == "" || strings.ContainsAny(name, " ") {
		return false
	}
	whole := false
	variant := false
	for _, p := range m.patterns {
		loc := p.re.FindStringIndex(name)
		if loc == nil || loc[0] != 0 {
			continue
		}
		if loc[1] == len(name) {
			whole = true
		} else if isVariant(name, 0, loc[1]) {
			variant = true
		}
	}
	return variant && !whole
}

// isVariant reports whether a match is only part of a longer name such as
// "ImageNet-21k", "MMLU-Pro" or "Tiny-ImageNet": a different dataset, which
// must not be read as the one matched.
func isVariant(s string, start, end int) bool {
	if end+1 < len(s) && (s[end] == '-' || s[end] == '/') && isAlnum(s[end+1]) {
		return true
	}
	return start >= 2 && s[start-1] == '-' && isAlnum(s[start-2])
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// notDatasets are capitalised words that follow "on" or "in" without naming a
// dataset: hardware, units and parts of the paper.
var notDatasets = with(set("GPU", "GPUs", "TPU", "TPUs", "CPU", "CPUs", "A100", "H100", "V100",
	"FLOPs", "GFLOPs", "Table", "Tables", "Figure", "Fig", "Section", "Appendix", "FPS", "MB", "GB"),
	numberFormats)

// datasetPrepositions introduce the dataset a score was measured on.
var datasetPrepositions = map[string]bool{"on": true, "in": true, "across": true, "over": true}

// findUnknown returns benchmark-like phrases that are not known datasets:
// a name after "on", "in", "across" or "over" ("on Kinetics-400",
// "on Natural Questions"), or a name listed after a known one
// ("on CUHK-PEDES and Market-1501"). A name is benchmark-like when one of its
// words mixes capitals with digits, hyphens or more capitals ("MSMT17",
// "miniImageNet", "WMT14"), or when it is two or more capitalised words.
// taken reports text already read as a known dataset or a metric.
func findUnknown(s string, toks []token, known []mention, taken func(start, end int) bool) []mention {
	inKnown := func(t token) bool {
		for _, d := range known {
			if t.start < d.end && d.start < t.end {
				return true
			}
		}
		return false
	}
	var out []mention
	for i := 0; i < len(toks); i++ {
		var j int
		listed := false // an item of a list of datasets, each with its score
		switch {
		case datasetPrepositions[strings.ToLower(toks[i].text)] && !afterComparison(toks, i):
			j = i + 1
		case strings.EqualFold(toks[i].text, "to"):
			j = i + 1 // "transfers to ADE20K at 50.2 PQ", checked below
		case i > 0 && inKnown(toks[i-1]) && !inKnown(toks[i]) && strings.TrimSpace(s[toks[i-1].end:toks[i].start]) == "," &&
			i+1 < len(toks) && listContinues(s, toks, i) && !subjectOfScore(s, toks, i):
			j = i // "CUHK-PEDES, Market-1501 and ...", not "on Coding vs
			// Intergenomic, HyenaDNA-1M and Caduceus-Ph reach 91.4% and 92.8%"
		case i > 0 && inKnown(toks[i-1]) && strings.EqualFold(toks[i].text, "and") && !numberAfterName(s, toks, i+1) &&
			!subjectOfScore(s, toks, i+1):
			// "CUHK-PEDES and Market-1501", not "on MMLU, and
			// Llama-2-13B 54.8%", whose verb is left out, nor "on COCO,
			// and Condor-XL reaches 57.2", the subject of a score.
			j = i + 1
		case i > 0 && bracketedScoreAfter(s, toks, i) && listedAfterBracket(s, toks, i) && knownWithBracket(s, known):
			j, listed = i, true // "on CIFAR-100 (91.7%), Flowers (98.8%) and ..."
		case describedHead(s, toks, i):
			j, listed = i+1, true // "on the crowded pedestrian benchmark CrowdHuman"
		default:
			continue
		}
		if j < len(toks) && strings.EqualFold(toks[j].text, "the") {
			j++
		}
		if j < len(toks) && protocolCount.MatchString(toks[j].text) {
			j++ // "on 10-task ImageNet-R": the protocol, then the benchmark
		}
		k := j
		for k < len(toks) && k-j < 5 && phraseWord(toks[k].text) && !taken(toks[k].start, toks[k].end) &&
			(k == j || onlySpaces(s[toks[k-1].end:toks[k].start])) {
			k++
		}
		// Drop a trailing "vs" that had no second half.
		for k > j && strings.EqualFold(toks[k-1].text, "vs") {
			k--
		}
		if k == j || !benchmarkLike(toks[j:k]) && !listed && !(k == j+1 && capitalised.MatchString(toks[j].text) &&
			(datasetHead.MatchString(s[toks[j].end:]) || j == i+1 && scoreOn(s, toks, i, taken) ||
				i == 0 && j == 1 && toks[0].text == "On" && strings.HasPrefix(s[toks[j].end:], ",") ||
				j == i+1 && strings.EqualFold(toks[i].text, "on") && subjectAfter(s, toks, j) ||
				j == i+1 && strings.EqualFold(toks[i].text, "to") && scoreTo(s, toks, i, toks[j].end))) {
			continue
		}
		if strings.EqualFold(toks[i].text, "to") && !scoreTo(s, toks, i, toks[k-1].end) {
			continue
		}
		// A qualifier right before a known dataset ("the GenomicBenchmarks
		// Coding vs Intergenomic task") is not a dataset of its own.
		if k < len(toks) && onlySpaces(s[toks[k-1].end:toks[k].start]) && inKnown(toks[k]) {
			continue
		}
		out = append(out, mention{start: toks[j].start, end: toks[k-1].end, name: s[toks[j].start:toks[k-1].end]})
		i = k - 1
	}
	return out
}

// benchmarkHeads are the nouns that, after "on the" and words in lower case
// describing a benchmark, are followed by its name: "On the
// character-manipulation benchmark CUTE it scores 71.5%", "on the crowded
// pedestrian benchmark CrowdHuman". The name is the benchmark's, one word
// or not; a name before the noun ("the CUTE benchmark X-8B") is not read so.
var benchmarkHeads = set("benchmark", "benchmarks", "dataset", "datasets")

// describedHead reports whether word i is a benchmark head (benchmarkHeads)
// after "on", "in", "across" or "over", "the", and one to four words in lower
// case with nothing but spaces between them.
func describedHead(s string, toks []token, i int) bool {
	if i+1 >= len(toks) || !benchmarkHeads[toks[i].text] || !onlySpaces(s[toks[i].end:toks[i+1].start]) {
		return false
	}
	k := i - 1
	for k >= 0 && i-k <= 4 && !hasUpper(toks[k].text) && toks[k].text != "the" && !datasetPrepositions[toks[k].text] &&
		onlySpaces(s[toks[k].end:toks[k+1].start]) {
		k--
	}
	if k == i-1 || k < 1 || toks[k].text != "the" || !onlySpaces(s[toks[k].end:toks[k+1].start]) {
		return false
	}
	return datasetPrepositions[strings.ToLower(toks[k-1].text)] && onlySpaces(s[toks[k-1].end:toks[k].start])
}

// protocolCount is the count of tasks or steps a benchmark is split into,
// written before its name: "on 10-task ImageNet-R" (see variantPrefix).
var protocolCount = regexp.MustCompile(`^\d+-(?:task|step|split)s?$`)

// scoreAt follows the name after "to" when it is where a score was
// measured: "transfers to ADE20K at 50.2 PQ".
// "with" needs a decimal or a percentage: "transfers to ADE20K with 27.8
// PQ", not "compared to X with 21 times fewer parameters".
// A clause opened by ", where" with a number in it says the same: "carry
// over to BIG-Bench Hard, where accuracy rises from 61.9% to 65.0%". So
// does a metric and its decimal score alone in brackets: "transfers
// better to NewsQA (F1 73.6)".
var scoreAt = regexp.MustCompile(`^(?:\s+(?:at\s+\d+(?:\.\d+)?(?:%|\s)|with\s+\d+(?:\.\d+%?|%))|,\s+where\s[^.;]*\d|\s*\(\s*[A-Za-z][\w@-]*\s+\d+\.\d+\))`)

// transferGives follows the name that a transfer goes to when the clause
// goes on to give its score: "Zero-shot transfer from COCO to Flickr30K
// gives 84.0% text-to-image R@1", "transfer to Flickr30K yields 91.0".
var transferGives = regexp.MustCompile(`^\s+(?:gives|yields|reaches|achieves|attains)\s[^.;:,()]*?\d`)

// transferBefore ends the clause before "to" with the word that makes the
// name after "to" the data a model is moved to: "transfer from COCO ".
var transferBefore = regexp.MustCompile(`(?i)\btransfer(?:s|red|ring)?\b[^.;:,()]*$`)

// scoreTo reports whether the name after "to" at word i, which ends at
// end, is where a score was measured (scoreAt), or the data a transfer
// goes to before the verb that gives its score (transferGives).
func scoreTo(s string, toks []token, i, end int) bool {
	if scoreAt.MatchString(s[end:]) {
		return true
	}
	return transferBefore.MatchString(s[:toks[i].start]) && transferGives.MatchString(s[end:])
}

// clauseSubjects open a clause after the data it is about: "On Cityscapes it obtains".
var clauseSubjects = set("it", "we", "they", "the")

// subjectAfter reports whether the name at word j, after "on", is followed
// by the subject of a clause that gives a number: "On Cityscapes it
// obtains 66.4 PQ" is about Cityscapes, as "On Cityscapes, it obtains"
// is; "on Flowers it is strong" says nothing measured.
func subjectAfter(s string, toks []token, j int) bool {
	if j+1 >= len(toks) || !clauseSubjects[toks[j+1].text] || !onlySpaces(s[toks[j].end:toks[j+1].start]) {
		return false
	}
	return clauseGivesNumber(s[toks[j+1].end:])
}

// clauseGivesNumber reports whether text, up to the end of its clause (a
// comma or semicolon), holds a number.
func clauseGivesNumber(text string) bool {
	if end := strings.IndexAny(text, ",;"); end >= 0 {
		text = text[:end]
	}
	return strings.ContainsAny(text, "0123456789")
}

// bracketedScore is a score in brackets: " (98.8%)", " (63.2 AP)"; not a
// setting (" (5-shot)").
var bracketedScore = regexp.MustCompile(`^\s*\(\s*\d+(?:\.\d+)?(?:%|\s|\))`)

// bracketedScoreAfter reports whether a capitalised name starting at word
// i is followed by a score in brackets.
func bracketedScoreAfter(s string, toks []token, i int) bool {
	k := i
	for k < len(toks) && k-i < 3 && phraseWord(toks[k].text) && (k == i || onlySpaces(s[toks[k-1].end:toks[k].start])) {
		k++
	}
	return k > i && bracketedScore.MatchString(s[toks[k-1].end:])
}

// listedAfterBracket reports whether word i follows a bracket closed after
// a comma or "and": the next item of "A (91.7%), B (98.8%)".
func listedAfterBracket(s string, toks []token, i int) bool {
	gap := strings.TrimSpace(s[toks[i-1].end:toks[i].start])
	if strings.EqualFold(toks[i-1].text, "and") && i > 1 {
		gap = strings.TrimSpace(s[toks[i-2].end:toks[i-1].start])
	}
	return strings.HasPrefix(gap, ")") || strings.HasPrefix(gap, "%)")
}

// knownWithBracket reports whether a known dataset of the sentence is
// followed by a score in brackets, so that names listed the same way are
// datasets too.
func knownWithBracket(s string, known []mention) bool {
	for _, d := range known {
		if bracketedScore.MatchString(s[d.end:]) {
			return true
		}
	}
	return false
}

// afterComparison reports whether "over" at i compares with a model rather
// than naming a dataset: "a 3.4% gain over Llama-2-7B", "improves over IRRA".
func afterComparison(toks []token, i int) bool {
	if !strings.EqualFold(toks[i].text, "over") || i == 0 {
		return false
	}
	w := strings.ToLower(toks[i-1].text)
	return backDelta[w] || forwardDelta[w] || scoreVerbs[w] || numberRe.MatchString(w) && strings.Trim(numberRe.FindString(w), "0123456789.,") == ""
}

func onlySpaces(s string) bool { return strings.TrimSpace(s) == "" }

// listContinues reports whether the word at i is followed by ", " or "and",
// as an item inside a list is; "On ImageNet-1k, RetMix-B attains" is not a list.
func listContinues(s string, toks []token, i int) bool {
	k := i + 1
	for k < len(toks) && onlySpaces(s[toks[k-1].end:toks[k].start]) && phraseWord(toks[k].text) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	gap := strings.TrimSpace(s[toks[k-1].end:toks[k].start])
	return gap == "," || strings.EqualFold(toks[k].text, "and") || strings.EqualFold(toks[k].text, "or")
}

// numberAfterName reports whether the name-like words from word i are
// followed right away by a number: a subject whose verb is left out.
func numberAfterName(s string, toks []token, i int) bool {
	k := i
	for k < len(toks) && phraseWord(toks[k].text) && (k == i || onlySpaces(s[toks[k-1].end:toks[k].start])) {
		k++
	}
	return k > i && k < len(toks) && onlySpaces(s[toks[k-1].end:toks[k].start]) && startsWithDigit(toks[k].text)
}

// subjectOfScore reports whether the names from word i, one or a list
// joined by commas and "and", are the subject of a score verb whose clause
// gives a number: "HyenaDNA-1M and Caduceus-Ph reach 91.4% and 92.8%",
// "Condor-XL reaches 57.2 and 49.8". Such names open a clause of their
// own after a dataset; they do not go on its list.
func subjectOfScore(s string, toks []token, i int) bool {
	k := i
	for k < len(toks) && phraseWord(toks[k].text) {
		k++
		if k < len(toks) && !onlySpaces(s[toks[k-1].end:toks[k].start]) {
			gap := strings.TrimSpace(s[toks[k-1].end:toks[k].start])
			if gap != "," || k+1 >= len(toks) {
				break
			}
			k++ // "A, B and C reach"
			continue
		}
		if k < len(toks) && strings.EqualFold(toks[k].text, "and") {
			k++
		}
	}
	if k == i || k >= len(toks) || !phraseWord(toks[k-1].text) {
		return false
	}
	for k < len(toks) && adverbs[strings.ToLower(toks[k].text)] {
		k++
	}
	if k >= len(toks) || !scoreVerbs[toks[k].text] && !pluralOnlyVerbs[toks[k].text] {
		return false
	}
	return clauseGivesNumber(s[toks[k].end:])
}

func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// sizeWord is a count or a size, never part of a dataset name: "trained on
// 2B images", "on 1.5M pairs".
var sizeWord = regexp.MustCompile(`^\d+(?:\.\d+)?[KMBT]$`)

// phraseWord reports whether a word can be part of a dataset name.
func phraseWord(t string) bool {
	if notDatasets[t] || sizeWord.MatchString(t) {
		return false
	}
	if strings.EqualFold(t, "vs") {
		return true
	}
	return hasUpper(t) && !strings.HasSuffix(t, "'s") && !strings.HasSuffix(t, "’s")
}

// A sentence that opens with "On" and one capitalised word ("On Places,
// it reaches 56.1%") names where its numbers were measured, as well.

// scoreOn reports whether the "on" at i follows a score: a number, or a
// metric ("83.5% mIoU on Cityscapes", "95.6% on Places"). A capitalised
// word after it names what the score was measured on.
func scoreOn(s string, toks []token, i int, taken func(start, end int) bool) bool {
	if i == 0 || !strings.EqualFold(toks[i].text, "on") {
		return false
	}
	p := toks[i-1]
	gap := strings.TrimSpace(s[p.end:toks[i].start])
	if gap != "" && gap != "%" {
		return false
	}
	_, err := strconv.ParseFloat(p.text, 64)
	return err == nil || gap == "" && taken(p.start, p.end)
}

// datasetHead follows a one-word name to say it is a dataset: "on
// Cityscapes val set", "on the Places dataset", "on Cityscapes test".
var datasetHead = regexp.MustCompile(`^\s+(?:(?:(?:val|validation|test|dev)\s+)?(?:set|dataset|benchmark|split)|val|validation|test|test-dev)\b`)

func benchmarkLike(ts []token) bool {
	if len(ts) >= 2 {
		return true
	}
	return modelLike(ts[0].text)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
