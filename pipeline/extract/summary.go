package extract

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// The summary tables: 收支总表 (totals, sources, functional 类, uses of the
// money) and 财政拨款收支总表 (its 总计). Their readers of default-mode cells
// are in cells.go (panelled summaries) and carried.go (a 决算's last rows).

// summary is what one reading of a 收支总表 gives, before it is placed.
type summary struct {
	got        map[string]cell // totals, carried amounts, "src:" sources
	classes    []schema.ClassItem
	classLines []int
	classToks  []token          // the classes' cells as printed
	toks       map[string]token // and those of got
	warnings   []string
	balanced   bool // 收入总计 = 支出总计
	sources    bool // the sources add up
	classed    bool // the functional classes add up
	uses       bool // 基本支出, 项目支出 and the other uses add up
	cells      bool // read from default-mode cells (summaryCells)
	// surplus: its expenditure holds a 结余分配 (no figure of the model)
	// besides the year's and what it carried: those two are not placed
	surplus bool
}

func (s summary) score() int {
	n := 0
	for _, ok := range []bool{s.balanced, s.sources, s.classed, s.uses} {
		if ok {
			n++
		}
	}
	return n
}

// summaryTable reads 收支总表: totals, sources and functional 类. Layout
// text is read both by column and in reading order, default-mode text in
// reading order and by its panels' cells (summaryCells), and the reading
// whose totals, sources and classes add up best is used; false when no
// reading balances (收入总计 = 支出总计).
func (b *builder) summaryTable(t table, lines, flat []string) bool {
	if f := formOf(t, flat); f != nil {
		return b.formTable(t, f, flat)
	}
	if t.grid { // its cells placed in rows and columns (grid.go): the one reading
		return b.summaryRead(t, b.parseSummary(t, t.layout))
	}
	if cur, prior, ok := b.yearColumnRows(t); ok {
		return b.summaryYears(t, cur, prior)
	}
	best := b.parseSummary(t, t.rows)
	for _, rows := range [][]row{t.layout, t.columns} {
		if rows == nil {
			continue
		}
		if s := b.parseSummary(t, rows); s.score() > best.score() {
			best = s
		}
	}
	if best.score() < 4 {
		if rows, cost := summaryCells(t, lines, flat, b.codedClasses()); rows != nil {
			if s := b.parseSummary(t, rows); s.score() > best.score() {
				if more := currentRows(s, best); more != nil {
					if withYear := b.parseSummary(t, append(slices.Clip(rows), more...)); withYear.score() >= s.score() {
						s = withYear
					}
				}
				best, best.cells = s, true
			}
		} else if !best.balanced || !best.sources && !best.classed && !best.uses {
			// no reading, or one of the totals alone (the copies of the
			// total that hold, around the one misprinted)
			b.summaryOff(t, lines, flat, cost)
		}
	}
	return b.summaryRead(t, best)
}

// currentRows are the rows of the current year's subtotals (本年收入合计,
// 本年支出合计) that the reading of a summary's cells leaves out and the
// reading other holds with the amount of the cells' side total: the cells
// place a subtotal only where the total follows its label, yet a side whose
// total is its current year alone (other kept it so, nothing carried) has
// it printed as the total's copy other found. nil for none.
func currentRows(cells, other summary) []row {
	var rows []row
	for _, side := range [...]struct{ key, total, name string }{
		{"revenue_current", "revenue", "本年收入合计"},
		{"expenditure_current", "expenditure", "本年支出合计"},
	} {
		if _, ok := cells.got[side.key]; ok {
			continue
		}
		c, ok := other.got[side.key]
		tok, printed := other.toks[side.key]
		total, whole := cells.got[side.total]
		if !ok || !printed || !whole || c.v != total.v || other.got[side.total].v != c.v {
			continue
		}
		rows = append(rows, row{name: side.name, vals: []token{tok}, line: tok.line})
	}
	return rows
}

// summaryRead places the reading best of the 收支总表 t; false when it does
// not balance.
func (b *builder) summaryRead(t table, best summary) bool {
	for _, w := range best.warnings {
		b.warnTable(t, w)
	}
	b.summaryClaims(t, best)
	b.sumsOff(t, best)
	if !best.balanced {
		return false
	}
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	got := best.got
	set := func(key, path, field string, dst **schema.Money) {
		if f, ok := got[key]; ok {
			b.setTable(path, field, dst, f.v, f.line)
		}
	}
	set("revenue", "/revenue", "/total", &rev.Total)
	set("expenditure", "/expenditure", "/total", &exp.Total)
	set("revenue_current", "/revenue", "/current_year", &rev.CurrentYear)
	set("carried_over", "/revenue", "/carried_over", &rev.CarriedOver)
	if !best.surplus {
		set("expenditure_current", "/expenditure", "/current_year", &exp.CurrentYear)
		set("carried_forward", "/expenditure", "/carried_forward", &exp.CarriedForward)
	}
	if best.sources {
		for _, s := range revenueSources {
			f, ok := got["src:"+s.name]
			if !ok && s.name == "财政拨款" && slices.ContainsFunc(rev.Sources, func(n schema.Named) bool { return n.Name == s.name }) {
				f, ok = onlyAppropriation(got)
			}
			if !ok {
				continue
			}
			i := len(rev.Sources)
			var have *schema.Money
			for k := range rev.Sources {
				if rev.Sources[k].Name == s.name {
					i, have = k, &rev.Sources[k].Amount
				}
			}
			if have == nil {
				rev.Sources = append(rev.Sources, schema.Named{Name: s.name, PartOf: s.partOf})
			}
			b.setTable(fmt.Sprintf("/revenue/sources/%d", i), "/amount", &have, f.v, f.line)
			rev.Sources[i].Amount = *have
		}
	}
	if best.classed {
		year, ok := got["expenditure_current"]
		if !ok {
			year = got["expenditure"]
		}
		if codes, ok := b.allFundsClasses(year.v); ok && !sameCodes(best.classes, codes) {
			// the sums held, yet a figure went to the wrong class name
			b.warnTable(t, fmt.Sprintf("its functional classes are not those of the coded table of all funds (%s): not used", strings.Join(codes, ", ")))
			best.classed = false
		}
	}
	if best.classed {
		b.replaceClasses("/expenditure/by_function/", &exp.ByFunction, best.classes, best.classLines, nil)
	}
	if best.uses && best.cells && !b.usesConfirmed(got["use:基本支出"].v, got["use:项目支出"].v) {
		// placement by adjacency cannot tell the uses apart by their sum:
		// another reading must say the same
		b.warnTable(t, "基本支出 and 项目支出 read from this table's cells are not confirmed by the 支出总表 or the text: not used")
		best.uses = false
	}
	if best.uses {
		b.setBasicProject(got["use:基本支出"], got["use:项目支出"])
		if f, ok := got["use:单位预留机动经费"]; ok {
			b.setFigure("/expenditure/reserve", &exp.Reserve, f)
		}
		b.basicRows(got)
	}
	return true
}

// basicRows places the 日常公用经费 a summary lists under its 基本支出
// (1.工资福利支出, 2.对个人和家庭的补助支出, 3.日常公用经费) as the public
// expenses (公用经费), where the parts it lists add up to the 基本支出.
func (b *builder) basicRows(got map[string]cell) {
	f, ok := got["basic:日常公用经费"]
	if !ok {
		return
	}
	var sum schema.Money
	for k, c := range got {
		if strings.HasPrefix(k, "basic:") {
			sum += c.v
		}
	}
	if sum == got["use:基本支出"].v {
		b.setFigure("/expenditure/public_expenses", &b.doc.Expenditure.PublicExpenses, f)
	}
}

// onlyAppropriation is the 财政拨款 of a summary without a row of that name
// whose sources add up to the year's revenue: its one part printed with a
// figure (一般公共预算, 政府性基金 or 国有资本经营), the others' rows blank or
// not printed being nothing. The text's 财政拨款, in 万元, is then the
// rounding of this cell. None where two parts have figures (their sum is
// printed nowhere).
func onlyAppropriation(got map[string]cell) (cell, bool) {
	var part cell
	n := 0
	for _, s := range revenueSources {
		if f, ok := got["src:"+s.name]; ok && s.partOf == "财政拨款" && f.v != 0 {
			part = f
			n++
		}
	}
	return part, n == 1
}

// allFundsClasses are the 类 codes of the first coded table of all funds
// (支出决算表, 部门支出总表) whose tree adds up and whose 类 make the
// year's expenditure, in order.
func (b *builder) allFundsClasses(year schema.Money) ([]string, bool) {
	for _, tree := range b.coded {
		if !tree.all {
			continue
		}
		var codes []string
		var sum schema.Money
		for _, r := range tree.rows {
			if len(r.code) == 3 {
				codes = append(codes, r.code)
				sum += r.amount.v
			}
		}
		if len(codes) > 0 && sum == year {
			return codes, true
		}
	}
	return nil, false
}

// sameCodes tells whether classes have the codes codes, in any order.
func sameCodes(classes []schema.ClassItem, codes []string) bool {
	if len(classes) != len(codes) {
		return false
	}
	for _, c := range classes {
		if !slices.Contains(codes, c.Code) {
			return false
		}
	}
	return true
}

// usesConfirmed tells whether basic and project expenditure agree with the
// 支出总表's one row or with the text's figures (which round them).
func (b *builder) usesConfirmed(basic, project schema.Money) bool {
	if r := b.expenditureRow; r != nil && r[0] == basic && r[1] == project {
		return true
	}
	e := b.doc.Expenditure
	return e.Basic != nil && e.Project != nil && roundsTo(basic, e.Basic.Amount) && roundsTo(project, e.Project.Amount)
}

// singleRow reads a 支出总表 that has one row of figures (合计 | 基本支出 |
// 项目支出 | the template's other uses) from its cells in reading order:
// basic and project when the first figure is the sum of the others and the
// header names 基本支出 before 项目支出.
func singleRow(t table) *[2]schema.Money {
	var vals []token
	var names strings.Builder
	basic, project := -1, -1
	for k, r := range t.rows {
		if r.code != "" {
			return nil // a row per class: not one row
		}
		switch rowName(r.name) {
		case "基本支出":
			basic = k
		case "项目支出":
			project = k
		}
		vals = append(vals, r.vals...)
		names.WriteString(rowName(r.name))
	}
	if basic < 0 && usesHeader(names.String()) {
		basic, project = 0, 0 // the header's cells run into one name, or a few
	}
	if basic < 0 || project < basic {
		return nil
	}
	if b, p, ok := totalUses(t, vals); ok {
		return &[2]schema.Money{b.v, p.v}
	}
	return nil
}

// usesHeader tells row names that are a 支出总表's header, its cells run
// into one name or a few (pdftotext -raw prints them a space apart, mutool
// some a block, the row's values after them): 合计, then 基本支出, then
// 项目支出.
func usesHeader(name string) bool {
	total, basic := strings.Index(name, "合计"), strings.Index(name, "基本支出")
	return total >= 0 && basic > total && strings.Index(name, "项目支出") > basic
}

// summaryKey tells what a row of 收支总表 holds: a total ("revenue",
// "expenditure", "total" for either side, "revenue_current", …), a revenue
// source ("src:" and its name), a functional class ("class"), a use of the
// money ("use:" and its name), or nothing known ("").
// totalLabels are a summary's labels of its totals, the longer first.
var totalLabels = []string{"本年收入合计", "本年支出合计", "收入总计", "支出总计", "收入合计", "支出合计"}

// ranInto is the total a row's name ends with where the label of the other
// side's row, its amount blank, ran into it (a spreadsheet flattened on
// one line: "三十、结转下年 收入总计 16,745.59" is 收入总计's): the label
// before must be one on its own — a summary's row, a functional class, or
// an enumerated row ("七、用事业基金弥补收支差额"). printed is the name as
// printed (its enumerator kept), name as read; name is returned otherwise.
func ranInto(printed, name string) string {
	for _, l := range totalLabels {
		before, ok := strings.CutSuffix(printed, l)
		if !ok || before == "" {
			continue
		}
		if st, _ := enumOf(before); st != enumNone || summaryKey(rowName(before)) != "" {
			return l
		}
		if _, ok := schema.ClassByName(schema.SchemeFunctional, rowName(before)); ok {
			return l
		}
		return name
	}
	return name
}

func summaryKey(name string) string {
	switch name {
	case "收入总计", "收入合计", "收入总计(含结转)":
		return "revenue"
	case "支出总计", "支出合计":
		return "expenditure"
	case "总计", "合计": // a 决算 summary of 2017 closes with 合计 | 合计
		return "total"
	case "本年收入合计", "当年收入小计":
		return "revenue_current"
	case "本年支出合计", "当年支出小计":
		return "expenditure_current"
	case "年初结转和结余", "上年结转", "上年结转资金", "上年结转结余", "上年结转和结余": // the last a 决算's of 2010
		return "carried_over"
	case "年末结转和结余", "结转下年", "结转下年资金", "年终结转结余":
		return "carried_forward"
	case "用事业基金弥补收支差额": // a 决算's revenue side, between the year and the carried
		return "fund_drawn"
	case "结余分配": // and its expenditure side's
		return "surplus_distributed"
	case "财政拨款收入", "财政拨款", "财政拨款(补助)收入":
		return "src:财政拨款"
	case "一般公共预算资金", "一般公共预算财政拨款收入", "一般公共预算", "一般公共预算收入", "一般公共预算拨款收入", "一般公共预算拨款",
		"公共财政拨款", "公共财政拨款收入", "公共财政预算", "公共财政预算拨款", "公共财政预算拨款收入", "公共预算拨款", "公共预算拨款收入": // its name before 2016
		return "src:一般公共预算"
	case "政府性基金", "政府性基金预算", "政府性基金预算财政拨款", "政府性基金预算财政拨款收入", "政府性基金预算资金", "政府性基金预算拨款收入", "政府性基金预算拨款", "政府性基金拨款", "政府性基金拨款收入":
		return "src:政府性基金"
	case "国有资本经营预算", "国有资本经营预算财政拨款收入", "国有资本经营预算拨款收入", "国有资本经营预算拨款":
		return "src:国有资本经营"
	case "事业收入", "经营收入", "上级补助收入", "附属单位上缴收入", "行政事业性收费收入":
		return "src:" + name
	case "事业单位经营收入":
		return "src:经营收入"
	case "财政专户管理资金", "财政专户管理资金收入", "纳入专户管理的非税收入拨款": // its name before 2015
		return "src:财政专户管理资金"
	case "其他收入", "其他资金":
		return "src:其他收入"
	case "基本支出", "项目支出", "单位预留机动经费", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出":
		return "use:" + name
	case "工资福利支出", "对个人和家庭的补助支出", "对个人和家庭的补助", "日常公用经费":
		return "basic:" + name // the parts of 基本支出 some templates list under it
	}
	if _, ok := schema.ClassByName(schema.SchemeFunctional, name); ok {
		return "class"
	}
	return ""
}

// yearTotals renames a 收入合计 (支出合计) row the year's total, 本年收入合计
// (本年支出合计), when its side closes with 收入总计 (支出总计): some
// templates print 收入合计, 上年结转, 收入总计.
func yearTotals(rows []row) func(name string) string {
	names := map[string]bool{}
	for _, r := range rows {
		names[rowName(r.name)] = true
	}
	return func(name string) string {
		switch {
		case name == "收入合计" && names["收入总计"]:
			return "本年收入合计"
		case name == "支出合计" && names["支出总计"]:
			return "本年支出合计"
		}
		return name
	}
}

// parseSummary reads one row reading of 收支总表 without placing anything.
func (b *builder) parseSummary(t table, rows []row) summary {
	return b.parseSummaryWithin(t, rows, false)
}

// parseSummaryWithin is parseSummary; with rounded, a side's current year
// and what it carried are kept where they make its total within the
// rounding of the three cells (each within half its last digit: a table of
// two years' columns, whose cells are each rounded from yuan).
func (b *builder) parseSummaryWithin(t table, rows []row, rounded bool) summary {
	s := summary{got: map[string]cell{}, toks: map[string]token{}}
	got := s.got
	year := yearTotals(rows)
	blankProject := 0 // the line of a 项目支出 row printed with no figure
	for _, r := range rows {
		if len(r.vals) == 0 {
			if summaryKey(year(rowName(r.name))) == "use:项目支出" {
				blankProject = r.line
			}
			continue
		}
		name := year(rowName(r.name))
		if part, ok := strings.CutPrefix(name, "其中:"); ok && sourcePart(summaryKey(part)) {
			name = part // 其中:政府性基金预算财政拨款, under 财政拨款收入
		}
		if summaryKey(name) == "" {
			name = ranInto(schema.NormalizeName(r.name), name)
		}
		v := cell{t.value(r.vals[0]), r.vals[0].line}
		switch key := summaryKey(name); key {
		case "":
		case "total": // 决算 tables name both sides 总计: revenue first
			if _, ok := got["revenue"]; !ok {
				got["revenue"], s.toks["revenue"] = v, r.vals[0]
			} else {
				got["expenditure"], s.toks["expenditure"] = v, r.vals[0]
			}
		case "class":
			c, _ := schema.ClassByName(schema.SchemeFunctional, name)
			item := schema.ClassItem{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Amount: v.v}
			if name != schema.NormalizeName(c.Name) {
				item.ReportedName = name
			}
			s.classes = append(s.classes, item)
			s.classLines = append(s.classLines, v.line)
			s.classToks = append(s.classToks, r.vals[0])
		default:
			got[key], s.toks[key] = v, r.vals[0]
		}
	}
	// A summary table balances: 收入总计 = 支出总计. Cells that pdftotext
	// emitted column by column do not, and then nothing of the table is used.
	rt, ok1 := got["revenue"]
	et, ok2 := got["expenditure"]
	if !ok1 || !ok2 || rt.v != et.v {
		// a page cut before its 总计 (or in it): the rest is read where
		// each side's parts add up to the same and a 总计 printed is that
		// sum, and no total is taken
		side, ok := sidesAgree(got)
		if cutRows(t, got) {
			s.warnings = append(s.warnings, "the text ends inside this table, before its totals: its rows are read as printed (each cell placed in its row and column by the header), and no total")
			s.balanced = true
			for _, src := range revenueSources {
				_, ok := got["src:"+src.name]
				s.sources = s.sources || ok
			}
			s.classed = len(s.classes) > 0
			_, basic := got["use:基本支出"]
			_, project := got["use:项目支出"]
			s.uses = basic && project
			return s
		}
		if ok1 && ok2 || !ok || ok1 && rt.v != side || ok2 && et.v != side {
			s.warnings = append(s.warnings, "收入总计 and 支出总计 of this table are not both read, or differ: table not used")
			return s
		}
		s.warnings = append(s.warnings, "收入总计 and 支出总计 of this table are not both read; its sides' parts (本年收入合计 and 本年支出合计 with the amounts carried) add up to the same, so the rest is read and no total")
		delete(got, "revenue")
		delete(got, "expenditure")
		rt.v, et.v = side, side
	}
	s.balanced = true
	// the current year and the amounts carried are kept when they add up;
	// a current year equal to the total is kept alone (nothing carried was
	// printed, so nothing is said of it)
	keep := func(current, carried string, total schema.Money) {
		c, ok := got[current]
		var tol schema.Money // half the last digit of each of the three cells
		if rounded {
			for _, k := range []string{current, carried, "revenue", "expenditure"} {
				if tok, ok := s.toks[k]; ok && (k == current || k == carried || strings.HasPrefix(current, k)) {
					tol += t.value(token{mant: 5, scale: tok.scale + 1})
				}
			}
		}
		switch {
		case ok && got[carried].line != 0 && max(got[carried].v+c.v-total, total-got[carried].v-c.v) <= tol:
		case ok && c.v == total:
			delete(got, carried)
		default:
			delete(got, current)
			delete(got, carried)
		}
	}
	keep("revenue_current", "carried_over", rt.v-got["fund_drawn"].v)
	keep("expenditure_current", "carried_forward", et.v-got["surplus_distributed"].v)
	if d := got["surplus_distributed"]; d.v != 0 && got["expenditure_current"].line > 0 {
		// the 结余分配 the total holds is no figure of the model: the year's
		// spending and what it carried forward would not make the total
		s.warnings = append(s.warnings, fmt.Sprintf("its 结余分配 of %s yuan, no figure of the model, is in its 支出总计: 本年支出合计 and 年末结转和结余 are left out (they do not make the total without it)", d.v))
		s.surplus = true
	}
	var top schema.Money
	_, whole := got["src:财政拨款"]
	listed := false
	for _, src := range revenueSources {
		if f, ok := got["src:"+src.name]; ok && (src.partOf == "" || !whole) {
			top += f.v // without a 财政拨款 row, its parts stand on their own
			listed = true
		}
	}
	base := rt.v
	if c, ok := got["revenue_current"]; ok {
		base = c.v
	}
	switch {
	case top == base && listed:
		s.sources = true
	case listed || top != base:
		s.warnings = append(s.warnings, fmt.Sprintf("revenue sources of this table add up to %s yuan, not %s: sources not used", top, base))
	}
	if _, ok := got["use:项目支出"]; !ok && blankProject > 0 {
		got["use:项目支出"] = cell{0, blankProject} // printed blank: nothing
	}
	s.uses = usesAdd(got, et.v)
	if len(s.classes) == 0 {
		return s
	}
	total := et.v
	if c, ok := got["expenditure_current"]; ok {
		total = c.v
	} else if cy := b.doc.Expenditure.CurrentYear; cy != nil {
		total = *cy
	}
	var sum schema.Money
	for _, c := range s.classes {
		sum += c.Amount
	}
	if sum != total {
		s.warnings = append(s.warnings, fmt.Sprintf("functional classes of this table add up to %s yuan, not to its total: not used", sum))
		return s
	}
	s.classed = true
	return s
}

// sourcePart tells a summary key that names a part of a revenue source
// (src:政府性基金, of 财政拨款).
func sourcePart(key string) bool {
	name, ok := strings.CutPrefix(key, "src:")
	for _, s := range revenueSources {
		if ok && s.name == name {
			return s.partOf != ""
		}
	}
	return false
}

// cutRows tells a reading of a table the text ends inside of, whose cells
// grid placed (grid.go), with no total or year's total read:
// its rows stand as printed, with nothing to add them up to.
func cutRows(t table, got map[string]cell) bool {
	if !t.grid || !t.cut {
		return false
	}
	for _, k := range []string{"revenue", "expenditure", "revenue_current", "expenditure_current", "carried_over", "carried_forward"} {
		if _, ok := got[k]; ok {
			return false
		}
	}
	return true
}

// sidesAgree adds up each side of a summary below its year's totals —
// 本年收入合计, 用事业基金弥补收支差额 and the amount carried over; 本年支出合计,
// 结余分配 and the amount carried forward (a row not printed or blank is 0) —
// and tells whether both year's totals are read and the sides are equal.
func sidesAgree(got map[string]cell) (schema.Money, bool) {
	rc, ok1 := got["revenue_current"]
	ec, ok2 := got["expenditure_current"]
	rev := rc.v + got["fund_drawn"].v + got["carried_over"].v
	return rev, ok1 && ok2 && rev == ec.v+got["surplus_distributed"].v+got["carried_forward"].v
}

// usesAdd tells whether a summary names 基本支出 and 项目支出 and its uses
// add up to the expenditure total.
func usesAdd(got map[string]cell, total schema.Money) bool {
	_, basic := got["use:基本支出"]
	_, project := got["use:项目支出"]
	var sum schema.Money
	for k, f := range got {
		if strings.HasPrefix(k, "use:") {
			sum += f.v
		}
	}
	return basic && project && sum == total
}

// fiscalTable reads the 总计 of 财政拨款收支总表, used when both sides agree.
// Layout text has each 总计 first on its row. Default-mode text can gather
// the cells of several rows after a 总计; a 总计 is then the largest figure
// of the table (it sums its side), so when the largest value of each 总计
// row is the same and no value of the table exceeds it, that is the total.
func (b *builder) fiscalTable(t table) {
	reason := ""
	for _, rows := range [][]row{t.rows, t.layout} {
		if rows == nil {
			continue
		}
		if v, line, why := fiscalTotal(t, rows); why == "" {
			b.setTable("/revenue", "/fiscal_total", &b.doc.Revenue.FiscalTotal, v, line)
			b.fiscalTableTotal = v
			return
		} else if reason == "" {
			reason = why
		}
	}
	if reason != "-" {
		b.warnTable(t, reason)
	}
	b.fiscalClaims(t)
	if !t.laid {
		b.keep(t, fiscalOneOff(t, t.rows))
	}
}

// fiscalSides adds up a 财政拨款收支总表 default mode printed whose lines
// name one total a side (收入合计 and 支出合计, or two 总计) and no
// subtotal, carried amount or 其中: each side's parts add up to its total
// and the two totals are one, so all its amounts, in whichever order, add
// up to four times the largest. Where they do not, and one misprint of
// one cell changed back makes them (a reading that took another table's
// cell, or missed one, is not so near), every amount is kept as a levels
// claim (keepLevels).
func (b *builder) fiscalSides(t table, lines, flat []string) {
	if t.laid {
		return
	}
	totals := 0
	for i := t.line; i < t.end && i < len(flat); i++ {
		c := flat[i]
		if containsAny(c, []string{"小计", "结转", "结余", "其中", "上年", "下年"}) {
			return
		}
		totals += strings.Count(c, "合计") + strings.Count(c, "总计")
	}
	if totals != 2 {
		return
	}
	var all []token
	for _, c := range tableCells(t, lines, flat, false) {
		if !isNumberCell(c.text) {
			continue
		}
		tok, ok := cellToken(c.text, c.line)
		switch {
		case !ok || tok.mant < 0:
			return
		case tok.scale > 0:
			all = append(all, tok)
		}
	}
	if len(all) < 4 || !levelsOff(all, 3) {
		return
	}
	b.keepLevels(t, all, 3)
}

// fiscalPairs keeps the one row of a 财政拨款收支总表 default mode printed
// whose 合计 and part differ. Where its header names a 合计 column and the
// parts' columns after it (一般公共预算, 政府性基金, 国有资本经营) and only
// one part holds figures, each row of the expenditure side prints its 合计
// and that part one after the other, equal: the amounts after the header,
// pair by pair. Where three pairs or more are equal and exactly one is
// not, one misprint of one of its cells apart (a digit, a tenfold), the
// pair is kept as table claims, its part against its 合计 (sum.table).
// Two cells of two pairs swapped leave both apart, and nothing is kept.
func (b *builder) fiscalPairs(t table, lines, flat []string) {
	if t.laid {
		return
	}
	cells := tableCells(t, lines, flat, false)
	at := slices.IndexFunc(cells, func(c cellItem) bool { return c.text == "合计" })
	if at < 0 || at+1 == len(cells) || !startsWithAny(dropEnum(cells[at+1].text), []string{"一般公共预算", "政府性基金", "国有资本经营"}) {
		return
	}
	var vals []token
	for _, c := range cells[at+2:] {
		if !isNumberCell(c.text) {
			continue
		}
		tok, ok := cellToken(c.text, c.line)
		if !ok {
			return
		}
		vals = append(vals, tok)
	}
	equal, off := 0, -1
	for k := 0; k+1 < len(vals); k += 2 {
		switch {
		case t.value(vals[k]) == t.value(vals[k+1]):
			equal++
		case off >= 0:
			return // two pairs apart: no one misprint
		default:
			off = k
		}
	}
	if off < 0 || equal < 3 {
		return
	}
	total, part := vals[off], vals[off+1]
	back := func(x, y token) bool { // one misprint of x changed back makes it y
		return slices.Contains(misprints(x, 4), units(y))
	}
	if back(total, part) || back(part, total) {
		b.keep(t, []tableRow{{ref: refFiscal + "pair", tok: total, line: total.line},
			{ref: refFiscal + "pair/part", of: refFiscal + "pair", tok: part, line: part.line}})
	}
}

// fiscalClaims keeps the two 总计 of a 财政拨款收支总表 read by column, where
// they differ, as table claims: the expenditure side's against the revenue
// side's (sum.table), and against the appropriations' total the text
// states (restate.table).
func (b *builder) fiscalClaims(t table) {
	if !t.laid || t.layout == nil {
		return
	}
	var totals []tableRow
	year := yearTotals(t.layout)
	for _, r := range t.layout {
		switch year(rowName(r.name)) {
		case "总计", "收入总计", "支出总计", "收入合计", "支出合计":
			if len(r.vals) > 0 {
				totals = append(totals, tableRow{tok: r.vals[0], line: r.line})
			}
		}
	}
	if len(totals) != 2 || t.value(totals[0].tok) == t.value(totals[1].tok) {
		return
	}
	totals[0].ref = refFiscal + "revenue"
	totals[1].ref, totals[1].of = refFiscal+"expenditure", refFiscal+"revenue"
	b.keepTable(t, totals)
}

// fiscalTotal reads the 总计 of one row reading; why says what failed
// ("-" when the table has no 总计 at all).
func fiscalTotal(t table, rows []row) (v schema.Money, line int, why string) {
	var totals []row
	var top schema.Money
	labels, tops := 0, 0 // 总计 rows, with or without values; values as large as top
	year := yearTotals(rows)
	for _, r := range rows {
		switch year(rowName(r.name)) {
		case "总计", "收入总计", "支出总计", "收入合计", "支出合计":
			labels++
			if len(r.vals) > 0 {
				totals = append(totals, r)
			}
		}
		for _, v := range r.vals {
			switch x := t.value(v); {
			case x > top:
				top, tops = x, 1
			case x == top:
				tops++
			}
		}
	}
	if len(totals) == 0 {
		return 0, 0, "-"
	}
	if len(totals) == 1 && labels == 2 && tops >= 2 {
		// default mode can print a 总计's value before its label, among
		// the rows above: one 总计 holds the table's largest figure, and
		// that figure stands more than once (each side's total)
		for _, v := range totals[0].vals {
			if t.value(v) == top {
				return top, v.line, ""
			}
		}
	}
	if len(totals) != 2 {
		return 0, 0, "the two 总计 of this table are not both read: not used"
	}
	first := func(r row) token { return r.vals[0] }
	largest := func(r row) token {
		m := r.vals[0]
		for _, v := range r.vals {
			if t.value(v) > t.value(m) {
				m = v
			}
		}
		return m
	}
	for _, pick := range []func(row) token{first, largest} {
		a, z := pick(totals[0]), pick(totals[1])
		if t.value(a) == t.value(z) && t.value(a) == top {
			return t.value(a), a.line, ""
		}
	}
	return 0, 0, "the two 总计 of this table differ: not used"
}

// fiscalUses keeps the uses a 财政拨款收支总表 read by column prints on its
// expenditure side (一、基本支出, 二、项目支出, 三、单位预留机动经费 …) where
// they do not add up to its 支出合计, as table claims (sum.table): both
// uses printed, each on its line, and nothing carried to the next year (a
// 决算's 总计 holds 年末结转 as well).
func (b *builder) fiscalUses(t table) {
	if !t.laid || t.layout == nil {
		return
	}
	var uses []tableRow
	var total *tableRow
	seen := map[string]bool{}
	for _, r := range t.layout {
		name := rowName(r.name)
		if strings.Contains(name, "结转") || strings.Contains(name, "结余") {
			if len(r.vals) > 0 && t.value(r.vals[0]) != 0 {
				return
			}
			continue
		}
		if len(r.vals) == 0 || r.vals[0].line != r.line {
			continue
		}
		switch name {
		case "基本支出", "项目支出", "单位预留机动经费", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出":
			if seen[name] {
				return
			}
			seen[name] = true
			uses = append(uses, tableRow{ref: "fiscal:use:" + name, tok: r.vals[0], line: r.line})
		case "支出合计", "支出总计":
			if total != nil {
				return
			}
			total = &tableRow{ref: "fiscal:uses", tok: r.vals[0], line: r.line}
		}
	}
	if total == nil || !seen["基本支出"] || !seen["项目支出"] {
		return
	}
	var sum schema.Money
	for k := range uses {
		sum += t.value(uses[k].tok)
		uses[k].of = total.ref
	}
	if sum == t.value(total.tok) {
		return
	}
	b.keepTable(t, append([]tableRow{*total}, uses...))
}

// fiscalSums keeps the sums of a 财政拨款收支总表 read by column that fail,
// as table claims (sum.table): the functional 类 against the expenditure
// side's total (its 本年支出合计 where one is printed), the sources
// (一般公共预算, 政府性基金, 国有资本经营) against the revenue side's where
// nothing is carried, and — where the header names a 合计 column and two
// kinds of money after it — each 类 row's 合计 against its columns. The
// sums of the 类 and of the sources need every row printing a figure read
// whole: its name known and its cells on its line (a name wrapped over
// lines leaves its cell to a row of no name). The 类 are the
// appropriations' alone, and stand for no model figure.
func (b *builder) fiscalSums(t table) {
	if !t.laid || t.layout == nil {
		return
	}
	year := yearTotals(t.layout)
	got := map[string]tableRow{}
	var classes, sources []tableRow
	var rowed []row             // the rows whose first cell is the 合计 of the others
	header := map[string]bool{} // the keys of the names above the first figure
	started, carried, whole := false, false, true
	for _, r := range t.layout {
		name := year(rowName(r.name))
		key := summaryKey(name)
		if len(r.vals) == 0 {
			header[key] = header[key] || !started
			continue
		}
		started = true
		if r.vals[0].line != r.line || key == "" {
			whole = false // a cell off its name's line, or a name not known (wrapped)
			continue
		}
		cell := tableRow{tok: r.vals[0], line: r.line}
		switch key {
		case "class":
			c, _ := schema.ClassByName(schema.SchemeFunctional, name)
			cell.ref = "fiscal:class:" + c.Code + ":" + strconv.Itoa(r.line)
			classes = append(classes, cell)
			rowed = append(rowed, r)
		case "src:一般公共预算", "src:政府性基金", "src:国有资本经营":
			cell.ref = "fiscal:" + key
			sources = append(sources, cell)
		case "carried_over", "carried_forward":
			carried = carried || t.value(r.vals[0]) != 0
		case "revenue", "expenditure", "total", "revenue_current", "expenditure_current":
			if key == "total" { // revenue first
				key = "revenue"
				if _, ok := got[key]; ok {
					key = "expenditure"
				}
			}
			if _, dup := got[key]; dup {
				return // a row twice: the panels ran together
			}
			got[key] = cell
			if key == "expenditure" || key == "expenditure_current" {
				rowed = append(rowed, r)
			}
		}
	}
	keep := func(sum string, total tableRow, ok bool, parts []tableRow) {
		var s schema.Money
		for _, p := range parts {
			s += t.value(p.tok)
		}
		if !ok || len(parts) == 0 || s == t.value(total.tok) {
			return
		}
		total.ref = "fiscal:sum:" + sum
		kept := []tableRow{total}
		for _, p := range parts {
			p.of = total.ref
			kept = append(kept, p)
		}
		b.keepTable(t, kept)
	}
	if e, ok := got["expenditure_current"]; ok {
		keep("classes", e, whole && len(classes) > 1, classes)
	} else if e, ok := got["expenditure"]; ok && !carried {
		keep("classes", e, whole && len(classes) > 1, classes)
	}
	if r, ok := got["revenue"]; ok && !carried && got["revenue_current"].tok.line == 0 {
		keep("sources", r, whole && len(sources) > 1, sources)
	}
	kinds := 0
	for _, k := range []string{"src:一般公共预算", "src:政府性基金", "src:国有资本经营"} {
		if header[k] {
			kinds++
		}
	}
	if !header["total"] || kinds < 2 {
		return
	}
	for _, r := range rowed {
		if len(r.vals) < 2 || r.vals[len(r.vals)-1].line != r.line {
			continue
		}
		var parts []tableRow
		for k, v := range r.vals[1:] {
			parts = append(parts, tableRow{ref: "fiscal:row:" + strconv.Itoa(r.line) + ":" + strconv.Itoa(k), tok: v, line: r.line})
		}
		keep("row:"+strconv.Itoa(r.line), tableRow{tok: r.vals[0], line: r.line}, true, parts)
	}
}

// A 收支总表 of two years' columns, each side's header a cell a line:
// 2009年决算数, 2010年决算数, 比上年增减% (the year before's, the year's, the
// change), under 收入 and again under 支出; every row prints its three
// cells, its revenue's then its expenditure's, and the last row — the 总计,
// its label lost — the two totals of each side without a change.

// yearColumnRows reads such a table's rows twice: as the year's (cur, each
// row its year's cell) and as the year before's (prior). The header names
// two years, the document's and the one before (or, the document's year
// unknown, the later is the year's), and each side's columns alike; a row
// of other than the columns' number of cells, but for the last one
// (its 总计's cells after its own, the two sides alike in each year), and
// nothing is read this way.
func (b *builder) yearColumnRows(t table) (cur, prior []row, ok bool) {
	var head []string
	first := slices.IndexFunc(t.rows, func(r row) bool { return len(r.vals) > 0 })
	if first < 1 {
		return nil, nil, false
	}
	for _, r := range t.rows[:first] {
		cells, ok := yearHeadCells(strings.ReplaceAll(rowName(r.name), " ", ""))
		if !ok {
			return nil, nil, false
		}
		head = append(head, cells...)
	}
	// the side's columns: the header's cells up to their first repeat
	w := len(head)
	for k := 1; k < len(head); k++ {
		if head[k] == head[0] {
			w = k
			break
		}
	}
	if w < 2 || len(head) != 2*w || !slices.Equal(head[:w], head[w:]) {
		return nil, nil, false
	}
	years := map[int]int{} // year → its column
	for k, h := range head[:w] {
		if y, _, ok := yearRowLabel(h); ok {
			if _, twice := years[y]; twice {
				return nil, nil, false
			}
			years[y] = k
			continue
		}
		if !strings.Contains(h, "增减") && !strings.Contains(h, "%") {
			return nil, nil, false
		}
	}
	if len(years) != 2 {
		return nil, nil, false
	}
	late := slices.Max(slices.Collect(maps.Keys(years)))
	if fy := b.doc.Document.FiscalYear; fy != 0 && fy != late {
		return nil, nil, false
	}
	ci, ok1 := years[late]
	pi, ok2 := years[late-1]
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	last := -1
	for k, r := range t.rows {
		if len(r.vals) > 0 {
			last = k
		}
	}
	for k, r := range t.rows[first:] {
		k += first
		switch {
		case len(r.vals) == 0:
			cur, prior = append(cur, r), append(prior, r)
			continue
		case len(r.vals) == w:
		case k == last && len(r.vals) == w+4:
		default:
			return nil, nil, false
		}
		c, p := r, r
		c.vals, p.vals = []token{r.vals[ci]}, []token{r.vals[pi]}
		cur, prior = append(cur, c), append(prior, p)
		if len(r.vals) == w {
			continue
		}
		// the 总计's cells: each side the year before's and the year's,
		// in the header's order of the two
		tot := r.vals[w:]
		if t.value(tot[0]) != t.value(tot[2]) || t.value(tot[1]) != t.value(tot[3]) {
			return nil, nil, false
		}
		tc, tp := 1, 0
		if ci < pi {
			tc, tp = 0, 1
		}
		for range 2 {
			cur = append(cur, row{name: "总计", vals: []token{tot[tc]}, line: tot[tc].line})
			prior = append(prior, row{name: "总计", vals: []token{tot[tp]}, line: tot[tp].line})
		}
	}
	return cur, prior, true
}

// yearHeadCell is a header cell of a table of two years' columns: a year's
// (2009年决算数, 2010年度预算数) or the change's (比上年增减%, 增减率).
var yearHeadCell = regexp.MustCompile(`^(?:20\d\d年度?(?:决算|预算)数|(?:比上年)?增减(?:%|率|幅度|\(%\))?)`)

// yearHeadCells splits a header line of such cells, run together where
// the text printed them on lines of their own with no blank line between.
func yearHeadCells(s string) ([]string, bool) {
	var cells []string
	for s != "" {
		m := yearHeadCell.FindString(s)
		if m == "" {
			return nil, false
		}
		cells, s = append(cells, m), s[len(m):]
	}
	return cells, len(cells) > 0
}

// summaryYears reads a 收支总表 of two years' columns (yearColumnRows): the
// year's cells as a summary's, and, where both years' readings balance, the
// year before's 本年收入合计 and 本年支出合计 as the prior years.
func (b *builder) summaryYears(t table, cur, prior []row) bool {
	s := b.parseSummaryWithin(t, cur, true)
	if !b.summaryRead(t, s) {
		return false
	}
	p := b.parseSummaryWithin(t, prior, true)
	if !p.balanced {
		return true
	}
	for _, side := range []struct {
		key, path string
		dst       **schema.Money
	}{{"revenue_current", "/revenue", &b.doc.Revenue.PriorYear}, {"expenditure_current", "/expenditure", &b.doc.Expenditure.PriorYear}} {
		if c, ok := p.got[side.key]; ok {
			b.setTable(side.path, "/prior_year", side.dst, c.v, c.line)
		}
	}
	return true
}
