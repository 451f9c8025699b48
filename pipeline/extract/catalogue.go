package extract

import "strings"

// The table catalogue. Each kind of standard table is described once, as
// data: the words of its titles (as the templates of 财政部 and the
// provinces print them) and what it holds. classifyTitle reads a title
// through it; the coverage report names a table's kind from it; the
// standard sets say which tables a disclosure must publish. A new template's
// titles are new entries here — its reader, if its layout is new, goes in
// tables.go.

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
	// 财政拨款收支总表 / 财政拨款收入支出决算总表
	{kind: tableFiscal, all: []string{"财政拨款", "总表"}, any: []string{"收支", "收入支出"}},
	// 政府性基金预算财政拨款收入支出决算表: a fund's table, no reader
	{kind: tableOther, all: []string{"财政拨款"}, any: []string{"收支", "收入支出"}},
	// 收支预算总表, 收入支出决算总表, 部门财务收支预算总表; 2025: 部门收支总表, 单位收支总表
	{kind: tableSummary, any: []string{"收支预算总表", "收入支出决算总表", "收支决算总表", "财务收支预算总表"}},
	{kind: tableSummary, suffixes: []string{"收支总表", "收入支出总表"}},
	// 一般公共预算基本支出表 (经济分类), 财政拨款基本支出预算表
	{kind: tableEconomic, all: []string{"基本支出", "经济分类"}},
	// 2025: 一般公共预算基本支出表
	{kind: tableEconomic, all: []string{"基本支出"}, suffixes: []string{"基本支出预算表", "基本支出决算表", "基本支出表"}},
	// “三公”经费支出表 (often with 机关运行经费, 会议费, 培训费)
	{kind: tableThreePublic, all: []string{"三公"}},
	// 一般公共预算支出表, 财政拨款支出决算明细表: by function, 项 codes
	{kind: tableFunction, any: []string{"一般公共预算", "财政拨款"}, all: []string{"支出"}, none: []string{"总表", "基本支出", "收", "运行", "基金"}},
	{kind: tableOperating, all: []string{"机关运行经费"}},
	{kind: tableFund, any: []string{"政府性基金", "国有资本经营"}},
	{kind: tableProcurement, all: []string{"政府采购"}},
	// 支出预算总表, 支出决算表, 部门支出总表: basic and project
	{kind: tableExpenditure, suffixes: []string{"支出预算总表"}},
	{kind: tableExpenditure, suffixes: []string{"支出决算表", "支出总表"}, none: []string{"财政拨款", "基金", "三公"}},
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
}

// standardTables are the tables every 部门预算 and 部门决算 publishes (the
// Ministry of Finance's templates), each known by words of its title: all
// of the first list, none of the second.
var standardTables = []struct {
	name      string
	has, hasn []string
}{
	{"收支总表", []string{"收"}, []string{"收入预算总表", "收入决算表", "收入总表", "财政拨款", "一般公共", "基金", "三公", "采购"}},
	{"收入总表", []string{"收入"}, []string{"收支", "收入支出", "财政拨款", "一般公共", "基金", "三公", "采购"}},
	{"支出总表", []string{"支出"}, []string{"收支", "收入支出", "财政拨款", "一般公共", "基金", "国有资本", "三公", "采购", "运行", "基本支出"}},
	{"财政拨款收支总表", []string{"财政拨款", "总表"}, []string{"基金", "三公"}},
	{"一般公共预算支出表", []string{"一般公共预算", "支出"}, []string{"基本支出", "三公", "运行"}},
	{"一般公共预算基本支出表", []string{"基本支出"}, []string{"三公"}},
	{"“三公”经费支出表", []string{"三公"}, nil},
	{"政府性基金预算支出表", []string{"政府性基金"}, nil},
}
