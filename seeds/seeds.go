// Package seeds embeds the starting data: every sourced result Benchboard
// ships with, in the same CSV format the export writes and the import reads.
package seeds

import "embed"

// FS holds results.csv.
//
//go:embed *.csv
var FS embed.FS

// File is the name of the seed results inside FS; Aliases holds other names
// of datasets and methods (kind,name,alias).
const (
	File    = "results.csv"
	Aliases = "aliases.csv"
)
