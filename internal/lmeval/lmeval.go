// Package lmeval reads the results JSON that EleutherAI's
// lm-evaluation-harness (v0.4) writes: one record per task and metric.
// It is pure I/O: no database, no HTTP.
//
// The file says everything the records need: the direction of every
// metric (higher_is_better), the shots (n-shot), the model (model_name or
// config.model_args) and which tasks are groups of others
// (group_subtasks). A group such as mmlu is a board of its own; its
// subtasks become boards under it only when asked for.
package lmeval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/benchboard/benchboard/internal/model"
)

// Source is what every record names as its source.
const Source = "lm-evaluation-harness results"

// Task is the task every record is filed under: the format names
// benchmarks, not the kind of task they measure.
const Task = "Language model evaluation"

// Options say what to read.
type Options struct {
	// Subtasks: the subtasks of groups (mmlu's 57 subjects) become boards
	// under their group. Without it only the groups and the tasks that
	// belong to no group are read.
	Subtasks bool
}

// Skip is a value that was left out, and why.
type Skip struct {
	Path   string // e.g. results["wikitext"]["word_perplexity,none"]
	Reason string
}

// Error is a problem with the file as a whole: bad JSON, a field of the
// wrong type, no model name.
type Error struct {
	Line, Col int // 0 when the error has no place in the text
	Path      string
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("lm-eval: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d:%d: ", e.Line, e.Col)
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

type file struct {
	Results        map[string]map[string]json.RawMessage `json:"results"`
	Groups         map[string]map[string]json.RawMessage `json:"groups"`
	GroupSubtasks  map[string][]string                   `json:"group_subtasks"`
	NShot          map[string]json.RawMessage            `json:"n-shot"`
	HigherIsBetter map[string]map[string]bool            `json:"higher_is_better"`
	Config         struct {
		Model     string          `json:"model"`
		ModelArgs json.RawMessage `json:"model_args"`
	} `json:"config"`
	ModelName string          `json:"model_name"`
	Date      json.RawMessage `json:"date"`
}

// Parse reads one results file. Records come in a fixed order: tasks
// sorted by name, each task's metrics sorted.
func Parse(data []byte, opt Options) ([]model.Record, []Skip, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, jsonError(data, err)
	}
	if f.Results == nil {
		return nil, nil, &Error{Msg: `no "results" object`}
	}
	method, err := modelName(f)
	if err != nil {
		return nil, nil, err
	}

	// parent[t] is the group t belongs to; a task in no group has none.
	parent := map[string]string{}
	groups := make([]string, 0, len(f.GroupSubtasks))
	for g := range f.GroupSubtasks {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		for _, t := range f.GroupSubtasks[g] {
			if t != g {
				if _, seen := parent[t]; !seen {
					parent[t] = g
				}
			}
		}
	}

	// A group's numbers may be in groups, results or both (the harness
	// has written each); results wins.
	values := map[string]map[string]json.RawMessage{}
	for t, m := range f.Groups {
		values[t] = m
	}
	for t, m := range f.Results {
		values[t] = m
	}
	tasks := make([]string, 0, len(values))
	for t := range values {
		tasks = append(tasks, t)
	}
	sort.Strings(tasks)

	reported := "lm-evaluation-harness run of " + method
	if d, ok := runDate(f.Date); ok {
		reported += " on " + d
	}

	var recs []model.Record
	var skips []Skip
	for _, task := range tasks {
		p, sub := parent[task]
		if sub && !opt.Subtasks {
			continue
		}
		if loopsBack(task, parent) {
			return nil, nil, &Error{Path: fmt.Sprintf("group_subtasks[%q]", task), Msg: "a group that contains itself"}
		}
		base := model.Record{
			Task:       Task,
			Dataset:    clip(strings.TrimSpace(task), 200),
			Method:     method,
			Source:     Source,
			ReportedIn: reported,
			Confidence: "med", // the run's own output, not a paper
		}
		if sub {
			base.ParentDataset = clip(p, 200)
		}
		if base.Dataset == "" {
			skips = append(skips, Skip{Path: fmt.Sprintf("results[%q]", task), Reason: "a task without a name"})
			continue
		}
		if shots, ok := nShot(f.NShot[task]); ok {
			base.Setting = strconv.Itoa(shots) + "-shot"
		}
		cells := values[task]
		keys := make([]string, 0, len(cells))
		for k := range cells {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			metric, filter, ok := strings.Cut(key, ",")
			if !ok || strings.HasSuffix(metric, "_stderr") {
				continue // alias, name, samples …; stderr companions are read with their metric
			}
			path := fmt.Sprintf("results[%q][%q]", task, key)
			if strings.TrimSpace(metric) == "" {
				skips = append(skips, Skip{Path: path, Reason: "no metric name before the comma"})
				continue
			}
			v, raw, err := number(cells[key])
			if err != nil {
				skips = append(skips, Skip{Path: path, Reason: err.Error()})
				continue
			}
			hib, ok := f.HigherIsBetter[task][metric]
			if !ok {
				skips = append(skips, Skip{Path: path, Reason: "higher_is_better does not give this metric's direction"})
				continue
			}
			rec := base
			rec.Metric = metric
			if filter != "" && filter != "none" {
				rec.Metric = metric + " (" + filter + ")"
			}
			rec.Metric = clip(rec.Metric, 200)
			rec.HigherIsBetter = hib
			rec.Value, rec.Raw = v, clip(raw, 200)
			if se, _, err := number(cells[metric+"_stderr,"+filter]); err == nil && se >= 0 {
				rec.PlusMinus = &se
			}
			if isFraction(metric) && v >= 0 && v <= 1 {
				rec.Unit = "fraction"
			}
			rec.MetricUnit = rec.Unit
			recs = append(recs, rec)
		}
	}
	return recs, skips, nil
}

// loopsBack reports whether following t's groups upward comes back to t.
func loopsBack(t string, parent map[string]string) bool {
	seen := map[string]bool{t: true}
	for p, ok := parent[t]; ok; p, ok = parent[p] {
		if seen[p] {
			return true
		}
		seen[p] = true
	}
	return false
}

// modelName is model_name, else pretrained= in config.model_args (a
// string "pretrained=org/name,dtype=…" or, in later versions, an object).
func modelName(f file) (string, error) {
	if n := strings.TrimSpace(f.ModelName); n != "" {
		return clip(n, 300), nil
	}
	args := f.Config.ModelArgs
	var s string
	var m map[string]any
	switch {
	case json.Unmarshal(args, &s) == nil:
		for _, part := range strings.Split(s, ",") {
			if k, v, ok := strings.Cut(part, "="); ok && strings.TrimSpace(k) == "pretrained" && strings.TrimSpace(v) != "" {
				return clip(strings.TrimSpace(v), 300), nil
			}
		}
	case json.Unmarshal(args, &m) == nil:
		if v, ok := m["pretrained"].(string); ok && strings.TrimSpace(v) != "" {
			return clip(strings.TrimSpace(v), 300), nil
		}
	}
	return "", &Error{Path: "model_name", Msg: "the file names no model: neither model_name nor pretrained= in config.model_args"}
}

// number reads a metric cell: a JSON number, or a string holding one.
// "N/A" (what the harness writes for a stderr it did not compute) and
// anything else are errors.
func number(raw json.RawMessage) (float64, string, error) {
	if len(raw) == 0 {
		return 0, "", errors.New("missing")
	}
	text := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &text); err != nil {
			return 0, "", errors.New("not a number")
		}
		if strings.EqualFold(strings.TrimSpace(text), "N/A") {
			return 0, text, errors.New("N/A")
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, text, fmt.Errorf("%q is not a number", clip(text, 40))
	}
	return v, text, nil
}

func nShot(raw json.RawMessage) (int, bool) {
	v, _, err := number(raw)
	if err != nil || v < 0 || v > 1e6 || v != math.Trunc(v) {
		return 0, false
	}
	return int(v), true
}

// runDate is the run's date (a Unix time) as 2006-01-02.
func runDate(raw json.RawMessage) (string, bool) {
	v, _, err := number(raw)
	if err != nil || v <= 0 || v > 1e11 {
		return "", false
	}
	return time.Unix(int64(v), 0).UTC().Format("2006-01-02"), true
}

// isFraction: metrics the harness reports between 0 and 1.
func isFraction(metric string) bool {
	switch strings.ToLower(metric) {
	case "acc", "acc_norm", "acc_mutual_info", "exact_match", "em", "f1", "mc1", "mc2", "mcc",
		"prompt_level_strict_acc", "prompt_level_loose_acc", "inst_level_strict_acc", "inst_level_loose_acc",
		"pass@1", "pass_at_1", "contains", "brier_score":
		return true
	}
	return false
}

// jsonError gives a decoding error its line and column.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		l, c := lineCol(data, se.Offset-1) // Offset counts the bad byte
		return &Error{Line: l, Col: c, Msg: se.Error()}
	case errors.As(err, &te):
		l, c := lineCol(data, te.Offset-1)
		return &Error{Line: l, Col: c, Path: te.Field, Msg: fmt.Sprintf("expected %s, got %s", kind(te.Type), te.Value)}
	}
	return &Error{Msg: err.Error()}
}

// kind names a decoding target by the JSON it expects.
func kind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Float64, reflect.Int:
		return "number"
	}
	return t.String()
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n]
}
