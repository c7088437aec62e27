package extract

import (
	"regexp"
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
	"rises", "rose", "stays", "remains", "trails", "lags", "averages", "averaged", "gives", "gave")

var adverbs = set("also", "still", "only", "now", "further", "then", "consistently", "even",
	"thus", "therefore", "already", "clearly")

// forModifiers may stand between "for" and a name: "for the original CLIP ViT-B/16".
var forModifiers = set("the", "its", "their", "a", "an", "original", "vanilla", "dense", "full",
	"standard", "plain", "same", "strong", "popular", "default", "published", "public")

var possessiveFillers = set("of", "on", "in", "a", "an", "the", "only", "just")

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

var contrastWords = set("whereas", "while", "whilst", "but", "unlike", "although", "though")

var relativePronouns = set("which", "who", "that")

// pronouns that stand for the subject of an earlier sentence.
var pronouns = set("it", "It")

// attachMethods decides whose result each kept run is, then remembers the
// subject of the sentence for an "it" in the next.
func (s *sentence) attachMethods(ctx *paperContext) {
	for _, r := range s.runs {
		if !r.dropped && !r.namedByChange {
			s.findMethod(r, ctx)
		}
	}
	for _, r := range s.runs {
		if r.namedByChange {
			s.nameFromChange(r)
		}
	}
	for _, r := range s.runs {
		if !r.dropped && r.source == fromSubject && !r.fromPronoun {
			ctx.lastSubject = r.method
		}
	}
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
			if name := nameEndingAt(s.text, s.toks, i, s.blocked); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
			if genericOthers[strings.ToLower(base)] {
				r.dropped = true
				return
			}
		}
	}
	if j := s.lastTokenBefore(r.start); j >= 0 {
		gap := strings.TrimSpace(s.text[s.toks[j].end:r.start])
		if gap == "(" || gap == "" && strings.EqualFold(s.toks[j].text, "at") && j > 0 {
			k := j
			if gap == "" {
				k = j - 1
			}
			if name := nameEndingAt(s.text, s.toks, k, s.blocked); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
			if gap == "(" && s.ownSubject(k) {
				r.method, r.source = ctx.ownMethod(), fromOwn // "our model (81.2%)"
				return
			}
			if w := strings.ToLower(s.toks[k].text); gap == "(" && (genericOthers[w] || modelNouns[w] || othersWords[w]) {
				r.dropped = true // "its base model (66.6%)": someone unnamed
				return
			}
		}
		// A name right before the number, its verb left out: "BERT-large
		// obtains 81.9 and ALBERT-xxlarge 90.0".
		if gap == "" && nameKind(s.toks[j].text) == modelWord && !s.blocked(s.toks[j]) {
			if name := nameEndingAt(s.text, s.toks, j, s.blocked); name != "" {
				r.method, r.source = name, fromNamed
				return
			}
		}
	}
	if s.methodAfter(r) {
		return
	}
	if r.compared {
		r.dropped = true // "67.5% versus 60.2%": whose 60.2%?
		return
	}
	s.subjectMethod(r, ctx)
	if r.source == fromPaper && !r.dropped && ctx.method != "" {
		// No verb led to a subject ("ViT-Cal-B reduces ... while keeping
		// 81.6%"): a variant of the paper's method that opens the clause.
		name := s.clauseOpeningName(s.lastTokenBefore(r.start))
		if len(name) > len(ctx.method) && strings.HasPrefix(strings.ToLower(name), strings.ToLower(ctx.method)) {
			r.method, r.source = name, fromSubject
		}
	}
	if r.source == fromSubject && ctx.method != "" && !strings.EqualFold(r.method, ctx.method) &&
		(s.withOwnMethod(ctx.method) || s.trainedWithOwn(ctx.method, r.start)) {
		// "With ViT-Adapter-L, a plain ViT reaches 60.9 box AP": the
		// result of the paper's method applied to a model is the paper's.
		r.method, r.source = ctx.method, fromPaper
	}
}

// withOwnMethod reports whether the sentence opens by applying the paper's
// own method ("With ViT-Adapter-L, a plain ViT reaches ...").
func (s *sentence) withOwnMethod(method string) bool {
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

// methodAfter reads "... 63.4% for Llama 2 13B" and "... for its teacher".
func (s *sentence) methodAfter(r *run) bool {
	i := s.firstTokenAfter(r.end)
	if i >= len(s.toks) || !strings.EqualFold(s.toks[i].text, "for") ||
		strings.ContainsAny(s.text[r.end:s.toks[i].start], ";()") {
		return false
	}
	j := i + 1
	for j < len(s.toks) && j-i <= 3 && forModifiers[strings.ToLower(s.toks[j].text)] {
		j++
	}
	if j < len(s.toks) {
		if name, next := nameStartingAt(s.text, s.toks, j, s.blocked); name != "" {
			if next < len(s.toks) && set("baseline", "baselines")[strings.ToLower(s.toks[next].text)] {
				r.dropped = true
				return true
			}
			r.method, r.source = name, fromNamed
			return true
		}
	}
	for k := j; k < len(s.toks) && k < j+4; k++ {
		w := strings.ToLower(s.toks[k].text)
		if genericOthers[w] || modelNouns[w] {
			r.dropped = true // "83.6 for its 24-layer teacher", "0.3% for the 125M model"
			return true
		}
	}
	return false
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
			if o.namedByChange {
				continue // "lifts accuracy from 45.3% to 48.9%": go on to the verb
			}
			if o.source == fromSubject || o.source == fromOwn {
				r.method, r.source = o.method, o.source
			}
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
		if !scoreVerbs[strings.ToLower(t.text)] {
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
		j = s.skipRelativeClause(j, i)
		if pronouns[s.toks[j].text] && ctx.method == "" && ctx.lastSubject != "" {
			// "MiM averages 86.2% accuracy. Per task, it scores 81.0% on ...":
			// a paper with no named method of its own goes on about the
			// subject of the sentence before.
			r.method, r.source, r.fromPronoun = ctx.lastSubject, fromSubject, true
			return
		}
		if !s.blocked(s.toks[j]) {
			if name := nameEndingAt(s.text, s.toks, j, s.blocked); name != "" {
				r.method, r.source = name, fromSubject
				return
			}
			if s.ownSubject(j) {
				// "This simple baseline achieves", "our model reaches", "it
				// attains": a description of the paper's own method.
				r.method, r.source = ctx.ownMethod(), fromOwn
				return
			}
			if genericOthers[strings.ToLower(s.toks[j].text)] {
				r.dropped = true
				return
			}
		}
		// "the IRRA model attains", "ResNet-50 models trained on ... reach":
		// a name before a model noun earlier in the clause.
		for k := j; k > 0; k-- {
			if strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",;") {
				break
			}
			if modelNouns[strings.ToLower(s.toks[k].text)] {
				if name := nameEndingAt(s.text, s.toks, k-1, s.blocked); name != "" {
					r.method, r.source = name, fromSubject
					return
				}
			}
		}
		if s.unnamedOtherSubject(j) {
			r.dropped = true
		}
		return
	}
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
	if name, _ := nameStartingAt(s.text, s.toks, k, s.blocked); name != "" {
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
	if nameKind(s.toks[k].text) != modelWord {
		return "" // "Across 12 tasks" is no name; "ResNet-50" and "Llama 3" are
	}
	name, next := nameStartingAt(s.text, s.toks, k, s.blocked)
	if name == "" || next >= j || nameKind(s.toks[next].text) != notName {
		return ""
	}
	return name
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
	if k >= 0 && determiners[strings.ToLower(s.toks[k].text)] {
		k--
	}
	return k >= 0 && contrastWords[strings.ToLower(s.toks[k].text)]
}

// skipRelativeClause moves the subject word j of the verb at i past a
// relative clause to the name it describes: "MobileViT-XS, which reaches",
// "CLIP ViT-B/32, which is 3.3× larger, reaches".
func (s *sentence) skipRelativeClause(j, verb int) int {
	commaBefore := func(k int) bool {
		return k > 0 && strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ",")
	}
	if relativePronouns[strings.ToLower(s.toks[j].text)] && commaBefore(j) {
		return j - 1
	}
	if !strings.Contains(s.text[s.toks[j].end:s.toks[verb].start], ",") {
		return j
	}
	for k := j; k > 0 && k > j-8; k-- {
		if relativePronouns[strings.ToLower(s.toks[k].text)] && commaBefore(k) {
			return k - 1
		}
	}
	// A phrase set off by commas: "YOLOv8-S, by comparison, reaches".
	if nameEndingAt(s.text, s.toks, j, s.blocked) == "" {
		for k := j; k > 0 && k > j-4; k-- {
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
}
