package store

import (
	"io"
	"strings"

	"github.com/benchboard/benchboard/internal/model"
)

// recordKeys are a record's names as the catalogue files them, worked out
// once per record and ahead of the import's connection (readBatches).
// Lower-casing and keying each name in every pass that met it was most of
// the Go time of a million-row import's reading, spent while Postgres
// waited for the next statement.
type recordKeys struct {
	task, dataset, parent, metric, method string // lower-cased
	methodKey                             string // nameKey of the method: its spellings are one method
	paper                                 string // paperKey, "" for a record that names no paper
}

func keysOf(rec *model.Record) recordKeys {
	k := recordKeys{task: strings.ToLower(rec.Task), dataset: strings.ToLower(rec.Dataset),
		parent: strings.ToLower(rec.ParentDataset), metric: strings.ToLower(rec.Metric),
		method: strings.ToLower(rec.Method)}
	k.methodKey = nameKey(rec.Method)
	if rec.PaperTitle != "" || rec.ArxivID != "" {
		k.paper = paperKey(*rec)
	}
	return k
}

// keysOfAll keys records met outside a batch (a leftover resolved alone).
func keysOfAll(recs []model.Record) []recordKeys {
	keys := make([]recordKeys, len(recs))
	for i := range recs {
		keys[i] = keysOf(&recs[i])
	}
	return keys
}

// keyedBatch is a run of records with their keys; err, when set, is what
// ended the input after them.
type keyedBatch struct {
	recs []model.Record
	keys []recordKeys
	err  error
}

// readBatches reads next into keyed batches of size records and sends
// them on out, which it closes at the end of the input, after an error,
// or once done is closed. It runs beside stage, so that reading and
// keying one batch overlaps the statements of the one before.
func readBatches(next RecordSource, size int, out chan<- keyedBatch, done <-chan struct{}) {
	defer close(out)
	for {
		// Once done is closed, stage drains out: a send may still succeed,
		// so stop here rather than read on.
		select {
		case <-done:
			return
		default:
		}
		b := keyedBatch{recs: make([]model.Record, 0, size), keys: make([]recordKeys, 0, size)}
		end := false
		for len(b.recs) < size {
			rec, err := next()
			if err != nil {
				if err != io.EOF {
					b.err = err
				}
				end = true
				break
			}
			b.recs = append(b.recs, rec)
			b.keys = append(b.keys, keysOf(&rec))
		}
		select {
		case out <- b:
		case <-done:
			return
		}
		if end {
			return
		}
	}
}
