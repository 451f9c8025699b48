package extract

import (
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
	"机关运行经费", "三公", "因公出国", "公务用车", "公务接待", "政府采购", "国有资产占用",
}

// otherGenres are the words a speech to a people's congress (a government
// work report) or a news story announces itself with: its address, its
// dateline (agency, weekday), its reporter, and its reporting of what a
// department published ("国资委在其网站公布了2014年部门预算，显示…").
var otherGenres = []string{"各位代表", "本报讯", "(记者", "记者报道", "新华社", "中新网", "人民网", "据悉", "星期", "公布了", "在其网站"}

// disclosureLike tells a text whose identity is incomplete (no title names
// its year, or no department) that is a disclosure all the same: it speaks
// at least three of the disclosure's words and the reading placed at least
// one figure in the model. A news article or a government work report that
// states amounts in 万元 speaks of a region's budget in passing, not of a
// department's sections, and where it speaks of them (a work report's
// “三公”经费) it announces its genre: neither is a disclosure.
func disclosureLike(flat []string, d *schema.Document) bool {
	text := strings.Join(flat, "")
	if containsAny(text, otherGenres) {
		return false
	}
	n := 0
	for _, w := range disclosureWords {
		if strings.Contains(text, w) {
			n++
		}
	}
	return n >= 3 && d.AnyAmount(func(float64) bool { return true })
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
// (一般公共预算) no kind — names the same, and none names a year or the
// year before (上年): those may be another year's report ("二、2021年“三公”
// 经费决算情况" in a 2022 budget). "" where none does or two disagree; a
// comparison with the budget ("支出与年初预算对比情况") names no kind.
func headingKind(flat []string) string {
	kind := ""
	for _, l := range flat {
		h := dropEnum(l)
		if h == l {
			continue
		}
		if k := strings.Index(h, "情况"); k > 0 && !titleLike(h) {
			h = h[:k+len("情况")] // its sentence run into it: "三、收支决算总体情况2017年某卫生院…"
		}
		if utf8.RuneCountInString(h) > 30 || containsAny(h, priorYearWords) {
			continue
		}
		if _, _, _, ok := yearIn(h); ok {
			continue
		}
		m := maskFunds(h)
		for _, k := range []struct{ word, kind string }{{"预算", schema.KindBudget}, {"决算", schema.KindFinalAccounts}} {
			for _, after := range []string{"情况", "安排情况", "总体情况", "结构情况"} {
				if !strings.Contains(m, k.word+after) {
					continue
				}
				if kind != "" && kind != k.kind {
					return ""
				}
				kind = k.kind
			}
		}
	}
	return kind
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
