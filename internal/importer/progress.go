package importer

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress reports an import while it runs, from its own goroutine, so
// a slow statement or the PwC parser's checking pass does not freeze it.
// It reads two counters: bytes read from the input and records handed to
// the store.
type progress struct {
	records atomic.Int64
	staged  atomic.Bool // every record is in; the store writes them all
	in      *countingReader
	done    chan struct{}
	stopped sync.Once
	wg      sync.WaitGroup
}

// startProgress starts reporting to opt.Progress; with no writer it only
// counts.
func startProgress(opt Options, format Format, in *countingReader) *progress {
	p := &progress{in: in, done: make(chan struct{})}
	if opt.Progress == nil {
		return p
	}
	// The PwC parser reads the file twice: the bar covers both passes.
	total := opt.Size
	if format == PwC {
		total *= 2
	}
	start := time.Now()
	rate := func() float64 {
		if s := time.Since(start).Seconds(); s > 0 {
			return float64(p.records.Load()) / s
		}
		return 0
	}
	p.wg.Add(1)
	if opt.Terminal {
		max := total
		if max <= 0 {
			max = -1 // unknown: a spinner
		}
		bar := progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(opt.Progress),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription(opt.Name),
		)
		go func() {
			defer p.wg.Done()
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-p.done:
					bar.Finish()
					return
				case <-t.C:
					if p.staged.Load() {
						bar.Describe(fmt.Sprintf("%s: writing %d rows", opt.Name, p.records.Load()))
					} else {
						bar.Describe(fmt.Sprintf("%s: %d rows, %.0f rows/s", opt.Name, p.records.Load(), rate()))
					}
					bar.Set64(in.n.Load())
				}
			}
		}()
		return p
	}
	every := opt.Every
	if every <= 0 {
		every = 2 * time.Second
	}
	last := "writing them"
	if opt.DryRun {
		last = "checking them against the database"
	}
	go func() {
		defer p.wg.Done()
		said := false // the last step is announced once
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				return
			case <-t.C:
				n := p.records.Load()
				if p.staged.Load() {
					if !said {
						fmt.Fprintf(opt.Progress, "%s: read all %d rows; now %s\n", opt.Name, n, last)
						said = true
					}
					continue
				}
				// Rows are read and staged here; written once all are in.
				line := fmt.Sprintf("%s: read %d rows (%.0f rows/s)", opt.Name, n, rate())
				if n == 0 && format == PwC {
					line = fmt.Sprintf("%s: checking the file's structure", opt.Name)
				}
				if total > 0 {
					line += fmt.Sprintf(", %.0f%% of the file read", 100*float64(min(in.n.Load(), total))/float64(total))
				}
				fmt.Fprintln(opt.Progress, line)
			}
		}
	}()
	return p
}

// writing marks the end of reading: the store now classifies and writes
// every record at once, and the reports say so instead of a rate.
func (p *progress) writing(int) { p.staged.Store(true) }

// stop ends the reports; it may be called more than once.
func (p *progress) stop() {
	p.stopped.Do(func() {
		close(p.done)
		p.wg.Wait()
	})
}
