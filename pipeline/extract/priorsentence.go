package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// priorSentences reads the year before's figures a text states in a
// sentence of their own right after its year's ("2017年度支出合计2906万元，
// 其中：基本支出279万元…。2016年度支出合计628万元，其中：基本支出230万元…"):
// the two sentences open on the two years and state their amounts under
// the same labels in the same order, so each amount of the second is the
// prior year of the figure read from the first's at its place. A figure
// with a prior year already keeps it.
func (b *builder) priorSentences() {
	st := b.st
	year := b.doc.Document.FiscalYear
	if year == 0 || len(b.amountOf) == 0 {
		return
	}
	for start := 0; start < len(st.s); {
		end := st.sentenceEnd(start)
		next := end + len("。")
		if next >= len(st.s) {
			break
		}
		if b.opensOnYear(start, end, year) && b.opensOnYear(next, st.sentenceEnd(next), year-1) {
			b.pairedPriors(start, end, next, st.sentenceEnd(next))
		}
		start = next
	}
	b.priorBefore()
}

// priorBefore reads the year before's figures a text states right before
// its year's, each year in a clause of its own ended by ； or 。
// ("2015年收入预算1299.3万元,支出预算1299.3万元；2016年收入预算1560.62万
// 元,支出预算1560.62万元。"): the two open on the two years and state their
// amounts under the same labels in the same order, so each amount of the
// first is the prior year of the figure read from the second's at its
// place. A figure with a prior year already keeps it.
func (b *builder) priorBefore() {
	st := b.st
	year := b.doc.Document.FiscalYear
	for start := 0; start < len(st.s); {
		end := st.clauseStop(start)
		if end >= len(st.s) {
			return
		}
		_, size := utf8.DecodeRuneInString(st.s[end:])
		next := end + size
		if b.opensOnYear(start, end, year-1) {
			nextEnd := st.clauseStop(next)
			if b.opensOnYear(next, nextEnd, year) {
				b.pairedPriors(next, nextEnd, start, end)
			}
		}
		start = next
	}
}

// pairedPriors takes each amount of the year before's statement
// s[from:to] for the prior year of the figure read from the year's
// statement s[start:end] at its place, where the two state their amounts
// under the same labels in the same order.
func (b *builder) pairedPriors(start, end, from, to int) {
	own, ownLabels := b.labelledAmounts(start, end)
	before, beforeLabels := b.labelledAmounts(from, to)
	if len(own) == 0 || ownLabels == nil || !slices.Equal(ownLabels, beforeLabels) {
		return
	}
	for i, ti := range own {
		if ptr, ok := b.amountOf[ti]; ok && !b.used[before[i]] {
			b.setPrior(ptr, before[i])
		}
	}
}

// clauseStop is where the statement that opens at off ends: its
// sentence's 。 or an earlier ； (len(st.s) for none).
func (st *stream) clauseStop(off int) int {
	end := st.sentenceEnd(off)
	if k := strings.IndexAny(st.s[off:end], "；;"); k >= 0 {
		return off + k
	}
	return end
}

// opensOnYear tells a sentence s[start:end] that opens on the year y
// ("2016年度…"), before its first amount: at its start, at a line's, after
// its region's name, or after a heading (on a line of its own, or numbered and run into it:
// "二、支出决算情况说明 2017年度…").
func (b *builder) opensOnYear(start, end, y int) bool {
	st := b.st
	for ti := st.tokenAt(start); ti < len(st.toks) && st.toks[ti].start < end; ti++ {
		if st.toks[ti].kind == numMoney {
			end = st.toks[ti].start
			break
		}
	}
	w := strconv.Itoa(y) + "年"
	for at := start; at < end; {
		k := strings.Index(st.s[at:end], w)
		if k < 0 {
			return false
		}
		k += at
		from := start
		if i := sort.SearchInts(st.starts, k+1) - 1; i >= 0 && st.starts[i] > from {
			from = st.starts[i] // the line it is on
		}
		before := strings.TrimSpace(st.s[from:k])
		// … or after the region's name alone ("某区2022年的“三公”经费…")
		if before == "" || regionOnly(before) || dropEnum(before) != before && !strings.ContainsAny(before, "，,；;：:0123456789") {
			return true
		}
		at = k + len(w)
	}
	return false
}

// labelledAmounts are the money amounts of s[start:end] in order, each with
// its label: the words from the clause's opening (or the amount before) to
// it, without a year and 其中 — nil labels where one names nothing.
func (b *builder) labelledAmounts(start, end int) (toks []int, labels []string) {
	st := b.st
	from := start
	for ti := st.tokenAt(start); ti < len(st.toks) && st.toks[ti].end <= end; ti++ {
		t := st.toks[ti]
		if t.kind != numMoney {
			from = t.end
			continue
		}
		l := st.s[from:t.start]
		if k := strings.LastIndexAny(l, "，,：:；;、"); k >= 0 {
			l = l[k+1:]
			for len(l) > 0 && (l[0]&0xC0) == 0x80 { // the rest of a full-width mark
				l = l[1:]
			}
		}
		if _, _, after, ok := yearIn(l); ok {
			l = after
		}
		l = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(l), "度"), "其中")
		l = strings.TrimSuffix(l, "为")
		// quoted or not, one label: "“三公”经费决算数合计" / "三公经费决算数合计"
		l = strings.Map(func(r rune) rune {
			if strings.ContainsRune("“”\"‘’「」", r) {
				return -1
			}
			return r
		}, l)
		if l == "" {
			return nil, nil
		}
		toks, labels = append(toks, ti), append(labels, l)
		from = t.end
	}
	return toks, labels
}

// setPrior takes token ti for the prior year of the figure whose amount is
// at ptr, where the model holds that figure and no prior year for it yet.
func (b *builder) setPrior(ptr string, ti int) {
	d := b.doc
	var dst **schema.Money
	base := strings.TrimSuffix(ptr, "/amount")
	switch {
	case ptr == "/expenditure/total" || ptr == "/expenditure/current_year":
		dst, base = &d.Expenditure.PriorYear, "/expenditure"
	case ptr == "/revenue/total" || ptr == "/revenue/current_year":
		dst, base = &d.Revenue.PriorYear, "/revenue"
	case ptr == "/three_public/total" && d.ThreePublic != nil:
		dst, base = &d.ThreePublic.PriorYear, "/three_public"
	case base != ptr:
		if f := b.figureAt(base); f != nil {
			dst = &f.PriorYear
		}
	}
	if dst == nil || *dst != nil {
		return
	}
	*dst = b.take(base+"/prior_year", ti)
}

// figureAt is the model's figure at a pointer of one (/expenditure/basic,
// /three_public/reception, the vehicles' subtotal …), nil for another.
func (b *builder) figureAt(ptr string) *schema.Figure {
	d := b.doc
	exp := d.Expenditure
	figs := map[string]*schema.Figure{
		"/expenditure/basic": exp.Basic, "/expenditure/project": exp.Project,
		"/expenditure/personnel": exp.Personnel, "/expenditure/public_expenses": exp.PublicExpenses,
		"/operating_costs": d.OperatingCosts,
	}
	if tp := d.ThreePublic; tp != nil {
		for _, p := range tp.Lines() {
			figs["/three_public/"+p.Key] = p.Figure
		}
	}
	return figs[ptr]
}
