package extract

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Purchases. Jiangsu's 政府采购支出预算表 lists each purchase under the
// special fund and economic class that pay for it (专项名称, 经济科目),
// those under their kind (一、货物 A, 二、工程 B, 三、服务 C), the kinds under
// the 合计: a purchase's line names how it is bought (政府集中采购, 分散自行
// 组织 …), a line with an amount that names no way of buying is the
// subtotal of the purchases below it. Each subtotal is the sum of its
// purchases, each kind of its subtotals, the 合计 of the kinds. Read from
// text that keeps its columns, where at least three of those sums hold,
// more than fail, and one to four fail (a changed purchase breaks its
// subtotal, a changed subtotal its own sum and its kind's), the failing
// sums are the document's and are kept as table claims (sum.table).

// buyingWays are the words of the 采购组织形式 column.
var buyingWays = []string{"政府集中采购", "部门集中采购", "分散自行组织", "分散采购", "集中采购", "自行采购", "委托代理"}

// purchaseSums checks the sums of a 政府采购支出预算表 with a line per
// purchase (purchaseSeq those of one default mode printed).
func (b *builder) purchaseSums(t table, lines, flat []string) {
	if !t.laid {
		b.purchaseSeq(t, lines, flat)
		return
	}
	header := -1
	for i := t.line; i < t.end && i < t.line+8; i++ {
		if strings.Contains(flat[i], "采购物品") || strings.Contains(flat[i], "采购组织形") {
			header = i
			break
		}
	}
	if header < 0 {
		return
	}
	if !b.purchaseLines(t, lines, flat, header) {
		b.purchaseSeq(t, lines, flat)
	}
}

// purchaseLines reads a 政府采购支出预算表 of text that keeps its columns
// line by line (see above), its failing sums kept; false where its lines
// do not read as the tree, or where sums fail that it does not keep: a
// way of buying wrapped over two lines ("分散自行组" / "织") leaves a
// purchase's line naming none, read as a subtotal. The amounts are then
// read in their order (purchaseSeq), as default mode's are: layout text
// prints them in the table's order too.
func (b *builder) purchaseLines(t table, lines, flat []string, header int) bool {
	var nodes []purchaseNode
	total, kind, sub := -1, -1, -1
	for i := header + 1; i < t.end; i++ {
		if purchasesEnd(flat[i]) {
			break
		}
		var amount []token
		for _, c := range cellsOf(lines[i]) {
			if isNumberCell(c) && strings.Contains(c, ".") {
				if tok, ok := cellToken(c, i+1); ok {
					amount = append(amount, tok)
				}
			}
		}
		switch {
		case len(amount) == 0:
			continue
		case len(amount) > 1:
			return false // not a line per purchase
		}
		n := len(nodes)
		nodes = append(nodes, purchaseNode{tok: amount[0]})
		add := func(parent int) bool {
			if parent < 0 {
				return false
			}
			nodes[parent].children = append(nodes[parent].children, n)
			return true
		}
		c := flat[i]
		switch {
		case strings.HasPrefix(c, "合计") || strings.HasPrefix(c, "总计"):
			if total >= 0 {
				return false
			}
			total = n
		case startsItem(c) && containsAny(c, kindWords):
			kind, sub = n, -1
			if !add(total) {
				return false
			}
		case containsAny(c, buyingWays):
			if !add(sub) && !add(kind) {
				return false
			}
		default:
			sub = n
			if !add(kind) {
				return false
			}
		}
	}
	kept := failingPurchases(t, nodes, false)
	b.keepTable(t, kept)
	return len(kept) > 0 || allHold(t, nodes)
}

// allHold tells a tree of purchases whose every sum holds.
func allHold(t table, nodes []purchaseNode) bool {
	for i, n := range nodes {
		if len(n.children) > 0 && partsSum(t, nodes, i) != t.value(n.tok) {
			return false
		}
	}
	return true
}

// partsSum adds up the parts of node i of a tree of purchases.
func partsSum(t table, nodes []purchaseNode, i int) schema.Money {
	var sum schema.Money
	for _, c := range nodes[i].children {
		sum += t.value(nodes[c].tok)
	}
	return sum
}

// purchasesEnd tells a line that ends a 政府采购支出预算表: a note, or the
// text after the table (a 单位 line heads its next page).
func purchasesEnd(c string) bool {
	return endsTable(c) || strings.ContainsAny(c, "。%") || strings.Contains(c, "万元") && !strings.Contains(c, "单位") || strings.HasPrefix(c, "第") && strings.Contains(c, "部分")
}

// purchaseNode is a line of a 政府采购支出预算表 with an amount: the 合计,
// a kind, a subtotal or a purchase, with the lines whose sum it is.
type purchaseNode struct {
	tok      token
	children []int
}

// failingPurchases are the cells of the failing sums of a tree of
// purchases (each failing total and its parts), where one to four fail
// and at least three sums hold, more than fail; nil otherwise. A tree
// its sums placed with one cell changed back (fixed, purchaseSeq) holds
// all of them so: three sums at least will do.
func failingPurchases(t table, nodes []purchaseNode, fixed bool) []tableRow {
	holds := 0
	var fails []int
	for i, n := range nodes {
		if len(n.children) == 0 {
			continue
		}
		switch v := t.value(n.tok); {
		case partsSum(t, nodes, i) != v:
			fails = append(fails, i)
		case v != 0:
			holds++
		}
	}
	switch {
	case len(fails) == 0 || len(fails) > 4:
		return nil
	case fixed && holds+len(fails) < 3:
		return nil
	case !fixed && (holds < 3 || holds <= len(fails)):
		return nil
	}
	ref := func(i int) string { return "purchase:" + strconv.Itoa(nodes[i].tok.line) }
	var kept []tableRow
	in := map[int]bool{}
	for _, i := range fails {
		if !in[i] {
			in[i] = true
			kept = append(kept, tableRow{ref: ref(i), tok: nodes[i].tok, line: nodes[i].tok.line})
		}
		for _, c := range nodes[i].children {
			if !in[c] {
				in[c] = true
				kept = append(kept, tableRow{ref: ref(c), of: ref(i), tok: nodes[c].tok, line: nodes[c].tok.line})
			}
		}
	}
	return kept
}
