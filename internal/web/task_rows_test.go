package web

import (
	"html/template"
	"math/rand"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/model"
	"github.com/benchboard/benchboard/internal/store"
)

// referenceTaskRows is the taskgroup partial's row loop as it was before
// the rows were written in Go (taskRowsHTML), in the same place of a table.
const referenceTaskRows = `<table><tbody>
    {{range .}}
    <tr>
      <td>{{if .ParentName}}<span class="parent">{{.ParentName}} › </span>{{end}}<a href="/datasets/{{.Slug}}">{{.Name}}</a></td>
      <td class="num">{{if .Children}}{{plural .Children "board"}}{{else}}{{counts .Rows .Results}}{{end}}</td>
      <td>{{if .Children}}<a href="/datasets/{{.Slug}}">methods × datasets table</a>{{else if .BestScore}}{{.BestMethod}} <strong class="num">{{num (deref .BestScore) .Decimals}}{{if eq .MetricUnit "%"}}%{{end}}</strong> <span class="muted">{{.MetricName}} {{if .HigherIsBetter}}↑{{else}}↓{{end}}</span>{{else}}<span class="muted">no results yet</span>{{end}}</td>
    </tr>
    {{end}}
    </tbody></table>`

// TestTaskRowsMatchTheTemplate: the rows written by taskRowsHTML are, byte
// for byte, what html/template made of the same summaries in the
// partial's loop, for hostile names, slugs and units, with and without a
// parent, children or a best score.
func TestTaskRowsMatchTheTemplate(t *testing.T) {
	ref := template.Must(template.New("rows").Funcs(funcs).Parse(referenceTaskRows))
	r := rand.New(rand.NewSource(15))
	scores := []float64{0, 1, -2.5, 76.123456, 1e-9, 12345678.9}
	for round := 0; round < 300; round++ {
		ds := make([]store.DatasetSummary, r.Intn(6))
		for i := range ds {
			d := store.DatasetSummary{
				Dataset:    model.Dataset{Slug: pick(r, hostileURLs), Name: pick(r, hostileTexts)},
				ParentName: pick(r, hostileTexts), Results: r.Intn(3), Rows: r.Intn(3), Children: r.Intn(3) * r.Intn(2),
				BestMethod: pick(r, hostileTexts), MetricName: pick(r, hostileTexts), Decimals: r.Intn(4),
				MetricUnit: []string{"", "%", "<%>", "ms"}[r.Intn(4)], HigherIsBetter: r.Intn(2) == 0,
			}
			if r.Intn(3) != 0 {
				v := scores[r.Intn(len(scores))]
				d.BestScore = &v
			}
			ds[i] = d
		}
		var want strings.Builder
		if err := ref.Execute(&want, ds); err != nil {
			t.Fatal(err)
		}
		got := "<table><tbody>\n    " + string(taskRowsHTML(ds)) + "\n    </tbody></table>"
		if got != want.String() {
			t.Fatalf("round %d: the rows differ from the template's\n--- template\n%s\n--- taskRowsHTML\n%s", round, want.String(), got)
		}
	}
}
