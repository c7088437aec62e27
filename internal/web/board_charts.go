package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/charts"
	"github.com/benchboard/benchboard/internal/ranking"
	"github.com/benchboard/benchboard/internal/store"
)

// cellCharts draws the charts of a board view from the cells kept at
// write time (store.BoardChartCells): the charts plot one point per row,
// its first report of the sorted metric, so a view sorted by a metric and
// filtered by setting group alone needs only those, in one indexed read,
// where the whole board read and ranked took 300 ms at 10,000 rows. ok
// is false for any other view (sorted by a column, filtered by extra
// data, confidence, years or setting text, or a bad query): the caller
// reads the whole board, as before. A board already in memory is used as
// is, memoised charts and all.
func (s *Server) cellCharts(c *fiber.Ctx) (cs []chartView, ok bool, err error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, counts, err := s.store.BoardDataset(ctx, c.Params("slug"))
	if err != nil || len(d.Metrics) == 0 || s.boards.get(d.ID, d.DataVersion) != nil {
		return nil, false, nil // the whole board's path answers, errors included
	}
	q, err := parseBoardQuery(c, d)
	if err != nil || q.key.Metric == nil || q.Extra != "any" || q.Confidence != "any" || q.YearFrom != 0 || q.YearTo != 0 {
		return nil, false, nil
	}
	q.resolveSetting(counts.RowsPerSetting)
	if q.substr != "" {
		return nil, false, nil
	}
	if cs, err = s.chartsOfCells(ctx, d, q); err != nil {
		return nil, false, err
	}
	c.Locals(builtFromLocal, builtFrom{d.ID, d.DataVersion})
	return cs, true, nil
}

// chartsOfCells draws the charts of q (resolved, sorted by a metric,
// filtered by setting group at most) from the board's kept cells. Each
// cell is made a point as boardCharts makes one of a row, without a
// ranking.Row and its map per row in between, and the points are put in
// the order ranking.Sort gives the whole board's rows
// (ranking.SortByFirst, on the same names and scores, ties by each row's
// first report as Sort's by row position).
func (s *Server) chartsOfCells(ctx context.Context, d store.DatasetInfo, q boardQuery) ([]chartView, error) {
	m := *q.key.Metric
	n := q.groupRows() // a cell per row at most
	pts := make([]charts.Point, 0, n)
	first := make([]int64, 0, n)
	err := s.store.BoardChartCells(ctx, d.ID, m.ID, q.headExclude(), q.desc, func(c *store.ChartCell) {
		pts = append(pts, chartPoint(c.Method, c.Params, c.Score, c.Report()))
		first = append(first, c.RowFirst)
	})
	if err != nil {
		return nil, err
	}
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	ranking.SortByFirst(order, func(i int) string { return pts[i].Method },
		func(i int) (float64, bool) { return pts[i].Value, true },
		func(i int) int64 { return first[i] }, false, q.desc)
	permute(pts, order)
	return chartsOfPoints(m, pts, true), nil
}

// permute puts pts in the given order (pts[k] becomes the old
// pts[order[k]]) in place, one cycle at a time, rather than into a second
// slice of points; order is used up.
func permute(pts []charts.Point, order []int) {
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := pts[start]
		k := start
		for {
			from := order[k]
			order[k] = -1
			if from == start {
				pts[k] = held
				break
			}
			pts[k] = pts[from]
			k = from
		}
	}
}
