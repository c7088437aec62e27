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
// for moderators, or with --dry-run only prints them. With --score it
// queues nothing and measures instead: precision and recall of what the
// queue would get, against a gold file.
func extractCmd(ctx context.Context, e *env, args []string) error {
	fs := flags("extract", e)
	dry := fs.Bool("dry-run", false, "print the candidates; queue nothing")
	minConf := fs.String("min-confidence", extract.DefaultMinConfidence, "lowest confidence to propose: high, med or low")
	goldFile := fs.String("score", "", "queue nothing; print precision and recall against this gold file (JSON, the labelled-set format)")
	catalogue := fs.String("datasets", "", "with --score: read the datasets from this JSON file instead of the database")
	misses := fs.Bool("misses", false, "with --score: also list wrong and missed scores")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("extract: usage: benchboard extract [--dry-run] [--min-confidence med] [--score GOLD.json [--datasets DATASETS.json] [--misses]] FILE")
	}
	switch *minConf {
	case extract.High, extract.Med, extract.Low:
	default:
		return fmt.Errorf("extract: --min-confidence %q is not high, med or low", *minConf)
	}
	if *goldFile == "" && (*catalogue != "" || *misses) {
		return fmt.Errorf("extract: --datasets and --misses need --score")
	}
	text, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if *goldFile != "" {
		return scoreExtract(ctx, e, string(text), *goldFile, *catalogue, *minConf, *misses)
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

// scoreExtract prints how the candidates the queue would get compare with a
// gold file. Against the database, a candidate counts only when it would be
// queued (its dataset has its metric, a method is named); against a
// --datasets file there is no queue, so every candidate at the threshold counts.
func scoreExtract(ctx context.Context, e *env, text, goldFile, catalogue, minConf string, misses bool) error {
	gf, err := os.Open(goldFile)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	defer gf.Close()
	gold, err := extract.ReadGold(gf)
	if err != nil {
		return fmt.Errorf("extract: %s: %w", goldFile, err)
	}
	var res extract.Result
	source := catalogue
	if catalogue != "" {
		cf, err := os.Open(catalogue)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		defer cf.Close()
		known, err := extract.ReadDatasets(cf)
		if err != nil {
			return fmt.Errorf("extract: %s: %w", catalogue, err)
		}
		res = extract.Extract(text, known).Filter(minConf)
	} else {
		source = "the database"
		st, closeStore, err := e.openStore(ctx)
		if err != nil {
			return err
		}
		defer closeStore()
		rep, err := importer.ExtractText(ctx, st, text, importer.ExtractOptions{DryRun: true, MinConfidence: minConf})
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		res.Unknown, res.Failed = rep.Unknown, rep.Failed
		for _, p := range rep.Proposals {
			if !strings.HasPrefix(p.Status, "left out") {
				res.Candidates = append(res.Candidates, p.Candidate)
			}
		}
	}
	printFailed(e, res.Failed)
	sc := extract.Score(res, gold)
	fmt.Fprintf(e.stdout, "scores at confidence %s and up, datasets from %s: %s\n", minConf, source, sc.Scores)
	fmt.Fprintf(e.stdout, "unknown datasets: %s\n", sc.Unknown)
	if misses {
		for _, c := range sc.FalsePositives {
			fmt.Fprintf(e.stdout, "wrong: %s (%s, %s) in %q\n", c.Key(), c.Raw, c.Confidence, short(c.Evidence, 160))
		}
		for _, k := range sc.MissedScores {
			fmt.Fprintf(e.stdout, "missed: %s\n", k)
		}
		for _, u := range sc.WrongUnknown {
			fmt.Fprintf(e.stdout, "wrong unknown dataset: %q in %q\n", u.Phrase, short(u.Paper, 60))
		}
		for _, k := range sc.MissedUnknown {
			fmt.Fprintf(e.stdout, "missed unknown dataset: %s\n", k)
		}
	}
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
	printFailed(e, rep.Failed)
}

// printFailed names, on stderr, each paper the extractor could not read.
func printFailed(e *env, failed []extract.Failure) {
	for _, f := range failed {
		fmt.Fprintf(e.stderr, "extract: paper %q was left out: %s\n", short(f.Paper, 60), f.Err)
	}
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
