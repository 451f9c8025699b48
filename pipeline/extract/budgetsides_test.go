package extract

import "testing"

// A budget's revenue stated with its sources after 其中, the first of them
// the bare 财政拨款 (当年 before it at most), and the spending of the same
// amount in the same sentence: the totals, each side's, and the sources.
func TestBudgetRevenueListAndSpending(t *testing.T) {
	checkWordings(t, []wording{
		{name: "一般预算收入 with 上年结转, then 预算支出", text: "某部2011年部门预算\n一、总体收支预算\n2011年一般预算收入41804.41万元,其中:财政拨款35260.1万元,其他收入613万元,上年结转5931.31万元;预算支出41804.41万元。\n",
			want: map[string]float64{"/revenue/total": 418044100, "/expenditure/total": 418044100, "/revenue/carried_over": 59313100,
				"/revenue/sources/0/amount": 352601000, "/revenue/sources/1/amount": 6130000}},
		{name: "当年财政拨款 after 收入预算…其中", text: "某部2013年部门预算\n二、收入预算情况说明\n2013年收入预算57860.38万元,其中:当年财政拨款43308.67万元,占74.85%;其他收入200万元,占0.35%;上年结转14351.71万元,占24.80%。\n",
			want: map[string]float64{"/revenue/sources/0/amount": 433086700}},
		// a list after the spending is no revenue's
		{name: "a spending's list", text: "某部2013年部门预算\n2013年支出预算57860.38万元,其中:财政拨款43308.67万元,其他资金14551.71万元。\n",
			absent: []string{"/revenue/sources"}},
		// no 上年结转 in the list: the amounts may be one fund's, no totals
		{name: "no carried-over part", text: "某部2011年部门预算\n2011年一般预算收入41804.41万元,其中:财政拨款35260.1万元,其他收入6544.31万元;预算支出41804.41万元。\n",
			absent: []string{"/expenditure/total"}},
	})
}

// "某部2015年预算收入合计X万元,某部2015年预算支出合计X万元": the spending
// side mirrors the revenue's total in the same words, after the year.
func TestBudgetSpendingMirroringRevenue(t *testing.T) {
	checkWordings(t, []wording{
		{name: "mirrored", text: "某区群众工作部2015年部门预算\n某区群众工作部2015年预算收入合计44.4572万元,某区群工部2015年预算支出合计44.4572万元。\n",
			want: map[string]float64{"/revenue/total": 444572, "/expenditure/total": 444572}},
		// a 款's 预算支出合计 is no total
		{name: "a class's", text: "某区人民检察院2018年部门预算\n2018年部门预算收入合计500万元。\n检察(款):2018年预算支出合计300万元。\n",
			absent: []string{"/expenditure/total"}},
	})
}

// A budget's revenue said to be all of one source right after its amount
// ("均为一般预算拨款"): the source is the whole.
func TestBudgetRevenueAllOneSource(t *testing.T) {
	checkWordings(t, []wording{
		{name: "均为一般预算拨款", text: "某市某会2016年部门预算\n二、收入预算说明\n2016年收入预算约182.96万元,均为一般预算拨款。\n",
			want: map[string]float64{"/revenue/total": 1829600, "/revenue/sources/0/amount": 1829600}},
		{name: "均为财政拨款", text: "某市某局2016年部门预算\n2016年收入预算200万元,均为财政拨款。\n",
			want: map[string]float64{"/revenue/sources/0/amount": 2000000}},
		{name: "no such clause", text: "某市某局2016年部门预算\n2016年收入预算200万元,比上年增加10万元。\n",
			absent: []string{"/revenue/sources"}},
	})
}
