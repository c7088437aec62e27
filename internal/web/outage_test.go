package web_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/database"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// TestPostgresRestartUnderLoad runs a private Postgres cluster, serves the
// app on it under a steady load, stops the cluster, and starts it again:
// during the outage every request fails fast with a 503 page, the server
// stays up, and it serves again by itself within 5 s of the database
// coming back.
func TestPostgresRestartUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private Postgres cluster")
	}
	if _, err := database.LocalBinaries(); err != nil {
		t.Skipf("no local Postgres binaries for a private cluster: %v", err)
	}
	t.Parallel()
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		os.Chmod(d, 0o755) // the server runs as the postgres user when we are root
	}
	dir = filepath.Join(dir, "pg")
	ctx := context.Background()
	dsn, stop, err := database.StartEmbedded(ctx, dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	if _, err := database.Migrate(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	db, err := database.Open(ctx, dsn, 8)
	if err != nil {
		t.Fatal(err)
	}
	defer database.Close(db)
	st := store.New(db, nil)
	if _, err := cli.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	app, err := web.New(st, web.Options{Log: discardLog(), RequestTimeout: 3 * time.Second, Context: t.Context()})
	if err != nil {
		t.Fatal(err)
	}
	base := listen(t, app)
	client := &http.Client{Timeout: 10 * time.Second}

	// The load: four clients asking for pages that each need the database
	// (the filter varies, so no request is answered from a cached board
	// without asking Postgres for the data version).
	var (
		mu        sync.Mutex
		statuses  = map[int]int{}
		slowest   time.Duration
		transport atomic.Int64
		done      = make(chan struct{})
		wg        sync.WaitGroup
	)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				start := time.Now()
				resp, err := client.Get(base + "/datasets/imagenet-1k?setting=" + []string{"a", "b", "zero", ""}[time.Now().Nanosecond()%4])
				took := time.Since(start)
				if err != nil {
					transport.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				statuses[resp.StatusCode]++
				if resp.StatusCode == http.StatusServiceUnavailable && took > slowest {
					slowest = took
				}
				mu.Unlock()
				time.Sleep(10 * time.Millisecond)
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)

	if err := stop(); err != nil {
		t.Fatalf("stopping the cluster: %v", err)
	}
	stopped = true
	time.Sleep(1 * time.Second)

	// During the outage: a clear 503 page that says to retry.
	resp, err := client.Get(base + "/datasets/imagenet-1k")
	if err != nil {
		t.Fatalf("the server went away with the database: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(body), "database is not reachable") {
		t.Fatalf("during the outage: status %d, Retry-After %q, body %.200s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if resp, err := client.Get(base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz must answer while the database is down: %v", err)
	}
	if resp, err := client.Get(base + "/readyz"); err != nil || resp.StatusCode != 503 {
		t.Fatalf("readyz must say not ready while the database is down: %v %v", resp, err)
	}

	_, stop, err = database.StartEmbedded(ctx, dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	stopped = false
	back := time.Now()
	var recovered time.Duration
	for time.Since(back) < 5*time.Second {
		resp, err := client.Get(base + "/datasets/imagenet-1k")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				recovered = time.Since(back)
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(done)
	wg.Wait()
	if recovered == 0 {
		t.Fatal("not serving again within 5 s of the database coming back")
	}
	mu.Lock()
	defer mu.Unlock()
	if transport.Load() > 0 {
		t.Errorf("%d requests got no HTTP answer at all", transport.Load())
	}
	for code, n := range statuses {
		if code != 200 && code != 503 {
			t.Errorf("%d answers with status %d; only 200 and 503 are right", n, code)
		}
	}
	if statuses[503] == 0 {
		t.Error("the load saw no 503 during the outage")
	}
	if slowest > 2*time.Second {
		t.Errorf("a 503 took %v: failing fast means well under the request timeout", slowest)
	}
	t.Logf("statuses %v; slowest 503 %v; serving again %v after the database came back", statuses, slowest, recovered)
}
