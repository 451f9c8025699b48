package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"budgetpub/internal/testcsv"
	"budgetpub/schema"
)

// TestDefaultBuildIdentity: in the default build each disclosure is one
// catalog row (the Jiangsu text and tables parts are one), the three names
// of the Jiangsu party committee office are one department with its two
// years, the 上海市XX局 template is not published, the home page's total
// counts each disclosure once, and each department page is linked from
// the catalog and offers its rows.
func TestDefaultBuildIdentity(t *testing.T) {
	dir := builtSite(t)
	docs := testcsv.Rows(t, filepath.Join(dir, "documents.csv"))
	seen := map[string]string{}
	var total schema.Money
	for _, d := range docs {
		k := d["department_id"] + " " + d["fiscal_year"] + " " + d["kind"]
		if other, ok := seen[k]; ok {
			t.Errorf("two catalog rows for one disclosure: %s and %s (%s)", other, d["id"], k)
		}
		seen[k] = d["id"]
		if strings.Contains(d["department"], "XX") {
			t.Errorf("template published: %s", d["id"])
		}
		var m schema.Money
		if d["expenditure_total"] != "" {
			if err := m.UnmarshalJSON([]byte(d["expenditure_total"])); err != nil {
				t.Fatal(err)
			}
			total += m
		}
	}
	var party []string
	for _, d := range docs {
		if strings.HasPrefix(d["id"], "jiangsu_party-committee-office") {
			party = append(party, d["department_id"]+" "+d["fiscal_year"])
		}
	}
	id := strings.Fields(party[0])[0]
	if !slices.Equal(party, []string{id + " 2017", id + " 2018"}) {
		t.Errorf("the party committee office: %v, want one department in 2017 and 2018", party)
	}
	page, err := os.ReadFile(filepath.Join(dir, "dept", id+".html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"江苏省委办公厅", "中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", `<svg class="trend"`, `href="` + id + `.csv"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("department page lacks %s", want)
		}
	}
	rows := testcsv.Rows(t, filepath.Join(dir, "dept", id+".csv"))
	if len(rows) == 0 || rows[0]["department_id"] != id {
		t.Errorf("department rows: %v", rows)
	}
	home, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(home), `href="dept/`+id+`.html"`) {
		t.Error("the catalog does not link the department page")
	}
	m := regexp.MustCompile(`<b>([0-9,.]+)</b>支出合计`).FindSubmatch(home)
	if m == nil || strings.ReplaceAll(string(m[1]), ",", "") != total.String() {
		t.Errorf("home total %s, want %s, the sum over the catalog's disclosures", m, total)
	}
	// the budget and the final accounts of one department and year: a
	// section on both pages, and rows in execution.csv
	for _, id := range []string{"pingtan_market-supervision-bureau_2016_dept-budget", "pingtan_market-supervision-bureau_2016_dept-final-accounts"} {
		page, _ := os.ReadFile(filepath.Join(dir, "doc", id+".html"))
		if !strings.Contains(string(page), `<h2 id="execution">`) {
			t.Errorf("%s: no budget-against-outturn section", id)
		}
	}
	exec := testcsv.Rows(t, filepath.Join(dir, "execution.csv"))
	if len(exec) == 0 || exec[0]["budget_document_id"] != "pingtan_market-supervision-bureau_2016_dept-budget" {
		t.Errorf("execution.csv: %v", exec)
	}
	// each side's figure names its line, and the page links both
	page, _ = os.ReadFile(filepath.Join(dir, "doc", "pingtan_market-supervision-bureau_2016_dept-final-accounts.html"))
	for _, e := range exec {
		if e["line"] == "" || e["budget_line"] == "" || e["pointer"] == "" || e["budget_pointer"] == "" {
			t.Errorf("execution row without its sources: %v", e)
			continue
		}
		for _, link := range []string{`source/` + e["budget_document_id"] + `.html#L` + e["budget_line"] + `">预算第` + e["budget_line"] + `行`,
			`source/` + e["document_id"] + `.html#L` + e["line"] + `">决算第` + e["line"] + `行`} {
			if !strings.Contains(string(page), link) {
				t.Errorf("the final accounts' page lacks %s", link)
			}
		}
	}
	for _, d := range docs {
		if d["department_id"] == "" || !regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`).MatchString(d["department_id"]) {
			t.Errorf("%s: department_id %q", d["id"], d["department_id"])
		}
	}
}
