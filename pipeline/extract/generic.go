package extract

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// The generic table reader. A table whose kind has a header shape in the
// catalogue (templates, catalogue.go) is read by position, as pdftotext
// -layout prints it: the header's words, stacked over their columns however
// a label wraps ("本年收入合" / "计", "附属单" / "位上" / "缴收入"), name the
// columns; each row's cells go to the columns they stand under (a row that
// prints every column, in order; one with blank cells, each cell under the
// one label whose column its right edge falls in); the sums the template
// declares must hold — the sum column against the others on the 合计 row,
// the 类 rows against the 合计 row — or the table is left out with a
// warning; then the 合计 row's cells fill the model figures the template
// names. A figure the model holds already is kept when the table states it
// too (the table's line counts as read); the table's replaces a rounded
// one of the text; any other difference is left to the checks, as a table
// claim on the figure. Default-mode text keeps no positions and is not read.

// headerColumn is a column of a table's header: the words stacked over it.
type headerColumn struct {
	label      string
	start, end int // rune columns of the stacked words
	col        int // its column in the template, -1 for one it does not know
}

func (h headerColumn) center() float64 { return float64(h.start+h.end) / 2 }

// gridRow is a row of a table read by position.
type gridRow struct {
	name  string
	code  string
	line  int     // 1-based line of its values
	vals  []token // its cells in reading order
	words []word  // and as words, with their columns
	cells []*token
	// cells are vals by value column, nil for a blank cell; nil when the
	// cells could not be placed
}

// grid is a table read by position: its value columns (the header's, left
// to right) and its rows.
type grid struct {
	cols []headerColumn
	rows []gridRow
	// placing: its rows were read and the placement of their figures,
	// blank cells dropped, was tried (droppedGrid)
	placing bool
}

// columnTotal gives, for a column of tpl's (its index), the figure the
// model already holds for the column's 合计 (refFigure: a revenue table's
// source, its 本年收入, 上年结转 or total) or nil: what decides among
// placements of a table's figures, blank cells dropped, that its sums
// leave open (droppedGrid).
func (b *builder) columnTotal(tpl *template) func(col int) *schema.Money {
	if tpl.kind != tableRevenue || b.doc.Revenue == nil {
		return nil
	}
	return func(col int) *schema.Money { return b.refFigure(tpl.columns[col].ref) }
}

// templateTable reads a table whose kind has a header shape.
func (b *builder) templateTable(t table, tpl *template, lines, flat []string) {
	var g grid
	var why string
	if t.laid {
		g, why = readGrid(t, tpl, lines, flat)
	} else {
		// a cell a line with its bar, blank cells kept; or positions lost
		// (default-mode text), or a table of one column whose figures
		// pdftotext set on lines of their own
		if g, why = cellGrid(t, tpl, flat, b.columnTotal(tpl)); why == "-" || why != "" && tpl.groups != nil {
			// a row-shaped table's readers say why where they take it;
			// where neither does, the reason of the cells a line stands
			if tpl.groups != nil && !b.groupedTable(t, tpl, lines, flat) && !b.groupedCells(t, tpl, lines, flat) && why != "-" {
				b.warnTable(t, why)
			}
			return
		}
	}
	if why != "" && tpl.groups != nil && b.groupedTable(t, tpl, lines, flat) {
		return
	}
	if why != "" {
		if why != "-" {
			b.warnTable(t, why)
		}
		return
	}
	sum := slices.IndexFunc(g.cols, func(h headerColumn) bool { return h.col >= 0 && tpl.columns[h.col].sum })
	total := slices.IndexFunc(g.rows, func(r gridRow) bool { return r.code == "" && totalLabel(r.name) })
	if total < 0 {
		b.warnTable(t, "no 合计 row found under its header: not used")
		return
	}
	tr := g.rows[total]
	if tr.cells == nil || tr.cells[sum] == nil {
		b.warnTable(t, "the cells of its 合计 row do not stand each under one column of its header: not used")
		return
	}
	// the sum column against the others, on the 合计 row (a blank cell is 0)
	var parts schema.Money
	var kept []tableRow
	for k, c := range tr.cells {
		if c != nil && k != sum {
			parts += t.value(*c)
			kept = append(kept, tableRow{ref: "column:" + strconv.Itoa(k), of: refTotal, tok: *c, line: c.line})
		}
	}
	if whole := t.value(*tr.cells[sum]); parts != whole {
		b.warnTable(t, fmt.Sprintf("合计 row: its columns add up to %s yuan, not to its %s %s: not used", parts, g.cols[sum].label, whole))
		b.keepTable(t, append([]tableRow{{ref: refTotal, tok: *tr.cells[sum], line: tr.cells[sum].line}}, kept...))
		return
	}
	if why := classSums(t, tpl, g, tr, sum); why != "" {
		b.warnTable(t, why)
		return
	}
	present := map[string]bool{}
	for _, h := range g.cols {
		if h.col >= 0 {
			present[tpl.columns[h.col].ref] = true
		}
	}
	for k, h := range g.cols {
		c := tr.cells[k]
		if c == nil || h.col < 0 {
			continue
		}
		tc := tpl.columns[h.col]
		if tc.ref == "" || tc.with != "" && !present[tc.with] {
			continue
		}
		b.placeRef(t, tc.ref, *c)
	}
}

// classShape reads a table by class (a coded shape: 一般公共预算支出表,
// 基本支出表) printed a cell a line by its shape (cellGrid, droppedGrid):
// where its cells stand in their columns and its arithmetic holds — its
// sum column first, each row's the sum of its others (a blank cell 0; a
// row whose blank cells are dropped, in one placement at least), the 类
// rows adding up to the 合计 row column by column — its rows are the
// shape's, each its sum cell first, for the kind's reader to fill the
// model. Where its sums do not hold, a converter's table (its cells with
// their bars) is left out with the reason (false); other text
// (pdftotext's default mode, whose cells may be printed column by
// column), text not printed a cell a line, and a table the shape does not
// fit (its header or its rows' width another's: a 决算's two panels of
// 人员经费 and 公用经费; a row of neither code nor 合计, a wrapped name's
// half) keep the rows read before.
func (b *builder) classShape(t table, tpl *template, flat []string) (table, bool) {
	if t.laid {
		return t, true
	}
	g, why := cellGrid(t, tpl, flat, nil)
	if why == "-" || slices.ContainsFunc(g.rows, func(r gridRow) bool { return r.code == "" && !totalLabel(r.name) }) {
		return t, true // a row of neither code nor 合计: a wrapped name's half
	}
	sums := g.placing // its figures' placement failed, not its shape
	if why == "" {
		why, sums = rowSumsHold(t, tpl, g), true
	}
	switch {
	case why == "":
		t.rows = make([]row, 0, len(g.rows))
		for _, r := range g.rows {
			gr := row{name: r.name, code: r.code, line: r.line, vals: r.vals}
			if r.cells != nil {
				gr.vals = nil
				for _, c := range r.cells {
					if c != nil {
						gr.vals = append(gr.vals, *c)
					}
				}
			}
			t.rows = append(t.rows, gr)
		}
		return t, true
	case sums && barred(flat, t.line, t.end):
		b.warnTable(t, why)
		return t, false
	}
	return t, true
}

// rowSumsHold checks a coded shape's grid: its sum column first, each
// row's sum the sum of its others (a row whose cells are not placed, in
// one placement of its figures at least), and the 类 rows against the 合计
// row where there is one. It says what fails, "" when all hold.
func rowSumsHold(t table, tpl *template, g grid) string {
	if len(g.cols) == 0 || !tpl.columns[g.cols[0].col].sum {
		return "its sum column is not its first: not read"
	}
	for _, r := range g.rows {
		if len(r.vals) == 0 || len(g.cols) == 1 {
			continue
		}
		adds := false
		if r.cells != nil {
			p := make([]int, 0, len(r.vals))
			for k, c := range r.cells {
				if c != nil {
					p = append(p, k)
				}
			}
			adds = r.cells[0] != nil && sumRowAdds(t, r.vals, p, 0)
		} else {
			for _, p := range orderedChoices(len(g.cols), len(r.vals)) {
				adds = adds || sumRowAdds(t, r.vals, p, 0)
			}
		}
		if !adds {
			return fmt.Sprintf("its row %s does not add up (its 合计 the sum of its other cells): not used", strings.TrimSpace(r.code+" "+r.name))
		}
	}
	total := slices.IndexFunc(g.rows, func(r gridRow) bool { return r.code == "" && totalLabel(r.name) })
	if total < 0 {
		return "" // the kind's reader checks its tree
	}
	return classSums(t, tpl, g, g.rows[total], 0)
}

// barred tells the lines [from, to) of a converter's table a cell a line:
// nine of ten lines that are not blank end with a bar.
func barred(flat []string, from, to int) bool {
	bars, filled := 0, 0
	for i := from; i < to && i < len(flat); i++ {
		if flat[i] != "" {
			filled++
			if strings.HasSuffix(flat[i], "|") {
				bars++
			}
		}
	}
	return filled > 0 && bars*10 >= filled*9
}

// classSums checks the 类 rows (a 3-digit code of the shape's
// classification, by function where it names none) against the 合计
// row, column by column; where a 类 row's cells could not be placed, the
// sum column alone, when it is the first (a row's first cell is its sum).
// It says what fails ("" when the sums hold or there is no 类 row).
func classSums(t table, tpl *template, g grid, tr gridRow, sum int) string {
	var classes []gridRow
	placed := true
	for _, r := range g.rows {
		if tpl.classRow(r.code) {
			classes = append(classes, r)
			placed = placed && r.cells != nil
		}
	}
	if len(classes) == 0 {
		return ""
	}
	if !placed && sum != 0 {
		return "its 类 rows' cells do not stand each under one column, and its sum column is not the first: Σ 类 = 合计 not checked, not used"
	}
	for k := range g.cols {
		if !placed && k != sum {
			continue
		}
		var s schema.Money
		for _, r := range classes {
			switch {
			case r.cells != nil && r.cells[k] != nil:
				s += t.value(*r.cells[k])
			case r.cells == nil && len(r.vals) > 0:
				s += t.value(r.vals[0])
			}
		}
		var want schema.Money
		if c := tr.cells[k]; c != nil {
			want = t.value(*c)
		}
		if s != want {
			return fmt.Sprintf("its 类 rows add up to %s yuan in column %s, not to the 合计 row's %s: not used", s, g.cols[k].label, want)
		}
	}
	return ""
}

// readGrid reads a table by position: the header (the lines between the
// title and the first figure) gives the columns, each line with figures a
// row. why says what stops the reading.
func readGrid(t table, tpl *template, lines, flat []string) (g grid, why string) {
	to := min(t.end, len(lines))
	first := -1
	for i := t.line; i < to && first < 0; i++ {
		if endsTable(flat[i]) {
			break
		}
		if strings.Contains(flat[i], "栏次") {
			continue
		}
		for k, w := range wordsOf(lines[i]) {
			// a figure, not a code opening the line (205, 2050205)
			code := k == 0 && strings.Trim(w.text, "0123456789") == "" && (len(w.text) == 3 || len(w.text) == 5 || len(w.text) == 7)
			if w.number && !code {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return g, "-"
	}
	cols := stackHeader(lines, flat, t.line, first)
	seen := map[int]bool{}
	left, sums := -1, 0
	for k := range cols {
		cols[k].col = matchColumn(tpl, cols[k].label)
		c := cols[k].col
		if c < 0 {
			continue
		}
		if seen[c] {
			return g, "its header names the column " + cols[k].label + " twice: not used"
		}
		seen[c] = true
		if tpl.columns[c].sum {
			sums++
		}
		if left < 0 || cols[k].start < cols[left].start {
			left = k
		}
	}
	if left < 0 || sums != 1 || len(seen) < 2 {
		return g, "its header does not name the template's columns (a sum column and its parts): not read"
	}
	// the value columns: the header's from the leftmost known one
	for _, h := range cols {
		if h.center() >= float64(cols[left].start) {
			g.cols = append(g.cols, h)
		}
	}
	sort.Slice(g.cols, func(i, j int) bool { return g.cols[i].start < g.cols[j].start })
	valueStart := g.cols[0].start
	var labels []int // lines of names without figures
	labelOf := map[int]string{}
	for i := first; i < to; i++ {
		if endsTable(flat[i]) {
			break
		}
		r := gridRow{line: i + 1}
		var names []string
		ws := wordsOf(lines[i])
		k := 0
		if code, used := leadingCode(ws, valueStart); used > 0 {
			r.code, k = code, used
		}
		for _, w := range ws[k:] {
			switch {
			case w.number:
				if tok, ok := cellToken(w.text, i+1); ok {
					r.vals = append(r.vals, tok)
					r.words = append(r.words, w)
				}
			case w.text != "类" && w.text != "款" && w.text != "项" && w.text != "类款项":
				names = append(names, w.text)
			}
		}
		r.name = strings.Join(names, "")
		if len(r.vals) == 0 {
			if r.name != "" {
				labels = append(labels, i)
				labelOf[i] = r.name
			}
			continue
		}
		r.cells = placeCells(g.cols, r.words, r.vals)
		g.rows = append(g.rows, r)
	}
	// figures on a line of their own belong to the row on the next line
	// when their cells and its stand in different columns: pdftotext sets
	// a tall row's cells on two lines ("1,503.52   603.14" over "201 …
	// 2,106.66")
	for k := 0; k+1 < len(g.rows); k++ {
		r, next := g.rows[k], &g.rows[k+1]
		if r.name != "" || r.code != "" || next.line != r.line+1 {
			continue
		}
		words := append(slices.Clone(r.words), next.words...)
		vals := append(slices.Clone(r.vals), next.vals...)
		order := make([]int, len(words))
		for j := range order {
			order[j] = j
		}
		sort.SliceStable(order, func(a, b int) bool { return words[order[a]].end < words[order[b]].end })
		var ws []word
		var ts []token
		for _, j := range order {
			ws, ts = append(ws, words[j]), append(ts, vals[j])
		}
		cells := placeByPosition(g.cols, ws, ts)
		if cells == nil {
			continue
		}
		next.words, next.vals, next.cells = ws, ts, cells
		g.rows = slices.Delete(g.rows, k, k+1)
		k--
	}
	// a row of figures without a name or a code takes a total's label
	// printed on its own just below it (or above): pdftotext sets a 合计
	// spanning the code and name columns off its figures' line
	for k := range g.rows {
		r := &g.rows[k]
		if r.name != "" || r.code != "" {
			continue
		}
		next := len(lines)
		if k+1 < len(g.rows) {
			next = g.rows[k+1].line - 1
		}
		for _, l := range labels {
			if (l > r.line-1 && l < next && l <= r.line+2 || l < r.line-1 && l >= r.line-3) && totalLabel(labelOf[l]) {
				r.name = labelOf[l]
				break
			}
		}
	}
	return g, ""
}

// stackHeader gathers the header's words into columns: a word joins the
// column it overlaps most, top to bottom; a word over two or more words
// of a line below it, or between two of them within two columns (a heading
// over several columns, 财政拨款 over 一般公共预算 and 政府性基金), is left
// out.
func stackHeader(lines, flat []string, from, to int) []headerColumn {
	type seg struct {
		segment
		line int
	}
	var segs []seg
	for i := from; i < to; i++ {
		if strings.Contains(flat[i], "单位:") || strings.Contains(flat[i], "部门:") || strings.HasSuffix(flat[i], "表") {
			continue
		}
		for _, s := range headerSegments(lines[i]) {
			if s.text != "" {
				segs = append(segs, seg{s, i})
			}
		}
	}
	overlap := func(a, b segment) int { return min(a.end, b.end) - max(a.start, b.start) }
	var cols []headerColumn
	for _, s := range segs {
		wide := false
		under := map[int]int{} // words of each line below it overlaps, within two columns
		near := segment{start: s.start - 2, end: s.end + 2}
		for _, o := range segs {
			if o.line > s.line && overlap(near, o.segment) > 0 {
				under[o.line]++
				wide = wide || under[o.line] >= 2
			}
		}
		if wide {
			continue
		}
		best, most := -1, 0
		for k, c := range cols {
			if o := overlap(s.segment, segment{start: c.start, end: c.end}); o > most {
				best, most = k, o
			}
		}
		if best < 0 {
			cols = append(cols, headerColumn{label: s.text, start: s.start, end: s.end, col: -1})
			continue
		}
		c := &cols[best]
		c.label += s.text
		c.start, c.end = min(c.start, s.start), max(c.end, s.end)
	}
	for k := range cols {
		cols[k].label = schema.NormalizeName(strings.ReplaceAll(cols[k].label, " ", ""))
	}
	return cols
}

// matchColumn is the template column a header label names: the one with the
// longest word the label holds, the one printed last on a tie; -1 for none.
func matchColumn(tpl *template, label string) int {
	best, length, end := -1, 0, 0
	for k, c := range tpl.columns {
		for _, w := range c.words {
			i := strings.LastIndex(label, w)
			if i < 0 {
				continue
			}
			n := utf8.RuneCountInString(w)
			if e := i + len(w); n > length || n == length && e > end {
				best, length, end = k, n, e
			}
		}
	}
	return best
}

// leadingCode reads the classification code that opens a row — a 类 (201)
// with its 款 and 项 (06, 01) as separate numbers, or whole (2010601) —
// left of the first value column; used is the number of words it takes.
func leadingCode(ws []word, valueStart int) (code string, used int) {
	for used < len(ws) && used < 3 && ws[used].number && ws[used].end < valueStart {
		w := ws[used].text
		if strings.Trim(w, "0123456789") != "" {
			break
		}
		switch {
		case used == 0 && (len(w) == 3 || len(w) == 5 || len(w) == 7):
		case used > 0 && len(code) == 3+2*(used-1) && len(w) == 2:
		default:
			return code, used
		}
		code += w
		used++
	}
	if used > 0 {
		if _, ok := schema.LookupCode(schema.SchemeFunctional, code[:3]); !ok {
			return "", 0
		}
	}
	return code, used
}

// placeCells puts a row's cells under the value columns: in order when the
// row prints one for each; otherwise by position (placeByPosition: a
// column's cell runs from its label's centre to the next label's start,
// numbers being right-aligned under centred labels).
func placeCells(cols []headerColumn, ws []word, vals []token) []*token {
	cells := make([]*token, len(cols))
	if len(vals) == len(cols) {
		for k := range vals {
			cells[k] = &vals[k]
		}
		return cells
	}
	if len(vals) > len(cols) {
		return nil
	}
	return placeByPosition(cols, ws, vals)
}

// placeByPosition puts each cell under the one column whose cell its right
// edge falls in, in order, no two in one; nil when a cell has no such
// column. ws are the row's words (its cells among them), vals its cells.
func placeByPosition(cols []headerColumn, ws []word, vals []token) []*token {
	cells := make([]*token, len(cols))
	k, last := 0, -1
	for _, w := range ws {
		if !w.number {
			continue
		}
		if _, ok := cellToken(w.text, 0); !ok {
			continue
		}
		at := -1
		for c, h := range cols {
			hi := 1 << 30
			if c+1 < len(cols) {
				hi = cols[c+1].start + 1
			}
			if float64(w.end) >= h.center()-1 && w.end <= hi {
				if at >= 0 {
					return nil // under two columns
				}
				at = c
			}
		}
		if at <= last {
			return nil
		}
		cells[at], last = &vals[k], at
		k++
	}
	return cells
}

// totalLabel tells a row name that is a table's 合计.
func totalLabel(name string) bool {
	switch n := rowName(name); n {
	case "合计", "总计", "收入合计", "收入总计", "本年收入合计":
		return true
	}
	return false
}

// placeRef puts a table's figure where its ref says. A figure the model
// holds already stays when they are equal (the table's line is then read
// too); a rounded figure of the text gives way to the table's; otherwise
// the model keeps its own, and the table's is a claim on it for the checks.
func (b *builder) placeRef(t table, ref string, tok token) {
	c := cell{t.value(tok), tok.line}
	rev := b.doc.Revenue
	if rev == nil {
		rev = &schema.Revenue{}
		b.doc.Revenue = rev
	}
	place := func(path, field string, dst **schema.Money) {
		have := *dst
		switch {
		case have == nil:
			b.setTable(path, field, dst, c.v, c.line)
		case *have == c.v:
			b.tableLines[c.line] = true
		case !b.tableLines[b.doc.Provenance[path+field].Line] && roundsTo(c.v, *have):
			b.setTable(path, field, dst, c.v, c.line)
		default:
			b.keepTable(t, []tableRow{{ref: ref, tok: tok, line: tok.line}})
		}
	}
	switch ref {
	case "revenue:total":
		place("/revenue", "/total", &rev.Total)
		return
	case "summary:revenue_current":
		place("/revenue", "/current_year", &rev.CurrentYear)
		return
	case "summary:carried_over":
		place("/revenue", "/carried_over", &rev.CarriedOver)
		return
	}
	name, ok := strings.CutPrefix(ref, "src:")
	if !ok {
		return
	}
	i := slices.IndexFunc(rev.Sources, func(s schema.Named) bool { return s.Name == name })
	var have *schema.Money
	if i >= 0 {
		have = &rev.Sources[i].Amount
	} else {
		partOf := ""
		for _, s := range revenueSources {
			if s.name == name && slices.ContainsFunc(rev.Sources, func(o schema.Named) bool { return o.Name == s.partOf }) {
				partOf = s.partOf
			}
		}
		rev.Sources = append(rev.Sources, schema.Named{Name: name, PartOf: partOf})
		i = len(rev.Sources) - 1
	}
	place(fmt.Sprintf("/revenue/sources/%d", i), "/amount", &have)
	rev.Sources[i].Amount = *have
}

// groupedRow is a row of a row-shaped table: its label, its 金额 cell (nil
// when blank) and the group it is in (-1 before the first).
type groupedRow struct {
	label string
	val   *token
	line  int
	group int
}

// groupedTable reads a table printed as rows under one 金额 column (the
// template's groups): a 合计 row, then groups, each a 小计 row followed by
// its items, the group's label printed left of them on any of their lines.
// The 合计 must be the sum of the 小计s and each 小计 the sum of its items
// (blank cells are 0); then the 合计 and each known group's 小计 fill their
// refs. false when the table is not laid out so (its reading is the column
// reader's).
func (b *builder) groupedTable(t table, tpl *template, lines, flat []string) bool {
	to := min(t.end, len(lines))
	head := -1
	for i := t.line; i < to && i < t.line+6; i++ {
		if strings.Contains(flat[i], "项目") && (strings.HasSuffix(flat[i], "金额") || strings.HasSuffix(flat[i], "预算数")) {
			head = i
			break
		}
	}
	// the header's two labels on one line: the text keeps its columns
	if head < 0 || len(segmentsOf(lines[head])) != 2 {
		return false
	}
	t.laid = true
	var rows []groupedRow
	var labels []string // each group's label
	item := -1          // the column the item labels start at (小计's)
rows:
	for i := head + 1; i < to; i++ {
		if endsTable(flat[i]) {
			break
		}
		var texts []word
		var vals []word
		for _, w := range wordsOf(lines[i]) {
			if w.number {
				vals = append(vals, w)
			} else {
				texts = append(texts, w)
			}
		}
		if len(vals) > 1 || len(texts) > 2 {
			return false // more than one 金额 column: not this shape
		}
		for _, w := range texts {
			if rowName(w.text) == "小计" && item < 0 {
				item = w.start
			}
		}
		if item < 0 && len(texts) == 2 {
			return false
		}
		// a 小计 opens its group before the group's label beside it is read
		for _, w := range texts {
			if rowName(w.text) == "小计" {
				labels = append(labels, "")
				rows = append(rows, groupedRow{label: "小计", line: i + 1, group: len(labels) - 1})
			}
		}
		for k, w := range texts {
			name := rowName(w.text)
			switch {
			case name == "小计":
			case len(texts) == 2 && k == 0 || item >= 0 && w.start < item-2: // a group's label
				if len(labels) == 0 || labels[len(labels)-1] != "" {
					return false // a label outside a group, or a group's second
				}
				labels[len(labels)-1] = name
			default:
				rows = append(rows, groupedRow{label: name, line: i + 1, group: len(labels) - 1})
			}
		}
		if len(vals) == 1 {
			tok, ok := cellToken(vals[0].text, i+1)
			n := len(rows)
			switch {
			case !ok:
				return false
			case len(texts) == 0 && (n == 0 || rows[n-1].val != nil || rows[n-1].line < i):
				break rows // a figure of no row (the page's number): the table is over
			case n == 0 || rows[n-1].val != nil:
				return false
			}
			// the figure on its row's line, or on the line below it
			rows[n-1].val = &tok
		}
	}
	if len(labels) == 0 || len(rows) == 0 || rows[0].group != -1 || !totalLabel(rows[0].label) {
		return false
	}
	value := func(r groupedRow) schema.Money {
		if r.val == nil {
			return 0
		}
		return t.value(*r.val)
	}
	// the sums: each 小计 of its items, the 合计 of the 小计s
	subtotals := make([]*groupedRow, len(labels))
	items := make([]schema.Money, len(labels))
	for k := range rows {
		r := &rows[k]
		switch {
		case r.group < 0:
			if k > 0 {
				return false // a second row before the first group
			}
		case subtotals[r.group] == nil:
			subtotals[r.group] = r
		case !strings.HasPrefix(r.label, "其中"):
			items[r.group] += value(*r)
		}
	}
	// a sum that fails leaves the table out; its cells are kept as table
	// claims (the whole and its parts, each on its line) for sum.table
	var why string
	var kept []tableRow
	var sum schema.Money
	for g, st := range subtotals {
		if v := value(*st); v != items[g] {
			if why == "" {
				why = fmt.Sprintf("the items of %s add up to %s yuan, not to its 小计 %s: not used", labels[g], items[g], v)
			}
			var parts []groupedRow
			for k := range rows {
				if r := &rows[k]; r.group == g && r != st && !strings.HasPrefix(r.label, "其中") {
					parts = append(parts, *r)
				}
			}
			kept = append(kept, groupSum(*st, parts)...)
		}
		sum += value(*st)
	}
	if total := value(rows[0]); total != sum || rows[0].val == nil {
		if why == "" {
			why = fmt.Sprintf("the 小计 of its groups add up to %s yuan, not to its %s %s: not used", sum, rows[0].label, total)
		}
		var parts []groupedRow
		for _, st := range subtotals {
			parts = append(parts, *st)
		}
		kept = append(kept, groupSum(rows[0], parts)...)
	}
	if why != "" {
		b.warnTable(t, why)
		b.keepTable(t, kept)
		return true
	}
	// the groups the template knows, each once
	refs := make([]string, len(labels))
	seen := map[int]bool{}
	for g, l := range labels {
		k := slices.IndexFunc(tpl.groups, func(tg templateGroup) bool { return slices.Contains(tg.words, l) })
		if k >= 0 && seen[k] {
			b.warnTable(t, "its group "+l+" is printed twice: not used")
			return true
		}
		if k >= 0 {
			seen[k] = true
			refs[g] = tpl.groups[k].ref
		}
	}
	b.placeRef(t, tpl.total, *rows[0].val)
	for g, st := range subtotals {
		if refs[g] != "" && st.val != nil {
			b.placeRef(t, refs[g], *st.val)
		}
	}
	return true
}

// groupSum is a sum of a row-shaped table as table rows: the whole (a 小计
// or the 合计) and its parts, each cell on its own line; a blank cell is no
// row, and a blank whole no sum.
func groupSum(whole groupedRow, parts []groupedRow) []tableRow {
	if whole.val == nil {
		return nil
	}
	ref := "sum:" + strconv.Itoa(whole.val.line)
	out := []tableRow{{ref: ref, tok: *whole.val, line: whole.val.line}}
	for k, p := range parts {
		if p.val != nil {
			out = append(out, tableRow{ref: ref + "/" + strconv.Itoa(k+1), of: ref, tok: *p.val, line: p.val.line})
		}
	}
	return out
}

// groupedCells reads a row-shaped table (the template's groups) that
// default mode printed a cell a line: its labels out of order, its blank
// cells dropped, its values in their rows' order — the 合计, then for each
// group that holds money its 小计 and its items. The sums split the values
// into groups, each a 小计 followed by the items that add up to it, the
// 合计 the sum of the 小计s; no label tells which group a 小计 is, so the
// groups are placed in the template's order where the model's figures
// leave one placement only: a group the model holds an amount of takes a
// 小计 equal to it (one it holds as 0 takes none), and one it holds no
// figure of may take one. The 合计 fills its ref as the layout reader's
// does, and the 小计s theirs where one placement remains. A table with a
// zero among its values, or whose values do not split so, is not read:
// false, nothing said of it.
func (b *builder) groupedCells(t table, tpl *template, lines, flat []string) bool {
	var vals []token
	subtotal, total := false, false
	for _, c := range tableCells(t, lines, flat, false) {
		if !isNumberCell(c.text) {
			name := rowName(c.text)
			subtotal = subtotal || name == "小计"
			total = total || totalLabel(name)
			continue
		}
		tok, ok := cellToken(c.text, c.line)
		if !ok || t.value(tok) <= 0 {
			return false
		}
		vals = append(vals, tok)
	}
	if !subtotal || !total || len(vals) < 2 {
		return false
	}
	// the split: each 小计 followed by the items that add up to it
	var subs []token
	var sum schema.Money
	for k := 1; k < len(vals); {
		st, s := vals[k], t.value(vals[k])
		var items schema.Money
		for k++; k < len(vals) && items < s; k++ {
			items += t.value(vals[k])
		}
		if items != s {
			return false
		}
		subs = append(subs, st)
		sum += s
	}
	if sum != t.value(vals[0]) {
		return false
	}
	// the model's figure of each group
	have := make([]*schema.Money, len(tpl.groups))
	for g, tg := range tpl.groups {
		have[g] = b.refFigure(tg.ref)
	}
	matches := func(g int, v schema.Money) bool {
		return have[g] == nil || *have[g] != 0 && roundsTo(v, *have[g])
	}
	// the placements of the 小计s over the groups in order, counted (up to 2)
	var at []int
	var place func(j, g int, path []int) int
	place = func(j, g int, path []int) int {
		if j == len(subs) {
			for ; g < len(tpl.groups); g++ {
				if have[g] != nil && *have[g] != 0 {
					return 0 // a group the model holds money in, left without
				}
			}
			if at == nil {
				at = slices.Clone(path)
			}
			return 1
		}
		n := 0
		for ; g < len(tpl.groups) && n < 2; g++ {
			if matches(g, t.value(subs[j])) {
				n += place(j+1, g+1, append(path, g))
			}
			if have[g] != nil && *have[g] != 0 {
				break // it must take this 小计 or an earlier one
			}
		}
		return n
	}
	// the 合计 is the sum of the 小计s, whatever their groups
	b.placeRef(t, tpl.total, vals[0])
	switch place(0, 0, nil) {
	case 0:
		b.warnTable(t, "its groups' 小计 are not the figures the other tables and the text give, in the template's order: only its 合计 is used")
		return true
	case 1:
	default:
		b.warnTable(t, "its values add up, but which group each 小计 is, the figures the other tables and the text give do not tell: only its 合计 is used")
		return true
	}
	for j, g := range at {
		if tpl.groups[g].ref != "" {
			b.placeRef(t, tpl.groups[g].ref, subs[j])
		}
	}
	return true
}

// refFigure is the model's figure a template's ref names, nil for none.
func (b *builder) refFigure(ref string) *schema.Money {
	rev := b.doc.Revenue
	if rev == nil {
		return nil
	}
	switch ref {
	case "revenue:total":
		return rev.Total
	case "summary:revenue_current":
		return rev.CurrentYear
	case "summary:carried_over":
		return rev.CarriedOver
	}
	name, _ := strings.CutPrefix(ref, "src:")
	if i := slices.IndexFunc(rev.Sources, func(s schema.Named) bool { return s.Name == name }); i >= 0 {
		return &rev.Sources[i].Amount
	}
	return nil
}
