package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// statisticsRows are the rows of a 部门决算相关信息统计表 that hold a
// figure of the model, by the words of their labels (the first that
// matches), with the words that keep a row out (其中：外事接待费 is part of
// 公务接待费, not it).
var statisticsRows = []struct {
	key        string
	words, not []string
}{
	{"total", []string{"支出合计"}, nil},
	{"vehicle", []string{"公务用车购置及运行"}, nil},
	{"vehicle_purchase", []string{"公务用车购置费"}, nil},
	{"vehicle_operation", []string{"公务用车运行"}, nil},
	{"overseas_travel", []string{"因公出国"}, []string{"团组", "人次"}},
	{"reception", []string{"公务接待费"}, []string{"外事", "国内", "国(境)外"}},
	{"operating_costs", []string{"机关运行经费"}, nil},
	{"operating_admin", []string{"行政单位"}, nil},
	{"operating_civil", []string{"参照公务员法管理事业单位"}, nil},
}

// statisticsTable reads a 部门决算相关信息统计表 (the 决算 template of some
// provinces, 2016–2017, in place of the 三公 table): two panels of rows,
// each a label, its 行次 (which the row reader skips) and its 统计数, blank
// where nothing was spent. The 三公 is kept only when its rows add up —
// 支出合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and
// the vehicles' = 购置费 + 运行维护费, each within the rounding of the
// figures it adds —, 机关运行经费 only when it is the sum of its 行政单位 and
// 参照公务员法管理事业单位 rows; otherwise the table is left out with a
// warning. A whole number below 1,000 is a 行次 the row
// reader took for a value — the other panel's, on a line where that panel
// prints no label (25 beside 公务用车购置及运行维护费 3.76) —, never an
// amount: 万元 print two decimals, and an amount in 元 that small reads as
// blank, which the sums then refuse.
func (b *builder) statisticsTable(t table) {
	got := map[string]cell{}
	half := map[string]schema.Money{} // half the unit each figure is printed to: what its rounding may take
	names := statisticsNames(t.rows)
	for i, r := range t.rows {
		name := names[i]
		for _, s := range statisticsRows {
			if _, seen := got[s.key]; seen || !containsAll(name, s.words) || containsAny(name, s.not) {
				continue
			}
			c := cell{line: r.line}
			var vals []token
			for _, v := range r.vals {
				if v.scale > 0 || v.mant >= 1000 {
					vals = append(vals, v)
				}
			}
			if len(vals) > 1 {
				b.warnTable(t, "a row with two figures ("+r.name+"): not this template's, not used")
				return
			}
			if len(vals) == 1 { // its line: the figure's (default mode prints it below the label)
				c = cell{t.value(vals[0]), vals[0].line}
				half[s.key] = t.value(token{mant: 1, scale: vals[0].scale}) / 2
			}
			got[s.key] = c
			break
		}
	}
	// adds tells a figure that is the sum of others, within their rounding
	// (the 2017 template's 支出合计 3.81 of 3.76 and 0.04 万元)
	adds := func(total string, parts ...string) bool {
		d, tol := got[total].v, half[total]
		for _, k := range parts {
			d -= got[k].v
			tol += half[k]
		}
		return d <= tol && -d <= tol
	}
	// a blank is a zero only beside a printed total: where default mode
	// printed the table column by column, the labels stand with no figure
	_, opOK := half["operating_costs"]
	if opOK && !adds("operating_costs", "operating_admin", "operating_civil") {
		b.warnTable(t, "机关运行经费 is not the sum of its 行政单位 and 参照公务员法管理事业单位 rows: not used")
		opOK = false
	}
	delete(got, "operating_admin")
	delete(got, "operating_civil")
	if !opOK {
		delete(got, "operating_costs")
	}
	_, tpOK := half["total"]
	if tpOK && (!adds("total", "overseas_travel", "vehicle", "reception") || !adds("vehicle", "vehicle_purchase", "vehicle_operation")) {
		b.warnTable(t, "its 三公 rows do not add up (支出合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行): not used")
		tpOK = false
	}
	if !tpOK {
		for _, k := range []string{"total", "overseas_travel", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"} {
			delete(got, k)
		}
	}
	b.setThreePublic(got)
}

// statisticsLabels are the labels of the rows statisticsTable reads, as
// printed but for their enumerators, longest first.
var statisticsLabels = []string{"参照公务员法管理事业单位", "公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车运行维护费",
	"公务用车购置费", "公务用车运行费", "因公出国(境)费", "机关运行经费", "公务接待费", "支出合计", "行政单位"}

// statisticsNames are the rows' names, a label wrapped around its figures'
// line made whole: its head keeps the figures, its tail stands on a row of
// its own with no figure, or ends the other panel's row (the row reader
// joined it there: —, 1．部级领导干部用车); a row among the three before it
// whose name the tail completes to a label takes it back (the longest label
// it completes to: 公务用车购置 / 及运行维护费 is not 公务用车购置费).
func statisticsNames(rows []row) []string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = schema.NormalizeName(r.name)
	}
	for i, r := range rows {
		if len(r.vals) > 0 {
			continue
		}
	heads:
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			head := rowName(names[j])
			if head == "" || slices.Contains(statisticsLabels, head) {
				continue // whole already
			}
			for _, l := range statisticsLabels {
				if tail, ok := strings.CutPrefix(l, head); ok && utf8.RuneCountInString(tail) >= 2 && strings.HasSuffix(names[i], tail) {
					names[j] += tail
					names[i] = strings.TrimSuffix(names[i], tail)
					break heads
				}
			}
		}
	}
	return names
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
