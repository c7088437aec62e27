package web_test

import (
	"io"
	"log/slog"

	"github.com/benchboard/benchboard/internal/csvio"
	"github.com/benchboard/benchboard/internal/store"
)

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// sliceSource feeds records to store.Ingest.
func sliceSource(recs []csvio.Record) store.RecordSource {
	i := 0
	return func() (csvio.Record, error) {
		if i == len(recs) {
			return csvio.Record{}, io.EOF
		}
		i++
		return recs[i-1], nil
	}
}
