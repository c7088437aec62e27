package pwc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that any input either parses into well-formed rows or
// fails with an *Error that points inside the input. Seeds live in
// testdata/fuzz/FuzzParse; nested.json is added here.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/nested.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		err := Parse(ctx, bytes.NewReader(data), func(r Row) error {
			checkRow(t, r)
			return nil
		})
		if err == nil {
			if !json.Valid(data) {
				t.Fatalf("accepted invalid JSON %q", data)
			}
		} else {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%T), want *pwc.Error", err, err)
			}
			if pe.Offset < 0 || pe.Offset > int64(len(data)) {
				t.Fatalf("Offset %d outside the %d-byte input: %v", pe.Offset, len(data), err)
			}
		}
		// Checking only must find the same error as parsing.
		if check := Parse(ctx, bytes.NewReader(data), nil); errString(check) != errString(err) {
			t.Fatalf("Parse with fn: %v; without: %v", err, check)
		}
	})
}

func checkRow(t *testing.T, r Row) {
	t.Helper()
	if r.Path == "" || len(r.TaskPath) == 0 || len(r.DatasetPath) == 0 ||
		r.Task != r.TaskPath[len(r.TaskPath)-1] || r.Dataset != r.DatasetPath[len(r.DatasetPath)-1] {
		t.Fatalf("row without a proper place: %+v", r)
	}
	for _, v := range r.Values {
		if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) || v.Metric == "" && v.Raw == "" {
			t.Fatalf("bad value %+v in %s", v, r.Path)
		}
		if IsSizeMetric(v.Metric) {
			t.Fatalf("size metric %q among the values of %s", v.Metric, r.Path)
		}
	}
	for _, s := range r.Skipped {
		if !strings.HasPrefix(s.Path, r.Path+".metrics[") || s.Reason == "" {
			t.Fatalf("skip %+v in %s lacks a path or reason", s, r.Path)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
