package extract

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// newsStory keeps of a news story whose identity is incomplete (newsLike:
// its dateline, reporter or reporting of what was published) what it
// states as its subject's: the 三公 it restates from a department's or a
// region's 三公 disclosure ("济南市本级…“三公”经费预算总额为2.08亿元，其中…"),
// where its statements of figures tell the year. Its other figures — a
// region's revenue, a budget's total told in passing ("全市一般公共预算收入
// 1243.1亿元") — are left out with a warning each: whose they are the story
// does not settle. false where no 三公 figure was read or no year is told:
// the story is refused as before.
func newsStory(d *schema.Document) bool {
	if d.Document.FiscalYear == 0 || d.ThreePublic == nil {
		return false
	}
	if d.Revenue != nil {
		d.Revenue = &schema.Revenue{}
	}
	if d.Expenditure != nil {
		d.Expenditure = &schema.Expenditure{}
	}
	d.GovernmentFund, d.StateCapital, d.OperatingCosts, d.Procurement, d.Assets, d.Performance = nil, nil, nil, nil, nil, nil
	d.Department.Staff = nil // "全国气象部门共有职工99496人": the story's, left out with its warning below
	const kept = "/three_public"
	for _, ptr := range slices.Sorted(maps.Keys(d.Provenance)) {
		if ptr == kept || strings.HasPrefix(ptr, kept+"/") || ptr == "/department/name" {
			continue
		}
		src := d.Provenance[ptr]
		delete(d.Provenance, ptr)
		d.Warnings = append(d.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
			Reason: fmt.Sprintf("%s left out: a news story's figure besides its 三公, whose the story does not settle", ptr)})
	}
	for i, c := range d.Coverage {
		if c.Part == "section" && c.Status == schema.CoverageRead && !sectionOf(c.Name, kept) {
			d.Coverage[i].Status, d.Coverage[i].Reason = schema.CoverageNotRead, "a news story's figure besides its 三公: left out, whose it is the story does not settle"
		}
	}
	d.Claims = slices.DeleteFunc(d.Claims, func(c schema.Claim) bool { return c.Path != kept && !strings.HasPrefix(c.Path, kept+"/") })
	return true
}

// newsWords are the words a news story announces itself with: its
// dateline (agency, weekday), its reporter at work (reporterWords), and its
// reporting of what a department published ("国资委在其网站公布了2014年部门
// 预算，显示…").
var newsWords = []string{"本报讯", "新华社", "新华网", "中新网", "人民网", "据悉", "星期", "公布了", "在其网站"}

// reporterWords are a story's reporter at work: named after its dateline
// ("(记者 赵若言)", "羊城晚报讯 记者…报道"), asking ("记者从市财政局了解到",
// "记者查询…") — not the 记者 of a press department's duties (记者证).
var reporterWords = []string{"(记者", "讯记者", "讯 记者", "□记者", "记者从", "记者向", "记者报道", "记者查询", "记者获悉", "记者了解"}

// workReportWords are the words a speech to a people's congress (a
// government work report) opens with: it speaks of a region's budget in
// passing, never of one subject's.
var workReportWords = []string{"各位代表"}

// newsLike tells a text that is a news story: newsWords or reporterWords,
// no work report's.
func newsLike(text string) bool {
	return storyWords(text) && !containsAny(text, workReportWords)
}

// storyWords tells a text that speaks as news (newsWords, reporterWords).
func storyWords(text string) bool {
	return containsAny(text, newsWords) || containsAny(text, reporterWords)
}

// sectionOf tells the coverage's section name the one that fills path.
func sectionOf(name, path string) bool {
	for _, s := range sections {
		if s.name == name {
			return slices.Contains(s.paths, path)
		}
	}
	return false
}

// fromStory says where a story's subject's name comes from (newsSubject).
const fromStory = "the one the story says published its disclosure on its website"

// levelWords qualify what a finance bureau publishes for a whole level of
// government: a region's 三公, no one department's.
var levelWords = []string{"省级", "市级", "区级", "县级", "本级", "全省", "全市", "全区", "全县"}

// newsSubject serves a news story that tells which department published
// its own disclosure on its website: "国务院国资委在其网站公布了2014年部门
// 预算", "教育局在官网公布了2013年三公经费", "审计署11日在其网站公布:2010年
// 因公出国(境)费…" (the 三公 by its parts' names, the day after the name),
// "据某会网站消息,某会18日公布,2013年“三公经费”…" (the site's news of its
// own publication). The name is the clause's words before 在 (or 公布),
// ending like a department's; what it published is its year's 部门预算 or
// 部门决算, or its 三公 where no level of government qualifies them and the
// publisher is no finance bureau (which publishes a region's). Every such
// statement must name the same department; "" where none does, and in a
// text that is no news story (news: newsLike of the text whole).
func newsSubject(flat []string, news bool) (name string, line int) {
	if !news {
		return "", 0
	}
	for i, l := range flat {
		for _, at := range publishedAt(l) {
			what := clauseOf(l, at.what)
			if j := strings.IndexAny(l[at.what:], "，,"); strings.Trim(what, " :：") == "" && j >= 0 { // "…18日公布,2013年“三公经费”…": the clause after
				_, size := utf8.DecodeRuneInString(l[at.what+j:])
				what = clauseOf(l, at.what+j+size)
			}
			_, _, after, ok := yearIn(what)
			if !ok {
				// its 三公 with no year ("卫生部在其网站公布“三公经费”情况及
				// 说明"): the year is its sentences'
				if after = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(what, "公布"), "了"), "“\"「 :："); !strings.HasPrefix(after, "三公") {
					continue
				}
			}
			own := strings.HasPrefix(after, "部门预算") || strings.HasPrefix(after, "部门决算")
			n := trimDay(at.name)
			if !own && (!containsAny(after, []string{"三公", "因公出国"}) || containsAny(what, levelWords) || strings.Contains(n, "财政")) {
				continue
			}
			if !nameLike(n) || utf8.RuneCountInString(n) < 2 || utf8.RuneCountInString(n) > 30 {
				continue
			}
			if name != "" && name != n {
				return "", 0
			}
			name, line = n, i+1
		}
	}
	return name, line
}

// publication is a statement that a department published something: its
// name as the clause before the verb gives it, and where what it published
// starts in the line.
type publication struct {
	name string
	what int
}

// publishedAt finds a line's statements of a department's publishing on
// its website: "X在其网站公布…", and "据X网站消息，X公布…" (X the same).
func publishedAt(l string) []publication {
	var out []publication
	clauseBefore := func(end int) string {
		n := l[:end]
		if j := strings.LastIndexAny(n, "，,。；;:：)）【】 "); j >= 0 {
			_, size := utf8.DecodeRuneInString(n[j:])
			n = n[j+size:]
		}
		if j := strings.LastIndex(n, "日电"); j >= 0 { // the dateline before it, its space folded away: "中新网7月20日电气象局…"
			n = n[j+len("日电"):]
		}
		return n
	}
	for k := range indexesOf(l, "在") {
		at := k + len("在")
		rest := l[at:]
		for _, w := range []string{"其", "官方", "网站", "官网", "门户网站", "上"} {
			rest = strings.TrimPrefix(rest, w)
		}
		if len(rest) == len(l[at:]) || !strings.HasPrefix(rest, "公布") {
			continue // not "在其网站公布"
		}
		out = append(out, publication{clauseBefore(k), len(l) - len(rest)})
	}
	// "在教育部网站日前晒出“三公经费”情况": the site named by its owner
	for k := range indexesOf(l, "网站") {
		j := strings.LastIndex(l[:k], "在")
		if j < 0 {
			continue
		}
		owner := l[j+len("在") : k]
		rest := strings.TrimPrefix(strings.TrimPrefix(l[k+len("网站"):], "日前"), "上")
		for _, verb := range []string{"公布", "晒出", "公开"} {
			if strings.HasPrefix(rest, verb) && nameLike(owner) && utf8.RuneCountInString(owner) <= 20 {
				out = append(out, publication{owner, len(l) - len(rest) + len(verb)})
			}
		}
	}
	for k := range indexesOf(l, "网站消息") {
		at := k + len("网站消息")
		site := clauseBefore(k)
		j := strings.LastIndex(site, "据") // "中新网4月19日电据某会网站消息"
		if j < 0 || j+len("据") == len(site) {
			continue
		}
		site = site[j+len("据"):]
		// its next clause: the site's owner publishing, "X18日公布"
		rest := strings.TrimLeft(l[at:], " ，,")
		p := strings.Index(rest, "公布")
		if p < 0 || strings.ContainsAny(rest[:p], "，,。；;") || trimDay(rest[:p]) != site {
			continue
		}
		out = append(out, publication{site, len(l) - len(rest) + p + len("公布")})
	}
	return out
}

// indexesOf yields where sub starts in s, each occurrence in turn.
func indexesOf(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for at := 0; ; {
			k := strings.Index(s[at:], sub)
			if k < 0 || !yield(at+k) {
				return
			}
			at += k + len(sub)
		}
	}
}

// trimDay drops a day of the month after a name: "审计署11日" (…公布), or a
// word of when it was: "气象局日前在其网站上公布…" (日前, 近日, 昨日…).
func trimDay(n string) string {
	for _, w := range []string{"日前", "近日", "昨日", "前日", "今日", "昨天", "今天"} {
		if t, ok := strings.CutSuffix(n, w); ok && t != "" {
			return t
		}
	}
	if t, ok := strings.CutSuffix(n, "日"); ok {
		if d := strings.TrimRight(t, "0123456789"); len(d) < len(t) && len(t)-len(d) <= 2 {
			return d
		}
	}
	return n
}

// newsPublished is the year, and the kind, of the disclosure a news story
// says was published: "济南市向社会公布了2014年市级…“三公”经费预算总额",
// "省政府网站公开了121个省级部门2015年部门预算", "在其网站公布了2016年部门
// 决算" — the year in the clause after 公布 or 公开, before the 预算 or 决算
// it published (a fund's name, 一般公共预算, is none) or its 三公. Every
// such clause must name the same year (0 otherwise) and the kind where
// they agree; none in a text that is no news story. s is the text whole,
// news whether it is newsLike.
func newsPublished(s string, news bool) (year int, kind string) {
	if !news {
		return 0, ""
	}
	kinds := map[string]bool{}
	for _, verb := range []string{"公布", "公开"} {
		for at := 0; ; {
			k := strings.Index(s[at:], verb)
			if k < 0 {
				break
			}
			at += k + len(verb)
			y, _, after, ok := titleYearIn(clauseOf(s, at))
			if !ok {
				continue
			}
			m := strings.ReplaceAll(maskFunds(after), "预决算", "")
			b, f := strings.Index(m, "预算"), strings.Index(m, "决算")
			// the year's outturn and the next year's budget published
			// together: the next year's budget
			sentence, _, _ := strings.Cut(s[at:], "。")
			if _, _, rest, ok := titleYearIn(sentence); ok {
				if n := nextBudget(rest, y); n != 0 {
					y, b, f = n, 0, -1
				}
			}
			if b < 0 && f < 0 && !strings.Contains(m, "三公") {
				continue
			}
			if year != 0 && y != year {
				return 0, ""
			}
			year = y
			switch {
			case b >= 0 && (f < 0 || b < f):
				kinds[schema.KindBudget] = true
			case f >= 0:
				kinds[schema.KindFinalAccounts] = true
			default:
				kinds[""] = true
			}
		}
	}
	if len(kinds) == 1 {
		for k := range kinds {
			kind = k
		}
	}
	return year, kind
}

// listedUnderTotal tells a news story's 三公 parts listed under the
// statement of its total: the sentence of the list states the total's
// amount before 其中 (or before the first part, in a sentence that names no
// year), or, stating none, the sentence before it does ("…“三公”经费预算总额
// 为5.55亿元，较2014年的5.98亿元减少0.43亿元。其中，公务接待费0.98亿元…").
// Such parts are the total's, and a misprint among them is for
// sum.three_public to name; parts listed under another amount ("预算总数为
// 2893.78万元，其中…") are not.
func (b *builder) listedUnderTotal(parts []string) bool {
	st := b.st
	first := -1
	for _, p := range parts {
		if ti, ok := b.takenFor("/three_public/" + p + "/amount"); ok && (first < 0 || ti < first) {
			first = ti
		}
	}
	if first < 0 {
		return false
	}
	open := st.sentenceStart(st.toks[first].start)
	k := strings.LastIndex(st.s[open:st.toks[first].start], "其中")
	if k < 0 {
		// a list of its own sentence ("从“三公”经费具体构成看，因公出国(境)费
		// 0.43亿元…"), naming no year
		if _, _, _, ok := yearIn(st.s[open:st.toks[first].start]); ok {
			return false
		}
		k = st.toks[first].start - open
	}
	k += open
	amounts := func(from, to int) (out []schema.Money) {
		for i := st.tokenAt(from); i < len(st.toks) && st.toks[i].end <= to; i++ {
			if st.toks[i].kind == numMoney {
				out = append(out, st.toks[i].money())
			}
		}
		return out
	}
	stated := amounts(open, k)
	if len(stated) == 0 && open > 0 {
		stated = amounts(st.sentenceStart(open-len("。")), open)
	}
	return slices.Contains(stated, *b.doc.ThreePublic.Total)
}

// newsParts leaves out a news story's 三公 parts where, stated whole, they
// do not add up to its total beyond their printing's rounding: the story
// told another year's or another subject's 三公 beside its own ("国资委
// 2013年“三公”经费的预算数和预算执行数一致。具体来看，预算总数为2893.78万元，
// 其中因公出国(境)费1391.37万元…" in a story of its 2014 budget), and whose
// parts they are it does not settle. Parts stated in part only are kept.
func (b *builder) newsParts() {
	tp := b.doc.ThreePublic
	if tp == nil || tp.Total == nil || tp.OverseasTravel == nil || tp.Reception == nil || tp.Vehicle == nil && (tp.VehiclePurchase == nil || tp.VehicleOperation == nil) {
		return
	}
	rounding := func(ptr string) schema.Money { // of a figure read from a token
		if ti, ok := b.takenFor(ptr); ok {
			return b.st.toks[ti].rounding()
		}
		return 0
	}
	parts := []string{"overseas_travel", "reception", "vehicle"}
	figs := map[string]*schema.Figure{"overseas_travel": tp.OverseasTravel, "reception": tp.Reception, "vehicle": tp.Vehicle,
		"vehicle_purchase": tp.VehiclePurchase, "vehicle_operation": tp.VehicleOperation}
	if tp.Vehicle == nil {
		parts = []string{"overseas_travel", "reception", "vehicle_purchase", "vehicle_operation"}
	}
	sum, tol := schema.Money(0), rounding("/three_public/total")
	for _, p := range parts {
		sum += figs[p].Amount
		tol += rounding("/three_public/" + p + "/amount")
	}
	if d := sum - *tp.Total; d <= tol && -d <= tol || b.listedUnderTotal(parts) {
		return
	}
	for _, p := range []string{"overseas_travel", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"} {
		if figs[p] == nil {
			continue
		}
		ptr := "/three_public/" + p
		for _, k := range slices.Sorted(maps.Keys(b.doc.Provenance)) {
			if src := b.doc.Provenance[k]; strings.HasPrefix(k, ptr+"/") {
				delete(b.doc.Provenance, k)
				b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
					Reason: fmt.Sprintf("%s left out: a news story's 三公 parts that do not add up to its total (%s of %s) are another's, which the story does not settle", k, sum, *tp.Total)})
			}
		}
		b.doc.Claims = slices.DeleteFunc(b.doc.Claims, func(c schema.Claim) bool { return c.Path == ptr || strings.HasPrefix(c.Path, ptr+"/") })
	}
	tp.OverseasTravel, tp.Reception, tp.Vehicle, tp.VehiclePurchase, tp.VehicleOperation = nil, nil, nil, nil, nil
}
