package site

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"budgetpub/schema"
)

// TestSourcePage: a source page carries its text once, with markup only on
// the lines the document cites — each an element with its anchor, so that
// every figure's link lands without JavaScript — and the text reads back
// line for line, a first empty line and markup characters included.
func TestSourcePage(t *testing.T) {
	dir := t.TempDir()
	r, err := NewRenderer(dir, Release{Name: "r-test"}, Options{BaseURL: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"", "收入总计 <b>1,200.00</b> & 支出", "二、支出", "", "三、“三公”经费 30.00", "", "end"}
	d := &schema.Document{
		ID:         "x",
		Provenance: map[string]schema.Source{"/revenue/total": {Line: 2}},
		Checks:     []schema.Check{{Severity: schema.SeverityWarning, Lines: []int{5, 2}}},
		Coverage:   []schema.Coverage{{Part: "section", Name: "政府采购", Status: schema.CoverageAbsent}},
	}
	if err := r.Document(d, lines); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "source", "x.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var pre *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "pre" {
			pre = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if pre == nil {
		t.Fatal("no <pre>")
	}
	// the text, and every id
	var text strings.Builder
	ids := map[string]string{} // id → the text of its element
	var walk func(n *html.Node, into *strings.Builder)
	walk = func(n *html.Node, into *strings.Builder) {
		switch {
		case n.Type == html.TextNode:
			into.WriteString(n.Data)
		case n.Type == html.ElementNode:
			var own strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, &own)
			}
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[a.Val] = own.String()
				}
			}
			into.WriteString(own.String())
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, into)
		}
	}
	for c := pre.FirstChild; c != nil; c = c.NextSibling {
		walk(c, &text)
	}
	if got, want := text.String(), strings.Join(lines, "\n"); got != want {
		t.Errorf("the text reads back as\n%q\nwant\n%q", got, want)
	}
	if want := map[string]string{"L2": lines[1], "L5": lines[4]}; !reflect.DeepEqual(ids, want) {
		t.Errorf("anchors %q, want only the cited lines %q", ids, want)
	}
	if !strings.Contains(string(data), `<script src="../assets/source.js"></script>`) {
		t.Error("no script to number the other lines")
	}
	if _, err := os.Stat(filepath.Join(dir, "assets", "source.js")); err != nil {
		t.Error(err)
	}
}

// TestSourcePageFiles: a disclosure of two files has a <pre> for each; a
// line cited in the second file is anchored F1L<n>, and that <pre> says so
// for the script that numbers the lines.
func TestSourcePageFiles(t *testing.T) {
	dir := t.TempDir()
	r, err := NewRenderer(dir, Release{Name: "r-test"}, Options{BaseURL: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	d := &schema.Document{
		ID:       "y",
		Document: schema.Meta{Sources: []schema.SourceFile{{Path: "text.txt"}, {Path: "tables.txt"}}},
		Provenance: map[string]schema.Source{
			"/revenue/total":     {Line: 2},
			"/expenditure/total": {Line: 3, File: 1},
		},
	}
	if err := r.Disclosure(d, [][]string{{"a", "b", "c"}, {"x", "y", "z"}}, Summarize(d), nil, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "source", "y.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{`id="L2"`, `id="F1L3"`, `data-anchor="F1"`, `<span id="F1L3">z</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, not := range []string{`id="L3"`, `id="F1L2"`} {
		if strings.Contains(page, not) {
			t.Errorf("an uncited line is marked up: %s", not)
		}
	}
}

// TestExtractionNotesApart: a disclosure page counts the amounts the
// extraction placed nowhere (one a warning, and the rest of a long list in
// one) apart from its notes on the reading, and calls neither a finding
// about the report — the checks are those.
func TestExtractionNotesApart(t *testing.T) {
	dir := t.TempDir()
	r, err := NewRenderer(dir, Release{Name: "r-test"}, Options{BaseURL: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	amount := schema.Money(355100)
	d := &schema.Document{ID: "w", Document: schema.Meta{Source: schema.SourceFile{Path: "t.txt"}}, Warnings: []schema.Warning{
		{Line: 1, Reason: schema.UnknownWarning([]string{schema.UnknownDepartment}).Reason},
		{Line: 2, Text: "b", Reason: "amount 35.51万元 " + schema.WarnUnplaced, Amount: &amount},
		{Reason: fmt.Sprintf(schema.WarnUnplacedMore, 4)},
	}}
	if n, _ := d.WarningCounts(); n != 5 {
		t.Errorf("unplaced %d, want 5", n)
	}
	if err := r.Disclosure(d, [][]string{{"a", "b"}}, Summarize(d), nil, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "doc", "w.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"5 处未能归入模型的数字；1 条读取说明", "not findings about this report", "5 amounts the extractor could not place; 1 notes"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}
