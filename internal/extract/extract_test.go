package extract

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"It reaches 81.2% on ImageNet. It is fast.", []string{"It reaches 81.2% on ImageNet.", "It is fast."}},
		{"Methods, e.g. CLIP, help. Others do not.", []string{"Methods, e.g. CLIP, help.", "Others do not."}},
		{"X beats Y (81.2% vs. 79.8%). Done.", []string{"X beats Y (81.2% vs. 79.8%).", "Done."}},
		{"As Smith et al. Showed, it works.", []string{"As Smith et al. Showed, it works."}},
		{"On Human vs. Worm it wins. Next.", []string{"On Human vs. Worm it wins.", "Next."}},
		{"Is it? Yes! 5 runs agree.", []string{"Is it?", "Yes!", "5 runs agree."}},
		{"Version v0.0.3. The end", []string{"Version v0.0.3.", "The end"}},
		{"  spaced\n  out.  ", []string{"spaced out."}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Block
	}{
		{
			name: "listing",
			in:   "A: First\nAbstract one.\n\n\nB: Second\r\nAbstract two\r\ncontinues.\n",
			want: []Block{{"A: First", "Abstract one."}, {"B: Second", "Abstract two continues."}},
		},
		{
			name: "lone abstract",
			in:   "We propose X. It reaches 81.2% top-1 on ImageNet.",
			want: []Block{{"", "We propose X. It reaches 81.2% top-1 on ImageNet."}},
		},
		{
			name: "hard-wrapped abstract without a title",
			in:   "We propose X, a new\nmethod that reaches 81.2% top-1\non ImageNet.",
			want: []Block{{"", "We propose X, a new method that reaches 81.2% top-1 on ImageNet."}},
		},
		{
			name: "a blank line under each title",
			in:   "X-Net: A Title\n\nWe propose X-Net. It reaches 81.2%.\n\nY: Another\n\nAbstract: We study Y.",
			want: []Block{{"X-Net: A Title", "We propose X-Net. It reaches 81.2%."}, {"Y: Another", "We study Y."}},
		},
		{
			name: "a lone line before a titled block stays a block",
			in:   "We reach 81.2% on ImageNet\n\nB: Second\nAbstract two.",
			want: []Block{{"", "We reach 81.2% on ImageNet"}, {"B: Second", "Abstract two."}},
		},
		{
			name: "abstract label",
			in:   "X: A Title\nAbstract: We study it.",
			want: []Block{{"X: A Title", "We study it."}},
		},
	}
	for _, tt := range tests {
		if got := Blocks(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Blocks = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// extractOne runs Extract on one paper titled "Foo: A Method".
func extractOne(abstract string) Result {
	return Extract("Foo: A Method\n"+abstract, knownDatasets)
}

func describe(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		s := c.Method + " | " + c.Dataset + " | " + c.Metric + " | " + c.Raw
		if c.RangeEnd {
			s += " | range"
		}
		out = append(out, s)
	}
	return out
}

// TestNotScores holds hard negatives of every kind: none may be read as a score.
func TestNotScores(t *testing.T) {
	tests := []struct{ kind, text string }{
		{"gain", "Foo improves top-1 accuracy on ImageNet by 2.4%."},
		{"gain", "Foo gains +1.7% top-1 accuracy on ImageNet."},
		{"gain", "On ImageNet, Foo yields a 2.4% top-1 improvement."},
		{"gain", "Foo brings relative gains of 3.0% in accuracy on CIFAR-100."},
		{"delta", "Foo outperforms DeiT-B by 3.1% top-1 accuracy on ImageNet."},
		{"delta", "Foo is 1.3% higher in top-1 accuracy than DeiT-S on ImageNet."},
		{"delta", "On MMLU, Foo improves accuracy by 6 points."},
		{"delta", "On COCO, Foo beats DINO by 1.2 box AP."},
		{"delta", "Foo's Rank-1 on CUHK-PEDES is 2.1 points above IRRA."},
		{"delta", "Foo trails the teacher by 0.4% accuracy on CIFAR-100."},
		{"delta", "On RSTPReid the Rank-1 accuracy changes by -0.3%."},
		{"loss", "With 30% of its labels flipped, Foo loses only 2.3% top-1 accuracy on CIFAR-100."},
		{"loss", "Without the gate, Foo-S loses 1.4 box AP on COCO."},
		{"gain", "The attribute branch alone contributes 1.6% R@1 on CUHK-PEDES."},
		{"gain", "Mask-level supervision from SAM brings a further 0.8 mask AP on COCO."},
		{"other metric", "On ImageNet, Foo reduces the expected calibration error (ECE) of DeiT-S from 0.052 to 0.017 at unchanged top-1 accuracy."},
		{"other metric", "The MCC on Human OCR Ensembl rises from 0.52 for DNABERT-2 to 0.61."},
		{"other metric", "Foo obtains the highest MCC on every dataset, including 0.561 on Human Enhancers Cohn and 0.712 on Mouse Enhancers."},
		{"cost", "Foo cuts memory use by 60% with unchanged accuracy on ImageNet."},
		{"cost", "Foo needs only 40% of the FLOPs of ViT-B at equal top-1 accuracy on ImageNet."},
		{"cost", "Scheduling overhead on ImageNet training is below 2% of the top-1 accuracy budget."},
		{"saving", "Foo saves 38% of the training cost on ImageNet at the same top-1 accuracy."},
		{"saving", "Foo uses 25% fewer parameters than DeiT-S at the same ImageNet top-1 accuracy."},
		{"fraction", "Foo masks 75% of the patches when pre-training on ImageNet for top-1 accuracy."},
		{"fraction", "With a pruning ratio of 50%, accuracy on CIFAR-100 holds."},
		{"size", "Foo is a 13B model that is evaluated on MMLU accuracy."},
		{"size", "Foo is trained on 2B image-text pairs and evaluated by top-1 accuracy on ImageNet."},
		{"size", "Foo reads 1M tokens of context and answers MMLU with high accuracy."},
		{"count", "Foo is fine-tuned for 300 epochs on ImageNet for top-1 accuracy."},
		{"count", "Foo averages accuracy over 57 subjects of MMLU."},
		{"speed-up", "Foo is 3x faster than DeiT-S at equal top-1 accuracy on ImageNet."},
		{"speed-up", "Foo decodes 4× faster with unchanged MMLU accuracy."},
		{"speed-up", "Foo gives a 2.5 times speed-up on COCO with the same box AP."},
		{"year", "Foo, released in 2023, reports top-1 accuracy on ImageNet."},
		{"year", "Models published between 2019 and 2024 are compared by accuracy on MMLU."},
		{"version", "Foo v2 improves MMLU accuracy over Llama 3."},
		{"version", "Foo builds on GPT-4 and Llama 2 13B for MMLU accuracy."},
		{"version", "Foo uses SQuAD 2.0 with F1 and ResNet-50 backbones."},
		{"unnamed baseline", "On ImageNet, the baseline reaches 79.8% top-1 accuracy."},
		{"unnamed baseline", "Foo reaches top-1 accuracy on ImageNet above the previous best of 79.8%."},
		{"unnamed baseline", "On SQuAD 2.0, Foo is compared with 83.6 F1 for its teacher."},
		{"before a change", "On ImageNet, Foo raises top-1 accuracy from 79.8% to 80.6%."},
		{"no dataset", "Foo reaches 81.2% top-1 accuracy."},
		{"no metric", "Foo has 12.5 layers on ImageNet."},
		{"subset", "On the medical subset of MMLU Foo scores 68.2%."},
	}
	for _, tt := range tests {
		res := extractOne(tt.text)
		for _, c := range res.Candidates {
			if tt.kind == "before a change" && c.Raw == "80.6%" {
				continue // the value after the change is a score
			}
			t.Errorf("%s: %q: read %s", tt.kind, tt.text, describe([]Candidate{c}))
		}
	}
}

// TestScores holds the shapes of score the extractor must read.
func TestScores(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{
			"plain", "Foo reaches 81.2% top-1 accuracy on ImageNet.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 81.2%"},
		},
		{
			// A gapped change is on the datasets of the change before it, in
			// order, and in their metric.
			"gapped change", "Foo exposes contamination: GPT-4o falls from 88.7% on MMLU to 73.4% on MMLU-CF, and Qwen2-72B from 84.2% to 68.9%.",
			[]string{"GPT-4o | MMLU | Accuracy | 88.7%", "Qwen2-72B | MMLU | Accuracy | 84.2%"},
		},
		{
			"respectively", "Foo achieves 71.3%, 62.0% and 55.4% Rank-1 on CUHK-PEDES, ICFG-PEDES and RSTPReid, respectively.",
			[]string{
				"Foo | CUHK-PEDES | Rank-1 | 71.3%",
				"Foo | ICFG-PEDES | Rank-1 | 62.0%",
				"Foo | RSTPReid | Rank-1 | 55.4%",
			},
		},
		{
			// Bare values of a change take the metric written before it; the
			// value before is the model the clause opens with.
			"change of bare values", "Applied to Faster R-CNN, Foo raises box AP on COCO val2017 from 37.4 to 39.6, and for Mask R-CNN it improves mask AP from 34.7 to 36.3.",
			[]string{"Faster R-CNN | COCO | Box AP | 37.4", "Foo | COCO | Box AP | 39.6", "Mask R-CNN | COCO | Mask AP | 34.7", "Foo | COCO | Mask AP | 36.3"},
		},
		{
			// The metric before "of" the model a change is measured on; the
			// value after is the subject's, in its own metric past a metric
			// borrowed from the change before; the second change, gapped
			// after the first with only "its" and its metric between, is
			// made to the same model, whose value before it is.
			"metric of the changed model", "On SQuAD 2.0, Foo raises the F1 of a RoBERTa-base reader from 80.5 to 83.1, and its exact match from 77.6 to 80.4.",
			[]string{"RoBERTa-base | SQuAD2.0 | F1 | 80.5", "Foo | SQuAD2.0 | F1 | 83.1", "RoBERTa-base | SQuAD2.0 | Exact match | 77.6", "Foo | SQuAD2.0 | Exact match | 80.4"},
		},
		{
			// Methods listed with their scores in brackets, after the dataset: all on it.
			"methods in brackets", "On Human Regulatory, the best model is DNABERT-2 (89.2%), followed by HyenaDNA-small (87.9%) and Foo (86.4%).",
			[]string{"DNABERT-2 | Human Regulatory | Accuracy | 89.2%", "HyenaDNA-small | Human Regulatory | Accuracy | 87.9%",
				"Foo | Human Regulatory | Accuracy | 86.4%"},
		},
		{
			// A setting in brackets is no score in brackets: the items after it are no list of such.
			"setting in brackets", "Foo reaches 68.8% on MMLU (5-shot), ahead of Llama-3-8B (66.6%) and close to Mixtral 8x7B (70.6%).",
			[]string{"Foo | MMLU | Accuracy | 68.8%", "Llama-3-8B | MMLU | Accuracy | 66.6%", "Mixtral 8x7B | MMLU | Accuracy | 70.6%"},
		},
		{
			// A split of the dataset named before is no other data.
			"hidden test set", "On SQuAD 2.0 Foo scores 85.0 F1 on the hidden test set and 84.1 F1 on the development set.",
			[]string{"Foo | SQuAD2.0 | F1 | 85.0", "Foo | SQuAD2.0 | F1 | 84.1"},
		},
		{
			// Values compared with, after one score per dataset: on those datasets, in order.
			"compared list", "On the GenomicBenchmarks suite, Foo reaches 74.9% accuracy on human_enhancers_cohn and 91.6% on human_enhancers_ensembl, compared with 74.2% and 89.2% for HyenaDNA.",
			[]string{"Foo | Human Enhancers Cohn | Accuracy | 74.9%", "Foo | Human Enhancers Ensembl | Accuracy | 91.6%",
				"HyenaDNA | Human Enhancers Cohn | Accuracy | 74.2%", "HyenaDNA | Human Enhancers Ensembl | Accuracy | 89.2%"},
		},
		{
			// A named subject of a clause a contrast word opens, past a
			// participle phrase, sets its values against the scores
			// before: on their datasets, in order.
			"contrasted list", "Trained on CUHK-PEDES, Foo attains 47.3% Rank-1 on ICFG-PEDES and 52.6% on RSTPReid, while IRRA trained the same way reaches 39.8% and 45.0%.",
			[]string{"Foo | ICFG-PEDES | Rank-1 | 47.3%", "Foo | RSTPReid | Rank-1 | 52.6%",
				"IRRA | ICFG-PEDES | Rank-1 | 39.8%", "IRRA | RSTPReid | Rank-1 | 45.0%"},
		},
		{
			// A gain in the run is no score: the run is not one score per dataset named.
			"run with a gain", "Foo scores 87.5 F1 on SQuAD 2.0, and on Spoken-SQuAD it reaches 71.3 F1, 6.8 points above BERT.",
			[]string{"Foo | SQuAD2.0 | F1 | 87.5"},
		},
		{
			"comparison", "Foo-B reaches 81.2% top-1 on ImageNet, ahead of DeiT-B's 79.8%.",
			[]string{
				"Foo-B | ImageNet-1k | Top-1 accuracy | 81.2%",
				"DeiT-B | ImageNet-1k | Top-1 accuracy | 79.8%",
			},
		},
		{
			"range", "Foo variants reach between 72.1% and 78.4% top-1 on ImageNet.",
			[]string{
				"Foo | ImageNet-1k | Top-1 accuracy | 72.1% | range",
				"Foo | ImageNet-1k | Top-1 accuracy | 78.4% | range",
			},
		},
		{
			"dash range", "On CIFAR-100 Foo reaches 80.1–82.3% accuracy.",
			[]string{
				"Foo | CIFAR-100 | Accuracy | 80.1 | range",
				"Foo | CIFAR-100 | Accuracy | 82.3% | range",
			},
		},
		{
			"metric list", "Foo obtains 86.1/89.3 EM/F1 on SQuAD 2.0.",
			[]string{
				"Foo | SQuAD2.0 | Exact match | 86.1",
				"Foo | SQuAD2.0 | F1 | 89.3",
			},
		},
		{
			"topic and brackets", "On COCO, Foo reaches 52.3 box AP, surpassing DINO (50.9 box AP).",
			[]string{
				"Foo | COCO | Box AP | 52.3",
				"DINO | COCO | Box AP | 50.9",
			},
		},
		{
			"for a named method", "Foo scores 68.4% on MMLU, compared with 63.4% for Llama 2 13B.",
			[]string{
				"Foo | MMLU | Accuracy | 68.4%",
				"Llama 2 13B | MMLU | Accuracy | 63.4%",
			},
		},
		{
			// Continual learning's own metrics; the plain one on a
			// benchmark measured in accuracy of its own.
			"continual", "In class-incremental learning on CIFAR-100, Foo reaches an average incremental accuracy of 68.9% and 72.1% average accuracy on MMLU.",
			[]string{"Foo | CIFAR-100 | Average incremental accuracy | 68.9%", "Foo | MMLU | Accuracy | 72.1%"},
		},
		{
			// Person search reads R@1 as Rank-1 whichever way it is written.
			"person search", "Foo reaches a text-to-image R@1 of 74.6% on CUHK-PEDES and 65.1 text-to-image R@1 on COCO.",
			[]string{"Foo | CUHK-PEDES | Rank-1 | 74.6%", "Foo | COCO | Text-to-image R@1 | 65.1"},
		},
		{
			// A setting between a score and "for" ("at BF16") does not
			// hide whose it is: an unnamed baseline's is no one's.
			"setting before for", "Foo quantises Swin-T to 80.2% top-1 accuracy on ImageNet (full precision: 81.3%), against 78.4% at BF16 for the unrotated baseline.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 80.2%", "Swin-T | ImageNet-1k | Top-1 accuracy | 81.3%"},
		},
		{
			// A phrase opening the sentence with a setting ("Under a
			// smoothing factor of 0.2,") holds no score.
			"opening setting", "Under a smoothing factor of 0.2, top-1 accuracy on ImageNet rises to 80.9%.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 80.9%"},
		},
		{
			// A hedge between a metric and its value ("of only") keeps the
			// value the metric's.
			"hedged metric", "On Human Enhancers Cohn, Foo reaches an accuracy of 74.0% but an MCC of only 0.481.",
			[]string{"Foo | Human Enhancers Cohn | Accuracy | 74.0%", "Foo | Human Enhancers Cohn | MCC | 0.481"},
		},
		{
			// A bare value compared with, after a list of bare values in
			// one metric: that metric, whichever number it parallels.
			"compared after a list in one metric", "Foo-S, Foo-M and Foo-L reach 52.7, 61.0 and 67.4 on MMLU, respectively, compared with 58.3 for Phi-2 and 64.9 for Yi-9B.",
			[]string{"Foo-S | MMLU | Accuracy | 52.7", "Foo-M | MMLU | Accuracy | 61.0", "Foo-L | MMLU | Accuracy | 67.4",
				"Phi-2 | MMLU | Accuracy | 58.3", "Yi-9B | MMLU | Accuracy | 64.9"},
		},
		{
			// A dataset written after the scores, past a setting in bare
			// integers and before values compared with, is the scores'.
			"dataset past a setting and before a comparison", "A WideResNet-34 trained with Foo keeps 61.3% robust accuracy under PGD-20 at ε = 8/255 on CIFAR-100, compared with 57.6% for TRADES.",
			[]string{"Foo | CIFAR-100 | Robust accuracy | 61.3%", "TRADES | CIFAR-100 | Robust accuracy | 57.6%"},
		},
		{
			// Parallel clauses that each name their dataset before their
			// change: a dataset opening the next clause is its numbers',
			// not those of the clause before.
			"datasets opening parallel changes", "Foo improves accuracy on Human Enhancers Cohn from 61.2% to 66.4%, on Human Enhancers Ensembl from 80.3% to 83.5% and on Human Regulatory from 88.0% to 89.5%.",
			[]string{"Foo | Human Enhancers Cohn | Accuracy | 66.4%", "Foo | Human Enhancers Ensembl | Accuracy | 83.5%", "Foo | Human Regulatory | Accuracy | 89.5%"},
		},
		{
			"datasets opening parallel changes in Rank-1", "Foo raises Rank-1 on CUHK-PEDES from 70.1% to 73.5%, on ICFG-PEDES from 60.2% to 63.9% and on RSTPReid from 58.0% to 61.7%.",
			[]string{"Foo | CUHK-PEDES | Rank-1 | 73.5%", "Foo | ICFG-PEDES | Rank-1 | 63.9%", "Foo | RSTPReid | Rank-1 | 61.7%"},
		},
		{
			// A retrieval direction written after a list of R@k qualifies
			// every metric of the list.
			"direction after a list of R@k", "On the COCO 5K test set, Foo obtains 66.2%, 87.0% and 92.4% R@1, R@5 and R@10 for image-to-text retrieval, respectively.",
			[]string{"Foo | COCO | Image-to-text R@1 | 66.2%", "Foo | COCO | Image-to-text R@5 | 87.0%", "Foo | COCO | Image-to-text R@10 | 92.4%"},
		},
		{
			"direction after R@k joined by slashes", "Foo reaches 44.8/71.9/81.0 R@1/R@5/R@10 for text-to-image retrieval on COCO.",
			[]string{"Foo | COCO | Text-to-image R@1 | 44.8", "Foo | COCO | Text-to-image R@5 | 71.9", "Foo | COCO | Text-to-image R@10 | 81.0"},
		},
		{
			// A direction written before a list of R@k qualifies every
			// metric of the list, not the first alone.
			"direction before R@k joined by slashes", "On COCO, Foo achieves zero-shot text-to-image R@1/R@5/R@10 of 42.1/68.3/78.0.",
			[]string{"Foo | COCO | Text-to-image R@1 | 42.1", "Foo | COCO | Text-to-image R@5 | 68.3", "Foo | COCO | Text-to-image R@10 | 78.0"},
		},
		{
			"direction before R@k in a list", "Foo reaches an image-to-text R@1, R@5 and R@10 of 71.4%, 90.2% and 94.9% on COCO.",
			[]string{"Foo | COCO | Image-to-text R@1 | 71.4%", "Foo | COCO | Image-to-text R@5 | 90.2%", "Foo | COCO | Image-to-text R@10 | 94.9%"},
		},
		{
			// A direction qualifies the R@k listed after it each with its
			// own value, not the first alone.
			"direction before R@k each with its value", "On COCO, Foo reaches an image-to-text R@1 of 81.4, R@5 of 95.3 and R@10 of 97.8.",
			[]string{"Foo | COCO | Image-to-text R@1 | 81.4", "Foo | COCO | Image-to-text R@5 | 95.3", "Foo | COCO | Image-to-text R@10 | 97.8"},
		},
		{
			"direction before R@k each with its percentage", "On COCO, Foo obtains a text-to-image R@1 of 65.7%, R@5 of 88.2% and R@10 of 93.0%.",
			[]string{"Foo | COCO | Text-to-image R@1 | 65.7%", "Foo | COCO | Text-to-image R@5 | 88.2%", "Foo | COCO | Text-to-image R@10 | 93.0%"},
		},
		{
			// A direction written before "retrieval" qualifies the plain
			// R@k after it; "text retrieval" and "image retrieval", written
			// together, are image-to-text and text-to-image.
			"direction before retrieval", "Foo improves text-to-image retrieval on COCO from 30.4% to 33.9% R@1, with R@5 and R@10 of 59.8% and 70.7%.",
			[]string{"Foo | COCO | Text-to-image R@1 | 33.9%", "Foo | COCO | Text-to-image R@5 | 59.8%", "Foo | COCO | Text-to-image R@10 | 70.7%"},
		},
		{
			"direction before retrieval, opening phrase", "For image-to-text retrieval on COCO, Foo reaches R@1 and R@10 of 60.3% and 90.6%.",
			[]string{"Foo | COCO | Image-to-text R@1 | 60.3%", "Foo | COCO | Image-to-text R@10 | 90.6%"},
		},
		{
			"text and image retrieval", "On COCO, Foo reaches an RSUM of 542.7, with a text retrieval R@1 of 74.9 and an image retrieval R@1 of 58.3.",
			[]string{"Foo | COCO | Image-to-text R@1 | 74.9", "Foo | COCO | Text-to-image R@1 | 58.3"},
		},
		{
			"text and image retrieval sharing R@1", "On COCO, Foo's text retrieval and image retrieval R@1 are 81.7 and 64.9.",
			[]string{"Foo | COCO | Image-to-text R@1 | 81.7", "Foo | COCO | Text-to-image R@1 | 64.9"},
		},
		{
			// ... and so it does when each R@k is written after its own
			// value, or its value after "is", while k grows; an R@k of
			// the same k is no part of the list.
			"direction before R@k each after its value", "After fine-tuning on COCO, Foo reaches 63.5% text-to-image R@1, 85.7% R@5 and 91.6% R@10.",
			[]string{"Foo | COCO | Text-to-image R@1 | 63.5%", "Foo | COCO | Text-to-image R@5 | 85.7%", "Foo | COCO | Text-to-image R@10 | 91.6%"},
		},
		{
			"direction before R@k each before its value", "On COCO, its text-to-image R@1 is 55.3 and R@5 is 80.9.",
			[]string{"Foo | COCO | Text-to-image R@1 | 55.3", "Foo | COCO | Text-to-image R@5 | 80.9"},
		},
		{
			// A percentage with no metric of its own does not take the
			// metric written before a later number of its run: that is the
			// later number's; it finds the nearest metric before it.
			"metric written before the next value of a run", "The mAP on CUHK-PEDES of Foo is 72.5% and the mINP 58.3%.",
			[]string{"Foo | CUHK-PEDES | mAP | 72.5%", "Foo | CUHK-PEDES | mINP | 58.3%"},
		},
		{
			"metric written before the next value of a run, with direction", "Foo's image-to-text R@5 on COCO is 90.3% and R@10 is 94.8%.",
			[]string{"Foo | COCO | Image-to-text R@5 | 90.3%", "Foo | COCO | Image-to-text R@10 | 94.8%"},
		},
		{
			// Each value of a comparison listed with its own "for" is
			// someone else's, kept only when a name owns it.
			"values compared, each with its own for", "On COCO, Foo attains 39.9 AP, compared with 36.9 AP for ERD and 42.1 AP for a detector trained jointly on all classes.",
			[]string{"Foo | COCO | AP | 39.9", "ERD | COCO | AP | 36.9"},
		},
		{
			// A value listed after a compared one with its own "for" is
			// on the dataset the first was compared on, not on the data
			// the model was pre-trained on that the opening names.
			"values compared, each with its own for, after pre-training data", "With a ViT-B/16 pretrained on ImageNet-21K, Foo reaches an accuracy of 91.5% on CIFAR-100, compared with 80.2% for ABC and 86.5% for DualPrompt.",
			[]string{"Foo | CIFAR-100 | Accuracy | 91.5%", "ABC | CIFAR-100 | Accuracy | 80.2%", "DualPrompt | CIFAR-100 | Accuracy | 86.5%"},
		},
		{
			// The owner after the first "for" may hold digits; a number
			// is no owner ("for 10 tasks").
			"values compared, each with its own for, owner with a digit", "With a ViT-B/16 pretrained on ImageNet-21K, Foo reaches an accuracy of 91.5% on CIFAR-100, compared with 83.8% for L2P and 86.5% for DualPrompt.",
			[]string{"Foo | CIFAR-100 | Accuracy | 91.5%", "L2P | CIFAR-100 | Accuracy | 83.8%", "DualPrompt | CIFAR-100 | Accuracy | 86.5%"},
		},
		{
			// A named competitor's value set against a score on a dataset
			// is on that dataset, and so is the next of a list of them,
			// not on the pre-training data the opening names.
			"named competitors ahead of, after pre-training data", "With a ViT-B/16 pretrained on ImageNet-21K, Foo reaches 92.1% last accuracy on CIFAR-100, ahead of RanPAC (90.6%) and SimpleCIL (87.1%).",
			[]string{"Foo | CIFAR-100 | Last accuracy | 92.1%", "RanPAC | CIFAR-100 | Last accuracy | 90.6%", "SimpleCIL | CIFAR-100 | Last accuracy | 87.1%"},
		},
		{
			// A value listed with its own "for" after a compared one with
			// its own metric is in that metric, not a parallel of the
			// first subject's metrics.
			"values compared, each with its own for, metric of the first", "On 10-step class-incremental CIFAR-100, Foo reaches an average incremental accuracy of 91.2% and a last accuracy of 87.5%, compared with 83.8% last accuracy for L2P and 86.5% for CODA-Prompt.",
			[]string{"Foo | CIFAR-100 | Average incremental accuracy | 91.2%", "Foo | CIFAR-100 | Last accuracy | 87.5%", "L2P | CIFAR-100 | Last accuracy | 83.8%", "CODA-Prompt | CIFAR-100 | Last accuracy | 86.5%"},
		},
		{
			// A plain metric written with a compared value is the one
			// kind of it the sentence's own results were written in.
			"compared plain AP after mask AP", "On COCO, Foo reaches 40.9 mask AP at 45.2 FPS, compared with 37.9 AP for SparseInst at 40.0 FPS and 38.7 AP for FastInst at 32.5 FPS.",
			[]string{"Foo | COCO | Mask AP | 40.9", "SparseInst | COCO | Mask AP | 37.9", "FastInst | COCO | Mask AP | 38.7"},
		},
		{
			"values compared, each with its own for, after versus", "On COCO, Foo reaches 41.9 AP, versus 36.2 for CL-DETR, 37.8 for SDDGR and 44.3 for the jointly trained upper bound.",
			[]string{"Foo | COCO | AP | 41.9", "CL-DETR | COCO | AP | 36.2", "SDDGR | COCO | AP | 37.8"},
		},
		{
			// A pair of values "in the two directions" is on the two
			// directions in the order the abstract writes them.
			"values in the two directions", "On COCO, Foo reaches an image-to-text R@1 of 81.4 and a text-to-image R@1 of 64.9. BLIP-2 scores 85.4 and 68.3 R@1 in the two directions.",
			[]string{"Foo | COCO | Image-to-text R@1 | 81.4", "Foo | COCO | Text-to-image R@1 | 64.9", "BLIP-2 | COCO | Image-to-text R@1 | 85.4", "BLIP-2 | COCO | Text-to-image R@1 | 68.3"},
		},
		{
			"values in the two directions, text-to-image first", "On COCO, Foo reaches 68.0% text-to-image R@1 and 82.4% image-to-text R@1. A fine-tuned CLIP ViT-B/16 reaches 64.0% and 79.9% R@1 on COCO in the two directions.",
			[]string{"Foo | COCO | Text-to-image R@1 | 68.0%", "Foo | COCO | Image-to-text R@1 | 82.4%", "CLIP ViT-B/16 | COCO | Text-to-image R@1 | 64.0%", "CLIP ViT-B/16 | COCO | Image-to-text R@1 | 79.9%"},
		},
		{
			// Pairs of R@k "corresponding" to a pair in both directions,
			// or "in the same directions", follow its directions in order.
			"corresponding R@k values after both directions", "On COCO, Foo obtains 66.9 R@1 for text-to-image retrieval and 82.4 R@1 for image-to-text retrieval. The corresponding R@5 values are 86.8 and 95.7, and R@10 values are 91.7 and 97.9.",
			[]string{"Foo | COCO | Text-to-image R@1 | 66.9", "Foo | COCO | Image-to-text R@1 | 82.4", "Foo | COCO | Text-to-image R@5 | 86.8", "Foo | COCO | Image-to-text R@5 | 95.7", "Foo | COCO | Text-to-image R@10 | 91.7", "Foo | COCO | Image-to-text R@10 | 97.9"},
		},
		{
			"R@k in the same directions", "On COCO, Foo obtains image-to-text R@1 of 72.4 and text-to-image R@1 of 55.2, with R@5 of 90.0 and 79.1 in the same directions.",
			[]string{"Foo | COCO | Image-to-text R@1 | 72.4", "Foo | COCO | Text-to-image R@1 | 55.2", "Foo | COCO | Image-to-text R@5 | 90.0", "Foo | COCO | Text-to-image R@5 | 79.1"},
		},
		{
			// A pair of R@k before "respectively" follows the two
			// directions its sentence wrote before it, in their order.
			"R@k pair respectively after both directions", "On COCO, Foo reaches 68.0% text-to-image R@1 and 82.4% image-to-text R@1, with R@5 of 87.1% and 95.0%, respectively.",
			[]string{"Foo | COCO | Text-to-image R@1 | 68.0%", "Foo | COCO | Image-to-text R@1 | 82.4%", "Foo | COCO | Text-to-image R@5 | 87.1%", "Foo | COCO | Image-to-text R@5 | 95.0%"},
		},
		{
			// A continual-learning metric before "of" and its value, with
			// "top-1" after it: the continual metric, measured in top-1.
			"continual metric in top-1", "We study class-incremental learning. On ImageNet-1K with 10 steps, Foo reaches an average incremental accuracy of 71.2% top-1.",
			[]string{"Foo | ImageNet-1k | Average incremental accuracy | 71.2%"},
		},
		{
			// A model a part is changed to ("the encoder to ViT-L") is
			// brought in by the paper's change, the subject: not the owner.
			"model a part is swapped into", "Switching the encoder to ViT-L yields 55.6 box AP on COCO.",
			[]string{"Foo | COCO | Box AP | 55.6"},
		},
		{
			// Values compared with are measured where the score before
			// them was, not on the data an opening phrase names.
			"compared past an opening dataset", "Pretrained on JFT-300M, Foo reaches 61.2 box AP on COCO, against 58.7 for DINO.",
			[]string{"Foo | COCO | Box AP | 61.2", "DINO | COCO | Box AP | 58.7"},
		},
		{
			"compared pair past an opening dataset", "With a ViT-L trained on LAION-2B, Foo obtains 71.5% Rank-1 and 60.3% mAP on RSTPReid, versus 68.0% and 55.1% for IRRA.",
			[]string{"Foo | RSTPReid | Rank-1 | 71.5%", "Foo | RSTPReid | mAP | 60.3%", "IRRA | RSTPReid | Rank-1 | 68.0%", "IRRA | RSTPReid | mAP | 55.1%"},
		},
		{
			// A copula with a word saying its subject leads reads as a
			// verb of scoring: the scores in brackets are the subject's,
			// not the paper's method named later in the sentence.
			"subject that leads", "Llama-3-8B is stronger on MMLU (66.6%), but Foo is four times smaller.",
			[]string{"Llama-3-8B | MMLU | Accuracy | 66.6%"},
		},
		{
			"subject ahead", "DINO is ahead on COCO (52.1 box AP), although Foo trains in half the time.",
			[]string{"DINO | COCO | Box AP | 52.1"},
		},
		{
			// The two directions of one R@k, each written with its own
			// score: the first direction shares the R@k after the second.
			"directions with their own scores", "On COCO, Foo obtains 61.0% image-to-text and 45.5% text-to-image R@1.",
			[]string{"Foo | COCO | Image-to-text R@1 | 61.0%", "Foo | COCO | Text-to-image R@1 | 45.5%"},
		},
		{
			// ... and shares the dataset written after the second.
			"directions with their own scores before the dataset", "Foo obtains 47.5 text-to-image and 63.2 image-to-text R@1 on COCO.",
			[]string{"Foo | COCO | Text-to-image R@1 | 47.5", "Foo | COCO | Image-to-text R@1 | 63.2"},
		},
		{
			// The paper's name before a model noun is the paper's method,
			// whatever backbone is written before it.
			"backbone before the paper's name and a model noun", "A Swin-T Foo model attains 51.2 box AP on COCO.",
			[]string{"Foo | COCO | Box AP | 51.2"},
		},
		{
			// A size before a split is no name of other data: the score
			// is on the dataset the sentence opens with.
			"size before a split", "Trained on COCO, Foo reaches 47.1% text-to-image R@1 on the 5K test split.",
			[]string{"Foo | COCO | Text-to-image R@1 | 47.1%"},
		},
		{
			// The metric written after the value after a change is the
			// value before's too, over another metric the sentence names.
			"metric after a change", "Foo improves IRRA from 73.4% to 75.9% Rank-1 on CUHK-PEDES, with mINP rising to 30.4%.",
			[]string{"IRRA | CUHK-PEDES | Rank-1 | 73.4%", "Foo | CUHK-PEDES | Rank-1 | 75.9%", "Foo | CUHK-PEDES | mINP | 30.4%"},
		},
		{
			// Blocks of as many numbers as the datasets listed before, each
			// opened by its own metric, each map onto the list.
			"metric blocks after a list", "On CUHK-PEDES, ICFG-PEDES and RSTPReid, the 4-bit Foo achieves Rank-1 of 72.8%, 62.1% and 59.4% and mAP of 65.0%, 36.7% and 46.1%, respectively.",
			[]string{
				"Foo | CUHK-PEDES | Rank-1 | 72.8%", "Foo | ICFG-PEDES | Rank-1 | 62.1%", "Foo | RSTPReid | Rank-1 | 59.4%",
				"Foo | CUHK-PEDES | mAP | 65.0%", "Foo | ICFG-PEDES | mAP | 36.7%", "Foo | RSTPReid | mAP | 46.1%",
			},
		},
		{
			// The value before a distilled student's change is the
			// student's, not the teacher's the abstract distils from.
			"student before distillation", "On ImageNet, distilling ResNet-34 into ResNet-18 raises the student's top-1 accuracy from 69.8% to 72.1%.",
			[]string{"ResNet-18 | ImageNet-1k | Top-1 accuracy | 69.8%", "Foo | ImageNet-1k | Top-1 accuracy | 72.1%"},
		},
		{
			"student of a named teacher", "A ResNet-18 student distilled from a ViT-L teacher improves from 71.2% to 72.6% top-1 on ImageNet.",
			[]string{"ResNet-18 | ImageNet-1k | Top-1 accuracy | 71.2%", "Foo | ImageNet-1k | Top-1 accuracy | 72.6%"},
		},
		{
			"genomics alias spelling", "Foo reaches 96.5% accuracy on human_vs_worm.",
			[]string{"Foo | Human vs Worm | Accuracy | 96.5%"},
		},
		{
			// The data a model was pre-trained on, written after the
			// dataset that opens the sentence, is not where its scores
			// were measured.
			"pre-training data after the opening dataset", "On CIFAR-100 split into 10 incremental steps, Foo with a ViT-B/16 pretrained on ImageNet-21K reaches a last accuracy of 90.1%.",
			[]string{"Foo | CIFAR-100 | Last accuracy | 90.1%"},
		},
	}
	for _, tt := range tests {
		got := describe(extractOne(tt.text).Candidates)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestPaperBenchmark holds papers whose title names their benchmark as a
// variant of a known dataset: the name is the benchmark's, not a method's.
func TestPaperBenchmark(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		unknown    string
	}{
		{
			// The benchmark is reported, and its scores are not the base
			// dataset's; a gapped change after a pair parallels it.
			"pair then gapped change", "MMLU-Shift: Paraphrased Items Expose Contamination\nAtlas-2 scores 86.9% on MMLU and 84.8% on MMLU-Shift, whereas Orion-70B falls from 79.2% to 68.5%.",
			[]string{"Atlas-2 | MMLU | Accuracy | 86.9%", "Orion-70B | MMLU | Accuracy | 79.2%"}, "MMLU-Shift",
		},
		{
			// A lone change in the next sentence takes the gapped
			// change's datasets.
			"change in the sentence after", "MMLU-Audit: Fixing Label Errors in a Benchmark\nGPT-4o scores 88.7% on MMLU but 91.4% on MMLU-Audit, and Llama 3.1 405B rises from 87.3% to 89.9%. Smaller models gain less: Llama 3.1 8B moves from 66.7% to 67.5%.",
			[]string{"GPT-4o | MMLU | Accuracy | 88.7%", "Llama 3.1 405B | MMLU | Accuracy | 87.3%", "Llama 3.1 8B | MMLU | Accuracy | 66.7%"}, "MMLU-Audit",
		},
		{
			// A change from the base dataset reaches the paper's benchmark.
			"change to the benchmark", "MMLU-Fresh: Detecting Contamination with Paraphrases\nWe rewrite MMLU. Orca-Merge-7B drops from 71.9% on MMLU to 58.4%.",
			[]string{"Orca-Merge-7B | MMLU | Accuracy | 71.9%"}, "MMLU-Fresh",
		},
	}
	for _, tt := range tests {
		res := Extract(tt.text, knownDatasets)
		if got := describe(res.Candidates); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q\nwant %q", tt.name, got, tt.want)
		}
		if len(res.Unknown) != 1 || res.Unknown[0].Phrase != tt.unknown {
			t.Errorf("%s: unknown = %+v, want %q", tt.name, res.Unknown, tt.unknown)
		}
	}
}

func TestUnknownDatasets(t *testing.T) {
	tests := []struct{ text, phrase string }{
		{"Foo reaches 87.4% top-1 on Kinetics-400.", "Kinetics-400"},
		{"Foo reaches 85.1% top-1 on ImageNet-21k.", "ImageNet-21k"},
		{"Foo scores 42.1% accuracy on MMLU-Pro.", "MMLU-Pro"},
		{"Foo reaches 96.9% accuracy on CIFAR-10.", "CIFAR-10"},
		{"Foo obtains an exact match of 48.2 on Natural Questions.", "Natural Questions"},
		{"Foo reaches 78.4% mAP on CUHK-PEDES and Market-1501, respectively 1.0 and 2.0 points up.", ""},
		{"Foo reaches 71.0% accuracy on Drosophila Enhancers Stark.", "Drosophila Enhancers Stark"},
		{"Foo attains 9.1 on MT-Bench.", "MT-Bench"},
		{"Foo reaches 83.5% mIoU on Cityscapes.", "Cityscapes"},
		{"Foo reaches 83.5% mIoU on the Cityscapes val set.", "Cityscapes"},
		{"On Split CIFAR-100, Foo reaches 83.8% accuracy.", "Split CIFAR-100"},
		// Data trained on is not where the score was measured.
		{"On BEIR, Foo reaches 46.6% accuracy after fine-tuning on MS MARCO.", "BEIR"},
	}
	for _, tt := range tests {
		res := extractOne(tt.text)
		if tt.phrase == "" {
			continue
		}
		if len(res.Candidates) != 0 {
			t.Errorf("%q: read %q", tt.text, describe(res.Candidates))
		}
		if len(res.Unknown) != 1 || res.Unknown[0].Phrase != tt.phrase || res.Unknown[0].Evidence == "" {
			t.Errorf("%q: unknown = %+v, want phrase %q", tt.text, res.Unknown, tt.phrase)
		}
	}
}

func TestLoneAbstract(t *testing.T) {
	text := "Text-based person search is hard. We propose PedX, which aligns phrases with parts.\n" +
		"PedX reaches 76.3% Rank-1 on CUHK-PEDES, 2.4% above IRRA."
	res := Extract(text, knownDatasets)
	want := []string{"PedX | CUHK-PEDES | Rank-1 | 76.3%"}
	if got := describe(res.Candidates); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	c := res.Candidates[0]
	if c.Paper != "" || c.Value != 76.3 || c.Unit != "%" || c.Confidence != High {
		t.Errorf("candidate = %+v", c)
	}
	if !strings.Contains(c.Evidence, c.Raw) {
		t.Errorf("evidence %q lacks %q", c.Evidence, c.Raw)
	}
}

func TestUnnamedMethodIsLowConfidence(t *testing.T) {
	res := Extract("Larger models memorise more, and the largest scores 55.7% on MMLU.", knownDatasets)
	if len(res.Candidates) != 1 || res.Candidates[0].Method != "" || res.Candidates[0].Confidence != Low {
		t.Errorf("got %+v", res.Candidates)
	}
}

func TestKeyIsStableAcrossRuns(t *testing.T) {
	text := "Foo: A Method\nFoo reaches 81.2% top-1 on ImageNet, ahead of DeiT-B's 79.8%."
	a, b := Extract(text, knownDatasets), Extract(text, knownDatasets)
	if len(a.Candidates) != 2 {
		t.Fatalf("got %d candidates", len(a.Candidates))
	}
	for i := range a.Candidates {
		if a.Candidates[i].Key() != b.Candidates[i].Key() {
			t.Errorf("keys differ: %q, %q", a.Candidates[i].Key(), b.Candidates[i].Key())
		}
	}
	want := "Foo: A Method|deit-b|ImageNet-1k|Top-1 accuracy|79.8"
	if got := a.Candidates[1].Key(); got != want {
		t.Errorf("Key() = %q, want %q", got, want)
	}
	// The same score twice in one listing is reported once.
	twice := Extract(text+" Foo reaches 81.2% top-1 on ImageNet.", knownDatasets)
	if len(twice.Candidates) != 2 {
		t.Errorf("duplicate not removed: %q", describe(twice.Candidates))
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Foo: A Method\nFoo reaches 81.2% top-1 on ImageNet, ahead of DeiT-B's 79.8%.")
	f.Add("We propose X. X achieves 71.3%, 62.0% and 55.4% on CUHK-PEDES, ICFG-PEDES and RSTPReid, respectively.")
	f.Add("between 72.1% and 78.4% top-1 accuracy on ImageNet; 80.1–82.3% on CIFAR-100")
	f.Add("89.4 ± 0.6% accuracy on Human Enhancers Cohn, from 1 to 2, 13B, 4×, v2, 2023")
	// A name running into a number after an apostrophe once cut the
	// sentence backwards (a failing input of the fuzzer).
	f.Add("Foo: A\nViT-B ResNet'81.2%")
	f.Add("Foo: A\nViT-B X’8%")
	// Settings reach along lists; a range among them once panicked.
	f.Add("Foo: A\nFine-tuned, Foo reaches 80.1–82.3% and 70.2% zero-shot on ImageNet; in the 5-shot setting, 61.0-64.2% on MMLU.")
	f.Fuzz(func(t *testing.T, text string) {
		res := Extract(text, knownDatasets)
		for _, f := range res.Failed {
			t.Errorf("paper %q failed: %s", f.Paper, f.Err)
		}
		for _, c := range res.Candidates {
			if !strings.Contains(c.Evidence, c.Raw) {
				t.Errorf("Raw %q not in evidence %q", c.Raw, c.Evidence)
			}
			if math.IsInf(c.Value, 0) || math.IsNaN(c.Value) {
				t.Errorf("value %v", c.Value)
			}
			if c.Dataset == "" || c.Metric == "" || c.Raw == "" {
				t.Errorf("incomplete candidate %+v", c)
			}
		}
		for _, u := range res.Unknown {
			if !strings.Contains(u.Evidence, u.Phrase) {
				t.Errorf("phrase %q not in evidence %q", u.Phrase, u.Evidence)
			}
		}
		Sentences(text)
		Blocks(text)
	})
}

// TestChangedSettingsAndOthers holds sentences whose extra numbers are
// values under a changed setting or someone unnamed's: what a queue taking
// Filter(DefaultMinConfidence) may see is listed, nothing else.
func TestChangedSettingsAndOthers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// With the plain score reported too (alone, the setting's value is
		// the paper's only one of its kind: see TestPromoteSoleSettings).
		{"Foo reaches 74.2% accuracy on CIFAR-100. Under 40% label noise, Foo keeps 68.1% accuracy on CIFAR-100.",
			[]string{"Foo | CIFAR-100 | Accuracy | 74.2%"}},
		// A share of the labels is how semi-supervised results are
		// reported, each a score of its own (at "med").
		{"With only 10% of the labels, Foo reaches 71.2% top-1 accuracy on ImageNet.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 71.2%"}},
		{"When trained on a 10% subset of ImageNet, Foo reaches 60.2% top-1 accuracy.", nil},
		{"Foo reaches 75.0% Rank-1 on CUHK-PEDES. Trained on only half of CUHK-PEDES, Foo reaches 70.2% Rank-1 on CUHK-PEDES.",
			[]string{"Foo | CUHK-PEDES | Rank-1 | 75.0%"}},
		// The whole sentence is at 80% noise, Foo's value too.
		{"Foo keeps Rank-1 on RSTPReid at 61.5%, whereas IRRA falls to 48.0% at 80% noise.", nil},
		// A named model that falls to a value is that model's score.
		{"Foo keeps 76.0% top-1 accuracy on ImageNet, whereas TENT degrades to 74.9%.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 76.0%", "TENT | ImageNet-1k | Top-1 accuracy | 74.9%"}},
		{"Foo reaches 80.1% accuracy on CIFAR-100, which degrades to 61.3% under Gaussian noise.",
			[]string{"Foo | CIFAR-100 | Accuracy | 80.1%"}},
		{"Foo reaches 80.1% accuracy on CIFAR-100, whereas the strongest prior method reaches 77.4%.",
			[]string{"Foo | CIFAR-100 | Accuracy | 80.1%"}},
		{"Foo reaches an accuracy of 70.1% on MMLU; random guessing gives 25.0%.",
			[]string{"Foo | MMLU | Accuracy | 70.1%"}},
		{"Foo scores 70.1% on MMLU, close to GPT-4 (86.4%) and far above chance (25%).",
			[]string{"Foo | MMLU | Accuracy | 70.1%", "GPT-4 | MMLU | Accuracy | 86.4%"}},
		{"Removing Mixup costs DeiT-S 1.9% top-1 on ImageNet.", nil},
		{"Foo attains 77.2% Rank-1 on CUHK-PEDES versus 73.4% for IRRA, and 67.5% versus 60.2% on RSTPReid.",
			[]string{"Foo | CUHK-PEDES | Rank-1 | 77.2%", "IRRA | CUHK-PEDES | Rank-1 | 73.4%", "Foo | RSTPReid | Rank-1 | 67.5%"}},
		{"Foo improves accuracy on MMLU to 70.1%, a 3.4% absolute gain over Llama-2-7B at 66.7%.",
			[]string{"Foo | MMLU | Accuracy | 70.1%", "Llama-2-7B | MMLU | Accuracy | 66.7%"}},
		{"Foo reaches 75.3% zero-shot and 84.9% fine-tuned top-1 accuracy on ImageNet.",
			[]string{"Foo | ImageNet-1k | Top-1 accuracy | 75.3%", "Foo | ImageNet-1k | Top-1 accuracy | 84.9%"}},
		// An opening naming the attack is the setting robust accuracy is
		// measured in; the values compared after it keep the doubt.
		{"Under AutoAttack with ε = 4/255 on ImageNet, Foo-B reaches 59.1% robust accuracy.",
			[]string{"Foo-B | ImageNet-1k | Robust accuracy | 59.1%"}},
		{"Under ℓ∞ attacks with ε = 4/255, Foo-B reaches 59.6% robust accuracy on ImageNet, compared with 56.1% for the best published ViT-B.",
			[]string{"Foo-B | ImageNet-1k | Robust accuracy | 59.6%"}},
		{"Under an ℓ∞ budget of 4/255 and AutoAttack, Foo-B reaches 59.6% robust accuracy on ImageNet, improving the previous best, 56.1%.",
			[]string{"Foo-B | ImageNet-1k | Robust accuracy | 59.6%"}},
	}
	for _, tt := range tests {
		got := describe(extractOne(tt.text).Filter(DefaultMinConfidence).Candidates)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestPronounTakesEarlierSubject(t *testing.T) {
	text := "Genomic Sequence Classification with Mamba\n" +
		"MiM averages 86.2% accuracy. Per task, it scores 81.0% on Mouse Enhancers and 96.3% on Human vs Worm."
	got := describe(Extract(text, knownDatasets).Candidates)
	want := []string{"MiM | Mouse Enhancers | Accuracy | 81.0%", "MiM | Human vs Worm | Accuracy | 96.3%"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFilter(t *testing.T) {
	res := Result{
		Candidates: []Candidate{{Raw: "1", Confidence: High}, {Raw: "2", Confidence: Med}, {Raw: "3", Confidence: Low}},
		Unknown:    []Unknown{{Phrase: "X"}},
	}
	for _, tt := range []struct {
		min  string
		want int
	}{{High, 1}, {Med, 2}, {Low, 3}, {"", 3}} {
		got := res.Filter(tt.min)
		if len(got.Candidates) != tt.want || len(got.Unknown) != 1 {
			t.Errorf("Filter(%q) = %+v", tt.min, got)
		}
	}
	for _, c := range extractOne("Foo reaches 80.1% accuracy on CIFAR-100, which degrades to 61.3% under noise.").Candidates {
		if c.Confidence != High && c.Note == "" {
			t.Errorf("%s candidate %s has no note", c.Confidence, c.Raw)
		}
	}
}

// A fault while reading one paper becomes that paper's error instead of a
// panic; a nil matcher is such a fault.
func TestExtractBlockSafely(t *testing.T) {
	_, err := extractBlockSafely(Block{Title: "Foo", Abstract: "Foo reaches 81.2% top-1 on ImageNet."}, nil)
	if err == nil || !strings.Contains(err.Error(), "please report it") {
		t.Fatalf("err = %v, want the paper's error", err)
	}
	res, err := extractBlockSafely(Block{Title: "Foo", Abstract: "Foo reaches 81.2% top-1 on ImageNet."}, newMatcher(knownDatasets))
	if err != nil || len(res.Candidates) != 1 {
		t.Fatalf("a sound paper: %d candidates, err %v", len(res.Candidates), err)
	}
}
