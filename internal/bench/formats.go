package bench

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// FormatsResult is the multi-format import: `benchboard import DIR` over
// a folder of files in every format the importer recognises, in one
// transaction, run as the command itself.
type FormatsResult struct {
	Files, Results int
	Bytes          int64
	Elapsed        time.Duration
	PeakRSS        int64 // bytes, the command's maximum resident set (getrusage)
	Output         string
}

// RowsPerSec is results taken in per second of the whole command.
func (f FormatsResult) RowsPerSec() float64 {
	if f.Elapsed <= 0 {
		return 0
	}
	return float64(f.Results) / f.Elapsed.Seconds()
}

// formatKinds are the generated files' formats, in turn.
var formatKinds = []string{"lm-eval", "hf-card", "model-index", "pwc", "csv"}

// writeFormatFiles writes files files holding results results between
// them, spread over the formats in turn, into dir/formats. Each file is
// written and closed before the next, so the generator holds one file's
// text at a time. Every result is a distinct report: the import must
// find all of them new.
func writeFormatFiles(dir string, files, results int) (string, int64, error) {
	root := filepath.Join(dir, "formats")
	var total int64
	for i := range files {
		n := results / files
		if i < results%files {
			n++
		}
		kind := formatKinds[i%len(formatKinds)]
		sub := filepath.Join(root, kind, fmt.Sprintf("%03d", i/500))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return "", 0, err
		}
		var name string
		var body func(w *bufio.Writer)
		switch kind {
		case "lm-eval":
			name, body = fmt.Sprintf("results_%05d.json", i), func(w *bufio.Writer) { lmEvalFile(w, i, n) }
		case "hf-card":
			name, body = fmt.Sprintf("card_%05d.md", i), func(w *bufio.Writer) { hfCardFile(w, i, n) }
		case "model-index":
			name, body = fmt.Sprintf("metafile_%05d.yml", i), func(w *bufio.Writer) { modelIndexFile(w, i, n) }
		case "pwc":
			name, body = fmt.Sprintf("tables_%05d.json", i), func(w *bufio.Writer) { pwcFile(w, i, n) }
		default:
			name, body = fmt.Sprintf("results_%05d.csv", i), func(w *bufio.Writer) { csvFile(w, i, n) }
		}
		f, err := os.Create(filepath.Join(sub, name))
		if err != nil {
			return "", 0, err
		}
		w := bufio.NewWriter(f)
		body(w)
		if err := w.Flush(); err != nil {
			f.Close()
			return "", 0, err
		}
		if fi, err := f.Stat(); err == nil {
			total += fi.Size()
		}
		if err := f.Close(); err != nil {
			return "", 0, err
		}
	}
	return root, total, nil
}

// benchDataset spreads a file's results over 200 boards of each format.
func benchDataset(kind string, file, j int) string {
	return fmt.Sprintf("%s bench set %d", kind, (file*7+j)%200)
}

func lmEvalFile(w *bufio.Writer, file, n int) {
	fmt.Fprintf(w, "{\n  \"results\": {\n")
	for j := range n {
		sep := ","
		if j == n-1 {
			sep = ""
		}
		fmt.Fprintf(w, "    %q: {\"acc,none\": 0.%04d, \"acc_stderr,none\": 0.01%02d, \"alias\": \"t\"}%s\n", benchDataset("lm", file, j), (file*31+j)%10000, j%100, sep)
	}
	fmt.Fprintf(w, "  },\n  \"higher_is_better\": {")
	for j := range n {
		if j > 0 {
			w.WriteString(", ")
		}
		fmt.Fprintf(w, "%q: {\"acc\": true}", benchDataset("lm", file, j))
	}
	fmt.Fprintf(w, "},\n  \"n-shot\": {%q: 5},\n  \"config\": {\"model_args\": \"pretrained=bench/model-%d\"},\n  \"date\": 1733300000.0\n}\n", benchDataset("lm", file, 0), file)
}

func hfCardFile(w *bufio.Writer, file, n int) {
	fmt.Fprintf(w, "---\nlicense: mit\nmodel-index:\n- name: bench-card-model-%d\n  results:\n", file)
	for j := range n {
		fmt.Fprintf(w, "  - task: {type: text-generation, name: Text Generation}\n    dataset: {name: %s, type: bench}\n"+
			"    metrics:\n    - {type: acc, value: %d.%02d, name: accuracy}\n    source: {name: Bench Leaderboard, url: 'https://example.org/bench?m=%d'}\n",
			benchDataset("hf", file, j), 40+j%50, file%100, file)
	}
	fmt.Fprintf(w, "---\n\n# bench-card-model-%d\n", file)
}

func modelIndexFile(w *bufio.Writer, file, n int) {
	fmt.Fprintf(w, "Collections:\n- Name: BenchNet-%d\n  Paper: {Title: BenchNet %d, URL: 'https://example.org/papers/%d'}\n  Metadata: {Parameters: %d, FLOPs: %d, Training Data: [ImageNet-21k]}\nModels:\n", file, file, file, 1000000+file, 2000000+file)
	for j := range n {
		fmt.Fprintf(w, "- Name: benchnet-%d-%d\n  In Collection: BenchNet-%d\n  Results:\n  - Task: Image Classification\n    Dataset: %s\n    Metrics: {Top 1 Accuracy: %d.%02d%%}\n",
			file, j, file, benchDataset("mi", file, j), 50+j%40, file%100)
	}
}

func pwcFile(w *bufio.Writer, file, n int) {
	fmt.Fprintf(w, "[{\"task\": \"Bench task %d\", \"datasets\": [{\"dataset\": %q, \"sota\": {\"metrics\": [\"Accuracy\"], \"rows\": [\n", file%20, benchDataset("pwc", file, 0))
	for j := range n {
		sep := ","
		if j == n-1 {
			sep = ""
		}
		fmt.Fprintf(w, "  {\"model_name\": \"pwc-model-%d-%d\", \"paper_title\": \"Paper %d\", \"paper_url\": \"https://example.org/p/%d\", \"paper_date\": \"2023-01-02\", \"code_links\": [], \"uses_additional_data\": false, \"metrics\": {\"Accuracy\": \"%d.%d\", \"Number of params\": \"%dm\"}}%s\n",
			file, j, file, file, 60+j%30, j%10, 1+j%50, sep)
	}
	fmt.Fprintf(w, "]}}], \"subtasks\": []}]\n")
}

func csvFile(w *bufio.Writer, file, n int) {
	w.WriteString("task,dataset,metric,higher_is_better,metric_unit,method,value,unit,params,reported_in,source,confidence\r\n")
	for j := range n {
		fmt.Fprintf(w, "Bench task,%s,Score,true,%%,csv-model-%d-%d,%d.%d,%%,%dM,https://example.org/csv/%d,bench,high\r\n",
			benchDataset("csv", file, j), file, j, 50+j%40, j%10, 1+j%90, file)
	}
}

// measureFormats writes the folder, then runs `benchboard import DIR`
// against a fresh database, timing the whole command and reading its
// peak resident set from the kernel.
func measureFormats(ctx context.Context, cfg Config, tmp string, logf func(string, ...any)) (FormatsResult, error) {
	res := FormatsResult{Files: cfg.FormatFiles}
	root, size, err := writeFormatFiles(tmp, cfg.FormatFiles, cfg.FormatResults)
	if err != nil {
		return res, fmt.Errorf("bench: write the format files: %w", err)
	}
	defer os.RemoveAll(root)
	res.Bytes = size
	bin := cfg.ServerBin
	if bin == "" {
		logf("building ./cmd/benchboard")
		if bin, err = buildServer(ctx, tmp); err != nil {
			return res, err
		}
	}
	name := cfg.DB + "_formats"
	dsn, err := freshImportDB(ctx, cfg.ServerURL, name)
	if err != nil {
		return res, err
	}
	if !cfg.Keep {
		defer func() {
			if err := dropDatabase(context.Background(), cfg.ServerURL, name); err != nil {
				logf("drop %s: %v", name, err)
			}
		}()
	}
	logf("benchboard import of %d files (%d results, %.1f MB) into %s", cfg.FormatFiles, cfg.FormatResults, float64(size)/1e6, name)
	cmd := exec.CommandContext(ctx, bin, "import", "--actor", "benchboard-bench", root)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dsn)
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err = cmd.Run()
	res.Elapsed = time.Since(start)
	res.Output = out.String()
	if err != nil {
		return res, fmt.Errorf("bench: benchboard import: %w\n%s", err, clipOutput(res.Output))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.PeakRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	// The summary's last table line is the total: "total NEW UNCHANGED …".
	for _, line := range strings.Split(res.Output, "\n") {
		f := strings.Fields(line)
		if len(f) == 5 && f[0] == "total" {
			var nw, un, ch, co int
			fmt.Sscan(strings.Join(f[1:], " "), &nw, &un, &ch, &co)
			res.Results = nw + un + ch + co
		}
	}
	if res.Results != cfg.FormatResults {
		return res, fmt.Errorf("bench: benchboard import took in %d results, want %d\n%s", res.Results, cfg.FormatResults, clipOutput(res.Output))
	}
	return res, nil
}

func clipOutput(s string) string {
	if len(s) > 4000 {
		return s[:2000] + "\n…\n" + s[len(s)-2000:]
	}
	return s
}
