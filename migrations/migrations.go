// Package migrations embeds the numbered SQL files that define the schema.
// They are append-only: a landed file is never edited.
package migrations

import "embed"

// FS holds every migration, applied in order by internal/database.
//
//go:embed *.sql
var FS embed.FS
