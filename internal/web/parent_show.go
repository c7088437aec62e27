package web

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/setting"
	"github.com/benchboard/benchboard/internal/store"
)

// childBoard is one dataset under a parent benchmark, as its page shows it.
type childBoard struct {
	store.DatasetInfo
	Primary    model.Metric
	Setting    string // the group ranked: the board's default, or "all settings"
	Rows       int    // rows ranked
	AllRows    int
	Results    int
	BestMethod string
	BestText   string
	BestID     int64
	Column     column // the header link that sorts by this board
}

// matrixCell is one method's best primary score on one child board.
type matrixCell struct {
	Has      bool
	Score    float64
	Text     string
	ResultID int64
	Rank     int
	Best     bool
}

// matrixRow is one method across the child boards.
type matrixRow struct {
	Method, MethodSlug string
	Cells              []matrixCell
	Boards             int     // child boards with a score
	AvgRank            float64 // over those boards
	AvgRankText        string
}

// parentQuery is a parent page's sort and setting choice, as in its URL.
type parentQuery struct {
	Sort, Order string // Sort: "rank", "method" or a child's slug
	All         bool   // every setting, rather than each board's default
}

func (q parentQuery) values() url.Values {
	v := url.Values{}
	if q.Sort != "rank" || q.Order != "asc" {
		v.Set("sort", q.Sort)
		v.Set("order", q.Order)
	}
	if q.All {
		v.Set("setting", setting.All)
	}
	return v
}

// renderParent renders a parent benchmark (GenomicBenchmarks): its child
// boards with their current best, and a methods × boards table of each
// method's best primary score, ranked per board and by average rank, the
// way papers tabulate such suites. Each board is ranked within its default
// setting, as its own page ranks it, unless every setting is asked for.
// It is built from the child boards in memory on every request, not kept
// in the page cache: that cache follows one dataset's version, and this
// page follows several.
func (s *Server) renderParent(ctx context.Context, c *fiber.Ctx, d store.DatasetInfo) error {
	children, err := s.store.Children(ctx, d.ID)
	if err != nil {
		return err
	}
	q, err := parseParentQuery(c, children)
	if err != nil {
		return err
	}
	base := "/datasets/" + d.Slug
	boards := make([]childBoard, len(children))
	byMethod := map[string]*matrixRow{}
	var rows []*matrixRow
	for i, child := range children {
		cb, best, err := s.childOf(ctx, child, q)
		if err != nil {
			return err
		}
		cb.Column = parentHeader(q, base, child.Slug, child.Name, ranking.BestFirst(cb.Primary))
		boards[i] = cb
		for _, r := range best {
			mr := byMethod[r.MethodSlug]
			if mr == nil {
				mr = &matrixRow{Method: r.Method, MethodSlug: r.MethodSlug, Cells: make([]matrixCell, len(children))}
				byMethod[r.MethodSlug] = mr
				rows = append(rows, mr)
			}
			cell := r.Cell(cb.Primary.ID)
			mr.Cells[i] = matrixCell{Has: true, Score: cell.Score, Text: formatNumber(cell.Score, cb.Primary.Decimals),
				ResultID: cell.Report.ID, Rank: r.Rank, Best: r.Rank == 1}
		}
	}
	for _, mr := range rows {
		sum := 0
		for _, cell := range mr.Cells {
			if cell.Has {
				mr.Boards++
				sum += cell.Rank
			}
		}
		mr.AvgRank = float64(sum) / float64(mr.Boards)
		mr.AvgRankText = strconv.FormatFloat(mr.AvgRank, 'f', 2, 64)
	}
	sortMatrix(rows, q, children)
	view := fiber.Map{
		"Title":     d.Name + " — " + plural(len(children), "dataset"),
		"Dataset":   d,
		"Boards":    boards,
		"Matrix":    rows,
		"Query":     q,
		"Canonical": withQuery(base, q.values()),
		"RankCol":   parentHeader(q, base, "rank", "Avg. rank", false),
		"MethodCol": parentHeader(q, base, "method", "Method", false),
		"AllLink":   withQuery(base, parentQuery{Sort: q.Sort, Order: q.Order, All: true}.values()),
		"OwnLink":   withQuery(base, parentQuery{Sort: q.Sort, Order: q.Order}.values()),
	}
	return c.Render("parent", view)
}

func parseParentQuery(c *fiber.Ctx, children []store.DatasetInfo) (parentQuery, error) {
	q := parentQuery{Sort: c.Query("sort", "rank"), Order: c.Query("order")}
	bad := func(param, format string, args ...any) error {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("Bad parameter %q: ", param)+fmt.Sprintf(format, args...))
	}
	keys := []string{"rank", "method"}
	defaultOrder := map[string]string{"rank": "asc", "method": "asc"}
	for _, ch := range children {
		keys = append(keys, ch.Slug)
		defaultOrder[ch.Slug] = orderName(ranking.BestFirst(ch.Primary()))
	}
	def, ok := defaultOrder[q.Sort]
	if !ok {
		return q, bad("sort", "%q is not a column of this table; use one of %s.", clip(q.Sort), strings.Join(keys, ", "))
	}
	if q.Order == "" {
		q.Order = def
	}
	if q.Order != "asc" && q.Order != "desc" {
		return q, bad("order", "%q must be asc or desc.", clip(q.Order))
	}
	switch v := c.Query("setting"); v {
	case "":
	case setting.All:
		q.All = true
	default:
		return q, bad("setting", "%q: this table ranks each dataset within its default setting, or all settings (setting=all).", clip(v))
	}
	return q, nil
}

// childOf ranks one child board within its default setting (or every
// setting) and returns its summary and each method's best row there.
func (s *Server) childOf(ctx context.Context, child store.DatasetInfo, q parentQuery) (childBoard, []*ranking.Row, error) {
	cb := childBoard{DatasetInfo: child, Primary: child.Primary()}
	if len(child.Metrics) == 0 {
		return cb, nil, nil
	}
	b, err := s.loadBoard(ctx, child)
	if err != nil {
		return cb, nil, err
	}
	bq := boardQuery{Extra: "any", Confidence: "any"}
	if q.All {
		bq.Setting = setting.All
	}
	bq.resolveSetting(b.rowsPerSetting)
	cb.Setting = "all settings"
	if bq.group != "" {
		cb.Setting = setting.Label(bq.group)
	}
	cb.AllRows, cb.Results = len(b.rows), b.size
	// One row per method, its best: papers' suite tables list a method
	// once per dataset.
	best := map[string]*ranking.Row{}
	var order []*ranking.Row
	for _, r := range b.rows {
		if !bq.keep(r) {
			continue
		}
		cb.Rows++
		cell := r.Cell(cb.Primary.ID)
		if cell == nil {
			continue
		}
		prev := best[r.MethodSlug]
		if prev == nil {
			cp := *r
			best[r.MethodSlug] = &cp
			order = append(order, &cp)
		} else if ranking.Better(cell.Score, prev.Cell(cb.Primary.ID).Score, cb.Primary.HigherIsBetter) {
			*prev = *r
		}
	}
	ranking.Rank(order, cb.Primary)
	for _, r := range order {
		if r.Rank == 1 && cb.BestMethod == "" {
			cell := r.Cell(cb.Primary.ID)
			cb.BestMethod, cb.BestText, cb.BestID = r.Method, formatNumber(cell.Score, cb.Primary.Decimals), cell.Report.ID
		}
	}
	return cb, order, nil
}

// sortMatrix orders the table: by average rank (methods on more boards
// first among equals), by name, or by one board's score, missing last.
func sortMatrix(rows []*matrixRow, q parentQuery, children []store.DatasetInfo) {
	desc := q.Order == "desc"
	col := -1
	for i, ch := range children {
		if ch.Slug == q.Sort {
			col = i
		}
	}
	byName := func(a, b *matrixRow) int { return cmp.Compare(strings.ToLower(a.Method), strings.ToLower(b.Method)) }
	slices.SortStableFunc(rows, func(a, b *matrixRow) int {
		var c int
		switch {
		case q.Sort == "method":
			c = byName(a, b)
			if desc {
				c = -c
			}
			return c
		case q.Sort == "rank":
			c = cmp.Compare(a.AvgRank, b.AvgRank)
			if desc {
				c = -c
			}
			if c == 0 {
				c = cmp.Compare(b.Boards, a.Boards)
			}
		case col >= 0:
			x, y := a.Cells[col], b.Cells[col]
			switch {
			case !x.Has && !y.Has:
			case !x.Has:
				return 1
			case !y.Has:
				return -1
			case ranking.Same(x.Score, y.Score):
			default:
				c = cmp.Compare(x.Score, y.Score)
				if desc {
					c = -c
				}
			}
		}
		if c == 0 {
			c = byName(a, b)
		}
		return c
	})
}

// parentHeader is a sortable header link of the parent's table: a click
// sorts by it (defaultDesc says which way first); a click on the current
// sort flips it.
func parentHeader(q parentQuery, base, key, label string, defaultDesc bool) column {
	next := q
	next.Sort = key
	current := q.Sort == key
	if current {
		next.Order = orderName(q.Order != "desc")
	} else {
		next.Order = orderName(defaultDesc)
	}
	return column{Key: key, Label: label, Link: withQuery(base, next.values()), Current: current, Desc: q.Order == "desc"}
}
