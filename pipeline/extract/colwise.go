package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Coded tables printed a column at a time. pdftotext's default mode can
// print a table column by column: each column's cells one after another,
// blank cells dropped — the 类 codes, the 款 codes, the 项 codes, the names,
// then each column of amounts (a panelled table: the left panel's columns,
// then the right's). Reading order then keeps no row together, so
// columnRows takes the columns apart and gives the rows as default mode
// prints them row by row (a row's code, its name, its non-blank amounts),
// for the readers of rows to read as any other table — but only when the
// table's arithmetic fixes every cell:
//
//   - the codes: the names that are not totals take the 类 codes in order;
//     the first row of each 类 is the 类's own, the others take the 款 codes
//     in order, and of the rows sharing a 款 code the first is the 款's own,
//     the others its 项, which take the 项 codes in order (or the codes are
//     printed whole: 201, 20106, 2010601);
//   - the amounts: the first column is full (every row has its 合计), the
//     others may have lost blank cells; every way to split them into
//     columns and rows in which each row's 合计 is the sum of its other
//     cells is tried, and exactly one must be found;
//   - then each column adds up down the tree: a 合计 row is the sum of its
//     panel's 类, a 类 of its 款, a 款 of its 项.
//
// A table that has the shape but more than one placement is left out,
// and says so; one whose placement does not add up is not read this way.

// colCell is a table's cell with its 1-based line.
type colCell struct {
	text string
	line int
}

// colPanel is one panel of a column-wise table: its codes, names and
// amounts as printed.
type colPanel struct {
	codes, names, vals []colCell
}

// maxColumns bounds the amount columns tried beside the 合计 column;
// colPlacements the placements that add up of one split of them, and
// colSteps the rows tried in all: a table that reaches either is left out.
const (
	maxColumns    = 3
	colPlacements = 16
	colSteps      = 200000
)

// colTable is a table's cells split into the panels of a table printed
// column by column (colPanels), each panel's reading (colPanel.rows) made
// once, when first asked: columnRows and, where they fail, columnOneOff
// read the same panels.
type colTable struct {
	panels []colPanel
	rows   [][]row
	whys   []string
	read   []bool
}

func newColTable(lines, flat []string, from, to int) *colTable {
	ps := colPanels(lines, flat, from, to)
	return &colTable{panels: ps, rows: make([][]row, len(ps)), whys: make([]string, len(ps)), read: make([]bool, len(ps))}
}

// panelRows is panel k's reading (colPanel.rows).
func (t *colTable) panelRows(k int) ([]row, string) {
	if !t.read[k] {
		t.rows[k], t.whys[k] = t.panels[k].rows()
		t.read[k] = true
	}
	return t.rows[k], t.whys[k]
}

// columnRows reads the rows of a coded table that default-mode text printed
// column by column. ok tells the rows were placed; why, when the table has
// the shape but its cells were not placed (empty when the text is not a
// column-wise table).
func (t *colTable) columnRows() (rows []row, why string, ok bool) {
	if t.panels == nil {
		return nil, "", false
	}
	var byPanel [][]row
	for k := range t.panels {
		rs, why := t.panelRows(k)
		if rs == nil {
			return nil, why, false
		}
		byPanel = append(byPanel, rs)
	}
	return joinPanels(byPanel), "", true
}

// joinPanels gives the rows of a table's panels: one panel's as they are;
// panels one after the other, as the readers of rows take a class's items
// (the rows below it), each panel's total (人员经费合计, 公用经费合计),
// which its classes were found to add up to, left to the panels' own
// reader.
func joinPanels(byPanel [][]row) []row {
	if len(byPanel) == 1 {
		return byPanel[0]
	}
	var rows []row
	for _, rs := range byPanel {
		for _, r := range rs {
			if r.code != "" {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// colPanels splits the cells of lines from..to into the panels of a table
// printed column by column: after the header, a run of codes (two 类 codes
// at least, which row-by-row text never prints one after the other), a run
// of names, a run of amounts; a second panel's codes end its first panel's
// amounts. nil when the cells do not have that shape.
func colPanels(lines, flat []string, from, to int) []colPanel {
	if !classCodesAdjacent(flat, from, to) {
		return nil
	}
	runs := cellRuns(lines, flat, from, to)
	start := -1
	for k, r := range runs {
		r = dropNumbering(r)
		if len(r) >= 2 && isClassCode(r[0].text) && isClassCode(r[1].text) {
			start, runs[k] = k, r
			break
		}
	}
	if start < 0 || start+2 >= len(runs) {
		return nil
	}
	var panels []colPanel
	codes, next := runs[start], start+1
	// the 款 and 项 columns printed after the header's words: theirs too
	if next+1 < len(runs) && headerRun(runs[next]) && allSubCodes(runs[next+1]) {
		codes, next = append(slices.Clip(codes), runs[next+1]...), next+2
	}
	for k := next; k+1 < len(runs); k += 2 {
		p := colPanel{codes: codes, names: dropHeader(runs[k]), vals: runs[k+1]}
		codes = nil
		if k+3 < len(runs) { // a next panel's codes end these amounts
			if n := nextCodes(p.vals, runs[k+2]); n > 0 {
				p.vals, codes = p.vals[:len(p.vals)-n], p.vals[len(p.vals)-n:]
			}
		}
		panels = append(panels, p)
		if codes == nil {
			break
		}
	}
	return panels
}

// classCodesAdjacent tells whether two lines in a row, blank lines aside,
// hold a class code alone: what a column of codes prints, and what cells
// read row by row never do.
func classCodesAdjacent(flat []string, from, to int) bool {
	prev := false
	for i := from; i < min(to, len(flat)); i++ {
		if flat[i] == "" {
			continue
		}
		code := isClassCode(flat[i])
		if prev && code {
			return true
		}
		prev = code
	}
	return false
}

// cellRuns splits the cells of lines from..to (up to a note below the
// table) into runs of numbers (codes or amounts) and of names, alternating.
func cellRuns(lines, flat []string, from, to int) [][]colCell {
	var runs [][]colCell
	for i := from; i < min(to, len(lines)); i++ {
		if endsTable(flat[i]) {
			break
		}
		for _, c := range cellsOf(lines[i]) {
			num := isNumberCell(c)
			if n := len(runs); n > 0 && isNumberCell(runs[n-1][0].text) == num {
				runs[n-1] = append(runs[n-1], colCell{c, i + 1})
			} else {
				runs = append(runs, []colCell{{c, i + 1}})
			}
		}
	}
	return runs
}

// isHeaderCell tells a cell made of header words only (基本支出 项目支出,
// which a cell's reading may join).
func isHeaderCell(c string) bool {
	c = strings.ReplaceAll(c, " ", "")
	for c != "" {
		k := slices.IndexFunc(colHeaderWords, func(w string) bool { return strings.HasPrefix(c, w) })
		if k < 0 {
			return false
		}
		c = c[len(colHeaderWords[k]):]
	}
	return true
}

// headerRun tells a run of cells that are all header words.
func headerRun(r []colCell) bool {
	return !slices.ContainsFunc(r, func(c colCell) bool { return !isHeaderCell(c.text) })
}

// allSubCodes tells a run of 款 or 项 codes only.
func allSubCodes(r []colCell) bool {
	return !slices.ContainsFunc(r, func(c colCell) bool { return !isSubCode(c.text) })
}

// dropHeader drops the header's cells that open a run of names: header
// words, and a 合计 among them (the column's heading, not the total row).
func dropHeader(names []colCell) []colCell {
	cut := 0
	for i, c := range names {
		if isHeaderCell(c.text) {
			cut = i + 1
		} else if !colTotal(c.text) {
			break
		}
	}
	return names[cut:]
}

// dropNumbering drops the columns' numbers 1, 2, 3 … (栏次) that open a run.
func dropNumbering(r []colCell) []colCell {
	n := 0
	for n < len(r) && r[n].text == fmt.Sprint(n+1) {
		n++
	}
	if n >= 2 {
		return r[n:]
	}
	return r
}

// nextCodes is how many cells at the end of vals are the codes of the panel
// whose names follow: as many 类 codes as those names that are not totals,
// two at least, then 款 codes; 0 when they are not.
func nextCodes(vals, names []colCell) int {
	coded := 0
	for _, c := range names {
		if !colTotal(c.text) {
			coded++
		}
	}
	k := len(vals)
	for k > 0 && isSubCode(vals[k-1].text) {
		k--
	}
	classes := 0
	for k > 0 && classes < coded && isClassCode(vals[k-1].text) {
		k--
		classes++
	}
	if classes != coded || coded < 2 {
		return 0
	}
	return len(vals) - k
}

// isClassCode tells a 类 code of the functional or economic classification,
// or a whole 款 or 项 code under one (20106, 2010601).
func isClassCode(s string) bool {
	if len(s) != 3 && len(s) != 5 && len(s) != 7 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	_, fn := schema.LookupCode(schema.SchemeFunctional, s[:3])
	_, ec := schema.LookupCode(schema.SchemeEconomic, s[:3])
	return fn || ec
}

// isSubCode tells a 款 or 项 code printed in its own column: two digits.
func isSubCode(s string) bool {
	return len(s) == 2 && strings.Trim(s, "0123456789") == ""
}

// colTotal tells a name that is a total row, which has no code: 合计,
// 总计, 人员经费合计.
func colTotal(name string) bool {
	return isTotal(name) || strings.HasSuffix(name, "合计")
}

// codesOf gives each name its code (empty for a total), from the codes
// printed in columns or whole; false when they do not fit the names.
func (p colPanel) codesOf() ([]string, bool) {
	var coded []int // the names' indexes that take a code
	for i, c := range p.names {
		if !colTotal(c.text) {
			coded = append(coded, i)
		}
	}
	out := make([]string, len(p.names))
	classes, subs := p.codes, []colCell(nil)
	for k, c := range p.codes {
		if isSubCode(c.text) {
			classes, subs = p.codes[:k], p.codes[k:]
			break
		}
	}
	if len(classes) != len(coded) {
		return nil, false
	}
	whole := false
	for _, c := range classes {
		if !isClassCode(c.text) || len(c.text) != 3 && len(subs) > 0 {
			return nil, false
		}
		whole = whole || len(c.text) > 3
	}
	if whole { // printed whole: each under the 类 before it
		class := ""
		for k, i := range coded {
			c := classes[k].text
			if len(c) == 3 {
				class = c
			} else if c[:3] != class {
				return nil, false
			}
			out[i] = c
		}
		return out, p.named(out)
	}
	// the first row of each 类 is its own; the others take the 款 codes
	var blocks [][]int // the rows under each 类, in order
	for k, i := range coded {
		out[i] = classes[k].text
		if k > 0 && classes[k-1].text == classes[k].text {
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], i)
		} else if slices.Contains(out[:i], out[i]) {
			return nil, false // a 类 printed again further down
		} else {
			blocks = append(blocks, nil)
		}
	}
	// the 款 column then the 项 column, whole or a 类 at a time (default
	// mode printing each 类's rows as a block): exactly one way must fit
	var found []string
	for _, segs := range [][][]int{{slices.Concat(blocks...)}, blocks} {
		codes := slices.Clone(out)
		if subCodes(codes, segs, subs) && p.named(codes) && (found == nil || !slices.Equal(found, codes)) {
			if found != nil {
				return nil, false
			}
			found = codes
		}
	}
	return found, found != nil
}

// subCodes appends the 款 and 项 codes subs to the rows under the 类 codes
// of out, segment by segment: each segment's 款 codes, then its 项 codes
// (of the rows sharing the 款 of the row above, but the first); false when
// the codes do not fit.
func subCodes(out []string, segs [][]int, subs []colCell) bool {
	for _, under := range segs {
		if len(subs) < len(under) {
			return false
		}
		kuan := subs[:len(under)]
		var items []int // the rows that are a 款's 项
		for k, i := range under {
			if k > 0 && kuan[k-1].text == kuan[k].text && out[under[k-1]][:3] == out[i] {
				items = append(items, i)
			}
			out[i] += kuan[k].text
		}
		subs = subs[len(under):]
		if len(subs) < len(items) {
			return false
		}
		for k, i := range items {
			out[i] += subs[k].text
		}
		subs = subs[len(items):]
	}
	return len(subs) == 0
}

// named tells whether codes fit the names: no code twice, and each 类's row
// named as the classification names it.
func (p colPanel) named(codes []string) bool {
	seen := map[string]bool{}
	for i, c := range codes {
		if c != "" && seen[c] || len(c) == 3 && !classNamed(c, p.names[i].text) {
			return false
		}
		seen[c] = true
	}
	return true
}

// rows places the panel's cells; nil, with why when the shape fits and no
// single placement adds up.
func (p colPanel) rows() ([]row, string) {
	codes, ok := p.codesOf()
	if !ok {
		return nil, ""
	}
	found, many := p.placings(codes)
	switch {
	case many:
		return nil, "printed column by column, its amounts fit too many placements to tell: not used"
	case len(found) > 1:
		return nil, fmt.Sprintf("printed column by column, its amounts fit %d placements that add up: not used", len(found))
	case len(found) == 0:
		return nil, ""
	}
	return p.placed(codes, found[0]), ""
}

// placings are the placements of the panel's cells in which every row and
// column adds up, each as every row's cells in column order; many when the
// search gave up.
func (p colPanel) placings(codes []string) (found [][][]colCell, many bool) {
	toks, ok := cellTokens(p.vals)
	return p.placingsOf(codes, toks, ok, nil)
}

// placingsOf is placings with the cells' tokens given (ok: every cell an
// amount). known, when given, tells a split (by its number, in the order
// splitRuns gives them) whose search is known to place nothing, and its
// steps: it is not searched again where its steps fit in what is left.
func (p colPanel) placingsOf(codes []string, toks []token, ok bool, known func(split int) (steps int, none bool)) (found [][][]colCell, many bool) {
	n := len(p.names)
	if len(p.vals) < n {
		return nil, false
	}
	total, rest := p.vals[:n], p.vals[n:]
	totalToks, restToks := toks[:n], toks[n:]
	add := func(cols [][]colCell, place [][]int) {
		cells := placedCells(total, cols, place)
		if !slices.ContainsFunc(found, func(f [][]colCell) bool { return sameCells(f, cells) }) {
			found = append(found, cells)
		}
	}
	steps := 0
	var cols [][]colCell
	var colToks [][]token
	if len(rest) == 0 && treeAdds(codes, totalToks, nil, make([][]int, n), nil) {
		add(nil, make([][]int, n))
	}
	if !ok {
		return found, many // a cell is no amount: no split of them adds up
	}
	split := 0
	for parts := 1; parts <= maxColumns && parts <= len(rest); parts++ {
		splitRuns(len(rest), parts, n, func(lens []int) {
			defer func() { split++ }()
			if known != nil {
				if s, none := known(split); none && steps+s <= colSteps {
					steps += s
					return
				}
			}
			colToks = cutRuns(colToks, restToks, lens)
			ps, all := placements(totalToks, colToks, &steps, false, nil, func(place [][]int, _ int) bool { return treeAdds(codes, totalToks, colToks, place, nil) })
			many = many || !all
			if len(ps) > 0 {
				cols = cutRuns(cols, rest, lens)
			}
			for _, place := range ps {
				add(cols, place)
			}
		})
	}
	return found, many
}

// splitSearch is what the search of one split of a panel's cells read
// (placements' reach) and the steps it took, where it placed nothing.
type splitSearch struct {
	lens  [maxColumns]int
	reach colReach
	steps int
}

// splitSearches searches every split of the panel's cells (toks) as
// placingsOf does and tells, split by split, what each read; false when a
// split places cells or the steps run out.
func (p colPanel) splitSearches(codes []string, toks []token) ([]splitSearch, bool) {
	n := len(p.names)
	totalToks, restToks := toks[:n], toks[n:]
	var out []splitSearch
	var colToks [][]token
	steps, fine := 0, true
	for parts := 1; parts <= maxColumns && parts <= len(restToks); parts++ {
		splitRuns(len(restToks), parts, n, func(lens []int) {
			colToks = cutRuns(colToks, restToks, lens)
			var s splitSearch
			copy(s.lens[:], lens)
			before := steps
			ps, all := placements(totalToks, colToks, &steps, false, &s.reach, func(place [][]int, _ int) bool { return treeAdds(codes, totalToks, colToks, place, nil) })
			s.steps = steps - before
			fine = fine && all && len(ps) == 0
			out = append(out, s)
		})
	}
	return out, fine
}

// reads tells whether the search of the split read cell c of the panel's
// cells (its totals first, then the columns' cells in turn).
func (s splitSearch) reads(c, rows int) bool {
	if c < rows {
		return c < s.reach.rows
	}
	c -= rows
	for j, l := range s.lens {
		if c < l {
			return c < s.reach.cells[j]
		}
		c -= l
	}
	return false
}

// cellTokens reads each cell as a number once, for the searches that place
// the same cells again and again (every split into columns, every swap);
// false when a cell is no number (its token then the zero token, as
// cellToken gives).
func cellTokens(cells []colCell) ([]token, bool) {
	toks, all := make([]token, len(cells)), true
	for i, c := range cells {
		t, ok := cellToken(c.text, c.line)
		toks[i], all = t, all && ok
	}
	return toks, all
}

// placed gives the panel's rows with their codes and cells; nil when a
// cell is no amount.
func (p colPanel) placed(codes []string, cells [][]colCell) []row {
	rows := make([]row, len(p.names))
	for r := range rows {
		rows[r] = row{name: p.names[r].text, code: codes[r], line: p.names[r].line}
		for _, c := range cells[r] {
			t, ok := cellToken(c.text, c.line)
			if !ok {
				return nil
			}
			rows[r].vals = append(rows[r].vals, t)
		}
	}
	return rows
}

// placedCells gives each row its cells of a placement: its total, then its
// cells of cols.
func placedCells(total []colCell, cols [][]colCell, place [][]int) [][]colCell {
	cells := make([][]colCell, len(total))
	for r := range total {
		cells[r] = []colCell{total[r]}
		for j := range cols {
			if place[r][j] >= 0 {
				cells[r] = append(cells[r], cols[j][place[r][j]])
			}
		}
	}
	return cells
}

func sameCells(a, b [][]colCell) bool {
	return slices.EqualFunc(a, b, func(x, y []colCell) bool { return slices.Equal(x, y) })
}

// splitRuns calls f with every way to cut total cells into parts columns
// of 1 to n cells each.
func splitRuns(total, parts, n int, f func([]int)) {
	lens := make([]int, parts)
	var rec func(j, left int)
	rec = func(j, left int) {
		if j == parts-1 {
			if left >= 1 && left <= n {
				lens[j] = left
				f(lens)
			}
			return
		}
		for l := 1; l <= n && l < left; l++ {
			lens[j] = l
			rec(j+1, left-l)
		}
	}
	rec(0, total)
}

// placements lists the ways to give each row cells of the columns cols,
// in order, so that its cells add up to its total and keep accepts the
// whole: place[r][j] is the index of row r's cell in column j, -1 for a
// blank. all is false when the search gave up: colPlacements found, or
// *steps (the rows tried, counted across a table's splits) past colSteps.
// With off, one row — the off keep is given, -1 for none — may instead
// take cells that one misprint of one of them (misfit) keeps from adding up.
func placements(total []token, cols [][]token, steps *int, off bool, reach *colReach, keep func(place [][]int, off int) bool) (out [][][]int, all bool) {
	n, parts := len(total), len(cols)
	// dead marks a state (row, each column's next cell) from which no row
	// adds up to the end, so the search stays polynomial where the rows'
	// sums decide
	var dead map[int]bool // made when a state is first found dead
	at := make([]int, parts)
	// each row's cells, rewritten at each try; made when a first row adds
	// up (most splits tried give none)
	var place [][]int
	odd := -1                 // the row taken off
	var row [maxColumns]token // a row's cells, for anyMisfit
	key := func(r int) int {
		k := r
		for _, a := range at {
			k = k*(n+1) + a
		}
		if odd >= 0 {
			k = -k - 1
		}
		return k
	}
	var rec func(r int) bool
	rec = func(r int) bool {
		if *steps++; *steps > colSteps || len(out) >= colPlacements {
			return true
		}
		if r == n {
			for j := range parts {
				if at[j] != len(cols[j]) {
					return false
				}
			}
			cp := make([][]int, n)
			for i := range place {
				cp[i] = slices.Clone(place[i])
			}
			if keep(cp, odd) {
				out = append(out, cp)
			}
			return true
		}
		k := key(r)
		if dead[k] {
			return false
		}
		// the masks read the row's total and each column's next cell (a
		// whole placement, which keep reads, has read every cell so)
		if reach != nil {
			reach.rows = max(reach.rows, r+1)
			for j := range parts {
				if at[j] < len(cols[j]) {
					reach.cells[j] = max(reach.cells[j], at[j]+1)
				}
			}
		}
		any := false
		for mask := 0; mask < 1<<parts; mask++ {
			var sum int64
			fits := true
			for j := range parts {
				if mask&(1<<j) != 0 {
					if at[j] >= len(cols[j]) {
						fits = false
						break
					}
					sum += units(cols[j][at[j]])
				}
			}
			taken := false // this row taken off
			if !fits || mask == 0 && units(total[r]) != 0 {
				continue
			}
			if sum != units(total[r]) {
				if !off || odd >= 0 || !anyMisfit(total[r], maskTokens(row[:0], cols, at, mask)) {
					continue
				}
				odd, taken = r, true
			}
			if place == nil {
				place = make([][]int, n)
				cells := make([]int, n*parts)
				for r := range place {
					place[r] = cells[r*parts : (r+1)*parts : (r+1)*parts]
				}
			}
			for j := range parts {
				place[r][j] = -1
				if mask&(1<<j) != 0 {
					place[r][j] = at[j]
					at[j]++
				}
			}
			if rec(r + 1) {
				any = true
			}
			if taken {
				odd = -1
			}
			for j := range parts {
				if mask&(1<<j) != 0 {
					at[j]--
				}
			}
		}
		// the first row's state is met once: only later ones are kept
		// dead (most splits tried add up in no first row)
		if !any && r > 0 {
			if dead == nil {
				dead = map[int]bool{}
			}
			dead[k] = true
		}
		return any
	}
	rec(0)
	return out, *steps <= colSteps && len(out) < colPlacements
}

// colReach is what a search of placements read: the totals of rows
// [0, rows), and of each column j its cells [0, cells[j]).
type colReach struct {
	rows  int
	cells [maxColumns]int
}

// maskTokens appends to out the cells a row takes by mask: the next cell
// of each column in it, in the columns' order.
func maskTokens(out []token, cols [][]token, at []int, mask int) []token {
	for j := range cols {
		if mask&(1<<j) != 0 {
			out = append(out, cols[j][at[j]])
		}
	}
	return out
}

// treeAdds tells whether every column adds up down the tree of codes: a
// total row is the sum of the 类, a 类 of its 款, a 款 of its 项 (a blank
// cell is nought), within the rounding of the figures summed — each
// printed to its last digit, half of which it may have lost (a 合计 of
// four classes in 万元 one hundredth off) — with fix's cell changed (nil:
// none). At least one sum must hold something.
func treeAdds(codes []string, total []token, cols [][]token, place [][]int, fix *cellFix) bool {
	columns := make([][]int64, 1+len(cols))
	halves := make([][]int64, 1+len(cols)) // each cell's half of its last digit
	for j := range columns {
		columns[j], halves[j] = make([]int64, 0, len(total)), make([]int64, 0, len(total))
	}
	for r, t := range total {
		columns[0] = append(columns[0], units(t))
		halves[0] = append(halves[0], halfDigit(t))
		for j := range cols {
			var v, h int64
			if place[r][j] >= 0 {
				t := cols[j][place[r][j]]
				v, h = units(t), halfDigit(t)
			}
			columns[j+1] = append(columns[j+1], v)
			halves[j+1] = append(halves[j+1], h)
		}
	}
	if fix != nil {
		columns[fix.col][fix.row] = fix.v
	}
	checked := false
	for j, col := range columns {
		sums, slack := map[string]int64{}, map[string]int64{}
		children := map[string]bool{}
		var classes, classSlack int64
		for r, c := range codes {
			switch {
			case c == "":
			case len(c) == 3:
				classes += col[r]
				classSlack += halves[j][r]
			default:
				sums[c[:len(c)-2]] += col[r]
				slack[c[:len(c)-2]] += halves[j][r]
				children[c[:len(c)-2]] = true
			}
		}
		for r, c := range codes {
			if c == "" {
				if abs64(col[r]-classes) > classSlack+halves[j][r] {
					return false
				}
				checked = true
				continue
			}
			if children[c] {
				if abs64(col[r]-sums[c]) > slack[c]+halves[j][r] {
					return false
				}
				checked = true
				delete(children, c)
			}
		}
		if len(children) > 0 {
			return false // a 款 or 项 whose parent has no row
		}
	}
	return checked
}

// halfDigit is half of a number cell's last printed digit, in units'
// ten-thousandths (0.005 of a figure printed to two decimals: 50).
func halfDigit(t token) int64 {
	return scaleDown(5000, t.scale)
}

// A 收支总表 printed column by column comes as the 收入 labels, their
// amounts, the 支出 labels, their amounts (each side's 行次 numbers, if
// any, before its amounts), blank cells dropped. summaryColumns places each
// side's amounts on its labels in every order-keeping way in which the
// side adds up — its sources to 本年收入合计, that and the amount carried
// in to 收入总计; its classes to 本年支出合计, that and the amount carried
// out to 支出总计 — and the two 总计 are equal; a label keeps an amount
// only when every such placement gives it the same one. Sums cannot tell
// one source or class from another: those are left out, and said so.

// maxSideReadings bounds the placements of a side tried.
const maxSideReadings = 200000

// summaryColumns reads a 收支总表 default mode printed column by column
// as rows; why names what the sums could not place.
func summaryColumns(lines, flat []string, from, to int) (rows []row, why string, ok bool) {
	runs := cellRuns(lines, flat, from, to)
	n := len(runs)
	if n < 4 || !isNumberCell(runs[n-1][0].text) {
		return nil, "", false
	}
	left, right := summarySide(runs[n-4], runs[n-3], true), summarySide(runs[n-2], runs[n-1], false)
	if left == nil || right == nil {
		return nil, "", false
	}
	lr, rr := left.readings(), right.readings()
	// the two 总计 are equal
	lr, rr = sameTotals(lr, rr), sameTotals(rr, lr)
	if len(lr) == 0 || len(rr) == 0 {
		return nil, "", false
	}
	var unplaced []string
	sides := [2][]row{}
	for s, side := range []*sumSide{left, right} {
		rs := [][]sideReading{lr, rr}[s]
		var open []string // the labels whose amount is not fixed
		moved := map[int]bool{}
		for i, l := range side.labels {
			r := row{name: l.text, line: l.line}
			at := rs[0].place[i]
			agreed := true
			for _, p := range rs[1:] {
				agreed = agreed && p.place[i] == at
				if p.place[i] != at {
					moved[p.place[i]], moved[at] = true, true
				}
			}
			switch {
			case !agreed:
				open = append(open, rowName(l.text))
			case at >= 0:
				t, ok := cellToken(side.vals[at].text, side.vals[at].line)
				if !ok {
					return nil, "", false
				}
				r.vals = []token{t}
			}
			sides[s] = append(sides[s], r)
		}
		delete(moved, -1)
		if len(open) > 0 {
			unplaced = append(unplaced, fmt.Sprintf("which of %d rows (%s … %s) hold %d of its amounts", len(open), open[0], open[len(open)-1], len(moved)))
		}
	}
	for i := 0; i < len(sides[0]) || i < len(sides[1]); i++ {
		for _, s := range sides {
			if i < len(s) {
				rows = append(rows, s[i])
			}
		}
	}
	if len(unplaced) > 0 {
		why = "printed column by column, its sums do not tell " + strings.Join(unplaced, ", nor ") + ": those rows not used"
	}
	return rows, why, true
}

// sumSide is one side of a 收支总表: its labels, what each is, its amounts.
type sumSide struct {
	labels []colCell
	keys   []string // summaryKey of each label
	vals   []colCell
	total  int    // the label of the side's 总计
	part   []bool // a source that is part of another listed (一般公共预算 of 财政拨款)
	roles  []sideRole
}

// sideRole is what a label's amount is to its side's sums (adds), told
// from its key once, not at every placement tried.
type sideRole uint8

const (
	roleOther   sideRole = iota // a part of another part: in no sum
	rolePart                    // a source or class: the parts' sum
	roleTotal                   // 总计
	roleYear                    // the year's amount
	roleCarried                 // the amount carried over or forward
)

// rolesOf tells each label's sideRole.
func (s *sumSide) rolesOf() []sideRole {
	roles := make([]sideRole, len(s.keys))
	for i, key := range s.keys {
		switch key {
		case "total":
			roles[i] = roleTotal
		case "revenue_current", "expenditure_current":
			roles[i] = roleYear
		case "carried_over", "carried_forward":
			roles[i] = roleCarried
		default:
			if !s.part[i] {
				roles[i] = rolePart
			}
		}
	}
	return roles
}

// summarySide takes a side's labels (after the header's words, for the
// first) and amounts (after its 行次 numbers); nil when a label is none
// the side's sums know.
func summarySide(names, vals []colCell, revenue bool) *sumSide {
	start := slices.IndexFunc(names, func(c colCell) bool {
		return summaryKey(rowName(c.text)) != "" || startsItem(c.text)
	})
	if start < 0 {
		return nil
	}
	s := &sumSide{labels: names[start:], total: -1}
	// the 行次 numbers: k, k+1, … one a label
	if len(vals) > len(s.labels) {
		first, _ := strconv.Atoi(vals[0].text)
		numbered := true
		for i := range s.labels {
			numbered = numbered && isRowNumber(vals[i].text) && vals[i].text == strconv.Itoa(first+i)
		}
		if numbered {
			vals = vals[len(s.labels):]
		}
	}
	if len(vals) > len(s.labels) || len(vals) == 0 {
		return nil
	}
	s.vals = vals
	whole := false
	for i, l := range s.labels {
		key := summaryKey(rowName(l.text))
		switch {
		case key == "total" || revenue && key == "revenue" || !revenue && key == "expenditure":
			if s.total >= 0 {
				return nil
			}
			s.total, key = i, "total"
		case revenue && (strings.HasPrefix(key, "src:") || key == "revenue_current" || key == "carried_over"):
		case !revenue && (key == "class" || key == "expenditure_current" || key == "carried_forward"):
		default:
			return nil
		}
		s.keys = append(s.keys, key)
		whole = whole || key == "src:财政拨款"
	}
	if s.total < 0 {
		return nil
	}
	for _, key := range s.keys {
		part := false
		for _, src := range revenueSources {
			part = part || whole && key == "src:"+src.name && src.partOf != ""
		}
		s.part = append(s.part, part)
	}
	return s
}

// sideReading is a placement of a side's amounts: the amount each label
// takes (-1 for none), and the side's 总计 in ten-thousandths.
type sideReading struct {
	place []int
	total int64
}

// readings lists each order-keeping placement of the side's amounts on
// its labels in which the side adds up (none when there are too many to try).
func (s *sumSide) readings() []sideReading {
	vals := make([]int64, len(s.vals))
	for i, c := range s.vals {
		t, ok := cellToken(c.text, c.line)
		if !ok {
			return nil
		}
		vals[i] = units(t)
	}
	var out []sideReading
	place := make([]int, len(s.labels))
	s.roles = s.rolesOf()
	tried := 0
	var rec func(label, val int)
	rec = func(label, val int) {
		if tried > maxSideReadings {
			return
		}
		if val == len(vals) {
			for i := label; i < len(place); i++ {
				place[i] = -1
			}
			tried++
			if total, ok := s.adds(place, vals); ok {
				out = append(out, sideReading{slices.Clone(place), total})
			}
			return
		}
		if len(place)-label < len(vals)-val {
			return
		}
		place[label] = val
		rec(label+1, val+1)
		place[label] = -1
		rec(label+1, val)
	}
	rec(0, 0)
	if tried > maxSideReadings {
		return nil
	}
	return out
}

// adds tells whether a placement adds up: the parts (sources or classes)
// to the year's amount, that and the carried amount to the 总计.
func (s *sumSide) adds(place []int, vals []int64) (total int64, ok bool) {
	var parts, year, carried int64
	hasYear := false
	for i, role := range s.roles {
		var v int64
		if place[i] >= 0 {
			v = vals[place[i]]
		}
		switch role {
		case roleTotal:
			total = v
		case roleYear:
			year, hasYear = v, true
		case roleCarried:
			carried = v
		case rolePart:
			parts += v
		}
	}
	if !hasYear {
		year = parts
	}
	return total, parts == year && year+carried == total && total != 0
}

// sameTotals keeps the readings of a side whose 总计 some reading of the
// other side has too.
func sameTotals(mine, other []sideReading) []sideReading {
	totals := map[int64]bool{}
	for _, o := range other {
		totals[o.total] = true
	}
	var out []sideReading
	for _, m := range mine {
		if totals[m.total] {
			out = append(out, m)
		}
	}
	return out
}

// cutRuns cuts the values into consecutive columns of the given lengths,
// in cols (its room reused: a table's splits are tried one after another).
func cutRuns[T any](cols [][]T, vals []T, lens []int) [][]T {
	cols = cols[:0]
	at := 0
	for _, l := range lens {
		cols = append(cols, vals[at:at+l])
		at += l
	}
	return cols
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
