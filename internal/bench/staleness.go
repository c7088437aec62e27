package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Staleness measures how long a cached page may still be served after a
// write has committed: the app hears of writes through a Postgres
// notification, which trails the commit. For each of n writes (bump), it
// requests url back to back from the moment the write returned, and takes
// the start of the last request that still got the old page (by ETag).
// A window of 0 means no request after the commit saw the old page.
func Staleness(ctx context.Context, client *http.Client, url string, bump func(context.Context) error, n int) (Summary, error) {
	etag := func() (string, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return "", err
		}
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
		}
		return resp.Header.Get("ETag"), nil
	}
	var windows []time.Duration
	for i := 0; i < n && ctx.Err() == nil; i++ {
		old, err := etag() // cached now, if it was not before
		if err != nil {
			return Summary{}, err
		}
		if err := bump(ctx); err != nil {
			return Summary{}, err
		}
		committed := time.Now()
		var window time.Duration
		for {
			start := time.Now()
			tag, err := etag()
			if err != nil {
				return Summary{}, err
			}
			if tag != old {
				break
			}
			window = start.Sub(committed)
			if window > 5*time.Second {
				return Summary{}, fmt.Errorf("bench: %s still served the old page 5 s after a write", url)
			}
		}
		windows = append(windows, window)
	}
	return Summarize(windows), ctx.Err()
}
