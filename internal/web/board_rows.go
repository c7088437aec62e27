package web

import (
	"html/template"
	"strconv"
	"strings"
)

// boardRowsHTML writes the leaderboard's table rows: the markup the
// dataset template's row loop had, escaped exactly as html/template
// escaped it there (TestBoardRowsMatchTheTemplate renders both from hostile
// rows and compares them byte for byte). A template executes a hundred
// rows of some thirty fields each through reflection, one call per field
// and one per escaper: three quarters of an uncached page's Go time went
// into that loop. Written here, the rows cost a tenth of it.
func boardRowsHTML(rows []rowView, show shownColumns) template.HTML {
	b := make([]byte, 0, 1024*len(rows))
	for i := range rows {
		b = appendBoardRow(b, &rows[i], show)
	}
	return template.HTML(b)
}

func appendBoardRow(b []byte, r *rowView, show shownColumns) []byte {
	b = append(b, "\n  <tr"...)
	if r.Conflict {
		b = append(b, ` class="conflict-row"`...)
	}
	b = append(b, ` data-method="`...)
	b = appendEscaped(b, r.Method)
	b = append(b, "\">\n    <td class=\"num rank\">"...)
	if r.Rank != 0 {
		b = strconv.AppendInt(b, int64(r.Rank), 10)
	} else {
		b = append(b, "–"...)
	}
	b = append(b, "</td>\n    <th scope=\"row\" class=\"sticky method\"><a href=\"/methods/"...)
	b = appendURLPart(b, r.MethodSlug)
	b = append(b, `">`...)
	b = appendEscaped(b, r.Method)
	b = append(b, "</a>"...)
	if r.ExtraData {
		b = append(b, ` <abbr class="badge badge-extra" title="uses extra training data">extra data</abbr>`...)
	}
	b = append(b, "</th>\n    "...)
	for i := range r.Cells {
		c := &r.Cells[i]
		b = append(b, `<td class="num`...)
		if i == 0 {
			b = append(b, " primary"...)
		}
		b = append(b, `">`...)
		if c.Has {
			b = append(b, `<a href="/results/`...)
			b = strconv.AppendInt(b, c.ResultID, 10)
			b = append(b, `" class="value" title="as reported: `...)
			b = appendEscaped(b, c.Raw)
			b = append(b, `">`...)
			b = appendEscaped(b, c.Text)
			b = append(b, "</a>"...)
			if c.PM != "" {
				b = append(b, ` <small class="pm">`...)
				b = appendEscaped(b, c.PM)
				b = append(b, "</small>"...)
			}
			b = append(b, "\n      "...)
			if len(c.Conflicts) > 0 {
				b = append(b, `<div class="conflict">⚠ reports differ:`...)
				for j := range c.Conflicts {
					o := &c.Conflicts[j]
					b = append(b, ` <a href="/results/`...)
					b = strconv.AppendInt(b, o.ResultID, 10)
					b = append(b, `">`...)
					b = appendEscaped(b, o.Text)
					b = append(b, "</a> ("...)
					b = appendEscaped(b, o.Source)
					b = append(b, ')')
				}
				b = append(b, "</div>"...)
			}
		} else {
			b = append(b, `<span class="missing" title="not reported">–</span>`...)
		}
		b = append(b, "</td>"...)
	}
	b = append(b, "\n    "...)
	if show.Params {
		b = append(b, `<td class="num">`...)
		b = appendEscaped(b, r.ParamsText)
		b = append(b, "</td>"...)
	}
	b = append(b, "\n    "...)
	if show.Setting {
		b = append(b, `<td class="setting">`...)
		b = appendEscaped(b, r.Setting)
		b = append(b, "</td>"...)
	}
	b = append(b, "\n    "...)
	if show.Paper {
		b = append(b, `<td class="paper">`...)
		if r.First.PaperSlug != "" {
			b = append(b, `<a href="/papers/`...)
			b = appendURLPart(b, r.First.PaperSlug)
			b = append(b, `" class="title" title="`...)
			b = appendEscaped(b, r.First.PaperTitle)
			b = append(b, `">`...)
			b = appendEscaped(b, r.First.PaperTitle)
			b = append(b, "</a>"...)
		}
		if r.Year != 0 {
			b = append(b, ` <span class="year">(`...)
			b = strconv.AppendInt(b, int64(r.Year), 10)
			b = append(b, ")</span>"...)
		}
		b = append(b, "</td>"...)
	}
	b = append(b, "\n    "...)
	if show.Code {
		b = append(b, `<td class="code">`...)
		if r.First.CodeURL != "" {
			b = append(b, `<a href="`...)
			b = appendURL(b, r.First.CodeURL)
			b = append(b, `" rel="noopener nofollow" title="`...)
			b = appendEscaped(b, r.First.CodeURL)
			b = append(b, `">code</a>`...)
		}
		b = append(b, "</td>"...)
	}
	b = append(b, "\n    <td class=\"source\">"...)
	if r.First.SourceURL != "" {
		b = append(b, `<a href="`...)
		b = appendURL(b, r.First.SourceURL)
		b = append(b, `" rel="noopener nofollow" class="source" title="Reported in `...)
		b = appendEscaped(b, r.ReportedIn)
		if r.First.Source != "" {
			b = append(b, " · "...)
			b = appendEscaped(b, r.First.Source)
		}
		b = append(b, `">`...)
		b = appendEscaped(b, r.SourceLabel)
		b = append(b, "</a>"...)
	} else {
		b = append(b, `<span class="reported" title="Reported in `...)
		b = appendEscaped(b, r.ReportedIn)
		b = append(b, `; no link known">`...)
		b = appendEscaped(b, r.ReportedIn)
		b = append(b, `</span> <span class="muted">(no link)</span>`...)
	}
	if r.Confidence != "high" {
		b = append(b, ` <span class="badge" title="read in a secondary copy or a reconstructed table">[`...)
		b = appendEscaped(b, r.Confidence)
		b = append(b, "]</span>"...)
	}
	b = append(b, "</td>\n  </tr>\n  "...)
	return b
}

// htmlEscapes is html/template's table for text and quoted attribute
// values (htmlReplacementTable): the same characters, the same entities.
var htmlEscapes = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendEscaped appends s escaped as html/template escapes a string in
// text or in a quoted attribute. Every character it replaces is ASCII,
// and no byte of a multi-byte (or invalid) UTF-8 sequence is, so a walk
// over bytes replaces what html/template's walk over runes replaces.
func appendEscaped(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(htmlEscapes) || htmlEscapes[c] == "" {
			continue
		}
		b = append(b, s[written:i]...)
		b = append(b, htmlEscapes[c]...)
		written = i + 1
	}
	return append(b, s[written:]...)
}

// appendURL appends a whole URL in a quoted attribute as html/template
// does: a scheme other than http, https or mailto becomes "#ZgotmplZ",
// then the URL is normalized and escaped.
func appendURL(b []byte, s string) []byte {
	if !isSafeURL(s) {
		return append(b, "#ZgotmplZ"...)
	}
	return appendURLPart(b, s)
}

// isSafeURL is html/template's test of a URL's scheme.
func isSafeURL(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			return true // a colon after a slash names no scheme
		case ':':
			p := s[:i]
			return strings.EqualFold(p, "http") || strings.EqualFold(p, "https") || strings.EqualFold(p, "mailto")
		}
	}
	return true
}

// appendURLPart appends URL text after a fixed start ("/methods/…") in a
// quoted attribute as html/template does: percent-encoded where RFC 3986
// does not allow the byte (valid %XX escapes kept), then escaped for the
// attribute.
func appendURLPart(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~',
			c == '!', c == '#', c == '$', c == '*', c == ',', c == '/', c == ':', c == ';', c == '=', c == '?', c == '@', c == '[', c == ']':
			b = append(b, c)
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '+':
			b = append(b, "&#43;"...)
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
