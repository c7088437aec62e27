package cli

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"path/filepath"

	"golang.org/x/term"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/store"
)

// importFile is `benchboard import [--format csv|pwc] [--dry-run] [--online] [--actor NAME] FILE`.
// The whole file goes in one transaction: an error or Ctrl-C leaves the
// database as it was.
func importFile(ctx context.Context, e *env, args []string) error {
	fs := flags("import", e)
	formatFlag := fs.String("format", "", "csv or pwc (default: from the file's extension, .csv or .json)")
	dryRun := fs.Bool("dry-run", false, "report what would be new, unchanged, changed or conflicting; write nothing")
	actor := fs.String("actor", defaultActor(), "who imports; every revision records it")
	online := fs.Bool("online", false, "never write in bulk: a large import into a smaller database otherwise locks readers out of results until it commits")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: benchboard import [--format csv|pwc] [--dry-run] [--online] [--actor NAME] FILE")
		fs.PrintDefaults()
	}
	// Flags may come after the file too: `import results.csv --dry-run`.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("import: %w: give exactly one file", errUsage)
	}
	path := files[0]
	name := filepath.Base(path)
	opt := importer.Options{Name: name, DryRun: *dryRun, Actor: *actor}
	if *online {
		opt.Bulk = store.BulkNever
	}
	var err error
	if *formatFlag != "" {
		opt.Format, err = importer.ParseFormat(*formatFlag)
	} else {
		opt.Format, err = importer.FormatOf(name)
	}
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	// Open the file before the database, so a wrong path fails at once.
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		opt.Size = fi.Size()
	}
	opt.Progress = e.stderr
	opt.Terminal = isTerminal(e.stderr)

	st, closeStore, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()

	sum, err := importer.Import(ctx, st, f, opt)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return sum.Print(e.stdout)
}

func defaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username + " (benchboard import)"
	}
	return "benchboard import"
}

// isTerminal says whether w is a terminal, where a progress bar can
// redraw itself; elsewhere (a log, a pipe) progress comes as plain lines.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
