package extract

import (
	"regexp"
)

var listSep = regexp.MustCompile(`^\s*(?:,|and|or|/|, and|, or)\s*$`)

var nearGap = regexp.MustCompile(`^\s*(?:in|of|for|on)?\s*$`)

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
		case first.cue != nil && !first.cueAfter:
			list = s.cueListEndingAt(s.cueIndex(first.cue))
		default:
			for i, c := range s.cues {
				if c.start >= r.end && nearGap.MatchString(s.text[r.end:c.start]) {
					list = s.cueListStartingAt(i)
					break
				}
			}
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
