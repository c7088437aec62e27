// Package setting sorts a leaderboard's free-text settings into the few
// evaluation protocols whose results may be compared with each other.
//
// Settings are written by whoever reported a number ("20% noise (Best) —
// as run in RDE", "frozen features; linear probe", "5-shot (avg)"). Most
// of that text describes a variant (a backbone, an input size) that
// competes on equal terms; a few words say the protocol itself differs:
// a model trained on noisy labels, evaluated zero-shot, through a linear
// probe or k-NN on frozen features, or with k examples in the prompt.
// Those results are ranked among themselves. It is pure: no database, no
// HTTP.
package setting

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Standard is the group of every setting that names no other protocol.
const Standard = "standard"

// All is the deliberate choice of every setting in one ranking.
const All = "all"

// Group is one protocol of a board.
type Group struct {
	Key   string // URL value: "standard", "zero-shot", "noise-20", "5-shot" …
	Label string // what the page shows: "20% noisy labels"
	Rows  int    // leaderboard rows in it
}

var (
	noisy  = regexp.MustCompile(`(\d{1,3})\s*%\s*(noise|noisy)`)
	kShot  = regexp.MustCompile(`\b(\d{1,3})-shot\b`)
	zero   = regexp.MustCompile(`\bzero-shot\b|\b0-shot\b`)
	probe  = regexp.MustCompile(`\blinear[ -](probe|probing|eval)`)
	kNN    = regexp.MustCompile(`\bk-?nn\b`)
	labels = map[string]string{Standard: "standard", "zero-shot": "zero-shot", "linear-probe": "linear probe", "knn": "k-NN"}
)

// Of returns the group key of a setting text.
func Of(text string) string {
	t := strings.ToLower(text)
	if m := noisy.FindStringSubmatch(t); m != nil {
		if n, _ := strconv.Atoi(m[1]); n > 0 {
			return "noise-" + m[1]
		}
		return Standard // "clean (0% noise)" is the standard protocol, said out loud
	}
	switch {
	case zero.MatchString(t):
		return "zero-shot"
	case probe.MatchString(t):
		return "linear-probe"
	case kNN.MatchString(t):
		return "knn"
	}
	if m := kShot.FindStringSubmatch(t); m != nil {
		return m[1] + "-shot"
	}
	return Standard
}

// Label is how a page names a group key.
func Label(key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	if n, ok := strings.CutPrefix(key, "noise-"); ok {
		return n + "% noisy labels"
	}
	return key
}

// GroupsOfCounts counts rows per group from rows counted per setting
// text, largest group first; ties put the standard group first, then by
// key.
func GroupsOfCounts(rowsPerText map[string]int) []Group {
	n := map[string]int{}
	for t, c := range rowsPerText {
		n[Of(t)] += c
	}
	return fromCounts(n)
}

func fromCounts(n map[string]int) []Group {
	out := make([]Group, 0, len(n))
	for k, c := range n {
		out = append(out, Group{Key: k, Label: Label(k), Rows: c})
	}
	slices.SortFunc(out, func(a, b Group) int {
		if c := cmp.Compare(b.Rows, a.Rows); c != 0 {
			return c
		}
		if (a.Key == Standard) != (b.Key == Standard) {
			if a.Key == Standard {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}

// Default is the group a board ranks by when no setting is asked for: the
// one with the most rows, where the most results can be compared with
// each other (on every seeded board that is the protocol the benchmark is
// known by). Empty for a board without rows.
func Default(groups []Group) string {
	if len(groups) == 0 {
		return ""
	}
	return groups[0].Key
}

// Has reports whether key is one of groups.
func Has(groups []Group, key string) bool {
	for _, g := range groups {
		if g.Key == key {
			return true
		}
	}
	return false
}
