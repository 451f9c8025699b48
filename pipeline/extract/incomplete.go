package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// disclosureWords are what only a budget or final-accounts disclosure's
// sections and tables speak of: its standard headings and tables' titles,
// its parts of spending and the expenses it must explain.
var disclosureWords = []string{
	"部门预算", "部门决算", "单位预算", "单位决算", "收支总表", "收支预算总表", "收支决算总表",
	"财政拨款收入", "财政拨款支出", "基本支出", "项目支出", "人员经费", "公用经费",
	"机关运行经费", "三公", "因公出国", "公务用车", "公务接待", "政府采购", "国有资产占用", "非财政拨款结余",
}

// fundsWords are the words of a page's totals and funds, a disclosure's too
// where the text tells its year (a unit's page that opens with its overview,
// no title: 收入总计, 年初预算数, 一般公共预算拨款); a page of two years' totals
// that tells none may be any year's.
var fundsWords = []string{"收入总计", "支出总计", "年初预算数", "年初结转和结余", "上年结转和结余", "一般公共预算拨款", "财政专户管理资金",
	// a unit's budget page that presents itself by its kind (现将2023年单位预算公开如下): its totals' words
	"收入预算", "支出预算"}

// disclosureLike tells a text whose identity is incomplete (no title names
// its year, or no department) that is a disclosure all the same: it speaks
// at least three of the disclosure's words and the reading placed at least
// one figure in the model, or kept an amount as a claim the checks compare
// (a table that does not add up, a table's row stating its own change). A
// news article or a government work report that states amounts in 万元
// speaks of a region's budget in passing, not of a
// department's sections, and where it speaks of them (a work report's
// “三公”经费) it announces its genre: neither is a disclosure. text is the
// text whole, its compacted lines joined.
func disclosureLike(text string, d *schema.Document) bool {
	if storyWords(text) || containsAny(text, workReportWords) {
		return false // a news story is read as one (newsStory)
	}
	words := disclosureWords
	if d.Document.FiscalYear != 0 {
		words = slices.Concat(words, fundsWords)
	}
	n := 0
	for _, w := range words {
		if strings.Contains(text, w) {
			n++
		}
	}
	return n >= 3 && (d.AnyAmount(func(float64) bool { return true }) || slices.ContainsFunc(d.Claims, func(c schema.Claim) bool { return c.Unit != "%" }))
}

// openingFragment is where the sentence ends that a text opens in when it
// opens in the middle of one — with an amount, after its page's number at
// most ("7 19816.81 元，项目支出 0元。"): a page whose page before, with the
// sentence's subject, is missing. Its labels name parts of a figure the
// text does not show (a class's basic and project spending), not the
// disclosure's. 0 where the text opens otherwise.
func openingFragment(st *stream) int {
	toks := st.toks
	k := 0
	if len(toks) > 1 && toks[0].kind == numPlain && strings.TrimSpace(st.s[:toks[0].start]) == "" && strings.TrimSpace(st.s[toks[0].end:toks[1].start]) == "" {
		k = 1 // the page's number
	}
	if len(toks) <= k || toks[k].kind != numMoney || strings.TrimSpace(st.s[:toks[k].start]) != "" && k == 0 {
		return 0
	}
	if end := strings.Index(st.s[toks[k].end:], "。"); end >= 0 {
		return toks[k].end + end
	}
	return 0
}

// levelTitle tells a title of the series of a region's department or unit
// disclosures ("上海市普陀区2026年区级单位预算"): the region before it is no
// department's name.
func levelTitle(title string) bool {
	for _, level := range []string{"省级", "市级", "区级", "县级"} {
		if strings.Contains(title, level+"部门") || strings.Contains(title, level+"单位") {
			return true
		}
	}
	return false
}

// headingKind is the kind of a text whose title, with its year, is missing,
// where its numbered headings tell it: each heading that names the kind of
// what it explains — 预算 or 决算 right before 情况 ("五、一般公共预算财政拨款
// 支出决算情况说明", "(二)政府采购预算安排情况说明"), a fund's name
// (一般公共预算) no kind — names the same, and none names the year before
// (上年) or a year other than the text's own (year, 0 where unknown): those
// may be another year's report ("二、2021年“三公”经费决算情况" in a 2022
// budget). "" where none does or two disagree; a comparison with the
// budget ("支出与年初预算对比情况") names no kind.
func headingKind(flat []string, year int) string {
	switch budget, final := headingKinds(flat, year); {
	case budget && !final:
		return schema.KindBudget
	case final && !budget:
		return schema.KindFinalAccounts
	}
	return ""
}

// headingKinds tells which kinds the headings headingKind reads name.
func headingKinds(flat []string, year int) (budget, final bool) {
	for _, l := range flat {
		h := dropEnum(l)
		if h == l {
			continue
		}
		if k := strings.Index(h, "情况"); k > 0 && !titleLike(h) {
			h = h[:k+len("情况")] // its sentence run into it: "三、收支决算总体情况2017年某卫生院…"
		}
		if k := strings.Index(h, ":"); k > 0 {
			h = h[:k] // its sentence after a colon: "(一)收入预算:2024年年初预算数…"
		}
		if utf8.RuneCountInString(h) > 30 || containsAny(h, priorYearWords) {
			continue
		}
		if y, _, after, ok := yearIn(h); ok && (y != year || strings.ContainsAny(after, "0123456789")) {
			continue
		}
		m := maskFunds(h)
		for _, k := range []struct{ word, kind string }{{"预算", schema.KindBudget}, {"决算", schema.KindFinalAccounts}} {
			for _, after := range []string{"情况", "安排情况", "总体情况", "结构情况", ""} {
				// … or a heading of the revenue or spending alone: "(一)收入预算",
				// "(一)预算收入情况", "(三)预算收支增减情况"
				side := startsWithAny(m, []string{k.word + "收入", k.word + "支出", k.word + "收支"}) && strings.HasSuffix(m, "情况") ||
					// … or the year's, its unit's short name before it: "三、2018年科协预算收支情况表"
					strings.HasSuffix(m, k.word+"收支情况") && strings.HasPrefix(m, strconv.Itoa(year)) ||
					// … or of the kind's own table: "二、收支预算总表说明(表1)"
					strings.Contains(m, k.word+"总表说明")
				if after == "" && m != "收入"+k.word && m != "支出"+k.word && !side || after != "" && !strings.Contains(m, k.word+after) {
					continue
				}
				if k.kind == schema.KindBudget {
					budget = true
				} else {
					final = true
				}
			}
		}
	}
	return budget, final
}

// ownYear is the year of a text whose title, with its year, is missing,
// where the text tells it: a year followed by 本年 ("2020年本年收入合计…",
// "2025 年本年一般公共预算支出…") is the year the text calls its own. Every
// such year must be the same; 0 where there is none or two disagree.
func ownYear(flat []string) int {
	year := 0
	for _, l := range flat {
		for at := 0; ; {
			y, _, after, ok := yearIn(l[at:])
			if !ok {
				break
			}
			at = len(l) - len(after)
			if !strings.HasPrefix(strings.TrimPrefix(after, "度"), "本年") {
				continue
			}
			if year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	return year
}

// statedYear is the year of a text whose title, with its year, is missing,
// where its statements of figures tell it: a year opening a clause that
// states an amount ("2020年“三公”经费支出431万元", "2023年政府采购预算17000
// 元") states that year's figure. Where every such year is one, it is the
// text's; where two are, the one its statements compare with the year
// before (比上年, 同比, 较2021年度, 与2013年…相比 before it …) is, the latest so compared
// where it is none compared with and every other year stated is one it is compared with ("2021年度“三公”
// 经费合计支出20.12万元" beside "2022年度“三公”经费预算较2021年度增加1.68万
// 元"). No year named later than it, outside a date (截至2022年12月31日);
// 0 otherwise: the text cannot tell its own sentences from another year's.
func statedYear(s string) int {
	ms := yearMentions(s)
	stated := map[int]bool{}       // years whose clause states an amount
	compared := map[int]bool{}     // stated years compared with the year before
	earlier := map[int]bool{}      // years named as the other side of a comparison
	comparedOnly := map[int]bool{} // years compared in a clause stating no amount
	latest := 0
	for i, m := range ms {
		latest = max(latest, m.year)
		if m.comparand {
			earlier[m.year] = true
			continue
		}
		if _, ok := m.stated(s); !ok {
			// a year compared with an earlier one right after it, its
			// clause stating a change and no amount ("2018年比2017年减少
			// 0.08%"): compared, where another clause states its figures
			if i+1 < len(ms) && ms[i+1].comparand && ms[i+1].year < m.year && utf8.RuneCountInString(s[m.end:ms[i+1].start]) <= 1 {
				comparedOnly[m.year] = true
			}
			continue
		}
		stated[m.year] = true
		// an earlier year compared with before it in its sentence ("与2013年
		// 执行数相比，2014年…预算减少0.03亿元")
		for j := i - 1; j >= 0 && !strings.Contains(s[ms[j].end:m.start], "。"); j-- {
			if ms[j].comparand && ms[j].year < m.year {
				compared[m.year] = true
			}
		}
		// its sentence up to the next year stated, and the next sentence
		// where it only compares ("与2012年预算执行数相比，分别减少…")
		end := len(s)
		if k := strings.Index(s[m.end:], "。"); k >= 0 {
			end = m.end + k
			if next := end + len("。"); strings.HasPrefix(s[next:], "与") && strings.Contains(s[next:min(len(s), next+40)], "相比") {
				end = len(s)
				if k := strings.Index(s[next:], "。"); k >= 0 {
					end = next + k
				}
			}
		}
		for _, n := range ms[i+1:] {
			if n.start >= end {
				break
			}
			if !n.comparand {
				end = n.start
				break
			}
			if n.year < m.year {
				compared[m.year] = true
			}
		}
		if comparesWithPriorYear(s[m.end:end]) {
			compared[m.year] = true
		}
	}
	for y := range comparedOnly {
		if stated[y] {
			compared[y] = true
		}
	}
	year := 0
	switch {
	case len(stated) == 1:
		for y := range stated {
			year = y
		}
	case len(compared) >= 1:
		// the latest compared: an earlier one compared in turn is still one
		// it is compared with ("2018年比2017年减少0.08%" beside "2017年比2016年
		// 减少0%")
		for y := range compared {
			year = max(year, y)
		}
		if earlier[year] {
			return 0
		}
		for y := range stated {
			if y != year && (y > year || !earlier[y]) {
				return 0
			}
		}
	}
	if year != latest {
		return 0
	}
	return year
}

// comparesWithPriorYear tells s compares a figure with the year before's:
// 同比, or a comparandOpening of a word of the prior year (比上年, 较上年度,
// 与去年).
func comparesWithPriorYear(s string) bool {
	if strings.Contains(s, "同比") {
		return true
	}
	for i := range s {
		if c, ok := comparandAt(s[i:]); ok && c.year == 0 {
			return true
		}
	}
	return false
}

// yearMention is a year named in a text, not a date's: s[start:end] is
// "2020年" or "2020年度".
type yearMention struct {
	year, start, end int
	comparand        bool // the other side of a comparison: 与2016年相比, 较2021年度
}

// yearMentions are the years s names, in order.
func yearMentions(s string) []yearMention {
	var ms []yearMention
	for at := 0; ; {
		y, before, after, ok := yearOf(s[at:], true)
		if !ok {
			return ms
		}
		m := yearMention{year: y, start: at + len(before), end: len(s) - len(after)}
		_, ok = comparandAt(s[max(at, m.start-len("与")):])
		m.comparand = ok && m.start-len("与") >= at
		ms = append(ms, m)
		at = m.end
	}
}

// stated gives what a year's clause says before its first amount, where
// the clause states one: "“三公”经费支出" of "2020年“三公”经费支出431万元，…";
// a year that is a clause of its own opens the next ("2019年，市本级…预算为
// 3328万元"). A clause that states none and names the year's subject (a
// region's or a department's organs), what it covers listed after it in
// clauses of their own, states the first amount of its sentence where no
// other year is named before it, nor a ； ends a clause ("2022年某州州本级
// 部门，包括…和其他单位使用财政拨款安排“三公”经费支出总额为8,237.23万元").
func (m yearMention) stated(s string) (string, bool) {
	rest := s[m.end:]
	clause := rest
	if w, ok := wordAt(clause, []string{"，", ","}); ok {
		clause = clause[len(w):]
		rest = clause
	}
	clause = clause[:clauseBreak(clause)]
	for _, t := range lexNumbers(clause) {
		if t.kind == numMoney {
			return clause[:t.start], true
		}
	}
	// the subject: a region's or a department's organs, not an event
	// ("2016年开展公车改革，车辆减少；公务接待费430万元")
	if !hasSuffixAny(clause, []string{"部门", "单位"}) && !nameLike(clause) {
		return "", false
	}
	sentence := rest
	if k := strings.Index(sentence, "。"); k >= 0 {
		sentence = sentence[:k]
	}
	for _, t := range lexNumbers(sentence) {
		if t.kind == numMoney && len(yearMentions(sentence[:t.start])) == 0 && !strings.ContainsAny(sentence[:t.start], "；;") {
			return sentence[:t.start], true
		}
		if t.kind != numMoney {
			break // a figure or a year before the amount: not the year's own
		}
	}
	return "", false
}

// clauseBreak is where s's first clause ends (at ，,。；; or its end), a
// comma between digits being a thousands separator ("总收入6,198万元").
func clauseBreak(s string) int {
	for at := 0; ; {
		k := strings.IndexAny(s[at:], "，,。；;")
		if k < 0 {
			return len(s)
		}
		k += at
		if s[k] == ',' && k > 0 && k+1 < len(s) && s[k-1] >= '0' && s[k-1] <= '9' && s[k+1] >= '0' && s[k+1] <= '9' {
			at = k + 1
			continue
		}
		return k
	}
}

// initialBudgetNext reports whether the clause after the mention's amount,
// which label (stated's) names, states the year's initial budget (…支出2.05
// 万元，年初预算为2.95万元): the amount is the outturn set against it.
func (m yearMention) initialBudgetNext(s, label string) bool {
	rest := s[m.end:]
	rest = rest[strings.Index(rest, label)+len(label):]
	ts := lexNumbers(rest)
	if len(ts) == 0 {
		return false
	}
	rest = rest[ts[0].end:]
	if w, ok := wordAt(rest, []string{"，", ","}); ok {
		rest = rest[len(w):]
		// … or compares it with its 年初预算: "…支出总额为8,237.23万元,比年初预算增加…"
		for _, c := range []string{"比", "较", "与"} {
			if r, ok := strings.CutPrefix(rest, c); ok && strings.HasPrefix(r, "年初预算") {
				return true
			}
		}
		return strings.HasPrefix(rest, "年初预算")
	}
	return false
}

// statedKind is the kind of a text of the year year whose title, with its
// kind, is missing, where a statement of that year's figures calls it its
// 决算 ("2019年实际支出“三公经费”决算为22.62万元"), or a clause without an
// amount names that year's 三公 决算 ("晒出2016年省级“三公”经费决算支出
// 账单"), or sets what it spent
// against its 年初预算 in the next clause: no budget states the outturn of
// its own year. A budget's statement alone tells nothing: a 决算
// states its year's budget too. But where that year's 预算 is compared
// with the year before, in its sentence or the next ("2024年…经费支出预算为
// 14.01万元…。与2023年预算相比增长16.75%"), and the text states no outturn
// at all (outturnWords), the text is that year's budget. "" otherwise.
func statedKind(s string, year int) string {
	if year == 0 {
		return ""
	}
	ms := yearMentions(s)
	budget := false
	for _, m := range ms {
		if m.year != year || m.comparand {
			continue
		}
		// a clause that names the year's 三公 决算 as what the page shows,
		// no amount in it ("晒出2016年省级“三公”经费决算支出账单", "2016年市本级
		// “三公”决算汇总表及情况说明公布"; not 预决算, the rules' name)
		// … or the region's final accounts whose report the story tells
		// ("…听取广州市财政局关于2014年全市市本级决算(草案)的报告")
		if c := clauseOf(s, m.end); (strings.Contains(c, "三公") && strings.Contains(strings.ReplaceAll(c, "预决算", ""), "决算") || containsAny(c, regionFinalAccounts)) && !strings.ContainsAny(c, "0123456789") {
			return schema.KindFinalAccounts
		}
		// what it is, before the amount, no comparison in it ("2022年预算比
		// 2021年决算数增加5万元")
		label, ok := m.stated(s)
		if !ok || strings.ContainsAny(label, "0123456789") || containsAny(label, []string{"与", "比", "较", "同"}) || containsAny(label, priorYearWords) {
			continue
		}
		if strings.Contains(label, "决算") || !namesBudget(label) && spendingLabel(label) && m.initialBudgetNext(s, label) {
			return schema.KindFinalAccounts
		}
		if (namesBudget(label) || priorBudgetCompared(s, ms, m)) && comparedBefore(s, ms, m) {
			budget = true
		}
	}
	// 预决算 (预决算公开, the rules' name) states no outturn, nor does an
	// earlier year's clause (the year before's 执行数 a budget states)
	if budget && !containsAny(strings.ReplaceAll(earlierClausesOut(s, ms, year), "预决算", ""), outturnWords) {
		return schema.KindBudget
	}
	return ""
}

// budgetStory tells a news story of a published year's 三公 (newsPublished
// gives its year, no kind) that states them as a budget: its 三公 figures
// said 预算 ("“三公”经费预算支出共491万元", "因公出国(境)费预算135万元"),
// a fund's name aside, and no outturn anywhere (outturnWords: a 决算
// states its budget too, never without its outturn).
func budgetStory(s string) bool {
	m := maskFunds(strings.ReplaceAll(s, "预决算", ""))
	return strings.Contains(m, "三公") && strings.Count(m, "预算") >= 2 && !containsAny(m, outturnWords)
}

// spendingLabel tells a label of what was spent: "…支出", "…支出总额为".
func spendingLabel(label string) bool {
	label = strings.TrimSuffix(label, "为")
	for _, w := range []string{"总额", "合计", "总计", "共计"} {
		label = strings.TrimSuffix(label, w)
	}
	return strings.HasSuffix(label, "支出")
}

// regionFinalAccounts name a region's final accounts, which a government
// reports to its people's congress: no budget's.
var regionFinalAccounts = []string{"决算(草案)", "决算草案", "收支决算"}

// priorOutturnCompared tells a text of the year year that sets what the
// year spent against the year before's 决算, no 预算 named in its sentence
// ("2023年度总支出125.08万元,其中本年支出116.12万元,较2022年度决算数增加
// 19.68万元"): a 决算's comparison — a budget is made before that outturn is
// known.
func priorOutturnCompared(s string, year int) bool {
	for _, m := range yearMentions(s) {
		if m.comparand && m.year == year-1 && strings.HasPrefix(strings.TrimPrefix(s[m.end:], "度"), "决算") &&
			!strings.Contains(maskFunds(s[strings.LastIndex(s[:m.start], "。")+1:m.start]), "预算") {
			return true
		}
	}
	return false
}

// clauseOf is s from at to the end of its clause.
func clauseOf(s string, at int) string {
	if k := strings.IndexAny(s[at:], "，,。；;"); k >= 0 {
		return s[at : at+k]
	}
	return s[at:]
}

// earlierClausesOut is s without the clauses that open on (or name, as
// what they compare with) a year before year: from the year to the clause's
// end ("2012年“三公经费”财政拨款预算执行数为80.95亿元", "与2012年预算执行数
// 相比").
func earlierClausesOut(s string, ms []yearMention, year int) string {
	var b strings.Builder
	at := 0
	for _, m := range ms {
		if m.year >= year || m.start < at {
			continue
		}
		b.WriteString(s[at:m.start])
		at = len(s)
		// a year alone before its comma heads its sentence ("2010年,某部“三公
		// 经费”预算…,实际支出…。"): the clause is the sentence
		ends := "，,。；;"
		if strings.HasPrefix(strings.TrimPrefix(s[m.end:], "度"), "，") || strings.HasPrefix(strings.TrimPrefix(s[m.end:], "度"), ",") {
			ends = "。；;"
		}
		if k := strings.IndexAny(s[m.start:], ends); k >= 0 {
			at = m.start + k
		}
	}
	b.WriteString(s[at:])
	return b.String()
}

// namesBudget tells a statement's words that call its amount the 预算, the
// word last before it ("“三公”经费支出预算为", "经费预算安排"), not a fund's
// or an appropriation's (一般公共预算, 财政预算拨款 "三公"经费支出合计).
func namesBudget(label string) bool {
	m := maskFunds(label)
	k := strings.LastIndex(m, "预算")
	if k < 0 {
		return false
	}
	switch strings.TrimSuffix(m[k+len("预算"):], "为") { // "预算总额为"
	case "", "是", "数", "安排", "合计", "总额", "总计", "共计":
		return true
	}
	return false
}

// outturnWords state a year's outturn: a text holding none states no 决算.
var outturnWords = []string{"决算", "实际支出", "实际发生", "执行数", "执行情况", "完成预算", "完成年初", "完成全年", "年初预算", "调整预算", "累计支出"}

// priorBudgetCompared tells a year's statement m set against the year
// before's 预算 in its sentence ("2014年我区…安排“三公”经费合计10431.45万元,
// 比2013年预算下降19.74%"): a budget is set against the budget before it.
func priorBudgetCompared(s string, ms []yearMention, m yearMention) bool {
	end := len(s)
	if k := strings.Index(s[m.end:], "。"); k >= 0 {
		end = m.end + k
	}
	for _, n := range ms {
		if n.comparand && n.year == m.year-1 && n.start >= m.end && n.start < end && strings.HasPrefix(strings.TrimPrefix(s[n.end:], "度"), "预算") {
			return true
		}
	}
	return false
}

// comparedBefore tells a year's statement m compared with the year before,
// in its sentence or the next but for its parts' (其中…): 比上年, 同比, 与
// 2023年预算相比.
func comparedBefore(s string, ms []yearMention, m yearMention) bool {
	end := m.end
	for n := 0; n < 2 && end < len(s); {
		if !strings.HasPrefix(s[end:], "其中") {
			n++
		}
		if k := strings.Index(s[end:], "。"); k >= 0 {
			end += k + len("。")
		} else {
			end = len(s)
		}
	}
	if comparesWithPriorYear(s[m.end:end]) {
		return true
	}
	for _, n := range ms {
		if n.comparand && n.year == m.year-1 && n.start >= m.end && n.start < end {
			return true
		}
	}
	return false
}
