package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// appConns is the app's pool size in the harness, and the anchor's.
const appConns = 20

// pageType is one kind of page the site serves, at a URL of the bench data
// that makes it as heavy as the data allows.
type pageType struct {
	name, path string
}

// pageTypes picks one URL per page type: the task of the largest board,
// the parent benchmark with the most children, the method and the paper
// with the most results, the best result of the largest board.
func pageTypes(ctx context.Context, conn *pgx.Conn) ([]pageType, error) {
	var task, method, methodName, paper string
	var result int64
	err := conn.QueryRow(ctx, `SELECT t.slug FROM tasks t JOIN datasets d ON d.task_id = t.id WHERE d.slug = $1`, LargeSlug).Scan(&task)
	if err != nil {
		return nil, fmt.Errorf("bench: page types: task: %w", err)
	}
	err = conn.QueryRow(ctx, `
SELECT me.slug, me.name FROM methods me
JOIN (SELECT method_id, count(*) AS n FROM results GROUP BY method_id ORDER BY n DESC LIMIT 1) top ON top.method_id = me.id`).Scan(&method, &methodName)
	if err != nil {
		return nil, fmt.Errorf("bench: page types: method: %w", err)
	}
	err = conn.QueryRow(ctx, `
SELECT p.slug FROM papers p
JOIN (SELECT paper_id, count(*) AS n FROM results WHERE paper_id IS NOT NULL GROUP BY paper_id ORDER BY n DESC LIMIT 1) top ON top.paper_id = p.id`).Scan(&paper)
	if err != nil {
		return nil, fmt.Errorf("bench: page types: paper: %w", err)
	}
	err = conn.QueryRow(ctx, `
SELECT r.id FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN metrics m ON m.dataset_id = d.id AND m.is_primary AND m.id = r.metric_id
WHERE d.slug = $1 AND r.retired_at IS NULL
ORDER BY CASE WHEN m.higher_is_better THEN -r.score ELSE r.score END LIMIT 1`, LargeSlug).Scan(&result)
	if err != nil {
		return nil, fmt.Errorf("bench: page types: result: %w", err)
	}
	pts := []pageType{
		{"home", "/"},
		{"task", "/tasks/" + task},
	}
	var parent string
	err = conn.QueryRow(ctx, `
SELECT p.slug FROM datasets p JOIN datasets c ON c.parent_id = p.id GROUP BY p.id, p.slug ORDER BY count(*) DESC, p.id LIMIT 1`).Scan(&parent)
	switch {
	case err == pgx.ErrNoRows:
	case err != nil:
		return nil, fmt.Errorf("bench: page types: parent: %w", err)
	default:
		pts = append(pts, pageType{"parent benchmark", "/datasets/" + parent})
	}
	word := strings.Fields(methodName)[0]
	pts = append(pts,
		pageType{"method", "/methods/" + method},
		pageType{"paper", "/papers/" + paper},
		pageType{"result", "/results/" + strconv.FormatInt(result, 10)},
		pageType{"search", "/search?q=" + url.QueryEscape(word)},
		pageType{"changes", "/changes"},
	)
	return pts, nil
}

// measurePageTypes times every page type uncached: the largest board's
// data_version is bumped and the query string is new before each request,
// so neither a kept page nor a kept board answers it.
func measurePageTypes(ctx context.Context, cfg Config, client *http.Client, base string, conn *pgx.Conn, bump func(context.Context) error, rep *report, logf func(string, ...any)) error {
	pts, err := pageTypes(ctx, conn)
	if err != nil {
		return err
	}
	for _, pt := range pts {
		logf("%s page %s, uncached, %d sequential requests", pt.name, pt.path, cfg.LatencyRequests)
		seq, err := Sequential(ctx, client, target{URL: base + pt.path, Accept: "text/html", Gzip: true, Before: bump, Unique: true},
			cfg.LatencyRequests, max(3*time.Minute, 20*cfg.Duration))
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s page (`%s`), uncached, sequential (n=%d)", pt.name, pt.path, seq.Requests)
		rep.add(Figure{Name: name + ", p99", Value: ms(seq.Latency.P99), Unit: "ms", Target: valueAtMost(50, "ms"),
			Note: fmt.Sprintf("p50 %.1f ms", ms(seq.Latency.P50)) + errSuffix(seq), Invalid: seq.Requests == 0})
		rep.detail("%s: mean %.1f ms, max %.1f ms, %d errors, %.0f bytes", name, ms(seq.Latency.Mean), ms(seq.Latency.Max), seq.Errors, seq.BytesPerRequest())
		if seq.FirstErr != nil {
			rep.detail("%s: first error: %v", name, seq.FirstErr)
		}
	}
	return nil
}

func errSuffix(r LoadResult) string {
	if n := errNote(r); n != "" {
		return "; " + n
	}
	return ""
}

// wrkLine finds wrk's throughput and its latency percentiles.
var (
	wrkRPS = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkP50 = regexp.MustCompile(`\n\s+50%\s+([0-9.]+)(us|ms|s)`)
	wrkP99 = regexp.MustCompile(`\n\s+99%\s+([0-9.]+)(us|ms|s)`)
)

type wrkResult struct {
	rps      float64
	p50, p99 time.Duration
	out      string
}

func runWrk(ctx context.Context, bin, u string, conns int, dur time.Duration) (wrkResult, error) {
	threads := 2
	cmd := exec.CommandContext(ctx, bin, "-t", strconv.Itoa(threads), "-c", strconv.Itoa(conns), "-d", fmt.Sprintf("%ds", max(1, int(dur.Seconds()))),
		"--latency", "-H", "Accept: text/html", "-H", "Accept-Encoding: gzip", u)
	out, err := cmd.CombinedOutput()
	res := wrkResult{out: string(out)}
	if err != nil {
		return res, fmt.Errorf("bench: wrk %s: %w\n%s", u, err, out)
	}
	m := wrkRPS.FindStringSubmatch(res.out)
	if m == nil {
		return res, fmt.Errorf("bench: wrk %s: no Requests/sec in its output:\n%s", u, out)
	}
	res.rps, _ = strconv.ParseFloat(m[1], 64)
	res.p50 = wrkDuration(wrkP50.FindStringSubmatch(res.out))
	res.p99 = wrkDuration(wrkP99.FindStringSubmatch(res.out))
	if strings.Contains(res.out, "Non-2xx") {
		return res, fmt.Errorf("bench: wrk %s: non-2xx answers:\n%s", u, out)
	}
	return res, nil
}

func wrkDuration(m []string) time.Duration {
	if m == nil {
		return 0
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	switch m[2] {
	case "us":
		return time.Duration(v * float64(time.Microsecond))
	case "ms":
		return time.Duration(v * float64(time.Millisecond))
	}
	return time.Duration(v * float64(time.Second))
}

// measureWrk measures the cached 100-row page against the static route
// with wrk, a load tool in C that is not the limit where the harness's Go
// load generator is (it shares the CPUs with the server and tops out
// first). The static route's figure is wrk's own ceiling on this machine
// while it shares the CPUs with the server. Without wrk the figure is
// left out, and the table says so.
func measureWrk(ctx context.Context, cfg Config, base, cachedURL string, goStatic float64, rep *report, logf func(string, ...any)) {
	bin, err := exec.LookPath("wrk")
	if err != nil {
		rep.add(Figure{Name: "cached page vs static route with wrk", Target: Target{Text: "skipped: wrk is not installed (apt-get install wrk)"}})
		return
	}
	dur := cfg.Duration + cfg.Warmup
	logf("wrk: static route and the cached %d-row page, %d connections, %s each", smallRows, cfg.Conns, dur)
	static, err := runWrk(ctx, bin, base+staticPath, cfg.Conns, dur)
	if err != nil {
		rep.add(Figure{Name: "cached page vs static route with wrk", Target: Target{Text: "failed"}, Invalid: true, Note: firstLine(err.Error())})
		return
	}
	page, err := runWrk(ctx, bin, cachedURL, cfg.Conns, dur)
	if err != nil {
		rep.add(Figure{Name: "cached page vs static route with wrk", Target: Target{Text: "failed"}, Invalid: true, Note: firstLine(err.Error())})
		return
	}
	rep.add(Figure{Name: fmt.Sprintf("wrk's ceiling: static 1 KB route with wrk (2 threads, %d connections), req/s", cfg.Conns),
		Value: static.rps, Unit: "req/s", Against: "the same route with the harness's Go load generator", Base: goStatic, BaseUnit: "req/s", Target: reported})
	rep.add(Figure{Name: fmt.Sprintf("leaderboard page (HTML), %d-row leaderboard, cached, with wrk, req/s", smallRows),
		Value: page.rps, Unit: "req/s", Against: "static 1 KB route with wrk", Base: static.rps, BaseUnit: "req/s", Target: ratioAtLeast(0.5)})
	rep.detail("wrk static route: %.0f req/s, p50 %.2f ms, p99 %.2f ms; cached page: %.0f req/s, p50 %.2f ms, p99 %.2f ms",
		static.rps, ms(static.p50), ms(static.p99), page.rps, ms(page.p50), ms(page.p99))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
