package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"budgetpub/internal/testcsv"
	"budgetpub/pipeline/identity"
	"budgetpub/schema"
)

// TestGroups: which files make one disclosure, and its id.
func TestGroups(t *testing.T) {
	in := func(rel, dept, title string, year int, kind, disclosure string) input {
		return input{path: rel, rel: rel, id: DocID(rel), key: "k-" + rel, dept: dept, meta: Metadata{Disclosure: disclosure},
			ident: ident{Name: dept, Kind: kind, Year: year, Title: title}}
	}
	got := map[string][]string{}
	for _, g := range groups([]input{
		// text and tables part of one disclosure: named as parts
		in("a/x_text-part.txt", "d1", "某局2019年度部门预算", 2019, "budget", ""),
		in("a/x_tables-part.txt", "d1", "某局2019年度部门预算", 2019, "budget", ""),
		// a whole disclosure and a file whose title says it is the tables
		in("b/whole.txt", "d2", "某局2019年度部门预算公开", 2019, "budget", ""),
		in("b/tables.txt", "d2", "2019年政府采购预算表", 2019, "budget", ""),
		// the same department, year and kind, but its final accounts and another year: apart
		in("b/final.txt", "d2", "某局2019年度部门决算", 2019, "final_accounts", ""),
		in("b/2018.txt", "d2", "2018年政府采购预算表", 2018, "budget", ""),
		// two whole disclosures and a part: which whole it belongs to is not known
		in("c/one.txt", "d3", "某局2019年度部门预算", 2019, "budget", ""),
		in("c/two.txt", "d3", "某局2019年度部门预算", 2019, "budget", ""),
		in("c/three_tables-part.txt", "d3", "表", 2019, "budget", ""),
		// two files of one department-year, neither a part: apart
		in("e/first.txt", "d4", "某局2019年度部门预算", 2019, "budget", ""),
		in("e/second.txt", "d4", "某局2019年度部门预算", 2019, "budget", ""),
		// declared in metadata.csv, whatever their names and departments
		in("f/page.html", "d5", "某局2019年度部门预算", 2019, "budget", "f 2019 Budget"),
		in("f/attachment.pdf", "d6", "附件", 2019, "budget", "f 2019 Budget"),
		// a merged id that another file has already: the first part's own
		in("g/y_text-part.txt", "d7", "某局2019年度部门预算", 2019, "budget", ""),
		in("g/y_tables-part.txt", "d7", "某局2019年度部门预算", 2019, "budget", ""),
		in("h/y.txt", "d8", "某局2019年度部门预算", 2019, "budget", ""),
	}) {
		var rels []string
		for _, m := range g.members {
			rels = append(rels, m.rel)
		}
		got[g.id] = rels
	}
	want := map[string][]string{
		"x":                   {"a/x_tables-part.txt", "a/x_text-part.txt"},
		"whole":               {"b/tables.txt", "b/whole.txt"},
		"final":               {"b/final.txt"},
		"2018":                {"b/2018.txt"},
		"one":                 {"c/one.txt"},
		"two":                 {"c/two.txt"},
		"three_tables-part":   {"c/three_tables-part.txt"},
		"first":               {"e/first.txt"},
		"second":              {"e/second.txt"},
		idOf("f 2019 Budget"): {"f/attachment.pdf", "f/page.html"},
		"y_tables-part":       {"g/y_tables-part.txt", "g/y_text-part.txt"},
		"y":                   {"h/y.txt"},
	}
	if len(got) != len(want) {
		t.Errorf("%d disclosures, want %d: %v", len(got), len(want), got)
	}
	for id, rels := range want {
		if !slices.Equal(got[id], rels) {
			t.Errorf("%s: %v, want %v", id, got[id], rels)
		}
	}
}

// copyInto copies files of data/ into dir under new names.
func copyInto(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for to, from := range files {
		data, err := os.ReadFile(filepath.Join("..", "data", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildMergesDisclosures: the text part and the tables part of one
// disclosure publish as one document listing both files (its id from
// metadata.csv's disclosure column); a template is reported, not
// published; a row of departments.csv that cannot be used is rejected with
// its line; the three names of the Jiangsu party office are one
// department; a second run publishes nothing, and a changed alias table
// makes a new release.
func TestBuildMergesDisclosures(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	copyInto(t, in, map[string]string{
		"a.txt":             "corpus/more/jiangsu_party-committee-office_2017_dept-budget_text-part.txt",
		"b.txt":             "corpus/more/jiangsu_party-committee-office_2017_dept-budget_tables-part.txt",
		"c_text-part.txt":   "corpus/more/jiangsu_party-committee-office_2018_dept-budget_text-part.txt",
		"c_tables-part.txt": "corpus/more/jiangsu_party-committee-office_2018_dept-budget_tables-part.txt",
		"template.txt":      "corpus/more/TEMPLATE_final-accounts-template_placeholders.txt",
	})
	os.WriteFile(filepath.Join(in, MetadataFile), []byte("file,disclosure\na.txt,party-office 2017\nb.txt,party-office 2017\n"), 0o644)
	os.WriteFile(filepath.Join(in, identity.TableFile), []byte("department_id,name\njiangsu-party-office,江苏省委办公厅\nBAD,某局\n"), 0o644)
	rep, err := Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 2 || len(rep.Templates) != 1 || !strings.Contains(rep.Templates[0].Reason, "上海市XX局") {
		t.Errorf("%d documents, templates %+v; want 2 documents, the template reported", rep.Documents, rep.Templates)
	}
	if len(rep.Rejected) != 1 || !strings.Contains(rep.Rejected[0].Error, "line 3") || !strings.HasSuffix(rep.Rejected[0].Path, identity.TableFile) {
		t.Errorf("rejected %+v, want departments.csv line 3", rep.Rejected)
	}
	docs := testcsv.Rows(t, filepath.Join(out, "documents.csv"))
	var ids []string
	for _, d := range docs {
		ids = append(ids, d["id"])
		if d["department_id"] != "jiangsu-party-office" {
			t.Errorf("%s (%s): department %s, want jiangsu-party-office", d["id"], d["department"], d["department_id"])
		}
		if len(strings.Split(d["source_files"], ";")) != 2 {
			t.Errorf("%s: sources %s, want the two parts", d["id"], d["source_files"])
		}
	}
	if !slices.Equal(ids, []string{"c", idOf("party-office 2017")}) {
		t.Errorf("documents %v", ids)
	}
	if _, err := os.Stat(filepath.Join(out, "dept", "jiangsu-party-office.html")); err != nil {
		t.Errorf("department page: %v", err)
	}
	again, err := Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	if err != nil || again.Release != "" || again.Cached != 5 {
		t.Errorf("second run: %+v, %v; want nothing published, every file cached", again, err)
	}
	os.WriteFile(filepath.Join(in, identity.TableFile), []byte("department_id,name\njiangsu-general-office,江苏省委办公厅\n"), 0o644)
	third, err := Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	if err != nil || third.Release == "" || third.Release == rep.Release {
		t.Fatalf("a changed alias table: %+v, %v; want a new release", third, err)
	}
	for _, d := range testcsv.Rows(t, filepath.Join(out, "documents.csv")) {
		if d["department_id"] != "jiangsu-general-office" {
			t.Errorf("%s: department %s after the table changed", d["id"], d["department_id"])
		}
	}
}

// TestTemplateOf: a template is a department named with a placeholder, or
// a text writing its amounts as placeholders while stating none but zeros;
// a disclosure with a placeholder left somewhere is not one.
func TestTemplateOf(t *testing.T) {
	placeholderAmounts := []schema.Warning{{Line: 9, Text: "收入支出总计 XXX 万元。", Reason: schema.WarnPlaceholder + ": XX"}}
	zero := schema.Money(0)
	for _, c := range []struct {
		name     string
		doc      *schema.Document
		template bool
	}{
		{"named XX", &schema.Document{Department: schema.Department{Name: "上海市XX局"}}, true},
		{"amounts XX, none stated but zero", &schema.Document{Department: schema.Department{Name: "上海市某局"}, Warnings: placeholderAmounts,
			GovernmentFund: &schema.Figure{Amount: zero}}, true},
		{"amounts XX beside real ones", &schema.Document{Department: schema.Department{Name: "上海市财政局"}, Warnings: placeholderAmounts,
			Expenditure: &schema.Expenditure{Total: ptrTo(schema.Money(100))}}, false},
		{"XX left in a heading", &schema.Document{Department: schema.Department{Name: "上海市财政局"},
			Warnings: []schema.Warning{{Line: 3, Text: "第一部分 XX 概况", Reason: schema.WarnPlaceholder + ": XX"}}}, false},
	} {
		if got := templateOf(c.doc) != ""; got != c.template {
			t.Errorf("%s: template %v (%q)", c.name, got, templateOf(c.doc))
		}
	}
}
