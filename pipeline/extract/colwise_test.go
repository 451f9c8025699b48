package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/schema"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// A budget whose tables default mode printed column by column: the
// summary's totals and carried amount, the 支出总表's classes and uses (a
// 项目支出 cell blank on the 201 rows) and the economic table are read; the
// source, which the sums cannot place among the two listed, is not.
func TestColumnWiseTables(t *testing.T) {
	text := readFixture(t, "colwise-budget.txt")
	d := extractLines(t, text)
	rev, exp := d.Revenue, d.Expenditure
	want := func(name string, got *schema.Money, yuan int64) {
		t.Helper()
		if got == nil || *got != schema.Yuan(yuan) {
			t.Errorf("%s = %v, want %d", name, got, yuan)
		}
	}
	want("revenue", rev.Total, 1000)
	want("carried over", rev.CarriedOver, 100)
	want("expenditure", exp.Total, 1000)
	if exp.Basic == nil || exp.Basic.Amount != schema.Yuan(700) || exp.Project == nil || exp.Project.Amount != schema.Yuan(300) {
		t.Errorf("uses = %+v %+v", exp.Basic, exp.Project)
	}
	if fn := exp.ByFunction; len(fn) != 2 || fn[0].Code != "201" || fn[0].Amount != schema.Yuan(600) || fn[1].Code != "205" || fn[1].Amount != schema.Yuan(400) {
		t.Errorf("by_function = %+v", fn)
	}
	if ec := exp.ByEconomic; len(ec) != 2 || ec[0].Code != "301" || ec[0].Amount != schema.Yuan(500) || len(ec[0].Items) != 1 || ec[0].Items[0].Code != "30101" ||
		ec[1].Code != "302" || ec[1].Amount != schema.Yuan(200) {
		t.Errorf("by_economic = %+v", ec)
	}
	if len(rev.Sources) != 0 {
		t.Errorf("a source the sums cannot place was read: %+v", rev.Sources)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || w.Line == 2 && strings.Contains(w.Reason, "do not tell which of 2 rows (一般公共预算拨款收入 … 政府性基金预算拨款收入)")
	}
	if !warned {
		t.Errorf("no warning names the source left out: %+v", d.Warnings)
	}
}

// A misprinted cell breaks the sums: the table it is in gives nothing.
func TestColumnWiseMisprintLeftOut(t *testing.T) {
	text := readFixture(t, "colwise-budget.txt")
	// the 基本支出 of 201 (600) printed 500: the row's and the tree's sums fail
	text = strings.Replace(text, "700\n600\n600\n600\n", "700\n500\n600\n600\n", 1)
	d := extractLines(t, text)
	exp := d.Expenditure
	if exp.Basic != nil || exp.Project != nil {
		t.Errorf("uses read from a table that does not add up: %+v %+v", exp.Basic, exp.Project)
	}
	// and the economic table's 人员经费 of 301 printed 400
	text = strings.Replace(readFixture(t, "colwise-budget.txt"), "500\n500\n500\n200", "400\n500\n500\n200", 1)
	if ec := extractLines(t, text).Expenditure.ByEconomic; len(ec) != 0 {
		t.Errorf("by_economic read from a table that does not add up: %+v", ec)
	}
}

// Two classes of equal amounts, one all 基本支出, the other all 项目支出:
// the blank cells can be either's, both placements add up, and the table
// is left out with a warning.
func TestColumnWiseAmbiguous(t *testing.T) {
	text := strings.Join([]string{"某区某局2025年部门预算", "部门支出总表", "单位：元",
		"项目", "科目名称", "合计", "基本支出", "项目支出", "类", "款",
		"201", "201", "205", "205", "01", "02",
		"合计", "一般公共服务支出", "人大事务", "教育支出", "普通教育",
		"600", "300", "300", "300", "300",
		"300", "300", "300", "300", "300", "300", ""}, "\n")
	d := extractLines(t, text)
	if exp := d.Expenditure; exp.Basic != nil || exp.Project != nil {
		t.Errorf("uses read from an ambiguous table: %+v %+v", exp.Basic, exp.Project)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || w.Line == 2 && strings.Contains(w.Reason, "its amounts fit 2 placements that add up")
	}
	if !warned {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

// A 决算's economic table in two panels, and a function table whose codes
// are printed whole (201, 20101, 2010101) in one column of amounts.
func TestColumnWisePanelsAndWholeCodes(t *testing.T) {
	text := readFixture(t, "colwise-final.txt")
	d := extractLines(t, text)
	ec := d.Expenditure.ByEconomic
	if len(ec) != 3 || ec[0].Code != "301" || ec[0].Amount != schema.Yuan(80000) || len(ec[0].Items) != 2 ||
		ec[1].Code != "303" || ec[1].Amount != schema.Yuan(20000) || ec[2].Code != "302" || ec[2].Amount != schema.Yuan(40000) {
		t.Errorf("by_economic = %+v", ec)
	}
	lines := strings.Split(text, "\n")
	end := 0
	for end < len(lines) && !strings.Contains(lines[end], "基本支出决算表") {
		end++
	}
	cols := newColTable(lines, compactAll(lines), 2, end)
	rows, why, ok := cols.columnRows()
	if !ok {
		t.Fatalf("function table not read: %q", why)
	}
	// columnOneOff, where the rows fail, takes the panels' readings made:
	// the same rows, not searched for again
	for k := range cols.panels {
		if again, _ := cols.panelRows(k); len(again) == 0 || &again[0] != &cols.rows[k][0] || !cols.read[k] {
			t.Errorf("panel %d read again", k)
		}
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.code+":"+r.name+":"+strings.TrimSpace(lines[r.vals[0].line-1]))
	}
	want := ":合计:15.00 201:一般公共服务支出:10.00 20101:人大事务:10.00 2010101:行政运行:6.00 2010102:一般行政管理事务:4.00 205:教育支出:5.00 20502:普通教育:5.00 2050201:学前教育:5.00"
	if strings.Join(got, " ") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(got, " "), want)
	}
}

// A 决算's 收入支出决算总表 printed column by column with the template's
// 行次 numbers before each side's amounts: the numbers are no amounts, and
// each side adds up in one way but for which source holds the revenue.
func TestColumnWiseNumberedSummary(t *testing.T) {
	text := strings.Join([]string{"某区某局2024年度部门决算", "收入支出决算总表", "单位：元",
		"收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数", "栏次", "1", "栏次", "2",
		"一、一般公共预算财政拨款收入", "二、事业收入", "本年收入合计", "年初结转和结余", "总计",
		"1", "2", "3", "4", "5", "900", "900", "100", "1,000",
		"一、一般公共服务支出", "二、教育支出", "本年支出合计", "年末结转和结余", "总计",
		"6", "7", "8", "9", "10", "600", "300", "900", "100", "1,000", ""}, "\n")
	d := extractLines(t, text)
	rev, exp := d.Revenue, d.Expenditure
	if rev.Total == nil || *rev.Total != schema.Yuan(1000) || rev.CarriedOver == nil || *rev.CarriedOver != schema.Yuan(100) ||
		exp.CarriedForward == nil || *exp.CarriedForward != schema.Yuan(100) || exp.CurrentYear == nil || *exp.CurrentYear != schema.Yuan(900) {
		t.Errorf("totals: revenue %v carried %v / %v, expenditure this year %v", rev.Total, rev.CarriedOver, exp.CarriedForward, exp.CurrentYear)
	}
	if fn := exp.ByFunction; len(fn) != 2 || fn[0].Code != "201" || fn[0].Amount != schema.Yuan(600) || fn[1].Code != "205" || fn[1].Amount != schema.Yuan(300) {
		t.Errorf("by_function = %+v", fn)
	}
	if len(rev.Sources) != 0 {
		t.Errorf("a source the sums cannot place was read: %+v", rev.Sources)
	}
}

// A 决算's function table as default mode printed 07's: every row's 类
// code, then the header's words (支出功能分类 科目编码 款 项), then the 款
// and 项 codes a 类 at a time (the 款 of a 类's rows, then their 项), the
// header's 合计 and column names before the row names, the 合计 row last;
// its 合计 and 基本支出 totals one hundredth above their classes' sum, as
// rounding each figure to 万元 leaves them. Its rows are read, with their
// codes and the blank cells placed by the sums.
func TestColumnWiseSplitCodes(t *testing.T) {
	text := readFixture(t, "colwise-split-codes.txt")
	lines := strings.Split(text, "\n")
	rows, why, ok := newColTable(lines, compactAll(lines), 2, len(lines)).columnRows()
	if !ok {
		t.Fatalf("not read: %q", why)
	}
	var got []string
	for _, r := range rows {
		cells := []string{r.code, r.name}
		for _, v := range r.vals {
			cells = append(cells, strings.TrimSpace(lines[v.line-1]))
		}
		got = append(got, strings.Join(cells, ":"))
	}
	want := "201:一般公共服务支出:120.35:100.20:20.15 20103:政府办公厅(室)及相关机构事务:120.35:100.20:20.15 " +
		"2010301:行政运行:100.20:100.20 2010302:一般行政管理事务:20.15:20.15 205:教育支出:50.33:50.33 20502:普通教育:50.33:50.33 " +
		"2050201:学前教育:30.11:30.11 2050202:小学教育:20.22:20.22 208:社会保障和就业支出:40.00:40.00 " +
		"20805:行政事业单位养老支出:40.00:40.00 2080505:机关事业单位基本养老保险缴费支出:40.00:40.00 :合计:210.69:190.54:20.15"
	if strings.Join(got, " ") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(got, " "), want)
	}
	var cov []string
	for _, c := range extractLines(t, text).Coverage {
		if c.Part == "table" {
			cov = append(cov, c.Name+":"+c.Status)
		}
	}
	if strings.Join(cov, " ") != "一般公共预算财政拨款支出决算表:read" {
		t.Errorf("coverage %v", cov)
	}
}

// The 款 and 项 codes of a 类 printed together fit the rows one way only:
// read whole column by whole column (all 款, then all 项) they do not.
func TestSubCodesByClass(t *testing.T) {
	cells := func(s string) []colCell {
		var out []colCell
		for _, f := range strings.Fields(s) {
			out = append(out, colCell{text: f})
		}
		return out
	}
	p := colPanel{
		codes: cells("201 201 201 201 205 205 205 03 03 03 01 02 02 02 01"),
		names: cells("一般公共服务支出 政府办公厅(室)及相关机构事务 行政运行 一般行政管理事务 教育支出 普通教育 学前教育 合计"),
	}
	codes, ok := p.codesOf()
	if want := "201 20103 2010301 2010302 205 20502 2050201 "; !ok || strings.Join(codes, " ") != want {
		t.Errorf("codes %q %v, want %q", strings.Join(codes, " "), ok, want)
	}
	// all 款 codes first, then the 项: the same rows read the other way
	p.codes = cells("201 201 201 201 205 205 205 03 03 03 02 02 01 02 01")
	codes, ok = p.codesOf()
	if want := "201 20103 2010301 2010302 205 20502 2050201 "; !ok || strings.Join(codes, " ") != want {
		t.Errorf("codes %q %v, want %q", strings.Join(codes, " "), ok, want)
	}
}

// TestColumnWiseMixed: a 决算's 支出决算表 that default mode printed with its
// codes as a column apart and its names and amounts in stretches, some
// column by column and some row by row (Putuo's 决算, amounts changed): no
// reading places its cells, and the coverage report says why.
func TestColumnWiseMixed(t *testing.T) {
	d := extractLines(t, readFixture(t, "colwise-mixed-final.txt"))
	c := tableCoverage(d, "支出决算表")
	if c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "codes as a column apart") {
		t.Errorf("coverage %+v", c)
	}
	if d.Expenditure != nil && (d.Expenditure.Basic != nil || len(d.Expenditure.ByFunction) > 0) {
		t.Errorf("figures from cells not placed: %+v", d.Expenditure)
	}
}
