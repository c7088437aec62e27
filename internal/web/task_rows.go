package web

import (
	"html/template"

	"github.com/benchboard/benchboard/internal/store"
)

// taskRowsHTML writes the rows of a task's table of datasets (the
// taskgroup partial): the markup its row loop had, escaped exactly as
// html/template escaped it there (TestTaskRowsMatchTheTemplate renders both
// from hostile summaries and compares them byte for byte). The home page
// lists 1,200 boards; executing the loop by reflection was a third of its
// Go time at the bench scale.
func taskRowsHTML(ds []store.DatasetSummary) template.HTML {
	b := make([]byte, 0, 400*len(ds))
	for i := range ds {
		b = appendTaskRow(b, &ds[i])
	}
	return template.HTML(b)
}

func appendTaskRow(b []byte, d *store.DatasetSummary) []byte {
	b = append(b, "\n    <tr>\n      <td>"...)
	if d.ParentName != "" {
		b = append(b, `<span class="parent">`...)
		b = appendEscaped(b, d.ParentName)
		b = append(b, " › </span>"...)
	}
	b = append(b, `<a href="/datasets/`...)
	b = appendURLPart(b, d.Slug)
	b = append(b, `">`...)
	b = appendEscaped(b, d.Name)
	b = append(b, "</a></td>\n      <td class=\"num\">"...)
	if d.Children != 0 {
		b = appendEscaped(b, plural(d.Children, "board"))
	} else {
		b = appendEscaped(b, countsText(d.Rows, d.Results))
	}
	b = append(b, "</td>\n      <td>"...)
	switch {
	case d.Children != 0:
		b = append(b, `<a href="/datasets/`...)
		b = appendURLPart(b, d.Slug)
		b = append(b, `">methods × datasets table</a>`...)
	case d.BestScore != nil:
		b = appendEscaped(b, d.BestMethod)
		b = append(b, ` <strong class="num">`...)
		b = appendEscaped(b, formatNumber(*d.BestScore, d.Decimals))
		if d.MetricUnit == "%" {
			b = append(b, '%')
		}
		b = append(b, `</strong> <span class="muted">`...)
		b = appendEscaped(b, d.MetricName)
		if d.HigherIsBetter {
			b = append(b, " ↑</span>"...)
		} else {
			b = append(b, " ↓</span>"...)
		}
	default:
		b = append(b, `<span class="muted">no results yet</span>`...)
	}
	return append(b, "</td>\n    </tr>\n    "...)
}
