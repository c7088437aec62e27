package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// metricCacheKey files a metric in the catalogue's cache: its dataset and
// its name, lower-cased.
type metricCacheKey struct {
	dataset int64
	name    string
}

func metricKey(datasetID int64, name string) metricCacheKey {
	return metricCacheKey{datasetID, strings.ToLower(name)}
}

// datasetWant is how a record would create a dataset: under its task,
// below its parent (a parent is created without one).
type datasetWant struct {
	name, task, parent string
}

// prefetchDatasets resolves the datasets of a batch in a few statements:
// one lookup for every name not cached, then an insert per run of new
// names, cut only where a name's parent is new in the same run. Record by
// record it was three round trips per new dataset, and
// the Papers-with-Code dump brings thousands. A name is created as its
// first mention in the batch says, as dataset would: a parent named in a
// record is resolved before the record's own dataset. What is left over
// (a name that only Postgres's lower() finds equal to another of the
// batch) is resolved by dataset, as a batch of one.
func (c *catalog) prefetchDatasets(ctx context.Context, recs []model.Record, keys []recordKeys) error {
	// Tasks first, in record order, as resolve met them: a batch brings a
	// handful, and their ids come out as before.
	for i, rec := range recs {
		if _, ok := c.tasks[keys[i].task]; ok {
			continue
		}
		if _, err := c.task(ctx, rec.Task); err != nil {
			return err
		}
	}
	wants := map[string]datasetWant{}
	var order []string // lower-cased names, first mention first
	note := func(k, name, task, parent string) {
		if _, ok := c.datasets[k]; ok {
			return
		}
		if _, ok := wants[k]; ok {
			return
		}
		wants[k] = datasetWant{name: name, task: task, parent: parent}
		order = append(order, k)
	}
	for i, rec := range recs {
		k := &keys[i]
		if i > 0 && k.dataset == keys[i-1].dataset && k.parent == keys[i-1].parent {
			continue // noted with the record before
		}
		if rec.ParentDataset != "" {
			note(k.parent, rec.ParentDataset, rec.Task, "")
		}
		note(k.dataset, rec.Dataset, rec.Task, rec.ParentDataset)
	}
	if len(order) == 0 {
		return nil
	}
	names := make([]string, len(order))
	for i, k := range order {
		names[i] = wants[k].name
	}
	vocab, err := c.vocabulary(ctx, "dataset")
	if err != nil {
		return fmt.Errorf("datasets: %w", err)
	}
	if err := c.lookupNames(ctx, "datasets", "dataset_aliases", "dataset_id", names, vocab, c.datasets); err != nil {
		return fmt.Errorf("datasets: %w", err)
	}
	missing := order[:0:0]
	// Two spellings of one new name ("CIFAR-10", "CIFAR 10") create one
	// dataset, as they do when the second comes in a later batch.
	firstOfKey := map[string]string{}
	dups := map[string]string{}
	for _, k := range order {
		if _, ok := c.datasets[k]; !ok {
			// A spelling the vocabulary knows comes in under the name it
			// stands for: "cais/mmlu" creates MMLU.
			w := wants[k]
			w.name = vocab.canonical(w.name)
			wants[k] = w
			nk := nameKey(w.name)
			if first, ok := firstOfKey[nk]; ok {
				dups[k] = first
				continue
			}
			firstOfKey[nk] = k
			missing = append(missing, k)
		}
	}
	defer func() {
		for k, first := range dups {
			if id, ok := c.datasets[first]; ok {
				c.datasets[k] = id
			}
		}
	}()
	// Insert in first-mention order, so that ids come out as dataset
	// would give them (export → import → export keeps its order): a run of
	// names at a time, cut where a name's parent is in the run itself.
	var run []string
	inRun := map[string]bool{}
	for _, k := range missing {
		parent := strings.ToLower(wants[k].parent)
		if parent != "" && inRun[parent] {
			if err := c.insertDatasets(ctx, run, wants); err != nil {
				return err
			}
			run, inRun = run[:0], map[string]bool{}
		}
		if _, ok := c.datasets[parent]; parent != "" && !ok && !inRun[parent] {
			continue // its parent was left over: dataset resolves both, as a batch of one
		}
		run = append(run, k)
		inRun[k] = true
	}
	return c.insertDatasets(ctx, run, wants)
}

// insertDatasets inserts a run of new datasets whose parents are known.
func (c *catalog) insertDatasets(ctx context.Context, run []string, wants map[string]datasetWant) error {
	if len(run) == 0 {
		return nil
	}
	n := len(run)
	names, tasks, parents := make([]string, n), make([]int64, n), make([]*int64, n)
	for i, k := range run {
		w := wants[k]
		names[i] = w.name
		var err error
		if tasks[i], err = c.task(ctx, w.task); err != nil {
			return err
		}
		if w.parent != "" {
			p := c.datasets[strings.ToLower(w.parent)]
			parents[i] = &p
		}
	}
	slugs, err := c.freeSlugs(ctx, "datasets", names)
	if err != nil {
		return fmt.Errorf("datasets: %w", err)
	}
	err = c.insertBatch(ctx, `INSERT INTO datasets (slug, name, task_id, parent_id, needs_review)
		SELECT u.*, $5::bool FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS u`,
		run, slugs, c.datasets, names, tasks, parents, c.review)
	if err != nil {
		return fmt.Errorf("datasets: %w", err)
	}
	for i, k := range run {
		if id, ok := c.datasets[k]; ok && c.created[id] == nil {
			c.created[id] = &createdDataset{slugs: map[string]bool{}}
			c.names["datasets"][id] = names[i]
			c.fresh = append(c.fresh, freshName{kind: "dataset", id: id, name: names[i]})
		}
	}
	return nil
}

// prefetchMetrics inserts, in one statement, the new metrics of the
// datasets this import created: the catalogue knows all their metrics, so
// it settles slug, position and primacy as createMetric would without
// asking. Metrics of older datasets are resolved by metric.
func (c *catalog) prefetchMetrics(ctx context.Context, recs []model.Record, keys []recordKeys) error {
	vocab, err := c.vocabulary(ctx, "metric")
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	var ms []model.Metric
	var spellings [][]metricCacheKey    // the cache keys of each new metric: every spelling met
	pending := map[metricCacheKey]int{} // key of the canonical name → index in ms
	for i, rec := range recs {
		if i > 0 && keys[i].dataset == keys[i-1].dataset && keys[i].metric == keys[i-1].metric {
			continue // met with the record before
		}
		id, ok := c.datasets[keys[i].dataset]
		created := c.created[id]
		if !ok || created == nil {
			continue
		}
		k := metricCacheKey{id, keys[i].metric}
		if _, ok := c.metrics[k]; ok {
			continue
		}
		// "acc" and "Accuracy" in one new dataset are one metric.
		canon := vocab.canonical(rec.Metric)
		if m, ok := c.metrics[metricKey(id, canon)]; ok {
			c.metrics[k] = m
			continue
		}
		ck := metricKey(id, nameKey(canon))
		if j, ok := pending[ck]; ok {
			spellings[j] = append(spellings[j], k)
			continue
		}
		pending[ck] = len(ms)
		ms = append(ms, created.next(id, rec, vocab))
		spellings = append(spellings, []metricCacheKey{k})
	}
	if len(ms) == 0 {
		return nil
	}
	if err := c.insertMetrics(ctx, ms); err != nil {
		return err
	}
	for i, m := range ms {
		for _, k := range spellings[i] {
			c.metrics[k] = m
		}
	}
	return nil
}

// insertMetrics inserts new metrics, their slugs settled, and fills in
// their ids. It is the only way metrics come into the catalogue.
func (c *catalog) insertMetrics(ctx context.Context, ms []model.Metric) error {
	n := len(ms)
	var (
		dataset, decimals, position = make([]int64, n), make([]int64, n), make([]int64, n)
		slug, name, unit            = make([]string, n), make([]string, n), make([]string, n)
		higher, review, primary     = make([]bool, n), make([]bool, n), make([]bool, n)
	)
	for i, m := range ms {
		dataset[i], decimals[i], position[i] = m.DatasetID, int64(m.Decimals), int64(m.Position)
		slug[i], name[i], unit[i] = m.Slug, m.Name, m.Unit
		higher[i], review[i], primary[i] = m.HigherIsBetter, m.DirectionNeedsReview, m.IsPrimary
	}
	var ids []struct {
		ID        int64
		DatasetID int64
		Slug      string
	}
	err := c.tx.WithContext(ctx).Raw(`INSERT INTO metrics (dataset_id, slug, name, higher_is_better, direction_needs_review,
		unit, decimals, is_primary, position, needs_review)
		SELECT u.*, $10::bool FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bool[], $5::bool[], $6::text[], $7::smallint[],
			$8::bool[], $9::int[]) AS u
		RETURNING id, dataset_id, slug`, dataset, slug, name, higher, review, unit, decimals, primary, position, c.review).Scan(&ids).Error
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	byslug := make(map[metricCacheKey]int64, len(ids)) // a slug is unique in its dataset
	for _, r := range ids {
		byslug[metricKey(r.DatasetID, r.Slug)] = r.ID
	}
	for i := range ms {
		id, ok := byslug[metricKey(ms[i].DatasetID, ms[i].Slug)]
		if !ok {
			return fmt.Errorf("metrics: %q of dataset %d not inserted", ms[i].Name, ms[i].DatasetID)
		}
		ms[i].ID = id
		c.metrics[metricKey(ms[i].DatasetID, ms[i].Name)] = ms[i]
		c.fresh = append(c.fresh, freshName{kind: "metric", id: id, name: ms[i].Name, datasetID: ms[i].DatasetID,
			guessed: ms[i].DirectionNeedsReview, higher: ms[i].HigherIsBetter})
	}
	return nil
}

// next is the metric a record creates in a dataset this import created,
// as createMetric makes it: the first metric is the primary one, slugs are
// numbered when taken.
func (d *createdDataset) next(datasetID int64, rec model.Record, vocab *vocabulary) model.Metric {
	m := model.Metric{DatasetID: datasetID, Name: vocab.canonical(rec.Metric), HigherIsBetter: rec.HigherIsBetter,
		DirectionNeedsReview: rec.DirectionInferred, Unit: rec.MetricUnit, IsPrimary: d.metrics == 0,
		Position: d.metrics, Decimals: model.ReportedDecimals(rec.Raw, rec.Value, rec.Unit, rec.MetricUnit)}
	m.Slug = Slugify(m.Name)
	for i := 2; d.slugs[m.Slug]; i++ {
		m.Slug = fmt.Sprintf("%s-%d", Slugify(m.Name), i)
	}
	d.slugs[m.Slug] = true
	d.metrics++
	if m.IsPrimary {
		d.primaries = 1
	}
	return m
}
