package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a sentence with its byte offsets. Words keep inner
// hyphens, slashes, dots, "+" and "@" so that "ViT-B/16", "TextReID++",
// "R@1", "81.2" and "DeiT-S's" are one word each.
type token struct {
	text       string
	start, end int
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}+\-./@'’_]*[\p{L}\p{N}+]|[\p{L}\p{N}]`)

func tokenize(s string) []token {
	var out []token
	for _, loc := range wordRe.FindAllStringIndex(s, -1) {
		out = append(out, token{text: s[loc[0]:loc[1]], start: loc[0], end: loc[1]})
	}
	return out
}

// possessive strips "'s" and reports whether it was there.
func possessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return strings.TrimSuffix(w, suf), true
		}
	}
	return w, false
}

// numberFormats are the formats a model's numbers are held in: a setting,
// never a method nor a dataset ("the FP16 Llama 2 70B" is Llama 2 70B,
// "69.8% in FP16" names no dataset, "68.9% for the FP16 Llama-2-70B" is
// Llama-2-70B's).
var numberFormats = []string{"FP32", "FP16", "BF16", "FP8", "INT8", "INT4"}

// numberFormatWords are numberFormats as the lower-cased words are looked up.
var numberFormatWords = func() map[string]bool {
	m := make(map[string]bool, len(numberFormats))
	for _, f := range numberFormats {
		m[strings.ToLower(f)] = true
	}
	return m
}()

// notNames are words shaped like model names that are not methods.
var notNames = with(set("GPU", "GPUs", "TPU", "TPUs", "CPU", "FLOPs", "GFLOPs", "TFLOPs", "FPS",
	"MB", "GB", "KB", "SOTA", "SRAM", "DRAM", "AI", "ML", "NLP", "LLM", "LLMs", "DNA", "RNA", "API"),
	numberFormats)

// bitWidth is a quantisation setting written as bits of weights and
// activations ("W4A4", "W3A16", "W4A4KV4"): a setting, like "FP16", not
// a method, so "HR3 at W3A16 keeps 78.1%" is HR3's.
var bitWidth = regexp.MustCompile(`^W\d+A\d+(?:KV\d+)?$`)

// modelLike reports whether a word looks like a model or benchmark name:
// it has a capital and also a digit, a second capital or a "+"
// ("ResNet-50", "DeiT-S", "CLIP", "TextReID++", "miniImageNet").
// Plain capitalised words ("Compared", "Fine-tuned") are not.
func modelLike(w string) bool {
	w, _ = possessive(w)
	if notNames[w] || bitWidth.MatchString(w) {
		return false
	}
	upper, digit := 0, false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return upper > 0 && (digit || upper >= 2 || strings.Contains(w, "+"))
}

// versionWord is a size or version that can follow a model name: "2", "3.1",
// "13B", "70B", "8x7B", "v2".
var versionWord = regexp.MustCompile(`^(?:\d+(?:\.\d+)?[BMK]?|\d+x\d+(?:\.\d+)?[BMK]|v\d[\w.]*)$`)

var capitalised = regexp.MustCompile(`^\p{Lu}\p{Ll}+$`)

type wordKind int

const (
	notName wordKind = iota
	modelWord
	versionPart
	plainWord // capitalised, a name only when a version follows: "Llama 3"
)

func nameKind(w string) wordKind {
	w, _ = possessive(w)
	switch {
	case versionWord.MatchString(w):
		// Before modelLike: "7B" in "Gemma 7B" is the size of a named
		// model, not a name of its own.
		return versionPart
	case modelLike(w):
		return modelWord
	case capitalised.MatchString(w):
		return plainWord
	}
	return notName
}

// articles open a phrase, never a name: "The 70B model" is no "The 70B".
var articles = set("the", "a", "an", "this", "these", "our", "its", "their")

// validName trims a run of name words to a method name, or returns "".
// Plain capitalised words count only when a version follows them, so
// "With ResNet-50" gives "ResNet-50" and "Llama 2 13B" stays whole; or,
// when the name does not open the sentence (midSentence), when a
// model-like word follows them: a capitalised word inside a sentence is
// part of a name ("than Faster R-CNN", "and Mask R-CNN"), unless it is a
// word that opens a phrase ("With", "Using").
func validName(words []string, midSentence bool) string {
	for len(words) > 0 {
		if len(words) > 1 && modifierSuffix(words[0]) {
			words = words[1:] // "CLIP-based IRRA" is IRRA
			midSentence = true
			continue
		}
		if len(words) > 1 && kindNouns[words[0]] && nameKind(words[1]) == modelWord {
			words = words[1:] // "the binary ConvNet ReActNet-A" is ReActNet-A
			midSentence = true
			continue
		}
		if len(words) > 1 && benchmarkWord(words[0]) {
			words = words[1:] // "the GenomicBenchmarks CNN" is CNN
			midSentence = true
			continue
		}
		k := nameKind(words[0])
		if articles[strings.ToLower(words[0])] || k == versionPart {
			words = words[1:]
			midSentence = true
			continue
		}
		if k == plainWord && !(len(words) > 1 && nameKind(words[1]) == versionPart) &&
			!(midSentence && !phraseOpeners[strings.ToLower(words[0])] && nameBody(words[1:])) {
			words = words[1:]
			midSentence = true
			continue
		}
		break
	}
	if len(words) == 0 {
		return ""
	}
	last, _ := possessive(words[len(words)-1])
	words[len(words)-1] = last
	return strings.Join(words, " ")
}

// modifierSuffixes end a word that describes the name after it:
// "CLIP-based IRRA", "VGG-style ConvNets", "The 117M-parameter DNABERT-2".
var modifierSuffixes = []string{"-based", "-style", "-parameter"}

func modifierSuffix(w string) bool {
	for _, suf := range modifierSuffixes {
		if strings.HasSuffix(strings.ToLower(w), suf) {
			return true
		}
	}
	return false
}

// kindNouns name a kind of model, not a model: before a model's own name
// they say what it is ("the binary ConvNet ReActNet-A" is ReActNet-A).
var kindNouns = set("ConvNet", "ConvNets", "CNN", "CNNs")

// benchmarkSuffixes end a benchmark's own name ("GenomicBenchmarks",
// "LongBench"), which, before a model's name, says whose baseline it is,
// as a publisher does: "the GenomicBenchmarks CNN" is the CNN (LABELLING.md
// names a method as the text names the model).
var benchmarkSuffixes = []string{"benchmarks", "benchmark", "bench"}

// benchmarkWord reports whether w is a benchmark's name: a word that ends in
// one of benchmarkSuffixes after a name of its own.
func benchmarkWord(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range benchmarkSuffixes {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// nameBody reports whether words, after a plain capitalised word, make a
// name with it: more plain words, then a model-like word ("Cascade Mask
// R-CNN", "Panoptic SegFormer") or a size after a plain word ("Nucleotide
// Transformer 500M", as "Llama 3" is a name).
func nameBody(words []string) bool {
	for i, w := range words {
		switch nameKind(w) {
		case modelWord:
			return true
		case versionPart:
			return i > 0
		case plainWord:
			continue
		}
		return false
	}
	return false
}

// phraseOpeners are capitalised words that open a phrase before a name,
// never part of it.
var phraseOpeners = set("with", "using", "for", "on", "in", "at", "by", "from", "and", "or", "but",
	"while", "whereas", "compared", "unlike", "like", "than", "over", "against", "via", "after",
	"before", "when", "notably", "moreover", "furthermore", "finally", "overall", "here", "there",
	"both", "all", "each", "every", "only", "even", "applied", "trained", "plugged", "given")

// nameEndingAt returns the method name whose last word is toks[i], or "".
// blocked reports words that belong to a dataset or metric.
func nameEndingAt(s string, toks []token, i int, blocked func(token) bool) string {
	j := nameRunStart(s, toks, i, blocked) - 1
	var words []string
	for _, t := range toks[j+1 : i+1] {
		words = append(words, t.text)
	}
	return validName(words, j+1 > 0)
}

// nameRunStart returns the index of the first of the name-like words
// that end with toks[i], before any trimming.
func nameRunStart(s string, toks []token, i int, blocked func(token) bool) int {
	j := i
	for j >= 0 && nameKind(toks[j].text) != notName && !blocked(toks[j]) &&
		(j == i || onlySpaces(s[toks[j].end:toks[j+1].start])) {
		if _, pos := possessive(toks[j].text); pos && j != i {
			break
		}
		j--
	}
	return j + 1
}

// nameStartingAt returns the method name whose first word is toks[i], and
// the index after it.
func nameStartingAt(s string, toks []token, i int, blocked func(token) bool) (string, int) {
	j := i
	for j < len(toks) && nameKind(toks[j].text) != notName && !blocked(toks[j]) &&
		(j == i || onlySpaces(s[toks[j-1].end:toks[j].start])) {
		j++
		if _, pos := possessive(toks[j-1].text); pos {
			break
		}
	}
	words := []string{}
	for _, t := range toks[i:j] {
		words = append(words, t.text)
	}
	// Trailing plain words are not part of the name ("Swin-T Model"),
	// but one after a size or version names a tier ("Gemini 1.0 Ultra").
	for len(words) > 0 && nameKind(words[len(words)-1]) == plainWord && !tierWord(words) {
		words = words[:len(words)-1]
		j--
	}
	return validName(words, i > 0), j
}

// slashVariants reads a name that lists variants after a slash, "YOLOv6-M/L"
// or "ResNet-50/101", as the names it stands for, or nil. The parts after
// the slash replace the last part after "-" and must be of its shape, so
// "ViT-B/16" (a model with its patch size) is one name, while
// "RT-DETR-R18/R34/R50" (letters then digits each) is three.
func slashVariants(name string) []string {
	if sp := strings.LastIndex(name, " "); sp >= 0 {
		// "Tessellate ViT-S/B/L": the variants are of the last word,
		// each keeping the words before it (Tessellate ViT-S, ...).
		out := slashVariants(name[sp+1:])
		for i := range out {
			out[i] = name[:sp+1] + out[i]
		}
		return out
	}
	parts := strings.Split(name, "/")
	dash := strings.LastIndex(parts[0], "-")
	if len(parts) < 2 || dash < 0 {
		return nil
	}
	stem, last := parts[0][:dash+1], parts[0][dash+1:] // "YOLOv6-", "M"
	names := []string{parts[0]}
	for _, p := range parts[1:] {
		if shape(p) == "" || shape(p) != shape(last) || len(p) > len(last)+2 {
			return nil
		}
		names = append(names, stem+p)
	}
	return names
}

// partKind is "digits" or "letters" for a name part made only of those,
// else "": "M", "50" and "3x1" are of three kinds.
func partKind(p string) string {
	switch {
	case p == "":
		return ""
	case strings.Trim(p, "0123456789") == "":
		return "digits"
	case !hasDigit(p) && strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) < 0:
		return "letters"
	}
	return ""
}

// tierWord reports whether the last of words is a tier that follows a
// size or version: "Ultra" in "Gemini 1.0 Ultra", "Base" in "67B Base".
func tierWord(words []string) bool {
	n := len(words)
	w := strings.ToLower(words[n-1])
	return n > 1 && nameKind(words[n-2]) == versionPart && !modelNouns[w] && !phraseOpeners[w] && !articles[w]
}

// notShortNames are title heads before a colon that name the kind of paper,
// not a method.
var notShortNames = map[string]bool{
	"survey": true, "review": true, "position": true, "tutorial": true, "overview": true,
	"introduction": true, "revisiting": true, "rethinking": true, "benchmarking": true,
	"perspective": true, "commentary": true, "erratum": true, "correction": true,
}

// paperKinds end a title head that names the kind of paper, not a method:
// "Phi-3 Technical Report: ...".
var paperKinds = set("report", "survey", "review", "study", "tutorial", "overview", "benchmark", "dataset")

// benchmarkNouns head a subtitle that says the paper's short name is a
// benchmark, not a method: "MMLU-Pro: A More Robust and Challenging
// Multi-Task Language Understanding Benchmark", "TRACE: A Comprehensive
// Benchmark for Continual Learning".
var benchmarkNouns = set("benchmark", "benchmarks", "dataset", "datasets", "corpus", "suite", "testbed", "leaderboard")

// subtitleHead is the first noun phrase of a subtitle: up to a preposition
// or a comma.
var subtitleHead = regexp.MustCompile(`(?i)^[\s:—–-]*((?:[\w'-]+\s*?)+?)(?:\s+(?:for|of|with|on|in|to|from|via|across|and\s+(?:its|their))\b|[,.;?!]|$)`)

// namesABenchmark reports whether the subtitle's first noun phrase is
// headed by "benchmark", "dataset" or the like, with no model or method in it.
func namesABenchmark(subtitle string) bool {
	m := subtitleHead.FindStringSubmatch(subtitle)
	if m == nil {
		return false
	}
	words := strings.Fields(strings.ToLower(m[1]))
	if len(words) == 0 || !benchmarkNouns[words[len(words)-1]] {
		return false
	}
	for _, w := range words {
		if w == "model" || w == "models" || w == "method" || w == "framework" || w == "approach" {
			return false
		}
	}
	return true
}

// titleMethod returns the short name of "X: A Longer Title", or "".
// A short name is one word, or a few words of which one looks like a model
// name ("FlashServe v2"); "Tiny Titans: ..." is a phrase, not a method.
func titleMethod(title string) string {
	head := ""
	for _, sep := range []string{": ", " — ", " – ", " - "} {
		if i := strings.Index(title, sep); i > 0 {
			head = strings.TrimSpace(title[:i])
			break
		}
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 3 || notShortNames[strings.ToLower(head)] ||
		len(words) > 1 && paperKinds[strings.ToLower(words[len(words)-1])] || namesABenchmark(title[len(head):]) {
		return ""
	}
	if len(words) == 1 {
		r, _ := utf8.DecodeRuneInString(head)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return head
		}
		return ""
	}
	for _, w := range words {
		if modelLike(w) || versionWord.MatchString(w) {
			return head
		}
	}
	return ""
}

// introducing are the words after which an abstract names its method: "We
// propose SMA", "a loss, called ListRank", "a scheme, namely Co-DETR".
var introducing = regexp.MustCompile(`\b(?:(?:[Ww]e|` + secondVerb + `) (?:propose|present|introduce|develop|call|name|dub|term)(?:\s+` + namedNoun + `)?|[Ww]e refer to ` + namedNoun + `\s+as|called|named|dubbed|termed|coined|namely)\s+`)

// secondVerb joins a verb of introducing to the clause of a "We" before
// it: "We study fine-tuning of HyenaDNA and introduce SoftHyena".
const secondVerb = `and`

// namedNoun is what a paper names between "we call" and the name: "We
// name the method ClusterDINO", "We call the resulting encoder AccessNet".
const namedNoun = `(?:the|our|this)\s+(?:resulting\s+|proposed\s+|final\s+)?(?:method|model|approach|framework|network|encoder|detector|architecture|system)`

// introducesBenchmark follows a name introduced as a benchmark or a
// dataset, which is not a method: "We introduce TRACE, a benchmark of ...".
var introducesBenchmark = regexp.MustCompile(`(?i)^,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:benchmark|dataset|corpus|suite|testbed|leaderboard)s?\b`)

// weIntroduce are the forms of introducing that may give the name in
// brackets after a description: "We present Masked-attention Mask
// Transformer (Mask2Former)", "We propose a Robust Dual Embedding method (RDE)".
var weIntroduce = regexp.MustCompile(`^(?:[Ww]e|` + secondVerb + `) `)

var notIntroduced = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "These": true, "Our": true,
	"Two": true, "Three": true, "New": true, "Novel": true,
}

// titleFunctionWords have no letter in a title's abbreviation.
var titleFunctionWords = set("for", "of", "the", "a", "an", "with", "and", "in", "on", "to", "via", "by")

// bracketedAbbreviation is an abbreviation in brackets: "(ASD)".
var bracketedAbbreviation = regexp.MustCompile(`\((\p{Lu}[\p{L}\d-]{1,9})\)`)

// titleAbbreviation returns the abbreviation the abstract writes in
// brackets that is the initials of the title's words, or of its part
// before a colon: "Annealed Stochastic Depth" and "(ASD)". A paper that
// gives its method no other name goes by that; "" when there is none.
func titleAbbreviation(title, abstract string) string {
	var all []string
	for _, part := range []string{title, strings.SplitN(title, ":", 2)[0]} {
		initials := ""
		for _, w := range strings.FieldsFunc(part, func(r rune) bool { return r == ' ' || r == '-' || r == ':' }) {
			if !titleFunctionWords[strings.ToLower(w)] && unicode.IsLetter([]rune(w)[0]) {
				initials += strings.ToUpper(string([]rune(w)[0]))
			}
		}
		all = append(all, initials)
	}
	for _, m := range bracketedAbbreviation.FindAllStringSubmatch(abstract, -1) {
		for _, initials := range all {
			if len(m[1]) >= 2 && m[1] == initials {
				return m[1]
			}
		}
	}
	return ""
}

// introducedMethod returns the name the abstract gives its method, or "":
// the name in brackets that closes the description after "We propose"
// ("We propose the Real-Time DEtection TRansformer (RT-DETR)"), else the
// name right after the introducing words, of one or more words ("We propose
// SMA, a ...", "We introduce Mistral 7B, a ...", "We present Panoptic
// SegFormer, a ...", "We introduce phi-3-mini, a ...", "a loss, called
// ListRank, ...").
//
// A dataset or a metric is not a method: notName reports what is not one.
func introducedMethod(abstract string, notName func(string) bool) string {
	toks := tokenize(abstract)
	for _, loc := range introducing.FindAllStringIndex(abstract, -1) {
		i := sortSearchTokens(toks, loc[1])
		if i >= len(toks) {
			continue
		}
		if weIntroduce.MatchString(abstract[loc[0]:loc[1]]) {
			if name := bracketedName(abstract, toks, i); name != "" && !notName(name) {
				return name
			}
		}
		if name := leadingName(abstract, toks, i); name != "" && !notName(name) &&
			!introducesBenchmark.MatchString(abstract[toks[i].start+len(name):]) {
			return name
		}
	}
	// "we propose an online algorithm, SwAV, that ...": the name set off
	// after the description.
	for _, m := range appositiveIntro.FindAllStringSubmatch(abstract, -1) {
		if modelLike(m[1]) && !notName(m[1]) {
			return m[1]
		}
	}
	// "we propose a new framework, Hybrid Task Cascade (HTC), which": a
	// name of several words set off so goes by its short name in brackets.
	for _, m := range appositiveBracket.FindAllStringSubmatch(abstract, -1) {
		if modelLike(m[1]) && !notName(m[1]) {
			return m[1]
		}
	}
	// "Our MAE approach is simple": a name the paper calls its own.
	for _, m := range ourNamed.FindAllStringSubmatch(abstract, -1) {
		if modelLike(m[1]) && !notName(m[1]) {
			return m[1]
		}
	}
	// "The approach, CapReID, improves ...", "The resulting model, ATR,
	// attains": a sentence that opens with the paper's work and its name.
	for _, m := range ownAppositive.FindAllStringSubmatch(abstract, -1) {
		if modelLike(m[1]) && !notName(m[1]) {
			return m[1]
		}
	}
	return ""
}

// ownAppositive opens a sentence with a description of the paper's own
// work and, between commas, its name.
var ownAppositive = regexp.MustCompile(`(?:^|[.!?]\s+)(?:The|Our)\s+(?:resulting\s+|proposed\s+|final\s+)?(?:approach|method|model|framework|system|detector|network|algorithm|architecture),\s+([\w+-]+),`)

// appositiveIntro is a description introduced by "we propose", then its
// name between commas: "we propose an online algorithm, SwAV, that".
var appositiveIntro = regexp.MustCompile(`\b[Ww]e (?:propose|present|introduce|develop)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}[\w-]+,\s+([\w-]+),`)

// appositiveBracket is appositiveIntro with a name of capitalised words
// and its short name in brackets: "we propose a new framework, Hybrid Task
// Cascade (HTC),".
var appositiveBracket = regexp.MustCompile(`\b[Ww]e (?:propose|present|introduce|develop)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}[\w-]+,\s+(?:\p{Lu}[\w-]*\s+){1,5}\(([\w-]+)\)`)

// ourNamed is "our", a name and a noun for a method: "Our MAE approach",
// "our ReviewKD framework".
var ourNamed = regexp.MustCompile(`\b[Oo]ur\s+([\w-]+)\s+(?:approach|method|model|framework|architecture|system|detector|network|algorithm|recipe)\b`)

func sortSearchTokens(toks []token, pos int) int {
	for i, t := range toks {
		if t.start >= pos {
			return i
		}
	}
	return len(toks)
}

// forShort says the word before it in brackets is a short name: "(FocalNets
// in short)", "(ViT for short)".
var forShort = regexp.MustCompile(`^\s+(?:in|for)\s+short\b`)

// bracketedName reads "a Robust Dual Embedding method (RDE)": a single
// name-like word in brackets within the description's first 25 words,
// before any comma or full stop (a colon may introduce the description:
// "a method for robust fine-tuning: ensembling the weights (WiSE-FT)").
func bracketedName(s string, toks []token, i int) string {
	for k := i + 1; k < len(toks) && k < i+25; k++ {
		gap := strings.TrimSpace(s[toks[k-1].end:toks[k].start])
		if numberRe.MatchString(toks[k-1].text) && !hasLetter(toks[k-1].text) {
			return "" // a score before the brackets: "reaches 81.2% (ImageNet)"
		}
		if gap != "(" {
			if strings.ContainsAny(gap, ",.;()") {
				return ""
			}
			continue
		}
		rest := s[toks[k].end:]
		if k+1 < len(toks) {
			rest = s[toks[k].end:toks[k+1].start]
		}
		if m := forShort.FindStringIndex(s[toks[k].end:]); m != nil {
			rest = s[toks[k].end+m[1]:] // "(FocalNets in short)", "(ViT for short)"
		}
		if !strings.HasPrefix(strings.TrimSpace(rest), ")") {
			return "" // more than one word in the brackets: "(see Sec. 3)"
		}
		if ownNameLike(toks[k].text) {
			return toks[k].text
		}
		return ""
	}
	return ""
}

// leadingName reads the name that starts at word i: "SMA", "Mistral 7B",
// "Panoptic SegFormer", "phi-3-mini". A name of several words ends in a
// model-like word or a size; a name of one word is model-like, or a
// capitalised word standing alone ("We propose Conformer, ...").
func leadingName(s string, toks []token, i int) string {
	j := i
	for j < len(toks) && j < i+4 && (j == i || onlySpaces(s[toks[j-1].end:toks[j].start])) &&
		(nameKind(toks[j].text) != notName || ownNameLike(toks[j].text)) {
		j++
	}
	if notIntroduced[toks[i].text] {
		return ""
	}
	// closed: the name ends at punctuation or the end, or a word in lower
	// case follows ("We propose X, a ...", "called Swin Transformer, that").
	closed := func(j int) bool {
		if j >= len(toks) {
			return true
		}
		gap := strings.TrimSpace(s[toks[j-1].end:toks[j].start])
		r, _ := utf8.DecodeRuneInString(toks[j].text)
		return gap != "" || unicode.IsLower(r)
	}
	if j == i {
		// A single capitalised word: "We propose X, a ...".
		if r, _ := utf8.DecodeRuneInString(toks[i].text); unicode.IsUpper(r) && closed(i+1) {
			return strings.TrimRight(toks[i].text, ".-/")
		}
		return ""
	}
	words := make([]string, 0, j-i)
	for _, t := range toks[i:j] {
		words = append(words, t.text)
	}
	last := words[len(words)-1]
	if len(words) > 1 {
		if k := nameKind(last); k == modelWord || k == versionPart || ownNameLike(last) {
			return strings.Join(words, " ")
		}
		// Capitalised words only: a name when they end at punctuation
		// ("called Swin Transformer, that"); otherwise a phrase ("We
		// propose Masked Language Modeling for ...").
		if len(words) <= 3 && j < len(toks) && strings.TrimSpace(s[toks[j-1].end:toks[j].start]) != "" || j == len(toks) {
			return strings.TrimRight(strings.Join(words, " "), ".-/")
		}
		return ""
	}
	r, _ := utf8.DecodeRuneInString(last)
	if modelLike(last) || ownNameLike(last) || unicode.IsUpper(r) {
		return strings.TrimRight(last, ".-/")
	}
	return ""
}

func hasLetter(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// ownNameLike is a word an abstract can give its method as a name: it
// looks like a model name, or mixes letters with digits in lower case
// ("phi-3-mini", "wav2vec"). A number is not a name.
func ownNameLike(w string) bool {
	if modelLike(w) {
		return true
	}
	letter, digit := false, false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return letter && digit && !versionWord.MatchString(w)
}

// genericOthers name someone else's result without naming the method:
// "the baseline's 70.2%", "83.6 for its teacher".
var genericOthers = map[string]bool{
	"baseline": true, "baselines": true, "teacher": true, "teachers": true,
	"predecessor": true, "counterpart": true, "counterparts": true, "competitor": true,
	"competitors": true, "prior": true, "previous": true, "sota": true, "best": true,
	"chance": true, "random": true, "humans": true,
}

// modelNouns follow a name to say it is a model: "the IRRA model".
var modelNouns = map[string]bool{
	"model": true, "models": true, "network": true, "networks": true, "variant": true,
	"student": true, "reader": true, "backbone": true, "encoder": true,
}

// adaptsObject ends the text before the model a paper starts from: "We
// fine-tune Qwen-1.8B", "Fine-tuning Qwen2-1.5B on", "CLIPPed adapts CLIP
// ViT-B/16", "is fine-tuned from Llama-3-8B".
var adaptsObject = regexp.MustCompile(`(?i)\b(?:fine-?tun(?:e|es|ing)|instruction-tun(?:e|es|ing)|adapt(?:s|ing)?|distil(?:l|ls|ling|s|ing)?|(?:fine-?tuned|adapted|distilled|initiali[sz]ed|trained)\s+from)\s+(?:the\s+|a\s+|an\s+)?$`)

// pluggedInto ends the text before the model a paper's module is added
// to, which the paper's results then start from: "CES is added on top of
// DeBERTa-v3-large", "a drop-in replacement for the mask head of
// Mask2Former".
var pluggedInto = regexp.MustCompile(`(?i)\b(?:on\s+top\s+of|replacement\s+for\s+the\s+[\w-]+\s+(?:head|module|layer|block|neck)\s+of)\s+(?:the\s+|a\s+|an\s+)?$`)

// adaptsSubject follows the model a paper starts from: "Llama-2-13B
// tuned with SpFT".
var adaptsSubject = regexp.MustCompile(`(?i)^\s+(?:tuned|fine-?tuned|adapted|trained|distilled)\s+(?:with|using|via)\b`)

// baseModel returns the model the abstract says it fine-tunes or adapts,
// or "": the first name after "fine-tune", "adapts", "fine-tuned from",
// or before "tuned with". A dataset or metric is not a model.
func baseModel(abstract string, isNot func(string) bool) string {
	toks := tokenize(abstract)
	none := func(token) bool { return false }
	for i, t := range toks {
		if w := window(abstract, t.start); adaptsObject.MatchString(w) || pluggedInto.MatchString(w) {
			if name, _ := nameStartingAt(abstract, toks, i, none); name != "" && !isNot(name) {
				return name
			}
		}
		if adaptsSubject.MatchString(abstract[t.end:]) && nameKind(t.text) != notName {
			if name := nameEndingAt(abstract, toks, i, none); name != "" && !isNot(name) {
				return name
			}
		}
	}
	return ""
}

// singularNames writes each word of a method name that is the plural of a
// name the text also writes in the singular as that singular: "ConvNeXts
// compete" after "dubbed ConvNeXt" is ConvNeXt's, and the title's
// "FCMAE-Nets" is the "FCMAE-Net family". Only names shaped like a model
// are read so ("ResNets"), not plain words ("Transformers").
func singularNames(method, text string) string {
	words := strings.Fields(method)
	changed := false
	for i, w := range words {
		one := strings.TrimSuffix(w, "s")
		if one == w || len(one) < 3 || !modelLike(w) || !unicode.IsLetter(rune(one[len(one)-1])) {
			continue
		}
		if singular := regexp.MustCompile(`(?:^|[^\w-])` + regexp.QuoteMeta(one) + `(?:$|[^\w-])`); singular.MatchString(text) {
			words[i], changed = one, true
		}
	}
	if !changed {
		return method
	}
	return strings.Join(words, " ")
}
