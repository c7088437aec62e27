package store

import (
	"context"
	"crypto/rand"
	"fmt"
)

// Secret returns the key named name, making it on first use. Every
// instance gets the same key: whichever asks first inserts it, the others
// find it.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("store: secret %q: %w", name, err)
	}
	var key []byte
	err := s.w(ctx).Raw(`WITH ins AS (
		INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
		SELECT value FROM ins UNION ALL SELECT value FROM app_secrets WHERE name = $1 LIMIT 1`, name, fresh).Row().Scan(&key)
	if err != nil {
		return nil, fmt.Errorf("store: secret %q: %w", name, err)
	}
	return key, nil
}
