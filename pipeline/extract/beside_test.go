package extract

import (
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// The text states the 会议费 and 培训费 a 三公 table prints beside the 三公
// ("…会议费预算支出933.50万元，比上年预算数增加…"): an amount that differs
// from the column's cell gives the pair of claims restate.cell compares
// (the cell's, then the text's); one that agrees, nothing. An economic
// 款's 会议费 (会议费（款）支出: the basic expenditure's alone) and a budget
// stated of the year before are other figures.
func TestBesideColumnsRestated(t *testing.T) {
	table := "某省某院2018年部门预算\n" + jiangsuThreePublic + `
第三部分 2018年度部门预算情况说明
  某省某院2018年度一般公共预算拨款安排的会议费预算支出933.50万元，比上年预算数增加32.44万元。
  某省某院2018年度一般公共预算拨款安排的培训费预算支出 30 万元，与上年预算数一致。
  （7）会议费（款）支出 66.72 万元。用于单位日常会议。
`
	pairs := func(d *schema.Document) map[string][]float64 {
		got := map[string][]float64{}
		for _, cl := range d.Claims {
			if strings.Contains(cl.Path, "/cell/") {
				got[cl.Path] = append(got[cl.Path], cl.Value)
			}
		}
		return got
	}
	if got := pairs(extractLines(t, table)); len(got) != 0 {
		t.Errorf("amounts that agree with their cells gave claims: %v", got)
	}
	changed := strings.Replace(table, "会议费预算支出933.50万元", "会议费预算支出938.50万元", 1)
	changed = strings.Replace(changed, "培训费预算支出 30 万元", "培训费预算支出 3 万元", 1)
	got := pairs(extractLines(t, changed))
	want := map[string][]float64{"/text/20/cell/会议费": {9335000, 9385000}, "/text/21/cell/培训费": {300000, 30000}}
	if len(got) != len(want) {
		t.Fatalf("claims %v, want %v", got, want)
	}
	for p, w := range want {
		if g := got[p]; len(g) != 2 || g[0] != w[0] || g[1] != w[1] {
			t.Errorf("%s: %v, want %v", p, g, w)
		}
	}
}

// Default mode prints the 三公 table's labels and cells one a line, mixed:
// the template's order and its sums place the 会议费 and 培训费 cells, and
// the text's amount is compared with them the same way.
func TestBesideColumnsDefaultMode(t *testing.T) {
	text := strings.Join([]string{"某省某院2018年部门预算",
		"公开 09 表：一般公共预算“三公”经费、会议费、培训费", "支出预算表", "部门：", "", "某省某院", "", "单位：万元", "",
		"“三公”经费", "公务用车购置及运行维护费", "合计", "小计", "", "1,384.74", "", "484.30", "", "因公出国", "（境）费", "", "100.00", "",
		"小计", "", "公务用车", "购置费", "", "267.80", "", "公务用车", "运行维护", "", "会议", "公务接", "", "费", "", "培训费", "", "待费", "", "费",
		"267.80", "", "116.50", "", "200.44", "", "700.00", "", "公开 10 表：政府性基金支出预算表",
		"某省某院2018年度一般公共预算拨款安排的会议费预", "算支出", "", "201.44 万元，比上年预算数增加", "", "32.44 万元。"}, "\n")
	var got []string
	for _, cl := range extractLines(t, text).Claims {
		if strings.Contains(cl.Path, "/cell/") {
			got = append(got, cl.Path)
		}
	}
	if want := []string{"/text/56/cell/会议费", "/text/56/cell/会议费"}; !slices.Equal(got, want) {
		t.Errorf("claims %v, want %v", got, want)
	}
}
