package cli_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestConcurrentLoginsBoundMemory: 100 logins at once, each from its own
// address (behind a trusted proxy, so no limit stops them before the
// hash), keep the server's peak resident memory under 256 MB. Each argon2id
// hash takes 64 MiB; unbounded, 40 at once took the server to 2.7 GB.
// The figure is the server's own: `benchboard serve` runs as a separate
// process and its VmHWM is read from /proc.
func TestConcurrentLoginsBoundMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("needs /proc to read the server's peak memory")
	}
	db, dsn := testdb.Open(t)
	pw := "the moderator's long password"
	hash, err := password.Hash(pw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.New(db, nil).CreateUser(context.Background(), "mod@example.org", "Moderator", hash); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "benchboard")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/benchboard/benchboard/cmd/benchboard").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	srv := exec.Command(bin, "serve")
	srv.Env = append(os.Environ(), "DATABASE_URL="+dsn, "PORT="+strconv.Itoa(port),
		"BENCHBOARD_TRUSTED_PROXY=127.0.0.1", "GOMEMLIMIT=", "GOGC=")
	logs, _ := srv.StderrPipe()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	var logTail []string
	var logMu sync.Mutex
	go func() {
		sc := bufio.NewScanner(logs)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			logMu.Lock()
			logTail = append(logTail, sc.Text())
			logMu.Unlock()
		}
	}()
	t.Cleanup(func() {
		srv.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			srv.Process.Kill()
		}
	})
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			logMu.Lock()
			t.Fatalf("the server never became ready: %s", strings.Join(logTail, "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	before := peakRSS(t, srv.Process.Pid)

	// One form, its token and cookie shared by every client: an anonymous
	// token is bound to no session.
	resp, err := http.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the login page")
	}
	var cookie string
	for _, c := range resp.Cookies() {
		if c.Name == "csrf_" {
			cookie = c.Name + "=" + c.Value
		}
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout: 60 * time.Second}

	const n = 100
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	start := make(chan struct{})
	began := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			guess := pw
			if i%2 == 1 {
				guess = "a wrong password " + strconv.Itoa(i)
			}
			form := url.Values{"_csrf": {string(m[1])}, "email": {"mod@example.org"}, "password": {guess}}
			req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Cookie", cookie)
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.%d.%d", i/200, i%200+1))
			<-start
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Errorf("login %d: %v", i, err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			statuses[resp.StatusCode]++
			mu.Unlock()
			if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "" {
				t.Errorf("login %d: a 503 without Retry-After", i)
			}
		}()
	}
	close(start)
	wg.Wait()
	took := time.Since(began)
	peak := peakRSS(t, srv.Process.Pid)
	t.Logf("%d concurrent logins in %v: answers %v; server peak RSS %d MB (%d MB before)", n, took.Round(time.Millisecond),
		statuses, peak>>20, before>>20)
	for code := range statuses {
		if code != http.StatusSeeOther && code != http.StatusUnprocessableEntity && code != http.StatusServiceUnavailable {
			t.Errorf("%d logins answered %d", statuses[code], code)
		}
	}
	if statuses[http.StatusSeeOther] == 0 || statuses[http.StatusUnprocessableEntity] == 0 {
		t.Errorf("answers %v: some logins must have been checked", statuses)
	}
	if peak >= 256<<20 {
		t.Errorf("peak RSS %d MB, want under 256 MB", peak>>20)
	}
}

// peakRSS reads a process's high-water resident set size (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/PID/status")
	return 0
}
