package extract

import "strings"

// namedOthers are nouns for someone else's model that a name before them
// identifies: "the CNN baseline", "the ResNet32x4 teacher". "for the CNN
// baseline" already names the baseline's method after a number; as a
// subject the same phrase used to drop the number as someone unnamed's.
var namedOthers = set("baseline", "teacher")

// reflexives between a subject and its verb: "the teacher itself obtains".
var reflexives = set("itself", "themselves")

// namedOtherSubject returns the name right before a namedOthers noun that
// ends the subject at word j ("The provided CNN baseline reaches"), or "".
// The paper's own method before the noun ("the FooNet baseline") is not
// someone else's, and is left to the rules for the paper's method.
func (s *sentence) namedOtherSubject(j int, ctx *paperContext) string {
	if j > 0 && reflexives[strings.ToLower(s.toks[j].text)] && onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) {
		j--
	}
	name := s.namedOther(j, ctx)
	if name == "" {
		return ""
	}
	// The noun must head the subject, not end a phrase inside it: in "a
	// ResNet-18 student of a ResNet-34 teacher reaches" the student does.
	k := j - len(strings.Fields(name)) - 1
	for k >= 0 && determiners[strings.ToLower(s.toks[k].text)] {
		k--
	}
	if k >= 0 && innerPrepositions[strings.ToLower(s.toks[k].text)] {
		return ""
	}
	return name
}

// namedOther returns the name right before a namedOthers noun at word j
// ("the IRRA baseline"), or "" when there is none or it is the paper's own
// method. The values in brackets right after such a phrase are the name's,
// wherever the phrase stands: "exceed the strong IRRA baseline (73.4%,
// 63.5% and 60.2% Rank-1)", "improving over the ALBEF baseline (63.1 and
// 48.0)".
func (s *sentence) namedOther(j int, ctx *paperContext) string {
	return s.nameBeforeNoun(j, namedOthers, ctx)
}

// atOwnerNouns are nouns for a whole model that a name before them
// identifies and that can own the numbers after "at": "ahead of the
// token-level RoBERTa-large reader at 86.5 EM". A part ("backbone",
// "encoder") is left out: in "Faster R-CNN with a ResNet-50 backbone at
// 47.1 AP" the value is the detector's. So is "student": in "compresses a
// ViT-L/16 teacher into a MobileNetV3 student at 78.4%" the value is the
// distilling method's.
var atOwnerNouns = set("reader", "model", "baseline", "teacher")

// nameBeforeNoun returns the name right before a noun of nouns at word j,
// or "" when there is none or it is the paper's own method.
func (s *sentence) nameBeforeNoun(j int, nouns map[string]bool, ctx *paperContext) string {
	if j < 1 || !nouns[strings.ToLower(s.toks[j].text)] ||
		!onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) || s.blocked(s.toks[j-1]) || nameKind(s.toks[j-1].text) != modelWord {
		return ""
	}
	name := s.methodEndingAt(j-1, ctx)
	if name == "" || ctx.method != "" && strings.EqualFold(name, ctx.method) {
		return ""
	}
	return name
}

// innerPrepositions before a noun phrase put it inside a longer subject.
var innerPrepositions = set("of", "from", "with", "than", "to", "by", "for", "over", "into")
