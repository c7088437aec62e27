package extract

import "strings"

// The subject of a score verb may open with the paper's method and name
// the model it works on in a phrase after it: "HardDN applied to Mask DINO
// yields 52.1 box AP", "SeqPrompt on a frozen Nucleotide Transformer 500M
// reaches 86.3%", "Polaris-SSL fine-tuned on COCO with Mask R-CNN reaches
// 56.3 box AP". The name right before the verb is then no subject of its
// own: the phrase's head, the paper's method, is, and the result is the
// paper's, the model being what it was applied to.

// ownHeadBreaks end the subject phrase that ownHeadsSubject reads back
// through: a second subject ("FooNet and Mask DINO reach") or a comparison
// ("FooNet, like DINO,", "than DINO") makes the name before the verb one of
// its own. Commas and other punctuation end it too.
var ownHeadBreaks = set("and", "or", "nor", "like", "unlike", "than", "versus", "vs", "vs.", "over", "against")

// ownHeadPrepositions open the phrase after the paper's name, as a
// participle does ("applied to", "fine-tuned on"): "SeqPrompt on a frozen
// Nucleotide Transformer 500M". A verb there ("Quill-7B compares favourably
// with Llama 2 13B Chat, which reaches") makes the name after it a subject
// of its own.
var ownHeadPrepositions = set("on", "with", "in", "at", "for", "atop")

// ownHeadMax is how many words the phrase after the paper's name may have.
const ownHeadMax = 8

// ownHeadsSubject reports whether the subject name written last before
// pos follows, in the same clause, a phrase opened by the paper's method
// name, which itself opens the clause.
func (s *sentence) ownHeadsSubject(name string, pos int, method string) bool {
	k := s.nameStart(name, pos)
	n := len(strings.Fields(method))
	if k <= 0 || n == 0 {
		return false
	}
	if end := k + len(strings.Fields(name)); end < len(s.toks) && strings.ContainsAny(s.text[s.toks[end-1].end:s.toks[end].start], ",;:(") {
		return false // "..., Llama 2 13B Chat, which reaches": a relative clause's own subject
	}
	for p := k - 1; p >= 0 && p >= k-ownHeadMax; p-- {
		if strings.ContainsAny(s.text[s.toks[p].end:s.toks[p+1].start], ",;:()") {
			return false
		}
		w := strings.ToLower(s.toks[p].text)
		if ownHeadBreaks[w] || variantStops[w] || contrastWords[w] || scoreVerbs[w] || copulas[w] {
			return false
		}
		first := p - n + 1
		if first < 0 || p >= k-1 {
			continue // the phrase has at least one word
		}
		if strings.EqualFold(strings.Join(tokenTexts(s.toks[first:p+1]), " "), method) && s.opensClause(first) {
			link := s.toks[p+1].text
			return ownHeadPrepositions[link] || link == strings.ToLower(link) && strings.HasSuffix(link, "ed")
		}
	}
	return false
}

// whoseMax is how many words a "whose" clause may have before its verb.
const whoseMax = 8

// whoseOwner returns the one name set off by a comma before a "whose"
// clause that ends at verb v with the words between plain ("For Llama 3
// 70B, whose full-precision MMLU accuracy is 79.3%", "On Llama 3 8B, whose
// FP16 model scores 65.2%"), or "". whoseSubject reads the clauses made of
// metrics, datasets and counted data alone, and lists of names.
func (s *sentence) whoseOwner(v int, ctx *paperContext) string {
	for k := v - 1; k > 0 && k >= v-whoseMax; k-- {
		if strings.ContainsAny(s.text[s.toks[k].end:s.toks[k+1].start], ",;:()") {
			return ""
		}
		w := strings.ToLower(s.toks[k].text)
		if w != "whose" {
			if relativePronouns[w] || contrastWords[w] || scoreVerbs[w] || copulas[w] || ownWords[w] {
				return ""
			}
			continue
		}
		if strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]) != "," || s.blocked(s.toks[k-1]) {
			return ""
		}
		if names := s.subjectList(k-1, ctx); names != nil {
			return ""
		}
		return s.methodEndingAt(k-1, ctx)
	}
	return ""
}
