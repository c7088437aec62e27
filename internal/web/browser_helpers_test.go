package web_test

import (
	"context"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"
)

const chromium = "/usr/bin/chromium"

// newBrowser starts headless Debian Chromium for t. CI installs it; a
// machine without it skips the browser tests and says why.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test needs %s (apt-get install chromium): %v", chromium, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // everything here runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// listen serves app on a free loopback port until t ends.
func listen(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.ShutdownWithTimeout(5 * time.Second) })
	return "http://" + ln.Addr().String()
}

// mustRun fails t with what was being done when a browser step errs.
func mustRun(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// browserText reads the text of the first element matching sel.
func browserText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	mustRun(t, "read "+sel, err)
	return s
}

// evalAfterLoad evaluates expr on the page just navigated to. Right after
// the load event Chromium can still swap the page's execution context for
// a new one, and then answers "Cannot find context with specified id"
// (seen once at load 10): the evaluation is tried again, up to three times.
func evalAfterLoad[T any](ctx context.Context, expr string) (T, error) {
	var (
		v   T
		err error
	)
	for range 3 {
		v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context with specified id") {
			return v, err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return v, err
}
