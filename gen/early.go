package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"budgetpub/schema"
)

// early is a 部门预算 (2014–2017) or 部门决算 (2013–2017) of the templates
// before 2018, of a department or of a 事业单位 (单位预算, 单位决算), of a
// district or a city: the wording of those years — 公共财政拨款 and
// 公共财政预算 where later templates say 一般公共预算 (until 2015), the 类
// names of the classification of the time (一般公共服务, 城乡社区事务,
// 农林水事务 before 2016; 文化体育与传媒支出, 医疗卫生与计划生育支出 until
// 2018) —, a unit's own revenue (事业收入, 经营收入, 其他收入) and uses
// (经营支出, 对附属单位补助支出) beside basic and project expenditure, whose
// 财政拨款 tables then hold less than its totals; a budget's 收支总表 that
// may name the year's revenue 收入合计 above 上年结转 and 收入总计; 三公
// tables with 公务用车购置及运行费 over its two parts.

var cities = []string{"随州市", "常州市", "绍兴市", "绵阳市", "株洲市", "泉州市"}

// earlyKuans are the 款 and 项 of the classification of the time where
// they differ from today's (kuans).
var earlyKuans = map[string][3][2]string{
	"207": {{"01", "文化"}, {"01", "行政运行"}, {"09", "群众文化"}},
	"210": {{"05", "医疗保障"}, {"01", "行政单位医疗"}, {"02", "事业单位医疗"}},
	"213": {{"01", "农业"}, {"01", "行政运行"}, {"04", "事业运行"}},
}

// earlyNames are the 类 names of the classification before 2016 (without
// 支出, 城乡社区事务, 农林水事务) and of 2016–2017.
var earlyNames = [2]map[string]string{{
	"201": "一般公共服务", "202": "外交", "203": "国防", "204": "公共安全", "205": "教育",
	"206": "科学技术", "207": "文化体育与传媒", "208": "社会保障和就业", "210": "医疗卫生与计划生育支出",
	"211": "节能环保", "212": "城乡社区事务", "213": "农林水事务", "214": "交通运输", "221": "住房保障支出", "229": "其他支出",
}, {
	"201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出", "205": "教育支出",
	"206": "科学技术支出", "207": "文化体育与传媒支出", "208": "社会保障和就业支出", "210": "医疗卫生与计划生育支出",
	"211": "节能环保支出", "212": "城乡社区支出", "213": "农林水支出", "214": "交通运输支出", "221": "住房保障支出", "229": "其他支出",
}}

// drawEarly draws an early document's kind, year, scope and department.
func (d *sdoc) drawEarly(r *rand.Rand) string {
	kind := schema.KindBudget
	d.year = 2014 + r.IntN(4)
	if r.IntN(2) == 0 {
		kind = schema.KindFinalAccounts
		d.year = 2013 + r.IntN(5)
	}
	if r.IntN(2) == 0 { // a city's department, not a district's
		d.region = cities[r.IntN(len(cities))]
	}
	if r.IntN(2) == 0 {
		d.scope = "单位"
		d.dept = d.region + units[r.IntN(len(units))]
	} else {
		d.dept = d.region + strings.Replace(depts[r.IntN(len(depts))], "文化和旅游局", "文化广电新闻出版局", 1) // before the 2018 reform
	}
	d.names = earlyNames[0]
	if d.year >= 2016 {
		d.names = earlyNames[1]
	}
	return kind
}

// drawEarlyMoney draws what the year carries, and a unit's own revenue
// and uses: all on the first 项, so that every row of every table adds up.
func (d *sdoc) drawEarlyMoney(r *rand.Rand, amt func(lo, hi int64) schema.Money) {
	x := &d.items[d.classes[0]][0]
	if x.basic == 0 {
		x.basic = amt(5, 800)
		d.basic += x.basic
	}
	if d.scope == "单位" {
		x.own = x.basic / 3 / schema.Money(d.step) * schema.Money(d.step)
		other := x.own / 2 / schema.Money(d.step) * schema.Money(d.step)
		x.subsidy = amt(1, 100)
		x.business = amt(1, 100)
		d.own = [3]schema.Money{x.own - other + x.subsidy, x.business, other}
	}
	// the economic table is of appropriations: basic expenditure less what
	// the unit's own revenue pays
	splitEconomic(r, d, d.basic-x.own)
	// 310 其他资本性支出, its name until 2018: an office-equipment item of
	// basic expenditure, paid out of the 公用经费 (as Pingyuan's 2017 决算)
	if capital := d.econ[1].amt / 5 / schema.Money(d.step) * schema.Money(d.step); capital > 0 {
		d.econ[1].amt -= capital
		d.econ[1].items[1].amt -= capital // the larger share where drawn; not drawn: the stream stays as it was
		if d.econ[1].items[1].amt < 0 {
			d.econ[1].items[0].amt += d.econ[1].items[1].amt
			d.econ[1].items[1].amt = 0
		}
		d.econ = append(d.econ, named{"310", "其他资本性支出", capital, []named{{"31002", "办公设备购置", capital, nil}}})
	}
	d.current = d.basic + d.project + x.business + x.subsidy
	if r.IntN(2) == 0 || d.kind == schema.KindFinalAccounts {
		d.carriedIn = min(amt(1, 200), (x.basic+x.project-x.own)/2/schema.Money(d.step)*schema.Money(d.step))
	}
	if d.kind == schema.KindFinalAccounts {
		d.carriedOut = amt(1, 200)
	} else {
		x.carried = d.carriedIn
	}
}

// kuans is a 类's 款 and its two 项, as the document's year names them.
func (d *sdoc) kuans(c string) [3][2]string {
	if d.family == "unit" && c == d.unitClass {
		return d.unitKuan
	}
	if ek, ok := earlyKuans[c]; ok && d.family == "early" {
		return ek
	}
	return kuans[c]
}

// clsName is a 类's name as the document's year prints it.
func (d *sdoc) clsName(c string) string {
	if n, ok := d.names[c]; ok {
		return n
	}
	return className(c)
}

// first tells the 项 that holds a unit's own revenue and uses, and the
// carried amounts.
func (d *sdoc) first(x xiang) bool { return x.code == d.items[d.classes[0]][0].code }

// fiscalOf is what appropriations pay of a 项: basic and project.
func fiscalOf(x xiang) (basic, project schema.Money) { return x.basic - x.own, x.project }

// fiscalClass is what appropriations pay of a 类.
func (d *sdoc) fiscalClass(c string) schema.Money {
	var t schema.Money
	for _, x := range d.items[c] {
		b, p := fiscalOf(x)
		t += b + p
	}
	return t
}

func (d *sdoc) ownTotal() schema.Money { return d.own[0] + d.own[1] + d.own[2] }

// public is the word of the years for general-budget appropriations:
// 公共财政 until 2015 (a 决算 until 2014), 一般公共预算 after.
func (d *sdoc) public() bool {
	if d.kind == schema.KindFinalAccounts {
		return d.year <= 2014
	}
	return d.year <= 2015
}

// earlySummary is a 收支总表 of the early templates: sources left, the 类
// (cls of each) right, then the year's rows, the carried rows and the
// totals, each a label and an amount on either side.
func (d *sdoc) earlySummary(title, col string, sources []string, vals []schema.Money, right [][2]string, bottom [][4]string) ttable {
	t := ttable{title: title,
		header: []string{
			"           收入                                      支出",
			fmt.Sprintf("      项目                   %s              项目                      %s", col, col),
		},
		cols: []tcol{{22, false}, {14, true}, {22, false}, {14, true}},
	}
	for i := 0; i < len(right) || i < len(sources); i++ {
		cells := []string{"", "", "", ""}
		if i < len(sources) {
			cells[0], cells[1] = sources[i], d.num(vals[i])
		}
		if i < len(right) {
			cells[2], cells[3] = right[i][0], right[i][1]
		}
		t.rows = append(t.rows, trow{cells: cells, label: 2})
	}
	for _, r := range bottom {
		t.rows = append(t.rows, trow{cells: r[:], label: -1})
	}
	return t
}

// cover prints the title as the documents of those years do: the name over
// the year and kind, the year first on one line (2016年度<部门>部门决算),
// or the name first with 公开 or 说明 after the kind — chosen from what was
// drawn, not drawn itself.
func (d *sdoc) cover(b *strings.Builder, kind string) {
	nian := "年"
	if d.kind == schema.KindFinalAccounts {
		nian = "年度"
	}
	switch (d.year + len(d.classes)) % 3 {
	case 0:
		fmt.Fprintf(b, "%s\n%d%s%s\n\n", d.dept, d.year, nian, kind)
	case 1:
		fmt.Fprintf(b, "%d%s%s%s\n\n", d.year, nian, d.dept, kind)
	default:
		after := "公开"
		if d.kind == schema.KindFinalAccounts {
			after = "说明"
		}
		fmt.Fprintf(b, "%s%d%s%s%s\n\n", d.dept, d.year, nian, kind, after)
	}
}

// classRows are a 收支总表's expenditure rows by 类: each of the template's
// classes, numbered, with its amount (cls).
func (d *sdoc) classRows(cls func(string) schema.Money) [][2]string {
	var rows [][2]string
	for i, c := range summaryClasses {
		rows = append(rows, [2]string{numerals[i] + "、" + d.clsName(c), d.num(cls(c))})
	}
	return rows
}

// useRows are a 收支总表's expenditure rows by use, as the budgets of some
// cities print them: basic and project expenditure, and a unit's other uses.
func (d *sdoc) useRows() [][2]string {
	x := d.items[d.classes[0]][0]
	rows := [][2]string{{"一、基本支出", d.num(d.basic)}, {"二、项目支出", d.num(d.project)}}
	if d.scope == "单位" {
		rows = append(rows, [2]string{"三、事业单位经营支出", d.num(x.business)}, [2]string{"四、对附属单位补助支出", d.num(x.subsidy)})
	}
	return rows
}

func (d *sdoc) early(b *strings.Builder) {
	if d.kind == schema.KindFinalAccounts {
		d.earlyFinal(b)
	} else {
		d.earlyBudget(b)
	}
}

func (d *sdoc) earlyBudget(b *strings.Builder) {
	r := func(m schema.Money) string { return w(round(m)) }
	kind := d.scope + "预算"
	fiscalWord, fundWord := "一般公共预算拨款收入", "政府性基金预算拨款收入"
	tables := [4]string{"一般公共预算支出表", "一般公共预算基本支出表", "一般公共预算“三公”经费支出表", "一般公共预算"}
	if d.public() {
		fiscalWord, fundWord = "公共财政拨款", "政府性基金拨款"
		tables = [4]string{"公共财政拨款支出表", "公共财政拨款基本支出表", "公共财政拨款“三公”经费支出表", "公共财政预算"}
	}
	year := d.current - d.carriedIn
	fiscal := year - d.ownTotal()
	d.cover(b, kind)
	fmt.Fprintf(b, "第一部分 %s概况\n\n第二部分 %d年%s情况说明\n", d.dept, d.year, kind)
	fmt.Fprintf(b, "一、收支预算总体情况\n按照综合预算的原则，%s所有收入和支出均纳入%s管理。%d年收入预算%s万元，其中：%s%s万元", d.dept, kind, d.year, r(d.current), fiscalWord, r(fiscal))
	if d.scope == "单位" {
		fmt.Fprintf(b, "，事业收入%s万元，事业单位经营收入%s万元，其他收入%s万元", r(d.own[0]), r(d.own[1]), r(d.own[2]))
	}
	if d.carriedIn > 0 {
		fmt.Fprintf(b, "，上年结转%s万元", r(d.carriedIn))
	}
	fmt.Fprintf(b, "。支出预算%s万元，其中：基本支出%s万元，项目支出%s万元", r(d.current), r(d.basic), r(d.project))
	x := d.items[d.classes[0]][0]
	if d.scope == "单位" {
		fmt.Fprintf(b, "，事业单位经营支出%s万元，对附属单位补助支出%s万元", r(x.business), r(x.subsidy))
	}
	b.WriteString("。\n二、“三公”经费、机关运行经费和政府采购\n")
	d.narrativeOthers(b)
	fmt.Fprintf(b, "\n第三部分 %d年%s表\n", d.year, kind)
	yearLabel := "本年收入合计"
	if d.year%2 == 1 { // the 2024 template's word for the year's revenue
		yearLabel = "收入合计"
	}
	right := d.classRows(d.classTotal)
	if strings.HasSuffix(d.region, "市") && d.year%2 == 0 { // from what was drawn, not drawn
		right = d.useRows()
	}
	d.render(b, d.earlySummary("收支预算总表", "预算数",
		[]string{"一、" + fiscalWord, "二、" + fundWord, "三、事业收入", "四、事业单位经营收入", "五、其他收入"},
		[]schema.Money{fiscal, 0, d.own[0], d.own[1], d.own[2]}, right,
		[][4]string{{yearLabel, d.num(year), "本年支出合计", d.num(d.current)},
			{"上年结转", d.num(d.carriedIn), "结转下年", ""},
			{"收入总计", d.num(d.current), "支出总计", d.num(d.current)}}))
	first := func(x xiang, v schema.Money) schema.Money {
		if d.first(x) {
			return v
		}
		return 0
	}
	inc := ttable{title: "收入预算总表", cols: d.codeCols(7, 18, 12), coded: true}
	inc.header = codeHeader(inc.cols, "", "合计", "上年结转", fiscalWord, "政府性基金", "事业收入", "事业单位经营收入", "其他收入")
	inc.rows = append(inc.rows, d.totalRow(3, []schema.Money{d.current, d.carriedIn, fiscal, 0, d.own[0], d.own[1], d.own[2]}))
	inc.rows = append(inc.rows, d.functionRows(func(x xiang) []schema.Money {
		t := x.basic + x.project + x.business + x.subsidy
		own := first(x, d.ownTotal())
		return []schema.Money{t, x.carried, t - x.carried - own, 0, first(x, d.own[0]), first(x, d.own[1]), first(x, d.own[2])}
	})...)
	d.render(b, inc)
	exp := ttable{title: "支出预算总表", cols: d.codeCols(5, 18, 12), coded: true}
	exp.header = codeHeader(exp.cols, "", "合计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出")
	exp.rows = append(exp.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project, x.business, x.subsidy}))
	exp.rows = append(exp.rows, d.functionRows(func(x xiang) []schema.Money {
		return []schema.Money{x.basic + x.project + x.business + x.subsidy, x.basic, x.project, x.business, x.subsidy}
	})...)
	d.render(b, exp)
	spend := d.current - d.ownTotal()
	d.render(b, d.earlySummary("财政拨款收支预算总表", "预算数",
		[]string{"一、" + tables[3], "二、政府性基金预算"}, []schema.Money{fiscal, 0}, d.classRows(d.fiscalClass),
		[][4]string{{yearLabel, d.num(fiscal), "本年支出合计", d.num(spend)},
			{"上年结转", d.num(d.carriedIn), "结转下年", ""},
			{"收入总计", d.num(spend), "支出总计", d.num(spend)}}))
	d.fiscalTables(b, tables[0], tables[1], tables[2], "本年"+strings.TrimSuffix(tables[0], "表"), "预算数")
	d.render(b, d.empty("政府性基金预算支出表", fmt.Sprintf("注：%s%d年无政府性基金预算拨款安排的支出，故本表无数据。", d.dept, d.year)))
}

// fiscalTables are the appropriations' function, economic and 三公 tables.
func (d *sdoc) fiscalTables(b *strings.Builder, fnTitle, econTitle, tpTitle, group, col string) {
	fn := ttable{title: fnTitle, cols: d.codeCols(3, 18, 12), coded: true}
	fn.header = codeHeader(fn.cols, group, "合计", "基本支出", "项目支出")
	var basic, project schema.Money
	for _, c := range d.classes {
		for _, x := range d.items[c] {
			b, p := fiscalOf(x)
			basic, project = basic+b, project+p
		}
	}
	fn.rows = d.typo(d.functionRows(func(x xiang) []schema.Money {
		b, p := fiscalOf(x)
		return []schema.Money{b + p, b, p}
	}))
	fn.split = len(fn.rows) / 2
	fn.rows = append(fn.rows, d.totalRow(3, []schema.Money{basic + project, basic, project}))
	d.render(b, fn)
	d.render(b, d.economicTable(econTitle, col))
	if d.statistics() {
		d.render(b, d.statisticsTable())
		return
	}
	d.render(b, d.unitThreePublic(tpTitle))
}

// statistics tells a 2017 决算 of a department that prints its 三公 and
// 机关运行经费 in a 部门决算相关信息统计表 (as Fujian's template of the year:
// Pingyuan's 2017 决算) instead of a 三公 table.
func (d *sdoc) statistics() bool {
	return d.kind == schema.KindFinalAccounts && d.year == 2017 && d.scope == "部门"
}

// statisticsTable is the 部门决算相关信息统计表: two panels of rows, each
// with its 行次, under a 栏次 line; the 三公 left, 机关运行经费 and the
// vehicles right.
func (d *sdoc) statisticsTable() ttable {
	cols := []tcol{{26, false}, {4, true}, {10, true}, {28, false}, {4, true}, {10, true}}
	tp := d.tp[0] + d.tp[1] + d.tp[2] + d.tp[3]
	left := [][2]string{{"一、“三公”经费支出", "—"}, {"（一）支出合计", d.num(tp)}, {"1．因公出国（境）费", d.num(d.tp[0])},
		{"2．公务用车购置及运行维护费", d.num(d.tp[2] + d.tp[3])}, {"（1）公务用车购置费", d.num(d.tp[2])}, {"（2）公务用车运行维护费", d.num(d.tp[3])},
		{"3．公务接待费", d.num(d.tp[1])}, {"（二）相关统计数", "—"}, {"1．因公出国（境）团组数（个）", ""}, {"2．公务用车保有量（辆）", "2"}}
	right := [][2]string{{"二、机关运行经费", d.num(d.op)}, {"（一）行政单位", d.num(d.op)}, {"（二）参照公务员法管理事业单位", ""},
		{"三、国有资产占用情况", "—"}, {"（一）车辆数合计（辆）", "2"}, {"1．一般公务用车", "2"}}
	t := ttable{title: "部门决算相关信息统计表", cols: cols,
		header: []string{layout(cols, []string{"项    目", "行次", "统计数", "项    目", "行次", "统计数"}),
			layout(cols, []string{"栏    次", "", "1", "栏    次", "", "2"})}}
	for i := range left {
		cells := []string{left[i][0], fmt.Sprint(i + 1), left[i][1], "", "", ""}
		if i < len(right) {
			cells[3], cells[4], cells[5] = right[i][0], fmt.Sprint(len(left)+i+1), right[i][1]
		}
		t.rows = append(t.rows, trow{cells: cells, label: 0})
	}
	t.note = "注：本表反映部门决算中“三公”经费、机关运行经费和国有资产占用情况等相关统计指标。"
	return t
}

func (d *sdoc) earlyFinal(b *strings.Builder) {
	r := func(m schema.Money) string { return w(round(m)) }
	kind := d.scope + "决算"
	year := d.current + d.carriedOut - d.carriedIn
	fiscal := year - d.ownTotal()
	x := d.items[d.classes[0]][0]
	d.cover(b, kind)
	fmt.Fprintf(b, "第一部分 %s%d年度%s情况说明\n", d.dept, d.year, kind)
	fmt.Fprintf(b, "一、收入支出决算总体情况说明\n%s%d年度收入、支出总计%s万元。\n", d.dept, d.year, r(d.current+d.carriedOut))
	fmt.Fprintf(b, "二、收入决算情况说明\n本年收入合计%s万元，其中：财政拨款收入%s万元，占%s%%", r(year), r(fiscal), share(fiscal, year))
	if d.scope == "单位" {
		fmt.Fprintf(b, "；事业收入%s万元，占%s%%；经营收入%s万元，占%s%%；其他收入%s万元，占%s%%", r(d.own[0]), share(d.own[0], year), r(d.own[1]), share(d.own[1], year), r(d.own[2]), share(d.own[2], year))
	}
	fmt.Fprintf(b, "。\n三、支出决算情况说明\n本年支出合计%s万元，其中：基本支出%s万元，占%s%%；项目支出%s万元，占%s%%",
		r(d.current), r(d.basic), share(d.basic, d.current), r(d.project), share(d.project, d.current))
	if d.scope == "单位" {
		fmt.Fprintf(b, "；经营支出%s万元，占%s%%；对附属单位补助支出%s万元，占%s%%", r(x.business), share(x.business, d.current), r(x.subsidy), share(x.subsidy, d.current))
	}
	b.WriteString("。\n四、“三公”经费支出决算情况说明\n")
	d.narrativeOthers(b)
	fmt.Fprintf(b, "\n第二部分 %s%d年度%s表\n", d.dept, d.year, kind)
	title := "收入支出决算总表"
	sources := []string{"一、财政拨款收入", "二、上级补助收入", "三、事业收入", "四、经营收入", "五、附属单位上缴收入", "六、其他收入"}
	vals := []schema.Money{fiscal, 0, d.own[0], d.own[1], 0, d.own[2]}
	bottom := [][4]string{{"本年收入合计", d.num(year), "本年支出合计", d.num(d.current)},
		{"年初结转和结余", d.num(d.carriedIn), "年末结转和结余", d.num(d.carriedOut)},
		{"总计", d.num(d.current + d.carriedOut), "总计", d.num(d.current + d.carriedOut)}}
	if d.year >= 2016 { // as 2016–2017 templates print it: the carried amounts by kind, 合计 | 合计
		title = "收支决算总表"
		sources = []string{"一、财政拨款", "其中：政府性基金", "二、上级补助收入", "三、事业收入", "四、经营收入", "五、附属单位缴款", "六、其他收入"}
		vals = []schema.Money{fiscal, 0, 0, d.own[0], d.own[1], 0, d.own[2]}
		in, out := d.carriedIn/2/schema.Money(d.step)*schema.Money(d.step), d.carriedOut/3/schema.Money(d.step)*schema.Money(d.step)
		bottom = [][4]string{bottom[0],
			{"用事业基金弥补收支差额", "", "结余分配", ""},
			{"年初结转和结余", d.num(d.carriedIn), "年末结转和结余", d.num(d.carriedOut)},
			{"基本支出结转", d.num(in), "基本支出结转", d.num(out)},
			{"项目支出结转和结余", d.num(d.carriedIn - in), "项目支出结转和结余", d.num(d.carriedOut - out)},
			{"", "", "经营结余", ""},
			{"合计", d.num(d.current + d.carriedOut), "合计", d.num(d.current + d.carriedOut)}}
	}
	d.render(b, d.earlySummary(title, "决算数", sources, vals, d.classRows(d.classTotal), bottom))
	// what each 项 received: what it spent, and on the first 项 what the
	// year carries (delta) and the unit's own revenue
	delta := d.carriedOut - d.carriedIn
	first := func(x xiang, v schema.Money) schema.Money {
		if d.first(x) {
			return v
		}
		return 0
	}
	inc := ttable{title: "收入决算表", cols: d.codeCols(7, 18, 12), coded: true}
	inc.header = codeHeader(inc.cols, "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
	inc.rows = append(inc.rows, d.totalRow(3, []schema.Money{year, fiscal, 0, d.own[0], d.own[1], 0, d.own[2]}))
	inc.rows = append(inc.rows, d.functionRows(func(x xiang) []schema.Money {
		t := x.basic + x.project + x.business + x.subsidy + first(x, delta)
		return []schema.Money{t, t - first(x, d.ownTotal()), 0, first(x, d.own[0]), first(x, d.own[1]), 0, first(x, d.own[2])}
	})...)
	d.render(b, inc)
	exp := ttable{title: "支出决算表", cols: d.codeCols(6, 18, 12), coded: true}
	exp.header = codeHeader(exp.cols, "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
	exp.rows = append(exp.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project, 0, x.business, x.subsidy}))
	exp.rows = append(exp.rows, d.functionRows(func(x xiang) []schema.Money {
		return []schema.Money{x.basic + x.project + x.business + x.subsidy, x.basic, x.project, 0, x.business, x.subsidy}
	})...)
	d.render(b, exp)
	spend := d.current - d.ownTotal()
	pub := "一般公共预算"
	if d.public() {
		pub = "公共财政"
	}
	d.render(b, d.earlySummary("财政拨款收入支出决算总表", "决算数",
		[]string{"一、" + pub + "预算财政拨款", "二、政府性基金预算财政拨款"}, []schema.Money{fiscal, 0}, d.classRows(d.fiscalClass),
		[][4]string{{"本年收入合计", d.num(fiscal), "本年支出合计", d.num(spend)},
			{"年初财政拨款结转和结余", d.num(d.carriedIn), "年末财政拨款结转和结余", d.num(d.carriedOut)},
			{"总计", d.num(spend + d.carriedOut), "总计", d.num(spend + d.carriedOut)}}))
	word := "一般公共预算财政拨款"
	if d.public() {
		word = "公共财政拨款"
	}
	d.fiscalTables(b, word+"支出决算表", word+"基本支出决算表", word+"“三公”经费支出决算表", "本年支出", "决算数")
	d.render(b, d.empty("政府性基金预算财政拨款收入支出决算表", fmt.Sprintf("注：%s无政府性基金预算财政拨款收入和支出，故本表无数据。", d.dept)))
}

// splitEconomic draws the economic table of appropriations: basic (the
// basic expenditure they pay) split over 301, 302 and 303, and their
// items.
func splitEconomic(r *rand.Rand, d *sdoc, basic schema.Money) {
	e := split(r, basic, 3, d.step)
	d.econ[0].amt, d.econ[1].amt, d.econ[2].amt = e[0], e[1], e[2]
	wages, goods := split(r, e[0], 3, d.step), split(r, e[1], 2, d.step)
	for i := range wages {
		d.econ[0].items[i].amt = wages[i]
	}
	for i := range goods {
		d.econ[1].items[i].amt = goods[i]
	}
	d.econ[2].items[0].amt = e[2]
}
