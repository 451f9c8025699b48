package extract

import (
	"testing"

	"budgetpub/schema"
)

// A page of the 三公 alone that states each part in a section of its own
// and then prints them again in a table a cell a line whose cells carry
// their unit ("合计 | 44万元"): the table's title is the last mention of the
// 三公, and the parts are the sections' before it.
func TestThreePublicSectionsBeforeUnitCellTable(t *testing.T) {
	const sections = "某市某局财政拨款“三公”经费预算2015年情况如下:\n一、因公出国(境)经费\n2015年某市某局未安排出国(境)经费预算。\n" +
		"二、公务接待费\n2015年某市某局安排公务接待费预算10万元,较2014年预算下降80%。\n" +
		"三、公务用车购置及运行维护费\n2015年某市某局安排公车购置及运行维护费34万元,其中:购置经费无、运行维护费34万元。\n"
	const table = "附表:\n|\n2015年“三公”经费预算财政拨款情况统计表\n|\n单位:万元\n|\n项目\n|\n本年预算数\n|\n合计\n|\n44万元\n|\n1、因公出国(境)费用\n|\n|\n2、公务接待费\n|\n10万元\n|\n3、公务用车费\n|\n34万元\n|\n"
	checkWordings(t, []wording{
		{name: "sections alone", text: sections,
			want: map[string]float64{"/three_public/reception/amount": 100000, "/three_public/vehicle/amount": 340000, "/three_public/vehicle_operation/amount": 340000, "/three_public/overseas_travel/amount": 0}},
		{name: "sections and the table", text: sections + table,
			want: map[string]float64{"/three_public/reception/amount": 100000, "/three_public/vehicle/amount": 340000, "/three_public/vehicle_operation/amount": 340000, "/three_public/overseas_travel/amount": 0}},
	})
}

// "财政拨款收入总计X万元,支出总计Y万元": the sentence states both sides of the
// appropriations; its bare 支出总计 is theirs, no restatement of all funds'.
func TestAppropriationsRevenueSideThenExpenditure(t *testing.T) {
	const text = "某市某局2023年度部门决算\n(一)收入支出决算总体情况说明\n2023年度收入总计4295.94万元,支出总计4295.94万元。\n" +
		"(四)财政拨款收入支出决算总体情况说明\n2023年度财政拨款收入总计3760.06万元,支出总计3760.06万元,与2022年相比,各增加320.86万元。\n"
	d := extractLines(t, text)
	if d.Expenditure == nil || d.Expenditure.Total == nil || *d.Expenditure.Total != schema.Yuan(42959400) {
		t.Fatalf("expenditure total %v, want 42959400", d.Expenditure)
	}
	if d.Revenue == nil || d.Revenue.FiscalTotal == nil || *d.Revenue.FiscalTotal != schema.Yuan(37600600) {
		t.Fatalf("fiscal total %v, want 37600600", d.Revenue)
	}
	for _, c := range d.Claims {
		if c.Path == "/expenditure" && c.Kind == schema.ClaimAmount {
			t.Errorf("the appropriations' 支出总计 claimed as all funds': %+v", c)
		}
	}
}

// A part of the basic expenditure whose share names the whole it is of
// ("占总收入的53.85%") is a share of that whole, not of the basic
// expenditure it is listed under.
func TestBasicPartShareOfNamedWhole(t *testing.T) {
	const text = "某市某会2016年部门预算\n二、收入预算说明\n2016年收入预算约182.96万元,均为一般预算拨款。\n三:支出预算说明\n" +
		"2016年支出预算约为182.96万元。其中,基本支出约为175.96万元,其中,工资福利支出为98.53万元,占总收入的53.85%,一般商品和服务支出为19.94万元,占总收入的10.90%;对个人和家庭补助为57.49万元,占总收入的31.42%;项目支出约为7万元,占总收入的3.83%。\n"
	d := extractLines(t, text)
	n := 0
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimSharePct && len(c.Path) > len("/expenditure/by_economic") && c.Path[:len("/expenditure/by_economic")] == "/expenditure/by_economic" {
			n++
			if c.Of != "/revenue/total" {
				t.Errorf("%s's share of %s, want /revenue/total", c.Path, c.Of)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d shares of the economic classes, want 3", n)
	}
}

// The overview's first sentence saying what kind of unit the department
// is ("某区档案馆为中共某区委办公室管理的公益一类事业单位") names it, as one
// saying what it is (是) does; a central committee's short name presenting
// its budget (现将共青团中央2011年部门预算批复情况公布如下) is a name.
func TestNameOfUnitKindAndCentralShortName(t *testing.T) {
	if n, _ := overviewName([]string{"一、单位基本情况", "重庆市某区档案馆为中共重庆市某区委办公室管理的公益一类事业单位,机构规格正处级,经费形式为财政全额拨款。"}, false); n != "重庆市某区档案馆" {
		t.Errorf("overview name %q", n)
	}
	if n, _ := overviewName([]string{"一、单位基本情况", "重庆市某区档案馆为全额拨款,机构规格正处级。"}, false); n != "" {
		t.Errorf("a clause that is no unit's kind named %q", n)
	}
	id := presentedIdentity([]string{"根据《财政部关于批复某委员会2011年部门预算的通知》,现将共青团中央2011年部门预算批复情况公布如下。"})
	if id.name != "共青团中央" || id.year != 2011 || id.kind != "budget" {
		t.Errorf("presented identity %+v", id)
	}
}
