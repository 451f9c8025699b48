package extract

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"budgetpub/schema"
)

// statedFigures are a document's figures (every number of its revenue,
// expenditure, funds, operating costs, procurement, assets and 三公, by
// JSON pointer) and its claims of a change, a percentage change, a prior
// year or an amount ("/three_public:change"), each in yuan or percent.
func statedFigures(t *testing.T, d *schema.Document) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(ptr+"/"+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s/%d", ptr, i), x)
			}
		case float64:
			out[ptr] = v
		}
	}
	for name, part := range map[string]any{"revenue": d.Revenue, "expenditure": d.Expenditure, "government_fund": d.GovernmentFund,
		"state_capital": d.StateCapital, "operating_costs": d.OperatingCosts, "procurement": d.Procurement, "assets": d.Assets, "three_public": d.ThreePublic} {
		raw, err := json.Marshal(part)
		if err != nil {
			t.Fatal(err)
		}
		var tree any
		if err := json.Unmarshal(raw, &tree); err != nil {
			t.Fatal(err)
		}
		walk("/"+name, tree)
	}
	for _, c := range d.Claims {
		switch c.Kind {
		case schema.ClaimChange, schema.ClaimChangePct, schema.ClaimPriorYear, schema.ClaimAmount:
			out[c.Path+":"+c.Kind] = c.Value
		}
	}
	return out
}

// Short narrative sentences that put two labels' figures side by side (a
// change and a percentage of different labels, 同比/较上年/比上年 with and
// without amounts, 减少/下降/压减/增加/持平, in 元 and 万元): every figure the
// extraction gives is one the sentence states of it (right, or absent —
// never wrong). want are the figures read today, which must stay; may are
// the others the sentence states, which the reading may add.
func TestTwoLabelsNeverCrossed(t *testing.T) {
	const budget, final = "某区委办公室2024年部门预算\n2024年，", "某区委办公室2023年度部门决算\n"
	cases := []struct {
		text      string
		want, may map[string]float64
	}{
		{budget + "三公经费支出1200万元，比上年下降5%，机关运行经费压减3200万元。",
			map[string]float64{"/three_public/total": 12e6, "/three_public:change_pct": -5}, map[string]float64{"/operating_costs:change": -32e6}},
		{budget + "“三公”经费预算120万元，比上年减少10万元，下降7.7%；机关运行经费预算300万元，比上年增加20万元。",
			map[string]float64{"/three_public/total": 1.2e6, "/three_public:change": -1e5, "/three_public:change_pct": -7.7, "/operating_costs/amount": 3e6, "/operating_costs:change": 2e5}, nil},
		{budget + "机关运行经费300万元，比上年增加20万元，“三公”经费下降5%。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": 2e5}, map[string]float64{"/three_public:change_pct": -5}},
		{budget + "“三公”经费支出50万元，同比减少3万元。", map[string]float64{"/three_public/total": 5e5, "/three_public:change": -3e4}, nil},
		{budget + "“三公”经费支出50万元，较上年增加3万元，增长6.4%。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": 3e4, "/three_public:change_pct": 6.4}, nil},
		{budget + "“三公”经费支出50万元，与上年持平。", map[string]float64{"/three_public/total": 5e5, "/three_public:change": 0, "/three_public/prior_year": 5e5}, nil},
		{budget + "“三公”经费支出500000元，比上年减少30000元。", map[string]float64{"/three_public/total": 5e5, "/three_public:change": -3e4}, nil},
		{budget + "公务接待费5万元，比上年减少1万元，公务用车运行维护费10万元，比上年增加2万元。", nil,
			map[string]float64{"/three_public/reception/amount": 5e4, "/three_public/reception:change": -1e4, "/three_public/vehicle_operation/amount": 1e5, "/three_public/vehicle_operation:change": 2e4}},
		{budget + "公务接待费5万元，公务用车运行维护费比上年增加2万元。", nil,
			map[string]float64{"/three_public/reception/amount": 5e4, "/three_public/vehicle_operation:change": 2e4}},
		{budget + "因公出国（境）费0万元，与上年持平；公务接待费3万元，同比下降25%。", nil,
			map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/overseas_travel:change": 0, "/three_public/reception/amount": 3e4, "/three_public/reception:change_pct": -25}},
		{budget + "机关运行经费200万元，比上年压减10万元，主要是压减会议费。",
			map[string]float64{"/operating_costs/amount": 2e6, "/operating_costs:change": -1e5}, nil},
		{budget + "机关运行经费200万元，比上年下降5%，政府采购预算1000万元。",
			map[string]float64{"/operating_costs/amount": 2e6, "/operating_costs:change_pct": -5, "/procurement/amount": 1e7}, nil},
		{budget + "“三公”经费支出1200万元，比上年下降5%，公务接待费减少10万元。",
			map[string]float64{"/three_public/total": 12e6, "/three_public:change_pct": -5}, map[string]float64{"/three_public/reception:change": -1e5}},
		{budget + "“三公”经费支出1200万元，比上年下降5%，减少63万元。",
			map[string]float64{"/three_public/total": 12e6, "/three_public:change": -63e4, "/three_public:change_pct": -5}, nil},
		{budget + "“三公”经费支出1200万元，比上年减少63万元，下降5%。",
			map[string]float64{"/three_public/total": 12e6, "/three_public:change": -63e4, "/three_public:change_pct": -5}, nil},
		{budget + "收入总计1000万元，比上年增加100万元；支出总计1000万元，比上年增加100万元。",
			map[string]float64{"/revenue/total": 1e7, "/revenue:change": 1e6, "/expenditure/total": 1e7, "/expenditure:change": 1e6}, nil},
		{budget + "收入总计1000万元，支出总计980万元，比上年减少20万元。",
			map[string]float64{"/revenue/total": 1e7, "/expenditure/total": 9.8e6, "/expenditure:change": -2e5}, nil},
		{budget + "基本支出800万元，项目支出200万元，比上年增加50万元。",
			map[string]float64{"/expenditure/basic/amount": 8e6, "/expenditure/project/amount": 2e6, "/expenditure/project:change": 5e5}, nil},
		{budget + "“三公”经费预算数为50万元，比上年预算数减少5万元，其中：公务接待费10万元，比上年减少2万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/three_public/reception/amount": 1e5, "/three_public/reception:change": -2e4}, nil},
		{budget + "机关运行经费1,234.56万元，较上年增长3.2%。",
			map[string]float64{"/operating_costs/amount": 12345600, "/operating_costs:change_pct": 3.2}, nil},
		{budget + "“三公”经费支出45.6万元，比上年增加2.1万元，增长4.8%，主要原因是公务用车运行维护费增加。",
			map[string]float64{"/three_public/total": 456000, "/three_public:change": 21000, "/three_public:change_pct": 4.8}, nil},
		{budget + "机关运行经费支出300万元，比上年减少20万元，“三公”经费增加5万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": -2e5}, map[string]float64{"/three_public:change": 5e4}},
		{budget + "“三公”经费1200万元，同比下降5%；机关运行经费3200万元，同比增加3%。",
			map[string]float64{"/three_public/total": 12e6, "/three_public:change_pct": -5, "/operating_costs/amount": 32e6, "/operating_costs:change_pct": 3}, nil},
		{budget + "公务用车购置及运行维护费20万元，比上年下降10%，其中公务用车购置费0万元，公务用车运行维护费20万元，比上年减少2万元。", nil,
			map[string]float64{"/three_public/vehicle/amount": 2e5, "/three_public/vehicle:change_pct": -10, "/three_public/vehicle_purchase/amount": 0,
				"/three_public/vehicle_operation/amount": 2e5, "/three_public/vehicle_operation:change": -2e4}},
		{budget + "“三公”经费支出12000元，比上年减少3000元，下降20%。",
			map[string]float64{"/three_public/total": 12000, "/three_public:change": -3000, "/three_public:change_pct": -20}, nil},
		{budget + "“三公”经费支出50万元，比上年减少5万元，机关运行经费支出300万元，比上年增加10万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/operating_costs/amount": 3e6, "/operating_costs:change": 1e5}, nil},
		{budget + "“三公”经费支出50万元，比上年下降10%，机关运行经费支出300万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change_pct": -10, "/operating_costs/amount": 3e6}, nil},
		{budget + "机关运行经费300万元，较上年减少12万元，下降3.8%，三公经费50万元，较上年持平。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": -12e4, "/operating_costs:change_pct": -3.8, "/three_public/total": 5e5, "/three_public:change": 0, "/three_public/prior_year": 5e5}, nil},
		{budget + "“三公”经费支出50万元，比上年增加5万元，公务接待费持平。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": 5e4}, map[string]float64{"/three_public/reception:change": 0}},
		{budget + "“三公”经费支出50万元，比上年减少5万元，下降幅度为9.1%。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/three_public:change_pct": -9.1}, nil},
		{budget + "“三公”经费支出50万元，比上年减少5万元，机关运行经费比上年增加8万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/operating_costs:change": 8e4}},
		{budget + "机关运行经费支出300万元，比上年增长5%，公务接待费支出2万元，比上年减少1万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change_pct": 5}, map[string]float64{"/three_public/reception/amount": 2e4, "/three_public/reception:change": -1e4}},
		{budget + "机关运行经费支出300万元，比上年减少20万元，下降6.3%，“三公”经费支出50万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": -2e5, "/operating_costs:change_pct": -6.3, "/three_public/total": 5e5}, nil},
		{budget + "“三公”经费支出50万元，其中公务接待费10万元，比上年减少2万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public/reception/amount": 1e5, "/three_public/reception:change": -2e4}, nil},
		{budget + "2024年“三公”经费预算50万元，2023年为45万元，增加5万元。",
			map[string]float64{"/three_public/total": 5e5}, map[string]float64{"/three_public/prior_year": 45e4, "/three_public:change": 5e4}},
		{budget + "机关运行经费300万元，比上年增加20万元，增长7.1%，主要是新增人员，三公经费减少5万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": 2e5, "/operating_costs:change_pct": 7.1}, map[string]float64{"/three_public:change": -5e4}},
		{budget + "“三公”经费支出50万元，较上年减少5万元，降幅9.1%；政府采购预算总额1000万元，比上年增加100万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/three_public:change_pct": -9.1, "/procurement/amount": 1e7, "/procurement:change": 1e6}, nil},
		{budget + "收入总计1000万元，比上年减少5%，支出总计1000万元。",
			map[string]float64{"/revenue/total": 1e7, "/revenue:change_pct": -5, "/expenditure/total": 1e7}, nil},
		{budget + "基本支出800万元，比上年增加5%，项目支出200万元，比上年减少10万元。",
			map[string]float64{"/expenditure/basic/amount": 8e6, "/expenditure/basic:change_pct": 5, "/expenditure/project/amount": 2e6, "/expenditure/project:change": -1e5}, nil},
		{budget + "“三公”经费支出50万元，上年为45万元，增加5万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public/prior_year": 45e4, "/three_public:change": 5e4}, nil},
		{budget + "因公出国（境）费0万元，与上年持平，公务接待费3万元，比上年减少1万元。", nil,
			map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/overseas_travel:change": 0, "/three_public/reception/amount": 3e4, "/three_public/reception:change": -1e4}},
		{budget + "公务用车运行维护费10万元，比上年减少2万元，公务用车购置费0万元。", nil,
			map[string]float64{"/three_public/vehicle_operation/amount": 1e5, "/three_public/vehicle_operation:change": -2e4, "/three_public/vehicle_purchase/amount": 0}},
		{budget + "“三公”经费支出50万元，比上年减少5万元，其中：公务接待费减少3万元，公务用车运行维护费减少2万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/three_public/reception:change": -3e4, "/three_public/vehicle_operation:change": -2e4}},
		{budget + "“三公”经费支出520000元，较上年减少30000元，机关运行经费支出2000000元。",
			map[string]float64{"/three_public/total": 52e4, "/three_public:change": -3e4, "/operating_costs/amount": 2e6}, nil},
		{budget + "“三公”经费支出50万元，与上年相比减少5万元，机关运行经费比上年增长10%。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/operating_costs:change_pct": 10}},
		{budget + "机关运行经费支出300万元，同比增加20万元，同比增长7.1%，政府采购支出100万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": 2e5, "/operating_costs:change_pct": 7.1, "/procurement/amount": 1e6}, nil},
		{budget + "“三公”经费支出50万元，增加5万元，机关运行经费减少3万元。",
			map[string]float64{"/three_public/total": 5e5}, map[string]float64{"/three_public:change": 5e4, "/operating_costs:change": -3e4}},
		{budget + "“三公”经费预算50万元，比上年减少5万元，机关运行经费预算300万元，持平。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/operating_costs/amount": 3e6}, map[string]float64{"/operating_costs:change": 0}},
		{budget + "“三公”经费支出50万元，比上年增长10%，机关运行经费支出300万元，比上年下降5%。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change_pct": 10, "/operating_costs/amount": 3e6, "/operating_costs:change_pct": -5}, nil},
		{budget + "“三公”经费支出50万元，比上年下降10%，人员经费增加30万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change_pct": -10}, map[string]float64{"/expenditure/personnel:change": 3e5}},
		{budget + "“三公”经费支出50万元，比上年下降10%，基本支出减少30万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change_pct": -10}, map[string]float64{"/expenditure/basic:change": -3e5}},
		{budget + "政府采购预算总额1000万元，比上年减少100万元，“三公”经费50万元。",
			map[string]float64{"/procurement/amount": 1e7, "/procurement:change": -1e6, "/three_public/total": 5e5}, nil},
		{budget + "“三公”经费支出50万元，比上年减少5万元，公用经费支出200万元，比上年增加10万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/expenditure/public_expenses/amount": 2e6, "/expenditure/public_expenses:change": 1e5}},
		{budget + "“三公”经费支出50万元，比上年减少5万元；公务接待费3万元，比上年增加1万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4, "/three_public/reception/amount": 3e4, "/three_public/reception:change": 1e4}, nil},
		{budget + "“三公”经费支出50万元，其中公务用车购置及运行维护费20万元，比上年下降10%，公务用车运行维护费减少2万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public/vehicle/amount": 2e5, "/three_public/vehicle:change_pct": -10}, map[string]float64{"/three_public/vehicle_operation:change": -2e4}},
		{budget + "“三公”经费支出50万元，比上年下降10%，减少5.56万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -55600, "/three_public:change_pct": -10}, nil},
		{budget + "“三公”经费支出50万元，比上年减少5万元，公务用车运行维护费下降20%。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/three_public/vehicle_operation:change_pct": -20}},
		{budget + "机关运行经费支出300万元，比上年增长5%，“三公”经费支出50万元，比上年减少5万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change_pct": 5, "/three_public/total": 5e5, "/three_public:change": -5e4}, nil},
		{budget + "“三公”经费支出50万元，较2023年减少5万元，机关运行经费较2023年增加8万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": -5e4}, map[string]float64{"/operating_costs:change": 8e4}},
		{budget + "“三公”经费支出520千元，比上年减少30千元，机关运行经费支出2000千元，比上年增加5%。",
			map[string]float64{"/three_public/total": 52e4, "/three_public:change": -3e4, "/operating_costs/amount": 2e6, "/operating_costs:change_pct": 5}, nil},
		{budget + "“三公”经费支出50万元，与上年持平，机关运行经费支出300万元，比上年减少10万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public:change": 0, "/three_public/prior_year": 5e5, "/operating_costs/amount": 3e6, "/operating_costs:change": -1e5}, nil},
		{budget + "机关运行经费支出300万元，比上年减少10万元，其中“三公”经费50万元，比上年增加2万元。",
			map[string]float64{"/operating_costs/amount": 3e6, "/operating_costs:change": -1e5, "/three_public/total": 5e5, "/three_public:change": 2e4}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": -5e4, "/operating_costs:change": -1e5}, nil},
		{budget + "“三公”经费支出50万元、机关运行经费支出300万元，分别比上年增加5万元、减少10万元，主要是压减会议费。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": 5e4, "/operating_costs:change": -1e5}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，同比分别增长5%和下降3%。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change_pct": 5, "/operating_costs:change_pct": -3}, nil},
		{budget + "与上年相比，“三公”经费支出50万元，机关运行经费支出300万元，分别减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": -5e4, "/operating_costs:change": -1e5}, nil},
		{budget + "“三公”经费支出15万元。其中，因公出国（境）费、公务用车购置及运行费、公务接待费分别为0万元、12万元、3万元，分别比上年增加1万元、减少2万元和减少1万元。",
			map[string]float64{"/three_public/total": 15e4, "/three_public/overseas_travel/amount": 0, "/three_public/vehicle/amount": 12e4, "/three_public/reception/amount": 3e4,
				"/three_public/overseas_travel:change": 1e4, "/three_public/vehicle:change": -2e4, "/three_public/reception:change": -1e4}, nil},
		{budget + "“三公”经费和机关运行经费分别为50万元和300万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，其中，公务接待费8万元；因公出国（境）经费与公务用车购置及运行维护费分别为3万元和39万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public/reception/amount": 8e4, "/three_public/overseas_travel/amount": 3e4, "/three_public/vehicle/amount": 39e4}, nil},
		// figures named without their amounts, the model holding them
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元。“三公”经费和机关运行经费分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": -5e4, "/operating_costs:change": -1e5}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元。“三公”经费和机关运行经费同比分别增长5%和下降3%。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change_pct": 5, "/operating_costs:change_pct": -3}, nil},
		// a second 分别 clause, of percentages
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别比上年减少5万元和10万元，分别下降9.1%和3.2%。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": -5e4, "/operating_costs:change": -1e5,
				"/three_public:change_pct": -9.1, "/operating_costs:change_pct": -3.2}, nil},
		// a whole and the parts it lists after 其中: the changes are the parts'
		{budget + "“三公”经费支出15万元，其中：因公出国（境）费0万元、公务接待费3万元、公务用车购置及运行费12万元，分别比上年增加1万元、减少1万元和减少2万元。",
			map[string]float64{"/three_public/total": 15e4, "/three_public/overseas_travel/amount": 0, "/three_public/vehicle/amount": 12e4, "/three_public/reception/amount": 3e4,
				"/three_public/overseas_travel:change": 1e4, "/three_public/reception:change": -1e4, "/three_public/vehicle:change": -2e4}, nil},
		// the vehicles' subtotal and its two parts after 包括, compared in a
		// clause of its own (与…相比), their percentages in the next one
		// without 分别; the changes are the parts', none the subtotal's
		{budget + "“三公”经费支出168万元。公务用车购置及运行费141万元，包括公务用车购置费14万元和公务用车运行费127万元，与2023年相比，分别减少18万元和56万元，下降56.3%和30.6%；公务接待费27万元。",
			map[string]float64{"/three_public/total": 168e4, "/three_public/reception/amount": 27e4, "/three_public/vehicle/amount": 141e4, "/three_public/vehicle_purchase/amount": 14e4, "/three_public/vehicle_operation/amount": 127e4,
				"/three_public/vehicle_purchase:change": -18e4, "/three_public/vehicle_operation:change": -56e4,
				"/three_public/vehicle_purchase:change_pct": -56.3, "/three_public/vehicle_operation:change_pct": -30.6}, nil},
		// a comparison with another year than the one before, or a second
		// clause of as many values of the same kind: nothing more
		{budget + "“三公”经费支出141万元。公务用车购置及运行费141万元，包括公务用车购置费14万元和公务用车运行费127万元，与2025年相比，分别减少18万元和56万元。",
			map[string]float64{"/three_public/total": 141e4, "/three_public/vehicle/amount": 141e4, "/three_public/vehicle_purchase/amount": 14e4, "/three_public/vehicle_operation/amount": 127e4}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别比上年减少5万元和10万元，增加2万元和3万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6, "/three_public:change": -5e4, "/operating_costs:change": -1e5}, nil},
		// the text's own year heading the list
		{final + "2023年“三公”经费支出15万元。2023年因公出国（境）费、公务用车购置及运行费、公务接待费分别为0万元、12万元、3万元。",
			map[string]float64{"/three_public/total": 15e4, "/three_public/overseas_travel/amount": 0, "/three_public/vehicle/amount": 12e4, "/three_public/reception/amount": 3e4}, nil},
		{final + "2023年“三公”经费支出15万元。2022年因公出国（境）费、公务用车购置及运行费、公务接待费分别为0万元、12万元、3万元。",
			map[string]float64{"/three_public/total": 15e4}, nil},
		// a figure named the model does not hold, or a name of none
		{budget + "“三公”经费支出50万元。“三公”经费和机关运行经费分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元。“三公”经费和会议费分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元。会议费、“三公”经费分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		// parts not under the whole, or 其中 elsewhere: counts differ, nothing
		{budget + "“三公”经费支出15万元，机关运行经费支出300万元，会议费8万元，分别比上年增加1万元和减少1万元。",
			map[string]float64{"/three_public/total": 15e4, "/operating_costs/amount": 3e6}, nil},
		// a label unknown, counts differ, a value of no figure's, no comparison, or money and a percentage mixed: nothing
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别比上年减少5万元、10万元和3万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，培训费20万元，机关运行经费支出300万元，分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费、会议费和机关运行经费分别为50万元、8万元和300万元。", nil, nil},
		{budget + "“三公”经费和机关运行经费分别为50万元、8万元和300万元。", nil, nil},
		{budget + "上年“三公”经费和机关运行经费分别为50万元和300万元。", nil, nil},
		{budget + "公务接待费、公务用车购置和运行维护费分别为3万元、12万元。", nil, nil},
		{budget + "与上年相比，“三公”经费支出50万元，机关运行经费支出300万元，其中公务接待费分别减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，其中公务接待费分别比上年减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别减少5万元和10万元。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{budget + "“三公”经费支出50万元，机关运行经费支出300万元，分别比上年减少5万元和3%。",
			map[string]float64{"/three_public/total": 5e5, "/operating_costs/amount": 3e6}, nil},
		{final + "2023年度“三公”经费支出决算为45万元，机关运行经费支出决算为120万元，分别比2023年预算减少5万元和10万元。",
			map[string]float64{"/three_public/total": 45e4, "/operating_costs/amount": 12e5}, nil},
		{budget + "“三公”经费支出50万元，比上年的45万元增加5万元，机关运行经费支出300万元。",
			map[string]float64{"/three_public/total": 5e5, "/three_public/prior_year": 45e4, "/three_public:change": 5e4, "/operating_costs/amount": 3e6}, nil},
		{final + "2023年度机关运行经费支出决算为120万元，比上年下降5%，政府采购支出总额500万元，其中：政府采购货物支出100万元。",
			map[string]float64{"/operating_costs/amount": 12e5, "/operating_costs:change_pct": -5, "/procurement/amount": 5e6, "/procurement/goods": 1e6}, nil},
		{final + "2023年度“三公”经费支出决算为45万元，比年初预算减少5万元，机关运行经费支出决算为120万元，比上年增长5%。",
			map[string]float64{"/three_public/total": 45e4, "/operating_costs/amount": 12e5, "/operating_costs:change_pct": 5}, nil},
		{final + "2023年度“三公”经费支出决算为45万元，完成预算的90%，比上年减少5万元，机关运行经费支出决算为120万元，比上年增加8万元。",
			map[string]float64{"/three_public/total": 45e4, "/three_public:change": -5e4, "/operating_costs/amount": 12e5, "/operating_costs:change": 8e4}, nil},
	}
	for _, c := range cases {
		got := statedFigures(t, extractLines(t, c.text+"\n"))
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w, ok := c.want[k]
			if !ok {
				w, ok = c.may[k]
			}
			if !ok || w != got[k] {
				t.Errorf("%q: %s = %v, which the sentence does not state (%v)", c.text, k, got[k], w)
			}
		}
		for k, w := range c.want {
			if _, ok := got[k]; !ok {
				t.Errorf("%q: %s not read, want %v", c.text, k, w)
			}
		}
	}
}

// figurePath follows figureLabels' groups: each name's figure is where the
// model holds it, a revenue source none.
func TestFigurePath(t *testing.T) {
	for name, want := range map[string]string{"收入总计": "/revenue", "支出总计": "/expenditure", "人员经费": "/expenditure/personnel",
		"公用经费": "/expenditure/public_expenses", "机关运行经费": "/operating_costs", "“三公”经费": "/three_public",
		"公务接待费": "/three_public/reception", "公务用车购置及运行费": "/three_public/vehicle", "事业收入": ""} {
		g, ok := oneFigure(fold(name))
		if got, _ := figurePath(g); !ok || got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
