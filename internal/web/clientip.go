package web

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// proxies are the addresses whose X-Forwarded-For may be believed.
type proxies []netip.Prefix

// parseProxies reads BENCHBOARD_TRUSTED_PROXY's entries: addresses
// (a single host) and CIDR ranges.
func parseProxies(list []string) (proxies, error) {
	var out proxies
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("web: trusted proxy %q is neither an IP address nor a CIDR range", s)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

func (ps proxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientAddr is the address of the client a request comes from. Without
// trusted proxies, or when the peer is not one of them, it is the peer.
// Behind trusted proxies it is the right-most X-Forwarded-For entry that
// is not itself a trusted proxy: each proxy appends the address it saw,
// so entries left of that one were written by the client and prove
// nothing. An entry there that is not an IP address makes the header
// worthless, and the peer is taken instead.
func (s *Server) clientAddr(c *fiber.Ctx) netip.Addr {
	peer, ok := netip.AddrFromSlice(c.Context().RemoteIP())
	if !ok {
		return netip.IPv4Unspecified()
	}
	peer = peer.Unmap()
	if len(s.proxies) == 0 || !s.proxies.trusts(peer) {
		return peer
	}
	var hops []string
	for _, h := range c.Request().Header.PeekAll(fiber.HeaderXForwardedFor) {
		hops = append(hops, strings.Split(string(h), ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer
		}
		client = a.Unmap().WithZone("")
		if !s.proxies.trusts(client) {
			return client
		}
	}
	return client // every hop is a trusted proxy: the left-most is the origin
}

// clientIP is clientAddr as text, for logs.
func (s *Server) clientIP(c *fiber.Ctx) string { return s.clientAddr(c).String() }

// limitKey is the part of a rate-limit key that stands for the client: the
// address for IPv4, the /64 network for IPv6, since one subscriber is
// usually given a whole /64 and could otherwise take a fresh address for
// every attempt.
func (s *Server) limitKey(c *fiber.Ctx) string {
	a := s.clientAddr(c)
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}
