package store

import (
	"context"
	"fmt"
)

// AddAlias records another name for a dataset (kind "dataset") or a method
// (kind "method"). Adding an alias that exists already changes nothing.
func (s *Store) AddAlias(ctx context.Context, kind, name, alias string) error {
	var q string
	switch kind {
	case "dataset":
		q = `INSERT INTO dataset_aliases (alias, dataset_id)
			SELECT $2, id FROM datasets WHERE lower(name) = lower($1)
			ON CONFLICT DO NOTHING RETURNING dataset_id`
	case "method":
		q = `INSERT INTO method_aliases (alias, method_id)
			SELECT $2, id FROM methods WHERE lower(name) = lower($1)
			ON CONFLICT DO NOTHING RETURNING method_id`
	default:
		return fmt.Errorf("store: alias: kind %q is not dataset or method: %w", kind, ErrInvalid)
	}
	res := s.w(ctx).Exec(q, name, alias)
	if res.Error != nil {
		return fmt.Errorf("store: alias %q of %s %q: %w", alias, kind, name, res.Error)
	}
	if res.RowsAffected == 0 {
		var exists bool
		table := map[string]string{"dataset": "datasets", "method": "methods"}[kind]
		if err := s.w(ctx).Raw("SELECT EXISTS (SELECT 1 FROM "+table+" WHERE lower(name) = lower($1))", name).Scan(&exists).Error; err != nil {
			return fmt.Errorf("store: alias: %w", err)
		}
		if !exists {
			return fmt.Errorf("store: alias %q: %s %q: %w", alias, kind, name, ErrNotFound)
		}
	}
	return nil
}

// DatasetNames lists every dataset with its aliases, for matching names
// found in text.
func (s *Store) DatasetNames(ctx context.Context) (map[string][]string, error) {
	var rows []struct {
		Name  string
		Alias *string
	}
	err := s.r(ctx).Raw(`SELECT d.name, a.alias FROM datasets d LEFT JOIN dataset_aliases a ON a.dataset_id = d.id
		ORDER BY d.name, a.alias`).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: dataset names: %w", err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		if _, ok := out[r.Name]; !ok {
			out[r.Name] = nil
		}
		if r.Alias != nil {
			out[r.Name] = append(out[r.Name], *r.Alias)
		}
	}
	return out, nil
}
