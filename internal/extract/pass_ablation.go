package extract

import "strings"

// A value compared with right after a score is someone else's, and is
// dropped unless a name owns it ("versus 73.4% for IRRA"). One kind of
// comparison names its owner by what it leaves out: the same model without
// the paper's change ("a RoBERTa-large reader with AnsHead obtains 87.4,
// compared with 86.5 without it", "a vanilla ResNet-50 reaches 80.4%,
// compared with 76.1% for the original recipe", "68.9% ... against 69.8% in
// FP16"). The value is the model's that the score before it was read on.

// ablationOpeners open the words after a compared value that say it is
// the same model without the change: "without it", "without registers".
var ablationOpeners = set("without")

// ablationSettings, after "with", "for" or "under" and an article, name the
// setting the paper changes: "with the original recipe".
var ablationSettings = set("original", "default", "standard", "vanilla", "unmodified", "baseline")

// ablationPrepositions introduce an ablationSettings phrase.
var ablationPrepositions = set("with", "for", "under")

// fullPrecisions after "in" name the unquantised model: "69.8% in FP16".
var fullPrecisions = set("fp16", "fp32", "bf16")

// fullPrecisionWords after "in" say the same: "81.8% in full precision".
var fullPrecisionWords = set("full precision", "floating point")

// ablationBase reads a compared run r whose next words say it is the
// model before the paper's change, and credits it to the model of the
// kept run before it in the sentence; it reports whether it did. With as
// many runs of one value before r as r has values, the names are read in
// order ("ViT-S/16+reg reaches 81.3% and ViT-B/16+reg 83.0, compared with
// 81.4 and 83.1 without registers").
func (s *sentence) ablationBase(r *run, ctx *paperContext) bool {
	if !s.ablationTail(r.end) {
		return false
	}
	var before []*run
	for _, o := range s.runs {
		if o == r {
			break
		}
		if !o.dropped && !o.compared && o.end <= r.start {
			before = append(before, o)
		}
	}
	if len(before) == 0 {
		return false
	}
	var names []string
	if last := before[len(before)-1]; len(last.nums) == len(r.nums) {
		names = []string{s.modelBefore(last, ctx)}
	} else if k := len(r.nums); len(before) >= k {
		for _, o := range before[len(before)-k:] {
			if len(o.nums) != 1 {
				return false
			}
			names = append(names, s.modelBefore(o, ctx))
		}
	} else {
		return false
	}
	for _, n := range names {
		if n == "" {
			return false
		}
	}
	r.method, r.source, r.fromAblation = names[len(names)-1], fromNamed, true
	if len(names) > 1 {
		r.methods = names
	}
	return true
}

// ablationTail reports whether the words from pos say that a value is the
// same model without the paper's change.
func (s *sentence) ablationTail(pos int) bool {
	i := s.firstTokenAfter(pos)
	if i >= len(s.toks) || strings.ContainsAny(s.text[pos:s.toks[i].start], ";()") {
		return false
	}
	w := strings.ToLower(s.toks[i].text)
	switch {
	case ablationOpeners[w]:
		return true
	case w == "in" || w == "at":
		// "69.8% in FP16", "85.9% at BF16".
		return i+1 < len(s.toks) && (fullPrecisions[strings.ToLower(s.toks[i+1].text)] ||
			i+2 < len(s.toks) && fullPrecisionWords[strings.ToLower(s.toks[i+1].text+" "+s.toks[i+2].text)])
	case ablationPrepositions[w]:
		j := i + 1
		for j < len(s.toks) && plainArticles[strings.ToLower(s.toks[j].text)] {
			j++
		}
		return j > i+1 && j < len(s.toks) && ablationSettings[strings.ToLower(s.toks[j].text)]
	}
	return false
}

// modelBefore returns the model a kept run was measured on, without the
// paper's change: the model the paper's method was applied to ("a
// RoBERTa-large reader with AnsHead"), the base of a name joined with "+"
// ("ViT-S/16+reg" is ViT-S/16 with registers), or a model named as the
// subject; "" when the run is the paper's own and no model is named.
func (s *sentence) modelBefore(o *run, ctx *paperContext) string {
	if o.appliedTo != "" {
		return o.appliedTo
	}
	if o.source == fromOwn || o.method == "" {
		return ""
	}
	if ctx.method != "" && strings.EqualFold(o.method, ctx.method) {
		return s.modelWithOwn(o.start, ctx)
	}
	if o.source == fromPaper {
		return ""
	}
	if i := strings.LastIndexByte(o.method, '+'); i > 0 {
		return o.method[:i]
	}
	return o.method
}

// modelWithOwn returns the model named right before "with" and the
// paper's method, before pos: "a RoBERTa-large reader with AnsHead
// obtains" is RoBERTa-large with the paper's head; else "".
func (s *sentence) modelWithOwn(pos int, ctx *paperContext) string {
	for w := 1; w+1 < len(s.toks) && s.toks[w+1].start < pos; w++ {
		if !strings.EqualFold(s.toks[w].text, "with") || !strings.HasPrefix(s.text[s.toks[w+1].start:], ctx.method) {
			continue
		}
		h := w - 1
		if h > 0 && modelNouns[strings.ToLower(s.toks[h].text)] {
			h-- // "a RoBERTa-large reader with AnsHead"
		}
		if name := s.methodEndingAt(h, ctx); name != "" && !strings.EqualFold(name, ctx.method) {
			return name
		}
	}
	return ""
}
