package web

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
)

// browsePageSize is how many methods or papers one browse page lists.
const browsePageSize = 100

// browseQuery is a browse page's sort, order and page, as in its URL.
type browseQuery struct {
	sort store.BrowseSort
	page int
}

// browseColumn is a sortable header of a browse page.
type browseColumn struct {
	Label, Link string
	Num         bool // a count: right-aligned
	Current     bool
	Desc        bool
}

// parseBrowseQuery reads sort, order and page; a bad value is a 400 that
// names the parameter. Counts sort most first, names A to Z.
func parseBrowseQuery(c *fiber.Ctx, cols map[string]string, def string) (browseQuery, error) {
	q := browseQuery{sort: store.BrowseSort{Column: c.Query("sort", def)}, page: 1}
	if _, ok := cols[q.sort.Column]; !ok {
		keys := make([]string, 0, len(cols))
		for k := range cols {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return q, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter \"sort\": %q is not a column; use one of %s.", clip(q.sort.Column), strings.Join(keys, ", ")))
	}
	switch o := c.Query("order"); o {
	case "":
		q.sort.Desc = countColumn(q.sort.Column)
	case "asc", "desc":
		q.sort.Desc = o == "desc"
	default:
		return q, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter \"order\": %q must be asc or desc.", clip(o)))
	}
	page, err := pageParam(c)
	if err != nil {
		return q, err
	}
	q.page = page
	return q, nil
}

// countColumn: the columns that count something, and so sort most first.
func countColumn(col string) bool {
	return col == "results" || col == "datasets" || col == "methods" || col == "year"
}

func (q browseQuery) link(base, col string, desc bool, page int) string {
	v := url.Values{}
	v.Set("sort", col)
	v.Set("order", orderName(desc))
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return base + "?" + v.Encode()
}

// columns gives each header a link: a click sorts by it in its natural
// direction; a click on the current sort flips it.
func (q browseQuery) columns(base string, labels [][2]string) []browseColumn {
	out := make([]browseColumn, 0, len(labels))
	for _, l := range labels {
		col := browseColumn{Label: l[1], Num: countColumn(l[0]), Current: q.sort.Column == l[0], Desc: q.sort.Desc}
		desc := countColumn(l[0])
		if col.Current {
			desc = !q.sort.Desc
		}
		col.Link = q.link(base, l[0], desc, 1)
		out = append(out, col)
	}
	return out
}

// pager gives the previous and next page links ("" where there is none).
func (q browseQuery) pager(base string, total int) (prev, next string, pages int) {
	pages = max((total+browsePageSize-1)/browsePageSize, 1)
	if q.page > 1 {
		prev = q.link(base, q.sort.Column, q.sort.Desc, q.page-1)
	}
	if q.page < pages {
		next = q.link(base, q.sort.Column, q.sort.Desc, q.page+1)
	}
	return prev, next, pages
}

// methodList is the browse page of every method, by result count first.
// Its counts move with every write, like the home page's: it is kept the
// same way (cachedCatalog), since counting reads every result.
func (s *Server) methodList(c *fiber.Ctx) error {
	return s.cachedCatalog(c, func() error { return s.renderMethodList(c) })
}

func (s *Server) renderMethodList(c *fiber.Ctx) error {
	q, err := parseBrowseQuery(c, store.MethodSorts(), "results")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	rows, total, err := s.store.Methods(ctx, q.sort, browsePageSize, (q.page-1)*browsePageSize)
	if err != nil {
		return err
	}
	prev, next, pages := q.pager("/methods", total)
	if q.page > pages {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter \"page\": there are %d pages.", pages))
	}
	return c.Render("methods", fiber.Map{
		"Title": "Methods", "Rows": rows, "Total": total, "Page": q.page, "Pages": pages, "Prev": prev, "Next": next,
		"Columns": q.columns("/methods", [][2]string{{"name", "Method"}, {"datasets", "Datasets"}, {"results", "Results"}}),
	})
}

// paperList is the browse page of every paper, by result count first.
func (s *Server) paperList(c *fiber.Ctx) error {
	return s.cachedCatalog(c, func() error { return s.renderPaperList(c) })
}

func (s *Server) renderPaperList(c *fiber.Ctx) error {
	q, err := parseBrowseQuery(c, store.PaperSorts(), "results")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	rows, total, err := s.store.Papers(ctx, q.sort, browsePageSize, (q.page-1)*browsePageSize)
	if err != nil {
		return err
	}
	prev, next, pages := q.pager("/papers", total)
	if q.page > pages {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter \"page\": there are %d pages.", pages))
	}
	return c.Render("papers", fiber.Map{
		"Title": "Papers", "Rows": rows, "Total": total, "Page": q.page, "Pages": pages, "Prev": prev, "Next": next,
		"Columns": q.columns("/papers", [][2]string{{"title", "Paper"}, {"year", "Year"}, {"methods", "Methods"}, {"results", "Results"}}),
	})
}
