package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/store"
)

// Transfer is one full read of the export.
type Transfer struct {
	Rows    int64 // data lines, header excluded
	Bytes   int64
	Elapsed time.Duration
}

// RowsPerSec is the export's rate in rows.
func (t Transfer) RowsPerSec() float64 { return float64(t.Rows) / t.Elapsed.Seconds() }

// MBPerSec is the export's rate in megabytes (10^6).
func (t Transfer) MBPerSec() float64 { return float64(t.Bytes) / 1e6 / t.Elapsed.Seconds() }

// lineCounter counts bytes and line ends written to it.
type lineCounter struct{ lines, bytes int64 }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines += int64(bytes.Count(p, []byte{'\n'}))
	c.bytes += int64(len(p))
	return len(p), nil
}

// httpExport downloads url in full, uncompressed, as `curl -o` would.
// Every generated text is free of line breaks, so lines are rows.
func httpExport(ctx context.Context, url string) (Transfer, error) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 30 * time.Minute}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Transfer{}, err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return Transfer{}, fmt.Errorf("bench: export: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Transfer{}, fmt.Errorf("bench: export: status %d", resp.StatusCode)
	}
	var c lineCounter
	if _, err := io.CopyBuffer(&c, resp.Body, make([]byte, 256<<10)); err != nil {
		return Transfer{}, fmt.Errorf("bench: export: %w", err)
	}
	return Transfer{Rows: c.lines - 1, Bytes: c.bytes, Elapsed: time.Since(start)}, nil
}

// copySQL is the export's own SELECT, for all datasets ($1 is NULL), as
// COPY … TO STDOUT WITH CSV.
func copySQL() string {
	return "COPY (" + strings.ReplaceAll(store.ExportSQL(), "$1", "NULL") + ") TO STDOUT WITH CSV"
}

// copyExport runs the same SELECT through COPY over pgx: the floor of
// what any exporter on this driver can do.
func copyExport(ctx context.Context, conn *pgx.Conn) (Transfer, error) {
	var c lineCounter
	start := time.Now()
	tag, err := conn.PgConn().CopyTo(ctx, &c, copySQL())
	if err != nil {
		return Transfer{}, fmt.Errorf("bench: COPY TO: %w", err)
	}
	return Transfer{Rows: tag.RowsAffected(), Bytes: c.bytes, Elapsed: time.Since(start)}, nil
}
