package extract

import (
	"regexp"
)

// settingWords name the setting a score is measured in, which a
// leaderboard keeps apart: "75.3% zero-shot", "a linear probe reaches",
// "fine-tuned top-1 accuracy", "64.3% on MMLU in the 5-shot setting".
var settingWords = []struct {
	re      *regexp.Regexp
	setting string // "$1" is the re's first group
}{
	{regexp.MustCompile(`(?i)\bzero[- ]shot\b`), "zero-shot"},
	{regexp.MustCompile(`(?i)\bone[- ]shot\b`), "one-shot"},
	{regexp.MustCompile(`(?i)\bfew[- ]shot\b`), "few-shot"},
	{regexp.MustCompile(`(?i)\b(\d+)[- ]shot\b`), "$1-shot"},
	{regexp.MustCompile(`(?i)\blinear[- ]prob(?:e|es|ed|ing)\b`), "linear probe"},
	{regexp.MustCompile(`(?i)\bfine-?tuned\b`), "fine-tuned"},
}

// settingMention is a setting word in a sentence.
type settingMention struct {
	start, end int
	setting    string
}

func findSettings(text string) []settingMention {
	var out []settingMention
	for _, w := range settingWords {
		for _, loc := range w.re.FindAllStringSubmatchIndex(text, -1) {
			out = append(out, settingMention{loc[0], loc[1], string(w.re.ExpandString(nil, w.setting, text, loc))})
		}
	}
	return out
}

// attachSettings gives each kept number its setting: the setting word
// written right after it or between it and its metric ("75.3% zero-shot and
// 84.9% fine-tuned top-1"), else one written since the number before ("a
// zero-shot Y-Net reaches 70.2%, and a linear probe 79.9%"), else the one
// setting the sentence names, if it names only one. Which of several
// settings far from their numbers is meant is not for a word list to guess.
func (s *sentence) attachSettings(*paperContext) {
	mentions := findSettings(s.text)
	if len(mentions) == 0 {
		return
	}
	distinct := map[string]bool{}
	for _, m := range mentions {
		distinct[m.setting] = true
	}
	prevEnd := 0
	for _, n := range s.nums {
		attached, since := "", ""
		for _, m := range mentions {
			switch {
			case m.start >= n.after && (m.end <= numEnd(n) || onlySpaces(s.text[n.after:m.start])):
				attached = m.setting
			case m.start >= prevEnd && m.end <= n.start && !clauseBreak.MatchString(s.text[m.end:n.start]):
				since = m.setting
			}
		}
		switch {
		case attached != "":
			n.setting = attached
		case since != "":
			n.setting = since
		case len(distinct) == 1:
			n.setting = mentions[0].setting
		}
		prevEnd = numEnd(n)
	}
}

// clauseBreak ends the reach of a setting word: "In the zero-shot setting,
// X reaches 70.2%" keeps it, "...; fine-tuned, it reaches" starts anew.
var clauseBreak = regexp.MustCompile(`;|\b(?:whereas|while|but)\b`)
