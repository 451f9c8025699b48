package extract

import (
	"maps"
	"slices"
)

// Coded gaps. Default-mode text can print a coded row's amount away from
// its row — after the table's last row, or a few rows on, or beside the
// next row's own — leaving the row without a value and another with more
// than one. Which of a row's several values is its own is not known, so
// they are all left over. The codes make a tree that checks itself (a 类 is
// the sum of its 款, a 款 of its 项, the 合计 of its 类), and a row without
// a value is given one only when the tree computes it — from its children,
// or from its parent less its known siblings, when it is the one row under
// that parent without a value and every row after it is confirmed by its
// own children (else the values may have been printed a row late) — and
// that amount is among the left-over values. Two rows missing under one
// parent stay missing: their sum is known, not which is which (a value
// printed after the next row's would swap them). The table readers' own
// checks then leave out what does not add up.

// fillCodedGaps places left-over values of a coded table with one value
// column (as many coded rows with one value as with several, at least).
// laidOut says the text keeps rows on their lines (pdftotext -layout),
// where values are not printed a row late. The values left over are
// returned, in the order printed (spares.go weighs them).
func fillCodedGaps(rows []row, laidOut bool) []token {
	var gaps []int
	single, multi := 0, 0
	for i, r := range rows {
		if r.code == "" {
			continue
		}
		switch len(r.vals) {
		case 0:
			gaps = append(gaps, i)
		case 1:
			single++
		default:
			multi++
		}
	}
	if multi == 0 || single < 2 || single < multi {
		return nil
	}
	// a row with several values may hold a row's before it as well as its
	// own, or a later row's: which is its own is for the tree to say, so
	// all its values are left over and the row has none
	var spares []token // in the order printed
	var firstOf []int  // each row's first spare (its own cell, right after its name), -1 for none
	for i := range rows {
		firstOf = append(firstOf, -1)
		if rows[i].code != "" && len(rows[i].vals) > 1 {
			firstOf[i] = len(spares)
			spares = append(spares, rows[i].vals...)
			rows[i].vals = nil
			gaps = append(gaps, i)
		}
	}
	slices.Sort(gaps)
	byCode := map[string]int{} // the 合计 above the classes is their parent, ""
	for i, r := range rows {
		if r.code != "" {
			byCode[r.code] = i
		} else if _, ok := byCode[""]; !ok && len(byCode) == 0 && len(r.vals) == 1 && isTotal(rowName(r.name)) {
			byCode[""] = i
		}
	}
	parent := func(code string) string {
		if len(code) > 3 {
			return code[:len(code)-2]
		}
		return ""
	}
	amount := func(i int) (int64, bool) {
		if len(rows[i].vals) == 0 {
			return 0, false
		}
		return units(rows[i].vals[0]), true
	}
	// under lists the rows whose parent is code: their sum over the known
	// ones, and the rows without a value
	under := func(code string) (sum int64, n int, missing []int) {
		for i, r := range rows {
			if r.code == "" || parent(r.code) != code {
				continue
			}
			n++
			if v, known := amount(i); known {
				sum += v
			} else {
				missing = append(missing, i)
			}
		}
		return sum, n, missing
	}
	used := make([]bool, len(spares))
	// ownLater tells whether every row after g under g's parent holds its
	// own value: its children add up to it
	ownLater := func(g int) bool {
		if laidOut {
			return true
		}
		p := parent(rows[g].code)
		for i := g + 1; i < len(rows); i++ {
			if rows[i].code == "" || parent(rows[i].code) != p {
				continue
			}
			v, known := amount(i)
			sum, n, missing := under(rows[i].code)
			if !known || n == 0 || len(missing) > 0 || sum != v {
				return false
			}
		}
		return true
	}
	// fill gives row g the first unused left-over value equal to want
	fill := func(g int, want int64) bool {
		for j, v := range spares {
			if !used[j] && units(v) == want {
				used[j] = true
				rows[g].vals = []token{v}
				return true
			}
		}
		return false
	}
	for progress := true; progress; {
		progress = false
		// a row whose children are all known is their sum
		for _, g := range gaps {
			if len(rows[g].vals) > 0 {
				continue
			}
			if sum, n, missing := under(rows[g].code); n > 0 && len(missing) == 0 && fill(g, sum) {
				progress = true
			}
		}
		// the one row without a value under a known parent is the
		// difference — unless a row after it could hold its value: values
		// printed a row late would leave the same sum (each row the one
		// before's, the last's left over), so every later row's value must
		// be its own children's sum
		for _, code := range slices.Sorted(maps.Keys(byCode)) {
			pv, known := amount(byCode[code])
			if !known {
				continue
			}
			if sum, _, missing := under(code); len(missing) == 1 && ownLater(missing[0]) && fill(missing[0], pv-sum) {
				progress = true
			}
		}
		if progress {
			continue
		}
		// a row without a value whose one child without a value printed
		// more than one cell: the child's own cell is the first after its
		// name, and the row is its children's sum, where that sum is one
		// of the left-over values (the row's, printed away from it)
		for _, g := range gaps {
			sum, n, missing := under(rows[g].code)
			if len(rows[g].vals) > 0 || n == 0 || len(missing) != 1 || firstOf[missing[0]] < 0 || used[firstOf[missing[0]]] {
				continue
			}
			own := firstOf[missing[0]]
			used[own] = true
			if fill(g, sum+units(spares[own])) {
				rows[missing[0]].vals = []token{spares[own]}
				progress = true
			} else {
				used[own] = false
			}
		}
	}
	var left []token
	for j, v := range spares {
		if !used[j] {
			left = append(left, v)
		}
	}
	return left
}

// units is a number cell's value in ten-thousandths of the table's unit.
func units(t token) int64 {
	return scaleDown(t.mant*10000, t.scale)
}
