package model

import "testing"

func TestCleanText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"  plain  ", 10, "plain"},
		{"a\x00b", 10, "ab"},
		{"bad \xff byte", 20, "bad \uFFFD byte"},
		{"héllo", 2, "h"}, // never half an é
		{"abcdef", 3, "abc"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in, tt.n); got != tt.want {
			t.Errorf("CleanText(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestIsWebURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://arxiv.org/abs/2106.08254": true,
		" http://example.org/x ":           true,
		"HTTPS://example.org":              false, // the database's check wants the scheme in lower case
		"ftp://example.org":                false,
		"https://":                         false,
		"arxiv.org/abs/1":                  false,
	} {
		if got := IsWebURL(s); got != want {
			t.Errorf("IsWebURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestClip(t *testing.T) {
	long := "ééééééééééééééééééééé" // 42 bytes: byte 40 starts the last é
	for in, want := range map[string]string{
		"short":    "short",
		long:       "éééééééééééééééééééé…",
		"a" + long: "a" + long[:38] + "…", // byte 40 is inside an é: cut before it
	} {
		if got := Clip(in); got != want {
			t.Errorf("Clip(%q) = %q, want %q", in, got, want)
		}
	}
}
