package extract

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// extractCells extracts text as a file's text is read (ingest.Lines).
func extractCells(t *testing.T, text string) *schema.Document {
	t.Helper()
	return extractOf(t, ingest.Lines(text))
}

// lineOf is the 1-based line of text that opens with prefix (the last).
func lineOf(text, prefix string) int {
	line := 0
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			line = i + 1
		}
	}
	return line
}

// tableClaimOn tells a table claim of d on line.
func tableClaimOn(d *schema.Document, line int) bool {
	return slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimTable && c.Line == line })
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
	text := fmt.Sprintf(gridSummary, "675.83")
	if d, line := extractCells(t, text), lineOf(text, "675.83"); !tableClaimOn(d, line) {
		t.Errorf("a changed 本年收入合计 (line %d): no table claim names it: %+v", line, d.Claims)
	}
}

// TestSummaryGridBarsAlone: a converter that prints each cell's bar on a
// line of its own ("675.82" / "|"), a cell's words over two lines, gives
// the same table: read by its grid, and a changed total kept as table
// claims on the changed cell's line.
func TestSummaryGridBarsAlone(t *testing.T) {
	alone := func(total string) string {
		text := strings.NewReplacer(" | ||", "\n|\n|\n|", " ||", "\n|\n|", " | |", "\n|\n|", " |", "\n|").Replace(fmt.Sprintf(gridSummary, total) + " |")
		return strings.Replace(text, "二、政府性基金预算拨款收入\n", "二、政府性基金\n预算拨款收入\n", 1)
	}
	d := extractCells(t, alone("675.82"))
	if e := d.Expenditure; e.Total == nil || e.Total.Float() != 6903600 || len(e.ByFunction) != 5 {
		t.Errorf("expenditure: %+v", e)
	}
	if r := d.Revenue; r.CarriedOver == nil || r.CarriedOver.Float() != 145400 || len(r.Sources) == 0 || r.Sources[0].Amount.Float() != 6758200 {
		t.Errorf("revenue: %+v", r)
	}
	text := alone("675.83")
	if d, line := extractCells(t, text), lineOf(text, "675.83"); !tableClaimOn(d, line) {
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

// hospitalForm prints a 医疗卫生计生机构收支决算总表 (国卫财01-1表) as a web
// converter does, a cell a line with its bar, blank cells a bar alone,
// each row closed by a blank cell: its 合计 row with total (栏次 → cell),
// then the 类 rows, each with its cells; after, the lines of after.
func hospitalForm(total map[int]string, classes map[string]map[int]string, after string) string {
	var b strings.Builder
	cell := func(c string) { b.WriteString(c + " |\n") }
	blank := func() { b.WriteString("|\n") }
	b.WriteString("某县人民医院医改信息公开\n2017年医疗卫生计生机构收支决算总表(按功能分类) |\n|\n国卫财01-1表 |\n|\n编制单位:某县人民医院[单户表] |\n|\n金额单位:元 |\n|\n")
	for _, h := range []string{"项目", "上年结转和结余", "本年收入", "本年支出", "收支结余", "用事业基金弥补收支差额", "结余分配", "年末结转和结余"} {
		cell(h)
	}
	blank()
	for _, h := range []string{"支出功能分类科目编码", "科目名称", "合计", "基本支出结转", "项目支出结转和结余", "经营结余", "合计", "其中:财政拨款收入", "合计", "其中:财政拨款支出"} {
		cell(h)
	}
	blank()
	cell("类款项")
	cell("栏次")
	for c := 1; c <= 26; c++ {
		cell(fmt.Sprint(c))
	}
	blank()
	row := func(code, name string, cells map[int]string) {
		if code == "" {
			blank()
		} else {
			cell(code)
		}
		cell(name)
		for c := 1; c <= 26; c++ {
			if v := cells[c]; v != "" {
				cell(v)
			} else {
				blank()
			}
		}
		blank()
	}
	row("", "合计", total)
	for _, code := range []string{"201", "20103", "210", "21002", "2100201"} {
		row(code, map[string]string{"201": "一般公共服务支出", "20103": "政府办公厅(室)及相关机构事务", "210": "卫生健康支出", "21002": "公立医院", "2100201": "综合医院"}[code], classes[code])
	}
	return b.String() + after
}

// A prescribed form of the catalogue (国卫财01-1表), a cell a line: its 合计
// row is read where its columns satisfy the form's identities and its 类
// rows add up to it; a changed cell leaves it out, the broken identity's
// cells kept as table claims on their lines.
func TestHospitalForm(t *testing.T) {
	total := map[int]string{6: "62,011,988.25", 7: "1,666,424.00", 9: "70,496,088.25", 10: "1,666,424.00", 12: "-8,484,100.00", 13: "-8,484,100.00", 22: "-8,484,100.00", 23: "-8,484,100.00"}
	class := map[int]string{}
	for c, v := range total {
		class[c] = v
	}
	classes := map[string]map[int]string{"210": class, "21002": class, "2100201": class}
	note := "注:本表反映医疗卫生机构本年度收支决算情况。\n"
	d := extractCells(t, hospitalForm(total, classes, note))
	if r := d.Revenue; r.CurrentYear == nil || r.CurrentYear.Float() != 62011988.25 || len(r.Sources) != 1 || r.Sources[0].Name != "财政拨款" || r.Sources[0].Amount.Float() != 1666424 {
		t.Errorf("revenue: %+v", r)
	}
	if e := d.Expenditure; e.CurrentYear == nil || e.CurrentYear.Float() != 70496088.25 {
		t.Errorf("expenditure: %+v", e)
	}
	if len(d.Checks) != 0 {
		t.Errorf("checks on the form as printed: %+v", d.Checks)
	}
	// 本年收入 changed: 收支结余 = 本年收入 − 本年支出 fails
	changed := map[int]string{}
	for c, v := range total {
		changed[c] = v
	}
	changed[6] = "62,011,989.25"
	text := hospitalForm(changed, classes, note)
	d = extractCells(t, text)
	if d.Revenue.CurrentYear != nil {
		t.Errorf("a changed 本年收入 read: %v", *d.Revenue.CurrentYear)
	}
	if line := lineOf(text, "62,011,989.25"); !tableClaimOn(d, line) {
		t.Errorf("a changed 本年收入 (line %d): no table claim names it: %+v", line, d.Claims)
	}
	// 收支结余 blank: not used, its parts (13) compared with no cell, so no
	// claim of theirs
	delete(changed, 12)
	changed[6] = total[6]
	text = hospitalForm(changed, classes, note)
	d = extractCells(t, text)
	if tableClaimOn(d, lineOf(text, "合计 |")+13) {
		t.Errorf("栏次 13 kept as a part of a blank total: %+v", d.Claims)
	}
	if d.Revenue.CurrentYear != nil || len(d.Claims) == 0 {
		t.Errorf("收支结余 blank: read %+v, claims %+v", d.Revenue, d.Claims)
	}
	// a 类 row that does not add up, the table closed by its note: not used
	short := map[int]string{}
	for c, v := range class {
		short[c] = v
	}
	short[9] = "70,496,000.25"
	d = extractCells(t, hospitalForm(total, map[string]map[int]string{"210": short, "21002": class, "2100201": class}, note))
	if d.Revenue.CurrentYear != nil {
		t.Errorf("a 类 row that does not add up: read %v", *d.Revenue.CurrentYear)
	}
	// the text ending with the table (its 类 rows may run on): the 合计 row
	// read on its identities, with a warning
	d = extractCells(t, hospitalForm(total, map[string]map[int]string{}, ""))
	if d.Revenue.CurrentYear == nil || d.Revenue.CurrentYear.Float() != 62011988.25 {
		t.Errorf("the text ending with the table: %+v", d.Revenue)
	}
	// a row with a cell dropped: the rows' width is not certain
	d = extractCells(t, strings.Replace(hospitalForm(total, classes, note), "卫生健康支出 |\n|\n", "卫生健康支出 |\n", 1))
	if d.Revenue.CurrentYear != nil {
		t.Errorf("a row a cell short: read %v", *d.Revenue.CurrentYear)
	}
	// a 合计 cell that is no amount (its commas misplaced), the text ending
	// with the table: not used, no figure of it read as 0
	bad := map[int]string{}
	for c, v := range total {
		bad[c] = v
	}
	bad[7] = "1,6664,24.00"
	d = extractCells(t, hospitalForm(bad, map[string]map[int]string{}, ""))
	if d.Revenue.CurrentYear != nil || len(d.Revenue.Sources) != 0 {
		t.Errorf("a 合计 cell that is no amount: read %+v", d.Revenue)
	}
}

// A 决算's 三公 table a cell a line, each row's cells right below its name,
// a row of zeros a cell short (its blank cell dropped), the vehicles' 其中
// rows printed without figures: a changed cell breaks the column's sum,
// whose cells are kept as table claims on their lines; as printed, none.
func TestThreePublicCellsLabelSums(t *testing.T) {
	page := "某县城管局2016年度“三公”经费决算情况\n一、2016年一般公共预算财政拨款开支的“三公”经费决算情况表\n(单位:万元)\n项 目\n预算数\n决算数\n合 计\n77.00\n68.30\n" +
		"因公出国(境)费\n0.00\n公务接待费\n35.00\n%s\n公务用车购置及运行费\n42.00\n41.90\n其中:公务用车运行维护费\n公务用车购置费\n" +
		"二、2016年“三公”经费财政拨款支出决算情况说明\n某县城管局2016年度“三公”经费财政拨款支出决算为68.3万元,完成年初预算的88.7%%。"
	noTableClaim(t, extractLines(t, fmt.Sprintf(page, "26.40")))
	text := fmt.Sprintf(page, "26.50")
	d := extractLines(t, text)
	for _, cell := range []string{"68.30", "26.50", "41.90"} {
		if line := lineOf(text, cell); !tableClaimOn(d, line) {
			t.Errorf("a changed 公务接待费: the 决算数 column's cell %s (line %d) not kept: %+v", cell, line, d.Claims)
		}
	}
}

// noTableClaim reports the table claims of d: a table read as printed,
// its sums holding, keeps none.
func noTableClaim(t *testing.T, d *schema.Document) {
	t.Helper()
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimTable {
			t.Errorf("a table claim on the table as printed: %+v", c)
		}
	}
}

// A 支出总表 by code a cell a line with its bars, in whole yuan: a name's
// bar is no part of it, so a 类 code before its name is its row's code,
// not an amount of the row above (the 合计's basic and project read).
func TestExpenditureCellsWholeYuan(t *testing.T) {
	var b strings.Builder
	b.WriteString("某区档案馆2025年单位预算\n单位支出总表\n编制单位:某区档案馆 单位:元\n")
	for _, c := range []string{"项目", "功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出", "类", "款", "项", "", "", ""} {
		b.WriteString(strings.TrimSpace(c+" |") + "\n")
	}
	for _, r := range [][]string{
		{"合计", "22,201,347", "12,057,503", "10,143,844"},
		{"201", "", "", "一般公共服务支出", "6,027,179", "", "6,027,179"},
		{"201", "06", "", "财政事务", "6,027,179", "", "6,027,179"},
		{"201", "06", "01", "行政运行", "6,027,179", "", "6,027,179"},
		{"208", "", "", "社会保障和就业支出", "16,174,168", "12,057,503", "4,116,665"},
		{"208", "05", "", "行政事业单位养老支出", "16,174,168", "12,057,503", "4,116,665"},
		{"208", "05", "05", "机关事业单位基本养老保险缴费支出", "16,174,168", "12,057,503", "4,116,665"},
	} {
		if len(r) == 4 {
			r = append([]string{"", "", ""}, r...)
		}
		for _, c := range r {
			b.WriteString(strings.TrimSpace(c+" |") + "\n")
		}
	}
	d := extractCells(t, b.String())
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount.Float() != 12057503 || e.Project == nil || e.Project.Amount.Float() != 10143844 {
		t.Errorf("basic and project: %+v %+v", e.Basic, e.Project)
	}
}

// A 收入支出决算总表 of three panels (项目, 项目(按功能分类), 按支出性质), a
// cell a line with a bar alone between cells, cut inside its fourth row:
// each panel's rows as printed, 基本支出 and 项目支出 too.
func TestSummaryGridThreePanels(t *testing.T) {
	cells := []string{"2016年度某市某委决算公开", "一、收入支出决算总表", "公开01表", "编制单位:某市某委员会", "金额单位:元",
		"收入", "支出", "项目", "行次", "决算数", "项目(按功能分类)", "行次", "决算数", "按支出性质", "行次", "决算数",
		"栏次", "1", "栏次", "2", "栏次", "3",
		"一、财政拨款收入", "1", "2,277,100.00", "一、一般公共服务支出", "28", "1,778,200.00", "一、基本支出", "55", "1,602,100.00",
		"其中:政府性基金", "2", "0.00", "二、外交支出", "29", "0.00", "二、项目支出", "56", "675,000.00",
		"二、上级补助收入", "3", "0.00", "三、教育支出", "30", "499,900.00", "三、上缴上级支出", "57", "0.00",
		"三、事业收入", "4", "0.00"}
	d := extractCells(t, strings.Join(cells, "\n|\n"))
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount.Float() != 1602100 || e.Project == nil || e.Project.Amount.Float() != 675000 || e.Total != nil {
		t.Errorf("basic and project: %+v %+v", e.Basic, e.Project)
	}
	if fn := d.Expenditure.ByFunction; len(fn) != 3 || fn[0].Code != "201" || fn[0].Amount.Float() != 1778200 || fn[2].Code != "205" || fn[2].Amount.Float() != 499900 {
		t.Errorf("functional classes: %+v", fn)
	}
	if r := d.Revenue; !slices.ContainsFunc(r.Sources, func(s schema.Named) bool { return s.Name == "财政拨款" && s.Amount.Float() == 2277100 }) {
		t.Errorf("revenue: %+v", r)
	}
}

// gridPlain is a 收入支出决算总表 a cell a line with its bar, a blank cell
// a bar alone, its rows not numbered: two panels of 项目 and 决算数, the
// 政府性基金 a 其中 row of 财政拨款收入; %s is the 财政拨款收入, and the
// text ends after the lines of rows.
const gridPlain = "某区某所2018年度决算\n2018年度收入支出决算总表\n单位:万元\n收入 |\n支出 |\n||\n项目 |\n决算数 |\n项目 |\n决算数 |\n" +
	"一、财政拨款收入 |\n%s |\n一、一般公共服务支出 |\n|\n" +
	"其中:政府性基金预算财政拨款 |\n2121.34 |\n二、城乡社区支出 |\n9909.76 |\n" +
	"二、事业收入 |\n|\n三、住房保障支出 |\n|\n"

// A 收支总表 a cell a line with its blank cells kept and no row numbers is
// placed by its header's columns (a row is as many cells as the header
// names): cut before its totals, its rows as printed and no total, the
// 其中 row a part of 财政拨款; a cell of the wrong kind for its column
// leaves the table to the other readers.
func TestSummaryGridPlain(t *testing.T) {
	d := extractCells(t, fmt.Sprintf(gridPlain, "9909.76")+"三、其他收入 |\n")
	r := d.Revenue
	if r.Total != nil || len(r.Sources) != 2 {
		t.Fatalf("revenue: %+v", r)
	}
	for _, s := range r.Sources {
		if want := map[string]float64{"财政拨款": 99097600, "政府性基金": 21213400}[s.Name]; s.Amount.Float() != want {
			t.Errorf("source %s %v, want %v", s.Name, s.Amount.Float(), want)
		}
	}
	if fn := d.Expenditure.ByFunction; len(fn) != 1 || fn[0].Code != "212" || fn[0].Amount.Float() != 99097600 { // blank ones state nothing
		t.Errorf("functional classes: %+v", fn)
	}
	// whole, with its totals: read and balanced
	whole := fmt.Sprintf(gridPlain, "9909.76") + "本年收入合计 |\n9909.76 |\n本年支出合计 |\n9909.76 |\n收入总计 |\n9909.76 |\n支出总计 |\n9909.76 |\n注:本表反映部门本年度的总收支。\n"
	if d := extractCells(t, whole); d.Revenue.Total == nil || d.Revenue.Total.Float() != 99097600 || d.Expenditure.Total == nil {
		t.Errorf("whole: %+v %+v", d.Revenue, d.Expenditure)
	}
	// a label where an amount stands: no placement, no source from the grid
	d = extractCells(t, fmt.Sprintf(gridPlain, "一般公共预算")+"三、其他收入 |\n")
	if len(d.Revenue.Sources) != 0 {
		t.Errorf("a label in an amount's column: %+v", d.Revenue)
	}
}

// revenueCells prints the 收入决算表 of revenueFinalTable a cell a line
// with its bar, a blank cell a bar alone (a web converter's): its header's
// cells (a heading over the code columns, the shape's columns, 类 款 项),
// then each row's codes, name and seven amounts; %s is the 合计 row's
// 财政拨款收入.
func revenueCells(appropriation string) string {
	var b strings.Builder
	b.WriteString("某区某局2024年度部门决算\n收入决算表\n单位:万元 |\n")
	rows := [][]string{
		{"项目"}, {"支出功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"}, {"类", "款", "项"},
		{"", "", "", "合计", "2,946.25", appropriation, "", "", "", "", "6.20"},
		{"201", "", "", "一般公共服务支出", "2,112.86", "2,106.66", "", "", "", "", "6.20"},
		{"201", "06", "", "财政事务", "2,112.86", "2,106.66", "", "", "", "", "6.20"},
		{"208", "", "", "社会保障和就业支出", "833.39", "833.39", "", "", "", "", ""},
	}
	for _, r := range rows {
		for _, c := range r {
			if c != "" {
				c += " "
			}
			b.WriteString(c + "|\n")
		}
	}
	return b.String() + "注:本表反映部门本年度取得的各项收入情况。\n"
}

// A table of a header shape printed a cell a line with its blank cells
// kept is read by the shape's columns: the rows' width is the one that
// puts every row's codes, name and amounts in their columns. A 合计 row
// that does not add up is left out with a warning; a heading over two
// columns, which cells a line do not tell apart, is not read.
func TestRevenueTableCells(t *testing.T) {
	d := extractCells(t, revenueCells("2,940.05"))
	if r := d.Revenue; r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(29462500) {
		t.Errorf("current year %v, want 29462500", r.CurrentYear)
	}
	for name, want := range map[string]schema.Money{"财政拨款": schema.Yuan(29400500), "其他收入": schema.Yuan(62000)} {
		if got, _ := source(d, name); got == nil || *got != want {
			t.Errorf("source %s = %v, want %d", name, got, want)
		}
	}
	if got, _ := source(d, "事业收入"); got != nil {
		t.Errorf("source 事业收入 = %d from a blank cell", *got)
	}
	d = extractCells(t, revenueCells("2,940.15"))
	if got, _ := source(d, "财政拨款"); got != nil || !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "合计 row") }) {
		t.Errorf("a 合计 row that does not add up: 财政拨款 %v, warnings %+v", got, d.Warnings)
	}
	heading := strings.Replace(revenueCells("2,940.05"), "本年收入合计 |\n", "本年收入合计 |\n财政拨款 |\n", 1)
	heading = strings.Replace(heading, "财政拨款收入 |\n", "一般公共预算 |\n", 1)
	d = extractCells(t, heading)
	if d.Revenue.CurrentYear != nil {
		t.Errorf("a heading over two columns: read %v", d.Revenue.CurrentYear)
	}
	// the reason reaches the coverage report (the shape has groups, whose
	// readers took the table and said nothing)
	if !slices.ContainsFunc(d.Coverage, func(c schema.Coverage) bool {
		return c.Name == "收入决算表" && c.Status == schema.CoverageNotRead && strings.Contains(c.Reason, "heading over several columns")
	}) {
		t.Errorf("a heading over two columns: coverage %+v", d.Coverage)
	}
}

// threePublicYearRows is a unit's 三公 table a cell a line with its bar, a
// blank cell a bar alone: a row a part, the year before's 预算数 and the
// year's in columns, 其中: on a line of its own over the cars' parts, and
// a note after it whose sentence a line cuts; %s is the year's 合计.
const threePublicYearRows = "某州某局2017年“三公”经费预算情况说明\n某州某局2017年“三公”经费财政拨款预算表 |\n||\n|\n|\n单位:万元 |\n" +
	"项 目 |\n2016年预算数 |\n2017年预算数 |\n合计 |\n38.5 |\n%s |\n1、因公出国(境)费 |\n|\n|\n2、公务接待费 |\n21 |\n20 |\n" +
	"3、公务用车购置及运行费 |\n17.5 |\n17 |\n其中:(1)公务用车购置费 |\n|\n|\n(2)公务用车运行费 |\n17.5 |\n17 |\n" +
	"附件:“三公”经费口径说明\n“三公”经费:按照党中央、国务院有关文件及部门预算管理有关规定,纳入州级财政预算管理的“三公”经费,是指州级部门用财政拨款安排的因公出国(境)费\n"

// threePublicYearColumns is a unit's 三公 table a cell a line: the two
// years' labels, the cars' heading over their columns, each year's six
// parts, then the twelve figures of its one row (the year's 合计 %s).
const threePublicYearColumns = "某市某中心2024年单位预算\n一般公共预算“三公”经费支出表\n预算单位:某市某中心\n单位:元\n" +
	"2023年预算数 |\n2024年预算数 |\n公务用车购置及运行费 |\n公务用车购置及运行费 |\n" +
	"合计 |\n因公出国(境)费 |\n公务接待费 |\n小计 |\n公务用车购置费 |\n公务用车运行费 |\n合计 |\n因公出国(境)费 |\n公务接待费 |\n小计 |\n公务用车购置费 |\n公务用车运行费 |\n" +
	"439,338 |\n126,176 |\n115,571 |\n197,591 |\n102,643 |\n94,948 |\n%s |\n138,896 |\n102,169 |\n205,534 |\n64,648 |\n140,886 |\n"

// threePublicYearChange is a unit's 三公 table a cell a line with its
// bar, a blank cell a bar alone: a row a part under the year before's
// 预算数, the year's and their 增减额, the year's cells blank but its 合计
// (%s) — which cell is whose only the kept blank cells tell.
const threePublicYearChange = "某市某中心2023年单位预算\n一般公共预算“三公”经费支出情况表\n预算单位:某市某中心\n单位:元\n" +
	"项目 |\n2022年预算数 |\n2023年预算数 |\n增减额 |\n合计 |\n42,296 |\n%s |\n-42,296 |\n1.因公出国(境)费 |\n6,304 |\n|\n-6,304 |\n2.公务接待费 |\n|\n|\n0 |\n" +
	"3.公务用车购置及运行费 |\n35,992 |\n|\n-35,992 |\n其中:公务用车购置费 |\n35,992 |\n|\n-35,992 |\n公务用车运行费 |\n|\n|\n0 |\n"

// A 三公 table a cell a line of two years' columns gives the year's: a
// row a part (其中: alone on its line, a note after the table), or its
// parts' columns under each year's label; a year's 合计 that does not add
// up gives nothing.
func TestThreePublicYearsCells(t *testing.T) {
	for name, c := range map[string]struct {
		text, good, bad string
		total           float64
	}{
		"a row a part":           {threePublicYearRows, "37", "38", 370000},
		"a column a part":        {threePublicYearColumns, "446,599", "446,598", 446599},
		"a row a part, a change": {threePublicYearChange, "", "1", 0},
	} {
		d := extractCells(t, fmt.Sprintf(c.text, c.good))
		if tp := d.ThreePublic; tp == nil || tp.Total == nil || tp.Total.Float() != c.total || tp.Reception == nil {
			t.Errorf("%s: %+v %+v", name, tp, d.Warnings)
		}
		if d := extractCells(t, fmt.Sprintf(c.text, c.bad)); d.ThreePublic != nil && d.ThreePublic.Total != nil {
			t.Errorf("%s, a 合计 that does not add up: %v", name, d.ThreePublic.Total.Float())
		}
	}
	// the year before's column (2016年预算数 in a 2017 budget), a note after
	// the table, gives the prior years where it adds up
	d := extractCells(t, fmt.Sprintf(threePublicYearRows, "37"))
	if tp := d.ThreePublic; tp == nil || tp.PriorYear == nil || tp.PriorYear.Float() != 385000 || tp.Reception == nil || tp.Reception.PriorYear == nil || tp.Reception.PriorYear.Float() != 210000 {
		t.Errorf("the year before's column: %+v", tp)
	}
	d = extractCells(t, strings.Replace(fmt.Sprintf(threePublicYearRows, "37"), "38.5 |", "38.6 |", 1))
	if tp := d.ThreePublic; tp == nil || tp.PriorYear != nil || tp.Reception == nil || tp.Reception.PriorYear != nil {
		t.Errorf("the year before's column that does not add up: %+v", tp)
	}
}

// revenueDropped prints a 收入决算表 a cell a line with its blank cells
// dropped (pdftotext's default mode): its header, then each row's codes,
// name and printed figures; sources are the columns after 本年收入合计, and
// rows each row's cells after its codes and name.
func revenueDropped(sources []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("某区某局2024年度部门决算\n收入决算表\n单位:万元\n项目\n支出功能分类科目编码\n科目名称\n本年收入合计\n")
	for _, s := range sources {
		b.WriteString(s + "\n")
	}
	b.WriteString("类\n款\n项\n栏次\n1\n2\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\n") + "\n")
	}
	return b.String()
}

// A table of a header shape a cell a line with its blank cells dropped is
// read where its sums leave one placement of its 合计 row's figures (each
// row's sum column the sum of its others, the 类 rows adding up to the
// 合计 row column by column); where two sources could hold a figure, it is
// not read — unless the sources the model holds (the text's) decide.
func TestRevenueTableDropped(t *testing.T) {
	rows := [][]string{{"合计", "2,946.25", "2,940.05", "6.20"}, {"201", "一般公共服务支出", "2,112.86", "2,106.66", "6.20"},
		{"201", "06", "财政事务", "2,112.86", "2,106.66", "6.20"}, {"208", "社会保障和就业支出", "833.39", "833.39"}}
	d := extractCells(t, revenueDropped([]string{"财政拨款收入", "其他收入"}, rows))
	for name, want := range map[string]schema.Money{"财政拨款": schema.Yuan(29400500), "其他收入": schema.Yuan(62000)} {
		if got, _ := source(d, name); got == nil || *got != want {
			t.Errorf("source %s = %v, want %d", name, got, want)
		}
	}
	// 6.20 could be 事业收入's or 其他收入's: neither is read from the table
	d = extractCells(t, revenueDropped([]string{"财政拨款收入", "事业收入", "其他收入"}, rows))
	if got, _ := source(d, "其他收入"); got != nil {
		t.Errorf("a figure two columns could hold read as 其他收入: %d", *got)
	}
	if got, _ := source(d, "事业收入"); got != nil {
		t.Errorf("a figure two columns could hold read as 事业收入: %d", *got)
	}
	if c := tableCoverage(d, "收入决算表"); c.Status != schema.CoverageNotRead {
		t.Errorf("two placements: coverage %+v", c)
	}
	// the text states the sources: 事业收入 0, so 6.20 is 其他收入's
	stated := strings.Replace(revenueDropped([]string{"财政拨款收入", "事业收入", "其他收入"}, rows), "收入决算表\n",
		"本年收入合计2,946.25万元，其中：财政拨款收入2,940.05万元，事业收入0万元，其他收入6.20万元。\n收入决算表\n", 1)
	if c := tableCoverage(extractCells(t, stated), "收入决算表"); c.Status != schema.CoverageRead {
		t.Errorf("the text's sources decide: coverage %+v", c)
	}
	// nor are they needed both: 其他收入 stated, 6.20 is its; neither stated,
	// the table stays unread
	if c := tableCoverage(extractCells(t, strings.Replace(stated, "事业收入0万元，", "", 1)), "收入决算表"); c.Status != schema.CoverageRead {
		t.Errorf("其他收入 stated: coverage %+v", c)
	}
	stated = strings.Replace(stated, "，事业收入0万元，其他收入6.20万元", "", 1)
	if c := tableCoverage(extractCells(t, stated), "收入决算表"); c.Status != schema.CoverageNotRead {
		t.Errorf("neither stated: coverage %+v", c)
	}
	// a row whose figures add up in no placement: the coverage names it
	rows[3] = []string{"208", "社会保障和就业支出", "833.39", "833.38"}
	d = extractCells(t, revenueDropped([]string{"财政拨款收入", "其他收入"}, rows))
	if c := tableCoverage(d, "收入决算表"); c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "its row 208 社会保障和就业支出 adds up in no placement") {
		t.Errorf("a row that adds up nowhere: coverage %+v", c)
	}
}

// A row's number (行次, 序号) is one to three digits with no leading zero:
// 01 is a 款's or a 项's code; every reader of row numbers takes the same.
func TestRowNumber(t *testing.T) {
	for c, want := range map[string]int{"1": 1, "28": 28, "999": 999, "01": 0, "0": 0, "1000": 0, "1.0": 0, "": 0, "2,1": 0} {
		v, ok := rowNumber(c)
		if ok != (want > 0) || v != want || isRowNumber(c) != ok {
			t.Errorf("rowNumber(%q) = %d, %v; want %d", c, v, ok, want)
		}
	}
}

// classCells prints a 一般公共预算支出表 (by function: 类 款 项, 合计 |
// 基本支出 | 项目支出) and a 一般公共预算基本支出表 (by economic class: 类 款,
// 合计 | 人员经费 | 公用经费) a cell a line with their bars, a blank cell a
// bar alone (kept) or none; basic is 学前教育's 基本支出 and personnel
// 基本工资's 人员经费; funds names the appropriations in their titles and
// headings (一般公共预算, or before 2015 公共财政拨款). The text states the
// year's expenditure, which the 类 make whole.
func classCells(kept bool, basic, personnel, funds string) string {
	var b strings.Builder
	b.WriteString("某区某局2024年部门预算\n一、收支预算总体情况\n2024年某区某局收入预算1,000.00万元，支出预算1,000.00万元。\n")
	table := func(title string, head []string, rows [][]string) {
		b.WriteString(title + "\n单位:万元 |\n")
		for _, c := range head {
			b.WriteString(c + " |\n")
		}
		for _, r := range rows {
			writeCells(&b, r, kept)
		}
	}
	table(funds+"支出表", []string{"项目", "本年" + funds + "支出", "功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出", "类", "款", "项"}, [][]string{
		{"", "", "", "合计", "1,000.00", "700.00", "300.00"},
		{"201", "", "", "一般公共服务支出", "600.00", "600.00", ""},
		{"201", "06", "", "财政事务", "600.00", "600.00", ""},
		{"201", "06", "01", "行政运行", "600.00", "600.00", ""},
		{"205", "", "", "教育支出", "400.00", "100.00", "300.00"},
		{"205", "02", "", "普通教育", "400.00", "100.00", "300.00"},
		{"205", "02", "01", "学前教育", "400.00", basic, "300.00"},
	})
	table(funds+"基本支出表", []string{"经济分类科目", "本年" + funds + "基本支出", "类", "款", "科目名称", "合计", "人员经费", "公用经费"}, [][]string{
		{"", "", "合计", "700.00", "500.00", "200.00"},
		{"301", "", "工资福利支出", "500.00", "500.00", ""},
		{"301", "01", "基本工资", "500.00", personnel, ""},
		{"302", "", "商品和服务支出", "200.00", "", "200.00"},
		{"302", "01", "办公费", "200.00", "", "200.00"},
	})
	return b.String()
}

// The tables by class have shapes: printed a cell a line, blank cells
// kept or dropped, they are read where each row's 合计 is the sum of its
// other cells (blank cells dropped, in one placement at least) and the 类
// add up to the 合计 row column by column; a row that does not add up (a
// misprinted 基本支出, whose 合计 and tree still hold) leaves the table
// out with a warning that names the row, which the readers of its sum
// column alone did not see — under the headings before 2015 too
// (本年公共财政拨款支出).
func TestClassTablesCells(t *testing.T) {
	classes := func(items []schema.ClassItem) map[string]float64 {
		got := map[string]float64{}
		for _, c := range items {
			got[c.Code] = c.Amount.Float()
			for _, it := range c.Items {
				got[it.Code] = it.Amount.Float()
			}
		}
		return got
	}
	for _, c := range []struct {
		kept  bool
		funds string
	}{{true, "一般公共预算"}, {false, "一般公共预算"}, {true, "公共财政拨款"}, {false, "公共财政拨款"}} {
		kept := c.kept
		d := extractCells(t, classCells(kept, "100.00", "500.00", c.funds))
		if got, want := classes(d.Expenditure.ByFunction), map[string]float64{"201": 6000000, "205": 4000000, "2010601": 6000000, "2050201": 4000000}; !mapsHave(got, want) {
			t.Errorf("kept %v: by function %v, want %v", kept, got, want)
		}
		if got, want := classes(d.Expenditure.ByEconomic), map[string]float64{"301": 5000000, "302": 2000000, "30101": 5000000, "30201": 2000000}; !mapsHave(got, want) {
			t.Errorf("kept %v: by economic %v, want %v", kept, got, want)
		}
		if len(d.Warnings) != 0 {
			t.Errorf("kept %v: warnings %+v", kept, d.Warnings)
		}
		d = extractCells(t, classCells(kept, "110.00", "501.00", c.funds))
		if len(d.Expenditure.ByFunction) != 0 || len(d.Expenditure.ByEconomic) != 0 {
			t.Errorf("kept %v, rows that do not add up: by function %v, by economic %v", kept, classes(d.Expenditure.ByFunction), classes(d.Expenditure.ByEconomic))
		}
		for _, row := range []string{"2050201 学前教育", "30101 基本工资"} {
			if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "its row "+row+" does not add up") }) {
				t.Errorf("kept %v: no warning names %s: %+v", kept, row, d.Warnings)
			}
		}
	}
}

// writeCells prints cells a line each with its bar, a blank cell a bar
// alone (kept) or nothing.
func writeCells(b *strings.Builder, cells []string, kept bool) {
	for _, c := range cells {
		switch {
		case c != "":
			b.WriteString(c + " |\n")
		case kept:
			b.WriteString("|\n")
		}
	}
}

// mapsHave tells got holds every key of want with its value.
func mapsHave(got, want map[string]float64) bool {
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

// A table by class of one 金额 column (Jiangsu's 财政拨款支出预算表, codes
// whole) a cell a line is its sum column alone: read with its blank cells
// kept or dropped, its 类 adding up to its 合计.
func TestClassTableOneColumnCells(t *testing.T) {
	for _, kept := range []bool{true, false} {
		var b strings.Builder
		b.WriteString("某省某局2024年部门预算\n一、收支预算总体情况\n2024年某省某局收入预算1,000.00万元，支出预算1,000.00万元。\n财政拨款支出预算表（功能科目）\n单位：万元\n")
		cells := []string{"功能科目编码", "功能科目名称", "金额", "", "合计", "1,000.00", "201", "一般公共服务支出", "600.00", "20106", "财政事务", "600.00",
			"2010601", "行政运行", "600.00", "205", "教育支出", "400.00", "20502", "普通教育", "400.00", "2050201", "学前教育", "400.00"}
		writeCells(&b, cells, kept)
		d := extractCells(t, b.String())
		got := map[string]float64{}
		for _, c := range d.Expenditure.ByFunction {
			got[c.Code] = c.Amount.Float()
		}
		if want := map[string]float64{"201": 6000000, "205": 4000000}; !mapsHave(got, want) || len(d.Warnings) != 0 {
			t.Errorf("kept %v: by function %v, warnings %+v", kept, got, d.Warnings)
		}
	}
}

// gridPadded is a 收支决算总表 a cell a line whose converter pads each
// row's last figure to the header's width ("0.00 | |||") and drops blank
// cells, the text cut before its totals; %s is what the text ends with.
const gridPadded = "某某州某某医院2020年度部门决算\n表1 收入支出决算总表 | ||||||||\n公开01表 | ||||||||\n编制单位:某某省某某州某某医院 |\n金额单位:万元 | |||||||\n收入 |\n支出 | |||||||\n" +
	"项 目 |\n行次 |\n决算数 |\n项 目 |\n行次 |\n决算数 | |||\n栏 次 |\n1 |\n栏 次 |\n2 | |||||\n" +
	"一、一般公共预算财政拨款收入 |\n1 |\n4,194.89 |\n一、一般公共服务支出 |\n31 |\n0.00 | |||\n" +
	"二、政府性基金预算财政拨款收入 |\n2 |\n0.00 |\n二、外交支出 |\n32 |\n0.00 | |||\n" +
	"三、上级补助收入 |\n3 |\n0.00 |\n三、国防支出 |\n33 |\n0.00 | |||\n" +
	"四、事业收入 |\n4 |\n38,358.13 |\n四、教育支出 |\n%s"

// A 收支总表 a cell a line that the text ends inside of is read as printed,
// no total: its last row's figures padded with bars, its blank cells
// dropped, and the text cut in a cell ("3" of 34) or before its 总计 row.
func TestSummaryGridPaddedCut(t *testing.T) {
	for _, end := range []string{"3", "34 |\n0.00 | |||\n"} {
		d := extractCells(t, fmt.Sprintf(gridPadded, end))
		got := map[string]float64{}
		for _, s := range d.Revenue.Sources {
			got[s.Name] = s.Amount.Float()
		}
		if d.Revenue.Total != nil || got["一般公共预算"] != 41948900 || got["事业收入"] != 383581300 {
			t.Errorf("%q: revenue %+v", end, d.Revenue)
		}
	}
	// the same rows closed by their totals: not cut, and what does not add up is not read
	d := extractCells(t, fmt.Sprintf(gridPadded, "34 |\n0.00 | |||\n收入总计 |\n5 |\n100.00 |\n支出总计 |\n35 |\n100.00 | |||\n"))
	if len(d.Revenue.Sources) != 0 {
		t.Errorf("totals printed, not cut: %+v", d.Revenue)
	}
}

// A budget's 三公 table a cell a line, each cell after a bar on a line of
// its own and a bar ending each row (a converter's), its columns 本年预算数,
// 小计 and 一般公共预算 alike on every row: read as printed, no claim; a
// changed cell of its second column breaks that column's sum, whose cells
// are kept as table claims on their lines.
func TestThreePublicBarredLabelSums(t *testing.T) {
	rows := [][]string{
		{"项目", "本年预算数", "小计", "一般公共预算"},
		{"合计", "498.6", "498.6", "498.6"},
		{"1、因公出国(境)费用", "", "", ""},
		{"2、公务接待费", "140.09", "%s", "140.09"},
		{"3、公务用车购置及运行费", "358.51", "358.51", "358.51"},
		{"其中:(1)公务用车运行费", "298.51", "298.51", "298.51"},
		{"(2)公务用车购置费", "60", "60", "60"},
	}
	var b strings.Builder
	b.WriteString("某区2026年部门预算\n2026年“三公”经费财政拨款预算表\n单位:万元\n")
	for _, r := range rows {
		b.WriteString(r[0] + "\n")
		for _, c := range r[1:] {
			b.WriteString("|\n")
			if c != "" {
				b.WriteString(c + "\n")
			}
		}
		b.WriteString("|\n|\n")
	}
	page := b.String()
	noTableClaim(t, extractLines(t, fmt.Sprintf(page, "140.09")))
	text := fmt.Sprintf(page, "141.09")
	d := extractLines(t, text)
	var second []int // the lines of the second column's cells: each row's second figure
	seen := map[int]int{}
	row := 0
	for i, l := range strings.Split(text, "\n") {
		_, err := strconv.ParseFloat(l, 64)
		switch {
		case l == "|" || l == "":
		case err != nil:
			row = i
		default:
			if seen[row]++; seen[row] == 2 {
				second = append(second, i+1)
			}
		}
	}
	if len(second) != 5 {
		t.Fatalf("second column's cells on lines %v, want 5", second)
	}
	for _, line := range second {
		if !tableClaimOn(d, line) {
			t.Errorf("a changed 公务接待费: the second column's cell on line %d not kept: %+v", line, d.Claims)
		}
	}
}

// A 决算's 三公 table a cell a line, each cell ending with its bar and a
// blank cell a bar alone (a web converter's), its 因公出国(境)费 row and the
// vehicles' parts blank: the rows' names place the cells — the cells after
// 公务接待费 are its own, not the blank row's above, whichever of 预算数 and
// 决算数 the header puts first — and the blank parts are not read.
func TestThreePublicNamedColumnsBlankRow(t *testing.T) {
	for _, budgetFirst := range []bool{true, false} {
		head := []string{"项 目", "预 算 数", "决 算 数"}
		rows := [][]string{{"合 计", "3", "1.71"}, {"因公出国(境)费", "", ""}, {"公务接待费", "1", "0.53"},
			{"公务用车购置及运行维护费", "2", "1.18"}, {"其中:公务用车运行维护费", "", ""}, {"公务用车购置费", "", ""}}
		if !budgetFirst {
			head[1], head[2] = head[2], head[1]
			for _, r := range rows {
				r[1], r[2] = r[2], r[1]
			}
		}
		var b strings.Builder
		b.WriteString("某中心2023年度一般公共预算财政拨款“三公”经费支出决算\n一、2023年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n")
		for _, r := range append([][]string{head}, rows...) {
			for _, c := range r {
				b.WriteString(strings.TrimSpace(c+" |") + "\n")
			}
		}
		d := extractLines(t, b.String())
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(17100) || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(30000) {
			t.Fatalf("budget first %v: 三公 %+v, want 17100 of 30000", budgetFirst, tp)
		}
		// a table prints a blank for nothing: the 合计 is the other parts'
		// sum in both columns, so the blank row is 0 in both (session 25)
		if o := tp.OverseasTravel; o == nil || o.Amount != 0 || o.Budgeted == nil || *o.Budgeted != 0 {
			t.Errorf("budget first %v: the blank 因公出国(境)费 read as %+v, want 0 of 0", budgetFirst, o)
		}
		if tp.Reception == nil || tp.Reception.Amount != schema.Yuan(5300) || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(10000) {
			t.Errorf("budget first %v: 公务接待费 %+v, want 5300 of 10000", budgetFirst, tp.Reception)
		}
		if tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(11800) || tp.Vehicle.Budgeted == nil || *tp.Vehicle.Budgeted != schema.Yuan(20000) {
			t.Errorf("budget first %v: 公务用车 %+v, want 11800 of 20000", budgetFirst, tp.Vehicle)
		}
		if tp.VehiclePurchase != nil || tp.VehicleOperation != nil {
			t.Errorf("budget first %v: the blank vehicles' parts read: %+v %+v", budgetFirst, tp.VehiclePurchase, tp.VehicleOperation)
		}
	}
}

// oldSourcesSummary is a 2015 school's 预算收支表 a cell a line, each cell's
// bar on a line of its own, a blank cell a bare bar: its sources by their
// names before 2015 (公共财政拨款, 纳入专户管理的非税收入拨款), its 项目支出 row
// printed blank.
const oldSourcesSummary = "某县某中专2015年预算收支表\n单位:元\n收入\n|\n支出\n|\n|\n|||\n内容\n|\n2015年预算数\n|\n内容\n|\n2015年预算数\n|\n功能科目名称\n|\n|\n一、公共财政拨款\n|\n14365000\n|\n一、基本支出\n|\n17790000\n|\n|\n|\n经费拨款\n|\n14365000\n|\n(一)工资福利支出\n|\n8990000\n|\n含基本工资\n|\n|\n纳入公共预算管理的非税收入拨款\n|\n|\n(二)一般商品和服务支出\n|\n5777000\n|\n含三公经费\n|\n|\n二、政府性基金拨款\n|\n|\n(三)对个人和家庭的补助\n|\n927000\n|\n含退休费\n|\n|\n三、纳入专户管理的非税收入拨款\n|\n3060000\n|\n(四)其他资本性支出\n|\n1260000\n|\n含设备购置\n|\n|\n四、中央财政补助\n|\n|\n(五)其他支出\n|\n836000\n|\n含利息\n|\n|\n五、事业单位经营服务收入\n|\n|\n二、项目支出\n|\n|\n|\n|\n六、其他收入\n|\n365000\n|\n四、对附属单位补助支出\n|\n|\n|\n|\n|\n|\n六、结余\n|\n|\n|\n|\n收入合计\n|\n17790000\n|\n支出合计\n|\n17790000\n|\n|\n|\n"

// The sources of a 收支总表 by their names before 2015 — 纳入专户管理的非税
// 收入拨款 is the 财政专户管理资金 — add up to its total and are read; a
// 项目支出 row printed blank is nothing, so its 基本支出 alone making the
// total is read with a project expenditure of 0.
func TestSummaryOldSources(t *testing.T) {
	d := extractCells(t, oldSourcesSummary)
	want := map[string]schema.Money{"一般公共预算": schema.Yuan(14365000), "财政专户管理资金": schema.Yuan(3060000), "其他收入": schema.Yuan(365000)}
	got := map[string]schema.Money{}
	for _, s := range d.Revenue.Sources {
		got[s.Name] = s.Amount
	}
	if !maps.Equal(got, want) {
		t.Errorf("sources %v, want %v", got, want)
	}
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount != schema.Yuan(17790000) || e.Project == nil || e.Project.Amount != 0 {
		t.Errorf("basic %+v, project %+v; want 1779万 and 0", e.Basic, e.Project)
	}
	// a figure in the 项目支出 row: the uses no longer make the total
	if e := extractCells(t, strings.Replace(oldSourcesSummary, "二、项目支出\n|\n", "二、项目支出\n|\n500\n|\n", 1)).Expenditure; e.Project != nil && e.Project.Amount == 0 {
		t.Errorf("a printed project expenditure read as 0: %+v", e.Project)
	}
}
