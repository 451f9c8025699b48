package extract

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Panels. 决算 templates print 基本支出 by economic class as two panels side
// by side — 人员经费 on the left, 公用经费 on the right — each with its own
// 类/款 code, name and 决算数 columns. pdftotext -layout keeps every
// character at its column but prints a row's cells on different lines (an
// amount above its code, a name below), so a row is a block of lines
// between blank lines, and a cell belongs to the panel whose code column is
// the last at or left of it. A block with one code and at most one amount
// in a panel is a row; anything else leaves its amounts unread. A panel is
// used when its classes add up to its 合计 (人员经费合计, 公用经费合计).

// panelRow is one block's content within one panel.
type panelRow struct {
	codes   []string // 类 and 款 codes in order: "301", "01"
	name    string
	amounts []cell
	toks    []token // the amounts as printed, on their lines
	total   bool    // a 合计 row
	codeAt  int     // the 1-based line of its first code
}

// oneLine tells a row whose code and amount share a line before line
// (1-based): a whole row printed on one line.
func (r *panelRow) oneLine(line int) bool {
	if r.codeAt == 0 || r.codeAt >= line {
		return false
	}
	for _, a := range r.amounts {
		if a.line == r.codeAt {
			return true
		}
	}
	return false
}

// economicPanels reads a two-panel economic table from layout text; ok is
// false when the table is not one (fewer than two code columns).
func (b *builder) economicPanels(t table, lines []string) (classes []schema.ClassItem, at []int, itemAt [][]int, ok bool) {
	isClass := func(s string) bool {
		_, known := schema.LookupCode(schema.SchemeEconomic, s)
		return len(s) == 3 && known
	}
	// the code columns: where class codes start
	var starts []int
	first := -1
	for i := t.line; i < t.end; i++ {
		for _, sg := range segmentsOf(lines[i]) {
			if w := strings.Fields(sg.text); len(w) > 0 && isClass(w[0]) {
				starts = append(starts, sg.start)
				if first < 0 {
					first = i
				}
			}
		}
	}
	sort.Ints(starts)
	var cols []int // each panel's leftmost code column
	for _, s := range starts {
		if len(cols) == 0 || s-cols[len(cols)-1] > 12 {
			cols = append(cols, s)
		}
	}
	if len(cols) < 2 {
		return nil, nil, nil, false
	}
	panelOf := func(col int) int {
		p := 0
		for k, c := range cols {
			if col >= c-2 {
				p = k
			}
		}
		return p
	}
	// blocks of lines between blank lines, from the first code on
	rows := make([][]*panelRow, len(cols)) // per panel, in order
	block := make([]*panelRow, len(cols))
	flushPanel := func(p int) {
		r := block[p]
		block[p] = nil
		if r == nil {
			return
		}
		if n := len(r.amounts); r.total && len(r.codes) > 0 && n > 0 {
			// a 合计 printed with no blank line after the last row: the
			// last amount is the total's, any before it the row's (the
			// panel's sum confirms it below)
			rows[p] = append(rows[p], &panelRow{codes: r.codes, name: r.name, amounts: r.amounts[:n-1], toks: r.toks[:n-1]})
			r = &panelRow{total: true, amounts: r.amounts[n-1:], toks: r.toks[n-1:]}
		}
		rows[p] = append(rows[p], r)
	}
	flush := func() {
		for p := range block {
			flushPanel(p)
		}
	}
	for i := max(first-1, t.line); i < t.end; i++ {
		if strings.TrimSpace(lines[i]) == "" {
			flush()
			continue
		}
		for _, sg := range segmentsOf(lines[i]) {
			p := panelOf(sg.start)
			// rows printed a line each, with no blank line between them: a
			// class code or a 合计 opens the next row when the block holds a
			// whole row on one line (its code and its amount)
			if r := block[p]; r != nil && r.oneLine(i+1) {
				if w := strings.Fields(sg.text); isClass(w[0]) || strings.Contains(w[0], "合计") {
					flushPanel(p)
				}
			}
			if block[p] == nil {
				block[p] = &panelRow{}
			}
			r := block[p]
			for _, w := range strings.Fields(sg.text) {
				switch {
				case isNumberCell(w) && (strings.ContainsAny(w, ".,") || len(r.codes) == 0 && len(w) > 3):
					toks := lexNumbers(w)
					if len(toks) != 1 {
						return nil, nil, nil, false
					}
					r.amounts = append(r.amounts, cell{t.value(toks[0]), i + 1})
					tok := toks[0]
					tok.line = i + 1
					r.toks = append(r.toks, tok)
				case isClass(w) || len(w) == 2 && isNumberCell(w) && len(r.codes) > 0:
					if len(r.codes) == 0 {
						r.codeAt = i + 1
					}
					r.codes = append(r.codes, w)
				default:
					r.name += w
					r.total = r.total || strings.Contains(w, "合计")
				}
			}
		}
	}
	flush()
	for p, prs := range rows {
		var total *cell
		var totalTok token
		var mine []schema.ClassItem
		var mineAt []int
		var mineItemAt [][]int
		var mineRows [][]tableRow // each class's cells, then its items'
		var unsure []string       // classes with an item whose amount is not sure
		for _, r := range prs {
			switch {
			case r.total:
				if len(r.amounts) == 1 {
					total, totalTok = &r.amounts[0], r.toks[0]
				}
				continue
			case len(r.codes) == 0:
				continue
			}
			lei := r.codes[0]
			var kuan []string
			for _, c := range r.codes[1:] {
				if isClass(c) { // two rows in one block
					kuan = nil
					lei = ""
					break
				}
				kuan = append(kuan, c)
			}
			if lei == "" || len(kuan) > 1 || len(r.amounts) > 1 {
				if len(r.amounts) > 0 {
					unsure = append(unsure, r.codes[0])
				}
				continue
			}
			if len(kuan) == 0 { // a class row
				if len(r.amounts) != 1 {
					continue // a class with nothing spent
				}
				c, _ := schema.LookupCode(schema.SchemeEconomic, lei)
				mine = append(mine, schema.ClassItem{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Amount: r.amounts[0].v})
				mineAt = append(mineAt, r.amounts[0].line)
				mineItemAt = append(mineItemAt, nil)
				mineRows = append(mineRows, []tableRow{{ref: refEconomic + c.Code, tok: r.toks[0], line: r.toks[0].line}})
				continue
			}
			if len(r.amounts) == 0 {
				continue
			}
			if n := len(mine); n > 0 && mine[n-1].Code == lei {
				mine[n-1].Items = append(mine[n-1].Items, schema.ClassItem{Code: lei + kuan[0], Name: schema.NormalizeName(r.name), Amount: r.amounts[0].v})
				mineItemAt[n-1] = append(mineItemAt[n-1], r.amounts[0].line)
				mineRows[n-1] = append(mineRows[n-1], tableRow{ref: refEconomic + lei + kuan[0], of: refEconomic + lei, tok: r.toks[0], line: r.toks[0].line})
			} else {
				unsure = append(unsure, lei)
			}
		}
		var sum schema.Money
		for _, c := range mine {
			sum += c.Amount
		}
		if total == nil || sum != total.v || len(mine) == 0 {
			b.warnTable(t, fmt.Sprintf("panel %d of this table: its classes add up to %s yuan, and its 合计 is not read or differs: table not used", p+1, sum))
			if total != nil && len(unsure) == 0 {
				// every block read as a row: the classes against the 合计
				whole := "panel:" + strconv.Itoa(p)
				kept := []tableRow{{ref: whole, tok: totalTok, line: totalTok.line}}
				for _, rs := range mineRows {
					r := rs[0]
					r.of = whole
					kept = append(kept, r)
				}
				if itemsOneOff(kept) {
					b.keep(t, kept)
				}
			}
			return nil, nil, nil, true
		}
		// items are kept when sure and within the rounding of their parts
		for k := range mine {
			c := &mine[k]
			var s schema.Money
			for _, it := range c.Items {
				s += it.Amount
			}
			half := schema.Money(t.factor / 2) // half the table's last digit, in fen
			if d := s - c.Amount; len(c.Items) == 0 || !slices.Contains(unsure, c.Code) && d <= half*schema.Money(len(c.Items)+1) && -d <= half*schema.Money(len(c.Items)+1) {
				continue
			}
			b.warnTable(t, fmt.Sprintf("the items of %s %s are not all read: items left out", c.Code, c.Name))
			if !slices.Contains(unsure, c.Code) && itemsOneOff(mineRows[k]) {
				b.keep(t, mineRows[k]) // the class against its items: sum.table
			}
			c.Items, mineItemAt[k] = nil, nil
		}
		classes = append(classes, mine...)
		at = append(at, mineAt...)
		itemAt = append(itemAt, mineItemAt...)
	}
	order := make([]int, len(classes))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(i, j int) bool { return classes[order[i]].Code < classes[order[j]].Code })
	sorted, sortedAt, sortedItemAt := make([]schema.ClassItem, len(order)), make([]int, len(order)), make([][]int, len(order))
	for k, o := range order {
		sorted[k], sortedAt[k], sortedItemAt[k] = classes[o], at[o], itemAt[o]
	}
	return sorted, sortedAt, sortedItemAt, true
}

// itemsOneOff tells a whole's cell and its parts' (rows, the whole first: a
// class and its items, a panel's 合计 and its classes) whose sum one
// misprint explains: one cell's digit or tenfold changed back makes the
// parts add up to the whole within the rounding of every cell.
// The blocks were read as in a table whose items add up, so the failing
// sum is the document's; a sum no misprint explains may be a misreading.
func itemsOneOff(rows []tableRow) bool {
	if len(rows) < 3 {
		return false
	}
	vals := make([]token, len(rows))
	for i, r := range rows {
		vals[i] = r.tok
	}
	return rowOneOff(vals)
}

// Panels in default mode. pdftotext's default mode prints the two panels'
// cells interleaved beyond reading rows (a class's amount lands before its
// code, a row or two from its name, or hundreds of cells away with its
// panel's column), but each panel's 合计 stays beside its label at the
// table's end: "人员经费合计 | 2,152.26 | 公用经费合计 | 184.65". The classes
// are read without their items: each class may take an amount printed
// near its name (the two before and the two after it) or none, the
// personnel classes (工资福利支出, 对个人和家庭的补助) must add up to
// 人员经费合计 and the others to 公用经费合计, and a class keeps an amount
// when every placement that adds up gives it the same one.

// personnelClasses are the economic classes that make up 人员经费.
var personnelClasses = []string{"301", "303"}

// nearAmounts is how many amounts on each side of a class's name may be its.
const nearAmounts = 2

// economicCells reads the classes of a two-panel basic-expenditure table
// from default-mode cells, or nil.
func economicCells(t table, lines, flat []string) (classes []schema.ClassItem, at []int) {
	items := tableCells(t, lines, flat, false)
	isAmount := func(i int) bool {
		s := items[i].text
		return isNumberCell(s) && strings.ContainsAny(s, ".,") // codes are bare digits
	}
	// the panels' totals, each the amount right after its label
	var totals [2]*cell
	stop := len(items) // no class's amount is after the first total
	for i := 0; i+1 < len(items); i++ {
		k := slices.Index([]string{"人员经费合计", "公用经费合计"}, rowName(items[i].text))
		if k < 0 || !isAmount(i+1) {
			continue
		}
		tok, ok := cellToken(items[i+1].text, items[i+1].line)
		if !ok || totals[k] != nil {
			return nil, nil
		}
		totals[k] = &cell{t.value(tok), tok.line}
		stop = min(stop, i)
	}
	if totals[0] == nil || totals[1] == nil {
		return nil, nil
	}
	// each class's name, by its current name when printed (a former name
	// may be another row's: 其他资本性支出 is 31099 since 2018)
	names := map[string][]int{}
	current := map[string]bool{}
	for i := range stop {
		c, ok := schema.ClassByName(schema.SchemeEconomic, rowName(items[i].text))
		if !ok || isNumberCell(items[i].text) {
			continue
		}
		exact := schema.NormalizeName(c.Name) == rowName(items[i].text)
		switch {
		case exact && !current[c.Code]:
			names[c.Code], current[c.Code] = []int{i}, true
		case exact == current[c.Code]:
			names[c.Code] = append(names[c.Code], i)
		}
	}
	codes := slices.Sorted(maps.Keys(names))
	named := func(i int) bool {
		for _, ns := range names {
			if slices.Contains(ns, i) {
				return true
			}
		}
		return false
	}
	var vals []cell
	var from []int // each value's cell
	cands := make([][]int, len(codes))
	for k, code := range codes {
		if len(names[code]) != 1 {
			return nil, nil // named twice: which is the class's row is not known
		}
		i := names[code][0]
		for _, step := range []int{-1, 1} {
			n := 0
			for j := i + step; j >= 0 && j < stop && n < nearAmounts && !named(j); j += step {
				if !isAmount(j) {
					continue
				}
				tok, ok := cellToken(items[j].text, items[j].line)
				if !ok {
					continue
				}
				n++
				cands[k] = append(cands[k], len(vals))
				vals = append(vals, cell{t.value(tok), tok.line})
				from = append(from, j)
			}
		}
	}
	// every placement that adds up
	pick := make([]int, len(codes))
	var got []int // per class: a value, -1 blank, -2 in doubt
	steps := 0
	var walk func(k int, sums [2]schema.Money)
	walk = func(k int, sums [2]schema.Money) {
		if steps++; steps > maxPlacements {
			return
		}
		if k == len(codes) {
			if sums[0] != totals[0].v || sums[1] != totals[1].v {
				return
			}
			got = agree(got, pick, vals)
			return
		}
		side := 1
		if slices.Contains(personnelClasses, codes[k]) {
			side = 0
		}
		pick[k] = -1
		walk(k+1, sums)
		for _, v := range cands[k] {
			if slices.ContainsFunc(pick[:k], func(p int) bool { return p >= 0 && from[p] == from[v] }) {
				continue // one printed amount is one class's
			}
			pick[k] = v
			s := sums
			s[side] += vals[v].v
			walk(k+1, s)
		}
	}
	walk(0, [2]schema.Money{})
	if steps > maxPlacements {
		return nil, nil // too many ways to place the amounts: none is sure
	}
	for k, code := range codes {
		if got == nil || got[k] < 0 {
			continue
		}
		c, _ := schema.LookupCode(schema.SchemeEconomic, code)
		classes = append(classes, schema.ClassItem{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Amount: vals[got[k]].v})
		at = append(at, vals[got[k]].line)
	}
	return classes, at
}
