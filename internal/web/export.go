package web

import (
	"bufio"
	"context"
	"fmt"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/gofiber/fiber/v2"
)

// datasetExport streams one leaderboard as CSV.
func (s *Server) datasetExport(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	d, err := s.store.Dataset(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	return s.streamCSV(c, d.ID, d.Slug+".csv")
}

// exportAll streams the whole database as one CSV.
func (s *Server) exportAll(c *fiber.Ctx) error {
	return s.streamCSV(c, 0, "benchboard.csv")
}

// streamCSV opens the cursor before the body writer runs (the writer must
// not touch c) and writes row by row: memory stays bounded by one flush.
func (s *Server) streamCSV(c *fiber.Ctx, datasetID int64, filename string) error {
	// The export may outlive the request timeout; it stops when the
	// client goes away instead.
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := s.store.Export(ctx, datasetID)
	if err != nil {
		cancel()
		return err
	}
	bom := c.Query("bom") == "1"
	log := s.log.With("request_id", c.Locals("requestid"), "export", filename)
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, filename))
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Context().SetBodyStreamWriter(func(bw *bufio.Writer) {
		defer cancel()
		defer rows.Close()
		if bom {
			bw.WriteString("\ufeff") // Excel reads UTF-8 only with it
		}
		if _, err := csvio.Copy(flushWriter{bw}, rows); err != nil {
			log.Warn("export stopped", "error", err.Error())
		}
	})
	return nil
}

// flushWriter pushes each CSV flush on to the client, so a slow reader
// holds back the cursor instead of filling memory.
type flushWriter struct{ bw *bufio.Writer }

func (f flushWriter) Write(p []byte) (int, error) {
	n, err := f.bw.Write(p)
	if err != nil {
		return n, err
	}
	return n, f.bw.Flush()
}
