package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/importer"
	"github.com/benchboard/benchboard/internal/modelindex"
	"github.com/benchboard/benchboard/internal/sheet"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
	"github.com/benchboard/benchboard/seeds"
)

// formatsDir holds a copy of every real sample file: Papers with Code
// evaluation tables, model-index YAML with its metadata files, two model
// cards, an lm-evaluation-harness results file and timm's table.
const formatsDir = "testdata/formats"

// The records each sample gives.
var sampleRecords = map[string]int{
	"testdata/formats/hf-model-cards/NeuralPipe-7B-ties.md":            6,
	"testdata/formats/hf-model-cards/WizardLM-30B-Uncensored.md":       6,
	"testdata/formats/lm-eval/results-example.json":                    8,
	"testdata/formats/model-index/model-index.yml":                     6,
	"testdata/formats/pwc-format/ogb.json":                             475,
	"testdata/formats/pwc-format/squad.json":                           772,
	"testdata/formats/spreadsheet/timm-results-imagenet-real-head.csv": 40,
}

// seeded is a fresh database holding the seed results, so the boards
// the samples belong on (ImageNet-1k, MMLU) exist.
func seeded(t *testing.T) (*store.Store, func() string, func(string, ...any) int) {
	t.Helper()
	db, _ := testdb.Open(t)
	st := store.New(db, nil)
	f, err := seeds.FS.Open(seeds.File)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := importer.Import(context.Background(), st, f, importer.Options{Name: seeds.File, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	return st, func() string { return checksum(t, db) }, func(q string, args ...any) int { return count(t, db, q, args...) }
}

// timmSheet is the mapping of the README's example:
// --dataset imagenet-1k --map model=method --map top1="Top-1 accuracy" --map param_count=params:M
func timmSheet(t *testing.T, st *store.Store) *sheet.Config {
	t.Helper()
	d, err := st.Dataset(context.Background(), "imagenet-1k")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &sheet.Config{Task: d.TaskName, Dataset: d.Name, ParentDataset: d.ParentName}
	for _, spec := range []string{"model=method", "top1=Top-1 accuracy", "param_count=params:M"} {
		m, err := sheet.ParseMap(spec)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Maps = append(cfg.Maps, m)
	}
	for _, m := range d.Metrics {
		cfg.Metrics = append(cfg.Metrics, sheet.Metric{Name: m.Name, HigherIsBetter: m.HigherIsBetter, Unit: m.Unit})
	}
	return cfg
}

// TestImportEveryFormat: the folder of samples imports in one command,
// each file's format recognised from its content; a dry run writes
// nothing; importing again changes nothing. The samples land on the
// seeded boards (ImageNet-1k, MMLU) through the shipped spellings.
func TestImportEveryFormat(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, sum, n := seeded(t)
	opt := importer.Options{Actor: "test", Sheet: timmSheet(t, st)}
	total := 0
	for _, k := range sampleRecords {
		total += k
	}

	before := sum()
	dry := opt
	dry.DryRun = true
	plan, err := importer.ImportPaths(ctx, st, []string{formatsDir}, dry)
	if err != nil {
		t.Fatal(err)
	}
	if sum() != before {
		t.Fatal("the dry run wrote to the database")
	}
	if plan.Total() != total {
		t.Errorf("dry run: %d results, want %d", plan.Total(), total)
	}

	first, err := importer.ImportPaths(ctx, st, []string{formatsDir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if first.Total() != total || first.Counts != plan.Counts {
		t.Errorf("import: %+v, want %d results as the dry run said (%+v)", first.Counts, total, plan.Counts)
	}
	got := map[string]int{}
	formats := map[string]importer.Format{}
	for _, f := range first.Files {
		got[f.Name] = f.Records
		formats[filepath.Base(f.Name)] = f.Format
	}
	if !reflect.DeepEqual(got, sampleRecords) {
		t.Errorf("records per file %v, want %v", got, sampleRecords)
	}
	wantFormats := map[string]importer.Format{
		"NeuralPipe-7B-ties.md": importer.HFCard, "WizardLM-30B-Uncensored.md": importer.HFCard,
		"results-example.json": importer.LMEval, "model-index.yml": importer.ModelIndex,
		"ogb.json": importer.PwC, "squad.json": importer.PwC, "timm-results-imagenet-real-head.csv": importer.Sheet,
	}
	if !reflect.DeepEqual(formats, wantFormats) {
		t.Errorf("formats %v, want %v", formats, wantFormats)
	}
	wantNot := []string{"testdata/formats/model-index/metadata/alexnet.yml", "testdata/formats/model-index/metadata/resnet-152.yml",
		"testdata/formats/model-index/metadata/resnet.yml"}
	if !reflect.DeepEqual(first.NotResults, wantNot) {
		t.Errorf("not results %v, want %v", first.NotResults, wantNot)
	}

	// What each format carried into the results.
	checks := []struct {
		what  string
		query string
		args  []any
		want  int
	}{
		{"lm-eval: mmlu, 5-shot, ± from stderr, direction given", `SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN metrics m ON m.id = r.metric_id
			WHERE d.slug = 'mmlu' AND m.name = 'Accuracy' AND r.setting = '5-shot' AND r.plus_minus = 0.0038 AND r.value = 0.6187 AND NOT m.direction_needs_review`, nil, 1},
		{"lm-eval: the fraction ranks as the board's percent", `SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id
			WHERE d.slug = 'mmlu' AND r.value = 0.6187 AND r.score = 61.87`, nil, 1},
		{"lm-eval: perplexity lower is better, from the file", `SELECT count(*) FROM metrics m JOIN datasets d ON d.id = m.dataset_id
			WHERE d.name = 'wikitext' AND NOT m.higher_is_better AND NOT m.direction_needs_review`, nil, 3},
		{"lm-eval: subtasks only when asked", `SELECT count(*) FROM datasets WHERE name LIKE 'mmlu\_%'`, nil, 0},
		{"model card: 5-shot MMLU with its source", `SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id
			WHERE d.slug = 'mmlu' AND r.setting = '5-shot' AND r.source = 'Open LLM Leaderboard' AND r.source_url LIKE 'https://huggingface.co/spaces/%'`, nil, 2},
		{"model-index: params and compute from Metadata", `SELECT count(*) FROM results r JOIN methods me ON me.id = r.method_id
			WHERE me.name = 'AlexNet' AND r.params = 61100840 AND r.compute_text = '1429383808 FLOPs' AND NOT r.extra_data`, nil, 2},
		{"timm: params in millions with a thousands separator", `SELECT count(*) FROM results WHERE params_text = '1,013.01M' AND params = 1013010000`, nil, 2},
		{"timm: on ImageNet-1k's Top-1 accuracy", `SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN metrics m ON m.id = r.metric_id
			WHERE d.slug = 'imagenet-1k' AND m.name = 'Top-1 accuracy' AND r.source = 'timm-results-imagenet-real-head.csv'`, nil, 40},
		{"model-index: ImageNet results on ImageNet-1k", `SELECT count(*) FROM results r JOIN datasets d ON d.id = r.dataset_id JOIN methods me ON me.id = r.method_id
			WHERE d.slug = 'imagenet-1k' AND me.name = 'AlexNet'`, nil, 2},
		{"never a second ImageNet or MMLU", `SELECT count(*) FROM datasets WHERE name_key(name) IN ('imagenet', 'imagenet1k', 'ilsvrc2012', 'mmlu', 'mmlu(5shot)', 'caismmlu')`, nil, 2},
	}
	for _, c := range checks {
		if got := n(c.query, c.args...); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}

	after := sum()
	again, err := importer.ImportPaths(ctx, st, []string{formatsDir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != total || again.Total() != total {
		t.Errorf("re-import: %+v, want all %d unchanged", again.Counts, total)
	}
	if sum() != after {
		t.Error("re-importing changed the database")
	}
}

// TestImportLMEvalSubtasks: with Subtasks, mmlu's subjects are boards
// under their groups.
func TestImportLMEvalSubtasks(t *testing.T) {
	t.Parallel()
	st, _, n := seeded(t)
	res, err := importer.ImportPaths(context.Background(), st, []string{"testdata/formats/lm-eval"}, importer.Options{Actor: "test", Subtasks: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total() != 12 {
		t.Errorf("%d results, want 12", res.Total())
	}
	if got := n(`SELECT count(*) FROM datasets c JOIN datasets p ON p.id = c.parent_id WHERE c.name = 'mmlu_formal_logic' AND p.name = 'mmlu_humanities'`); got != 1 {
		t.Errorf("mmlu_formal_logic under mmlu_humanities: %d", got)
	}
}

// TestImportBadFile: a bad file fails the whole import, naming the file
// and the place in it, and leaves the database as it was; --keep-going
// leaves it out and lists it.
func TestImportBadFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	card, err := os.ReadFile("testdata/formats/hf-model-cards/NeuralPipe-7B-ties.md")
	if err != nil {
		t.Fatal(err)
	}
	write("a/card.md", string(card))
	write("b/zoo/index.yml", "Import: [model*.yml]\n") // a glob, through os.Root's FS
	write("b/zoo/models.yml", "Models:\n  - Name: m\n    Results:\n      - Task: T\n        Metrics: {A: 1}\n")
	write("c/lm.json", `{"results": {"t": {"acc,none": 0.5}}, "higher_is_better": {"t": {"acc": true}}}`)
	write("d/escape.yml", "Import: [../a/card.md]\n")
	write("e/README.md", "---\nlicense: mit\nmodel-index: [\n---\n# a card\n")
	write("f/pwc.json", `[{"task": "T", "datasets": [{"subdataset": "S", "sota": {"rows": [{"model_name": "m", "metrics": {"A": "1"}}]}}, {"sota": null}]}]`)

	tests := []struct {
		name, path, want string
	}{
		{"model-index error in an imported file", filepath.Join(dir, "b"), filepath.ToSlash(filepath.Join(dir, "b")) + "/zoo/models.yml: line 4:9: a result without a Task or a Dataset"},
		{"lm-eval without a model", filepath.Join(dir, "c"), filepath.Join(dir, "c", "lm.json") + ": lm-eval: model_name: the file names no model"},
		{"Import out of the root", filepath.Join(dir, "d", "escape.yml"), filepath.ToSlash(filepath.Join(dir, "d")) + `/escape.yml: line 1:10: Import "../a/card.md": the path leaves the import root`},
		{"model card's YAML", filepath.Join(dir, "e"), filepath.Join(dir, "e", "README.md") + ": model card: line 3: did not find expected node content"},
		{"a dataset without a name", filepath.Join(dir, "f"), filepath.Join(dir, "f", "pwc.json") + `: pwc: at byte 127 ([0].datasets[1]): dataset has no "dataset" or "subdataset" name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, sum, _ := seeded(t)
			before := sum()
			_, err := importer.ImportPaths(ctx, st, []string{filepath.Join(dir, "a"), tt.path}, importer.Options{Actor: "test"})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), "nothing was written") {
				t.Fatalf("error %v, want it to contain %q and end with \"nothing was written\"", err, tt.want)
			}
			if sum() != before {
				t.Error("a failed import changed the database")
			}
			if strings.Contains(tt.want, "import root") && !errors.Is(err, modelindex.ErrOutsideRoot) {
				t.Errorf("error %v is not ErrOutsideRoot", err)
			}
			res, err := importer.ImportPaths(ctx, st, []string{filepath.Join(dir, "a"), tt.path}, importer.Options{Actor: "test", KeepGoing: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total() != 6 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Error, tt.want) {
				t.Errorf("--keep-going: %d results, failed %+v", res.Total(), res.Failed)
			}
		})
	}
}

// TestImportZip: a zip of a folder imports like the folder; a zip that
// climbs out of its folder, or holds too much, is refused.
func TestImportZip(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(formatsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "spreadsheet") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(strings.TrimPrefix(filepath.ToSlash(p), formatsDir+"/"))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fsys, err := importer.OpenZip(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	st, _, _ := seeded(t)
	res, err := importer.ImportFS(context.Background(), st, fsys, "formats.zip", importer.Options{Actor: "test", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := 6 + 6 + 8 + 6 + 475 + 772; res.Total() != want {
		t.Errorf("%d results, want %d", res.Total(), want)
	}

	bad := []struct {
		name  string
		build func(*zip.Writer)
		want  string
	}{
		{"climbs out", func(zw *zip.Writer) { zw.Create("../evil.yml") }, `entry "../evil.yml" is not a relative path`},
		{"absolute", func(zw *zip.Writer) { zw.Create("/etc/x.yml") }, `entry "/etc/x.yml" is not a relative path`},
		{"too many entries", func(zw *zip.Writer) {
			for i := 0; i <= 10000; i++ {
				zw.CreateHeader(&zip.FileHeader{Name: "f" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ".txt", Method: zip.Store})
			}
		}, "10001 entries; at most 10000"},
		{"a bomb", func(zw *zip.Writer) {
			w, _ := zw.Create("big.json")
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < 201; i++ {
				w.Write(chunk)
			}
		}, "more than 200 MB uncompressed"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			tt.build(zw)
			zw.Close()
			_, err := importer.OpenZip(buf.Bytes())
			if !errors.Is(err, importer.ErrBadZip) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		head string
		want importer.Format
		ok   bool
	}{
		{"pwc", `[{"task": "x"}]`, importer.PwC, true},
		{"lm-eval", "{\n  \"results\": {}", importer.LMEval, true},
		{"other json", `{"a": 1}`, "", false},
		{"card", "---\nmodel-index:\n- name: x\n---\n", importer.HFCard, true},
		{"card without results", "---\nlicense: mit\n---\n", "", false},
		{"model-index", "Collections:\n- Name: x\n", importer.ModelIndex, true},
		{"metadata file", "Metadata:\n  FLOPs: 1\n", "", false},
		{"benchboard csv", "task,dataset,metric,higher_is_better,method,value\n", importer.CSV, true},
		{"csv with a misspelt column", "task,dataset,colour\n", importer.CSV, true},
		{"sheet", "model,top1,param_count\n", importer.Sheet, true},
		{"text", "hello\n", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		got, ok := importer.Detect([]byte(tt.head))
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: Detect = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
