package form

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/model"
)

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"85.2", 85.2, true}, {"-0.5", -0.5, true}, {"+3", 3, true}, {".5", 0.5, true}, {"5.", 5, true},
		{"1e-3", 0.001, true}, {"2E2", 200, true}, {"0", 0, true},
		{"", 0, false}, {"NaN", 0, false}, {"Inf", 0, false}, {"-Infinity", 0, false}, {"1e999", 0, false},
		{"1e300", 0, false}, {"0x1p3", 0, false}, {"1_000", 0, false}, {"85,2", 0, false}, {"1.2.3", 0, false},
		{"١٢", 0, false}, {" 5", 0, false}, {"5 ", 0, false}, {strings.Repeat("1", 41), 0, false},
	} {
		got, msg := Number(tc.in)
		if (msg == "") != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("Number(%q) = %v, %q; want %v ok=%v", tc.in, got, msg, tc.want, tc.ok)
		}
	}
}

// FuzzNumber: whatever is typed, an accepted number is finite and within
// bounds, and a refused one comes with a message.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"85.2", "NaN", "1e999", "-0", "0x1p3", ".", "1e-400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, msg := Number(s)
		if msg == "" && (math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > NumberLimit) {
			t.Fatalf("Number(%q) accepted %v", s, v)
		}
	})
}

// FuzzText: accepted text is valid UTF-8 without control characters and
// within its length.
func FuzzText(f *testing.F) {
	for _, s := range []string{"fine-tuned", "a\x00b", "\xff", "line\nbreak", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Text(s, 50) != "" {
			return
		}
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 50 || strings.ContainsAny(s, "\x00\n\r\t") {
			t.Fatalf("Text accepted %q", s)
		}
	})
}

type values map[string]string

func (v values) FormValue(key string, _ ...string) string { return v[key] }

func TestCorrectionValidate(t *testing.T) {
	pm := 0.2
	cur := model.Fields{Value: 82.5, ValueText: "82.50", PlusMinus: &pm, Setting: "fine-tuned", SourceURL: ""}
	for _, tc := range []struct {
		name  string
		in    values
		field string
	}{
		{"unchanged", values{"value": "82.50", "plus_minus": "0.2", "setting": "fine-tuned"}, ""},
		{"new value, no source", values{"value": "85.2", "plus_minus": "0.2", "setting": "fine-tuned"}, "source_url"},
		{"new ±, no source", values{"value": "82.5", "plus_minus": "0.3", "setting": "fine-tuned"}, "source_url"},
		{"setting only, no source needed", values{"value": "82.5", "plus_minus": "0.2", "setting": "zero-shot"}, "-"},
		{"new value with source", values{"value": "85.2", "plus_minus": "0.2", "setting": "fine-tuned", "source_url": "https://arxiv.org/abs/1"}, "-"},
	} {
		f := NewCorrection(tc.in)
		after, errs := f.Validate(cur)
		switch tc.field {
		case "-":
			if errs.Any() {
				t.Errorf("%s: errors %v", tc.name, errs)
			}
		default:
			if _, ok := errs[tc.field]; !ok {
				t.Errorf("%s: no error for %q: %v", tc.name, tc.field, errs)
			}
		}
		if tc.name == "new value with source" && (after.Value != 85.2 || after.ValueText != "85.2") {
			t.Errorf("after = %+v", after)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]bool{"/mod/queue": true, "/results/1?x=y": true, "": false, "//evil.example": false,
		"/\\evil.example": false, "https://evil.example/": false, "/a\nb": false} {
		if SafeNext(in) != want {
			t.Errorf("SafeNext(%q) = %v", in, !want)
		}
	}
}
