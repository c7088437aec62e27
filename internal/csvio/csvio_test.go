package csvio

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
)

func ptr(f float64) *float64 { return &f }

func sample() []model.Record {
	return []model.Record{
		{Task: "Image classification", Dataset: "ImageNet-1k", Metric: "Top-1 accuracy", HigherIsBetter: true,
			MetricUnit: "%", PrimaryMetric: true, Method: "BEiT-L", Value: 88.6, Unit: "%", Raw: "88.60",
			Setting: "512 px; pre-train 22k", ExtraData: true, Params: "306M", PaperTitle: "BEiT: BERT Pre-Training of Image Transformers",
			ArxivID: "2106.08254", PaperURL: "https://arxiv.org/abs/2106.08254", PaperDate: "2021", ReportedIn: "BEiT README",
			Source: "github.com/microsoft/unilm beit/README.md", SourceURL: "https://github.com/microsoft/unilm", Confidence: "high"},
		{Task: "DNA", Dataset: "Mouse Enhancers", ParentDataset: "GenomicBenchmarks", Metric: "Accuracy", HigherIsBetter: true,
			MetricUnit: "%", Method: "=HYPERLINK(\"http://evil\")", Value: -0.715, PlusMinus: ptr(0.087), Unit: "fraction",
			Raw: "0.715 ± 0.087", Setting: "+5-fold, \"quoted\"\nsecond line", Note: "@SUM(A1)", ReportedIn: "-x", Confidence: "med",
			PaperDate: "2024-03-05", Compute: "\ttab"},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sample() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "\r\n") || strings.Count(out, "\r\n") < 3 {
		t.Errorf("lines must end in CRLF: %q", out)
	}
	r, err := NewReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var got []model.Record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec)
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, sample())
	}
}

func TestFormulaInjectionNeutralised(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf)
	if err := w.Write(sample()[1]); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for _, bad := range []string{",=HYPERLINK", ",@SUM", ",+5-fold", ",-x,", ",\ttab"} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("export contains a live formula cell %q:\n%s", bad, buf.String())
		}
	}
	for _, good := range []string{`"'=HYPERLINK(""http://evil"")"`, "'@SUM(A1)", "'-x", ",-0.715,"} {
		if !strings.Contains(buf.String(), good) {
			t.Errorf("export lacks %q (neutralised text, numbers untouched):\n%s", good, buf.String())
		}
	}
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"plain", "plain"}, {"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"'=x", "''=x"}, {"'plain", "'plain"}, {"a=b", "a=b"},
	}
	for _, tt := range tests {
		got := Neutralise(tt.in)
		if got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := unneutralise(got); back != tt.in {
			t.Errorf("unneutralise(%q) = %q, want %q", got, back, tt.in)
		}
	}
}

func TestReaderErrors(t *testing.T) {
	header := strings.Join(Columns, ",") + "\n"
	good := "T,D,,M,true,%,true,Meth,1.5,,%,1.5,,false,,,,,,,,,,,high,,\n"
	tests := []struct {
		name    string
		input   string
		line    int
		col     int
		contain string
	}{
		{"empty file", "", 1, 1, "empty file"},
		{"unknown header", "task,dataset,colour\n", 1, 3, `unknown column "colour"; expected: task,dataset`},
		{"missing column", "task,dataset,metric,higher_is_better,method\n", 1, 6, `missing column "value"`},
		{"bad quote", header + good + "T,\"D,x\n", 3, 0, "quote"},
		{"too few fields", header + "T,D\n", 2, 1, "2 fields, the header has 27"},
		{"not a number", header + strings.Replace(good, "1.5,,%", "abc,,%", 1), 2, 25, `(value): "abc" is not a finite number`},
		{"NaN", header + strings.Replace(good, "1.5,,%", "NaN,,%", 1), 2, 25, "not a finite number"},
		{"Inf", header + strings.Replace(good, "1.5,,%", "1e999,,%", 1), 2, 25, "not a finite number"},
		{"bad direction", header + strings.Replace(good, "M,true", "M,maybe", 1), 2, 8, `(higher_is_better): "maybe" is not true or false`},
		{"bad unit", header + strings.Replace(good, "1.5,,%", "1.5,,pct", 1), 2, 30, `(unit): "pct"`},
		{"empty method", header + strings.Replace(good, "Meth", "", 1), 2, 20, "(method): is empty"},
		{"bad url", header + strings.Replace(good, ",,high", ",javascript:alert(1),high", 1), 2, 52, "not an http or https URL"},
		{"bad confidence", header + strings.Replace(good, "high", "sure", 1), 2, 53, `"sure" is not high, med or low`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tt.input))
			for err == nil {
				_, err = r.Read()
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want a *csvio.Error", err, err)
			}
			if e.Line != tt.line || (tt.col != 0 && e.Col != tt.col) {
				t.Errorf("at %d:%d, want %d:%d (%v)", e.Line, e.Col, tt.line, tt.col, e)
			}
			if !strings.Contains(e.Error(), tt.contain) {
				t.Errorf("error %q does not contain %q", e.Error(), tt.contain)
			}
		})
	}
}

// FuzzReader: any input either parses into records that write and read
// back identically, or fails with a positioned *Error; it never panics.
func FuzzReader(f *testing.F) {
	header := strings.Join(Columns, ",") + "\r\n"
	f.Add([]byte(header + "T,D,,M,true,%,true,Meth,1.5,,%,1.5,,false,,,,,,,,,,,high,,\r\n"))
	f.Add([]byte(header + "T,D,P,M,false,,false,\"'=x\",-2,0.1,fraction,r,s,true,5M,c,t,2106.08254,https://a.b/c,2021-01-02,http://c.d,ri,so,https://s.u,med,n\r\n"))
	f.Add([]byte("task,dataset\n\"unterminated"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		var recs []model.Record
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("error without position: %v", err)
				}
				return
			}
			recs = append(recs, rec)
		}
		var buf bytes.Buffer
		w, _ := NewWriter(&buf)
		for _, rec := range recs {
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		w.Close()
		r2, err := NewReader(&buf)
		if err != nil {
			t.Fatalf("re-reading our own output: %v", err)
		}
		for i := range recs {
			rec, err := r2.Read()
			if err != nil {
				t.Fatalf("re-reading record %d: %v\n%s", i, err, buf.String())
			}
			if !reflect.DeepEqual(rec, recs[i]) {
				t.Fatalf("record %d changed on a round trip:\n got %+v\nwant %+v", i, rec, recs[i])
			}
		}
	})
}

// TestLineBreaks checks the bytes, not only the round trip (the reader
// drops a CR before LF even inside quotes, so a round trip cannot tell):
// records end in CRLF, and a line break inside a field stays as stored.
func TestLineBreaks(t *testing.T) {
	tests := []struct {
		name, note string
		want       string // the note's cell as written
	}{
		{"LF inside a field", "first\nsecond", ",\"first\nsecond\",false\r\n"},
		{"two LFs and quotes", "a \"b\"\n\nc", ",\"a \"\"b\"\"\n\nc\",false\r\n"},
		{"no break", "plain", ",plain,false\r\n"},
		{"quote then LF outside", "say \"hi\"", "\"say \"\"hi\"\"\",false\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := sample()[0]
			rec.Note = tt.note
			var buf bytes.Buffer
			w, err := NewWriter(&buf)
			if err != nil {
				t.Fatal(err)
			}
			w.Flush = 1 // a flush per record splits the writes
			for range 3 {
				if err := w.Write(rec); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if got := strings.Count(out, "\r\n"); got != 4 {
				t.Errorf("%d CRLFs, want 4 (header and 3 records):\n%q", got, out)
			}
			if strings.Count(out, "\r") != 4 {
				t.Errorf("a CR inside a field:\n%q", out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q:\n%q", tt.want, out)
			}
			r, err := NewReader(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				got, err := r.Read()
				if err != nil {
					t.Fatalf("record %d: %v", i, err)
				}
				if got.Note != tt.note {
					t.Errorf("record %d: note %q, want %q", i, got.Note, tt.note)
				}
			}
		})
	}
}
