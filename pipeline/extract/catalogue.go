package extract

import (
	"strings"

	"budgetpub/schema"
)

// The table catalogue. Each kind of standard table is described once, as
// data: the words of its titles (as the templates of 财政部 and the
// provinces print them) and what it holds. classifyTitle reads a title
// through it; the coverage report names a table's kind from it; the
// standard sets say which tables a disclosure must publish. A kind with a
// header shape (templates, below) is read by the generic reader
// (generic.go): a new template of such a table is its titles and its
// shape here, and a fixture — no new reader. Kinds without one still have
// their own readers in tables.go.

// titleRule recognizes a kind of table by its compacted title: every word
// of all, at least one of any (if given), none of none, and one of the
// suffixes (if given).
type titleRule struct {
	kind     tableKind
	all, any []string
	none     []string
	suffixes []string
}

func (r titleRule) matches(t string) bool {
	for _, w := range r.all {
		if !strings.Contains(t, w) {
			return false
		}
	}
	if len(r.any) > 0 && !containsAny(t, r.any) {
		return false
	}
	if containsAny(t, r.none) {
		return false
	}
	return len(r.suffixes) == 0 || hasSuffixAny(t, r.suffixes)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titleRules are tried in order; the first that matches gives the kind.
var titleRules = []titleRule{
	// 部门决算相关信息统计表 (2016–2017): 三公 and 机关运行经费 by 行次 (finaltables.go)
	{kind: tableStatistics, all: []string{"相关信息统计表"}},
	// 财政拨款收支总表 / 财政拨款收入支出决算总表
	{kind: tableFiscal, all: []string{"财政拨款", "总表"}, any: []string{"收支", "收入支出"}},
	// the Ministry's sample of 2016: …收支总体情况表, …收入总体情况表, …支出情况表
	{kind: tableFiscal, all: []string{"财政拨款", "总体情况表"}, any: []string{"收支", "收入支出"}},
	// 政府性基金预算财政拨款收入支出决算表 (部门决算): the funds' carried,
	// revenue, spending and closing balance (finaltables.go)
	{kind: tableFund, all: []string{"政府性基金", "财政拨款"}, any: []string{"收支", "收入支出"}},
	// 国有资本经营预算财政拨款收入支出决算表: no reader
	{kind: tableOther, all: []string{"财政拨款"}, any: []string{"收支", "收入支出"}},
	// 收支预算总表, 收入支出决算总表, 部门财务收支预算总表; 2025: 部门收支总表, 单位收支总表
	{kind: tableSummary, any: []string{"收支预算总表", "收入支出决算总表", "收支决算总表", "财务收支预算总表"}},
	{kind: tableSummary, suffixes: []string{"收支总表", "收入支出总表", "收支总体情况表"}},
	// Yunnan's schools and hospitals of 2016: 某中学2016年预算收支表(表一)
	{kind: tableSummary, any: []string{"预算收支表", "决算收支表"}, none: []string{"财政拨款", "一般公共", "公共财政", "基金", "国有资本", "三公"}},
	// 收入预算总表, 收入决算表, 部门收入总表: revenue by source, one column each
	{kind: tableRevenue, suffixes: []string{"收入预算总表", "收入决算表", "收入总表", "收入总体情况表"}, none: []string{"财政拨款", "收支", "收入支出", "基金", "国有资本", "三公"}},
	// 一般公共预算基本支出表 (经济分类), 财政拨款基本支出预算表
	{kind: tableEconomic, all: []string{"基本支出", "经济分类"}},
	// 2025: 一般公共预算基本支出表
	{kind: tableEconomic, all: []string{"基本支出"}, suffixes: []string{"基本支出预算表", "基本支出决算表", "基本支出表", "基本支出情况表"}},
	// “三公”经费支出表 (often with 机关运行经费, 会议费, 培训费); 部门决算相关信息
	// 统计表, which holds the 三公 and 机关运行经费 in some 决算 of 2016–2017
	{kind: tableThreePublic, all: []string{"三公"}},
	{kind: tableThreePublic, all: []string{"相关信息统计表"}},
	// 一般公共预算支出表, 财政拨款支出决算明细表: by function, 项 codes
	{kind: tableFunction, any: []string{"一般公共预算", "财政拨款"}, all: []string{"支出"}, none: []string{"总表", "基本支出", "收", "运行", "基金"}},
	{kind: tableOperating, all: []string{"机关运行经费"}},
	{kind: tableFund, any: []string{"政府性基金", "国有资本经营"}},
	{kind: tableProcurement, all: []string{"政府采购"}},
	// 支出预算总表, 支出决算表, 部门支出总表: basic and project
	{kind: tableExpenditure, suffixes: []string{"支出预算总表"}},
	{kind: tableExpenditure, suffixes: []string{"支出决算表", "支出总表", "支出总体情况表"}, none: []string{"财政拨款", "基金", "三公"}},
}

// classifyTitle tells the kind of a table from its compacted title line.
func classifyTitle(t string) tableKind {
	if !strings.HasSuffix(t, "表") || strings.Contains(t, "…") || strings.Contains(t, "说明") {
		return tableOther
	}
	for _, r := range titleRules {
		if r.matches(t) {
			return r.kind
		}
	}
	return tableOther
}

// tableKindNames are the English names of the table kinds.
var tableKindNames = map[tableKind]string{
	tableOther:       "other table",
	tableSummary:     "revenue and expenditure summary",
	tableExpenditure: "expenditure by basic and project",
	tableEconomic:    "basic expenditure by economic class",
	tableThreePublic: "three public expenses",
	tableFiscal:      "appropriations summary",
	tableProcurement: "government procurement",
	tableOperating:   "operating costs",
	tableFund:        "government fund or state capital",
	tableFunction:    "expenditure by function",
	tableRevenue:     "revenue by source",
	tableStatistics:  "related statistics (three public expenses, operating costs)",
}

// standardTables are the tables every 部门预算 and 部门决算 publishes (the
// Ministry of Finance's templates), each known by words of its title: all
// of has, one of any (if given), none of hasn. The templates before 2016
// say 公共财政 (公共财政拨款支出表) where later ones say 一般公共预算; the
// 决算's 部门决算相关信息统计表 of 2016–2017 holds the 三公.
var standardTables = []struct {
	name           string
	has, any, hasn []string
}{
	{"收支总表", []string{"收"}, nil, []string{"收入预算总表", "收入决算表", "收入总表", "财政拨款", "一般公共", "公共财政", "基金", "三公", "采购"}},
	{"收入总表", []string{"收入"}, nil, []string{"收支", "收入支出", "财政拨款", "一般公共", "公共财政", "基金", "三公", "采购"}},
	{"支出总表", []string{"支出"}, nil, []string{"收支", "收入支出", "财政拨款", "一般公共", "公共财政", "基金", "国有资本", "三公", "采购", "运行", "基本支出"}},
	{"财政拨款收支总表", []string{"财政拨款"}, []string{"总表", "总体情况表"}, []string{"基金", "三公"}},
	{"一般公共预算支出表", []string{"支出"}, []string{"一般公共预算", "公共财政"}, []string{"基本支出", "三公", "运行"}},
	{"一般公共预算基本支出表", []string{"基本支出"}, nil, []string{"三公"}},
	{"“三公”经费支出表", nil, []string{"三公", "相关信息统计表"}, nil},
	{"政府性基金预算支出表", []string{"政府性基金"}, nil, nil},
}

// A template is the header shape of a table kind: the columns its header
// names, what the 合计 row's cell of each fills in the model, and the sums
// the table must satisfy — the sum column is the total of all the others
// on every row, and where the table has 类 rows (coded by function) they
// add up to its 合计 row, column by column. The generic reader
// (templateTable, generic.go) reads every kind that has one.
type template struct {
	kind tableKind
	// scheme, for a table by class (一般公共预算支出表 by function, 基本支出表
	// by economic class), is the classification of its coded rows: its 类,
	// 款 and 项, whose sum cells are the model's classes and items (the
	// kind's reader fills them: codedTable, economicTable); its 类 rows
	// add up to its 合计 row. Such a shape is read a cell a line (its
	// arithmetic decides), its rows being the kind's reader's; a shape of
	// one column (金额) is its sum column alone. Without a scheme, the
	// shape's 类 are functional and its 合计 row fills the refs.
	scheme  string
	columns []templateColumn
	// heads are the words of a heading printed over the value columns
	// (本年一般公共预算支出), passed over
	heads []string
	// groups, for a template that prints the same table as rows under one
	// 金额 column: a 合计 row (total, the ref it fills) that is the sum of
	// groups, each a 小计 row over its items (the group's label printed
	// beside them), the 小计 the sum of its items (其中 rows aside)
	total  string
	groups []templateGroup
}

// templateGroup is a group of rows of a row-shaped template: the words of
// its label, and the model figure its 小计 fills ("" for none).
type templateGroup struct {
	words []string
	ref   string
}

// templateColumn is a column of a header shape: the words its label holds
// (compacted; however the label wraps, the longest word the stacked label
// contains names the column, the last printed on a tie), the model figure
// its 合计 cell fills — a ref as the table claims name it ("src:事业收入",
// "summary:carried_over", "revenue:total"; "" for none) — and whether it is
// the sum of the others. A column with `with` fills its ref only when the
// header names that ref's column too (合计 is the revenue total only beside
// 上年结转: without it, what was carried is not said).
type templateColumn struct {
	words []string
	ref   string
	sum   bool
	with  string
}

// templates are the header shapes the generic reader reads.
var templates = []template{
	// 收入总表 (财政部's 部门预算 table 2) and 收入决算表 (部门决算 table 2):
	// 合计 | 上年结转 | 财政拨款 (or 一般公共预算 | 政府性基金 | …) | 财政专户 |
	// 事业收入 | 经营收入 | … | 其他收入; a 决算 sums 本年收入合计.
	{kind: tableRevenue,
		columns: []templateColumn{
			{words: []string{"合计", "总计", "收入合计", "收入总计"}, ref: "revenue:total", sum: true, with: "summary:carried_over"},
			{words: []string{"本年收入合计", "本年收入小计", "本年收入"}, ref: "summary:revenue_current", sum: true},
			{words: []string{"上年结转", "上年结转和结余", "上年结转结余", "年初结转和结余"}, ref: "summary:carried_over"},
			{words: []string{"财政拨款", "财政拨款收入", "财政拨款(补助)", "财政拨款(补助)收入", "财政补助收入"}, ref: "src:财政拨款"},
			{words: []string{"一般公共预算", "一般公共预算拨款", "一般公共预算财政拨款", "公共财政拨款"}, ref: "src:一般公共预算"},
			{words: []string{"政府性基金", "政府性基金预算", "政府性基金预算财政拨款"}, ref: "src:政府性基金"},
			{words: []string{"国有资本经营", "国有资本经营预算", "国有资本经营预算财政拨款"}, ref: "src:国有资本经营"},
			{words: []string{"财政专户", "财政专户管理资金", "财政专户管理资金收入"}, ref: "src:财政专户管理资金"},
			{words: []string{"事业收入"}, ref: "src:事业收入"},
			{words: []string{"经营收入", "事业单位经营收入"}, ref: "src:经营收入"},
			{words: []string{"上级补助收入"}, ref: "src:上级补助收入"},
			{words: []string{"附属单位上缴收入"}, ref: "src:附属单位上缴收入"},
			{words: []string{"其他收入", "其他资金"}, ref: "src:其他收入"},
		},
		// Jiangsu's 收入预算总表 prints it as rows: 收入总计, then a group per
		// kind of money (一般公共预算资金 | 小计, 公共财政拨款(补助)资金,
		// 专项收入 …); 其他资金 is what the other tables call 其他收入
		total: "revenue:total",
		groups: []templateGroup{
			{words: []string{"一般公共预算资金", "一般公共预算"}, ref: "src:一般公共预算"},
			{words: []string{"政府性基金", "政府性基金预算资金"}, ref: "src:政府性基金"},
			{words: []string{"财政专户管理资金"}, ref: "src:财政专户管理资金"},
			{words: []string{"其他资金"}, ref: "src:其他收入"},
			{words: []string{"上年结转和结余资金", "上年结转资金", "上年结转"}, ref: "summary:carried_over"},
		}},
	// 一般公共预算支出表 (财政部's 部门预算 table 6), 财政拨款支出预算表,
	// 一般公共预算财政拨款支出决算表: 科目编码 (类 款 项) | 科目名称 | 合计 |
	// 基本支出 | 项目支出, under a heading (本年一般公共预算支出); or one
	// 金额 column
	{kind: tableFunction, scheme: schema.SchemeFunctional,
		columns: []templateColumn{
			{words: []string{"合计", "金额", "预算数", "决算数", "小计"}, sum: true},
			{words: []string{"基本支出"}},
			{words: []string{"项目支出"}},
		},
		heads: []string{"本年一般公共预算支出", "一般公共预算支出", "本年支出", "本年财政拨款支出", "财政拨款支出", "支出"}},
	// 一般公共预算基本支出表 (table 7), 财政拨款基本支出预算表: 经济分类科目
	// (类 款) | 科目名称 | 合计 | 人员经费 | 公用经费, under a heading
	{kind: tableEconomic, scheme: schema.SchemeEconomic,
		columns: []templateColumn{
			{words: []string{"合计", "金额", "预算数", "决算数", "小计"}, sum: true},
			{words: []string{"人员经费"}},
			{words: []string{"公用经费"}},
		},
		heads: []string{"本年一般公共预算基本支出", "一般公共预算基本支出", "本年基本支出", "财政拨款基本支出", "基本支出"}},
}

// coded tells a shape of a table by class.
func (t *template) coded() bool { return t.scheme != "" }

// colHeaderWords are the words of a coded table's header that default mode
// can print among its code and name columns, longest first (colwise.go).
var colHeaderWords = []string{
	"支出经济分类", "支出功能分类", "功能分类", "经济分类", "科目编码", "科目名称",
	"基本支出", "项目支出", "决算数", "预算数", "项目", "金额", "类", "款", "项",
}

// gridHeads are the header cells of a table a cell a line (grid.go) that
// name a panel's columns, by role (gridLabel, gridNumber, gridAmount): its
// labels, its rows' numbers and its amounts.
var gridHeads = [...][]string{
	gridLabel:  {"项目", "科目", "科目名称", "项目名称"},
	gridNumber: {"行次", "序号"},
	gridAmount: {"金额", "预算数", "决算数", "预算金额", "决算金额"},
}

// rowHeads and rowHeadWords are the header cells of a table of a header
// shape that name its rows' labels and codes, not a value column: the
// cells themselves, and words such a cell holds (功能分类科目编码,
// 科目名称, 单位名称).
var (
	rowHeads     = []string{"项目", "类", "款", "项", "类款项"}
	rowHeadWords = []string{"科目", "编码", "名称", "代码", "功能分类", "经济分类"}
)

// A form is a table of a layout another ministry prescribes, known by the
// code printed above it (国卫财01-1表), whose columns the form numbers
// (栏次 1…columns) under a header of several levels: what its 合计 row's
// numbered cells fill in the model (refs, by 栏次), and the identities
// those cells satisfy — a column the signed sum of others. The form's
// top-level headings, in order, must be printed. formTable (formtable.go)
// reads it where every row prints every column, a cell a line.
type form struct {
	code    string
	kind    tableKind
	heads   []string
	columns int
	refs    map[int]string
	sums    []formSum
}

// formSum is an identity of a form's columns: whole = Σ parts, a negative
// part subtracted.
type formSum struct {
	whole int
	parts []int
}

// forms are the prescribed layouts the catalogue knows.
var forms = []form{
	// 医疗卫生计生机构收支决算总表 (按功能分类), the health commission's
	// 决算 form of a hospital or clinic: 上年结转和结余 (1 合计 = 2 基本支出
	// 结转 + 3 项目支出结转和结余 + 5 经营结余; 4 is 3's 其中), 本年收入 (6, 7
	// its 财政拨款收入, 8 that's 其中), 本年支出 (9, 10 its 财政拨款支出, 11),
	// 收支结余 (12 = 6 − 9 = 13 + 14 + 15), 用事业基金弥补收支差额 (16), 结余
	// 分配 (17 = 18 + 19 + 20 + 21) and 年末结转和结余 (22 = 1 + 12 + 16 − 17 =
	// 23 + 24 + 26; 25 is 24's 其中).
	{code: "国卫财01-1表", kind: tableSummary,
		heads:   []string{"上年结转和结余", "本年收入", "本年支出", "收支结余", "用事业基金弥补收支差额", "结余分配", "年末结转和结余"},
		columns: 26,
		refs:    map[int]string{6: "revenue_current", 7: "src:财政拨款", 9: "expenditure_current"},
		sums: []formSum{{1, []int{2, 3, 5}}, {12, []int{6, -9}}, {12, []int{13, 14, 15}}, {17, []int{18, 19, 20, 21}},
			{22, []int{1, 12, 16, -17}}, {22, []int{23, 24, 26}}}},
}

// templateOf is the header shape of a kind, nil for a kind without one.
func templateOf(k tableKind) *template {
	for i := range templates {
		if templates[i].kind == k {
			return &templates[i]
		}
	}
	return nil
}
