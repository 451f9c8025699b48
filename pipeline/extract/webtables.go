package extract

import (
	"slices"
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

// webRow is a row of a web page's table: the line of its name (or code),
// the last text cell before its amounts (compacted; a label spaced out
// over cells, "合 计", joined) and its amounts.
type webRow struct {
	line  int
	code  string
	label string
	vals  []token
}

// sumHeads are the headers of a first column that is the sum of the
// others, compacted, as a web table's header opens (after 项目).
var sumHeads = []string{"本年收入合计", "本年支出合计", "合计"}

// webRows reads the rows of table t from lines: the header (the compacted
// text before the first amount, after the unit's cell) and the rows with
// their amounts. A row runs from a code or a text cell after an amount to
// the next such cell. ok is false for a table with an integer cell that
// is not a code before a name (行次, counts: not a table of amounts alone).
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
	open := false // a code or text cell since the last amount: the next amount opens a row
	start, label, code := 0, "", ""
	for k, c := range cells {
		if endsTable(compact(c)) {
			break
		}
		if strings.Trim(c, "-—－") == "" { // a dash for a blank cell
			continue
		}
		if !isNumberCell(c) {
			if len(rows) == 0 {
				if h := compact(c); strings.HasPrefix(h, "金额单位") || strings.HasPrefix(h, "编制单位") || strings.HasPrefix(h, "单位:") {
					head.Reset() // the header is below
				} else {
					head.WriteString(h)
				}
			}
			if !open {
				open, start, label, code = true, at[k], "", ""
			}
			if l := compact(c); utf8.RuneCountInString(l) == 1 && utf8.RuneCountInString(label) == 1 {
				label += l
			} else {
				label = l
			}
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
			open, start, label, code = true, at[k], "", c
			continue
		}
		if open || len(rows) == 0 {
			rows = append(rows, webRow{line: start, code: code, label: label})
			if start == 0 {
				rows[len(rows)-1].line = at[k]
			}
			open = false
		}
		rows[len(rows)-1].vals = append(rows[len(rows)-1].vals, tok)
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
// the comment above says, and the sums of the kinds below; false where
// rowSums still reads t's rows as default-mode text's (the fund and
// statistics tables, a kind no sum here reads, a cell that is no amount).
func (b *builder) webSums(t table, lines []string) bool {
	switch t.kind {
	case tableSummary:
		b.webSummarySums(t, lines)
		return true
	case tableProcurement:
		b.webPurchaseSums(t, lines)
		return true
	case tableFund:
		b.webFundSums(t, lines)
		return false // the readers of default-mode text may say more
	case tableStatistics:
		b.webStatisticsSums(t, lines)
		return false // the readers of default-mode text may say more
	case tableThreePublic, tableOther:
		return false // 行次, or columns no total adds
	}
	header, rows, ok := webRows(t, lines)
	if !ok {
		return false
	}
	if t.kind == tableFiscal {
		b.webFiscalSums(t, lines)
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
	b.webListSum(t, rows)
	if !sumHeaded(t, header) && wide < 3 || len(odd) == 0 || len(odd) > 2 || adds < 3 || adds <= len(odd) {
		return true
	}
	var kept []tableRow
	for _, r := range odd {
		kept = append(kept, rowSum(r.line, r.vals)...)
	}
	b.keep(t, kept)
	return true
}

// webListSum keeps the first column's sum of a web page's table whose
// coded rows are a list of one level (each code of as many digits, once)
// under its 合计 row, where it fails and one misprint of one of its cells
// explains it: the 合计's cell against the rows' cells (a 项 table with no
// 类 rows, a table of 类 alone), which no code tree checks.
func (b *builder) webListSum(t table, rows []webRow) {
	if len(rows) < 4 || rows[0].code != "" || !isTotal(rows[0].label) {
		return
	}
	level, seen := len(rows[1].code), map[string]bool{}
	vals := []token{rows[0].vals[0]}
	unit := t.unitOf(rows[0].vals[0])
	var parts schema.Money
	for _, r := range rows[1:] {
		if r.code == "" || len(r.code) != level || seen[r.code] {
			return
		}
		seen[r.code] = true
		vals = append(vals, r.vals[0])
		parts += t.value(r.vals[0])
		unit = max(unit, t.unitOf(r.vals[0]))
	}
	if within(t.value(vals[0]), parts, len(vals), unit) || !misprinted(vals) {
		return
	}
	kept := []tableRow{{ref: "list", tok: vals[0], line: vals[0].line}}
	for k, v := range vals[1:] {
		kept = append(kept, tableRow{ref: "list/" + strconv.Itoa(k+1), of: "list", tok: v, line: v.line})
	}
	b.keep(t, kept)
}

// A web page's 收支决算总表 prints each row's revenue label and amount,
// then its expenditure label and amount, blanks dropped: an amount is the
// cell of the label printed just before it. The template's sums then tell
// where the table fails: the enumerated classes before 本年支出合计 (一、一般
// 公共服务支出 …) add up to it and the enumerated sources before 本年收入
// 合计 (一、财政拨款 …, 其中 rows aside; sourceLabel tells the two sides'
// rows apart) to it; 年初结转和结余 and 年末结转和结余
// are each their 基本支出结转 and 项目支出结转和结余; each side's 合计 is its
// year, what it carries (用事业基金弥补收支差额 and 年初结转和结余; 结余分配
// and 年末结转和结余); the two 合计 agree. A label the table does not print
// is no sum; a label printed without an amount is 0. Where at least three
// sums hold (of totals not zero), more than fail, and one to three fail,
// the failing ones are kept as table claims: the total, and its parts on
// it.

// summarySum is one sum of the template: its total's label and its parts'.
type summarySum struct {
	total int   // index of the total's row
	parts []int // of the parts' rows
}

// labelRows reads a table of labels and amounts, each text cell a row
// (a label spaced out over cells, "合 计", joined) with the amounts after
// it, none for a blank cell; ok is false for a whole number among them.
func labelRows(t table, lines []string) (rows []webRow, ok bool) {
	for i := t.line; i < t.end && i < len(lines); i++ {
		for _, c := range cellsOf(lines[i]) {
			if endsTable(compact(c)) {
				return rows, true
			}
			if !isNumberCell(c) {
				l := compact(c)
				if n := len(rows); n > 0 && len(rows[n-1].vals) == 0 && utf8.RuneCountInString(l) == 1 && utf8.RuneCountInString(rows[n-1].label) == 1 {
					rows[n-1].label += l
					continue
				}
				rows = append(rows, webRow{line: i + 1, label: l})
				continue
			}
			tok, okTok := cellToken(c, i+1)
			if !okTok || tok.scale == 0 || len(rows) == 0 {
				return nil, false
			}
			rows[len(rows)-1].vals = append(rows[len(rows)-1].vals, tok)
		}
	}
	return rows, true
}

// webSummarySums keeps the failing sums of a web page's 收支决算总表, as
// the comment above says. The two sides' rows interleave: 年初结转和结余's
// 基本支出结转 and 项目支出结转和结余 are told from 年末结转和结余's by their
// order, each label printed twice, 年初 before 年末.
func (b *builder) webSummarySums(t table, lines []string) {
	rows, ok := labelRows(t, lines)
	if !ok {
		return
	}
	at := map[string][]int{} // label → rows, in order
	for i, r := range rows {
		if len(r.vals) > 1 {
			return // a side of one column: one amount a label
		}
		at[r.label] = append(at[r.label], i)
	}
	one := func(label string) int { return onceAt(at, label) }
	revenue, spent := one("本年收入合计"), one("本年支出合计")
	var classes, sources []int
	for i, r := range rows {
		switch style, _ := enumOf(r.label); {
		case style != enumHanComma:
		case sourceLabel(r.label):
			if i < revenue {
				sources = append(sources, i)
			}
		case i < spent:
			classes = append(classes, i)
		}
	}
	var sums []summarySum
	add := func(total int, parts ...int) {
		if total >= 0 && len(rows[total].vals) > 0 && len(parts) > 0 && !slices.Contains(parts, -1) {
			sums = append(sums, summarySum{total, parts})
		}
	}
	add(spent, classes...)
	add(revenue, sources...)
	opening, closing := one("年初结转和结余"), one("年末结转和结余")
	basic, project := at["基本支出结转"], at["项目支出结转和结余"]
	if opening >= 0 && opening < closing && len(basic) == 2 && len(project) == 2 {
		add(opening, basic[0], project[0])
		add(closing, basic[1], project[1])
	}
	if tot := at["合计"]; len(tot) == 2 {
		parts := func(labels ...string) []int {
			var out []int
			for _, l := range labels {
				if i := one(l); i >= 0 {
					out = append(out, i)
				}
			}
			return out
		}
		add(tot[0], parts("本年收入合计", "用事业基金弥补收支差额", "年初结转和结余")...)
		add(tot[1], parts("本年支出合计", "结余分配", "年末结转和结余")...)
		add(tot[0], tot[1])
	}
	b.keepLabelSums(t, rows, sums)
}

// sourceLabel tells an enumerated row of a summary's revenue side (一、财政
// 拨款, 二、上级补助收入, 五、附属单位缴款 …) from a functional class (一、一般
// 公共服务支出, or 一、一般公共服务 in the older templates): no class names
// 收入, 拨款 or 缴款.
func sourceLabel(l string) bool {
	return strings.Contains(l, "收入") || strings.Contains(l, "拨款") || strings.Contains(l, "缴款")
}

// keepLabelSums keeps the sums of rows (each on its row's first amount,
// a part without one zero) that fail, where at least three hold (of
// totals not zero), more than fail, and one to three fail.
func (b *builder) keepLabelSums(t table, rows []webRow, sums []summarySum) {
	holds := 0
	var fails []summarySum
	for _, s := range sums {
		total := t.value(rows[s.total].vals[0])
		var parts schema.Money
		unit := t.unitOf(rows[s.total].vals[0])
		for _, p := range s.parts {
			if len(rows[p].vals) > 0 {
				parts += t.value(rows[p].vals[0])
				unit = max(unit, t.unitOf(rows[p].vals[0]))
			}
		}
		switch {
		case !within(total, parts, len(s.parts)+1, unit):
			fails = append(fails, s)
		case total != 0:
			holds++
		}
	}
	if len(fails) == 0 || len(fails) > 3 || holds < 3 || holds <= len(fails) {
		return
	}
	var kept []tableRow
	for n, s := range fails {
		r := rows[s.total]
		total := "sum:" + strconv.Itoa(r.line) + ":" + strconv.Itoa(n)
		kept = append(kept, tableRow{ref: total, tok: r.vals[0], line: r.line})
		for _, p := range s.parts {
			if len(rows[p].vals) > 0 {
				kept = append(kept, tableRow{ref: total + "/" + strconv.Itoa(rows[p].line), of: total, tok: rows[p].vals[0], line: rows[p].line})
			}
		}
	}
	b.keep(t, kept)
}

// A web page's 政府采购情况表 prints a row a kind of purchase (合计, 货物,
// 工程, 服务), each label with its 行次 and then its amounts, blanks
// dropped: which column an amount stands in is not printed. Where one kind
// alone prints amounts and the others none, the 合计 row is that kind's
// row, column for column: the two print as many cells, and each 合计 cell
// must be the kind's cell in its place. Where one or two places differ
// and at least two agree, each place that differs is kept as table claims:
// the 合计 cell and the kind's cell as its part (kinds: kindWords).

// webPurchaseSums keeps the places where a web page's procurement table's
// 合计 row is not its one kind's row, as the comment above says.
func (b *builder) webPurchaseSums(t table, lines []string) {
	vals := map[string][]token{}
	seen := map[string]bool{}
	label := ""
cells:
	for i := t.line; i < t.end && i < len(lines); i++ {
		for _, c := range cellsOf(lines[i]) {
			if endsTable(compact(c)) {
				break cells
			}
			if !isNumberCell(c) {
				if l := compact(c); l == "计" && label == "合" {
					label = "合计"
				} else {
					label = l
				}
				seen[label] = true
				continue
			}
			tok, ok := cellToken(c, i+1)
			if !ok {
				return
			}
			if tok.scale > 0 && (label == "合计" || slices.Contains(kindWords, label)) {
				vals[label] = append(vals[label], tok)
			}
		}
	}
	kind := ""
	for _, k := range kindWords {
		switch {
		case !seen[k]:
			return // a kind not printed: not the template's rows
		case len(vals[k]) == 0:
		case kind != "":
			return // two kinds print amounts: their places are not known
		default:
			kind = k
		}
	}
	tot, part := vals["合计"], vals[kind]
	if kind == "" || len(tot) != len(part) || len(tot) < 3 {
		return
	}
	var differ []int
	for k := range tot {
		if t.value(tot[k]) != t.value(part[k]) {
			differ = append(differ, k)
		}
	}
	if len(differ) == 0 || len(differ) > 2 || len(tot)-len(differ) < 2 {
		return
	}
	var kept []tableRow
	for _, k := range differ {
		total := "purchase:" + strconv.Itoa(k)
		kept = append(kept,
			tableRow{ref: total, tok: tot[k], line: tot[k].line},
			tableRow{ref: total + "/" + kind, of: total, tok: part[k], line: part[k].line})
	}
	b.keep(t, kept)
}

// A web page's 政府性基金预算财政拨款收入支出决算表 prints each row's
// amounts with its blank cells dropped; fundFinalTable places them in the
// columns by the row's identities (小计 = 基本 + 项目, 年初 + 收入 − 支出 =
// 年末) and the columns' sums. Where no placement of the table as printed
// adds up, but exactly one misprint of one cell (one digit, ten times,
// a tenth) lets exactly one placement of every row add up, that cell is
// off and its place is known: its column's sum (the 合计's cell against
// the rows' cells, as printed) and, in a spending column, its row's
// 小计 = 基本 + 项目 are kept as table claims.

// webFundSums keeps the sums through the one misprinted cell of a web
// page's fund table, as the comment above says; or through its two cells
// swapped, where exactly that swap reads.
func (b *builder) webFundSums(t table, lines []string) {
	_, wrows, ok := webRows(t, lines)
	if !ok {
		return
	}
	var rows [][]token
	level := 0
	for _, r := range wrows {
		if r.code != "" && (level == 0 || len(r.code) < level) {
			level = len(r.code)
		}
	}
	for _, r := range wrows {
		switch {
		case len(rows) == 0 && r.code == "" && isTotal(r.label):
			rows = append(rows, r.vals)
		case len(rows) > 0 && r.code != "" && len(r.code) == level:
			rows = append(rows, r.vals)
		}
	}
	if len(rows) < 2 {
		return
	}
	if n, _ := fundReadings(t, rows); n > 0 {
		return // the table reads, or reads more ways than one
	}
	type at struct{ row, cell int }
	var found [][]at // the cells each change that reads changed
	var reading [][]int
	tries := 0
	try := func(changed [][]token, cells ...at) bool {
		if tries++; tries > oneOffTries {
			return false
		}
		if n, p := fundReadings(t, changed); n > 0 {
			found = append(found, cells)
			reading = p
			return n == 1 && len(found) == 1
		}
		return true
	}
	var cells []at
	for i, r := range rows {
		for k := range r {
			cells = append(cells, at{i, k})
		}
	}
	for _, c := range cells {
		v := rows[c.row][c.cell]
		for _, m := range misprints(v, v.scale) {
			changed := slices.Clone(rows)
			changed[c.row] = slices.Clone(rows[c.row])
			changed[c.row][c.cell].mant = m
			if !try(changed, c) {
				return // more than one change reads, or one reads more ways than one
			}
		}
	}
	for x, c := range cells { // two cells swapped, within three lines
		for _, d := range cells[x+1:] {
			v, w := rows[c.row][c.cell], rows[d.row][d.cell]
			if w.line-v.line > 3 || t.value(v) == t.value(w) {
				continue
			}
			changed := slices.Clone(rows)
			changed[c.row], changed[d.row] = slices.Clone(rows[c.row]), slices.Clone(rows[d.row])
			changed[c.row][c.cell], changed[d.row][d.cell] = w, v
			changed[c.row][c.cell].line, changed[d.row][d.cell].line = v.line, w.line
			if !try(changed, c, d) {
				return
			}
		}
	}
	if len(found) != 1 {
		return
	}
	cellIn := func(j, c int) (token, bool) { // row j's cell in column c
		for k, p := range reading[j] {
			if p == c {
				return rows[j][k], true
			}
		}
		return token{}, false
	}
	var kept []tableRow
	done := map[string]bool{}
	for _, off := range found[0] {
		col := reading[off.row][off.cell]
		if ref := "fund:column:" + strconv.Itoa(col); !done[ref] {
			done[ref] = true
			if total, ok := cellIn(0, col); ok {
				kept = append(kept, tableRow{ref: ref, tok: total, line: total.line})
				for j := 1; j < len(rows); j++ {
					if v, ok := cellIn(j, col); ok {
						kept = append(kept, tableRow{ref: ref + "/" + strconv.Itoa(j), of: ref, tok: v, line: v.line})
					}
				}
			}
		}
		ref := "fund:row:" + strconv.Itoa(off.row)
		if spent, ok := cellIn(off.row, fundSpent); ok && !done[ref] && (col == fundSpent || col == fundBasic || col == fundProject) {
			done[ref] = true
			kept = append(kept, tableRow{ref: ref, tok: spent, line: spent.line})
			for _, c := range []int{fundBasic, fundProject} {
				if v, ok := cellIn(off.row, c); ok {
					kept = append(kept, tableRow{ref: ref + "/" + strconv.Itoa(c), of: ref, tok: v, line: v.line})
				}
			}
		}
	}
	b.keep(t, kept)
}

// fundReadings counts the placements of rows (the 合计's first) in the
// fund table's columns that keep each row's identities and the columns'
// sums, up to two; and gives the first.
func fundReadings(t table, rows [][]token) (int, [][]int) {
	cands := make([][][]int, len(rows))
	readings := 1
	var unit int64 = 1
	for i, r := range rows {
		if cands[i] = fundPlacements(t, r); len(cands[i]) == 0 {
			return 0, nil
		}
		if readings *= len(cands[i]); readings > maxFundReadings {
			return 2, nil
		}
		for _, v := range r {
			unit = max(unit, t.unitOf(v))
		}
	}
	found := 0
	var first [][]int
	choice := make([][]int, len(rows))
	var try func(i int)
	try = func(i int) {
		if found > 1 {
			return
		}
		if i < len(rows) {
			for _, c := range cands[i] {
				choice[i] = c
				try(i + 1)
			}
			return
		}
		var sums, want [6]schema.Money
		for k, p := range choice[0] {
			want[p] = t.value(rows[0][k])
		}
		for j := 1; j < len(rows); j++ {
			for k, p := range choice[j] {
				sums[p] += t.value(rows[j][k])
			}
		}
		for c := range sums {
			if !within(sums[c], want[c], len(rows), unit) {
				return
			}
		}
		if found++; found == 1 {
			first = slices.Clone(choice)
		}
	}
	try(0)
	return found, first
}

// webStatisticsSums keeps the failing sums of a web page's 部门决算相关信息
// 统计表 as table claims: its rows are told by their 行次 (statisticsRows),
// and statisticsTable leaves a panel whose sums fail out of the model. A
// sum is checked where its total prints a value and every part's row is
// found (a blank part is zero); the failing ones are kept where one or two
// fail and at least as many hold.
func (b *builder) webStatisticsSums(t table, lines []string) {
	rows := statisticsRows(t, lines)
	if rows == nil {
		return
	}
	got := map[string][]token{} // key → its value (none for a blank cell)
	for _, r := range rows {
		for _, p := range statisticsParts {
			if p.match(r.label) {
				if _, dup := got[p.key]; dup || len(r.vals) > 1 {
					return // a row twice, or two values: not the template's rows
				}
				got[p.key] = r.vals
				break
			}
		}
	}
	holds := 0
	var fails [][]string
	for _, s := range statisticsSums {
		total, ok := got[s[0]]
		if !ok || len(total) == 0 {
			continue
		}
		unit := t.unitOf(total[0])
		var parts schema.Money
		for _, k := range s[1:] {
			v, ok := got[k]
			if !ok {
				parts = -1
				break
			}
			for _, tok := range v {
				parts += t.value(tok)
				unit = max(unit, t.unitOf(tok))
			}
		}
		switch {
		case parts < 0:
		case !within(t.value(total[0]), parts, len(s), unit):
			fails = append(fails, s)
		case t.value(total[0]) != 0:
			holds++
		}
	}
	if len(fails) == 0 || len(fails) > 2 || holds < len(fails) {
		return
	}
	var kept []tableRow
	for _, s := range fails {
		ref := "statistics:" + s[0]
		total := got[s[0]][0]
		kept = append(kept, tableRow{ref: ref, tok: total, line: total.line})
		for _, k := range s[1:] {
			for _, v := range got[k] {
				kept = append(kept, tableRow{ref: ref + "/" + k, of: ref, tok: v, line: v.line})
			}
		}
	}
	b.keep(t, kept)
}

// A web page's 财政拨款收入支出决算总表 prints its revenue side as the
// 收支决算总表 does (a label, its amount) and its expenditure side a label
// and its amounts, the first the total (合计, then 一般公共预算 and 政府性
// 基金, blanks dropped). On the first amounts the template's sums are
// checked as webSummarySums checks them: the enumerated sources before
// 本年收入合计 to it, the enumerated classes before 本年支出合计 to it, the
// enumerated sources after 本年收入合计 to 年初财政拨款结转和结余, 基本支出
// 结转 and 项目支出结转和结余 after 年末财政拨款结转和结余 to it, each
// side's 总计 to its year and what it carries, the two 总计 alike.
func (b *builder) webFiscalSums(t table, lines []string) {
	_, rows, ok := webRows(t, lines)
	if !ok {
		return
	}
	at := map[string][]int{} // label → rows, in order
	for i, r := range rows {
		at[r.label] = append(at[r.label], i)
	}
	one := func(label string) int { return onceAt(at, label) }
	revenue, spent := one("本年收入合计"), one("本年支出合计")
	opening, closing := one("年初财政拨款结转和结余"), one("年末财政拨款结转和结余")
	tot := at["总计"]
	if revenue < 0 || spent < 0 || opening < revenue || closing < spent || len(tot) != 2 || tot[0] < opening || tot[0] < closing {
		return
	}
	var classes, sources, carriedIn, carriedOut []int
	for i, r := range rows {
		style, _ := enumOf(r.label)
		switch {
		case style != enumHanComma:
			if i > closing && i < tot[0] && (r.label == "基本支出结转" || r.label == "项目支出结转和结余") {
				carriedOut = append(carriedOut, i)
			}
		case !sourceLabel(r.label):
			if i < spent {
				classes = append(classes, i)
			}
		case i < revenue:
			sources = append(sources, i)
		case i > opening && i < tot[0]:
			carriedIn = append(carriedIn, i)
		}
	}
	var sums []summarySum
	add := func(total int, parts ...int) {
		if len(parts) > 0 {
			sums = append(sums, summarySum{total, parts})
		}
	}
	add(spent, classes...)
	add(revenue, sources...)
	add(opening, carriedIn...)
	add(closing, carriedOut...)
	add(tot[0], revenue, opening)
	add(tot[1], spent, closing)
	add(tot[0], tot[1])
	b.keepLabelSums(t, rows, sums)
}

// onceAt is the row of a label printed once (at: label → rows), -1 for
// none or several.
func onceAt(at map[string][]int, label string) int {
	if len(at[label]) != 1 {
		return -1
	}
	return at[label][0]
}
