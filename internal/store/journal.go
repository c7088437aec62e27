package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// journal records every row a merge changes, so that undoing the merge
// puts each back: for an update, the changed columns as they were; for a
// delete, the whole row; for an insert, the row's key. Undo replays it
// backwards. Tables and columns come from the code, never from input.
type journal struct {
	Entries []journalEntry `json:"entries"`
}

type journalEntry struct {
	Op    string          `json:"op"` // update, delete or insert
	Table string          `json:"table"`
	Cols  []string        `json:"cols,omitempty"` // an update's columns
	Rows  json.RawMessage `json:"rows"`           // a JSON array of row objects
}

// journalKeys is each journaled table's primary key.
var journalKeys = map[string][]string{
	"results": {"id"}, "revisions": {"id"}, "submissions": {"id"}, "metrics": {"id"}, "datasets": {"id"},
	"methods": {"id"}, "metric_direction_changes": {"id"}, "dataset_aliases": {"alias"},
	"method_aliases": {"alias"}, "metric_aliases": {"dataset_id", "alias"},
}

// before records the columns cols (and the key) of the rows of table that
// where (over alias t) selects, locking them; the caller then updates
// exactly those rows. It returns how many rows it recorded.
func (j *journal) before(ctx context.Context, tx *gorm.DB, table string, cols []string, where string, args ...any) (int, error) {
	var parts []string
	for _, c := range append(append([]string(nil), journalKeys[table]...), cols...) {
		parts = append(parts, "'"+c+"', t."+c)
	}
	var rows []string
	err := tx.WithContext(ctx).Raw("SELECT jsonb_build_object("+strings.Join(parts, ", ")+")::text FROM "+table+
		" t WHERE "+where+" ORDER BY 1 FOR UPDATE", args...).Scan(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("journal %s: %w", table, err)
	}
	j.add("update", table, cols, rows)
	return len(rows), nil
}

// deleted deletes the rows of table that where selects and records them.
func (j *journal) deleted(ctx context.Context, tx *gorm.DB, table, where string, args ...any) (int, error) {
	var rows []string
	err := tx.WithContext(ctx).Raw("DELETE FROM "+table+" t WHERE "+where+" RETURNING to_jsonb(t)::text", args...).Scan(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("journal %s: %w", table, err)
	}
	j.add("delete", table, nil, rows)
	return len(rows), nil
}

// inserted runs insert (an INSERT INTO table AS t … RETURNING to_jsonb(t)::text)
// and records the rows it inserted.
func (j *journal) inserted(ctx context.Context, tx *gorm.DB, table, insert string, args ...any) (int, error) {
	var rows []string
	if err := tx.WithContext(ctx).Raw(insert, args...).Scan(&rows).Error; err != nil {
		return 0, fmt.Errorf("journal %s: %w", table, err)
	}
	j.add("insert", table, nil, rows)
	return len(rows), nil
}

func (j *journal) add(op, table string, cols, rows []string) {
	if len(rows) == 0 {
		return
	}
	j.Entries = append(j.Entries, journalEntry{Op: op, Table: table, Cols: cols,
		Rows: json.RawMessage("[" + strings.Join(rows, ",") + "]")})
}

// undo replays the journal backwards: inserted rows are deleted, deleted
// rows inserted again with their ids, updated columns set back.
func (j *journal) undo(ctx context.Context, tx *gorm.DB) error {
	for i := len(j.Entries) - 1; i >= 0; i-- {
		e := j.Entries[i]
		keys, ok := journalKeys[e.Table]
		if !ok {
			return fmt.Errorf("journal: table %q is not journaled", e.Table)
		}
		var match []string
		for _, k := range keys {
			match = append(match, "t."+k+" = j."+k)
		}
		src := "jsonb_populate_recordset(NULL::" + e.Table + ", $1::jsonb) j"
		var q string
		switch e.Op {
		case "insert":
			q = "DELETE FROM " + e.Table + " t USING " + src + " WHERE " + strings.Join(match, " AND ")
		case "delete":
			q = "INSERT INTO " + e.Table + " SELECT j.* FROM " + src
		case "update":
			var set []string
			for _, c := range e.Cols {
				set = append(set, c+" = j."+c)
			}
			q = "UPDATE " + e.Table + " t SET " + strings.Join(set, ", ") + " FROM " + src + " WHERE " + strings.Join(match, " AND ")
		default:
			return fmt.Errorf("journal: unknown operation %q", e.Op)
		}
		if err := tx.WithContext(ctx).Exec(q, string(e.Rows)).Error; err != nil {
			return fmt.Errorf("undo %s of %s: %w", e.Op, e.Table, err)
		}
	}
	return nil
}

// ids collects the values of column col of the rows of table the journal
// recorded (before an update, or deleted).
func (j *journal) ids(table, col string) []int64 {
	// Never nil: pgx sends a nil slice as NULL, and "id <> ALL(NULL)" is
	// never true.
	out := []int64{}
	for _, e := range j.Entries {
		if e.Table != table || e.Op == "insert" {
			continue
		}
		var rows []map[string]any
		if json.Unmarshal(e.Rows, &rows) != nil {
			continue
		}
		for _, r := range rows {
			if v, ok := r[col].(float64); ok {
				out = append(out, int64(v))
			}
		}
	}
	return out
}
