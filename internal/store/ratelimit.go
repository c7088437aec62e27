package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Allow counts one event against key and reports whether it is within
// limit events per period; when it is not, retry says how long until the
// next one will be. The state is one row per key in Postgres, so every
// instance counts against the same budget.
//
// The algorithm is GCRA (the generic cell rate algorithm): a key may burst
// limit events at once and then gets one more every period/limit. The row
// holds the "theoretical arrival time" tat; an event at now is allowed
// when max(tat, now) - now <= period - period/limit, and moves tat on by
// period/limit. One upsert decides and counts atomically, so two instances
// never both spend the last event.
func (s *Store) Allow(ctx context.Context, key string, limit int, period time.Duration) (ok bool, retry time.Duration, err error) {
	if limit <= 0 {
		return false, period, nil
	}
	interval := period / time.Duration(limit)
	tolerance := period - interval
	var tat time.Time
	err = s.w(ctx).Raw(`INSERT INTO rate_limits AS rl (key, tat) VALUES ($1, now() + $2 * interval '1 microsecond')
		ON CONFLICT (key) DO UPDATE SET tat = greatest(rl.tat, now()) + $2 * interval '1 microsecond'
		WHERE greatest(rl.tat, now()) - now() <= $3 * interval '1 microsecond'
		RETURNING tat`, key, interval.Microseconds(), tolerance.Microseconds()).Row().Scan(&tat)
	allowed := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, 0, fmt.Errorf("store: rate limit: %w", err)
	}
	if rand.IntN(200) == 0 {
		// Rows whose tat has passed mean the same as no row.
		s.w(ctx).Exec("DELETE FROM rate_limits WHERE tat < now() - interval '1 minute'")
	}
	if allowed {
		return true, 0, nil
	}
	var wait float64
	err = s.w(ctx).Raw(`SELECT extract(epoch FROM tat - now()) FROM rate_limits WHERE key = $1`, key).Row().Scan(&wait)
	if err != nil {
		return false, 0, fmt.Errorf("store: rate limit: %w", err)
	}
	retry = time.Duration(math.Ceil(wait-tolerance.Seconds())) * time.Second
	return false, max(retry, time.Second), nil
}

// ResetLimit forgets what key has spent: the next event starts a full
// budget.
func (s *Store) ResetLimit(ctx context.Context, key string) error {
	if err := s.w(ctx).Exec(`DELETE FROM rate_limits WHERE key = $1`, key).Error; err != nil {
		return fmt.Errorf("store: rate limit: %w", err)
	}
	return nil
}
