package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestClauseSubject covers the name that heads a number's clause, read
// when nothing nearer the number says whose it is (subject.go).
func TestClauseSubject(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string]string // raw number -> method of its run
	}{
		{"a name heads the clause, its verb far from the number", "Why Warm-Up Works",
			"Deformable DETR needs 50 epochs to reach 46.2 AP on COCO.", map[string]string{"46.2": "Deformable DETR"}},
		{"an opening phrase up to its comma is passed over", "Why Warm-Up Works",
			"With a batch of 32k, ResNet-50 needs 90 epochs to reach 76.9% top-1 on ImageNet.", map[string]string{"76.9%": "ResNet-50"}},
		{"a comma inside brackets does not end the opening phrase", "Distilling Narrow Students",
			"With a ResNet32x4 teacher (79.42% top-1), SFD trains a ResNet8x4 student to 76.31%.", map[string]string{"76.31%": "SFD"}},
		{"a contrast word opens a clause with a subject of its own", "RankDet: Ranking for Detectors",
			"RankDet reaches 41.7 AP, whereas RetinaNet trained in exactly the same way gets 36.5.",
			map[string]string{"41.7": "RankDet", "36.5": "RetinaNet"}},
		{"determiners and modifiers before the name", "Instruction-Tuned Readers",
			"A fine-tuned RoBERTa-large, with 0.355B parameters, still leads at 89.4 F1.", map[string]string{"89.4": "RoBERTa-large"}},
		{"an opening \"for\" and a name, the subject naming none", "Do We Still Need Label Smoothing?",
			"A ResNet-50 reaches 80.7% top-1; for ViT-S/16 the two numbers are 79.9% and 80.1%.",
			map[string]string{"80.7%": "ResNet-50", "79.9%": "ViT-S/16", "80.1%": "ViT-S/16"}},
		{"a list of names, one per number", "Are Robustness Benchmarks the Same?",
			"For example, ViT-B/16 and ConvNeXt-T have almost the same top-1 accuracy (81.1% and 82.1%).",
			map[string]string{"81.1%": "ViT-B/16", "82.1%": "ConvNeXt-T"}},
		{"a description that names itself in brackets", "Continual Instruction Tuning",
			"On TRACE, standard sequential fine-tuning (SeqFT) lowers MMLU accuracy to 38.9%.", map[string]string{"38.9%": "SeqFT"}},
		{"a clause after \", and\" once a number is reported", "How Much Does Pre-Training Matter?",
			"CLIP gets 58.9%, and SynthPed, the same model pre-trained on captions, gets 64.2%.",
			map[string]string{"58.9%": "CLIP", "64.2%": "SynthPed"}},
		{"\"its\" heading a clause, in a paper with no method of its own, is the head of the clause before", "Lightweight Person Search",
			"The student, TinyTPS, needs 11M parameters; its Rank-1 is 68.1 on CUHK-PEDES.", map[string]string{"68.1": "TinyTPS"}},
		// What the clause's head does not decide.
		{"\"its\" in a paper with a method of its own is the paper's", "SlotReID: Attribute Slots",
			"The student, TinyTPS, needs 11M parameters; its Rank-1 is 68.1 on CUHK-PEDES.", map[string]string{"68.1": "SlotReID"}},
		{"a pronoun or \"we\" after an opening \"for\" is the paper's", "GraNP: Gradient-Norm Pruning",
			"It removes 45% of the FLOPs; for MobileNetV2 it removes 30% of the FLOPs at 71.2 top-1.",
			map[string]string{"71.2": "GraNP"}},
		{"a change is the doing of what changed it", "HadQuant: Hadamard Rotations",
			"For LLaMA-2-70B, MMLU accuracy drops from 69.8 to 68.1 with AWQ and to 68.9 with HadQuant.",
			map[string]string{"69.8": "LLaMA-2-70B", "68.1": "HadQuant", "68.9": "HadQuant"}},
		{"a benchmark before a metric is no subject", "Rationale Ranking",
			"Our student improves on every benchmark: GSM8K accuracy reaches 31.6% and MMLU accuracy 37.8%.",
			map[string]string{"31.6%": "", "37.8%": ""}},
		{"items of a list after \", and\" with no number before", "ALBERT: A Lite BERT",
			"Our best model sets new results on the GLUE, RACE, and SQuAD benchmarks while having fewer parameters, with a SQuAD 2.0 F1 of 92.2.",
			map[string]string{"92.2": "ALBERT"}},
		{"the paper's method applied to the model that heads the clause", "Knowledge Review",
			"A ResNet8x4 student distilled with our review mechanism reaches 75.63% top-1 accuracy.",
			map[string]string{"75.63%": ""}},
		{"a list that is not read as one names no one", "",
			"ViT-B, -16 and -L reach 79.8, 82.6 and 84.1 top-1.", map[string]string{"79.8": "", "82.6": "", "84.1": ""}},
		{"a possessive is read where possessives are", "Annotation Errors in Person Search",
			"After removing ambiguous queries, IRRA's Rank-1 rises to 78.0%.", map[string]string{"78.0%": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readUpTo(t, tt.title, tt.text, "methods")
			got := map[string]string{}
			for _, r := range s.runs {
				if r.dropped {
					continue
				}
				for i, n := range r.nums {
					got[n.raw] = r.method
					if len(r.methods) == len(r.nums) {
						got[n.raw] = r.methods[i]
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestAcrossSentencesHead(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // method | raw | confidence
	}{
		{"an \"Its\" opening a sentence is about the head of the last clause before",
			"Generative Error Correction Without Forgetting\nThe corrector, GER-Q7, cuts the word error rate by a third. Its five-shot accuracy on MMLU stays at 69.8%.",
			[]string{"GER-Q7 | 69.8% | med"}},
		{"but not two sentences later",
			"Generative Error Correction Without Forgetting\nThe corrector, GER-Q7, cuts the word error rate by a third. We release the code. Its five-shot accuracy on MMLU stays at 69.8%.",
			[]string{"Generative Error Correction Without Forgetting | 69.8% | low"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Extract(tt.text, knownDatasets).Candidates {
				got = append(got, strings.Join([]string{c.Method, c.Raw, c.Confidence}, " | "))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClauseStart(t *testing.T) {
	tests := []struct {
		text, at string // the clause of the word at is wanted
		want     string // its first word
	}{
		{"RankDet reaches 41.7 AP, whereas RetinaNet gets 36.5.", "36.5", "RetinaNet"},
		{"X-Net reaches 80.1%; for ViT-S/16 the numbers are 79.9%.", "79.9%", "for"},
		{"Results: CUHK-PEDES 74.6.", "74.6", "CUHK-PEDES"},
		{"CLIP gets 58.9%, and SynthPed gets 64.2%.", "64.2%", "SynthPed"},
		{"On GLUE, RACE, and SQuAD it reaches 92.2.", "92.2", "On"},
		{"X-Net lowers the error while keeping 81.6% top-1.", "81.6%", "X-Net"},
	}
	for _, tt := range tests {
		s := newSentence(tt.text)
		s.nums = scanNumbers(s.text, func(int, int) bool { return false })
		pos := strings.Index(tt.text, tt.at)
		if got := s.toks[s.clauseStart(pos)].text; got != tt.want {
			t.Errorf("%q at %q: clause starts at %q, want %q", tt.text, tt.at, got, tt.want)
		}
	}
}
