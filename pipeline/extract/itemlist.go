package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Lists of 项. Some texts explain their appropriations' spending 项 by 项
// under the whole they state, and state no 类 amount at all:
//
//	五、公共财政拨款支出决算情况2016年公共财政拨款支出 3,222.64 万元，…具体情况如下：
//	（一）〔2011501〕行政运行中人员经费2494.47 万元，较2015年决算数增加 572.78 万元…
//	（二）2040201公安——行政运行10,237.47万元，…
//	1、行政运行（项级科目2010301）605.68万元。…
//	（十三）住房公积金713.03万元。
//
// itemLists reads such a list into /expenditure/by_function: each 项 with
// its code where printed, under the 类 of the code's first three digits —
// or, without a code, the one 类 whose 项 (and 款, where printed before it)
// bear the name in the reference classification; a name of several 类
// (行政运行) or of none is left out with a warning. The 类 amount is not
// stated: the class is Unstated, never the sum of its items. The list is
// read only where the document has no classes of its own (a table's), and
// only where its items add up to the whole it states within their
// rounding, or fall short of it (a list of the main 项 only) by what no
// misprint explains; otherwise its items are left out and the whole and
// its items are kept as sum claims (sum.text).
func (b *builder) itemLists() {
	exp := b.doc.Expenditure
	if exp == nil || len(exp.ByFunction) > 0 || len(b.coded) > 0 {
		return
	}
	for _, label := range listWholes {
		for _, end := range b.find(label) {
			if before := b.st.s[runeStart(b.st.s, max(0, end-len(label)-9)) : end-len(label)]; strings.Contains(before, "经费") {
				continue // “三公”经费公共财政拨款支出
			}
			if wt, ok := b.valueAfter(end, 2); ok {
				b.itemList(wt)
			}
		}
	}
}

// listWholes are the wholes whose 项 a text lists: the general budget's
// appropriations (by their names of before and after 2015), the funds',
// and all appropriations'.
var listWholes = []string{"公共财政拨款支出", "一般公共预算拨款支出", "一般公共预算财政拨款支出", "政府性基金支出", "政府性基金预算财政拨款支出", "财政拨款支出"}

// listedItem is one item of a list of 项: its amount (token; -1 when none
// is printed with a unit), its code, names and 类, or why it has none.
type listedItem struct {
	tok                  int
	bare                 int // its amount printed without unit (token; -1 none)
	code, name, reported string
	class                schema.Class
	known                bool   // coded, or named as a 项 of one or more 类 by the reference
	levels               bool   // its name says it is a 项: …(款)…(项)
	reason               string // why it is not placed ("" placed)
	line                 int
}

// enumerator opens an item of a list: (一) … (二十), (1), or 1、 1. after a stop.
var enumerator = regexp.MustCompile(`\(([一二三四五六七八九十]{1,3}|[0-9]{1,2})\)|(?:^|[。;；:])([0-9]{1,2})[、.]`)

// leadCode is a code that opens an item: 〔2011501〕, [2011501], (2011501)
// or bare before its name (2040201公安——行政运行).
var leadCode = regexp.MustCompile(`^[〔\[(【]?(2[0-9]{6})[〕\])】]?`)

// innerCode is a code printed inside an item's name: 行政运行（项级科目2010301）,
// 科目编码2010301-政府机构行政运行.
var innerCode = regexp.MustCompile(`\((?:项级科目|科目编码|科目代码|功能科目)?:?(2[0-9]{6})\)|(?:科目编码|科目代码)(2[0-9]{6})[-—]?`)

// listLead bounds the bytes between a whole and the first item of its list
// (its change and percentage, 具体情况如下(按项级科目分类统计)：), listSpan those
// of the list up to the next heading (twenty-odd items with their reasons).
const listLead, listSpan = 450, 16000

// itemList reads the list of 项 after the whole (token wt), if one follows.
func (b *builder) itemList(wt int) {
	st := b.st
	from := st.toks[wt].end
	if near := st.s[from:runeStart(st.s, min(len(st.s), from+listLead))]; !containsAny(near, []string{"(一)", "(1)", "1、", "1."}) {
		return // no list opens right after the whole's sentence
	}
	limit := runeStart(st.s, min(len(st.s), from+listSpan))
	if loc := headingNumeral.FindStringIndex(st.s[from:limit]); loc != nil {
		limit = from + loc[0]
	}
	for _, l := range listWholes {
		if k := strings.Index(st.s[from:limit], l); k >= 0 {
			limit = from + k
		}
	}
	enums := enumerator.FindAllStringSubmatchIndex(st.s[from:limit], -1)
	var starts []int // each item's text, after its enumerator
	for _, m := range enums {
		num := st.s[from+m[2] : from+m[3]]
		if m[2] < 0 {
			num = st.s[from+m[4] : from+m[5]]
		}
		n, err := strconv.Atoi(num)
		if err != nil {
			n, _ = chineseNumber(num)
		}
		if n != len(starts)+1 {
			break
		}
		starts = append(starts, from+m[1])
	}
	if len(starts) == 0 || starts[0]-from > listLead {
		return // no list right after the whole's sentence
	}
	items := make([]listedItem, len(starts))
	marked, known := 0, 0 // items with a code or a (项), items the reference knows
	for k, s := range starts {
		e := limit
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		items[k] = b.listItem(s, e)
		if items[k].tok >= 0 && b.used[items[k].tok] {
			return // read already (the list under another name of its whole)
		}
		if items[k].code != "" || items[k].levels {
			marked++
		}
		if items[k].known {
			known++
		}
	}
	head := st.s[from:starts[0]]
	if known == 0 || marked < len(items) && !strings.Contains(head, "项级") && !strings.Contains(head, "科目") {
		return // items that name no 项 (人员经费, 公用经费): no list of 项
	}
	b.placeItems(wt, items)
}

// listItem reads one item of a list from its text s[from:to].
func (b *builder) listItem(from, to int) listedItem {
	st := b.st
	it := listedItem{tok: -1, bare: -1, line: st.source(from).Line}
	p := from
	if m := leadCode.FindStringSubmatch(st.s[p:to]); m != nil && !startsWithAny(st.s[p+len(m[0]):], []string{"元", "万", ".", ","}) {
		it.code, p = m[1], p+len(m[0])
	}
	for ti := st.tokenAt(p); ti < len(st.toks) && st.toks[ti].start < to; ti++ {
		if t := st.toks[ti]; t.kind == numMoney && t.unit != "" && !strings.HasPrefix(st.s[t.end:], ")") {
			it.tok = ti
			break
		}
	}
	end := to
	if it.tok >= 0 {
		end = st.toks[it.tok].start
	} else if ti := st.tokenAt(p); ti < len(st.toks) && st.toks[ti].start < to {
		// "住房公积金（项级科目2210201）59.21用于…": the first figure after
		// the name and its code, printed without its unit
		if t := st.toks[ti]; t.kind == numPlain && t.end-t.start == 7 && ti+1 < len(st.toks) {
			ti++
		}
		if t := st.toks[ti]; t.kind == numPlain && t.start < to {
			it.bare, end = ti, t.start
		}
	}
	name := st.s[p:end]
	if m := innerCode.FindStringSubmatchIndex(name); m != nil {
		if it.code == "" {
			g := 2 // the group that matched: in brackets, or after 科目编码
			if m[g] < 0 {
				g = 4
			}
			it.code = name[m[g]:m[g+1]]
		}
		name = name[:m[0]] + name[m[1]:]
	}
	name = strings.ReplaceAll(strings.TrimPrefix(name, "“"), "(项级科目)", "")
	for _, end := range []string{"的金额为", "为", "了", "科目", "”"} { // “…（项）”科目42.29万元
		name = strings.TrimSuffix(name, end)
	}
	it.reported = name
	if it.tok < 0 && it.bare < 0 || strings.ContainsAny(name, "0123456789，。；;:") {
		it.tok, it.bare, it.reason = -1, -1, "no amount follows its name"
		if k := strings.IndexAny(name, "0123456789，。；;:"); k >= 0 {
			it.reported = name[:k]
		}
		return it
	}
	if k, w := firstWord(name, otherFigures); k >= 0 {
		// "行政运行（项）年初预算为1560.05万元，支出决算为…": the first amount
		// is another figure of the 项
		it.tok, it.bare, it.reason, it.reported = -1, -1, "the first amount after its name is another figure ("+w+")", name[:k]
		return it
	}
	it.levels = strings.HasSuffix(name, "(项)")
	it.class, it.name, it.known, it.reason = itemClass(it.code, name)
	if it.name == it.reported {
		it.reported = ""
	}
	return it
}

// otherFigures, between an item's name and its first amount, say the
// amount is not the item's own (its budget, its prior year, its change).
var otherFigures = slices.Concat([]string{"年初预算", "预算数", "预算为", "决算数", "决算为", "执行数", "增加", "减少", "增长", "下降"}, priorYearWords)

// firstWord is where the first of words stands in s, and which it is;
// -1 where none does.
func firstWord(s string, words []string) (int, string) {
	at, word := -1, ""
	for _, w := range words {
		if k := strings.Index(s, w); k >= 0 && (at < 0 || k < at) {
			at, word = k, w
		}
	}
	return at, word
}

// itemClass finds the 类 of a listed 项 by its code, else by its name (and
// its 款's, printed before it: 住房改革支出-提租补贴, 公安——行政运行,
// 一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)), and the
// 项's own name; known tells a code or a name the reference knows as a 项's,
// reason why there is no 类.
func itemClass(code, printed string) (c schema.Class, name string, known bool, reason string) {
	name = printed
	kuan, lei := "", ""
	if i := strings.Index(name, "(类)"); i >= 0 {
		lei, name = name[:i], name[i+len("(类)"):]
	}
	if i := strings.Index(name, "(款)"); i >= 0 {
		kuan, name = name[:i], name[i+len("(款)"):]
	}
	name = strings.TrimSuffix(name, "(项)")
	for _, sep := range []string{"——", "—", "-", "–"} {
		if i := strings.LastIndex(name, sep); i >= 0 {
			kuan, name = name[:i], name[i+len(sep):]
			break
		}
	}
	if name == "" {
		return schema.Class{}, "", false, "no name"
	}
	if code != "" {
		// the reference holds the 项 observed only: a code of a known 类
		// is taken, whatever the reference names its 项 (科技条件专项 is
		// printed 科技条件与服务支出, 一般行政管理事务 stands under most 款)
		if c, ok := schema.LookupCode(schema.SchemeFunctional, code[:3]); ok {
			return c, name, true, ""
		}
		return schema.Class{}, name, true, "its code " + code + " is of no 类 of the functional classification"
	}
	if c, ok := schema.ClassByName(schema.SchemeFunctional, lei); ok && lei != "" {
		return c, name, true, "" // its 类 printed: 一般公共服务支出(类)…
	}
	if slices.Contains(recurringItems, strings.TrimSuffix(schema.NormalizeName(name), "支出")) {
		// the reference, which holds the 项 observed only, may show it
		// under one 类: its 款, where printed, tells
		if of := namesOf("款", kuan); len(of) == 1 {
			c, _ := schema.LookupCode(schema.SchemeFunctional, of[0])
			return c, name, true, ""
		}
		return schema.Class{}, name, true, "no code is printed and the name is a 项 of most 款 of the classification"
	}
	named := namedClasses(name, kuan)
	switch len(named) {
	case 0:
		return schema.Class{}, name, false, "no code is printed and the name is no 项 of the reference classification"
	case 1:
		c, _ := schema.LookupCode(schema.SchemeFunctional, named[0])
		return c, name, true, ""
	}
	return schema.Class{}, name, true, "no code is printed and the name is a 项 of more than one 类 (" + strings.Join(named, ", ") + ")"
}

// recurringItems are the 项 the classification gives most 款 (01 行政运行,
// 02 一般行政管理事务, 03 机关服务, 50 事业运行): their name alone tells no 类.
var recurringItems = []string{"行政运行", "一般行政管理事务", "机关服务", "事业运行"}

// namedClasses are the 类 codes whose 项 bear name in the reference
// classification, narrowed by the 款 printed with it, where the reference
// knows it.
func namedClasses(name, kuan string) []string {
	classes := namesOf("项", name)
	if len(classes) == 0 && kuan == "" {
		classes = namesOf("款", name) // a 款 of a single 项 named as its 项 (财政事务)
	}
	if narrow := namesOf("款", kuan); len(narrow) > 0 && len(classes) > 0 {
		classes = slices.DeleteFunc(classes, func(c string) bool { return !slices.Contains(narrow, c) })
	}
	return classes
}

// namesOf are the 类 codes of the reference's codes of a level (款, 项)
// named n, today or formerly, with or without a trailing 支出.
func namesOf(level, n string) []string {
	var out []string
	if n = schema.NormalizeName(n); n == "" {
		return nil
	}
	for _, c := range schema.Classes() {
		if c.Scheme != schema.SchemeFunctional || c.Level != level || slices.Contains(out, c.Code[:3]) {
			continue
		}
		if names := append([]string{c.Name}, c.FormerNames...); slices.ContainsFunc(names, func(s string) bool {
			s = schema.NormalizeName(s)
			return s == n || s+"支出" == n
		}) {
			out = append(out, c.Code[:3])
		}
	}
	return out
}

// placeItems puts the listed items under their classes where the list
// adds up to its whole (token wt); each one that cannot be placed, and a
// list that does not add up, is a warning.
func (b *builder) placeItems(wt int, items []listedItem) {
	st := b.st
	whole := st.toks[wt]
	b.unitOfBare(whole, items)
	var parts []int
	for i, it := range items {
		switch {
		case it.tok >= 0:
			parts = append(parts, it.tok)
		case it.reason == "":
			items[i].reason = "its amount is printed without a unit, which the list's sum does not tell"
		}
	}
	if len(parts) == len(items) && len(parts) > 1 {
		tol := scaleDown(5000, whole.scale)
		sum := -units(whole)
		same := true
		for _, k := range parts {
			t := st.toks[k]
			same = same && moneyFactor(t.unit) == moneyFactor(whole.unit)
			tol += scaleDown(5000, t.scale)
			sum += units(t)
		}
		if same && (sum > tol || sum < -tol && b.misprintedSum(wt, parts)) {
			b.sumClaims("/items", wt, parts)
			src := st.source(whole.start)
			b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
				Reason: fmt.Sprintf("the %d 项 listed after %s add up to %s, not to it: a misprint, so they are left out", len(parts), st.s[whole.start:whole.end], sumOf(st, parts))})
			for _, k := range parts {
				b.used[k] = true
			}
			b.notRead("/expenditure/by_function", src.Line, "the 项 listed do not add up to the whole they are listed under")
			return
		}
	}
	exp := b.doc.Expenditure
	var left []string
	first := 0                 // the line of the first item left out
	shared := map[string]int{} // codes listed more than once: parts of one 项 (人员经费 and 公用经费 of 行政运行)
	for _, it := range items {
		if it.reason == "" && it.code != "" {
			shared[it.code]++
		}
	}
	for _, it := range items {
		if it.reason != "" {
			src := schema.Source{Line: it.line, Text: st.src[it.line-1]}
			amount := "its amount"
			if it.tok >= 0 {
				b.used[it.tok] = true
				src = st.source(st.toks[it.tok].start)
				amount = st.s[st.toks[it.tok].start:st.toks[it.tok].end]
			}
			b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: strings.TrimSpace(src.Text),
				Reason: fmt.Sprintf("项 %s (%s): %s, so it is not placed in /expenditure/by_function", it.printed(), amount, it.reason)})
			left = append(left, it.printed())
			if first == 0 {
				first = src.Line
			}
			continue
		}
		ci := slices.IndexFunc(exp.ByFunction, func(c schema.ClassItem) bool { return c.Code == it.class.Code })
		if ci < 0 {
			ci = len(exp.ByFunction)
			exp.ByFunction = append(exp.ByFunction, schema.ClassItem{Code: it.class.Code, Name: it.class.Name, NameEn: it.class.NameEn, Unstated: true})
		}
		list, base := &exp.ByFunction[ci].Items, "/expenditure/by_function/"+strconv.Itoa(ci)+"/items/"
		item := schema.ClassItem{Code: it.code, Name: it.name, ReportedName: it.reported}
		if shared[it.code] > 1 {
			// a part of the 项: under the 项, whose amount is not stated
			pj := slices.IndexFunc(*list, func(c schema.ClassItem) bool { return c.Code == it.code })
			if pj < 0 {
				pj = len(*list)
				*list = append(*list, schema.ClassItem{Code: it.code, Name: partsOf(items, it.code), Unstated: true})
			}
			item.Code, item.ReportedName = "", it.printed()
			if own := strings.TrimLeft(strings.TrimPrefix(it.name, (*list)[pj].Name), "中的"); own != "" {
				item.Name = own
			}
			list, base = &(*list)[pj].Items, base+strconv.Itoa(pj)+"/items/"
		}
		base += strconv.Itoa(len(*list))
		item.Amount = *b.take(base+"/amount", it.tok)
		item.PriorYear = b.figureYoY(base, it.tok)
		*list = append(*list, item)
	}
	if len(left) > 0 {
		b.notRead("/expenditure/by_function", first, fmt.Sprintf("%d of the %d 项 listed not placed (%s): see the warnings", len(left), len(items), strings.Join(left, ", ")))
	}
}

// partsOf names the 项 of code whose parts a list gives apart: the name
// they share before their own ("行政运行中人员经费", "行政运行中公用经费"),
// else the reference's, else the code.
func partsOf(items []listedItem, code string) string {
	var common []rune
	first := true
	for _, it := range items {
		if it.code != code || it.reason != "" {
			continue
		}
		r := []rune(it.name)
		if first {
			common, first = r, false
			continue
		}
		n := 0
		for n < len(common) && n < len(r) && common[n] == r[n] {
			n++
		}
		common = common[:n]
	}
	if name := strings.TrimSuffix(strings.TrimSuffix(string(common), "的"), "中"); name != "" {
		return name
	}
	if c, ok := schema.LookupCode(schema.SchemeFunctional, code); ok {
		return c.Name
	}
	return code
}

// unitOfBare gives the one item of a list whose amount is printed without
// its unit ("住房公积金（项级科目2210201）59.21用于…") the unit of the whole
// and of every other item, where the list then adds up to the whole within
// the rounding of its figures: the sum tells the unit, a warning says so.
// Otherwise it stays without amount.
func (b *builder) unitOfBare(whole token, items []listedItem) {
	st := b.st
	k := -1
	sum, tol := -units(whole), scaleDown(5000, whole.scale)
	for i, it := range items {
		switch {
		case it.bare >= 0 && k < 0:
			k = i
			t := st.toks[it.bare]
			sum += units(t)
			tol += scaleDown(5000, t.scale)
		case it.tok < 0 || st.toks[it.tok].unit != whole.unit:
			return
		default:
			sum += units(st.toks[it.tok])
			tol += scaleDown(5000, st.toks[it.tok].scale)
		}
	}
	if k < 0 || max(sum, -sum) > tol {
		return
	}
	t := &st.toks[items[k].bare]
	t.kind, t.unit = numMoney, whole.unit
	items[k].tok = items[k].bare
	src := st.source(t.start)
	b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
		Reason: fmt.Sprintf("项 %s: its amount %s is printed without a unit; the 项 listed add up to %s with it in %s, so it is read so",
			items[k].printed(), st.s[t.start:t.numEnd], st.s[whole.start:whole.end], whole.unit)})
}

// sumOf writes the sum of money tokens in the first one's unit.
func sumOf(st *stream, toks []int) string {
	var sum int64
	scale := 0
	for _, k := range toks {
		sum += units(st.toks[k])
		scale = max(scale, st.toks[k].scale)
	}
	return strconv.FormatFloat(float64(sum)/10000, 'f', scale, 64) + st.toks[toks[0]].unit
}

// printed is the item's name as printed.
func (it listedItem) printed() string {
	if it.reported != "" {
		return it.reported
	}
	return it.name
}

// notRead records why figures under a model path the text holds, the
// first at line, were not read, for the coverage report.
func (b *builder) notRead(path string, line int, reason string) {
	if b.unread == nil {
		b.unread = map[string]schema.Source{}
	}
	if r, ok := b.unread[path]; ok {
		line, reason = r.Line, r.Text+"; "+reason
	}
	b.unread[path] = schema.Source{Line: line, Text: reason}
}
