// Package pwc reads the Papers with Code "evaluation-tables" JSON format:
// a list of tasks, each with datasets and subtasks, each dataset with a
// leaderboard (sota.metrics and sota.rows) and subdatasets. It is pure
// I/O: no database, no HTTP; the import into the store consumes its rows.
package pwc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
)

// Row is one leaderboard row: a model's reported numbers on a dataset.
type Row struct {
	Path        string   // JSON path of the row, e.g. [0].datasets[2].sota.rows[14]
	Task        string   // the innermost task
	TaskPath    []string // outermost task first; the last element is Task
	Dataset     string   // the innermost dataset
	DatasetPath []string // outermost dataset first; the last element is Dataset
	Model       string
	PaperTitle  string
	PaperURL    string
	PaperDate   string // as written, usually 2006-01-02; "" when null
	CodeURL     string // the first code link with a URL
	ExtraData   bool   // uses_additional_data
	Params      string // raw text of the parameter-count column (IsSizeMetric), if it parsed
	Values      []Value
	Skipped     []Skip
}

// Skip is a metric cell that was left out because it holds no number.
type Skip struct {
	Path   string // e.g. [0].datasets[2].sota.rows[14].metrics["Test Accuracy"]
	Metric string
	Raw    string
	Reason string
}

// Error is a structural problem in the input: bad JSON, a value of the
// wrong type, a missing name. Offset counts bytes from where the reader
// stood when Parse was called; like json.SyntaxError's, it points at or
// just after the offending token. Path is the JSON path of the value
// being read ("" for the top level).
type Error struct {
	Offset int64
	Path   string
	Msg    string
	Err    error // the underlying decoder or read error, if any
}

func (e *Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("pwc: at byte %d: %s", e.Offset, e.Msg)
	}
	return fmt.Sprintf("pwc: at byte %d (%s): %s", e.Offset, e.Path, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// maxDepth bounds the nesting of subtasks, of subdatasets and of values
// the parser skips, so hostile input cannot grow the stack without limit.
// Real files nest a handful of levels.
const maxDepth = 100

// Parse reads an evaluation-tables document and calls fn once per
// leaderboard row, in file order, with the row's values in the order of
// sota.metrics (metrics a row has beyond that list follow, sorted).
//
// It reads r twice. Real files write a task's name after its datasets
// and subtasks (keys are sorted), so the first pass collects the names of
// tasks and datasets and checks the whole structure, and the second emits
// rows. Memory therefore holds one row plus the names of all tasks and
// datasets and their metric lists, never the rows of a whole task. r must
// yield the same bytes both times. A side effect: a structural error
// anywhere is found before fn is first called. With a nil fn, Parse only
// checks the input.
//
// A cell that holds no number (see ParseValue) does not stop the parse: it
// is listed in Row.Skipped. A structural error stops it with an *Error.
// Parse also stops at ctx's cancellation, returning ctx.Err(), and when fn
// fails, returning fn's error unchanged.
func Parse(ctx context.Context, r io.ReadSeeker, fn func(Row) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	start, err := r.Seek(0, io.SeekCurrent)
	if err != nil {
		return &Error{Msg: "cannot seek input: " + err.Error(), Err: err}
	}
	first := &parser{ctx: ctx, src: r, start: start}
	if err := first.run(); err != nil {
		return err
	}
	if fn == nil {
		return nil
	}
	if _, err := r.Seek(start, io.SeekStart); err != nil {
		return &Error{Msg: "cannot rewind input: " + err.Error(), Err: err}
	}
	second := &parser{ctx: ctx, src: r, start: start, fn: fn, tasks: first.tasks, datasets: first.datasets}
	return second.run()
}

type parser struct {
	ctx   context.Context
	fn    func(Row) error // nil in the first pass
	src   io.ReadSeeker
	start int64 // where src stood when Parse was called
	in    *countingReader
	dec   *json.Decoder

	// Filled by the first pass in the order the objects open, read by the
	// second, which opens them in the same order.
	tasks     []string
	datasets  []datasetInfo
	nTasks    int // task objects opened so far in this pass
	nDatasets int

	// Names of the enclosing tasks and datasets, in the second pass.
	taskPath    []string
	datasetPath []string
}

type datasetInfo struct {
	name    string
	metrics []string // sota.metrics, which give the order of a row's values
}

type jsonRow struct {
	ModelName  string                     `json:"model_name"`
	PaperTitle string                     `json:"paper_title"`
	PaperURL   string                     `json:"paper_url"`
	PaperDate  string                     `json:"paper_date"`
	CodeLinks  []jsonLink                 `json:"code_links"`
	ExtraData  bool                       `json:"uses_additional_data"`
	Metrics    map[string]json.RawMessage `json:"metrics"`
}

type jsonLink struct {
	URL string `json:"url"`
}

func (p *parser) firstPass() bool { return p.fn == nil }

func (p *parser) run() error {
	p.in = &countingReader{r: p.src}
	p.dec = json.NewDecoder(p.in)
	// Numbers in skipped fields stay text, so 1e999 there is no error.
	p.dec.UseNumber()

	if err := p.taskList("", 0, false); err != nil {
		return err
	}
	tok, err := p.dec.Token()
	switch {
	case err == io.EOF:
		return nil
	case err != nil:
		return p.fail("", err)
	}
	return p.errorf("", "unexpected %s after the top-level list", describe(tok))
}

// list walks the JSON list at path, calling item for each element: tasks
// and datasets nest the same way (subtasks, subdatasets), at most maxDepth
// deep.
func (p *parser) list(path string, depth int, nested string, nullOK bool, item func(path string, depth int) error) error {
	if depth > maxDepth {
		return p.errorf(path, "%s nested more than %d deep", nested, maxDepth)
	}
	present, err := p.open(path, '[', nullOK)
	if err != nil || !present {
		return err
	}
	for i := 0; p.dec.More(); i++ {
		if err := item(fmt.Sprintf("%s[%d]", path, i), depth); err != nil {
			return err
		}
	}
	return p.close(path)
}

func (p *parser) taskList(path string, depth int, nullOK bool) error {
	return p.list(path, depth, "subtasks", nullOK, p.task)
}

func (p *parser) task(path string, depth int) error {
	if _, err := p.open(path, '{', false); err != nil {
		return err
	}
	idx := p.nTasks
	p.nTasks++
	if p.firstPass() {
		p.tasks = append(p.tasks, "")
	} else {
		if idx >= len(p.tasks) {
			return p.errorf(path, "input changed between passes")
		}
		p.taskPath = append(p.taskPath, p.tasks[idx])
	}

	named := false
	for p.dec.More() {
		key, err := p.key(path)
		if err != nil {
			return err
		}
		switch key {
		case "task":
			name, err := p.text(path + ".task")
			if err != nil {
				return err
			}
			if p.firstPass() {
				p.tasks[idx] = name
			}
			named = true
		case "datasets":
			err = p.datasetList(path+".datasets", 0)
		case "subtasks":
			err = p.taskList(path+".subtasks", depth+1, true)
		default:
			err = p.skip(keyPath(path, key))
		}
		if err != nil {
			return err
		}
	}
	if err := p.close(path); err != nil {
		return err
	}
	if !named {
		return p.errorf(path, `task has no "task" name`)
	}
	if !p.firstPass() {
		p.taskPath = p.taskPath[:len(p.taskPath)-1]
	}
	return nil
}

func (p *parser) datasetList(path string, depth int) error {
	return p.list(path, depth, "subdatasets", true, p.dataset)
}

func (p *parser) dataset(path string, depth int) error {
	if _, err := p.open(path, '{', false); err != nil {
		return err
	}
	idx := p.nDatasets
	p.nDatasets++
	if p.firstPass() {
		p.datasets = append(p.datasets, datasetInfo{})
	} else {
		if idx >= len(p.datasets) {
			return p.errorf(path, "input changed between passes")
		}
		p.datasetPath = append(p.datasetPath, p.datasets[idx].name)
	}

	named := false
	for p.dec.More() {
		key, err := p.key(path)
		if err != nil {
			return err
		}
		switch key {
		// sota-extractor names an entry of subdatasets with
		// "subdataset" (taskdb/v01/schemas.py), a top-level one with
		// "dataset"; either names the board.
		case "dataset", "subdataset":
			name, err := p.text(keyPath(path, key))
			if err != nil {
				return err
			}
			if p.firstPass() {
				p.datasets[idx].name = name
			}
			named = true
		case "sota":
			err = p.sota(path+".sota", idx)
		case "subdatasets":
			err = p.datasetList(path+".subdatasets", depth+1)
		default:
			err = p.skip(keyPath(path, key))
		}
		if err != nil {
			return err
		}
	}
	if err := p.close(path); err != nil {
		return err
	}
	if !named {
		return p.errorf(path, `dataset has no "dataset" or "subdataset" name`)
	}
	if !p.firstPass() {
		p.datasetPath = p.datasetPath[:len(p.datasetPath)-1]
	}
	return nil
}

func (p *parser) sota(path string, idx int) error {
	present, err := p.open(path, '{', true)
	if err != nil || !present {
		return err
	}
	for p.dec.More() {
		key, err := p.key(path)
		if err != nil {
			return err
		}
		switch key {
		case "metrics":
			var names []string
			err = p.decode(path+".metrics", &names)
			if err == nil && p.firstPass() {
				p.datasets[idx].metrics = names
			}
		case "rows":
			err = p.rows(path+".rows", idx)
		default:
			err = p.skip(keyPath(path, key))
		}
		if err != nil {
			return err
		}
	}
	return p.close(path)
}

func (p *parser) rows(path string, idx int) error {
	present, err := p.open(path, '[', true)
	if err != nil || !present {
		return err
	}
	for i := 0; p.dec.More(); i++ {
		if err := p.ctx.Err(); err != nil {
			return err
		}
		rowPath := fmt.Sprintf("%s[%d]", path, i)
		var jr *jsonRow
		if err := p.decode(rowPath, &jr); err != nil {
			return err
		}
		if jr == nil {
			return p.errorf(rowPath, "expected object, got null")
		}
		if p.firstPass() {
			continue
		}
		if err := p.fn(p.row(rowPath, idx, jr)); err != nil {
			return err
		}
	}
	return p.close(path)
}

func (p *parser) row(path string, idx int, jr *jsonRow) Row {
	ds := p.datasets[idx]
	row := Row{
		Path:        path,
		Task:        p.taskPath[len(p.taskPath)-1],
		TaskPath:    slices.Clone(p.taskPath),
		Dataset:     ds.name,
		DatasetPath: slices.Clone(p.datasetPath),
		Model:       jr.ModelName,
		PaperTitle:  jr.PaperTitle,
		PaperURL:    jr.PaperURL,
		PaperDate:   jr.PaperDate,
		ExtraData:   jr.ExtraData,
	}
	for _, l := range jr.CodeLinks {
		if l.URL != "" {
			row.CodeURL = l.URL
			break
		}
	}
	for _, name := range metricOrder(ds.metrics, jr.Metrics) {
		cellPath := path + ".metrics[" + strconv.Quote(name) + "]"
		if IsSizeMetric(name) {
			// A count, not a score: read as model.ParseCount reads
			// counts, in any case ("3.0m", "220k", "1.2B") and with
			// thousands separators ("1,014.45"). ParseValue leaves a
			// lower-case m unread, since in a score it could be milli.
			raw, count, err := sizeCell(name, jr.Metrics[name])
			switch {
			case err != nil:
				row.Skipped = append(row.Skipped, Skip{Path: cellPath, Metric: name, Raw: raw, Reason: err.Error()})
			case row.Params == "":
				row.Params = count
			default:
				row.Skipped = append(row.Skipped, Skip{Path: cellPath, Metric: name, Raw: raw, Reason: "a second parameter-count column"})
			}
			continue
		}
		v, err := cellValue(jr.Metrics[name])
		switch {
		case err != nil:
			row.Skipped = append(row.Skipped, Skip{Path: cellPath, Metric: name, Raw: v.Raw, Reason: err.Error()})
		default:
			v.Metric = name
			row.Values = append(row.Values, v)
		}
	}
	return row
}

// metricOrder lists the metrics a row has: those named in sota.metrics in
// that order, then any others sorted, so output does not depend on map order.
func metricOrder(declared []string, cells map[string]json.RawMessage) []string {
	order := make([]string, 0, len(cells))
	seen := make(map[string]bool, len(cells))
	for _, name := range declared {
		if _, ok := cells[name]; ok && !seen[name] {
			order = append(order, name)
			seen[name] = true
		}
	}
	var rest []string
	for name := range cells {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	return append(order, rest...)
}

// cellValue parses one metric cell, which may be a JSON number or string.
func cellValue(raw json.RawMessage) (Value, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return Value{}, errors.New("null")
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return Value{Raw: string(raw)}, errNotNumber
		}
		return ParseValue(s)
	case '{', '[', 't', 'f':
		return Value{Raw: string(raw)}, errNotNumber
	}
	return ParseValue(string(raw))
}

// open reads the token that starts a list or object. A null stands for
// an empty one where nullOK: Python writes None for missing lists.
func (p *parser) open(path string, want json.Delim, nullOK bool) (present bool, err error) {
	tok, err := p.dec.Token()
	if err != nil {
		return false, p.fail(path, err)
	}
	if tok == nil && nullOK {
		return false, nil
	}
	if d, ok := tok.(json.Delim); ok && d == want {
		return true, nil
	}
	return false, p.errorf(path, "expected %s, got %s", describe(want), describe(tok))
}

// close reads the token that ends a list or object, once More said there
// are no more elements.
func (p *parser) close(path string) error {
	if _, err := p.dec.Token(); err != nil {
		return p.fail(path, err)
	}
	return nil
}

// key reads an object key. Every key is a chance to notice cancellation
// in parts of the file without rows.
func (p *parser) key(path string) (string, error) {
	if err := p.ctx.Err(); err != nil {
		return "", err
	}
	tok, err := p.dec.Token()
	if err != nil {
		return "", p.fail(path, err)
	}
	key, ok := tok.(string)
	if !ok {
		return "", p.errorf(path, "expected an object key, got %s", describe(tok))
	}
	return key, nil
}

func (p *parser) text(path string) (string, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return "", p.fail(path, err)
	}
	s, ok := tok.(string)
	if !ok {
		return "", p.errorf(path, "expected string, got %s", describe(tok))
	}
	return s, nil
}

// skip reads past one value of any shape, a token at a time, so a large
// unknown field costs no memory beyond its longest string.
func (p *parser) skip(path string) error {
	depth := 0
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := p.dec.Token()
		if err != nil {
			return p.fail(path, err)
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
			if depth > maxDepth {
				return p.errorf(path, "value nested more than %d deep", maxDepth)
			}
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

func (p *parser) decode(path string, v any) error {
	before := p.dec.InputOffset()
	err := p.dec.Decode(v)
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		if te.Field != "" {
			path += "." + te.Field
		}
		// te.Offset counts from about where the value starts.
		return &Error{Offset: before + te.Offset, Path: path, Msg: fmt.Sprintf("expected %s, got %s", describeType(te.Type), listWord(te.Value)), Err: err}
	}
	return p.fail(path, err)
}

// fail turns an error from the decoder into an *Error.
func (p *parser) fail(path string, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &Error{Offset: p.syntaxErrorOffset(), Path: path, Msg: se.Error(), Err: err}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		// The decoder has read everything there is.
		return &Error{Offset: p.in.n, Path: path, Msg: "unexpected end of input", Err: io.ErrUnexpectedEOF}
	}
	return &Error{Offset: p.dec.InputOffset(), Path: path, Msg: err.Error(), Err: err}
}

// syntaxErrorOffset finds the byte a syntax error is at. The decoder
// stops at the start of the value it could not read (or at the bad byte
// between tokens), but the offset in its error cannot be used: the
// scanner counts the bytes of every value read so far, not those of the
// tokens between them. A fresh decoder reading again from the stopping
// point counts from there.
func (p *parser) syntaxErrorOffset() int64 {
	pos := p.dec.InputOffset()
	if _, err := p.src.Seek(p.start+pos, io.SeekStart); err != nil {
		return pos
	}
	var se *json.SyntaxError
	if err := json.NewDecoder(p.src).Decode(new(json.RawMessage)); errors.As(err, &se) {
		return pos + se.Offset - 1 // Offset counts the bad byte itself
	}
	return pos
}

func (p *parser) errorf(path, format string, args ...any) error {
	return &Error{Offset: p.dec.InputOffset(), Path: path, Msg: fmt.Sprintf(format, args...)}
}

// describe names a token's JSON kind for messages.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return "object"
		case '[':
			return "list"
		case '}':
			return "end of object"
		}
		return "end of list"
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "bool"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}

// describeType names a Go decoding target by the JSON kind it expects.
func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Slice, reflect.Array:
		return "list"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return t.Kind().String()
}

// listWord uses this package's word for a JSON array in decoder messages.
func listWord(kind string) string {
	if kind == "array" {
		return "list"
	}
	return kind
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// keyPath appends an object key to a path: .key, or ["key"] when the key
// is not a plain identifier.
func keyPath(path, key string) string {
	if identifier.MatchString(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// countingReader knows how many bytes the decoder has consumed, which is
// the offset to report when the input ends too early.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}
