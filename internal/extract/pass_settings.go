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

// attachSettings gives numbers their setting by where the setting word
// stands:
//   - right after a number, or between it and its metric: that number
//     ("75.3% zero-shot and 84.9% fine-tuned top-1");
//   - after a preposition and a number ("in the 5-shot setting", "under
//     linear probing"): the number before it ("64.3% on MMLU in the 5-shot
//     setting");
//   - anywhere else, as an adjective ("a zero-shot Y-Net reaches 70.2%",
//     "In zero-shot transfer, ..."): the numbers after it, up to the next
//     number it does not reach or the end of its clause.
func (s *sentence) attachSettings(*paperContext) {
	for _, m := range findSettings(s.text) {
		var before, after []*number
		for _, n := range s.nums {
			if numEnd(n) <= m.start {
				before = append(before, n)
			} else if n.start >= m.end {
				after = append(after, n)
			}
		}
		if len(before) > 0 {
			n := before[len(before)-1]
			if m.end <= numEnd(n) || onlySpaces(s.text[n.after:m.start]) {
				n.setting = m.setting
				continue
			}
		}
		for _, n := range s.nums {
			if n.start < m.start && m.end <= numEnd(n) {
				n.setting = m.setting // between the number and its metric
			}
		}
		if len(before) > 0 && settingPreposition.MatchString(s.text[:m.start]) {
			if !clauseBreak.MatchString(s.text[numEnd(before[len(before)-1]):m.start]) {
				before[len(before)-1].setting = m.setting
			}
			continue
		}
		for _, n := range after {
			if clauseBreak.MatchString(s.text[m.end:n.start]) {
				break
			}
			if n.setting == "" {
				n.setting = m.setting
			}
			if !listGap.MatchString(s.between(numEnd(n), nextStart(s.nums, n))) {
				break // the setting reaches one number, or one list
			}
		}
	}
}

// nextStart is where the number after n starts, or the end of the text.
func nextStart(nums []*number, n *number) int {
	for i, o := range nums {
		if o == n && i+1 < len(nums) {
			return nums[i+1].start
		}
	}
	return numEnd(n)
}

// settingPreposition ends the text before a setting word that qualifies
// what came before it: "... in the 5-shot setting", "... under linear probing".
var settingPreposition = regexp.MustCompile(`(?i)\b(?:in|under|with|for|using|via)\s+(?:the\s+|a\s+)?$`)

// clauseBreak ends the reach of a setting word.
var clauseBreak = regexp.MustCompile(`;|\b(?:whereas|while|but)\b`)
