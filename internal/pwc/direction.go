package pwc

import (
	"strings"
	"unicode"
)

// lowerIsBetter lists the words and phrases whose presence in a metric
// name means smaller numbers are better. Each entry is matched as whole
// words, so "Answer" does not contain "WER" and "mAP" stays higher-better.
var lowerIsBetter = [][]string{
	{"error"}, {"errors"}, {"err"}, {"loss"}, {"losses"},
	{"perplexity"}, {"ppl"}, {"nll"},
	{"wer"}, {"cer"}, {"ter"}, // word, character, translation error rates
	{"mae"}, {"mse"}, {"rmse"}, {"mape"},
	{"fid"}, {"fvd"}, {"kid"}, // Fréchet / kernel inception distances
	{"latency"}, {"time"}, {"runtime"}, {"seconds"}, // not "ms": MS-SSIM is higher-better
	{"eer"}, {"fpr"}, {"false", "positive"}, {"false", "positives"}, {"miss", "rate"},
	// Compression-style scores: entropy, and bits (or nats) per
	// character, byte or dimension ("bits/dim", "bits_per_byte").
	{"entropy"}, {"bits", "per"}, {"bit", "per"}, {"bits", "dim"}, {"bits", "dimension"},
	{"nats", "per"}, {"nats", "dim"}, {"bpc"}, {"bpd"}, {"bpb"},
	{"distance"},
	{"mean", "rank"}, {"mr"}, {"median", "rank"}, {"medr"},
	{"forgetting"}, // continual learning: how much of an old task was lost
	{"params"}, {"param"}, {"parameters"}, {"model", "size"},
	{"flops"}, {"gflops"}, {"mflops"}, {"tflops"}, {"macs"}, {"gmacs"}, {"mmacs"},
}

// InferDirection guesses from a metric's name whether higher values are
// better; the evaluation-tables format does not say. The guess is "lower"
// when the name contains, as whole words and in any case, an error, loss,
// perplexity, entropy, bits-per-unit, distance, forgetting, time or size
// term (see lowerIsBetter), and "higher" otherwise.
//
// It is a guess: callers must store every inferred direction as needing
// review (model.Metric.DirectionNeedsReview) so a person confirms it.
func InferDirection(metricName string) (higherIsBetter bool) {
	words := splitWords(metricName)
	for _, phrase := range lowerIsBetter {
		if containsPhrase(words, phrase) {
			return false
		}
	}
	return true
}

// IsSizeMetric reports whether a metric column gives the model's
// parameter count ("Number of params", "#Params", "Parameters (M)")
// rather than a score. Parse puts such a cell in Row.Params instead of
// Row.Values. Compute columns (FLOPs, MACs) are scores and stay results.
func IsSizeMetric(metricName string) bool {
	words := splitWords(metricName)
	for _, phrase := range [][]string{{"params"}, {"param"}, {"parameters"}} {
		if containsPhrase(words, phrase) {
			return true
		}
	}
	return false
}

// splitWords lower-cases s and cuts it into runs of letters or of
// digits. It also cuts where a lower-case letter meets an upper-case one,
// so "TestLoss", "FPR95" and "FID50k" are found; runs of capitals
// ("RMSE", "GFLOPs") stay whole.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	var prev rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			prev = 0
			continue
		}
		if len(cur) > 0 && (unicode.IsDigit(r) != unicode.IsDigit(prev) || unicode.IsLower(prev) && unicode.IsUpper(r)) {
			flush()
		}
		cur = append(cur, r)
		prev = r
	}
	flush()
	return words
}

func containsPhrase(words, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(words); i++ {
		match := true
		for j, p := range phrase {
			if words[i+j] != p {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
