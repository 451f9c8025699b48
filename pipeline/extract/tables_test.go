package extract

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// extractLines extracts text split at its line feeds.
func extractLines(t *testing.T, text string) *schema.Document {
	t.Helper()
	return extractOf(t, strings.Split(text, "\n"))
}

// extractOf extracts a text of lines and validates the document.
func extractOf(t *testing.T, lines []string) *schema.Document {
	t.Helper()
	d, err := Extract(&ingest.Text{Path: "t.txt", Lines: lines, SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Format: "text"}, "t", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(d); err != nil {
		t.Fatalf("the extracted document is invalid: %v", err)
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

// The economic classes before 2018: 304 对企事业单位的补贴 (a class of its
// own then), 307 债务利息支出 and 309 基本建设支出 by their names of the time.
func TestEconomicTableClassesBefore2018(t *testing.T) {
	text := `某区某中心2016年度单位决算
        一般公共预算财政拨款基本支出决算表
编制单位：某区某中心                                 单位：万元
 类     款    经济分类科目名称   合计   人员经费   公用经费
 301         工资福利支出          10.50     10.50
 301   01    基本工资              10.50     10.50
 302         商品和服务支出         2.00                2.00
 302   01    办公费                2.00                2.00
 304         对企事业单位的补贴       3.00                3.00
 304   02    事业单位补贴            3.00                3.00
 307         债务利息支出
 309         基本建设支出
                    合计   15.50   10.50   5.00
`
	got := map[string]schema.Money{}
	for _, c := range extractLines(t, text).Expenditure.ByEconomic {
		got[c.Code] = c.Amount
	}
	want := map[string]schema.Money{"301": schema.Yuan(105000), "302": schema.Yuan(20000), "304": schema.Yuan(30000)}
	if !maps.Equal(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
}

func TestEconomicTable(t *testing.T) {
	d := extractLines(t, economicTable)
	e := d.Expenditure.ByEconomic
	if len(e) != 2 || e[0].Code != "301" || e[0].Amount != schema.Yuan(105000) || len(e[0].Items) != 2 || e[0].Items[1].Code != "30102" || e[1].Items[0].Code != "30201" {
		t.Fatalf("by_economic = %+v", e)
	}
	// 301's items no longer add up: the 合计 still confirms the classes,
	// so they stay, and 301 loses its items
	broken := strings.Replace(economicTable, "4.50      4.50", "4.40      4.40", 1)
	d = extractLines(t, broken)
	if e := d.Expenditure.ByEconomic; len(e) != 2 || len(e[0].Items) != 0 || len(e[1].Items) != 1 {
		t.Errorf("items that do not add up were used, or the classes lost: %+v", e)
	}
	// without a 合计 to confirm the classes, nothing of the table is used
	noTotal := strings.Replace(broken, "合计   12.50   10.50   2.00", "", 1)
	if d := extractLines(t, noTotal); len(d.Expenditure.ByEconomic) != 0 {
		t.Errorf("an unconfirmed table was used: %+v", d.Expenditure.ByEconomic)
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
	if !claimWith(d.Claims, "/revenue", schema.ClaimAmount, 1500100) {
		t.Errorf("text figure not kept as a claim: %+v", d.Claims)
	}
}

// A class the text states and a table replaces keeps the text's line in
// its claim: a check of the two names the sentence as well as the row.
func TestTableClassKeepsTextLine(t *testing.T) {
	text := strings.Replace(layoutSummary, "某区某局2024年部门预算\n", "某区某局2024年部门预算\n1．公共安全（类）支出 30.01 万元，主要用于人员支出。\n", 1)
	d := extractLines(t, text)
	found := false
	for _, c := range d.Claims {
		if c.Kind != schema.ClaimAmount || c.Value != 300100 {
			continue
		}
		found = true
		if c.Line != 2 || !strings.Contains(c.Text, "30.01 万元") {
			t.Errorf("the text's 公共安全 30.01 万元 is claimed at line %d %q, want line 2", c.Line, c.Text)
		}
	}
	if !found {
		t.Errorf("the text's 公共安全 30.01 万元 was not kept as a claim: %+v / %+v", d.Claims, d.Expenditure.ByFunction)
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

// The Jiangsu 三公 table as default mode prints it: cells one a line, the
// blank 购置费 gone, so 购置费 and 运行维护费 cannot be told apart; its
// unit broken over two lines, the next table's number above its title.
const threePublicJiangsuDefault = `某省某院2018年部门预算
公开 09 表：一般公共预算“三公”经费、会议费、培训费
支出预算表
单位：万
元
“三公”经费
公务用车购置及运行维护费
合计
小计

1,384.74

484.30

因公出国
（境）费

100.00

小计

公务用车
购置费

267.80

公务用车
运行维护
会议
公务接
费
培训费
待费
费
267.80

116.50

200.44

700.00

公开 10 表

政府性基金支出预算表
单位：万元
`

// The 三公 table is read by column, in the two layouts seen: Shanghai
// (合计 is the 三公 total, 机关运行经费 beside it) and Jiangsu (合计 adds
// 会议费 and 培训费; the 三公 total is the first 小计; 购置费 is blank).
func TestThreePublicTable(t *testing.T) {
	shanghai := `某区某局2024年部门预算
                       部门“三公”经费和机关运行经费预算表
编制部门：某区某局                                                              单位:万元
                               2024年“三公”经费预算数
                                                                                2024年机关运行经
                                                  公务用车购置及运行费
                                                                                    费预算数
   合计           因公出国(境)费       公务接待费
                                          小计           购置费        运行费
        47.91              0       1.35        46.56         25         21.56         443.18
`
	jiangsu := `某省某院2018年部门预算
公开 09 表：一般公共预算“三公”经费、会议费、培训费
支出预算表
部门：                   某省某院                                          单位：万元
                                 “三公”经费
                                 公务用车购置及运行维护费
                                                                   会议
      合计                                                                     培训费
                      因公出国                                公务接        费
             小计                                 公务用车
                      （境）费               公务用车             待费
                                小计              运行维护
                                          购置费
                                                 费
  1,384.74   484.30    100.00   267.80           267.80   116.50   200.44     700.00
`
	for name, c := range map[string]struct {
		text                                                     string
		total, overseas, reception, purchase, operation, opCosts int64
	}{
		"shanghai": {shanghai, 479100, 0, 13500, 250000, 215600, 4431800},
		// 购置费 blank beside a 运行费 equal to the 小计: zero
		"jiangsu":         {jiangsu, 4843000, 1000000, 1165000, 0, 2678000, -1},
		"jiangsu default": {threePublicJiangsuDefault, 4843000, 1000000, 1165000, -1, -1, -1},
	} {
		d := extractLines(t, c.text)
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(c.total) || tp.OverseasTravel.Amount != schema.Yuan(c.overseas) ||
			tp.Reception.Amount != schema.Yuan(c.reception) {
			t.Errorf("%s: 三公 = %+v", name, tp)
			continue
		}
		// the vehicle subtotal is sure even where its two parts are not
		if want := map[string]int64{"shanghai": 465600, "jiangsu": 2678000, "jiangsu default": 2678000}[name]; tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(want) {
			t.Errorf("%s: 公务用车购置及运行费 = %+v, want %d", name, tp.Vehicle, want)
		}
		if c.operation < 0 && (tp.VehicleOperation != nil || tp.VehiclePurchase != nil) {
			t.Errorf("%s: an ambiguous 公务用车 part was read: %+v %+v", name, tp.VehiclePurchase, tp.VehicleOperation)
		}
		if c.operation >= 0 && (tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(c.operation)) {
			t.Errorf("%s: 公务用车运行费 = %+v", name, tp.VehicleOperation)
		}
		if c.purchase >= 0 && (tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != schema.Yuan(c.purchase)) {
			t.Errorf("%s: 公务用车购置费 = %+v", name, tp.VehiclePurchase)
		}
		if c.opCosts >= 0 && (d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(c.opCosts)) {
			t.Errorf("%s: operating costs = %+v", name, d.OperatingCosts)
		}
	}
}

// Default mode cannot tell which of 公务用车购置费 and 运行费 is blank when the
// other equals the 小计; the basic-expenditure table's 公务用车运行维护费
// (30231), part of the 运行费, says so when it equals the 小计.
func TestVehiclePartsFromEconomicTable(t *testing.T) {
	economic := "一般公共预算基本支出预算表（经济科目）\n单位：万元\n合计\n金额\n300.00\n302\n商品和服务支出\n300.00\n30201\n办公费\n32.20\n30231\n公务用车运行维护费\n267.80\n"
	text := strings.Replace(threePublicJiangsuDefault, "某省某院2018年部门预算\n", "某省某院2018年部门预算\n"+economic, 1)
	tp := extractLines(t, text).ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(2678000) || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != 0 {
		t.Errorf("三公 = %+v", tp)
	}
	// 30231 below the 小计: the blank cell could be either part's
	other := strings.Replace(strings.Replace(text, "32.20", "100.00", 1), "267.80\n", "200.00\n", 1)
	if tp := extractLines(t, other).ThreePublic; tp == nil || tp.VehicleOperation != nil || tp.VehiclePurchase != nil {
		t.Errorf("unsettled parts were read: %+v", tp)
	}
}

// A 决算 三公 table pairs 预算数 and 决算数 under each part: the budgeted
// figures go to budgeted, the executed to amount.
func TestThreePublicFinalAccountsTable(t *testing.T) {
	text := `某区某局2024年部门决算
                             财政拨款“三公”经费支出决算表
                                                                           单位：万元

                                   财政拨款“三公”经费
                                         公务用车购置及运行费
         合计      因公出国（境）费
                                  小计                   公务用车运行费        公务接待费
                                          公务用车购置费


预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数

  1.95      1.20                                                    1.95      1.20
`
	d := extractLines(t, text)
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(19500) || tp.Total == nil || *tp.Total != schema.Yuan(12000) {
		t.Fatalf("三公 = %+v", tp)
	}
	if tp.Reception == nil || tp.Reception.Amount != schema.Yuan(12000) || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(19500) {
		t.Errorf("公务接待费 = %+v", tp.Reception)
	}
	if tp.OverseasTravel != nil {
		t.Errorf("a blank part was read: %+v", tp.OverseasTravel)
	}
}

// The same template in text whose cells one space parts (no columns kept):
// the 预算数/决算数 line still pairs with the parts, in their order.
func TestThreePublicFinalAccountsPlain(t *testing.T) {
	text := "某区某局2024年部门决算\n公共财政拨款“三公”经费支出决算表\n编制部门：某区某局 单位：元\n公务用车购置及运行费\n" +
		"合计 因公出国（境）费 小计 公务用车购置费 公务用车运行费 公务接待费\n" +
		"预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数\n" +
		"643,777 596,125 192,923 177,392 227,020 209,723 83,761 71,625 143,259 138,098 223,834 209,010\n"
	d := extractLines(t, text)
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(596125) || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(643777) {
		t.Fatalf("三公 = %+v (warnings %+v)", tp, d.Warnings)
	}
	for name, f := range map[string]*schema.Figure{"overseas": tp.OverseasTravel, "purchase": tp.VehiclePurchase, "operation": tp.VehicleOperation, "reception": tp.Reception} {
		want := map[string]int64{"overseas": 177392, "purchase": 71625, "operation": 138098, "reception": 209010}[name]
		if f == nil || f.Amount != schema.Yuan(want) {
			t.Errorf("%s = %+v, want %d", name, f, want)
		}
	}
}

// The same table in default mode, where pdftotext went column by column:
// each 预算数/决算数 label is followed by its cell, so a value's column is
// the label before it, and the sums confirm which template order holds.
func TestThreePublicFinalAccountsDefaultMode(t *testing.T) {
	text := `某区某局2024年部门决算
财政拨款“三公”经费支出决算表
单位：万元
财政拨款“三公”经费
公务用车购置及运行费
合计
因公出国（境）费
小计
公务用车运行费
公务接待费
公务用车购置费
预算数
1.95
决算数
1.20
预算数
决算数
预算数
决算数
预算数
决算数
预算数
决算数
预算数
1.95
决算数
1.20
`
	d := extractLines(t, text)
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(19500) || tp.Total == nil || *tp.Total != schema.Yuan(12000) ||
		tp.Reception == nil || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(19500) || tp.Reception.Amount != schema.Yuan(12000) {
		t.Fatalf("三公 = %+v (reception %+v); warnings %v", tp, tp.Reception, d.Warnings)
	}
	// one label short: the columns are unknown, and without them nothing is sure
	short := strings.Replace(text, "预算数\n决算数\n预算数\n1.95", "预算数\n1.95", 1)
	if d := extractLines(t, short); d.ThreePublic != nil && d.ThreePublic.Reception != nil {
		t.Errorf("a part was read without its column: %+v", d.ThreePublic.Reception)
	}
}

func TestSolveRow(t *testing.T) {
	orders := [][]string{{"t", "a", "b", "c"}}
	sums := [][]string{{"t", "a", "b", "c"}}
	cells := func(vs ...int64) []cell {
		var out []cell
		for i, v := range vs {
			out = append(out, cell{schema.Yuan(v), i + 1})
		}
		return out
	}
	// 10 = 4 + 6 with one blank: t is sure, 4 and 6 could sit in a, b or c
	got, ok := solveRow(orders, sums, cells(10, 4, 6), nil)
	if !ok || got["t"].v != schema.Yuan(10) || len(got) != 1 {
		t.Errorf("one blank: %v %v", got, ok)
	}
	got, ok = solveRow(orders, sums, cells(10, 1, 3, 6), nil)
	if !ok || len(got) != 4 || got["c"].v != schema.Yuan(6) {
		t.Errorf("full row: %v %v", got, ok)
	}
	if got, ok := solveRow(orders, sums, cells(10, 1, 3), nil); ok {
		t.Errorf("no placement adds up, yet read %v", got)
	}
	if _, ok := solveRow(orders, sums, cells(1, 2, 3, 4, 5), nil); ok {
		t.Error("more values than columns were placed")
	}
}

// The 政府采购 table gives the total and its kinds; in default mode a kind's
// row can carry the values of rows below it first, and the one choice that
// adds up to the 合计 is taken.
func TestProcurementTable(t *testing.T) {
	layout := `某省某院2018年部门预算
公开 12 表：政府采购支出预算表
部门：               某省某院                                   单位：万元
      合计                                                     3,096.24
一、货物 A                                                        268.00
                                         PC 服务器                40.00
三、服务 C                                             2,828.24
`
	def := `某省某院2018年部门预算
公开 12 表：政府采购支出预算表
单位：万元
总计
合计
3,096.24
一、货物 A
268.00
PC 服务器
40.00
三、服务 C
1.60
7.40
2,828.24
物业管理
`
	ambiguous := strings.Replace(def, "7.40", "2,828.24", 1)
	for name, text := range map[string]string{"layout": layout, "default": def} {
		d := extractLines(t, text)
		pr := d.Procurement
		if pr == nil || pr.Amount != schema.Yuan(30962400) || pr.Goods == nil || *pr.Goods != schema.Yuan(2680000) ||
			pr.Services == nil || *pr.Services != schema.Yuan(28282400) || pr.Works != nil {
			t.Errorf("%s: 政府采购 = %+v", name, pr)
		}
	}
	// two ways to add up: the kinds are not read, the 合计 (the table's
	// largest figure) is
	if pr := extractLines(t, ambiguous).Procurement; pr == nil || pr.Amount != schema.Yuan(30962400) || pr.Goods != nil || pr.Services != nil {
		t.Errorf("two ways to add up: %+v", pr)
	}
	// a 合计 that is not the table's largest figure is not read
	if pr := extractLines(t, strings.Replace(ambiguous, "268.00", "3,268.00", 1)).Procurement; pr != nil {
		t.Errorf("a 合计 below another figure was read: %+v", pr)
	}
	// the table continued on the next page, its title printed again: one
	// table, whose 合计 is the first page's
	cont := def + "公开 12 表：政府采购支出预算表\n单位：万元\n总计\n200.00\n会议服务\n200.00\n"
	if pr := extractLines(t, cont).Procurement; pr == nil || pr.Amount != schema.Yuan(30962400) {
		t.Errorf("continued table: %+v", pr)
	}
}

const panelTable = `某区某局2024年部门决算
                    一般公共预算财政拨款基本支出决算表
                                                                 单位：万元

    经济分类                                   经济分类
    科目编码                                   科目编码
                   科目名称      决算数                         科目名称        决算数
        款                                      款
类                                      类

301                           100.00   302                            30.00
            工资福利支出                                 商品和服务支出

                              60.00                                  10.00
301    01                              302
            基本工资                              01   办公费

                              40.01
301    02                              302
            津贴补贴                              02   印刷费

                                                                      20.00
301    03                              302
            奖金                                03   咨询费

                               5.00
303                                    302
            对个人和家庭的补助                         04   手续费

303    01                              302
            离休费                               05   水费
303    02                              302
            退休费                               06   电费

                             5.00
303    09                              310
            奖励金                                    资本性支出
                                    310
                                          99    其他资本性支出
                          105.00                                   30.00
           人员经费合计                              公用经费合计
`

// A 决算 basic-expenditure table printed as two panels (人员经费 | 公用经费),
// as pdftotext -layout gives it: a row's amount above its code, its name
// below, rows between blank lines, a 合计 row with no blank line before it.
func TestEconomicPanels(t *testing.T) {
	text := panelTable
	d := extractLines(t, text)
	got := map[string]int64{}
	items := map[string]int{}
	for _, c := range d.Expenditure.ByEconomic {
		got[c.Code] = int64(c.Amount)
		items[c.Code] = len(c.Items)
	}
	want := map[string]int64{"301": 1000000, "302": 300000, "303": 50000}
	if len(got) != len(want) {
		t.Fatalf("classes = %v, want %v (warnings %v)", got, want, d.Warnings)
	}
	for code, v := range want {
		if got[code] != int64(schema.Yuan(v)) {
			t.Errorf("%s = %d fen, want %d yuan", code, got[code], v)
		}
	}
	// 301's items add up to 100.01, within the rounding of its parts; 302's
	// are 办公费 10.00 and 咨询费 20.00 (a blank 印刷费 between them)
	if items["301"] != 2 || items["302"] != 2 || items["303"] != 1 {
		t.Errorf("items per class = %v", items)
	}
	if d.Expenditure.ByEconomic[1].Items[1].Code != "30203" {
		t.Errorf("302's second item = %+v, want 30203 咨询费", d.Expenditure.ByEconomic[1].Items[1])
	}
	// a panel whose classes miss its 合计 is not used
	broken := strings.Replace(text, "105.00", "106.00", 1)
	if d := extractLines(t, broken); len(d.Expenditure.ByEconomic) != 0 {
		t.Errorf("a panel that does not add up was used: %+v", d.Expenditure.ByEconomic)
	}
}

// A two-panel economic table one misprint breaks: a class's items or a
// panel's classes that one cell changed back makes add up are kept as table
// claims (the class against its items, the 合计 against its classes), their
// cells on their lines; a break no one misprint explains gives none, nor
// does the table as printed.
func TestEconomicPanelsOneOff(t *testing.T) {
	if d := extractLines(t, panelTable); len(brokenSums(d)) > 0 || slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimTable }) {
		t.Fatalf("the table as printed gives claims: %v", d.Claims)
	}
	lineOf := func(s string) int {
		for i, l := range strings.Split(panelTable, "\n") {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
		t.Fatalf("%q is not in the table", s)
		return 0
	}
	for _, c := range []struct {
		from, to string
		want     []int // the lines of the one failing sum: the whole, then its parts
	}{
		{"40.01", "46.01", []int{lineOf("100.00"), lineOf("60.00"), lineOf("40.01")}},        // an item's digit
		{"100.00", "10.00", []int{lineOf("105.00"), lineOf("100.00"), lineOf("      5.00")}}, // a class scaled: the panel's sum
		{"40.01", "47.51", nil}, // two digits: no one misprint explains it
	} {
		d := extractLines(t, strings.Replace(panelTable, c.from, c.to, 1))
		got := brokenSums(d)
		if c.want == nil {
			if len(got) > 0 {
				t.Errorf("%s → %s: claims %v, want none", c.from, c.to, got)
			}
			continue
		}
		if len(got) != 1 || !slices.Equal(got[0], c.want) {
			t.Errorf("%s → %s: failing sums %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

// A 决算 states each 项's execution: the completion rate and whether 决算数
// is below, above or equal to 预算数 become claims on the item; "基本持平"
// says too little to check.
func TestExecutionClaims(t *testing.T) {
	text := `某区某局2024年度部门决算
本年支出合计1657.14万元，主要用于：一般公共服务支出（类）1657.14万元，占100%。
一般公共预算财政拨款支出决算具体情况如下：
1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：人员经费。年初预算为 1560.05 万元，支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因：人员变化。
2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：宣传。年初预算为 10.00 万元，支出决算为10.00万元。决算数与预算数基本持平。
3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：维护。年初预算为135.90万元，支出决算为135.25万元。决算数大于预算数的主要原因：追加。
`
	d := extractLines(t, text)
	got := map[string]float64{}
	for _, c := range d.Claims {
		if strings.HasPrefix(c.Kind, "execution") {
			got[c.Path+" "+c.Kind] = c.Value
		}
	}
	want := map[string]float64{
		"/expenditure/by_function/0/items/0 execution_pct":  96.91,
		"/expenditure/by_function/0/items/0 execution_sign": -1,
		"/expenditure/by_function/0/items/2 execution_sign": 1,
	}
	if len(got) != len(want) {
		t.Fatalf("execution claims = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

// Row labels of the Jiangsu summary table start rows of their own in
// default-mode text: a name above them is not wrapped into them.
func TestSummaryLabelsStartRows(t *testing.T) {
	text := `某省某院2018年部门预算
公开 01 表：收支预算总表
单位：万元
二十、其他支出
当年收入小计
100.00
当年支出小计
上年结转资金
收入合计
100.00
结转下年资金
100.00
支出合计
100.00
`
	d := extractLines(t, text)
	if d.Revenue == nil || d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(1000000) ||
		d.Expenditure == nil || d.Expenditure.Total == nil || *d.Expenditure.Total != schema.Yuan(1000000) {
		t.Fatalf("totals not read: %+v %+v; warnings %v", d.Revenue, d.Expenditure, d.Warnings)
	}
	if d.Expenditure.CarriedForward != nil {
		t.Errorf("结转下年资金 read without 当年支出小计 to confirm it: %v", *d.Expenditure.CarriedForward)
	}
}

// The 财政拨款 summary in default mode: each 总计 is followed by the cells
// of several rows; the total is the largest figure, the same on both sides.
func TestFiscalTableDefaultMode(t *testing.T) {
	text := `某区某局2024年度部门决算
财政拨款收入支出决算总表
单位：万元
本年收入合计
年初财政拨款结转和结余
总计
1,000.00
20.00
20.00
1,020.00
本年支出合计
年末财政拨款结转和结余
总计
400.00
1,000.00
400.00
1,000.00
20.00
1,020.00
1,020.00
`
	d := extractLines(t, text)
	if d.Revenue == nil || d.Revenue.FiscalTotal == nil || *d.Revenue.FiscalTotal != schema.Yuan(10200000) {
		t.Fatalf("fiscal total = %+v; warnings %v", d.Revenue, d.Warnings)
	}
	// one side without the total: nothing is taken
	d = extractLines(t, strings.Replace(text, "1,020.00\n本年支出合计", "1,010.00\n本年支出合计", 1))
	if d.Revenue != nil && d.Revenue.FiscalTotal != nil {
		t.Errorf("read a total the two sides do not share: %v", *d.Revenue.FiscalTotal)
	}
	// the 支出总计's value printed above both labels: one 总计 holds the
	// largest figure, which stands for each side
	before := "某区某局2024年部门预算\n2024年部门财政拨款收支预算总表\n单位：元\n一、一般公共预算资金\n1,500 一、一般公共服务支出\n1,000\n1,000\n二、公共安全支出\n500\n500\n1,500\n1,500\n收入总计\n1,500\n支出总计\n"
	if d := extractLines(t, before); d.Revenue == nil || d.Revenue.FiscalTotal == nil || *d.Revenue.FiscalTotal != schema.Yuan(1500) {
		t.Errorf("total before its label: %+v", d.Revenue)
	}
	// the largest figure standing once is no side's shared total
	once := strings.Replace(strings.Replace(before, "1,500\n1,500\n收入总计", "1,400\n1,400\n收入总计", 1), "1,500 一、", "1,400 一、", 1)
	if d := extractLines(t, once); d.Revenue != nil && d.Revenue.FiscalTotal != nil {
		t.Errorf("a total standing once was read: %v", *d.Revenue.FiscalTotal)
	}
}

// The Jiangsu summary as pdftotext -layout prints it: three panels (收入,
// 支出 by function, 支出 by use), a use's name over three lines with its
// value on the middle one, beside a function's name. Read by column, the
// value stays with its use, and the classes add up.
const jiangsuLayoutSummary = `某省某院2018年部门预算
公开 01 表：收支预算总表
部门：                  某省某院                                       单位：万元

           收入                                   支出

                                     功能分类                    支出用途
    项目名称          金额
                                 功能科目名称       金额         项目名称         金额

一、财政拨款             900.00   一、一般公共服务支出                  一、基本支出         600.00

    1.一般公共预
                   900.00   二、外交支出                      二、项目支出         250.00
算
    2.政府性基金                                             三、单位预留机动
                            三、国防支出                                      60.00
预算                                                      经费
二、财政专户管理
                            四、公共安全支出           800.00
资金

三、其他资金              10.00    五、教育支出

                            八、社会保障和就业支出         110.00

     当年收入小计      910.00                    当年支出小计                      910.00

          收入合计      910.00                      支出合计                     910.00
`

func TestLayoutSummaryByColumn(t *testing.T) {
	d := extractLines(t, jiangsuLayoutSummary)
	fn := map[string]int64{}
	for _, c := range d.Expenditure.ByFunction {
		fn[c.Code] = int64(c.Amount)
	}
	if len(fn) != 2 || fn["204"] != int64(schema.Yuan(8000000)) || fn["208"] != int64(schema.Yuan(1100000)) {
		t.Errorf("functional classes = %v; warnings %v", fn, d.Warnings)
	}
	if d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(9100000) {
		t.Errorf("revenue total = %v", d.Revenue.Total)
	}
	src := map[string]int64{}
	for _, s := range d.Revenue.Sources {
		src[s.Name] = int64(s.Amount)
	}
	if src["财政拨款"] != int64(schema.Yuan(9000000)) || src["其他收入"] != int64(schema.Yuan(100000)) {
		t.Errorf("sources = %v", src)
	}
}

// A title qualified after 表 (（经济科目）) is still the economic table, and
// a note below it ends its rows: the page number after the note is no item.
func TestEconomicTableQualifiedTitleAndNote(t *testing.T) {
	text := `某省某院2019年部门预算
          财政拨款基本支出预算表（经济科目）
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               30.00
301              工资福利支出            20.00
30101            基本工资                  12.00
30102            津贴补贴                  8.00
303              对个人和家庭的补助             10.00
30302            退休费                   10.00
注：“科目编码”和“科目名称”为必填项。

                           11
`
	d := extractLines(t, text)
	e := d.Expenditure.ByEconomic
	if len(e) != 2 || e[1].Code != "303" || len(e[1].Items) != 1 || e[1].Items[0].Amount != schema.Yuan(100000) {
		t.Fatalf("by_economic = %+v; warnings %v", e, d.Warnings)
	}
}

// A narrative that never mentions a mandatory explanation gets a warning
// naming it; a file of tables alone (hardly a sentence), or a text that
// states no amount, gets none.
func TestMissingSections(t *testing.T) {
	var b strings.Builder
	b.WriteString("某区某局2024年部门预算\n")
	for i := 0; i < 25; i++ {
		b.WriteString("本部门主要职责是做好本职工作。\n")
	}
	b.WriteString("2024年“三公”经费预算数为0万元。机关运行经费预算为10万元。\n")
	d := extractLines(t, b.String())
	if missing := warned(d, schema.WarnMissingSection); len(missing) != 1 || missing[0] != "政府采购" {
		t.Errorf("missing sections = %v, want [政府采购]", missing)
	}
	// owed from the 2017 budgets (财预〔2016〕143号): a 2016 budget is not held to it
	d = extractLines(t, strings.Replace(b.String(), "2024年", "2016年", 1))
	if missing := warned(d, schema.WarnMissingSection); len(missing) > 0 {
		t.Errorf("a 2016 budget was held to 政府采购: %v", missing)
	}
	d = extractLines(t, "某区某局2024年部门预算\n收支预算总表\n单位：万元\n")
	if missing := warned(d, schema.WarnMissingSection); len(missing) > 0 {
		t.Errorf("a tables-only file was held to the narrative's sections: %v", missing)
	}
	// a page cut after the department's functions, no amount stated
	cut, _, _ := strings.Cut(b.String(), "2024年“三公”")
	if missing := warned(extractLines(t, cut), schema.WarnMissingSection); len(missing) > 0 {
		t.Errorf("a text that states no amount was held to the narrative's sections: %v", missing)
	}
}

// warned lists what the warnings of one reason name ("reason: name").
func warned(d *schema.Document, reason string) []string {
	var names []string
	for _, w := range d.Warnings {
		if name, ok := strings.CutPrefix(w.Reason, reason+": "); ok {
			names = append(names, name)
		}
	}
	return names
}

// A document with tables that lacks a standard one gets a warning naming
// it; a part heading right above a table's title does not hide the title.
func TestMissingTables(t *testing.T) {
	text := `某省某院2018年部门预算
     第二部分          某省某院 2018 年度预算表
 一、2018 年度某省某院收支预算总表
单位：万元
收入总计   10.00   支出总计   10.00
一般公共服务支出   10.00
收入预算总表
单位：万元
合计   10.00
一般公共预算   10.00
支出预算总表
单位：万元
合计   10.00   8.00   2.00
一般公共服务支出   10.00   8.00   2.00
财政拨款收支预算总表
单位：万元
收入总计   10.00   支出总计   10.00
一般公共预算支出预算表
单位：万元
合计   10.00
一般公共预算基本支出预算表
单位：万元
合计   8.00
“三公”经费支出预算表
单位：万元
合计   0.00
`
	d := extractLines(t, text)
	if missing := warned(d, schema.WarnMissingTable); len(missing) != 1 || missing[0] != "政府性基金预算支出表" {
		t.Errorf("missing tables = %v, want [政府性基金预算支出表]", missing)
	}
	// the 决算's 部门决算相关信息统计表 (2016–2017) carries the 三公
	d = extractLines(t, strings.Replace(text, "“三公”经费支出预算表", "部门决算相关信息统计表", 1))
	if missing := warned(d, schema.WarnMissingTable); len(missing) != 1 || missing[0] != "政府性基金预算支出表" {
		t.Errorf("with 部门决算相关信息统计表: missing tables = %v, want [政府性基金预算支出表]", missing)
	}
	// the templates before 2016 say 公共财政 where later ones say 一般公共预算
	early := strings.NewReplacer("一般公共预算支出预算表", "公共财政拨款支出表", "一般公共预算基本支出预算表", "公共财政拨款基本支出表", "一般公共预算\n", "公共财政拨款\n").Replace(text)
	if missing := warned(extractLines(t, early), schema.WarnMissingTable); len(missing) != 1 || missing[0] != "政府性基金预算支出表" {
		t.Errorf("early titles: missing tables = %v, want [政府性基金预算支出表]", missing)
	}
	// with most standard tables unknown, the titles are another template's
	d = extractLines(t, text[:strings.Index(text, "财政拨款收支预算总表")])
	if missing := warned(d, schema.WarnMissingTable); len(missing) > 0 {
		t.Errorf("five tables missing were reported: %v", missing)
	}
}

// The 机关运行经费 table is an economic table whose sum is 机关运行经费; its
// 合计 may be spaced out over its cell ("合   计").
func TestOperatingTable(t *testing.T) {
	text := `某省某院2018年部门预算
公开 11 表：一般公共预算机关运行经费支出预算表
部门：                    某省某院                             单位：万元
           科目编码               科目名称                机关运行经费支出
                   合   计                                     500.00
302                    商品和服务支出                               500.00
30201                  办公费                                    130.00
30205                  水费                                      370.00
`
	d := extractLines(t, text)
	if d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(5000000) {
		t.Fatalf("operating costs = %+v; warnings %v", d.OperatingCosts, d.Warnings)
	}
	if src := d.Provenance["/operating_costs/amount"]; src.Line != 5 {
		t.Errorf("provenance = %+v, want the 合计 line 5", src)
	}
	// a 合计 the classes do not match: nothing
	d = extractLines(t, strings.Replace(text, "500.00\n302", "510.00\n302", 1))
	if d.OperatingCosts != nil {
		t.Errorf("operating costs from a table that does not add up: %+v", d.OperatingCosts)
	}
	// default mode, two classes, the column's header between 合计 and its
	// value
	def := "某省某院2018年部门预算\n一般公共预算机关运行经费支出预算表\n单位：万元\n科目编码\n科目名称\n合计\n机关运行经费支出\n600.00\n" +
		"302\n商品和服务支出\n500.00\n30201\n办公费\n130.00\n30205\n水费\n370.00\n310\n其他资本性支出\n100.00\n31002\n办公设备购置\n100.00\n"
	if d := extractLines(t, def); d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(6000000) || d.Provenance["/operating_costs/amount"].Line != 8 {
		t.Errorf("default mode: operating costs = %+v from %+v", d.OperatingCosts, d.Provenance["/operating_costs/amount"])
	}
	// the first class without its amount (printed elsewhere) and no 合计:
	// the one class left is not the table's sum
	partial := strings.Replace(strings.Replace(def, "600.00\n302", "302", 1), "商品和服务支出\n500.00\n", "商品和服务支出\n", 1)
	if d := extractLines(t, partial); d.OperatingCosts != nil {
		t.Errorf("a table missing a class gave operating costs %+v", d.OperatingCosts)
	}
}

// A 政府性基金 table gives the amount when its classes add up to its 合计,
// zero when a note says it is empty and it holds no figure, and nothing
// when it is merely blank.
func TestFundTable(t *testing.T) {
	head := "某省某院2019年部门预算\n财政拨款政府性基金支出预算表\n部门：某省某院\n单位：万元\n功能科目名称\n"
	for name, c := range map[string]struct {
		body string
		want int64 // yuan; -1: not read
	}{
		"figures": {"合计   50.00\n城乡社区支出   50.00\n", 500000},
		"note":    {"合计\n注：我单位无2019年政府性基金支出安排。\n", 0},
		"empty":   {"合计\n此表为空\n", 0},
		"blank":   {"合计\n金额\n", -1},
		"unsure":  {"合计   50.00\n城乡社区支出   40.00\n", -1},
	} {
		d := extractLines(t, head+c.body)
		g := d.GovernmentFund
		switch {
		case c.want < 0 && g != nil:
			t.Errorf("%s: read %+v", name, g)
		case c.want >= 0 && (g == nil || g.Amount != schema.Yuan(c.want)):
			t.Errorf("%s: government fund = %+v, want %d", name, g, c.want)
		}
	}
}

// A function table's coded rows give the 项 their codes: a 项 the text
// explained (rounded to 万元) takes the code and the table's exact amount,
// its text figure kept as a claim; a class the text did not break down gets
// the table's 项; a table whose rows do not add up gives nothing.
func TestFunctionCodes(t *testing.T) {
	text := `某区某局2024年部门预算
本年支出合计300.00万元，主要用于：一般公共服务支出（类）200.00万元；社会保障和就业支出（类）100.00万元。
1、一般公共服务支出（类）统计信息事务（款）专项普查活动（项）25.77万元，主要用于普查。
2、一般公共服务支出（类）组织事务（款）一般行政管理事务（项）174.23万元，主要用于组织工作。
                       2024年部门一般公共预算支出功能分类预算表
编制部门：某区某局                                           单位：元
类     款    项          功能分类科目名称    合计            基本支出       项目支出
201             一般公共服务支出              2,000,012           0    2,000,012
201   05        统计信息事务                 257,700            0      257,700
201   05   07   专项普查活动                 257,700            0      257,700
201   32        组织事务                   1,742,312           0    1,742,312
201   32   02   一般行政管理事务               1,742,312           0    1,742,312
208             社会保障和就业支出            1,000,000    1,000,000           0
208   05        行政事业单位养老支出           1,000,000    1,000,000           0
208   05   05   机关事业单位基本养老保险缴费支出    600,000      600,000           0
208   05   06   机关事业单位职业年金缴费支出      400,000      400,000           0
`
	d := extractLines(t, text)
	codes := map[string]int64{}
	for _, c := range d.Expenditure.ByFunction {
		for _, it := range c.Items {
			codes[it.Code] = int64(it.Amount)
		}
	}
	want := map[string]int64{"2010507": 25770000, "2013202": 174231200, "2080505": 60000000, "2080506": 40000000}
	if len(codes) != len(want) {
		t.Fatalf("items by code = %v, want %v", codes, want)
	}
	for c, v := range want {
		if codes[c] != v {
			t.Errorf("%s = %d fen, want %d", c, codes[c], v)
		}
	}
	claimed := false
	for _, c := range d.Claims {
		claimed = claimed || c.Kind == schema.ClaimAmount && c.Value == 1742300
	}
	if !claimed {
		t.Errorf("the text's rounded 174.23万元 was not kept as a claim: %+v", d.Claims)
	}
	broken := strings.Replace(text, "400,000      400,000", "300,000      300,000", 1)
	d = extractLines(t, broken)
	for _, c := range d.Expenditure.ByFunction {
		for _, it := range c.Items {
			if it.Code != "" {
				t.Errorf("a code from a table that does not add up: %+v", it)
			}
		}
	}
}

// An economic item whose name the classification does not know takes the
// code its row prints.
func TestEconomicCodesFromRows(t *testing.T) {
	text := `某省某院2019年部门预算
          财政拨款基本支出预算表（经济科目）
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               20.00
301              工资福利支出            20.00
30101            基本工资                  12.00
30102            工资性津贴                  8.00
`
	d := extractLines(t, text)
	e := d.Expenditure.ByEconomic
	if len(e) != 1 || len(e[0].Items) != 2 || e[0].Items[1].Code != "30102" || e[0].Items[1].Name != "工资性津贴" {
		t.Fatalf("by_economic = %+v", e)
	}
}

// "单位：万" alone is 万元.
func TestUnitWanAlone(t *testing.T) {
	for _, unit := range []string{"单位：万", "单位：万元", "单位：万\n元"} {
		text := "某省某院2018年部门预算\n政府采购支出预算表\n" + unit + "\n合计   30.00\n一、货物 A   10.00\n三、服务 C   20.00\n"
		d := extractLines(t, text)
		if d.Procurement == nil || d.Procurement.Amount != schema.Yuan(300000) {
			t.Errorf("%q: procurement = %+v", unit, d.Procurement)
		}
	}
}

// A web page's table comes with its cells separated by tabs
// (ingest.HTMLText): a blank cell does not join two names into one.
func TestTabSeparatedTable(t *testing.T) {
	page := `<html><body><p>某区某局2024年部门预算</p>
<p>2024年部门财务收支预算总表</p><p>单位：元</p>
<table>
<tr><td>一、财政拨款收入</td><td>1,500,000</td><td>一、一般公共服务支出</td><td>1,000,000</td></tr>
<tr><td>二、事业收入</td><td></td><td>二、公共安全支出</td><td>500,000</td></tr>
<tr><td>收入总计</td><td>1,500,000</td><td>支出总计</td><td>1,500,000</td></tr>
</table></body></html>`
	d := extractLines(t, ingest.HTMLText(page))
	fn := map[string]int64{}
	for _, c := range d.Expenditure.ByFunction {
		fn[c.Code] = int64(c.Amount)
	}
	if fn["201"] != int64(schema.Yuan(1000000)) || fn["204"] != int64(schema.Yuan(500000)) {
		t.Errorf("functional classes = %v; warnings %v", fn, d.Warnings)
	}
}

// A coded table in default mode: each cell on a line of its own, codes
// before names, two rows' amounts printed after the last row. The tree
// places them (30199 = 301 less its other items; 302 = its items), and a
// code is never read as an amount. A row holding several amounts has them
// all left over, for the tree to place one row at a time.
const defaultCodedEconomic = `某省某办公厅2019年度部门预算
财政拨款基本支出预算表（经济科目）
部门：某省某办公厅
单位：万元
科目编码
科目名称
合计
金额
150.50
301
工资福利支出
120.00
30101
基本工资
100.00
30102
津贴补贴
10.40
30199
其他工资福利支出
302
商品和服务支出
30201
办公费
20.00
30211
差旅费
10.50
9.60
30.50
`

func TestDefaultModeCodedTable(t *testing.T) {
	e := extractLines(t, defaultCodedEconomic).Expenditure.ByEconomic
	if len(e) != 2 || e[0].Amount != schema.Yuan(1200000) || e[1].Amount != schema.Yuan(305000) ||
		len(e[0].Items) != 3 || e[0].Items[2].Code != "30199" || e[0].Items[2].Amount != schema.Yuan(96000) || len(e[1].Items) != 2 {
		t.Fatalf("by_economic = %+v", e)
	}
	// 302 and one of its items both without their amounts, the item's
	// printed at the end, beside the other item's: the 合计 gives 302; of
	// its two items only the sum is known, so they are left out
	both := strings.Replace(defaultCodedEconomic, "办公费\n20.00\n", "办公费\n", 1) + "20.00\n"
	if e := extractLines(t, both).Expenditure.ByEconomic; len(e) != 2 || e[1].Amount != schema.Yuan(305000) || len(e[1].Items) != 0 || len(e[0].Items) != 3 {
		t.Errorf("by_economic = %+v", e)
	}
	// two items of one class without their amounts (one printed beside the
	// other's): their sum is known, not which is which — the class stays
	// (its 合计 confirms it) and its items are left out, never swapped
	shifted := strings.Replace(defaultCodedEconomic, "基本工资\n100.00\n30102\n津贴补贴\n10.40\n", "基本工资\n30102\n津贴补贴\n100.00\n10.40\n", 1)
	if e := extractLines(t, shifted).Expenditure.ByEconomic; len(e) != 2 || e[0].Amount != schema.Yuan(1200000) || len(e[0].Items) != 0 || len(e[1].Items) != 2 {
		t.Errorf("shifted: by_economic = %+v", e)
	}
	// values printed a row late (each item's after the next item's name,
	// the last one's after the table): the first item's difference would
	// add up with every value in the wrong row, so it is not filled, and
	// the items that do not add up are left out; the class stays
	late := strings.Replace(defaultCodedEconomic, "基本工资\n100.00\n30102\n津贴补贴\n10.40\n30199\n其他工资福利支出\n",
		"基本工资\n30102\n津贴补贴\n100.00\n30199\n其他工资福利支出\n10.40\n", 1)
	if e := extractLines(t, late).Expenditure.ByEconomic; len(e) != 2 || e[0].Amount != schema.Yuan(1200000) || len(e[0].Items) != 0 {
		t.Errorf("late: by_economic = %+v", e)
	}
	// two classes printed without their amounts, each after an item's own
	// (the one right after its name): each class is its items' sum where
	// that sum is among the left-over values — the 合计 then confirms both
	displaced := strings.Replace(strings.Replace(defaultCodedEconomic, "工资福利支出\n120.00\n", "工资福利支出\n", 1), "基本工资\n100.00\n", "基本工资\n100.00\n120.00\n", 1)
	displaced = strings.Replace(displaced, "其他工资福利支出\n", "其他工资福利支出\n9.60\n", 1)
	displaced = strings.Replace(displaced, "10.50\n9.60\n30.50\n", "10.50\n30.50\n", 1)
	if e := extractLines(t, displaced).Expenditure.ByEconomic; len(e) != 2 || e[0].Amount != schema.Yuan(1200000) || len(e[0].Items) != 3 ||
		e[1].Amount != schema.Yuan(305000) || len(e[1].Items) != 2 || e[1].Items[1].Amount != schema.Yuan(105000) {
		t.Errorf("displaced: by_economic = %+v", e)
	}
	// the class's cell first, the item's after it: the item's first cell
	// makes no sum among the values, and the 合计 less 301 places 302,
	// then 302 less 办公费 its item — the same reading
	swapped := strings.Replace(displaced, "10.50\n30.50\n", "30.50\n10.50\n", 1)
	if e := extractLines(t, swapped).Expenditure.ByEconomic; len(e) != 2 || e[1].Amount != schema.Yuan(305000) || len(e[1].Items) != 2 || e[1].Items[1].Amount != schema.Yuan(105000) {
		t.Errorf("swapped: by_economic = %+v", e)
	}
	// a left-over value the tree does not compute is not placed: 302 has
	// no amount, and its items are not given to 301
	other := strings.Replace(defaultCodedEconomic, "30.50\n", "31.50\n", 1)
	if e := extractLines(t, other).Expenditure.ByEconomic; len(e) != 0 {
		t.Errorf("a table with a class left without its amount was used: %+v", e)
	}
}

// A 收支总表 of three panels (收入 | 功能分类 | 支出用途) as default-mode
// pdftotext scrambles it: values after their labels, before the next
// panel's label of their row, or before their panel's next row.
const defaultPanelSummary = `某省某厅2019年度部门预算
收支预算总表
部门：某省某厅
单位：万元
收入
项目名称
一、财政拨款
1.一般公共预算
支出
功能分类
金额
功能科目名称
500.00 一、一般公共服务支出
金额
项目名称
300.00
二、项目支出
150.00
三、单位预留机动经费
60.00
三、国防支出
二、财政专户管理资金
金额
400.00 一、基本支出
500.00 二、外交支出
2.政府性基金预算
三、其他资金
支出用途
四、公共安全支出
10.00 五、教育支出
六、科学技术支出
七、社会保障和就业支出
50.00
八、住房保障支出
60.00
当年收入小计
510.00
510.00
结转下年资金
上年结转资金
收入合计
当年支出小计
510.00
支出合计
510.00
支出预算总表
合计
基本支出
510.00
单位：万元
300.00
项目支出
150.00
单位预留机动经费
60.00
一般公共预算支出预算表（功能科目）
单位：万元
功能科目编码
功能科目名称
合计
金额
500.00
201
一般公共服务支出
390.00
20101
人大事务
390.00
208
社会保障和就业支出
50.00
20805
行政事业单位离退休
50.00
221
住房保障支出
60.00
22102
住房改革支出
60.00
`

func TestDefaultModePanelSummary(t *testing.T) {
	d := extractLines(t, defaultPanelSummary)
	if r := d.Revenue; r.Total == nil || *r.Total != schema.Yuan(5100000) {
		t.Fatalf("revenue = %+v", r)
	}
	// 当年收入小计 equal to the total: the current year, nothing said of the
	// blank amounts carried
	if r, e := d.Revenue, d.Expenditure; r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(5100000) || r.CarriedOver != nil ||
		e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(5100000) || e.CarriedForward != nil {
		t.Errorf("current year = %v %v, carried %v %v", r.CurrentYear, e.CurrentYear, r.CarriedOver, e.CarriedForward)
	}
	src := map[string]schema.Money{}
	for _, s := range d.Revenue.Sources {
		src[s.Name] = s.Amount
	}
	if src["财政拨款"] != schema.Yuan(5000000) || src["一般公共预算"] != schema.Yuan(5000000) || src["其他收入"] != schema.Yuan(100000) {
		t.Errorf("sources = %+v", d.Revenue.Sources)
	}
	fn := map[string]schema.Money{}
	for _, c := range d.Expenditure.ByFunction {
		fn[c.Code] = c.Amount
	}
	if len(fn) != 3 || fn["201"] != schema.Yuan(4000000) || fn["208"] != schema.Yuan(500000) || fn["221"] != schema.Yuan(600000) {
		t.Errorf("by_function = %+v", d.Expenditure.ByFunction)
	}
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount != schema.Yuan(3000000) || e.Project == nil || e.Project.Amount != schema.Yuan(1500000) ||
		e.Reserve == nil || e.Reserve.Amount != schema.Yuan(600000) {
		t.Errorf("basic, project, reserve = %+v %+v %+v", e.Basic, e.Project, e.Reserve)
	}
	// the uses' sum cannot tell them apart: a 支出总表 that says otherwise
	// leaves them out
	other := strings.Replace(defaultPanelSummary, "300.00\n项目支出\n150.00", "290.00\n项目支出\n160.00", 1)
	if e := extractLines(t, other).Expenditure; e.Basic != nil || e.Project != nil {
		t.Errorf("uses the 支出总表 contradicts were read: %+v %+v", e.Basic, e.Project)
	}
	// classes that do not add up: no placement does, and nothing is read
	broken := strings.Replace(defaultPanelSummary, "50.00\n", "40.00\n", 1)
	if d := extractLines(t, broken); len(d.Revenue.Sources) != 0 || len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("a summary that does not add up was read: %+v %+v", d.Expenditure.ByFunction, d.Revenue.Sources)
	}
	// values printed a row late (after the next class's label): a class
	// the coded table does not have (其他支出) takes none, and the one
	// placement left is read
	late := strings.Replace(defaultPanelSummary, "七、社会保障和就业支出\n50.00\n八、住房保障支出\n60.00\n", "七、社会保障和就业支出\n八、住房保障支出\n50.00\n九、其他支出\n60.00\n", 1)
	fn = map[string]schema.Money{}
	for _, c := range extractLines(t, late).Expenditure.ByFunction {
		fn[c.Code] = c.Amount
	}
	if len(fn) != 3 || fn["208"] != schema.Yuan(500000) || fn["221"] != schema.Yuan(600000) {
		t.Errorf("late values: by_function = %+v", fn)
	}
	// a label wrapped over two lines, its end printed later
	wrapped := strings.Replace(defaultPanelSummary, "1.一般公共预算\n", "1.一般公共预\n", 1)
	wrapped = strings.Replace(wrapped, "2.政府性基金预算\n", "2.政府性基金预算\n算\n", 1)
	src = map[string]schema.Money{}
	for _, s := range extractLines(t, wrapped).Revenue.Sources {
		src[s.Name] = s.Amount
	}
	if src["一般公共预算"] != schema.Yuan(5000000) || src["其他收入"] != schema.Yuan(100000) {
		t.Errorf("wrapped label: sources = %+v", src)
	}
	// a source's number printed apart from its label ("1. 一般公共预算"):
	// the number is the label's, no amount
	apart := strings.Replace(defaultPanelSummary, "1.一般公共预算\n", "1. 一般公共预算\n", 1)
	apart = strings.Replace(apart, "2.政府性基金预算\n", "2. 政府性基金预算\n", 1)
	src = map[string]schema.Money{}
	for _, s := range extractLines(t, apart).Revenue.Sources {
		src[s.Name] = s.Amount
	}
	if src["财政拨款"] != schema.Yuan(5000000) || src["一般公共预算"] != schema.Yuan(5000000) || src["其他收入"] != schema.Yuan(100000) {
		t.Errorf("numbers apart: sources = %+v", src)
	}
	// a value that lost its neighbours: 10.00 could be 其他资金's or
	// 财政专户管理资金's, so neither is read (and the sources do not add up),
	// while the classes and the uses, the same in every placement, are
	lost := strings.Replace(defaultPanelSummary, "10.00 五、教育支出\n", "五、教育支出\n", 1)
	lost = strings.Replace(lost, "当年收入小计\n510.00\n510.00\n", "当年收入小计\n510.00\n10.00\n510.00\n", 1)
	d = extractLines(t, lost)
	if len(d.Revenue.Sources) != 0 || len(d.Expenditure.ByFunction) != 3 || d.Expenditure.Basic == nil || d.Expenditure.Basic.Amount != schema.Yuan(3000000) {
		t.Errorf("lost value: sources %+v, by_function %+v, basic %+v", d.Revenue.Sources, d.Expenditure.ByFunction, d.Expenditure.Basic)
	}
	// without a coded function table to agree with, the cells are not read
	alone := defaultPanelSummary[:strings.Index(defaultPanelSummary, "一般公共预算支出预算表")]
	if d := extractLines(t, alone); len(d.Revenue.Sources) != 0 || len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("cells read without a coded table: %+v %+v", d.Revenue.Sources, d.Expenditure.ByFunction)
	}
}

// A 三公 table whose header prints two labels one space apart (公务接待 会议费)
// and wraps a label off its column (费): the labels split at the space, the
// lone 费 joins its neighbour, and the values, fewer than the labels (购置费
// blank), line up with the labels in order; the blank 购置费 is zero, its
// 小计 being the 运行费.
func TestThreePublicHeaderAlignment(t *testing.T) {
	text := `某省某办公厅2019年度部门预算
                “三公”经费、会议费、培训费支出预算表
部门：某省某办公厅                                                                               单位：万元

                                          “三公”经费

                                          公务用车购置及运行维护费
     合计                        因公出国                           公务接待 会议费                  培训费
                     小计                                  公务用车
                               （境）费                 公务用车        费
                                          小计             运行维护
                                                     购置费
                                                           费
          2,224.43    660.10     106.00    156.60          156.60   397.50   1,282.56     281.77
`
	tp := extractLines(t, text).ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(6601000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(3975000) ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(1566000) || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != 0 {
		t.Errorf("three_public = %+v", tp)
	}
}

// A coded row whose name pdftotext -layout wrapped around the line of its
// code and amounts, or printed below it, keeps its code, its whole name and
// its amounts.
func TestCodedRowNameWrappedAroundCode(t *testing.T) {
	lines := strings.Split(`208              社会保障和就业支出               1,068.78
20805            行政事业单位离退休               1,068.78
2080504          未归口管理的行政单位离退休            256.76

                 机关事业单位基本养老保险缴费支
2080505                                   580.01
                 出

2080506          机关事业单位职业年金缴费支出           232.01`, "\n")
	rows, _ := readRows(lines, compactAll(lines), 0, len(lines))
	var got []string
	for _, r := range rows {
		if len(r.vals) > 0 {
			got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, units(r.vals[0])))
		}
	}
	want := []string{"208 社会保障和就业支出 10687800", "20805 行政事业单位离退休 10687800", "2080504 未归口管理的行政单位离退休 2567600",
		"2080505 机关事业单位基本养老保险缴费支出 5800100", "2080506 机关事业单位职业年金缴费支出 2320100"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the code in three cells, the name on the lines below
	lines = strings.Split(`208             社会保障和就业支出        326.72    326.72
208   05        行政事业单位养老支出       326.72    326.72
208   05   05                    160.75    160.75
                机关事业单位基本养老保险缴
                费支出

208   05   99   其他行政事业单位养老支出     0.94     0.94`, "\n")
	got = nil
	rows, _ = readRows(lines, compactAll(lines), 0, len(lines))
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, len(r.vals)))
	}
	want = []string{"208 社会保障和就业支出 2", "20805 行政事业单位养老支出 2", "2080505 机关事业单位基本养老保险缴费支出 2", "2080599 其他行政事业单位养老支出 2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a 类's name wrapped around its code's line, halves of any length: the
	// code was read as an amount of the half above
	lines = strings.Split(`206             科学技术支出                  6,174,127                     6,174,127
206   01        科学技术管理事务                6,174,127                     6,174,127
206   01   01   行政运行                    4,443,964                     4,443,964
                其他科学技术
206   01   99                           1,730,163                     1,730,163
                管理事务支出
                文化旅游体
207                                        718.62         343.43         375.19
                育与传媒支出
207   01        文化和旅游                      718.62         343.43         375.19`, "\n")
	got = nil
	rows, _ = readRows(lines, compactAll(lines), 0, len(lines))
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, len(r.vals)))
	}
	want = []string{"206 科学技术支出 2", "20601 科学技术管理事务 2", "2060101 行政运行 2", "2060199 其他科学技术管理事务支出 2", "207 文化旅游体育与传媒支出 3", "20701 文化和旅游 3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a 类 opening its line with its amounts, its name on the two lines below
	lines = strings.Split(`201             一般公共服务支出                  991,160        750,837        240,323
201   06   02   一般行政管理事务                  991,160        750,837        240,323
207                                    18,566,865     13,520,272      5,046,593
                文化旅游体
                育与传媒支出
207   01        文化和旅游                  18,566,865     13,520,272      5,046,593`, "\n")
	got = nil
	rows, _ = readRows(lines, compactAll(lines), 0, len(lines))
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, len(r.vals)))
	}
	want = []string{"201 一般公共服务支出 3", "2010602 一般行政管理事务 3", "207 文化旅游体育与传媒支出 3", "20701 文化和旅游 3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the same with a 类's former name (医疗卫生与计划生育支出, 2014–2018),
	// wrapped around its code's line and below it
	for _, text := range []string{`207             文化体育与传媒支出                  827.36         442.49         384.87
                医疗卫生与
210                                      1,256.21       1,256.21
                计划生育支出
210   05        医疗保障                     1,256.21       1,256.21`, `207             文化体育与传媒支出                  827.36         442.49         384.87
210                                      1,256.21       1,256.21
                医疗卫生与
                计划生育支出
210   05        医疗保障                     1,256.21       1,256.21`} {
		lines = strings.Split(text, "\n")
		got = nil
		rows, _ := readRows(lines, compactAll(lines), 0, len(lines))
		for _, r := range rows {
			got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, len(r.vals)))
		}
		want = []string{"207 文化体育与传媒支出 3", "210 医疗卫生与计划生育支出 2", "21005 医疗保障 2"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// a 类 wrapped around its code first after a page break: its name's
	// first half is not the end of the repeated header's 类 款 项
	lines = strings.Split(`207             文化体育与传媒支出                  827.36         442.49         384.87
                公共财政拨款支出表（续）          单位：万元
                科目名称                           合计           基本支出           项目支出
类     款    项
                医疗卫生与
210                                      1,256.21       1,256.21
                计划生育支出
210   05        医疗保障                     1,256.21       1,256.21`, "\n")
	got = nil
	rows, _ = readRows(lines, compactAll(lines), 0, len(lines))
	for _, r := range rows {
		if r.code != "" {
			got = append(got, fmt.Sprintf("%s %s %d", r.code, r.name, len(r.vals)))
		}
	}
	want = []string{"207 文化体育与传媒支出 3", "210 医疗卫生与计划生育支出 2", "21005 医疗保障 2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A template's note that default mode printed inside its table (the table
// is not empty after all) does not end it: figures follow. A note followed
// by running text does.
func TestNoteInsideTable(t *testing.T) {
	lines := strings.Split("小计\n47.91\n购置费\n46.56\n注:本部门2024年无“三公”经费预算，故本表为空表。\n运行费\n25\n21.56\n其他相关情况说明\n2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元，主要原因是购置公务用车。", "\n")
	rows, _ := readRows(lines, compactAll(lines), 0, len(lines))
	n := 0
	for _, r := range rows {
		n += len(r.vals)
	}
	if n != 4 {
		t.Errorf("%d figures read, want the 4 around the note: %+v", n, rows)
	}
	after := strings.Split("合计\n10.00\n注:本表金额为年初预算数。\n其他相关情况说明\n2024年预算数为10万元，比2023年预算增加2万元，主要原因是业务增加。\n5.00", "\n")
	if noteWithin(compactAll(after), 2, len(after)) {
		t.Error("a note followed by running text was taken as inside the table")
	}
}

// A three-digit number is a 类's code only before that 类's name (or its
// start, wrapped): 302 yuan before an item's name is an amount.
func TestCodeCellNeedsItsClass(t *testing.T) {
	for _, c := range []struct {
		code, next string
		ok         bool
	}{
		{"302", "商品和服务支出", true}, {"303", "对个人和家庭的补", true}, {"310", "其他资本性支出", true},
		{"302", "办公费", false}, {"201", "一般公共服务支出", true}, {"208", "住房保障支出", false},
	} {
		if _, _, _, ok := codeCell([]string{c.code}, [][]string{{c.next}}, ""); ok != c.ok {
			t.Errorf("%s before %s: code %v, want %v", c.code, c.next, ok, c.ok)
		}
	}
	// the class's amount printed between its code and its name
	if _, _, named, ok := codeCell([]string{"302", "1,579.38"}, [][]string{{"商品和服务支出"}}, ""); !ok || named {
		t.Errorf("302 / 1,579.38 / 商品和服务支出: code %v, named %v", ok, named)
	}
	if _, _, _, ok := codeCell([]string{"302", "1,579.38"}, [][]string{{"办公费"}}, ""); ok {
		t.Error("302 / 1,579.38 / 办公费 read as a code")
	}
}

// A 决算 summary's last rows as default mode prints them: each panel's
// labels, then its values, the two panels interleaved.
const defaultCarried = `某区某局2024年度部门决算
某区某局2024年度收入支出总计1,050.00万元。
本年收入合计1,010.00万元，本年支出合计1,000.00万元。
收入支出决算总表
单位：万元
本年收入合计
1,010.00
本年支出合计
1,000.00
使用非财政拨款结余（含专用结余）
年初结转和结余
总计
结余分配
40.00
1,050.00
年末结转和结余
总计
50.00
1,050.00
财政拨款收入支出决算总表
单位：万元
本年收入合计
年初财政拨款结转和结余
总计
1,000.00
20.00
1,020.00
本年支出合计
年末财政拨款结转和结余
总计
1,000.00
20.00
1,020.00
`

func TestDefaultModeCarriedAmounts(t *testing.T) {
	carried := func(text string) (in, out *schema.Money) {
		d := extractLines(t, text)
		return d.Revenue.CarriedOver, d.Expenditure.CarriedForward
	}
	// each side adds up with one value; the 财政拨款 carried (at least
	// 1,020 − 1,010 and 1,020 − 1,000) says which row holds it
	if in, out := carried(defaultCarried); in == nil || *in != schema.Yuan(400000) || out == nil || *out != schema.Yuan(500000) {
		t.Fatalf("carried = %v %v", in, out)
	}
	// nothing 财政拨款 need carry in: 40.00 may be 使用非财政拨款结余's
	lower := strings.Replace(defaultCarried, "1,000.00\n20.00\n1,020.00\n本年支出合计", "1,000.00\n10.00\n1,010.00\n本年支出合计", 1)
	lower = strings.Replace(lower, "1,000.00\n20.00\n1,020.00\n", "1,000.00\n10.00\n1,010.00\n", 1)
	if in, out := carried(lower); in != nil || out == nil || *out != schema.Yuan(500000) {
		t.Errorf("carried in without a bound = %v, out %v", in, out)
	}
	// the 财政拨款 total from the text alone bounds nothing
	textOnly := strings.Replace(defaultCarried[:strings.Index(defaultCarried, "财政拨款收入支出决算总表")],
		"收入支出决算总表", "财政拨款收入支出总计1,020.00万元。\n收入支出决算总表", 1)
	if d := extractLines(t, textOnly); d.Revenue.FiscalTotal == nil {
		t.Fatal("the text's 财政拨款收入支出总计 is not read")
	}
	if in, out := carried(textOnly); in != nil || out != nil {
		t.Errorf("bounded by the text's figure: %v %v", in, out)
	}
	// both rows of a side hold a value: either could be either
	both := strings.Replace(defaultCarried, "结余分配\n40.00\n", "结余分配\n10.00\n30.00\n", 1)
	if in, _ := carried(both); in != nil {
		t.Errorf("two values placed by their sum alone: %v", *in)
	}
	// the text's current year disagrees: no placement confirms the table
	other := strings.Replace(defaultCarried, "本年收入合计1,010.00万元", "本年收入合计1,020.00万元", 1)
	if in, out := carried(other); in != nil || out != nil {
		t.Errorf("read against the text's current year: %v %v", in, out)
	}
	// a row this reader does not know could hold any of the values
	unknown := strings.Replace(defaultCarried, "结余分配\n", "结余分配\n提取专用基金\n", 1)
	if in, out := carried(unknown); in != nil || out != nil {
		t.Errorf("read beside an unknown row: %v %v", in, out)
	}
}

// A two-panel basic-expenditure table (人员经费 | 公用经费) as default mode
// prints it: amounts a row from their names, codes between, and each
// panel's 合计 beside its label at the end.
const defaultEconomicPanels = `某区某局2024年度部门决算
一般公共预算财政拨款基本支出决算表
单位：万元
经济分类
科目编码
类
301
301
1,000.00
302
工资福利支出
600.00
302
基本工资
400.00
01
02
303
20.50
对个人和家庭的补助
303
01
20.50
302
办公费
6.00
301
3.00
302
商品和服务支出
302
02
印刷费
1.00
310
资本性支出
2.00
310
02
办公设备购置
2.00
人员经费合计
1,020.50
公用经费合计
12.00
`

func TestEconomicPanelsDefaultMode(t *testing.T) {
	economic := func(text string) map[string]schema.Money {
		got := map[string]schema.Money{}
		for _, c := range extractLines(t, text).Expenditure.ByEconomic {
			got[c.Code] = c.Amount
			if len(c.Items) > 0 {
				t.Errorf("items of %s read from scrambled cells: %+v", c.Code, c.Items)
			}
		}
		return got
	}
	// no amount near 302 makes 公用经费合计 with 310's 2.00: no placement
	// adds up, and nothing is read
	if got := economic(defaultEconomicPanels); len(got) != 0 {
		t.Errorf("read from a placement that does not add up: %v", got)
	}
	// its amount printed near it: 1,000.00 + 20.50 is the one pair near
	// 301 and 303 that makes 人员经费合计, 10.00 + 2.00 the one near 302 and
	// 310 that makes 公用经费合计
	fixed := strings.Replace(defaultEconomicPanels, "301\n3.00\n302\n商品和服务支出", "301\n10.00\n302\n商品和服务支出", 1)
	if got := economic(fixed); len(got) != 4 || got["301"] != schema.Yuan(10000000) || got["303"] != schema.Yuan(205000) ||
		got["302"] != schema.Yuan(100000) || got["310"] != schema.Yuan(20000) {
		t.Errorf("classes = %v", got)
	}
	// 420.50 near 303 makes 人员经费合计 with 600.00 near 301 as 20.50 does
	// with 1,000.00: 301 and 303 stay unread, 302 and 310 are read
	twice := strings.Replace(fixed, "303\n20.50\n对个人和家庭的补助\n", "303\n20.50\n对个人和家庭的补助\n420.50\n", 1)
	if got := economic(twice); got["301"] != 0 || got["303"] != 0 || got["302"] != schema.Yuan(100000) {
		t.Errorf("personnel classes read from two placements: %v", got)
	}
	// the item 31099 其他资本性支出 (310's name before 2018) is not the class
	item := strings.Replace(fixed, "办公设备购置\n2.00\n", "办公设备购置\n2.00\n99\n其他资本性支出\n", 1)
	if got := economic(item); got["310"] != schema.Yuan(20000) || got["302"] != schema.Yuan(100000) {
		t.Errorf("with 其他资本性支出: %v", got)
	}
	// without a panel's 合计 nothing is read
	if got := economic(strings.Replace(fixed, "公用经费合计\n12.00\n", "", 1)); len(got) != 0 {
		t.Errorf("read without 公用经费合计: %v", got)
	}
}

// TestNationalTemplateTitles: the 2025 national template names its tables
// 部门收支总表 and 部门支出总表; they are the summary and the expenditure
// table. 部门收入总表 (收入预算总表, 收入决算表) is revenue by source.
func TestNationalTemplateTitles(t *testing.T) {
	for title, want := range map[string]tableKind{
		"部门收支总表": tableSummary, "2025年单位收支总表": tableSummary, "部门支出总表": tableExpenditure,
		"财政拨款收支总表": tableFiscal, "政府性基金预算支出表": tableFund, "部门收入总表": tableRevenue,
		"收入预算总表": tableRevenue, "收入决算表": tableRevenue, "政府性基金预算财政拨款收入支出决算表": tableFund, "国有资本经营预算财政拨款收入支出决算表": tableOther,
		"部门决算相关信息统计表": tableStatistics,
		"一般公共预算基本支出表": tableEconomic, "2026年一般公共预算基本支出表": tableEconomic,
	} {
		if got := classifyTitle(title); got != want {
			t.Errorf("%s: kind %d, want %d", title, got, want)
		}
	}
	text := strings.Replace(layoutSummary, "2024年部门财务收支预算总表", "部门收支总表", 1)
	doc, err := Extract(&ingest.Text{Path: "n.txt", Lines: strings.Split(text, "\n")}, "n", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Revenue.Total == nil || doc.Revenue.Total.String() != "1500000" || len(doc.Expenditure.ByFunction) != 3 {
		t.Errorf("部门收支总表 not read: revenue %v, %d classes", doc.Revenue.Total, len(doc.Expenditure.ByFunction))
	}
}

// TestTitleAfterItsTable: pdftotext -raw prints a title after its table, so
// the rows under "一般公共预算基本支出预算表" are the next table's, whose
// header names 机关运行经费. They add up, but they are not basic
// expenditure: not used.
func TestTitleAfterItsTable(t *testing.T) {
	text := "某局2017年部门预算\n一般公共预算基本支出预算表\n表十\n部门：某局 单位：万元\n科目编码 科目名称 机关运行经费支出\n" +
		"合计 3,348.98\n302 商品和服务支出 3,253.98\n30201 办公费 3,253.98\n310 其他资本性支出 95.00\n31002 办公设备购置 95.00\n一般公共预算机关运行经费支出预算表\n表十一\n"
	doc, err := Extract(&ingest.Text{Path: "r.txt", Lines: strings.Split(text, "\n")}, "r", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Expenditure.ByEconomic) != 0 {
		t.Errorf("another table's rows read as basic expenditure: %+v", doc.Expenditure.ByEconomic)
	}
	found := false
	for _, w := range doc.Warnings {
		found = found || strings.Contains(w.Reason, "its header names 机关运行经费")
	}
	if !found {
		t.Errorf("no warning says why the table was left out: %+v", doc.Warnings)
	}
}

// A basic-expenditure table whose class cell was changed no longer adds up
// and is left out; read from layout text, what it prints stays as table
// claims: the 合计, each class with the 合计 it is part of, each item with
// its class. Default-mode text (one cell a line) gives none: its cells may
// be out of order, and a sum that fails may be the reader's.
func TestRejectedTableKeptAsClaims(t *testing.T) {
	layout := `某省某院2019年部门预算
          财政拨款基本支出预算表（经济科目）
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               30.00
301              工资福利支出            25.00
30101            基本工资                  12.00
30102            津贴补贴                  8.00
303              对个人和家庭的补助             10.00
30302            退休费                   10.00
`
	copied := `          一般公共预算基本支出预算表
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               30.00
301              工资福利支出            20.00
30101            基本工资                  12.00
30102            津贴补贴                  8.00
303              对个人和家庭的补助             10.00
30302            退休费                   10.00
`
	d := extractLines(t, layout+copied)
	if e := d.Expenditure.ByEconomic; len(e) != 2 || e[0].Amount != schema.Yuan(200000) || d.Provenance["/expenditure/by_economic/0/amount"].Line != 15 {
		t.Fatalf("the copy that adds up is not the one used: %+v", e)
	}
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s line %d table %d %s", cl.Value, cl.Of, cl.Line, cl.Table, cl.Unit)
		}
	}
	want := map[string]string{
		"/tables/2/5":                        "300000 of  line 5 table 2 万元",
		"/expenditure/by_economic/0":         "250000 of /tables/2/5 line 6 table 2 万元",
		"/expenditure/by_economic/0/items/0": "120000 of /expenditure/by_economic/0 line 7 table 2 万元",
		"/expenditure/by_economic/0/items/1": "80000 of /expenditure/by_economic/0 line 8 table 2 万元",
		"/expenditure/by_economic/1":         "100000 of /tables/2/5 line 9 table 2 万元",
		"/expenditure/by_economic/1/items/0": "100000 of /expenditure/by_economic/1 line 10 table 2 万元",
	}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}

	// the same tables in default mode: one cell a line. A failed sum may
	// be the reader's, but one misprint (301's 25.00 for 20.00) makes every
	// sum of the first table hold, and no other one does: its two failing
	// sums, the 合计's and 301's, are kept (treeOneOff), and the copies of
	// 301, each value printed on its row, as before
	var cells []string
	for _, l := range strings.Split(layout+copied, "\n")[1:] {
		cells = append(cells, strings.Fields(l)...)
	}
	def := extractLines(t, "某省某院2019年部门预算\n"+strings.Join(cells, "\n"))
	var kept []string
	for _, cl := range def.Claims {
		if cl.Kind == schema.ClaimTable {
			kept = append(kept, fmt.Sprintf("%s %v line %d table %d", cl.Path, cl.Value, cl.Line, cl.Table))
		}
	}
	if want := []string{"/tables/2/9 300000 line 9 table 2", "/tables/2/12 250000 line 12 table 2", "/tables/2/21 100000 line 21 table 2",
		"/tables/2/15 120000 line 15 table 2", "/tables/2/18 80000 line 18 table 2", "/tables/2/12 200000 line 35 table 25"}; !slices.Equal(kept, want) {
		t.Errorf("default-mode text gave table claims %q, want the first table's two failing sums and the copies of 301 %q", kept, want)
	}
	if !strings.Contains(fmt.Sprint(def.Warnings), "table not used") {
		t.Errorf("the default-mode table is not left out: %v", def.Warnings)
	}
}

// A 支出总表 whose 合计 row no longer adds up (its 基本支出 changed) keeps
// the row as table claims: the total, and each use as a part of it, 基本支出
// on the basic expenditure the text states.
func TestRejectedExpenditureRowKeptAsClaims(t *testing.T) {
	text := `某省某院2019年部门预算
本年支出合计100.00万元，其中：基本支出60.00万元，项目支出40.00万元。
          支出预算总表
部门名称：某省某院                     单位：万元
   科目编码     科目名称        合计      基本支出      项目支出
              合计             100.00      70.00        40.00
   201        一般公共服务支出   100.00      60.00        40.00
`
	d := extractLines(t, text)
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s line %d", cl.Value, cl.Of, cl.Line)
		}
	}
	want := map[string]string{"/tables/3/6": "1e+06 of  line 6", "/expenditure/basic": "700000 of /tables/3/6 line 6",
		"/expenditure/project": "400000 of /tables/3/6 line 6"}
	if d.Expenditure == nil || d.Expenditure.Basic == nil || d.Expenditure.Basic.Amount != schema.Yuan(600000) {
		t.Fatalf("the text's basic expenditure is not read: %+v", d.Expenditure)
	}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
}

// A row of a layout table whose 合计 column is not the sum of its other
// columns, where three rows are, keeps its cells as table claims; a table
// whose columns are not a total's (two rows that do not add up) gives none.
func TestRowSumKeptAsClaims(t *testing.T) {
	text := `某区某局2024年部门预算
             2024年部门一般公共预算基本支出部门预算经济分类预算表
编制部门：某区某局                                             单位：元
    编码                     经济分类科目名称   合计           人员经费         公用经费
 301         工资福利支出                   8,000   8,000            0
 301   01    基本工资                      5,000    5,000            0
 301   02    津贴补贴                     3,000    3,900            0
 302         商品和服务支出                  1,000            400   600
`
	d := extractLines(t, text)
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s", cl.Value, cl.Of)
		}
	}
	want := map[string]string{"/tables/2/7": "3000 of ", "/tables/2/7/2": "3900 of /tables/2/7", "/tables/2/7/3": "0 of /tables/2/7"}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
	// two cells of two rows swapped: both rows, four rows adding up
	swapped := strings.Replace(text, "3,000    3,900", "3,000    3,000", 1)
	swapped = strings.Replace(swapped, " 302         商品和服务支出                  1,000            400   600",
		" 302         商品和服务支出                  1,000            400   600\n 303         对个人和家庭的补助               700      700     0\n 399         其他支出                   90      0     90", 1)
	swapped = strings.Replace(swapped, "5,000    5,000", "5,000    700", 1)
	swapped = strings.Replace(swapped, "700      700     0", "700      5,000     0", 1)
	rows := map[int]bool{}
	for _, cl := range extractLines(t, swapped).Claims {
		if cl.Kind == schema.ClaimTable {
			rows[cl.Line] = true
		}
	}
	if !maps.Equal(rows, map[int]bool{6: true, 9: true}) {
		t.Errorf("two swapped cells: claims on lines %v, want 6 and 9", rows)
	}
	// three rows that do not add up: the columns are not a total's
	other := strings.Replace(text, "1,000            400   600", "1,000            400   500", 1)
	other = strings.Replace(other, "5,000    5,000", "5,000    5,100", 1)
	for _, cl := range extractLines(t, other).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("three rows of four do not add up, and a claim is kept: %+v", cl)
		}
	}
	// rows of zeros add up whatever the columns are: they do not count
	zeros := `某区某局2024年部门预算
             2024年部门项目支出预算表
编制部门：某区某局                                             单位：元
    项目名称            年初结转      本年收入         本年支出       年末结转
    甲项目              0          0            0            0
    乙项目              0          0            0            0
    丙项目              0          0            0            0
    丁项目              50         100          100          50
`
	for _, cl := range extractLines(t, zeros).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("rows of zeros count as adding up: %+v", cl)
		}
	}
}

// A coded table that keeps its columns, whose 款 cell was changed: its
// 类's sum and its own fail while the others hold, and the cells of both
// sums are kept as table claims; in default mode printed row by row (its
// codes a tree), the same four; with its codes printed apart, none.
func TestTreeSumKeptAsClaims(t *testing.T) {
	text := `某区某局2024年部门预算
                       2024年部门一般公共预算支出功能分类预算表
编制部门：某区某局                                           单位：元
类     款    项          功能分类科目名称    合计
201             一般公共服务支出              200
201   05        统计信息事务                 200
201   05   07   专项普查活动                 100
201   29        群众团体事务                 100
201   29   02   一般行政管理事务               100
208             社会保障和就业支出              50
208   05        行政事业单位养老支出              50
208   05   05   机关事业单位基本养老保险缴费支出     50
                合计                        250
`
	d := extractLines(t, text)
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s", cl.Value, cl.Of)
		}
	}
	want := map[string]string{"/tables/2/5": "200 of ", "/tables/2/6": "200 of /tables/2/5", "/tables/2/7": "100 of /tables/2/6",
		"/tables/2/8": "100 of /tables/2/5"}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
	// a 项 printed without its amount takes no part, and breaks nothing
	blank := strings.Replace(text, "201   05   07   专项普查活动                 100", "201   05   07   专项普查活动", 1)
	for _, cl := range extractLines(t, blank).Claims {
		if cl.Kind == schema.ClaimTable && cl.Line == 7 {
			t.Errorf("a row without its amount is a part: %+v", cl)
		}
	}
	var cells, codes, rest []string
	for _, l := range strings.Split(text, "\n")[1:] {
		cells = append(cells, strings.Fields(l)...)
		for _, c := range strings.Fields(l) {
			if len(c) <= 3 && strings.Trim(c, "0123456789") == "" && len(codes) < 24 && c != "100" && c != "200" && c != "50" {
				codes = append(codes, c)
			} else {
				rest = append(rest, c)
			}
		}
	}
	n := 0
	for _, cl := range extractLines(t, "某区某局2024年部门预算\n"+strings.Join(cells, "\n")).Claims {
		if cl.Kind == schema.ClaimTable {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("default mode row by row: %d table claims, want %d", n, len(want))
	}
	for _, cl := range extractLines(t, "某区某局2024年部门预算\n"+strings.Join(append(codes, rest...), "\n")).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("default mode with the codes apart gave a table claim: %+v", cl)
		}
	}
}

// treeLayout is a coded table that keeps its columns (pdftotext -layout).
const treeLayout = `某区某局2024年部门预算
                       2024年部门一般公共预算支出功能分类预算表
编制部门：某区某局                                           单位：元
类     款    项          功能分类科目名称    合计        基本支出      项目支出
201             一般公共服务支出              200         150          50
201   05        统计信息事务                 100         100           0
201   05   07   专项普查活动                 100         100           0
201   29        群众团体事务                 100          50          50
201   29   02   一般行政管理事务               100          50          50
208             社会保障和就业支出              90          60          30
208   05        行政事业单位养老支出              90          60          30
208   05   05   机关事业单位基本养老保险缴费支出     90          60          30
                合计                        290         210          80
`

// A coded table that keeps its columns, two cells of a 类 row swapped
// (基本支出 and 项目支出): the row still adds up, and its 合计 column's
// tree, but in either column the 类 is no longer the sum of its 款, nor
// the 合计 of the 类: those sums are kept as table claims, naming the 类
// row's line. As printed, none.
func TestTreeSumOfEachColumn(t *testing.T) {
	text := treeLayout
	if got := brokenSums(extractLines(t, text)); len(got) > 0 {
		t.Fatalf("as printed: failing sums %v", got)
	}
	swapped := strings.Replace(text, "200         150          50", "200          50         150", 1)
	// in each column: the 类 (line 5) against its 款 (6, 8), and the 合计
	// (13) against the 类 (5 kept once, 10)
	want := [][]int{{5, 6, 8}, {13, 10}, {5, 6, 8}, {13, 10}}
	if got := brokenSums(extractLines(t, swapped)); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("failing sums %v, want %v", got, want)
	}
}

// treeLayout with two rows' 基本支出 and 项目支出 printed on the line above
// them (as pdftotext -layout gives a 决算's 支出决算表): those rows take part
// in the 合计 column's tree by their first cell, on their line. A 类 misprinted 300 for 200 breaks its own sum and
// the 合计's, which one misprint mends: both are kept. As printed, none; a
// change no one misprint explains, none.
func TestTreeSumOfFirstCells(t *testing.T) {
	text := strings.NewReplacer(
		"201             一般公共服务支出              200         150          50\n",
		"                                                           150          50\n201             一般公共服务支出              200\n",
		"201   05        统计信息事务                 100         100           0\n",
		"                                                           100           0\n201   05        统计信息事务                 100\n",
	).Replace(treeLayout)
	if got := brokenSums(extractLines(t, text)); len(got) > 0 {
		t.Fatalf("as printed: failing sums %v", got)
	}
	misprinted := strings.Replace(text, "一般公共服务支出              200", "一般公共服务支出              300", 1)
	want := [][]int{{6, 8, 10}, {15, 12}}
	if got := brokenSums(extractLines(t, misprinted)); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("failing sums %v, want %v", got, want)
	}
	twice := strings.Replace(text, "一般公共服务支出              200", "一般公共服务支出              375", 1)
	if got := brokenSums(extractLines(t, twice)); len(got) > 0 {
		t.Errorf("no one misprint explains 375: failing sums %v", got)
	}
}

// A 支出决算表 in layout text whose rows print their 合计 and one part on
// their line, the other cells of some rows above them: one row prints
// three cells, but rows printing their total and one part equal show the
// columns are parts of the first too. A part misprinted 96 for 90 is kept with
// its row's total; a row that does not add up on its line and that no
// misprint explains (its cells printed elsewhere) is not. As printed, none.
func TestRowSumOfPairs(t *testing.T) {
	text := `某区某局2024年部门决算
                       支出决算表
编制部门：某区某局                                           单位：元
类     款    项          功能分类科目名称    合计        基本支出      项目支出
                                                           150          50
201             一般公共服务支出              200
201   05        统计信息事务                 100         100
201   05   07   专项普查活动                 100         100
                                                            50          50
201   29        群众团体事务                 100
201   29   02   一般行政管理事务               100          50
                                                                        50
208             社会保障和就业支出              90          90
208   05        行政事业单位养老支出              90          90
208   05   05   机关事业单位基本养老保险缴费支出     90          90
                合计                        290         240          50
`
	if got := brokenSums(extractLines(t, text)); len(got) > 0 {
		t.Fatalf("as printed: failing sums %v", got)
	}
	misprinted := strings.Replace(text, "缴费支出     90          90", "缴费支出     90          96", 1)
	if got := brokenSums(extractLines(t, misprinted)); !slices.EqualFunc(got, [][]int{{15, 15}}, slices.Equal) {
		t.Errorf("failing sums %v, want the row of line 15", got)
	}
}

// A 三公 table read by column whose 合计 no longer equals its parts keeps
// the parts as printed, on the parts the text states.
func TestThreePublicPartsKeptAsClaims(t *testing.T) {
	text := `某区某局2024年部门预算
“三公”经费预算47.91万元，其中：因公出国（境）费0万元，公务接待费1.35万元，公务用车购置及运行费46.56万元。
                       部门“三公”经费和机关运行经费预算表
编制部门：某区某局                                                              单位:万元
                               2024年“三公”经费预算数
                                                                                2024年机关运行经
                                                  公务用车购置及运行费
                                                                                    费预算数
   合计           因公出国(境)费       公务接待费
                                          小计           购置费        运行费
        47.91              0       1.53        46.56         25         21.56         443.18
`
	d := extractLines(t, text)
	if tp := d.ThreePublic; tp == nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(13500) {
		t.Fatalf("the text's 公务接待费 is not read: %+v", d.ThreePublic)
	}
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v line %d", cl.Value, cl.Line)
		}
	}
	if got["/three_public/reception"] != "15300 line 11" || got["/three_public/overseas_travel"] != "0 line 11" {
		t.Errorf("table claims: %v", got)
	}
}

// A 支出决算表 (all funds, every 类, 款 and 项 on a coded row) gives the
// classes when the text and the summary did not and its 类 add up to the
// year's expenditure; 类 that do not add up to it give none. A table of the
// appropriations alone (一般公共预算财政拨款支出决算表) whose 类 make the
// whole year's expenditure gives them too (TestClassesFromAppropriationsTableThatIsTheWhole).
func TestClassesFromCodedExpenditureTable(t *testing.T) {
	text := `某镇人民政府2017年度部门决算
本年支出合计300.00万元。
                       支出决算表
编制单位：某镇人民政府                                           金额单位：万元
类     款    项          科目名称              本年支出合计     基本支出       项目支出
201             一般公共服务支出              200.00       200.00        0
201   03        政府办公厅（室）及相关机构事务    200.00       200.00        0
201   03   01   行政运行                    200.00       200.00        0
213             农林水支出                  100.00        40.00        60.00
213   07        农村综合改革                 100.00        40.00        60.00
213   07   05   对村民委员会和村党支部的补助      100.00        40.00        60.00
`
	d := extractLines(t, text)
	f := d.Expenditure.ByFunction
	if len(f) != 2 || f[0].Code != "201" || f[0].Amount != schema.Yuan(2000000) || f[1].Code != "213" || f[1].Amount != schema.Yuan(1000000) ||
		len(f[1].Items) != 1 || f[1].Items[0].Code != "2130705" || d.Provenance["/expenditure/by_function/1/amount"].Line != 9 {
		t.Fatalf("by_function = %+v", f)
	}
	for name, other := range map[string]string{
		"not the year's": strings.Replace(text, "本年支出合计300.00万元", "本年支出合计310.00万元", 1),
		"appropriations, not the year's": strings.Replace(strings.Replace(text, "  支出决算表", "  一般公共预算财政拨款支出决算表", 1),
			"本年支出合计300.00万元", "本年支出合计310.00万元", 1),
	} {
		if f := extractLines(t, other).Expenditure.ByFunction; len(f) != 0 {
			t.Errorf("%s: by_function = %+v", name, f)
		}
	}
}

// A table's unit is read from any 单位: of its line, not only the first:
// "编制单位：某局  金额单位：万元" on one line.
func TestUnitAfterOrganisation(t *testing.T) {
	if f := unitAfter([]string{"支出决算表", "编制单位:某镇人民政府 金额单位:万元"}, 0, 2); f != 10000 {
		t.Errorf("factor = %d", f)
	}
	if f := unitAfter([]string{"支出决算表", "编制单位:某镇人民政府"}, 0, 2); f != 0 {
		t.Errorf("a unit from 编制单位: %d", f)
	}
}

// A 收支总表 read by column that fails its own sums keeps the sums that
// fail as table claims, each cell with its decimals and the table's unit:
// 支出总计 against 收入总计 (and the 类 against the 支出总计 it no longer
// equals), the sources against 收入总计, the year's revenue against 收入总计
// where the amounts carried are printed blank. The sums that hold give none;
// default-mode text gives the balance only where its sources add up to one
// total and one misprint explains the other (sumsOff).
func TestRejectedSummaryKeptAsClaims(t *testing.T) {
	claims := func(d *schema.Document) map[string]string {
		got := map[string]string{}
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				got[cl.Path] = fmt.Sprintf("%v of %s line %d table %d %d %s", cl.Value, cl.Of, cl.Line, cl.Table, cl.Decimals, cl.Unit)
			}
		}
		return got
	}
	unbalanced := strings.Replace(layoutSummary, "支出总计           1,500,000", "支出总计           1,560,000", 1)
	d := extractLines(t, unbalanced)
	want := map[string]string{
		"/tables/2/8":   "1.5e+06 of  line 8 table 2 0 元",             // 收入总计, the total of the balance
		"/tables/2/8/2": "1.56e+06 of /tables/2/8 line 8 table 2 0 元", // 支出总计, its part
		"/tables/2/8/3": "1.56e+06 of  line 8 table 2 0 元",            // 支出总计, the total of the 类
		"/tables/2/5":   "1e+06 of /tables/2/8/3 line 5 table 2 0 元",
		"/tables/2/6":   "300000 of /tables/2/8/3 line 6 table 2 0 元",
		"/tables/2/7":   "200000 of /tables/2/8/3 line 7 table 2 0 元",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("unbalanced: table claims:\n got %v\nwant %v", got, want)
	}
	sources := strings.Replace(layoutSummary, "一、财政拨款收入                   1,500,000", "一、财政拨款收入                   1,400,000", 1)
	d = extractLines(t, sources)
	want = map[string]string{
		"/tables/2/8": "1.5e+06 of  line 8 table 2 0 元",
		"/tables/2/5": "1.4e+06 of /tables/2/8 line 5 table 2 0 元",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("sources: table claims:\n got %v\nwant %v", got, want)
	}
	if d.Expenditure == nil || len(d.Expenditure.ByFunction) != 3 {
		t.Errorf("the 类 that add up are not used: %+v", d.Expenditure)
	}
	// the year's revenue changed, nothing carried (the row printed blank)
	current := `某区某局2024年部门预算
                2024年部门财务收支预算总表
编制部门：某区某局                              单位：元
           项目             预算数                       项目          预算数
一、财政拨款收入                   1,500,000 一、一般公共服务支出                  1,000,000
二、事业收入                                  二、住房保障支出                     500,000
当年收入小计                      1,560,000 当年支出小计                      1,500,000
上年结转                                      结转下年
           收入总计            1,500,000            支出总计           1,500,000
`
	want = map[string]string{
		"/tables/2/9": "1.5e+06 of  line 9 table 2 0 元",
		"/tables/2/7": "1.56e+06 of /tables/2/9 line 7 table 2 0 元",
	}
	if got := claims(extractLines(t, current)); !maps.Equal(got, want) {
		t.Errorf("current year: table claims:\n got %v\nwant %v", got, want)
	}
	if got := claims(extractLines(t, strings.Replace(current, "1,560,000", "1,500,000", 1))); len(got) != 0 {
		t.Errorf("a year equal to its total gave table claims: %v", got)
	}
	if got := claims(extractLines(t, layoutSummary)); len(got) != 0 {
		t.Errorf("a summary that adds up gave table claims: %v", got)
	}
	cellsOf := func(text string) string {
		var cells []string
		for _, l := range strings.Split(text, "\n")[1:] {
			cells = append(cells, strings.Fields(l)...)
		}
		return "某区某局2024年部门预算\n" + strings.Join(cells, "\n")
	}
	want = map[string]string{
		"/tables/2/22": "1.5e+06 of  line 22 table 2 0 元",
		"/tables/2/24": "1.56e+06 of /tables/2/22 line 24 table 2 0 元",
	}
	if got := claims(extractLines(t, cellsOf(unbalanced))); !maps.Equal(got, want) {
		t.Errorf("default-mode text, one misprint off: table claims:\n got %v\nwant %v", got, want)
	}
	twoDigits := strings.Replace(layoutSummary, "支出总计           1,500,000", "支出总计           1,567,000", 1)
	if got := claims(extractLines(t, cellsOf(twoDigits))); len(got) != 0 {
		t.Errorf("default-mode text, two digits off, gave table claims: %v", got)
	}
}

// Two function tables are copies only when their totals agree: 财政拨款
// with government-fund money in one row is more than 一般公共预算 there, and
// its rows that differ are no contradiction.
func TestCopiesNeedEqualTotals(t *testing.T) {
	text := `某省某院2019年部门预算
                        财政拨款支出预算表（功能科目）
部门名称：某省某院                                                     单位：万元
          功能科目编码               功能科目名称                      金   额
                        合计                                         310.00
204                     公共安全支出                                     250.00
20405                   法院                                         250.00
2040501                 行政运行                                       120.00
2040502                 一般行政管理事务                                    80.00
2040504                 案件审判                                        50.00
212                     城乡社区支出                                      60.00
21208                   国有土地使用权出让收入安排的支出                          60.00
2120803                 城市基础设施建设                                   60.00
              一般公共预算支出预算表（功能科目）
部门名称：某省某院                                             单位：万元
          功能科目编码           功能科目名称     金   额
                   合计                         300.00
204                公共安全支出                     250.00
20405              法院                         250.00
2040501            行政运行                       120.00
2040502            一般行政管理事务                    80.00
2040504            案件审判                        50.00
212                城乡社区支出                      50.00
21208              国有土地使用权出让收入安排的支出          50.00
2120803            城市基础设施建设                   50.00
`
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("tables whose totals differ compared as copies: %+v", cl)
		}
	}
	// with equal totals the 212 rows are a contradiction
	equal := strings.Replace(text, "合计                                         310.00", "合计                                         300.00", 1)
	equal = strings.Replace(equal, "城乡社区支出                                      60.00", "城乡社区支出                                      50.00", 1)
	n := 0
	for _, cl := range extractLines(t, equal).Claims {
		if cl.Kind == schema.ClaimTable && cl.Table == 14 && strings.HasPrefix(cl.Path, "/tables/2/") {
			n++
		}
	}
	if n != 2 { // 21208 and 2120803 of the second table, on the first's rows
		t.Errorf("%d table claims of the copy, want 2", n)
	}
}

// A row that prints its 合计 and one part, the others blank, must print
// the part as the total once three fuller rows show the columns are parts;
// a table of two columns (预算数, 决算数) shows nothing of the kind.
func TestRowOfOnePartKeptAsClaims(t *testing.T) {
	text := `某区某局2024年部门决算
             一般公共预算财政拨款支出决算表
编制部门：某区某局                                             单位：万元
    科目编码              科目名称        合计        基本支出        项目支出
 201              一般公共服务支出         30.00     20.00      10.00
 201   06         财政事务             30.00     20.00      10.00
 201   06   01    行政运行             22.00     20.00       2.00
 201   06   07    信息化建设             8.00                 8.10
`
	got := map[string]string{}
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s", cl.Value, cl.Of)
		}
	}
	want := map[string]string{"/tables/2/8": "80000 of ", "/tables/2/8/2": "81000 of /tables/2/8"}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
	two := `某区某局2024年部门决算
             一般公共预算财政拨款支出决算表
编制部门：某区某局                                             单位：万元
    科目编码              科目名称        预算数        决算数
 201              一般公共服务支出         30.00     30.00
 201   06         财政事务             30.00     30.00
 201   06   01    行政运行             22.00     22.00
 201   06   07    信息化建设             8.00      8.10
`
	for _, cl := range extractLines(t, two).Claims {
		if cl.Kind == schema.ClaimTable && cl.Line == 8 {
			t.Errorf("two columns taken as a total and its part: %+v", cl)
		}
	}
}

// 机关运行经费 is part of 基本支出: where the 302 of both tables holds the
// same, its items are one; the 301 of the basic table has no counterpart.
func TestOperatingTableCopiesBasicItems(t *testing.T) {
	text := `某省某院2019年部门预算
          一般公共预算基本支出预算表（经济科目）
部门名称：某省某院                     单位：万元
        科目编码               科目名称   金额
                  合计               60.00
301              工资福利支出            20.00
30101            基本工资                  20.00
302              商品和服务支出            40.00
30201            办公费                  10.00
30205            水费                    8.00
30206            电费                   12.00
30207            邮电费                   5.00
30211            差旅费                   5.00
          一般公共预算机关运行经费支出预算表
部门名称：某省某院                     单位：万元
        科目编码               科目名称   机关运行经费支出
                  合计               40.00
302              商品和服务支出            40.00
30201            办公费                  10.00
30205            水费                   12.00
30206            电费                    8.00
30207            邮电费                   5.00
30211            差旅费                   5.00
`
	var got []string
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable {
			got = append(got, fmt.Sprintf("%s %v line %d", cl.Path, cl.Value, cl.Line))
		}
	}
	want := []string{"/tables/2/10 80000 line 10", "/tables/2/10 120000 line 20", "/tables/2/11 120000 line 11", "/tables/2/11 80000 line 21"}
	if !slices.Equal(got, want) {
		t.Errorf("table claims %q, want %q", got, want)
	}
	// a 302 that differs: its items are not known to be one
	other := strings.Replace(text, "302              商品和服务支出            40.00\n30201            办公费                  10.00\n30205            水费                   12.00",
		"302              商品和服务支出            41.00\n30201            办公费                  11.00\n30205            水费                   12.00", 1)
	other = strings.Replace(other, "合计               40.00", "合计               41.00", 1)
	for _, cl := range extractLines(t, other).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("items compared under classes that differ: %+v", cl)
		}
	}
}

// purchaseHeader opens a 政府采购支出预算表 of layout text: its title,
// header, 合计 (300.00) and first kind (货物, 100.00).
const purchaseHeader = `                    政府采购支出预算表
部门名称：某省某院                                          单位：万元
采购品目大类   专项名称         经济科目         采购物品名称      采购组织形式    总计
合计                                                       300.00
一、货物 A                                                   100.00
`

// A 政府采购支出预算表 with a line per purchase: a changed purchase breaks
// its subtotal's sum, which is kept with its purchases; the sums that hold
// give nothing, nor does the text after the table.
func TestPurchaseSumsKeptAsClaims(t *testing.T) {
	text := `某省某院2019年部门预算
` + purchaseHeader + `          信息网络建设费   信息网络及软件购置更新                      60.00
                                  PC 服务器       政府集中采购       20.00
                                  计算机软件        政府集中采购       45.00
          设备购置费     办公设备购置                                 40.00
                                  其他办公设备       分散自行组织      40.00
三、服务 C                                                   200.00
          案件审判经费    维修（护）费                                 150.00
                                  运行维护服务       分散自行组织      150.00
                    会议费                                    50.00
                                  会议服务         分散自行组织      50.00
第三部分 预算情况说明
  收入、支出预算总计 12.50 万元。
`
	got := map[string]string{}
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v of %s", cl.Value, cl.Of)
		}
	}
	want := map[string]string{"/tables/2/7": "600000 of ", "/tables/2/8": "200000 of /tables/2/7", "/tables/2/9": "450000 of /tables/2/7"}
	if !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
	fixed := strings.Replace(text, "政府集中采购       45.00", "政府集中采购       40.00", 1)
	for _, cl := range extractLines(t, fixed).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("a table whose sums hold gave a claim: %+v", cl)
		}
	}
}

// The 类 a 财政拨款收支总表 names on its expenditure side are those of the
// function table of the same money: a 类 changed in the function table
// (its 款 and the 合计 still agree with the summary) is named.
func TestFiscalSummaryClassesCopyFunctionTable(t *testing.T) {
	text := `某区某街道2024年部门预算
                                   2024年部门财政拨款收支预算总表
编制部门：某区某街道                                                单位：元
         财政拨款收入                                          财政拨款支出
    项目            预算数                    项目      合计           一般公共预算
一、一般公共预算资金        6,000,000 一、一般公共服务支出          2,000,000      2,000,000
二、政府性基金                         二、公共安全支出          1,000,000      1,000,000
                                三、教育支出              500,000        500,000
                                四、科学技术支出            2,500,000        2,500,000
   收入总计           6,000,000        支出总计       6,000,000    6,000,000
                       2024年部门一般公共预算支出功能分类预算表
编制部门：某区某街道                                           单位：元
类     款    项          功能分类科目名称    合计
201             一般公共服务支出              2,000,000
201   05        统计信息事务                 2,000,000
204             公共安全支出              1,000,000
204   02        公安                 1,000,000
205             教育支出              500,000
205   01        教育管理事务               500,000
206             科学技术支出              2,600,000
206   01        科学技术管理事务               2,500,000
                合计                        6,000,000
`
	var got []string
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable && strings.HasPrefix(cl.Path, "/tables/2/") {
			got = append(got, fmt.Sprintf("%s %v line %d", cl.Path, cl.Value, cl.Line))
		}
	}
	if want := []string{"/tables/2/9 2.5e+06 line 9", "/tables/2/9 2.6e+06 line 20"}; !slices.Equal(got, want) {
		t.Errorf("table claims %q, want %q", got, want)
	}
}

// Jiangsu's 支出预算总表 prints one row under its header, and its
// 财政拨款收支预算总表 the uses of the money: a 合计 that is not the sum of
// the uses is kept with them (sum.table), in either table.
func TestUsesKeptAsClaims(t *testing.T) {
	text := `某省某院2019年部门预算
                                支出预算总表
部门名称：某省某院                                                      单位：万元
          合计               基本支出         项目支出        单位预留机动经费       结转下年资金
               37,188.34    21,968.00   10,208.94       5,011.30
                                        9
                        财政拨款收支预算总表
部门名称：某省某院                                                      单位:万元
                   收入                                 支出
          项目名称               金额               项目名称                  金额
一、一般公共预算                     37,188.34   一、基本支出                     21,968.00
二、政府性基金预算                                二、项目支出                     10,208.94
                                         三、单位预留机动经费                  5,011.30
          收入合计               37,188.34       支出合计                   37,188.34
`
	var got []string
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable {
			got = append(got, fmt.Sprintf("%v line %d of %q", cl.Value, cl.Line, cl.Of))
		}
	}
	want := []string{`3.718834e+08 line 5 of ""`, `2.1968e+08 line 5 of "/tables/2/5"`, `1.020894e+08 line 5 of "/tables/2/5"`, `5.0113e+07 line 5 of "/tables/2/5"`,
		`3.718834e+08 line 14 of ""`, `2.1968e+08 line 11 of "/tables/7/14"`, `1.020894e+08 line 12 of "/tables/7/14"`, `5.0113e+07 line 13 of "/tables/7/14"`}
	if !slices.Equal(got, want) {
		t.Errorf("table claims\n got %q\nwant %q", got, want)
	}
	for _, cl := range extractLines(t, strings.ReplaceAll(text, "5,011.30", "5,011.40")).Claims {
		if cl.Kind == schema.ClaimTable {
			t.Errorf("uses that add up gave a claim: %+v", cl)
		}
	}
}

// A part's heading (第二部分 …部门预算表), in the contents or above the
// tables, is not a table: the narrative under it is not its rows.
func TestPartHeadingIsNoTable(t *testing.T) {
	text := strings.Replace(layoutSummary, "某区某局2024年部门预算\n", "某区某局2024年部门预算\n第二部分 2024年部门预算表\n2024年，某区某局收入预算150.00万元。\n", 1)
	for _, c := range extractLines(t, text).Coverage {
		if strings.Contains(c.Name, "部分") {
			t.Errorf("a part's heading in the coverage report: %+v", c)
		}
	}
	if !partHeading("第二部分2024年部门预算表") || !partHeading("第2部分部门决算表") || partHeading("第二季度部分支出表") {
		t.Error("partHeading")
	}
}

// A summary whose classes add up, but whose layout gave a figure to the
// wrong class (the name wrapped below the figure's line), is overruled by
// the coded table of all funds that makes the year's expenditure: its
// classes are not used, with a warning, and the coded table's are.
func TestSummaryClassesAgainstCodedTable(t *testing.T) {
	text := `某区某局2024年度部门决算
                收入支出决算总表
编制部门：某区某局                              单位：万元
      项目                   决算数              项目                      决算数
一、一般公共预算财政拨款收入                 300.00
                                          七、文化旅游
                                          体育与传媒支出
八、其他收入                                                                     100.00
                                          八、社会保
                                          障和就业支出
                                          十一、城乡社区支出                        200.00
本年收入合计                         300.00   本年支出合计                         300.00
总计                             300.00   总计                             300.00
                支出决算表
编制部门：某区某局                              单位：万元
类     款    项   科目名称            本年支出合计     基本支出     项目支出
                合计                       300.00         200.00       100.00
208             社会保障和就业支出              100.00         100.00
208   05        行政事业单位养老支出            100.00         100.00
212             城乡社区支出                   200.00         100.00       100.00
212   01        城乡社区管理事务               200.00         100.00       100.00
`
	d := extractLines(t, text)
	var got []string
	for _, c := range d.Expenditure.ByFunction {
		got = append(got, fmt.Sprintf("%s %s", c.Code, c.Amount))
	}
	if strings.Join(got, ", ") != "208 1000000, 212 2000000" {
		t.Errorf("by_function = %v", got)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Reason != "its functional classes are not those of the coded table of all funds (208, 212): not used" {
		t.Errorf("warnings: %+v", d.Warnings)
	}
}

// The two panels with a row a line and no blank line between rows (as
// pdftotext -layout prints a table whose rows fit their line): each code
// with its amount on its line is a row of its own, and each panel's 合计
// its total — not one block whose codes make every row ambiguous.
func TestEconomicPanelsOneLineRows(t *testing.T) {
	text := `某区某局2024年度部门决算
                一般公共预算财政拨款基本支出决算表
编制部门：某区某局                              单位：万元
经济分类                                      经济分类
科目编码        科目名称                    决算数   科目编码        科目名称                    决算数
类     款                                  类     款
301        工资福利支出               813.61   302        商品和服务支出              962.90
301   01   基本工资                 342.85   302   01   办公费                  518.44
301   02   津贴补贴                 163.20   302   11   差旅费                  444.46
301   08   机关事业单位基本养老保险缴费       307.56
303        对个人和家庭的补助            989.41
303   02   退休费                  989.41
           人员经费合计             1,803.02              公用经费合计               962.90
`
	d := extractLines(t, text)
	var got []string
	for _, c := range d.Expenditure.ByEconomic {
		s := fmt.Sprintf("%s %s", c.Code, c.Amount)
		for _, it := range c.Items {
			s += fmt.Sprintf(" (%s %s %s)", it.Code, it.Name, it.Amount)
		}
		got = append(got, s)
	}
	want := "301 8136100 (30101 基本工资 3428500) (30102 津贴补贴 1632000) (30108 机关事业单位基本养老保险缴费 3075600)|" +
		"302 9629000 (30201 办公费 5184400) (30211 差旅费 4444600)|303 9894100 (30302 退休费 9894100)"
	if strings.Join(got, "|") != want {
		t.Errorf("by_economic:\n%s\nwant\n%s\n(warnings %+v)", strings.Join(got, "|"), want, d.Warnings)
	}
}

// A class's name wrapped over two lines with its figure on the line
// between (pdftotext centres a one-line cell beside a two-line one): the
// second half, longer than a few characters, still completes the name.
func TestLayoutSummaryNameAroundValue(t *testing.T) {
	text := strings.Replace(jiangsuLayoutSummary, "                            八、社会保障和就业支出         110.00\n",
		"                            八、社会保\n                                               110.00\n                            障和就业支出\n", 1)
	if text == jiangsuLayoutSummary {
		t.Fatal("fixture not changed")
	}
	d := extractLines(t, text)
	fn := map[string]int64{}
	for _, c := range d.Expenditure.ByFunction {
		fn[c.Code] = int64(c.Amount)
	}
	if len(fn) != 2 || fn["204"] != int64(schema.Yuan(8000000)) || fn["208"] != int64(schema.Yuan(1100000)) {
		t.Errorf("functional classes = %v; warnings %v", fn, d.Warnings)
	}
}

// The 2025 template's 部门收支总表: its sources (一般公共预算拨款收入 …)
// and carried amounts (上年结转结余, 年终结转结余) are read.
func TestSummary2025Labels(t *testing.T) {
	text := `某区某局2025年部门预算
                部门收支总表
编制部门：某区某局                              单位：万元
           收入                                      支出
      项目                   预算数              项目                      预算数
一、一般公共预算拨款收入                   300.00   一、一般公共服务支出                    250.00
二、政府性基金预算拨款收入                             二、外交支出
五、事业收入                                 50.00   三、国防支出
                                                四、公共安全支出                       150.00
本年收入合计                         350.00   本年支出合计                         400.00
上年结转结余                          50.00   年终结转结余
收入总计                           400.00   支出总计                           400.00
`
	// the year's totals may be named 收入合计 and 支出合计 where 收入总计 and
	// 支出总计 close the table; before 2016, 一般公共预算 was 公共财政
	for _, text := range []string{text, strings.NewReplacer("本年收入合计 ", "收入合计   ", "本年支出合计 ", "支出合计   ").Replace(text),
		strings.NewReplacer("一般公共预算拨款收入", "公共财政拨款", "政府性基金预算拨款收入", "政府性基金拨款").Replace(text),
		strings.NewReplacer("一般公共预算拨款收入", "公共财政预算拨款", "政府性基金预算拨款收入", "政府性基金拨款").Replace(text)} {
		d := extractLines(t, text)
		r := d.Revenue
		if r.Total == nil || *r.Total != schema.Yuan(4000000) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(500000) ||
			r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(3500000) {
			t.Fatalf("revenue = %+v (warnings %+v)", r, d.Warnings)
		}
		src := map[string]schema.Money{}
		for _, s := range r.Sources {
			src[s.Name] = s.Amount
		}
		if len(src) != 2 || src["一般公共预算"] != schema.Yuan(3000000) || src["事业收入"] != schema.Yuan(500000) {
			t.Errorf("sources = %v (warnings %+v)", src, d.Warnings)
		}
	}
}

// A 财政拨款收支总表 that names the year's revenue 收入合计 above 上年结转
// and 收入总计 (templates before 2018) has its two 总计 all the same.
func TestFiscalSummaryYearTotal(t *testing.T) {
	text := `某区某局2015年部门预算
                财政拨款收支预算总表
编制部门：某区某局                              单位：万元
           收入                                      支出
      项目                   预算数              项目                      预算数
一、公共财政预算                       300.00   一、一般公共服务                    250.00
二、政府性基金预算                             二、外交
                                          四、公共安全                       100.00
收入合计                           300.00   本年支出合计                         350.00
上年结转                            50.00   结转下年
收入总计                           350.00   支出总计                           350.00
`
	d := extractLines(t, text)
	if f := d.Revenue.FiscalTotal; f == nil || *f != schema.Yuan(3500000) {
		t.Errorf("fiscal total %v (warnings %+v)", f, d.Warnings)
	}
	// and its two 总计 that differ are kept for the checks
	d = extractLines(t, strings.Replace(text, "支出总计                           350.00", "支出总计                           360.00", 1))
	if d.Revenue.FiscalTotal != nil || len(d.Claims) != 2 || d.Claims[1].Value != 3600000 || d.Claims[1].Of != d.Claims[0].Path {
		t.Errorf("fiscal total %v, claims %+v", d.Revenue.FiscalTotal, d.Claims)
	}
}

// statisticsText is the 部门决算相关信息统计表 of Pingyuan's 2017 决算
// (../shared/corpus/more/fujian), as layout text: the 三公 and 机关运行经费
// in two panels of rows, each with its 行次.
const statisticsText = `某镇2017年度部门决算
                部门决算相关信息统计表
编制单位：某镇人民政府                              金额单位：万元
项    目                         行次          统计数   项    目                           行次          统计数
栏    次                                       1   栏    次                                         2
一、“三公”经费支出                      1            —   二、机关运行经费                         22       290.85
（一）支出合计                         2         3.81   （一）行政单位                          23       290.85
1．因公出国（境）费                      3                （二）参照公务员法管理事业单位                  24
2．公务用车购置及运行维护费                  4         3.76                                       25
（1）公务用车购置费                      5                三、国有资产占用情况                       26            —
（2）公务用车运行维护费                    6         3.76   （一）车辆数合计（辆）                      27            2
3．公务接待费                         7         0.04   1．部级领导干部用车                         28
（1）国内接待费                        8         0.04   2．一般公务用车                           29            2
其中：外事接待费                       9
（2）国（境）外接待费                     10
（二）相关统计数                        11            —
1．因公出国（境）团组数（个）                12
4．公务用车保有量（辆）                    15            2
注：1．本表反映部门决算中"三公"经费、机关运行经费和国有资产占用情况等相关统计指标。
`

// The 三公 and 机关运行经费 of a 部门决算相关信息统计表 are read where they
// add up, in layout text and one cell a line; a misprint leaves them out
// with a warning.
func TestStatisticsTablePingyuan(t *testing.T) {
	var cells []string
	for _, l := range strings.Split(statisticsText, "\n") {
		for _, c := range regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1) {
			if c != "" {
				cells = append(cells, c)
			}
		}
	}
	// a label wrapped around its figures' line, its tail on a line of its
	// own or read onto the other panel's row
	wrapped := strings.Replace(statisticsText, "2．公务用车购置及运行维护费                  4         3.76                                       25\n",
		"2．公务用车购置\n                                    4         3.76                                       25\n及运行维护费\n", 1)
	around := strings.Replace(statisticsText, "（1）公务用车购置费                      5                三、国有资产占用情况                       26            —\n",
		"（1）公务用\n                                         5                三、国有资产占用情况                       26            —\n车购置费\n", 1)
	around = strings.Replace(around, "（2）公务用车运行维护费                    6         3.76", "（2）公务用车运\n                                         6         3.76", 1)
	around = strings.Replace(around, "（一）车辆数合计（辆）                      27            2\n", "（一）车辆数合计（辆）                      27            2\n行维护费\n", 1)
	around = strings.Replace(around, "3．公务接待费                         7         0.04   1．部级领导干部用车                         28\n",
		"3．公务接\n                                       7         0.04   1．部级领导干部用车                         28\n待费\n", 1)
	for name, text := range map[string]string{"layout": statisticsText, "default": strings.Join(cells, "\n") + "\n", "wrapped": wrapped, "around": around} {
		d := extractLines(t, text)
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(38100) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(37600) ||
			tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(37600) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(400) {
			t.Errorf("%s: 三公 %+v (warnings %+v)", name, tp, d.Warnings)
		}
		if d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(2908500) {
			t.Errorf("%s: 机关运行经费 %+v", name, d.OperatingCosts)
		}
		if src := d.Provenance["/three_public/total"]; !strings.Contains(src.Text, "3.81") {
			t.Errorf("%s: the 三公's line %d %q does not print it", name, src.Line, src.Text)
		}
		if missing := warned(d, schema.WarnMissingTable); len(missing) > 0 {
			t.Errorf("%s: missing tables %v", name, missing)
		}
	}
	d := extractLines(t, strings.Replace(statisticsText, "3．公务接待费                         7         0.04", "3．公务接待费                         7         0.40", 1))
	if d.ThreePublic != nil && d.ThreePublic.Total != nil {
		t.Errorf("a 三公 that does not add up was used: %+v", d.ThreePublic)
	}
	if d.OperatingCosts == nil {
		t.Error("机关运行经费, which adds up, was left out")
	}
	// default mode column by column: the labels first, then every number;
	// rows without their figures are no zeros
	var labels, numbers []string
	for _, c := range cells {
		if isNumberCell(c) || c == "—" {
			numbers = append(numbers, c)
		} else {
			labels = append(labels, c)
		}
	}
	d = extractLines(t, strings.Join(append(labels, numbers...), "\n")+"\n")
	if d.ThreePublic != nil || d.OperatingCosts != nil {
		t.Errorf("column by column: 三公 %+v, 机关运行经费 %+v", d.ThreePublic, d.OperatingCosts)
	}
}

// A table in 元 that was found but left out with a warning (its sums fail)
// leaves the text's figure in 万元 as the model's, and says it is rounded.
func TestRoundedBesideTableLeftOut(t *testing.T) {
	text := strings.NewReplacer("某镇2017年度部门决算\n", "某镇2017年度部门决算\n“三公”经费支出决算3.81万元。\n", "金额单位：万元", "金额单位：元",
		"290.85", "2,908,512", "3.81", "38,112", "3.76", "37,612", "0.04", "1,500").Replace(statisticsText)
	d := extractLines(t, text)
	if d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(38100) {
		t.Fatalf("三公 %+v", d.ThreePublic)
	}
	found := false
	for _, w := range d.Warnings {
		found = found || strings.HasPrefix(w.Reason, "/three_public/total is the text's figure, rounded")
	}
	if !found {
		t.Errorf("no warning that the 三公 is the text's rounding: %+v", d.Warnings)
	}
}

// TestContentsAndParts: the contents list the tables a line each (not one
// title broken over two lines), a part's heading ends the table above it,
// and a contents line whose table follows further down has no coverage
// entry of its own; a text part that only names its tables says so for each.
func TestContentsAndParts(t *testing.T) {
	contents := "某局2019年部门预算\n第二部分 2019年度部门预算表\n一、收支预算总表\n二、收入预算总表\n三、支出预算总表\n十二、政府采购支出预算表\n" +
		"第三部分 2019年度部门预算情况说明\n（一）收入预算总计 1,000.00 万元。\n（二）支出预算总计 1,000.00 万元。\n政府采购预算总额 20.00 万元。\n"
	coverage := func(text string) map[string]schema.Coverage {
		doc, err := Extract(&ingest.Text{Path: "p.txt", Lines: strings.Split(text, "\n")}, "p", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]schema.Coverage{}
		for _, c := range doc.Coverage {
			if c.Part == "table" {
				m[fmt.Sprint(c.Name, "@", c.Line)] = c
			}
		}
		return m
	}
	got := coverage(contents)
	for _, name := range []string{"一、收支预算总表@3", "二、收入预算总表@4", "三、支出预算总表@5", "十二、政府采购支出预算表@6"} {
		if c, ok := got[name]; !ok || c.Status != schema.CoverageAbsent {
			t.Errorf("text part: %s %+v, want absent (named, no figures)", name, c)
		}
	}
	if len(got) != 4 {
		t.Errorf("text part: %d tables, want 4: %v", len(got), got)
	}
	body := contents + "\n─ 6 ─\n三、支出预算总表\n单位：万元\n合计 基本支出 项目支出\n1,000.00 600.00 400.00\n"
	got = coverage(body)
	if _, ok := got["三、支出预算总表@5"]; ok {
		t.Errorf("a contents line with its table below has an entry: %v", got)
	}
	if _, ok := got["三、支出预算总表@13"]; !ok {
		t.Errorf("the table itself has no entry: %v", got)
	}
	if !isPageNumber("─ 6 ─") || !isPageNumber("－3－") || isPageNumber("─ 2019 ─") {
		t.Error("isPageNumber of box-drawn and full-width dashes")
	}
}

// TestDefaultRowWiseCodedTable: default mode printing a 决算 function table
// row by row, its codes a column a line (205 / 02 / 01), under a 栏次 row
// and across a page break: the codes are joined, the page's number is no
// cell, the 栏次 numbers are none; a misprinted 类 breaks the tree's sums
// and its cells are kept as table claims, which a clean table has none of.
func TestDefaultRowWiseCodedTable(t *testing.T) {
	data, err := os.ReadFile("testdata/default-rowwise-final.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	lines := foldAll(strings.Split(text, "\n"))
	tabs := findTables(lines, compactLines(lines))
	if len(tabs) != 1 || !tabs[0].rowwise {
		t.Fatalf("tables %+v, want one read row by row", tabs)
	}
	var got []string
	for _, r := range tabs[0].rows {
		if r.code != "" {
			got = append(got, fmt.Sprint(r.code, ":", len(r.vals)))
		}
	}
	want := "205:3 20502:3 2050201:3 2050203:2 208:2 20805:2 2080505:2"
	if strings.Join(got, " ") != want {
		t.Errorf("coded rows %q, want %q", strings.Join(got, " "), want)
	}
	tableClaims := func(d *schema.Document) (lines []int) {
		for _, c := range d.Claims {
			if c.Kind == schema.ClaimTable {
				lines = append(lines, c.Line)
			}
		}
		return lines
	}
	if c := tableClaims(extractLines(t, text)); len(c) > 0 {
		t.Errorf("a table printed right kept table claims on lines %v", c)
	}
	misprint := strings.Replace(text, "教育支出\n300.00", "教育支出\n300.10", 1)
	at := strings.Count(misprint[:strings.Index(misprint, "300.10")], "\n") + 1
	if c := tableClaims(extractLines(t, misprint)); !slices.Contains(c, at) {
		t.Errorf("a misprinted 类 (line %d): table claims on lines %v", at, c)
	}
}

// jiangsuThreePublic is a 三公 table of layout text printed with its 会议费
// and 培训费 (Jiangsu's 9 columns), its sums holding.
const jiangsuThreePublic = `                     “三公”经费、会议费、培训费支出预算表

部门：某省某院                                                                    单位：万元

                                 “三公”经费


                                公务用车购置及运行维护费
 合计                                                                 会议费        培训费
                     因公出国
            小计                                            公务接待费
                     （境）费               公务用车购 公务用车运行
                               小计
                                          置费    维护费


 1,471.70   508.20     70.00   411.20            411.20     27.00     933.50     30.00`

// A 三公 table printed with its 会议费 and 培训费 (Jiangsu: 合计, the 三公
// 小计, 出国, the vehicle 小计, 购置, 运行, 接待, 会议费, 培训费) states
// three sums. Once a cell changes, its 合计 and 小计 columns cannot be told
// apart by their labels, but their order tells them: the sums that fail
// stay as table claims, each cell with the total it is part of, for
// sum.table; a table printed right gives none.
func TestThreePublicTableSumsKept(t *testing.T) {
	table := jiangsuThreePublic
	claims := func(d *schema.Document) map[string]string {
		got := map[string]string{}
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				got[cl.Path] = fmt.Sprintf("%v of %s", cl.Value, cl.Of)
			}
		}
		return got
	}
	right := extractLines(t, "某省某院2018年部门预算\n"+table)
	if tp := right.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(5082000) || tp.Vehicle == nil {
		t.Fatalf("the table printed right is not read: %+v", right.ThreePublic)
	}
	if got := claims(right); len(got) != 0 {
		t.Errorf("the table printed right gave table claims: %v", got)
	}

	// the 三公 小计 changed: the table is left out, its three sums stay
	changed := strings.Replace(table, "508.20", "518.20", 1)
	d := extractLines(t, "某省某院2018年部门预算\n"+changed)
	if d.ThreePublic != nil {
		t.Fatalf("a table that does not add up is read: %+v", d.ThreePublic)
	}
	want := map[string]string{
		"/tables/2/18":   "1.4717e+07 of ",
		"/tables/2/18/2": "5.182e+06 of /tables/2/18",
		"/tables/2/18/3": "700000 of /tables/2/18/2",
		"/tables/2/18/4": "4.112e+06 of /tables/2/18/2",
		"/tables/2/18/5": "4.112e+06 of /tables/2/18/4",
		"/tables/2/18/6": "270000 of /tables/2/18/2",
		"/tables/2/18/7": "9.335e+06 of /tables/2/18",
		"/tables/2/18/8": "300000 of /tables/2/18",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}

	// the vehicle 小计 changed: the parts still make the 三公 total, the
	// table is read, and the vehicle sum that fails stays
	changed = strings.Replace(table, "411.20 ", "421.20 ", 1)
	d = extractLines(t, "某省某院2018年部门预算\n"+changed)
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(5082000) || tp.Vehicle != nil {
		t.Fatalf("the table's parts are not read, or the vehicle 小计 that is not their sum is: %+v", d.ThreePublic)
	}
	want = map[string]string{
		"/tables/2/18":                    "1.4717e+07 of ",
		"/three_public/total":             "5.082e+06 of /tables/2/18",
		"/three_public/overseas_travel":   "700000 of /three_public/total",
		"/tables/2/18/2":                  "4.212e+06 of /three_public/total",
		"/three_public/vehicle_operation": "4.112e+06 of /tables/2/18/2",
		"/three_public/reception":         "270000 of /three_public/total",
		"/tables/2/18/3":                  "9.335e+06 of /tables/2/18",
		"/tables/2/18/4":                  "300000 of /tables/2/18",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
}

// Two cells of a 三公 table's line of values printed one space apart
// ("267.80 156.55") are two cells: the line is the table's values, read by
// column, and a changed cell keeps the sums that fail.
func TestThreePublicValuesOneSpaceApart(t *testing.T) {
	table := `十一、一般公共预算“三公”经费、会议费、培训费支出预
算表
部门：         某省某院                                                       单位：万元
                                “三公”经费

                                公务用车购置及运行维护费
                     因公出                                     公务
 合计                                                                  会议费        培训费
            小计       国（境）                公务用        公务用车     接待
                      费         小计       车购置        运行维护      费
                                         费           费
 1,452.35   584.35    110.00    317.80    50.00      267.80 156.55   168.00      700.00`
	changed := strings.Replace(table, "584.35", "585.35", 1)
	d := extractLines(t, "某省某院2017年部门预算\n"+changed)
	var got []string
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got = append(got, fmt.Sprintf("%s %v of %s", cl.Path, cl.Value, cl.Of))
		}
	}
	want := []string{
		"/tables/2/13 1.45235e+07 of ",
		"/tables/2/13/2 5.8535e+06 of /tables/2/13",
		"/tables/2/13/3 1.1e+06 of /tables/2/13/2",
		"/tables/2/13/4 3.178e+06 of /tables/2/13/2",
		"/tables/2/13/5 500000 of /tables/2/13/4",
		"/tables/2/13/6 2.678e+06 of /tables/2/13/4",
		"/tables/2/13/7 1.5655e+06 of /tables/2/13/2",
		"/tables/2/13/8 1.68e+06 of /tables/2/13",
		"/tables/2/13/9 7e+06 of /tables/2/13",
	}
	if !slices.Equal(got, want) {
		t.Errorf("table claims:\n got %q\nwant %q", got, want)
	}
}

// Default mode prints the 支出预算总表's one row a value a line, blank cells
// dropped and the page's number among them: where the values add up and
// restate the model's total, 基本支出 and 项目支出 in order, the table is
// read; where they do not add up it is not, and gives claims (sum.table)
// only where one misprint of one cell explains the sum: a reading further
// off may be the reading's.
func TestUsesDefaultModeConfirm(t *testing.T) {
	text := `某省某院2019年部门预算
某省某院收入、支出总计 37,188.34 万元。本年支出预算合计 37,188.34 万元，其中：基本支出 21,968.00 万元；项目支出 10,208.94 万元；单位预留机动经费 5,011.40 万元。
公开 03 表
支出预算总表
部门名称：某省某院
合计
37,188.34
单位：万元
基本支出
项目支出
21,968.00
10,208.94

9

单位预留机动经费
5,011.40
结转下年资金
`
	// status is the table's coverage and its claims' lines, each with
	// what it is a part of
	status := func(text string) (string, []string) {
		d := extractLines(t, text)
		var claims []string
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				claims = append(claims, fmt.Sprint(cl.Line, " ", cl.Of))
			}
		}
		for _, c := range d.Coverage {
			if c.Name == "支出预算总表" {
				return c.Status, claims
			}
		}
		return "", claims
	}
	if got, claims := status(text); got != schema.CoverageRead || claims != nil {
		t.Errorf("uses that add up: %q %q, want read and no claim", got, claims)
	}
	want := []string{"7 ", "11 /tables/4/7", "12 /tables/4/7", "17 /tables/4/7"}
	if got, claims := status(strings.Replace(text, "5,011.40\n结", "5,011.30\n结", 1)); got != schema.CoverageNotRead || !slices.Equal(claims, want) {
		t.Errorf("a misprinted cell: %q %q, want not_read and %q", got, claims, want)
	}
	if got, claims := status(strings.Replace(text, "5,011.40\n结", "4,911.30\n结", 1)); got != schema.CoverageNotRead || claims != nil {
		t.Errorf("two misprints: %q %q, want not_read and no claim", got, claims)
	}
}

// A note under a table, then the page's number, then the next table: the
// note ends the table, the page's number is no item of its last class.
func TestNoteThenPageNumber(t *testing.T) {
	text := `某省某院2019年部门预算
一般公共预算机关运行经费支出预算表
部门名称：某省某院
单位：万元
科目编码
科目名称
机关运行经费支出
合计
406.00
302
商品和服务支出
406.00
30201
办公费
315.00
30299
其他商品和服务支出
91.00
注：1.“机关运行经费”指行政单位使用一般公共预算安排的基本支出中
的日常公用经费支出，包括办公及印刷费、邮电费、差旅费、会议费、福利费及其他费用。
2.“科目编码”和“科目名称”为必填项。
15
公开 12 表
政府采购支出预算表
`
	d := extractLines(t, text)
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, "items of") {
			t.Errorf("the page's number read as an item: %s", w.Reason)
		}
	}
	if c := tableCoverage(d, "一般公共预算机关运行经费支出预算表"); c.Status != schema.CoverageRead {
		t.Errorf("coverage %+v", c)
	}
}

// A table that says it is nil — a 合计 of 0, or no figure and a note that
// it is empty, the page's number below it — is declared empty where the
// text gave the nil already (else the table gives it, and is read); one
// that names nothing is absent.
func TestTableDeclaredEmpty(t *testing.T) {
	head := "某省某院2019年部门预算\n某省某院政府性基金预算支出为 0 万元。\n政府性基金预算财政拨款支出预算表\n部门名称：某省某院\n单位：万元\n功能科目编码\n功能科目名称\n合\n计\n金\n额\n"
	for body, want := range map[string]string{
		"0\n注：“科目编码”和“科目名称”为必填项\n14\n": schema.CoverageEmpty,
		"注：本部门无相关收支项目\n15\n":           schema.CoverageEmpty,
		"此表为空\n": schema.CoverageEmpty,
		"\n":     schema.CoverageAbsent,
	} {
		d := extractLines(t, head+body+"公开 11 表\n一般公共预算机关运行经费支出预算表\n")
		if c := tableCoverage(d, "政府性基金预算财政拨款支出预算表"); c.Status != want {
			t.Errorf("%q: coverage %+v, want %s", body, c, want)
		}
	}
}

// economicLaid is a basic-expenditure table by economic class under title,
// its columns kept: 合计 300.00 万元, 301 200.00 (120.00 and 80.00), 302
// 100.00 (60.00 and 40.00).
func economicLaid(title string) string {
	return `                ` + title + `
部门：某省某厅                             单位：万元
         科目编码               科目名称   金额
                             合计          300.00
301             工资福利支出                   200.00
30101           基本工资                       120.00
30102           津贴补贴                        80.00
302             商品和服务支出                  100.00
30201           办公费                         60.00
30299           其他商品和服务支出                  40.00
`
}

// amountClaims counts the amount claims of a document on path.
func amountClaims(d *schema.Document, path string) int {
	n := 0
	for _, c := range d.Claims {
		if c.Path == path && c.Kind == schema.ClaimAmount {
			n++
		}
	}
	return n
}

// Jiangsu prints its basic expenditure by economic class twice (财政拨款,
// then 一般公共预算): the model takes the later, and the earlier, stating
// the same classes and items, is read too.
func TestEconomicCopyRead(t *testing.T) {
	table := economicLaid
	d := extractLines(t, "某省某厅2017年部门预算\n"+table("财政拨款基本支出预算表")+table("一般公共预算基本支出预算表"))
	for _, name := range []string{"财政拨款基本支出预算表", "一般公共预算基本支出预算表"} {
		if c := tableCoverage(d, name); c.Status != schema.CoverageRead {
			t.Errorf("%s: coverage %+v", name, c)
		}
	}
	// a copy that states another amount is not
	d = extractLines(t, "某省某厅2017年部门预算\n"+strings.Replace(table("财政拨款基本支出预算表"), "300.00", "310.00", 1)+table("一般公共预算基本支出预算表"))
	if c := tableCoverage(d, "财政拨款基本支出预算表"); c.Status == schema.CoverageRead {
		t.Errorf("a copy that differs: coverage %+v", c)
	}
}

// The basic-expenditure table whose title scopes it to the general budget
// (一般公共预算基本支出预算表), read and adding up to its 合计, gives the
// general budget appropriations' basic expenditure; the text's statement of
// another amount is a claim against it. A 财政拨款 table (its funds' scope
// wider) gives none.
func TestEconomicTableGeneralBasic(t *testing.T) {
	table := economicLaid
	for _, c := range []struct {
		text   string
		want   *schema.Money
		claims int
	}{
		{table("一般公共预算基本支出预算表"), new(schema.Yuan(3000000)), 0},
		{"2017年一般公共预算基本支出310.00万元。\n" + table("一般公共预算基本支出预算表"), new(schema.Yuan(3000000)), 1},
		{table("财政拨款基本支出预算表"), nil, 0},
	} {
		d := extractLines(t, "某省某厅2017年部门预算\n"+c.text)
		if !sameMoney(d.Expenditure.GeneralBasic, c.want) {
			t.Errorf("%.40q: general basic %+v, want %v", c.text, d.Expenditure.GeneralBasic, c.want)
		}
		if claims := amountClaims(d, "/expenditure/general_basic"); claims != c.claims {
			t.Errorf("%.40q: %d claims of the general basic, want %d: %+v", c.text, claims, c.claims, d.Claims)
		}
		if c.want != nil && d.Provenance["/expenditure/general_basic/amount"].Text != "合计          300.00" {
			t.Errorf("%.40q: provenance %+v", c.text, d.Provenance["/expenditure/general_basic/amount"])
		}
	}
}

// Default mode printed two items' amounts after the table's last row: the
// warning that the class's items do not add up names the rows that have no
// amount (the reading's gap, not the document's sum).
func TestEconomicItemsWithoutAmount(t *testing.T) {
	text := `某省某院2019年部门预算
财政拨款基本支出预算表（经济科目）
部门名称：某省某院
单位：万元
科目编码
科目名称
合计
金额
300.00
301
工资福利支出
200.00
30101
基本工资
100.00
30108
机关事业单位基本养老保险缴费
30113
住房公积金
302
商品和服务支出
100.00
30201
办公费
100.00
60.00
40.00
注：“科目编码”和“科目名称”为必填项。
`
	var got []string
	for _, w := range extractLines(t, text).Warnings {
		if strings.Contains(w.Reason, "items of 301") {
			got = append(got, w.Reason)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "30108 机关事业单位基本养老保险缴费, 30113 住房公积金 have no amount") {
		t.Errorf("warnings %q, want one naming 30108 and 30113", got)
	}
	// items short of their class by a cell's rounding, beside a blank row
	// the template prints: the document's sum, no row of the reading's
	rounding := "某镇2017年度部门决算\n一般公共预算财政拨款基本支出决算表\n金额单位：万元\n科目编码\n科目名称\n合计\n200.01\n301\n工资福利支出\n200.01\n30101\n基本工资\n100.00\n30107\n绩效工资\n30102\n津贴补贴\n100.00\n"
	got = nil
	for _, w := range extractLines(t, rounding).Warnings {
		if strings.Contains(w.Reason, "items of 301") {
			got = append(got, w.Reason)
		}
	}
	if len(got) != 1 || strings.Contains(got[0], "no amount") {
		t.Errorf("warnings %q, want one that names no row", got)
	}
}

// A page's number between dashes after a title of the contents (or an
// attachment's heading) is no figure: the table is named, not found.
func TestPageMarkIsNoFigure(t *testing.T) {
	text := "某省某厅2017年部门预算\n第二部分 2017年度部门预算表\n八、一般公共预算支出预算表\n九、一般公共预算基本支出预算表\n— 1 —\n\n十、一般公共预算机关运行经费支出预算表\n第三部分 2017年度部门预算情况说明\n"
	d := extractLines(t, text)
	if c := tableCoverage(d, "九、一般公共预算基本支出预算表"); c.Status != schema.CoverageAbsent {
		t.Errorf("coverage %+v, want absent", c)
	}
}

// A blank template prints its tables' class codes apart from their names
// and no figure: named, not found — but amounts are figures.
func TestTemplateCodesAreNoFigures(t *testing.T) {
	text := "上海市 XX 局\n2024 年度部门决算\n一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类\n科目编码\n301\n30101\n30102\n303\n30301\n科目名称\n工资福利支出\n基本工资\n津贴补贴\n对个人和家庭的补助\n离休费\n人员经费合计\n注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。\n"
	c := tableCoverage(extractLines(t, text), "一般公共预算财政拨款基本支出决算表")
	if c.Status != schema.CoverageAbsent || !strings.Contains(c.Reason, "class codes") {
		t.Errorf("coverage %+v, want absent: codes only", c)
	}
	c = tableCoverage(extractLines(t, strings.Replace(text, "\n30101\n", "\n30101.50\n", 1)), "一般公共预算财政拨款基本支出决算表")
	if c.Status == schema.CoverageAbsent {
		t.Errorf("a table with an amount among its codes: coverage %+v", c)
	}
}

// Default mode: the page's number after a row's amount, a blank line, then
// the next page's form feed — no cell of the row.
func TestPageNumberBeforeBlankAndFormFeed(t *testing.T) {
	text := "某省某院2018年部门预算\n公开 05 表：财政拨款支出预算表\n部门：\n某省某院\n功能科目代码\n单位：万元\n功能科目名称\n合计\n金额\n16,444.36\n204\n公共安全支出\n16,444.36\n20404\n检察\n16,444.36\n2040401\n行政运行\n\n10,883.36\n\n15\n\n\f2040402\n\n一般行政管理事务\n\n3,666.00\n\n2040405\n\n公诉、审判、侦查、执行等检察监督支出\n\n1895.00\n\n公开 06 表：财政拨款基本支出预算表\n"
	d := extractLines(t, text)
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, "add up") {
			t.Errorf("the page's number read as a cell: %s", w.Reason)
		}
	}
	if c := tableCoverage(d, "财政拨款支出预算表"); c.Status != schema.CoverageRead {
		t.Errorf("coverage %+v", c)
	}
}

// TestBareTitle: the contents' entry and the table's own title compare
// without their numbers and the year the contents print before them.
func TestBareTitle(t *testing.T) {
	for in, want := range map[string]string{
		"8．部门决算相关信息统计表":                "部门决算相关信息统计表",
		"2017年度部门决算相关信息统计表":            "部门决算相关信息统计表",
		"九、2018年度江苏省高级人民法院“三公”经费支出预算表": "江苏省高级人民法院“三公”经费支出预算表",
		"政府采购情况表":                      "政府采购情况表",
		"二、收入预算总表":                     "收入预算总表",
	} {
		if got := bareTitle(in); got != want {
			t.Errorf("bareTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// Rows whose cells one space parts (another tool's text, or layout text
// with its runs of spaces squeezed): the page's number alone on its line
// before the next page's form feed is no cell either.
func TestPageNumberBeforeFormFeedSpaced(t *testing.T) {
	text := "某省某院2018年部门预算\n一般公共预算支出表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n合计 300.00 200.00 100.00\n" +
		"201 一般公共服务支出 150.00 100.00 50.00\n20101 人大事务 150.00 100.00 50.00\n4\n\f205 教育支出 150.00 100.00 50.00\n20502 普通教育 150.00 100.00 50.00\n"
	d := extractLines(t, text)
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, "add up") {
			t.Errorf("the page's number read as a cell: %s", w.Reason)
		}
	}
	for _, c := range d.Claims {
		if c.Line == 8 {
			t.Errorf("the page's number in a claim: %+v", c)
		}
	}
}

// Rows whose cells one space parts: the header's last line (类 款 项, one
// cell) ends the header, so a 类 name wrapped around its code's line is the
// class's, not the header's continuation (its code was read as an amount).
func TestWrappedClassPlainRows(t *testing.T) {
	lines := strings.Split("一般公共预算支出表\n预算单位：某县某局 单位：元\n项目 本年一般公共预算支出\n功能分类科目编码\n科目名称 合计 基本支出 项目支出\n类 款 项\n"+
		"文化旅游体\n207 3,000 3,000\n育与传媒支出\n207 01 文化和旅游 3,000 3,000\n207 01 04 图书馆 3,000 3,000\n合计 3,000 3,000", "\n")
	rows, _ := readRows(lines, compactAll(lines), 1, len(lines))
	var got []string
	for _, r := range rows {
		var vals []string
		for _, v := range r.vals {
			vals = append(vals, strconv.FormatInt(v.mant, 10))
		}
		got = append(got, r.code+" "+r.name+" "+strings.Join(vals, ","))
	}
	want := []string{"207 文化旅游体育与传媒支出 3000,3000", "20701 文化和旅游 3000,3000", "2070104 图书馆 3000,3000", " 合计 3000,3000"}
	if len(got) < len(want) || strings.Join(got[len(got)-4:], "|") != strings.Join(want, "|") {
		t.Errorf("rows\n%s\nwant (after the header)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A summary row of text that keeps no columns prints two panels' labels
// one space apart: each label that opens with its own enumerator is a cell
// (the two were one name, and the value went to neither).
func TestCellsOfTwoPanelsPlain(t *testing.T) {
	got := cellsOf("八、事业单位经营收入 八、社会保障和就业支出 9,982,850")
	want := []string{fold("八、事业单位经营收入"), fold("八、社会保障和就业支出"), "9,982,850"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells %q, want %q", got, want)
	}
	if got := cellsOf("一般公共 服务支出   100.00"); len(got) != 2 || got[0] != "一般公共服务支出" {
		t.Errorf("a label wrapped at a space was split: %q", got)
	}
}

// A 三公 table of a web page, a cell a line, that lists 运行维护费 before
// 购置费 under the cars' subtotal: the parts are the rows' own, not the
// template's order (the sums cannot tell the two apart).
func TestThreePublicTableOperationFirst(t *testing.T) {
	rows := [][]string{{"合 计", "100", "80.50"}, {"因公出国(境)费", "0", "0"}, {"公务接待费", "4", "3.20"},
		{"公务用车购置及运行维护费", "96", "77.30"}, {"其中:公务用车运行维护费", "60", "45.10"}, {"公务用车购置费", "36", "32.20"}}
	text := "某区后勤服务中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明\n一、2021年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n|\n项 目 |\n预 算 数 |\n决 算 数 |\n"
	for _, r := range rows {
		text += "|\n" + r[0] + " |\n" + r[1] + " |\n" + r[2] + " |\n"
	}
	text += "二、情况说明\n"
	tp := extractLines(t, text).ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehiclePurchase == nil {
		t.Fatalf("三公 = %+v", tp)
	}
	if tp.VehicleOperation.Amount != schema.Yuan(451000) || tp.VehiclePurchase.Amount != schema.Yuan(322000) {
		t.Errorf("运行维护费 %v, 购置费 %v, want 451000, 322000", tp.VehicleOperation.Amount, tp.VehiclePurchase.Amount)
	}
	if b := tp.VehicleOperation.Budgeted; b == nil || *b != schema.Yuan(600000) {
		t.Errorf("运行维护费 budgeted %v, want 600000", b)
	}
}

// TestItemOnlyTables: a 决算's 一般公共预算财政拨款支出决算表 that prints its
// 项 only (no 类 or 款 row) is read when its 项 add up to its 合计 row, and
// its 支出决算明细表 by economic class when its 类 do; a cell off by a fen
// leaves either unread.
func TestItemOnlyTables(t *testing.T) {
	text := `某镇人民政府2017年度部门决算说明
一般公共预算财政拨款支出决算表
单位：万元
项目 本年支出合计 基本支出 项目支出
支出功能分类科目编码 科目名称 类 款 项
合计 1,000.50 700.30 300.20
2010301 行政运行 500.30 500.30
2080501 行政单位离退休 200.00 200.00
2130310 水土保持 300.20 300.20
一般公共预算财政拨款支出决算明细表
单位：万元
项目 合计
经济分类科目编码 科目名称 合计
合计 1,000.50
301 工资福利支出 600.00
302 商品和服务支出 300.30
309 基本建设支出
310 其他资本性支出 100.20
`
	for _, c := range []struct {
		from, to               string
		byFunction, byEconomic string
	}{
		{"", "", schema.CoverageRead, schema.CoverageRead},
		{"2130310 水土保持 300.20", "2130310 水土保持 300.21", schema.CoverageNotRead, schema.CoverageRead},
		{"302 商品和服务支出 300.30", "302 商品和服务支出 300.40", schema.CoverageRead, schema.CoverageNotRead},
	} {
		d := extractLines(t, strings.Replace(text, c.from, c.to, 1))
		if got := tableCoverage(d, "一般公共预算财政拨款支出决算表"); got.Status != c.byFunction || got.Status == schema.CoverageNotRead && !strings.Contains(got.Reason, "do not add up") {
			t.Errorf("%q: the 项 table %+v, want %s", c.to, got, c.byFunction)
		}
		if got := tableCoverage(d, "一般公共预算财政拨款支出决算明细表"); got.Status != c.byEconomic || got.Status == schema.CoverageNotRead && !strings.Contains(got.Reason, "do not add up") {
			t.Errorf("%q: the economic table %+v, want %s", c.to, got, c.byEconomic)
		}
	}
}

// TestPlannedActualProcurement: the 决算's 政府采购情况表 prints the planned
// and the actual procurement side by side, blank cells dropped; the actual
// 总计 is read where every placement of the cells on the two blocks of six
// columns that adds up gives the same one, and not where they differ.
func TestPlannedActualProcurement(t *testing.T) {
	text := `某局2017年度部门决算说明
政府采购情况表
金额单位：万元
项目 行次 采购计划金额 实际采购金额
总计 采购预算(财政性资金) 非财政性资金 总计 采购预算(财政性资金) 非财政性资金
合计 一般公共预算 政府性基金预算 其他资金 合计 一般公共预算 政府性基金预算 其他资金
栏次 1 2 3 4 5 6 7 8 9 10 11 12
合计 1 %s
货物 2 %s
工程 3
服务 4 %s
`
	for _, c := range []struct {
		total, goods, services string
		amount, goodsWant      schema.Money // fen; 0: not read
	}{
		// planned 8 (all 一般公共预算), actual 7.20: goods 6.00, services 1.20
		{"8.00 8.00 8.00 7.20 7.20 7.20", "6.50 6.50 6.50 6.00 6.00 6.00", "1.50 1.50 1.50 1.20 1.20 1.20", 7200000, 6000000},
		// a planned 非财政性资金 beside a fiscal actual
		{"3.00 3.00 2.50 2.50 2.50", "3.00 3.00 2.50 2.50 2.50", "", 2500000, 2500000},
		// two cells: a planned non-fiscal 6, or an actual one: not known
		{"6.00 6.00", "6.00 6.00", "", 0, 0},
	} {
		d := extractLines(t, fmt.Sprintf(text, c.total, c.goods, c.services))
		var amount, goods schema.Money
		if p := d.Procurement; p != nil {
			amount = p.Amount
			if p.Goods != nil {
				goods = *p.Goods
			}
		}
		if amount != c.amount || goods != c.goodsWant {
			t.Errorf("%q: procurement %v, goods %v; want %v, %v (%+v)", c.total, amount, goods, c.amount, c.goodsWant, tableCoverage(d, "政府采购情况表"))
		}
		if cv := tableCoverage(d, "政府采购情况表"); (c.amount != 0) != (cv.Status == schema.CoverageRead) {
			t.Errorf("%q: coverage %+v", c.total, cv)
		}
	}
}

// A 三公 table's title that names no kind ("…部门“三公”经费情况统计表"): the
// kind is its header's (本年预算数 a budget's). A header naming both kinds
// tells none, and the page has no title.
func TestThreePublicKindFromHeader(t *testing.T) {
	table := "2015年某市某局部门“三公”经费情况统计表 | |\n | 单位:万元 |\n项 目 | %s |\n合 计 | 34.35 |\n" +
		"1.因公出国(境)费用 | 0 |\n2.公务接待费 | 1.70 |\n3.公务用车费 | 32.65 |\n其中:(1)公务用车运行维护费 | 32.65 |\n(2)公务用车购置 | 0 |\n" +
		"注:“三公”经费包括在部门预算基本支出和项目支出中安排的因公出国(境)经费、公务用车购置及运行费和公务接待费。"
	d := extractLines(t, fmt.Sprintf(table, "本年预算数"))
	if d.Department.Name != "某市某局" || d.Document.Kind != "budget" || d.Document.FiscalYear != 2015 {
		t.Errorf("identity: %q %s %d", d.Department.Name, d.Document.Kind, d.Document.FiscalYear)
	}
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || tp.Total.Float() != 343500 || tp.Reception == nil || tp.Reception.Amount.Float() != 17000 {
		t.Errorf("三公: %+v", tp)
	}
	d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(fmt.Sprintf(table, "本年预算数 | 本年决算数"), "\n")}, "t", Hints{})
	if err == nil && !untold(d, schema.UnknownKind) {
		t.Errorf("a header of both kinds: %+v, want no title", d.Document)
	}
	// a web table a cell a line: its header runs over more lines
	cells := "2015年某市某局部门“三公”经费情况统计表\n?\n单位:万元\n项\n目\n本年预算数\n其中:公共预算财政拨款\n合\n计\n34.35\n34.35"
	if d := extractLines(t, cells); d.Department.Name != "某市某局" || d.Document.Kind != "budget" {
		t.Errorf("a cell a line: %q %s", d.Department.Name, d.Document.Kind)
	}
}

// A 决算's 三公 table printed a cell a line, one cell of a row blank and
// dropped, the explanation after it: the table ends where the prose
// resumes, and the row of one cell is told 预算数 or 决算数 by the amount the
// text states of its part; where the text's amount is neither, the table is
// left out with a warning.
func TestThreePublicCellsByStated(t *testing.T) {
	page := "某县文化馆2019年度“三公”经费财政拨款支出决算情况说明\n一、2019年“三公”经费财政拨款支出决算情况表\n(单位:万元)\n项 目\n预算数\n决算数\n合 计\n30.00\n24.50\n" +
		"因公出国(境)费\n0.00\n公务接待费\n12.00\n10.5\n公务用车购置及运行费\n18.00\n%s\n其中:公务用车运行维护费\n公务用车购置费\n" +
		"二、2019年“三公”经费财政拨款支出决算情况说明\n" +
		"某县文化馆2019年度“三公”经费财政拨款支出决算为24.5万元,完成年初预算的81.67%%。其中:因公出国(境)费支出决算为0万元;公务接待费支出决算为10.5万元;公务用车购置及运行费支出决算为%s万元。\n" +
		"(一)公务接待费支出10.5万元,与2018年度决算相比,减少1万元,下降8.7%%。"
	d := extractLines(t, fmt.Sprintf(page, "14.00", "14"))
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(300000) || tp.Reception == nil || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(120000) ||
		tp.Vehicle == nil || tp.Vehicle.Budgeted == nil || *tp.Vehicle.Budgeted != schema.Yuan(180000) || tp.OverseasTravel == nil || tp.OverseasTravel.Budgeted == nil || *tp.OverseasTravel.Budgeted != 0 {
		t.Fatalf("budgeted figures not read: %+v", tp)
	}
	if tp.Total == nil || *tp.Total != schema.Yuan(245000) || tp.Vehicle.Amount != schema.Yuan(140000) {
		t.Errorf("决算 figures: %+v", tp)
	}
	if c := tableCoverage(d, "一、2019年“三公”经费财政拨款支出决算情况表"); c.Status != schema.CoverageRead {
		t.Errorf("coverage %+v, want read", c)
	}
	// the text states 13 of the vehicles: the table (14.00) disagrees, so
	// which of its cells is which is not known
	d = extractLines(t, fmt.Sprintf(page, "14.00", "13"))
	if tp := d.ThreePublic; tp != nil && tp.Budgeted != nil {
		t.Errorf("a table contradicting the text was read: budgeted %v", *tp.Budgeted)
	}
	if len(notUsed(d)) == 0 {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

// A table ends where prose resumes after its figures: a sentence, or a
// numbered heading of an explanation; not a note (注:) nor the line that
// says the table is empty, nor prose above its figures.
func TestProseAfterTable(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  int
	}{
		"sentence":    {[]string{"合计", "12.5", "某局2019年度“三公”经费支出决算为12.5万元,与上年持平。", "公务接待费"}, 2},
		"heading":     {[]string{"合计", "12.5", "二、2019年“三公”经费支出决算情况说明", "某局…"}, 2},
		"note":        {[]string{"合计", "12.5", "注:本表反映部门本年度“三公”经费支出预算情况,不含其他资金安排的支出。", "公务接待费 3"}, 4},
		"empty":       {[]string{"2019年预算数", "本部门2019年没有政府性基金预算收支,此表为空表。这是本单位的说明。"}, 2},
		"above table": {[]string{"本表反映部门2019年度一般公共预算拨款支出情况,含人员经费和公用经费。", "合计", "12.5"}, 3},
	} {
		if got := proseAfter(c.lines, 0, len(c.lines)); got != c.want {
			t.Errorf("%s: %d, want %d", name, got, c.want)
		}
	}
}

// A 三公 table whose 购置费 and 运行费 cells are the text's swapped: the
// table does not decide which is which; the text's stay, with a warning.
// Its other cells are read.
func TestThreePublicVehiclePartsSwapped(t *testing.T) {
	page := "某县档案馆2023年“三公”经费预算情况\n一、2023年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务接待费 |\n||\n" +
		"小计 |\n公务用车购置费 |\n公务用车运行费 |\n|||\n46 |\n0 |\n40 |\n%s |\n%s |\n6 |\n二、2023年一般公共预算“三公”经费支出预算情况说明\n" +
		"某县档案馆2023年一般公共预算“三公”经费支出预算为46万元。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为6万元,公务用车购置及运行费支出预算为40万元。其中:公务用车运行费30万元,公务用车购置费10万元。"
	d := extractLines(t, fmt.Sprintf(page, "10", "30"))
	if tp := d.ThreePublic; tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(300000) || d.Provenance["/three_public/vehicle_operation/amount"].Line >= 20 {
		t.Fatalf("the table in the text's order: %+v", tp)
	}
	if d.Provenance["/three_public/reception/amount"].Line >= 20 {
		t.Errorf("the table was not read: %+v", d.Warnings)
	}
	d = extractLines(t, fmt.Sprintf(page, "30", "10"))
	tp := d.ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(300000) || tp.VehiclePurchase.Amount != schema.Yuan(100000) {
		t.Fatalf("swapped: %+v", tp)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "swapped") }) {
		t.Errorf("no warning of the swap: %+v", d.Warnings)
	}
	if d.Provenance["/three_public/reception/amount"].Line >= 20 {
		t.Errorf("the table's other cells were not read")
	}
}

// A web page's 三公 table a cell a line, its cells' separators on lines of
// their own and no 单位 line: the separators hold no cell, and the unit is
// the one in which its 合计 is the total the text states (with a warning);
// where it is neither 元 nor 万元 of it, the one in which its parts' rows
// are the parts the text states: the table, whose 合计 then does not add
// up, stays out of the model, its cells kept for the checks (the 合计 on
// its line); where neither tells the unit, the table stays unread.
func TestThreePublicUnitFromText(t *testing.T) {
	page := "某县审计局2022年“三公”经费预算\n一、2022年“三公”经费支出预算表\n|\n项 目\n|\n预 算 数\n|\n|\n合 计\n|\n%s\n|\n|\n因公出国(境)费\n|\n0.00\n|\n|\n公务接待费\n|\n5.50\n|\n|\n" +
		"公务用车购置及运行费\n|\n3.00\n|\n|\n其中:公务用车运行费\n|\n3.00\n|\n|\n公务用车购置费\n|\n0.00\n|\n二、2022年“三公”经费支出预算情况说明\n" +
		"某县审计局2022年度“三公”经费支出预算为8.5万元,比2021年预算增加0.5万元。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为5.5万元,公务用车购置及运行费支出预算为3万元。"
	d := extractLines(t, fmt.Sprintf(page, "8.50"))
	tp := d.ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(30000) || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != 0 {
		t.Fatalf("the table's parts: %+v", tp)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "no unit (单位) printed") }) {
		t.Errorf("no warning of the unit: %+v", d.Warnings)
	}
	d = extractLines(t, fmt.Sprintf(page, "9.50"))
	if tp := d.ThreePublic; tp == nil || tp.VehicleOperation != nil {
		t.Errorf("a table whose 合计 is not the text's was read: %+v", tp)
	}
	if c := tableCoverage(d, "一、2022年“三公”经费支出预算表"); c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "do not add up") {
		t.Errorf("coverage %+v", c)
	}
	if !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool {
		return c.Kind == schema.ClaimTable && c.Path == "/three_public/total" && c.Value == 95000
	}) {
		t.Errorf("the 合计 9.50 is no table claim: %+v", d.Claims)
	}
	other := strings.NewReplacer("5.5万元", "6.5万元", "3万元", "4万元").Replace(page) // no part the text's
	d = extractLines(t, fmt.Sprintf(other, "9.50"))
	if c := tableCoverage(d, "一、2022年“三公”经费支出预算表"); c.Status != schema.CoverageIncomplete || !strings.Contains(c.Reason, "no unit") {
		t.Errorf("parts not the text's: coverage %+v", c)
	}
}

// numberedSummaryHead is the opening of a unit's 决算 whose 收入支出决算总表
// prints one cell a bar, its rows numbered (行次) and its columns (栏次):
// the title, the lines given, the table's title, unit and header.
func numberedSummaryHead(unit string, between ...string) []string {
	return slices.Concat([]string{unit + "2017年度部门决算"}, between, []string{"1.《收入支出决算总表》", "单位名称:" + unit + " 单位:万元",
		"收入 | 支出 | ||||", "项目 | 行次 | 金额 | 项目 | 行次 | 金额 |", "栏次 | 1 | 栏次 | 2 | ||"})
}

// A 决算 summary titled in book-title brackets (1.《收入支出决算总表》),
// one cell a bar, its rows numbered (行次) and its revenue panel shorter
// than its expenditure panel: the rows with no label still print their
// numbers, first on their line, and no number is an amount.
func TestBracketedTitleRowNumbers(t *testing.T) {
	lines := append(numberedSummaryHead("某县某中心", "二、公开表格"),
		"一、财政拨款收入(补助) | 1 | 100.00 | 一、一般公共服务支出 | 9 | 120.00 |",
		"二、附属单位上缴收入 | 2 | 50.00 | 二、教育支出 | 10 | |",
		"3 | 三、社会保障和就业支出 | 11 | 30.00 | ||",
		"4 | 四、住房保障支出 | 12 | ||",
		"5 | 13 | ||||",
		"本年收入合计 | 6 | 150.00 | 本年支出合计 | 14 | 150.00 |",
		"年初结转和结余 | 7 | 10.00 | 年末结转和结余 | 15 | 10.00 |",
		"总计 | 8 | 160.00 | 总计 | 16 | 160.00 |")
	d := readText(t, strings.Join(lines, "\n"))
	r, e := d.Revenue, d.Expenditure
	if r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(1500000) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(100000) ||
		e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(1500000) || e.CarriedForward == nil || *e.CarriedForward != schema.Yuan(100000) {
		t.Errorf("revenue %+v, expenditure %+v; warnings %+v", r, e, d.Warnings)
	}
	classes := map[string]schema.Money{}
	for _, c := range e.ByFunction {
		classes[c.Name] = c.Amount
	}
	if len(classes) != 2 || classes["一般公共服务支出"] != schema.Yuan(1200000) || classes["社会保障和就业支出"] != schema.Yuan(300000) {
		t.Errorf("classes %v", classes)
	}
	// the page cut after the revenue's 总计: the table is not used, and
	// what it states is no row's number
	lines[len(lines)-1] = "总计 | 8 | 160.00"
	for _, d := range []*schema.Document{d, readText(t, strings.Join(lines, "\n"))} {
		for _, c := range d.Claims {
			if c.Kind == "table" && c.Value < 100000 {
				t.Errorf("a row's number read as an amount: %+v", c)
			}
		}
	}
}

// A budget system's export under a heading that names no table (部门预算
// 公开表): a 收支总表 a cell a line, each cell's bar after it and a bar
// alone for a blank cell, its rows numbered by a 序号 before their labels
// and its columns by a 栏次 run. Its rows are a summary's (收入总计, 支出总计,
// a source no appropriation is), so it is read as one; the same as a web
// page's one-line body, bars dropped. Rows of appropriations alone (a
// 财政拨款收支总表's) are not taken for it.
func TestUntitledSummaryNumberedRows(t *testing.T) {
	cells := []string{"某县某镇财政所2025年部门预算", "部门预算公开表", "920某县某镇财政所 |", "预算年度:2025 |", "单位:万元 | ||",
		"序号 |", "收入 |", "支出 | ||", "项 目 |", "预算数 |", "项 目 |", "预算数 | |", "栏次 |", "1 |", "2 |", "3 |", "4 |",
		"1 |", "一、一般公共预算拨款收入 |", "600.00 |", "一、一般公共服务支出 |", "500.00 |",
		"2 |", "二、财政专户管理资金收入 |", "|", "二、外交支出 |", "|",
		"3 |", "|", "|", "三、国防支出 |", "|",
		"4 |", "|", "|", "四、公共安全支出 |", "|",
		"5 |", "|", "|", "五、教育支出 |", "|",
		"6 |", "|", "|", "六、科学技术支出 |", "|",
		"7 |", "|", "|", "七、文化旅游体育与传媒支出 |", "|",
		"8 |", "|", "|", "八、社会保障和就业支出 |", "120.00 |",
		"9 |", "本年收入合计 |", "600.00 |", "本年支出合计 |", "620.00 |",
		"10 |", "上年结转结余 |", "20.00 |", "年终结转结余 |", "|",
		"11 |", "收入总计 |", "620.00 |", "支出总计 |", "620.00"}
	text := strings.Join(cells, "\n")
	var words []string
	for _, c := range cells {
		if c = strings.TrimSpace(strings.Trim(c, "| ")); c != "" {
			words = append(words, c)
		}
	}
	for _, text := range []string{text, strings.Join(words, " ")} {
		d := readText(t, text)
		r, e := d.Revenue, d.Expenditure
		if r.Total == nil || *r.Total != schema.Yuan(6200000) || r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(6000000) ||
			r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(200000) || e.Total == nil || *e.Total != schema.Yuan(6200000) {
			t.Errorf("%.40q: revenue %+v, expenditure %+v; warnings %+v", text, r, e, d.Warnings)
		}
		classes := map[string]schema.Money{}
		for _, c := range e.ByFunction {
			classes[c.Code] = c.Amount
		}
		if len(classes) != 2 || classes["201"] != schema.Yuan(5000000) || classes["208"] != schema.Yuan(1200000) {
			t.Errorf("%.40q: classes %v", text, classes)
		}
		if len(r.Sources) != 1 || r.Sources[0].Name != "一般公共预算" || r.Sources[0].Amount != schema.Yuan(6000000) {
			t.Errorf("%.40q: sources %+v", text, r.Sources)
		}
	}
	fiscal := strings.Replace(text, "二、财政专户管理资金收入", "二、政府性基金预算拨款收入", 1)
	if d := readText(t, fiscal); d.Revenue.Total != nil || len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("rows of appropriations alone read as the summary: %+v %+v", d.Revenue, d.Expenditure)
	}
}

// A 决算 summary whose page ends in its 总计 row (总计 | 7 | 200, the
// expenditure's cut): each side's parts — 本年收入合计, 用事业基金弥补收支差额
// and 年初结转和结余; 本年支出合计, 结余分配 and 年末结转和结余 — add up to the
// same, so its year's totals, carried amounts, sources and classes are read,
// and no total. Sides that differ, or a 总计 printed that is not their sum,
// give nothing; printed whole, the 用事业基金 row keeps the year's totals.
func TestSummaryCutBeforeTotals(t *testing.T) {
	lines := append(numberedSummaryHead("某县某医院"),
		"一、财政拨款收入 | 1 | 100.00 | 一、一般公共服务支出 | 9 | 120.00 |",
		"二、事业收入 | 2 | 50.00 | 二、教育支出 | 10 | |",
		"3 | 三、社会保障和就业支出 | 11 | 60.00 | ||",
		"本年收入合计 | 4 | 150.00 | 本年支出合计 | 12 | 180.00 |",
		"用事业基金弥补收支差额 | 5 | 40.00 | 结余分配 | 13 | |",
		"年初结转和结余 | 6 | 10.00 | 年末结转和结余 | 14 | 20.00 |",
		"总计 | 7 | 200")
	read := func(d *schema.Document) bool {
		r, e := d.Revenue, d.Expenditure
		if r.CurrentYear == nil || e.CurrentYear == nil {
			return false
		}
		if *r.CurrentYear != schema.Yuan(1500000) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(100000) ||
			*e.CurrentYear != schema.Yuan(1800000) || e.CarriedForward == nil || *e.CarriedForward != schema.Yuan(200000) || len(r.Sources) != 2 || len(e.ByFunction) != 2 {
			t.Errorf("revenue %+v, expenditure %+v; warnings %+v", r, e, d.Warnings)
		}
		return true
	}
	d := readText(t, strings.Join(lines, "\n"))
	if !read(d) || d.Revenue.Total != nil || d.Expenditure.Total != nil {
		t.Errorf("cut before its totals: revenue %+v, expenditure %+v; warnings %+v", d.Revenue, d.Expenditure, d.Warnings)
	}
	for _, c := range [][2]string{{"| 20.00 |", "| 25.00 |"}, {"总计 | 7 | 200", "总计 | 7 | 210"}} {
		if d := readText(t, strings.Replace(strings.Join(lines, "\n"), c[0], c[1], 1)); read(d) {
			t.Errorf("%s: read as %+v %+v", c[1], d.Revenue, d.Expenditure)
		}
	}
	// a web table a cell a line, blank cells dropped: the 行次 of the rows
	// with no label (3) follow the other panel's number, and are no amounts
	var cells []string
	for _, l := range lines {
		for c := range strings.SplitSeq(l, "|") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
	}
	if d := readText(t, strings.Join(cells, "\n")); !read(d) {
		t.Errorf("one line: revenue %+v, expenditure %+v; warnings %+v", d.Revenue, d.Expenditure, d.Warnings)
	}
	lines[len(lines)-1] = "总计 | 7 | 200.00 | 总计 | 15 | 200.00 |"
	if d := readText(t, strings.Join(lines, "\n")); !read(d) || d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(2000000) {
		t.Errorf("printed whole: revenue %+v; warnings %+v", d.Revenue, d.Warnings)
	}
}

// A 三公 table whose rows' cells one space parts, blank cells dropped (a
// web page's one-line body): a label opening with its own number (1、, (2))
// begins a cell as one opening with 一、 or （二） does, so a part with no
// amount does not take the next part's.
func TestThreePublicNumberedLabelsOneSpaceApart(t *testing.T) {
	d := extractLines(t, "某县移民局2015年度“三公”经费决算情况表\n单位:万元\n项目 本年决算数\n"+
		"一、支出合计 9.28 1、因公出国(境)费用 2、公务接待费 9.28 3、公务用车费 其中:(1)公务用车运行维护费 (2)公务用车购置")
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(92800) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(92800) || tp.OverseasTravel != nil && tp.OverseasTravel.Amount != 0 {
		t.Errorf("三公 %+v; warnings %+v", tp, d.Warnings)
	}
}

// readText extracts text as read from a file of it (a text of cells
// between bars laid out in columns).
func readText(t *testing.T, text string) *schema.Document {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	txt, err := ingest.Read(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Extract(txt, "t", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A 行次 column its header does not stand over (each line laid out by its
// own cells): the numbers after the labels, and those of the rows with no
// label, are still no amounts.
func TestLayoutRowNumbersOffHeader(t *testing.T) {
	lines := []string{
		"项目            行次                    金额   项目           行次         金额",
		"一、财政拨款收入                  1     100.00   一、一般公共服务支出   5   120.00",
		"二、附属单位上缴收入                2     二、教育支出           6",
		"3       三、社会保障和就业支出           7   30.00",
		"本年收入合计                   4   100.00   本年支出合计       8   150.00",
	}
	rows, ok := layoutRows(lines, compactLines(lines), 0, len(lines))
	if !ok {
		t.Fatal("not read as laid out")
	}
	for _, r := range rows {
		for _, v := range r.vals {
			if v.scale == 0 {
				t.Errorf("%s: a row's number read as an amount: %+v", r.name, v)
			}
		}
	}
}

// A 三公 table with its unit in a column's header (2014年决算(万元)), no
// 合计 row and its vehicles' parts named by their own word under 公务用车:
// each part is read, and the total, stated nowhere, is left out.
func TestThreePublicPartsNoTotal(t *testing.T) {
	d := readText(t, strings.Join([]string{
		"某区某局2014年度“三公”经费决算情况",
		"附表:",
		"某区某局2014年“三公”经费决算表",
		"项目 | 2014年决算 (万元) |",
		"因公出国(境)经费 | 0 |",
		"公务接待费 | 2.5 |",
		"公务用车购置及运行维护费 | 12.4 |",
		"其中:购置经费 | 4 |",
		"运行维护费 | 8.4 |",
	}, "\n"))
	tp := d.ThreePublic
	if tp == nil || tp.Total != nil || tp.OverseasTravel == nil || tp.OverseasTravel.Amount != 0 || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(25000) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(124000) || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != schema.Yuan(40000) ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(84000) {
		t.Errorf("三公 %+v; warnings %+v", tp, d.Warnings)
	}
}

// Without every part, a 三公 table with no 合计 row is not read.
func TestThreePublicSomePartsNoTotal(t *testing.T) {
	d := readText(t, strings.Join([]string{
		"某区某局2014年“三公”经费决算表",
		"项目 | 2014年决算 (万元) |",
		"公务接待费 | 2.5 |",
		"公务用车购置及运行维护费 | 12.4 |",
	}, "\n"))
	if d.ThreePublic != nil {
		t.Errorf("三公 %+v", d.ThreePublic)
	}
}

// The unit a table's header prints in a cell is its unit; two units, or
// one below the first figure, are none.
func TestHeaderUnit(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  int64
	}{
		{[]string{"项目  2014年决算(万元)", "公务接待费  1.3"}, 10000},
		{[]string{"项目  预算数(元)  决算数(元)", "公务接待费  1300  1200"}, 1},
		{[]string{"项目  预算数(元)  决算数(万元)", "公务接待费  1300  0.12"}, 0},
		{[]string{"项目  决算数", "公务接待费  1.3", "注:车辆(万元)"}, 0},
	} {
		if got := unitAfter(c.lines, 0, len(c.lines)); got != c.want {
			t.Errorf("%q: unit %d, want %d", c.lines, got, c.want)
		}
	}
}

// A 决算's 收支总表 adds 用事业基金弥补收支差额 to its side: the revenue of
// the year, that and the amounts carried in make the 总计, and a table
// that fails elsewhere (its other 总计 cut off) keeps no claim of that sum.
func TestRejectedSummaryCountsOtherRows(t *testing.T) {
	text := "某市某医院2017年度部门决算\n" + `1.《收入支出决算总表》
单位名称:某市某医院 单位:万元
收入 | 支出 | ||||
项目 | 行次 | 金额 | 项目 | 行次 | 金额 |
栏次 | 1 | 栏次 | 2 | ||
一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | |
二、上级补助收入 | 2 | 二、外交支出 | 29 | ||
三、事业收入 | 3 | 34221.23 | 三、国防支出 | 30 | |
四、经营收入 | 4 | 四、公共安全支出 | 31 | ||
五、附属单位上缴收入 | 5 | 五、教育支出 | 32 | ||
六、其他收入 | 6 | 六、科学技术支出 | 33 | ||
7 | 七、文化体育与传媒支出 | 34 | |||
8 | 八、社会保障和就业支出 | 35 | |||
9 | 九、医疗卫生与计划生育支出 | 36 | 36341.62 | ||
10 | 十、节能环保支出 | 37 | |||
11 | 十一、城乡社区支出 | 38 | |||
12 | 十二、农林水支出 | 39 | |||
13 | 十三、交通运输支出 | 40 | |||
14 | 十四、资源勘探信息等支出 | 41 | |||
15 | 十五、商业服务业等支出 | 42 | |||
16 | 十六、金融支出 | 43 | |||
17 | 十七、援助其他地区支出 | 44 | |||
18 | 十八、国土海洋气象等支出 | 45 | |||
19 | 十九、住房保障支出 | 46 | |||
20 | 二十、粮油物资储备支出 | 47 | |||
21 | 二十一、其他支出 | 48 | |||
22 | 49 | ||||
本年收入合计 | 23 | 34846.81 | 本年支出合计 | 50 | 36341.62 |
用事业基金弥补收支差额 | 24 | 1604.54 | 结余分配 | 51 | |
年初结转和结余 | 25 | 364.65 | 年末结转和结余 | 52 | 474.38 |
26 | 364.65 | 53 | |||
总计 | 27 | 36816
`
	for _, tc := range []struct {
		name, from, to string
		want           bool
	}{
		{"as printed", "", "", false},
		{"the fund's use misprinted", "1604.54", "1640.54", true},
	} {
		var kept []string
		for _, cl := range readText(t, strings.Replace(text, tc.from, tc.to, 1)).Claims {
			if cl.Kind == schema.ClaimTable && cl.Line == 33 && cl.Of == "" {
				kept = append(kept, fmt.Sprint(cl.Value))
			}
		}
		if got := len(kept) > 0; got != tc.want {
			t.Errorf("%s: the revenue's 总计 kept as a sum's total: %v, want %v", tc.name, kept, tc.want)
		}
	}
}

// A 决算's 三公 table of a row a part, in pipes, with the year before's
// outturn, the year's and their change (amount, then percentage) — each
// percentage and the vehicles' 其中: a cell of its own — and the notes on
// the table after it: the year's column is read, and the year before's,
// which adds up as the year's does, is each part's prior year.
func TestThreePublicPriorYearColumn(t *testing.T) {
	text := "某县某局2016年“三公”经费决算情况统计表 | ||||\n单位:万元 | ||||\n" +
		"项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |\n增、减金额 | 增、减幅度 | |||\n" +
		"合计 | 29.00 | 27.00 | -2.00 | -6.9% |\n" +
		"1.因公出国(境)费 | 1.00 | 1.00 | 0 | 0% |\n" +
		"2.公务接待费 | 16.00 | 15.00 | -1.00 | -6.25% |\n" +
		"3.公务用车购置及运行费 | 12.00 | 11.00 | -1.00 | -8.33% |\n" +
		"其中:(1)公务用车购置费 | 2.00 | 0 | -2.00 | -100% |\n" +
		"(2)公务用车运行费 | 10.00 | 11.00 | 1.00 | 10% |\n" +
		"“三公”经费口径说明\n一、“三公”经费是指因公出国(境)费、公务用车购置及运行费和公务接待费。\n"
	tp := readText(t, text).ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(270000) || tp.PriorYear == nil || *tp.PriorYear != schema.Yuan(290000) {
		t.Fatalf("three_public = %+v, want total 270000, prior year 290000", tp)
	}
	for _, p := range []struct {
		f           *schema.Figure
		now, before schema.Money
	}{{tp.Reception, schema.Yuan(150000), schema.Yuan(160000)}, {tp.VehiclePurchase, 0, schema.Yuan(20000)}, {tp.VehicleOperation, schema.Yuan(110000), schema.Yuan(100000)}} {
		if p.f == nil || p.f.Amount != p.now || p.f.PriorYear == nil || *p.f.PriorYear != p.before {
			t.Errorf("part %+v, want %v, prior year %v", p.f, p.now, p.before)
		}
	}
	// the year before's column that does not add up is not the parts' prior year
	bad := strings.Replace(text, "| 16.00 | 15.00 |", "| 17.00 | 15.00 |", 1)
	if tp := readText(t, bad).ThreePublic; tp == nil || tp.Total == nil || tp.PriorYear != nil || tp.Reception.PriorYear != nil {
		t.Errorf("a year before's column that does not add up: %+v", tp)
	}
}

// basicSummary is a 收支总表 that lists the parts of its 基本支出 under it
// (工资福利支出, 对个人和家庭的补助支出, 日常公用经费); %s is 日常公用经费's.
const basicSummary = `某局2016年部门预算
                商洛市某局2016年收支预算总表
单位：万元
         项目                预算数              项目                         预算数
一、公共预算拨款              404.77    一、基本支出                          319.08
二、政府性基金拨款                         1.工资福利支出                     213.37
三、事业收入                               2.对个人和家庭的补助支出            48.32
                                           3.日常公用经费                     %s
                                        二、项目支出                           85.69
       收入总计               404.77          支出总计                         404.77
`

// A 收支总表's 日常公用经费 listed under its 基本支出 is the public expenses
// (公用经费) where the parts listed add up to the 基本支出.
func TestSummaryBasicRows(t *testing.T) {
	d := extractLines(t, fmt.Sprintf(basicSummary, "57.39"))
	if e := d.Expenditure; e.Basic == nil || e.PublicExpenses == nil || e.PublicExpenses.Amount != schema.Yuan(573900) {
		t.Errorf("basic %+v, public expenses %+v; want 57.39万", e.Basic, e.PublicExpenses)
	}
	if d := extractLines(t, fmt.Sprintf(basicSummary, "57.40")); d.Expenditure.PublicExpenses != nil {
		t.Errorf("parts that do not add up to 基本支出: public expenses %v", d.Expenditure.PublicExpenses.Amount)
	}
}

// A number under a table's title that is no cell of it — a page number of
// the text's run of them (12, 13, 14), a year of its header (2022年预算数),
// the ordinal of a heading below it — leaves the table printed blank:
// declared empty where it prints its unit and 合计 among tables with
// figures, cut where the text ends inside its header, absent where
// nothing of it follows; a 收支总表 the text ends in before its 总计 is cut,
// a table of figures with no unit incomplete, none of them "not read".
func TestTableCoverageNoCells(t *testing.T) {
	read := "某省某院2019年部门预算\n" +
		"一般公共预算“三公”经费支出预算表\n单位：万元\n合计\n因公出国(境)费\n公务用车购置及运行费\n公务接待费\n" +
		"3.00\n0.00\n2.00\n1.00\n12\n"
	fund := "政府性基金支出预算表\n部门：\n功能科目代码\n某省某院\n功能科目名称\n合计\n\n%s\n\n单位：万元\n金额\n"
	next := "一般公共预算支出预算表\n单位：万元\n合计\n5.00\n201\n一般公共服务支出\n5.00\n14\n"
	for _, c := range []struct {
		text, title, want string
	}{
		{read + fmt.Sprintf(fund, "13") + next, "政府性基金支出预算表", schema.CoverageEmpty},
		{read + fmt.Sprintf(fund, "31") + next, "政府性基金支出预算表", schema.CoverageNotRead}, // 31 is no page of the run: a figure
		{read + "政府性基金支出预算表\n单位：万元\n项目\n2022年预算数\n", "政府性基金支出预算表", schema.CoverageIncomplete},
		{read + "九、政府性基金支出预算表\n第三部某院2019年部门预算情况说明\n  1. 收入支出预算总体情况说明\n本部门收支预算情况如下。\n", "九、政府性基金支出预算表", schema.CoverageAbsent},
		{read + "收支预算总表\n单位：万元\n收入\n支出\n一、一般公共预算拨款收入\n5.00\n一、一般公共服务支出\n5.00\n", "收支预算总表", schema.CoverageIncomplete},
		{read + "政府性基金支出预算表\n合计\n5.00\n2\n3.00\n", "政府性基金支出预算表", schema.CoverageIncomplete}, // no unit
	} {
		d := extractLines(t, c.text)
		if got := tableCoverage(d, c.title); got.Status != c.want {
			t.Errorf("%q: coverage %+v, want %s", c.text[len(read):], got, c.want)
		}
	}
}

// A 三公 table a converter printed with bars, its header's labels not over
// its values' columns (two rows of labels, the vehicles' 小计 under its
// group): the positions tell no column, so the cells' order and sums read
// it — every part they leave no doubt about — where before it was left out.
func TestThreePublicBarsNotAligned(t *testing.T) {
	text := "某区某局2016年“三公”经费预算公开\n" +
		"某区某局2016年“三公”经费预算 | |||||||\n" +
		"财政拨款情况表 | |||||||\n" +
		"| | | | | | ||\n" +
		"| | | | | 单位:万元 | ||\n" +
		"合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||\n" +
		"小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||\n" +
		"%s\n" +
		"注:1、上述数据为当年财政拨款安排的“三公”经费。 | |||||||\n"
	for _, c := range []struct {
		values              string
		operation, purchase *schema.Money // nil: left out
	}{
		{"1.7 | 0 | 0 | 0 | 0 | 1.7 | ||", new(schema.Money(0)), new(schema.Money(0))},
		// 运行 0.8 and 购置 0, or the other way: the order of a header
		// that told no column does not say, the sums neither
		{"2.5 | 0 | 0.8 | 0.8 | 0 | 1.7 | ||", nil, nil},
	} {
		d := extractOf(t, ingest.Lines(fmt.Sprintf(text, c.values)))
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(17000) || tp.Vehicle == nil ||
			!sameMoney(tp.VehicleOperation, c.operation) || !sameMoney(tp.VehiclePurchase, c.purchase) {
			t.Fatalf("%s: three public %+v, warnings %+v", c.values, tp, d.Warnings)
		}
		if cv := tableCoverage(d, "某区某局2016年“三公”经费预算财政拨款情况表"); cv.Status != schema.CoverageRead {
			t.Errorf("%s: coverage %+v", c.values, cv)
		}
	}
}

// sameMoney tells an item of the 三公 that has the amount, or is absent
// where the amount is nil.
func sameMoney(it *schema.Figure, want *schema.Money) bool {
	if it == nil || want == nil {
		return it == nil && want == nil
	}
	return it.Amount == *want
}

// A 三公 table a cell a line whose vehicles' 小计 is blank beside its two
// parts, each printed: no placement of six columns adds up, one of the four
// parts does (the 三公 their sum) — its total and whatever the parts' order
// leaves no doubt about are read; a 合计 off the parts' sum is still left out.
func TestThreePublicBlankSubtotal(t *testing.T) {
	text := "某区某局2017年“三公”经费预算公开\n2017年某区某局“三公”经费汇总情况表 |\n|||||||\n单位:万元 |\n||\n合计 |\n因公出国 |\n公务用车购置及运行维护 |\n|||||\n小计 |\n公务用车购置 |\n" +
		"公车运行及维护 | 公务接待费 | ||||\n%s |\n100 |\n692 |\n4612 |\n430 |\n"
	for total, read := range map[string]bool{"5834": true, "5835": false} {
		d := extractOf(t, ingest.Lines(fmt.Sprintf(text, total)))
		tp := d.ThreePublic
		if got := tp != nil && tp.Total != nil && tp.OverseasTravel != nil && tp.OverseasTravel.Amount == schema.Yuan(1000000); got != read {
			t.Errorf("合计 %s: three public %+v, warnings %+v", total, tp, d.Warnings)
		}
		if read && tp != nil && tp.Vehicle != nil {
			t.Errorf("the blank 小计 read: %+v", tp.Vehicle)
		}
	}
}

// TestTitlesAfterCells: a file of tables as pdftotext -raw prints it, each
// title after its cells, is read from each table's number to its title —
// the 政府性基金 table's region holds its own note, not the next table's
// 合计 — and the same tables printed title first are read from the title.
func TestTitlesAfterCells(t *testing.T) {
	tables := [][2]string{
		{"收支预算总表", "部门：某局 单位：万元\n项目 金额\n收入总计 100.00 支出总计 100.00"},
		{"支出预算总表", "部门：某局 单位：万元\n合计 基本支出 项目支出\n100.00 60.00 40.00"},
		{"政府性基金支出预算表", "部门：某局 单位：万元\n合计\n注：本单位无政府性基金支出。"},
		{"一般公共预算支出预算表", "单位：万元\n合计 100.00\n201 一般公共服务支出 100.00"},
	}
	var after, first strings.Builder
	for k, tb := range tables {
		fmt.Fprintf(&after, "表%d\n%s\n%s\n收入 支出\n", k+1, tb[1], tb[0])
		fmt.Fprintf(&first, "表%d\n%s\n%s\n", k+1, tb[0], tb[1])
	}
	for _, c := range []struct{ name, text string }{{"title after its cells", after.String()}, {"title first", first.String()}} {
		lines := strings.Split(c.text, "\n")
		flat := compactAll(lines)
		tabs := findTables(lines, flat)
		if len(tabs) != len(tables) {
			t.Fatalf("%s: %d tables found, want %d", c.name, len(tabs), len(tables))
		}
		for k, tb := range tabs {
			region := strings.Join(flat[tb.line:tb.end], "|")
			if !strings.Contains(region, compact(strings.Split(tables[k][1], "\n")[2])) {
				t.Errorf("%s: %s reads %q, not its own cells", c.name, tb.title, region)
			}
		}
	}
	// the third table's region: its note, and not the fourth's 合计
	lines := strings.Split(after.String(), "\n")
	tabs := findTables(lines, compactAll(lines))
	if region := strings.Join(compactAll(lines)[tabs[2].line:tabs[2].end], "|"); strings.Contains(region, "100.00") {
		t.Errorf("政府性基金支出预算表 reads %q", region)
	}
}

// A school's 预算收支表 (Yunnan, 2016) is its summary table: read a cell a
// line in pipes, its blank cells dropped, its totals and basic and project
// spending are the document's; a fund's 预算收支表 is none.
func TestBudgetRevenueExpenditureTable(t *testing.T) {
	for title, want := range map[string]tableKind{
		"某中学2016年预算收支表": tableSummary, "某医院2016年决算收支表": tableSummary,
		"政府性基金预算收支表": tableFund, "财政拨款预算收支表": tableOther,
	} {
		if got := classifyTitle(title); got != want {
			t.Errorf("%s: kind %d, want %d", title, got, want)
		}
	}
	cells := func(cs ...string) string { return strings.Join(cs, " |\n") + " |\n" }
	text := "某某市第一中学2016年部门预算\n某某市第一中学2016年预算收支表(表一)\n单位:万元\n" +
		cells("收 入", "支 出") + "|||\n" + cells("项 目", "预算数", "项 目", "预算数") + "|\n" +
		cells("一、财政拨款", "3701.85", "一、基本支出", "3507.9") + "|\n" +
		cells("经费拨款", "2901.85", "工资福利支出", "1935.57") + "|\n" +
		cells("纳入预算管理的行政性收费安排", "800", "商品和服务支出", "549.79") + "|\n" +
		cells("二、政府性基金", "对个人和家庭的补助支出", "1022.54") + "||\n" +
		cells("二、项目支出", "193.95") + "|||\n" +
		cells("本 年 收 入 合 计", "3701.85", "本 年 支 出 合 计", "3701.85")
	d := extractLines(t, text)
	if got := d.Revenue.Sources; len(got) == 0 || got[0].Name != "财政拨款" || got[0].Amount != 3701850000 {
		t.Errorf("sources %+v", got)
	}
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount != 3507900000 || e.Project == nil || e.Project.Amount != 193950000 || e.CurrentYear == nil || *e.CurrentYear != 3701850000 {
		t.Errorf("expenditure %+v", e)
	}
}

// A 三公 table a cell a line whose header names the cars' running costs
// before their purchase: the sums cannot tell the two apart, so the
// header's order places them, not the template's; a header that names
// neither part apart (only the whole, 公务用车购置及运行费) leaves the two
// out with a warning, the other cells read.
func TestThreePublicVehicleOrderFromHeader(t *testing.T) {
	page := "某县档案馆2023年“三公”经费预算情况\n一、2023年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务接待费 |\n||\n" +
		"%s|||\n46 |\n0 |\n40 |\n30 |\n10 |\n6 |\n二、其他说明\n"
	d := extractLines(t, fmt.Sprintf(page, "小计 |\n公务用车运行费 |\n公务用车购置费 |\n"))
	tp := d.ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehiclePurchase == nil ||
		tp.VehicleOperation.Amount != schema.Yuan(300000) || tp.VehiclePurchase.Amount != schema.Yuan(100000) {
		t.Fatalf("the header's order: %+v", tp)
	}
	d = extractLines(t, fmt.Sprintf(page, "小计 |\n"))
	tp = d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(460000) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(400000) ||
		tp.Reception == nil || tp.Reception.Amount != schema.Yuan(60000) {
		t.Fatalf("the cells the sums tell: %+v", tp)
	}
	if tp.VehiclePurchase != nil || tp.VehicleOperation != nil {
		t.Errorf("the cars' parts placed by the template's order: 购置 %+v, 运行 %+v", tp.VehiclePurchase, tp.VehicleOperation)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "which 运行费") }) {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

// A 款 printed without its leading zero ("301 2 津贴补贴", "301 7 绩效工资"
// of a table that prints "301 01 基本工资") is the code 30102 where its name
// is that code's, one space apart (another tool's text) or a cell a line;
// its digits are no cells of the row above, whose sum they broke.
func TestSubCodeWithoutItsZero(t *testing.T) {
	rows := [][]string{
		{"301", "工资福利支出", "28,116,161", "28,116,161", "0"},
		{"301", "01", "基本工资", "5,873,551", "5,873,551", "0"},
		{"301", "2", "津贴补贴", "16,623,810", "16,623,810", "0"},
		{"301", "7", "绩效工资", "5,618,800", "5,618,800", "0"},
		{"302", "商品和服务支出", "1,168,569", "0", "1,168,569"},
		{"302", "01", "办公费", "1,168,569", "0", "1,168,569"},
		{"合计", "29,284,730", "28,116,161", "1,168,569"},
	}
	head := "某区某街道办事处2024年部门预算\n2024年部门一般公共预算基本支出部门预算经济分类预算表\n编制部门：某区某街道办事处 单位：元\n项目 一般公共预算基本支出\n部门预算经济分类科目\n编码 经济分类科目名称 合计 人员经费 公用经费\n类 款\n"
	for _, sep := range []string{" ", "\n"} {
		var b strings.Builder
		b.WriteString(head)
		for _, r := range rows {
			b.WriteString(strings.Join(r, sep) + "\n")
		}
		d := extractLines(t, b.String())
		for _, c := range d.Claims {
			if c.Kind == schema.ClaimTable && (c.Value == 301 || c.Value == 2 || c.Value == 7) {
				t.Errorf("%q: a code's digits as a cell: %+v", sep, c)
			}
		}
		for _, c := range d.Checks {
			if c.Rule == "sum.table" && c.Severity != schema.SeverityInfo {
				t.Errorf("%q: %s", sep, c.MessageEn)
			}
		}
		got := map[string]schema.Money{}
		if d.Expenditure != nil {
			for _, cl := range d.Expenditure.ByEconomic {
				for _, it := range cl.Items {
					got[it.Code] = it.Amount
				}
			}
		}
		if got["30102"] != schema.Yuan(16623810) || got["30107"] != schema.Yuan(5618800) {
			t.Errorf("%q: items %v", sep, got)
		}
	}
}

// A list's number before a row's name ("2. 政府性基金预算", pdfminer's text of
// a 收支总表) is no amount: a number ending in its dot is no cell's.
func TestListNumberNoCell(t *testing.T) {
	for _, line := range []string{"2. 政府性基金预算", "1. 一般公共预算 15897.44 二、外交支出"} {
		var nums []string
		for _, c := range cellsOf(line) {
			if isNumberCell(c) {
				nums = append(nums, c)
			}
		}
		if want := strings.Count(line, "15897.44"); len(nums) != want {
			t.Errorf("%q: number cells %q", line, nums)
		}
	}
	if !isNumberCell("2.5") || !isNumberCell("1,068.78") {
		t.Error("amounts no longer cells")
	}
}

// A page's number printed first on its page, after a form feed alone on
// its line (mutool), is no cell where the pages' numbers so printed run
// (12, 13); a 类 code opening a page's rows the same way (302) is its row's.
func TestPageNumberAfterFormFeed(t *testing.T) {
	cells := []string{"某机关2018年部门预算", "财政拨款支出预算表（功能科目）", "单位：万元", "功能科目代码", "功能科目名称", "金额",
		"合计", "1,068.78", "208", "社会保障和就业支出", "1,068.78", "20805", "行政事业单位离退休", "1,068.78",
		"2080504", "未归口管理的行政单位离退休", "256.76", "2080505", "机关事业单位基本养老保险缴费支出", "580.01",
		"\f", "12", "公开 06 表", "2080506", "机关事业单位职业年金缴费支出", "232.01",
		"\f", "13", "财政拨款基本支出预算表（经济科目）", "单位：万元", "科目编码", "科目名称", "金额",
		"合计", "300.00", "301", "工资福利支出", "200.00", "30101", "基本工资", "200.00",
		"\f", "302", "商品和服务支出", "100.00", "30201", "办公费", "100.00"}
	d := extractLines(t, strings.Join(cells, "\n")+"\n")
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimTable && (c.Value == 120000 || c.Value == 130000) {
			t.Errorf("a page's number as a cell: %+v", c)
		}
	}
	for _, w := range d.Warnings {
		t.Errorf("warning: %s (line %d)", w.Reason, w.Line)
	}
	var ec []string
	for _, c := range d.Expenditure.ByEconomic {
		ec = append(ec, c.Code+" "+c.Amount.String())
	}
	if !slices.Equal(ec, []string{"301 2000000", "302 1000000"}) {
		t.Errorf("economic classes %v", ec)
	}
}

// A 政府采购支出预算表 of layout text whose ways of buying wrap over two
// lines ("分散自行组" / "织"): a purchase's line names none, and the lines
// do not tell purchases from subtotals; its amounts, read in their order,
// do. A changed purchase breaks its subtotal's sum, which is kept with its
// purchases; the table as printed gives nothing.
func TestPurchaseWayWrapped(t *testing.T) {
	text := `某省某院2018年部门预算
` + purchaseHeader + `          信息网络建设费   信息网络及软件购置更新                      60.00
                                            部门集中采
                                  PC 服务器                   20.00
                                            购
                                            分散自行组
                                  计算机软件                  40.00
                                            织
          设备购置费     办公设备购置                                 40.00
                                            分散自行组
                                  其他办公设备                 40.00
                                            织
三、服务 C                                                   200.00
          案件审判经费    维修（护）费                                 150.00
                                            分散自行组
                                  运行维护服务                 150.00
                                            织
                    会议费                                    50.00
                                            分散自行组
                                  会议服务                   50.00
                                            织
第三部分 预算情况说明
  收入、支出预算总计 12.50 万元。
`
	for _, cl := range extractLines(t, text).Claims {
		if cl.Kind == schema.ClaimTable || cl.Kind == schema.ClaimLevels {
			t.Errorf("a table whose sums hold gave a claim: %+v", cl)
		}
	}
	changed := strings.Replace(text, "计算机软件                  40.00", "计算机软件                  45.00", 1)
	got := map[int]bool{}
	for _, cl := range extractLines(t, changed).Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Line] = true
		}
	}
	if want := map[int]bool{7: true, 9: true, 12: true}; !maps.Equal(got, want) {
		t.Errorf("claims on lines %v, want the subtotal's and its purchases' %v", got, want)
	}
	// two purchases of two subtotals swapped: both sums named
	swapped := strings.Replace(text, "PC 服务器                   20.00", "PC 服务器                   40.00", 1)
	swapped = strings.Replace(swapped, "其他办公设备                 40.00", "其他办公设备                 20.00", 1)
	clear(got)
	for _, cl := range extractLines(t, swapped).Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Line] = true
		}
	}
	if !got[9] && !got[16] {
		t.Errorf("claims on lines %v, want one on a swapped purchase's (9 or 16)", got)
	}
}
