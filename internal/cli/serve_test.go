package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestServeDrainsOnShutdown: when the process is told to stop (SIGTERM
// cancels the context main passes in), requests already in flight finish
// and the command returns cleanly; new connections are refused.
func TestServeDrainsOnShutdown(t *testing.T) {
	dsn := testdb.New(t)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	t.Setenv("DATABASE_URL", dsn)
	t.Setenv("PORT", strconv.Itoa(port))

	var out bytes.Buffer
	if err := cli.Run(context.Background(), []string{"seed"}, nil, &out, io.Discard); err != nil {
		t.Fatalf("seed: %v\n%s", err, out.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cli.Run(ctx, []string{"serve"}, nil, io.Discard, io.Discard) }()

	base := "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil && resp.StatusCode == 200 {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("server never became ready")
		}
		time.Sleep(20 * time.Millisecond)
	}

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		ok       int
		refused  int
		broken   []error
		stopLoad = make(chan struct{})
	)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			for {
				select {
				case <-stopLoad:
					return
				default:
				}
				// A request the server has started answering must finish; one
				// that never got an answer (refused, or reset in the listen
				// backlog as the listener closes) was not in flight.
				resp, err := client.Get(base + "/export.csv")
				mu.Lock()
				if err != nil {
					refused++
					mu.Unlock()
					continue
				}
				mu.Unlock()
				n, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				switch {
				case err == nil && resp.StatusCode == 200 && n > 1000:
					ok++
				default:
					broken = append(broken, fmt.Errorf("status %d, %d bytes: %v", resp.StatusCode, n, err))
				}
				mu.Unlock()
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v on shutdown", err)
		}
	case <-time.After(25 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	time.Sleep(100 * time.Millisecond)
	close(stopLoad)
	wg.Wait()
	if ok == 0 || refused == 0 {
		t.Fatalf("the load did not span the shutdown: %d complete, %d refused", ok, refused)
	}
	if len(broken) > 0 {
		t.Fatalf("%d requests were cut off instead of drained, e.g. %v", len(broken), broken[0])
	}
	t.Logf("%d exports completed, %d refused after shutdown began, none cut off", ok, refused)
}
