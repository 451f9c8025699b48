package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"budgetpub/schema"
)

// Summary cells. A 收支总表 printed in panels side by side (收入 | 支出功能分类
// | 支出用途, the Jiangsu template) comes out of default-mode pdftotext with
// its rows scrambled: a panel's labels stay in order, but a value lands
// after its own label or after the next row's label, before the label of
// the next panel on its row ("13,907.78 一、基本支出": the 一般公共服务支出 of
// row one), or before its panel's next row; a value with no label beside it
// may be any label's. Every way of placing every value such that each panel
// adds up to the table's total (and 一般公共预算 + 政府性基金 to 财政拨款) is
// a reading, and a label keeps a value only when all readings give it the
// same one; no reading, and nothing is read.
//
// Sums cannot tell one class from another, so the functional classes must
// also agree with the document's coded function table (财政拨款/一般公共预算
// 支出表, read first): exactly its 类 take a value, each at least the
// table's amount (the summary adds the other funds). Without a coded table
// the reading is not used.

// panelSteps bounds the steps of the search for one reading of a
// summary's cells.
const panelSteps = 200000

// panelCell is a label of one of the summary's panels.
type panelCell struct {
	name, key string
	code      string // a class's code
	panel     int    // 0 sources, 1 classes, 2 uses
	row       int    // 1-based row within its panel
}

// cellValue is a value of the table with the labels it may belong to.
type cellValue struct {
	tok   token
	cands []int // indexes into the labels
	item  int   // its index among the cells
}

// cellItem is a cell of the table with its 1-based line.
type cellItem struct {
	text string
	line int
}

// panels are a summary's labels by panel, with each cell's label.
type panels struct {
	labels []panelCell
	at     []int // cell → label index, -1
	order  []int // the panels in the order their first label comes (left to right)
}

// summaryCells reads a panelled summary table from default-mode text as
// rows (name and value), or nil, and tells the steps its search took.
// classes are the 类 of the coded function table with their amounts.
func summaryCells(t table, lines, flat []string, classes map[string]schema.Money) ([]row, int) {
	if len(classes) == 0 {
		return nil, 0
	}
	steps := panelSteps
	items := tableCells(t, lines, flat, true)
	rows, _ := readCells(t, items, panelLabels(items), classes, &steps)
	return rows, panelSteps - steps
}

// cellsRead is what a reading of a summary's cells placed: the cell of
// the table's total, and each panel's cells (the parts of 财政拨款 aside)
// where every reading places them alike — indexes into the cells.
type cellsRead struct {
	total  int
	panels [3][]int
}

// readCells reads a summary's cells (summaryCells), whose labels are p
// (panelLabels of items), and tells what the reading placed; it takes the
// placements it tries from *steps.
func readCells(t table, items []cellItem, p panels, classes map[string]schema.Money, steps *int) ([]row, cellsRead) {
	var total token
	var top int64
	read := cellsRead{total: -1}
	for i, it := range items {
		if tok, ok := cellToken(it.text, it.line); ok && isNumberCell(it.text) && units(tok) > top {
			total, top, read.total = tok, units(tok), i
		}
	}
	if len(p.order) < 2 || top == 0 {
		return nil, read
	}
	labels := p.labels
	vals := p.values(items, classes, top)
	place, ok := solvePanels(labels, vals, top, steps, func(place []int) bool {
		// exactly the coded table's classes, each at least its amount
		n := 0
		for k, v := range place {
			if v >= 0 && labels[k].panel == 1 {
				if t.value(vals[v].tok) < classes[labels[k].code] {
					return false
				}
				n++
			}
		}
		return n == len(classes)
	})
	if !ok {
		return nil, read
	}
	// the total is the table's only when a panel kept by every reading
	// adds up to it
	var sums [3]int64
	var rows []row
	for k, v := range place {
		if v >= 0 {
			rows = append(rows, row{name: labels[k].name, vals: []token{vals[v].tok}, line: vals[v].tok.line})
			if !isPart(labels[k].key) {
				sums[labels[k].panel] += units(vals[v].tok)
				read.panels[labels[k].panel] = append(read.panels[labels[k].panel], vals[v].item)
			}
		}
	}
	if !slices.Contains(sums[:], top) {
		return nil, read
	}
	for i, s := range sums {
		if s != top {
			read.panels[i] = nil // not every reading places its cells alike
		}
	}
	for _, name := range []string{"收入合计", "支出合计"} {
		rows = append(rows, row{name: name, vals: []token{total}, line: total.line})
	}
	// the current year's subtotals, where the total follows their label
	for i := 0; i+1 < len(items); i++ {
		name := rowName(items[i].text)
		if key := summaryKey(name); key == "revenue_current" || key == "expenditure_current" {
			if tok, ok := cellToken(items[i+1].text, items[i+1].line); ok && isNumberCell(items[i+1].text) && units(tok) == top {
				rows = append(rows, row{name: name, vals: []token{tok}, line: tok.line})
			}
		}
	}
	return rows, read
}

// tableCells lists the table's cells in reading order, page numbers left
// out and, when join is set, a summary's labels wrapped over two lines
// joined.
func tableCells(t table, lines, flat []string, join bool) []cellItem {
	var items []cellItem
	var tails []string // the ends of labels wrapped over two lines, still to come
	for i := t.line; i < t.end && i < len(lines); i++ {
		if endsTable(flat[i]) {
			break
		}
		if isPageNumber(flat[i]) {
			continue
		}
		cells := cellsOf(lines[i])
		for j, c := range cells {
			if join && j+1 < len(cells) && isEnumerator(c) && !isNumberCell(cells[j+1]) {
				cells[j+1] = c + cells[j+1] // "1. 一般公共预算": the label's own number
				continue
			}
			if k := slices.Index(tails, c); k >= 0 { // "算" of "1.一般公共预" / "算"
				tails = slices.Delete(tails, k, k+1)
				continue
			}
			if join {
				if name, tail := wrappedLabel(c); tail != "" {
					tails = append(tails, tail)
					c = name
				}
			}
			items = append(items, cellItem{c, i + 1})
		}
	}
	return items
}

// isEnumerator tells a cell that is only a label's enumerator: 1. or 2、
// printed apart from the label after it.
func isEnumerator(c string) bool {
	n := strings.TrimRight(c, ".．、")
	return n != c && len(n) >= 1 && len(n) <= 2 && strings.Trim(n, "0123456789") == ""
}

// panelLabels finds the labels of the three panels among the cells and
// numbers their rows.
func panelLabels(items []cellItem) panels {
	var p panels
	var raw []string // the labels as printed, with their enumerators
	p.at = make([]int, len(items))
	for i, it := range items {
		p.at[i] = -1
		if isNumberCell(it.text) {
			continue
		}
		name := rowName(it.text)
		key := summaryKey(name)
		panel := -1
		switch {
		case strings.HasPrefix(key, "src:"):
			panel = 0
		case key == "class":
			panel = 1
		case strings.HasPrefix(key, "use:"):
			panel = 2
		}
		if panel < 0 {
			continue
		}
		if !slices.Contains(p.order, panel) {
			p.order = append(p.order, panel)
		}
		cell := panelCell{name: name, key: key, panel: panel}
		if panel == 1 {
			c, _ := schema.ClassByName(schema.SchemeFunctional, name)
			cell.code = c.Code
		}
		p.at[i] = len(p.labels)
		p.labels = append(p.labels, cell)
		raw = append(raw, it.text)
	}
	panelRows(p.labels, raw)
	return p
}

// left is the panel printed left of panel (-1 for the first).
func (p panels) left(panel int) int {
	k := slices.Index(p.order, panel)
	if k <= 0 {
		return -1
	}
	return p.order[k-1]
}

// find is the label of panel at row (-1 without one).
func (p panels) find(panel, row int) int {
	if panel < 0 || row <= 0 {
		return -1
	}
	for k, l := range p.labels {
		if l.panel == panel && l.row == row {
			return k
		}
	}
	return -1
}

// values gives each value cell the labels it may belong to: its own label
// before it, or the next row's; before the next label, that row's label of
// the panel to the left, or its own panel's row above; any label when it
// has no label beside it. A class the coded table lacks takes none, and a
// value as large as the total with no place is a total.
func (p panels) values(items []cellItem, classes map[string]schema.Money, top int64) []cellValue {
	var vals []cellValue
	// takes tells, by label, whether a value may belong to it (a class
	// the coded table lacks takes none); anyLabel are every label that
	// does, for the values that lost their neighbours — each made once,
	// not again for each value (anyLabel is shared: the values' labels
	// are only read)
	var takes []bool
	var anyLabel []int
	for k, l := range p.labels {
		if _, ok := classes[l.code]; l.panel != 1 || ok {
			if takes == nil {
				takes = make([]bool, len(p.labels))
			}
			takes[k] = true
			anyLabel = append(anyLabel, k)
		}
	}
	for i, it := range items {
		if !isNumberCell(it.text) {
			continue
		}
		tok, ok := cellToken(it.text, it.line)
		if !ok {
			continue
		}
		var cands []int
		add := func(k int) {
			if k >= 0 && !slices.Contains(cands, k) {
				cands = append(cands, k)
			}
		}
		next := -1 // the label that follows
		if i+1 < len(items) {
			next = p.at[i+1]
		}
		if next >= 0 && items[i+1].line == it.line { // "13,907.78 一、基本支出"
			add(p.find(p.left(p.labels[next].panel), p.labels[next].row))
		} else {
			if i > 0 && p.at[i-1] >= 0 { // its own label before it, or the next row's
				prev := p.labels[p.at[i-1]]
				add(p.at[i-1])
				add(p.find(prev.panel, prev.row-1))
			}
			if next >= 0 { // before the next label: of the panel left of it, or of the row above it
				add(p.find(p.left(p.labels[next].panel), p.labels[next].row))
				add(p.find(p.labels[next].panel, p.labels[next].row-1))
			}
		}
		cands = slices.DeleteFunc(cands, func(k int) bool { return takes == nil || !takes[k] })
		switch {
		case units(tok) == top && len(cands) == 0: // a total
			continue
		case len(cands) == 0: // a value that lost its neighbours: any label's
			cands = anyLabel
		}
		vals = append(vals, cellValue{tok, cands, i})
	}
	return vals
}

// wrapTails are the ends a summary's label loses when it wraps.
var wrapTails = []string{"出", "支出", "算", "预算", "金", "资金", "费", "经费", "动经费"}

// wrappedLabel tells a cell that is a summary label without the end it
// wrapped onto a later line ("1.一般公共预", "十七、国土海洋气象等支"): the
// whole label, and the end to drop when it comes.
func wrappedLabel(c string) (label, tail string) {
	name := rowName(c)
	if summaryKey(name) != "" || utf8.RuneCountInString(name) < 3 {
		return c, ""
	}
	for _, t := range wrapTails {
		if k := summaryKey(name + t); k != "" && k != "class" || k == "class" && strings.HasSuffix(name+t, "支出") {
			return c + t, t
		}
	}
	return c, ""
}

// panelRows numbers the labels' rows within their panels from their
// enumerators: classes and uses 一、二、…; sources 一、二、… with the parts of
// 财政拨款 (1. 一般公共预算, 2. 政府性基金预算) below it. A panel whose
// labels are not all numbered so keeps row 0 (no row is known).
func panelRows(labels []panelCell, raw []string) {
	numbered := [3]bool{true, true, true}
	for k, l := range labels {
		style, n := enumOf(raw[k])
		switch {
		case l.panel == 0 && isPart(l.key) && style == enumDigit, style == enumHanComma:
			labels[k].row = n
		default:
			numbered[l.panel] = false
		}
	}
	for k := range labels {
		if !numbered[labels[k].panel] {
			labels[k].row = 0
		}
	}
	if !numbered[0] {
		return
	}
	// sources: the parts take the rows below 财政拨款, and the sources after
	// it move down by as many
	fiscal, parts := 0, 0
	for _, l := range labels {
		if l.key == "src:财政拨款" {
			fiscal = l.row
		}
		if isPart(l.key) {
			parts = max(parts, l.row)
		}
	}
	for k, l := range labels {
		switch {
		case l.panel != 0:
		case isPart(l.key) && fiscal > 0:
			labels[k].row = fiscal + l.row
		case isPart(l.key):
			labels[k].row = 0
		case l.row > fiscal && fiscal > 0:
			labels[k].row = l.row + parts
		}
	}
}

// panelState is a point of solvePanels' search: the next value, the labels
// taken (a bit each) and the panels' sums.
type panelState struct {
	v     int
	taken [2]uint64
	sums  [3]int64
}

// deadEnds is solvePanels' table of the parts of its search that ended
// in no placement whose panels add up, by state, to their steps: open
// addressing in a table kept from one search to the next (a search that
// runs out of steps keeps 5–15 thousand), emptied by a new generation.
// A slot's generation and a part of its state's hash stand apart, in
// tags, so that a probe reads a word a slot, not the slot's state (nine
// words): most lookups find no dead end.
type deadEnds struct {
	slots []deadSlot // a power of two of them, at most half full
	tags  []uint64   // tags[i]: slot i's generation (high half), its state's hash (low half)
	gen   uint32     // the slots of this generation are full
	n     int
}

type deadSlot struct {
	at    panelState
	steps int
}

var deadPool = sync.Pool{New: func() any { return &deadEnds{slots: make([]deadSlot, 1024), tags: make([]uint64, 1024)} }}

// reset empties the table.
func (d *deadEnds) reset() {
	d.n = 0
	if d.gen++; d.gen == 0 { // the generations wrapped: empty the slots for real
		clear(d.tags)
		d.gen = 1
	}
}

// hash mixes the state's words.
func (s *panelState) hash() uint64 {
	h := uint64(s.v)
	for _, w := range [...]uint64{s.taken[0], s.taken[1], uint64(s.sums[0]), uint64(s.sums[1]), uint64(s.sums[2])} {
		h = (h ^ w) * 0x9e3779b97f4a7c15
		h ^= h >> 32
	}
	return h
}

// tag is the tag of a slot of this generation holding a state of hash h.
func (d *deadEnds) tag(h uint64) uint64 { return uint64(d.gen)<<32 | h>>32 }

// get gives the steps of the dead end at state s; false for none (or no table).
func (d *deadEnds) get(s panelState) (int, bool) {
	if d == nil {
		return 0, false
	}
	h := s.hash()
	tag, mask := d.tag(h), uint64(len(d.tags)-1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch t := d.tags[i]; {
		case uint32(t>>32) != d.gen:
			return 0, false
		case t == tag && d.slots[i].at == s:
			return d.slots[i].steps, true
		}
	}
}

// put records a dead end at state s (not in the table) of steps.
func (d *deadEnds) put(s panelState, steps int) {
	if 2*(d.n+1) > len(d.slots) {
		old, tags := d.slots, d.tags
		d.slots, d.tags = make([]deadSlot, 2*len(old)), make([]uint64, 2*len(old))
		d.n = 0
		for i, sl := range old {
			if uint32(tags[i]>>32) == d.gen {
				d.put(sl.at, sl.steps)
			}
		}
	}
	h := s.hash()
	mask := uint64(len(d.tags) - 1)
	i := h & mask
	for uint32(d.tags[i]>>32) == d.gen {
		i = (i + 1) & mask
	}
	d.slots[i], d.tags[i] = deadSlot{at: s, steps: steps}, d.tag(h)
	d.n++
}

// panelRoom is solvePanels' bound by arithmetic. A placement adds up only
// where each panel holding a value sums to the total, so the panels take
// at most the total each, less what they hold; and each value must be
// placed, but for one as large as the total (which may stay a total) or
// one that may go to the parts of 财政拨款 (counted apart). need[v] is
// what the values from v on must put in the panels, room what the
// panels can still take: from a point where need exceeds room no
// placement adds up. A part is no value's place where no label is
// 财政拨款 (the parts add up to nothing), so it leaves no value free then.
// need is nil (no bound) when a value is negative.
func panelRoom(labels []panelCell, vals []cellValue, amounts []int64, part []bool, fiscal bool, total int64) (need []int64, room func([3]int64) int64) {
	var has [3]bool // the panels with a label of their own
	for k, l := range labels {
		if !part[k] {
			has[l.panel] = true
		}
	}
	need = make([]int64, len(vals)+1)
	for v := len(vals) - 1; v >= 0; v-- {
		a := amounts[v]
		if a < 0 {
			return nil, nil
		}
		free := a == total || fiscal && slices.ContainsFunc(vals[v].cands, func(k int) bool { return part[k] })
		need[v] = need[v+1]
		if !free {
			need[v] += a
		}
	}
	return need, func(sums [3]int64) int64 {
		var r int64
		for p, ok := range has {
			if ok {
				r += total - sums[p]
			}
		}
		return r
	}
}

func isPart(key string) bool {
	return key == "src:一般公共预算" || key == "src:政府性基金" || key == "src:国有资本经营"
}

// solvePanels places every value at one of its labels, each label taking
// one value at most, so that each panel with values adds up to total, the
// parts of 财政拨款 to it, and agrees holds. A value as large as the total
// may be a total and stay unplaced. Of the placements that add up, those
// that place most values count, and a label keeps a value only when every
// one of them gives it the same amount (place[label] is a value's index,
// or -1); ok when some placement adds up. Each step of the search is taken
// from *steps; none left, and the search gives up.
func solvePanels(labels []panelCell, vals []cellValue, total int64, steps *int, agrees func([]int) bool) (place []int, ok bool) {
	cur := make([]int, len(labels))
	for k := range cur {
		cur[k] = -1
	}
	amounts := make([]int64, len(vals))
	for v := range vals {
		amounts[v] = units(vals[v].tok)
	}
	part := make([]bool, len(labels)) // parts are counted in 财政拨款, not in their panel
	var fiscals []int                 // the labels of 财政拨款
	for k, l := range labels {
		part[k] = isPart(l.key)
		if l.key == "src:财政拨款" {
			fiscals = append(fiscals, k)
		}
	}
	need, room := panelRoom(labels, vals, amounts, part, len(fiscals) > 0, total)
	// the placement's sums, kept as values are placed and taken back, so
	// that a whole placement is told to add up in a few comparisons: each
	// panel's sum and number of labels placed, the parts' sum and number
	var sums [3]int64
	var used [3]int
	var parts int64
	nparts := 0
	// panelsAdd tells whether each panel with a value adds up to the total
	panelsAdd := func() bool {
		for p := range sums {
			if used[p] > 0 && sums[p] != total {
				return false
			}
		}
		return true
	}
	// partsAdd tells whether the parts, if any, add up to 财政拨款 (the
	// last of its labels placed, were it printed twice)
	partsAdd := func() bool {
		if nparts == 0 {
			return true
		}
		for _, k := range slices.Backward(fiscals) {
			if cur[k] >= 0 {
				return parts == amounts[cur[k]]
			}
		}
		return false
	}
	// Which values follow, and so the steps below a point of the search,
	// depend only on the state (the next value, the labels taken, the
	// panels' sums); and a placement whose panels do not add up adds up in
	// no way. dead keeps, by state, the steps of each part of the search
	// walked that ended in no placement whose panels add up: met again in
	// another order of the same values, it is passed by taking its steps
	// at once, which leaves the search as it would have gone, step for
	// step. Up to 128 labels (the state's set of labels in two words); a
	// point with fewer than three values left is walked, cheaper than
	// looked up.
	memo := len(labels) <= 128
	var taken [2]uint64
	var dead *deadEnds
	defer func() {
		if dead != nil {
			deadPool.Put(dead)
		}
	}()
	panelLeaves := 0 // the placements reached whose panels add up
	var found [][]int
	best := -1
	var walk, branch func(v, placed int) bool
	walk = func(v, placed int) bool {
		if *steps--; *steps < 0 || len(found) > 64 {
			return false
		}
		if v == len(vals) {
			if panelsAdd() {
				panelLeaves++
				if partsAdd() && agrees(cur) {
					if placed > best {
						best, found = placed, nil
					}
					if placed == best {
						found = append(found, slices.Clone(cur))
					}
				}
			}
			return true
		}
		if need != nil && need[v] > room(sums) {
			return true
		}
		if !memo || len(vals)-v < 3 {
			return branch(v, placed)
		}
		key := panelState{v: v, taken: taken, sums: sums}
		if n, ok := dead.get(key); ok {
			if *steps < n-1 { // the steps run out inside it
				*steps = -1
				return false
			}
			*steps -= n - 1
			return true
		}
		left, leaves := *steps, panelLeaves
		if !branch(v, placed) {
			return false
		}
		if panelLeaves == leaves {
			if dead == nil {
				dead = deadPool.Get().(*deadEnds)
				dead.reset()
			}
			dead.put(key, left-*steps+1)
		}
		return true
	}
	branch = func(v, placed int) bool {
		amount := amounts[v]
		for _, k := range vals[v].cands {
			panel := labels[k].panel
			if cur[k] >= 0 || part[k] && len(fiscals) == 0 {
				continue
			}
			counts := !part[k]
			if counts && amount > 0 && sums[panel]+amount > total {
				continue
			}
			cur[k] = v
			taken[k>>6&1] |= 1 << (k & 63)
			if counts {
				sums[panel] += amount
				used[panel]++
			} else {
				parts += amount
				nparts++
			}
			if !walk(v+1, placed+1) {
				return false
			}
			cur[k] = -1
			taken[k>>6&1] &^= 1 << (k & 63)
			if counts {
				sums[panel] -= amount
				used[panel]--
			} else {
				parts -= amount
				nparts--
			}
		}
		if amount == total {
			return walk(v+1, placed)
		}
		return true
	}
	if !walk(0, 0) || len(found) == 0 {
		return nil, false
	}
	amount := func(v int) int64 {
		if v < 0 {
			return -1
		}
		return amounts[v]
	}
	place = found[0]
	for _, other := range found[1:] {
		for k := range place {
			if amount(place[k]) != amount(other[k]) {
				place[k] = -1
			}
		}
	}
	return place, true
}
