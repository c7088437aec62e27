package database

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartEmbedded runs the embedded server through the lives of a data
// directory: created, stopped and started again, left running by a killed
// run, crashed, and with a postmaster.pid whose PID another program now has.
// Each start must find the row written by the first.
func TestStartEmbedded(t *testing.T) {
	if _, err := LocalBinaries(); err != nil {
		t.Skipf("no local Postgres binaries, so no embedded server to test: %v", err)
	}
	ctx := t.Context()
	dir := filepath.Join(embeddedTempDir(t), ".data")
	data := filepath.Join(dir, "postgres")

	start := func() (string, func() error) {
		t.Helper()
		began := time.Now()
		url, stop, err := StartEmbedded(ctx, dir, testLog{t})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stop() }) // a no-op once the test has stopped it
		t.Logf("started in %v", time.Since(began).Round(time.Millisecond))
		return url, stop
	}
	stop := func(stop func() error) {
		t.Helper()
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); !os.IsNotExist(err) {
			t.Fatalf("postmaster.pid after stop: %v", err)
		}
	}

	// A new directory: initdb, and the database is created.
	url, stop1 := start()
	execSQL(t, url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('first run')")
	stop(stop1)

	// A second run finds the data.
	url, stop2 := start()
	wantKept(t, url)

	// A run killed before it could stop the server: the next one reuses it.
	again, stop3 := start()
	if again != url {
		t.Errorf("reused server: URL %q, want %q", again, url)
	}
	wantKept(t, again)
	stop(stop3)
	stop2() // its server is already stopped; only its cleanup remains

	// The server crashed and left its postmaster.pid behind.
	url, stop4 := start()
	pid := postmasterPID(t, data)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); serves(pid, data); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("server %d still running after SIGKILL", pid)
		}
	}
	url, stop5 := start()
	wantKept(t, url)
	stop(stop5)
	stop4() // its server is gone; only its cleanup remains

	// After a reboot, the PID in a stale postmaster.pid can belong to another
	// program; the test process stands in for it.
	if testing.Short() {
		t.Log("skipping the reused-PID case in -short mode (it waits 5s)")
	} else {
		stale := fmt.Sprintf("%d\n%s\n0\n1\n", os.Getpid(), data)
		if err := os.WriteFile(filepath.Join(data, "postmaster.pid"), []byte(stale), 0o600); err != nil {
			t.Fatal(err)
		}
		url, stop6 := start()
		wantKept(t, url)
		stop(stop6)
	}

	// The children of the server killed above notice their postmaster's
	// death on their own and exit; on a loaded machine that can take a
	// few seconds, so they are given some before the test calls them left.
	left := serversOn(data)
	for deadline := time.Now().Add(15 * time.Second); len(left) > 0 && time.Now().Before(deadline); left = serversOn(data) {
		time.Sleep(50 * time.Millisecond)
	}
	if len(left) > 0 {
		t.Errorf("processes still running on %s 15 s after the last stop: %v", data, left)
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int // sign
	}{
		{"15", "15", 0},
		{"15", "16", -1},
		{"9.6", "10", -1},
		{"10", "9.6", 1},
		{"9.6", "9.5", 1},
	} {
		got := compareVersions(tc.a, tc.b)
		if (got > 0) != (tc.want > 0) || (got < 0) != (tc.want < 0) {
			t.Errorf("compareVersions(%q, %q) = %d, want sign %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// embeddedTempDir returns a temporary directory the server's OS user can
// reach. When the test runs as root the server runs as `postgres`, and
// t.TempDir's directories have mode 0700.
func embeddedTempDir(t *testing.T) string {
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(t.Context(), sql); err != nil {
		t.Fatal(err)
	}
}

func wantKept(t *testing.T, url string) {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var note string
	if err := conn.QueryRow(t.Context(), "SELECT note FROM kept").Scan(&note); err != nil {
		t.Fatal(err)
	}
	if note != "first run" {
		t.Errorf("kept note = %q, want %q", note, "first run")
	}
}

func postmasterPID(t *testing.T, data string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.SplitN(string(b), "\n", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// serversOn lists the processes whose working directory is data, as every
// Postgres server process's is. It finds nothing without /proc.
func serversOn(data string) []string {
	dir, err := filepath.EvalSymlinks(data)
	if err != nil {
		return nil
	}
	cwds, _ := filepath.Glob("/proc/[0-9]*/cwd")
	var found []string
	for _, cwd := range cwds {
		if d, err := os.Readlink(cwd); err == nil && d == dir {
			found = append(found, filepath.Base(filepath.Dir(cwd)))
		}
	}
	return found
}

// testLog sends StartEmbedded's progress to the test's log.
type testLog struct{ t *testing.T }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
