package web

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strings"
)

// viewEngine renders the page templates into the layout. It replaces
// gofiber/template's html engine, which holds one mutex across the whole
// rendering of every page that has a layout (it rebinds the layout's
// embed function on the shared template before each run), so that no two
// pages rendered at once: under load, uncached pages queued behind one
// another's templates. Here each page is parsed once, with the layouts
// calling it by name, into a template set of its own; executing a parsed
// html/template is safe from many goroutines, so renders run side by side.
type viewEngine struct {
	// sets maps a layout and a page ("layouts/main\x00dataset") to the
	// template set that renders the page inside it.
	sets map[string]*template.Template
	// base has every template as parsed, layouts included, for a page
	// rendered without a layout.
	base *template.Template
}

// embedCall is how a layout names the page inside it: {{embed}}, as the
// fiber engine spells it, with or without spaces and trim markers.
var embedCall = regexp.MustCompile(`\{\{-?\s*embed\s*-?\}\}`)

// pageName is the template a layout's {{embed}} becomes a call of.
const pageName = "bb.page"

// newViewEngine parses every .html file under files, named by its path
// without the extension ("partials/reports"), with funcs; a file under
// layouts/ is a layout.
func newViewEngine(files fs.FS, funcs template.FuncMap) (*viewEngine, error) {
	base := template.New("").Funcs(funcs)
	var pages, layouts []string
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := fs.ReadFile(files, path)
		if err != nil {
			return err
		}
		name, text := strings.TrimSuffix(path, ".html"), string(b)
		if strings.HasPrefix(name, "layouts/") {
			if !embedCall.MatchString(text) {
				return fmt.Errorf("web: layout %s has no {{embed}}", name)
			}
			text = embedCall.ReplaceAllString(text, `{{template "`+pageName+`" .}}`)
			layouts = append(layouts, name)
		} else {
			pages = append(pages, name)
		}
		if _, err := base.New(name).Parse(text); err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	e := &viewEngine{sets: map[string]*template.Template{}}
	// Each layout and page pair gets its own copy of every template, with
	// the page under pageName: clones must be made before anything runs.
	for _, layout := range layouts {
		for _, page := range pages {
			set, err := base.Clone()
			if err != nil {
				return nil, err
			}
			if _, err := set.New(pageName).Parse(`{{template "` + page + `" .}}`); err != nil {
				return nil, fmt.Errorf("web: template %s in %s: %w", page, layout, err)
			}
			e.sets[layout+"\x00"+page] = set.Lookup(layout)
		}
	}
	e.base = base
	return e, nil
}

// Load is part of fiber.Views: everything was parsed by newViewEngine.
func (e *viewEngine) Load() error { return nil }

// Render executes page name, inside layout[0] when one is given.
func (e *viewEngine) Render(out io.Writer, name string, binding any, layout ...string) error {
	if len(layout) == 0 || layout[0] == "" {
		t := e.base.Lookup(name)
		if t == nil {
			return fmt.Errorf("render: template %s does not exist", name)
		}
		return t.Execute(out, binding)
	}
	t := e.sets[layout[0]+"\x00"+name]
	if t == nil {
		return fmt.Errorf("render: template %s in layout %s does not exist", name, layout[0])
	}
	return t.Execute(out, binding)
}
