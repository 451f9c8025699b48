package check

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// budgetOf is a budget of 2023 whose 三公 total (12.00 万元, line 30) and
// 项 2010101 (150.00 万元, line 40) are those given, funded by the sources
// named.
func budgetOf(sources ...string) *schema.Document {
	d := base()
	d.Document.FiscalYear = 2023
	d.Document.Source.Path = "data/x_2023_budget.txt"
	d.Revenue = &schema.Revenue{Total: money(1500000)}
	for _, s := range sources {
		d.Revenue.Sources = append(d.Revenue.Sources, schema.Named{Name: s, Amount: *money(750000)})
	}
	d.ThreePublic = &schema.ThreePublic{Total: money(120000), Reception: &schema.Figure{Amount: *money(20000)}}
	d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "一般公共服务支出", Amount: *money(1500000),
		Items: []schema.ClassItem{{Code: "2010101", Name: "行政运行", Amount: *money(1500000)}}}}}
	d.Provenance["/three_public/total"] = schema.Source{Line: 30, Text: "“三公”经费预算12.00万元"}
	d.Provenance["/three_public/reception/amount"] = schema.Source{Line: 31, Text: "公务接待费2.00万元"}
	d.Provenance["/expenditure/by_function/0/items/0/amount"] = schema.Source{Line: 40, Text: "行政运行150.00万元"}
	return d
}

// finalOf is the final accounts of 2023 stating the 三公 预算数 given on a
// line reading text, 公务接待费's 预算数 2.00 万元 in a table row, and 项
// 2010101's 年初预算 as given.
func finalOf(threePublic float64, text string, item float64) *schema.Document {
	d := base()
	d.Document.Kind, d.Document.FiscalYear = schema.KindFinalAccounts, 2023
	d.ThreePublic = &schema.ThreePublic{Total: money(100000), Budgeted: money(threePublic),
		Reception: &schema.Figure{Amount: *money(15000), Budgeted: money(20000)}}
	d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "一般公共服务支出", Amount: *money(1400000),
		Items: []schema.ClassItem{{Code: "2010101", Name: "行政运行", Amount: *money(1400000), Budgeted: money(item)}}}}}
	d.Provenance["/three_public/budgeted"] = schema.Source{Line: 7, Text: text}
	d.Provenance["/three_public/reception/budgeted"] = schema.Source{Line: 9, Text: "公务接待费    2.00    1.50"}
	d.Provenance["/expenditure/by_function/0/items/0/budgeted"] = schema.Source{Line: 12, Text: "年初预算为150.00万元"}
	return d
}

func TestBudgetAgainstPublishedBudget(t *testing.T) {
	findings := func(final, budget *schema.Document) map[string]schema.Check {
		Budget(final, budget)
		got := map[string]schema.Check{}
		for _, c := range final.Checks {
			if c.Rule != "cross.budget" {
				t.Fatalf("rule %s", c.Rule)
			}
			got[c.Paths[0]] = c
		}
		return got
	}
	// the same figures: nothing to say
	if got := findings(finalOf(120000, "“三公”经费财政拨款支出年初预算为12.00万元", 1500000), budgetOf("财政拨款")); len(got) != 0 {
		t.Errorf("agreeing figures: %v", got)
	}
	// a 年初预算 two thousand yuan off: a warning with both numbers, its line and the budget's
	got := findings(finalOf(122000, "“三公”经费财政拨款支出年初预算为12.20万元", 1500000), budgetOf("一般公共预算", "政府性基金"))
	c, ok := got["/three_public/budgeted"]
	if !ok || c.Severity != schema.SeverityWarning || c.Stated != 122000 || c.Computed != 120000 || c.Tolerance != 100 ||
		len(c.Lines) != 1 || c.Lines[0] != 7 || !strings.Contains(c.Message, "x_2023_budget.txt 第 30 行") {
		t.Errorf("年初预算 off by 2,000 yuan: %+v (all: %v)", c, got)
	}
	// within the rounding of two 万元 figures: info
	got = findings(finalOf(120050, "“三公”经费财政拨款支出年初预算为12.00万元", 1500000), budgetOf("财政拨款"))
	if c := got["/three_public/budgeted"]; c.Severity != schema.SeverityInfo {
		t.Errorf("a difference rounding explains: %+v", c)
	}
	// a 预算数 the text does not call 年初预算 may hold adjustments: info, and said so
	got = findings(finalOf(150000, "“三公”经费财政拨款支出全年预算为15.00万元", 1500000), budgetOf("财政拨款"))
	if c := got["/three_public/budgeted"]; c.Severity != schema.SeverityInfo || !strings.Contains(c.Message, "可能含年中调整") {
		t.Errorf("全年预算: %+v", c)
	}
	// a 项 by its code, when the budget is all appropriations
	got = findings(finalOf(120000, "年初预算为12.00万元", 1600000), budgetOf("财政拨款"))
	if c, ok := got["/expenditure/by_function/0/items/0/budgeted"]; !ok || c.Severity != schema.SeverityWarning || c.Computed != 1500000 {
		t.Errorf("项 2010101: %+v", got)
	}
	// … and not when the budget has other funds, which its items may hold
	got = findings(finalOf(120000, "年初预算为12.00万元", 1600000), budgetOf("财政拨款", "事业收入"))
	if len(got) != 0 {
		t.Errorf("a budget with 事业收入: %v", got)
	}
	// … nor when the budget lists its code twice (行政运行中人员经费 and
	// 行政运行中公用经费 apart): neither is the code's amount
	twice := budgetOf("财政拨款")
	items := &twice.Expenditure.ByFunction[0].Items
	*items = []schema.ClassItem{{Code: "2010101", Name: "行政运行中人员经费", Amount: *money(1600000)}, {Code: "2010101", Name: "行政运行中公用经费", Amount: *money(100000)}}
	if got := findings(finalOf(120000, "年初预算为12.00万元", 1600000), twice); len(got) != 0 {
		t.Errorf("a code the budget lists twice: %v", got)
	}
}

// TestSMEParts: the small and micro part within the SME part, the SME
// contracts within the procurement, a budget's reserve within its
// procurement; a final accounts' reserve may exceed the year's contracts.
func TestSMEParts(t *testing.T) {
	doc := func(kind string, p schema.Procurement) *schema.Document {
		d := base()
		d.Document.Kind = kind
		d.Procurement = &p
		Run(d)
		return d
	}
	sme := func(d *schema.Document) []schema.Check {
		var out []schema.Check
		for _, c := range d.Checks {
			if c.Rule == "sum.sme" {
				out = append(out, c)
			}
		}
		return out
	}
	if got := sme(doc(schema.KindBudget, schema.Procurement{Amount: *money(1000000), SMEReserved: money(600000), SmallMicroReserved: money(400000)})); len(got) != 0 {
		t.Errorf("parts within their wholes: %+v", got)
	}
	got := sme(doc(schema.KindBudget, schema.Procurement{Amount: *money(1000000), SMEReserved: money(600000), SmallMicroReserved: money(700000)}))
	if len(got) != 1 || got[0].Severity != schema.SeverityError || got[0].Stated != 600000 || got[0].Computed != 700000 {
		t.Errorf("small and micro above SME: %+v", got)
	}
	if got := sme(doc(schema.KindBudget, schema.Procurement{Amount: *money(500000), SMEReserved: money(600000)})); len(got) != 1 {
		t.Errorf("a budget reserving more than its procurement: %+v", got)
	}
	if got := sme(doc(schema.KindFinalAccounts, schema.Procurement{Amount: *money(500000), SMEReserved: money(600000)})); len(got) != 0 {
		t.Errorf("a final accounts' reserve above the contracts: %+v", got)
	}
	if got := sme(doc(schema.KindFinalAccounts, schema.Procurement{Amount: *money(500000), SMEAwarded: money(600000), SmallMicroAwarded: money(100000)})); len(got) != 1 {
		t.Errorf("contracts to SMEs above the procurement: %+v", got)
	}
}

// TestZeroPrintedWholeIsExact: "经营收入 0 万元" says there is none, so a
// list of sources with such zeros is as exact as its other figures
// (0.01 万元 apart is a difference of 100 yuan against a tolerance of 200,
// not of 15,200), while a zero printed "0.00" keeps its rounding.
func TestZeroPrintedWholeIsExact(t *testing.T) {
	for name, c := range map[string]struct {
		zero string
		tol  float64
	}{"0": {"经营收入 0 万元。", 200}, "0.00": {"经营收入 0.00 万元。", 250}} {
		d := base()
		d.Revenue = &schema.Revenue{CurrentYear: money(33794600), Sources: []schema.Named{
			{Name: "财政拨款", Amount: *money(33583200)}, {Name: "事业收入", Amount: *money(200)}, {Name: "经营收入", Amount: *money(0)}, {Name: "其他收入", Amount: *money(211300)}}}
		d.Provenance["/revenue/current_year"] = schema.Source{Line: 22, Text: "本年收入3,379.46万元"}
		d.Provenance["/revenue/sources/0/amount"] = schema.Source{Line: 23, Text: "1. 财政拨款收入 3358.32 万元。"}
		d.Provenance["/revenue/sources/1/amount"] = schema.Source{Line: 24, Text: "2. 事业收入 0.02 万元。"}
		d.Provenance["/revenue/sources/2/amount"] = schema.Source{Line: 25, Text: c.zero}
		d.Provenance["/revenue/sources/3/amount"] = schema.Source{Line: 28, Text: "6. 其他收入21.13 万元。"}
		Run(d)
		var got []schema.Check
		for _, f := range d.Checks {
			if f.Rule == "sum.revenue_sources" {
				got = append(got, f)
			}
		}
		if len(got) != 1 || got[0].Tolerance != c.tol || got[0].Severity != schema.SeverityInfo {
			t.Errorf("%s: %+v", name, got)
		}
	}
}
