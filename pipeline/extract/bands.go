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
	total       string      // the total row's name printed in the header ("" none)
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
			if afterCodes {
				bt.names = append(bt.names, b...)
			} else if len(bt.codes) == 0 {
				for _, c := range b {
					if colTotal(c.text) {
						bt.total = c.text
					}
				}
			}
			afterCodes = false
		case !slices.ContainsFunc(b, func(c colCell) bool { return !isSubCode(c.text) && !(len(c.text) == 3 && isClassCode(c.text)) }):
			bt.codes = append(bt.codes, b)
			afterCodes = true
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
// lengths on n rows and cols columns: each block down consecutive rows of
// one column, the blocks in the order of their first row, then their
// column, every row accepted by ok once no later block can reach it.
// false when the search gave up (*steps past colSteps).
func bandSearch(lens []int, n, cols int, steps *int, ok func(g bandGrid, r int) bool, each func(g bandGrid)) bool {
	g := make(bandGrid, n)
	for r := range g {
		g[r] = slices.Repeat([]int{-1}, cols)
	}
	starts := make([]int, len(lens)) // each block's first cell's index
	for b := 1; b < len(lens); b++ {
		starts[b] = starts[b-1] + lens[b-1]
	}
	var rec func(b, row, col int) bool
	rec = func(b, row, col int) bool {
		if *steps++; *steps > colSteps {
			return false
		}
		if b == len(lens) {
			for r := row; r < n; r++ {
				if !ok(g, r) {
					return true
				}
			}
			each(g)
			return true
		}
		for s := row; s+lens[b] <= n; s++ {
			if s > row && !ok(g, s-1) {
				break // a row no later block reaches does not add up
			}
			for c := range cols {
				if s == row && c <= col || slices.ContainsFunc(g[s:s+lens[b]], func(cells []int) bool { return cells[c] >= 0 }) {
					continue
				}
				for k := range lens[b] {
					g[s+k][c] = starts[b] + k
				}
				more := rec(b+1, s, c)
				for k := range lens[b] {
					g[s+k][c] = -1
				}
				if !more {
					return false
				}
			}
		}
		return true
	}
	return rec(0, 0, -1)
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
	all := bandSearch(lens, n, 3, steps, ok, func(g bandGrid) {
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
// first or last or none, in up to 1+maxColumns columns; with off, one row
// may instead fail by one misprint of one of its cells, which changed back
// makes every column add up down the tree. false when a search gave up.
func (bt *bandTable) readings(codings [][]string, off bool, steps *int) ([]bandReading, bool) {
	lens, cells := blockLens(bt.vals)
	toks, numeric := cellTokens(cells)
	if !numeric {
		return nil, true
	}
	var out []bandReading
	add := func(r bandReading) {
		if !slices.ContainsFunc(out, func(o bandReading) bool {
			return slices.Equal(o.codes, r.codes) && sameCells(o.cells, r.cells) && o.fix.row == r.fix.row && o.fix.col == r.fix.col
		}) {
			out = append(out, r)
		}
	}
	for _, coded := range codings {
		var shapes [][]string // the rows' codes with the total row placed
		shapes = append(shapes, coded)
		if bt.total != "" {
			shapes = append(shapes, append([]string{""}, coded...), append(slices.Clone(coded), ""))
		}
		for _, codes := range shapes {
			n := len(codes)
			for cols := 1; cols <= 1+maxColumns; cols++ {
				odd := -1 // the row taken off, of the rows accepted so far
				ok := func(g bandGrid, r int) bool {
					if odd >= r {
						odd = -1 // taken off on a path given up
					}
					if g[r][0] < 0 {
						return false
					}
					if cols == 1 {
						return true
					}
					parts, sum := map[int]token{}, int64(0)
					for c, k := range g[r][1:] {
						if k >= 0 {
							parts[c] = toks[k]
							sum += units(toks[k])
						}
					}
					total := toks[g[r][0]]
					if len(parts) > 0 && sum == units(total) || len(parts) == 0 && units(total) == 0 {
						return true
					}
					if !off || odd >= 0 && odd != r || len(misfits(total, parts)) == 0 {
						return false
					}
					odd = r
					return true
				}
				all := bandSearch(lens, n, cols, steps, ok, func(g bandGrid) {
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
					if odd < 0 {
						return // adds up as printed: the exact reading takes it
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
	}
	return out, true
}

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

// names gives each coded row of a reading its name (nil when they do not
// fit): the names printed, one a row, but a name wrapped over two cells —
// a row taller than the others, which ends every column's block, so that
// its 合计 is a block of its own; where as many rows are such as there are
// names more than rows, each takes two cells. Each 类 is named by its name.
func (bt *bandTable) rowNames(r bandReading) []string {
	alone := map[int]bool{} // the lines of blocks of one cell
	for _, b := range bt.vals {
		if len(b) == 1 {
			alone[b[0].line] = true
		}
	}
	var coded []string
	var tall []bool
	for i, c := range r.codes {
		if c != "" {
			coded = append(coded, c)
			tall = append(tall, alone[r.cells[i][0].line])
		}
	}
	extra := len(bt.names) - len(coded)
	if extra < 0 || extra > 0 && extra != len(slices.DeleteFunc(slices.Clone(tall), func(t bool) bool { return !t })) {
		return nil
	}
	var out []string
	k := 0
	for i, c := range coded {
		name := bt.names[k].text
		if k++; extra > 0 && tall[i] {
			name += bt.names[k].text
			k++
		}
		if len(c) == 3 && !classNamed(c, name) {
			return nil
		}
		out = append(out, name)
	}
	return out
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
