package web

import (
	"github.com/gofiber/fiber/v2"
)

// weakETags tags every 200 answer with a body, as fiber's etag middleware
// (weak) did, and answers a request that already holds the tag with 304.
// The tag is weakETag's, the kept pages' own: fiber's middleware hashes
// with a CRC polynomial no CPU instruction computes, byte by byte, which
// for a leaderboard page of 100 KB cost more than rendering its rows; the
// IEEE polynomial is computed in hardware. A page also carries the same
// tag now whether it was answered from the page cache or rendered.
func weakETags(skip func(*fiber.Ctx) bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if skip(c) {
			return c.Next()
		}
		if err := c.Next(); err != nil {
			return err
		}
		resp := c.Response()
		body := resp.Body()
		if resp.StatusCode() != fiber.StatusOK || len(body) == 0 || resp.Header.Peek(fiber.HeaderETag) != nil {
			return nil
		}
		tag := weakETag(body)
		if notModified(c, tag) {
			c.Context().ResetBody()
			return c.SendStatus(fiber.StatusNotModified)
		}
		c.Set(fiber.HeaderETag, tag)
		return nil
	}
}
