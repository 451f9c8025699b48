package extract

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/schema"
)

// figure places the amount that follows one of labels at path (an object
// pointer; the amount goes to path+field). The first occurrence gives the
// amount; every occurrence restating it adds what it says against the prior
// year; an occurrence with another amount becomes an amount claim for the
// checks. It returns the amount and the stated prior-year amount.
func (b *builder) figure(path, field string, labels []string, maxGap int, notAfter ...string) (amount, prior *schema.Money) {
	seen := map[int]bool{}
	var compared []int // the prior year's amounts its own label names (priorCompared)
	// claims name the figure they are about: the object for its main amount,
	// the field itself for the others (/revenue/current_year)
	cpath := path
	if field != "/amount" && field != "/total" {
		cpath = path + field
	}
	for _, l := range labels {
		for _, end := range b.find(l) {
			start := end - len(l)
			if start < b.after || start < b.fragment || hasSuffixAny(b.st.s[:start], notAfter) || b.wholeWords && !strings.HasPrefix(l, "本年") && b.insideWord(start) || b.st.perUnit(start) {
				continue
			}
			if b.comparand(start, end) {
				if ti, ok := b.priorCompared(start, end); ok && !seen[ti] {
					seen[ti] = true
					compared = append(compared, ti)
				}
				continue
			}
			if b.otherYear(start) || b.listOf != nil && b.inOthersList(start, end, b.listOf) || b.labelOK != nil && !b.labelOK(l, start) || b.includedPart(start) {
				continue
			}
			if (strings.HasSuffix(l, "收入") || strings.HasSuffix(l, "拨款")) && strings.HasPrefix(b.st.s[end:], "支出") {
				continue // "财政拨款收入支出总计" is not 财政拨款收入, "一般公共预算拨款支出" no source
			}
			ti, ok := b.valueAfter(end, maxGap)
			if at, heading := b.headingLabel(start, end); !ok && heading { // "（一）因公出国（境）费。2020年预算数为5万元"
				ti, ok = b.valueAfter(at, maxGap)
			}
			if !ok {
				ti, ok = b.respectiveAmount(l, start, end)
			}
			moved := yoy{prior: -1} // "由去年的X万元增加到Y万元"
			if !ok {
				ti, moved, ok = b.fromTo(end)
			}
			if !ok || seen[ti] {
				continue
			}
			seen[ti] = true
			bt := -1 // a 决算's budgeted figure, stated before its amount
			if gap, named := budgetGap(b.st.s[end:b.st.toks[ti].start]), budgetLabel(l); b.doc.Document.Kind == schema.KindFinalAccounts && (gap || named) {
				bt = ti
				if ti, ok = b.executedAfter(bt); ok && !seen[ti] {
					seen[ti] = true
				} else if gap {
					continue // the budget alone is not the amount
				} else { // a 预算 label alone ("2023年度收支预算总计…" in a 决算) is the total
					ti, bt = bt, -1
				}
			}
			t := b.st.toks[ti]
			if amount == nil {
				amount = b.take(path+field, ti)
				if bt < 0 && field == "/amount" && b.doc.Document.Kind == schema.KindFinalAccounts {
					bt, _ = b.budgetAfter(ti) // "…支出决算为22.83万元，完成预算15.4万元的148%"
				}
				if bt >= 0 && field == "/amount" { // the totals have no budgeted figure
					b.takeBudgeted(cpath, bt)
					b.execution(cpath, t.end, b.st.clauseEnd(t.end))
				}
			} else if t.money() != *amount {
				b.claim(cpath, schema.ClaimAmount, ti, t.money().Float(), "")
				b.keepOwnChange(ti) // its comparison is its own: checked against it
				continue
			} else if field == "/amount" && b.doc.Document.Kind == schema.KindFinalAccounts {
				// restated beside its budget ("二、…与年初预算对比情况"), or after it
				// in a section of its own ("1.因公出国(境)费预算为0万元,支出决算为0万元")
				if bt >= 0 && b.budgeted[cpath] == nil {
					b.takeBudgeted(cpath, bt)
				} else if bt, ok := b.budgetAfter(ti); ok && b.budgeted[cpath] == nil {
					b.takeBudgeted(cpath, bt)
				}
				// restated after its budget, its completion rate the figure's:
				// "公务接待费预算为1万元，支出决算为0.53万元，完成预算的47%"
				if bt >= 0 {
					b.execution(cpath, t.end, b.st.clauseEnd(t.end))
				}
			}
			b.used[ti] = true
			p := b.figureYoY(cpath, ti)
			if moved.prior >= 0 {
				p = b.recordYoY(cpath, moved)
			}
			if p != nil {
				if prior == nil {
					prior = p
				} else if *p != *prior {
					b.claim(cpath, schema.ClaimPriorYear, ti, p.Float(), "")
				}
			}
		}
	}
	if amount != nil {
		prior = b.comparedPriors(cpath, compared, *amount, prior)
		b.changeStatements(cpath, labels, notAfter)
	}
	return amount, prior
}

// takeBudgeted takes token bt as the budgeted figure of a 决算's figure at
// cpath, which newFigure gives it.
func (b *builder) takeBudgeted(cpath string, bt int) {
	if b.budgeted == nil {
		b.budgeted = map[string]*schema.Money{}
	}
	b.budgeted[cpath] = b.take(cpath+"/budgeted", bt)
}

// listMarker is an enumeration marker ending where a label starts: （一）
// 一、 1. 1、 (1), folded.
var listMarker = regexp.MustCompile(`(` + listMarkers + `)$`)

// listMarkers are the enumeration markers: （一） 一、 1. 1、 (1), folded.
const listMarkers = `\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[0-9]{1,2}[、.]|\([0-9]{1,2}\)`

// headingLabel tells a label at [start, end) that heads a list item of its
// own, ended by 。 or a comma ("（一）因公出国（境）费。", "（一）收入预算，2018年
// 年初预算数120.71万元"), the marker opening its line, its sentence or the
// list after 其中: ("其中:1、因公出国(境)费用。2013年预算数38万元"): the
// sentence or clause after it states the item's figure. at is where that
// starts.
func (b *builder) headingLabel(start, end int) (at int, ok bool) {
	s := b.st.s
	sep := ""
	for _, p := range []string{"。", ",", "，"} {
		if strings.HasPrefix(s[end:], p) {
			sep = p
		}
	}
	if sep == "" {
		return 0, false
	}
	m := listMarker.FindStringIndex(s[runeStart(s, max(0, start-16)):start])
	if m == nil {
		return 0, false
	}
	from := start - (m[1] - m[0])
	if !b.st.lineStart(from) && !strings.HasSuffix(s[:from], "。") && !strings.HasSuffix(s[:from], "其中:") {
		return 0, false
	}
	return end + len(sep), true
}

// inOthersList tells a label at [start, end) inside a list of amounts
// ("办公费20万元、公务接待费3万元、公务用车运行维护费10万元", the economic items
// of a basic expenditure) whose items are not all named by labels.
func (b *builder) inOthersList(start, end int, labels []string) bool {
	s := b.st.s
	from := start
	if k := strings.LastIndexAny(s[runeStart(s, max(0, start-3*80)):start], "，。；:,;"); k >= 0 {
		from = runeStart(s, max(0, start-3*80)) + k + 1
	} else {
		from = runeStart(s, max(0, start-3*80))
	}
	to := len(s)
	if k := strings.IndexAny(s[end:], "，。；,;"); k >= 0 {
		to = end + k
	}
	items := strings.Split(s[from:to], "、")
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		// an item is a name and its amount, nothing else ("…情况2018年度…0万元七" is a heading's)
		it = strings.TrimSpace(it)
		d := strings.IndexAny(it, "0123456789")
		if d < 0 || strings.TrimLeft(strings.TrimRight(it[d:], "万元"), "0123456789., ") != "" || !strings.HasSuffix(it, "元") {
			continue
		}
		name := strings.TrimSpace(it[:d])
		named := name == ""
		for _, l := range labels {
			named = named || strings.Contains(name, l)
		}
		if !named {
			return true
		}
	}
	return false
}

// newFigure is the figure figure read at path: its amount, the prior year
// and a 决算's budget stated before it.
func (b *builder) newFigure(path string, a, p *schema.Money) *schema.Figure {
	return &schema.Figure{Amount: *a, PriorYear: p, Budgeted: b.budgeted[path]}
}

// budgetGap tells the words between a label and its amount that make the
// amount a 决算's budget ("因公出国（境）费支出预算为2万元"): 预算 that is no
// fund's name (一般公共预算), and no 决算.
func budgetGap(gap string) bool {
	for _, f := range fundWords {
		gap = strings.ReplaceAll(gap, f, "")
	}
	return strings.Contains(gap, "预算") && !strings.Contains(gap, "决算")
}

// budgetLabel tells a label that names a budget ("收入预算", "政府采购预算
// 总额"), not only a fund (一般公共预算, 政府性基金预算).
func budgetLabel(l string) bool {
	for _, f := range []string{"一般公共预算", "公共财政预算", "公共预算", "政府性基金预算", "国有资本经营预算", "基金预算"} {
		l = strings.ReplaceAll(l, f, "")
	}
	return strings.Contains(l, "预算") && !strings.Contains(l, "决算")
}

// executedAfter finds the executed amount a 决算 states after the budgeted
// figure at token ti, in the same clause: "支出预算为2万元，支出决算为0万元".
func (b *builder) executedAfter(ti int) (int, bool) {
	st := b.st
	from := st.toks[ti].end
	stop := st.clauseEnd(from)
	for _, l := range []string{"决算", "实际支出", "实际执行"} {
		if k := strings.Index(st.s[from:stop], l); k >= 0 {
			return b.valueAfter(from+k+len(l), 4)
		}
	}
	return 0, false
}

// budgetAfter finds a 决算's budget stated after its amount (token ti), in
// the completion rate that follows it: "…决算为28.98万元，完成预算21.55万元
// 的134%". -1 and false where none is.
func (b *builder) budgetAfter(ti int) (int, bool) {
	st := b.st
	rest := strings.TrimLeft(st.s[st.toks[ti].end:], ",，、 ")
	from := len(st.s) - len(rest)
	for _, l := range []string{"完成年初预算", "完成全年预算", "完成预算"} {
		if !strings.HasPrefix(rest, l) {
			continue
		}
		if bt, ok := b.valueAfter(from+len(l), 2); ok && st.toks[bt].kind == numMoney && strings.HasPrefix(strings.TrimLeft(st.s[st.toks[bt].end:], " "), "的") {
			return bt, true
		}
	}
	// the year's initial budget in the next clause: "…支出2.05万元，年初预算为2.95万元"
	if rest != st.s[st.toks[ti].end:] && strings.HasPrefix(rest, "年初预算") {
		if bt, ok := b.valueAfter(from+len("年初预算"), 2); ok && st.toks[bt].kind == numMoney {
			return bt, true
		}
	}
	return -1, false
}

// clauseEnd is where the clause from off ends: at 。 or ；, or where 其中
// opens its parts.
func (st *stream) clauseEnd(off int) int {
	end := st.sentenceEnd(off)
	// a mark that starts before the 。 ends before it: they share no byte
	marks := st.clauseMarksOf()
	if n := sort.SearchInts(marks, off); n < len(marks) && marks[n] < end {
		return marks[n]
	}
	return end
}

// clauseMarks end a clause within its sentence.
var clauseMarks = []string{"；", ";", "其中"}

// clauseMarksOf are the offsets of every clause mark of the stream,
// ascending, found once: a clause's end is asked for at every figure, and
// a table has no 。 for pages.
func (st *stream) clauseMarksOf() []int {
	if st.marks == nil {
		st.marks = []int{}
		for _, w := range clauseMarks {
			for i := 0; ; {
				k := strings.Index(st.s[i:], w)
				if k < 0 {
					break
				}
				st.marks = append(st.marks, i+k)
				i += k + len(w)
			}
		}
		sort.Ints(st.marks)
	}
	return st.marks
}

// insideWord tells a label that is the tail of a longer term: "支出总计" in
// "财政拨款收入支出总计", "支出预算" in "基本支出预算". A label right after the
// department's name, a year or 本/其中 starts a term.
func (b *builder) insideWord(start int) bool {
	if start == 0 {
		return false
	}
	before := b.st.s[:start]
	if hasSuffixAny(before, []string{"收入、", "收、"}) {
		return true // "支出总计" in "财政拨款收入、支出总计": the whole term is a label of its own
	}
	r := b.st.lastRune(start)
	if !unicode.Is(unicode.Han, r) {
		return false
	}
	if shortName(before, b.doc.Department.Name) {
		return false // the name, or the name without its region: "2019年复兴小学支出预算总额"
	}
	if r == '本' && (strings.HasPrefix(b.st.s[start:], "部门") || strings.HasPrefix(b.st.s[start:], "单位")) {
		return false // "本部门预算总额"
	}
	// a short form of the name ("区市场监督管理局年初结转和结余…") ends like one;
	// the kind of the whole report ("2020年部门预算收入总计") qualifies nothing
	return !hasSuffixAny(before, []string{"年", "年度", "年初", "元", "其中", "包括", "主要是", "原因是", "原因为", "后", "部门", "单位", "总", "说明", "安排", "情况", "局", "委", "院", "厅", "所", "站", "队", "馆", "办公室", "中心", "办事处", "政府", "镇", "乡", "街道", "校",
		"部门预算", "单位预算", "部门决算", "单位决算", "年预算", "年度预算", "年决算", "年度决算"})
}

// perUnitWords qualify an amount as one head's, vehicle's or trip's share
// of a figure ("人均因公出国费用2.4万元", "单车运行维护费", "平均每批次接待
// 费用", "每人每年…"): never the figure's own amount.
var perUnitWords = []string{"人均", "车均", "次均", "批均", "户均", "平均", "每人", "每车", "每辆", "每批", "每次", "每名", "单车", "单辆"}

// perUnit tells a label at start qualified by a per-unit word in its own
// clause before it, or ending in its first character (单车 before the label
// 车运行维护费): its amount and its change are not the figure's.
func (st *stream) perUnit(start int) bool {
	_, n := utf8.DecodeRuneInString(st.s[start:])
	head := st.s[runeStart(st.s, max(0, start-3*10)) : start+n]
	if k := strings.LastIndexAny(head, "，,。；;:、\n"); k >= 0 {
		head = head[k:]
	}
	for _, w := range perUnitWords {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// changeStatements records "项目支出减少35万元": a change stated right after
// the label, without the amount.
func (b *builder) changeStatements(path string, labels, notAfter []string) {
	st := b.st
	seen := map[int]bool{} // labels that end inside one another ("因公出国(境)费", "出国(境)费")
	// the basic or project expenditure read from the appropriations'
	// split: a change of all funds' is of another figure
	scoped := false
	if path == "/expenditure/basic" || path == "/expenditure/project" {
		if ti, ok := b.takenFor(path + "/amount"); ok {
			scoped = b.appropriationsItem(st.toks[ti].start)
		}
	}
	for _, l := range labels {
		for _, end := range b.find(l) {
			// (a label inside a longer term is that term's: "支出预算" in "基本支出预算减少35.51万元")
			if seen[end] || hasSuffixAny(st.s[:end-len(l)], notAfter) || b.labelOK != nil && !b.labelOK(l, end-len(l)) || st.perUnit(end-len(l)) ||
				b.wholeWords && !strings.HasPrefix(l, "本年") && b.insideWord(end-len(l)) {
				continue
			}
			seen[end] = true
			if scoped && !b.appropriationsItem(end-len(l)) {
				continue
			}
			if strings.HasSuffix(l, "费") && strings.HasPrefix(st.s[end:], "用") {
				end += len("用") // "公务接待费用较上年减少…": 费用 is the 费
			}
			own := b.ownWords(st.s[end:min(len(st.s), end+30)])
			end += len(own)
			rest := st.s[end:min(len(st.s), end+12)]
			sign := 0
			if w, ok := wordAt(rest, upWords); ok && len(w) > 3 {
				sign = 1
			} else if w, ok := wordAt(rest, downWords); ok && len(w) > 3 {
				sign = -1
			}
			if sign == 0 {
				b.comparedAt(path, end)
				continue
			}
			if b.budgetReason(end - len(l)) {
				continue // "较2014年预算减少5818.9万元，主要是因公出国(境)费减少1485.38万元": against the budget
			}
			ti := st.tokenAt(end)
			if ti >= len(st.toks) || st.runesBetween(end, st.toks[ti].start) > 3 || own != "" && b.used[ti] {
				continue // (a change after the figure's own words that another reading placed is its)
			}
			t := st.toks[ti]
			switch t.kind {
			case numMoney:
				b.claim(path, schema.ClaimChange, ti, float64(sign)*t.money().Float(), "")
				if pi, ok := b.pctAfterChange(ti, sign); ok {
					b.claim(path, schema.ClaimChangePct, pi, float64(sign)*st.toks[pi].float(), "")
				}
			case numPct:
				b.claim(path, schema.ClaimChangePct, ti, float64(sign)*st.toks[ti].float(), "")
			}
		}
	}
}

// budgetReason tells a label at start in the reason (主要是, 原因是) a
// sentence gives for a change it states against the year's budget: the
// last comparison before the label is with the budget.
func (b *builder) budgetReason(start int) bool {
	st := b.st
	head := st.s[st.sentenceStart(start):start]
	k := strings.LastIndex(head, "主要")
	if j := strings.LastIndex(head, "原因"); j > k {
		k = j
	}
	if k < 0 {
		return false
	}
	cmp := max(strings.LastIndex(head[:k], "比"), strings.LastIndex(head[:k], "较"))
	if cmp < 0 {
		return false
	}
	at := start - len(head) + cmp + len("比")
	return b.againstBudget(at, st.sentenceEnd(at))
}

// pctAfterChange finds the percentage that restates the change at token ti
// in the clause after it, the same direction said again: "减少21.33万元，
// 下降48.30%", "增加0.58万元,增长290%".
func (b *builder) pctAfterChange(ti, sign int) (int, bool) {
	st := b.st
	if ti+1 >= len(st.toks) || st.toks[ti+1].kind != numPct || b.used[ti+1] {
		return 0, false
	}
	gap, ok := strings.CutPrefix(st.s[st.toks[ti].end:st.toks[ti+1].start], ",")
	if !ok {
		gap, ok = strings.CutPrefix(gap, "，")
	}
	words := upWords
	if sign < 0 {
		words = downWords
	}
	w, dir := wordAt(gap, words)
	return ti + 1, ok && dir && strings.Trim(gap[len(w):], "了为 ") == ""
}

// ownWords is the run of words after a label that say what the figure is
// paid from and that it is this document's own — 财政拨款, 支出, and 决算
// (决算数) in a 决算, 预算 (预算数) in a budget: "公务接待费支出决算减少0.69万
// 元", "“三公”经费财政拨款支出决算数比上年减少22.02万元" compare the figure.
func (b *builder) ownWords(rest string) string {
	words := []string{"财政拨款", "支出"}
	switch b.doc.Document.Kind {
	case schema.KindFinalAccounts:
		words = append(words, "决算数", "决算")
	case schema.KindBudget:
		words = append(words, "预算数", "预算")
	}
	n := 0
	for {
		w, ok := wordAt(rest[n:], words)
		if !ok {
			return rest[:n]
		}
		n += len(w)
	}
}

// comparedAt records a comparison that follows a label without the
// figure's amount: "公务接待费比上年减少1万元", "“三公”经费较上年增长10%" (the
// amount stated elsewhere, "公务接待费与去年相比…": 与 with a year in
// words only). A prior-year amount it states is left to the figure's own
// sentence.
// adjustedComparison tells a comparison its sentence makes after taking a
// factor out ("剔除该项因素，“三公”经费同比下降8.3%", "扣除…因素后") or on
// a comparable basis (可比口径, 可比下降): the change of another figure than
// the one stated, not its own.
func (b *builder) adjustedComparison(end int) bool {
	st := b.st
	before := st.s[st.sentenceStart(end):end]
	after := st.s[end:st.clauseEnd(end)]
	return containsAny(before, []string{"剔除", "扣除"}) && strings.Contains(before, "因素") ||
		containsAny(before+after, []string{"可比口径", "可比增长", "可比下降", "可比增加", "可比减少"})
}

func (b *builder) comparedAt(path string, end int) {
	st := b.st
	rest := strings.TrimLeft(st.s[end:min(len(st.s), end+30)], "预算数")
	if c, ok := comparandAt(rest); !startsWithAny(rest, []string{"比", "较", "同比"}) && !(ok && c.year == 0) {
		return
	}
	if b.adjustedComparison(end) {
		return
	}
	// the label's own clause, to its comma (the next may compare another
	// part: "，公务用车运行费减少1万元"), or the one after "与上年相比，"
	stop := st.clauseEnd(end)
	if k := strings.IndexAny(st.s[end:stop], "，,"); k >= 0 {
		next := end + k + len("，")
		if st.s[end+k] == ',' {
			next = end + k + 1
		}
		if !strings.HasSuffix(st.s[end:end+k], "相比") {
			stop = end + k
		} else if j := strings.IndexAny(st.s[next:stop], "，,"); j >= 0 {
			stop = next + j
		}
	}
	y, ok := b.scanYoYAt(end, -1, stop)
	if amount, taken := b.amountTaken(path); taken && y.open != 0 {
		b.openDirection(&y, amount)
		ok = y.found()
	}
	if ok {
		y.prior = -1
		if y.change >= 0 && y.pct < 0 {
			// the change's rate in the clause right after it ("…较2016年“三公”
			// 经费预算数增加0.11万元,增长6%"), as changeStatements reads it
			if pi, ok := b.pctAfterChange(y.change, y.changeSign); ok {
				y.pct, y.pctSign = pi, y.changeSign
			}
		}
		b.recordYoY(path, y)
	}
}

// amountTaken is the token the model's figure at path (a claim's path: the
// object holding amount, or total) was taken from.
func (b *builder) amountTaken(path string) (int, bool) {
	for _, p := range []string{path + "/amount", path + "/total", path} {
		if ti, ok := b.takenFor(p); ok {
			return ti, true
		}
	}
	return 0, false
}

// otherYear tells a label that speaks of another year than the document's:
// "(2016 年度部门支出预算安排为 8,648.07 万元)" in a 2017 budget.
func (b *builder) otherYear(start int) bool {
	from := max(0, start-18)
	if y, _, after, ok := yearIn(b.st.s[from:start]); ok && y != b.doc.Document.FiscalYear && !strings.ContainsAny(after, "，。；,;") {
		return true
	}
	// further back in its clause: "主要是2018年严格执行厉行节约公务接待费支出
	// 49865元" (a 2019 budget), another year's doing, compared with nothing
	if fy := b.doc.Document.FiscalYear; fy != 0 {
		// (a year compared with is none: "…7875.74万元,比2013年预算下降8.68%(其中:公务用车购置费…")
		if y, before, after, ok := yearIn(b.st.s[b.st.clauseStart(start):start]); ok && y != fy &&
			!containsAny(after, []string{"比", "较", "与", "同", "相", strconv.Itoa(fy)}) && !hasSuffixAny(before, []string{"比", "较", "与"}) {
			return true
		}
	}
	return b.otherYearSentence(start)
}

// comparand tells a label at [start, end) that names the other side of a
// comparison, not the figure: "与2016年公共财政预算收入1631.06万元相比增加
// 8306.32万元", "比上年收入决算221.17万元减少15.9万元". Its clause opens the
// comparison before it (comparandBefore: "与2016年", "比上年", "较2014年度
// 部门决算公开", no figure, clause or 相比 between), and its amount is followed by
// what closes one (相比, 相较) or by the change's direction. That amount is
// the year compared with (or its budget): the prior year's only where the
// figure's own comparison reads it (figureYoY), never the figure.
func (b *builder) comparand(start, end int) bool {
	st := b.st
	from := runeStart(st.s, max(0, start-3*40))
	head := st.s[from:start]
	if k := strings.LastIndexAny(head, "，。；,;:："); k >= 0 {
		_, size := utf8.DecodeRuneInString(head[k:])
		head = head[k+size:]
	}
	// "与上年相比财政拨款收入…": the comparison closed before the label
	if _, _, ok := comparandBefore(strings.ReplaceAll(head, " ", "")); !ok || containsAny(head, []string{"相比", "相较"}) {
		return false
	}
	ti := st.tokenAt(end)
	if ti >= len(st.toks) || st.clauseEnd(end) < st.toks[ti].start {
		return false
	}
	tail := strings.TrimLeft(st.s[st.toks[ti].end:], " ,，")
	_, up := wordAt(tail, upWords)
	_, down := wordAt(tail, downWords)
	_, flat := wordAt(tail, flatWords)
	return up || down || flat || startsWithAny(tail, []string{"相比", "相较", "比较"})
}

// priorCompared tells a comparand label at [start, end) that names the
// figure itself in the prior year: "与上年收入总计700万元相比", "与2015年度
// “三公”经费决算数50万元相比" in a 2016 决算 — 与 and the previous year
// ("与上年", "与上年度的", "与去年", "与2015年度") right before the label
// (comparandBefore), its amount right after it (支出, or a 决算's 决算数,
// between), 相比 or 相较 right after that.
// It returns the amount's token. The label is the figure's own, so the
// subject is the same; any other word between (预算, another subject) and
// nothing is read.
func (b *builder) priorCompared(start, end int) (int, bool) {
	st := b.st
	head := strings.ReplaceAll(st.s[runeStart(st.s, max(0, start-3*12)):start], " ", "")
	c, after, ok := comparandBefore(head)
	fy := b.doc.Document.FiscalYear
	if !ok || c.year != 0 && (c.year != fy-1 || fy == 0) {
		return 0, false
	}
	than := c.conn != "与" // 较 or 比: the amount's change right after it
	if !than && after != "" && after != "的" || than && !b.ownKindWords(after) {
		return 0, false
	}
	ti := st.tokenAt(end)
	if ti >= len(st.toks) || st.toks[ti].kind != numMoney {
		return 0, false
	}
	gap := strings.TrimPrefix(strings.TrimPrefix(st.s[end:st.toks[ti].start], "合计"), "支出")
	if b.doc.Document.Kind == schema.KindFinalAccounts { // the prior year's 决算 ("与上年“三公”经费决算数…")
		gap = strings.TrimPrefix(strings.TrimPrefix(gap, "决算"), "数")
	}
	if strings.Trim(gap, " 为是:") != "" {
		return 0, false
	}
	if than {
		if b.used[ti] {
			return 0, false // the year before's read already, its change with it (figureYoY)
		}
		_, up := wordAt(st.s[st.toks[ti].end:], upWords)
		_, down := wordAt(st.s[st.toks[ti].end:], downWords)
		return ti, up || down
	}
	return ti, startsWithAny(strings.TrimLeft(st.s[st.toks[ti].end:], " "), []string{"相比", "相较"})
}

// ownKindWords tells the words between a comparison's 较 (比) and the year
// before's label that name that year's document of the same kind alone:
// "较2014年度部门决算公开“三公”经费…" in a 决算 (部门, 单位, 公开, 的 and
// the kind's 决算 or 预算, none of the other kind's), or nothing.
func (b *builder) ownKindWords(s string) bool {
	kind := "决算"
	if b.doc.Document.Kind == schema.KindBudget {
		kind = "预算"
	}
	for _, w := range []string{"部门", "单位", "公开", "的", kind} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.Trim(s, "“”\"") == ""
}

// comparedPriors records the comparisons the prior-year amounts at tokens
// compared open (comparedYoY) about the figure at path, its amount amount
// and its prior year prior as read so far, and returns that prior year: the
// first stated, another one a claim for the checks.
func (b *builder) comparedPriors(path string, compared []int, amount schema.Money, prior *schema.Money) *schema.Money {
	for _, ti := range compared {
		if p := b.comparedYoY(path, ti, amount); p != nil && prior == nil {
			prior = p
		} else if p != nil && *p != *prior {
			b.claim(path, schema.ClaimPriorYear, ti, p.Float(), "")
		}
	}
	return prior
}

// comparedYoY records the comparison that a prior-year amount its label
// names (priorCompared, token ti) opens, the figure's amount before or
// after it: "收入总计900万元，与上年收入总计700万元相比，增加200万元，增长
// 28.57%", "与上年收入总计700万元相比，本年收入总计900万元，增加200万元". It
// returns the prior-year amount, or nil where no change, percentage or
// 持平 is stated or another amount stands between.
func (b *builder) comparedYoY(path string, ti int, amount schema.Money) *schema.Money {
	st := b.st
	t := st.toks[ti]
	y, ok := b.scanYoYAt(t.end, amount, st.sentenceEnd(t.end))
	if !ok || y.prior >= 0 && st.toks[y.prior].money() != amount || y.change < 0 && y.pct < 0 && !y.flat {
		if y, ok = b.changeRightAfter(ti, amount); !ok {
			return nil
		}
	}
	y.prior = ti // the figure's own amount restated after 相比 is no prior year
	return b.recordYoY(path, y)
}

// changeRightAfter reads the change right after the year before's amount
// at token ti, its comparison opened by 较 or 比 before its label ("较2014
// 年度“三公”经费合计16.08万元增加15.15万元"): a direction and an amount,
// which with the figure's amount make the year before's within the
// rounding of the three.
func (b *builder) changeRightAfter(ti int, amount schema.Money) (yoy, bool) {
	st := b.st
	prior := st.toks[ti]
	c, sign, ok := b.changeAt(prior.end)
	if !ok {
		return yoy{}, false
	}
	change := st.toks[c]
	want := amount - schema.Money(sign)*change.money()
	if max(prior.money()-want, want-prior.money()) > prior.rounding()+2*change.rounding() {
		return yoy{}, false
	}
	return yoy{prior: ti, change: c, changeSign: sign, pct: -1}, true
}

// sentenceMarker gives the enumeration marker s opens with, "" for none:
// （二） 二、 2. 2、 (2), folded — a Han numeral's run in parentheses or
// before 、, one or two digits before 、 or . or in parentheses (the
// regexp `^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[0-9]{1,2}[、.]|\([0-9]{1,2}\))`,
// read by hand: it is asked of every line a label's sentence may open
// with).
func sentenceMarker(s string) string {
	i := 0
	paren := strings.HasPrefix(s, "(")
	if paren {
		i++
	}
	if k := hanNumerals(s[i:]); k > 0 {
		if i += k; paren && strings.HasPrefix(s[i:], ")") {
			return s[:i+1]
		}
		if !paren && strings.HasPrefix(s[i:], "、") {
			return s[:i+len("、")]
		}
		return ""
	}
	k := i
	for k < len(s) && k < i+2 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	switch rest := s[k:]; {
	case k == i:
	case paren && strings.HasPrefix(rest, ")"):
		return s[:k+1]
	case !paren && strings.HasPrefix(rest, "."):
		return s[:k+1]
	case !paren && strings.HasPrefix(rest, "、"):
		return s[:k+len("、")]
	}
	return ""
}

// hanNumerals gives the bytes of the Han numerals 一 to 十 s opens with.
func hanNumerals(s string) int {
	k := 0
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		k += n
	}
	return k
}

// halfBracketItem numbers a list's item with a closing bracket alone: "1)".
var halfBracketItem = regexp.MustCompile(`^[0-9]{1,2}\)`)

// headingLike tells a line that is a title or heading: short, no clause
// or amount in it, ending with what a report or section is ("某县水务局2023年
// 部门预算", "二、上年收入决算情况").
func headingLike(l string) bool {
	return l != "" && hasSuffixAny(l, []string{"预算", "决算", "情况", "说明"}) &&
		utf8.RuneCountInString(l) <= 40 && !strings.ContainsAny(l, "，,。；;元")
}

// otherYearSentence tells a label in a sentence that opens with another
// year and names this one nowhere before the label: "2021年度“三公”经费
// 支出20.12万元，其中：…公务接待费12.39万元" in a 2022 budget, "上年…" (not
// 上年结转, this year's revenue). The sentence runs from the last 。 or
// title or heading line (a heading may open it: "二、2021年“三公”经费决算
// 情况").
func (b *builder) otherYearSentence(start int) bool {
	fy := b.doc.Document.FiscalYear
	if fy == 0 {
		return false
	}
	s := b.st.s
	from := max(0, start-1000)
	if k := b.st.lastStop(start); k >= from {
		from = k + len("。")
	} else if from > 0 {
		return false
	}
	// a title or heading line before it ends the sentence before, or opens
	// it where it names another year ("二、2021年“三公”经费决算情况")
	st := b.st
	for i := sort.SearchInts(st.starts, from+1); i < len(st.starts) && st.starts[i] <= start; i++ {
		h := s[max(from, st.starts[i-1]):st.starts[i]]
		var kind segKind
		if from > st.starts[i-1] { // the sentence opens inside the line
			kind = segKindOf(h)
		} else {
			kind = st.segKind(i - 1)
		}
		if kind&segHeading != 0 {
			if _, ok := opensOtherYear(strings.TrimSpace(h), fy); ok {
				from = max(from, st.starts[i-1])
			} else {
				from = st.starts[i]
			}
		} else if line := strings.TrimSpace(s[st.starts[i]:start]); kind&segTitle != 0 && sentenceMarker(line) != "" {
			from = st.starts[i] // a title's line before a numbered one: "…情况表" / "一、因公出国(境)经费 2011年…"
		}
	}
	rest, ok := opensOtherYear(strings.TrimSpace(s[from:start]), fy)
	return ok && !strings.Contains(rest, strconv.Itoa(fy)+"年") && !containsAny(rest, []string{"本年", "今年"})
}

// segKind tells what a segment of the stream is to otherYearSentence: a
// heading (headingLike or numberedHeading), else title-like (titleLike).
type segKind uint8

const (
	segKnown segKind = 1 << iota // the stream's segKinds holds the segment's
	segHeading
	segTitle
)

// segKindOf is the segKind of the stream's text h, spaces around it
// trimmed.
func segKindOf(h string) segKind {
	h = strings.TrimSpace(h)
	switch {
	case headingLike(h) || numberedHeading(h):
		return segKnown | segHeading
	case titleLike(h):
		return segKnown | segTitle
	}
	return segKnown
}

// segKind is the segKind of segment i (not the last), told once: every
// figure's label asks it of each line of its sentence.
func (st *stream) segKind(i int) segKind {
	if st.segKinds == nil {
		st.segKinds = make([]segKind, len(st.starts))
	}
	if st.segKinds[i] == 0 {
		st.segKinds[i] = segKindOf(st.s[st.starts[i]:st.starts[i+1]])
	}
	return st.segKinds[i]
}

// coarserOf tells a money token c that states the figure t states to
// more digits, rounded or cut at its own last digit: 850万 of 850.55万元.
func coarserOf(c, t token) bool {
	r := c.rounding()
	if t.rounding() >= r {
		return false
	}
	d := t.money() - c.money()
	return -r <= d && d < 2*r
}

// numberedHeading tells a line that is a numbered heading of a few words
// and no clause or figure: "一、因公出国(境)经费" over its sentences.
func numberedHeading(l string) bool {
	m := sentenceMarker(l)
	rest := l[len(m):]
	return m != "" && rest != "" && utf8.RuneCountInString(rest) <= 20 && !strings.ContainsAny(rest, "，,。；;:：元0123456789")
}

// opensOtherYear tells a sentence that opens, after its enumeration marker,
// with another year than fy ("2021年度…", "上年…", not "上年结转…"), and
// gives the rest of it.
func opensOtherYear(open string, fy int) (string, bool) {
	if m := sentenceMarker(open); m != "" {
		open = strings.TrimSpace(open[len(m):])
		// its heading run into it (a web page's body on one line): "一、因公出国(境)经费 2011年…"
		if _, before, _, ok := yearIn(open); ok && before != "" && numberedHeading(m+strings.TrimSpace(before)) {
			open = open[len(before):]
		}
	}
	// a story's lead-in before the year: "据了解,2010年,某部的“三公经费”预算为…"
	for _, w := range leadIns {
		if rest, ok := strings.CutPrefix(open, w); ok && (strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, ",")) {
			open = strings.TrimLeft(rest, "，,")
			break
		}
	}
	if y, before, after, ok := yearIn(open); ok && before == "" && y != fy {
		return after, true
	}
	if w, ok := wordAt(open, priorYearWords); ok &&
		!startsWithAny(open[len(w):], []string{"结转", "结余", "末", "年末"}) {
		return open[len(w):], true
	}
	return "", false
}

// includedPart tells a label at start inside a bracket that opens with 含
// after the figure's amount ("…运行费预算2667.09万元(含援外医疗队公务用车购置
// 及运行费1148.92万元)"): what the figure includes, a part of it, no
// restatement of the figure.
func (b *builder) includedPart(start int) bool {
	head := b.st.s[b.st.clauseStart(start):start]
	k := strings.LastIndex(head, "(")
	if k < 0 || strings.Contains(head[k:], ")") {
		return false
	}
	in := head[k+len("("):]
	// (包括:A…、B…) lists the figure's parts by their own labels: those are read
	return strings.HasPrefix(in, "含") || strings.HasPrefix(in, "包含")
}

// spentInBudget tells, in a budget, a 三公 statement from start whose
// clause before it or gap to its amount calls it what was spent
// (spentWords): the outturn of a year before, not the budget's figure.
func (b *builder) spentInBudget(start int, gap string) bool {
	return b.doc.Document.Kind == schema.KindBudget && containsAny(b.st.s[b.st.clauseStart(start):start]+gap, spentWords)
}

// spentWords call an amount what was spent, an outturn: never a budget's.
var spentWords = []string{"实际开支", "实际支出", "实际发生", "执行数", "决算数"}

// leadIns open a story's sentence before what it is about: "据了解,2010年,…".
var leadIns = []string{"据了解", "据悉", "据介绍", "据统计"}

// figureWord is figure for labels that are also the tail of longer terms
// (支出总计, 基本支出): an occurrence inside a longer term is skipped.
func (b *builder) figureWord(path, field string, labels []string, maxGap int, notAfter ...string) (amount, prior *schema.Money) {
	b.wholeWords = true
	defer func() { b.wholeWords = false }()
	return b.figure(path, field, labels, maxGap, notAfter...)
}

func (b *builder) totals() {
	d := b.doc
	not := []string{"财政拨款", "拨款", "基金", "公共预算", "资本经营预算", "本年", "资金", "采购", "经费"}
	// a budget's "预算总收入…，总支出…" and "部门预算收入…" are its totals; a 决算's may be the
	// budget it is compared with. "预算支出" and "总支出" alone are too often
	// a part's ("检察(款): 2018年预算支出合计…").
	var budgetRev, budgetExp, budgetBoth []string
	if d.Document.Kind == schema.KindBudget {
		budgetRev, budgetExp = []string{"预算总收入", "部门预算收入", "单位预算收入", "年初预算收入", "年初收入预算数"}, []string{"预算总支出", "部门预算支出", "单位预算支出", "年初预算支出", "年初支出预算数"}
		// the central template of 2012: "年度收入为33609.06万元,其中…上年结转10万元",
		// "年度支出33609.06万元中,…结转下年108.10万元" (a year's 年度 before it is
		// another label's: "2012年度支出合计")
		budgetRev, budgetExp = append(budgetRev, "年度收入"), append(budgetExp, "年度支出")
		// "2018年部门收支预算安排3,000万元", "本部门预算总额1,000万元": a budget balances
		budgetBoth = []string{"收支预算", "部门预算总额", "单位预算总额"}
	}
	// both totals at once: 收支预算总额, 收入、支出总计 …
	both := []string{
		"收支预算总额", "收、支预算总额", "收入支出预算总额", "收入、支出预算总计", "收入支出预算总计", "收、支预算总计",
		"收入支出决算总计", "收入支出总计", "收入、支出决算总计", "收入、支出总计",
		"收支预算总计", "收支总预算", "收、支总预算", "收支决算总计", "收、支决算总计", "收支总决算", "收、支总决算", "收支总计", "收、支总计",
	}
	for _, l := range both { // "收、支总计均为1,234.56万元": both are
		both = append(both, l+"均")
	}
	// 公共预算(总)收入: the central departments' word for the whole before
	// 2015 ("2012年公共预算收入18,535.28万元，其中上年结转…"), 一般公共预算收入
	// being the general budget's, a source (insideWord)
	revLabels := slices.Concat([]string{"收入预算总额", "收入预算总计"}, both, []string{"收入总计", "收入预算合计", "收入总预算", "收入预算", "收入总额", "公共预算总收入", "公共预算收入"}, budgetRev, budgetBoth)
	expLabels := slices.Concat([]string{"支出预算总额", "支出预算总计"}, both, []string{"支出总计", "支出预算合计", "支出总预算", "支出预算", "支出总额", "公共预算总支出", "公共预算支出"}, budgetExp, budgetBoth)
	rev := &schema.Revenue{}
	exp := &schema.Expenditure{}
	// the totals of a statement of the appropriations' ("财政拨款收支总预算
	// 2,376.32万元。其中,收入总计2,376.32万元,包括一般公共预算本年收入…、上年
	// 结转…") are theirs, not all funds'
	allFunds := func(l string, start int) bool {
		if strings.HasPrefix(l, "年度") && start > 0 && strings.ContainsRune("0123456789年本上当该", func() rune { r, _ := utf8.DecodeLastRuneInString(b.st.s[:start]); return r }()) {
			return false // "2012年度收入", "本年度支出": the year's, not 年度收入 bare
		}
		return !b.fiscalStatement(start)
	}
	rev.Total, exp.Total = b.pairedTotals()
	// a budget's 收入预算 (支出预算) under its 收支总预算 may leave out what the
	// year before carried ("收支总预算46621.39万元。…收入预算45621.38万元,其中:"):
	// the one side's figure, no restatement of the whole
	wholes := map[schema.Money]bool{} // the amounts stated as 收支总预算
	for _, end := range b.find("收支总预算") {
		if ti, ok := b.valueAfter(end, 6); ok {
			wholes[b.st.toks[ti].money()] = true
		}
	}
	totalOK := func(l string, start int) bool {
		if len(wholes) > 0 && (l == "收入预算" || l == "支出预算") {
			if ti, ok := b.valueAfter(start+len(l), 6); ok && !wholes[b.st.toks[ti].money()] {
				return false
			}
		}
		return allFunds(l, start)
	}
	b.labelOK = totalOK
	if rev.Total == nil {
		rev.Total, rev.PriorYear = b.figureWord("/revenue", "/total", revLabels, 6, not...)
	}
	// 收入合计 and 支出合计 bare are the year's only where the year opens them
	// ("本部门2016年度收入合计803.84万元"): elsewhere they are often a part's
	// ("检察(款): 支出合计…")
	yearOpens := yearOpenings(d.Document.FiscalYear)
	yearsOwn := func(l string, start int) bool {
		return (strings.HasPrefix(l, "本年") || hasSuffixAny(b.st.s[:start], yearOpens)) && allFunds(l, start)
	}
	b.labelOK = yearsOwn
	// "2017年我校年收入合计238.92万元": the year's, its 年 after the text's word for itself
	rev.CurrentYear, _ = b.figureWord("/revenue", "/current_year", []string{"本年收入合计", "本年收入预算合计", "本年收入", "年收入合计", "收入合计"}, 4)
	// a budget's bare 收入预算 below its one 收支总预算, the revenue's total
	// ("收支总预算46621.39万元。…收入预算45621.38万元,其中:"): the year's revenue,
	// the whole holding what the year before carried
	if rev.CurrentYear == nil && rev.Total != nil && len(wholes) == 1 && wholes[*rev.Total] && d.Document.Kind == schema.KindBudget {
		b.labelOK = func(l string, start int) bool {
			ti, ok := b.valueAfter(start+len(l), 6)
			if !ok {
				return false
			}
			v := b.st.toks[ti].money()
			return v > 0 && v < *rev.Total && allFunds(l, start)
		}
		rev.CurrentYear, _ = b.figureWord("/revenue", "/current_year", []string{"收入预算"}, 6, not...)
	}
	b.labelOK = func(l string, start int) bool { return !b.inProcurement(start) && allFunds(l, start) }
	rev.CarriedOver, _ = b.figureWord("/revenue", "/carried_over", []string{"年初结转和结余", "上年结转和结余", "上年结转结余", "上年结余、结转", "上年结转资金", "上年结转", "上年结余收入"}, 4, "财政拨款")
	b.labelOK = nil
	rev.FiscalTotal, _ = b.figure("/revenue", "/fiscal_total", slices.Concat(fiscalTotalLabels,
		fiscalRevenueLabels), 6,
		"公共预算", "基金预算", "资本经营预算") // one fund's appropriations: "一般公共预算财政拨款收、支总计"
	b.labelOK = totalOK
	if exp.Total == nil {
		exp.Total, exp.PriorYear = b.figureWord("/expenditure", "/total", expLabels, 6, not...)
	}
	b.labelOK = yearsOwn
	exp.CurrentYear, _ = b.figureWord("/expenditure", "/current_year", []string{"本年支出合计", "本年支出预算合计", "本年支出", "当年支出", "年支出合计", "支出合计"}, 4)
	b.labelOK = allFunds
	exp.CarriedForward, _ = b.figureWord("/expenditure", "/carried_forward", []string{"年末结转和结余", "年末结转结余", "结转下年资金", "结转下年"}, 4, "财政拨款")
	b.labelOK = nil
	if rev.Total == nil && exp.Total == nil && d.Document.Kind == schema.KindBudget {
		rev.Total, exp.Total = b.balancedBudget()
	}
	if exp.Total == nil && d.Document.Kind == schema.KindBudget {
		if r, e := b.mirroredTotals(rev.Total, yearOpens); e != nil {
			rev.Total, exp.Total = r, e
		}
	}
	if rev.Total == nil {
		rev.Total = b.totalOver("/revenue/total", "总收入", "本年收入")
	}
	if exp.Total == nil {
		exp.Total = b.totalOver("/expenditure/total", "总支出", "本年支出")
	}
	b.nextSentenceChange("/revenue", rev.Total, "预算收入", "收入")
	b.nextSentenceChange("/expenditure", exp.Total, "预算支出", "支出")
	d.Revenue, d.Expenditure = rev, exp
	b.bareTotals(yearOpens, []string{"收入决算", "部门决算收入", "单位决算收入", "收入为"}, []string{"支出决算", "部门决算支出", "单位决算支出", "支出为"}, nil)
}

// mirroredTotals reads a budget's 预算支出合计 after the year ("某部2015年
// 预算收入合计44.4572万元,某部2015年预算支出合计44.4572万元") where its sentence
// states the 预算收入合计 in the same words after the year, of the same amount
// (the revenue's total where one was read): the two sides of the budget, not
// a class's spending (a bare 预算支出合计 is often a 款's, "检察(款):2018年预算
// 支出合计…"). The revenue's is taken where none was.
func (b *builder) mirroredTotals(revenue *schema.Money, yearOpens []string) (rev, exp *schema.Money) {
	st := b.st
	for _, end := range b.find("预算支出合计") {
		start := end - len("预算支出合计")
		if !hasSuffixAny(st.s[:start], yearOpens) {
			continue
		}
		ti, ok := b.valueAfter(end, 2)
		if !ok || b.used[ti] || revenue != nil && st.toks[ti].money() != *revenue {
			continue
		}
		from := st.sentenceStart(start)
		k := strings.Index(st.s[from:start], "预算收入合计")
		if k < 0 || !hasSuffixAny(st.s[:from+k], yearOpens) {
			continue
		}
		tr, ok := b.valueAfter(from+k+len("预算收入合计"), 2)
		if !ok || st.toks[tr].money() != st.toks[ti].money() {
			continue
		}
		if revenue == nil {
			if b.used[tr] {
				continue
			}
			revenue = b.take("/revenue/total", tr)
		}
		return revenue, b.take("/expenditure/total", ti)
	}
	return revenue, nil
}

// balancedBudget reads a budget's totals stated in one sentence, the
// revenue's with its sources after 其中, what the year before carried among
// them, then the spending's of the same amount: "2011年一般预算收入41804.41
// 万元,其中:财政拨款35260.1万元,其他收入613万元,上年结转5931.31万元;预算支出
// 41804.41万元" (the central departments' 总体收支预算 of 2011). The list
// with 上年结转 makes the revenue the whole, not one fund's or a source.
func (b *builder) balancedBudget() (rev, exp *schema.Money) {
	st := b.st
	for _, end := range b.find("预算收入") {
		if hasSuffixAny(st.s[:end-len("预算收入")], []string{"财政拨款", "基金", "资本经营", "专户"}) || b.otherYear(end-len("预算收入")) {
			continue
		}
		ti, ok := b.valueAfter(end, 2)
		if !ok || b.used[ti] {
			continue
		}
		from := st.toks[ti].end
		rest := st.s[from:st.sentenceEnd(from)]
		k := strings.Index(rest, "预算支出")
		if k < 0 || !strings.Contains(rest[:k], "其中") || !strings.Contains(rest[:k], "上年结转") {
			continue
		}
		tj, ok := b.valueAfter(from+k+len("预算支出"), 2)
		if !ok || b.used[tj] || st.toks[tj].money() != st.toks[ti].money() {
			continue
		}
		return b.take("/revenue/total", ti), b.take("/expenditure/total", tj)
	}
	return nil, nil
}

// bothTotalsChange reads what a sentence says of 总收支 — the revenue and
// the expenditure at once — against the year before where the two totals
// read are one amount: a clause comparing with the year before's amount
// and stating the change ("2011年总收支比上年减少30.7%,对比2010年预算批复数
// 8,946万元减少了2,748万元") gives each total's prior year and change, only
// where that amount and the change make the totals. Where they do not, but
// would with one figure's misprint changed back, the three are kept as a
// sum claim (the larger of the two years the whole; check rule sum.text)
// and none is read.
func (b *builder) bothTotalsChange() {
	st := b.st
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	if rev.Total == nil || exp.Total == nil || *rev.Total != *exp.Total || rev.PriorYear != nil || exp.PriorYear != nil {
		return
	}
	for _, end := range b.find("总收支") {
		if b.otherYear(end - len("总收支")) {
			continue
		}
		stop := st.sentenceEnd(end)
		for from := end; from < stop; {
			to := st.commaAfter(from, stop)
			if pt, ct, sign, ok := b.priorClause(from, to); ok && st.toks[pt].money()+schema.Money(sign)*st.toks[ct].money() == *rev.Total {
				rev.PriorYear, exp.PriorYear = b.take("/revenue/prior_year", pt), b.take("/expenditure/prior_year", pt)
				b.claim("/revenue", schema.ClaimChange, ct, float64(sign)*st.toks[ct].money().Float(), "")
				b.claim("/expenditure", schema.ClaimChange, ct, float64(sign)*st.toks[ct].money().Float(), "")
				return
			}
			if pt, ct, sign, ok := b.priorClause(from, to); ok {
				if tt, found := b.tokenOf("/revenue/total", *rev.Total); found {
					whole, parts := tt, []int{pt, ct}
					if sign < 0 {
						whole, parts = pt, []int{tt, ct}
					}
					if b.misprintedSum(whole, parts) {
						b.sumClaims("/totals", whole, parts)
						return
					}
				}
			}
			_, size := utf8.DecodeRuneInString(st.s[to:])
			from = to + size
		}
	}
}

// commaAfter is the offset of the first comma in s[from:stop] that is no
// figure's thousands' (stop for none).
func (st *stream) commaAfter(from, stop int) int {
	for i := from; i < stop; {
		if k := st.tokenAt(i); k > 0 && st.toks[k-1].start < i && i < st.toks[k-1].end {
			i = st.toks[k-1].end
			continue
		}
		r, size := utf8.DecodeRuneInString(st.s[i:])
		if r == ',' || r == '，' {
			return i
		}
		i += size
	}
	return stop
}

// priorClause reads a clause s[from:to] that compares with the year before's
// amount and states the change: "对比2010年预算批复数8,946万元减少了2,748万元"
// — the comparand naming the year before (or 上年), no figure between it and
// the amount, a direction right after the amount and the change right after
// it, nothing after that.
func (b *builder) priorClause(from, to int) (prior, change, sign int, ok bool) {
	st := b.st
	for i := from; i < to; {
		c, found := comparandAt(st.s[i:to])
		if !found {
			_, size := utf8.DecodeRuneInString(st.s[i:])
			i += size
			continue
		}
		if c.year != 0 && c.year != b.doc.Document.FiscalYear-1 {
			return 0, 0, 0, false
		}
		pt := st.tokenAt(i + c.end)
		if pt+1 >= len(st.toks) || st.toks[pt].kind != numMoney || st.toks[pt+1].kind != numMoney || st.toks[pt+1].end != len(strings.TrimRight(st.s[:to], " ")) {
			return 0, 0, 0, false
		}
		if gap := st.s[i+c.end : st.toks[pt].start]; strings.ContainsAny(gap, "0123456789") || utf8.RuneCountInString(gap) > 12 {
			return 0, 0, 0, false
		}
		dir := strings.TrimSuffix(st.s[st.toks[pt].end:st.toks[pt+1].start], "了")
		switch {
		case slices.Contains([]string{"减少", "下降", "降低"}, dir):
			return pt, pt + 1, -1, true
		case slices.Contains([]string{"增加", "增长", "提高"}, dir):
			return pt, pt + 1, 1, true
		}
		return 0, 0, 0, false
	}
	return 0, 0, 0, false
}

// nextSentenceChange reads a budget's change of a total stated in the
// sentence right after the one stating it, the sentence opening with the
// bare word for the total ("年初预算数735.09万元,其中:…。预算收入较2024年减少
// 62.54万元", "…住房保障支出65.09万元。支出较去年增加105.77万元"): that word
// alone is too often a part's to be a label of the total's own figure, but
// opening the next sentence it speaks of the figure just stated.
func (b *builder) nextSentenceChange(path string, total *schema.Money, subjects ...string) {
	if total == nil || b.doc.Document.Kind != schema.KindBudget {
		return
	}
	st := b.st
	b.labelOK = func(_ string, start int) bool {
		if start < len("。") || st.sentenceStart(start) != start {
			return false
		}
		for ti := st.tokenAt(st.sentenceStart(start - len("。"))); ti < len(st.toks) && st.toks[ti].start < start; ti++ {
			if st.toks[ti].kind == numMoney && st.toks[ti].money() == *total {
				return true
			}
		}
		return false
	}
	n := len(b.doc.Claims)
	b.changeStatements(path, subjects, nil)
	b.labelOK = nil
	// a change the total's own words read already ("支出预算较2024年减少…")
	earlier := b.doc.Claims[:n]
	added := slices.DeleteFunc(slices.Clone(b.doc.Claims[n:]), func(c schema.Claim) bool {
		return slices.ContainsFunc(earlier, func(o schema.Claim) bool { return o.Path == c.Path && o.Kind == c.Kind && o.Line == c.Line })
	})
	b.doc.Claims = append(earlier, added...)
}

// yearOpenings are the words that open the year's own statements: "2016年",
// "2016年度", "2016年我院" …
func yearOpenings(year int) []string {
	var out []string
	for _, y := range []string{"年", "年度"} {
		for _, who := range []string{"", "本部门", "本单位", "我院", "我局", "我校"} {
			out = append(out, strconv.Itoa(year)+y+who)
		}
	}
	return out
}

// grandTotals reads the year's 总收入 and 总支出 stated bare right after the
// year ("2016年总收入40724.80万元", "2018年度决算总支出1095.67万元") where
// nothing else gave the year's totals — after yearFromSources and
// yearFromUses, which read them as the year's own where the parts printed
// after them add up: parts listed after it (其中) that do not leave it
// unread, as does a class's heading before it ("检察(款)：2024年总支出合计…").
//
// A budget balances: its year's bare 总收入 with parts listed after it is
// its revenue where it is the spending's total read ("2011年总收入6,198万
// 元,其中:财政预算内拨款(补助)收入6,198万元。2011年总支出6,198万元"), and
// the other way round.
func (b *builder) grandTotals() {
	st := b.st
	class := func(start int) bool {
		return containsAny(st.s[st.sentenceStart(start):start], []string{"(款)", "(类)", "(项)"})
	}
	whole := func(start int) bool {
		return !class(start) && !strings.Contains(st.s[start:st.sentenceEnd(start)], "其中")
	}
	opens, revLabels, expLabels := yearOpenings(b.doc.Document.FiscalYear), []string{"决算总收入", "总收入"}, []string{"决算总支出", "总支出"}
	b.bareTotals(opens, revLabels, expLabels, whole)
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	if rev.Total == nil {
		// "2021年财政预算总收入14932500元,全部为财政拨款收入": a region's word
		// for its revenue, a unit's where it says the whole is appropriations
		b.bareTotals(opens, []string{"财政预算总收入"}, nil, func(start int) bool {
			ti, ok := b.valueAfter(start+len("财政预算总收入"), 2)
			return ok && whole(start) && startsWithAny(strings.TrimLeft(st.s[st.toks[ti].end:], ",，"), []string{"全部为财政拨款", "均为财政拨款"})
		})
	}
	if exp.Total == nil && exp.CurrentYear == nil {
		// "总支出4826.3万元,比2012年度支出增加3539.38万元": opening its
		// sentence, no year before it, and compared with the year before's
		// right after its amount, the year's whole
		before := []string{"比上年", "比去年", fmt.Sprintf("比%d年", b.doc.Document.FiscalYear-1)}
		b.bareTotals([]string{""}, nil, []string{"总支出"}, func(start int) bool {
			ti, ok := b.valueAfter(start+len("总支出"), 2)
			return ok && whole(start) && strings.TrimSpace(st.s[st.sentenceStart(start):start]) == "" &&
				startsWithAny(strings.TrimLeft(st.s[st.toks[ti].end:], ",，"), before)
		})
	}
	if b.doc.Document.Kind != schema.KindBudget || (rev.Total == nil) == (exp.Total == nil) {
		return
	}
	b.bareTotals(opens, revLabels, expLabels, func(start int) bool {
		other, l := rev.Total, "总支出"
		if strings.HasPrefix(st.s[start:], "总收入") {
			other, l = exp.Total, "总收入"
		}
		ti, ok := b.valueAfter(start+len(l), 2)
		return !class(start) && ok && other != nil && st.toks[ti].money() == *other
	})
}

// bareTotals reads the year's revenue and spending stated bare where no
// other label gave them, the year (and the text's word for itself) right
// before the label: "2017年度,本单位收入为1687.45万元", "2016年收入决算
// 205.27万元", the department by its name too ("2021年度,某卫生院单位支出为
// …") — the whole, nothing said of a part: labels of each side, ok (nil:
// any) what else a label's place must be.
func (b *builder) bareTotals(yearOpens, revLabels, expLabels []string, ok func(start int) bool) {
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	opens := slices.Clone(yearOpens)
	name := b.doc.Department.Name // "2021年度,某卫生院单位支出为468.738万元"
	for _, y := range yearOpens {
		if !strings.HasSuffix(y, "年") && !strings.HasSuffix(y, "年度") {
			continue
		}
		for _, sep := range []string{",", "，"} {
			for _, who := range []string{"本部门", "本单位", name, name + "单位", name + "部门"} {
				opens = append(opens, y+sep+who)
			}
		}
	}
	// a side whose year's figure is read takes its bare total only where
	// that is the figure the side's others make — the year's and what was
	// carried (none read: the year's alone, nothing carried) —, never
	// another: the label may be the year's figure's (总收入 for 本年收入)
	paired := map[int]bool{}
	whole := func(year, carried *schema.Money) func(string, int) bool {
		return func(l string, start int) bool {
			if !hasSuffixAny(b.st.s[:start], opens) && !paired[start] || ok != nil && !ok(start) {
				return false
			}
			if year == nil {
				return true
			}
			want := *year
			if carried != nil {
				want += *carried
			}
			ti, found := b.valueAfter(start+len(l), 2)
			return found && b.st.toks[ti].money() == want
		}
	}
	defer func() { b.labelOK = nil }()
	if rev.Total == nil {
		b.labelOK = whole(rev.CurrentYear, rev.CarriedOver)
		rev.Total, rev.PriorYear = b.figureWord("/revenue", "/total", revLabels, 2)
		if rev.Total != nil {
			// the year opens the pair: "2017年总收入488.93万元。比上年增长
			// 33%。总支出488.80万元" — the spending's label after the revenue's
			// amount, on its line, no other year or amount between
			paired = b.pairedAfter("/revenue/total")
		}
	}
	if exp.Total == nil {
		b.labelOK = whole(exp.CurrentYear, exp.CarriedForward)
		exp.Total, exp.PriorYear = b.figureWord("/expenditure", "/total", expLabels, 2)
	}
}

// pairedAfter is where a label of the same statement may open after the
// amount taken for ptr: after each break (。，,) that follows it in its
// sentence or the next, before any other year or amount ("…万元。比上年
// 增长33%。" before "总支出…").
func (b *builder) pairedAfter(ptr string) map[int]bool {
	st := b.st
	at := map[int]bool{}
	for ti, p := range b.amountOf {
		if p != ptr {
			continue
		}
		stops := 0
		for end, k := st.toks[ti].end, ti+1; end < len(st.s) && stops < 2; end++ {
			for k < len(st.toks) && st.toks[k].end <= end {
				k++
			}
			if k < len(st.toks) && st.toks[k].start <= end && (st.toks[k].kind == numYear || st.toks[k].kind == numMoney) {
				break
			}
			for _, br := range []string{"。", "，", ","} {
				if strings.HasPrefix(st.s[end:], br) {
					rest := st.s[end+len(br):]
					at[len(st.s)-len(strings.TrimLeft(rest, " "))] = true
					if br == "。" {
						stops++
					}
				}
			}
		}
	}
	return at
}

// fiscalTotalLabels name the appropriations' totals (财政拨款收支总预算, 财政
// 拨款收入支出总计, a 决算's 财政拨款收支总决算 …).
var fiscalTotalLabels = []string{"财政拨款收入支出总计", "财政拨款收入支出决算总计", "财政拨款收入、支出决算总计", "财政拨款收入、支出总计",
	"财政拨款收支总计", "财政拨款收、支总计", "财政拨款收支决算总计", "财政拨款收、支决算总计", "财政拨款收、支总预算", "财政拨款收支总预算", "财政拨款收、支预算",
	"财政拨款收支总决算", "财政拨款收、支总决算",
	// … named with what they hold: "财政拨款(含政府性基金拨款)收支总计484万元"
	"财政拨款(含政府性基金拨款)收支总计", "财政拨款(含政府性基金拨款)收、支总计", "财政拨款(含政府性基金)收支总计", "财政拨款(含政府性基金)收、支总计"}

// fiscalRevenueLabels name the appropriations' revenue side alone, the
// 财政拨款收入支出总表's 收入总计: "财政拨款收入总计3760.06万元,支出总计3760.06万元"
// states both sides of the appropriations, the bare 支出总计 theirs too.
var fiscalRevenueLabels = []string{"财政拨款收入总计", "财政拨款收入决算总计"}

// fundTotalLabels name one fund's totals ("一般公共预算收入总计1085.31万元,
// 本年支出1070.67万元,年末结转和结余30.65万元"): what its sentence states
// after them is that fund's, not all funds'.
var fundTotalLabels = func() []string {
	var out []string
	for _, f := range []string{"一般公共预算", "政府性基金预算", "国有资本经营预算"} {
		for _, t := range []string{"收入总计", "收入合计", "收支总计", "收入支出总计"} {
			out = append(out, f+t)
		}
	}
	return out
}()

// fiscalStatement tells an offset inside a statement of the appropriations'
// totals, or of one fund's: its sentence names them before it, or it opens
// on 其中 after a sentence that does ("财政拨款收支总预算2,376.32万元。其中,
// 收入总计…").
func (b *builder) fiscalStatement(start int) bool {
	s := b.st.s
	from := b.st.sentenceStart(start)
	if b.anyIn(fiscalTotalLabels, from, start) || b.anyIn(fiscalRevenueLabels, from, start) || b.anyIn(fundTotalLabels, from, start) {
		return true
	}
	// the appropriations named with what they hold, in brackets, right
	// before the label: "财政拨款(含政府性基金拨款)收支总计484万元"
	if before := strings.TrimRight(s[from:start], " "); strings.HasSuffix(before, ")") || strings.HasSuffix(before, "）") {
		if k := strings.LastIndexAny(before, "(（"); k >= 0 && strings.HasSuffix(before[:k], "财政拨款") {
			return true
		}
	}
	if from == 0 || !strings.HasPrefix(strings.TrimLeft(s[from:start], " "), "其中") {
		return false
	}
	prev := b.st.sentenceStart(from - len("。"))
	return b.anyIn(fiscalTotalLabels, prev, from)
}

// pairedTotals reads both totals stated as a pair, the unit printed once
// after both: "2022年度收、支总计各是4125.49,4143.91万元" — the revenue's,
// then the expenditure's ("各是4125.49万元、4143.91万元" too). Nothing when
// the pair is not two amounts, one comma or 、 between.
func (b *builder) pairedTotals() (rev, exp *schema.Money) {
	st := b.st
	for _, l := range []string{"收、支总计各", "收支总计各", "收入、支出总计各", "收入支出总计各", "收、支决算总计各", "收支决算总计各", "收入、支出决算总计各", "收入支出决算总计各"} {
		for _, end := range b.find(l) {
			if b.otherYear(end - len(l)) {
				continue
			}
			p := end
			for _, f := range []string{"是", "为"} {
				if strings.HasPrefix(st.s[p:], f) {
					p += len(f)
					break
				}
			}
			ti := st.tokenAt(p)
			if ti+1 >= len(st.toks) {
				continue
			}
			a, c := st.toks[ti], st.toks[ti+1]
			bare := a.kind == numPlain && a.unit == ""
			if a.start != p || !bare && a.kind != numMoney || c.kind != numMoney || b.used[ti] || b.used[ti+1] {
				continue
			}
			if sep := st.s[a.end:c.start]; sep != "," && sep != "，" && sep != "、" {
				continue
			}
			if bare {
				a.unit, a.kind = c.unit, numMoney
			}
			r, e := a.money(), c.money()
			b.used[ti], b.used[ti+1] = true, true
			b.doc.Provenance["/revenue/total"] = st.source(a.start)
			b.doc.Provenance["/expenditure/total"] = st.source(c.start)
			return &r, &e
		}
	}
	return nil, nil
}

// totalOver reads a total named by label alone ("总收入", too often a
// part's) where the year's part follows it as its own: "总收入581.45万元，
// 其中本年收入390.55万元" — the year's and what was carried over.
func (b *builder) totalOver(path, label, part string) *schema.Money {
	st := b.st
	for _, end := range b.find(label) {
		ti, ok := b.valueAfter(end, 4)
		if !ok || b.used[ti] || b.otherYear(end-len(label)) {
			continue
		}
		rest := strings.TrimLeft(st.s[st.toks[ti].end:], " ,，")
		rest = strings.TrimLeft(strings.TrimPrefix(rest, "其中"), " :：")
		if strings.HasPrefix(rest, part) {
			return b.take(path, ti)
		}
	}
	return nil
}

// revenueSources are the labels of each canonical revenue source, most
// specific first; partOf names the source it belongs to.
var revenueSources = []struct {
	name, partOf string
	labels       []string
	notAfter     []string
}{
	// "“三公”经费一般公共预算拨款267.66万元" is a 经费's funding, no source;
	// nor what projects "涉及" (a performance paragraph's), nor what the year
	// before left ("上年结转一般公共预算拨款收入0万元": the carried-over funds)
	// 公共财政预算: its name before 2015
	{"一般公共预算", "财政拨款", []string{"一般公共预算财政拨款收入", "一般公共预算拨款收入", "一般公共预算本年收入", "一般公共预算收入预算", "一般公共预算收入", "一般公共预算资金", "一般公共预算拨款",
		"公共财政预算拨款收入", "公共财政拨款收入", "公共财政预算收入", "公共财政预算拨款", "公共财政拨款", "公共预算拨款收入", "公共预算拨款",
		"一般预算财政拨款收入", "一般预算财政拨款"}, []string{"经费", "涉及", "结转"}}, // 一般预算: its name in a budget of 2015 and before
	{"政府性基金", "财政拨款", []string{"政府性基金预算财政拨款收入", "政府性基金预算拨款收入", "政府性基金预算本年收入", "政府性基金预算收入", "政府性基金收入", "政府性基金预算拨款"}, []string{"涉及", "结转"}},
	{"国有资本经营", "财政拨款", []string{"国有资本经营预算财政拨款收入", "国有资本经营预算拨款收入", "国有资本经营预算收入", "国有资本经营预算拨款"}, []string{"涉及", "结转"}},
	// 财政补助收入: a hospital's name for it (医院会计制度), and older templates';
	// 财政预算内拨款(补助)收入: the budgets' before 2012 (预算内, the budget's funds)
	// 财政拨款预算收入: a budget's word for it ("2018年财政拨款预算收入960800元")
	{"财政拨款", "", []string{"财政拨款收入预算总计", "财政拨款收入", "财政拨款预算收入", "财政拨款(补助)收入", "经费拨款(补助)", "财政拨款(补助)", "财政补助收入", "财政预算内拨款(补助)收入"}, []string{"一般公共预算", "公共", "政府性基金预算", "国有资本经营预算", "涉及"}},
	// 行政事业性收费收入: a source of the budgets before 2015
	{"行政事业性收费收入", "", []string{"行政事业性收费收入"}, nil},
	{"事业收入", "", []string{"事业收入"}, []string{"经营", "其他"}}, // 其他事业收入 is a part of it
	{"经营收入", "", []string{"事业单位经营收入", "经营收入"}, nil},
	{"上级补助收入", "", []string{"上级补助收入"}, nil},
	{"附属单位上缴收入", "", []string{"附属单位上缴收入"}, nil},
	{"财政专户管理资金", "", []string{"财政专户管理资金收入", "财政专户管理资金"}, nil},
	{"其他收入", "", []string{"其他收入", "其他资金收入预算总计", "其他资金"}, nil},
}

// spendingSubjects name what is spent: a clause after one of them that
// opens on a fund's name gives the fund it is paid from, not the fund's
// revenue ("机关运行经费，当年一般公共预算拨款6.83万元").
var spendingSubjects = []string{"机关运行经费", "机关运行费", "三公经费", "三公”经费", "基本支出", "项目支出", "人员经费", "公用经费"}

// fundOfSpending tells a label at start that opens its clause (当年, 其中
// before it at most) right after a clause that is a spending subject alone.
func (b *builder) fundOfSpending(start int) bool {
	head := strings.TrimRight(b.st.s[:start], " ")
	for _, w := range []string{"当年", "其中", "为"} {
		head = strings.TrimSuffix(head, w)
	}
	head, ok := strings.CutSuffix(head, ",")
	if !ok {
		head, ok = strings.CutSuffix(head, "，")
	}
	return ok && hasSuffixAny(head, spendingSubjects)
}

func (b *builder) sources() {
	rev := b.doc.Revenue
	of := "/revenue/total"
	if rev.CurrentYear != nil {
		of = "/revenue/current_year"
	}
	var top bool
	// 其他资金 names a source only in a sentence about the revenue (or one
	// that lists its parts after it: "…收入预算为…。其中：…"), not a
	// project's funding ("项目500万元，其中：财政资金300万元，其他资金200万元")
	b.labelOK = func(l string, start int) bool {
		if b.inProcurement(start) || b.fundOfSpending(start) {
			return false
		}
		if strings.HasPrefix(l, "公共预算") && strings.HasSuffix(b.st.s[:start], "一般") {
			return false // the end of 一般公共预算拨款, its own label's
		}
		if l == "财政拨款" { // a fund, but where its year's amount moves from the year before's
			_, _, ok := b.fromTo(start + len(l))
			return ok || b.revenueShareAfter(start+len(l)) || b.underAppropriationHeading(start) || b.firstOfRevenueList(start) || b.revenueListOpening(start)
		}
		if l != "其他资金" {
			return true
		}
		from := b.st.lastStop(start)
		if strings.HasPrefix(b.st.s[from+1:], "其中") && from > 0 {
			from = b.st.lastStop(from)
		}
		sentence := b.st.s[from+1 : start]
		return strings.Contains(sentence, "收入") || strings.Contains(sentence, "收支")
	}
	defer func() { b.labelOK = nil }()
	read := func() {
		top = false
		for _, src := range revenueSources {
			i := len(rev.Sources)
			path := "/revenue/sources/" + strconv.Itoa(i)
			amount, _ := b.figureShare(path, src.labels, 6, of, src.notAfter...)
			name, partOf := src.name, src.partOf
			if amount == nil && src.name == "财政拨款" { // bare, only where stated as a movement (labelOK)
				amount, _ = b.figure(path, "/amount", []string{"财政拨款"}, 6, src.notAfter...)
				// under a heading naming the general budget's, it is that
				if amount != nil {
					k, ok := b.tokenOf(path+"/amount", *amount)
					if h, under := b.appropriationHeading(b.st.toks[k].start); ok && under && h == "一般公共预算" && !slices.ContainsFunc(rev.Sources, func(s schema.Named) bool { return s.Name == h }) {
						name, partOf = h, "财政拨款"
					}
				}
			}
			if amount == nil || b.unitMisprinted(path, *amount) {
				continue
			}
			rev.Sources = append(rev.Sources, schema.Named{Name: name, Amount: *amount, PartOf: partOf})
			top = top || src.partOf == ""
		}
	}
	undo := b.mark()
	read()
	// the parts cannot exceed their whole: a source read from a sentence
	// before the one stating the revenue ("完成当年预算收支及医院事业收入
	// 3939.39万元") is no part of it where the sentence's own list ("本年收入
	// 合计3939.39万元。其中：…事业收入171.05万元") adds up; read again from
	// that sentence on, and keep the reading only when it fits
	if whole, ok := b.revenueWhole(of); ok && sourcesOver(rev.Sources, whole) {
		if from, ok := b.lineStart(b.doc.Provenance[of].Line); ok {
			first, firstRead := b.sourceTokens(), b.sourcesRead()
			undo()
			b.after = from
			read()
			b.after = 0
			if sourcesOver(rev.Sources, whole) {
				undo()
				read()
			} else {
				b.sourcesMisprinted(of, first)
				b.sourcesRestated(firstRead)
			}
		}
	}
	if len(rev.Sources) == 0 {
		if src, ok := b.allOneSource(); ok {
			rev.Sources = append(rev.Sources, src)
			top = top || src.PartOf == ""
		}
	}
	top = b.revenueSplit() || top
	b.fundOfAppropriations()
	b.fundsInBracket()
	if !top { // no 财政拨款 line: its parts stand on their own
		for i := range rev.Sources {
			rev.Sources[i].PartOf = ""
		}
	}
	b.yearFromSources()
	b.projectsCarriedOver()
}

// allOneSource reads the one source a budget's revenue total is said to be
// all of, right after its amount: "2016年收入预算约182.96万元,均为一般预算拨款。"
// (一般预算: the general budget's name before 2015). The source's amount is
// the total's.
func (b *builder) allOneSource() (schema.Named, bool) {
	st := b.st
	rev := b.doc.Revenue
	if rev.Total == nil || b.doc.Document.Kind != schema.KindBudget {
		return schema.Named{}, false
	}
	ti, ok := b.takenFor("/revenue/total")
	if !ok {
		return schema.Named{}, false
	}
	after, all := cutPrefixAny(strings.TrimLeft(st.s[st.toks[ti].end:st.sentenceEnd(st.toks[ti].end)], ",，"), []string{"均为", "全部为", "全部是", "全为"})
	if !all {
		return schema.Named{}, false
	}
	for _, src := range revenueSources {
		labels := append(slices.Clone(src.labels), src.name) // "均为财政拨款"
		if src.name == "一般公共预算" {
			labels = append(labels, "一般预算拨款")
		}
		for _, l := range labels {
			if rest, ok := strings.CutPrefix(after, l); ok && (rest == "" || startsWithAny(rest, []string{"。", "，", ",", "；", ";"})) {
				path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources)) + "/amount"
				b.doc.Provenance[path] = st.source(st.toks[ti].end)
				return schema.Named{Name: src.name, Amount: *rev.Total, PartOf: src.partOf}, true
			}
		}
	}
	return schema.Named{}, false
}

// sourcesOnLines adds up the revenue sources read, each no part of another
// source read, where every one stands on a line from first to last: their
// sum and the rounding of their figures; not ok where one stands elsewhere.
func (b *builder) sourcesOnLines(first, last int) (sum, tol schema.Money, ok bool) {
	rev := b.doc.Revenue
	top := topSources(rev.Sources)
	for i, s := range rev.Sources {
		path := "/revenue/sources/" + strconv.Itoa(i) + "/amount"
		if l := b.doc.Provenance[path].Line; l < first || l > last {
			return 0, 0, false
		}
		if top[i] {
			sum += s.Amount
			if k, ok := b.tokenOf(path, s.Amount); ok {
				tol += b.st.toks[k].rounding()
			}
		}
	}
	return sum, tol, true
}

// projectsCarriedOver reads the carried-over revenue a text names for the
// projects alone ("…其他收入1.43万元,年初项目支出结转和结余16.5万元") as
// the carried-over revenue where it is listed with the sources read, on
// their line, and with them makes the revenue's total: nothing else was
// carried over.
func (b *builder) projectsCarriedOver() {
	st := b.st
	rev := b.doc.Revenue
	if rev.CarriedOver != nil || rev.Total == nil || len(rev.Sources) == 0 {
		return
	}
	for _, l := range []string{"年初项目支出结转和结余", "年初项目结转和结余"} {
		for _, end := range b.find(l) {
			ti, ok := b.valueAfter(end, 2)
			if !ok || b.used[ti] || b.otherYear(end-len(l)) {
				continue
			}
			line := st.source(st.toks[ti].start).Line
			sum, tol, ok := b.sourcesOnLines(line, line)
			sum, tol = sum+st.toks[ti].money(), tol+st.toks[ti].rounding()
			if d := sum - *rev.Total; ok && d <= tol && d >= -tol {
				rev.CarriedOver = b.take("/revenue/carried_over", ti)
				return
			}
		}
	}
}

// underAppropriationHeading tells an offset in the first sentence of a
// line headed by the appropriations' name and a colon, the paragraph of
// that source in a list of the revenue's ("公共预算拨款:根据…文件通知,某大学
// 2016年部门预算财政拨款18777.83万元,…" / "事业收入:…" / "其他收入:…"): a
// bare 财政拨款 there is the heading's source.
func (b *builder) underAppropriationHeading(start int) bool {
	_, ok := b.appropriationHeading(start)
	return ok
}

// appropriationHeading is the heading underAppropriationHeading finds over
// offset start: "财政拨款", or "一般公共预算" where it names the general
// budget's (公共预算拨款:, 一般公共预算拨款:, 公共财政拨款:) — the source the
// bare 财政拨款 under it is.
func (b *builder) appropriationHeading(start int) (string, bool) {
	from, ok := b.lineStart(b.st.source(start).Line)
	if !ok {
		return "", false
	}
	head := strings.TrimLeft(b.st.s[from:start], " 　")
	for _, l := range []string{"一般公共预算拨款", "公共预算拨款", "公共财政拨款", "财政拨款"} {
		if rest, ok := strings.CutPrefix(head, l); ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")) && !strings.ContainsAny(rest, "。；;") {
			if l == "财政拨款" {
				return l, true
			}
			return "一般公共预算", true
		}
	}
	return "", false
}

// firstOfRevenueList tells a label at start that is the first item of a
// numbered list right after a statement of the revenue ending in 其中 —
// "一、某局2010年部门预算收入总计23,013.61万元,其中:" / "1.财政拨款16,730.85万元,
// 指中央财政当年拨付的一般预算资金。" / "2.事业收入…": the list is the revenue's
// sources, and a bare 财政拨款 opening it is one. Only the first item: what
// stands between the heading and a later item is not read here.
func (b *builder) firstOfRevenueList(start int) bool {
	st := b.st
	head := strings.TrimRight(st.s[:start], " 　\n")
	m := ""
	for _, mark := range []string{"1.", "1．", "1、", "(1)", "（1）"} {
		if strings.HasSuffix(head, mark) {
			m = mark
			break
		}
	}
	if m == "" {
		return false
	}
	head = strings.TrimRight(strings.TrimSuffix(head, m), " 　\n")
	for _, colon := range []string{"其中:", "其中：", "其中"} {
		if h, ok := strings.CutSuffix(head, colon); ok {
			h = strings.TrimRight(h, ",，")
			clause := h[max(st.lastStop(len(h)-1)+1, 0):]
			// the revenue's amount ends its clause
			ti := st.tokenAt(len(h)) - 1
			return ti >= 0 && st.toks[ti].kind == numMoney && st.toks[ti].start > len(h)-len(clause) && len(strings.TrimSpace(h[st.toks[ti].end:])) <= len("万元") &&
				strings.Contains(clause, "收入") && !strings.Contains(clause, "支出")
		}
	}
	return false
}

// revenueShareAfter tells a label ending at end whose amount's clause
// states its share of the year's revenue ("1、财政拨款3961.45万元(含基本
// 建设经费1000万元),占本年度收入96.87%"): a part of the revenue, a source.
// revenueListOpening tells a label at start that is the first item of the
// list 其中 opens right after a statement of the revenue ("2011年一般预算收入
// 41804.41万元,其中:财政拨款35260.1万元,其他收入613万元", "收入预算57860.38万元,
// 其中:当年财政拨款43308.67万元"): the revenue's parts, its sources. The
// clause before 其中 names the revenue (收入) and not the spending.
func (b *builder) revenueListOpening(start int) bool {
	s := b.st.s
	head, opened := cutSuffixAny(strings.TrimSuffix(strings.TrimRight(s[b.st.sentenceStart(start):start], " "), "当年"), []string{"其中:", "其中：", "其中,", "其中，"})
	if !opened {
		return false
	}
	if k := strings.LastIndexAny(head, "\n;；"); k >= 0 {
		_, n := utf8.DecodeRuneInString(head[k:])
		head = head[k+n:]
	}
	return strings.Contains(head, "收入") && !strings.Contains(head, "支出")
}

func (b *builder) revenueShareAfter(end int) bool {
	st := b.st
	ti, ok := b.valueAfter(end, 2)
	if !ok {
		return false
	}
	clause := st.s[st.toks[ti].end:st.clauseEnd(st.toks[ti].end)]
	if k := strings.IndexAny(clause, ",，"); k >= 0 {
		clause = strings.TrimLeft(clause[k:], ",，")
	}
	return startsWithAny(clause, []string{"占本年度收入", "占本年收入", "占收入"})
}

// unitMisprinted tells a figure read at path (amount) that the text
// restates with the same digits in another unit ("其他收入3,441.56元" and
// "其他收入:…预算数为3,441.56万元"): one of the two units is misprinted, and
// which the figures alone do not tell, so the figure is left out, with a
// warning naming both, and the restatement's claim with it.
func (b *builder) unitMisprinted(path string, amount schema.Money) bool {
	k := slices.IndexFunc(b.doc.Claims, func(c schema.Claim) bool {
		a := amount.Float()
		return c.Path == path && c.Kind == schema.ClaimAmount && a != 0 && (math.Abs(c.Value-a*10000) < 0.005 || math.Abs(c.Value*10000-a) < 0.005)
	})
	if k < 0 {
		return false
	}
	c, src := b.doc.Claims[k], b.doc.Provenance[path+"/amount"]
	b.doc.Claims = slices.DeleteFunc(b.doc.Claims, func(c schema.Claim) bool { return c.Path == path })
	delete(b.doc.Provenance, path+"/amount")
	b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
		Reason: fmt.Sprintf("left out: stated with the same digits in two units (%s元; line %d: %s元), one of them misprinted", amount, c.Line, schema.Money(math.Round(c.Value*100)))})
	return true
}

// yearFromSources reads the revenue a text names 总收入 alone ("2016年度
// 总收入27,664.71万元，其中：财政拨款收入9,787.85万元，…") where no total
// was read: when every source read stands on its line and they add up to it
// within the rounding of every figure (each printed to its last digit),
// it is the year's own revenue (what is carried over is none of them), and
// the shares the sources state are of it. Where one figure's misprint,
// changed back, would make them add up, the list is the whole's and the
// misprint the finding: nothing more is read, and the whole and its
// sources are kept as a sum claim (check rule sum.text).
func (b *builder) yearFromSources() {
	rev := b.doc.Revenue
	if rev.Total != nil || rev.CurrentYear != nil || len(rev.Sources) == 0 {
		return
	}
	var ends []int
	for _, l := range []string{"总收入", "决算收入"} {
		for _, end := range b.find(l) {
			if !b.otherYear(end - len(l)) {
				ends = append(ends, end)
			}
		}
	}
	slices.Sort(ends)
	misprinted := -1 // the first whole whose sources one misprint keeps from adding up to it
	defer func() {
		if misprinted >= 0 && rev.Total == nil && rev.CurrentYear == nil {
			b.sumClaims("/sources", misprinted, b.sourceTokens())
		}
	}()
	for _, end := range ends {
		ti, ok := b.valueAfter(end, 4)
		if !ok || b.used[ti] {
			continue
		}
		line := b.st.source(b.st.toks[ti].start).Line
		// its sources listed on its line, or on the lines right after a
		// sentence that ends in 其中 ("决算收入4089.45万元,来源有3部分:…。其中:"
		// / "1、财政拨款3961.45万元…" / "2、事业收入118万元…")
		last := line
		if stop := b.st.sentenceEnd(b.st.toks[ti].end); strings.HasPrefix(strings.TrimLeft(b.st.s[stop:], "。 "), "其中") {
			last = line + 12
		}
		sum, tol, ok := b.sourcesOnLines(line, last)
		tol += b.st.toks[ti].rounding()
		if d := sum - b.st.toks[ti].money(); ok && d <= tol && d >= -tol && len(rev.Sources) >= 2 {
			rev.CurrentYear = b.take("/revenue/current_year", ti)
			// the shares the sources state (占本年度收入2.89%) were read
			// before their whole, of the total: they are this one's
			for i, c := range b.doc.Claims {
				if c.Kind == schema.ClaimSharePct && c.Of == "/revenue/total" && strings.HasPrefix(c.Path, "/revenue/sources/") {
					b.doc.Claims[i].Of = "/revenue/current_year"
				}
			}
			return
		}
		// … where they do not, but would with one figure's misprint changed
		// back (a digit, a decimal point, two figures in each other's
		// places), the list is the whole's and the misprint is the finding:
		// the whole is not read (which figure is wrong is not known), the
		// whole and its sources are kept as a sum claim (check rule sum.text)
		if parts := b.sourceTokens(); ok && misprinted < 0 && len(parts) >= 2 && b.misprintedSum(ti, parts) {
			misprinted = ti
		}
		// … with what was carried over and the reserve drawn to balance it,
		// stated on its line too, it is the whole ("总收入153,667万元，其中：
		// 财政预算内拨款(补助)收入…，财政专户拨款…，用事业基金弥补收支差额465万元，
		// 上年结余、结转54万元")
		if rev.CarriedOver == nil || !ok || b.doc.Provenance["/revenue/carried_over"].Line != line {
			continue
		}
		sum += *rev.CarriedOver
		if k, ok := b.tokenOf("/revenue/carried_over", *rev.CarriedOver); ok {
			tol += b.st.toks[k].rounding()
		}
		// … and the special account's (财政专户拨款), a source where the list
		// adds up (as revenueSplit reads it)
		extra := map[string]int{}
		for _, l := range []string{"用事业基金弥补收支差额", "财政专户拨款"} {
			for _, end := range b.find(l) {
				if k, ok := b.valueAfter(end, 2); ok && !b.used[k] && b.st.source(b.st.toks[k].start).Line == line {
					sum, tol = sum+b.st.toks[k].money(), tol+b.st.toks[k].rounding()
					extra[l] = k
				}
			}
		}
		if d := sum - b.st.toks[ti].money(); d <= tol && d >= -tol {
			rev.Total = b.take("/revenue/total", ti)
			if k, ok := extra["用事业基金弥补收支差额"]; ok {
				b.used[k] = true
			}
			if k, ok := extra["财政专户拨款"]; ok {
				path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources))
				rev.Sources = append(rev.Sources, schema.Named{Name: "财政专户管理资金", Amount: *b.take(path+"/amount", k)})
			}
			return
		}
	}
}

// yearFromUses reads the spending a text names 总支出 alone ("2017年总支出
// 7778.55万元，其中项目支出683.20万元，基本支出7095.35万元") where no total
// was read: when the basic and project expenditure read are both printed in
// its sentence after it and add up to it within the rounding of every
// figure, it is the year's own spending (what is carried forward is
// neither); where one figure's misprint, changed back, would make them add
// up, the three are a sum claim (check rule sum.text).
func (b *builder) yearFromUses() {
	exp := b.doc.Expenditure
	if exp.Total != nil || exp.CurrentYear != nil || exp.Basic == nil || exp.Project == nil {
		return
	}
	st := b.st
	for _, end := range b.find("总支出") {
		ti, ok := b.valueAfter(end, 4)
		if !ok || b.used[ti] || b.otherYear(end-len("总支出")) {
			continue
		}
		whole, stop := st.toks[ti], st.sentenceEnd(st.toks[ti].end)
		sum, tol := schema.Money(0), whole.rounding()
		var parts []int
		for _, part := range []schema.Money{exp.Basic.Amount, exp.Project.Amount} {
			k := slices.IndexFunc(st.toks[ti+1:], func(t token) bool { return t.start >= stop || t.kind == numMoney && t.money() == part })
			if k < 0 || st.toks[ti+1+k].start >= stop {
				sum = -1
				break
			}
			sum, tol, parts = sum+part, tol+st.toks[ti+1+k].rounding(), append(parts, ti+1+k)
		}
		if d := sum - whole.money(); sum >= 0 && d <= tol && d >= -tol {
			exp.CurrentYear = b.take("/expenditure/current_year", ti)
			return
		}
		// … where they would with one figure's misprint changed back, the
		// three are kept as a sum claim (check rule sum.text), none read
		if sum >= 0 && b.misprintedSum(ti, parts) {
			b.sumClaims("/uses", ti, parts)
			return
		}
	}
}

// sourceTokens are the tokens of the sources read that are no part of
// another source read, nil where one is not found on its line.
func (b *builder) sourceTokens() []int {
	top := topSources(b.doc.Revenue.Sources)
	var out []int
	for i, s := range b.doc.Revenue.Sources {
		if !top[i] {
			continue
		}
		ti, ok := b.tokenOf("/revenue/sources/"+strconv.Itoa(i)+"/amount", s.Amount)
		if !ok {
			return nil
		}
		out = append(out, ti)
	}
	return out
}

// tokenOf is the token taken for the figure at path, of amount m: the
// one on its provenance's line.
func (b *builder) tokenOf(path string, m schema.Money) (int, bool) {
	src, ok := b.doc.Provenance[path]
	if !ok {
		return 0, false
	}
	for ti, t := range b.st.toks {
		if b.used[ti] && t.kind == numMoney && t.money() == m && b.st.source(t.start).Line == src.Line {
			return ti, true
		}
	}
	return 0, false
}

// sourceRead is a source a reading took: its name, whole and token.
type sourceRead struct {
	name, partOf string
	tok          int
}

// sourcesRead are the sources read, each with its token (those whose token
// is not found left out).
func (b *builder) sourcesRead() []sourceRead {
	var out []sourceRead
	for i, s := range b.doc.Revenue.Sources {
		if ti, ok := b.tokenOf("/revenue/sources/"+strconv.Itoa(i)+"/amount", s.Amount); ok {
			out = append(out, sourceRead{s.Name, s.PartOf, ti})
		}
	}
	return out
}

// sourcesRestated compares the sources a first reading took (first) from a
// sentence before the revenue's, dropped for adding up to more than it,
// with those read from the revenue's sentence on: where two of them or more
// state the same amounts and one states another, the first list is the
// same list printed twice ("年度收入为33609.06万元,其中财政拨款收入23039.32万元,
// 事业收入…" over "1.财政拨款收入23039.32万元,占总收入的68.6%" / "2.事业收入…"),
// and its odd amount a restatement of the source that differs: an amount
// claim on it (check rule restate.amount).
func (b *builder) sourcesRestated(first []sourceRead) {
	rev := b.doc.Revenue
	second := map[int]bool{} // the tokens read again: no second printing
	for i, s := range rev.Sources {
		if ti, ok := b.tokenOf("/revenue/sources/"+strconv.Itoa(i)+"/amount", s.Amount); ok {
			second[ti] = true
		}
	}
	same, odd, oddTok := 0, -1, -1
	for _, f := range first {
		j := slices.IndexFunc(rev.Sources, func(s schema.Named) bool { return s.Name == f.name && s.PartOf == f.partOf })
		switch {
		case j < 0 || second[f.tok]:
		case b.st.toks[f.tok].money() == rev.Sources[j].Amount:
			same++
		case odd >= 0 || b.used[f.tok]:
			return // two amounts that differ, or one read as another figure
		default:
			odd, oddTok = j, f.tok
		}
	}
	if same >= 2 && odd >= 0 {
		b.claim("/revenue/sources/"+strconv.Itoa(odd), schema.ClaimAmount, oddTok, b.st.toks[oddTok].money().Float(), "")
	}
}

// sourcesMisprinted keeps the sources a first reading took (tokens parts)
// and the reading from the revenue's sentence on dropped, as a sum claim
// on the revenue (path of): where one misprint of one figure, changed
// back, makes them add up to it ("收入预算总计21,955.35万元。包括：1．财政
// 拨款收入预算总计219,409.6万元…2．其他资金收入预算总计14.39万元", the
// 21,940.96 misprinted), the list was the revenue's and the misprint is
// the finding, not a source before the revenue's sentence.
func (b *builder) sourcesMisprinted(of string, parts []int) {
	whole, ok := b.revenueWhole(of)
	if !ok || len(parts) < 2 || !slices.ContainsFunc(parts, func(k int) bool { return !b.used[k] }) {
		return
	}
	// the whole as stated last before its parts, or where the model took it
	wt, ok := b.tokenOf(of, whole)
	for k := slices.Min(parts) - 1; k >= 0; k-- {
		if t := b.st.toks[k]; t.kind == numMoney && t.money() == whole {
			wt, ok = k, true
			break
		}
	}
	if ok && b.misprintedSum(wt, parts) {
		b.sumClaims("/sources", wt, parts)
	}
}

// misprintedSum tells parts (tokens) that do not add up to a whole
// (token whole) the text states, beyond the rounding of every figure, and
// that one misprint of one figure, changed back, makes add up; each in the
// whole's unit.
func (b *builder) misprintedSum(whole int, parts []int) bool {
	vals, a, adds, ok := b.roundedSum(whole, parts)
	return ok && !adds(a) && (misprintAway(vals, adds) || shiftedAway(a, adds) || swappedAway(a, adds))
}

// roundedSum is a whole the text states (token whole) and its parts, their
// amounts (units), and the test that amounts in their places add up within
// half the last digit of every figure; ok false for a part in another unit
// (万 and 万元 are one).
func (b *builder) roundedSum(whole int, parts []int) (vals []token, a []int64, adds func([]int64) bool, ok bool) {
	vals = []token{b.st.toks[whole]}
	tol := scaleDown(5000, vals[0].scale) // half the last digit of every figure
	for _, k := range parts {
		t := b.st.toks[k]
		if moneyFactor(t.unit) != moneyFactor(vals[0].unit) {
			return nil, nil, nil, false
		}
		vals = append(vals, t)
		tol += scaleDown(5000, t.scale)
	}
	a = make([]int64, len(vals))
	for i, v := range vals {
		a[i] = units(v)
	}
	return vals, a, firstSumWithin(tol), true
}

// withinRounding tells parts (token indexes) that add up to a whole the
// text states within the rounding of every figure.
func (b *builder) withinRounding(whole int, parts []int) bool {
	_, a, adds, ok := b.roundedSum(whole, parts)
	return ok && adds(a)
}

// shiftedAway tells amounts (units) for which holds, false as printed, is
// true with one amount's decimal point moved back a place left
// ("219,409.6" for 21,940.96), a misprint misprintAway does not try.
func shiftedAway(a []int64, holds func([]int64) bool) bool {
	for i, was := range a {
		a[i] = was / 10
		ok := was%10 == 0 && holds(a)
		a[i] = was
		if ok {
			return true
		}
	}
	return false
}

// swappedAway tells amounts (units) for which holds, false as printed, is
// true with two of them exchanged back (two figures printed in each
// other's places), a misprint misprintAway does not try.
func swappedAway(a []int64, holds func([]int64) bool) bool {
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			if a[i] == a[j] {
				continue
			}
			a[i], a[j] = a[j], a[i]
			ok := holds(a)
			a[i], a[j] = a[j], a[i]
			if ok {
				return true
			}
		}
	}
	return false
}

// revenueWhole is the revenue figure at path (the total or the current
// year's), when read.
func (b *builder) revenueWhole(path string) (schema.Money, bool) {
	m := b.doc.Revenue.CurrentYear
	if path == "/revenue/total" {
		m = b.doc.Revenue.Total
	}
	if m == nil {
		return 0, false
	}
	return *m, true
}

// topSources tells each source read that is no part of another source
// read (一般公共预算 under 财政拨款, both read: only the whole is summed).
func topSources(srcs []schema.Named) []bool {
	read := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		read[s.Name] = true
	}
	top := make([]bool, len(srcs))
	for i, s := range srcs {
		top[i] = s.PartOf == "" || !read[s.PartOf]
	}
	return top
}

// sourcesOver tells sources that add up to more than their whole by more
// than rounding explains: the sources that are no part of another source
// read, beyond 1% of the whole or half a 万元 each, whichever is more.
func sourcesOver(srcs []schema.Named, whole schema.Money) bool {
	top := topSources(srcs)
	var sum schema.Money
	n := 0
	for i, s := range srcs {
		if top[i] {
			sum += s.Amount
			n++
		}
	}
	tol := max(whole/100, schema.Yuan(5000)*schema.Money(n))
	return n > 1 && sum > whole+tol
}

// lineStart is the offset in the stream where source line n begins.
func (b *builder) lineStart(n int) (int, bool) {
	for i, l := range b.st.lines {
		if l == n {
			return b.st.starts[i], true
		}
	}
	return 0, false
}

// mark records what figure changes of the model (provenance, claims, the
// tokens used, the sources and budgeted figures read) and returns the undo
// that puts it back: a reading tried and found not to fit leaves no trace.
func (b *builder) mark() func() {
	prov := maps.Clone(b.doc.Provenance)
	claims := len(b.doc.Claims)
	used := slices.Clone(b.used)
	budgeted := maps.Clone(b.budgeted)
	srcs := len(b.doc.Revenue.Sources)
	return func() {
		b.doc.Provenance = maps.Clone(prov)
		b.doc.Claims = b.doc.Claims[:claims]
		copy(b.used, used)
		b.budgeted = maps.Clone(budgeted)
		b.doc.Revenue.Sources = b.doc.Revenue.Sources[:srcs]
	}
}

// inProcurement tells a label in a sentence about the government
// procurement, whose funds ("按政府采购资金类型划分，一般公共预算拨款1.7万元，
// 上年结转结余资金0万元") are the purchases', not the revenue's.
func (b *builder) inProcurement(start int) bool {
	from := runeStart(b.st.s, max(0, start-600)) // a sentence's length at most
	if k := strings.LastIndex(b.st.s[from:start], "。"); k >= 0 {
		from += k + len("。")
	}
	return strings.Contains(b.st.s[from:start], "采购")
}

// revenueSplit reads what a budget lists of its revenue in one sentence
// beside the sources the labels above read: "收入预算为1290.90万元，其中：
// 一般公共预算拨款1140.03万元，基金预算财政拨款0万元,财政专户拨款0万元,
// 财政代管资金拨款0万元，单位其他收入0万元,单位结余结转资金150.87万元" —
// 基金预算财政拨款 the 政府性基金 appropriations, 财政专户拨款 the 财政专户
// 管理资金, 单位结余结转资金 what is carried over. Each is read where it is
// printed, and only when every amount of the list has its label and they
// add up to the total the sentence states, which is the revenue total (the
// guard that the reading is right). It tells whether it added a source
// that is no part of 财政拨款.
func (b *builder) revenueSplit() bool {
	st := b.st
	rev := b.doc.Revenue
	if rev.Total == nil {
		return false
	}
	for _, end := range b.find("收入预算") {
		xt, ok := b.valueAfter(end, 2)
		if !ok || st.toks[xt].money() != *rev.Total {
			continue
		}
		from := st.toks[xt].end
		rest := strings.TrimLeft(st.s[from:], ",，:：;； ")
		if !strings.HasPrefix(rest, "其中") {
			continue
		}
		from = len(st.s) - len(rest) + len("其中")
		stop := st.sentenceEnd(from)
		var parts []splitPart
		var sum schema.Money
		at := from
		for ti := st.tokenAt(from); ti < len(st.toks) && st.toks[ti].start < stop; ti++ {
			t := st.toks[ti]
			label := strings.Trim(st.s[at:t.start], ",，:：;；、 ")
			if t.kind != numMoney || label == "" || strings.ContainsAny(label, ",，;；、0123456789") {
				parts = nil
				break
			}
			parts = append(parts, splitPart{label, ti})
			sum += t.money()
			at = t.end
			// its share of the whole after it: "公共预算拨款28,572.55万元,占预算总收入的55.77%;"
			if ti+1 < len(st.toks) && st.toks[ti+1].kind == numPct && st.toks[ti+1].start < stop {
				if share := strings.TrimLeft(st.s[at:st.toks[ti+1].start], ",， "); strings.HasPrefix(share, "占") && !strings.ContainsAny(share, "0123456789,，;；、") {
					ti++
					at = st.toks[ti].end
				}
			}
		}
		if len(parts) < 2 || sum != *rev.Total && !b.sourcesByLabel(parts) {
			continue
		}
		added := false
		has := func(name string) bool {
			for _, s := range rev.Sources {
				if s.Name == name {
					return true
				}
			}
			return false
		}
		for _, p := range parts {
			switch {
			case p.label == "单位结余结转资金" && rev.CarriedOver == nil:
				rev.CarriedOver = b.take("/revenue/carried_over", p.tok)
			case p.label == "基金预算财政拨款" && !has("政府性基金"):
				path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources)) + "/amount"
				rev.Sources = append(rev.Sources, schema.Named{Name: "政府性基金", Amount: *b.take(path, p.tok), PartOf: "财政拨款"})
			case p.label == "财政专户拨款" && !has("财政专户管理资金"):
				path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources)) + "/amount"
				rev.Sources = append(rev.Sources, schema.Named{Name: "财政专户管理资金", Amount: *b.take(path, p.tok)})
				b.shareAfter(strings.TrimSuffix(path, "/amount"), "/revenue/total", p.tok)
				added = true
			}
		}
		return added
	}
	return false
}

// splitPart is one labelled amount of revenueSplit's list.
type splitPart struct {
	label string
	tok   int
}

// sourcesByLabel tells a list of the revenue's parts each of which is a
// source by its label: one the labels of revenueSources read from that
// very amount, or 财政专户拨款 or 基金预算财政拨款. Such a list is the
// sources whether or not they add up to the total (sum.revenue_sources
// says when they do not); one with what is carried over, or a part no
// label names, is no such list.
func (b *builder) sourcesByLabel(parts []splitPart) bool {
	for _, p := range parts {
		if p.label != "财政专户拨款" && p.label != "基金预算财政拨款" && !strings.HasPrefix(b.amountOf[p.tok], "/revenue/sources/") {
			return false
		}
	}
	return true
}

// fundOfAppropriations reads the 政府性基金 part a final accounts states of
// its 财政拨款 revenue: "1. 财政拨款收入 3358.32 万元，其中政府性基金 21万元".
func (b *builder) fundOfAppropriations() {
	st := b.st
	rev := b.doc.Revenue
	whole := -1
	for i, s := range rev.Sources {
		if s.Name == "政府性基金" {
			return
		}
		if s.Name == "财政拨款" {
			whole = i
		}
	}
	if whole < 0 {
		return
	}
	src := b.doc.Provenance["/revenue/sources/"+strconv.Itoa(whole)+"/amount"]
	for _, end := range b.find("政府性基金") {
		head := strings.TrimRight(st.s[:end-len("政府性基金")], ",，:：、 ")
		if !strings.HasSuffix(head, "其中") {
			continue
		}
		head = strings.TrimRight(strings.TrimSuffix(head, "其中"), ",，;；:： ")
		wt := st.tokenAt(len(head)) - 1
		ti, ok := b.valueAfter(end, 2)
		if !ok || wt < 0 || st.toks[wt].end != len(head) || st.toks[wt].money() != rev.Sources[whole].Amount ||
			st.source(st.toks[wt].start).Line != src.Line {
			continue
		}
		path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources)) + "/amount"
		rev.Sources = append(rev.Sources, schema.Named{Name: "政府性基金", Amount: *b.take(path, ti), PartOf: "财政拨款"})
		return
	}
}

// bracketFunds are the funds an appropriation's bracket names bare, and the
// source each is.
var bracketFunds = []struct{ label, name string }{
	{"一般公共预算", "一般公共预算"}, {"政府性基金预算", "政府性基金"}, {"国有资本经营预算", "国有资本经营"},
}

// fundsInBracket reads the appropriations split by fund in a bracket right
// after their amount, the funds named bare ("财政拨款收入4,436.33万元(其中,
// 一般公共预算3,999.53万元,政府性基金预算436.80万元)", Zhejiang's 决算):
// each fund's amount a source, part of 财政拨款, only where they add up to
// it and no fund's source is read otherwise.
func (b *builder) fundsInBracket() {
	st := b.st
	rev := b.doc.Revenue
	whole := slices.IndexFunc(rev.Sources, func(n schema.Named) bool { return n.Name == "财政拨款" })
	if whole < 0 || slices.ContainsFunc(rev.Sources, func(n schema.Named) bool { return n.PartOf == "财政拨款" }) {
		return
	}
	src := b.doc.Provenance["/revenue/sources/"+strconv.Itoa(whole)+"/amount"]
	for _, t := range st.toks {
		if t.kind != numMoney || t.money() != rev.Sources[whole].Amount || st.source(t.start).Line != src.Line {
			continue
		}
		rest := strings.TrimLeft(st.s[t.end:], " ")
		open, ok := strings.CutPrefix(rest, "(其中")
		if !ok {
			continue
		}
		at := len(st.s) - len(open)
		end := strings.Index(open, ")")
		if end < 0 {
			continue
		}
		var sum, tol schema.Money
		var got []int // the funds' tokens, in bracketFunds' order (-1: not named)
		for _, f := range bracketFunds {
			k := strings.Index(open[:end], f.label)
			ti, ok := -1, false
			if k >= 0 {
				if ti, ok = b.valueAfter(at+k+len(f.label), 0); !ok || b.used[ti] || st.toks[ti].start > at+end {
					ti = -1
				}
			}
			if ti >= 0 {
				sum += st.toks[ti].money()
				tol += st.toks[ti].rounding()
			}
			got = append(got, ti)
		}
		if n := slices.IndexFunc(got, func(ti int) bool { return ti >= 0 }); n < 0 || max(sum-t.money(), t.money()-sum) > tol+t.rounding() {
			continue
		}
		for i, ti := range got {
			if ti >= 0 {
				path := "/revenue/sources/" + strconv.Itoa(len(rev.Sources)) + "/amount"
				rev.Sources = append(rev.Sources, schema.Named{Name: bracketFunds[i].name, Amount: *b.take(path, ti), PartOf: "财政拨款"})
			}
		}
		return
	}
}

// figureShare is figure for a named amount, also reading a stated share.
func (b *builder) figureShare(path string, labels []string, maxGap int, of string, notAfter ...string) (*schema.Money, *schema.Money) {
	amount, prior := b.figure(path, "/amount", labels, maxGap, notAfter...)
	if amount != nil {
		// every statement of the amount may state its share; labels that end
		// inside one another ("因公出国(境)费", "出国(境)费") share a token
		seen := map[int]bool{}
		for _, l := range labels {
			for _, end := range b.find(l) {
				if ti, ok := b.valueAfter(end, maxGap); ok && b.st.toks[ti].money() == *amount {
					if !seen[ti] {
						b.shareAfter(path, of, ti)
					}
					seen[ti] = true
				}
			}
		}
	}
	return amount, prior
}

func (b *builder) basicProject() {
	not := []string{"财政拨款", "公共预算", "基金预算", "拨款"}
	exp := b.doc.Expenditure
	all := b.allAppropriations()
	saved := b.labelOK
	b.labelOK = func(l string, start int) bool {
		// "一般公共预算拨款支出800万元，其中：基本支出600万元": the
		// appropriations' split, not all funds'
		return (all || !b.ofAppropriations(start)) && !b.ofPart(start) && !b.pairedElsewhere(l, start) && (saved == nil || saved(l, start))
	}
	defer func() { b.labelOK = saved }()
	if a, p := b.figureWord("/expenditure/basic", "/amount", []string{"基本支出预算数为", "基本支出预算", "基本支出"}, 6, not...); a != nil {
		exp.Basic = b.newFigure("/expenditure/basic", a, p)
	} else if b.allAppropriations() {
		// every yuan is an appropriation: the appropriations' basic
		// expenditure is the basic expenditure ("财政拨款基本支出12213.05万元")
		if a, p := b.figure("/expenditure/basic", "/amount", appropriationsBasic, 6); a != nil {
			exp.Basic = b.newFigure("/expenditure/basic", a, p)
		}
	}
	b.basicRestated()
	b.basicParts(basicSplit{exp.Basic, &exp.Personnel, &exp.PublicExpenses, "/expenditure/personnel", "/expenditure/public_expenses"})
	b.general(saved)
	b.basicStated()
	// 专项项目: the older templates' word for the projects ("部门专项项目预算74000.00元")
	if a, p := b.figureWord("/expenditure/project", "/amount", []string{"项目支出预算数为", "项目支出预算", "项目支出", "专项项目支出预算", "专项项目支出", "专项项目预算"}, 6, not...); a != nil {
		exp.Project = b.newFigure("/expenditure/project", a, p)
		b.projects()
	} else if a, p := b.appropriationsProject(); a != nil {
		exp.Project = b.newFigure("/expenditure/project", a, p)
	} else if ti, ok := b.bareProject(); ok {
		exp.Project = &schema.Figure{Amount: *b.take("/expenditure/project/amount", ti)}
	} else if at, ok := b.noProjects(); ok {
		exp.Project = b.zeroFigure("/expenditure/project", at)
	}
	b.splitUses()
	b.usesItems()
	b.yearFromUses()
	if a, p := b.figure("/expenditure/reserve", "/amount", []string{"单位预留机动经费"}, 8); a != nil {
		exp.Reserve = b.newFigure("/expenditure/reserve", a, p)
	}
	of := "/expenditure/total"
	if exp.CurrentYear != nil {
		of = "/expenditure/current_year"
	}
	for _, f := range []struct{ path, label string }{{"/expenditure/basic", "基本支出"}, {"/expenditure/project", "项目支出"}, {"/expenditure/reserve", "预留机动经费"}} {
		if src, ok := b.doc.Provenance[f.path+"/amount"]; ok {
			for _, end := range b.find(f.label) {
				if ti, ok := b.valueAfter(end, 6); ok && b.st.toks[ti].line == src.Line {
					b.shareAfter(f.path, of, ti)
				}
			}
		}
	}
}

// noProjects finds where the text says the department has no project
// spending ("项目支出：本年无项目预算", "本单位无项目支出"), not of one fund
// or of the 三公 alone ("政府性基金预算：无项目支出").
func (b *builder) noProjects() (int, bool) {
	st := b.st
	for _, w := range []string{"无项目预算", "无项目支出", "没有项目支出", "未安排项目支出"} {
		for _, end := range b.find(w) {
			start := end - len(w)
			from := 0
			if k := strings.LastIndexAny(st.s[:start], "。；;\n"); k >= 0 {
				from = k
			}
			if !containsAny(st.s[from:start], []string{"基金", "国有资本", "三公", "专户", "政府采购"}) {
				return start, true
			}
		}
	}
	return 0, false
}

// ofAppropriations tells a label listed after 其中 under a whole that is
// the appropriations' ("一般公共预算拨款支出800万元，其中：基本支出…"): the
// whole's own label, from the clause's start to its amount, names 拨款 or
// 公共预算.
func (b *builder) ofAppropriations(start int) bool {
	label, ti, ok := b.wholeLabel(start)
	// the whole taken as the spending's total is all funds' ("2012年公共预算
	// 支出18,510.28万元，其中，基本支出…": the central template's word for it)
	return ok && (strings.Contains(label, "拨款") || strings.Contains(label, "公共预算")) && b.amountOf[ti] != "/expenditure/total" && b.amountOf[ti] != "/expenditure/current_year"
}

// appropriationsItem tells a label at start listed after 其中 under the
// appropriations' whole: in its sentence (ofAppropriations), or in a
// sentence that opens with 其中 right after one stating the
// appropriations' spending ("一般公共预算财政拨款支出727.11万元，比2024年减少
// 67.02万元。其中：基本支出695.37万元…").
func (b *builder) appropriationsItem(start int) bool {
	if b.ofAppropriations(start) {
		return true
	}
	st := b.st
	from := st.sentenceStart(start)
	if from < len("。") || !strings.HasPrefix(strings.TrimLeft(st.s[from:start], " "), "其中") {
		return false
	}
	prev := st.s[st.sentenceStart(from-len("。")):from]
	return strings.Contains(prev, "拨款支出") || strings.Contains(prev, "公共预算支出")
}

// wholeLabel is the label of the whole a label at start is listed under
// after 其中 in its sentence: from the clause's start to the whole's
// amount ("一般公共预算拨款支出" in "一般公共预算拨款支出800万元，其中：基本
// 支出…"), and the whole's token.
func (b *builder) wholeLabel(start int) (string, int, bool) {
	st := b.st
	from := st.sentenceStart(start)
	k := strings.LastIndex(st.s[from:start], "其中")
	if k < 0 {
		return "", 0, false
	}
	ti := st.tokenAt(from+k) - 1
	if ti < 0 || st.toks[ti].start < from || st.toks[ti].kind != numMoney {
		return "", 0, false
	}
	label := st.s[from:st.toks[ti].start]
	for _, sep := range []string{"，", "；", ",", ";"} {
		if i := strings.LastIndex(label, sep); i >= 0 {
			label = label[i+len(sep):]
		}
	}
	return label, ti, true
}

// ofPart tells a label listed after 其中 under one part of the expenditure:
// a 类, 款 or 项 ("社会保障和就业支出（类）2.53万元，其中：基本支出2.53万元，
// 项目支出0万元", "卫生健康支出…") or a fund (政府性基金预算支出). Its split
// is the part's, not the document's; so is the split of a whole the
// model holds as no total that its 基本支出 and 项目支出 add up to ("机构运
// 行 1100910.5 元，其中：基本支出 1100910.5 元，项目支出 0元", a 项 of a
// PDF page).
func (b *builder) ofPart(start int) bool {
	label, whole, ok := b.wholeLabel(start)
	if !ok {
		return false
	}
	if b.splitOfOther(whole) {
		return true
	}
	if strings.Contains(label, "(类)") || strings.Contains(label, "(款)") || strings.Contains(label, "(项)") ||
		strings.Contains(label, "基金") || strings.Contains(label, "资本经营") {
		return true
	}
	// an item of a numbered list that names no total: a class by its name
	// alone ("按政府支出功能分类科目划分为: 1. 政府办公厅(室)及相关事务
	// 5,631万元,其中:基本支出3,931万元")
	item := label
	if k := strings.LastIndexAny(item, ":："); k >= 0 {
		item = item[k+1:]
	}
	// — its 项 numbered with a half bracket too: "1)行政运行1,826万元,其中:…"
	if item = strings.TrimSpace(item); (sentenceMarker(item) != "" || halfBracketItem.MatchString(item)) && !containsAny(item, []string{"支出", "收入", "预算", "合计", "总计", "总额", "经费", "资金"}) {
		return true
	}
	label = trimSuffixes(label, "预算数为", "预算为", "预算", "为")
	// the class's name ends the label: "(一)按功能分类划分卫生健康支出"
	if !strings.HasSuffix(label, "支出") {
		return false
	}
	for i := range label {
		if _, ok := schema.ClassByName(schema.SchemeFunctional, label[i:]); ok {
			return true
		}
	}
	return false
}

// splitOfOther tells a whole (token whole) whose sentence splits it into
// 基本支出 and 项目支出 (splitWhole) where the whole is none of the
// expenditure's totals the model holds, or, where it holds none, smaller
// than another whole so split: the largest is the document's.
func (b *builder) splitOfOther(whole int) bool {
	if !b.splitWhole(whole) {
		return false
	}
	w := b.st.toks[whole].money()
	if exp := b.doc.Expenditure; exp != nil && (exp.Total != nil || exp.CurrentYear != nil) {
		return !(exp.Total != nil && *exp.Total == w || exp.CurrentYear != nil && *exp.CurrentYear == w)
	}
	for _, end := range b.find("其中") {
		if o := b.st.tokenAt(end-len("其中")) - 1; o >= 0 && b.st.toks[o].kind == numMoney && b.st.toks[o].money() > w && b.splitWhole(o) {
			return true
		}
	}
	return false
}

// splitWhole tells an amount followed, in its sentence, by 其中 and
// 基本支出 and 项目支出 and no other amount, the two adding up to it.
func (b *builder) splitWhole(whole int) bool {
	st := b.st
	t := st.toks[whole]
	if !strings.HasPrefix(strings.TrimLeft(st.s[t.end:], ",，:： "), "其中") {
		return false
	}
	stop := st.sentenceEnd(t.end)
	var sum schema.Money
	n := 0
	for k := whole + 1; k < len(st.toks) && st.toks[k].start < stop; k++ {
		if st.toks[k].kind == numMoney {
			sum += st.toks[k].money()
			n++
		}
	}
	s := st.s[t.end:stop]
	return n == 2 && sum == t.money() && strings.Contains(s, "基本支出") && strings.Contains(s, "项目支出")
}

// trimSuffixes removes the first of words that ends s, if any.
func trimSuffixes(s string, words ...string) string {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return strings.TrimSuffix(s, w)
		}
	}
	return s
}

// pairedElsewhere tells a 项目支出 stated right after another basic
// expenditure than the document's ("…2.53万元，项目支出0万元" on a page
// that opens inside a 类's sentence): the pair is some part's split. An
// amount named as a part of basic expenditure or of the whole
// ("公用支出30万元，项目支出54万元") is no such pair.
func (b *builder) pairedElsewhere(l string, start int) bool {
	st := b.st
	exp := b.doc.Expenditure
	if !strings.HasPrefix(l, "项目支出") || exp.Basic == nil {
		return false
	}
	ti := st.tokenAt(start) - 1
	if ti < 0 || st.toks[ti].kind != numMoney {
		return false
	}
	if gap := strings.TrimSpace(st.s[st.toks[ti].end:start]); gap != "，" && gap != "," {
		return false
	}
	t := st.toks[ti]
	from := strings.LastIndexAny(st.s[:t.start], "。，,；;：:") + 1
	label := trimSuffixes(strings.TrimSpace(st.s[from:t.start]), "预算数为", "预算为", "预算", "为")
	// the amount is a basic expenditure: so named, or opening its line
	// with no name or comparison of its own before it (its name on the
	// page before); the same basic expenditure may be stated rounded
	basic := strings.HasSuffix(label, "基本支出") ||
		st.lineStart(t.start) && !containsAny(label, slices.Concat([]string{"支出", "经费", "比", "较", "同比"}, priorYearWords, upWords, downWords))
	d := t.money() - exp.Basic.Amount
	half := schema.Money(scaleDown(moneyFactor(t.unit)*100, t.scale) / 2) // the amount as rounded where written
	return basic && (d > half || d < -half)
}

// bareProject finds the project expenditure a sentence names 项目 alone
// right after the basic expenditure read, both after the whole they make
// ("2011年总支出6,198万元,基本支出4,453万元;项目1,745万元。"): only where
// the whole, the basic expenditure and 项目 follow one another, nothing but
// a break (and 其中) between, and the two add up to the whole.
func (b *builder) bareProject() (int, bool) {
	st := b.st
	basic := b.doc.Expenditure.Basic
	if basic == nil {
		return 0, false
	}
	for _, end := range b.find("基本支出") {
		start := end - len("基本支出")
		bt, ok := b.valueAfter(end, 2)
		wt := st.tokenAt(start) - 1
		if !ok || st.toks[bt].money() != basic.Amount || wt < 0 || st.toks[wt].kind != numMoney ||
			strings.Trim(st.s[st.toks[wt].end:start], ",，:其中") != "" {
			continue
		}
		rest := strings.TrimLeft(st.s[st.toks[bt].end:], "；;，,")
		if len(rest) == len(st.s)-st.toks[bt].end || !strings.HasPrefix(rest, "项目") {
			continue
		}
		pt, ok := b.valueAfter(len(st.s)-len(rest)+len("项目"), 0)
		if !ok || b.used[pt] || st.toks[wt].money() != basic.Amount+st.toks[pt].money() {
			continue
		}
		if after := st.s[st.toks[pt].end:]; after != "" && !startsWithAny(after, []string{"。", "；", ";"}) {
			continue
		}
		return pt, true
	}
	return 0, false
}

// appropriationsBasic name the appropriations' basic expenditure.
var appropriationsBasic = []string{"财政拨款基本支出", "一般公共预算拨款基本支出", "一般公共预算基本支出"}

// appropriationsProject reads, in a budget whose every yuan is an
// appropriation, the appropriations' project expenditure as the project
// expenditure ("一般公共预算项目支出123万元"), as appropriationsBasic the basic.
func (b *builder) appropriationsProject() (amount, prior *schema.Money) {
	if !b.allAppropriations() {
		return nil, nil
	}
	return b.figure("/expenditure/project", "/amount", []string{"财政拨款项目支出", "一般公共预算拨款项目支出", "一般公共预算项目支出"}, 6)
}

// basicRestated keeps, in a budget whose every yuan is an appropriation,
// each statement of the appropriations' basic expenditure that differs
// from the basic expenditure as an amount claim ("一般公共预算财政拨款基本
// 支出预算 21968 万元" after "基本支出预算数为 21968 万元").
func (b *builder) basicRestated() {
	exp := b.doc.Expenditure
	if exp.Basic == nil || !b.allAppropriations() {
		return
	}
	b.restatedAs("/expenditure/basic", appropriationsBasic, exp.Basic.Amount)
}

// restatedAs keeps each statement after one of labels (of the document's
// year) whose amount differs from amount as an amount claim on path, and
// returns their tokens.
func (b *builder) restatedAs(path string, labels []string, amount schema.Money) []int {
	var kept []int
	for _, l := range labels {
		for _, end := range b.find(l) {
			if b.otherYear(end - len(l)) {
				continue
			}
			ti, ok := b.valueAfter(end, 6)
			if !ok || b.used[ti] || b.st.toks[ti].money() == amount {
				continue
			}
			b.claim(path, schema.ClaimAmount, ti, b.st.toks[ti].money().Float(), "")
			kept = append(kept, ti)
		}
	}
	return kept
}

// totalRestated keeps, in a budget whose every yuan is a general-budget
// appropriation, each statement of the general budget's expenditure that
// differs from the expenditure total as an amount claim ("收入预算为357.68
// 万元，其中：一般公共预算拨款357.68万元。…一般公共预算拨款支出357.68万元"):
// the two are one figure.
func (b *builder) totalRestated() {
	exp, rev := b.doc.Expenditure, b.doc.Revenue
	if exp == nil || exp.Total == nil || rev == nil || rev.Total == nil || *rev.Total != *exp.Total || b.doc.Document.Kind != schema.KindBudget {
		return
	}
	noFunds := (b.doc.GovernmentFund == nil || b.doc.GovernmentFund.Amount == 0) && (b.doc.StateCapital == nil || b.doc.StateCapital.Amount == 0)
	general := false
	for _, s := range rev.Sources {
		general = general || s.Amount == *rev.Total && (s.Name == "一般公共预算" || s.Name == "财政拨款" && noFunds)
	}
	if !general {
		return
	}
	for _, ti := range b.restatedAs("/expenditure", []string{"一般公共预算拨款支出", "一般公共预算财政拨款支出", "一般公共预算支出"}, *exp.Total) {
		b.keepOwnChange(ti)
	}
}

// allAppropriations tells a budget whose revenue is all appropriations: a
// 财政拨款 (or, without one, 一般公共预算) source equal to the total, the
// other sources zero.
func (b *builder) allAppropriations() bool {
	rev := b.doc.Revenue
	if rev == nil || rev.Total == nil || b.doc.Document.Kind != schema.KindBudget {
		return false
	}
	for _, name := range []string{"财政拨款", "一般公共预算"} {
		for _, s := range rev.Sources {
			if s.Name == name && s.Amount == *rev.Total {
				return true
			}
		}
	}
	return false
}

// appropriationsScoped drops the amount claims on the document's basic and
// project expenditure stated in a section of the appropriations' spending
// ("四、一般公共预算财政拨款支出决算情况说明 … 1.基本支出1656.48万元") where the
// appropriations are not all the money spent: their 财政拨款 (or 一般公共
// 预算) source falls short of the year's expenditure — or, that not read,
// of the sources' sum — beyond the rounding of 0.01 万元. Such a statement
// is the appropriations' split, another figure than the document's.
func (b *builder) appropriationsScoped(flat []string) {
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	var fiscal *schema.Money
	var sum schema.Money
	for i, s := range rev.Sources {
		if fiscal == nil && (s.Name == "财政拨款" || s.Name == "一般公共预算" && s.PartOf == "") {
			fiscal = &rev.Sources[i].Amount
		}
		if s.PartOf == "" {
			sum += s.Amount
		}
	}
	whole := sum
	if y := cmp.Or(exp.CurrentYear, exp.Total); y != nil {
		whole = *y
	}
	if fiscal == nil || whole-*fiscal <= schema.Yuan(100) {
		return
	}
	b.doc.Claims = slices.DeleteFunc(b.doc.Claims, func(c schema.Claim) bool {
		return c.Kind == schema.ClaimAmount && (c.Path == "/expenditure/basic" || c.Path == "/expenditure/project") && appropriationsSection(flat, c.Line)
	})
}

// appropriationsSection tells a 1-based line within a section (一、…)
// whose heading speaks of the appropriations' spending (一般公共预算 or
// 财政拨款 支出; not the 三公's, nor a fund's).
func appropriationsSection(flat []string, line int) bool {
	h := sectionHeading(flat, line)
	return (strings.Contains(h, "一般公共预算") || strings.Contains(h, "财政拨款")) && strings.Contains(h, "支出") &&
		!strings.Contains(h, "三公") && !strings.Contains(h, "政府性基金") && !strings.Contains(h, "国有资本")
}

// basicSplit is a basic expenditure and where its two parts go: all
// funds' (Basic, Personnel, PublicExpenses) or the general budget
// appropriations' (GeneralBasic, …).
type basicSplit struct {
	whole                     *schema.Figure
	personnel, public         **schema.Figure
	personnelPath, publicPath string
}

// basicParts reads 人员经费 and 公用经费 where they follow a statement of
// the basic expenditure ("基本支出2336.91万元。其中：人员经费2152.26万元，
// …；公用经费184.65万元"). The statement may be of another basic
// expenditure (the appropriations' only, 财政拨款基本支出, where the whole is
// all funds'), so the parts are kept only when its amount is the whole's.
func (b *builder) basicParts(sp basicSplit) {
	st := b.st
	if sp.whole == nil {
		return
	}
	for _, end := range b.find("基本支出") {
		ti, ok := b.valueAfter(end, 8)
		if !ok || st.toks[ti].money() != sp.whole.Amount {
			continue
		}
		from := st.toks[ti].end
		stop := min(len(st.s), from+600)
		stop = nextBasic(st.s, from, stop) // the next statement of it
		pt, ok1 := b.labelIn(from, stop, []string{"人员经费"})
		ct, ok2 := b.labelIn(from, stop, []string{"公用经费"})
		if !ok1 || !ok2 {
			// "其中，人员支出2494.47万元，公用支出147.58万元": kept when they
			// make the basic expenditure (a third part, 对个人和家庭的补助,
			// would belong to 人员经费)
			pt, ok1 = b.labelIn(from, stop, []string{"人员支出"})
			ct, ok2 = b.labelIn(from, stop, []string{"公用支出"})
			if ok1 && ok2 && st.toks[pt].money()+st.toks[ct].money() != sp.whole.Amount {
				continue
			}
		}
		if !ok1 || !ok2 {
			// the parts named by their economic classes ("日常支出2638.2万元，
			// 包括基本工资、津贴补贴等工资福利支出…；…日常公用经费110.56万元
			// (商品和服务支出)"): kept when the two make the basic expenditure;
			// where one misprint of one of the three, changed back, makes
			// them add up, the statement is theirs and the misprint is a
			// finding (sum claims)
			pt, ok1 = b.wagesIn(from, stop)
			ct, ok2 = b.labelIn(from, stop, []string{"公用经费", "商品和服务支出"})
			if ok1 && ok2 && st.toks[pt].money()+st.toks[ct].money() != sp.whole.Amount {
				if b.publicBeside(sp, pt, ct) {
					continue
				}
				if ti < pt && pt < ct && b.misprintedSum(ti, []int{pt, ct}) {
					b.sumClaims("/basic", ti, []int{pt, ct})
				}
				continue
			}
		}
		if !ok1 || !ok2 || pt > ct || b.thirdPart(ct, stop) {
			continue
		}
		if *sp.personnel == nil && *sp.public == nil {
			*sp.personnel = &schema.Figure{Amount: *b.take(sp.personnelPath+"/amount", pt)}
			*sp.public = &schema.Figure{Amount: *b.take(sp.publicPath+"/amount", ct)}
			continue
		}
		// a later statement of the same basic expenditure restates its
		// parts: one that differs is an amount claim
		for _, part := range []struct {
			path string
			fig  *schema.Figure
			tok  int
		}{{sp.personnelPath, *sp.personnel, pt}, {sp.publicPath, *sp.public, ct}} {
			if m := st.toks[part.tok].money(); !b.used[part.tok] && m != part.fig.Amount {
				b.claim(part.path, schema.ClaimAmount, part.tok, m.Float(), "")
			}
		}
	}
}

// publicBeside reads the public expenses alone where the basic
// expenditure's three economic classes make it, 对个人和家庭补助 between
// the wages (token pt) and 日常公用经费 (ct): "其中工资福利支出21492.22万元;
// 对个人和家庭补助支出10149万元;日常公用经费支出18016.83万元". 人员经费 is
// the first two together, which the text does not print: it is left out and
// a warning says so. It tells whether the statement was read so.
func (b *builder) publicBeside(sp basicSplit, pt, ct int) bool {
	st := b.st
	ht, ok := b.labelIn(st.toks[pt].end, st.toks[ct].start, householdLabels)
	if !ok || ht <= pt || ht >= ct || st.toks[pt].money()+st.toks[ht].money()+st.toks[ct].money() != sp.whole.Amount {
		return false
	}
	if *sp.personnel == nil && *sp.public == nil {
		*sp.public = &schema.Figure{Amount: *b.take(sp.publicPath+"/amount", ct)}
		b.used[pt], b.used[ht] = true, true
		src := st.source(st.toks[pt].start)
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
			Reason: fmt.Sprintf("工资福利支出 %s and 对个人和家庭补助 %s stated apart: personnel (人员经费) is the two together, which the text does not print, so it is left out",
				st.s[st.toks[pt].start:st.toks[pt].end], st.s[st.toks[ht].start:st.toks[ht].end])})
	}
	return true
}

// thirdPart tells a list of basic expenditure's parts that goes on after
// its second part, the token ct, before stop or the next figure: "（三）对个人
// 和家庭的补助…" — then 人员经费 is not all personnel spending, and the two
// do not make the whole.
func (b *builder) thirdPart(ct, stop int) bool {
	st := b.st
	next := stop
	if ct+1 < len(st.toks) {
		next = min(next, st.toks[ct+1].start)
	}
	tail := st.s[st.toks[ct].end:max(next, st.toks[ct].end)]
	return strings.Contains(tail, "（三）") || strings.Contains(tail, "(三)") || strings.Contains(tail, "对个人和家庭")
}

// wagesIn finds in s[from:to] the amount of the personnel's economic
// classes: the amount after 工资福利支出, or an amount whose clause goes on
// to list them ("日常支出2638.2万元，包括基本工资、津贴补贴等工资福利支出").
func (b *builder) wagesIn(from, to int) (int, bool) {
	if ti, ok := b.labelIn(from, to, []string{"工资福利支出"}); ok {
		return ti, true
	}
	st := b.st
	for ti := st.tokenAt(from); ti < len(st.toks) && st.toks[ti].start < to; ti++ {
		if st.toks[ti].kind != numMoney || st.toks[ti].end > to {
			continue
		}
		clause := st.s[st.toks[ti].end:to]
		if k := strings.IndexAny(clause, "。；;"); k >= 0 {
			clause = clause[:k]
		}
		if k := st.tokenAt(st.toks[ti].end); k < len(st.toks) && st.toks[k].start-st.toks[ti].end < len(clause) {
			clause = clause[:st.toks[k].start-st.toks[ti].end] // up to the next figure
		}
		if rest, ok := strings.CutPrefix(strings.TrimLeft(clause, ",，("), "包括"); ok && strings.Contains(rest, "工资福利") {
			return ti, true
		}
	}
	return 0, false
}

// basicStated keeps a statement of a basic expenditure whose two listed
// parts do not add up to it ("财政拨款基本支出预算 13,979.92 万元。其中：
// （一）人员经费 11,257.35 万元…（二）公用经费 2,722.57 万元…"): whatever
// basic expenditure it states (the appropriations' only, where the model's
// is all funds), 人员经费 and 公用经费 make it. The whole and its parts
// become sum claims (sum.text). Only a list of those two right after 其中,
// no other amount or percentage between, is such a statement: a third part (（三）, 对个人
// 和家庭的补助) is not added; parts the model took are checked by
// sum.basic_parts. 人员支出 and 公用支出 may leave 对个人和家庭的补助 out: they
// are kept only where they exceed the whole.
func (b *builder) basicStated() {
	st := b.st
	for _, end := range b.find("基本支出") {
		ti, ok := b.valueAfter(end, 8)
		if !ok || b.otherYear(end-len("基本支出")) {
			continue
		}
		from := st.toks[ti].end
		if !strings.Contains(st.s[from:min(len(st.s), from+24)], "其中") {
			continue
		}
		stop := min(len(st.s), from+600)
		stop = nextBasic(st.s, from, stop)
		pt, ok1 := b.labelIn(from, stop, []string{"人员经费"})
		ct, ok2 := b.labelIn(from, stop, []string{"公用经费"})
		partial := false
		if !ok1 || !ok2 {
			// "其中，人员支出2494.47万元，公用支出147.58万元": 人员支出 may
			// leave out 对个人和家庭的补助, so only parts above the whole disagree
			pt, ok1 = b.labelIn(from, stop, []string{"人员支出"})
			ct, ok2 = b.labelIn(from, stop, []string{"公用支出"})
			partial = true
		}
		if !ok1 || !ok2 || pt < ti || ct < pt || b.used[pt] && b.used[ct] {
			continue
		}
		between := false // another amount among the whole and its parts
		for k := ti + 1; k < ct; k++ {
			between = between || k != pt && (st.toks[k].kind == numMoney || st.toks[k].kind == numPct)
		}
		if between {
			continue
		}
		if b.thirdPart(ct, stop) {
			continue
		}
		if sum := st.toks[pt].money() + st.toks[ct].money(); sum == st.toks[ti].money() || partial && sum < st.toks[ti].money() {
			continue
		}
		path := "/text/" + strconv.Itoa(st.source(st.toks[ti].start).Line)
		b.sumClaim(path, "", ti)
		b.sumClaim(path+"/1", path, pt)
		b.sumClaim(path+"/2", path, ct)
	}
}

// listedParts keeps a whole the text states and the parts it lists after
// 其中 in the same sentence where the parts add up to more than it ("收入预算
// 为2333.03万元，其中：一般公共预算拨款2333.03万元，…单位结余结转资金327.26
// 万元"): parts of a whole cannot exceed it, whatever the whole is. A list
// may leave parts out, so one below its whole says nothing. Only a plain
// list is such a statement: every part an amount with its unit, none a
// percentage, a change or a comparison (增加, 持平, 比上年), a per-unit
// figure (单车运行维护费) or inside an aside, no second 其中 (but one printed
// twice, 其中:其中), and no pair of parts one of which holds the other
// (基本支出 and 人员经费, a subtotal followed by its parts); the list ends
// at a semicolon.
// Where the model took the whole and every part, its own sums compare them.
func (b *builder) listedParts() {
	st := b.st
	for _, end := range b.find("其中") {
		ti := st.tokenAt(end) - 1
		// the amount and its share of a greater whole before it ("1.财政拨款收入
		// 23039.32万元,占总收入的68.6%。其中:人大事务17467.92万元,占财政拨款收入
		// 75.8%;…"): the list is the amount's where each part states its share
		shared := ti >= 1 && st.toks[ti].kind == numPct && st.toks[ti-1].kind == numMoney && b.shareOfBefore(ti) &&
			slices.Contains([]string{"。", "，", ",", ""}, strings.TrimRight(st.s[st.toks[ti].end:end-len("其中")], " 　"))
		if shared {
			ti--
		}
		if ti < 0 || st.toks[ti].kind != numMoney || st.toks[ti].unit == "" {
			continue
		}
		whole := st.toks[ti]
		gap := strings.TrimRight(st.s[whole.end:end-len("其中")], " 　")
		aside := gap == "(" || gap == "（"
		if gap != "，" && gap != "," && gap != "" && !aside && !shared {
			continue // "X万元，其中…" (or "X万元其中…", "X万元(其中…)"): the amount right before
		}
		if before := strings.TrimRight(st.s[max(0, whole.start-12):whole.start], " 　"); hasSuffixAny(before, upWords) || hasSuffixAny(before, downWords) {
			continue // "比上年减少159.53万元，其中：…": a change, not the whole
		}
		stop := listStop(st.s, end, st.sentenceEnd(end))
		if shared { // each part its share: the semicolons part them, the sentence ends the list
			stop = st.sentenceEnd(end)
		}
		if aside { // "财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,…)": the aside's parts
			k := strings.IndexAny(st.s[end:stop], ")）")
			if k < 0 {
				continue
			}
			stop = end + k
		}
		list := st.s[end:stop]
		if rest, ok := strings.CutPrefix(strings.TrimLeft(list, ":：,， "), "其中"); ok {
			list = rest // "其中:其中一般公共预算拨款…": 其中 printed twice
		}
		if strings.Contains(list, "其中") || strings.ContainsAny(list, "（(〔") || containsAny(list, upWords) || containsAny(list, downWords) ||
			containsAny(list, flatWords) || containsAny(list, []string{"比", "较", "同期"}) || containsAny(list, priorYearWords) || containsAny(list, perUnitWords) ||
			strings.Contains(list, "基本支出") && (strings.Contains(list, "人员") || strings.Contains(list, "公用")) ||
			strings.Contains(list, "财政拨款") && strings.Contains(list, "一般公共预算") {
			continue
		}
		var parts, shares []int
		sum, plain := schema.Money(0), true
		for k := st.tokenAt(end); k < len(st.toks) && st.toks[k].start < stop; k++ {
			t := st.toks[k]
			switch {
			case t.kind == numMoney && t.unit != "" && moneyFactor(t.unit) == moneyFactor(whole.unit):
				parts = append(parts, k)
				sum += t.money()
			case t.kind == numPct && len(parts) > len(shares) && strings.Contains(st.s[st.toks[k-1].end:t.start], "占"):
				shares = append(shares, k) // the part's share of the whole: "12,270.36万元，占总支出的45.46%"
			default:
				plain = false
			}
		}
		if len(shares) > 0 && len(shares) != len(parts) || shared && len(shares) == 0 {
			plain = false
		}
		if !plain || len(parts) < 2 || sum == whole.money() || b.withinRounding(ti, parts) || sum < whole.money() && !b.closedShort(ti, parts, shares) || nestedParts(st, parts) {
			continue
		}
		if b.used[ti] && !slices.ContainsFunc(parts, func(k int) bool { return !b.used[k] }) && sum > whole.money() {
			continue // the model holds them all: its own sums compare them (a sum below, it takes for a list that may be partial)
		}
		if b.sumKept(ti) {
			continue // a reading of the whole kept it with its parts already (yearFromSources, yearFromUses)
		}
		b.sumClaims("/listed", ti, parts)
	}
}

// shareOfBefore tells a percentage (token ti) that is the share of the
// amount right before it: "23039.32万元,占总收入的68.6%" — 占 and the whole's
// name, a few words and no clause between.
func (b *builder) shareOfBefore(ti int) bool {
	st := b.st
	gap := strings.TrimLeft(st.s[st.toks[ti-1].end:st.toks[ti].start], ",，、 ")
	return strings.HasPrefix(gap, "占") && utf8.RuneCountInString(gap) <= 12 && !strings.ContainsAny(gap, ",，。；;")
}

// listStop is where a list of parts that opens at from ends, before the
// sentence's end at stop: at a semicolon ("…服务C万元；授予中小企业合同金额D万
// 元": another statement), unless the clause after it names the sibling of
// a part before it — basic expenditure and project expenditure, the two
// halves of any spending ("其中:基本支出3,931万元;项目1,745万元").
func listStop(s string, from, stop int) int {
	for at := from; ; {
		k := strings.IndexAny(s[at:stop], "；;")
		if k < 0 {
			return stop
		}
		_, size := utf8.DecodeRuneInString(s[at+k:])
		before, after := s[from:at+k], strings.TrimLeft(s[at+k+size:stop], " ")
		if !(strings.Contains(before, "基本支出") && strings.HasPrefix(after, "项目") ||
			strings.Contains(before, "项目支出") && strings.HasPrefix(after, "基本支出")) {
			return at + k
		}
		at += k + size
	}
}

// classifiedWords introduce the functional classes as the breakdown of the
// year's spending by its classification ("按支出功能分类科目:医疗卫生和计划生育
// 支出522.09万元,…").
var classifiedWords = []string{"按支出功能分类科目", "按支出功能科目分类", "按支出功能分类", "按功能分类科目", "按功能科目分类", "按功能分类"}

// classifiedLists keeps the functional classes a sentence lists after
// classifiedWords, every amount of it a class the model took, as sum claims
// of the year's spending (/text/<line>/classified) where they fall short of
// it by what one misprint of one figure explains: a breakdown by the
// classification is every class of it, not some (sum.function takes a
// short list for a partial one). Classes above the spending are
// sum.function's.
func (b *builder) classifiedLists() {
	st := b.st
	whole, ok := b.takenFor("/expenditure/current_year")
	if !ok {
		if whole, ok = b.takenFor("/expenditure/total"); !ok {
			return
		}
	}
	done := map[int]bool{}
	for _, w := range classifiedWords {
		for _, end := range b.find(w) {
			stop := st.clauseStop(end)
			if done[stop] {
				continue // a longer word of the same list
			}
			done[stop] = true
			var parts []int
			var sum schema.Money
			for k := st.tokenAt(end); k < len(st.toks) && st.toks[k].start < stop; k++ {
				if st.toks[k].kind != numMoney {
					continue
				}
				p := b.amountOf[k]
				if !strings.HasPrefix(p, "/expenditure/by_function/") || strings.Contains(p, "/items/") {
					parts = nil
					break
				}
				parts = append(parts, k)
				sum += st.toks[k].money()
			}
			if len(parts) >= 2 && sum < st.toks[whole].money() && !b.withinRounding(whole, parts) && b.misprintedSum(whole, parts) {
				b.sumClaims("/classified", whole, parts)
			}
		}
	}
}

// closedShort tells a list of parts (token indexes) that names a
// remainder among them ("其中：财政拨款收入…，教育事业收入…，其他收入…，经营
// 收入…"), whose shares of the whole (token indexes, one a part) make
// 100% within their rounding ("基本支出…占45.46%，项目支出…占54.19%，经营支出
// …占0.35%"), or that prints a part it has none of ("…，政府性基金预算拨款0万
// 元，国有资本经营预算收入0万元": a template's list of every part): it claims
// to be the whole; and that falls short of the whole (token whole), beyond
// the rounding of every figure, by what one misprint of one figure, changed
// back, explains (misprintedSum). A list that names no remainder may be
// partial.
func (b *builder) closedShort(whole int, parts, shares []int) bool {
	st := b.st
	var pct, slack float64
	for _, k := range shares {
		pct += st.toks[k].float()
		slack += 0.5 * math.Pow(10, -float64(st.toks[k].scale))
	}
	closed := len(shares) > 0 && math.Abs(pct-100) <= slack+1e-9
	prev := st.toks[whole].end
	for _, k := range parts {
		label := strings.TrimLeft(st.s[prev:st.toks[k].start], ",，、;；:： ")
		label = strings.TrimPrefix(label, "其中")
		label = strings.TrimLeft(label, ",，、;；:： ")
		closed = closed || strings.HasPrefix(label, "其他") || st.toks[k].mant == 0
		prev = st.toks[k].end
	}
	return closed && b.misprintedSum(whole, parts)
}

// nestedParts tells a list where a part is the sum of two or more of the
// parts after it ("公务用车购置及运行费20万元，公务用车购置费5万元，运行费15万
// 元"): a subtotal and its own parts, not parts of one whole. A part at 0
// before others at 0 is none: parts the list has none of.
func nestedParts(st *stream, parts []int) bool {
	for i, k := range parts {
		var sum schema.Money
		for j := i + 1; j < len(parts); j++ {
			sum += st.toks[parts[j]].money()
			if j > i+1 && sum == st.toks[k].money() && sum != 0 {
				return true
			}
		}
	}
	return false
}

// nextBasic is where the next statement of a basic expenditure begins in
// s[from:stop] (stop without one): a table's name ("按“部门预算公开06表 财政
// 拨款基本支出预算表”中…填写", a note inside the list of parts) is none, and
// neither is a sentence that opens on the parts of the one before ("基本支出
// 800万元。基本支出中，人员经费600万元…"), a heading ("基本支出情况。") or a
// share of it ("…工资福利支出占基本支出的94.3%"). The statement of a whole
// whose 项 a text may list (一般公共预算财政拨款支出X万元，具体情况如下：
// …行政运行中人员经费…) ends them too: the 人员经费 of a 项 is not the
// basic expenditure's.
func nextBasic(s string, from, stop int) int {
	for _, l := range listWholes {
		if k := strings.Index(s[from:stop], l); k >= 0 {
			stop = from + k
		}
	}
	for at := from; at < stop; {
		k := strings.Index(s[at:stop], "基本支出")
		if k < 0 {
			break
		}
		start := at + k
		at = start + len("基本支出")
		rest := s[at:stop]
		if strings.HasPrefix(rest, "预算表") || strings.HasPrefix(rest, "决算表") || strings.HasPrefix(rest, "表") ||
			strings.HasPrefix(rest, "情况") || strings.HasSuffix(s[:start], "占") {
			continue
		}
		if strings.HasPrefix(rest, "中") && (start == 0 || hasSuffixAny(s[:start], []string{"。", "，", ",", "；", ";"})) {
			continue
		}
		return start
	}
	return stop
}

// sumKept tells a whole the text states (token ti) that a reading kept as
// a sum claim already, with its parts.
func (b *builder) sumKept(ti int) bool {
	line, v := b.st.source(b.st.toks[ti].start).Line, b.st.toks[ti].money().Float()
	return slices.ContainsFunc(b.doc.Claims, func(c schema.Claim) bool {
		return c.Kind == schema.ClaimSum && c.Of == "" && c.Line == line && c.Value == v
	})
}

// sumClaims keeps a whole the text states (token whole) and its parts as
// sum claims, the whole on /text/<its line><name>.
func (b *builder) sumClaims(name string, whole int, parts []int) {
	path := "/text/" + strconv.Itoa(b.st.source(b.st.toks[whole].start).Line) + name
	b.sumClaim(path, "", whole)
	for i, k := range parts {
		b.sumClaim(path+"/"+strconv.Itoa(i+1), path, k)
	}
}

// sumClaim keeps token ti as a sum claim: a whole the text states (of "")
// or one of the parts it lists after it.
func (b *builder) sumClaim(path, of string, ti int) {
	b.sumClaimSigned(path, of, ti, 1)
}

// householdLabels name the transfers to individuals and households that
// Fujian's budgets list beside 人员支出.
var householdLabels = []string{"对个人和家庭补助支出", "对个人和家庭的补助支出", "对个人和家庭补助"}

// splitUses reads the split of the expenditure by use that a budget prints
// in one sentence: "相应安排支出预算357.68万元，其中：人员支出272.98万元，
// [对个人和家庭补助支出X万元，]公用支出30.70万元，项目支出54万元", or
// with no total of its own ("按支出用途分类，包括人员支出1375.97万元，日常
// 公用支出228.67万元，项目支出5322.5万元"), against the expenditure's. Each
// part is read where it is printed, and only when the parts add up to the
// total the sentence states right before 其中 (the guard that the reading
// is right; the total itself is what the text states elsewhere): 公用支出 is
// the public expenses (公用经费), 项目支出 the project expenditure, and
// 人员支出 the personnel (人员经费) when no 对个人和家庭补助 stands beside
// it, or one of 0. With one that is not 0, 人员经费 is the two together, an
// amount the text does not print: personnel is left out and a warning says
// so. The basic expenditure (the parts but the projects) is not printed
// either, and stays absent unless the text states it.
func (b *builder) splitUses() {
	st := b.st
	exp := b.doc.Expenditure
	if exp.Personnel != nil || exp.PublicExpenses != nil {
		return
	}
	for _, end := range b.find("人员支出") {
		start := end - len("人员支出")
		pt, ok := b.valueAfter(end, 2)
		if !ok {
			continue
		}
		// the total: the amount right before "，其中：", in the same sentence,
		// of a label that names the expenditure ("支出预算357.68万元"); or,
		// for a split that states none ("按支出用途分类，包括人员支出…"), the
		// expenditure's total read elsewhere
		var total schema.Money
		xt := st.tokenAt(start) - 1
		if lead := st.s[runeStart(st.s, max(0, start-3*16)):start]; exp.Total != nil && strings.Contains(lead, "支出用途") && strings.HasSuffix(strings.TrimRight(lead, ",，:： "), "包括") {
			total, xt = *exp.Total, -1
		} else {
			if xt < 0 || st.toks[xt].kind != numMoney || strings.Trim(st.s[st.toks[xt].end:start], ",，:;； ") != "其中" {
				continue
			}
			head := st.s[runeStart(st.s, max(0, st.toks[xt].start-3*12)):st.toks[xt].start]
			if i := strings.LastIndexAny(head, "。，,;；0123456789"); i >= 0 {
				_, size := utf8.DecodeRuneInString(head[i:])
				head = head[i+size:]
			}
			if !strings.Contains(head, "支出") {
				continue
			}
			total = st.toks[xt].money()
		}
		stop := st.sentenceEnd(end)
		ht, household := b.labelIn(end, stop, householdLabels)
		ct, ok1 := b.labelIn(end, stop, []string{"公用支出"})
		jt, ok2 := b.labelIn(end, stop, []string{"项目支出"})
		if !ok1 || !ok2 || !(pt < ct && ct < jt) || household && !(pt < ht && ht < ct) {
			continue
		}
		// the parts alone: no other amount in the sentence
		parts, n := []int{pt, ct, jt}, 0
		if household {
			parts = append(parts, ht)
		}
		var sum schema.Money
		for _, ti := range parts {
			sum += st.toks[ti].money()
		}
		for ti := pt; ti < len(st.toks) && st.toks[ti].start < stop; ti++ {
			if st.toks[ti].kind == numMoney {
				n++
			}
		}
		if n == len(parts) && sum < total && xt >= 0 { // more than the total: listedParts

			b.usesOff(xt, parts)
			continue
		}
		project := st.toks[jt].money()
		if n != len(parts) || sum != total || exp.Project != nil && exp.Project.Amount != project ||
			exp.Basic != nil && exp.Basic.Amount != sum-project {
			continue
		}
		if exp.Project == nil {
			exp.Project = &schema.Figure{Amount: *b.take("/expenditure/project/amount", jt)}
		}
		exp.PublicExpenses = &schema.Figure{Amount: *b.take("/expenditure/public_expenses/amount", ct)}
		b.used[pt] = true
		if household {
			b.used[ht] = true
		}
		if !household || st.toks[ht].money() == 0 {
			exp.Personnel = &schema.Figure{Amount: *b.take("/expenditure/personnel/amount", pt)}
			return
		}
		src := st.source(st.toks[pt].start)
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
			Reason: fmt.Sprintf("人员支出 %s and 对个人和家庭补助 %s stated apart: personnel (人员经费) is the two together, which the text does not print, so it is left out",
				st.s[st.toks[pt].start:st.toks[pt].end], st.s[st.toks[ht].start:st.toks[ht].end])})
		return
	}
}

// itemMarker is a list item's marker ending where its label starts: a
// listMarker, or a capital letter (A、 B.).
var itemMarker = regexp.MustCompile(`(` + listMarkers + `|[A-Z][、.])$`)

// usesItems reads 人员经费 and 公用经费 a text lists as the items of its
// expenditure ("支出预算7526.86万元。支出项目是:\nA、人员经费5836.98万元。…
// B、部门公用经费876.48万元。"): each label opens an item, its marker at its
// line's or its sentence's start, its amount right after it; the list opens with a colon
// right after the statement of the expenditure's total, no other amount
// between; and the two do not exceed the total.
func (b *builder) usesItems() {
	st := b.st
	exp := b.doc.Expenditure
	if exp.Personnel != nil || exp.PublicExpenses != nil || exp.Total == nil {
		return
	}
	item := func(labels ...string) (ti, from int, ok bool) {
		for _, l := range labels {
			for _, end := range b.find(l) {
				start := end - len(l)
				m := itemMarker.FindStringIndex(st.s[runeStart(st.s, max(0, start-16)):start])
				if m == nil {
					continue
				}
				// the marker opens its line, or its sentence (a body on one line)
				if at := start - (m[1] - m[0]); !st.lineStart(at) && !hasSuffixAny(strings.TrimRight(st.s[:at], " "), []string{"。", ":"}) {
					continue
				}
				if ti, ok := b.valueAfter(end, 0); ok && !b.used[ti] {
					return ti, start - (m[1] - m[0]), true
				}
			}
		}
		return 0, 0, false
	}
	pt, pfrom, ok1 := item("人员经费")
	ct, cfrom, ok2 := item("部门公用经费", "公用经费")
	if !ok1 || !ok2 || cfrom < pfrom || st.toks[pt].money()+st.toks[ct].money() > *exp.Total {
		return
	}
	head := strings.TrimRight(st.s[:pfrom], " ")
	wt := st.tokenAt(len(head)) - 1
	if !strings.HasSuffix(head, ":") || wt < 0 || st.toks[wt].kind != numMoney || st.toks[wt].money() != *exp.Total ||
		st.runesBetween(st.toks[wt].end, len(head)) > 16 {
		return
	}
	exp.Personnel = &schema.Figure{Amount: *b.take("/expenditure/personnel/amount", pt)}
	exp.PublicExpenses = &schema.Figure{Amount: *b.take("/expenditure/public_expenses/amount", ct)}
}

// usesOff keeps a split by use that adds up to less than the total its
// sentence states before 其中 (token total), beyond the rounding of every
// figure, as sum claims, where one misprint of one of them, changed back,
// makes it add up within that rounding (misprintedSum): the parts by use
// are the whole expenditure's, so the sum is the text's own (sum.text).
// A split that adds up to the expenditure stated elsewhere ("按支出用途分
// 类，包括…") may leave a fund out, and is not compared.
func (b *builder) usesOff(total int, parts []int) {
	st := b.st
	if !b.misprintedSum(total, parts) {
		return
	}
	path := "/text/" + strconv.Itoa(st.source(st.toks[total].start).Line) + "/uses"
	b.sumClaim(path, "", total)
	for i, k := range parts {
		b.sumClaim(path+"/"+strconv.Itoa(i+1), path, k)
	}
}

// projects reads the project lines that follow the project amount:
// "项目支出 148 万元。其中信访解难资金 36 万，网上信访工作经费 12 万".
func (b *builder) projects() {
	st := b.st
	src := b.doc.Provenance["/expenditure/project/amount"]
	for _, end := range b.find("项目支出") {
		ti, ok := b.valueAfter(end, 6)
		if !ok || st.toks[ti].line != src.Line {
			continue
		}
		p := st.toks[ti].end
		p += len(st.s[p:]) - len(strings.TrimLeft(st.s[p:], "。，,:"))
		if !strings.HasPrefix(st.s[p:], "其中") {
			return
		}
		p += len("其中")
		stop := st.sentenceEnd(p)
		for _, it := range b.pairs(p, stop, "/expenditure/projects/", "/amount") {
			b.doc.Expenditure.Projects = append(b.doc.Expenditure.Projects, schema.Project{Name: it.name, Amount: it.amount})
		}
		return
	}
}

type pair struct {
	name   string
	amount schema.Money
	tok    int
}

// pairs reads name–amount pairs between two offsets and records their
// provenance under base+index+field.
func (b *builder) pairs(from, to int, base, field string) []pair {
	out := b.pairsIn(from, to)
	for i, p := range out {
		b.take(base+strconv.Itoa(i)+field, p.tok)
	}
	return out
}

// pairsIn reads name–amount pairs between two offsets.
func (b *builder) pairsIn(from, to int) []pair {
	st := b.st
	var out []pair
	name := ""
	p := from
	for ti := st.tokenAt(from); ti < len(st.toks) && st.toks[ti].start < to; ti++ {
		t := st.toks[ti]
		seg := st.s[p:t.start]
		p = t.end
		if t.kind != numMoney {
			name = ""
			continue
		}
		n := strings.Trim(seg, " ，,、；;:：。等")
		if rest, ok := strings.CutPrefix(n, "其中"); ok { // "，其中：流动资产200万元"
			n = strings.TrimLeft(rest, " ，,:：")
		}
		if name != "" {
			n = name + n
		}
		name = ""
		if n == "" || strings.ContainsAny(n, "0123456789") {
			continue
		}
		out = append(out, pair{name: n, amount: t.money(), tok: ti})
	}
	return out
}

// classes reads the 类 amounts the text names: "一般公共服务（类）257.53 万元",
// "工资福利支出 128.89 万元 … （基本工资 30.79 万、…）".
func (b *builder) classes() {
	exp := b.doc.Expenditure
	exp.ByFunction = b.classScheme(schema.SchemeFunctional, "/expenditure/by_function/")
	exp.ByEconomic = b.classScheme(schema.SchemeEconomic, "/expenditure/by_economic/")
}

// sharesOfExpenditure tells whether the shares a 类's statement at off
// states are of the expenditure: not where its sentence opens with another
// whole ("2020年一般公共预算财政拨款支出1264.92万元,主要用于以下方面:社会保障
// 和就业支出67.64万元,占5.35%;…" — shares of the 一般公共预算's 1264.92, not
// of the year's spending), which the model has no figure for. The amounts
// of the classes listed before it (listed, token indexes) open no whole: in
// "按功能科目分类,一般公共服务支出0万元,占本年财政拨款支出488.80万元的0%;教育支出
// 374.89万元,占本年支出的77%" the whole is the year's 488.80 after them.
func (b *builder) sharesOfExpenditure(off int, listed map[int]bool) bool {
	st, exp := b.st, b.doc.Expenditure
	whole := cmp.Or(exp.CurrentYear, exp.Total)
	from := st.sentenceStart(off)
	for k := st.tokenAt(from); k < len(st.toks) && st.toks[k].end <= off; k++ {
		if t := st.toks[k]; t.kind == numMoney && !listed[k] {
			if whole == nil {
				return false
			}
			d, w := math.Abs(t.money().Float()-whole.Float()), whole.Float()
			return d <= 5000 || d <= w/1000 // the expenditure restated, rounded to its unit
		}
	}
	return true
}

// fundParts name a part of the expenditure by the fund it is paid from.
var fundParts = []string{"财政拨款支出", "一般公共预算支出", "公共财政预算支出", "财政拨款基本支出"}

// fundSibling tells a class's name at start, its amount the token ti, that
// names a part of the expenditure split by funds — listed after 其中 beside
// a part paid from appropriations, the two adding up to the year's spending
// ("总支出40976.5万元…。其中:一般公共预算财政拨款支出2955万元…;医疗卫生支出
// 38021.5万元": a hospital's spending of its own income, named by its
// class). The class's figure is all the year's spending of that class,
// which such a statement does not give.
func (b *builder) fundSibling(start, ti int) bool {
	st, exp := b.st, b.doc.Expenditure
	whole := cmp.Or(exp.CurrentYear, exp.Total)
	from := st.sentenceStart(start)
	k := strings.Index(st.s[from:start], "其中")
	if whole == nil || k < 0 {
		return false
	}
	for _, w := range fundParts {
		for at := from + k; ; {
			i := strings.Index(st.s[at:start], w)
			if i < 0 {
				break
			}
			at += i + len(w)
			if fi, ok := b.valueAfter(at, 3); ok && fi < ti {
				d := math.Abs(st.toks[fi].money().Float() + st.toks[ti].money().Float() - whole.Float())
				if d <= 10000 || d <= whole.Float()/1000 { // the two rounded to their unit
					return true
				}
			}
		}
	}
	return false
}

type classHit struct {
	class    schema.Class
	reported string
	start    int
	tok      int
}

func (b *builder) classScheme(scheme, base string) []schema.ClassItem {
	st := b.st
	var hits []classHit
	for _, c := range schema.Classes() {
		if c.Scheme != scheme || c.Level != "类" {
			continue
		}
		names := append([]string{c.Name}, c.FormerNames...)
		for _, n := range names {
			variants := []string{schema.NormalizeName(n)}
			if short, ok := strings.CutSuffix(variants[0], "支出"); ok && utf8.RuneCountInString(short) >= 4 {
				variants = append(variants, short)
			} else if ok { // 教育, 农林水: too common a word, unless marked "（类）"
				variants = append(variants, short+"(类)")
			}
			for _, v := range variants {
				for _, end := range b.find(v) {
					start := end - len(v)
					// part of a longer name ("其他商品和服务支出"), unless a
					// figure's unit ends just before it (lines joined) or
					// the name begins a line and says it is a 类 (after a
					// heading: "…结构情况" / "节能环保支出(类)2,500万元").
					// A list's opening word is no part of it ("支出总计…，包括教育
					// 支出1,654.55万元、…", "其中教育支出…")
					if r := st.lastRune(start); start > 0 && unicode.Is(unicode.Han, r) && !hasSuffixAny(st.s[:start], []string{"元", "包括", "其中"}) &&
						!(st.lineStart(start) && strings.HasPrefix(st.s[end:], "(类)")) {
						continue
					}
					p := end
					p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], "(类)"))
					p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], "支出"))
					p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], "类科目")) // "社会保障和就业支出类科目 116433.12 元"
					if p == end && (strings.HasPrefix(st.s[p:], "拨款") || strings.HasPrefix(st.s[p:], "收入")) {
						continue // a fund of the revenue: "国有资本经营预算拨款0万元"
					}
					ti, ok := b.valueAfter(p, 3)
					if !ok {
						ti, ok = b.headedClassBudget(p)
					}
					if !ok && strings.HasPrefix(st.s[end:], "(类)") {
						ti, ok = b.headedClassOutturn(p)
					}
					if ok && b.otherScheme(scheme, start) {
						continue // 其他支出 of the functional list is no economic class, nor the other way round
					}
					if !ok || b.otherYear(start) || scheme == schema.SchemeEconomic && b.projectsPart(start) {
						continue // another year's class, or the project's
					}
					// 223 bears the fund's name: "国有资本经营预算支出0万元"
					// says the fund is not used, and states no 类
					if strings.HasPrefix(v, "国有资本经营预算") && st.toks[ti].money() == 0 {
						continue
					}
					// an economic class of the projects ("资本性支出3.15万元，占项目
					// 支出预算6.71%") is no class of basic expenditure
					if scheme == schema.SchemeEconomic && strings.HasPrefix(strings.TrimLeft(st.s[st.toks[ti].end:], " ，,"), "占项目支出") {
						continue
					}
					if scheme == schema.SchemeFunctional && b.fundSibling(start, ti) {
						continue
					}
					reported := ""
					if n != c.Name {
						reported = n
					}
					hits = append(hits, classHit{class: c, reported: reported, start: start, tok: ti})
				}
			}
		}
	}
	// document order; the first hit of a code gives its amount
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	var kept []classHit
	for _, h := range hits {
		if h.class.Name != "其他支出" || !b.listRemainder(kept, h.start) {
			kept = append(kept, h)
		}
	}
	hits = kept
	var items []schema.ClassItem
	index := map[string]int{}
	// where a hit's statement ends: the next hit after its amount
	limit := func(k int) int {
		for _, next := range hits[k+1:] {
			if next.start > st.toks[hits[k].tok].end {
				return next.start
			}
		}
		return len(st.s)
	}
	listed := map[int]bool{}
	for _, h := range hits {
		listed[h.tok] = true
	}
	for k, h := range hits {
		t := st.toks[h.tok]
		if i, ok := index[h.class.Code]; ok {
			if items[i].Amount != t.money() && !b.used[h.tok] {
				b.claim(base+strconv.Itoa(i), schema.ClaimAmount, h.tok, t.money().Float(), "")
			}
			if scheme == schema.SchemeEconomic {
				b.itemsRestated(base+strconv.Itoa(i)+"/items/", items[i].Items, b.economicItemsIn(t.end, limit(k)))
			}
			continue
		}
		i := len(items)
		index[h.class.Code] = i
		path := base + strconv.Itoa(i)
		item := schema.ClassItem{Code: h.class.Code, Name: h.class.Name, NameEn: h.class.NameEn, ReportedName: h.reported, Amount: *b.take(path+"/amount", h.tok)}
		if prev := k - 1; prev < 0 || st.toks[hits[prev].tok].end > h.start || !listedBare(st.s[st.toks[hits[prev].tok].end:h.start]) {
			if p := b.figureYoY(path, h.tok); p != nil {
				item.PriorYear = p
			}
		}
		of := "/expenditure/total"
		if b.doc.Expenditure.CurrentYear != nil {
			of = "/expenditure/current_year"
		}
		if scheme == schema.SchemeEconomic {
			of = "/expenditure/basic/amount"
		}
		if scheme != schema.SchemeFunctional || b.sharesOfExpenditure(h.start, listed) {
			b.shareAfter(path, of, h.tok)
		}
		if scheme == schema.SchemeEconomic {
			for j, p := range b.economicItemsIn(t.end, limit(k)) {
				it := schema.ClassItem{Name: p.name, Amount: *b.take(path+"/items/"+strconv.Itoa(j)+"/amount", p.tok)}
				if c, ok := schema.EconomicItem(h.class.Code, p.name); ok {
					it.Code = c.Code
				}
				item.Items = append(item.Items, it)
			}
		}
		items = append(items, item)
	}
	return items
}

// otherScheme tells a class's name at start in a sentence that lists the
// classes of the other scheme ("按支出功能分类科目:…其他支出0.20万元" holds
// no economic class): its sentence names that scheme's 分类 before it, not
// its own.
func (b *builder) otherScheme(scheme string, start int) bool {
	head := b.st.s[b.st.sentenceStart(start):start]
	own, other := "功能分类", "经济分类"
	if scheme == schema.SchemeEconomic {
		own, other = other, own
	}
	return strings.Contains(head, other) && !strings.Contains(head, own)
}

// headedClassBudget is the amount of a budget's class named as an item's
// heading, its colon after it, then the year's budget: "1、文化体育与传媒:
// 2012年年初预算数为17,121.48万元" (p is where the class's name ends).
func (b *builder) headedClassBudget(p int) (int, bool) {
	st := b.st
	if b.doc.Document.Kind != schema.KindBudget || !strings.HasPrefix(st.s[p:], ":") {
		return 0, false
	}
	ti, ok := b.valueAfter(p, 10)
	if !ok || !strings.Contains(st.s[p:st.toks[ti].start], "预算") {
		return 0, false
	}
	return ti, true
}

// headedClassOutturn is the amount of a 决算's class named as a heading
// of its own, marked (类), the sentence after it stating the class's
// budget and then its outturn: "(一)一般公共服务支出(类)。年度预算为301
// 万元,支出决算为352万元" (p is where the heading ends). The outturn's
// label names it; nothing where the sentence states no 决算.
func (b *builder) headedClassOutturn(p int) (int, bool) {
	st := b.st
	if b.doc.Document.Kind != schema.KindFinalAccounts {
		return 0, false
	}
	rest, ok := strings.CutPrefix(st.s[p:], "。")
	if !ok {
		return 0, false
	}
	end := len(rest)
	if k := strings.Index(rest, "。"); k >= 0 {
		end = k
	}
	for _, l := range []string{"支出决算为", "支出决算数为", "决算数为"} {
		if k := strings.Index(rest[:end], l); k >= 0 {
			at := p + len("。") + k + len(l)
			if ti, ok := b.valueAfter(at, 1); ok && st.toks[ti].start < p+len("。")+end {
				return ti, true
			}
		}
	}
	return 0, false
}

// listRemainder tells 其他支出 at start closing a list of heads that are no
// classes of its scheme ("基本支出中业务支出300万元，管理费用90万元，其他支出
// 10万元"): an amount and a separator stand just before it, and no class of
// the scheme (prev, the hits before it) opens earlier in its sentence.
func (b *builder) listRemainder(prev []classHit, start int) bool {
	s := b.st.s[:start]
	ends := []string{"。", "；", ";"}
	// a numbered list's last item: "…5、对下级单位补助支出0万元;6、其他支出0万元"
	// — its items end in semicolons, so the sentence is the whole list's
	if t, ok := strings.CutSuffix(s, "、"); ok {
		if u := strings.TrimRight(t, "0123456789"); len(u) < len(t) {
			s, ends = strings.TrimRight(u, ";；"), ends[:1]
		}
	}
	lead := strings.TrimRight(s, " ,，、")
	if len(lead) == len(s) && len(s) == start || !strings.HasSuffix(lead, "元") {
		return false
	}
	from := max(0, start-600)
	for _, p := range ends {
		if k := strings.LastIndex(s, p); k >= from {
			from = k + len(p)
		}
	}
	for _, h := range prev {
		if h.start >= from {
			return false
		}
	}
	return true
}

// projectsPart tells an economic class at start listed as a part of the
// project expenditure ("项目支出 469500 元，……其中：商品和服务支出 426000
// 元，占项目支出预算 90.73%"): the last mention of 基本支出 or 项目支出
// before it, a share's ("占项目支出") and a list of both ("基本支出和项目支出")
// aside, is 项目支出's stated with its amount, and 其中 follows it.
func (b *builder) projectsPart(start int) bool {
	s := b.st.s
	last, project := -1, false
	for _, l := range []string{"基本支出", "项目支出"} {
		for _, end := range b.find(l) {
			from := end - len(l)
			if end > start || from < start-900 || end <= last || hasSuffixAny(s[:from], []string{"占", "和", "及", "、"}) ||
				strings.HasPrefix(s[end:], "预算和") || strings.HasPrefix(s[end:], "和") {
				continue
			}
			if _, ok := b.valueAfter(end, 4); !ok {
				continue // "去年项目支出未列该项", "…列入基本支出。其中：": no list opened
			}
			last, project = end, l == "项目支出"
		}
	}
	return project && strings.Contains(s[last:start], "其中")
}

// listedBare tells the text between a class's amount and the next class
// of a list that states no comparison and ends no clause ("，" or "、"): a
// comparison after the list's last class is then the list's ("一般公共服务
// 支出60万元，住房保障支出5万元，比上年减少3万元"), not that class's.
func listedBare(between string) bool {
	return !strings.ContainsAny(between, "。；;") && !containsAny(between, upWords) && !containsAny(between, downWords) && !containsAny(between, flatWords)
}

// economicItemsIn reads the items of an economic class: a parenthesised
// list, "（基本工资 30.79 万、津贴补贴 22.56 万、…等。）", or items of their
// own, "（1）基本工资（款）支出 737.94 万元。用于…".
func (b *builder) economicItemsIn(from, limit int) []pair {
	st := b.st
	if items := b.kuanItemsIn(from, limit); items != nil {
		return items
	}
	open := strings.Index(st.s[from:limit], "(")
	if open < 0 {
		return nil
	}
	open += from + 1
	depth, end := 1, -1
	for i := open; i < limit; i++ {
		switch st.s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 {
			end = i
			break
		}
	}
	if end < 0 {
		return nil
	}
	return b.pairsIn(open, end)
}

// itemsRestated compares the items a later statement of a class lists
// with the class's items: where it lists the same items in the same order
// (the list copied; a list that runs on into another section, 机关运行经费's
// items, names others), an amount that differs is an amount claim on the
// item. A copy of three items or more may run on into the next section's
// list: its first items are compared.
func (b *builder) itemsRestated(base string, items []schema.ClassItem, again []pair) {
	if len(again) > len(items) && len(items) >= 3 {
		again = again[:len(items)]
	}
	if len(again) != len(items) {
		return
	}
	for j, p := range again {
		if p.name != items[j].Name {
			return
		}
	}
	for j, p := range again {
		if items[j].Amount != p.amount && !b.used[p.tok] {
			b.claim(base+strconv.Itoa(j), schema.ClaimAmount, p.tok, p.amount.Float(), "")
		}
	}
}

// kuanItemsIn reads an economic class's items named with （款）, each after
// its number: "（1）基本工资（款）支出 737.94 万元".
func (b *builder) kuanItemsIn(from, limit int) []pair {
	st := b.st
	var items []pair
	for _, end := range b.find("(款)") {
		if end <= from || end > limit {
			continue
		}
		start := end - len("(款)")
		seg := st.s[from:start]
		open := -1 // the item's number, "(1)": names may hold brackets, 维修(护)费
		for i := strings.LastIndex(seg, "("); i >= 0; i = strings.LastIndex(seg[:i], "(") {
			if style, _ := enumOf(seg[i:]); style == enumParenDigit {
				open = i + strings.IndexByte(seg[i:], ')')
				break
			}
		}
		if open < 0 {
			continue
		}
		name := seg[open+1:]
		if name == "" || utf8.RuneCountInString(name) > 20 || strings.ContainsAny(name, "0123456789，。；:") {
			continue
		}
		p := end + len(st.s[end:]) - len(strings.TrimPrefix(st.s[end:], "支出"))
		ti, ok := b.valueAfter(p, 2)
		if !ok {
			continue
		}
		items = append(items, pair{name: name, amount: st.toks[ti].money(), tok: ti})
	}
	return items
}

// zeroStatement finds a sentence saying the department has none of subject
// ("没有使用政府性基金预算拨款安排的支出", "无政府性基金…", "未做政府采购").
func (b *builder) zeroStatement(subject string) (int, bool) {
	st := b.st
	for _, end := range b.find(subject) {
		start := end - len(subject)
		before := st.s[runeStart(st.s, max(0, start-24)):start]
		if k := strings.LastIndex(before, "。"); k >= 0 {
			before = before[k+len("。"):] // "…没有安排。3、政府采购情况说明": another sentence's
		}
		after := st.s[end:runeStart(st.s, min(len(st.s), end+24))]
		// a table's explanation that opens by saying it is empty:
		// "七、政府性基金支出预算表情况说明 本表数为零。"
		heading := st.s[end:runeStart(st.s, min(len(st.s), end+60))]
		empty := strings.Contains(heading, "情况说明本表数为零") || strings.Contains(heading, "情况说明本表为空")
		clause := st.s[end:runeStart(st.s, min(st.sentenceEnd(end), end+48))]
		// "政府性基金预算财政拨款支出决算表为空表": the subject's table, said empty
		if k := strings.Index(clause, "表为空"); k >= 0 && !strings.ContainsAny(clause[:k], "0123456789,，;；、") {
			empty = true
		}
		// a template's instruction: "无机关运行经费支出的部门，作下述说明：上海市XX局…无机关运行经费支出。"
		if w := st.s[runeStart(st.s, max(0, start-120)):start]; strings.Contains(w, "下述说明") || strings.Contains(w, "如下说明") || strings.Contains(clause, "的部门") || strings.Contains(clause, "的单位") {
			continue
		}
		// "没有使用一般公共预算拨款安排“三公”经费": the negation a clause before
		wide := st.s[runeStart(st.s, max(0, start-60)):start]
		if k := strings.LastIndexAny(wide, "，。；,;:"); k >= 0 {
			wide = wide[k+1:]
		}
		// "机关运行经费：无", "政府采购预算：无"
		bare := strings.TrimLeftFunc(st.s[end:runeStart(st.s, min(len(st.s), end+30))], func(r rune) bool { return strings.ContainsRune(fillers+"”\"", r) })
		none := strings.HasPrefix(bare, "无") && !startsWithAny(bare[len("无"):], []string{"变化", "增减", "增长", "明显", "较大", "大幅", "重大"})
		// "关于机关运行经费支出,某院为非行政或参公单位,无此项内容": the
		// sentence says the unit has none of it
		sentence := st.s[end:st.sentenceEnd(end)]
		if containsAny(sentence, []string{"无此项", "不涉及此项"}) && !strings.ContainsAny(sentence, "0123456789") || b.itemSaidNone(start) {
			none = true
		}
		if strings.Contains(before, "没有") || strings.Contains(before, "未做") || strings.Contains(before, "未使用") ||
			strings.Contains(before, "未安排") || strings.Contains(before, "不存在") || strings.Contains(before, "不涉及") ||
			strings.Contains(before, "不安排") || strings.Contains(before, "未发生") || strings.Contains(before, "未产生") || none ||
			strings.Contains(wide, "没有使用") || strings.Contains(wide, "未使用") ||
			strings.HasSuffix(before, "无") || strings.Contains(before, "度无") || strings.Contains(before, "年无") ||
			strings.Contains(after, "为空") || strings.Contains(after, "无相关") || empty || saysZero(clause) {
			if strings.Contains(st.s[start:st.sentenceEnd(start)], "0") && !strings.Contains(before+after, "空表") {
				// a figure follows in the same sentence: let the amount rule read it
				if _, ok := b.valueAfter(end, 12); ok {
					continue
				}
			}
			return start, true
		}
	}
	return 0, false
}

// itemSaidNone tells a subject at start named by a numbered heading on a
// line of its own whose next sentence says the item has none, and no
// figure ("2、政府采购安排情况说明。\n此项预算没有安排。").
func (b *builder) itemSaidNone(start int) bool {
	st := b.st
	hs, he := st.sentenceStart(start), st.sentenceEnd(start)
	heading := st.s[hs:he]
	if !st.lineStart(hs) || he >= len(st.s) || !st.lineStart(he+len("。")) || dropEnum(heading) == heading ||
		strings.ContainsAny(dropEnum(heading), "0123456789") {
		return false
	}
	next := st.s[he+len("。") : st.sentenceEnd(he+len("。"))]
	return startsWithAny(next, []string{"此项", "本项", "该项"}) && containsAny(next, []string{"没有安排", "未安排", "无"}) &&
		!strings.ContainsAny(next, "0123456789")
}

// saysZero tells a clause that states a zero the amount rules do not read:
// a bare one ("…支出预算为0。"), or one for several figures at once
// ("“三公”经费均为0万元", which for any other amount would not say whose).
func saysZero(clause string) bool {
	for _, w := range []string{"均为", "都为", "全部为"} {
		if k := strings.Index(clause, w); k >= 0 && (isZeroAt(clause[k+len(w):]) || strings.HasPrefix(clause[k+len(w):], "零")) {
			return true
		}
	}
	for _, w := range []string{"为0", "为零"} {
		k := strings.Index(clause, w)
		if k < 0 {
			continue
		}
		rest := clause[k+len(w):]
		if strings.HasSuffix(w, "0") && rest != "" && (rest[0] >= '0' && rest[0] <= '9' || rest[0] == '.' || strings.HasPrefix(rest, "万") || strings.HasPrefix(rest, "元")) {
			continue
		}
		return true
	}
	return false
}

// isZeroAt tells a zero amount at the start of s: 0, 0.00, 0万元 — not 0.5.
func isZeroAt(s string) bool {
	if !strings.HasPrefix(s, "0") {
		return false
	}
	s = s[1:]
	if rest, ok := strings.CutPrefix(s, "."); ok {
		s = strings.TrimLeft(rest, "0")
		if len(rest) == len(s) {
			return false // "0." and no zeros
		}
	}
	return s == "" || s[0] < '0' || s[0] > '9'
}

// blankNone finds a template sentence left without its figure whose
// paragraph says the department has none: "政府性基金支出预算支出万元。与上年
// 相比增加（减少）0万元…主要原因是本部门无此项支出。" — zero, in words.
func (b *builder) blankNone(subject string) (int, bool) {
	st := b.st
	for _, end := range b.find(subject) {
		rest := st.s[end:runeStart(st.s, min(len(st.s), end+30))]
		k := strings.Index(rest, "万元")
		if k < 0 || strings.ContainsAny(rest[:k], "0123456789。") {
			continue
		}
		para := end + k
		for n := 0; n < 3; n++ { // the sentence and the two after it
			para = st.sentenceEnd(min(para+len("。"), len(st.s)))
		}
		if strings.Contains(st.s[end:para], "无此项") {
			return end - len(subject), true
		}
	}
	return 0, false
}

// noneBefore gives a part said to be none its prior year's none too where
// its sentence goes on to say the year before had none either: "2015年某院
// 未安排出国(境)经费预算,2014年也未安排此项预算" — a clause that opens with
// the year before (or 上年) and says 也未安排, 也没有安排 or 也无.
func (b *builder) noneBefore(path string, f *schema.Figure, at int) *schema.Figure {
	st := b.st
	y := b.doc.Document.FiscalYear
	if y == 0 {
		return f
	}
	rest := st.s[at:st.sentenceEnd(at)]
	for _, w := range []string{"也未安排", "也没有安排", "也无"} {
		k := strings.Index(rest, w)
		if k < 0 {
			continue
		}
		clause := rest[:k]
		if j := strings.LastIndexAny(clause, ",，;；"); j >= 0 {
			_, n := utf8.DecodeRuneInString(clause[j:])
			clause = clause[j+n:]
		} else {
			continue // the part's own clause: no other year's
		}
		clause = strings.TrimSpace(clause)
		if clause == strconv.Itoa(y-1)+"年" || clause == strconv.Itoa(y-1)+"年度" || clause == "上年" || clause == "上年度" {
			zero := schema.Money(0)
			f.PriorYear = &zero
			b.doc.Provenance[path+"/prior_year"] = st.source(at + k)
		}
		break
	}
	return f
}

func (b *builder) zeroFigure(path string, at int) *schema.Figure {
	b.doc.Provenance[path+"/amount"] = b.st.source(at)
	return &schema.Figure{Amount: 0}
}

func (b *builder) funds() {
	d := b.doc
	if a, p := b.figure("/government_fund", "/amount", []string{"政府性基金预算财政拨款支出", "政府性基金预算拨款支出", "政府性基金预算支出", "政府性基金拨款支出预算", "政府性基金支出预算支出", "政府性基金支出预算", "政府性基金支出"}, 6); a != nil {
		d.GovernmentFund = b.newFigure("/government_fund", a, p)
	} else if at, ok := b.zeroStatement("政府性基金"); ok {
		d.GovernmentFund = b.zeroFigure("/government_fund", at)
	} else if at, ok := b.blankNone("政府性基金支出"); ok {
		d.GovernmentFund = b.zeroFigure("/government_fund", at)
	}
	if a, p := b.figure("/state_capital", "/amount", []string{"国有资本经营预算财政拨款支出", "国有资本经营预算拨款支出", "国有资本经营预算支出", "国有资本经营预算拨款支出预算", "国有资本经营支出预算", "国有资本经营支出"}, 6); a != nil {
		d.StateCapital = b.newFigure("/state_capital", a, p)
	} else if at, ok := b.zeroStatement("国有资本经营"); ok {
		d.StateCapital = b.zeroFigure("/state_capital", at)
	} else if at, ok := b.blankNone("国有资本经营预算支出"); ok {
		d.StateCapital = b.zeroFigure("/state_capital", at)
	}
}

func (b *builder) operatingCosts() {
	// 运行经费 alone is the 机关's where a fund or the department names it
	// ("一般公共预算财政拨款运行经费16252.11万元"), not a project's ("信息系统运行经费")
	b.labelOK = func(l string, start int) bool {
		return l != "运行经费" || !unicode.Is(unicode.Han, b.st.lastRune(start)) ||
			hasSuffixAny(b.st.s[:start], []string{"拨款", "预算", "资金", "年", "年度", "部门", "单位", "本级"})
	}
	a, p := b.figure("/operating_costs", "/amount", []string{"机关运行经费支出", "机关运行经费预算", "机关运行经费", "机关运行费", "运行经费"}, 12)
	b.labelOK = nil
	// "机关运行经费一般公共预算财政拨款56.78万元": the fund's words between
	if a != nil {
		b.doc.OperatingCosts = b.newFigure("/operating_costs", a, p)
	} else if at, ok := b.zeroStatement("机关运行经费"); ok { // "本部门无机关运行经费"
		b.doc.OperatingCosts = b.zeroFigure("/operating_costs", at)
	}
}

func (b *builder) procurement() {
	st := b.st
	labels := []string{"政府采购预算总额", "政府采购支出预算总额", "政府采购金额", "政府采购预算", "政府采购支出", "政府采购"}
	if b.doc.Document.Kind == schema.KindBudget { // a budget's plan is its budget; a 决算's is not what it spent
		labels = append(labels, "政府采购计划金额", "政府采购计划")
	}
	a, _ := b.figureWord("/procurement", "/amount", labels, 16, "预留", "面向", "中小企业")
	if a == nil {
		a = b.procurementUnderHeading()
	}
	if a == nil {
		if at, ok := b.zeroStatement("政府采购"); ok {
			b.doc.Provenance["/procurement/amount"] = st.source(at)
			b.doc.Procurement = &schema.Procurement{Amount: 0}
		}
		return
	}
	pr := &schema.Procurement{Amount: *a}
	b.doc.Procurement = pr
	b.sme(pr)
	line := b.doc.Provenance["/procurement/amount"].Line
	for _, end := range b.find("政府采购") {
		if st.lineAt(end) != line {
			continue
		}
		stop := st.sentenceEnd(end)
		if strings.HasPrefix(st.s[min(stop+len("。"), len(st.s)):], "其中") { // "…总额为 1774.70 万元。其中拟购买货物…"
			stop = st.sentenceEnd(stop + len("。"))
		}
		for _, part := range procurementParts(pr) {
			for _, l := range part.labels {
				if *part.dst != nil {
					break
				}
				for _, e := range b.find(l) {
					if e < end || e > stop {
						continue
					}
					if ti, ok := b.valueAfter(e, 6); ok {
						*part.dst = b.take("/procurement"+part.field, ti)
						b.shareAfter("/procurement"+part.field, "/procurement/amount", ti) // "，占政府采购支出总额的100%"
						break
					}
				}
			}
		}
		if pr.Goods != nil || pr.Works != nil || pr.Services != nil {
			return
		}
		// else the sentence was another's on the line (a heading: "2.政府采购情况。")
	}
	b.procurementKinds(pr)
}

// procurementUnderHeading reads the procurement a section of its own states
// without the label: under its heading ("五、政府采购"), a sentence that
// speaks of 采购 and states one amount, after 金额 ("2015年度我校采购礼堂椅
// 及办公设备购置,金额217800元。"). nil where the section says otherwise.
func (b *builder) procurementUnderHeading() *schema.Money {
	st := b.st
	for _, end := range b.find("政府采购") {
		h := compact(st.source(end - 1).Text) // end is where the heading's line ends
		if name := strings.TrimSuffix(strings.TrimSuffix(dropEnum(h), "说明"), "情况"); name == h || name != "政府采购" {
			continue
		}
		stop := st.sentenceEnd(end)
		var money []int
		for ti := st.tokenAt(end); ti < len(st.toks) && st.toks[ti].start < stop; ti++ {
			if st.toks[ti].kind == numMoney {
				money = append(money, ti)
			}
		}
		if len(money) != 1 || b.used[money[0]] || st.lineAt(stop) == st.lineAt(end-1) {
			continue
		}
		t := st.toks[money[0]]
		if before := strings.TrimRight(st.s[end:t.start], " :："); strings.Contains(before, "采购") && strings.HasSuffix(before, "金额") {
			return b.take("/procurement/amount", money[0])
		}
	}
	return nil
}

// procurementPart is a part by kind of the procurement: its field under
// /procurement, where the model holds it, and the labels naming it, the
// fullest first.
type procurementPart struct {
	field  string
	dst    **schema.Money
	labels []string
}

// procurementParts are the parts by kind of pr.
func procurementParts(pr *schema.Procurement) []procurementPart {
	return []procurementPart{
		{kindFields[0], &pr.Goods, []string{"货物类采购", "货物采购", "货物预算", "货物类", "货物"}},
		{kindFields[1], &pr.Works, []string{"工程类采购", "工程采购", "工程预算", "工程类", "工程"}},
		{kindFields[2], &pr.Services, []string{"服务类采购", "服务采购", "服务预算", "服务类", "服务"}},
	}
}

// procurementKinds reads the procurement's parts by kind from a sentence
// of their own, after the one naming the kinds: "按政府采购项目类型，分为货物类
// 采购、工程类采购和服务类采购三种类型。其中：货物类采购10000元，…工程类采购0元，
// …服务类采购7000元". Far from the amount's sentence, they are read only
// where all three are stated and add up to it; where one misprint keeps
// them from it, they are kept as sum claims (sum.text) instead.
func (b *builder) procurementKinds(pr *schema.Procurement) {
	st := b.st
	for _, end := range b.find("三种类型。") {
		open := st.sentenceStart(end - len("。")) // the sentence naming the kinds
		if !strings.Contains(st.s[open:end], "政府采购") || !strings.HasPrefix(st.s[end:], "其中") {
			continue
		}
		stop := st.sentenceEnd(end)
		parts := procurementParts(pr)
		var toks [3]int
		var sum schema.Money
		for i, part := range parts {
			toks[i] = -1
			for _, e := range b.find(part.labels[0]) { // "货物类采购"
				if ti, ok := b.valueAfter(e, 6); ok && e > end && e < stop && !b.used[ti] {
					toks[i] = ti
					sum += st.toks[ti].money()
					break
				}
			}
		}
		if slices.Contains(toks[:], -1) {
			continue
		}
		if sum != pr.Amount {
			// the kinds are every part ("分为…三种类型"): one misprint, or two
			// figures in each other's places, that keeps them from the
			// amount is a sum the text states, for the checks to name
			if wt, ok := b.tokenOf("/procurement/amount", pr.Amount); ok && b.misprintedSum(wt, toks[:]) {
				b.sumClaims("/procurement_kinds", wt, toks[:])
			}
			continue
		}
		for i, part := range parts {
			*part.dst = b.take("/procurement"+part.field, toks[i])
			b.shareAfter("/procurement"+part.field, "/procurement/amount", toks[i])
		}
		return
	}
}

// assets reads 国有资产占用: "年初资产总额 30.77万元，通用设备 20.56万元，…。
// 年末资产总额 37.35 万元，…。较上年增加 6.58万元，通用设备比上年增加 5.95 万元".
func (b *builder) assets() {
	st := b.st
	as := &schema.Assets{}
	for _, end := range b.find("资产总额") {
		start := end - len("资产总额")
		// the date nearest before, in the sentence: "年初资产总额…，年末资产总额",
		// "2019年末，本部门资产总额", "截至2019年底，资产总额"
		before := st.s[runeStart(st.s, max(0, start-3*20)):start]
		if k := strings.LastIndexAny(before, "。；;"); k >= 0 {
			before = before[k:]
		}
		var dst **schema.AssetState
		var path string
		opening, closing := -1, -1
		for _, w := range []string{"年初", "期初"} {
			opening = max(opening, strings.LastIndex(before, w))
		}
		for _, w := range []string{"年末", "期末", "年底", "截至", "截止"} {
			closing = max(closing, strings.LastIndex(before, w))
		}
		switch {
		case opening > closing:
			dst, path = &as.Start, "/assets/start"
		case closing > opening:
			dst, path = &as.End, "/assets/end"
		default:
			continue
		}
		if *dst != nil {
			continue
		}
		ti, ok := b.valueAfter(end, 4)
		if !ok {
			continue
		}
		state := &schema.AssetState{Total: *b.take(path+"/total", ti)}
		stop := st.sentenceEnd(st.toks[ti].end)
		for _, p := range b.pairs(st.toks[ti].end, stop, path+"/by_category/", "/amount") {
			state.ByCategory = append(state.ByCategory, schema.Named{Name: p.name, Amount: p.amount})
		}
		*dst = state
		if path == "/assets/end" {
			b.assetChanges(stop, state)
		}
	}
	if as.Start != nil || as.End != nil {
		b.doc.Assets = as
	}
}

// assetChanges reads the sentence after the year-end assets: the change of
// the total and of each category.
func (b *builder) assetChanges(from int, end *schema.AssetState) {
	st := b.st
	p := from + len("。")
	if p >= len(st.s) {
		return
	}
	stop := st.sentenceEnd(p)
	sent := st.s[p:stop]
	if c, ok := comparandAt(sent); ok && c.year == 0 {
		if y, ok := b.scanYoYAt(p, -1, stop); ok {
			b.recordYoY("/assets", y)
		}
	}
	for i, c := range end.ByCategory {
		k := strings.Index(sent, c.Name)
		if k < 0 {
			continue
		}
		if y, ok := b.scanYoYAt(p+k+len(c.Name), -1, stop); ok {
			b.recordYoY("/assets/end/by_category/"+strconv.Itoa(i), y)
		}
	}
}

// threePublicAt reads the label 三公经费 around the 三公 that ends at end,
// quoted any way ("“三公”经费", "“三公经费”"), or the quoted 三公 alone before
// what is spent ("“三公”支出合计为…"): start is where it opens, p where it
// ends; ok is false for a 三公 not followed by 经费, nor quoted so.
func (b *builder) threePublicAt(end int) (start, p int, ok bool) {
	st := b.st
	start = end - len("三公")
	quoted := false
	for _, q := range []string{"“", "\"", "「", "‘"} {
		if strings.HasSuffix(st.s[:start], q) {
			start -= len(q)
			quoted = true
			break
		}
	}
	p = end
	for _, q := range []string{"”", "\"", "」", "’"} {
		p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], q))
	}
	if quoted && p > end && strings.HasPrefix(st.s[p:], "支出") {
		return start, p, true
	}
	if !strings.HasPrefix(st.s[p:], "经费") || st.perUnit(start) { // "人均“三公”经费" is no total
		return 0, 0, false
	}
	p += len("经费")
	for _, q := range []string{"”", "\"", "」", "’"} { // “三公经费”
		p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], q))
	}
	return start, p, true
}

// priorOutturnParts reads the parts of the year before's 三公 outturn a
// budget states right after it (priorOutturn), in its sentence or the one
// after that opens with 其中: "2013年“三公”经费财政拨款执行数为71.54亿元。其
// 中,因公出国(境)费16.92亿元,公务用车购置及运行费42.53亿元,公务接待费
// 12.09亿元". The three must each be stated once and add up to that total
// within their rounding; each is the prior year of a part the year's
// figures hold (a part of the year not read gets none: its amount is not
// known).
func (b *builder) priorOutturnParts() {
	tp := b.doc.ThreePublic
	if tp == nil || tp.PriorYear == nil || b.doc.Document.Kind != schema.KindBudget {
		return
	}
	ti, ok := b.takenFor("/three_public/prior_year")
	if !ok {
		return
	}
	st := b.st
	t := st.toks[ti]
	end := st.sentenceEnd(t.end)
	if next := end + len("。"); next < len(st.s) && strings.HasPrefix(st.s[next:], "其中") {
		end = st.sentenceEnd(next)
	}
	seg := st.s[t.end:end]
	parts := []struct {
		key    string
		labels []string
		f      *schema.Figure
	}{
		{"overseas_travel", []string{"因公出国(境)费", "因公出国（境）费", "因公出国费"}, tp.OverseasTravel},
		{"vehicle", []string{"公务用车购置及运行费", "公务用车购置及运行维护费"}, tp.Vehicle},
		{"reception", []string{"公务接待费"}, tp.Reception},
	}
	toks := make([]int, len(parts))
	sum, tol := schema.Money(0), t.rounding()
	for i, p := range parts {
		at := -1
		for _, l := range p.labels {
			if j := strings.Index(seg, l); j >= 0 {
				if strings.Contains(seg[j+len(l):], l) {
					return // stated twice
				}
				at = t.end + j + len(l)
				break
			}
		}
		if at < 0 {
			return
		}
		vi, ok := b.valueAfter(at, 6)
		if !ok || st.toks[vi].start >= end || b.used[vi] {
			return
		}
		toks[i] = vi
		sum += st.toks[vi].money()
		tol += st.toks[vi].rounding()
	}
	if max(sum-*tp.PriorYear, *tp.PriorYear-sum) > tol {
		return
	}
	// a part's change the text states against another base (the year
	// before's budget: "与2013年年初预算相比…") that the outturn does not
	// make: the parts' comparisons are not with it, and none is read
	for i, p := range parts {
		if p.f == nil {
			continue
		}
		prior := st.toks[toks[i]]
		diff := (p.f.Amount - prior.money()).Float()
		for _, c := range b.doc.Claims {
			if c.Path != "/three_public/"+p.key {
				continue
			}
			switch {
			case c.Kind == schema.ClaimChange && math.Abs(c.Value-diff) > 3*prior.rounding().Float(),
				c.Kind == schema.ClaimChangePct && prior.money() != 0 && math.Abs(c.Value-diff/prior.money().Float()*100) > 0.5:
				return
			}
		}
	}
	for i, p := range parts {
		if p.f != nil && p.f.PriorYear == nil {
			p.f.PriorYear = b.take("/three_public/"+p.key+"/prior_year", toks[i])
		}
	}
}

// priorOutturn reads the year before's 三公 total a budget states in a
// sentence of its own, the year right before its 三公 and its outturn's word
// after (执行数, 决算数, 支出数): "2013年“三公”经费财政拨款执行数为71.54亿元" in a
// 2014 budget. nil where none is stated, or more than one.
func (b *builder) priorOutturn() *schema.Money {
	st := b.st
	fy := b.doc.Document.FiscalYear
	if b.doc.Document.Kind != schema.KindBudget || fy == 0 {
		return nil
	}
	found := -1
	for _, end := range b.find("三公") {
		start, p, ok := b.threePublicAt(end)
		if !ok {
			continue
		}
		y, _, after, ok := yearIn(st.s[max(0, start-len("2013年度")):start])
		if !ok || y != fy-1 || strings.TrimSpace(after) != "" {
			continue
		}
		ti, ok := b.valueAfter(p, 16)
		if !ok || b.used[ti] || !containsAny(st.s[p:st.toks[ti].start], []string{"执行数", "决算数", "支出数"}) {
			continue
		}
		if found >= 0 && found != ti {
			return nil
		}
		found = ti
	}
	if found < 0 {
		return nil
	}
	return b.take("/three_public/prior_year", found)
}

// threePublic reads 三公经费: the total (budgeted and executed for 决算)
// and its four parts, searched from the first 三公 sentence that states an
// amount.
func (b *builder) threePublic() {
	st := b.st
	tp := &schema.ThreePublic{}
	anchor := -1
	// a 决算's sentence that states the budget alone ("“三公”经费预算为50万元，
	// 其中：因公出国（境）费8万元…") lists the budget's parts: the amounts are
	// read after it, from the execution stated next
	budgetEnd := -1
	totalTok := -1 // the total's token
	for _, end := range b.find("三公") {
		if end < budgetEnd {
			continue
		}
		start, p, ok := b.threePublicAt(end)
		if !ok || b.otherYear(end-len("三公")) || b.comparand(start, p) { // "2018年“三公”经费预算执行数" in a 2019 budget
			continue
		}
		ti, ok := b.valueAfter(p, 16)
		if !ok {
			ti, ok = b.respectiveAmount("三公", start, p)
		}
		if !ok {
			// a sentence that names the parts only: "“三公”经费预算支出中，因公出国(境)费支出100万元"
			k := st.tokenAt(p)
			if k+1 < len(st.toks) && st.toks[k].kind == numYear { // "（一）因公出国(境)经费 2018年预算安排0万元"
				k++
			}
			if anchor < 0 && k < len(st.toks) && st.toks[k].kind == numMoney && st.toks[k].start-p < 120 && !strings.Contains(st.s[p:st.toks[k].start], "。") {
				anchor = end
			}
			// … or a part said to be none in the sentence after the heading:
			// "四、2018年度本单位“三公”经费决算情况 无公务用车购置和运行费。"
			if anchor < 0 && noneNamed(st.s[p:st.sentenceEnd(p)]) {
				anchor = end
			}
			continue
		}
		anchor = end
		gap := st.s[p:st.toks[ti].start]
		for _, f := range fundWords { // 一般公共预算 is the fund, not the budget figure
			gap = strings.ReplaceAll(gap, f, "")
		}
		if b.doc.Document.Kind == schema.KindFinalAccounts && strings.Contains(gap, "预算") {
			if tp.Budgeted != nil {
				continue // the budget restated: the execution is sought on
			}
			tp.Budgeted = b.take("/three_public/budgeted", ti)
			for _, l := range []string{"支出决算为", "决算为", "决算数为", "实际支出"} {
				if k := strings.Index(st.s[st.toks[ti].end:st.sentenceEnd(st.toks[ti].end)], l); k >= 0 {
					if tj, ok := b.valueAfter(st.toks[ti].end+k+len(l), 2); ok {
						tp.Total, totalTok = b.take("/three_public/total", tj), tj
						b.execution("/three_public", st.toks[tj].end, min(len(st.s), st.toks[tj].end+600))
						break
					}
				}
			}
			if tp.Total == nil {
				budgetEnd = st.sentenceEnd(st.toks[ti].end)
				anchor = budgetEnd
				continue
			}
		} else {
			// a budget's statement of what was spent ("全年实际开支“三公经费”
			// 2496.12万元", the year before's outturn in a story of the year's
			// budget) is no budget's total
			if b.spentInBudget(start, gap) {
				continue
			}
			if b.totalWithOthers(ti) {
				break // a whole of more than the three: no total, the parts are read
			}
			tp.Total, totalTok = b.take("/three_public/total", ti), ti
			if bt, ok := b.budgetAfter(ti); ok && b.doc.Document.Kind == schema.KindFinalAccounts {
				tp.Budgeted = b.take("/three_public/budgeted", bt)
			}
			tp.PriorYear = b.figureYoY("/three_public", ti)
			if tp.Budgeted == nil { // stated in its comparison with the budget
				tp.Budgeted = b.budgeted["/three_public"]
			}
			if budgetEnd >= 0 { // the execution after its budget: "…支出为41.2万元，完成预算的82.4%"
				b.execution("/three_public", st.toks[ti].end, st.clauseEnd(st.toks[ti].end))
			}
		}
		break
	}
	if tp.Total != nil {
		var compared []int
		for _, end := range b.find("三公") {
			if start, p, ok := b.threePublicAt(end); ok && b.comparand(start, p) {
				if ti, ok := b.priorCompared(start, p); ok {
					compared = append(compared, ti)
				}
			}
		}
		tp.PriorYear = b.comparedPriors("/three_public", compared, *tp.Total, tp.PriorYear)
		if tp.PriorYear == nil {
			tp.PriorYear = b.priorOutturn()
		}
		b.threePublicCompared()
		b.threePublicRestated(tp, totalTok)
	}
	d := b.doc.Document
	pageOfThree := d.Scope == "" && strings.Contains(d.Title, "三公")
	if anchor < 0 && pageOfThree {
		anchor = 0 // a page of the 三公 alone: its parts may each have a section, the total none
	}
	if tp.Total == nil && anchor < 0 {
		// a budget's page stating the year before's 三公 outturn alone, its
		// own cut off: "…公布了…2010年“三公经费”财政拨款支出情况和2011年
		// “三公经费”财政拨款预算安排情况。其中,2010年三公经费支出数为22738.55万元"
		if tp.PriorYear = b.priorOutturn(); tp.PriorYear != nil {
			b.doc.ThreePublic = tp
			return
		}
	}
	if anchor < 0 {
		b.threePublicNil(tp)
		return
	}
	var allLabels []string // a part in a list of others' amounts is an economic item's
	for _, f := range threePublicLabels {
		allLabels = append(allLabels, f.labels...)
	}
	// 会议费 and 培训费 are listed with the 三公 (Jiangsu's "“三公”经费、会议费、培训费")
	listed := append(slices.Concat(allLabels, bareCarParts), "会议费", "培训费")
	part := func(field string, labels []string) *schema.Figure {
		path := "/three_public/" + field
		b.after, b.listOf = anchor, listed
		// 车辆… (车辆购置费) is the 三公's where it opens its term, not a project's
		// (执法车辆购置费)
		b.labelOK = func(l string, start int) bool {
			if field != "vehicle" && wholeCarAt(st.s, start, start+len(l)) {
				return false // "公务用车运行维护费及公务用车购置费13984.61万元": both parts, the whole
			}
			if slices.Contains(bareCarParts, l) {
				return b.underVehicle(start)
			}
			return !strings.HasPrefix(l, "车辆") || !unicode.Is(unicode.Han, st.lastRune(start)) ||
				hasSuffixAny(st.s[:start], []string{"公务用", "公务", "公", "其中", "年", "年度", "安排"})
		}
		var a, p *schema.Money
		// a part's own section puts its year, fund and kind before the
		// amount: "（一）因公出国(境)费2013年度财政拨款决算数为93.87万元"
		// 国内公务接待费 and 国（境）外公务接待费 are the reception's own parts
		not := []string{"国内", "外", "外宾", "外事"}
		if field == "vehicle_purchase" || field == "vehicle_operation" {
			if field == "vehicle_purchase" {
				labels = append(slices.Clone(labels), bareCarPurchase...)
			} else {
				labels = append(slices.Clone(labels), bareCarParts[len(bareCarPurchase):]...)
			}
			a, p = b.figure(path, "/amount", labels, 12, not...)
		} else { // "因公出国（境）费支出决算0万元，占0%": a share of the total
			a, p = b.figureShare(path, labels, 12, "/three_public/total", not...)
		}
		b.after, b.listOf, b.labelOK = 0, nil, nil
		if a != nil {
			return b.newFigure(path, a, p)
		}
		if at, ok := b.zeroAfter(labels, anchor); ok {
			return b.noneBefore(path, b.zeroFigure(path, at), at)
		}
		if at, ok := b.zeroBefore(labels, allLabels, anchor); ok {
			return b.noneBefore(path, b.zeroFigure(path, at), at)
		}
		return nil
	}
	dst := map[string]**schema.Figure{"overseas_travel": &tp.OverseasTravel, "reception": &tp.Reception,
		"vehicle_purchase": &tp.VehiclePurchase, "vehicle_operation": &tp.VehicleOperation, "vehicle": &tp.Vehicle}
	for _, f := range threePublicLabels {
		*dst[f.field] = part(f.field, f.labels)
	}
	if pageOfThree && anchor > 0 && tp.Total == nil && tp.Budgeted == nil && tp.OverseasTravel == nil && tp.Reception == nil && tp.Vehicle == nil && tp.VehiclePurchase == nil && tp.VehicleOperation == nil {
		// a page of the 三公 alone whose parts are stated in its sections
		// before a table of them whose cells print their unit ("合计 | 44万元",
		// no figure the table readers take): the table's title, the last
		// mention, anchored the parts after it and none was found there —
		// they are the sections', read from the page's start
		anchor = 0
		for _, f := range threePublicLabels {
			*dst[f.field] = part(f.field, f.labels)
		}
	}
	if tp.VehiclePurchase == nil && tp.VehicleOperation == nil {
		// "公务用车购置及运行维护费支出决算为0.00万元": spending is never
		// negative, so a combined zero makes both parts zero.
		for _, l := range []string{"公务用车购置及运行维护费", "公务用车购置及运行费"} {
			for _, end := range b.find(l) {
				if end < anchor {
					continue
				}
				if ti, ok := b.valueAfter(end, 8); ok && st.toks[ti].money() == 0 {
					b.used[ti] = true
					tp.VehiclePurchase = b.zeroFigure("/three_public/vehicle_purchase", st.toks[ti].start)
					tp.VehicleOperation = b.zeroFigure("/three_public/vehicle_operation", st.toks[ti].start)
					if tp.Vehicle == nil {
						tp.Vehicle = b.zeroFigure("/three_public/vehicle", st.toks[ti].start)
					}
					break
				}
			}
			if tp.VehiclePurchase != nil {
				break
			}
		}
	}
	if tp.VehiclePurchase == nil && tp.VehicleOperation != nil {
		if at, ok := b.noPurchase(anchor); ok {
			tp.VehiclePurchase = b.zeroFigure("/three_public/vehicle_purchase", at)
		}
	}
	if tp.Vehicle != nil && tp.VehiclePurchase == nil && tp.VehicleOperation == nil {
		if at, ok := b.allOperation(tp.Vehicle.Amount, anchor); ok {
			b.doc.Provenance["/three_public/vehicle_operation/amount"] = st.source(at)
			tp.VehicleOperation = &schema.Figure{Amount: tp.Vehicle.Amount}
		}
	}
	if tp.Total == nil && tp.Budgeted == nil && tp.OverseasTravel == nil && tp.Reception == nil && tp.Vehicle == nil && tp.VehiclePurchase == nil && tp.VehicleOperation == nil {
		b.threePublicNil(tp)
		return
	}
	if b.vehicleOthers() {
		tp.VehiclePurchase, tp.VehicleOperation = nil, nil
	}
	b.doc.ThreePublic = tp
}

// totalWithOthers leaves out a 三公 total whose own list, right after its
// amount, gives 会议费 or 培训费 an amount besides the three: "“三公”经费决算数
// 合计为1000.86万,其中:因公出国(境)费0万元、…、会议费34.10万元、培训费51.37
// 万元" is the whole of five, more than the three the model's total is the sum
// of. The amount gets a warning; the parts are read.
func (b *builder) totalWithOthers(ti int) bool {
	st := b.st
	end := st.toks[ti].end
	list := st.s[end:st.sentenceEnd(end)]
	k := strings.Index(list, "其中")
	if k < 0 || strings.Trim(list[:k], " (,，:：") != "" {
		return false // 其中 opens the total's own list, right after its amount
	}
	other := false
	for _, w := range []string{"会议费", "培训费"} {
		if j := strings.Index(list[k:], w); j >= 0 {
			if tj, ok := b.valueAfter(end+k+j+len(w), 4); ok && st.toks[tj].start < end+len(list) {
				other = true
			}
		}
	}
	if !other {
		return false
	}
	b.used[ti] = true
	src := st.source(st.toks[ti].start)
	amount := st.toks[ti].money()
	b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text, Amount: &amount,
		Reason: fmt.Sprintf("amount %s left out: the “三公” total's list adds 会议费 or 培训费 to the three, which the model's total is the sum of", st.s[st.toks[ti].start:st.toks[ti].end])})
	return true
}

// savedWords, before a figure's name, make the amount after it what was
// saved of it, or its change: "节约“三公经费”141.35万元".
var savedWords = []string{"节约", "节省", "压减", "压缩", "减少", "增加"}

// threePublicRestated reads the 三公's total stated again in words that
// would have given it ("2013年国务院办公厅“三公”经费财政拨款决算数为399.48万元" in
// the news item's lead and again in its body): the same amount is the
// total's, another a restatement for the checks. Not a budget stated in a
// 决算, another year's, a comparison's, or a total of other spending with it
// (会议费, 培训费), nor what was saved of it (节约“三公经费”…). A 决算's total
// restated beside its 年初预算 gives the budgeted figure the first statement
// did not.
func (b *builder) threePublicRestated(tp *schema.ThreePublic, totalTok int) {
	st, total := b.st, *tp.Total
	for _, end := range b.find("三公") {
		start, p, ok := b.threePublicAt(end)
		if !ok || b.otherYear(end-len("三公")) || b.comparand(start, p) {
			continue
		}
		ti, ok := b.valueAfter(p, 16)
		if !ok || b.used[ti] {
			continue
		}
		gap := st.s[p:st.toks[ti].start]
		for _, f := range fundWords {
			gap = strings.ReplaceAll(gap, f, "")
		}
		if b.doc.Document.Kind != schema.KindBudget && strings.Contains(gap, "预算") || containsAny(st.s[start:st.toks[ti].start], []string{"会议费", "培训费"}) {
			continue
		}
		if hasSuffixAny(strings.TrimSuffix(st.s[:start], "了"), savedWords) {
			continue // what was saved of it: "节约“三公经费”141.35万元"
		}
		if b.spentInBudget(start, gap) {
			continue // the year before's outturn, no restatement
		}
		if t := st.toks[ti]; t.money() == total {
			b.used[ti] = true
			// the whole restated to be compared ("经比较2020年度镇本级“三公”
			// 经费41万元,较上年减少19万元,下降43.78%,较年初预算数减少4万元"),
			// its first statement compared with nothing
			if tp.PriorYear == nil && !slices.ContainsFunc(b.doc.Claims, func(c schema.Claim) bool {
				return c.Path == "/three_public" && slices.Contains([]string{schema.ClaimChange, schema.ClaimChangePct, schema.ClaimBudgetChange, schema.ClaimBudgetChangePct}, c.Kind)
			}) {
				tp.PriorYear = b.figureYoY("/three_public", ti)
			}
			if tp.Budgeted == nil && b.doc.Document.Kind == schema.KindFinalAccounts {
				if bt, ok := b.budgetAfter(ti); ok { // restated beside its budget
					tp.Budgeted = b.take("/three_public/budgeted", bt)
				}
			}
			b.restatedYoY(tp, ti)
		} else if totalTok >= 0 && coarserOf(st.toks[totalTok], t) {
			// the total first stated rounded or cut ("三公经费预算850万", a
			// headline), then exactly: the exact figure is the total
			b.used[ti] = true
			tp.Total, totalTok, total = b.take("/three_public/total", ti), ti, t.money()
			b.restatedYoY(tp, ti)
		} else {
			b.claim("/three_public", schema.ClaimAmount, ti, t.money().Float(), "")
		}
	}
}

// restatedYoY reads the comparison with the prior year after the 三公's
// total stated again, where the statement read first compared it with
// none: a headline or a story's lead states the total alone
// ("“三公经费”财政拨款预算总额为291.57万元"), the body again with its change
// ("2013年“三公经费”财政拨款预算291.57万元，比2012年…减少128.34万元"), and
// the parts' changes stated after it add up to that change.
func (b *builder) restatedYoY(tp *schema.ThreePublic, ti int) {
	if tp.PriorYear != nil {
		return
	}
	for _, cl := range b.doc.Claims {
		if cl.Path == "/three_public" && (cl.Kind == schema.ClaimChange || cl.Kind == schema.ClaimChangePct) {
			return
		}
	}
	tp.PriorYear = b.figureYoY("/three_public", ti)
}

// vehicleOthers leaves out the vehicles' two parts where the list under
// their whole names another part with an amount: "公务用车购置及运行维护费
// 11167万元(其中,公务用车购置费255万元,公务用车运行维护费7922万元,其他交通
// 工具购置144万元,其他交通费用2846万元)". The whole is more than the two, which
// the model's subtotal is the sum of; each of the two gets a warning.
func (b *builder) vehicleOthers() bool {
	st := b.st
	whole, parts := -1, []int{}
	for ti, ptr := range b.amountOf {
		switch ptr {
		case "/three_public/vehicle/amount":
			whole = ti
		case "/three_public/vehicle_purchase/amount", "/three_public/vehicle_operation/amount":
			parts = append(parts, ti)
		}
	}
	if whole < 0 || len(parts) == 0 {
		return false
	}
	end := st.toks[whole].end
	list := st.s[end:st.sentenceEnd(end)]
	k := strings.Index(list, "其中")
	if k < 0 || strings.Trim(list[:k], " (,，:：") != "" {
		return false // 其中 opens the whole's own list, right after its amount
	}
	if c := strings.IndexAny(list[k:], ")"); c >= 0 {
		list = list[:k+c]
	}
	other := false
	for at := k; ; {
		j := strings.Index(list[at:], "其他")
		if j < 0 {
			break
		}
		at += j + len("其他")
		// its amount, no other part of the list between
		if ti := st.tokenAt(end + at); ti < len(st.toks) && st.toks[ti].kind == numMoney && st.toks[ti].start < end+len(list) &&
			!strings.ContainsAny(st.s[end+at:st.toks[ti].start], ",，、;；") && st.toks[ti].money() > 0 {
			other = true
		}
	}
	if !other {
		return false
	}
	slices.Sort(parts)
	for _, ti := range parts {
		src := st.source(st.toks[ti].start)
		amount := st.toks[ti].money()
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text, Amount: &amount,
			Reason: fmt.Sprintf("amount %s left out: the vehicles' spending lists other parts besides purchase and operation (其他…), which the model's vehicle subtotal adds", st.s[st.toks[ti].start:st.toks[ti].end])})
		delete(b.doc.Provenance, b.amountOf[ti])
		delete(b.amountOf, ti)
	}
	return true
}

// noPurchaseWords say the year bought no vehicle.
var noPurchaseWords = []string{"无新购车辆", "无新购置车辆", "无新购公务用车", "未新购公务用车", "未购置公务用车", "没有购置公务用车", "未购置车辆", "没有购置车辆"}

// noPurchase finds where the text says, after anchor, that the year bought
// no vehicle ("2015年度单位公务用车保有量为2辆，无新购车辆"; "而2017年没有购置公务
// 用车"): the vehicles' purchase is 0. Its clause names no other year and
// no year before (上年未购置… is another year's).
func (b *builder) noPurchase(anchor int) (int, bool) {
	st := b.st
	fy := b.doc.Document.FiscalYear
	for _, w := range noPurchaseWords {
		for _, end := range b.find(w) {
			start := end - len(w)
			if start < anchor {
				continue
			}
			clause := st.s[st.clauseStart(start):start]
			if containsAny(clause, priorYearWords) {
				continue
			}
			if y, _, _, ok := yearIn(clause); ok && y != fy {
				continue
			}
			return start, true
		}
	}
	return 0, false
}

// allOperation finds where the text says the vehicles' spending (amount) is
// all operation: "公务用车购置及运行费294万元，全部为公务用车运行费", the
// amount the last of its clause before the words. Where it was said.
func (b *builder) allOperation(amount schema.Money, anchor int) (int, bool) {
	st := b.st
	for _, w := range []string{"全部为公务用车运行维护费", "全部为公务用车运行费", "全部为运行维护费", "全部为运行费", "均为公务用车运行维护费", "均为公务用车运行费"} {
		for _, end := range b.find(w) {
			start := end - len(w)
			if start < anchor {
				continue
			}
			from := start
			if k := strings.LastIndexAny(st.s[:start], "。；;\n"); k >= 0 {
				from = k
			}
			clause := st.s[from:start]
			if !containsAny(clause, []string{"公务用车购置及运行", "公务用车费", "车辆购置及运行"}) {
				continue
			}
			last := -1
			for i, t := range st.toks {
				if t.start >= from && t.end <= start && t.kind == numMoney {
					last = i
				}
			}
			if last >= 0 && st.toks[last].money() == amount {
				return start, true
			}
		}
	}
	return 0, false
}

// threePublicCompared records a comparison of the 三公 total stated after
// its name (and its own words) without its amount: "“三公”经费比上年减少2万
// 元".
func (b *builder) threePublicCompared() {
	st := b.st
	for _, end := range b.find("三公") {
		p := end
		for _, w := range []string{"”", "\"", "」", "’", "经费", "”", "\"", "」", "’"} {
			p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], w))
		}
		p += len(b.ownWords(st.s[p:min(len(st.s), p+30)])) // "“三公”经费财政拨款支出决算数比上年减少…"
		if p > end && !b.otherYear(end-len("三公")) {
			b.comparedAt("/three_public", p)
		}
	}
}

// threePublicLabels are the narrative's labels of the parts of 三公经费, by
// field. The vehicle parts are also named with each word for the cars
// (公务车辆购置费, 车辆运行维护费, 公务用车购置及运行支出 …).
var threePublicLabels = []struct {
	field  string
	labels []string
}{
	// 公款出国(境): a court's or a paper's word for it ("无公款出国(境)");
	// 出国计划: what a budget says it has none of ("没有安排出国计划");
	// 因公出境: a county unit's short word ("公务接待费0元,因公出境0元")
	{"overseas_travel", []string{"因公出国(境)费用", "因公出国(境)费", "因公出国(境)经费", "因公出国(境)", "出国(境)费", "因公出国费", "因公出国", "出国(境)经费", "出国经费", "公款出国(境)", "出国计划", "因公出境"}},
	{"reception", []string{"公务接待费", "公务接待"}},
	{"vehicle_purchase", carLabels([]string{"公务用车购置费", "车购置费", "公务用车购置", "公务车购置费"}, "购置费", "购置")},
	// 维护费 alone is the operation only after the official cars' own words
	// (公务用车维护费): 车辆维护费 is as often the repairs among its parts
	{"vehicle_operation", carLabels([]string{"公务用车运行维护费", "车运行维护费", "公务用车运行费", "车辆运行费", "公务车用车运行费", "公务车运行费", "公务用车运维费", "公车运维费", "公车运行费", "公务用车维护费", "公务车辆维护费", "公务车维护费", "公车维护费"},
		"运行维护费", "运行费维护费", "运行及维护费", "运行费", "运维费", "运行维护", "运行及维护", "运行")}, // 运行费维护费: a typo of 运行维护费
	{"vehicle", carLabels(append(slices.Clone(joinedCarLabels), "公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置和运行维护费", "公务用车购置和运行费", "公务用车购置及运维费", "公车购置及运维费", "公车购置及运行维护费", "公车购置及运行费", "公车使用经费", "公务用车经费", "车辆经费", "公务用车预算"),
		"购置及运行维护费", "购置和运行维护费", "购置及运行费", "购置和运行费", "购置及运维费", "运行维护及购置费", "运行及购置费", "购置及运行维护", "购置及运行", "购置和运行")},
}

// joinedCarLabels name the cars' whole by its two parts' labels joined
// ("公务用车运行维护费及公务用车购置费", "公车购置费和运行费"): the whole's
// labels, whose last part's label is none of the part's own.
var joinedCarLabels = func() []string {
	var out []string
	for _, c := range []string{"公务用车", "公车"} {
		for _, o := range []string{"运行维护费", "运行费"} {
			for _, j := range []string{"及", "和"} {
				out = append(out, c+o+j+c+"购置费", c+o+j+"购置费", c+"购置费"+j+c+o, c+"购置费"+j+o)
			}
		}
	}
	return out
}()

// wholeCarAt tells a part's label at s[start:end] that is within the cars'
// whole joined of both parts (joinedCarLabels).
func wholeCarAt(s string, start, end int) bool {
	for _, w := range joinedCarLabels {
		lo := max(0, end-len(w))
		if k := strings.Index(s[lo:min(len(s), start+len(w))], w); k >= 0 && lo+k <= start {
			return true
		}
	}
	return false
}

// bareCarParts name the cars' two parts without the cars: only listed under
// their whole ("公务用车购置及运行费17万元，其中：购置费0万元、运行费17万元")
// are they the 三公's (underVehicle).
var bareCarParts = []string{"购置费", "购置经费", "运行维护费", "运行费"}

// carCount tells text that ends with the official cars' count: "公务用车2辆",
// "公车保有量1辆".
func carCount(s string) bool {
	n, ok := strings.CutSuffix(s, "辆")
	if !ok {
		return false
	}
	if n = strings.TrimRight(n, "0123456789"); len(n) == len(s)-len("辆") {
		return false // no number
	}
	n = strings.TrimSuffix(strings.TrimSuffix(n, "为"), "保有量")
	return hasSuffixAny(n, []string{"公务用车", "公车", "公务车", "公务车辆"})
}

// bareCarPurchase are the bareCarParts that name the purchase.
var bareCarPurchase = bareCarParts[:2]

// underVehicle tells a bare part at start listed after 其中 under the cars'
// whole in its sentence: the whole's label, its amount, then 其中, with no
// full stop between, and no character of a longer name before the part.
func (b *builder) underVehicle(start int) bool {
	st := b.st
	if unicode.Is(unicode.Han, st.lastRune(start)) && !strings.HasSuffix(st.s[:start], "其中") {
		return false
	}
	s := st.s[max(0, start-240):start]
	if carCount(strings.TrimRight(s, ",，、 ")) {
		return true // right after the cars' count: "其中:公务用车2辆,运行维护费4万元"
	}
	k := strings.LastIndex(s, "其中")
	if k < 0 || strings.Contains(s[k:], "。") {
		return false
	}
	whole := strings.TrimRight(s[:k], " ")
	// "其中" may open the sentence after the whole's: "…购置及运行维护费3万元，
	// 较上年持平。其中：购置经费0万元、运行维护费3万元"
	whole = strings.TrimSuffix(whole, "。")
	if j := strings.LastIndex(whole, "。"); j >= 0 {
		whole = whole[j:]
	}
	return containsAny(whole, []string{"购置及运行", "购置和运行", "购置及运维"})
}

// carLabels are labels and, after them, each word for the cars followed by
// each of tails, those not already there.
func carLabels(labels []string, tails ...string) []string {
	out := slices.Clone(labels)
	for _, t := range tails {
		for _, c := range []string{"公务用车", "公务车辆", "公务车", "公车", "车辆"} {
			if !slices.Contains(out, c+t) {
				out = append(out, c+t)
			}
		}
	}
	return out
}

// noneNamed tells text that says a 三公 part is none before its label:
// "无公务用车购置和运行费".
func noneNamed(s string) bool {
	for at := 0; ; {
		k := strings.Index(s[at:], "无")
		if k < 0 {
			return false
		}
		at += k + len("无")
		for _, f := range threePublicLabels {
			if startsWithAny(s[at:], f.labels) {
				return true
			}
		}
	}
}

// zeroWords say, right after a label, that there is none of it.
var zeroWords = []string{"为零", "为0", "无", "均无", "未安排", "没有安排", "不安排", "均为零", "均为0", "均未安排", "零"}

// zeroAfter finds a 三公 part stated as none after its label, at or past
// from: "因公出国（境）费为零", "公务用车购置费：无", and in a list, "因公出国
// （境）费、公务用车购置费未安排预算". A figure ("为0.5万元") and a change
// stated as none ("无变化") are not.
func (b *builder) zeroAfter(labels []string, from int) (int, bool) {
	st := b.st
	for _, l := range labels {
		for _, end := range b.find(l) {
			if end-len(l) < from {
				continue
			}
			rest := st.s[end:st.clauseEnd(end)]
			for {
				rest = strings.TrimLeftFunc(rest, func(r rune) bool { return strings.ContainsRune(fillers, r) })
				other, ok := strings.CutPrefix(rest, "、")
				if !ok {
					other, ok = strings.CutPrefix(rest, "和")
				}
				if !ok {
					break
				}
				named := false
				for _, p := range threePublicLabels {
					for _, o := range p.labels {
						if !named && strings.HasPrefix(other, o) {
							rest, named = other[len(o):], true
						}
					}
				}
				if !named {
					break
				}
			}
			w, ok := wordAt(rest, zeroWords)
			if !ok || strings.HasPrefix(rest, "无变化") || strings.HasPrefix(rest, "无增减") || strings.HasPrefix(rest, "无法") || strings.HasPrefix(rest, "无论") {
				continue
			}
			if strings.HasSuffix(w, "0") && !saysZero(w+rest[len(w):]) {
				continue // "为0.5万元", "为0万元": the amount rules read figures
			}
			return end, true
		}
	}
	return 0, false
}

// zeroBefore finds a 三公 part at or past from said to be none before its
// label (its 费 may be left out): "2018 年无公务用车购置预算安排", and in a
// list, "无因公出国（境）费和公务用车购置费".
func (b *builder) zeroBefore(labels, all []string, from int) (int, bool) {
	st := b.st
	for _, l := range labels {
		for _, v := range slices.Compact([]string{l, strings.TrimSuffix(l, "费")}) {
			for _, end := range b.find(v) {
				start := end - len(v)
				if start < from {
					continue
				}
				before := st.s[from:start]
				for {
					rest, ok := strings.CutSuffix(before, "和")
					if !ok {
						rest, ok = strings.CutSuffix(before, "、")
					}
					named := false
					for _, o := range all {
						if r, cut := strings.CutSuffix(rest, o); ok && cut && !named {
							before, named = r, true
						}
					}
					if !named {
						break
					}
				}
				if hasSuffixAny(before, []string{"无", "没有", "未安排", "没有安排", "不安排", "未发生"}) {
					return end, true
				}
			}
		}
	}
	return 0, false
}

// threePublicNil reads "“三公”经费均为0" (or 均为0万元): the total and every
// part nil.
func (b *builder) threePublicNil(tp *schema.ThreePublic) {
	at, ok := b.zeroStatement("三公")
	if !ok {
		return
	}
	zero := schema.Money(0)
	tp.Total = &zero
	b.doc.Provenance["/three_public/total"] = b.st.source(at)
	tp.OverseasTravel = b.zeroFigure("/three_public/overseas_travel", at)
	tp.Reception = b.zeroFigure("/three_public/reception", at)
	tp.Vehicle = b.zeroFigure("/three_public/vehicle", at)
	tp.VehiclePurchase = b.zeroFigure("/three_public/vehicle_purchase", at)
	tp.VehicleOperation = b.zeroFigure("/three_public/vehicle_operation", at)
	b.doc.ThreePublic = tp
}

// department reads the responsibilities and the staff head counts.
func (b *builder) department(flat []string) {
	d := &b.doc.Department
	d.Responsibilities = b.responsibilities(flat)
	staff := &schema.Staff{}
	any := false
	for _, f := range []struct {
		field  string
		dst    **int
		labels []string
	}{
		{"active", &staff.Active, []string{"在职人员", "在职职工", "在编人员"}},
		{"administrative", &staff.Administrative, []string{"行政人员", "行政编制人员"}},
		{"civil_service", &staff.CivilService, []string{"参公人员", "参照公务员法管理人员"}},
		{"institution", &staff.Institution, []string{"事业人员", "事业编制人员"}},
		{"support", &staff.Support, []string{"工勤人员", "工勤编制人员"}},
		{"retired", &staff.Retired, []string{"离退休人员", "退休人员"}},
	} {
		for _, l := range f.labels {
			if *f.dst != nil {
				break
			}
			for _, end := range b.find(l) {
				if n, off, ok := b.headCount(end); ok {
					*f.dst = &n
					b.doc.Provenance["/department/staff/"+f.field] = b.st.source(off)
					any = true
					break
				}
			}
		}
	}
	if any {
		d.Staff = staff
	}
}

// headCount reads "7人" or "七人" right after a label.
func (b *builder) headCount(pos int) (int, int, bool) {
	st := b.st
	if ti, ok := b.valueAfter(pos, 3, numCount); ok && st.toks[ti].unit == "人" && st.toks[ti].scale == 0 {
		return int(st.toks[ti].mant), st.toks[ti].start, true
	}
	rest := st.s[pos:min(len(st.s), pos+24)]
	rest = strings.TrimPrefix(rest, "为")
	if k := strings.Index(rest, "人"); k > 0 {
		if n, ok := chineseNumber(rest[:k]); ok {
			return n, pos, true
		}
	}
	return 0, 0, false
}

// hanDigits are the values of the Chinese digits.
var hanDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads 七, 十二, 二十三, 一百零五.
func chineseNumber(s string) (int, bool) {
	total, cur := 0, 0
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if d, ok := hanDigits[r]; ok {
			cur = d
			continue
		}
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
		case '百':
			total += cur * 100
		case '千':
			total += cur * 1000
		default:
			return 0, false
		}
		cur = 0
	}
	return total + cur, true
}

// statedChanges keeps a comparison no figure of the model takes: "财政拨款
// 预算支出 21,940.96 万元，与上年相比增加 3,958.98 万元，增长 22 %" states the
// prior year twice — as the amount less the change, and through the
// percentage — and the two must agree; a share may stand between ("，占
// 本年支出合计的 99.94 %。与上年相比，…"). The amount must open its sentence
// (no amount or percentage before it: "人员经费A万元、公用经费B万元，比上年
// 增加…" speaks of both), outside an aside, and no aside stands between
// it and the change. Where the percentage is not change / (amount −
// change) within the rounding of the three numbers (yoy.change_pct's
// tolerance), the three become claims on /text/<the amount's line>, for
// yoy.change_pct; where they agree nothing is kept.
func (b *builder) statedChanges() {
	st := b.st
	for ti, t := range st.toks {
		if t.kind != numMoney || t.unit == "" || b.used[ti] {
			continue
		}
		from := st.lastStop(t.start)
		if i := listItemStart(st.s[from+1 : t.start]); i >= 0 {
			from += 1 + i // "…具体情况如下：（一）…": the item is a sentence of its own
		}
		first := true
		for k := ti - 1; k >= 0 && st.toks[k].start > from; k-- {
			first = first && st.toks[k].kind != numMoney && st.toks[k].kind != numPct
		}
		if before := st.s[from+1 : t.start]; !first || strings.Count(before, "（")+strings.Count(before, "(") > strings.Count(before, "）")+strings.Count(before, ")") {
			continue // not the sentence's first amount, or inside an aside
		}
		b.keepOwnChange(ti)
	}
}

// keepOwnChange keeps the comparison that follows the amount token ti as
// claims on /text/<its line> where its percentage does not agree with the
// amount and the change (see statedChanges).
func (b *builder) keepOwnChange(ti int) {
	st := b.st
	t := st.toks[ti]
	y, ok := b.scanYoY(ti)
	if s := ti + 1; !ok && s < len(st.toks) && st.toks[s].kind == numPct && strings.HasPrefix(strings.TrimLeft(st.s[t.end:st.toks[s].start], "，, "), "占") {
		// "21,940.96 万元，占本年支出合计的 99.94 %。与上年相比，…增加": the share between
		y, ok = b.scanYoYAt(st.toks[s].end, t.money(), st.sentenceEnd(st.toks[s].end))
	}
	if !ok || y.prior >= 0 || y.change < 0 || y.pct < 0 || b.used[y.change] || b.used[y.pct] {
		return
	}
	c, p := st.toks[y.change], st.toks[y.pct]
	if strings.ContainsAny(st.s[t.end:c.start], "（(") {
		// "169.50万元（其中按照项级科目统计，…金额为169.50万元），较上年…":
		// an aside between may change what the comparison is of
		return
	}
	if changeAgrees(t, c, p, float64(y.changeSign), float64(y.pctSign)) {
		return
	}
	path := "/text/" + strconv.Itoa(st.source(t.start).Line)
	b.textClaim(path, schema.ClaimAmount, t, t.money().Float())
	b.textClaim(path, schema.ClaimChange, c, float64(y.changeSign)*c.money().Float())
	b.textClaim(path, schema.ClaimChangePct, p, float64(y.pctSign)*p.float())
}

// listItemStart is the offset in s (folded text) of the last colon an
// enumerated item follows ("具体情况如下：（一）", "包括：1、"), or -1: the item
// is a sentence of its own, whatever the colon's sentence stated before it.
func listItemStart(s string) int {
	for end := len(s); ; {
		i := strings.LastIndex(s[:end], ":")
		if i < 0 {
			return -1
		}
		if style, _ := enumOf(s[i+1:]); style != enumNone {
			return i
		}
		end = i
	}
}

// changeAgrees tells whether a stated percentage p is the change c against
// the amount x less it (see pctAgrees).
func changeAgrees(x, c, p token, cSign, pSign float64) bool {
	return pctAgrees(x, c, cSign, pSign*p.float(), p.scale, false, func(cur, ch float64) float64 { return cur - ch })
}

// pctAgrees tells whether a stated percentage (printed with pScale
// decimals) is (a − prior) / prior, the prior year being prior(a, b) of the
// amount a and the token b (times bSign), within the rounding of the three
// numbers and the percentage's last digit (as yoy.change_pct measures it):
// a prior year stated apart allows 0.1 points at least; one that follows
// from the change the sentence states, the last digit cut. A prior year
// that may be zero compares with nothing.
func pctAgrees(a, b token, bSign, stated float64, pScale int, apart bool, prior func(a, b float64) float64) bool {
	half := func(t token) float64 { return 0.5 * math.Pow(10, -float64(t.scale)) * float64(moneyFactor(t.unit)) }
	x, y := a.money().Float(), bSign*b.money().Float()
	p0 := prior(x, y)
	if p0 == 0 {
		return true
	}
	v := (x - p0) / math.Abs(p0) * 100
	lo, hi := v, v
	for _, dx := range []float64{-half(a), half(a)} {
		for _, dy := range []float64{-half(b), half(b)} {
			p := prior(x+dx, y+dy)
			if p*p0 <= 0 {
				return true // the prior year may be zero: nothing to compare
			}
			w := (x + dx - p) / math.Abs(p) * 100
			lo, hi = math.Min(lo, w), math.Max(hi, w)
		}
	}
	tol := v - lo
	if stated >= v {
		tol = hi - v
	}
	unit := math.Pow(10, -float64(pScale))
	tol += unit / 2
	switch {
	case apart:
		tol = max(tol, 0.1)
	case math.Abs(stated) < math.Abs(v):
		tol += unit / 2 // its last digit cut rather than rounded
	}
	return math.Abs(stated-v) <= tol
}

// shortName tells text that ends with the department's name, or with its
// last four characters at least ("复兴小学" of "某县某镇复兴小学").
func shortName(s, name string) bool {
	for k := range name {
		if utf8.RuneCountInString(name[k:]) < 4 {
			return false
		}
		if strings.HasSuffix(s, name[k:]) {
			return true
		}
	}
	return false
}
