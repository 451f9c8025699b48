package extract

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/schema"
)

// Tables. A disclosure's standard tables are found by their titles
// (收支预算总表, 收入支出决算总表, 支出预算总表, …基本支出…经济分类…表) and read as
// rows: a text cell (the row's name) followed by its number cells, in
// reading order. That holds for `pdftotext -layout` text (one row a line)
// and for default-mode text whose cells come one per line in row order.
// Default-mode text that pdftotext emitted column by column does not hold
// it: colwise.go takes such tables apart into rows where the sums fix every
// cell. Every table read is checked against its own totals, and a table
// whose parts do not add up is left out with a warning rather than guessed.

// tableKind is what the extractor reads from a table.
type tableKind int

const (
	tableOther       tableKind = iota
	tableSummary               // 收支总表: totals, sources, functional 类
	tableExpenditure           // 支出总表: 合计 row with basic and project
	tableEconomic              // 基本支出 by economic class
	tableThreePublic           // 三公经费 (and often 机关运行经费): one row under a header
	tableFiscal                // 财政拨款收支总表: the appropriations' 总计
	tableProcurement           // 政府采购预算表: total, goods, works, services
	tableOperating             // 机关运行经费支出表: economic classes, their sum
	tableFund                  // 政府性基金 / 国有资本经营 tables: a total, or empty
	tableFunction              // 一般公共预算 / 财政拨款 支出表 by function: 项 codes
	tableRevenue               // 收入总表: revenue by source, a column each (a template: generic.go)
	tableStatistics            // 部门决算相关信息统计表: 三公 and 机关运行经费 by 行次
)

type table struct {
	kind   tableKind
	title  string
	line   int   // 1-based line of the title
	end    int   // 0-based index of the line that ends it (the next title, or the end)
	factor int64 // yuan per unit of the table
	rows   []row // in reading order
	layout []row // by column, for layout text (nil otherwise)
	laid   bool  // the text keeps the table's columns (pdftotext -layout)
	// contents: the title is a line of the contents, the table itself is
	// further down (no rows here, and no coverage entry of its own)
	contents bool
	// rowwise: default-mode text that printed a coded table row by row, its
	// codes reading as a tree (codeTree): each row's cells are the ones
	// after its name
	rowwise bool
	// a 收支总表 default mode printed column by column, read by its
	// columns (colwise.go); nil otherwise
	columns []row
	// why cells of a table default mode printed column by column were not
	// read (colwise.go), empty otherwise
	unplaced string
	// a table left out (mixed.go, colwise.go) whose rows read with one
	// cell misprinted (onecell.go): the rows, each cell as printed; nil
	// otherwise
	oneOff []row
	// oneOff's rows placed from a table printed column by column
	// (columnOneOff): a row's cells are its printed ones in column order,
	// its total first, blank cells dropped
	colwise bool
	// codesApart: default mode printed the table's codes as a column of
	// their own, and its other cells in no shape a reader places (neither
	// whole columns nor rows; column-wise and row-wise stretches mixed)
	codesApart bool
	// the values of a coded table default mode printed away from their
	// rows that fillCodedGaps could not place, in the order printed
	spares []token
	// grid: a table a cell a line whose numbered rows place every cell
	// (grid.go), its rows by column in layout; cut: the text ends inside it
	grid, cut bool
}

type row struct {
	name string
	code string  // the classification code printed before the name, if any
	vals []token // number cells, in reading order
	line int
}

// findTables locates the tables and reads their rows. A table runs from its
// title to the next table title.
func findTables(lines, flat []string) []table {
	var tabs []table
	var parts []int // the lines that head a part of the document (第三部分): no table runs across one
	tail := -1      // the line a title broken over a blank line ends on
	for i, c := range flat {
		if partHeading(c) {
			parts = append(parts, i)
		}
		if i == tail {
			continue
		}
		// a web table's title row keeps the bar of its one cell: "…情况统计表 |"
		c = strings.TrimRight(c, "| ")
		// a title broken before its last words: "…会议费、培训费" / "支出预算表"
		// (not a sentence about 三公 above a table's title), a blank line
		// between where each line is a block of its own (mutool)
		at := i + 1
		if j := nextIndex(flat, i); !strings.HasSuffix(c, "表") && j > 0 && strings.HasSuffix(flat[j], "表") && utf8.RuneCountInString(flat[j]) <= 8 && strings.Contains(c, "三公") &&
			!strings.ContainsAny(c, "。；") {
			c += flat[j]
			if j > i+1 {
				at, tail = j+1, j // the title ends on that line, not a title of its own
			}
		}
		// a title broken before its last character: "一般公共预算支出" / "表"
		// (or "表5", the table's number after it); the title ends on that line
		if !strings.HasSuffix(c, "表") && i+1 < len(flat) && strings.HasPrefix(flat[i+1], "表") && strings.Trim(flat[i+1][len("表"):], "0123456789") == "" &&
			!strings.ContainsAny(c, "。；，,") && classifyTitle(c+"表") != tableOther {
			c += "表"
			at = i + 2
		}
		// titles carry a number prefix such as 公开01表： or 1.
		if k := strings.LastIndex(c, "表:"); k >= 0 {
			c = c[k+len("表:"):]
		}
		// or book-title brackets around it: 1.《收入支出决算总表》 (a
		// sentence naming one, 详见《…表》, does not open on them)
		c = unbracketTitle(c)
		// and a qualifier after: 基本支出预算表(经济科目)
		if k := strings.LastIndex(c, "表("); k >= 0 && strings.HasSuffix(c, ")") && len(c)-k < 30 {
			c = c[:k+len("表")]
		}
		kind := classifyTitle(c)
		// no title: a 三公 table of a row a year, by its corner cell
		if kind == tableOther && threePublicCorner(c) && !slices.ContainsFunc(tabs, func(t table) bool { return t.kind == tableThreePublic }) {
			kind = tableThreePublic
		}
		// a 三公 heading that is no table's title ("2020年度全区“三公”经费决算
		// 情况") over a header whose corner cell is a table's ("经费项目 |"; its
		// bar lost where a body on one line was broken into cells)
		if next := nextNonBlank(flat, i); kind == tableOther && strings.Contains(c, "三公") && titleLike(c) && strings.HasSuffix(strings.TrimRight(next, "| "), "项目") &&
			utf8.RuneCountInString(next) <= 8 && !slices.ContainsFunc(tabs, func(t table) bool { return t.kind == tableThreePublic }) {
			kind = tableThreePublic
		}
		if kind == tableOther && partHeading(c) {
			continue // 第二部分 2024年部门预算表: the tables' part, in the contents or above them
		}
		if kind == tableOther && !(strings.HasSuffix(c, "表") && (strings.Contains(c, "预算") || strings.Contains(c, "决算")) && !strings.Contains(c, "…") && len(c) < 120) &&
			!shortTitle(c) {
			continue
		}
		if n := len(tabs); n > 0 && tabs[n-1].kind == kind && tabs[n-1].title == c && kind != tableOther {
			continue // the title printed again over the table's next page
		}
		if n := len(tabs); n > 0 && tabs[n-1].line == i {
			// a part's heading (第二部分 …预算表) right above a table's
			// title gives way to it; two known titles a line each are a
			// list (the contents); otherwise a title broken over two lines
			switch prev := tabs[n-1]; {
			case prev.kind == tableOther && kind != tableOther:
				tabs = tabs[:n-1]
			case prev.kind != tableOther && kind != tableOther && strings.HasSuffix(prev.title, "表"):
			default:
				continue
			}
		}
		tabs = append(tabs, table{kind: kind, title: c, line: at})
	}
	hasSummary := slices.ContainsFunc(tabs, func(t table) bool { return t.kind == tableSummary })
	trailing := titlesAfterCells(flat, tabs)
	for k, span := range trailing {
		if span[0] >= 0 {
			tabs[k].line = span[0] + 1 // read from the line after its number
		}
	}
	for k := range tabs {
		end := len(lines)
		if k+1 < len(tabs) {
			end = tabs[k+1].line - 1
			// "公开 10 表" printed above the next title belongs to it
			j := end
			for j > tabs[k].line && flat[j-1] == "" {
				j--
			}
			if j > tabs[k].line && isTableNumber(flat[j-1]) {
				end = j - 1
			}
		}
		for _, p := range parts {
			if p >= tabs[k].line && p < end {
				end = p
				break
			}
		}
		end = proseAfter(flat, tabs[k].line, end)
		for _, later := range tabs[k+1:] {
			if later.kind == tabs[k].kind && bareTitle(later.title) == bareTitle(tabs[k].title) {
				tabs[k].contents, end = true, tabs[k].line // the contents' line: the table is below
				break
			}
		}
		unitEnd := end
		if trailing != nil && trailing[k][0] >= 0 {
			// its cells end at its title, or with the header's leftover
			// cells after it, and the unit, where no figure follows
			title := trailing[k][1]
			j := title
			for j < end && !figureLine(flat[j]) {
				j++
			}
			if j < end {
				end = min(end, title)
			}
		}
		tabs[k].end = end
		tabs[k].factor = unitAfter(flat, tabs[k].line-1, unitEnd)
		if tabs[k].factor == 0 && threePublicCorner(tabs[k].title) && tabs[k].line >= 2 {
			tabs[k].factor = unitAfter(flat, tabs[k].line-2, tabs[k].line-1) // no title: the unit over the header
		}
		// cells that print the table's unit ("44万元") are its figures
		lines, flat := withoutCellUnits(lines, flat, tabs[k].line, end, tabs[k].factor)
		tabs[k].rows, tabs[k].spares = readRows(lines, flat, tabs[k].line, end)
		if tabs[k].kind == tableOther && !hasSummary && summaryRows(tabs[k].rows) {
			tabs[k].kind = tableSummary
		}
		var laid []row
		laid, tabs[k].laid = layoutRows(lines, flat, tabs[k].line, end)
		if tabs[k].kind == tableSummary || tabs[k].kind == tableFiscal {
			tabs[k].layout = laid
		}
		if !tabs[k].laid && tabs[k].kind == tableSummary {
			if rows, cut, ok := gridRows(flat, tabs[k].line, end); ok {
				tabs[k].layout, tabs[k].grid, tabs[k].cut = rows, true, cut
			}
		}
		switch {
		case tabs[k].laid:
		case tabs[k].kind != tableSummary && codeTree(tabs[k].rows):
			tabs[k].rowwise = true
		case tabs[k].kind == tableSummary: // another reading, for summaryTable to weigh
			tabs[k].columns, tabs[k].unplaced, _ = summaryColumns(lines, flat, tabs[k].line, end)
		default: // codes in columns, or apart from the rows: no row-by-row reading holds
			cols := newColTable(lines, flat, tabs[k].line, end)
			if rows, why, ok := cols.columnRows(); ok {
				tabs[k].rows = rows
			} else if why != "" {
				tabs[k].unplaced = why
			} else if m, why := parseMixed(lines, flat, tabs[k].line, end); m != nil {
				if rows, why, ok := m.read(); ok {
					tabs[k].rows = rows
				} else {
					tabs[k].unplaced, tabs[k].oneOff = why, m.oneOff()
				}
			} else {
				tabs[k].unplaced = why
				tabs[k].oneOff = cols.columnOneOff()
				if tabs[k].oneOff == nil {
					var rows []row
					rows, tabs[k].oneOff, why = bandedRows(lines, flat, tabs[k].line, end)
					if rows != nil {
						tabs[k].rows, tabs[k].unplaced = rows, ""
					}
					tabs[k].unplaced = cmp.Or(why, tabs[k].unplaced)
				}
				tabs[k].colwise = tabs[k].oneOff != nil
				tabs[k].codesApart = classCodesAdjacent(flat, tabs[k].line, end)
			}
		}
	}
	return tabs
}

// Titles after their cells. A file of tables only, as pdftotext's raw mode
// and mutool print it (the content stream's order), can give each table's
// title after its cells: "表一" / "部门：…" / cells / "收支预算总表" / the
// header's leftover cells. Read from its title on, a table would be the
// next one's cells. titlesAfterCells tells, for each table, the lines that
// open and end its cells where the text prints tables so ({-1, -1} for a
// table it does not tell, nil for a text that does not print its tables
// so): each table's cells open after its number (表一, 公开01表) or on its
// 部门： line (or, without one, after the title before, of a table printed
// so too), and end at its title. The text prints its tables so when
// its first known table's title follows figures, and no sentence, after
// such an opener, and at least three titles do (pdftotext -layout prints
// a title, then its 部门： line and header, then its rows: the first title
// follows no figures of its own). The contents' lines (a title printed
// again further on, or a list of titles) are no tables, nor is a numbered
// title (十二、政府采购支出预算表: the contents' last) the first.
func titlesAfterCells(flat []string, tabs []table) [][2]int {
	spans := make([][2]int, len(tabs))
	after, first := 0, -1
	prev := -1 // the last title's line
	for k, t := range tabs {
		spans[k] = [2]int{-1, -1}
		title := t.line - 1
		if title >= len(flat) {
			continue
		}
		if flat[title] == "表" || title > 0 && isTableNumber(flat[title]) && strings.HasPrefix(flat[title], "表") {
			title-- // "一般公共预算支出" / "表5": the title opens on the line before
		}
		from := prev + 1
		prev = t.line - 1
		listed := func(a, b table) bool {
			return b.line-a.line <= 3 && !slices.ContainsFunc(flat[a.line:b.line-1], figureLine)
		}
		if slices.ContainsFunc(tabs[k+1:], func(later table) bool { return later.kind == t.kind && bareTitle(later.title) == bareTitle(t.title) }) ||
			k+1 < len(tabs) && listed(t, tabs[k+1]) {
			continue // a line of the contents: a list of titles
		}
		m := -1
		for j := title - 1; j >= from; j-- {
			if opensCells(flat[j]) {
				m = j
				break
			}
		}
		if first < 0 && t.kind != tableOther && dropEnum(t.title) == t.title {
			first = k
			if m < 0 || slices.ContainsFunc(flat[m+1:title], func(l string) bool { return strings.Contains(l, "。") }) {
				return nil
			}
		}
		opened := m >= 0
		if !opened && first >= 0 && first < k && spans[k-1][0] >= 0 {
			m = from - 1 // no opener of its own: its cells follow the title before's
		}
		switch figures := m >= 0 && slices.ContainsFunc(flat[m+1:title], figureLine); {
		case figures:
			spans[k] = [2]int{m, title}
			if opened {
				after++
			}
		case m >= 0 && first >= 0 && first < k:
			spans[k] = [2]int{m, title} // no figure (此表为空, a note): its cells still end at its title
		}
	}
	if after < 3 || first < 0 || spans[first][0] < 0 {
		return nil
	}
	return spans
}

// figureLine tells a line with a figure: a number that is no year, count
// or percentage, with decimals or of three digits at least (not a row's
// enumerator, 1.一般公共预算).
func figureLine(l string) bool {
	return slices.ContainsFunc(lexNumbers(l), func(t token) bool {
		return (t.kind == numPlain || t.kind == numMoney) && (t.scale > 0 || t.mant >= 100)
	})
}

// opensCells tells a line that opens a table's cells: its number (表一,
// 公开01表, 公开表一) or the department's line (部门：…, 编制部门：…, 编制单位：…).
func opensCells(l string) bool {
	return isTableNumber(strings.TrimPrefix(l, "公开")) || startsWithAny(l, []string{"部门:", "编制部门:", "编制单位:"})
}

// summaryRows tells the rows of a 收支总表 under a title that names no
// kind of table (a budget system's export under 部门预算公开表): rows
// labelled 收入总计 and 支出总计, and a source of revenue no appropriation is
// (财政专户管理资金, 事业收入 …), which a 财政拨款收支总表 has not.
func summaryRows(rows []row) bool {
	keys := map[string]bool{}
	for _, r := range rows {
		key := summaryKey(rowName(r.name))
		keys[key] = true
		if src, ok := strings.CutPrefix(key, "src:"); ok && !appropriation(src) {
			keys["other source"] = true
		}
	}
	return keys["revenue"] && keys["expenditure"] && keys["other source"]
}

// appropriation tells a source of revenue that is an appropriation: 财政拨款
// and its parts (一般公共预算, 政府性基金, 国有资本经营).
func appropriation(src string) bool {
	for _, s := range revenueSources {
		if s.name == src && (s.name == "财政拨款" || s.partOf == "财政拨款") {
			return true
		}
	}
	return false
}

// proseAfter is where the prose after a table's figures resumes in
// flat[from:end] (end where it does not): a sentence ("宁国市…2016年度
// “三公”经费财政拨款支出决算为68.3万元,完成年初预算的88.7%。…") or a
// numbered heading of an explanation ("二、2016年“三公”经费财政拨款支出
// 决算情况说明") after a line with a figure — not a table's note (注:,
// 说明:, 此表为空), nor a web table's row of cells.
func proseAfter(flat []string, from, end int) int {
	figures := false
	for i := from; i < end && i < len(flat); i++ {
		l := flat[i]
		if figures && !strings.Contains(l, "|") && !containsAny(l, emptyTable) &&
			!startsWithAny(l, []string{"注", "说明", "备注", "数据来源", "资料来源", "填报说明", "(注", "单位"}) &&
			(utf8.RuneCountInString(l) >= 20 && strings.Contains(l, "。") || dropEnum(l) != l && strings.HasSuffix(l, "说明") && !strings.HasSuffix(l, "表")) {
			return i
		}
		figures = figures || slices.ContainsFunc(lexNumbers(l), func(t token) bool { return t.kind != numYear && t.kind != numPct })
	}
	return end
}

// codeTree tells rows that read as a tree of class codes: at least three
// coded rows, no code twice, and every 款 or 项 below its 类 or 款 — what
// default mode printing a table row by row gives, and codes printed apart
// from their rows do not.
func codeTree(rows []row) bool {
	var codes []string
	for _, r := range rows {
		if r.code != "" {
			codes = append(codes, r.code)
		}
	}
	return len(codes) >= 3 && codesTree(codes)
}

// codesTree tells codes in reading order that read as a tree: none twice,
// each 款 or 项 after its 类 or 款.
func codesTree(codes []string) bool {
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] || len(c) > 3 && !seen[c[:len(c)-2]] {
			return false
		}
		seen[c] = true
	}
	return true
}

// bareTitle is a table's title without the number the contents and the
// tables' pages print before it (8．, 二、, 9.), and the year before it.
func bareTitle(c string) string {
	rest := strings.TrimLeft(c, "一二三四五六七八九十0123456789")
	for _, sep := range []string{"、", "．", ".", "，"} {
		if r, ok := strings.CutPrefix(rest, sep); ok && len(rest) < len(c) {
			c = r
			break
		}
	}
	// the year the contents name before a table's title ("2017年度部门决算
	// 相关信息统计表" of the list of 附表, "部门决算相关信息统计表" below)
	if y, before, after, ok := yearIn(c); ok && before == "" && y > 0 {
		return after
	}
	return c
}

// unbracketTitle is a title printed in book-title brackets without them,
// its number kept: 1.《收入支出决算总表》 is 1.收入支出决算总表. A line
// with words outside the brackets is left as it is.
func unbracketTitle(c string) string {
	rest := dropEnum(c)
	inner, ok := strings.CutPrefix(rest, "《")
	if !ok {
		return c
	}
	inner, ok = strings.CutSuffix(inner, "》")
	if !ok || strings.ContainsAny(inner, "《》") {
		return c
	}
	return c[:len(c)-len(rest)] + inner
}

// shortTitle tells a title of the 2025 templates that names neither 预算
// nor 决算: 部门收入总表, 单位收入总表, 项目支出表. Unknown to the
// catalogue, it still ends the table before it.
func shortTitle(c string) bool {
	return utf8.RuneCountInString(c) <= 8 && (strings.HasSuffix(c, "收入总表") || strings.HasSuffix(c, "项目支出表"))
}

// partHeading tells a compacted line that heads a part of the document:
// 第二部分…, 第2部分….
func partHeading(c string) bool {
	rest, ok := strings.CutPrefix(c, "第")
	if !ok {
		return false
	}
	k := strings.Index(rest, "部分")
	return k > 0 && strings.Trim(rest[:k], "一二三四五六七八九十0123456789") == ""
}

// isTableNumber tells a line that only numbers a table: 公开10表, 表3, 附表一.
func isTableNumber(c string) bool {
	c = strings.TrimSuffix(c, ":")
	for _, p := range []string{"公开", "附表", "表"} {
		if rest, ok := strings.CutPrefix(c, p); ok {
			rest = strings.TrimSuffix(rest, "表")
			return rest != "" && strings.Trim(rest, "0123456789一二三四五六七八九十") == ""
		}
	}
	return false
}

// unitAfter reads the 单位： line that follows a title at i, within the
// table (before end) and its first 40 lines (0 without one): default mode
// can print it after the header's first cells and figures (a row-shaped
// table's every label).
func unitAfter(flat []string, i, end int) int64 {
	for j := i; j < len(flat) && j < end && j <= i+40; j++ {
		// each 单位: of the line ("编制单位:某镇人民政府 金额单位:万元" on one)
		for c := flat[j]; ; {
			k := strings.Index(c, "单位:")
			if k < 0 {
				break
			}
			rest := c[k+len("单位:"):]
			c = rest
			if j+1 < len(flat) && (rest == "万" || rest == "亿") { // "单位：万" / "元" broken over two lines
				rest += flat[j+1]
			}
			switch {
			case strings.HasPrefix(rest, "亿"): // 亿元, or 亿 alone
				return 100000000
			case strings.HasPrefix(rest, "万"):
				return 10000
			case strings.HasPrefix(rest, "元"):
				return 1
			}
		}
	}
	return headerUnit(flat, i, end)
}

// headerUnit reads the unit a table without a 单位: line prints in its
// header's cells ("2014年决算(万元)"), above its first figure: one unit,
// however many cells name it (0 without one, or with two).
func headerUnit(flat []string, i, end int) int64 {
	var found int64
	for j := i; j < len(flat) && j < end && j <= i+40; j++ {
		cells := cellsOf(flat[j])
		for k, c := range cells { // a web table's cell a line keeps its bar: "2020年度支出(万元)|"
			cells[k] = strings.TrimRight(c, "| ")
		}
		if slices.ContainsFunc(cells, isNumberCell) {
			break
		}
		for _, c := range cells {
			for unit, f := range map[string]int64{"(元)": 1, "(万元)": 10000, "(亿元)": 100000000} {
				if !strings.HasSuffix(c, unit) {
					continue
				}
				if found != 0 && found != f {
					return 0
				}
				found = f
			}
		}
	}
	return found
}

// pageFirstNumbers are the lines that hold a page's number printed first
// on its page, after a form feed alone on its line (blank lines between):
// a lone number that the number of another page so printed follows or
// precedes by one (…, 12, 13, …) — a 类 code opening a page's rows (302)
// runs with no other.
func pageFirstNumbers(lines []string) map[int]bool {
	at := map[int]int{} // a page's first number → its line
	for k, l := range lines {
		if l != "\f" {
			continue
		}
		i := k + 1
		for i < len(lines) && lines[i] != "\f" && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		if i < len(lines) && isPageNumber(lines[i]) {
			n, _ := strconv.Atoi(strings.Trim(lines[i], " -—─–－"))
			at[n] = i
		}
	}
	pages := map[int]bool{}
	for n, i := range at {
		if j, ok := at[n-1]; ok && j < i {
			pages[i] = true
		}
		if j, ok := at[n+1]; ok && j > i {
			pages[i] = true
		}
	}
	return pages
}

// isNumberCell tells a cell that is a number (with separators, decimals, a sign).
func isNumberCell(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ',':
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return !strings.HasSuffix(s, ".") // "2. 政府性基金预算": a list's number, no amount
}

// cellsOf splits a line into cells: runs of two or more spaces separate
// cells (pdftotext -layout); within a cell, a number and a name separated by
// one space are two cells (default mode: "156,211,123 一、一般公共服务支出").
func cellsOf(line string) []string {
	cells := splitCells(line)
	// a label spaced out over its cell: "合   计"
	for k := 0; k+1 < len(cells); k++ {
		if j := cells[k] + cells[k+1]; j == "合计" || j == "总计" || j == "小计" {
			cells = append(cells[:k], append([]string{j}, cells[k+2:]...)...)
		}
	}
	return cells
}

// splitCells splits a line into cells: a tab, or two spaces together,
// separate cells; within a cell, words one space (or other white space)
// apart are one text, split where a number stands or a label opens with
// its own enumerator (cellsSplit, kept for the line's next ask).
func splitCells(line string) []string { return splitMemo.get(line) }

var splitMemo = lineMemo[string]{of: cellsSplit}

// cellsSplit is splitCells of a line not kept: the line is read once,
// words sliced from it.
func cellsSplit(line string) []string {
	var cells, text []string
	cell := func() { // the text read so far is a cell
		if len(text) > 0 {
			cells = append(cells, strings.Join(text, ""))
			text = text[:0]
		}
	}
	s := fold(line)
	for i := 0; i < len(s); {
		// white space: a tab (web pages' table cells, see ingest.HTMLText)
		// or two spaces in it end a cell
		apart := false
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			apart = apart || r == '\t' || r == ' ' && strings.HasPrefix(s[i+1:], " ")
			i += n
		}
		if apart {
			cell()
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j == i {
			break
		}
		f := s[i:j]
		i = j
		if isNumberCell(f) {
			cell()
			cells = append(cells, f)
			continue
		}
		// a label that opens with its own enumerator (一、, （二）, 1、, (1))
		// begins a cell: two panels' labels, or a row's label after a
		// label whose cells are blank, one space apart (text that keeps
		// no columns)
		if st, _ := enumOf(f); st != enumNone {
			cell()
		}
		text = append(text, f)
	}
	cell()
	return cells
}

// readRows reads the rows of a table (lines from..to), and the values of
// a coded table's rows that fillCodedGaps left over.
func readRows(lines, flat []string, from, to int) (rows []row, spares []token) {
	to = min(to, len(lines))
	cellLines := make([][]string, max(to-from, 0)) // each line's cells, split once
	for i := from; i < to; i++ {
		if strings.Trim(flat[i], "|") == "" {
			continue // a web table's cell separators alone on their line ("|", "||"): no cell
		}
		// nor is one after a number ("675.82 |"), or after a name ("一般公共服务支出
		// |"): the next cell is the row's next
		cells := cellsOf(lines[i])
		for k, c := range cells {
			cells[k] = strings.TrimRight(c, "|")
		}
		cellLines[i-from] = slices.DeleteFunc(cells, func(c string) bool { return c == "" })
	}
	// layout text keeps a value on its row's line: only default mode (one
	// cell a line) can print values a row late, or a page's number among them
	filled, multi := 0, 0
	for _, cs := range cellLines {
		if len(cs) > 0 {
			filled++
		}
		if len(cs) > 1 {
			multi++
		}
	}
	laid := multi*3 >= filled
	// a page's number, alone on the last line before the next page's form
	// feed (blank lines between), is no cell: default mode prints it among a
	// table's cells, and text whose rows' cells one space parts (another
	// tool's, or layout text with its runs of spaces squeezed) at the start
	// of its line
	// — or on the first line after a form feed alone on its line, where the
	// lone numbers run from page to page (mutool prints each page's number
	// first)
	var pages map[int]bool
	for i := from; i+1 < to; i++ {
		if cs := cellLines[i-from]; len(cs) == 1 && isPageNumber(cs[0]) {
			j := i + 1
			for j+1 < to && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if strings.HasPrefix(lines[j], "\f") {
				cellLines[i-from] = nil
				continue
			}
			if pages == nil {
				pages = pageFirstNumbers(lines)
			}
			if pages[i] {
				cellLines[i-from] = nil
			}
		}
	}
	// the column numbers 1, 2, 3 … one a line (default mode)
	for i := 0; i < len(cellLines); {
		n := 0
		for i+n < len(cellLines) && len(cellLines[i+n]) == 1 && cellLines[i+n][0] == strconv.Itoa(n+1) {
			n++
		}
		if n >= 3 {
			for k := i; k < i+n; k++ {
				cellLines[k] = nil
			}
			// and the 栏次 above them, so that the row's 1 after them is none
			if i > 0 && slices.Equal(cellLines[i-1], []string{"栏次"}) {
				cellLines[i-1] = nil
			}
		}
		i += max(n, 1)
	}
	joinSplitCodes(cellLines)
	r := rowReader{prevText: -1, around: -1, below: -1}
	// the 决算 template numbers its rows in a 行次 column and its columns in
	// a 栏次 row: neither number is an amount
	numbered := false
	// a budget system's export numbers its rows in a 序号 column before
	// their labels: 1, 2, 3 … each the one after the last, a label after it
	serial := -1 // the last 序号 read, -1 where the header has no 序号
	// a table by unit (单位编码 | 单位名称 | …): each unit's code opens its
	// row, before its name, and is no amount
	unitCoded := false
	for i := from; i < min(to, from+12); i++ {
		numbered = numbered || strings.Contains(flat[i], "行次")
		if serial < 0 && strings.Contains(flat[i], "序号") {
			serial = 0
		}
		unitCoded = unitCoded || strings.Contains(flat[i], "单位编码") || strings.Contains(flat[i], "单位代码")
	}
	columnNumber := 0  // the next number of the 栏次 row (1, 2, 3 … after 栏次), 0 outside it
	afterName := false // the cell before (on this line or the one above) is a name
	var nos rowNumbers
	for i := from; i < to; i++ {
		if endsTable(flat[i]) { // the explanations that follow the table
			if noteWithin(flat, i, to) {
				continue
			}
			break
		}
		cells := cellLines[i-from]
		r.nextBare = false
		for _, cs := range cellLines[i+1-from:] {
			if len(cs) > 0 {
				r.nextBare = bareCode(cs)
				break
			}
		}
		if columnNumbering(cells) {
			continue
		}
		nos.line()
		for k := 0; k < len(cells); k++ {
			c := cells[k]
			if columnNumber > 0 && c == strconv.Itoa(columnNumber) {
				columnNumber++
				continue
			}
			columnNumber = 0
			if numbered && nos.take(c, afterName, k == 0 || isNumberCell(cells[k-1]), len(cells) == 1) {
				afterName = false
				continue
			}
			if serial >= 0 && c == strconv.Itoa(serial+1) {
				if next := cellsAhead(cells[k+1:], cellLines[i+1-from:], 1); len(next) == 1 && !isNumberCell(next[0]) {
					serial++
					afterName = false
					continue
				}
			}
			if unitCoded && k == 0 && unitCode(c) && nextIsName(cells[k+1:], cellLines[i+1-from:]) {
				continue
			}
			if c == "栏次" {
				columnNumber = 1
			}
			afterName = !isNumberCell(c)
			switch {
			case c == "栏次":
			case c == "金额" || strings.HasPrefix(c, "单位:"): // a header's cells, between 合计 and its value
			case !isNumberCell(c):
				r.name(c, i, k == 0, len(cells) == 1)
			default:
				if used, ok := r.codeAt(cells[k:], cellLines[i+1-from:], i, k == 0); ok {
					k += used - 1
				} else if n := len(r.rows); n > 0 {
					if t, ok := cellToken(c, i+1); ok {
						r.rows[n-1].vals = append(r.rows[n-1].vals, t)
					}
				}
			}
		}
	}
	spares = fillCodedGaps(r.rows, laid)
	return r.rows, spares
}

// unitCode tells a unit's code in a table by unit: digits only, no
// separator, six or more (301001).
func unitCode(c string) bool {
	return len(c) >= 6 && strings.Trim(c, "0123456789") == ""
}

// nextIsName tells whether the cell after one is a name: the next on its
// line, or (one cell a line) the first of the next line with cells.
func nextIsName(rest []string, below [][]string) bool {
	if len(rest) > 0 {
		return !isNumberCell(rest[0])
	}
	for _, cs := range below {
		if len(cs) > 0 {
			return !isNumberCell(cs[0])
		}
	}
	return false
}

// joinSplitCodes puts back on one line a code that default mode printed
// a column a line — the 类 (205), then the 款 (02) and the 项 (01), each
// alone, then the row's name — as layout text prints it (205 02 01), for
// codeCell to join. The 款 and 项 parts must be two digits and a name must
// follow; and the joined codes must read as a tree (none twice, each 款
// under a 类 printed before it, each 项 under its 款), or none is joined:
// a table that prints some codes apart from their rows (Shanghai's) would
// otherwise give a 项 its 款's code.
func joinSplitCodes(cellLines [][]string) {
	next := func(i int) int { // the next line with cells after i, or -1
		for j := i + 1; j < len(cellLines); j++ {
			if len(cellLines[j]) > 0 {
				return j
			}
		}
		return -1
	}
	type join struct {
		at    int
		parts []int
		subs  []string // the parts as two digits
	}
	var joins []join
	var codes []string
	for i, cs := range cellLines {
		if len(cs) != 1 || len(cs[0]) != 3 || strings.Trim(cs[0], "0123456789") != "" {
			continue
		}
		var parts []int
		var subs []string
		code := cs[0]
		j := next(i)
		for j >= 0 && len(parts) < 2 && len(cellLines[j]) == 1 {
			name := ""
			if k := next(j); k >= 0 {
				name = cellLines[k][0]
			}
			sub, ok := subCode(code, cellLines[j][0], name)
			if !ok {
				break
			}
			parts, subs, code = append(parts, j), append(subs, sub), code+sub
			j = next(j)
		}
		if j < 0 || isNumberCell(cellLines[j][0]) {
			continue
		}
		codes = append(codes, code)
		if len(parts) > 0 {
			joins = append(joins, join{i, parts, subs})
		}
	}
	if !codesTree(codes) {
		return // not a tree: the codes are not their rows'
	}
	for _, jn := range joins {
		for k, p := range jn.parts {
			cellLines[jn.at] = append(cellLines[jn.at], jn.subs[k])
			cellLines[p] = nil
		}
	}
}

// subCode is the 款 or 项 part c of a code that follows code (301 in "301
// 01"): two digits — or one, its leading zero dropped ("301 2 津贴补贴"),
// where the name after it is the whole code's.
func subCode(code, c, name string) (string, bool) {
	switch {
	case isSubCode(c):
		return c, true
	case len(c) == 1 && c >= "1" && c <= "9" && namedAs(code+"0"+c, name):
		return "0" + c, true
	}
	return "", false
}

// columnNumbering tells a line of the numbers 1, 2, 3 … that a template
// prints under its header to number the columns (栏次), with or without
// the word.
func columnNumbering(cells []string) bool {
	if len(cells) > 0 && cells[0] == "栏次" {
		cells = cells[1:]
	}
	if len(cells) < 3 {
		return false
	}
	for k, c := range cells {
		if c != strconv.Itoa(k+1) {
			return false
		}
	}
	return true
}

// isRowNumber tells a cell that can be a row's number in a 行次 column
// (rowNumber).
func isRowNumber(c string) bool {
	_, ok := rowNumber(c)
	return ok
}

// rowNumber reads a row's number in a 行次 or 序号 column: one to three
// digits, no separator, no decimals, no leading zero (01 is a 款's or a
// 项's code, not a row's number).
func rowNumber(c string) (int, bool) {
	if c == "" || len(c) > 3 || c[0] == '0' {
		return 0, false
	}
	v := 0
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return 0, false
		}
		v = v*10 + int(c[i]-'0')
	}
	return v, true
}

// rowNumbers follows the 行次 of a table's two panels as its lines are
// read: the number after a row's label, and the number of a row with no
// label (a panel shorter than the other), the next of its panel, first
// on its line (the left panel) or after a number (the right). A cell
// alone on its line (a web table's cell a line) tells no panel by its
// place: it is the next of the panel whose last 行次 it follows, or after a
// label the first of a run of the panel numbered before the last.
type rowNumbers struct {
	last   [2]int // the last 行次 of each panel, 0 before the first
	read   int    // the 行次 read on this line
	recent int    // the panel of the last 行次 taken alone on its line
}

// line starts a line.
func (r *rowNumbers) line() { r.read = 0 }

// take tells whether cell c is a 行次, and counts it: c follows a label
// (afterName), or opens its line or follows a number (afterNumber); alone
// tells a cell alone on its line.
func (r *rowNumbers) take(c string, afterName, afterNumber, alone bool) bool {
	n, ok := rowNumber(c)
	if !ok {
		return false
	}
	if alone {
		panel := -1
		for p, last := range r.last {
			if last > 0 && n == last+1 {
				panel = p
			}
		}
		if panel < 0 && !afterName {
			return false
		}
		if panel < 0 {
			panel = 1 - r.recent
		}
		r.last[panel], r.recent = n, panel
		return true
	}
	panel := min(r.read, 1)
	if !afterName && !(afterNumber && r.last[panel] > 0 && n == r.last[panel]+1 && (panel == 1 || r.read == 0)) {
		return false
	}
	r.last[panel] = n
	r.read++
	return true
}

// rowReader gathers a table's rows from its cells in reading order.
type rowReader struct {
	rows        []row
	prevText    int    // line of the last row that has a name but no numbers yet
	code, class string // the code waiting for its row's name; the last 类 code
	around      int    // the row whose code came below its name
	nextBare    bool   // the next line with cells is a code and amounts, no name
	below       int    // the row whose name comes below its code
}

// name takes a text cell of line i: the name of a new row, or the rest of
// the last row's name.
func (r *rowReader) name(c string, i int, first, alone bool) {
	n := len(r.rows)
	var last *row
	if n > 0 {
		last = &r.rows[n-1]
	}
	joins := last != nil && len(last.vals) == 0 && r.code == "" && rowLabels[last.name+c] // "合" / "计"
	wraps := first && last != nil && len(last.vals) == 0 && r.prevText == i-1 && alone && !startsItem(c) &&
		!rowLabels[rowName(c)] && !rowLabels[rowName(last.name)] && r.code == "" && !codeLabels[last.name] && !strings.HasSuffix(last.name, "类款项") &&
		c != "合" && c != "总" && c != "小" // the first half of 合 / 计
	// the end of a name wrapped around its code's line: "…缴费支" / code and
	// amount / "出"; or the name printed below its code's line
	tail := first && last != nil && n-1 == r.around && alone && !startsItem(c) &&
		(utf8.RuneCountInString(c) <= 3 || namedAs(last.code, last.name+c) || !r.nextBare)
	under := first && n-1 == r.below && alone && !startsItem(c) && !rowLabels[rowName(c)] && r.code == ""
	r.around = -1
	if !under {
		r.below = -1
	}
	if last != nil && (joins || wraps || tail || under) {
		last.name += c // a name wrapped onto the next line
	} else {
		r.rows = append(r.rows, row{name: c, line: i + 1, code: r.code})
	}
	r.code = ""
	r.prevText = i
}

// codeLabels are the labels of the code columns, the header's last line
// (repeated after a page break): no name continues them, nor a header
// line ending in them (类 款 项 one space apart: one cell).
var codeLabels = map[string]bool{"类": true, "款": true, "项": true}

// codeAt takes the number cells that open cells as a row's code when they
// are one (see codeCell); used is how many cells it takes.
func (r *rowReader) codeAt(cells []string, after [][]string, i int, first bool) (used int, ok bool) {
	cc, used, named, ok := codeCell(cells, after, r.class)
	if !ok {
		if !r.wrappedClass(cells) && !(first && classBelow(cells, after)) {
			return 0, false
		}
		cc, used = cells[0], 1
	}
	n := len(r.rows)
	r.below = -1
	switch {
	case named:
		r.code = cc
	case n > 0 && r.rows[n-1].code == "" && len(r.rows[n-1].vals) == 0 && !rowLabels[rowName(r.rows[n-1].name)]:
		r.rows[n-1].code = cc // its name wrapped onto the line above
		r.around = n - 1
	case first:
		r.rows = append(r.rows, row{code: cc, line: i + 1}) // its name on the lines below
		r.below = n
	default:
		return 0, false
	}
	if len(cc) == 3 {
		r.class = cc
	}
	return used, true
}

// bareCode tells whether a line's cells are a code (201, 2010101 or 201
// 01 01) and amounts, with no name: the line between a wrapped name's halves.
func bareCode(cells []string) bool {
	code, k := cells[0], 1
	for len(code) == 3 && k < 3 && k < len(cells) && len(cells[k]) == 2 && strings.Trim(cells[k], "0123456789") == "" {
		k++
	}
	return (len(code) == 3 || len(code) == 5 || len(code) == 7) && strings.Trim(code, "0123456789") == "" &&
		k < len(cells) && isNumberCell(cells[k])
}

// namedAs tells whether name is the known name of a function or economic
// code.
func namedAs(code, name string) bool {
	for _, scheme := range []string{schema.SchemeFunctional, schema.SchemeEconomic} {
		if c, ok := schema.LookupCode(scheme, code); ok && schema.NormalizeName(c.Name) == schema.NormalizeName(name) {
			return true
		}
	}
	return false
}

// wrappedClass tells a 类 code printed between the halves of its name,
// its amounts beside it ("文化旅游体" / "207  718.62 …" / "育与传媒支出"):
// the row above, with no code and no amount yet, must begin the class's
// name.
func (r *rowReader) wrappedClass(cells []string) bool {
	n := len(r.rows)
	if n == 0 || len(cells) < 2 || len(cells[0]) != 3 || !isNumberCell(cells[1]) {
		return false
	}
	last := r.rows[n-1]
	return last.code == "" && len(last.vals) == 0 && classNamed(cells[0], last.name)
}

// classBelow tells a 类 code that opens its line with its amounts, its
// name on the lines below ("207  18,566,865 …" / "文化旅游体" / "育与传媒支出"):
// the next line with cells holds only the start of the class's name.
func classBelow(cells []string, after [][]string) bool {
	if len(cells) < 2 || len(cells[0]) != 3 || !isNumberCell(cells[1]) {
		return false
	}
	for _, cs := range after {
		if len(cs) > 0 {
			return len(cs) == 1 && classNamed(cells[0], cs[0])
		}
	}
	return false
}

// codeCell tells whether the number cells that open cells are the code of
// a row: a 类 the classification knows (201, 301), or a 款 or 项 under the
// class before it (30101; 2010101, also printed 201 01 01), followed by its
// name (named: on this line, or the next of the lines after that has
// cells) or by its amounts (a name wrapped above the code). used is the
// number of cells the code takes.
func codeCell(cells []string, after [][]string, class string) (code string, used int, named, ok bool) {
	code, used = cells[0], 1
	if len(code) == 3 {
		for used < 3 && used < len(cells) {
			name := ""
			if used+1 < len(cells) {
				name = cells[used+1]
			}
			sub, ok := subCode(code, cells[used], name)
			if !ok {
				break
			}
			code += sub
			used++
		}
	}
	if strings.Trim(code, "0123456789") != "" {
		return "", 0, false, false
	}
	switch len(code) {
	case 3:
		_, fn := schema.LookupCode(schema.SchemeFunctional, code)
		_, ec := schema.LookupCode(schema.SchemeEconomic, code)
		if !fn && !ec {
			return "", 0, false, false
		}
	case 5, 7:
		// a table that prints its 项 only (no 类 row above them): a 项 of
		// a known 类, its name after it
		_, known := schema.LookupCode(schema.SchemeFunctional, code[:3])
		itemOnly := class == "" && len(code) == 7 && known
		if !itemOnly && (class == "" || code[:3] != class) {
			return "", 0, false, false
		}
		if itemOnly {
			if ahead := cellsAhead(cells[used:], after, 1); len(ahead) == 0 || isNumberCell(ahead[0]) || startsItem(ahead[0]) {
				return "", 0, false, false
			}
		}
	default:
		return "", 0, false, false
	}
	ahead := cellsAhead(cells[used:], after, 2)
	next := ""
	if len(ahead) > 0 {
		next = ahead[0]
	}
	switch {
	case next == "" || startsItem(next):
		return "", 0, false, false
	case isNumberCell(next):
		// a 类 is never without its name: "302 / 1,579.38 / 商品和服务支出"
		// prints its amount between the two
		return code, used, false, len(code) > 3 || len(ahead) > 1 && classNamed(code, ahead[1])
	case len(code) == 3 && !classNamed(code, next):
		return "", 0, false, false // an amount such as 302 (元) before an item's name
	}
	return code, used, true, true
}

// cellsAhead lists up to n cells from rest and then the lines after.
func cellsAhead(rest []string, after [][]string, n int) []string {
	out := slices.Clone(rest[:min(n, len(rest))]) // appending must not write into rest
	for _, cs := range after {
		if len(out) >= n {
			break
		}
		out = append(out, cs[:min(n-len(out), len(cs))]...)
	}
	return out
}

// classNamed tells whether name is the 类 of code, or the start of its name
// wrapped onto the next line ("对个人和家庭的补" / "助").
func classNamed(code, name string) bool {
	n := schema.NormalizeName(name)
	for _, scheme := range []string{schema.SchemeFunctional, schema.SchemeEconomic} {
		if c, ok := schema.ClassByName(scheme, n); ok && c.Code == code {
			return true
		}
		c, ok := schema.LookupCode(scheme, code)
		if !ok || utf8.RuneCountInString(n) < 4 {
			continue
		}
		for _, name := range append([]string{c.Name}, c.FormerNames...) { // 医疗卫生与 / 计划生育支出
			if strings.HasPrefix(schema.NormalizeName(name), n) {
				return true
			}
		}
	}
	return false
}

// cellToken reads a number cell (signed) of the 1-based line.
func cellToken(c string, line int) (token, bool) {
	var buf [2]token // a cell holds one: no slice made for it
	toks := appendNumbers(buf[:0], strings.TrimPrefix(c, "-"))
	if len(toks) != 1 {
		return token{}, false
	}
	t := toks[0]
	t.line = line
	if strings.HasPrefix(c, "-") {
		t.mant = -t.mant
	}
	return t, true
}

// endsTable tells a compacted line that ends a table's rows: running text
// (a table cell holds no sentence) or a note below the table (注：…).
func endsTable(c string) bool {
	for _, p := range []string{"注:", "备注:", "说明:"} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return utf8.RuneCountInString(c) > 24 && strings.ContainsAny(c, "。；") && strings.Contains(c, "，")
}

// noteWithin tells a note (注：…) that default-mode text printed inside its
// table: figures of the table follow it before any running text.
func noteWithin(flat []string, i, to int) bool {
	if !strings.HasPrefix(flat[i], "注:") && !strings.HasPrefix(flat[i], "说明:") {
		return false
	}
	for j := i + 1; j < to && j < len(flat); j++ {
		if endsTable(flat[j]) {
			return false
		}
		if isNumberCell(flat[j]) && !isPageNumber(flat[j]) { // the page's number after it is no figure
			return true
		}
	}
	return false
}

// rowLabels are names that always start a row of their own.
var rowLabels = map[string]bool{"总计": true, "合计": true, "小计": true, "年初结转和结余": true, "年末结转和结余": true,
	"收入总计": true, "支出总计": true, "收入合计": true, "支出合计": true, "本年收入合计": true, "本年支出合计": true,
	"当年收入小计": true, "当年支出小计": true, "上年结转": true, "上年结转资金": true, "结转下年": true, "结转下年资金": true,
	"结余分配": true, "预算数": true, "决算数": true}

// startsItem tells a name that begins a new row (an enumerator).
func startsItem(name string) bool {
	s, _ := enumOf(name)
	return s != enumNone
}

// isTotal tells a row name that is its table's total.
func isTotal(name string) bool { return name == "合计" || name == "总计" }

// rowName strips enumerators and brackets' width from a row name.
func rowName(s string) string {
	// a web table's cell a line keeps each cell's bar: "一、一般公共预算拨款收入|"
	s = strings.TrimRight(s, "| ")
	s = schema.NormalizeName(s)
	if st, _ := enumOf(s); st != enumNone {
		for _, sep := range []string{"、", ".", ")"} {
			if k := strings.Index(s, sep); k >= 0 && k < 12 {
				return s[k+len(sep):]
			}
		}
	}
	return s
}

// statedUnit is the unit of a 三公 table that prints none (a web page's,
// its 单位 line lost): the one of 元 and 万元 in which its 合计 is the total
// the text states, with a warning that says so; 0 where neither or both.
// A table whose 合计 is no total the text states takes the unit in which
// two of its parts' rows at least are the parts the text states, and none
// in the other (partsUnit): its 合计 is then a cell the checks compare.
func (b *builder) statedUnit(t table) int64 {
	tp := b.doc.ThreePublic
	if tp == nil {
		return 0
	}
	if tp.Total == nil {
		return b.partsUnit(t)
	}
	for _, r := range t.rows {
		if !isTotal(strings.ReplaceAll(rowName(r.name), " ", "")) || len(r.vals) == 0 {
			continue
		}
		var found int64
		for _, f := range []int64{1, 10000} {
			if (table{factor: f}).value(r.vals[0]) == *tp.Total {
				if found != 0 {
					return 0
				}
				found = f
			}
		}
		if found != 0 {
			b.warnTable(t, fmt.Sprintf("no unit (单位) printed: its 合计 %s is the total the text states in %s, so its figures are read in %s",
				strings.TrimSpace(b.st.src[r.vals[0].line-1]), map[int64]string{1: "元", 10000: "万元"}[found], map[int64]string{1: "元", 10000: "万元"}[found]))
		}
		if found != 0 {
			return found
		}
		return b.partsUnit(t)
	}
	return 0
}

// partsUnit is the unit, of 元 and 万元, in which two rows of a 三公 table
// at least print the amounts the text states for their parts, and no row
// does in the other, with a warning that says so; 0 otherwise.
func (b *builder) partsUnit(t table) int64 {
	tp := b.doc.ThreePublic
	stated := func(name string) *schema.Figure {
		switch n := rowName(name); {
		case strings.Contains(n, "出国"):
			return tp.OverseasTravel
		case strings.Contains(n, "接待"):
			return tp.Reception
		case strings.Contains(n, "购置") && strings.Contains(n, "运行"):
			return tp.Vehicle
		case strings.Contains(n, "购置"):
			return tp.VehiclePurchase
		case strings.Contains(n, "运行"):
			return tp.VehicleOperation
		}
		return nil
	}
	var named [2]int
	var rows [2][]string
	for _, r := range t.rows {
		f := stated(r.name)
		if f == nil || len(r.vals) == 0 || f.Amount == 0 {
			continue
		}
		for k, factor := range []int64{1, 10000} {
			if (table{factor: factor}).value(r.vals[0]) == f.Amount {
				named[k]++
				rows[k] = append(rows[k], strings.TrimSpace(b.st.src[r.vals[0].line-1]))
			}
		}
	}
	for k, factor := range []int64{1, 10000} {
		if named[k] >= 2 && named[1-k] == 0 {
			unit := map[int64]string{1: "元", 10000: "万元"}[factor]
			b.warnTable(t, fmt.Sprintf("no unit (单位) printed: its parts' rows %s are the amounts the text states in %s, so its figures are read in %s",
				strings.Join(rows[k], ", "), unit, unit))
			return factor
		}
	}
	return 0
}

// value converts a number cell of a table to fen.
func (t table) value(v token) schema.Money {
	return schema.Money(scaleDown(v.mant*t.factor*100, v.scale))
}

func (b *builder) tables(lines, flat []string) {
	tabs := findTables(lines, flat)
	for k := range tabs {
		if tabs[k].factor == 0 && tabs[k].kind == tableThreePublic {
			tabs[k].factor = b.statedUnit(tabs[k])
		}
	}
	b.tabs = tabs
	b.missingTables(tabs)
	for _, t := range tabs {
		if t.unplaced != "" {
			b.warnTable(t, t.unplaced)
		}
	}
	// the coded function tables and the 支出总表 first: the summary's reading
	// of default-mode cells is checked against them
	for _, t := range tabs {
		if t.factor != 0 && t.kind == tableFunction {
			if t, ok := b.classShape(t, templateOf(t.kind), flat); ok {
				b.codedTable(t)
			}
		}
		if t.factor != 0 && t.kind == tableExpenditure {
			b.codedTable(t)
		}
		if t.factor != 0 && t.kind == tableExpenditure && b.expenditureRow == nil {
			b.expenditureRow = singleRow(t)
		}
	}
	var unbalanced []table // summaries whose rows did not add up
	for _, t := range tabs {
		if t.factor == 0 {
			continue
		}
		if w := otherHeader(t, flat); w != "" {
			b.warnTable(t, "its header names "+w+": the rows are another table's (a title printed after its table?), not used")
			continue
		}
		if tpl := templateOf(t.kind); tpl != nil && !tpl.coded() {
			b.templateTable(t, tpl, lines, flat)
			continue
		}
		switch t.kind {
		case tableSummary:
			if !b.summaryTable(t, lines, flat) {
				unbalanced = append(unbalanced, t)
			}
		case tableExpenditure:
			b.expenditureTable(t, lines, flat)
		case tableEconomic:
			if t, ok := b.classShape(t, templateOf(t.kind), flat); ok {
				b.economicTable(t, lines, flat)
			}
		case tableThreePublic:
			b.threePublicTable(t, lines, flat)
		case tableFiscal:
			b.fiscalTable(t)
			b.fiscalSides(t, lines, flat)
			b.fiscalPairs(t, lines, flat)
		case tableProcurement:
			b.procurementTable(t, flat)
		case tableOperating:
			b.operatingTable(t)
		case tableFund:
			b.fundTable(t, flat)
		case tableStatistics:
			b.statisticsTable(t, lines)
		}
	}
	for _, t := range tabs {
		if t.factor != 0 {
			b.treeSums(t)
			b.spareSums(t)
			b.treeOneOff(t)
			if t.laid || !b.web || !b.webSums(t, lines) {
				b.rowSums(t)
			}
			b.oneOffSums(t)
			if t.kind == tableProcurement {
				b.purchaseSums(t, lines, flat)
			}
			if t.kind == tableFiscal {
				b.fiscalUses(t)
				b.fiscalSums(t)
			}
		}
	}
	// with every table read, the 财政拨款 carried bounds a summary's rows
	for _, t := range unbalanced {
		b.carriedAmounts(t, lines, flat)
	}
	b.vehicleParts()
}

// otherHeader returns the word of another table's kind that the header of
// t (the lines between its title and its first figure) names, if any:
// pdftotext -raw can print a title after its table, so that the rows under
// "一般公共预算基本支出预算表" are the next table's, headed "机关运行经费支出".
func otherHeader(t table, flat []string) string {
	if t.kind != tableEconomic && t.kind != tableFunction {
		return ""
	}
	for i := t.line; i < len(flat) && i < t.line+6 && i <= t.end; i++ {
		l := flat[i]
		if strings.ContainsAny(l, "0123456789") && !strings.Contains(l, "编码") && !strings.Contains(l, "单位") && !strings.HasPrefix(l, "表") {
			return "" // the first figures: the header is over
		}
		for _, w := range []string{"机关运行经费", "三公", "政府采购"} {
			if strings.Contains(l, w) && !strings.Contains(t.title, w) {
				return w
			}
		}
	}
	return ""
}

// vehicleParts settles 公务用车购置费 and 运行费 that were left out. One part
// equal to the 小计 V (公务用车购置及运行费 = 购置 + 运行) makes the other
// zero: the blank cell beside it. In default mode, where neither is read
// (the 小计 and one blank cell beside an equal one, either part's), the
// basic-expenditure table's 公务用车运行维护费 (30231) is part of the 三公
// 运行费 (the same 一般公共预算 money, basic spending only), so when it
// equals V the 运行费 is V and the blank cell is 购置费: zero.
func (b *builder) vehicleParts() {
	tp := b.doc.ThreePublic
	if tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount == 0 {
		return
	}
	src := b.doc.Provenance["/three_public/vehicle/amount"]
	for _, p := range []struct {
		part, other        **schema.Figure
		name, label, equal string
	}{{&tp.VehicleOperation, &tp.VehiclePurchase, "vehicle_purchase", "公务用车购置费", "运行费"},
		{&tp.VehiclePurchase, &tp.VehicleOperation, "vehicle_operation", "公务用车运行费", "购置费"}} {
		if *p.part != nil && *p.other == nil && (*p.part).Amount == tp.Vehicle.Amount {
			*p.other = &schema.Figure{}
			b.doc.Provenance["/three_public/"+p.name+"/amount"] = src
			b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
				Reason: p.label + " (" + p.name + ") is zero: not printed, and 公务用车购置及运行费 equals " + p.equal})
			return
		}
	}
	if tp.VehiclePurchase != nil || tp.VehicleOperation != nil {
		return
	}
	for _, c := range b.doc.Expenditure.ByEconomic {
		for _, it := range c.Items {
			if it.Code == "30231" && it.Amount == tp.Vehicle.Amount {
				tp.VehicleOperation = &schema.Figure{Amount: it.Amount}
				tp.VehiclePurchase = &schema.Figure{}
				b.doc.Provenance["/three_public/vehicle_operation/amount"] = src
				b.doc.Provenance["/three_public/vehicle_purchase/amount"] = src
				b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
					Reason: "公务用车购置费 and 运行费: which cell is blank comes from the basic-expenditure table's 公务用车运行维护费 (30231), equal to the 小计"})
				return
			}
		}
	}
}

// missingTables records each standard table a document with tables does
// not have, when one or two are missing. A document counts as having
// tables when at least three of them hold rows of figures (a table of
// contents names tables but holds none; a narrative-only disclosure has
// none to miss).
func (b *builder) missingTables(tabs []table) {
	filled := 0
	for _, t := range tabs {
		n := 0
		for _, r := range t.rows {
			if len(r.vals) > 0 {
				n++
			}
		}
		if n >= 2 {
			filled++
		}
	}
	if filled < 3 {
		return
	}
	var missing []string
	for _, st := range standardTables {
		found := false
		for _, t := range tabs {
			ok := true
			for _, w := range st.has {
				ok = ok && strings.Contains(t.title, w)
			}
			for _, w := range st.hasn {
				ok = ok && !strings.Contains(t.title, w)
			}
			ok = ok && (st.any == nil || containsAny(t.title, st.any))
			found = found || ok
		}
		if !found {
			missing = append(missing, st.name)
		}
	}
	// more than two missing says more about titles this reader does not
	// know (another template) than about the document
	if len(missing) > 2 {
		return
	}
	for _, name := range missing {
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Text: name, Reason: schema.WarnMissingTable + ": " + name})
	}
}

// setTable places a table figure. A figure the text gave already becomes an
// amount claim for the checks when it differs: the table is exact.
func (b *builder) setTable(path, field string, dst **schema.Money, v schema.Money, line int) {
	ptr := path + field
	cpath := path // as figure names its claims
	if field != "/amount" && field != "/total" {
		cpath = ptr
	}
	if *dst != nil && **dst != v {
		src := b.doc.Provenance[ptr]
		b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: cpath, Kind: schema.ClaimAmount, Value: (*dst).Float(),
			Decimals: 2, Unit: "万元", Line: src.Line, Text: src.Text})
	}
	*dst = &v
	b.doc.Provenance[ptr] = schema.Source{Line: line, Text: strings.TrimSpace(b.st.src[line-1])}
	b.tableLines[line] = true
}

func (b *builder) warnTable(t table, reason string) {
	b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: t.line, Text: t.title, Reason: reason})
}

// procurementTable reads 政府采购预算表: its 合计 row and the rows of the
// three kinds (一、货物 A, 二、工程 B, 三、服务 C). Default-mode text can put
// values of the rows below a kind's name before its own, so each value of a
// kind's row is a candidate, and the one choice of candidates that adds up
// to the 合计 is used; none or several, and the table is not.
func (b *builder) procurementTable(t table, flat []string) {
	// the 决算 template's 政府采购情况表 prints the planned (采购计划金额) and
	// the actual (实际采购金额) amounts side by side: with blank cells
	// dropped, their arithmetic tells which figure is the actual one
	// (procurement.go)
	header := min(t.end, t.line+30, len(flat)) // the lines above its 合计 row
	for _, r := range t.rows {
		if isTotal(rowName(r.name)) && len(r.vals) > 0 {
			header = min(header, r.line-1)
			break
		}
	}
	if h := strings.Join(flat[t.line:max(t.line, header)], ""); strings.Contains(h, "实际采购") && strings.Contains(h, "计划") {
		b.plannedActual(t, h)
		return
	}
	var total *cell
	var totalTok token
	cands := map[string][]cell{}
	toks := map[string][]token{} // the candidates as printed
	for _, r := range t.rows {
		if len(r.vals) == 0 {
			continue
		}
		name := rowName(r.name)
		if isTotal(name) && total == nil {
			total, totalTok = &cell{t.value(r.vals[0]), r.vals[0].line}, r.vals[0]
			continue
		}
		if !startsItem(r.name) {
			continue
		}
		for k, prefix := range kindWords {
			if strings.HasPrefix(name, prefix) && cands[kindFields[k]] == nil {
				for _, v := range r.vals[:min(len(r.vals), 8)] {
					cands[kindFields[k]] = append(cands[kindFields[k]], cell{t.value(v), v.line})
					toks[kindFields[k]] = append(toks[kindFields[k]], v)
				}
			}
		}
	}
	if total == nil {
		return
	}
	var present []string
	for _, f := range kindFields {
		if cands[f] != nil {
			present = append(present, f)
		}
	}
	var choice map[string]cell
	solutions := 0
	var try func(i int, sum schema.Money, cur map[string]cell)
	try = func(i int, sum schema.Money, cur map[string]cell) {
		if i == len(present) {
			if sum == total.v {
				solutions++
				choice = maps.Clone(cur)
			}
			return
		}
		for _, c := range cands[present[i]] {
			cur[present[i]] = c
			try(i+1, sum+c.v, cur)
		}
	}
	if len(present) > 0 {
		try(0, 0, map[string]cell{})
	}
	if solutions == 0 && len(present) > 0 {
		b.keep(t, procurementOneOff(t, totalTok, present, toks))
	}
	if solutions != 1 {
		// the 合计 alone, when it is the table's largest figure (it sums
		// the table; default mode can put another figure on its row)
		for _, r := range t.rows {
			for _, v := range r.vals {
				if t.value(v) > total.v {
					b.warnTable(t, "the 合计 of this table is not its largest figure: not used")
					return
				}
			}
		}
		if len(present) > 0 {
			b.warnTable(t, fmt.Sprintf("goods, works and services of this table add up to its 合计 %s yuan in %d ways, not exactly one: kinds not used", total.v, solutions))
		}
		choice = nil
	}
	pr := b.procurementTotal(total.v, total.line)
	for _, k := range procurementParts(pr) {
		if c, ok := choice[k.field]; ok {
			b.setTable("/procurement", k.field, k.dst, c.v, c.line)
		}
	}
}

// replaceClasses puts table classes in place of those the text gave; a
// text amount that differs becomes a claim on the table's item. lines are
// the classes' source lines, itemLines (when not nil) their items'.
func (b *builder) replaceClasses(base string, dst *[]schema.ClassItem, classes []schema.ClassItem, lines []int, itemLines [][]int) {
	old := *dst
	// where each old class goes: claims about it follow it to its new index
	moved := map[string]string{}
	for i, o := range old {
		for j, c := range classes {
			if o.Code == c.Code {
				moved[base+strconv.Itoa(i)] = base + strconv.Itoa(j)
			}
		}
	}
	oldSrc := make([]schema.Source, len(old)) // where the text stated each old class
	for i := range old {
		oldSrc[i] = b.doc.Provenance[base+strconv.Itoa(i)+"/amount"]
	}
	b.restatedRows(base, old, classes)
	for k := range b.doc.Provenance {
		if strings.HasPrefix(k, base) {
			delete(b.doc.Provenance, k)
		}
	}
	claims := []schema.Claim{}
	for _, cl := range b.doc.Claims {
		if !strings.HasPrefix(cl.Path, base) {
			claims = append(claims, cl)
			continue
		}
		rest := strings.TrimPrefix(cl.Path, base)
		idx, sub, _ := strings.Cut(rest, "/")
		to, ok := moved[base+idx]
		if !ok || sub != "" { // the class is gone, or the claim is about an item the table does not have
			continue
		}
		cl.Path = to
		claims = append(claims, cl)
	}
	for i, c := range classes {
		path := base + strconv.Itoa(i)
		b.doc.Provenance[path+"/amount"] = schema.Source{Line: lines[i], Text: strings.TrimSpace(b.st.src[lines[i]-1])}
		if itemLines != nil {
			for k, l := range itemLines[i] {
				b.doc.Provenance[path+"/items/"+strconv.Itoa(k)+"/amount"] = schema.Source{Line: l, Text: strings.TrimSpace(b.st.src[l-1])}
			}
		}
		for k, o := range old {
			if o.Code == c.Code && o.Amount != c.Amount {
				claims = append(claims, schema.Claim{Path: path, Kind: schema.ClaimAmount, Value: o.Amount.Float(), Decimals: 2, Unit: "万元",
					Line: oldSrc[k].Line, Text: oldSrc[k].Text})
			}
			if o.Code == c.Code && c.ReportedName == "" {
				classes[i].ReportedName = o.ReportedName
			}
		}
	}
	b.doc.Claims = claims
	*dst = classes
}

// restatedRows keeps as read the lines of an earlier table whose classes
// and items the new reading states again, the same amounts under the same
// codes (Jiangsu's 财政拨款 基本支出表 before its 一般公共预算 copy, which
// the model takes): the earlier table gave the figures too.
func (b *builder) restatedRows(base string, old, classes []schema.ClassItem) {
	inTable := func(l int) bool {
		return slices.ContainsFunc(b.tabs, func(t table) bool { return !t.contents && t.line < l && l <= t.end })
	}
	mark := func(path string) {
		if l := b.doc.Provenance[path+"/amount"].Line; inTable(l) {
			b.tableLines[l] = true
		}
	}
	for i, o := range old {
		k := slices.IndexFunc(classes, func(c schema.ClassItem) bool { return c.Code != "" && c.Code == o.Code })
		if k < 0 || classes[k].Amount != o.Amount {
			continue
		}
		path := base + strconv.Itoa(i)
		mark(path)
		for j, it := range o.Items {
			if slices.ContainsFunc(classes[k].Items, func(c schema.ClassItem) bool { return c.Name == it.Name && c.Code == it.Code && c.Amount == it.Amount }) {
				mark(path + "/items/" + strconv.Itoa(j))
			}
		}
	}
}

// expenditureTable reads the 合计 row of 支出总表: total, basic, project.
func (b *builder) expenditureTable(t table, lines, flat []string) {
	for _, r := range t.rows {
		if !isTotal(rowName(r.name)) || len(r.vals) < 3 {
			continue
		}
		basic, project, ok := totalUses(t, r.vals)
		if !ok {
			b.warnTable(t, "合计 row: basic, project and the other uses do not add up to the total: not used")
			kept := []tableRow{{ref: refTotal, tok: r.vals[0], line: r.line}}
			for k, v := range r.vals[1:] {
				ref := "use:" + strconv.Itoa(k)
				switch k {
				case 0:
					ref = refBasic
				case 1:
					ref = refProject
				}
				kept = append(kept, tableRow{ref: ref, of: refTotal, tok: v, line: r.line})
			}
			b.keepTable(t, kept)
			return
		}
		b.setBasicProject(basic, project)
		return
	}
	b.singleRowSum(t, lines, flat)
}

// singleRowSum keeps the one row of a 支出总表 printed under its header
// (合计, 基本支出, 项目支出, …: no row name, its values on one line — text
// that keeps its columns) where its 合计 is not the sum of the others, as
// table claims (sum.table), and confirms the model's figures where it adds
// up. Default mode prints a value a line, in the columns' order with blank
// cells dropped: the values from the 合计 on are the row, and confirm;
// a sum that fails there may be the reading's, and is kept only where
// one misprint of one cell explains it (oneMisprintAway).
func (b *builder) singleRowSum(t table, lines, flat []string) {
	first := -1
	for k, r := range t.rows {
		if r.code != "" {
			return // a row per class
		}
		if first < 0 && rowName(r.name) == "合计" {
			first = k
		}
	}
	if first < 0 {
		return
	}
	var vals []token
	for _, r := range t.rows[first:] {
		for _, v := range r.vals {
			if len(vals) == 0 || v.line == vals[0].line { // a page number below is no cell
				vals = append(vals, v)
			}
		}
	}
	lined := len(vals) > 1 // the row's values on one line
	if !lined {
		vals = cellsFrom(t, lines, flat, t.rows[first].line)
	}
	if len(vals) < 3 {
		return
	}
	var parts schema.Money
	for _, v := range vals[1:] {
		parts += t.value(v)
	}
	if parts == t.value(vals[0]) {
		b.confirmUses(t, vals)
		return
	}
	if !lined && !oneMisprintAway(vals) {
		return // a value a line: a sum that fails may be the reading's
	}
	kept := []tableRow{{ref: refTotal, tok: vals[0], line: vals[0].line}}
	for k, v := range vals[1:] {
		kept = append(kept, tableRow{ref: "use:" + strconv.Itoa(k), of: refTotal, tok: v, line: v.line})
	}
	b.keep(t, kept) // one line: the columns kept, whatever the rest of the text
}

// cellsFrom are the number cells of a table default mode printed a cell a
// line, from its line from (1-based) on: the figures of its one row, page
// numbers left out.
func cellsFrom(t table, lines, flat []string, from int) []token {
	var vals []token
	for _, c := range tableCells(t, lines, flat, false) {
		if c.line < from || !isNumberCell(c.text) {
			continue
		}
		if tok, ok := cellToken(c.text, c.line); ok {
			vals = append(vals, tok)
		}
	}
	return vals
}

// oneMisprintAway tells the cells of a row, its total first, that add up
// with one cell's misprint changed back (misprints: a digit, a tenfold, a
// tenth): a reading that took a cell of another row, or missed one, is
// not so near. Every cell must print decimals (a page number has none).
func oneMisprintAway(vals []token) bool {
	for _, v := range vals {
		if v.scale == 0 {
			return false
		}
	}
	return misprintAway(vals, firstSumWithin(0))
}

// firstSumWithin tells amounts (units) whose first is the sum of the
// others within tol.
func firstSumWithin(tol int64) func(a []int64) bool {
	return func(a []int64) bool {
		d := -a[0]
		for _, x := range a[1:] {
			d += x
		}
		return max(d, -d) <= tol
	}
}

// levelsOff tells amounts that do not add up to levels+1 times the largest
// as printed, and do with one cell's misprint changed back.
func levelsOff(vals []token, levels int) bool {
	holds := func(a []int64) bool {
		var s, top int64
		for _, x := range a {
			s, top = s+x, max(top, x)
		}
		return s == int64(levels+1)*top
	}
	a := make([]int64, len(vals))
	for i, v := range vals {
		a[i] = units(v)
	}
	return !holds(a) && misprintAway(vals, holds)
}

// misprintAway tells cells for which holds, false as printed, is true with
// one cell's misprint changed back.
func misprintAway(vals []token, holds func([]int64) bool) bool {
	a := make([]int64, len(vals))
	for i, v := range vals {
		a[i] = units(v)
	}
	for i, v := range vals {
		was := a[i]
		for _, m := range misprints(v, v.scale) {
			if a[i] = units(token{mant: m, scale: v.scale}); holds(a) {
				a[i] = was
				return true
			}
		}
		a[i] = was
	}
	return false
}

// confirmUses marks the one row of a 支出总表 read where it adds up and
// restates, in its columns' order, the total, 基本支出 and 项目支出 the
// model holds already: its line is no longer "found but not read". Where
// the model lacks one of them the row gives nothing — with cells one a
// line, a blank column cannot be told from a dropped one.
func (b *builder) confirmUses(t table, vals []token) {
	exp := b.doc.Expenditure
	if exp == nil || exp.Total == nil || exp.Basic == nil || exp.Project == nil {
		return
	}
	if *exp.Total == t.value(vals[0]) && exp.Basic.Amount == t.value(vals[1]) && exp.Project.Amount == t.value(vals[2]) {
		b.tableLines[vals[0].line] = true
	}
}

// totalUses reads the figures of a 支出总表's 合计 row in its columns'
// order: the total, 基本支出, 项目支出 and the template's other uses
// (单位预留机动经费, 上缴上级支出, …), which add up to the total.
func totalUses(t table, vals []token) (basic, project cell, ok bool) {
	if len(vals) < 3 {
		return cell{}, cell{}, false
	}
	var parts schema.Money
	for _, v := range vals[1:] {
		parts += t.value(v)
	}
	if parts != t.value(vals[0]) {
		return cell{}, cell{}, false
	}
	return cell{t.value(vals[1]), vals[1].line}, cell{t.value(vals[2]), vals[2].line}, true
}

// setBasicProject places basic and project expenditure a table gave.
func (b *builder) setBasicProject(basic, project cell) {
	exp := b.doc.Expenditure
	b.setFigure("/expenditure/basic", &exp.Basic, basic)
	b.setFigure("/expenditure/project", &exp.Project, project)
}

// setFigure places a table's figure as the amount of the figure at path,
// which the text may have given already (setTable).
func (b *builder) setFigure(path string, dst **schema.Figure, f cell) {
	var have *schema.Money
	if *dst != nil {
		have = &(*dst).Amount
	} else {
		*dst = &schema.Figure{}
	}
	b.setTable(path, "/amount", &have, f.v, f.line)
	(*dst).Amount = *have
}

// economicTable reads 基本支出 by economic class, with items below each 类.
func (b *builder) economicTable(t table, lines, flat []string) {
	if classes, at, itemAt, ok := b.economicPanels(t, lines); ok {
		if classes != nil {
			b.replaceClasses("/expenditure/by_economic/", &b.doc.Expenditure.ByEconomic, classes, at, itemAt)
		}
		return
	}
	if classes, at, itemAt, totalLine, ok := b.readEconomic(t); ok {
		economicCodes(t, classes)
		b.replaceClasses("/expenditure/by_economic/", &b.doc.Expenditure.ByEconomic, classes, at, itemAt)
		if totalLine > 0 && containsAny(t.title, []string{"一般公共预算", "公共财政"}) {
			var sum schema.Money
			for _, c := range classes {
				sum += c.Amount
			}
			b.setFigure("/expenditure/general_basic", &b.doc.Expenditure.GeneralBasic, cell{sum, totalLine})
		}
		return
	}
	if t.layout != nil {
		return
	}
	if classes, at := economicCells(t, lines, flat); classes != nil {
		b.warnTable(t, "the rows of this table are not read; its economic classes are, from its cells by the panels' 合计 (人员经费合计, 公用经费合计), without their items")
		b.replaceClasses("/expenditure/by_economic/", &b.doc.Expenditure.ByEconomic, classes, at, nil)
	}
}

// operatingTable reads 机关运行经费支出表 — economic classes and items, as
// the basic-expenditure table — and takes their sum as 机关运行经费 when
// the table checks (its 合计, or every class's items, add up).
func (b *builder) operatingTable(t table) {
	classes, at, _, totalLine, ok := b.readEconomic(t)
	if !ok {
		return
	}
	var sum schema.Money
	for _, c := range classes {
		sum += c.Amount
	}
	line := totalLine
	if line == 0 && len(classes) == 1 {
		line = at[0]
	}
	if line == 0 {
		return // several classes and no 合计: no one line states the sum
	}
	b.setFigure("/operating_costs", &b.doc.OperatingCosts, cell{sum, line})
}

// emptyTable are the notes that say a table has nothing in it.
var emptyTable = []string{"此表为空", "本表为空", "空表", "无相关收支", "无此项", "无该项", "无数据", "没有相关"}

// fundTable reads a 政府性基金 or 国有资本经营 table: its 合计 when its
// functional classes add up to it, or zero when a note says it is empty
// and it holds no figure. The narrative's statement, when there is one,
// is kept; the table only fills in what the text did not say.
func (b *builder) fundTable(t table, flat []string) {
	if strings.Contains(t.title, "财政拨款") && containsAny(t.title, []string{"收入支出", "收支"}) {
		b.fundFinalTable(t, flat)
		return
	}
	path, dst := "/government_fund", &b.doc.GovernmentFund
	if strings.Contains(t.title, "国有资本经营") {
		path, dst = "/state_capital", &b.doc.StateCapital
	}
	if *dst != nil {
		return
	}
	var total *cell
	var classes schema.Money
	values := 0
	for _, r := range t.rows {
		values += len(r.vals)
		if len(r.vals) == 0 {
			continue
		}
		name := rowName(r.name)
		if isTotal(name) && total == nil {
			total = &cell{t.value(r.vals[0]), r.vals[0].line}
		} else if _, ok := schema.ClassByName(schema.SchemeFunctional, name); ok {
			classes += t.value(r.vals[0])
		}
	}
	if total != nil && classes == total.v {
		b.doc.Provenance[path+"/amount"] = schema.Source{Line: total.line, Text: strings.TrimSpace(b.st.src[total.line-1])}
		*dst = &schema.Figure{Amount: total.v}
		return
	}
	b.emptyFund(t, flat)
}

// readEconomic reads a table of economic classes with their items; ok
// when it checks: the classes add up to its 合计 (totalLine, 0 without
// one), and each class's items to the class — with a 合计 that confirms
// the classes, a class whose items do not add up loses its items.
func (b *builder) readEconomic(t table) (classes []schema.ClassItem, at []int, itemAt [][]int, totalLine int, ok bool) {
	var total *schema.Money
	// what the table states, kept as claims where it is not used: the
	// 机关运行经费 table's classes are not the basic-expenditure classes
	var kept []tableRow
	classRef := func(code string, r row) string {
		if t.kind == tableOperating || code == "" {
			return "row:" + strconv.Itoa(r.line)
		}
		return refEconomic + code
	}
	totalRef := refTotal
	if t.kind == tableOperating {
		totalRef = refOperating
	}
	var classAt []int // each class's index in kept
	// a class printed blank (the 决算 template lists every class, 309 and
	// 399 too) spent nothing: it is left out when a 合计 confirms the others,
	// and a row with an amount under it makes the table not whole
	var blank, under *row
	var bare [][]string // each class's items with no amount on their rows
	for _, r := range t.rows {
		if len(r.vals) == 0 {
			if len(r.code) == 3 {
				blank, under = &r, &r
			} else if len(r.code) == 5 && len(classes) > 0 && under == nil {
				bare[len(classes)-1] = append(bare[len(classes)-1], r.code+" "+rowName(r.name))
			}
			continue
		}
		name := rowName(r.name)
		if utf8.RuneCountInString(name) < 2 { // 类, 款, 项: header cells
			continue
		}
		v := t.value(r.vals[0])
		// default mode can put the column's header (机关运行经费支出)
		// between 合计 and its value
		header := len(classes) == 0 && r.code == "" && strings.HasPrefix(name, "机关运行经费")
		if isTotal(name) || header {
			total, totalLine = &v, r.vals[0].line
			kept = append(kept, tableRow{ref: totalRef, tok: r.vals[0], line: r.line})
			if len(classes) > 0 { // a 合计 at the end closes the table; one at the top opens it
				break
			}
			continue
		}
		// an item's code (31099 其他资本性支出) says it is no class, whatever
		// its name
		c, ok := schema.ClassByName(schema.SchemeEconomic, name)
		ok = ok && len(r.code) != 5
		if !ok && len(r.code) == 3 {
			c, ok = schema.LookupCode(schema.SchemeEconomic, r.code)
		}
		if ok {
			under = nil
			classes = append(classes, schema.ClassItem{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Amount: v})
			at = append(at, r.vals[0].line)
			itemAt = append(itemAt, nil)
			bare = append(bare, nil)
			classAt = append(classAt, len(kept))
			kept = append(kept, tableRow{ref: classRef(c.Code, r), of: totalRef, tok: r.vals[0], line: r.line})
			continue
		}
		if under != nil {
			b.warnTable(t, fmt.Sprintf("class %s %s has no amount but %s under it has one: table not used", under.code, under.name, name))
			return nil, nil, nil, 0, false
		}
		if len(classes) == 0 {
			continue
		}
		parent := &classes[len(classes)-1]
		item := schema.ClassItem{Name: name, Amount: v}
		if c, ok := schema.EconomicItem(parent.Code, name); ok {
			item.Code = c.Code
		}
		parent.Items = append(parent.Items, item)
		itemAt[len(itemAt)-1] = append(itemAt[len(itemAt)-1], r.vals[0].line)
		kept = append(kept, tableRow{ref: classRef(item.Code, r), of: kept[classAt[len(classAt)-1]].ref, tok: r.vals[0], line: r.line})
	}
	if total == nil { // no 合计: the classes are parts of nothing stated
		if blank != nil {
			b.warnTable(t, fmt.Sprintf("class %s %s has no amount and no 合计 confirms the others: table not used", blank.code, blank.name))
			return nil, nil, nil, 0, false
		}
		for _, k := range classAt {
			kept[k].of = ""
		}
	}
	if len(classes) == 0 {
		return nil, nil, nil, 0, false
	}
	var all schema.Money
	for _, c := range classes {
		all += c.Amount
	}
	if total != nil && all != *total {
		b.warnTable(t, fmt.Sprintf("classes add up to %s yuan, not to the 合计 %s: table not used", all, *total))
		b.keepTable(t, kept)
		return nil, nil, nil, 0, false
	}
	// a class's items must add up to it; with a 合计 that the classes match,
	// a class whose items do not keeps its amount and loses its items,
	// without one the table is not used
	for k := range classes {
		c := &classes[k]
		var sum schema.Money
		for _, it := range c.Items {
			sum += it.Amount
		}
		if len(c.Items) == 0 || sum == c.Amount {
			continue
		}
		if total == nil {
			b.warnTable(t, fmt.Sprintf("items of %s %s add up to %s yuan, not %s, and no 合计 confirms the classes: table not used", c.Code, c.Name, sum, c.Amount))
			b.keepTable(t, kept)
			return nil, nil, nil, 0, false
		}
		why := ""
		// the reading's gap, not the document's sum: rows without an amount,
		// and the items short by more than their cells' rounding
		if short := c.Amount - sum; len(bare[k]) > 0 && short > schema.Money(t.factor/2*int64(len(c.Items)+len(bare[k])+1)) {
			why = fmt.Sprintf(" (the rows of %s have no amount in this text)", strings.Join(bare[k], ", "))
		}
		b.warnTable(t, fmt.Sprintf("items of %s %s add up to %s yuan, not %s%s: items left out", c.Code, c.Name, sum, c.Amount, why))
		c.Items, itemAt[k] = nil, nil
		// the class and its items: where the sum fails
		var mine []tableRow
		for _, kr := range kept {
			if kr.ref == kept[classAt[k]].ref || kr.of == kept[classAt[k]].ref {
				mine = append(mine, kr)
			}
		}
		for i := range mine {
			if mine[i].ref == kept[classAt[k]].ref {
				mine[i].of = ""
			}
		}
		b.keepTable(t, mine)
	}
	return classes, at, itemAt, totalLine, true
}
