// Package hfcard reads the results a Hugging Face model card declares: a
// README.md whose YAML front matter holds model-index. It is pure I/O: no
// database, no HTTP.
package hfcard

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
)

// DefaultSource names a result's source when the card gives none.
const DefaultSource = "Hugging Face model card"

// Skip is a result that was left out, and why.
type Skip struct {
	Path   string // e.g. model-index[0].results[2].metrics[0]
	Reason string
}

// Error is a problem with the card as a whole. Line counts from the
// card's first line, the opening "---".
type Error struct {
	Line int // 0 when the error has no line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("model card: line %d: %s", e.Line, e.Msg)
	}
	return "model card: " + e.Msg
}

type card struct {
	ModelIndex []entry `yaml:"model-index"`
}

type entry struct {
	Name    string   `yaml:"name"`
	Results []result `yaml:"results"`
}

type result struct {
	Task struct {
		Type string `yaml:"type"`
		Name string `yaml:"name"`
	} `yaml:"task"`
	Dataset struct {
		Name   string    `yaml:"name"`
		Type   string    `yaml:"type"`
		Config string    `yaml:"config"`
		Split  string    `yaml:"split"`
		Args   yaml.Node `yaml:"args"`
	} `yaml:"dataset"`
	Metrics []metric `yaml:"metrics"`
	Source  struct {
		Name string `yaml:"name"`
		URL  string `yaml:"url"`
	} `yaml:"source"`
}

type metric struct {
	Type     string    `yaml:"type"`
	Value    yaml.Node `yaml:"value"`
	Name     string    `yaml:"name"`
	Verified bool      `yaml:"verified"`
	Args     yaml.Node `yaml:"args"`
}

// FrontMatter returns the YAML between the opening and the closing "---"
// lines, and the line the YAML starts on. ok is false when data does not
// start with front matter.
func FrontMatter(data []byte) (yml []byte, firstLine int, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	rest, found := bytes.CutPrefix(data, []byte("---\n"))
	if !found {
		if rest, found = bytes.CutPrefix(data, []byte("---\r\n")); !found {
			return nil, 0, false
		}
	}
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			return rest[:off], 2, true
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return nil, 0, false
}

// Looks reports whether data is a model card that declares results.
func Looks(data []byte) bool {
	yml, _, ok := FrontMatter(data)
	return ok && bytes.Contains(yml, []byte("model-index"))
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// Parse reads a model card's results: one record per metric. A metric
// without a number is listed in the skips, not an error.
func Parse(data []byte) ([]model.Record, []Skip, error) {
	yml, first, ok := FrontMatter(data)
	if !ok {
		return nil, nil, &Error{Line: 1, Msg: `no YAML front matter: the card must start with a "---" line, and the front matter end with another`}
	}
	var c card
	if err := yaml.Unmarshal(yml, &c); err != nil {
		// yaml counts from the front matter's first line.
		msg := yamlLine.ReplaceAllStringFunc(err.Error(), func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
			return "line " + strconv.Itoa(n+first-1)
		})
		return nil, nil, &Error{Msg: strings.TrimPrefix(msg, "yaml: ")}
	}
	if len(c.ModelIndex) == 0 {
		return nil, nil, &Error{Msg: "the front matter has no model-index"}
	}
	var recs []model.Record
	var skips []Skip
	for i, e := range c.ModelIndex {
		name := model.CleanText(e.Name, 300)
		if name == "" {
			skips = append(skips, Skip{Path: fmt.Sprintf("model-index[%d]", i), Reason: "no model name"})
			continue
		}
		for j, r := range e.Results {
			path := fmt.Sprintf("model-index[%d].results[%d]", i, j)
			task := model.CleanText(firstOf(r.Task.Name, r.Task.Type), 200)
			dataset := model.CleanText(firstOf(r.Dataset.Name, r.Dataset.Type), 200)
			if task == "" || dataset == "" {
				skips = append(skips, Skip{Path: path, Reason: "no task or no dataset name"})
				continue
			}
			base := model.Record{
				Task:       task,
				Dataset:    dataset,
				Method:     name,
				Source:     model.CleanText(firstOf(r.Source.Name, DefaultSource), 500),
				ReportedIn: model.CleanText("model card of "+name, 500),
				Confidence: "med", // the model's authors or a leaderboard, not a paper
			}
			if u := model.CleanText(r.Source.URL, 2000); model.IsWebURL(u) {
				base.SourceURL = u
				base.ReportedIn = model.CleanText(u, 500)
			}
			var notes []string
			if t := model.CleanText(r.Dataset.Type, 200); t != "" && t != dataset {
				notes = append(notes, "dataset "+t)
			}
			if v := model.CleanText(r.Dataset.Config, 200); v != "" {
				notes = append(notes, "config "+v)
			}
			if v := model.CleanText(r.Dataset.Split, 200); v != "" {
				notes = append(notes, "split "+v)
			}
			base.Note = strings.Join(notes, "; ")
			for k, m := range r.Metrics {
				mpath := fmt.Sprintf("%s.metrics[%d]", path, k)
				rec := base
				rec.Metric = model.CleanText(firstOf(m.Name, m.Type), 200)
				if rec.Metric == "" {
					skips = append(skips, Skip{Path: mpath, Reason: "no metric name"})
					continue
				}
				if m.Value.Kind != yaml.ScalarNode {
					skips = append(skips, Skip{Path: mpath + ".value", Reason: "not a number"})
					continue
				}
				v, err := pwc.ParseValue(m.Value.Value)
				if err != nil {
					skips = append(skips, Skip{Path: fmt.Sprintf("%s.value (line %d)", mpath, m.Value.Line+first-1), Reason: err.Error()})
					continue
				}
				rec.Value, rec.PlusMinus, rec.Raw = v.Value, v.PlusMinus, model.CleanText(m.Value.Value, 200)
				rec.Unit = v.Unit
				if rec.Unit == "" && isRate(m.Type, rec.Metric) && rec.Value >= 0 {
					// The Open LLM Leaderboard wrote percents (67.92),
					// evaluate's cards fractions (0.68).
					if rec.Value <= 1 {
						rec.Unit = "fraction"
					} else if rec.Value <= 100 {
						rec.Unit = "%"
					}
				}
				rec.MetricUnit = rec.Unit
				rec.HigherIsBetter = pwc.InferDirection(firstOf(m.Type, rec.Metric)) && pwc.InferDirection(rec.Metric)
				rec.DirectionInferred = true // cards do not say
				if n, ok := shots(&m.Args); ok {
					rec.Setting = n
				} else if n, ok := shots(&r.Dataset.Args); ok {
					rec.Setting = n
				}
				rec.Verified = m.Verified
				recs = append(recs, rec)
			}
		}
	}
	return recs, skips, nil
}

// shots reads num_few_shot (or n_shot, num_fewshot) from args: "5-shot".
func shots(args *yaml.Node) (string, bool) {
	if args.Kind != yaml.MappingNode {
		return "", false
	}
	for i := 0; i+1 < len(args.Content); i += 2 {
		switch strings.ToLower(args.Content[i].Value) {
		case "num_few_shot", "num_fewshot", "n_shot", "n-shot", "fewshot", "shots":
			n, err := strconv.Atoi(strings.TrimSpace(args.Content[i+1].Value))
			if err == nil && n >= 0 && n <= 1000000 {
				return strconv.Itoa(n) + "-shot", true
			}
		}
	}
	return "", false
}

// isRate: metrics given either as a fraction or a percent.
func isRate(typ, name string) bool {
	for _, s := range []string{typ, name} {
		s = strings.ToLower(s)
		for _, w := range []string{"acc", "accuracy", "exact_match", "exact match", "em", "f1", "mc1", "mc2", "precision", "recall", "pass@1"} {
			if s == w || strings.HasPrefix(s, w+"_") || strings.HasPrefix(s, w+" ") || strings.HasSuffix(s, " "+w) {
				return true
			}
		}
	}
	return false
}

func firstOf(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
