package extract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// Tables a cell a line. Some extractors print a table one cell a line (a
// web converter's "675.82 |", a blank cell a bare "|"; or plain lines,
// blank cells dropped). Where the header names the columns — a label
// (项目), an amount (金额, 预算数 …) and, where the rows are numbered, a
// row number (行次, 序号) of each panel — the cells take the columns in the
// header's order, row after row. That placement is certain where
//   - the blank cells are kept (every cell ends with its bar): each row is
//     the header's cells, numbered or not, and each cell is of its
//     column's kind (a label's words, an amount's figure, a row number);
//   - the blank cells are dropped and the rows are numbered: each row
//     number follows the one above it in its column, every amount is
//     printed with its decimals (so that only row numbers are whole
//     numbers), and between two row-number columns no two columns take the
//     same kind of cell: a cell's kind (label or amount) then names its
//     column.
//
// Otherwise (blank cells dropped from rows not numbered: a label may be
// the next panel's or the next row's) the table is left to the other
// readers. Each cell keeps its own line. The rows are given by column (a
// panel's rows, then the next panel's), as layoutRows gives those of
// layout text. A table the text ends inside of (its last row unfinished,
// the file cut) is cut: its rows are as printed, its totals not printed.

// gridRole is what a header's column holds.
type gridRole int

const (
	gridLabel gridRole = iota
	gridNumber
	gridAmount
)

// gridCell is a cell of a table a cell a line: its compacted text ("" for a
// blank cell) and its 1-based line.
type gridCell struct {
	text string
	line int
}

// gridRoleOf is the role a header cell names, false for none (a heading
// over several columns: 收入, 支出).
func gridRoleOf(c string) (gridRole, bool) {
	switch {
	case strings.HasPrefix(c, "项目(按") || strings.HasPrefix(c, "按") && (strings.HasSuffix(c, "性质") || strings.HasSuffix(c, "分类")):
		return gridLabel, true // a panel's labels by kind: 项目(按功能分类), 按支出性质
	}
	for r, words := range gridHeads {
		if slices.Contains(words, c) {
			return gridRole(r), true
		}
	}
	return 0, false
}

// gridRows reads the rows of the table in lines [from, to) printed a cell
// a line (see above); ok is false when they are not certain.
func gridRows(flat []string, from, to int) (rows []row, cut, ok bool) {
	cells, kept, ok := cellLines(flat, from, to)
	if !ok {
		return nil, false, false
	}
	if !kept {
		cells = nonBlank(cells)
	}
	// the header: its roles, up to the last cell that names one
	var roles []gridRole
	head := -1
	for k, c := range cells {
		if r, ok := gridRoleOf(c.text); ok {
			roles = append(roles, r)
			head = k
		} else if isNumberCell(c.text) && len(roles) > 0 && c.text != "1" {
			break // the rows have begun (a 栏次 row numbers from 1)
		}
	}
	if !gridShape(roles, kept) {
		return nil, false, false
	}
	// the rows begin after the header's 栏次 row: its numbers 1, 2 … (and
	// 栏次 itself, and blank cells) are passed over
	start, want := head+1, 1
	for ; start < len(cells); start++ {
		c := cells[start].text
		if v, ok := rowNumber(c); ok && v == want {
			want++
			continue
		}
		if c != "" && !strings.HasPrefix(c, "栏次") {
			break
		}
	}
	placed, whole, ok := gridPlace(cells[start:], roles, kept)
	if !ok || len(placed) < 3 {
		return nil, false, false
	}
	return gridPanels(placed, roles), !whole && to >= len(flat), true
}

// cellLines reads the lines [from, to) of a table printed a cell a line:
// each line a cell, its bar dropped, a dash or a bar alone a blank cell.
// kept tells the blank cells kept: nine lines of ten end with a bar, and a
// bar alone (a blank cell) is among them — a converter that drops blank
// cells may print a bar after the others; ok is false for a table with a
// line of several cells past its header. A long line without a bar after
// cells with their bars is a note after the table: the cells end there.
func cellLines(flat []string, from, to int) (cells []gridCell, kept, ok bool) {
	bars, filled, blank := 0, 0, 0
	started := false // past the header: a number among the cells
	for _, l := range barredLines(flat, from, to) {
		c, i := l.text, l.line-1
		if endsTable(c) {
			break
		}
		if c == "" {
			continue
		}
		if started && utf8.RuneCountInString(c) > 40 && !strings.Contains(c, "|") && filled > 0 && bars*10 >= filled*9 {
			break // a sentence after a converter's cells: a note, not a cell
		}
		filled++
		if strings.HasSuffix(c, "|") {
			bars++
		}
		if (utf8.RuneCountInString(c) > 40 || strings.Count(c, "|") > 1 && strings.Trim(c, "|") != "") && started {
			return nil, false, false // a header's "支出|||" spans columns, and only there
		}
		text := strings.Trim(c, "|")
		if strings.Trim(text, "-—－") == "" {
			text = "" // a dash for a blank cell
			blank++
		}
		cells = append(cells, gridCell{text: text, line: i + 1})
		started = started || isNumberCell(text)
	}
	return cells, filled > 0 && bars*10 >= filled*9 && blank > 0, true
}

// barredLines are the lines [from, to) of a table a cell a line, each
// with its 1-based line. A converter may print each cell's bar on a line
// of its own ("404.77" / "|"), a cell's words over two lines before it
// ("政府性基金" / "预算" / "|"): where the cells' words stand without their
// bar (five in six lines of words at least), a cell is the
// lines since the last bar, joined, with its bar, on its first line; a bar
// right after a bar is a blank cell, as where each cell ends in its bar;
// the lines after the last bar are the text after the table.
func barredLines(flat []string, from, to int) []gridCell {
	var out []gridCell
	alone, barred, bare := 0, 0, 0
	for i := from; i < to && i < len(flat); i++ {
		switch c := flat[i]; {
		case c == "|":
			alone++
		case strings.HasSuffix(c, "|"):
			barred++
		case c != "":
			bare++
		}
	}
	merge := alone > 0 && barred*5 < bare
	var pending []string
	at := 0
	for i := from; i < to && i < len(flat); i++ {
		c := flat[i]
		switch {
		case !merge:
			out = append(out, gridCell{c, i + 1})
		case c == "":
		case c == "|" && len(pending) > 0:
			out = append(out, gridCell{strings.Join(pending, "") + "|", at})
			pending = nil
		case c == "|" || strings.HasSuffix(c, "|") && len(pending) == 0:
			out = append(out, gridCell{c, i + 1})
		default:
			if len(pending) == 0 {
				at = i + 1
			}
			pending = append(pending, c)
		}
	}
	return out // the lines after the last bar: the text after the table
}

// nonBlank is cells without the blank ones.
func nonBlank(cells []gridCell) []gridCell {
	out := cells[:0:0]
	for _, c := range cells {
		if c.text != "" {
			out = append(out, c)
		}
	}
	return out
}

// gridShape tells a header whose rows can be placed: a label and an
// amount; without blank cells, a row number too and no two columns of one
// role between two row numbers (the roles read cyclically, row after row).
func gridShape(roles []gridRole, kept bool) bool {
	var has [3]bool
	for _, r := range roles {
		has[r] = true
	}
	if !has[gridLabel] || !has[gridAmount] {
		return false
	}
	if kept {
		return true // a row is the header's cells, numbered or not
	}
	if !has[gridNumber] {
		return false
	}
	n := len(roles)
	first := 0
	for roles[first] != gridNumber {
		first++
	}
	var seen [3]bool
	for k := 1; k <= n; k++ {
		r := roles[(first+k)%n]
		if r == gridNumber {
			seen = [3]bool{}
			continue
		}
		if seen[r] {
			return false
		}
		seen[r] = true
	}
	return true
}

// gridPlace places cells on the roles row after row. Blank cells kept, a
// row is as many cells as roles; dropped, a cell takes the next column of
// its kind, the columns passed over being blank, and no row number may be
// passed over. A row number is the one above it in its column plus one
// (the first row's any number). whole is false when the cells end inside a
// row. ok is false when a cell fits no column.
func gridPlace(cells []gridCell, roles []gridRole, kept bool) (placed [][]gridCell, whole, ok bool) {
	n := len(roles)
	next := make([]int, n) // the next row number of each number column; 0 before the first row
	fits := func(c gridCell, k int) bool {
		switch roles[k] {
		case gridNumber:
			v, ok := rowNumber(c.text)
			return ok && (next[k] == 0 || v == next[k])
		case gridAmount:
			return c.text == "" && kept || isNumberCell(c.text) && (kept || strings.Contains(c.text, "."))
		default:
			return c.text == "" && kept || c.text != "" && !isNumberCell(c.text) && !strings.HasPrefix(c.text, "栏次")
		}
	}
	var cur []gridCell
	k := 0 // the next role
	for _, c := range cells {
		for {
			if k == n {
				placed, cur, k = append(placed, cur), nil, 0
			}
			if cur == nil {
				cur = make([]gridCell, n)
			}
			if fits(c, k) {
				break
			}
			if kept || roles[k] == gridNumber {
				return nil, false, false
			}
			k++ // a blank cell dropped
		}
		cur[k] = c
		if roles[k] == gridNumber {
			v, _ := rowNumber(c.text)
			next[k] = v + 1
		}
		k++
	}
	whole = k == n
	if !kept { // the last row's cells after its last number may be blank
		whole = !slices.Contains(roles[k:], gridNumber)
	}
	if cur != nil {
		placed = append(placed, cur)
	}
	return placed, whole, true
}

// gridPanels gives the placed rows by panel: a label and the amounts after
// it, up to the next label; each row of a panel with its label, or with
// amounts, is a row.
func gridPanels(placed [][]gridCell, roles []gridRole) []row {
	var rows []row
	for p := range roles {
		if roles[p] != gridLabel {
			continue
		}
		for _, cs := range placed {
			r := row{name: cs[p].text, line: cs[p].line}
			for k := p + 1; k < len(roles) && roles[k] != gridLabel; k++ {
				if roles[k] != gridAmount || cs[k].text == "" {
					continue
				}
				tok, ok := cellToken(cs[k].text, cs[k].line)
				if !ok {
					continue
				}
				r.vals = append(r.vals, tok)
				if r.line == 0 {
					r.line = cs[k].line
				}
			}
			if r.name != "" || len(r.vals) > 0 {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// cellGrid reads a table of a header shape (tpl) printed a cell a line
// with its blank cells kept (every cell with its bar): the header's cells
// are its shape's columns (the value columns, in order), the words of its
// rows' labels and codes (rowHeads: 项目, 科目名称, 类 款 项, 单位编码 …)
// and a 栏次 row; each row is its code cells (none, one, or 类 款 项), its
// name and a cell for each value column. The rows' width, and where they
// begin, are certain when exactly one shape puts every row's code (digits
// or blank), name (words or blank) and values (figures or blank) in their
// columns. Blank cells dropped, droppedGrid reads it (known as its). why is "-" for a
// table not printed so, and says what is not certain otherwise.
func cellGrid(t table, tpl *template, flat []string, known func(col int) *schema.Money) (g grid, why string) {
	cells, kept, ok := cellLines(flat, t.line, t.end)
	if !ok {
		return g, "-"
	}
	from := slices.IndexFunc(cells, func(c gridCell) bool { return cellHead(tpl, c.text) != headNone })
	if from < 0 {
		return g, "-"
	}
	if !kept {
		return droppedGrid(t, tpl, cells[from:], known)
	}
	type shape struct {
		start, codes int
		cols         []headerColumn
		rows         [][]gridCell
	}
	var found []shape
	var cols []headerColumn
	numbering := 0 // the 栏次 row's next number, 0 outside it
	for s := from + 1; s < len(cells); s++ {
		c := cells[s-1].text
		switch h := cellHead(tpl, c); {
		case c == "":
		case c == "栏次":
			numbering = 1
		case numbering > 0 && c == strconv.Itoa(numbering):
			numbering++
		case h == headColumn:
			numbering = 0
			cols = append(cols, headerColumn{label: c, col: matchColumn(tpl, c)})
		case h == headRow:
			numbering = 0
		default:
			s = len(cells) // past the header
			continue
		}
		if cellHeadOver(tpl, cols) {
			return g, "its header names a heading over several columns (a cell a line does not tell which): not read"
		}
		for _, codes := range tpl.codeWidths() {
			if rows, ok := cellShapeRows(cells[s:], codes, len(cols)); ok && len(cols) > 0 {
				found = append(found, shape{s, codes, slices.Clone(cols), rows})
			}
		}
	}
	if len(found) != 1 {
		return g, "its cells, a line each, do not tell its rows' width: not read"
	}
	sh := found[0]
	sums := 0
	for _, h := range sh.cols {
		if tpl.columns[h.col].sum {
			sums++
		}
	}
	if sums != 1 || len(sh.cols) < 2 && !tpl.coded() {
		return g, "its header does not name the template's columns (a sum column and its parts): not read"
	}
	g.cols = sh.cols
	for _, r := range sh.rows {
		gr := gridRow{name: r[sh.codes].text, line: r[sh.codes].line, cells: make([]*token, len(sh.cols))}
		for _, c := range r[:sh.codes] {
			gr.code += c.text
		}
		for k, c := range r[sh.codes+1:] {
			if c.text == "" {
				continue
			}
			tok, ok := cellToken(c.text, c.line)
			if !ok {
				return g, "a cell of its rows is no amount (" + c.text + "): not read"
			}
			gr.vals = append(gr.vals, tok)
			gr.cells[k] = &gr.vals[len(gr.vals)-1]
			if gr.name == "" {
				gr.line = c.line
			}
		}
		g.rows = append(g.rows, gr)
	}
	return g, ""
}

// codeWidths are the code cells a row of a table of shape tpl may open
// with: none, a code whole, or 类 款 项 (by function); 类 款 by economic
// class.
func (tpl *template) codeWidths() []int {
	if tpl.scheme == schema.SchemeEconomic {
		return []int{0, 1, 2}
	}
	return []int{0, 1, 3}
}

// classRow tells the code of a 类 of the shape's classification (by
// function where the shape names none).
func (tpl *template) classRow(code string) bool {
	_, ok := schema.LookupCode(cmp.Or(tpl.scheme, schema.SchemeFunctional), code)
	return ok && len(code) == 3
}

// A header cell of a table of a header shape printed a cell a line: none
// of the header's, a column of the shape, or a word of the rows' labels
// or codes.
const (
	headNone = iota
	headColumn
	headRow
)

// cellHead is what the header cell c of a table of shape tpl names.
func cellHead(tpl *template, c string) int {
	switch {
	case c == "":
		return headNone
	case matchColumn(tpl, c) >= 0:
		return headColumn
	case slices.Contains(rowHeads, c) || slices.ContainsFunc(rowHeadWords, func(w string) bool { return strings.Contains(c, w) }) || slices.Contains(tpl.heads, c):
		return headRow
	}
	return headNone
}

// cellHeadOver tells header columns of which one is a source another is a
// part of (财政拨款 over 一般公共预算 and 政府性基金): a heading over
// several columns, whose cells a line do not tell the columns under it.
func cellHeadOver(tpl *template, cols []headerColumn) bool {
	refs := map[string]bool{}
	for _, h := range cols {
		refs[tpl.columns[h.col].ref] = true
	}
	for _, s := range revenueSources {
		if s.partOf != "" && refs["src:"+s.name] && refs["src:"+s.partOf] {
			return true
		}
	}
	return false
}

// cellShapeRows reads cells as rows of codes code cells, a name and values
// value cells; ok where there are two rows or more and every row fits (a
// code's digits or blank, a name's words or blank, a figure or blank, a
// row with a figure), but for cells after the last row that hold no
// figure (a note).
func cellShapeRows(cells []gridCell, codes, values int) (rows [][]gridCell, ok bool) {
	width := codes + 1 + values
	k := 0
	for ; k+width <= len(cells); k += width {
		r := cells[k : k+width]
		if !cellRowFits(r, codes) {
			break
		}
		rows = append(rows, r)
	}
	for _, c := range cells[k:] {
		if isNumberCell(c.text) {
			return nil, false
		}
	}
	return rows, len(rows) >= 2
}

// cellRowFits tells a row of a table a cell a line: code cells of digits
// or blank, a name of words (not 栏次) or blank, figures or blanks, and a
// name or a figure.
func cellRowFits(r []gridCell, codes int) bool {
	for _, c := range r[:codes] {
		if strings.Trim(c.text, "0123456789") != "" {
			return false
		}
	}
	if n := r[codes].text; n == "栏次" || isNumberCell(n) {
		return false
	}
	figure := false
	for _, c := range r[codes+1:] {
		if c.text != "" && !isNumberCell(c.text) {
			return false
		}
		figure = figure || c.text != ""
	}
	return figure || r[codes].text != ""
}
