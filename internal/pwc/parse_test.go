package pwc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// parseFile parses a fixture and returns every row.
func parseFile(t *testing.T, name string) []Row {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []Row
	err = Parse(context.Background(), f, func(r Row) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func byPath(rows []Row) map[string]Row {
	m := make(map[string]Row, len(rows))
	for _, r := range rows {
		m[r.Path] = r
	}
	return m
}

func TestParseRealFiles(t *testing.T) {
	tests := []struct {
		file                          string
		rows, values, skipped, params int
	}{
		// squad: 451 rows × EM, F1; every cell is a plain number.
		{"squad.json", 451, 902, 0, 0},
		// ogb: 244 rows × 2 scores + "Number of params"; 13 scores and
		// 2 parameter counts say "Please tell us".
		{"ogb.json", 244, 475, 15, 242},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rows := parseFile(t, tt.file)
			var values, skipped, params int
			for _, r := range rows {
				values += len(r.Values)
				skipped += len(r.Skipped)
				if r.Params != "" {
					params++
				}
				for _, s := range r.Skipped {
					if !strings.HasPrefix(s.Path, r.Path+".metrics[") || s.Reason == "" {
						t.Errorf("skip %+v in row %s lacks a path or reason", s, r.Path)
					}
				}
			}
			got := []int{len(rows), values, skipped, params}
			want := []int{tt.rows, tt.values, tt.skipped, tt.params}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rows, values, skipped, params = %v, want %v", got, want)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }

func TestParseSpotChecks(t *testing.T) {
	squad := byPath(parseFile(t, "squad.json"))
	ogb := byPath(parseFile(t, "ogb.json"))
	tests := []struct {
		name string
		got  Row
		want Row
	}{
		{"squad first row", squad["[0].datasets[0].sota.rows[0]"], Row{
			Path: "[0].datasets[0].sota.rows[0]",
			Task: "Question Answering", TaskPath: []string{"Question Answering"},
			Dataset: "SQuAD2.0", DatasetPath: []string{"SQuAD2.0"},
			Model: "FPNet (ensemble)", PaperDate: "2021-02-21",
			Values: []Value{
				{Metric: "EM", Value: 90.871, Raw: "90.871"},
				{Metric: "F1", Value: 93.183, Raw: "93.183"},
			},
		}},
		{"squad paper link", squad["[0].datasets[0].sota.rows[3]"], Row{
			Path: "[0].datasets[0].sota.rows[3]",
			Task: "Question Answering", TaskPath: []string{"Question Answering"},
			Dataset: "SQuAD2.0", DatasetPath: []string{"SQuAD2.0"},
			Model: "Retro-Reader (ensemble)", PaperDate: "2020-04-05",
			PaperTitle: "http://arxiv.org/abs/2001.09694", PaperURL: "http://arxiv.org/abs/2001.09694",
			Values: []Value{
				{Metric: "EM", Value: 90.578, Raw: "90.578"},
				{Metric: "F1", Value: 92.978, Raw: "92.978"},
			},
		}},
		// The file has a nameless row with a null date; it passes through.
		{"squad null date", squad["[0].datasets[1].sota.rows[83]"], Row{
			Path: "[0].datasets[1].sota.rows[83]",
			Task: "Question Answering", TaskPath: []string{"Question Answering"},
			Dataset: "SQuAD1.1", DatasetPath: []string{"SQuAD1.1"},
			Values: []Value{
				{Metric: "EM", Value: 78.926, Raw: "78.926"},
				{Metric: "F1", Value: 85.81, Raw: "85.810"},
			},
		}},
		{"ogb plus-minus and params", ogb["[0].datasets[0].sota.rows[0]"], Row{
			Path: "[0].datasets[0].sota.rows[0]",
			Task: "Node Property Prediction", TaskPath: []string{"Node Property Prediction"},
			Dataset: "ogbn-products", DatasetPath: []string{"ogbn-products"},
			Model: "SAGN+SLE", PaperURL: "https://arxiv.org/abs/2104.09376", PaperDate: "2021-04-19",
			CodeURL: "https://github.com/skepsun/SAGN_with_SLE",
			Params:  "2179678",
			Values: []Value{
				{Metric: "Test Accuracy", Value: 0.8428, PlusMinus: ptr(0.0014), Raw: "0.8428 ± 0.0014"},
				{Metric: "Validation Accuracy", Value: 0.9287, PlusMinus: ptr(0.0003), Raw: "0.9287 ± 0.0003"},
			},
		}},
		{"ogb unknown params and validation", ogb["[0].datasets[0].sota.rows[22]"], Row{
			Path: "[0].datasets[0].sota.rows[22]",
			Task: "Node Property Prediction", TaskPath: []string{"Node Property Prediction"},
			Dataset: "ogbn-products", DatasetPath: []string{"ogbn-products"},
			Model: "GraphSAGE", PaperURL: "https://arxiv.org/abs/1706.02216", PaperDate: "2020-05-12",
			CodeURL: "https://github.com/dmlc/dgl/tree/master/examples/pytorch/ogb/ogbn-products/graphsage",
			Values: []Value{
				{Metric: "Test Accuracy", Value: 0.7829, PlusMinus: ptr(0.0016), Raw: "0.7829 ± 0.0016"},
			},
			Skipped: []Skip{
				{Path: `[0].datasets[0].sota.rows[22].metrics["Validation Accuracy"]`, Metric: "Validation Accuracy", Raw: "Please tell us", Reason: "not a number"},
				{Path: `[0].datasets[0].sota.rows[22].metrics["Number of params"]`, Metric: "Number of params", Raw: "Please tell us", Reason: "not a parameter count"},
			},
		}},
		{"ogb last task", ogb["[2].datasets[3].sota.rows[9]"], Row{
			Path: "[2].datasets[3].sota.rows[9]",
			Task: "Graph Property Prediction", TaskPath: []string{"Graph Property Prediction"},
			Dataset: "ogbg-code2", DatasetPath: []string{"ogbg-code2"},
			Model: "GIN", PaperURL: "https://arxiv.org/abs/1810.00826", PaperDate: "2021-02-24",
			CodeURL: "https://github.com/snap-stanford/ogb/tree/master/examples/graphproppred/code2",
			Params:  "12390715",
			Values: []Value{
				{Metric: "Test F1 score", Value: 0.1495, PlusMinus: ptr(0.0023), Raw: "0.1495 ± 0.0023"},
				{Metric: "Validation F1 score", Value: 0.1376, PlusMinus: ptr(0.0016), Raw: "0.1376 ± 0.0016"},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", dump(tt.got), dump(tt.want))
			}
		})
	}
}

// dump prints a row with pointers followed, for readable failures.
func dump(r Row) string {
	var b strings.Builder
	v := r.Values
	r.Values = nil
	fmt.Fprintf(&b, "%+v", r)
	for _, x := range v {
		pm := "nil"
		if x.PlusMinus != nil {
			pm = fmt.Sprint(*x.PlusMinus)
		}
		fmt.Fprintf(&b, "\n  %s = %v ± %s %q (raw %q)", x.Metric, x.Value, pm, x.Unit, x.Raw)
	}
	return b.String()
}

// summary reduces a row to one line that a table can spell out.
func summary(r Row) string {
	var parts []string
	for _, v := range r.Values {
		s := fmt.Sprintf("%s=%v", v.Metric, v.Value)
		if v.PlusMinus != nil {
			s += fmt.Sprintf("±%v", *v.PlusMinus)
		}
		parts = append(parts, s+v.Unit)
	}
	for _, s := range r.Skipped {
		parts = append(parts, fmt.Sprintf("skip %s (%s)", s.Metric, s.Reason))
	}
	return fmt.Sprintf("%s | %s | %s | %s | params=%q code=%q extra=%v | %s",
		r.Path, strings.Join(r.TaskPath, " > "), strings.Join(r.DatasetPath, " > "), r.Model,
		r.Params, r.CodeURL, r.ExtraData, strings.Join(parts, ", "))
}

func TestParseNested(t *testing.T) {
	want := []string{
		`[0].datasets[0].sota.rows[0] | Image Classification | ImageNet | ResNet-50 | params="25.6M" code="https://github.com/KaimingHe/deep-residual-networks" extra=false | Top 1 Accuracy=76.15%, Top-1 Error Rate=23.85, GFLOPs=4.1`,
		`[0].datasets[0].sota.rows[1] | Image Classification | ImageNet | ViT-H/14 | params="" code="" extra=true | Top 1 Accuracy=88.55±0.04, Throughput=1234, skip Top-1 Error Rate (null), skip Number of params (not a parameter count)`,
		`[0].datasets[0].subdatasets[0].sota.rows[0] | Image Classification | ImageNet > ImageNet ReaL | NoisyStudent | params="" code="" extra=true | Accuracy=90.55`,
		`[0].datasets[0].subdatasets[0].subdatasets[0].sota.rows[0] | Image Classification | ImageNet > ImageNet ReaL > ImageNet ReaL (val) | Meta Pseudo Labels | params="480000000" code="" extra=false | Accuracy=91.02±0.1%`,
		`[0].subtasks[0].datasets[0].sota.rows[0] | Image Classification > Few-Shot Image Classification | Mini-ImageNet - 5-Shot Learning | ProtoNet | params="" code="" extra=false | Accuracy=68.2±0.66`,
		`[0].subtasks[0].subtasks[0].datasets[0].sota.rows[0] | Image Classification > Few-Shot Image Classification > One-Shot Learning | Omniglot - 1-Shot | MAML | params="" code="" extra=false | skip Accuracy (not a number)`,
		`[1].datasets[0].sota.rows[0] | Language Modelling | WikiText-103 | Transformer-XL | params="" code="" extra=false | Test perplexity=18.3, skip Validation perplexity (not a number)`,
	}
	rows := parseFile(t, "nested.json")
	var got []string
	for _, r := range rows {
		got = append(got, summary(r))
		if r.Task != r.TaskPath[len(r.TaskPath)-1] || r.Dataset != r.DatasetPath[len(r.DatasetPath)-1] {
			t.Errorf("%s: Task %q / Dataset %q are not the ends of their paths", r.Path, r.Task, r.Dataset)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A row of the malformed inputs' common shape; each case breaks one part.
const okRow = `{"model_name": "m", "metrics": {"A": "1"}, "code_links": [], "uses_additional_data": false}`

func doc(datasets string) string {
	return `[{"task": "T", "datasets": ` + datasets + `}]`
}

func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		near string // the offending text: the offset must fall within it ("" = end of input, "*" = anywhere)
		path string // "*" = any
		msg  string
	}{
		{"empty", ``, "", "", "unexpected end of input"},
		{"top level object", `{"task": "T"}`, `{`, "", "expected list, got object"},
		{"top level string", `"tasks"`, `"tasks"`, "", "expected list, got string"},
		{"data after list", `[] {}`, `{`, "", "unexpected object after the top-level list"},
		{"trailing comma in task list", `[{"task": "T", "datasets": []},]`, `,]`, "[1]", "invalid character ']'"},
		{"trailing comma in task", `[{"task": "T", "datasets": [],}]`, `}]`, "[0]", "invalid character '}'"},
		{"trailing comma in rows", doc(`[{"dataset": "D", "sota": {"rows": [` + okRow + `,]}}]`), `]}}]}]`, "[0].datasets[0].sota.rows[1]", "invalid character ']'"},
		{"trailing comma in row", doc(`[{"dataset": "D", "sota": {"rows": [{"model_name": "m",}]}}]`), `,}`, "[0].datasets[0].sota.rows[0]", "invalid character '}'"},
		{"trailing comma in metrics", doc(`[{"dataset": "D", "sota": {"rows": [{"metrics": {"A": "1",}}]}}]`), `,}`, "[0].datasets[0].sota.rows[0]", "invalid character '}'"},
		{"missing comma", `[{"task": "T"} {"task": "U"}]`, `{"task": "U"}`, "[1]", "invalid character '{' after array element"},
		{"bad escape in skipped string", `[{"description": "a\qb", "task": "T"}]`, `q`, "[0].description", "invalid character 'q' in string escape code"},
		{"truncated in task", `[{"task": "T", "datasets": [`, "", "[0].datasets", "unexpected end of input"},
		{"truncated in row", doc(`[{"dataset": "D", "sota": {"rows": [{"model_name": "m`), "", "[0].datasets[0].sota.rows[0]", "unexpected end of input"},
		{"truncated after list", `[{"task": "T"}`, "", "", "unexpected end of input"},
		{"task is string", `["Image Classification"]`, `"Image Classification"`, "[0]", "expected object, got string"},
		{"task name is number", `[{"task": 7}]`, `7`, "[0].task", "expected string, got number"},
		{"task name missing", `[{"datasets": []}]`, `}`, "[0]", `task has no "task" name`},
		{"datasets is string", doc(`"ImageNet"`), `"ImageNet"`, "[0].datasets", "expected list, got string"},
		{"subtasks is object", `[{"task": "T", "subtasks": {}}]`, `{}`, "[0].subtasks", "expected list, got object"},
		{"dataset is list", doc(`[[]]`), `[]`, "[0].datasets[0]", "expected object, got list"},
		{"dataset name missing", doc(`[{"sota": null}]`), `null}`, "[0].datasets[0]", `dataset has no "dataset" or "subdataset" name`},
		{"sota is list", doc(`[{"dataset": "D", "sota": []}]`), `[]`, "[0].datasets[0].sota", "expected object, got list"},
		{"sota metrics is string", doc(`[{"dataset": "D", "sota": {"metrics": "A"}}]`), `"A"`, "[0].datasets[0].sota.metrics", "expected list, got string"},
		{"rows is object", doc(`[{"dataset": "D", "sota": {"rows": {}}}]`), `{}`, "[0].datasets[0].sota.rows", "expected list, got object"},
		{"row is string", doc(`[{"dataset": "D", "sota": {"rows": [` + okRow + `, "row"]}}]`), `"row"`, "[0].datasets[0].sota.rows[1]", "expected object, got string"},
		{"row is null", doc(`[{"dataset": "D", "sota": {"rows": [null]}}]`), `null`, "[0].datasets[0].sota.rows[0]", "expected object, got null"},
		{"row metrics is list", doc(`[{"dataset": "D", "sota": {"rows": [{"metrics": ["1"]}]}}]`), `["1"]`, "[0].datasets[0].sota.rows[0].metrics", "expected object, got list"},
		{"model name is number", doc(`[{"dataset": "D", "sota": {"rows": [{"model_name": 12}]}}]`), `12`, "[0].datasets[0].sota.rows[0].model_name", "expected string, got number"},
		{"code links is string", doc(`[{"dataset": "D", "sota": {"rows": [{"code_links": "x"}]}}]`), `"x"`, "[0].datasets[0].sota.rows[0].code_links", "expected list, got string"},
		{"extra data is string", doc(`[{"dataset": "D", "sota": {"rows": [{"uses_additional_data": "no"}]}}]`), `"no"`, "[0].datasets[0].sota.rows[0].uses_additional_data", "expected bool, got string"},
		{"subdataset is number", doc(`[{"dataset": "D", "subdatasets": [1]}]`), `1]`, "[0].datasets[0].subdatasets[0]", "expected object, got number"},
		{"deep subtask is string", `[{"task": "T", "subtasks": [{"task": "U", "subtasks": ["V"]}]}]`, `"V"`, "[0].subtasks[0].subtasks[0]", "expected object, got string"},
		{"subtasks too deep", strings.Repeat(`[{"task": "T", "subtasks": `, maxDepth+1) + "[]" + strings.Repeat(`}]`, maxDepth+1), "*", "*", "subtasks nested more than"},
		{"skipped value too deep", `[{"synonyms": ` + strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1) + `, "task": "T"}]`, "*", "[0].synonyms", "value nested more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			err := Parse(context.Background(), strings.NewReader(tt.in), func(Row) error {
				called = true
				return nil
			})
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%T), want *pwc.Error", err, err)
			}
			if called {
				t.Error("fn was called for a malformed document")
			}
			if pe.Path != tt.path && tt.path != "*" {
				t.Errorf("Path = %q, want %q (%v)", pe.Path, tt.path, err)
			}
			if !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("Msg = %q, want it to contain %q", pe.Msg, tt.msg)
			}
			if tt.near == "*" {
				return
			}
			lo, hi := int64(len(tt.in)), int64(len(tt.in))
			if tt.near != "" {
				i := strings.Index(tt.in, tt.near)
				if i < 0 || strings.Count(tt.in, tt.near) != 1 {
					t.Fatalf("near %q must occur once in the input", tt.near)
				}
				lo, hi = int64(i), int64(i+len(tt.near))
			}
			if pe.Offset < lo || pe.Offset > hi {
				t.Errorf("Offset = %d, want %d..%d: %q <here> %q", pe.Offset, lo, hi,
					tt.in[:min(pe.Offset, int64(len(tt.in)))], tt.in[min(pe.Offset, int64(len(tt.in))):])
			}
			if want := fmt.Sprintf("pwc: at byte %d", pe.Offset); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", err.Error(), want)
			}
		})
	}
}

// A real file cut short fails with the offset of its end, and no row of
// it reaches fn: the caller gets nothing partial.
func TestParseTruncatedRealFile(t *testing.T) {
	data, err := os.ReadFile("testdata/squad.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 100, len(data) / 2, len(data) - 3} {
		cut := data[:n]
		calls := 0
		err := Parse(context.Background(), bytes.NewReader(cut), func(Row) error {
			calls++
			return nil
		})
		var pe *Error
		if !errors.As(err, &pe) || pe.Offset != int64(n) || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("cut at %d: err = %v, want *Error at byte %d wrapping io.ErrUnexpectedEOF", n, err, n)
		}
		if calls != 0 {
			t.Errorf("cut at %d: fn called %d times", n, calls)
		}
	}
}

func TestParseStops(t *testing.T) {
	data, err := os.ReadFile("testdata/squad.json")
	if err != nil {
		t.Fatal(err)
	}
	errStop := errors.New("stop")

	t.Run("callback error", func(t *testing.T) {
		calls := 0
		err := Parse(context.Background(), bytes.NewReader(data), func(Row) error {
			calls++
			if calls == 3 {
				return errStop
			}
			return nil
		})
		if err != errStop || calls != 3 {
			t.Errorf("err = %v after %d calls, want errStop after 3", err, calls)
		}
	})

	t.Run("cancelled between rows", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		err := Parse(ctx, bytes.NewReader(data), func(Row) error {
			calls++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 1 {
			t.Errorf("err = %v after %d calls, want context.Canceled after 1", err, calls)
		}
	})

	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := Parse(ctx, bytes.NewReader(data), func(Row) error {
			t.Fatal("fn called")
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

// Parse starts where the reader stands and counts offsets from there.
func TestParseFromCurrentPosition(t *testing.T) {
	r := strings.NewReader(`garbage` + doc(`[{"dataset": "D", "sota": {"rows": [`+okRow+`]}}]`))
	if _, err := r.Seek(int64(len("garbage")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	calls := 0
	if err := Parse(context.Background(), r, func(Row) error { calls++; return nil }); err != nil || calls != 1 {
		t.Fatalf("err = %v, calls = %d, want one row", err, calls)
	}

	r = strings.NewReader(`garbage[1]`)
	if _, err := r.Seek(int64(len("garbage")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	var pe *Error
	if err := Parse(context.Background(), r, nil); !errors.As(err, &pe) || pe.Offset != 2 {
		t.Fatalf("err = %v, want *Error at byte 2", err)
	}
}

// rowsReader produces a document of one task with n identical rows
// without holding it in memory, so the test can watch Parse's heap.
type rowsReader struct {
	head, first, rest, tail string
	n                       int
	pos                     int64
}

func newRowsReader(n int) *rowsReader {
	return &rowsReader{
		head:  `[{"categories": [], "datasets": [{"dataset": "D", "sota": {"metrics": ["Accuracy", "Error"], "rows": [`,
		first: okRow,
		rest:  `, {"model_name": "A model with a longish name", "paper_title": "A paper title that takes some room", "paper_url": "https://arxiv.org/abs/2101.00001", "paper_date": "2021-01-01", "code_links": [{"title": "", "url": "https://github.com/example/example"}], "model_links": [], "uses_additional_data": false, "metrics": {"Accuracy": "0.8428 ± 0.0014", "Error": "15.7%"}}`,
		tail:  `]}}], "task": "T"}]`,
		n:     n,
	}
}

func (r *rowsReader) size() int64 {
	return int64(len(r.head) + len(r.first) + (r.n-1)*len(r.rest) + len(r.tail))
}

func (r *rowsReader) Read(b []byte) (int, error) {
	total := 0
	for total < len(b) {
		seg, off := r.segment(r.pos)
		if seg == "" {
			break
		}
		n := copy(b[total:], seg[off:])
		total += n
		r.pos += int64(n)
	}
	if total == 0 {
		return 0, io.EOF
	}
	return total, nil
}

// segment finds the piece of the document that holds byte pos.
func (r *rowsReader) segment(pos int64) (string, int64) {
	for _, s := range []string{r.head, r.first} {
		if pos < int64(len(s)) {
			return s, pos
		}
		pos -= int64(len(s))
	}
	if body := int64(r.n-1) * int64(len(r.rest)); pos < body {
		return r.rest, pos % int64(len(r.rest))
	} else {
		pos -= body
	}
	if pos < int64(len(r.tail)) {
		return r.tail, pos
	}
	return "", 0
}

func (r *rowsReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		r.pos = offset
	case io.SeekCurrent:
		r.pos += offset
	default:
		return 0, errors.New("unsupported whence")
	}
	return r.pos, nil
}

func TestParseBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a large generated document")
	}
	const n = 120_000
	r := newRowsReader(n)
	var peak uint64
	rows := 0
	err := Parse(context.Background(), r, func(row Row) error {
		rows++
		if rows%10_000 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
		return nil
	})
	if err != nil || rows != n {
		t.Fatalf("err = %v, rows = %d", err, rows)
	}
	const limit = 16 << 20
	t.Logf("document %d MiB, peak heap %d MiB", r.size()>>20, peak>>20)
	if peak > limit || r.size() < 2*limit {
		t.Errorf("peak heap %d bytes for a %d-byte document, want under %d", peak, r.size(), limit)
	}
}

// TestParseSubdatasetAndCounts: sota-extractor names an entry of
// subdatasets with "subdataset"; parameter counts come in any case and
// with thousands separators, and a column may name their unit.
func TestParseSubdatasetAndCounts(t *testing.T) {
	rows := parseFile(t, "subdataset.json")
	want := []string{
		`[0].datasets[0].sota.rows[0] | Image Classification | ImageNet | Tiny | params="220k" code="" extra=false | Top 1 Accuracy=61.2`,
		`[0].datasets[0].sota.rows[1] | Image Classification | ImageNet | Small | params="3.0m" code="" extra=false | Top 1 Accuracy=70.1`,
		`[0].datasets[0].sota.rows[2] | Image Classification | ImageNet | Mid | params="15m" code="" extra=false | Top 1 Accuracy=75`,
		`[0].datasets[0].sota.rows[3] | Image Classification | ImageNet | Big | params="1.2B" code="" extra=false | Top 1 Accuracy=80.5`,
		`[0].datasets[0].sota.rows[4] | Image Classification | ImageNet |  | params="1,014.45M" code="" extra=false | Top 1 Accuracy=81`,
		`[0].datasets[0].subdatasets[0].sota.rows[0] | Image Classification | ImageNet > ImageNet ReaL | Big | params="1,013.01M" code="" extra=false | Accuracy=86`,
	}
	var got []string
	for _, r := range rows {
		got = append(got, summary(r))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSizeCell(t *testing.T) {
	tests := []struct {
		column, cell string
		want         string
		wantErr      bool
	}{
		{"Number of params", `"220k"`, "220k", false},
		{"Number of params", `"3.0m"`, "3.0m", false},
		{"Number of params", `"15m"`, "15m", false},
		{"Number of params", `"1.2B"`, "1.2B", false},
		{"Number of params", `"1,014.45"`, "1,014.45", false},
		{"Number of params", `12390715`, "12390715", false},
		{"Params (M)", `"25.6"`, "25.6M", false},
		{"Parameters (billions)", `7`, "7B", false},
		{"Params (M)", `"25.6M"`, "25.6M", false},
		{"Number of params", `"0"`, "0", false}, // kept as written: unknown
		{"Number of params", `"Please tell us"`, "", true},
		{"Number of params", `"-"`, "", true},
		{"Number of params", `null`, "", true},
		{"Number of params", `true`, "", true},
	}
	for _, tt := range tests {
		_, got, err := sizeCell(tt.column, []byte(tt.cell))
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("sizeCell(%q, %s) = %q, %v; want %q, error %v", tt.column, tt.cell, got, err, tt.want, tt.wantErr)
		}
	}
}
