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

// notNames are words shaped like model names that are not methods.
var notNames = map[string]bool{
	"GPU": true, "GPUs": true, "TPU": true, "TPUs": true, "CPU": true, "FLOPs": true,
	"GFLOPs": true, "TFLOPs": true, "FPS": true, "MB": true, "GB": true, "KB": true,
	"SOTA": true, "SRAM": true, "DRAM": true, "AI": true, "ML": true, "NLP": true,
	"LLM": true, "LLMs": true, "DNA": true, "RNA": true, "API": true,
}

// modelLike reports whether a word looks like a model or benchmark name:
// it has a capital and also a digit, a second capital or a "+"
// ("ResNet-50", "DeiT-S", "CLIP", "TextReID++", "miniImageNet").
// Plain capitalised words ("Compared", "Fine-tuned") are not.
func modelLike(w string) bool {
	w, _ = possessive(w)
	if notNames[w] {
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
// "13B", "70B", "v2".
var versionWord = regexp.MustCompile(`^(?:\d+(?:\.\d+)?[BMK]?|v\d[\w.]*)$`)

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
	case modelLike(w):
		return modelWord
	case versionWord.MatchString(w):
		return versionPart
	case capitalised.MatchString(w):
		return plainWord
	}
	return notName
}

// validName trims a run of name words to a method name, or returns "".
// Plain capitalised words count only when a version follows them, so
// "With ResNet-50" gives "ResNet-50" and "Llama 2 13B" stays whole.
func validName(words []string) string {
	for len(words) > 0 {
		k := nameKind(words[0])
		if k == versionPart || k == plainWord && (len(words) == 1 || nameKind(words[1]) != versionPart) {
			words = words[1:]
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

// nameEndingAt returns the method name whose last word is toks[i], or "".
// blocked reports words that belong to a dataset or metric.
func nameEndingAt(s string, toks []token, i int, blocked func(token) bool) string {
	j := i
	for j >= 0 && nameKind(toks[j].text) != notName && !blocked(toks[j]) &&
		(j == i || onlySpaces(s[toks[j].end:toks[j+1].start])) {
		if _, pos := possessive(toks[j].text); pos && j != i {
			break
		}
		j--
	}
	var words []string
	for _, t := range toks[j+1 : i+1] {
		words = append(words, t.text)
	}
	return validName(words)
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
	// Trailing plain words are not part of the name ("Swin-T Model").
	for len(words) > 0 && nameKind(words[len(words)-1]) == plainWord {
		words = words[:len(words)-1]
		j--
	}
	return validName(words), j
}

// notShortNames are title heads before a colon that name the kind of paper,
// not a method.
var notShortNames = map[string]bool{
	"survey": true, "review": true, "position": true, "tutorial": true, "overview": true,
	"introduction": true, "revisiting": true, "rethinking": true, "benchmarking": true,
	"perspective": true, "commentary": true, "erratum": true, "correction": true,
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
	if len(words) == 0 || len(words) > 3 || notShortNames[strings.ToLower(head)] {
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

var introduced = regexp.MustCompile(`\b(?:[Ww]e (?:propose|present|introduce|develop|call|name|dub|term)|called|named|dubbed|termed|coined)\s+(\p{L}[\p{L}\p{N}+\-./]*)`)

var notIntroduced = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "These": true, "Our": true,
	"Two": true, "Three": true, "New": true, "Novel": true,
}

// introducedMethod returns the name the abstract gives its method
// ("We propose SMA, a ...", "a loss, called ListRank, ..."), or "".
func introducedMethod(abstract string) string {
	for _, m := range introduced.FindAllStringSubmatch(abstract, -1) {
		name := strings.TrimRight(m[1], ".-/")
		r, _ := utf8.DecodeRuneInString(name)
		if notIntroduced[name] || !(modelLike(name) || unicode.IsUpper(r)) {
			continue
		}
		return name
	}
	return ""
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
