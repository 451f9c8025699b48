package extract

import (
	"fmt"
	"slices"

	"budgetpub/schema"
)

// Coded tables printed in bands. Default mode can print a table neither
// row by row nor a whole column at a time, but as blocks: a block is a
// column's cells down a stretch of rows, one a line, blank cells ending
// it (a row taller than the others, its name wrapped, ends every
// column's block). The blocks come in the order of their first row, then
// of their column, a blank line between two blocks; the codes' blocks
// (类, 款 and 项 codes apart) before the names, the amounts' after them,
// page by page. bandedRows places each block — its first row and its
// column — so that every row has a 类 code (款 and 项 beside it), the codes
// read as a tree, every row's 合计 is the sum of its other cells, and each
// column adds up down the tree; exactly one placement must remain. One
// misprinted cell leaves none: then the placements where every row adds
// up but one that one misprint of one of its cells keeps from it, and
// every column adds up down the tree with it changed back (or two cells
// printed near each other swapped), exactly one of them, give the rows as
// printed, for their failing sums to stay as table claims (onecell.go).

// bandTable is a table's cells as default mode printed them in blocks.
type bandTable struct {
	codes, vals [][]colCell // the blocks of codes and of amounts, in order
	names       []colCell   // the names printed after each page's codes
	total       string      // the total row's name, above the codes or among the names ("" none)
}

// bandBlocks splits the cells of lines from..to into blocks of codes,
// names and amounts; nil when the cells do not have that shape: a block
// of numbers mixing codes and amounts, or amounts before any code.
func bandBlocks(lines, flat []string, from, to int) *bandTable {
	var blocks [][]colCell
	open := false
	for i := from; i < min(to, len(lines)); i++ {
		if endsTable(flat[i]) {
			break
		}
		cs := cellsOf(lines[i])
		if len(cs) == 0 || flat[i] == "" {
			open = false
			continue
		}
		for _, c := range cs {
			// a block of words and one of numbers may touch: 合计 above
			// the 类 codes
			if n := len(blocks); !open || lines[i][0] == '\f' || isNumberCell(blocks[n-1][0].text) != isNumberCell(c) {
				blocks = append(blocks, nil)
			}
			open = true
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], colCell{c, i + 1})
		}
	}
	bt := &bandTable{}
	afterCodes := false // the first block of words after codes: the names
	for _, b := range blocks {
		switch {
		case !isNumberCell(b[0].text):
			for _, c := range b {
				switch {
				case colTotal(c.text) && (afterCodes || len(bt.codes) == 0):
					bt.total = c.text // the total row's name: among the names, or above the codes
				case afterCodes:
					bt.names = append(bt.names, c)
				}
			}
			afterCodes = false
		case !slices.ContainsFunc(b, func(c colCell) bool { return !isSubCode(c.text) && !(len(c.text) == 3 && isClassCode(c.text)) }):
			bt.codes = append(bt.codes, b)
			afterCodes = true
		case len(bt.codes) == 0 && len(dropNumbering(b)) == 0: // the columns' numbers (栏次) in the header
		case len(bt.codes) == 0:
			return nil
		default:
			bt.vals = append(bt.vals, b)
			afterCodes = false
		}
	}
	if len(bt.codes) < 2 || len(bt.vals) == 0 {
		return nil
	}
	return bt
}

// bandGrid is a placement of blocks: each row's cell of each column, as an
// index into the blocks' cells in order (-1 blank).
type bandGrid [][]int

// bandSearch calls each with every placement of blocks of the given
// lengths on n rows and cols columns, as default mode prints bands: the
// first column's blocks (the 合计, or the 类 codes: every row has one) one
// after another down the rows, each a band; each other block down
// consecutive rows of one column within the band above it; the blocks in
// the order of their first row, then their column; every row accepted by
// ok once no later block can reach it. false when the search gave up
// (*steps past colSteps).
func bandSearch(lens []int, n, cols int, steps *int, ok, room func(g bandGrid, r int) bool, each func(g bandGrid)) bool {
	g := make(bandGrid, n)
	for r := range g {
		g[r] = slices.Repeat([]int{-1}, cols)
	}
	starts := make([]int, len(lens)) // each block's first cell's index
	for b := 1; b < len(lens); b++ {
		starts[b] = starts[b-1] + lens[b-1]
	}
	put := func(b, s, c, k int) {
		for i := range lens[b] {
			g[s+i][c] = k
			if k >= 0 {
				g[s+i][c] = starts[b] + i
			}
		}
	}
	// rec places block b after a block at (row, col), the band being rows
	// from..to, the rows before checked accepted
	var rec func(b, checked, row, col, from, to int) bool
	rec = func(b, checked, row, col, from, to int) bool {
		if *steps++; *steps > colSteps {
			return false
		}
		final := func(s int) bool { // the rows before s are final
			for ; checked < s; checked++ {
				if !ok(g, checked) {
					return false
				}
			}
			return true
		}
		if b == len(lens) {
			if to == n && final(n) {
				each(g)
			}
			return true
		}
		l := lens[b]
		for s := max(row, from); s+l <= to; s++ {
			if !final(s) {
				return true // a row no later block reaches does not add up
			}
			for c := 1; c < cols; c++ {
				// a block of a column is all its cells down to a blank one
				// or the band's end: none beside it in the band
				if s == row && c <= col || slices.ContainsFunc(g[max(from, s-1):min(to, s+l+1)], func(cells []int) bool { return cells[c] >= 0 }) {
					continue
				}
				put(b, s, c, 0)
				fits := true
				for r := s; r < s+l && fits && room != nil; r++ {
					fits = room(g, r)
				}
				more := !fits || rec(b+1, checked, s, c, from, to)
				put(b, s, c, -1)
				if !more {
					return false
				}
			}
		}
		if to+l > n || !final(to) {
			return true
		}
		put(b, to, 0, 0) // the next band
		more := rec(b+1, checked, to, 0, to, to+l)
		put(b, to, 0, -1)
		return more
	}
	return rec(0, 0, 0, -1, 0, 0)
}

// blockLens are the blocks' lengths, and their cells in order.
func blockLens(blocks [][]colCell) ([]int, []colCell) {
	var lens []int
	var cells []colCell
	for _, b := range blocks {
		lens = append(lens, len(b))
		cells = append(cells, b...)
	}
	return lens, cells
}

// codings are the ways to place the blocks of codes as the 类, 款 and 项
// columns of the coded rows (one 类 code a row) in which the codes read as
// a tree; false when the search gave up.
func (bt *bandTable) codings(steps *int) ([][]string, bool) {
	lens, cells := blockLens(bt.codes)
	n := 0
	for _, c := range cells {
		if !isSubCode(c.text) {
			n++
		}
	}
	code := func(g bandGrid, r int) string {
		k := g[r][0]
		if k < 0 || isSubCode(cells[k].text) || g[r][1] < 0 && g[r][2] >= 0 {
			return "" // no 类, or a 项 without its 款
		}
		s := cells[k].text
		for _, k := range g[r][1:] {
			if k >= 0 {
				if !isSubCode(cells[k].text) {
					return ""
				}
				s += cells[k].text
			}
		}
		return s
	}
	ok := func(g bandGrid, r int) bool {
		c := code(g, r)
		if c == "" {
			return false
		}
		for q := range r {
			if code(g, q) == c {
				return false
			}
		}
		if len(c) == 3 {
			return true
		}
		for q := range r {
			if code(g, q) == c[:len(c)-2] {
				return true
			}
		}
		return false
	}
	var out [][]string
	all := bandSearch(lens, n, 3, steps, ok, nil, func(g bandGrid) {
		codes := make([]string, n)
		for r := range codes {
			codes[r] = code(g, r)
		}
		if !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, codes) }) {
			out = append(out, codes)
		}
	})
	return out, all
}

// bandReading is a placement of a banded table's amounts: its rows' codes
// ("" the total) and cells by column, and the cell changed back (col -1
// none).
type bandReading struct {
	codes []string
	cells [][]colCell
	fix   cellFix
}

// readings places the amounts on the rows of each coding, the total row
// first or last where the table names one, in up to widest columns; with off, one row
// may instead fail by one misprint of one of its cells, which changed back
// makes every column add up down the tree. false when a search gave up.
func (bt *bandTable) readings(codings [][]string, off bool, steps *int) ([]bandReading, bool) {
	lens, cells := blockLens(bt.vals)
	toks, numeric := cellTokens(cells)
	if !numeric {
		return nil, true
	}
	negative := slices.ContainsFunc(toks, func(t token) bool { return t.mant < 0 })
	var out []bandReading
	add := func(r bandReading) {
		if !slices.ContainsFunc(out, func(o bandReading) bool {
			return slices.Equal(o.codes, r.codes) && sameCells(o.cells, r.cells) && o.fix.row == r.fix.row && o.fix.col == r.fix.col
		}) {
			out = append(out, r)
		}
	}
	// the rows' codes with the total row placed, first or last, where the
	// table names one
	var shapes [][]string
	for _, coded := range codings {
		if bt.total == "" {
			shapes = append(shapes, coded)
		} else {
			shapes = append(shapes, append([]string{""}, coded...), append(slices.Clone(coded), ""))
		}
	}
	for _, codes := range shapes {
		n := len(codes)
		parents := treeParents(codes)
		// the sums to check once row r is final: of the rows whose last
		// descendant (or itself) is r
		due := make([][]int, n)
		last := make([]int, n)
		for i := range codes {
			last[i] = i
		}
		for i := n - 1; i >= 0; i-- {
			if p := parents[i]; p >= 0 {
				last[p] = max(last[p], last[i])
			}
		}
		for p := range codes {
			if slices.Contains(parents, p) {
				due[last[p]] = append(due[last[p]], p)
			}
		}
		for cols := 1; cols <= bt.widest(codes); cols++ {
			odd := -1 // the row taken off, of the rows accepted so far
			ok := func(g bandGrid, r int) bool {
				if odd >= r {
					odd = -1 // taken off on a path given up
				}
				if g[r][0] < 0 || codes[r] == "" && slices.Contains(g[r], -1) {
					return false // the total has a cell in every column, or the column is blank
				}
				if cols > 1 && !rowAddsUp(g[r], toks) {
					if !off || odd >= 0 || len(misfits(toks[g[r][0]], gridCells(g[r], toks))) == 0 {
						return false
					}
					odd = r
				}
				for _, p := range due[r] {
					if !subtreeAdds(parents, p, g, toks, odd) {
						return false
					}
				}
				return true
			}
			// a row's parts so far above its total, where no amount is
			// negative: no later cell brings it down (with off, one row
			// may be the one off)
			over := func(g bandGrid, r int) bool {
				var sum int64
				for _, k := range g[r][1:] {
					if k >= 0 {
						sum += units(toks[k])
					}
				}
				return g[r][0] >= 0 && sum > units(toks[g[r][0]])
			}
			room := func(g bandGrid, r int) bool {
				if negative || !over(g, r) {
					return true
				}
				if !off {
					return false
				}
				for i := range g {
					if i != r && over(g, i) {
						return false
					}
				}
				return true
			}
			all := bandSearch(lens, n, cols, steps, ok, room, func(g bandGrid) {
				if off && odd < 0 {
					return // adds up as printed: the exact reading takes it
				}
				for c := range cols {
					if !slices.ContainsFunc(g, func(cells []int) bool { return cells[c] >= 0 }) {
						return // a column left blank: fewer columns read it
					}
				}
				total, colToks, place := bandColumns(g, toks)
				read := bandReading{codes: codes, cells: make([][]colCell, n), fix: cellFix{col: -1}}
				for r, row := range g {
					for _, k := range row {
						if k >= 0 {
							read.cells[r] = append(read.cells[r], cells[k])
						}
					}
				}
				if !off {
					if treeAdds(codes, total, colToks, place, nil) {
						add(read)
					}
					return
				}
				for _, fix := range misfits(total[odd], rowCellsAt(colToks, place, odd)) {
					fix.row = odd
					if treeAdds(codes, total, colToks, place, &fix) {
						read.fix = fix
						add(read)
					}
				}
			})
			if !all {
				return nil, false
			}
		}
	}
	return out, true
}

// rowAddsUp tells a placed row whose first cell is the sum of the others
// (a row of none, nought).
func rowAddsUp(cells []int, toks []token) bool {
	sum, parts := int64(0), 0
	for _, k := range cells[1:] {
		if k >= 0 {
			sum, parts = sum+units(toks[k]), parts+1
		}
	}
	total := units(toks[cells[0]])
	return parts > 0 && sum == total || parts == 0 && total == 0
}

// subtreeAdds tells whether row p is the sum of its children in every
// column of a placement, as treeAdds allows (a blank cell nought, each
// figure's rounding), or the sum involves row odd, which a change of its
// cell may mend.
func subtreeAdds(parents []int, p int, g bandGrid, toks []token, odd int) bool {
	if p == odd || odd >= 0 && parents[odd] == p {
		return true
	}
	for c := range g[p] {
		var sum, slack, v, h int64
		for i, q := range parents {
			if k := g[i][c]; q == p && k >= 0 {
				sum += units(toks[k])
				slack += halfDigit(toks[k])
			}
		}
		if k := g[p][c]; k >= 0 {
			v, h = units(toks[k]), halfDigit(toks[k])
		}
		if abs64(v-sum) > slack+h {
			return false
		}
	}
	return true
}

// gridCells are a row's cells of a placement but its first, by column.
func gridCells(cells []int, toks []token) map[int]token {
	out := map[int]token{}
	for c, k := range cells[1:] {
		if k >= 0 {
			out[c] = toks[k]
		}
	}
	return out
}

// treeParents gives each row of a coded table the row it adds up to: a 类
// the total's, a 款 or 项 its 类's or 款's (-1 for none).
func treeParents(codes []string) []int {
	parents := make([]int, len(codes))
	for i, c := range codes {
		parents[i] = -1
		switch {
		case c == "":
		case len(c) == 3:
			parents[i] = slices.Index(codes, "")
		default:
			parents[i] = slices.Index(codes, c[:len(c)-2])
		}
	}
	return parents
}

// widest is the most columns readings tries for rows with codes: as many
// as blocks of one cell open the amounts where the total row is first (a
// row of its own prints a block a column), or end them where it is last;
// else 1+maxColumns, or as many blocks of one cell as are printed one
// after another; up to maxBandColumns.
func (bt *bandTable) widest(codes []string) int {
	run := func(blocks [][]colCell) int {
		k := 0
		for k < len(blocks) && len(blocks[k]) == 1 {
			k++
		}
		return k
	}
	switch slices.Index(codes, "") {
	case 0:
		return min(run(bt.vals), maxBandColumns)
	case len(codes) - 1:
		back := slices.Clone(bt.vals)
		slices.Reverse(back)
		return min(run(back), maxBandColumns)
	}
	most, k := 1+maxColumns, 0
	for _, b := range bt.vals {
		if k++; len(b) > 1 {
			k = 0
		}
		most = max(most, k)
	}
	return min(most, maxBandColumns)
}

// maxBandColumns bounds the columns of a table printed in bands.
const maxBandColumns = 6

// bandColumns gives a placement as treeAdds takes it: the first column's
// tokens, each other column's tokens in order, and each row's index into
// them (-1 blank).
func bandColumns(g bandGrid, toks []token) (total []token, cols [][]token, place [][]int) {
	cols = make([][]token, len(g[0])-1)
	for _, row := range g {
		total = append(total, toks[row[0]])
		at := make([]int, len(cols))
		for j, k := range row[1:] {
			at[j] = -1
			if k >= 0 {
				at[j] = len(cols[j])
				cols[j] = append(cols[j], toks[k])
			}
		}
		place = append(place, at)
	}
	return total, cols, place
}

// bandedRows reads a coded table default mode printed in bands: its rows
// when exactly one placement adds up; else, as oneOff, its rows as printed
// when exactly one placement does with one misprinted cell changed back;
// why when the shape fits and the cells fit more than one placement.
func bandedRows(lines, flat []string, from, to int) (rows, oneOff []row, why string) {
	bt := bandBlocks(lines, flat, from, to)
	if bt == nil {
		return nil, nil, ""
	}
	steps := 0
	codings, all := bt.codings(&steps)
	if !all || len(codings) == 0 {
		return nil, nil, ""
	}
	found, all := bt.readings(codings, false, &steps)
	switch {
	case !all:
		return nil, nil, ""
	case len(found) == 1 && bt.rowNames(found[0]) != nil:
		return bt.rows(found[0]), nil, ""
	case len(found) == 1:
		return nil, nil, "" // names that do not fit the rows
	case len(found) > 1:
		return nil, nil, fmt.Sprintf("printed in bands, its amounts fit %d placements that add up: not used", len(found))
	}
	found, all = bt.readings(codings, true, &steps)
	if !all {
		return nil, nil, ""
	}
	// two cells printed near each other swapped: the one reading that adds
	// up with them put back, each cell then taken as printed
	type at struct{ block, cell int }
	var ats []at
	for b, block := range bt.vals {
		for i := range block {
			ats = append(ats, at{b, i})
		}
	}
	for x, p := range ats {
		for _, q := range ats[x+1 : min(len(ats), x+1+swapReach)] {
			a, c := bt.vals[p.block][p.cell], bt.vals[q.block][q.cell]
			if a.text == c.text {
				continue
			}
			sw := *bt
			sw.vals = slices.Clone(bt.vals)
			sw.vals[p.block], sw.vals[q.block] = slices.Clone(sw.vals[p.block]), slices.Clone(sw.vals[q.block])
			sw.vals[p.block][p.cell], sw.vals[q.block][q.cell] = c, a
			ps, all := sw.readings(codings, false, &steps)
			if !all {
				return nil, nil, ""
			}
			for _, r := range ps {
				for _, cs := range r.cells {
					for k, cell := range cs {
						switch cell {
						case a:
							cs[k] = c
						case c:
							cs[k] = a
						}
					}
				}
				r.fix = cellFix{row: -1 - x, col: -1}
				found = append(found, r)
			}
		}
	}
	if len(found) != 1 {
		return nil, nil, ""
	}
	return nil, bt.rows(found[0]), ""
}

// rowNames gives each coded row of a reading its name (nil when they do
// not fit): the names printed, one a row, but a name wrapped over two
// cells. Such a row is taller than the others and ends every column's
// block, so its 合计 is a block of its own; so is a row between two such
// (or such a row and the total, or the table's edge). Of the rows whose
// 合计 is a block of its own, exactly one choice of as many as there are
// names more than rows, each of the others between two chosen, must
// remain: those take two cells each (no 类 named as another class).
func (bt *bandTable) rowNames(r bandReading) []string {
	alone := map[int]bool{} // the lines of blocks of one cell
	for _, b := range bt.vals {
		if len(b) == 1 {
			alone[b[0].line] = true
		}
	}
	n := len(r.codes)
	var lone []int // the coded rows whose 合计 is a block of its own
	coded := 0
	for i, c := range r.codes {
		if c != "" {
			coded++
			if alone[r.cells[i][0].line] {
				lone = append(lone, i)
			}
		}
	}
	extra := len(bt.names) - coded
	if extra < 0 || extra > len(lone) || len(lone) > 16 {
		return nil
	}
	// named gives the names with the rows tall taking two cells each; nil
	// where a 类's name names another class, or a row taken as tall is
	// named whole by its first cell
	named := func(tall []bool) []string {
		var out []string
		k := 0
		for i, c := range r.codes {
			if c == "" {
				continue
			}
			name := bt.names[k].text
			if k++; tall[i] {
				if wholeName(c, name) {
					return nil
				}
				name += bt.names[k].text
				k++
			}
			if cl, ok := schema.ClassByName(schema.SchemeFunctional, name); len(c) == 3 && ok && cl.Code != c {
				return nil
			}
			out = append(out, name)
		}
		return out
	}
	tall := make([]bool, n)
	if extra == 0 {
		return named(tall)
	}
	var found []string
	ends := func(i int) bool { return i < 0 || i >= n || tall[i] || r.codes[i] == "" } // a block ends beside row i
	var choose func(k, left int) bool
	choose = func(k, left int) bool {
		if k == len(lone) {
			if left > 0 {
				return true
			}
			for _, i := range lone {
				if !tall[i] && !(ends(i-1) && ends(i+1)) {
					return true // a row alone with no reason
				}
			}
			if names := named(tall); names != nil {
				if found != nil {
					return false // two choices
				}
				found = names
			}
			return true
		}
		if left > 0 {
			tall[lone[k]] = true
			more := choose(k+1, left-1)
			tall[lone[k]] = false
			if !more {
				return false
			}
		}
		return choose(k+1, left)
	}
	if !choose(0, extra) {
		return nil
	}
	return found
}

// wholeName tells a name that is the one the classification knows for
// code, today's or a former one (支出 aside).
func wholeName(code, name string) bool {
	cl, ok := schema.LookupCode(schema.SchemeFunctional, code)
	n := schema.NormalizeName(name)
	for _, x := range append([]string{cl.Name}, cl.FormerNames...) {
		if x = schema.NormalizeName(x); ok && (n == x || n+"支出" == x) {
			return true
		}
	}
	return false
}

// rows gives a reading's rows: each coded row named by rowNames where
// they fit (else its 类 by the classification, the others unnamed: rows
// read with a cell off, whose sums alone are kept), the total by its
// header's name.
func (bt *bandTable) rows(r bandReading) []row {
	names := bt.rowNames(r)
	var out []row
	k := 0
	for i, c := range r.codes {
		var vals []token
		for _, cell := range r.cells[i] {
			t, _ := cellToken(cell.text, cell.line)
			vals = append(vals, t)
		}
		x := row{code: c, vals: vals, line: r.cells[i][0].line}
		switch {
		case c == "":
			x.name = bt.total
		case names != nil:
			x.name = names[k]
		case len(c) == 3:
			cl, _ := schema.LookupCode(schema.SchemeFunctional, c)
			x.name = cl.Name
		}
		if c != "" {
			k++
		}
		out = append(out, x)
	}
	return out
}
