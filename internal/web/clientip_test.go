package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// TestClientAddr: behind trusted proxies the client is the right-most
// X-Forwarded-For entry that is not a trusted proxy; anything that is not
// an IP address there, or a peer that is not trusted, gives the peer.
// (app.Test's peer is 0.0.0.0.)
func TestClientAddr(t *testing.T) {
	for _, tc := range []struct {
		name    string
		trusted []string
		xff     []string
		ip, key string
	}{
		{"no proxy trusted: the header is ignored", nil, []string{"203.0.113.8"}, "0.0.0.0", "0.0.0.0"},
		{"peer not trusted", []string{"10.0.0.0/8"}, []string{"203.0.113.8"}, "0.0.0.0", "0.0.0.0"},
		{"one hop", []string{"0.0.0.0"}, []string{"203.0.113.8"}, "203.0.113.8", "203.0.113.8"},
		{"client-written entries on the left are ignored", []string{"0.0.0.0"}, []string{"10.9.1.1, 203.0.113.8"}, "203.0.113.8", "203.0.113.8"},
		{"trusted hops on the right are skipped", []string{"0.0.0.0", "10.0.0.0/8"}, []string{"198.51.100.7, 203.0.113.8, 10.1.2.3"}, "203.0.113.8", "203.0.113.8"},
		{"two headers are one list", []string{"0.0.0.0", "10.0.0.0/8"}, []string{"198.51.100.7", "203.0.113.8, 10.1.2.3"}, "203.0.113.8", "203.0.113.8"},
		{"not an IP: the peer", []string{"0.0.0.0"}, []string{"not-an-ip-3"}, "0.0.0.0", "0.0.0.0"},
		{"not an IP at the right: the peer", []string{"0.0.0.0"}, []string{"203.0.113.8, not-an-ip"}, "0.0.0.0", "0.0.0.0"},
		{"garbage left of the client is ignored", []string{"0.0.0.0"}, []string{"not-an-ip, 203.0.113.8"}, "203.0.113.8", "203.0.113.8"},
		{"spaces", []string{"0.0.0.0"}, []string{"  203.0.113.8  "}, "203.0.113.8", "203.0.113.8"},
		{"port is not an address", []string{"0.0.0.0"}, []string{"203.0.113.8:1234"}, "0.0.0.0", "0.0.0.0"},
		{"IPv4-mapped IPv6", []string{"0.0.0.0"}, []string{"::ffff:203.0.113.8"}, "203.0.113.8", "203.0.113.8"},
		{"IPv6 limited by /64", []string{"0.0.0.0"}, []string{"2001:db8:1:2:aaaa::1"}, "2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"all hops trusted: the left-most", []string{"0.0.0.0", "10.0.0.0/8"}, []string{"10.0.0.5, 10.0.0.6"}, "10.0.0.5", "10.0.0.5"},
		{"no header", []string{"0.0.0.0"}, nil, "0.0.0.0", "0.0.0.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := parseProxies(tc.trusted)
			if err != nil {
				t.Fatal(err)
			}
			s := &Server{proxies: ps}
			app := fiber.New()
			app.Get("/", func(c *fiber.Ctx) error { return c.SendString(s.clientIP(c) + "|" + s.limitKey(c)) })
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			for _, h := range tc.xff {
				req.Header.Add("X-Forwarded-For", h)
			}
			resp, err := app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			if got, want := string(b), tc.ip+"|"+tc.key; got != want {
				t.Errorf("client %q, want %q", got, want)
			}
		})
	}
	if _, err := parseProxies([]string{"10.0.0.1", "lb.internal"}); err == nil {
		t.Error("a host name was taken for a proxy address")
	}
}
