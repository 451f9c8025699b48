package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// brokenSums are the sums of table claims that fail: for each whole, the
// lines of it and its parts.
func brokenSums(d *schema.Document) [][]int {
	var out [][]int
	for _, w := range d.Claims {
		if w.Kind != schema.ClaimTable {
			continue
		}
		lines, sum, parts := []int{w.Line}, 0.0, 0
		for _, p := range d.Claims {
			if p.Kind == schema.ClaimTable && p.Of == w.Path && p.Table == w.Table {
				lines = append(lines, p.Line)
				sum += p.Value
				parts++
			}
		}
		if parts > 0 && sum != w.Value {
			out = append(out, lines)
		}
	}
	return out
}

// A mixed table (mixed.go) with one amount misprinted — 行政单位离退休's
// 合计 310 for 300 — is left out, but its sums through that cell stay as
// table claims naming the cell's line: its row (310 against 300 + 0) and
// its 款 (700 against 310 + 400); the sums that hold give none, and the
// model takes no figure of it. The table as printed gives no claim.
func TestOneCellOffMixed(t *testing.T) {
	text := readFixture(t, "mixed-budget.txt")
	const from, to = "行政单位离退休\n\n300\n\n300", "行政单位离退休\n\n310\n\n300"
	if !strings.Contains(text, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	if d := extractLines(t, text); len(d.Claims) > 0 || len(brokenSums(d)) > 0 {
		t.Errorf("the table as printed gives claims: %+v", d.Claims)
	}
	changed := strings.Replace(text, from, to, 1)
	line := slices.Index(strings.Split(changed, "\n"), "310") + 1
	d := extractLines(t, changed)
	broken := brokenSums(d)
	if len(broken) != 2 {
		t.Fatalf("failing sums = %v, want the row's and the 款's: %+v", broken, d.Claims)
	}
	for _, b := range broken {
		if !slices.Contains(b, line) {
			t.Errorf("a failing sum without the changed cell's line %d: %v", line, b)
		}
	}
	if d.Expenditure != nil {
		for _, c := range d.Expenditure.ByFunction {
			if c.Code == "208" {
				t.Errorf("the table left out gave the model its 类: %+v", c)
			}
		}
	}
}

// mixedLines is a small mixed table: 社会保障和就业支出 and its one 款, 卫生健康支出
// and its one 款, with the total 合计 before them when total.
func mixedLines(total bool, kuan string) []string {
	lines := []string{"一般公共预算支出功能分类预算表", "单位：元", "项目", "类", "款"}
	if total {
		lines = append(lines, "合计", "800")
	}
	return append(lines, "208", "208", "05", "210", "210", "11",
		"社会保障和就业支出", "500", "行政事业单位养老支出", kuan, "卫生健康支出", "300", "行政事业单位医疗", "300")
}

// One change only may read: with the total, 行政事业单位养老支出 misprinted 590
// can only be 500 (its 类 at 590 breaks the total); without it, the 类 at
// 590 adds up as well, and which cell is off is not told.
func TestOneCellOffUnique(t *testing.T) {
	for _, c := range []struct {
		name  string
		total bool
		kuan  string
		want  string // the 款's row as read, "" for none
	}{
		{"as printed", true, "500", ""},
		{"misprint", true, "590", "20805 590"},
		{"tenfold", true, "5000", "20805 5000"},
		{"no total: two cells could be off", false, "590", ""},
	} {
		lines := mixedLines(c.total, c.kuan)
		flat := compactLines(foldAll(lines))
		if _, _, ok := mixedRows(lines, flat, 0, len(lines)); ok != (c.kuan == "500") {
			t.Fatalf("%s: read %v", c.name, ok)
		}
		got := ""
		m, _ := parseMixed(lines, flat, 0, len(lines))
		if m == nil {
			t.Fatalf("%s: no mixed table", c.name)
		}
		for _, r := range m.oneOff() {
			if r.code == "20805" {
				got = r.code + " " + lines[r.vals[0].line-1]
			}
		}
		if got != c.want {
			t.Errorf("%s: 款 read as %q, want %q", c.name, got, c.want)
		}
	}
}

// misprints are the values one misprint could have changed: each digit
// (a leading one not to 0), tenfold and a tenth, at the table's decimals.
func TestMisprints(t *testing.T) {
	got := misprints(mustCell(t, "0.50"), 2)
	for _, want := range []int64{150, 40, 51, 500, 5} {
		if !slices.Contains(got, want) {
			t.Errorf("0.50: no %d in %v", want, got)
		}
	}
	got = misprints(mustCell(t, "250"), 2)
	if !slices.Contains(got, 35000) || !slices.Contains(got, 2500) || slices.Contains(got, 5000) || len(got) != 8+9+9+2 {
		t.Errorf("250 at 2 decimals: %v", got)
	}
}

func mustCell(t *testing.T, c string) token {
	t.Helper()
	tok, ok := cellToken(c, 1)
	if !ok {
		t.Fatalf("%q is no cell", c)
	}
	return tok
}

// economicLines is a basic-expenditure table as default mode prints 01's:
// a row's name, its 合计, 人员经费 and 公用经费 a line each, and after them
// the next row's codes; 基本工资's 合计 printed as salary.
func economicLines(salary string) string {
	rows := [][4]string{
		{"工资福利支出", "900", "900", "0"}, {"基本工资", salary, "500", "0"}, {"津贴补贴", "400", "400", "0"},
		{"商品和服务支出", "300", "0", "300"}, {"办公费", "200", "0", "200"}, {"差旅费", "100", "0", "100"},
	}
	codes := []string{"301\n\n01", "301\n\n02", "", "302\n\n01", "302\n\n02", ""}
	lines := []string{"某街道2024年部门预算", "一般公共预算基本支出经济分类预算表", "单位：元", "项目", "类", "经济分类科目名称", "合计", "人员经费", "公用经费", "款"}
	for k, r := range rows {
		lines = append(lines, r[:]...)
		if codes[k] != "" {
			lines = append(lines, codes[k])
		}
	}
	return strings.Join(lines, "\n\n")
}

// A default-mode table read row by row whose one row no longer adds up
// (基本工资 550 against 500 + 0) where its other rows do keeps that row's
// sum as table claims, on its cells' lines; printed right, or off by more
// than one misprint (5,999 for 500), it keeps none.
func TestOneCellOffRow(t *testing.T) {
	for _, c := range []struct {
		salary string
		want   bool
	}{{"500", false}, {"550", true}, {"5000", true}, {"5999", false}} {
		text := economicLines(c.salary)
		d := extractLines(t, text)
		broken := brokenSums(d)
		if !c.want {
			if len(broken) > 0 {
				t.Errorf("基本工资 %s: failing sums %v", c.salary, broken)
			}
			continue
		}
		lines := strings.Split(text, "\n")
		at := slices.Index(lines, c.salary) + 1
		if len(broken) != 1 || !slices.Contains(broken[0], at) || len(broken[0]) != 3 {
			t.Errorf("基本工资 %s (line %d): failing sums %v, want its row's: %+v", c.salary, at, broken, d.Claims)
		}
	}
}

// Two cells of a row swapped — 行政单位离退休's 基本支出 300 and 项目支出 0 —
// keep the row's sum but break the 款's in both columns: those sums stay
// as table claims naming both cells' lines.
func TestOneCellOffSwap(t *testing.T) {
	text := readFixture(t, "mixed-budget.txt")
	const from, to = "行政单位离退休\n\n300\n\n300\n\n0\n", "行政单位离退休\n\n300\n\n0\n\n300\n"
	if !strings.Contains(text, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	changed := strings.Replace(text, from, to, 1)
	lines := strings.Split(changed, "\n")
	at := slices.Index(lines, "行政单位离退休") + 1
	d := extractLines(t, changed)
	named := map[int]bool{}
	for _, b := range brokenSums(d) {
		for _, l := range b {
			named[l] = true
		}
	}
	if !named[at+4] || !named[at+6] {
		t.Errorf("the swapped cells (lines %d, %d) are not named: %v", at+4, at+6, brokenSums(d))
	}
}

// A table printed column by column (colwise.go) whose 201 基本支出 (600)
// is printed 500 is left out — no placement adds up —, but read with that
// one cell changed back its sums through the cell stay as table claims
// naming its line; as printed right, it gives none.
func TestOneCellOffColumnWise(t *testing.T) {
	text := readFixture(t, "colwise-budget.txt")
	const from, to = "700\n600\n600\n600\n", "700\n500\n600\n600\n"
	if !strings.Contains(text, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	if broken := brokenSums(extractLines(t, text)); len(broken) > 0 {
		t.Errorf("printed right: failing sums %v", broken)
	}
	changed := strings.Replace(text, from, to, 1)
	at := strings.Count(changed[:strings.Index(changed, to)], "\n") + 2 // the line of 500
	d := extractLines(t, changed)
	broken := brokenSums(d)
	named := false
	for _, b := range broken {
		named = named || slices.Contains(b, at)
	}
	if !named {
		t.Errorf("no failing sum names line %d: %v (%+v)", at, broken, d.Claims)
	}
	if exp := d.Expenditure; exp.Basic != nil || exp.Project != nil {
		t.Errorf("uses read from a table that does not add up: %+v %+v", exp.Basic, exp.Project)
	}
}

// A 决算's basic-expenditure table as default mode prints Pingyuan's: the
// 合计 row with its three cells, every other row its total and its one
// part, the blank cell dropped. The one row that prints two amounts
// apart by one misprint (基本工资 550 and 500) keeps its total and part as
// table claims; printed right, or apart by more (590 and 500 is two
// digits, but 5,000 and 500 a tenfold), none. 5,000 breaks 工资福利支出's
// sum down the first column too, which only its tenth mends (treeOneOff):
// that sum is kept as well, also naming its line.
func TestOneCellOffPair(t *testing.T) {
	for _, c := range []struct {
		salary string
		want   bool
	}{{"500", false}, {"550", true}, {"5000", true}, {"5999", false}} {
		lines := []string{"某镇2024年度部门决算", "一般公共预算财政拨款基本支出决算表", "金额单位：元", "项", "目", "人员经费", "公用经费",
			"经济分类科目编码", "科目名称", "合计", "1,200", "900", "300",
			"301", "工资福利支出", "900", "900", "30101", "基本工资", c.salary, "500", "30102", "津贴补贴", "400", "400",
			"302", "商品和服务支出", "300", "300", "30201", "办公费", "200", "200", "30211", "差旅费", "100", "100"}
		text := strings.Join(lines, "\n")
		d := extractLines(t, text)
		broken := brokenSums(d)
		at := slices.Index(lines, c.salary) + 1
		switch {
		case !c.want && len(broken) > 0:
			t.Errorf("基本工资 %s: failing sums %v", c.salary, broken)
		case c.want && !slices.ContainsFunc(broken, func(b []int) bool { return slices.Equal(b, []int{at, at + 1}) }):
			t.Errorf("基本工资 %s (line %d): failing sums %v, want its total and part: %+v", c.salary, at, broken, d.Claims)
		}
		for _, b := range broken {
			if !slices.Contains(b, at) {
				t.Errorf("基本工资 %s: a failing sum without its line %d: %v", c.salary, at, b)
			}
		}
	}
}

// TestCodesAmongAmounts: where the rows that add up print amounts with
// decimals, an odd row of whole numbers is a row of class codes a mixed
// printing put in the rows' places (205 02 205), not a misprint; an odd row
// with decimals is.
func TestCodesAmongAmounts(t *testing.T) {
	num := func(mant int64, scale int) token { return token{mant: mant, scale: scale, kind: numPlain} }
	tab := table{factor: 10000}
	rows := []row{
		{name: "合计", vals: []token{num(178229, 2), num(21631, 2), num(156598, 2)}},
		{name: "普通教育", vals: []token{num(49581, 2), num(15274, 2), num(34307, 2)}},
		{name: "高中教育", vals: []token{num(47865, 2), num(13558, 2), num(34307, 2)}},
	}
	codes := row{name: "教育支出", vals: []token{num(205, 0), num(2, 0), num(205, 0)}}
	if !codesAmongAmounts(tab, append(rows, codes), codes, 3) {
		t.Error("a row of codes taken for a misprinted row")
	}
	odd := row{name: "初中教育", vals: []token{num(1716, 2), num(1816, 2), num(0, 2)}}
	if codesAmongAmounts(tab, append(rows, odd), odd, 3) {
		t.Error("a misprinted row of amounts taken for codes")
	}
}

// A 三公 table default mode printed one cell a line, blanks dropped, that
// no placement adds up: one misprinted cell, changed back, lets exactly
// one shape of sums read it, and the cells as printed stay as table
// claims, each on the total it is part of — the lone vehicle cost (购置
// blank, so 运行; or 运行 blank, so 购置) on the vehicle 小计 under no
// model figure's name.
func TestThreePublicDefaultModeOneOff(t *testing.T) {
	table := `八、某市某所2019年“三公”经费、会议费、培训费支出预算表
单位：万元
“三公”经费
因公出
合计
小计
国（境）
费
512.40
312.40
46.00
公务用车购置及运行维护费
小计
公务用车
公务用车运
购置费
行维护费
208.30
208.30
公务接待费
58.10
会议费
培训费
120.00
80.00
十、某市某所2019年政府性基金预算财政拨款支出预算表
单位：万元`
	claims := func(d *schema.Document) map[string]string {
		got := map[string]string{}
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				got[cl.Path] = fmt.Sprintf("%v line %d of %s", cl.Value, cl.Line, cl.Of)
			}
		}
		return got
	}
	right := extractLines(t, "某市某所2019年部门预算\n"+table)
	if tp := right.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(3124000) {
		t.Fatalf("the table printed right is not read: %+v", right.ThreePublic)
	}
	if got := claims(right); len(got) != 0 {
		t.Errorf("the table printed right gave table claims: %v", got)
	}

	// the 三公 小计 misprinted: the table is left out, its sums stay
	d := extractLines(t, "某市某所2019年部门预算\n"+strings.Replace(table, "312.40", "313.40", 1))
	if d.ThreePublic != nil {
		t.Fatalf("a table that does not add up is read: %+v", d.ThreePublic)
	}
	want := map[string]string{
		"/tables/2/10": "5.124e+06 line 10 of ",
		"/tables/2/11": "3.134e+06 line 11 of /tables/2/10",
		"/tables/2/12": "460000 line 12 of /tables/2/11",
		"/tables/2/19": "2.083e+06 line 19 of /tables/2/11",
		"/tables/2/20": "2.083e+06 line 20 of /tables/2/19",
		"/tables/2/22": "581000 line 22 of /tables/2/11",
		"/tables/2/25": "1.2e+06 line 25 of /tables/2/10",
		"/tables/2/26": "800000 line 26 of /tables/2/10",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}

	// two cells misprinted: no one change explains the table, nothing stays
	two := strings.Replace(strings.Replace(table, "312.40", "313.40", 1), "58.10", "58.20", 1)
	if got := claims(extractLines(t, "某市某所2019年部门预算\n"+two)); len(got) != 0 {
		t.Errorf("a table two cells off gave table claims: %v", got)
	}
}

// A 政府采购 table default mode printed one cell a line whose kinds add up
// to its 合计 no way: one misprinted cell explains exactly one choice of
// the kinds' cells, which stay as table claims of the 合计.
func TestProcurementDefaultModeOneOff(t *testing.T) {
	table := `十一、某市某所2019年政府采购预算表
单位：万元
项目名称
采购品目
合计
总计
1,250.00
一、货物 A
300.00
办公设备购置
200.00
100.00
二、工程 B
150.00
修缮工程
150.00
三、服务 C
800.00
软件开发服务
800.00`
	right := extractLines(t, "某市某所2019年部门预算\n"+table)
	if pr := right.Procurement; pr == nil || pr.Goods == nil || *pr.Goods != schema.Yuan(3000000) || pr.Services == nil {
		t.Fatalf("the table printed right is not read: %+v", right.Procurement)
	}
	claims := func(d *schema.Document) map[string]string {
		got := map[string]string{}
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				got[cl.Path] = fmt.Sprintf("%v line %d of %s", cl.Value, cl.Line, cl.Of)
			}
		}
		return got
	}
	if got := claims(right); len(got) != 0 {
		t.Errorf("the table printed right gave table claims: %v", got)
	}

	// the goods' row misprinted: the kinds are not used, their cells stay
	d := extractLines(t, "某市某所2019年部门预算\n"+strings.Replace(table, "\n300.00", "\n310.00", 1))
	if pr := d.Procurement; pr == nil || pr.Goods != nil {
		t.Fatalf("kinds that do not add up are read: %+v", d.Procurement)
	}
	want := map[string]string{
		"/procurement": "1.25e+07 line 8 of ",
		"/tables/2/10": "3.1e+06 line 10 of /procurement",
		"/tables/2/15": "1.5e+06 line 15 of /procurement",
		"/tables/2/19": "8e+06 line 19 of /procurement",
	}
	if got := claims(d); !maps.Equal(got, want) {
		t.Errorf("table claims:\n got %v\nwant %v", got, want)
	}

	// two kinds misprinted: no one change explains them, nothing stays
	two := strings.Replace(strings.Replace(table, "\n300.00", "\n310.00", 1), "\n800.00", "\n805.00", 1)
	if got := claims(extractLines(t, "某市某所2019年部门预算\n"+two)); len(got) != 0 {
		t.Errorf("kinds two cells off gave table claims: %v", got)
	}

	// a value below the goods' own one misprint of the 合计 explains too:
	// two choices, which cell is the goods' is not told, nothing stays
	below := strings.Replace(table, "300.00\n办公设备购置\n200.00\n", "310.00\n200.00\n办公设备购置\n", 1)
	if got := claims(extractLines(t, "某市某所2019年部门预算\n"+below)); len(got) != 0 {
		t.Errorf("two choices one misprint explains gave table claims: %v", got)
	}
}

// A table printed column by column two of whose cells, a line apart in
// one column, are swapped (一般公共服务支出's 120.35 and 行政运行's 100.20
// in the 合计 column) is left out; read with the two put back, its sums
// through them — each row's, and the tree's down the 合计 column, where
// every row has its cell — stay as table claims naming both lines. Printed
// right, none.
func TestOneCellOffColumnSwap(t *testing.T) {
	text := readFixture(t, "colwise-split-codes.txt")
	if broken := brokenSums(extractLines(t, text)); len(broken) > 0 {
		t.Errorf("printed right: failing sums %v", broken)
	}
	const from, to = "\n120.35\n120.35\n100.20\n20.15\n", "\n100.20\n120.35\n120.35\n20.15\n"
	if !strings.Contains(text, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	changed := strings.Replace(text, from, to, 1)
	at := strings.Count(changed[:strings.Index(changed, to)], "\n") + 2 // the line of 100.20
	broken := brokenSums(extractLines(t, changed))
	for _, line := range []int{at, at + 2} {
		named := false
		for _, b := range broken {
			named = named || slices.Contains(b, line)
		}
		if !named {
			t.Errorf("no failing sum names line %d: %v", line, broken)
		}
	}
}

// lateClassBudget is a small 基本支出 table as default mode prints it, one
// cell a line: 工资福利支出's amount (late) printed after the last row's
// own, with a 合计 above the classes when total.
func lateClassBudget(total bool, late string) string {
	cells := []string{"江苏省某局2020年部门预算", "一般公共预算基本支出预算表", "单位：万元", "科目编码", "科目名称"}
	if total {
		cells = append(cells, "合计", "100.00")
	}
	cells = append(cells, "301", "工资福利支出",
		"30101", "基本工资", "40.00",
		"30102", "津贴补贴", "20.00",
		"302", "商品和服务支出", "40.00",
		"30201", "办公费", "30.00",
		"30202", "印刷费", "10.00", late,
		"注：本表按经济分类列示。")
	return strings.Join(cells, "\n\n") + "\n"
}

// A class amount printed after the last row and misprinted (61.00 for
// 60.00) leaves the table three sums, two of them failing: too few hold
// for treeSums' rule. Changing one cell back by one misprint makes every
// sum hold one way only (the late cell, put on 工资福利支出), so the two
// failing sums, the 合计's and 工资福利支出's, are kept naming the changed
// line; as printed the table gives no claim.
func TestTreeOneOffLateClass(t *testing.T) {
	if d := extractLines(t, lateClassBudget(true, "60.00")); len(d.Claims) > 0 {
		t.Fatalf("the table as printed gives claims: %+v", d.Claims)
	}
	text := lateClassBudget(true, "61.00")
	line := slices.Index(strings.Split(text, "\n"), "61.00") + 1
	d := extractLines(t, text)
	broken := brokenSums(d)
	if len(broken) != 2 {
		t.Fatalf("failing sums = %v, want the 合计's and 工资福利支出's: %+v", broken, d.Claims)
	}
	for _, b := range broken {
		if !slices.Contains(b, line) {
			t.Errorf("a failing sum without the changed line %d: %v", line, b)
		}
	}
}

// A table printed column by column in one column of amounts, its 合计
// 210.69 misprinted 210.79: changed back, 210.69 and 210.70 both add up
// within the rounding of its classes (210.68), but either is the same
// cell off, and the sum through it stays as a table claim naming its line.
func TestOneCellOffColumnRounding(t *testing.T) {
	text := readFixture(t, "colwise-split-codes.txt")
	text = strings.Replace(text, "基本支出 项目支出", "", 1)
	text = text[:strings.Index(text, "210.69\n")+len("210.69\n")] // the 合计 column alone
	if broken := brokenSums(extractLines(t, text)); len(broken) > 0 {
		t.Errorf("printed right: failing sums %v", broken)
	}
	changed := strings.Replace(text, "210.69\n", "210.79\n", 1)
	at := strings.Count(changed[:strings.Index(changed, "210.79\n")], "\n") + 1
	named := false
	for _, b := range brokenSums(extractLines(t, changed)) {
		named = named || slices.Contains(b, at)
	}
	if !named {
		t.Errorf("no failing sum names line %d", at)
	}
}

// Without a 合计, the class (61.00 for 60.00) or either of its items (40.00
// for 41.00, 20.00 for 21.00) changed back makes every sum hold: which cell
// is off is not told, and the table gives no claim.
func TestTreeOneOffTwoExplanations(t *testing.T) {
	if d := extractLines(t, lateClassBudget(false, "61.00")); len(d.Claims) > 0 {
		t.Errorf("a table that more than one cell explains gives claims: %+v", d.Claims)
	}
}

// fiscalDefault is a 财政拨款收支预算总表 as default mode prints it, one cell
// a line: the 一般公共预算 900.00 beside 一、基本支出, the uses, and the two
// 合计, the revenue side's printed income.
func fiscalDefault(income string) string {
	cells := []string{"某省某会2017年部门预算", "财政拨款收支预算总表", "单位：万元", "收入", "支出",
		"项目名称", "金额", "项目名称", "一、一般公共预算", "900.00 一、基本支出", "600.00", "二、项目支出", "300.00",
		"二、政府性基金预算", "收入合计", "金额", income, "支出合计", "900.00", "财政拨款支出预算表"}
	return strings.Join(cells, "\n\n") + "\n"
}

// The revenue side's 合计 misprinted tenfold (9,000.00) leaves the two 合计
// apart, and the table's 总计 unread: one misprint changed back makes them
// agree as the table's largest figure, so the expenditure side's is kept
// against the revenue side's, naming the changed line. Apart by more than
// one misprint (750.00), or as printed, nothing is kept.
func TestFiscalOneOff(t *testing.T) {
	for _, c := range []struct {
		income string
		want   bool
	}{{"900.00", false}, {"9,000.00", true}, {"750.00", false}} {
		text := fiscalDefault(c.income)
		line := slices.Index(strings.Split(text, "\n"), c.income) + 1
		d := extractLines(t, text)
		broken := brokenSums(d)
		switch {
		case !c.want && len(broken) > 0:
			t.Errorf("%s: failing sums %v", c.income, broken)
		case c.want && (len(broken) != 1 || !slices.Contains(broken[0], line)):
			t.Errorf("%s: failing sums %v, want the two 合计 with line %d: %+v", c.income, broken, line, d.Claims)
		}
		if printed := d.Revenue != nil && d.Revenue.FiscalTotal != nil; printed != (c.income == "900.00") {
			t.Errorf("%s: the fiscal total read: %v", c.income, printed)
		}
	}
}

// A 三公 table whose rows are each named, cells on their lines, that does
// not add up (a real page: 公务用车费 0 above its 运行维护费 32.65) keeps its
// first column as table claims: the 合计 and the vehicles with their parts.
// Its vehicles' row alone is off (its parts make the 合计 with the others):
// one misprint, so the others are read and the vehicles' figure is not.
func TestThreePublicNamedRowsOff(t *testing.T) {
	const text = "桂林市某局2015年部门预算\n2015年桂林市某局部门“三公”经费情况统计表 | ||\n? | 单位:万元 | |\n项 目 | 本年预算数 | 其中:公共预算财政拨款 |\n" +
		"合 计 | 34.35 | 34.35 |\n1.因公出国(境)费用 | 0 | 0 |\n2.公务接待费 | 1.70 | 1.70 |\n3.公务用车费 | 0 | 0 |\n其中:(1)公务用车运行维护费 | 32.65 | 32.65 |\n(2)公务用车购置 | 0 | 0 |\n"
	// the saved page as ingest reads it (its cells between "|" aligned)
	d := readText(t, text)
	of := map[float64]int{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			of[cl.Value]++
		}
	}
	if len(d.Claims) != 6 || of[343500] != 1 || of[326500] != 1 || of[17000] != 1 || of[0] != 3 {
		t.Errorf("table claims %+v", d.Claims)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(343500) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(17000) ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(326500) || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != 0 || tp.Vehicle != nil {
		t.Errorf("three public %+v", tp)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "one misprint") }) {
		t.Errorf("no warning of the misprint: %+v", d.Warnings)
	}
	// the 合计 off as well: two figures off, nothing read
	if d := readText(t, strings.Replace(text, "合 计 | 34.35 | 34.35 |", "合 计 | 34.53 | 34.53 |", 1)); d.ThreePublic != nil {
		t.Errorf("the 合计 off too: three public %+v", d.ThreePublic)
	}
	// a cell of the second column misprinted: that column fails apart
	d = readText(t, strings.Replace(text, "2.公务接待费 | 1.70 | 1.70 |", "2.公务接待费 | 1.70 | 1.79 |", 1))
	if n := len(d.Claims); n != 12 {
		t.Errorf("the second column misprinted: %d table claims, want 12: %+v", n, d.Claims)
	}
	fixed := strings.Replace(text, "3.公务用车费 | 0 | 0 |", "3.公务用车费 | 32.65 | 32.65 |", 1)
	if d := readText(t, fixed); len(d.Claims) != 0 {
		t.Errorf("a table that adds up: claims %+v", d.Claims)
	}
}

// A 三公 table of two columns, its rows each named (a part printed without
// a figure is 0, the sections after it no part of it): a cell misprinted
// in either column keeps that column's failing sums as table claims; the
// last digit of a part printed with one decimal is within its rounding.
func TestThreePublicNamedRowsColumns(t *testing.T) {
	const text = "2016年市某委财政拨款“三公”经费预算表\n金额单位:万元\n项目 2016年预算数\n小计 其中:一般公共预算安排数\n" +
		"一、“三公”经费合计 21.63 21.63\n(一)因公出国(境)费 单位不需填列 单位不需填列\n(二)公务接待费 14.83 14.83\n(三)公务用车费 6.8 6.8\n" +
		"      1.公务用车购置费    \n      2.公务用车运行维护费 6.8 6.8\n二、会议费 7.59 7.59\n三、培训费 15.86 15.86\n"
	for _, c := range []struct {
		from, to string
		lines    []int // the lines of the claims kept: the column's 合计 and parts
	}{
		{"", "", nil},
		{"接待费 14.83 14.83", "接待费 14.83 14.38", []int{5, 7, 8, 10}},
		{"合计 21.63 21.63", "合计 27.63 21.63", []int{5, 7, 8, 10}},
		{"运行维护费 6.8 6.8", "运行维护费 68.0 6.8", []int{5, 7, 8, 10}},
		{"接待费 14.83 14.83", "接待费 14.88 14.83", nil}, // 14.88 + 6.8 may be 21.63: 6.8 is 6.75 to 6.85
	} {
		d := extractLines(t, strings.Replace(text, c.from, c.to, 1))
		var lines []int
		for _, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable {
				lines = append(lines, cl.Line)
			}
		}
		slices.Sort(lines)
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%s → %s: table claims on lines %v, want %v", c.from, c.to, lines, c.lines)
		}
	}
}

// A 三公 table of named rows whose vehicles' subtotal is printed blank, its
// parts printing their figures, adds up by the parts: no claim.
func TestThreePublicNamedRowsBlankSubtotal(t *testing.T) {
	const text = "2016年市某委财政拨款“三公”经费预算表\n金额单位:万元\n项目 2016年预算数\n小计 其中:一般公共预算安排数\n" +
		"一、“三公”经费合计 21.63 21.63\n(一)因公出国(境)费 单位不需填列 单位不需填列\n(二)公务接待费 14.83 14.83\n(三)公务用车费\n" +
		"      1.公务用车购置费 0 0\n      2.公务用车运行维护费 6.80 6.80\n二、会议费 7.59 7.59\n"
	for _, s := range []string{text, strings.Replace(text, "接待费 14.83 14.83", "接待费 14.83 14.38", 1)} {
		d := extractLines(t, s)
		if claims := slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimTable }); claims != (s != text) {
			t.Errorf("table claims %v, want %v: %+v", claims, s != text, d.Claims)
		}
	}
}

// fiscalPairsText is a 财政拨款收支总表 in 元 as default mode prints 01's:
// the revenue's one source beside the first class, the header's 合计 and
// 一般公共预算 columns, then each class's 合计 and 一般公共预算 one after the
// other (its name printed after its amounts), the 支出总计's two, the 收入总计.
func fiscalPairsText(education string) string {
	cells := []string{"某区某街道2024年部门预算", "2024年部门财政拨款收支预算总表", "单位：元",
		"财政拨款收入", "项目", "一、一般公共预算资金", "财政拨款支出", "预算数", "项目",
		"1,000,000 一、一般公共服务支出", "合计", "一般公共预算", "300,000", "300,000",
		"二、教育支出", "250,000", education, "三、卫生健康支出", "150,000", "150,000",
		"四、住房保障支出", "300,000", "300,000", "1,000,000", "1,000,000", "收入总计", "1,000,000", "支出总计",
		"2024年部门一般公共预算支出功能分类预算表"}
	return strings.Join(cells, "\n\n") + "\n"
}

// A class's two amounts apart by one misprint (a digit: 280,000; a
// tenfold: 2,500,000) are kept, its 一般公共预算 against its 合计, naming
// the changed line; as printed, or apart by more (240,001), nothing is.
func TestFiscalPairs(t *testing.T) {
	for _, c := range []struct {
		education string
		want      bool
	}{{"250,000", false}, {"280,000", true}, {"2,500,000", true}, {"240,001", false}} {
		text := fiscalPairsText(c.education)
		line := slices.Index(strings.Split(text, "\n"), c.education) + 1
		broken := brokenSums(extractLines(t, text))
		switch {
		case !c.want && len(broken) > 0:
			t.Errorf("%s: failing sums %v", c.education, broken)
		case c.want && (len(broken) != 1 || !slices.Contains(broken[0], line)):
			t.Errorf("%s: failing sums %v, want the class's two with line %d", c.education, broken, line)
		}
	}
}

// A 三公 table whose header puts its 合计 before the funds it sums, the
// funds' columns left at 0 (a county's template unfilled), is read by its
// rows' labels from its 合计 column, where that column adds up (else that
// column's cells are kept as table claims); a header with another year's or
// kind's column is no such table.
func TestThreePublicFundsLeftZero(t *testing.T) {
	const text = "某县某联2017年度“三公”经费预算表\n表3\n单位名称:某县某联 单位:万元\n项目 2017年预算数合计 公共财政预算拨款 政府性基金预算拨款 国有资本经营预算拨款\n" +
		"一、支出合计 4.9 0 0 0\n1、因公出国(境)费用 0\n2、公务接待费 1.8\n3、公务用车费 3.1 0 0 0\n其中:(1)公务用车运行维护费 3.1\n(2)公务用车购置 0\n"
	tp := readText(t, text).ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(49000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(18000) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(31000) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(31000) {
		t.Errorf("three public %+v", tp)
	}
	// a cell misprinted: nothing read, the 合计 column's cells kept as
	// table claims that name it
	d := readText(t, strings.Replace(text, "2、公务接待费 1.8", "2、公务接待费 2.8", 1))
	if d.ThreePublic != nil || !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Kind == schema.ClaimTable && c.Value == 28000 }) {
		t.Errorf("misprinted: three public %+v, claims %+v", d.ThreePublic, d.Claims)
	}
	for h, want := range map[string]bool{
		"项目 2017年预算数合计 公共财政预算拨款 政府性基金预算拨款": true,
		"项目 2017年预算数 2016年决算数 合计 财政拨款":     false,
		"项目 合计": false,
	} {
		if got := fundsBeside(table{rows: []row{{name: h}, {name: "合计", vals: []token{{}}}}}); got != want {
			t.Errorf("%s: %v", h, got)
		}
	}
}
