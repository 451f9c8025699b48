package extract

import (
	"fmt"
	"strings"

	"budgetpub/schema"
)

// The 决算 template's 政府采购情况表 prints the planned (采购计划金额) and the
// actual (实际采购金额) procurement side by side, each a block of six
// columns: 总计, 采购预算(财政性资金) 合计, its 一般公共预算, 政府性基金预算
// and 其他资金, then 非财政性资金 — the 总计 the sum of 合计 and 非财政性资金,
// the 合计 the sum of its three parts. Text that drops blank cells loses
// which column a cell was in; plannedActual places a row's cells on the two
// blocks every way that keeps their order, and keeps the actual 总计 only
// when every placement in which both blocks add up gives the same one.

// procurementBlock are the words a header names twice, once per block.
var procurementBlock = []string{"总计", "非财政性资金", "一般公共预算", "政府性基金预算", "其他资金"}

// blockColumns is the width of a block.
const blockColumns = 6

// blockAddsUp tells six cells of a block that add up.
func blockAddsUp(c [blockColumns]schema.Money) bool {
	return c[0] == c[1]+c[5] && c[1] == c[2]+c[3]+c[4]
}

// actualTotal is the actual 总计 a row's printed cells give (in fen, with
// the cell it was printed in, the row's own line when blank): ok when the
// placements that add up give one, n the number of those placements.
func actualTotal(t table, r row) (total cell, n int, ok bool) {
	vals := make([]schema.Money, len(r.vals))
	for i, v := range r.vals {
		vals[i] = t.value(v)
	}
	seen := map[schema.Money]bool{}
	for split := max(0, len(vals)-blockColumns); split <= min(len(vals), blockColumns); split++ {
		if blockPlacements(vals[:split], func([blockColumns]schema.Money, int) {}) == 0 {
			continue
		}
		n += blockPlacements(vals[split:], func(c [blockColumns]schema.Money, first int) {
			line := r.line
			if first == 0 && c[0] != 0 {
				line = r.vals[split].line
			}
			seen[c[0]], total = true, cell{c[0], line}
		})
	}
	return total, n, len(seen) == 1
}

// blockPlacements calls found with each placement of cells, in order, on a
// block's columns (the others blank) that adds up, and the column of its
// first cell; it returns how many there were.
func blockPlacements(cells []schema.Money, found func(c [blockColumns]schema.Money, first int)) int {
	n := 0
	var place func(k, col int, c [blockColumns]schema.Money, first int)
	place = func(k, col int, c [blockColumns]schema.Money, first int) {
		if k == len(cells) {
			if blockAddsUp(c) {
				n++
				found(c, first)
			}
			return
		}
		for j := col; j <= blockColumns-(len(cells)-k); j++ {
			c2 := c
			c2[j] = cells[k]
			if k == 0 {
				first = j
			}
			place(k+1, j+1, c2, first)
		}
	}
	place(0, 0, [blockColumns]schema.Money{}, 0)
	return n
}

// plannedActual reads the actual procurement of a 政府采购情况表 whose
// header h names the two blocks: the 合计 row's actual 总计, and each kind's
// (货物, 工程, 服务) where every kind printed gives one and they add up to
// it.
func (b *builder) plannedActual(t table, h string) {
	for _, w := range procurementBlock {
		if strings.Count(h, w) < 2 {
			b.warnTable(t, "planned and actual procurement side by side (采购计划金额, 实际采购金额), its header not the template's two blocks of six columns: which figure is the actual one is not known, the table is not used")
			return
		}
	}
	var total *cell
	parts := map[string]cell{}
	partsOK := true
	for _, r := range t.rows {
		name := rowName(r.name)
		kind := ""
		for k, prefix := range kindWords {
			if strings.HasPrefix(name, prefix) {
				kind = kindFields[k]
			}
		}
		switch {
		case len(r.vals) == 0 || kind == "" && !isTotal(name):
		case isTotal(name) && total == nil:
			c, n, ok := actualTotal(t, r)
			if !ok {
				b.warnTable(t, fmt.Sprintf("planned and actual procurement side by side (采购计划金额, 实际采购金额): the 合计 row's %d cells place on the two blocks of six columns in %d ways that add up, not with one actual 总计: the table is not used", len(r.vals), n))
				return
			}
			total = &c
		case kind != "" && total != nil:
			c, _, ok := actualTotal(t, r)
			if _, twice := parts[kind]; twice || !ok {
				partsOK = false
			}
			parts[kind] = c
		}
	}
	if total == nil {
		b.warnTable(t, "planned and actual procurement side by side (采购计划金额, 实际采购金额), and no 合计 row with figures: the table is not used")
		return
	}
	pr := b.procurementTotal(total.v, total.line)
	var sum schema.Money
	for _, c := range parts {
		sum += c.v
	}
	if !partsOK || sum != total.v {
		if len(parts) > 0 {
			b.warnTable(t, "the actual procurement of goods, works and services is not placed on one reading that adds up to the 合计: kinds not used")
		}
		return
	}
	for _, k := range procurementParts(pr) {
		if c, ok := parts[k.field]; ok {
			b.setTable("/procurement", k.field, k.dst, c.v, c.line)
		}
	}
}

// procurementTotal sets the procurement's amount from a table's 合计 (a
// claim where the text already gave one) and returns the procurement.
func (b *builder) procurementTotal(v schema.Money, line int) *schema.Procurement {
	pr := b.doc.Procurement
	var have *schema.Money
	if pr != nil {
		have = &pr.Amount
	} else {
		pr = &schema.Procurement{}
		b.doc.Procurement = pr
	}
	b.setTable("/procurement", "/amount", &have, v, line)
	pr.Amount = *have
	return pr
}
