package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"

	"github.com/benchboard/benchboard/internal/store"
)

// security holds what the form, session and moderation handlers share.
type security struct {
	signer
	csrf     fiber.Handler
	cookies  cookieNames
	secure   bool
	minFill  time.Duration
	perHour  int
	tokenTTL time.Duration
}

// cookieNames are __Host- prefixed when cookies are Secure; the prefix
// requires Secure, so plain-HTTP development and tests use plain names.
type cookieNames struct{ csrf, session, flash string }

const (
	csrfLocal    = "csrf"
	csrfTokenTTL = 24 * time.Hour
	// formMaxAge is how long a served form may be sent back.
	formMaxAge = 24 * time.Hour
)

// newSecurity loads the key every instance shares from Postgres and builds
// the CSRF middleware.
//
// CSRF tokens are signed, not stored: a token is random‖expiry‖HMAC, and
// the csrf middleware's Storage only checks the HMAC and the expiry. Any
// instance can so check a token any other issued, without a lookup and
// without writing a row for every visitor. The middleware's double-submit
// check (the form's _csrf must equal the cookie) still applies, the cookie
// is HttpOnly, SameSite=Lax and __Host- prefixed over HTTPS (so no
// subdomain can plant one), and over HTTPS the middleware also checks the
// Referer.
func newSecurity(st *store.Store, opt Options) (*security, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	key, err := st.Secret(ctx, "forms")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	sec := &security{signer: signer{key: key}, secure: opt.SecureCookies, minFill: opt.MinFillTime,
		perHour: opt.SubmitPerHour, tokenTTL: csrfTokenTTL}
	if sec.minFill == 0 {
		sec.minFill = 3 * time.Second
	}
	if sec.perHour <= 0 {
		sec.perHour = 20
	}
	sec.cookies = cookieNames{csrf: "csrf_", session: "session_", flash: "flash_"}
	if opt.SecureCookies {
		sec.cookies = cookieNames{csrf: "__Host-csrf", session: "__Host-session", flash: "__Host-flash"}
	}
	sec.csrf = csrf.New(csrf.Config{
		Next:           func(c *fiber.Ctx) bool { return !sec.needsCSRF(c) },
		KeyLookup:      "form:_csrf",
		CookieName:     sec.cookies.csrf,
		CookiePath:     "/",
		CookieSecure:   opt.SecureCookies,
		CookieHTTPOnly: true,
		CookieSameSite: fiber.CookieSameSiteLaxMode,
		Expiration:     csrfTokenTTL,
		KeyGenerator:   func() string { return sec.newCSRFToken(anonymousTag) },
		Storage:        signedTokens{sec},
		ContextKey:     csrfLocal,
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return fiber.NewError(fiber.StatusForbidden, "This form could not be accepted: its security token is missing, "+
				"has expired or does not match this browser's cookie. Go back, reload the page and send the form again "+
				"(cookies must be enabled for this site).")
		},
	})
	return sec, nil
}

// needsCSRF says which requests the CSRF middleware handles: every
// state-changing one, and the pages that show a form. Other pages stay
// free of cookies, so they can be cached and served to crawlers cheaply.
func (sec *security) needsCSRF(c *fiber.Ctx) bool {
	p := c.Path()
	if strings.HasPrefix(p, "/api/") {
		return false
	}
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
	default:
		return true
	}
	if c.Cookies(sec.cookies.session) != "" {
		return true // a moderator sees forms (log out, revert) on every page
	}
	return p == "/login" || strings.HasPrefix(p, "/mod/") ||
		(strings.HasPrefix(p, "/results/") && (strings.HasSuffix(p, "/correct") || strings.HasSuffix(p, "/flag"))) ||
		(strings.HasPrefix(p, "/datasets/") && strings.HasSuffix(p, "/suggest"))
}

// signer makes and checks HMACs with the shared key; purpose keeps a MAC
// made for one use from passing for another.
type signer struct{ key []byte }

func (s signer) mac(purpose, msg string) string {
	h := hmac.New(sha256.New, s.key)
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(msg))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func (s signer) verify(purpose, msg, mac string) bool {
	return hmac.Equal([]byte(s.mac(purpose, msg)), []byte(mac))
}

// A CSRF token is random.expiry.tag.mac. The tag binds a logged-in
// moderator's token to their session (sessionTag); anyone else's tag is
// anonymousTag. A token stolen from one session (or planted in a browser
// before its owner logged in) so opens no other.
const anonymousTag = "-"

func (sec *security) newCSRFToken(tag string) string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	msg := hex.EncodeToString(b) + "." + strconv.FormatInt(time.Now().Add(sec.tokenTTL).Unix(), 10) + "." + tag
	return msg + "." + sec.mac("csrf", msg)
}

func (sec *security) validCSRFToken(tok string) bool {
	if len(tok) > 120 {
		return false
	}
	i := strings.LastIndexByte(tok, '.')
	if i < 0 || !sec.verify("csrf", tok[:i], tok[i+1:]) {
		return false
	}
	parts := strings.Split(tok[:i], ".")
	if len(parts) != 3 {
		return false
	}
	unix, err := strconv.ParseInt(parts[1], 10, 64)
	return err == nil && time.Now().Unix() < unix
}

// tokenTag is a token's session tag ("" for a malformed token).
func tokenTag(tok string) string {
	parts := strings.Split(tok, ".")
	if len(parts) != 4 {
		return ""
	}
	return parts[2]
}

// sessionTag names a session in its CSRF tokens without revealing the
// session's id: a MAC of the hash the sessions table keeps.
func sessionTag(sg signer, sessionHash []byte) string {
	return sg.mac("csrf-session", hex.EncodeToString(sessionHash))
}

// setCSRFCookie sets the CSRF cookie as the csrf middleware does.
func (sec *security) setCSRFCookie(c *fiber.Ctx, tok string) {
	c.Cookie(&fiber.Cookie{Name: sec.cookies.csrf, Value: tok, Path: "/", Secure: sec.secure, HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Now().Add(csrfTokenTTL)})
}

// bindCSRF runs after the csrf middleware. For a logged-in moderator a
// state-changing request must carry a token bound to their session (the
// middleware has checked it equals the cookie and is genuine); a page
// for them replaces an unbound token with a bound one.
func (s *Server) bindCSRF(c *fiber.Ctx) error {
	hash, ok := c.Locals(sessionLocal).([]byte)
	tok, _ := c.Locals(csrfLocal).(string)
	if !ok || tok == "" {
		return c.Next()
	}
	want := sessionTag(s.sec.signer, hash)
	if tokenTag(tok) == want {
		return c.Next()
	}
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
	default:
		return fiber.NewError(fiber.StatusForbidden, "This form could not be accepted: its security token belongs to "+
			"another login. Go back, reload the page and send the form again.")
	}
	tok = s.sec.newCSRFToken(want)
	s.sec.setCSRFCookie(c, tok)
	c.Locals(csrfLocal, tok)
	return c.Next()
}

// checkOrigin refuses a state-changing request that says it comes from
// another site: its Origin header, or without one its Referer, must name
// this site. Browsers send Origin with every cross-site POST, over plain
// HTTP as well, so this holds where the csrf middleware's own Referer check
// (HTTPS only) does not. A request with neither header (some privacy
// settings strip both) still needs its token.
func (s *Server) checkOrigin(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
		return c.Next()
	}
	if strings.HasPrefix(c.Path(), "/api/") {
		return c.Next()
	}
	from, header := c.Get(fiber.HeaderOrigin), "Origin"
	if from == "" {
		from, header = c.Get(fiber.HeaderReferer), "Referer"
	}
	if from == "" || s.sameOrigin(c, from) {
		return c.Next()
	}
	return fiber.NewError(fiber.StatusForbidden, "This form could not be accepted: it was sent from another site "+
		"(its "+header+" header does not name this one). Open the form on this site and send it from there.")
}

// sameOrigin tells whether u (an Origin or a Referer) is this site: the
// address the request came to, or the configured public address.
func (s *Server) sameOrigin(c *fiber.Ctx, u string) bool {
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || p.Host == "" {
		return false
	}
	origin := strings.ToLower(p.Scheme + "://" + p.Host)
	if origin == strings.ToLower(c.Protocol()+"://"+c.Hostname()) {
		return true
	}
	if pub, err := url.Parse(s.opt.PublicURL); err == nil && s.opt.PublicURL != "" {
		return origin == strings.ToLower(pub.Scheme+"://"+pub.Host)
	}
	return false
}

// signedTokens is the csrf middleware's fiber.Storage. It stores nothing:
// Get answers for any token whose signature and expiry check out.
type signedTokens struct{ sec *security }

func (t signedTokens) Get(key string) ([]byte, error) {
	if t.sec.validCSRFToken(key) {
		return []byte{1}, nil
	}
	return nil, nil
}
func (signedTokens) Set(string, []byte, time.Duration) error { return nil }
func (signedTokens) Delete(string) error                     { return nil }
func (signedTokens) Reset() error                            { return nil }
func (signedTokens) Close() error                            { return nil }

// formStamp is the hidden "_ts" field: when the form was served and a
// random nonce, signed, so that a bot can neither skip the page nor fake a
// slow hand, and so that each served form is accepted once (UseFormStamp).
func (sec *security) formStamp() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	msg := strconv.FormatInt(time.Now().UnixMilli(), 10) + "." + hex.EncodeToString(b)
	return msg + "." + sec.mac("form-time", msg)
}

// stampTime checks a form stamp and returns when it was served and its nonce.
func (sec *security) stampTime(v string) (time.Time, []byte, bool) {
	i := strings.LastIndexByte(v, '.')
	if i < 0 || len(v) > 120 || !sec.verify("form-time", v[:i], v[i+1:]) {
		return time.Time{}, nil, false
	}
	t, n, ok := strings.Cut(v[:i], ".")
	if !ok {
		return time.Time{}, nil, false
	}
	ms, err := strconv.ParseInt(t, 10, 64)
	nonce, nerr := hex.DecodeString(n)
	if err != nil || nerr != nil || len(nonce) != 16 {
		return time.Time{}, nil, false
	}
	return time.UnixMilli(ms), nonce, true
}
