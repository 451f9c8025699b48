package extract

import (
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
