package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// The amounts of a 政府采购支出预算表 read down the table are its tree where
// each total's parts run up to it: the 合计, its kinds, their subtotals,
// their purchases; printed in another order, or with another number of
// kinds, they read as none.
func TestPurchaseTree(t *testing.T) {
	a := []int64{150, 62, 32, 12, 20, 30, 30, 88, 51, 17, 34, 37, 37}
	want := []int{-1, 0, 1, 2, 2, 1, 5, 0, 7, 8, 8, 7, 11}
	if got := purchaseTree(a, 2, 0); !slices.Equal(got, want) {
		t.Errorf("tree = %v, want %v", got, want)
	}
	if got := purchaseTree(a, 3, 0); got != nil {
		t.Errorf("three kinds: tree = %v, want none", got)
	}
	scrambled := []int64{150, 62, 12, 20, 32, 30, 30, 88, 51, 17, 34, 37, 37} // a subtotal after its purchases
	if got := purchaseTree(scrambled, 2, 0); got != nil {
		t.Errorf("scrambled: tree = %v, want none", got)
	}
}

// purchaseText is a 政府采购支出预算表 as default mode prints it: the
// header and kind lines, then each amount on its own line beside a way of
// buying.
func purchaseText(kinds []string, amounts []string) string {
	lines := []string{"某省某院2019年部门预算", "政府采购支出预算表", "部门名称：某部门", "单位：万元", "采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计", "合计"}
	lines = append(lines, kinds...)
	for _, a := range amounts {
		lines = append(lines, "", a, "分散自行组织")
	}
	return strings.Join(append(lines, "注：1.采购组织形式为：集中采购、部门集中采购和分散采购。"), "\n")
}

// tableClaimCount counts the table claims of a document's text.
func tableClaimCount(text string, t *testing.T) int {
	n := 0
	for _, c := range extractLines(t, text).Claims {
		if c.Kind == schema.ClaimTable {
			n++
		}
	}
	return n
}

// A purchase table default mode printed row by row keeps its failing sums
// where one misprinted cell explains them, and those sums name the cell's
// line: a purchase (its subtotal fails) or a kind (the 合计 and the kind
// fail). As printed it keeps none; nor where two misprints would read as
// two trees, or where the rows are out of order.
func TestPurchaseSeqOneOff(t *testing.T) {
	kinds := []string{"一、货物A", "三、服务C"}
	printed := []string{"150.00", "62.00", "32.00", "12.00", "20.00", "30.00", "30.00", "88.00", "51.00", "17.00", "34.00", "37.00", "37.00"}
	if n := tableClaimCount(purchaseText(kinds, printed), t); n != 0 {
		t.Errorf("the table as printed gives %d table claims", n)
	}
	for _, c := range []struct {
		name     string
		cell     int
		to       string
		failures int
	}{
		{"a purchase", 9, "19.00", 1},
		{"a purchase tenfold", 3, "120.00", 1},
		{"a kind", 7, "83.00", 2},
		{"the 合计", 0, "159.00", 1},
	} {
		amounts := slices.Clone(printed)
		amounts[c.cell] = c.to
		text := purchaseText(kinds, amounts)
		line := slices.Index(strings.Split(text, "\n"), c.to) + 1
		broken := brokenSums(extractLines(t, text))
		if len(broken) != c.failures {
			t.Errorf("%s: failing sums %v, want %d", c.name, broken, c.failures)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%s: a failing sum without the changed cell's line %d: %v", c.name, line, b)
			}
		}
	}
	// 0.00 for 2.00 or 1.00 for 3.00: a subtotal of 2.00 or of 3.00
	ambiguous := []string{"29.00", "29.00", "1.00", "1.00", "0.00", "2.00", "26.00", "26.00"}
	if n := tableClaimCount(purchaseText(kinds[:1], ambiguous), t); n != 0 {
		t.Errorf("two readings: %d table claims", n)
	}
	scrambled := []string{"150.00", "62.00", "12.00", "20.00", "32.00", "30.00", "30.00", "88.00", "51.00", "19.00", "34.00", "37.00", "37.00"}
	if n := tableClaimCount(purchaseText(kinds, scrambled), t); n != 0 {
		t.Errorf("rows out of order: %d table claims", n)
	}
}

// Where default mode printed the rows after the first kind out of order,
// the first kind alone is read: a misprint in it keeps its failing sums,
// one after it nothing; as printed, nothing.
func TestPurchaseSeqFirstKind(t *testing.T) {
	kinds := []string{"一、货物A", "三、服务C"}
	printed := []string{"150.00", "62.00", "32.00", "12.00", "20.00", "30.00", "30.00", "88.00", "17.00", "51.00", "34.00", "37.00", "37.00"}
	if got := purchaseTree([]int64{150, 62, 32, 12, 20, 30, 30, 88, 17, 51, 34, 37, 37}, 2, 1); !slices.Equal(got, []int{-2, -1, 1, 2, 2, 1, 5, -2, -2, -2, -2, -2, -2}) {
		t.Errorf("first kind read as %v", got)
	}
	if n := tableClaimCount(purchaseText(kinds, printed), t); n != 0 {
		t.Errorf("the table as printed gives %d table claims", n)
	}
	for _, c := range []struct {
		cell int
		to   string
		want int // failing sums
	}{{4, "29.00", 1}, {2, "37.00", 2}, {10, "39.00", 0}} {
		amounts := slices.Clone(printed)
		amounts[c.cell] = c.to
		text := purchaseText(kinds, amounts)
		line := slices.Index(strings.Split(text, "\n"), c.to) + 1
		broken := brokenSums(extractLines(t, text))
		if len(broken) != c.want {
			t.Errorf("%s: failing sums %v, want %d", c.to, broken, c.want)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%s: a failing sum without the changed cell's line %d: %v", c.to, line, b)
			}
		}
	}
}

// Default mode may print the 总计 header with the column's first cells
// (the 合计 and the first kind) after the rest of their page: read with
// those first, the table keeps the failing sums of a misprint, and none
// as printed.
func TestPurchaseSeqHeaderCells(t *testing.T) {
	text := func(amounts []string) string {
		lines := []string{"某省某院2019年部门预算", "政府采购支出预算表", "部门名称：某部门", "单位：万元", "采购品目大类", "专项名称", "合计", "一、货物A", "三、服务C", "经济科目", "采购物品名称"}
		for _, a := range amounts[2:] {
			lines = append(lines, "", a, "分散自行组织")
		}
		lines = append(lines, "", "总计", amounts[0], amounts[1], "", "采购组织形式")
		return strings.Join(append(lines, "注：1.采购组织形式为：集中采购、部门集中采购和分散采购。"), "\n")
	}
	printed := []string{"150.00", "62.00", "32.00", "12.00", "20.00", "30.00", "30.00", "88.00", "17.00", "51.00", "34.00", "37.00", "37.00"}
	if n := tableClaimCount(text(printed), t); n != 0 {
		t.Errorf("the table as printed gives %d table claims", n)
	}
	amounts := slices.Clone(printed)
	amounts[3] = "19.00"
	changed := text(amounts)
	line := slices.Index(strings.Split(changed, "\n"), "19.00") + 1
	broken := brokenSums(extractLines(t, changed))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums %v, want one with the changed cell's line %d", broken, line)
	}
}

// The kinds that read as printed and the next are read where the rows of
// a later one are out of order: a misprint in the second kind keeps its
// failing sum.
func TestPurchaseSeqNextKind(t *testing.T) {
	kinds := []string{"一、货物A", "二、工程B", "三、服务C"}
	amounts := []string{"195.00", "62.00", "32.00", "12.00", "20.00", "30.00", "30.00", "45.00", "45.00", "46.00", "88.00", "17.00", "51.00", "34.00", "37.00", "37.00"}
	text := purchaseText(kinds, amounts)
	line := slices.Index(strings.Split(text, "\n"), "46.00") + 1
	broken := brokenSums(extractLines(t, text))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums %v, want one with the changed cell's line %d", broken, line)
	}
	amounts[9] = "45.00"
	if n := tableClaimCount(purchaseText(kinds, amounts), t); n != 0 {
		t.Errorf("the table as printed gives %d table claims", n)
	}
}

// levelsClaims lists a document's levels claims: line, then the whole's
// levels or the path of the whole.
func levelsClaims(d *schema.Document) []string {
	var out []string
	for _, c := range d.Claims {
		if c.Kind != schema.ClaimLevels {
			continue
		}
		if c.Of == "" {
			out = append(out, fmt.Sprint(c.Line, " levels ", c.Levels))
		} else {
			out = append(out, fmt.Sprint(c.Line, " of ", c.Of))
		}
	}
	return out
}

// A purchase table default mode printed out of order reads as no tree,
// but its kinds, subtotals and purchases each still add up to the 合计:
// all its amounts are four times the 合计, those printed after the note
// up to the page's end among them. As printed nothing is kept; with a cell
// changed every amount is a levels claim, the 合计 the whole; a swap of
// two rows keeps the sum, and nothing.
func TestPurchaseLevels(t *testing.T) {
	kinds := []string{"一、货物A", "三、服务C"}
	// a subtotal printed after its purchases, and the last purchase after
	// the note with the page's number, before the text's heading
	scrambled := []string{"150.00", "62.00", "12.00", "20.00", "32.00", "30.00", "30.00", "88.00", "51.00", "17.00", "34.00", "37.00"}
	text := func(amounts []string, last string) string {
		return purchaseText(kinds, amounts) + "\n\n18\n\n分散自行组织\n\n" + last + "\n\n第三部分 2019年度部门预算情况说明\n支出合计 150.00 万元，与上年相比增加 10.00 万元。\n"
	}
	if got := levelsClaims(extractLines(t, text(scrambled, "37.00"))); got != nil {
		t.Errorf("as printed: levels claims %q", got)
	}
	changed := slices.Clone(scrambled)
	changed[9] = "19.00"
	lines := strings.Split(text(changed, "37.00"), "\n")
	total, after := slices.Index(lines, "150.00")+1, 0 // the 合计's line, the cell's after the note
	for i, l := range lines {
		if l == "37.00" {
			after = i + 1
		}
	}
	got := levelsClaims(extractLines(t, strings.Join(lines, "\n")))
	whole := fmt.Sprintf(" of /tables/2/%d", total)
	if len(got) != 13 || got[0] != fmt.Sprint(total, " levels 3") || got[12] != fmt.Sprint(after)+whole {
		t.Errorf("a changed purchase: levels claims %q, want 13: the 合计 on line %d the whole, the last on line %d", got, total, after)
	}
	if got := levelsClaims(extractLines(t, text(scrambled, "47.00"))); len(got) != 13 {
		t.Errorf("the cell after the note changed: levels claims %q, want 13", got)
	}
	swapped := slices.Clone(scrambled)
	swapped[2], swapped[8] = swapped[8], swapped[2]
	if got := levelsClaims(extractLines(t, text(swapped, "37.00"))); got != nil {
		t.Errorf("two rows swapped: levels claims %q", got)
	}
}

// A 财政拨款收支总表 default mode printed, one total a side: each side's
// parts add up to its total, the totals are one, so all its amounts are
// four times the largest. A cell one misprint off keeps every amount as a
// levels claim; a sum further off (a cell of another table?) nothing, nor
// a table whose lines name a carried amount (its totals are of another
// kind).
func TestFiscalSides(t *testing.T) {
	table := func(cells ...string) string {
		return strings.Join([]string{"某省某院2019年部门预算", "财政拨款收支预算总表", "部门名称：某部门", "单位：万元", "收入", "支出",
			"项目名称", "金额", "一、一般公共预算", cells[0], "一、基本支出", cells[1], "二、项目支出", cells[2],
			"二、政府性基金预算", "收入合计", cells[3], "支出合计", cells[4], ""}, "\n")
	}
	if got := levelsClaims(extractLines(t, table("300.00", "200.00", "100.00", "300.00", "300.00"))); got != nil {
		t.Errorf("as printed: levels claims %q", got)
	}
	want := []string{"10 levels 3", "12 of /tables/2/10", "14 of /tables/2/10", "17 of /tables/2/10", "19 of /tables/2/10"}
	if got := levelsClaims(extractLines(t, table("300.00", "200.00", "180.00", "300.00", "300.00"))); !slices.Equal(got, want) {
		t.Errorf("a use misprinted: levels claims %q, want %q", got, want)
	}
	if got := levelsClaims(extractLines(t, table("300.00", "200.00", "157.00", "300.00", "300.00"))); got != nil {
		t.Errorf("two misprints: levels claims %q", got)
	}
	carried := strings.Replace(table("300.00", "200.00", "180.00", "300.00", "300.00"), "二、政府性基金预算", "上年结转", 1)
	if got := levelsClaims(extractLines(t, carried)); got != nil {
		t.Errorf("a carried amount named: levels claims %q", got)
	}
}

// Amounts of a table printed in its rows' order (layout text) with two
// near cells swapped read as the tree the swap changed back reads, where
// no misprint of one cell reads them; swaps of equal cells are none.
func TestSwappedPurchases(t *testing.T) {
	toksOf := func(a []int64) []token {
		var toks []token
		for i, v := range a {
			tok, ok := cellToken(fmt.Sprintf("%d.00", v), i+1)
			if !ok {
				t.Fatalf("cell %d", v)
			}
			toks = append(toks, tok)
		}
		return toks
	}
	printed := []int64{150, 62, 32, 12, 30, 20, 30, 88, 51, 17, 34, 37, 37} // 20 and 30 swapped
	want := []int{-1, 0, 1, 2, 2, 1, 5, 0, 7, 8, 8, 7, 11}
	if got := swappedPurchases(toksOf(printed), 2); !slices.Equal(got, want) {
		t.Errorf("tree = %v, want %v", got, want)
	}
	far := []int64{150, 62, 32, 17, 20, 30, 30, 88, 51, 12, 34, 37, 37} // 12 and 17 six cells apart
	if got := swappedPurchases(toksOf(far), 2); got != nil {
		t.Errorf("cells far apart: tree = %v, want none", got)
	}
}
