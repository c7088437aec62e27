package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// cue is a metric named in a sentence.
type cue struct {
	start, end int
	metric     string // normalised name
}

// cueTable maps the ways papers write a metric to one name each. Where two
// entries match at the same place the longer match wins, so "top-1 accuracy"
// is one cue, not "top-1" and "accuracy".
//
// Retrieval papers write Rank-k and R@k for the same number (the share of
// queries whose match is within the first k results), so both map to "Rank-k".
// Short upper-case cues (AP, EM, F1) are matched with their case, because
// "ap" or "em" in running text are not metrics. AP is also written in the
// plural after its kind ("58.7/58.9 box mAPs"); "APs" alone is AP on small
// objects.
var cueTable = append([]cueEntry{
	// A qualified metric is a metric of its own, not the plain one it
	// qualifies: "robust accuracy", "last-step accuracy", "boundary AP".
	{regexp.MustCompile(`(?i)\brobust\s+accurac(?:y|ies)\b`), "Robust accuracy"},
	// "55.8% robust and 76.0% clean accuracy": the first number's
	// qualifier shares the head written after the second (the part in
	// brackets is the cue).
	{regexp.MustCompile(`(?i)\b(robust)\s+and\s+\d+(?:\.\d+)?%?\s+clean\s+(?:top-1\s+)?accurac(?:y|ies)\b`), "Robust accuracy"},
	{regexp.MustCompile(`(?i)\blast(?:-step)?\s+accurac(?:y|ies)\b`), "Last accuracy"},
	// Certified accuracy, the share of inputs proven robust within a
	// radius, is written as the text writes it (LABELLING.md).
	{regexp.MustCompile(`(?i)\bcertified\s+(?:top-1\s+)?accurac(?:y|ies)\b`), "Certified accuracy"},
	// A k-NN classifier's accuracy on frozen features is a metric of its
	// own (LABELLING.md), also when written "k-NN top-1 accuracy".
	{regexp.MustCompile(`(?i)\bk-?NN\s+(?:top-1\s+)?accurac(?:y|ies)\b`), "k-NN accuracy"},
	// "k-NN" alone right after a score is the same metric, its head left
	// to a list's last item or out: "86.4% k-NN and 88.5% linear-probe
	// accuracy", "68.0% linear and 33.6% k-NN for MAE" (the part in
	// brackets is the cue; followed by "accuracy", the longer cue above
	// wins).
	{regexp.MustCompile(`(?i)(?:\d%|\d\.\d+)\s+(k-?NN)\b`), "k-NN accuracy"},
	// Continual learning reports the mean over its tasks or steps and the
	// accuracy after the last one as metrics of their own (LABELLING.md);
	// outside a continual-learning abstract they are read as the plain
	// metric (see continualOnly).
	{regexp.MustCompile(`(?i)\baverage\s+incremental\s+accurac(?:y|ies)\b`), "Average incremental accuracy"},
	{regexp.MustCompile(`(?i)\b(?:final\s+)?average\s+accurac(?:y|ies)\b`), "Average accuracy"},
	{regexp.MustCompile(`(?i)\bfinal\s+accurac(?:y|ies)\b`), "Final accuracy"},
	{regexp.MustCompile(`(?i)\b(?:average\s+)?forgetting\b`), "Forgetting"},
	{regexp.MustCompile(`\b[Bb]oundary\s+(?:AP|mAP)s?\b`), "Boundary AP"},
	// Image generation metrics.
	{regexp.MustCompile(`\bFIDs?\b`), "FID"},
	{regexp.MustCompile(`(?i)\binception\s+scores?\b`), "Inception Score"},
	// An error rate is a score in its own metric, labelled as written.
	{regexp.MustCompile(`(?i)\btop-?1\s+(?:error|err\.)(?:\s+rates?)?`), "Top-1 error"},
	{regexp.MustCompile(`(?i)\btop-?5\s+(?:error|err\.)(?:\s+rates?)?`), "Top-5 error"},
	{regexp.MustCompile(`(?i)\btop-?1\b(?:\s+(?:accurac(?:y|ies)\b|acc\.))?|\bacc@1\b`), "Top-1 accuracy"},
	{regexp.MustCompile(`(?i)\btop-?5\b(?:\s+(?:accurac(?:y|ies)\b|acc\.))?|\bacc@5\b`), "Top-5 accuracy"},
	{regexp.MustCompile(`(?i)\b(?:rank[-@]?1|r@1|recall@1)\b(?:\s+accurac(?:y|ies)\b)?`), "Rank-1"},
	{regexp.MustCompile(`(?i)\b(?:rank[-@]?5|r@5|recall@5)\b(?:\s+accurac(?:y|ies)\b)?`), "Rank-5"},
	{regexp.MustCompile(`(?i)\b(?:rank[-@]?10|r@10|recall@10)\b(?:\s+accurac(?:y|ies)\b)?`), "Rank-10"},
	// Later ranks written as bare numbers after the first: "Rank-1/5/10"
	// (the part in brackets is the cue).
	{regexp.MustCompile(`(?i)\b(?:rank[-@]?|r@|recall@)1/(5)\b`), "Rank-5"},
	{regexp.MustCompile(`(?i)\b(?:rank[-@]?|r@|recall@)1/5/(10)\b`), "Rank-10"},
	// "R1" is Rank-1 only right after a number ("66.9 R1"): elsewhere it
	// is part of a name ("DeepSeek-R1").
	{regexp.MustCompile(`\d%?\s+(R1)\b`), "Rank-1"},
	{regexp.MustCompile(`\d%?\s+(R5)\b`), "Rank-5"},
	{regexp.MustCompile(`\d%?\s+(R10)\b`), "Rank-10"},
	{regexp.MustCompile(`\bmAPs?\b`), "mAP"},
	{regexp.MustCompile(`\bmINP\b`), "mINP"},
	{regexp.MustCompile(`\bmIoU\b`), "mIoU"},
	{regexp.MustCompile(`\bPQ\b`), "PQ"},
	// One head shared by two kinds, "box/mask AP": the first kind alone is
	// its own metric (the part in brackets is the cue), the second is read
	// with the head as usual.
	{regexp.MustCompile(`\b([Bb]ox)\s*/\s*[Mm]ask\s+(?:AP|mAP)s?\b`), "Box AP"},
	{regexp.MustCompile(`\b([Mm]ask)\s*/\s*[Bb]ox\s+(?:AP|mAP)s?\b`), "Mask AP"},
	// Box and mask AP are also written as a mark on "AP": "APb", "AP^bb",
	// "AP_{bbox}", "APm", "AP^mk" (lower case: "AP_M" is medium objects).
	{regexp.MustCompile(`\b(?:[Bb]ox|bbox)\s+(?:AP|mAP)s?\b|\bAP[\^_]?\{?(?:box|bbox|bb|b)\}?(?:\b|$)`), "Box AP"},
	{regexp.MustCompile(`\b[Mm]ask\s+(?:AP|mAP)s?\b|\bAP[\^_]?\{?(?:mask|mk|m)\}?(?:\b|$)`), "Mask AP"},
	// AP at an IoU of 0.5 or 0.75, as detection papers report beside AP.
	{regexp.MustCompile(`\bAP_?\{?50\}?\b`), "AP50"},
	{regexp.MustCompile(`\bAP_?\{?75\}?\b`), "AP75"},
	// AP on small, medium and large objects, written with a capital
	// subscript ("AP_S"; a lower-case "AP_m" is mask AP, above), is a
	// metric of its own, named as the text writes it (LABELLING.md).
	{regexp.MustCompile(`\bAP_\{?S\}?(?:\b|$)`), "AP_S"},
	{regexp.MustCompile(`\bAP_\{?M\}?(?:\b|$)`), "AP_M"},
	{regexp.MustCompile(`\bAP_\{?L\}?(?:\b|$)`), "AP_L"},
	// "APs" alone is AP on small objects, not the plural of AP: "29.6 APs",
	// "APs from 22.1 to 26.0", "an APs of 34.8"; it is named as the text
	// writes it. "box APs" stays a plural, as the longer Box AP cue above
	// wins; "29.6APs", written onto its number, is still read as AP below.
	{regexp.MustCompile(`\bAPs\b`), "APs"},
	{regexp.MustCompile(`\bAP\b`), "AP"},
	// Detection metrics written onto the number: "49.4AP", "52.1PQ" (the
	// part in brackets is the cue; see gluedMetric).
	{regexp.MustCompile(`\d(APs?)\b`), "AP"},
	{regexp.MustCompile(`\d(mAPs?)\b`), "mAP"},
	{regexp.MustCompile(`\d(PQ)\b`), "PQ"},
	{regexp.MustCompile(`\d(mIoU)\b`), "mIoU"},
	{regexp.MustCompile(`\b[Ff]1(?:[- ]?[Ss]core)?\b|\bF-(?:score|measure)\b`), "F1"},
	{regexp.MustCompile(`\bBLEU(?:-4)?\b`), "BLEU"},
	{regexp.MustCompile(`(?i)\bROUGE-L\b`), "ROUGE-L"},
	{regexp.MustCompile(`\bCIDEr\b`), "CIDEr"},
	{regexp.MustCompile(`(?i)\bexact[- ]match(?:es)?\b|\bEM\b`), "Exact match"},
	{regexp.MustCompile(`\b(?:AUC|AUROC|ROC-AUC|AUC-ROC)\b`), "AUC"},
	{regexp.MustCompile(`\bMCC\b|(?i)\bMatthews(?:'s?|’s?)?\s+correlation(?:\s+coefficients?)?`), "MCC"},
	// Error rates, where lower is better: a number written with one is a
	// score, not a cost ("a word error rate of 2.7%").
	{regexp.MustCompile(`(?i)\bword[- ]error[- ]rates?\b|\bWER\b`), "WER"},
	{regexp.MustCompile(`(?i)\bcharacter[- ]error[- ]rates?\b|\bCER\b`), "CER"},
	{regexp.MustCompile(`(?i)\bequal[- ]error[- ]rates?\b|\bEER\b`), "EER"},
	// A plain error rate, as semi-supervised classification reports it
	// ("error rates of 32.8%, 21.9% and 17.3%"); a qualified one above
	// starts earlier and wins.
	{regexp.MustCompile(`(?i)\berror[- ]rates?\b`), "Error rate"},
	{regexp.MustCompile(`(?i)\baccurac(?:y|ies)\b|\bacc\.`), "Accuracy"},
}, directionalCues()...)

// cueEntry is one way of writing a metric, and the name it is read as.
type cueEntry struct {
	re     *regexp.Regexp
	metric string
}

// retrievalDirections are the two directions of image-text retrieval, as
// metric names spell them, and retrievalRanks the k of the R@k each
// reports. Image-text retrieval keeps its direction (LABELLING.md).
var (
	retrievalDirections = []string{"Text-to-image", "Image-to-text"}
	retrievalRanks      = []string{"1", "5", "10"}
)

// directionalCues reads R@k written with its direction ("text-to-image
// R@1", "image-to-text Recall@5"). One head shared by both directions,
// "image-to-text and text-to-image R@1", also with the second's number
// between ("58.3% image-to-text and 42.7% text-to-image R@1"), gives the
// first its own cue (the part in brackets), the second read as usual.
func directionalCues() []cueEntry {
	var out []cueEntry
	for i, dir := range retrievalDirections {
		other := retrievalDirections[1-i]
		for _, k := range retrievalRanks {
			rank := `(?:R|Recall)@` + k + `\b`
			out = append(out,
				cueEntry{regexp.MustCompile(`(?i)\b(` + dir + `)\s+and\s+(?:\d+(?:\.\d+)?\s*%?\s+)?` + other + `\s+` + rank), dir + " R@" + k},
				cueEntry{regexp.MustCompile(`(?i)\b` + dir + `\s+` + rank), dir + " R@" + k})
		}
	}
	return out
}

// directedRank names Rank-k ("Rank-1") in a direction written in any case
// ("for text-to-image"): "Text-to-image R@1".
func directedRank(rank, direction string) (string, bool) {
	k, ok := strings.CutPrefix(rank, "Rank-")
	if !ok {
		return "", false
	}
	for _, dir := range retrievalDirections {
		if strings.EqualFold(dir, direction) {
			return dir + " R@" + k, true
		}
	}
	return "", false
}

// undirectedRank gives the Rank-k that a directed R@k is on a benchmark
// that reports no direction (person search): "Text-to-image R@5" is Rank-5.
func undirectedRank(metric string) (string, bool) {
	for _, dir := range retrievalDirections {
		if k, ok := strings.CutPrefix(metric, dir+" R@"); ok {
			return "Rank-" + k, true
		}
	}
	return "", false
}

// findCues returns the metric cues of s in order, without overlaps.
func findCues(s string) []cue {
	var all []cue
	for _, e := range cueTable {
		for _, loc := range e.re.FindAllStringSubmatchIndex(s, -1) {
			if loc[1] < len(s) && s[loc[1]] == '@' {
				continue // "mAP@0.5", "F1@5": another metric than the one named
			}
			if len(loc) > 2 {
				loc = loc[2:] // the cue is the part in brackets
			}
			all = append(all, cue{start: loc[0], end: loc[1], metric: e.metric})
		}
	}
	return retrievalPhraseDirection(s, shareDirection(s, longestFirst(all)))
}

// retrievalPhrase is a retrieval direction written before "retrieval"
// ("text-to-image retrieval"), or its short form, what is retrieved ("text
// retrieval" is image-to-text); retrievalPhraseDirs gives each its
// direction. The short forms count only where the sentence writes both, as
// image-text retrieval is reported ("text retrieval and image retrieval").
var (
	retrievalPhrase     = regexp.MustCompile(`(?i)(?:^|[^\w-])((text-to-image|image-to-text|text|image)\s+retrieval)\b`)
	retrievalPhraseDirs = map[string]string{
		"text-to-image": "Text-to-image", "image": "Text-to-image",
		"image-to-text": "Image-to-text", "text": "Image-to-text",
	}
	retrievalShortForms = []string{"text", "image"}
	// retrievalAfterScore is the gap of a phrase that qualifies the score
	// before it ("66.9 R@1 for text-to-image retrieval"): read there.
	retrievalAfterScore = regexp.MustCompile(`(?i)^\s+for\s+(?:\S+\s+and\s+)?$`)
	// retrievalPairJoint joins two phrases that share the R@k after the
	// second ("text retrieval and image retrieval R@1").
	retrievalPairJoint = regexp.MustCompile(`(?i)^\s+and\s+$`)
	retrievalPairHead  = regexp.MustCompile(`^\s+(?:R|Recall)@`)
)

// retrievalPhraseDirection gives each plain R@k the direction written
// before "retrieval" earlier in the sentence, the nearest one, unless an
// R@k written with its own direction stands between ("improves
// text-to-image retrieval from 30.4% to 33.9% R@1, with R@5 of 59.8%": all
// text-to-image; "its text retrieval R@1 is 81.7": image-to-text). Of two
// phrases joined by "and" before one R@k, the first is read as a cue of
// its own ("text retrieval and image retrieval R@1 are 81.7 and 64.9").
func retrievalPhraseDirection(s string, cues []cue) []cue {
	type phrase struct {
		start, end int
		dir        string
	}
	var phrases []phrase
	short := map[string]bool{}
	for _, loc := range retrievalPhrase.FindAllStringSubmatchIndex(s, -1) {
		word := strings.ToLower(s[loc[4]:loc[5]])
		phrases = append(phrases, phrase{loc[2], loc[3], retrievalPhraseDirs[word]})
		short[word] = true
	}
	if len(phrases) == 0 {
		return cues
	}
	bothShort := true
	for _, w := range retrievalShortForms {
		bothShort = bothShort && short[w]
	}
	var kept []phrase
	for _, p := range phrases {
		word := strings.ToLower(strings.Fields(s[p.start:p.end])[0])
		if !strings.Contains(word, "-") && !bothShort {
			continue
		}
		prevEnd := -1
		for _, c := range cues {
			if c.end <= p.start {
				prevEnd = c.end
			}
		}
		if prevEnd >= 0 && retrievalAfterScore.MatchString(s[prevEnd:p.start]) {
			continue
		}
		if c := inCueAt(cues, p.start, p.end); c {
			continue
		}
		kept = append(kept, p)
	}
	var added []cue
	for i, p := range kept {
		if i+1 < len(kept) && retrievalPairJoint.MatchString(s[p.end:kept[i+1].start]) && retrievalPairHead.MatchString(s[kept[i+1].end:]) {
			for _, c := range cues {
				if c.start > kept[i+1].end && retrievalPairHead.MatchString(s[kept[i+1].end:c.end]) {
					if k, ok := strings.CutPrefix(c.metric, "Rank-"); ok {
						added = append(added, cue{start: p.start, end: p.end, metric: p.dir + " R@" + k})
					}
					break
				}
			}
		}
	}
	var directed []cue
	for _, c := range cues {
		if strings.Contains(c.metric, " R@") {
			directed = append(directed, c)
		}
	}
	for i := range cues {
		c := &cues[i]
		if !strings.HasPrefix(c.metric, "Rank-") || !retrievalPairHead.MatchString(" "+s[c.start:c.end]) {
			continue
		}
		var near *phrase
		for j, p := range kept {
			if p.end <= c.start && (near == nil || p.start > near.start) {
				near = &kept[j]
			}
		}
		if near == nil {
			continue
		}
		between := false
		for _, o := range directed {
			if o.end <= c.start && o.start > near.start {
				between = true
			}
		}
		m, ok := directedRank(c.metric, near.dir)
		if between || !ok {
			continue
		}
		c.metric = m
		if strings.TrimSpace(s[near.end:c.start]) == "" {
			c.start = near.start // "image retrieval R@1" is one cue
		}
	}
	if len(added) == 0 {
		return cues
	}
	return longestFirst(append(cues, added...))
}

// inCueAt reports whether start..end overlaps a cue.
func inCueAt(cues []cue, start, end int) bool {
	for _, c := range cues {
		if start < c.end && c.start < end {
			return true
		}
	}
	return false
}

// directionListJoint joins the R@k of one list: "/", ",", "and", also past
// the value each R@k is given right after it ("an image-to-text R@1 of
// 81.4, R@5 of 95.3 and R@10 of 97.8": all three image-to-text).
var directionListJoint = regexp.MustCompile(`^(?:\s+(?:of|=|:)\s*\d+(?:\.\d+)?\s*%?)?\s*(?:/|,\s*and|,|and)\s*$`)

// directionValueJoint joins the R@k of one list each written with its own
// value before it ("63.5% text-to-image R@1, 85.7% R@5 and 91.6% R@10") or
// after "is" ("text-to-image R@1 is 55.3 and R@5 is 80.9"), also with the
// data it is measured on between the R@k and "is" ("image-to-text R@5 on
// COCO is 90.3% and R@10 is 94.8%": a few words, no punctuation): the
// direction goes on while k grows, as a list of R@k is written.
var directionValueJoint = regexp.MustCompile(`^(?:(?:\s+(?:on|in)\s+[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3}?)?\s+(?:is|are)\s+\d+(?:\.\d+)?\s*%?\s*(?:,\s*and|,|and)\s*|\s*(?:,\s*and|,|and)\s+\d+(?:\.\d+)?\s*%?\s*)$`)

// shareDirection gives a plain R@k the direction of the directed R@k it
// is listed after: in "text-to-image R@1/R@5/R@10" the direction
// qualifies every metric of the list, not the first alone.
func shareDirection(s string, cues []cue) []cue {
	for i := 1; i < len(cues); i++ {
		prev := cues[i-1]
		dir, k, ok := strings.Cut(prev.metric, " R@")
		if !ok {
			continue
		}
		gap := s[prev.end:cues[i].start]
		if !directionListJoint.MatchString(gap) && !(directionValueJoint.MatchString(gap) && rankAbove(cues[i].metric, k)) {
			continue
		}
		if m, ok := directedRank(cues[i].metric, dir); ok {
			cues[i].metric = m
		}
	}
	return cues
}

// rankAbove reports whether metric is a Rank-k whose k is above prev's.
func rankAbove(metric, prev string) bool {
	k, ok := strings.CutPrefix(metric, "Rank-")
	if !ok {
		return false
	}
	a, err1 := strconv.Atoi(k)
	b, err2 := strconv.Atoi(prev)
	return err1 == nil && err2 == nil && a > b
}

// longestFirst keeps, of overlapping cues, the one that starts first and,
// of those, the longest.
func longestFirst(all []cue) []cue {
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []cue
	for _, c := range all {
		if len(out) > 0 && c.start < out[len(out)-1].end {
			continue
		}
		out = append(out, c)
	}
	return out
}
