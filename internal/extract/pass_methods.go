package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// Verbs whose subject is the method a score belongs to.
// "score" and "set" are left out: in abstracts they are mostly nouns ("MMLU score").
var scoreVerbs = set("reaches", "reach", "reached", "achieves", "achieve", "achieved", "attains",
	"attain", "attained", "obtains", "obtain", "obtained", "scores", "scored", "gets",
	"get", "got", "yields", "yield", "yielded", "records", "recorded", "sets", "hits",
	"posts", "keeps", "keep", "retains", "maintains", "reports", "delivers", "raises", "raise",
	"raised", "lifts", "lifted", "improves", "improve", "improved", "boosts", "boosted",
	"outperforms", "outperform", "outperformed", "surpasses", "surpassed", "beats", "matches",
	"rises", "rose", "stays", "remains", "trails", "lags", "averages", "averaged", "gives", "gave",
	// Plural and past forms, for a list of variants as the subject: "X-S,
	// X-M and X-L deliver 46.3%, 51.7% and 54.2% AP".
	"deliver", "delivered", "retain", "retained", "maintain", "maintained")

// pluralOnlyVerbs are score verbs as often nouns ("with a score of
// 90.04%"); they are read as verbs only after a plural subject, a list of
// names or counted models: "Quokka-1.8B, Quokka-4B and Quokka-14B score
// 46.1, 57.9 and 69.3".
var pluralOnlyVerbs = set("score")

// keepVerbs have a method as subject and a model as object kept "at" a
// score: "SALQ keeps Llama-3-8B at 61.7%". The score is the method's.
var keepVerbs = set("keeps", "keep", "kept", "retains", "retain", "maintains", "maintain", "holds", "preserves")

// transferVerbs have a method as subject and a model as object brought
// "to" a score: "HadaViT quantises DeiT-B to 77.9%".
var transferVerbs = set("quantises", "quantizes", "quantised", "quantized", "compresses", "prunes", "sparsifies", "brings")

// countedNouns, after a number word, make a subject that counts models the
// abstract named before: "On MMLU, the four models score 31.6%, 58.9%,
// 63.2% and 71.5%" after "in four sizes, Kestrel-1B, ..., and Kestrel-34B".
var countedNouns = set("models", "variants", "versions", "sizes", "methods")

// spelledCounts are the counts written as words, from two up.
var spelledCounts = []string{"two", "three", "four", "five", "six", "seven", "eight"}

// countWords are the numbers such a subject is counted in, as words or as
// digits.
var countWords = func() map[string]int {
	m := map[string]int{}
	for i, w := range spelledCounts {
		m[w], m[strconv.Itoa(i+2)] = i+2, i+2
	}
	return m
}()

// teacherPhrases name the teacher a student is distilled from: "a
// ResNet-18 student taught by ResNet-34".
var teacherPhrases = set("taught by", "distilled from", "distilled by", "guided by")

// verbNouns are score verbs that are nouns right after a metric or a
// dataset: "obtain F1 scores of 86.2, 90.7 and 91.4", "MMLU scores".
var verbNouns = set("scores", "records", "sets")

var adverbs = set("also", "still", "only", "now", "further", "then", "consistently", "even",
	"thus", "therefore", "already", "clearly",
	// Modal verbs stand between a subject and its verb: "our EVA-02-CLIP can reach".
	"can", "could", "may", "might", "will", "would")

// forModifiers may stand between "for" and a name: "for the original CLIP ViT-B/16".
var forModifiers = set("the", "its", "their", "a", "an", "original", "vanilla", "dense", "full",
	"standard", "plain", "same", "strong", "popular", "default", "published", "public")

var possessiveFillers = set("of", "on", "in", "a", "an", "the", "only", "just")

// onDatasetList reports whether each number of r is mapped onto a
// dataset of a list.
func (s *sentence) onDatasetList(r *run) bool {
	for _, n := range r.nums {
		if s.listDataset[n] == nil {
			return false
		}
	}
	return true
}

// countedCollections, after a count word, name the datasets a "whose"
// clause is on: "IRRA, whose Rank-1 on the three datasets is".
var countedCollections = set(collectionWords...)

// withOwnOpening is a sentence opening that equips a model with something:
// "With ViT-Adapter-L, ...", "Using our adapter, ...".
var withOwnOpening = regexp.MustCompile(`^(?:With|Using|Equipped with|Armed with)\s+(?:the\s+)?([^,]+),`)

// trainedWith, before the paper's method, says a model was trained with it.
const trainedWith = `(?:trained|tuned|fine-?tuned|pre-?trained|equipped|augmented|regulari[sz]ed|distilled)\s+(?:with|using|by|via)`

// othersWords in a subject make it someone else's, unnamed: "the strongest
// prior method", "existing approaches", "human experts", "random guessing".
var othersWords = set("prior", "previous", "existing", "competing", "competitor", "competitors", "naive",
	"baseline", "baselines", "other", "others", "human", "humans", "expert", "experts",
	"annotators", "random", "chance", "guessing", "teacher", "teachers", "predecessor",
	"original", "vanilla", "conventional", "standard", "unmodified", "published", "earlier")

// ownSubjectWords in a subject's clause make it a description of the
// paper's own method: "our model", "this simple baseline", "the proposed
// detector", "the resulting network".
var ownSubjectWords = set("our", "ours", "this", "proposed", "resulting")

// ownWords in a subject make it the paper's: "our model", "the proposed method".
var ownWords = set("our", "ours", "we", "it", "proposed", "this", "resulting")

var determiners = set("the", "a", "an", "its", "their", "these", "those")

// plainArticles are the articles alone, skipped between a preposition and
// its noun ("with a ResNeXt-101-FPN backbone"). A table, not set(...) at
// the use: that built a map for every word the loops looked at.
var plainArticles = set("a", "an", "the")

// sharedPart, between "with" and a part, says the part is one another
// model shares: "DINO with the same Swin-L backbone reports" is DINO's.
var sharedPart = set("same")

// partStates, between "with" and a part, say how the part is used, not
// whose the result is: "PromptPool-XL with a frozen EVA-02-L backbone
// achieves" is PromptPool-XL's.
var partStates = set("frozen", "pretrained", "pre-trained")

var contrastWords = set("whereas", "while", "whilst", "but", "unlike", "although", "though")

var relativePronouns = set("which", "who", "that")

// copulas link a subject to its number without saying whose it is; only a
// subject that is someone else's ("the previous best results were") decides.
var copulas = set("is", "are", "was", "were")

// comparatives after a copula say that the subject leads, as a verb of
// scoring does: "BLIP is stronger on COCO (80.6 R@1)" is BLIP's.
var comparatives = set("stronger", "better", "ahead", "best", "strongest")

// comparingCopula reports whether token i is a copula followed by a word
// that says its subject leads ("is stronger", "is ahead").
func (s *sentence) comparingCopula(i int) bool {
	return copulas[strings.ToLower(s.toks[i].text)] && i+1 < len(s.toks) && comparatives[strings.ToLower(s.toks[i+1].text)]
}

// pronouns that stand for the subject of an earlier sentence.
var pronouns = set("it", "It")

// attachMethods decides whose result each kept run is, then remembers the
// subject of the sentence for an "it" in the next.
func (s *sentence) attachMethods(ctx *paperContext) {
	for _, r := range s.runs {
		if !r.dropped && !r.namedByChange {
			s.findMethod(r, ctx)
			s.backboneSubject(r, ctx)
		}
		// The subject is remembered as soon as it is read, so that an
		// "it" later in the same sentence stands for it too: "On A,
		// TBPS-CLIP obtains 73.5%; it reaches 65.1% on B".
		if !r.dropped && r.source == fromSubject && !r.fromPronoun && !r.fromList && r.method != "" {
			ctx.lastSubject = r.method
		}
	}
	if l := s.lastNameList(ctx); l != nil {
		ctx.nameList = l
	}
	if l := s.runMethods(); len(l) > 1 {
		ctx.runNames = l
	}
	for _, r := range s.runs {
		if r.namedByChange {
			s.nameFromChange(r)
		}
		r.afterFall = s.afterFall(r.nums[0]) && !s.clauseNamesOwn(r, ctx)
	}
	ctx.openingVariant = s.openingVariant(ctx)
}

// afterFall reports whether n is the value after a change that lowers a
// score: "lowers the MMLU accuracy of Llama 2 7B from 45.3% to 40.6%",
// "MMLU accuracy falls from 65.3% to 58.1%". The verb is the last verb
// of change before "from" in its clause ("reduces FLOPs by 42% and lifts
// AP from" is a rise).
func (s *sentence) afterFall(n *number) bool {
	for _, f := range s.nums {
		if f.to != n {
			continue
		}
		from := s.lastTokenBefore(f.start)
		if from < 1 || !strings.EqualFold(s.toks[from].text, "from") {
			return false
		}
		for k := from - 1; k >= 0 && k >= from-10; k-- {
			t := s.toks[k]
			if strings.ContainsAny(s.text[t.end:s.toks[k+1].start], ",;:()") {
				return false
			}
			w := strings.ToLower(t.text)
			if smallChangeWords[w] {
				return false // "falls only from 76.4% to 74.8%": a cost the paper is proud of
			}
			if lowerVerbs[w] {
				return true
			}
			if w == "of" {
				// "lowers the MMLU accuracy of Llama 2 7B from": the
				// model whose score changes, after the verb's object.
				continue
			}
			if changeObjectHeads[w] || intransitiveChanges[w] || scoreVerbs[w] {
				return false
			}
		}
	}
	return false
}

// smallChangeWords before "from" make a fall small, as a paper reports the
// little its own method costs: "accuracy drops only from 81.8% to 81.2%".
var smallChangeWords = set("only", "just", "merely", "slightly", "marginally", "barely")

// clauseNamesOwn reports whether the paper's method, or "our", is written in
// r's sentence before it or after it up to the end of its clause: "RotaQ
// reduces the MMLU accuracy of Llama-3-8B only from 65.0% to 63.1%",
// "DeiT-B drops from 81.8% to 80.1% under RotQ, whereas ...".
func (s *sentence) clauseNamesOwn(r *run, ctx *paperContext) bool {
	end := len(s.text)
	if loc := clauseBreak.FindStringIndex(s.text[r.end:]); loc != nil {
		end = r.end + loc[0]
	}
	if ctx.method != "" && strings.Contains(strings.ToLower(s.text[:end]), strings.ToLower(ctx.method)) {
		return true
	}
	for _, t := range s.toks {
		if t.end > end {
			break
		}
		if ownPossessives[strings.ToLower(t.text)] {
			return true // "our method"
		}
	}
	return false
}

// openingVariant returns the variant of the paper's method that opens the
// sentence as its subject ("Yi-Lite-9B is a bilingual model"), or "".
func (s *sentence) openingVariant(ctx *paperContext) string {
	if ctx.method == "" || len(s.toks) < 2 {
		return ""
	}
	name, next := nameStartingAt(s.text, s.toks, 0, s.blocked)
	if next >= len(s.toks) || len(name) <= len(ctx.method) || !strings.HasPrefix(strings.ToLower(name), strings.ToLower(ctx.method)) ||
		s.toks[next].text != strings.ToLower(s.toks[next].text) || !onlySpaces(s.text[s.toks[next-1].end:s.toks[next].start]) {
		return ""
	}
	return name
}

// findMethod decides whose result a run is. In order: a possessive
// ("DeiT-S's 79.8%"), a name before brackets ("RaSa (76.5% Rank-1)"), a name
// before "at" ("LoRA at 41.5%"), "for" and a name after the run ("63.4% for
// Llama 2 13B"), the subject of the verb that introduces the run ("ViTune-S
// reaches"), and otherwise the paper's own method. A result that belongs to
// someone unnamed ("its teacher's", "the CNN baseline") is dropped.
func (s *sentence) findMethod(r *run, ctx *paperContext) {
	if r.source == fromNamed {
		return // already named by "X from N to M"
	}
	r.method, r.source = ctx.method, fromPaper
	if model := s.unquantisedInBracket(r); model != "" {
		// "HadaViT quantises DeiT-B to 77.9% top-1 accuracy (full
		// precision: 81.8%)", "and DeiT-B to 79.9% (81.8%)": the model
		// before the method was applied.
		r.method, r.source, r.fromAblation = model, fromNamed, true
		return
	}

	// The word right before the run, past "of", "a", "the", metrics and
	// datasets: "DeiT-S's top-1 accuracy of 79.8%", "ResNet-50's top-5
	// accuracy on ImageNet, 92.9%".
	i := s.lastTokenBefore(r.start)
	for i >= 0 && (possessiveFillers[strings.ToLower(s.toks[i].text)] || s.blocked(s.toks[i])) {
		i--
	}
	if i >= 0 {
		t := s.toks[i]
		if base, pos := possessive(t.text); pos {
			if name := s.methodEndingAt(i, ctx); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
			if genericOthers[strings.ToLower(base)] {
				r.dropped = true
				return
			}
		}
	}
	if name := s.copulaOwner(r, ctx); name != "" {
		r.method, r.source = name, fromNamed // "The AP50 of AF-RT-L is 71.9"
		return
	}
	if name := s.labelledInBracket(r); name != "" {
		r.method, r.source = name, fromNamed // "(KD: 71.0%; ResNet-18 trained from scratch: 69.8%)"
		return
	}
	if j := s.lastTokenBefore(r.start); j >= 0 {
		gap := strings.TrimSpace(s.text[s.toks[j].end:r.start])
		if k, ok := s.afterCostsInBracket(r); ok {
			j, gap = k, "(" // "YOLO-RF-X (38 FPS V100, 56.3% AP)"
		}
		if gap == "" && strings.EqualFold(s.toks[j].text, "to") && j > 0 && !s.blocked(s.toks[j-1]) {
			if name := s.methodEndingAt(j-1, ctx); name != "" {
				if subject := s.transferOf(j-1, r, ctx); subject != "" {
					// "HadaViT quantises DeiT-B to 77.9% ... and Swin-S to
					// 80.6%": the model brought to a score by the
					// subject's method; the score is the subject's.
					r.method, r.source, r.appliedTo = subject, fromSubject, name
					return
				}
			}
		}
		if gap == "(" || gap == "" && strings.EqualFold(s.toks[j].text, "at") && j > 0 {
			k := j
			if gap == "" {
				k = j - 1
			}
			if name := s.methodEndingAt(k, ctx); name != "" {
				if gap == "" {
					if subject := s.keeperOf(k, ctx); subject != "" {
						// "SALQ keeps Llama-3-8B at 61.7%", "RotQ keeps
						// DeiT-S, DeiT-B and Swin-S at 76.8%, 80.1% and
						// 81.9%": the kept model's score under the
						// subject's method is the subject's.
						r.method, r.source = subject, fromSubject
						if len(r.nums) == 1 {
							r.appliedTo = name // "..., against 69.8% in FP16" is the kept model's
						}
						return
					}
				}
				r.method, r.source = name, fromNamed
				r.spreadOver(slashVariants(name)) // "ConvNeXt-T/S/B (82.1/83.1/83.8%)"
				return
			}
			if name := s.nameBeforeNoun(k, atOwnerNouns, ctx); gap == "" && name != "" {
				// "ahead of the token-level RoBERTa-large reader at 86.5
				// EM and 89.4 F1": the name the noun is of owns them.
				r.method, r.source = name, fromNamed
				return
			}
			if name := s.comparedProperName(k, ctx); gap == "" && name != "" {
				// "compared with Caduceus at 74.7% and 80.3%": a
				// capitalised word the abstract writes as a name, the
				// object of a comparison, owns the numbers after "at".
				r.method, r.source = name, fromNamed
				return
			}
			if name := s.plainNameBefore(k); gap == "(" && name != "" {
				r.method, r.source = name, fromNamed // "surpassing Unbiased Teacher (20.8, 28.3 and 31.5 mAP)"
				return
			}
			if gap == "" && k > 0 && copulas[strings.ToLower(s.toks[k].text)] && !s.blocked(s.toks[k-1]) {
				// "while HyenaDNA is at 72.4%": the subject of "is at".
				if name := s.methodEndingAt(k-1, ctx); name != "" {
					r.method, r.source = name, fromSubject
					return
				}
			}
			if gap == "" && s.afterNamedAt(r) && !scoreVerbs[strings.ToLower(s.toks[k].text)] {
				// "on par with LoRA at 46.8% and full fine-tuning at 47.5%":
				// the next item of a list of others, unnamed.
				r.dropped = true
				return
			}
			if gap == "(" {
				if name, ok := s.comparedBeforeBracket(k); ok {
					// "outperforming from-scratch DeiT training (81.8%)":
					// the value of the one compared with.
					if name == "" {
						r.dropped = true
						return
					}
					r.method, r.source = name, fromNamed
					return
				}
			}
			if gap == "(" && s.ownSubject(k) {
				r.method, r.source = ctx.ownMethod(), fromOwn // "our model (81.2%)"
				return
			}
			if w := strings.ToLower(s.toks[k].text); gap == "(" && (genericOthers[w] || modelNouns[w] || othersWords[w]) {
				if name := s.namedOther(k, ctx); name != "" {
					r.method, r.source = name, fromNamed // "the strong IRRA baseline (73.4%)"
					return
				}
				if s.baseModelPhrase(k, ctx) {
					r.method, r.source, r.fromBase = ctx.baseModel, fromNamed, true // "its base model (66.6%)"
					return
				}
				r.dropped = true // "the CNN baseline (66.6%)": someone unnamed
				return
			}
		}
		// A name right before the number, its verb left out: "BERT-large
		// obtains 81.9 and ALBERT-xxlarge 90.0".
		if gap == "" && s.verblessNameEnd(j) && !s.blocked(s.toks[j]) {
			if name := s.methodEndingAt(j, ctx); name != "" && !s.equipment(j, name) {
				r.method, r.source = name, fromNamed
				return
			}
		}
	}
	if s.methodAfter(r, ctx) {
		return
	}
	if r.compared {
		if s.ablationBase(r, ctx) {
			return // "87.4 F1, compared with 86.5 without it": the model without the change
		}
		r.dropped = true // "67.5% versus 60.2%": whose 60.2%?
		return
	}
	s.subjectMethod(r, ctx)
	if r.source == fromPaper && !r.dropped {
		// "The flagship model, Qwen2-72B, showcases remarkable
		// performance: 84.2 on MMLU": a name set off as the subject.
		if name := s.appositiveSubject(r.start); name != "" {
			r.method, r.source = name, fromSubject
			return
		}
	}
	if (r.source == fromOwn || r.source == fromPaper) && !r.dropped && ctx.method != "" {
		// "For YOLOX-L with ..., we achieve 50.0% AP": the variant of the
		// paper's method the sentence opens with.
		if name := s.openingName(); len(name) > len(ctx.method) && strings.HasPrefix(strings.ToLower(name), strings.ToLower(ctx.method)) {
			r.method, r.source = name, fromSubject
			return
		}
	}
	if r.source == fromPaper && !r.dropped && ctx.method != "" {
		// No verb led to a subject ("ViT-Cal-B reduces ... while keeping
		// 81.6%"): a variant of the paper's method that opens the clause.
		name := s.clauseOpeningName(s.lastTokenBefore(r.start))
		if len(name) > len(ctx.method) && strings.HasPrefix(strings.ToLower(name), strings.ToLower(ctx.method)) {
			r.method, r.source = name, fromSubject
		}
	}
	if (r.source == fromOwn || r.source == fromPaper) && !r.dropped && ctx.method != "" {
		// "YOLOv6-S strikes 43.5% AP", "an efficient Atto model with
		// 76.7%": a variant of the paper's method named in the clause.
		if name := s.ownVariantBefore(0, r.start, ctx); name != "" {
			r.method, r.source = name, fromSubject
		} else if name := s.onlyVariantBefore(r.start, ctx); name != "" {
			// "our most-capable Gemini Ultra model advances ..., notably
			// ... MMLU, with a score of 90.04%": the one variant the
			// sentence names before the run, set off from it by commas.
			r.method, r.source = name, fromSubject
		}
	}
	if r.method == "" && !r.dropped && (r.source == fromOwn || r.source == fromPaper) {
		// The paper names no method of its own: "we obtain 77.1% top-1
		// accuracy on ImageNet with a ResNet-50 trained on 128x128 images".
		if name := s.obtainedWith(r); name != "" {
			r.method, r.source, r.fromBackbone = name, fromNamed, true
			return
		}
		// "The resulting ViT-G model attains 90.94%": the one model the
		// sentence names (pass_sole_model.go).
		if name := s.soleModel(r); name != "" {
			r.method, r.source, r.fromModel = name, fromNamed, true
			return
		}
	}
	if r.source == fromPaper && !r.dropped && ctx.method != "" && strings.EqualFold(r.method, ctx.method) {
		// Only assumed to be the paper's, in a sentence that never
		// writes the paper's name: the one model named right before the
		// number is whose it is (pass_sole_model.go).
		if name := s.soleModelBeforeOwn(r, ctx); name != "" {
			r.method, r.source, r.fromModel = name, fromNamed, true
			return
		}
	}
	if r.source == fromSubject && ctx.method != "" && !strings.EqualFold(r.method, ctx.method) &&
		(s.withOwnMethod(ctx.method) || s.trainedWithOwn(ctx.method, r.start) || appliedOwn(r.method, ctx.method) ||
			s.othersModelAfter(ownPossessives, r.method, r.start, ctx.method) || s.distilledSubject(r.method, r.start) ||
			s.othersModelAfter(processParticiples, r.method, r.start, ctx.method) || s.ownHeadsSubject(r.method, r.start, ctx.method)) {
		// "With ViT-Adapter-L, a plain ViT reaches 60.9 box AP": the
		// result of the paper's method applied to a model is the paper's.
		r.appliedTo = r.method
		r.method, r.source = ctx.method, fromPaper
	}
}

// comparedProperName returns word k when it is a capitalised word the
// abstract writes as a name (properNames) and the object of a comparison:
// right after a word of variantStops ("over Enformer", "than Caduceus") or
// after "compared with", "compared to" ("compared with Caduceus"); else "".
func (s *sentence) comparedProperName(k int, ctx *paperContext) string {
	t := s.toks[k]
	if k < 1 || !ctx.properNames[t.text] || s.blocked(t) || !onlySpaces(s.text[s.toks[k-1].end:t.start]) {
		return ""
	}
	w := strings.ToLower(s.toks[k-1].text)
	if variantStops[w] || comparedPrepositions[w] && k > 1 && strings.EqualFold(s.toks[k-2].text, "compared") {
		return t.text
	}
	return ""
}

// comparedPrepositions join "compared" to what it is compared with:
// "compared with", "compared to".
var comparedPrepositions = set("with", "to")

// plainNameBefore returns the name made of two or more plain capitalised
// words that ends at word k inside a sentence ("surpassing Unbiased Teacher
// (20.8 mAP)", "and Dense Teacher (22.4 mAP)"), or "". Such words make no
// name elsewhere (validName): before a bracket of scores they can only be
// whose the scores are. A word that opens the sentence or a phrase is no
// part of it, and a dataset or metric stops it.
func (s *sentence) plainNameBefore(k int) string {
	j := k
	for j >= 0 && capitalised.MatchString(s.toks[j].text) && !s.blocked(s.toks[j]) &&
		!phraseOpeners[strings.ToLower(s.toks[j].text)] && !articles[strings.ToLower(s.toks[j].text)] &&
		(j == k || onlySpaces(s.text[s.toks[j].end:s.toks[j+1].start])) {
		j--
	}
	start := j + 1
	if k-start+1 < 2 || start == 0 {
		return ""
	}
	if prev := s.toks[start-1].text; prev != strings.ToLower(prev) && !phraseOpeners[strings.ToLower(prev)] {
		return "" // "In Table Two", a capitalised word before: not a name's start
	}
	return strings.Join(tokenTexts(s.toks[start:k+1]), " ")
}

// bracketItemLabels write a value after its owner's name inside a bracket:
// "(ViTDet-L: 55.6)", "(KD: 71.0%; ResNet-18 trained from scratch: 69.8%)",
// "(IRRA: 64.1%, RaSa: 66.8%)".
var bracketItemLabels = set(":")

// bracketItemBreaks separate the items of a bracket. A comma does too, as
// in "(KD: 73.3%, DKD: 76.3%)": the item after it is read only when it is
// a name, lower-case words at most and the label, so "(on ImageNet,
// top-1: 76.5%)" still names no one.
var bracketItemBreaks = set("(", ";", ",")

// labelledInBracket returns the name that opens the bracket item whose
// label the run follows, the rest of the item being plain lower-case
// words ("trained from scratch"), or "". An item with no name ("full
// precision: 81.8%") or a metric's ("top-5: 98.0%") names no one.
func (s *sentence) labelledInBracket(r *run) string {
	j := s.lastTokenBefore(r.start)
	if j < 0 || !bracketItemLabels[strings.TrimSpace(s.text[s.toks[j].end:r.start])] {
		return ""
	}
	open := strings.LastIndex(s.text[:r.start], "(")
	if open < 0 || strings.Contains(s.text[open:r.start], ")") {
		return ""
	}
	k := j
	for k > 0 && s.toks[k].start > open {
		gap := strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start])
		if gap != "" && bracketItemBreaks[gap[len(gap)-1:]] {
			break // "(KD", "71.0%; ResNet-18"
		}
		if gap != "" {
			return ""
		}
		k--
	}
	if s.toks[k].start < open {
		return ""
	}
	name, next := nameStartingAt(s.text, s.toks, k, s.blocked)
	if name == "" {
		return ""
	}
	for n := next; n <= j; n++ {
		if t := s.toks[n].text; t != strings.ToLower(t) || hasDigit(t) || s.blocked(s.toks[n]) {
			return ""
		}
	}
	return name
}

// afterCostsInBracket reports whether run r is the first score in a
// bracket that opens with costs ("YOLO-RF-X (38 FPS V100, 56.3% AP)"), and
// returns the word before the bracket: the score is that name's, as in
// "RaSa (76.5% Rank-1)".
func (s *sentence) afterCostsInBracket(r *run) (int, bool) {
	open := strings.LastIndexByte(s.text[:r.start], '(')
	if open < 0 {
		return 0, false
	}
	inner := strings.TrimSpace(s.text[open+1 : r.start])
	metricOnly := false // "IRRA (R@1 73.4 and 63.5)": the bracket opens with the metric
	if c := s.cueAt(r.start - len(strings.TrimLeft(s.text[open+1:r.start], " "))); c != nil {
		metricOnly = onlySpaces(s.text[c.end:r.start])
	}
	if !metricOnly && (!strings.HasSuffix(inner, ",") || strings.ContainsAny(inner, "();")) {
		return 0, false
	}
	for _, o := range s.runs {
		if o != r && o.start > open && o.start < r.start && !o.dropped {
			return 0, false
		}
	}
	k := s.lastTokenBefore(open)
	return k, k >= 0
}

// appliedOwn reports whether a name opens with the paper's method and a
// participle: "A QuantX-quantised Llama 2 70B keeps 68.1%" is QuantX's
// result, as "Llama 2 70B quantised with QuantX" would be.
func appliedOwn(name, own string) bool {
	first, _, _ := strings.Cut(name, " ")
	rest, ok := strings.CutPrefix(strings.ToLower(first), strings.ToLower(own)+"-")
	return ok && len(rest) > 4 && strings.HasSuffix(rest, "ed")
}

// variantStops end the clause that ownVariantBefore searches: what comes
// before them is compared with, not measured.
var variantStops = set("than", "over", "versus", "vs", "against", "compared", "unlike", "surpassing", "outperforming")

// ownVariantBefore returns the variant of the paper's method named nearest
// before pos in the same clause, and after from: a name that starts with
// the paper's ("YOLOv6-S" of "YOLOv6"), or a capitalised word or a size
// before a model noun ("a 650M Huge model" of "ConvNeXt V2" is "ConvNeXt
// V2 Huge", "the 27B model" of "Gemma 2" is "Gemma 2 27B"); or "".
func (s *sentence) ownVariantBefore(from, pos int, ctx *paperContext) string {
	own := ctx.method
	if own == "" {
		return ""
	}
	for i := s.lastTokenBefore(pos); i >= 0 && s.toks[i].start >= from; i-- {
		if strings.ContainsAny(s.text[s.toks[i].end:pos], ",;:()") || variantStops[strings.ToLower(s.toks[i].text)] {
			return ""
		}
		name, first := "", i
		if k := nameKind(s.toks[max(i-1, 0)].text); i > 0 && singularModelNouns[strings.ToLower(s.toks[i].text)] && (k == plainWord || k == versionPart && sizeWord.MatchString(s.toks[i-1].text)) && !s.blocked(s.toks[i-1]) &&
			!phraseOpeners[strings.ToLower(s.toks[i-1].text)] && s.toks[i-1].start > 0 && onlySpaces(s.text[s.toks[i-1].end:s.toks[i].start]) &&
			!strings.HasSuffix(strings.ToLower(s.text[:s.toks[i-1].end]), strings.ToLower(own)) { // "the proposed Beat model" is Beat itself
			name, first = own+" "+s.toks[i-1].text, i-1
			if sizeWord.MatchString(s.toks[i-1].text) && !versionedFamily.MatchString(own) {
				name = own
			}
		} else if n := s.methodEndingAt(i, ctx); len(n) > len(own) && strings.HasPrefix(strings.ToLower(n), strings.ToLower(own)) && !strings.Contains(n, "/") {
			name, first = n, i+1-len(strings.Fields(n))
		}
		if name != "" {
			for first > 0 && determiners[strings.ToLower(s.toks[first-1].text)] {
				first--
			}
			if first > 0 && variantStops[strings.ToLower(s.toks[first-1].text)] {
				return "" // "better than YOLOv6-N and gets 45%": the one compared with
			}
			return name
		}
	}
	return ""
}

// singularModelNouns name one model: "the Atto model", "its Large variant".
var singularModelNouns = set("model", "variant", "version")

// withOwnMethod reports whether the sentence opens by applying the paper's
// own method ("With ViT-Adapter-L, a plain ViT reaches ...").
func (s *sentence) withOwnMethod(method string) bool {
	if c := strings.Index(s.text, ","); c > 0 {
		// "With MAE pre-training, a vanilla ViT-Huge model achieves",
		// "Finetuned on FLAN v2 with QLoRA, LLaMA 65B attains": the
		// paper's method, named in the opening phrase, is what is applied.
		re, err := regexp.Compile(`(?i)\b(?:with|using|via)\s+(?:our\s+|the\s+)?` + regexp.QuoteMeta(method) + `\b`)
		if err == nil && re.MatchString(s.text[:c]) {
			return true
		}
	}
	m := withOwnOpening.FindStringSubmatch(s.text)
	if m == nil {
		return false
	}
	head := strings.TrimSpace(m[1])
	return strings.EqualFold(head, method) || strings.HasPrefix(strings.ToLower(head), "our ")
}

// trainedWithOwn reports whether, before pos, a model is said to be
// trained or tuned with the paper's method: "a Mistral-7B model trained
// with Anchor keeps 61.9%", "Llama-2-13B tuned with SpFT scores 56.9%".
func (s *sentence) trainedWithOwn(method string, pos int) bool {
	re, err := regexp.Compile(`(?i)\b` + trainedWith + `\s+(?:our\s+|the\s+)?` + regexp.QuoteMeta(method) + `\b`)
	return err == nil && re.MatchString(s.text[:pos])
}

// measureOf reports whether tokens i and i+1 are "of" and a number, after
// a name that is then a measure, not a model: "for an RSUM of 541.2".
func (s *sentence) measureOf(i int) bool {
	return i+1 < len(s.toks) && strings.EqualFold(s.toks[i].text, "of") &&
		numberRe.FindString(s.toks[i+1].text) == strings.TrimSuffix(s.toks[i+1].text, "%")
}

// methodAfter reads "... 63.4% for Llama 2 13B" and "... for its teacher".
func (s *sentence) methodAfter(r *run, ctx *paperContext) bool {
	i := s.firstTokenAfter(r.end)
	i = s.pastSettingPhrase(i)
	if i >= len(s.toks) || !strings.EqualFold(s.toks[i].text, "for") ||
		strings.ContainsAny(s.text[r.end:s.toks[i].start], ";()") {
		return false
	}
	if name := s.abbreviationAfter(i+1, r.end); name != "" {
		r.method, r.source = name, fromNamed // "57.0% for random experience replay (ER)"
		return true
	}
	for k := i + 2; k <= i+3 && k < len(s.toks); k++ {
		n := s.countedModels(k)
		if n == 0 || len(r.nums) != n {
			continue
		}
		// "57.4%, 49.8%, 50.6% and 54.0% for the four methods": the
		// names of the last list of as many, or else the methods the
		// sentence before gave its scores to, in order.
		l := ctx.nameList
		if len(l) != n {
			l = ctx.runNames
		}
		if len(l) == n {
			r.method, r.source, r.methods, r.fromList = l[n-1], fromNamed, l, true
			return true
		}
	}
	j := i + 1
	for j < len(s.toks) && j-i <= 3 && (forModifiers[strings.ToLower(s.toks[j].text)] || s.modifier(j) ||
		numberFormatWords[strings.ToLower(s.toks[j].text)]) { // "68.9% for the FP16 Llama-2-70B"
		j++
	}
	if j < len(s.toks) {
		if name, next := nameStartingAt(s.text, s.toks, j, s.blocked); name != "" && !(next < len(s.toks) && s.inDataset(s.toks[next].start, s.toks[next].end)) {
			// (A name right before a dataset is part of it: "for the MS COCO dataset".)
			if s.measureOf(next) {
				// "..., for an RSUM of 541.2": a measure the numbers add
				// up to, not whose they are.
				return false
			}
			if next < len(s.toks) && set("baseline", "baselines")[strings.ToLower(s.toks[next].text)] &&
				next+1 < len(s.toks) && strings.EqualFold(s.toks[next+1].text, "of") {
				// "for the CNN baseline of GenomicBenchmarks v0.0.3": a
				// baseline of another work, as that work reported it. "for
				// the CNN baseline" alone names the baseline's method.
				r.dropped = true
				return true
			}
			r.method, r.source = name, fromNamed
			if !r.spreadOver(slashVariants(name)) {
				r.spreadOver(s.listStartingAt(name, next, ctx)) // "81.3%, 83.0% and 83.5% for Swin-T, Swin-S and Swin-B"
			}
			return true
		}
		if t := s.toks[j]; ctx.properNames[t.text] && !s.blocked(t) && (j+1 == len(s.toks) || itemEnd.MatchString(s.text[t.end:])) {
			// "81.1% for Lion.": a capitalised word the abstract writes as
			// a name, ending the item.
			r.method, r.source = t.text, fromNamed
			return true
		}
	}
	for k := j; k < len(s.toks) && k < j+4; k++ {
		w := strings.ToLower(s.toks[k].text)
		if modelNouns[w] {
			if name := s.appositiveName(k); name != "" {
				// "66.2% for its text-only backbone Llama 3 8B", "45.3% for
				// the same backbone without retrieval, Llama 2 7B".
				r.method, r.source = name, fromNamed
				return true
			}
		}
		if genericOthers[w] || modelNouns[w] {
			if s.baseModelPhrase(k, ctx) {
				r.method, r.source, r.fromBase = ctx.baseModel, fromNamed, true // "54.8% for the untuned model"
				return true
			}
			r.dropped = true // "83.6 for its 24-layer teacher", "0.3% for the 125M model"
			return true
		}
	}
	return false
}

// settingPrepositions open the setting a score was measured in, between
// the score and the "for" that names whose it is: "76.1% at BF16 for the
// unrotated baseline", "69.0% in FP16 for Llama-2-7B".
var settingPrepositions = set("at", "in", "under", "with")

// pastSettingPhrase returns the word after a setting phrase that starts at
// word i ("at BF16", "at 4 bits", "under W4A4"): a setting preposition and
// up to three words, each a number format or a word with a digit, that are
// followed by "for". Otherwise it returns i: the phrase tells whose score
// it is only when "for" follows.
func (s *sentence) pastSettingPhrase(i int) int {
	if i >= len(s.toks) || !settingPrepositions[strings.ToLower(s.toks[i].text)] {
		return i
	}
	for k := i + 1; k < len(s.toks) && k <= i+4 && onlySpaces(s.text[s.toks[k-1].end:s.toks[k].start]); k++ {
		w := strings.ToLower(s.toks[k].text)
		if w == "for" {
			if k == i+1 {
				return i
			}
			return k
		}
		if !numberFormatWords[w] && !hasDigit(w) && !settingUnits[w] {
			return i
		}
	}
	return i
}

// settingUnits follow a number in a setting phrase: "at 4 bits", a
// latency or a cost ("39.5 mAP at 2.6 ms for YOLO11-N").
var settingUnits = set("bit", "bits", "px", "pixels", "epochs", "shots", "shot", "ms", "fps", "gflops", "flops")

// abbreviationAfter returns the name a description starting at word k
// defines in brackets: "random experience replay (ER)", "naive continual
// pretraining (NaiveCPT)". The description is up to five words in lower
// case; the name is one word, alone in its brackets, and no name or number
// stands before it.
func (s *sentence) abbreviationAfter(k, from int) string {
	for n := k; n < len(s.toks) && n < k+6; n++ {
		t := s.toks[n]
		if t.start < from {
			return ""
		}
		gap := s.text[s.toks[n-1].end:t.start]
		if strings.TrimSpace(gap) == "(" && n > k && strings.HasPrefix(s.text[t.end:], ")") {
			if nameKind(t.text) == notName && t.text == strings.ToLower(t.text) || s.blocked(t) {
				return ""
			}
			return t.text
		}
		if strings.TrimSpace(gap) != "" || t.text != strings.ToLower(t.text) || hasDigit(t.text) || s.blocked(t) {
			return ""
		}
	}
	return ""
}

// appositiveName returns the name that a model noun at word k stands
// before, directly or set off by a comma after a short phrase: "its
// text-only backbone Llama 3 8B", "the same backbone without retrieval,
// Llama 2 7B".
func (s *sentence) appositiveName(k int) string {
	for n := k + 1; n < len(s.toks) && n <= k+4; n++ {
		gap := s.text[s.toks[n-1].end:s.toks[n].start]
		if strings.TrimSpace(gap) != "" && strings.TrimSpace(gap) != "," {
			return ""
		}
		if n == k+1 || strings.TrimSpace(gap) == "," {
			name, next := nameStartingAt(s.text, s.toks, n, s.blocked)
			if name != "" {
				if next < len(s.toks) && !strings.ContainsAny(s.text[s.toks[next-1].end:s.toks[next].start], ",;.") &&
					modelNouns[strings.ToLower(s.toks[next].text)] {
					return "" // "its backbone ViT-B model" names no one new
				}
				return name
			}
			if strings.TrimSpace(gap) == "," {
				return ""
			}
		}
		if s.toks[n].text != strings.ToLower(s.toks[n].text) {
			return ""
		}
	}
	return ""
}

// subjectMethod walks back from the run to the verb that introduces it and
// takes that verb's subject. Participles ("..., reaching 84.5%") are passed
// over to the main verb. Reaching an earlier run first, the run shares its
// method when that came from a subject ("ViTune-S reaches 81.2% on A and 79.0% on B").
func (s *sentence) subjectMethod(r *run, ctx *paperContext) {
	prevStart := r.start
	for i := s.lastTokenBefore(r.start); i >= 0; i-- {
		t := s.toks[i]
		if strings.Contains(s.text[t.end:prevStart], ";") {
			return
		}
		prevStart = t.start
		if o := s.keptRunAt(t.start); o != nil && o != r {
			if o.namedByChange || o.fallFrom && o.nums[len(o.nums)-1].to == r.nums[0] {
				continue // "lifts accuracy from 45.3% to 48.9%": go on to the verb
			}
			if o.objectFrom && o.nums[len(o.nums)-1].to == r.nums[0] {
				// "BAQ improves Mask2Former with a Swin-B backbone from 55.1
				// to 56.4 PQ": the object's value is the one before; the
				// one after is the verb's subject's.
				continue
			}
			if name := s.ownVariantBefore(o.end, r.start, ctx); name != "" && ctx.method != "" {
				// "the 27B model scores 75.2 and the 9B model 71.3": a
				// variant named after the run before is this run's.
				r.method, r.source = name, fromSubject
				return
			}
			if o.source == fromSubject || o.source == fromOwn {
				r.method, r.source = o.method, o.source
				if o.methods != nil {
					// A list of names shared by a later run of as many numbers.
					r.methods, r.dropped = o.methods, len(o.methods) != len(r.nums)
				}
			}
			if o.ownsChange {
				r.method, r.source = o.method, fromSubject
			}
			return
		}
		if lowerVerbs[strings.ToLower(t.text)] && s.unnamedProcessSubject(i) {
			// "a conventional full fine-tune reduces MMLU accuracy to
			// 58.1%": a training recipe, named by no one, that lowers a
			// score is someone unnamed's baseline, not the paper's method.
			r.dropped = true
			return
		}
		if contrastWords[strings.ToLower(t.text)] {
			// "..., whereas naive continual pretraining drops it to 55.3%":
			// the contrasted clause has a subject of its own.
			if done := s.contrastSubject(r, i); done {
				return
			}
			continue
		}
		if copulas[strings.ToLower(t.text)] && i > 0 {
			if names, ok := s.whoseSubject(i, ctx); ok {
				// "HyenaDNA and Caduceus, whose accuracies on X are 89.2%
				// and 90.1%": the names before "whose", in order.
				if len(names) == 1 && (len(r.nums) == 1 || s.onDatasetList(r)) {
					// "IRRA, whose Rank-1 is 73.4%, 63.5% and 60.2% on
					// the three datasets": one model's values, one per
					// dataset. (Of a list on no datasets, which value is
					// in which metric the clause may not say.)
					r.method, r.source = names[0], fromNamed
				} else if len(names) > 1 && len(names) == len(r.nums) {
					r.method, r.source, r.methods = names[len(names)-1], fromNamed, names
				} else {
					r.dropped = true
				}
				return
			}
			if name := s.possessiveSubject(i + 1); name != "" {
				r.method, r.source = name, fromNamed // "RaSa's Rank-1 on RSTPReid is 66.1%"
				return
			}
			if !s.blocked(s.toks[i-1]) && s.unnamedOtherSubject(i-1) {
				r.dropped = true // "the previous best results were 96.5% and 85.1%"
				return
			}
		}
		if w := strings.ToLower(t.text); (copulas[w] || scoreVerbs[w] || pluralOnlyVerbs[w]) && (len(r.nums) == 1 || s.onDatasetList(r)) {
			if name := s.whoseOwner(i, ctx); name != "" {
				// "For Llama 3 70B, whose 16-bit weights score 79.5%": the
				// name before "whose" owns the clause's value.
				r.method, r.source = name, fromNamed
				return
			}
		}
		if pluralOnlyVerbs[strings.ToLower(t.text)] {
			if !s.pluralSubjectBefore(i, ctx) {
				continue // "a score of", "the MMLU score": a noun
			}
		} else if !(scoreVerbs[strings.ToLower(t.text)] || s.comparingCopula(i)) || s.nounAfterName(i) {
			continue
		}
		j := i - 1
		for j >= 0 && adverbs[strings.ToLower(s.toks[j].text)] {
			j--
		}
		if j < 0 {
			return
		}
		if strings.EqualFold(s.toks[j].text, "and") {
			// "MobiDet-S runs at 120 FPS and obtains 38.2 AP": two verbs,
			// one subject, at the start of the clause.
			if name := s.clauseOpeningName(j); name != "" {
				r.method, r.source = name, fromSubject
			}
			return
		}
		if k := s.beforeBracket(j, i); k >= 0 {
			j = k // "DLKNet-T (29M parameters, 4.6G FLOPs) reaches": the name before the bracket
		}
		if name := s.namedInRelative(j); name != "" {
			// "A well-tuned CNN, which we call GenoResNet, reaches": the
			// name the relative clause gives the subject.
			r.method, r.source = name, fromSubject
			return
		}
		j = s.skipRelativeClause(j, i)
		if n := len(ctx.nameList); n > 0 && len(r.nums) == n && (s.countedModels(j) == n || n > 1 && s.pluralModelsSubject(j)) {
			// "the four models score 31.6%, 58.9%, 63.2% and 71.5%": the
			// four names the abstract listed, in order. An uncounted
			// plural stands for them as counted models do, when the
			// numbers are as many: "Four sizes, FocalNeXt-T, ... and
			// FocalNeXt-L, ... . Trained on ImageNet-1K, they reach 83.1%,
			// 84.2%, 84.9% and 85.6%".
			r.method, r.source, r.methods, r.fromList = ctx.nameList[n-1], fromSubject, ctx.nameList, true
			return
		}
		if j == 0 && s.toks[j].text == "It" && ctx.openingVariant != "" {
			// "Yi-Lite-9B is a bilingual model ... It scores 65.4 on
			// MMLU": the variant that opened the sentence before.
			r.method, r.source, r.fromPronoun = ctx.openingVariant, fromSubject, true
			return
		}
		if pronouns[s.toks[j].text] && ctx.method == "" && ctx.lastSubject != "" {
			// "MiM averages 86.2% accuracy. Per task, it scores 81.0% on ...":
			// a paper with no named method of its own goes on about the
			// subject of the sentence before.
			r.method, r.source, r.fromPronoun = ctx.lastSubject, fromSubject, true
			return
		}
		if !s.blocked(s.toks[j]) {
			name := s.methodEndingAt(j, ctx)
			if names := s.subjectList(j, ctx); names != nil {
				name = names[len(names)-1] // "RepNeXt-S, -M and -L reach"
			}
			if name != "" && s.swappedInto(j, name) {
				name = "" // "Scaling the backbone to Swin-L raises": the paper's change, not Swin-L
			}
			if name != "" {
				if head := s.nameBeforeWith(j, name, ctx); head != "" {
					name = head // "VFNet-X-1200 with Res2Net-101-DCN achieves"
				} else if head := s.studentBeforeTeacher(j, name); head != "" {
					name = head // "a ResNet-18 student taught by ResNet-34 achieves"
				} else if head := s.abbreviationBeforeOf(j, name); head != "" {
					name = head // "gradual magnitude pruning (GMP) of ResNet-50 reaches"
				}
				r.method, r.source = name, fromSubject
				names := s.subjectList(j, ctx)
				if names == nil {
					names = slashVariants(name) // "YOLOv6-M/L reach 49.5/52.3 AP"
				}
				if len(names) > 1 {
					// "FastViT-S and FastViT-B achieve 80.1% and 83.4%,
					// respectively": one name per number, in order.
					if len(names) == len(r.nums) {
						r.methods = names
					} else {
						r.method, r.source = "", fromNamed // whose is which, the text does not say
						r.dropped = true
					}
				}
				return
			}
			if t := s.toks[j]; ctx.properNames[t.text] && (j == 0 || nameKind(s.toks[j-1].text) == notName) {
				r.method, r.source = t.text, fromSubject // "Chinchilla reaches 67.5%"
				return
			}
			if name := s.modifiedSubject(j, ctx); name != "" {
				// Before "our" is read as the subject's: "a ViT-H trained
				// on our dataset achieves".
				r.method, r.source = name, fromSubject
				return
			}
			if s.ownSubject(j) {
				// "This simple baseline achieves", "our model reaches", "it
				// attains": a description of the paper's own method.
				r.method, r.source = ctx.ownMethod(), fromOwn
				return
			}
			if name := s.namedOtherSubject(j, ctx); name != "" {
				// "The provided CNN baseline reaches 69.5%", "the ResNet32x4
				// teacher itself obtains 79.42%": the baseline named.
				r.method, r.source = name, fromSubject
				return
			}
			if genericOthers[strings.ToLower(s.toks[j].text)] {
				r.dropped = true
				return
			}
		}
		if name := s.modifiedSubject(j, ctx); name != "" {
			r.method, r.source = name, fromSubject // "a ViT-H trained on ImageNet achieves"
			return
		}
		// "the IRRA model attains", "ResNet-50 models trained on ... reach":
		// a name before a model noun earlier in the clause.
		for k := j; k > 0; k-- {
			if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;") {
				break
			}
			if modelNouns[strings.ToLower(s.toks[k].text)] {
				// The paper's name ending the name is the paper's method,
				// whatever backbone is written before it: "a ViT-B/16
				// AlignNet model attains" is AlignNet's.
				if name := s.methodEndingAt(k-1, ctx); name != "" {
					if head := s.nameBeforeWith(k, name, ctx); head != "" {
						name = head // "our best RetinaNet model with a ResNeXt-101-FPN backbone reaches"
					}
					r.method, r.source = name, fromSubject
					return
				}
			}
		}
		if name := s.nameBeforePhrase(j, i, ctx); name != "" {
			// "whereas SparseGPT at the same 50% sparsity keeps 0.530"
			r.method, r.source, r.pastPhrase = name, fromSubject, true
			return
		}
		if s.possessedSubject(j) {
			// "..., while its general ability remains strong with 68.0%":
			// "its" looks back to the subject before.
			continue
		}
		if s.unnamedOtherSubject(j) || s.contrastedModel(j, t.start) {
			r.dropped = true
		} else if s.comparedModelOpening(j, t.start) {
			// "A randomly initialised model of the same size obtains
			// 61.3%": some model compared with, which the text does not
			// name; the title stands for it, at confidence "low".
			r.method, r.source, r.lowNote = "", fromSubject, "the subject is some model compared with, which the text does not name"
		}
		return
	}
}

// comparisonOpeners set off a clause about something compared with: "In
// contrast, a 2.3M-parameter convolutional network ... obtains only 55.0%".
var comparisonOpeners = []string{"in contrast", "by contrast", "for comparison", "in comparison"}

// comparedModelOpening reports whether the subject ending at word j, before
// the verb at pos, is an indefinite description of some model with no name
// that opens its clause (the sentence, or the words after a comma, a colon
// or a ";") and is set against another: after "In contrast," or "For
// comparison,", or described as the same as another ("A separately
// pretrained image model of the same size reaches 83.6%"). The paper calls
// its own model "our model" or by name.
func (s *sentence) comparedModelOpening(j, pos int) bool {
	head := j
	if h := s.participleHead(j); h >= 0 {
		head = h // "A dense 4B model trained on the same data and with the same compute reaches"
	}
	k := head
	for k > 0 && k > head-12 && !strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:()") {
		k--
	}
	if !s.someModel(k, pos) {
		return false
	}
	for m := k; m <= j; m++ {
		if sharedPart[strings.ToLower(s.toks[m].text)] {
			return true // "of the same size"
		}
	}
	opening := strings.ToLower(strings.TrimSpace(s.text[:s.toks[k].start]))
	for _, o := range comparisonOpeners {
		if strings.HasSuffix(opening, o+",") {
			return true
		}
	}
	return false
}

// contrastedModel reports whether the subject ending at word j, before the
// verb at pos, opens a contrasted clause with some model, unnamed: "while
// a nucleotide-level model of the same size obtains 95.9%" is not the
// paper's.
func (s *sentence) contrastedModel(j, pos int) bool {
	for k := j; k > 0 && k > j-8; k-- {
		if strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ";") {
			return false
		}
		if contrastWords[strings.ToLower(s.toks[k-1].text)] {
			return s.someModel(k, pos)
		}
	}
	return false
}

// nounAfterName reports whether the score verb at word i is a noun, right
// after a metric or a dataset: "F1 scores of".
func (s *sentence) nounAfterName(i int) bool {
	return i > 0 && verbNouns[strings.ToLower(s.toks[i].text)] && s.blocked(s.toks[i-1]) &&
		onlySpaces(s.text[s.toks[i-1].end:s.toks[i].start])
}

// possessedSubject reports whether the subject ending at word j is
// something of "its" or "their" ("its general ability", "their accuracy"),
// which belongs to a subject named before it.
func (s *sentence) possessedSubject(j int) bool {
	for k := j; k >= 0 && k > j-4; k-- {
		w := strings.ToLower(s.toks[k].text)
		if w == "its" || w == "their" {
			return true
		}
		if k > 0 && strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:(") || s.toks[k].text != w && !s.blocked(s.toks[k]) {
			return false
		}
	}
	return false
}

// contrastSubject reads the subject of a clause opened by the contrast
// word at c, for run r after it whose verb is not a score verb. It reports
// whether it decided: a name ("whereas IRRA falls to 48.0%") or an
// unnamed other ("whereas naive continual pretraining drops it to 55.3%").
// A verb or participle right after the word ("but falls to", "while
// keeping") continues the subject before it: not decided.
func (s *sentence) contrastSubject(r *run, c int) bool {
	k := c + 1
	if k >= len(s.toks) || s.toks[k].start >= r.start {
		return false
	}
	w := strings.ToLower(s.toks[k].text)
	if scoreVerbs[w] || declineVerbs[w] || strings.HasSuffix(w, "ing") {
		return false
	}
	for k < len(s.toks) && determiners[strings.ToLower(s.toks[k].text)] {
		k++
	}
	if name := s.abbreviationAfter(k, 0); name != "" && strings.Contains(s.text[s.toks[k].start:r.start], "("+name+")") {
		// "whereas naive continual pretraining (NaiveCPT) falls to 73.4%":
		// the description names itself.
		r.method, r.source = name, fromSubject
		return true
	}
	// Past modifiers: "while a fine-tuned DeBERTa-v3-large still leads with".
	n := k
	for n < len(s.toks) && n < k+2 && s.toks[n].start < r.start && s.modifier(n) {
		n++
	}
	if name, _ := nameStartingAt(s.text, s.toks, n, s.blocked); name != "" {
		r.method, r.source = name, fromSubject
		return true
	}
	for ; k < len(s.toks) && s.toks[k].start < r.start && k <= c+5; k++ {
		if othersWords[strings.ToLower(s.toks[k].text)] && !s.blocked(s.toks[k]) {
			r.dropped = true
			return true
		}
	}
	return false
}

// someModel reports whether the words from a to the run at pos are an
// indefinite description of a model with no name and nothing of the
// paper's: "a nucleotide-level model of the same size obtains".
func (s *sentence) someModel(a, pos int) bool {
	if w := strings.ToLower(s.toks[a].text); w != "a" && w != "an" {
		return false
	}
	noun := false
	for k := a + 1; k < len(s.toks) && s.toks[k].start < pos; k++ {
		w := strings.ToLower(s.toks[k].text)
		if ownWords[w] || nameKind(s.toks[k].text) == modelWord && !s.blocked(s.toks[k]) {
			return false
		}
		if modelNouns[w] {
			noun = true
		}
		if scoreVerbs[w] {
			break
		}
	}
	return noun
}

// clauseOpeningName returns the name that opens the clause of word j: the
// sentence's first words, or the first after a ";" or a contrast word that
// brings a subject of its own.
func (s *sentence) clauseOpeningName(j int) string {
	if j < 0 {
		return ""
	}
	k := j
	for k > 0 && !strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ";") &&
		!(contrastWords[strings.ToLower(s.toks[k-1].text)] && !strings.HasSuffix(s.toks[k].text, "ing")) {
		k-- // "while keeping" goes on with the same subject
	}
	for k < j && determiners[strings.ToLower(s.toks[k].text)] {
		k++
	}
	if name := s.appositiveAfterNoun(k, j); name != "" {
		return name // "The BPE model, MS-BPE, averages ... and reaches"
	}
	if nameKind(s.toks[k].text) != modelWord {
		return "" // "Across 12 tasks" is no name; "ResNet-50" and "Llama 3" are
	}
	name, next := nameStartingAt(s.text, s.toks, k, s.blocked)
	if name == "" || next >= j || nameKind(s.toks[next].text) != notName {
		return ""
	}
	return name
}

// appositiveAfterNoun returns the name set off by commas after a model
// noun among the first words from k, before word j: "the 6-mer model,
// MS-6mer, averages" is MS-6mer; else "".
func (s *sentence) appositiveAfterNoun(k, j int) string {
	for m := k; m < j && m < k+4; m++ {
		gap := strings.TrimSpace(s.text[s.toks[m].end:s.toks[m+1].start])
		if modelNouns[strings.ToLower(s.toks[m].text)] && gap == "," {
			name, next := nameStartingAt(s.text, s.toks, m+1, s.blocked)
			if name != "" && next <= j && strings.TrimSpace(s.text[s.toks[next-1].end:s.toks[next].start]) == "," {
				return name
			}
			return ""
		}
		if gap != "" {
			return ""
		}
	}
	return ""
}

// ownSubject reports whether the subject ending at word j describes the
// paper's own work: a pronoun standing alone ("it reaches"), or a phrase
// with a word such as "our", "this" or "proposed" in its own clause ("this
// simple baseline achieves", "the proposed detector attains").
func (s *sentence) ownSubject(j int) bool {
	if w := s.toks[j].text; pronouns[w] {
		return true
	}
	for k := j; k >= 0 && k > j-5; k-- {
		w := strings.ToLower(s.toks[k].text)
		if ownSubjectWords[w] {
			return true
		}
		if contrastWords[w] || k > 0 && strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:(") {
			return false
		}
	}
	return false
}

// unnamedOtherSubject reports whether the subject ending at word j, which is
// not a name, is someone else's: it has a word such as "prior", "baseline"
// or "human", or it opens a contrasting clause ("whereas the teacher model
// reaches", "while larger models reach") without saying it is the paper's.
func (s *sentence) unnamedOtherSubject(j int) bool {
	k := j
	for ; k >= 0 && k > j-6; k-- {
		w := strings.ToLower(s.toks[k].text)
		if othersWords[w] && !s.blocked(s.toks[k]) {
			return true
		}
		if ownWords[w] {
			return false
		}
		if determiners[w] || contrastWords[w] {
			break // the subject starts here
		}
		if k > 0 && strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:(") {
			return false
		}
	}
	if k >= 0 && (s.toks[k].text == "A" || s.toks[k].text == "An") && s.hasModelNoun(k, j) {
		// "A 7B model without retrieval scores 45.3%": some model, not
		// the paper's, which its abstract calls "our model" or by name.
		return true
	}
	if k >= 0 && determiners[strings.ToLower(s.toks[k].text)] {
		k--
	}
	return k >= 0 && contrastWords[strings.ToLower(s.toks[k].text)]
}

// participleHead returns the model noun that a phrase opened by a
// participle qualifies, when that phrase ends the subject at word j: "A
// dense 4B model trained on the same data and with the same compute
// reaches" gives "model". It returns -1 when there is none, or when the
// phrase says the work is the paper's own ("a model trained with our
// recipe").
func (s *sentence) participleHead(j int) int {
	for k := j; k > 1 && k > j-12; k-- {
		t := s.toks[k]
		if strings.ContainsAny(s.text[s.toks[k-1].end:t.start], ",;:()") || s.blocked(t) || nameKind(t.text) == modelWord {
			return -1
		}
		w := strings.ToLower(t.text)
		if ownWords[w] {
			return -1
		}
		if t.text == w && strings.HasSuffix(w, "ed") && len(w) > 3 && modelNouns[strings.ToLower(s.toks[k-1].text)] {
			return k - 1
		}
	}
	return -1
}

// lowerVerbs bring a score down: the declines, and the verbs of reduction
// whose subject brings it down ("reduces MMLU accuracy to 58.1%").
var lowerVerbs = union(declineVerbs, reductionVerbs, set("hurts", "hurt"))

// processWords name a way of training or changing a model, not a model:
// "full fine-tuning", "a conventional fine-tune", "continual pretraining".
var processWords = set("fine-tuning", "finetuning", "fine-tune", "finetune", "tuning", "training",
	"pretraining", "pre-training", "distillation", "editing", "merging")

// unnamedProcessSubject reports whether the subject of the verb at word i
// is a training process in lower-case words, with no name and no "our":
// "full fine-tuning drops", "a conventional full fine-tune reduces". The
// subject runs back to the clause's start (a comma, a colon or a contrast
// word) or the sentence's.
func (s *sentence) unnamedProcessSubject(i int) bool {
	process := false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := s.toks[k]
		w := strings.ToLower(t.text)
		if contrastWords[w] {
			return process
		}
		if ownWords[w] || s.blocked(t) || hasDigit(w) || t.text != w && k > 0 || nameKind(t.text) == modelWord && t.text != w {
			return false
		}
		if processWords[w] {
			process = true
		}
		if k == 0 || strings.ContainsAny(s.text[s.toks[k-1].end:t.start], ",;:") {
			return process
		}
		if strings.ContainsAny(s.text[s.toks[k-1].end:t.start], "()") {
			return false
		}
	}
	return false
}

// hasModelNoun reports whether a model noun stands among words from..to.
func (s *sentence) hasModelNoun(from, to int) bool {
	for k := from; k <= to; k++ {
		if modelNouns[strings.ToLower(s.toks[k].text)] {
			return true
		}
	}
	return false
}

// setPhraseOpeners open a phrase of how a subject was made or run, besides
// participles: "X, with 16 context tokens, obtains".
var setPhraseOpeners = set("with", "using", "without", "when", "after", "at", "under")

// beforeBracket returns the word before a bracket that ends right before
// the verb at i, after word j, when that word ends a name: "DLKNet-T (29M
// parameters, 4.6G FLOPs) reaches"; or -1.
func (s *sentence) beforeBracket(j, i int) int {
	if strings.TrimSpace(s.text[s.toks[j].end:s.toks[i].start]) != ")" {
		return -1
	}
	open := strings.LastIndex(s.text[:s.toks[j].end], "(")
	if open < 0 || strings.Contains(s.text[open:s.toks[j].end], ")") {
		return -1
	}
	k := s.lastTokenBefore(open)
	if k < 0 || !onlySpaces(s.text[s.toks[k].end:open]) || nameEndingAt(s.text, s.toks, k, s.blocked) == "" {
		return -1
	}
	return k
}

// namingVerbs give a subject its name in a relative clause: "which we call X".
var namingVerbs = set("call", "name", "dub", "term")

// namedInRelative returns the name ending at word j when a relative clause
// of "we" and a naming verb gives it, set off by a comma before: ", which
// we call GenoResNet", or "".
func (s *sentence) namedInRelative(j int) string {
	name := nameEndingAt(s.text, s.toks, j, s.blocked)
	k := j - len(strings.Fields(name))
	if name == "" || k < 2 || !namingVerbs[strings.ToLower(s.toks[k].text)] ||
		!strings.EqualFold(s.toks[k-1].text, "we") || !relativePronouns[strings.ToLower(s.toks[k-2].text)] ||
		k-2 < 1 || !strings.Contains(s.text[s.toks[k-3].end:s.toks[k-2].start], ",") {
		return ""
	}
	return name
}

// skipRelativeClause moves the subject word j of the verb at i past a
// relative clause to the name it describes: "MobileViT-XS, which reaches",
// "CLIP ViT-B/32, which is 3.3× larger, reaches".
func (s *sentence) skipRelativeClause(j, verb int) int {
	commaBefore := func(k int) bool {
		return k > 0 && strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ",")
	}
	if relativePronouns[strings.ToLower(s.toks[j].text)] && commaBefore(j) {
		return s.antecedentEnd(j - 1)
	}
	if !strings.Contains(s.text[s.toks[j].end:s.toks[verb].start], ",") {
		return j
	}
	for k := j; k > 0 && k > j-8; k-- {
		if relativePronouns[strings.ToLower(s.toks[k].text)] && commaBefore(k) {
			return s.antecedentEnd(k - 1)
		}
	}
	// A phrase of how the subject was made, set off by commas: "Our
	// prompt-tuned model, trained for 30 epochs with 16 context tokens,
	// obtains".
	for k := j; k > 1 && k > j-12; k-- {
		if commaBefore(k) {
			if w := s.toks[k].text; w == strings.ToLower(w) && (strings.HasSuffix(w, "ed") || setPhraseOpeners[w]) {
				return k - 1
			}
			break
		}
	}
	// A phrase set off by commas: "YOLOv8-S, by comparison, reaches".
	if nameEndingAt(s.text, s.toks, j, s.blocked) == "" {
		for k := j; k > 0 && k > j-6; k-- {
			if commaBefore(k) {
				if nameKind(s.toks[k-1].text) == modelWord {
					return k - 1
				}
				break
			}
		}
	}
	return j
}

// antecedentEnd returns the word a relative clause's name ends at, when the
// clause follows a phrase that qualifies the name rather than the name
// itself: "CLIP ViT-L/14 used as a zero-shot tagger, which scores", "a
// Mask2Former trained on COCO, which reaches", "HyenaDNA at the same size,
// which obtains". The phrase opens with a participle or a word of
// setPhraseOpeners right after the name, and holds no other name; datasets
// and metrics in it are passed over. Otherwise it returns j, the word
// before the comma.
func (s *sentence) antecedentEnd(j int) int {
	if j < 1 || !s.blocked(s.toks[j]) && nameEndingAt(s.text, s.toks, j, s.blocked) != "" {
		return j
	}
	for k := j; k > 1 && k > j-10; k-- {
		if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:()") {
			return j
		}
		t := s.toks[k]
		if s.blocked(t) {
			continue
		}
		if nameKind(t.text) == modelWord {
			return j // another name in the phrase: "a ViT-B with a ResNet-50 teacher"
		}
		w := strings.ToLower(t.text)
		if !setPhraseOpeners[w] && !(t.text == w && strings.HasSuffix(w, "ed") && len(w) > 3) {
			continue
		}
		if prev := s.toks[k-1]; !s.blocked(prev) && onlySpaces(s.text[prev.end:t.start]) && nameEndingAt(s.text, s.toks, k-1, s.blocked) != "" {
			return k - 1
		}
		return j
	}
	return j
}

// nameFromChange gives a value before a change the method that the value
// after it is explicitly credited to, or drops it: an unnamed baseline's
// number is not worth a moderator's time.
func (s *sentence) nameFromChange(r *run) {
	r.dropped = true
	to := r.nums[0].to
	if to == nil {
		return
	}
	for _, o := range s.runs {
		for _, n := range o.nums {
			if n == to && !o.dropped && o.source == fromNamed {
				r.method, r.source, r.dropped = o.method, fromNamed, false
			}
		}
	}
	if r.dropped {
		if name := s.gappedChangeOwner(r); name != "" {
			r.method, r.source, r.dropped, r.gappedOwner = name, fromNamed, false, true
		}
	}
}

// gapFillers are the words that may stand between two changes of one
// model, besides the metric and the dataset of the second: "..., and on
// ICFG-PEDES from", "and its mAP from", "and its overall AP from".
var gapFillers = set("and", "on", "in", "of", "the", "its", "their", "overall")

// gappedChangeOwner returns the owner of the value before the last change
// written before r, when r's change names no one of its own: "lifts IRRA
// from 73.4% to 76.1% on CUHK-PEDES and from 63.5% to 66.8% on ICFG-PEDES",
// "the Rank-1 of IRRA from 63.5% to 66.9% and its mAP from 38.1%": the
// second change is made to the same model. Any other word between the two
// changes (a name, a verb, a noun that is no metric: "and the text score on
// Winoground from") may start another subject; a semicolon ends the clause.
func (s *sentence) gappedChangeOwner(r *run) string {
	var prev *run
	for _, o := range s.runs {
		if o == r {
			break
		}
		// The first change must be one of a metric read here: in "raises
		// RSUM on COCO from 531.6 to 538.2" the word before "on" is no model.
		if n := o.nums[0]; n.from && n.to != nil && !n.rangeEnd && !o.dropped && o.source == fromNamed && o.method != "" &&
			(n.cue != nil || n.to.cue != nil) {
			prev = o
		}
	}
	if prev == nil || strings.Contains(s.text[prev.end:r.start], ";") {
		return ""
	}
	for _, t := range s.toks[s.firstTokenAfter(numEnd(prev.nums[0].to)):s.firstTokenAfter(r.start)] {
		if !s.blocked(t) && !gapFillers[strings.ToLower(t.text)] && !strings.EqualFold(t.text, "from") {
			return ""
		}
	}
	return prev.method
}

// verblessNameEnd reports whether word j can end a name whose verb is
// left out before its number: a model-like word ("and ALBERT-xxlarge
// 90.0"), a size after a name's word ("and Qwen2 72B 84.2%"), or a
// capitalised word after a size or a model-like word, which names the
// variant ("and Mistral 7B Instruct 59.2%", "and Kestrel 3 Mini 69.3").
func (s *sentence) verblessNameEnd(j int) bool {
	switch nameKind(s.toks[j].text) {
	case modelWord:
		return true
	case versionPart:
		// A size ending a name of several words: "and Qwen2 72B 84.2%",
		// ", Gemma 2 2B 52.2%", "Llama 3.1 70B 83.6%".
		if !modelSize.MatchString(s.toks[j].text) || j == 0 || !onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) {
			return false
		}
		return nameKind(s.toks[j-1].text) != notName
	case plainWord:
		if j == 0 || !onlySpaces(s.text[s.toks[j-1].end:s.toks[j].start]) {
			return false
		}
		k := nameKind(s.toks[j-1].text)
		return k == versionPart || k == modelWord
	}
	return false
}

// methodEndingAt returns the method name whose last word is word j: the
// paper's own name when the text there ends with it, however it is written
// ("Panoptic SegFormer achieves", "phi-3-mini achieves", whose first word
// or case would not make a name on its own), else a name read from the
// words (nameEndingAt).
func (s *sentence) methodEndingAt(j int, ctx *paperContext) string {
	if own := ctx.method; own != "" && !s.blocked(s.toks[j]) {
		w, _ := possessive(s.toks[j].text)
		end := s.toks[j].start + len(w)
		start := end - len(own)
		if start >= 0 && strings.EqualFold(s.text[start:end], own) && wordStart(s.text, start) {
			return s.text[start:end]
		}
		// A variant whose name starts with the paper's: "Orca 2-13B" for
		// "Orca 2", "DeepSeek LLM 67B Base" for "DeepSeek LLM", whose
		// words would not all make a name on their own.
		for k := j; k >= 0 && k > j-4 && nameKind(s.toks[k].text) != notName && !s.blocked(s.toks[k]); k-- {
			if start := s.toks[k].start; start >= len(own) {
				if f := strings.TrimRight(s.text[:start], " "); len(f) >= len(own) && strings.EqualFold(f[len(f)-len(own):], own) && wordStart(s.text, len(f)-len(own)) {
					return s.text[len(f)-len(own) : end]
				}
			}
			run := s.text[s.toks[k].start:end]
			if len(run) > len(own) && strings.HasPrefix(strings.ToLower(run), strings.ToLower(own)) && k >= nameRunStart(s.text, s.toks, j, s.blocked) {
				return run
			}
		}
	}
	return nameEndingAt(s.text, s.toks, j, s.blocked)
}

// notModifiers are lower-case words that end a noun phrase's modifiers
// rather than being one: prepositions, conjunctions and verbs that a score
// follows.
var notModifiers = set("of", "on", "in", "at", "by", "to", "with", "from", "and", "or", "but", "than",
	"as", "that", "which", "who", "is", "are", "was", "were", "has", "have", "its", "their")

// modifier reports whether word k can stand between a determiner and a
// name ("for the fully supervised IRRA", "a fine-tuned DeBERTa-v3-large"):
// a word in lower case, in the same phrase, that is not someone unnamed
// ("prior", "baseline"), a model noun, a verb that brings a score or a
// word that ends the phrase.
func (s *sentence) modifier(k int) bool {
	t := s.toks[k]
	w := strings.ToLower(t.text)
	if t.text != w || hasDigit(w) || s.blocked(t) || notModifiers[w] || genericOthers[w] || othersWords[w] ||
		modelNouns[w] || scoreVerbs[w] || declineVerbs[w] {
		return false
	}
	return k == 0 || onlySpaces(s.text[s.toks[k-1].end:t.start])
}

// wordStart reports whether a name may start at byte i of text: not inside
// a word nor after "-" or "+", so "PVT" is not read out of "RetinaNet+PVT".
func wordStart(text string, i int) bool {
	return i == 0 || !isAlnum(text[i-1]) && text[i-1] != '-' && text[i-1] != '+'
}

func hasDigit(w string) bool {
	return strings.IndexAny(w, "0123456789") >= 0
}

// appositiveOpening is a sentence that opens with a description and, set
// off by commas, the name it describes: "The flagship model, Qwen2-72B,
// ...", "Our largest variant, X-L, ...".
var appositiveOpening = regexp.MustCompile(`^(?:The|Our|Its|Their|A|An)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+`)

// appositiveSubject returns the name of an appositive opening when the
// number at pos is in the sentence's first clause, or "".
func (s *sentence) appositiveSubject(pos int) string {
	loc := appositiveOpening.FindStringIndex(s.text)
	if loc == nil || strings.Contains(s.text[loc[1]:pos], ";") {
		return ""
	}
	i := s.firstTokenAfter(loc[1])
	name, next := nameStartingAt(s.text, s.toks, i, s.blocked)
	if name == "" || next >= len(s.toks) || s.toks[next].start > pos {
		return ""
	}
	// The name may carry a bracket before its comma: "Our reference
	// vision transformer, DeiT-B (86M parameters), achieves".
	if m := appositiveEnd.FindStringIndex(s.text[s.toks[next-1].end:]); m == nil || s.toks[next-1].end+m[1] > pos {
		return ""
	}
	return name
}

// appositiveEnd closes a name set off as the subject: ",", or a bracket and ",".
var appositiveEnd = regexp.MustCompile(`^\s*(?:\([^()]*\)\s*)?,`)

// baseWords before a model noun make it the model the paper starts from:
// "its base model", "the untuned model".
var baseWords = set("base", "untuned", "un-tuned", "unadapted", "starting", "initial")

// baseModelPhrase reports whether the model noun at k is the model the
// paper starts from ("its base model", "the untuned model") and the
// abstract names that model.
func (s *sentence) baseModelPhrase(k int, ctx *paperContext) bool {
	return ctx.baseModel != "" && !strings.EqualFold(ctx.baseModel, ctx.method) && k > 0 &&
		modelNouns[strings.ToLower(s.toks[k].text)] && baseWords[strings.ToLower(s.toks[k-1].text)]
}

// subjectList returns the names of a subject written as a list whose last
// name ends at word j ("FastViT-S and FastViT-B", "IRRA, RaSa and
// TBPS-CLIP", "RT-DETR-R50 / R101"), in order, or nil when the subject is
// one name. Items that leave out the first name's stem ("RepNeXt-S, -M
// and -L", "R101" after "RT-DETR-R50 /") take it (see withStem).
func (s *sentence) subjectList(j int, ctx *paperContext) []string {
	var names []string
	var short []bool // the item leaves out the stem
	for j >= 0 {
		name := s.methodEndingAt(j, ctx)
		elided := s.elidedItem(j)
		if elided {
			name = s.toks[j].text
		}
		if name == "" {
			break
		}
		k := j - len(strings.Fields(name)) // the word before the name
		slashed := k >= 0 && strings.TrimSpace(s.text[s.toks[k].end:s.toks[k+1].start]) == "/"
		names = append([]string{name}, names...)
		short = append([]bool{elided || slashed && !strings.Contains(name, "-")}, short...)
		if k < 0 {
			break
		}
		gap := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s.text[s.toks[k].end:s.toks[k+1].start]), "-"))
		switch {
		case gap == "/":
			j = k // "RT-DETR-R50 / R101"
		case gap == "," && !strings.EqualFold(s.toks[k].text, "and") && len(names) > 1:
			j = k // "A, B and C": commas only before the "and"
		case strings.EqualFold(s.toks[k].text, "and") && k > 0 && strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]) == ",":
			j = k - 1
		case strings.EqualFold(s.toks[k].text, "and") && gap == "":
			j = k - 1
		default:
			j = -1
		}
	}
	if len(names) < 2 {
		return nil
	}
	return withStem(names, short)
}

// elidedItem reports whether word j is an item of a list of variants that
// leaves out the stem, written after a hyphen: "-M" and "-L" in
// "RepNeXt-S, -M and -L".
func (s *sentence) elidedItem(j int) bool {
	p := s.toks[j].start
	return p > 0 && s.text[p-1] == '-' && (p == 1 || s.text[p-2] == ' ') && !s.blocked(s.toks[j])
}

// withStem completes the items of a list of variants that leave out the
// stem, the first name up to its last hyphen: "RepNeXt-S, -M and -L" are
// RepNeXt-S, RepNeXt-M and RepNeXt-L. A short item must be shaped like
// the part it replaces ("R101" for "R50", "Large" for "Base"), else the
// list is not read as one (nil).
func withStem(names []string, short []bool) []string {
	dash := strings.LastIndex(names[0], "-")
	out := []string{names[0]}
	for i, n := range names[1:] {
		if !short[i+1] {
			out = append(out, n)
			continue
		}
		if dash < 0 || shape(n) == "" || shape(n) != shape(names[0][dash+1:]) {
			return nil
		}
		out = append(out, names[0][:dash+1]+n)
	}
	return out
}

// shape is how a name part is written: letters, digits, letters then
// digits ("R50"), or a size ("7B", "1.5B"); "" for anything else.
func shape(p string) string {
	switch {
	case partKind(p) != "":
		return partKind(p)
	case letterDigits.MatchString(p):
		return "letters+digits"
	case modelSize.MatchString(p):
		return "size" // "Orion-3-1.5B, -7B and -14B"
	}
	return ""
}

var letterDigits = regexp.MustCompile(`^\p{L}+\d+$`)

// modelSize is a part of a name that gives the model's size in parameters.
var modelSize = regexp.MustCompile(`^\d+(?:\.\d+)?[BMK]$`)

// afterNamedAt reports whether the run before r was named by "NAME at
// N%" and only a few words of a list stand between: "with LoRA at 46.8%
// and full fine-tuning at 47.5%".
func (s *sentence) afterNamedAt(r *run) bool {
	var prev *run
	for _, o := range s.runs {
		if o == r {
			break
		}
		prev = o
	}
	if prev == nil || prev.dropped || prev.source != fromNamed {
		return false
	}
	j := s.lastTokenBefore(prev.start)
	if j < 0 || !strings.EqualFold(s.toks[j].text, "at") || !onlySpaces(s.text[s.toks[j].end:prev.start]) {
		return false
	}
	return nextAtItem.MatchString(s.text[prev.end:r.start])
}

// nextAtItem joins two items of a list of others "at" their numbers.
var nextAtItem = regexp.MustCompile(`^\s*(?:,|,?\s*and)\s+(?:[\w-]+\s+){1,3}at\s*$`)

// whoseSubject returns the names a "whose" clause is about when the
// copula at i ends it ("HyenaDNA and Caduceus, whose accuracies on Human
// Enhancers Ensembl are"), and whether the clause is one: the numbers of
// a "whose" clause are never the subject's after it. The words between
// are metrics, datasets and fillers.
func (s *sentence) whoseSubject(copula int, ctx *paperContext) ([]string, bool) {
	for k := copula - 1; k >= 0 && k >= copula-8; k-- {
		t := s.toks[k]
		w := strings.ToLower(t.text)
		if w == "whose" {
			if k == 0 || strings.TrimSpace(s.text[s.toks[k-1].end:t.start]) != "," {
				return nil, true
			}
			if s.ownSubject(k - 1) {
				return []string{ctx.ownMethod()}, true
			}
			if names := s.subjectList(k-1, ctx); names != nil {
				return names, true
			}
			if name := s.methodEndingAt(k-1, ctx); name != "" {
				return []string{name}, true
			}
			return nil, true
		}
		if !s.blocked(t) && !possessiveFillers[w] && w != "accuracies" && w != "scores" && w != "results" &&
			countWords[w] == 0 && !countedCollections[w] {
			return nil, false
		}
	}
	return nil, false
}

// nameBeforeWith returns, for a subject name ending at word j that follows
// "with" or "on top of", the name before them: in "Our best model
// VFNet-X-1200 with Res2Net-101-DCN achieves" the model is VFNet-X-1200 and
// Res2Net-101-DCN its part, as DeBERTa-v3-large is in "Hedge on top of
// DeBERTa-v3-large attains". It returns "" when no name stands there, or
// when the part is the paper's own method (see trainedWithOwn).
func (s *sentence) nameBeforeWith(j int, name string, ctx *paperContext) string {
	w := j + 1 - len(strings.Fields(name)) - 1
	if w >= 0 && w+1 <= j && modelNouns[strings.ToLower(s.toks[j].text)] && !strings.EqualFold(s.toks[j].text, lastWord(name)) {
		w-- // the name ends before its model noun: "with a ResNeXt-101-FPN backbone"
	}
	for w > 0 && (plainArticles[strings.ToLower(s.toks[w].text)] || sharedPart[strings.ToLower(s.toks[w].text)] ||
		partStates[strings.ToLower(s.toks[w].text)]) {
		w--
	}
	h := w - 1
	if w >= 2 && strings.EqualFold(s.toks[w].text, "of") && strings.EqualFold(s.toks[w-1].text, "top") &&
		strings.EqualFold(s.toks[w-2].text, "on") {
		// "Hedge on top of DeBERTa-v3-large attains": the model the
		// method is added to is its part, as after "with".
		w -= 2
		h = w - 1
	} else if w < 1 || !strings.EqualFold(s.toks[w].text, "with") {
		return ""
	}
	if h < 0 || strings.EqualFold(name, ctx.method) ||
		!onlySpaces(s.text[s.toks[h].end:s.toks[w].start]) || s.blocked(s.toks[h]) {
		return ""
	}
	if h > 0 && modelNouns[strings.ToLower(s.toks[h].text)] {
		h-- // "our best RetinaNet model with a ... backbone reaches"
	}
	return s.methodEndingAt(h, ctx)
}

// ownPossessives before a model's name make it the paper's model built
// on that one: "our ViT-B/16 obtains 79.4%" in a paper whose method is
// ClusterDINO is ClusterDINO's result with a ViT-B/16.
var ownPossessives = set("our")

// othersModelAfter reports whether the subject name, before pos, follows a
// word of words (ownPossessives, processParticiples) and does not start
// with the paper's method's name ("our EfficientNet-B7" in EfficientNet's
// paper is a variant's own name).
func (s *sentence) othersModelAfter(words map[string]bool, name string, pos int, method string) bool {
	first := strings.ToLower(strings.Fields(method + " x")[0])
	if strings.HasPrefix(strings.ToLower(name), first) {
		return false
	}
	k := s.nameStart(name, pos)
	return k > 0 && words[strings.ToLower(s.toks[k-1].text)]
}

// nameStart returns the word at which the last writing of name before pos
// starts, when a word comes before it; -1 otherwise.
func (s *sentence) nameStart(name string, pos int) int {
	n := len(strings.Fields(name))
	for j := s.lastTokenBefore(pos); j-n >= 0; j-- {
		if strings.Join(tokenTexts(s.toks[j-n+1:j+1]), " ") == name {
			return j - n + 1
		}
	}
	return -1
}

// distilVerbs say a model was distilled: the teacher and the student are
// models, the result the paper's distillation's.
var distilVerbs = set("distil", "distill", "distils", "distills", "distilled", "distilling")

// distilPrepositions put a model after a distillation verb: "distilled
// from ResNet-34", "distilling ResNet-34 into ResNet-18".
var distilPrepositions = set("from", "into")

// distilledSubject reports whether the subject name, before pos, follows
// a word of distilPrepositions in a phrase opened by a word of
// distilVerbs: "a ResNet-18 student distilled from ResNet-34 obtains
// 71.4%", "distilling ResNet-34 into ResNet-18 yields 71.9%".
func (s *sentence) distilledSubject(name string, pos int) bool {
	w := s.nameStart(name, pos) - 1
	if w < 0 {
		return false
	}
	for w > 0 && plainArticles[strings.ToLower(s.toks[w].text)] {
		w--
	}
	return distilPrepositions[strings.ToLower(s.toks[w].text)] && s.wordBackInClause(w, 6, ",;", distilVerbs)
}

// processParticiples before a model's name say the paper's process was
// applied to it: "the quantised LLaMA-2-70B scores 66.9%" in a
// quantisation paper is the paper's method's result.
var processParticiples = set("quantised", "quantized", "pruned", "sparsified", "compressed")

func tokenTexts(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// appliedToWords stand between a method defined by its abbreviation and
// the model it is applied to: "gradual magnitude pruning (GMP) of ResNet-50".
var appliedToWords = set("of")

// ownerCopulas tie "the METRIC of MODEL" to the value after them.
var ownerCopulas = set("is", "was")

// copulaOwner returns the model named between "the METRIC of" and a
// copula right before r, when that metric is its first number's own (see
// cueOfOwnerEndingAt): "The AP50 of AF-RT-L is 71.9"; else "".
func (s *sentence) copulaOwner(r *run, ctx *paperContext) string {
	j := s.lastTokenBefore(r.start)
	if j < 1 || !ownerCopulas[strings.ToLower(s.toks[j].text)] || strings.TrimSpace(s.text[s.toks[j].end:r.start]) != "" ||
		s.blocked(s.toks[j-1]) {
		return ""
	}
	name := s.methodEndingAt(j-1, ctx)
	if name == "" {
		return ""
	}
	k := s.nameStart(name, s.toks[j].start)
	if k < 1 {
		return ""
	}
	before := strings.TrimRight(s.text[:s.toks[k].start], " ")
	if w := lastWord(before); plainArticles[strings.ToLower(w)] {
		before = strings.TrimRight(strings.TrimSuffix(before, w), " ")
	}
	if !strings.HasSuffix(before, " of") {
		return ""
	}
	if c := s.cueEndingAt(len(before) - len(" of")); c == nil || r.nums[0].cue != c {
		return "" // a percentage's metric is read later, and may not be this one's
	}
	return name
}

// abbreviationBeforeOf returns, for a subject name ending at word j, the
// abbreviation that a lower-case description defines in brackets right
// before a word of appliedToWords and the name: the result is that
// method's, applied to the named model, not the model's own.
func (s *sentence) abbreviationBeforeOf(j int, name string) string {
	w := j - len(strings.Fields(name))
	if w < 2 || !appliedToWords[strings.ToLower(s.toks[w].text)] {
		return ""
	}
	a, d := s.toks[w-1], s.toks[w-2]
	if strings.TrimSpace(s.text[d.end:a.start]) != "(" || strings.TrimSpace(s.text[a.end:s.toks[w].start]) != ")" ||
		d.text != strings.ToLower(d.text) || s.blocked(a) || nameKind(a.text) == notName && a.text == strings.ToLower(a.text) {
		return ""
	}
	return a.text
}

// partNouns name the part of a model another model is swapped into:
// "Scaling the backbone to Swin-L", "switching the encoder to ViT-L".
var partNouns = set("backbone", "encoder", "backbones", "encoders")

// swappedInto reports whether the name ending at word j follows a part
// noun and "to": the model a part is changed to, which the subject, a
// change the paper makes, only brings in.
func (s *sentence) swappedInto(j int, name string) bool {
	w := j - len(strings.Fields(name))
	return w >= 1 && strings.EqualFold(s.toks[w].text, "to") && partNouns[strings.ToLower(s.toks[w-1].text)]
}

// equipmentWords before a name make it what a model is built or run with,
// not the model: "and with Swin-L 58.3 PQ" is the subject's, with Swin-L.
var equipmentWords = set("with", "using")

// equipment reports whether the name ending at word j follows a word of
// equipmentWords.
func (s *sentence) equipment(j int, name string) bool {
	w := j - len(strings.Fields(name))
	for w >= 0 && plainArticles[strings.ToLower(s.toks[w].text)] {
		w--
	}
	return w >= 0 && equipmentWords[strings.ToLower(s.toks[w].text)]
}

func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// onlyVariantBefore returns the variant of the paper's method named in the
// clauses before pos, when they name exactly one; else "".
func (s *sentence) onlyVariantBefore(pos int, ctx *paperContext) string {
	found := ""
	from := 0
	if s.variantInClause == nil {
		s.variantInClause = map[[2]int]string{}
	}
	for _, b := range variantClauseBreak.FindAllStringIndex(s.text[:pos], -1) {
		// Each run reads the clauses before it again; a clause's variant
		// is read once, or a long sentence costs runs × words × datasets.
		name, ok := s.variantInClause[[2]int{from, b[0]}]
		if !ok {
			name = s.ownVariantBefore(from, b[0], ctx)
			s.variantInClause[[2]int{from, b[0]}] = name
		}
		if name != "" {
			if found != "" && !strings.EqualFold(found, name) {
				return ""
			}
			found = name
		}
		from = b[1]
	}
	return found
}

// variantClauseBreak separates the clauses that onlyVariantBefore reads.
var variantClauseBreak = regexp.MustCompile(`[,;:]`)

// comparedBeforeBracket reports whether the phrase ending at word k, before
// a bracketed number, follows a word of comparison ("outperforming",
// "than", "over") in the same clause, and returns the name in it, or ""
// when it names none ("than the supervised counterpart (76.5%)").
func (s *sentence) comparedBeforeBracket(k int) (string, bool) {
	for v := k; v >= 0 && v > k-6; v-- {
		if v < k && strings.ContainsAny(s.text[s.toks[v].end:s.toks[v+1].start], ",;:()") {
			return "", false
		}
		if !variantStops[strings.ToLower(s.toks[v].text)] {
			continue
		}
		for j := v + 1; j <= k; j++ {
			if nameKind(s.toks[j].text) == modelWord && !s.blocked(s.toks[j]) {
				if name, next := nameStartingAt(s.text, s.toks, j, s.blocked); name != "" && next <= k+1 {
					return name, true
				}
			}
		}
		return "", true
	}
	return "", false
}

// modifiedSubject returns the name that a phrase after it qualifies, when
// that phrase ends at word j, right before the verb: "EVA-02-CLIP-E/14+
// with only 9 billion seen samples achieves", "a ViT-H trained on our
// dataset achieves". The phrase opens with "with" or a participle and
// names nothing itself; "" when there is no such name.
func (s *sentence) modifiedSubject(j int, ctx *paperContext) string {
	for k := j; k > 0 && k > j-10; k-- {
		if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;:()") || nameKind(s.toks[k].text) == modelWord {
			return ""
		}
		w := strings.ToLower(s.toks[k].text)
		if w != "with" && !(strings.HasSuffix(w, "ed") && len(w) > 4) {
			continue
		}
		if nameKind(s.toks[k-1].text) == modelWord && !s.blocked(s.toks[k-1]) && onlySpaces(s.text[s.toks[k-1].end:s.toks[k].start]) {
			// A variant, not a family ("FocalNets with tiny and base size"):
			// a digit or a hyphen in the name; a size before it is not part of it.
			name := s.methodEndingAt(k-1, ctx)
			if f := strings.Fields(name); len(f) > 1 && sizePrefix.MatchString(f[0]) {
				name = strings.Join(f[1:], " ")
			}
			if !hasDigit(name) && !strings.Contains(name, "-") && !(w != "with" && s.opensContrast(k-len(strings.Fields(name)))) {
				// (A name of any shape opening a contrasted clause, with a
				// participle after it, is one model: "while IRRA trained the
				// same way reaches".)
				return ""
			}
			return name
		}
	}
	return ""
}

// opensContrast reports whether word k, past its determiners, is the
// first after a contrast word: "while IRRA", "whereas the RDE".
func (s *sentence) opensContrast(k int) bool {
	for k > 0 && determiners[strings.ToLower(s.toks[k-1].text)] {
		k--
	}
	return k > 0 && contrastWords[strings.ToLower(s.toks[k-1].text)]
}

// sizePrefix is a size written before a name: "5.0B-parameter EVA-02-CLIP-E/14+".
var sizePrefix = regexp.MustCompile(`^\d+(?:\.\d+)?[KMBT]-param(?:eter)?s?$`)

// obtainedWith returns the model that "with" or "using" names right after
// run r, past its metric and dataset ("77.1% top-1 accuracy on ImageNet
// with a ResNet-50 trained on ..."), or, for "with one", the model of the
// run before ("and 79.8% with one trained on 224x224 images"); else "".
func (s *sentence) obtainedWith(r *run) string {
	i := s.firstTokenAfter(r.end)
	for k := 0; i < len(s.toks) && k < 6 && (s.blocked(s.toks[i]) || obtainedFillers[strings.ToLower(s.toks[i].text)]); k++ {
		i++
	}
	if i+1 >= len(s.toks) || strings.ContainsAny(s.text[r.end:s.toks[i].start], ",;:()") {
		return ""
	}
	if w := strings.ToLower(s.toks[i].text); w != "with" && w != "using" {
		return ""
	}
	j := i + 1
	for j < len(s.toks) && determiners[strings.ToLower(s.toks[j].text)] {
		j++
	}
	if j >= len(s.toks) {
		return ""
	}
	if strings.EqualFold(s.toks[j].text, "one") {
		for _, o := range s.runs {
			if o.end <= r.start && o.fromBackbone {
				return o.method
			}
		}
		return ""
	}
	if nameKind(s.toks[j].text) != modelWord || s.blocked(s.toks[j]) {
		return ""
	}
	name, _ := nameStartingAt(s.text, s.toks, j, s.blocked)
	return name
}

// obtainedFillers may stand between a run and the "with" that names its
// model: "77.1% top-1 accuracy on ImageNet with".
var obtainedFillers = set("on", "the", "in", "accuracy")

// keeperOf returns the method that keeps the model or models ending at
// word k at a score ("SALQ keeps Llama-3-8B at", "RotQ keeps DeiT-S,
// DeiT-B and Swin-S at"): the named subject of a keep verb right before
// them, or "".
func (s *sentence) keeperOf(k int, ctx *paperContext) string {
	for j := k; j > 0 && k-j < 12; j-- {
		if strings.ContainsAny(s.text[s.toks[j-1].end:s.toks[j].start], ";()") {
			return ""
		}
		w := s.toks[j-1].text
		if keepVerbs[strings.ToLower(w)] {
			if j < 2 || s.blocked(s.toks[j-2]) {
				return ""
			}
			return s.methodEndingAt(j-2, ctx)
		}
		if !strings.EqualFold(w, "and") && nameKind(w) == notName {
			return ""
		}
	}
	return ""
}

// fullPrecisionBracket is what stands between a score of a model brought
// to it by the paper's method and a value in brackets after it that is the
// model's own: "... on ImageNet-1K (full precision: ", " (".
var fullPrecisionBracket = regexp.MustCompile(`(?i)^[^;()]*\(\s*(?:(?:full[ -]precision|FP16|FP32|BF16)\s*:\s*)?$`)

// unquantisedInBracket returns the model the run before r was brought to
// its score from, when r is in brackets right after it, alone or labelled
// as full precision; "" otherwise.
func (s *sentence) unquantisedInBracket(r *run) string {
	prev := s.keptRunBefore(r)
	if prev == nil || prev.source != fromSubject || prev.appliedTo == "" || len(r.nums) != 1 ||
		!fullPrecisionBracket.MatchString(s.text[prev.end:r.start]) {
		return ""
	}
	return prev.appliedTo
}

// transferOf returns the method that brings the model ending at word k
// to the score of run r: the named subject of a transfer verb right
// before the model ("HadaViT quantises DeiT-B to"), or, for a model after
// "and" ("..., and Swin-S to 80.6%", "and quantizes Swin-S to"), the
// method of an earlier run of the sentence read so. "" otherwise.
func (s *sentence) transferOf(k int, r *run, ctx *paperContext) string {
	name := s.methodEndingAt(k, ctx)
	j := k + 1 - len(strings.Fields(name)) // first word of the name
	if j < 2 || strings.ContainsAny(s.text[s.toks[j-1].end:s.toks[j].start], ";()") {
		return ""
	}
	v := strings.ToLower(s.toks[j-1].text)
	if transferVerbs[v] || keepVerbs[v] {
		if s.blocked(s.toks[j-2]) {
			return ""
		}
		if subject := s.methodEndingAt(j-2, ctx); subject != "" {
			return subject
		}
		if !strings.EqualFold(s.toks[j-2].text, "and") {
			return ""
		}
	} else if v != "and" {
		return ""
	}
	for i := len(s.runs) - 1; i >= 0; i-- {
		o := s.runs[i]
		if o.end > r.start || o == r {
			continue
		}
		if strings.Contains(s.text[o.end:r.start], ";") {
			return ""
		}
		if !o.dropped && o.source == fromSubject && o.appliedTo != "" {
			return o.method
		}
	}
	return ""
}

// countedModels returns how many models a subject ending at word j counts
// ("the four models", "the same three variants"), or 0 when it counts none.
func (s *sentence) countedModels(j int) int {
	if j < 1 || !countedNouns[strings.ToLower(s.toks[j].text)] {
		return 0
	}
	return countWords[strings.ToLower(s.toks[j-1].text)]
}

// pluralDeterminers open a plural subject that points back without
// counting: "the models", "these variants".
var pluralDeterminers = set("the", "these", "all", "our")

// pluralModelsSubject reports whether a subject ending at word j is "they"
// or models named in the plural without a count ("the models", "these
// variants"), which stand for names written before.
func (s *sentence) pluralModelsSubject(j int) bool {
	w := strings.ToLower(s.toks[j].text)
	return w == "they" || countedNouns[w] && j >= 1 && pluralDeterminers[strings.ToLower(s.toks[j-1].text)]
}

// pluralSubjectBefore reports whether the verb at word i has a plural
// subject that names or counts models: a list of names ("A, B and C
// score") or counted models ("the three models score").
func (s *sentence) pluralSubjectBefore(i int, ctx *paperContext) bool {
	j := i - 1
	for j >= 0 && adverbs[strings.ToLower(s.toks[j].text)] {
		j--
	}
	return j >= 0 && (s.subjectList(j, ctx) != nil || s.countedModels(j) > 0)
}

// runMethods returns the distinct names the sentence's kept runs are
// given, in order ("FedLoc reaches 51.3%, compared with 38.7% for FedAvg,
// 40.2% for FedProx and 45.9% for MOON"), or nil when a run has none.
func (s *sentence) runMethods() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.runs {
		if r.dropped {
			continue
		}
		names := r.methods
		if names == nil {
			names = []string{r.method}
		}
		for _, m := range names {
			if m == "" {
				return nil
			}
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// lastNameList returns the last list of names the sentence writes ("in
// four sizes, Kestrel-1B, Kestrel-7B, Kestrel-13B and Kestrel-34B"), for
// counted models in a later sentence to stand for, or nil.
func (s *sentence) lastNameList(ctx *paperContext) []string {
	for j := len(s.toks) - 1; j >= 0; j-- {
		if s.blocked(s.toks[j]) {
			continue
		}
		if l := s.subjectList(j, ctx); l != nil {
			return l
		}
	}
	return nil
}

// spreadOver gives the run's numbers the names of a list, one each in
// order, when there are as many; it reports whether it did.
func (r *run) spreadOver(names []string) bool {
	if len(names) < 2 || len(names) != len(r.nums) {
		return false
	}
	r.method, r.methods = names[len(names)-1], names
	return true
}

// listStartingAt returns the list of names whose first, name, ends right
// before word next ("Swin-T, Swin-S and Swin-B"), or nil.
func (s *sentence) listStartingAt(name string, next int, ctx *paperContext) []string {
	for e := next; e < len(s.toks) && e < next+12; e++ {
		if strings.ContainsAny(s.text[s.toks[e-1].end:s.toks[e].start], ";()") {
			return nil
		}
		if l := s.subjectList(e, ctx); l != nil && strings.EqualFold(l[0], name) {
			return l
		}
	}
	return nil
}

// studentBeforeTeacher returns the student a subject names before the
// teacher ending at word j ("a ResNet-18 student taught by ResNet-34
// achieves"): the score is the student's, not the teacher's. "" when the
// name is not written so.
func (s *sentence) studentBeforeTeacher(j int, name string) string {
	k := j + 1 - len(strings.Fields(name)) // first word of the name
	if k < 4 {
		return ""
	}
	if !teacherPhrases[strings.ToLower(s.toks[k-2].text+" "+s.toks[k-1].text)] ||
		!studentNouns[strings.ToLower(s.toks[k-3].text)] || s.blocked(s.toks[k-4]) ||
		strings.ContainsAny(s.text[s.toks[k-4].end:s.toks[k-1].end], ",;:()") {
		return ""
	}
	return nameEndingAt(s.text, s.toks, k-4, s.blocked)
}

// versionedFamily matches a family name that ends in a version written as
// a word of its own ("Gemma 2", "Llama 3.1"): its sizes are written after
// it as words too ("Gemma 2 27B").
var versionedFamily = regexp.MustCompile(` \d+(?:\.\d+)?$`)
