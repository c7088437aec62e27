package web

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/template/html/v2"

	assets "github.com/benchboard/benchboard/web"
)

// TestViewEngineRendersAsFibersEngine: the view engine writes the same
// bytes as gofiber's html engine, which it replaced, for pages with and
// without a layout, with text that must be escaped, a moderator's bar and
// a flash message.
func TestViewEngineRendersAsFibersEngine(t *testing.T) {
	ours, err := newViewEngine(assets.Templates(), funcs)
	if err != nil {
		t.Fatal(err)
	}
	theirs := html.NewFileSystem(http.FS(assets.Templates()), ".html")
	theirs.AddFuncMap(funcs)
	if err := theirs.Load(); err != nil {
		t.Fatal(err)
	}
	hostile := `<script>alert("x")</script> & "quotes" 'too'`
	cases := []struct {
		name, page, layout string
		binding            fiber.Map
	}{
		{"error page in the layout", "error", "layouts/main", fiber.Map{"Title": hostile, "Status": 404, "Message": hostile, "Q": hostile}},
		{"moderator's bar and a flash", "error", "layouts/main", fiber.Map{"Title": "Not found", "Status": 404, "Message": "gone",
			"User": struct{ DisplayName string }{hostile}, "QueueCount": 3, "CSRF": "tok\"en", "Flash": hostile}},
		{"changes page", "changes", "layouts/main", fiber.Map{"Title": "Recent changes"}},
		{"login form", "login", "layouts/main", fiber.Map{"Title": "Log in", "Errors": map[string]string{"email": hostile}}},
		{"no layout", "error", "", fiber.Map{"Title": hostile, "Status": 500, "Message": hostile}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			werr := theirs.Render(&want, tc.page, tc.binding, tc.layout)
			gerr := ours.Render(&got, tc.page, tc.binding, tc.layout)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("errors differ: fiber's engine %v, ours %v", werr, gerr)
			}
			if got.String() != want.String() {
				t.Fatalf("output differs:\n--- fiber's engine\n%s\n--- ours\n%s", want.String(), got.String())
			}
			if tc.layout != "" && !strings.Contains(got.String(), "<main id=\"main\">") {
				t.Fatalf("the page is not inside the layout:\n%s", got.String())
			}
			if strings.Contains(got.String(), "<script>alert") {
				t.Fatalf("text was not escaped:\n%s", got.String())
			}
		})
	}
}

// TestViewEngineRendersConcurrently: pages rendered at the same time from
// many goroutines each come out whole (run with -race to check the
// engine's sharing, too).
func TestViewEngineRendersConcurrently(t *testing.T) {
	e, err := newViewEngine(assets.Templates(), funcs)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := e.Render(&want, "error", fiber.Map{"Title": "T", "Status": 404, "Message": "m"}, "layouts/main"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				var got bytes.Buffer
				if err := e.Render(&got, "error", fiber.Map{"Title": "T", "Status": 404, "Message": "m"}, "layouts/main"); err != nil {
					errs <- err.Error()
					return
				}
				if got.String() != want.String() {
					errs <- "a page rendered alongside others differs from one rendered alone"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestViewEngineUnknownPage: a page or layout that does not exist is an
// error, not a panic.
func TestViewEngineUnknownPage(t *testing.T) {
	e, err := newViewEngine(assets.Templates(), funcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{"layouts/main", "layouts/none", ""} {
		if err := e.Render(&bytes.Buffer{}, "no-such-page", nil, layout); err == nil {
			t.Fatalf("layout %q: no error for a page that does not exist", layout)
		}
	}
}
