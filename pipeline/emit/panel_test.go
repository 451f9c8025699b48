package emit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/schema"
)

func yuan(v int64) *schema.Money { m := schema.Money(v * 100); return &m }

func pairDocs() (budget, final *schema.Document) {
	budget = &schema.Document{ID: "b-2020", Department: schema.Department{ID: "dept-1", Name: "某某区某局"},
		Document: schema.Meta{Kind: schema.KindBudget, FiscalYear: 2020},
		Expenditure: &schema.Expenditure{Total: yuan(1000), Basic: &schema.Figure{Amount: *yuan(600)}, Project: &schema.Figure{Amount: *yuan(400)},
			ByFunction: []schema.ClassItem{{Code: "201", Name: "一般公共服务支出", Amount: *yuan(700)}, {Code: "208", Name: "社会保障和就业支出", Amount: *yuan(300)}}},
		ThreePublic:    &schema.ThreePublic{Total: yuan(50), Reception: &schema.Figure{Amount: *yuan(0)}},
		OperatingCosts: &schema.Figure{Amount: *yuan(80)}}
	final = &schema.Document{ID: "f-2020", Department: schema.Department{ID: "dept-1", Name: "某区某局"},
		Document: schema.Meta{Kind: schema.KindFinalAccounts, FiscalYear: 2020},
		Expenditure: &schema.Expenditure{Total: yuan(950), Basic: &schema.Figure{Amount: *yuan(640), Budgeted: yuan(610)},
			ByFunction: []schema.ClassItem{{Code: "201", Name: "一般公共服务支出", Amount: *yuan(650)}, {Code: "221", Name: "住房保障支出", Amount: *yuan(300)}}},
		ThreePublic:    &schema.ThreePublic{Total: yuan(40), Budgeted: yuan(50), Reception: &schema.Figure{Amount: *yuan(12)}},
		OperatingCosts: &schema.Figure{Amount: *yuan(80)}}
	return budget, final
}

// TestExecutionRows: what a budget gave and what the final accounts spent,
// per measure both state; the rate to two decimals, none when nothing was
// budgeted; the final accounts' own 预算数 beside.
func TestExecutionRows(t *testing.T) {
	budget, final := pairDocs()
	var got []string
	for _, r := range ExecutionRows(budget, final) {
		if r.DepartmentID != "dept-1" || r.DocumentID != "f-2020" || r.BudgetDocumentID != "b-2020" || r.FiscalYear != 2020 || r.Department != "某区某局" {
			t.Errorf("row %+v", r)
		}
		got = append(got, strings.Join([]string{r.Measure, r.Budgeted, r.Actual, r.Difference, r.Rate, r.StatedBudget}, " "))
		if r.Pointer == "" || r.BudgetPointer == "" {
			t.Errorf("%s: pointers %q %q", r.Measure, r.Pointer, r.BudgetPointer)
		}
	}
	want := []string{
		"expenditure_total 1000 950 -50 95.00 ",
		"basic_expenditure 600 640 40 106.67 610",
		"three_public_total 50 40 -10 80.00 50",
		"reception 0 12 12  ",
		"operating_costs 80 80 0 100.00 ",
		"function_201 700 650 -50 92.86 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// each side's figure carries its source line, and file
	budget.Provenance = map[string]schema.Source{"/expenditure/basic/amount": {Line: 12}}
	final.Provenance = map[string]schema.Source{"/expenditure/basic/amount": {Line: 40, File: 1}}
	for _, r := range ExecutionRows(budget, final) {
		if r.Measure == "basic_expenditure" && (r.Line != "40" || r.File != 1 || r.BudgetLine != "12" || r.BudgetFile != 0 || r.Pointer != "/expenditure/basic/amount" || r.BudgetPointer != "/expenditure/basic/amount") {
			t.Errorf("sources %+v", r)
		}
		if r.Measure == "expenditure_total" && (r.Line != "" || r.BudgetLine != "") {
			t.Errorf("no provenance, yet lines: %+v", r)
		}
	}
}

// TestPanelAndExecutionTables: the writer publishes panel rows for every
// document and execution rows for each pair, with their schemas in the
// datapackage.
func TestPanelAndExecutionTables(t *testing.T) {
	dir := t.TempDir()
	budget, final := pairDocs()
	for _, d := range []*schema.Document{budget, final} {
		d.SchemaVersion, d.Claims, d.Checks, d.Warnings, d.Provenance = schema.Version, []schema.Claim{}, []schema.Check{}, []schema.Warning{}, map[string]schema.Source{}
	}
	budget.Provenance["/expenditure/by_function/1/amount"] = schema.Source{Line: 7, Text: "社会保障和就业支出 300"}
	w, err := NewWriter(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*schema.Document{budget, final} {
		var exec []ExecutionRow
		if d == final {
			exec = ExecutionRows(budget, final)
		}
		r, err := RowsOf(d, exec)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Add(d, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	panel, _ := os.ReadFile(filepath.Join(dir, "panel.csv"))
	if !strings.HasPrefix(string(panel), "department_id,department,fiscal_year,kind,measure,name,value,document_id,pointer,line,file\n") ||
		!strings.Contains(string(panel), "dept-1,某某区某局,2020,budget,function_208,社会保障和就业支出,300,b-2020,/expenditure/by_function/1/amount,7,0\n") {
		t.Errorf("panel.csv:\n%s", panel)
	}
	exec, _ := os.ReadFile(filepath.Join(dir, "execution.csv"))
	if n := strings.Count(string(exec), "\n"); n != 7 {
		t.Errorf("execution.csv: %d lines, want a header and 6 rows:\n%s", n, exec)
	}
	pkg, _ := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	for _, want := range []string{`"name": "panel"`, `"name": "execution"`, `"name": "department_id"`, `"name": "stated_budget"`, `"name": "budget_line"`} {
		if !strings.Contains(string(pkg), want) {
			t.Errorf("datapackage.json lacks %s", want)
		}
	}
}
