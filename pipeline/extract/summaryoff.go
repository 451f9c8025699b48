package extract

import (
	"slices"
	"strconv"

	"budgetpub/schema"
)

// A summary's cell off. A 收支总表 default mode scrambled is read by its
// sums (cells.go): every panel adds up to the table's total. One
// misprinted cell leaves no reading, and the table — and every figure of
// it — is left out with nothing naming the cell. Where changing one cell
// back by one misprint (a digit, or a tenfold: misprints) lets the cells
// be read, and exactly one such change does, the panels that the reading
// places whole and that hold the cell (every panel, when it is the total)
// are the document's sums that fail: each is kept as table claims, the
// total and the panel's cells as printed, which sum.table adds up; a copy
// of the total that no panel holds (当年支出小计, 支出合计) fails against
// the total. The table stays left out.

// summaryOffTries bounds the changed cells read, summaryOffSteps the
// steps of all their searches: a table that reaches either gives nothing.
const (
	summaryOffTries = 2000
	summaryOffSteps = 2 * panelSteps
)

// summaryOff keeps the failing panel sums of a summary whose cells do not
// read as printed (summaryCells, whose search took cost steps) but read
// with one cell changed back by one misprint, where every change that
// reads leaves the same sums failing.
func (b *builder) summaryOff(t table, lines, flat []string, cost int) {
	classes := b.codedClasses()
	if len(classes) == 0 || t.laid {
		return
	}
	items := tableCells(t, lines, flat, true)
	// each number cell's misprints changed back, and how many in all
	backs := make([][]int64, len(items))
	scales := make([]int, len(items))
	n := 0
	for i, it := range items {
		if tok, ok := cellToken(it.text, it.line); ok && isNumberCell(it.text) {
			backs[i], scales[i] = misprints(tok, tok.scale), tok.scale
			n += len(backs[i])
		}
	}
	// a search that cannot finish is not begun: each changed cell's
	// reading costs about what the printed one's did
	if n > summaryOffTries || n*cost > summaryOffSteps {
		return
	}
	steps := summaryOffSteps
	changed := slices.Clone(items)
	// the labels are found once: a change is to a number cell, printed as a
	// number again (mantText), and labels are found among the other cells
	labels := panelLabels(items)
	var kept []tableRow
	found := false
	for i, it := range items {
		for _, v := range backs[i] {
			changed[i].text = mantText(v, scales[i])
			rows, read := readCells(t, changed, labels, classes, &steps)
			if steps < 0 {
				return // not every change was tried
			}
			if rows == nil {
				continue
			}
			got := failingPanels(items, read, i)
			if len(got) == 0 {
				got = copiedTotal(items, changed, read, i)
			}
			if len(got) == 0 || found && !sameKept(got, kept) {
				return // a change that reads and names nothing, or other sums
			}
			kept, found = got, true
		}
		changed[i].text = it.text
	}
	b.keep(t, kept)
}

// failingPanels are the sums a reading with cell at changed says fail as
// printed: the total against each panel placed whole that holds the cell
// (every such panel, when the cell is the total), the cells as printed.
func failingPanels(items []cellItem, read cellsRead, at int) []tableRow {
	if read.total < 0 {
		return nil
	}
	total, _ := cellToken(items[read.total].text, items[read.total].line)
	var kept []tableRow
	for p, cells := range read.panels {
		if len(cells) == 0 || at != read.total && !slices.Contains(cells, at) {
			continue
		}
		whole := "cells:" + strconv.Itoa(p)
		kept = append(kept, tableRow{ref: whole, tok: total, line: total.line})
		for k, c := range cells {
			tok, _ := cellToken(items[c].text, items[c].line)
			kept = append(kept, tableRow{ref: whole + "/" + strconv.Itoa(k), of: whole, tok: tok, line: tok.line})
		}
	}
	return kept
}

// copiedTotal is the sum a reading with cell at changed says fails as
// printed where that cell, changed back, is a copy of the total (当年支出小计
// or 支出合计 printing the 收入合计 again) and no panel holds it: the total,
// and the copy as printed as its one part.
func copiedTotal(items, changed []cellItem, read cellsRead, at int) []tableRow {
	if read.total < 0 || read.total == at {
		return nil
	}
	total, _ := cellToken(items[read.total].text, items[read.total].line)
	back, _ := cellToken(changed[at].text, changed[at].line)
	if units(back) != units(total) {
		return nil
	}
	for _, cells := range read.panels {
		if slices.Contains(cells, at) {
			return nil
		}
	}
	copied, _ := cellToken(items[at].text, items[at].line)
	return []tableRow{{ref: "cells:total", tok: total, line: total.line},
		{ref: "cells:total/copy", of: "cells:total", tok: copied, line: copied.line}}
}

// mantText prints a mantissa at scale decimals as a cell would.
func mantText(m int64, scale int) string {
	neg := m < 0
	if neg {
		m = -m
	}
	s := strconv.FormatInt(m, 10)
	if scale > 0 {
		for len(s) <= scale {
			s = "0" + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// sumsOff keeps the failing sum of a default-mode 收支总表 whose other sums
// hold, where the reading is the document's: one sum of the same rows
// holds besides the one that fails (the totals balance and the sources or
// the uses add up, for the classes; the totals balance and the classes or
// the uses add up, for the sources; the sources or the classes add up to
// one of two totals that differ), the gap is more than the cells'
// rounding, and one misprint of one of its cells would close it (a reading
// that took a cell of another row would rarely miss by one digit or a
// tenfold). The total and its parts as printed are kept as table claims:
// sum.table adds them up, and each part the model holds too is compared
// with it (restate.table). Which cell is wrong is not said; the figures
// of the failing sum stay out of the model.
func (b *builder) sumsOff(t table, s summary) {
	rt, ok1 := s.toks["revenue"]
	et, ok2 := s.toks["expenditure"]
	if t.laid || !ok1 || !ok2 {
		return
	}
	classes := make([]tableRow, len(s.classToks))
	for i, c := range s.classToks {
		classes[i] = tableRow{ref: "class:" + s.classes[i].Code, tok: c}
	}
	_, whole := s.got["src:财政拨款"]
	var sources []tableRow
	for _, src := range revenueSources {
		if c, ok := s.toks["src:"+src.name]; ok && (src.partOf == "" || !whole) {
			sources = append(sources, tableRow{ref: "src:" + src.name, tok: c})
		}
	}
	adds := func(parts []tableRow, total token) bool {
		var sum schema.Money
		for _, p := range parts {
			sum += t.value(p.tok)
		}
		return len(parts) > 0 && sum == t.value(total)
	}
	switch {
	case !s.balanced:
		if adds(sources, rt) || adds(sources, et) || adds(classes, rt) || adds(classes, et) {
			b.keepOff(t, "balance", rt, []tableRow{{ref: "summary:expenditure", tok: et}})
		}
	case !s.classed && (s.sources || s.uses):
		if _, ok := s.got["carried_forward"]; ok && s.got["expenditure_current"].line == 0 {
			return // the classes add up to a current year not printed
		}
		base := et
		if c, ok := s.toks["expenditure_current"]; ok && s.got["expenditure_current"].line != 0 {
			base = c
		}
		b.keepOff(t, "classes", base, classes)
	case !s.sources && (s.classed || s.uses):
		base := rt
		if c, ok := s.toks["revenue_current"]; ok && s.got["revenue_current"].line != 0 {
			base = c
		}
		b.keepOff(t, "sources", base, sources)
	}
}

// keepOff keeps a summary's failing sum, its total and its parts, as table
// claims where the gap is more than the cells' rounding and one misprint
// of one cell closes it.
func (b *builder) keepOff(t table, sum string, total token, parts []tableRow) {
	if len(parts) == 0 {
		return
	}
	cells := []token{total}
	gap, units := -t.value(total), t.value(token{mant: 1, scale: total.scale})
	for _, p := range parts {
		cells = append(cells, p.tok)
		gap += t.value(p.tok)
		units += t.value(token{mant: 1, scale: p.tok.scale})
	}
	if 2*max(gap, -gap) <= units || !oneMisprintOff(t, cells, gap) {
		return // the rounding explains it, or no one misprint does
	}
	ref := "summary:sum:" + sum
	rows := []tableRow{{ref: ref, tok: total, line: total.line}}
	for _, p := range parts {
		p.of, p.line = ref, p.tok.line
		rows = append(rows, p)
	}
	b.keep(t, rows)
}

// oneMisprintOff tells whether changing one of cells (the total first, then
// its parts) back by one misprint closes the gap by which the parts exceed
// the total.
func oneMisprintOff(t table, cells []token, gap schema.Money) bool {
	for i, c := range cells {
		for _, m := range misprints(c, c.scale) {
			back := t.value(token{mant: m, scale: c.scale})
			if i == 0 && back-t.value(c) == gap || i > 0 && t.value(c)-back == gap {
				return true
			}
		}
	}
	return false
}
