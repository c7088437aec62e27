package modelindex

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func summarize(res *Result) []string {
	var out []string
	for _, r := range res.Records {
		out = append(out, fmt.Sprintf("%s | %s | %s | %s | %v %s | params=%s compute=%q extra=%v | paper=%s %s %q | code=%v",
			r.Method, r.Task, r.Dataset, r.Metric, r.Value, r.Unit, r.Params, r.Compute, r.ExtraData, r.ArxivID, r.PaperURL, r.PaperTitle, r.CodeURL != ""))
	}
	return out
}

func TestParseSample(t *testing.T) {
	res, err := Parse(os.DirFS("testdata/sample"), "model-index.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`AlexNet | Image Classification | ImageNet | Top 1 Accuracy | 56.55 % | params=61100840 compute="1429383808 FLOPs" extra=false | paper=1404.5997 https://arxiv.org/abs/1404.5997 "" | code=true`,
		`AlexNet | Image Classification | ImageNet | Top 5 Accuracy | 79.09 % | params=61100840 compute="1429383808 FLOPs" extra=false | paper=1404.5997 https://arxiv.org/abs/1404.5997 "" | code=true`,
		`ResNet-101 | Image Classification | ImageNet | Top 1 Accuracy | 77.37 % | params=44549160 compute="15667943424 FLOPs" extra=false | paper=1512.03385 https://arxiv.org/abs/1512.03385 "" | code=true`,
		`ResNet-101 | Image Classification | ImageNet | Top 5 Accuracy | 93.56 % | params=44549160 compute="15667943424 FLOPs" extra=false | paper=1512.03385 https://arxiv.org/abs/1512.03385 "" | code=true`,
		`ResNet-152 | Image Classification | ImageNet | Top 1 Accuracy | 78.31 % | params=60192808 compute="23117674496 FLOPs" extra=false | paper=1512.03385 https://arxiv.org/abs/1512.03385 "" | code=true`,
		`ResNet-152 | Image Classification | ImageNet | Top 5 Accuracy | 94.06 % | params=60192808 compute="23117674496 FLOPs" extra=false | paper=1512.03385 https://arxiv.org/abs/1512.03385 "" | code=true`,
	}
	if got := summarize(res); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantFiles := []string{"model-index.yml", "metadata/alexnet.yml", "metadata/resnet.yml", "metadata/resnet-152.yml"}
	if !reflect.DeepEqual(res.Files, wantFiles) {
		t.Errorf("files %v, want %v", res.Files, wantFiles)
	}
	for _, r := range res.Records {
		if !r.DirectionInferred || !r.HigherIsBetter || r.Source != Source || r.ReportedIn != r.PaperURL || !strings.HasPrefix(r.Note, "Weights: https://") {
			t.Errorf("record %+v", r)
		}
	}
}

// TestParseFeatures: Import with globs, inheritance from a collection in
// another file, field names in any case, Paper as {Title, URL}, training
// data beyond the evaluation dataset, fractions.
func TestParseFeatures(t *testing.T) {
	fsys := fstest.MapFS{
		"index.yml": {Data: []byte("import:\n  - zoo/*/metafile.yml\n")},
		"zoo/a/metafile.yml": {Data: []byte(`COLLECTIONS:
  - NAME: ViT
    PAPER: {title: An Image is Worth 16x16 Words, url: 'https://arxiv.org/abs/2010.11929v2'}
    code: https://github.com/google/vit
    metadata: {training data: [ImageNet-21k, ImageNet-1k], parameters: 86M}
`)},
		"zoo/b/metafile.yml": {Data: []byte(`models:
  - name: vit-b16
    in_collection: vit
    Metadata: {FLOPs: 17.6G}
    results:
      - task: Image Classification
        dataset: ImageNet-1k
        metrics: {top1: 0.8156, "Top-1 error": 18.44, Throughput: 1234, Broken: "n/a", Empty: null}
  - Name: no-results
`)},
	}
	res, err := Parse(fsys, "index.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`vit-b16 | Image Classification | ImageNet-1k | top1 | 0.8156 fraction | params=86M compute="17.6G" extra=true | paper=2010.11929 https://arxiv.org/abs/2010.11929v2 "An Image is Worth 16x16 Words" | code=true`,
		`vit-b16 | Image Classification | ImageNet-1k | Top-1 error | 18.44 % | params=86M compute="17.6G" extra=true | paper=2010.11929 https://arxiv.org/abs/2010.11929v2 "An Image is Worth 16x16 Words" | code=true`,
		`vit-b16 | Image Classification | ImageNet-1k | Throughput | 1234  | params=86M compute="17.6G" extra=true | paper=2010.11929 https://arxiv.org/abs/2010.11929v2 "An Image is Worth 16x16 Words" | code=true`,
	}
	if got := summarize(res); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Records[1].HigherIsBetter {
		t.Error("Top-1 error: higher is better")
	}
	wantSkips := []Skip{
		{Path: `zoo/b/metafile.yml:8 Metrics["Broken"]`, Reason: "not a number"},
		{Path: `zoo/b/metafile.yml:8 Metrics["Empty"]`, Reason: "not a number"},
		{Path: "zoo/b/metafile.yml:9 no-results", Reason: "a model without Results"},
	}
	if !reflect.DeepEqual(res.Skips, wantSkips) {
		t.Errorf("skips\n%+v\nwant\n%+v", res.Skips, wantSkips)
	}
	imports, err := Imports(fsys, "index.yml")
	if err != nil || !reflect.DeepEqual(imports, []string{"zoo/a/metafile.yml", "zoo/b/metafile.yml"}) {
		t.Errorf("Imports = %v, %v", imports, err)
	}
}

// TestParseStaysInsideTheRoot: Import and Metadata paths that are
// absolute or climb out of the import root are refused, naming the file,
// the line and the path.
func TestParseStaysInsideTheRoot(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"import climbs out", "Import: [../secret.yml]\n", `index.yml: line 1:10: Import "../secret.yml": the path leaves the import root`},
		{"import climbs out of a folder", "Import: [sub/../../secret.yml]\n", `index.yml: line 1:10: Import "sub/../../secret.yml": the path leaves the import root`},
		{"absolute import", "Import:\n  - /etc/passwd\n", `index.yml: line 2:5: Import "/etc/passwd": an absolute path; paths are relative to the file: the path leaves the import root`},
		{"metadata climbs out", "Models:\n  - Name: m\n    Metadata: ../../etc/passwd\n    Results: []\n", `index.yml: line 3:15: Metadata "../../etc/passwd": the path leaves the import root`},
		{"absolute metadata", "Models:\n  - Name: m\n    Metadata: /etc/passwd\n", `index.yml: line 3:15: Metadata "/etc/passwd": an absolute path; paths are relative to the file: the path leaves the import root`},
		{"windows path", "Import: ['C:\\x.yml']\n", `index.yml: line 1:10: Import "C:\\x.yml": an absolute path; paths are relative to the file: the path leaves the import root`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"index.yml": {Data: []byte(tt.doc)}}
			_, err := Parse(fsys, "index.yml")
			if err == nil || err.Error() != tt.want || !errors.Is(err, ErrOutsideRoot) {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
	// And through a real directory: the file beside the root is not read.
	dir := t.TempDir()
	root := dir + "/root"
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/outside.yml", []byte("Models: [{Name: leaked, Results: [{Task: T, Dataset: D, Metrics: {A: 1}}]}]\n"), 0o644)
	os.WriteFile(root+"/index.yml", []byte("Import: [../outside.yml]\n"), 0o644)
	r, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if res, err := Parse(r.FS(), "index.yml"); !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("got %+v, %v; want ErrOutsideRoot", res, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"yaml", "Models: [\n", "index.yml: line 1: did not find expected node content"},
		{"no collection", "Models:\n  - Name: m\n    In Collection: Nope\n", `index.yml: line 3:20: In Collection "Nope": no such collection in this file or its imports`},
		{"models not a list", "Models: {a: 1}\n", "index.yml: line 1:9: Models: expected a list"},
		{"nameless model", "Models:\n  - Results: []\n", "index.yml: line 2:5: a model without a Name"},
		{"result without dataset", "Models:\n  - Name: m\n    Results:\n      - Task: T\n        Metrics: {A: 1}\n", "index.yml: line 4:9: a result without a Task or a Dataset"},
		{"missing import", "Import: [nope.yml]\n", `index.yml: line 1:10: Import "nope.yml": no such file`},
		{"missing metadata", "Models:\n  - Name: m\n    Metadata: nope.yml\n", "nope.yml: cannot open: file does not exist"},
		{"scalar document", "just text\n", "index.yml: line 1:1: expected a mapping (Models, Collections, Import) or a list of models"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(fstest.MapFS{"index.yml": {Data: []byte(tt.doc)}}, "index.yml")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

func TestImportCycleReadsOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yml": {Data: []byte("Import: [b.yml]\nModels: [{Name: A, Results: [{Task: T, Dataset: D, Metrics: {M: 1}}]}]\n")},
		"b.yml": {Data: []byte("Import: [a.yml, b.yml]\nModels: [{Name: B, Results: [{Task: T, Dataset: D, Metrics: {M: 2}}]}]\n")},
	}
	res, err := Parse(fsys, "a.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || !reflect.DeepEqual(res.Files, []string{"a.yml", "b.yml"}) {
		t.Errorf("records %d, files %v", len(res.Records), res.Files)
	}
}

func TestLooks(t *testing.T) {
	for doc, want := range map[string]bool{
		"Collections:\n- Name: x\n": true,
		"# c\nmodels: []\n":         true,
		"IMPORT:\n  - a.yml\n":      true,
		"Metadata:\n  FLOPs: 1\n":   false,
		"task,dataset\n":            false,
	} {
		if Looks([]byte(doc)) != want {
			t.Errorf("Looks(%q) != %v", doc, want)
		}
	}
}

// FuzzParseModelIndex: no document makes Parse panic or read outside
// the root, and every record has the names the store needs.
func FuzzParseModelIndex(f *testing.F) {
	if data, err := os.ReadFile("testdata/sample/model-index.yml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("Import: [../x.yml]\n"))
	f.Add([]byte("a: &a [*a]\nModels: *a\n"))
	f.Add([]byte("Collections: [{Name: C, Metadata: m.yml}]\nModels: [{Name: M, In Collection: C, Results: [{Task: T, Dataset: D, Metrics: {A: 1%}}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		fsys := fstest.MapFS{"index.yml": {Data: data}, "m.yml": {Data: []byte("Metadata: {Parameters: 5M}\n")}}
		res, err := Parse(fsys, "index.yml")
		if err != nil {
			return
		}
		for _, r := range res.Records {
			if r.Task == "" || r.Dataset == "" || r.Metric == "" || r.Method == "" || len(r.Method) > 300 || len(r.Raw) > 200 {
				t.Fatalf("record %+v", r)
			}
		}
	})
}
