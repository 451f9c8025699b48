package disclosure_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"budgetpub/pipeline"
	"budgetpub/pipeline/check"
	"budgetpub/pipeline/disclosure"
	"budgetpub/schema"
)

func part(t *testing.T, path string) disclosure.Part {
	t.Helper()
	d, lines, err := pipeline.ExtractLines(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return disclosure.Part{Doc: d, Lines: lines}
}

// TestMergeJiangsuParts: the text part and the tables part of each
// Jiangsu disclosure make one document holding what either states, every
// figure's provenance on the line of its own file that states it, with no
// contradiction between the two.
func TestMergeJiangsuParts(t *testing.T) {
	for _, c := range []struct {
		stem       string
		fromTables []string // figures only the tables part states
	}{
		{"jiangsu_cppcc-office_2017_dept-budget", []string{"/three_public/total", "/procurement/goods"}},
		{"jiangsu_cppcc-office_2019_dept-budget", nil},
		{"jiangsu_party-committee-office_2017_dept-budget", nil},
		{"jiangsu_party-committee-office_2018_dept-budget", nil},
	} {
		text := part(t, "../../data/corpus/more/"+c.stem+"_text-part.txt")
		tables := part(t, "../../data/corpus/more/"+c.stem+"_tables-part.txt")
		m, lines, err := disclosure.Merge(c.stem, []disclosure.Part{tables, text})
		if err != nil {
			t.Fatal(err)
		}
		check.Run(m)
		if err := schema.Validate(m); err != nil {
			t.Fatalf("%s: %v", c.stem, err)
		}
		src := m.Document.Sources
		if len(src) != 2 || len(lines) != 2 || m.Document.Source != src[0] || m.ID != c.stem {
			t.Fatalf("%s: id %s, sources %+v", c.stem, m.ID, src)
		}
		own := map[string]disclosure.Part{src[0].Path: text, src[1].Path: tables}
		if own[src[0].Path].Doc != text.Doc && own[src[0].Path].Doc != tables.Doc {
			t.Fatalf("%s: unknown source %s", c.stem, src[0].Path)
		}
		for _, p := range []disclosure.Part{text, tables} {
			if n := p.Doc.Department.Name; n != m.Department.Name && !slices.Contains(m.Department.AlsoNamed, n) {
				t.Errorf("%s: the name %s printed by %s is lost", c.stem, n, p.Doc.ID)
			}
		}
		if disclosure.TablesTitle(m.Document.Title) {
			t.Errorf("%s: the title is a table's: %s", c.stem, m.Document.Title)
		}
		for ptr, s := range m.Provenance {
			if s.Line == 0 {
				continue
			}
			if s.File >= len(lines) || s.Line > len(lines[s.File]) || strings.TrimSpace(lines[s.File][s.Line-1]) != s.Text {
				t.Errorf("%s %s: provenance %+v is not its file's line", c.stem, ptr, s)
			}
		}
		// every figure either part states is in the merged document
		for _, p := range []disclosure.Part{text, tables} {
			for ptr := range p.Doc.Provenance {
				if strings.HasPrefix(ptr, "/department") || strings.Contains(ptr, "/items/") {
					continue
				}
				if _, ok := m.Provenance[ptr]; !ok {
					t.Errorf("%s: %s of %s lost", c.stem, ptr, p.Doc.ID)
				}
			}
		}
		for _, ptr := range c.fromTables {
			if s, ok := m.Provenance[ptr]; !ok || src[s.File].Path != tables.Doc.Document.Source.Path {
				t.Errorf("%s: %s from %+v, want the tables part's", c.stem, ptr, s)
			}
		}
		for _, ch := range m.Checks {
			// the one real finding of these parts: the party committee's
			// 2017 text gives 101.48 万元 as 1.66% of this year's 6,106.99,
			// not of the prior year's 6,005.51 (1.69%)
			real := c.stem == "jiangsu_party-committee-office_2017_dept-budget" && ch.Rule == "yoy.change_pct" && strings.Contains(ch.Message, "陈述为 1.66%，计算得 1.69%")
			if ch.Severity != schema.SeverityInfo && !real {
				t.Errorf("%s: %s %s", c.stem, ch.Rule, ch.Message)
			}
		}
	}
}

func doc(path string) *schema.Document {
	return &schema.Document{SchemaVersion: schema.Version, ID: "x",
		Document: schema.Meta{Kind: schema.KindBudget, FiscalYear: 2019, Title: "某局2019年部门预算",
			Source: schema.SourceFile{Path: path, SHA256: strings.Repeat("a", 64), Encoding: "utf-8", Format: "text"}},
		Department: schema.Department{Name: "某局"},
		Claims:     []schema.Claim{}, Checks: []schema.Check{}, Provenance: map[string]schema.Source{}, Warnings: []schema.Warning{}}
}

func yuan(v int64) *schema.Money { m := schema.Money(v * 100); return &m }

// TestMergeConflictAndArrays: a figure two files state with two amounts is
// the base's, with the other's as a part claim that cross.parts reports;
// classes match by code (a claim on one follows it to its index), a coded
// class only the other file has is added, a named line matching nothing is
// left out with a warning.
func TestMergeConflictAndArrays(t *testing.T) {
	a := doc("a_text-part.txt")
	a.Expenditure = &schema.Expenditure{Total: yuan(1000),
		ByFunction: []schema.ClassItem{{Code: "201", Name: "一般公共服务支出", Amount: *yuan(600)}, {Code: "208", Name: "社会保障和就业支出", Amount: *yuan(300)}},
		Projects:   []schema.Project{{Name: "信息化", Amount: *yuan(50)}}}
	a.Expenditure.Basic, a.Expenditure.Project = &schema.Figure{Amount: *yuan(700)}, &schema.Figure{Amount: *yuan(300)}
	a.Provenance = map[string]schema.Source{"/expenditure/basic/amount": {Line: 5}, "/expenditure/project/amount": {Line: 6}, "/expenditure/total": {Line: 1, Text: "t"}, "/expenditure/by_function/0/amount": {Line: 2, Text: "f0"},
		"/expenditure/by_function/1/amount": {Line: 3, Text: "f1"}, "/expenditure/projects/0/amount": {Line: 4, Text: "p0"}}
	b := doc("a_tables-part.txt")
	b.Expenditure = &schema.Expenditure{Total: yuan(1200),
		ByFunction: []schema.ClassItem{{Code: "208", Name: "社会保障和就业支出", Amount: *yuan(300), PriorYear: yuan(280)}, {Code: "221", Name: "住房保障支出", Amount: *yuan(100)}},
		Projects:   []schema.Project{{Name: "办公楼维修", Amount: *yuan(20)}}}
	b.Provenance = map[string]schema.Source{"/expenditure/total": {Line: 9, Text: "T"}, "/expenditure/by_function/0/amount": {Line: 10, Text: "F208"},
		"/expenditure/by_function/0/prior_year": {Line: 10, Text: "F208"}, "/expenditure/by_function/1/amount": {Line: 11, Text: "F221"},
		"/expenditure/projects/0/amount": {Line: 12, Text: "P"}}
	b.Claims = []schema.Claim{{Path: "/expenditure/by_function/0", Kind: schema.ClaimChange, Value: 20, Unit: "元", Line: 10, Text: "增加20元"}}
	m, _, err := disclosure.Merge("a", []disclosure.Part{{Doc: b}, {Doc: a}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Document.Source.Path != "a_text-part.txt" || len(m.Document.Sources) != 2 {
		t.Fatalf("base %s, want the file with the most figures first", m.Document.Source.Path)
	}
	e := m.Expenditure
	if *e.Total != *yuan(1000) {
		t.Errorf("total %s, want the base's", e.Total)
	}
	var codes []string
	for _, c := range e.ByFunction {
		codes = append(codes, c.Code)
	}
	if strings.Join(codes, " ") != "201 208 221" || e.ByFunction[1].PriorYear == nil || *e.ByFunction[1].PriorYear != *yuan(280) {
		t.Errorf("classes %v, 208's prior %v", codes, e.ByFunction[1].PriorYear)
	}
	want := map[string]schema.Source{
		"/expenditure/by_function/1/amount":     {Line: 3, Text: "f1"},
		"/expenditure/by_function/1/prior_year": {Line: 10, Text: "F208", File: 1},
		"/expenditure/by_function/2/amount":     {Line: 11, Text: "F221", File: 1},
		"/expenditure/total":                    {Line: 1, Text: "t"},
	}
	for ptr, w := range want {
		if m.Provenance[ptr] != w {
			t.Errorf("provenance %s = %+v, want %+v", ptr, m.Provenance[ptr], w)
		}
	}
	if _, ok := m.Provenance["/expenditure/projects/1/amount"]; ok || len(e.Projects) != 1 {
		t.Errorf("projects %+v: a named line matching nothing must be left out", e.Projects)
	}
	var left, change, partClaim bool
	for _, w := range m.Warnings {
		left = left || strings.HasPrefix(w.Reason, "not merged: /expenditure/projects/0") && w.File == 1 && w.Line == 12
	}
	for _, cl := range m.Claims {
		change = change || cl.Kind == schema.ClaimChange && cl.Path == "/expenditure/by_function/1" && cl.File == 1
		partClaim = partClaim || cl.Kind == schema.ClaimPart && cl.Path == "/expenditure/total" && cl.Value == 1200 && cl.File == 1 && cl.Line == 9
	}
	if !left || !change || !partClaim {
		t.Errorf("warning left out %v, claim remapped %v, part claim %v: %+v %+v", left, change, partClaim, m.Warnings, m.Claims)
	}
	check.Run(m)
	var found *schema.Check
	for i, c := range m.Checks {
		if c.Rule == "cross.parts" {
			found = &m.Checks[i]
		}
		if c.Rule == "yoy.change" {
			t.Errorf("the remapped change claim compared with the wrong class: %s", c.Message)
		}
	}
	if found == nil || found.Severity != schema.SeverityWarning || len(found.Files) != 2 || found.Files[0] != 0 || found.Files[1] != 1 {
		t.Errorf("cross.parts: %+v", found)
	}
}

// TestMergeStructureWarnings: a section is missing from a disclosure only
// when no file mentions it; a standard table only when every file with
// tables lacks it.
func TestMergeStructureWarnings(t *testing.T) {
	text := doc("b_text-part.txt")
	text.Warnings = []schema.Warning{{Reason: schema.WarnMissingSection + ": 政府采购"}, {Reason: schema.WarnMissingSection + ": 机关运行经费"}}
	text.Coverage = []schema.Coverage{{Part: "section", Name: "政府采购", Status: schema.CoverageAbsent}, {Part: "section", Name: "机关运行经费", Status: schema.CoverageAbsent}}
	text.Provenance["/x"] = schema.Source{Line: 1}
	tables := doc("b_tables-part.txt")
	tables.Warnings = []schema.Warning{{Reason: schema.WarnMissingTable + ": 项目支出表"}}
	tables.Coverage = []schema.Coverage{{Part: "section", Name: "政府采购", Status: schema.CoverageRead, Line: 40},
		{Part: "section", Name: "机关运行经费", Status: schema.CoverageAbsent},
		{Part: "table", Name: "政府采购预算表", Status: schema.CoverageRead, Line: 38},
		{Part: "table", Name: "项目支出表", Status: schema.CoverageAbsent, Reason: "a standard table of the template"}}
	m, _, err := disclosure.Merge("b", []disclosure.Part{{Doc: text}, {Doc: tables}})
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, w := range m.Warnings {
		reasons = append(reasons, w.Reason)
	}
	if got := strings.Join(reasons, "; "); got != "section missing: 机关运行经费; table missing: 项目支出表" {
		t.Errorf("warnings %q", got)
	}
	var cov []string
	for _, c := range m.Coverage {
		cov = append(cov, c.Name+" "+c.Status)
		if c.Name == "政府采购" && (c.File != 1 || c.Line != 40) {
			t.Errorf("政府采购 read in file %d line %d, want the tables part's line 40", c.File, c.Line)
		}
	}
	if got := strings.Join(cov, ", "); got != "政府采购 read, 机关运行经费 absent, 政府采购预算表 read, 项目支出表 absent" {
		t.Errorf("coverage %s", got)
	}
}

// TestMergeRefusesTwoDisclosures: files declared one disclosure that are
// of two years or two kinds are not merged.
func TestMergeRefusesTwoDisclosures(t *testing.T) {
	a, b := doc("a.txt"), doc("b.txt")
	b.Document.Kind = schema.KindFinalAccounts
	if _, _, err := disclosure.Merge("x", []disclosure.Part{{Doc: a}, {Doc: b}}); err == nil || !strings.Contains(err.Error(), "a.txt is a budget of 2019, b.txt a final_accounts of 2019") {
		t.Errorf("error %v", err)
	}
}

// TestMergeIncompleteIdentity: a part that does not tell its department,
// year or kind (an attachment of tables without a title) takes the other
// parts', even as the base, with their name's provenance and no identity
// warning; parts that tell none leave the disclosure's identity incomplete,
// said once; parts that tell two years are two disclosures all the same.
func TestMergeIncompleteIdentity(t *testing.T) {
	article := doc("article.html")
	article.Provenance["/department/name"] = schema.Source{Line: 1, Text: "某局2019年部门预算"}
	tables := doc("tables.xlsx")
	tables.Document.Kind, tables.Document.FiscalYear, tables.Document.Title, tables.Department.Name = "", 0, "", ""
	tables.Document.Unknown = []string{schema.UnknownDepartment, schema.UnknownYear, schema.UnknownKind}
	tables.Warnings = []schema.Warning{schema.UnknownWarning(tables.Document.Unknown)}
	tables.Expenditure = &schema.Expenditure{Total: yuan(1000)}
	tables.Expenditure.Basic = &schema.Figure{Amount: *yuan(1000)}
	tables.Provenance = map[string]schema.Source{"/expenditure/total": {Line: 3, Text: "合计 1000"}, "/expenditure/basic/amount": {Line: 4, Text: "基本支出 1000"}}
	d, _, err := disclosure.Merge("x", []disclosure.Part{{Doc: article}, {Doc: tables}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.Source.Path != "tables.xlsx" || d.Department.Name != "某局" || d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindBudget ||
		d.Document.Title != "某局2019年部门预算" || len(d.Document.Unknown) != 0 || len(d.Department.AlsoNamed) != 0 {
		t.Errorf("merged identity %+v %+v", d.Document, d.Department)
	}
	if src := d.Provenance["/department/name"]; src.File != 1 || src.Line != 1 {
		t.Errorf("the name's provenance %+v, want the article's (file 1) line 1", src)
	}
	for _, w := range d.Warnings {
		if strings.HasPrefix(w.Reason, schema.WarnIdentity) {
			t.Errorf("an identity warning of a part: %+v", w)
		}
	}
	if err := schema.Validate(d); err != nil {
		t.Error(err)
	}
	other := doc("other.txt")
	other.Document.Kind, other.Document.FiscalYear, other.Department.Name = "", 0, ""
	other.Document.Unknown = []string{schema.UnknownDepartment, schema.UnknownYear, schema.UnknownKind}
	other.Document.Title = ""
	d, _, err = disclosure.Merge("x", []disclosure.Part{{Doc: tables}, {Doc: other}})
	if err != nil || len(d.Document.Unknown) != 3 || !strings.HasPrefix(d.Warnings[0].Reason, schema.WarnIdentity) || schema.Validate(d) != nil {
		t.Errorf("parts that tell nothing: %v %+v %v", err, d.Document, d.Warnings)
	}
	later := doc("later.txt")
	later.Document.FiscalYear = 2020
	if _, _, err := disclosure.Merge("x", []disclosure.Part{{Doc: tables}, {Doc: article}, {Doc: later}}); err == nil || !strings.Contains(err.Error(), "article.html is a budget of 2019, later.txt a budget of 2020") {
		t.Errorf("two years: %v", err)
	}
}
