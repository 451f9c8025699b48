package extract

import (
	"maps"
	"strings"
	"testing"

	"budgetpub/schema"
)

// A 收入决算表 as pdftotext -layout prints it: labels wrapped over three
// lines (本年收入合 / 计, 附属单 / 位上 / 缴收入), the 合计 row's figures
// above its label, blank cells, 万元.
const revenueFinalTable = `某区某局2024年度部门决算
                                   收入决算表
                                                                              单位：万元
                项目                                                                 附属单
                               本年收入合        财政拨款收        上级补助     事业收     经营收               其他收
  支出功能分类                                                                           位上
                     科目名称        计            入           收入       入       入       缴收入       入
   科目编码

                                 2,946.25    2,940.05                                         6.20
 类   款  项
                     合计

201             一般公共服务支出         2,112.86    2,106.66                                         6.20
208             社会保障和就业支出          833.39      833.39
208   05        行政事业单位养老支出       833.39      833.39
`

// The same with tall rows: pdftotext sets the 合计 row's figures on two
// lines, and a 类 row's first figures on the line above its code.
const revenueFinalTableTallRows = `某区某局2024年度部门决算
                                   收入决算表
                                                                              单位：万元
                项目                                                                 附属单
                               本年收入合        财政拨款收        上级补助     事业收     经营收               其他收
  支出功能分类                                                                           位上
                     科目名称        计            入           收入       入       入       缴收入       入
   科目编码

                                             2,940.05                                         6.20
                                 2,946.25
 类   款  项
                     合计
                                             2,106.66                                         6.20
201             一般公共服务支出         2,112.86
208             社会保障和就业支出          833.39      833.39
`

// A 收入预算总表 in 元: 上年结转 beside the sources, a heading (财政拨款)
// over two of them, printed zeros and blank cells, the 合计 row last.
const revenueBudgetTable = `某区某局2025年部门预算
                 2025年部门收入预算总表
编制部门：某区某局                                                                       单位：元
          项目                                                  财政拨款
功能分类     功能分类科目名称                合计       上年结转          一般公共预算     政府性基金     事业收入     其他收入
科目编码
201      一般公共服务支出              1,200,000   200,000        900,000        0           100,000
205      教育支出                    300,000                  300,000
            合计                 1,500,000   200,000      1,200,000        0           100,000
`

// source is the amount of the named revenue source (nil without it) and
// its part_of.
func source(d *schema.Document, name string) (*schema.Money, string) {
	for _, s := range d.Revenue.Sources {
		if s.Name == name {
			return &s.Amount, s.PartOf
		}
	}
	return nil, ""
}

func TestRevenueTableFinalAccounts(t *testing.T) {
	for name, c := range map[string]struct {
		text string
		line int // of the 本年收入合计 figure
	}{"rows on a line": {revenueFinalTable, 10}, "tall rows": {revenueFinalTableTallRows, 11},
		// the 财政拨款 column as 事业单位 accounts and older 决算 forms name it
		"财政补助收入": {strings.Replace(revenueFinalTable, "财政拨款收", "财政补助收", 1), 10}} {
		t.Run(name, func(t *testing.T) { testRevenueTableFinalAccounts(t, c.text, c.line) })
	}
}

func testRevenueTableFinalAccounts(t *testing.T, text string, line int) {
	d := extractLines(t, text)
	if r := d.Revenue; r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(29462500) || r.Total != nil {
		t.Errorf("current year %v, total %v; want 29462500 from 本年收入合计 and no total", r.CurrentYear, r.Total)
	}
	for name, want := range map[string]schema.Money{"财政拨款": schema.Yuan(29400500), "其他收入": schema.Yuan(62000)} {
		if got, _ := source(d, name); got == nil || *got != want {
			t.Errorf("source %s = %v, want %d", name, got, want)
		}
	}
	// blank columns are no figure
	for _, name := range []string{"上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"} {
		if got, _ := source(d, name); got != nil {
			t.Errorf("source %s = %d from a blank cell", name, *got)
		}
	}
	if l := d.Provenance["/revenue/current_year"].Line; l != line {
		t.Errorf("current year from line %d, want %d (the 合计 row's figure)", l, line)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings %+v", d.Warnings)
	}
	if c := tableCoverage(d, "收入决算表"); c.Status != schema.CoverageRead || c.NameEn != "revenue by source" {
		t.Errorf("coverage %+v", c)
	}
}

func TestRevenueTableBudget(t *testing.T) {
	d := extractLines(t, revenueBudgetTable)
	r := d.Revenue
	if r.Total == nil || *r.Total != schema.Yuan(1500000) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(200000) {
		t.Errorf("total %v, carried over %v; want 1500000 and 200000 yuan", r.Total, r.CarriedOver)
	}
	for name, want := range map[string]schema.Money{"一般公共预算": schema.Yuan(1200000), "政府性基金": 0, "其他收入": schema.Yuan(100000)} {
		got, partOf := source(d, name)
		if got == nil || *got != want || partOf != "" {
			t.Errorf("source %s = %v (part of %q), want %d standing on its own", name, got, partOf, want)
		}
	}
	if got, _ := source(d, "事业收入"); got != nil || len(r.Sources) != 3 {
		t.Errorf("sources %+v: want three, no 事业收入 (blank)", r.Sources)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings %+v", d.Warnings)
	}
}

func TestRevenueTableThatDoesNotAddUp(t *testing.T) {
	for name, text := range map[string]string{
		// the 合计 row: 200,000 + 1,200,001 + 0 + 100,000 is not 1,500,000
		"合计 row": strings.Replace(revenueBudgetTable, "1,500,000   200,000      1,200,000", "1,500,000   200,000      1,200,001", 1),
		// the 类 rows: 1,200,000 + 300,001 is not the 合计 column's 1,500,000
		"类 rows": strings.Replace(revenueBudgetTable, "  300,000                  300,000", "  300,001                  300,001", 1),
	} {
		if text == revenueBudgetTable {
			t.Fatalf("%s: the fixture did not change", name)
		}
		d := extractLines(t, text)
		if r := d.Revenue; r.Total != nil || r.CarriedOver != nil || len(r.Sources) != 0 {
			t.Errorf("%s: the table does not add up, yet total %v, carried %v, sources %+v", name, r.Total, r.CarriedOver, r.Sources)
		}
		if w := notUsed(d); len(w) != 1 {
			t.Errorf("%s: warnings %q, want one saying the table is not used", name, w)
		}
		if c := tableCoverage(d, "2025年部门收入预算总表"); c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "add up") {
			t.Errorf("%s: coverage %+v", name, c)
		}
		// the 合计 row that does not add up stays the document's statement:
		// its sum and its four printed parts, as table claims for sum.table
		var total string
		parts := 0
		for _, c := range d.Claims {
			switch {
			case c.Kind != schema.ClaimTable:
			case c.Of == "":
				total = c.Path
			default:
				parts++
			}
		}
		if want := map[string]int{"合计 row": 4, "类 rows": 0}[name]; parts != want || (want > 0) != (total != "") {
			t.Errorf("%s: table claims %+v, want a total and %d parts of it", name, d.Claims, want)
		}
	}
}

func TestRevenueTableAgainstText(t *testing.T) {
	// the text rounds the total and 一般公共预算 (the table's replace them,
	// the text's are claims) and states 其他收入 otherwise (the text's stays, the
	// table's is a claim for the checks); the carried amount agrees
	text := strings.Replace(revenueBudgetTable, "某区某局2025年部门预算\n",
		"某区某局2025年部门预算\n收入预算总额150.00万元。一般公共预算收入120.00万元；其他收入12.00万元；上年结转20.00万元。\n", 1)
	text = strings.NewReplacer("1,200,000", "1,200,049", "1,500,000", "1,500,049", "  900,000", "  900,049").Replace(text)
	d := extractLines(t, text)
	if got, _ := source(d, "一般公共预算"); got == nil || *got != schema.Yuan(1200049) {
		t.Errorf("一般公共预算 %v, want the table's 1200049 yuan", got)
	}
	if got, _ := source(d, "其他收入"); got == nil || *got != schema.Yuan(120000) {
		t.Errorf("其他收入 %v, want the text's 120000 yuan kept", got)
	}
	if r := d.Revenue; r.Total == nil || *r.Total != schema.Yuan(1500049) {
		t.Errorf("total %v, want the table's 1500049 yuan", r.Total)
	}
	at := map[string]string{} // each source's path
	for k, s := range d.Revenue.Sources {
		at[s.Name] = "/revenue/sources/" + string(rune('0'+k))
	}
	var table, amount []string
	for _, c := range d.Claims {
		switch c.Kind {
		case schema.ClaimTable:
			table = append(table, c.Path)
		case schema.ClaimAmount:
			amount = append(amount, c.Path)
		}
	}
	if strings.Join(table, ",") != at["其他收入"] {
		t.Errorf("table claims %q, want one on 其他收入 (%s)", table, at["其他收入"])
	}
	if strings.Join(amount, ",") != "/revenue,"+at["一般公共预算"] {
		t.Errorf("amount claims %q, want the text's rounded total and 一般公共预算 (/revenue, %s)", amount, at["一般公共预算"])
	}
}

// tableCoverage is the coverage entry of the table titled name.
func tableCoverage(d *schema.Document, name string) schema.Coverage {
	for _, c := range d.Coverage {
		if c.Part == "table" && c.Name == name {
			return c
		}
	}
	return schema.Coverage{}
}

// notUsed are the reasons of the warnings that leave a table out.
func notUsed(d *schema.Document) []string {
	var out []string
	for _, w := range d.Warnings {
		if strings.HasSuffix(w.Reason, "not used") {
			out = append(out, w.Reason)
		}
	}
	return out
}

// Jiangsu's 收入预算总表: the same table as rows under one 金额 column,
// a group per kind of money with its label left of its rows; pdftotext
// sets a figure on its row's line or, in a taller cell, the line below.
const revenueGroupedTable = `某单位2019年部门预算
                     收入预算总表
部门：某单位                           单位：万元
        项目名称                     金额
                收入总计                   13,377.11
                小计
                                         13,297.11
   一般公共预算资金     公共财政拨款(补助)资金
                                         13,297.11
                专项收入
        政府性基金   小计
   财政专户管理资金     小计
                小计                         80.00
                事业收入                     30.00
        其他资金
                经营收入
                其他收入                       50.00
                小计
  上年结转和结余资金
                其中：动用上年结转和结余资金
`

func TestRevenueTableGrouped(t *testing.T) {
	d := extractLines(t, revenueGroupedTable)
	if r := d.Revenue; r.Total == nil || *r.Total != schema.Yuan(133771100) || r.CarriedOver != nil {
		t.Errorf("total %v, carried %v; want 133771100 yuan and nothing carried (a blank 小计)", r.Total, r.CarriedOver)
	}
	// 其他资金 is what the other tables call 其他收入: its 小计, not its items
	for name, want := range map[string]schema.Money{"一般公共预算": schema.Yuan(132971100), "其他收入": schema.Yuan(800000)} {
		if got, _ := source(d, name); got == nil || *got != want {
			t.Errorf("source %s = %v, want %d", name, got, want)
		}
	}
	if len(d.Revenue.Sources) != 2 {
		t.Errorf("sources %+v, want two (blank 小计 are no figure)", d.Revenue.Sources)
	}
	if c := tableCoverage(d, "收入预算总表"); c.Status != schema.CoverageRead {
		t.Errorf("coverage %+v", c)
	}
	// an item that does not add up to its 小计: nothing of the table
	d = extractLines(t, strings.Replace(revenueGroupedTable, "50.00", "50.01", 1))
	if r := d.Revenue; r.Total != nil || len(r.Sources) != 0 {
		t.Errorf("a group that does not add up, yet total %v, sources %+v", r.Total, r.Sources)
	}
	if w := notUsed(d); len(w) != 1 || !strings.Contains(w[0], "其他资金") {
		t.Errorf("warnings %q, want one naming 其他资金", w)
	}
	// its failing sum stays, each cell on its line, for sum.table: the
	// group's 小计 and its items (the printed right gives none)
	want := map[string]string{"/tables/2/13": "800000 on 13 of ", "/tables/2/14": "300000 on 14 of /tables/2/13", "/tables/2/17": "500100 on 17 of /tables/2/13"}
	if got := tableClaimsOn(d); !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}
	// a 小计 changed breaks its group and the 合计: both sums stay
	d = extractLines(t, strings.Replace(revenueGroupedTable, "80.00", "80.10", 1))
	want = map[string]string{"/tables/2/13": "801000 on 13 of ", "/tables/2/14": "300000 on 14 of /tables/2/13", "/tables/2/17": "500000 on 17 of /tables/2/13",
		"/tables/2/5": "1.337711e+08 on 5 of ", "/tables/2/7": "1.329711e+08 on 7 of /tables/2/5", "/tables/2/13/2": "801000 on 13 of /tables/2/5"}
	if got := tableClaimsOn(d); !maps.Equal(got, want) {
		t.Errorf("a 小计 changed: table claims:\n got %v\nwant %v", got, want)
	}
	if got := tableClaimsOn(extractLines(t, revenueGroupedTable)); len(got) != 0 {
		t.Errorf("the table printed right gave table claims: %v", got)
	}
}

// In default-mode text (one cell a line) the columns' positions are lost:
// the table is not read, and the coverage report says why — the reason of
// the reader of cells a line, blank cells dropped, where the shape has groups
// whose readers do not take it either.
func TestRevenueTableDefaultMode(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(revenueBudgetTable, "\n") {
		lines = append(lines, splitCells(l)...)
	}
	d := extractLines(t, strings.Join(lines, "\n"))
	if r := d.Revenue; r.Total != nil || len(r.Sources) != 0 {
		t.Errorf("read without positions: total %v, sources %+v", r.Total, r.Sources)
	}
	if c := tableCoverage(d, "2025年部门收入预算总表"); c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "its header does not name the template's columns") {
		t.Errorf("coverage %+v", c)
	}
}

// Jiangsu's 收入预算总表 in default mode: a cell a line, its labels out of
// order (the 147.20 of 财政专户管理资金 printed after 其他资金's label, its
// item's after the last label), blank cells dropped.
const revenueGroupedCells = `某省某厅2017年部门预算
某省某厅本年收入预算合计 20,849.45 万元，其中：一般公共预算收入 20,702.25 万元；财政专户管理资金 147.20 万元。
收入预算总表
部门：某省某厅
单位：万元
项目名称
一般公共预算资金
金额
收入总计
20,849.45
小计
20,702.25
公共财政拨款(补助)资金
20,702.25
专项收入
政府性基金
小计
小计
财政专户管理资金
专户管理教育收费
其他非税收入
小计
事业收入
其他资金
147.20
经营收入
其他收入
债务资金(银行贷款)
小计
上年结转和结余资金
其中：动用上年结转和结余资金
147.20
`

// The sums split its values into groups (a 小计, then items adding up to
// it) under the 合计, their sum; which group each is, only the model's
// figures in the template's order can tell: the 小计s are read where they
// leave one placement, not where several or none remain.
func TestRevenueTableGroupedDefaultMode(t *testing.T) {
	d := extractLines(t, revenueGroupedCells)
	if c := tableCoverage(d, "收入预算总表"); c.Status != schema.CoverageRead {
		t.Errorf("coverage %+v", c)
	}
	if r := d.Revenue; r.Total == nil || *r.Total != schema.Yuan(208494500) {
		t.Errorf("total %v, want the table's 208494500 yuan", r.Total)
	}
	// the text gives the other groups as nil: 财政专户 is the one place left
	d = extractLines(t, strings.Replace(revenueGroupedCells, "；财政专户管理资金 147.20 万元", "；政府性基金收入 0 万元，其他资金 0 万元，上年结转 0 万元", 1))
	if got, _ := source(d, "财政专户管理资金"); got == nil || *got != schema.Yuan(1472000) {
		t.Errorf("财政专户管理资金 %v, want the table's 1472000 yuan", got)
	}
	// two groups the text says nothing of: 财政专户 or 上年结转? not read
	d = extractLines(t, strings.Replace(revenueGroupedCells, "；财政专户管理资金 147.20 万元", "；政府性基金收入 0 万元，其他资金 0 万元", 1))
	if got, _ := source(d, "财政专户管理资金"); got != nil || d.Revenue.CarriedOver != nil {
		t.Errorf("a 小计 placed where two groups could take it: 财政专户 %v, carried %v", got, d.Revenue.CarriedOver)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Reason, "which group") {
		t.Errorf("warnings %+v, want one that the groups are not told", d.Warnings)
	}
	// its 合计 is the sum of the 小计s all the same
	if r := d.Revenue; r.Total == nil || *r.Total != schema.Yuan(208494500) {
		t.Errorf("total %v, want the table's 208494500 yuan", r.Total)
	}
	// the unit printed after the labels, some 30 lines below the title
	moved := strings.Replace(strings.Replace(revenueGroupedCells, "单位：万元\n", "", 1), "其中：动用", "单位：万元\n其中：动用", 1)
	if c := tableCoverage(extractLines(t, moved), "收入预算总表"); c.Status != schema.CoverageRead {
		t.Errorf("the unit after the labels: coverage %+v", c)
	}
	// an item that does not add up to its 小计: nothing of the table
	d = extractLines(t, strings.Replace(revenueGroupedCells, "其中：动用上年结转和结余资金\n147.20", "其中：动用上年结转和结余资金\n147.10", 1))
	if c := tableCoverage(d, "收入预算总表"); c.Status != schema.CoverageNotRead || d.Revenue.Total != nil {
		t.Errorf("values that do not add up: coverage %+v, total %v", c, d.Revenue.Total)
	}
}

// A table's coverage counts the lines from its title to its last line: a
// figure read from the next table's title line makes that table read, not
// the one before it; nor does a title that names the department (a page of
// the 三公 table alone) make its table read.
func TestTableCoverageEndsBeforeNextTitle(t *testing.T) {
	flat := []string{"收入预算总表", "单位:万元", "项目 金额", "", "“三公”经费支出预算表 合计 12", "单位:万元", "合计 12", ""}
	b := &builder{doc: &schema.Document{Provenance: map[string]schema.Source{"/three_public/total": {Line: 5}, "/department/name": {Line: 1}}}, tableLines: map[int]bool{},
		tabs: []table{{kind: tableOther, title: "收入预算总表", line: 1, end: 4}, {kind: tableOther, title: "“三公”经费支出预算表", line: 5, end: 8}}}
	b.tableCoverage(flat)
	if c := tableCoverage(b.doc, "收入预算总表"); c.Status == schema.CoverageRead {
		t.Errorf("收入预算总表: %s, want not read (its lines hold no figure but the name; the next title's line does)", c.Status)
	}
	if c := tableCoverage(b.doc, "“三公”经费支出预算表"); c.Status != schema.CoverageRead {
		t.Errorf("“三公”经费支出预算表: %s, want read", c.Status)
	}
}
