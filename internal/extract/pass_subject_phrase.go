package extract

import "strings"

// A subject may carry a phrase that says how it was run before its verb:
// "whereas SparseGPT at the same 50% sparsity keeps 0.530", "while GPTQ at
// the same bit width reaches 67.1%", "Llama-2-13B in 4-bit precision scores
// 54.1%". The word before the verb is then the end of the phrase, not a
// name, and the number used to fall to the paper's title.

// subjectPhrasePreps open such a phrase. "with" is read elsewhere, where
// the phrase ends in a name ("VFNet-X-1200 with Res2Net-101-DCN achieves").
var subjectPhrasePreps = set("at", "in", "under")

// subjectPhraseMax is how many words the phrase may have, its preposition
// included: the phrase is short, or it is more than a setting.
const subjectPhraseMax = 6

// nameBeforePhrase returns the name that opens the clause ending at word
// j, the word before the verb at v, when a short phrase of setting stands
// between them; else "". The name must open its clause (the sentence, a
// comma, a contrast word or "and" before it), so that "outperforming
// DeiT-B at the same size" is not read as a subject, and the phrase must
// hold nothing of the paper's ("Llama-2-13B under our pruning" is the
// paper's method applied, whose result moderators label either way).
func (s *sentence) nameBeforePhrase(j, v int, ctx *paperContext) string {
	for p := j; p > 0 && p > j-subjectPhraseMax; p-- {
		if strings.ContainsAny(s.text[s.toks[p-1].end:s.toks[p].start], ",;:()") {
			return ""
		}
		w := strings.ToLower(s.toks[p].text)
		if ownWords[w] || scoreVerbs[w] || s.keptRunAt(s.toks[p].start) != nil {
			return ""
		}
		if !subjectPhrasePreps[w] || s.blocked(s.toks[p-1]) || nameKind(s.toks[p-1].text) != modelWord {
			continue
		}
		name := s.methodEndingAt(p-1, ctx)
		if name == "" {
			return ""
		}
		first := p - len(strings.Fields(name))
		if first < 0 || !s.opensClause(first) {
			return ""
		}
		return name
	}
	return ""
}

// opensClause reports whether word k opens a clause: it starts the
// sentence, or follows a comma, a contrast word or "and".
func (s *sentence) opensClause(k int) bool {
	for k > 0 && determiners[strings.ToLower(s.toks[k-1].text)] {
		k--
	}
	if k == 0 {
		return true
	}
	if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:") {
		return true
	}
	w := strings.ToLower(s.toks[k-1].text)
	return contrastWords[w] || w == "and"
}
