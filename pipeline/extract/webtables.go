package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// Tables of a web page. A saved web page (one with a crawler's header:
// 标题, 发布时间 …) prints its tables' cells in the order of the page's
// rows — however its body was broken into lines, a cell a line or a row a
// line — with the blank cells dropped: a row is its code (if any), its
// name, and its amounts left to right, up to the next code or name. Unlike
// pdftotext's default mode, nothing moves a cell to another row. Where the
// columns beside the first are its parts, every row adds up: a row that
// prints its total and one part prints that part as the total. The
// columns are known to be parts where the header opens with the sum
// column of a table of one kind of money (合计, 本年收入合计, 本年支出合计
// of a 收入, 支出 or 基本支出 table), or where three rows of three amounts
// or more add up that way. A row that does not add up (beyond the
// rounding of its cells) is then the document's, and its cells are kept
// as table claims (sum.table names their lines), where more rows add up
// than fail, three at least, and one or two fail (a changed cell breaks its
// row, two swapped cells two rows). What the table gives the model the
// other readers decide; these claims only speak where a row fails.

// webRow is a row of a web page's table: the line of its name (or code)
// and its amounts.
type webRow struct {
	line int
	vals []token
}

// sumHeads are the headers of a first column that is the sum of the
// others, compacted, as a web table's header opens (after 项目).
var sumHeads = []string{"本年收入合计", "本年支出合计", "合计"}

// webRows reads the rows of table t from lines: the header (the compacted
// text before the first amount, after the unit's cell) and the rows with
// their amounts. ok is false for a table with an integer cell that is not
// a code before a name (行次, counts: not a table of amounts alone).
func webRows(t table, lines []string) (header string, rows []webRow, ok bool) {
	var cells []string
	var at []int // the 1-based line of each cell
	for i := t.line; i < t.end && i < len(lines); i++ {
		for _, c := range cellsOf(lines[i]) {
			cells = append(cells, c)
			at = append(at, i+1)
		}
	}
	var head strings.Builder
	text := false // the cell before was text: a name goes on
	for k, c := range cells {
		if endsTable(compact(c)) {
			break
		}
		if strings.Trim(c, "-—－") == "" { // a dash for a blank cell
			continue
		}
		if !isNumberCell(c) {
			switch {
			case len(rows) == 0:
				if h := compact(c); strings.HasPrefix(h, "金额单位") || strings.HasPrefix(h, "编制单位") || strings.HasPrefix(h, "单位:") {
					head.Reset() // the header is below
				} else {
					head.WriteString(compact(c))
				}
			case !text:
				rows = append(rows, webRow{line: at[k]})
			}
			text = true
			continue
		}
		tok, okTok := cellToken(c, at[k])
		if !okTok {
			return "", nil, false
		}
		if tok.scale == 0 { // a code before its name, or no table of amounts
			if !codeLike(c) || k+1 >= len(cells) || isNumberCell(cells[k+1]) {
				return "", nil, false
			}
			rows = append(rows, webRow{line: at[k]})
			text = true // the name that follows is this row's
			continue
		}
		if len(rows) == 0 { // an amount before any row: the first row is the header's last text
			rows = append(rows, webRow{line: at[k]})
		}
		rows[len(rows)-1].vals = append(rows[len(rows)-1].vals, tok)
		text = false
	}
	return head.String(), rows, true
}

// codeLike tells a cell that is a classification code: 3, 5 or 7 digits.
func codeLike(c string) bool {
	n := len(c)
	if n != 3 && n != 5 && n != 7 {
		return false
	}
	for i := 0; i < n; i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

// sumHeaded tells a header whose first amount column is the sum of the
// others, in a table of one kind of money.
func sumHeaded(t table, header string) bool {
	switch t.kind {
	case tableRevenue, tableExpenditure, tableFunction, tableEconomic:
	default:
		return false
	}
	h := strings.TrimPrefix(header, "项目")
	for _, s := range sumHeads {
		if rest, ok := strings.CutPrefix(h, s); ok && utf8.RuneCountInString(rest) >= 4 {
			return true
		}
	}
	return false
}

// webSums keeps the rows of a web page's table t that do not add up, as
// the comment above says; false where t is not read so (a kind whose
// columns no total adds, a cell that is no amount).
func (b *builder) webSums(t table, lines []string) bool {
	switch t.kind {
	case tableSummary, tableThreePublic, tableStatistics, tableProcurement, tableFund, tableOther:
		return false // rows of two sides, 行次, or columns no total adds
	}
	header, rows, ok := webRows(t, lines)
	if !ok {
		return false
	}
	adds, wide := 0, 0
	var odd []webRow
	for _, r := range rows {
		if len(r.vals) < 2 {
			continue
		}
		var parts schema.Money
		var unit int64 = 1
		for _, v := range r.vals {
			unit = max(unit, t.unitOf(v))
		}
		for _, v := range r.vals[1:] {
			parts += t.value(v)
		}
		switch total := t.value(r.vals[0]); {
		case !within(total, parts, len(r.vals), unit):
			odd = append(odd, r)
		case total == 0: // a row of zeros adds up whatever the columns are
		case len(r.vals) > 2:
			wide++
			adds++
		default:
			adds++
		}
	}
	if !sumHeaded(t, header) && wide < 3 || len(odd) == 0 || len(odd) > 2 || adds < 3 || adds <= len(odd) {
		return true
	}
	var kept []tableRow
	for _, r := range odd {
		total := "sum:" + strconv.Itoa(r.line)
		kept = append(kept, tableRow{ref: total, tok: r.vals[0], line: r.line})
		for k, v := range r.vals[1:] {
			kept = append(kept, tableRow{ref: total + "/" + strconv.Itoa(k+1), of: total, tok: v, line: r.line})
		}
	}
	b.keep(t, kept)
	return true
}
