package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestStaticGzip: the ECharts build goes out as its gzip -9 copy to
// clients that accept gzip, and as itself to those that do not.
func TestStaticGzip(t *testing.T) {
	t.Parallel()
	app, _ := seededApp(t)
	tests := []struct {
		acceptEncoding string
		gzipped        bool
	}{
		{"gzip, deflate, br", true},
		{"gzip", true},
		{"", false},
		{"identity", false},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(http.MethodGet, "/static/vendor/echarts.min.js", nil)
		if tc.acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", tc.acceptEncoding)
		}
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		var body io.Reader = resp.Body
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != tc.gzipped {
			t.Errorf("Accept-Encoding %q: gzipped %t, want %t", tc.acceptEncoding, got, tc.gzipped)
		}
		if resp.Header.Get("Content-Encoding") == "gzip" {
			if body, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatalf("Accept-Encoding %q: %v", tc.acceptEncoding, err)
			}
		}
		js, err := io.ReadAll(body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || len(js) < 100_000 || !strings.Contains(string(js), "echarts") {
			t.Errorf("Accept-Encoding %q: status %d, %s, %d bytes of script", tc.acceptEncoding, resp.StatusCode, resp.Header.Get("Content-Type"), len(js))
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: no Vary: Accept-Encoding", tc.acceptEncoding)
		}
	}
}
