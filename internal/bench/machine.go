package bench

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Machine describes where the figures were taken.
type Machine struct {
	CPUs     int
	CPUModel string
	MemTotal string
	Go       string
	Postgres string
	PGConfig string // the settings that matter for these figures
}

func machine(ctx context.Context, conn *pgx.Conn) Machine {
	m := Machine{CPUs: runtime.NumCPU(), Go: runtime.Version()}
	m.CPUModel = procField("/proc/cpuinfo", "model name")
	if kb := procField("/proc/meminfo", "MemTotal"); kb != "" {
		var n int64
		fmt.Sscanf(kb, "%d", &n)
		m.MemTotal = fmt.Sprintf("%.1f GiB (%s)", float64(n)/(1<<20), kb)
	}
	conn.QueryRow(ctx, "SELECT version()").Scan(&m.Postgres)
	var settings []string
	rows, err := conn.Query(ctx, `SELECT name || '=' || setting || coalesce(unit, '') FROM pg_settings
		WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'synchronous_commit')
		ORDER BY name`)
	if err == nil {
		for rows.Next() {
			var s string
			if rows.Scan(&s) == nil {
				settings = append(settings, s)
			}
		}
		rows.Close()
	}
	m.PGConfig = strings.Join(settings, ", ")
	return m
}

func procField(path, name string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// loadAvg is the first three fields of /proc/loadavg: other work on the
// machine takes CPU from both the server and the load generator.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// codeVersion is the commit under test, and whether the tree differs from it.
func codeVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown (not a git checkout)"
	}
	v := strings.TrimSpace(string(out))
	if st, err := exec.CommandContext(ctx, "git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		v += " with uncommitted changes"
	}
	return v
}
