package extract

import (
	"slices"
	"strings"
	"testing"
)

// sparesBudget is a 基本支出 table as default mode prints it: one cell a
// line, the amounts of 30103 and 30108 printed after the last row's own.
func sparesBudget() string {
	cells := []string{"江苏省某厅2019年部门预算", "财政拨款基本支出预算表", "部门名称：江苏省某厅", "单位：万元",
		"科目编码", "科目名称", "合计", "金额", "160.00",
		"301", "工资福利支出", "60.00",
		"30101", "基本工资", "10.00",
		"30102", "津贴补贴", "20.00",
		"30103", "奖金",
		"30108", "机关事业单位基本养老保险缴费",
		"302", "商品和服务支出", "40.00",
		"30201", "办公费", "15.00",
		"30205", "水费", "25.00",
		"303", "对个人和家庭的补助", "50.00",
		"30301", "离休费", "30.00",
		"30302", "退休费", "20.00",
		"310", "资本性支出", "10.00",
		"31002", "办公设备购置", "10.00", "25.00", "5.00",
		"注：“科目编码”和“科目名称”为必填项。"}
	return strings.Join(cells, "\n\n") + "\n"
}

// A misprinted item is named where another class's items were printed
// away from their rows: the values left over after the last row (25.00
// and 5.00), put back on the two rows without one in either order, make
// 工资福利支出's sum hold, so five sums take part and the one that fails is
// kept as table claims naming the changed line — 办公费 16.00 under 商品和
// 服务支出 40.00, or 基本工资 11.00 under 工资福利支出 itself, whose sum
// takes the two values in either order alike. As printed, every sum holds
// in either order, and the table gives no claim.
func TestSparesNameMisprint(t *testing.T) {
	if d := extractLines(t, sparesBudget()); len(brokenSums(d)) > 0 {
		t.Fatalf("the table as printed gives failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct{ from, to string }{{"办公费\n\n15.00", "办公费\n\n16.00"}, {"基本工资\n\n10.00", "基本工资\n\n11.00"}} {
		text := strings.Replace(sparesBudget(), c.from, c.to, 1)
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
	text := strings.Replace(sparesBudget(), "办公费\n\n15.00\n\n", "办公费\n\n", 1)
	text = strings.Replace(text, "10.00\n\n25.00\n\n5.00\n\n注", "10.00\n\n15.00\n\n5.00\n\n25.00\n\n注", 1)
	if !strings.Contains(text, "15.00\n\n5.00\n\n25.00") {
		t.Fatal("the fixture did not change")
	}
	if d := extractLines(t, text); len(brokenSums(d)) > 0 {
		t.Errorf("the table that adds up in one order gives failing sums: %v", brokenSums(d))
	}
}
