package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web"
)

// staticBody is the static route's 1 KB answer: HTML-like text, so that
// it is the same kind of body as the pages.
var staticBody = func() []byte {
	const line = "<p>Benchboard static benchmark body: a fixed kilobyte of text.</p>\n" // 67 bytes
	b := []byte(strings.Repeat(line, 1024/len(line)+1))[:1024]
	b[len(b)-1] = '\n'
	return b
}()

// staticPath is the route added for the comparison; the app does not have it.
const staticPath = "/bench-static"

// inProcess is the real app served from the harness's own process.
type inProcess struct {
	outer *fiber.App
	base  string
	done  chan error
}

// startInProcess builds the app with web.New and serves it on a random
// loopback port. A route added to web.New's app comes after its catch-all
// 404 middleware and is never reached, so the static route lives on a
// wrapper app that mounts the real one at "/"; the wrapper repeats the
// app's connection settings. The static route is registered before the
// mount, so it runs none of the app's middleware (request id, log,
// helmet, compression): it is the floor of what the server can do.
func startInProcess(ctx context.Context, st *store.Store, log *slog.Logger, extra ...func(*fiber.App)) (*inProcess, error) {
	app, err := web.New(st, web.Options{Log: log, Context: ctx})
	if err != nil {
		return nil, err
	}
	outer := fiber.New(fiber.Config{
		Immutable:             true,
		ReadTimeout:           30 * time.Second,
		IdleTimeout:           60 * time.Second,
		BodyLimit:             12 << 20,
		DisableStartupMessage: true,
		// The wrapper is the server that listens: it writes the app's
		// responses with the app's buffers.
		ReadBufferSize:  app.Config().ReadBufferSize,
		WriteBufferSize: app.Config().WriteBufferSize,
	})
	outer.Get(staticPath, func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		return c.Send(staticBody)
	})
	for _, register := range extra {
		register(outer)
	}
	outer.Mount("/", app)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench: listen: %w", err)
	}
	s := &inProcess{outer: outer, base: "http://" + ln.Addr().String(), done: make(chan error, 1)}
	go func() { s.done <- outer.Listener(ln) }()
	return s, nil
}

func (s *inProcess) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.outer.ShutdownWithContext(ctx)
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// buildServer compiles cmd/benchboard from the module the harness runs
// in, so that the subprocess is the code under test, not a stale binary.
func buildServer(ctx context.Context, dir string) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("bench: go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	bin := filepath.Join(dir, "benchboard")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/benchboard")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("bench: go build ./cmd/benchboard: %w\n%s", err, out)
	}
	return bin, nil
}

// subprocess is `benchboard serve` running against the bench database.
type subprocess struct {
	cmd     *exec.Cmd
	base    string
	logPath string
	exited  chan struct{} // closed when the process has been waited for
}

// startServer execs `bin serve` with DATABASE_URL and PORT set and waits
// for /readyz to answer 200; ready is the time from exec to that answer.
func startServer(ctx context.Context, bin, dsn, logDir string) (*subprocess, time.Duration, error) {
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DATABASE_") && !strings.HasPrefix(kv, "PORT=") && !strings.HasPrefix(kv, "BENCHBOARD_") {
			env = append(env, kv)
		}
	}
	env = append(env, "DATABASE_URL="+dsn, "PORT="+strconv.Itoa(port))
	logFile, err := os.CreateTemp(logDir, "serve-*.log")
	if err != nil {
		return nil, 0, err
	}
	defer logFile.Close()
	cmd := exec.Command(bin, "serve")
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = logFile, logFile
	p := &subprocess{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), logPath: logFile.Name(), exited: make(chan struct{})}
	client := &http.Client{Timeout: time.Second}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("bench: start %s: %w", bin, err)
	}
	go func() { cmd.Wait(); close(p.exited) }()
	deadline := start.Add(30 * time.Second)
	for {
		resp, err := client.Get(p.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, time.Since(start), nil
			}
		}
		select {
		case <-p.exited:
			return nil, 0, fmt.Errorf("bench: server exited before ready; log:\n%s", p.tail())
		case <-ctx.Done():
			p.kill()
			return nil, 0, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.kill()
			return nil, 0, fmt.Errorf("bench: server not ready after 30 s; log:\n%s", p.tail())
		}
	}
}

func (p *subprocess) pid() int { return p.cmd.Process.Pid }

// stop sends SIGTERM (the server drains and exits) and waits; after 20 s
// it kills.
func (p *subprocess) stop() error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-p.exited:
		return nil
	case <-time.After(20 * time.Second):
		p.kill()
		return fmt.Errorf("bench: server did not exit 20 s after SIGTERM")
	}
}

// kill ends the process (by its own pid) and waits for it.
func (p *subprocess) kill() {
	p.cmd.Process.Kill()
	<-p.exited
}

func (p *subprocess) tail() string {
	b, _ := os.ReadFile(p.logPath)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// procStatus reads a "VmHWM:  12345 kB" style field of /proc/pid/status, in bytes.
func procStatus(pid int, field string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			break
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, err
		}
		return n * 1024, nil
	}
	return 0, fmt.Errorf("bench: no %s in /proc/%d/status", field, pid)
}
