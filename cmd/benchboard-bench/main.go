// Command benchboard-bench is `make bench`: it builds a synthetic
// database at issue 5's scale and measures Benchboard against baselines
// taken in the same run. Everything lives in internal/bench.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/benchboard/benchboard/internal/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := bench.Main(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchboard-bench:", err)
		os.Exit(1)
	}
}
