package extract

import (
	"fmt"
	"slices"
)

// Values printed away from their rows. Default mode can print a coded
// table's amounts after its last row (or a row's own after the next one's),
// leaving rows without a value; fillCodedGaps gives a row back its value
// only where the tree computes it and that amount was printed, so a
// misprinted cell among those or in the sums that place them leaves the
// rows blank, and a blank row takes its parent's sum out of treeSums — the
// misprint then breaks too few sums that still count, and nothing names it.
// spareSums puts the values left over back, as many as the rows without
// one, in every order: where one order makes every sum hold the table
// agrees with itself and gives nothing; otherwise the orders that break
// the fewest sums must all break the same ones with the same cells, and
// those sums are kept as table claims (treeSums' rule: three sums hold at
// least, more than fail, one to four fail). The table stays out of the
// model as its reader left it.

// maxSpares bounds the rows without a value tried (their orders: 720).
const maxSpares = 6

// spareSums keeps the failing sums of a coded table default mode printed
// row by row with its left-over values placed, where every placement that
// breaks the fewest sums breaks the same ones.
func (b *builder) spareSums(t table) {
	if t.oneOff != nil || b.keptFrom(t) {
		return
	}
	fewest := -1
	var kept []tableRow
	agreed := true
	spareOrders(t, func(rows []row) bool {
		got, fails, ok := treeKept(t, rows)
		switch {
		case !ok || fails == 0: // no tree, or the values fit: nothing to name
			fewest = 0
			return false
		case fewest < 0 || fails < fewest:
			fewest, kept, agreed = fails, got, true
		case fails == fewest && !sameKept(got, kept):
			agreed = false
		}
		return true
	})
	if fewest > 0 && agreed {
		b.keepSums(t, kept)
	}
}

// sparesAddUp tells whether a table's left-over values put back in some
// order make every sum of its code tree hold.
func sparesAddUp(t table) bool {
	adds := false
	spareOrders(t, func(rows []row) bool {
		_, fails, ok := treeKept(t, rows)
		adds = ok && fails == 0
		return !adds
	})
	return adds
}

// spareOrders calls f with the rows of a coded table default mode printed
// row by row, its left-over values put back on the rows without one (as
// many) in each order, until f returns false.
func spareOrders(t table, f func(rows []row) bool) {
	if !t.rowwise || len(t.spares) == 0 {
		return
	}
	var gaps []int // the coded rows without a value
	for i, r := range t.rows {
		if r.code != "" && len(r.vals) == 0 {
			gaps = append(gaps, i)
		}
	}
	if len(gaps) != len(t.spares) || len(gaps) > maxSpares {
		return
	}
	rows := make([]row, len(t.rows))
	copy(rows, t.rows)
	for _, order := range orders(len(gaps)) {
		for k, g := range gaps {
			rows[g].vals = []token{t.spares[order[k]]}
		}
		if !f(rows) {
			return
		}
	}
}

// orders lists the orders of n things, each as the indexes taken in turn.
func orders(n int) [][]int {
	if n == 0 {
		return [][]int{nil}
	}
	var out [][]int
	for _, o := range orders(n - 1) {
		for at := 0; at <= len(o); at++ {
			p := make([]int, 0, n)
			p = append(p, o[:at]...)
			p = append(p, n-1)
			out = append(out, append(p, o[at:]...))
		}
	}
	return out
}

// sameKept tells whether two readings keep the same sums: the same cells
// as parts of the same cells (which row of a parent a value was put on
// changes no sum).
func sameKept(a, b []tableRow) bool {
	return slices.Equal(keptSums(a), keptSums(b))
}

// keptSums gives each kept cell with the cell it is a part of, sorted.
func keptSums(kept []tableRow) []string {
	cell := func(t token) string { return fmt.Sprintf("%d@%d", t.mant, t.line) }
	byRef := map[string]string{}
	for _, r := range kept {
		byRef[r.ref] = cell(r.tok)
	}
	out := make([]string, len(kept))
	for i, r := range kept {
		out[i] = byRef[r.of] + " " + cell(r.tok)
	}
	slices.Sort(out)
	return out
}
