package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"budgetpub/schema"
)

type named struct {
	code, name string
	amt        schema.Money
	items      []named
}

type doc struct {
	family, dept, region string
	year                 int
	total, prior         schema.Money
	fn, econ, projects   []named
	basic, basicPrior    schema.Money
	project, projPrior   schema.Money
	tp, tpPrior          schema.Money
	tpBudgeted           schema.Money   // a final accounts' 年初预算 of 三公
	tpParts              []schema.Money // overseas, reception, purchase, operation
	op, opPrior          schema.Money
	proc                 schema.Money
	procParts            []schema.Money
	aStart, aEnd         schema.Money
	aStartCats, aEndCats []schema.Money
	staff                [4]int // active, administrative, support, retired
	step                 int64  // fen of the smallest unit the tables state

	// injections
	basicChange string // a wrong stated change of basic expenditure
	aEndStated  schema.Money
	tpPct       string
	truth       Truth
	// the items family: the list of 项 printed after the appropriations'
	// whole in place of the classes (items.go)
	list string
}

var assetCats = []string{"通用设备", "专用设备", "家具用具"}

func className(code string) string {
	c, _ := schema.LookupCode(schema.SchemeFunctional, code)
	return c.Name
}

func newDoc(r *rand.Rand, fam string, i int) *doc {
	d := &doc{family: fam, region: regions[r.IntN(len(regions))], year: 2019 + r.IntN(7), step: 10000}
	d.dept = d.region + depts[r.IntN(len(depts))]
	if fam == "tables" {
		d.step = 100 // tables in 元 state every yuan
	}
	d.total = schema.Money((5000 + r.Int64N(900000)) * d.step)
	if fam == "tables" {
		d.total = schema.Money((500000 + r.Int64N(90000000)) * 100)
	}
	d.basic = schema.Money(int64(d.total) * int64(50+r.IntN(30)) / 100 / d.step * d.step)
	d.project = d.total - d.basic
	d.prior = schema.Money(int64(d.total) * int64(80+r.IntN(40)) / 100 / d.step * d.step)
	d.basicPrior = schema.Money(int64(d.basic) * int64(85+r.IntN(30)) / 100 / d.step * d.step)
	if d.basicPrior >= d.prior {
		d.basicPrior = d.prior / 2 / schema.Money(d.step) * schema.Money(d.step)
	}
	d.projPrior = d.prior - d.basicPrior
	// functional classes
	perm := r.Perm(len(classes))
	k := 3 + r.IntN(3)
	codes := make([]string, k)
	for j := range codes {
		codes[j] = classes[perm[j]]
	}
	sortStrings(codes)
	for j, amt := range split(r, d.total, k, d.step) {
		d.fn = append(d.fn, named{code: codes[j], name: className(codes[j]), amt: amt})
	}
	// economic classes of basic expenditure, with items
	e := split(r, d.basic, 3, d.step)
	wages := split(r, e[0], 3, d.step)
	goods := split(r, e[1], 2, d.step)
	d.econ = []named{
		{"301", "工资福利支出", e[0], []named{{"30101", "基本工资", wages[0], nil}, {"30102", "津贴补贴", wages[1], nil}, {"30103", "奖金", wages[2], nil}}},
		{"302", "商品和服务支出", e[1], []named{{"30201", "办公费", goods[0], nil}, {"30211", "差旅费", goods[1], nil}}},
		{"303", "对个人和家庭的补助", e[2], []named{{"30302", "退休费", e[2], nil}}},
	}
	p := split(r, d.project, 2, d.step)
	d.projects = []named{{name: "业务工作经费", amt: p[0]}, {name: "信息化建设经费", amt: p[1]}}
	// 三公, operating costs, procurement, assets: in 万元 in every family
	d.tp = wan(r, 400, 6000)
	d.tpPrior = wan(r, 400, 6000)
	d.tpParts = split(r, d.tp, 4, 10000)
	d.tpBudgeted = d.tp + d.tpPrior
	d.op = wan(r, 2000, 90000)
	d.opPrior = wan(r, 2000, 90000)
	d.proc = wan(r, 1000, 90000)
	d.procParts = split(r, d.proc, 3, 10000)
	d.aStart = wan(r, 3000, 90000)
	d.aEnd = wan(r, 3000, 90000)
	d.aStartCats = split(r, d.aStart, 3, 10000)
	d.aEndCats = split(r, d.aEnd, 3, 10000)
	d.aEndStated = d.aEnd
	d.staff = [4]int{0, 3 + r.IntN(40), 1 + r.IntN(5), r.IntN(30)}
	d.staff[0] = d.staff[1] + d.staff[2]
	kind := schema.KindBudget
	if fam == "final" {
		kind = schema.KindFinalAccounts
	}
	d.truth = Truth{Family: fam, Kind: kind, FiscalYear: d.year, Department: d.dept,
		Revenue: d.total, Expenditure: d.total, Basic: d.basic, Project: d.project,
		ByFunction: map[string]int64{}, ByEconomic: map[string]int64{},
		ThreePublic: d.tp, OperatingCosts: d.op, Procurement: d.proc, Injected: []Injected{}}
	for _, c := range d.fn {
		d.truth.ByFunction[c.code] = int64(c.amt)
	}
	for _, c := range d.econ {
		d.truth.ByEconomic[c.code] = int64(c.amt)
	}
	switch fam {
	case "narrative":
		d.truth.BasicPrior, d.truth.ProjectPrior = ptr(d.basicPrior), ptr(d.projPrior)
	case "tables": // the text states the prior year, rounded to 万元
		d.truth.BasicPrior = ptr(round(d.basicPrior))
	}
	if fam == "narrative" {
		d.truth.AssetsStart, d.truth.AssetsEnd = ptr(d.aStart), ptr(d.aEnd)
	}
	return d
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// inject writes one inconsistency that a rule must find.
func (d *doc) inject(r *rand.Rand) {
	switch {
	case d.family == "narrative" && r.IntN(2) == 0:
		d.aEndStated = d.aEnd + schema.Money((10+r.Int64N(90))*10000*100)
		d.truth.AssetsEnd = ptr(d.aEndStated)
		d.truth.Injected = append(d.truth.Injected, Injected{"sum.assets", schema.SeverityError, "year-end asset total is not the sum of its categories"})
	case d.family != "final":
		verb, amt, _, _ := change(d.basicPrior, d.basic)
		wrong := fmt.Sprintf("%s %s", verb, w(schema.Money(mustParse(amt)+int64(5+r.IntN(50))*1000000)))
		if verb == "持平" {
			wrong = "增加 " + w(schema.Money(int64(5+r.IntN(50))*1000000))
		}
		d.basicChange = wrong
		d.truth.Injected = append(d.truth.Injected, Injected{"yoy.change", schema.SeverityWarning, "stated change of basic expenditure does not match"})
		if d.family == "narrative" { // the parts' changes no longer add up to the total's either
			d.truth.Injected = append(d.truth.Injected, Injected{"yoy.parts_change", schema.SeverityWarning, "changes of basic and project expenditure do not add up to the total's"})
		}
	default:
		_, _, pv, p := change(d.opPrior, d.op)
		if pv == "" {
			return
		}
		d.tpPct = fmt.Sprintf("%s%.2f%%", pv, parseF(p)+10)
		d.truth.Injected = append(d.truth.Injected, Injected{"yoy.change_pct", schema.SeverityWarning, "stated percentage change of operating costs does not match"})
	}
}

func mustParse(wanStr string) int64 {
	var a, b int64
	fmt.Sscanf(wanStr, "%d.%d", &a, &b)
	return (a*100 + b) * 10000
}

func parseF(s string) float64 {
	var f float64
	fmt.Sscanf(s, "%g", &f)
	return f
}

func (d *doc) render() string {
	var b strings.Builder
	switch d.family {
	case "narrative":
		d.narrative(&b)
	case "tables":
		d.tables(&b)
	case "final":
		d.final(&b)
	}
	return b.String()
}

func yoy(b *strings.Builder, prior, cur schema.Money, override string) {
	verb, amt, pv, p := change(prior, cur)
	if override != "" {
		fmt.Fprintf(b, "比上年 %s 万元%s 万元", w(prior), override)
		return
	}
	if verb == "持平" {
		fmt.Fprintf(b, "比上年 %s 万元持平", w(prior))
		return
	}
	fmt.Fprintf(b, "比上年 %s 万元%s了 %s 万元，%s %s%%", w(prior), verb, amt, pv, p)
}

func (d *doc) narrative(b *strings.Builder) {
	fmt.Fprintf(b, "附件 1\n\n%s %d 年部门预算\n 第一部分 %s概况\n\n一、部门主要职责\n\n", d.dept, d.year, d.dept)
	b.WriteString("（一）贯彻落实上级关于本行业工作的决策部署。\n\n（二）负责本部门业务的组织实施和监督管理。\n\n（三）承办区委、区政府交办的其他事项。\n\n")
	fmt.Fprintf(b, "二、部门基本情况\n\n目前，本局实有在职人员 %d人（行政人员 %d人，工勤人员 %d人），退休人员 %d人。\n\n", d.staff[0], d.staff[1], d.staff[2], d.staff[3])
	fmt.Fprintf(b, "第二部分 %s %d年部门预算情况说明\n\n一、%d年部门预算收支情况说明\n\n（一）收入预算情况\n\n", d.dept, d.year, d.year)
	fmt.Fprintf(b, "%d 年%s收入预算总额 %s 万元，其中：财政拨款（补助）%s 万元，", d.year, d.dept, w(d.total), w(d.total))
	yoy(b, d.prior, d.total, "")
	b.WriteString("，主要原因是业务需要。\n\n（二）支出预算情况\n\n")
	fmt.Fprintf(b, "%d 年%s支出预算总额 %s 万元，", d.year, d.dept, w(d.total))
	yoy(b, d.prior, d.total, "")
	b.WriteString("。\n\n")
	if d.list != "" {
		fmt.Fprintf(b, "按照支出功能分类科目，%d年一般公共预算拨款支出%s\n\n", d.year, d.list)
	} else {
		b.WriteString("按照支出功能分类科目，主要用于：\n\n")
		for i, c := range d.fn {
			fmt.Fprintf(b, "%d.%s（类）%s 万元：主要用于本部门相关支出。\n\n", i+1, c.name, w(c.amt))
		}
	}
	b.WriteString("按照支出经济分类科目，主要用于：\n\n")
	for i, c := range d.econ {
		fmt.Fprintf(b, "%d.%s %s 万元：主要用于日常运转。（", i+1, c.name, w(c.amt))
		for j, it := range c.items {
			if j > 0 {
				b.WriteString("、")
			}
			fmt.Fprintf(b, "%s %s 万元", it.name, w(it.amt))
		}
		b.WriteString("）\n\n")
	}
	fmt.Fprintf(b, "4.项目支出 %s 万元。其中%s %s 万元，%s %s 万元。\n\n", w(d.project), d.projects[0].name, w(d.projects[0].amt), d.projects[1].name, w(d.projects[1].amt))
	fmt.Fprintf(b, "（三）财政拨款支出情况\n\n%d 年度一般公共预算支出 %s 万元，其中：基本支出 %s 万元，", d.year, w(d.total), w(d.basic))
	yoy(b, d.basicPrior, d.basic, d.basicChange)
	fmt.Fprintf(b, "；项目支出 %s 万元，", w(d.project))
	yoy(b, d.projPrior, d.project, "")
	b.WriteString("。\n\n")
	d.common(b)
	fmt.Fprintf(b, "（八）国有资产占用情况\n\n%s %d年初资产总额 %s万元", d.dept, d.year, w(d.aStart))
	for i, c := range d.aStartCats {
		fmt.Fprintf(b, "，%s %s万元", assetCats[i], w(c))
	}
	fmt.Fprintf(b, "。年末资产总额 %s 万元", w(d.aEndStated))
	for i, c := range d.aEndCats {
		fmt.Fprintf(b, "，%s %s 万元", assetCats[i], w(c))
	}
	b.WriteString("。\n\n")
	d.threePublic(b)
}

// common writes funds, operating costs and procurement.
func (d *doc) common(b *strings.Builder) {
	fmt.Fprintf(b, "（四）政府性基金情况\n\n%d 年%s没有使用政府性基金预算拨款安排的支出。\n\n", d.year, d.dept)
	fmt.Fprintf(b, "（五）国有资本经营预算情况\n\n%d 年%s没有使用国有资本经营预算拨款安排的支出。\n\n", d.year, d.dept)
	fmt.Fprintf(b, "（六）机关运行经费\n\n本部门 %d 年度机关运行经费支出 %s 万元，", d.year, w(d.op))
	yoy(b, d.opPrior, d.op, "")
	b.WriteString("。\n\n")
	fmt.Fprintf(b, "（七）政府采购情况\n\n%d 年本部门政府采购预算总额 %s 万元，其中：政府采购货物预算 %s 万元、政府采购工程预算 %s 万元、政府采购服务预算 %s 万元。\n\n",
		d.year, w(d.proc), w(d.procParts[0]), w(d.procParts[1]), w(d.procParts[2]))
}

func (d *doc) threePublic(b *strings.Builder) {
	fmt.Fprintf(b, "二、%d年“三公”经费预算情况说明\n\n%d年%s“三公”经费年初预算安排 %s万元，", d.year, d.year, d.dept, w(d.tp))
	yoy(b, d.tpPrior, d.tp, "")
	b.WriteString("。\n\n")
	labels := []string{"因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行维护费"}
	b.WriteString("其中：")
	for i, p := range d.tpParts {
		if i > 0 {
			b.WriteString("；")
		}
		fmt.Fprintf(b, "%s %s万元", labels[i], w(p))
	}
	b.WriteString("。\n\n")
}

func (d *doc) tables(b *strings.Builder) {
	fmt.Fprintf(b, "上海市%s%d年区级部门预算\n预算主管部门：%s\n\n", d.region, d.year, d.dept)
	fmt.Fprintf(b, "%d年部门预算编制说明\n%d年，%s收入预算%s万元，其中：财政拨款收入%s万元；事业收入0.00万元；其他收入0.00万元。\n",
		d.year, d.year, d.dept, w(round(d.total)), w(round(d.total)))
	fmt.Fprintf(b, "支出预算%s万元，其中：基本支出%s万元，", w(round(d.total)), w(round(d.basic)))
	yoy(b, round(d.basicPrior), round(d.basic), d.basicChange)
	fmt.Fprintf(b, "；项目支出%s万元。\n\n", w(round(d.project)))
	fmt.Fprintf(b, "                %d年部门财务收支预算总表\n编制部门：%s                              单位：元\n", d.year, d.dept)
	b.WriteString("           项目             预算数                       项目          预算数\n")
	han := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	left := []string{fmt.Sprintf("一、财政拨款收入        %s", y(d.total)), fmt.Sprintf("1. 一般公共预算资金      %s", y(d.total)), "二、事业收入", "三、其他收入"}
	for i := 0; i < len(d.fn) || i < len(left); i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(d.fn) {
			r = fmt.Sprintf("%s、%s      %s", han[i], d.fn[i].name, y(d.fn[i].amt))
		}
		fmt.Fprintf(b, "%-40s  %s\n", l, r)
	}
	fmt.Fprintf(b, "           收入总计      %s            支出总计      %s\n\n", y(d.total), y(d.total))
	fmt.Fprintf(b, "              %d年部门支出预算总表\n编制部门：%s                              单位：元\n", d.year, d.dept)
	b.WriteString("   功能分类科目名称        合计        基本支出       项目支出\n")
	fmt.Fprintf(b, "                    合计   %s   %s   %s\n\n", y(d.total), y(d.basic), y(d.project))
	fmt.Fprintf(b, "       %d年部门一般公共预算基本支出部门预算经济分类预算表\n编制部门：%s                    单位：元\n", d.year, d.dept)
	b.WriteString(" 类     款    经济分类科目名称   合计   人员经费   公用经费\n")
	for _, c := range d.econ {
		fmt.Fprintf(b, " %s         %s          %s     %s      0\n", c.code, c.name, y(c.amt), y(c.amt))
		for _, it := range c.items {
			fmt.Fprintf(b, " %s   %s    %s              %s      %s       0\n", c.code, it.code[3:], it.name, y(it.amt), y(it.amt))
		}
	}
	fmt.Fprintf(b, "                    合计   %s   %s   0\n\n其他相关情况说明\n", y(d.basic), y(d.basic))
	d.common(b)
	d.threePublic(b)
}

// round is an amount as the text states it: to hundreds of yuan.
func round(m schema.Money) schema.Money { return (m + 5000) / 10000 * 10000 }

func (d *doc) final(b *strings.Builder) {
	fmt.Fprintf(b, "%s\n%d年度部门决算\n\n第三部分 %s%d年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n", d.dept, d.year, d.dept, d.year)
	verb, amt, pv, p := change(d.prior, d.total)
	fmt.Fprintf(b, "%s%d年度收入支出总计%s万元。与%d年度相比，收入支出总计%s%s万元，%s%s%%。\n", d.dept, d.year, w(d.total), d.year-1, verb, amt, pv, p)
	fmt.Fprintf(b, "二、收入决算情况说明\n本年收入合计%s万元，其中：财政拨款收入%s万元，占100.00%%。\n", w(d.total), w(d.total))
	fmt.Fprintf(b, "三、支出决算情况说明\n本年支出合计%s万元，其中：基本支出%s万元，占%s%%；项目支出%s万元，占%s%%。\n",
		w(d.total), w(d.basic), share(d.basic, d.total), w(d.project), share(d.project, d.total))
	b.WriteString("五、一般公共预算财政拨款支出决算情况说明\n")
	if d.list != "" {
		fmt.Fprintf(b, "一般公共预算财政拨款支出%s\n", d.list)
	} else {
		fmt.Fprintf(b, "一般公共预算财政拨款支出%s万元，主要用于以下方面：", w(d.total))
		for i, c := range d.fn {
			if i > 0 {
				b.WriteString("；")
			}
			fmt.Fprintf(b, "%s（类）%s万元，占%s%%", c.name, w(c.amt), share(c.amt, d.total))
		}
		b.WriteString("。\n")
	}
	b.WriteString("六、一般公共预算财政拨款基本支出决算情况说明\n")
	for i, c := range d.econ {
		fmt.Fprintf(b, "%d.%s %s 万元。\n", i+1, c.name, w(c.amt))
	}
	fmt.Fprintf(b, "七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出年初预算为%s万元，支出决算为%s万元。其中：因公出国（境）费决算为%s万元；公务接待费决算为%s万元；公务用车购置费决算为%s万元；公务用车运行维护费决算为%s万元。\n",
		w(d.tpBudgeted), w(d.tp), w(d.tpParts[0]), w(d.tpParts[1]), w(d.tpParts[2]), w(d.tpParts[3]))
	fmt.Fprintf(b, "八、政府性基金预算财政拨款收入支出决算情况说明\n%s%d年度无政府性基金预算财政拨款收入和支出。\n", d.dept, d.year)
	fmt.Fprintf(b, "九、国有资本经营预算财政拨款收入支出决算情况说明\n%s%d年度无国有资本经营预算财政拨款收入和支出。\n", d.dept, d.year)
	b.WriteString("十一、其他重要事项的情况说明\n（一）机关运行经费支出情况\n")
	verb, amt, pv, p = change(d.opPrior, d.op)
	if d.tpPct != "" {
		fmt.Fprintf(b, "机关运行经费支出%s万元，比%d年度%s%s万元，%s。\n", w(d.op), d.year-1, verb, amt, d.tpPct)
	} else if verb == "持平" {
		fmt.Fprintf(b, "机关运行经费支出%s万元，与%d年度持平。\n", w(d.op), d.year-1)
	} else {
		fmt.Fprintf(b, "机关运行经费支出%s万元，比%d年度%s%s万元，%s%s%%。\n", w(d.op), d.year-1, verb, amt, pv, p)
	}
	fmt.Fprintf(b, "（二）政府采购支出情况\n%s%d年度政府采购金额为%s万元，其中：货物采购金额%s万元、工程采购金额%s万元、服务采购金额%s万元。\n",
		d.dept, d.year, w(d.proc), w(d.procParts[0]), w(d.procParts[1]), w(d.procParts[2]))
}

func share(part, whole schema.Money) string {
	return fmt.Sprintf("%.2f", float64(part)/float64(whole)*100)
}
