package extract

import (
	"slices"

	"budgetpub/schema"
)

// Tall rows. pdftotext -layout sets some cells of a row a little higher
// than its name, on a line of figures alone just above it (a 支出决算表
// whose 基本支出 and 项目支出 sit over the row of 科目编码, 科目名称 and 合计):
//
//	                                           1,503.52
//	201   06   01   行政运行            1,511.89               8.37
//
// The row reader gives such a line to the row above, as default mode's
// values printed a row late. In a table whose columns after the first are
// its parts (partsOfFirst), a line of figures alone is the next row's
// where its cells stand in columns that row leaves empty and, placed
// there by column, the row adds up (its first cell the sum of the
// others); otherwise it stays where it was read. tallRows gives the rows
// so for rowSums, which checks each, and whose kept cells keep their own
// lines. The model's figures are not read from them.

// tallRows returns t's rows with the figures-alone lines joined to the row
// below them, and the lines of the rows that took one. Each line so placed
// by its columns is joined where at least three of them make their row add
// up and none makes only the row above add up: the table's rows are then
// printed so, and a row a misprint breaks is still the row it stands in.
func (b *builder) tallRows(t table) (rows []row, joined map[int]bool) {
	type tall struct {
		i    int
		vals []token
	}
	var talls []tall
	down := 0
	for i := 0; i+1 < len(t.rows); i++ {
		r, n := t.rows[i], t.rows[i+1]
		above := n.line - 1
		own, late := splitLate(r)
		nOwn, _ := splitLate(n)
		if len(late) == 0 || len(nOwn) == 0 || above == r.line || late[0].line != above || lateLines(late) {
			continue
		}
		aboveCols, ok := b.numberColumns(above, len(late), true)
		if !ok {
			continue
		}
		rowCols, ok := b.numberColumns(n.line, len(nOwn), false)
		if !ok || overlaps(aboveCols, rowCols) {
			continue
		}
		vals := mergeByColumn(nOwn, rowCols, late, aboveCols)
		switch {
		case firstIsSum(t, vals):
			down++
		case len(own) > 0 && firstIsSum(t, r.vals):
			return t.rows, nil // the line is the row above's
		}
		talls = append(talls, tall{i, vals})
	}
	if down < 3 {
		return t.rows, nil
	}
	rows = slices.Clone(t.rows)
	joined = map[int]bool{}
	for _, tl := range talls {
		own, _ := splitLate(t.rows[tl.i])
		if !joined[rows[tl.i].line] {
			rows[tl.i].vals = own
		}
		rows[tl.i+1].vals = tl.vals
		joined[rows[tl.i+1].line] = true
	}
	return rows, joined
}

// splitLate parts a row's cells into those on its own line and those read
// after it.
func splitLate(r row) (own, late []token) {
	k := len(r.vals)
	for k > 0 && r.vals[k-1].line != r.line {
		k--
	}
	return r.vals[:k], r.vals[k:]
}

// lateLines tells cells read after their row that come from more than one
// line.
func lateLines(late []token) bool {
	for _, v := range late {
		if v.line != late[0].line {
			return true
		}
	}
	return false
}

// numberColumns are the rune spans of the last n segments of a source line
// (1-based), each a number cell; alone, they must be all of its segments.
func (b *builder) numberColumns(line, n int, alone bool) ([][2]int, bool) {
	segs := segmentsOf(b.st.src[line-1])
	if len(segs) < n || alone && len(segs) != n {
		return nil, false
	}
	var out [][2]int
	for _, s := range segs[len(segs)-n:] {
		if !isNumberCell(s.text) {
			return nil, false
		}
		out = append(out, [2]int{s.start, s.end})
	}
	return out, true
}

// overlaps tells whether a span of a shares a column with one of b.
func overlaps(a, b [][2]int) bool {
	for _, x := range a {
		for _, y := range b {
			if x[0] < y[1] && y[0] < x[1] {
				return true
			}
		}
	}
	return false
}

// mergeByColumn orders two lines' cells by the column each starts in.
func mergeByColumn(a []token, ac [][2]int, b []token, bc [][2]int) []token {
	type placed struct {
		tok token
		col int
	}
	var all []placed
	for k, v := range a {
		all = append(all, placed{v, ac[k][0]})
	}
	for k, v := range b {
		all = append(all, placed{v, bc[k][0]})
	}
	slices.SortStableFunc(all, func(x, y placed) int { return x.col - y.col })
	out := make([]token, len(all))
	for k, p := range all {
		out[k] = p.tok
	}
	return out
}

// firstIsSum tells cells whose first, not zero, is the sum of the others.
func firstIsSum(t table, vals []token) bool {
	if len(vals) < 2 {
		return false
	}
	var parts schema.Money
	for _, v := range vals[1:] {
		parts += t.value(v)
	}
	return parts == t.value(vals[0]) && parts != 0
}
