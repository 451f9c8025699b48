package extract

import (
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Two tables of 财政部's 部门决算 template that hold figures the model
// has: 政府性基金预算财政拨款收入支出决算表 (the government funds' spending)
// and, in the 2016–2017 template, 部门决算相关信息统计表 (the 三公 and
// 机关运行经费). Both print blank cells as nothing, so that default-mode
// text and web pages, which drop them, keep only the figures: where each
// one stands is told by the tables' arithmetic (the fund table) or by the
// 行次 numbers (the statistics table).

// fundColumns are the columns of the fund table, left to right.
var fundColumns = []string{"年初结转和结余", "本年收入", "本年支出", "基本支出", "项目支出", "年末结转和结余"}

const (
	fundOpening = iota
	fundRevenue
	fundSpent
	fundBasic
	fundProject
	fundClosing
)

// within tells whether two amounts agree up to the rounding of terms
// printed figures, each rounded to unit (fen): half a unit each.
func within(a, b schema.Money, terms int, unit int64) bool {
	d := int64(a - b)
	if d < 0 {
		d = -d
	}
	return 2*d <= unit*int64(terms)
}

// unitOf is the fen a token's last printed digit stands for.
func (t table) unitOf(v token) int64 {
	u := t.factor * 100
	for k := 0; k < v.scale; k++ {
		u /= 10
	}
	return max(u, 1)
}

// fundPlacements are the ways the values of one row of the fund table fit
// its columns, keeping their order, blanks zero: 小计 = 基本 + 项目 and
// 年初 + 收入 − 支出 = 年末, up to rounding. Each is the column of each value.
func fundPlacements(t table, vals []token) [][]int {
	n := len(fundColumns)
	if len(vals) == 0 || len(vals) > n {
		return nil
	}
	var unit int64 = 1
	for _, v := range vals {
		unit = max(unit, t.unitOf(v))
	}
	var out [][]int
	pos := make([]int, len(vals))
	for i := range pos {
		pos[i] = i
	}
	for {
		var c [6]schema.Money
		for k, p := range pos {
			c[p] = t.value(vals[k])
		}
		if within(c[fundSpent], c[fundBasic]+c[fundProject], 3, unit) &&
			within(c[fundOpening]+c[fundRevenue], c[fundSpent]+c[fundClosing], 4, unit) {
			out = append(out, append([]int(nil), pos...))
		}
		if !nextCombination(pos, n) {
			return out
		}
	}
}

// maxFundReadings bounds the readings of a fund table tried.
const maxFundReadings = 1 << 16

// fundFinalTable reads 政府性基金预算财政拨款收入支出决算表: its 合计 row
// and the rows of the highest level of function codes printed (类, else
// 款, else 项), whose columns add up to the 合计's. Every placement of
// each row's values that keeps the row's identities and the columns' sums
// is a reading; the 合计's 本年支出 is the government funds' spending when
// every reading puts the same printed cell there. A table without figures
// is read as the fund table is (a note that it is empty).
func (b *builder) fundFinalTable(t table, flat []string) {
	t.rows = codesBefore(t.rows)
	var total *row
	level := 0
	for i, r := range t.rows {
		if len(r.vals) == 0 {
			continue
		}
		if isTotal(rowName(r.name)) && total == nil && r.code == "" {
			total = &t.rows[i]
		} else if n := len(r.code); n > 0 && (level == 0 || n < level) {
			level = n
		}
	}
	if total == nil {
		if slices.ContainsFunc(t.rows, func(r row) bool { return len(r.vals) > 0 }) {
			b.warnTable(t, "its figures follow no 合计 row (a table printed column by column?): not used")
			return
		}
		b.emptyFund(t, flat)
		return
	}
	rows := []row{*total}
	for _, r := range t.rows {
		if len(r.vals) > 0 && level > 0 && len(r.code) == level {
			rows = append(rows, r)
		}
	}
	cands := make([][][]int, len(rows))
	readings := 1
	for i, r := range rows {
		cands[i] = fundPlacements(t, r.vals)
		readings *= max(len(cands[i]), 1)
		switch {
		case len(cands[i]) == 0:
			b.warnTable(t, "no placement of the values of the row "+rowName(r.name)+" in the columns "+strings.Join(fundColumns, ", ")+" adds up (blank cells dropped): not used")
			return
		case readings > maxFundReadings:
			b.warnTable(t, "its rows' values can be placed in too many ways to try (blank cells dropped): not used")
			return
		}
	}
	var unit int64 = 1
	for _, r := range rows {
		for _, v := range r.vals {
			unit = max(unit, t.unitOf(v))
		}
	}
	// the spending cell of the 合计 in each reading (-1: blank)
	spent, found := -2, 0
	choice := make([]int, len(rows))
	var try func(i int)
	try = func(i int) {
		if i < len(rows) {
			for k := range cands[i] {
				choice[i] = k
				try(i + 1)
			}
			return
		}
		if len(rows) > 1 {
			var sums, want [6]schema.Money
			for k, p := range cands[0][choice[0]] {
				want[p] = t.value(rows[0].vals[k])
			}
			for j := 1; j < len(rows); j++ {
				for k, p := range cands[j][choice[j]] {
					sums[p] += t.value(rows[j].vals[k])
				}
			}
			for c := range sums {
				if !within(sums[c], want[c], len(rows), unit) {
					return
				}
			}
		}
		s := -1
		for k, p := range cands[0][choice[0]] {
			if p == fundSpent {
				s = k
			}
		}
		if found == 0 {
			spent = s
		} else if spent != s {
			spent = -2
		}
		found++
	}
	try(0)
	switch {
	case found == 0:
		b.warnTable(t, "no placement of its values in the columns "+strings.Join(fundColumns, ", ")+" adds up, row by row and column by column (blank cells dropped): not used")
		return
	case spent < 0:
		b.warnTable(t, "its values do not tell one printed 本年支出 cell of its 合计 row (blank cells dropped, more than one placement adds up, or none prints it): not used")
		return
	}
	v := total.vals[spent]
	b.setFigure("/government_fund", &b.doc.GovernmentFund, cell{t.value(v), v.line})
}

// codesBefore gives back to their rows the 项 codes (7 digits) printed
// alone before their names with no 类 row above them, which the rows'
// reader takes for the last value of the row before: a code of a known
// function 类, last of its row, before a row with a name and no code, in
// a table where no row has a code.
func codesBefore(rows []row) []row {
	if slices.ContainsFunc(rows, func(r row) bool { return r.code != "" }) {
		return rows // the reader placed the codes
	}
	rows = slices.Clone(rows)
	for i := 0; i+1 < len(rows); i++ {
		r := &rows[i]
		n := len(r.vals)
		if n == 0 || rows[i+1].code != "" || rows[i+1].name == "" {
			continue
		}
		v := r.vals[n-1]
		code := strconv.FormatInt(v.mant, 10)
		if _, known := schema.LookupCode(schema.SchemeFunctional, code[:min(3, len(code))]); !known || v.scale != 0 || len(code) != 7 {
			continue
		}
		r.vals = slices.Clone(r.vals[:n-1])
		rows[i+1].code = code
	}
	return rows
}

// emptyFund reads a fund table without figures: zero when a note says it
// is empty (注：我单位无2017年政府性基金支出安排。).
func (b *builder) emptyFund(t table, flat []string) {
	path, dst := "/government_fund", &b.doc.GovernmentFund
	if strings.Contains(t.title, "国有资本经营") {
		path, dst = "/state_capital", &b.doc.StateCapital
	}
	if *dst != nil {
		return
	}
	for _, r := range t.rows {
		if len(r.vals) > 0 {
			return
		}
	}
	for i := t.line; i < t.end && i < len(flat); i++ {
		note := (strings.HasPrefix(flat[i], "注:") || strings.HasPrefix(flat[i], "说明:")) && strings.Contains(flat[i], "无")
		for _, e := range emptyTable {
			if note || strings.Contains(flat[i], e) {
				b.doc.Provenance[path+"/amount"] = schema.Source{Line: i + 1, Text: strings.TrimSpace(b.st.src[i])}
				*dst = &schema.Figure{}
				return
			}
		}
	}
}

// statRow is a row of the statistics table: its label, its 行次, the
// values printed after it and the line of its label (of its 行次 when it
// has none); left when its 行次 is of the first panel.
type statRow struct {
	label string
	num   int
	vals  []token
	line  int
	left  bool
}

// statisticsRows reads the rows of 部门决算相关信息统计表, two panels side
// by side (rows 1–21 left, 22–42 right in the 2017 template), in reading
// order: each label is followed by its 行次, then its value if any. A
// number is a 行次 when it follows a label, or when it is the next one of
// either panel (a row with no label); the numbers after 栏次 number the
// columns. Any other number is the value of the row before. A long label
// of the left panel can wrap around its row's line: what precedes the
// next label but does not open a row (an enumerator, 其中) ends the last
// left row's label; a label that opens a row but is followed by another
// before any number names the last left row, printed without one.
func statisticsRows(t table, lines []string) []statRow {
	var rows []statRow
	var pieces []string
	var at []int         // the line of each piece
	next := [2]int{1, 0} // the next 行次 of each panel (0: not seen)
	columns := false
	opens := func(p string) bool { return startsItem(p) || strings.HasPrefix(p, "其中") }
	lastLeft := func() *statRow {
		for k := len(rows) - 1; k >= 0; k-- {
			if rows[k].left {
				return &rows[k]
			}
		}
		return nil
	}
	// label takes the pieces before a number: earlier rows' ends and
	// labels go to the last left row, the last one is the number's row's
	// (with the line it begins on)
	label := func() (string, int) {
		var segs []string
		from := 0
		for k, p := range pieces {
			if len(segs) == 0 || opens(p) {
				segs, from = append(segs, p), at[k]
			} else {
				segs[len(segs)-1] += p
			}
		}
		pieces, at = pieces[:0], at[:0]
		if len(segs) == 0 {
			return "", 0
		}
		for _, sg := range segs[:len(segs)-1] {
			if r := lastLeft(); r != nil && (!opens(sg) || r.label == "") {
				r.label += sg
			}
		}
		return segs[len(segs)-1], from
	}
	for i := t.line; i < t.end && i < len(lines); i++ {
		for _, c := range cellsOf(lines[i]) {
			// a cell's bar is no part of it ("2 |", "（一）支出合计 |")
			cc := strings.TrimRight(compact(schema.NormalizeName(c)), "|")
			if endsTable(cc) {
				return rows
			}
			if !isNumberCell(cc) {
				if cc != "—" && cc != "-" && cc != "--" && cc != "" {
					pieces, at = append(pieces, cc), append(at, i+1)
				}
				continue
			}
			l, from := label()
			if strings.Contains(l, "栏次") {
				columns = true
			} else if l != "" {
				columns = false
			}
			if columns {
				continue
			}
			n, ok := rowNumber(cc)
			if !ok {
				n = -1
			}
			switch {
			case n > 0 && (l != "" || n == next[0] || n == next[1]):
				left := n == next[0]
				if left {
					next[0]++
				} else {
					next[1] = n + 1
				}
				if from == 0 {
					from = i + 1
				}
				rows = append(rows, statRow{label: l, num: n, line: from, left: left})
			case len(rows) > 0 && l == "":
				if v, ok := cellToken(cc, i+1); ok {
					rows[len(rows)-1].vals = append(rows[len(rows)-1].vals, v)
				}
			default:
				return nil // a number after a label that is no 行次: not this template
			}
		}
	}
	return rows
}

// statisticsParts are the money rows of the statistics table: the key
// setThreePublic takes (or a part of a key's sum), and the label's test.
var statisticsParts = []struct {
	key   string
	match func(l string) bool
}{
	{"total", func(l string) bool { return strings.HasSuffix(l, "支出合计") }},
	{"overseas_travel", func(l string) bool { return strings.HasSuffix(l, "因公出国(境)费") }},
	{"vehicle", func(l string) bool { return strings.Contains(l, "公务用车购置及运行") }},
	{"vehicle_purchase", func(l string) bool { return strings.HasSuffix(l, "公务用车购置费") }},
	{"vehicle_operation", func(l string) bool { return strings.Contains(l, "公务用车运行") && strings.HasSuffix(l, "费") }},
	{"reception", func(l string) bool { return strings.HasSuffix(l, "公务接待费") }},
	{"reception_domestic", func(l string) bool { return strings.HasSuffix(l, "国内接待费") }},
	{"reception_foreign", func(l string) bool { return strings.HasSuffix(l, "国(境)外接待费") }},
	{"operating_costs", func(l string) bool { return strings.HasSuffix(l, "机关运行经费") }},
	{"operating_admin", func(l string) bool { return strings.HasSuffix(l, "行政单位") }},
	{"operating_civil", func(l string) bool { return strings.Contains(l, "参照公务员法管理") }},
}

// statisticsSums are the table's identities: the first of each is the
// sum of the others.
var statisticsSums = [][]string{
	{"total", "overseas_travel", "vehicle", "reception"},
	{"vehicle", "vehicle_purchase", "vehicle_operation"},
	{"reception", "reception_domestic", "reception_foreign"},
	{"operating_costs", "operating_admin", "operating_civil"},
}

// statisticsTable reads 部门决算相关信息统计表: the 三公 (支出合计 and its
// parts) and 机关运行经费. Each is the value printed after its 行次, a
// blank cell zero; the parts must add up to their sums (up to the
// rounding of the printed figures), or the table is left out with a
// warning. A panel whose sum is blank is not read. The figures restate or
// replace the text's, as the 三公 table's do.
func (b *builder) statisticsTable(t table, lines []string) {
	got := map[string]cell{}
	blank := map[string]bool{}
	var unit int64 = 1
	rows := statisticsRows(t, lines)
	if rows == nil {
		b.warnTable(t, "a figure follows a label where its 行次 should: the rows are not told apart, not used")
		return
	}
	for _, r := range rows {
		for _, p := range statisticsParts {
			if !p.match(r.label) {
				continue
			}
			if _, dup := got[p.key]; dup || len(r.vals) > 1 {
				b.warnTable(t, "the row "+r.label+" is printed twice or holds more than one value: not used")
				return
			}
			if len(r.vals) == 0 {
				got[p.key], blank[p.key] = cell{line: r.line}, true
			} else {
				got[p.key] = cell{t.value(r.vals[0]), r.vals[0].line}
				unit = max(unit, t.unitOf(r.vals[0]))
			}
			break
		}
	}
	failed := map[string]bool{} // the sums that do not add up: their panel is left out
	for _, s := range statisticsSums {
		var parts schema.Money
		all := true
		for _, p := range s {
			_, ok := got[p]
			all = all && ok
			parts += got[p].v
		}
		if !all {
			continue // the panel is not read: total or operating_costs missing below
		}
		parts -= got[s[0]].v
		if !within(got[s[0]].v, parts, len(s), unit) {
			b.warnTable(t, "its rows of "+s[0]+" and its parts do not add up: that panel not used")
			failed[s[0]] = true
		}
	}
	out := map[string]cell{}
	for k, c := range got {
		if !strings.Contains(k, "_") || k == "overseas_travel" || strings.HasPrefix(k, "vehicle_") || k == "operating_costs" {
			out[k] = c
		}
	}
	// a panel is read only with its sum printed and all its identities whole
	keep := func(sum string, keys ...string) {
		ok := !blank[sum] && !failed[sum]
		for _, k := range keys {
			ok = ok && !failed[k]
		}
		for _, k := range append(keys, sum) {
			_, has := got[k]
			ok = ok && has
		}
		if !ok {
			if !blank[sum] && got[sum].line > 0 && !failed[sum] {
				b.warnTable(t, "its rows of "+sum+" are not all found: not used")
			}
			delete(out, sum)
			for _, k := range keys {
				delete(out, k)
			}
		}
	}
	// the reception's parts (国内接待费, 国（境）外接待费) are rows of the 2017
	// template the 2016 one does not print: where neither is there, the
	// reception stands alone
	parts := []string{"overseas_travel", "vehicle", "reception", "vehicle_purchase", "vehicle_operation"}
	_, domestic := got["reception_domestic"]
	_, foreign := got["reception_foreign"]
	if domestic || foreign {
		parts = append(parts, "reception_domestic", "reception_foreign")
	}
	keep("total", parts...)
	keep("operating_costs", "operating_admin", "operating_civil")
	if len(out) > 0 {
		b.setThreePublic(out)
	}
}
