package extract

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"budgetpub/schema"
)

// One cell off. A default-mode table whose cells are placed by its sums
// (mixed.go) is left out when no placement adds up — a wrong number is
// worse than a missing one —, and then nothing names the cell that broke
// it. Where changing one cell back by one misprint (a digit, or a tenfold)
// lets the table be read, and exactly one such change does, every sum but
// those through that cell holds and they all agree on what the cell would
// have to print: the rows are read as the change places them, each with
// its cells as printed, and the row and code sums (rowSums, treeSums) keep
// the sums that fail — those through the cell — as table claims, which
// sum.table compares. The table stays left out, and the value the sums
// imply goes nowhere but into the finding's computed side.

// oneOffTries bounds the changed values tried for one table.
const oneOffTries = 40000

// misprints are the values a cell printed as t might have held before one
// misprint, at scale decimals: each digit changed (a leading digit not to
// 0), ten times it, a tenth of it. None when t has more decimals.
func misprints(t token, scale int) []int64 {
	var out []int64
	eachMisprint(t, scale, func(v int64) bool {
		out = append(out, v)
		return true
	})
	return out
}

// isMisprint tells whether v is among misprints(t, scale), without
// making them: the searches ask it of every row they try.
func isMisprint(t token, scale int, v int64) bool {
	return !eachMisprint(t, scale, func(m int64) bool { return m != v })
}

// eachMisprint gives misprints(t, scale) to yield in their order, until
// yield returns false; false when it did.
func eachMisprint(t token, scale int, yield func(int64) bool) bool {
	if t.scale > scale {
		return true
	}
	neg := t.mant < 0
	m := t.mant
	if neg {
		m = -m
	}
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], m, 10)
	if n := t.scale + 1; len(digits) < n { // 0.05: its leading zeros are printed
		digits = append(bytes.Repeat([]byte{'0'}, n-len(digits)), digits...)
	}
	add := func(v int64) bool {
		for range scale - t.scale {
			v *= 10
		}
		if neg {
			v = -v
		}
		return yield(v)
	}
	place := int64(1) // the value of a 1 at digit k, from the right
	for range len(digits) - 1 {
		place *= 10
	}
	for k := range digits {
		for d := byte('0'); d <= '9'; d++ {
			if d == digits[k] || k == 0 && d == '0' && len(digits) > t.scale+1 {
				continue
			}
			if !add(m + int64(int(d)-int(digits[k]))*place) { // digit k read as d
				return false
			}
		}
		place /= 10
	}
	if m != 0 {
		if !add(m * 10) {
			return false
		}
		if m%10 == 0 {
			return add(m / 10)
		}
	}
	return true
}

// oneOff tries each misprint of each cell the failing sums can reach, and
// each swap of two cells of one of their rows: the rows of the one 类 whose
// rows split no way into 款 that add up, or the total when every 类 splits
// but they do not add up to it. Where the
// columns are parts of the first (three rows of three cells or more add up
// that way), the change must also leave every row adding up. The rows read
// with the one change that lets the whole table be read; nil when none
// does, or more than one.
func (m *mixTable) oneOff() []row {
	rs, heads := m.rs, m.heads
	failing := -1
	for k, h := range heads {
		switch ss := mixSplits(rs, h, blockEnd(heads, k, len(rs))); {
		case len(ss) > colPlacements:
			return nil // not all tried: the sums do not fix the rows
		case len(ss) == 0 && failing >= 0:
			return nil // one cell breaks one 类's rows at most
		case len(ss) == 0:
			failing = k
		}
	}
	var vary []*mixRow
	switch {
	case failing >= 0:
		for i := heads[failing]; i < blockEnd(heads, failing, len(rs)); i++ {
			vary = append(vary, &rs[i])
		}
	case m.total != nil && !mixAdds(m.total.nums, rs, heads):
		vary = []*mixRow{m.total}
	default:
		return nil // the sums hold: the codes do not fit
	}
	all := []*mixRow{}
	if m.total != nil {
		all = append(all, m.total)
	}
	for i := range rs {
		all = append(all, &rs[i])
	}
	adds := 0
	var odd []*mixRow // the rows that do not add up as printed
	for _, r := range all {
		switch {
		case !rowAdds(r.nums):
			odd = append(odd, r)
		case len(r.nums) > 2 && r.nums[0] != 0:
			adds++
		}
	}
	// holds tells whether the sums a change of row r can reach hold
	holds := func(r *mixRow) bool {
		if adds >= 3 && (!rowAdds(r.nums) || len(odd) > 1 || len(odd) == 1 && odd[0] != r) {
			return false
		}
		if m.total != nil && !mixAdds(m.total.nums, rs, heads) {
			return false
		}
		if failing < 0 {
			return true
		}
		ss := mixSplits(rs, heads[failing], blockEnd(heads, failing, len(rs)))
		return len(ss) > 0 && len(ss) <= colPlacements
	}
	var found []row
	tries := 0
	// try reads the table as changed; false when the search is over: two
	// changes read (which cell is off is not told), or too many were tried
	try := func(r *mixRow) bool {
		if tries++; tries > oneOffTries {
			return false
		}
		if !holds(r) {
			return true
		}
		rows, _, ok := m.read()
		switch {
		case !ok:
			return true
		case found != nil:
			return false
		}
		found = rows
		return true
	}
	for _, r := range vary {
		for j := range r.nums {
			was := r.nums[j]
			tok, _ := cellToken(r.vals[j].text, 0) // an amount cell: read as one
			for _, v := range misprints(tok, m.scale) {
				r.nums[j] = v
				ok := try(r)
				r.nums[j] = was
				if !ok {
					return nil
				}
			}
			// or two cells of the row swapped
			for k := j + 1; k < len(r.nums); k++ {
				if r.nums[k] == was {
					continue
				}
				r.nums[j], r.nums[k] = r.nums[k], was
				ok := try(r)
				r.nums[j], r.nums[k] = was, r.nums[j]
				if !ok {
					return nil
				}
			}
		}
	}
	return found
}

// rowAdds tells whether a row's first amount is the sum of the others.
func rowAdds(nums []int64) bool {
	var s int64
	for _, v := range nums[1:] {
		s += v
	}
	return s == nums[0]
}

// oneOffSums keeps the failing sums of a table read with one cell off as
// table claims: its rows as printed, checked as a coded table default mode
// printed row by row.
func (b *builder) oneOffSums(t table) {
	if t.oneOff == nil {
		return
	}
	t.rows, t.rowwise = t.oneOff, true
	b.treeSums(t)
	b.rowSums(t)
}

// oneOffRow keeps the row sum of a default-mode table read row by row —
// neither laid out nor a tree of codes, whose sums rowSums leaves — where
// the columns are parts of the first: the first width cells of three rows
// or more add up that way (width, three or more, the one most rows fit;
// default mode may print the next row's codes after a row's amounts),
// exactly one row of that many cells does not, and changing one of those
// back by one misprint makes it add up: the row was read as printed, and
// its sum fails in the document. Which of its cells is off the row alone
// may not tell (a total and its one part); the claims are its total and
// its parts, on their lines.
func (b *builder) oneOffRow(t table) {
	switch t.kind {
	case tableSummary, tableFiscal, tableThreePublic:
		return // rows of two sides, or columns no total adds
	}
	if t.oneOff != nil {
		return // read with its cell off (oneOffSums)
	}
	var rows []row
	for _, r := range t.rows {
		if utf8.RuneCountInString(rowName(r.name)) >= 2 { // 类, 款, 项: header cells, with the codes below them
			rows = append(rows, r)
		}
	}
	adds := func(r row, width int) (ok, counts bool) {
		var parts schema.Money
		for _, v := range r.vals[1:width] {
			parts += t.value(v)
		}
		total := t.value(r.vals[0])
		return parts == total, parts == total && total != 0
	}
	width, most := 0, 0
	for w := 3; ; w++ {
		n, wide := 0, false
		for _, r := range rows {
			if len(r.vals) >= w {
				wide = true
				if _, c := adds(r, w); c {
					n++
				}
			}
		}
		if !wide {
			break
		}
		if n > most {
			width, most = w, n
		}
	}
	if most < 3 {
		b.pairRow(t)
		return
	}
	var odd []row
	for _, r := range rows {
		if len(r.vals) >= width {
			if ok, _ := adds(r, width); !ok {
				odd = append(odd, r)
			}
		}
	}
	if len(odd) != 1 || !misprinted(odd[0].vals[:width]) || codesAmongAmounts(t, rows, odd[0], width) {
		return
	}
	r := odd[0]
	total := "sum:" + strconv.Itoa(r.line)
	kept := []tableRow{{ref: total, tok: r.vals[0], line: r.line}}
	for k, v := range r.vals[1:width] {
		kept = append(kept, tableRow{ref: total + "/" + strconv.Itoa(k+1), of: total, tok: v, line: r.line})
	}
	b.keep(t, kept)
}

// codesAmongAmounts tells an odd row whose cells are whole numbers where
// every row that adds up prints its amounts with decimals: the class
// codes a mixed printing puts in the rows' places ("205 02 205"), not a
// misprinted row.
func codesAmongAmounts(t table, rows []row, odd row, width int) bool {
	decimals := true
	for _, r := range rows {
		if len(r.vals) < width {
			continue
		}
		var parts schema.Money
		for _, v := range r.vals[1:width] {
			parts += t.value(v)
		}
		if parts != t.value(r.vals[0]) || parts == 0 {
			continue
		}
		for _, v := range r.vals[:width] {
			decimals = decimals && v.scale > 0
		}
	}
	if !decimals {
		return false
	}
	for _, v := range odd.vals[:width] {
		if v.scale == 0 {
			return true
		}
	}
	return false
}

// pairRow keeps the one row of a default-mode table whose rows print
// their total and one part (the other parts blank, and dropped) that
// prints the two apart, where every row of three cells or more adds up
// (one at least: the columns are parts of the first), three rows or more
// print their total twice, and one misprint of one of its two cells
// explains the difference: the claims are the row's total and its part.
func (b *builder) pairRow(t table) {
	if t.oneOff != nil {
		return
	}
	wide, same := 0, 0
	var odd []row
	for _, r := range t.rows {
		if len(r.vals) < 2 || utf8.RuneCountInString(rowName(r.name)) < 2 {
			continue // a blank row, or 类, 款, 项: header cells
		}
		var parts schema.Money
		for _, v := range r.vals[1:] {
			parts += t.value(v)
		}
		switch total := t.value(r.vals[0]); {
		case len(r.vals) > 2 && parts != total:
			return // the columns are not parts of the first
		case len(r.vals) > 2:
			wide++
		case parts != total:
			odd = append(odd, r)
		case total != 0:
			same++
		}
	}
	if wide == 0 || same < 3 || len(odd) != 1 || !misprinted(odd[0].vals) {
		return
	}
	r := odd[0]
	total := "sum:" + strconv.Itoa(r.line)
	b.keep(t, []tableRow{{ref: total, tok: r.vals[0], line: r.line}, {ref: total + "/1", of: total, tok: r.vals[1], line: r.line}})
}

// misprinted tells whether one misprint of one cell of a row breaks its
// sum: the first cell is the sum of the others but for that one.
func misprinted(vals []token) bool {
	scale := 0
	for _, v := range vals {
		scale = max(scale, v.scale)
	}
	nums := make([]int64, len(vals))
	for k, v := range vals {
		nums[k] = v.mant
		for range scale - v.scale {
			nums[k] *= 10
		}
	}
	var parts int64
	for _, n := range nums[1:] {
		parts += n
	}
	for k, v := range vals {
		need := nums[0] - (parts - nums[k]) // a part the total implies
		if k == 0 {
			need = parts
		}
		if isMisprint(v, scale, need) {
			return true
		}
	}
	return false
}

// cellFix is one cell changed: row's cell in column col (0 the total,
// j+1 the j-th column beside it) read as v, in units.
type cellFix struct {
	row, col int
	v        int64
}

// misfits are the changes of one misprint that make a row add up: its
// total to the sum of its cells, or one of its cells (by column) to the
// total less the others.
func misfits(tok token, parts map[int]token) []cellFix {
	want := units(tok)
	var sum int64
	for _, t := range parts {
		sum += units(t)
	}
	var out []cellFix
	if isMisprint(tok, 4, sum) {
		out = append(out, cellFix{col: 0, v: sum})
	}
	for _, j := range slices.Sorted(maps.Keys(parts)) {
		t := parts[j]
		if need := want - (sum - units(t)); isMisprint(t, 4, need) {
			out = append(out, cellFix{col: j + 1, v: need})
		}
	}
	return out
}

// anyMisfit tells whether misfits finds a change for the row of total tok
// and cells parts (in their columns' order), without making them.
func anyMisfit(tok token, parts []token) bool {
	var sum int64
	for _, t := range parts {
		sum += units(t)
	}
	if isMisprint(tok, 4, sum) {
		return true
	}
	want := units(tok)
	for _, t := range parts {
		if isMisprint(t, 4, want-(sum-units(t))) {
			return true
		}
	}
	return false
}

// rowCellsAt are row r's cells of a placement, by column.
func rowCellsAt(cols [][]token, place [][]int, r int) map[int]token {
	out := map[int]token{}
	for j := range cols {
		if place[r][j] >= 0 {
			out[j] = cols[j][place[r][j]]
		}
	}
	return out
}

// oneOff reads a panel whose cells no placement adds up as one misprinted
// cell would: the placements where every row adds up but one, which one
// misprint of one of its cells keeps from it, and every column adds up
// down the tree with that cell changed back. Exactly one placement and
// change must remain; the rows, each cell as printed, or nil.
func (p colPanel) oneOff() []row {
	codes, ok := p.codesOf()
	n := len(p.names)
	if !ok || len(p.vals) < n {
		return nil
	}
	total, rest := p.vals[:n], p.vals[n:]
	toks, ok := cellTokens(p.vals)
	totalToks, restToks := toks[:n], toks[n:]
	type reading struct {
		cells [][]colCell
		fix   cellFix
	}
	var found []reading
	add := func(cells [][]colCell, fix cellFix) {
		for _, f := range found {
			// the same cell off, whatever it held: the figures' rounding
			// may leave it more than one value
			if f.fix.row == fix.row && f.fix.col == fix.col && sameCells(f.cells, cells) {
				return
			}
		}
		found = append(found, reading{cells, fix})
	}
	if len(rest) == 0 { // one column: a total's misprints, down the tree
		if !ok {
			return nil
		}
		place := make([][]int, n)
		for r, tok := range totalToks {
			for _, v := range misprints(tok, 4) {
				if fix := (cellFix{row: r, v: v}); treeAdds(codes, totalToks, nil, place, &fix) {
					add(placedCells(total, nil, place), fix)
				}
			}
		}
	}
	steps, whole := 0, true
	var cols [][]colCell
	var colToks [][]token
	for parts := 1; ok && parts <= maxColumns && parts <= len(rest); parts++ {
		splitRuns(len(rest), parts, n, func(lens []int) {
			cols, colToks = cutRuns(cols, rest, lens), cutRuns(colToks, restToks, lens)
			_, all := placements(totalToks, colToks, &steps, true, nil, func(place [][]int, odd int) bool {
				if odd < 0 {
					return false // adds up as printed: rows took it
				}
				for _, fix := range misfits(totalToks[odd], rowCellsAt(colToks, place, odd)) {
					fix.row = odd
					if treeAdds(codes, totalToks, colToks, place, &fix) {
						add(placedCells(total, cols, place), fix)
					}
				}
				return false
			})
			whole = whole && all
		})
	}
	if !whole {
		return nil
	}
	// two cells printed near each other swapped: the reading that adds up
	// with them put back, each cell then taken as printed. A split whose
	// search as printed read neither cell searches the same way swapped:
	// it places nothing, in as many steps.
	var searched []splitSearch
	fine := false
	if ok {
		searched, fine = p.splitSearches(codes, toks)
	}
	for i := range p.vals {
		for j := i + 1; j < len(p.vals) && j <= i+swapReach; j++ {
			a, b := p.vals[i], p.vals[j]
			if a.text == b.text || slices.Index(p.vals, a) != i || slices.Index(p.vals, b) != j {
				continue // no change, or a cell's text and line twice
			}
			q := p
			q.vals = slices.Clone(p.vals)
			q.vals[i], q.vals[j] = b, a
			qt := slices.Clone(toks)
			qt[i], qt[j] = qt[j], qt[i]
			var known func(int) (int, bool)
			if fine {
				known = func(k int) (int, bool) {
					s := searched[k]
					return s.steps, !s.reads(i, n) && !s.reads(j, n)
				}
			}
			ps, many := q.placingsOf(codes, qt, ok, known)
			if many {
				return nil
			}
			for _, cells := range ps {
				back := make([][]colCell, len(cells))
				for r, rc := range cells {
					for _, c := range rc {
						switch c {
						case a:
							c = b
						case b:
							c = a
						}
						back[r] = append(back[r], c)
					}
				}
				add(back, cellFix{row: -1 - i, col: -1 - j})
			}
		}
	}
	if len(found) != 1 {
		return nil
	}
	return p.placed(codes, found[0].cells)
}

// swapReach is how far apart, in cells, two cells swapped by a misprint
// are looked for.
const swapReach = 3

// columnOneOff reads a table printed column by column (columnRows) one of
// whose panels no placement adds up as one misprinted cell would; nil
// when it is not such a table, or more than one change or panel is off.
func (t *colTable) columnOneOff() []row {
	var byPanel [][]row
	off := 0
	for k, p := range t.panels {
		rs, why := t.panelRows(k)
		if rs == nil && why != "" {
			return nil // more than one placement: no misprint
		}
		if rs == nil {
			if off++; off > 1 {
				return nil
			}
			if rs = p.oneOff(); rs == nil {
				return nil
			}
		}
		byPanel = append(byPanel, rs)
	}
	if off == 0 {
		return nil
	}
	return joinPanels(byPanel)
}

// oneOffPlacements bounds the placements threePublicOneOff tries, over
// every change.
const oneOffPlacements = 1 << 21

// threePublicOneOff reads a 三公 table whose cells came one a line (toks,
// in order, blanks dropped) and that no placement adds up, as one
// misprinted cell would: each misprint of each cell (a digit, a tenfold)
// and each swap of two cells is changed back in turn, and every placement
// that then adds up is a reading. Where there are readings and they all
// make each cell the same part of the same cell (the total it adds up
// to), the cells as printed are the table's sums, kept as table claims:
// sum.table finds the sum that fails, restate.table a cell the model holds
// with another amount. A cell the readings put in two columns (a lone
// vehicle cost: 购置 or 运行) stands for no model figure. nil when no
// change, or no one shape of sums, explains the table.
func threePublicOneOff(t table, orders, sums [][]string, toks []token, at []int) []tableRow {
	scale := 0
	for _, tok := range toks {
		scale = max(scale, tok.scale)
	}
	vals := make([]cell, len(toks))
	for k, tok := range toks {
		vals[k] = cell{t.value(tok), tok.line}
	}
	per := 0
	for _, o := range orders {
		per += binomial(len(o), len(vals))
	}
	// a reading's role of each cell: its column, the cell of the total it
	// is part of (-1 none), and whether it is a total
	type role struct {
		col   string
		of    int
		total bool
	}
	var roles []role
	tried, clear := 0, true
	try := func() {
		tried += per
		eachReading(orders, sums, vals, at, func(order []string, slot []int) {
			cellOf := map[string]int{}
			for i, k := range slot {
				if k >= 0 {
					cellOf[order[i]] = k
				}
			}
			rs := make([]role, len(vals))
			for k := range rs {
				rs[k].of = -1
			}
			for c, k := range cellOf {
				rs[k].col = c
			}
			for _, s := range sums {
				w, ok := cellOf[s[0]]
				if !ok {
					continue
				}
				rs[w].total = true
				for _, c := range s[1:] {
					if k, ok := cellOf[c]; ok {
						rs[k].of = w
					}
				}
			}
			if roles == nil {
				roles = rs
				return
			}
			for k, r := range rs {
				switch {
				case r.of != roles[k].of || r.total != roles[k].total:
					clear = false
				case r.col != roles[k].col:
					roles[k].col = "" // which column, the readings do not tell
				}
			}
		})
	}
	for k, tok := range toks {
		was := vals[k]
		for _, v := range misprints(tok, scale) {
			if tried > oneOffPlacements || !clear {
				return nil
			}
			vals[k].v = t.value(token{mant: v, scale: scale})
			try()
		}
		vals[k] = was
		for j := k + 1; j < len(vals); j++ {
			if vals[j].v == was.v {
				continue
			}
			if tried > oneOffPlacements || !clear {
				return nil
			}
			vals[k].v, vals[j].v = vals[j].v, was.v
			try()
			vals[k], vals[j].v = was, vals[k].v
		}
	}
	if roles == nil || !clear {
		return nil
	}
	ref := func(k int) string {
		if roles[k].col == "" {
			return refThreePublic + "cell:" + strconv.Itoa(k)
		}
		return refThreePublic + roles[k].col
	}
	var rows []tableRow
	for k, r := range roles {
		if r.of < 0 && !r.total {
			continue
		}
		row := tableRow{ref: ref(k), tok: toks[k], line: toks[k].line}
		if r.of >= 0 {
			row.of = ref(r.of)
		}
		rows = append(rows, row)
	}
	return rows
}

// procurementOneOff reads a 政府采购 table whose kinds' candidates (toks,
// by field: each value of the kind's row) add up to its 合计 no way, as one
// misprinted cell would: a choice of one candidate a kind is explained when
// one misprint of the 合计 or of one chosen cell (a digit, a tenfold)
// makes it add up. Where exactly one choice is explained (as the reading
// trusts the one choice that adds up), its cells as printed are the 合计's
// parts, kept as table claims; nil otherwise.
func procurementOneOff(t table, total token, present []string, toks map[string][]token) []tableRow {
	scale := total.scale
	for _, f := range present {
		for _, tok := range toks[f] {
			scale = max(scale, tok.scale)
		}
	}
	misprinted := func(tok token, want schema.Money) bool {
		for _, v := range misprints(tok, scale) {
			if t.value(token{mant: v, scale: scale}) == want {
				return true
			}
		}
		return false
	}
	var found []token
	explained := 0
	choice := make([]token, len(present))
	var try func(i int, sum schema.Money)
	try = func(i int, sum schema.Money) {
		if i == len(present) {
			ok := misprinted(total, sum)
			for _, c := range choice {
				ok = ok || misprinted(c, t.value(total)-(sum-t.value(c)))
			}
			if ok {
				explained++
				found = slices.Clone(choice)
			}
			return
		}
		for _, c := range toks[present[i]] {
			choice[i] = c
			try(i+1, sum+t.value(c))
		}
	}
	try(0, 0)
	if explained != 1 {
		return nil
	}
	rows := []tableRow{{ref: refProcurement, tok: total, line: total.line}}
	for k, f := range present {
		rows = append(rows, tableRow{ref: refProcurement + f, of: refProcurement, tok: found[k], line: found[k].line})
	}
	return rows
}

// treeOneOffTries bounds the changed trees treeOneOff weighs, over every
// order of the values left over.
const treeOneOffTries = 1 << 17

// treeOneOff keeps the failing sums of a coded table default mode printed
// row by row (its values left over put back in each order, spares.go)
// that treeSums and spareSums leave — too few sums hold for their rule,
// which a misreading may break as well as a misprint: where changing one
// cell of the failing sums back by one misprint (a digit, a tenfold) makes
// every sum hold, and every such explanation
// (a change, in an order) changes the same cell and leaves the same sums
// failing as printed, those sums are kept as table claims. An order in
// which every sum holds as printed gives nothing; so do two explanations
// that differ. Two cells swapped are not tried: a value printed a row late
// is default mode's own disorder. The table stays out of the model as its
// reader left it.
func (b *builder) treeOneOff(t table) {
	if !t.rowwise || t.oneOff != nil || b.keptFrom(t) {
		return
	}
	scale := 0
	for _, r := range t.rows {
		for _, v := range r.vals {
			scale = max(scale, v.scale)
		}
	}
	for _, v := range t.spares {
		scale = max(scale, v.scale)
	}
	var kept []tableRow
	cell := "" // the explanation's changed cell
	explained, agreed, tries := 0, true, 0
	each := func(rows []row) bool {
		nodes, _, ok := treeNodes(t, rows)
		if !ok {
			return false
		}
		failing, _ := treeFails(t, nodes, 0)
		if len(failing) == 0 {
			agreed = false // the table adds up as printed
			return false
		}
		var cand []int // the rows of the failing sums
		for _, i := range failing {
			cand = append(cand, i)
			cand = append(cand, nodes[i].children...)
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		// holds tells whether every sum holds with row i's cell read as v
		holds := func(i int, v token) bool {
			if tries++; tries > treeOneOffTries {
				agreed = false
				return false
			}
			was := nodes[i].r.vals
			nodes[i].r.vals = append([]token{v}, was[1:]...)
			f, _ := treeFails(t, nodes, 0)
			nodes[i].r.vals = was
			return len(f) == 0
		}
		found := func(what string) {
			got := treeCells(t, nodes, 0, failing)
			switch {
			case explained == 0:
				kept, cell = got, what
			case what != cell || !sameKept(got, kept):
				agreed = false
			}
			explained++
		}
		for _, i := range cand {
			if !nodes[i].ok {
				continue
			}
			tok := nodes[i].r.vals[0]
			for _, v := range misprints(tok, scale) {
				if holds(i, token{mant: v, scale: scale, line: tok.line}) {
					found(fmt.Sprintf("%d@%d", tok.mant, tok.line))
				}
			}
		}
		return agreed
	}
	if len(t.spares) == 0 {
		each(t.rows)
	} else {
		spareOrders(t, each)
	}
	if explained > 0 && agreed {
		b.keep(t, kept)
	}
}

// fiscalOneOff keeps the two 总计 of a 财政拨款收支总表 default mode printed
// (rows in reading order) that differ by one misprint: a value of the
// revenue side's 总计 row and one of the expenditure side's, one of which
// a digit or a tenfold changed back makes the other, the table's largest
// figure then (a 总计 sums its side). Exactly one such pair must be found;
// the expenditure side's against the revenue side's as table claims
// (sum.table), nil otherwise.
func fiscalOneOff(t table, rows []row) []tableRow {
	var totals []row
	year := yearTotals(rows)
	for _, r := range rows {
		switch year(rowName(r.name)) {
		case "总计", "收入总计", "支出总计", "收入合计", "支出合计":
			if len(r.vals) > 0 {
				totals = append(totals, r)
			}
		}
	}
	if len(totals) != 2 {
		return nil
	}
	scale := 0
	for _, r := range rows {
		for _, v := range r.vals {
			scale = max(scale, v.scale)
		}
	}
	// largest tells whether v is at least every value of the table but
	// a and z, the two 总计 read
	largest := func(v schema.Money, a, z token) bool {
		for _, r := range rows {
			for _, c := range r.vals {
				if c != a && c != z && t.value(c) > v {
					return false
				}
			}
		}
		return true
	}
	// back tells whether one misprint of x changed back makes it y
	back := func(x, y token) bool {
		for _, m := range misprints(x, scale) {
			if t.value(token{mant: m, scale: scale}) == t.value(y) {
				return true
			}
		}
		return false
	}
	var found []tableRow
	for _, a := range totals[0].vals {
		for _, z := range totals[1].vals {
			va, vz := t.value(a), t.value(z)
			if va == vz || !(back(a, z) && largest(vz, a, z) || back(z, a) && largest(va, a, z)) {
				continue
			}
			if found != nil {
				return nil // two pairs: which cells are the 总计 is not told
			}
			found = []tableRow{{ref: refFiscal + "revenue", tok: a, line: a.line},
				{ref: refFiscal + "expenditure", of: refFiscal + "revenue", tok: z, line: z.line}}
		}
	}
	return found
}
