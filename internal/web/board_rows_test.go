package web

import (
	"html/template"
	"math/rand"
	"strings"
	"testing"
)

// referenceRows is the dataset template's row loop as it was before the
// rows were written in Go (boardRowsHTML), in the same place of a table:
// html/template escapes it, and boardRowsHTML must write the same bytes.
const referenceRows = `<table><tbody>{{$show := .Show}}{{range .Rows}}
  <tr{{if .Conflict}} class="conflict-row"{{end}} data-method="{{.Method}}">
    <td class="num rank">{{if .Rank}}{{.Rank}}{{else}}–{{end}}</td>
    <th scope="row" class="sticky method"><a href="/methods/{{.MethodSlug}}">{{.Method}}</a>{{if .ExtraData}} <abbr class="badge badge-extra" title="uses extra training data">extra data</abbr>{{end}}</th>
    {{range $i, $c := .Cells}}<td class="num{{if eq $i 0}} primary{{end}}">{{if .Has}}<a href="/results/{{.ResultID}}" class="value" title="as reported: {{.Raw}}">{{.Text}}</a>{{with .PM}} <small class="pm">{{.}}</small>{{end}}
      {{if .Conflicts}}<div class="conflict">⚠ reports differ:{{range .Conflicts}} <a href="/results/{{.ResultID}}">{{.Text}}</a> ({{.Source}}){{end}}</div>{{end}}{{else}}<span class="missing" title="not reported">–</span>{{end}}</td>{{end}}
    {{if $show.Params}}<td class="num">{{.ParamsText}}</td>{{end}}
    {{if $show.Setting}}<td class="setting">{{.Setting}}</td>{{end}}
    {{if $show.Paper}}<td class="paper">{{if .First.PaperSlug}}<a href="/papers/{{.First.PaperSlug}}" class="title" title="{{.First.PaperTitle}}">{{.First.PaperTitle}}</a>{{end}}{{if .Year}} <span class="year">({{.Year}})</span>{{end}}</td>{{end}}
    {{if $show.Code}}<td class="code">{{with .First.CodeURL}}<a href="{{.}}" rel="noopener nofollow" title="{{.}}">code</a>{{end}}</td>{{end}}
    <td class="source">{{if .First.SourceURL}}<a href="{{.First.SourceURL}}" rel="noopener nofollow" class="source" title="Reported in {{.ReportedIn}}{{with .First.Source}} · {{.}}{{end}}">{{.SourceLabel}}</a>{{else}}<span class="reported" title="Reported in {{.ReportedIn}}; no link known">{{.ReportedIn}}</span> <span class="muted">(no link)</span>{{end}}{{if ne .Confidence "high"}} <span class="badge" title="read in a secondary copy or a reconstructed table">[{{.Confidence}}]</span>{{end}}</td>
  </tr>
  {{end}}</tbody></table>`

// hostileTexts are what a name, a number as reported, a setting or a
// source may hold: markup, quotes, entities, NUL, invalid UTF-8, non-ASCII.
var hostileTexts = []string{
	"", "ResNet-50", `<script>alert(1)</script>`, `"quoted" & 'single'`, "a+b=c", "tab\tnew\nline", "nul\x00byte",
	"bad \xff\xfe utf-8", "naïve 日本語 ⚠", "&amp; already", "--> <!--", "{{.Method}}", "\uFDD0\uFFFE", "ſ", " · ",
}

// hostileURLs are what a source or code link, or a slug, may hold.
var hostileURLs = []string{
	"", "https://arxiv.org/abs/2101.00001", "http://example.org/a b?q=1&r=2#frag", "javascript:alert(1)", "JavaScript:x",
	"mailto:a@b.c", "HTTPS://X.ORG/%41%zz%4", "/relative/path:colon", "data:text/html,<b>", "httpſ://odd.example",
	`https://e.org/"><script>`, "https://e.org/ü?é=ß", "resnet-50_v2.1~x", "a'b(c)d", "%", "%%41", "x\x00y", "vbscript:",
	"://nothing", "https://e.org/+plus+", "ftp://files.example/f",
}

func pick(r *rand.Rand, from []string) string { return from[r.Intn(len(from))] }

// TestBoardRowsMatchTheTemplate: the rows written by boardRowsHTML are,
// byte for byte, what html/template made of the same rows in the
// template's loop: the same markup, links and escaping, for hostile text
// and URLs in every field, with and without each optional column.
func TestBoardRowsMatchTheTemplate(t *testing.T) {
	ref := template.Must(template.New("rows").Parse(referenceRows))
	r := rand.New(rand.NewSource(14))
	for round := 0; round < 300; round++ {
		rows := make([]rowView, r.Intn(6))
		for i := range rows {
			rv := rowView{
				Rank: r.Intn(3) * (i + 1), Method: pick(r, hostileTexts), MethodSlug: pick(r, hostileURLs), ExtraData: r.Intn(2) == 0,
				ParamsText: pick(r, hostileTexts), Setting: pick(r, hostileTexts), Year: r.Intn(2) * 2021,
				ReportedIn: pick(r, hostileTexts), Confidence: []string{"high", "med", "low", "", "<b>"}[r.Intn(5)],
				First: firstView{PaperSlug: pick(r, hostileURLs), PaperTitle: pick(r, hostileTexts), CodeURL: pick(r, hostileURLs),
					SourceURL: pick(r, hostileURLs), Source: pick(r, hostileTexts)},
				Conflict: r.Intn(4) == 0, ResultID: int64(r.Intn(1000)), SourceLabel: pick(r, hostileTexts),
			}
			for c := r.Intn(4); c > 0; c-- {
				cv := cellView{Has: r.Intn(4) != 0, Text: pick(r, hostileTexts), PM: pick(r, hostileTexts), ResultID: int64(r.Intn(1 << 20)),
					Raw: pick(r, hostileTexts)}
				for k := r.Intn(3); k > 0; k-- {
					cv.Conflicts = append(cv.Conflicts, conflictView{Text: pick(r, hostileTexts), Source: pick(r, hostileTexts), ResultID: int64(r.Intn(99))})
				}
				rv.Cells = append(rv.Cells, cv)
			}
			rows[i] = rv
		}
		show := shownColumns{Params: r.Intn(2) == 0, Setting: r.Intn(2) == 0, Paper: r.Intn(2) == 0, Code: r.Intn(2) == 0}
		var want strings.Builder
		if err := ref.Execute(&want, map[string]any{"Rows": rows, "Show": show}); err != nil {
			t.Fatal(err)
		}
		got := "<table><tbody>" + string(boardRowsHTML(rows, show)) + "</tbody></table>"
		if got != want.String() {
			t.Fatalf("round %d: the rows differ from the template's\n--- template\n%s\n--- boardRowsHTML\n%s", round, want.String(), got)
		}
	}
}
