package web

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// checkInput refuses, before any handler runs, a request whose path, query
// parameters or form fields are not text: bytes that are not UTF-8 (which
// includes overlong encodings such as %c0%80) or a NUL, which Postgres
// cannot store in a text value and would answer with an error. One check
// here covers every route, those added later included; handlers may take
// every value they read to be valid UTF-8 without NULs.
func checkInput(c *fiber.Ctx) error {
	// The router matches the path as sent; a handler may decode it. Both
	// forms must be text.
	raw := c.Request().URI().PathOriginal()
	what := badText(raw)
	if dec, err := url.PathUnescape(string(raw)); what == "" && err == nil {
		what = badText([]byte(dec))
	}
	if what != "" {
		return badInput("the address (path)", what)
	}
	var bad error
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		if bad == nil {
			bad = checkField("query parameter", k, v)
		}
	})
	if bad != nil {
		return bad
	}
	if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
		return c.Next()
	}
	ct := strings.ToLower(string(c.Request().Header.ContentType()))
	switch {
	case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
		c.Request().PostArgs().VisitAll(func(k, v []byte) {
			if bad == nil {
				bad = checkField("form field", k, v)
			}
		})
	case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
		// The parsed form is kept by fasthttp, so the handler does not
		// parse it again.
		mf, err := c.MultipartForm()
		if err != nil {
			return fiber.NewError(fiber.StatusBadRequest, "Bad request: the form could not be read ("+
				strings.ToValidUTF8(err.Error(), "\uFFFD")+"). Reload the page and send the form again.")
		}
		{
			for k, vs := range mf.Value {
				for _, v := range vs {
					if bad == nil {
						bad = checkField("form field", []byte(k), []byte(v))
					}
				}
			}
			for k, fs := range mf.File {
				for _, f := range fs {
					if bad == nil {
						bad = checkField("file name of form field", []byte(k), []byte(f.Filename))
					}
				}
			}
		}
	}
	if bad != nil {
		return bad
	}
	return c.Next()
}

func checkField(kind string, k, v []byte) error {
	if what := badText(k); what != "" {
		return badInput("the name of a "+kind, what)
	}
	if what := badText(v); what != "" {
		return badInput(fmt.Sprintf("the %s %q", kind, string(k)), what)
	}
	return nil
}

// badText says what is wrong with b as text, or "".
func badText(b []byte) string {
	switch {
	case !utf8.Valid(b):
		return "bytes that are not valid UTF-8 text"
	case bytes.IndexByte(b, 0) >= 0:
		return "a NUL character (%00)"
	}
	return ""
}

func badInput(where, what string) error {
	return fiber.NewError(fiber.StatusBadRequest,
		fmt.Sprintf("Bad request: %s contains %s. Only text is accepted; check how the link or form was encoded.", where, what))
}
