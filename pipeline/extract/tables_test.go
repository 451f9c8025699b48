package extract

import (
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

func extractLines(t *testing.T, text string) *schema.Document {
	t.Helper()
	d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(text, "\n")}, "t", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The same summary table as pdftotext -layout prints it (one row a line)
// and as default mode prints it (one cell a line, rows in order).
const layoutSummary = `某区某局2024年部门预算
                2024年部门财务收支预算总表
编制部门：某区某局                              单位：元
           项目             预算数                       项目          预算数
一、财政拨款收入                   1,500,000 一、一般公共服务支出                  1,000,000
1. 一般公共预算资金                1,500,000 二、公共安全支出                    300,000
二、事业收入                                  三、住房保障支出                     200,000
           收入总计            1,500,000            支出总计           1,500,000
`

const defaultSummary = `某区某局2024年部门预算
2024年部门财务收支预算总表
编制部门：某区某局

单位：元

一、财政拨款收入

1,500,000 一、一般公共服务支出

1,000,000

1. 一般公共预算资金

1,500,000 二、公共安全支出

300,000

二、事业收入

三、住房保障支出

200,000

收入总计

1,500,000

支出总计

1,500,000
`

func TestSummaryTable(t *testing.T) {
	for name, text := range map[string]string{"layout": layoutSummary, "default": defaultSummary} {
		t.Run(name, func(t *testing.T) {
			d := extractLines(t, text)
			if d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(1500000) || d.Expenditure.Total == nil || *d.Expenditure.Total != schema.Yuan(1500000) {
				t.Fatalf("totals: %v %v", d.Revenue.Total, d.Expenditure.Total)
			}
			got := map[string]schema.Money{}
			for _, c := range d.Expenditure.ByFunction {
				got[c.Code] = c.Amount
			}
			if got["201"] != schema.Yuan(1000000) || got["204"] != schema.Yuan(300000) || got["221"] != schema.Yuan(200000) || len(got) != 3 {
				t.Errorf("by_function = %v", got)
			}
			if len(d.Revenue.Sources) == 0 || d.Revenue.Sources[0].Amount != schema.Yuan(1500000) {
				t.Errorf("sources = %+v", d.Revenue.Sources)
			}
			if d.Provenance["/expenditure/by_function/0/amount"].Line == 0 {
				t.Error("no provenance for a table figure")
			}
		})
	}
}

// A table whose cells came column by column does not balance; nothing of
// it may be used.
func TestSummaryTableThatDoesNotBalanceIsLeftOut(t *testing.T) {
	text := strings.Replace(defaultSummary, "支出总计\n\n1,500,000", "支出总计\n\n300,000", 1)
	d := extractLines(t, text)
	if d.Expenditure.Total != nil || len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("unbalanced table used: %v %+v", d.Expenditure.Total, d.Expenditure.ByFunction)
	}
	found := false
	for _, w := range d.Warnings {
		found = found || strings.Contains(w.Reason, "table not used")
	}
	if !found {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

const economicTable = `某区某局2024年部门预算
        2024年部门一般公共预算基本支出部门预算经济分类预算表
编制部门：某区某局                                 单位：万元
 类     款    经济分类科目名称   合计   人员经费   公用经费
 301         工资福利支出          10.50     10.50      0
 301   01    基本工资              6.00      6.00       0
 301   02    津贴补贴              4.50      4.50       0
 302         商品和服务支出         2.00      0      2.00
 302   01    办公费                2.00      0      2.00
                    合计   12.50   10.50   2.00
`

func TestEconomicTable(t *testing.T) {
	d := extractLines(t, economicTable)
	e := d.Expenditure.ByEconomic
	if len(e) != 2 || e[0].Code != "301" || e[0].Amount != schema.Yuan(105000) || len(e[0].Items) != 2 || e[0].Items[1].Code != "30102" || e[1].Items[0].Code != "30201" {
		t.Fatalf("by_economic = %+v", e)
	}
	broken := strings.Replace(economicTable, "4.50      4.50", "4.40      4.40", 1)
	if d := extractLines(t, broken); len(d.Expenditure.ByEconomic) != 0 {
		t.Errorf("items that do not add up were used: %+v", d.Expenditure.ByEconomic)
	}
}

// Text and table give the same figure: the table's exact figure wins and
// the text's rounded one is kept as a claim.
func TestTableWinsOverText(t *testing.T) {
	text := strings.Replace(layoutSummary, "某区某局2024年部门预算\n", "某区某局2024年部门预算\n2024年，某区某局收入预算150.01万元。\n", 1)
	d := extractLines(t, text)
	if *d.Revenue.Total != schema.Yuan(1500000) {
		t.Fatalf("revenue = %v", d.Revenue.Total)
	}
	ok := false
	for _, c := range d.Claims {
		ok = ok || c.Path == "/revenue" && c.Kind == schema.ClaimAmount && c.Value == 1500100
	}
	if !ok {
		t.Errorf("text figure not kept as a claim: %+v", d.Claims)
	}
}

func TestFunctionItems(t *testing.T) {
	text := `某区某局2024年部门预算
支出预算总计 5,561 万元，其中：公共安全（类）支出 5,561 万元。
（一）公共安全（类）
检察（款）:
1．行政运行（项）支出 1,895 万元，与上年相比增加 21.8 万元，增长 0.06 %。
2．一般行政管理事务（项）支出 3,666 万元，与上年相比减少 134 万元，降幅 3.53 %。
`
	d := extractLines(t, text)
	if len(d.Expenditure.ByFunction) != 1 {
		t.Fatalf("by_function = %+v", d.Expenditure.ByFunction)
	}
	items := d.Expenditure.ByFunction[0].Items
	if len(items) != 2 || items[0].Name != "行政运行" || items[0].Amount != schema.Yuan(18950000) || items[1].Name != "一般行政管理事务" {
		t.Fatalf("items = %+v", items)
	}
	pcts := 0
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimChangePct && strings.HasPrefix(c.Path, "/expenditure/by_function/0/items/") {
			pcts++
		}
	}
	if pcts != 2 {
		t.Errorf("percentage claims = %d, want 2: %+v", pcts, d.Claims)
	}
}
