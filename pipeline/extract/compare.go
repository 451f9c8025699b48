package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Comparison tables. A table the catalogue does not know may still state
// its own arithmetic: "收入预算增减对比表" (项目 | 2014年预算 | 2015年预算 |
// 增长额 | 增长率) prints, for each row, an amount of each of two years and
// the change between them, as an amount or a rate or both. Each row is then
// a comparison no model figure takes: its later year's amount, its earlier
// year's, its change and its rate become claims on /text/<line>/row (the
// line of the row's name), which yoy.change and yoy.change_pct test like a
// sentence's — where they do not agree: as for a sentence's comparison no
// model figure takes, a row that agrees keeps nothing. Only a table whose
// header names every column so — two years
// (or 上年 and 本年), a change (增减, 增长额 …), a rate (…率, 增幅) — and
// whose every row is a name and one number a column is read: a row that
// does not fit leaves the whole table out.

// compareRole is what a comparison table's column holds.
type compareRole int

const (
	colEarlier compareRole = iota
	colLater
	colChange
	colRate
)

var headerYear = regexp.MustCompile(`(19|20)[0-9]{2}`)

// compareColumns reads the roles of a comparison table's value columns from
// their headers; ok only when every column has one, the two years are
// both there and apart, and a change or a rate is.
func compareColumns(heads []string) (roles []compareRole, ok bool) {
	years := map[int]int{} // column → year (上年 0, 本年 1)
	var kept []string
	for _, h := range heads {
		// a header over the change's columns: "比上年增、减情况" over
		// "增、减金额 | 增、减幅度"
		if !strings.HasSuffix(h, "情况") {
			kept = append(kept, h)
		}
	}
	for k, h := range kept {
		switch {
		case strings.Contains(h, "率") || strings.Contains(h, "幅") || strings.Contains(h, "%"):
			roles = append(roles, colRate)
		case strings.Contains(h, "增") || strings.Contains(h, "减") || strings.Contains(h, "变动") || strings.Contains(h, "差额"):
			roles = append(roles, colChange)
		case headerYear.MatchString(h):
			y, _ := strconv.Atoi(headerYear.FindString(h))
			years[k] = y
			roles = append(roles, colEarlier)
		case strings.Contains(h, "上年"):
			years[k] = 0
			roles = append(roles, colEarlier)
		case strings.Contains(h, "本年"):
			years[k] = 1
			roles = append(roles, colEarlier)
		default:
			return nil, false
		}
	}
	if len(years) != 2 || len(roles) < 3 || len(roles) > 4 {
		return nil, false
	}
	var cols []int
	for k := range years {
		cols = append(cols, k)
	}
	a, b := cols[0], cols[1]
	if years[a] == years[b] {
		return nil, false
	}
	if years[a] > years[b] {
		a, b = b, a
	}
	roles[a], roles[b] = colEarlier, colLater
	seen := map[compareRole]int{}
	for _, r := range roles {
		seen[r]++
	}
	return roles, seen[colChange] <= 1 && seen[colRate] <= 1
}

// compareCell is one cell of a table, with its 1-based line.
type compareCell struct {
	text string
	line int
}

// comparisonTables reads the comparison tables among the tables the
// catalogue does not know (see above). A table's lines are split into
// cells up to its first number, its header's; only a table whose header
// reads as a comparison's is split on: most tables are none.
func (b *builder) comparisonTables(lines []string) {
	for _, t := range b.tabs {
		if t.factor == 0 || t.contents {
			continue
		}
		var cells []compareCell
		first := -1 // the first number's cell
		i := t.line
		for ; first < 0 && i < len(lines) && i <= t.end; i++ {
			from := len(cells)
			cells = appendCompareCells(cells, lines[i], i+1)
			if k := slices.IndexFunc(cells[from:], func(c compareCell) bool { return isValueCell(c.text) }); k >= 0 {
				first = from + k
			}
		}
		// the header: the cells up to the first number but the first row's name
		if first < 3 {
			continue
		}
		roles, ok := compareColumns(texts(cells[1 : first-1]))
		if !ok {
			continue
		}
		for ; i < len(lines) && i <= t.end; i++ {
			cells = appendCompareCells(cells, lines[i], i+1)
		}
		b.comparisonRows(t, cells, first, roles)
	}
}

// appendCompareCells appends the cells of a table's line, numbered n.
func appendCompareCells(cells []compareCell, line string, n int) []compareCell {
	for _, part := range strings.Split(line, "|") {
		for _, c := range cellsOf(part) {
			if c = strings.TrimSpace(c); c != "" && !strings.HasPrefix(c, "单位") {
				cells = append(cells, compareCell{c, n})
			}
		}
	}
	return cells
}

func isValueCell(c string) bool {
	return isNumberCell(strings.TrimSuffix(c, "%"))
}

// comparisonRows reads the rows of one table, from the cells of its header
// (up to first, the first number's, but the first row's name) and of its
// rows, the roles of its columns read from the header: its rows, up to
// text with no number after it.
func (b *builder) comparisonRows(t table, cells []compareCell, first int, roles []compareRole) {
	type compareRow struct {
		name compareCell
		vals []compareCell
	}
	var rows []compareRow
	for k := first - 1; k < len(cells) && !textOnly(cells[k:]); k += 1 + len(roles) {
		if k+len(roles) >= len(cells) || isValueCell(cells[k].text) {
			return
		}
		r := compareRow{name: cells[k], vals: cells[k+1 : k+1+len(roles)]}
		for j, v := range r.vals {
			if !isValueCell(v.text) || roles[j] != colRate && strings.HasSuffix(v.text, "%") {
				return
			}
		}
		rows = append(rows, r)
	}
	if len(rows) < 2 {
		return
	}
	unit := ""
	for _, u := range moneyUnits {
		if u.factor == t.factor && u.s != "万" {
			unit = u.s
		}
	}
	if unit == "" {
		return
	}
	all := make([][]token, len(rows))
	for i, r := range rows {
		toks := make([]token, len(r.vals))
		for j, v := range r.vals {
			tok, ok := cellToken(strings.TrimSuffix(v.text, "%"), v.line)
			if !ok {
				return
			}
			tok.kind, tok.unit = numMoney, unit
			if roles[j] == colRate {
				tok.kind, tok.unit = numPct, "%"
			}
			toks[j] = tok
		}
		all[i] = toks
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.name.text
	}
	b.comparisonSums(t, names, roles, all)
	for i, r := range rows {
		toks := all[i]
		if rowAgrees(roles, toks) {
			continue // where every figure agrees nothing is kept
		}
		path := "/text/" + strconv.Itoa(r.name.line) + "/row"
		for j, tok := range toks {
			cl := schema.Claim{Path: path, Decimals: tok.scale, Unit: tok.unit, Line: tok.line, Text: strings.TrimSpace(b.st.src[tok.line-1])}
			switch roles[j] {
			case colEarlier:
				cl.Kind, cl.Value = schema.ClaimPriorYear, tok.money().Float()
			case colLater:
				cl.Kind, cl.Value = schema.ClaimAmount, tok.money().Float()
			case colChange:
				cl.Kind, cl.Value = schema.ClaimChange, tok.money().Float()
			case colRate:
				cl.Kind, cl.Value = schema.ClaimChangePct, tok.float()
			}
			b.doc.Claims = append(b.doc.Claims, cl)
		}
	}
}

// comparisonSums compares a comparison table's sections — its rows
// numbered 一、二、… — with its total row (合计, 总计), column by column of
// amounts: where they do not add up within their rounding, each cell of
// the column's sum becomes a table claim (/text/<line>/<column>, the
// sections' of the total's), which sum.table tests like a catalogue
// table's. Only a table with two sections at least and one total row
// after them; a column that adds up keeps nothing.
func (b *builder) comparisonSums(t table, names []string, roles []compareRole, rows [][]token) {
	var sections []int
	total := -1
	for i, n := range names {
		switch {
		case sectionRe.MatchString(n):
			sections = append(sections, i)
		case strings.Contains(n, "合计") || strings.Contains(n, "总计"):
			if total >= 0 {
				return // two totals: which the sections make is not known
			}
			total = i
		}
	}
	if len(sections) < 2 || total < sections[len(sections)-1] {
		return
	}
	for j, r := range roles {
		if r == colRate {
			continue
		}
		whole := rows[total][j]
		sum, tol := schema.Money(0), whole.rounding()
		for _, i := range sections {
			sum += rows[i][j].money()
			tol += rows[i][j].rounding()
		}
		if d := sum - whole.money(); d <= tol && d >= -tol {
			continue
		}
		pathOf := func(tok token) string { return "/text/" + strconv.Itoa(tok.line) + "/" + strconv.Itoa(j) }
		claim := func(tok token, of string) {
			b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: pathOf(tok), Kind: schema.ClaimTable, Value: tok.money().Float(), Of: of,
				Decimals: tok.scale, Unit: tok.unit, Line: tok.line, Table: t.line, Text: strings.TrimSpace(b.st.src[tok.line-1])})
		}
		claim(whole, "")
		for _, i := range sections {
			claim(rows[i][j], pathOf(whole))
		}
	}
}

// rowAgrees tells a comparison table's row whose change is its later
// year less its earlier within the three cells' rounding, and whose rate
// is the change over the earlier year within their rounding and the
// rate's last digit, rounded or cut (as yoy.change and yoy.change_pct
// measure them).
func rowAgrees(roles []compareRole, toks []token) bool {
	var of [4]token
	for j, r := range roles {
		of[r] = toks[j]
	}
	earlier, later := of[colEarlier], of[colLater]
	if slices.Contains(roles, colChange) {
		c := of[colChange]
		d := later.money() - earlier.money() - c.money()
		if tol := later.rounding() + earlier.rounding() + c.rounding(); d > tol || d < -tol {
			return false
		}
	}
	if slices.Contains(roles, colRate) {
		p := of[colRate]
		return pctAgrees(later, earlier, 1, p.float(), p.scale, false, func(_, prior float64) float64 { return prior })
	}
	return true
}

// textOnly tells cells without a number cell among them: the text after a
// table's last row (a heading, a paragraph), which ends it.
func textOnly(cells []compareCell) bool {
	for _, c := range cells {
		if isValueCell(c.text) {
			return false
		}
	}
	return true
}

func texts(cells []compareCell) []string {
	var s []string
	for _, c := range cells {
		s = append(s, c.text)
	}
	return s
}
