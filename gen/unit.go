package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"budgetpub/schema"
)

// unit is a 单位预算 (2023–2025) of a 事业单位 under a department of a city
// or a district — a 卫生监督所, a 图书馆, a school, a hospital —: its title
// in one of six forms (<单位>2024年单位预算, 2024年度<单位>单位预算公开,
// <主管部门>所属<单位>2024年单位预算, the name over the title, the year
// first, a cover with 主管部门: and 单位名称: lines), 单位职责 and 单位基本情况, the
// narrative, then the 2024 template's tables with 单位 for 部门
// (单位收支总表, 单位收入总表, 单位支出总表, 财政拨款收支总表 and the
// 一般公共预算, 政府性基金 and 国有资本经营 tables). Beside appropriations the
// unit may have its own revenue (事业收入, 其他收入) paying part of its basic
// expenditure; a budget has no 经营支出. A 事业单位 has 机关运行经费 only
// when managed as a civil-service unit: the narrative states the amount,
// states there are none, or says nothing of them.

// unitTypes are the 事业单位 the family draws: the unit, its 主管部门, its
// 类 and the 款 and two 项 of its work.
var unitTypes = []struct {
	unit, parent, class string
	kuan                [3][2]string
}{
	{"卫生监督所", "卫生健康委员会", "210", [3][2]string{{"04", "公共卫生"}, {"02", "卫生监督机构"}, {"99", "其他公共卫生支出"}}},
	{"疾病预防控制中心", "卫生健康委员会", "210", [3][2]string{{"04", "公共卫生"}, {"01", "疾病预防控制机构"}, {"09", "重大公共卫生服务"}}},
	{"人民医院", "卫生健康委员会", "210", [3][2]string{{"02", "公立医院"}, {"01", "综合医院"}, {"99", "其他公立医院支出"}}},
	{"中医医院", "卫生健康委员会", "210", [3][2]string{{"02", "公立医院"}, {"02", "中医（民族）医院"}, {"99", "其他公立医院支出"}}},
	{"图书馆", "文化和旅游局", "207", [3][2]string{{"01", "文化和旅游"}, {"04", "图书馆"}, {"09", "群众文化"}}},
	{"文化馆", "文化和旅游局", "207", [3][2]string{{"01", "文化和旅游"}, {"09", "群众文化"}, {"99", "其他文化和旅游支出"}}},
	{"第一中学", "教育局", "205", [3][2]string{{"02", "普通教育"}, {"04", "高中教育"}, {"03", "初中教育"}}},
	{"实验小学", "教育局", "205", [3][2]string{{"02", "普通教育"}, {"02", "小学教育"}, {"01", "学前教育"}}},
	{"职业技术学校", "教育局", "205", [3][2]string{{"03", "职业教育"}, {"02", "中等职业教育"}, {"99", "其他职业教育支出"}}},
	{"农业技术推广中心", "农业农村局", "213", [3][2]string{{"01", "农业农村"}, {"04", "事业运行"}, {"08", "病虫害控制"}}},
	{"就业服务中心", "人力资源和社会保障局", "208", [3][2]string{{"01", "人力资源和社会保障管理事务"}, {"11", "公共就业服务和职业技能鉴定机构"}, {"06", "就业管理事务"}}},
}

// unitOthers are the 类 a unit's budget draws beside its own: pensions,
// medical insurance, housing.
var unitOthers = []string{"208", "210", "221"}

// drawUnit draws a unit's year, region, name and 主管部门, and its classes
// (its own 类 first among them, in code order).
func (d *sdoc) drawUnit(r *rand.Rand) {
	d.year = 2023 + r.IntN(3)
	d.scope = "单位"
	if r.IntN(2) == 0 {
		d.region = cities[r.IntN(len(cities))]
	}
	u := unitTypes[r.IntN(len(unitTypes))]
	d.dept = d.region + u.unit
	d.parent = d.region + u.parent
	d.unitClass, d.unitKuan = u.class, u.kuan
	d.classes = []string{u.class}
	for _, c := range unitOthers {
		if c != u.class && r.IntN(4) != 0 {
			d.classes = append(d.classes, c)
		}
	}
	sortStrings(d.classes)
	d.title = r.IntN(6)
	d.opMode = r.IntN(4)
	d.tablePrefix = r.IntN(3)
	d.org = []string{"编制单位", "单位名称", "预算单位"}[r.IntN(3)]
	d.self = r.IntN(2) == 0
}

// drawUnitMoney draws the unit's own revenue (事业收入, 其他收入), paying
// part of its own 类's first 项's basic expenditure, and what the year
// before left (上年结转结余, appropriations, on the same 项): every row of
// every table adds up.
func (d *sdoc) drawUnitMoney(r *rand.Rand, amt func(lo, hi int64) schema.Money) {
	x := &d.items[d.unitClass][0]
	if x.basic == 0 {
		x.basic = amt(50, 800)
		d.basic += x.basic
	}
	step := schema.Money(d.step)
	x.own = x.basic * schema.Money(1+r.IntN(3)) / 4 / step * step
	if r.IntN(3) == 0 { // a unit its appropriations pay whole (公益一类 often)
		x.own = 0
	}
	other := x.own / schema.Money(3+r.IntN(4)) / step * step
	d.own = [3]schema.Money{x.own - other, 0, other}
	splitEconomic(r, d, d.basic-x.own) // the economic table is of appropriations
	d.current = d.basic + d.project
	if r.IntN(3) == 0 {
		d.carriedIn = max(step, min(amt(1, 200), (x.basic+x.project-x.own)/2/step*step))
		x.carried = d.carriedIn
	}
	if r.IntN(4) == 0 { // many a small unit has no 三公
		d.tp = [4]schema.Money{}
	}
	for i := range d.tpBudget { // the year before's 三公, which some tables print beside this year's
		d.tpBudget[i] = max(0, d.tp[i]+amt(0, 6)-amt(0, 6))
	}
	d.tpTable = r.IntN(4)
	d.byUnit = r.IntN(3) == 0
	d.situation = r.IntN(3) == 0
	if r.IntN(4) == 0 { // … nor procurement
		d.proc, d.procParts = 0, []schema.Money{0, 0, 0}
	}
}

// unitTitle is the cover's title line(s) in the drawn form.
func (d *sdoc) unitTitle() string {
	switch d.title {
	case 0:
		return fmt.Sprintf("%s%d年单位预算", d.dept, d.year)
	case 1:
		return fmt.Sprintf("%d年度%s单位预算公开", d.year, d.dept)
	case 2:
		return fmt.Sprintf("%s所属%s%d年单位预算", d.parent, d.dept, d.year)
	case 3: // the name over the year and kind
		return fmt.Sprintf("%s\n%d年单位预算", d.dept, d.year)
	case 4: // a cover naming the 主管部门 and the unit below the title
		return fmt.Sprintf("%d年单位预算公开\n主管部门：%s\n单位名称：%s", d.year, d.parent, d.dept)
	}
	return fmt.Sprintf("%d年%s单位预算", d.year, d.dept)
}

// unitThreePublic is the 三公 table: the template's (one row), the year
// before's budget beside this year's in two groups of columns, or one row
// for each part with the year before's, this year's and (or not) the
// change.
func (d *sdoc) unitThreePublic(title string) ttable {
	if d.tpTable == 0 {
		return d.threePublicTable(title)
	}
	sum := func(p [4]schema.Money) schema.Money { return p[0] + p[1] + p[2] + p[3] }
	prior, cur := fmt.Sprintf("%d年预算数", d.year-1), fmt.Sprintf("%d年预算数", d.year)
	if d.tpTable == 1 {
		names := []string{"合计", "因公出国（境）费", "公务接待费", "小计", "公务用车购置费", "公务用车运行费"}
		vals := func(p [4]schema.Money) []schema.Money {
			return []schema.Money{sum(p), p[0], p[1], p[2] + p[3], p[2], p[3]}
		}
		var cols []tcol
		group, mid, cells := make([]string, 12), make([]string, 12), []string{}
		for range 12 {
			cols = append(cols, tcol{9, true})
		}
		group[2], group[8] = prior, cur
		mid[4], mid[10] = "公务用车购置及运行费", "公务用车购置及运行费"
		for _, p := range [2][4]schema.Money{d.tpBudget, d.tp} {
			for _, v := range vals(p) {
				cells = append(cells, d.num(v))
			}
		}
		return ttable{title: title, cols: cols,
			header: []string{layout(cols, group), layout(cols, mid), layout(cols, append(append([]string{}, names...), names...))},
			rows:   []trow{{cells: cells, label: -1}}}
	}
	cols := []tcol{{24, false}, {14, true}, {14, true}, {14, true}}
	head := []string{"项目", prior, cur, "增减额"}
	if d.tpTable == 3 { // without the change
		cols, head = cols[:3], head[:3]
	}
	t := ttable{title: title, cols: cols, header: []string{layout(cols, head)}}
	for _, row := range []struct {
		name string
		a, b schema.Money
	}{{"合计", sum(d.tpBudget), sum(d.tp)}, {"1.因公出国（境）费", d.tpBudget[0], d.tp[0]}, {"2.公务接待费", d.tpBudget[1], d.tp[1]},
		{"3.公务用车购置及运行费", d.tpBudget[2] + d.tpBudget[3], d.tp[2] + d.tp[3]},
		{"其中：公务用车购置费", d.tpBudget[2], d.tp[2]}, {"公务用车运行费", d.tpBudget[3], d.tp[3]}} {
		change := d.num(row.b - row.a)
		switch {
		case row.b == row.a:
			change = "0"
		case row.b < row.a:
			change = "-" + d.num(row.a-row.b)
		}
		t.rows = append(t.rows, trow{cells: []string{row.name, d.num(row.a), d.num(row.b), change}[:len(cols)], label: 0})
	}
	return t
}

// unitTable is a table's title as the document prints it: bare, after the
// year, or after its number (表3); in the 2024 template's words or in the
// Ministry's earlier sample's (单位收支总体情况表, 一般公共预算支出情况表).
func (d *sdoc) unitTable(n int, title string) string {
	if d.situation {
		if strings.HasSuffix(title, "总表") {
			title = strings.TrimSuffix(title, "表") + "体情况表"
		} else {
			title = strings.TrimSuffix(title, "表") + "情况表"
		}
	}
	switch d.tablePrefix {
	case 1:
		return fmt.Sprintf("%d年%s", d.year, title)
	case 2:
		return fmt.Sprintf("表%d %s", n, title)
	}
	return title
}

func (d *sdoc) unitBudget(b *strings.Builder) {
	r := func(m schema.Money) string { return w(round(m)) }
	x := d.items[d.unitClass][0]
	year := d.current - d.carriedIn
	fiscal := year - d.ownTotal()
	spend := d.current - d.ownTotal()
	fmt.Fprintf(b, "%s\n\n目录\n第一部分 单位概况\n一、单位职责\n二、单位基本情况\n第二部分 %d年单位预算情况说明\n第三部分 名词解释\n第四部分 %d年单位预算表\n\n",
		d.unitTitle(), d.year, d.year)
	fmt.Fprintf(b, "第一部分 单位概况\n一、单位职责\n%s是%s所属公益一类事业单位，主要职责是：贯彻执行国家和省、市有关法律法规和政策；承担本行业的公益服务工作；完成%s交办的其他任务。\n",
		d.dept, d.parent, d.parent)
	fmt.Fprintf(b, "二、单位基本情况\n%s内设科室%d个，核定事业编制%d名，实有在职人员%d人，退休人员%d人。\n",
		d.dept, 3+len(d.classes), 20+int(x.basic/1000000)%80, 18+int(x.basic/1000000)%70, 5+len(d.classes)*3)
	fmt.Fprintf(b, "\n第二部分 %d年单位预算情况说明\n", d.year)
	subject := d.dept
	if d.self {
		subject = "本单位"
	}
	fmt.Fprintf(b, "一、收支预算总体情况\n按照综合预算的原则，%s所有收入和支出均纳入单位预算管理。%d年收入预算%s万元，其中：一般公共预算拨款收入%s万元",
		subject, d.year, r(d.current), r(fiscal))
	if d.ownTotal() > 0 {
		fmt.Fprintf(b, "，事业收入%s万元，其他收入%s万元", r(d.own[0]), r(d.own[2]))
	}
	if d.carriedIn > 0 {
		fmt.Fprintf(b, "，上年结转结余%s万元", r(d.carriedIn))
	}
	fmt.Fprintf(b, "。支出预算%s万元，其中：基本支出%s万元，项目支出%s万元。\n", r(d.current), r(d.basic), r(d.project))
	fmt.Fprintf(b, "二、财政拨款支出预算情况\n%d年财政拨款支出预算%s万元，全部为一般公共预算拨款支出。\n", d.year, r(spend))
	b.WriteString("三、“三公”经费预算情况\n")
	if tp := d.tp[0] + d.tp[1] + d.tp[2] + d.tp[3]; tp == 0 {
		fmt.Fprintf(b, "%s%d年无“三公”经费预算。\n", subject, d.year)
	} else {
		fmt.Fprintf(b, "“三公”经费预算%s万元。其中：因公出国（境）费%s万元；公务接待费%s万元；公务用车购置费%s万元；公务用车运行维护费%s万元。\n",
			r(tp), r(d.tp[0]), r(d.tp[1]), r(d.tp[2]), r(d.tp[3]))
	}
	n := 4
	switch d.opMode {
	case 0:
		fmt.Fprintf(b, "%s、机关运行经费预算情况\n本单位为事业单位，无机关运行经费。\n", numerals[n-1])
		n++
	case 1:
		fmt.Fprintf(b, "%s、机关运行经费预算情况\n本单位为参照公务员法管理的事业单位，%d年机关运行经费预算%s万元。\n", numerals[n-1], d.year, w(d.op))
		n++
	case 3:
		fmt.Fprintf(b, "%s、机关运行经费预算情况\n本单位为公益一类事业单位，不涉及机关运行经费。\n", numerals[n-1])
		n++
	}
	if d.proc == 0 {
		fmt.Fprintf(b, "%s、政府采购预算情况\n%s%d年无政府采购预算。\n", numerals[n-1], subject, d.year)
	} else {
		fmt.Fprintf(b, "%s、政府采购预算情况\n%d年政府采购预算总额%s万元，其中：政府采购货物预算%s万元、政府采购工程预算%s万元、政府采购服务预算%s万元。\n",
			numerals[n-1], d.year, w(d.proc), w(d.procParts[0]), w(d.procParts[1]), w(d.procParts[2]))
	}
	fmt.Fprintf(b, "%s、国有资产占有使用情况\n截至%d年12月31日，本单位共有车辆%d辆，单价100万元以上专用设备%d台（套）。\n",
		numerals[n], d.year-1, 1+len(d.classes)%3, len(d.classes)-1)
	fmt.Fprintf(b, "%s、预算绩效情况说明\n%d年本单位实行绩效目标管理的项目%d个，涉及一般公共预算拨款%s万元。\n",
		numerals[n+1], d.year, len(d.projects), r(d.project))
	fmt.Fprintf(b, "\n第三部分 名词解释\n事业收入：指事业单位开展专业业务活动及辅助活动所取得的收入。\n")
	fmt.Fprintf(b, "\n第四部分 %d年单位预算表\n", d.year)
	d.render(b, d.summary(d.unitTable(1, "单位收支总表"), "预算数",
		[]string{"一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入", "四、财政专户管理资金收入", "五、事业收入", "六、上级补助收入", "七、附属单位上缴收入", "八、事业单位经营收入", "九、其他收入"},
		[]schema.Money{fiscal, 0, 0, 0, d.own[0], 0, 0, d.own[1], d.own[2]},
		"本年收入合计", "本年支出合计", "收入总计", "支出总计", [2]string{"上年结转结余", "年终结转结余"}))
	if d.byUnit {
		d.unitRows(b, fiscal)
	} else {
		d.unitFunctionTables(b, fiscal)
	}
	d.render(b, d.earlySummary(d.unitTable(4, "财政拨款收支总表"), "预算数",
		[]string{"一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入"}, []schema.Money{fiscal, 0, 0}, d.classRows(d.fiscalClass),
		[][4]string{{"本年收入合计", d.num(fiscal), "本年支出合计", d.num(spend)},
			{"上年结转结余", d.num(d.carriedIn), "年终结转结余", ""},
			{"收入总计", d.num(spend), "支出总计", d.num(spend)}}))
	d.fiscalTables(b, d.unitTable(5, "一般公共预算支出表"), d.unitTable(6, "一般公共预算基本支出表"), d.unitTable(7, "一般公共预算“三公”经费支出表"), "本年一般公共预算支出", "本年一般公共预算基本支出")
	d.render(b, d.empty(d.unitTable(8, "政府性基金预算支出表"), fmt.Sprintf("注：%s%d年无政府性基金预算拨款安排的支出，故本表无数据。", d.dept, d.year)))
	d.render(b, d.empty(d.unitTable(9, "国有资本经营预算支出表"), fmt.Sprintf("注：%s%d年无国有资本经营预算拨款安排的支出，故本表无数据。", d.dept, d.year)))
}

// unitFunctionTables are the 单位收入总表 and 单位支出总表 by function.
func (d *sdoc) unitFunctionTables(b *strings.Builder, fiscal schema.Money) {
	first := func(x xiang, v schema.Money) schema.Money {
		if x.code == d.items[d.unitClass][0].code {
			return v
		}
		return 0
	}
	inc := ttable{title: d.unitTable(2, "单位收入总表"), cols: d.codeCols(6, 18, 12), coded: true}
	inc.header = codeHeader(inc.cols, "", "合计", "上年结转结余", "一般公共预算拨款收入", "事业收入", "事业单位经营收入", "其他收入")
	inc.rows = append(inc.rows, d.totalRow(3, []schema.Money{d.current, d.carriedIn, fiscal, d.own[0], d.own[1], d.own[2]}))
	inc.rows = append(inc.rows, d.functionRows(func(x xiang) []schema.Money {
		t := x.basic + x.project
		return []schema.Money{t, x.carried, t - x.carried - first(x, d.ownTotal()), first(x, d.own[0]), first(x, d.own[1]), first(x, d.own[2])}
	})...)
	d.render(b, inc)
	exp := ttable{title: d.unitTable(3, "单位支出总表"), cols: d.codeCols(3, 18, 12), coded: true}
	exp.header = codeHeader(exp.cols, "", "合计", "基本支出", "项目支出")
	exp.rows = append(exp.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project}))
	exp.rows = append(exp.rows, d.functionRows(func(x xiang) []schema.Money { return []schema.Money{x.basic + x.project, x.basic, x.project} })...)
	d.render(b, exp)
}

// unitRows are the 单位收入总表 and 单位支出总表 as many print them: a row
// for each unit of the budget (here the one) under the 合计, by its code.
func (d *sdoc) unitRows(b *strings.Builder, fiscal schema.Money) {
	cols := []tcol{{8, false}, {22, false}, {12, true}, {12, true}, {12, true}, {12, true}, {12, true}, {12, true}}
	inc := ttable{title: d.unitTable(2, "单位收入总表"), cols: cols,
		header: []string{layout(cols, []string{"单位编码", "单位名称", "合计", "上年结转结余", "一般公共预算拨款收入", "事业收入", "事业单位经营收入", "其他收入"})}}
	vals := []schema.Money{d.current, d.carriedIn, fiscal, d.own[0], d.own[1], d.own[2]}
	for _, name := range []string{"", d.dept} {
		cells := []string{"", "合计"}
		if name != "" {
			cells = []string{"301001", name}
		}
		for _, v := range vals {
			cells = append(cells, d.num(v))
		}
		inc.rows = append(inc.rows, trow{cells: cells, label: 1})
	}
	d.render(b, inc)
	cols = cols[:5]
	exp := ttable{title: d.unitTable(3, "单位支出总表"), cols: cols,
		header: []string{layout(cols, []string{"单位编码", "单位名称", "合计", "基本支出", "项目支出"})}}
	for _, name := range []string{"", d.dept} {
		cells := []string{"", "合计"}
		if name != "" {
			cells = []string{"301001", name}
		}
		for _, v := range []schema.Money{d.current, d.basic, d.project} {
			cells = append(cells, d.num(v))
		}
		exp.rows = append(exp.rows, trow{cells: cells, label: 1})
	}
	d.render(b, exp)
}
