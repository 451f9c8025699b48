package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// The standard table sets: families whose figures are in the tables the
// Ministry of Finance prescribes, printed as `pdftotext -layout` prints
// them (two-line headers, 类/款/项 code columns, 合计 rows, 元 or 万元,
// 预算数/决算数), with a short narrative that restates the totals in 万元.
//
//   - final9: a 部门决算 with the nine 决算 tables (收入支出决算总表 …
//     国有资本经营预算财政拨款支出决算表) and carried-over amounts.
//   - budget25: a 2025–2026 部门预算 or 单位预算 with the ten tables
//     (部门收支总表 … 项目支出表).
//
// Each document draws its perturbations from the seed (pert): the ways real
// extractors print the same tables.

// pert is how a document's tables are printed.
type pert struct {
	Yuan      bool `json:"yuan,omitempty"`       // tables in 元 (else 万元)
	Default   bool `json:"default,omitempty"`    // pdftotext default mode: a cell a line, blank cells dropped
	ColWise   bool `json:"col_wise,omitempty"`   // default mode emitting a table column by column
	ByClass   bool `json:"by_class,omitempty"`   // ColWise: a function table's 款 and 项 codes a 类 at a time, after the 类 codes and the header's 款 项 (Shanghai Putuo's 决算)
	Banded    bool `json:"banded,omitempty"`     // ColWise: a table with 类 款 项 columns in bands, a row whose name wraps ending every column's block, a blank line between blocks (Shanghai Putuo's 决算's 收入决算表)
	Mixed     bool `json:"mixed,omitempty"`      // default mode emitting a coded table's names and amounts row by row, its codes apart
	Wrap      bool `json:"wrap,omitempty"`       // long row labels wrapped, the figures on the middle line
	WrapBelow bool `json:"wrap_below,omitempty"` // … or the figures on the first line, the label on the two below
	Panels    bool `json:"panels,omitempty"`     // a 决算's economic table in two panels (人员经费 | 公用经费)
	PageBreak bool `json:"page_break,omitempty"` // a page break inside the function table
	Trailing  bool `json:"trailing,omitempty"`   // trailing spaces on lines
	Spaced    bool `json:"spaced,omitempty"`     // a blank line after each row (each cell in default mode)
	CRLF      bool `json:"crlf,omitempty"`       // lines end in CR LF (another tool's text)
	Typo      bool `json:"typo,omitempty"`       // a class's amount misprinted in the 一般公共预算 function table
	TypoPart  bool `json:"typo_part,omitempty"`  // Typo: the class's 基本支出 cell misprinted, its 合计 right (a row of parts that does not add up)
	Numbered  bool `json:"numbered,omitempty"`   // a 决算 as 财政部's template prints it: rows numbered (行次), columns numbered (栏次), 三公 grouped by 预算数 and 决算数
	Fund      bool `json:"fund,omitempty"`       // a 决算 with 政府性基金 money: its 政府性基金预算财政拨款收入支出决算表 holds figures
	Stats     bool `json:"stats,omitempty"`      // a 决算's 三公 and 机关运行经费 in the 2016–2017 template's 部门决算相关信息统计表
	Plain     bool `json:"plain,omitempty"`      // a row's cells one space apart, blank cells gone (another PDF tool's text, as pdfplumber's extract_text gives it)
	Tabs      bool `json:"tabs,omitempty"`       // a table's cells separated by tabs (two tabs around a blank cell), as text copied from a web page's or a spreadsheet's table
	Markdown  bool `json:"markdown,omitempty"`   // a table as a Markdown pipe table (an HTML-to-Markdown converter's): | a | b |, a --- line under the header's first line
	Cells     bool `json:"cells,omitempty"`      // a web page's table as a converter prints it: a cell a line, each with its bar ("675.82 |"), a blank cell a bar alone, every column of a row printed
	Dropped   bool `json:"dropped,omitempty"`    // Cells: the blank cells dropped, the others with their bars (a converter that skips empty cells)
	Web       bool `json:"web,omitempty"`        // a web page (Fujian's pages): a crawler's header, then the body on one line, each table's cells a space apart, blank cells gone, labels whole, no page numbers
	ItemsOnly bool `json:"items_only,omitempty"` // Web: a 决算's 一般公共预算财政拨款支出决算表 prints its 项 only, each code whole, no 类 or 款 row (Fujian's 2017 pages)
	RunFirst  bool `json:"run_first,omitempty"`  // the 三公 table prints the cars' 运行费 column before their 购置费 (its header says so; no sum tells the two apart)
}

func (p pert) String() string {
	var s []string
	for _, f := range []struct {
		on   bool
		name string
	}{{p.Yuan, "yuan"}, {p.Default, "default"}, {p.ColWise, "colwise"}, {p.ByClass, "byclass"}, {p.Banded, "banded"}, {p.Mixed, "mixed"}, {p.Wrap, "wrap"}, {p.WrapBelow, "below"}, {p.Panels, "panels"}, {p.PageBreak, "pagebreak"}, {p.Trailing, "trailing"}, {p.Spaced, "spaced"}, {p.CRLF, "crlf"}, {p.Typo, "typo"}, {p.TypoPart, "typopart"}, {p.Numbered, "numbered"}, {p.Fund, "fund"}, {p.Stats, "stats"}, {p.Plain, "plain"}, {p.Tabs, "tabs"}, {p.Markdown, "markdown"}, {p.Cells, "cells"}, {p.Dropped, "dropped"}, {p.Web, "web"}, {p.ItemsOnly, "itemsonly"}, {p.RunFirst, "runfirst"}} {
		if f.on {
			s = append(s, f.name)
		}
	}
	return strings.Join(s, "+")
}

// xiang is a 项 row of the function tables.
type xiang struct {
	code, name              string
	basic, project, reserve schema.Money
	carried                 schema.Money // of its amount, what the year before left (budget25's 上年结转结余)
	// the early family's 事业单位: of its basic expenditure, what 事业收入
	// and 其他收入 pay (own), and the uses beside basic and project
	// (business: 经营支出, paid by 经营收入; subsidy: 对附属单位补助支出,
	// paid by 事业收入)
	own, business, subsidy schema.Money
}

// kuans holds, for each 类 the generator uses, one 款 with two 项.
var kuans = map[string][3][2]string{
	"201": {{"06", "财政事务"}, {"01", "行政运行"}, {"02", "一般行政管理事务"}},
	"204": {{"06", "司法"}, {"01", "行政运行"}, {"04", "基层司法业务"}},
	"205": {{"02", "普通教育"}, {"01", "学前教育"}, {"03", "初中教育"}},
	"206": {{"01", "科学技术管理事务"}, {"01", "行政运行"}, {"99", "其他科学技术管理事务支出"}},
	"207": {{"01", "文化和旅游"}, {"01", "行政运行"}, {"09", "群众文化"}},
	"208": {{"05", "行政事业单位养老支出"}, {"01", "行政单位离退休"}, {"05", "机关事业单位基本养老保险缴费支出"}},
	"210": {{"11", "行政事业单位医疗"}, {"01", "行政单位医疗"}, {"02", "事业单位医疗"}},
	"212": {{"01", "城乡社区管理事务"}, {"01", "行政运行"}, {"04", "城管执法"}},
	"213": {{"01", "农业农村"}, {"01", "行政运行"}, {"53", "农田建设"}},
	"221": {{"02", "住房改革支出"}, {"01", "住房公积金"}, {"03", "购房补贴"}},
}

// summaryClasses are the 类 rows every 收支总表 prints, in order, with
// their numerals.
var summaryClasses = []string{"201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "221", "229"}

var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

var units = []string{"档案馆", "图书馆", "疾病预防控制中心", "综合行政执法大队", "社区事务受理服务中心", "青少年活动中心"}

type sdoc struct {
	family, dept, region, scope string // scope: 部门 or 单位
	year                        int
	p                           pert
	mix                         *rand.Rand // Mixed's own draws
	step                        int64      // fen of the tables' smallest unit
	classes                     []string
	items                       map[string][]xiang // 类 → its two 项
	basic, project, current     schema.Money
	reserve                     schema.Money // 单位预留机动经费 (Jiangsu)
	carriedIn, carriedOut       schema.Money
	kind                        string            // schema.KindBudget or schema.KindFinalAccounts
	own                         [3]schema.Money   // early: 事业收入, 经营收入, 其他收入 (a 事业单位's own revenue)
	names                       map[string]string // early: the 类 names of the document's year
	econ                        []named           // 301, 302, 303 with items
	tp                          [4]schema.Money   // overseas, reception, purchase, operation
	tpBudget                    [4]schema.Money   // a 决算's 年初预算 of each
	op, proc                    schema.Money
	procParts                   []schema.Money
	fund                        []fundRow // a 决算's 政府性基金 项 (Fund)
	projects                    []named
	page                        int
	parent                      string       // unit: the 主管部门
	unitClass                   string       // unit: the 类 of its work
	unitKuan                    [3][2]string // … its 款 and two 项
	title, opMode, tablePrefix  int          // unit: the title's form; 机关运行经费 none, stated, not said or not concerned; the tables' titles' prefix
	org                         string       // unit: the label of its name above each table (编制单位, 单位名称, 预算单位)
	self                        bool         // unit: the narrative says 本单位 for its name
	byUnit                      bool         // unit: its 收入总表 and 支出总表 by unit, not by function
	situation                   bool         // unit: its tables titled …总体情况表, …支出情况表
	tpTable                     int          // unit: the 三公 table as the template prints it, with the year before's in columns, or in rows with the change or without
	truth                       Truth
}

// fundRow is a 项 of the 政府性基金预算财政拨款收入支出决算表: its code
// (类, 款, 项), name and 年初结转和结余, 本年收入, 基本支出, 项目支出,
// 年末结转和结余 (本年收入 is what balances them).
type fundRow struct {
	code, name                                string
	opening, revenue, basic, project, closing schema.Money
}

// fundItems are the 项 a fund table draws from.
var fundItems = [][2]string{
	{"2120801", "征地和拆迁补偿支出"}, {"2120803", "城市建设支出"}, {"2120899", "其他国有土地使用权出让收入安排的支出"},
	{"2296002", "用于社会福利的彩票公益金支出"},
}

// fundClasses names the 类 and 款 of fundItems.
var fundClasses = map[string]string{"212": "城乡社区支出", "21208": "国有土地使用权出让收入安排的支出",
	"229": "其他支出", "22960": "彩票公益金安排的支出"}

// drawFinal draws, for a 决算, whether it has 政府性基金 money (Fund) and
// whether its 三公 come in the 2016–2017 template's statistics table
// (Stats), from a stream of their own seeded by what was drawn: the
// documents of the main stream stay as they were. The fund's money is its
// own table's alone: the other tables hold the 一般公共预算 money (as a
// unit's tables do when the fund money is another's).
func (d *sdoc) drawFinal(r *rand.Rand) {
	d.p.Stats = r.IntN(3) == 0
	d.truth.GovernmentFund = ptr(0) // the empty table's note: no fund money
	if r.IntN(3) != 0 {
		d.truth.Perturbed = d.p.String()
		return
	}
	d.p.Fund = true
	amt := func(lo, hi int64) schema.Money {
		return schema.Money((lo*10000*100 + r.Int64N((hi-lo)*10000*100/d.step)*d.step) / d.step * d.step)
	}
	var spent schema.Money
	for _, k := range r.Perm(len(fundItems))[:1+r.IntN(3)] {
		f := fundRow{code: fundItems[k][0], name: fundItems[k][1], project: amt(1, 400)}
		if r.IntN(2) == 0 {
			f.basic = amt(1, 100)
		}
		if r.IntN(2) == 0 {
			f.opening = amt(1, 50)
		}
		if r.IntN(3) != 0 {
			f.closing = amt(1, 80)
		}
		f.revenue = f.basic + f.project + f.closing - f.opening
		if f.revenue < 0 {
			f.opening, f.revenue = 0, f.basic+f.project+f.closing
		}
		spent += f.basic + f.project
		d.fund = append(d.fund, f)
	}
	sortFund(d.fund)
	d.truth.GovernmentFund = ptr(spent)
	d.truth.Perturbed = d.p.String()
}

func sortFund(f []fundRow) {
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j].code < f[j-1].code; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

// fundTable is the 政府性基金预算财政拨款收入支出决算表 of a Fund 决算: the
// 合计, then each 类, 款 and 项.
func (d *sdoc) fundTable() ttable {
	cols := d.codeCols(6, 18, 11)
	t := ttable{title: "政府性基金预算财政拨款收入支出决算表", cols: cols, coded: true}
	top := make([]string, len(cols))
	top[3], top[6] = "项目", "本年支出"
	t.header = []string{layout(cols, top), "功能分类科目编码",
		layout(cols, []string{"", "", "", "科目名称", "年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"}),
		layout(cols, []string{"类", "款", "项"})}
	vals := func(fs []fundRow) []schema.Money {
		var o, rv, b, p, c schema.Money
		for _, f := range fs {
			o, rv, b, p, c = o+f.opening, rv+f.revenue, b+f.basic, p+f.project, c+f.closing
		}
		return []schema.Money{o, rv, b + p, b, p, c}
	}
	t.rows = append(t.rows, d.totalRow(3, vals(d.fund)))
	row := func(a, k, x, name string, v []schema.Money) {
		cells := []string{a, k, x, name}
		for _, m := range v {
			cells = append(cells, d.num(m))
		}
		t.rows = append(t.rows, trow{cells: cells, label: 3})
	}
	for i := 0; i < len(d.fund); {
		c := d.fund[i].code[:3]
		j := i
		for j < len(d.fund) && d.fund[j].code[:3] == c {
			j++
		}
		row(c, "", "", fundClasses[c], vals(d.fund[i:j]))
		for k := i; k < j; {
			kk := d.fund[k].code[:5]
			m := k
			for m < j && d.fund[m].code[:5] == kk {
				m++
			}
			row(c, kk[3:], "", fundClasses[kk], vals(d.fund[k:m]))
			for _, f := range d.fund[k:m] {
				row(c, kk[3:], f.code[5:], f.name, vals([]fundRow{f}))
			}
			k = m
		}
		i = j
	}
	if d.p.Numbered {
		numberColumns(&t, 6)
	}
	return t
}

// statsTable is the 2016–2017 template's 部门决算相关信息统计表: two panels,
// 行次 numbered (1–21 left, 22–42 right), 三公 and 机关运行经费 (all of it
// 行政单位's), the vehicles and the counts (no figures here).
func (d *sdoc) statsTable() ttable {
	cols := []tcol{{26, false}, {4, true}, {12, true}, {26, false}, {4, true}, {12, true}}
	t := ttable{title: "部门决算相关信息统计表", cols: cols, header: []string{
		layout(cols, []string{"        项    目", "行次", "统计数", "        项    目", "行次", "统计数"}),
		layout(cols, []string{"        栏    次", "", "1", "        栏    次", "", "2"}),
	}}
	tp := d.tp
	left := [][2]string{{"一、“三公”经费支出", "—"}, {"（一）支出合计", d.num(tp[0] + tp[1] + tp[2] + tp[3])},
		{"1．因公出国（境）费", d.num(tp[0])}, {"2．公务用车购置及运行维护费", d.num(tp[2] + tp[3])},
		{"（1）公务用车购置费", d.num(tp[2])}, {"（2）公务用车运行维护费", d.num(tp[3])},
		{"3．公务接待费", d.num(tp[1])}, {"（1）国内接待费", d.num(tp[1])}, {"其中：外事接待费", ""},
		{"（2）国（境）外接待费", ""}, {"（二）相关统计数", "—"}, {"1．因公出国（境）团组数（个）", ""},
		{"2．因公出国（境）人次数（人）", ""}, {"3．公务用车购置数（辆）", ""}, {"4．公务用车保有量（辆）", "3"},
		{"5．国内公务接待批次（个）", "12"}, {"其中：外事接待批次（个）", ""}, {"6．国内公务接待人次（人）", "85"},
		{"其中：外事接待人次（人）", ""}, {"7．国（境）外公务接待批次（个）", ""}, {"8．国（境）外公务接待人次（人）", ""}}
	right := [][2]string{{"二、机关运行经费", d.num(d.op)}, {"（一）行政单位", d.num(d.op)},
		{"（二）参照公务员法管理事业单位", ""}, {"", ""}, {"三、国有资产占用情况", "—"}, {"（一）车辆数合计（辆）", "3"},
		{"1．部级领导干部用车", ""}, {"2．一般公务用车", "3"}, {"3．一般执法执勤用车", ""}, {"4．特种专业技术用车", ""},
		{"5．其他用车", ""}, {"（二）单价50万元以上通用设备（台，套）", ""}, {"（三）单价100万元以上专用设备（台，套）", ""}}
	for i, l := range left {
		cells := []string{l[0], strconv.Itoa(i + 1), l[1], "", strconv.Itoa(i + 22), ""}
		if i < len(right) {
			cells[3], cells[5] = right[i][0], right[i][1]
		}
		t.rows = append(t.rows, trow{cells: cells, label: 0})
	}
	t.note = "注：本表反映部门决算中“三公”经费、机关运行经费和国有资产占用情况等相关统计指标。"
	return t
}

// classTotal is a 类's amount: basic, project and reserve.
func (d *sdoc) classTotal(c string) schema.Money {
	var t schema.Money
	for _, x := range d.items[c] {
		t += x.basic + x.project + x.reserve + x.business + x.subsidy
	}
	return t
}

func (d *sdoc) classAmt(c string) (basic, project schema.Money) {
	for _, x := range d.items[c] {
		basic += x.basic
		project += x.project
	}
	return
}

func newStd(r *rand.Rand, fam string, inject float64) *sdoc {
	d := &sdoc{family: fam, kind: schema.KindBudget, region: regions[r.IntN(len(regions))], scope: "部门", items: map[string][]xiang{}}
	d.p = pert{Yuan: r.IntN(2) == 0, Wrap: r.IntN(2) == 0, PageBreak: r.IntN(2) == 0, Trailing: r.IntN(3) == 0}
	if r.IntN(3) == 0 {
		d.p.Default = true
		d.p.ColWise = r.IntN(2) == 0
	}
	if d.p.Wrap && r.IntN(3) == 0 {
		d.p.Wrap, d.p.WrapBelow = false, true
	}
	d.p.Panels = fam == "final9" && r.IntN(2) == 0
	d.p.Spaced = r.IntN(4) == 0
	d.p.CRLF = r.IntN(6) == 0
	d.p.Typo = r.Float64() < inject
	if fam == "jiangsu12" {
		d.p.Yuan = false // Jiangsu prints every table in 万元
	}
	d.step = 10000
	if d.p.Yuan {
		d.step = 100
	}
	kind := schema.KindBudget
	switch fam {
	case "final9":
		kind = schema.KindFinalAccounts
		d.year = 2019 + r.IntN(6)
		d.dept = d.region + depts[r.IntN(len(depts))]
	case "jiangsu12":
		d.year = 2017 + r.IntN(3)
		d.dept = "江苏省" + depts[r.IntN(len(depts))]
	case "early":
		kind = d.drawEarly(r)
	case "unit":
		d.drawUnit(r)
	case "budget25":
		d.year = 2025 + r.IntN(2)
		if r.IntN(2) == 0 {
			d.scope = "单位"
			d.dept = d.region + units[r.IntN(len(units))]
		} else {
			d.dept = d.region + depts[r.IntN(len(depts))]
		}
	}
	d.kind = kind
	amt := func(lo, hi int64) schema.Money { // lo–hi 万元, in the tables' steps
		return schema.Money((lo*10000*100 + r.Int64N((hi-lo)*10000*100/d.step)*d.step) / d.step * d.step)
	}
	if fam != "unit" { // a unit's classes are drawn with it
		perm := r.Perm(len(classes))
		k := 3 + r.IntN(3)
		for j := 0; j < k; j++ {
			d.classes = append(d.classes, classes[perm[j]])
		}
		sortStrings(d.classes)
	}
	for _, c := range d.classes {
		kx := d.kuans(c)
		for j := 1; j <= 2; j++ {
			x := xiang{code: c + kx[0][0] + kx[j][0], name: kx[j][1]}
			switch r.IntN(4) {
			case 0: // basic only: the project cell is blank
				x.basic = amt(5, 800)
			case 1: // project only
				x.project = amt(5, 800)
			default:
				x.basic, x.project = amt(5, 800), amt(1, 300)
			}
			d.items[c] = append(d.items[c], x)
		}
	}
	for _, c := range d.classes {
		b, p := d.classAmt(c)
		d.basic += b
		d.project += p
	}
	if d.basic == 0 { // basic expenditure has economic classes to split into
		x := &d.items[d.classes[0]][0]
		x.basic = amt(5, 800)
		d.basic = x.basic
	}
	if fam == "jiangsu12" && r.IntN(2) == 0 { // 单位预留机动经费, under the first 项
		d.reserve = amt(50, 2000)
		d.items[d.classes[0]][0].reserve = d.reserve
	}
	d.current = d.basic + d.project + d.reserve
	e := split(r, d.basic, 3, d.step)
	wages := split(r, e[0], 3, d.step)
	goods := split(r, e[1], 2, d.step)
	d.econ = []named{
		{"301", "工资福利支出", e[0], []named{{"30101", "基本工资", wages[0], nil}, {"30102", "津贴补贴", wages[1], nil}, {"30108", "机关事业单位基本养老保险缴费", wages[2], nil}}},
		{"302", "商品和服务支出", e[1], []named{{"30201", "办公费", goods[0], nil}, {"30211", "差旅费", goods[1], nil}}},
		{"303", "对个人和家庭的补助", e[2], []named{{"30302", "退休费", e[2], nil}}},
	}
	if d.project > 0 {
		for j, p := range split(r, d.project, 2, d.step) {
			d.projects = append(d.projects, named{name: []string{"业务工作经费", "信息化建设运维经费"}[j], amt: p})
		}
	}
	tp := split(r, amt(4, 60), 4, d.step)
	copy(d.tp[:], tp)
	for i, v := range d.tp {
		d.tpBudget[i] = v + amt(0, 2)
	}
	d.op = wan(r, 2000, 90000)
	d.proc = wan(r, 1000, 90000)
	d.procParts = split(r, d.proc, 3, 10000)
	if fam == "budget25" && r.IntN(3) == 0 { // 上年结转结余, spent this year: under the first 项
		x := &d.items[d.classes[0]][0]
		d.carriedIn = min(amt(1, 200), x.basic+x.project)
		x.carried = d.carriedIn
	}
	if fam == "final9" {
		d.carriedIn = amt(1, 200)
		d.carriedOut = amt(1, 200)
		if d.carriedOut > d.carriedIn+d.current/2 {
			d.carriedOut = d.carriedIn
		}
	}
	if fam == "early" {
		d.drawEarlyMoney(r, amt)
	}
	if fam == "unit" {
		d.drawUnitMoney(r, amt)
	}
	// from what was drawn, not drawn itself: the documents of the stream
	// stay as they were before it
	d.p.Numbered = fam == "final9" && (d.year+len(d.classes))%2 == 0
	// Mixed, and how its tables print, from a stream of its own seeded by
	// what was drawn: the stream's documents stay as they were
	d.mix = rand.New(rand.NewPCG(uint64(d.year), uint64(d.current)))
	// (budget25, final9 and unit: Jiangsu's coded tables print one amount, the
	// early family's own tables are not printed this way)
	d.p.Mixed = d.p.Default && !d.p.ColWise && !d.p.Numbered && d.mix.IntN(2) == 0 && (fam == "budget25" || fam == "final9" || fam == "unit")
	// a web page, from a stream of its own: the body's lines run together,
	// so what a PDF's lines and pages add (wrapped labels, page numbers,
	// blank lines, trailing spaces, CR LF) is not there
	if d.p.Default && !d.p.ColWise && !d.p.Mixed && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+1)).IntN(2) == 0 {
		d.p = pert{Yuan: d.p.Yuan, Default: true, Panels: d.p.Panels, Typo: d.p.Typo, Numbered: d.p.Numbered, Web: true}
	}
	// a web page's 决算 printing its appropriations' 项 only, from a stream
	// of its own likewise
	d.p.ItemsOnly = d.p.Web && !d.p.Typo && fam == "final9" && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+6)).IntN(2) == 0
	// the codes a 类 at a time, from a stream of their own likewise
	d.p.ByClass = d.p.ColWise && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+5)).IntN(2) == 0
	// the bands, from a stream of their own likewise (blank lines after each
	// cell would end every block)
	d.p.Banded = d.p.ColWise && !d.p.Spaced && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+7)).IntN(2) == 0
	// tabs between cells, from a stream of their own likewise
	d.p.Tabs = !d.p.Default && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+2)).IntN(4) == 0
	if d.p.Tabs && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+4)).IntN(2) == 0 {
		// a page converted from HTML: no page breaks, no wrapped cells
		d.p.Tabs, d.p.Markdown = false, true
		d.p.Wrap, d.p.WrapBelow, d.p.PageBreak, d.p.Spaced = false, false, false, false
	}
	// … and text of a tool that keeps rows on their lines but no columns
	d.p.Plain = !d.p.Default && !d.p.Tabs && !d.p.Markdown && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+3)).IntN(4) == 0
	// … or a cell a line with its bar, from a stream of its own likewise
	if !d.p.Default && !d.p.Tabs && !d.p.Markdown && !d.p.Plain && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+8)).IntN(4) == 0 {
		d.p.Cells = true
		d.p.Wrap, d.p.WrapBelow, d.p.PageBreak, d.p.Spaced = false, false, false, false
		// … its blank cells dropped, from a stream of its own likewise
		d.p.Dropped = rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+9)).IntN(2) == 0
	}
	// a misprint in a part cell rather than the 合计, from a stream of its
	// own likewise (Jiangsu's function table prints one amount a row)
	d.p.TypoPart = d.p.Typo && fam != "jiangsu12" && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+10)).IntN(2) == 0
	total := d.current + d.carriedOut
	d.truth = Truth{Family: fam, Kind: kind, FiscalYear: d.year, Department: d.dept,
		Revenue: total, Expenditure: total, Basic: d.basic, Project: d.project,
		ByFunction: map[string]int64{}, ByEconomic: map[string]int64{},
		ThreePublic: d.tp[0] + d.tp[1] + d.tp[2] + d.tp[3], OperatingCosts: d.op, Procurement: d.proc,
		Injected: []Injected{}, Perturbed: d.p.String()}
	if fam == "final9" || fam == "early" && kind == schema.KindFinalAccounts {
		d.truth.CarriedOver, d.truth.CarriedForward = ptr(d.carriedIn), ptr(d.carriedOut)
	}
	if fam == "final9" { // the early family prints its own 决算 tables (early.go)
		d.drawFinal(rand.New(rand.NewPCG(uint64(d.current), uint64(d.year))))
	}
	// the cars' running costs before their purchase in the template's 三公
	// table (not Jiangsu's, nor the statistics table's, nor a unit's of two
	// years), from a stream of its own likewise
	template := fam != "jiangsu12" && !(fam == "final9" && d.p.Stats) && !(fam == "unit" && d.tpTable != 0)
	if template && rand.New(rand.NewPCG(uint64(d.current), uint64(d.year)+11)).IntN(4) == 0 {
		d.p.RunFirst = true
		d.truth.Perturbed = d.p.String()
	}
	if fam == "early" && kind == schema.KindBudget && d.carriedIn > 0 {
		d.truth.CarriedOver = ptr(d.carriedIn)
	}
	if (fam == "budget25" || fam == "unit") && d.carriedIn > 0 {
		d.truth.CarriedOver = ptr(d.carriedIn)
	}
	if fam == "jiangsu12" {
		d.op = d.econ[1].amt // Jiangsu's 机关运行经费 table: the 商品和服务支出 of basic expenditure
		d.truth.OperatingCosts = d.op
		d.truth.Reserve = ptr(d.reserve)
	}
	if fam == "unit" && d.opMode != 1 { // a 事业单位's: none, or not said
		d.truth.OperatingCosts = 0
		d.truth.OperatingCostsUnstated = d.opMode == 2
	}
	if fam != "early" { // its 决算 add 经营支出 and 对附属单位补助支出 to a 项, which xiang does not hold
		d.truth.ByItem = map[string]int64{}
	}
	for _, c := range d.classes {
		d.truth.ByFunction[c] = int64(d.classTotal(c))
		for _, x := range d.items[c] {
			if d.truth.ByItem != nil {
				d.truth.ByItem[x.code] = int64(x.basic + x.project + x.reserve)
			}
		}
	}
	for _, c := range d.econ {
		d.truth.ByEconomic[c.code] = int64(c.amt)
	}
	// the year's revenue (carried amounts aside) less the unit's own
	d.truth.Appropriation = ptr(d.current + d.carriedOut - d.carriedIn - d.ownTotal())
	if kind == schema.KindFinalAccounts {
		b := d.tpBudget
		d.truth.ThreePublicBudgeted = map[string]int64{"total": int64(b[0] + b[1] + b[2] + b[3]), "overseas_travel": int64(b[0]), "reception": int64(b[1]),
			"vehicle": int64(b[2] + b[3]), "vehicle_purchase": int64(b[2]), "vehicle_operation": int64(b[3])}
	}
	d.truth.ThreePublicParts = map[string]int64{"overseas_travel": int64(d.tp[0]), "reception": int64(d.tp[1]), "vehicle_purchase": int64(d.tp[2]), "vehicle_operation": int64(d.tp[3])}
	d.truth.OwnSources = map[string]int64{"事业收入": int64(d.own[0]), "经营收入": int64(d.own[1]), "其他收入": int64(d.own[2])}
	return d
}

// num prints an amount as the tables state it; 0 is blank.
func (d *sdoc) num(m schema.Money) string {
	if m == 0 {
		return ""
	}
	if d.p.Yuan {
		return y(m)
	}
	s := w(m)
	return y(m/1000000*100) + s[strings.IndexByte(s, '.'):]
}

func (d *sdoc) unit() string {
	if d.p.Yuan {
		return "元"
	}
	return "万元"
}

// tw is a text's width in pdftotext's rune columns.
func tw(s string) int { return utf8.RuneCountInString(s) }

// tcol is a column of a table: its width, and whether it holds numbers
// (right-aligned).
type tcol struct {
	w   int
	num bool
}

// trow is a table row: its cells, and the part of the label that wraps
// onto the lines around it (Wrap).
type trow struct {
	cells []string
	label int // the cell holding the label, or -1
}

type ttable struct {
	title  string
	header []string // the header lines as printed
	cols   []tcol
	rows   []trow
	note   string
	split  int    // the row before which a page breaks (PageBreak), 0 for none
	coded  bool   // rows open with a code: a wrapped name may print below its code's line
	number string // the table's number line above its title (公开 01 表), if any
	// pageAt: the cell of its one row before which default mode prints the
	// page's number (PageBreak: the row's cells run over a page), 0 for none
	pageAt int
}

// line lays cells out in the columns.
func layout(cols []tcol, cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString("   ")
		}
		pad := cols[i].w - tw(c)
		if pad < 0 {
			pad = 0
		}
		if cols[i].num {
			b.WriteString(strings.Repeat(" ", pad) + c)
		} else {
			b.WriteString(c + strings.Repeat(" ", pad))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// render prints a table in the document's perturbations.
func (d *sdoc) render(b *strings.Builder, t ttable) {
	org := "编制" + d.scope
	if d.org != "" {
		org = d.org
	}
	if t.number != "" { // Jiangsu: 公开 01 表 above the title, 部门名称 below
		d.out(b, t.number)
		org = "部门名称"
	}
	d.out(b, fmt.Sprintf("%s%s", strings.Repeat(" ", 16), t.title))
	d.out(b, fmt.Sprintf("%s：%s%s单位：%s", org, d.dept, strings.Repeat(" ", 30), d.unit()))
	if d.p.Default {
		d.renderDefault(b, t)
		return
	}
	if d.p.Cells {
		d.renderCells(b, t)
		return
	}
	d.header(b, t)
	for i, r := range t.rows {
		if t.split > 0 && i == t.split && d.p.PageBreak {
			d.page++
			d.out(b, "")
			d.out(b, fmt.Sprintf("%s%d", strings.Repeat(" ", 40), d.page))
			b.WriteString("\f")
			d.out(b, fmt.Sprintf("%s%s（续）%s单位：%s", strings.Repeat(" ", 16), t.title, strings.Repeat(" ", 10), d.unit()))
			d.header(b, t)
		}
		if (d.p.Wrap || d.p.WrapBelow) && r.label >= 0 && tw(r.cells[r.label]) >= 10 {
			name := []rune(r.cells[r.label])
			half := len(name) / 2
			head, tail := make([]string, len(r.cells)), make([]string, len(r.cells))
			head[r.label], tail[r.label] = string(name[:half]), string(name[half:])
			mid := append([]string(nil), r.cells...)
			mid[r.label] = ""
			if d.p.WrapBelow && t.coded { // 208 05 05   160.75 / 机关事业单位基本养 / 老保险缴费支出
				d.out(b, d.row(t.cols, mid))
				d.out(b, d.row(t.cols, head))
				d.out(b, d.row(t.cols, tail))
				if d.p.Spaced {
					d.out(b, "")
				}
				continue
			}
			d.out(b, d.row(t.cols, head))
			if l := d.row(t.cols, mid); l != "" { // a row with no other cell: its name's two lines
				d.out(b, l)
			}
			d.out(b, d.row(t.cols, tail))
			if d.p.Spaced {
				d.out(b, "")
			}
			continue
		}
		d.out(b, d.row(t.cols, r.cells))
		if d.p.Spaced {
			d.out(b, "")
		}
	}
	if t.note != "" {
		d.out(b, t.note)
	}
}

// row prints a table row: laid out in its columns, or its cells a tab
// apart (Tabs).
func (d *sdoc) row(cols []tcol, cells []string) string {
	switch {
	case d.p.Tabs:
		return strings.TrimRight(strings.Join(cells, "\t"), "\t")
	case d.p.Markdown:
		return pipeRow(cols, cells)
	}
	return layout(cols, cells)
}

// pipeRow prints a row of a Markdown table: every column, blank or not.
func pipeRow(cols []tcol, cells []string) string {
	all := make([]string, len(cols))
	copy(all, cells)
	return "| " + strings.Join(all, " | ") + " |"
}

// header prints a table's header lines (Markdown: the --- line under the
// first).
func (d *sdoc) header(b *strings.Builder, t ttable) {
	for k, h := range t.header {
		d.out(b, d.headerCells(t.cols, h))
		if k == 0 && d.p.Markdown {
			d.out(b, "|"+strings.Repeat(" --- |", len(t.cols)))
		}
	}
}

// headerCells prints a header line laid out in cols as cells: a tab
// between them (Tabs), as a browser copies a table, or a Markdown pipe row
// (Markdown). Each run of text goes to the column its first rune stands
// in, an empty cell leaves its two tabs, and a cell's text has no spaces
// set in it (项    目 is a PDF's, not a cell's).
func (d *sdoc) headerCells(cols []tcol, h string) string {
	if !d.p.Tabs && !d.p.Markdown {
		return h
	}
	cells := splitHeader(cols, h)
	if d.p.Markdown {
		return pipeRow(cols, cells)
	}
	return strings.TrimRight(strings.Join(cells, "\t"), "\t")
}

// renderCells prints a table a cell a line with its bar (Cells): the
// header's cells (a heading over several columns is one cell), then every
// column of each row, a blank one a bar alone (or none: Dropped).
func (d *sdoc) renderCells(b *strings.Builder, t ttable) {
	for _, h := range t.header {
		for _, c := range splitHeader(t.cols, h) {
			if c != "" {
				d.out(b, c+" |")
			}
		}
	}
	for _, r := range t.rows {
		for c := range t.cols {
			switch {
			case c < len(r.cells) && r.cells[c] != "":
				d.out(b, r.cells[c]+" |")
			case !d.p.Dropped:
				d.out(b, "|")
			}
		}
	}
	if t.note != "" {
		d.out(b, t.note)
	}
}

// splitHeader is a header line laid out in cols as cells, each run of text
// in the column its first rune stands in.
func splitHeader(cols []tcol, h string) []string {
	cells := make([]string, len(cols))
	rs := []rune(h)
	for i := 0; i < len(rs); {
		if rs[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(rs) && !(rs[j] == ' ' && (j+1 == len(rs) || rs[j+1] == ' ')) {
			j++
		}
		c, at := 0, 0
		for c+1 < len(cols) && at+cols[c].w+3 <= i {
			at += cols[c].w + 3
			c++
		}
		cells[c] += strings.ReplaceAll(string(rs[i:j]), " ", "")
		i = j
	}
	return cells
}

// renderDefault prints a table as pdftotext's default mode does: each
// cell on a line of its own, blank cells gone, row by row or (ColWise)
// column by column.
func (d *sdoc) renderDefault(b *strings.Builder, t ttable) {
	if d.p.Mixed && t.coded && (functional(t.rows[0].cells[0]) || len(t.rows) > 1 && functional(t.rows[1].cells[0])) {
		d.renderMixed(b, t)
		return
	}
	// a function table's 类 款 项 header line: by class, its 款 and 项 are
	// printed after the 类 codes
	codeLine := slices.IndexFunc(t.header, func(h string) bool { return strings.Join(strings.Fields(h), " ") == "类 款 项" })
	if d.p.ColWise && d.p.Banded && t.coded && codeLine >= 0 {
		d.renderBands(b, t)
		return
	}
	byClass := d.p.ColWise && d.p.ByClass && t.coded && codeLine >= 0
	for k, h := range t.header {
		for _, f := range strings.Fields(h) {
			if !byClass || k != codeLine || f == "类" {
				d.out(b, f)
			}
		}
	}
	cell := func(c string) {
		d.out(b, c)
		if d.p.Spaced {
			d.out(b, "")
		}
	}
	if d.p.ColWise {
		for c := range t.cols {
			if byClass && c == 1 {
				d.codesByClass(t, cell)
			}
			if byClass && (c == 1 || c == 2) {
				continue
			}
			for _, r := range t.rows {
				if c < len(r.cells) && r.cells[c] != "" {
					cell(r.cells[c])
				}
			}
		}
	} else {
		for i, r := range t.rows {
			if t.split > 0 && i == t.split && d.p.PageBreak {
				d.page++
				d.out(b, strconv.Itoa(d.page))
				if d.p.Spaced { // a blank line between the page's number and the form feed
					d.out(b, "")
				}
				b.WriteString("\f")
				for _, h := range t.header {
					for _, f := range strings.Fields(h) {
						d.out(b, f)
					}
				}
			}
			for k, c := range r.cells {
				if i == 0 && k == t.pageAt && k > 0 && d.p.PageBreak { // 37,188.34 / 21,968.00 / 10,208.94 / 9 / 5,011.40
					d.page++
					d.out(b, strconv.Itoa(d.page))
				}
				if k == r.label && (d.p.Wrap || d.p.WrapBelow) && tw(c) >= 10 { // a cell of two lines
					name := []rune(c)
					d.out(b, string(name[:len(name)/2]))
					c = string(name[len(name)/2:])
				}
				if c != "" {
					cell(c)
				}
			}
		}
	}
	if t.note != "" {
		d.out(b, t.note)
	}
}

// renderBands prints a coded table as default mode printed 07's 收入决算表:
// a row whose name wraps (two lines) is taller than the others and ends
// every column's block, and so does the total row above the rest; each
// band prints its code columns' blocks (a column's cells down consecutive
// rows, blank cells ending them), by their first row, then column; then
// the names, then each band's amounts' blocks likewise, a blank line
// between two blocks.
func (d *sdoc) renderBands(b *strings.Builder, t ttable) {
	for _, h := range t.header {
		for _, f := range strings.Fields(h) {
			d.out(b, f)
		}
	}
	name := func(r trow) string { return r.cells[3] } // after the 类 款 项 columns; the total's 合计 too
	var bands [][2]int                                // rows [from, to)
	from := 0
	for i, r := range t.rows {
		if n := name(r); tw(n) >= 10 || n == "合计" || n == "总计" {
			if from < i {
				bands = append(bands, [2]int{from, i})
			}
			bands, from = append(bands, [2]int{i, i + 1}), i+1
		}
	}
	if from < len(t.rows) {
		bands = append(bands, [2]int{from, len(t.rows)})
	}
	filled := func(i, c int) bool { return c < len(t.rows[i].cells) && t.rows[i].cells[c] != "" }
	blocks := func(cols []int) {
		for _, band := range bands {
			for i := band[0]; i < band[1]; i++ {
				for _, c := range cols {
					if !filled(i, c) || i > band[0] && filled(i-1, c) {
						continue // no block begins here
					}
					d.out(b, "")
					for k := i; k < band[1] && filled(k, c); k++ {
						d.out(b, t.rows[k].cells[c])
					}
				}
			}
		}
	}
	codes, amounts := []int{0, 1, 2}, []int{}
	for c := 4; c < len(t.cols); c++ {
		amounts = append(amounts, c)
	}
	blocks(codes)
	d.out(b, "")
	for _, r := range t.rows {
		n := []rune(name(r))
		if len(n) >= 10 {
			d.out(b, string(n[:len(n)/2]))
			n = n[len(n)/2:]
		}
		d.out(b, string(n))
	}
	blocks(amounts)
	if t.note != "" {
		d.out(b, "")
		d.out(b, t.note)
	}
}

// codesByClass prints a function table's 款 and 项 columns as default mode
// printed 07's: the header's 款 and 项, then for each 类 its rows' 款 codes,
// then their 项 codes.
func (d *sdoc) codesByClass(t ttable, cell func(string)) {
	cell("款")
	cell("项")
	var classes []string
	for _, r := range t.rows {
		if len(r.cells) > 2 && r.cells[0] != "" && !slices.Contains(classes, r.cells[0]) {
			classes = append(classes, r.cells[0])
		}
	}
	for _, c := range classes {
		for col := 1; col <= 2; col++ {
			for _, r := range t.rows {
				if len(r.cells) > 2 && r.cells[0] == c && r.cells[col] != "" {
					cell(r.cells[col])
				}
			}
		}
	}
}

// functional tells a 类 code of the functional classification.
func functional(code string) bool {
	_, ok := schema.LookupCode(schema.SchemeFunctional, code)
	return len(code) == 3 && ok
}

// renderMixed prints a coded table as default mode often prints one (as
// in the corpus's 01): names and amounts row by row (blank amounts printed
// 0), the code columns apart, each page in one of three orders —
//
//   - the 款 codes each just before the 类 code of the row above, then a 类's
//     项 codes in a run, the first row's name before the codes and its
//     amounts after them (a page that opens with a 类);
//   - the 类 and 款 codes row after row after the first row's name, the 项
//     codes a little later, at the end of a 类 or of the codes;
//   - each row's codes before its name, some 项 codes later, at the end of
//     a 类 or of the page;
//
// — and, unless the page opens with the total, half the header's words
// between the first row's name and its amounts. The total at the end may
// lose its 合计.
func (d *sdoc) renderMixed(b *strings.Builder, t ttable) {
	var fields []string
	for _, h := range t.header {
		fields = append(fields, strings.Fields(h)...)
	}
	cell := func(c string) {
		d.out(b, c)
		if d.p.Spaced {
			d.out(b, "")
		}
	}
	amounts := func(r trow) {
		for _, c := range r.cells[4:] {
			if c == "" {
				c = "0.00"
				if d.p.Yuan {
					c = "0"
				}
			}
			cell(c)
		}
	}
	pages := [][]trow{t.rows}
	if t.split > 0 && d.p.PageBreak {
		pages = [][]trow{t.rows[:t.split], t.rows[t.split:]}
	}
	for p, rows := range pages {
		if p > 0 {
			d.page++
			d.out(b, strconv.Itoa(d.page))
			b.WriteString("\f")
		}
		var lead, tail *trow // totals before and after the coded rows
		if rows[0].label < 0 {
			lead, rows = &rows[0], rows[1:]
		}
		if n := len(rows); n > 0 && rows[n-1].label < 0 {
			tail, rows = &rows[n-1], rows[:n-1]
		}
		mode := d.mix.IntN(3)
		if mode == 0 && len(rows) > 0 && rows[0].cells[1] != "" { // a page that opens below a 类
			mode = 1
		}
		rest := fields
		if lead != nil || mode == 2 || len(rows) == 0 {
			for _, f := range fields {
				cell(f)
			}
			rest = nil
			if lead != nil {
				cell("合计")
				amounts(*lead)
			}
		} else {
			for _, f := range fields[:len(fields)/2] {
				cell(f)
			}
			rest = fields[len(fields)/2:]
		}
		// each row's 类 (counted), to print late 项 codes no further than
		// the next 类
		nth := make([]int, len(rows))
		for i := 1; i < len(rows); i++ {
			nth[i] = nth[i-1]
			if rows[i].cells[0] != rows[i-1].cells[0] {
				nth[i]++
			}
		}
		var late []int                     // rows whose 项 code is still to print
		flush := func(i int, maybe bool) { // before row i's codes
			if len(late) == 0 || maybe && nth[late[0]] >= nth[i]-1 && d.mix.IntN(2) == 0 {
				return
			}
			for _, k := range late {
				cell(rows[k].cells[2])
			}
			late = nil
		}
		// the last 项 codes, then the first row's amounts (its name printed
		// before the codes) and the other rows' names and amounts
		rowsAfterCodes := func() {
			flush(len(rows), false)
			amounts(rows[0])
			for _, r := range rows[1:] {
				cell(r.cells[3])
				amounts(r)
			}
		}
		switch {
		case len(rows) == 0:
		case mode == 0:
			cell(rows[0].cells[3])
			for i := range rows {
				if i > 0 && nth[i] != nth[i-1] { // the 类 before's 项 codes
					flush(i, false)
				}
				if i+1 < len(rows) && nth[i+1] == nth[i] {
					cell(rows[i+1].cells[1])
				}
				cell(rows[i].cells[0])
				if rows[i].cells[2] != "" {
					late = append(late, i)
				}
				if i == 0 {
					for _, f := range rest {
						cell(f)
					}
				}
			}
			rowsAfterCodes()
		case mode == 1:
			for _, c := range rows[0].cells[:2] {
				if c != "" {
					cell(c)
				}
			}
			if rows[0].cells[2] != "" {
				late = append(late, 0)
			}
			cell(rows[0].cells[3])
			for i := 1; i < len(rows); i++ {
				if nth[i] != nth[i-1] {
					flush(i, true)
				}
				cell(rows[i].cells[0])
				if rows[i].cells[1] != "" {
					cell(rows[i].cells[1])
				}
				if rows[i].cells[2] != "" {
					late = append(late, i)
				}
			}
			for _, f := range rest {
				cell(f)
			}
			rowsAfterCodes()
		default:
			for i, r := range rows {
				if i > 0 && nth[i] != nth[i-1] {
					flush(i, true)
				}
				for _, c := range r.cells[:2] {
					if c != "" {
						cell(c)
					}
				}
				if r.cells[2] != "" {
					if d.mix.IntN(3) == 0 {
						late = append(late, i)
					} else {
						cell(r.cells[2])
					}
				}
				cell(r.cells[3])
				amounts(r)
			}
			flush(len(rows), false)
		}
		if tail != nil {
			if d.mix.IntN(2) == 0 {
				cell("合计")
			}
			amounts(*tail)
		}
	}
	if t.note != "" {
		d.out(b, t.note)
	}
}

func (d *sdoc) out(b *strings.Builder, l string) {
	b.WriteString(l)
	if d.p.Trailing && l != "" {
		b.WriteString(strings.Repeat(" ", 1+len(l)%3))
	}
	b.WriteByte('\n')
}

// functionRows are the 类/款/项 rows of a function table: code columns,
// name, then the values f gives for each 项 (summed for 类 and 款).
func (d *sdoc) functionRows(f func(x xiang) []schema.Money) []trow {
	var rows []trow
	row := func(a, k, x, name string, vals []schema.Money) {
		cells := []string{a, k, x, name}
		for _, v := range vals {
			cells = append(cells, d.num(v))
		}
		rows = append(rows, trow{cells: cells, label: 3})
	}
	sum := func(xs []xiang) []schema.Money {
		var s []schema.Money
		for _, x := range xs {
			v := f(x)
			if s == nil {
				s = make([]schema.Money, len(v))
			}
			for i := range v {
				s[i] += v[i]
			}
		}
		return s
	}
	for _, c := range d.classes {
		xs := d.items[c]
		kx := d.kuans(c)
		row(c, "", "", d.clsName(c), sum(xs))
		row(c, kx[0][0], "", kx[0][1], sum(xs))
		for _, x := range xs {
			row(c, kx[0][0], x.code[5:], x.name, f(x))
		}
	}
	return rows
}

// itemsOnly keeps the 项 rows of a function table's rows, each code whole
// in the first cell (2010601 行政运行 …: Fujian's 2017 pages).
func itemsOnly(rows []trow) []trow {
	var out []trow
	for _, r := range rows {
		if r.cells[2] == "" {
			continue // a 类 or 款
		}
		cells := append([]string{r.cells[0] + r.cells[1] + r.cells[2], "", ""}, r.cells[3:]...)
		out = append(out, trow{cells: cells, label: r.label})
	}
	return out
}

// typo misprints (Typo) the first class's amount in a function table's
// rows — its 合计, or (TypoPart) its 基本支出: the table no longer adds up,
// and the others still give the truth.
func (d *sdoc) typo(rows []trow) []trow {
	if !d.p.Typo {
		return rows
	}
	c := d.classes[0]
	for i, r := range rows {
		if r.cells[0] == c && (len(r.cells) < 5 || r.cells[1] == "") { // the class's own row
			k := len(r.cells) - 1 // Jiangsu's one amount
			if len(r.cells) > 4 {
				k = 4 // the 合计 column
			}
			cells := append([]string(nil), r.cells...)
			cells[k] = d.num(d.classTotal(c) + schema.Money(d.step)*10)
			if basic, _ := d.classAmt(c); d.p.TypoPart && len(r.cells) > 5 {
				cells[k] = r.cells[k]
				cells[5] = d.num(basic + schema.Money(d.step)*10) // the 基本支出 column
			}
			rows[i].cells = cells
			break
		}
	}
	return rows
}

// totalRow is a 合计 row over the function rows' values.
func (d *sdoc) totalRow(ncodes int, vals []schema.Money) trow {
	cells := make([]string, ncodes)
	cells = append(cells, "合计")
	for _, v := range vals {
		cells = append(cells, d.num(v))
	}
	return trow{cells: cells, label: -1}
}

func (d *sdoc) codeCols(nvals, namew, valw int) []tcol {
	cols := []tcol{{3, false}, {2, false}, {2, false}, {namew, false}}
	for i := 0; i < nvals; i++ {
		cols = append(cols, tcol{valw, true})
	}
	return cols
}

// codeHeader is the header of a table by function codes, on four lines
// as the templates print it: 项目 over the codes and a group over the value
// columns, 功能分类科目编码, the name and value columns' names, 类 款 项.
func codeHeader(cols []tcol, group string, values ...string) []string {
	top := make([]string, len(cols))
	top[3] = "项目"
	if group != "" {
		top[len(cols)-1] = group
	}
	mid := append([]string{"", "", "", "科目名称"}, values...)
	return []string{
		layout(cols, top),
		"功能分类科目编码",
		layout(cols, mid),
		layout(cols, []string{"类", "款", "项"}),
	}
}

// summary is a 收支总表: sources left, classes right, totals below.
func (d *sdoc) summary(title, colName string, sources []string, srcVals []schema.Money, currentIn, currentOut, totalIn, totalOut string, carriedLabels [2]string) ttable {
	t := ttable{title: title,
		header: []string{
			fmt.Sprintf("           收入                                      支出"),
			fmt.Sprintf("      项目                   %s              项目                      %s", colName, colName),
		},
		cols: []tcol{{22, false}, {14, true}, {22, false}, {14, true}},
	}
	n := len(summaryClasses)
	for i := 0; i < n || i < len(sources); i++ {
		cells := []string{"", "", "", ""}
		if i < len(sources) {
			cells[0], cells[1] = sources[i], d.num(srcVals[i])
		}
		if i < n {
			c := summaryClasses[i]
			b, p := d.classAmt(c)
			cells[2], cells[3] = numerals[i]+"、"+className(c), d.num(b+p)
		}
		t.rows = append(t.rows, trow{cells: cells, label: 2})
	}
	t.rows = append(t.rows,
		trow{cells: []string{currentIn, d.num(d.current + d.carriedOut - d.carriedIn), currentOut, d.num(d.current)}, label: -1},
		trow{cells: []string{carriedLabels[0], d.num(d.carriedIn), carriedLabels[1], d.num(d.carriedOut)}, label: -1},
		trow{cells: []string{totalIn, d.num(d.current + d.carriedOut), totalOut, d.num(d.current + d.carriedOut)}, label: -1})
	if d.p.Numbered {
		numberRows(&t, colName)
	}
	return t
}

// numberRows gives a 收支总表 the 决算 template's 行次 column on each side
// (the left side's rows numbered 1…, the right side's after them) and its
// 栏次 line.
func numberRows(t *ttable, colName string) {
	t.cols = []tcol{{22, false}, {4, true}, {14, true}, {22, false}, {4, true}, {14, true}}
	t.header = []string{
		"           收入                                           支出",
		layout(t.cols, []string{"      项目", "行次", colName, "      项目", "行次", colName}),
		layout(t.cols, []string{"      栏次", "", "1", "      栏次", "", "2"}),
	}
	left := 0
	for _, r := range t.rows {
		if r.cells[0] != "" {
			left++
		}
	}
	l, rn := 0, left
	for i, r := range t.rows {
		cells := []string{r.cells[0], "", r.cells[1], r.cells[2], "", r.cells[3]}
		if cells[0] != "" {
			l++
			cells[1] = strconv.Itoa(l)
		}
		if cells[3] != "" {
			rn++
			cells[4] = strconv.Itoa(rn)
		}
		label := r.label
		if label == 2 {
			label = 3
		}
		t.rows[i] = trow{cells: cells, label: label}
	}
}

// numberColumns adds the 栏次 line, the columns' numbers, to a coded
// table's header.
func numberColumns(t *ttable, values int) {
	cells := []string{"", "", "", "栏次"}
	for i := range values {
		cells = append(cells, strconv.Itoa(i+1))
	}
	t.header = append(t.header, layout(t.cols, cells))
}

func (d *sdoc) empty(title, note string) ttable {
	cols := d.codeCols(3, 16, 12)
	return ttable{title: title, cols: cols, header: codeHeader(cols, "本年支出", "合计", "基本支出", "项目支出"),
		rows: []trow{d.totalRow(3, nil)}, note: note}
}

func (d *sdoc) threePublicTable(title string) ttable {
	sum := func(p [4]schema.Money) schema.Money { return p[0] + p[1] + p[2] + p[3] }
	vals := func(p [4]schema.Money) []schema.Money {
		if d.p.RunFirst {
			return []schema.Money{sum(p), p[0], p[2] + p[3], p[3], p[2], p[1]}
		}
		return []schema.Money{sum(p), p[0], p[2] + p[3], p[2], p[3], p[1]}
	}
	names := []string{"合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"}
	if d.p.RunFirst {
		names[3], names[4] = names[4], names[3]
	}
	if d.kind != schema.KindFinalAccounts {
		cols := []tcol{{10, true}, {16, true}, {10, true}, {14, true}, {14, true}, {10, true}}
		var cells []string
		for _, v := range vals(d.tp) {
			cells = append(cells, d.num(v))
		}
		return ttable{title: title, cols: cols,
			header: []string{layout(cols, []string{"", "", "", "公务用车购置及运行费"}), layout(cols, names)},
			rows:   []trow{{cells: cells, label: -1}}}
	}
	if d.p.Numbered { // every column under 预算数, then again under 决算数, numbered 1…12
		var cols []tcol
		var group, mid, top, nums, cells []string
		for k := range 2 {
			for i := range names {
				cols = append(cols, tcol{9, true})
				group, mid, top = append(group, ""), append(mid, ""), append(top, names[i])
				nums = append(nums, strconv.Itoa(k*len(names)+i+1))
			}
			group[k*len(names)+2] = [2]string{"预算数", "决算数"}[k]
			mid[k*len(names)+3] = "公务用车购置及运行费"
			src := [2][4]schema.Money{d.tpBudget, d.tp}[k]
			for _, v := range vals(src) {
				cells = append(cells, d.num(v))
			}
		}
		return ttable{title: title, cols: cols,
			header: []string{layout(cols, group), layout(cols, mid), layout(cols, top), layout(cols, nums)},
			rows:   []trow{{cells: cells, label: -1}}}
	}
	// 决算: each column as 预算数 and 决算数
	var cols []tcol
	var top, mid, bottom, cells []string
	for i, v := range vals(d.tp) {
		cols = append(cols, tcol{8, true}, tcol{8, true})
		top = append(top, names[i], "")
		bottom = append(bottom, "预算数", "决算数")
		cells = append(cells, d.num(vals(d.tpBudget)[i]), d.num(v))
	}
	mid = make([]string, len(cols))
	mid[4] = "公务用车购置及运行费"
	return ttable{title: title, cols: cols,
		header: []string{layout(cols, mid), layout(cols, top), layout(cols, bottom)},
		rows:   []trow{{cells: cells, label: -1}}}
}

// panelTable is a 决算's economic table in two panels: the personnel
// classes (301, 303) left, 302 right, each panel's total on the last row.
func (d *sdoc) panelTable(title string) ttable {
	cols := []tcol{{3, false}, {2, false}, {14, false}, {10, true}, {3, false}, {2, false}, {14, false}, {10, true}}
	t := ttable{title: title, cols: cols, coded: true, header: []string{
		layout(cols, []string{"经济分类", "", "", "", "经济分类"}),
		layout(cols, []string{"科目编码", "", "科目名称", "决算数", "科目编码", "", "科目名称", "决算数"}),
		layout(cols, []string{"类", "款", "", "", "类", "款"}),
	}}
	var left, right [][]string
	var pers, pub schema.Money
	for _, c := range d.econ {
		side := &left
		if c.code == "302" {
			side, pub = &right, pub+c.amt
		} else {
			pers += c.amt
		}
		*side = append(*side, []string{c.code, "", c.name, d.num(c.amt)})
		for _, it := range c.items {
			*side = append(*side, []string{c.code, it.code[3:], it.name, d.num(it.amt)})
		}
	}
	for i := 0; i < len(left) || i < len(right); i++ {
		cells := make([]string, 8)
		label := -1
		if i < len(left) {
			copy(cells, left[i])
			label = 2
		}
		if i < len(right) {
			copy(cells[4:], right[i])
			if label < 0 {
				label = 6
			}
		}
		t.rows = append(t.rows, trow{cells: cells, label: label})
	}
	t.rows = append(t.rows, trow{cells: []string{"", "", "人员经费合计", d.num(pers), "", "", "公用经费合计", d.num(pub)}, label: -1})
	return t
}

func (d *sdoc) economicTable(title, col string) ttable {
	cols := []tcol{{3, false}, {2, false}, {16, false}, {12, true}, {12, true}, {12, true}}
	t := ttable{title: title, coded: true,
		header: []string{
			"        经济分类科目                          " + col,
			// each label in its column (a cell a line, tabs: 科目名称 was
			// the 款's, 人员经费 the 合计's)
			layout(cols, []string{"类", "款", "科目名称", "合计", "人员经费", "公用经费"}),
		},
		cols: cols,
	}
	var pers, pub schema.Money
	for _, c := range d.econ {
		split := func(m schema.Money) (string, string) {
			if c.code == "302" || c.code == "310" { // 公用经费: goods and services, and (before 2018) capital items of basic expenditure
				return "", d.num(m)
			}
			return d.num(m), ""
		}
		a, b := split(c.amt)
		t.rows = append(t.rows, trow{cells: []string{c.code, "", c.name, d.num(c.amt), a, b}, label: 2})
		for _, it := range c.items {
			a, b := split(it.amt)
			t.rows = append(t.rows, trow{cells: []string{c.code, it.code[3:], it.name, d.num(it.amt), a, b}, label: 2})
		}
		if c.code == "302" || c.code == "310" {
			pub += c.amt
		} else {
			pers += c.amt
		}
	}
	t.rows = append(t.rows, trow{cells: []string{"", "", "合计", d.num(pers + pub), d.num(pers), d.num(pub)}, label: -1})
	return t
}

func (d *sdoc) narrativeTotals(b *strings.Builder) {
	r := func(m schema.Money) string { return w(round(m)) }
	if d.family == "final9" {
		fmt.Fprintf(b, "一、收入支出决算总体情况说明\n%s%d年度收入、支出总计%s万元。\n", d.dept, d.year, r(d.current+d.carriedOut))
		fmt.Fprintf(b, "二、收入决算情况说明\n本年收入合计%s万元，其中：财政拨款收入%s万元，占100.00%%。\n", r(d.current+d.carriedOut-d.carriedIn), r(d.current+d.carriedOut-d.carriedIn))
		fmt.Fprintf(b, "三、支出决算情况说明\n本年支出合计%s万元，其中：基本支出%s万元，占%s%%；项目支出%s万元，占%s%%。\n",
			r(d.current), r(d.basic), share(d.basic, d.current), r(d.project), share(d.project, d.current))
		return
	}
	fmt.Fprintf(b, "一、收支预算总体情况\n%d年%s收入预算%s万元，其中：一般公共预算拨款收入%s万元", d.year, d.dept, r(d.current), r(d.current-d.carriedIn))
	if d.carriedIn > 0 {
		fmt.Fprintf(b, "，上年结转结余%s万元", r(d.carriedIn))
	}
	fmt.Fprintf(b, "。支出预算%s万元，其中：基本支出%s万元，项目支出%s万元。\n", r(d.current), r(d.basic), r(d.project))
}

func (d *sdoc) narrativeOthers(b *strings.Builder) {
	r := func(m schema.Money) string { return w(round(m)) }
	verb := "预算"
	if d.kind == schema.KindFinalAccounts {
		verb = "支出决算"
	}
	fmt.Fprintf(b, "“三公”经费%s%s万元。其中：因公出国（境）费%s万元；公务接待费%s万元；公务用车购置费%s万元；公务用车运行维护费%s万元。\n",
		verb, r(d.tp[0]+d.tp[1]+d.tp[2]+d.tp[3]), r(d.tp[0]), r(d.tp[1]), r(d.tp[2]), r(d.tp[3]))
	fmt.Fprintf(b, "机关运行经费%s%s万元。\n", verb, w(d.op))
	fmt.Fprintf(b, "政府采购%s总额%s万元，其中：政府采购货物%s%s万元、政府采购工程%s%s万元、政府采购服务%s%s万元。\n",
		verb, w(d.proc), verb, w(d.procParts[0]), verb, w(d.procParts[1]), verb, w(d.procParts[2]))
}

func (d *sdoc) renderStd() string {
	var b strings.Builder
	d.page = 3
	switch d.family {
	case "final9":
		d.final9(&b)
	case "budget25":
		d.budget25(&b)
	case "jiangsu12":
		d.jiangsu12(&b)
	case "early":
		d.early(&b)
	case "unit":
		d.unitBudget(&b)
	}
	text := b.String()
	if d.p.Plain {
		text = squeezeSpaces(text)
	}
	switch {
	case d.p.CRLF:
		return strings.ReplaceAll(text, "\n", "\r\n")
	case d.p.Web:
		return webPage(text, d.dept, int(d.current%100000))
	}
	return text
}

// squeezeSpaces prints each line's runs of spaces as one space and drops
// its leading and trailing ones (Plain).
func squeezeSpaces(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' }), " ")
	}
	return strings.Join(lines, "\n")
}

func (d *sdoc) final9(b *strings.Builder) {
	fmt.Fprintf(b, "%s\n%d年度部门决算\n\n第一部分 %s%d年度部门决算情况说明\n", d.dept, d.year, d.dept, d.year)
	d.narrativeTotals(b)
	b.WriteString("四、财政拨款“三公”经费支出决算情况说明\n")
	d.narrativeOthers(b)
	if d.p.Fund {
		var spent schema.Money
		for _, f := range d.fund {
			spent += f.basic + f.project
		}
		fmt.Fprintf(b, "五、政府性基金预算财政拨款支出决算情况说明\n%d年度政府性基金预算财政拨款支出%s万元。\n", d.year, w(round(spent)))
	}
	fmt.Fprintf(b, "\n第二部分 %s%d年度部门决算表\n", d.dept, d.year)
	fiscal := d.current + d.carriedOut - d.carriedIn
	d.render(b, d.summary("收入支出决算总表", "决算数",
		[]string{"一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"},
		[]schema.Money{fiscal, 0, 0, 0, 0, 0, 0, 0},
		"本年收入合计", "本年支出合计", "总计", "总计", [2]string{"年初结转和结余", "年末结转和结余"}))
	// 收入决算表: by function, what each class received (all appropriations)
	inc := ttable{title: "收入决算表",
		cols: d.codeCols(2, 18, 14), coded: true}
	inc.header = codeHeader(inc.cols, "", "本年收入合计", "财政拨款收入")
	if d.p.Numbered {
		numberColumns(&inc, 2)
	}
	// what each class received is what it spent and what it carries: the
	// year's revenue differs from its spending by the carried amounts, put
	// on the largest 项
	delta := d.carriedOut - d.carriedIn
	var big xiang
	for _, c := range d.classes {
		for _, x := range d.items[c] {
			if x.basic+x.project > big.basic+big.project {
				big = x
			}
		}
	}
	inc.rows = append(inc.rows, d.totalRow(3, []schema.Money{d.current + delta, d.current + delta}))
	inc.rows = append(inc.rows, d.functionRows(func(x xiang) []schema.Money {
		v := x.basic + x.project
		if x.code == big.code {
			v += delta
		}
		return []schema.Money{v, v}
	})...)
	d.render(b, inc)
	exp := ttable{title: "支出决算表",
		cols: d.codeCols(3, 18, 12), coded: true}
	exp.header = codeHeader(exp.cols, "", "本年支出合计", "基本支出", "项目支出")
	if d.p.Numbered {
		numberColumns(&exp, 3)
	}
	exp.rows = append(exp.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project}))
	exp.rows = append(exp.rows, d.functionRows(func(x xiang) []schema.Money { return []schema.Money{x.basic + x.project, x.basic, x.project} })...)
	d.render(b, exp)
	fs := d.summary("财政拨款收入支出决算总表", "决算数",
		[]string{"一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"},
		[]schema.Money{fiscal, 0, 0},
		"本年收入合计", "本年支出合计", "总计", "总计", [2]string{"年初财政拨款结转和结余", "年末财政拨款结转和结余"})
	d.render(b, fs)
	fn := ttable{title: "一般公共预算财政拨款支出决算表",
		cols: d.codeCols(3, 18, 12), coded: true}
	fn.header = codeHeader(fn.cols, "本年支出", "合计", "基本支出", "项目支出")
	if d.p.Numbered {
		numberColumns(&fn, 3)
	}
	fn.rows = d.typo(d.functionRows(func(x xiang) []schema.Money { return []schema.Money{x.basic + x.project, x.basic, x.project} }))
	if d.p.ItemsOnly {
		fn.rows = itemsOnly(fn.rows)
	}
	fn.split = len(fn.rows) / 2
	fn.rows = append(fn.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project}))
	d.render(b, fn)
	if d.p.Panels {
		d.render(b, d.panelTable("一般公共预算财政拨款基本支出决算表"))
	} else {
		d.render(b, d.economicTable("一般公共预算财政拨款基本支出决算表", "决算数"))
	}
	if !d.p.Stats {
		d.render(b, d.threePublicTable("一般公共预算财政拨款“三公”经费支出决算表"))
	}
	if d.p.Fund {
		d.render(b, d.fundTable())
	} else {
		d.render(b, d.empty("政府性基金预算财政拨款收入支出决算表", fmt.Sprintf("注：%s无政府性基金预算财政拨款收入和支出，故本表无数据。", d.dept)))
	}
	d.render(b, d.empty("国有资本经营预算财政拨款支出决算表", fmt.Sprintf("注：%s无国有资本经营预算财政拨款支出，故本表无数据。", d.dept)))
	if d.p.Stats {
		d.render(b, d.statsTable())
	}
}

func (d *sdoc) budget25(b *strings.Builder) {
	kind := "部门预算"
	if d.scope == "单位" {
		kind = "单位预算"
	}
	fmt.Fprintf(b, "%s%d年%s\n\n目录\n第一部分 %s概况\n第二部分 %d年%s表\n\n", d.dept, d.year, kind, d.dept, d.year, kind)
	fmt.Fprintf(b, "第三部分 %d年%s情况说明\n", d.year, kind)
	d.narrativeTotals(b)
	b.WriteString("二、“三公”经费、机关运行经费和政府采购\n")
	d.narrativeOthers(b)
	s := d.scope
	fmt.Fprintf(b, "\n第二部分 %d年%s表\n", d.year, kind)
	d.render(b, d.summary(s+"收支总表", "预算数",
		[]string{"一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入", "四、财政专户管理资金收入", "五、事业收入", "六、上级补助收入", "七、附属单位上缴收入", "八、事业单位经营收入", "九、其他收入"},
		[]schema.Money{d.current + d.carriedOut - d.carriedIn, 0, 0, 0, 0, 0, 0, 0, 0}, // the year's: 上年结转结余 apart
		"本年收入合计", "本年支出合计", "收入总计", "支出总计", [2]string{"上年结转结余", "年终结转结余"}))
	inc := ttable{title: s + "收入总表",
		cols: d.codeCols(3, 18, 14), coded: true}
	inc.header = codeHeader(inc.cols, "", "合计", "上年结转结余", "一般公共预算拨款收入")
	inc.rows = append(inc.rows, d.totalRow(3, []schema.Money{d.current, d.carriedIn, d.current - d.carriedIn}))
	inc.rows = append(inc.rows, d.functionRows(func(x xiang) []schema.Money {
		return []schema.Money{x.basic + x.project, x.carried, x.basic + x.project - x.carried}
	})...)
	d.render(b, inc)
	exp := ttable{title: s + "支出总表",
		cols: d.codeCols(3, 18, 12), coded: true}
	exp.header = codeHeader(exp.cols, "", "合计", "基本支出", "项目支出")
	exp.rows = append(exp.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project}))
	exp.rows = append(exp.rows, d.functionRows(func(x xiang) []schema.Money { return []schema.Money{x.basic + x.project, x.basic, x.project} })...)
	d.render(b, exp)
	d.render(b, d.summary("财政拨款收支总表", "预算数",
		[]string{"一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入"},
		[]schema.Money{d.current + d.carriedOut - d.carriedIn, 0, 0},
		"本年收入合计", "本年支出合计", "收入总计", "支出总计", [2]string{"上年结转结余", "年终结转结余"}))
	fn := ttable{title: "一般公共预算支出表",
		cols: d.codeCols(3, 18, 12), coded: true}
	fn.header = codeHeader(fn.cols, "本年一般公共预算支出", "合计", "基本支出", "项目支出")
	fn.rows = d.typo(d.functionRows(func(x xiang) []schema.Money { return []schema.Money{x.basic + x.project, x.basic, x.project} }))
	if d.p.ItemsOnly {
		fn.rows = itemsOnly(fn.rows)
	}
	fn.split = len(fn.rows) / 2
	fn.rows = append(fn.rows, d.totalRow(3, []schema.Money{d.current, d.basic, d.project}))
	d.render(b, fn)
	d.render(b, d.economicTable("一般公共预算基本支出表", "本年一般公共预算基本支出"))
	d.render(b, d.threePublicTable("一般公共预算“三公”经费支出表"))
	d.render(b, d.empty("政府性基金预算支出表", fmt.Sprintf("注：%s%d年无政府性基金预算拨款安排的支出，故本表无数据。", d.dept, d.year)))
	d.render(b, d.empty("国有资本经营预算支出表", fmt.Sprintf("注：%s%d年无国有资本经营预算拨款安排的支出，故本表无数据。", d.dept, d.year)))
	pr := ttable{title: "项目支出表",
		header: []string{"   项目名称                    本年拨款        一般公共预算"},
		cols:   []tcol{{24, false}, {14, true}, {14, true}}}
	for _, p := range d.projects {
		pr.rows = append(pr.rows, trow{cells: []string{p.name, d.num(p.amt), d.num(p.amt)}, label: 0})
	}
	pr.rows = append(pr.rows, trow{cells: []string{"合计", d.num(d.project), d.num(d.project)}, label: -1})
	d.render(b, pr)
}
