package extract

import (
	"regexp"
	"sort"
	"strings"
)

// Datasets are often listed short: names joined by slashes
// ("CUHK-PEDES/ICFG-PEDES/RSTPReid", "CIFAR-10/CIFAR-100"), or one stem
// with several versions or sizes ("SQuAD 1.1 and 2.0", "CIFAR-10/100").
// Each item is a dataset of its own, so that a list of numbers maps onto
// them in order ("94.6 and 88.7 F1 on SQuAD 1.1 and 2.0, respectively").

var (
	// trailingVersion follows an unknown name to give its version: "SQuAD 1.1", "SQuAD v1.1".
	trailingVersion = regexp.MustCompile(`^ ?v?\d(?:\.\d+)+\b|^ v\d+\b`)
	// numberedName splits a name that ends in a number into its stem, the
	// joint and the number: "SQuAD 1.1", "CIFAR-10", "SQuAD2.0".
	numberedName = regexp.MustCompile(`^(.*\p{L})([\s_-]*v?)(\d+(?:\.\d+)*)$`)
	// stemItem is the next item of a list that repeats the stem before it
	// with another number: " and 2.0", ", 2.0", "/100".
	stemItem = regexp.MustCompile(`^(?:\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+|/)v?(\d+(?:\.\d+)*)`)
	// stemItemEnd follows such an item: punctuation, the end, another item, or a
	// split ("on SQuAD 1.1 and 2.0 dev sets"); not a unit or a noun ("CIFAR-10
	// and 100 classes").
	stemItemEnd = regexp.MustCompile(`^(?:$|[,;:)]|\.(?:\s|$)|/|\s+(?:and|or|respectively|dev|development|test|test-dev|val|validation|sets?|splits?|benchmarks?|datasets?|tasks?)\b)`)
	versionItem = regexp.MustCompile(`^v?\d+(?:\.\d+)*$`)
)

// expandDatasetLists reads the lists of datasets written short (see
// above) among the sentence's datasets ds, and returns them with each item
// a mention of its own.
func expandDatasetLists(text string, ds []mention, m *matcher) []mention {
	ds = splitSlashed(text, ds, m)
	for i := range ds {
		d := &ds[i]
		if d.known || d.training || numberedName.MatchString(d.name) {
			continue
		}
		if v := trailingVersion.FindString(text[d.end:]); v != "" && !strings.HasPrefix(text[d.end+len(v):], "%") {
			d.end += len(v)
			d.name = text[d.start:d.end]
			d.versioned = true
		}
	}
	var extra []mention
	for _, d := range ds {
		if d.training {
			continue
		}
		extra = append(extra, stemItems(text, d, m, ds)...)
	}
	if extra == nil {
		return ds
	}
	ds = append(ds, extra...)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].start < ds[j].start })
	return ds
}

// stemItems returns the items after d that repeat its stem with another
// number: "2.0" in "SQuAD 1.1 and 2.0" is SQuAD 2.0.
func stemItems(text string, d mention, m *matcher, ds []mention) []mention {
	parts := numberedName.FindStringSubmatch(d.name)
	if parts == nil {
		return nil
	}
	stem, joint, dotted := parts[1], parts[2], strings.Contains(parts[3], ".")
	var out []mention
	pos := d.end
	for {
		loc := stemItem.FindStringSubmatchIndex(text[pos:])
		if loc == nil {
			return out
		}
		num := text[pos+loc[2] : pos+loc[3]]
		end := pos + loc[1]
		if strings.Contains(num, ".") != dotted || !stemItemEnd.MatchString(text[end:]) || overlaps(ds, pos+loc[2], end) {
			return out
		}
		out = append(out, namedItem(pos+loc[2], end, stem+joint+num, m))
		pos = end
	}
}

// namedItem is the dataset called name, written at start..end: known when
// the caller's list names it, unknown otherwise.
func namedItem(start, end int, name string, m *matcher) mention {
	for _, k := range m.find(name) {
		if k.start == 0 && k.end == len(name) {
			return mention{start: start, end: end, name: k.name, known: true}
		}
	}
	return mention{start: start, end: end, name: name}
}

func overlaps(ds []mention, start, end int) bool {
	for _, d := range ds {
		if start < d.end && d.start < end {
			return true
		}
	}
	return false
}

// splitSlashed splits a word of datasets joined by slashes into its items:
// "CUHK-PEDES/ICFG-PEDES/RSTPReid", "CIFAR-10/CIFAR-100", "CIFAR-10/100". It
// does so only when every item is a dataset (a known one, a benchmark-like
// name or the stem before it with another number) and one at least is
// known: "ViT-B/16" and "CIFAR/Cars/Flowers" stay as they are.
func splitSlashed(text string, ds []mention, m *matcher) []mention {
	for _, t := range tokenize(text) {
		if !strings.Contains(t.text, "/") || !overlaps(ds, t.start, t.end) {
			continue
		}
		var items []mention
		var names []string // each item's name as written, its stem repeated
		known := false
		pos := t.start
		for k, p := range strings.Split(t.text, "/") {
			start, end := pos, pos+len(p)
			pos = end + 1
			name := p
			if versionItem.MatchString(p) && k > 0 {
				prev := numberedName.FindStringSubmatch(names[len(names)-1])
				if prev == nil || strings.Contains(prev[3], ".") != strings.Contains(p, ".") {
					items = nil
					break
				}
				name = prev[1] + prev[2] + strings.TrimPrefix(p, "v")
			} else if !modelLike(p) {
				items = nil
				break
			}
			it := namedItem(start, end, name, m)
			known = known || it.known
			items, names = append(items, it), append(names, name)
		}
		if !known || len(items) < 2 {
			continue
		}
		ds = without(ds, func(d mention) bool { return d.start < t.end && t.start < d.end })
		ds = append(ds, items...)
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].start < ds[j].start })
	return ds
}
