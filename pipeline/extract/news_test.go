package extract

import (
	"slices"
	"testing"

	"budgetpub/schema"
)

// A news story of a department's 三公 published on its own website — "在某部
// 网站日前晒出“三公经费”情况", "某部在其网站公布“三公经费”情况及说明", no
// year in the clause — names that department; the year before's budget and
// outturn it restates ("据了解,2010年,…预算为…。…全年实际开支“三公经费”…")
// are neither the year's total nor a restatement of it, and the year's
// budget is the total.
func TestNewsOwnSiteThreePublic(t *testing.T) {
	text := "新华网北京7月10日电在某部网站日前晒出“三公经费”情况后,记者向某部有关负责人了解到,2010年某部“三公经费”实际开支少于当年预算。\n" +
		"据了解,2010年,财政部批准某部的“三公经费”预算为2513.6万元。预算执行过程中,某部严格控制支出,全年实际开支“三公经费”2496.12万元。\n" +
		"在某部网站公布的有关数据中,2011年“三公经费”财政拨款预算数2509.6万元,其中因公出国(境)费1546万元,公务用车购置及运行费195.6万元,公务接待费768万元。\n" +
		"某部是在国务院要求中央部门公开2010年度“三公”经费决算数和2011年“三公”经费预算情况后晒出三公经费的部门之一。"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某部" || d.Document.FiscalYear != 2011 || d.Document.Kind != schema.KindBudget {
		t.Errorf("identity %q %d %q, want 某部 2011 budget", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(25096000) {
		t.Errorf("三公 %+v, want the 2011 budget's 2509.6万元", d.ThreePublic)
	}
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			t.Errorf("a false alarm: %s %v %v", c.Rule, c.Stated, c.Computed)
		}
	}
	other := "7月15日,某部在其网站公布“三公经费”情况及说明。2010年,某部“三公经费”财政拨款预算4732.23万元,实际支出4296.44万元。2011年,某部“三公经费”财政拨款预算4666.85万元,比2010年预算减少65.38万元。"
	if d, err = extractText(other, Hints{}); err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某部" || d.Document.FiscalYear != 2011 || d.Document.Kind != schema.KindBudget {
		t.Errorf("在其网站公布“三公经费”情况: %q %d %q, want 某部 2011 budget", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
}

// A 决算's appropriations split by fund in a bracket right after their
// amount, the funds named bare ("财政拨款收入4,436.33万元(其中,一般公共预算
// 3,999.53万元,政府性基金预算436.80万元)"), give each fund as a source of
// 财政拨款 where they add up to it; a bracket whose funds fall short gives
// none.
func TestFundsInBracket(t *testing.T) {
	const head = "某市某校2019年度部门决算\n(二)收入决算情况说明\n本年收入合计7,977.75万元;包括财政拨款收入4,436.33万元"
	for bracket, want := range map[string]int{
		"(其中,一般公共预算3,999.53万元,政府性基金预算436.80万元),占收入合计55.61%;事业收入3,541.41万元,占收入合计44.39%。": 2,
		"(其中,一般公共预算3,000.00万元,政府性基金预算436.80万元),占收入合计55.61%;事业收入3,541.41万元,占收入合计44.39%。": 0,
	} {
		d, err := extractText(head+bracket, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range d.Revenue.Sources {
			if s.PartOf == "财政拨款" {
				n++
			}
		}
		if n != want {
			t.Errorf("%s: %d funds of the appropriations, want %d (%+v)", bracket, n, want, d.Revenue.Sources)
		}
	}
}

// The central budget template of 2012 calls its totals 年度收入 and 年度支出
// and its year's spending 当年支出 ("此表反映某机关2012年部门预算总体情况。年度
// 收入为…;年度支出…万元中,…结转下年…。某机关2012年当年支出为…"), and names
// 208 社会保障与就业支出; "2012年度支出合计" is no 年度支出.
func TestCentralTotals2012(t *testing.T) {
	text := "某机关2012年部门预算\n一、公共预算收支总表情况\n此表反映某机关2012年部门预算总体情况。年度收入为336.09万元,其中财政拨款收入230.39万元,事业收入105.60万元,上年结转0.10万元。\n" +
		"年度支出336.09万元中,一般公共服务支出296.00万元,社会保障与就业支出39.00万元,结转下年1.09万元。\n某机关2012年当年支出为335.00万元。"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	e := d.Expenditure
	if e.Total == nil || *e.Total != schema.Yuan(3360900) || e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(3350000) {
		t.Errorf("expenditure total %v current year %v, want 336.09 and 335.00万元", e.Total, e.CurrentYear)
	}
	if !slices.ContainsFunc(e.ByFunction, func(c schema.ClassItem) bool { return c.Code == "208" }) {
		t.Errorf("no 208 among %+v", e.ByFunction)
	}
	d, err = extractText("某机关2012年度部门决算\n2012年度支出合计336.09万元,其中基本支出300.00万元,项目支出36.09万元。", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if e := d.Expenditure; e.Total != nil {
		t.Errorf("2012年度支出合计 read as 年度支出: %v", e.Total)
	}
}

// Figures stated beside another that are no restatement of it raise no
// alarm: a part a bracket says the figure includes ("运行费预算2667.09万元(含
// 援外医疗队…运行费1148.92万元)"); a budget's 收入预算 under its 收支总预算,
// which may leave out what the year before carried; and a budget's sources
// short of a total that holds 用事业基金弥补收支差额, which the model has no
// place for, are a partial list (info).
func TestNoRestatementAlarms(t *testing.T) {
	for name, text := range map[string]string{
		"included part": "某部2011年部门预算\n三、“三公”经费预算情况\n2011年,某部“三公经费”财政拨款预算4666.85万元,其中因公出国(境)费1492.78万元,公务接待费507万元。2011年,某部公务用车购置及运行费财政拨款预算2667.07万元(含援外医疗队公务用车购置及运行费1148.92万元)。",
		"one side":      "一、某某县中医院概况 (一)主要职能 为群众提供医疗服务。 二、某某县中医院2021年收支预算情况的总体说明 (一)关于某某县中医院2021年收支预算情况的总体说明 按照综合预算的原则,某某县中医院所有收入和支出均纳入部门预算管理。收入包括:一般公共预算拨款收入、事业收入、其他收入。某某县中医院2021年收支总预算46621.39万元。 (二)关于某某县中医院2021年收入预算情况说明 某某县中医院2021年收入预算45621.38万元,其中:一般公共预算拨款收入2000万元。",
		"reserve drawn": "某局2010年部门预算\n一、某局2010年部门预算收入总计23,013.61万元,其中:\n1.财政拨款16,730.85万元,指中央财政当年拨付的资金。\n2.事业收入1,009.81万元。\n3.事业单位经营收入1,009万元。\n4.其他收入2,152.55万元。\n5.用事业基金弥补收支差额403万元。\n6.上年结转1,708.4万元。",
	} {
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, c := range d.Checks {
			if c.Severity != schema.SeverityInfo {
				t.Errorf("%s: a false alarm: %s %v %v", name, c.Rule, c.Stated, c.Computed)
			}
		}
	}
}
