package extract

import (
	"slices"
	"strings"
	"testing"
)

// A misprinted cell of a scrambled 收支总表 (基本支出 310.00 for 300.00)
// leaves no reading of its cells; changed back by one digit it reads, and
// either it or 项目支出 changed so reads alike: the 支出用途 panel against
// the total is kept as table claims naming the changed line. A misprinted
// total breaks every panel's sum. As printed, the table gives no claim.
func TestSummaryCellOff(t *testing.T) {
	if d := extractLines(t, defaultPanelSummary); len(brokenSums(d)) > 0 {
		t.Fatalf("the table as printed gives failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct {
		from, to string
		sums     int
	}{{"300.00\n二、项目支出", "310.00\n二、项目支出", 1}, {"\n510.00\n510.00\n结转下年资金", "\n610.00\n510.00\n结转下年资金", 3}} {
		text := strings.Replace(defaultPanelSummary, c.from, c.to, 1)
		line := slices.Index(strings.Split(text, "\n"), strings.TrimPrefix(c.to, "\n")[:6]) + 1
		broken := brokenSums(extractLines(t, text))
		if len(broken) != c.sums {
			t.Errorf("%q: failing sums = %v, want %d", c.to, broken, c.sums)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%q: a failing sum without the changed line %d: %v", c.to, line, b)
			}
		}
	}
}

// A copy of the total misprinted (当年支出小计 511.00 for 510.00) is in no
// panel: changed back it reads, and the one sum that fails is the total
// against that copy, naming its line.
func TestSummaryCopiedTotalOff(t *testing.T) {
	const from, to = "当年支出小计\n510.00", "当年支出小计\n511.00"
	if !strings.Contains(defaultPanelSummary, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	text := strings.Replace(defaultPanelSummary, from, to, 1)
	line := slices.Index(strings.Split(text, "\n"), "511.00") + 1
	broken := brokenSums(extractLines(t, text))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums = %v, want the total's against line %d", broken, line)
	}
}

// Where 收入合计 prints its value right after its label, the rows read in
// order balance (收入合计 = 支出合计) with nothing else adding up once a cell
// is misprinted (基本支出 310.00 for 300.00): that reading holds the totals
// alone, and the cells are still read with one cell changed back, the
// 支出用途 panel kept naming the changed line. As printed, no claim.
func TestSummaryCellOffTotalsAlone(t *testing.T) {
	const label = "收入合计\n当年支出小计"
	if !strings.Contains(defaultPanelSummary, label) {
		t.Fatalf("the fixture has no %q", label)
	}
	text := strings.Replace(defaultPanelSummary, label, "收入合计\n510.00\n当年支出小计", 1)
	if d := extractLines(t, text); len(d.Claims) > 0 {
		t.Fatalf("the table as printed gives claims: %+v", d.Claims)
	}
	text = strings.Replace(text, "300.00\n二、项目支出", "310.00\n二、项目支出", 1)
	line := slices.Index(strings.Split(text, "\n"), "310.00") + 1
	broken := brokenSums(extractLines(t, text))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums = %v, want the 支出用途 panel's with line %d", broken, line)
	}
}

// A 收支总表 default mode printed row by row, each figure after its label,
// reads in order: its totals balance, its sources and classes add up. One
// cell misprinted — a class (公共安全支出 900,000 for 500,000), a source
// (财政拨款收入), a total (支出总计) — leaves that sum out of the model,
// kept as table claims that name the changed line and its total's, while
// another sum of the same rows holds. A gap no one misprint explains
// (573,000: two digits) says the reading may have taken another row's
// cell: no claim. As printed, none.
func TestSummarySumsOff(t *testing.T) {
	if d := extractLines(t, pairedSummary); len(d.Claims) > 0 || len(d.Expenditure.ByFunction) != 3 {
		t.Fatalf("as printed: claims %+v, classes %+v", d.Claims, d.Expenditure.ByFunction)
	}
	lines := strings.Split(pairedSummary, "\n")
	revenue, expenditure := slices.Index(lines, "收入总计")+3, slices.Index(lines, "支出总计")+3
	for _, c := range []struct {
		from, to    string
		sums, total int
	}{
		{"\n500,000\n", "\n900,000\n", 1, expenditure},
		{"\n500,000\n", "\n573,000\n", 0, 0},
		{"3,000,000 一、", "3,000,900 一、", 1, revenue},
		{"支出总计\n\n3,000,000", "支出总计\n\n3,080,000", 1, revenue},
	} {
		text := strings.Replace(pairedSummary, c.from, c.to, 1)
		at := slices.IndexFunc(strings.Split(text, "\n"), func(l string) bool {
			return strings.HasPrefix(l, strings.Fields(strings.TrimPrefix(c.to, "支出总计"))[0])
		}) + 1
		broken := brokenSums(extractLines(t, text))
		if len(broken) != c.sums {
			t.Errorf("%q: failing sums %v, want %d", c.to, broken, c.sums)
		}
		for _, b := range broken {
			if !slices.Contains(b, at) || !slices.Contains(b, c.total) {
				t.Errorf("%q: the failing sum %v does not name line %d and the total's %d", c.to, b, at, c.total)
			}
		}
	}
}

const pairedSummary = `2024年部门财务收支预算总表
编制部门：某街道办事处

单位：元

本年收入
项目

本年支出
预算数

项目

预算数

一、财政拨款收入

3,000,000 一、一般公共服务支出

1,000,000

1. 一般公共预算资金

3,000,000 二、公共安全支出

500,000

2. 政府性基金

三、教育支出

1,500,000

二、事业收入

收入总计

3,000,000

支出总计

3,000,000

2024年部门收入预算总表`

const layoutFiscal = `某区某局2024年部门预算
                                   2024年部门财政拨款收支预算总表
编制部门：某区某局                                                                     单位：元

         财政拨款收入                                          财政拨款支出

    项目            预算数                    项目      合计           一般公共预算         政府性基金预算

一、一般公共预算资金        1,500,000 一、一般公共服务支出          1,000,000      1,000,000

二、政府性基金               200,000 二、公共安全支出              300,000        300,000

                                三、住房保障支出              400,000        200,000          200,000

   收入总计           1,700,000        支出总计       1,700,000      1,500,000          200,000
`

// A 财政拨款收支总表 read by column states three sums: its 类 add up to 支出总计,
// its sources to 收入总计, each row's 合计 is its columns'. A misprinted
// cell breaks the sums through it, kept as table claims naming its line
// and the total's (fiscalSums); the table as printed gives none.
func TestFiscalSums(t *testing.T) {
	if d := extractLines(t, layoutFiscal); len(brokenSums(d)) > 0 {
		t.Fatalf("as printed: failing sums %v", brokenSums(d))
	}
	for _, c := range []struct {
		from, to string
		sums     [][]int
	}{
		{"300,000        300,000", "800,000        300,000", [][]int{{9, 11, 13, 15}, {11, 11}}}, // a 类's 合计: the 类 and its row
		{"300,000        300,000", "300,000        360,000", [][]int{{11, 11}}},                  // a column: its row
		{"    200,000 二、", "    260,000 二、", [][]int{{9, 11, 15}}},                               // a source
	} {
		broken := brokenSums(extractLines(t, strings.Replace(layoutFiscal, c.from, c.to, 1)))
		for i := range broken {
			slices.Sort(broken[i])
		}
		slices.SortFunc(broken, slices.Compare)
		slices.SortFunc(c.sums, slices.Compare)
		if !slices.EqualFunc(broken, c.sums, slices.Equal) {
			t.Errorf("%q: failing sums %v, want %v", c.to, broken, c.sums)
		}
	}
	// a 类 whose name wraps around its cell: the row of its cell has no
	// known name, and the 类 read are not all of them — no sum of the 类
	wrapped := strings.Replace(layoutFiscal, "三、住房保障支出              400,000", "三、住房保\n                                              400,000\n                                障支出", 1)
	if broken := brokenSums(extractLines(t, wrapped)); len(broken) > 0 {
		t.Errorf("a wrapped 类: failing sums %v", broken)
	}
}
