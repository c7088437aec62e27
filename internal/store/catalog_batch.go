package store

import (
	"time"

	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// prefetch resolves the datasets, metrics, papers and methods of a batch
// of records in a few statements for the whole batch, instead of a lookup,
// a free-slug check and an insert per new name: an import of the
// Papers-with-Code dump names a new method every few rows, and those round
// trips were most of its time. It is the only way papers and methods come
// into the catalogue: paper and method find the batch's names in the cache
// afterwards, and resolve a leftover as a batch of one.
func (c *catalog) prefetch(ctx context.Context, recs []model.Record, keys []recordKeys) error {
	if err := c.prefetchDatasets(ctx, recs, keys); err != nil {
		return err
	}
	if err := c.prefetchMetrics(ctx, recs, keys); err != nil {
		return err
	}
	if err := c.prefetchPapers(ctx, recs, keys); err != nil {
		return err
	}
	return c.prefetchMethods(ctx, recs, keys)
}

// paperKey is how the catalogue tells papers apart: the arXiv id when
// there is one, else the title.
func paperKey(rec model.Record) string {
	if rec.ArxivID != "" {
		return "a:" + rec.ArxivID
	}
	return "t:" + strings.ToLower(rec.PaperTitle)
}

// newPaper is the papers row a record describes.
type newPaper struct {
	title, url, code            string
	arxiv, published, precision *string
	year                        *int
}

func paperOf(rec model.Record) newPaper {
	p := newPaper{title: rec.PaperTitle, url: rec.PaperURL, code: rec.CodeURL}
	if p.title == "" {
		p.title = "arXiv " + rec.ArxivID
	}
	if rec.ArxivID != "" {
		arxiv := rec.ArxivID
		p.arxiv = &arxiv
		if p.url == "" {
			p.url = "https://arxiv.org/abs/" + arxiv
		}
	}
	if rec.PaperDate != "" {
		d, _ := model.ParsePartialDate(rec.PaperDate) // checked by the reader
		y, precision := d.Time.Year(), d.Precision
		p.year, p.precision = &y, &precision
		if d.Precision != model.PrecisionYear {
			day := d.Time.Format(time.DateOnly) // a month is kept as its first day
			p.published = &day
		}
	}
	return p
}

func (c *catalog) prefetchPapers(ctx context.Context, recs []model.Record, recKeys []recordKeys) error {
	var keys []string
	first := map[string]model.Record{}
	var arxivs, titles []string
	for i, rec := range recs {
		k := recKeys[i].paper
		if k == "" || i > 0 && k == recKeys[i-1].paper {
			continue
		}
		// The batch's own map first: a paper comes back record after
		// record, and the cache, which holds every paper met, is the
		// slower lookup.
		if _, ok := first[k]; ok {
			continue
		}
		first[k] = rec
		if _, ok := c.papers[k]; ok {
			continue
		}
		keys = append(keys, k)
		if rec.ArxivID != "" {
			arxivs = append(arxivs, rec.ArxivID)
		} else {
			titles = append(titles, rec.PaperTitle)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	// Postgres compares the titles (lower() as the unique index has it),
	// and answers with the title as given, which keys the cache.
	var found []struct {
		ID    int64
		Arxiv *string
		Given string
	}
	err := c.tx.WithContext(ctx).Raw(`SELECT p.id, p.arxiv_id AS arxiv, '' AS given FROM papers p WHERE p.arxiv_id = ANY($1)
		UNION ALL
		SELECT p.id, NULL, t.given FROM unnest($2::text[]) AS t(given)
		JOIN papers p ON lower(p.title) = lower(t.given) AND p.arxiv_id IS NULL`, arxivs, titles).Scan(&found).Error
	if err != nil {
		return fmt.Errorf("papers: %w", err)
	}
	for _, f := range found {
		if f.Arxiv != nil {
			c.papers["a:"+*f.Arxiv] = f.ID
		} else {
			c.papers["t:"+strings.ToLower(f.Given)] = f.ID
		}
	}
	var missing []string
	var names []string
	for _, k := range keys {
		if _, ok := c.papers[k]; !ok {
			missing = append(missing, k)
			names = append(names, paperOf(first[k]).title)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slugs, err := c.freeSlugs(ctx, "papers", names)
	if err != nil {
		return fmt.Errorf("papers: %w", err)
	}
	n := len(missing)
	var (
		title, url, code = make([]string, n), make([]string, n), make([]string, n)
		arxiv, published = make([]*string, n), make([]*string, n)
		precision        = make([]*string, n)
		year             = make([]*int64, n)
	)
	for i, k := range missing {
		p := paperOf(first[k])
		title[i], url[i], code[i], arxiv[i], published[i], precision[i] = p.title, p.url, p.code, p.arxiv, p.published, p.precision
		if p.year != nil {
			y := int64(*p.year)
			year[i] = &y
		}
	}
	err = c.insertBatch(ctx, `INSERT INTO papers (slug, title, arxiv_id, url, year, published, code_url, date_precision)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::text[], $8::text[])`,
		missing, slugs, c.papers, title, arxiv, url, year, published, code, precision)
	if err != nil {
		return fmt.Errorf("papers: %w", err)
	}
	return nil
}

// insertBatch runs insert (a statement whose first parameter is the slugs)
// with ON CONFLICT DO NOTHING and files each inserted row's id under its
// key in into. A row not inserted — a name that only Postgres's lower()
// finds equal to another one of the batch — is left out, for paper or
// method to look up record by record.
func (c *catalog) insertBatch(ctx context.Context, insert string, keys, slugs []string, into map[string]int64, args ...any) error {
	var ids []struct {
		ID   int64
		Slug string
	}
	err := c.tx.WithContext(ctx).Raw(insert+" ON CONFLICT DO NOTHING RETURNING id, slug", append([]any{slugs}, args...)...).Scan(&ids).Error
	if err != nil {
		return err
	}
	bySlug := make(map[string]int64, len(ids))
	for _, r := range ids {
		bySlug[r.Slug] = r.ID
	}
	for i, k := range keys {
		if id, ok := bySlug[slugs[i]]; ok {
			into[k] = id
		}
	}
	return nil
}

func (c *catalog) prefetchMethods(ctx context.Context, recs []model.Record, recKeys []recordKeys) error {
	var keys, names []string
	seen := map[string]bool{}
	for i, rec := range recs {
		k := recKeys[i].method
		if i > 0 && k == recKeys[i-1].method || seen[k] {
			continue
		}
		seen[k] = true
		if _, ok := c.methods[k]; ok {
			continue
		}
		keys = append(keys, k)
		names = append(names, rec.Method)
	}
	if len(keys) > 0 {
		if err := c.lookupNames(ctx, "methods", "method_aliases", "method_id", names, nil, c.methods); err != nil {
			return fmt.Errorf("methods: %w", err)
		}
		var missing, missingNames []string
		// "BERT base" and "BERT-base" new in one batch are one method, as
		// they are when the second comes in a later batch.
		firstOfKey := map[string]string{}
		dups := map[string]string{}
		for i, k := range keys {
			if _, ok := c.methods[k]; ok {
				continue
			}
			nk := nameKey(names[i])
			if first, ok := firstOfKey[nk]; ok {
				dups[k] = first
				continue
			}
			firstOfKey[nk] = k
			missing = append(missing, k)
			missingNames = append(missingNames, names[i])
		}
		defer func() {
			for k, first := range dups {
				if id, ok := c.methods[first]; ok {
					c.methods[k] = id
				}
			}
		}()
		if len(missing) > 0 {
			slugs, err := c.freeSlugs(ctx, "methods", missingNames)
			if err != nil {
				return fmt.Errorf("methods: %w", err)
			}
			// A new method comes in with the paper of its first record
			// that names one: updating it afterwards rewrote the row and
			// every index entry, the name's trigrams too.
			first := c.firstPapers(recKeys)
			papers := make([]*int64, len(missing))
			for i := range missing {
				papers[i] = first[nameKey(missingNames[i])]
			}
			err = c.insertBatch(ctx, `INSERT INTO methods (slug, name, paper_id, needs_review)
				SELECT u.*, $4::bool FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u`,
				missing, slugs, c.methods, missingNames, papers, c.review)
			if err != nil {
				return fmt.Errorf("methods: %w", err)
			}
			for i, k := range missing {
				id, ok := c.methods[k]
				if !ok {
					continue
				}
				if papers[i] != nil {
					c.linked[id] = true
				}
				c.fresh = append(c.fresh, freshName{kind: "method", id: id, name: missingNames[i]})
			}
		}
	}
	// The first paper seen for a method is the one that introduced it.
	// Only a method's first record with a paper decides: linked here, or
	// left to method, record by record, when prefetch did not resolve the
	// method or that paper.
	var linkMethod, linkPaper []int64
	decided := map[string]bool{}
	for i := range recKeys {
		rk := &recKeys[i]
		if rk.paper == "" || i > 0 && rk.method == recKeys[i-1].method && recKeys[i-1].paper != "" {
			continue
		}
		k := rk.method
		if decided[k] {
			continue
		}
		decided[k] = true
		id, ok := c.methods[k]
		paper, pok := c.papers[rk.paper]
		if !ok || !pok || c.linked[id] {
			continue
		}
		c.linked[id] = true
		linkMethod = append(linkMethod, id)
		linkPaper = append(linkPaper, paper)
	}
	if len(linkMethod) == 0 {
		return nil
	}
	err := c.tx.WithContext(ctx).Exec(`UPDATE methods m SET paper_id = u.paper
		FROM unnest($1::bigint[], $2::bigint[]) AS u(id, paper) WHERE m.id = u.id AND m.paper_id IS NULL`,
		linkMethod, linkPaper).Error
	if err != nil {
		return fmt.Errorf("methods: %w", err)
	}
	return nil
}

// firstPapers maps each method of a batch (by nameKey: its spellings are
// one method) to the paper of its first record that names one, when
// prefetchPapers resolved that paper (else nil).
func (c *catalog) firstPapers(recKeys []recordKeys) map[string]*int64 {
	first := map[string]*int64{}
	for i := range recKeys {
		rk := &recKeys[i]
		if rk.paper == "" || i > 0 && rk.methodKey == recKeys[i-1].methodKey && recKeys[i-1].paper != "" {
			continue // no paper, or decided by the record before
		}
		k := rk.methodKey
		if _, seen := first[k]; seen {
			continue
		}
		if id, ok := c.papers[rk.paper]; ok {
			first[k] = &id
		} else {
			first[k] = nil
		}
	}
	return first
}

// lookupNames files under each lower-cased name the id of the row of
// table (datasets or methods) that the name resolves to: by the name or an
// alias of a row, as it is or by nameKey, trying the candidates vocab
// gives (see vocabulary.candidates) in turn; a name wins over another
// row's alias. The arguments are the catalogue's own table and column
// names, never input.
func (c *catalog) lookupNames(ctx context.Context, table, aliases, aliasOf string, names []string, vocab *vocabulary, into map[string]int64) error {
	var given, cands []string
	var pos []int64
	for _, n := range names {
		for i, cand := range vocab.candidates(n) {
			given, cands, pos = append(given, n), append(cands, cand), append(pos, int64(i))
		}
	}
	var found []nameMatch
	// Each candidate probes the indexes on lower() and name_key() of the
	// table and its aliases: the LATERAL subquery, kept apart by OFFSET 0,
	// makes it a nested loop of index lookups. As plain joins the planner
	// hashed or merged the whole table for every batch, computing both
	// expressions for each of its rows: with 100,000 methods that was most
	// of a million-row import's reading time.
	err := c.tx.WithContext(ctx).Raw(`SELECT c.given, c.pos, m.rank, m.id, m.name
		FROM unnest($1::text[], $2::text[], $3::int[]) AS c(given, cand, pos) CROSS JOIN LATERAL (
			SELECT 0 AS rank, x.id, x.name FROM `+table+` x WHERE lower(x.name) = lower(c.cand)
			UNION ALL
			SELECT 1, x.id, x.name FROM `+aliases+` a JOIN `+table+` x ON x.id = a.`+aliasOf+`
			WHERE lower(a.alias) = lower(c.cand)
			UNION ALL
			SELECT 2, x.id, x.name FROM `+table+` x WHERE name_key(x.name) = name_key(c.cand)
			UNION ALL
			SELECT 3, x.id, x.name FROM `+aliases+` a JOIN `+table+` x ON x.id = a.`+aliasOf+`
			WHERE name_key(a.alias) = name_key(c.cand)
			OFFSET 0) m`, given, cands, pos).Scan(&found).Error
	if err != nil {
		return err
	}
	for k, m := range best(found) {
		if _, ok := into[k]; !ok {
			into[k] = m.ID
		}
		c.names[table][m.ID] = m.Name
	}
	return nil
}

// freeSlugs gives each name a slug no row of table has, numbering a slug
// when an earlier name took it (base, base-2, base-3 …), in two queries
// for the lot: which bases are taken, and which numbered ones.
func (c *catalog) freeSlugs(ctx context.Context, table string, names []string) ([]string, error) {
	bases := make([]string, len(names))
	for i, n := range names {
		bases[i] = Slugify(n)
	}
	var taken []string
	if err := c.tx.WithContext(ctx).Raw("SELECT slug FROM "+table+" WHERE slug = ANY($1)", bases).Scan(&taken).Error; err != nil {
		return nil, err
	}
	used := make(map[string]bool, len(taken)+len(names))
	for _, s := range taken {
		used[s] = true
	}
	out := make([]string, len(names))
	var clash []string // bases that need a number
	for i, b := range bases {
		if !used[b] {
			out[i] = b
			used[b] = true
		} else {
			clash = append(clash, b+"-%") // slugs are [a-z0-9-]: no LIKE wildcards in them
		}
	}
	if len(clash) == 0 {
		return out, nil
	}
	taken = taken[:0]
	if err := c.tx.WithContext(ctx).Raw("SELECT slug FROM "+table+" WHERE slug LIKE ANY($1)", clash).Scan(&taken).Error; err != nil {
		return nil, err
	}
	for _, s := range taken {
		used[s] = true
	}
	for i, b := range bases {
		if out[i] != "" {
			continue
		}
		for n := 2; ; n++ {
			if s := b + "-" + strconv.Itoa(n); !used[s] {
				out[i] = s
				used[s] = true
				break
			}
		}
	}
	return out, nil
}
