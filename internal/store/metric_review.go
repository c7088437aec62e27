package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// MetricReview is a metric whose direction an import inferred, with what a
// moderator needs to confirm or flip it.
type MetricReview struct {
	model.Metric
	DatasetSlug string
	DatasetName string
	TaskName    string
	Results     int
	Min, Max    *float64       // scores, in the metric's unit
	Samples     []MetricSample `gorm:"-"`
}

// MetricSample is one live result of a metric.
type MetricSample struct {
	MetricID int64
	Method   string
	Score    float64
}

// samplesPerMetric is how many results MetricsToReview shows per metric.
const samplesPerMetric = 5

// MetricsToReview lists up to limit metrics whose direction needs review,
// by dataset and position, each with its range and a few results.
func (s *Store) MetricsToReview(ctx context.Context, limit int) ([]MetricReview, error) {
	var out []MetricReview
	err := s.r(ctx).Raw(`
SELECT m.id, m.dataset_id, m.slug, m.name, m.higher_is_better, m.direction_needs_review, m.unit, m.decimals,
       m.is_primary, m.position, d.slug AS dataset_slug, d.name AS dataset_name, t.name AS task_name,
       st.results, st.min, st.max
FROM metrics m
JOIN datasets d ON d.id = m.dataset_id
JOIN tasks t ON t.id = d.task_id
CROSS JOIN LATERAL (SELECT count(*) AS results, min(score) AS min, max(score) AS max
                    FROM results r WHERE r.metric_id = m.id AND r.retired_at IS NULL) st
WHERE m.direction_needs_review
ORDER BY d.name, m.position, m.id
LIMIT $1`, limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics to review: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	for i, m := range out {
		ids[i] = m.ID
	}
	// The best few by the inferred direction, so that a wrong guess shows:
	// "lower is better" listing 0.99 accuracies first, say.
	var samples []MetricSample
	err = s.r(ctx).Raw(`
SELECT m.id AS metric_id, x.method, x.score
FROM metrics m
CROSS JOIN LATERAL (SELECT me.name AS method, r.score FROM results r JOIN methods me ON me.id = r.method_id
                    WHERE r.metric_id = m.id AND r.retired_at IS NULL
                    ORDER BY CASE WHEN m.higher_is_better THEN -r.score ELSE r.score END, r.id
                    LIMIT $2) x
WHERE m.id = ANY($1)`, ids, samplesPerMetric).Scan(&samples).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics to review: samples: %w", err)
	}
	byID := make(map[int64]*MetricReview, len(out))
	for i := range out {
		byID[out[i].ID] = &out[i]
	}
	for _, x := range samples {
		if m := byID[x.MetricID]; m != nil {
			m.Samples = append(m.Samples, x)
		}
	}
	return out, nil
}

// SetMetricDirection confirms or flips an inferred direction, in one
// transaction: the metric no longer needs review, the change is recorded
// in metric_direction_changes, and the dataset's data version is bumped
// so that every cached leaderboard re-ranks. A metric that no longer
// needs review (another moderator was first) is ErrConflict; the change
// returned then holds its direction as it is.
func (s *Store) SetMetricDirection(ctx context.Context, metricID int64, higher bool, by model.User) (DirectionChange, error) {
	var ch DirectionChange
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		var rows []struct {
			DatasetID      int64
			MetricName     string
			DatasetSlug    string
			DatasetName    string
			HigherIsBetter bool
			NeedsReview    bool
		}
		if err := tx.Raw(`SELECT m.dataset_id, m.name AS metric_name, d.slug AS dataset_slug, d.name AS dataset_name,
			m.higher_is_better, m.direction_needs_review AS needs_review
			FROM metrics m JOIN datasets d ON d.id = m.dataset_id WHERE m.id = $1 FOR UPDATE OF m`, metricID).Scan(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return ErrNotFound
		}
		m := rows[0]
		ch = DirectionChange{MetricName: m.MetricName, DatasetSlug: m.DatasetSlug, DatasetName: m.DatasetName,
			BeforeHigherIsBetter: m.HigherIsBetter, HigherIsBetter: m.HigherIsBetter, ModeratorEmail: by.Email}
		if !m.NeedsReview {
			return ErrConflict
		}
		if err := tx.Exec(`UPDATE metrics SET higher_is_better = $2, direction_needs_review = false WHERE id = $1`,
			metricID, higher).Error; err != nil {
			return err
		}
		if err := tx.Raw(`INSERT INTO metric_direction_changes (metric_id, user_id, before_higher_is_better, higher_is_better)
			VALUES ($1, $2, $3, $4) RETURNING id, created_at`, metricID, by.ID, m.HigherIsBetter, higher).
			Row().Scan(&ch.ID, &ch.CreatedAt); err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE datasets SET data_version = data_version + 1 WHERE id = $1`, m.DatasetID).Error; err != nil {
			return err
		}
		ch.HigherIsBetter = higher
		return nil
	})
	if err != nil {
		return ch, fmt.Errorf("store: set direction of metric %d: %w", metricID, err)
	}
	return ch, nil
}

// DirectionChange is one recorded decision on a metric's direction.
type DirectionChange struct {
	ID                   int64
	MetricName           string
	DatasetSlug          string
	DatasetName          string
	BeforeHigherIsBetter bool
	HigherIsBetter       bool
	ModeratorEmail       string
	CreatedAt            time.Time
}

// Flipped says whether the moderator changed the inferred direction.
func (c DirectionChange) Flipped() bool { return c.BeforeHigherIsBetter != c.HigherIsBetter }

// DirectionText says in words which way is better now.
func (c DirectionChange) DirectionText() string { return directionText(c.HigherIsBetter) }

// BeforeText says in words which way was better before.
func (c DirectionChange) BeforeText() string { return directionText(c.BeforeHigherIsBetter) }

func directionText(higher bool) string { return model.Metric{HigherIsBetter: higher}.DirectionText() }

// RecentDirectionChanges lists the latest decisions, newest first.
func (s *Store) RecentDirectionChanges(ctx context.Context, limit int) ([]DirectionChange, error) {
	var out []DirectionChange
	err := s.r(ctx).Raw(`
SELECT c.id, m.name AS metric_name, d.slug AS dataset_slug, d.name AS dataset_name,
       c.before_higher_is_better, c.higher_is_better, u.email AS moderator_email, c.created_at
FROM metric_direction_changes c
JOIN metrics m ON m.id = c.metric_id
JOIN datasets d ON d.id = m.dataset_id
JOIN users u ON u.id = c.user_id
ORDER BY c.id DESC
LIMIT $1`, limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: direction changes: %w", err)
	}
	return out, nil
}
