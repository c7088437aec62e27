package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// number is a number in a sentence that may be a score.
type number struct {
	start, end int    // the number, with a "%" written after it
	raw        string // s[start:end]
	value      float64
	pct        bool
	after      int // where the text after the number, its unit and any "± 0.6%" begins

	cue      *cue // the metric written right next to it ("81.2% top-1", "F1 of 80.2")
	cueAfter bool // cue follows the number
	rangeEnd bool
	from     bool    // "from 79.8% to 80.6%": the value before the change
	to       *number // and the value after it, whose metric and dataset it shares
	dropped  bool
	setting  string // "zero-shot", "linear probe", ...: see attachSettings
	// otherMetric marks a number written with a metric that is not among
	// the cues ("45.2 AR100"): it may show an unknown dataset, but it is
	// never a score in a metric borrowed from elsewhere.
	otherMetric bool
	// version marks the version of the dataset named right before it
	// ("SQuAD 1.1"): never a score.
	version bool
	// parameter marks a parameter of the evaluation named right before it
	// ("at radius 0.5"): never a score, though, like a version, it still
	// shows that an unknown name it is written with is a benchmark.
	parameter bool

	// Filled in by resolve.
	metric           string
	dataset          *mention
	carriedCondition string // the changed setting of the sentence its dataset was carried from
	mOrigin, dOrigin origin
}

var (
	numberRe = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`)
	percent  = regexp.MustCompile(`^ ?(?:%|percent\b|per cent\b)`)
	// plusMinus is the spread after a mean: "89.4 ± 0.6%".
	plusMinus = regexp.MustCompile(`^\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?\s*(%?)`)
	// rangeDash joins the two ends of a range: "72.1–78.4%", "1-3%".
	rangeDash = regexp.MustCompile(`^[-–—]\d`)
	// countWord follows a count, a size or a cost, never a score:
	// "13 billion", "12 epochs", "4 times", "3.4 GFLOPs", "2 ms", and
	// energy and power: "0.9 Wh", "6 W".
	countWord = regexp.MustCompile(`^\s*(?:[BMKTG]\b|billion|million|thousand|trillion|x\b|×|times\b|` +
		`epochs?\b|layers?\b|parameters\b|params\b|tokens\b|images\b|pairs\b|samples\b|examples\b|` +
		`hours\b|GPU|TPU|days\b|steps\b|iterations\b|subjects\b|papers\b|families\b|tasks\b|datasets\b|` +
		`benchmarks\b|classes\b|categories\b|languages\b|FPS\b|fps\b|ms\b|s\b|seconds\b|minutes\b|` +
		`bp\b|base pairs\b|nucleotides\b|[MGKT]B\b|[GT]?FLOPs\b|MACs\b|px\b|heads\b|blocks\b|stages\b|` +
		`runs\b|seeds\b|shots\b|identities\b|frames\b|queries\b|words\b|sentences\b|documents\b|` +
		`questions\b|videos\b|[km]?Wh\b|[km]?W\b|watts?\b)`)
	// before* read the words right before a number.
	beforeBetween = regexp.MustCompile(`(?i)\bbetween\s*$`)
	beforeFrom    = regexp.MustCompile(`(?i)\bfrom\s*$`)
	beforeRanging = regexp.MustCompile(`(?i)\brang(?:e|es|ed|ing)\s+from\s*$`)
	// beforeEquals is a statistic's symbol set to the number: "Spearman ρ
	// = 0.31", "r = 0.38". A correlation, not a score.
	beforeEquals = regexp.MustCompile(`(?:\p{Greek}|\b[a-zA-Z])\s*=\s*$`)
	// beforeParameter is a parameter of the evaluation named right before
	// the number: "certified at radius 0.5", "at an ℓ2 radius of 1.0",
	// "with noise level 0.25". A setting, not a score.
	beforeParameter = regexp.MustCompile(`(?i)\b(?:` + strings.Join(parameterNouns, "|") + `)\s+(?:of\s+)?$`)
)

// parameterNouns name a parameter an evaluation is run at.
var parameterNouns = []string{"radius", "radii", `noise\s+levels?`}

// scanNumbers returns the numbers of s that could be scores. It leaves out
// digits inside words and names ("ResNet-50", "v2", "Llama 3", "R@1"),
// signed numbers ("+1.7%", "-0.3"), sizes and counts ("13B", "2B pairs",
// "12 epochs"), multipliers ("4×", "3x"), and years. protected spans are
// datasets and metrics, whose digits belong to their names.
func scanNumbers(s string, protected func(start, end int) bool) []*number {
	var out []*number
	locs := numberRe.FindAllStringIndex(s, -1)
	for i := 0; i < len(locs); i++ {
		a, b := locs[i][0], locs[i][1]
		if protected(a, b) || partOfWord(s, a) {
			continue
		}
		if len(out) > 0 && a < out[len(out)-1].after {
			continue // the "0.6" of "89.4 ± 0.6%", read with the number before
		}
		// A range written with a dash: both ends take the unit of the second.
		if rangeDash.MatchString(s[b:]) && i+1 < len(locs) && locs[i+1][0] == b+len(string([]rune(s[b:])[0])) {
			lo := newNumber(s, a, b)
			hi := newNumber(s, locs[i+1][0], locs[i+1][1])
			i++
			if lo == nil || hi == nil || followedByCount(s, hi) {
				continue
			}
			// The low end's Raw stays the number alone ("72.1" of "72.1–78.4%").
			lo.pct, lo.after, lo.rangeEnd, hi.rangeEnd = hi.pct, hi.after, true, true
			out = append(out, lo, hi)
			continue
		}
		// A fraction of whole numbers over a denominator no score reaches,
		// "ε = 8/255", is a perturbation budget or a ratio: neither end
		// is a score.
		if i+1 < len(locs) && wholeFraction(s, locs[i], locs[i+1]) {
			i++
			continue
		}
		n := newNumber(s, a, b)
		// beforeEquals reads only the text right before the number: on
		// the whole prefix, it made a long sentence cost its length
		// squared.
		if n == nil || followedByCount(s, n) || beforeEquals.MatchString(window(s, a)) {
			continue
		}
		if !n.pct && (isYear(n) || afterName(s, a, protected) && !scoreShaped(n)) {
			continue
		}
		out = append(out, n)
	}
	markRanges(s, out)
	return out
}

// wholeFraction reports whether the numbers at num and den are one
// fraction of whole numbers, "8/255", whose denominator is above 100: a
// list of scores joined by slashes ("44.8/71.9", "74/89") stays within 100.
func wholeFraction(s string, num, den []int) bool {
	if den[0] != num[1]+1 || s[num[1]] != '/' {
		return false
	}
	a, b := s[num[0]:num[1]], s[den[0]:den[1]]
	if strings.ContainsAny(a+b, ".,") || strings.HasPrefix(s[den[1]:], "%") {
		return false
	}
	v, err := strconv.Atoi(b)
	return err == nil && v > 100
}

// gluedMetric is a metric written onto its number: "49.4AP", "52.1PQ".
var gluedMetric = regexp.MustCompile(`^(?:m?APs?|PQ|mIoU)\b`)

// newNumber reads the number at s[a:b] with its unit, or returns nil when the
// digits run on into a word ("13B", "224px", "5-shot", "3x") or the value
// is not finite.
func newNumber(s string, a, b int) *number {
	rest := s[b:]
	r, size := utf8.DecodeRuneInString(rest)
	if (unicode.IsLetter(r) || r == '×' || r == '_') && !gluedMetric.MatchString(rest) {
		return nil
	}
	if r == '-' && size < len(rest) {
		if r2, _ := utf8.DecodeRuneInString(rest[size:]); unicode.IsLetter(r2) {
			return nil
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[a:b], ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	n := &number{start: a, end: b, value: v, after: b}
	if m := percent.FindString(rest); m != "" {
		n.pct = true
		if strings.HasSuffix(m, "%") {
			n.end = b + len(m)
		}
		n.after = b + len(m)
	}
	if m := plusMinus.FindStringSubmatch(s[n.after:]); m != nil {
		n.after += len(m[0])
		if m[1] != "" {
			n.pct = true
		}
	}
	n.raw = s[n.start:n.end]
	return n
}

// partOfWord reports whether the number at a continues a word or a name
// ("ResNet-50", "v2", "R@1", "0.0.3"), or has a sign ("+1.7%", " -0.3").
func partOfWord(s string, a int) bool {
	if a == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:a])
	if prev == '/' && a >= 2 && (s[a-2] == '%' || s[a-2] >= '0' && s[a-2] <= '9') {
		// A list of numbers, "80.4%/95.1%", "88.9/91.4 EM/F1", unless the
		// number before the slash is part of a name: "ResNet-50/101".
		j := a - 1
		for j > 0 && (s[j-1] >= '0' && s[j-1] <= '9' || s[j-1] == '.') {
			j--
		}
		return s[a-2] != '%' && partOfWord(s, j)
	}
	switch {
	case wordBefore(s[:a]):
		return true
	case strings.ContainsRune("_@/.\\+±↑↓Δ∼^", prev):
		return true
	case (prev == '\'' || prev == '’') && wordBefore(s[:a-len(string(prev))]):
		// An apostrophe inside a word is part of it for the tokenizer
		// ("ResNet'81"), so the digits after it are too; an opening quote
		// ("'81.2%") is not.
		return true
	case strings.ContainsRune("-–—−", prev):
		// "ResNet-50" and "72.1–78.4" (read as a range elsewhere), or a
		// minus sign: either way not a score of its own.
		return true
	}
	return false
}

// wordBefore reports whether s ends in a letter or a digit.
func wordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func followedByCount(s string, n *number) bool {
	return !n.pct && countWord.MatchString(s[n.after:])
}

func isYear(n *number) bool {
	return !strings.Contains(n.raw, ".") && n.value >= 1900 && n.value <= 2100
}

// scoreShaped is a decimal of 10 or more: after a name it is that model's
// score ("and ALBERT-xxlarge 90.0"), where versions are small ("vLLM 0.4",
// "GPT 3.5") and sizes carry a unit.
func scoreShaped(n *number) bool {
	return strings.Contains(n.raw, ".") && n.value >= 10
}

// afterName reports whether a bare number follows a name word, as versions
// and sizes do: "Llama 3", "vLLM 0.4", "Table 2". A metric before the number
// ("BLEU 28.4") is not a name.
func afterName(s string, a int, protected func(start, end int) bool) bool {
	before := s[:a]
	if !strings.HasSuffix(before, " ") {
		return false
	}
	before = before[:len(before)-1]
	i := strings.LastIndexAny(before, " ([,;:")
	word := before[i+1:]
	if word == "" || !hasUpper(word) {
		return false
	}
	return !protected(i+1, len(before))
}

// markRanges marks "between 72.1% and 78.4%" and "ranging from 72.1% to
// 78.4%" as ranges, and the first value of "from 79.8% to 80.6%" as a
// value before a change.
func markRanges(s string, nums []*number) {
	for i, n := range nums {
		if n.rangeEnd {
			continue // the high end of a range already marked
		}
		before := window(s, n.start)
		var next *number
		if i+1 < len(nums) {
			next = nums[i+1]
		}
		gap := ""
		if next != nil && n.after <= next.start {
			gap = strings.TrimSpace(s[n.after:next.start])
		}
		switch {
		case beforeBetween.MatchString(before) && next != nil && gap == "and":
			setRange(n, next)
		case beforeRanging.MatchString(before) && next != nil && gap == "to":
			setRange(n, next)
		case beforeFrom.MatchString(before):
			n.from = true
			if next != nil && gap == "to" {
				n.to = next
			}
		case strings.HasSuffix(strings.TrimSpace(before), "(") && next != nil && gap == "to":
			// "on Human Enhancers Cohn (74.3% to 77.9%)": a change, as with "from".
			n.from, n.to = true, next
		}
	}
}

// window returns the text before pos, cut to the last 200 bytes: the phrases
// read before a number are short, and reading the whole prefix for every
// number would make long sentences slow.
func window(s string, pos int) string {
	from := max(0, pos-200)
	for from > 0 && from < pos && !utf8.RuneStart(s[from]) {
		from++
	}
	return s[from:pos]
}

func setRange(lo, hi *number) {
	lo.rangeEnd, hi.rangeEnd = true, true
	if hi.pct && !lo.pct {
		lo.pct = true
	}
}
