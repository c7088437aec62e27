// Package seeds embeds the starting data: every sourced result Benchboard
// ships with, in the same CSV format the export writes and the import reads.
package seeds

import "embed"

// FS holds results.csv.
//
//go:embed *.csv
var FS embed.FS

// File is the name of the seed file inside FS.
const File = "results.csv"
