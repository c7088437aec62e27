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
	what := "Benchboard CSV"
	if s.Format == PwC {
		what = "Papers with Code JSON"
	}
	if s.DryRun {
		fmt.Fprintf(&b, "dry run of %s (%s): nothing was written\n", s.File, what)
	} else {
		fmt.Fprintf(&b, "imported %s (%s)\n", s.File, what)
	}
	rows := plural(s.Rows, "line", "lines")
	if s.Format == PwC {
		rows = plural(s.Rows, "leaderboard row", "leaderboard rows")
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
