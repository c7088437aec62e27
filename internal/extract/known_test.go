package extract

import (
	"os"
	"reflect"
	"testing"
)

// knownDatasets is the dataset list the tests use, as the database would
// hand it over. testdata/datasets.json holds the same list, for
// `benchboard extract --score GOLD --datasets testdata/datasets.json FILE`.
var knownDatasets = []Dataset{
	{Name: "ImageNet-1k", Aliases: []string{"ImageNet", "ImageNet-1K", "IN-1k"}, Metric: "Top-1 accuracy"},
	{Name: "CUHK-PEDES"},
	{Name: "ICFG-PEDES"},
	{Name: "RSTPReid"},
	{Name: "MMLU", Metric: "Accuracy"},
	{Name: "Mouse Enhancers", Metric: "Accuracy"},
	{Name: "Coding vs Intergenomic", Metric: "Accuracy"},
	{Name: "Human vs Worm", Metric: "Accuracy"},
	{Name: "Human Enhancers Cohn", Metric: "Accuracy"},
	{Name: "Human Enhancers Ensembl", Metric: "Accuracy"},
	{Name: "Human Regulatory", Metric: "Accuracy"},
	{Name: "Human Nontata Promoters", Metric: "Accuracy"},
	{Name: "Human OCR Ensembl", Metric: "Accuracy"},
	{Name: "SQuAD2.0", Aliases: []string{"SQuAD 2.0"}},
	{Name: "COCO"},
	{Name: "CIFAR-100"},
}

// withoutDefaultMetrics is knownDatasets as a caller that sets no metrics would pass it.
func withoutDefaultMetrics() []Dataset {
	out := make([]Dataset, len(knownDatasets))
	for i, d := range knownDatasets {
		d.Metric = ""
		out[i] = d
	}
	return out
}

// The catalogue file the command reads must be the list the tests use, or
// the figures it prints are not the ones the tests hold to.
func TestCatalogueFileMatchesKnownDatasets(t *testing.T) {
	f, err := os.Open("testdata/datasets.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadDatasets(f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, knownDatasets) {
		t.Errorf("testdata/datasets.json:\n%+v\nwant knownDatasets:\n%+v", got, knownDatasets)
	}
}
