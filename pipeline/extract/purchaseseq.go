package extract

import (
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Purchases in default mode. pdftotext without -layout prints the amounts
// of a 政府采购支出预算表 one per line, apart from the names of their
// rows; where it prints the rows in their order, the amounts read down the
// table are the tree purchaseSums reads from layout text written out in
// order: the 合计, each kind (一、货物 A …) followed by its subtotals, each
// subtotal by its purchases. Which amount is which is not printed beside
// it, so the sums place them: each total's parts are the amounts after it
// up to where they reach it (there is one such reading at most), and the
// 合计 has as many parts as the table prints kind lines. A table that reads
// so as printed keeps no claim. Where it does not, and the readings that
// one misprint allows — one cell's digit changed, a tenfold or a tenth —
// are all the same tree, the amounts are read as that tree, each as
// printed, and its failing sums (those through the misprinted cell,
// whichever it is) are kept as table claims (failingPurchases). Where no
// misprint reads the whole table (default mode printed the rows after a
// kind out of order), the kinds that read as printed — the amounts from
// the second on, each kind's up to where they reach it — and the next are
// read the same way. Default mode may also print the 总计 header with the
// column's first cells after the rest of their page: the amounts are read
// with those first too, and kept only where one order reads. Where
// misprints give two trees, or none, nothing is kept; rows printed out of
// order read as no tree. The value a misprint would have had goes nowhere.

const (
	purchaseDepth = 3     // kinds, subtotals and purchases under the 合计
	purchaseTries = 10000 // bounds the misprints tried for one table
)

// kindWords name a purchase's kind; kindFields are the kinds' fields under
// /procurement, in the same order.
var (
	kindWords  = []string{"货物", "工程", "服务"}
	kindFields = []string{"/goods", "/works", "/services"}
)

// purchaseTree reads amounts, down the table (none negative), as the
// tree of a 合计, its kinds, their subtotals and their purchases: the
// parent of each amount (-1 for the 合计), nil when they do not add up
// that way. The amounts not being negative, there is one way at most:
// each total's parts are the amounts after it up to where they reach it.
// With kinds > upto > 0, only the first upto kinds' trees are read, from
// the second amount on (their parents -1, the amounts outside them -2).
func purchaseTree(a []int64, kinds, upto int) []int {
	return purchaseTreeIn(make([]int, len(a)), a, kinds, upto)
}

// purchaseTreeIn is purchaseTree writing the parents into parent (of the
// amounts' length): the one-misprint search reads a table thousands of
// times.
func purchaseTreeIn(parent []int, a []int64, kinds, upto int) []int {
	clear(parent)
	// node reads the node of depth d at i; the end of its amounts, -1
	// when its parts do not add up to it
	var node func(i, d int) int
	node = func(i, d int) int {
		if d == purchaseDepth {
			return i + 1
		}
		j, need, parts := i+1, a[i], 0
		for need > 0 || parts == 0 {
			if j >= len(a) || a[j] > need || d == 0 && parts == kinds {
				return -1
			}
			parent[j] = i
			need -= a[j]
			if j = node(j, d+1); j < 0 {
				return -1
			}
			parts++
		}
		if d == 0 && parts != kinds {
			return -1
		}
		return j
	}
	if upto > 0 && upto < kinds {
		parent[0] = -2
		end := 1
		for range upto {
			if end >= len(a) || a[end] >= a[0] {
				return nil
			}
			k := end
			if end = node(k, 1); end < 0 {
				return nil
			}
			parent[k] = -1
		}
		for i := end; i < len(a); i++ {
			parent[i] = -2
		}
		return parent
	}
	if len(a) == 0 || node(0, 0) != len(a) {
		return nil
	}
	parent[0] = -1
	return parent
}

// misread is the tree read reads amounts as with one misprint — one
// cell's digit changed, a tenfold or a tenth — where all such readings
// are the one tree; and how many trees they read (2 for more, or for too
// many tried). Two cells swapped are not tried: default mode prints cells
// out of their order too.
func misread(toks []token, a []int64, read func([]int64) []int) ([]int, int) {
	var tree []int
	tries := 0
	// try reads the amounts as changed; false when the search is over: two
	// changes read as two trees, or too many were tried
	try := func() bool {
		if tries++; tries > purchaseTries {
			return false
		}
		switch p := read(a); {
		case p == nil:
		case tree != nil && !slices.Equal(p, tree):
			return false
		case tree == nil:
			tree = slices.Clone(p) // read may write its next reading over p
		}
		return true
	}
	for j, tok := range toks {
		was := a[j]
		vs := misprints(tok, 4)
		slices.Sort(vs)
		for _, v := range slices.Compact(vs) {
			if v < 0 {
				continue
			}
			a[j] = v
			ok := try()
			a[j] = was
			if !ok {
				return nil, 2
			}
		}
	}
	if tree == nil {
		return nil, 0
	}
	return tree, 1
}

// purchaseSeq keeps the failing sums of a 政府采购支出预算表 default mode
// printed row by row, with one cell misprinted.
func (b *builder) purchaseSeq(t table, lines, flat []string) {
	var toks []token
	kinds, header := 0, false
	head, heads := -1, 0 // the amounts right under the 总计 header: where, how many
	stop := t.end        // where the reading by rows stops
	for i := t.line; i < t.end; i++ {
		c := flat[i]
		if purchasesEnd(c) {
			stop = i + 1
			break
		}
		header = header || strings.Contains(c, "采购物品") || strings.Contains(c, "采购组织形")
		if startsItem(c) && containsAny(c, kindWords) {
			kinds++
		}
		if isTotal(c) && heads == 0 {
			for k := i + 1; k < t.end && isNumberCell(flat[k]) && strings.Contains(flat[k], "."); k++ {
				head, heads = len(toks), heads+1
			}
		}
		for _, cell := range cellsOf(lines[i]) {
			if isNumberCell(cell) && strings.Contains(cell, ".") {
				tok, ok := cellToken(cell, i+1)
				if !ok || tok.mant < 0 {
					return
				}
				toks = append(toks, tok)
			}
		}
	}
	if !header || kinds == 0 || kinds > len(kindWords) || len(toks) < 2*purchaseDepth {
		return
	}
	orders := [][]token{toks}
	if head > 0 && heads > 0 && head+heads <= len(toks) {
		// default mode may print the column's first cells with its header,
		// after the rest of its page: tried first too
		moved := slices.Concat(toks[head:head+heads], toks[:head], toks[head+heads:])
		orders = append(orders, moved)
	}
	var read []token
	var tree []int
	for _, order := range orders {
		switch p, ok := readPurchases(order, kinds); {
		case ok:
			return // adds up as printed
		case p != nil && tree != nil:
			return // two orders read
		case p != nil:
			read, tree = order, p
		}
	}
	if tree == nil && t.laid {
		read, tree = toks, swappedPurchases(toks, kinds)
	}
	if tree == nil {
		b.purchaseLevels(t, lines, flat, toks, stop)
		return
	}
	nodes := make([]purchaseNode, len(read))
	for i, p := range tree {
		nodes[i].tok = read[i]
		if p >= 0 { // not the 合计, nor outside the tree read
			nodes[p].children = append(nodes[p].children, i)
		}
	}
	b.keep(t, failingPurchases(t, nodes, true))
}

// readPurchases reads amounts in their order as a tree of purchases (the
// whole table; where no misprint reads it, the kinds that read as printed
// and the next): ok without a tree where they read as printed; the tree
// one misprint reads them as, nil where none does, or two.
func readPurchases(toks []token, kinds int) ([]int, bool) {
	a := make([]int64, len(toks))
	for i, tok := range toks {
		a[i] = units(tok)
	}
	buf := make([]int, len(a))
	whole := func(a []int64) []int { return purchaseTreeIn(buf, a, kinds, 0) }
	if whole(a) != nil {
		return nil, true
	}
	tree, n := misread(toks, a, whole)
	if n > 0 || kinds == 1 {
		return tree, false
	}
	// the rows after a kind out of order? the kinds before it that read
	// as printed, and the next
	read := 0
	for read+1 < kinds && purchaseTree(a, kinds, read+1) != nil {
		read++
	}
	if read+1 == kinds {
		return nil, false // every kind reads, not their 合计
	}
	tree, _ = misread(toks, a, func(a []int64) []int { return purchaseTreeIn(buf, a, kinds, read+1) })
	return tree, false
}

// purchaseSwapSpan is how far apart, in the order of the amounts, two
// cells swapped are looked for.
const purchaseSwapSpan = 3

// swappedPurchases reads the amounts of a table that keeps its rows in
// their order (layout text) as the tree two of them swapped would read as
// — two near each other in that order, the one such tree —, where neither
// they as printed nor one misprint read as one: nil otherwise. A swap
// between two subtotals breaks both their sums, which one cell changed
// back cannot mend. Default mode prints cells out of their order, so no
// swap is tried there.
func swappedPurchases(toks []token, kinds int) []int {
	a := make([]int64, len(toks))
	for i, tok := range toks {
		a[i] = units(tok)
	}
	buf := make([]int, len(a))
	var tree []int
	tries := 0
	for i := range a {
		for j := i + 1; j < len(a) && j <= i+purchaseSwapSpan; j++ {
			if a[i] == a[j] {
				continue
			}
			if tries++; tries > purchaseTries {
				return nil
			}
			a[i], a[j] = a[j], a[i]
			p := purchaseTreeIn(buf, a, kinds, 0)
			a[i], a[j] = a[j], a[i]
			switch {
			case p == nil:
			case tree != nil && !slices.Equal(p, tree):
				return nil // two swaps read as two trees
			case tree == nil:
				tree = slices.Clone(p)
			}
		}
	}
	return tree
}

// purchaseLevels adds up the amounts of a 政府采购支出预算表 whose rows
// default mode printed out of order, where no tree reads them: the kinds
// add up to the 合计, the subtotals to their kinds, the purchases to their
// subtotals, so each level adds up to the 合计 and all the amounts, in
// whichever order, to purchaseDepth+1 times it (the 合计 the largest, no
// part being negative). Default mode also prints the last cells of the
// table after its note or the heading of the text that follows: those up
// to the end of the page (a form feed, the text's first sentence or
// heading, the end of the text) are added too (from is where the reading by
// rows stopped). Where the sum is not so, and one misprint of one cell
// changed back makes it so (a cell the reading missed, or took from the
// text, is not so near), every amount is kept as a levels claim
// (keepLevels): which cell is wrong is not known, nor placed.
func (b *builder) purchaseLevels(t table, lines, flat []string, toks []token, from int) {
	all := slices.Clone(toks)
	for j := from; j < len(lines); j++ {
		c := flat[j]
		if strings.HasPrefix(lines[j], "\f") || containsAny(c, []string{"说明", "，", "万元"}) {
			break
		}
		if strings.HasPrefix(c, "注") || strings.HasSuffix(c, "。") {
			continue // the note and its numbered lines
		}
		for _, cell := range cellsOf(lines[j]) {
			if isNumberCell(cell) && strings.Contains(cell, ".") && !strings.HasSuffix(cell, ".") {
				tok, ok := cellToken(cell, j+1)
				if !ok || tok.mant < 0 {
					return
				}
				all = append(all, tok)
			}
		}
	}
	if levelsOff(all, purchaseDepth) {
		b.keepLevels(t, all, purchaseDepth)
	}
}

// keepLevels keeps the amounts of a table whose other amounts should add
// up to levels times the largest, the table's total: every amount as a
// levels claim, the total the whole (check rule sum.levels).
func (b *builder) keepLevels(t table, all []token, levels int) {
	top := 0
	for i, tok := range all {
		if units(tok) > units(all[top]) {
			top = i
		}
	}
	unit := tableUnit(t)
	whole := "levels:" + strconv.Itoa(top)
	for i, tok := range all {
		p := pendingClaim{ref: "levels:" + strconv.Itoa(i), claim: schema.Claim{
			Kind: schema.ClaimLevels, Value: t.value(tok).Float(), Decimals: tok.scale, Unit: unit,
			Line: tok.line, Text: strings.TrimSpace(b.st.src[tok.line-1]), Table: t.line,
		}}
		if i == top {
			p.claim.Levels = levels
		} else {
			p.of = whole
		}
		b.pending = append(b.pending, p)
	}
}
