package extract

import (
	"strings"

	"budgetpub/schema"
)

// respectively reads the comparisons that say 分别 of the figures stated
// before them in their sentence, in order: "“三公”经费支出50万元、机关运行经
// 费支出300万元，分别比上年减少5万元和10万元", "…，同比分别增长5%和下降3%".
// Only where the mapping is certain: every amount before 分别 is a figure's
// own (read by its label), the comparison is with the prior year, and after
// it come exactly as many changes, all money or all percentages, each after
// its own direction or sharing the first one's; anything else between them
// reads nothing, as scanYoYAt does for such a sentence.
func (b *builder) respectively() {
	st := b.st
	for _, at := range b.find("分别") {
		start := 0
		for _, sep := range []string{"。", "；"} {
			if k := strings.LastIndex(st.s[:at], sep); k >= 0 {
				start = max(start, k+len(sep))
			}
		}
		paths, first, last, ok := b.figuresBefore(start, at-len("分别"))
		if !ok {
			continue
		}
		from, ok := b.priorComparand(st.s[start:st.toks[first].start], st.s[st.toks[last].end:at-len("分别")], st.s[at:])
		if !ok {
			continue
		}
		end := st.clauseEnd(at)
		if k := strings.IndexAny(st.s[at:end], "，,"); k >= 0 {
			end = at + k
		}
		vals, ok := b.respectiveValues(at+from, end)
		if !ok || len(vals) != len(paths) {
			continue
		}
		for i, v := range vals {
			kind, t := schema.ClaimChange, st.toks[v.tok]
			value := float64(v.sign) * t.money().Float()
			if t.kind == numPct {
				kind, value = schema.ClaimChangePct, float64(v.sign)*t.float()
			}
			b.claim(paths[i], kind, v.tok, value, "")
		}
	}
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
			if !ok || containsAny(path, paths) {
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
// after 分别 are: opening after (比上年, 较2023年度, 同比), closing before (the
// words between the last amount and 分别, "，比上年"), or a clause of its own
// before the first amount, head the sentence up to it ("2024年，与上年相比，
// …"). It gives how far into after the values start.
func (b *builder) priorComparand(head, before, after string) (int, bool) {
	prior := func(c comparandOpening) bool { return c.year == 0 || c.year < b.doc.Document.FiscalYear }
	if strings.HasPrefix(after, "同比") {
		return len("同比"), true
	}
	if c, ok := comparandAt(after); ok && c.conn != "与" {
		return c.end, prior(c)
	}
	before = strings.TrimLeft(before, "，, ")
	if before == "同比" {
		return 0, true
	}
	if c, ok := comparandAt(before); ok && c.conn != "与" && c.end == len(before) {
		return 0, prior(c)
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
