package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpub/schema"
)

// sparesBudget is a 基本支出 table as default mode prints it: one cell a
// line, the amounts of 30103 and 30108 printed after the last row's own;
// with operating, a 机关运行经费 table after it, its 邮电费 printed
// operatingPower.
func sparesBudget(operating bool, operatingPower string) string {
	cells := []string{"江苏省某厅2019年部门预算", "财政拨款基本支出预算表", "部门名称：江苏省某厅", "单位：万元",
		"科目编码", "科目名称", "合计", "金额", "180.00",
		"301", "工资福利支出", "60.00",
		"30101", "基本工资", "10.00",
		"30102", "津贴补贴", "20.00",
		"30103", "奖金",
		"30108", "机关事业单位基本养老保险缴费",
		"302", "商品和服务支出", "60.00",
		"30201", "办公费", "15.00",
		"30205", "水费", "25.00",
		"30206", "电费", "10.00",
		"30207", "邮电费", "10.00",
		"303", "对个人和家庭的补助", "50.00",
		"30301", "离休费", "30.00",
		"30302", "退休费", "20.00",
		"310", "资本性支出", "10.00",
		"31002", "办公设备购置", "10.00", "25.00", "5.00",
		"注：“科目编码”和“科目名称”为必填项。"}
	if operating {
		cells = append(cells, "一般公共预算机关运行经费支出预算表", "部门名称：江苏省某厅", "单位：万元",
			"科目编码", "科目名称", "机关运行经费支出", "合计", "60.00",
			"302", "商品和服务支出", "60.00",
			"30201", "办公费", "15.00",
			"30205", "水费", "25.00",
			"30206", "电费", "10.00",
			"30207", "邮电费", operatingPower)
	}
	return strings.Join(cells, "\n\n") + "\n"
}

// A misprinted item is named where another class's items were printed
// away from their rows: the values left over after the last row (25.00
// and 5.00), put back on the two rows without one in either order, make
// 工资福利支出's sum hold, so five sums take part and the one that fails is
// kept as table claims naming the changed line — 办公费 16.00 under 商品和
// 服务支出 60.00, or 基本工资 11.00 under 工资福利支出 itself, whose sum
// takes the two values in either order alike. As printed, every sum holds
// in either order, and the table gives no claim.
func TestSparesNameMisprint(t *testing.T) {
	if d := extractLines(t, sparesBudget(false, "")); len(brokenSums(d)) > 0 {
		t.Fatalf("the table as printed gives failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct{ from, to string }{{"办公费\n\n15.00", "办公费\n\n16.00"}, {"基本工资\n\n10.00", "基本工资\n\n11.00"}} {
		text := strings.Replace(sparesBudget(false, ""), c.from, c.to, 1)
		line := slices.Index(strings.Split(text, "\n"), c.to[len(c.to)-5:]) + 1
		d := extractLines(t, text)
		broken := brokenSums(d)
		if len(broken) != 1 || !slices.Contains(broken[0], line) {
			t.Errorf("%s: failing sums = %v, want its class's with line %d: %+v", c.to, broken, line, d.Claims)
		}
	}
}

// The values left over are tried in every order: printed out of their
// rows' order (办公费's 15.00 first), they add up one way, and the table
// gives no claim — the order printed would break two sums.
func TestSparesAnyOrder(t *testing.T) {
	text := strings.Replace(sparesBudget(false, ""), "办公费\n\n15.00\n\n", "办公费\n\n", 1)
	text = strings.Replace(text, "10.00\n\n25.00\n\n5.00\n\n注", "10.00\n\n15.00\n\n5.00\n\n25.00\n\n注", 1)
	if !strings.Contains(text, "15.00\n\n5.00\n\n25.00") {
		t.Fatal("the fixture did not change")
	}
	if d := extractLines(t, text); len(brokenSums(d)) > 0 {
		t.Errorf("the table that adds up in one order gives failing sums: %v", brokenSums(d))
	}
}

// A 机关运行经费 table copies the 基本支出 table's 商品和服务支出: a cell
// misprinted in it (邮电费 11.00 for 10.00) breaks its own tree, and the
// basic table's adds up only with its values left over put back — enough
// for the two to be copies, and the row that differs is kept on both
// lines. As printed, the copies agree and give no claim.
func TestSparesCopies(t *testing.T) {
	if d := extractLines(t, sparesBudget(true, "10.00")); len(d.Claims) > 0 {
		t.Fatalf("the tables as printed give claims: %+v", d.Claims)
	}
	text := sparesBudget(true, "11.00")
	lines := strings.Split(text, "\n")
	line := len(lines)
	for lines[line-1] != "11.00" {
		line--
	}
	d := extractLines(t, text)
	var got []string
	for _, c := range d.Claims {
		got = append(got, c.Path+" "+strconv.FormatFloat(c.Value, 'f', -1, 64)+" line "+strconv.Itoa(c.Line))
	}
	if len(d.Claims) != 2 || d.Claims[0].Path != d.Claims[1].Path || !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Line == line && c.Value == 110000 }) {
		t.Errorf("claims = %v, want 邮电费 on one path from both tables, 110000 on line %d", got, line)
	}
}

// A 类 whose value default mode printed after the last row (商品和服务支出's
// 60.00, put back by its items' sum) still tells that the two tables hold
// the same money under it: the 机关运行经费 table's misprinted 邮电费 is kept
// on both lines as before.
func TestSparesCopiesLateClass(t *testing.T) {
	late := func(power string) string {
		text := strings.Replace(sparesBudget(true, power), "商品和服务支出\n\n60.00\n\n30201", "商品和服务支出\n\n30201", 1)
		return strings.Replace(text, "10.00\n\n25.00\n\n5.00\n\n注", "10.00\n\n25.00\n\n5.00\n\n60.00\n\n注", 1)
	}
	if !strings.Contains(late("10.00"), "5.00\n\n60.00\n\n注") {
		t.Fatal("the fixture did not change")
	}
	if d := extractLines(t, late("10.00")); len(d.Claims) > 0 {
		t.Fatalf("the tables as printed give claims: %+v", d.Claims)
	}
	d := extractLines(t, late("11.00"))
	if len(d.Claims) != 2 || d.Claims[0].Path != d.Claims[1].Path || !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Value == 110000 }) {
		t.Errorf("claims = %+v, want 邮电费 on one path from both tables", d.Claims)
	}
}

// A table whose only value printed away is its 类's (商品和服务支出's 60.00
// after the last row, put back by its items' sum) adds up as read, and is
// a copy for the 机关运行经费 table whose 邮电费 is misprinted.
func TestSparesCopiesLateClassHolds(t *testing.T) {
	late := func(power string) string {
		text := sparesBudget(true, power)
		for _, r := range [][2]string{{"商品和服务支出\n\n60.00\n\n30201", "商品和服务支出\n\n30201"}, {"奖金\n\n", "奖金\n\n25.00\n\n"},
			{"缴费\n\n", "缴费\n\n5.00\n\n"}, {"10.00\n\n25.00\n\n5.00\n\n注", "10.00\n\n60.00\n\n注"}} {
			if !strings.Contains(text, r[0]) {
				t.Fatalf("the fixture has no %q", r[0])
			}
			text = strings.Replace(text, r[0], r[1], 1)
		}
		return text
	}
	if d := extractLines(t, late("10.00")); len(d.Claims) > 0 {
		t.Fatalf("the tables as printed give claims: %+v", d.Claims)
	}
	d := extractLines(t, late("11.00"))
	if len(d.Claims) != 2 || d.Claims[0].Path != d.Claims[1].Path || !slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Value == 110000 }) {
		t.Errorf("claims = %+v, want 邮电费 on one path from both tables", d.Claims)
	}
}
