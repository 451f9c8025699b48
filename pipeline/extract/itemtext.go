package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// itemStatements keeps what a 项's paragraph says of itself where no
// table placed it: "2. “社会保障和就业支出（类）…（项）”300.00万元，主要用于
// ….2023年当年预算执行数为250.00万元，2024年预算安排310.00万元，比2023年
// 预算执行数增加20.00%。" states the item's amount twice — in its heading
// and as the year's 预算安排 (决算数) — and its change against the prior
// year it names. A heading amount the sentence restates with another value
// becomes two amount claims on /text/<line>/item (restate.text); a
// percentage that is not (amount − prior) / prior within the rounding
// becomes amount, prior-year and percentage claims on /text/<line>
// (yoy.change_pct). Amounts the model took (a table placed the item) are
// compared by the model's own claims and skipped here.
func (b *builder) itemStatements() {
	st := b.st
	for _, end := range b.find("(项)") { // the text is folded: （项） reads (项)
		hi := st.tokenAt(end)
		if hi >= len(st.toks) {
			continue
		}
		h := st.toks[hi]
		if h.kind != numMoney || h.unit == "" || b.used[hi] || st.runesBetween(end, h.start) > 3 {
			continue // "…（项）”300.00万元": the heading's amount right after it
		}
		stop := b.itemEnd(h.end)
		cur, ok := b.yearAmount(h.end, stop, false)
		if !ok || b.used[cur] {
			continue
		}
		line := strconv.Itoa(st.source(h.start).Line)
		if y := st.toks[cur]; y.money() != h.money() {
			for _, t := range []token{h, y} {
				b.textClaim("/text/"+line+"/item", schema.ClaimAmount, t, t.money().Float())
			}
		}
		b.itemChange(line, cur, h.end, stop)
	}
}

// itemEnd is where a 项's paragraph that begins at pos ends: the next 项
// heading, the next part heading (a line opening with 一、 or （一）), or
// 400 bytes on.
func (b *builder) itemEnd(pos int) int {
	st := b.st
	stop := min(len(st.s), pos+400)
	for _, mark := range []string{"(项)", "(类)"} { // folded
		if k := strings.Index(st.s[pos:stop], mark); k >= 0 {
			stop = pos + k
		}
	}
	for k := sort.SearchInts(st.starts, pos+1); k < len(st.starts) && st.starts[k] < stop; k++ {
		if style, _ := enumOf(st.s[st.starts[k]:stop]); style != enumNone {
			return st.starts[k] // a line opening with 四、 or （一）
		}
	}
	return stop
}

// yearAmount finds in s[from:to] the amount a label of the year gives
// (预算安排, 预算数为, 决算数为, 执行数为): of the document's own year, or of
// another (the prior year) when prior is set.
func (b *builder) yearAmount(from, to int, prior bool) (int, bool) {
	st := b.st
	for _, l := range []string{"预算安排", "预算数为", "决算数为", "执行数为", "预算数", "决算数"} {
		for at := from; at < to; {
			k := strings.Index(st.s[at:to], l)
			if k < 0 {
				break
			}
			start := at + k
			at = start + len(l)
			if y, ok := b.labelYear(start); !ok || (y != b.doc.Document.FiscalYear) != prior {
				continue
			}
			if ti, ok := b.valueAfter(at, 3); ok && st.toks[ti].start < to {
				return ti, true
			}
		}
	}
	return 0, false
}

// labelYear is the year a label names right before it ("2023年当年预算执
// 行数为", "2024年预算安排"), with no clause between.
func (b *builder) labelYear(start int) (int, bool) {
	from := max(0, start-30)
	for from > 0 && !utf8.RuneStart(b.st.s[from]) {
		from++
	}
	year, found := 0, false
	for l := b.st.s[from:start]; ; {
		y, _, after, ok := yearIn(l)
		if !ok {
			break
		}
		year, found = y, !strings.ContainsAny(after, "，。；,;")
		l = after
	}
	return year, found
}

// itemChange keeps the item's amount cur, the prior year's amount its
// paragraph states and the percentage change after cur, where they do not
// agree.
func (b *builder) itemChange(line string, cur, from, stop int) {
	st := b.st
	pi, ok := b.yearAmount(from, stop, true)
	if !ok || pi > cur {
		return
	}
	end := min(stop, st.sentenceEnd(st.toks[cur].end))
	var p, sign int
	for k := cur + 1; k < len(st.toks) && st.toks[k].start < end; k++ {
		t := st.toks[k]
		if t.kind == numMoney {
			return // a change in money, or another figure: statedChanges' or none
		}
		if t.kind != numPct {
			continue
		}
		before := st.s[st.toks[cur].end:t.start]
		up, down := strings.LastIndex(before, "增"), max(strings.LastIndex(before, "减"), strings.LastIndex(before, "下降"), strings.LastIndex(before, "降低"))
		switch {
		case up > down:
			sign = 1
		case down > up:
			sign = -1
		default:
			return
		}
		p = k
		break
	}
	if sign == 0 {
		return
	}
	y, pr, pct := st.toks[cur], st.toks[pi], st.toks[p]
	if priorAgrees(y, pr, pct, float64(sign)) {
		return
	}
	path := "/text/" + line
	b.textClaim(path, schema.ClaimAmount, y, y.money().Float())
	b.textClaim(path, schema.ClaimPriorYear, pr, pr.money().Float())
	b.textClaim(path, schema.ClaimChangePct, pct, float64(sign)*pct.float())
}

// priorAgrees tells whether a stated percentage p is (x − prior) / prior
// within the rounding of the three numbers and 0.1 points.
func priorAgrees(x, prior, p token, sign float64) bool {
	return pctAgrees(x, prior, 1, sign*p.float(), p.scale, true, func(_, pr float64) float64 { return pr })
}

// textClaim keeps token t as a claim of the text's own (a path under
// /text/): the token stays unplaced for the other rules.
func (b *builder) textClaim(path, kind string, t token, value float64) {
	src := b.st.source(t.start)
	b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: kind, Value: value,
		Decimals: t.scale, Unit: t.unit, Line: src.Line, Text: src.Text})
}
