package extract

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// The narrative restates rows of the 一般公共预算 table by their functional
// code ("科目编码2010301-政府机构行政运行的金额为672.84万元", "一般公共服务
// 支出（科目编码201）为675.64万元", "2010301 行政运行 672.84万元"). Where the
// table was not read (its rows left out), nothing compared the two: a figure
// of either could change unnoticed. codeRows reads the table's rows as its
// lines print them — a code, its name, its amounts, the first under the
// header's 合计 — and each statement in a section about 一般公共预算 spending
// that names a code the table prints with another amount, beyond the
// rounding of both, is kept as a pair of claims on the row's path
// (/tables/<title line>/<row line>): the text's amount and the table's
// cell (check rule restate.row). Other money is not compared: a 政府性基金
// section, a 年初预算 or a change the statement names are other figures.

// codeRow is a row of a coded table: its code and its 合计 cell.
type codeRow struct {
	code     string
	line     int     // 1-based line of the code
	cellLine int     // 1-based line of the 合计 cell
	value    float64 // yuan
	decimals int
	unit     float64 // yuan per unit of the table
	// a 类 or 款 of a table that prints its 项 only: the 项 (no cell of its own)
	parts []codeRow
}

var (
	codeCellRe   = regexp.MustCompile(`^2[0-9]{2}(?:[0-9]{2}){0,2}$`)
	amountCellRe = regexp.MustCompile(`^(?:-?[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?|-?[0-9]+(?:\.[0-9]+)?)$`)
	// a code the text names: 7 digits anywhere (a 项), 3 or 5 after 科目编码
	textCodeRe = regexp.MustCompile(`科目编码[:：]?\s*(2[0-9]{2}(?:[0-9]{2}){0,2})|(?:^|[^0-9])(2[0-9]{6})`)
	sectionRe  = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
)

// generalBudgetRows reads the rows of a 一般公共预算 table by function whose
// header opens its amounts with the 合计 column; nil when the table is
// another money's, its header puts another column first, or its cells do
// not print a row at a time (a code, a name, then one or more amounts).
func generalBudgetRows(t table, flat []string) map[string]codeRow {
	if t.kind != tableFunction || !strings.Contains(t.title, "一般公共预算") || t.factor == 0 || t.contents {
		return nil
	}
	var cells []string
	var at []int // each cell's 1-based line
	for i := t.line; i < t.end && i < len(flat); i++ {
		for _, c := range strings.Fields(flat[i]) {
			cells = append(cells, c)
			at = append(at, i+1)
		}
	}
	first := -1
	for k, c := range cells {
		if codeCellRe.MatchString(c) {
			first = k
			break
		}
	}
	if first < 0 || !sumFirst(strings.Join(cells[:first], "")) {
		return nil
	}
	rows := map[string]codeRow{}
	for k := first; k < len(cells); {
		if !codeCellRe.MatchString(cells[k]) {
			break // the table's notes, or the next table's title
		}
		r := codeRow{code: cells[k], line: at[k]}
		k++
		named := false
		for k < len(cells) && !amountCellRe.MatchString(cells[k]) && !codeCellRe.MatchString(cells[k]) {
			named, k = true, k+1
		}
		n := 0
		for ; k < len(cells) && amountCellRe.MatchString(cells[k]) && !codeCellRe.MatchString(cells[k]); k++ {
			if n == 0 {
				r.cellLine = at[k]
				r.value, r.decimals = cellYuan(cells[k], t.factor)
				r.unit = float64(t.factor)
			}
			n++
		}
		if !named || n == 0 {
			return nil // a code with no name or no amount: the cells are not a row at a time
		}
		if _, twice := rows[r.code]; twice {
			return nil
		}
		rows[r.code] = r
	}
	itemsOnly := true
	for c := range rows {
		itemsOnly = itemsOnly && len(c) == 7
	}
	if total, ok := headTotal(cells[:first], t.factor); ok && itemsOnly && addsUp(rows, total) {
		itemClassSums(rows)
	}
	return rows
}

// headTotal is the 合计 row's first amount: the run of amounts right before
// the first code, after a label that ends in 计.
func headTotal(head []string, factor int64) (codeRow, bool) {
	k := len(head)
	for k > 0 && amountCellRe.MatchString(head[k-1]) {
		k--
	}
	if k == len(head) || k == 0 || !strings.HasSuffix(head[k-1], "计") {
		return codeRow{}, false
	}
	v, d := cellYuan(head[k], factor)
	return codeRow{value: v, decimals: d, unit: float64(factor)}, true
}

// addsUp tells rows whose first cells add up to the total within their
// rounding: the table lists every 项 of its money.
func addsUp(rows map[string]codeRow, total codeRow) bool {
	sum, tol := 0.0, half(total)
	for _, r := range rows {
		sum += r.value
		tol += half(r)
	}
	return math.Abs(sum-total.value) <= tol
}

// itemClassSums adds a row for each 类 and 款 of a table that prints its 项
// only: the 项 under it, each with its own cell (restate.row adds them up).
func itemClassSums(rows map[string]codeRow) {
	parts := map[string][]codeRow{}
	for c, r := range rows {
		parts[c[:3]] = append(parts[c[:3]], r)
		parts[c[:5]] = append(parts[c[:5]], r)
	}
	for c, ps := range parts {
		slices.SortFunc(ps, func(a, b codeRow) int { return a.line - b.line })
		rows[c] = codeRow{code: c, line: ps[0].line, parts: ps}
	}
}

// half is half the last printed digit of a table cell, in yuan.
func half(r codeRow) float64 { return 0.5 * r.unit * math.Pow10(-r.decimals) }

// sumFirst tells a header whose first amount column is the sum (合计,
// 本年支出合计) before 基本支出, 项目支出 or a 预算数 / 决算数 column.
func sumFirst(header string) bool {
	sum := strings.Index(header, "合计")
	if sum < 0 {
		return false
	}
	for _, w := range []string{"基本支出", "项目支出", "预算数", "决算数", "年初", "调整"} {
		if i := strings.Index(header, w); i >= 0 && i < sum {
			return false
		}
	}
	return true
}

// cellYuan is a table cell's value in yuan and its decimals.
func cellYuan(c string, factor int64) (float64, int) {
	c = strings.ReplaceAll(c, ",", "")
	d := 0
	if _, frac, ok := strings.Cut(c, "."); ok {
		d = len(frac)
	}
	v, _ := strconv.ParseFloat(c, 64)
	return v * float64(factor), d
}

// codeGapWords, between a code and the amount after it, mean the amount is
// another figure than the row's: a budget, a change, a prior year, a part
// ("〔2011501〕行政运行中人员经费2494.47万元").
var codeGapWords = slices.Concat([]string{"预算", "决算", "年初", "调整", "比", "较", "增", "减", "其中", "经费", "基本支出", "项目支出", "人员支出", "公用支出",
	"，", "。", "；", ",", ";", "、", "(", "（"}, priorYearWords)

var levelMarks = strings.NewReplacer("(类)", "", "(款)", "", "(项)", "")

// generalBudgetSection tells the 1-based line within a section (一、…)
// whose heading speaks of 一般公共预算 spending.
func generalBudgetSection(flat []string, line int) bool {
	h := sectionHeading(flat, line)
	return strings.Contains(h, "一般公共预算") && strings.Contains(h, "支出") &&
		!strings.Contains(h, "三公") && !strings.Contains(h, "基本支出") && !strings.Contains(h, "政府性基金")
}

// sectionHeading is the heading of the section (一、…) a 1-based line is
// in, up to its 情况 ("四、一般公共预算财政拨款支出决算情况说明" → "四、一般公共
// 预算财政拨款支出决算"); "" before the first.
func sectionHeading(flat []string, line int) string {
	for i := line - 1; i >= 0 && i < len(flat); i-- {
		if sectionRe.MatchString(flat[i]) {
			h, _, _ := strings.Cut(flat[i], "情况")
			return h
		}
	}
	return ""
}

// codeRows compares the text's statements of a code's amount with the
// 一般公共预算 table's row of that code.
func (b *builder) codeRows(flat []string) {
	var rows map[string]codeRow
	var tab table
	for _, t := range b.tabs {
		if r := generalBudgetRows(t, flat); r != nil {
			if rows != nil {
				return // two such tables: which one a statement restates is not known
			}
			rows, tab = r, t
		}
	}
	if rows == nil {
		return
	}
	st := b.st
	for _, m := range textCodeRe.FindAllStringSubmatchIndex(st.s, -1) {
		cs, ce := m[2], m[3]
		if cs < 0 {
			cs, ce = m[4], m[5]
		}
		r, ok := rows[st.s[cs:ce]]
		if !ok {
			continue
		}
		if ce < len(st.s) && st.s[ce] >= '0' && st.s[ce] <= '9' {
			continue // a longer number
		}
		line := st.lineAt(cs)
		if b.inTable(line) || !generalBudgetSection(flat, line) {
			continue
		}
		ti := st.tokenAt(ce)
		if ti >= len(st.toks) {
			continue
		}
		tok := st.toks[ti]
		if tok.kind != numMoney || tok.unit == "" || b.inTable(st.lineAt(tok.start)) {
			continue
		}
		gap := levelMarks.Replace(st.s[ce:tok.start]) // "2010301行政运行(项)": the name's level, not an aside
		if utf8.RuneCountInString(gap) > 30 || strings.ContainsAny(gap, "0123456789") || containsAny(gap, codeGapWords) {
			continue
		}
		cells := []codeRow{r}
		path := "/tables/" + strconv.Itoa(tab.line) + "/" + strconv.Itoa(r.line)
		if r.parts != nil {
			cells, path = r.parts, path+"/"+r.code
		}
		stated := tok.money().Float()
		sum, tol := 0.0, 0.5*float64(moneyFactor(tok.unit))*math.Pow10(-tok.scale)
		for _, c := range cells {
			sum, tol = sum+c.value, tol+half(c)
		}
		if math.Abs(stated-sum) <= tol {
			continue
		}
		b.claim(path, schema.ClaimAmount, ti, stated, "")
		for _, c := range cells {
			b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimTable, Value: c.value, Decimals: c.decimals,
				Unit: tableUnit(tab), Line: c.cellLine, Text: strings.TrimSpace(st.src[c.cellLine-1]), Table: tab.line})
		}
	}
}

// inTable tells a 1-based line between a table's title and its end.
func (b *builder) inTable(line int) bool {
	for _, t := range b.tabs {
		if !t.contents && line >= t.line && line <= t.end {
			return true
		}
	}
	return false
}
