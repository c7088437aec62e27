// Package web embeds the page templates and static files. A missing file
// fails at start-up (Check), not at request time.
package web

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed templates static
var files embed.FS

// Templates is the templates folder, rooted so names carry no prefix.
func Templates() fs.FS {
	sub, err := fs.Sub(files, "templates")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

// Static is the static folder, rooted likewise.
func Static() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// Check makes sure every file the pages need is embedded; the ECharts
// bundle and its gzip copy are built from the npm package by `make assets`.
func Check() error {
	for _, name := range []string{"static/app.js", "static/style.css", "static/vendor/echarts.min.js", "static/vendor/echarts.min.js.gz", "static/favicon.svg", "templates/layouts/main.html"} {
		if _, err := fs.Stat(files, name); err != nil {
			return fmt.Errorf("web: %s is missing from the build (run `make assets`): %w", name, err)
		}
	}
	return nil
}
