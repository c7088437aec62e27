package csvio

import (
	"errors"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
)

// TestReaderRefusesWhatPostgresRefuses: input the database would reject
// (with no line or column to show) is caught by the reader, with both.
func TestReaderRefusesWhatPostgresRefuses(t *testing.T) {
	header := strings.Join(Columns, ",") + "\n"
	good := "T,D,,M,true,%,true,Meth,1.5,,%,1.5,,false,,,,,,,,,,,high,,\n"
	tests := []struct {
		name    string
		line    string
		col     int
		contain string
	}{
		{"invalid UTF-8", strings.Replace(good, "Meth", "Me\xffth", 1), 20, "(method): is not valid UTF-8"},
		{"year before 1900", strings.Replace(good, ",,,,,,,,,,high", ",,,,,1850,,,,,high", 1), 48, `"1850": the year is not between 1900 and 2200`},
		{"date after 2200", strings.Replace(good, ",,,,,,,,,,high", ",,,,,2201-01-01,,,,,high", 1), 48, "not between 1900 and 2200"},
		{"upper-case scheme", strings.Replace(good, ",,high", ",HTTPS://example.org,high", 1), 52, "not an http or https URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(header + tt.line))
			if err != nil {
				t.Fatal(err)
			}
			_, err = r.Read()
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a *csvio.Error", err)
			}
			if e.Line != 2 || e.Col != tt.col || !strings.Contains(e.Error(), tt.contain) {
				t.Errorf("got %v, want line 2:%d containing %q", e, tt.col, tt.contain)
			}
		})
	}
	for _, ok := range []string{"1900", "2200", "2023-06-27"} {
		if _, err := model.ParseDate(ok); err != nil {
			t.Errorf("model.ParseDate(%q): %v", ok, err)
		}
	}
}
