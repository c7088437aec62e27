package extract

import (
	"regexp"
	"strings"
)

// backboneNouns after a name say the abstract uses it as a part of its
// detector or segmenter, not as a model of its own: "a Swin-L backbone",
// "With ResNet-50, Swin-L and ViT-H backbones".
var backboneNouns = set("backbone", "backbones")

// backboneSubjectNouns are the nouns a backbone's name takes as a subject
// that stands for the paper's model built on it: "the Swin-L model reaches",
// "a Swin-L backbone reaches".
var backboneSubjectNouns = set("model", "backbone", "variant", "version")

// definiteSubjectNouns after "the" and an architecture's name make a
// subject that refers back to the paper's own model built on it, whether
// or not the abstract calls the architecture a backbone: "the ViT-B/16
// model reaches", "The DeiT-S student reaches" in a paper that trains them
// with its method.
var definiteSubjectNouns = set("model", "backbone", "student", "variant")

// sizeAdjectives may stand between "the" and such an architecture's name,
// which they set against the paper's other sizes: "The smaller ResNet-50
// model reaches 52.0 PQ" is the paper's model on the smaller backbone.
var sizeAdjectives = set("smaller", "larger", "bigger", "smallest", "largest", "biggest")

// studentNouns after an article and an architecture's name make a subject
// that is the paper's distilled model, whatever the article: "A
// ShuffleNetV2 student reaches 76.9%" in a paper that distils into it.
var studentNouns = set("student")

// ownProcessParticiples between "the" and a model's name say the model is
// the one the paper's own method produced, so the subject stands for the
// method: "the distilled ResNet-50 reaches 89.1%" in a distillation paper,
// "the compressed DeiT-B", "the edited Llama-2-7B scores". "Pretrained" is
// not one: "the pretrained CLIP ViT-L/14" is usually the model before the
// paper's method.
var ownProcessParticiples = set("distilled", "compressed", "pruned", "quantised",
	"quantized", "edited", "merged")

// architectureSize is how an architecture's name ends in a size or a
// depth ("ViT-B/16", "DeiT-S", "ViT-Ti", "ResNet-50"), which a method's
// own name ("DINO") does not: the paper builds a model on the one, and
// compares with the other.
var architectureSize = regexp.MustCompile(`-(?:Ti|T|S|M|B|L|H|G|g|\d+)(?:/\d+)?$`)

// backbones returns, in lower case, the names an abstract writes before a
// backbone noun, alone or in a list: "with a ResNet-50 backbone", "With
// ResNet-50, Swin-L and ViT-H backbones".
func backbones(abstract string) map[string]bool {
	out := map[string]bool{}
	toks := tokenize(abstract)
	none := func(token) bool { return false }
	for i, t := range toks {
		if i == 0 || !backboneNouns[strings.ToLower(t.text)] {
			continue
		}
		name := nameEndingAt(abstract, toks, i-1, none)
		if name == "" {
			continue
		}
		out[strings.ToLower(name)] = true
		// The items before it in a list of names: "ResNet-50, Swin-L and".
		k := i - len(strings.Fields(name))
		for k >= 2 {
			sep := strings.TrimSpace(abstract[toks[k-1].end:toks[k].start])
			switch w := strings.ToLower(toks[k-1].text); {
			case sep == ",":
				k--
			case w == "and" || w == "or":
				k -= 2
			default:
				k = 0
			}
			if k < 1 {
				break
			}
			prev := nameEndingAt(abstract, toks, k, none)
			if prev == "" || nameKind(toks[k].text) != modelWord {
				break
			}
			out[strings.ToLower(prev)] = true
			k -= len(strings.Fields(prev)) - 1
		}
	}
	return out
}

// backboneSubject gives the paper's method a run whose subject is a
// backbone the abstract builds its method on, written as a model ("the
// Swin-L model reaches 59.4 AP", "a Swin-L backbone reaches 58.9 AP"): the
// score is the paper's detector's with that backbone, not the backbone's.
// A backbone named with a model of its own ("DINO with the same Swin-L
// backbone") is that model's, and is read as the subject before.
func (s *sentence) backboneSubject(r *run, ctx *paperContext) {
	if r.dropped || r.source != fromSubject || ctx.method == "" ||
		strings.HasPrefix(strings.ToLower(r.method), strings.ToLower(ctx.method)) {
		return
	}
	k := s.nameStart(r.method, r.start)
	end := k + len(strings.Fields(r.method))
	if k >= 2 && ownProcessParticiples[strings.ToLower(s.toks[k-1].text)] &&
		strings.EqualFold(s.toks[k-2].text, "the") {
		r.method, r.source = ctx.method, fromOwn
		return
	}
	if k >= 2 && sizeAdjectives[strings.ToLower(s.toks[k-1].text)] && strings.EqualFold(s.toks[k-2].text, "the") {
		k-- // "The smaller ViT-B/16 model": read as "the ViT-B/16 model"
	}
	if k < 1 || end >= len(s.toks) || !plainArticles[strings.ToLower(s.toks[k-1].text)] {
		return
	}
	noun := strings.ToLower(s.toks[end].text)
	backbone := ctx.backbones[strings.ToLower(r.method)] && backboneSubjectNouns[noun]
	definite := strings.EqualFold(s.toks[k-1].text, "the") && definiteSubjectNouns[noun] && architectureSize.MatchString(r.method)
	student := studentNouns[noun]
	if !backbone && !definite && !student {
		return
	}
	r.method, r.source = ctx.method, fromOwn
}
