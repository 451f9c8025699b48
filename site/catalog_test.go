package site

import (
	"html/template"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestCatalogRowsAsTemplate: the home page's and the coverage matrix's
// rows, written in Go, are byte for byte what html/template makes of them
// written as index.html and coverage.html wrote them, for values with
// every character its escapers change and ids no link keeps as they are.
func TestCatalogRowsAsTemplate(t *testing.T) {
	old := template.FuncMap{"kind": kindText, "dept": deptName, "year": yearText, "yuan": groupDigits,
		"mark": func(status string) string {
			return map[string]string{schema.CoverageRead: "✓", schema.CoverageEmpty: "∅", schema.CoverageNotRead: "✗", schema.CoverageNoFigure: "○", schema.CoverageAbsent: "—"}[status]
		},
		"search": func(r emit.DocumentRow) string {
			return strings.ToLower(strings.Join(strings.Fields(deptName(r.Department)+r.Region+r.ID+yearText(r.FiscalYear)), ""))
		}}
	tmpl := template.Must(template.New("rows").Funcs(old).Parse(`{{define "money"}}{{if .}}{{yuan .}}{{else}}—{{end}}{{end}}` +
		`{{define "catalog"}}<tbody>
{{range .}}<tr data-search="{{search .}}" data-region="{{.Region}}" data-year="{{if .FiscalYear}}{{.FiscalYear}}{{end}}" data-kind="{{.Kind}}">
<td><a href="doc/{{.ID}}.html">{{dept .Department}}</a> · <a href="dept/{{.DepartmentID}}.html" class="en">历年 years</a></td><td>{{.Region}}</td><td class="n">{{year .FiscalYear}}</td><td>{{kind .Kind}}</td>
<td class="n">{{template "money" .RevenueTotal}}</td><td class="n">{{template "money" .ExpenditureTotal}}</td>
<td class="n">{{.ChecksError}} / {{.ChecksWarning}} / {{.ChecksInfo}}</td><td><a href="data/{{.ID}}.json">JSON</a></td></tr>
{{end}}</tbody>{{end}}` +
		`{{define "coverage"}}<tbody>
{{range .}}<tr><td><a href="doc/{{.ID}}.html">{{.Title}}</a>{{if .Unknown}} <strong>身份不完整 <span class="en" lang="en">identity incomplete</span></strong>{{end}}</td>{{range .Sections}}<td class="cov-{{.}}" title="{{.}}">{{mark .}}</td>{{end}}<td class="n">{{.TablesRead}} / {{.TablesFound}}</td></tr>
{{end}}</tbody>{{end}}`))
	odd := []string{"", "a+b", `<b>"x"</b> & 'y'`, "nul\x00", "bad\xff\xfeutf8", "\uFFFD\uFDD0\uFFFE", "　一般公共服务支出（+2）", "Mixed Case  spaced"}
	ids := []string{"budget-2025-x", "a b+c\"<&'#?%", "路径/名", "UPPER_lower.1~", "javascript:alert(1)", ""}
	statuses := []string{schema.CoverageRead, schema.CoverageEmpty, schema.CoverageNotRead, schema.CoverageNoFigure, schema.CoverageAbsent}
	money := []string{"", "0", "-1234567.5", "305630000.00", "12"}
	var rows []emit.DocumentRow
	var cov []coverageRow
	for i, s := range odd {
		for j, id := range ids {
			k := i + j
			rows = append(rows, emit.DocumentRow{ID: id, Department: s, Region: odd[(k+1)%len(odd)], Kind: []string{"", schema.KindBudget, schema.KindFinalAccounts, s}[k%4],
				FiscalYear: []int{0, 2025, -1}[k%3], DepartmentID: ids[(k+1)%len(ids)], RevenueTotal: money[k%len(money)], ExpenditureTotal: money[(k+2)%len(money)],
				ChecksError: k, ChecksWarning: 2 * k, ChecksInfo: k % 3})
			secs := append([]string{s}, statuses[:k%(len(statuses)+1)]...)
			cov = append(cov, coverageRow{ID: id, Title: odd[(k+2)%len(odd)], Unknown: []string{"department"}[:k%2], Sections: secs, TablesRead: k, TablesFound: 2 * k})
		}
	}
	catalog, err := catalogRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	matrix, err := coverageMatrixRows(cov)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		got  template.HTML
		data any
	}{"catalog": {catalog, rows}, "coverage": {matrix, cov}} {
		var want strings.Builder
		if err := tmpl.ExecuteTemplate(&want, name, c.data); err != nil {
			t.Fatal(err)
		}
		if got := "<tbody>\n" + string(c.got) + "</tbody>"; got != want.String() {
			g, w := strings.Split(got, "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Errorf("%s, line %d:\n got %q\nwant %q", name, i+1, g[i], w[i])
					break
				}
			}
			if len(g) != len(w) {
				t.Errorf("%s: %d lines, want %d", name, len(g), len(w))
			}
		}
	}
}
