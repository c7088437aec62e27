package model

import "testing"

func TestSourceLabel(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://arxiv.org/abs/2106.08254", "arXiv 2106.08254"},
		{"https://arxiv.org/abs/2306.15794v2", "arXiv 2306.15794v2"},
		{"https://arxiv.org/pdf/2106.08254v2.pdf", "arXiv 2106.08254v2"},
		{"https://github.com/microsoft/unilm/blob/master/beit/README.md", "GitHub microsoft/unilm"},
		{"https://www.github.com/anosorae/IRRA", "GitHub anosorae/IRRA"},
		{"https://openreview.net/forum?id=abc123", "OpenReview abc123"},
		{"https://paperswithcode.com/sota/image-classification-on-imagenet", "paperswithcode.com"},
		{"https://WWW.Example.org/x", "example.org"},
		{"not a url", "source"},
		{"", "source"},
	}
	for _, tc := range tests {
		if got := SourceLabel(tc.url); got != tc.want {
			t.Errorf("SourceLabel(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}
