package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/schema"
)

// placeholders lists the template markers a department left in its text
// ("上海市XX局", "××万元", "待填").
var placeholders = []string{"XX", "××", "待填", "待补充", "某某"}

// structure records what the checks need to know about the text itself:
// placeholders left in it, and headings that name another year (not a
// budget's heading of the year before's execution).
func (b *builder) structure(flat []string) {
	st := b.st
	n := 0
	for _, p := range placeholders {
		for _, end := range b.find(p) {
			start := end - len(p)
			if p == "XX" && (start > 0 && isASCIIAlnum(st.s[start-1]) || end < len(st.s) && isASCIIAlnum(st.s[end])) {
				continue
			}
			n++
			if n <= 20 {
				src := st.source(start)
				b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text, Reason: schema.WarnPlaceholder + ": " + p})
			}
		}
	}
	if n > 20 {
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Reason: fmt.Sprintf("%s: %d more", schema.WarnPlaceholder, n-20)})
	}
	b.missingSections()
	fy := b.doc.Document.FiscalYear
	if fy == 0 {
		return // a text that does not tell its year: no heading names another
	}
	for i, l := range flat {
		if l == "" || utf8.RuneCountInString(l) > 40 || strings.Contains(l, "…") {
			continue
		}
		heading := strings.HasPrefix(l, "第") && strings.Contains(l, "部分")
		if s, _ := enumOf(l); s == enumHanComma || s == enumParenHan {
			heading = true
		}
		if !heading {
			continue
		}
		y, before, after, ok := yearIn(l)
		if !ok || y == fy || !strings.ContainsAny(after, "预决算情说明表经费") {
			continue
		}
		// a numbered sentence comparing with that year, not a heading:
		// "(一)因公出国(境)费支出0万元,与2019年预算持平。"
		if strings.Contains(l, "元") || hasSuffixAny(before, []string{"比", "与", "较", "同"}) {
			continue
		}
		// a budget's account of the year before: "二、2021年“三公”经费决算情况",
		// "二、2010年“三公经费”财政拨款支出情况"
		if b.doc.Document.Kind == schema.KindBudget && y == fy-1 && containsAny(after, []string{"决算", "执行", "支出情况"}) {
			continue
		}
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: i + 1, Text: strings.TrimSpace(st.src[i]),
			Reason: fmt.Sprintf("%s: %d, not %d", schema.WarnHeadingYear, y, fy)})
	}
	b.presentedYear(flat)
	b.repeatedTitle(flat)
}

// repeatedTitle records a title repeated over the text with another year
// than the document's: "迪庆州州本级2021年度“三公”经费决算支出情况说明" and,
// above the first figure, "迪庆州州本级2020年度“三公”经费决支出情况说明" (the
// year before's title left in). The two name the same body before the year
// and differ after it by two characters at most, neither changing the kind
// (预算, 决算); a line below the first figure is a link to the other year's
// page, not a title.
func (b *builder) repeatedTitle(flat []string) {
	fy := b.doc.Document.FiscalYear
	first := len(flat)
	if k := slices.IndexFunc(b.st.toks, func(t token) bool { return t.kind == numMoney && t.unit != "" }); k >= 0 {
		first = b.st.lineAt(b.st.toks[k].start) - 1
	}
	type title struct {
		line          int
		year          int
		before, after string
	}
	var own, other []title
	for i, l := range flat[:max(first, 0)] {
		if utf8.RuneCountInString(l) > 50 || strings.ContainsAny(l, "，,。;；:：…") {
			continue
		}
		y, before, after, ok := titleYearIn(l)
		if !ok || utf8.RuneCountInString(before) < 2 || utf8.RuneCountInString(after) < 4 {
			continue
		}
		if t := (title{i, y, before, after}); y == fy {
			own = append(own, t)
		} else {
			other = append(other, t)
		}
	}
	for _, o := range other {
		if slices.ContainsFunc(own, func(t title) bool {
			return t.before == o.before && runeDistance(t.after, o.after) <= 2 &&
				strings.Contains(t.after, "预") == strings.Contains(o.after, "预") && strings.Contains(t.after, "决") == strings.Contains(o.after, "决")
		}) {
			b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: o.line + 1, Text: strings.TrimSpace(b.st.src[o.line]),
				Reason: fmt.Sprintf("%s: %d, not %d", schema.WarnHeadingYear, o.year, fy)})
		}
	}
}

// runeDistance is the edit distance of a and b in characters.
func runeDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := range ra {
		prev := row[0]
		row[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			prev, row[j+1] = row[j+1], min(row[j+1]+1, row[j]+1, prev+cost)
		}
	}
	return row[len(rb)]
}

// presentedYear records the sentence that presents the text as a report of
// another year than the document's, of its kind: "现将某局2021年度部门决算信息
// 公开如下" in a 2022 决算 whose title and headings say 2022 (the year
// before's template left in), or the one naming what the report covers,
// "纳入某局2021年度部门决算编制范围的二级预算单位包括". The year must be
// right before the report's word, the name before it at most.
func (b *builder) presentedYear(flat []string) {
	doc := b.doc.Document
lines:
	for i, l := range flat {
		for _, a := range presenting {
			k := strings.Index(l, a.open)
			if k < 0 {
				continue
			}
			rest := l[k+len(a.open):]
			if e := strings.Index(rest, a.close); e >= 0 {
				rest = rest[:e]
			} else if a.closed {
				continue
			}
			y, before, after, ok := titleYearIn(rest)
			if !ok || y == doc.FiscalYear || strings.ContainsAny(before, "，,。;；") {
				continue
			}
			for _, tk := range titleKinds {
				if tk.scope != "" && strings.HasPrefix(after, tk.word) && tk.kind == doc.Kind {
					b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: i + 1, Text: strings.TrimSpace(b.st.src[i]),
						Reason: fmt.Sprintf("%s: %d, not %d", schema.WarnHeadingYear, y, doc.FiscalYear)})
					continue lines
				}
			}
		}
	}
}

// presenting lists the sentences that name the text's own report: the words
// opening and closing the report's name, and whether the closing one must
// be there (a 纳入 without 编制范围 names no report's coverage).
var presenting = []struct {
	open, close string
	closed      bool
}{{"现将", "如下", false}, {"纳入", "编制范围", true}}

// cutInSentence tells a text that ends inside a sentence: its last line one
// of the accounts (an amount stated in it), cut after a comma or a colon or
// inside its last clause ("…与2020年相比,财政拨款收、支",
// "…其中:基本") — a page's opening the search gave, or a copy cut short, whose
// later sections were never reached. A title, a signature or a date has no
// such clause, and a table's last row ends in a figure.
func cutInSentence(lines []string) bool {
	last := ""
	for i := len(lines) - 1; i >= 0 && last == ""; i-- {
		last = strings.TrimSpace(lines[i])
	}
	if utf8.RuneCountInString(last) < 10 {
		return false
	}
	if !moneyStated.MatchString(last) {
		return false // a signature's line ("单位负责人:…"), no sentence of the accounts
	}
	r, _ := utf8.DecodeLastRuneInString(last)
	return strings.ContainsRune(",，:：、", r) || unicode.Is(unicode.Han, r) && strings.ContainsAny(last, ",，:：")
}

// moneyStated matches an amount stated in 元 or 万元.
var moneyStated = regexp.MustCompile(`[0-9]\s*(万元|元)`)

// missingSections records each mandatory explanation the narrative never
// mentions, from the year it is owed. A file with hardly any sentences (the tables of a disclosure
// published apart from its text) has no narrative to miss them from, and one that
// states no amount (a page cut after the department's functions) never
// reached its accounts.
func (b *builder) missingSections() {
	if strings.Count(b.st.s, "。") < 20 || !slices.ContainsFunc(b.st.toks, func(t token) bool { return t.kind == numMoney && t.unit != "" }) || cutInSentence(b.st.src) {
		return
	}
	doc := b.doc.Document
	for _, sec := range schema.MandatorySections {
		since := sec.Budget
		if doc.Kind == schema.KindFinalAccounts {
			since = sec.Final
		}
		if doc.FiscalYear != 0 && doc.FiscalYear < since || doc.FiscalYear == 0 && since > 0 {
			continue // not yet owed that year, or owed from a year the text does not tell
		}
		seen := false
		for _, w := range sec.Words {
			seen = seen || len(b.find(w)) > 0
		}
		if !seen {
			b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Text: sec.Name, Reason: schema.WarnMissingSection + ": " + sec.Name})
		}
	}
}
