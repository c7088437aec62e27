package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// The two leaderboards the figures address by slug. Their sizes do not
// change with --quick, so their figures compare across scales.
const (
	SmallSlug = "bench-100" // exactly 100 rows, 2 metrics
	LargeSlug = "bench-10k" // exactly 10,000 rows, 2 metrics
	smallRows = 100
	largeRows = 10_000
)

// Scale is the size of the synthetic database.
type Scale struct {
	Results  int
	Datasets int
	Methods  int
	Tasks    int
	Seed     uint64
}

// DefaultScale is issue 5's: a million results over 10,000 datasets and
// 100,000 methods.
var DefaultScale = Scale{Results: 1_000_000, Datasets: 10_000, Methods: 100_000, Tasks: 100, Seed: 5}

// Plan is the whole synthetic catalogue, decided up front; results are
// generated from it dataset by dataset (deterministically, per dataset
// seed) so that nothing of size Results is ever held in memory.
type Plan struct {
	Scale
	Papers   int
	Tasks    []string // name of task id i+1
	Datasets []DatasetPlan
}

// DatasetPlan is one leaderboard to generate.
type DatasetPlan struct {
	ID       int64
	TaskID   int64
	ParentID int64 // 0: none
	Name     string
	Slug     string
	Metrics  []MetricPlan // primary first
	Results  int          // results to generate
	Rows     int          // > 0: exactly this many rows, every metric reported in each
}

// MetricPlan is one metric of a dataset.
type MetricPlan struct {
	ID             int64
	Name           string
	Slug           string
	HigherIsBetter bool
	Unit           string
	Decimals       int
	Primary        bool
	Position       int
	lo, hi         float64 // range of generated values
}

// metricKinds is what real leaderboards measure; a dataset draws 1–3.
var metricKinds = []MetricPlan{
	{Name: "Accuracy", HigherIsBetter: true, Unit: "%", Decimals: 2, lo: 40, hi: 99.5},
	{Name: "Top-5 accuracy", HigherIsBetter: true, Unit: "%", Decimals: 2, lo: 60, hi: 99.9},
	{Name: "F1", HigherIsBetter: true, Unit: "%", Decimals: 2, lo: 30, hi: 98},
	{Name: "Error rate", HigherIsBetter: false, Unit: "%", Decimals: 2, lo: 0.5, hi: 40},
	{Name: "BLEU", HigherIsBetter: true, Unit: "", Decimals: 2, lo: 5, hi: 50},
	{Name: "AUROC", HigherIsBetter: true, Unit: "fraction", Decimals: 3, lo: 0.5, hi: 0.999},
	{Name: "MAE", HigherIsBetter: false, Unit: "", Decimals: 3, lo: 0.05, hi: 5},
	{Name: "Exact match", HigherIsBetter: true, Unit: "%", Decimals: 1, lo: 10, hi: 95},
	{Name: "mAP", HigherIsBetter: true, Unit: "%", Decimals: 1, lo: 10, hi: 70},
	{Name: "Perplexity", HigherIsBetter: false, Unit: "", Decimals: 2, lo: 5, hi: 200},
}

var (
	taskWords    = []string{"Image classification", "Object detection", "Semantic segmentation", "Question answering", "Machine translation", "Language modelling", "Speech recognition", "Node classification", "Link prediction", "Time series forecasting", "Text classification", "Named entity recognition", "Image generation", "Reinforcement learning", "Molecular property prediction", "Pose estimation", "Video classification", "Summarization", "Code generation", "Recommendation"}
	corpusWords  = []string{"ImageNet", "COCO", "SQuAD", "WMT", "GLUE", "LibriSpeech", "Cora", "OGB", "CIFAR", "ADE", "Kinetics", "MMLU", "HumanEval", "QM", "Atari", "MovieLens", "CNN-DailyMail", "CoNLL", "Cityscapes", "ETTh"}
	familyWords  = []string{"ResNet", "ViT", "BERT", "GPT", "ConvNeXt", "EfficientNet", "Swin", "DeiT", "RoBERTa", "T", "LLaMA", "GCN", "GraphSAGE", "Wav", "DINO", "CLIP", "Mamba", "UNet", "XGBoost", "Transformer"}
	sizeWords    = []string{"S", "B", "L", "H", "XL", "Tiny", "Base", "Large", "Mini", "Nano"}
	settingWords = []string{"zero-shot", "few-shot", "fine-tuned", "linear probe", "5-shot", "single model", "ensemble"}
	titleWords   = []string{"Scaling", "Revisiting", "Learning", "Towards", "Efficient", "Robust", "Simple", "Deep", "Sparse", "Self-supervised"}
	topicWords   = []string{"representations", "attention", "pre-training", "distillation", "augmentation", "graphs", "retrieval", "alignment", "quantization", "contrastive learning"}
)

// headSizes are the few very large leaderboards besides LargeSlug, as
// shares of a million results (one metric each, so rows = results).
var headSizes = []int{30_000, 20_000, 14_000}

// NewPlan decides every task, dataset and metric, and how many results
// each dataset gets: a lognormal spread (most leaderboards under 50
// results, a long tail of large ones), plus the fixed ones above.
func NewPlan(sc Scale) (*Plan, error) {
	fixed := largeRows*2 + smallRows*2
	if sc.Datasets < 3 || sc.Tasks < 1 || sc.Methods < largeRows {
		return nil, fmt.Errorf("bench: scale too small: need at least 3 datasets, 1 task and %d methods", largeRows)
	}
	if sc.Results < fixed+sc.Datasets {
		return nil, fmt.Errorf("bench: scale too small: need at least %d results for %d datasets", fixed+sc.Datasets, sc.Datasets)
	}
	rng := rand.New(rand.NewPCG(sc.Seed, 0x5eed))
	p := &Plan{Scale: sc, Papers: (sc.Methods + 1) / 2}
	for i := range sc.Tasks {
		p.Tasks = append(p.Tasks, fmt.Sprintf("%s %d", taskWords[i%len(taskWords)], i+1))
	}
	// Heads shrink with the scale; the two addressed boards do not.
	heads := make([]int, 0, len(headSizes))
	for _, h := range headSizes {
		if n := int(int64(h) * int64(sc.Results) / 1_000_000); n >= 1 && len(heads)+3 <= sc.Datasets {
			heads = append(heads, n)
		}
	}
	headTotal := 0
	for _, h := range heads {
		headTotal += h
	}
	rest := sc.Datasets - 2 - len(heads)
	if sc.Results-fixed-headTotal < rest {
		heads, headTotal, rest = nil, 0, sc.Datasets-2
	}
	tail := Sizes(rng, rest, sc.Results-fixed-headTotal, 1.6, 50_000)

	metricID := int64(0)
	addMetrics := func(d *DatasetPlan, n int) {
		perm := rng.Perm(len(metricKinds))
		for k := range n {
			m := metricKinds[perm[k]]
			metricID++
			m.ID, m.Primary, m.Position, m.Slug = metricID, k == 0, k, store.Slugify(m.Name)
			d.Metrics = append(d.Metrics, m)
		}
	}
	for i := range sc.Datasets {
		id := int64(i + 1)
		d := DatasetPlan{ID: id, TaskID: int64(rng.IntN(sc.Tasks)) + 1}
		switch {
		case i == 0:
			d.Name, d.Rows, d.Results = "Bench-10k", largeRows, largeRows*2
			addMetrics(&d, 2)
		case i == 1:
			d.Name, d.Rows, d.Results = "Bench-100", smallRows, smallRows*2
			addMetrics(&d, 2)
		case i-2 < len(heads):
			d.Name, d.Results = fmt.Sprintf("%s-%d", corpusWords[i%len(corpusWords)], i), heads[i-2]
			addMetrics(&d, 1)
		default:
			d.Name, d.Results = fmt.Sprintf("%s-%d", corpusWords[i%len(corpusWords)], i), tail[i-2-len(heads)]
			n := 1
			switch r := rng.Float64(); {
			case r < 0.2:
				n = 3
			case r < 0.5:
				n = 2
			}
			addMetrics(&d, n)
			// A few datasets sit under a parent (GenomicBenchmarks-style);
			// parents come first so an import meets them before children.
			if i >= 60 && rng.Float64() < 0.02 {
				d.ParentID = int64(10 + rng.IntN(40))
			}
		}
		d.Slug = store.Slugify(d.Name)
		p.Datasets = append(p.Datasets, d)
	}
	for _, i := range []int{0, 1} {
		if want := []string{LargeSlug, SmallSlug}[i]; p.Datasets[i].Slug != want {
			return nil, fmt.Errorf("bench: dataset slug %q, want %q", p.Datasets[i].Slug, want)
		}
	}
	return p, nil
}

// Sizes splits total into n positive sizes drawn from a lognormal with
// the given sigma, each at most cap (when the total allows), summing to
// exactly total. It is pure given rng.
func Sizes(rng *rand.Rand, n, total int, sigma float64, capSize int) []int {
	if n <= 0 {
		return nil
	}
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = math.Exp(sigma * rng.NormFloat64())
		sum += w[i]
	}
	out := make([]int, n)
	got := 0
	for i := range w {
		out[i] = max(1, min(capSize, int(math.Floor(float64(total)*w[i]/sum))))
		got += out[i]
	}
	// Hand out (or take back) the rounding difference one at a time,
	// round-robin, never going below 1 or (when avoidable) above capSize.
	for i := 0; got != total; i = (i + 1) % n {
		switch {
		case got < total && (out[i] < capSize || total > n*capSize):
			out[i]++
			got++
		case got > total && out[i] > 1:
			out[i]--
			got--
		}
	}
	return out
}

// Method is the name, slug and introducing paper (-1: none) of method i
// (0-based); the name carries i, so names and slugs are unique.
func (p *Plan) Method(i int) (name, slug string, paper int) {
	f := familyWords[i%len(familyWords)]
	s := sizeWords[(i/len(familyWords))%len(sizeWords)]
	name = fmt.Sprintf("%s-%s %d", f, s, i)
	paper = -1
	if i%5 != 4 {
		paper = i / 2
	}
	return name, store.Slugify(name), paper
}

// PaperPlan is one paper.
type PaperPlan struct {
	Title     string
	Slug      string
	ArxivID   string // "" for none
	URL       string
	Published time.Time // zero: only the year is known, or nothing
	Year      int       // 0: unknown
	CodeURL   string
}

// Paper describes paper j (0-based): 90% have an arXiv id, most a full
// date, some only a year, a few nothing.
func (p *Plan) Paper(j int) PaperPlan {
	title := fmt.Sprintf("%s %s for %s (%d)", titleWords[j%len(titleWords)], topicWords[(j/len(titleWords))%len(topicWords)],
		taskWords[(j/7)%len(taskWords)], j)
	pp := PaperPlan{Title: title, Slug: store.Slugify(title), URL: fmt.Sprintf("https://example.org/papers/%d", j)}
	yy, mm := 14+(j*7)%11, 1+(j*5)%12
	if j%10 != 9 && j < 90_000 {
		pp.ArxivID = fmt.Sprintf("%02d%02d.%05d", yy, mm, 10_000+j)
		pp.URL = "https://arxiv.org/abs/" + pp.ArxivID
	}
	switch {
	case j%20 == 19:
		// no date at all
	case j%10 == 8:
		pp.Year = 2000 + yy
	default:
		pp.Published = time.Date(2000+yy, time.Month(mm), 1+j%28, 0, 0, 0, 0, time.UTC)
		pp.Year = 2000 + yy
	}
	if j%2 == 0 {
		pp.CodeURL = fmt.Sprintf("https://github.com/example/repo-%d", j)
	}
	return pp
}

// Row is one generated result, in the results table's columns.
type Row struct {
	ID         int64
	DatasetID  int64
	MetricID   int64
	MethodID   int64 // 1-based
	PaperID    int64 // 1-based; 0: none
	Value      float64
	PlusMinus  *float64
	Unit       string
	Raw        string
	Setting    string
	ExtraData  bool
	ParamsText string
	Params     float64 // 0: unknown
	ReportedIn string
	Source     string
	SourceURL  string
	Confidence string
	Metric     *MetricPlan
}

// entry is one leaderboard row's shared columns.
type entry struct {
	method             int // 0-based
	setting            string
	extra              bool
	paramsText         string
	params             float64
	reportedIn, srcURL string
	confidence         string
	quality            float64
}

// Generate calls emit for each result of d, ids counted from *nextID. The
// sequence depends only on the plan's seed and d, so the bulk load and
// the CSV import see the same rows.
func (p *Plan) Generate(d *DatasetPlan, nextID *int64, emit func(*Row) error) error {
	rng := rand.New(rand.NewPCG(p.Seed^uint64(d.ID)*0x9e3779b97f4a7c15, uint64(d.ID)))
	used := make(map[int]bool)
	stride := coprimeStride(rng, p.Methods)
	cursor := rng.IntN(p.Methods)
	// Method popularity is skewed: a few (ResNet-50-like) appear on very
	// many leaderboards, the rest once or twice.
	zipf := rand.NewZipf(rng, 1.3, 8, uint64(p.Methods-1))
	pick := func() int {
		if len(used) < p.Methods/2 && rng.Float64() < 0.25 {
			if m := int(zipf.Uint64()); !used[m] {
				return m
			}
		}
		for used[cursor] {
			cursor = (cursor + stride) % p.Methods
		}
		return cursor
	}
	var entries []entry
	results, rows := 0, 0
	for {
		if d.Rows > 0 && rows == d.Rows || d.Rows == 0 && results >= d.Results {
			return nil
		}
		var e entry
		if len(entries) > 0 && rng.Float64() < 0.01 {
			// A second source reporting the same method and setting with
			// another number: the leaderboard shows it as a conflict.
			e = entries[rng.IntN(len(entries))]
			e.reportedIn = fmt.Sprintf("Reproduction %d-%d of %s", d.ID, rows, e.reportedIn)
			e.srcURL = ""
			e.quality = math.Max(0, e.quality-0.01-0.05*rng.Float64())
		} else {
			if len(used) == p.Methods {
				clear(used) // more rows than methods: repeat them under another setting
			}
			e.method = pick()
			used[e.method] = true
			if rng.Float64() < 0.15 {
				e.setting = settingWords[rng.IntN(len(settingWords))]
			}
			if rows >= p.Methods {
				e.setting = fmt.Sprintf("run %d", rows/p.Methods)
			}
			e.extra = rng.Float64() < 0.1
			if rng.Float64() < 0.4 {
				n := 1 + rng.IntN(2000)
				e.paramsText, e.params = strconv.Itoa(n)+"M", float64(n)*1e6
			}
			_, _, paper := p.Method(e.method)
			if paper >= 0 && rng.Float64() < 0.9 {
				pp := p.Paper(paper)
				e.reportedIn = pp.Title
				if pp.ArxivID != "" {
					e.srcURL = pp.URL
				}
			} else {
				e.reportedIn = fmt.Sprintf("Leaderboard submission %d-%d", d.ID, rows)
			}
			e.confidence = "high"
			if r := rng.Float64(); r < 0.03 {
				e.confidence = "low"
			} else if r < 0.1 {
				e.confidence = "med"
			}
			e.quality = rng.Float64()
			entries = append(entries, e)
		}
		rows++
		for k := range d.Metrics {
			m := &d.Metrics[k]
			if k > 0 && d.Rows == 0 && rng.Float64() >= 0.6 {
				continue
			}
			if d.Rows == 0 && results >= d.Results {
				break
			}
			q := math.Min(1, math.Max(0, e.quality+0.05*rng.NormFloat64()))
			if !m.HigherIsBetter {
				q = 1 - q
			}
			scale := math.Pow(10, float64(m.Decimals))
			v := math.Round((m.lo+q*(m.hi-m.lo))*scale) / scale
			r := Row{ID: *nextID, DatasetID: d.ID, MetricID: m.ID, MethodID: int64(e.method) + 1,
				Value: v, Unit: m.Unit, Raw: strconv.FormatFloat(v, 'f', m.Decimals, 64),
				Setting: e.setting, ExtraData: e.extra, ParamsText: e.paramsText, Params: e.params,
				ReportedIn: e.reportedIn, Source: "paper", SourceURL: e.srcURL, Confidence: e.confidence, Metric: m}
			if _, _, paper := p.Method(e.method); paper >= 0 {
				r.PaperID = int64(paper) + 1
			}
			if rng.Float64() < 0.1 {
				pm := math.Round(rng.Float64()*(m.hi-m.lo)*0.02*scale) / scale
				r.PlusMinus = &pm
			}
			*nextID++
			results++
			if err := emit(&r); err != nil {
				return err
			}
		}
	}
}

// coprimeStride is a step through 0..n-1 that visits every index once.
func coprimeStride(rng *rand.Rand, n int) int {
	for {
		s := 1 + rng.IntN(n)
		if gcd(s, n) == 1 {
			return s
		}
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Record is r in the CSV format the import reads.
func (p *Plan) Record(r *Row) model.Record {
	d := &p.Datasets[r.DatasetID-1]
	m := r.Metric
	method, _, paper := p.Method(int(r.MethodID - 1))
	rec := model.Record{
		Task: p.Tasks[d.TaskID-1], Dataset: d.Name, Metric: m.Name, HigherIsBetter: m.HigherIsBetter,
		MetricUnit: m.Unit, PrimaryMetric: m.Primary, Method: method, Value: r.Value, PlusMinus: r.PlusMinus,
		Unit: r.Unit, Raw: r.Raw, Setting: r.Setting, ExtraData: r.ExtraData, Params: r.ParamsText,
		ReportedIn: r.ReportedIn, Source: r.Source, SourceURL: r.SourceURL, Confidence: r.Confidence,
	}
	if d.ParentID > 0 {
		rec.ParentDataset = p.Datasets[d.ParentID-1].Name
	}
	if paper >= 0 {
		pp := p.Paper(paper)
		rec.PaperTitle, rec.ArxivID, rec.PaperURL, rec.CodeURL = pp.Title, pp.ArxivID, pp.URL, pp.CodeURL
		switch {
		case !pp.Published.IsZero():
			rec.PaperDate = pp.Published.Format(time.DateOnly)
		case pp.Year != 0:
			rec.PaperDate = strconv.Itoa(pp.Year)
		}
	}
	return rec
}

// DatasetBySlug finds a planned dataset.
func (p *Plan) DatasetBySlug(slug string) *DatasetPlan {
	for i := range p.Datasets {
		if p.Datasets[i].Slug == slug {
			return &p.Datasets[i]
		}
	}
	return nil
}
