package extract

import (
	"fmt"
	"slices"
	"strings"

	"budgetpub/schema"
)

// Tables of a header shape printed a cell a line with their blank cells
// dropped (pdftotext's default mode, a converter that skips empty cells).
// The codes and names start the rows: a row is its codes (a 类 of three
// digits, then a 款 and a 项 of two: 201 06 01; or the code whole), its
// name and the figures after it. Which columns a row's figures stand in
// the sums tell: each row's sum column is the sum of its others (a row's
// figures in order, its blank cells 0), and the 类 rows add up to the 合计
// row column by column. Every placement of the 合计 row's and the 类 rows'
// figures that satisfies both is a reading; the table is read where every
// reading places the 合计 row's figures alike (the 类 rows' cells where
// every reading places them alike too), and left out otherwise.

// droppedRow is a row of such a table: its code, name and figures.
type droppedRow struct {
	code, name string
	line       int
	vals       []token
}

// maxReadings bounds the placements tried (their product over the rows).
const maxReadings = 1 << 14

// droppedGrid reads the cells of a table of shape tpl from its header's
// first cell, blank cells dropped; why as cellGrid's. Where its sums leave
// more than one placement of its 合计 row, the figures the model already
// holds for its columns' totals (known, by the shape's column; nil, or nil
// for a column, where none) decide: the 合计 row's placed figures must be
// them, a column whose total is 0 holds no figure but 0.
func droppedGrid(t table, tpl *template, cells []gridCell, known func(col int) *schema.Money) (g grid, why string) {
	// the first row: the first name a figure follows (栏次 and its
	// numbers are the header's, and so is a column's label that the first
	// row's code follows: 公用经费 | 301), with the codes before it
	first := -1
	for k := 0; k+1 < len(cells) && first < 0; k++ {
		n, next := cells[k].text, cells[k+1].text
		label := cellHead(tpl, n) == headColumn && !totalLabel(n) && codeLike(next)
		if n != "" && n != "栏次" && !isNumberCell(n) && isNumberCell(next) && cellHead(tpl, n) != headRow && !label {
			first = k - codeRun(cells[:k])
		}
	}
	if first < 0 {
		return g, "-"
	}
	for _, c := range cells[:first] {
		switch h := cellHead(tpl, c.text); {
		case h == headColumn:
			g.cols = append(g.cols, headerColumn{label: c.text, col: matchColumn(tpl, c.text)})
		case h == headRow, c.text == "栏次", c.text == "", isNumberCell(c.text):
		default:
			return g, "its header names " + c.text + ", which its shape does not know, and its blank cells are dropped: not read"
		}
	}
	seen := map[int]bool{}
	for _, h := range g.cols {
		if seen[h.col] {
			return g, "its header names the column " + h.label + " twice: not used"
		}
		seen[h.col] = true
	}
	sum := slices.IndexFunc(g.cols, func(h headerColumn) bool { return tpl.columns[h.col].sum })
	if cellHeadOver(tpl, g.cols) || sum < 0 || slices.ContainsFunc(g.cols[sum+1:], func(h headerColumn) bool { return tpl.columns[h.col].sum }) || len(g.cols) < 2 && !tpl.coded() {
		return g, "its header does not name the template's columns (a sum column and its parts, no heading over columns): not read"
	}
	rows, ok := droppedRows(cells[first:])
	if !ok {
		return g, "its rows, blank cells dropped, do not each open with a code or a name: not read"
	}
	total := slices.IndexFunc(rows, func(r droppedRow) bool { return r.code == "" && totalLabel(r.name) })
	if total < 0 {
		return g, "no 合计 row found under its header: not used"
	}
	var classes []int
	for k, r := range rows {
		if tpl.classRow(r.code) {
			classes = append(classes, k)
		}
	}
	g.placing = true
	placed, why := placeDropped(t, rows, total, classes, len(g.cols), sum, nil)
	if why == ambiguousPlacing || why == tooManyPlacings {
		if kn := columnTotals(g.cols, known); kn != nil {
			if p, w := placeDropped(t, rows, total, classes, len(g.cols), sum, kn); w == "" {
				placed, why = p, ""
			}
		}
	}
	if why != "" {
		return g, why
	}
	for k, r := range rows {
		gr := gridRow{name: r.name, code: r.code, line: r.line, vals: r.vals}
		if p, ok := placed[k]; ok {
			gr.cells = make([]*token, len(g.cols))
			for i, c := range p {
				gr.cells[c] = &gr.vals[i]
			}
		}
		g.rows = append(g.rows, gr)
	}
	return g, ""
}

// codeRun is the number of cells at the end of cells that are a row's
// codes: a 类 (three digits) and a 款 and a 项 (two), or a code whole (3,
// 5 or 7 digits).
func codeRun(cells []gridCell) int {
	for n := min(3, len(cells)); n > 0; n-- {
		run := cells[len(cells)-n:]
		ok := true
		for i, c := range run {
			switch {
			case strings.Trim(c.text, "0123456789") != "" || c.text == "":
				ok = false
			case i == 0 && n == 1:
				ok = ok && codeLike(c.text)
			case i == 0:
				ok = ok && len(c.text) == 3
			default:
				ok = ok && len(c.text) == 2
			}
		}
		if ok {
			return n
		}
	}
	return 0
}

// droppedRows cuts cells into rows: each its codes, a name and the
// figures after it up to the next row's codes. ok is false where a cell
// is blank, or a row's cells before its name are no codes.
func droppedRows(cells []gridCell) (rows []droppedRow, ok bool) {
	for k := 0; k < len(cells); {
		name := k
		for name < len(cells) && isNumberCell(cells[name].text) {
			name++
		}
		if name == len(cells) || cells[name].text == "" || codeRun(cells[k:name]) != name-k {
			return nil, false
		}
		r := droppedRow{name: cells[name].text, line: cells[name].line}
		for _, c := range cells[k:name] {
			r.code += c.text
		}
		k = name + 1
		end := k
		for end < len(cells) && isNumberCell(cells[end].text) {
			end++
		}
		if end < len(cells) { // the next row's codes
			end -= codeRun(cells[k:end])
		}
		for ; k < end; k++ {
			tok, ok := cellToken(cells[k].text, cells[k].line)
			if !ok {
				return nil, false
			}
			r.vals = append(r.vals, tok)
		}
		rows = append(rows, r)
	}
	return rows, len(rows) >= 2
}

// columnTotals is known by the grid's columns, nil where it knows none.
func columnTotals(cols []headerColumn, known func(col int) *schema.Money) []*schema.Money {
	if known == nil {
		return nil
	}
	kn := make([]*schema.Money, len(cols))
	some := false
	for i, h := range cols {
		if h.col >= 0 {
			kn[i] = known(h.col)
			some = some || kn[i] != nil
		}
	}
	if !some {
		return nil
	}
	return kn
}

// Why placeDropped leaves a table unread for its placements' number.
var (
	tooManyPlacings  = fmt.Sprintf("its figures, blank cells dropped, could stand in more columns than can be told apart (over %d placements of its 合计 and 类 rows add up row by row): not read", maxReadings)
	ambiguousPlacing = "its figures, blank cells dropped, add up in more than one placement of its 合计 row, or in none: not read"
)

// placeDropped places the figures of the 合计 row (rows[total]) and the
// 类 rows (rows[classes]) in a table of cols value columns whose sum column
// is sum: every placement in order where each row's sum column is the sum
// of its others and the 类 rows add up to the 合计 row, column by column.
// placed holds the placement of each of those rows every reading gives
// alike; the 合计 row's must be one, or why says so. known (nil, or nil
// for a column) are the columns' totals the model holds: the 合计 row's
// figure in such a column is it (0 where none stands there), and no row
// places a figure but 0 in a column whose total is 0.
func placeDropped(t table, rows []droppedRow, total int, classes []int, cols, sum int, known []*schema.Money) (placed map[int][]int, why string) {
	at := append([]int{total}, classes...)
	choices := make([][][]int, len(at)) // each row's placements that add up
	ways := 1
	for i, k := range at {
		for _, p := range orderedChoices(cols, len(rows[k].vals)) {
			if (cols == 1 || sumRowAdds(t, rows[k].vals, p, sum)) && knownHold(t, rows[k].vals, p, known, i == 0) { // one column is its own sum
				choices[i] = append(choices[i], p)
			}
		}
		switch ways *= len(choices[i]); {
		case ways == 0:
			return nil, "its row " + strings.TrimSpace(rows[k].code+" "+rows[k].name) + " adds up in no placement of its figures, blank cells dropped: not read"
		case ways > maxReadings:
			return nil, tooManyPlacings
		}
	}
	var agreed [][]int // each row's placement, nil once two readings differ
	readings := 0
	pick := make([]int, len(at))
	for n := 0; n < ways; n++ {
		for i, m := 0, n; i < len(at); i++ {
			pick[i], m = m%len(choices[i]), m/len(choices[i])
		}
		if !classesAdd(t, rows, at, choices, pick, cols) {
			continue
		}
		readings++
		if agreed == nil {
			agreed = make([][]int, len(at))
			for i := range at {
				agreed[i] = choices[i][pick[i]]
			}
			continue
		}
		for i := range at {
			if agreed[i] != nil && !slices.Equal(agreed[i], choices[i][pick[i]]) {
				agreed[i] = nil
			}
		}
	}
	if readings == 0 || agreed[0] == nil {
		return nil, ambiguousPlacing
	}
	placed = map[int][]int{}
	for i, k := range at {
		if agreed[i] != nil {
			placed[k] = agreed[i]
		}
	}
	return placed, ""
}

// knownHold tells a row's figures placed in columns p that keep to the
// columns' known totals: none but 0 where the total is 0, and, for the
// 合计 row (whole), each known total its figure there (0 where none is).
func knownHold(t table, vals []token, p []int, known []*schema.Money, whole bool) bool {
	if known == nil {
		return true
	}
	at := make([]schema.Money, len(known))
	for i, c := range p {
		at[c] = t.value(vals[i])
	}
	for c, k := range known {
		if k != nil && (whole && at[c] != *k || *k == 0 && at[c] != 0) {
			return false
		}
	}
	return true
}

// sumRowAdds tells a row's figures placed in columns p (in order) whose sum
// column is the sum of the others (a column without a figure 0), the sum
// column printed.
func sumRowAdds(t table, vals []token, p []int, sum int) bool {
	var whole, parts schema.Money
	printed := false
	for i, c := range p {
		if c == sum {
			whole, printed = t.value(vals[i]), true
		} else {
			parts += t.value(vals[i])
		}
	}
	return printed && whole == parts
}

// classesAdd tells a reading (each row's placement: choices[i][pick[i]])
// whose 类 rows (at[1:]) add up to the 合计 row (at[0]) in every column.
func classesAdd(t table, rows []droppedRow, at []int, choices [][][]int, pick []int, cols int) bool {
	sums := make([]schema.Money, cols)
	for i, k := range at {
		sign := schema.Money(1)
		if i == 0 {
			sign = -1
		}
		for j, c := range choices[i][pick[i]] {
			sums[c] += sign * t.value(rows[k].vals[j])
		}
	}
	return !slices.ContainsFunc(sums, func(m schema.Money) bool { return m != 0 })
}
