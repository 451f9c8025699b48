package site

import (
	"html/template"
	"strconv"
	"strings"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// The home page's catalog and the coverage matrix have a row for every
// document: written in Go, not a template call a cell (a 1% rebuild
// renders both whole), byte for byte what html/template made of
// index.html's and coverage.html's rows (TestCatalogRowsAsTemplate).

// catalogLinks open the rows' links as html/template escapes them, for an
// id that is not plainPath.
var catalogLinks = template.Must(template.New("").Parse(`{{define "doc"}}<a href="doc/{{.}}.html">{{end}}` +
	`{{define "dept"}}<a href="dept/{{.}}.html" class="en">{{end}}{{define "data"}}<a href="data/{{.}}.json">{{end}}`))

// plainPath says whether html/template writes s as it is in a link's path:
// ASCII letters, digits, '-', '_', '.' and '~' only.
func plainPath(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
			return false
		}
	}
	return true
}

// openLink writes the link opener name of catalogLinks for id.
func openLink(b *strings.Builder, name, id string) error {
	if !plainPath(id) {
		return catalogLinks.ExecuteTemplate(b, name, id)
	}
	switch name {
	case "doc":
		b.WriteString(`<a href="doc/` + id + `.html">`)
	case "dept":
		b.WriteString(`<a href="dept/` + id + `.html" class="en">`)
	default:
		b.WriteString(`<a href="data/` + id + `.json">`)
	}
	return nil
}

// kindText is a document's kind as pages print it.
func kindText(k string) string {
	switch k {
	case schema.KindFinalAccounts:
		return "决算 final accounts"
	case "":
		return unknownKind
	}
	return "预算 budget"
}

// coverageMark is a section's coverage as the matrix marks it.
func coverageMark(status string) string {
	switch status {
	case schema.CoverageRead:
		return "✓"
	case schema.CoverageEmpty:
		return "∅"
	case schema.CoverageNotRead:
		return "✗"
	case schema.CoverageNoFigure:
		return "○"
	case schema.CoverageAbsent:
		return "—"
	}
	return ""
}

// catalogSearch is what the catalog's filter matches a row by.
func catalogSearch(r emit.DocumentRow) string {
	return strings.ToLower(strings.Join(strings.Fields(deptName(r.Department)+r.Region+r.ID+yearText(r.FiscalYear)), ""))
}

// moneyText is the template "money" of base.html given a dataset's cell.
func moneyText(b *strings.Builder, cell string) {
	if cell == "" {
		b.WriteString("—")
		return
	}
	b.WriteString(htmlText(groupDigits(cell)))
}

// catalogRows are the rows of the home page's table of disclosures.
func catalogRows(rows []emit.DocumentRow) (template.HTML, error) {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(`<tr data-search="` + htmlText(catalogSearch(r)) + `" data-region="` + htmlText(r.Region) + `" data-year="`)
		if r.FiscalYear != 0 {
			b.WriteString(strconv.Itoa(r.FiscalYear))
		}
		b.WriteString(`" data-kind="` + htmlText(r.Kind) + "\">\n<td>")
		if err := openLink(&b, "doc", r.ID); err != nil {
			return "", err
		}
		b.WriteString(htmlText(deptName(r.Department)) + `</a> · `)
		if err := openLink(&b, "dept", r.DepartmentID); err != nil {
			return "", err
		}
		b.WriteString(`历年 years</a></td><td>` + htmlText(r.Region) + `</td><td class="n">` + htmlText(yearText(r.FiscalYear)) +
			`</td><td>` + htmlText(kindText(r.Kind)) + "</td>\n<td class=\"n\">")
		moneyText(&b, r.RevenueTotal)
		b.WriteString(`</td><td class="n">`)
		moneyText(&b, r.ExpenditureTotal)
		b.WriteString("</td>\n<td class=\"n\">" + strconv.Itoa(r.ChecksError) + " / " + strconv.Itoa(r.ChecksWarning) + " / " + strconv.Itoa(r.ChecksInfo) + `</td><td>`)
		if err := openLink(&b, "data", r.ID); err != nil {
			return "", err
		}
		b.WriteString("JSON</a></td></tr>\n")
	}
	return template.HTML(b.String()), nil
}

// coverageRow is a document's row of the coverage matrix: what the page
// shows of its summary.
type coverageRow struct {
	ID, Title               string
	Unknown, Sections       []string
	TablesRead, TablesFound int
}

// coverageMatrixRows are the rows of the coverage matrix.
func coverageMatrixRows(docs []coverageRow) (template.HTML, error) {
	var b strings.Builder
	for _, d := range docs {
		b.WriteString("<tr><td>")
		if err := openLink(&b, "doc", d.ID); err != nil {
			return "", err
		}
		b.WriteString(htmlText(d.Title) + `</a>`)
		if len(d.Unknown) > 0 {
			b.WriteString(` <strong>身份不完整 <span class="en" lang="en">identity incomplete</span></strong>`)
		}
		b.WriteString(`</td>`)
		for _, st := range d.Sections {
			esc := htmlText(st)
			b.WriteString(`<td class="cov-` + esc + `" title="` + esc + `">` + htmlText(coverageMark(st)) + `</td>`)
		}
		b.WriteString(`<td class="n">` + strconv.Itoa(d.TablesRead) + " / " + strconv.Itoa(d.TablesFound) + "</td></tr>\n")
	}
	return template.HTML(b.String()), nil
}
