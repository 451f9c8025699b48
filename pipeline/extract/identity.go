package extract

import (
	"budgetpub/pipeline/ingest"

	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// identity is what the title says: 曾都区信访局 2023 年部门预算.
type identity struct {
	name, title, kind, scope string
	year, line               int
	tables                   bool // a file of tables only: the title is a table's
	file                     bool // the title is an attachment's file name ("….pdf"): a title below it wins
	threePublic              bool // a heading of a page of the 三公 alone that names no department
	contents                 bool // no title: the year and kind come from the contents' numbered headings
	body                     bool // no title nor contents: the year from the totals' sentences, the kind from the headings
	// a title of a bare 预算/决算 ("区人大2017年决算公开", a site's short
	// name): a later 部门/单位 title that spells its name out in full wins
	weak bool
}

// fileExts end the names of attached files.
var fileExts = []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps"}

// fileName tells a line that names an attachment's file: "…决算公开.pdf".
func fileName(l string) bool {
	l = strings.ToLower(strings.TrimSpace(l))
	return hasSuffixAny(l, fileExts)
}

// afterFileName is what follows the last attached file's name in s
// ("教育局预算公开表.xls 教育局" gives 教育局), s where it names none.
func afterFileName(s string) string {
	if !strings.Contains(s, ".") {
		return s // every extension has its point: most lines
	}
	end := -1
	for _, ext := range fileExts {
		for _, e := range []string{ext, strings.ToUpper(ext)} {
			if k := strings.LastIndex(s, e); k >= 0 {
				end = max(end, k+len(e))
			}
		}
	}
	if end < 0 {
		return s
	}
	return strings.TrimLeft(s[end:], " ")
}

// titleKinds are the words that close a disclosure's title.
var titleKinds = []struct{ word, kind, scope string }{
	{"部门预算", "budget", "department"}, {"部门决算", "final_accounts", "department"},
	{"单位预算", "budget", "unit"}, {"单位决算", "final_accounts", "unit"},
	// Shaanxi's "部门综合预算": the budget of every fund, the department's all the same
	{"部门综合预算", "budget", "department"}, {"单位综合预算", "budget", "unit"},
	// Hebei's "部门及单位预算": the department's with its units', one disclosure
	{"部门及单位预算", "budget", "department"}, {"部门及单位决算", "final_accounts", "department"},
	{"预算", "budget", ""}, {"决算", "final_accounts", ""},
}

// readIdentity finds the title among the first lines: a four-digit year,
// 年 or 年度, then (部门|单位)(预算|决算). The department is the text before
// the year, or the line(s) before the title when the title starts with the
// year, or a "预算主管部门：" / "单位名称：" label, which wins. flat are the
// compact lines, lines the same lines with their spaces (nil: not known).
func readIdentity(flat, lines []string) identity {
	var id identity
	limit := min(len(flat), 80)
	var prev []string // non-blank lines before the current one
	var label string  // the department named by a label line
	// the unit a 单位名称: or 预算单位: line names, beside its 主管部门
	var unitLabel string
	parentLabel := false // the label names the 主管部门: of a unit's disclosure, its department, not the unit
	for i := 0; i < limit; i++ {
		l := flat[i]
		if l == "" || isPageNumber(l) {
			continue
		}
		// layout text prints a part's number and its title on one line:
		// "第三部分   2019 年度部门预算情况说明"
		t := l
		part := false // the heading of one of the text's parts: the line above it ends the part before
		if k := strings.Index(t, "部分"); strings.HasPrefix(t, "第") && k > 0 && k <= len("第十一") {
			t = strings.TrimLeft(t[k+len("部分"):], ":") // "第二部分:2018年度部门决算情况说明"
			part = true
		}
		// a web page's body run into one line opens with the site's chrome:
		// "当前位置:首页政务公开…时间:2020-08-1009:30微信微博QQ空间<title>"
		t = afterPageChrome(t)
		t = afterMetadata(t)
		t = afterYearCrumb(t)
		// … or an attachment's file name ("某说明.pdf 某处2021年度决算公开说明…")
		if rest := afterFileName(t); rest != t && yearKind(rest) {
			t = rest
		}
		// a cover run into one line (a web page): "…2024年区级部门预算预算主管部门:…目录"
		if k := contentsAt(t); k > 0 {
			t = t[:k]
		}
		for _, lb := range []string{"预算主管部门:", "主管部门:"} {
			if k := strings.Index(t, lb); k > 0 {
				t = t[:k]
			}
		}
		// a web page's metadata row: "名称: | 某街道办事处2022年单位预算 | 文号: | 无 |"
		if strings.Contains(t, "|") {
			for _, cell := range strings.Split(t, "|") {
				if yearKind(cell) {
					t = strings.TrimSpace(cell)
					break
				}
			}
		}
		// … its cells aligned in columns (ingest's pipe rows): "名称:池州市…"
		for _, lb := range titleLabels {
			if rest, ok := strings.CutPrefix(t, lb+":"); ok && yearKind(rest) {
				t = rest
				break
			}
		}
		// a page of the 三公 alone: "某县文联2022年度“三公”经费决算情况说明"
		if id.year == 0 && strings.Contains(t, "三公") && !namesReport(threePublicClause(t)) {
			// its kind may open the next line: "某局2015年度“三公”经费财政拨款" / "决算情况说明";
			// a line that is more than the title (a web page's body on one
			// line) holds it up to its first 说明 or 情况 after the 三公
			opening := openingClause(t, len(prev) == 0)
			for _, c := range []string{t, t + nextNonBlank(flat, i), threePublicHead(t), opening} {
				tp := threePublicTitle(c)
				if c == opening && (utf8.RuneCountInString(tp.name) < 3 || startsWithAny(tp.name, []string{"本", "我", "该"})) {
					continue // a sentence's subject that is the text's word for itself: "2019年我局“三公”经费…"
				}
				// a title opening with the year or 关于: the name is the line
				// above, "某镇人民政府" / "2021年“三公”经费决算汇总情况",
				// "某县文联" / "关于财政拨款“三公”经费2015年决算的"
				if tp.year != 0 && tp.name == "" && len(prev) > 0 && (strings.HasPrefix(c, strconv.Itoa(tp.year)) || strings.HasPrefix(c, "关于")) {
					tp.name = cleanName(titleName(prev, tp.kind))
				}
				// the words before the name's are no part of it ("附件2 某委
				// 2020年“三公”经费预算"), but a numbered entry of the contents is no title
				if tp.name != "" && lines != nil && dropEnum(t) == t {
					if w := lastWord(lines[i], tp.name, tp.year); w != "" {
						tp.name = cleanName(w)
					}
				}
				if id.year == 0 && tp.year != 0 && titleLike(c) && nameLike(tp.name) {
					id, id.line = tp, i+1
					id.file = fileName(t) // an attached table's file name ("某院2020年…“三公”经费支出决算表.xls"): a title below it wins
				}
				// a region's total ("某县2017年“三公”经费决算情况说明"), or a
				// region's sector's ("某省交通运输部门2022年…"): the page's year
				// and kind, its sentences' subject its department's
				if id.year == 0 && tp.year != 0 && titleLike(c) && (regionOnly(tp.name) || sectorOnly(tp.name, c)) {
					id, id.line = tp, i+1
					id.name, id.threePublic = "", true
				}
			}
			// a table's title with no kind ("某局部门“三公”经费情况统计表"):
			// the kind its header's amounts are (本年预算数)
			if c := strings.TrimRight(t, "| "); id.year == 0 && strings.HasSuffix(c, "表") && titleLike(c) {
				if tp := threePublicTitleKind(c, headerKind(flat, i)); tp.year != 0 && nameLike(tp.name) {
					id, id.line = tp, i+1
				}
			}
			// … a web page's body on one line opening with it: the title up
			// to its 表, the header the words after it
			if k := strings.Index(t, "三公"); id.year == 0 && k > 0 && !titleLike(t) {
				if j := strings.Index(t[k:], "表"); j > 0 && titleLike(t[:k+j+len("表")]) {
					c := t[:k+j+len("表")]
					header := t[len(c):] // up to its first figure or its 合计 / 总计 row
					for _, end := range []string{"合计", "总计", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"} {
						header, _, _ = strings.Cut(header, end)
					}
					if tp := threePublicTitleKind(c, kindOfHeader(header)); tp.year != 0 && nameLike(tp.name) {
						id, id.line = tp, i+1
						id.title = c
					}
				}
			}
			// a heading of the page that names no department, the subject
			// of its sentences does: "二、2016年“三公”经费财政拨款支出决算
			// 情况说明" (not a table's title, "…决算情况表"); the page's own
			// title opening with the year, "2016年“三公”经费预算", alike
			// (… run into its first sentence, a web page's body on one line:
			// the heading up to its 说明)
			c := dropEnum(t)
			if h := threePublicHead(c); h != "" && (c != t || len(prev) == 0) { // … or the page's first line: "2016三公经费预算说明 三公经费:…"
				c = h
			}
			if id.year == 0 && titleLike(c) && (c != t && strings.HasSuffix(c, "说明") || c == t && len(prev) == 0) {
				if lines != nil {
					c = afterChromeWords(c, lines[i])
				}
				if tp := threePublicTitle(c); tp.year != 0 && strings.HasPrefix(c, strconv.Itoa(tp.year)) {
					id, id.line = tp, i+1
					id.name, id.threePublic = "", true
				}
			}
		}
		// a heading of the contents ("第三部分 2021年度部门决算情况说明") names
		// no department: the named title below it is the disclosure's
		if (id.year == 0 || id.name == "" || id.file || id.weak) && t != "" && !strings.Contains(t, "…") && contentsAt(t) < 0 {
			nameless := id
			id = identity{}
			cand := t
			if next := nextNonBlank(flat, i); next != "" {
				cand = t + next
				// a title over three lines: "2024年度" / "中共重庆市委宣传部" / "部门预算"
				if _, _, after, ok := yearIn(cand); ok && !strings.Contains(after, "算") && utf8.RuneCountInString(cand) <= 40 {
					if j := nextIndex(flat, i); j > 0 {
						if third := nextNonBlank(flat, j); third != "" && strings.Contains(third, "算") && utf8.RuneCountInString(third) <= 12 {
							cand += third
						}
					}
				}
			}
			// the year must be this line's: a metadata row's date ("[成文日期]
			// 2021-03-30") holds the digits, the title on the next line the 年
			if y, before, after, ok := titleYearIn(cand); ok && len(before)+4 <= len(t) {
				if n := nextBudget(after, y); n != 0 { // "“三公”经费2011年决算和2012年预算情况表"
					next := strconv.Itoa(n) + "年"
					y, after = n, strings.TrimPrefix(after[strings.Index(after, next)+len(next):], "度")
				}
				for _, k := range titleKinds {
					j := strings.Index(maskFunds(after), k.word) // 一般公共预算 is a fund, not the report
					// a table's title, a column's header ("项目 2016年预算数"), or a
					// sentence comparing or stating a figure ("与2023年预算相比增长
					// 16.75%"); a title ending its own line ends there, whatever the
					// next line opens with ("比上年…")
					if j < 0 || !(titleLike(t) && strings.HasSuffix(t, k.word) && len(cand)-len(after)+j+len(k.word) == len(t)) && startsWithAny(after[j+len(k.word):], []string{"表", "总表", "数", "相比", "比", "增", "减", "为"}) {
						continue
					}
					// 预决算 is a site's menu of both ("首页 > 预决算公开 > 部门决算"), no report's kind
					if strings.HasSuffix(after[:j], "预") && strings.HasPrefix(k.word, "决算") {
						continue
					}
					// a title that opens a word with the year, the name one word
					// with it up to the kind, after words of the page's chrome
					// (a web page's body on one line): "…网站! 2022年度某中心部门
					// 决算公开 发布时间:…"
					var word string // the title's word
					opens := false
					// a report's kind, not 预算 alone — but for its title's 公开 ("…2021年度某办公室(本级)决算公开 来源:…")
					if lines != nil && (k.scope != "" || strings.HasPrefix(after[j+len(k.word):], "公开")) && j > 8 && j <= 60 {
						word, opens = yearWord(lines[i], before, y, k.word)
						n := after[:j]
						opens = opens && n == cleanName(n) && nameLike(n) && utf8.RuneCountInString(n) >= 4 && !startsWithAny(n, []string{"本", "我", "该"})
					}
					// "某局关于2018年度部门决算…的说明": 关于 is the title's, not the name's
					name := strings.TrimSuffix(strings.TrimRight(before, " :"), "关于")
					if opens {
						name = ""
					}
					// a sentence of the units it covers, "此次纳入某委2013年部门决算编制范围的,包括…":
					// the name is what 纳入 names; no such word, a sentence of no name
					scoped := strings.HasPrefix(after[j+len(k.word):], "编制范围")
					if scoped {
						at := strings.LastIndex(name, "纳入")
						if at < 0 || !nameLike(cleanName(name[at+len("纳入"):])) {
							continue
						}
						name = name[at+len("纳入"):]
					}
					// a line that is more than a title (a web page's body on
					// one line): the name is the last word before the year,
					// the words before it the page's chrome ("院务公开 某市中心
					// 医院2023年部门预算", "…欧美一区二区视频 某厅2019年决算公开"),
					// and a sentence's word is none ("…支出总计6,954.57万元。与
					// 2015年决算数相比")
					last := ""
					if name != "" && lines != nil {
						last = lastWord(lines[i], name, y)
					}
					if last == "" && (containsAny(name, []string{"预算数", "决算数", "支出数"}) || strings.ContainsAny(name, "。，,;；《》")) {
						continue // a sentence: "本年度“三公经费”决算数未超过2019年预算"
					}
					if name != "" && len(sentenceMarker(name)) == len(name) {
						continue // a numbered heading of the body: "(一)2023年单位预算全口径安排的“三公”经费", "五、2020年部门预算收支说明"
					}
					if last != "" {
						name = last
					}
					if name != "" && lines != nil && !titleLike(t) && !nameLike(cleanName(name)) {
						continue
					}
					if !strings.ContainsFunc(name, isHan) {
						name = "" // "(2018部门预算公开)": a bracket names nothing
					}
					if containsAny(name, contentsWords) {
						continue // the contents' headings run into the line: "第一部分 单位概况 主要职能职责 … 部分 2021年度单位决算情况说明"
					}
					switch {
					case name == "" && j > 8 && j <= 60:
						name = after[:j] // 2018 年度江苏省高级人民法院预算公开
						if !titleLike(t) && !opens {
							continue // a sentence: "2020年一般公共预算支出决算数为12.5万元"
						}
						if containsAny(name, tableSubjects) && namesTable(after[j+len(k.word):]) {
							continue // a table's title among the contents: "2023年度一般公共预算财政拨款基本支出决算明细表"
						}
					case j > 8 && regionOnly(name) && nameLike(cleanName(after[:j])):
						name += after[:j] // the region before the year, the department after it: "某市2018年某镇人民政府部门预算的批复"
					case j > 8:
						continue
					case name == "" && len(prev) > 0 && !part:
						if !titleLike(t) {
							continue // a sentence opening with the year: "2023 年单位预算全口径安排“三公”经费支出预算 0元,"
						}
						name = titleName(prev, k.kind)
					}
					if name == "" { // "2024年部门预算" / "曾都区信访局"
						name = nameBelow(flat, i)
					}
					id.year, id.kind, id.scope, id.line = y, k.kind, k.scope, i+1
					id.weak = k.scope == ""
					id.name, id.file = name, fileName(t)
					if rest := dropEnum(name); id.file && rest != name && !strings.HasPrefix(name, "(") {
						id.name = rest // a list's number before a file's name: "2、某局2021年度部门决算(本级).pdf"
					}
					id.title = cand
					// the kind's word after the year (a crumb before the name may hold one: "…>预算决算 某中心2023年度决算…")
					if end := len(cand) - len(after) + j; end >= 0 {
						id.title = cand[:end+len(k.word)]
						if rest := cand[end+len(k.word):]; strings.HasPrefix(rest, "公开") || strings.HasPrefix(rest, "情况说明") {
							id.title = cand // "…部门预算" / "公开说明" broken over two lines
							if end+len(k.word) < len(t) {
								id.title = t // the whole title on its line: the next line is not part of it
							}
						}
					}
					if before == "" && j <= 8 && len(prev) > 0 {
						id.title = name + id.title
					}
					if opens {
						id.title = word
					}
					if n := cleanName(last); n != "" {
						if k := strings.LastIndex(id.title, n); k > 0 {
							id.title = id.title[k:] // the crumbs and labels before the name are the page's, not the title's
						}
					}
					if end := strings.Index(cand, k.word); scoped && end >= len(before) {
						id.title = name + cand[len(before):end+len(k.word)]
					}
					break
				}
			}
			// a page's title of a bare 预算 or 决算 ("某医院2024年预算公开", a CMS's
			// name for it) over a 部门/单位 title of another year or kind
			// ("某医院2023年度部门决算"): the one the parts' headings tell
			// ("第二部分 2023年度部门决算表") is the document's
			if id.year != 0 && nameless.weak && !nameless.file && id.scope != "" && nameLike(id.name) &&
				(id.year != nameless.year || id.kind != nameless.kind) {
				if p, ok := partsHeadings(flat[i:]); ok && p.year == id.year && p.kind == id.kind {
					nameless = id
				}
			}
			if id.year == 0 || nameless.year != 0 && (id.year != nameless.year || !nameLike(id.name)) ||
				nameless.weak && !nameless.file && nameless.name != "" && (id.weak || !strings.Contains(id.name, nameless.name)) {
				id = nameless
			}
		}
		for _, lb := range []string{"预算主管部门:", "主管部门:", "部门名称:", "单位名称:", "部门:", "编制部门:", "编制单位:", "预算单位:", "决算单位:"} {
			k := strings.Index(l, lb)
			if lb == "部门:" && k > 0 || strings.HasPrefix(lb, "部门") && k > 0 && strings.HasSuffix(l[:k], "主管") {
				k = -1 // "部门:" opens its line; "主管部门:" is its own label
			}
			if k >= 0 && label == "" {
				parentLabel = strings.HasSuffix(lb, "主管部门:")
				label = l[k+len(lb):]
				if j := strings.Index(label, "目录"); j >= 0 {
					label = label[:j]
				}
				if label == "" {
					label = nextNonBlank(flat, i)
				}
				if k := strings.Index(label, "单位:"); k >= 0 { // layout text: one line for both
					label = label[:k]
				}
				if strings.ContainsAny(label, "0123456789") {
					label = ""
				}
			}
			if k >= 0 && unitLabel == "" && (lb == "单位名称:" || lb == "预算单位:") {
				unitLabel, _, _ = strings.Cut(l[k+len(lb):], "单位:")
				unitLabel, _, _ = strings.Cut(unitLabel, "目录") // "…预算单位:某小学 目 录 一、…" (a PDF's text on one line)
				if strings.ContainsAny(unitLabel, "0123456789") {
					unitLabel = ""
				}
			}
		}
		prev = append(prev, l)
	}
	if id.weak && lines != nil {
		id = spelledOut(flat, lines, id)
	}
	// … the two titles on one line (a web page's body on one line): the
	// parts' headings tell the year and kind, the document's title none
	if id.weak && !id.file {
		if p, ok := partsHeadings(flat); ok && (p.year != id.year || p.kind != id.kind) {
			id.year, id.kind, id.scope, id.title, id.weak = p.year, p.kind, p.scope, "", false
		}
	}
	if label != "" && !(parentLabel && id.scope == "unit") && (id.name == "" || id.file || strayRune(id.name, label) || strings.Contains(id.name, "区级") || strings.Contains(id.name, "市级") || strings.HasSuffix(id.name, "区") || strings.HasSuffix(id.name, "市") || strings.HasSuffix(id.name, "省")) {
		id.name = label
	}
	// a unit's budget is the unit's, not its 主管部门's a label or the
	// cover names above it
	if id.scope == "unit" && unitLabel != "" && !strings.HasSuffix(id.name, unitLabel) {
		id.name = unitLabel
	}
	if id.year == 0 && label != "" {
		id = tableIdentity(flat, label)
	}
	if id.year == 0 {
		id = contentsIdentity(flat[:limit])
	}
	if id.year == 0 || id.name == "" {
		if e := embeddedTitle(flat); e.year != 0 && (id.year == 0 || e.year == id.year && e.kind == id.kind) {
			id = e
		}
	}
	if id.year == 0 {
		id = presentedIdentity(flat[:limit])
	}
	if id.year == 0 {
		id = bodyIdentity(flat[:min(len(flat), 300)])
	}
	id.name = undoubled(cleanName(id.name), flat[:limit])
	return id
}

// contentsAt is where a line's 目录 (the contents' heading) is, -1 where
// it has none: a crumb of the site's path is no contents ("首页>政府信息公开
// 目录>财政预决算>决算公开", a web page's body on one line).
func contentsAt(t string) int {
	for at := 0; ; {
		k := strings.Index(t[at:], "目录")
		if k < 0 {
			return -1
		}
		k += at
		at = k + len("目录")
		if !strings.HasPrefix(strings.TrimLeft(t[at:], " "), ">") {
			return k
		}
	}
}

// selfWords are a text's words for the department it speaks for.
var selfWords = []string{"我单位", "本单位", "我部门", "本部门", "我局", "本局", "我委", "本委", "我院", "本院", "我校", "本校", "我办", "本办"}

// presentedIdentity serves a text with no title that opens by presenting
// itself, its department the text's own word for it: "按照《…关于2015年度部门
// 决算批复的通知》,现将我单位2015年度部门决算说明如下" — the year and the kind
// the sentence gives after 现将 and that word, the department left to the body.
func presentedIdentity(flat []string) identity {
	for i, l := range flat {
		k := strings.Index(l, "现将")
		if k < 0 {
			continue
		}
		rest := l[k+len("现将"):]
		self := false
		for _, w := range selfWords {
			if r, ok := strings.CutPrefix(rest, w); ok {
				rest, self = r, true
				break
			}
		}
		y, before, after, ok := titleYearIn(rest)
		if !ok {
			continue
		}
		if before != "" {
			// the department named before the year: "现将焦石镇2020年度“三公”经费决算情况公布如下"
			name := cleanName(before)
			if self || utf8.RuneCountInString(name) < 3 || !nameLike(name) || startsWithAny(name, []string{"本", "我", "该"}) {
				continue
			}
			for _, tk := range titleKinds[len(titleKinds)-2:] { // 预算, 决算: of what it presents (“三公”经费, 部门)
				if k := strings.Index(maskFunds(after), tk.word); k >= 0 && !strings.ContainsAny(after[:k], "，,。;；") &&
					containsAny(clauseOf(after, k), []string{"公开如下", "说明如下", "公布如下"}) {
					return identity{name: name, year: y, kind: tk.kind, line: i + 1, title: rest[:len(rest)-len(after)+k+len(tk.word)]}
				}
			}
			continue
		}
		if !self {
			// the report presented by its kind alone, no name, no word for
			// itself: "现将2023年单位预算公开如下" (a unit's page, the
			// department left to the body)
			for _, tk := range titleKinds {
				if tail, ok := strings.CutPrefix(after, tk.word); ok && tk.scope != "" && startsWithAny(strings.TrimLeft(tail, " "), []string{"公开如下", "说明如下", "公布如下"}) {
					return identity{year: y, kind: tk.kind, scope: tk.scope, line: i + 1, title: rest[:len(rest)-len(after)+len(tk.word)]}
				}
			}
			if id := presentedName(after); id.kind != "" {
				id.year, id.line, id.title = y, i+1, rest[:len(rest)-len(after)]+id.title
				return id
			}
			continue
		}
		for _, tk := range titleKinds {
			if tk.scope != "" && strings.HasPrefix(after, tk.word) {
				return identity{year: y, kind: tk.kind, scope: tk.scope, line: i + 1, title: rest[:len(rest)-len(after)+len(tk.word)]}
			}
		}
	}
	return identity{}
}

// presentedName reads what follows the year of a sentence presenting its
// text by its department's name ("现将2021年度某学院政府采购决算公开如下",
// a page of a 决算's procurement alone): the name, the words before 预算 or
// 决算 but for what they present of it (政府采购, 部门), where they end like
// a department's, and the kind, where 公开如下, 说明如下 or 公布如下 follows
// that word; none otherwise.
func presentedName(after string) identity {
	for _, tk := range []struct{ word, kind string }{{"预算", "budget"}, {"决算", "final_accounts"}} {
		k := strings.Index(after, tk.word)
		if k <= 0 || !containsAny(after[k+len(tk.word):], []string{"公开如下", "说明如下", "公布如下"}) {
			continue
		}
		name := after[:k]
		for _, w := range []string{"政府采购", "部门", "单位"} {
			name = strings.TrimSuffix(name, w)
		}
		if utf8.RuneCountInString(name) >= 4 && nameLike(name) {
			return identity{name: name, kind: tk.kind, title: after[:k+len(tk.word)]}
		}
	}
	return identity{}
}

// undoubled drops a misprint's doubled last character from a title's name
// ("某市某中学学2016年部门预算公开") where the text spells the name once
// with it single ("某市某中学是一所初级中学").
func undoubled(name string, flat []string) string {
	last, n := utf8.DecodeLastRuneInString(name)
	short := name[:len(name)-n]
	if prev, _ := utf8.DecodeLastRuneInString(short); prev != last || utf8.RuneCountInString(short) < 4 {
		return name
	}
	for _, l := range flat {
		for at := 0; ; {
			k := strings.Index(l[at:], short)
			if k < 0 {
				break
			}
			at += k + len(short)
			if r, _ := utf8.DecodeRuneInString(l[at:]); r != last {
				return short
			}
		}
	}
	return name
}

// partsHeadings is the year and kind the headings of a text's parts name
// ("第二部分 2023年度部门决算表"): one of them at least, and none another.
func partsHeadings(flat []string) (id identity, ok bool) {
	for _, l := range flat {
		k := strings.Index(l, "部分")
		if !strings.HasPrefix(l, "第") || k <= 0 || k > len("第十一") {
			continue
		}
		y, _, after, found := yearIn(l[k+len("部分"):])
		if !found {
			continue
		}
		for _, tk := range titleKinds[:4] {
			if !strings.HasPrefix(after, tk.word) {
				continue
			}
			if ok && (y != id.year || tk.kind != id.kind) {
				return identity{}, false
			}
			if !ok {
				id, ok = identity{year: y, kind: tk.kind, scope: tk.scope}, true
			}
		}
	}
	return id, ok
}

// strayRune tells a title's name with one character too many that the
// tables' 部门 line (label) names without it, its province before it or
// not: "洛阳市了洛龙区某小学" of "河南省洛阳市洛龙区某小学".
func strayRune(name, label string) bool {
	if utf8.RuneCountInString(name) < 5 || strings.HasSuffix(label, name) {
		return false
	}
	for k := 0; k < len(name); {
		_, n := utf8.DecodeRuneInString(name[k:]) // 1 for a byte of no character
		if strings.HasSuffix(label, name[:k]+name[k+n:]) {
			return true
		}
		k += n
	}
	return false
}

// embeddedTitle finds the title a web page's body run into one line holds
// among its chrome ("…分享到: 2021年度某县自然资源局部门决算 • 发布时间:…"):
// a year, then a department's name that opens with its region, then the
// report's kind (部门决算, 单位预算 …), the kind no table's nor sentence's
// ("…部门决算表", "…部门预算收入为"). The first such among the first 80
// lines; none where there is none.
func embeddedTitle(flat []string) identity {
	for i, l := range flat[:min(len(flat), 80)] {
		for at := 0; at < len(l); {
			y, _, after, ok := titleYearIn(l[at:])
			if !ok {
				break
			}
			at = len(l) - len(after)
			for _, k := range titleKinds[:4] {
				j := strings.Index(after, k.word)
				if j < 0 {
					continue
				}
				name, rest := after[:j], after[j+len(k.word):]
				if c := utf8.RuneCountInString(name); c < 4 || c > 30 || !nameLike(name) || regionOf(name) == "" ||
					startsWithAny(rest, []string{"表", "数", "相比", "比", "增", "减", "为", "收", "支"}) {
					continue
				}
				return identity{name: name, year: y, kind: k.kind, scope: k.scope, line: i + 1, title: strconv.Itoa(y) + "年" + name + k.word}
			}
		}
	}
	return identity{}
}

// totalsWords are what a sentence stating a disclosure's totals says right
// after its year: "本部门2016年度收入总计…", "2018年年初预算数…".
var totalsWords = []string{"收入总计", "支出总计", "收支总计", "收入合计", "支出合计", "收入预算", "支出预算", "预算收入", "预算支出", "年初预算数", "收支总预算", "收支预算"}

// bodyIdentity serves a text with no title and no contents (a web page's
// body alone, "一、部门基本情况 … 二、部门决算情况说明"): the year is the
// one of every sentence that opens with it (after 本部门, a heading's words
// or a name) and states a total ("本部门2016年度收入总计…", "(一)收入预算,
// 2018年年初预算数…"), and the kind and scope the one every numbered
// heading naming a report ("二、部门决算情况说明") and every such sentence
// naming one ("2018年部门预算收入为…") gives. Years or kinds that disagree,
// or none of either: no identity. The title is the line that names the kind.
func bodyIdentity(flat []string) identity {
	var id identity
	yearLine := 0 // the first sentence that gives the year
	agree := func(year int, kind, scope string, line int, title string) bool {
		if year != 0 && id.year != 0 && year != id.year || kind != "" && id.kind != "" && (kind != id.kind || scope != id.scope) {
			return false
		}
		if id.year == 0 && year != 0 {
			id.year, yearLine = year, line
		}
		if id.kind == "" && kind != "" {
			id.kind, id.scope, id.line, id.title = kind, scope, line, title
		}
		return true
	}
	// the report s names, and where its word ends
	reportIn := func(s string) (kind, scope, word string, end int) {
		s = maskFunds(s)
		for _, k := range titleKinds[:4] {
			if j := strings.Index(s, k.word); j >= 0 {
				return k.kind, k.scope, k.word, j + len(k.word)
			}
		}
		return "", "", "", 0
	}
	for i, l := range flat {
		// the heading up to the report's word (a web page's body on one
		// line runs its text into it: "二、部门决算情况说明1.总体情况。")
		if h := dropEnum(l); h != l {
			kind, scope, _, end := reportIn(h)
			if _, _, _, ok := yearIn(h[:end]); kind != "" && !ok && titleLike(h[:end]) && utf8.RuneCountInString(h[:end]) <= 20 {
				title, _, _ := strings.Cut(h, "。")
				if !titleLike(title) {
					title = h[:end]
				}
				if !agree(0, kind, scope, i+1, title) {
					return identity{}
				}
			}
		}
		for at := 0; at < len(l); {
			y, before, after, ok := yearIn(l[at:])
			if !ok {
				break
			}
			at = len(l) - len(after)
			if k := strings.LastIndexAny(before, ",，。:;；)"); k >= 0 {
				_, size := utf8.DecodeRuneInString(before[k:])
				before = before[k+size:]
			}
			// after 本部门 (a heading's words before it or not), a name, or a
			// heading run into the sentence ("二、部门收支总体情况2018年…")
			self := strings.LastIndex(before, "本")
			if before != "" && (self < 0 || utf8.RuneCountInString(before[self:]) > 4) && !nameLike(before) && dropEnum(before) == before {
				continue
			}
			clause := after
			if k := strings.IndexFunc(clause, func(r rune) bool { return r >= '0' && r <= '9' || strings.ContainsRune(",，。:;；", r) }); k >= 0 {
				clause = clause[:k]
			}
			if !containsAny(clause, totalsWords) {
				continue
			}
			kind, scope, word, _ := reportIn(clause)
			title := ""
			if kind != "" {
				title = strconv.Itoa(y) + "年" + word
			}
			if !agree(y, kind, scope, i+1, title) {
				return identity{}
			}
		}
	}
	if id.kind == "" {
		// no heading names the report: the kind its sections' headings
		// tell ("三、收支决算总体情况"), the text no title
		id.kind, id.line = headingKind(flat, id.year), yearLine
	}
	if id.year == 0 || id.kind == "" {
		return identity{}
	}
	id.body = true
	return id
}

// spelledOut serves a bare 预算/决算 title (weak, "区人大2017年决算公开") on a
// line that runs on (a web page's body on one line): the same line's
// later title of a 部门 or 单位 report of the same year whose name, its
// last word before the year, holds the short one ("… 柳州市某区人大常委会
// 2017年部门决算 …") wins, as a later line's would. id where there is none.
func spelledOut(flat, lines []string, id identity) identity {
	l := flat[id.line-1]
	ys := strconv.Itoa(id.year)
	for at := 0; ; {
		k := strings.Index(l[at:], ys)
		if k < 0 {
			return id
		}
		k += at
		at = k + len(ys)
		rest := strings.TrimPrefix(strings.TrimPrefix(l[at:], "年"), "度")
		for _, kind := range titleKinds[:4] {
			if !strings.HasPrefix(rest, kind.word) || kind.kind != id.kind {
				continue
			}
			if w := cleanName(lastWord(lines[id.line-1], l[:k], id.year)); w != "" && strings.Contains(w, id.name) {
				id.name, id.scope, id.weak = w, kind.scope, false
				id.title = w + l[k:len(l)-len(rest)+len(kind.word)]
				return id
			}
		}
	}
}

// contentsEntry opens a numbered entry of the contents: 二、 or (三).
var contentsEntry = regexp.MustCompile(`\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、`)

// contentsEntries are the headings a (compact) line gives: the line, or
// where it is the contents run into one line ("目录一、某中心基本情况(一)
// 单位职责二、某中心2021年度部门决算表…", a web page's short body), each
// numbered entry after the 目录.
func contentsEntries(l string) []string {
	rest, ok := strings.CutPrefix(l, "目录")
	if !ok {
		return []string{l}
	}
	var out []string
	at := contentsEntry.FindAllStringIndex(rest, -1)
	for k, loc := range at {
		end := len(rest)
		if k+1 < len(at) {
			end = at[k+1][0]
		}
		out = append(out, rest[loc[0]:end])
	}
	return out
}

// contentsIdentity serves a text with no title, only its contents: the
// numbered headings of its parts give the year and the kind ("三、2019年部门
// 决算收支情况说明"), and the department where one names it before the year
// ("二、某中心2021年度部门决算表"). Every such heading must give the same year
// and kind, and every name one gives must be the same and end like a
// department's; else none is taken.
func contentsIdentity(flat []string) identity {
	var id identity
	for i, line := range flat {
		for _, l := range contentsEntries(line) {
			h := dropEnum(l)
			if h == l || !titleLike(h) {
				continue
			}
			y, before, after, ok := yearIn(h)
			if !ok {
				continue
			}
			var kind, scope string
			for _, k := range titleKinds[:4] {
				if strings.HasPrefix(after, k.word) {
					kind, scope = k.kind, k.scope
				}
			}
			if kind == "" {
				continue
			}
			name := cleanName(before)
			if name != "" && !nameLike(name) {
				return identity{}
			}
			if id.year != 0 && (y != id.year || kind != id.kind || scope != id.scope || name != "" && id.name != "" && name != id.name) {
				return identity{} // headings that disagree: none is the disclosure's
			}
			if id.year == 0 {
				id = identity{year: y, kind: kind, scope: scope, line: i + 1, title: h, contents: true}
			}
			if id.name == "" && name != "" {
				id.name, id.line, id.title = name, i+1, h
			}
		}
	}
	return id
}

// pageChrome are what a site prints around an article's title: the share
// buttons, print and close links, the font-size switch, the view count.
var pageChrome = []string{"QQ空间", "微博", "微信", "分享到", "打印本页", "打印页面", "【打印】", "关闭窗口", "关闭页面", "【关闭】", "字号:", "【字体:大中小】", "大中小】", "浏览次数:", "阅读次数:", "点击数:"}

// afterPageChrome drops from a (compact) line what a web page prints before
// its title: a breadcrumb (当前位置:…) up to the last of the chrome that
// follows it. A breadcrumb with none of it after it is dropped whole: it
// names the site's columns, not the disclosure — unless the line is more
// than a title's (a web page's body on one line), the title after the crumbs
// — or before the chrome, where a year and a report's kind stand there.
func afterPageChrome(t string) string {
	if !strings.HasPrefix(t, "当前位置") && !strings.HasPrefix(t, "您的位置") && !strings.HasPrefix(t, "您现在的位置") {
		return t
	}
	end := -1
	for _, c := range pageChrome {
		if k := strings.LastIndex(t, c); k >= 0 && k+len(c) > end {
			end = k + len(c)
		}
	}
	if end < 0 {
		if titleLike(t) && !titleAfterCrumbs(t) {
			return ""
		}
		return t
	}
	// a web page's body on one line may print its title between the crumbs
	// and the chrome after it ("…>某镇 2021年度某镇人民政府部门决算 发布时间:…
	// 分享到:"): the line is kept whole, its words tell the title
	if _, _, after, ok := yearIn(t[:end]); ok && !titleLike(t) {
		for _, k := range titleKinds {
			if j := strings.Index(after, k.word); k.scope != "" && j > 0 && j <= 90 {
				return t
			}
		}
	}
	return t[end:]
}

// afterYearCrumb drops from a (compact) line a breadcrumb whose last crumb
// is the year, the title after it naming the year again (a web page's body
// on one line): "当前位置:首页>预算公开>部门预算公开>2016年某中学2016年部门
// 预算公开 发布时间:…" gives the title on.
func afterYearCrumb(t string) string {
	y, before, after, ok := yearIn(t)
	if !ok || !strings.HasSuffix(before, ">") {
		return t
	}
	if k := strings.Index(after, strconv.Itoa(y)); k > 0 && k <= 60 && !strings.Contains(after[:k], ">") && yearKind(after[k:]) {
		return after
	}
	return t
}

// titleAfterCrumbs tells a breadcrumb's line that runs the title into its
// last crumb, the page's metadata after it (a web page's body on one line):
// "当前位置:首页>财务公开 某会2022年度部门决算公开报告 来源:…" — the name,
// the year, a report's kind and a label. A last crumb that is the title
// alone is the crumb's (the title's own line follows).
func titleAfterCrumbs(t string) bool {
	_, before, after, ok := yearIn(t[strings.LastIndex(t, ">")+1:])
	if !ok {
		return false
	}
	for _, k := range titleKinds {
		if j := strings.Index(after, k.word); k.scope != "" && j >= 0 && j <= 90 && (j > 0 || before != "") && strings.Contains(after[j:], ":") {
			return true
		}
		// … or the contents after it: "…>预算决算 某中心2023年度决算情况说明 目录",
		// the name before the year, a bare 决算 after it
		if j := strings.Index(after, k.word); j == 0 && nameLike(before) && strings.HasSuffix(after, "目录") {
			return true
		}
	}
	return false
}

// sectorOnly tells a title's name that is a region's sector, no
// department's name: the region and a field's words before 部门 ("某省交通
// 运输部门": the field's departments of the province).
func sectorOnly(name, title string) bool {
	return regionOf(name) != "" && !nameLike(name) && strings.Contains(title, name+"部门")
}

// threePublicHead is the title a line that is more than a title opens
// with, a page of the 三公 alone: up to the first 说明, else 情况, after
// the 三公 ("某镇2021年“三公”经费决算汇总情况 按照…"). "" for a title's line.
func threePublicHead(t string) string {
	k := strings.Index(t, "三公")
	if k < 0 || titleLike(t) {
		return ""
	}
	for _, w := range []string{"说明", "情况"} {
		if j := strings.Index(t[k:], w); j >= 0 {
			return t[:k+j+len(w)]
		}
	}
	return ""
}

// afterChromeWords drops from a heading the words of a site's chrome run
// before it (a web page's body on one line): "今天是 智能问答无障碍浏览长者模式
// 2022年一般公共预算“三公”经费决算执行情况说明" opens on its year. The line as
// printed (raw) must part those words from the year with a space, and they
// must name nothing: "某局 2022年…" keeps its name.
func afterChromeWords(c, raw string) string {
	y, before, _, ok := yearIn(c)
	if !ok || before == "" {
		return c
	}
	k := strings.Index(raw, strconv.Itoa(y))
	if k <= 0 || raw[k-1] != ' ' {
		return c
	}
	words := strings.Fields(raw[:k])
	if len(words) == 0 || compact(strings.Join(words, "")) != before ||
		nameLike(before) || nameLike(words[len(words)-1]) || regionOf(words[len(words)-1]) != "" {
		return c
	}
	return c[len(before):]
}

// threePublicClause is what of a line names the 三公: the line up to the
// first 表, 说明 or 情况 after its 三公 where the line is more than a title
// (a web page's body on one line, the words after it no title's), else the
// whole line.
func threePublicClause(t string) string {
	k := strings.Index(t, "三公")
	if k < 0 || titleLike(t) {
		return t
	}
	end := len(t)
	for _, w := range []string{"表", "说明", "情况"} {
		if j := strings.Index(t[k:], w); j >= 0 {
			end = min(end, k+j+len(w))
		}
	}
	return t[:end]
}

// openingClause is the title a page of the 三公 alone that has none
// opens with, its first sentence (first, the text's first line): "2019年
// 某局“三公”经费财政拨款预算安排389000元,比上年…", "某镇2020年“三公”经费
// 决算数共计35.5万元,…" — up to its first amount or punctuation, when it
// opens with the year or a name and the year. "" for any other line.
func openingClause(t string, first bool) string {
	if !first {
		return ""
	}
	if _, before, _, ok := yearIn(t); !ok || before != "" && !(nameLike(before) && !strings.ContainsFunc(before, func(r rune) bool { return !isHan(r) })) {
		return ""
	}
	k := strings.Index(t, "三公")
	if k < 0 {
		return ""
	}
	end := len(t)
	if j := strings.IndexAny(t, ",，。;；"); j >= 0 {
		end = j
	}
	if j := strings.IndexAny(t[k:], "0123456789"); j >= 0 && k+j < end {
		end = k + j
	}
	if end == len(t) {
		return "" // a title's line
	}
	return t[:end]
}

// lastWord is the department's name a line with its spaces (orig) gives
// as its last word before the year, when the compact text before the year
// (name) holds more than it: a name that opens with its region (or any, after
// a site's name: "…官方网站 某局"), a word in brackets after it its part ("某局
// (本级)"), the words before it no region of it ("上海市 普陀区某局"). A
// name that ends before the title's other words (a 三公 title's "某局财政拨款
// “三公”经费2022年…") is found where its characters are, spaces between
// them. "" where there is none.
func lastWord(orig, name string, year int) string {
	ys := strconv.Itoa(year)
	for at := 0; ; {
		k := strings.Index(orig[at:], ys)
		if k < 0 {
			break
		}
		k += at
		at = k + len(ys)
		if strings.HasSuffix(strings.TrimRight(compactFolded(orig[:k]), " :"), name) {
			return wordBefore(orig[:k], name)
		}
	}
	if end := spacedEnd(orig, name); end >= 0 {
		return wordBefore(orig[:end], name)
	}
	return ""
}

// spacedEnd is where the first occurrence of name in s ends, spaces allowed
// between its characters ("某 局" for 某局); -1 where there is none.
func spacedEnd(s, name string) int {
	if name == "" {
		return -1
	}
	for i := range s {
		j := i
		for k, r := range name {
			if k > 0 {
				j += len(s[j:]) - len(strings.TrimLeft(s[j:], " \t\n\f\r"))
			}
			c := string(r)
			if !strings.HasPrefix(s[j:], c) {
				j = -1
				break
			}
			j += len(c)
		}
		if j >= 0 {
			return j
		}
	}
	return -1
}

// wordBefore is lastWord's word: the last of a line's words before (orig,
// up to the end of name), where it is the department's name.
func wordBefore(orig, name string) string {
	words := strings.Fields(orig)
	if len(words) == 0 {
		return ""
	}
	j := len(words) - 1
	w := words[j]
	for j > 0 && strings.HasPrefix(w, "(") {
		j--
		w = words[j] + w
	}
	w = strings.TrimRight(w, ":")
	n := cleanName(w)
	before := strings.TrimSuffix(name, w)
	// a site's name before it ("某某官方网站 民宗局(外侨办)…") is none of
	// the department's, whose own name may then open with no region
	site := hasSuffixAny(before, []string{"网站", "门户", "网"})
	// … nor are the page's metadata, labels and values ("主题分类 卫生
	// 登记号 有效性 公开范围 面向全社会 某市某医院医共体2021年单位决算"),
	// whatever the name's last word
	meta := containsAny(before, pageMetadataWords)
	if w == name || !strings.HasSuffix(name, w) || utf8.RuneCountInString(n) < 4 || !nameLike(n) && !meta || regionOf(n) == "" && !site && !meta && !national(n) && !startsWithAny(n, shortProvinces) ||
		hasSuffixAny(before, regionSuffixes) {
		return ""
	}
	return w
}

// shortProvinces are the autonomous regions' short names, which open a
// name as its region does without a region's suffix: "新疆乌鲁木齐高新技术产业
// 开发区(乌鲁木齐市新市区)民政局", "广西柳城县凤山镇卫生院".
var shortProvinces = []string{"新疆", "西藏", "内蒙古", "广西", "宁夏"}

// national tells a name of the central government's or the party's, which
// opens with no region: "全国政协办公厅", "国务院办公厅", "国家统计局".
func national(n string) bool {
	return startsWithAny(n, []string{"全国", "中共中央", "中央", "国务院", "国家", "中国", "中华全国"})
}

// yearWord finds a title in a line with its spaces (orig) that opens a
// word with its year, the year and the name up to the report's kind (kind)
// one word: "… 2022年度某中心部门决算公开 …". It returns that word; before
// is the compact text before the year.
func yearWord(orig, before string, year int, kind string) (string, bool) {
	ys := strconv.Itoa(year)
	for at := 0; ; {
		k := strings.Index(orig[at:], ys)
		if k < 0 {
			return "", false
		}
		k += at
		at = k + len(ys)
		if !strings.HasSuffix(compactFolded(orig[:k]), before) {
			continue
		}
		m := strings.Index(orig[k:], kind)
		if k > 0 && orig[k-1] != ' ' || m <= 0 || strings.ContainsAny(orig[k:k+m], " \t") {
			return "", false
		}
		w, _, _ := strings.Cut(orig[k:], " ")
		return w, true
	}
}

// chromeValues are the values of a web page's metadata fields and the last
// crumbs of its breadcrumb, never the opening of a department's name.
var chromeValues = []string{"面向社会", "主动公开", "依申请公开", "全部公开", "正文", "详情", "内容", "文章"}

// metadataLabels mark a web page's metadata: its dates, index number,
// publisher, document number, each a label before its value.
var metadataLabels = []string{"日期", "索引号", "发布机构", "文号", ":", "]"}

// pageMetadataWords are the labels of a web page's metadata table, no
// words of a title.
var pageMetadataWords = []string{"索引号", "发布机构", "文号", "主题分类", "登记号", "有效性", "公开方式", "公开范围", "公开时限", "生成日期", "所属机构", "责任部门"}

// namesTable tells the words after a title's kind naming a table (明细表,
// 情况表: 表 in the six characters after it), where a page's title on its
// funds goes on with what it explains ("…“三公”经费决算执行情况说明").
func namesTable(rest string) bool {
	for i, r := range []rune(rest) {
		if i == 6 {
			break
		}
		if r == '表' {
			return true
		}
	}
	return false
}

// tableSubjects are what a table's title names before its report's kind
// where a title would name the department: its funds and its accounts.
var tableSubjects = []string{"一般公共预算", "政府性基金预算", "国有资本经营预算", "财政拨款", "收入支出", "基本支出", "项目支出"}

// afterMetadata drops from a (compact) line the metadata a web page runs
// into its title's line, "[成文日期]2023-10-18[发布日期]2023-10-18某镇人民
// 政府2022年度部门决算…", "索引号:1150…/2023-00023某局2022年部门预算": the
// title's name follows the last digit before its year, where a label comes
// before that digit and the name ends like a department's.
func afterMetadata(t string) string {
	_, before, _, ok := yearIn(t)
	if !ok {
		return t
	}
	k := strings.LastIndexAny(before, "0123456789")
	if k < 0 || !containsAny(before[:k], metadataLabels) {
		return t
	}
	rest := strings.TrimLeft(t[k+1:], "]|) ")
	if name := cleanName(rest[:len(rest)-(len(t)-len(before))]); utf8.RuneCountInString(name) < 4 || !nameLike(name) {
		return t
	}
	return rest
}

// tableIdentity serves a file that holds only the tables of a disclosure:
// the department comes from the 部门： line, the year and kind from the first
// table title ("2019年政府采购预算表").
func tableIdentity(flat []string, name string) identity {
	for i, l := range flat {
		if y, _, after, ok := yearIn(l); ok {
			for _, k := range []struct{ word, kind string }{{"决算", "final_accounts"}, {"预算", "budget"}} {
				if strings.Contains(after, k.word) {
					return identity{name: name, title: l, kind: k.kind, scope: "department", year: y, line: i + 1, tables: true}
				}
			}
		}
	}
	return identity{name: name}
}

// compact folds a line and drops its white space: table titles and labels
// are compared in this form.
func compact(s string) string {
	return compactFolded(fold(s))
}

// compactFolded drops the white space of a folded line.
func compactFolded(s string) string {
	var b strings.Builder
	last := 0 // the text since the last space is copied whole
	for i, r := range s {
		if unicode.IsSpace(r) {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			last = i + utf8.RuneLen(r)
		}
	}
	if last == 0 {
		return s // no space: most lines of a table
	}
	b.WriteString(s[last:])
	return b.String()
}

func compactAll(lines []string) []string {
	return compactLines(foldAll(lines))
}

// compactLines compacts lines already folded.
func compactLines(folded []string) []string {
	out := make([]string, len(folded))
	for i, l := range folded {
		out[i] = compactFolded(l)
	}
	return out
}

// nextIndex is the index of the next line after i that is not blank (or a
// page number) within three lines, or -1.
func nextIndex(flat []string, i int) int {
	for j := i + 1; j < len(flat) && j <= i+3; j++ {
		if l := flat[j]; l != "" && !isPageNumber(l) {
			return j
		}
	}
	return -1
}

func nextNonBlank(flat []string, i int) string {
	for j := i + 1; j < len(flat) && j <= i+3; j++ {
		if l := flat[j]; l != "" && !isPageNumber(l) {
			return l
		}
	}
	return ""
}

// yearIn finds a plausible fiscal year (19xx/20xx) followed by 年 in l.
func yearIn(l string) (year int, before, after string, ok bool) { return yearOf(l, false) }

// titleYearIn is yearIn for a title, which no date's year opens: a month
// after the year ("2020年10月09日", a page's 发文日期) makes a date.
func titleYearIn(l string) (year int, before, after string, ok bool) { return yearOf(l, true) }

// yearOf finds the first year in l, not a date's where dates is set.
func yearOf(l string, dates bool) (year int, before, after string, ok bool) {
	for i := 0; i+4 < len(l); i++ {
		if !allDigits(l, i, i+4) || i > 0 && l[i-1] >= '0' && l[i-1] <= '9' && !endsNumericDate(l[:i]) {
			continue
		}
		rest := l[i+4:]
		// "2021部门预算": the year right before the report's kind, without 年
		if !strings.HasPrefix(rest, "年") && !opensReport(rest) {
			continue
		}
		y, _ := strconv.Atoi(l[i : i+4])
		if y < 1990 || y > 2100 || dates && isDate(rest) {
			continue
		}
		rest = strings.TrimPrefix(rest, "年")
		rest = strings.TrimPrefix(rest, "度")
		return y, l[:i], rest, true
	}
	return 0, "", "", false
}

// endsNumericDate tells a text that ends in a date of digits, its year,
// month and day parted by "-", "/" or ".": a page's dateline run into the
// title after it once its space is dropped ("更新时间:2016-5-13" and
// "2016年某市文联…" make "2016-5-132016年…"), so the year after it is
// read, not swallowed by the day. The date's day has one or two digits and
// its year four, its run opening the text or after a character that is no
// digit: no year is read out of a longer run of digits.
func endsNumericDate(s string) bool {
	part := func(end, least, most int) (start, v int, ok bool) {
		start = end
		for start > 0 && end-start < most && s[start-1] >= '0' && s[start-1] <= '9' {
			start--
		}
		if end-start < least {
			return 0, 0, false
		}
		v, _ = strconv.Atoi(s[start:end])
		return start, v, true
	}
	d, day, ok := part(len(s), 1, 2)
	if !ok || day < 1 || day > 31 || d == 0 || !strings.ContainsRune("-/.", rune(s[d-1])) {
		return false
	}
	sep := s[d-1]
	m, month, ok := part(d-1, 1, 2)
	if !ok || month < 1 || month > 12 || m == 0 || s[m-1] != sep {
		return false
	}
	y, year, ok := part(m-1, 4, 4)
	return ok && year >= 1990 && year <= 2100 && (y == 0 || s[y-1] < '0' || s[y-1] > '9')
}

// nextBudget is the year after y where the words after y's (after) give
// y's outturn and then that next year's budget — "2011年决算和2012年预算",
// "…决算数2488.79万元,2011年预算数2687.06万元", "…2010年“三公经费”财政拨款
// 支出情况和2011年“三公经费”财政拨款预算安排情况": a page of a year's budget
// that states the year before's outturn beside it. 0 where they do not.
func nextBudget(after string, y int) int {
	outturn := func(s string) bool { return containsAny(s, []string{"决算", "支出情况", "执行情况"}) }
	if !strings.HasPrefix(after, "决算") && !outturn(clauseOf(after, 0)) {
		return 0
	}
	next := strconv.Itoa(y+1) + "年"
	k := strings.Index(after, next)
	if k < 0 || !outturn(after[:k]) || strings.Contains(after[:k], "。") {
		return 0
	}
	rest := strings.TrimPrefix(after[k+len(next):], "度")
	if strings.HasPrefix(rest, "预算") {
		return y + 1
	}
	// the budget's word after the subject's, in the next year's clause
	c := maskFunds(clauseOf(rest, 0))
	if b := strings.Index(c, "预算"); b > 0 && !outturn(c[:b]) && !strings.ContainsAny(c[:b], "0123456789") {
		return y + 1
	}
	return 0
}

// isDate tells a year's rest that makes it a date, a month after it:
// "2020年10月09日" (a page's 发文日期), not a fiscal year.
func isDate(rest string) bool {
	rest, ok := strings.CutPrefix(rest, "年")
	if !ok {
		return false
	}
	k := 0
	for k < len(rest) && k < 2 && rest[k] >= '0' && rest[k] <= '9' {
		k++
	}
	return k > 0 && strings.HasPrefix(rest[k:], "月")
}

// titleName takes the department name from the lines before a title that
// starts with its year, joining a name broken over two lines.
func titleName(prev []string, kind string) string {
	// a web table's rows of bare bars stand between the name's cell and the title
	for len(prev) > 1 && !strings.ContainsFunc(prev[len(prev)-1], isHan) {
		prev = prev[:len(prev)-1]
	}
	name := strings.TrimSpace(strings.TrimRight(prev[len(prev)-1], "| "))
	if s, _ := enumOf(name); s != enumNone || strings.Contains(name, "部分") || strings.Contains(name, "表") || strings.Contains(name, "目录") || strings.HasPrefix(name, "附件") {
		return ""
	}
	if namesReport(name) { // a title without the year: "某局本级部门决算公开说明"
		return reportName(name, kind)
	}
	if len(prev) >= 2 {
		p := strings.TrimSpace(strings.TrimRight(prev[len(prev)-2], "| "))
		if utf8.RuneCountInString(p) <= 20 && !strings.ContainsAny(p, "0123456789") && !endsSentence(p) && !strings.HasPrefix(p, "附件") && !strings.Contains(p, "目") {
			name = p + name
		}
	}
	return name
}

// nameSuffixes end the names of departments and units.
var nameSuffixes = []string{"局", "委", "委员会", "院", "办", "办公室", "厅", "室", "中心", "会", "部", "所", "站", "馆", "处", "队", "署", "团", "校", "社", "园", "办事处", "政府"}

// nameBelow takes the department from the line after a title that names
// none, when that line looks like a name.
func nameBelow(flat []string, i int) string {
	next := nextNonBlank(flat, i)
	if next == "" || utf8.RuneCountInString(next) > 30 || strings.ContainsAny(next, "0123456789，。:：、") {
		return ""
	}
	for _, suf := range nameSuffixes {
		if strings.HasSuffix(next, suf) {
			return next
		}
	}
	return ""
}

// subjectName serves a disclosure whose title names no department
// ("2019 年度部门预算情况说明"): its sentences do, "江苏省政协办公厅 2019 年度
// 财政拨款…". The name is what most often comes before the fiscal year at
// the start of a line, when it ends like a department's name and opens at
// least two lines (a sentence that opens with the year before it, "2017年
// 某镇卫生院本年收入合计…", opens one too); line is the first of them. A
// page of the 三公 alone (once) is short: one mention is enough where it
// is the only name, as it is where it opens the page's first line.
func subjectName(flat []string, year int, once bool) (name string, line int) {
	y := strconv.Itoa(year) + "年"
	count := map[string]int{}
	first := map[string]int{}
	for i, l := range flat {
		// a numbered heading run into the sentence after it (a web page's
		// body on one line): "二、2016年“三公”经费…情况说明某局2016年度…"
		if h := dropEnum(l); h != l {
			if _, rest, ok := strings.Cut(h, "说明"); ok {
				l = rest
			}
		} else if k := strings.Index(l, "部分"); partHeading(l) && k > 0 {
			// a part's heading run into the name, no space between: "第二部分某中心2015年部门决算表"
			l = strings.TrimLeft(l[k+len("部分"):], ":、 ")
		} else if h := threePublicHead(l); h != "" && !nameLike(threePublicTitle(h).name) {
			l = l[len(h):] // … or the page's 三公 title that names none: "某省交通运输部门2022年“三公”经费预算情况说明交通运输厅2022年…"
		}
		for n, sent := range strings.Split(l, "。") {
			k := strings.Index(sent, y)
			if k <= 0 {
				continue
			}
			// a heading "关于某局2017年度…决算情况说明": 关于 is the heading's
			// word, the name the one its sentences' subject is
			cand := strings.TrimPrefix(sent[:k], "关于")
			if n > 0 && !strings.HasSuffix(cand, "(本级)") {
				continue // a later sentence of the line counts where it names the department's own office: "…。某乡人民政府(本级)2023年无使用…"
			}
			if n := utf8.RuneCountInString(cand); n < 3 || n > 30 || !hasSuffixAny(strings.TrimSuffix(cand, "(本级)"), subjectSuffixes) {
				continue
			}
			if strings.IndexFunc(cand, func(r rune) bool { return !unicode.Is(unicode.Han, r) && r != '(' && r != ')' }) >= 0 {
				continue
			}
			if strings.HasPrefix(cand, "本") || strings.HasPrefix(cand, "我") || strings.HasPrefix(cand, "该") {
				continue // "本部门2016年度收入…": the text's word for itself, no name
			}
			if count[cand] == 0 {
				first[cand] = i + 1
			}
			count[cand]++
		}
	}
	for c := range count {
		for _, l := range flat {
			for _, s := range strings.Split(l, "。") {
				if rest, ok := strings.CutPrefix(s, y); ok && strings.HasPrefix(strings.TrimPrefix(rest, "度"), c) {
					count[c]++
				}
			}
		}
	}
	for c, n := range count {
		if n >= 2 && (n > count[name] || n == count[name] && first[c] < first[name]) {
			name, line = c, first[c]
		}
	}
	if name == "" && len(count) == 1 {
		for c := range count {
			// a page's opening sentence names its subject too
			if once || first[c] == firstLine(flat) || strings.HasSuffix(c, "(本级)") && regionOf(c) != "" {
				name, line = c, first[c]
			}
		}
	}
	return name, line
}

// subjectSuffixes end a sentence's subject that names a department: a
// department's name, or a region's CPPCC committee by its short name
// ("县政协2023年支出预算…"), which a title run into a site's chrome does not
// end in.
var subjectSuffixes = append(slices.Clip(nameSuffixes), "政协")

// figureWords open what a sentence states of its subject's figures right
// after the subject's name: "2016年某大学年初部门预算收入为…", "…事业收入预算…".
var figureWords = []string{"年初", "部门预算", "单位预算", "部门决算", "单位决算", "收入", "支出", "事业收入", "其他收入", "基本支出", "项目支出", "财政拨款", "一般公共预算", "总收入", "总支出"}

// yearSubjectName finds the department a text with no title names as the
// subject of its figures' sentences right after the year, each opening
// with the year after a list marker or an item's label at most: "1.2016年某
// 大学年初部门预算收入为…", "事业收入:2016年某大学事业收入预算…". The name
// is the shortest that ends like a department's (four characters or more)
// and is followed by a figure's word; at least two sentences must name the
// same. line is the first's.
func yearSubjectName(flat []string, year int) (name string, line int) {
	count, first := map[string]int{}, map[string]int{}
	for i, l := range flat[:min(len(flat), 300)] {
		for _, sent := range strings.Split(l, "。") {
			sent = dropEnum(sent)
			if k := strings.Index(sent, ":"); k >= 0 && utf8.RuneCountInString(sent[:k]) <= 8 && !strings.ContainsAny(sent[:k], "0123456789") {
				sent = sent[k+len(":"):]
			}
			rest, ok := strings.CutPrefix(sent, strconv.Itoa(year)+"年")
			if !ok {
				continue
			}
			rest = strings.TrimPrefix(rest, "度")
			rs := []rune(rest)
			for k := 4; k < len(rs) && k <= 30 && isHan(rs[k-1]); k++ {
				cand := string(rs[:k])
				if nameLike(cand) && !startsWithAny(cand, []string{"本", "我", "该", "全"}) && startsWithAny(string(rs[k:]), figureWords) {
					if count[cand] == 0 {
						first[cand] = i + 1
					}
					count[cand]++
					break
				}
			}
		}
	}
	for c, n := range count {
		if n >= 2 && (n > count[name] || n == count[name] && first[c] < first[name]) {
			name, line = c, first[c]
		}
	}
	return name, line
}

// firstLine is the number of the first line with text, 0 for none: the
// page's first sentence, after the numbered heading it may open with ("一、
// “三公”经费财政拨款支出决算总体情况说明" / "某局2019年度“三公”经费…").
func firstLine(flat []string) int {
	heading := false
	for i, l := range flat {
		if l = strings.TrimSpace(l); l == "" {
		} else if !heading && dropEnum(l) != l && titleLike(l) {
			heading = true
		} else {
			return i + 1
		}
	}
	return 0
}

// partName serves a disclosure whose title names no department and whose
// sentences name none either: its first part does, in the contents or as a
// heading, "第一部分 某镇人民政府单位概况", "第一部分:某乡人民政府概况".
// The name must end like a department's; line is where it is printed.
func partName(flat []string) (name string, line int) {
	for i, l := range flat[:min(len(flat), 300)] {
		rest, ok := strings.CutPrefix(l, "第一部分")
		if !ok {
			continue
		}
		rest, ok = strings.CutSuffix(strings.TrimLeft(rest, ":"), "概况")
		if !ok {
			continue
		}
		for _, q := range []string{"单位", "部门"} {
			rest = strings.TrimSuffix(rest, q)
		}
		if n := utf8.RuneCountInString(rest); n >= 4 && n <= 30 && nameLike(rest) && !startsWithAny(rest, []string{"本", "我"}) {
			return rest, i + 1
		}
	}
	return "", 0
}

// yearlessTitleName serves a disclosure whose title names no department
// when the text opens with a title that names the department and the kind
// but not the year: "曾都区财政局本级部门决算公开说明" over contents whose
// headings give the year ("第二部分:2018年度部门决算情况说明"). The first
// non-blank line must name a report of the same kind (of, "" for none)
// after a name ending like a department's; "本级" (its own office) is no
// part of the name. line is where it is printed.
func yearlessTitleName(flat []string, kind string) (name string, line int) {
	for i, l := range flat[:min(len(flat), 80)] {
		if l == "" || isPageNumber(l) {
			continue
		}
		if _, _, _, ok := yearIn(l); ok || !titleLike(l) {
			return "", 0
		}
		if n := reportName(l, kind); n != "" {
			return n, i + 1
		}
		return "", 0
	}
	return "", 0
}

// codedName serves a page of a budget system's tables whose title names no
// department: the unit's own row, its code then its full name
// ("920平山县下口镇财政所 |"), among the first 40 lines. The code is three
// digits or more; the name opens with its region and ends like a
// department's. "" where no line is such a row.
func codedName(flat []string) (name string, line int) {
	for i, l := range flat[:min(len(flat), 40)] {
		c := strings.TrimSpace(strings.TrimRight(l, "| "))
		k := strings.IndexFunc(c, func(r rune) bool { return r < '0' || r > '9' })
		if k < 3 {
			continue
		}
		n := c[k:]
		if strings.IndexFunc(n, func(r rune) bool { return !isHan(r) && r != '(' && r != ')' }) >= 0 {
			continue
		}
		if c := utf8.RuneCountInString(n); c >= 4 && c <= 30 && nameLike(n) && regionOf(n) != "" {
			return n, i + 1
		}
	}
	return "", 0
}

// ownName tells the words before a 本级 that make a department's name: its
// ending, four to thirty characters, no sentence's words (的, 为…).
func ownName(n string) bool {
	c := utf8.RuneCountInString(n)
	return c >= 4 && c <= 30 && nameLike(n) && !startsWithAny(n, []string{"本", "我", "该", "为", "即", "是"}) && !strings.Contains(n, "的")
}

// ownOfficeName serves a disclosure whose title names no department when
// its text names the department's own office (本级) at least twice:
// "纳入2022年部门预算编制范围的为某校本级", "部门预算即某校本级预算". The
// name is the longest end the Han words before two of those 本级 share
// (two different runs of words: where they part the name starts), a
// department's name by its ending, at least four characters, no sentence's
// words (的, 为…); every pair that shares one must share the same. One
// sentence that says the department has its office alone ("某镇人民政府只有
// 本级") names it. "" where none is.
func ownOfficeName(flat []string) (name string, line int) {
	type run struct {
		words string
		line  int
	}
	var runs []run
	for i, l := range flat[:min(len(flat), 300)] {
		for at := 0; ; {
			k := strings.Index(l[at:], "本级")
			if k < 0 {
				break
			}
			k += at
			at = k + len("本级")
			if start := hanRunStart(l, k); start < k {
				runs = append(runs, run{l[start:k], i + 1})
			}
		}
	}
	// "某镇人民政府只有本级,没有其他预算单位": one such sentence names it,
	// its heading run into it or not ("二、部门预算单位构成某镇人民政府只有本级")
	for _, r := range runs {
		for _, w := range []string{"只有", "仅有"} {
			n, ok := strings.CutSuffix(r.words, w)
			for _, h := range headingEnds {
				if k := strings.LastIndex(n, h); k >= 0 {
					n = n[k+len(h):]
				}
			}
			if ok && ownName(n) {
				return n, r.line
			}
		}
		// "某院部门包括某院本级一家行政单位": the department restated, its
		// office what its 部门 holds
		if before, n, ok := strings.Cut(r.words, "包括"); ok && ownName(n) && strings.HasSuffix(strings.TrimSuffix(before, "部门"), n) {
			return n, r.line
		}
	}
	for a := range runs {
		for b := a + 1; b < len(runs); b++ {
			if runs[a].words == runs[b].words {
				continue // the same words twice (a sentence repeated) tell no name's start
			}
			n := commonEnd(runs[a].words, runs[b].words)
			if !ownName(n) {
				continue
			}
			if name != "" && n != name {
				return "", 0
			}
			if name == "" {
				name, line = n, runs[a].line
			}
		}
	}
	return name, line
}

// hanRunStart is where the run of Han characters that ends at end in s
// starts (end where none does).
func hanRunStart(s string, end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isHan(r) {
			break
		}
		end -= size
	}
	return end
}

// commonEnd is the longest end a and b share, whole characters.
func commonEnd(a, b string) string {
	i, j := len(a), len(b)
	for i > 0 && j > 0 {
		ra, sa := utf8.DecodeLastRuneInString(a[:i])
		rb, sb := utf8.DecodeLastRuneInString(b[:j])
		if ra != rb {
			break
		}
		i, j = i-sa, j-sb
	}
	return a[i:]
}

// openerName serves a disclosure whose title names no department and
// whose sentences open with it: "某市人民政府研究室是承担…的直属机构。",
// "某市人民政府研究室只有1个机构", "某市人民政府研究室行政编制65人". The name
// is the longest that opens at least two sentences (a line's, after its
// heading's number, or one after a 。) that go on differently after it,
// opens with its region and ends like a department's. "" where none does.
func openerName(flat []string) (name string, line int) {
	count := map[string]int{}
	first := map[string]int{}
	next := map[string]map[rune]bool{} // what follows the name in the sentences it opens
	for i, l := range flat[:min(len(flat), 300)] {
		for _, sent := range slices.Concat(strings.Split(dropEnum(l), "。"), headedSentences(l), fieldValues(l)) {
			sent = dropEnum(sent)
			end := strings.IndexFunc(sent, func(r rune) bool { return !isHan(r) })
			if end < 0 {
				end = len(sent)
			}
			head := sent[:end] // its Han words: the name is a head of them
			for k := range len(head) + 1 {
				if k == 0 || k < len(head) && !utf8.RuneStart(head[k]) {
					continue
				}
				p := head[:k]
				if c := utf8.RuneCountInString(p); c < 4 || c > 30 || !nameLike(p) || regionOf(p) == "" && !townshipName(p) {
					continue
				}
				if count[p] == 0 {
					first[p], next[p] = i+1, map[rune]bool{}
				}
				count[p]++
				r, _ := utf8.DecodeRuneInString(sent[k:])
				next[p][r] = true
			}
		}
	}
	for p, n := range count {
		// two sentences at least, parting after the name: where they go on
		// alike (a sentence printed twice) the name may end later
		if n >= 2 && len(next[p]) >= 2 && (len(p) > len(name) || len(p) == len(name) && p < name) {
			name, line = p, first[p]
		}
	}
	return name, line
}

// signedName finds the department a text opens with on a line of its own
// and signs at its end, the same name alone on a line right before the
// date ("某市中医院 / 2015年度经济及财务运行情况通报 / … / 某市中医院 /
// 2016年2月19日"): a name with its region, ending like a department's.
func signedName(flat []string) (name string, line int) {
	first := firstLine(flat)
	if first == 0 {
		return "", 0
	}
	n := strings.TrimSpace(flat[first-1])
	if c := utf8.RuneCountInString(n); c < 4 || c > 30 || !nameLike(n) || regionOf(n) == "" {
		return "", 0
	}
	for i := len(flat) - 1; i > first && i >= len(flat)-4; i-- {
		if strings.TrimSpace(flat[i]) != n {
			continue
		}
		if j := nextIndex(flat, i); j >= 0 {
			if d := strings.TrimSpace(flat[j]); len(d) > 4 && allDigits(d, 0, 4) && isDate(d[4:]) {
				return n, first
			}
		}
	}
	return "", 0
}

// fieldValues are the values of a page's metadata fields on a line
// ("所属机构 某乡 责任部门 某乡人民政府", a table's row run together): a
// value opening with a name is a sentence opening with it.
func fieldValues(l string) []string {
	var out []string
	for _, w := range pageMetadataWords {
		for at := 0; ; {
			k := strings.Index(l[at:], w)
			if k < 0 {
				break
			}
			at += k + len(w)
			out = append(out, strings.TrimLeft(l[at:], "|:： "))
		}
	}
	return out
}

// townshipName tells the government of a township or a street, which
// opens with no region: "某某乡人民政府", "某某镇人民政府", "某某街道办事处"
// (two characters at least before 乡, 镇 or 街道).
func townshipName(n string) bool {
	for _, suf := range []string{"乡人民政府", "镇人民政府", "街道办事处"} {
		if p, ok := strings.CutSuffix(n, suf); ok && utf8.RuneCountInString(p) >= 2 {
			return true
		}
	}
	return false
}

// headedSentences are the sentences a line runs into their numbered
// headings (a web page's body on one line): "…一、部门职责某中学是一所…二、
// 机构设置某中学为…" opens 某中学是… and 某中学为…, what follows one of
// headingEnds (or 简介) within a heading's first 12 characters after its
// number.
func headedSentences(l string) []string {
	var out []string
	for _, at := range contentsEntry.FindAllStringIndex(l, -1) {
		rest := l[at[1]:]
		n := 0
		for k := range rest {
			if n++; n > 12 {
				break
			}
			for _, w := range slices.Concat(headingEnds, []string{"简介"}) {
				if k > 0 && strings.HasPrefix(rest[k:], w) {
					out = append(out, rest[k+len(w):])
				}
			}
		}
	}
	return out
}

// reportName is the department a title without the year names before the
// report ("某局本级部门决算公开说明"), where the report is of the kind given
// and the name ends like a department's; "本级" (its own office) is no part
// of the name. "" where it names none.
func reportName(l, kind string) string {
	for _, k := range titleKinds[:4] {
		j := strings.Index(l, k.word)
		if j <= 0 || k.kind != kind {
			continue
		}
		n := strings.TrimSuffix(cleanName(l[:j]), "本级")
		if c := utf8.RuneCountInString(n); c >= 4 && c <= 30 && nameLike(n) {
			return n
		}
	}
	return ""
}

// entriesName serves a text whose contents list the tables of the
// department's whole and of its own office apart, "(一)某局汇总" / "(二)某局
// 本级": the name those numbered entries open with. Every such entry must
// name the same department (by its ending); "" where none does.
func entriesName(flat []string) (name string, line int) {
	for i, l := range flat[:min(len(flat), 80)] {
		h := dropEnum(l)
		if h == l {
			continue
		}
		for _, q := range []string{"汇总", "本级"} {
			n, ok := strings.CutSuffix(h, q)
			if !ok {
				continue
			}
			if c := utf8.RuneCountInString(n); c < 4 || c > 30 || !nameLike(n) || startsWithAny(n, []string{"本", "我"}) || name != "" && n != name {
				return "", 0
			}
			if name == "" {
				name, line = n, i+1
			}
		}
	}
	return name, line
}

// definedName finds the department a text defines with its short form
// ("北京市民族宗教事务委员会(简称市民族宗教委)是市政府组成部门",
// "…(以下简称“区财政局”)"): the full name before the bracket, from the last
// character that is no Han one, a department's name by its ending, whose
// short form the text uses again elsewhere (at most the first 300 lines).
// "" where none is.
func definedName(flat []string) (string, int) {
	lines := flat[:min(len(flat), 300)]
	for i, l := range lines {
		for at := 0; ; {
			k := strings.Index(l[at:], "简称")
			if k < 0 {
				break
			}
			k += at
			at = k + len("简称")
			open := strings.LastIndex(l[:k], "(")
			if open < 0 || strings.TrimPrefix(l[open+1:k], "以下") != "" {
				continue
			}
			end := strings.Index(l[at:], ")")
			if end < 0 {
				continue
			}
			short := strings.Trim(l[at:at+end], "“”\"'‘’:")
			full := l[:open]
			if j := strings.LastIndexFunc(full, func(r rune) bool { return !isHan(r) }); j >= 0 {
				_, size := utf8.DecodeRuneInString(full[j:])
				full = full[j+size:]
			}
			full = dropNameHead(full)
			if n := utf8.RuneCountInString(full); n < 4 || n > 30 || !hasSuffixAny(full, nameSuffixes) || utf8.RuneCountInString(short) < 2 || short == full {
				continue
			}
			uses := 0
			for _, o := range lines {
				uses += strings.Count(o, short)
			}
			if uses-strings.Count(l[at:at+end], short) > 0 {
				return full, i + 1
			}
		}
	}
	return "", 0
}

// establishedName finds the department a text's 机构设置 section presents:
// the first sentences under a numbered heading naming it ("(二)机构设置", "(一)
// 机构设置、职责") state what it sets up inside ("某街道办事处内设10个办公室",
// "某分院共设置12个职能部门") or that it was established ("…的通知》,设立某党派
// 某市委员会。"), or what kind of unit it is ("某中心为卫健委二级预算单位"); a
// part's heading too ("第二部分 机构设置情况"), a township budget's 所属单位.
// The name is the subject before 内设 / 下设 / 共设置 / 为, from the last
// character that is no Han one, or what 设立 names up to the sentence's end;
// four characters or more (three for a 乡 or 镇), ending like a department's,
// not the text's word for itself. Under each such heading only its line and
// the five after it count, up to the next heading (the contents' entry names
// none); "" where none is.
func establishedName(flat []string) (string, int) {
	for i, l := range flat[:min(len(flat), 300)] {
		h := dropEnum(l)
		if k := strings.Index(l, "部分"); strings.HasPrefix(l, "第") && k > 0 && k <= len("第十一") {
			h = strings.TrimLeft(l[k+len("部分"):], ": ") // a part's heading: "第二部分 机构设置情况"
		}
		rest, ok := strings.CutPrefix(strings.TrimPrefix(h, "部门"), "机构设置")
		if !ok { // "(一)所属单位 / 某乡下设行政单位1个": a township's budget of 2015
			rest, ok = strings.CutPrefix(h, "所属单位")
		}
		if h == l || !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "情况") // "(二)机构设置情况中心内设7个科室": the heading's word, no name's
		// the heading goes on: "(二)机构设置及部门决算单位构成我中心内设…"
		if k := strings.Index(rest, "构成"); strings.HasPrefix(rest, "及") && k > 0 {
			rest = rest[k+len("构成"):]
		}
		// the heading's line, its sentence run into it (a web page's body on
		// one line: "(二)机构设置某街道办事处内设…"), then the lines after it
		for j, n := i, 0; n < 6 && j >= 0; j, n = nextIndex(flat, j), n+1 {
			s := rest
			if j != i {
				if s = flat[j]; dropEnum(s) != s {
					break // the next heading
				}
			}
			var cands []string
			for _, w := range []string{"内设", "下设", "下属", "共设置"} { // "某乡人民政府下属二级预算单位0个", "某分院共设置12个职能部门"
				if k := strings.Index(s, w); k > 0 {
					c := s[:k]
					if b := strings.LastIndexFunc(c, func(r rune) bool { return !isHan(r) }); b >= 0 {
						_, size := utf8.DecodeRuneInString(c[b:])
						c = c[b+size:]
					}
					cands = append(cands, c)
				}
			}
			// … or what kind of unit it is: "某中心为卫健委二级预算单位,公益一类事业单位。"
			if k := strings.Index(s, "为"); k > 0 {
				if e := strings.IndexAny(s[k:], "。，,；"); e > 0 && strings.HasSuffix(s[k:k+e], "单位") {
					cands = append(cands, s[:k])
				}
			}
			if k := strings.Index(s, "设立"); k >= 0 {
				c := s[k+len("设立"):]
				if e := strings.IndexAny(c, "。，,；"); e >= 0 {
					c = c[:e]
				}
				if !strings.Contains(c, "、") { // sets up several: its offices
					cands = append(cands, c)
				}
			}
			for _, c := range cands {
				// a township's own name may be three characters: "某某乡下设…"
				n := utf8.RuneCountInString(c)
				if (n >= 4 || n == 3 && hasSuffixAny(c, []string{"乡", "镇"})) && n <= 30 && nameLike(c) && !startsWithAny(c, []string{"本", "我", "该"}) {
					return c, j + 1
				}
			}
		}
		// a contents' entry of the section names none: the section itself, later, may
	}
	return "", 0
}

// coveredName finds the one unit a 决算's or budget's sentence of what it
// covers names: "纳入2015年部门决算编报的单位共1个,分别是某林场,其中…" — one
// unit, its name four characters or more ending like a department's.
func coveredName(flat []string) (string, int) {
	for i, l := range flat[:min(len(flat), 300)] {
		// "部门决算单位构成为省某中心本级": the one unit's own office
		for _, w := range []string{"决算单位构成为", "预算单位构成为"} {
			if k := strings.Index(l, w); k >= 0 {
				after := l[k+len(w):]
				if e := strings.IndexAny(after, "。，,；;"); e > 0 {
					after = after[:e]
				}
				if n, ok := strings.CutSuffix(after, "本级"); ok && utf8.RuneCountInString(n) >= 4 && utf8.RuneCountInString(n) <= 30 && nameLike(n) {
					return n, i + 1
				}
			}
		}
		k := strings.Index(l, "纳入")
		if k < 0 {
			continue
		}
		rest := l[k:]
		for _, w := range []string{"单位共1个", "单位1个"} {
			j := strings.Index(rest, w)
			if j < 0 || !containsAny(rest[:j], []string{"部门决算", "部门预算", "单位决算", "单位预算"}) {
				continue
			}
			after := strings.TrimLeft(rest[j+len(w):], ",，:：")
			for _, p := range []string{"分别是", "即", "为", "是"} {
				after = strings.TrimPrefix(after, p)
			}
			if e := strings.IndexAny(after, "。，,；;("); e > 0 {
				after = after[:e]
			}
			if n := utf8.RuneCountInString(after); n >= 4 && n <= 30 && nameLike(after) {
				return after, i + 1
			}
		}
	}
	return "", 0
}

// emptyTableName finds the department a table's note of why the table is
// empty names: "说明:某镇人民政府没有使用国有资本经营预算安排支出,故本表无
// 数据", "注：某局无政府性基金预算财政拨款支出，故本表无数据" — the subject
// before 没有 (无), after the note's head and before its year, ending like
// a department's name. Every such note must name the same (本部门 is
// none); "" where none does.
func emptyTableName(flat []string) (name string, line int) {
	for i, l := range flat {
		for _, head := range []string{"说明:", "注:"} {
			k := strings.Index(l, head)
			if k < 0 || !strings.Contains(l, "故本表") {
				continue
			}
			note := l[k+len(head):]
			j := strings.Index(note, "没有")
			if w := strings.Index(note, "无"); w >= 0 && (j < 0 || w < j) {
				j = w
			}
			if j <= 0 {
				continue
			}
			cand := note[:j]
			if _, before, _, ok := yearIn(cand); ok {
				cand = before
			}
			cand = strings.TrimSuffix(cand, "本年度")
			if n := utf8.RuneCountInString(cand); n < 3 || n > 30 || !nameLike(cand) || startsWithAny(cand, []string{"本", "我", "该"}) || strings.ContainsAny(cand, " ") {
				continue
			}
			if name != "" && name != cand {
				return "", 0
			}
			if name == "" {
				line = i + 1
			}
			name = cand
		}
	}
	return name, line
}

// regulationHeads open the name of a department's own rules of its duties
// and staff (三定规定): "《某办事处职能配置、内设机构和人员编制规定》".
var regulationHeads = []string{"职能配置", "主要职责内设机构", "主要职责、内设机构", "机构职能编制规定"}

// regulationName finds the department whose rules of its duties and staff
// (三定规定) the text cites: its duties are "根据《某局职能配置、内设机构
// 和人员编制规定》…". The name must end like a department's; "" where
// none is.
func regulationName(flat []string) (string, int) {
	for i, l := range flat[:min(len(flat), 300)] {
		for at := 0; ; {
			k := strings.Index(l[at:], "《")
			if k < 0 {
				break
			}
			at += k + len("《")
			end := strings.Index(l[at:], "》")
			if end < 0 || !strings.HasSuffix(l[at:at+end], "编制规定") {
				continue
			}
			for _, h := range regulationHeads {
				if j := strings.Index(l[at:at+end], h); j > 0 {
					if n := l[at : at+j]; utf8.RuneCountInString(n) >= 4 && utf8.RuneCountInString(n) <= 30 && hasSuffixAny(n, nameSuffixes) && !strings.ContainsAny(n, "0123456789") {
						return n, i + 1
					}
					break
				}
			}
		}
	}
	return "", 0
}

// overviewHeads name the part of a disclosure that describes the
// department: "一、部门基本情况", "一、部门基本概况".
var overviewHeads = []string{"基本情况", "基本概况", "概况", "主要职责"}

// overviewName finds the department a text describes in its overview: the
// first lines under a heading of overviewHeads (numbered; a part's, "第一部分
// 概况", where parts) say what it is, "(一)重庆市
// 某区人民检察院是国家法律监督机关…", "主要负责:某市某区疾病预防控制中心是…"
// (a web page's body on one line runs them into the heading's line). The
// name is the subject before 是 (or before 为 where its clause ends in 单位),
// from the last character that is no Han one: a department's name by its
// ending that opens with its region. Only
// the heading's line and the three after it count; "" where none is.
func overviewName(flat []string, parts bool) (string, int) {
	for i, l := range flat[:min(len(flat), 300)] {
		h := dropEnum(l)
		if parts { // a part's heading: "第一部分 概况"
			h = l
			if k := strings.Index(l, "部分"); strings.HasPrefix(l, "第") && k > 0 && k <= len("第十一") {
				h = strings.TrimLeft(l[k+len("部分"):], ":")
			}
		}
		if h == l {
			continue
		}
		rest := ""
		for _, w := range overviewHeads {
			if k := strings.Index(h, w); k >= 0 && utf8.RuneCountInString(h[:k]) <= 6 && titleLike(h[:k+len(w)]) {
				rest = h[k+len(w):]
				break
			}
		}
		if rest == "" && !hasSuffixAny(h, overviewHeads) {
			continue
		}
		for j, n := i, 0; n < 4; n++ {
			if n > 0 {
				if j = nextIndex(flat, j); j < 0 {
					return "", 0
				}
				rest = flat[j]
			}
			k := strings.Index(rest, "是")
			if k < 0 {
				// … or what kind of unit it is: "某区档案馆为中共某区委办公室管理的
				// 公益一类事业单位,机构规格正处级"
				if k = strings.Index(rest, "为"); k > 0 {
					if e := strings.IndexAny(rest[k:], "。，,；"); e <= 0 || !strings.HasSuffix(rest[k:k+e], "单位") {
						k = -1
					}
				}
			}
			if k < 0 {
				continue
			}
			cand := rest[:k]
			if b := strings.LastIndexFunc(cand, func(r rune) bool { return !isHan(r) }); b >= 0 {
				_, size := utf8.DecodeRuneInString(cand[b:])
				cand = cand[b+size:]
			}
			cand = dropNameHead(cand)
			if c := utf8.RuneCountInString(cand); c >= 4 && c <= 30 && (hasSuffixAny(cand, nameSuffixes) || strings.HasSuffix(cand, "学")) && regionOf(cand) != "" {
				return cand, j + 1 // "某县某镇复兴小学是一所完全制小学"
			}
		}
		return "", 0
	}
	return "", 0
}

// dutiesWords open the sentence of a department's duties after its name.
var dutiesWords = []string{"主要职能是", "主要职责是", "的主要职能", "的主要职责"}

// dutiesName finds the department a text with no title opens by stating
// its duties, within its first lines: "深圳市人民政府办公厅主要职能是:协助…"
// — the words before them, a full name (its region's and ending like a
// department's), its line's first words.
func dutiesName(flat []string) (string, int) {
	seen := 0
	for i, l := range flat {
		if l == "" {
			continue
		}
		if seen++; seen > 3 {
			break
		}
		for _, w := range dutiesWords {
			k := strings.Index(l, w)
			if k <= 0 {
				continue
			}
			// the line's first words: after others (a page's chrome run
			// into it, "…小+大深圳市…") where the name starts is not told
			cand := l[:k]
			if c := utf8.RuneCountInString(cand); c >= 4 && c <= 30 && !strings.ContainsFunc(cand, func(r rune) bool { return !isHan(r) && r != '(' && r != ')' }) &&
				hasSuffixAny(cand, nameSuffixes) && regionOf(cand) != "" && nameLike(cand) {
				return cand, i + 1
			}
		}
	}
	return "", 0
}

// foundedName finds the department whose duties a numbered heading opens
// ("一、部门职责") by the sentence under it that opens with its name and the
// date it was founded: "某市公共资源交易中心2013年9月经市委、市政府批准组建成立".
// The name is all Han, four characters or more, a department's by its
// ending, opening with its region; "" where no such sentence follows such
// a heading (the contents' entry of the duties is passed over).
func foundedName(flat []string) (string, int) {
	for i, l := range flat[:min(len(flat), 300)] {
		h := dropEnum(l)
		k := slices.IndexFunc(dutyHeads, func(w string) bool { return strings.HasPrefix(h, w) })
		if h == l || k < 0 {
			continue
		}
		// the sentence on the heading's line (a body on one line runs them
		// together: "一、部门职责 某中心2013年9月…"), or on the next
		j, sent := i, h[len(dutyHeads[k]):]
		if sent == "" {
			if j = nextIndex(flat, i); j < 0 {
				break
			}
			sent = flat[j]
		}
		y, before, after, ok := yearIn(sent)
		month := strings.TrimLeft(after, "0123456789")
		if !ok || y == 0 || month == after || !strings.HasPrefix(month, "月") {
			continue
		}
		if c := utf8.RuneCountInString(before); c >= 4 && c <= 30 && !strings.ContainsFunc(before, func(r rune) bool { return !isHan(r) }) &&
			hasSuffixAny(before, nameSuffixes) && regionOf(before) != "" {
			return before, j + 1
		}
	}
	return "", 0
}

// regionOnly tells a name that is only a region ("上海市普陀区", "…区级"):
// a cover that names the region and not the unit.
func regionOnly(name string) bool {
	return name != "" && !hasSuffixAny(name, nameSuffixes) && hasSuffixAny(name, []string{"省", "市", "区", "县", "区级", "市级", "县级", "省级"})
}

// dutyHeads open the paragraph of a unit's responsibilities, which starts
// with its name: "上海市普陀区图书馆主要职能".
var dutyHeads = []string{"主要职能", "主要职责", "职能职责", "部门职责", "单位职责", "机构职能"}

// nameHeads are the words of a heading a web page's body on one line runs
// into the name that opens its paragraph: "(一)职能职责某法院是…", "(一)机构设置、
// 职责某局(简称…)" — the duties' and the overview's headings, and 职责 or 职能
// after another heading's word.
var nameHeads = slices.Concat(dutyHeads, overviewHeads, []string{"职责", "职能"})

// dropNameHead drops the heading's words a name was run into (nameHeads).
func dropNameHead(s string) string {
	for _, h := range nameHeads {
		if rest, ok := strings.CutPrefix(s, h); ok {
			return rest
		}
	}
	return s
}

// fromSubjects says a department's name is subjectName's.
const fromSubjects = "the subject of the text's sentences"

// bodyName finds the unit a region-only cover leaves out: the subject of
// the text's sentences, or the name before the responsibilities' heading
// (at most the first 300 lines). from says which.
func bodyName(flat []string, year int) (name string, line int, from string) {
	if n, l := subjectName(flat, year, false); n != "" {
		return n, l, fromSubjects
	}
	for i, l := range flat[:min(len(flat), 300)] {
		for _, h := range dutyHeads {
			k := strings.Index(l, h)
			if k <= 0 {
				continue
			}
			cand := l[:k]
			for _, sep := range []string{"、", ".", ":"} { // "一、"
				if k := strings.LastIndex(cand, sep); k >= 0 {
					cand = cand[k+len(sep):]
				}
			}
			if n := utf8.RuneCountInString(cand); n >= 4 && n <= 30 && hasSuffixAny(cand, nameSuffixes) && !strings.ContainsAny(cand, "0123456789，。") {
				return cand, i + 1, "the one that heads its responsibilities (…" + h + ")"
			}
		}
	}
	return "", 0, ""
}

// regionalName finds the full name a title shortened to the unit alone
// ("2016年卫生监督所预算说明"): the body names it with its region at least
// twice ("2016年, 平潭县卫生监督所收入预算为…", "在职人数 平潭县卫生监督所"),
// the region standing after a space, a punctuation mark or a line's start.
// The most frequent such name is taken; "" where none is.
func regionalName(flat []string, name string) string {
	count := map[string]int{}
	for _, l := range flat[:min(len(flat), 300)] {
		for at := 0; ; {
			k := strings.Index(l[at:], name)
			if k < 0 {
				break
			}
			end := at + k
			at = end + len(name)
			prefix := l[hanRunStart(l, end):end]
			if n := utf8.RuneCountInString(prefix); n < 2 || n > 8 || !hasSuffixAny(prefix, regionSuffixes) {
				continue
			}
			if full := prefix + name; regionOf(full) == prefix {
				count[full]++
			}
		}
	}
	best := ""
	for full, n := range count {
		if n >= 2 && (best == "" || n > count[best] || n == count[best] && full < best) {
			best = full
		}
	}
	return best
}

// expandedName finds the full name a title abbreviates ("国办" of "国务院办公
// 厅", "县文联" of "某县文学艺术界联合会"): a name the sentences put right
// before or after the fiscal year ("国务院办公厅2013年度部门决算", "2013年
// 国务院办公厅“三公”经费…") at least twice, that opens with the short
// name's first character, holds all of its characters in their order and
// ends like a department's. The most frequent (the longest of those as
// frequent); "" where none is.
func expandedName(flat []string, name string, year int) string {
	short := []rune(name)
	y := strconv.Itoa(year) + "年"
	count := map[string]int{}
	add := func(run string, fromEnd bool) {
		rs := []rune(run)
		for i := range rs {
			for j := i + len(short) + 1; j <= len(rs); j++ {
				if fromEnd && j != len(rs) || !fromEnd && i != 0 {
					continue
				}
				c := rs[i:j]
				if c[0] != short[0] || !subsequence(short, c) || !hasSuffixAny(string(c), nameSuffixes) {
					continue
				}
				count[string(c)]++
			}
		}
	}
	for _, l := range flat[:min(len(flat), 300)] {
		parts := strings.Split(l, y) // the text between the year's mentions
		for k := 1; k < len(parts); k++ {
			before := parts[k-1]
			add(before[hanRunStart(before, len(before)):], true)
			rest := strings.TrimPrefix(parts[k], "度")
			end := strings.IndexFunc(rest, func(r rune) bool { return !isHan(r) })
			if end < 0 {
				end = len(rest)
			}
			add(rest[:end], false)
		}
	}
	best := ""
	for c, n := range count {
		if n >= 2 && (best == "" || n > count[best] || n == count[best] && (len(c) > len(best) || len(c) == len(best) && c < best)) {
			best = c
		}
	}
	return best
}

// completedName finds the name a title lost its last characters of
// ("梧州市档案2023" / "部门预算…", the 馆 dropped; a page's number run into
// it on one line, "1梧州市档案"): the first place the body names it followed
// by at most four Han characters that end it like a department's
// ("第一部分:梧州市档案馆概况"), the shortest such. Only for a name that does
// not end like one; "" where the body names none.
func completedName(flat []string, name string) string {
	core := strings.TrimLeftFunc(name, func(r rune) bool { return !isHan(r) })
	if utf8.RuneCountInString(core) < 4 || nameLike(core) {
		return ""
	}
	for _, l := range flat[:min(len(flat), 80)] {
		for at := 0; ; {
			k := strings.Index(l[at:], core)
			if k < 0 {
				break
			}
			at += k + len(core)
			n := 0
			for j, r := range l[at:] {
				if !isHan(r) || n == 4 {
					break
				}
				n++
				// "某县妇联部门2022年部门决算": the template's 部门 after the
				// name, not a 部 that ends it
				if r == '部' && strings.HasPrefix(l[at+j+utf8.RuneLen(r):], "门") {
					break
				}
				if c := core + l[at:at+j+utf8.RuneLen(r)]; nameLike(c) {
					return c
				}
			}
		}
	}
	return ""
}

// subsequence tells whether short's characters all stand in long in their
// order.
func subsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && r == short[i] {
			i++
		}
	}
	return i == len(short)
}

// coverName finds the full name a web page's title shortens
// ("驻某市办事处 2019年度决算公开报告"): its cover repeats the title with the
// name whole, "某盟行政公署驻某市办事处" then "2019年度决算公开报告", among the
// first 80 lines (lines with their spaces): a word ending with the title's
// name, the words after it opening with the title's year (the fiscal year)
// and kind ("2019年度决算"), as the title does right after its name. The full name opens with its region and adds only Han
// characters; "" where no word is such a name.
func coverName(lines []string, name, title string, year int) string {
	k := strings.Index(title, name)
	if k < 0 {
		return ""
	}
	rest := title[k+len(name):] // its year and kind: "2019年度决算"
	if end := strings.Index(rest, "算"); end > 0 && strings.HasPrefix(rest, strconv.Itoa(year)) && utf8.RuneCountInString(rest[:end]) <= 12 {
		rest = rest[:end+len("算")]
	} else {
		return ""
	}
	words := strings.Fields(strings.Join(lines[:min(len(lines), 80)], " "))
	for k, w := range words {
		p, ok := strings.CutSuffix(w, name)
		if !ok || p == "" || strings.IndexFunc(p, func(r rune) bool { return !isHan(r) }) >= 0 {
			continue
		}
		follow := ""
		for j := k + 1; j < len(words) && len(follow) < len(rest); j++ {
			follow += words[j]
		}
		if strings.HasPrefix(follow, rest) && utf8.RuneCountInString(w) <= 40 && nameLike(w) && regionOf(w) != "" {
			return w
		}
	}
	return ""
}

// namesReport tells a line that names a whole report (部门预算, 单位决算 …),
// not the 三公 alone: "某镇人民政府2020年部门预算及“三公”经费预算".
func namesReport(l string) bool {
	for _, k := range titleKinds[:4] {
		if strings.Contains(l, k.word) {
			return true
		}
	}
	return false
}

// opensReport tells text that opens with a whole report's kind: "部门预算…".
func opensReport(s string) bool {
	for _, k := range titleKinds[:4] {
		if strings.HasPrefix(s, k.word) {
			return true
		}
	}
	return false
}

// maskFunds blanks the funds' names that end in 预算 (一般公共预算,
// 政府性基金预算, 国有资本经营预算), keeping every other byte in place.
func maskFunds(s string) string {
	for _, f := range []string{"一般公共预算", "公共财政预算", "政府性基金预算", "国有资本经营预算"} {
		s = strings.ReplaceAll(s, f, strings.Repeat("_", len(f)))
	}
	return s
}

// nameLike tells a name that ends like a department's and is no heading's
// number or sentence: "某县文学艺术界联合会", not "三、" or "支出0万元,与".
func nameLike(n string) bool {
	if n == "" || strings.ContainsAny(n, "0123456789,，。;；、") {
		return false
	}
	if k := strings.LastIndex(n, "("); k > 0 && strings.HasSuffix(n, ")") { // "某局(外侨办)", "某街道办事处(本级)"
		n = n[:k]
	}
	n = strings.TrimSuffix(n, "本级") // "某卫生院本级": its own office, without brackets
	// 中学, 小学; a town's or a street's government ("某区民意街", "某区某街道");
	// the collective organs of the democratic parties and the federation of
	// industry (工商联); the people's organisations by their short names
	// ("某市文联", 妇联, 侨联, 残联, 社科联, 科协)
	return hasSuffixAny(n, nameSuffixes) || hasSuffixAny(n, []string{"学", "镇", "乡", "街", "街道", "民主党派", "工商联", "林场", "农场", "牧场"}) ||
		hasSuffixAny(n, []string{"文联", "妇联", "侨联", "残联", "社科联", "台联", "科协"}) ||
		hasSuffixAny(n, centralShortNames)
}

// centralShortNames are the short names the central committees of the
// youth league and the democratic parties publish their budgets under
// ("现将共青团中央2011年部门预算批复情况公布如下", 民革中央, 九三学社中央).
var centralShortNames = []string{"团中央", "民革中央", "民盟中央", "民建中央", "民进中央", "农工党中央", "致公党中央", "九三学社中央", "台盟中央"}

// splitAlias parts a department's name from the second name it bears
// (挂牌), printed in brackets after it: "某市某区综合行政执法局(某市某区城市
// 管理局)". The second name must be a department's full name of its own —
// a region, then a name's ending — so a short second name ("某局(外侨办)")
// and a qualifier ("某街道办事处(本级)") stay in the name.
func splitAlias(name string) (string, []string) {
	k := strings.LastIndex(name, "(")
	if k <= 0 || !strings.HasSuffix(name, ")") {
		return name, nil
	}
	main, alias := name[:k], name[k+len("("):len(name)-len(")")]
	if regionOf(alias) == "" || !hasSuffixAny(alias, nameSuffixes) || !hasSuffixAny(main, nameSuffixes) || strings.ContainsAny(alias, "()0123456789") {
		return name, nil
	}
	return main, []string{alias}
}

// yearKind tells text with a year followed by a report's kind (…算).
func yearKind(s string) bool {
	_, _, after, ok := yearIn(s)
	return ok && strings.Contains(after, "算")
}

// titleLike tells a line that may be a title: short, no sentence, no amount.
func titleLike(l string) bool {
	return utf8.RuneCountInString(l) <= 80 && !strings.ContainsAny(l, "。,，;；") && !strings.Contains(l, "元")
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func endsSentence(s string) bool {
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "；")
}

// titleLabels are a web page's labels of its title in its metadata (the
// longer first: 信息名称 before 名称).
var titleLabels = []string{"信息名称", "文章标题", "标题", "名称"}

// dropEnum drops the enumerator a heading opens with: "二、", "(三)", "4.".
func dropEnum(t string) string {
	num := func(s string) int { // bytes of the numerals s opens with
		k := 0
		for _, r := range s {
			if !strings.ContainsRune("一二三四五六七八九十0123456789", r) {
				break
			}
			k += utf8.RuneLen(r)
		}
		return k
	}
	if rest, ok := strings.CutPrefix(t, "("); ok {
		if k := num(rest); k > 0 && strings.HasPrefix(rest[k:], ")") {
			return strings.TrimSpace(rest[k+1:])
		}
		return t
	}
	if k := num(t); k > 0 && k < len(t) {
		for _, sep := range []string{"、", "."} {
			if strings.HasPrefix(t[k:], sep) {
				return strings.TrimSpace(t[k+len(sep):])
			}
		}
	}
	return t
}

// cleanName drops what often clings to a department name in titles.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	// a web page's list of its metadata: "• 标题:某中心2019年度部门决算公开"
	s = strings.TrimLeft(s, "•·● |")
	// a mirror's ? for a character it lost (a space, a bracket) before the
	// name: "?某县妇联部门2022年部门决算表" — a name opening with its region
	// has lost none of its own
	if rest := strings.TrimLeft(s, "?？"); rest != s && regionOf(rest) != "" {
		s = rest
	}
	// a CMS's category tag before the title: "【财政决算】某博物馆2017年度部门决算"
	if rest, ok := strings.CutPrefix(s, "【"); ok {
		if k := strings.Index(rest, "】"); k > 0 && nameLike(rest[k+len("】"):]) {
			s = rest[k+len("】"):]
		}
	}
	// a document site's list number and the PDF's page number run into the
	// title: "1、1上海市某中心2017年度决算" — no name opens with a digit
	// before its region
	// (a contents entry's number alone is left: "1. 某局2020年…表" is no title)
	if d := dropEnum(s); d != s && strings.IndexAny(d, "0123456789") == 0 {
		if rest := strings.TrimLeft(d, "0123456789"); rest != "" && isHan([]rune(rest)[0]) && regionOf(rest) != "" && nameLike(rest) {
			s = rest
		}
	}
	// a breadcrumb before the title: "网站首页 > 某中心2017年度部门决算",
	// "当前位置:首页>政务公开>某局…"
	if k := strings.LastIndex(s, ">"); k >= 0 && containsAny(s[:k], []string{"首页", "位置"}) {
		s = s[k+len(">"):]
		// its last crumb, a CMS's category, run into the name (a web page's
		// body on one line): "…>资金信息 某市某局直属系统2013年部门预算"
		for _, w := range []string{"信息", "公开"} {
			if j := strings.Index(s, w); j > 0 && utf8.RuneCountInString(s[:j]) <= 6 {
				if rest, r := s[j+len(w):], regionOf(s[j+len(w):]); utf8.RuneCountInString(rest) >= 4 && r != "" && containsAny(rest[len(r):], nameSuffixes) {
					s = rest
					break
				}
			}
		}
	}
	// an attachment's file name before it: "教育局预算公开表.xls 教育局2020年部门预算"
	s = afterFileName(s)
	// a label before the name, no department's name holds a colon: "标 题:某卫生院"
	// (its label's spaces split it), "十二、附件:某医院2025年预算公开报表"
	if k := strings.LastIndex(s, ":"); k >= 0 && nameLike(s[k+len(":"):]) {
		s = s[k+len(":"):]
	}
	// … or a metadata field's value, or the breadcrumb's last crumb, run into
	// it (a web page's body on one line): "公开范围:面向社会 某医院…", "首页 > 正文 某中学…"
	for _, v := range chromeValues {
		if rest, ok := strings.CutPrefix(s, v); ok && nameLike(rest) && utf8.RuneCountInString(rest) >= 4 {
			s = rest
		}
	}
	for _, lb := range titleLabels { // "信息名称  某园2023年部门决算公开说明"
		if rest, ok := strings.CutPrefix(s, lb); ok {
			s = strings.TrimLeft(rest, ": ")
			break
		}
	}
	for _, p := range []string{"附件1", "附件", "附表", "关于"} {
		s = strings.TrimPrefix(s, p)
	}
	// a template's placeholder of the department left before the name:
	// "XX部门某小学"
	for _, p := range placeholders {
		for _, w := range []string{"部门", "单位"} {
			s = strings.TrimPrefix(s, p+w)
		}
	}
	// no department is named 三公: "某镇“三公”经费预算…" names 某镇
	if k := strings.Index(s, "三公"); k > 0 {
		s = strings.TrimRight(s[:k], "“\"「‘")
		// "某中心财政拨款“三公”经费预算2014年情况如下": the funds are not the name
		s = strings.TrimSuffix(s, "财政拨款")
		s = strings.TrimSuffix(s, "关于") // "某县文联关于财政拨款“三公”经费…"
	}
	s = strings.TrimSuffix(s, "(部门)")
	// a body's numbered part heading read as the title ("二、某乡人民政府2020年
	// 部门预算安排情况说明"): a heading's Chinese ordinal is no part of the
	// name (an Arabic one is left: "1. 某局2020年…表" is a contents entry)
	if rest := dropEnum(s); rest != s && strings.ContainsRune("一二三四五六七八九十", []rune(s)[0]) && nameLike(rest) {
		s = rest
	}
	s = afterHeading(s)
	// "某医院单位2017年度部门决算": 单位 after a name's ending is the
	// template's word for the unit, no part of its name
	if n, ok := strings.CutSuffix(s, "单位"); ok && hasSuffixAny(n, nameSuffixes) && utf8.RuneCountInString(n) >= 3 {
		s = n
	}
	// a table's cell of its 编制单位: "某医院[单户表] |" — what the table
	// covers, in square brackets, is no part of a name
	s = strings.TrimRight(s, "| ")
	if k := strings.LastIndexAny(s, "[【"); k > 0 && (strings.HasSuffix(s, "]") || strings.HasSuffix(s, "】")) {
		s = s[:k]
	}
	// what the figures cover, not the name: "某县教育局(部门汇总)", "某委(系统)"
	for _, q := range []string{"(部门汇总)", "(汇总)", "(系统)"} {
		s = strings.TrimSuffix(s, q)
	}
	if n, ok := strings.CutSuffix(s, "部门"); ok && utf8.RuneCountInString(n) >= 4 { // "某县第二中学部门2021年度部门决算"
		s = n
	}
	for _, lb := range []string{"单位名称:", "部门名称:", "预算单位:", "编制单位:"} { // a cover's label over the title
		s = strings.TrimPrefix(s, lb)
	}
	s = strings.Trim(s, " :：“”\"")
	// a unit named under its 主管部门: 某区卫生健康委员会所属某区卫生监督所
	// is the 卫生监督所's (not so "某局所属事业单位", the department's units)
	if k := strings.LastIndex(s, "所属"); k > 0 {
		if u := s[k+len("所属"):]; utf8.RuneCountInString(u) >= 4 && !strings.HasSuffix(u, "单位") && !strings.HasSuffix(u, "机构") {
			s = u
		}
	}
	// a CMS's title naming the department, then its region again before
	// the year: "某县人民政府办公室某县2023年度部门决算公开" is the office's
	if r := regionOf(s); r != "" {
		if n, ok := strings.CutSuffix(s, r); ok && len(n) > len(r) {
			s = n
		}
	}
	if levelOnly(s) {
		return "" // "2021年区本级“三公”经费预算": the district's own organs summed, no department
	}
	// a fund's or an appropriation's words are no department: "2022年一般公共
	// 预算“三公”经费决算…" (a region's page), a contents entry "2023年度一般
	// 公共预算财政拨款基本支出决算明细表" read as a title
	if startsWithAny(s, fundNames) {
		return ""
	}
	// a page's date badge run into the title's line ("2023" / "102某县某办公室
	// 2023年部门预算…": 10 月 2 日): digits before a region's name are no part
	// of the name (a school's are: "101中学")
	if rest := strings.TrimLeft(s, "0123456789"); rest != s && rest != "" && isHan([]rune(rest)[0]) && opensWithRegion(rest) && nameLike(rest) {
		s = rest
	}
	return s
}

// opensWithRegion tells a name whose first four characters hold a region's
// ending (某县…, 上海市…, 某某镇…): a region it may name however it is written.
func opensWithRegion(s string) bool {
	head := []rune(s)
	return len(head) >= 4 && strings.ContainsAny(string(head[:4]), "省市县区州旗盟镇乡")
}

// fundNames are the words a fund's or an appropriation's name opens with (not a
// unit's: 国有资本经营管理中心 is one).
var fundNames = []string{"一般公共预算", "公共财政预算", "政府性基金预算", "国有资本经营预算", "财政拨款", "财政专户管理"}

// afterHeading takes the name from after a numbered heading run into it:
// "(二)决算编报构成某公园2015年决算中…" (a body whose line breaks were
// lost) names 某公园. A heading's words end in one of headingEnds; a name
// that opens with a numbered heading none of whose words end so names
// nothing ("") — but a heading that says what it explains of the department
// (关于) before the year names it: "(一)关于某乡人民政府2025年收支预算情况的
// 总体说明" names 某乡人民政府.
func afterHeading(s string) string {
	rest := dropEnum(s)
	if rest == s || !strings.HasPrefix(s, "(") {
		return s
	}
	if n, ok := strings.CutPrefix(rest, "关于"); ok && nameLike(n) {
		return n
	}
	for k, r := range rest {
		for _, w := range headingEnds {
			if strings.HasPrefix(rest[k:], w) && k > 0 {
				return strings.TrimSpace(rest[k+len(w):])
			}
		}
		if !isHan(r) {
			break
		}
	}
	return ""
}

// headingEnds are the last words of a body's numbered headings.
var headingEnds = []string{"构成", "职能", "职责", "概况", "情况", "设置"}

// contentsWords are the words of a disclosure's headings, none of a
// department's name.
var contentsWords = []string{"概况", "职责", "职能", "情况", "部分", "目录"}

// levelOnly tells a name that is a region's level and no more: "区本级",
// "市级", "全县" — the sums a finance bureau gives of its region's organs,
// no department's.
func levelOnly(name string) bool {
	n := strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(name, "本级"), "级"), "全")
	return name == "本级" || utf8.RuneCountInString(n) == 1 && strings.Contains("省市区县州旗", n)
}

// yearRightBefore reads the year printed without its 年 right before a
// 三公 title's 三公 at k ("2016三公经费预算说明", "2016“三公”经费…").
func yearRightBefore(t string, k int) (year int, before, after string, ok bool) {
	head := strings.TrimRight(t[:k], "“\"「‘")
	if len(head) < 4 || !allDigits(head, len(head)-4, len(head)) || len(head) > 4 && head[len(head)-5] >= '0' && head[len(head)-5] <= '9' {
		return 0, "", "", false
	}
	y, _ := strconv.Atoi(head[len(head)-4:])
	if y < 1990 || y > 2100 {
		return 0, "", "", false
	}
	return y, head[:len(head)-4], t[len(head):], true
}

// regionSuffixes end an administrative division's name.
var regionSuffixes = []string{"自治区", "自治州", "自治县", "特别行政区", "省", "市", "区", "县", "旗", "州", "盟"}

// regionOf reads the administrative divisions that open a department name:
// 上海市普陀区人民政府万里街道办事处 → 上海市普陀区. Each division has at least
// two characters before its suffix, and something must remain after them.
// RegionOf is regionOf for the pipeline: the region a publisher's name
// opens with.
func RegionOf(name string) string { return regionOf(name) }

func regionOf(name string) string {
	for _, p := range []string{"中国共产党", "中共"} {
		name = strings.TrimPrefix(name, p)
	}
	rs := []rune(name)
	end := 0
	for end < len(rs) {
		found := 0
		for k := end + 2; k < len(rs)-1 && k <= end+8; k++ {
			for _, suf := range regionSuffixes {
				sr := []rune(suf)
				if k+len(sr) <= len(rs)-2 && string(rs[k:k+len(sr)]) == suf {
					found = k + len(sr)
					break
				}
			}
			if found > 0 {
				break
			}
		}
		if found == 0 {
			break
		}
		end = found
	}
	return string(rs[:end])
}

// headerIdentity reads the identity from a saved web page's 标题 line, the
// disclosure's title as its publisher gave it. 发布机构 completes a name the
// title shortened ("区环境与国土资源局" of "平潭综合实验区环境与国土资源局").
func headerIdentity(h *ingest.Header) identity {
	title := compact(h.Title)
	id := threePublicTitle(title)
	if id.year == 0 {
		id = readIdentity([]string{title}, nil)
	}
	if id.year == 0 {
		return identity{}
	}
	id.line = h.TitleLine
	if pub := cleanName(compact(h.Publisher)); pub != "" && (id.name == "" || len(pub) > len(id.name) && strings.HasSuffix(pub, strings.TrimLeft(id.name, "区县市省"))) {
		id.name = pub
	}
	return id
}

// headerKind is the kind of the amounts of the table whose title is line
// i, read from its header — the lines after the title up to its first row
// (合计, 总计, or a line opening with a figure): "本年预算数" a budget's,
// "决算数" a final account's; "" where the header names neither or both
// (a 决算's table beside its 预算数).
func headerKind(flat []string, i int) string {
	var header string
	for n, j := 0, i; n < 8; n++ { // a web table's header a cell a line runs longer
		if j = nextIndex(flat, j); j < 0 {
			break
		}
		l := flat[j]
		if strings.Contains(l, "合计") || strings.Contains(l, "总计") || l[0] >= '0' && l[0] <= '9' {
			break
		}
		header += l
	}
	return kindOfHeader(header)
}

// kindOfHeader is the kind of the amounts a table's header names.
func kindOfHeader(header string) string {
	budget, final := strings.Contains(header, "预算数"), strings.Contains(header, "决算数")
	switch {
	case budget && !final:
		return "budget"
	case final && !budget:
		return "final_accounts"
	}
	return ""
}

// threePublicTitle reads the title of a disclosure of "三公" expenses alone
// ("2016年度平潭综合实验区一般公共预算“三公”经费支出决算情况",
// "区环境与国土资源局2015年三公经费支出情况"): its 预算 may be the
// 一般公共预算 the expenses are paid from, so the kind is what follows
// 三公: 决算, 支出情况 or 执行 are final accounts, 预算 a budget.
func threePublicTitle(t string) identity { return threePublicTitleKind(t, "") }

// threePublicTitleKind reads such a title, of the kind given where the
// title itself names none ("" for none).
func threePublicTitleKind(t, fallback string) identity {
	k := strings.Index(t, "三公")
	if k < 0 {
		return identity{}
	}
	y, before, after, ok := yearIn(t)
	if !ok {
		y, before, after, ok = yearRightBefore(t, k)
	}
	if !ok {
		return identity{}
	}
	var kind string
	switch tail := t[k:]; {
	case nextBudget(after, y) != 0: // "“三公”经费2011年决算和2012年预算情况表": the later year's budget
		y, kind = nextBudget(after, y), "budget"
	case strings.Contains(tail, "决算"), strings.Contains(tail, "支出情况"), strings.Contains(tail, "执行"):
		kind = "final_accounts"
	case strings.Contains(tail, "预算"):
		kind = "budget"
	case strings.Contains(tail, "支出说明"): // "某镇2015年三公经费支出说明": what was spent
		kind = "final_accounts"
	case fallback != "":
		kind = fallback
	default:
		return identity{}
	}
	name := strings.TrimSpace(before)
	end := len(after) // the name after the year ends where the expenses' words start
	for _, w := range []string{"一般公共预算", "财政拨款", "“三公", "\"三公", "三公"} {
		if j := strings.Index(after, w); j >= 0 && j < end {
			end = j
		}
	}
	switch {
	case name == "":
		name = after[:end]
	case regionOnly(name) && nameLike(after[:end]): // "某县2015年度移民局“三公”经费…": the region, the year, the unit
		name += after[:end]
	}
	return identity{name: cleanName(name), title: t, kind: kind, year: y}
}

// afterCrumbPath drops from a title the site's path run before it (a web
// page's body on one line): a title carries none of the crumbs before the
// last '>' of a 当前位置 / 您的位置 path, where what follows it is the title,
// its year and its kind or 三公 ("当前位置:某州人民政府>>某局窗口>>公开目录>>
// 工作动态>>某局2017年“三公”经费预算情况说明", "当前位置:网站首页>专题专栏>
// 某中心2019年部门决算").
func afterCrumbPath(t string, y int) string {
	k := strings.LastIndex(t, ">")
	if k < 0 || !strings.Contains(t[:k], "位置") {
		return t
	}
	rest := strings.TrimLeft(t[k+len(">"):], " ")
	if ry, _, _, ok := yearIn(rest); !ok || ry != y || !strings.ContainsAny(rest, "预决三") {
		return t
	}
	return rest
}
