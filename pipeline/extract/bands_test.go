package extract

import (
	"fmt"
	"strings"
	"testing"
)

// bandedText is a 收入决算表 as default mode prints a table in bands: the
// 合计 row's cells a block each; then, for rows 201 … 20805, each
// column's cells down the rows (the 其他收入 column's in two blocks, its
// cell of 行政运行 blank); then the row whose name wraps, a band of its
// own. Blocks are apart by a blank line, codes before names, amounts
// after the header's words.
func bandedText(names, vals string) string {
	blocks := []string{
		"收入决算表", "单位：万元",
		"项目\n支出功能分类\n科目编码\n类\n款\n项", "科目名称",
		"合计\n201\n201\n201\n201\n208\n208", "06\n06\n06", "01\n02", "05", "208", "05", "05",
		names,
		"本年收入合\n计", "财政拨款收\n入", "其他收\n入",
		vals,
		"注：本表反映部门本年度取得的各项收入情况。",
	}
	return strings.Join(blocks, "\n\n")
}

// bandedNames are the table's names, the last wrapped over two lines.
const bandedNames = "一般公共服务支出\n财政事务\n行政运行\n一般行政管理事务\n社会保障和就业支出\n行政事业单位养老支出\n机关事业单位基本养老保险\n缴费支出"

// bandedVals are the table's amounts as printed, block by block.
const bandedVals = "300.00\n\n250.00\n\n50.00\n\n" +
	"200.00\n200.00\n120.00\n80.00\n100.00\n100.00\n\n150.00\n150.00\n120.00\n30.00\n100.00\n100.00\n\n50.00\n50.00\n\n50.00\n\n" +
	"100.00\n\n100.00"

// bandedTable reads the text's table: its rows as "code name amounts", its
// rows read with one cell off likewise, and why it was not read (rows
// nil then).
func bandedTable(t *testing.T, text string) (rows, oneOff []string, why string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for _, tab := range findTables(lines, compactLines(foldAll(lines))) {
		if tab.kind != tableRevenue {
			continue
		}
		show := func(rs []row) (out []string) {
			for _, r := range rs {
				s := strings.TrimSpace(r.code + " " + r.name)
				for _, v := range r.vals {
					s += fmt.Sprintf(" %d", v.mant/100)
				}
				out = append(out, s)
			}
			return out
		}
		if tab.unplaced != "" || tab.oneOff != nil {
			return nil, show(tab.oneOff), tab.unplaced // not read
		}
		return show(tab.rows), nil, ""
	}
	t.Fatal("no revenue table")
	return nil, nil, ""
}

var bandedRowsWant = []string{"合计 300 250 50", "201 一般公共服务支出 200 150 50", "20106 财政事务 200 150 50", "2010601 行政运行 120 120",
	"2010602 一般行政管理事务 80 30 50", "208 社会保障和就业支出 100 100", "20805 行政事业单位养老支出 100 100", "2080505 机关事业单位基本养老保险缴费支出 100 100"}

// A table printed in bands is read: its codes placed on their rows by
// the tree they make, its amounts by the rows' and columns' sums, a name
// wrapped over two cells joined where its row is a band of its own (a
// row taller than the others). Not where a name wraps and no row is such:
// which cells go together is not known.
func TestBandedTable(t *testing.T) {
	for _, names := range []string{bandedNames, strings.Replace(bandedNames, "保险\n缴费", "保险缴费", 1)} {
		rows, oneOff, why := bandedTable(t, bandedText(names, bandedVals))
		if strings.Join(rows, "\n") != strings.Join(bandedRowsWant, "\n") || oneOff != nil || why != "" {
			t.Errorf("rows:\n%s\nwant:\n%s\n(one off %q, %s)", strings.Join(rows, "\n"), strings.Join(bandedRowsWant, "\n"), oneOff, why)
		}
	}
	names := strings.Replace(bandedNames, "一般行政管理事务", "一般行政管理\n事务", 1)
	if rows, oneOff, _ := bandedTable(t, bandedText(names, bandedVals)); rows != nil || oneOff != nil {
		t.Errorf("a name wrapped in a band: rows %q, one off %q", rows, oneOff)
	}
}

// One misprinted cell — a digit, a tenfold, two cells swapped — leaves no
// placement that adds up; the one placement that does with the cell
// changed back gives the rows as printed (their failing sums then stay
// as table claims), and the table is not read.
func TestBandedTableOneOff(t *testing.T) {
	for _, c := range []struct{ name, from, to, row string }{
		{"digit", "120.00\n80.00", "120.00\n86.00", "2010602 一般行政管理事务 86 30 50"},
		{"tenfold", "\n30.00\n", "\n300.00\n", "2010602 一般行政管理事务 80 300 50"},
		{"swap", "200.00\n200.00\n120.00", "200.00\n120.00\n200.00", "2010601 行政运行 200 120"},
	} {
		vals := strings.Replace(bandedVals, c.from, c.to, 1)
		if vals == bandedVals {
			t.Fatalf("%s: nothing changed", c.name)
		}
		rows, oneOff, why := bandedTable(t, bandedText(bandedNames, vals))
		if rows != nil || why == "" || !strings.Contains(strings.Join(oneOff, "\n"), c.row) || len(oneOff) != len(bandedRowsWant) {
			t.Errorf("%s: rows %q, one off %q (want a row %q), %s", c.name, rows, oneOff, c.row, why)
		}
	}
	// two misprints: no reading at all
	vals := strings.Replace(strings.Replace(bandedVals, "120.00\n80.00", "120.00\n86.00", 1), "\n30.00\n", "\n31.00\n", 1)
	if rows, oneOff, _ := bandedTable(t, bandedText(bandedNames, vals)); rows != nil || oneOff != nil {
		t.Errorf("two misprints: rows %q, one off %q", rows, oneOff)
	}
}
