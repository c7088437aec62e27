package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// titleEchoName returns the name the abstract gives the paper's method when
// the title spells that name without writing it as a name: the initials of
// consecutive title words ("Contrastive Margin Ranking for ..." and "CMR
// adds a margin"; "Noise-Robust Token Pruning" and "NRTP"), or a word
// joined from capitalised parts of which one opens a title word ("Cascade
// Refinement of Instance Masks" and "CascadeMask refines ..."). A title
// word written whole is a name only when it opens the title ("GridMix
// Regularisation for ..."); inside the title it is more often the model
// the paper studies ("Faster Training of DINO Detectors"). The first such
// word of the abstract that some sentence makes the subject of a verb is
// the name ("CMR adds", ", WinPool reduces", "(GAS) removes"): a benchmark
// the title echoes ("on CrowdScene", "CrowdScene val") is written as no
// subject. A dataset or a metric is never the name (notName).
func titleEchoName(title, abstract string, notName func(string) bool) string {
	words := titleWords(title)
	if len(words) < 2 {
		return ""
	}
	for _, t := range tokenize(abstract) {
		w := strings.Trim(t.text, ".,;:()[]\"'")
		if w == "" || !modelLike(w) || notName(w) || !(initialsOf(w, words) || blendOf(w, words)) {
			continue
		}
		if subjectUse(abstract, w) {
			return w
		}
	}
	return ""
}

// subjectUse reports whether name opens a sentence or a clause after a
// comma, or closes a description in brackets, and a verb in the present
// follows it: "CMR adds", "Used off the shelf, WinPool reduces", "the
// proposed gated anchor selection (GAS) removes".
func subjectUse(abstract, name string) bool {
	for i := 0; ; {
		k := strings.Index(abstract[i:], name)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(name)
		i = end
		before := strings.TrimRight(abstract[:start], " ")
		bracketed := strings.HasSuffix(before, "(") && strings.HasPrefix(abstract[end:], ")")
		if bracketed {
			end++
		}
		opens := before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, ",") || bracketed
		if start > 0 && (isWordByte(abstract[start-1]) || abstract[start-1] == '-') || end < len(abstract) && (isWordByte(abstract[end]) || abstract[end] == '-') {
			continue
		}
		if opens && presentVerb.MatchString(abstract[end:]) {
			return true
		}
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// presentVerb is a verb in the present after a subject: "adds", "keeps",
// "matches", "reaches".
var presentVerb = regexp.MustCompile(`^\s+(?:[a-z]+ly\s+)?[a-z]{2,}s\b`)

// titleWords are the words of a title, hyphenated ones split into their
// parts, with the words that join a phrase ("for", "of") left out.
func titleWords(title string) []string {
	var out []string
	for _, f := range strings.Fields(title) {
		f = strings.Trim(f, ".,;:?!()\"'")
		for _, p := range strings.Split(f, "-") {
			if p == "" || joiningWords[strings.ToLower(p)] {
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

var joiningWords = set("a", "an", "the", "of", "for", "with", "and", "in", "on", "to", "by", "via", "from", "at", "is", "are")

// initialsOf reports whether w, in capitals only (3 to 6 letters), is the
// initials of consecutive title words.
func initialsOf(w string, words []string) bool {
	if len(w) < 3 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	for i := 0; i+len(w) <= len(words); i++ {
		ok := true
		for k, r := range w {
			first, _ := firstRune(words[i+k])
			if unicode.ToUpper(first) != r {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// blendOf reports whether w joins capitalised parts ("CascadeMask",
// "WinPool") of which one, of four letters or more, opens a title
// word; w written whole as a title word counts only as the title's first.
func blendOf(w string, words []string) bool {
	for i, t := range words {
		if strings.EqualFold(w, t) {
			return i == 0
		}
	}
	parts := caseParts(w)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) < 4 {
			continue
		}
		for _, t := range words {
			if len(t) >= 4 && strings.EqualFold(p[:4], t[:4]) {
				return true
			}
		}
	}
	return false
}

// caseParts splits a word where a capital follows a lower-case letter:
// "CascadeMask" → "Cascade", "Mask".
func caseParts(w string) []string {
	var parts []string
	start := 0
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}
