package site

import (
	"html/template"
	"strings"
	"testing"

	"budgetpub/schema"
)

// TestRowsAsTemplate: the rows of the headline, the breakdowns, the checks
// and the coverage, written in Go, are byte for byte what html/template
// makes of the same rows written as a template (as doc.html wrote them
// before, numeric cells aligned by the tables' style now), for values with every character its escaper changes
// (and some it does not: invalid UTF-8, noncharacters) and an odd id.
func TestRowsAsTemplate(t *testing.T) {
	// the template functions the rows used
	old := template.FuncMap{"yuan": groupDigits, "num": plainNumber, "inc": func(i int) int { return i + 1 }, "anchor": anchor,
		"lines": func(c schema.Check) []lineRef {
			out := make([]lineRef, len(c.Lines))
			for i, l := range c.Lines {
				out[i].Line = l
				if i < len(c.Files) {
					out[i].File = c.Files[i]
				}
			}
			return out
		}}
	tmpl := template.Must(template.New("rows").Funcs(old).Parse(`{{define "money"}}{{if .}}{{yuan .}}{{else}}—{{end}}{{end}}` +
		`{{define "headline"}}{{$root := .Root}}{{$id := .ID}}{{$prior := .Prior}}{{range .Figs}}<tr><th scope="row">{{.Zh}} <span class="en">{{.En}}</span></th><td>{{template "money" .Amount}}</td>{{if $prior}}<td>{{template "money" .Prior}}</td>{{end}}<td>{{if .Line}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}">{{if .File}}{{inc .File}}:{{end}}{{.Line}}</a>{{end}}</td></tr>
{{end}}{{end}}` +
		`{{define "breakdown"}}{{$root := .Root}}{{$id := .ID}}{{$prior := .Prior}}{{range .Rows}}<tr><td>{{.Code}}</td><td>{{if .Indent}}　{{end}}{{.Name}}{{with .NameEn}} <span class="en">{{.}}</span>{{end}}{{with .Reported}} <span class="en">(published as {{.}})</span>{{end}}</td><td>{{template "money" .Amount}}</td>{{if $prior}}<td>{{template "money" .Prior}}</td>{{end}}<td>{{if .Line}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}">{{if .File}}{{inc .File}}:{{end}}{{.Line}}</a>{{end}}</td></tr>
{{end}}{{end}}` +
		`{{define "checks"}}{{$root := .Root}}{{$id := .ID}}{{range .Checks}}<tr><td class="sev-{{.Severity}}">{{.Severity}}</td><td>{{.Message}}<br><span class="en" lang="en">{{.MessageEn}}</span><br><code>{{.Rule}}</code></td><td>{{num .Stated}} {{.Unit}}</td><td>{{num .Computed}} {{.Unit}}</td><td>{{range lines .}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}">{{if .File}}{{inc .File}}:{{end}}{{.Line}}</a> {{end}}</td></tr>
{{end}}{{end}}` +
		`{{define "coverage"}}{{$root := .Root}}{{$id := .ID}}{{$prior := .Prior}}{{range .Coverage}}<tr><td>{{.Part}}</td><td>{{.Name}}<br><span class="en" lang="en">{{.NameEn}}</span></td><td class="cov-{{.Status}}">{{.Status}}</td>{{if $prior}}<td>{{.Reason}}</td>{{end}}<td>{{if .Line}}<a href="{{$root}}source/{{$id}}.html#{{anchor .File .Line}}">{{if .File}}{{inc .File}}:{{end}}{{.Line}}</a>{{end}}</td></tr>
{{end}}{{end}}`))
	odd := []string{"", "a+b", `<b>"x"</b> & 'y'`, "nul\x00", "bad\xff\xfeutf8", "\uFFFD\uFDD0\uFFFE", "　一般公共服务支出（+2）"}
	m := func(hundredths int64) *schema.Money { v := schema.Money(hundredths); return &v }
	amounts := []*schema.Money{nil, m(0), m(-123456750), m(305630000)}
	var figs []fig
	var rows []breakdownRow
	var checks []schema.Check
	var cov []schema.Coverage
	floats := []float64{0, -1.5, 1e21, 123456789.25, 0.0001, 1e-7, 2.27252e+07}
	for i, s := range odd {
		a, p := amounts[i%len(amounts)], amounts[(i+1)%len(amounts)]
		figs = append(figs, fig{Zh: s, En: odd[(i+1)%len(odd)], Amount: a, Prior: p, Line: i * 7, File: i % 3})
		rows = append(rows, breakdownRow{Code: s, Name: odd[(i+2)%len(odd)], NameEn: odd[(i+3)%len(odd)], Reported: odd[(i+4)%len(odd)],
			Amount: a, Prior: p, Line: i * 5, File: (i + 1) % 3, Indent: i%2 == 1})
		c := schema.Check{Rule: s, Severity: odd[(i+1)%len(odd)], Message: odd[(i+2)%len(odd)], MessageEn: odd[(i+3)%len(odd)], Unit: odd[(i+4)%len(odd)],
			Stated: floats[i%len(floats)], Computed: floats[(i+1)%len(floats)], Lines: []int{i + 1, 2 * i, 7}[:i%4%3]}
		if i%2 == 1 {
			c.Files = []int{1, 0, 2}[:i%3]
		}
		checks = append(checks, c)
		cov = append(cov, schema.Coverage{Part: s, Name: odd[(i+1)%len(odd)], NameEn: odd[(i+2)%len(odd)], Status: odd[(i+3)%len(odd)], Reason: odd[(i+4)%len(odd)], Line: i * 3, File: i % 2})
	}
	for _, id := range []string{"budget-2025-x", "a b+c\"<&'#?%", "路径/名"} {
		open, err := linkOpen("../", id)
		if err != nil {
			t.Fatal(err)
		}
		for _, prior := range []bool{true, false} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, "breakdown", map[string]any{"Root": "../", "ID": id, "Rows": rows, "Prior": prior}); err != nil {
				t.Fatal(err)
			}
			if got := breakdownRows(rows, open, prior); string(got) != want.String() {
				t.Errorf("breakdown rows (prior %v) for id %q:\n got %q\nwant %q", prior, id, got, want.String())
			}
			// the headline's prior year and the coverage's reasons are left out alike
			for name, got := range map[string]template.HTML{"headline": headlineRows(figs, open, prior), "coverage": coverageRows(cov, open, prior)} {
				want.Reset()
				if err := tmpl.ExecuteTemplate(&want, name, map[string]any{"Root": "../", "ID": id, "Figs": figs, "Coverage": cov, "Prior": prior}); err != nil {
					t.Fatal(err)
				}
				if string(got) != want.String() {
					t.Errorf("%s rows (column %v) for id %q:\n got %q\nwant %q", name, prior, id, got, want.String())
				}
			}
		}
		for name, got := range map[string]template.HTML{"checks": checkRows(checks, open)} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, name, map[string]any{"Root": "../", "ID": id, "Figs": figs, "Rows": rows, "Checks": checks, "Coverage": cov}); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("%s rows for id %q:\n got %q\nwant %q", name, id, got, want.String())
			}
		}
	}
}

// A breakdown's table has a prior year's column only where one of its rows
// states a prior year's amount, and then every row has the cell (— where
// it states none).
func TestBreakdownPriorColumn(t *testing.T) {
	m := schema.Money(123400)
	rows := []breakdownRow{{Code: "301", Name: "工资福利支出", Amount: &m, Line: 3}, {Code: "302", Name: "商品和服务支出", Amount: &m, Line: 4}}
	for _, prior := range []bool{false, true} {
		if prior {
			rows[1].Prior = &m
		}
		bd := newBreakdown("economic", "按经济分类", "By economic class", "", rows, `<a href="../source/x.html#`)
		cells := 4
		if prior {
			cells = 5
		}
		if bd.Prior != prior || strings.Count(string(bd.Rows), "<td>") != cells*len(rows) {
			t.Errorf("rows with prior years %v: column %v, rows %s", prior, bd.Prior, bd.Rows)
		}
		if prior && !strings.Contains(string(bd.Rows), "<td>1,234</td><td>—</td>") {
			t.Errorf("a row without a prior year in a table with the column: %s", bd.Rows)
		}
	}
}

// A check's stated and computed numbers are written as a reader writes
// them, never in exponent form.
func TestPlainNumber(t *testing.T) {
	for v, want := range map[float64]string{2.27252e+07: "22,725,200", -1.5: "-1.5", 1e21: "1,000,000,000,000,000,000,000", 0.0001: "0.0001", 123456789.25: "123,456,789.25", 0: "0"} {
		if got := plainNumber(v); got != want {
			t.Errorf("plainNumber(%v) = %q, want %q", v, got, want)
		}
	}
}
