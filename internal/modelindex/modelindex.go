// Package modelindex reads Papers with Code's model-index YAML, the
// format of OpenMMLab's metafile.yml files and of other model zoos:
// Collections, Models, Import of other files, and Metadata kept inline or
// in a file of its own. It is pure I/O: no database, no HTTP.
//
// Every file it reads, it reads from an fs.FS: the importing file's
// Import and Metadata paths are relative to it and must stay inside that
// file system. An absolute path or one that climbs out ("../x.yml") is an
// error, and so is a symbolic link out when the FS is an os.Root's.
package modelindex

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/pwc"
)

// Source is what every record names as its source.
const Source = "model-index metafile"

// Limits that bound what one Parse reads, whatever the files say.
const (
	MaxFileSize = 16 << 20 // bytes per file
	MaxFiles    = 2000     // files read through Import, Metadata included
	maxDepth    = 32       // Import within Import
)

// Error is a problem in one file, with its line and column when known.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Err       error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrOutsideRoot: an Import or Metadata path leaves the import root.
var ErrOutsideRoot = errors.New("the path leaves the import root")

// Skip is a value that was left out, and why.
type Skip struct {
	Path   string // file:line and the field
	Reason string
}

// Result is what Parse read.
type Result struct {
	Records []model.Record
	Skips   []Skip
	Files   []string // every file read, the first one first
}

type parser struct {
	fsys        fs.FS
	res         *Result
	read        map[string]bool
	collections map[string]collection
	models      []pending
}

type collection struct {
	file string
	node *yaml.Node
}

type pending struct {
	file string
	node *yaml.Node
}

// Parse reads the model-index file name (a slash-separated path inside
// fsys) and every file it imports.
func Parse(fsys fs.FS, name string) (*Result, error) {
	p := &parser{fsys: fsys, res: &Result{}, read: map[string]bool{}, collections: map[string]collection{}}
	if err := p.file(name, 0); err != nil {
		return nil, err
	}
	for _, m := range p.models {
		if err := p.model(m); err != nil {
			return nil, err
		}
	}
	return p.res, nil
}

// Looks reports whether data is a model-index file: a YAML mapping with a
// top-level Models, Collections or Import key (in any case).
func Looks(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimRight(string(line), " \t\r")
		if l == "" || strings.HasPrefix(l, "#") || l == "---" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "-") {
			continue
		}
		k, _, ok := strings.Cut(l, ":")
		switch norm(strings.Trim(k, `"'`)) {
		case "models", "collections", "import":
			return ok
		}
	}
	return false
}

// Imports lists the files name imports directly, resolved inside fsys.
func Imports(fsys fs.FS, name string) ([]string, error) {
	p := &parser{fsys: fsys, res: &Result{}, read: map[string]bool{}}
	doc, err := p.load(name)
	if err != nil {
		return nil, err
	}
	imp := get(doc, "import")
	if imp == nil {
		return nil, nil
	}
	return p.importList(name, imp)
}

func (p *parser) errorf(file string, n *yaml.Node, format string, args ...any) error {
	e := &Error{File: file, Msg: fmt.Sprintf(format, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
		}
	}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	return e
}

// load reads and decodes one file into its top-level node.
func (p *parser) load(name string) (*yaml.Node, error) {
	if len(p.read) >= MaxFiles {
		return nil, &Error{File: name, Msg: fmt.Sprintf("more than %d files through Import and Metadata", MaxFiles)}
	}
	p.read[name] = true
	p.res.Files = append(p.res.Files, name)
	f, err := p.fsys.Open(name)
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot open: " + plainPathError(err), Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read: " + plainPathError(err), Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("larger than %d MB", MaxFileSize>>20)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{File: name, Msg: strings.TrimPrefix(err.Error(), "yaml: "), Err: err}
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	return doc.Content[0], nil
}

func plainPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (p *parser) file(name string, depth int) error {
	if depth > maxDepth {
		return &Error{File: name, Msg: fmt.Sprintf("Import nested more than %d deep", maxDepth)}
	}
	doc, err := p.load(name)
	if err != nil {
		return err
	}
	var models *yaml.Node
	switch doc.Kind {
	case yaml.SequenceNode: // a bare list of models
		models = doc
	case yaml.MappingNode:
		if imp := get(doc, "import"); imp != nil {
			files, err := p.importList(name, imp)
			if err != nil {
				return err
			}
			for _, f := range files {
				if p.read[f] {
					continue // imported twice, or a cycle: read once
				}
				if err := p.file(f, depth+1); err != nil {
					return err
				}
			}
		}
		if cs := get(doc, "collections"); cs != nil {
			if cs.Kind != yaml.SequenceNode {
				return p.errorf(name, cs, "Collections: expected a list")
			}
			for _, c := range cs.Content {
				if c.Kind != yaml.MappingNode {
					return p.errorf(name, c, "a collection: expected a mapping")
				}
				n := scalar(get(c, "name"))
				if n == "" {
					return p.errorf(name, c, "a collection without a Name")
				}
				p.collections[norm(n)] = collection{file: name, node: c}
			}
		}
		models = get(doc, "models")
	default:
		return p.errorf(name, doc, "expected a mapping (Models, Collections, Import) or a list of models")
	}
	if models == nil {
		return nil
	}
	if models.Kind != yaml.SequenceNode {
		return p.errorf(name, models, "Models: expected a list")
	}
	for _, m := range models.Content {
		p.models = append(p.models, pending{file: name, node: deref(m)})
	}
	return nil
}

// importList resolves an Import list: paths and globs relative to file.
func (p *parser) importList(file string, imp *yaml.Node) ([]string, error) {
	items := imp.Content
	if imp.Kind == yaml.ScalarNode {
		items = []*yaml.Node{imp}
	} else if imp.Kind != yaml.SequenceNode {
		return nil, p.errorf(file, imp, "Import: expected a list of paths")
	}
	var out []string
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
			return nil, p.errorf(file, it, "Import: expected a path")
		}
		pattern, err := resolve(file, it.Value)
		if err != nil {
			return nil, p.errorf(file, it, "Import %q: %v", it.Value, err)
		}
		matches, err := fs.Glob(p.fsys, pattern)
		if err != nil {
			return nil, p.errorf(file, it, "Import %q: %v", it.Value, err)
		}
		if len(matches) == 0 {
			return nil, p.errorf(file, it, "Import %q: no such file", it.Value)
		}
		sort.Strings(matches)
		out = append(out, matches...)
	}
	return out, nil
}

// resolve turns a path written in file into a path inside the FS.
func resolve(file, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, `\`) || strings.Contains(ref, `\`) ||
		len(ref) > 1 && ref[1] == ':' {
		return "", fmt.Errorf("an absolute path; paths are relative to the file: %w", ErrOutsideRoot)
	}
	p := path.Join(path.Dir(file), ref)
	if !fs.ValidPath(p) {
		return "", ErrOutsideRoot
	}
	return p, nil
}

func (p *parser) model(m pending) error {
	file, n := m.file, m.node
	if n.Kind != yaml.MappingNode {
		return p.errorf(file, n, "a model: expected a mapping")
	}
	name := model.CleanText(scalar(get(n, "name")), 300)
	if name == "" {
		return p.errorf(file, n, "a model without a Name")
	}
	var coll *collection
	if cn := get(n, "incollection"); cn != nil && scalar(cn) != "" {
		c, ok := p.collections[norm(scalar(cn))]
		if !ok {
			return p.errorf(file, cn, "In Collection %q: no such collection in this file or its imports", scalar(cn))
		}
		coll = &c
	}
	// The model's fields, else its collection's.
	field := func(key string) (string, *yaml.Node) {
		if v := get(n, key); v != nil && !isNull(v) {
			return file, v
		}
		if coll != nil {
			if v := get(coll.node, key); v != nil && !isNull(v) {
				return coll.file, v
			}
		}
		return "", nil
	}
	meta := map[string]*yaml.Node{}
	if coll != nil {
		if err := p.metadata(coll.file, get(coll.node, "metadata"), meta); err != nil {
			return err
		}
	}
	if err := p.metadata(file, get(n, "metadata"), meta); err != nil {
		return err
	}

	base := model.Record{Method: name, Source: Source, Confidence: "med"}
	if pf, pn := field("paper"); pn != nil {
		if err := paper(pn, &base); err != nil {
			return p.errorf(pf, pn, "Paper: %v", err)
		}
	}
	if _, cn := field("code"); cn != nil && model.IsWebURL(scalar(cn)) {
		base.CodeURL = model.CleanText(scalar(cn), 2000)
	}
	base.SourceURL = base.PaperURL
	switch {
	case base.PaperURL != "":
		base.ReportedIn = model.CleanText(base.PaperURL, 500)
	case base.PaperTitle != "":
		base.ReportedIn = model.CleanText(base.PaperTitle, 500)
	default:
		base.ReportedIn = Source + " entry " + model.CleanText(name, 300)
	}
	if v := meta["parameters"]; v != nil && v.Kind == yaml.ScalarNode {
		base.Params = model.CleanText(v.Value, 100)
	}
	if v := meta["flops"]; v != nil && v.Kind == yaml.ScalarNode {
		c := model.CleanText(v.Value, 90)
		if bareNumber.MatchString(c) {
			c += " FLOPs"
		}
		base.Compute = c
	}
	var training []string
	if v := meta["trainingdata"]; v != nil {
		switch v.Kind {
		case yaml.ScalarNode:
			training = append(training, v.Value)
		case yaml.SequenceNode:
			for _, t := range v.Content {
				training = append(training, scalar(t))
			}
		}
	}
	if w := get(n, "weights"); w != nil && model.IsWebURL(scalar(w)) {
		base.Note = model.CleanText("Weights: "+scalar(w), 2000)
	}

	results := get(n, "results")
	if results == nil || isNull(results) {
		p.res.Skips = append(p.res.Skips, Skip{Path: fmt.Sprintf("%s:%d %s", file, n.Line, name), Reason: "a model without Results"})
		return nil
	}
	if results.Kind != yaml.SequenceNode {
		return p.errorf(file, results, "Results: expected a list")
	}
	for _, r := range results.Content {
		r = deref(r)
		if r.Kind != yaml.MappingNode {
			return p.errorf(file, r, "a result: expected a mapping")
		}
		rec := base
		rec.Task = model.CleanText(scalar(get(r, "task")), 200)
		rec.Dataset = model.CleanText(scalar(get(r, "dataset")), 200)
		if rec.Task == "" || rec.Dataset == "" {
			return p.errorf(file, r, "a result without a Task or a Dataset")
		}
		for _, t := range training {
			if t = strings.TrimSpace(t); t != "" && !sameDataset(t, rec.Dataset) {
				rec.ExtraData = true
			}
		}
		ms := get(r, "metrics")
		if ms == nil || ms.Kind != yaml.MappingNode {
			return p.errorf(file, r, "Metrics: expected a mapping of metric names to values")
		}
		for i := 0; i+1 < len(ms.Content); i += 2 {
			k, v := ms.Content[i], deref(ms.Content[i+1])
			out := rec
			out.Metric = model.CleanText(k.Value, 200)
			where := fmt.Sprintf("%s:%d Metrics[%q]", file, v.Line, k.Value)
			if out.Metric == "" {
				p.res.Skips = append(p.res.Skips, Skip{Path: where, Reason: "no metric name"})
				continue
			}
			if v.Kind != yaml.ScalarNode || isNull(v) {
				p.res.Skips = append(p.res.Skips, Skip{Path: where, Reason: "not a number"})
				continue
			}
			pv, err := pwc.ParseValue(v.Value)
			if err != nil {
				p.res.Skips = append(p.res.Skips, Skip{Path: where, Reason: err.Error()})
				continue
			}
			out.Value, out.PlusMinus, out.Unit, out.Raw = pv.Value, pv.PlusMinus, pv.Unit, model.CleanText(v.Value, 200)
			if out.Unit == "" && isRate(out.Metric) && out.Value >= 0 {
				if out.Value <= 1 {
					out.Unit = "fraction"
				} else if out.Value <= 100 {
					out.Unit = "%"
				}
			}
			out.MetricUnit = out.Unit
			out.HigherIsBetter = pwc.InferDirection(out.Metric)
			out.DirectionInferred = true // the format does not say
			p.res.Records = append(p.res.Records, out)
		}
	}
	return nil
}

// metadata merges a Metadata field, a mapping or the relative path of a
// file holding one, into meta (keys normalised).
func (p *parser) metadata(file string, n *yaml.Node, meta map[string]*yaml.Node) error {
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		name, err := resolve(file, n.Value)
		if err != nil {
			return p.errorf(file, n, "Metadata %q: %v", n.Value, err)
		}
		doc, err := p.load(name)
		if err != nil {
			return err
		}
		if inner := get(doc, "metadata"); inner != nil {
			doc = inner
		}
		if doc.Kind != yaml.MappingNode {
			return p.errorf(name, doc, "Metadata: expected a mapping")
		}
		n = doc
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(file, n, "Metadata: expected a mapping or the path of a file")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		meta[norm(n.Content[i].Value)] = deref(n.Content[i+1])
	}
	return nil
}

var (
	arxivID    = regexp.MustCompile(`^\d{4}\.\d{4,5}(v\d+)?$`)
	arxivURL   = regexp.MustCompile(`arxiv\.org/(?:abs|pdf)/([0-9]{4}\.[0-9]{4,5})(?:[^0-9]|$)`)
	bareNumber = regexp.MustCompile(`^[0-9][0-9,]*(\.[0-9]+)?$`)
)

// paper reads Paper: a URL, an arXiv id or {Title, URL}.
func paper(n *yaml.Node, rec *model.Record) error {
	var title, link string
	switch n.Kind {
	case yaml.ScalarNode:
		link = strings.TrimSpace(n.Value)
	case yaml.MappingNode:
		title, link = scalar(get(n, "title")), scalar(get(n, "url"))
	default:
		return errors.New("expected a URL, an arXiv id or {Title, URL}")
	}
	link = strings.TrimSpace(link)
	switch {
	case arxivID.MatchString(link):
		id := link
		if i := strings.IndexByte(id, 'v'); i > 0 {
			id = id[:i]
		}
		rec.ArxivID, rec.PaperURL = id, "https://arxiv.org/abs/"+link
	case model.IsWebURL(link):
		rec.PaperURL = model.CleanText(link, 2000)
		if m := arxivURL.FindStringSubmatch(link); m != nil {
			rec.ArxivID = m[1]
		}
	case link != "" && title == "":
		title = link // a title written where the URL goes
	}
	rec.PaperTitle = model.CleanText(title, 1000)
	return nil
}

// sameDataset: does training data name the evaluation dataset? Case,
// punctuation and a "-1k" or "2012" edition are not differences; a
// larger set ("ImageNet-21k") is.
func sameDataset(a, b string) bool {
	return datasetKey(a) == datasetKey(b)
}

func datasetKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if k == "ilsvrc2012" || k == "ilsvrc" || k == "imagenet2012" {
		k = "imagenet"
	}
	return strings.TrimSuffix(k, "1k")
}

// isRate: metrics written either as a fraction or a percent.
func isRate(metric string) bool {
	m := strings.ToLower(metric)
	return strings.Contains(m, "acc") || strings.Contains(m, "top 1") || strings.Contains(m, "top-1") ||
		strings.Contains(m, "top1") || strings.Contains(m, "top 5") || strings.Contains(m, "top-5") || strings.Contains(m, "top5")
}

// get finds a mapping's key regardless of case, spaces, "_" and "-":
// "In Collection", "in_collection" and "InCollection" are one field.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if norm(n.Content[i].Value) == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// deref follows a YAML alias (*name) to its anchor's node, one step:
// nothing here walks a node's children generically, so an anchor that
// contains itself cannot make a loop.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func norm(k string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '\t':
			return -1
		}
		return r
	}, strings.ToLower(k))
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }
