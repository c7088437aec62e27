package extract

import (
	"regexp"
	"strings"
)

var (
	conjunction = regexp.MustCompile(`(?i)\b(?:and|or|while|whereas|but|whilst)\b|;`)
	cueListText = regexp.MustCompile(`CUE(?:\s*(?:,|and|or|/)\s*CUE)+`)
)

// mentionLists groups datasets written as a list: "CUHK-PEDES, ICFG-PEDES and RSTPReid".
func (s *sentence) mentionLists() [][]*mention {
	var lists [][]*mention
	for i := range s.datasets {
		d := &s.datasets[i]
		if i > 0 {
			prev := &s.datasets[i-1]
			if listSep.MatchString(s.text[prev.end:d.start]) {
				lists[len(lists)-1] = append(lists[len(lists)-1], d)
				continue
			}
		}
		lists = append(lists, []*mention{d})
	}
	return lists
}

// runBefore returns the nearest run of k numbers ending before pos, with
// nothing but a few words between.
func (s *sentence) runBefore(pos, k int) *run {
	for i := len(s.runs) - 1; i >= 0; i-- {
		r := s.runs[i]
		if r.end > pos {
			continue
		}
		if len(r.nums) == k && len(strings.Fields(s.text[r.end:pos])) <= 6 {
			return r
		}
		return nil
	}
	return nil
}

func (s *sentence) runAfter(pos, k int) *run {
	for _, r := range s.runs {
		if r.start < pos {
			continue
		}
		if len(r.nums) == k && len(strings.Fields(s.text[pos:r.start])) <= 6 {
			return r
		}
		return nil
	}
	return nil
}

// attachDatasets maps a list of k datasets onto a run of k numbers ("71.3%,
// 62.0% and 55.4% on A, B and C, respectively"), then decides which run
// each other dataset belongs to. A dataset
// written after a run, with a few words and no conjunction between
// ("81.2% top-1 accuracy on ImageNet"), belongs to that run. Any other
// dataset opens a topic for the runs after it ("On ImageNet, X reaches 81.2%",
// "and on RSTPReid 64.1%").
func (s *sentence) attachDatasets(*paperContext) {
	for _, l := range s.mentionLists() {
		if len(l) < 2 {
			continue
		}
		r := s.runBefore(l[0].start, len(l))
		if r == nil {
			r = s.runAfter(l[len(l)-1].end, len(l))
		}
		if r == nil {
			continue
		}
		for i, n := range r.nums {
			s.listDataset[n] = l[i]
			l[i].attachedTo = r
		}
	}
	for i := range s.datasets {
		d := &s.datasets[i]
		if d.attachedTo != nil {
			continue
		}
		var prev *run
		for _, r := range s.runs {
			if r.end <= d.start {
				prev = r
			}
		}
		if prev == nil {
			continue
		}
		// Another dataset between the run and this one takes the run.
		blockedBy := false
		for j := range s.datasets {
			o := &s.datasets[j]
			if o != d && o.start >= prev.end && o.end <= d.start {
				blockedBy = true
			}
		}
		if blockedBy {
			continue
		}
		gap := s.withCuesMarked(prev.end, d.start)
		gap = cueListText.ReplaceAllString(gap, "CUE")
		if !conjunction.MatchString(gap) && len(strings.Fields(gap)) <= 6 {
			d.attachedTo = prev
		}
	}
}
