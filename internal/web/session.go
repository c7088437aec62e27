package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// Moderators' sessions live in Postgres (table sessions), so any instance
// serves any request. The cookie holds 256 random bits; the table holds
// their SHA-256. A session ends after sessionIdle without a request.
const (
	sessionIdle = 12 * time.Hour
	userLocal   = "user"
	// sessionLocal holds the logged-in session's hash, for bindCSRF.
	sessionLocal = "session"
)

// useSecurity installs, in order: the moderator's session, the origin and
// CSRF checks, and the per-request values every page's layout shows.
func (s *Server) useSecurity(app *fiber.App) {
	app.Use(s.loadUser)
	app.Use(s.checkOrigin)
	app.Use(s.sec.csrf)
	app.Use(s.bindCSRF)
	app.Use(s.bindView)
}

// loadUser checks the session cookie on every request that has one: an
// unknown or expired session, or a disabled moderator, is logged out here.
func (s *Server) loadUser(c *fiber.Ctx) error {
	sid := c.Cookies(s.sec.cookies.session)
	if sid == "" {
		return c.Next()
	}
	hash, ok := sessionHash(sid)
	if !ok {
		s.clearCookie(c, s.sec.cookies.session)
		return c.Next()
	}
	u, n, err := s.sessionUser(c, hash)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.clearCookie(c, s.sec.cookies.session)
		return c.Next()
	case err != nil:
		return err
	}
	c.Locals(userLocal, u)
	c.Locals(sessionLocal, hash)
	c.Bind(fiber.Map{"User": u, "QueueCount": n})
	return c.Next()
}

func (s *Server) sessionUser(c *fiber.Ctx, hash []byte) (model.User, int, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, expires, err := s.store.SessionUser(ctx, hash)
	if err != nil {
		return u, 0, err
	}
	// Slide the expiry at most every few minutes, not on every request.
	if time.Until(expires) < sessionIdle-5*time.Minute {
		if err := s.store.ExtendSession(ctx, hash, time.Now().Add(sessionIdle)); err != nil {
			return u, 0, err
		}
	}
	n, err := s.store.PendingCount(ctx)
	return u, n, err
}

// bindView hands the layout the CSRF token and the flash message.
func (s *Server) bindView(c *fiber.Ctx) error {
	if tok, ok := c.Locals(csrfLocal).(string); ok {
		c.Bind(fiber.Map{"CSRF": tok})
	}
	if c.Method() == fiber.MethodGet {
		if f := c.Cookies(s.sec.cookies.flash); f != "" {
			if msg, err := url.QueryUnescape(f); err == nil {
				c.Bind(fiber.Map{"Flash": clipText(msg, 500)})
			}
			s.clearCookie(c, s.sec.cookies.flash)
		}
	}
	return c.Next()
}

// currentUser is the logged-in moderator, if any.
func currentUser(c *fiber.Ctx) (model.User, bool) {
	u, ok := c.Locals(userLocal).(model.User)
	return u, ok
}

// requireModerator guards moderator routes; it runs on every request, after
// loadUser has checked the session against the database.
func (s *Server) requireModerator(c *fiber.Ctx) error {
	if _, ok := currentUser(c); ok {
		c.Set(fiber.HeaderCacheControl, "no-store")
		return c.Next()
	}
	if c.Method() == fiber.MethodGet {
		return c.Redirect("/login?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
	}
	return fiber.NewError(fiber.StatusForbidden, "Only moderators can do this. Log in first; your session may have ended.")
}

// newSessionID returns a cookie value and the hash stored for it.
func newSessionID() (string, []byte) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	id := hex.EncodeToString(b)
	h := sha256.Sum256([]byte(id))
	return id, h[:]
}

func sessionHash(id string) ([]byte, bool) {
	if len(id) != 64 {
		return nil, false
	}
	if _, err := hex.DecodeString(id); err != nil {
		return nil, false
	}
	h := sha256.Sum256([]byte(id))
	return h[:], true
}

func (s *Server) setCookie(c *fiber.Ctx, name, value string, ttl time.Duration) {
	c.Cookie(&fiber.Cookie{Name: name, Value: value, Path: "/", Expires: time.Now().Add(ttl),
		Secure: s.sec.secure, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
}

func (s *Server) clearCookie(c *fiber.Ctx, name string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", Expires: time.Unix(1, 0), MaxAge: -1,
		Secure: s.sec.secure, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
}

// flash leaves a message for the page a redirect leads to; it is a cookie,
// so any instance can show it.
func (s *Server) flash(c *fiber.Ctx, msg string) {
	s.setCookie(c, s.sec.cookies.flash, url.QueryEscape(clipText(msg, 500)), time.Minute)
}

// seeOther ends a successful POST: a flash message and a 303.
func (s *Server) seeOther(c *fiber.Ctx, to, msg string) error {
	s.flash(c, msg)
	return c.Redirect(to, fiber.StatusSeeOther)
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
