package bench

import (
	"strings"
	"testing"
)

func TestVerdict(t *testing.T) {
	tests := []struct {
		name string
		f    Figure
		want string
	}{
		{"ratio at least, met", Figure{Value: 60, Base: 100, Target: ratioAtLeast(0.5)}, "pass"},
		{"ratio at least, exactly", Figure{Value: 50, Base: 100, Target: ratioAtLeast(0.5)}, "pass"},
		{"ratio at least, missed", Figure{Value: 40, Base: 100, Target: ratioAtLeast(0.5)}, "FAIL"},
		{"ratio at least, no base", Figure{Value: 40, Target: ratioAtLeast(0.5)}, "FAIL"},
		{"ratio at most, met", Figure{Value: 12, Base: 10, Target: ratioAtMost(1.3)}, "pass"},
		{"ratio at most, missed", Figure{Value: 14, Base: 10, Target: ratioAtMost(1.3)}, "FAIL"},
		{"value at most, met", Figure{Value: 49.9, Target: valueAtMost(50, "ms")}, "pass"},
		{"value at most, missed", Figure{Value: 51, Target: valueAtMost(50, "ms")}, "FAIL"},
		{"report only", Figure{Value: 51, Target: reported}, "—"},
		{"not measured", Figure{Value: 0, Target: valueAtMost(50, "ms"), Invalid: true}, "FAIL"},
	}
	for _, tt := range tests {
		if got := tt.f.Verdict(); got != tt.want {
			t.Errorf("%s: Verdict = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	err := WriteTable(&b, []Figure{
		{Name: "page", Value: 1234.5, Unit: "req/s", Against: "static", Base: 24690, BaseUnit: "req/s", Target: ratioAtLeast(0.5)},
		{Name: "p99", Value: 42.25, Unit: "ms", Target: valueAtMost(50, "ms"), Note: "n=200"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "| figure | value | compared with (same run) | value | ratio | target | result |\n" +
		"|---|--:|---|--:|--:|---|---|\n" +
		"| page | 1,234 req/s | static | 24,690 req/s | 0.05× | ≥ 0.5× | FAIL |\n" +
		"| p99 (n=200) | 42.2 ms | — | — | — | ≤ 50 ms | pass |\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestFormatRatio(t *testing.T) {
	for in, want := range map[float64]string{0.0042: "0.0042×", 0.05: "0.05×", 0.000076: "0.000076×", 0.033: "0.033×", 0.5: "0.50×", 1.304: "1.30×", 0: "0.00×"} {
		if got := formatRatio(in); got != want {
			t.Errorf("formatRatio(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestGroupThousands(t *testing.T) {
	for in, want := range map[string]string{"1": "1", "999": "999", "1000": "1,000", "1000000": "1,000,000", "-12345": "-12,345"} {
		if got := groupThousands(in); got != want {
			t.Errorf("groupThousands(%q) = %q, want %q", in, got, want)
		}
	}
}
