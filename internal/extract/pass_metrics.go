package extract

import (
	"regexp"
)

var listSep = regexp.MustCompile(`^\s*(?:,|and|or|/|, and|, or)\s*$`)

// nearGap joins a run to the list of metrics right after it: "74.2% and
// 89.0% in Rank-1 and Rank-5", "81.2%, 93.0% and 95.9% at Rank-1, Rank-5
// and Rank-10".
var nearGap = regexp.MustCompile(`^\s*(?:in|of|for|on|at)?\s*$`)

// cueListEndingAt returns the list of metrics ending with cue i: "Rank-1,
// Rank-5 and Rank-10", "top-1/top-5".
func (s *sentence) cueListEndingAt(i int) []cue {
	j := i
	for j > 0 && listSep.MatchString(s.text[s.cues[j-1].end:s.cues[j].start]) {
		j--
	}
	return s.cues[j : i+1]
}

func (s *sentence) cueListStartingAt(i int) []cue {
	j := i
	for j+1 < len(s.cues) && listSep.MatchString(s.text[s.cues[j].end:s.cues[j+1].start]) {
		j++
	}
	return s.cues[i : j+1]
}

// headerEnd closes a list of metrics that heads a table written as prose:
// "Results (R@1/R@5/R@10): CUHK-PEDES 74.6/89.9/93.8; ICFG-PEDES ...".
// Only a bracket, a unit and a few words stand between the list and the colon.
var headerEnd = regexp.MustCompile(`^\s*(?:\(%\))?\s*\)?\s*(?:\(%\))?(?:\s*[\p{L}-]+){0,3}\s*:`)

// headerCues returns the list of metrics that heads the table r is an
// item of: a list written before a colon earlier in the sentence, after
// which every run up to r has as many numbers as r. Every item of the
// table ("NAME a/b/c") takes the metrics in order, as a run written with
// them would.
func (s *sentence) headerCues(r *run) []cue {
	for i := len(s.cues) - 1; i >= 0; i-- {
		c := s.cues[i]
		if c.end > r.start {
			continue
		}
		loc := headerEnd.FindStringIndex(s.text[c.end:r.start])
		if loc == nil {
			return nil
		}
		for _, o := range s.runs {
			if o.start > c.end && o.start < r.start && len(o.nums) != len(r.nums) {
				return nil
			}
		}
		return s.cueListEndingAt(i)
	}
	return nil
}

// ownsCueBefore reports whether n is written after a metric of its own
// ("an mAP of 43.0%").
func ownsCueBefore(n *number) bool {
	return n.cue != nil && !n.cueAfter
}

func (s *sentence) cueIndex(c *cue) int {
	for i := range s.cues {
		if &s.cues[i] == c {
			return i
		}
	}
	return -1
}

// attachMetrics pairs a run of k numbers with a list of k metrics, in
// order ("80.4%/95.1% top-1/top-5 accuracy", "74.2% and 89.0% in Rank-1 and
// Rank-5"), and records which runs each metric is written with. A metric
// for the numbers that have none is chosen later, in resolve.go.
func (s *sentence) attachMetrics(*paperContext) {
	for _, r := range s.runs {
		k := len(r.nums)
		if k < 2 {
			continue
		}
		var list []cue
		first, last := r.nums[0], r.nums[k-1]
		switch {
		case last.cue != nil && last.cueAfter:
			list = s.cueListStartingAt(s.cueIndex(last.cue))
		case ownsCueBefore(first):
			list = s.cueListEndingAt(s.cueIndex(first.cue))
		default:
			for i, c := range s.cues {
				if c.start >= r.end && nearGap.MatchString(s.text[r.end:c.start]) {
					list = s.cueListStartingAt(i)
					break
				}
			}
		}
		if len(list) >= 2 && len(list) < k && ownsCueBefore(first) && list[len(list)-1].start == first.cue.start && ownsCueBefore(r.nums[len(list)]) {
			// The list is before the run, and the number after as many
			// numbers as it names has a metric of its own written before
			// it: the run goes on into another clause ("R@1, R@5 and R@10
			// of 55.8%, 81.3% and 88.6%, and an image-to-text R@1 of
			// 72.1%"), whose numbers the list does not reach.
			for i, n := range r.nums[:len(list)] {
				s.listMetric[n] = &list[i]
			}
			continue
		}
		if len(list) != k {
			list = s.headerCues(r)
		}
		if len(list) != k {
			continue
		}
		for i, n := range r.nums {
			s.listMetric[n] = &list[i]
		}
	}
	for _, r := range s.runs {
		for _, n := range r.nums {
			if c := s.ownCue(n); c != nil {
				s.cueOwners[c] = append(s.cueOwners[c], r)
			}
		}
	}
}
