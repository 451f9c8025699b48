package extract

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/schema"
)

// builder carries one extraction: the stream, the document being built and
// which tokens have been placed in it.
type builder struct {
	st    *stream
	doc   *schema.Document
	used  []bool
	found map[string][]int // find's results by label: rules ask for the same labels often

	wholeWords bool                               // figure skips labels inside longer terms (see figureWord)
	after      int                                // figure skips labels before this offset
	fragment   int                                // figure skips labels before this offset too: the end of the sentence a page opens in (openingFragment)
	listOf     []string                           // figure skips labels in a list of amounts not all named by these (see inOthersList)
	labelOK    func(label string, start int) bool // figure skips the occurrences it rejects
	budgeted   map[string]*schema.Money           // a 决算's budgeted figures figure read before their amounts, by path

	coded            []codedTree              // the function tables' coded rows, given to the model once the text's 项 are in
	expenditureRow   *[2]schema.Money         // basic and project of a 支出总表 of one row (singleRow)
	fiscalTableTotal schema.Money             // the 财政拨款收支总表's 总计, when that table gave it
	tabs             []table                  // the tables found, for the coverage report
	tableLines       map[int]bool             // lines a table reader took a figure from, or the title of a coded table it read
	pending          []pendingClaim           // figures of tables not used, placed as claims once the model is read (tableClaims)
	web              bool                     // a saved web page: its tables' cells in the order of their rows (webtables.go)
	unread           map[string]schema.Source // why figures of a model path the text holds were not read (Text), from which line
	amountOf         map[int]string           // the pointer each token taken went to (take), for respectively
	beside           map[string]besideCell    // the cells of the 三公 table's 会议费 and 培训费 columns (besideColumns)
}

// gapBreakers are words that, between a label and a number, mean the number
// is not the label's amount ("基本支出增加 34.09 万元" states a change).
var gapBreakers = []string{"增加", "减少", "增长", "下降", "降低", "比", "较", "占", "其中", "，", "。", "；", ",", ";", "、", "(", "“", "”"}

// fillers are the only characters allowed between a label and its amount:
// "政府采购预算总额为", "三公经费财政拨款支出年初预算为", "基本支出预算数为",
// "收、支总计各", "“三公”经费支出决算汇总数为" (a region's sum), "三公经费开支" (spent).
const fillers = "预算决算总额金额合计共计总计为是数达支出收入安排财政拨款年初度本全部共约:当实际执行资金经费用计各汇开 "

// fundWords name the funds an amount is paid from, or say it is a ceiling;
// between a label and its amount they are fillers: "“三公”经费一般公共预算拨款
// 267.66万元", "“三公经费”控制数 111.33万元".
var fundWords = []string{"一般公共预算", "公共财政", "公共预算", "控制数"}

// valueAfter finds the money token that is the amount of the label ending at
// pos: it must follow within maxGap runes (asides without digits aside), with
// no digits, punctuation or change words between (fillers such as 为, :, 预算,
// 支出 are fine).
func (b *builder) valueAfter(pos, maxGap int, kinds ...int) (int, bool) {
	st := b.st
	ti := st.tokenAt(pos)
	if ti >= len(st.toks) {
		return 0, false
	}
	t := st.toks[ti]
	// the document's own year may stand between a label and its amount:
	// "公务接待费 2018年预算安排30万元"
	// — but not after another label of its own ("收入预算 / 财政拨款收入:2012年
	// 年初预算数为…" is the source's)
	if t.kind == numYear && int(t.mant) == b.doc.Document.FiscalYear && ti+1 < len(st.toks) && onlyFillers(st.s[pos:t.start]) && ownColon(st.s[pos:t.start]) {
		pos, ti = t.end, ti+1
		t = st.toks[ti]
	}
	if len(kinds) == 0 {
		kinds = []int{numMoney}
	}
	okKind := false
	for _, k := range kinds {
		okKind = okKind || t.kind == k
	}
	if !okKind {
		return 0, false
	}
	// an aside does not count ("公务用车购置及运行费（含公务用车购置费和运行维护费）25万元")
	gap := dropAsides(st.s[pos:t.start])
	if utf8.RuneCountInString(gap) > maxGap {
		return 0, false
	}
	for _, f := range fundWords {
		gap = strings.ReplaceAll(gap, f, "")
	}
	for _, comma := range []string{",", "，"} {
		if g, ok := strings.CutPrefix(gap, comma); ok && g != "" && !strings.ContainsAny(g, ",，") {
			gap = g // "机关运行经费,当年一般公共预算拨款6.83万元": a clause of fillers naming its funds
		}
	}
	for _, w := range gapBreakers {
		if strings.Contains(gap, w) {
			return 0, false
		}
	}
	if !onlyFillers(gap) {
		return 0, false
	}
	if ownColon(gap) {
		return ti, true
	}
	return 0, false
}

// ownColon tells a gap after a label whose only colon, if any, is the
// label's own, right after it: a colon further on ends another label.
func ownColon(gap string) bool {
	return strings.HasPrefix(gap, ":") && strings.Count(gap, ":") == 1 || !strings.Contains(gap, ":")
}

// onlyFillers tells a gap made of fillers alone.
func onlyFillers(gap string) bool {
	for _, r := range gap {
		if !strings.ContainsRune(fillers, r) {
			return false
		}
	}
	return true
}

// dropAsides removes parenthesised asides without digits from a gap:
// "政府采购金额(以合同签订为准)为251.25万元".
func dropAsides(s string) string {
	for {
		open := strings.Index(s, "(")
		if open < 0 {
			return s
		}
		end := strings.Index(s[open:], ")")
		if end < 0 || strings.ContainsAny(s[open:open+end], "0123456789") {
			return s
		}
		s = s[:open] + s[open+end+1:]
	}
}

// foundLabels sizes find's map: the rules ask a document about 330–570
// labels (the generated families), which a map grown from nothing would
// copy eight times over.
const foundLabels = 640

// newBuilder starts the extraction of doc from st.
func newBuilder(st *stream, doc *schema.Document) *builder {
	return &builder{st: st, doc: doc, used: make([]bool, len(st.toks)), found: make(map[string][]int, foundLabels), tableLines: map[int]bool{}}
}

// find returns the offsets just after each occurrence of label.
func (b *builder) find(label string) []int {
	if out, ok := b.found[label]; ok {
		return out
	}
	out := b.scan(label)
	b.found[label] = out
	return out
}

// scan finds a label through the stream's rune index: it looks only where
// the label's rarest character stands, instead of reading the whole text
// once per label (most labels start with common characters such as 支 or 收,
// and Chinese characters share their first UTF-8 byte).
func (b *builder) scan(label string) []int {
	st := b.st
	if st.off == nil {
		st.indexRunes()
	}
	best, bestOff := []int32(nil), -1
	for off, r := range label {
		pos := st.positions(r)
		if bestOff < 0 || len(pos) < len(best) {
			best, bestOff = pos, off
		}
		if len(pos) == 0 {
			return nil
		}
	}
	var out []int
	last := 0
	for _, p := range best {
		start := int(p) - bestOff
		if start < last || start < 0 || !strings.HasPrefix(st.s[start:], label) {
			continue
		}
		last = start + len(label)
		out = append(out, last)
	}
	return out
}

// indexIn is strings.Index(b.st.s[from:to], w) for a word w that cannot
// overlap itself, from the offsets find keeps of w: a clause in a table
// runs on to the next 。, which a scan would read through at every label.
func (b *builder) indexIn(w string, from, to int) int {
	ends := b.find(w)
	n := sort.SearchInts(ends, from+len(w))
	if n == len(ends) || ends[n] > to {
		return -1
	}
	return ends[n] - len(w) - from
}

// anyIn is containsAny(b.st.s[from:to], words) for words that cannot
// overlap themselves, from the offsets find keeps of each (indexIn): a
// sentence in a table runs on for kilobytes, which a scan per word would
// read at every label.
func (b *builder) anyIn(words []string, from, to int) bool {
	return slices.ContainsFunc(words, func(w string) bool { return b.indexIn(w, from, to) >= 0 })
}

// cutPrefixAny cuts the first of words that s opens with; s and false
// where none.
func cutPrefixAny(s string, words []string) (string, bool) {
	for _, w := range words {
		if r, ok := strings.CutPrefix(s, w); ok {
			return r, true
		}
	}
	return s, false
}

// cutSuffixAny cuts the first of words that s ends with; s and false where
// none.
func cutSuffixAny(s string, words []string) (string, bool) {
	for _, w := range words {
		if r, ok := strings.CutSuffix(s, w); ok {
			return r, true
		}
	}
	return s, false
}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// take marks a token used, records its provenance under ptr and returns
// its amount.
func (b *builder) take(ptr string, ti int) *schema.Money {
	b.used[ti] = true
	if b.amountOf == nil {
		b.amountOf = map[int]string{}
	}
	b.amountOf[ti] = ptr
	b.doc.Provenance[ptr] = b.st.source(b.st.toks[ti].start)
	m := b.st.toks[ti].money()
	return &m
}

// takenFor is the token taken for the figure at ptr: the first in the
// text's order, should a reading have taken two (the map's order is none).
func (b *builder) takenFor(ptr string) (int, bool) {
	found := -1
	for ti, p := range b.amountOf {
		if p == ptr && (found < 0 || ti < found) {
			found = ti
		}
	}
	return found, found >= 0
}

// claim records a statement about the figure at path.
func (b *builder) claim(path, kind string, ti int, value float64, of string) {
	t := b.st.toks[ti]
	b.used[ti] = true
	src := b.st.source(t.start)
	b.doc.Claims = append(b.doc.Claims, schema.Claim{
		Path: path, Kind: kind, Value: value, Of: of, Decimals: t.scale,
		Unit: t.unit, Line: src.Line, Text: src.Text,
	})
}

// yoy is what a sentence says about a figure against the prior year.
type yoy struct {
	prior, change, pct  int // token indexes, -1 when absent
	changeSign, pctSign int
	flat                bool // 持平 / 无变化: stated unchanged
	flatAt              int
	// open is where a change stands whose direction the text leaves open
	// (减少(增加)0.11万元: unchosen), 0 for none; the scan ends there
	open int
}

var (
	upWords   = []string{"增加", "增长", "提高", "上升", "增幅", "增支", "大于", "高于", "多于", "多", "增"}
	downWords = []string{"减少", "下降", "降低", "压减", "降幅", "小于", "低于", "少于", "减", "少"}
	flatWords = []string{"持平", "无变化", "无增减", "没有变化", "一致", "相同", "相等", "等于", "不变"}
	// priorYearWords name the year before the document's, the longest
	// first (wordAt takes the first that opens a text)
	priorYearWords = []string{"上一年度", "上年度", "上一年", "上年", "去年"}
)

func wordAt(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// scanYoY reads the comparison that follows token ti in its sentence:
// "比 2022 年度 318.55 万元减少了 12.92 万元，减少 4%". A prior year
// printed glued to its year is no figure of the text (yearGlued).
func (b *builder) scanYoY(ti int) (yoy, bool) {
	st := b.st
	t := st.toks[ti]
	y, ok := b.scanYoYAt(t.end, t.money(), st.sentenceEnd(t.end))
	if ok && y.prior >= 0 && y.change >= 0 && b.yearGlued(t, st.toks[y.prior], st.toks[y.change], y.changeSign) {
		y.prior = -1
	}
	return y, ok
}

// yearGlued tells a prior-year amount that reads as a year with no 年
// before its figure ("较20155.88万元增加了0.51万元" for 较2015年5.88万元):
// its first four digits a year of the last two before the document's or
// its own, and the amount cur less the stated change (times sign) what the
// digits after the year print, not the whole, within the rounding of the
// three figures. The text states no such prior year; it is left out.
func (b *builder) yearGlued(cur, prior, change token, sign int) bool {
	fy := b.doc.Document.FiscalYear
	pow := func(n int) int64 {
		p := int64(1)
		for range n {
			p *= 10
		}
		return p
	}
	digits := strconv.FormatInt(prior.mant/pow(prior.scale), 10)
	if fy == 0 || len(digits) <= 4 {
		return false
	}
	year, _ := strconv.Atoi(digits[:4])
	if year < fy-2 || year > fy {
		return false
	}
	rest := prior
	rest.mant %= pow(len(digits) - 4 + prior.scale)
	half := func(t token) schema.Money { return schema.Money(moneyFactor(t.unit) * 50 / pow(t.scale)) }
	want := cur.money() - schema.Money(sign)*change.money()
	tol := half(cur) + half(change) + half(prior)
	off := func(m schema.Money) schema.Money { return max(m-want, want-m) }
	return off(rest.money()) <= tol && off(prior.money()) > tol
}

// bothTotalsOpenings open a sentence that compares the two totals the
// sentence before stated (收入总计X万元，支出总计Y万元), whatever their
// amounts.
var bothTotalsOpenings = []string{"收支较", "收支比", "收、支较", "收、支比"}

// comparandOpening is what opens the other side of a comparison: 与, 比 or
// 较 and the year compared with, a year ("与2016年", "较2014年度") or a word
// of the prior year ("比上年", "与去年": priorYearWords).
type comparandOpening struct {
	conn string // 与, 比 or 较
	year int    // the year named; 0 for a word of the prior year
	end  int    // its length
}

// comparandAt reads the comparandOpening s opens with.
func comparandAt(s string) (comparandOpening, bool) {
	conn, ok := wordAt(s, []string{"与", "比", "较"})
	if !ok {
		return comparandOpening{}, false
	}
	c := comparandOpening{conn: conn, end: len(conn)}
	if w, ok := wordAt(s[c.end:], priorYearWords); ok {
		c.end += len(w)
		return c, true
	}
	year := s[c.end:]
	if !strings.HasPrefix(year, "20") || !allDigits(year, 2, 4) || !strings.HasPrefix(year[4:], "年") {
		return comparandOpening{}, false
	}
	c.year, _ = strconv.Atoi(year[:4])
	c.end += 4 + len("年")
	if strings.HasPrefix(s[c.end:], "度") {
		c.end += len("度")
	}
	return c, true
}

// comparandBefore finds the comparandOpening head ends in — the last one,
// its 与, 比 or 较 not the end of 相比, 对比 or 比较 — and gives what stands
// after it: at most 24 characters and no digit (no figure after it), else
// there is none.
func comparandBefore(head string) (c comparandOpening, after string, ok bool) {
	for i := len(head); i > 0; {
		_, size := utf8.DecodeLastRuneInString(head[:i])
		i -= size
		c, ok := comparandAt(head[i:])
		if prev, _ := utf8.DecodeLastRuneInString(head[:i]); !ok || i > 0 && strings.ContainsRune("相对比", prev) {
			continue
		}
		// an opening further left has this one and more after it
		after := head[i+c.end:]
		return c, after, !strings.ContainsAny(after, "0123456789") && utf8.RuneCountInString(after) <= 24
	}
	return comparandOpening{}, "", false
}

// comparesBefore tells a sentence that opens on a comparison of what the
// sentence before stated, naming no figure of its own ("比上年…", "较2022
// 年…", "同比…"): it compares that sentence's one amount (stated once, or
// restated).
func comparesBefore(s string) bool {
	c, ok := comparandAt(strings.ReplaceAll(s[:runeStart(s, min(len(s), 3*12))], " ", ""))
	return ok && c.conn != "与" || strings.HasPrefix(s, "同比")
}

// amountsBefore counts the amounts of the sentence that holds pos, up to
// end, other than v (-1: every amount).
func (b *builder) amountsBefore(pos, end int, v schema.Money) int {
	st := b.st
	n := 0
	for k := st.tokenAt(st.sentenceStart(pos)); k < len(st.toks) && st.toks[k].start < end; k++ {
		if st.toks[k].kind == numMoney && st.toks[k].money() != v {
			n++
		}
	}
	return n
}

// scanYoYAt reads a comparison from pos up to end. Money tokens between pos
// and 比 must restate the figure (restate; -1 accepts none); otherwise the
// comparison is about something else and nothing is returned. A following
// sentence that only compares ("与2023年度相比，…"), or opens on its
// comparison with no subject of its own ("比上年支出决算221.17万元减少15.9万
// 元", "收支较上年决算数增加418.97万元" after both totals) after a sentence
// of that one amount, belongs to it.
func (b *builder) scanYoYAt(pos int, restate schema.Money, end int) (yoy, bool) {
	return b.scanComparison(pos, restate, end, false)
}

// scanComparison is scanYoYAt, or with budget a 决算's comparison with the
// year's own budget instead ("决算数为399.48万元，比2013年年初预算数减少40.52
// 万元，下降9.2%", againstBudget): its prior is the budgeted amount.
func (b *builder) scanComparison(pos int, restate schema.Money, end int, budget bool) (yoy, bool) {
	st := b.st
	y := yoy{prior: -1, change: -1, pct: -1}
	own := st.s[st.clauseStart(pos):pos]
	if next := end + len("。"); end < len(st.s) && strings.HasPrefix(st.s[next:], "与") {
		if k := strings.Index(st.s[next:min(len(st.s), next+40)], "相比"); k >= 0 {
			// "与上年相比,“三公”经费…比上年减少…" after a part's amount: the
			// sentence names another figure, its comparison is that one's
			if after := st.s[next+k+len("相比") : st.sentenceEnd(next)]; !namesSubjects(after) && !namesOtherFigure(after, own) {
				end = st.sentenceEnd(next)
			}
		}
	} else if end < len(st.s) &&
		(comparesBefore(st.s[next:]) && b.amountsBefore(pos, end, restate) == 0 ||
			startsWithAny(st.s[next:], bothTotalsOpenings) && b.amountsBefore(pos, end, -1) <= 2) &&
		!namesSubjects(st.s[next:st.sentenceEnd(next)]) { // the whole sentence read last: in a table it runs on
		end = st.sentenceEnd(next)
	}
	cmp, afterShare := -1, false
	year := yearStating(own) // "公务接待费2016年预算8万元，2015年预算12.5万元"
	joined := pos            // where the amounts joined to this one by 和 end
	for i := pos; i < end; {
		r, size := utf8.DecodeRuneInString(st.s[i:])
		if r == '比' || r == '较' || (r == '与' || r == '同' || r == '和') && b.flatWithPrior(st.s[i+size:end]) {
			cmp = i + size
			break
		}
		if priorStated(st.s[i:end]) || thanPrior(st.s[i:end]) || yearBeforeStated(st.s[i:end], year) { // "，上年为45万元，增加5万元", "本年数小于上年预算数40.05万元"
			cmp = i
			break
		}
		if r >= '0' && r <= '9' {
			k := st.tokenAt(i)
			if k < len(st.toks) && st.toks[k].start == i {
				o := st.toks[k]
				// a completion rate ("决算为18.5万元，完成预算的92.5%，较上年减少…") is the figure's too;
				// so is its share ("2016908.34 元，占基本支出预算 81.45%，同比增加…") where
				// the comparison states a change in money (a percentage alone may be the share's)
				share := o.kind == numPct && strings.HasPrefix(strings.TrimLeft(st.s[pos:i], "，, "), "占")
				if o.kind == numMoney && o.money() != restate && b.bothCompared(joined, o) {
					// "分别为0.34亿元和4.23亿元，均与去年持平": the comparison after
					// the amounts joined is each one's
					i, joined = o.end, o.end
					continue
				}
				if o.kind == numMoney && o.money() != restate || o.kind == numPct && !share && !hasSuffixAny(st.s[pos:i], []string{"完成预算的", "完成年初预算的", "完成全年预算的"}) {
					return y, false
				}
				afterShare = afterShare || share
				i = o.end
				continue
			}
		}
		i += size
	}
	// a clause comparing with the budget, then one with the year before
	// ("决算数为7926.14万元，比2014年度预算数减少1485.38万元，比2013年度决算数
	// 8750.27万元减少824.13万元"): the second is the year's comparison, the
	// first the budget's
	for cmp >= 0 && b.againstBudget(cmp, end) != budget {
		cmp = nextComparison(st.s[:end], cmp)
	}
	// "…，机关运行经费支出300万元，分别比上年减少5万元和10万元": the changes of
	// several figures, in the order of their amounts, none this one's alone
	if cmp < 0 || strings.Contains(st.s[pos:cmp], "分别") {
		return y, false
	}
	done := func() (yoy, bool) {
		if afterShare && !y.flat && (y.change < 0 || y.pct >= 0 && y.pct < y.change) {
			return y, false // a percentage alone may be the share's; 持平 is no percentage
		}
		return y, y.found()
	}
	sign := 0
	for i := cmp; i < end; {
		rest := st.s[i:]
		if w, ok := wordAt(rest, flatWords); ok {
			y.flat, y.flatAt = true, i
			i += len(w)
			continue
		}
		// "，与2015年相比，分别减少0.18亿元和0.56亿元": the changes of several
		// figures after the comparison, none this one's alone
		if strings.HasPrefix(rest, "分别") && sign == 0 && !y.found() {
			return y, false
		}
		w, up := wordAt(rest, upWords)
		if !up {
			if w, ok := wordAt(rest, downWords); ok {
				sign = -1
				i += len(w)
				if at, ok := st.unchosen(i, upWords); ok {
					y.open = at
					return done()
				}
				continue
			}
		} else {
			sign = 1
			i += len(w)
			if at, ok := st.unchosen(i, downWords); ok {
				y.open = at
				return done()
			}
			continue
		}
		// a clause that only compares, after the prior year's amount
		// ("2015年预算12.5万元；对比减少4.35万元"), states this one's change
		if w, ok := wordAt(rest, []string{"；", ";"}); ok && y.prior >= 0 && y.change < 0 && sign == 0 && comparesOnly(rest[len(w):]) {
			i += len(w)
			continue
		}
		// any other clause of its own ("；因公出国0元，同比下降100%") speaks of
		// another figure; so does a list the comparison opens ("与2022年预算持
		// 平：一、因公出国(境)费预算170万元，…")
		if strings.HasPrefix(rest, "其中") || strings.HasPrefix(rest, "主要") || strings.HasPrefix(rest, "原因") || strings.HasPrefix(rest, "；") || strings.HasPrefix(rest, ";") ||
			(y.flat || sign != 0) && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")) {
			break
		}
		// a later clause naming another figure states that one's change
		// ("三公经费支出1200万元，比上年下降5%，机关运行经费压减3200万元")
		if y.found() && (strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, ",")) && b.clauseNamesOther(i, pos) {
			break
		}
		r, size := utf8.DecodeRuneInString(rest)
		if r >= '0' && r <= '9' {
			k := st.tokenAt(i)
			if k >= len(st.toks) || st.toks[k].start != i {
				i += size
				continue
			}
			o := st.toks[k]
			if o.kind == numPlain && sign == 0 && y.prior < 0 && y.change < 0 && b.bareComparand(k, cmp, restate) {
				o = st.toks[k] // its unit the change's
			}
			switch {
			case o.kind == numYear:
			case o.kind == numMoney && sign == 0 && y.prior < 0 && y.change < 0:
				if namesOtherFigure(st.s[cmp:o.start], st.s[st.clauseStart(pos):pos]) {
					return yoy{prior: -1, change: -1, pct: -1}, false
				}
				y.prior = k
			case o.kind == numMoney && sign != 0 && y.change < 0:
				y.change, y.changeSign = k, sign
			case o.kind == numPct && sign != 0 && y.pct < 0:
				y.pct, y.pctSign = k, sign
			default:
				return done()
			}
			i = o.end
			continue
		}
		i += size
	}
	return done()
}

// bareComparand reads the year before's amount printed without its unit
// right after the comparison's opening, its change in money right after it
// ("支出2.05万元,较上年2.08减少0.03万元"): the amount restate less the
// change (by its direction) is the bare number in the change's unit,
// within the rounding of the three, and the token k takes that unit (a
// warning says so). false, and nothing changed, otherwise.
func (b *builder) bareComparand(k, cmp int, restate schema.Money) bool {
	st := b.st
	o := st.toks[k]
	if between := strings.TrimSpace(st.s[cmp:o.start]); restate <= 0 || o.unit != "" || between != "" && !isPriorWords(between) {
		return false
	}
	c, sign, ok := b.changeAt(o.end)
	if !ok {
		return false
	}
	change := st.toks[c]
	bare := o
	bare.kind, bare.unit = numMoney, change.unit
	want := restate - schema.Money(sign)*change.money()
	tol := bare.rounding() + 2*change.rounding() // the amount restated taken to print the change's decimals
	if max(bare.money()-want, want-bare.money()) > tol {
		return false
	}
	st.toks[k] = bare
	src := st.source(o.start)
	b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
		Reason: fmt.Sprintf("the year before's %s is printed without a unit; the amount less its change (%s) makes it in %s, so it is read so",
			st.s[o.start:o.numEnd], st.s[change.start:change.end], change.unit)})
	return true
}

// changeAt reads a change stated right at pos: a direction (增加, 减少 …),
// 了 perhaps, and an amount in money — its token and its sign.
func (b *builder) changeAt(pos int) (tok, sign int, ok bool) {
	st := b.st
	rest := st.s[pos:]
	sign = 1
	w, ok := wordAt(rest, upWords)
	if !ok {
		if w, ok = wordAt(rest, downWords); !ok {
			return 0, 0, false
		}
		sign = -1
	}
	at := len(st.s) - len(strings.TrimPrefix(rest[len(w):], "了"))
	c := st.tokenAt(at)
	if c >= len(st.toks) || st.toks[c].start != at || st.toks[c].kind != numMoney {
		return 0, 0, false
	}
	return c, sign, true
}

// isPriorWords tells the words of the year before (上年, 去年) alone
// between a comparison's 较 and its amount.
func isPriorWords(s string) bool {
	w, ok := wordAt(s, priorYearWords)
	return ok && w == s
}

// nextComparison is where the comparand of the next clause after the one
// that holds cmp begins, where that clause opens with 比 or 较 (-1
// otherwise). Clauses that open on a direction between them go on with
// cmp's comparison ("较年初预算数减少10.93万元，下降54.65%，较上年支出数减少
// 0.71万元": its rate), and are passed over.
func nextComparison(s string, cmp int) int {
	for {
		k := strings.IndexAny(s[cmp:], "，,")
		if k < 0 {
			return -1
		}
		_, size := utf8.DecodeRuneInString(s[cmp+k:])
		next := strings.TrimLeft(s[cmp+k+size:], " ")
		if w, ok := wordAt(next, []string{"比", "较"}); ok {
			return len(s) - len(next) + len(w)
		}
		if !startsWithAny(next, upWords) && !startsWithAny(next, downWords) {
			return -1
		}
		cmp = len(s) - len(next)
	}
}

// clauseNamesOther tells the clause after the comma at at, up to its first
// figure or direction, naming a figure (figureLabels, or a part of the
// model they lack: 政府采购, 国有资产) other than the one the clause holding
// pos states.
func (b *builder) clauseNamesOther(at, pos int) bool {
	st := b.st
	_, size := utf8.DecodeRuneInString(st.s[at:])
	head := st.s[at+size : st.clauseEnd(at+size)]
	for i, r := range head {
		if r >= '0' && r <= '9' || strings.ContainsRune("，,", r) || startsWithAny(head[i:], upWords) || startsWithAny(head[i:], downWords) || startsWithAny(head[i:], flatWords) {
			head = head[:i]
			break
		}
	}
	own := st.s[st.clauseStart(pos):pos]
	for _, w := range []string{"政府采购", "国有资产"} {
		if strings.Contains(head, w) && !strings.Contains(own, w) {
			return true
		}
	}
	return namesOtherFigure(head, own)
}

// placedFigures are the model's figures with one place in it, before the
// revenue sources (numbered as read) and 三公经费's parts: their narrative
// labels, their claim path and the field under it that holds the amount.
var placedFigures = []struct {
	labels      []string
	path, field string
}{
	{[]string{"收入总计"}, "/revenue", "/total"}, {[]string{"支出总计"}, "/expenditure", "/total"},
	{[]string{"基本支出"}, "/expenditure/basic", "/amount"}, {[]string{"项目支出"}, "/expenditure/project", "/amount"},
	{[]string{"人员经费"}, "/expenditure/personnel", "/amount"}, {[]string{"公用经费"}, "/expenditure/public_expenses", "/amount"},
	{[]string{"机关运行经费", "机关运行费"}, "/operating_costs", "/amount"}, {[]string{"三公"}, "/three_public", "/total"},
}

// figureLabels are the narrative labels of the model's figures, each
// figure's together: the totals, the expenditure's parts (placedFigures),
// the revenue sources and 三公经费's parts.
var figureLabels = func() [][]string {
	var groups [][]string
	for _, f := range placedFigures {
		groups = append(groups, f.labels)
	}
	for _, s := range revenueSources {
		groups = append(groups, s.labels)
	}
	for _, p := range threePublicLabels {
		groups = append(groups, p.labels)
	}
	return groups
}()

// clauseStart is where the clause that holds pos opens: after the last
// comma, 。 or ； within 40 characters before it.
func (st *stream) clauseStart(pos int) int {
	from := runeStart(st.s, max(0, pos-3*40))
	k := lastClauseMark(st.s[from:pos])
	if k < 0 {
		return from
	}
	_, size := utf8.DecodeRuneInString(st.s[from+k:])
	return from + k + size
}

// lastClauseMark is strings.LastIndexAny(s, "，。；,;"), which looks each
// rune up among the five: here a switch (asked at every comparison).
func lastClauseMark(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch r {
		case '，', '。', '；', ',', ';':
			return i
		}
	}
	return -1
}

// namesOtherFigure tells the prior year's side of a comparison, gap the
// words between 比上年 (比2015年, 较上年度) and its amount, that names
// another figure than the one its clause own states: a label of a figure
// (figureLabels, the longest at each place) none of whose labels own holds
// ("收入总计900万元，比上年财政拨款收入700万元增加200万元", "“三公”经费50万元，
// 比上年公务接待费…"). Words of the same subject (决算数, 支出) name none.
func namesOtherFigure(gap, own string) bool {
	for group := range figuresIn(gap) {
		if !containsAny(own, figureLabels[group]) {
			return true
		}
	}
	return false
}

// figuresIn yields the figures (their groups in figureLabels) s names, in
// order: the longest label at each place, the text after it read on.
func figuresIn(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < len(s); {
			group, n := figureAt(s[i:])
			if group < 0 {
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
				continue
			}
			if !yield(group) {
				return
			}
			i += n
		}
	}
}

// figureAt gives the figure (its group in figureLabels) whose longest
// label s opens with, and that label's length; -1 for none.
func figureAt(s string) (group, n int) {
	group = -1
	for g, labels := range figureLabels {
		for _, l := range labels {
			if len(l) > n && strings.HasPrefix(s, l) {
				group, n = g, len(l)
			}
		}
	}
	return group, n
}

// unchosen tells a direction at off followed by its opposite in brackets,
// a template's alternatives nobody chose ("减少(增加)0.11万元"): the change
// after it has no known sign, so it is not read — unless the figure right
// after the brackets is a zero, which has no direction to choose
// ("增加(减少)0万元"). at is where the text goes on after the brackets.
func (st *stream) unchosen(off int, opposite []string) (at int, ok bool) {
	inner, ok := strings.CutPrefix(st.s[off:], "(")
	if !ok {
		return 0, false
	}
	w, ok := wordAt(inner, opposite)
	if !ok {
		return 0, false
	}
	after, ok := strings.CutPrefix(inner[len(w):], ")")
	if !ok {
		return 0, false
	}
	at = len(st.s) - len(after)
	k := st.tokenAt(at)
	zero := k < len(st.toks) && strings.TrimLeft(st.s[at:st.toks[k].start], " ") == "" && st.toks[k].mant == 0
	return at, !zero
}

// openDirection reads the change whose direction a comparison left open
// (y.open: "较2016年…减少(增加)0.11万元,同比下降(增加)6%") for the figure whose
// amount is token amount, and gives it the direction the figures choose: the
// amount against the prior year stated before it; else the one of the two
// directions for which the rate after the change (itself left open, or
// not) agrees with the amount and the change — or, where neither does, the
// one that comes nearer, so that yoy.change_pct names the rate that fits
// no direction. Where both directions fit, or nothing tells, y is left
// without the change.
func (b *builder) openDirection(y *yoy, amount int) {
	st := b.st
	k := st.tokenAt(y.open)
	if y.open == 0 || y.change >= 0 || amount < 0 || k >= len(st.toks) || st.toks[k].kind != numMoney || b.used[k] ||
		strings.TrimSpace(st.s[y.open:st.toks[k].start]) != "" {
		return
	}
	a, c := st.toks[amount], st.toks[k]
	pct := -1
	if p := k + 1; p < len(st.toks) && st.toks[p].kind == numPct && !b.used[p] {
		gap := strings.TrimLeft(st.s[c.end:st.toks[p].start], ",， ")
		gap = strings.TrimPrefix(gap, "同比")
		w, ok := wordAt(gap, upWords)
		if !ok {
			w, ok = wordAt(gap, downWords)
		}
		if ok {
			gap = gap[len(w):]
			if at, open := st.unchosen(st.toks[p].start-len(gap), append(slices.Clone(upWords), downWords...)); open {
				gap = st.s[at:st.toks[p].start]
			}
			if strings.Trim(gap, "了为 ") == "" {
				pct = p
			}
		}
	}
	sign := 0
	switch {
	case y.prior >= 0:
		if d := a.money() - st.toks[y.prior].money(); d > 0 {
			sign = 1
		} else if d < 0 {
			sign = -1
		}
	case pct >= 0:
		up, down := changeAgrees(a, c, st.toks[pct], 1, 1), changeAgrees(a, c, st.toks[pct], -1, -1)
		switch {
		case up && !down:
			sign = 1
		case down && !up:
			sign = -1
		case !up && !down:
			rate := func(s float64) float64 {
				x, ch := a.money().Float(), c.money().Float()
				return math.Abs(100 * ch / (x - s*ch))
			}
			sign = 1
			if math.Abs(rate(-1)-st.toks[pct].float()) < math.Abs(rate(1)-st.toks[pct].float()) {
				sign = -1
			}
		}
	}
	if sign == 0 {
		return
	}
	y.change, y.changeSign = k, sign
	if pct >= 0 {
		y.pct, y.pctSign = pct, sign
	}
}

// priorStated tells a clause that opens by stating the prior year's
// amount: "上年为45万元", "上年预算数为…", "去年执行数…" (priorYearWords).
func priorStated(s string) bool {
	w, ok := wordAt(s, priorYearWords)
	if !ok {
		return false
	}
	rest := strings.TrimPrefix(s[len(w):], "度") // 去年度
	for _, w := range []string{"预算数", "预算", "决算数", "决算", "执行数", "实际支出", "数"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest = r
			break
		}
	}
	for _, w := range []string{"为", "是", ":"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			return r != "" && r[0] >= '0' && r[0] <= '9'
		}
	}
	return false
}

// yearBeforeStated tells a clause that opens by stating the amount of the
// year before year, the year its figure's own clause states: "2015年预算12.5
// 万元", "2015年三公经费预算拨入57.55万元" after "2016年…8万元" — the year, a
// few words and no mark, then the amount. Whether the words name this
// figure is namesOtherFigure's to tell.
func yearBeforeStated(s string, year int) bool {
	rest, ok := strings.CutPrefix(s, strconv.Itoa(year-1)+"年")
	if year == 0 || !ok {
		return false
	}
	k := strings.IndexAny(rest, "0123456789")
	return k >= 0 && yearsWords(rest[:k])
}

// yearStating is the year that opens the words right before a figure's
// amount, own its clause up to the amount ("公务接待费2016年预算",
// "2016年三公经费预算拨入"), else 0.
func yearStating(own string) int {
	k := strings.LastIndex(own, "年")
	if k < 4 || !allDigits(own, k-4, k) || k > 4 && own[k-5] >= '0' && own[k-5] <= '9' || !yearsWords(own[k+len("年"):]) {
		return 0
	}
	y, _ := strconv.Atoi(own[k-4 : k])
	return y
}

// yearsWords tells the words between a year and its amount: a few, no
// mark, a budget's or an outturn's.
func yearsWords(s string) bool {
	return !strings.ContainsAny(s, "，。；,;：:、") && utf8.RuneCountInString(s) <= 12 &&
		(strings.Contains(s, "预算") || strings.Contains(s, "决算"))
}

// comparesOnly tells a clause that opens on its direction, after a word of
// comparing and no subject: "对比减少4.35万元", "同比增加2万元".
func comparesOnly(s string) bool {
	w, ok := wordAt(s, []string{"对比", "相比", "同比"})
	if !ok {
		return false
	}
	_, up := wordAt(s[len(w):], upWords)
	_, down := wordAt(s[len(w):], downWords)
	return up || down
}

// thanPrior tells a comparison that opens with its direction against the
// prior year: "小于上年预算数…", "高于去年…", "等于上年预算数".
func thanPrior(s string) bool {
	for _, w := range []string{"小于", "低于", "少于", "大于", "高于", "多于", "等于"} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return startsWithAny(rest, priorYearWords)
		}
	}
	return false
}

// flatWithPrior tells "与上年持平" (s what follows 与): the prior year, and
// the word that says unchanged, with no 相比 between.
func (b *builder) flatWithPrior(s string) bool {
	for i := range s {
		if i > 3*10 {
			return false
		}
		if _, ok := wordAt(s[i:], flatWords); ok {
			obj := s[:i]
			if strings.ContainsAny(obj, "，。；,;") {
				return false
			}
			if containsAny(obj, priorYearWords) {
				return true
			}
			y, _, _, ok := yearIn(obj)
			return ok && y < b.doc.Document.FiscalYear
		}
	}
	return false
}

// againstBudget tells a comparison, its 比 or 较 ending at cmp, that is
// with the budget, not the prior year: "比年初预算数增加5万元", "与年初预算
// 相比，减少…" in a 决算. What is compared with names 预算, and neither the
// prior year (上年, 去年) nor a year other than the document's ("较2017年预
// 算" in a 2018 budget is the prior year's).
func (b *builder) againstBudget(cmp, end int) bool {
	st := b.st
	var obj string
	if head := st.s[:cmp]; strings.HasSuffix(head, "相比") || strings.HasSuffix(head, "相较") {
		head = head[:len(head)-len("相比")]
		k := max(strings.LastIndex(head, "与"), strings.LastIndex(head, "同"))
		if k < 0 {
			return false
		}
		obj = head[k:]
	} else {
		obj = st.s[cmp:end]
		for i, r := range obj {
			rest := obj[i:]
			if r >= '0' && r <= '9' && !strings.HasPrefix(strings.TrimLeft(rest, "0123456789"), "年") ||
				startsWithAny(rest, upWords) || startsWithAny(rest, downWords) || startsWithAny(rest, flatWords) || strings.ContainsRune("，。；,;", r) {
				obj = obj[:i]
				break
			}
		}
	}
	if !strings.Contains(obj, "预算") || containsAny(obj, priorYearWords) {
		return false
	}
	y, _, _, ok := yearIn(obj)
	return !ok || y == b.doc.Document.FiscalYear
}

func (y yoy) found() bool { return y.prior >= 0 || y.change >= 0 || y.pct >= 0 || y.flat }

// figureYoY records what the sentence after token ti says against the prior
// year about the figure at path, and returns the stated prior-year amount.
func (b *builder) figureYoY(path string, ti int) *schema.Money {
	if b.closesBareList(ti) {
		return nil
	}
	b.budgetChange(path, ti)
	y, ok := b.scanYoY(ti)
	if !ok && y.open == 0 {
		return nil
	}
	b.openDirection(&y, ti)
	if !y.found() {
		return nil
	}
	if whole, ok := b.partsWhole(ti, y); ok {
		path = whole
	}
	if p := b.recordYoY(path, y); p != nil {
		return p
	}
	return b.flatPrior(path, ti, y)
}

// flatPrior gives the prior year of a figure (its amount at token ti)
// stated unchanged from the year before's and nothing else: "与2013年预算
// 持平", "与上年持平", "与上年相比持平", "较上年持平" — the year before's
// amount is the figure's own. Only where what is compared with names the
// year before (上年, 去年 or the document's year less one), never the
// year's own budget or outturn ("与年初预算持平" in a 决算), and states no
// amount of its own.
func (b *builder) flatPrior(path string, ti int, y yoy) *schema.Money {
	st := b.st
	if !y.flat || y.prior >= 0 || y.change >= 0 || y.pct >= 0 || y.open != 0 || !b.flatNamesYearBefore(y.flatAt) {
		return nil
	}
	if _, read := b.doc.Provenance[path+"/prior_year"]; read || strings.HasPrefix(path, "/revenue/sources/") {
		return nil // a prior year stated elsewhere stands; a revenue source keeps none
	}
	a := st.toks[ti].money()
	b.doc.Provenance[path+"/prior_year"] = st.source(st.toks[ti].start) // the line that prints it
	return &a
}

// flatNamesYearBefore tells the comparison whose word of no change (持平)
// stands at at: what it compares with, after its 与 (同, 较, 比) and
// before 相比 or the word, is the year before — 上年 (上年度, 去年), or
// the document's year less one, with at most its document of the same
// kind (预算 in a budget, 决算 in a 决算) after it, and no amount.
func (b *builder) flatNamesYearBefore(at int) bool {
	st := b.st
	fy := b.doc.Document.FiscalYear
	obj := strings.TrimSpace(st.s[st.clauseStart(at):at])
	for _, w := range []string{"相比", "相较", "比较", "对比"} {
		obj = strings.TrimSuffix(obj, w)
	}
	k := -1
	for _, w := range []string{"与", "同", "较", "比", "和"} {
		k = max(k, strings.LastIndex(obj, w))
	}
	if k < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(obj[k:])
	obj = obj[k+n:]
	rest := ""
	if w, ok := wordAt(obj, priorYearWords); ok {
		rest = obj[len(w):]
	} else if y, before, after, ok := yearIn(obj); ok && fy > 0 && y == fy-1 && before == "" {
		rest = after
	} else {
		return false
	}
	// the year before's document of the other kind is no prior year of
	// this one's ("与上年预算持平" in a 决算)
	other := []string{"预算"}
	if b.doc.Document.Kind == schema.KindBudget {
		other = []string{"决算", "执行", "实际"}
	}
	if containsAny(rest, other) {
		return false
	}
	for _, w := range []string{"年初", "部门", "财政拨款", "“三公”经费", "三公经费", "预算数", "决算数", "预算", "决算", "支出", "的", "同期", "水平"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return strings.TrimSpace(rest) == ""
}

// partsWhole gives the path of the whole a part after 其中 at token ti
// belongs to ("收入总计3759.2万元，其中年初结转和结余1366.76万元，较2019年增加
// 197.03万元，增加5.5%"), where the change and its percentage stated right
// after the part are the whole's: they agree with each other on the whole's
// amount and not on the part's (197.03 of 3,562.17 is 5.5%, of 1,169.73 is
// 16.8%). Only a whole read just before it in its clause.
func (b *builder) partsWhole(ti int, y yoy) (string, bool) {
	st := b.st
	if ti == 0 || y.change < 0 || y.pct < 0 || y.prior >= 0 {
		return "", false
	}
	wi := ti - 1
	ptr, taken := b.amountOf[wi]
	gap := st.s[st.toks[wi].end:st.toks[ti].start]
	if !taken || st.toks[wi].kind != numMoney || !strings.Contains(gap, "其中") || strings.ContainsAny(gap, "。；;") {
		return "", false
	}
	change := float64(y.changeSign) * st.toks[y.change].money().Float()
	pct := float64(y.pctSign) * st.toks[y.pct].float()
	tol := 0.5*math.Pow(10, -float64(st.toks[y.pct].scale)) + 0.05
	fits := func(amount float64) bool {
		prior := amount - change
		return prior > 0 && math.Abs(change/prior*100-pct) <= tol
	}
	if fits(st.toks[ti].money().Float()) || !fits(st.toks[wi].money().Float()) {
		return "", false
	}
	for _, f := range []string{"/total", "/amount"} {
		if p, ok := strings.CutSuffix(ptr, f); ok {
			return p, true
		}
	}
	return ptr, true
}

// budgetChange records what a 决算 says after token ti of the figure at
// path against its own budget: the difference and its percentage
// ("比2013年年初预算数减少40.52万元，下降9.2%"), as budget_change claims, and
// the budget where the comparison states it ("较预算数1237万元减少103万元"),
// as the figure's budgeted where none was read; a figure stated unchanged
// ("与2021年度预算相比无变化") differs by 0.
func (b *builder) budgetChange(path string, ti int) {
	if b.doc.Document.Kind != schema.KindFinalAccounts {
		return
	}
	st := b.st
	t := st.toks[ti]
	y, ok := b.scanComparison(t.end, t.money(), st.sentenceEnd(t.end), true)
	if !ok {
		b.completionBeside(path, ti)
		return
	}
	// the budget stated in the comparison: "较预算数1237万元减少103万元"
	if y.prior >= 0 && st.toks[y.prior].kind == numMoney && !b.used[y.prior] && b.budgeted[path] == nil {
		b.takeBudgeted(path, y.prior)
	}
	if y.change >= 0 {
		b.claim(path, schema.ClaimBudgetChange, y.change, float64(y.changeSign)*st.toks[y.change].money().Float(), "")
	}
	if y.pct >= 0 {
		b.claim(path, schema.ClaimBudgetChangePct, y.pct, float64(y.pctSign)*st.toks[y.pct].float(), "")
	}
	if y.flat && y.change < 0 {
		src := st.source(y.flatAt)
		b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimBudgetChange, Value: 0, Line: src.Line, Text: src.Text})
	}
}

// completionBeside reads what a 决算 states after a figure whose budget it
// does not state, in the figure's sentence: the completion rate and the
// amount by which 决算数 exceeds or falls short of 预算数 ("一般公共预算财政
// 拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%，
// 决算数大于预算数55.93万元"), an execution_pct and a budget_change claim on
// path: the budget is the amount less the difference (execution.pct). Both
// must be stated, and no other figure named between the amount and them.
func (b *builder) completionBeside(path string, ti int) {
	st := b.st
	t := st.toks[ti]
	end := st.sentenceEnd(t.end)
	seg := st.s[t.end:end]
	k := strings.Index(seg, "完成")
	if k < 0 || namesOtherFigure(seg[:k], st.s[st.clauseStart(t.start):t.start]) {
		return
	}
	rate := -1
	for _, l := range []string{"年初预算的", "全年预算的", "预算的", "年初预算", "全年预算", "预算"} {
		if strings.HasPrefix(seg[k+len("完成"):], l) {
			if pt, ok := b.valueAfter(t.end+k+len("完成")+len(l), 0, numPct); ok {
				rate = pt
			}
			break
		}
	}
	if rate < 0 {
		return
	}
	for _, e := range executionSigns {
		j := strings.Index(seg, e.label)
		if j < 0 || e.sign == 0 {
			continue
		}
		if dt, ok := b.valueAfter(t.end+j+len(e.label), 0); ok {
			b.claim(path, schema.ClaimExecutionPct, rate, st.toks[rate].float(), "")
			b.claim(path, schema.ClaimBudgetChange, dt, e.sign*st.toks[dt].money().Float(), "")
		}
		return
	}
}

// bothCompared tells an amount o joined to the one before it (which ends
// at from) by 和, 与 or 、, the two (or more) followed by 均 or 都 and their
// one comparison: "0.34亿元和4.23亿元，均与去年持平".
func (b *builder) bothCompared(from int, o token) bool {
	st := b.st
	joins := []string{"和", "与", "、", "及"}
	if !slices.Contains(joins, strings.TrimSpace(st.s[from:o.start])) {
		return false
	}
	at := o.end
	for k := st.tokenAt(at); k < len(st.toks) && st.toks[k].kind == numMoney && slices.Contains(joins, strings.TrimSpace(st.s[at:st.toks[k].start])); k++ {
		at = st.toks[k].end // a third amount joined
	}
	_, ok := wordAt(strings.TrimLeft(st.s[at:], "，, "), []string{"均", "都"})
	return ok
}

// closesBareList tells a figure listed last after 其中, behind parts listed
// bare, under a whole stated bare before it ("事业运行经费…37337407.64元，其
// 中：基本支出488180.64元，项目支出36849227元，同比增加27125219.46元，增长
// 265.6%"): the comparison that follows the list is the whole's, not its
// last part's.
func (b *builder) closesBareList(ti int) bool {
	st := b.st
	t := st.toks[ti]
	start := 0
	if k := st.lastStop(t.start); k >= 0 {
		start = k + len("。")
	}
	k := strings.LastIndex(st.s[start:t.start], "其中")
	if k < 0 {
		return false
	}
	head, list := start+k, start+k+len("其中")
	money := func(from, to int) int { // the last money token in [from, to), or -1
		last := -1
		for i := st.tokenAt(from); i < len(st.toks) && st.toks[i].end <= to; i++ {
			if st.toks[i].kind == numMoney {
				last = i
			}
		}
		return last
	}
	whole := money(start, head)
	return whole >= 0 && money(list, t.start) >= 0 && listedBare(st.s[st.toks[whole].end:head]) && listedBare(st.s[list:t.start])
}

// namesSubjects tells a comparison that names two or more figures of its
// own ("，公务用车购置费增加0.89万元，公务用车运行费下降20.25%"): it does not
// speak of the figure before it. One subject may restate that figure
// ("，财政拨款收、支总计各增加3,958.98万元").
func namesSubjects(s string) bool {
	n := 0
	for _, clause := range strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == ',' }) {
		if startsWithAny(clause, []string{"主要原因", "主要是", "原因是", "是因为", "主要用于"}) {
			break // the reason speaks of no figure ("主要原因是疫情防控压减支出")
		}
		if strings.Contains(clause, "分别") {
			return true // "公务用车购置费和运行费分别下降85.04%和22.93%"
		}
		han := 0
		for i := 0; i < len(clause); {
			rest := clause[i:]
			r, size := utf8.DecodeRuneInString(rest)
			if changeFirst[r] && (startsWithAny(rest, upWords) || startsWithAny(rest, downWords) || startsWithAny(rest, flatWords)) {
				if han >= 3 {
					n++
				}
				break
			}
			if unicode.Is(unicode.Han, r) {
				han++
			}
			i += size
		}
	}
	return n >= 2
}

// changeFirst holds the first rune of every word of upWords, downWords and
// flatWords: namesSubjects looks for them at every rune of a clause.
var changeFirst = func() map[rune]bool {
	m := map[rune]bool{}
	for _, ws := range [][]string{upWords, downWords, flatWords} {
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = true
		}
	}
	return m
}()

// recordYoY turns a comparison into claims and returns the prior amount.
func (b *builder) recordYoY(path string, y yoy) *schema.Money {
	var prior *schema.Money
	if y.prior >= 0 {
		prior = b.take(path+"/prior_year", y.prior)
	}
	if y.change >= 0 {
		t := b.st.toks[y.change]
		b.claim(path, schema.ClaimChange, y.change, float64(y.changeSign)*t.money().Float(), "")
	}
	if y.pct >= 0 {
		t := b.st.toks[y.pct]
		b.claim(path, schema.ClaimChangePct, y.pct, float64(y.pctSign)*t.float(), "")
	}
	if y.flat && y.change < 0 {
		src := b.st.source(y.flatAt)
		b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimChange, Value: 0, Line: src.Line, Text: src.Text})
	}
	return prior
}

// namedWholes are the wholes a share names after 占, by the figure each is:
// the year's (合计) or all funds' (总).
var namedWholes = map[string]string{"本年支出合计的": "/expenditure/current_year", "本年收入合计的": "/revenue/current_year",
	"支出合计的": "/expenditure/current_year", "收入合计的": "/revenue/current_year", "总支出的": "/expenditure/total", "总收入的": "/revenue/total"}

// shareAfter records a stated share ("占99.79%") that follows token ti.
func (b *builder) shareAfter(path, of string, ti int) {
	st := b.st
	t := st.toks[ti]
	for _, w := range []string{"占", "，占", ",占", "，占比", "占比"} {
		if strings.HasPrefix(st.s[t.end:], w) {
			p := t.end + len(w)
			found := false
			for _, f := range []string{"本年支出合计的", "本年收入合计的", "支出合计的", "收入合计的", "总支出的", "总收入的",
				"政府采购支出总额的", "政府采购预算总额的", "政府采购总额的", "采购总额的", "总额的", "政府采购预算的", "政府采购预算", "的"} {
				if strings.HasPrefix(st.s[p:], f) {
					p, found = p+len(f), true
					// a part of the basic expenditure stated as a share of
					// the whole ("基本支出175.96万元，其中，工资福利支出为98.53
					// 万元，占总收入的53.85%"): the share is of the whole it names
					if w, ok := namedWholes[f]; ok && strings.HasPrefix(of, "/expenditure/basic") {
						of = w
					}
					break
				}
			}
			// the whole named otherwise ("占支出总额的70%", "占部门预算的"): the
			// expenditure's or the revenue's, so only for a share of either
			// a share of the basic expenditure says so ("占基本支出预算 81.45%")
			if strings.HasPrefix(of, "/expenditure/basic") && !found {
				for _, f := range []string{"基本支出预算的", "基本支出预算", "基本支出的", "基本支出"} {
					if strings.HasPrefix(st.s[p:], f) {
						p, found = p+len(f), true
						break
					}
				}
			}
			// the year's own whole ("基本支出…,占当年总支出的78.8%" where 当年支出
			// is stated apart from what is carried forward): the model's
			// current-year figure, where it holds one and the share is of it
			if strings.HasSuffix(of, "/current_year") && !found {
				for _, f := range []string{"当年总支出的", "当年支出的", "当年总收入的", "当年收入的"} {
					if strings.Contains(f, "支出") == strings.HasPrefix(of, "/expenditure/") && strings.HasPrefix(st.s[p:], f) {
						p, found = p+len(f), true
						break
					}
				}
			}
			for _, f := range []string{"支出总预算的", "支出总预算", "总预算支出的", "预算总支出的", "支出总额的", "支出总计的", "支出预算的", "全部支出的", "本年支出的", "收入总额的", "收入总计的", "预算总收入的", "总预算收入的", "收入预算的", "全部收入的", "本年收入的", "本年度支出的", "本年度支出", "本年度收入的", "本年度收入", "部门预算的", "总预算的"} {
				side := strings.Contains(f, "支出") && strings.HasPrefix(of, "/expenditure/") || strings.Contains(f, "收入") && strings.HasPrefix(of, "/revenue/") ||
					!strings.Contains(f, "支出") && !strings.Contains(f, "收入") && (strings.HasPrefix(of, "/expenditure/") || strings.HasPrefix(of, "/revenue/"))
				if !found && side && !strings.HasPrefix(of, "/expenditure/basic") && strings.HasPrefix(st.s[p:], f) {
					p += len(f)
					break
				}
			}
			// a whole the model may not hold ("占一般公共预算支出的84.06%"): the
			// share is kept of the whole by its name (check rule share.parts)
			if k := st.tokenAt(p); !found && p == t.end+len(w) && k < len(st.toks) && st.toks[k].kind == numPct {
				if name, ok := strings.CutSuffix(strings.TrimRight(st.s[p:st.toks[k].start], " 　"), "的"); ok && strings.HasSuffix(name, "支出") && utf8.RuneCountInString(name) <= 12 &&
					!strings.ContainsAny(name, "，,。；;") {
					b.claim(path, schema.ClaimSharePct, k, st.toks[k].float(), "/text/whole/"+name)
					return
				}
			}
			if k := st.tokenAt(p); k < len(st.toks) && st.toks[k].start == p && st.toks[k].kind == numPct {
				b.claim(path, schema.ClaimSharePct, k, st.toks[k].float(), of)
			}
			return
		}
	}
}

// fromTo reads a figure stated with its prior year as a movement, right
// after its label at end: "财政拨款则由去年的73,421.67万元增加到75,651.85万元，
// 增加2,230.18万元，约增加3%", "从2014年的1,020万元上升至1,740万元". 由 or 从,
// the year before named or not (上年的, 2014年的), its amount, a direction
// and 到, 至 or 为 (了), then the figure's amount: y.prior is the first, cur the
// second, and the change and percentage stated right after it are the
// figure's (changesAfter). The direction is not the figures': the checks
// test the change.
func (b *builder) fromTo(end int) (cur int, y yoy, ok bool) {
	st := b.st
	y = yoy{prior: -1, change: -1, pct: -1}
	pi := st.tokenAt(end)
	if pi+1 >= len(st.toks) || st.toks[pi].kind != numMoney || st.toks[pi+1].kind != numMoney {
		return 0, y, false
	}
	head := strings.ReplaceAll(st.s[end:st.toks[pi].start], " ", "")
	for _, w := range []string{"则", "也", "预算", "支出", "收入"} {
		head = strings.TrimPrefix(head, w)
	}
	from, ok := wordAt(head, []string{"由", "从"})
	if !ok {
		return 0, y, false
	}
	head = head[len(from):]
	if w, ok := wordAt(head, priorYearWords); ok {
		head = head[len(w):]
	} else if yr, _, after, ok := yearIn(head); ok && strings.HasPrefix(head, strconv.Itoa(yr)) && yr != b.doc.Document.FiscalYear {
		head = after
	}
	if strings.TrimPrefix(head, "的") != "" {
		return 0, y, false
	}
	mid := strings.ReplaceAll(st.s[st.toks[pi].end:st.toks[pi+1].start], " ", "")
	w, ok := wordAt(mid, []string{"增加", "增长", "上升", "提高", "减少", "下降", "降低", "增", "减", "降"})
	if to := strings.TrimSuffix(mid[len(w):], "了"); !ok || to != "到" && to != "至" && to != "为" {
		return 0, y, false
	}
	y.prior = pi
	return pi + 1, b.changesAfter(pi+1, y), true
}

// changesAfter reads into y the change and percentage stated right after
// the figure at token ti in clauses of their own, each a direction and its
// amount or percentage ("，增加2,230.18万元，约增加3%"), up to the first
// clause of other words.
func (b *builder) changesAfter(ti int, y yoy) yoy {
	st := b.st
	for k := ti + 1; k < len(st.toks); k++ {
		gap := strings.ReplaceAll(st.s[st.toks[k-1].end:st.toks[k].start], " ", "")
		gap, ok := strings.CutPrefix(gap, "，")
		if !ok {
			if gap, ok = strings.CutPrefix(gap, ","); !ok {
				break
			}
		}
		gap = strings.TrimPrefix(gap, "约")
		sign := 1
		w, up := wordAt(gap, upWords)
		if !up {
			if w, ok = wordAt(gap, downWords); !ok {
				break
			}
			sign = -1
		}
		if strings.TrimPrefix(gap[len(w):], "了") != "" {
			break
		}
		switch t := st.toks[k]; {
		case t.kind == numMoney && y.change < 0 && y.pct < 0:
			y.change, y.changeSign = k, sign
		case t.kind == numPct && y.pct < 0:
			y.pct, y.pctSign = k, sign
		default:
			return y
		}
	}
	return y
}
