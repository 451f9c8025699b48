package extract

import (
	"fmt"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// extractCells extracts text as a file's text is read (ingest.Lines).
func extractCells(t *testing.T, text string) *schema.Document {
	t.Helper()
	d, err := Extract(&ingest.Text{Path: "t.txt", Lines: ingest.Lines(text), SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Format: "text"}, "t", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(d); err != nil {
		t.Fatalf("the extracted document is invalid: %v", err)
	}
	return d
}

// gridSummary is a budget system's 收支总表 a cell a line, each cell with
// its bar and a blank cell a bar alone, its rows numbered (序号); %s is
// the 本年收入合计.
const gridSummary = "某县某镇财政所2025年部门预算\n部门预算公开表\n920某县某镇财政所 |\n预算年度:2025 |\n单位:万元 | ||\n序号 |\n收入 |\n支出 | ||\n项 目 |\n预算数 |\n项 目 |\n预算数 | |\n栏次 |\n1 |\n2 |\n3 |\n4 |\n" +
	"1 |\n一、一般公共预算拨款收入 |\n675.82 |\n一、一般公共服务支出 |\n516.39 |\n" +
	"2 |\n二、政府性基金预算拨款收入 |\n|\n二、教育支出 |\n|\n" +
	"3 |\n三、财政专户管理资金收入 |\n|\n三、社会保障和就业支出 |\n98.25 |\n" +
	"4 |\n|\n|\n四、卫生健康支出 |\n21.53 |\n" +
	"5 |\n|\n|\n五、农林水支出 |\n14.54 |\n" +
	"6 |\n|\n|\n六、住房保障支出 |\n39.65 |\n" +
	"7 |\n本年收入合计 |\n%s |\n本年支出合计 |\n690.36 |\n" +
	"8 |\n上年结转结余 |\n14.54 |\n年终结转结余 |\n|\n" +
	"9 |\n收入总计 |\n690.36 |\n支出总计 |\n690.36 "

// A 收支总表 a cell a line whose rows are numbered is read by its grid; a
// changed total leaves the table out and keeps the sum it breaks as table
// claims on the changed cell's own line, which default-mode readings (cells
// that may be out of their rows) do not give.
func TestSummaryGrid(t *testing.T) {
	d := extractCells(t, fmt.Sprintf(gridSummary, "675.82"))
	if e := d.Expenditure; e.Total == nil || e.Total.Float() != 6903600 || e.CurrentYear == nil || e.CurrentYear.Float() != 6903600 {
		t.Errorf("expenditure: %+v", e)
	}
	if r := d.Revenue; r.CarriedOver == nil || r.CarriedOver.Float() != 145400 || len(r.Sources) == 0 || r.Sources[0].Amount.Float() != 6758200 {
		t.Errorf("revenue: %+v", r)
	}
	if fn := d.Expenditure.ByFunction; len(fn) != 5 || fn[1].Code != "208" || fn[1].Amount.Float() != 982500 {
		t.Errorf("functional classes: %+v", fn)
	}
	d = extractCells(t, fmt.Sprintf(gridSummary, "675.83"))
	line := 0
	for i, l := range strings.Split(fmt.Sprintf(gridSummary, "675.83"), "\n") {
		if strings.HasPrefix(l, "675.83") {
			line = i + 1
		}
	}
	found := false
	for _, c := range d.Claims {
		found = found || c.Kind == schema.ClaimTable && c.Line == line
	}
	if !found {
		t.Errorf("a changed 本年收入合计 (line %d): no table claim names it: %+v", line, d.Claims)
	}
}

// gridCut is a school's 收入支出决算总表 a cell a line, a blank line after
// each cell and the blank cells dropped, two panels of 项目, 行次 and 金额,
// the text ending inside its rows (a page cut before its totals); %s is
// the 财政拨款收入.
const gridCut = "某县某小学2016年部门决算\n\n收入支出决算总表\n\n公开01表\n\n部门:某县某小学\n\n单位:元\n\n收入\n\n支出\n\n项目\n\n行次\n\n金额\n\n项目\n\n行次\n\n金额\n\n栏次\n\n\n1\n\n栏次\n\n\n2\n\n" +
	"一、财政拨款收入\n\n1\n\n%s\n\n一、一般公共服务支出\n\n30\n\n0.00\n\n" +
	"二、上级补助收入\n\n2\n\n0.00\n\n二、教育支出\n\n31\n\n3,300,511.88\n\n" +
	"三、其他收入\n\n3\n\n84,730.40\n\n三、社会保障和就业支出\n\n32\n\n508,633.33\n\n" +
	"\n4\n\n\n四、医疗卫生与计划生育支出\n\n33\n\n127,343.12\n\n" +
	"\n5\n\n\n五、住房保障支出\n\n34\n\n180,000.00\n\n" +
	"\n6\n\n\n六、其他支"

// A table the text ends inside of, its cells placed by the rows' numbers,
// gives its rows as printed and no total, with a warning; where a cell
// cannot be told a row number or an amount (an amount printed without its
// decimals, as a row number is), nothing is read.
func TestSummaryGridCut(t *testing.T) {
	d := extractCells(t, fmt.Sprintf(gridCut, "5,604,878.83"))
	if r := d.Revenue; r.Total != nil || len(r.Sources) != 3 || r.Sources[0].Name != "财政拨款" || r.Sources[0].Amount.Float() != 5604878.83 || r.Sources[2].Name != "其他收入" || r.Sources[2].Amount.Float() != 84730.4 {
		t.Errorf("revenue: %+v", r)
	}
	want := map[string]float64{"201": 0, "205": 3300511.88, "208": 508633.33, "210": 127343.12, "221": 180000}
	if fn := d.Expenditure.ByFunction; len(fn) != len(want) || d.Expenditure.Total != nil {
		t.Errorf("expenditure: %+v", d.Expenditure)
	} else {
		for _, c := range fn {
			if v, ok := want[c.Code]; !ok || c.Amount.Float() != v {
				t.Errorf("class %s %s: %v", c.Code, c.Name, c.Amount.Float())
			}
		}
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || strings.Contains(w.Reason, "ends inside this table")
	}
	if !warned {
		t.Errorf("no warning that the table is cut: %+v", d.Warnings)
	}
	d = extractCells(t, fmt.Sprintf(gridCut, "5604878"))
	if len(d.Revenue.Sources) != 0 || len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("an amount without decimals, as a row number prints: %+v %+v", d.Revenue, d.Expenditure)
	}
	// the same rows not cut (a note closes the table): no total to add
	// them up to, and not cut, so not read
	d = extractCells(t, strings.TrimSuffix(fmt.Sprintf(gridCut, "5,604,878.83"), "\n6\n\n\n六、其他支")+"\n注:本表反映部门本年度的总收支。")
	if len(d.Revenue.Sources) != 0 {
		t.Errorf("rows not cut, no totals: %+v", d.Revenue)
	}
}
