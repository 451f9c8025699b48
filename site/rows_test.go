package site

import (
	"html/template"
	"strings"
	"testing"

	"budgetpub/schema"
)

// TestRowsAsTemplate: the headline's and the breakdowns' rows, written in
// Go, are byte for byte what html/template makes of the same rows written
// as a template, for values with every character its escaper changes
// (and some it does not: invalid UTF-8, noncharacters) and an odd id.
func TestRowsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("rows").Funcs(funcs).Parse(`{{define "money"}}{{if .}}{{yuan .}}{{else}}—{{end}}{{end}}` +
		`{{define "headline"}}{{$root := .Root}}{{$id := .ID}}{{range .Figs}}<tr><th scope="row">{{.Zh}} <span class="en">{{.En}}</span></th><td class="n">{{template "money" .Amount}}</td><td class="n">{{template "money" .Prior}}</td><td class="n">{{if .Line}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}" class="src">{{if .File}}文件{{inc .File}} {{end}}第{{.Line}}行 line {{.Line}}</a>{{end}}</td></tr>
{{end}}{{end}}` +
		`{{define "breakdown"}}{{$root := .Root}}{{$id := .ID}}{{range .Rows}}<tr><td>{{.Code}}</td><td>{{if .Indent}}　{{end}}{{.Name}}{{with .NameEn}} <span class="en">{{.}}</span>{{end}}{{with .Reported}} <span class="en">(published as {{.}})</span>{{end}}</td><td class="n">{{template "money" .Amount}}</td><td class="n">{{template "money" .Prior}}</td><td class="n">{{if .Line}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}" class="src">{{if .File}}文件{{inc .File}} {{end}}第{{.Line}}行</a>{{end}}</td></tr>
{{end}}{{end}}`))
	odd := []string{"", "a+b", `<b>"x"</b> & 'y'`, "nul\x00", "bad\xff\xfeutf8", "\uFFFD\uFDD0\uFFFE", "　一般公共服务支出（+2）"}
	m := func(hundredths int64) *schema.Money { v := schema.Money(hundredths); return &v }
	amounts := []*schema.Money{nil, m(0), m(-123456750), m(305630000)}
	var figs []fig
	var rows []breakdownRow
	for i, s := range odd {
		a, p := amounts[i%len(amounts)], amounts[(i+1)%len(amounts)]
		figs = append(figs, fig{Zh: s, En: odd[(i+1)%len(odd)], Amount: a, Prior: p, Line: i * 7, File: i % 3})
		rows = append(rows, breakdownRow{Code: s, Name: odd[(i+2)%len(odd)], NameEn: odd[(i+3)%len(odd)], Reported: odd[(i+4)%len(odd)],
			Amount: a, Prior: p, Line: i * 5, File: (i + 1) % 3, Indent: i%2 == 1})
	}
	for _, id := range []string{"budget-2025-x", "a b+c\"<&'#?%", "路径/名"} {
		open, err := linkOpen("../", id)
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]template.HTML{"headline": headlineRows(figs, open), "breakdown": breakdownRows(rows, open)} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, name, map[string]any{"Root": "../", "ID": id, "Figs": figs, "Rows": rows}); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("%s rows for id %q:\n got %q\nwant %q", name, id, got, want.String())
			}
		}
	}
}
