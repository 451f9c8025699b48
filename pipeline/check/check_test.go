package check

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"budgetpub/pipeline/extract"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

var update = flag.Bool("update", false, "rewrite docs/checks.md")

func money(y float64) *schema.Money { m := schema.Money(y * 100); return &m }

// changeApart is project expenditure of 1,895 万元 whose change (−134 万元)
// and percentage change are stated on two lines.
func changeApart(changeLine, pctLine int, pct float64) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(18950000)}}
	d.Claims = []schema.Claim{{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -1340000, Decimals: 0, Unit: "万元", Line: changeLine},
		{Path: "/expenditure/project", Kind: schema.ClaimChangePct, Value: pct, Decimals: 2, Unit: "%", Line: pctLine}}
	return d
}

// printedItem is a 项 of 3,666 万元 (as printed on line 10) whose prior
// year 3,644.20 万元 is printed on line 11.
func printedItem(line10, line11 string) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "204", Name: "公共安全支出", Amount: *money(36660000),
		Items: []schema.ClassItem{{Name: "一般行政管理事务", Amount: *money(36660000), PriorYear: money(36442000)}}}}}
	d.Provenance["/expenditure/by_function/0/items/0/amount"] = schema.Source{Line: 10, Text: line10}
	d.Provenance["/expenditure/by_function/0/items/0/prior_year"] = schema.Source{Line: 11, Text: line11}
	return d
}

// budgetSplit is a document of kind whose expenditure (8,105,563 yuan)
// is 1,000,000 more than its basic and project expenditure, with the
// warning w.
func budgetSplit(kind string, w *schema.Warning) *schema.Document {
	d := base()
	d.Document.Kind = kind
	d.Expenditure = &schema.Expenditure{Total: money(8105563), Basic: &schema.Figure{Amount: *money(7031563)}, Project: &schema.Figure{Amount: *money(74000)}}
	if w != nil {
		d.Warnings = append(d.Warnings, *w)
	}
	return d
}

// priorParts is a 三公 total of 33 万元 (57.55 the year before) whose
// reception and vehicles' running are stated with their prior years, the
// reception's as given.
func priorParts(reception float64) *schema.Document {
	d := base()
	d.ThreePublic = &schema.ThreePublic{Total: money(330000), PriorYear: money(575500),
		Reception: &schema.Figure{Amount: *money(80000), PriorYear: money(reception)}, VehicleOperation: &schema.Figure{Amount: *money(250000), PriorYear: money(452000)}}
	d.Provenance["/three_public/prior_year"] = schema.Source{Line: 2, Text: "2015年三公经费预算拨入57.55万元"}
	d.Provenance["/three_public/reception/prior_year"] = schema.Source{Line: 2, Text: "2015年预算12.5万元"}
	d.Provenance["/three_public/vehicle_operation/prior_year"] = schema.Source{Line: 2, Text: "2015年预算45.2万元"}
	return d
}

// personnel is 07's basic expenditure, its economic classes and its
// personnel expenses as given.
func personnel(yuan float64) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(23369100)}, Personnel: &schema.Figure{Amount: *money(yuan)},
		ByEconomic: []schema.ClassItem{{Code: "301", Name: "工资福利支出", Amount: *money(20946300)}, {Code: "302", Name: "商品和服务支出", Amount: *money(1846500)},
			{Code: "303", Name: "对个人和家庭的补助", Amount: *money(576300)}}}
	return d
}

// generalPersonnel is personnel(…) whose department has money of its own:
// all funds' basic expenditure is 150,000 yuan more than the general
// budget appropriations' (23,369,100), which the economic classes and the
// stated parts are of.
func generalPersonnel(yuan float64) *schema.Document {
	d := personnel(0)
	e := d.Expenditure
	e.Basic, e.Personnel = &schema.Figure{Amount: *money(23519100)}, nil
	e.GeneralBasic, e.GeneralPersonnel = &schema.Figure{Amount: *money(23369100)}, &schema.Figure{Amount: *money(yuan)}
	return d
}

func base() *schema.Document {
	return &schema.Document{
		Document:   schema.Meta{Kind: schema.KindBudget},
		Provenance: map[string]schema.Source{},
	}
}

func rulesOf(d *schema.Document) map[string]string {
	Run(d)
	out := map[string]string{}
	for _, c := range d.Checks {
		out[c.Rule] = c.Severity
	}
	return out
}

// sharesOfWhole is a document stating 基本支出 2476260.58 元 and 项目支出
// 469500 元, each with its share of a whole it names and the model lacks.
func sharesOfWhole(project float64) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: schema.Money(247626058)}, Project: &schema.Figure{Amount: schema.Money(46950000)}}
	const of = "/text/whole/一般公共预算支出"
	d.Claims = []schema.Claim{
		{Path: "/expenditure/basic", Kind: schema.ClaimSharePct, Value: 84.06, Decimals: 2, Unit: "%", Of: of, Line: 5},
		{Path: "/expenditure/project", Kind: schema.ClaimSharePct, Value: project, Decimals: 2, Unit: "%", Of: of, Line: 12},
	}
	return d
}

func TestRules(t *testing.T) {
	for _, c := range []struct {
		name     string
		doc      func() *schema.Document
		rule     string
		severity string // "" means no finding
	}{
		{"change agrees", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(1480000), PriorYear: money(1950000)}}
			d.Claims = []schema.Claim{{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -470000, Decimals: 0, Unit: "万元"}}
			return d
		}, "yoy.change", ""},
		{"change disagrees", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(1480000), PriorYear: money(1950000)}}
			d.Claims = []schema.Claim{{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -350000, Decimals: 0, Unit: "万元"}}
			return d
		}, "yoy.change", "warning"},
		{"percentage within rounding", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(3056300), PriorYear: money(3185500)}
			d.Claims = []schema.Claim{{Path: "/revenue", Kind: schema.ClaimChangePct, Value: -4, Decimals: 0, Unit: "%"}}
			return d
		}, "yoy.change_pct", "info"},
		// the prior year on the percentage's own line: its last digit may be cut
		// ("8105563.00元,较2017年…8014212.00元增长1.13%": 1.1399%)
		{"percentage cut, its prior year on its line", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(8105563), PriorYear: money(8014212)}
			d.Provenance["/revenue/total"] = schema.Source{Line: 14}
			d.Provenance["/revenue/prior_year"] = schema.Source{Line: 14}
			d.Claims = []schema.Claim{{Path: "/revenue", Kind: schema.ClaimChangePct, Value: 1.13, Decimals: 2, Unit: "%", Line: 14}}
			return d
		}, "yoy.change_pct", "info"},
		// default mode: "134 万元，降幅" / "0.66" / "%。主要"; 134 / (1,895 + 134) is 6.60%
		{"percentage of a change stated lines before it", func() *schema.Document { return changeApart(10, 12, -0.66) }, "yoy.change_pct", "warning"},
		{"percentage of a change stated lines after it", func() *schema.Document { return changeApart(11, 10, -6.60) }, "yoy.change_pct", ""},
		// the change states the prior year: no tenth of a point allowed as against a prior year stated apart
		{"percentage of a change, a twentieth off", func() *schema.Document { return changeApart(11, 10, -6.55) }, "yoy.change_pct", "warning"},
		{"percentage far from any stated change", func() *schema.Document { return changeApart(10, 40, -0.66) }, "yoy.change_pct", ""},
		// "公务用车购置费增加0.89万元，公务用车运行费下降20.25%": the increase is not the fall's
		{"percentage beside a change of the other sign", func() *schema.Document { return changeApart(10, 10, 20.25) }, "yoy.change_pct", ""},
		{"percentage wrong", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(3056300), PriorYear: money(3185500)}
			d.Claims = []schema.Claim{{Path: "/revenue", Kind: schema.ClaimChangePct, Value: -9, Decimals: 0, Unit: "%"}}
			return d
		}, "yoy.change_pct", "warning"},
		{"share wrong", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(29400500), ByFunction: []schema.ClassItem{{Code: "201", Name: "n", Amount: *money(21066600)}}}
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0", Kind: schema.ClaimSharePct, Value: 71.73, Decimals: 2, Unit: "%", Of: "/expenditure/total"}}
			return d
		}, "share.pct", "warning"},
		// a real page: 基本支出 84.06% and 项目支出 19.62% of 一般公共预算支出, which
		// the model does not hold; the two parts allow the projects 15.94% at most
		{"shares of one whole beyond their parts", func() *schema.Document { return sharesOfWhole(19.62) }, "share.parts", "warning"},
		{"shares of one whole the parts allow", func() *schema.Document { return sharesOfWhole(15.94) }, "share.parts", ""},
		{"a share below its part's (the whole may hold more)", func() *schema.Document { return sharesOfWhole(12) }, "share.parts", ""},
		{"all appropriations: totals agree", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(2194096), FiscalTotal: money(2194096), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}}}
			return d
		}, "cross.fiscal_summary", ""},
		{"all appropriations: totals differ", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(2194096), FiscalTotal: money(2094096), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}}}
			return d
		}, "cross.fiscal_summary", "warning"},
		{"other money: totals may differ", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(2195535), FiscalTotal: money(2194096), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}, {Name: "其他收入", Amount: *money(1439)}}}
			return d
		}, "cross.fiscal_summary", ""},
		{"standard tables there", func() *schema.Document {
			return base()
		}, "structure.missing_table", ""},
		{"no government-fund table", func() *schema.Document {
			d := base()
			d.Warnings = []schema.Warning{{Text: "政府性基金预算支出表", Reason: schema.WarnMissingTable + ": 政府性基金预算支出表"}}
			return d
		}, "structure.missing_table", "warning"},
		{"no funds: general budget is all appropriations", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}, {Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(2194096)}}}
			d.GovernmentFund, d.StateCapital = &schema.Figure{}, &schema.Figure{}
			return d
		}, "cross.general_budget", ""},
		{"no funds, yet general budget falls short", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}, {Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(2094096)}}}
			d.GovernmentFund, d.StateCapital = &schema.Figure{}, &schema.Figure{}
			return d
		}, "cross.general_budget", "warning"},
		{"government funds: the two may differ", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Sources: []schema.Named{{Name: "财政拨款", Amount: *money(2194096)}, {Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(2094096)}}}
			d.GovernmentFund, d.StateCapital = &schema.Figure{Amount: *money(100000)}, &schema.Figure{}
			return d
		}, "cross.general_budget", ""},
		{"mandatory sections there", func() *schema.Document {
			return base()
		}, "structure.missing_section", ""},
		{"procurement never mentioned", func() *schema.Document {
			d := base()
			d.Warnings = []schema.Warning{{Text: "政府采购", Reason: schema.WarnMissingSection + ": 政府采购"}}
			return d
		}, "structure.missing_section", "warning"},
		{"completion rate agrees", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.ThreePublic = &schema.ThreePublic{Total: money(16075), Budgeted: money(16162)}
			d.Claims = []schema.Claim{{Path: "/three_public", Kind: schema.ClaimExecutionPct, Value: 99.46, Decimals: 2, Unit: "%"}}
			return d
		}, "execution.pct", ""},
		{"completion rate wrong", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.ThreePublic = &schema.ThreePublic{Total: money(16075), Budgeted: money(16162)}
			d.Claims = []schema.Claim{{Path: "/three_public", Kind: schema.ClaimExecutionPct, Value: 94.46, Decimals: 2, Unit: "%"}}
			return d
		}, "execution.pct", "warning"},
		{"决算数小于预算数 holds", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "n", Amount: *money(100000),
				Items: []schema.ClassItem{{Name: "行政运行", Amount: *money(15118900), Budgeted: money(15600500)}}}}}
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimExecutionSign, Value: -1}}
			return d
		}, "execution.sign", ""},
		{"决算数大于预算数 when it is less", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "n", Amount: *money(100000),
				Items: []schema.ClassItem{{Name: "行政运行", Amount: *money(15118900), Budgeted: money(15600500)}}}}}
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimExecutionSign, Value: 1}}
			return d
		}, "execution.sign", "warning"},
		// real pages: "决算数为399.48万元,比2013年年初预算数减少40.52万元,下降9.2%";
		// "公务接待费支出2.14万元, 与2021年度预算相比,增加1.14万元,增长1.14%" (budget 1)
		{"difference from the budget agrees", func() *schema.Document { return budgetChange(3994800, 4400000, schema.ClaimBudgetChange, -405200, 2) }, "execution.change", ""},
		{"difference from the budget wrong", func() *schema.Document { return budgetChange(3994800, 4400000, schema.ClaimBudgetChange, -455200, 2) }, "execution.change", "warning"},
		{"percentage of the budget agrees", func() *schema.Document { return budgetChange(21400, 10000, schema.ClaimBudgetChangePct, 114, 0) }, "execution.change", ""},
		{"percentage of the budget wrong", func() *schema.Document { return budgetChange(21400, 10000, schema.ClaimBudgetChangePct, 1.14, 2) }, "execution.change", "warning"},
		// no budget stated: 9.2% is 40.52 / (399.48 + 40.52) = 9.209%
		{"percentage of the budget from the difference", func() *schema.Document { return budgetChangeOnly(-9.2, 0) }, "execution.change", "info"},
		{"percentage of the budget from the difference, wrong", func() *schema.Document { return budgetChangeOnly(-10.2, 0) }, "execution.change", "warning"},
		// "完成年初预算71.21%,比年初预算减少3887.49万元" on 9615.12
		{"completion rate from the difference", func() *schema.Document { return budgetChangeOnly(0, 71.21) }, "execution.pct", ""},
		{"completion rate from the difference, wrong", func() *schema.Document { return budgetChangeOnly(0, 77.21) }, "execution.pct", "warning"},
		{"assets add up", func() *schema.Document {
			d := base()
			d.Assets = &schema.Assets{Start: &schema.AssetState{Total: *money(307700), ByCategory: []schema.Named{{Name: "a", Amount: *money(205600)}, {Name: "b", Amount: *money(102100)}}}}
			return d
		}, "sum.assets", ""},
		{"assets do not add up", func() *schema.Document {
			d := base()
			d.Assets = &schema.Assets{End: &schema.AssetState{Total: *money(373500), ByCategory: []schema.Named{{Name: "a", Amount: *money(265400)}, {Name: "b", Amount: *money(104400)}}}}
			return d
		}, "sum.assets", "error"},
		{"three public add up", func() *schema.Document {
			d := base()
			z := schema.Figure{}
			d.ThreePublic = &schema.ThreePublic{Total: money(2000), OverseasTravel: &z, Reception: &schema.Figure{Amount: *money(2000)}, VehiclePurchase: &z, VehicleOperation: &z}
			return d
		}, "sum.three_public", ""},
		{"three public parts exceed", func() *schema.Document {
			d := base()
			z := schema.Figure{}
			d.ThreePublic = &schema.ThreePublic{Total: money(2000), OverseasTravel: &z, Reception: &schema.Figure{Amount: *money(3000)}, VehiclePurchase: &z, VehicleOperation: &z}
			return d
		}, "sum.three_public", "error"},
		{"personnel and public expenses add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(23369100)}, Personnel: &schema.Figure{Amount: *money(21522600)}, PublicExpenses: &schema.Figure{Amount: *money(1846500)}}
			return d
		}, "sum.basic_parts", ""},
		{"personnel and public expenses do not add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(23369100)}, Personnel: &schema.Figure{Amount: *money(21522600)}, PublicExpenses: &schema.Figure{Amount: *money(1746500)}}
			return d
		}, "sum.basic_parts", "error"},
		{"vehicle parts add up", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Vehicle: &schema.Figure{Amount: *money(465600)}, VehiclePurchase: &schema.Figure{Amount: *money(250000)}, VehicleOperation: &schema.Figure{Amount: *money(215600)}}
			return d
		}, "sum.vehicle", ""},
		{"vehicle parts do not add up", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Vehicle: &schema.Figure{Amount: *money(465600)}, VehiclePurchase: &schema.Figure{Amount: *money(250000)}, VehicleOperation: &schema.Figure{Amount: *money(205600)}}
			return d
		}, "sum.vehicle", "error"},
		{"the vehicle subtotal stands for its parts", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Total: money(4843000), OverseasTravel: &schema.Figure{Amount: *money(1000000)}, Reception: &schema.Figure{Amount: *money(1165000)}, Vehicle: &schema.Figure{Amount: *money(2678000)}}
			return d
		}, "sum.three_public", ""},
		// a page that prints its vehicles' whole as their 运行费 as well
		// (1,116.14 of which 购置 34.71 and 运行 1,116.14): one misprint,
		// sum.vehicle's; the total is what the subtotal makes
		{"a misprinted vehicle part is not the total's too", func() *schema.Document { return vehicleWhole(13601300) }, "sum.three_public", "info"},
		{"a total its parts do not make is reported beside a misprinted vehicle part", func() *schema.Document { return vehicleWhole(14601300) }, "sum.three_public", "error"},
		// 部门预算支出总数8105563.00元 … 部门基本支出预算7031563.00元 … 部门专项项目预算74000.00元
		{"a budget's basic and project short of its expenditure", func() *schema.Document { return budgetSplit(schema.KindBudget, nil) }, "sum.basic_project", "error"},
		{"a budget's basic and project short by an amount placed nowhere", func() *schema.Document {
			return budgetSplit(schema.KindBudget, &schema.Warning{Line: 20, Reason: "amount 100万元 not placed in the model", Amount: money(1000000)})
		}, "sum.basic_project", ""},
		{"a budget's basic and project short by two amounts placed nowhere", func() *schema.Document {
			d := budgetSplit(schema.KindBudget, &schema.Warning{Line: 7, Reason: "amount 60万元 not placed in the model", Amount: money(600000)})
			d.Warnings = append(d.Warnings, schema.Warning{Line: 7, Reason: "amount 40万元 not placed in the model", Amount: money(400000)})
			return d
		}, "sum.basic_project", ""},
		{"a budget's basic and project short by more than an amount placed nowhere", func() *schema.Document {
			return budgetSplit(schema.KindBudget, &schema.Warning{Line: 8, Reason: "amount 423.47万元 not placed in the model", Amount: money(4234700)})
		}, "sum.basic_project", "error"},
		{"a budget's split on a line that states an amount placed nowhere", func() *schema.Document {
			d := budgetSplit(schema.KindBudget, &schema.Warning{Line: 16, Reason: "amount 8.69万元 not placed in the model", Amount: money(86900)})
			d.Provenance["/expenditure/basic/amount"] = schema.Source{Line: 16, Text: "部门基本支出预算7031563.00元"}
			return d
		}, "sum.basic_project", ""},
		{"final accounts' basic and project short of the expenditure", func() *schema.Document { return budgetSplit(schema.KindFinalAccounts, nil) }, "sum.basic_project", ""},
		// 2015年三公经费预算拨入57.55万元 … 公务接待费…2015年预算12.5万元 … 公务车辆运行…2015年预算45.2万元
		{"prior-year parts exceed the prior-year total", func() *schema.Document { return priorParts(125000) }, "sum.other_years", "warning"},
		{"prior-year parts within the prior-year total", func() *schema.Document { return priorParts(123500) }, "sum.other_years", ""},
		{"budgeted vehicle parts do not add up", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Vehicle: &schema.Figure{Amount: *money(465600), Budgeted: money(500000)},
				VehiclePurchase: &schema.Figure{Amount: *money(250000), Budgeted: money(250000)}, VehicleOperation: &schema.Figure{Amount: *money(215600), Budgeted: money(260000)}}
			return d
		}, "sum.other_years", "warning"},
		{"prior-year personnel and public expenses add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(23369100), PriorYear: money(22000000)},
				Personnel: &schema.Figure{Amount: *money(21522600), PriorYear: money(20000000)}, PublicExpenses: &schema.Figure{Amount: *money(1846500), PriorYear: money(2000000)}}
			return d
		}, "sum.other_years", ""},
		{"project in two sections", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Projects: []schema.Project{{Name: "信访解难资金", Amount: *money(360000)}}}
			d.Performance = &schema.Performance{Projects: []schema.PerfProject{{Name: "信访解难资金项目", Amount: money(500000)}}}
			return d
		}, "cross.project_performance", "warning"},
		{"budget balances", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(100)}
			d.Expenditure = &schema.Expenditure{Total: money(100)}
			return d
		}, "balance.budget", ""},
		{"budget does not balance", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(3056300)}
			d.Expenditure = &schema.Expenditure{Total: money(3046300)}
			return d
		}, "balance.budget", "error"},
		{"projects add up to more", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(1000000)}, Projects: []schema.Project{{Name: "a", Amount: *money(600000)}, {Name: "b", Amount: *money(600000)}}}
			return d
		}, "sum.projects", "error"},
		{"projects list partial", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(1000000)}, Projects: []schema.Project{{Name: "a", Amount: *money(300000)}, {Name: "b", Amount: *money(300000)}}}
			return d
		}, "sum.projects", "info"},
		{"share agrees", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(29400500), ByFunction: []schema.ClassItem{{Code: "201", Name: "n", Amount: *money(21066600)}}}
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0", Kind: schema.ClaimSharePct, Value: 71.65, Decimals: 2, Unit: "%", Of: "/expenditure/total"}}
			return d
		}, "share.pct", ""},
		{"prior year restated differently", func() *schema.Document {
			d := base()
			d.OperatingCosts = &schema.Figure{Amount: *money(172700), PriorYear: money(173200)}
			d.Claims = []schema.Claim{{Path: "/operating_costs", Kind: schema.ClaimPriorYear, Value: 183200, Decimals: 2, Unit: "万元"}}
			return d
		}, "restate.prior_year", "warning"},
		{"functional classes exceed the total", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(3056300), ByFunction: []schema.ClassItem{{Code: "201", Name: "a", Amount: *money(2575300)}, {Code: "208", Name: "b", Amount: *money(591000)}}}
			return d
		}, "sum.function", "error"},
		{"functional classes add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(3056300), ByFunction: []schema.ClassItem{{Code: "201", Name: "a", Amount: *money(2575300)}, {Code: "208", Name: "b", Amount: *money(481000)}}}
			return d
		}, "sum.function", ""},
		// a real page: 本年支出合计4021.94万元, 一般公共预算财政拨款支出1264.92万元, and the
		// 一般公共预算财政拨款支出表's classes, 1264.92 in all
		{"general budget's classes add up to its expenditure", func() *schema.Document { return generalClasses(1264.92) }, "sum.function", ""},
		{"general budget's classes above its expenditure", func() *schema.Document { return generalClasses(1284.92) }, "sum.function", "error"},
		{"classes near the year's total are the year's", func() *schema.Document { return generalClasses(4001.94) }, "sum.function", "info"},
		// a table's rows list every item of their class; a narrative may name some only
		{"a table's coded items short of their class", func() *schema.Document { return itemsShort("30101", "30102") }, "sum.economic_items", "error"},
		{"a narrative's items short of their class", func() *schema.Document { return itemsShort("30101", "") }, "sum.economic_items", "info"},
		{"a class whose amount is not stated adds no 0 to the classes' sum", unstatedClass, "sum.function", ""},
		{"a class whose amount is not stated has no sum of items to compare", unstatedClass, "sum.function_items", ""},
		{"a 项 whose amount is not stated adds no 0 to its class's items", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "a", Amount: *money(1000000), Items: []schema.ClassItem{
				{Code: "2011501", Name: "行政运行", Unstated: true, Items: []schema.ClassItem{{Name: "人员经费", Amount: *money(700000)}}},
				{Code: "2011502", Name: "x", Amount: *money(100000)}, {Code: "2011503", Name: "y", Amount: *money(100000)}}}}}
			return d
		}, "sum.function_items", ""},
		{"economic classes exceed basic", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(1576300)}, ByEconomic: []schema.ClassItem{{Code: "301", Name: "a", Amount: *money(1288900)}, {Code: "302", Name: "b", Amount: *money(387400)}}}
			return d
		}, "sum.economic", "warning"},
		{"economic classes make the year's spending, not its basic expenditure", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(2844500), Basic: &schema.Figure{Amount: *money(1738900)}, ByEconomic: []schema.ClassItem{
				{Code: "301", Name: "a", Amount: *money(1663000)}, {Code: "302", Name: "b", Amount: *money(850600)}, {Code: "303", Name: "c", Amount: *money(330900)}}}
			return d
		}, "sum.economic", ""},
		{"economic classes make neither the spending nor its basic expenditure", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(2846500), Basic: &schema.Figure{Amount: *money(1738900)}, ByEconomic: []schema.ClassItem{
				{Code: "301", Name: "a", Amount: *money(1663000)}, {Code: "302", Name: "b", Amount: *money(850600)}, {Code: "303", Name: "c", Amount: *money(330900)}}}
			return d
		}, "sum.economic", "warning"},
		{"items exceed their 类", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "201", Name: "a", Amount: *money(1000000), Items: []schema.ClassItem{{Name: "x", Amount: *money(700000)}, {Name: "y", Amount: *money(400000)}}}}}
			return d
		}, "sum.function_items", "error"},
		{"sources exceed the revenue", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(3056300), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(3056300)}, {Name: "其他收入", Amount: *money(100000)}}}
			return d
		}, "sum.revenue_sources", "error"},
		{"sources of appropriations with no 财政拨款 line add up", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(233206200), Sources: []schema.Named{{Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(233206200)}, {Name: "其他收入", Amount: *money(0)}, {Name: "政府性基金", PartOf: "财政拨款", Amount: *money(0)}}}
			return d
		}, "sum.revenue_sources", ""},
		{"sources of appropriations with no 财政拨款 line exceed the revenue", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(233206200), Sources: []schema.Named{{Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(233206200)}, {Name: "其他收入", Amount: *money(1000000)}}}
			return d
		}, "sum.revenue_sources", "error"},
		// the revenue of 40,381.77 万元: its sources and 5,500 carried over
		// from last year, a source misprinted
		{"sources and the amounts carried over exceed the revenue", func() *schema.Document { return carriedSources(113400000, -15000000) }, "sum.revenue_sources", "error"},
		{"sources and the amounts carried over make the revenue", func() *schema.Document { return carriedSources(111400000, -15000000) }, "sum.revenue_sources", ""},
		// 其他收入 listed: the list is all of the revenue, but in a 决算's
		// 总计 (用事业基金弥补收支差额 has no place in the model)
		{"sources naming 其他收入 short of the revenue", func() *schema.Document { return carriedSources(101400000, -15000000) }, "sum.revenue_sources", "error"},
		// … but where an amount among the sources' lines was placed
		// nowhere: a source the extraction did not know may be it
		{"sources naming 其他收入 short of the revenue, an amount among them unplaced", func() *schema.Document { return shortSourcesUnplaced(13, 10000000) }, "sum.revenue_sources", "info"},
		{"sources naming 其他收入 short of the revenue, a zero among them unplaced", func() *schema.Document { return shortSourcesUnplaced(12, 0) }, "sum.revenue_sources", "error"},
		{"sources naming 其他收入 short of the revenue, an amount unplaced after them", func() *schema.Document { return shortSourcesUnplaced(15, 10000000) }, "sum.revenue_sources", "error"},
		// … but for amounts on a source's line that add up to it: its
		// breakdown (其中纳入财政专户管理的教育收费…，其他事业收入…)
		{"sources naming 其他收入 short of the revenue, a source's breakdown unplaced on its line", func() *schema.Document {
			d := shortSourcesUnplaced(12, 60000000)
			d.Warnings = append(d.Warnings, schema.Warning{Line: 12, Reason: "amount 4140.00万元 " + schema.WarnUnplaced, Amount: money(41400000)})
			return d
		}, "sum.revenue_sources", "error"},
		{"sources naming 其他收入 short of the revenue, two amounts unplaced on a source's line not its breakdown", func() *schema.Document {
			d := shortSourcesUnplaced(12, 60000000)
			d.Warnings = append(d.Warnings, schema.Warning{Line: 12, Reason: "amount 4000.00万元 " + schema.WarnUnplaced, Amount: money(40000000)})
			return d
		}, "sum.revenue_sources", "info"},
		// … and where the reserve drawn to balance the year (用事业基金弥补
		// 收支差额) is stated among the sources, placed nowhere: it is one of
		// the total's parts, counted, and the list is closed
		{"sources, the reserve drawn and the amounts carried over make the revenue", func() *schema.Document { return reserveSources(101400000, 15) }, "sum.revenue_sources", ""},
		{"sources, the reserve drawn and the amounts carried over short of the revenue", func() *schema.Document { return reserveSources(100400000, 15) }, "sum.revenue_sources", "error"},
		{"sources, the reserve drawn and the amounts carried over exceed the revenue", func() *schema.Document { return reserveSources(110400000, 15) }, "sum.revenue_sources", "error"},
		// … not a reserve stated far from the list: the list may be partial
		{"sources and the amounts carried over short of the revenue, the reserve stated apart", func() *schema.Document { return reserveSources(100400000, 30) }, "sum.revenue_sources", "info"},
		{"a 决算's sources naming 其他收入 short of its 总计", func() *schema.Document {
			d := carriedSources(101400000, -15000000)
			d.Document.Kind = schema.KindFinalAccounts
			return d
		}, "sum.revenue_sources", "info"},
		// … and a page whose kind is not told may be a 决算's: nothing is closed
		{"sources naming 其他收入 short of the 总计 of a kind not told", func() *schema.Document {
			d := carriedSources(101400000, -15000000)
			d.Document.Kind, d.Document.Unknown = "", []string{schema.UnknownKind}
			return d
		}, "sum.revenue_sources", "info"},
		{"sources' and the amounts carried over's changes make the revenue's", func() *schema.Document { return carriedSources(111400000, -15000000) }, "yoy.parts_change", ""},
		{"sources' and the amounts carried over's changes above the revenue's", func() *schema.Document { return carriedSources(111400000, -15200000) }, "yoy.parts_change", "warning"},
		{"procurement parts differ", func() *schema.Document {
			d := base()
			d.Procurement = &schema.Procurement{Amount: *money(2512500), Goods: money(47900), Works: money(0), Services: money(2564700)}
			return d
		}, "sum.procurement", "error"},
		{"procurement parts add up", func() *schema.Document {
			d := base()
			d.Procurement = &schema.Procurement{Amount: *money(2512500), Goods: money(47900), Works: money(0), Services: money(2464600)}
			return d
		}, "sum.procurement", ""},
		{"total is current year plus carried over", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(29953900), CurrentYear: money(29462500), CarriedOver: money(491400)}
			return d
		}, "sum.carried", ""},
		{"total is not current year plus carried over", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(29953900), CurrentYear: money(29462500), CarriedOver: money(591400)}
			return d
		}, "sum.carried", "error"},
		// nothing carried stated: what is carried is never negative
		{"total above the current year, nothing carried stated", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(29953900), CurrentYear: money(29462500)}
			return d
		}, "sum.carried", ""},
		{"total below the current year, nothing carried stated", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(29453900), CurrentYear: money(29462500)}
			return d
		}, "sum.carried", "error"},
		{"restated amount differs", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(123234600)}}
			d.Claims = []schema.Claim{{Path: "/expenditure/basic", Kind: schema.ClaimAmount, Value: 123234800, Decimals: 2, Unit: "万元"}}
			return d
		}, "restate.amount", "warning"},
		{"restated amount rounds the table's", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(156211123)}
			d.Claims = []schema.Claim{{Path: "/revenue", Kind: schema.ClaimAmount, Value: 156211100, Decimals: 2, Unit: "万元"}}
			return d
		}, "restate.amount", "info"},
		{"text states a code's row with another amount", func() *schema.Document {
			d := base()
			d.Claims = []schema.Claim{{Path: "/tables/826/843", Kind: schema.ClaimAmount, Value: 728400, Decimals: 2, Unit: "万元", Line: 113},
				{Path: "/tables/826/843", Kind: schema.ClaimTable, Value: 6728400, Decimals: 2, Unit: "万元", Line: 845, Table: 826}}
			return d
		}, "restate.row", "warning"},
		{"text states a code's row rounded", func() *schema.Document {
			d := base()
			d.Claims = []schema.Claim{{Path: "/tables/826/847", Kind: schema.ClaimAmount, Value: 28000, Decimals: 1, Unit: "万元", Line: 114},
				{Path: "/tables/826/847", Kind: schema.ClaimTable, Value: 28400, Decimals: 2, Unit: "万元", Line: 849, Table: 826}}
			return d
		}, "restate.row", "info"},
		{"text states a class with another amount than its items add up to", func() *schema.Document {
			d := base()
			d.Claims = []schema.Claim{{Path: "/tables/826/843/201", Kind: schema.ClaimAmount, Value: 6656400, Decimals: 2, Unit: "万元", Line: 113},
				{Path: "/tables/826/843/201", Kind: schema.ClaimTable, Value: 6728400, Decimals: 2, Unit: "万元", Line: 845, Table: 826},
				{Path: "/tables/826/843/201", Kind: schema.ClaimTable, Value: 28000, Decimals: 2, Unit: "万元", Line: 849, Table: 826}}
			return d
		}, "restate.row", "warning"},
		{"text states a class its items' rounding explains", func() *schema.Document {
			d := base()
			d.Claims = []schema.Claim{{Path: "/tables/826/843/201", Kind: schema.ClaimAmount, Value: 6756500, Decimals: 2, Unit: "万元", Line: 113},
				{Path: "/tables/826/843/201", Kind: schema.ClaimTable, Value: 6728400, Decimals: 2, Unit: "万元", Line: 845, Table: 826},
				{Path: "/tables/826/843/201", Kind: schema.ClaimTable, Value: 28000, Decimals: 2, Unit: "万元", Line: 849, Table: 826}}
			return d
		}, "restate.row", "info"},
		// a purchase table's 合计 100, its kinds, subtotals and purchases:
		// 300 in all, one of them printed 0.40 too high; and within the
		// rounding of its cells
		{"levels off", func() *schema.Document { return levels(3004000) }, "sum.levels", "warning"},
		{"levels within rounding", func() *schema.Document { return levels(3000100) }, "sum.levels", "info"},
		{"levels that add up", func() *schema.Document { return levels(3000000) }, "sum.levels", ""},
		{"basic and project exceed the total", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(3056300), Basic: &schema.Figure{Amount: *money(1576300)}, Project: &schema.Figure{Amount: *money(1580000)}}
			return d
		}, "sum.basic_project", "error"},
		{"basic and project add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(3056300), Basic: &schema.Figure{Amount: *money(1576300)}, Project: &schema.Figure{Amount: *money(1480000)}}
			return d
		}, "sum.basic_project", ""},
		{"economic items exceed their class", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{ByEconomic: []schema.ClassItem{{Code: "301", Name: "a", Amount: *money(1288900), Items: []schema.ClassItem{{Name: "x", Amount: *money(1000000)}, {Name: "y", Amount: *money(388900)}}}}}
			return d
		}, "sum.economic_items", "error"},
		{"project amounts agree across sections", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Projects: []schema.Project{{Name: "信访解难资金", Amount: *money(360000)}}}
			d.Performance = &schema.Performance{Projects: []schema.PerfProject{{Name: "信访解难资金项目", Amount: money(360000)}}}
			return d
		}, "cross.project_performance", ""},
		{"appropriations total below this year's", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{FiscalTotal: money(3000), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(29400500)}}}
			return d
		}, "sum.fiscal_total", "error"},
		{"appropriations total above this year's", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{FiscalTotal: money(29616800), Sources: []schema.Named{{Name: "财政拨款", Amount: *money(29400500)}}}
			return d
		}, "sum.fiscal_total", ""},
		{"changes of the parts add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(100)}, Project: &schema.Figure{Amount: *money(100)}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure", Kind: schema.ClaimChange, Value: 500000, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure/basic", Kind: schema.ClaimChange, Value: 300000, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: 200000, Decimals: 2, Unit: "万元"}}
			return d
		}, "yoy.parts_change", ""},
		{"changes of the parts do not add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(100)}, Project: &schema.Figure{Amount: *money(100)}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure", Kind: schema.ClaimChange, Value: -129200, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure/basic", Kind: schema.ClaimChange, Value: 340900, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -350000, Decimals: 0, Unit: "万元"}}
			return d
		}, "yoy.parts_change", "warning"},
		// a basic and project expenditure that make the appropriations'
		// 727.11 of 735.09 (all funds down 62.54, appropriations 67.02):
		// their changes are the appropriations'
		{"changes of the appropriations' split make the appropriations'", func() *schema.Document { return appropriationsSplit(-670200) }, "yoy.parts_change", ""},
		{"changes of the appropriations' split do not make the appropriations'", func() *schema.Document { return appropriationsSplit(-690200) }, "yoy.parts_change", "warning"},
		// a class of 2,620.09 万元 up 268.78 and its three 项 (1,485.76,
		// 605.00, 529.33) up 307.07, −39.29 and 1.00, the last misprinted
		// 0.10
		{"items' changes below their class's", func() *schema.Document { return itemChanges(1000, 2620.09) }, "yoy.parts_change", "warning"},
		{"items' changes add up to their class's", func() *schema.Document { return itemChanges(10000, 2620.09) }, "yoy.parts_change", ""},
		// a 项 the class had last year is gone: its prior year is in the
		// class's change only
		{"items' changes above their class's", func() *schema.Document { return itemChanges(200000, 2620.09) }, "yoy.parts_change", "info"},
		{"a class of one item, another change", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "208", Name: "社会保障和就业支出", Amount: *money(15097200),
				Items: []schema.ClassItem{{Name: "行政单位离退休", Amount: *money(15097200)}}}}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure/by_function/0", Kind: schema.ClaimChange, Value: 1243500, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimChange, Value: 1234500, Decimals: 2, Unit: "万元"}}
			return d
		}, "yoy.parts_change", "warning"},
		// the revenue up 3,608.98 万元: 财政拨款 (its change not stated) by
		// 一般公共预算 +3,756.18 and 国有资本经营 0 (none this year, its change
		// not stated), 财政专户管理资金 −147.20; one misprinted
		{"sources' changes add up to the revenue's", func() *schema.Document { return sourceChanges(-1472000) }, "yoy.parts_change", ""},
		{"sources' changes below the revenue's", func() *schema.Document { return sourceChanges(-1427000) }, "yoy.parts_change", "info"},
		{"sources' changes above the revenue's", func() *schema.Document { return sourceChanges(-1572000) }, "yoy.parts_change", "warning"},
		// the items listed are a selection: their changes say nothing
		{"items that do not make their class", func() *schema.Document { return itemChanges(10000, 2720.09) }, "yoy.parts_change", ""},
		{"basic, project and reserve add up", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Total: money(219553500), Basic: &schema.Figure{Amount: *money(139943100)}, Project: &schema.Figure{Amount: *money(55730000)}, Reserve: &schema.Figure{Amount: *money(23880400)}}
			return d
		}, "sum.basic_project", ""},
		{"one quantity, two changes", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{FiscalTotal: money(219409600), Sources: []schema.Named{{Name: "一般公共预算", Amount: *money(219409600)}}}
			d.Claims = []schema.Claim{
				{Path: "/revenue/sources/0", Kind: schema.ClaimChange, Value: 39592800, Decimals: 2, Unit: "万元"},
				{Path: "/revenue/fiscal_total", Kind: schema.ClaimChange, Value: 39589800, Decimals: 2, Unit: "万元"}}
			return d
		}, "restate.change", "warning"},
		{"one quantity, one change", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(3056300)}
			d.Expenditure = &schema.Expenditure{Total: money(3056300)}
			d.Claims = []schema.Claim{
				{Path: "/revenue", Kind: schema.ClaimChange, Value: -129200, Decimals: 2, Unit: "万元"},
				{Path: "/expenditure", Kind: schema.ClaimChange, Value: -129200, Decimals: 2, Unit: "万元"}}
			return d
		}, "restate.change", ""},
		{"placeholders left", func() *schema.Document {
			d := base()
			d.Warnings = []schema.Warning{{Line: 1, Text: "上海市 XX 局", Reason: schema.WarnPlaceholder + ": XX"}}
			return d
		}, "structure.placeholder", "error"},
		{"no placeholder", func() *schema.Document {
			d := base()
			d.Warnings = []schema.Warning{{Line: 3, Text: "x", Reason: "amount 5万元 not placed in the model"}}
			return d
		}, "structure.placeholder", ""},
		{"heading of another year", func() *schema.Document {
			d := base()
			d.Document.FiscalYear = 2023
			d.Warnings = []schema.Warning{{Line: 9, Text: "二、2022年“三公”经费预算情况说明", Reason: schema.WarnHeadingYear + ": 2022, not 2023"}}
			return d
		}, "structure.heading_year", "warning"},
		// 3,666 万元 is any amount from 3,665.5 to 3,666.5 万元: a change of
		// 22.20 against 3,644.20 is within its rounding
		{"change within the rounding of a figure printed in whole 万元", func() *schema.Document {
			d := printedItem("一般行政管理事务（项）支出 3,666 万元，与上年", "上年 3,644.20 万元")
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimChange, Value: 222000, Decimals: 2, Unit: "万元"}}
			return d
		}, "yoy.change", "info"},
		{"change beyond the rounding of a figure printed with two decimals", func() *schema.Document {
			d := printedItem("一般行政管理事务（项）支出 3,666.00 万元，与上年", "上年 3,644.20 万元")
			d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimChange, Value: 222000, Decimals: 2, Unit: "万元"}}
			return d
		}, "yoy.change", "warning"},
		// 0.3 万元 is 2,500 to 3,500 yuan: 增长 20% against 0.25 万元 may be 0% to 40%
		{"percentage within the rounding of small amounts", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Total: money(3000), PriorYear: money(2500)}
			d.Provenance["/three_public/total"] = schema.Source{Line: 5, Text: "“三公”经费0.3万元"}
			d.Provenance["/three_public/prior_year"] = schema.Source{Line: 6, Text: "上年0.25万元"}
			d.Claims = []schema.Claim{{Path: "/three_public", Kind: schema.ClaimChangePct, Value: 30, Decimals: 0, Unit: "%", Line: 6}}
			return d
		}, "yoy.change_pct", "info"},
		// a real page: "2023年当年预算执行数为1899.77万元，2024年预算安排1660.32万元，比2023年预算执行数减少12.60%"
		// (−12.604%): the prior year the sentence states is the percentage's own, no tenth of a point allowed
		{"percentage against the prior year its sentence states", func() *schema.Document { return priorInSentence(-12.68, 7) }, "yoy.change_pct", "warning"},
		{"percentage against a prior year stated apart", func() *schema.Document { return priorInSentence(-12.68, 9) }, "yoy.change_pct", "info"},
		{"one figure's change stated twice, no prior year", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Reserve: &schema.Figure{Amount: *money(168572000)}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure/reserve", Kind: schema.ClaimChange, Value: 30751400, Decimals: 2, Unit: "万元", Line: 580},
				{Path: "/expenditure/reserve", Kind: schema.ClaimChange, Value: 30571400, Decimals: 2, Unit: "万元", Line: 637}}
			return d
		}, "restate.change", "warning"},
		// the 三公 parts' changes against the year before's budget (line 10)
		// and against its outturn (line 12): every part differs, so two
		// comparisons, not a misprint; one part misprinted is one
		{"parts' changes against two bases", func() *schema.Document {
			return partsChangedTwice([3]float64{284000000, -126000000, -161000000})
		}, "restate.change", ""},
		{"a part's change stated twice, misprinted", func() *schema.Document {
			return partsChangedTwice([3]float64{-44400000, -272000000, -386000000})
		}, "restate.change", "warning"},
		{"one figure's percentage change stated twice", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(139943100)}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure/basic", Kind: schema.ClaimChangePct, Value: 13.56, Decimals: 2, Unit: "%", Line: 1000},
				{Path: "/expenditure/basic", Kind: schema.ClaimChangePct, Value: 13.65, Decimals: 2, Unit: "%", Line: 1100}}
			return d
		}, "restate.pct", "warning"},
		{"one figure's percentage change stated twice alike", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(139943100)}}
			d.Claims = []schema.Claim{
				{Path: "/expenditure/basic", Kind: schema.ClaimChangePct, Value: 13.56, Decimals: 2, Unit: "%", Line: 1000},
				{Path: "/expenditure/basic", Kind: schema.ClaimChangePct, Value: 13.6, Decimals: 1, Unit: "%", Line: 1100}}
			return d
		}, "restate.pct", "info"},
		{"the general budget is more than all appropriations", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Sources: []schema.Named{{Name: "财政拨款", Amount: *money(219409600)}, {Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(219469600)}}}
			return d
		}, "sum.fiscal_parts", "error"},
		{"the general budget is part of all appropriations", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Sources: []schema.Named{{Name: "财政拨款", Amount: *money(219409600)}, {Name: "一般公共预算", PartOf: "财政拨款", Amount: *money(209409600)}}}
			return d
		}, "sum.fiscal_parts", ""},
		{"personnel expenses are classes 301 and 303", func() *schema.Document { return personnel(21522600) }, "cross.personnel_economic", ""},
		{"personnel expenses are not classes 301 and 303", func() *schema.Document { return personnel(21552600) }, "cross.personnel_economic", "warning"},
		{"the appropriations' personnel expenses are classes 301 and 303", func() *schema.Document { return generalPersonnel(21522600) }, "cross.personnel_economic", ""},
		{"the appropriations' personnel expenses are not classes 301 and 303", func() *schema.Document { return generalPersonnel(21552600) }, "cross.personnel_economic", "warning"},
		{"economic classes make the appropriations' basic expenditure", func() *schema.Document { return generalPersonnel(21522600) }, "sum.economic", ""},
		{"economic classes make neither basic expenditure", func() *schema.Document {
			d := generalPersonnel(21522600)
			d.Expenditure.GeneralBasic.Amount = *money(23069100)
			return d
		}, "sum.economic", "warning"},
		{"economic classes of every fund make all funds' basic expenditure", func() *schema.Document {
			d := generalPersonnel(21522600)
			d.Expenditure.Basic.Amount, d.Expenditure.GeneralBasic.Amount = *money(23369100), *money(23219100)
			return d
		}, "sum.economic", ""},
		{"the general appropriations' expenditure exceeds the year's", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.Expenditure = &schema.Expenditure{Total: money(50000000), CurrentYear: money(40000000), General: &schema.Figure{Amount: *money(45000000)}}
			return d
		}, "cross.general_expenditure", "warning"},
		{"the general appropriations' expenditure within the year's", func() *schema.Document {
			d := base()
			d.Document.Kind = schema.KindFinalAccounts
			d.Expenditure = &schema.Expenditure{Total: money(50000000), CurrentYear: money(40000000), General: &schema.Figure{Amount: *money(35000000)}}
			return d
		}, "cross.general_expenditure", ""},
		{"a budget of general appropriations only states another general expenditure", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(40000000), Sources: []schema.Named{{Name: "一般公共预算", Amount: *money(40000000)}}}
			d.Expenditure = &schema.Expenditure{Total: money(40000000), General: &schema.Figure{Amount: *money(39000000)}}
			return d
		}, "cross.general_expenditure", "warning"},
		{"a budget of general appropriations only states its total as the general expenditure", func() *schema.Document {
			d := base()
			d.Revenue = &schema.Revenue{Total: money(40000000), Sources: []schema.Named{{Name: "一般公共预算", Amount: *money(40000000)}}}
			d.Expenditure = &schema.Expenditure{Total: money(40000000), General: &schema.Figure{Amount: *money(40000000)}}
			return d
		}, "cross.general_expenditure", ""},
		{"the appropriations' parts exceed their basic expenditure", func() *schema.Document {
			d := generalPersonnel(21522600)
			d.Expenditure.GeneralPublicExpenses = &schema.Figure{Amount: *money(2846500)}
			return d
		}, "sum.basic_parts", "error"},
		{"goods alone exceed the procurement", func() *schema.Document {
			d := base()
			d.Procurement = &schema.Procurement{Amount: *money(479000), Goods: money(4790000)}
			return d
		}, "sum.procurement", "error"},
		{"goods alone within the procurement", func() *schema.Document {
			d := base()
			d.Procurement = &schema.Procurement{Amount: *money(479000), Goods: money(47900)}
			return d
		}, "sum.procurement", ""},
		{"vehicle purchase alone exceeds the subtotal", func() *schema.Document {
			d := base()
			d.ThreePublic = &schema.ThreePublic{Vehicle: &schema.Figure{Amount: *money(476300)}, VehiclePurchase: &schema.Figure{Amount: *money(890000)}}
			return d
		}, "sum.vehicle", "error"},
		{"personnel alone exceeds basic expenditure", func() *schema.Document {
			d := base()
			d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(23369100)}, Personnel: &schema.Figure{Amount: *money(25522600)}}
			return d
		}, "sum.basic_parts", "error"},
		{"head counts above their whole", func() *schema.Document { return staff(61, 26, 33, 21) }, "sum.staff", "warning"},
		{"head counts above by one kind's count", func() *schema.Document { return staff(42, 19, 0, 23, 0, 13) }, "sum.staff", "info"},
		{"head counts below their whole", func() *schema.Document { return staff(63, 27, 30) }, "sum.staff", ""},
		{"head counts make their whole", func() *schema.Document { return staff(63, 27, 36) }, "sum.staff", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := rulesOf(c.doc())[c.rule]
			if got != c.severity {
				t.Errorf("rule %s: severity %q, want %q", c.rule, got, c.severity)
			}
		})
	}
}

// staff is a document stating a head count and the counts of the kinds it
// lists after it, on line 26.
func staff(whole float64, parts ...float64) *schema.Document {
	d := base()
	const path = "/text/26/staff/0"
	d.Claims = []schema.Claim{{Path: path, Kind: schema.ClaimHeadCount, Value: whole, Unit: "人", Line: 26}}
	for k, v := range parts {
		d.Claims = append(d.Claims, schema.Claim{Path: fmt.Sprintf("%s/%d", path, k+1), Kind: schema.ClaimHeadCount, Value: v, Of: path, Unit: "人", Line: 26})
	}
	return d
}

// unstatedClass is a document whose class 201 states its items only, and
// whose other classes add up to far less than the expenditure (a partial
// list, were 201 a 0).
func unstatedClass() *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{Total: money(1000000), ByFunction: []schema.ClassItem{
		{Code: "201", Name: "一般公共服务支出", Unstated: true, Items: []schema.ClassItem{{Code: "2010301", Name: "行政运行", Amount: *money(700000)}, {Code: "2010302", Name: "一般行政管理事务", Amount: *money(100000)}}},
		{Code: "208", Name: "社会保障和就业支出", Amount: *money(100000)}, {Code: "221", Name: "住房保障支出", Amount: *money(100000)}}}
	return d
}

// levels is a table of levels claims: a whole of 100 万元 (three levels)
// and three parts adding up to sum yuan.
func levels(sum float64) *schema.Document {
	d := base()
	whole := schema.Claim{Path: "/tables/5/7", Kind: schema.ClaimLevels, Value: 1000000, Decimals: 2, Unit: "万元", Line: 7, Table: 5, Levels: 3}
	d.Claims = []schema.Claim{whole}
	for k, v := range []float64{1000000, 1000000, sum - 2000000} {
		d.Claims = append(d.Claims, schema.Claim{Path: fmt.Sprintf("/tables/5/%d", 9+k), Kind: schema.ClaimLevels, Value: v, Of: whole.Path,
			Decimals: 2, Unit: "万元", Line: 9 + k, Table: 5})
	}
	return d
}

func TestFindingNamesBothNumbers(t *testing.T) {
	d := base()
	d.Expenditure = &schema.Expenditure{Project: &schema.Figure{Amount: *money(1480000), PriorYear: money(1950000)}}
	d.Provenance["/expenditure/project/amount"] = schema.Source{Line: 121}
	d.Claims = []schema.Claim{{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -350000, Unit: "万元", Line: 129, Text: "项目支出减少35万元"}}
	Run(d)
	if len(d.Checks) != 1 {
		t.Fatalf("checks = %+v", d.Checks)
	}
	c := d.Checks[0]
	if c.Stated != -350000 || c.Computed != -470000 || len(c.Lines) != 2 || !strings.Contains(c.Message, "项目支出减少35万元") || c.MessageEn == "" {
		t.Errorf("finding = %+v", c)
	}
	// the tolerance, and what makes it: 35 万元 ±5,000, two figures assumed
	// in 万元 to two decimals ±50 each
	if c.Tolerance != 5100 || !strings.Contains(c.Message, "允许相差 5100元") || !strings.Contains(c.Message, "万元整数（±5000元）") ||
		!strings.Contains(c.Message, "第 121、129 行") || !strings.Contains(c.MessageEn, "allowed 5100 yuan") {
		t.Errorf("finding = %+v", c)
	}
}

// TestPercentageCitesTheChange: a percentage recomputed from the change its
// sentence states cites the change's line too.
func TestPercentageCitesTheChange(t *testing.T) {
	d := changeApart(10, 12, -0.66)
	Run(d)
	for _, c := range d.Checks {
		if c.Rule == "yoy.change_pct" && (len(c.Lines) != 2 || c.Lines[0] != 10 || c.Lines[1] != 12) {
			t.Errorf("lines %v, want [10 12]", c.Lines)
		}
	}
}

// TestRateOverThisYear: a rate the document took over this year's amount
// (116,433.12 元, up 16,803.36, "增长14.43%": 16.87% over the year before's)
// is a warning that says so; a rate that is wrong over either base says
// nothing of a base.
func TestRateOverThisYear(t *testing.T) {
	for _, tc := range []struct {
		pct  float64
		base bool
	}{{14.43, true}, {15.43, false}} {
		d := base()
		d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "208", Name: "社会保障和就业支出", Amount: *money(116433.12)}}}
		d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0", Kind: schema.ClaimChange, Value: 16803.36, Decimals: 2, Unit: "元", Line: 8},
			{Path: "/expenditure/by_function/0", Kind: schema.ClaimChangePct, Value: tc.pct, Decimals: 2, Unit: "%", Line: 8}}
		Run(d)
		var got []schema.Check
		for _, c := range d.Checks {
			if c.Rule == "yoy.change_pct" {
				got = append(got, c)
			}
		}
		if len(got) != 1 || got[0].Severity != schema.SeverityWarning || got[0].Computed != 16.87 {
			t.Fatalf("%v%%: %+v", tc.pct, got)
		}
		if said := strings.Contains(got[0].MessageEn, "over this year's amount (14.43%)") && strings.Contains(got[0].Message, "除以本年数相符（14.43%）"); said != tc.base {
			t.Errorf("%v%%: the base said %v, want %v: %s", tc.pct, said, tc.base, got[0].MessageEn)
		}
	}
}

// TestCatalogueDoc keeps docs/checks.md generated from the catalogue: each
// rule with its tolerance, how often it compares figures of the text files
// of data/, and an example from them — a warning where there is one.
func TestCatalogueDoc(t *testing.T) {
	var files []string
	filepath.WalkDir("../../data", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	compared := map[string]int{}
	example := map[string]string{}
	loud := map[string]bool{}
	for _, p := range files {
		text, err := ingest.Read(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Extract(text, "doc", extract.Hints{Department: "某部门"})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, r := range Relations(doc) {
			compared[r.Rule]++
		}
		Run(doc)
		for _, c := range doc.Checks {
			if example[c.Rule] == "" || !loud[c.Rule] && c.Severity != schema.SeverityInfo {
				example[c.Rule] = "`" + strings.TrimPrefix(p, "../../data/") + "` (" + c.Severity + "): " + strings.ReplaceAll(c.Message, "|", "\\|")
				loud[c.Rule] = c.Severity != schema.SeverityInfo
			}
		}
	}
	var b strings.Builder
	b.WriteString("# Consistency rules\n\nGenerated from `pipeline/check/rules.go` by `go test ./pipeline/check -update`; do not edit.\n\n")
	b.WriteString("Every rule compares a stated number with a computed one and allows the difference the rounding of the figures involved explains: ")
	b.WriteString("a figure printed in 万元 with d decimals stands for ±0.5×10^−d 万元 (how each figure was printed is read from its source line; ")
	b.WriteString("where the line does not show it, an amount in whole hundreds of yuan is taken as 万元 to two decimals), a sum of n figures for the sum of their ")
	b.WriteString("half-intervals, a percentage with k decimals for ±0.5×10^−k points, and a percentage computed from two amounts for the range it takes over their intervals. ")
	b.WriteString("A difference within the tolerance is reported as `info` whatever the rule's severity; every finding states both numbers, the source lines, the tolerance and what makes it.\n\n")
	b.WriteString("*Compared* counts the comparisons each rule makes over the text files of `data/` (agreeing or not); the example is the first finding there, a warning or an error where there is one.\n\n")
	b.WriteString("| rule | severity | 规则 | what it finds | tolerance | compared | example from data/ |\n|---|---|---|---|---|---|---|\n")
	for _, r := range Catalogue() {
		ex := example[r.ID]
		if ex == "" {
			ex = "–"
		}
		b.WriteString("| `" + r.ID + "` | " + r.Severity + " | " + r.Title + " | " + r.TitleEn + " | " + r.Tolerance + " | " + strconv.Itoa(compared[r.ID]) + " | " + ex + " |\n")
	}
	const path = "../../docs/checks.md"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != b.String() {
		t.Errorf("docs/checks.md is out of date: run go test ./pipeline/check -update (%v)", err)
	}
}

// BenchmarkCheck runs every rule over the seed and the largest corpus
// document (11, with its tables), extracted once; set beside
// BenchmarkExtractSeed/Large in pipeline/extract, it shows what checking
// adds to extraction.
func BenchmarkCheck(b *testing.B) {
	for _, in := range []struct{ name, path string }{
		{"Seed", "../../data/000_70dee09d8603147c.txt"},
		{"Large", "../../data/corpus/11_jiangsu_procuratorate_2018_dept-budget.txt"},
	} {
		text, err := ingest.Read(context.Background(), in.path)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := extract.Extract(text, "bench", extract.Hints{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(in.name, func(b *testing.B) {
			for b.Loop() {
				doc.Checks = nil
				Run(doc)
			}
		})
	}
}

// rejectedTable is a basic-expenditure table as pdftotext -layout prints
// it, whose 301 cell reads 25.00 where its items and the copy below (the
// table that stands) say 20.00.
const rejectedTable = `某省某院2019年部门预算
          财政拨款基本支出预算表（经济科目）
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               30.00
301              工资福利支出            25.00
30101            基本工资                  12.00
30102            津贴补贴                  8.00
303              对个人和家庭的补助             10.00
30302            退休费                   10.00
          一般公共预算基本支出预算表
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               30.00
301              工资福利支出            20.00
30101            基本工资                  12.00
30102            津贴补贴                  8.00
303              对个人和家庭的补助             10.00
30302            退休费                   10.00
`

func extractText(t *testing.T, text string) *schema.Document {
	t.Helper()
	d, err := extract.Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(text, "\n"), Format: "text"}, "t", extract.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRejectedTableFindings: the table left out still speaks — its 301
// against the 301 that stands (restate.table) and its classes against
// its 合计 (sum.table), both numbers and the lines named; 301's 25.00,
// which fails both against its items and as a part of the 合计, is one
// finding naming both sums. The same table in default mode (one cell a
// line), where a failed sum may be the reader's, gives no restate.table,
// and its failing sums only because one misprinted cell, and no other,
// explains them.
func TestRejectedTableFindings(t *testing.T) {
	d := extractText(t, rejectedTable)
	Run(d)
	found := map[string]schema.Check{}
	n := 0
	for _, c := range d.Checks {
		found[c.Rule] = c
		if c.Rule == "sum.table" {
			n++
		}
	}
	r := found["restate.table"]
	if r.Severity != schema.SeverityWarning || r.Stated != 250000 || r.Computed != 200000 || !slices.Equal(r.Lines, []int{6, 15}) ||
		!strings.Contains(r.Message, "250000") || !strings.Contains(r.Message, "200000") || r.Tolerance != 100 {
		t.Errorf("restate.table = %+v", r)
	}
	// 301's items (12 + 8 is not 25) and the 合计 (30 against 35): one cell
	s := found["sum.table"]
	if n != 1 || s.Severity != schema.SeverityWarning || s.Stated != 250000 || s.Computed != 200000 || !slices.Equal(s.Lines, []int{5, 6, 7, 8, 9}) ||
		!strings.Contains(s.MessageEn, "stated 300000 yuan, computed 350000 yuan") || !strings.Contains(s.MessageEn, "table from line 2") ||
		!strings.Contains(s.MessageEn, "line 6, at 200000 yuan") {
		t.Errorf("sum.table (%d findings) = %+v", n, s)
	}

	var cells []string
	for _, l := range strings.Split(rejectedTable, "\n")[1:] {
		cells = append(cells, strings.Fields(l)...)
	}
	def := extractText(t, "某省某院2019年部门预算\n"+strings.Join(cells, "\n"))
	Run(def)
	var sums []string
	for _, c := range def.Checks {
		switch {
		case c.Rule == "sum.table" && c.Severity == schema.SeverityWarning:
			sums = append(sums, fmt.Sprint(c.Stated, c.Computed, c.Lines))
		case strings.HasSuffix(c.Rule, ".table"):
			t.Errorf("default-mode text: %+v", c)
		}
	}
	// one misprint (301's 25.00 for 20.00) mends every sum, and no other
	// one does: the two sums through 301, on its line 12 (treeOneOff), one
	// finding
	if want := []string{"250000 200000 [9 12 15 18 21]"}; !slices.Equal(sums, want) {
		t.Errorf("default-mode text: sum.table warnings %q, want %q", sums, want)
	}
}

// A table off by the rounding of its cells (three cells of 万元 to two
// decimals: ±150 yuan) is info, not a warning.
func TestRejectedTableWithinRounding(t *testing.T) {
	text := strings.Replace(strings.SplitAfter(rejectedTable, "30302            退休费                   10.00\n")[0],
		"301              工资福利支出            25.00", "301              工资福利支出            20.01", 1)
	text = strings.Replace(text, "30101            基本工资                  12.00", "30101            基本工资                  12.01", 1)
	d := extractText(t, text)
	Run(d)
	n := 0
	for _, c := range d.Checks {
		if c.Rule == "sum.table" {
			n++
			if c.Severity != schema.SeverityInfo || c.Stated != 300000 || c.Computed != 300100 {
				t.Errorf("sum.table = %+v", c)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d sum.table findings, want the 合计's: %+v", n, d.Checks)
	}
}

// A 收支总表 (layout text) whose 公共安全支出 was changed, and the function
// 支出总表 that stands.
const rejectedSummary = `某省某院2019年部门预算
                收支预算总表
部门名称：某省某院                     单位：万元
           项目             预算数                       项目          预算数
一、财政拨款收入                   150.00 一、一般公共服务支出                  100.00
二、事业收入                        10.00 二、公共安全支出                    45.00
                                        三、住房保障支出                     20.00
           收入总计            160.00            支出总计           160.00
          支出预算总表
部门名称：某省某院                     单位：万元
   科目编码     科目名称                合计      基本支出      项目支出
              合计                  160.00      120.00        40.00
   201        一般公共服务支出        100.00       80.00        20.00
   20101      行政运行              100.00       80.00        20.00
   204        公共安全支出           40.00       30.00        10.00
   20401      武装警察部队            40.00       30.00        10.00
   221        住房保障支出           20.00       10.00        10.00
   22102      住房改革支出            20.00       10.00        10.00
`

// TestRejectedSummaryFindings: a 收支总表 whose functional 类 no longer add
// up to its 支出总计 still speaks — the changed 类 against the 支出总表's
// (restate.table) and the 类 against the 支出总计 (sum.table), both
// numbers and lines named. Default mode gives them where one misprint
// explains the gap, and a difference within the rounding of the cells is
// info.
func TestRejectedSummaryFindings(t *testing.T) {
	d := extractText(t, rejectedSummary)
	Run(d)
	var restated, summed []schema.Check
	for _, c := range d.Checks {
		switch c.Rule {
		case "restate.table":
			restated = append(restated, c)
		case "sum.table":
			summed = append(summed, c)
		}
	}
	if len(restated) != 1 || restated[0].Severity != schema.SeverityWarning || restated[0].Stated != 450000 || restated[0].Computed != 400000 ||
		!slices.Equal(restated[0].Lines, []int{6, 15}) || restated[0].Tolerance != 100 {
		t.Errorf("restate.table = %+v", restated)
	}
	if len(summed) != 1 || summed[0].Severity != schema.SeverityWarning || summed[0].Stated != 1600000 || summed[0].Computed != 1650000 ||
		!slices.Equal(summed[0].Lines, []int{5, 6, 7, 8}) || !strings.Contains(summed[0].MessageEn, "stated 1600000 yuan, computed 1650000 yuan") {
		t.Errorf("sum.table = %+v", summed)
	}

	// default mode, a cell a line: the rows read in order, their totals
	// balance and their sources add up, and one misprint (40.00 → 45.00)
	// explains the classes' gap — both findings, on the cells' own lines;
	// a gap no one misprint explains (47.30: two digits) may be a cell of
	// another row taken: none
	cellsOf := func(text string) string {
		var cells []string
		for _, l := range strings.Split(text, "\n")[1:] {
			cells = append(cells, strings.Fields(l)...)
		}
		return "某省某院2019年部门预算\n" + strings.Join(cells, "\n")
	}
	def := extractText(t, cellsOf(rejectedSummary))
	Run(def)
	var tables []string
	for _, c := range def.Checks {
		if strings.HasSuffix(c.Rule, ".table") && c.Severity == schema.SeverityWarning {
			tables = append(tables, fmt.Sprint(c.Rule, c.Stated, c.Computed, c.Lines))
		}
	}
	if want := []string{"restate.table450000 400000 [16 47]", "sum.table1.6e+06 1.65e+06 [12 16 18 22]"}; !slices.Equal(tables, want) {
		t.Errorf("default-mode text: table findings %q, want %q", tables, want)
	}
	def = extractText(t, cellsOf(strings.Replace(rejectedSummary, "45.00", "47.30", 1)))
	Run(def)
	for _, c := range def.Checks {
		if strings.HasSuffix(c.Rule, ".table") {
			t.Errorf("default-mode text, a gap of two digits: %+v", c)
		}
	}

	// 40.01 against the function table's 40.00, and 160.01 against 160.00:
	// the rounding of 万元 to two decimals (±50 yuan a cell) explains both
	near := strings.Replace(rejectedSummary, "二、公共安全支出                    45.00", "二、公共安全支出                    40.01", 1)
	d = extractText(t, near)
	Run(d)
	n := 0
	for _, c := range d.Checks {
		if strings.HasSuffix(c.Rule, ".table") {
			n++
			if c.Severity != schema.SeverityInfo {
				t.Errorf("within rounding: %+v", c)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d table findings, want restate.table and sum.table as info: %+v", n, d.Checks)
	}
}

// TestRejectedFiscalTotals: the two 总计 of a 财政拨款收支总表 read by column
// that differ are both named (sum.table), the changed one against the 类
// it no longer sums (sum.table) and against the appropriations' total the
// text states (restate.table); default mode gives none.
func TestRejectedFiscalTotals(t *testing.T) {
	text := `某省某院2019年部门预算
财政拨款收、支预算150.00万元。
                财政拨款收支预算总表
部门名称：某省某院                     单位：万元
           项目             预算数                       项目          预算数
一、一般公共预算                   150.00 一、一般公共服务支出                  100.00
                                        二、公共安全支出                    50.00
           收入合计            150.00            支出合计           105.00
`
	d := extractText(t, text)
	Run(d)
	found := map[string]schema.Check{}
	var sums []string
	for _, c := range d.Checks {
		found[c.Rule] = c
		if c.Rule == "sum.table" && c.Severity == schema.SeverityWarning {
			sums = append(sums, fmt.Sprint(c.Stated, " ", c.Computed, " ", c.Lines))
		}
	}
	// the two 总计, and the 类 that no longer add up to 支出合计 (fiscalSums)
	if want := []string{"1.5e+06 1.05e+06 [8]", "1.05e+06 1.5e+06 [6 7 8]"}; !slices.Equal(sums, want) {
		t.Errorf("sum.table: %q, want %q", sums, want)
	}
	if r := found["restate.table"]; r.Severity != schema.SeverityWarning || r.Stated != 1050000 || r.Computed != 1500000 || !slices.Equal(r.Lines, []int{2, 8}) {
		t.Errorf("restate.table = %+v", r)
	}
	var cells []string
	for _, l := range strings.Split(text, "\n")[1:] {
		cells = append(cells, strings.Fields(l)...)
	}
	def := extractText(t, "某省某院2019年部门预算\n"+strings.Join(cells, "\n"))
	Run(def)
	for _, c := range def.Checks {
		if strings.HasSuffix(c.Rule, ".table") {
			t.Errorf("default-mode text: %+v", c)
		}
	}
}

// TestRejectedExpenditureClass: a 支出总表 whose 公共安全支出 (类) row was
// changed fails its code sums; the 类 it prints is the 收支总表's, which
// stands, and restate.table names both lines.
func TestRejectedExpenditureClass(t *testing.T) {
	text := `某省某院2019年部门预算
                收支预算总表
部门名称：某省某院                     单位：万元
           项目             预算数                       项目          预算数
一、财政拨款收入                   200.00 一、一般公共服务支出                  100.00
                                        二、公共安全支出                    40.00
                                        三、社会保障和就业支出                 40.00
                                        四、住房保障支出                     20.00
           收入总计            200.00            支出总计           200.00
          支出预算总表
部门名称：某省某院                     单位：万元
   科目编码     科目名称                合计      基本支出      项目支出
              合计                  200.00      150.00        50.00
   201        一般公共服务支出        100.00       80.00        20.00
   20101      行政运行              100.00       80.00        20.00
   204        公共安全支出           46.00       30.00        10.00
   20401      武装警察部队            40.00       30.00        10.00
   208        社会保障和就业支出        40.00       30.00        10.00
   20805      行政事业单位养老支出       40.00       30.00        10.00
   221        住房保障支出           20.00       10.00        10.00
   22102      住房改革支出            20.00       10.00        10.00
`
	d := extractText(t, text)
	Run(d)
	n := 0
	for _, c := range d.Checks {
		if c.Rule == "restate.table" {
			n++
			if c.Severity != schema.SeverityWarning || c.Stated != 460000 || c.Computed != 400000 || !slices.Equal(c.Lines, []int{6, 16}) {
				t.Errorf("restate.table = %+v", c)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d restate.table findings, want the 类's: %+v", n, d.Checks)
	}
}

// copiedTables: Jiangsu prints one function classification twice, as
// 财政拨款支出预算表 and 一般公共预算支出预算表; here two rows of the second
// were swapped, which keeps every sum of both tables.
const copiedTables = `某省某院2019年部门预算
公开 05 表
                        财政拨款支出预算表（功能科目）
部门名称：某省某院                                                     单位：万元
          功能科目编码               功能科目名称                      金   额
                        合计                                         300.00
204                     公共安全支出                                     250.00
20405                   法院                                         250.00
2040501                 行政运行                                       120.00
2040502                 一般行政管理事务                                    80.00
2040504                 案件审判                                        50.00
221                     住房保障支出                                      50.00
22102                   住房改革支出                                      50.00
2210201                 住房公积金                                       50.00
公开 07 表
              一般公共预算支出预算表（功能科目）
部门名称：某省某院                                             单位：万元
          功能科目编码           功能科目名称     金   额
                   合计                         300.00
204                公共安全支出                     250.00
20405              法院                         250.00
2040501            行政运行                        80.00
2040502            一般行政管理事务                   120.00
2040504            案件审判                        50.00
221                住房保障支出                      50.00
22102              住房改革支出                      50.00
2210201            住房公积金                       50.00
`

// TestCopiedTableRows: the rows that differ between two copies of one
// classification are each a warning naming both cells, their lines and the
// rounding allowed.
func TestCopiedTableRows(t *testing.T) {
	d := extractText(t, copiedTables)
	Run(d)
	var got []string
	for _, c := range d.Checks {
		if c.Rule == "restate.copy" {
			got = append(got, fmt.Sprint(c.Severity, " ", c.Stated, " ", c.Computed, " ", c.Lines, " ", c.Tolerance))
		}
	}
	want := []string{"warning 800000 1.2e+06 [9 22] 100", "warning 1.2e+06 800000 [10 23] 100"}
	if !slices.Equal(got, want) {
		t.Errorf("restate.copy:\n got %q\nwant %q", got, want)
	}
	// a copy whose 合计 is not read (its cell on a header's line) is known
	// by the sum of its 类
	d = extractText(t, strings.Replace(copiedTables, "                   合计                         300.00\n", "", 1))
	Run(d)
	n := 0
	for _, c := range d.Checks {
		if c.Rule == "restate.copy" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("without the copy's 合计: %d restate.copy findings, want 2", n)
	}
	// rows that agree give nothing
	same := strings.Replace(strings.Replace(copiedTables, "行政运行                        80.00", "行政运行                       120.00", 1),
		"一般行政管理事务                   120.00", "一般行政管理事务                    80.00", 1)
	d = extractText(t, same)
	Run(d)
	for _, c := range d.Checks {
		if c.Rule == "restate.copy" {
			t.Errorf("copies that agree: %+v", c)
		}
	}
}

// TestBasicPartsStated: a statement of a basic expenditure and the two
// parts it lists after 其中 — here the appropriations' basic expenditure
// (/expenditure/general_basic), not all funds' — must add up
// (sum.basic_parts): both numbers, the three lines and the tolerance named;
// within the rounding, info; a list with a third part is not added up.
// Parts the model does not take (人员支出 and 公用支出 that do not make the
// whole) are the sentence's sum claims (sum.text).
func TestBasicPartsStated(t *testing.T) {
	text := `某省某院2018年部门预算
某省某院2018年度财政拨款基本支出预算 13,979.92 万元。其中：
（一）人员经费 11,357.35 万元。主要包括：基本工资、津贴补贴等支出。
（二）公用经费 2,722.57 万元。主要包括：办公费、水费等支出。
七、一般公共预算支出预算情况说明`
	sums := func(d *schema.Document) []schema.Check {
		var got []schema.Check
		for _, c := range d.Checks {
			if c.Rule == "sum.text" || c.Rule == "sum.basic_parts" {
				got = append(got, c)
			}
		}
		return got
	}
	d := extractText(t, text)
	Run(d)
	got := sums(d)
	if len(got) != 1 {
		t.Fatalf("sum findings: %+v", d.Checks)
	}
	if c := got[0]; c.Rule != "sum.basic_parts" || c.Severity != schema.SeverityError || c.Stated != 139799200 || c.Computed != 140799200 || !slices.Equal(c.Lines, []int{2, 3, 4}) ||
		c.Tolerance != 150 || !slices.Equal(c.Paths, []string{"/expenditure/general_basic/amount", "/expenditure/general_personnel/amount", "/expenditure/general_public_expenses/amount"}) ||
		!strings.Contains(c.MessageEn, "stated 139799200 yuan, computed 140799200 yuan") {
		t.Errorf("sum.basic_parts = %+v", c)
	}

	for name, tc := range map[string]struct {
		text      string
		rule, sev string
	}{
		"within rounding": {strings.Replace(text, "11,357.35", "11,257.36", 1), "sum.basic_parts", schema.SeverityInfo},
		"adds up":         {strings.Replace(text, "11,357.35", "11,257.35", 1), "", ""},
		"a note between":  {strings.Replace(text, "基本工资、津贴补贴等支出。", "基本工资。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）", 1), "sum.basic_parts", schema.SeverityError},
		"a third part":    {strings.Replace(text, "七、", "（三）对个人和家庭的补助 100.00 万元。\n七、", 1), "", ""},
		// 人员支出 may leave 对个人和家庭的补助 out: only parts above the whole
		"人员支出 above the whole": {"某区某局2016年度部门决算说明\n1. 基本支出2642.05 万元。\n其中，人员支出 2594.47 万元，公用支出 147.58 万元。", "sum.text", schema.SeverityWarning},
		"人员支出 below the whole": {"某区某局2016年度部门决算说明\n1. 基本支出2642.05 万元。\n其中，人员支出 2394.47 万元，公用支出 147.58 万元。", "", ""},
	} {
		d := extractText(t, tc.text)
		Run(d)
		got := sums(d)
		if tc.rule == "" {
			if len(got) != 0 {
				t.Errorf("%s: %+v", name, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Rule != tc.rule || got[0].Severity != tc.sev {
			t.Errorf("%s: want one %s %s finding: %+v", name, tc.rule, tc.sev, d.Checks)
		}
	}
}

// TestStatedChangeNoModelFigure: a comparison no model figure takes
// ("财政拨款预算支出 X 万元，…增加 Y 万元，增长 Z %") states the prior year
// twice; a percentage that is not Y / (X − Y) within the rounding is a
// yoy.change_pct warning naming the amount's and the percentage's lines
// and the tolerance. One that agrees keeps nothing, and an amount that
// does not open its sentence, or stands in an aside or before one, is not
// the comparison's.
func TestStatedChangeNoModelFigure(t *testing.T) {
	text := `某省某院2018年部门预算
五、财政拨款支出预算情况说明
某省某院2018年财政拨款预算支出 21,940.96 万元，
占本年支出合计的 99.94 %。与上年相比，财政拨款支出
增加 3,358.98 万元，增长 22 %。主要原因是政策性调整。`
	d := extractText(t, text)
	Run(d)
	var got []schema.Check
	for _, c := range d.Checks {
		if c.Rule == "yoy.change_pct" {
			got = append(got, c)
		}
	}
	if len(got) != 1 || got[0].Severity != schema.SeverityWarning || got[0].Stated != 22 || math.Abs(got[0].Computed-18.08) > 0.005 ||
		!slices.Equal(got[0].Lines, []int{3, 5}) || got[0].Tolerance < 0.5 || got[0].Tolerance > 0.51 {
		t.Fatalf("yoy.change_pct findings: %+v", got)
	}
	for name, text := range map[string]string{
		"agrees":         strings.Replace(text, "3,358.98", "3,958.98", 1),
		"not the opener": "某省某院2018年部门预算\n其中：人员经费 100.00 万元、公用经费 50.00 万元，比上年增加 30.00 万元，增长 50%。",
		// Fujian's 类 with its 项 in an aside: the comparison may be of either
		"an aside between": "某省某院2017年部门决算\n（十一）其它支出（科目编码229）169.50万元（其中按照项级科目统计，科目编码2299901-其它支出金额为169.50万元），较上年决算数减少53.9万元，下降32%。",
		"inside an aside":  "某省某院2017年部门决算\n（一）一般公共服务支出（科目编码201）100.00万元（其中按照项级科目统计，科目编码2010101-行政运行金额为97.20万元；科目编码2010601-财政事务行政运行的金额为2.8万元），较上年决算数增加175.93万元，增长35%。",
	} {
		d := extractText(t, text)
		Run(d)
		for _, cl := range d.Claims {
			if strings.HasPrefix(cl.Path, "/text/") {
				t.Errorf("%s: claim %+v", name, cl)
			}
		}
		for _, c := range d.Checks {
			if c.Rule == "yoy.change_pct" {
				t.Errorf("%s: %+v", name, c)
			}
		}
	}
}

// TestStatedChangeLastDigit: a percentage whose prior year is the amount
// less the change its sentence states is compared within the rounding of
// the three numbers and its last digit, rounded or cut (2,915.22 on
// 10,883.36 − 2,915.22 is 36.586%: 36.58 and 36.59 agree), with no tenth
// of a point beside — 36.57 and 36.60 are warnings.
func TestStatedChangeLastDigit(t *testing.T) {
	const text = "某市某委2019年部门预算\n三、财政拨款支出预算情况说明\n某市某委2019年财政拨款预算支出 10,883.36 万元，与上年相比增加 2,915.22 万元，增长 36.58 %。主要原因是人员增加。"
	for pct, want := range map[string]bool{"36.58": false, "36.59": false, "36.57": true, "36.60": true, "36.5": false, "36.4": true} {
		d := extractText(t, strings.Replace(text, "36.58", pct, 1))
		Run(d)
		got := false
		for _, c := range d.Checks {
			got = got || c.Rule == "yoy.change_pct" && c.Severity == schema.SeverityWarning
		}
		if got != want {
			t.Errorf("增长 %s%%: warning %v, want %v (%+v)", pct, got, want, d.Checks)
		}
	}
}

// TestStatedChangeOfItemOrRestatement: an enumerated item after a colon
// opens a sentence of its own ("…具体情况如下：（一）〔2011501〕行政运行…
// 2494.47 万元，较2015年决算数增加 572.78 万元，增长 39.81 %"), and an amount
// restated with another value than the model's keeps its own comparison;
// either's percentage that is not its change against its amount is a
// yoy.change_pct warning on its lines.
func TestStatedChangeOfItemOrRestatement(t *testing.T) {
	for name, c := range map[string]struct {
		text  string
		lines []int
	}{
		"item after a colon":              {"某区某局2016年度部门决算说明\n五、公共财政拨款支出决算情况2016年公共财政拨款支出 3,222.64 万元，比2015年决算数增加 729.83 万元，增长 29.28 %，具体情况如下：\n（一）〔2011501〕行政运行中人员经费2494.47 万元，较2015年决算数增加 572.78 万元，增长 39.81 %。", []int{3}},
		"item after a colon, numbered 1、": {"某区某局2018年度部门预算说明\n2018年度一般公共预算拨款支出1140.03万元，比上年增加100.00万元，增长9.6%，包括：1、行政运行605.68万元，比上年增加5.68万元，增长9.5%。", []int{2}},
		"restated with another value":     {"某区某局2016年度部门决算说明\n2016年本年收入3,379.46万元，本年支出3,260.27万元。\n（二）2016本年支出 3260.28 万元，比2015年决算数增加 663.38 万元，增长 35.55 ％，具体情况如下：", []int{3}},
	} {
		d := extractText(t, c.text)
		Run(d)
		var got []schema.Check
		for _, f := range d.Checks {
			if f.Rule == "yoy.change_pct" && f.Severity == schema.SeverityWarning {
				got = append(got, f)
			}
		}
		if len(got) != 1 || !slices.Equal(got[0].Lines, c.lines) {
			t.Errorf("%s: yoy.change_pct warnings %+v", name, got)
		}
	}
	for name, text := range map[string]string{
		"item agrees":        "某区某局2016年度部门决算说明\n五、公共财政拨款支出决算情况2016年公共财政拨款支出 3,222.64 万元，比2015年决算数增加 729.83 万元，增长 29.28 %，具体情况如下：\n（一）〔2011501〕行政运行中人员经费2494.47 万元，较2015年决算数增加 572.78 万元，增长 29.81 %。",
		"colon with no item": "某省某院2018年部门预算\n2018年支出1140.03万元，其中：人员经费 100.00 万元、公用经费 50.00 万元，比上年增加 30.00 万元，增长 50%。",
	} {
		d := extractText(t, text)
		Run(d)
		for _, f := range d.Checks {
			if f.Rule == "yoy.change_pct" && f.Severity != schema.SeverityInfo {
				t.Errorf("%s: %+v", name, f)
			}
		}
	}
}

// TestPriorSign: with no prior year stated, an increase larger than the
// figure or a fall of more than 100% says the prior year was negative
// (yoy.prior_sign names both lines); an increase within the figure, or
// within its rounding, says nothing.
func TestPriorSign(t *testing.T) {
	text := "某区某局2016年度部门决算说明\n七、“三公”经费支出决算情况\n（二）公务用车购置及运行费47.63万元。其中：公务用车购置费0.89万元。公务用车运行费46.74万元。\n与2015年相比，公务用车购置费增加0.89万元，公务用车运行费下降20.25%。"
	for name, c := range map[string]struct {
		text  string
		lines []int
	}{
		"as printed":              {text, nil},
		"an increase above it":    {strings.Replace(text, "增加0.89万元", "增加8.9万元", 1), []int{3, 4}},
		"a fall of more than all": {strings.Replace(text, "下降20.25%", "下降120.25%", 1), []int{4}},
		"within the rounding":     {strings.Replace(text, "增加0.89万元", "增加0.9万元", 1), nil},
	} {
		d := extractText(t, c.text)
		Run(d)
		var got []schema.Check
		for _, f := range d.Checks {
			if f.Rule == "yoy.prior_sign" && f.Severity != schema.SeverityInfo {
				got = append(got, f)
			}
		}
		if c.lines == nil && len(got) != 0 || c.lines != nil && (len(got) != 1 || !slices.Equal(got[0].Lines, c.lines)) {
			t.Errorf("%s: yoy.prior_sign warnings %+v", name, got)
		}
	}
}

// TestProcurementShares: the share each kind of purchase states of the
// procurement ("占政府采购支出总额的100%") is checked (share.pct): two kinds
// swapped disagree with their shares.
func TestProcurementShares(t *testing.T) {
	text := "某区某局2016年度部门决算说明\n（一）政府采购支出情况2016年本部门政府采购支出总额129.17万元。\n其中：政府采购货物支出129.17万元，占政府采购支出总额的100%；\n政府采购工程支出0万元，占政府采购支出总额的0%；\n政府采购服务支出0万元，占政府采购支出总额的0%。"
	for name, want := range map[string]int{
		text: 0,
		strings.Replace(strings.Replace(text, "货物支出129.17万元", "货物支出0万元", 1), "工程支出0万元", "工程支出129.17万元", 1): 2,
	} {
		d := extractText(t, name)
		Run(d)
		n := 0
		for _, f := range d.Checks {
			if f.Rule == "share.pct" && f.Severity == schema.SeverityWarning {
				n++
			}
		}
		if n != want {
			t.Errorf("%d share.pct warnings, want %d: %+v", n, want, d.Checks)
		}
	}
}

// TestListedParts: parts a sentence lists after 其中 cannot add up to more
// than the whole before it (sum.text names the line); a list below its
// whole may leave parts out, a change before 其中 is no whole, and a list
// with percentages, changes or parts holding others is not added up.
func TestListedParts(t *testing.T) {
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"parts above":                  {"某区某局2016年部门预算说明\n2016年收入预算为2333.03万元，其中：一般公共预算拨款2333.03万元，单位结余结转资金327.26万元。", 1},
		"parts equal":                  {"某区某局2016年部门预算说明\n2016年收入预算为2660.29万元，其中：一般公共预算拨款2333.03万元，单位结余结转资金327.26万元。", 0},
		"parts below":                  {"某区某局2016年部门预算说明\n2016年收入预算为2700.00万元，其中：一般公共预算拨款2333.03万元，单位结余结转资金327.26万元。", 0},
		"a change":                     {"某区某局2018年部门预算说明\n相应安排支出预算22,923.05万元，比上年减少159.53万元，其中：人员支出10404.95万元，公用支出1808.1万元。", 0},
		"percentages":                  {"某区某局2016年部门预算说明\n支出100.00万元，其中：基本支出80.00万元，占80%，项目支出30.00万元。", 0},
		"parts nested":                 {"某区某局2016年部门预算说明\n支出100.00万元，其中：基本支出80.00万元，人员经费60.00万元，公用经费20.00万元。", 0},
		"investment":                   {"某区某局2017年度部门决算说明\n工程概算总投资为37000万元，其中工程费用16040.531万元，工程建设其他费用13959.469万元，基本预备费8000万元。", 1},
		"a subtotal and its parts":     {"某区某局2016年部门预算说明\n专项资金30.00万元，其中：设备费10.00万元，材料及运输费20.00万元，材料费5.00万元，运输费15.00万元。", 0},
		"a prior year among the parts": {"某区某局2025年部门预算说明\n2025 年度一般公共预算支出 7898.11 万元，其中：基本支出 6002.56 万元，比上年 6002.56 万元持平；项目支出 1895.55 万元。", 0},
		"another statement after ；":    {"某区某局2016年部门预算说明\n专项资金100.00万元，其中：省级60.00万元，市级40.00万元；另安排配套资金80.00万元。", 0},
	} {
		if n := ruleWarnings(t, name, c.text, "sum.text", []int{2}); n != c.want {
			t.Errorf("%s: %d sum.text warnings, want %d", name, n, c.want)
		}
	}
}

// TestTotalRestated: in a budget all of general-budget appropriations, the
// general budget's expenditure is the expenditure total: a statement of it
// with another amount is a cross.general_expenditure warning naming both
// lines; with government funds beside, the two may differ, the general
// budget's never above the total.
func TestTotalRestated(t *testing.T) {
	text := "某区某所2016年单位预算说明\n2016年,某所收入预算为357.68万元，其中：一般公共预算拨款357.68万元。\n相应安排支出预算357.68万元，其中：人员支出272.98万元，公用支出30.70万元，项目支出54万元。\n五、一般公共预算拨款支出情况 2016年度一般公共预算拨款支出367.68万元，主要支出项目包括："
	funds := strings.Replace(text, "一般公共预算拨款357.68万元。", "财政拨款347.68万元，政府性基金10.00万元。", 1)
	for name, c := range map[string]struct {
		text  string
		lines []int
	}{
		"restated with another amount":             {text, []int{3, 4}},
		"restated alike":                           {strings.Replace(text, "支出367.68", "支出357.68", 1), nil},
		"government funds beside":                  {strings.Replace(funds, "支出367.68", "支出347.68", 1), nil},
		"government funds beside, above the total": {funds, []int{3, 4}},
	} {
		d := extractText(t, c.text)
		Run(d)
		var got []schema.Check
		for _, f := range d.Checks {
			if (f.Rule == "restate.amount" || f.Rule == "cross.general_expenditure") && f.Severity == schema.SeverityWarning {
				got = append(got, f)
			}
		}
		if c.lines == nil && len(got) != 0 || c.lines != nil && (len(got) != 1 || !slices.Equal(got[0].Lines, c.lines)) {
			t.Errorf("%s: restate.amount and cross.general_expenditure warnings %+v", name, got)
		}
	}
}

// TestItemParagraph: a 项's paragraph with no table to place it states its
// amount twice (heading, 预算安排) and its change against the prior year's
// 执行数: a restatement with another value is restate.text, a percentage
// that is not (amount − prior) / prior is yoy.change_pct, both on the
// paragraph's line; a paragraph that agrees says nothing.
func TestItemParagraph(t *testing.T) {
	text := "上海市某区某局2024年部门预算\n财政拨款支出主要内容如下：\n1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”700.00万元，主要用于机关运转。2023年当年预算执行数为650.00万元，2024年预算安排700.00万元，比2023年预算执行数增加7.69%。主要原因是：人员增加。\n2. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”300.00万元，主要用于养老保险缴费。2023年当年预算执行数为250.00万元，2024年预算安排300.00万元，比2023年预算执行数增加20.00%。主要原因是：缴费基数调整。"
	for name, c := range map[string]struct {
		text  string
		rules []string
	}{
		"agrees":             {text, nil},
		"heading differs":    {strings.Replace(text, "2024年预算安排300.00万元", "2024年预算安排310.00万元", 1), []string{"restate.text", "yoy.change_pct"}},
		"percentage differs": {strings.Replace(text, "增加7.69%", "增加17.69%", 1), []string{"yoy.change_pct"}},
		"prior year differs": {strings.Replace(text, "执行数为650.00万元", "执行数为550.00万元", 1), []string{"yoy.change_pct"}},
		// the paragraph ends where the next part begins: its 预算安排 is another figure's
		"next part": {"上海市某区某局2024年部门预算\n财政拨款支出主要内容如下：\n1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”700.00万元，主要用于机关运转。\n四、政府采购预算情况\n2024年预算安排100.00万元用于政府采购。", nil},
	} {
		d := extractText(t, c.text)
		Run(d)
		var got []string
		for _, f := range d.Checks {
			if f.Severity == schema.SeverityWarning {
				got = append(got, f.Rule)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, c.rules) {
			t.Errorf("%s: warnings %v, want %v: %+v", name, got, c.rules, d.Checks)
		}
	}
}

// TestSentenceRestated: a report that prints one sentence in two sections
// (its words the same, its figures taken by no model figure), or one
// reason (主要原因是 …) after two sentences, and changes one figure the
// second time is restate.sentence on both lines — an amount or a
// percentage; the same sentence printed twice alike, a
// template filled with other figures only or short enough to end every
// item's paragraph, or a sentence of one figure says nothing.
func TestSentenceRestated(t *testing.T) {
	const reason = "主要原因是人员经费增加工资调整等 412.36 万元、业务经费压减会务支出 58 万元，合计增长 6.4%。"
	text := "某省某厅2020年部门预算\n一、收支预算总体情况\n" + reason + "\n二、财政拨款收支总体情况\n" + reason
	for name, c := range map[string]struct {
		text string
		want []int // the lines of the restate.sentence warning
	}{
		"alike":                 {text, nil},
		"amount differs":        {text[:strings.LastIndex(text, "412.36")] + "421.36" + text[strings.LastIndex(text, "412.36")+len("412.36"):], []int{3, 5}},
		"percentage differs":    {text[:strings.LastIndex(text, "6.4%")] + "4.6%" + text[strings.LastIndex(text, "6.4%"):][len("6.4%"):], []int{3, 5}},
		"every figure differs":  {strings.Replace(strings.Replace(strings.Replace(text, "412.36", "12.36", 1), " 58 ", " 8 ", 1), "6.4%", "1.4%", 1), nil},
		"one figure a sentence": {"某省某厅2020年部门预算\n公务接待费预算支出为 12.5 万元，与上年预算数一致。\n公务接待费预算支出为 15 万元，与上年预算数一致。", nil},
		// two items' paragraphs end alike: a template, not one sentence printed twice
		"a template of every item": {"某省某厅2020年部门决算\n主要用于：课题研究。该项年初安排为 10.00 万元，全年实际使用10.00万元。\n主要用于：系统维护。该项年初安排为 10.00 万元，全年实际使用9.50万元。", nil},
		// a news page's abstract and its report's lead, each after its label or dateline
		"a lead restated under its abstract": {"某市2014年部门决算\n内容摘要：2014年，市直党政机关“三公”经费合计为3.74亿元，同比减少1.15亿元，下降23.45%。\n关键词：公务用车\n某某晚报讯 记者某某报道：2014年，市直党政机关“三公”经费合计为3.74亿元，同比减少1.25亿元，下降23.45%。", []int{2, 4}},
		"a label of its own before each":     {"某市2014年部门决算\n一、收入：2014年，市直党政机关“三公”经费合计为3.74亿元，同比减少1.15亿元，下降23.45%。\n二、支出：2014年，市直党政机关“三公”经费合计为3.74亿元，同比减少1.25亿元，下降23.45%。", nil},
		// two totals' sentences that give one reason: the reason is printed again
		"a reason given again, a figure differs": {"某小学2019年部门预算\n一般收入预算总额较2018年增加收入167.3923万元，主要原因是人员经费预算增加126.2215万元、商品和服务支出增加5.1108万元、对个人和家庭补助支出增加34.06万元，资本性支出增加2.00万元。\n" +
			"支出预算总额较2018年增加支出167.3923万元，主要原因是人员经费预算增加126.2215万元、商品和服务支出增加34.06万元、对个人和家庭补助支出增加5.1108万元，资本性支出增加2.00万元。", []int{2, 3, 2, 3}},
	} {
		d := extractText(t, c.text)
		Run(d)
		var got []int
		for _, f := range d.Checks {
			if f.Rule == "restate.sentence" && f.Severity == schema.SeverityWarning {
				got = append(got, f.Lines...)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: restate.sentence lines %v, want %v: %+v", name, got, c.want, d.Checks)
		}
	}
}

// A 三公 table whose 公务用车费 is printed 0 above its parts (32.65 and 0)
// fails both its sums, against the 合计 and against its own parts: one
// misprint, one finding naming both sums' lines. A second misprint that no
// one cell explains stays a finding of its own.
func TestTableMisprintOneFinding(t *testing.T) {
	table := func(reception float64) *schema.Document {
		d := base()
		row := func(line int, of string, v float64) schema.Claim {
			return schema.Claim{Path: "/tables/1/" + strconv.Itoa(line), Kind: schema.ClaimTable, Value: v, Decimals: 2, Unit: "万元", Line: line, Of: of, Table: 1}
		}
		d.Claims = []schema.Claim{row(4, "", 343500), row(5, "/tables/1/4", 0), row(6, "/tables/1/4", reception), row(7, "/tables/1/4", 0),
			row(8, "/tables/1/7", 326500), row(9, "/tables/1/7", 0)}
		return d
	}
	d := table(17000)
	Run(d)
	var sums []schema.Check
	for _, c := range d.Checks {
		if c.Rule == "sum.table" {
			sums = append(sums, c)
		}
	}
	if len(sums) != 1 || sums[0].Stated != 0 || sums[0].Computed != 326500 || !slices.Equal(sums[0].Lines, []int{4, 5, 6, 7, 8, 9}) ||
		!strings.Contains(sums[0].MessageEn, "stated 343500 yuan, computed 17000 yuan") {
		t.Fatalf("one misprint: %+v", sums)
	}
	// 公务接待费 printed 2.70: no one cell makes both sums hold
	d = table(27000)
	Run(d)
	n := 0
	for _, c := range d.Checks {
		if c.Rule == "sum.table" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("two misprints: %d sum.table findings, want 2", n)
	}
}

// A share printed to three decimals ("占0.019%", where 1.91% is right) is
// stated as printed, not rounded to 0.02.
func TestStatedAsPrinted(t *testing.T) {
	d := base()
	d.Revenue = &schema.Revenue{Total: money(39393900), Sources: []schema.Named{{Name: "政府性基金预算财政拨款收入", Amount: *money(753500)}}}
	d.Claims = []schema.Claim{{Path: "/revenue/sources/0", Kind: schema.ClaimSharePct, Value: 0.019, Decimals: 3, Unit: "%", Of: "/revenue/total", Line: 37}}
	Run(d)
	for _, c := range d.Checks {
		if c.Rule == "share.pct" {
			if c.Stated != 0.019 || !strings.Contains(c.MessageEn, "stated 0.019%, computed 1.91%") {
				t.Errorf("share.pct = %+v", c)
			}
			return
		}
	}
	t.Errorf("no share.pct finding: %+v", d.Checks)
}

// itemChanges is a functional class of amount 万元 whose change the text
// states with its three items': the third's change is third.
func itemChanges(third, amount float64) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{ByFunction: []schema.ClassItem{{Code: "204", Name: "公共安全支出", Amount: *money(amount * 10000),
		Items: []schema.ClassItem{{Name: "行政运行", Amount: *money(14857600)}, {Name: "一般行政管理事务", Amount: *money(6050000)}, {Name: "案件审判", Amount: *money(5293300)}}}}}
	change := func(p string, v float64) schema.Claim {
		return schema.Claim{Path: "/expenditure/by_function/0" + p, Kind: schema.ClaimChange, Value: v, Decimals: 2, Unit: "万元"}
	}
	d.Claims = []schema.Claim{change("", 2687800), change("/items/0", 3070700), change("/items/1", -392900), change("/items/2", third)}
	return d
}

// sourceChanges is a revenue of 24,458.43 万元 whose change the text states
// with two of its sources': 财政专户管理资金's is fund.
func sourceChanges(fund float64) *schema.Document {
	d := base()
	d.Revenue = &schema.Revenue{Total: money(244584300), Sources: []schema.Named{
		{Name: "一般公共预算", Amount: *money(244584300), PartOf: "财政拨款"}, {Name: "国有资本经营", PartOf: "财政拨款"},
		{Name: "财政拨款", Amount: *money(244584300)}, {Name: "财政专户管理资金"}}}
	change := func(p string, v float64) schema.Claim {
		return schema.Claim{Path: p, Kind: schema.ClaimChange, Value: v, Decimals: 2, Unit: "万元"}
	}
	d.Claims = []schema.Claim{change("/revenue", 36089800), change("/revenue/sources/0", 37561800), change("/revenue/sources/3", fund)}
	return d
}

// carriedSources is a budget's revenue of 40,381.77 万元, down 2,213.55:
// 财政拨款 23,391.77 (−413.55), 事业收入 (−150), 其他收入 350 (−150) and
// 5,500 carried over from last year (its change carriedChange yuan).
// shortSourcesUnplaced is carriedSources with its sources naming 其他收入
// short of the revenue, on lines 10, 12 and 14, and an amount (in yuan) the
// extraction placed nowhere on line.
func shortSourcesUnplaced(line int, amount float64) *schema.Document {
	d := carriedSources(101400000, -15000000)
	d.Provenance = map[string]schema.Source{}
	for i := range d.Revenue.Sources {
		d.Provenance["/revenue/sources/"+strconv.Itoa(i)+"/amount"] = schema.Source{Line: 10 + 2*i}
	}
	d.Warnings = append(d.Warnings, schema.Warning{Line: line, Reason: "amount " + strconv.FormatFloat(amount/10000, 'f', 2, 64) + "万元 " + schema.WarnUnplaced, Amount: money(amount)})
	return d
}

// reserveSources is carriedSources with 1,000万元 of 用事业基金弥补收支差额
// stated on line (the sources on lines 10, 12 and 14) and placed nowhere.
func reserveSources(business float64, line int) *schema.Document {
	d := carriedSources(business, -15000000)
	for i := range d.Revenue.Sources {
		d.Provenance["/revenue/sources/"+strconv.Itoa(i)+"/amount"] = schema.Source{Line: 10 + 2*i}
	}
	d.Warnings = append(d.Warnings, schema.Warning{Line: line, Text: "4.用事业基金弥补收支差额1,000万元,指所属事业单位使用以前年度积累的事业基金弥补本年度收支缺口的资金。",
		Reason: "amount 1,000万元 " + schema.WarnUnplaced, Amount: money(10000000)})
	return d
}

func carriedSources(business, carriedChange float64) *schema.Document {
	d := base()
	d.Revenue = &schema.Revenue{Total: money(403817700), CarriedOver: money(55000000), Sources: []schema.Named{
		{Name: "财政拨款", Amount: *money(233917700)}, {Name: "事业收入", Amount: *money(business)}, {Name: "其他收入", Amount: *money(3500000)}}}
	d.Claims = []schema.Claim{
		{Path: "/revenue", Kind: schema.ClaimChange, Value: -22135500, Decimals: 2, Unit: "万元"},
		{Path: "/revenue/sources/0", Kind: schema.ClaimChange, Value: -4135500, Decimals: 2, Unit: "万元"},
		{Path: "/revenue/sources/1", Kind: schema.ClaimChange, Value: -1500000, Decimals: 0, Unit: "万元"},
		{Path: "/revenue/sources/2", Kind: schema.ClaimChange, Value: -1500000, Decimals: 0, Unit: "万元"},
		{Path: "/revenue/carried_over", Kind: schema.ClaimChange, Value: carriedChange, Decimals: 0, Unit: "万元"}}
	return d
}

// TestFinalBalance: a 决算's 收入总计 and 支出总计 are one sum; one printed
// otherwise is balance.final naming both lines (a cent apart is within
// the rounding of two figures to 0.01 万元: info). A page whose two 总计 are
// each its side's 合计 (the year's amounts, apart by the year's surplus)
// and a page that names neither 总计 ("本单位收入为…") say nothing.
func TestFinalBalance(t *testing.T) {
	text := `某区某镇2016年度部门决算
二、部门决算情况说明
(一)收入支出决算总体情况说明
本部门2016年度收入总计9,937.38万元,支出总计9,937.38万元。与2015年度相比,收入增加6,800.07万元,增长216.7%。
本部门2016年度收入合计9,937.38万元,其中:财政拨款收入9,937.38万元,占100%。`
	for name, c := range (severityCases{
		"the totals balance":      {text, ""},
		"a total misprinted":      {strings.Replace(text, "支出总计9,937.38", "支出总计9,987.38", 1), schema.SeverityWarning},
		"a cent apart":            {strings.Replace(text, "支出总计9,937.38", "支出总计9,937.39", 1), schema.SeverityInfo},
		"totals that are the 合计s": {strings.Replace(text, "支出总计9,937.38万元。", "支出总计9,687.80万元。\n本部门2016年度支出合计9,687.80万元。", 1), ""},
		"no 总计 named":             {strings.NewReplacer("收入总计", "收入为", "支出总计", "支出为").Replace(text), ""},
	}) {
		f := findingOf(extractText(t, c.text), "balance.final")
		if wantSeverity(t, name, f, c.severity) && f != nil && !slices.Equal(f.Lines, []int{4}) {
			t.Errorf("%s: lines %v, want 4", name, f.Lines)
		}
	}
}

// TestWagesByClassesMisprinted: a basic expenditure whose parts are named
// by their economic classes ("日常支出…，包括基本工资…等工资福利支出；…日常
// 公用经费…(商品和服务支出)") is read only where they add up; one misprint
// of one of the three that keeps them from it is a sum.text warning on
// their lines, not a statement silently left out; two digits off (no
// single misprint) is none.
func TestWagesByClassesMisprinted(t *testing.T) {
	text := "某区第一中学2016年部门预算\n2016年部门预算总支出2796.76万元，其中：基本支出2748.76万元，项目支出48万元。\n2016年用于保障学校正常运转的日常支出2638.2万元，包括基本工资、津贴补贴等工资福利支出；办公经费、水电费等日常公用经费110.56万元(商品和服务支出)。"
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"the parts make it":     {text, 0},
		"a digit changed":       {strings.Replace(text, "2638.2万元", "2688.2万元", 1), 1},
		"a part ×10":            {strings.Replace(text, "110.56万元", "1105.6万元", 1), 1},
		"no one misprint of it": {strings.Replace(text, "2638.2万元", "2677.3万元", 1), 0},
	} {
		if n := ruleWarnings(t, name, c.text, "sum.text", []int{2, 3}); n != c.want {
			t.Errorf("%s: %d sum.text warnings, want %d", name, n, c.want)
		}
	}
}

// TestReasonListMisprinted: the parts' changes a sentence gives as the
// reason for a whole's change ("较2018年增加支出167.3923万元，主要原因是人员
// 经费预算增加126.2215万元、商品和服务支出增加34.06万元…", parted by 、 after
// each amount) that one misprint, or two figures in each other's places,
// keeps from the whole's change are a sum.text warning that calls them the
// reason's, not a 其中 list (and a list after 其中 a 其中 list of changes);
// a list making the change, or only the main parts (no one misprint of
// it), says nothing.
func TestReasonListMisprinted(t *testing.T) {
	text := "某小学2019年部门预算\n2019年某小学支出预算总额为658.6637万元。支出预算总额较2018年增加支出167.3923万元，主要原因是人员经费预算增加126.2215万元、商品和服务支出增加34.06万元、对个人和家庭补助支出增加5.1108万元，资本性支出增加2.00万元。"
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"the parts make it":    {text, 0},
		"a digit changed":      {strings.Replace(text, "34.06万元", "84.06万元", 1), 1},
		"the whole ×10":        {strings.Replace(text, "167.3923万元，", "1673.923万元，", 1), 1},
		"two parts swapped":    {strings.NewReplacer("增加34.06万元", "增加5.1108万元", "增加5.1108万元", "增加34.06万元").Replace(text), 0},
		"a part and the whole": {strings.NewReplacer("增加支出167.3923万元", "增加支出126.2215万元", "经费预算增加126.2215万元", "经费预算增加167.3923万元").Replace(text), 1},
		"the main parts only":  {strings.Replace(text, "、对个人和家庭补助支出增加5.1108万元，资本性支出增加2.00万元", "", 1), 0},
	} {
		if n := ruleWarnings(t, name, c.text, "sum.text", []int{2}); n != c.want {
			t.Errorf("%s: %d sum.text warnings, want %d", name, n, c.want)
		}
	}
	d := extractText(t, strings.Replace(text, "34.06万元", "84.06万元", 1))
	Run(d)
	for _, f := range d.Checks {
		if f.Rule == "sum.text" && (strings.Contains(f.Message, "其中") || !strings.Contains(f.Message, "作为原因所列4个分项的变动额") || !strings.Contains(f.MessageEn, "the changes of the 4 parts it gives as the reason") ||
			f.Stated != 1673923 || f.Computed != 2173923 || f.Tolerance != 101.5) {
			t.Errorf("sum.text = %+v", f)
		}
	}
	// the parts' changes listed after 其中 are named as such
	d = extractText(t, "某医院2017年部门决算公开信息\n相比2016年的总收入减少243.10万元，下降3.54%。其中，财政补助收入减少660.26万元；事业收入增长316.28万元，其他收入增长40.89万元。")
	Run(d)
	if f := findingOf(d, "sum.text"); f == nil || f.Severity != schema.SeverityWarning || !strings.Contains(f.MessageEn, "the changes of the 3 parts it lists after 其中") || !strings.Contains(f.Message, "其后“其中”所列3个分项的变动额") {
		t.Errorf("sum.text of a 其中 list of changes: %+v", f)
	}
}

// TestSharesMakeTheWhole: parts whose stated shares of their total make
// 100% are all of it: their sum below the total by more than the shares'
// rounding leaves room for is an error, not a list that may be partial
// (sum.basic_project); within that room, or with shares short of 100% (a
// part not listed, 经营支出), it says nothing.
func TestSharesMakeTheWhole(t *testing.T) {
	text := "某市某乡2016年部门决算\n本部门2016年度支出合计687.80万元，其中：基本支出504.35万元，占73.33%；项目支出183.45万元，占26.67%。"
	for name, c := range (severityCases{
		"the parts make the total":       {text, ""},
		"a part misprinted down":         {strings.Replace(text, "504.35万元", "501.35万元", 1), schema.SeverityError},
		"within the shares' rounding":    {strings.Replace(text, "504.35万元", "504.33万元", 1), ""},
		"shares short of 100%":           {strings.NewReplacer("504.35万元", "501.35万元", "26.67%", "26.2%").Replace(text), ""},
		"shares to whole percents, 0.4%": {strings.NewReplacer("504.35万元", "501.35万元", "73.33%", "73%", "26.67%", "27%").Replace(text), ""},
	}) {
		f := findingOf(extractText(t, c.text), "sum.basic_project")
		if wantSeverity(t, name, f, c.severity) && c.severity != "" && !strings.Contains(f.MessageEn, "make 100%") {
			t.Errorf("%s: %s, want the shares named", name, f.MessageEn)
		}
	}
}

// ruleWarnings counts the warnings of rule on text, each of which must
// name lines.
func ruleWarnings(t *testing.T, name, text, rule string, lines []int) int {
	t.Helper()
	d := extractText(t, text)
	Run(d)
	n := 0
	for _, f := range d.Checks {
		if f.Rule == rule && f.Severity == schema.SeverityWarning {
			n++
			if !slices.Equal(f.Lines, lines) {
				t.Errorf("%s: lines %v, want %v", name, f.Lines, lines)
			}
		}
	}
	return n
}

// severityCases are texts by name, each with the severity its finding
// must have ("" for none or info).
type severityCases map[string]struct{ text, severity string }

// wantSeverity reports a finding f that is not of severity: "" wants none
// or an info. It tells whether f was as wanted.
func wantSeverity(t *testing.T, name string, f *schema.Check, severity string) bool {
	t.Helper()
	switch {
	case severity == "" && f != nil && f.Severity != schema.SeverityInfo:
		t.Errorf("%s: %+v, want none", name, f)
		return false
	case severity != "" && (f == nil || f.Severity != severity):
		t.Errorf("%s: %+v, want %s", name, f, severity)
		return false
	}
	return true
}

// budgetChange is a 决算's 三公 total of actual yuan against budget, with
// one claim of kind on it.
func budgetChange(actual, budget float64, kind string, v float64, decimals int) *schema.Document {
	d := base()
	d.Document.Kind = schema.KindFinalAccounts
	d.ThreePublic = &schema.ThreePublic{Total: money(actual), Budgeted: money(budget)}
	unit := "%"
	if kind == schema.ClaimBudgetChange {
		unit = "万元"
	}
	d.Claims = []schema.Claim{{Path: "/three_public", Kind: kind, Value: v, Decimals: decimals, Unit: unit, Line: 7}}
	return d
}

// budgetChangeOnly is a 决算's 三公 total with no budget stated, its
// difference from the budget, and a percentage of it (pct, when not 0) or
// a completion rate (rate, when not 0).
func budgetChangeOnly(pct, rate float64) *schema.Document {
	d := base()
	d.Document.Kind = schema.KindFinalAccounts
	if rate != 0 {
		d.ThreePublic = &schema.ThreePublic{Total: money(96151200)}
		d.Claims = []schema.Claim{{Path: "/three_public", Kind: schema.ClaimBudgetChange, Value: -38874900, Decimals: 2, Unit: "万元", Line: 1},
			{Path: "/three_public", Kind: schema.ClaimExecutionPct, Value: rate, Decimals: 2, Unit: "%", Line: 1}}
		return d
	}
	d.ThreePublic = &schema.ThreePublic{Total: money(3994800)}
	d.Claims = []schema.Claim{{Path: "/three_public", Kind: schema.ClaimBudgetChange, Value: -405200, Decimals: 2, Unit: "万元", Line: 5},
		{Path: "/three_public", Kind: schema.ClaimBudgetChangePct, Value: pct, Decimals: 1, Unit: "%", Line: 5}}
	return d
}

// generalClasses is a 决算 whose year's expenditure (4021.94万元) is more
// than its general budget appropriations' (1264.92万元), with functional
// classes of sum 万元 in all.
func generalClasses(sum float64) *schema.Document {
	d := base()
	d.Document.Kind = schema.KindFinalAccounts
	d.Expenditure = &schema.Expenditure{CurrentYear: money(40219400), General: &schema.Figure{Amount: *money(12649200)},
		ByFunction: []schema.ClassItem{{Code: "208", Name: "a", Amount: *money(1000000)}, {Code: "210", Name: "b", Amount: *money(sum*10000 - 1000000)}}}
	return d
}

// priorInSentence is a class's item of 1660.32万元 against a prior year of
// 1899.77万元 stated on line priorLine, and a percentage change stated on line 7.
func priorInSentence(pct float64, priorLine int) *schema.Document {
	d := printedItem("2024年预算安排1660.32万元", "2023年当年预算执行数为1899.77万元")
	d.Provenance["/expenditure/by_function/0/items/0/prior_year"] = schema.Source{Line: priorLine, Text: "2023年当年预算执行数为1899.77万元"}
	d.Expenditure.ByFunction[0].Items[0].Amount = *money(16603200)
	d.Expenditure.ByFunction[0].Items[0].PriorYear = money(18997700)
	d.Claims = []schema.Claim{{Path: "/expenditure/by_function/0/items/0", Kind: schema.ClaimChangePct, Value: pct, Decimals: 2, Unit: "%", Line: 7}}
	return d
}

// itemsShort is an economic class of 128.89万元 whose two items, coded
// as given, add up to 124.72万元.
func itemsShort(code1, code2 string) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{ByEconomic: []schema.ClassItem{{Code: "301", Name: "工资福利支出", Amount: *money(1288900),
		Items: []schema.ClassItem{{Code: code1, Name: "基本工资", Amount: *money(1000000)}, {Code: code2, Name: "津贴补贴", Amount: *money(247200)}}}}}
	return d
}

// comparisonTable is a table the catalogue does not know, a cell a line,
// whose header names two years, the change and its rate: each row states
// its own comparison.
const comparisonTable = `某学院2015年部门预算收支情况说明
收入预算增减对比表
单位:万元
项目 |
2014年预算 |
2015年预算 |
增长额 |
增长率 |
公共预算拨款 |
25,689.62 |
28,572.55 |
2,882.93 |
11.22% |
事业收入 |
350.00 |
330 |
-20.00 |
-5.71% |
本年收入合计 |
26,039.62 |
28,902.55 |
2,862.93 |
10.99% |
二、支出预算说明`

// TestComparisonTableRows: each row of a comparison table is checked on
// its own (yoy.change, yoy.change_pct, within the rounding of its cells):
// the table as printed keeps nothing (every row agrees); a cell changed
// raises a warning that cites the changed cell's line; a table whose
// header names a column that is no year, change or rate, or a row short
// of a cell, keeps nothing even so.
func TestComparisonTableRows(t *testing.T) {
	rows := func(d *schema.Document) []schema.Claim {
		return slices.DeleteFunc(slices.Clone(d.Claims), func(c schema.Claim) bool { return !strings.HasSuffix(c.Path, "/row") })
	}
	d := extractText(t, comparisonTable)
	Run(d)
	if r := rows(d); len(r) > 0 {
		t.Errorf("as printed, every row agreeing: claims %+v", r)
	}
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			t.Errorf("as printed: %+v", c)
		}
	}
	for _, c := range []struct {
		cell, now string
		line      int
	}{{"28,572.55 |", "28,572.85 |", 11}, {"25,689.62 |", "25,680.62 |", 10}, {"-5.71% |", "-7.71% |", 18}, {"2,862.93 |", "2,962.93 |", 22}} {
		cell, line := c.cell, c.line
		changed := strings.Replace(comparisonTable, cell, c.now, 1)
		d := extractText(t, changed)
		Run(d)
		cited := false
		for _, c := range d.Checks {
			cited = cited || c.Severity == schema.SeverityWarning && strings.HasPrefix(c.Rule, "yoy.") && slices.Contains(c.Lines, line)
		}
		if !cited {
			t.Errorf("%s changed: no warning cites line %d: %+v", cell, line, d.Checks)
		}
	}
	for name, text := range map[string]string{
		"a column of another kind": strings.Replace(strings.Replace(comparisonTable, "增长率 |", "备注 |", 1), "28,572.55 |", "28,572.85 |", 1),
		"a row short of a cell":    strings.Replace(strings.Replace(comparisonTable, "-20.00 |\n", "", 1), "28,572.55 |", "28,572.85 |", 1),
	} {
		if r := rows(extractText(t, text)); len(r) > 0 {
			t.Errorf("%s: claims %+v", name, r)
		}
	}
}

// sectionsTable is comparisonTable with sections (一、二、) that make its
// 本年收入合计 in every column: the first, over 公共预算拨款, with the 2015
// cell as given.
func sectionsTable(first string) string {
	head := "一、预算拨款 |\n25,689.62 |\n" + first + " |\n2,882.93 |\n11.22% |\n公共预算拨款 |\n"
	return strings.Replace(strings.Replace(comparisonTable, "公共预算拨款 |\n", head, 1), "事业收入 |", "二、其他资金 |", 1)
}

// TestComparisonTableSections: a comparison table's numbered sections
// are added up against its total row, column by column (sum.table): as
// printed nothing is kept; a section's cell that makes the sum fail (its
// own row's change failing too) is a warning citing the total's line and
// the sections'.
func TestComparisonTableSections(t *testing.T) {
	d := extractText(t, sectionsTable("28,572.55"))
	Run(d)
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimTable {
			t.Errorf("as printed, every column adding up: claim %+v", c)
		}
	}
	d = extractText(t, sectionsTable("28,635.96"))
	Run(d)
	f := findingOf(d, "sum.table")
	if f == nil || f.Severity != schema.SeverityWarning || f.Stated != 289025500 || f.Computed != 289659600 || !slices.Equal(f.Lines, []int{11, 21, 26}) {
		t.Errorf("a section misprinted: %+v", f)
	}
}

// regionThreePublic is a region's 三公 page: its table's title names no
// department, its rows the two years, the change and its rate.
const regionThreePublic = `| 索引号 | 0001 | 发布机构 | 某县财政局 |
某县2016年“三公”经费决算情况统计表 | ||||
单位:万元 | ||||
项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |
增、减金额 | 增、减幅度 | |||
合计 | 2911.47 | 2706.86 | -204.61 | -7.03% |
1.因公出国(境)费 | 13.06 | 10.20 | -2.86 | -21.9% |
2.公务接待费 | 1679.69 | 1590.94 | -88.75 | -5.28% |
3.公务用车购置及运行费 | 1218.72 | 1105.72 | -113 | -9.27% |
其中:(1)公务用车购置费 | 14.80 | 0 | -14.8 | -100% |
(2)公务用车运行费 | 1203.92 | 1105.72 | -98.2 | -8.16% |
“三公”经费口径说明
一、“三公”经费是指部门用财政拨款安排的因公出国(境)费、公务用车购置及运行费和公务接待费。`

// TestRegionThreePublicMisprinted: the page reads as printed, its rows'
// changes agreeing; with its 合计 misprinted, the table no longer adds up
// and leaves the model, but the page is still a disclosure (its rows'
// comparisons are figures it states) and the row's change is a warning
// on the 合计's line — not a page refused.
func TestRegionThreePublicMisprinted(t *testing.T) {
	page := func(text string) *schema.Document { // its lines as a file's are read (a bar a cell)
		d, err := extract.Extract(&ingest.Text{Path: "t.txt", Lines: ingest.Lines(text), Format: "text"}, "t", extract.Hints{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := page(regionThreePublic)
	Run(d)
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			t.Errorf("as printed: %+v", c)
		}
	}
	d = page(strings.Replace(regionThreePublic, "2706.86", "2705.86", 1))
	Run(d)
	found := false
	for _, c := range d.Checks {
		found = found || c.Rule == "yoy.change" && c.Severity == schema.SeverityWarning && slices.Equal(c.Lines, []int{6})
	}
	if !found {
		t.Errorf("合计 misprinted: %+v", d.Checks)
	}
}

// partsChangedTwice is a budget whose 三公 parts' changes (overseas
// travel, vehicles, reception) are stated on line 10, and again, as given,
// on line 12.
func partsChangedTwice(line12 [3]float64) *schema.Document {
	d := base()
	d.ThreePublic = &schema.ThreePublic{Total: money(7151000000), OverseasTravel: &schema.Figure{Amount: *money(1976000000)},
		Vehicle: &schema.Figure{Amount: *money(4127000000)}, Reception: &schema.Figure{Amount: *money(1048000000)}}
	for k, line := range map[int][3]float64{10: {-16000000, -272000000, -386000000}, 12: line12} {
		for i, path := range []string{"/three_public/overseas_travel", "/three_public/vehicle", "/three_public/reception"} {
			d.Claims = append(d.Claims, schema.Claim{Path: path, Kind: schema.ClaimChange, Value: line[i], Decimals: 2, Unit: "亿元", Line: k})
		}
	}
	return d
}

// appropriationsSplit is a budget of 735.09 万元, 727.11 of them
// appropriations, split into basic 695.37 and project 31.74 (down 35.51
// and 31.51), the appropriations' change general, all funds' −62.54.
func appropriationsSplit(general float64) *schema.Document {
	d := base()
	d.Expenditure = &schema.Expenditure{Total: money(7350900), General: &schema.Figure{Amount: *money(7271100)},
		Basic: &schema.Figure{Amount: *money(6953700)}, Project: &schema.Figure{Amount: *money(317400)}}
	d.Claims = []schema.Claim{
		{Path: "/expenditure", Kind: schema.ClaimChange, Value: -625400, Decimals: 2, Unit: "万元"},
		{Path: "/expenditure/general", Kind: schema.ClaimChange, Value: general, Decimals: 2, Unit: "万元"},
		{Path: "/expenditure/basic", Kind: schema.ClaimChange, Value: -355100, Decimals: 2, Unit: "万元"},
		{Path: "/expenditure/project", Kind: schema.ClaimChange, Value: -315100, Decimals: 2, Unit: "万元"}}
	return d
}

// vehicleWhole is a 三公 of total whose vehicles' 运行费 is printed as
// their whole: 22.00 travel, 221.98 reception, vehicles 1,116.14 of which
// 购置 34.71 and 运行 1,116.14.
func vehicleWhole(total float64) *schema.Document {
	d := base()
	d.ThreePublic = &schema.ThreePublic{Total: money(total), OverseasTravel: &schema.Figure{Amount: *money(220000)}, Reception: &schema.Figure{Amount: *money(2219800)},
		Vehicle: &schema.Figure{Amount: *money(11161400)}, VehiclePurchase: &schema.Figure{Amount: *money(347100)}, VehicleOperation: &schema.Figure{Amount: *money(11161400)}}
	return d
}

// TestCellRestated: the text's 会议费 against the 三公 table's 会议费
// column (claims on /text/<line>/cell/会议费, the cell's then the text's)
// is restate.cell on both lines where they differ beyond their rounding,
// info within it (300.4 printed to one decimal against 300.42).
func TestCellRestated(t *testing.T) {
	doc := func(text float64, decimals int) *schema.Document {
		return &schema.Document{Claims: []schema.Claim{
			{Path: "/text/20/cell/会议费", Kind: schema.ClaimAmount, Value: 3004200, Decimals: 2, Unit: "万元", Line: 18, Text: "1,471.70 508.20 300.42 30.00"},
			{Path: "/text/20/cell/会议费", Kind: schema.ClaimAmount, Value: text, Decimals: decimals, Unit: "万元", Line: 20, Text: "会议费预算支出…万元"},
		}}
	}
	for _, c := range []struct {
		text     float64
		decimals int
		want     string
	}{{3004200, 2, ""}, {3014200, 2, schema.SeverityWarning}, {3004000, 1, schema.SeverityInfo}} {
		d := doc(c.text, c.decimals)
		Run(d)
		got := ""
		for _, f := range d.Checks {
			if f.Rule == "restate.cell" {
				got = f.Severity
				if !slices.Equal(f.Lines, []int{18, 20}) {
					t.Errorf("%v: lines %v, want [18 20]", c.text, f.Lines)
				}
			}
		}
		if got != c.want {
			t.Errorf("text %v: restate.cell %q, want %q: %+v", c.text, got, c.want, d.Checks)
		}
	}
}
