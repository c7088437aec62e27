package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// nameKey is what two spellings share when they differ only in case,
// spaces, hyphens or underscores: "ResNet-50", "resnet50" and "ResNet 50"
// are one method. The SQL function name_key (migration 0020) is the same
// rule; the indexes on it serve the catalogue's lookups.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// vocabulary is the shipped table of spellings (migration 0020) of one
// kind, "dataset" or "metric": name_key of a spelling → the name it stands
// for, and each such name → its spellings.
type vocabulary struct {
	canon map[string]string
	group map[string][]string
}

// loadVocabulary reads the spellings of kind; a catalogue reads each kind
// once per import.
func (c *catalog) vocabulary(ctx context.Context, kind string) (*vocabulary, error) {
	if v := c.vocab[kind]; v != nil {
		return v, nil
	}
	var rows []struct{ Spelling, Name string }
	if err := c.tx.WithContext(ctx).Raw("SELECT spelling, name FROM spellings WHERE kind = $1 ORDER BY spelling",
		kind).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("spellings: %w", err)
	}
	v := &vocabulary{canon: map[string]string{}, group: map[string][]string{}}
	for _, r := range rows {
		v.canon[nameKey(r.Spelling)] = r.Name
		v.canon[nameKey(r.Name)] = r.Name
		k := nameKey(r.Name)
		v.group[k] = append(v.group[k], r.Spelling)
	}
	c.vocab[kind] = v
	return v, nil
}

// shotSuffix is the few-shot count the Open LLM Leaderboard writes after
// a benchmark's name ("HellaSwag (10-Shot)"): a setting, not a dataset.
var shotSuffix = regexp.MustCompile(`(?i)\s*\(\s*\d+[\s-]*shots?\s*\)\s*$`)

// canonical is the name a new row for given takes: the name its spelling
// stands for, else given itself.
func (v *vocabulary) canonical(given string) string {
	if v == nil {
		return given
	}
	if n, ok := v.canon[nameKey(given)]; ok {
		return n
	}
	if s := shotSuffix.ReplaceAllString(given, ""); s != given && s != "" {
		if n, ok := v.canon[nameKey(s)]; ok {
			return n
		}
	}
	return given
}

// candidates are the names given may be stored under, best first: given
// itself, given without a few-shot suffix, the name its spelling stands
// for, and that name's other spellings (a row created under one of them
// before the vocabulary knew it).
func (v *vocabulary) candidates(given string) []string {
	out := []string{given}
	seen := map[string]bool{nameKey(given): true}
	add := func(s string) {
		if k := nameKey(s); s != "" && !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	add(shotSuffix.ReplaceAllString(given, ""))
	if v == nil {
		return out
	}
	for _, g := range append([]string(nil), out...) {
		if n, ok := v.canon[nameKey(g)]; ok {
			add(n)
			for _, s := range v.group[nameKey(n)] {
				add(s)
			}
		}
	}
	return out
}

// Match ranks, best first: a name as it is (whatever its case), an alias
// as it is, then a name or an alias by nameKey. A key match counts only
// when it finds one row: "ViT-B/16" and "ViT B/16" both stored is a
// question for a moderator, not for the catalogue.
const (
	rankName = iota
	rankAlias
	rankNameKey
	rankAliasKey
	ranks
)

// nameMatch is one row a candidate name found.
type nameMatch struct {
	Given string
	Pos   int // the candidate's place in the given name's candidates
	Rank  int
	ID    int64
	Name  string
}

// best picks, for each given name (lower-cased), the row its best
// candidate found at its best rank; an ambiguous key match is passed over.
func best(found []nameMatch) map[string]nameMatch {
	type slot struct {
		ids   map[int64]bool
		first nameMatch
	}
	slots := map[string]map[int]*slot{}
	for _, f := range found {
		k := strings.ToLower(f.Given)
		if slots[k] == nil {
			slots[k] = map[int]*slot{}
		}
		order := f.Pos*ranks + f.Rank
		s := slots[k][order]
		if s == nil {
			s = &slot{ids: map[int64]bool{}, first: f}
			slots[k][order] = s
		}
		s.ids[f.ID] = true
		if f.ID < s.first.ID {
			s.first = f
		}
	}
	out := map[string]nameMatch{}
	for k, byOrder := range slots {
		bestOrder := -1
		for order, s := range byOrder {
			rank := order % ranks
			if len(s.ids) > 1 && (rank == rankNameKey || rank == rankAliasKey) {
				continue
			}
			if bestOrder < 0 || order < bestOrder {
				bestOrder = order
			}
		}
		if bestOrder >= 0 {
			out[k] = byOrder[bestOrder].first
		}
	}
	return out
}

// matchRows resolves names against rows already in memory (a dataset's
// metrics and their aliases), by the same ranks as lookupNames.
func matchRows(cands []string, names map[int64]string, aliases map[string]int64) (int64, bool) {
	var found []nameMatch
	for pos, cand := range cands {
		lc, kc := strings.ToLower(cand), nameKey(cand)
		for id, n := range names {
			if strings.ToLower(n) == lc {
				found = append(found, nameMatch{Given: "x", Pos: pos, Rank: rankName, ID: id})
			}
			if nameKey(n) == kc {
				found = append(found, nameMatch{Given: "x", Pos: pos, Rank: rankNameKey, ID: id})
			}
		}
		for a, id := range aliases {
			if strings.ToLower(a) == lc {
				found = append(found, nameMatch{Given: "x", Pos: pos, Rank: rankAlias, ID: id})
			}
			if nameKey(a) == kc {
				found = append(found, nameMatch{Given: "x", Pos: pos, Rank: rankAliasKey, ID: id})
			}
		}
	}
	m, ok := best(found)["x"]
	return m.ID, ok
}
