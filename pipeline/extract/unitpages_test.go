package extract

import (
	"testing"

	"budgetpub/schema"
)

// A city unit's 决算 whose title names only the region's level (市本级…),
// its parts' headings printed with no space after 第N部分 ("第二部分某中心
// 2015年部门决算表"): the subject its headings name is the centre, the
// part's ordinal no part of its name; with a space it reads the same.
func TestSubjectNamePartHeadingRunIn(t *testing.T) {
	for _, sep := range []string{"", " ", ":"} {
		flat := []string{"市本级2015年度部门决算公开", "目录", "第一部分某中心概况",
			"第二部分" + sep + "某市政府采购中心2015年部门决算表", "第三部分" + sep + "某市政府采购中心2015年部门决算情况说明", "第四部分名词解释"}
		if name, _ := subjectName(flat, 2015, false); name != "某市政府采购中心" {
			t.Errorf("%q: %q, want 某市政府采购中心", sep, name)
		}
	}
	// a part's heading that names nothing before the year names nothing
	if name, _ := subjectName([]string{"第二部分2015年部门决算表", "第三部分2015年部门决算情况说明"}, 2015, false); name != "" {
		t.Errorf("no name: %q", name)
	}
}

// The appropriations' totals named with what they hold, in brackets
// ("财政拨款(含政府性基金拨款)收支总计484万元", a district template of
// 2015), are their fiscal total, not the department's: the department's
// 支出总计 stated before them stays its own, even where it differs from its
// 收入总计 (the page leaves its carry-forward out, a finding).
func TestFiscalTotalBracketed(t *testing.T) {
	text := "某区某局2015年度部门决算情况说明\n一、2015年度收入支出决算总体情况\n2015年度收入总计484万元,支出总计440万元。\n" +
		"二、2015年度收入决算情况\n2015年度本年收入合计447万元。其中:财政拨款收入447万元,占本年收入100%。\n" +
		"四、2015年度财政拨款收入支出决算总体情况\n2015年度财政拨款(含政府性基金拨款)收支总计484万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if e := d.Expenditure.Total; e == nil || e.Float() != 4400000 {
		t.Errorf("expenditure total %v, want 4400000 (its own 支出总计)", e)
	}
	if f := d.Revenue.FiscalTotal; f == nil || f.Float() != 4840000 {
		t.Errorf("fiscal total %v, want 4840000", f)
	}
	// a bracket after another word is no appropriations' qualifier
	other := "某区某局2015年度部门决算情况说明\n2015年度收入总计484万元,支出总计484万元。\n2015年度部门(含下属单位)收支总计484万元。\n"
	if d, err := extractText(other, Hints{}); err != nil || d.Revenue.FiscalTotal != nil {
		t.Errorf("部门(含下属单位): fiscal total %v, err %v", d.Revenue.FiscalTotal, err)
	}
}

// A 决算's functional class as a heading of its own, marked (类), the
// next sentence stating its budget and then its outturn ("(一)一般公共服务
// 支出(类)。年度预算为301万元,支出决算为352万元"): the class's amount is
// the outturn; in a budget, or where the sentence states no 决算, nothing.
func TestHeadedClassOutturn(t *testing.T) {
	const body = "五、2015年度一般公共预算财政拨款支出决算情况\n(一)一般公共服务支出(类)。年度预算为301万元,支出决算为352万元,完成年度预算的116.94%。\n"
	d, err := extractText("某区某局2015年度部门决算情况说明\n"+body, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if got := classAmount(d, "201"); got != 3520000 {
		t.Errorf("201: %v, want 3520000", got)
	}
	budget := "某区某局2015年部门预算情况说明\n(一)一般公共服务支出(类)。年度预算为301万元,支出决算为352万元。\n"
	if d, err := extractText(budget, Hints{}); err == nil && classAmount(d, "201") == 3520000 {
		t.Error("a budget's heading read as an outturn")
	}
	noOutturn := "某区某局2015年度部门决算情况说明\n(一)一般公共服务支出(类)。年度预算为301万元,主要用于机关运行。\n"
	if d, err := extractText(noOutturn, Hints{}); err == nil && classAmount(d, "201") != 0 {
		t.Errorf("no 决算 stated: %v", classAmount(d, "201"))
	}
}

func classAmount(d *schema.Document, code string) float64 {
	for _, c := range d.Expenditure.ByFunction {
		if c.Code == code {
			return c.Amount.Float()
		}
	}
	return 0
}

// A unit's budget page with no title that presents itself by its kind
// alone ("现将2023年单位预算公开如下"), its name nowhere: it is read, its year
// and kind from that sentence, its totals' words (收入预算, 支出预算) making
// it a disclosure, the department left unknown; a sentence presenting
// nothing of that kind (现将有关情况公开如下) tells no year.
func TestPresentedUnitBudgetNoName(t *testing.T) {
	text := "前言\n按照《预算法》要求,现将2023年单位预算公开如下:\n一、单位职责\n研究所主要职能为开展科学研究。\n三、单位收支总体情况\n(一)收入预算\n" +
		"2023年收入预算1226.98万元,包括:一般公共预算收入402.66万元,上年结转收入671.82万元,其他收入152.50万元。\n(二)支出预算\n2023年支出预算1226.98万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2023 || d.Document.Kind != schema.KindBudget || d.Department.Name != "" {
		t.Errorf("identity %d %s %q, want 2023 budget, no name", d.Document.FiscalYear, d.Document.Kind, d.Department.Name)
	}
	if r := d.Revenue.Total; r == nil || r.Float() != 12269800 {
		t.Errorf("revenue total %v", r)
	}
	if id := presentedIdentity([]string{"现将有关情况公开如下:", "2023年收入预算1226.98万元。"}); id.year != 0 {
		t.Errorf("nothing presented: year %d", id.year)
	}
}

// A school's 决算 stating its year's revenue as its own annual total after
// its word for itself ("2017年我校年收入合计238.92万元"): the year's current
// revenue; a part of the school's (its canteen's 年收入合计) is not.
func TestSchoolAnnualTotal(t *testing.T) {
	d, err := extractText("某县委党校2017年度部门决算\n一、收入支出决算总体情况说明\n2017年我校年收入合计238.92万元,其中:一般公共预算财政拨款收入238.92万元。\n", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if c := d.Revenue.CurrentYear; c == nil || c.Float() != 2389200 {
		t.Errorf("current year %v, want 2389200", c)
	}
	d, err = extractText("某县委党校2017年度部门决算\n一、收入支出决算总体情况说明\n2017年我校食堂年收入合计5.20万元。\n", Hints{})
	if err == nil && d.Revenue.CurrentYear != nil {
		t.Errorf("the canteen's: current year %v", d.Revenue.CurrentYear)
	}
}
