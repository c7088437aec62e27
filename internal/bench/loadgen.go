package bench

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// newClient is a keep-alive HTTP client for conns connections to one
// loopback host. It never decompresses: the load generator counts the
// bytes a browser would receive and spends no CPU on inflating them.
func newClient(conns int, timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:        conns * 2,
			MaxIdleConnsPerHost: conns * 2,
			MaxConnsPerHost:     conns,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
}

// target is one kind of request the load generator sends.
type target struct {
	URL    string
	Accept string
	Gzip   bool // send Accept-Encoding: gzip, as browsers do
	// Before runs before each request, outside the request's latency but
	// inside the measured time (e.g. a data_version bump).
	Before func(ctx context.Context) error
	// Unique gives every request its own query string (a parameter the app
	// ignores), so that no response cache can answer it: the app learns of
	// a bump through a notification, which may trail the next request.
	Unique bool
}

// requestSeq numbers the requests of Unique targets.
var requestSeq atomic.Int64

// LoadResult is what one fixed-duration run measured.
type LoadResult struct {
	Requests int
	Errors   int
	Bytes    int64
	Elapsed  time.Duration
	Latency  Summary
	FirstErr error
}

// RPS is completed requests per second.
func (r LoadResult) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// BytesPerRequest is the mean response body size on the wire.
func (r LoadResult) BytesPerRequest() float64 {
	if r.Requests == 0 {
		return 0
	}
	return float64(r.Bytes) / float64(r.Requests)
}

// do sends one request and reads the whole body.
func do(ctx context.Context, client *http.Client, t target) (int64, error) {
	url := t.URL
	if t.Unique {
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		url += fmt.Sprintf("%sbench_request=%d", sep, requestSeq.Add(1))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	if t.Accept != "" {
		req.Header.Set("Accept", t.Accept)
	}
	if t.Gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return n, err
	}
	if resp.StatusCode != http.StatusOK {
		return n, fmt.Errorf("GET %s: status %d", t.URL, resp.StatusCode)
	}
	return n, nil
}

// RunLoad runs conns workers against t, each sending requests back to back
// for warmup (not counted), then for dur. A worker starts no request after
// the deadline; the elapsed time runs until the last one has finished.
func RunLoad(ctx context.Context, client *http.Client, t target, conns int, warmup, dur time.Duration) LoadResult {
	if warmup > 0 {
		run(ctx, client, t, conns, warmup)
	}
	return run(ctx, client, t, conns, dur)
}

func run(ctx context.Context, client *http.Client, t target, conns int, dur time.Duration) LoadResult {
	var (
		mu  sync.Mutex
		res LoadResult
		lat []time.Duration
		wg  sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(dur)
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var (
				mine     []time.Duration
				n, errs  int
				bytes    int64
				firstErr error
			)
			for time.Now().Before(deadline) && ctx.Err() == nil {
				if t.Before != nil {
					if err := t.Before(ctx); err != nil {
						errs++
						if firstErr == nil {
							firstErr = err
						}
						continue
					}
				}
				t0 := time.Now()
				b, err := do(ctx, client, t)
				d := time.Since(t0)
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = err
					}
					continue
				}
				n++
				bytes += b
				mine = append(mine, d)
			}
			mu.Lock()
			res.Requests += n
			res.Errors += errs
			res.Bytes += bytes
			if res.FirstErr == nil {
				res.FirstErr = firstErr
			}
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.Latency = Summarize(lat)
	return res
}

// Sequential sends n requests one after the other (Before runs first,
// untimed) and returns the latencies of those that succeeded; it stops
// early after limit. A failed Before ends the run: nothing can be
// measured without it.
func Sequential(ctx context.Context, client *http.Client, t target, n int, limit time.Duration) (LoadResult, error) {
	var (
		res LoadResult
		lat []time.Duration
	)
	start := time.Now()
	for i := 0; i < n && time.Since(start) < limit && ctx.Err() == nil; i++ {
		if t.Before != nil {
			if err := t.Before(ctx); err != nil {
				return res, err
			}
		}
		t0 := time.Now()
		b, err := do(ctx, client, t)
		if err != nil {
			res.Errors++
			if res.FirstErr == nil {
				res.FirstErr = err
			}
			continue
		}
		res.Requests++
		res.Bytes += b
		lat = append(lat, time.Since(t0))
	}
	res.Elapsed = time.Since(start)
	res.Latency = Summarize(lat)
	return res, ctx.Err()
}
