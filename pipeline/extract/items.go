package extract

import (
	"regexp"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// functionItems reads the 项 lines the text explains one by one and puts
// them under their 类 in /expenditure/by_function:
//
//	“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，… 2023年
//	当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%
//	2．一般行政管理事务（项）支出 3,666 万元，与上年相比增加 21.8 万元，增长 0.06 %
//	1、一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为 1560.05 万元，
//	支出决算为1511.89万元
//
// The 类 is the last one named before the 项 (inline, or in a heading).
// Their codes are not stated in the text and are left out.
func (b *builder) functionItems() {
	st := b.st
	exp := b.doc.Expenditure
	if len(exp.ByFunction) == 0 {
		return
	}
	ends := b.find("(项)")
	for k, end := range ends {
		start := end - len("(项)")
		para := len(st.s)
		if k+1 < len(ends) {
			para = ends[k+1] - len("(项)")
		}
		para = min(para, end+600)
		// the name: after the 款, or after the item's number
		from := runeStart(st.s, max(0, start-90))
		seg := st.s[from:start]
		kuan := ""
		if i := strings.LastIndex(seg, "(款)"); i >= 0 {
			kuan = seg[:i+len("(款)")]
			seg = seg[i+len("(款)"):]
			if j := strings.LastIndex(kuan[:i], "(类)"); j >= 0 {
				kuan = kuan[j+len("(类)"):]
			}
		}
		for _, sep := range []string{"“", "、", ".", "。", "；", ":"} {
			if i := strings.LastIndex(seg, sep); i >= 0 {
				seg = seg[i+len(sep):]
			}
			if i := strings.LastIndex(kuan, sep); i >= 0 {
				kuan = kuan[i+len(sep):]
			}
		}
		name := strings.TrimSpace(seg)
		if name == "" || strings.ContainsAny(name, "0123456789，。") {
			continue
		}
		ci := b.classBefore(start)
		if ci < 0 {
			continue
		}
		p := end
		for _, f := range []string{"”", "支出", ":"} {
			p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], f))
		}
		item := schema.ClassItem{Name: name}
		if kuan != "" { // names of 项 repeat under different 款
			item.ReportedName = kuan + name + "(项)"
		}
		if j := itemIndex(exp.ByFunction[ci].Items, item); j >= 0 {
			// the same 项 explained again in another section
			if ti, ok := b.valueAfter(p, 3); ok && st.toks[ti].money() != exp.ByFunction[ci].Items[j].Amount {
				b.claim("/expenditure/by_function/"+strconv.Itoa(ci)+"/items/"+strconv.Itoa(j), schema.ClaimAmount, ti, st.toks[ti].money().Float(), "")
			} else if ok {
				b.used[ti] = true
				b.yoyRestated("/expenditure/by_function/"+strconv.Itoa(ci)+"/items/"+strconv.Itoa(j), ti)
			}
			continue
		}
		base := "/expenditure/by_function/" + strconv.Itoa(ci) + "/items/" + strconv.Itoa(len(exp.ByFunction[ci].Items))
		var ti int
		ok := false
		if b.doc.Document.Kind == schema.KindFinalAccounts {
			ti, ok = b.labelIn(end, para, []string{"支出决算为", "决算数为", "决算为"})
			if bt, bok := b.labelIn(end, para, []string{"年初预算为", "预算数为", "预算为"}); bok {
				item.Budgeted = b.take(base+"/budgeted", bt)
			}
		} else {
			ti, ok = b.valueAfter(p, 3)
		}
		if !ok {
			continue
		}
		if item.Budgeted != nil {
			b.execution(base, st.toks[ti].end, para)
		}
		item.Amount = *b.take(base+"/amount", ti)
		if prior := b.figureYoY(base, ti); prior != nil {
			item.PriorYear = prior
		}
		// "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比…减少57.14%"
		if pt, ok := b.labelIn(st.toks[ti].end, para, []string{"执行数为", "上年预算数为", "上年数为"}); ok && item.PriorYear == nil {
			item.PriorYear = b.take(base+"/prior_year", pt)
		}
		if at, ok := b.labelIn(st.toks[ti].end, para, []string{"预算安排"}); ok && st.toks[at].money() != item.Amount {
			b.claim(base, schema.ClaimAmount, at, st.toks[at].money().Float(), "")
		}
		if c := strings.Index(st.s[st.toks[ti].end:para], "比"); c >= 0 && item.PriorYear != nil {
			if y, ok := b.scanYoYAt(st.toks[ti].end+c, -1, para); ok && y.prior < 0 {
				b.recordYoY(base, y)
			}
		}
		exp.ByFunction[ci].Items = append(exp.ByFunction[ci].Items, item)
	}
}

// kuanLists keeps the total the text states for a 款 and the 项 it lists
// after 其中 ("检察(款): 2018 年预算支出合计 16,444.36 万元。其中: 1．行政运行
// (项)支出 10,883.36 万元，… 2．一般行政管理事务(项)支出 3,666 万元…"), up to
// the next 款, 类 or heading, as sum claims where they do not add up to it
// and one misprint of one figure, changed back, makes them: the model
// holds no 款 to compare its 项 with, and a list of some 项 only adds up
// to no misprint.
func (b *builder) kuanLists() {
	st := b.st
	for _, end := range b.find("(款)") {
		stop := st.sentenceEnd(end)
		k := strings.Index(st.s[end:stop], "合计")
		if k < 0 {
			continue
		}
		wt, ok := b.valueAfter(end+k+len("合计"), 2)
		if !ok || !strings.HasPrefix(strings.TrimLeft(st.s[st.toks[wt].end:], "。，, "), "其中") {
			continue
		}
		from := st.toks[wt].end
		limit := len(st.s)
		for _, l := range []string{"(款)", "(类)"} {
			if i := strings.Index(st.s[from:], l); i >= 0 {
				limit = min(limit, from+i)
			}
		}
		if loc := headingNumeral.FindStringIndex(st.s[from:limit]); loc != nil {
			limit = from + loc[0]
		}
		var parts []int
		for _, e := range b.find("(项)") {
			if e <= from || e > limit {
				continue
			}
			p := e
			for _, f := range []string{":", "支出"} {
				p += len(st.s[p:]) - len(strings.TrimPrefix(st.s[p:], f))
			}
			pt, ok := b.valueAfter(p, 3)
			if !ok {
				parts = nil
				break
			}
			parts = append(parts, pt)
		}
		if len(parts) > 1 && b.misprintedSum(wt, parts) {
			b.sumClaims("/items", wt, parts)
		}
	}
}

// headingNumeral opens a heading numbered 一、 to 十、.
var headingNumeral = regexp.MustCompile(`[一二三四五六七八九十]、`)

// itemIndex finds an item already read under the same 款 and 项 names.
func itemIndex(items []schema.ClassItem, item schema.ClassItem) int {
	for j, it := range items {
		if it.Name == item.Name && it.ReportedName == item.ReportedName {
			return j
		}
	}
	return -1
}

// classBefore is the index in by_function of the last 类 named before off.
func (b *builder) classBefore(off int) int {
	seg := b.st.s[runeStart(b.st.s, max(0, off-1500)):off]
	i := strings.LastIndex(seg, "(类)")
	if i < 0 {
		return -1
	}
	head := seg[:i]
	for _, sep := range []string{"“", "、", ".", "。", "；", ":", ")", "”"} {
		if k := strings.LastIndex(head, sep); k >= 0 {
			head = head[k+len(sep):]
		}
	}
	c, ok := schema.ClassByName(schema.SchemeFunctional, head)
	if !ok {
		return -1
	}
	for k, it := range b.doc.Expenditure.ByFunction {
		if it.Code == c.Code {
			return k
		}
	}
	return -1
}

// labelIn finds the first amount that follows one of labels in [from, to).
func (b *builder) labelIn(from, to int, labels []string) (int, bool) {
	for _, l := range labels {
		if k := strings.Index(b.st.s[from:to], l); k >= 0 {
			if ti, ok := b.valueAfter(from+k+len(l), 2); ok {
				return ti, true
			}
		}
	}
	return 0, false
}

// executionSigns are the ways a 决算 states 决算数 against 预算数 ("基本持平",
// roughly equal, says too little to check and is not among them).
var executionSigns = []struct {
	label string
	sign  float64
}{
	{"决算数小于预算数", -1}, {"决算数少于预算数", -1}, {"决算数低于预算数", -1},
	{"决算数大于预算数", 1}, {"决算数多于预算数", 1}, {"决算数高于预算数", 1}, {"决算数超过预算数", 1},
	{"决算数等于预算数", 0}, {"决算数与预算数持平", 0}, {"决算数与预算数相同", 0}, {"决算数与预算数一致", 0}, {"决算数与预算数相等", 0},
}

// execution records what a 决算 says of a figure's execution between from
// and to (its sentence and the explanation after it): the completion rate
// (完成年初预算的98.20%) and the direction (决算数小于预算数), each a claim on
// path, whose object holds the amount and the budgeted figure.
func (b *builder) execution(path string, from, to int) {
	st := b.st
	if k := strings.Index(st.s[from:to], "年初预算为"); k >= 0 { // the next figure's statement
		to = from + k
	}
	seg := st.s[from:to]
	if k := strings.Index(seg, "完成"); k >= 0 {
		rest := seg[k+len("完成"):]
		for _, l := range []string{"年初预算的", "全年预算的", "预算的", "年初预算", "预算"} {
			if strings.HasPrefix(rest, l) {
				if ti, ok := b.valueAfter(from+k+len("完成")+len(l), 2, numPct); ok {
					b.claim(path, schema.ClaimExecutionPct, ti, st.toks[ti].float(), "")
				}
				break
			}
		}
	}
	for _, e := range executionSigns {
		if k := strings.Index(seg, e.label); k >= 0 {
			src := st.source(from + k)
			b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimExecutionSign, Value: e.sign,
				Line: src.Line, Text: src.Text})
			break
		}
	}
}

// yoyRestated reads the comparison after a restatement of the figure at
// path (token ti): a change or a percentage the first statement gave too,
// stated with another value, is a claim.
func (b *builder) yoyRestated(path string, ti int) {
	y, ok := b.scanYoY(ti)
	if !ok {
		return
	}
	for _, k := range []struct {
		kind string
		tok  int
		v    func() float64
	}{
		{schema.ClaimChange, y.change, func() float64 { return float64(y.changeSign) * b.st.toks[y.change].money().Float() }},
		{schema.ClaimChangePct, y.pct, func() float64 { return float64(y.pctSign) * b.st.toks[y.pct].float() }},
	} {
		if k.tok < 0 || b.used[k.tok] {
			continue
		}
		stated, same := false, false
		for _, cl := range b.doc.Claims {
			if cl.Path == path && cl.Kind == k.kind {
				stated = true
				same = same || cl.Value == k.v()
			}
		}
		if stated && !same {
			b.claim(path, k.kind, k.tok, k.v(), "")
		}
	}
}
