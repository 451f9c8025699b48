package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/internal/testcsv"
	"budgetpub/schema"
)

// threePublicPage is a page of a disclosure that tells neither its
// department nor its year nor its kind.
const threePublicPage = "一、“三公”经费财政拨款支出总体情况说明\n" +
	"本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元，其中：因公出国(境)支出0万元；公务用车购置支出0万元；公务用车运行维护费支出0万元；公务接待费支出2.05万元。\n" +
	"二、机关运行经费支出情况说明\n本部门机关运行经费支出35.6万元。\n"

// TestBuildIncompleteIdentity: pages whose identity is incomplete publish
// each as a disclosure of its own — named as parts of one, they are not
// merged —, each with a department id of its own, their year and kind empty
// in the datasets, none of them in the panel, listed in run.json, their
// pages saying 未识别部门; a metadata.csv row that gives what the text does
// not makes one complete; one given its department alone stands on the
// department's page after its years, out of its panel rows.
func TestBuildIncompleteIdentity(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	copyInto(t, in, map[string]string{"seed.txt": "000_70dee09d8603147c.txt"})
	for _, f := range []string{"p_text-part.txt", "p_tables-part.txt", "q.txt", "r.txt"} {
		os.WriteFile(filepath.Join(in, f), []byte(threePublicPage), 0o644)
	}
	os.WriteFile(filepath.Join(in, MetadataFile), []byte("file,department,fiscal_year,kind\nq.txt,某县财政局,2018,决算\nr.txt,某县财政局,,\n"), 0o644)
	rep, err := Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 5 || len(rep.Rejected) != 0 {
		t.Fatalf("%d documents, rejected %+v; want 5, none", rep.Documents, rep.Rejected)
	}
	if len(rep.Incomplete) != 3 || rep.Incomplete[0].ID != "p_tables-part" || rep.Incomplete[1].ID != "p_text-part" ||
		strings.Join(rep.Incomplete[0].Unknown, ",") != "department,fiscal_year,kind" || rep.Incomplete[2].ID != "r" || strings.Join(rep.Incomplete[2].Unknown, ",") != "fiscal_year,kind" {
		t.Errorf("run.json's incomplete %+v", rep.Incomplete)
	}
	depts := map[string]bool{}
	for _, d := range testcsv.Rows(t, filepath.Join(out, "documents.csv")) {
		switch d["id"] {
		case "p_text-part", "p_tables-part":
			if d["department"] != "" || d["fiscal_year"] != "" || d["kind"] != "" || !strings.HasPrefix(d["department_id"], "u-") || depts[d["department_id"]] {
				t.Errorf("%s: %v", d["id"], d)
			}
			depts[d["department_id"]] = true
		case "q":
			if d["department"] != "某县财政局" || d["fiscal_year"] != "2018" || d["kind"] != schema.KindFinalAccounts {
				t.Errorf("q, its identity from metadata.csv: %v", d)
			}
		}
	}
	panel := map[string]bool{}
	for _, r := range testcsv.Rows(t, filepath.Join(out, "panel.csv")) {
		panel[r["document_id"]] = true
	}
	if panel["p_text-part"] || panel["p_tables-part"] || !panel["q"] || !panel["seed"] {
		t.Errorf("panel's documents %v, want q and seed alone", panel)
	}
	// a department's page lists the document of no year after its years,
	// and its panel rows are its years' alone
	var dept string
	for _, d := range testcsv.Rows(t, filepath.Join(out, "documents.csv")) {
		if d["id"] == "r" {
			dept = d["department_id"]
			if d["department"] != "某县财政局" || d["fiscal_year"] != "" || strings.HasPrefix(dept, "u-") {
				t.Errorf("r: %v", d)
			}
		}
	}
	deptPage, _ := os.ReadFile(filepath.Join(out, "dept", dept+".html"))
	if q, r := strings.Index(string(deptPage), "doc/q.html"), strings.Index(string(deptPage), "doc/r.html\">年度未知 (year unknown) 类型未知 (kind unknown)"); q < 0 || r < q {
		t.Errorf("the department's page lists q at %d, r of no year at %d", q, r)
	}
	for _, row := range testcsv.Rows(t, filepath.Join(out, "dept", dept+".csv")) {
		if row["document_id"] != "q" {
			t.Errorf("the department's panel rows: %v", row)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "doc", "p_text-part.html"))
	if err != nil || !strings.Contains(string(page), "未识别部门 (department not identified) 年度未知 (year unknown) 类型未知 (kind unknown)") ||
		!strings.Contains(string(page), "身份不完整") {
		t.Errorf("the page of a document whose identity is incomplete: %v", err)
	}
	var doc schema.Document
	data, _ := os.ReadFile(filepath.Join(out, "data", "p_text-part.json"))
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Document.Unknown) != 3 || doc.ThreePublic == nil {
		t.Errorf("its JSON: %v %+v", err, doc.Document)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	query, _ := os.ReadFile(filepath.Join(out, "query.html"))
	if !strings.Contains(string(home), "<td><a href=\"doc/p_text-part.html\">未识别部门 (department not identified)</a>") || strings.Contains(string(query), "<option>0</option>") {
		t.Errorf("the catalog names no department not identified, or the query page offers the year 0")
	}
	cov, _ := os.ReadFile(filepath.Join(out, "coverage.html"))
	if strings.Count(string(cov), "identity incomplete") != 3 {
		t.Errorf("the coverage page names %d documents of incomplete identity, want 3", strings.Count(string(cov), "identity incomplete"))
	}
}

// TestPairsNeedIdentity: a budget and final accounts pair only where both
// tell their department and year: two pages of no department, or of no
// year, are no department-year.
func TestPairsNeedIdentity(t *testing.T) {
	docs := map[string]ident{
		"b": {Name: "某局", Year: 2020, Kind: schema.KindBudget},
		"f": {Name: "某局", Year: 2020, Kind: schema.KindFinalAccounts},
		"x": {Year: 2021, Kind: schema.KindBudget},
		"y": {Year: 2021, Kind: schema.KindFinalAccounts},
		"u": {Name: "某处", Kind: schema.KindBudget},
		"v": {Name: "某处", Kind: schema.KindFinalAccounts},
	}
	got := pairs(docs, nil)
	if len(got) != 2 || got["b"] != "f" || got["f"] != "b" {
		t.Errorf("pairs %v, want b and f alone", got)
	}
}
