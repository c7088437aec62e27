package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The anchor is what an uncached leaderboard page is measured against: the
// least a server can do to answer it. pgx, one indexed query for the
// board's best 100 rows by its primary metric (results_board_idx, the
// same index the app's head query reads), the names beside them, and a
// minimal html/template table or encoding/json array. No ranking, no
// layout, no middleware: a floor, served by the same process and the same
// load generator as the page, in the same run.
const anchorPath = "/bench-anchor/"

// anchorSQL is the anchor's one query; $2 orders ascending or descending
// by the metric's direction, read once when the anchor starts.
const anchorSQL = `
SELECT r.id, me.name, me.slug, r.value, r.setting, coalesce(p.title, ''), coalesce(p.slug, ''), coalesce(p.year, 0)
FROM results r
JOIN methods me ON me.id = r.method_id
LEFT JOIN papers p ON p.id = r.paper_id
WHERE r.dataset_id = $1 AND r.metric_id = $2 AND r.retired_at IS NULL
ORDER BY r.score %s
LIMIT 100`

type anchorRow struct {
	ID         int64   `json:"id"`
	Method     string  `json:"method"`
	MethodSlug string  `json:"method_slug"`
	Value      float64 `json:"value"`
	Setting    string  `json:"setting"`
	Paper      string  `json:"paper"`
	PaperSlug  string  `json:"paper_slug"`
	Year       int     `json:"year"`
}

var anchorTemplate = template.Must(template.New("anchor").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Name}}</title></head>
<body><h1>{{.Name}}</h1>
<table><thead><tr><th>#</th><th>Method</th><th>Value</th><th>Setting</th><th>Paper</th><th>Year</th></tr></thead>
<tbody>{{range $i, $r := .Rows}}
<tr><td>{{$i}}</td><td><a href="/methods/{{$r.MethodSlug}}">{{$r.Method}}</a></td><td>{{$r.Value}}</td><td>{{$r.Setting}}</td><td><a href="/papers/{{$r.PaperSlug}}">{{$r.Paper}}</a></td><td>{{$r.Year}}</td></tr>{{end}}
</tbody></table></body></html>
`))

// anchorBoard is what the anchor knows of a board before any request:
// the primary metric and its direction, as the app keeps them too.
type anchorBoard struct {
	name  string
	id    int64
	query string // anchorSQL with the direction filled in
	mid   int64
}

type anchor struct {
	pool   *pgxpool.Pool
	boards map[string]anchorBoard
}

// newAnchor opens its own pool (as many connections as the app's) and
// looks up the boards' primary metrics.
func newAnchor(ctx context.Context, dsn string, conns int32, slugs ...string) (*anchor, error) {
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = conns
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, err
	}
	a := &anchor{pool: pool, boards: map[string]anchorBoard{}}
	for _, slug := range slugs {
		var b anchorBoard
		var higher bool
		err := pool.QueryRow(ctx, `
SELECT d.name, d.id, m.id, m.higher_is_better FROM datasets d JOIN metrics m ON m.dataset_id = d.id
WHERE d.slug = $1 ORDER BY m.is_primary DESC, m.position, m.id LIMIT 1`, slug).Scan(&b.name, &b.id, &b.mid, &higher)
		if err != nil {
			pool.Close()
			return nil, fmt.Errorf("bench: anchor: board %s: %w", slug, err)
		}
		b.query = fmt.Sprintf(anchorSQL, map[bool]string{true: "DESC", false: "ASC"}[higher])
		a.boards[slug] = b
	}
	return a, nil
}

func (a *anchor) close() { a.pool.Close() }

func (a *anchor) rows(ctx context.Context, b anchorBoard) ([]anchorRow, error) {
	rs, _ := a.pool.Query(ctx, b.query, b.id, b.mid)
	return pgx.CollectRows(rs, func(row pgx.CollectableRow) (anchorRow, error) {
		var r anchorRow
		err := row.Scan(&r.ID, &r.Method, &r.MethodSlug, &r.Value, &r.Setting, &r.Paper, &r.PaperSlug, &r.Year)
		return r, err
	})
}

// register adds GET /bench-anchor/html/:slug and /bench-anchor/json/:slug.
func (a *anchor) register(app *fiber.App) {
	app.Get(anchorPath+":kind/:slug", func(c *fiber.Ctx) error {
		b, ok := a.boards[c.Params("slug")]
		if !ok {
			return fiber.ErrNotFound
		}
		rows, err := a.rows(c.UserContext(), b)
		if err != nil {
			return err
		}
		switch c.Params("kind") {
		case "html":
			var sb strings.Builder
			if err := anchorTemplate.Execute(&sb, struct {
				Name string
				Rows []anchorRow
			}{b.name, rows}); err != nil {
				return err
			}
			c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
			return c.SendString(sb.String())
		case "json":
			body, err := json.Marshal(struct {
				Total int         `json:"total"`
				Rows  []anchorRow `json:"rows"`
			}{len(rows), rows})
			if err != nil {
				return err
			}
			c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
			return c.Send(body)
		}
		return fiber.ErrNotFound
	})
}
