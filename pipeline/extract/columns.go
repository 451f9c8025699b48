package extract

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/schema"
)

// A table of one row under a header of several lines — the 三公 table —
// can only be read by position: pdftotext -layout keeps every character at
// its column, so a value belongs to the header label above it. Default-mode
// text has no positions, and such a table is then left to the narrative.

// segment is a run of text on one line with the columns it spans.
type segment struct {
	text       string
	start, end int // rune columns
}

func (s segment) center() float64 { return float64(s.start+s.end) / 2 }

// segmentsOf splits a line at runs of two or more spaces (segmentsSplit,
// kept for the line's next ask).
func segmentsOf(line string) []segment { return segmentsMemo.get(line) }

var segmentsMemo = lineMemo[segment]{of: segmentsSplit}

// segmentsSplit is segmentsOf of a line not kept. A segment's text is the
// folded line from its first rune to the break, trimmed (of the one space
// before a break), not copied rune by rune.
func segmentsSplit(line string) []segment {
	var out []segment
	f := fold(line)
	if !utf8.ValidString(f) {
		f = string([]rune(f)) // each byte that is no UTF-8 read as U+FFFD, as range reads it
	}
	col, start, from := 0, -1, 0 // from: the byte start
	spaces := 0
	flush := func(end, to int) {
		if start >= 0 {
			out = append(out, segment{strings.TrimSpace(f[from:to]), start, end})
		}
		start = -1
	}
	for i, r := range f {
		switch {
		case r == '\t': // a tab alone separates cells (web pages' tables)
			flush(col-spaces, i)
			spaces = 2
		case r == ' ':
			spaces++
			if spaces >= 2 {
				flush(col-spaces+1, i)
			}
		default:
			if start < 0 {
				start, from = col, i
			}
			spaces = 0
		}
		col++
	}
	flush(col, len(f))
	return out
}

// valueSegments splits a line of values into its cells: at runs of
// spaces, and at a single space between two numbers (two cells printed
// close together: "267.80 156.55").
func valueSegments(line string) []segment {
	var out []segment
	for _, sg := range segmentsOf(line) {
		pieces := strings.Split(sg.text, " ")
		if len(pieces) < 2 || slices.ContainsFunc(pieces, func(p string) bool { return !isNumberCell(p) }) {
			out = append(out, sg)
			continue
		}
		at := sg.start
		for _, p := range pieces {
			n := utf8.RuneCountInString(p)
			out = append(out, segment{p, at, at + n})
			at += n + 1
		}
	}
	return out
}

// headerSegments splits a header line into its labels: at runs of spaces,
// and at a single space between two Chinese words, which no label holds
// ("公务接待 会议费": two columns printed close together).
func headerSegments(line string) []segment {
	var out []segment
	for _, sg := range segmentsOf(line) {
		rs := []rune(sg.text)
		from := 0
		for k := 1; k+1 < len(rs); k++ {
			if rs[k] == ' ' && rs[k-1] > unicode.MaxASCII && rs[k+1] > unicode.MaxASCII {
				out = append(out, segment{string(rs[from:k]), sg.start + from, sg.start + k})
				from = k + 1
			}
		}
		out = append(out, segment{string(rs[from:]), sg.start + from, sg.end})
	}
	return out
}

// column is a header label assembled from the segments stacked above a value.
type column struct {
	label  string
	center float64
	value  *token
}

// cell is a figure read from a table, with the 1-based line it came from.
type cell struct {
	v    schema.Money
	line int
}

// threePublicTable reads the 三公 table: by column where the text keeps
// positions (pdftotext -layout), otherwise by its identities (default mode,
// where blank cells leave no trace).
func (b *builder) threePublicTable(t table, lines, flat []string) {
	got, found, unaligned := b.threePublicByColumn(t, lines)
	if !found {
		got = b.threePublicByIdentity(t, lines, flat, unaligned)
	}
	if got != nil {
		b.setThreePublic(got)
	}
}

// threePublicByColumn reads the table by column: the labels above each
// value say which part it is. A 决算 table's header ends in a row of
// 预算数/决算数 pairs, one pair under each part. found is false when the
// table has no line of values to read (default-mode text), or unaligned
// when its labels' positions tell no value's column (a converter's bars).
func (b *builder) threePublicByColumn(t table, lines []string) (got map[string]cell, found, unaligned bool) {
	// the value row: the first line below the title made of numbers only
	valueLine := -1
	var values []segment
	for i := t.line; i < len(lines) && i < t.line+40; i++ {
		segs := valueSegments(lines[i])
		all := len(segs) > 0
		texts := make([]string, len(segs))
		for k, sg := range segs {
			all = all && isNumberCell(sg.text)
			texts[k] = sg.text
		}
		if columnNumbering(texts) { // the template's 1 2 3 … under the header
			continue
		}
		if all && (len(segs) >= 3 || i > 0 && pairHeader(lines[i-1]) != nil || i > 1 && pairHeader(lines[i-2]) != nil) {
			valueLine, values = i, segs
			break
		}
	}
	if valueLine < 0 {
		return nil, false, false
	}
	// header labels: segments between the title and the value row, stacked
	// by column; wide labels that span several columns are left out
	var cols []*column
	var pairs []segment
	groups := map[string]bool{}
	var years []yearGroup
	for i := t.line; i < valueLine; i++ {
		l := compact(lines[i])
		if strings.Contains(l, "单位:") || strings.Contains(l, "部门:") || strings.Contains(l, "部门名称:") || strings.HasSuffix(l, "表") {
			continue
		}
		if p := pairHeader(lines[i]); p != nil {
			pairs = p
			continue
		}
		if columnNumbering(strings.Fields(lines[i])) {
			continue
		}
		for _, sg := range headerSegments(lines[i]) {
			if strings.Contains(sg.text, "三公") || strings.Contains(sg.text, "购置") && strings.Contains(sg.text, "运行") {
				continue
			}
			if sg.text == "预算数" || sg.text == "决算数" { // over a group of columns
				groups[sg.text] = true
				continue
			}
			if other, own := b.yearWords(sg.text); other || own { // 2024年预算数 over a year's columns
				years = append(years, yearGroup{sg.center(), own && !other})
				continue
			}
			var near *column
			for _, c := range cols {
				if d := c.center - sg.center(); d < 3 && d > -3 {
					near = c
				}
			}
			if near == nil {
				near = &column{center: sg.center()}
				cols = append(cols, near)
			}
			near.label += sg.text
		}
	}
	// a lone character left of its label's column ("费" of 公务接待费, the
	// label wrapped off-centre) joins the nearest column while there are
	// more labels than values
	for len(cols) > len(values) {
		k := slices.IndexFunc(cols, func(c *column) bool { return utf8.RuneCountInString(c.label) == 1 })
		if k < 0 {
			break
		}
		lone := cols[k]
		cols = slices.Delete(cols, k, k+1)
		near := nearest(cols, lone.center)
		if near == nil {
			break
		}
		near.label += lone.label
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].center < cols[j].center })
	if len(years) > 0 && !ownYearColumns(cols, years) {
		if got := b.threePublicByYearRows(t, lines); got != nil { // a row a part (a wrapped name's values alone on their line)
			return got, true, false
		}
		if got := b.threePublicByYearTokens(t, lines, valueLine); got != nil { // cells a space apart
			return got, true, false
		}
		b.warnTable(t, "this table holds another year's figures beside the year's, in columns not told apart: not used")
		return nil, true, false
	}
	if pairs == nil && groups["预算数"] && groups["决算数"] {
		// the 决算 template: every part under 预算数, then every part again
		// under 决算数 — the two halves' labels must be the same parts
		half := len(cols) / 2
		same := len(cols)%2 == 0 && half > 0
		for k := 0; same && k < half; k++ {
			same = threePublicKey(cols[k].label) == threePublicKey(cols[k+half].label) && threePublicKey(cols[k].label) != ""
		}
		if !same {
			b.warnTable(t, "the 预算数 and 决算数 groups of this table do not have the same columns: not used")
			return nil, true, false
		}
		for k, c := range cols {
			c.label += [2]string{"/预算数", "/决算数"}[k/half]
		}
	}
	if pairs != nil {
		// one 预算数/决算数 pair under each part, in the parts' order
		if len(pairs) != 2*len(cols) {
			b.warnTable(t, "the 预算数/决算数 columns of this table do not pair with its parts: not used")
			return nil, true, false
		}
		leaves := cols
		cols = nil
		for k, p := range pairs {
			cols = append(cols, &column{label: leaves[k/2].label + "/" + p.text, center: p.center()})
		}
	}
	// values pair with labels in order (labels are centred over
	// right-aligned numbers, so positions alone can mislead); with fewer
	// values than labels (blank cells), the labels left without one are
	// those whose leaving out lines the values up best with the rest, or,
	// when no way is clearly best, each value goes to the nearest label
	assign, aligned := alignColumns(cols, values)
	for k, v := range values {
		var best *column
		if aligned {
			best = cols[assign[k]]
		} else {
			best = nearest(cols, v.center())
		}
		if best == nil || best.value != nil || !aligned && abs(best.center-v.center()) > 12 {
			// the positions tell no column: the cells' order and sums may —
			// its values a space apart (pdftotext -raw), as default-mode
			// text's; in a converter's bars (two rows of labels), not which
			// of 购置 and 运行 comes first either
			return nil, false, len(segmentsOf(lines[valueLine])) != 1
		}
		toks := lexNumbers(v.text)
		if len(toks) != 1 {
			return nil, true, false
		}
		toks[0].line = valueLine + 1
		best.value = &toks[0]
	}
	// the year's columns all blank beside another year's printed: nothing
	// spent this year (each value under a label of the other year)
	if len(years) > 0 && !slices.ContainsFunc(cols, func(c *column) bool { return c.value != nil && !strings.HasPrefix(c.label, "other:") }) {
		got = map[string]cell{"total": {0, valueLine + 1}}
		for _, k := range append([]string{"vehicle"}, threePublicParts...) {
			got[k] = cell{0, valueLine + 1}
		}
		return got, true, false
	}
	got = map[string]cell{}
	var totals []*column
	for _, c := range cols {
		if c.value == nil {
			continue
		}
		key := threePublicKey(c.label)
		if key == "total" {
			totals = append(totals, c)
		} else if key != "" {
			got[key] = cell{t.value(*c.value), c.value.line}
		}
	}
	// a side is read when one of its 合计/小计 equals the sum of its parts
	read := false
	for _, side := range []string{"", "budgeted:"} {
		var sum schema.Money
		parts := 0
		for _, k := range threePublicParts {
			if c, ok := got[side+k]; ok {
				sum += c.v
				parts++
			}
		}
		if parts == 0 {
			continue
		}
		var total *column
		for _, c := range totals {
			if strings.HasSuffix(c.label, "预算数") == (side != "") && t.value(*c.value) == sum {
				got[side+"total"] = cell{sum, c.value.line}
				total, read = c, true
				break
			}
		}
		// another 小计, right of the total, that is 购置 + 运行 (a blank
		// column is nothing spent) is the vehicle subtotal
		p, okP := got[side+"vehicle_purchase"]
		o, okO := got[side+"vehicle_operation"]
		for _, c := range totals {
			if total != nil && c.center > total.center && (okP || okO) && t.value(*c.value) == p.v+o.v &&
				strings.HasSuffix(c.label, "预算数") == (side != "") {
				got[side+"vehicle"] = cell{p.v + o.v, c.value.line}
			}
		}
		if _, ok := got[side+"total"]; !ok {
			for _, k := range threePublicParts {
				delete(got, side+k)
			}
			delete(got, side+"vehicle")
		}
	}
	if aligned {
		b.besideColumns(t, cols)
	}
	if aligned { // the values pair with the labels in order: the table's sums as printed
		var kept []tableRow
		for _, side := range []string{"", "budgeted:"} {
			rows, fails, ok := threePublicSums(t, cols, side, valueLine+1)
			switch {
			case ok && (fails || !read):
				kept = append(kept, rows...)
			case !ok && !read && side == "": // the parts as printed
				for _, c := range cols {
					if k := threePublicKey(c.label); c.value != nil && slices.Contains(threePublicParts, k) {
						kept = append(kept, tableRow{ref: refThreePublic + k, tok: *c.value, line: valueLine + 1})
					}
				}
			}
		}
		t.laid = true // a line of values under a header of labels: positions kept
		b.keepTable(t, kept)
	}
	if !read {
		b.warnTable(t, "no 合计 of this table equals the sum of its parts: not used")
		if c, ok := got["operating_costs"]; ok {
			return map[string]cell{"operating_costs": c}, true, false
		}
		return nil, true, false
	}
	return got, true, false
}

// yearGroup is a label over a year's columns of a table: its centre, and
// whether the year is the document's.
type yearGroup struct {
	center float64
	own    bool
}

// yearWords tells a table label naming another year's figures (2024年预算数
// in a 2025 budget, 上年预算数, 增减: a change) or the document's (2025年
// 预算数, 本年预算数).
func (b *builder) yearWords(label string) (other, own bool) {
	l := compact(label)
	other = containsAny(l, priorYearWords) || strings.Contains(l, "增减")
	own = strings.Contains(l, "本年")
	if y, _, after, ok := yearIn(l); ok && (strings.HasPrefix(after, "预算") || strings.HasPrefix(after, "决算") || strings.HasPrefix(after, "执行")) {
		if y == b.doc.Document.FiscalYear {
			own = true
		} else {
			other = true
		}
	}
	return other, own
}

// yearColumn finds, in order, the labels of years' columns in a header's
// text (2024年预算数, 上年预算数, 本年预算数, 增减额).
var yearColumn = regexp.MustCompile(`[0-9]{4}年度?(预算|决算|执行)|上年|本年|增减`)

// pctCell is a cell that holds a percentage alone ("-7.03%").
var pctCell = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?%$`)

// threePublicByYearRows reads a 三公 table of a row a part whose value
// columns are years' figures and their change (项目 | 2024年预算数 | 2025年
// 预算数 | 增减额): the header's labels, in order, say which column is the
// year's. It is read only where every part's row prints a cell in every
// column (so that its cells are the columns' in order) — or, in text that
// keeps the columns (lines, nil otherwise), each cell sits under one
// label, a blank one being nothing spent —, one label is the year's, and
// the parts add up to the 合计; else nil.
func (b *builder) threePublicByYearRows(t table, lines []string) map[string]cell {
	keyOf := func(name string) string {
		switch name = rowName(name); {
		case name == "合计" || name == "总计":
			return "total"
		case strings.Contains(name, "出国"):
			return "overseas_travel"
		case strings.Contains(name, "接待"):
			return "reception"
		case strings.Contains(name, "购置") && strings.Contains(name, "运行"):
			return "vehicle"
		case strings.Contains(name, "购置"):
			return "vehicle_purchase"
		case strings.Contains(name, "运行"):
			return "vehicle_operation"
		}
		return ""
	}
	var own []bool              // each value column: whether it is the year's
	var prior []bool            // each value column: whether it is the year before's
	before := map[string]cell{} // the year before's cells of the rows with every cell
	var centres []float64       // each value column's label's centre, in text that keeps the columns
	got := map[string]cell{}
	var full, short []keyed // rows with a cell in every column, and rows with fewer
	rows := splitPartRows(beforeProse(t.rows))
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		key := keyOf(r.name)
		// a name wrapped around its cells: its second half a row of its own
		if key == "" && len(r.vals) > 0 && i+1 < len(rows) && len(rows[i+1].vals) == 0 {
			i++
			key = keyOf(r.name + rows[i].name)
		}
		// a change's percentage, a cell of its own after the row's (增减幅度);
		// 其中: on a line of its own, over the cars' parts
		if key == "" && len(r.vals) == 0 && (pctCell.MatchString(strings.TrimSpace(r.name)) || strings.TrimSuffix(rowName(r.name), ":") == "其中" || strings.Trim(r.name, " :：") == "其中") {
			continue
		}
		if key == "" && len(r.vals) == 0 && len(got) > 0 {
			break // the table has ended: what follows names no part ("“三公”经费口径说明")
		}
		if key == "" {
			if len(r.vals) > 0 {
				return nil
			}
			h := compact(r.name)
			for _, m := range yearColumn.FindAllStringIndex(h, -1) {
				other, mine := b.yearWords(h[m[0]:m[1]])
				own = append(own, mine && !other)
				prior = append(prior, b.priorColumn(h, m))
			}
			centres = yearCentres(lines, r.line, len(own))
			continue
		}
		at := slices.Index(own, true)
		if at < 0 || slices.Index(own[at+1:], true) >= 0 {
			return nil
		}
		if _, twice := got[key]; twice || slices.ContainsFunc(short, func(s keyed) bool { return s.key == key }) {
			return nil
		}
		if len(r.vals) == len(own) {
			got[key] = cell{t.value(r.vals[at]), r.vals[at].line}
			if p := slices.Index(prior, true); p >= 0 && slices.Index(prior[p+1:], true) < 0 {
				before[key] = cell{t.value(r.vals[p]), r.vals[p].line}
			}
			full = append(full, keyed{key, r})
			continue
		}
		c, ok := cellUnder(t, lines, r, centres, at)
		if !ok && centres == nil && len(r.vals) < len(own) {
			short = append(short, keyed{key, r}) // its blank cells' columns not known
			continue
		}
		if !ok {
			return nil
		}
		got[key] = c
		if p := slices.Index(prior, true); p >= 0 && slices.Index(prior[p+1:], true) < 0 {
			if c, ok := cellUnder(t, lines, r, centres, p); ok {
				before[key] = c
			}
		}
	}
	if len(short) > 0 {
		return b.threePublicByYearSums(t, len(own), slices.Index(own, true), full, short)
	}
	// a table of no 合计 (项目 | 2011年决算 | 2012年预算) has nothing to add
	// up: every row's cells placed in their columns, by the row or by where
	// they stand, its parts are read — the vehicles' still their parts' sum
	_, total := got["total"]
	if total && !threePublicAddsUp(got) || !total && !vehiclesAddUp(got) {
		return nil
	}
	// the year before's column, where every row printed it and it adds up
	// as the year's does
	if len(before) == len(got) && (total && threePublicAddsUp(before) || !total && vehiclesAddUp(before)) {
		for k, c := range before {
			got["prior:"+k] = c
		}
	}
	return got
}

// vehiclesAddUp tells a 三公 table's parts with no 合计 whose vehicles'
// row, where it stands beside its two parts, is their sum.
func vehiclesAddUp(got map[string]cell) bool {
	v, okV := got["vehicle"]
	p, okP := got["vehicle_purchase"]
	q, okQ := got["vehicle_operation"]
	return len(got) > 0 && (!okV || !okP || !okQ || v.v == p.v+q.v)
}

// priorColumn tells the header label at m (a yearColumn match in the
// compacted header h) of the year before's own figures — 上年决算数,
// 2015年决算数 in a 2016 report — not of their change (比上年增减).
func (b *builder) priorColumn(h string, m []int) bool {
	label, after := h[m[0]:m[1]], h[m[1]:]
	if strings.HasSuffix(h[:m[0]], "比") || strings.HasPrefix(after, "增") || strings.Contains(label, "增减") {
		return false
	}
	if label == "上年" {
		return true
	}
	y, _, _, ok := yearIn(label)
	return ok && y == b.doc.Document.FiscalYear-1
}

// keyed is a row of a 三公 table with the part it names.
type keyed struct {
	key string
	r   row
}

// threePublicByYearSums places the cells of a 三公 table of a row a part
// and a column a year (or a change) whose rows with blank cells kept no
// columns (one cell a line, blank cells dropped): each way of putting a
// short row's cells in its columns, in order, is a reading, and a reading
// holds where every column adds up (each year's parts, and a change's).
// The year's column is read where the readings that hold agree on it;
// nil where none holds or they disagree.
func (b *builder) threePublicByYearSums(t table, cols, own int, full, short []keyed) map[string]cell {
	var placements [][][]int // each short row: the ways its cells take columns
	ways := 1
	for _, s := range short {
		p := orderedChoices(cols, len(s.r.vals))
		if ways *= len(p); ways > 4096 {
			return nil
		}
		placements = append(placements, p)
	}
	printed := make([]map[string]cell, cols) // each column's cells of the full rows
	for c := range printed {
		printed[c] = map[string]cell{}
	}
	for _, f := range full {
		for c, v := range f.r.vals {
			printed[c][f.key] = cell{t.value(v), v.line}
		}
	}
	var agreed map[string]cell
	pick := make([]int, len(short))
	for n := 0; n < ways; n++ {
		for k, m := 0, n; k < len(short); k++ {
			pick[k], m = m%len(placements[k]), m/len(placements[k])
		}
		column := make([]map[string]cell, cols)
		for c := range column {
			column[c] = maps.Clone(printed[c])
		}
		for k, s := range short {
			for c := range column {
				column[c][s.key] = cell{0, s.r.line} // blank: nothing spent
			}
			for i, c := range placements[k][pick[k]] {
				column[c][s.key] = cell{t.value(s.r.vals[i]), s.r.vals[i].line}
			}
		}
		if !slices.ContainsFunc(column, func(m map[string]cell) bool { return !threePublicAddsUp(m) }) {
			if agreed != nil && !maps.Equal(agreed, column[own]) {
				return nil
			}
			agreed = column[own]
		}
	}
	return agreed
}

// orderedChoices lists the ways of putting n cells in order into k
// columns: each a list of n increasing column indexes.
func orderedChoices(k, n int) [][]int {
	if n == 0 {
		return [][]int{nil}
	}
	var out [][]int
	for first := 0; first <= k-n; first++ {
		for _, rest := range orderedChoices(k-first-1, n-1) {
			c := []int{first}
			for _, r := range rest {
				c = append(c, first+1+r)
			}
			out = append(out, c)
		}
	}
	return out
}

// threePublicAddsUp tells a 三公 table's year read whole: its total, 出国
// and 接待 read, the cars' subtotal or both its parts, and the parts adding
// up to their subtotal and the total.
func threePublicAddsUp(got map[string]cell) bool {
	v := func(k string) schema.Money { return got[k].v }
	total, okT := got["total"]
	_, okO := got["overseas_travel"]
	_, okR := got["reception"]
	_, okV := got["vehicle"]
	_, okP := got["vehicle_purchase"]
	_, okQ := got["vehicle_operation"]
	vehicle := v("vehicle")
	if okP && okQ {
		if okV && vehicle != v("vehicle_purchase")+v("vehicle_operation") {
			return false
		}
		vehicle = v("vehicle_purchase") + v("vehicle_operation")
	} else if !okV {
		return false
	}
	return okT && okO && okR && total.v == v("overseas_travel")+v("reception")+vehicle
}

// threePublicByYearTokens reads a 三公 table whose value columns are two
// years' parts (2023年预算数 | 2024年预算数, each over 合计 因公出国（境）费
// 公务接待费 小计 公务用车购置费 公务用车运行费) in text that parts its cells
// by one space, keeping no columns: the years' labels on a line of their
// own, in order; the parts' labels on a line with as many of them as the
// value line has figures; each year's half of them the same parts, its
// 小计 after its 合计 the cars' subtotal. The year's half is read where
// it adds up; nil otherwise (a blank cell, dropped, leaves the counts
// unequal).
func (b *builder) threePublicByYearTokens(t table, lines []string, valueLine int) map[string]cell {
	values := strings.Fields(lines[valueLine])
	var own []bool
	var labels []string
	for i := t.line; i < valueLine; i++ {
		f := strings.Fields(lines[i])
		years := len(f) >= 2
		var mine []bool
		for _, w := range f {
			other, ownYear := b.yearWords(w)
			years = years && other != ownYear
			mine = append(mine, ownYear)
		}
		switch {
		case years:
			own = mine
		case len(f) == len(values):
			labels = f
		}
	}
	cells := make([]gridCell, len(values))
	for k, v := range values {
		if !isNumberCell(v) {
			return nil
		}
		cells[k] = gridCell{v, valueLine + 1}
	}
	return yearHalf(t, own, labels, cells)
}

// yearHalf reads the year's half of a 三公 table whose value columns are
// two years' parts: own tells which year's label (of two) is the year's,
// labels are the parts' over both halves, values the cells under them (a
// blank one nothing spent). It is read where each half names the same
// parts, each once (a 小计 after the 合计 the cars' subtotal), and the
// year's adds up; nil otherwise.
func yearHalf(t table, own []bool, labels []string, values []gridCell) map[string]cell {
	if len(own) != 2 || own[0] == own[1] || len(labels) != len(values) || len(values)%2 != 0 {
		return nil
	}
	half := len(values) / 2
	at := 0
	if own[1] {
		at = half
	}
	got := map[string]cell{}
	for k := range half {
		key := threePublicKey(labels[at+k])
		if key == "total" && got["total"].line != 0 {
			key = "vehicle" // a 小计 after the 合计
		}
		if _, twice := got[key]; twice || key == "" || threePublicKey(labels[k]) != threePublicKey(labels[k+half]) {
			return nil
		}
		c := values[at+k]
		if c.text == "" {
			got[key] = cell{0, c.line} // blank: nothing spent
			continue
		}
		tok, ok := cellToken(c.text, c.line)
		if !ok {
			return nil
		}
		got[key] = cell{t.value(tok), c.line}
	}
	if !threePublicAddsUp(got) {
		return nil
	}
	return got
}

// threePublicByYearCells reads a 三公 table whose value columns are two
// years' parts (2023年预算数 | 2024年预算数, each over 合计 因公出国（境）费
// 公务接待费 小计 公务用车购置费 公务用车运行费) printed a cell a line: the
// header's cells, before the first figure, are the years' labels (two, one
// the year's) and the parts' (a heading over the cars' columns,
// 公务用车购置及运行费 beside their 小计, left out), the years' labels over
// the parts in order; the figures after them are a cell a column — as many
// as the parts' labels, blank cells kept (a bar alone) or none blank. The
// year's half is read where its parts are the other half's and add up;
// nil otherwise. A table of a row a part a cell a line is read by
// threePublicYearRowCells.
func (b *builder) threePublicByYearCells(t table, flat []string) map[string]cell {
	cells, kept, ok := cellLines(flat, t.line, t.end)
	if !ok {
		return nil
	}
	if kept {
		if got := b.threePublicYearRowCells(t, cells); got != nil {
			return got
		}
	}
	var own []bool
	var labels []string
	k := 0
	for ; k < len(cells) && !isNumberCell(cells[k].text); k++ {
		c := cells[k].text
		if other, mine := b.yearWords(c); yearColumn.MatchString(c) && other != mine {
			own = append(own, mine)
		} else if threePublicKey(c) != "" {
			labels = append(labels, c)
		}
	}
	var values []gridCell
	for ; k < len(cells) && (cells[k].text == "" || isNumberCell(cells[k].text)); k++ {
		values = append(values, cells[k])
	}
	for len(values) > 0 && values[len(values)-1].text == "" && len(values) > len(labels) {
		values = values[:len(values)-1] // the blank cells closing the row
	}
	if len(labels) != len(values) { // a heading over the cars' columns
		labels = slices.DeleteFunc(labels, func(l string) bool { return strings.Contains(l, "购置") && strings.Contains(l, "运行") })
	}
	return yearHalf(t, own, labels, values)
}

// cellPriors adds to got, a reading of a 三公 table's rows that gave no
// prior years (its blank cells dropped from the rows: which column a row's
// cells are in, its sums told), the year before's that the table read a
// cell a line gives, where that reading's year is got's.
func (b *builder) cellPriors(t table, flat []string, got map[string]cell) map[string]cell {
	cells := b.threePublicByYearCells(t, flat)
	if cells == nil || slices.ContainsFunc(slices.Collect(maps.Keys(got)), func(k string) bool { return strings.HasPrefix(k, "prior:") }) {
		return got
	}
	for k, c := range cells {
		if !strings.Contains(k, ":") && got[k].v != c.v {
			return got
		}
	}
	for k, c := range got {
		if !strings.Contains(k, ":") && cells[k].v != c.v {
			return got
		}
	}
	for k, c := range cells {
		if strings.HasPrefix(k, "prior:") {
			got[k] = c
		}
	}
	return got
}

// threePublicYearRowCells reads a 三公 table of a row a part and a column
// a year (or a change: 项目 | 2022年预算数 | 2023年预算数 | 增减额) printed a
// cell a line with its blank cells kept: the years' labels before the
// first part's name are the columns, one of them the year's, and each row
// is a part's name and a cell a column (a blank one nothing spent). The
// year's column is read where every row names a part once and it adds
// up, the year before's (one column: 2016年预算数 in a 2017 budget) as
// each part's prior year where it adds up too; nil otherwise.
func (b *builder) threePublicYearRowCells(t table, cells []gridCell) map[string]cell {
	var own, prior []bool
	k := 0
	for ; k < len(cells) && threePublicKey(cells[k].text) == ""; k++ {
		if c := cells[k].text; yearColumn.MatchString(c) {
			other, mine := b.yearWords(c)
			own = append(own, mine && !other)
			prior = append(prior, b.priorColumn(c, yearColumn.FindStringIndex(c)))
		}
	}
	at := slices.Index(own, true)
	if at < 0 || slices.Index(own[at+1:], true) >= 0 {
		return nil
	}
	p := slices.Index(prior, true)
	if p >= 0 && slices.Index(prior[p+1:], true) >= 0 {
		p = -1 // two columns of the year before: neither is
	}
	got, before := map[string]cell{}, map[string]cell{}
	width := 1 + len(own)
	for ; k+width <= len(cells); k += width {
		r := cells[k : k+width]
		key := threePublicKey(r[0].text)
		if strings.Contains(r[0].text, "购置") && strings.Contains(r[0].text, "运行") {
			key = "vehicle"
		}
		if _, twice := got[key]; twice || key == "" || slices.ContainsFunc(r[1:], func(c gridCell) bool { return c.text != "" && !isNumberCell(c.text) }) {
			break
		}
		for _, col := range []struct {
			at  int
			dst map[string]cell
		}{{at, got}, {p, before}} {
			if col.at < 0 {
				continue
			}
			c := r[1+col.at]
			col.dst[key] = cell{0, r[0].line} // blank: nothing spent
			if c.text != "" {
				tok, ok := cellToken(c.text, c.line)
				if !ok {
					return nil
				}
				col.dst[key] = cell{t.value(tok), c.line}
			}
		}
	}
	if slices.ContainsFunc(cells[k:], func(c gridCell) bool { return isNumberCell(c.text) }) || !threePublicAddsUp(got) {
		return nil // figures past the rows read
	}
	// the year before's column (2016年预算数 beside 2017's), where it adds
	// up as the year's does
	if len(before) > 0 && threePublicAddsUp(before) {
		for k, c := range before {
			got["prior:"+k] = c
		}
	}
	return got
}

// splitPartRows undoes the joining of two parts' name lines: where names
// wrap around their cells ("3.公务用车" / cells / "购置及运行费"), the last
// line of one part's name and the first of the next ("其中：公务", cells on
// the line below, or a row all blank) read as one row. A row whose name
// opens a new part inside it (其中, a list marker: 2. （二）, or 公务… after
// a name's 费) is split there, its cells going to the second part, whose
// line they are on.
func splitPartRows(rows []row) []row {
	var out []row
	for _, r := range rows {
		name := schema.NormalizeName(r.name)
		at := -1
		for k := range name {
			if k == 0 || at >= 0 {
				continue
			}
			// or a part's name right after another's 费 ("用车购置费公务用车运行费")
			if st, _ := enumOf(name[k:]); st != enumNone || strings.HasPrefix(name[k:], "其中") ||
				strings.HasSuffix(name[:k], "费") && startsWithAny(name[k:], []string{"公务", "因公", "出国"}) {
				at = k
			}
		}
		if at < 0 {
			out = append(out, r)
			continue
		}
		head := r
		head.name, head.vals = name[:at], nil
		r.name = name[at:]
		out = append(out, head, r)
	}
	return out
}

// yearCentres finds, on a header's line (from the 1-based line, or one
// of the two below it), the centres of the n years' labels (2024年预算数,
// 增减额) in order; nil without lines or where they are not n.
func yearCentres(lines []string, line, n int) []float64 {
	for i := line - 1; lines != nil && i >= 0 && i < len(lines) && i < line+2; i++ {
		var out []float64
		for _, sg := range headerSegments(lines[i]) {
			if yearColumn.MatchString(compact(sg.text)) {
				out = append(out, sg.center())
			}
		}
		if len(out) == n {
			return out
		}
	}
	return nil
}

// cellUnder reads a row's cell in column at by the positions of its cells
// on their line: each must sit nearer one label than half the space
// between labels, no two under one; a column no cell sits under is blank,
// nothing spent (0). Not ok where the positions do not tell.
func cellUnder(t table, lines []string, r row, centres []float64, at int) (cell, bool) {
	if centres == nil {
		return cell{}, false
	}
	if len(r.vals) == 0 { // every cell of the row blank
		return cell{0, r.line}, r.line >= 1 && r.line <= len(lines)
	}
	line := r.vals[0].line
	if slices.ContainsFunc(r.vals, func(v token) bool { return v.line != line }) || line < 1 || line > len(lines) {
		return cell{}, false
	}
	half := math.Inf(1)
	for k := 1; k < len(centres); k++ {
		half = min(half, (centres[k]-centres[k-1])/2)
	}
	var nums []segment
	for _, sg := range valueSegments(lines[line-1]) {
		if isNumberCell(sg.text) {
			nums = append(nums, sg)
		}
	}
	if len(nums) != len(r.vals) {
		return cell{}, false
	}
	taken := make([]bool, len(centres))
	out := cell{0, line}
	for k, sg := range nums {
		col := -1
		for c, x := range centres {
			if math.Abs(sg.center()-x) < half {
				col = c
			}
		}
		if col < 0 || taken[col] {
			return cell{}, false
		}
		taken[col] = true
		if col == at {
			out = cell{t.value(r.vals[k]), line}
		}
	}
	return out, true
}

// ownYearColumns marks, in a 三公 table whose header puts the year
// before's columns beside the year's under a label each, the other year's
// columns (their label "other:…", which reads as nothing): the two groups'
// halves of the columns, left to right, must name the same parts. It
// tells whether the year's columns could be told.
func ownYearColumns(cols []*column, years []yearGroup) bool {
	if len(years) != 2 || years[0].own == years[1].own || len(cols)%2 != 0 || len(cols) == 0 {
		return false
	}
	half := len(cols) / 2
	for k := 0; k < half; k++ {
		if threePublicKey(cols[k].label) != threePublicKey(cols[k+half].label) || threePublicKey(cols[k].label) == "" {
			return false
		}
	}
	if years[1].center < years[0].center {
		years[0], years[1] = years[1], years[0]
	}
	for k, c := range cols {
		if years[k/half].own == false {
			c.label = "other:" + c.label
		}
	}
	return true
}

// threePublicSums finds the sums a 三公 table's columns state on one side
// (actual, or a 决算 table's "budgeted:"), from the columns' order: a
// 小计 followed by 购置 and 运行 is the vehicle subtotal; a 合计 or 小计
// followed by the parts (出国, 接待, the vehicle subtotal or its two parts)
// is the 三公 total; a 合计 left of it, where every other column is 会议费
// or 培训费, is the 三公 total with those. Once a changed cell breaks the
// table's sums, the columns' labels cannot say which 合计 or 小计 is which,
// but their order can. rows are the side's cells, each with the total it
// is part of (a blank cell is nothing spent); fails tells whether one of
// the sums does not hold; ok is false when the columns do not make the
// three sums' shape.
func threePublicSums(t table, cols []*column, side string, line int) (rows []tableRow, fails, ok bool) {
	var sc []*column
	for _, c := range cols {
		if strings.HasSuffix(c.label, "预算数") == (side != "") && !strings.HasPrefix(c.label, "other:") {
			sc = append(sc, c)
		}
	}
	kind := make([]string, len(sc))
	for i, c := range sc {
		l := schema.NormalizeName(c.label)
		switch k := strings.TrimPrefix(threePublicKey(c.label), side); {
		case k != "":
			kind[i] = k
		case strings.Contains(l, "会议"):
			kind[i] = "meeting"
		case strings.Contains(l, "培训"):
			kind[i] = "training"
		}
	}
	total := func(i int) bool { return kind[i] == "total" && sc[i].value != nil }
	vi := -1 // the vehicle subtotal
	for i := 0; i+2 < len(sc); i++ {
		if pair := []string{kind[i+1], kind[i+2]}; total(i) && slices.Contains(pair, "vehicle_purchase") && slices.Contains(pair, "vehicle_operation") {
			vi = i
		}
	}
	of := map[int]int{} // a column → the column of its total
	si := -1            // the 三公 total
	for i := range sc {
		if !total(i) || i == vi {
			continue
		}
		run := map[int]int{}
		seen := map[string]bool{}
		for j := i + 1; j < len(sc); j++ {
			switch k := kind[j]; {
			case j == vi:
				run[j] = i
				seen["vehicle"] = true
			case (k == "vehicle_purchase" || k == "vehicle_operation") && vi >= 0 && j > vi && j <= vi+2:
				run[j] = vi
			case slices.Contains(threePublicParts, k):
				run[j] = i
				seen[k] = true
			default:
				j = len(sc)
				continue
			}
		}
		if seen["overseas_travel"] && seen["reception"] && (seen["vehicle"] || seen["vehicle_purchase"] || seen["vehicle_operation"]) {
			si, of = i, run
			break
		}
	}
	if si < 0 {
		return nil, false, false
	}
	gi, beside := -1, 0 // the 合计 of the 三公 total, 会议费 and 培训费
	for i := range sc {
		if _, in := of[i]; in || i == si {
			continue
		}
		switch {
		case total(i) && i < si && gi < 0:
			gi = i
		case kind[i] == "meeting" || kind[i] == "training":
			beside++
		default:
			gi = len(sc) // a column no sum holds: no 合计 of them all
		}
	}
	if gi >= 0 && gi < len(sc) && beside > 0 {
		of[si] = gi
		for i := range sc {
			if kind[i] == "meeting" || kind[i] == "training" {
				of[i] = gi
			}
		}
	}
	ref := func(i int) string {
		switch {
		case i == si:
			return refThreePublic + side + "total"
		case i == vi:
			return refThreePublic + side + "vehicle"
		case kind[i] == "total":
			return refThreePublic + side + "grand"
		}
		return refThreePublic + side + kind[i]
	}
	sums := map[int]schema.Money{}
	for i, c := range sc {
		if _, in := of[i]; in && c.value != nil {
			sums[of[i]] += t.value(*c.value)
		}
	}
	for i, c := range sc {
		_, part := of[i]
		_, whole := sums[i]
		if c.value == nil || !part && !whole {
			continue
		}
		r := tableRow{ref: ref(i), tok: *c.value, line: line}
		if part {
			r.of = ref(of[i])
		}
		if whole && sums[i] != t.value(*c.value) {
			fails = true
		}
		rows = append(rows, r)
	}
	return rows, fails, true
}

// nearest is the column whose centre is nearest to center (nil without one).
func nearest(cols []*column, center float64) *column {
	var near *column
	for _, c := range cols {
		if near == nil || abs(c.center-center) < abs(near.center-center) {
			near = c
		}
	}
	return near
}

// alignColumns pairs values with columns in order, leaving out as many
// columns as there are fewer values. Of the ways to leave them out, the one
// whose offsets (value centre less label centre) vary least wins; ok when
// it is clearly the best (by two columns' worth over the next), or the
// counts match.
func alignColumns(cols []*column, values []segment) (assign []int, ok bool) {
	n, m := len(values), len(cols)
	if n == 0 || n > m {
		return nil, false
	}
	skip := m - n
	if skip > 3 {
		return nil, false
	}
	best, second := -1.0, -1.0
	pos := make([]int, skip) // the columns left out, ascending
	for k := range pos {
		pos[k] = k
	}
	for {
		var a []int
		for c, k := 0, 0; c < m; c++ {
			if k < skip && pos[k] == c {
				k++
				continue
			}
			a = append(a, c)
		}
		d := make([]float64, n)
		for k := range values {
			d[k] = values[k].center() - cols[a[k]].center
		}
		cost := spread(d)
		switch {
		case best < 0 || cost < best:
			best, second, assign = cost, best, a
		case second < 0 || cost < second:
			second = cost
		}
		if skip == 0 || !nextCombination(pos, m) {
			break
		}
	}
	return assign, skip == 0 || second < 0 || second-best >= 2
}

// spread is the sum of the distances of d from its median.
func spread(d []float64) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	med := s[len(s)/2]
	sum := 0.0
	for _, v := range d {
		sum += abs(v - med)
	}
	return sum
}

// pairHeader returns the cells of a header row made of 预算数/决算数 pairs.
func pairHeader(line string) []segment {
	segs := headerSegments(line) // one space apart too (text that keeps no columns)
	if len(segs) < 4 || len(segs)%2 != 0 {
		return nil
	}
	for k, sg := range segs {
		if want := [2]string{"预算数", "决算数"}[k%2]; sg.text != want {
			return nil
		}
	}
	return segs
}

// threePublicParts are the parts of the 三公 total.
var threePublicParts = []string{"overseas_travel", "reception", "vehicle_purchase", "vehicle_operation"}

// threePublicKey names what a column of the 三公 table holds: a part, the
// total, 机关运行经费, or nothing it reads; 预算数 columns of a 决算 table
// are prefixed "budgeted:".
func threePublicKey(label string) string {
	if strings.HasPrefix(label, "other:") { // another year's (ownYearColumns)
		return ""
	}
	l := schema.NormalizeName(label)
	side := ""
	if strings.HasSuffix(l, "/预算数") {
		side = "budgeted:"
	}
	switch {
	case strings.Contains(l, "机关运行"):
		if side != "" {
			return ""
		}
		return "operating_costs"
	case strings.Contains(l, "出国"):
		return side + "overseas_travel"
	case strings.Contains(l, "接待"):
		return side + "reception"
	case strings.Contains(l, "购置"):
		return side + "vehicle_purchase"
	case strings.Contains(l, "运行"):
		return side + "vehicle_operation"
	case strings.Contains(l, "合计") || strings.Contains(l, "小计"):
		return "total"
	}
	return ""
}

// vehicleOrder tells, from a 三公 table's own words, which of the cars'
// purchase (购置费) and running costs (运行费) comes first — the sums
// cannot tell the two apart: the rows that print cells, a part a row
// ("其中：公务用车运行维护费", then "公务用车购置费"), else the header's
// labels, which name the two side by side in their columns' order. The
// cars' subtotal (购置及运行维护费) and 机关运行经费 name neither; told is
// false where nothing names both apart: the template's order would be a
// guess.
func vehicleOrder(t table) (operationFirst, told bool) {
	apart := func(n string) string {
		for _, w := range []string{"购置及运行", "购置和运行", "运行维护及购置", "运行及购置", "机关运行"} {
			n = strings.ReplaceAll(n, w, "")
		}
		return n
	}
	var words strings.Builder
	for _, r := range t.rows {
		words.WriteString(apart(r.name))
		// the first row of cells that names either: a part's row, or the
		// header's last line (every cell after it)
		if p, o := strings.Index(words.String(), "购置"), strings.Index(words.String(), "运行"); len(r.vals) > 0 && (p >= 0 || o >= 0) {
			return p < 0 || o >= 0 && o < p, true
		}
	}
	h := words.String()
	p, o := strings.Index(h, "购置"), strings.Index(h, "运行")
	if p < 0 || o < 0 {
		return false, false
	}
	return o < p, true
}

// beforeProse cuts a table's rows at the first that is a sentence: the
// explanation printed after a web table one cell a line reads as its rows
// ("1.因公出国(境)费支出0万元,与2021年度预算相比无增减。"), and a label
// ends no sentence; nor is a label a long run of words parted by commas
// with no figure (a note after the table, 附件:“三公”经费口径说明 …, its
// sentence cut by a line).
func beforeProse(rows []row) []row {
	for i, r := range rows {
		if strings.Contains(r.name, "。") || len(r.vals) == 0 && utf8.RuneCountInString(r.name) > 30 && strings.ContainsAny(r.name, ",，") {
			return rows[:i]
		}
	}
	return rows
}

// partRows counts the rows that name something and print cells.
func partRows(rows []row) int {
	n := 0
	for _, r := range rows {
		if len(r.vals) > 0 && strings.ContainsFunc(r.name, isHan) {
			n++
		}
	}
	return n
}

// threePublicByIdentity reads a 三公 table whose cells came one a line, in
// order, with blank cells dropped: its columns are known from the template
// (the header says which: 会议费 and 培训费 beside it, 预算数 and 决算数
// pairs) and they add up, so each placement of the values that satisfies
// every sum is a reading, and a column is read when all readings agree.
// A table of a row a part beside another year's goes to
// threePublicByYearRows, with the lines that may keep its columns.
func (b *builder) threePublicByIdentity(t table, lines, flat []string, eitherVehicle bool) map[string]cell {
	var vals []cell
	var toks []token
	for _, r := range t.rows {
		for _, v := range r.vals {
			vals = append(vals, cell{t.value(v), v.line})
			toks = append(toks, v)
		}
	}
	if len(vals) == 0 {
		return nil
	}
	var header strings.Builder
	for _, r := range t.rows {
		header.WriteString(r.name)
	}
	h := header.String()
	// a table of a row a part (its cells on each part's row) ends where the
	// explanation after it starts: a sentence there names no column. One
	// whose values follow its header in one run keeps every row here: its
	// header's order may not be its columns', and the text is read instead.
	heads := t.rows
	if own := beforeProse(t.rows); partRows(own) >= 3 {
		heads = own
	}
	for _, r := range heads {
		if other, _ := b.yearWords(r.name); other {
			if got := b.threePublicByYearRows(t, lines); got != nil {
				return b.cellPriors(t, flat, got)
			}
			if got := b.threePublicByYearCells(t, flat); got != nil {
				return got
			}
			if got := b.threePublicByPartColumns(t, flat); got != nil {
				return got
			}
			b.warnTable(t, "this table holds another year's figures beside the year's, in cells not told apart: not used")
			return nil
		}
	}
	if got, misprint := threePublicByLabels(t, b.doc.ThreePublic); got != nil {
		if misprint {
			b.warnTable(t, "its vehicles' row is not the sum of 购置 and 运行, which make the 合计 with the other parts: one misprint, the vehicles' figure left out")
			b.keep(t, threePublicLabelSums(t, flat)) // the check names the misprinted cell
		}
		return got
	}
	if rows := threePublicLabelSums(t, flat); rows != nil {
		b.warnTable(t, "its rows, each named, do not add up (the 三公 to its parts, the vehicles to 购置 and 运行): not used")
		b.keep(t, rows)
		return nil
	}
	if got := threePublicByNamedColumns(t, flat, h); got != nil {
		return got
	}
	// the two orders of the parts seen in templates
	orders := [][]string{
		{"total", "overseas_travel", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"},
		{"total", "overseas_travel", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"},
	}
	sums := [][]string{{"total", "overseas_travel", "vehicle", "reception"}, {"vehicle", "vehicle_purchase", "vehicle_operation"}}
	swapVehicle := func(o []string) {
		i, j := slices.Index(o, "vehicle_purchase"), slices.Index(o, "vehicle_operation")
		o[i], o[j] = o[j], o[i]
	}
	operationFirst, told := vehicleOrder(t)
	if operationFirst {
		for _, o := range orders {
			swapVehicle(o)
		}
	}
	// a header that told no column, or words that name neither part
	// apart, tell neither which of the two comes first
	eitherVehicle = eitherVehicle || !told
	if eitherVehicle {
		for _, o := range slices.Clone(orders) {
			o = slices.Clone(o)
			swapVehicle(o)
			orders = append(orders, o)
		}
	}
	if strings.Contains(h, "会议") && strings.Contains(h, "培训") {
		for k, o := range orders {
			orders[k] = append(append([]string{"grand"}, o...), "meeting", "training")
		}
		sums = append(sums, []string{"grand", "total", "meeting", "training"})
	}
	if strings.Contains(h, "机关运行") && !strings.Contains(h, "决算数") {
		// 机关运行经费 beside the 三公 columns: bound by no sum, it is read
		// only when every reading puts the same cell in it
		for k, o := range orders {
			orders[k] = append(o, "operating_costs")
		}
	}
	if strings.Contains(h, "预算数") && strings.Contains(h, "决算数") {
		// a 预算数/决算数 pair under each part, or (the 决算 template's)
		// every part under 预算数, then every part under 决算数
		var both [][]string
		for _, o := range orders {
			var paired, grouped []string
			for _, c := range o {
				paired = append(paired, "budgeted:"+c, c)
				grouped = append(grouped, "budgeted:"+c)
			}
			both = append(both, paired, append(grouped, o...))
		}
		orders = both
		for _, s := range sums {
			var b []string
			for _, c := range s {
				b = append(b, "budgeted:"+c)
			}
			sums = append(sums, b)
		}
	}
	at := pairColumns(t, len(orders[0]))
	got, ok := solveRow(orders, sums, vals, at)
	if !ok && strings.Contains(h, "预算数") && strings.Contains(h, "决算数") {
		if got := b.threePublicByStated(t, strings.Index(h, "预算数") < strings.Index(h, "决算数")); got != nil {
			return got
		}
	}
	if !ok && at == nil && len(orders[0]) == 6 && len(vals) == 5 {
		// the vehicles' 小计 blank beside its parts, each printed (a
		// converter left it out): the 三公 the sum of the four parts
		var short [][]string
		for _, o := range orders {
			short = append(short, slices.DeleteFunc(slices.Clone(o), func(c string) bool { return c == "vehicle" }))
		}
		got, ok = solveRow(short, [][]string{{"total", "overseas_travel", "vehicle_purchase", "vehicle_operation", "reception"}}, vals, nil)
	}
	if !ok {
		b.warnTable(t, "no placement of this table's values in its columns adds up: not used")
		b.keep(t, threePublicOneOff(t, orders, sums, toks, at))
		return nil
	}
	_, okP := got["vehicle_purchase"]
	_, okO := got["vehicle_operation"]
	if !okP && !okO && strings.Contains(h, "预算数") && strings.Contains(h, "决算数") {
		// the order of the cells left the cars' parts open (the 运行费 row
		// repeats the subtotal: either part could be it): the rows' labels
		// tell them, when that reading keeps every cell the order read and
		// its parts add up with the text's figures
		if s := b.threePublicByStated(t, strings.Index(h, "预算数") < strings.Index(h, "决算数")); s != nil && keepsCells(s, got) {
			got = s
		}
	}
	if eitherVehicle && vehicleOrderOpen(got, orders, sums, vals, at) {
		b.warnTable(t, "neither its words nor its sums tell which of its cells is 公务用车购置费 and which 运行费: the two left out")
	}
	for k, label := range map[string]string{"meeting": "会议费", "training": "培训费"} {
		if c, ok := got[k]; ok {
			for _, tok := range toks {
				if tok.line == c.line && t.value(tok) == c.v {
					b.besideCell(t, label, tok)
					break
				}
			}
		}
	}
	return got
}

// vehicleOrderOpen tells a reading whose cars' parts are left out only for
// want of their order: the readings of the orders that put 购置 first
// would give both, and differ from the others'.
func vehicleOrderOpen(got map[string]cell, orders, sums [][]string, vals []cell, at []int) bool {
	first := slices.DeleteFunc(slices.Clone(orders), func(o []string) bool {
		return slices.Index(o, "vehicle_purchase") > slices.Index(o, "vehicle_operation")
	})
	one, ok := solveRow(first, sums, vals, at)
	for _, side := range []string{"", "budgeted:"} {
		_, gotP := got[side+"vehicle_purchase"]
		p, okP := one[side+"vehicle_purchase"]
		o, okO := one[side+"vehicle_operation"]
		if ok && !gotP && okP && okO && p.v != o.v {
			return true
		}
	}
	return false
}

// keepsCells tells a reading that holds every cell of another, the same.
func keepsCells(reading, of map[string]cell) bool {
	for k, c := range of {
		if r, ok := reading[k]; !ok || r.v != c.v {
			return false
		}
	}
	return true
}

// threePublicByStated reads a 决算's 三公 table of 预算数/决算数 pairs whose
// cells came a line each, a row a part, where a blank cell left a row with
// one ("因公出国(境)费 / 0.00" under "预算数 / 决算数"): a row of two is
// (预算数, 决算数) in the header's order; a row of one is told by the
// 决算数 the text states for its part — the same amount, it is the 决算数
// and the row's 预算数 is what the 预算数 合计 leaves (blank: it must leave
// 0); another amount where the text states 0 spent, it is the 预算数.
// Rows with no cell (其中 rows left blank) are not read. Every 决算数 read
// must be the text's, and both columns must add up to their 合计; nil
// otherwise (the table is left out).
func (b *builder) threePublicByStated(t table, budgetFirst bool) map[string]cell {
	tp := b.doc.ThreePublic
	if tp == nil || tp.Total == nil {
		return nil
	}
	stated := map[string]schema.Money{"total": *tp.Total}
	for key, f := range map[string]*schema.Figure{"overseas_travel": tp.OverseasTravel, "reception": tp.Reception, "vehicle": tp.Vehicle,
		"vehicle_purchase": tp.VehiclePurchase, "vehicle_operation": tp.VehicleOperation} {
		if f != nil {
			stated[key] = f.Amount
		}
	}
	// a web table's cell a line: a row of separators alone ("|") holds
	// the next cell of the row labelled above it
	var rows []row
	for _, r := range t.rows {
		if n := len(rows); n > 0 && strings.Trim(r.name, "| ") == "" {
			rows[n-1].vals = append(slices.Clip(rows[n-1].vals), r.vals...)
			continue
		}
		rows = append(rows, r)
	}
	got := map[string]cell{}
	var single []string // the parts whose row printed one cell
	for _, r := range rows {
		if len(r.vals) == 0 {
			continue
		}
		// a web table's row: the label is the last cell before the values
		// (the first row's carries the header's cells: "项目|预算数|决算数|合计|")
		label := strings.Trim(strings.ReplaceAll(rowName(r.name), " ", ""), "|")
		label = label[strings.LastIndex(label, "|")+1:]
		key := threePublicPart(label)
		if _, twice := got[key]; key == "" || twice || got["budgeted:"+key].line > 0 || len(r.vals) > 2 {
			return nil
		}
		first, second := cell{t.value(r.vals[0]), r.vals[0].line}, cell{}
		if len(r.vals) == 2 {
			second = cell{t.value(r.vals[1]), r.vals[1].line}
			if !budgetFirst {
				first, second = second, first
			}
			got["budgeted:"+key], got[key] = first, second
			continue
		}
		f, ok := stated[key]
		switch {
		case !ok:
			return nil
		case first.v == f:
			got[key] = first
			single = append(single, key)
		case f == 0:
			got["budgeted:"+key] = first
		default:
			return nil
		}
	}
	// the 预算数 of a row whose one cell is its 决算数: blank
	for _, key := range single {
		bt, ok := got["budgeted:total"]
		if !ok {
			return nil
		}
		rest := bt.v
		for _, k := range []string{"overseas_travel", "reception", "vehicle"} {
			rest -= got["budgeted:"+k].v
		}
		if rest != 0 {
			return nil
		}
		got["budgeted:"+key] = cell{0, got[key].line}
	}
	for key, c := range got {
		if f, ok := stated[key]; ok && !strings.HasPrefix(key, "budgeted:") && c.v != f {
			return nil
		}
	}
	for _, side := range []string{"", "budgeted:"} {
		total, ok := got[side+"total"]
		if !ok {
			total.v, ok = stated["total"]
		}
		part := func(k string) schema.Money {
			if c, ok := got[side+k]; ok {
				return c.v
			}
			if side == "" {
				return stated[k]
			}
			return 0
		}
		if !ok || part("overseas_travel")+part("reception")+part("vehicle") != total.v {
			return nil
		}
		_, p := got[side+"vehicle_purchase"]
		_, o := got[side+"vehicle_operation"]
		if (p || o) && part("vehicle_purchase")+part("vehicle_operation") != part("vehicle") {
			return nil
		}
	}
	return got
}

// pairColumns tells the column of each value of a 决算 三公 table whose
// default-mode text came column by column: each 预算数/决算数 label followed
// by its cell, if any. It is nil unless there are exactly as many labels,
// alternating, as columns, each followed by one value at most, and no
// value elsewhere.
func pairColumns(t table, columns int) []int {
	var at []int
	labels := 0
	for _, r := range t.rows {
		name := rowName(r.name)
		if name != "预算数" && name != "决算数" {
			if len(r.vals) > 0 {
				return nil
			}
			continue
		}
		if want := [2]string{"预算数", "决算数"}[labels%2]; name != want || len(r.vals) > 1 {
			return nil
		}
		if len(r.vals) == 1 {
			at = append(at, labels)
		}
		labels++
	}
	if labels != columns || len(at) == 0 {
		return nil
	}
	return at
}

// setThreePublic places what a 三公 table gave.
func (b *builder) setThreePublic(got map[string]cell) {
	if c, ok := got["operating_costs"]; ok {
		b.setFigure("/operating_costs", &b.doc.OperatingCosts, c)
	}
	_, total := got["total"]
	_, budgeted := got["budgeted:total"]
	if !total && !budgeted && !everyPart(got) {
		return
	}
	tp := b.doc.ThreePublic
	if tp == nil {
		tp = &schema.ThreePublic{}
		b.doc.ThreePublic = tp
	}
	// the table's 购置费 and 运行费 are the text's swapped: which cell is
	// which part is what the two disagree on (a header's order, a
	// sentence's words), so the table does not decide it
	p, okP := got["vehicle_purchase"]
	o, okO := got["vehicle_operation"]
	if okP && okO && p.v != o.v && tp.VehiclePurchase != nil && tp.VehicleOperation != nil &&
		tp.VehiclePurchase.Amount == o.v && tp.VehicleOperation.Amount == p.v {
		delete(got, "vehicle_purchase")
		delete(got, "vehicle_operation")
		src := b.doc.Provenance["/three_public/vehicle_operation/amount"]
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
			Reason: "the 三公 table's 公务用车购置费 and 运行费 are the text's swapped (its order of cells says the other way round): the table's are not used, the text's are kept"})
	}
	if c, ok := got["total"]; ok {
		b.setTable("/three_public", "/total", &tp.Total, c.v, c.line)
	}
	if c, ok := got["budgeted:total"]; ok {
		b.setTable("/three_public", "/budgeted", &tp.Budgeted, c.v, c.line)
	}
	if c, ok := got["prior:total"]; ok {
		b.setTable("/three_public", "/prior_year", &tp.PriorYear, c.v, c.line)
	}
	for _, f := range []struct {
		key string
		dst **schema.Figure
	}{{"overseas_travel", &tp.OverseasTravel}, {"reception", &tp.Reception}, {"vehicle", &tp.Vehicle},
		{"vehicle_purchase", &tp.VehiclePurchase}, {"vehicle_operation", &tp.VehicleOperation}} {
		path := "/three_public/" + f.key
		if c, ok := got[f.key]; ok {
			if *f.dst == nil {
				*f.dst = &schema.Figure{}
			}
			var have *schema.Money
			if b.doc.Provenance[path+"/amount"].Line > 0 {
				have = &(*f.dst).Amount
			}
			b.setTable(path, "/amount", &have, c.v, c.line)
			(*f.dst).Amount = *have
		}
		// a budgeted figure needs its part: a part 决算 left blank is not guessed
		if c, ok := got["budgeted:"+f.key]; ok && *f.dst != nil {
			b.setTable(path, "/budgeted", &(*f.dst).Budgeted, c.v, c.line)
		}
		if c, ok := got["prior:"+f.key]; ok && *f.dst != nil {
			b.setTable(path, "/prior_year", &(*f.dst).PriorYear, c.v, c.line)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// threePublicByLabels reads a 三公 table of one column whose rows each name
// their part ("2.公务接待费 | 8 |", a web page's): the label tells the part,
// a blank cell is left unread. Columns that agree on every row ("小计" and
// "其中:一般公共预算安排数", all alike) are one. Once the total is read, a
// top-level item naming no part ("二、会议费", "二、相关统计数") ends the
// 三公's rows. It is nil unless every row with a value has one and a label
// of its own part, the total among them, and the parts add up to the total
// (a blank counted as nothing). A table of fewer than three cells (the
// others blank, or dropped) is read only when the parts the text states
// (stated), or the rows the table leaves blank, fill those it lacks and
// add up to its total. Where the vehicles' row alone is off — it is not
// the sum of its parts, and its parts with the others make the total — it
// is one misprint (misprint): the others are read, the vehicles' left out.
func threePublicByLabels(t table, stated *schema.ThreePublic) (got map[string]cell, misprint bool) {
	got = map[string]cell{}
	funds := fundsBeside(t)
	blank := map[string]bool{}
	blankAt := map[string]int{} // the line of each part's row printed blank
	last := ""                  // the part of the row above
	for _, r := range t.rows {
		name := strings.Trim(strings.ReplaceAll(rowName(r.name), " ", ""), "|")
		if name == "" && len(r.vals) == 0 {
			continue // a web table's row of bare bars
		}
		if _, ok := got["total"]; ok {
			if _, _, _, year := yearIn(name); year {
				break // the next table's title run into the row ("2020年度全区“三公”经费使用情况使用项目…")
			}
		}
		field := threePublicPart(name)
		if field == "" && strings.HasPrefix(last, "vehicle") {
			field = vehiclePart(name)
		}
		last = field
		if _, ok := got["total"]; ok && field == "" {
			if style, _ := enumOf(schema.NormalizeName(r.name)); style == enumHanComma {
				break
			}
		}
		if len(r.vals) == 0 {
			blank[field] = field != ""
			if field != "" {
				blankAt[field] = r.line
			}
			continue
		}
		if field == "" || !sameValues(t, r.vals) && !(funds && zeroAfterFirst(t, r.vals)) {
			return nil, false
		}
		if _, twice := got[field]; twice {
			return nil, false
		}
		got[field] = cell{t.value(r.vals[0]), r.vals[0].line}
	}
	total, ok := got["total"]
	switch {
	case !ok && !everyPart(got): // no 合计 row: every part, or nothing
		return nil, false
	case ok && len(got) < 3:
		if got := threePublicFewLabels(got, stated, blank); got != nil {
			blankPartsZero(got, blankAt, "")
			return got, false
		}
		return nil, false
	}
	vehicle := got["vehicle"].v
	if _, ok := got["vehicle"]; !ok {
		vehicle = got["vehicle_purchase"].v + got["vehicle_operation"].v
	} else if _, parts := got["vehicle_operation"]; parts && got["vehicle_purchase"].v+got["vehicle_operation"].v != vehicle {
		vehicle = got["vehicle_purchase"].v + got["vehicle_operation"].v
		if _, has := got["total"]; !has || got["overseas_travel"].v+got["reception"].v+vehicle != total.v {
			return nil, false
		}
		delete(got, "vehicle")
		return got, true
	}
	if ok && got["overseas_travel"].v+got["reception"].v+vehicle != total.v {
		return nil, false
	}
	blankPartsZero(got, blankAt, "")
	return got, false
}

// blankPartsZero reads as 0 the parts of a 三公 table the table prints
// blank — their rows printed (blank, at its line) with no figure — on the
// side (""; "budgeted:" the 预算数 column) where the row they are a part of
// is exactly the sum of its other parts: the 合计 of 因公出国, 公务接待 and
// 公务用车 (the one blank), the vehicles' subtotal of 购置 and 运行 (the
// one blank, or both where the vehicles are 0). A table prints a blank for
// nothing, and its sums say so; a part the text does not state is another
// matter, never read (a sentence leaving a part out says nothing of it).
func blankPartsZero(got map[string]cell, blank map[string]int, side string) {
	total, ok := got[side+"total"]
	if !ok {
		return
	}
	amount := func(k string) (schema.Money, bool) {
		if c, ok := got[side+k]; ok {
			return c.v, true
		}
		if k != "vehicle" {
			return 0, false
		}
		p, okP := got[side+"vehicle_purchase"]
		o, okO := got[side+"vehicle_operation"]
		return p.v + o.v, okP && okO
	}
	parts := []string{"overseas_travel", "reception", "vehicle"}
	var missing []string
	var sum schema.Money
	for _, k := range parts {
		if v, ok := amount(k); ok {
			sum += v
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) == 1 && blank[missing[0]] > 0 && sum == total.v {
		got[side+missing[0]] = cell{0, blank[missing[0]]}
	}
	vehicle, ok := got[side+"vehicle"]
	if !ok {
		return
	}
	p, okP := got[side+"vehicle_purchase"]
	o, okO := got[side+"vehicle_operation"]
	switch {
	case okP && !okO && blank["vehicle_operation"] > 0 && p.v == vehicle.v:
		got[side+"vehicle_operation"] = cell{0, blank["vehicle_operation"]}
	case okO && !okP && blank["vehicle_purchase"] > 0 && o.v == vehicle.v:
		got[side+"vehicle_purchase"] = cell{0, blank["vehicle_purchase"]}
	case !okP && !okO && vehicle.v == 0 && blank["vehicle_purchase"] > 0 && blank["vehicle_operation"] > 0:
		got[side+"vehicle_purchase"] = cell{0, blank["vehicle_purchase"]}
		got[side+"vehicle_operation"] = cell{0, blank["vehicle_operation"]}
	}
}

// vehiclePart is the part of 公务用车 a row under it names by its own
// word alone (其中:购置经费, 运行维护费), "" for another row.
func vehiclePart(name string) string {
	name = strings.TrimPrefix(name, "其中:")
	switch {
	case strings.HasPrefix(name, "购置"):
		return "vehicle_purchase"
	case strings.HasPrefix(name, "运行"):
		return "vehicle_operation"
	}
	return ""
}

// everyPart tells a reading of a 三公 table with each of its parts: 因公出国
// (境), 公务接待 and 公务用车 (or both its parts). With no 合计 row the
// table is read by them, its total left out: stated nowhere, not summed.
func everyPart(got map[string]cell) bool {
	_, travel := got["overseas_travel"]
	_, reception := got["reception"]
	_, vehicle := got["vehicle"]
	_, purchase := got["vehicle_purchase"]
	_, operation := got["vehicle_operation"]
	return travel && reception && (vehicle || purchase && operation)
}

// fundsBeside tells a 三公 table whose header puts its 合计 first, the funds
// it sums after it (公共财政预算拨款, 政府性基金预算拨款 …), and no other
// year's or kind's column: "项目 2017年预算数合计 公共财政预算拨款 政府性基金
// 预算拨款 国有资本经营预算拨款".
func fundsBeside(t table) bool {
	var h strings.Builder
	for _, r := range t.rows {
		if len(r.vals) > 0 {
			break
		}
		h.WriteString(r.name)
	}
	s := h.String()
	k := strings.Index(s, "合计")
	return k >= 0 && strings.Contains(s[k:], "拨款") && !containsAny(s, []string{"决算数", "执行数", "上年"})
}

// zeroAfterFirst tells a row whose cells after its first are all 0: the
// funds' columns left at 0 beside the 合计 (a template's columns unfilled),
// which tell nothing of the row's amount.
func zeroAfterFirst(t table, vals []token) bool {
	for _, v := range vals[1:] {
		if t.value(v) != 0 {
			return false
		}
	}
	return true
}

// totalsColumn is a table of fundsBeside whose rows' funds' cells left at 0
// are dropped: each such row its 合计 alone, as a row of one cell prints it.
func totalsColumn(t table) table {
	rows := slices.Clone(t.rows)
	for i, r := range rows {
		if len(r.vals) > 1 && zeroAfterFirst(t, r.vals) {
			rows[i].vals = r.vals[:1]
		}
	}
	t.rows = rows
	return t
}

// sameValues tells a row's cells that all hold one amount.
func sameValues(t table, vals []token) bool {
	for _, v := range vals[1:] {
		if t.value(v) != t.value(vals[0]) {
			return false
		}
	}
	return true
}

// threePublicByNamedColumns reads a 三公 table of two columns, 预算数 and
// 决算数 in the header's order (header: its rows' names), whose every row
// with figures names its part once (threePublicNamedRows) and whose
// columns each add up: the rows' names place the cells, as no order of the
// parts does where a blank row (a web table's cells a line, each blank one
// a bar alone) leaves a part out — its cells are not the next row's. A part
// left blank is 0 where the column's 合计 is the others' sum
// (blankPartsZero), else not read. nil for another table, or one with a row of one
// cell (its blank one dropped: which column it is the text tells,
// threePublicByStated).
func threePublicByNamedColumns(t table, flat []string, header string) map[string]cell {
	budget, spent := strings.Index(header, "预算数"), strings.Index(header, "决算数")
	if budget < 0 || spent < 0 || containsAny(header, []string{"执行数", "上年"}) {
		return nil
	}
	named := threePublicNamedRows(t, flat)
	if named == nil || named.n != 2 || named.short > 0 || threePublicLabelSums(t, flat) != nil {
		return nil
	}
	b, s := 0, 1
	if spent < budget {
		b, s = 1, 0
	}
	got := map[string]cell{}
	for f, vals := range named.at {
		got["budgeted:"+f] = cell{t.value(vals[b]), vals[b].line}
		got[f] = cell{t.value(vals[s]), vals[s].line}
	}
	blankPartsZero(got, named.blank, "")
	blankPartsZero(got, named.blank, "budgeted:")
	return got
}

// namedRows are the rows of a 三公 table whose every row with figures
// names its part once (threePublicLabelSums).
type namedRows struct {
	at       map[string][]token // each row's cells by its part, each row as many (n)
	short    int                // the rows of zeros a cell short (a cell a line, the blank one dropped): 0 in every column
	blank    map[string]int     // the line of each part's row printed with no figure
	n        int
	hasParts bool // the vehicles' parts among the rows, printed or blank
}

// threePublicNamedRows reads a 三公 table's rows by their names; nil for a
// table not so named.
func threePublicNamedRows(t table, flat []string) *namedRows {
	at := map[string][]token{}
	n, short := 0, 0
	blank := map[string]bool{}
	blankAt := map[string]int{}
	most := 0
	for _, r := range t.rows {
		most = max(most, len(r.vals))
	}
	var header strings.Builder
	for _, r := range t.rows {
		field := threePublicPart(strings.Trim(strings.ReplaceAll(rowName(r.name), " ", ""), "|"))
		if _, ok := at["total"]; ok && field == "" {
			if style, _ := enumOf(schema.NormalizeName(r.name)); style == enumHanComma {
				break // "二、会议费": a section of its own
			}
		}
		if len(r.vals) == 0 || len(r.vals) < most && field != "" && zeros(r.vals) {
			// a row of zeros a cell short (a cell a line, its blank one
			// dropped) is 0 in every column, wherever its cells stood
			if field == "" {
				header.WriteString(r.name)
			}
			if field != "" && len(r.vals) > 0 {
				short++
			}
			blank[field] = field != ""
			if field != "" && len(r.vals) == 0 {
				blankAt[field] = r.line
			}
			continue
		}
		if _, twice := at[field]; field == "" || twice || n > 0 && len(r.vals) != n {
			return nil
		}
		for k, v := range r.vals {
			// on its row's line, or a cell a line right below its name
			if v.line != r.vals[0].line && (r.vals[0].line != r.line+1 || v.line != r.line+1+k) && !barredCell(flat, r.line, v.line, k) {
				return nil
			}
		}
		n, at[field] = len(r.vals), r.vals
	}
	if h := header.String(); strings.Contains(h, "%") || strings.Contains(h, "率") || strings.Contains(h, "幅") {
		return nil
	}
	has := func(f string) bool { _, ok := at[f]; return ok || blank[f] }
	if _, ok := at["total"]; !ok || !has("overseas_travel") || !has("reception") {
		return nil
	}
	// a blank vehicles' row is no 0: its parts may print what it sums; nor
	// are its parts, both blank, under its figures (其中 rows left empty)
	_, hasVehicle := at["vehicle"]
	_, purchase := at["vehicle_purchase"]
	_, operation := at["vehicle_operation"]
	hasParts := has("vehicle_purchase") && has("vehicle_operation") && (purchase || operation || !hasVehicle)
	if !hasVehicle && !hasParts {
		return nil
	}
	return &namedRows{at, short, blankAt, n, hasParts}
}

// threePublicLabelSums reads a 三公 table whose every row with figures is
// named, once each, with its cells on its own line ("3.公务用车费 | 0 | 0
// |"), each row as many cells: each column's failing sums — the 合计
// against 出国, 接待 and the vehicles, the vehicles against 购置 and 运行 —
// are the table's own, its cells' places known by their rows' names, within
// the rounding of the cells added. A part's row printed without a figure
// ("(一)因公出国(境)费 单位不需填列", "1.公务用车购置费") is 0 in every
// column, but for the vehicles' subtotal, whose parts' rows may print what
// it sums; the rows after the 三公's, an enumerated section of their own
// ("二、会议费"), are no part of it. A column of rates (a header naming %,
// 率 or 幅) adds up to nothing. The cells of each column with a failing
// sum are kept as table claims (the first column's on the model figures
// their rows stand for), but for a column that prints a kept one's cells
// again; nil where every sum holds. A row's cells are on its name's line,
// a cell a line right below it, or a cell a line each after a bar on a
// line of its own (a converter's "合计" / "|" / "498.6" / "|" / "498.6" …,
// flat the text's lines).
func threePublicLabelSums(t table, flat []string) []tableRow {
	if fundsBeside(t) {
		t = totalsColumn(t)
	}
	named := threePublicNamedRows(t, flat)
	if named == nil {
		return nil
	}
	at, n, hasParts := named.at, named.n, named.hasParts
	_, hasVehicle := at["vehicle"]
	var rows []tableRow
	var kept []int // the columns whose claims are kept
	for c := range n {
		// adds tells the rows whose first is the sum of the others within
		// half the last digit of each cell (a blank part, or a 0 printed
		// without decimals, is none, exactly)
		adds := func(parts ...string) bool {
			var d schema.Money
			var tol int64
			for k, f := range parts {
				vals, ok := at[f]
				if !ok {
					continue
				}
				if k == 0 {
					d += t.value(vals[c])
				} else {
					d -= t.value(vals[c])
				}
				if vals[c].mant != 0 || vals[c].scale > 0 {
					tol += t.unitOf(vals[c])
				}
			}
			return 2*int64(max(d, -d)) <= tol
		}
		var holds bool
		switch {
		case !hasVehicle:
			holds = adds("total", "overseas_travel", "reception", "vehicle_purchase", "vehicle_operation")
		case hasParts:
			holds = adds("vehicle", "vehicle_purchase", "vehicle_operation") && adds("total", "overseas_travel", "reception", "vehicle")
		default:
			holds = adds("total", "overseas_travel", "reception", "vehicle")
		}
		if holds {
			continue
		}
		if slices.ContainsFunc(kept, func(k int) bool { return sameColumn(t, at, k, c) }) {
			continue // a kept column's cells again: its claims say it
		}
		kept = append(kept, c)
		ref := refThreePublic
		if c > 0 { // a later column stands for no model figure
			ref = "three_public_column:" + strconv.Itoa(c) + ":"
		}
		for _, f := range []string{"total", "overseas_travel", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"} {
			vals, ok := at[f]
			if !ok {
				continue
			}
			row := tableRow{ref: ref + f, tok: vals[c], line: vals[c].line}
			switch {
			case f == "total":
			case f == "overseas_travel" || f == "reception" || f == "vehicle" || !hasVehicle:
				row.of = ref + "total"
			default:
				row.of = ref + "vehicle"
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// barredCell tells a row's cell k on line at (1-based) that a converter
// printed a cell a line, each after a bar on a line of its own, below the
// row's name on line name: the lines between are bars and its cells before.
func barredCell(flat []string, name, at, k int) bool {
	if at != name+2+2*k || at > len(flat) {
		return false
	}
	for j := range k + 1 {
		if strings.TrimSpace(flat[name+2*j]) != "|" { // line name+1+2j, 0-based
			return false
		}
	}
	return true
}

// zeros tells cells that are all 0.
func zeros(vals []token) bool {
	for _, v := range vals {
		if v.mant != 0 {
			return false
		}
	}
	return true
}

// sameColumn tells two columns of rows (cells by row) that print the
// same amounts.
func sameColumn(t table, rows map[string][]token, a, b int) bool {
	for _, vals := range rows {
		if t.value(vals[a]) != t.value(vals[b]) {
			return false
		}
	}
	return true
}

// threePublicFewLabels keeps the few cells of a 三公 table read by their
// labels (its total and at most one part) when its parts, each the table's
// or else the text's, add up to its total; nil otherwise.
func threePublicFewLabels(got map[string]cell, stated *schema.ThreePublic, blank map[string]bool) map[string]cell {
	if stated == nil {
		stated = &schema.ThreePublic{}
	}
	sum := got["total"].v
	for _, p := range []struct {
		key string
		f   *schema.Figure
	}{{"overseas_travel", stated.OverseasTravel}, {"reception", stated.Reception}, {"vehicle", stated.Vehicle}} {
		switch c, ok := got[p.key]; {
		case ok:
			sum -= c.v
		case p.f != nil:
			sum -= p.f.Amount
		case blank[p.key], p.key == "vehicle" && blank["vehicle_purchase"] && blank["vehicle_operation"]:
		default:
			return nil
		}
	}
	if _, ok := got["vehicle"]; !ok && (got["vehicle_purchase"].line > 0 || got["vehicle_operation"].line > 0) {
		return nil // a part of the cars with no subtotal to check it by
	}
	if sum != 0 {
		return nil
	}
	return got
}

// threePublicPart names the part of the 三公 a row's label is: "" for none.
func threePublicPart(l string) string {
	switch {
	case l == "合计" || l == "总计" || l == "支出合计" || strings.HasSuffix(strings.NewReplacer("“", "", "”", "", "\"", "").Replace(l), "三公经费合计"),
		strings.Contains(strings.NewReplacer("“", "", "”", "", "\"", "").Replace(l), "总三公经费"): // "总“三公”经费支出" under its parts
		return "total"
	case strings.Contains(l, "出国"):
		return "overseas_travel"
	case strings.Contains(l, "公务接待"):
		return "reception"
	case strings.Contains(l, "购置") && strings.Contains(l, "运行"), strings.HasSuffix(l, "公务用车费"), strings.HasSuffix(l, "公车费"):
		return "vehicle"
	case strings.Contains(l, "用车运行") || strings.Contains(l, "公车运行"):
		return "vehicle_operation"
	case strings.Contains(l, "用车购置") || strings.Contains(l, "公车购置"):
		return "vehicle_purchase"
	}
	return ""
}
