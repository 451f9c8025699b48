package extract

import (
	"fmt"
	"strings"
	"testing"
)

// mixedRows reads a mixed table as findTables does (lines from..to,
// 0-based): ok tells the rows were placed; why, when the table has the
// shape but its rows were not placed.
func mixedRows(lines, flat []string, from, to int) (rows []row, why string, ok bool) {
	m, why := parseMixed(lines, flat, from, to)
	if m == nil {
		return nil, why, false
	}
	return m.read()
}

// mixedTable reads the fixture's (or a changed copy's) function table:
// its rows as "code name amounts", or the warning it left.
func mixedTable(t *testing.T, change func(string) string) (rows []string, unplaced string) {
	t.Helper()
	text := change(readFixture(t, "mixed-budget.txt"))
	lines := strings.Split(text, "\n")
	for _, tab := range findTables(lines, compactLines(foldAll(lines))) {
		if tab.kind != tableFunction {
			continue
		}
		for _, r := range tab.rows {
			var vs []string
			for _, v := range r.vals {
				vs = append(vs, fmt.Sprint(v.mant))
			}
			rows = append(rows, strings.TrimSpace(r.code+" "+r.name+" "+strings.Join(vs, " ")))
		}
		return rows, tab.unplaced
	}
	t.Fatal("no function table")
	return nil, ""
}

// A function table printed as default mode prints 01's: names and amounts
// row by row; on page 1 the 款 codes before the 类 codes and the 项 codes
// apart, among the header's words; on page 2 the 类 and 款 codes row after
// row and the 项 codes after them; on page 3 each row's codes before its
// name but a 项 code at the page's end; the total's 合计 among the words of
// the header. Every row is read with its whole code.
func TestMixedTable(t *testing.T) {
	rows, why := mixedTable(t, func(s string) string { return s })
	want := []string{"合计 1700 1200 500",
		"201 一般公共服务支出 300 0 300", "20105 统计信息事务 100 0 100", "2010507 专项普查活动 100 0 100",
		"20129 群众团体事务 200 0 200", "2012902 一般行政管理事务 200 0 200",
		"208 社会保障和就业支出 900 700 200", "20805 行政事业单位养老支出 700 700 0", "2080501 行政单位离退休 300 300 0",
		"2080502 事业单位离退休 400 400 0", "20807 就业补助 200 0 200", "2080705 公益性岗位补贴 200 0 200",
		"210 卫生健康支出 500 500 0", "21011 行政事业单位医疗 500 500 0", "2101101 行政单位医疗 200 200 0", "2101102 事业单位医疗 300 300 0"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") || why != "" {
		t.Errorf("rows:\n%s\nwant:\n%s\n(%s)", strings.Join(rows, "\n"), strings.Join(want, "\n"), why)
	}
}

// A table the sums or the codes do not fix is left out, and says why: a
// misprinted amount (the 款 no longer adds up), a 类 code lost (which row
// is whose is not told).
func TestMixedTableLeftOut(t *testing.T) {
	for _, c := range []struct {
		name, from, to, why string
	}{
		{"misprint", "行政单位离退休\n\n300\n\n300", "行政单位离退休\n\n310\n\n300", "do not add up"},
		{"codes", "201\n\n基本支出", "基本支出", "14 类 codes for 15 rows"},
	} {
		rows, why := mixedTable(t, func(s string) string {
			if !strings.Contains(s, c.from) {
				t.Fatalf("%s: the fixture has no %q", c.name, c.from)
			}
			return strings.Replace(s, c.from, c.to, 1)
		})
		for _, r := range rows {
			if strings.HasPrefix(r, "21011") || strings.HasPrefix(r, "20805") {
				t.Errorf("%s: a row read: %s", c.name, r)
			}
		}
		if !strings.Contains(why, "printed with its codes apart from its rows") || !strings.Contains(why, c.why) {
			t.Errorf("%s: why = %q", c.name, why)
		}
	}
}

// Rows that add up in more ways than are tried (a 类 of zeros: every split
// adds up) leave the table out, rather than read by the splits found first.
func TestMixedSplitsBounded(t *testing.T) {
	lines := []string{"一般公共预算支出表", "项目", "类", "款", "项", "合计", "208", "社会保障和就业支出"}
	for range 7 {
		lines = append(lines, "208", "05")
	}
	lines = append(lines, "01", "02", "03", "04", "05", "06", "0", "0", "0")
	for _, n := range []string{"行政事业单位养老支出", "行政单位离退休", "事业单位离退休", "离退休人员管理机构", "未归口管理的行政单位离退休", "机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出"} {
		lines = append(lines, n, "0", "0", "0")
	}
	rows, why, ok := mixedRows(lines, compactLines(foldAll(lines)), 0, len(lines))
	if ok || len(rows) > 0 || !strings.Contains(why, "add up in too many ways") {
		t.Errorf("ok %v, rows %v, why %q", ok, rows, why)
	}
}
