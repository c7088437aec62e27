package pwc

import "testing"

func TestInferDirection(t *testing.T) {
	tests := []struct {
		name   string
		higher bool
	}{
		{"Accuracy", true},
		{"Top 1 Accuracy", true},
		{"mAP", true},
		{"box mAP", true},
		{"mIoU", true},
		{"F1", true},
		{"EM", true},
		{"Test ROC-AUC", true},
		{"Validation Hits@100", true},
		{"Test MRR", true},
		{"BLEU score", true},
		{"Answer F1", true}, // "Answer" is not "WER"
		{"Terror Score", true},
		{"MS-SSIM", true},
		{"Speed (FPS)", true},
		{"Hyperparameter count", true}, // not "param"

		{"Model Entropy", false},
		{"Cross-entropy", false},
		{"Bits per Character", false},
		{"Bits per byte", false},
		{"bits_per_byte", false},
		{"BPC", false},
		{"bpb", false},
		{"NLL (bits/dim)", false},
		{"bits/dim", false},
		{"Bits per dimension", false},
		{"Top-1 Error Rate", false},
		{"error", false},
		{"Test Error", false},
		{"TestError", false},
		{"Val Loss", false},
		{"Test perplexity", false},
		{"PPL", false},
		{"WER", false},
		{"Word Error Rate (WER)", false},
		{"CER", false},
		{"MAE", false},
		{"MSE", false},
		{"RMSE", false},
		{"FID", false},
		{"FID-50k", false},
		{"Inference Latency (ms)", false},
		{"Inference time (ms)", false},
		{"EER", false},
		{"FPR95", false},
		{"FID50k", false},
		{"Top1 Err.", false},
		{"mAP50", true},
		{"AP50", true},
		{"FPR", false},
		{"False Positive Rate", false},
		{"Miss Rate", false},
		{"Bits per character", false},
		{"bpc", false},
		{"BPD", false},
		{"Chamfer Distance", false},
		{"Number of params", false},
		{"#Params", false},
		{"Params (M)", false},
		{"GFLOPs", false},
		{"FLOPs", false},
		{"MACs", false},
		{"MR", false},
		{"Mean Rank", false},
		// Continual learning: forgetting is how much of an old task was lost.
		{"Forgetting", false},
		{"Average Forgetting", false},
		{"Last accuracy", true},
	}
	for _, tt := range tests {
		if got := InferDirection(tt.name); got != tt.higher {
			t.Errorf("InferDirection(%q) = %v, want %v", tt.name, got, tt.higher)
		}
	}
}

func TestIsSizeMetric(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Number of params", true},
		{"Params", true},
		{"#Params", true},
		{"Params (M)", true},
		{"Parameters", true},
		{"Number of Parameters (M)", true},
		{"Param.", true},
		{"Test Accuracy", false},
		{"GFLOPs", false},
		{"MACs", false},
		{"Hyperparameters", false},
	}
	for _, tt := range tests {
		if got := IsSizeMetric(tt.name); got != tt.want {
			t.Errorf("IsSizeMetric(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
