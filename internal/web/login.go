package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// Login attempts are limited per address and per account, in Postgres.
const (
	loginPerIP      = 20 // an hour
	loginPerAccount = 10 // an hour
)

func (s *Server) loginForm(c *fiber.Ctx) error {
	next := c.Query("next")
	if !form.SafeNext(next) {
		next = ""
	}
	return s.renderLogin(c, form.Login{Next: next}, form.Errors{}, fiber.StatusOK)
}

func (s *Server) renderLogin(c *fiber.Ctx, f form.Login, errs form.Errors, status int) error {
	f.Password = "" // never sent back
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).Render("login", fiber.Map{"Title": "Log in", "Form": f, "Errors": errs})
}

// login checks the password and starts a new session: a new id, never the
// one the browser came with, so a planted session id is worthless.
func (s *Server) login(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	f := form.NewLogin(c)
	if errs := f.Validate(); errs.Any() {
		return s.renderLogin(c, f, errs, fiber.StatusUnprocessableEntity)
	}
	for _, lim := range []struct {
		key string
		n   int
	}{{"login-ip:" + c.IP(), loginPerIP}, {"login-user:" + store.NormalizeEmail(f.Email), loginPerAccount}} {
		ok, retry, err := s.store.Allow(ctx, lim.key, lim.n, time.Hour)
		if err != nil {
			return err
		}
		if !ok {
			return tooMany(c, retry, "There have been too many login attempts from your address or for this account.")
		}
	}
	u, hash, err := s.store.UserLogin(ctx, f.Email)
	if errors.Is(err, store.ErrNotFound) {
		password.Waste(f.Password) // as slow as a wrong password, so the answer says nothing about the account
		return s.renderLogin(c, f, form.Errors{"": "The email or the password is wrong, or the account is disabled."}, fiber.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	ok, err := password.Verify(f.Password, hash)
	if err != nil {
		return err
	}
	if !ok {
		return s.renderLogin(c, f, form.Errors{"": "The email or the password is wrong, or the account is disabled."}, fiber.StatusUnprocessableEntity)
	}
	var old []byte
	if h, ok := sessionHash(c.Cookies(s.sec.cookies.session)); ok {
		old = h
	}
	id, hashed := newSessionID()
	if err := s.store.CreateSession(ctx, u.ID, hashed, old, time.Now().Add(sessionIdle)); err != nil {
		return err
	}
	s.setCookie(c, s.sec.cookies.session, id, sessionIdle)
	next := f.Next
	if next == "" {
		next = "/mod/queue"
	}
	return s.seeOther(c, next, "Logged in as "+u.Email+".")
}

// logout ends the session in the database, not only in the browser.
func (s *Server) logout(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if h, ok := sessionHash(c.Cookies(s.sec.cookies.session)); ok {
		if err := s.store.DeleteSession(ctx, h); err != nil {
			return err
		}
	}
	s.clearCookie(c, s.sec.cookies.session)
	return s.seeOther(c, "/", "Logged out.")
}
