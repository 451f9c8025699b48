package extract

import (
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// The coverage report: for each explanation a disclosure's narrative gives
// and each table it holds, whether the extractor found and read it. It is
// how a document nobody has labelled tells where extraction falls short.

// sections are the narrative's explanations, each with the words that show
// it is there and the model paths it fills; empty tells a section that
// states its figure is nil.
var sections = []struct {
	name, nameEn string
	words        []string
	paths        []string
	empty        func(d *schema.Document) bool
}{
	{"收支总体情况", "Revenue and expenditure totals", []string{"收支总体", "收入支出总体", "收支预算总", "收入预算总", "支出预算总", "收入预算为", "支出预算为", "本年收入", "本年支出", "收入总计", "支出总计"},
		[]string{"/revenue/total", "/revenue/current_year", "/expenditure/total", "/expenditure/current_year"}, nil},
	{"收入来源", "Revenue sources", []string{"财政拨款收入", "一般公共预算收入", "事业收入", "上级补助收入", "其他收入"}, []string{"/revenue/sources"}, nil},
	{"基本支出和项目支出", "Basic and project expenditure", []string{"基本支出", "项目支出"}, []string{"/expenditure/basic", "/expenditure/project"}, nil},
	{"人员经费和公用经费", "Personnel and public expenses", []string{"人员经费", "公用经费"}, []string{"/expenditure/personnel", "/expenditure/public_expenses", "/expenditure/general_personnel", "/expenditure/general_public_expenses", "/expenditure/by_economic"}, nil},
	{"支出功能分类", "Expenditure by function", []string{"(类)", "功能分类"}, []string{"/expenditure/by_function"}, nil},
	{"政府性基金", "Government funds", []string{"政府性基金"}, []string{"/government_fund"}, func(d *schema.Document) bool { return d.GovernmentFund.Amount == 0 }},
	{"国有资本经营", "State capital operations", []string{"国有资本经营"}, []string{"/state_capital"}, func(d *schema.Document) bool { return d.StateCapital.Amount == 0 }},
	{"“三公”经费", "Three public expenses", []string{"三公"}, []string{"/three_public"}, func(d *schema.Document) bool {
		t := d.ThreePublic
		return t.Total != nil && *t.Total == 0
	}},
	{"机关运行经费", "Operating costs", []string{"机关运行经费", "机关运行费"}, []string{"/operating_costs"}, func(d *schema.Document) bool { return d.OperatingCosts.Amount == 0 }},
	{"政府采购", "Government procurement", []string{"政府采购"}, []string{"/procurement"}, func(d *schema.Document) bool { return d.Procurement.Amount == 0 }},
	{"国有资产", "State assets", []string{"国有资产", "资产总额"}, []string{"/assets"}, nil},
	{"绩效目标", "Performance targets", []string{"绩效目标", "绩效指标"}, []string{"/performance"}, nil},
}

// heldAs names the model figures that the non-zero amounts are (the first
// path of each, in order), "" when one of them is none: a mention beside
// another section's figure (绩效目标 beside the 项目支出 it covers).
func (b *builder) heldAs(amounts []schema.Money) string {
	paths := make([]string, 0, len(b.doc.Provenance))
	for p := range b.doc.Provenance {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	model := asTree(b.doc)
	var held []string
	for _, m := range amounts {
		if m == 0 {
			continue
		}
		want, _ := json.Marshal(m)
		k := slices.IndexFunc(paths, func(p string) bool {
			v, ok := at(model, p).(json.Number)
			return ok && string(v) == string(want)
		})
		if k < 0 {
			return ""
		}
		if !slices.Contains(held, paths[k]) {
			held = append(held, paths[k])
		}
	}
	return strings.Join(held, ", ")
}

// itemMark, between a section's word and an amount after it, tells the
// amount is an item's, not the section's: an enumerator of a list under the
// word (项目支出 专项业务费： 1、购书专项经费 50万; 人员经费 (1) 人员工资：
// 基本工资：241368) or the sign of a calculation (公用经费：9人 X 5500元).
var itemMark = regexp.MustCompile(`\([0-9一二三四五六七八九十]+\)|[0-9一二三四五六七八九十]+、|[0-9] *[XxＸ×*＝=]|[XxＸ×*＝=] *[0-9]`)

// itemMarked is itemMark.MatchString, the regexp run only where a rune every
// match holds is there: a bracket, 、 or a sign (mostly none is).
func itemMarked(s string) bool {
	return strings.ContainsAny(s, "(、XxＸ×*＝=") && itemMark.MatchString(s)
}

// nonZero counts the amounts that are not zero.
func nonZero(amounts []schema.Money) int {
	n := 0
	for _, m := range amounts {
		if m != 0 {
			n++
		}
	}
	return n
}

// changeWords, just before an amount, make it a change from another year
// (较上年增加2296.45万元), no statement of the figure itself.
var changeWords = []string{"增加", "减少", "增长", "下降", "节约", "增", "减"}

// qualified tells a mention of the totals' words (支出预算为) at
// [start, end) that another section's word or an expense (…费) qualifies,
// in the same phrase a few characters before it or running into it
// ("三公"经费支出预算为, 基本支出预算为, 公务接待费支出预算为): that
// figure, not the totals'. own is the mention's section.
func (b *builder) qualified(start, end, own int) bool {
	from := start
	for n := 0; n < 6 && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(b.st.s[:from])
		if strings.ContainsAny(b.st.s[from-size:from], "，。；：,;:、\n") {
			break
		}
		from -= size
	}
	if strings.HasSuffix(b.st.s[from:start], "费") {
		return true
	}
	for k, s := range sections {
		if k != own && containsAny(b.st.s[from:end], s.words) {
			return true
		}
	}
	return false
}

// glossaryHeads open the glossary (名词解释), whose definitions mention every
// section whether the document has it or not.
var glossaryHeads = []string{"名词解释", "专业名词"}

// coverage writes the report into the document.
func (b *builder) coverage(flat []string) {
	d := b.doc
	glossary := len(b.st.s)
	for _, h := range glossaryHeads {
		for _, end := range b.find(h) {
			glossary = min(glossary, end)
		}
	}
	// read is the first line a figure under prefix came from (0: none)
	read := func(prefix string) int {
		first := 0
		for ptr, src := range d.Provenance {
			if (ptr == prefix || strings.HasPrefix(ptr, prefix+"/")) && src.Line > 0 && (first == 0 || src.Line < first) {
				first = src.Line
			}
		}
		return first
	}
	for k, s := range sections {
		c := schema.Coverage{Part: "section", Name: s.name, NameEn: s.nameEn, Status: schema.CoverageAbsent}
		var amounts []schema.Money // what a mention's sentence states
		var others []string        // the non-zero ones that are its items'
		var changes []string       // the amounts that are changes (增加X万元), none of them
		for _, w := range s.words {
			for _, end := range b.find(w) {
				if end >= glossary || s.name == sections[0].name && b.qualified(end-len(w), end, k) {
					continue
				}
				if l := b.st.source(end - len(w)).Line; c.Line == 0 || l < c.Line {
					c.Line = l
				}
				stop := min(b.st.sentenceEnd(end), end+90) // about 30 characters
				for ti := b.st.tokenAt(end); ti < len(b.st.toks) && b.st.toks[ti].start < stop; ti++ {
					if tok := b.st.toks[ti]; tok.kind == numMoney && hasSuffixAny(b.st.s[:tok.start], changeWords) {
						changes = append(changes, strings.TrimSpace(b.st.s[end-len(w):tok.end]))
					} else if tok.kind == numMoney {
						amounts = append(amounts, tok.money())
						if itemMarked(b.st.s[end:tok.numEnd]) && tok.money() != 0 {
							others = append(others, strings.TrimSpace(b.st.s[end-len(w):tok.end]))
						}
					}
				}
			}
		}
		for _, p := range s.paths {
			if l := read(p); l > 0 {
				c.Status, c.Line = schema.CoverageRead, l
				if s.empty != nil && s.empty(d) {
					c.Status = schema.CoverageEmpty
				}
				break
			}
		}
		for _, p := range s.paths {
			if r, ok := b.unread[p]; ok && c.Status == schema.CoverageRead {
				c.Reason = "read in part: " + r.Text
			} else if ok {
				c.Status, c.Reason, c.Line = schema.CoverageNotRead, r.Text, r.Line
			}
		}
		switch {
		case c.Status != schema.CoverageAbsent || c.Line == 0:
		case len(amounts) > 0 && !slices.ContainsFunc(amounts, func(m schema.Money) bool { return m != 0 }):
			c.Status = schema.CoverageEmpty // 涉及财政拨款资金0万元
		case len(amounts) > 0:
			if held := b.heldAs(amounts); held != "" {
				c.Status, c.Reason = schema.CoverageNoFigure, "mentioned beside an amount that is another figure of the model ("+held+"), but with none of its own"
				break
			}
			if nonZero(amounts) == len(others) {
				c.Status, c.Reason = schema.CoverageNoFigure, "mentioned as the heading of a list or a calculation whose amounts are its items' ("+others[0]+"), with no amount of its own: the items are not added up"
				break
			}
			c.Status, c.Reason = schema.CoverageNotRead, "mentioned beside an amount, but no figure of it was read"
		case len(changes) > 0:
			c.Status, c.Reason = schema.CoverageNoFigure, "mentioned beside a change from another year only ("+changes[0]+"), with no amount of its own"
		default:
			c.Status, c.Reason = schema.CoverageNoFigure, "mentioned, but no sentence of it states an amount"
		}
		d.Coverage = append(d.Coverage, c)
	}
	b.tableCoverage(flat)
}

// tableCoverage reports each table found (read when a figure of the model
// comes from its lines, empty when it says it is nil) and each standard
// table a document with tables lacks.
func (b *builder) tableCoverage(flat []string) {
	d := b.doc
	lines := map[int]bool{}
	for p, s := range d.Provenance {
		if p != "/department/name" { // a title naming the department is no figure read from the table
			lines[s.Line] = true
		}
	}
	for l := range b.tableLines { // figures another table or the text gave too
		lines[l] = true
	}
	reasons := map[int]string{} // a table's warning, by its title's line
	for _, w := range d.Warnings {
		if w.Line > 0 {
			reasons[w.Line] = w.Reason
		}
	}
	pages := pageRun(flat)
	figures := slices.ContainsFunc(b.tabs, func(t table) bool { // some table prints figures: not a blank template
		n, _ := figureCells(t, flat, pages)
		return n > 0
	})
	for _, t := range b.tabs {
		if t.contents {
			continue
		}
		cells, codes := figureCells(t, flat, pages)
		c := schema.Coverage{Part: "table", Name: t.title, NameEn: tableKindNames[t.kind], Line: t.line}
		used := false
		for l := t.line; l <= t.end; l++ { // 1-based: its title to its last line, not the next title (t.end+1)
			used = used || lines[l]
		}
		switch {
		case attachedApart(t, flat):
			c.Status, c.Reason = schema.CoverageAbsent, "named, the line after its title saying the tables are attached apart (公开表格附后, 详见附件): not in this text"
		case used:
			c.Status = schema.CoverageRead
		case declaredEmpty(t, flat):
			c.Status = schema.CoverageEmpty
		case cells == 0 && codes:
			c.Status, c.Reason = schema.CoverageAbsent, "named, but only class codes follow the title, no figures (a blank template)"
		case cells == 0 && t.factor != 0 && textEndsIn(t, flat):
			c.Status, c.Reason = schema.CoverageIncomplete, "the text ends inside its header, before any figure (a cut text)"
		case cells == 0 && t.factor != 0 && figures && slices.ContainsFunc(t.rows, func(r row) bool { return isTotal(rowName(r.name)) }):
			c.Status, c.Reason = schema.CoverageEmpty, "printed with its unit and its 合计 row, and no figure in any cell"
		case cells == 0:
			c.Status, c.Reason = schema.CoverageAbsent, "named, but no figures follow the title in this file"
		case (t.kind == tableSummary || t.kind == tableFiscal) && textEndsIn(t, flat) && !slices.ContainsFunc(t.rows, func(r row) bool { return strings.Contains(r.name, "总计") }):
			c.Status, c.Reason = schema.CoverageIncomplete, "the text ends inside it, before its 总计 row: what it prints cannot be checked whole, so none of it is read"
		case reasons[t.line] != "":
			c.Status, c.Reason = schema.CoverageNotRead, reasons[t.line]
		case t.codesApart:
			c.Status, c.Reason = schema.CoverageNotRead, "the text prints its codes as a column apart from their rows, and its names and amounts neither as whole columns nor row by row (stretches of both, mixed): no reading places its cells on their rows and columns"
		case templateOf(t.kind) != nil && !templateOf(t.kind).coded() && !t.laid:
			c.Status, c.Reason = schema.CoverageNotRead, "its header shape is read by position or a cell a line, and this text keeps neither the table's columns nor its blank cells, nor do its sums leave one placement of its cells"
		case t.kind == tableOther:
			c.Status, c.Reason = schema.CoverageNotRead, "a table the catalogue does not know: no reader takes its figures"
		case t.factor == 0:
			c.Status, c.Reason = schema.CoverageIncomplete, "no unit (单位) printed for its figures, nor a total the text states that tells it: reading them would guess the unit"
		default:
			c.Status, c.Reason = schema.CoverageNotRead, "its rows gave no figure the checks could confirm"
		}
		d.Coverage = append(d.Coverage, c)
	}
	for _, w := range d.Warnings {
		if name, ok := strings.CutPrefix(w.Reason, schema.WarnMissingTable+": "); ok {
			d.Coverage = append(d.Coverage, schema.Coverage{Part: "table", Name: name, NameEn: "standard table", Status: schema.CoverageAbsent, Reason: "a standard table of the template"})
		}
	}
}

// declaredEmpty tells a table that says it is nil: no figure but zeros (a
// 合计 of 0), or none and a note that it is empty (此表为空, 注：本部门无相关
// 收支项目).
func declaredEmpty(t table, flat []string) bool {
	zero := false
	for _, r := range t.rows {
		for _, v := range r.vals {
			if v.mant != 0 {
				return false
			}
			zero = true
		}
	}
	for i := t.line; !zero && i < t.end && i < len(flat); i++ {
		note := strings.HasPrefix(flat[i], "注:") || strings.HasPrefix(flat[i], "说明:")
		zero = containsAny(flat[i], emptyTable) || note && strings.Contains(flat[i], "无")
	}
	return zero
}

// figureCells counts the cells of a table's rows that may be figures: not
// a page's number (between dashes, ─ 6 ─, or one of the text's run of
// them, pages), a year of its header (2022年预算数), the ordinal of a
// numbered heading below it (1.收入支出决算总体情况说明) or a page number
// printed after a title (…支出决算表2); and none where they are all
// class codes — whole numbers of 3, 5 or 7 digits, none twice, each 类
// known to the catalogue and each 项 after its 款, three at least or one
// after its parent (205, 20502, 2050205 …: a blank template's codes,
// printed apart from their names).
func figureCells(t table, flat []string, pages map[int]bool) (cells int, codesOnly bool) {
	seen := map[string]bool{}
	n, codes, linked := 0, 0, false
	for _, r := range t.rows {
		for _, v := range r.vals {
			l := flat[v.line-1]
			if isPageNumber(l) && (strings.ContainsAny(l, "-—─–－") || pages[v.line-1]) || notFigure.MatchString(l) ||
				v.scale == 0 && v.mant >= 1990 && v.mant < 2100 && strings.Contains(l, strconv.FormatInt(v.mant, 10)+"年") {
				continue
			}
			n++
			c := strconv.FormatInt(v.mant, 10)
			if v.scale != 0 || seen[c] || !knownClass(c[:min(3, len(c))]) {
				continue
			}
			if len(c) == 3 || len(c) == 5 || len(c) == 7 && seen[c[:5]] {
				linked = linked || len(c) > 3 && seen[c[:len(c)-2]]
				seen[c] = true
				codes++
			}
		}
	}
	if codes == n && (n >= 3 || linked) {
		return 0, true
	}
	return n, false
}

// attachedApart tells a table title whose next line says the tables are
// attached apart ("公开表格附后。", "报表详见附件"), no figure on it: what
// follows is the text's own, not the table's.
func attachedApart(t table, flat []string) bool {
	if t.line >= len(flat) {
		return false
	}
	l := flat[t.line] // the line after the title (t.line is 1-based)
	return containsAny(l, []string{"附后", "见附件", "见附表"}) && !strings.ContainsFunc(l, func(r rune) bool { return r >= '0' && r <= '9' })
}

// notFigure is a line whose one number is no figure: a numbered heading's
// ordinal, or a page number printed after a table's title.
// Its forms are anchored together, ^(?:…)$: anchored each (^…$|^…$), the
// expression was tried at every offset of the line.
var notFigure = regexp.MustCompile(`^(?:[0-9]{1,2}[.、．]\p{Han}[^0-9]*|[^0-9]*表[0-9]{1,3}|\p{Han}、[0-9]{4} *年[^0-9]*表[0-9]{1,3})$`)

// pageRun gives the lines (0-based) that are the text's page numbers: a
// number alone on its line with its predecessor alone on a line before it
// and its successor on one after it (…12, 13, 14…, cells a line between).
func pageRun(flat []string) map[int]bool {
	first, last := map[int]int{}, map[int]int{} // a lone number's first and last line
	var at []int
	for i, l := range flat {
		if isPageNumber(l) {
			n, _ := strconv.Atoi(strings.Trim(l, " -—─–－"))
			if _, ok := first[n]; !ok {
				first[n] = i
			}
			last[n] = i
			at = append(at, i)
		}
	}
	pages := map[int]bool{}
	for _, i := range at {
		n, _ := strconv.Atoi(strings.Trim(flat[i], " -—─–－"))
		before, okB := first[n-1]
		after, okA := last[n+1]
		pages[i] = okB && okA && before < i && after > i
	}
	return pages
}

// textEndsIn tells a table the text ends inside: no line after it holds
// anything.
func textEndsIn(t table, flat []string) bool {
	for _, l := range flat[min(t.end, len(flat)):] {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

// knownClass tells a 类 code of either classification.
func knownClass(code string) bool {
	_, functional := schema.LookupCode(schema.SchemeFunctional, code)
	_, economic := schema.LookupCode(schema.SchemeEconomic, code)
	return len(code) == 3 && (functional || economic)
}
