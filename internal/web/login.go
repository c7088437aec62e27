package web

import (
	"context"
	"errors"
	"runtime"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// Login attempts are limited in Postgres, so every instance counts against
// the same budgets (docs/security.md gives the figures and the reasons):
//
//   - per client address (an IPv4 address, an IPv6 /64): loginPerAddress
//     attempts, then one every hour/loginPerAddress;
//   - per account and client address: loginPerAccountAddress attempts,
//     then one every loginAccountAddressPeriod/loginPerAccountAddress; a
//     correct password clears this budget.
//
// There is no limit per account alone: moderators' login names are public,
// and such a limit lets anyone with a few addresses lock the owner out.
// Guessing is bounded instead by the addresses an attacker controls, and
// by how many hashes the server runs at once (hashSlots).
const (
	loginPerAddress           = 20 // an hour
	loginPerAccountAddress    = 5
	loginAccountAddressPeriod = 30 * time.Minute
	// loginFailuresNoted: past this many failures an hour for one account,
	// from any addresses, each further failure is logged as a warning, so
	// that a distributed guessing run is seen, without locking anyone out.
	loginFailuresNoted = 30
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
	email := store.NormalizeEmail(f.Email)
	from := s.limitKey(c)
	pairKey := "login-pair:" + from + " " + email
	for _, lim := range []struct {
		key    string
		n      int
		period time.Duration
		what   string
	}{
		{"login-ip:" + from, loginPerAddress, time.Hour, "There have been too many login attempts from your address."},
		{pairKey, loginPerAccountAddress, loginAccountAddressPeriod, "There have been too many login attempts for this account from your address."},
	} {
		ok, retry, err := s.store.Allow(ctx, lim.key, lim.n, lim.period)
		if err != nil {
			return err
		}
		if !ok {
			return tooMany(c, retry, lim.what)
		}
	}
	u, hash, err := s.store.UserLogin(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	ok, err := s.checkPassword(ctx, c, f.Password, hash)
	if err != nil {
		return err
	}
	if !ok {
		s.noteFailure(ctx, c, email)
		return s.renderLogin(c, f, form.Errors{"": "The email or the password is wrong, or the account is disabled."}, fiber.StatusUnprocessableEntity)
	}
	// The owner's own typos from this address are forgiven.
	if err := s.store.ResetLimit(ctx, pairKey); err != nil {
		return err
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
	// A token bound to the new session, for the forms of the next page.
	s.sec.setCSRFCookie(c, s.sec.newCSRFToken(sessionTag(s.sec.signer, hashed)))
	next := f.Next
	if next == "" {
		next = "/mod/queue"
	}
	return s.seeOther(c, next, "Logged in as "+u.DisplayName+".")
}

// checkPassword verifies pw against hash in one of the server's hash
// slots; an empty hash (no such active account) is verified against a
// dummy, so the answer takes as long and says nothing about the account.
// When no slot frees up in time the answer is a 503 with Retry-After.
func (s *Server) checkPassword(ctx context.Context, c *fiber.Ctx, pw, hash string) (bool, error) {
	if !s.hashes.acquire(ctx) {
		c.Set(fiber.HeaderRetryAfter, "5")
		return false, fiber.NewError(fiber.StatusServiceUnavailable,
			"The server is busy checking other logins. Please try again in a few seconds.")
	}
	defer s.hashes.release()
	// The hash's 64 MiB is garbage once it returns, but Go would collect
	// it only when the heap has doubled: with two slots busy, a burst of
	// logins took the server to 480 MB. Collecting before the slot is
	// released keeps at most one hash's memory per slot, live or not
	// (one slot: peak 93 MB under 100 logins at once). The marking is
	// cheap, as the hash memory holds no pointers, and logins are rare.
	defer runtime.GC()
	if hash == "" {
		password.Waste(pw)
		return false, nil
	}
	return password.Verify(pw, hash)
}

// noteFailure counts a failed login against the account, from any
// address, and logs a warning once they are many. It never refuses.
func (s *Server) noteFailure(ctx context.Context, c *fiber.Ctx, email string) {
	ok, _, err := s.store.Allow(ctx, "login-fail:"+email, loginFailuresNoted, time.Hour)
	if err == nil && !ok {
		s.log.Warn("many failed logins for one account", "account", email, "ip", s.clientIP(c),
			"request_id", c.Locals("requestid"))
	}
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

// hashSlots bounds the password hashes that run at once. Each argon2id
// hash takes 64 MiB for about 100 ms: unbounded, 40 logins at once took the
// server to 2.7 GB. Past the slots, a login waits in line up to wait.
// By default one hash runs at a time.
type hashSlots struct {
	slots chan struct{}
	wait  time.Duration
}

func newHashSlots(n int, wait time.Duration) *hashSlots {
	if n <= 0 {
		// One at a time: a hash keeps two cores busy already (argon2id with
		// p=2), so a second slot adds memory sooner than speed, and a few
		// moderators' logins need no more than ten a second. Two slots
		// measured 220 MB peak under 100 logins at once, one 95-155 MB.
		n = 1
	}
	if wait <= 0 {
		wait = 5 * time.Second
	}
	return &hashSlots{slots: make(chan struct{}, n), wait: wait}
}

// acquire takes a slot, or gives up after wait or when ctx ends.
func (h *hashSlots) acquire(ctx context.Context) bool {
	select {
	case h.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(h.wait)
	defer t.Stop()
	select {
	case h.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (h *hashSlots) release() { <-h.slots }
