package importer_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestBenchImport runs BenchImport when BENCHBOARD_BENCH_IMPORT gives a
// row count (e.g. 1000000); `make bench` calls BenchImport itself.
func TestBenchImport(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("BENCHBOARD_BENCH_IMPORT"))
	if n <= 0 {
		n = 12_000 // a smoke test of the harness, past the first in-transaction ANALYZE
	}
	batch, _ := strconv.Atoi(os.Getenv("BENCHBOARD_BENCH_BATCH"))
	r, err := importer.BenchImportDetail(context.Background(), testdb.ServerURL(), n, importer.Options{BatchSize: batch}, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows (%.0f MB): import %.0f rows/s (%s), COPY %.0f rows/s (%s): %.3f× COPY; "+
		"schema floor %.0f rows/s (%s): import is %.2f× the floor; %+v",
		r.Rows, float64(r.Bytes)/1e6, r.ImportRate(), r.Import, r.CopyRate(), r.Copy, r.ImportRate()/r.CopyRate(),
		r.FloorRate(), r.Floor, r.ImportRate()/r.FloorRate(), r.Summary.Counts)
}
