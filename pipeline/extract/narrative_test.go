package extract

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpub/schema"
)

// wording is a narrative of another province, template year or kind of
// unit: the figures it states (JSON pointer → yuan), the paths it does not
// state, and the claims (path and kind) it does not make.
type wording struct {
	name, text string
	want       map[string]float64
	absent     []string
	noClaims   []string
}

// pointerAt resolves a JSON pointer in the document's JSON.
func pointerAt(doc any, ptr string) (any, bool) {
	cur := doc
	for _, k := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[k]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, cur != nil
}

func checkWordings(t *testing.T, cases []wording) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := extractLines(t, c.text)
			raw, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			for ptr, v := range c.want {
				got, ok := pointerAt(doc, ptr)
				if !ok || got != v {
					t.Errorf("%s = %v, want %v", ptr, got, v)
				}
			}
			for _, ptr := range c.absent {
				if got, ok := pointerAt(doc, ptr); ok {
					t.Errorf("%s = %v, which the text does not state", ptr, got)
				}
			}
			for _, pk := range c.noClaims {
				path, kind, _ := strings.Cut(pk, ":")
				for _, cl := range d.Claims {
					if cl.Path == path && cl.Kind == kind {
						t.Errorf("claim %s %s %v from line %q, which the text does not state", path, kind, cl.Value, cl.Text)
					}
				}
			}
		})
	}
}

// A 决算 that states each figure's budget before its execution ("支出预算为
// 2万元，支出决算为0万元", the central template's 三公 parts) gives the
// execution as the amount and the budget as the budgeted figure; a budget
// stated alone is no amount.
func TestFinalAccountsBudgetBeforeExecution(t *testing.T) {
	checkWordings(t, []wording{
		{name: "三公 parts", text: "某县审计局2016年度部门决算\n" +
			"2016年度“三公”经费财政拨款支出预算为25.00万元，支出决算为20.10万元，完成预算的80.4%，其中：因公出国（境）费支出预算为2万元，支出决算为0万元，完成预算的0%；" +
			"公务用车购置及运行费支出预算为20万元，支出决算为18万元，完成预算的90%，其中：公务用车购置支出预算为5万元，支出决算为0万元；公务用车运行维护费支出预算为15万元，支出决算为18万元；" +
			"公务接待费支出预算为3万元，支出决算为2.1万元，完成预算的70%。\n",
			want: map[string]float64{
				"/three_public/total": 201000, "/three_public/budgeted": 250000,
				"/three_public/overseas_travel/amount": 0, "/three_public/overseas_travel/budgeted": 20000,
				"/three_public/vehicle/amount": 180000, "/three_public/vehicle/budgeted": 200000,
				"/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_purchase/budgeted": 50000,
				"/three_public/vehicle_operation/amount": 180000, "/three_public/vehicle_operation/budgeted": 150000,
				"/three_public/reception/amount": 21000, "/three_public/reception/budgeted": 30000,
			}},
		{name: "机关运行经费", text: "某县审计局2016年度部门决算\n2016年度机关运行经费年初预算为30万元，实际支出28.5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 285000, "/operating_costs/budgeted": 300000}},
		{name: "budget alone", text: "某县审计局2016年度部门决算\n2016年度机关运行经费年初预算为30万元。\n",
			absent: []string{"/operating_costs"}},
		// a budget's figure is its amount
		{name: "a budget's", text: "某县审计局2016年部门预算\n2016年机关运行经费预算为30万元。\n",
			want: map[string]float64{"/operating_costs/amount": 300000}, absent: []string{"/operating_costs/budgeted"}},
	})
}

// "比年初预算数增加3.45万元" compares a 决算's figure with its budget, not
// with the prior year; "较2017年预算" in a 2018 budget is the prior year's.
func TestComparisonWithBudget(t *testing.T) {
	checkWordings(t, []wording{
		{name: "比年初预算数", text: "某区财政局2016年度部门决算\n2016年度本部门机关运行经费支出123.45万元，比年初预算数增加3.45万元，增长2.9%。\n",
			want: map[string]float64{"/operating_costs/amount": 1234500}, noClaims: []string{"/operating_costs:change", "/operating_costs:change_pct"}},
		{name: "与年初预算相比", text: "某区财政局2016年度部门决算\n2016年度“三公”经费财政拨款决算数为12.34万元，与年初预算相比减少2.66万元。\n",
			want: map[string]float64{"/three_public/total": 123400}, noClaims: []string{"/three_public:change"}},
		{name: "较2017年预算", text: "某区财政局2018年部门预算\n2018年机关运行经费预算为50万元，较2017年预算增加5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 500000}},
		{name: "比上年预算", text: "某区财政局2018年部门预算\n2018年机关运行经费预算为50万元，比上年预算增加5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 500000}},
	})
	for _, c := range []struct{ text, ok string }{
		{"某区财政局2018年部门预算\n2018年机关运行经费预算为50万元，较2017年预算增加5万元。\n", "较2017年预算"},
		{"某区财政局2018年部门预算\n2018年机关运行经费预算为50万元，比上年预算增加5万元。\n", "比上年预算"},
	} {
		if !claimWith(extractLines(t, c.text).Claims, "/operating_costs", schema.ClaimChange, 50000) {
			t.Errorf("%s: the change against the prior year is not read", c.ok)
		}
	}
}

// A 三公 part stated as none after its label is 0: "为零", "：无", "未安排
// 预算" after a list of parts; "无变化" and a figure are not.
func TestThreePublicNoneAfterLabel(t *testing.T) {
	const head = "某县林业局2018年部门预算\n2018年“三公”经费预算为30.00万元。"
	checkWordings(t, []wording{
		{name: "为零", text: head + "其中：因公出国（境）费为零；公务接待费5.00万元；公务用车运行费25.00万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/reception/amount": 50000}},
		{name: "预算为零", text: head + "其中：因公出国（境）费用预算为零；公务接待费预算5万元；公务用车购置费：无；公务用车运行维护费25万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 250000}},
		{name: "a list", text: head + "其中：公务接待费5.00万元；公务用车运行维护费25.00万元；因公出国（境）费、公务用车购置费未安排预算。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/vehicle_purchase/amount": 0}},
		{name: "无变化", text: head + "其中：公务接待费5.00万元；公务用车运行维护费25.00万元；因公出国（境）费无变化。\n",
			absent: []string{"/three_public/overseas_travel"}},
		{name: "a figure", text: head + "其中：公务接待费5.00万元；公务用车运行维护费24.50万元；因公出国（境）费为0.5万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 5000}},
		// a budget that plans no travel abroad
		{name: "没有安排出国计划", text: "某市某中心2014年部门预算\n某市某中心2014年“三公”经费预算合计8万元,情况如下:\n一、因公出国(境)经费\n2014年某市某中心没有安排出国计划。\n二、公务接待费\n2014年某市某中心安排公务接待费预算8万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/reception/amount": 80000}},
		// a section of the 三公 that says only that a part is none
		{name: "a section's none", text: "某某市某小学2018年度部门决算\n四、2018年度本单位“三公”经费决算情况\n无公务用车购置和运行费。\n五、政府采购支出情况。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 0}, absent: []string{"/three_public/total"}},
	})
}

// "收、支总计均为" states both totals like 各; an aside without figures
// between a label and its amount does not count against the gap.
func TestFillersAndAsides(t *testing.T) {
	checkWordings(t, []wording{
		{name: "均为", text: "四川省某局2019年度部门决算\n2019年度收、支总计均为1,234.56万元。\n",
			want: map[string]float64{"/revenue/total": 12345600, "/expenditure/total": 12345600}},
		{name: "aside", text: "某县民政局2019年部门预算\n2019年“三公”经费预算30万元，其中：公务用车购置及运行费（含公务用车购置费和运行维护费）25万元，公务接待费5万元，因公出国（境）费0万元。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000}, absent: []string{"/three_public/vehicle_purchase", "/three_public/vehicle_operation"}},
	})
}

// Other wordings of basic expenditure's parts, procurement and assets: a
// sentence that opens on the parts ("基本支出中，人员经费…"), a budget's
// 政府采购计划金额 (a 决算's plan is not what it spent), an asset total
// whose date stands a clause before or says 年底, categories after 其中.
func TestOtherPartsWordings(t *testing.T) {
	checkWordings(t, []wording{
		{name: "基本支出中", text: "上海市某区某局2020年部门预算\n基本支出800万元。基本支出中，人员经费600万元，公用经费200万元。\n",
			want: map[string]float64{"/expenditure/personnel/amount": 6000000, "/expenditure/public_expenses/amount": 2000000}},
		{name: "财政拨款基本支出中", text: "上海市某区某局2020年部门预算\n基本支出800万元。财政拨款基本支出中，人员经费500万元，公用经费200万元。\n",
			absent: []string{"/expenditure/personnel", "/expenditure/public_expenses"}},
		// the totals of the appropriations' statement are theirs, not all funds'
		{name: "财政拨款收支总预算 其中 收入总计", text: "某市某学校2026年单位预算\n2026年收支总预算3,000.00万元。\n某学校2026年财政拨款收支总预算2,376.32万元。其中,收入总计2,376.32万元,包括一般公共预算本年收入2,373.91万元、上年结转2.42万元;支出总计2,376.32万元。\n",
			want:   map[string]float64{"/revenue/total": 30000000, "/expenditure/total": 30000000, "/revenue/fiscal_total": 23763200},
			absent: []string{"/revenue/current_year", "/revenue/carried_over"}},
		{name: "财政拨款收支总预算 alone", text: "某市某学校2026年单位预算\n某学校2026年财政拨款收支总预算2,376.32万元。其中,收入总计2,376.32万元,包括一般公共预算本年收入2,373.91万元、上年结转2.42万元;支出总计2,376.32万元。\n",
			want:   map[string]float64{"/revenue/fiscal_total": 23763200, "/revenue/sources/0/amount": 23739100},
			absent: []string{"/revenue/total", "/expenditure/total", "/revenue/current_year", "/revenue/carried_over"}},
		// the appropriations' basic expenditure is its own figure, with its parts
		{name: "一般公共预算财政拨款基本支出", text: "某县民政局2020年部门预算\n基本支出900万元。\n一般公共预算财政拨款基本支出800万元，其中：人员经费600万元，公用经费200万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 9000000, "/expenditure/general_basic/amount": 8000000,
				"/expenditure/general_personnel/amount": 6000000, "/expenditure/general_public_expenses/amount": 2000000},
			absent: []string{"/expenditure/personnel", "/expenditure/public_expenses"}},
		{name: "a third part", text: "某县民政局2020年部门预算\n一般公共预算基本支出800万元，其中：人员经费500万元，公用经费200万元，对个人和家庭的补助100万元。\n",
			want: map[string]float64{"/expenditure/general_basic/amount": 8000000}, absent: []string{"/expenditure/general_personnel", "/expenditure/general_public_expenses"}},
		{name: "一般公共预算拨款支出", text: "某县民政局2017年度部门决算\n2017年一般公共预算拨款支出1,870.70万元，比上年决算数增加239.45万元，增长14.68%。\n",
			want: map[string]float64{"/expenditure/general/amount": 18707000}},
		{name: "a 三公's general appropriations", text: "某县民政局2017年部门预算\n2017年“三公”经费一般公共预算财政拨款支出30万元。\n",
			absent: []string{"/expenditure/general"}},
		{name: "a fund's appropriations", text: "某县民政局2020年部门预算\n政府性基金预算财政拨款基本支出100万元。\n",
			absent: []string{"/expenditure/general_basic"}},
		{name: "政府采购计划金额", text: "某县民政局2020年部门预算\n2020年本部门政府采购计划金额50万元，其中：货物类30万元，服务类20万元。\n",
			want: map[string]float64{"/procurement/amount": 500000, "/procurement/goods": 300000, "/procurement/services": 200000}},
		{name: "a 决算's plan", text: "某县民政局2020年度部门决算\n2020年本部门政府采购计划金额50万元。\n",
			absent: []string{"/procurement"}},
		{name: "年末，本部门", text: "某县民政局2019年度部门决算\n2019年末，本部门资产总额1,200万元，其中：流动资产200万元，固定资产1,000万元。\n",
			want:   map[string]float64{"/assets/end/total": 12000000, "/assets/end/by_category/0/amount": 2000000, "/assets/end/by_category/1/amount": 10000000},
			absent: []string{"/assets/start"}},
		{name: "年底", text: "某县民政局2019年度部门决算\n截至2019年底，资产总额1,200万元。\n",
			want: map[string]float64{"/assets/end/total": 12000000}},
		{name: "年初…，年末", text: "某县民政局2019年度部门决算\n年初资产总额5万元，年末资产总额7万元。\n",
			want: map[string]float64{"/assets/start/total": 50000, "/assets/end/total": 70000}},
	})
	d := extractLines(t, "某县民政局2019年度部门决算\n2019年末，本部门资产总额1,200万元，其中：流动资产200万元，固定资产1,000万元。\n")
	if a := d.Assets; a == nil || a.End == nil || len(a.End.ByCategory) != 2 || a.End.ByCategory[0].Name != "流动资产" {
		t.Errorf("categories %+v", d.Assets)
	}
}

// "与上年持平", "与上年数一致" state no change without 比; "决算数与预算数
// 持平" and a later year are not the prior year.
func TestUnchangedAgainstPriorYear(t *testing.T) {
	changes := func(text string) map[string]float64 {
		out := map[string]float64{}
		for _, cl := range extractLines(t, text).Claims {
			if cl.Kind == schema.ClaimChange {
				out[cl.Path] = cl.Value
			}
		}
		return out
	}
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{"某县民政局2019年部门预算\n2019年“三公”经费预算为8.00万元，与上年持平。\n", map[string]float64{"/three_public": 0}},
		{"某县民政局2019年部门预算\n机关运行经费预算20万元，与上年数一致。\n", map[string]float64{"/operating_costs": 0}},
		{"某县民政局2019年部门预算\n机关运行经费预算20万元，与2018年度持平。\n", map[string]float64{"/operating_costs": 0}},
		{"某县民政局2019年度部门决算\n机关运行经费支出20万元，决算数与预算数持平。\n", map[string]float64{}},
		{"某县民政局2019年度部门决算\n机关运行经费支出20万元，与年初预算持平。\n", map[string]float64{}},
	} {
		if got := changes(c.text); !maps.Equal(got, c.want) {
			t.Errorf("%q: changes %v, want %v", c.text, got, c.want)
		}
	}
}

// 公务用车购置和运行维护费 is the vehicle subtotal; a part's bare share
// ("因公出国（境）费支出决算0万元，占0%") is of the 三公 total, stated once
// however many of its labels end at the amount.
func TestThreePublicSubtotalAndShares(t *testing.T) {
	checkWordings(t, []wording{
		{name: "购置和运行维护费", text: "某县民政局2019年部门预算\n2019年“三公”经费预算30万元，其中：因公出国（境）费0万元，公务接待费5万元，公务用车购置和运行维护费25万元（其中：公务用车购置费0万元，公务用车运行维护费25万元）。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000, "/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 250000}},
	})
	d := extractLines(t, "某县民政局2019年度部门决算\n2019年度“三公”经费财政拨款支出决算为20万元。2019年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行费支出决算15万元，占75%；公务接待费支出决算5万元，占25%。\n")
	shares := map[string][]float64{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimSharePct && cl.Of == "/three_public/total" {
			shares[cl.Path] = append(shares[cl.Path], cl.Value)
		}
	}
	want := map[string][]float64{"/three_public/overseas_travel": {0}, "/three_public/vehicle": {75}, "/three_public/reception": {25}}
	if len(shares) != len(want) {
		t.Errorf("shares %v, want %v", shares, want)
	}
	for p, v := range want {
		if !slices.Equal(shares[p], v) {
			t.Errorf("%s: shares %v, want %v", p, shares[p], v)
		}
	}
}

// What the text states of something else is not read: a 决算's budget
// ("收入预算1,000万元，收入决算1,050万元": the execution is the total), the prior year's 三公 ("2018年“三公”
// 经费预算执行数" in a 2019 budget), and a 三公 part's name among the
// economic items of the basic expenditure ("办公费20万元、公务接待费3万元…").
func TestOthersFiguresNotRead(t *testing.T) {
	checkWordings(t, []wording{
		{name: "a 决算's budget", text: "某局2019年度部门决算\n2019年度部门收入预算1,000万元，收入决算1,050万元；支出预算1,000万元，支出决算1,040万元。\n",
			want: map[string]float64{"/revenue/total": 10500000, "/expenditure/total": 10400000}},
		{name: "a budget's", text: "某局2019年部门预算\n2019年部门收入预算1,000万元，支出预算1,000万元。\n",
			want: map[string]float64{"/revenue/total": 10000000, "/expenditure/total": 10000000}},
		{name: "the prior year's 三公", text: "某局2019年部门预算\n2018年“三公”经费预算执行数为28万元，2019年“三公”经费预算为30万元，比2018年预算增加2万元。其中：因公出国（境）费0万元，公务接待费5万元，公务用车购置及运行费25万元。\n",
			want: map[string]float64{"/three_public/total": 300000, "/three_public/reception/amount": 50000}},
		{name: "economic items", text: "某局2019年部门预算\n2019年“三公”经费预算为30万元，比上年减少2万元。\n一般公共预算基本支出300万元，其中：商品和服务支出80万元，主要包括：办公费20万元、公务接待费3万元、公务用车运行维护费10万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: []string{"/three_public/reception", "/three_public/vehicle_operation"}},
		{name: "with 会议费 and 培训费", text: "某局2019年度部门决算\n2019年度“三公”经费、会议费、培训费支出决算45万元，其中：因公出国（境）费0万元、公务接待费5万元、公务用车购置及运行费25万元、会议费10万元、培训费5万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 50000, "/three_public/vehicle/amount": 250000}},
		{name: "a list of parts", text: "某局2019年部门预算\n2019年“三公”经费预算为30万元，其中：因公出国（境）费0万元、公务接待费5万元、公务用车购置及运行费25万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/reception/amount": 50000, "/three_public/vehicle/amount": 250000}},
	})
}

// Budgets' totals in other words (Chongqing's 年初预算收入/支出, 收支预算安排,
// 本部门预算总额) and the funds' appropriations without 收入 (政府性基金预算
// 拨款200万元); a 决算's 年初预算收入 is its budget, not its total.
func TestBudgetTotalsOtherWords(t *testing.T) {
	checkWordings(t, []wording{
		{name: "年初预算收入", text: "重庆市某局2018年部门预算情况说明\n重庆市某局2018年年初预算收入3,000万元，其中：一般公共预算拨款2,800万元，政府性基金预算拨款200万元。\n",
			want: map[string]float64{"/revenue/total": 30000000, "/revenue/sources/0/amount": 28000000, "/revenue/sources/1/amount": 2000000}},
		{name: "年初预算支出", text: "重庆市某局2018年部门预算情况说明\n2018年年初预算支出3,000万元，其中：基本支出2,000万元，项目支出1,000万元。\n",
			want: map[string]float64{"/expenditure/total": 30000000}, absent: []string{"/revenue/total"}},
		{name: "收支预算安排", text: "重庆市某局2018年部门预算情况说明\n2018年部门收支预算安排3,000万元，较上年增加100万元。\n",
			want: map[string]float64{"/revenue/total": 30000000, "/expenditure/total": 30000000}},
		{name: "本部门预算总额", text: "某市某局2019年部门预算\n2019年本部门预算总额1,000万元，其中：基本支出700万元，项目支出300万元。\n",
			want: map[string]float64{"/revenue/total": 10000000, "/expenditure/total": 10000000}},
		{name: "a 决算's", text: "重庆市某局2018年度部门决算\n2018年年初预算收入3,000万元。\n", absent: []string{"/revenue/total"}},
		{name: "a fund's expenditure", text: "重庆市某局2018年部门预算情况说明\n政府性基金预算拨款支出200万元。\n", absent: []string{"/revenue/sources"}},
	})
}

// A completion rate between a 决算's figure and its comparison with the
// prior year ("决算为18.5万元，完成预算的92.5%，较上年减少1.5万元") does not
// hide the comparison; a share hides one that states no change in money
// (a percentage alone may be the share's).
func TestChangeAfterCompletionRate(t *testing.T) {
	changes := func(text string) map[string]float64 { return changeClaims(t, text) }
	got := changes("湖北省某局2019年度部门决算\n2019年度“三公”经费财政拨款支出决算为18.5万元，完成预算的92.5%，较上年减少1.5万元，下降7.5%。\n")
	if want := map[string]float64{"/three_public:change": -15000, "/three_public:change_pct": -7.5}; !maps.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	// after a share, a change in money is the figure's; a percentage alone
	// may be the share's
	got = changes("湖北省某局2019年度部门决算\n2019年度机关运行经费支出18.5万元，占基本支出的5%，较上年减少1.5万元，下降7.5%。\n")
	if want := map[string]float64{"/operating_costs:change": -15000, "/operating_costs:change_pct": -7.5}; !maps.Equal(got, want) {
		t.Errorf("a change in money after a share: %v, want %v", got, want)
	}
	if got := changes("湖北省某局2019年度部门决算\n2019年度机关运行经费支出18.5万元，占基本支出的5%，较上年下降0.5%。\n"); len(got) != 0 {
		t.Errorf("a percentage change after a share: %v", got)
	}
}

// A comparison after a list of bare parts under 其中 is the whole's, not the
// last part's; a part with a comparison of its own keeps it.
func TestChangeAfterPartsList(t *testing.T) {
	const head = "某市某局2025年部门预算\n"
	if got := changeClaims(t, head+"下属事业单位经费总预算安排373.37万元，其中：基本支出4.88万元，项目支出368.49万元，同比增加271.25万元，增长265.6%。\n"); len(got) != 0 {
		t.Errorf("the last part took the whole's comparison: %v", got)
	}
	got := changeClaims(t, head+"下属事业单位经费总预算安排373.37万元，其中：基本支出4.88万元，同比增加1万元；项目支出368.49万元，同比增加270.25万元。\n")
	if want := map[string]float64{"/expenditure/basic:change": 10000, "/expenditure/project:change": 2702500}; !maps.Equal(got, want) {
		t.Errorf("parts with their own comparisons: %v, want %v", got, want)
	}
}

// A total's change in the sentence right after the one stating it, opened
// by the bare word for the total ("…年初预算数735.09万元,其中:…。预算收入较
// 2024年减少62.54万元", "…。收入较去年增加105.77万元"), is the total's; not after another sentence, nor in
// a 决算, whose 预算收入 is the budget it is compared with.
func TestChangeInTheNextSentence(t *testing.T) {
	const head = "某某学校2025年部门预算\n"
	got := changeClaims(t, head+"(一)收入预算:2025年年初预算数735.09万元,其中:一般公共预算拨款727.11万元,事业收入8万元。预算收入较2024年减少62.54万元,主要原因是人员减少。\n"+
		"(二)支出预算:2025年年初预算数735.09万元,其中:基本支出700万元,项目支出35.09万元。预算支出较2024年增加2万元。\n")
	if want := map[string]float64{"/revenue:change": -625400, "/expenditure:change": 20000}; !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// the word bare: 收入, 支出 ("…住房保障支出65.09万元。支出较去年增加105.77万元")
	got = changeClaims(t, head+"(一)收入预算:2025年年初预算数735.09万元,其中:一般公共预算拨款735.09万元。收入较去年增加105.77万元。\n"+
		"(二)支出预算:2025年年初预算数735.09万元,其中:一般公共服务支出700万元,住房保障支出35.09万元。支出较去年增加105.77万元,主要是基本支出增加39.77万元。\n")
	if want := map[string]float64{"/revenue:change": 1057700, "/expenditure:change": 1057700}; !maps.Equal(got, want) {
		t.Errorf("bare words: got %v, want %v", got, want)
	}
	if got := changeClaims(t, head+"(一)收入预算:2025年年初预算数735.09万元。人员经费有所调整。预算收入较2024年减少62.54万元。\n"); len(got) != 0 {
		t.Errorf("a change two sentences after the total was read as its: %v", got)
	}
	if got := changeClaims(t, "某某学校2024年部门决算\n2024年收入总计735.09万元。预算收入较2024年减少62.54万元。\n"); len(got) != 0 {
		t.Errorf("a 决算's 预算收入 was read as its total: %v", got)
	}
}

// The prior year stated in a clause of its own, without 比: "上年为45万元，
// 增加5万元"; 上年结转 is no such clause.
func TestPriorYearClause(t *testing.T) {
	checkWordings(t, []wording{
		{name: "上年为", text: "某市某局2019年部门预算\n机关运行经费预算为50万元，上年为45万元，增加5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 500000, "/operating_costs/prior_year": 450000}},
		{name: "上年预算数为", text: "某市某局2019年部门预算\n机关运行经费预算为50万元，上年预算数为45万元。\n",
			want: map[string]float64{"/operating_costs/prior_year": 450000}},
		{name: "上一年为", text: "某市某局2019年部门预算\n机关运行经费预算为50万元，上一年为45万元，增加5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 500000, "/operating_costs/prior_year": 450000}},
		{name: "上年结转", text: "某市某局2019年部门预算\n收入预算为50万元，上年结转5万元。\n",
			want: map[string]float64{"/revenue/total": 500000, "/revenue/carried_over": 50000}, absent: []string{"/revenue/prior_year"}},
	})
}

// The prior year stated by its year in the clause of the figure that
// states its own ("公务接待费2016年预算8万元，2015年预算12.5万元；对比减少
// 4.35万元"): the year before's amount, and a clause that only compares
// after it; not another year's, nor without the figure's own year.
func TestPriorYearByItsYear(t *testing.T) {
	const head = "某市某局2016年“三公”经费预算说明\n"
	checkWordings(t, []wording{
		{name: "parts", text: head + "其中：1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元。2、公务车辆运行2016年预算25万元,2015年预算45.2万元;对比减少20.20万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 80000, "/three_public/reception/prior_year": 125000,
				"/three_public/vehicle_operation/prior_year": 452000}},
		{name: "the whole's label again", text: head + "2016年三公经费预算拨入33万元,2015年三公经费预算拨入57.55万元,与上年对比减少24.55万元。\n",
			want: map[string]float64{"/three_public/total": 330000, "/three_public/prior_year": 575500}},
		{name: "two years before", text: head + "公务接待费2016年预算8万元,2014年预算12.5万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 80000}, absent: []string{"/three_public/reception/prior_year"}},
		{name: "no year of its own", text: head + "公务接待费预算8万元,2015年预算12.5万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 80000}, absent: []string{"/three_public/reception/prior_year"}},
		{name: "a clause of another figure", text: head + "公务接待费2016年预算8万元,2015年预算12.5万元;因公出国（境）费减少2万元。\n",
			want: map[string]float64{"/three_public/reception/prior_year": 125000}, noClaims: []string{"/three_public/reception:change"}},
	})
	got := changeClaims(t, head+"公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元。\n")
	if !maps.Equal(got, map[string]float64{"/three_public/reception:change": -43500}) {
		t.Errorf("the change after the prior year: %v", got)
	}
}

// A 三公 part said to be none before its label, alone or in a list: "无因公
// 出国（境）费和公务用车购置费", "2018年无公务用车购置预算安排".
func TestThreePublicNoneBeforeLabel(t *testing.T) {
	const head = "某县某局2020年部门预算\n2020年我局“三公”经费预算总额为12万元，其中：公务用车运行维护费10万元，公务接待费2万元，"
	checkWordings(t, []wording{
		{name: "a list", text: head + "无因公出国（境）费和公务用车购置费。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/vehicle_purchase/amount": 0}},
		{name: "费 left out", text: head + "2020年无公务用车购置预算安排。\n",
			want: map[string]float64{"/three_public/vehicle_purchase/amount": 0}, absent: []string{"/three_public/overseas_travel"}},
		{name: "没有安排", text: head + "没有安排因公出国（境）费。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 0}, absent: []string{"/three_public/vehicle_purchase"}},
	})
}

// The vehicle parts named with other words for the cars (车辆购置及运行费,
// 公务车辆购置费) and the parts as 支出 (公务接待支出, 公务用车购置及运行支出).
func TestThreePublicCarWords(t *testing.T) {
	checkWordings(t, []wording{
		{name: "车辆", text: "某县某局2014年部门预算\n2014年“三公”经费预算30万元，其中：出国经费0万元，公务接待费5万元，车辆购置及运行费25万元（其中车辆购置费0万元，车辆运行维护费25万元）。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000, "/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 250000}},
		{name: "公务车辆", text: "某县某局2019年部门预算\n2019年“三公”经费预算30万元，其中：因公出国（境）费0万元，公务接待费5万元，公务车辆购置及运行费25万元，其中：公务车辆购置费0万元，公务车辆运行维护费25万元。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000, "/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 250000}},
		{name: "支出", text: "某县某局2014年部门预算\n2014年“三公”经费预算30万元，其中：因公出国（境）支出0万元，公务接待支出5万元，公务用车购置及运行支出25万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 50000, "/three_public/vehicle/amount": 250000}, absent: []string{"/three_public/vehicle_purchase"}},
		// the vehicles' spending said to be all operation
		{name: "全部为运行费", text: "某县某局2013年度部门决算\n2013年“三公”经费财政拨款决算数为30万元，其中：因公出国（境）费决算数0万元；公务用车购置及运行费决算数25万元，全部为公务用车运行费；公务接待费决算数5万元。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000, "/three_public/vehicle_operation/amount": 250000}},
		// … not where the amount before the words is another
		{name: "全部为运行费 of another amount", text: "某县某局2013年度部门决算\n2013年“三公”经费财政拨款决算数为30万元，其中：公务用车购置及运行费决算数25万元，比上年减少3万元，全部为公务用车运行费。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 250000}, absent: []string{"/three_public/vehicle_operation"}},
	})
}

// 国内公务接待 and 国（境）外公务接待 are parts of the reception, not
// restatements of it (Shanghai's 决算: "公务接待费支出5.00万元，其中：国内公务
// 接待支出5.00万元…；国（境）外公务接待支出0.00万元").
func TestReceptionParts(t *testing.T) {
	d := extractLines(t, "上海市普陀区某局2023年度部门决算\n“三公”经费财政拨款支出年初预算为30.50万元，支出决算为25.30万元。\n"+
		"3．公务接待费支出5.00万元，其中：国内公务接待支出5.00万元，接待50批次，500人次；国（境）外公务接待支出0.00万元。\n")
	if tp := d.ThreePublic; tp == nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(50000) {
		t.Fatalf("reception %+v", d.ThreePublic)
	}
	for _, cl := range d.Claims {
		if cl.Path == "/three_public/reception" {
			t.Errorf("claim %+v", cl)
		}
	}
}

// Jiangsu states a change as the direction against the prior year without
// 比: "本年数小于上年预算数29.65万元", "与上年预算数相等", "本年数等于上年预算数".
func TestChangeAsDirection(t *testing.T) {
	const head = "江苏省某厅2017年部门预算\n“三公”经费预算支出200万元。\n"
	for _, c := range []struct {
		text string
		want float64
	}{
		{"3．公务接待费预算支出 156.55 万元，本年数小于上年预算数 29.65 万元，主要是厉行节约。", -296500},
		{"3．公务接待费预算支出 156.55 万元，本年数高于上年预算数 29.65 万元。", 296500},
		{"3．公务接待费预算支出 156.55 万元，与上年预算数相等。", 0},
		{"3．公务接待费预算支出 156.55 万元，本年数等于上年预算数。", 0},
	} {
		var got []float64
		for _, cl := range extractLines(t, head+c.text+"\n").Claims {
			if cl.Path == "/three_public/reception" && cl.Kind == schema.ClaimChange {
				got = append(got, cl.Value)
			}
		}
		if !slices.Equal(got, []float64{c.want}) {
			t.Errorf("%s: changes %v, want %v", c.text, got, c.want)
		}
	}
}

// One fund's appropriations ("一般公共预算财政拨款收、支总计") are not the
// whole appropriations' total.
func TestOneFundsFiscalTotal(t *testing.T) {
	checkWordings(t, []wording{
		{name: "一般公共预算", text: "某局2019年度部门决算\n2019年度一般公共预算财政拨款收、支总计800万元，与2018年度相比增加10万元。\n",
			absent: []string{"/revenue/fiscal_total"}, noClaims: []string{"/revenue/fiscal_total:change"}},
		{name: "政府性基金预算", text: "某局2019年度部门决算\n2019年度财政拨款收入支出总计1,000万元。2019年度政府性基金预算财政拨款收入支出总计200万元。\n",
			want: map[string]float64{"/revenue/fiscal_total": 10000000}, noClaims: []string{"/revenue/fiscal_total:amount"}},
	})
}

// The funds' expenditure as 预算拨款支出, which is no revenue source.
func TestFundsAppropriationsExpenditure(t *testing.T) {
	checkWordings(t, []wording{
		{name: "预算拨款支出", text: "某局2019年部门预算\n2019年政府性基金预算拨款支出120万元，比上年增加20万元。国有资本经营预算拨款支出0万元。\n",
			want: map[string]float64{"/government_fund/amount": 1200000, "/state_capital/amount": 0}, absent: []string{"/revenue/sources"}},
		// 223 is named as the fund is: at zero, the fund unused, no 类
		{name: "no 类 223 at zero", text: "某局2020年部门预算\n2020年一般公共预算支出800万元。政府性基金预算支出0万元。国有资本经营预算支出0万元。\n",
			want: map[string]float64{"/state_capital/amount": 0}, absent: []string{"/expenditure/by_function"}},
	})
}

// 运行经费 alone is the 机关's only where a fund or the department names it:
// a project's "信息系统运行经费50万元" is not 机关运行经费.
func TestOperatingCostsBareLabel(t *testing.T) {
	checkWordings(t, []wording{
		{name: "a project's", text: "某局2019年部门预算\n项目支出500万元，其中：信息系统运行经费50万元，执法办案经费450万元。\n",
			absent: []string{"/operating_costs"}},
		{name: "a project's after the figure", text: "某局2019年部门预算\n2019年机关运行经费预算为80万元。项目支出500万元，其中：信息系统运行经费50万元，比上年增加5万元。\n",
			want: map[string]float64{"/operating_costs/amount": 800000}, noClaims: []string{"/operating_costs:amount", "/operating_costs:change"}},
		{name: "the fund's", text: "重庆市某局2018年部门预算情况说明\n2018年一般公共预算财政拨款运行经费16252.11万元，比上年增加654.94万元。\n",
			want: map[string]float64{"/operating_costs/amount": 162521100}},
	})
}

// 车辆… opens a 三公 part's term, but a project's "执法车辆购置费" is none;
// the 三公 sections' "其中车辆购置费", "、车辆运行费", "安排车辆经费" are.
func TestCarLabelsOpenTheirTerm(t *testing.T) {
	checkWordings(t, []wording{
		{name: "a project's", text: "某局2019年部门预算\n2019年“三公”经费预算为30万元，其中：公务接待费5万元，公务用车运行维护费25万元。\n项目支出500万元，其中：执法车辆购置费100万元，办案经费400万元。\n",
			absent: []string{"/three_public/vehicle_purchase"}},
		{name: "the 三公's", text: "某县某局2014年部门预算\n2014年“三公”经费预算30万元，其中：出国经费0万元，公务接待费5万元，车辆购置及运行费25万元（其中车辆购置费0万元、车辆运行维护费25万元）。\n",
			want: map[string]float64{"/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 250000}},
	})
}

// Zero in other words: "机关运行经费：无", "不安排机关运行经费", "未发生政府采购
// 支出"; "无增长" and "无变化" are no zero.
func TestNoneInOtherWords(t *testing.T) {
	const head = "某市某局2019年部门预算\n"
	checkWordings(t, []wording{
		{name: "：无", text: head + "本部门2019年机关运行经费：无。政府采购预算：无。\n",
			want: map[string]float64{"/operating_costs/amount": 0, "/procurement/amount": 0}},
		{name: "不安排", text: head + "本单位2019年不安排机关运行经费。\n", want: map[string]float64{"/operating_costs/amount": 0}},
		{name: "未发生", text: head + "本部门2019年度未发生政府采购支出。\n", want: map[string]float64{"/procurement/amount": 0}},
		{name: "无增长", text: head + "本部门2019年机关运行经费无增长，政府采购无变化。\n", absent: []string{"/operating_costs", "/procurement"}},
	})
}

// A share of the expenditure or the revenue named otherwise: "占支出总额的
// 70%", "占部门预算的", "占收入总额的"; an economic class's share of the total
// expenditure is not of the basic expenditure.
func TestSharesOfWholesNamedOtherwise(t *testing.T) {
	shares := func(text string) map[string]float64 {
		out := map[string]float64{}
		for _, cl := range extractLines(t, text).Claims {
			if cl.Kind == schema.ClaimSharePct {
				out[cl.Path+" of "+cl.Of] = cl.Value
			}
		}
		return out
	}
	const head = "某市某局2019年部门预算\n支出预算1,000万元。收入预算1,000万元。\n"
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{"基本支出700万元，占支出总额的70%；项目支出300万元，占部门预算的30%。", map[string]float64{"/expenditure/basic of /expenditure/total": 70, "/expenditure/project of /expenditure/total": 30}},
		{"一般公共预算拨款收入900万元，占收入总额的90%。", map[string]float64{"/revenue/sources/0 of /revenue/total": 90}},
		{"一般公共预算拨款收入900万元，占支出总额的90%。", map[string]float64{}},
		{"基本支出700万元。工资福利支出500万元，占支出总额的50%。", map[string]float64{}},
	} {
		if got := shares(head + c.text + "\n"); !maps.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.text, got, c.want)
		}
	}
}

// 其他资金 is a revenue source in a sentence about the revenue, not in a
// project's funding.
func TestOtherFundsSource(t *testing.T) {
	checkWordings(t, []wording{
		{name: "a project's", text: "某局2019年部门预算\n2019年收入预算1,000万元，其中：一般公共预算拨款收入1,000万元。重点项目：智慧城管建设项目500万元，其中：财政资金300万元，其他资金200万元。\n",
			want: map[string]float64{"/revenue/sources/0/amount": 10000000}, absent: []string{"/revenue/sources/1"}},
		{name: "the revenue's", text: "江苏省某厅2019年部门预算\n2019年收入预算1,000万元，其中：一般公共预算收入900万元，其他资金100万元。\n",
			want: map[string]float64{"/revenue/sources/1/amount": 1000000}},
		{name: "其中 opens a sentence", text: "江苏省某厅2019年部门预算\n2019年收入预算1,000万元。其中：一般公共预算收入900万元，其他资金100万元。\n",
			want: map[string]float64{"/revenue/sources/1/amount": 1000000}},
	})
}

// A reason after a comparison ("主要原因是疫情防控压减支出") names no figure
// of its own, so the comparison still speaks of the figure before it; a
// clause with 分别 speaks of several.
func TestComparisonWithReason(t *testing.T) {
	changes := func(text string) map[string]float64 { return changeClaims(t, text) }
	got := changes("湖北省某市审计局2020年度部门决算\n2020年度收入总计1,234.56万元。与2019年度相比，收、支总计各减少45.67万元，下降3.6%，主要原因是疫情防控压减支出。\n")
	if want := map[string]float64{"/revenue:change": -456700, "/revenue:change_pct": -3.6}; !maps.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	got = changes("某局2017年度部门决算\n“三公”经费支出20万元，其中：公务用车购置及运行费15万元。其中：公务用车运行费15万元。与2016年相比，公务用车购置费和运行费分别下降85.04%和22.93%，主要是公务用车制度改革。\n")
	if len(got) != 0 {
		t.Errorf("a comparison of several figures read as one's: %v", got)
	}
}

// TestAppropriationsSplit: the basic and project expenditure listed after
// 其中 under the appropriations' expenditure are the appropriations' split;
// where other money is spent too they are not the model's (all funds'),
// and where every yuan is an appropriation they are.
func TestAppropriationsSplit(t *testing.T) {
	head := "某市某局2024年部门预算说明\n一、收支预算总体情况\n"
	split := "二、一般公共预算拨款支出情况\n2024年一般公共预算拨款支出800.00万元，其中：基本支出600.00万元，项目支出200.00万元。"
	checkWordings(t, []wording{
		{name: "other money", text: head + "2024年收入预算1,000.00万元，其中：财政拨款收入800.00万元，事业收入200.00万元。支出预算1,000.00万元。\n" + split,
			want: map[string]float64{"/expenditure/total": 10000000}, absent: []string{"/expenditure/basic", "/expenditure/project"}},
		{name: "all appropriations", text: head + "2024年收入预算800.00万元，其中：财政拨款收入800.00万元。支出预算800.00万元。\n" + split,
			want: map[string]float64{"/expenditure/basic/amount": 6000000, "/expenditure/project/amount": 2000000}},
		{name: "all funds' split", text: head + "2024年收入预算1,000.00万元，其中：财政拨款收入800.00万元，事业收入200.00万元。支出预算1,000.00万元，其中：基本支出750.00万元，项目支出250.00万元。",
			want: map[string]float64{"/expenditure/basic/amount": 7500000, "/expenditure/project/amount": 2500000}},
	})
}

// A 事业单位's budget: its own revenue (事业收入, 其他收入) beside its
// appropriations; the projects' money a performance paragraph names
// ("涉及一般公共预算拨款…") is no revenue source, and no restatement of one.
func TestUnitBudgetWordings(t *testing.T) {
	checkWordings(t, []wording{
		{name: "performance targets", text: "随州市图书馆2024年单位预算\n一、收支预算总体情况\n" +
			"2024年收入预算1826.11万元，其中：一般公共预算拨款收入1669.84万元，事业收入39.64万元，其他收入9.91万元，上年结转结余106.72万元。\n" +
			"七、预算绩效情况说明\n2024年本单位实行绩效目标管理的项目2个，涉及一般公共预算拨款298.93万元。\n",
			want: map[string]float64{"/revenue/total": 18261100, "/revenue/sources/0/amount": 16698400,
				"/revenue/sources/1/amount": 396400, "/revenue/sources/2/amount": 99100},
			noClaims: []string{"/revenue/sources/0:amount"}},
	})
}

// changeClaims are the change and percentage claims of a text's extraction,
// by path and kind ("/three_public:change").
func changeClaims(t *testing.T, text string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimChange || cl.Kind == schema.ClaimChangePct {
			out[cl.Path+":"+cl.Kind] = cl.Value
		}
	}
	return out
}

// claimWith tells whether claims hold one of kind on path with value.
func claimWith(claims []schema.Claim, path, kind string, value float64) bool {
	return slices.ContainsFunc(claims, func(c schema.Claim) bool { return c.Path == path && c.Kind == kind && c.Value == value })
}

// A 决算 that gives the 三公 budget and its parts in one sentence, then the
// execution in the next ("“三公”经费预算为50万元，其中：因公出国（境）费8万元…。
// “三公”经费支出为41.2万元…"): the parts after the budget are the budget's,
// not the amounts spent; the execution stated after them is.
func TestThreePublicBudgetPartsBeforeExecution(t *testing.T) {
	checkWordings(t, []wording{
		{name: "budget sentence, then execution", text: "某市政协2017年度部门决算\n" +
			"2017年，市政协“三公”经费预算为50.00万元，其中：因公出国（境）费8万元、公务用车运行维护费36万元、公务接待费6万元。" +
			"“三公”经费支出为41.20万元，完成预算的82.4%，其中：因公出国（境）费支出5.10万元，完成预算的63.75%；公务用车运行维护费支出31.30万元；公务接待费支出4.80万元。\n",
			want: map[string]float64{
				"/three_public/total": 412000, "/three_public/budgeted": 500000,
				"/three_public/overseas_travel/amount": 51000, "/three_public/vehicle_operation/amount": 313000,
				"/three_public/reception/amount": 48000,
			}},
		{name: "budget sentence alone", text: "某市政协2017年度部门决算\n" +
			"2017年，市政协“三公”经费预算为50.00万元，其中：因公出国（境）费8万元、公务用车运行维护费36万元、公务接待费6万元。\n",
			want:   map[string]float64{"/three_public/budgeted": 500000},
			absent: []string{"/three_public/total", "/three_public/overseas_travel", "/three_public/vehicle_operation", "/three_public/reception"}},
		// the budget alone, without parts, is kept (it crashed the coverage report)
		{name: "budget without parts", text: "某市政协2017年度部门决算\n2017年，“三公”经费预算为50.00万元。\n",
			want: map[string]float64{"/three_public/budgeted": 500000}, absent: []string{"/three_public/total"}},
	})
}

// A comparison after the last class of a list whose other classes state
// none ("支出包括：一般公共服务支出60万元，卫生健康支出10万元，住房保障支出
// 5万元，比上年减少3万元") is the whole list's, not the last class's.
func TestListChangeIsNotTheLastClass(t *testing.T) {
	checkWordings(t, []wording{
		{name: "list", text: "某区委办公室2019年部门预算\n收入包括：一般公共预算拨款收入75万元，比上年减少3万元；支出包括：一般公共服务支出60万元，卫生健康支出10万元，住房保障支出5万元，比上年减少3万元，主要是人员减少。\n",
			want:     map[string]float64{"/expenditure/by_function/2/amount": 50000},
			noClaims: []string{"/expenditure/by_function/2:change"}},
		// each class with its own comparison keeps it
		{name: "own", text: "某区委办公室2019年部门预算\n支出包括：一般公共服务支出60万元，比上年增加2万元；卫生健康支出10万元，比上年减少1万元；住房保障支出5万元，比上年减少3万元。\n",
			want: map[string]float64{"/expenditure/by_function/2/amount": 50000}},
	})
	d := extractLines(t, "某区委办公室2019年部门预算\n支出包括：一般公共服务支出60万元，比上年增加2万元；卫生健康支出10万元，比上年减少1万元；住房保障支出5万元，比上年减少3万元。\n")
	if !claimWith(d.Claims, "/expenditure/by_function/2", schema.ClaimChange, -30000) {
		t.Errorf("the last class's own comparison is lost: %+v", d.Claims)
	}
}

// 无 that opens another word ("公务接待费无法满足需求", "无论") says no part
// is nil.
func TestNoneInWordsAfterLabel(t *testing.T) {
	checkWordings(t, []wording{
		{name: "无法", text: "某镇人民政府2024年部门预算\n2024年“三公”经费预算22.15万元。“三公”经费增减变化原因：因上年预算3万元公务接待费无法满足年内公务接待需求，申请调增。\n",
			want: map[string]float64{"/three_public/total": 221500}, absent: []string{"/three_public/reception"}},
	})
}

// A numbered heading naming a figure on a line of its own, and a next
// sentence saying this item has none ("此项预算没有安排"), is a zero; the
// same words after a heading of another subject, or with a figure, are not.
func TestItemSaidNone(t *testing.T) {
	checkWordings(t, []wording{
		{name: "procurement", text: "某园2016年部门预算\n1、预算增减变化情况说明。\n2016年收入预算100万元。\n2、政府采购安排情况说明。\n此项预算没有安排。\n3、专业名词解释。\n",
			want: map[string]float64{"/procurement/amount": 0}},
		{name: "another heading", text: "某园2016年部门预算\n1、预算增减变化情况说明。\n2016年收入预算100万元。\n2、专项资金情况说明。\n此项预算没有安排。\n3、政府采购情况说明。\n",
			absent: []string{"/procurement"}},
		{name: "a figure", text: "某园2016年部门预算\n2、政府采购安排情况说明。\n此项预算没有安排2015年的采购。\n",
			absent: []string{"/procurement"}},
	})
}

// "上年结转和结余" is the carried-over revenue as 年初结转和结余 is (Gansu's
// 决算: "5.上年结转和结余5.92万元").
func TestCarriedOverAndBalance(t *testing.T) {
	checkWordings(t, []wording{
		{name: "上年结转和结余", text: "某卫生院2021年度部门决算\n（一）收入决算情况。2021年度，收入总计为457.82万元，其中：\n1.财政拨款收入364.66万元。\n2.事业收入87.24万元。\n3.上年结转和结余5.92万元，为以前年度未执行完的资金。\n",
			want: map[string]float64{"/revenue/total": 4578200, "/revenue/carried_over": 59200}},
	})
}

// A fund named in the revenue ("国有资本经营预算拨款0万元") is no class of
// the expenditure (国有资本经营预算支出, 类 223).
func TestFundIsNoClass(t *testing.T) {
	checkWordings(t, []wording{
		{name: "拨款", text: "某市绿化所2019年部门预算\n2019年本部门收入预算656.11万元，其中，一般公共预算拨款656.11万元，政府性基金预算拨款0万元，国有资本经营预算拨款0万元。\n2019年本部门支出预算656.11万元，其中，社会保障和就业支出96.22万元，城乡社区支出559.89万元。\n",
			want:   map[string]float64{"/expenditure/by_function/0/amount": 962200, "/expenditure/by_function/1/amount": 5598900},
			absent: []string{"/expenditure/by_function/2"}},
	})
}

// A fund's table said empty in a sentence that names it ("…政府性基金预算
// 财政拨款支出决算表为空表") is the fund's zero, as "本表为空表" under its
// heading is; a table named with a figure before 为空 is not.
func TestFundTableSaidEmpty(t *testing.T) {
	checkWordings(t, []wording{
		{name: "named", text: "某县某局2019年度部门决算\n2019年度收入、支出决算总计800万元。\n本部门2019年度政府性基金预算财政拨款支出决算表为空表。\n",
			want: map[string]float64{"/government_fund/amount": 0}},
		{name: "under its heading", text: "某县某局2019年度部门决算\n七、国有资本经营预算财政拨款支出决算情况说明\n本表为空表。\n",
			want: map[string]float64{"/state_capital/amount": 0}},
		{name: "a figure first", text: "某县某局2019年度部门决算\n政府性基金预算财政拨款支出20万元，详见附表，其余表为空表。\n",
			want: map[string]float64{"/government_fund/amount": 200000}},
	})
}

// A 三公 part named as the heading of its own item, ended by 。, has its
// figure in the sentence after it ("（一）因公出国（境）费。2020年预算数为5万
// 元"); a label ending a sentence that is no item's heading does not.
func TestThreePublicPartHeadings(t *testing.T) {
	checkWordings(t, []wording{
		{name: "budget", text: "某县某局2020年部门预算\n三、“三公”经费预算情况\n2020年“三公”经费预算数为12万元，比上年减少2万元。\n" +
			"（一）因公出国（境）费。2020年预算数为5万元，与上年持平。\n（二）公务接待费。2020年预算数为3万元，比上年减少1万元。\n" +
			"（三）公务用车购置及运行费。2020年预算数为4万元，比上年减少1万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 50000, "/three_public/reception/amount": 30000, "/three_public/vehicle/amount": 40000}},
		{name: "final accounts", text: "某县某局2019年度部门决算\n2019年度“三公”经费支出决算为9万元。\n" +
			"1.因公出国（境）费。2019年度预算数为5万元，决算数为4万元。\n2.公务接待费。2019年度决算数为5万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 40000, "/three_public/overseas_travel/budgeted": 50000, "/three_public/reception/amount": 50000}},
		{name: "no heading", text: "某县某局2020年部门预算\n2020年“三公”经费预算数为12万元。主要用于公务接待费。2020年项目支出预算为5万元。\n",
			absent: []string{"/three_public/reception"}},
		{name: "first item after 其中", text: "某市某局2013年部门预算\n2013年“三公经费”财政拨款预算9万元。其中:1、因公出国(境)费用。2013年预算数4万元,与2012年预算数相比,基本持平。" +
			"2、公务接待费。2013年预算数5万元。\n",
			want: map[string]float64{"/three_public/overseas_travel/amount": 40000, "/three_public/reception/amount": 50000}},
		{name: "a label after 其中 is no heading", text: "某县某局2020年部门预算\n2020年“三公”经费预算数为12万元,其中:公务接待费。2020年项目支出预算为5万元。\n",
			absent: []string{"/three_public/reception"}},
	})
}

// A total named as the heading of its own item, ended by a comma, has its
// figure in the clause after it ("（一）收入预算，2018年年初预算数120.71万
// 元"); a clause that compares or names another figure gives none.
func TestTotalItemHeadings(t *testing.T) {
	checkWordings(t, []wording{
		{name: "budget", text: "某县某中心2018年部门预算\n二、部门收支总体情况\n（一）收入预算，2018年年初预算数120.71万元，其中，一般公共预算拨款120.71万元。\n" +
			"（二）支出预算，2018年年初预算数120.71万元，其中，一般公共服务支出0万元。\n",
			want: map[string]float64{"/revenue/total": 1207100, "/expenditure/total": 1207100}},
		{name: "other figure", text: "某县某中心2018年部门预算\n（一）收入预算，较上年增加12万元。\n（二）支出预算，一般公共服务支出30万元。\n",
			absent: []string{"/revenue/total", "/expenditure/total"}},
	})
}

// 行政事业性收费收入, a source of the budgets before 2015, is one.
func TestFeesSource(t *testing.T) {
	checkWordings(t, []wording{
		{name: "2014", text: "某县某局2014年部门预算\n2014年收入预算总计800万元，其中：公共财政预算拨款收入700万元，行政事业性收费收入100万元。\n",
			want: map[string]float64{"/revenue/sources/1/amount": 1000000}},
	})
}

// A 三公 comparison stated after the total's or a part's name, without its
// amount ("“三公”经费比上年减少2万元，其中：…公务接待费比上年减少1万元"), is
// the figure's change; each part's clause speaks of its part only.
func TestThreePublicComparedApart(t *testing.T) {
	text := "某县某局2020年部门预算\n2020年“三公”经费预算数为12万元，其中：因公出国（境）费5万元，公务接待费3万元，公务用车购置及运行费4万元。" +
		"“三公”经费比上年减少2万元，其中：因公出国（境）费与上年持平，公务接待费比上年减少1万元，公务用车购置及运行费较上年下降20%，主要原因是厉行节约。\n"
	d := extractLines(t, text)
	for _, c := range []struct {
		path, kind string
		value      float64
	}{{"/three_public", schema.ClaimChange, -20000}, {"/three_public/overseas_travel", schema.ClaimChange, 0},
		{"/three_public/reception", schema.ClaimChange, -10000}, {"/three_public/vehicle", schema.ClaimChangePct, -20}} {
		if !claimWith(d.Claims, c.path, c.kind, c.value) {
			t.Errorf("no %s %s %v", c.path, c.kind, c.value)
		}
	}
	n := 0
	for _, c := range d.Claims {
		if c.Path == "/three_public/overseas_travel" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d claims of the travel part, want 1 (与上年持平)", n)
	}
	for _, w := range d.Warnings {
		t.Errorf("warning: %s: %s", w.Text, w.Reason)
	}
}

// A sentence that opens with another year ("2022年“三公”经费支出…，其中：
// 公务接待费7.1万元" in a 2023 budget, "上年…") states that year's figures
// throughout: its parts are neither this year's amounts nor claims on them.
// A sentence that names this year again, or opens with it, is this year's.
func TestOtherYearSentence(t *testing.T) {
	const head = "某县水务局2023年部门预算\n一、2023年“三公”经费预算情况\n" +
		"2023年“三公”经费预算15.6万元，其中：因公出国（境）费0万元，公务接待费6.4万元，公务用车运行维护费9.2万元。\n"
	this := map[string]float64{"/three_public/total": 156000, "/three_public/reception/amount": 64000, "/three_public/vehicle_operation/amount": 92000}
	none := []string{"/three_public/reception:amount", "/three_public/vehicle_operation:amount", "/three_public/overseas_travel:amount"}
	checkWordings(t, []wording{
		{name: "year after a heading", text: head + "二、2022年“三公”经费决算情况\n" +
			"2022年“三公”经费支出14.05万元，其中：因公出国（境）费0万元，公务接待费7.1万元，公务用车运行维护费6.95万元。\n",
			want: this, noClaims: none},
		{name: "a heading's year", text: head + "二、2022年“三公”经费决算情况\n" +
			"“三公”经费支出14.05万元，其中：因公出国（境）费0万元，公务接待费7.1万元，公务用车运行维护费6.95万元。\n",
			want: this, noClaims: none},
		{name: "上年", text: head + "上年“三公”经费实际支出14.05万元，其中：因公出国（境）费0万元，公务接待费7.1万元，公务用车运行维护费6.95万元。\n",
			want: this, noClaims: none},
		{name: "上一年", text: head + "上一年“三公”经费实际支出14.05万元，其中：因公出国（境）费0万元，公务接待费7.1万元，公务用车运行维护费6.95万元。\n",
			want: this, noClaims: none},
		{name: "上年度 after a marker", text: head + "（二）上年度“三公”经费决算14.05万元，其中：公务接待费7.1万元；公务用车运行维护费6.95万元。\n",
			want: this, noClaims: none},
		// this year named again after the other: its parts restate this year's
		// the first sentence after the title or a heading opens after it
		{name: "after the title", text: "某县水务局2023年部门预算\n2022年收入决算115万元，其中：一般公共预算拨款100万元，事业收入15万元。\n" +
			"2023年收入预算120万元，其中：一般公共预算拨款110万元，事业收入10万元。\n",
			want:     map[string]float64{"/revenue/total": 1200000, "/revenue/sources/0/amount": 1100000, "/revenue/sources/1/amount": 100000},
			noClaims: []string{"/revenue/sources/0:amount", "/revenue/sources/1:amount"}},
		{name: "after a heading", text: "某县水务局2023年部门预算\n2023年收入预算120万元，其中：一般公共预算拨款110万元，事业收入10万元\n二、上年收入决算情况\n" +
			"2022年收入决算115万元，其中：一般公共预算拨款100万元，事业收入15万元。\n",
			want:     map[string]float64{"/revenue/total": 1200000, "/revenue/sources/0/amount": 1100000, "/revenue/sources/1/amount": 100000},
			noClaims: []string{"/revenue/sources/0:amount", "/revenue/sources/1:amount"}},
		{name: "this year again", text: head + "2022年“三公”经费决算14.05万元；2023年“三公”经费预算15.6万元，其中：公务接待费6.5万元。\n",
			want: this, noClaims: []string{"/three_public/vehicle_operation:amount"}},
		// a year compared with makes no clause another year's
		{name: "compared before the parts", text: "某区某局2014年“三公”经费预算\n2014年我局“三公”经费合计10431.45万元。其中:公务用车购置及运行费7875.74万元,比2013年预算下降8.68%(其中:公务用车购置费预算874.84万元,下降9.06%;公务用车运行费预算7000.90万元)。\n",
			want: map[string]float64{"/three_public/vehicle_purchase/amount": 8748400, "/three_public/vehicle_operation/amount": 70009000}},
		// a numbered heading of a few words over the sentence opening with
		// the year before; the title's year's outturn and the next year's
		// budget (2011年决算和2012年预算) make the later year's budget
		{name: "after a numbered heading", text: "附:某局“三公”经费2011年决算和2012年预算情况表\n一、因公出国(境)经费\n" +
			"2011年某局因公出国(境)团组1次,出国(境)1人次,实际发生住宿费、交通费等因公出国(境)经费支出3万元。\n二、公务接待费\n" +
			"2012年某局安排公务接待费预算44.58万元,较2011年决算增长1%。\n",
			want: map[string]float64{"/three_public/reception/amount": 445800}, absent: []string{"/three_public/overseas_travel"}},
		// … the heading run into its sentence (a web page's body on one line)
		{name: "a numbered heading run in", text: "附:某局“三公”经费2011年决算和2012年预算情况表\n一、因公出国(境)经费 2011年某局因公出国(境)团组1次,出国(境)1人次,实际发生住宿费、交通费等因公出国(境)经费支出3万元。\n" +
			"二、公务接待费 2012年某局安排公务接待费预算44.58万元,较2011年决算增长1%。\n",
			want: map[string]float64{"/three_public/reception/amount": 445800}, absent: []string{"/three_public/overseas_travel"}},
	})
	d := extractLines(t, head+"2022年“三公”经费决算14.05万元，2023年预算15.6万元，其中：公务接待费6.5万元。\n")
	if !claimWith(d.Claims, "/three_public/reception", schema.ClaimAmount, 65000) {
		t.Errorf("公务接待费6.5万元 after this year named again: no amount claim; claims %+v", d.Claims)
	}
}

// TestNextYearsBudgetTitle: a title naming a year's outturn and the next
// year's budget (…2011年决算和2012年预算情况表) is the next year's budget,
// on its own line under the department's name as on one with it.
func TestNextYearsBudgetTitle(t *testing.T) {
	for _, text := range []string{
		"附:某市某局\n“三公”经费2011年决算和2012年预算情况表\n项目 | 2011年决算(万元) | 2012年预算(万元) |\n公务接待费 | 43.75 | 44.58 |\n",
		"附:某市某局“三公”经费2011年决算和2012年预算情况表\n一、公务接待费\n2012年某局安排公务接待费预算44.58万元,较2011年决算增长1%。\n",
	} {
		d, err := extractText(text, Hints{Department: "某市某局"}) // the name on the line above: metadata.csv's
		if err != nil {
			t.Errorf("%q: %v", text, err)
		} else if d.Document.FiscalYear != 2012 || d.Document.Kind != schema.KindBudget {
			t.Errorf("%q: %+v", text, d.Document)
		}
	}
}

// A budget's heading naming the year before with its 决算 or 执行 ("二、
// 2022年“三公”经费决算情况" in a 2023 budget) heads the prior year's
// execution, stated for comparison: no template left over. A heading of
// that year's budget, or another year's, is.
func TestHeadingOfPriorExecution(t *testing.T) {
	for _, c := range []struct {
		title, heading string
		warned         bool
	}{
		{"某县水务局2023年部门预算", "二、2022年“三公”经费决算情况", false},
		{"某县水务局2023年部门预算", "（三）2022年预算执行情况", false},
		{"某县水务局2023年部门预算", "二、2022年“三公”经费预算情况说明", true},
		{"某县水务局2023年部门预算", "二、2021年“三公”经费决算情况", true},
		{"某县水务局2023年部门决算", "二、2022年“三公”经费决算情况", true},
		// a numbered sentence comparing with another year's budget heads nothing
		{"某县水务局2023年部门预算", "（一）因公出国（境）费支出0万元，与2022年预算持平。", false},
		{"某县水务局2023年部门预算", "（二）公务接待费支出4万元，比2021年预算减少1万元。", false},
	} {
		d := extractLines(t, c.title+"\n"+c.heading+"\n“三公”经费支出14.05万元。\n")
		warned := false
		for _, w := range d.Warnings {
			warned = warned || strings.HasPrefix(w.Reason, schema.WarnHeadingYear)
		}
		if warned != c.warned {
			t.Errorf("%s / %s: warned %v, want %v", c.title, c.heading, warned, c.warned)
		}
	}
}

// The economic classes listed after the project expenditure ("项目支出
// 3000元……其中：商品和服务支出2500元，占项目支出预算…") are the project's:
// neither the basic expenditure's classes nor claims on them.
func TestProjectEconomicClasses(t *testing.T) {
	const basic = "某县档案馆2024年单位预算\n1. 基本支出预算 100000 元，同比减少 500 元。其中：\n" +
		"工资福利支出预算 80000 元，占基本支出预算 80%。\n商品和服务支出预算 20000 元，占基本支出预算 20%。\n"
	want := map[string]float64{"/expenditure/by_economic/0/amount": 80000, "/expenditure/by_economic/1/amount": 20000}
	checkWordings(t, []wording{
		{name: "shares of the project", text: basic + "2. 项目支出 3000 元，同比增加 700 元。其中：\n" +
			"工资福利支出 500 元，占项目支出预算 16.67%，去年项目支出未列该项。\n商品和服务支出 2000 元，占项目支出预算 66.67%。\n资本性支出 500 元，占项目支出预算 16.67%。\n",
			want: want, absent: []string{"/expenditure/by_economic/2"},
			noClaims: []string{"/expenditure/by_economic/0:amount", "/expenditure/by_economic/1:amount"}},
		{name: "one sentence", text: basic + "2. 项目支出3000元，其中：工资福利支出500元，商品和服务支出2000元，资本性支出500元。\n",
			want: want, absent: []string{"/expenditure/by_economic/2"},
			noClaims: []string{"/expenditure/by_economic/0:amount", "/expenditure/by_economic/1:amount"}},
	})
}

// A part named with 费用 for 费 ("公务用车运行维护费用较上年增加2.25万元") is
// the part: its comparison is the part's change.
func TestThreePublicFeesComparedAsCosts(t *testing.T) {
	d := extractLines(t, "某县水务局2023年部门预算\n2023年“三公”经费预算15.6万元，其中：因公出国（境）费0万元，公务接待费6.4万元，公务用车运行维护费9.2万元。\n"+
		"2023年“三公”经费预算较上年增加1.55万元，其中公务接待费用较上年减少0.7万元。公务用车运行维护费用较上年增加2.25万元，增长32.37%。\n")
	for _, c := range []struct {
		path, kind string
		value      float64
	}{{"/three_public", schema.ClaimChange, 15500}, {"/three_public/reception", schema.ClaimChange, -7000},
		{"/three_public/vehicle_operation", schema.ClaimChange, 22500}} {
		if !claimWith(d.Claims, c.path, c.kind, c.value) {
			t.Errorf("no %s %s %v", c.path, c.kind, c.value)
		}
	}
	for _, w := range d.Warnings {
		t.Errorf("warning: %s: %s", w.Text, w.Reason)
	}
}

// A class named in another year's sentence ("2022年基本支出决算98万元，其中：
// 工资福利支出80万元" in a 2023 budget, "2022年教育支出…") is that year's:
// neither this year's class nor a claim on it.
func TestOtherYearClasses(t *testing.T) {
	const head = "某县水务局2023年部门预算\n基本支出预算100万元，项目支出预算20万元。\n"
	checkWordings(t, []wording{
		{name: "economic, before this year's", text: head + "2022年基本支出决算98万元，其中：工资福利支出80万元，商品和服务支出18万元。\n" +
			"2023年基本支出中，工资福利支出82万元，商品和服务支出18万元。\n",
			want:     map[string]float64{"/expenditure/by_economic/0/amount": 820000, "/expenditure/by_economic/1/amount": 180000},
			noClaims: []string{"/expenditure/by_economic/0:amount"}},
		{name: "economic, after this year's", text: head + "工资福利支出82万元，商品和服务支出18万元。\n" +
			"上年度基本支出决算98万元，其中：工资福利支出80万元，商品和服务支出18万元。\n",
			want:     map[string]float64{"/expenditure/by_economic/0/amount": 820000, "/expenditure/by_economic/1/amount": 180000},
			noClaims: []string{"/expenditure/by_economic/0:amount"}},
		{name: "functional", text: head + "2022年决算：教育支出110万元。\n2023年预算：教育支出120万元。\n",
			want:     map[string]float64{"/expenditure/by_function/0/amount": 1200000},
			noClaims: []string{"/expenditure/by_function/0:amount"}},
	})
}

// TestPartsSplit: a 基本支出 and 项目支出 stated of one part of the
// expenditure (a 类, 款 or 项, a fund) are that part's split, not the
// document's; the document's comes from its own statement, and where none
// is stated the split is left out.
func TestPartsSplit(t *testing.T) {
	head := "某市某服务中心2024年单位预算\n"
	own := "（二）按支出结构分类划分\n1. 基本支出预算1,830,000.00元，占一般公共预算支出的80%。\n2. 项目支出458,000元，占一般公共预算支出的20%。\n"
	want := map[string]float64{"/expenditure/basic/amount": 1830000, "/expenditure/project/amount": 458000}
	noClaims := []string{"/expenditure/basic:amount", "/expenditure/project:amount"}
	checkWordings(t, []wording{
		{name: "a 类's", text: head + "（一）按功能分类划分\n社会保障和就业支出（类）25,300.00元，其中：基本支出25,300.00元，项目支出0元。主要用于离退休人员经费。\n" + own,
			want: want, noClaims: noClaims},
		{name: "a 类 without its level", text: head + "（一）按功能分类划分\n卫生健康支出36,100元，其中基本支出36,100元，项目支出0元，主要用于职工医疗保险。\n" + own,
			want: want, noClaims: noClaims},
		{name: "a 款's", text: head + "人大事务（款）80万元，其中：基本支出60万元，项目支出20万元。\n" + own,
			want: want, noClaims: noClaims},
		{name: "a fund's", text: head + "政府性基金预算支出50,000元，其中：基本支出0元，项目支出50,000元。\n" + own,
			want: want, noClaims: noClaims},
		// a page that opens inside a part's sentence: the amount before
		// 项目支出 is that part's basic expenditure, not the document's
		{name: "a part's, its label on the page before", text: head + "25,300.00 元，项目支出 0元。主要用于离退休人员经费。\n" + own,
			want: want, noClaims: noClaims},
		{name: "only a 类's", text: head + "社会保障和就业支出（类）25,300.00元，其中：基本支出25,300.00元，项目支出0元。\n",
			absent: []string{"/expenditure/basic", "/expenditure/project"}},
		// the whole's split is kept: after the totals, and after basic
		// expenditure's own parts
		{name: "the totals'", text: head + "2024年支出预算2,288,000元，其中：基本支出1,830,000元，项目支出458,000元。\n", want: want},
		{name: "the basic expenditure rounded", text: head + "1. 基本支出预算1,831,234.56元。\n本年支出合计228.92万元，其中：基本支出183.12万元，项目支出45.8万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 1831234.56, "/expenditure/project/amount": 458000}},
		{name: "after basic's parts", text: head + "基本支出1,830,000元。支出预算2,288,000元，其中：人员支出1,500,000元，公用支出330,000元，项目支出458,000元。\n", want: want},
	})
}

// TestProjectsEconomicClasses: the economic classes of basic expenditure
// are its by_economic; those a text states of the projects ("占项目支出预算
// 的…") are not, nor restatements of basic's.
func TestProjectsEconomicClasses(t *testing.T) {
	checkWordings(t, []wording{
		{name: "shares of the projects", text: "某市某服务中心2024年单位预算\n1. 基本支出预算1,830,000元，占一般公共预算支出的80%。其中：\n" +
			"工资福利支出预算1,500,000元，占基本支出预算81.97%。\n商品和服务支出预算330,000元，占基本支出预算18.03%。\n" +
			"2. 项目支出458,000元，占一般公共预算支出的20%。其中：\n商品和服务支出400,000元，占项目支出预算87.34%。\n资本性支出58,000元，占项目支出预算12.66%。\n",
			want:     map[string]float64{"/expenditure/by_economic/0/amount": 1500000, "/expenditure/by_economic/1/amount": 330000, "/expenditure/project/amount": 458000},
			absent:   []string{"/expenditure/by_economic/2"},
			noClaims: []string{"/expenditure/by_economic/1:amount"}},
	})
}

// A source named in a sentence before the one that states the revenue
// ("完成收支及事业收入500万元", a summary of the year's work) is not the
// source the revenue's own list states: the parts cannot exceed their
// whole, and the list that adds up wins.
func TestSourcesFromTheRevenueList(t *testing.T) {
	checkWordings(t, []wording{
		{name: "an earlier sentence", text: "某县某镇2017年部门决算\n(1)完成当年预算收支及卫生院事业收入500万元。\n(一)2017年本年收入合计500万元。其中:一般公共预算财政拨款收入450万元;事业收入50万元。\n",
			want: map[string]float64{"/revenue/current_year": 5000000, "/revenue/sources/0/amount": 4500000, "/revenue/sources/1/amount": 500000}},
		{name: "the list before the total", text: "某县某镇2017年部门决算\n一般公共预算财政拨款收入450万元，事业收入50万元。\n本年收入合计500万元。\n",
			want: map[string]float64{"/revenue/current_year": 5000000, "/revenue/sources/0/amount": 4500000, "/revenue/sources/1/amount": 500000}},
	})
}

// A list of sources before a later statement of the revenue, one of them
// misprinted ("219,409.6" for 21,940.96): the reading from the later
// statement on fits and drops the misprint, so the list, which one
// misprint changed back makes add up to the revenue, is kept as sum
// claims (sum.text names the misprinted line); a list that adds up, or
// that no misprint explains (a summary of the year before the revenue's
// own list), keeps none.
func TestSourcesMisprintedBeforeTheRevenue(t *testing.T) {
	const text = "某省某院2018年部门预算\n（一）收入预算总计21,955.35万元。包括：\n1．财政拨款收入预算总计219,409.6万元。其中（1）一般公共预算收入预算21,940.96万元。\n" +
		"2．其他资金收入预算总计14.39万元。\n二、收入预算情况说明\n某院本年收入预算合计21,955.35万元，其中：一般公共预算收入21,940.96万元，占99.94%；其他资金14.39万元，占0.06%。\n"
	checkSumClaims(t, text, map[int]float64{2: 219553500, 3: 2194096000, 4: 143900}, map[string]string{
		"as printed":           strings.Replace(text, "219,409.6", "21,940.96", 1),
		"no misprint explains": strings.Replace(text, "219,409.6", "31,940.90", 1),
	})
}

// checkSumClaims compares the sum claims of text's extraction, by line,
// with want, and reports each of others, by name, whose extraction has any.
func checkSumClaims(t *testing.T, text string, want map[int]float64, others map[string]string) {
	t.Helper()
	lines := func(text string) map[int]float64 {
		out := map[int]float64{}
		for _, cl := range extractLines(t, text).Claims {
			if cl.Kind == schema.ClaimSum {
				out[cl.Line] = cl.Value
			}
		}
		return out
	}
	if got := lines(text); !maps.Equal(got, want) {
		t.Errorf("sum claims by line %v, want %v", got, want)
	}
	for name, other := range others {
		if got := lines(other); len(got) != 0 {
			t.Errorf("%s: sum claims %v", name, got)
		}
	}
}

// The cars' parts listed in the sentence after their whole's ("…购置及运行
// 维护费3万元，较上年持平。其中：购置经费0万元、运行维护费3万元"), and the
// typo 运行费维护费 of 运行维护费.
func TestThreePublicCarPartsAfterTheWhole(t *testing.T) {
	checkWordings(t, []wording{
		{name: "其中 opens the next sentence", text: "某中学2017年财政拨款“三公”经费预算情况说明\n2017年某中学拟安排公车购置及运行维护费3万元，较2016年持平。其中:购置经费0万元、运行维护费3万元，主要用于保障教学工作。\n",
			want: map[string]float64{"/three_public/vehicle/amount": 30000, "/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 30000}},
		{name: "运行费维护费", text: "某局2016年度部门决算\n2016年度“三公”经费财政拨款支出决算为41.9万元。公务用车购置及运行费支出41.9万元，其中:公务用车运行费维护费41.9万元。\n",
			want: map[string]float64{"/three_public/vehicle_operation/amount": 419000}},
	})
}

// A template's two directions left side by side ("减少(增加)0.11万元") say
// no sign: the change is not read (it would be checked with a sign the
// text never chose) unless it is zero; the chosen direction is read as before, and a prior
// year's amount stated before it still is.
func TestUnchosenDirection(t *testing.T) {
	got := changeClaims(t, "某中学2017年财政拨款“三公”经费预算情况说明\n2017年“三公”经费财政拨款预算安排4.97万元，较2016年预算数减少(增加)0.11万元，同比下降(增加)2%。\n")
	if len(got) != 0 {
		t.Errorf("unchosen direction read as changes: %v", got)
	}
	got = changeClaims(t, "某中学2017年财政拨款“三公”经费预算情况说明\n2017年“三公”经费财政拨款预算安排4.97万元，较2016年预算数增加0.11万元。\n")
	if got["/three_public:change"] != 1100 {
		t.Errorf("a chosen direction not read: %v", got)
	}
	// a zero has no direction to choose: "增加(减少)0万元，增长(减少)0%" is read
	got = changeClaims(t, "某中学2017年财政拨款“三公”经费预算情况说明\n2017年“三公”经费财政拨款预算安排0万元，较2016年预算数增加(减少)0万元，增长(减少) 0 %。\n")
	if v, ok := got["/three_public:change"]; !ok || v != 0 {
		t.Errorf("a zero change between unchosen directions not read: %v", got)
	}
	if v, ok := got["/three_public:change_pct"]; !ok || v != 0 {
		t.Errorf("a zero percentage between unchosen directions not read: %v", got)
	}
	checkWordings(t, []wording{{name: "the prior year before it",
		text: "某中学2017年财政拨款“三公”经费预算情况说明\n2017年“三公”经费财政拨款预算安排4.97万元。拟安排公务接待费预算1.97万元，较2016年的1.86万元增加(减少)0.11万元。\n",
		want: map[string]float64{"/three_public/reception/amount": 19700, "/three_public/reception/prior_year": 18600}}})
}

// 收入合计 and 支出合计 opened by the fiscal year are the year's revenue and
// expenditure ("本部门2016年度收入合计803.84万元"); bare, they are a part's.
func TestYearsOwnTotals(t *testing.T) {
	checkWordings(t, []wording{
		{name: "opened by the year", text: "某县某乡2016年决算情况说明\n本部门2016年度收入总计803.84万元，支出总计687.8万元。\n本部门2016年度收入合计803.84万元，其中：财政拨款收入803.84万元，占100%。\n本部门2016年度支出合计687.8万元，其中：基本支出504.35万元，占73%；项目支出183.45万元，占27%。\n",
			want: map[string]float64{"/revenue/current_year": 8038400, "/expenditure/current_year": 6878000}},
		{name: "a part's", text: "某县某局2018年部门预算\n检察(款):支出合计1,000万元。\n",
			absent: []string{"/expenditure/current_year"}},
	})
}

// 总收入 alone, its sources listed after it in its sentence and adding up
// to it (within every figure's rounding: three in 万元 to the cent may miss
// it by one), is the year's revenue; sources that do not add up leave it
// unread. So is 总支出 its basic and project expenditure, printed in its
// sentence, add up to.
func TestYearsRevenueFromItsSources(t *testing.T) {
	checkWordings(t, []wording{
		{name: "adding up", text: "某大学医学院2016年部门决算情况公开\n2016年度总收入1,000.50万元，其中：财政拨款收入600.25万元，事业收入300.25万元，其他收入100万元。\n",
			want: map[string]float64{"/revenue/current_year": 10005000}},
		{name: "one cent off", text: "某医院2017年部门决算\n2017年总收入6628.72万元，其中：财政补助收入2339.68万元，事业收入4131.31万元，其他收入157.74万元。\n",
			want: map[string]float64{"/revenue/current_year": 66287200}},
		{name: "not adding up", text: "某大学医学院2016年部门决算情况公开\n2016年度总收入1,200万元，其中：财政拨款收入600.25万元，事业收入300.25万元，其他收入100万元。\n",
			absent: []string{"/revenue/current_year", "/revenue/total"}},
		{name: "five cents off", text: "某医院2017年部门决算\n2017年总收入6628.77万元，其中：财政补助收入2339.68万元，事业收入4131.31万元，其他收入157.74万元。\n",
			absent: []string{"/revenue/current_year", "/revenue/total"}},
		{name: "spending", text: "某医院2017年部门决算\n2017年总支出7778.55万元，其中项目支出683.20万元，基本支出7095.35万元。\n",
			want: map[string]float64{"/expenditure/current_year": 77785500}},
		{name: "spending not adding up", text: "某医院2017年部门决算\n2017年总支出7878.55万元，其中项目支出683.20万元，基本支出7095.35万元。\n",
			absent: []string{"/expenditure/current_year", "/expenditure/total"}},
	})
}

// A budget balances: its year's 总收入 with its sources listed after it is
// its revenue where it is the amount of the year's bare 总支出; a 决算's, or
// one of another amount, is not.
func TestBalancedGrandTotals(t *testing.T) {
	spent := "2011年总支出6,198万元,基本支出4,453万元;项目支出1,745万元。\n"
	checkWordings(t, []wording{
		{name: "budget", text: "某厅2011年部门预算\n2011年总收入6,198万元,其中:财政预算内拨款(补助)收入6,198万元。\n" + spent,
			want: map[string]float64{"/revenue/total": 61980000, "/expenditure/total": 61980000}},
		{name: "final accounts", text: "某厅2011年部门决算\n2011年总收入6,198万元,其中:财政拨款收入6,198万元。\n" + spent,
			want: map[string]float64{"/expenditure/total": 61980000}, absent: []string{"/revenue/total"}},
		{name: "another amount", text: "某厅2011年部门预算\n2011年总收入6,298万元,其中:财政预算内拨款(补助)收入6,198万元。\n" + spent,
			want: map[string]float64{"/expenditure/total": 61980000}, absent: []string{"/revenue/total"}},
	})
}

// A bare 总支出 opening its sentence, no year before it, is the year's
// whole where the year before's comparison follows its amount; one not
// compared so, or one of a part, is not.
func TestBareTotalComparedWithYearBefore(t *testing.T) {
	head := "某馆2013年度部门决算\n决算收入4089.45万元。\n"
	checkWordings(t, []wording{
		{name: "the year before", text: head + "总支出4826.3万元,比2012年度支出增加3539.38万元。\n",
			want: map[string]float64{"/expenditure/total": 48263000}},
		{name: "the year before, 上年", text: head + "总支出4826.3万元,比上年增加3539.38万元。\n",
			want: map[string]float64{"/expenditure/total": 48263000}},
		{name: "no comparison", text: head + "总支出4826.3万元,主要是工程欠款。\n",
			absent: []string{"/expenditure/total", "/expenditure/current_year"}},
		{name: "another year", text: head + "总支出4826.3万元,比2011年度支出增加3539.38万元。\n",
			absent: []string{"/expenditure/total", "/expenditure/current_year"}},
		{name: "a part's", text: head + "其中项目总支出4826.3万元,比上年增加3539.38万元。\n",
			absent: []string{"/expenditure/total", "/expenditure/current_year"}},
	})
}

// 项目 alone right after the basic expenditure, both after the whole they
// make, is the project expenditure; one that does not make the whole with
// it, or a class's, is not.
func TestBareProject(t *testing.T) {
	head := "某厅2011年部门预算\n2011年总收入6,198万元。\n"
	checkWordings(t, []wording{
		{name: "making the whole", text: head + "2011年总支出6,198万元,基本支出4,453万元;项目1,745万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 44530000, "/expenditure/project/amount": 17450000}},
		{name: "not making it", text: head + "2011年总支出6,198万元,基本支出4,453万元;项目1,645万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 44530000}, absent: []string{"/expenditure/project"}},
		{name: "a project's name", text: head + "2011年总支出6,198万元,基本支出4,453万元;项目1,745万元用于信息化建设。\n",
			want: map[string]float64{"/expenditure/basic/amount": 44530000}, absent: []string{"/expenditure/project"}},
	})
}

// 总收支 is both totals at once: where the two read are one amount, a
// clause comparing it with the year before's amount and stating the change
// gives each its prior year — only where the two make the totals, and only
// of the year before.
func TestBothTotalsChange(t *testing.T) {
	head := "某厅2011年部门预算\n2011年总收入6,198万元。\n2011年总支出6,198万元。\n"
	checkWordings(t, []wording{
		{name: "the year before", text: head + "某厅2011年总收支比上年减少30.7%,对比2010年预算批复数8,946万元减少了2,748万元,主要原因是机构改革。\n",
			want: map[string]float64{"/revenue/prior_year": 89460000, "/expenditure/prior_year": 89460000}},
		{name: "not making the totals", text: head + "某厅2011年总收支比上年减少30.7%,对比2010年预算批复数8,946万元减少了2,648万元。\n",
			absent: []string{"/revenue/prior_year", "/expenditure/prior_year"}},
		{name: "another year", text: head + "某厅2011年总收支对比2009年预算批复数8,946万元减少了2,748万元。\n",
			absent: []string{"/revenue/prior_year", "/expenditure/prior_year"}},
	})
}

// The carried-over revenue named for the projects alone, listed with the
// sources on their line, is the carried-over revenue where it and they make
// the total; where they do not, something else was carried over too.
func TestProjectsCarriedOver(t *testing.T) {
	head := "某血站2014年部门决算\n"
	checkWordings(t, []wording{
		{name: "making the total", text: head + "1、2014年度部门决算收入955.22万元,其中财政拨款收入167.2万元,事业收入770.09万元,其他收入1.43万元,年初项目支出结转和结余16.5万元,比2013年增加13%。\n",
			want: map[string]float64{"/revenue/total": 9552200, "/revenue/carried_over": 165000}},
		{name: "short of it", text: head + "1、2014年度部门决算收入965.22万元,其中财政拨款收入167.2万元,事业收入770.09万元,其他收入1.43万元,年初项目支出结转和结余16.5万元,比2013年增加13%。\n",
			want: map[string]float64{"/revenue/total": 9652200}, absent: []string{"/revenue/carried_over"}},
	})
}

// 财政预算总收入, a region's word for its revenue, is a unit's total revenue
// where the unit says the whole is appropriations; alone it is not.
func TestFiscalBudgetRevenueWhollyAppropriations(t *testing.T) {
	head := "某县某中学2021年收支预算公示\n二、2021年收支预算情况\n"
	checkWordings(t, []wording{
		{name: "全部为财政拨款", text: head + "2021年财政预算总收入14932500元,全部为财政拨款收入.且全部为基本支出。\n",
			want: map[string]float64{"/revenue/total": 14932500}},
		{name: "alone", text: head + "2021年财政预算总收入14932500元,比上年增长5%。\n",
			absent: []string{"/revenue/total"}},
	})
}

// 人员经费 and 公用经费 opening the lettered items of the list the
// expenditure's total opens ("支出预算7526.86万元。支出项目是:\nA、人员经费…")
// are the personnel and public expenses; after another amount, or run into a
// sentence, they are not.
func TestUsesItems(t *testing.T) {
	head := "某县第二中学2022年经费预算信息\n③部门支出用途。支出预算7526.86万元。"
	items := "\nA、人员经费5836.98万元。\n——财政统发工资5659.5万元。\nB、部门公用经费876.48万元。\n——水费50万元。\n"
	checkWordings(t, []wording{
		{name: "lettered items", text: head + "支出项目是:" + items,
			want: map[string]float64{"/expenditure/total": 75268600, "/expenditure/personnel/amount": 58369800, "/expenditure/public_expenses/amount": 8764800}},
		{name: "one line", text: head + "支出项目是:" + strings.ReplaceAll(items, "\n", " "),
			want: map[string]float64{"/expenditure/personnel/amount": 58369800, "/expenditure/public_expenses/amount": 8764800}},
		{name: "after another amount", text: head + "其中专项640.48万元,支出项目是:" + items,
			absent: []string{"/expenditure/personnel", "/expenditure/public_expenses"}},
		{name: "no list", text: head + "支出项目是人员经费5836.98万元。部门公用经费876.48万元。\n",
			absent: []string{"/expenditure/personnel", "/expenditure/public_expenses"}},
	})
}

// Sichuan's 决算 template states both totals as a pair, the unit once after
// both: "收、支总计各是4125.49,4143.91万元" — the revenue's, then the
// expenditure's. Their change ("各减少1267.86,2570.97万元") is no total.
func TestPairedTotals(t *testing.T) {
	head := "某县文化局2022年度单位决算情况说明\n一、收入支出决算总体情况说明\n"
	checkWordings(t, []wording{
		{name: "各是", text: head + "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。",
			want: map[string]float64{"/revenue/total": 41254900, "/expenditure/total": 41439100}},
		{name: "各为, 、", text: head + "2022年度收入、支出总计各为12.5、12.5万元。",
			want: map[string]float64{"/revenue/total": 125000, "/expenditure/total": 125000}},
		// another year's pair, or a pair whose first number has a unit of its own
		{name: "another year's", text: head + "2021年度收、支总计各是4125.49,4143.91万元。",
			absent: []string{"/revenue/total", "/expenditure/total"}},
		{name: "each with its unit", text: head + "2022年度收、支总计各是4125.49万元、4143.91万元。",
			want: map[string]float64{"/revenue/total": 41254900, "/expenditure/total": 41439100}},
	})
}

// A 类's share is of the whole its sentence opens with: "一般公共预算财政拨款
// 支出1264.92万元,主要用于以下方面:社会保障和就业支出67.64万元,占5.35%" —
// not of the year's spending (4021.94万元), which the model holds; the share
// is no claim then (it was a false share.pct warning). Opening with the
// year's spending, the share is the expenditure's.
func TestClassSharesOfTheirSentencesWhole(t *testing.T) {
	head := "某县妇幼保健院2020年度部门决算\n2020年本年支出合计4021.94万元,其中:基本支出2719.24万元,占67.61%;项目支出1302.70万元,占32.39%。\n"
	d := extractLines(t, head+"2020年一般公共预算财政拨款支出1264.92万元,主要用于以下方面:社会保障和就业支出67.64万元,占5.35%;卫生健康支出1196.48万元,占94.59%;农林水支出0.8万元,占0.06%。")
	if fn := d.Expenditure.ByFunction; len(fn) != 3 || fn[1].Amount.Float() != 11964800 {
		t.Fatalf("by_function %+v", fn)
	}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimSharePct && strings.HasPrefix(cl.Path, "/expenditure/by_function/") {
			t.Errorf("share %v of %s claimed: the sentence's whole is the 一般公共预算's", cl.Value, cl.Of)
		}
	}
	d = extractLines(t, head+"2020年本年支出4021.94万元,主要用于以下方面:社会保障和就业支出67.64万元,占1.68%;卫生健康支出3954.30万元,占98.32%。")
	n := 0
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimSharePct && strings.HasPrefix(cl.Path, "/expenditure/by_function/") && cl.Of == "/expenditure/current_year" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d shares of the expenditure claimed, want 2: %+v", n, d.Claims)
	}
}

// The 财政拨款's total named by its revenue side alone: "2020年财政拨款收入
// 总计1614.63万元，与2019年相比增加540.23万元" (the 财政拨款收入支出总表's
// 收入总计); one fund's is not it.
func TestFiscalTotalRevenueSide(t *testing.T) {
	head := "某县妇幼保健院2020年度部门决算\n"
	checkWordings(t, []wording{
		{name: "收入总计", text: head + "2020年财政拨款收入总计1614.63万元,与2019年相比增加540.23万元,增长50.28%;财政拨款支出总计1870.91万元,与2019年相比增加633.43万元,增长51.19%。",
			want: map[string]float64{"/revenue/fiscal_total": 16146300}, absent: []string{"/revenue/total", "/expenditure/total"}},
		{name: "one fund's", text: head + "2020年一般公共预算财政拨款收入总计1008.64万元。",
			absent: []string{"/revenue/fiscal_total"}},
	})
}

// A 决算's 财政拨款收支总决算 is the appropriations' total.
func TestFiscalTotalOfFinalAccounts(t *testing.T) {
	checkWordings(t, []wording{
		{name: "总决算", text: "某学院2016年部门决算\n某学院2016年度财政拨款收支总决算19170.97万元。与2015年相比,财政拨款收入总决算增加2084.95万元。\n",
			want: map[string]float64{"/revenue/fiscal_total": 191709700}},
	})
}

// A web page's 三公 table one cell a line (a blank cell a bare bar) with its
// explanation after it: the explanation's sentences are no rows of the
// table ("…与2021年度预算相比无增减。" is no column of another year), so the
// table's budgeted parts are read by its sums.
func TestThreePublicWebTableBeforeItsExplanation(t *testing.T) {
	text := "一、2021年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n49.9 |\n7.69 |\n" +
		"因公出国(境)费 |\n20 |\n|\n公务接待费 |\n14.9 |\n5.21 |\n公务用车购置及运行维护费 |\n15 |\n2.48 |\n其中:公务用车运行维护费 |\n15 |\n2.48 |\n公务用车购置费 |\n" +
		"二、2021年度一般公共预算财政拨款“三公”经费支出情况说明\n(一)一般公共预算财政拨款“三公”经费支出决算总体情况说明。\n" +
		"某区政府办2021年度一般公共预算财政拨款“三公”经费支出预算为49.9万元,支出决算为7.69万元,完成预算的15.41%。\n" +
		"某区政府办2021年度一般公共预算财政拨款“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务接待费支出决算5.21万元,占67.75%;公务用车购置及运行维护费支出决算2.48万元,占32.24%。具体情况如下:\n" +
		"1.因公出国(境)费支出0万元,与2021年度预算相比无增减。\n2.公务接待费支出5.21万元, 与2021年度预算相比,减少0.1万元。\n"
	checkWordings(t, []wording{{name: "web table", text: text, want: map[string]float64{
		"/three_public/total": 76900, "/three_public/budgeted": 499000,
		"/three_public/overseas_travel/amount": 0, "/three_public/overseas_travel/budgeted": 200000,
		"/three_public/reception/amount": 52100, "/three_public/reception/budgeted": 149000,
		"/three_public/vehicle/amount": 24800, "/three_public/vehicle/budgeted": 150000}}})
}

// Parts listed after 其中 that fall short of their whole say nothing (the
// list may be partial) unless the list names a remainder (其他收入), states
// each part's share of the whole and the shares make 100%, or prints a part
// it has none of (政府性基金预算拨款0万元): then it claims the whole, and
// where one misprint of one figure, changed back, closes the gap beyond the
// figures' rounding, the whole and parts are kept as sum claims — whether
// or not the model took them, its own sum taking a list short of its whole
// for a partial one; a sum within the rounding says nothing either way.
func TestListedPartsShort(t *testing.T) {
	const text = "某学院2016年部门决算\n2016年度总收入27,964.71万元，其中：财政拨款收入9,787.85万元，教育事业收入5,738.74万元，其他收入12,037.17万元，经营收入100.95万元。\n"
	if n := sumClaims(t, text); n != 5 {
		t.Errorf("a closed list short by a misprint: %d sum claims, want 5 (the whole and four parts)", n)
	}
	// the figures' rounding: a sum a cent off is the whole, and a misprint
	// beside a cent of rounding still closes the gap
	if n := sumClaims(t, strings.Replace(text, "27,964.71", "27,964.72", 1)); n != 5 {
		t.Errorf("a misprint beside rounding: %d sum claims, want 5", n)
	}
	for name, other := range map[string]string{
		"no remainder named":         strings.Replace(text, "其他收入", "捐赠收入", 1),
		"a gap no misprint explains": strings.Replace(text, "27,964.71", "27,812.33", 1),
		"within the rounding, short": strings.Replace(text, "27,964.71", "27,664.72", 1),
		"within the rounding, above": strings.Replace(text, "27,964.71", "27,664.70", 1),
	} {
		if n := sumClaims(t, other); n != 0 {
			t.Errorf("%s: %d sum claims", name, n)
		}
	}
	// each part's share of the whole, the shares making 100%, closes the list
	// too; shares short of 100% (a part left out) do not
	const shared = "某学院2016年部门决算\n2016年我院支出合计26,994.72万元，其中基本支出12,270.36万元，占总支出的45.46%，项目支出14,629.33万元，占总支出的54.19%，经营支出95.03万元，占总支出0.35%。\n"
	if n := sumClaims(t, strings.Replace(shared, "95.03万元", "25.03万元", 1)); n != 4 {
		t.Errorf("shares making 100%%, a part misprinted down: %d sum claims, want 4", n)
	}
	for name, other := range map[string]string{
		"adds up":             shared,
		"shares short of 100": strings.NewReplacer("95.03万元", "25.03万元", "0.35%", "0.15%").Replace(shared),
		"a share left out":    strings.NewReplacer("95.03万元", "25.03万元", "，占总支出0.35%", "").Replace(shared),
	} {
		if n := sumClaims(t, other); n != 0 {
			t.Errorf("%s: %d sum claims", name, n)
		}
	}
	// a template's list of every source, some at 0; and of every class,
	// ending on 其他支出 — the model's sources and classes
	const zeros = "某街道2026年部门预算\n(一)收入预算:2026年年初预算数2082.58万元,其中:一般公共预算拨款2082.58万元,政府性基金预算拨款0万元,国有资本经营预算收入0万元,事业收入0万元。\n"
	const classes = "某小学2025年单位预算\n(二)支出预算:2025年年初预算数735.09万元,其中:教育支出预算488.75万元,社会保障和就业支出预算184.36万元,卫生健康支出预算29.44万元,住房保障支出预算30.34万元,其他支出2万元。\n"
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"a list of every source, as printed":        {zeros, 0},
		"a list of every source, a part misprinted": {strings.Replace(zeros, "拨款2082.58", "拨款2032.58", 1), 5},
		"a list of every source, a gap no misprint": {strings.Replace(zeros, "数2082.58", "数2917.93", 1), 0},
		"no part at 0": {strings.Replace(strings.Replace(zeros, "拨款2082.58", "拨款2032.58", 1), "事业收入0万元", "事业收入3万元", 1), 0},
		"classes ending on 其他支出, as printed":     {classes, 0},
		"classes ending on 其他支出, one misprinted": {strings.Replace(classes, "488.75", "480.75", 1), 6},
	} {
		if n := sumClaims(t, c.text); n != c.want {
			t.Errorf("%s: %d sum claims, want %d", name, n, c.want)
		}
	}
}

// TestListedPartsPrinted: a whole's list of parts printed with 其中 run
// into the amount or twice ("收入预算712.99万元其中:其中一般公共预算拨款…"), or
// inside an aside after it ("财政拨款收入1,077.36万元(其中,一般公共预算1,077.36
// 万元,政府性基金预算0万元,…)"), claims its whole as one after "，其中" does:
// a part misprinted is kept as sum claims (sum.text).
func TestListedPartsPrinted(t *testing.T) {
	const twice = "龙门镇2018年部门预算的批复\n一、收入预算712.99万元其中:其中一般公共预算拨款665.49万元,政府性基金拨款0万元,财政专户拨款47.5万元。\n"
	const aside = "某幼儿园2021年度单位决算\n本年收入合计1,151.41万元;包括财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,政府性基金预算0万元,国有资本经营预算0万元),占收入合计93.57%。\n"
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"其中 twice, as printed":        {twice, 0},
		"其中 twice, a part misprinted": {strings.Replace(twice, "665.49", "663.49", 1), 4},
		"an aside, as printed":        {aside, 0},
		"an aside, a part misprinted": {strings.Replace(aside, "一般公共预算1,077.36", "一般公共预算1,071.36", 1), 4},
		"an aside never closed":       {strings.Replace(strings.Replace(aside, "一般公共预算1,077.36", "一般公共预算1,071.36", 1), "),占", ",占", 1), 0},
	} {
		if n := sumClaims(t, c.text); n != c.want {
			t.Errorf("%s: %d sum claims, want %d", name, n, c.want)
		}
	}
}

// TestListedPartsSemicolon: basic and project expenditure listed after a
// whole with a semicolon between them ("其中:基本支出3,931万元;项目1,745万
// 元") are one list: the two halves above their whole are kept as sum
// claims. Another statement after a semicolon ends the list.
func TestListedPartsSemicolon(t *testing.T) {
	const text = "某市某厅2011年部门预算\n1. 政府办公厅(室)及相关事务5,631万元,其中:基本支出3,931万元;项目1,745万元。\n"
	for name, c := range map[string]struct {
		text string
		want int
	}{
		"the halves above the whole": {text, 3},
		"the halves make the whole":  {strings.Replace(text, "5,631", "5,676", 1), 0},
		"project first":              {strings.Replace(text, "基本支出3,931万元;项目1,745万元", "项目支出1,745万元;基本支出3,931万元", 1), 3},
		"another statement after ;":  {strings.Replace(text, "项目1,745万元", "政府采购1,745万元", 1), 0},
	} {
		if n := sumClaims(t, c.text); n != c.want {
			t.Errorf("%s: %d sum claims, want %d", name, n, c.want)
		}
	}
}

// sumClaims counts the sum claims of a text's extraction.
func sumClaims(t *testing.T, text string) int {
	t.Helper()
	n := 0
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimSum {
			n++
		}
	}
	return n
}

// A 类 named with 类科目 after it ("社会保障和就业支出类科目 116433.12 元")
// is the class's statement, and its share of the 支出总预算 is read.
func TestClassNamedSubject(t *testing.T) {
	d := extractLines(t, "某市某局2025年部门预算\n2025年支出总预算1085203.63元。（二）社会保障和就业支出类科目 116433.12 元，占支出总预算 10.73 %，同比增加 16803.36 元，增长 16.87%。\n")
	if len(d.Expenditure.ByFunction) != 1 || d.Expenditure.ByFunction[0].Code != "208" || d.Expenditure.ByFunction[0].Amount.Float() != 116433.12 {
		t.Fatalf("by function %+v", d.Expenditure.ByFunction)
	}
	if !claimWith(d.Claims, "/expenditure/by_function/0", schema.ClaimSharePct, 10.73) || !claimWith(d.Claims, "/expenditure/by_function/0", schema.ClaimChange, 16803.36) {
		t.Errorf("claims %+v", d.Claims)
	}
}

// A share of a whole the model has no path for ("占一般公共预算支出的84.06%")
// is kept of the whole by its name, /text/whole/<name> (check share.parts).
func TestShareOfNamedWhole(t *testing.T) {
	d := extractLines(t, "梧州市某单位2024年部门预算\n1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%，同比减少 4966.66 元，下降 0.2%。\n2. 项目支出 469500 元，占一般公共预算支出的 19.62%，同比增加 70100 元，增长 17.55%。\n")
	for path, v := range map[string]float64{"/expenditure/basic": 84.06, "/expenditure/project": 19.62} {
		if !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool {
			return c.Path == path && c.Kind == schema.ClaimSharePct && math.Abs(c.Value-v) < 1e-9 && c.Of == "/text/whole/一般公共预算支出"
		}) {
			t.Errorf("no share %v of 一般公共预算支出 on %s: %+v", v, path, d.Claims)
		}
	}
}

// The year's revenue and spending stated bare ("收入为", "收入决算", "部门决算收入"), the
// year (and the text's word for itself) right before the label, are the
// totals; the same words after another year, or after a fund's name, are not.
func TestBareTotalsOpenedByTheYear(t *testing.T) {
	for _, c := range []struct {
		text     string
		rev, exp float64 // yuan
	}{
		{"某幼儿园2017年度部门决算公开\n2017年度,本单位收入为1687.45万元,其中:财政拨款收入1516.64万元。\n2017年度,本单位支出为1942.57万元。", 16874500, 19425700},
		{"某所2016年度部门决算补充说明\n1、2016年收入决算205.27万元,比上年收入决算221.17万元减少15.9万元。\n2、2016年支出决算205.27万元。", 2052700, 2052700},
		// the department's 决算收入 and 决算支出 ("2014年度部门决算收入…")
		{"2014年某血站部门决算\n1、2014年度部门决算收入955.22万元,其中财政拨款收入167.2万元,事业收入770.09万元,其他收入1.43万元,年初项目支出结转和结余16.5万元。\n2、2014年度部门决算支出955.22万元,比2013年增加17%。", 9552200, 9552200},
	} {
		d := extractLines(t, c.text)
		if d.Revenue.Total == nil || d.Revenue.Total.Float() != c.rev || d.Expenditure.Total == nil || d.Expenditure.Total.Float() != c.exp {
			t.Errorf("%q: totals %v %v, want %.2f %.2f", c.text, d.Revenue.Total, d.Expenditure.Total, c.rev, c.exp)
		}
	}
	d := extractLines(t, "某医院2017年部门决算公开信息\n相比2016年本单位收入为6871.82万元。\n2017年一般公共预算财政拨款支出决算1656.48万元。")
	if d.Revenue.Total != nil || d.Expenditure.Total != nil {
		t.Errorf("another year's or a fund's figure read as a total: %v %v", d.Revenue.Total, d.Expenditure.Total)
	}
}

// A 三公 table a part a row, read by its rows' names: columns that agree on
// every row are one; a top-level item after the 三公 ("二、会议费", "二、相关
// 统计数") ends its rows; rows left blank count as nothing in the sum.
func TestThreePublicRowsByName(t *testing.T) {
	checkWordings(t, []wording{
		{name: "two agreeing columns, then 会议费", text: "2016年某委财政拨款“三公”经费预算表\n金额单位:万元\n项目 2016年预算数\n小计 其中:一般公共预算安排数\n" +
			"一、“三公”经费合计 21.63 21.63\n(一)因公出国(境)费 不需填列 不需填列\n(二)公务接待费 14.83 14.83\n(三)公务用车费 6.8 6.8\n1.公务用车购置费\n2.公务用车运行维护费 6.8 6.8\n二、会议费 7.59 7.59\n三、培训费 15.86 15.86\n",
			want: map[string]float64{"/three_public/total": 216300, "/three_public/reception/amount": 148300, "/three_public/vehicle/amount": 68000, "/three_public/vehicle_operation/amount": 68000}},
		{name: "blank rows, then the counts", text: "某县2015年度某局“三公”经费决算情况表\n单位:万元\n项 目 本年决算数\n一、支出合计 9.28\n1、因公出国(境)费用\n2、公务接待费 9.28\n3、公务用车费\n(1)公务用车运行维护费\n(2)公务用车购置\n" +
			"二、相关统计数\n1.因公出国(境)团组数(个)\n5.公务接待批次(批) 186\n6.公务接待人数(人) 2856\n",
			want: map[string]float64{"/three_public/total": 92800, "/three_public/reception/amount": 92800}},
		{name: "columns that differ", text: "2016年某委财政拨款“三公”经费预算表\n金额单位:万元\n项目 2016年预算数\n小计 其中:一般公共预算安排数\n" +
			"一、“三公”经费合计 21.63 20.63\n(二)公务接待费 14.83 13.83\n(三)公务用车费 6.8 6.8\n2.公务用车运行维护费 6.8 6.8\n",
			absent: []string{"/three_public/total", "/three_public/reception"}},
	})
}

// Amounts in 千元, the unit of some provinces' earlier budgets, are read.
func TestThousandYuanTotals(t *testing.T) {
	checkWordings(t, []wording{{name: "千元", text: "某学校2017年部门预算\n2017年本部门收入预算9167千元,比上年增加1490千元;支出预算9167千元。\n",
		want: map[string]float64{"/revenue/total": 9167000, "/expenditure/total": 9167000}}})
}

// A 决算's budget stated after its amount, in the completion rate that
// follows it ("…决算为28.98万元,完成预算21.55万元的134%"): the budgeted
// figure of the whole and of each part. A rate without the budget's amount
// ("完成预算的134%") gives none.
func TestBudgetInCompletionRate(t *testing.T) {
	d := readText(t, "某某县食品药品监督管理局2017年部门决算“三公”经费公开\n一、“三公”经费财政拨款支出决算总体情况说明\n某某县食品药品监督管理局2017年度“三公”经费财政拨款支出决算为28.98万元,完成预算21.55万元的134%。其中:因公出国(境)费支出决算为0万元,完成预算0万元的100%;公务用车购置及运行维护费支出决算为22.83万元,完成预算 15.4万元的148%;公务接待费支出决算为6.15万元,完成预算的99.8%。\n")
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(215500) {
		t.Fatalf("三公 %+v, want budgeted 215500", tp)
	}
	if tp.Vehicle == nil || tp.Vehicle.Budgeted == nil || *tp.Vehicle.Budgeted != schema.Yuan(154000) || tp.OverseasTravel == nil || tp.OverseasTravel.Budgeted == nil || *tp.OverseasTravel.Budgeted != 0 {
		t.Errorf("parts %+v %+v, want the cars' budget 154000, travel's 0", tp.Vehicle, tp.OverseasTravel)
	}
	if tp.Reception == nil || tp.Reception.Amount != schema.Yuan(61500) || tp.Reception.Budgeted != nil {
		t.Errorf("reception %+v, want 61500 and no budget", tp.Reception)
	}
}

// Totals stated with the department's own name before them ("2021年度,某
// 卫生院单位支出为468.738万元"), the carried-over money as 上年结余收入 and a
// budget's revenue as 年初收入预算数.
func TestTotalsNamedOtherwise(t *testing.T) {
	d := readText(t, "某某县马关卫生院2021年度部门决算公开说明\n(一)收入决算情况。2021年度,收入总计为457.8161万元,其中:\n1.财政拨款收入364.6552万元。\n(二)支出决算情况\n2021年度,某某县马关卫生院单位支出为468.738万元。其中:\n基本支出250.7219万元,项目支出218.016万元。\n")
	if e := d.Expenditure; e == nil || e.Total == nil || *e.Total != schema.Yuan(4687380) {
		t.Errorf("expenditure %+v, want total 468.738万元", e)
	}
	d = readText(t, "某某区人大常委会2017年部门预算\n一、2017年部门收入预算总体情况\n2017年年初收入预算数501.98万元。其中:\n1、一般公共财政预算拨款493.68万元。\n2、上年结余收入8.3万元。\n")
	if r := d.Revenue; r == nil || r.Total == nil || *r.Total != schema.Yuan(5019800) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(83000) {
		t.Errorf("revenue %+v, want total 5019800 and carried over 83000", r)
	}
}

// An amount stated as the other side of a comparison ("与2016年公共财政预算
// 收入1631.06万元相比", "比上年财政拨款收入700万元增加…") is the year compared
// with, never the figure its label names: no source is read from it, it is
// the prior year's only where the figure's own comparison states it — the
// amount of no other figure's label (财政拨款收入 after 收入总计) — and
// otherwise it is left out with a warning.
func TestComparandIsNoFigure(t *testing.T) {
	const fa = "某镇人民政府2016年度部门决算\n"
	checkWordings(t, []wording{
		{name: "与 the year's budget 相比", text: fa + "2016年度收入总计900万元,与2016年公共财政预算收入700万元,相比增加200万元,增长28.57%。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/sources/0", "/revenue/prior_year"}},
		{name: "与上年 相比", text: fa + "2016年度收入总计900万元，与上年一般公共预算拨款收入700万元相比增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/sources/0", "/revenue/prior_year"}},
		// 财政拨款收入 and 一般公共预算收入 are sources, not the total: no prior year of it
		{name: "比上年", text: fa + "2016年度收入总计900万元，比上年财政拨款收入700万元增加200万元，增长28.57%。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/sources/0", "/revenue/prior_year"}},
		{name: "较上年度", text: fa + "2016年度收入总计900万元，较上年度一般公共预算收入1,000万元减少100万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/sources/0", "/revenue/prior_year"}},
		{name: "比 the prior year, another subject", text: fa + "2016年度收入总计900万元，比2015年财政拨款收入700万元增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/prior_year"}},
		{name: "“三公”经费 and a part", text: fa + "2016年度“三公”经费支出50万元，比上年公务接待费60万元减少10万元。\n",
			want: map[string]float64{"/three_public/total": 500000}, absent: []string{"/three_public/prior_year"}},
		{name: "an expenditure part", text: fa + "2016年度支出总计900万元，比上年基本支出700万元增加200万元。\n",
			want: map[string]float64{"/expenditure/total": 9000000}, absent: []string{"/expenditure/prior_year"}},
		{name: "机关运行经费 and 公用经费", text: fa + "2016年度机关运行经费支出30万元，比上年公用经费20万元增加10万元。\n",
			want: map[string]float64{"/operating_costs/amount": 300000}, absent: []string{"/operating_costs/prior_year"}},
		// the figure's own label, or words of its subject, between: its prior year
		{name: "基本支出 the same label", text: fa + "2016年度基本支出600万元，比上年基本支出500万元增加100万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 6000000, "/expenditure/basic/prior_year": 5000000}},
		{name: "机关运行费 for 机关运行经费", text: fa + "2016年度机关运行经费支出30万元，比上年机关运行费20万元增加10万元。\n",
			want: map[string]float64{"/operating_costs/amount": 300000, "/operating_costs/prior_year": 200000}},
		{name: "比上年 the same label", text: fa + "2016年度收入总计900万元，比上年收入总计700万元增加200万元，增长28.57%。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 7000000}},
		{name: "较上年 决算数", text: fa + "2016年度收入总计900万元，较上年决算数1,000万元减少100万元。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 10000000}},
		{name: "比2015年 收入", text: fa + "2016年度收入总计900万元，比2015年收入700万元增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 7000000}},
		{name: "another label of the part", text: fa + "2016年度“三公”经费支出50万元，其中：公务用车运行维护费支出5万元，比上年公务用车运行费6万元减少1万元。\n",
			want: map[string]float64{"/three_public/vehicle_operation/amount": 50000, "/three_public/vehicle_operation/prior_year": 60000}},
		{name: "“三公”经费 the same label", text: fa + "2016年度“三公”经费支出50万元，比上年“三公”经费支出60万元减少10万元。\n",
			want: map[string]float64{"/three_public/total": 500000, "/three_public/prior_year": 600000}},
		{name: "a part the same label", text: fa + "2016年度“三公”经费支出50万元，其中：公务接待费支出5万元，比上年公务接待费支出6万元减少1万元。\n",
			want: map[string]float64{"/three_public/reception/amount": 50000, "/three_public/reception/prior_year": 60000}},
		// a comparison closed before the label compares the figure the label names
		{name: "与上年相比 before the label", text: fa + "2016年度收入总计900万元。与上年相比财政拨款收入900万元增加200万元。\n",
			want: map[string]float64{"/revenue/sources/0/amount": 9000000}},
		{name: "the sources after it", text: fa + "2016年度收入总计900万元，比上年财政拨款收入700万元增加200万元。其中：财政拨款收入900万元。\n",
			want: map[string]float64{"/revenue/sources/0/amount": 9000000}, absent: []string{"/revenue/prior_year", "/revenue/sources/1"}},
	})
	for _, text := range []string{"2016年度收入总计900万元，与上年一般公共预算拨款收入700万元相比增加200万元。\n", "2016年度收入总计900万元，比上年财政拨款收入700万元增加200万元。\n"} {
		d := extractLines(t, fa+text)
		if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "700万元") }) {
			t.Errorf("%s: the compared amount is left out without a warning: %v", text, d.Warnings)
		}
		if slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimChange }) {
			t.Errorf("%s: another subject's change is read as the figure's: %+v", text, d.Claims)
		}
	}
}

// "与上年<the figure's own label>X万元相比，增加Y万元，增长Z%" states the
// figure's prior year and the change against it, the comparison after the
// figure or before it; another subject, another year or the year's budget
// after 与 is no prior year of the figure and stays out.
func TestComparedWithPriorYear(t *testing.T) {
	const fa = "某镇人民政府2016年度部门决算\n"
	checkWordings(t, []wording{
		{name: "与上年 after the figure", text: fa + "2016年度收入总计900万元，与上年收入总计700万元相比，增加200万元，增长28.57%。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 7000000}, absent: []string{"/revenue/sources/0"}},
		{name: "与2015年度 after the figure", text: fa + "2016年度收入总计900万元，与2015年度收入总计1,000万元相比减少100万元。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 10000000}},
		{name: "与去年 before the figure", text: fa + "与去年收入总计700万元相比，2016年度收入总计900万元，增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000, "/revenue/prior_year": 7000000}},
		{name: "another subject", text: fa + "2016年度收入总计900万元，与上年财政拨款收入700万元相比，增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/prior_year", "/revenue/sources/0"}},
		{name: "a year not the previous", text: fa + "2016年度收入总计900万元，与2014年收入总计700万元相比，增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/prior_year"}},
		{name: "the year's budget", text: fa + "2016年度收入总计900万元，与2016年预算收入总计700万元相比，增加200万元。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/prior_year"}},
		{name: "no change stated", text: fa + "2016年度收入总计900万元，与上年收入总计700万元相比。\n",
			want: map[string]float64{"/revenue/total": 9000000}, absent: []string{"/revenue/prior_year"}},
		{name: "机关运行经费", text: fa + "2016年度机关运行经费支出30万元，与上年机关运行经费支出20万元相比，增加10万元，增长50%。\n",
			want: map[string]float64{"/operating_costs/amount": 300000, "/operating_costs/prior_year": 200000}},
		{name: "“三公”经费 after the figure", text: fa + "2016年度“三公”经费支出50万元，与上年“三公”经费支出60万元相比，减少10万元，下降16.67%。\n",
			want: map[string]float64{"/three_public/total": 500000, "/three_public/prior_year": 600000}},
		// the amount compared with before the figure is no total
		{name: "“三公”经费 before the figure", text: fa + "与2015年度“三公”经费决算数60万元相比，2016年度“三公”经费支出50万元，减少10万元。\n",
			want: map[string]float64{"/three_public/total": 500000, "/three_public/prior_year": 600000}},
		{name: "“三公”经费 and a part", text: fa + "2016年度“三公”经费支出50万元，与上年公务接待费60万元相比，减少10万元。\n",
			want: map[string]float64{"/three_public/total": 500000}, absent: []string{"/three_public/prior_year"}},
		{name: "“三公”经费 and the year's budget", text: fa + "与2016年预算“三公”经费60万元相比，2016年度“三公”经费支出50万元，减少10万元。\n",
			want: map[string]float64{"/three_public/total": 500000}, absent: []string{"/three_public/prior_year", "/three_public/budgeted"}},
	})
	d := extractLines(t, fa+"2016年度收入总计900万元，与上年收入总计700万元相比，增加200万元，增长28.57%。\n")
	if !claimWith(d.Claims, "/revenue", schema.ClaimChange, 2000000) || !claimWith(d.Claims, "/revenue", schema.ClaimChangePct, 28.57) {
		t.Errorf("the stated change is not the figure's: %+v", d.Claims)
	}
	d = extractLines(t, fa+"2016年度收入总计900万元，与上年财政拨款收入700万元相比，增加200万元。\n")
	if slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimChange }) {
		t.Errorf("another subject's change is read as the figure's: %+v", d.Claims)
	}
}

// A fund named in the clause after a spending figure is what that figure
// is paid from ("机关运行经费,当年一般公共预算拨款6.83万元"), not the fund's
// revenue: no source is read from it, nor a restatement of one.
func TestFundOfSpendingIsNoSource(t *testing.T) {
	text := "岳阳市某区某中心2018年部门预算\n三、一般公共预算拨款支出预算\n2018年一般公共预算拨款收入120.71万元,具体安排情况如下:\n四、其他重要事项的情况说明\n1、机关运行经费\n2018年本级的机关运行经费,当年一般公共预算拨款6.83万元,比2017年预算减少2.69万元。\n"
	d := extractLines(t, text)
	if r := d.Revenue; r == nil || len(r.Sources) != 1 || r.Sources[0].Amount != schema.Yuan(1207100) {
		t.Fatalf("revenue %+v, want the one source 120.71万元", r)
	}
	for _, c := range d.Claims {
		if strings.HasPrefix(c.Path, "/revenue") {
			t.Errorf("a claim on the revenue from the operating costs' fund: %+v", c)
		}
	}
}

// A figure of another year opening its clause, further back than the words
// right before the label ("主要是2018年严格执行厉行节约公务接待费支出49865元"
// in a 2019 budget), is that year's: no restatement of the year's figure.
func TestOtherYearOpensTheClause(t *testing.T) {
	text := "2019年某市某局“三公”经费预算情况说明\n2019年某市某局“三公”经费财政拨款预算安排389000元,比上年预算增56400元。\n(二)公务接待费\n安排公务接待费64000元,比上年预算减15600元,同比下降19.60%。主要是2018年严格执行厉行节约公务接待费支出49865元与上年比减少30431元,因此2019年预算比上年预算减少15600元。\n"
	d := extractLines(t, text)
	if tp := d.ThreePublic; tp == nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(64000) {
		t.Fatalf("三公 %+v, want reception 64000元", tp)
	}
	for _, c := range d.Claims {
		if c.Path == "/three_public/reception" && c.Kind == schema.ClaimAmount {
			t.Errorf("2018's spending read as a restatement of 2019's budget: %+v", c)
		}
	}
}

// A change stated after the figure's name and its own words (财政拨款, 支出,
// and 决算 in a 决算), no amount beside: "公务接待费支出决算减少0.69万元",
// "“三公”经费财政拨款支出决算数比上年减少22.02万元" — each the figure's change.
// The sentence "与上年相比,…“三公”经费…比上年减少22.02万元" after the
// reception's amount names its own figure: it is no comparison of the
// reception's (which read −22.02 and −43.18% as the reception's change).
func TestChangeAfterOwnWords(t *testing.T) {
	text := "某县某局2017年度“三公”经费财政拨款支出决算说明\n" +
		"某局2017年度“三公”经费财政拨款支出决算为28.98万元。其中:因公出国(境)费支出决算为0万元;公务用车购置及运行维护费支出决算为22.83万元;公务接待费支出决算为6.15万元。\n" +
		"与上年相比,2017年度“三公”经费财政拨款支出决算数比上年减少22.02万元,下降43.18%。其中:因公出国(境)费支出决算减少0万元,与上年持平;公务用车购置及运行维护费支出决算减少21.33万元,下降48.30%;公务接待费支出决算减少0.69万元,下降10%。\n"
	d := extractLines(t, text)
	want := map[string]float64{"/three_public": -220200, "/three_public/overseas_travel": 0, "/three_public/vehicle": -213300, "/three_public/reception": -6900}
	if got, n := claimValues(d, schema.ClaimChange); !maps.Equal(got, want) || n != len(want) {
		t.Errorf("%d changes %v, want %v", n, got, want)
	}
}

// claimValues are the values of a document's claims of kind by path,
// rounded to cents, and how many there are.
func claimValues(d *schema.Document, kind string) (map[string]float64, int) {
	got, n := map[string]float64{}, 0
	for _, c := range d.Claims {
		if c.Kind == kind {
			got[c.Path] = math.Round(c.Value*100) / 100
			n++
		}
	}
	return got, n
}

// "因公出国(境)" is the travel's name without 费: "因公出国(境)支出决算减少1.6万
// 元" is its change, which with the other parts' makes the 三公's; the
// percentage after a part's change ("，降低26.11%") is its percentage change.
func TestTravelNamedWithoutFee(t *testing.T) {
	text := "某区民族宗教事务局2015年度“三公”经费决算说明\n" +
		"2015年度“三公”经费财政拨款支出决算为2.11万元。其中:\n1.因公出国(境)费用支出决算为0万元。\n2.公务用车购置及运行维护费支出决算为1.33万元。\n3.公务接待费支出决算为0.78万元。\n" +
		"2015年度“三公”经费财政拨款支出决算数比2014年减少1.49万元,降低41.38%,其中:因公出国(境)支出决算减少1.6万元,降低100%;公务用车购置及运行费支出决算减少0.47万元,降低26.11%;公务接待支出决算增加0.58万元,增长290%。\n"
	d := extractLines(t, text)
	want := map[string]float64{"/three_public": -14900, "/three_public/overseas_travel": -16000, "/three_public/vehicle": -4700, "/three_public/reception": 5800}
	if got, _ := claimValues(d, schema.ClaimChange); !maps.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	// the percentage after each part's change, the direction said again
	pcts, _ := claimValues(d, schema.ClaimChangePct)
	delete(pcts, "/three_public")
	if want := map[string]float64{"/three_public/overseas_travel": -100, "/three_public/vehicle": -26.11, "/three_public/reception": 290}; !maps.Equal(pcts, want) {
		t.Errorf("percentages %v, want %v", pcts, want)
	}
}

// The other side of a comparison opens with 与, 比 or 较 and the year
// compared with, a year or any word of the prior year: the comparand before
// a label, the prior year's own figure, a sentence comparing the one before
// all read the same openings.
func TestComparandOpenings(t *testing.T) {
	for _, c := range []struct {
		head  string
		conn  string
		year  int
		after string
		ok    bool
	}{
		{"与2016年", "与", 2016, "", true},
		{"较2014年度部门决算公开", "较", 2014, "部门决算公开", true},
		{"收入比上年", "比", 0, "", true},
		{"与上一年度的", "与", 0, "的", true},
		{"比去年", "比", 0, "", true},
		{"与上年相比较去年", "与", 0, "相比较去年", true}, // 比较 and 相比 open none
		{"相比上年", "", 0, "", false},
		{"与上年度收入决算221.17万元", "", 0, "", false},
		{"与上年“三公”经费中的因公出国（境）费用的决算数情况说明表", "", 0, "", false}, // more than 24 characters after
		{"与20年", "", 0, "", false},
	} {
		got, after, ok := comparandBefore(c.head)
		if ok != c.ok || ok && (got.conn != c.conn || got.year != c.year || after != c.after) {
			t.Errorf("comparandBefore(%q) = %+v %q %v, want %s %d %q %v", c.head, got, after, ok, c.conn, c.year, c.after, c.ok)
		}
	}
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		// a sentence that opens on its comparison, with any word of the prior year
		{"某县民政局2019年部门预算\n机关运行经费预算20万元。比去年减少2万元。\n", map[string]float64{"/operating_costs": -20000}},
		{"某县民政局2019年部门预算\n机关运行经费预算20万元。较上一年增加2万元。\n", map[string]float64{"/operating_costs": 20000}},
		{"某县民政局2019年部门预算\n机关运行经费预算20万元。较 2018 年增加2万元。\n", map[string]float64{"/operating_costs": 20000}},
		// a label whose amount is stated elsewhere
		{"某县民政局2019年部门预算\n“三公”经费预算8万元，其中公务接待费3万元。公务接待费与去年相比减少1万元。\n", map[string]float64{"/three_public/reception": -10000}},
		// the assets' change in the sentence after them
		{"某县民政局2019年度部门决算\n2019年末，本部门资产总额1,200万元。较去年增加200万元。\n", map[string]float64{"/assets": 2000000}},
	} {
		got := map[string]float64{}
		for _, cl := range extractLines(t, c.text).Claims {
			if cl.Kind == schema.ClaimChange {
				got[cl.Path] = cl.Value
			}
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%q: changes %v, want %v", c.text, got, c.want)
		}
	}
}

// A figure stated as a movement from the year before's ("由上年的700万元增加
// 到900万元，增加200万元，增长28.57%") is its second amount, the first its
// prior year, the change and percentage after it its own; 财政拨款 bare is
// the source only so stated. A movement to another year's figure, or
// one whose words run on between its amounts, is not read.
func TestFigureFromTo(t *testing.T) {
	d := extractLines(t, "某局2015年部门预算\n某局2015年收入预算由上年的700万元增加到900万元，增加200万元，增长28.57%。2015年财政拨款则由去年的600万元减少至了500万元，减少100万元。")
	r := d.Revenue
	if r == nil || r.Total == nil || *r.Total != schema.Yuan(9000000) || r.PriorYear == nil || *r.PriorYear != schema.Yuan(7000000) {
		t.Fatalf("revenue %+v", r)
	}
	if len(r.Sources) != 1 || r.Sources[0].Name != "财政拨款" || r.Sources[0].Amount != schema.Yuan(5000000) {
		t.Errorf("sources %+v", r.Sources)
	}
	want := map[string]float64{"/revenue change": 2000000, "/revenue change_pct": 28.57, "/revenue/sources/0 change": -1000000}
	for _, c := range d.Claims {
		if w, ok := want[c.Path+" "+c.Kind]; ok && w == c.Value {
			delete(want, c.Path+" "+c.Kind)
		}
	}
	if len(want) > 0 {
		t.Errorf("claims %+v, missing %v", d.Claims, want)
	}
	for _, text := range []string{
		"某局2015年部门预算\n某局2015年收入预算由2013年的700万元增加到2014年的900万元。",
		"某局2015年部门预算\n某局2015年财政拨款由700万元，比上年增加到900万元。",
	} {
		if d := extractLines(t, text); d.Revenue != nil && (d.Revenue.Total != nil || len(d.Revenue.Sources) > 0) {
			t.Errorf("%q: read %+v", text, d.Revenue)
		}
	}
}

// The parts' changes a sentence gives as the reason for its whole's
// ("收支较上年增加418.97万元，增长4.23%，主要原因是…收入较上年增加2296.45万元，
// 政府性基金减少401.85万元，年初结转结余减少1475.63万元") are kept as sum
// claims, signed, where they make the whole's change or one misprint
// changed back would; the main reasons only (another amount, no misprint),
// or a reason that is no list of changes, give none.
func TestReasonChanges(t *testing.T) {
	text := func(parts string) string {
		return "某中心2023年度决算公开说明\n1.总体情况。2023年度收入总计10328.56万元,支出总计10328.56万元。收支较上年决算数增加418.97万元,增长4.23%,主要原因是" + parts + "。"
	}
	sums := func(d *schema.Document) map[string]float64 {
		out := map[string]float64{}
		for _, c := range d.Claims {
			if c.Kind == schema.ClaimSum {
				out[c.Path[strings.LastIndex(c.Path, "/"):]] = c.Value
			}
		}
		return out
	}
	for _, c := range []struct {
		parts string
		want  map[string]float64
	}{
		{"一般公共财政拨款收入较上年增加2296.45万元,政府性基金减少401.85万元,年初结转结余减少1475.63万元",
			map[string]float64{"/change_reasons": 4189700, "/1": 22964500, "/2": -4018500, "/3": -14756300}},
		// one digit misprinted: kept, for the checks to find
		{"一般公共财政拨款收入较上年增加2286.45万元,政府性基金减少401.85万元,年初结转结余减少1475.63万元",
			map[string]float64{"/change_reasons": 4189700, "/1": 22864500, "/2": -4018500, "/3": -14756300}},
		// the main parts only
		{"一般公共财政拨款收入较上年增加2296.45万元,政府性基金减少401.85万元", map[string]float64{}},
		{"上年年初结转资金1475.63万元,实际较上年增加资金418.98万元", map[string]float64{}},
	} {
		if got := sums(extractLines(t, text(c.parts))); !maps.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.parts, got, c.want)
		}
	}
}

// The procurement's parts by kind in a sentence of their own after the
// one naming the kinds, far from the amount's, are read where all three are
// stated and add up to the amount; otherwise they are not, and one
// misprint keeping them from it leaves them as sum claims (two digits off
// none).
func TestProcurementKindsLater(t *testing.T) {
	text := func(services string) string {
		return "某局2023年部门预算\n2023年政府采购预算17000元,同比增加17000元。其中:政府集中采购预算17000元。\n按政府采购资金类型划分,一般公共预算拨款17000元。\n" +
			"按政府采购项目类型,分为货物类采购、工程类采购和\n服务类采购三种类型。其中:货物类采购10000元,占政府采购预算58.8%;工程类采购0元,占政府采购预算0%;服务类采购" + services + "元,占政府采购预算41.2%。"
	}
	d := extractLines(t, text("7000"))
	pr := d.Procurement
	if pr == nil || pr.Goods == nil || *pr.Goods != schema.Yuan(10000) || pr.Works == nil || *pr.Works != 0 || pr.Services == nil || *pr.Services != schema.Yuan(7000) {
		t.Fatalf("procurement %+v", pr)
	}
	// each kind's share "占政府采购预算58.8%" (no 的, no 总额)
	if !claimWith(d.Claims, "/procurement/goods", schema.ClaimSharePct, 58.8) || !claimWith(d.Claims, "/procurement/services", schema.ClaimSharePct, 41.2) {
		t.Errorf("the kinds' shares: %+v", d.Claims)
	}
	for _, c := range []struct {
		services string
		sums     int // the amount and its three parts, kept as sum claims
	}{{"8000", 4}, {"70000", 4}, {"8500", 0}} {
		d := extractLines(t, text(c.services))
		if pr := d.Procurement; pr == nil || pr.Goods != nil || pr.Services != nil {
			t.Errorf("%s: parts not adding up read: %+v", c.services, pr)
		}
		n := 0
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimSum && strings.HasSuffix(strings.TrimRight(cl.Path, "/0123456789"), "/procurement_kinds") {
				n++
			}
		}
		if n != c.sums {
			t.Errorf("%s: %d sum claims, want %d: %+v", c.services, n, c.sums, d.Claims)
		}
	}
}

// A 三公 part's own section restates its amount after its year, its fund
// and its kind ("（一）因公出国(境)费2013年度财政拨款决算数为93.87万元，占…"):
// the same amount is read as the part's (no longer "not placed"), another a
// restatement for the checks.
func TestThreePublicPartRestatedLater(t *testing.T) {
	text := func(section string) string {
		return "某办公厅2013年度部门决算\n2013年某办公厅“三公”经费财政拨款决算数为399.48万元，其中：因公出国(境)费2013年决算数93.87万元；公务用车购置及运行费2013年决算数294万元，全部为公务用车运行费；公务接待费2013年决算数11.61万元。\n" +
			"(一)因公出国(境)费2013年度财政拨款决算数为" + section + "万元，占“三公”经费财政拨款决算总数的23.5%。"
	}
	d := extractLines(t, text("93.87"))
	for _, w := range d.Warnings {
		if w.Line == 3 {
			t.Errorf("the restatement not read: %+v", w)
		}
	}
	d = extractLines(t, text("98.87"))
	found := false
	for _, c := range d.Claims {
		found = found || c.Path == "/three_public/overseas_travel" && c.Kind == schema.ClaimAmount && c.Value == 988700 && c.Line == 3
	}
	if !found || d.ThreePublic == nil || d.ThreePublic.OverseasTravel == nil || d.ThreePublic.OverseasTravel.Amount != schema.Yuan(938700) {
		t.Errorf("a restatement of another amount: %+v, claims %+v", d.ThreePublic, d.Claims)
	}
}

// The parts' changes listed after 其中 right after a whole's change, in its
// sentence or the next (up to its 。 or the next heading's line, a period
// before it aside),
// are kept as signed sum claims on
// /text/<line>/change_parts where they make the whole's change or one
// misprint changed back would; a list of amounts with their own changes, or
// one that makes another amount, gives none.
func TestChangeParts(t *testing.T) {
	sums := func(text string) map[string]float64 {
		out := map[string]float64{}
		for _, c := range extractLines(t, "某医院2017年部门决算公开信息\n2017年总收入6628.72万元，其中：财政补助收入2339.68万元，事业收入4131.31万元，其他收入157.74万元。\n"+text).Claims {
			if c.Kind == schema.ClaimSum {
				out[c.Path[strings.Index(c.Path, "/change_parts"):]] = c.Value
			}
		}
		return out
	}
	whole := "相比2016年的总收入减少243.10万元，下降3.54%。其中，"
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{whole + "财政补助收入减少660.26万元；事业收入增长376.28万元，其他收入增长40.89万元。",
			map[string]float64{"/change_parts": -2431000, "/change_parts/1": -6602600, "/change_parts/2": 3762800, "/change_parts/3": 408900}},
		// in the same sentence, one digit misprinted: kept
		{"相比2016年的总收入减少243.10万元，下降3.54%，其中：财政补助收入减少660.26万元；事业收入增长316.28万元，其他收入增长40.89万元。",
			map[string]float64{"/change_parts": -2431000, "/change_parts/1": -6602600, "/change_parts/2": 3162800, "/change_parts/3": 408900}},
		// no 。 before the next section's heading, or an ASCII period
		{whole + "财政补助收入减少660.26万元；事业收入增长376.28万元，其他收入增长40.89万元\n三、支出决算情况说明\n2017年总支出7778.55万元。",
			map[string]float64{"/change_parts": -2431000, "/change_parts/1": -6602600, "/change_parts/2": 3762800, "/change_parts/3": 408900}},
		{whole + "财政补助收入减少660.26万元；事业收入增长376.28万元，其他收入增长40.89万元.\n三、支出决算情况说明\n2017年总支出7778.55万元。",
			map[string]float64{"/change_parts": -2431000, "/change_parts/1": -6602600, "/change_parts/2": 3762800, "/change_parts/3": 408900}},
		// the main parts only
		{whole + "财政补助收入减少660.26万元；事业收入增长376.28万元。", map[string]float64{}},
		// each part's own amount before its change: no list of changes
		{whole + "财政补助收入2339.68万元，减少660.26万元；事业收入4131.31万元，增长376.28万元。", map[string]float64{}},
	} {
		if got := sums(c.text); !maps.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.text, got, c.want)
		}
	}
}

// The 三公's total stated again in words that would have given it is read
// as the total's (no longer "not placed"), or kept as a restatement where
// it differs; a budget stated in a 决算, or a total with 会议费 and 培训费,
// is no restatement.
func TestThreePublicTotalRestated(t *testing.T) {
	text := func(again string) string {
		return "某办公厅2013年度部门决算\n2013年某办公厅“三公”经费财政拨款决算数为399.48万元，比上年减少40.52万元。\n" + again
	}
	restated := func(d *schema.Document) []float64 {
		var out []float64
		for _, c := range d.Claims {
			if c.Path == "/three_public" && c.Kind == schema.ClaimAmount {
				out = append(out, c.Value)
			}
		}
		return out
	}
	d := extractLines(t, text("2013年某办公厅“三公”经费财政拨款决算数为399.48万元，其中：因公出国(境)费93.87万元。"))
	for _, w := range d.Warnings {
		if w.Line == 3 && w.Amount != nil && *w.Amount == schema.Yuan(3994800) {
			t.Errorf("the same total not read: %+v", w)
		}
	}
	if got := restated(d); len(got) != 0 {
		t.Errorf("the same total: restatements %v", got)
	}
	if got := restated(extractLines(t, text("2013年某办公厅“三公”经费财政拨款决算数为349.48万元。"))); !slices.Equal(got, []float64{3494800}) {
		t.Errorf("another total: restatements %v, want 3494800", got)
	}
	for name, again := range map[string]string{
		"a budget in a 决算": "2013年某办公厅“三公”经费财政拨款预算数为440万元。",
		"with 会议费 and 培训费": "2013年某办公厅“三公”经费、会议费和培训费决算数为500万元。",
	} {
		if got := restated(extractLines(t, text(again))); len(got) != 0 {
			t.Errorf("%s: restatements %v", name, got)
		}
	}
}

// TestOperatingCostsNoSuchItem: a unit that says it has no such item (无此项
// 内容) has no operating costs: zero.
func TestOperatingCostsNoSuchItem(t *testing.T) {
	d := extractLines(t, "某院2014年度部门决算\n此外,关于机关运行经费支出,某院为非行政或参公单位,无此项内容。\n")
	if oc := d.OperatingCosts; oc == nil || oc.Amount != 0 {
		t.Fatalf("operating_costs = %+v, want 0", oc)
	}
}

// TestShortGeneralBudgetSource: 公共预算拨款, the general budget's short
// name, is its source; the end of 一般公共预算拨款 after a spending
// subject ("“三公”经费一般公共预算拨款3.81万元") is none.
func TestShortGeneralBudgetSource(t *testing.T) {
	d := extractLines(t, "某局2016年部门预算\n2016年收入预算总计404.77万元,其中公共预算拨款404.77万元。\n")
	if src := d.Revenue.Sources; len(src) != 1 || src[0].Name != "一般公共预算" || src[0].Amount != schema.Yuan(4047700) {
		t.Errorf("sources = %+v, want 一般公共预算 4047700", src)
	}
	d = extractLines(t, "某镇2017年度部门决算\n2017年度收入总计50万元。\n八、“三公”经费支出决算情况2017年度“三公”经费一般公共预算拨款3.81万元,同比增长14%。\n")
	if src := d.Revenue.Sources; len(src) != 0 {
		t.Errorf("sources = %+v, want none", src)
	}
}

// TestClassAfterListWord: a 类 right after the word opening its list (包括,
// 其中) is read, the first of the list as the others.
func TestClassAfterListWord(t *testing.T) {
	for _, w := range []string{"包括", "其中"} {
		d := extractLines(t, "某校2026年单位预算\n支出总计2,376.32万元,"+w+"教育支出1,654.55万元、社会保障和就业支出308.79万元、卫生健康支出228.12万元、住房保障支出184.87万元。\n")
		var codes []string
		for _, c := range d.Expenditure.ByFunction {
			codes = append(codes, c.Code)
		}
		if strings.Join(codes, " ") != "205 208 210 221" {
			t.Errorf("%s: classes %v, want 205 208 210 221", w, codes)
		}
	}
}

// TestAdjustedComparison: a change stated after a factor is taken out
// (剔除该项因素) is another figure's, not the 三公's own: it neither
// contradicts the stated change nor is read as one.
func TestAdjustedComparison(t *testing.T) {
	d := extractLines(t, "某省2015年度部门决算\n2015年“三公”经费决算支出5亿元,比上年减少3.3亿元,下降39.8%。\n“三公”经费降幅较大的主要原因是部门下划,剔除该项因素,“三公”经费同比下降8.3%。\n")
	var pcts []float64
	for _, c := range d.Claims {
		if c.Path == "/three_public" && c.Kind == schema.ClaimChangePct {
			pcts = append(pcts, c.Value)
		}
	}
	if len(pcts) != 1 || pcts[0] != -39.8 {
		t.Errorf("the 三公's change percentages %v, want [-39.8]", pcts)
	}
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			t.Errorf("check %s: %s", c.Rule, c.MessageEn)
		}
	}
}

// A 决算's figure compared with its own budget ("决算数为399.48万元，比2013年
// 年初预算数减少40.52万元，下降9.2%"; "与2021年度预算相比无变化") states its
// difference from the budget, not a change against the prior year; a
// budget's comparison with the prior year's budget is a change.
func TestBudgetChange(t *testing.T) {
	claims := func(text string) map[string]float64 {
		out := map[string]float64{}
		for _, cl := range extractLines(t, text).Claims {
			out[cl.Path+":"+cl.Kind] = cl.Value
		}
		return out
	}
	got := claims("国务院某部门2013年度部门决算\n2013年“三公”经费财政拨款决算数为399.48万元，比2013年年初预算数减少40.52万元，下降9.2%。\n")
	if want := map[string]float64{"/three_public:budget_change": -405200, "/three_public:budget_change_pct": -9.2}; !maps.Equal(got, want) {
		t.Errorf("against the year's budget: %v, want %v", got, want)
	}
	got = claims("某区某局2021年度部门决算\n“三公”经费支出决算为2.48万元，与2021年度预算相比无变化。\n")
	if want := map[string]float64{"/three_public:budget_change": 0}; !maps.Equal(got, want) {
		t.Errorf("unchanged against the budget: %v, want %v", got, want)
	}
	// against the budget, then against the year before: both kept
	got = claims("某院2014年度部门决算\n2014年“三公”经费支出决算数为7926.14万元，比2014年度预算数减少1485.38万元，比2013年度决算数8750.27万元减少824.13万元。\n")
	if want := map[string]float64{"/three_public:budget_change": -14853800, "/three_public:change": -8241300}; !maps.Equal(got, want) {
		t.Errorf("against the budget and the year before: %v, want %v", got, want)
	}
	// the budget's difference and its rate, then the year before's: the
	// rate's clause goes on with the budget's comparison
	got = claims("某镇2021年“三公”经费决算汇总情况\n2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元,下降54.65%, 较上年支出数减少0.71万元,下降7.83%。\n")
	if want := map[string]float64{"/three_public:budget_change": -109300, "/three_public:budget_change_pct": -54.65,
		"/three_public:change": -7100, "/three_public:change_pct": -7.83}; !maps.Equal(got, want) {
		t.Errorf("against the budget with its rate, and the year before: %v, want %v", got, want)
	}
	// no budget stated: the completion rate and the excess over the budget
	// beside it, both, or neither
	const beside = "某幼儿园2017年度部门决算\n本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;完成年初预算100%,决算数大于预算数55.93万元,主要原因:工资调标。\n"
	got = claims(beside)
	if got["/expenditure/general:execution_pct"] != 100 || got["/expenditure/general:budget_change"] != 559300 {
		t.Errorf("the completion rate beside the excess: %v, want execution_pct 100 and budget_change 559300", got)
	}
	for name, text := range map[string]string{
		"no excess stated":       strings.Replace(beside, ",决算数大于预算数55.93万元", "", 1),
		"another figure between": strings.Replace(beside, ";完成年初预算100%", ";项目支出完成年初预算100%", 1),
	} {
		if got := claims(text); got["/expenditure/general:execution_pct"] != 0 || got["/expenditure/general:budget_change"] != 0 {
			t.Errorf("%s: %v", name, got)
		}
	}
	got = claims("某区某局2021年部门预算\n“三公”经费预算为2.48万元，比2020年预算减少1.2万元。\n")
	if want := map[string]float64{"/three_public:change": -12000}; !maps.Equal(got, want) {
		t.Errorf("a budget against the prior year's: %v, want %v", got, want)
	}
}

// A sentence that names a figure without its amount and compares it
// ("2017年“三公”经费预算数较2016年“三公”经费预算数增加0.11万元,增长6%")
// states its change, and the rate in the clause right after the change;
// a clause after that names another figure is that one's.
func TestComparedRate(t *testing.T) {
	const text = "某中学2017年“三公”经费预算情况说明\n某中学2017年“三公”经费财政拨款预算安排4.97万元。2017年“三公”经费预算数较2016年“三公”经费预算数增加0.11万元,增长6%。\n"
	got := map[string]float64{}
	for _, cl := range extractLines(t, text).Claims {
		got[cl.Path+":"+cl.Kind] = cl.Value
	}
	if want := map[string]float64{"/three_public:change": 1100, "/three_public:change_pct": 6}; !maps.Equal(got, want) {
		t.Errorf("the change and its rate: %v, want %v", got, want)
	}
	got = map[string]float64{}
	for _, cl := range extractLines(t, strings.Replace(text, ",增长6%", ",公务接待费增长6%", 1)).Claims {
		got[cl.Path+":"+cl.Kind] = cl.Value
	}
	if _, ok := got["/three_public:change_pct"]; ok {
		t.Errorf("another figure's rate read as the total's: %v", got)
	}
}

// A template's direction left open ("减少(增加)0.11万元,同比下降(增加)6%")
// is chosen by the figures: against a prior year stated before it, the
// amount's side of it; else the one direction for which the rate after it
// agrees within the rounding — or, where neither does, the nearer, so that
// yoy.change_pct reports the rate. Both fitting, or no rate, says nothing.
func TestOpenDirection(t *testing.T) {
	const text = "某中学2017年“三公”经费预算情况说明\n某中学2017年“三公”经费财政拨款预算安排4.97万元,其中:安排因公出国(境)费0万元,公务用车购置及运行费3万元,公务接待费1.97万元。" +
		"2017年“三公”经费预算数较2016年“三公”经费预算数减少(增加)0.11万元,同比下降(增加)6%。\n" +
		"二、公务接待费 2017年某中学拟安排公务接待费预算1.97万元,较2016年的1.86万元增加(减少)0.11万元,主要是由于学校工作导致增加(减少)。\n"
	const reception = "/three_public/reception:change"
	for name, c := range map[string]struct {
		text string
		want map[string]float64
	}{
		"no direction fits the rate": {text, map[string]float64{"/three_public:change": 1100, "/three_public:change_pct": 6, reception: 1100}},
		"the rate fits a rise":       {strings.Replace(text, "6%", "2.4%", 1), map[string]float64{"/three_public:change": 1100, "/three_public:change_pct": 2.4, reception: 1100}},
		"the rate fits a fall":       {strings.Replace(text, "6%", "2.0%", 1), map[string]float64{"/three_public:change": -1100, "/three_public:change_pct": -2, reception: 1100}},
		"the rate fits both":         {strings.Replace(text, "6%", "2.20%", 1), map[string]float64{reception: 1100}},
		"no rate":                    {strings.Replace(text, ",同比下降(增加)6%", "", 1), map[string]float64{reception: 1100}},
	} {
		got := map[string]float64{}
		for _, cl := range extractLines(t, c.text).Claims {
			if cl.Kind == schema.ClaimChange || cl.Kind == schema.ClaimChangePct {
				got[cl.Path+":"+cl.Kind] = cl.Value
			}
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}

// A sentence saying the year bought no vehicle (无新购车辆, 没有购置公务用
// 车) states the vehicles' purchase at 0 where the operation is stated
// alone; another year's (上年, 2014年) says nothing of this one's.
func TestNoVehiclePurchase(t *testing.T) {
	const text = "某单位2015年部门决算\n2015年部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元,车辆运行费28.91万元,因公出国(境)费0万元。\n" +
		"2015年度单位公务用车保有量为2辆,无新购车辆。公务用车运行维护费28.91万元。\n"
	for name, c := range map[string]struct {
		text string
		zero bool
	}{
		"the year's":       {text, true},
		"the year before":  {strings.Replace(text, ",无新购车辆", ",上年无新购车辆", 1), false},
		"another year":     {strings.Replace(text, "2015年度单位公务用车保有量为2辆,无新购车辆", "2014年无新购车辆", 1), false},
		"no such sentence": {strings.Replace(text, ",无新购车辆", "", 1), false},
	} {
		tp := extractLines(t, c.text).ThreePublic
		if got := tp != nil && tp.VehiclePurchase != nil && tp.VehiclePurchase.Amount == 0; got != c.zero {
			t.Errorf("%s: the vehicles' purchase read as 0: %v, want %v", name, got, c.zero)
		}
	}
}

// "无增减" states a figure unchanged as "无变化" does: against the prior
// year a change of 0, so that yoy.parts_change can add up the 三公's parts'
// changes against the total's (here 0 + 0 − 1.00 against −0.50), and
// against the year's budget in a 决算 a difference of 0.
func TestNoIncreaseOrDecrease(t *testing.T) {
	d := extractLines(t, "某乡2023年部门预算\n2023年“三公”经费预算6.50万元，比上年减少0.50万元。其中：因公出国（境）费用0万元，较上年无增减；公务接待费0.50万元，较上年无增减；公务用车运行维护费6.00万元，比上年减少1.00万元。\n")
	got := map[string]float64{}
	for _, cl := range d.Claims {
		got[cl.Path+":"+cl.Kind] = cl.Value
	}
	want := map[string]float64{"/three_public:change": -5000, "/three_public/overseas_travel:change": 0, "/three_public/reception:change": 0, "/three_public/vehicle_operation:change": -10000}
	if !maps.Equal(got, want) {
		t.Errorf("parts unchanged against the prior year: %v, want %v", got, want)
	}
	d = extractLines(t, "某区某局2021年度部门决算\n“三公”经费支出决算为2.48万元，与2021年度预算相比无增减。\n")
	if len(d.Claims) != 1 || d.Claims[0].Path != "/three_public" || d.Claims[0].Kind != "budget_change" || d.Claims[0].Value != 0 {
		t.Errorf("unchanged against the budget: %v, want /three_public budget_change 0", d.Claims)
	}
}

// A 决算's part restated after its budget states its completion rate
// there: "公务接待费预算为1.00万元，支出决算为0.53万元，完成预算的47%" is the
// reception's, though its amount was read before.
func TestRestatedExecution(t *testing.T) {
	d := extractLines(t, "某局2023年度部门决算\n“三公”经费支出决算为1.71万元，其中：公务接待费支出决算0.53万元，公务用车购置及运行维护费支出决算1.18万元。\n1.公务接待费预算为1.00万元，支出决算为0.53万元，完成预算的47%。\n")
	var got []string
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimExecutionPct {
			got = append(got, cl.Path+":"+strconv.FormatFloat(cl.Value, 'f', -1, 64))
		}
	}
	if want := []string{"/three_public/reception:47"}; !slices.Equal(got, want) {
		t.Errorf("completion rates: %v, want %v", got, want)
	}
}

// A source stated first with its change and again, in the revenue's
// section, with its share: the share is read from the second statement.
func TestSourceShareRestated(t *testing.T) {
	d := extractLines(t, "某省某局2018年部门预算\n一、收支预算总体情况说明\n收入预算总计1000万元。其中：一般公共预算收入990万元，与上年相比增加90万元，增长10%。其他资金收入10万元。\n"+
		"二、收入预算情况说明\n本年收入预算合计1000万元，其中：一般公共预算收入990万元，占99%；其他资金10万元，占1%。\n")
	var general string
	for i, s := range d.Revenue.Sources {
		if s.Name == "一般公共预算" {
			general = "/revenue/sources/" + strconv.Itoa(i)
		}
	}
	if general == "" || !claimWith(d.Claims, general, schema.ClaimSharePct, 99) || !claimWith(d.Claims, general, schema.ClaimChange, 900000) {
		t.Errorf("sources %+v claims %+v", d.Revenue.Sources, d.Claims)
	}
}

// A 三公 page without its title that sets what the year spent against its
// 年初预算 is a 决算 (no budget states its own year's outturn), and the
// total and parts restated beside their 年初预算 give the budgeted figures.
func TestThreePublicAgainstInitialBudget(t *testing.T) {
	text := "一、“三公”经费财政拨款支出总体情况说明。\n" +
		"2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年减少0.03万元;其中:因公出国(境)支出0万元;公务用车购置支出0万元;公务用车运行维护费用支出0万元;公务接待费支出2.05万元。\n" +
		"二、“三公”经费财政拨款支出与年初预算对比情况。\n" +
		"2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,年初预算为2.95万元,差值为0.9万元。其中:公务用车运行维护费支出0万元,年初预算为0.95万元,差值为0.95万元;公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元。\n"
	d := extractLines(t, text)
	if d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("kind %q", d.Document.Kind)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(29500) || tp.Reception == nil || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(20000) ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Budgeted == nil || *tp.VehicleOperation.Budgeted != schema.Yuan(9500) {
		t.Errorf("three public %+v", tp)
	}
	// the budget's own statement of its year tells no kind
	if k := statedKind("2018年度本部门“三公”经费预算2.95万元,年初预算为2.95万元。", 2018); k != "" {
		t.Errorf("a budget's statement: kind %q", k)
	}
	if k := statedKind("2018年度本部门“三公”经费支出2.05万元,年初预算为2.95万元。", 2018); k != schema.KindFinalAccounts {
		t.Errorf("the outturn against the initial budget: kind %q", k)
	}
}

// An older template's 专项项目 are the projects: "部门专项项目预算74000.00元"
// beside its 基本支出预算, the two making the total.
func TestSpecialProjects(t *testing.T) {
	d := extractLines(t, "某县某镇人民政府2018年部门预算情况的说明\n二、预算情况说明\n某镇人民政府2018年部门预算收入总数8105563.00元。\n"+
		"部门基本支出预算7031563.00元,其中:人员支出5901832.00元,公用支出1129731.00元。\n部门专项项目预算74000.00元(明细项目见附表)。\n")
	if p := d.Expenditure.Project; p == nil || p.Amount != schema.Yuan(74000) {
		t.Errorf("project: %+v", p)
	}
}

// A whole's change whose reason names its parts' changes ("支出预算较2024年
// 减少62.54万元,主要是基本支出预算减少35.51万元,项目支出预算减少27.03万元"):
// each part's change is the part's, none the whole's again.
func TestReasonPartsChanges(t *testing.T) {
	d := extractLines(t, "某县某小学2025年单位预算情况说明\n二、单位收支总体情况\n(二)支出预算:2025年年初预算数735.09万元,其中:教育支出预算488.75万元。"+
		"支出预算较2024年减少62.54万元,主要是基本支出预算减少35.51万元,项目支出预算减少27.03万元。\n三、单位预算情况说明\n2025年基本支出695.37万元,项目支出39.72万元。\n")
	changes := map[string][]float64{}
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimChange {
			changes[c.Path] = append(changes[c.Path], c.Value)
		}
	}
	if !slices.Equal(changes["/expenditure"], []float64{-625400}) || !slices.Equal(changes["/expenditure/basic"], []float64{-355100}) || !slices.Equal(changes["/expenditure/project"], []float64{-270300}) {
		t.Errorf("changes: %v", changes)
	}
}

// A procurement stated under its own heading without the label ("五、政府采购" /
// "2015年度我校采购礼堂椅及办公设备购置,金额217800元。") is read; a sentence
// there of two amounts, or of one not after 金额, is not.
func TestProcurementUnderHeading(t *testing.T) {
	head := "某县党校2015年部门决算公开\n一、单位主要职能\n负责轮训干部。\n五、政府采购\n"
	d := extractLines(t, head+"2015年度我校采购礼堂椅及办公设备购置,金额217800元。\n")
	if d.Procurement == nil || d.Procurement.Amount != schema.Yuan(217800) {
		t.Errorf("procurement: %+v", d.Procurement)
	}
	for _, s := range []string{"2015年度我校采购礼堂椅,金额217800元,办公设备金额1000元。\n", "2015年度我校采购礼堂椅及办公设备购置217800元。\n"} {
		if d := extractLines(t, head+s); d.Procurement != nil {
			t.Errorf("%q: procurement %+v", s, d.Procurement)
		}
	}
}

// A sentence of one fund's totals ("一般公共预算收入总计…，本年支出…，年末
// 结转和结余…") states that fund's figures, not the department's: its 本年
// 支出 is no current year's spending of all funds.
func TestOneFundsTotals(t *testing.T) {
	checkWordings(t, []wording{
		{name: "the general budget's", text: "某某市某小学2018年度部门决算\n" +
			"2018年度总支出1095.67万元,年末结转和结余164.61万元。\n" +
			"二、2018年度一般公共预算收入支出决算情况\n" +
			"2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,年末结转和结余30.65万元。\n",
			want:   map[string]float64{"/expenditure/carried_forward": 1646100},
			absent: []string{"/expenditure/current_year"}},
	})
}

// The year's 总收入 and 总支出 stated bare right after the year ("2016年总收入
// 40724.80万元", "2018年度决算总支出1095.67万元比2017年度决算总支出1060.87
// 万元增加…") are the year's totals, the year before's beside them its prior year.
func TestYearsBareGrandTotals(t *testing.T) {
	checkWordings(t, []wording{
		{name: "总收入 and 总支出", text: "某某州中医医院2016年部门决算\n三、收入情况\n2016年总收入40724.80万元,与去年同期相比增加1186.67万元。\n四、支出情况\n1、总支出情况:2016年总支出40976.5万元,与去年同期相比增加了3484.8万元。\n",
			want: map[string]float64{"/revenue/total": 407248000, "/expenditure/total": 409765000}},
		{name: "决算总收入 with the year before's", text: "某某市某小学2018年度部门决算\n2018年度决算总收入1244.27万元,比2017年度决算总收入1058.51万元增加了185.76万元。\n",
			want: map[string]float64{"/revenue/total": 12442700, "/revenue/prior_year": 10585100}},
		// a part's 总收入 is not the year's: the year does not open it
		{name: "a part's", text: "某某市某小学2018年度部门决算\n其中:事业单位总收入1244.27万元。\n",
			absent: []string{"/revenue/total"}},
		// beside the year's figures read (本年收入, 本年支出): the bare total
		// is taken where it is what they and the amounts carried make, the
		// year opening the pair (…总收入…。比上年增长33%。总支出…)
		{name: "beside the year's", text: yearsBare("488.93", "488.80", ""),
			want: map[string]float64{"/revenue/total": 4889300, "/expenditure/total": 4888000, "/revenue/current_year": 4889300}},
		{name: "beside the year's, one line", text: strings.ReplaceAll(yearsBare("488.93", "488.80", ""), "\n", " ") + "\n",
			want: map[string]float64{"/revenue/total": 4889300, "/expenditure/total": 4888000}},
		{name: "beside the year's and the carried", text: yearsBare("500.00", "500.00", "年初结转和结余11.07万元,年末结转和结余11.20万元。"),
			want: map[string]float64{"/revenue/total": 5000000, "/expenditure/total": 5000000, "/expenditure/carried_forward": 112000}},
		{name: "another figure", text: yearsBare("500.00", "490.00", ""),
			want:   map[string]float64{"/revenue/current_year": 4889300, "/expenditure/current_year": 4888000},
			absent: []string{"/revenue/total", "/expenditure/total"}},
		// the spending's label after another amount is not the pair's
		{name: "not the pair", text: strings.Replace(yearsBare("488.93", "488.80", ""), "比上年增长33%", "比上年增加12.00万元", 1),
			want: map[string]float64{"/revenue/total": 4889300}, absent: []string{"/expenditure/total"}},
	})
}

// yearsBare is a 决算 that states its year's totals bare (2017年总收入 rev
// …总支出 exp) and its year's figures (本年收入 488.93, 本年支出 488.80).
func yearsBare(rev, exp, carried string) string {
	return "某县某幼儿园2017年度部门决算\n(一)2017年度收入支出决算总体情况\n2017年总收入" + rev + "万元。比上年增长33%。总支出" + exp + "万元,比上年增长33%。\n" +
		"(二)2017年度收入决算情况\n2017年本年收入488.93万元,其中财政拨款收入488.93万元。" + carried + "\n(三)2017年度支出决算情况\n2017年本年支出488.80万元。\n"
}

// A budget that states the year before's 三公 outturn in a sentence of its
// own (…2013年“三公”经费财政拨款执行数为71.54亿元) gives it as the total's
// prior year; its change (执行数减少…) and a 决算's are not.
func TestThreePublicPriorOutturn(t *testing.T) {
	const own = "2014年中央本级“三公”经费财政拨款预算71.51亿元。其中,因公出国(境)费19.76亿元,公务接待费10.48亿元,公务用车购置及运行费41.27亿元。\n"
	checkWordings(t, []wording{
		{name: "执行数", text: "某某2014年部门预算\n中央本级2013年“三公”经费财政拨款执行数为71.54亿元。与2013年年初预算相比,2013年“三公”经费财政拨款执行数减少8.15亿元。\n" + own,
			want: map[string]float64{"/three_public/total": 7151000000, "/three_public/prior_year": 7154000000}},
		{name: "a 决算's", text: "某某2014年部门决算\n中央本级2013年“三公”经费财政拨款执行数为71.54亿元。\n" + strings.Replace(own, "预算", "决算", 1),
			absent: []string{"/three_public/prior_year"}},
	})
}

// A class named beside the appropriations' part of the year's spending,
// the two adding up to it, is the spending of the unit's own income by
// that class, not the class's figure; a class listed under the
// appropriations' spending is one.
func TestClassBesideFundPart(t *testing.T) {
	checkWordings(t, []wording{
		{name: "split by funds", text: "某州中医医院2016年度部门决算\n2016年总支出40976.5万元，与去年同期相比增加了3484.8万元。其中:一般公共预算财政拨款支出2955万元，比去年增加了936万元;医疗卫生支出38021.5万元，较去年增加了2549.07万元。\n",
			want: map[string]float64{"/expenditure/total": 409765000}, absent: []string{"/expenditure/by_function"}},
		{name: "classes of the appropriations", text: "某县审计局2016年度部门决算\n2016年总支出300万元。其中:一般公共预算财政拨款支出200万元，主要用于:一般公共服务支出150万元，社会保障和就业支出50万元。\n",
			want: map[string]float64{"/expenditure/by_function/0/amount": 1500000, "/expenditure/by_function/1/amount": 500000}},
	})
}

// A table's title whose next line says the tables are attached apart
// (公开表格附后) holds none of them: the statement of the year's totals
// after it, read, does not make it read, nor is it found but not read.
func TestTablesAttachedApart(t *testing.T) {
	text := strings.Replace(yearsBare("488.93", "488.80", ""), "\n(一)", "\n二、某县某幼儿园2017年度部门决算表\n公开表格附后。\n三、部门决算情况说明\n(一)", 1)
	d := extractLines(t, text)
	if d.Revenue == nil || d.Revenue.Total == nil {
		t.Fatalf("the totals were not read: %+v", d.Revenue)
	}
	if c := tableCoverage(d, "二、某县某幼儿园2017年度部门决算表"); c.Status != schema.CoverageAbsent || !strings.Contains(c.Reason, "attached apart") {
		t.Errorf("coverage %+v, want absent: attached apart", c)
	}
}

// TestGeneralSplit: the split listed after the general budget
// appropriations' expenditure (其中：基本支出…，项目支出…) gives their basic
// expenditure, not all funds'; a class's split gives none.
func TestGeneralSplit(t *testing.T) {
	for _, c := range []struct {
		text string
		want *schema.Money
	}{
		{"2023年本年一般公共预算拨款支出7,034,418.94元,\n其中:基本支出7,034,418.94元,项目支出0元,具体支出预算如下:", new(schema.Money(703441894))},
		{"2023年一般公共预算拨款支出800万元,其中:基本支出600万元,项目支出200万元。", new(schema.Yuan(6000000))},
		{"2023年一般公共预算拨款支出800万元。社会保障和就业支出50万元,其中:基本支出50万元,项目支出0万元。", nil},
	} {
		d := extractLines(t, "某省某厅2023年部门预算\n"+c.text)
		if !sameMoney(d.Expenditure.GeneralBasic, c.want) || d.Expenditure.Basic != nil {
			t.Errorf("%.40q: general basic %+v, basic %+v, want %v", c.text, d.Expenditure.GeneralBasic, d.Expenditure.Basic, c.want)
		}
	}
}

// A per-head, per-vehicle or per-trip figure ("人均因公出国费用2.4万元",
// "单车运行维护费", "平均每批次…", "每人每年…") is no part's amount, nor its
// change, nor a listed part of a whole, nor one of a list's 分别为: before
// or after the amount, or alone, it is left out.
func TestPerUnitFigures(t *testing.T) {
	const budget, final = "某县林业局2019年部门预算\n2019年“三公”经费预算为30万元", "某县林业局2019年度部门决算\n2019年度“三公”经费财政拨款支出决算为30万元"
	parts := map[string]float64{"/three_public/total": 300000, "/three_public/overseas_travel/amount": 120000,
		"/three_public/reception/amount": 80000, "/three_public/vehicle_operation/amount": 100000}
	none := []string{"/three_public/overseas_travel", "/three_public/reception", "/three_public/vehicle_operation"}
	claims := []string{"/three_public/overseas_travel:amount", "/three_public/reception:amount", "/three_public/vehicle_operation:amount",
		"/three_public/overseas_travel:change", "/operating_costs:amount", "/text/2/listed:sum"}
	checkWordings(t, []wording{
		{name: "after", text: budget + "，其中：因公出国（境）费12万元，人均因公出国费用2.4万元；公务接待费8万元，平均每批次接待费用0.3万元；公务用车运行维护费10万元，车均运行费1.2万元。\n",
			want: parts, noClaims: claims},
		{name: "before", text: budget + "，其中：人均因公出国费用2.4万元，因公出国（境）费12万元；平均每批次公务接待费0.3万元，公务接待费8万元；单车运行维护费1.2万元，公务用车运行维护费10万元。\n",
			want: parts, noClaims: claims},
		{name: "alone", text: budget + "。人均因公出国（境）费2.4万元。车均公务用车运行维护费1.2万元。单车运行维护费1.2万元。平均每批次公务接待费0.3万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: none},
		{name: "after the label", text: budget + "。因公出国（境）费人均2.4万元；公务接待费每批次0.3万元；公务用车运行维护费每车1.2万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: none},
		{name: "决算 after", text: final + "，其中：因公出国（境）费支出决算12万元，人均因公出国（境）费2.4万元；公务接待费支出决算8万元，次均公务接待费0.3万元；公务用车购置及运行维护费支出决算10万元，其中公务用车运行维护费10万元，单车运行维护费1.2万元。\n",
			want: parts, noClaims: claims},
		{name: "决算 alone", text: final + "。人均因公出国（境）费支出决算2.4万元，比上年减少0.2万元。每人每年公务接待费0.3万元。单车公务用车运行维护费支出决算1.2万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: none, noClaims: claims},
		{name: "分别", text: budget + "。因公出国（境）费、公务接待费人均分别为2.4万元、0.3万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: none},
		{name: "分别 after 人均", text: budget + "。人均因公出国（境）费、公务接待费分别为2.4万元、0.3万元。\n",
			want: map[string]float64{"/three_public/total": 300000}, absent: none},
		{name: "a per-head total", text: "某县林业局2019年部门预算\n2019年人均“三公”经费2.4万元。\n", absent: []string{"/three_public"}},
		{name: "机关运行经费 after", text: "某县林业局2019年度部门决算\n2019年度本部门机关运行经费支出123.45万元，人均机关运行经费2.1万元。\n",
			want: map[string]float64{"/operating_costs/amount": 1234500}, noClaims: claims},
		{name: "机关运行经费 alone", text: "某县林业局2019年度部门决算\n2019年度本部门人均机关运行经费2.1万元。\n", absent: []string{"/operating_costs"}},
	})
}

// TestClassItemSplit: the basic expenditure of an item of a numbered list
// by class, named alone ("1. 政府办公厅(室)及相关事务5,631万元,其中:基本支出
// 3,931万元"), is the class's, no restatement of the department's.
func TestClassItemSplit(t *testing.T) {
	checkWordings(t, []wording{
		{name: "numbered classes", text: "某局2011年部门预算\n2011年总支出6,198万元,基本支出4,453万元;项目支出1,745万元。按政府支出功能分类科目划分为:\n" +
			"1. 政府办公厅(室)及相关事务5,631万元,其中:基本支出3,931万元;项目1,745万元。\n2. 行政事业单位离退休522万元,其中:基本支出522万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 44530000}, noClaims: []string{"/expenditure/basic:amount"}},
		{name: "a numbered total", text: "某局2011年部门预算\n2011年总支出6,198万元,基本支出4,453万元;项目支出1,745万元。\n1. 支出预算6,198万元,其中:基本支出4,435万元。\n",
			want: map[string]float64{"/expenditure/basic/amount": 44530000}},
	})
	d := extractLines(t, "某局2011年部门预算\n2011年总支出6,198万元,基本支出4,453万元;项目支出1,745万元。\n1. 支出预算6,198万元,其中:基本支出4,435万元。\n")
	if !claimWith(d.Claims, "/expenditure/basic", schema.ClaimAmount, 44350000) {
		t.Errorf("a numbered total's split, misprinted: no claim; claims %+v", d.Claims)
	}
}

// A bare part of the cars right after their count ("其中:公务用车2辆,运行维护费
// 4万元") is the 三公's, as under the cars' whole; a bare part a sentence
// after a count names none.
func TestThreePublicCarPartAfterCount(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"——三公经费4万元。其中:公务用车2辆,运行维护费4万元,公务接待费0万元。", true},
		{"2022年“三公”经费4万元,公车保有量1辆,运行费4万元。", true},
		{"2022年“三公”经费4万元。单位共有公务用车2辆。运行费4万元用于水电。", false},
	} {
		d := extractLines(t, "某某县第二中学2022年部门预算\n"+c.text+"\n")
		tp := d.ThreePublic
		got := tp != nil && tp.VehicleOperation != nil && tp.VehicleOperation.Amount == schema.Yuan(40000)
		if got != c.want {
			t.Errorf("%q: vehicles' operation read %v, want %v (%+v)", c.text, got, c.want, tp)
		}
	}
}

// A part stated with its share and then unchanged ("公务接待费2万元,占36%,和上年
// 持平"): 持平 is its change, 0, where a percentage after a share may be the
// share's own.
func TestFlatAfterShare(t *testing.T) {
	d := extractLines(t, "某局2017年部门预算\n2017年财政拨款“三公”经费支出合计5.6万元,比上年减少1.4万元。其中:公务用车运行维护费3.6万元,占64%,比上年减少1.4万元,公务接待费2万元,占36%,和上年持平。\n")
	if !claimWith(d.Claims, "/three_public/reception", schema.ClaimChange, 0) {
		t.Errorf("reception: no change of 0 among %+v", d.Claims)
	}
	if !claimWith(d.Claims, "/three_public/reception", schema.ClaimSharePct, 36) {
		t.Errorf("reception: its share lost: %+v", d.Claims)
	}
}

// TestRestatedThreePublicChange: the 三公's total stated first alone (a
// story's lead, a headline rounded), then again with its change: the
// change after the restatement is the total's, so the parts' changes are
// compared with it.
func TestRestatedThreePublicChange(t *testing.T) {
	lead := "某局2013年部门预算\n某局公布2013年“三公经费”预算,“三公经费”财政拨款预算总额为291.57万元。\n" +
		"2013年“三公经费”财政拨款预算291.57万元,比2012年“三公经费”财政拨款预算减少128.34万元。\n"
	headline := "某联合会今年三公经费预算850万\n中新网4月19日电 据某联合会网站消息,某联合会18日公布,2013年“三公经费”财政拨款预算为850.55万元,比2012年预算数减少138.52万元。\n"
	for name, c := range map[string]struct {
		text string
		want float64
	}{
		"restated exactly":           {lead, -1283400},
		"a headline, then the exact": {headline, -1385200},
	} {
		if d := extractLines(t, c.text); !claimWith(d.Claims, "/three_public", schema.ClaimChange, c.want) {
			t.Errorf("%s: no change %v of the 三公 among %+v", name, c.want, d.Claims)
		}
	}
}

// TestComparedBoth: amounts joined by 和 and followed by 均 and one
// comparison ("分别为0.34亿元和4.23亿元,均与去年持平") each take it; an amount
// after which another figure's comparison follows does not.
func TestComparedBoth(t *testing.T) {
	const head = "某省2015年部门预算\n2015年“三公”经费预算总额为5.55亿元,较2014年减少0.43亿元。"
	d := extractLines(t, head+"其中,公务接待费0.98亿元;因公出国(境)经费与公务用车购置及运行维护费分别为0.34亿元和4.23亿元,均与去年持平。\n")
	if !claimWith(d.Claims, "/three_public/overseas_travel", schema.ClaimChange, 0) || !claimWith(d.Claims, "/three_public/vehicle", schema.ClaimChange, 0) {
		t.Errorf("both flat: %+v", d.Claims)
	}
	d = extractLines(t, head+"其中,公务接待费0.98亿元;因公出国(境)经费与公务用车购置及运行维护费分别为0.34亿元和4.23亿元,后者与去年持平。\n")
	if claimWith(d.Claims, "/three_public/overseas_travel", schema.ClaimChange, 0) {
		t.Errorf("the second's comparison given the first: %+v", d.Claims)
	}
}

// TestNumberedListRemainder: 其他支出 closing a numbered list of the
// spending's kinds (按支出项目类别: 1、基本支出…;6、其他支出0万元) is no
// functional class; the one closing the functional list is.
func TestNumberedListRemainder(t *testing.T) {
	d := extractLines(t, "某县某乡2015年部门预算\n(二)支出情况\n本年度支出预算284.45万元。\n其中:按支出项目类别:1、基本支出173.89万元;2、项目支出110.56万元;3、上缴上级支出0万元;4、其他支出0万元。\n按支出功能分类科目:一般公共服务支出141.44万元,农林水事务142.81万元;其他支出0.20万元。")
	var other *schema.ClassItem
	for i, c := range d.Expenditure.ByFunction {
		if c.Code == "229" {
			other = &d.Expenditure.ByFunction[i]
		}
	}
	if other == nil || other.Amount.Float() != 2000 {
		t.Fatalf("其他支出 %+v, want 0.20万元", other)
	}
	// a numbered functional list keeps its last class
	d = extractLines(t, "某县某乡2015年部门预算\n本年度支出预算284.45万元,按支出功能分类科目:1、一般公共服务支出141.44万元;2、农林水支出142.81万元;3、其他支出0.20万元。")
	if fn := d.Expenditure.ByFunction; len(fn) != 3 || fn[2].Code != "229" || fn[2].Amount.Float() != 2000 {
		t.Fatalf("by function %+v", fn)
	}
}

// TestCentralPublicBudgetTotals: the central departments' 公共预算收入 and
// 公共预算支出 of 2012–2014 are the totals (一般公共预算收入 is a source), the
// basic and project expenditure listed under the spending's all funds'; a
// heading's label (收入预算) takes no amount from the line after it, which
// opens with a label of its own (财政拨款收入:).
func TestCentralPublicBudgetTotals(t *testing.T) {
	d := extractLines(t, "某某协会2012年部门预算\n某某协会2012年公共预算收入18,535.28万元,其中上年结转1,037万元,占5.59%;财政拨款收入12,311.27万元,占66.42%;事业收入5,187.01万元,占27.99%。\n某某协会2012年公共预算支出18,510.28万元,其中,基本支出7314.11万元,占39.51%;项目支出11,196.17万元,占60.49%。\n收入预算\n财政拨款收入:2012年年初预算数为12,311.27万元,比2011年年初预算增加2,429.25万元,增长24.58%。")
	rev, exp := d.Revenue, d.Expenditure
	if rev.Total == nil || rev.Total.Float() != 185352800 || rev.CarriedOver == nil || rev.CarriedOver.Float() != 10370000 {
		t.Fatalf("revenue %+v", rev)
	}
	if exp.Total == nil || exp.Total.Float() != 185102800 || exp.Basic == nil || exp.Basic.Amount.Float() != 73141100 || exp.Project == nil || exp.Project.Amount.Float() != 111961700 {
		t.Fatalf("expenditure %+v", exp)
	}
	d = extractLines(t, "某某协会2012年部门预算\n收入预算\n财政拨款收入:2012年年初预算数为12,311.27万元,比2011年年初预算增加2,429.25万元,增长24.58%。")
	if d.Revenue.Total != nil {
		t.Errorf("a source's figure read as the total: %v", d.Revenue.Total)
	}
}

// TestSourceUnitMisprinted: a source stated with the same digits in two
// units (3,441.56元, restated 3,441.56万元) is left out with a warning — one
// unit is misprinted, and the figures do not tell which.
func TestSourceUnitMisprinted(t *testing.T) {
	d := extractLines(t, "某某协会2012年部门预算\n某某协会2012年公共预算收入15,752.83万元,其中财政拨款收入12,311.27万元,占78.15%;其他收入3,441.56元,占21.85%。\n收入预算\n1、财政拨款收入:2012年年初预算数为12,311.27万元。\n2、其他收入:2012年年初预算数为3,441.56万元。")
	for _, s := range d.Revenue.Sources {
		if s.Name == "其他收入" {
			t.Fatalf("其他收入 read as %v", s.Amount)
		}
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "two units") }) {
		t.Errorf("no warning of the two units: %+v", d.Warnings)
	}
}

// TestHeadedClassBudget: a budget's class named as a numbered item's heading
// with a colon, its year's budget after it (1、文化体育与传媒:2012年年初预算
// 数为…), is the class's amount — in a budget only.
func TestHeadedClassBudget(t *testing.T) {
	text := "某某协会2012年部门%s\n支出预算\n1、文化体育与传媒:2012年年初预算数为17,121.48万元,比2011年年初预算增加1,738.07万元,增长11.30%%。\n2、住房保障支出:2012年年初预算数为619万元。"
	d := extractLines(t, fmt.Sprintf(text, "预算"))
	if fn := d.Expenditure.ByFunction; len(fn) != 2 || fn[0].Code != "207" || fn[0].Amount.Float() != 171214800 || fn[1].Code != "221" || fn[1].Amount.Float() != 6190000 {
		t.Fatalf("by function %+v", fn)
	}
	if d = extractLines(t, fmt.Sprintf(text, "决算")); len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("a 决算's classes read from their budgets: %+v", d.Expenditure.ByFunction)
	}
}

// TestGrandTotalWithCarried: a budget's bare 总收入 whose parts — its
// sources, the reserve drawn to balance it (用事业基金弥补收支差额) and what
// was carried over (上年结余、结转, run into the amount before it) — add up
// on its line is the whole revenue; 财政专户拨款 is the special account's
// source.
func TestGrandTotalWithCarried(t *testing.T) {
	d := extractLines(t, "某某市某局直属系统2013年部门预算\n2013年某局直属系统总收入153,667万元,其中:财政预算内拨款(补助)收入132,724万元,财政专户拨款20,424万元,用事业基金弥补收支差额465万元上年结余、结转54万元。")
	rev := d.Revenue
	if rev.Total == nil || rev.Total.Float() != 1536670000 || rev.CarriedOver == nil || rev.CarriedOver.Float() != 540000 || rev.CurrentYear != nil {
		t.Fatalf("revenue %+v", rev)
	}
	if len(rev.Sources) != 2 || rev.Sources[1].Name != "财政专户管理资金" || rev.Sources[1].Amount.Float() != 204240000 {
		t.Errorf("sources %+v", rev.Sources)
	}
	// parts that do not make it leave it unread
	d = extractLines(t, "某某市某局直属系统2013年部门预算\n2013年某局直属系统总收入153,667万元,其中:财政预算内拨款(补助)收入132,724万元,财政专户拨款20,424万元,上年结余、结转54万元。")
	if d.Revenue.Total != nil || d.Revenue.CurrentYear != nil {
		t.Errorf("a whole its parts do not make: %+v", d.Revenue)
	}
}

// TestYearRevenueListedBelow: a 决算's 决算收入 whose sentence ends with 其中
// and whose sources follow as numbered lines, adding up to it, is the year's
// revenue; a bare 财政拨款 whose clause states its share of the year's
// revenue (占本年度收入) is a source.
func TestYearRevenueListedBelow(t *testing.T) {
	text := "2013年度某某博物馆部门决算公开\n(二)部门决算收入来源情况。决算收入4089.45万元,来源有3部分:财政拨款、事业收入和其他收入。其中:\n1、财政拨款3961.45万元(含基本建设经费1000万元),占本年度收入96.87%。其中:\n(1)文化体育与传媒(类)3945.69万元,占财政拨款99.6%。\n2、事业收入118万元,占本年度收入2.89%。\n3、其他收入10万元,占本年度收入0.24%."
	d := extractLines(t, text)
	if r := d.Revenue; r.CurrentYear == nil || r.CurrentYear.Float() != 40894500 || len(r.Sources) != 3 || r.Sources[0].Name != "财政拨款" || r.Sources[0].Amount.Float() != 39614500 {
		t.Fatalf("revenue %+v", r)
	}
	// parts that do not make it leave it unread
	d = extractLines(t, strings.Replace(text, "其他收入10万元", "其他收入20万元", 1))
	if d.Revenue.CurrentYear != nil {
		t.Errorf("a whole its parts do not make: %v", d.Revenue.CurrentYear)
	}
}

// TestFalseRestatements: what restates no figure — 其他事业收入 (a part of
// 事业收入), a 项 numbered with a half bracket (1)行政运行…,其中:基本支出…),
// and 其他支出 of the functional list read as the economic class.
func TestFalseRestatements(t *testing.T) {
	d := extractLines(t, "某某大学2016年部门预算\n事业收入:2016年某某大学事业收入预算35957.91万元。其中纳入财政专户管理的教育收费预算21037万元,其他事业收入预算14920.91万元。\n2016年总支出153,667万元,其中:基本支出113,689万元;项目支出39,978万元。\n1)行政运行1,826万元,其中:基本支出1,826万元。\n按支出功能分类科目:一般公共服务支出153,666.8万元,其他支出0.20万元。\n按支出经济分类科目:工资福利支出113,689万元,商品和服务支出39,978万元。")
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimAmount {
			t.Errorf("a restatement claimed: %+v", c)
		}
	}
	for _, c := range d.Expenditure.ByEconomic {
		if c.Code == "399" {
			t.Errorf("the functional list's 其他支出 read as an economic class: %+v", c)
		}
	}
}

// sumClaimsAt are the sum claims of a document whose whole is on path: the
// whole's value first, then each part's.
func sumClaimsAt(d *schema.Document, path string) []float64 {
	var out []float64
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimSum && (c.Path == path || c.Of == path) {
			out = append(out, c.Value)
		}
	}
	return out
}

// TestMisprintedWholeKept: a whole read only where its parts add up to it
// (决算收入 and its numbered sources, 总支出 and its basic and project
// expenditure, 总收支 and the year before's amount with the change) is not
// read where they do not; where one figure's misprint, changed back (a
// digit, a decimal point, two figures in each other's places), would make
// them add up, the whole and its parts are kept as a sum claim — the
// misprint is the finding (check rule sum.text) — and where no one
// misprint does, nothing is.
func TestMisprintedWholeKept(t *testing.T) {
	museum := "2013年度某某博物馆部门决算公开\n(二)部门决算收入来源情况。决算收入4089.45万元,来源有3部分:财政拨款、事业收入和其他收入。其中:\n1、财政拨款3961.45万元(含基本建设经费1000万元),占本年度收入96.87%。\n2、事业收入118万元,占本年度收入2.89%。\n3、其他收入10万元,占本年度收入0.24%."
	office := "某厅2011年部门预算\n2011年总收入6,198万元。\n2011年总支出6,198万元。\n某厅2011年总收支比上年减少30.7%,对比2010年预算批复数8,946万元减少了2,748万元。"
	hospital := "某医院2017年部门决算\n2017年总支出7778.55万元，其中项目支出683.20万元，基本支出7095.35万元。"
	for _, c := range []struct {
		name, text, path string
		want             []float64
	}{
		{"sources, a digit", strings.Replace(museum, "事业收入118万元", "事业收入918万元", 1), "/text/2/sources", []float64{40894500, 39614500, 9180000, 100000}},
		{"sources, scaled", strings.Replace(museum, "决算收入4089.45万元", "决算收入40894.50万元", 1), "/text/2/sources", []float64{408945000, 39614500, 1180000, 100000}},
		{"sources, two digits", strings.Replace(museum, "其他收入10万元", "其他收入35万元", 1), "/text/2/sources", nil},
		{"totals' prior year", strings.Replace(office, "8,946", "8,346", 1), "/text/4/totals", []float64{83460000, 61980000, 27480000}},
		{"totals' change", strings.Replace(office, "2,748", "2,718", 1), "/text/4/totals", []float64{89460000, 61980000, 27180000}},
		{"uses", strings.Replace(hospital, "7778.55", "7878.55", 1), "/text/2/uses", []float64{78785500, 70953500, 6832000}},
		{"uses adding up", hospital, "/text/2/uses", nil},
	} {
		d := extractLines(t, c.text)
		got := sumClaimsAt(d, c.path)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: sum claims %v, want %v (claims %+v)", c.name, got, c.want, d.Claims)
		}
		if c.want != nil && (d.Revenue.CurrentYear != nil || d.Revenue.PriorYear != nil || d.Expenditure.CurrentYear != nil) {
			t.Errorf("%s: a whole read though its parts do not make it: %+v %+v", c.name, d.Revenue, d.Expenditure)
		}
	}
	// where the sources make it, their shares (占本年度收入2.89%) are of the
	// year's revenue read after them
	d := extractLines(t, museum)
	n := 0
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimSharePct && strings.HasPrefix(c.Path, "/revenue/sources/") {
			n++
			if c.Of != "/revenue/current_year" {
				t.Errorf("a source's share of %s", c.Of)
			}
		}
	}
	if d.Revenue.CurrentYear == nil || n < 2 {
		t.Errorf("revenue %+v, %d shares", d.Revenue, n)
	}
}

// TestAppropriationHeading: a revenue list whose items are paragraphs
// headed by the source's name and a colon states the appropriations'
// amount after a clause citing its approval ("公共预算拨款:根据…文件通知,
// 某大学2016年部门预算财政拨款18777.83万元"): the bare 财政拨款 in the
// heading's first sentence is the heading's source (the general budget's
// under 公共预算拨款:); in a later sentence, or on a line with no such
// heading, it is not.
func TestAppropriationHeading(t *testing.T) {
	head := "某大学2016年部门预算\n1.2016年某大学年初部门预算收入为68158.05万元,其中:\n"
	rest := "\n事业收入:2016年某大学事业收入预算35957.91万元。\n其他收入:2016年某大学其他收入预算10422.31万元,主要包含捐赠收入。"
	for _, c := range []struct {
		name, line, want string
	}{
		{"headed", "公共预算拨款:根据《某厅关于2016年部门预算批复的通知》(某财[2016] 11号)文件通知,某大学2016年部门预算财政拨款18777.83万元,预算主要为学校包干经费预算。", "一般公共预算"},
		{"headed 财政拨款", "财政拨款:根据《某厅关于2016年部门预算批复的通知》(某财[2016] 11号)文件通知,某大学2016年部门预算财政拨款18777.83万元,预算主要为学校包干经费预算。", "财政拨款"},
		{"a later sentence", "公共预算拨款:根据某厅的通知下达。某大学2016年部门预算财政拨款18777.83万元,预算主要为学校包干经费预算。", ""},
		{"no heading", "根据《某厅关于2016年部门预算批复的通知》文件通知,某大学2016年部门预算财政拨款18777.83万元,预算主要为学校包干经费预算。", ""},
	} {
		d := extractLines(t, head+c.line+rest)
		got := ""
		for _, s := range d.Revenue.Sources {
			if s.Amount.Float() == 187778300 {
				got = s.Name
			}
		}
		if got != c.want {
			t.Errorf("%s: the appropriations read as %q, want %q (%+v)", c.name, got, c.want, d.Revenue.Sources)
		}
	}
}

// TestPartsAmountThenChange: parts listed after 其中 that each state their
// amount and then their change against the year before (the comparison
// opening the next item, or right after the amount) give both lists: the
// changes against the whole's change, the amounts against the whole's
// amount right before it — kept where they add up or one misprint explains
// them; a part whose change is not stated leaves both out.
func TestPartsAmountThenChange(t *testing.T) {
	head := "某医院2016年部门决算\n1、一般公共预算财政拨款收入2647万元,与上年同期相比减少1275万元,其中:"
	claims := func(d *schema.Document, name string) []float64 {
		return sumClaimsAt(d, "/text/2/"+name)
	}
	for _, c := range []struct {
		name, list       string
		amounts, changes []float64
	}{
		{"both", "财政基本补助收入1802万元,较去年同期减少13万元;财政项目补助收入845万元较去年同期减少1262万元。",
			[]float64{26470000, 18020000, 8450000}, []float64{-12750000, -130000, -12620000}},
		{"an amount misprinted", "财政基本补助收入1802万元,较去年同期减少13万元;财政项目补助收入865万元较去年同期减少1262万元。",
			[]float64{26470000, 18020000, 8650000}, []float64{-12750000, -130000, -12620000}},
		{"a change not stated", "财政基本补助收入1802万元,较去年同期减少13万元;财政项目补助收入845万元。", nil, nil},
	} {
		d := extractLines(t, head+c.list)
		if got := claims(d, "parts_amounts"); !slices.Equal(got, c.amounts) {
			t.Errorf("%s: amounts %v, want %v", c.name, got, c.amounts)
		}
		if got := claims(d, "change_parts"); !slices.Equal(got, c.changes) {
			t.Errorf("%s: changes %v, want %v", c.name, got, c.changes)
		}
	}
}

// A change and its percentage stated right after a part that follows 其中
// belong to the whole read before it where they agree on the whole's
// amount and not the part's; where they agree on the part's, the part's.
func TestChangeAfterPartIsWholes(t *testing.T) {
	const sentence = "某某县人民法院2020年度部门决算\n一、收入决算情况说明\n本部门2020年度收入总计3759.2万元,其中年初结转和结余1366.76万元,较2019年增加197.03万元,增加%s;本年一般公共预算财政拨款收入2392.44万元。\n"
	claimed := func(pct string) map[string]bool {
		d, err := extractText(fmt.Sprintf(sentence, pct), Hints{})
		if err != nil {
			t.Fatal(err)
		}
		paths := map[string]bool{}
		for _, c := range d.Claims {
			paths[c.Path+" "+c.Kind] = true
		}
		return paths
	}
	if paths := claimed("5.5%"); !paths["/revenue change"] || !paths["/revenue change_pct"] || paths["/revenue/carried_over change"] {
		t.Errorf("whole's: %v", paths)
	}
	if paths := claimed("16.8%"); !paths["/revenue/carried_over change"] || paths["/revenue change"] {
		t.Errorf("part's: %v", paths)
	}
}
