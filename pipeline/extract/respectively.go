package extract

import (
	"slices"
	"strings"

	"budgetpub/schema"
)

// respectively reads the comparisons that say 分别 of the figures stated
// before them in their sentence, in order: "“三公”经费支出50万元、机关运行经
// 费支出300万元，分别比上年减少5万元和10万元", "…，同比分别增长5%和下降3%".
// Only where the mapping is certain: every amount before 分别 is a figure's
// own (read by its label) — or, no amount there, the clause names figures
// the model holds (namedBefore) —, the comparison is with the prior year,
// and after it come exactly as many changes, all money or all percentages,
// each after its own direction or sharing the first one's; anything else
// between them reads nothing, as scanYoYAt does for such a sentence. A
// whole and the parts it lists after 其中 with one change fewer give the
// parts theirs (wholeAndParts); a second 分别 clause right after, of the
// other kind ("，分别下降9.1%和3.2%"), gives the same figures theirs.
func (b *builder) respectively() {
	st := b.st
	for _, at := range b.find("分别") {
		start := 0
		for _, sep := range []string{"。", "；", ";"} {
			if k := strings.LastIndex(st.s[:at], sep); k >= 0 {
				start = max(start, k+len(sep))
			}
		}
		var from int
		paths, first, last, stated := b.figuresBefore(start, at-len("分别"))
		ok := stated
		if stated {
			from, ok = b.priorComparand(st.s[start:st.toks[first].start], st.s[st.toks[last].end:at-len("分别")], st.s[at:])
		} else {
			paths, from, ok = b.namedBefore(st.clauseStart(at-len("分别")), at)
		}
		if !ok {
			continue
		}
		end := b.respectiveEnd(at)
		vals, ok := b.respectiveValues(at+from, end)
		if ok && stated && len(vals) == len(paths)-1 && b.wholeAndParts(paths, first) {
			paths = paths[1:] // "…X万元，其中：A a万元、B b万元，分别…": the parts'
		}
		if !ok || len(vals) != len(paths) {
			continue
		}
		b.respectiveClaims(paths, vals)
		// a second clause of the other kind: "，分别下降5%和3%", or
		// "，下降133.1%和43.7%" — its values right after the comma
		rest := strings.TrimLeft(st.s[end:], "，, ")
		k, ok := wordAt(rest, []string{"分别", "同比分别"})
		if !ok {
			k, ok = "", len(vals) > 1
		}
		if ok && startsWithAny(st.s[end:], []string{"，", ","}) {
			next := len(st.s) - len(rest) + len(k)
			more, ok := b.respectiveValues(next, b.respectiveEnd(next))
			if ok && len(more) == len(paths) && st.toks[more[0].tok].kind != st.toks[vals[0].tok].kind {
				b.respectiveClaims(paths, more)
			}
		}
	}
}

// respectiveEnd is where the values after 分别 at at end: its clause's end.
func (b *builder) respectiveEnd(at int) int {
	st := b.st
	end := st.clauseEnd(at)
	if k := strings.IndexAny(st.s[at:end], "，,"); k >= 0 {
		end = at + k
	}
	return end
}

// respectiveClaims records the changes vals of the figures at paths, in
// order.
func (b *builder) respectiveClaims(paths []string, vals []respectiveValue) {
	st := b.st
	for i, v := range vals {
		kind, t := schema.ClaimChange, st.toks[v.tok]
		value := float64(v.sign) * t.money().Float()
		if t.kind == numPct {
			kind, value = schema.ClaimChangePct, float64(v.sign)*t.float()
		}
		b.claim(paths[i], kind, v.tok, value, "")
	}
}

// wholeAndParts tells figures (paths, the first's amount at token first)
// that are a whole and the parts it lists after 其中 (or 包括): every
// other path under the first, 其中 or 包括 between the first amount and the
// next.
func (b *builder) wholeAndParts(paths []string, first int) bool {
	st := b.st
	if len(paths) < 3 || first+1 >= len(st.toks) {
		return false
	}
	if between := st.s[st.toks[first].end:st.toks[first+1].start]; !strings.Contains(between, "其中") && !strings.Contains(between, "包括") {
		return false
	}
	for _, p := range paths[1:] {
		// the vehicles' subtotal is a sibling of its two parts in the model
		vehicle := paths[0] == "/three_public/vehicle" && (p == "/three_public/vehicle_purchase" || p == "/three_public/vehicle_operation")
		if !strings.HasPrefix(p, paths[0]+"/") && !vehicle {
			return false
		}
	}
	return true
}

// namedBefore gives the figures a clause names without their amounts
// before 分别 at at ("“三公”经费和机关运行经费分别比上年减少5万元和10万元"): the
// clause from from a list of names (listedFigures), each one figure the
// model holds, no two the same, no year or budget named, then the
// comparison with the prior year, before 分别 or after it. It gives their
// paths and how far after 分别 the values start.
func (b *builder) namedBefore(from, at int) (paths []string, after int, ok bool) {
	st := b.st
	list := st.s[from : at-len("分别")]
	var before string
	for i := range list {
		if c, ok := comparandAt(list[i:]); ok && c.end == len(list)-i || strings.HasSuffix(list, "同比") && i == len(list)-len("同比") {
			list, before = list[:i], list[i:]
			break
		}
	}
	if list == "" || strings.ContainsAny(list, "0123456789") || containsAny(list, []string{"年", "预算", "上年"}) {
		return nil, 0, false
	}
	items := listedFigures(list)
	if len(items) < 2 {
		return nil, 0, false
	}
	for _, it := range items {
		g, ok := oneFigure(it.s)
		if !ok {
			return nil, 0, false
		}
		path, amount := figurePath(g)
		if path == "" || slices.Contains(paths, path) {
			return nil, 0, false
		}
		if _, held := b.doc.Provenance[amount]; !held {
			return nil, 0, false
		}
		paths = append(paths, path)
	}
	after, ok = b.priorComparand("", before, st.s[at:])
	return paths, after, ok
}

// figurePath is the claim path of a group of figureLabels whose figure has
// one place in the model, and the pointer its amount is taken to; "" for
// the revenue's sources, numbered as read.
func figurePath(group int) (path, amount string) {
	switch parts := len(placedFigures) + len(revenueSources); {
	case group < len(placedFigures):
		f := placedFigures[group]
		return f.path, f.path + f.field
	case group >= parts && group < parts+len(threePublicLabels):
		p := "/three_public/" + threePublicLabels[group-parts].field
		return p, p + "/amount"
	}
	return "", ""
}

// figuresBefore gives the figures whose amounts stand in st.s[from:to], in
// order, and the first and last amounts' tokens: two or more, every amount a
// figure's own, no percentage and no figure twice; else ok is false.
func (b *builder) figuresBefore(from, to int) (paths []string, first, last int, ok bool) {
	st := b.st
	for k := st.tokenAt(from); k < len(st.toks) && st.toks[k].end <= to; k++ {
		switch t := st.toks[k]; t.kind {
		case numYear:
			continue
		case numMoney:
			ptr := b.amountOf[k]
			path, ok := strings.CutSuffix(ptr, "/amount")
			if !ok {
				path, ok = strings.CutSuffix(ptr, "/total")
			}
			if !ok || slices.Contains(paths, path) {
				return nil, 0, 0, false
			}
			if paths == nil {
				first = k
			}
			paths, last = append(paths, path), k
		default:
			return nil, 0, 0, false
		}
	}
	return paths, first, last, len(paths) >= 2
}

// priorComparand finds the comparison with the prior year that the values
// after 分别 are, before the words between the last amount and 分别 (a comma
// and nothing else, or the comparison: "，比上年分别…", "，同比分别…", "，与
// 2015年相比，分别…"): opening
// after (比上年, 较2023年度, 同比), closing before, or a clause of its own
// before the first amount, head the sentence up to it ("2024年，与上年相比，
// …"). It gives how far into after the values start.
func (b *builder) priorComparand(head, before, after string) (int, bool) {
	prior := func(c comparandOpening) bool { return c.year == 0 || c.year < b.doc.Document.FiscalYear }
	switch before = strings.TrimLeft(before, "，, "); {
	case before == "同比":
		return 0, true
	case before != "":
		c, ok := comparandAt(before)
		if ok && c.conn == "与" { // "，与2015年相比，分别…"
			return 0, strings.TrimRight(before[c.end:], "，, ") == "相比" && prior(c)
		}
		return 0, ok && c.end == len(before) && prior(c)
	case strings.HasPrefix(after, "同比"):
		return len("同比"), true
	}
	if c, ok := comparandAt(after); ok && c.conn != "与" {
		return c.end, prior(c)
	}
	for _, clause := range strings.FieldsFunc(head, func(r rune) bool { return r == '，' || r == ',' }) {
		if c, ok := comparandAt(clause); ok && c.conn == "与" && clause[c.end:] == "相比" {
			return 0, prior(c)
		}
	}
	return 0, false
}

// respectiveValue is one of the values after 分别, its sign its direction's.
type respectiveValue struct{ tok, sign int }

// respectiveValues reads st.s[from:to]: directions and values, joined by 和、
// 及 or 与 (and 了 after a direction), all money or all percentages, the
// first after a direction. Anything else, a direction that says unchanged
// included, reads nothing.
func (b *builder) respectiveValues(from, to int) ([]respectiveValue, bool) {
	st := b.st
	var vals []respectiveValue
	sign := 0
	for i := from; i < to; {
		rest := st.s[i:to]
		if w, ok := wordAt(rest, upWords); ok {
			sign, i = 1, i+len(w)
			continue
		}
		if w, ok := wordAt(rest, downWords); ok {
			sign, i = -1, i+len(w)
			continue
		}
		if w, ok := wordAt(rest, []string{"和", "、", "及", "与", "了", " "}); ok {
			i += len(w)
			continue
		}
		k := st.tokenAt(i)
		if k >= len(st.toks) || st.toks[k].start != i || sign == 0 {
			return nil, false
		}
		t := st.toks[k]
		if t.kind != numMoney && t.kind != numPct || len(vals) > 0 && st.toks[vals[0].tok].kind != t.kind {
			return nil, false
		}
		vals = append(vals, respectiveValue{k, sign})
		i = t.end
	}
	return vals, true
}

// respectiveAmount finds the amount of the label l at [start, end) listed
// before 分别为 ("因公出国（境）费、公务用车购置及运行费、公务接待费分别为0万元、12万
// 元、3万元"): the amount in the label's place, where every item of the
// list names one figure (figureLabels), no two the same, l naming the one
// in its place, no year or budget named (but the text's own year heading
// the list: "2019年因公出国（境）费、…"), and exactly as many amounts
// follow, joined by 、, 和, 及 or 与 and nothing else.
func (b *builder) respectiveAmount(l string, start, end int) (int, bool) {
	st := b.st
	from := st.clauseStart(start)
	k := b.indexIn("分别", end, st.clauseEnd(end))
	if k < 0 {
		return 0, false
	}
	after := end + k + len("分别")
	w, ok := wordAt(st.s[after:], []string{"为", "是"})
	if !ok {
		return 0, false
	}
	if y, before, after, ok := yearIn(st.s[from : end+k]); ok && before == "" && y == b.doc.Document.FiscalYear {
		from = end + k - len(after) // "2019年因公出国（境）费、…分别为…": the text's own year heads the list
	}
	items := listedFigures(st.s[from : end+k])
	place := slices.IndexFunc(items, func(it listed) bool { return from+it.at <= start && start < from+it.at+len(it.s) })
	// a year or a budget named in the list may be another year's or the
	// budget's figures ("上年“三公”经费和机关运行经费分别为…"), a per-unit
	// word per-unit figures ("人均…分别为")
	if strings.ContainsAny(st.s[from:end+k], "0123456789") || containsAny(st.s[from:end+k], []string{"年", "预算"}) || containsAny(st.s[from:end+k], perUnitWords) || place < 0 || len(items) < 2 {
		return 0, false
	}
	seen := map[int]bool{}
	for i, it := range items {
		g, ok := oneFigure(it.s)
		if !ok || seen[g] || i == place && !slices.Contains(figureLabels[g], l) {
			return 0, false
		}
		seen[g] = true
	}
	var amounts []int
	for i := after + len(w); i < len(st.s); {
		if sep, ok := wordAt(st.s[i:], []string{"、", "和", "及", "与", " "}); ok && len(amounts) > 0 {
			i += len(sep)
			continue
		}
		t := st.tokenAt(i)
		if t >= len(st.toks) || st.toks[t].start != i || st.toks[t].kind != numMoney {
			break
		}
		amounts, i = append(amounts, t), st.toks[t].end
	}
	end = after + len(w)
	if len(amounts) > 0 {
		end = st.toks[amounts[len(amounts)-1]].end
	}
	if len(amounts) != len(items) || end < len(st.s) && !startsWithAny(st.s[end:], []string{"，", ",", "。", "；", ";"}) {
		return 0, false
	}
	return amounts[place], true
}

// listed is an item of a list and where it starts.
type listed struct {
	s  string
	at int
}

// listedFigures splits a list of figures' names at 、, and its last item
// at 和 or 与 where that item names more than one figure ("“三公”经费和机关
// 运行经费", "因公出国(境)经费与公务用车购置及运行维护费", not "公务用车购置
// 和运行维护费").
func listedFigures(s string) []listed {
	var items []listed
	at := 0
	for it := range strings.SplitSeq(s, "、") {
		items = append(items, listed{it, at})
		at += len(it) + len("、")
	}
	last := items[len(items)-1]
	for _, and := range []string{"和", "与"} {
		if k := strings.Index(last.s, and); k >= 0 && strings.Count(last.s, and) == 1 {
			if _, one := oneFigure(last.s); !one {
				items = append(items[:len(items)-1], listed{last.s[:k], last.at}, listed{last.s[k+len(and):], last.at + k + len(and)})
				break
			}
		}
	}
	return items
}

// oneFigure gives the one figure (its group in figureLabels) item names,
// the longest label at each place; ok is false for none or several.
func oneFigure(item string) (int, bool) {
	found := -1
	for group := range figuresIn(item) {
		if found >= 0 && found != group {
			return 0, false
		}
		found = group
	}
	return found, found >= 0
}
