package web

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// pageParam reads ?page (1 when absent); a bad one is a 400 naming it.
func pageParam(c *fiber.Ctx) (int, error) {
	v := c.Query("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf(`Bad parameter "page": %q is not a page number (1, 2, …).`, clip(v)))
	}
	return n, nil
}

// pageCount is how many pages total results make; a page past the last
// one (which the store counts as none) is a 400.
func pageCount(total, page int) (int, error) {
	if total == 0 && page > 1 {
		return 0, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf(`Bad parameter "page": there is no page %d.`, page))
	}
	return max((total+profilePageSize-1)/profilePageSize, 1), nil
}

// pageLinks are the previous and next page's addresses ("" where there
// is none): base with the non-empty values of keep, and page unless it is
// the first.
func pageLinks(base string, keep url.Values, page, pages int) (prev, next string) {
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range keep {
			if len(vs) > 0 && vs[0] != "" {
				v.Set(k, vs[0])
			}
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return base
		}
		return base + "?" + v.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < pages {
		next = link(page + 1)
	}
	return prev, next
}
