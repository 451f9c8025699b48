package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// indicatorKinds maps the labels of indicator groups to the model's kinds.
var indicatorKinds = []struct{ label, kind string }{
	{"满意度指标", "satisfaction"}, {"产出指标", "output"}, {"数量指标", "output"},
	{"质量指标", "output"}, {"时效指标", "output"}, {"成本指标", "output"},
	{"效益指标", "outcome"}, {"社会效益指标", "outcome"}, {"经济效益指标", "outcome"},
	{"生态效益指标", "outcome"}, {"可持续影响指标", "outcome"},
}

// comparators in the order they must be tried (longest first).
var comparators = []struct{ word, op string }{
	{"大于等于", ">="}, {"不低于", ">="}, {"不少于", ">="}, {"达到", ">="}, {"≥", ">="}, {">=", ">="},
	{"小于等于", "<="}, {"不高于", "<="}, {"不超过", "<="}, {"不多于", "<="}, {"≤", "<="}, {"<=", "<="},
	{"大于", ">"}, {"高于", ">"}, {"超过", ">"}, {"多于", ">"}, {">", ">"},
	{"小于", "<"}, {"低于", "<"}, {"少于", "<"}, {"<", "<"},
	{"等于", "="}, {"=", "="},
}

type anchor struct {
	start, body int // where the heading starts, where its text starts
	kind        string
	title       string
}

// performance reads 长期目标 N / 年度目标 N with their indicators, and the
// key projects "“信访解难资金项目”主要内容是：…".
func (b *builder) performance() {
	st := b.st
	var anchors []anchor
	for _, h := range []struct{ label, horizon string }{{"长期目标", schema.HorizonLongTerm}, {"年度目标", schema.HorizonAnnual}} {
		for _, end := range b.find(h.label) {
			p := end
			for p < len(st.s) && st.s[p] >= '0' && st.s[p] <= '9' {
				p++
			}
			if p == end || !strings.HasPrefix(st.s[p:], ":") {
				continue
			}
			p++
			title := st.s[p:runeStart(st.s, min(len(st.s), p+120))]
			for _, stop := range []string{"具体指标", "。", ":"} {
				if k := strings.Index(title, stop); k >= 0 {
					title = title[:k]
				}
			}
			anchors = append(anchors, anchor{start: end - len(h.label), body: p, kind: h.horizon, title: strings.Trim(title, "，,；; ")})
		}
	}
	for _, end := range b.find("”主要内容") {
		open := strings.LastIndex(st.s[max(0, end-200):end], "“")
		if open < 0 {
			continue
		}
		open += max(0, end-200)
		if open+len("“") > end-len("”主要内容") {
			continue
		}
		name := st.s[open+len("“") : end-len("”主要内容")]
		if name == "" || strings.ContainsAny(name, "。“") {
			continue
		}
		anchors = append(anchors, anchor{start: open, body: end, kind: "project", title: name})
	}
	if len(anchors) == 0 {
		return
	}
	sort.Slice(anchors, func(i, j int) bool { return anchors[i].start < anchors[j].start })
	stops := b.find("重点项目")
	stops = append(stops, b.find("名词解释")...)
	perf := &schema.Performance{}
	for i, a := range anchors {
		end := len(st.s)
		if i+1 < len(anchors) {
			end = anchors[i+1].start
		}
		for _, s := range stops {
			if s > a.body && s < end && a.kind != "project" {
				end = s
			}
		}
		for _, s := range b.find("名词解释") {
			if s > a.body && s < end {
				end = s
			}
		}
		end = max(end, a.body)
		switch a.kind {
		case "project":
			j := len(perf.Projects)
			base := "/performance/projects/" + strconv.Itoa(j)
			p := schema.PerfProject{Name: a.title, Indicators: b.indicators(a.body, end, base+"/indicators/")}
			desc := st.s[a.body:end]
			desc = strings.TrimLeft(strings.TrimPrefix(desc, "是"), ":")
			if k := strings.Index(desc, "。"); k >= 0 {
				desc = desc[:k+len("。")]
			}
			p.Description = desc
			for _, l := range []string{"预算安排", "预算资金", "安排资金"} {
				for _, e := range b.find(l) {
					if e > a.body && e < end {
						if ti, ok := b.valueAfter(e, 2); ok {
							p.Amount = b.take(base+"/amount", ti)
							break
						}
					}
				}
				if p.Amount != nil {
					break
				}
			}
			b.doc.Provenance[base+"/name"] = st.source(a.start)
			perf.Projects = append(perf.Projects, p)
		default:
			j := len(perf.Goals)
			base := "/performance/goals/" + strconv.Itoa(j)
			g := schema.Goal{Horizon: a.kind, Title: a.title, Indicators: b.indicators(a.body, end, base+"/indicators/")}
			b.doc.Provenance[base+"/title"] = st.source(a.start)
			perf.Goals = append(perf.Goals, g)
		}
	}
	b.doc.Performance = perf
}

// indicators reads the indicator groups between two offsets:
// "产出指标：完成上级交办案件大于 110件，…，指标设立依据是历史标准。"
func (b *builder) indicators(from, to int, base string) []schema.Indicator {
	st := b.st
	type group struct {
		start, body int
		kind        string
	}
	var groups []group
	for _, k := range indicatorKinds {
		for _, end := range b.find(k.label) {
			if end <= from || end > to {
				continue
			}
			start := end - len(k.label)
			dup := false
			for _, g := range groups { // 社会效益指标 also contains 效益指标
				dup = dup || g.body == end
			}
			if dup {
				continue
			}
			groups = append(groups, group{start, end, k.kind})
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].start < groups[j].start })
	var out []schema.Indicator
	for i, g := range groups {
		end := to
		if i+1 < len(groups) {
			end = groups[i+1].start
		}
		body := strings.TrimPrefix(st.s[g.body:end], ":")
		offset := end - len(body)
		basis := ""
		for _, l := range []string{"指标设立依据是", "指标设立依据为", "设立依据是", "依据是", "依据为"} {
			if k := strings.Index(body, l); k >= 0 {
				basis = body[k+len(l):]
				if e := strings.Index(basis, "。"); e >= 0 {
					basis = basis[:e]
				}
				body = body[:k]
				break
			}
		}
		basis = strings.Trim(basis, "，,。 ")
		for _, cl := range splitClauses(body, offset) {
			ind, ti, ok := b.indicator(cl.text, cl.off, g.kind)
			if !ok {
				continue
			}
			ind.Basis = basis
			ptr := base + strconv.Itoa(len(out))
			b.used[ti] = true
			b.doc.Provenance[ptr+"/value"] = st.source(st.toks[ti].start)
			out = append(out, ind)
		}
	}
	return out
}

type clause struct {
	text string
	off  int
}

func splitClauses(s string, off int) []clause {
	var out []clause
	start := 0
	for i, r := range s {
		if r == '，' || r == ',' || r == '；' || r == ';' || r == '。' {
			out = append(out, clause{s[start:i], off + start})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, clause{s[start:], off + start})
}

// indicator reads "接待来访群众人次大于 1850人次" from a clause.
func (b *builder) indicator(text string, off int, kind string) (schema.Indicator, int, bool) {
	st := b.st
	ti := st.tokenAt(off)
	if ti >= len(st.toks) || st.toks[ti].start >= off+len(text) {
		return schema.Indicator{}, 0, false
	}
	t := st.toks[ti]
	before := st.s[off:t.start]
	ind := schema.Indicator{Kind: kind, Comparator: "=", Value: t.float(), Unit: t.unit}
	for _, c := range comparators {
		if strings.HasSuffix(before, c.word) {
			ind.Comparator = c.op
			before = strings.TrimSuffix(before, c.word)
			break
		}
	}
	ind.Name = strings.Trim(before, " ，,、")
	if ind.Unit == "" && t.end <= off+len(text) {
		ind.Unit = strings.TrimSpace(st.s[t.end : off+len(text)])
	}
	if ind.Name == "" {
		return ind, 0, false
	}
	return ind, ti, true
}

// enumerator styles of list items.
const (
	enumNone       = iota
	enumParenHan   // （一）
	enumHanComma   // 一、
	enumDigit      // 1、 1. 1．
	enumParenDigit // (1)
)

// enumOf reads a list item marker at the start of a folded line.
func enumOf(l string) (style, n int) {
	han := "一二三四五六七八九十"
	hanNum := func(s string) (int, int) { // value, bytes
		v, size := 0, 0
		for _, r := range s {
			if !strings.ContainsRune(han, r) {
				break
			}
			size += utf8.RuneLen(r)
		}
		if size == 0 {
			return 0, 0
		}
		v, _ = chineseNumber(s[:size])
		return v, size
	}
	digits := func(s string) (int, int) {
		k := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k == 0 {
			return 0, 0 // no digit: no error made to be dropped
		}
		v, _ := strconv.Atoi(s[:k])
		return v, k
	}
	switch {
	case strings.HasPrefix(l, "("):
		if v, k := hanNum(l[1:]); k > 0 && strings.HasPrefix(l[1+k:], ")") {
			return enumParenHan, v
		}
		if v, k := digits(l[1:]); k > 0 && strings.HasPrefix(l[1+k:], ")") {
			return enumParenDigit, v
		}
	default:
		if v, k := hanNum(l); k > 0 && strings.HasPrefix(l[k:], "、") {
			return enumHanComma, v
		}
		if v, k := digits(l); k > 0 && k <= 2 && (strings.HasPrefix(l[k:], "、") || strings.HasPrefix(l[k:], ".") && !(len(l) > k+1 && l[k+1] >= '0' && l[k+1] <= '9')) {
			return enumDigit, v
		}
	}
	return enumNone, 0
}

// responsibilities reads the numbered list under the first heading that
// names 职责 or 职能 (not a table of contents line), in a list style other
// than the heading's own.
func (b *builder) responsibilities(folded []string) []string {
	lines := b.st.src
	for h, l := range folded {
		if !(strings.Contains(l, "职责") || strings.Contains(l, "职能")) || strings.Contains(l, "…") || utf8.RuneCountInString(l) > 30 {
			continue
		}
		hs, _ := enumOf(l)
		// the first item must come within a few non-blank lines
		first, seen := -1, 0
		for i := h + 1; i < len(folded) && seen < 6; i++ {
			if folded[i] == "" {
				continue
			}
			seen++
			s, n := enumOf(folded[i])
			if s != enumNone && s == hs {
				break // the next heading of its list (the contents' "三、…"): the heading has no items
			}
			if s != enumNone && n == 1 {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		style, _ := enumOf(folded[first])
		var items []string
		var cur strings.Builder
		next := 1
		startLine := first
		flush := func() {
			if cur.Len() > 0 {
				items = append(items, cur.String())
				b.doc.Provenance["/department/responsibilities/"+strconv.Itoa(len(items)-1)] = schema.Source{Line: startLine + 1, Text: strings.TrimSpace(lines[startLine])}
				cur.Reset()
			}
		}
		for i := first; i < len(folded); i++ {
			l := folded[i]
			if l == "" || isPageNumber(l) {
				continue
			}
			s, n := enumOf(l)
			if s == style && n == next {
				flush()
				cur.WriteString(l)
				startLine = i
				next++
				continue
			}
			if s != enumNone || strings.HasPrefix(l, "第") && strings.Contains(l, "部分") || strings.HasSuffix(cur.String(), "。") {
				break
			}
			cur.WriteString(l)
		}
		flush()
		return items
	}
	return nil
}
