package bench

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Figure is one line of the results table.
type Figure struct {
	Name     string
	Value    float64
	Unit     string // "req/s", "ms", "MB", "rows/s" …
	Against  string // what it is compared with, measured in the same run
	Base     float64
	BaseUnit string
	// Ratio is Value/Base unless set; Target says how it is judged.
	Ratio  float64
	Target Target
	Note   string
	// Invalid marks a figure that could not be measured (every request
	// failed): it fails its target whatever its value.
	Invalid bool
}

// Target is how a figure passes: a bound on the ratio or on the value.
type Target struct {
	Kind  string // "", "ratio>=", "ratio<=", "value<="
	Bound float64
	Text  string // as printed, e.g. "≥ 0.5×"
}

var (
	noTarget = Target{Text: "—"}
	reported = Target{Text: "report"}
)

func ratioAtLeast(x float64) Target {
	return Target{Kind: "ratio>=", Bound: x, Text: fmt.Sprintf("≥ %g×", x)}
}
func ratioAtMost(x float64) Target {
	return Target{Kind: "ratio<=", Bound: x, Text: fmt.Sprintf("≤ %g×", x)}
}
func valueAtMost(x float64, unit string) Target {
	return Target{Kind: "value<=", Bound: x, Text: fmt.Sprintf("≤ %s %s", trimFloat(x), unit)}
}

// ratio is Value/Base when both are known.
func (f Figure) ratio() (float64, bool) {
	if f.Ratio != 0 {
		return f.Ratio, true
	}
	if f.Base > 0 {
		return f.Value / f.Base, true
	}
	return 0, false
}

// Verdict is "pass", "FAIL" or "—" when the figure has no bound.
func (f Figure) Verdict() string {
	if f.Invalid && f.Target.Kind != "" {
		return "FAIL"
	}
	r, hasRatio := f.ratio()
	switch f.Target.Kind {
	case "ratio>=":
		if hasRatio && r >= f.Target.Bound {
			return "pass"
		}
		return "FAIL"
	case "ratio<=":
		if hasRatio && r <= f.Target.Bound {
			return "pass"
		}
		return "FAIL"
	case "value<=":
		if f.Value <= f.Target.Bound {
			return "pass"
		}
		return "FAIL"
	}
	return "—"
}

// WriteTable prints the figures as one markdown table.
func WriteTable(w io.Writer, figs []Figure) error {
	var b strings.Builder
	b.WriteString("| figure | value | compared with (same run) | value | ratio | target | result |\n")
	b.WriteString("|---|--:|---|--:|--:|---|---|\n")
	for _, f := range figs {
		against, base, ratio := "—", "—", "—"
		if f.Against != "" {
			against = f.Against
		}
		if f.Base > 0 {
			base = formatValue(f.Base, f.BaseUnit)
		}
		if r, ok := f.ratio(); ok {
			ratio = formatRatio(r)
		}
		name := f.Name
		if f.Note != "" {
			name += " (" + f.Note + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", name, formatValue(f.Value, f.Unit), against, base, ratio, f.Target.Text, f.Verdict())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// formatRatio keeps two significant digits for small ratios, so that
// 0.0042× does not print as 0.00×, nor as 4.2e-03×.
func formatRatio(r float64) string {
	if r > 0 && r < 0.1 {
		decimals := 1 - int(math.Floor(math.Log10(r)))
		s := strings.TrimRight(fmt.Sprintf("%.*f", decimals, r), "0")
		return s + "×"
	}
	return fmt.Sprintf("%.2f×", r)
}

// formatValue prints a figure with a sensible number of digits.
func formatValue(v float64, unit string) string {
	var s string
	switch {
	case v >= 1000:
		s = groupThousands(fmt.Sprintf("%.0f", v))
	case v >= 100:
		s = fmt.Sprintf("%.0f", v)
	case v >= 10:
		s = fmt.Sprintf("%.1f", v)
	default:
		s = fmt.Sprintf("%.2f", v)
	}
	if unit == "" {
		return s
	}
	return s + " " + unit
}

func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func trimFloat(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%g", x), ".0") }

// ms is d in milliseconds, as a float.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
