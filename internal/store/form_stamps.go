package store

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"
)

// UseFormStamp records that the form stamp with nonce has come back, and
// reports whether it is the first time. The row outlives the stamp's
// validity (expires), after which the stamp is refused for its age anyway,
// so expired rows are swept now and then.
func (s *Store) UseFormStamp(ctx context.Context, nonce []byte, expires time.Time) (first bool, err error) {
	res := s.w(ctx).Exec(`INSERT INTO used_form_stamps (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING`,
		nonce, expires)
	if res.Error != nil {
		return false, fmt.Errorf("store: form stamp: %w", res.Error)
	}
	if rand.IntN(100) == 0 {
		// The stamp is recorded; a failed sweep only delays the next one,
		// but is said, so that a table that keeps growing does not go unseen.
		if err := s.w(ctx).Exec(`DELETE FROM used_form_stamps WHERE expires_at < now()`).Error; err != nil {
			slog.WarnContext(ctx, "sweeping used form stamps", "err", err)
		}
	}
	return res.RowsAffected == 1, nil
}
