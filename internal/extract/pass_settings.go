package extract

import (
	"regexp"
	"strings"
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
// written between the number and its metric ("75.3% zero-shot and 84.9%
// fine-tuned top-1"), else the one setting the sentence names, if it names
// only one. A sentence naming several, not next to their numbers, gives
// none: which is which is not for a word list to guess.
func (s *sentence) attachSettings(*paperContext) {
	mentions := findSettings(s.text)
	if len(mentions) == 0 {
		return
	}
	distinct := map[string]bool{}
	for _, m := range mentions {
		distinct[m.setting] = true
	}
	for _, r := range s.runs {
		if r.dropped {
			continue
		}
		for _, n := range r.nums {
			for _, m := range mentions {
				if m.start >= n.after && m.end <= numEnd(n) || m.start >= n.after && strings.TrimSpace(s.text[n.after:m.start]) == "" {
					n.setting = m.setting
				}
			}
			if n.setting == "" && len(distinct) == 1 {
				n.setting = mentions[0].setting
			}
		}
	}
}
