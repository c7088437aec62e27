package extract

import (
	"reflect"
	"strings"
	"testing"
)

// readUpTo runs the sentence passes up to and including last, as they run
// for a paper with this title.
func readUpTo(t *testing.T, title, text, last string) *sentence {
	t.Helper()
	ctx := &paperContext{paper: title, method: titleMethod(title), m: newMatcher(knownDatasets)}
	s := newSentence(text)
	for _, p := range passes {
		p.run(s, ctx)
		if p.name == last {
			return s
		}
	}
	t.Fatalf("no pass %q", last)
	return nil
}

// kept lists, by their raw text, the numbers a sentence keeps as scores.
func kept(s *sentence) []*number {
	var out []*number
	for _, r := range s.runs {
		if r.dropped {
			continue
		}
		for _, n := range r.nums {
			if !n.dropped {
				out = append(out, n)
			}
		}
	}
	return out
}

func TestPassNames(t *testing.T) {
	tests := []struct {
		text     string
		metrics  []string
		datasets []string // unknown ones with a leading "?"
	}{
		{"X reaches 81.2% top-1 accuracy on ImageNet-1K and 45.1 box AP on COCO.",
			[]string{"Top-1 accuracy", "Box AP"}, []string{"ImageNet-1k", "COCO"}},
		{"It scores 69.8% on the medical subset of MMLU.", nil, []string{"?medical subset of MMLU"}},
		{"We report R@1 and mINP on Market-1501 and CUHK-PEDES.", []string{"Rank-1", "mINP"}, []string{"?Market-1501", "CUHK-PEDES"}},
		{"Trained on 2B images, it attains 83.0%.", nil, nil},
		{"ImageNet-21k pre-training helps on CIFAR100.", nil, []string{"CIFAR-100"}},
		{"It scores 68.5% on MMLU clinical topics.", nil, []string{"?MMLU clinical topics"}},
		{"It reaches 61.3 AP_box and 53.1 AP^mask, 76.5% Rank@1 and 44.0 box mAP.", []string{"Box AP", "Mask AP", "Rank-1", "Box AP"}, nil},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "names")
		var metrics, datasets []string
		for _, c := range s.cues {
			metrics = append(metrics, c.metric)
		}
		for _, d := range s.datasets {
			name := d.name
			if !d.known {
				name = "?" + name
			}
			datasets = append(datasets, name)
		}
		if !reflect.DeepEqual(metrics, tt.metrics) || !reflect.DeepEqual(datasets, tt.datasets) {
			t.Errorf("%q: metrics %q, datasets %q; want %q, %q", tt.text, metrics, datasets, tt.metrics, tt.datasets)
		}
	}
}

func TestPassNumbers(t *testing.T) {
	tests := []struct {
		text string
		runs string // runs separated by " | ", numbers of a run by ","
	}{
		{"X obtains 76.3%, 65.2% and 63.5% on A, B and C, respectively.", "76.3%,65.2%,63.5%"},
		{"X reaches 80.4%/95.1% top-1/top-5 accuracy with 4.5 GFLOPs.", "80.4%,95.1%"},
		{"X reaches 81.2%, ahead of DeiT-S's 79.8%.", "81.2% | 79.8%"},
		{"Accuracy ranges between 72.1% and 78.4%.", "72.1%,78.4%"},
		{"X uses 13B parameters, 300 epochs and 2B pairs from 2023, reaching 55.1%.", "55.1%"},
		{"It reaches 86.1 EM and an F1 of 89.3.", "86.1,89.3"},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "numbers")
		var runs []string
		for _, r := range s.runs {
			var raws []string
			for _, n := range r.nums {
				raws = append(raws, n.raw)
			}
			runs = append(runs, strings.Join(raws, ","))
		}
		if got := strings.Join(runs, " | "); got != tt.runs {
			t.Errorf("%q: runs %q, want %q", tt.text, got, tt.runs)
		}
	}
}

func TestPassClassify(t *testing.T) {
	tests := []struct {
		text      string
		kept      string // numbers kept as scores, by raw text
		condition bool   // the sentence reports values under a changed setting
	}{
		{"X reaches 81.2% top-1, a 2.4% improvement, and cuts memory by 60%.", "81.2%", false},
		{"X is 1.3% higher than Y and uses 25% fewer parameters.", "", false},
		{"X masks 75% of the patches and reaches 83.1%.", "83.1%", false},
		{"At 80% noise, X keeps 61.5% Rank-1.", "61.5%", true},
		{"X saves 38% of the cost and reaches 74.0%.", "74.0%", false},
		{"Larger students benefit less: at 7B, the improvement shrinks to 1.1%.", "", false},
		{"X outperforms IRRA by 3.1% and reaches 76.5% Rank-1.", "76.5%", false},
		{"X reduces calibration error from 4.1% to 1.2% while keeping 81.6% top-1 accuracy.", "81.6%", false},
		{"X reaches 84.3% top-1 accuracy on clean ImageNet but falls to 61.2% on corrupted images.", "84.3%,61.2%", true},
		{"With only 25% of the annotated captions, X obtains 68.2% Rank-1.", "68.2%", true},
		{"With 40% of windows pruned, X keeps 47.8 box AP.", "47.8", false},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "classify")
		var raws []string
		for _, n := range kept(s) {
			raws = append(raws, n.raw)
		}
		if got := strings.Join(raws, ","); got != tt.kept || (s.condition != "") != tt.condition {
			t.Errorf("%q: kept %q, condition %q; want %q, condition %v", tt.text, got, s.condition, tt.kept, tt.condition)
		}
	}
}

func TestPassMetrics(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // raw number -> the metric written with it or mapped from a list
	}{
		{"X reaches 80.4%/95.1% top-1/top-5 accuracy.", map[string]string{"80.4%": "Top-1 accuracy", "95.1%": "Top-5 accuracy"}},
		{"X obtains 74.2% and 89.0% in Rank-1 and Rank-5.", map[string]string{"74.2%": "Rank-1", "89.0%": "Rank-5"}},
		{"X reaches 86.1 EM and an F1 of 89.3.", map[string]string{"86.1": "Exact match", "89.3": "F1"}},
		{"Its top-1 accuracy is 63.0%.", map[string]string{"63.0%": "Top-1 accuracy"}},
		{"X reaches 75.3% zero-shot and 84.9% fine-tuned top-1 accuracy.", map[string]string{"75.3%": "Top-1 accuracy", "84.9%": "Top-1 accuracy"}},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "metrics")
		got := map[string]string{}
		for _, n := range s.nums {
			if c := s.ownCue(n); c != nil {
				got[n.raw] = c.metric
			} else if r := s.runAt[n.start]; r != nil && len(r.nums) > 1 && r.nums[len(r.nums)-1].cue != nil {
				got[n.raw] = r.nums[len(r.nums)-1].cue.metric // a run shares the metric written after it
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPassDatasets(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // raw number -> the dataset its run is given in the sentence
	}{
		{"X obtains 71.3%, 62.0% and 55.4% Rank-1 on CUHK-PEDES, ICFG-PEDES and RSTPReid, respectively.",
			map[string]string{"71.3%": "CUHK-PEDES", "62.0%": "ICFG-PEDES", "55.4%": "RSTPReid"}},
		{"X reaches 81.2% top-1 accuracy on ImageNet and 45.1 box AP on COCO.",
			map[string]string{"81.2%": "ImageNet-1k", "45.1": "COCO"}},
		// A dataset before the runs opens a topic; it is attached to no run.
		{"On MMLU, X reaches 61.0% accuracy.", map[string]string{}},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "datasets")
		got := map[string]string{}
		for _, n := range s.nums {
			if d := s.listDataset[n]; d != nil {
				got[n.raw] = d.name
				continue
			}
			for _, d := range s.datasets {
				if d.attachedTo != nil && d.attachedTo == s.runAt[n.start] {
					got[n.raw] = d.name
				}
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPassMethods(t *testing.T) {
	tests := []struct {
		title, text string
		want        map[string]string // raw number -> method of its run
	}{
		{"", "ViTune-S reaches 81.2% top-1, ahead of DeiT-S's 79.8%.", map[string]string{"81.2%": "ViTune-S", "79.8%": "DeiT-S"}},
		{"", "RaSa (76.5% Rank-1) leads, with 63.4% for Llama 2 13B.", map[string]string{"76.5%": "RaSa", "63.4%": "Llama 2 13B"}},
		{"", "MobileViT-XS, which reaches 74.8% top-1, is small.", map[string]string{"74.8%": "MobileViT-XS"}},
		{"SimpleCL: Replay Done Right", "This simple baseline achieves 91.2% accuracy.", map[string]string{"91.2%": "SimpleCL"}},
		{"SimpleCL: Replay Done Right", "Our model reaches 70.1% accuracy.", map[string]string{"70.1%": "SimpleCL"}},
		{"SimpleCL: Replay Done Right", "It attains 83.0% accuracy.", map[string]string{"83.0%": "SimpleCL"}},
		// Unnamed others are no one's: their numbers are dropped.
		{"SimpleCL: Replay Done Right", "The strongest prior method reaches 70.2% accuracy.", map[string]string{}},
		{"Why Replay Works", "This simple baseline achieves 91.2% accuracy.", map[string]string{"91.2%": ""}},
		{"", "BERT-large obtains 81.9 F1 and ALBERT-xxlarge 90.0.", map[string]string{"81.9": "BERT-large", "90.0": "ALBERT-xxlarge"}},
		{"", "MobiDet-S runs at 120 FPS on a phone and obtains 38.2 AP.", map[string]string{"38.2": "MobiDet-S"}},
		{"", "YOLOv8-S, by comparison, reaches 37.4 AP.", map[string]string{"37.4": "YOLOv8-S"}},
		{"Anchor: Pretraining Without Forgetting", "Anchor keeps 61.9% accuracy, whereas naive continual pretraining drops it to 55.3%.",
			map[string]string{"61.9%": "Anchor"}},
		{"MedR: Clinical Reasoning", "Its overall accuracy is 66.1%, on par with its base model (66.6%).", map[string]string{"66.1%": "MedR"}},
		{"Anchor: Pretraining Without Forgetting", "A Mistral-7B model trained with Anchor keeps 61.9% accuracy.", map[string]string{"61.9%": "Anchor"}},
		{"ViT-Cal: Calibrated ViTs", "ViT-Cal-B lowers the error while keeping 81.6% top-1 accuracy.", map[string]string{"81.6%": "ViT-Cal-B"}},
		{"", "Across 12 tasks, the average is 79.9% accuracy.", map[string]string{"79.9%": ""}},
	}
	for _, tt := range tests {
		s := readUpTo(t, tt.title, tt.text, "methods")
		got := map[string]string{}
		for _, r := range s.runs {
			if r.dropped {
				continue
			}
			for _, n := range r.nums {
				got[n.raw] = r.method
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPassSettings(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // raw number -> setting
	}{
		{"X reaches 75.3% zero-shot and 84.9% fine-tuned top-1 accuracy.", map[string]string{"75.3%": "zero-shot", "84.9%": "fine-tuned"}},
		{"A zero-shot X reaches 70.2% top-1, and a linear probe 79.9%.", map[string]string{"70.2%": "zero-shot", "79.9%": "linear probe"}},
		{"X reaches 64.3% on MMLU in the 5-shot setting and 46.4% on GSM8K.", map[string]string{"64.3%": "5-shot", "46.4%": ""}},
		{"In zero-shot transfer, X reaches 70.2% and 65.1%; fine-tuned, 80.3%.", map[string]string{"70.2%": "zero-shot", "65.1%": "zero-shot", "80.3%": "fine-tuned"}},
		{"X reaches 81.2% top-1 accuracy.", map[string]string{"81.2%": ""}},
	}
	for _, tt := range tests {
		s := readUpTo(t, "", tt.text, "settings")
		got := map[string]string{}
		for _, n := range kept(s) {
			got[n.raw] = n.setting
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRefineMetric(t *testing.T) {
	m := newMatcher([]Dataset{
		{Name: "ImageNet-1k", Metric: "Top-1 accuracy"},
		{Name: "COCO", Metric: "Box AP"},
		{Name: "MMLU", Metric: "Accuracy"},
		{Name: "CIFAR-100"},
	})
	tests := []struct{ dataset, metric, want string }{
		{"ImageNet-1k", "Accuracy", "Top-1 accuracy"},
		{"ImageNet-1k", "Top-5 accuracy", "Top-5 accuracy"},
		{"COCO", "AP", "Box AP"},
		{"COCO", "mAP", "mAP"},
		{"COCO", "Mask AP", "Mask AP"},
		{"MMLU", "Accuracy", "Accuracy"},
		{"CIFAR-100", "Accuracy", "Accuracy"},
	}
	for _, tt := range tests {
		if got := m.refineMetric(tt.dataset, tt.metric); got != tt.want {
			t.Errorf("refineMetric(%q, %q) = %q, want %q", tt.dataset, tt.metric, got, tt.want)
		}
	}
}

// TestAcrossSentences covers what a sentence borrows from the abstract:
// the three ways scores were missed on unseen text.
func TestAcrossSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // method | dataset | metric | raw | confidence | setting
	}{
		{"dataset named in an earlier sentence",
			"X-Net: Scaling Nets\nOn ImageNet-1k, X-Net reaches 81.2% top-1. Trained on 2B images with the same budget, it attains 83.0%.",
			[]string{"X-Net | ImageNet-1k | Top-1 accuracy | 81.2% | high | ", "X-Net | ImageNet-1k | Top-1 accuracy | 83.0% | med | "}},
		{"a topic is not carried past a sentence naming other datasets",
			"X-Net: Scaling Nets\nOn ImageNet-1k, X-Net reaches 81.2% top-1. We also test on Places365 and iNaturalist. There it attains 60.3%.",
			[]string{"X-Net | ImageNet-1k | Top-1 accuracy | 81.2% | high | "}},
		{"plain accuracy is the dataset's top-1 accuracy",
			"X-Net: Scaling Nets\nX-Net achieves 74.1% accuracy on ImageNet, and 70.2% in the zero-shot setting.",
			[]string{"X-Net | ImageNet-1k | Top-1 accuracy | 74.1% | high | ", "X-Net | ImageNet-1k | Top-1 accuracy | 70.2% | med | zero-shot"}},
		{"the subject describes the paper's method",
			"SimpleCL: Replay Done Right\nThis simple baseline achieves 91.2% accuracy on CIFAR-100.",
			[]string{"SimpleCL | CIFAR-100 | Accuracy | 91.2% | high | "}},
		{"a part of the data named in lower case takes no dataset from before",
			"HydraQA: Multi-Head Readers\nHydraQA achieves 88.9 F1 on SQuAD 2.0. On unanswerable questions alone, F1 rises to 91.2.",
			[]string{"HydraQA | SQuAD2.0 | F1 | 88.9 | high | "}},
		{"no method named: the title, at low confidence",
			"Why Replay Works\nThis simple baseline achieves 91.2% accuracy on CIFAR-100.",
			[]string{"Why Replay Works | CIFAR-100 | Accuracy | 91.2% | low | "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Extract(tt.text, knownDatasets).Candidates {
				got = append(got, strings.Join([]string{c.Method, c.Dataset, c.Metric, c.Raw, c.Confidence, c.Setting}, " | "))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
