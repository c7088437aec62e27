package importer

import (
	"fmt"
	"strings"
)

// printNames lists the names the import created, each beside the
// existing names that look closest, and every direction it guessed.
func (s *Summary) printNames(b *strings.Builder) {
	if len(s.NewNames) > 0 {
		fmt.Fprintf(b, "new names (%d), created as new and unreviewed; merge a spelling into an existing name on /mod/names:\n", s.NewNamesTotal)
		for _, n := range s.NewNames {
			what := n.Kind + " " + fmt.Sprintf("%q", n.Name)
			if n.Dataset != "" {
				what += " on " + n.Dataset
			}
			if len(n.Similar) > 0 {
				fmt.Fprintf(b, "  %s; closest: %s\n", what, quoteAll(n.Similar))
			} else {
				fmt.Fprintf(b, "  %s; nothing alike\n", what)
			}
		}
		if s.NewNamesTotal > len(s.NewNames) {
			fmt.Fprintf(b, "  … and %d more\n", s.NewNamesTotal-len(s.NewNames))
		}
	}
	if len(s.Guessed) > 0 {
		fmt.Fprintf(b, "guessed directions (%d), waiting for review on /mod/metrics:\n", len(s.Guessed))
		for _, g := range s.Guessed {
			dir := "higher is better"
			if !g.HigherIsBetter {
				dir = "lower is better"
			}
			fmt.Fprintf(b, "  %s · %s: %s\n", g.Dataset, g.Metric, dir)
		}
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
