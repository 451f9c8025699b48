package ingest

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Long lines. A web page's body often arrives on one line (a crawler's
// page.txt, a CMS export): tens of kilobytes of narrative with the tables
// flattened into runs of cells. The extractor reads lines — a title is a
// line, a table row is a line — so such a line is broken, in one pass, into
// the lines a PDF would have given:
//
//   - after a sentence's end (。；！？), after a contents' entry's page
//     number, the leaders before it (第一部分 部门概况........ 3), or its
//     table's number in brackets (收入决算表(表2)), and after
//     an attached file's name (某局2021年度部门决算.pdf): a link's line;
//   - before a heading's enumerator (一、 十二、 （三）), and before a
//     table's number and title (表1 部门收支总表, 表1-1 部门收入总表: a
//     spreadsheet's sheets run into one line) and the unit after it;
//   - a run of cells (many short fields separated by spaces, a good share of
//     them numbers: a flattened table; bars between them are no cells) one
//     cell a line, which is how pdftotext's default mode prints a table and
//     what the table readers read;
//   - a piece with runs of spaces (pdftotext -layout's columns, two runs
//     at least: one is a page's metadata in prose) is left whole but for
//     the cap below;
//   - anything still longer than maxSegment at its last space, or at a rune
//     boundary when it has none.
//
// A line shorter than longLine is broken so too when it is a table's title,
// its unit or header and its cells: a short page's one line (see toBreak).
//
// Line numbers then count the broken lines; the site shows those lines.
const (
	longLine   = 512  // bytes: lines longer than this are broken
	maxSegment = 2048 // bytes: no line of the result is longer (but for one rune)
)

// pageMark is a page's footer a spreadsheet printed into its cells: "第 2
// 页,共 46 页".
var pageMark = regexp.MustCompile(` 第 ?[0-9]+ ?页[,，]? ?共 ?[0-9]+ ?页 `)

// breakLongLines returns lines with every line longer than longLine broken
// as above, and a shorter line that is a table's title and its cells (a
// short page's one line); other lines are returned as they are.
func breakLongLines(lines []string) []string {
	if !slices.ContainsFunc(lines, toBreak) {
		return lines
	}
	out := make([]string, 0, len(lines)+64)
	for _, l := range lines {
		if !toBreak(l) {
			out = append(out, l)
			continue
		}
		l = pageMark.ReplaceAllString(l, " ") // a sheet's page footer run into its cells
		for _, sentence := range stampSplit(l) {
			if head, cells, tail, ok := barRun(sentence); ok {
				// the lines before the cells, the table's title and unit
				// among them, are the head's words where each is short
				if words := strings.Fields(head); !slices.ContainsFunc(words, func(w string) bool { return utf8.RuneCountInString(w) > maxCell }) {
					out = append(out, words...)
				} else {
					out = appendPiece(out, head)
				}
				out = appendPiece(append(out, cells...), tail)
				continue
			}
			out = appendPiece(out, sentence)
		}
	}
	return out
}

// stamp is a page's date and time (2018-01-16 08:23, 18.07.2014 22:40,
// 2014年7月18日 22:40): a web page's dateline, a line of its own between
// its headline and its body.
var stamp = regexp.MustCompile(`(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日) +[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?`)

// stampSplit cuts l into its pieces (split at pieceEnd), a page's date and
// time a piece of its own: the headline before it then ends its line, as
// it does on the page, instead of running into the body's first sentence.
// A stamp is looked for around each colon only (the pattern over a whole
// long line costs more than the rest of its breaking).
func stampSplit(l string) []string {
	var out []string
	from := 0 // where the text not yet cut starts
	for k := 0; ; {
		i := strings.IndexByte(l[k:], ':')
		if i < 0 {
			break
		}
		i += k
		lo, hi := max(from, i-stampBefore), min(len(l), i+len(":00:00"))
		if at := stamp.FindStringIndex(l[lo:hi]); at != nil && lo+at[1] > i {
			s, e := lo+at[0], lo+at[1]
			out = append(append(out, split(l[from:s], pieceEnd)...), l[s:e])
			from, k = e, e
			continue
		}
		k = i + 1
	}
	return append(out, split(l[from:], pieceEnd)...)
}

// stampBefore is the most bytes a stamp holds before its time's colon:
// 2014年12月31日, spaces and the hour.
const stampBefore = 32

// appendPiece appends a piece of a long line (a sentence, or what a run of
// cells with bars leaves before and after it) to out, broken as above: a
// page's metadata run into one piece, the piece opening with a field
// ("标题:某局2024年度部门决算公开报告 索引号:… 发布日期:…") or with a
// breadcrumb of no figure ("当前位置: 首页 > 政务公开 > 某局 索引号:…"), a line
// a field, as the page prints them. Crumbs with a figure hold the title
// (its year) that the field after it ends ("…>通知公告 某局2021年度决算公开
// 来源:…"): the piece is kept.
func appendPiece(out []string, sentence string) []string {
	if segs := split(sentence, metadataStart); len(segs) > 1 && (metadataLabelAt(sentence) || crumbsOpen(segs[0])) {
		for _, seg := range segs {
			out = appendSegment(out, seg)
		}
		return out
	}
	return appendSegment(out, sentence)
}

// metadataLabels are the labels of a web page's metadata fields, as pages
// print them (some spaced out: 分 类, 文 号).
var metadataLabels = []string{"标题", "索引号", "索 引 号", "分类", "分 类", "组配分类", "主题分类", "发布机构", "发文机关", "发文字号",
	"名称", "名 称", "名  称", "文号", "文 号", "成文日期", "发布日期", "发布时间", "公开日期", "公开方式", "来源", "浏览次数", "有效性", "时效性", "时 效 性"}

// metadataLabelAt tells whether s opens with a metadata label and its colon.
func metadataLabelAt(s string) bool {
	for _, l := range metadataLabels {
		if rest, ok := strings.CutPrefix(s, l); ok {
			rest = strings.TrimLeft(rest, " ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				return true
			}
		}
	}
	return false
}

// crumbsOpen tells a breadcrumb, no figure in it.
func crumbsOpen(s string) bool {
	return (strings.HasPrefix(s, "当前位置") || strings.HasPrefix(s, "您的位置") || strings.HasPrefix(s, "您现在的位置")) && !strings.ContainsAny(s, "0123456789")
}

// metadataStart cuts before a metadata label after a space.
func metadataStart(l string, i int, _, prev rune) int {
	if prev == ' ' && metadataLabelAt(l[i:]) {
		return i
	}
	return -1
}

// appendSegment appends a piece of a long line, or of its metadata, to
// out, broken as above.
func appendSegment(out []string, sentence string) []string {
	if sentence == "" {
		return out
	}
	if layoutRow(sentence) { // columns set apart by spaces
		return appendCapped(out, sentence)
	}
	if cells, ok := cellRun(sentence); ok {
		// the heading and the sentence that end it are no part of
		// it: "… 公务用车购置费 二、2016年 “三公”经费…情况说明 某局2016年度…决算为68.3万元。"
		if segs := split(sentence, headingStart); len(segs) > 1 {
			last := segs[len(segs)-1]
			if head, ok := cellRun(strings.TrimSpace(sentence[:strings.LastIndex(sentence, last)])); ok {
				if _, tail := cellRun(last); !tail {
					return appendCapped(append(out, head...), last)
				}
			}
		}
		return append(out, cells...)
	}
	for _, seg := range split(sentence, headingStart) {
		out = appendCapped(out, seg)
	}
	return out
}

// barRun finds a table a cell a line, each cell with its bar and a blank
// cell a bar alone, run into one line ("收入 | 支出 | | 项目 | 决算数 |
// 一、财政拨款收入 | 9909.76 | 一、一般公共服务支出 | |": a web converter's
// cells, their lines joined): eight bars or more, every cell between two
// of them short and no sentence, a blank cell among them. Bars side by
// side (||) are a line of several cells — a pipe table's rows, whose
// blank cells a converter may move to a row's end — so more than two of
// them (a header's line or two) are none. It returns the text before the
// cells (but the first cell, the last word before the first bar), the
// cells a line each with their bar, as the converter printed them (the
// table readers tell kept blank cells so; cellRun drops the bars and the
// blank cells with them), and the text after the last bar.
func barRun(seg string) (head string, cells []string, tail string, ok bool) {
	first, last := strings.IndexByte(seg, '|'), strings.LastIndexByte(seg, '|')
	if first < 0 || strings.Count(seg, "|") < 8 || strings.Count(seg, "||") > 2 {
		return "", nil, "", false
	}
	inner := strings.Split(seg[first+1:last], "|")
	blank := false
	for _, c := range inner {
		if c = strings.TrimSpace(c); utf8.RuneCountInString(c) > maxCell || strings.ContainsAny(c, "。；") {
			return "", nil, "", false
		}
		blank = blank || c == ""
	}
	if !blank {
		return "", nil, "", false
	}
	head = strings.TrimRight(seg[:first], " ")
	k := strings.LastIndexByte(head, ' ')
	cells = append(cells, strings.TrimSpace(head[k+1:])+" |")
	head = strings.TrimSpace(head[:k+1])
	for _, c := range inner {
		if c = strings.TrimSpace(c); c != "" {
			// the next table's title and unit before its first cell, no
			// bar after the last table's cells to part them ("…2506.40 |
			// 某局2015年“三公”经费预算公开表 单位:万元 项目 | 预算数 |"): a
			// line each, as the converter printed them
			if words := strings.Fields(c); titledTable(words) {
				cells = append(cells, words[:len(words)-1]...)
				c = words[len(words)-1]
			}
			c += " "
		}
		cells = append(cells, c+"|")
	}
	return head, cells, strings.TrimSpace(seg[last+1:]), true
}

// toBreak tells a line to break: a long one, or a table's title (after a
// heading, its number) with its unit or header and a run of cells after
// it. A short sentence, a row of a table and a title alone are kept.
func toBreak(l string) bool {
	if len(l) > longLine {
		return true
	}
	if strings.Count(l, " ") < 7 || !strings.Contains(l, "表") { // cheap: most lines are neither
		return false
	}
	fields := strings.Fields(l)
	return len(fields) >= 8 && titledTable(fields) && !layoutRow(l)
}

// spaceRun is a run of two spaces or more.
var spaceRun = regexp.MustCompile(`  +`)

// layoutRow tells a piece of a long line that is a layout row: its cells
// (three or more) set apart by runs of spaces, each short. Prose with a run
// or two in it (a page's metadata run into its body: "访问次数: 7471
// 发布时间:…", "项      目") is none.
func layoutRow(s string) bool {
	cells := spaceRun.Split(strings.TrimSpace(s), -1)
	return len(cells) >= 3 && !slices.ContainsFunc(cells, func(c string) bool { return utf8.RuneCountInString(c) > maxCell })
}

// maxCell is the most runes a layout row's cell holds: a long name, a project's.
const maxCell = 60

// split cuts l where at says (the offset of the cut, or -1), trimming
// each piece of spaces and dropping empty ones.
func split(l string, at func(l string, i int, r, prev rune) int) []string {
	var out []string
	start := 0
	prev := rune(0)
	for i, r := range l {
		if c := at(l, i, r, prev); c > start {
			if s := strings.TrimSpace(l[start:c]); s != "" {
				out = append(out, s)
			}
			start = c
		}
		prev = r
	}
	if s := strings.TrimSpace(l[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// sentenceEnd cuts after 。；！？.
func sentenceEnd(l string, i int, r, _ rune) int {
	if r == '。' || r == '；' || r == '！' || r == '？' {
		return i + utf8.RuneLen(r)
	}
	return -1
}

// pieceEnd cuts after a sentence's end, a contents' entry (its page
// number after the leaders: .... 3, …… 3, ···· 3) or a file's name that a
// space follows (….pdf, ….xlsx).
func pieceEnd(l string, i int, r, prev rune) int {
	if c := sentenceEnd(l, i, r, prev); c >= 0 {
		return c
	}
	if r == ' ' && prev != ' ' {
		for _, ext := range []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps"} {
			if i > len(ext) && strings.EqualFold(l[i-len(ext):i], ext) {
				return i
			}
		}
		if tableRefEnds(l[:i]) {
			return i
		}
	}
	if !isDigit(r) || isDigit(prev) {
		return -1
	}
	before := strings.TrimRight(l[:i], " ")
	if !strings.HasSuffix(before, "...") && !strings.HasSuffix(before, "……") && !strings.HasSuffix(before, "···") {
		return -1
	}
	end := i
	for end < len(l) && isDigit(rune(l[end])) {
		end++
	}
	return end
}

// headingStart cuts before a heading's enumerator: 一、 十二、 （三）, 第二部分.
func headingStart(l string, i int, r, prev rune) int {
	switch {
	case (r == '（' || r == '(') && headingAt(l[i+utf8.RuneLen(r):], true):
		return i
	case isNumeral(r) && !isNumeral(prev) && !isDigit(prev) && headingAt(l[i:], false):
		return i
	case isDigit(r) && prev == ' ' && digitHeadingAt(l[i:]):
		return i
	case r == '表' && (prev == ' ' || prev == 0) && tableNumberAt(l[i+len("表"):]):
		return i
	case (r == '单' || r == '單') && prev == ' ' && (strings.HasPrefix(l[i+len("单"):], "位:") || strings.HasPrefix(l[i+len("单"):], "位：")) && strings.HasSuffix(strings.TrimRight(l[:i], " "), "表"):
		return i // the unit after a table's title
	case r == '第' && strings.HasPrefix(l[i+len("第"):], "一部分") || strings.HasPrefix(l[i:], "第二部分") || strings.HasPrefix(l[i:], "第三部分") || strings.HasPrefix(l[i:], "第四部分"):
		return i
	}
	return -1
}

// digitHeadingAt tells whether s starts with an entry's number: 1、 or 12、.
func digitHeadingAt(s string) bool {
	k := strings.IndexFunc(s, func(r rune) bool { return !isDigit(r) })
	return k > 0 && k <= 2 && strings.HasPrefix(s[k:], "、")
}

// tableNumberAt tells whether s, after a 表, is a table's number and its
// title: "1 部门收支总表 …", "1-1 部门收入总表 …" (digits, a space, then a
// word of at most 20 characters ending in 表).
func tableNumberAt(s string) bool {
	k := strings.IndexFunc(s, func(r rune) bool { return !isDigit(r) && r != '-' })
	if k <= 0 || !isDigit(rune(s[0])) || s[k] != ' ' {
		return false
	}
	title, _, _ := strings.Cut(strings.TrimLeft(s[k:], " "), " ")
	n := utf8.RuneCountInString(title)
	return n >= 3 && n <= 20 && strings.HasSuffix(title, "表")
}

// headingAt tells whether s starts with a heading enumerator's numerals:
// 一、 or 十二、 (bracket false), 一） or 三) (bracket true).
func headingAt(s string, bracket bool) bool {
	n := 0
	for _, r := range s {
		switch {
		case isNumeral(r) && n < 3:
			n++
			continue
		case n == 0:
			return false
		case bracket:
			return r == '）' || r == ')'
		default:
			return r == '、'
		}
	}
	return false
}

func isNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// cellRun tells a flattened table: at least 8 fields separated by white
// space, short on average, a quarter or more of them numbers. It returns the
// fields, one a line.
func cellRun(seg string) ([]string, bool) {
	// an HTML-to-text converter's bars between the cells are no cells
	fields := joinTableNumbers(slices.DeleteFunc(strings.Fields(seg), func(f string) bool { return strings.Trim(f, "|") == "" }))
	if len(fields) < 8 {
		return nil, false
	}
	numbers := 0
	for _, f := range fields {
		if isAmountField(f) {
			numbers++
		}
		// a unit after its number ("2 万、水电费", "305.63 万元"): prose, where
		// table cells carry the unit in the title
		if strings.HasPrefix(f, "万") || strings.HasPrefix(f, "元") || strings.HasPrefix(f, "亿") || strings.HasPrefix(f, "%") {
			return nil, false
		}
	}
	if utf8.RuneCountInString(strings.Join(fields, " ")) > 12*len(fields) || numbers*4 < len(fields) && !titledTable(fields) {
		return nil, false
	}
	return fields, true
}

// joinTableNumbers joins a table's number printed with spaces ("公开 09
// 表", Jiangsu's) into the one cell a PDF's line gives: its digits are
// no figure of the table.
func joinTableNumbers(fields []string) []string {
	out := fields[:0]
	for i := 0; i < len(fields); i++ {
		if (fields[i] == "公开" || fields[i] == "附表") && i+2 < len(fields) && fields[i+2] == "表" && strings.Trim(fields[i+1], "0123456789") == "" {
			out = append(out, fields[i]+fields[i+1]+fields[i+2])
			i += 2
			continue
		}
		out = append(out, fields[i])
	}
	return out
}

// titledTable tells the fields of a table with few figures or none (a
// 政府性基金 table the department has no money for, a 三公 table whose
// parts are left blank): its title (after its number, if any), then its
// unit, its 编制单位 line or its header's first cell 项目 within the next
// fields.
func titledTable(fields []string) bool {
	if len(fields) < 2 {
		return false
	}
	if strings.HasSuffix(fields[1], "表") { // the title after its number: 公开10表, 附件3
		fields = fields[1:]
	}
	if !strings.HasSuffix(fields[0], "表") {
		return false
	}
	for _, f := range fields[1:min(4, len(fields))] {
		if f == "项目" || f == "項目" {
			return true
		}
		for _, p := range []string{"编制部门", "编制单位", "单位：", "单位:", "金额单位", "部门名称", "单位名称"} {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	return false
}

// isAmountField tells a field that is a number as tables print them:
// digits with thousands commas and a decimal point, or a short code.
func isAmountField(f string) bool {
	digits := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' || c == '.' || c == '-' || c == '%':
		default:
			return false
		}
	}
	return digits > 0
}

// appendCapped appends s to out in pieces of at most maxSegment bytes, cut
// at the last space before the limit (or at a rune boundary).
func appendCapped(out []string, s string) []string {
	for len(s) > maxSegment {
		at := strings.LastIndexByte(s[:maxSegment], ' ')
		if at <= 0 {
			at = maxSegment
			for at > 0 && !utf8.RuneStart(s[at]) {
				at--
			}
			if at == 0 { // not UTF-8: cut anywhere
				at = maxSegment
			}
		}
		out = append(out, s[:at])
		s = strings.TrimLeft(s[at:], " ")
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// tableRefEnds tells a contents' entry that ends with its table's number
// in brackets: "…绩效自评表(表10)", "收入支出决算总表（表1）".
func tableRefEnds(s string) bool {
	for _, p := range [][2]string{{"(表", ")"}, {"（表", "）"}} {
		if rest, ok := strings.CutSuffix(s, p[1]); ok {
			k := strings.LastIndex(rest, p[0])
			if k >= 0 && len(rest) > k+len(p[0]) && strings.Trim(rest[k+len(p[0]):], "0123456789-") == "" {
				return true
			}
		}
	}
	return false
}
