package extract

import (
	"reflect"
	"testing"
)

func TestBackbones(t *testing.T) {
	tests := []struct {
		text string
		want map[string]bool
	}{
		{"With a ResNet-50 backbone and a 12-epoch schedule, X obtains 50.8 AP.", map[string]bool{"resnet-50": true}},
		{"With ResNet-50, Swin-L and ViT-H backbones, X obtains 51.8, 58.9 and 63.1 AP.",
			map[string]bool{"resnet-50": true, "swin-l": true, "vit-h": true}},
		{"X reaches 81.2% top-1 on ImageNet.", map[string]bool{}},
	}
	for _, tt := range tests {
		if got := backbones(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBackboneSubject(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // method | dataset | metric | raw
	}{
		{"a backbone written as the subject is the paper's model built on it",
			"QueryFlow: Flow-Guided Queries\nWith a ResNet-50 backbone, QueryFlow obtains 50.8 AP on COCO, and a Swin-L backbone reaches 58.9 AP on COCO.",
			[]string{"QueryFlow | COCO | AP | 50.8", "QueryFlow | COCO | AP | 58.9"}},
		{"so is a backbone of a list, written with a model noun",
			"CascadeQ: Coarse-to-Fine Queries\nWith ResNet-50 and Swin-L backbones, CascadeQ obtains 51.8 and 58.9 AP on COCO. The Swin-L model reaches 59.4 AP on COCO.",
			[]string{"CascadeQ | COCO | AP | 51.8", "CascadeQ | COCO | AP | 58.9", "CascadeQ | COCO | AP | 59.4"}},
		{"a model the abstract never calls a backbone keeps its name",
			"CascadeQ: Coarse-to-Fine Queries\nCascadeQ obtains 51.8 AP on COCO. The DINO model reaches 49.0 AP on COCO.",
			[]string{"CascadeQ | COCO | AP | 51.8", "DINO | COCO | AP | 49.0"}},
		{"the architecture a paper trains, as a definite subject with a model noun, is the paper's model",
			"HNC: Hard Negative Curricula\nWe propose HNC, a curriculum. Pre-trained on 128M pairs, the ViT-B/16 model reaches 71.3% top-1 accuracy on ImageNet.",
			[]string{"HNC | ImageNet-1k | Top-1 accuracy | 71.3%"}},
		{"so is a definite student",
			"RelKD: Relational Distillation\nRelKD trains a DeiT-Ti student to 75.8% top-1 on ImageNet. The DeiT-S student reaches 82.1% on ImageNet.",
			[]string{"RelKD | ImageNet-1k | Top-1 accuracy | 75.8%", "RelKD | ImageNet-1k | Top-1 accuracy | 82.1%"}},
		{"a student, with either article, is the paper's distilled model; a teacher is not",
			"CAW-KD: Conflict-Aware Distillation\nA ShuffleNetV2 student reaches 76.9% accuracy on CIFAR-100. The ResNet32x4 teacher itself obtains 79.4% accuracy on CIFAR-100.",
			[]string{"CAW-KD | CIFAR-100 | Accuracy | 76.9%", "ResNet32x4 | CIFAR-100 | Accuracy | 79.4%"}},
		{"a student taught by a teacher is the student, so the paper's",
			"TFKD: Temperature-Free Distillation\nOn ImageNet, a ResNet-18 student taught by ResNet-34 achieves 72.1% top-1 accuracy.",
			[]string{"TFKD | ImageNet-1k | Top-1 accuracy | 72.1%"}},
		{"an indefinite one keeps its name",
			"RelKD: Relational Distillation\nRelKD reaches 75.8% top-1 on ImageNet. A DeiT-S model trained with hard distillation reaches 79.8% on ImageNet.",
			[]string{"RelKD | ImageNet-1k | Top-1 accuracy | 75.8%", "DeiT-S | ImageNet-1k | Top-1 accuracy | 79.8%"}},
		{"a definite subject the paper's process made is the paper's model",
			"FocalDistill: Foreground-Balanced Distillation\nFocalDistill improves RetinaNet to 40.1 AP on COCO. For instance segmentation, the distilled Mask R-CNN-R50 obtains 37.8 mask AP on COCO.",
			[]string{"FocalDistill | COCO | AP | 40.1", "FocalDistill | COCO | Mask AP | 37.8"}},
		{"so is an edited one",
			"EditLoc: Localised Knowledge Editing\nWe propose EditLoc, an editor. After 1,000 edits, the edited Llama-2-7B scores 45.0% on MMLU.",
			[]string{"EditLoc | MMLU | Accuracy | 45.0%"}},
		{"a pretrained one is not: it is the model before the paper's method",
			"FineTPR: Scaling Person Retrieval\nFineTPR reaches 76.2% Rank-1 on CUHK-PEDES. The pretrained CLIP ViT-L/14 achieves only 28.4% Rank-1 on CUHK-PEDES.",
			[]string{"FineTPR | CUHK-PEDES | Rank-1 | 76.2%", "CLIP ViT-L/14 | CUHK-PEDES | Rank-1 | 28.4%"}},
		{"a definite subject whose architecture a size adjective sets against the paper's other sizes is the paper's model",
			"Mosaic-CLIP: Open Image-Text Models\nMosaic-CLIP ViT-L/14 reaches 79.1% on ImageNet. The smaller ViT-B/16 model obtains 73.4% on ImageNet.",
			[]string{"Mosaic-CLIP ViT-L/14 | ImageNet-1k | Top-1 accuracy | 79.1%", "Mosaic-CLIP | ImageNet-1k | Top-1 accuracy | 73.4%"}},
		{"so is a definite variant",
			"FastInst-RT: Real-Time Instance Segmentation\nFastInst-RT reaches 38.2 mask AP on COCO. The ResNet-101 variant obtains 41.0 mask AP on COCO.",
			[]string{"FastInst-RT | COCO | Mask AP | 38.2", "FastInst-RT | COCO | Mask AP | 41.0"}},
		{"a backbone with a model of its own is that model's",
			"CascadeQ: Coarse-to-Fine Queries\nWith a Swin-L backbone, CascadeQ obtains 58.9 AP on COCO. For reference, DINO with the same Swin-L backbone reports 58.0 AP on COCO.",
			[]string{"CascadeQ | COCO | AP | 58.9", "DINO | COCO | AP | 58.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := candidateRows(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
