package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/benchboard/benchboard/internal/extract"
	"github.com/benchboard/benchboard/internal/importer"
)

// extractCmd reads candidate scores out of a paper listing and queues them
// for moderators, or with --dry-run only prints them.
func extractCmd(ctx context.Context, e *env, args []string) error {
	fs := flags("extract", e)
	dry := fs.Bool("dry-run", false, "print the candidates; queue nothing")
	minConf := fs.String("min-confidence", extract.DefaultMinConfidence, "lowest confidence to propose: high, med or low")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("extract: usage: benchboard extract [--dry-run] [--min-confidence med] FILE")
	}
	switch *minConf {
	case extract.High, extract.Med, extract.Low:
	default:
		return fmt.Errorf("extract: --min-confidence %q is not high, med or low", *minConf)
	}
	text, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	st, closeStore, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	rep, err := importer.ExtractText(ctx, st, string(text), importer.ExtractOptions{DryRun: *dry, MinConfidence: *minConf})
	if err != nil {
		return fmt.Errorf("extract: %s: %w", fs.Arg(0), err)
	}
	printExtract(e, rep)
	return nil
}

func printExtract(e *env, rep importer.ExtractReport) {
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PAPER\tMETHOD\tDATASET\tMETRIC\tVALUE\tCONFIDENCE\tSTATUS\tEVIDENCE")
	for _, p := range rep.Proposals {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", short(p.Paper, 40), p.Method, p.Dataset, p.Metric, p.Raw,
			p.Confidence, p.Status, p.Evidence)
	}
	tw.Flush()
	for _, u := range rep.Unknown {
		fmt.Fprintf(e.stdout, "dataset not known: %q in %q\n", u.Phrase, short(u.Evidence, 160))
	}
	fmt.Fprintf(e.stdout, "%d candidates, %d queued for moderators, %d unknown datasets\n",
		len(rep.Proposals), rep.Queued, len(rep.Unknown))
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
