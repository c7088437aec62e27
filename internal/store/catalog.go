package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// catalog finds or creates tasks, datasets, metrics, methods and papers
// inside one transaction, remembering what it has seen so that a large
// import asks the database once per name, not once per line.
type catalog struct {
	tx       *gorm.DB
	tasks    map[string]int64
	datasets map[string]int64
	metrics  map[metricCacheKey]model.Metric
	methods  map[string]int64
	papers   map[string]int64
	linked   map[int64]bool // methods whose paper is set

	// created holds the datasets this catalogue inserted, with every
	// metric they have: their new metrics need no lookups.
	created map[int64]*createdDataset

	// review marks what this catalogue creates as "new, unreviewed" (an
	// import; the seeds are reviewed data).
	review bool
	// fresh lists the datasets, metrics and methods this catalogue created,
	// in order, for the import's summary.
	fresh []freshName
	// vocab holds the shipped spellings by kind; names the stored name of
	// each row a lookup found, by table, for the summary.
	vocab map[string]*vocabulary
	names map[string]map[int64]string
}

// freshName is a row the catalogue created.
type freshName struct {
	kind      string // dataset, metric or method
	id        int64
	name      string
	datasetID int64 // a metric's dataset
	guessed   bool  // a metric whose direction is a guess
	higher    bool
}

// createdDataset is what a dataset inserted by this catalogue holds.
type createdDataset struct {
	metrics, primaries int
	slugs              map[string]bool
}

func newCatalog(tx *gorm.DB) *catalog {
	return &catalog{tx: tx, tasks: map[string]int64{}, datasets: map[string]int64{},
		metrics: map[metricCacheKey]model.Metric{}, methods: map[string]int64{}, papers: map[string]int64{},
		linked: map[int64]bool{}, created: map[int64]*createdDataset{}, vocab: map[string]*vocabulary{},
		names: map[string]map[int64]string{"datasets": {}, "methods": {}}}
}

// ErrInvalid marks input that contradicts what the database holds.
var ErrInvalid = errors.New("invalid")

func (c *catalog) task(ctx context.Context, name string) (int64, error) {
	key := strings.ToLower(name)
	if id, ok := c.tasks[key]; ok {
		return id, nil
	}
	var id int64
	err := c.tx.WithContext(ctx).Raw("SELECT id FROM tasks WHERE lower(name) = lower($1)", name).Scan(&id).Error
	if err == nil && id == 0 {
		id, err = c.insertSlugged(ctx, "tasks", "INSERT INTO tasks (slug, name) VALUES ($1, $2) RETURNING id", name)
	}
	if err != nil {
		return 0, fmt.Errorf("task %q: %w", name, err)
	}
	c.tasks[key] = id
	return id, nil
}

// dataset finds what prefetchDatasets resolved for the record's dataset.
// What it left over (a name that only Postgres's lower() finds equal to
// another of the batch) is resolved as a batch of one, whose lookup then
// finds the other. key is the dataset's name lower-cased (recordKeys).
func (c *catalog) dataset(ctx context.Context, rec model.Record, key string) (int64, error) {
	if id, ok := c.datasets[key]; ok {
		return id, nil
	}
	recs := []model.Record{rec}
	if err := c.prefetchDatasets(ctx, recs, keysOfAll(recs)); err != nil {
		return 0, err
	}
	if id, ok := c.datasets[key]; ok {
		return id, nil
	}
	return 0, fmt.Errorf("dataset %q: not stored", rec.Dataset)
}

// metric finds the dataset's metric or creates it. A record whose
// explicit direction disagrees with the stored one is refused: the
// direction is never changed silently by an import. An inferred direction
// (rec.DirectionInferred) is only a guess, so the stored one, possibly
// confirmed by a moderator, wins over it. lower is the record's metric
// name lower-cased (recordKeys).
func (c *catalog) metric(ctx context.Context, datasetID int64, rec model.Record, lower string) (model.Metric, error) {
	key := metricCacheKey{datasetID, lower}
	m, ok := c.metrics[key]
	if !ok {
		vocab, err := c.vocabulary(ctx, "metric")
		if err != nil {
			return m, fmt.Errorf("metric %q: %w", rec.Metric, err)
		}
		// Another spelling of a metric this catalogue created ("acc" after
		// "Accuracy") is that metric.
		if m, ok = c.metrics[metricKey(datasetID, vocab.canonical(rec.Metric))]; !ok {
			if m, err = c.findMetric(ctx, datasetID, rec); err != nil {
				return m, fmt.Errorf("metric %q: %w", rec.Metric, err)
			}
		}
		c.metrics[key] = m
	}
	if m.HigherIsBetter != rec.HigherIsBetter && !rec.DirectionInferred {
		return m, fmt.Errorf("metric %q: higher_is_better=%t, but the database says %s: %w",
			rec.Metric, rec.HigherIsBetter, m.DirectionText(), ErrInvalid)
	}
	if d := model.ReportedDecimals(rec.Raw, rec.Value, rec.Unit, m.Unit); d > m.Decimals {
		if err := c.tx.WithContext(ctx).Exec("UPDATE metrics SET decimals = $1 WHERE id = $2", d, m.ID).Error; err != nil {
			return m, fmt.Errorf("metric %q: %w", rec.Metric, err)
		}
		m.Decimals = d
		c.metrics[key] = m
	}
	return m, nil
}

// findMetric looks the record's metric up in its dataset, or creates it.
// A dataset this import created has no metric the cache lacks. The name
// resolves as a dataset's does (see lookupNames), among the dataset's
// metrics and their aliases, which are few enough to match in memory.
func (c *catalog) findMetric(ctx context.Context, datasetID int64, rec model.Record) (model.Metric, error) {
	if c.created[datasetID] == nil {
		var rows []model.Metric
		err := c.tx.WithContext(ctx).Raw(`SELECT id, dataset_id, slug, name, higher_is_better, direction_needs_review,
			unit, decimals, is_primary, position FROM metrics WHERE dataset_id = $1`, datasetID).Scan(&rows).Error
		if err != nil {
			return model.Metric{}, err
		}
		var aliases []struct {
			Alias    string
			MetricID int64
		}
		err = c.tx.WithContext(ctx).Raw(`SELECT alias, metric_id FROM metric_aliases WHERE dataset_id = $1`, datasetID).Scan(&aliases).Error
		if err != nil {
			return model.Metric{}, err
		}
		vocab, err := c.vocabulary(ctx, "metric")
		if err != nil {
			return model.Metric{}, err
		}
		names := make(map[int64]string, len(rows))
		byID := make(map[int64]model.Metric, len(rows))
		for _, m := range rows {
			names[m.ID], byID[m.ID] = m.Name, m
		}
		am := make(map[string]int64, len(aliases))
		for _, a := range aliases {
			am[a.Alias] = a.MetricID
		}
		if id, ok := matchRows(vocab.candidates(rec.Metric), names, am); ok {
			return byID[id], nil
		}
	}
	return c.createMetric(ctx, datasetID, rec)
}

func (c *catalog) createMetric(ctx context.Context, datasetID int64, rec model.Record) (model.Metric, error) {
	var m model.Metric
	if created := c.created[datasetID]; created != nil {
		vocab, err := c.vocabulary(ctx, "metric")
		if err != nil {
			return m, err
		}
		m = created.next(datasetID, rec, vocab) // the catalogue knows all its metrics
	} else {
		var err error
		if m, err = c.plannedMetric(ctx, datasetID, rec); err != nil {
			return m, err
		}
	}
	ms := []model.Metric{m}
	err := c.insertMetrics(ctx, ms)
	return ms[0], err
}

// plannedMetric is the metric a record creates in a dataset that holds
// metrics the catalogue has not seen: slug, position and primacy come
// from what the dataset holds.
func (c *catalog) plannedMetric(ctx context.Context, datasetID int64, rec model.Record) (model.Metric, error) {
	var n struct {
		Count   int
		Primary int
	}
	if err := c.tx.WithContext(ctx).Raw(
		"SELECT count(*) AS count, count(*) FILTER (WHERE is_primary) AS primary FROM metrics WHERE dataset_id = $1",
		datasetID).Scan(&n).Error; err != nil {
		return model.Metric{}, err
	}
	// The first metric of a dataset is its primary one until a record
	// says otherwise; a record can only claim primacy for a new metric.
	primary := n.Primary == 0 && (rec.PrimaryMetric || n.Count == 0)
	if primary && n.Count > 0 {
		if err := c.tx.WithContext(ctx).Exec("UPDATE metrics SET is_primary = false WHERE dataset_id = $1", datasetID).Error; err != nil {
			return model.Metric{}, err
		}
	}
	if rec.PrimaryMetric && n.Primary > 0 {
		// Another metric is primary already: keep it, and keep this one
		// as a plain column rather than fail the whole import over it.
		primary = false
	}
	vocab, err := c.vocabulary(ctx, "metric")
	if err != nil {
		return model.Metric{}, err
	}
	m := model.Metric{DatasetID: datasetID, Name: vocab.canonical(rec.Metric), HigherIsBetter: rec.HigherIsBetter,
		DirectionNeedsReview: rec.DirectionInferred, Unit: rec.MetricUnit, IsPrimary: primary, Position: n.Count,
		Decimals: model.ReportedDecimals(rec.Raw, rec.Value, rec.Unit, rec.MetricUnit)}
	base := Slugify(m.Name)
	for i := 1; ; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		var exists bool
		if err := c.tx.WithContext(ctx).Raw("SELECT EXISTS (SELECT 1 FROM metrics WHERE dataset_id = $1 AND slug = $2)",
			datasetID, slug).Scan(&exists).Error; err != nil {
			return m, err
		}
		if !exists {
			m.Slug = slug
			return m, nil
		}
	}
}

// method and paper find what prefetch resolved for the record's batch.
// What it left over (a name that only Postgres's lower() finds equal to
// another one of the batch, so only one of them was inserted) is resolved
// as a batch of one, whose lookup then finds the other. A method's key is
// its name lower-cased (recordKeys).
func (c *catalog) method(ctx context.Context, key, name string, paperID *int64) (int64, error) {
	id, ok := c.methods[key]
	if !ok {
		recs := []model.Record{{Method: name}}
		if err := c.prefetchMethods(ctx, recs, keysOfAll(recs)); err != nil {
			return 0, err
		}
		if id, ok = c.methods[key]; !ok {
			return 0, fmt.Errorf("method %q: not stored", name)
		}
	}
	if paperID != nil && !c.linked[id] {
		// The first paper seen for a method is the one that introduced it.
		if err := c.tx.WithContext(ctx).Exec("UPDATE methods SET paper_id = $1 WHERE id = $2 AND paper_id IS NULL", *paperID, id).Error; err != nil {
			return 0, fmt.Errorf("method %q: %w", name, err)
		}
		c.linked[id] = true
	}
	return id, nil
}

// paper: see method; key is paperKey(rec).
func (c *catalog) paper(ctx context.Context, rec model.Record, key string) (int64, error) {
	if id, ok := c.papers[key]; ok {
		return id, nil
	}
	recs := []model.Record{rec}
	if err := c.prefetchPapers(ctx, recs, keysOfAll(recs)); err != nil {
		return 0, err
	}
	id, ok := c.papers[key]
	if !ok {
		return 0, fmt.Errorf("paper %q: not stored", rec.PaperTitle)
	}
	return id, nil
}

// insertSlugged inserts a row whose slug derives from name ($1 is the slug,
// $2 the name), numbering the slug when another name took it first.
func (c *catalog) insertSlugged(ctx context.Context, table, insert string, name string, args ...any) (int64, error) {
	base := Slugify(name)
	for i := 1; i < 1000; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		var exists bool
		if err := c.tx.WithContext(ctx).Raw("SELECT EXISTS (SELECT 1 FROM "+table+" WHERE slug = $1)", slug).Scan(&exists).Error; err != nil {
			return 0, err
		}
		if exists {
			continue
		}
		var id int64
		err := c.tx.WithContext(ctx).Raw(insert, append([]any{slug, name}, args...)...).Scan(&id).Error
		return id, err
	}
	return 0, fmt.Errorf("no free slug for %q", name)
}
