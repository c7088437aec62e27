package bench

import (
	"io"
	"testing"
	"time"
)

func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Scale != DefaultScale || cfg.Duration != 5*time.Second || cfg.Conns != 32 || len(cfg.Only) != 0 {
		t.Errorf("defaults: %+v", cfg)
	}
	cfg, err = parseFlags([]string{"--quick", "--methods", "20000", "--only", "pages,query"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Results != 100_000 || cfg.Datasets != 1_000 || cfg.Methods != 20_000 || cfg.Duration != 2*time.Second {
		t.Errorf("--quick with --methods: %+v", cfg.Scale)
	}
	if !cfg.measures("pages") || !cfg.measures("query") || cfg.measures("import") {
		t.Errorf("--only pages,query: %v", cfg.Only)
	}
	for _, bad := range [][]string{
		{"--only", "pagez"},
		{"--server", "postgres://postgres@db.example.org:5432/postgres"},
		{"stray"},
	} {
		if _, err := parseFlags(bad, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
	if _, err := parseFlags([]string{"--server", "postgres://postgres@[::1]:5432/postgres"}, io.Discard); err != nil {
		t.Errorf("::1 is loopback: %v", err)
	}
}
