package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// A sentence printed again: Jiangsu's reports state one reason in every
// section that speaks of the same total ("主要原因是基本支出增加人员工资、
// 住房公积金、提租补贴等 3397.18 万元、项目经费支出安排减少 1134.33 万元、单位
// 预留机动经费增加 1753.34 万元。" three times, the amounts taken by no
// figure). Two sentences whose words are the same once their amounts and
// percentages are left out, that agree on at least one of them, are the
// same sentence; an amount or percentage they print differently becomes a
// pair of amount claims on /text/<line>/sentence/<line>/<n> (restate.
// sentence). So does a reason two sentences give alike, their words
// before it another's. Where every figure agrees nothing is kept, nor a pair of
// figures the model took both of (its rules compare them).

// sentenceMinRunes is how many runes a sentence's words (its figures left
// out) take at least to be told apart from a template filled for every
// item ("该项年初安排为#万元，全年实际使用#万元。", 18).
const sentenceMinRunes = 20

// sentenceMaxRunes bounds what a sentence is: a table read as text runs to
// no 。 for pages.
const sentenceMaxRunes = 300

// printedSentence is a sentence's words with its figures left out, and
// the indexes of its figures' tokens.
type printedSentence struct {
	words string
	figs  []int
	// sentence is the words of the whole sentence a reason (主要原因是 …)
	// ends
	sentence string
}

// sentencesRestated keeps the figures a sentence printed again states
// differently (see above). The reason a sentence gives for its change
// (from 主要原因是 to its end) counts as a sentence of its own: two totals'
// sentences that give one reason ("一般收入预算总额较2018年增加收入…，主要原因是
// 人员经费预算增加126.2215万元、…" and "支出预算总额较2018年增加支出…，主要原因
// 是…") print it again.
func (b *builder) sentencesRestated() {
	st := b.st
	var sentences []printedSentence
	var reasons []printedSentence
	for from := 0; from < len(st.s); {
		end := st.sentenceEnd(from)
		at := st.afterHeadings(from, end)
		whole, ok := b.printedSentence(at, end)
		whole.words = afterLead(whole.words)
		if ok {
			sentences = append(sentences, whole)
		}
		for _, w := range reasonOpeners {
			if k := strings.Index(st.s[at:end], w); k > 0 { // a reason after words of its own
				if ps, ok := b.printedSentence(at+k+len(w), end); ok {
					ps.sentence = whole.words
					reasons = append(reasons, ps)
				}
				break
			}
		}
		from = end + len("。")
	}
	for _, list := range [][]printedSentence{sentences, reasons} {
		first := map[string]int{} // the words of a sentence → its first printing
		for i, s := range list {
			j, ok := first[s.words]
			if !ok {
				first[s.words] = i
				continue
			}
			if s.sentence == "" || s.sentence != list[j].sentence { // the whole sentences alike compare already
				b.restatedFigures(list[j], s)
			}
		}
	}
}

// leadWords end what a page prints before the sentence it restates: an
// abstract's label (内容摘要:), a news report's dateline (羊城晚报讯 记者…报道:).
var leadWords = []string{"摘要", "报道", "讯"}

// afterLead is a sentence's words without the lead its page prints before
// it — up to a colon before its first figure, after one of leadWords — so
// that an abstract and the report's own lead are one sentence.
func afterLead(words string) string {
	first := strings.Index(words, "#")
	if first < 0 {
		return words
	}
	k := strings.LastIndex(words[:first], ":")
	if k < 0 || !hasSuffixAny(strings.TrimSpace(words[:k]), leadWords) {
		return words
	}
	return words[k+len(":"):]
}

// printedSentence is the text [at, end) with its figures left out, where
// it holds two figures at least and is as long as a sentence.
func (b *builder) printedSentence(at, end int) (printedSentence, bool) {
	st := b.st
	var w strings.Builder
	ps := printedSentence{}
	for ti := st.tokenAt(at); ti < len(st.toks) && st.toks[ti].start < end; ti++ {
		t := st.toks[ti]
		if t.kind == numPct || t.kind == numMoney && t.unit != "" {
			w.WriteString(st.s[at:t.start])
			w.WriteString("#")
			at = t.end
			ps.figs = append(ps.figs, ti)
		}
	}
	w.WriteString(st.s[at:end])
	ps.words = w.String()
	n := utf8.RuneCountInString(ps.words)
	return ps, len(ps.figs) >= 2 && n-len(ps.figs) >= sentenceMinRunes && n <= sentenceMaxRunes
}

// restatedFigures keeps the figures that sentence b, printed again,
// states otherwise than a, where the two agree on one at least.
func (b *builder) restatedFigures(a, again printedSentence) {
	st := b.st
	var differ []int
	for k := range a.figs {
		x, y := st.toks[a.figs[k]], st.toks[again.figs[k]]
		if x.kind != y.kind || x.unit != y.unit || x.mant != y.mant || x.scale != y.scale {
			differ = append(differ, k)
		}
	}
	if len(differ) == len(a.figs) {
		return // no figure in common: maybe a template filled twice
	}
	for _, k := range differ {
		if b.used[a.figs[k]] && b.used[again.figs[k]] {
			continue // both the model's: its rules compare them
		}
		x, y := st.toks[a.figs[k]], st.toks[again.figs[k]]
		path := "/text/" + strconv.Itoa(st.source(x.start).Line) + "/sentence/" + strconv.Itoa(st.source(y.start).Line) + "/" + strconv.Itoa(k)
		for _, t := range []token{x, y} {
			v := t.float()
			if t.kind == numMoney {
				v = t.money().Float()
			}
			b.textClaim(path, schema.ClaimAmount, t, v)
		}
	}
}

// afterHeadings is where the sentence [from, end) begins once the title
// and heading lines that open it are left out ("二、财政拨款收支总体情况" /
// "主要原因是…"): the words of its first line that is no heading.
func (st *stream) afterHeadings(from, end int) int {
	for i := sort.SearchInts(st.starts, from+1); i < len(st.starts) && st.starts[i] < end; i++ {
		if headingLike(strings.TrimSpace(st.s[max(from, st.starts[i-1]):st.starts[i]])) {
			from = st.starts[i]
		}
	}
	return from
}

// beforeHeading is where the first title or heading line that starts
// within (from, end) opens, end for none: a sentence without its 。 runs
// on into the next section ("…其他收入增长40.89万元" / "三、支出决算情况说明").
func (st *stream) beforeHeading(from, end int) int {
	for i := sort.SearchInts(st.starts, from+1); i < len(st.starts) && st.starts[i] < end; i++ {
		next := end
		if i+1 < len(st.starts) {
			next = min(end, st.starts[i+1])
		}
		if headingLike(strings.TrimSpace(st.s[st.starts[i]:next])) {
			return st.starts[i]
		}
	}
	return end
}
