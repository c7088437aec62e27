package extract

import "strings"

// The subject of a number's clause. When nothing right around a number
// says whose it is (a possessive, a bracket, "for" and a name after it,
// the subject of the verb that introduces it), the clause it stands in
// usually does: its first noun phrase, once an opening phrase set off by a
// comma is passed over ("On COCO minival, ...", "With a batch of 32k,
// ..."). A name there is the clause's subject however many words stand
// between it and the number ("Deformable DETR needs 50 epochs to reach
// 46.2 AP", "whereas RetinaNet trained in exactly the same way gets
// 36.5", "SynthPed, the same model pre-trained on ..., gets 64.2%"), and
// a name after an opening "for" is what the clause is about when its
// subject names none ("for ViT-S/16 the two numbers are 79.9% and 80.1%").

// ownPronouns as a clause's subject make its numbers the paper's own,
// whatever an opening phrase names: "for MobileNetV2 it removes ...".
var ownPronouns = set("it", "we", "our", "this", "they")

// clauseJoins open a clause of their own after a comma and a clause with
// a number: "CLIP gets 58.9%, and SynthPed ... gets 64.2%" (but not "on
// the GLUE, RACE, and SQuAD benchmarks").
var clauseJoins = set("and", "but")

// clauseStart returns the index of the first word of the clause that
// holds byte pos: the word after a ";" or ":", after a contrast word that
// brings a subject of its own ("whereas RetinaNet ..."; not "while
// keeping"), or after ", and"; else 0.
func (s *sentence) clauseStart(pos int) int {
	for i := s.lastTokenBefore(pos); i > 0; i-- {
		if strings.ContainsAny(s.text[s.toks[i-1].end:s.toks[i].start], ";:") {
			return i
		}
		prev := strings.ToLower(s.toks[i-1].text)
		if contrastWords[prev] && !strings.HasSuffix(s.toks[i].text, "ing") {
			return i
		}
		if clauseJoins[prev] && i > 1 && strings.Contains(s.text[s.toks[i-2].end:s.toks[i-1].start], ",") && s.numberBefore(s.toks[i-1].start) {
			return i
		}
	}
	return 0
}

// opensPhrase reports whether a clause's first word opens a phrase before
// its subject: a preposition ("On", "With", "For"), a participle or gerund
// ("Trained", "Using") or an adverb ("Specifically").
func opensPhrase(w string) bool {
	if nameKind(w) == modelWord {
		return false // "SynthPed" is no participle
	}
	w = strings.ToLower(w)
	return phraseOpeners[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
}

// clauseSubject returns the names that head the clause of run r: one
// name, or a list of as many names as the run has numbers ("ViT-B/16 and
// ConvNeXt-T have almost the same accuracy (81.1% and 82.1%)"); nil when
// the clause's subject is no name. In a paper that names no method of its
// own, a clause headed by "its" or "their" is about the head of the
// clause before: "The student, TinyTPS, needs 11M parameters; its Rank-1
// is 68.1".
func (s *sentence) clauseSubject(r *run, ctx *paperContext) []string {
	if s.inChange(r) {
		// "For LLaMA-2-70B, MMLU accuracy drops from 69.8 to 68.1 with
		// AWQ": a change is the doing of what changed it, which the
		// clause's head need not be.
		return nil
	}
	names, possessed := s.clauseHead(r.start, r.source == fromOwn, ctx)
	if possessed && ctx.method == "" {
		names = orNil(ctx.lastHead)
		if k := s.clauseStart(r.start); k > 0 {
			names, _ = s.clauseHead(s.toks[k-1].end, false, ctx)
		}
	}
	if len(names) > 1 && len(names) != len(r.nums) {
		return nil // whose number is which, the text does not say
	}
	return names
}

// clauseHead returns the names that head the clause holding byte pos, and
// whether the clause opens with "its" or "their" instead. ownRun says the
// number at pos was read as the paper's own work.
func (s *sentence) clauseHead(pos int, ownRun bool, ctx *paperContext) ([]string, bool) {
	k := s.clauseStart(pos)
	if k >= len(s.toks) || s.toks[k].start >= pos {
		return nil, false
	}
	topic := ""
	if opensPhrase(s.toks[k].text) {
		next := k + 1
		if strings.EqualFold(s.toks[k].text, "for") {
			topic, next = s.forTopic(k)
		}
		k = s.afterComma(next, pos)
		if k < 0 {
			if topic == "" {
				return nil, false
			}
			k = next // "for ViT-S/16 the two numbers are"
		}
	} else if name, _ := s.clauseName(k); !modelName(name) && !determiners[strings.ToLower(s.toks[k].text)] {
		return nil, false // "We obtain", "Adding 100k questions ... raises", "Across 12 tasks"
	}
	if k < len(s.toks) && possessivePronouns[strings.ToLower(s.toks[k].text)] {
		return nil, true
	}
	if k < len(s.toks) && ownPronouns[strings.ToLower(s.toks[k].text)] {
		return nil, false // "for MobileNetV2 it removes 30% of the FLOPs at 71.2 top-1": the paper's
	}
	for k < len(s.toks) && (determiners[strings.ToLower(s.toks[k].text)] || s.modifier(k)) {
		k++
	}
	if k >= len(s.toks) || s.toks[k].start >= pos {
		return orNil(topic), false
	}
	if ownPronouns[strings.ToLower(s.toks[k].text)] {
		return nil, false // "For YOLOv3, a widely used detector, we boost it to 47.3% AP"
	}
	if name := s.appositiveAfterNoun(k, s.lastTokenBefore(pos)); name != "" {
		return []string{name}, false // "The student, TinyTPS, needs ..."
	}
	if k > 0 {
		if name := s.abbreviationAfter(k, 0); name != "" && strings.Contains(s.text[s.toks[k].start:pos], "("+name+")") {
			return []string{name}, false // "standard sequential fine-tuning (SeqFT) drops ..."
		}
	}
	name, next := s.clauseName(k)
	if name == "" || s.toks[next-1].end > pos {
		return orNil(topic), false
	}
	if _, p := possessive(s.toks[next-1].text); p {
		return nil, false // "IRRA's Rank-1 rises to 78.0%": read where possessives are
	}
	if next < len(s.toks) && s.blocked(s.toks[next]) && onlySpaces(s.text[s.toks[next-1].end:s.toks[next].start]) {
		return nil, false // "GSM8K accuracy rises": a benchmark before a metric, no subject
	}
	if ownRun && s.ownWordBetween(next, pos) {
		// "a ResNet8x4 student distilled ... with our review mechanism
		// reaches": the paper's method applied to the model it names.
		return nil, false
	}
	if end := s.listEnd(next, pos); end != next-1 {
		// A list not read as one names no one: "ViT-B, -16 and -L reach".
		return s.subjectList(end, ctx), false
	}
	return []string{name}, false
}

// possessivePronouns head a clause about something of a subject named
// before: "its Rank-1 is 68.1".
var possessivePronouns = set("its", "their")

// clauseName returns the name that starts at word k, which opens a
// clause, and the index after it. A capitalised word opening the sentence
// is part of a name that a model-like word ends ("Deformable DETR needs
// ..."), as it would be inside a sentence.
func (s *sentence) clauseName(k int) (string, int) {
	name, next := nameStartingAt(s.text, s.toks, k, s.blocked)
	if k != 0 || nameKind(s.toks[0].text) != plainWord || opensPhrase(s.toks[0].text) || len(s.toks) < 2 ||
		!onlySpaces(s.text[s.toks[0].end:s.toks[1].start]) {
		return name, next
	}
	rest, after := nameStartingAt(s.text, s.toks, 1, s.blocked)
	if rest == "" || nameKind(s.toks[1].text) != modelWord {
		return name, next
	}
	return s.toks[0].text + " " + rest, after
}

// modelName reports whether a name has a word shaped like a model's:
// "Deformable DETR", not "Across 12".
func modelName(name string) bool {
	for _, w := range strings.Fields(name) {
		if nameKind(w) == modelWord {
			return true
		}
	}
	return false
}

// forTopic reads the name after the "for" at word k, past determiners and
// modifiers ("for the original ViT-B/16"), and returns it with the index
// after it; "" and k+1 when there is none.
func (s *sentence) forTopic(k int) (string, int) {
	j := k + 1
	for j < len(s.toks) && (determiners[strings.ToLower(s.toks[j].text)] || s.modifier(j)) {
		j++
	}
	if j >= len(s.toks) || !onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) {
		return "", k + 1 // "For example, ViT-B/16 ..." names no topic
	}
	name, next := nameStartingAt(s.text, s.toks, j, s.blocked)
	if name == "" {
		return "", k + 1
	}
	return name, next
}

// afterComma returns the index of the first word after a comma, from word
// k on and before byte pos, or -1. A comma inside brackets does not end
// an opening phrase: "With a ResNet32x4 teacher (79.42% top-1), SFD ...".
func (s *sentence) afterComma(k, pos int) int {
	depth := 0
	for j := k; j < len(s.toks) && s.toks[j].start < pos; j++ {
		if j == 0 {
			continue
		}
		gap := s.text[s.toks[j-1].end:s.toks[j].start]
		for _, c := range gap {
			switch c {
			case '(':
				depth++
			case ')':
				depth--
			case ',':
				if depth == 0 {
					return j
				}
			}
		}
	}
	return -1
}

// listEnd returns the index of the last word of a list of names whose
// first name ends before word next: "ViT-B/16 and ConvNeXt-T", "A, B and
// C". Without a list it is next-1.
func (s *sentence) listEnd(next, pos int) int {
	end := next - 1
	for next < len(s.toks) && s.toks[next].start < pos {
		gap := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s.text[s.toks[next-1].end:s.toks[next].start]), "-"))
		k := next
		if strings.EqualFold(s.toks[k].text, "and") && (gap == "" || gap == ",") {
			k++
		} else if gap != "," {
			break
		}
		if k >= len(s.toks) {
			break
		}
		if s.elidedItem(k) {
			end, next = k, k+1 // "-M" in "RepNeXt-S, -M and -L"
			continue
		}
		name, after := nameStartingAt(s.text, s.toks, k, s.blocked)
		if name == "" || s.toks[after-1].end > pos {
			break
		}
		end, next = after-1, after
	}
	return end
}

func orNil(name string) []string {
	if name == "" {
		return nil
	}
	return []string{name}
}

// inChange reports whether a number of run r is either value of a change:
// "from 37.4 to 39.6", and "to 68.1 with AWQ and to 68.9 with HadQuant"
// after a "from".
func (s *sentence) inChange(r *run) bool {
	for _, n := range r.nums {
		if n.from || n.to != nil {
			return true
		}
		to := false
		if i := s.lastTokenBefore(n.start); i >= 0 {
			to = strings.EqualFold(s.toks[i].text, "to")
		}
		for _, o := range s.nums {
			if o.to == n || to && o.from && o.start < n.start {
				return true
			}
		}
	}
	return false
}

// ownWordBetween reports whether a word that makes a phrase the paper's
// own ("our", "proposed") stands from word k up to byte pos.
func (s *sentence) ownWordBetween(k, pos int) bool {
	for ; k < len(s.toks) && s.toks[k].start < pos; k++ {
		if ownSubjectWords[strings.ToLower(s.toks[k].text)] {
			return true
		}
	}
	return false
}

// numberBefore reports whether a number stands before byte pos.
func (s *sentence) numberBefore(pos int) bool {
	return len(s.nums) > 0 && s.nums[0].start < pos
}
