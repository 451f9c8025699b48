package extract

import (
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// reasonOpeners open the reason the text gives for a change it states.
var reasonOpeners = []string{"主要原因是", "主要原因为", "原因是", "主要是"}

// reasonChanges keeps the changes of the parts a text gives as the reason
// for its whole's change, in the same sentence: "收支较上年决算数增加418.97
// 万元，增长4.23%，主要原因是一般公共财政拨款收入较上年增加2296.45万元，政府性
// 基金减少401.85万元，年初结转结余减少1475.63万元" — each part a name, its
// direction and its change, nothing else. Where they make the whole's change
// (their signs theirs), or would with one misprint of one figure changed
// back, they are kept as sum claims (sum.text): the whole's change is the sum
// of its parts'. A reason may name only the main parts ("主要原因"), so a
// list that makes another amount, no misprint explaining it, says nothing.
//
// The parts' changes listed after 其中 right after a whole's change, in its
// sentence or the next ("…减少243.10万元，下降3.54%。其中，财政补助收入减少660.26
// 万元；事业收入增长376.28万元，其他收入增长40.89万元"), are kept the same way
// (a 其中 list may be partial too), on /text/<line>/change_parts.
func (b *builder) reasonChanges() {
	st := b.st
	for _, w := range append(slices.Clone(reasonOpeners), "其中") {
		for _, end := range b.find(w) {
			start := end - len(w)
			if strings.HasSuffix(st.s[:start], "主要") || w == "主要是" && strings.HasSuffix(st.s[:start], "原因") {
				continue // 主要原因是 read as 原因是 or 主要是
			}
			name, at := "/change_reasons", start
			if w == "其中" {
				name = "/change_parts"
				if before := strings.TrimRight(st.s[:start], " "); strings.HasSuffix(before, "。") {
					at = len(before) - len("。") // the whole's change ends the sentence before
				}
				end += len(st.s[end:]) - len(strings.TrimLeft(st.s[end:], ",，:： "))
			}
			whole, ws, ok := b.changeBefore(at)
			if !ok {
				continue
			}
			parts, signs, amounts := b.reasonParts(end)
			if len(parts) < 2 {
				continue
			}
			if w == "其中" && amounts != nil {
				b.partsAmounts(whole, amounts)
			}
			toks := append([]int{whole}, parts...)
			sign := append([]int64{int64(ws)}, signs...)
			vals, a, adds, ok := b.roundedSum(whole, parts)
			if !ok {
				continue
			}
			signed := func(a []int64) bool {
				s := make([]int64, len(a))
				for i := range a {
					s[i] = sign[i] * a[i]
				}
				return adds(s)
			}
			if !signed(a) && !misprintAway(vals, signed) && !shiftedAway(a, signed) && !swappedAway(a, signed) {
				continue
			}
			path := "/text/" + strconv.Itoa(st.source(st.toks[whole].start).Line) + name
			for i, k := range toks {
				of := path
				p := path + "/" + strconv.Itoa(i)
				if i == 0 {
					p, of = path, ""
				}
				b.sumClaimSigned(p, of, k, sign[i])
			}
		}
	}
}

// partsAmounts keeps the amounts the parts listed after 其中 state before
// their changes ("一般公共预算财政拨款收入2647万元,与上年同期相比减少1275万元,
// 其中:财政基本补助收入1802万元,较去年同期减少13万元;财政项目补助收入845万元
// 较去年同期减少1262万元") with the whole's — the amount right before the
// whole's change (token change), a comparison alone between — as sum
// claims on /text/<line>/parts_amounts, the same way as their changes:
// where they make it, or would with one misprint of one figure changed back.
func (b *builder) partsAmounts(change int, amounts []int) {
	st := b.st
	whole := change - 1
	if whole < 0 || st.toks[whole].kind != numMoney {
		return
	}
	if s, cmp := directionBefore(st.s[st.toks[whole].end:st.toks[change].start]); s == 0 || !comparisonOnly(cmp) {
		return
	}
	vals, a, adds, ok := b.roundedSum(whole, amounts)
	if !ok || !adds(a) && !misprintAway(vals, adds) && !shiftedAway(a, adds) && !swappedAway(a, adds) {
		return
	}
	b.sumClaims("/parts_amounts", whole, amounts)
}

// changeBefore finds the change a reason opening at pos explains: the last
// amount of its sentence before it, right after a direction ("增加418.97万
// 元"), only percentages after it. Its token and its sign.
func (b *builder) changeBefore(pos int) (ti, sign int, ok bool) {
	st := b.st
	from := st.sentenceStart(pos)
	ti = -1
	for k := st.tokenAt(from); k < len(st.toks) && st.toks[k].end <= pos; k++ {
		if st.toks[k].kind == numMoney {
			ti = k
		}
	}
	if ti < 0 {
		return 0, 0, false
	}
	for k := ti + 1; k < len(st.toks) && st.toks[k].end <= pos; k++ {
		if st.toks[k].kind != numPct {
			return 0, 0, false
		}
	}
	before := strings.TrimRight(st.s[from:st.toks[ti].start], " ")
	for _, w := range []string{"收入", "支出"} { // "较2018年增加支出167.3923万元"
		before = strings.TrimSuffix(before, w)
	}
	sign, _ = directionBefore(before)
	return ti, sign, sign != 0
}

// directionBefore is the sign of the direction word s ends with (了 and
// spaces after it aside): 1 for an increase, -1 for a decrease, 0 for none;
// and s before the word.
func directionBefore(s string) (int, string) {
	s = strings.TrimSuffix(strings.TrimRight(s, " "), "了")
	for _, d := range []struct {
		sign  int
		words []string
	}{{1, upWords}, {-1, downWords}} {
		for _, w := range d.words {
			if rest, ok := strings.CutSuffix(s, w); ok {
				return d.sign, rest
			}
		}
	}
	return 0, s
}

// reasonParts reads the list of parts' changes from pos to the sentence's
// end (or a heading's line): items parted by commas (or by 、 after an amount), each a name, (较上年, 比上年, 同比), a direction
// and one amount; an item of a percentage after a direction alone
// ("增长3%") belongs to the one before; a part may state its amount before
// its change, the comparison opening the next item or right after the
// amount ("财政基本补助收入1802万元,较去年同期减少13万元;财政项目补助收入845万元
// 较去年同期减少1262万元"); the list ends at the first item of anything
// else.
func (b *builder) reasonParts(pos int) (parts []int, signs []int64, amounts []int) {
	st := b.st
	end := st.beforeHeading(pos, st.sentenceEnd(pos))
	amount := false // the item before named a part and stated its amount alone
	stated := 0     // that amount's token
	for _, item := range splitItems(st.s[pos:end], pos) {
		text := st.s[item[0]:item[1]]
		var money []int
		pct := 0
		for k := st.tokenAt(item[0]); k < len(st.toks) && st.toks[k].end <= item[1]; k++ {
			switch st.toks[k].kind {
			case numMoney:
				money = append(money, k)
			case numPct:
				pct++
			default:
				return parts, signs, nil
			}
		}
		if len(money) == 0 && pct == 1 && !amount {
			if s, _ := directionBefore(text[:strings.IndexAny(text, "0123456789")]); s != 0 {
				continue
			}
		}
		// the part's amount, then its comparison: "…收入845万元较去年同期减少1262万元"
		from := item[0]
		if len(money) == 2 && pct == 0 && !amount {
			if s, cmp := directionBefore(st.s[st.toks[money[0]].end:st.toks[money[1]].start]); s != 0 && comparisonOnly(cmp) && namesPart(st.s[item[0]:st.toks[money[0]].start]) {
				amount, stated, from, money = true, money[0], st.toks[money[0]].end, money[1:]
			}
		}
		if len(money) != 1 || pct > 0 {
			return parts, signs, nil
		}
		t := st.toks[money[0]]
		if strings.Trim(st.s[t.end:item[1]], " .") != "" { // "…114.41万元." ends a list without its 。
			return parts, signs, nil
		}
		s, name := directionBefore(st.s[from:t.start])
		if amount { // the change of the part named before
			amount = false
			if s == 0 || !comparisonOnly(name) {
				return parts, signs, nil
			}
			parts, signs, amounts = append(parts, money[0]), append(signs, int64(s)), append(amounts, stated)
			continue
		}
		if s == 0 && namesPart(name) {
			amount, stated = true, money[0]
			continue
		}
		for _, c := range []string{"较上年", "比上年", "同比"} {
			name = strings.TrimSuffix(name, c)
		}
		name = strings.TrimSpace(name)
		if s == 0 || name == "" || strings.HasPrefix(name, "其中") {
			return parts, signs, nil
		}
		parts, signs = append(parts, money[0]), append(signs, int64(s))
	}
	if amount { // a part's amount with no change after it
		return nil, nil, nil
	}
	if len(amounts) != len(parts) {
		amounts = nil
	}
	return parts, signs, amounts
}

// comparedWith are the words of a comparison with the year before that
// stand alone between a part's amount and its change.
var comparedWith = []string{"较上年同期", "比上年同期", "较去年同期", "比去年同期", "与上年同期相比", "与去年同期相比", "与上年相比", "与去年相比",
	"较上年", "比上年", "较去年", "比去年", "同比"}

// comparisonOnly tells text that is a comparison with the year before and
// nothing else (spaces and commas aside).
func comparisonOnly(s string) bool {
	return slices.Contains(comparedWith, strings.Trim(s, " ,，、"))
}

// namesPart tells text naming a part (收入, 支出 or 经费) and stating no
// figure or comparison: "财政基本补助收入".
func namesPart(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.HasPrefix(s, "其中") && !strings.ContainsAny(s, "0123456789%") && hasSuffixAny(s, []string{"收入", "支出", "经费"}) &&
		!containsAny(s, []string{"比", "较", "同比", "相比"})
}

// splitItems cuts s (at offset off of the stream) at its commas and
// semicolons, and at an enumeration comma right after an amount's unit
// ("人员经费预算增加126.2215万元、商品和服务支出增加34.06万元": a 、 between
// names, "办公费、印刷费增加…", parts nothing): each item's [start, end) in
// the stream.
func splitItems(s string, off int) [][2]int {
	var out [][2]int
	from := 0
	for i, r := range s {
		if strings.ContainsRune("，,；;", r) || r == '、' && strings.HasSuffix(s[:i], "元") && strings.ContainsAny(s[from:i], "0123456789") {
			out = append(out, [2]int{off + from, off + i})
			from = i + len(string(r))
		}
	}
	return append(out, [2]int{off + from, off + len(s)})
}

// sumClaimSigned is sumClaim of a signed amount: a change, sign its
// direction.
func (b *builder) sumClaimSigned(path, of string, ti int, sign int64) {
	t := b.st.toks[ti]
	src := b.st.source(t.start)
	b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimSum, Value: t.money().Float() * float64(sign), Of: of,
		Decimals: t.scale, Unit: t.unit, Line: src.Line, Text: src.Text})
}
