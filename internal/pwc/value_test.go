package pwc

import (
	"math"
	"strconv"
	"testing"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		raw     string
		value   float64
		pm      float64 // -1: no ± part
		unit    string
		wantErr string
	}{
		{raw: "90.871", value: 90.871, pm: -1},
		{raw: "93", value: 93, pm: -1},
		{raw: "0.000", value: 0, pm: -1},
		{raw: "-3.5", value: -3.5, pm: -1},
		{raw: "\u22123.5", value: -3.5, pm: -1},
		{raw: "1.5e-3", value: 0.0015, pm: -1},
		{raw: "2E+2", value: 200, pm: -1},
		{raw: ".5", value: 0.5, pm: -1},
		{raw: "5.", value: 5, pm: -1},
		{raw: "  42  ", value: 42, pm: -1},
		{raw: "12,345", value: 12345, pm: -1},
		{raw: "1,234,567.5", value: 1234567.5, pm: -1},
		{raw: "85.1%", value: 85.1, pm: -1, unit: "%"},
		{raw: "85.1 %", value: 85.1, pm: -1, unit: "%"},
		{raw: "1.2M", value: 1.2e6, pm: -1},
		{raw: "25.6 M", value: 25.6e6, pm: -1},
		{raw: "5k", value: 5000, pm: -1},
		{raw: "7B", value: 7e9, pm: -1},
		{raw: "0.8428 ± 0.0014", value: 0.8428, pm: 0.0014},
		{raw: "0.8428±0.0014", value: 0.8428, pm: 0.0014},
		{raw: "85.1 (±0.3)", value: 85.1, pm: 0.3},
		{raw: "85.1 ( ± 0.3 )", value: 85.1, pm: 0.3},
		{raw: "85.1% ± 0.3%", value: 85.1, pm: 0.3, unit: "%"},
		{raw: "85.1 ± 0.3%", value: 85.1, pm: 0.3, unit: "%"},
		{raw: "68.20 +/- 0.66", value: 68.2, pm: 0.66},
		{raw: "68.20 +- 0.66", value: 68.2, pm: 0.66},
		{raw: "0.7434 ± 0.0000", value: 0.7434, pm: 0},

		{raw: "-", wantErr: "not a number"},
		{raw: "—", wantErr: "not a number"},
		{raw: "Please tell us", wantErr: "not a number"},
		{raw: "N/A", wantErr: "not a number"},
		{raw: "", wantErr: "empty"},
		{raw: "   ", wantErr: "empty"},
		{raw: "NaN", wantErr: "not a number"},
		{raw: "Inf", wantErr: "not a number"},
		{raw: "-Infinity", wantErr: "not a number"},
		{raw: "0x1p3", wantErr: "not a number"},
		{raw: "1_000", wantErr: "not a number"},
		{raw: "1e999", wantErr: "out of float range"},
		{raw: "-1e400", wantErr: "out of float range"},
		{raw: "1e308T", wantErr: "out of float range"},
		{raw: "12,34", wantErr: "not a number"},
		{raw: "1,2345", wantErr: "not a number"},
		{raw: "85%1", wantErr: "not a number"},
		{raw: "%", wantErr: "not a number"},
		{raw: "M", wantErr: "not a number"},
		{raw: "1.2m", wantErr: "not a number"},
		{raw: "±0.3", wantErr: "not a number"},
		{raw: "1 ± ", wantErr: "not a number"},
		{raw: "1 ± 2 ± 3", wantErr: "not a number"},
		{raw: "1 ± -0.2", wantErr: "negative ± part"},
		{raw: "85.1 (±0.3", wantErr: "not a number"},
		{raw: "85.1 (0.3)", wantErr: "not a number"},
		{raw: "76.2 / 80.1", wantErr: "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, err := ParseValue(tt.raw)
			if v.Raw != tt.raw {
				t.Errorf("Raw = %q, want the input unchanged", v.Raw)
			}
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q (value %v)", err, tt.wantErr, v.Value)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if v.Value != tt.value {
				t.Errorf("Value = %v, want %v", v.Value, tt.value)
			}
			if v.Unit != tt.unit {
				t.Errorf("Unit = %q, want %q", v.Unit, tt.unit)
			}
			switch {
			case tt.pm < 0 && v.PlusMinus != nil:
				t.Errorf("PlusMinus = %v, want nil", *v.PlusMinus)
			case tt.pm >= 0 && v.PlusMinus == nil:
				t.Errorf("PlusMinus = nil, want %v", tt.pm)
			case tt.pm >= 0 && *v.PlusMinus != tt.pm:
				t.Errorf("PlusMinus = %v, want %v", *v.PlusMinus, tt.pm)
			}
		})
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{
		"0.8428 ± 0.0014", "85.1%", "1.2M", "-", "Please tell us", "90.871", "93", "1.5e-3",
		"12,345", "85.1 (±0.3)", "1e999", "NaN", "68.20 +/- 0.66", "85.1% ± 0.3%", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := ParseValue(raw)
		if v.Raw != raw {
			t.Fatalf("Raw = %q, want %q", v.Raw, raw)
		}
		if err != nil {
			return
		}
		if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
			t.Fatalf("ParseValue(%q) = %v, want a finite number", raw, v.Value)
		}
		if pm := v.PlusMinus; pm != nil && (*pm < 0 || math.IsInf(*pm, 0) || math.IsNaN(*pm)) {
			t.Fatalf("ParseValue(%q): PlusMinus = %v", raw, *pm)
		}
		if v.Unit != "" && v.Unit != "%" {
			t.Fatalf("ParseValue(%q): Unit = %q", raw, v.Unit)
		}
		// What we print back must read as the same number.
		again, err := ParseValue(strconv.FormatFloat(v.Value, 'g', -1, 64))
		if err != nil || again.Value != v.Value {
			t.Fatalf("ParseValue(%q) = %v, which reads back as %v, %v", raw, v.Value, again.Value, err)
		}
	})
}
