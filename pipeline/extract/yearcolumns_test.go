package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// twoYearSummary is a 决算's 收支总表 a cell a line whose header gives each
// side two years' columns and their change (2009年决算数, 2010年决算数,
// 比上年增减%), every row its revenue's three cells then its expenditure's,
// and the 总计 row, its label lost, the two sides' totals of each year
// after the last row's cells (no change printed). Its expenditure holds a
// 结余分配 (a 决算's of 2010) beside the year's and what it carried. The revenue's cells of
// 2010 make its total within their rounding (18,003.41 + 1,033.24 =
// 19,036.65 of 19,036.66).
func twoYearSummary(total string) string {
	cells := []string{"某学院2010年度部门决算公开", "某学院2010年度收支决算总表", "单位:万元",
		"2009年决算数", "2010年决算数", "比上年增减%", "2009年决算数", "2010年决算数", "比上年增减%",
		"一、财政拨款", "3,957.46", "3,494.52", "-11.7", "一、外交", "6.82", "0.00", "-100.0",
		"二、事业收入", "9,933.14", "12,386.02", "24.7", "二、教育", "12,597.90", "13,208.82", "4.8",
		"三、其他收入", "1,571.38", "2,122.87", "35.1", "三、住房保障支出", "76.64", "586.79", "665.6",
		"本年收入合计", "15,461.99", "18,003.41", "16.4", "本年支出合计", "12,681.36", "13,795.61", "8.8",
		"用事业基金弥补收支差额", "结余分配", "3,232.09", "5,102.39", "57.9",
		"上年结转和结余", "1,484.71", "1,033.24", "-30.4", "年末结转和结余", "1,033.24", "138.66", "-86.6",
		"16,946.70", total, "16,946.70", total,
		"关于某学院2010年度收支决算总表的说明"}
	return strings.Join(cells, "\n")
}

func TestSummaryTwoYearColumns(t *testing.T) {
	d := extractLines(t, twoYearSummary("19,036.66"))
	m := func(p *schema.Money) any {
		if p == nil {
			return nil
		}
		return *p
	}
	r, e := d.Revenue, d.Expenditure
	for _, c := range []struct {
		name string
		got  *schema.Money
		want float64 // 万元
	}{{"收入总计", r.Total, 19036.66}, {"本年收入合计", r.CurrentYear, 18003.41}, {"上年结转和结余", r.CarriedOver, 1033.24},
		{"2009年本年收入合计", r.PriorYear, 15461.99}, {"支出总计", e.Total, 19036.66}, {"2009年本年支出合计", e.PriorYear, 12681.36}} {
		if c.got == nil || *c.got != schema.Money(c.want*1e6+0.5) {
			t.Errorf("%s: %v, want %.2f万元 (the 2010 column's)", c.name, m(c.got), c.want)
		}
	}
	// its 结余分配 (5,102.39), no figure of the model, is in its 支出总计:
	// the year's spending and what it carried forward do not make it alone
	if e.CurrentYear != nil || e.CarriedForward != nil {
		t.Errorf("本年支出合计 %v and 年末结转和结余 %v placed beside a 结余分配 the model does not hold", m(e.CurrentYear), m(e.CarriedForward))
	}
	if len(r.Sources) != 3 || r.Sources[0].Name != "财政拨款" || r.Sources[0].Amount != schema.Money(349452e4) {
		t.Errorf("sources %+v, want the 2010 column's 财政拨款 3,494.52 first", r.Sources)
	}
	if len(e.ByFunction) != 3 || e.ByFunction[1].Amount != schema.Money(1320882e4) {
		t.Errorf("classes %+v, want the 2010 column's 教育 13,208.82", e.ByFunction)
	}

	// the two sides' totals of 2010 differing: no 总计 row, nothing of
	// the table read as the year's
	d = extractLines(t, strings.Replace(twoYearSummary("19,036.66"), "16,946.70\n19,036.66\n16,946.70\n19,036.66", "16,946.70\n19,036.66\n16,946.70\n19,136.66", 1))
	if d.Revenue.CurrentYear != nil && *d.Revenue.CurrentYear == schema.Money(1546199e4) {
		t.Errorf("the year before's 本年收入合计 read as the year's")
	}
	if d.Revenue.PriorYear != nil {
		t.Errorf("a table whose 总计 row does not balance gives a prior year %v", *d.Revenue.PriorYear)
	}
}
