package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// GoldPaper is one abstract of a gold file: every true score in it, written
// down by a person, and the benchmark names near scores that the catalogue
// does not know. A gold file is a JSON array of them (the format of
// testdata/labelled.json).
type GoldPaper struct {
	Title   string      `json:"title"`
	Scores  []GoldScore `json:"scores"`
	Unknown []string    `json:"unknown"`
}

// GoldScore is one true score. Method is "" when the paper never names its
// own method; the extractor then credits the paper's title, so "" is
// compared as the title.
type GoldScore struct {
	Method   string  `json:"method"`
	Dataset  string  `json:"dataset"`
	Metric   string  `json:"metric"`
	Value    float64 `json:"value"`
	RangeEnd bool    `json:"range_end,omitempty"`
}

// Key is the key a candidate for this score has (see Candidate.Key).
func (g GoldScore) Key(paper string) string {
	method := g.Method
	if method == "" {
		method = paper
	}
	return Candidate{Paper: paper, Method: method, Dataset: g.Dataset, Metric: g.Metric, Value: g.Value}.Key()
}

// ReadGold reads a gold file, and says which paper and score is malformed.
func ReadGold(r io.Reader) ([]GoldPaper, error) {
	var gold []GoldPaper
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&gold); err != nil {
		return nil, fmt.Errorf("gold file: %w", err)
	}
	for i, p := range gold {
		for j, s := range p.Scores {
			where := fmt.Sprintf("gold file: paper %d (%q), score %d", i+1, p.Title, j+1)
			switch {
			case strings.TrimSpace(s.Dataset) == "":
				return nil, fmt.Errorf("%s: field \"dataset\" is empty", where)
			case strings.TrimSpace(s.Metric) == "":
				return nil, fmt.Errorf("%s: field \"metric\" is empty", where)
			}
		}
	}
	return gold, nil
}

// ReadDatasets reads a catalogue: a JSON array of datasets with their
// aliases and default metric ({"name": "ImageNet-1k", "aliases":
// ["ImageNet"], "metric": "Top-1 accuracy"}).
func ReadDatasets(r io.Reader) ([]Dataset, error) {
	var ds []Dataset
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("catalogue: %w", err)
	}
	for i, d := range ds {
		if strings.TrimSpace(d.Name) == "" {
			return nil, fmt.Errorf("catalogue: dataset %d: field \"name\" is empty", i+1)
		}
	}
	if len(ds) == 0 {
		return nil, errors.New("catalogue: no datasets")
	}
	return ds, nil
}

// Measure is precision and recall of one kind of finding.
type Measure struct {
	Precision, Recall         float64
	TruePos, FalsePos, Missed int
}

func (m Measure) String() string {
	return fmt.Sprintf("precision %.3f (%d/%d), recall %.3f (%d/%d)",
		m.Precision, m.TruePos, m.TruePos+m.FalsePos, m.Recall, m.TruePos, m.TruePos+m.Missed)
}

func (m *Measure) finish() {
	m.Precision = ratio(m.TruePos, m.TruePos+m.FalsePos)
	m.Recall = ratio(m.TruePos, m.TruePos+m.Missed)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Scoring is how a result compares with a gold file.
type Scoring struct {
	Scores  Measure // candidates against gold scores
	Unknown Measure // unknown datasets against gold unknown names

	// What went wrong, for whoever is allowed to look.
	FalsePositives []Candidate
	MissedScores   []string // gold keys (see GoldScore.Key) with no candidate
	WrongUnknown   []Unknown
	MissedUnknown  []string // "paper|name"
}

// Score compares candidates and unknown datasets with a gold file. A
// candidate is right when its paper, method (in any case), dataset, metric
// and value equal a gold score's. An unknown phrase is right when it
// contains a gold name of its paper or is contained in one ("WMT14
// English-German" for "WMT14").
func Score(res Result, gold []GoldPaper) Scoring {
	var sc Scoring
	want := map[string]bool{}
	var wantOrder []string
	wantUnknown := map[string][]string{}
	for _, p := range gold {
		for _, g := range p.Scores {
			k := g.Key(p.Title)
			if !want[k] {
				want[k] = true
				wantOrder = append(wantOrder, k)
			}
		}
		wantUnknown[p.Title] = append(wantUnknown[p.Title], p.Unknown...)
	}
	got := map[string]bool{}
	for _, c := range res.Candidates {
		k := c.Key()
		if got[k] {
			continue
		}
		got[k] = true
		if want[k] {
			sc.Scores.TruePos++
		} else {
			sc.Scores.FalsePos++
			sc.FalsePositives = append(sc.FalsePositives, c)
		}
	}
	for _, k := range wantOrder {
		if !got[k] {
			sc.Scores.Missed++
			sc.MissedScores = append(sc.MissedScores, k)
		}
	}
	matched := map[string]bool{}
	for _, u := range res.Unknown {
		ok := false
		phrase := strings.ToLower(u.Phrase)
		for _, w := range wantUnknown[u.Paper] {
			lw := strings.ToLower(w)
			if strings.Contains(phrase, lw) || strings.Contains(lw, phrase) {
				ok = true
				matched[u.Paper+"|"+w] = true
			}
		}
		if ok {
			sc.Unknown.TruePos++
		} else {
			sc.Unknown.FalsePos++
			sc.WrongUnknown = append(sc.WrongUnknown, u)
		}
	}
	for _, p := range gold {
		for _, w := range p.Unknown {
			if !matched[p.Title+"|"+w] {
				sc.Unknown.Missed++
				sc.MissedUnknown = append(sc.MissedUnknown, p.Title+"|"+w)
			}
		}
	}
	sc.Scores.finish()
	sc.Unknown.finish()
	return sc
}
