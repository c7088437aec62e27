package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
		KeyGenerator:   sec.newCSRFToken,
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

func (sec *security) newCSRFToken() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	msg := hex.EncodeToString(b) + "." + strconv.FormatInt(time.Now().Add(sec.tokenTTL).Unix(), 10)
	return msg + "." + sec.mac("csrf", msg)
}

func (sec *security) validCSRFToken(tok string) bool {
	if len(tok) > 100 {
		return false
	}
	i := strings.LastIndexByte(tok, '.')
	if i < 0 || !sec.verify("csrf", tok[:i], tok[i+1:]) {
		return false
	}
	_, exp, ok := strings.Cut(tok[:i], ".")
	if !ok {
		return false
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	return err == nil && time.Now().Unix() < unix
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

// formStamp is the hidden "_ts" field: when the form was served, signed,
// so that a bot can neither skip the page nor fake a slow hand.
func (sec *security) formStamp() string {
	t := strconv.FormatInt(time.Now().UnixMilli(), 10)
	return t + "." + sec.mac("form-time", t)
}

func (sec *security) stampTime(v string) (time.Time, bool) {
	t, mac, ok := strings.Cut(v, ".")
	if !ok || len(v) > 100 || !sec.verify("form-time", t, mac) {
		return time.Time{}, false
	}
	ms, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(ms), true
}
