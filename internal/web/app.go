// Package web serves Benchboard's pages and JSON API over fiber. Handlers
// are straight lines: parse, validate, ask the store, render. Errors go to
// one ErrorHandler that renders a page for browsers and JSON for the API.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"golang.org/x/sync/singleflight"

	"github.com/benchboard/benchboard/internal/store"
	assets "github.com/benchboard/benchboard/web"
)

// Options configure the app.
type Options struct {
	Log            *slog.Logger
	RequestTimeout time.Duration
	SecureCookies  bool
	TrustedProxies []string
	SubmitPerHour  int
	Version        string
	// PublicURL is the site's address for absolute links (the Atom feed, a
	// suggestion's status link). Without it they are built from the
	// request's Host header, which a client chooses.
	PublicURL string
	// Context, when set, bounds a background listener for Postgres's change
	// notifications: while it listens, cached pages are served without a
	// query. Without it every cached page is checked against Postgres.
	Context context.Context
	// HashSlots bounds the password hashes that run at once (each takes
	// 64 MiB for ~100 ms); 0 means 1. HashWait is how long a login waits
	// for a slot before it is answered 503; 0 means 5 s.
	HashSlots int
	HashWait  time.Duration
	// MinFillTime is the least time between serving a suggestion form and
	// getting it back that a person needs; 0 means 3 s. Tests shorten it.
	MinFillTime time.Duration
}

// Server holds what the handlers share.
type Server struct {
	store  *store.Store
	opt    Options
	boards *boardCache
	pages  *pageCache
	fresh  *freshness
	builds singleflight.Group
	// heads are the boards' heads being stored in the background
	// (storeHead), one per board and epoch at a time.
	heads      sync.WaitGroup
	headStores singleflight.Group
	served     servedBoards // board_heads.go
	log        *slog.Logger
	sec        *security // CSRF, sessions, spam guards: csrf.go, session.go
	// proxies may name the client in X-Forwarded-For: clientip.go.
	proxies proxies
	// hashes bounds the password hashes running at once: login.go.
	hashes *hashSlots
}

// New builds the fiber app with every route.
func New(st *store.Store, opt Options) (*fiber.App, error) {
	if err := assets.Check(); err != nil {
		return nil, err
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.RequestTimeout <= 0 {
		opt.RequestTimeout = 10 * time.Second
	}
	engine, err := newViewEngine(assets.Templates(), funcs)
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	trusted, err := parseProxies(opt.TrustedProxies)
	if err != nil {
		return nil, err
	}
	gzipped, err := staticGzip(assets.Static())
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	sec, err := newSecurity(st, opt)
	if err != nil {
		return nil, err
	}
	s := &Server{store: st, opt: opt, boards: newBoardCache(2_000_000), pages: newPageCache(64 << 20),
		fresh: newFreshness(), log: opt.Log, sec: sec, proxies: trusted,
		hashes: newHashSlots(opt.HashSlots, opt.HashWait)}
	if opt.Context != nil {
		go st.WatchDataVersions(opt.Context, headWarmer{s.fresh, s})
	}
	app := fiber.New(fiber.Config{
		// Handlers may keep strings past the request (caches, logs);
		// immutable mode copies them out of fasthttp's reused buffers.
		Immutable:    true,
		Views:        engine,
		ViewsLayout:  "layouts/main",
		ErrorHandler: s.errorHandler,
		ReadTimeout:  30 * time.Second,
		WriteTimeout: 0, // exports stream for as long as they need
		IdleTimeout:  60 * time.Second,
		BodyLimit:    12 << 20,
		// A kept leaderboard page is 11–15 KB gzipped: with fasthttp's
		// default 4 KB buffer each took two write calls (strace: 8,938
		// writes for 4,468 answers), with 32 KB one. The buffer is
		// pooled, held only while a response is written.
		WriteBufferSize:       32 << 10,
		DisableStartupMessage: true,
		// fiber believes X-Forwarded-Proto only from these; the client's
		// address comes from clientAddr, never from fiber's ProxyHeader,
		// which takes the whole header as the address.
		EnableTrustedProxyCheck: len(opt.TrustedProxies) > 0,
		TrustedProxies:          opt.TrustedProxies,
	})
	app.Hooks().OnShutdown(func() error {
		s.heads.Wait()
		return nil
	})
	app.Use(recover.New())
	app.Use(requestid.New())
	app.Use(s.logRequests)
	app.Use(recover.New()) // again inside the log, so a panic is logged as the 500 it becomes
	app.Use(checkInput)    // input_check.go: text only, before anything reads it
	app.Use(s.serveKept)   // page_cache.go: a current kept page skips the rest
	app.Use(helmet.New(helmet.Config{
		// same-origin, not no-referrer: the CSRF check compares the
		// Referer of form posts over HTTPS.
		ReferrerPolicy:            "same-origin",
		ContentSecurityPolicy:     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
		HSTSMaxAge:                hstsAge(opt.SecureCookies),
		CrossOriginEmbedderPolicy: "unsafe-none",
		// What the CSP's frame-ancestors 'none' says, for browsers that
		// know only this header.
		XFrameOptions: "DENY",
	}))
	app.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	// ETags let clients revalidate pages cheaply (304). Exports stream, and
	// hashing them would read the whole stream into memory: they are left out.
	app.Use(weakETags(func(c *fiber.Ctx) bool {
		return strings.HasSuffix(c.Path(), ".csv") || strings.HasPrefix(c.Path(), "/static/")
	}))
	app.Use(cacheControl)
	app.Use(s.readYourWrites)
	app.Use(s.settleWrites)
	app.Use("/static", gzipped)
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(assets.Static()),
		MaxAge: 3600,
	}))
	s.useSecurity(app)
	s.routes(app)
	app.Use(func(c *fiber.Ctx) error {
		return fiber.NewError(fiber.StatusNotFound, "There is no page at "+c.Path()+".")
	})
	return app, nil
}

// cacheControl: dynamic answers may be kept by the client, but only after
// revalidation (no-cache) and never by a shared cache (private), because a
// page may carry a moderator's name or a form's CSRF token.
func cacheControl(c *fiber.Ctx) error {
	err := c.Next()
	if len(c.Response().Header.Peek(fiber.HeaderCacheControl)) == 0 {
		c.Set(fiber.HeaderCacheControl, "private, no-cache")
	}
	return err
}

// primaryCookie marks a client that wrote in the last few seconds: its
// reads go to the primary, so it sees its own write even when a replica
// lags behind. Writes themselves always go to the primary.
const primaryCookie = "bb_primary"

func (s *Server) readYourWrites(c *fiber.Ctx) error {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead || c.Cookies(primaryCookie) != "" {
		c.SetUserContext(store.WithPrimary(c.UserContext()))
	}
	err := c.Next()
	if c.Method() == fiber.MethodPost && err == nil && c.Response().StatusCode() < 400 {
		c.Cookie(&fiber.Cookie{Name: primaryCookie, Value: "1", MaxAge: 10, HTTPOnly: true, SameSite: "Lax", Path: "/",
			Secure: s.opt.SecureCookies})
	}
	return err
}

// settleWrites makes this instance's page cache catch up with a write it
// has just made, before the writer is answered (freshness.settle).
func (s *Server) settleWrites(c *fiber.Ctx) error {
	err := c.Next()
	if c.Method() == fiber.MethodPost && err == nil && c.Response().StatusCode() < 400 {
		ctx, cancel := s.ctx(c)
		defer cancel()
		s.fresh.settle(ctx, s.store.NotifySync)
	}
	return err
}

func hstsAge(secure bool) int {
	if secure {
		return 31536000
	}
	return 0
}

// baseURL is the site's address for absolute links.
func (s *Server) baseURL(c *fiber.Ctx) string {
	if s.opt.PublicURL != "" {
		return s.opt.PublicURL
	}
	return c.BaseURL()
}

// ctx gives the handler's store calls the request's deadline, so that a
// slow query is cancelled rather than left running.
func (s *Server) ctx(c *fiber.Ctx) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.UserContext(), s.opt.RequestTimeout)
}

// logRequests writes one line per request with the status the client
// got. An error is answered here, by the app's ErrorHandler, so that the
// line tells what was sent (a missing dataset's 404, an outage's 503),
// not what the error's type suggests.
func (s *Server) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := c.App().ErrorHandler(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	status := c.Response().StatusCode()
	level := slog.LevelInfo
	switch {
	case status == fiber.StatusServiceUnavailable:
		level = slog.LevelWarn // an outage, answered as such; the cause is logged once below
	case status >= 500:
		level = slog.LevelError
	}
	// Typed attributes: the line is written for every request, a kept
	// page's too, and boxing each value cost allocations there.
	attrs := make([]slog.Attr, 0, 7)
	attrs = append(attrs, slog.Any("request_id", c.Locals("requestid")), slog.String("method", c.Method()), slog.String("path", c.Path()),
		slog.Int("status", status), slog.Int64("ms", time.Since(start).Milliseconds()), slog.String("ip", s.clientIP(c)))
	if err != nil && status >= 500 {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	s.log.LogAttrs(c.UserContext(), level, "request", attrs...)
	return nil
}

// errorHandler renders every error: a page for browsers, JSON for the API.
// Only 4xx messages are shown as they are; a 5xx says what to do, never
// what broke inside.
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	msg := "Something went wrong on our side. The error has been logged; please try again."
	var fe *fiber.Error
	var ye *yearError
	switch {
	case errors.As(err, &fe):
		code = fe.Code
		msg = fe.Message
	case errors.As(err, &ye):
		code = fiber.StatusBadRequest
		msg = ye.Error()
	case errors.Is(err, store.ErrNotFound):
		code = fiber.StatusNotFound
		msg = "Not found."
	case isUnavailable(err):
		code = fiber.StatusServiceUnavailable
		msg = "The database is not reachable right now. Benchboard will serve again by itself as soon as it is back; please retry in a few seconds."
		c.Set(fiber.HeaderRetryAfter, "5")
	}
	if code >= 500 && code != fiber.StatusServiceUnavailable {
		s.log.Error("request failed", "request_id", c.Locals("requestid"), "path", c.Path(), "error", err.Error())
	}
	c.Status(code)
	if strings.HasPrefix(c.Path(), "/api/") || strings.HasSuffix(c.Path(), ".json") || (c.Accepts(fiber.MIMETextHTML, fiber.MIMEApplicationJSON) == fiber.MIMEApplicationJSON) {
		return c.JSON(fiber.Map{"error": msg, "status": code})
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	if rerr := c.Render("error", fiber.Map{"Title": http.StatusText(code), "Status": code, "Message": msg}); rerr != nil {
		return c.SendString(msg)
	}
	return nil
}
