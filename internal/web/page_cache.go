package web

import (
	"fmt"
	"hash/crc32"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// pageCache keeps rendered leaderboard pages, API answers and the home
// page for anonymous readers, keyed by path and query string. Each page
// carries the stamp it was built under (freshness.go): while this instance
// listens for Postgres's change notifications, a hit costs no query at all;
// otherwise the page's data version is checked against Postgres on every
// hit, so no instance serves a page older than the last committed write.
// Pages with anything personal in them (a moderator's name, a CSRF token,
// a flash message) are never cached: those requests are rendered afresh.
type pageCache struct {
	mu    sync.RWMutex
	pages map[string]cachedPage
	bytes int
	limit int
}

type cachedPage struct {
	body    []byte
	gzipped []byte // compressed when kept, not on every hit
	// smallest: gzipped is at the default level. A page is kept at the
	// fastest level, because most kept pages are never asked for again
	// (every new query string is a miss, and every write makes a board's
	// pages old): the first hit compresses it again at the default level,
	// a fifth smaller, for every hit after it.
	smallest    bool
	contentType string
	etag        string // computed once: hashing every hit cost an eighth of the server's CPU
	// headers are the response's own headers when it was kept (the
	// security headers helmet set, among others), replayed by serveKept.
	headers [][2]string
	stamp   stamp
}

func newPageCache(limit int) *pageCache {
	return &pageCache{pages: map[string]cachedPage{}, limit: limit}
}

func (pc *pageCache) get(key string) (cachedPage, bool) {
	pc.mu.RLock()
	defer pc.mu.RUnlock()
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

// recompressed replaces the compressed body of the page kept under key
// with p's, if the page kept there is still p (the same body): a page
// kept meanwhile for a newer version is left alone.
func (pc *pageCache) recompressed(key string, p cachedPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	cur, ok := pc.pages[key]
	if !ok || len(cur.body) == 0 || len(p.body) == 0 || &cur.body[0] != &p.body[0] || cur.smallest {
		return
	}
	pc.bytes += len(p.gzipped) - len(cur.gzipped)
	cur.gzipped, cur.smallest = p.gzipped, true
	pc.pages[key] = cur
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

// builtFrom is the dataset and data version a board page was rendered
// from, left in the request's locals by boardFor.
type builtFrom struct{ id, version int64 }

const builtFromLocal = "bb.builtFrom"

// cachedBoard answers a leaderboard request from the page cache when it
// can, and otherwise renders it with render and keeps the result.
func (s *Server) cachedBoard(c *fiber.Ctx, render func() error) error {
	if !s.anonymous(c) {
		return render()
	}
	key := pageKey(c)
	if p, ok := s.pages.get(key); ok {
		if s.fresh.current(p.stamp) {
			return s.sendCached(c, key, p)
		}
		// Not known to be current (kept before this instance listened, or
		// nobody listens now): ask Postgres.
		st := s.fresh.begin()
		ctx, cancel := s.ctx(c)
		id, version, err := s.store.DatasetVersion(ctx, c.Params("slug"))
		cancel()
		if err != nil {
			return err
		}
		if p.stamp.datasetID == id && p.stamp.version == version {
			if st.live {
				// Current as of a moment when we were listening: from
				// now on the notifications will tell.
				st.datasetID, st.version = id, version
				p.stamp = st
				s.pages.put(key, p)
			}
			return s.sendCached(c, key, p)
		}
	}
	st := s.fresh.begin()
	if err := render(); err != nil {
		return err
	}
	from, ok := c.Locals(builtFromLocal).(builtFrom)
	if !ok || s.fresh.newer(from.id, from.version) {
		return nil // built from data already known to be old (a lagging replica)
	}
	st.datasetID, st.version = from.id, from.version
	s.keep(c, key, st)
	return nil
}

// cachedCatalog serves a page that shows datasets of any task (the home
// page, a task's page): while this instance listens, it is current until
// any dataset changes; otherwise it is keyed on the catalogue's version,
// one cheap query.
func (s *Server) cachedCatalog(c *fiber.Ctx, render func() error) error {
	if !s.anonymous(c) {
		return render()
	}
	key := pageKey(c)
	if p, ok := s.pages.get(key); ok && s.fresh.current(p.stamp) {
		return s.sendCached(c, key, p)
	}
	st := s.fresh.begin()
	st.catalog = true
	if !st.live {
		ctx, cancel := s.ctx(c)
		version, err := s.store.CatalogVersion(ctx)
		cancel()
		if err != nil {
			return err
		}
		vkey := fmt.Sprintf("%s\x00%d", key, version)
		if p, ok := s.pages.get(vkey); ok {
			return s.sendCached(c, vkey, p)
		}
		if err := render(); err != nil {
			return err
		}
		s.keep(c, vkey, st)
		return nil
	}
	// At 10,000 datasets the home page takes a fifth of a second to build, and every
	// write anywhere makes it stale: readers arriving meanwhile share one
	// build (keyed by what they know of the catalogue) instead of each
	// running the query.
	ran := false
	v, err, _ := s.builds.Do(fmt.Sprintf("%s/%d/%d", key, st.epoch, st.gen), func() (any, error) {
		ran = true
		if err := render(); err != nil {
			return nil, err
		}
		return s.keep(c, key, st), nil
	})
	if err != nil || ran {
		return err
	}
	if p, ok := v.(cachedPage); ok && p.body != nil {
		return s.sendCached(c, key, p)
	}
	return render() // the shared build answered something other than 200
}

// pageKey is a cached page's key: the path and the query string as sent.
func pageKey(c *fiber.Ctx) string {
	return c.Path() + "\x00" + string(c.Request().URI().QueryString())
}

// serveKept answers a GET for a kept page known to be current before the
// rest of the middleware runs: on a hit, the security headers, the
// compression and the ETag are already in the kept page, and redoing them
// cost as much as the rest of the request. Anything else (a moderator's
// request, a flash message, a page not kept, one not known to be current)
// goes on to the handlers, which check with Postgres when they must.
func (s *Server) serveKept(c *fiber.Ctx) error {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		return c.Next()
	}
	if c.Cookies(s.sec.cookies.session) != "" || c.Cookies(s.sec.cookies.flash) != "" {
		return c.Next()
	}
	key := pageKey(c)
	p, ok := s.pages.get(key)
	if !ok || !s.fresh.current(p.stamp) {
		return c.Next()
	}
	for _, h := range p.headers {
		c.Set(h[0], h[1])
	}
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	return s.sendCached(c, key, p)
}

// sendCached answers with p, kept under key.
func (s *Server) sendCached(c *fiber.Ctx, key string, p cachedPage) error {
	c.Set(fiber.HeaderContentType, p.contentType)
	c.Vary(fiber.HeaderAcceptEncoding)
	// The ETag is set here, so the etag middleware leaves the response
	// alone; the revalidation it would have done is done here too.
	c.Set(fiber.HeaderETag, p.etag)
	if notModified(c, p.etag) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	if c.Context().Request.Header.HasAcceptEncoding("gzip") {
		if !p.smallest {
			// Asked for again: worth the default level (see smallest).
			p.gzipped, p.smallest = fasthttp.AppendGzipBytesLevel(nil, p.body, fasthttp.CompressDefaultCompression), true
			s.pages.recompressed(key, p)
		}
		// Already encoded: the compress middleware leaves it alone.
		c.Set(fiber.HeaderContentEncoding, "gzip")
		return c.Send(p.gzipped)
	}
	return c.Send(p.body)
}

// keep stores a successful response under key and returns it.
func (s *Server) keep(c *fiber.Ctx, key string, st stamp) cachedPage {
	setsCookie := false
	c.Response().Header.VisitAllCookie(func(_, _ []byte) { setsCookie = true })
	if c.Response().StatusCode() != fiber.StatusOK || setsCookie {
		return cachedPage{} // a cookie is somebody's: never handed to another reader
	}
	body := append([]byte(nil), c.Response().Body()...)
	// The fastest level: see cachedPage.smallest.
	p := cachedPage{body: body, gzipped: fasthttp.AppendGzipBytesLevel(nil, body, fasthttp.CompressBestSpeed),
		contentType: string(c.Response().Header.ContentType()), etag: weakETag(body), stamp: st}
	c.Response().Header.VisitAll(func(k, v []byte) {
		switch strings.ToLower(string(k)) {
		case "content-type", "content-length", "content-encoding", "etag", "vary", "cache-control",
			"x-request-id", "set-cookie", "date", "server":
			return // set afresh for every response, or never kept
		}
		p.headers = append(p.headers, [2]string{string(k), string(v)})
	})
	s.pages.put(key, p)
	c.Set(fiber.HeaderETag, p.etag) // the same tag the hits will carry
	if notModified(c, p.etag) {
		c.Context().ResetBody()
		c.Status(fiber.StatusNotModified)
		return p
	}
	if c.Context().Request.Header.HasAcceptEncoding("gzip") {
		// The body is compressed already: the compress middleware leaves
		// an encoded response alone, so the miss is not compressed twice.
		c.Vary(fiber.HeaderAcceptEncoding)
		c.Set(fiber.HeaderContentEncoding, "gzip")
		c.Response().SetBodyRaw(p.gzipped)
	}
	return p
}

// weakETag names a page by its length and checksum, as the etag middleware
// does for the pages that are not cached.
func weakETag(body []byte) string {
	return fmt.Sprintf(`W/"%d-%d"`, len(body), crc32.ChecksumIEEE(body))
}

// notModified: the client's copy is this one (weak comparison).
func notModified(c *fiber.Ctx, etag string) bool {
	match := c.Get(fiber.HeaderIfNoneMatch)
	return match != "" && strings.Contains(match, strings.TrimPrefix(etag, "W/"))
}
