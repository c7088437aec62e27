package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// abstractLabel is the "Abstract:" some sites put before the paragraph.
var abstractLabel = regexp.MustCompile(`(?i)^abstract\s*[:.]\s*`)

// Blocks splits a copied listing into papers. Blocks are separated by blank
// lines; in each, the first line is the title when it reads like one (see
// isTitle), and the remaining lines, joined, are the abstract. A block that
// has no title line is returned with Title "" (a lone abstract).
func Blocks(text string) []Block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var chunks [][]string
	for _, chunk := range blankLine.Split(text, -1) {
		var lines []string
		for _, l := range strings.Split(chunk, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			chunks = append(chunks, lines)
		}
	}
	var blocks []Block
	for i := 0; i < len(chunks); i++ {
		lines := chunks[i]
		var b Block
		switch {
		case len(lines) > 1 && isTitle(lines[0], lines[1]):
			b.Title = collapseSpace(lines[0])
			lines = lines[1:]
		case len(lines) == 1 && i+1 < len(chunks) && titleAlone(lines[0], chunks[i+1]):
			// "Title\n\nAbstract ...", as a page copied with a blank line
			// under its title reads: the title is the next block's, which
			// would otherwise lose the method name and the field it names.
			b.Title = collapseSpace(lines[0])
			i++
			lines = chunks[i]
		}
		b.Abstract = abstractLabel.ReplaceAllString(collapseSpace(strings.Join(lines, " ")), "")
		blocks = append(blocks, b)
	}
	return blocks
}

// titleAlone tells a title written alone, a blank line above its abstract,
// from a one-line abstract: it reads as a title before the block after it,
// which has no title line of its own.
func titleAlone(line string, next []string) bool {
	if !isTitle(line, next[0]) || strings.HasSuffix(line, ":") {
		return false
	}
	return len(next) == 1 || !isTitle(next[0], next[1])
}

// isTitle tells a title line from the first line of a hard-wrapped abstract:
// a title is short, does not end in a full stop, and the abstract after it
// starts a sentence. A wrapped abstract line usually continues mid-sentence.
func isTitle(line, next string) bool {
	if strings.HasSuffix(line, ".") || len(strings.Fields(line)) > 25 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.Contains(line, ":")
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "vs": true, "al": true, "cf": true, "etc": false,
	"fig": true, "figs": true, "eq": true, "eqs": true, "sec": true, "tab": true,
	"approx": true, "resp": true, "no": true, "nos": true, "dr": true, "mr": true,
	"ms": true, "prof": true, "inc": true, "incl": true, "w.r.t": true, "i.i.d": true,
	"a.k.a": true, "acc": true, "ref": true, "refs": true, "ca": true,
}

// Sentences splits a paragraph into sentences. It splits after ".", "!" or
// "?" followed by a space and a capital letter, digit or opening bracket, but
// not after abbreviations ("e.g.", "vs.", "et al.", "Fig.") or an initial,
// and never inside a number ("81.2"), since a decimal point has no space after it.
func Sentences(s string) []string {
	s = collapseSpace(s)
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// The end must be followed by a space and the start of a sentence.
		if i+2 > len(s)-1 || s[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("([\"“'‘", r)) {
			continue
		}
		if c == '.' && isAbbreviation(s[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(s[start:i+1]))
		start = i + 2
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbreviation reports whether the word before a full stop is one that
// the stop belongs to.
func isAbbreviation(before string) bool {
	word := before
	if i := strings.LastIndexAny(before, " ([\"“"); i >= 0 {
		word = before[i+1:]
	}
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	// A single capital letter is an initial: "J. Smith".
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}
