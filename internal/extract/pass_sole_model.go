package extract

import "strings"

// A paper that names no method of its own is mostly about other people's
// models: it studies, prunes, prompts or fine-tunes them ("We accelerate
// Llama-2-13B decoding ...: MMLU accuracy stays at 55.1%", "The resulting
// ViT-G model attains 90.94%", "Specifically, FocalNets with tiny and base
// size achieve 82.3% and 83.9%"). When such a sentence names one model and
// nothing else says whose its number is, the number is labelled by that
// model rather than by the paper's title, which the gold files almost never
// use for such a sentence.

// soleModelMarkers, in the phrase before a name, make it what a result is
// obtained with, on, or compared with, not whose it is: "With a standard
// ResNeXt-101-DCN backbone, we", "the accuracy of an EfficientNet-B7",
// "from a ResNet32x4 teacher". A sentence that opens with "For" and a
// name is about that model ("For Llama-2-7B, accuracy reaches ...").
var soleModelMarkers = set("with", "using", "for", "from", "of", "on", "in", "at", "by", "via", "like", "to", "into", "over")

// subordinators open a clause that sets the scene rather than says whose the
// result is: "when training a ResNeXt-101 32x48d ..., we obtain 86.4%".
var subordinators = set("when", "if", "once", "after", "before", "until", "unless")

// soleModel returns the one model the sentence names, when it is named
// before run r in its clause (not past a ";") and the phrase that holds it
// neither compares it, contrasts it, sets the scene with it, makes it a
// tool or the object of a preposition, nor calls it someone unnamed's
// ("naive sequential LoRA tuning"); else "".
//
// A value after a change ("For CLIP ViT-L/14, top-1 accuracy rises from
// 75.3% to 77.1%") is the result of the paper's change, not the model's,
// and keeps the title.
func (s *sentence) soleModel(r *run) string {
	name, _ := s.soleModelEnd(r)
	return name
}

// soleModelEnd is soleModel, with where the name ends in the sentence.
func (s *sentence) soleModelEnd(r *run) (string, int) {
	for _, m := range s.nums {
		for _, n := range r.nums {
			if m.to == n {
				return "", 0
			}
		}
	}
	name, first, after := "", -1, -1
	for i := s.lastTokenBefore(r.start); i >= 0 && name == ""; i-- {
		if strings.Contains(s.text[s.toks[i].end:r.start], ";") {
			return "", 0
		}
		if nameKind(s.toks[i].text) != modelWord || s.blocked(s.toks[i]) {
			continue
		}
		for k := i - 1; k >= 0; k-- {
			if strings.ContainsAny(s.text[s.toks[k].end:s.toks[k+1].start], ",;:()") ||
				k == 0 && s.toks[k].text == "For" {
				break
			}
			w := strings.ToLower(s.toks[k].text)
			if variantStops[w] || soleModelMarkers[w] || othersWords[w] || contrastWords[w] || subordinators[w] {
				return "", 0
			}
		}
		first = nameRunStart(s.text, s.toks, i, s.blocked)
		name, after = nameStartingAt(s.text, s.toks, first, s.blocked)
		if name == "" {
			return "", 0
		}
	}
	if name == "" {
		return "", 0
	}
	// The paper's own work between the name and the number makes the
	// result the paper's method applied to the model: "Llama-2-13B under
	// our pruning reaches 54.1%".
	for k := after; k < len(s.toks) && s.toks[k].start < r.start; k++ {
		if w := strings.ToLower(s.toks[k].text); w == "our" || w == "ours" {
			return "", 0
		}
	}
	// Any other model word, before or after, makes the label a guess; so
	// does a variant written short ("ViT-B, -16 and -L reach"). One named
	// after the number in a phrase of comparison ("..., better than
	// Llama-2-70B") is someone compared with, as for namesAModel.
	compared := false
	for k, t := range s.toks {
		if k > 0 && strings.ContainsAny(s.text[s.toks[k-1].end:t.start], ",;:()") {
			compared = false
		}
		if t.start > r.end && variantStops[strings.ToLower(t.text)] {
			compared = true
		}
		if compared {
			continue
		}
		if (k < first || k >= after) && (nameKind(t.text) == modelWord || s.elidedItem(k)) && !s.blocked(t) {
			return "", 0
		}
	}
	return name, s.toks[after-1].end
}

// soleModelBeforeOwn is soleModel for a paper that names a method of its
// own, whose number nothing in the sentence ties to it: the sentence does
// not write the paper's name, the model is not a variant of it, and no
// comma, colon or semicolon stands between the model and the number, so
// the model is the number's phrase's own ("... as Llama-2-13B keeps 54.6%
// on MMLU"); else "".
func (s *sentence) soleModelBeforeOwn(r *run, ctx *paperContext) string {
	if strings.Contains(s.text, ctx.method) {
		return ""
	}
	name, end := s.soleModelEnd(r)
	// A name running on past the number's start is not before it.
	if name == "" || end > r.start || strings.HasPrefix(strings.ToLower(name), strings.ToLower(ctx.method)) ||
		strings.ContainsAny(s.text[end:r.start], ",;:") {
		return ""
	}
	return name
}
