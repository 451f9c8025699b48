package emit

import (
	"math"
	"strconv"

	"budgetpub/pipeline/identity"
	"budgetpub/schema"
)

// Measure is one headline figure of a document, as the panel and the
// execution tables name it.
type Measure struct {
	Key, Name, NameEn string
	Value             schema.Money
	Budgeted          *schema.Money // the 决算's own 预算数, when it states one
	Pointer           string        // of the amount in the document's JSON
}

// Measures lists a document's headline figures that it states: totals,
// basic and project expenditure with personnel and public expenses, 三公
// with its parts, operating costs, procurement, funds, and each functional
// 类 with a code (function_201 …), in that order.
func Measures(d *schema.Document) []Measure {
	var out []Measure
	add := func(key, zh, en, ptr string, v, budgeted *schema.Money) {
		if v != nil {
			out = append(out, Measure{key, zh, en, *v, budgeted, ptr})
		}
	}
	fig := func(key, zh, en, ptr string, f *schema.Figure) {
		if f != nil {
			add(key, zh, en, ptr+"/amount", &f.Amount, f.Budgeted)
		}
	}
	if r := d.Revenue; r != nil {
		add("revenue_total", "收入总计", "Total revenue", "/revenue/total", r.Total, nil)
	}
	if e := d.Expenditure; e != nil {
		add("expenditure_total", "支出总计", "Total expenditure", "/expenditure/total", e.Total, nil)
		fig("basic_expenditure", "基本支出", "Basic expenditure", "/expenditure/basic", e.Basic)
		fig("project_expenditure", "项目支出", "Project expenditure", "/expenditure/project", e.Project)
		fig("personnel", "人员经费", "Personnel (part of basic)", "/expenditure/personnel", e.Personnel)
		fig("public_expenses", "公用经费", "Public expenses (part of basic)", "/expenditure/public_expenses", e.PublicExpenses)
		fig("general_expenditure", "一般公共预算财政拨款支出", "Expenditure of the general budget's appropriations", "/expenditure/general", e.General)
		fig("general_basic", "一般公共预算财政拨款基本支出", "Basic expenditure of the general budget's appropriations", "/expenditure/general_basic", e.GeneralBasic)
		fig("general_personnel", "一般公共预算财政拨款人员经费", "Personnel (part of the appropriations' basic)", "/expenditure/general_personnel", e.GeneralPersonnel)
		fig("general_public_expenses", "一般公共预算财政拨款公用经费", "Public expenses (part of the appropriations' basic)", "/expenditure/general_public_expenses", e.GeneralPublicExpenses)
	}
	if t := d.ThreePublic; t != nil {
		add("three_public_total", "“三公”经费", "Three public expenses", "/three_public/total", t.Total, t.Budgeted)
		for _, p := range t.Lines() {
			fig(p.Key, p.Name, p.NameEn, "/three_public/"+p.Key, p.Figure)
		}
	}
	fig("operating_costs", "机关运行经费", "Operating costs of offices", "/operating_costs", d.OperatingCosts)
	if p := d.Procurement; p != nil {
		add("procurement", "政府采购", "Government procurement", "/procurement/amount", &p.Amount, nil)
	}
	fig("government_fund", "政府性基金", "Government funds", "/government_fund", d.GovernmentFund)
	fig("state_capital", "国有资本经营", "State capital operations", "/state_capital", d.StateCapital)
	if e := d.Expenditure; e != nil {
		for i, c := range e.ByFunction {
			if len(c.Code) == 3 && !c.Unstated { // a class of 项 only states no amount
				add("function_"+c.Code, c.Name, c.NameEn, "/expenditure/by_function/"+strconv.Itoa(i)+"/amount", &c.Amount, c.Budgeted)
			}
		}
	}
	return out
}

// departmentID is a document's department id: the one the release gave
// it, else the default of its name.
func departmentID(d *schema.Document) string {
	if d.Department.ID != "" {
		return d.Department.ID
	}
	return identity.ID(identity.Qualified(d.Department.Name, d.Department.Region))
}

// PanelRow is one row of panel.csv: one measure of one department in one
// year, from one disclosure.
type PanelRow struct {
	DepartmentID string `csv:"department_id"`
	Department   string `csv:"department"`
	FiscalYear   int    `csv:"fiscal_year"`
	Kind         string `csv:"kind"`
	Measure      string `csv:"measure"`
	Name         string `csv:"name"`
	Value        string `csv:"value"`
	DocumentID   string `csv:"document_id"`
	Pointer      string `csv:"pointer"`
	Line         string `csv:"line"`
	File         int    `csv:"file"`
}

// sourceOf is the line and file of the figure at ptr ("" and 0 where the
// document holds no provenance for it).
func sourceOf(d *schema.Document, ptr string) (line string, file int) {
	if src, ok := d.Provenance[ptr]; ok {
		return strconv.Itoa(src.Line), src.File
	}
	return "", 0
}

// PanelRows builds panel.csv: every measure of every document, long — but
// of a document whose department, year or kind is unknown (Meta.Unknown),
// which has no place among a department's years.
func PanelRows(docs []*schema.Document) []PanelRow {
	var rows []PanelRow
	for _, d := range docs {
		if len(d.Document.Unknown) > 0 {
			continue
		}
		for _, m := range Measures(d) {
			line, file := sourceOf(d, m.Pointer)
			rows = append(rows, PanelRow{DepartmentID: departmentID(d), Department: d.Department.Name, FiscalYear: d.Document.FiscalYear,
				Kind: d.Document.Kind, Measure: m.Key, Name: m.Name, Value: m.Value.String(), DocumentID: d.ID, Pointer: m.Pointer, Line: line, File: file})
		}
	}
	return rows
}

// ExecutionRow is one row of execution.csv: a measure budgeted (the
// budget's figure) and spent (the final accounts') by one department in
// one year.
type ExecutionRow struct {
	DepartmentID     string `csv:"department_id"`
	Department       string `csv:"department"`
	FiscalYear       int    `csv:"fiscal_year"`
	Measure          string `csv:"measure"`
	Name             string `csv:"name"`
	Budgeted         string `csv:"budgeted"`
	Actual           string `csv:"actual"`
	Difference       string `csv:"difference"`
	Rate             string `csv:"rate"`
	StatedBudget     string `csv:"stated_budget"`
	DocumentID       string `csv:"document_id"`
	BudgetDocumentID string `csv:"budget_document_id"`
	// where each side's figure is: the final accounts' (pointer, line,
	// file) and the budget's
	Pointer       string `csv:"pointer"`
	Line          string `csv:"line"`
	File          int    `csv:"file"`
	BudgetPointer string `csv:"budget_pointer"`
	BudgetLine    string `csv:"budget_line"`
	BudgetFile    int    `csv:"budget_file"`
}

// ExecutionRows pairs the measures of a budget with those of the final
// accounts of the same department and year: budgeted, actual, the
// difference and the rate (actual / budgeted, %, to two decimals; empty
// when nothing was budgeted), with the final accounts' own 预算数 where
// they state one. Only measures both documents state are paired; the
// vehicle subtotal and the parts of basic expenditure, which the measures
// around them cover, are left out.
func ExecutionRows(budget, final *schema.Document) []ExecutionRow {
	planned := map[string]Measure{}
	for _, m := range Measures(budget) {
		planned[m.Key] = m
	}
	var rows []ExecutionRow
	for _, a := range Measures(final) {
		p, ok := planned[a.Key]
		if !ok || executionSkip[a.Key] {
			continue
		}
		b := p.Value
		r := ExecutionRow{DepartmentID: departmentID(final), Department: final.Department.Name, FiscalYear: final.Document.FiscalYear,
			Measure: a.Key, Name: a.Name, Budgeted: b.String(), Actual: a.Value.String(), Difference: (a.Value - b).String(),
			StatedBudget: m(a.Budgeted), DocumentID: final.ID, BudgetDocumentID: budget.ID, Pointer: a.Pointer, BudgetPointer: p.Pointer}
		r.Line, r.File = sourceOf(final, a.Pointer)
		r.BudgetLine, r.BudgetFile = sourceOf(budget, p.Pointer)
		if b != 0 {
			r.Rate = strconv.FormatFloat(math.Round(float64(a.Value)/float64(b)*10000)/100, 'f', 2, 64)
		}
		rows = append(rows, r)
	}
	return rows
}

// executionSkip are measures execution leaves out: procurement and funds
// are not spending lines of the 决算's budget comparison, the vehicle
// subtotal and basic expenditure's parts repeat their neighbours.
var executionSkip = map[string]bool{"vehicle": true, "personnel": true, "public_expenses": true, "procurement": true,
	"government_fund": true, "state_capital": true, "general_personnel": true, "general_public_expenses": true}
