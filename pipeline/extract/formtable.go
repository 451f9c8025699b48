package extract

import (
	"fmt"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Tables of a prescribed form (forms, catalogue.go) printed a cell a line
// with every blank cell kept (a bar alone). The form numbers its columns:
// its 栏次 row (栏次, 1 … n) is a row of the table, so the rows are as many
// cells as it — n numbered cells, the name's and, before it, the code's
// column where the 栏次 row prints one, and a blank closing cell where
// each row prints one. The row width is certain when exactly one of those
// shapes puts every row's code (a class code or blank), name (words or
// blank) and numbered cells (amounts or blank) in their columns. The 合计
// row's cells must satisfy every identity of the form, and its 类 rows add
// up to it column by column where the text goes on past the table (one
// ending inside its last row or with its last cell may cut them short);
// then its cells fill the figures the form names. A 合计 row whose
// identities fail is left out with a warning, the failing identities'
// cells kept as table claims (sum.table names their lines).

// formOf is the form whose code the table prints above its 栏次 row, nil
// for none.
func formOf(t table, flat []string) *form {
	for i := t.line - 1; i < t.end && i < len(flat); i++ {
		if strings.HasPrefix(flat[i], "栏次") {
			break
		}
		for k := range forms {
			if forms[k].kind == t.kind && strings.Trim(flat[i], "|") == forms[k].code {
				return &forms[k]
			}
		}
	}
	return nil
}

// formTable reads the table t of form f; false when it is not used.
func (b *builder) formTable(t table, f *form, flat []string) bool {
	rows, cut, last, why := formRows(flat, t.line, t.end, f)
	if why != "" {
		b.warnTable(t, why)
		return false
	}
	var total []gridCell
	for _, r := range rows {
		if r[1].text == "合计" || r[1].text == "总计" {
			if total != nil {
				b.warnTable(t, "two 合计 rows: not used")
				return false
			}
			total = r
		}
	}
	if total == nil {
		b.warnTable(t, "no 合计 row: not used")
		return false
	}
	toks := make([]*token, f.columns+1) // by 栏次
	for c := 1; c <= f.columns; c++ {
		if cell := total[1+c]; cell.text != "" {
			tok, ok := cellToken(cell.text, cell.line)
			if !ok {
				b.warnTable(t, fmt.Sprintf("its 合计 row's cell in 栏次 %d (%s) is no amount: not used", c, cell.text))
				return false
			}
			toks[c] = &tok
		}
	}
	if failed := b.formIdentities(t, f, toks); failed != nil {
		b.warnTable(t, fmt.Sprintf("its 合计 row's columns (栏次) do not satisfy %s: not used", strings.Join(failed, ", ")))
		return false
	}
	// where the text ends with the table (inside its last row, or at its
	// end), its 类 rows may run on, and the 合计 row stands on its identities
	if why := formClassesOff(t, rows, toks); why != "" {
		if !cut && lastLine(flat) > last {
			b.warnTable(t, why+": not used")
			return false
		}
		b.warnTable(t, "the text ends with this table, whose 类 rows may run on ("+why+"): its 合计 row is read, its columns satisfying the form's identities")
	}
	s := summary{got: map[string]cell{}, toks: map[string]token{}, balanced: true}
	for c, key := range f.refs {
		if toks[c] != nil {
			s.got[key], s.toks[key] = cell{formCell(t, toks, c), toks[c].line}, *toks[c]
			s.sources = s.sources || strings.HasPrefix(key, "src:")
		}
	}
	return b.summaryRead(t, s)
}

// formCell is the amount of the 合计 row's cell in 栏次 c (toks by 栏次), 0
// where it is blank.
func formCell(t table, toks []*token, c int) schema.Money {
	if toks[c] == nil {
		return 0
	}
	return t.value(*toks[c])
}

// formClassesOff says where the 类 rows of a form's table t (rows, a class
// code of three digits in the code's column) do not add up to its 合计 row
// (toks, by 栏次) column by column: the first column that fails; "" where
// every column adds up.
func formClassesOff(t table, rows [][]gridCell, toks []*token) string {
	for c := 1; c < len(toks); c++ {
		var sum schema.Money
		for _, r := range rows {
			if len(r[0].text) == 3 && r[1+c].text != "" {
				tok, ok := cellToken(r[1+c].text, r[1+c].line)
				if !ok {
					return fmt.Sprintf("its 类 row %s's cell in 栏次 %d (%s) is no amount", r[0].text, c, r[1+c].text)
				}
				sum += t.value(tok)
			}
		}
		if total := formCell(t, toks, c); sum != total {
			return fmt.Sprintf("its 类 rows add up to %s yuan in 栏次 %d, not to its 合计 %s", sum, c, total)
		}
	}
	return ""
}

// formIdentities tests the identities of form f on the 合计 row's cells of
// its table t (toks, by 栏次): those that fail, printed ("12 = 6 − 9"), their
// cells kept as table claims.
func (b *builder) formIdentities(t table, f *form, toks []*token) (failed []string) {
	value := func(c int) schema.Money { return formCell(t, toks, c) }
	for n, s := range f.sums {
		var sum schema.Money
		for _, p := range s.parts {
			if p < 0 {
				sum -= value(-p)
			} else {
				sum += value(p)
			}
		}
		if sum == value(s.whole) {
			continue
		}
		failed = append(failed, formSumText(s))
		// kept as a sum of cells: 12 = 6 − 9 as 6 = 12 + 9; one with
		// terms subtracted and two or more added is no sum of cells
		var added, parts []int
		for _, p := range s.parts {
			if p > 0 {
				added = append(added, p)
			} else {
				parts = append(parts, -p)
			}
		}
		whole := s.whole
		switch {
		case parts == nil:
			parts = added
		case len(added) == 1:
			whole, parts = added[0], append(parts, s.whole)
		default:
			continue
		}
		if toks[whole] == nil {
			continue // a blank total: no cell to compare its parts with
		}
		ref := "form:sum:" + strconv.Itoa(n)
		kept := []tableRow{{ref: ref, tok: *toks[whole], line: toks[whole].line}}
		for _, c := range parts {
			if toks[c] != nil {
				kept = append(kept, tableRow{ref: "form:" + strconv.Itoa(c), of: ref, tok: *toks[c], line: toks[c].line})
			}
		}
		b.keep(t, kept)
	}
	return failed
}

// lastLine is the 1-based line of the text's last line with words.
func lastLine(flat []string) int {
	for i := len(flat) - 1; i >= 0; i-- {
		if flat[i] != "" {
			return i + 1
		}
	}
	return 0
}

// formSumText prints an identity by 栏次: "12 = 6 − 9".
func formSumText(s formSum) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(s.whole) + " =")
	for k, p := range s.parts {
		switch {
		case p < 0:
			b.WriteString(" − " + strconv.Itoa(-p))
		case k > 0:
			b.WriteString(" + " + strconv.Itoa(p))
		default:
			b.WriteString(" " + strconv.Itoa(p))
		}
	}
	return b.String()
}

// formRows reads the rows of a form's table in lines [from, to) printed a
// cell a line, each as its code's cell, its name's and the numbered cells
// 1 … n (a code's column not printed is blank); cut tells the text ends
// inside a row, last is the line of the table's last cell. why says why
// they are not certain.
func formRows(flat []string, from, to int, f *form) (rows [][]gridCell, cut bool, last int, why string) {
	cells, kept, ok := cellLines(flat, from, to)
	if !ok || !kept {
		return nil, false, 0, "a form (" + f.code + ") whose cells are not each on a line with its bar, blank ones kept: not read"
	}
	h := 0
	for _, c := range cells {
		if h < len(f.heads) && c.text == f.heads[h] {
			h++
		}
	}
	if h < len(f.heads) {
		return nil, false, 0, fmt.Sprintf("a form (%s) whose header does not print %s: not read", f.code, f.heads[h])
	}
	at := -1 // the 栏次 cell before 1 … n
	for k := range cells {
		if cells[k].text != "栏次" || k+f.columns >= len(cells) {
			continue
		}
		ok := true
		for c := 1; c <= f.columns && ok; c++ {
			ok = cells[k+c].text == strconv.Itoa(c)
		}
		if ok {
			at = k
			break
		}
	}
	if at < 0 {
		return nil, false, 0, fmt.Sprintf("a form (%s) without its 栏次 1 … %d: not read", f.code, f.columns)
	}
	var found [][][]gridCell
	for _, codeCol := range []int{1, 0} {
		for _, closing := range []int{0, 1} {
			if rs, c, ok := formShapeRows(cells, at, codeCol, closing, f.columns, to < len(flat)); ok {
				found, cut = append(found, rs), c
			}
		}
	}
	if len(found) != 1 {
		return nil, false, 0, fmt.Sprintf("a form (%s) whose rows' width its cells do not tell: not read", f.code)
	}
	return found[0], cut, cells[len(cells)-1].line, ""
}

// formShapeRows reads the rows after the 栏次 row, whose 栏次 cell is
// cells[at], in one shape: a code's column before the name's (codeCol 1)
// or none (0), a closing blank cell (closing 1) or none. ok where every row
// fits it, but for the text ending inside the last (cut; not where the text
// goes on, textOn), and there are three rows or more.
func formShapeRows(cells []gridCell, at, codeCol, closing, columns int, textOn bool) (rows [][]gridCell, cut, ok bool) {
	width := codeCol + 1 + columns + closing
	start := at - codeCol
	if start < 0 {
		return nil, false, false
	}
	k := start + width // past the 栏次 row
	for ; k+width <= len(cells) && formRow(cells[k:k+width], codeCol, columns); k += width {
		r := cells[k : k+width]
		row := make([]gridCell, 2+columns)
		if codeCol == 1 {
			row[0] = r[0]
		}
		copy(row[1:], r[codeCol:codeCol+1+columns])
		rows = append(rows, row)
	}
	if k+width <= len(cells) || k < len(cells) && textOn || len(rows) < 3 {
		return nil, false, false
	}
	return rows, k < len(cells), true
}

// formRow tells a row of a form's table: a class code or blank in the
// code's column, words or blank in the name's, amounts or blank in the
// numbered ones, a blank closing cell.
func formRow(r []gridCell, codeCol, columns int) bool {
	if codeCol == 1 && r[0].text != "" && !codeLike(r[0].text) {
		return false
	}
	if n := r[codeCol].text; n != "" && isNumberCell(n) {
		return false
	}
	for _, c := range r[codeCol+1 : codeCol+1+columns] {
		if c.text != "" && !isNumberCell(c.text) {
			return false
		}
	}
	for _, c := range r[codeCol+1+columns:] {
		if c.text != "" {
			return false
		}
	}
	return true
}
