package web

import (
	"fmt"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// pageCache keeps rendered leaderboard pages and API answers for anonymous
// readers, keyed by the dataset's data version and the query string. A
// write bumps the version in Postgres, so a page is never served after the
// data it shows has changed, on any instance. Pages with anything personal
// in them (a moderator's name, a CSRF token, a flash message) are never
// cached: those requests are rendered afresh.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]cachedPage
	bytes int
	limit int
}

type cachedPage struct {
	body        []byte
	gzipped     []byte // compressed once when kept, not on every hit
	contentType string
}

func newPageCache(limit int) *pageCache {
	return &pageCache{pages: map[string]cachedPage{}, limit: limit}
}

func (pc *pageCache) get(key string) (cachedPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	p, ok := pc.pages[key]
	return p, ok
}

func (pc *pageCache) put(key string, p cachedPage) {
	if len(p.body)+len(p.gzipped) > pc.limit/8 {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if old, ok := pc.pages[key]; ok {
		pc.bytes -= len(old.body) + len(old.gzipped)
	}
	// Evict arbitrary pages until this one fits; pages of an old data
	// version are never asked for again and go this way too.
	for k, old := range pc.pages {
		if pc.bytes+len(p.body)+len(p.gzipped) <= pc.limit {
			break
		}
		pc.bytes -= len(old.body) + len(old.gzipped)
		delete(pc.pages, k)
	}
	pc.pages[key] = p
	pc.bytes += len(p.body) + len(p.gzipped)
}

// anonymous tells whether the response will carry nothing personal.
func (s *Server) anonymous(c *fiber.Ctx) bool {
	if _, ok := currentUser(c); ok {
		return false
	}
	if c.Locals(csrfLocal) != nil || c.Cookies(s.sec.cookies.flash) != "" {
		return false
	}
	return true
}

// cachedBoard answers a leaderboard request from the page cache when it
// can, and otherwise renders it with render and keeps the result.
func (s *Server) cachedBoard(c *fiber.Ctx, kind string, render func() error) error {
	if !s.anonymous(c) {
		return render()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	id, version, err := s.store.DatasetVersion(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	key := fmt.Sprintf("%s\x00%d\x00%d\x00%s", kind, id, version, c.Request().URI().QueryString())
	return s.cached(c, key, render)
}

// cached serves the page kept under key, or renders it and keeps it.
func (s *Server) cached(c *fiber.Ctx, key string, render func() error) error {
	if p, ok := s.pages.get(key); ok {
		c.Set(fiber.HeaderContentType, p.contentType)
		c.Vary(fiber.HeaderAcceptEncoding)
		if c.Context().Request.Header.HasAcceptEncoding("gzip") {
			// Already encoded: the compress middleware leaves it alone.
			c.Set(fiber.HeaderContentEncoding, "gzip")
			return c.Send(p.gzipped)
		}
		return c.Send(p.body)
	}
	if err := render(); err != nil {
		return err
	}
	if c.Response().StatusCode() == fiber.StatusOK {
		body := append([]byte(nil), c.Response().Body()...)
		s.pages.put(key, cachedPage{body: body, gzipped: fasthttp.AppendGzipBytesLevel(nil, body, fasthttp.CompressBestSpeed),
			contentType: string(c.Response().Header.ContentType())})
	}
	return nil
}
