package cli

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/sheet"
	"github.com/benchboard/benchboard/internal/store"
)

// mapFlags collects repeated --map SOURCE=TARGET flags.
type mapFlags []sheet.Map

func (m *mapFlags) String() string { return fmt.Sprint(len(*m), " mappings") }
func (m *mapFlags) Set(s string) error {
	mp, err := sheet.ParseMap(s)
	if err != nil {
		return err
	}
	*m = append(*m, mp)
	return nil
}

const importUsage = "usage: benchboard import [--format FORMAT] [--dry-run] [--keep-going] [--subtasks] [--online] [--actor NAME]\n" +
	"                        [--dataset SLUG --map SOURCE=TARGET ...] PATH..."

// importFile is `benchboard import [flags] PATH...`: files and folders
// (walked recursively), each file's format recognised from its content.
// Every file goes in one transaction: an error or Ctrl-C leaves the
// database as it was.
func importFile(ctx context.Context, e *env, args []string) error {
	fs := flags("import", e)
	formatFlag := fs.String("format", "", "read every file as this format: "+strings.Join(formatNames(), ", ")+" (default: recognised from each file's content)")
	dryRun := fs.Bool("dry-run", false, "report what would be new, unchanged, changed or conflicting; write nothing")
	actor := fs.String("actor", defaultActor(), "who imports; every revision records it")
	online := fs.Bool("online", false, "never write in bulk: a large import into a smaller database otherwise locks readers out of results until it commits")
	keepGoing := fs.Bool("keep-going", false, "leave out a file that does not read, and list it, instead of failing the import")
	subtasks := fs.Bool("subtasks", false, "lm-evaluation-harness: import the subtasks of groups (mmlu's subjects) as boards under their group")
	dataset := fs.String("dataset", "", "a table with its own column names: the dataset (its slug) its rows report on")
	var maps mapFlags
	fs.Var(&maps, "map", "a table's column: SOURCE=TARGET, TARGET being method, params, params:k|M|B, paper_url, paper_title, paper_date, year, setting, note, code_url, or a metric of --dataset (optionally METRIC:% or METRIC:fraction); repeat for each column")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, importUsage)
		fs.PrintDefaults()
	}
	// Flags may come after the paths too: `import results.csv --dry-run`.
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(paths) == 0 {
		fs.Usage()
		return fmt.Errorf("import: %w: give at least one file or folder", errUsage)
	}
	if (*dataset == "") != (len(maps) == 0) {
		return fmt.Errorf("import: %w: --dataset and --map go together", errUsage)
	}
	opt := importer.Options{DryRun: *dryRun, Actor: *actor, KeepGoing: *keepGoing, Subtasks: *subtasks}
	if *online {
		opt.Bulk = store.BulkNever
	}
	if *formatFlag != "" {
		f, err := importer.ParseFormat(*formatFlag)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		opt.Format = f
	}
	// Look at the paths before the database, so a wrong one fails at once.
	var size int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if fi.Mode().IsRegular() {
			size += fi.Size()
		}
	}
	if len(paths) == 1 {
		if fi, _ := os.Stat(paths[0]); fi != nil && fi.Mode().IsRegular() {
			opt.Name = filepath.Base(paths[0]) // every revision names the file
		}
	}
	opt.Size = size
	opt.Progress = e.stderr
	opt.Terminal = isTerminal(e.stderr)

	st, closeStore, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()

	if *dataset != "" {
		d, err := st.Dataset(ctx, *dataset)
		if err != nil {
			return fmt.Errorf("import: --dataset %s: %w", *dataset, err)
		}
		cfg := sheet.Config{Task: d.TaskName, Dataset: d.Name, ParentDataset: d.ParentName, Maps: maps}
		for _, m := range d.Metrics {
			cfg.Metrics = append(cfg.Metrics, sheet.Metric{Name: m.Name, HigherIsBetter: m.HigherIsBetter, Unit: m.Unit})
		}
		opt.Sheet = &cfg
	}

	sum, err := importer.ImportPaths(ctx, st, paths, opt)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return sum.Print(e.stdout)
}

func formatNames() []string {
	var out []string
	for _, f := range importer.Formats {
		out = append(out, string(f))
	}
	return out
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
