package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/benchboard/benchboard/internal/store"
)

// maxSkipLines is how many skipped values the printed summary lists one
// by one; the rest are counted by reason.
const maxSkipLines = 20

// Print writes the summary for a person: a table of outcomes per
// dataset, then the skipped values with their JSON paths and reasons.
func (s *Summary) Print(w io.Writer) error {
	var b strings.Builder
	what := s.Format.Describe()
	switch s.Format {
	case PwC:
		what = "Papers with Code JSON"
	case "":
		what = "several formats"
	}
	if s.DryRun {
		fmt.Fprintf(&b, "dry run of %s (%s): nothing was written\n", s.File, what)
	} else {
		fmt.Fprintf(&b, "imported %s (%s)\n", s.File, what)
	}
	rows := plural(s.Rows, "line", "lines")
	switch s.Format {
	case PwC:
		rows = plural(s.Rows, "leaderboard row", "leaderboard rows")
	case CSV, Sheet:
	default:
		rows = plural(s.Rows, "value read", "values read")
	}
	if len(s.Files) > 1 {
		rows = plural(len(s.Files), "file", "files") + ", " + rows
	}
	fmt.Fprintf(&b, "%s, %s in %s", rows, plural(s.Total(), "result", "results"), s.Elapsed.Round(time.Millisecond))
	if s.Bulk {
		b.WriteString(" (written in bulk: indexes built and foreign keys checked once, at the end)")
	}
	b.WriteString("\n\n")

	names := make([]string, 0, len(s.PerDataset))
	width := len("dataset")
	for n := range s.PerDataset {
		names = append(names, n)
		width = max(width, utf8.RuneCountInString(n))
	}
	sort.Strings(names)
	line := func(name string, c store.Counts) {
		fmt.Fprintf(&b, "%-*s %9d %9d %9d %11d\n", width, name, c.New, c.Unchanged, c.Changed, c.Conflicting)
	}
	fmt.Fprintf(&b, "%-*s %9s %9s %9s %11s\n", width, "dataset", "new", "unchanged", "changed", "conflicting")
	for _, n := range names {
		line(n, *s.PerDataset[n])
	}
	line("total", s.Counts)
	b.WriteString("\n")

	s.printFiles(&b)
	if s.Conflicting > 0 {
		fmt.Fprintf(&b, "%d conflicting: another number was already reported for the same result; both are kept and the leaderboard flags them.\n", s.Conflicting)
	}
	if s.Changed > 0 {
		fmt.Fprintf(&b, "%d changed: same number, other details (source, note …) updated; the revision history has the old ones.\n", s.Changed)
	}
	s.printNames(&b)
	if s.SkippedTotal > 0 {
		fmt.Fprintf(&b, "left out %s:\n", plural(s.SkippedTotal, "value or row", "values or rows"))
		for i, k := range s.Skipped {
			if i == maxSkipLines {
				break
			}
			if k.Raw != "" {
				fmt.Fprintf(&b, "  %s: %q: %s\n", k.Path, k.Raw, k.Reason)
			} else {
				fmt.Fprintf(&b, "  %s: %s\n", k.Path, k.Reason)
			}
		}
		if s.SkippedTotal > maxSkipLines {
			reasons := make([]string, 0, len(s.SkipReasons))
			for r := range s.SkipReasons {
				reasons = append(reasons, r)
			}
			sort.Slice(reasons, func(i, j int) bool {
				a, c := s.SkipReasons[reasons[i]], s.SkipReasons[reasons[j]]
				return a > c || a == c && reasons[i] < reasons[j]
			})
			parts := make([]string, len(reasons))
			for i, r := range reasons {
				parts[i] = fmt.Sprintf("%s: %d", r, s.SkipReasons[r])
			}
			fmt.Fprintf(&b, "  … and %d more (in all: %s)\n", s.SkippedTotal-maxSkipLines, strings.Join(parts, ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// printFiles lists what each file gave, the files left out, and for a
// single file the columns a sheet's mapping ignored and the marks.
func (s *Summary) printFiles(b *strings.Builder) {
	if len(s.Files) > 1 {
		b.WriteString("files:\n")
		for _, f := range s.Files {
			switch {
			case f.ReadWith != "":
				fmt.Fprintf(b, "  %s: read through the Import of %s\n", f.Name, f.ReadWith)
			default:
				fmt.Fprintf(b, "  %s (%s): %s", f.Name, f.Format.Describe(), plural(f.Records, "result", "results"))
				if f.SkippedTotal > 0 {
					fmt.Fprintf(b, ", %d left out", f.SkippedTotal)
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	var review, verified int
	for _, f := range s.Files {
		review += f.NeedsReview
		verified += f.Verified
		if len(f.Ignored) > 0 {
			name := ""
			if len(s.Files) > 1 {
				name = " of " + f.Name
			}
			fmt.Fprintf(b, "ignored columns%s (no --map names them): %s\n", name, strings.Join(f.Ignored, ", "))
		}
	}
	if review > 0 {
		fmt.Fprintf(b, "%s marked for review: listed under the paper's title, as the source gave no model name.\n", plural(review, "result", "results"))
	}
	if verified > 0 {
		fmt.Fprintf(b, "%s marked verified by their source.\n", plural(verified, "result", "results"))
	}
	if len(s.Failed) > 0 {
		fmt.Fprintf(b, "left out %s (--keep-going):\n", plural(len(s.Failed), "bad file", "bad files"))
		for _, f := range s.Failed {
			fmt.Fprintf(b, "  %s\n", f.Error)
		}
	}
	if len(s.NotResults) > 0 {
		fmt.Fprintf(b, "not read: %s in no results format (e.g. %s)\n", plural(len(s.NotResults), "file", "files"), s.NotResults[0])
	}
}
