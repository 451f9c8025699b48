package extract

import "budgetpub/schema"

// maxPlacements bounds the readings solveRow tries; a row with more ways
// to place its values is left unread.
const maxPlacements = 1 << 18

// solveRow reads one row of a table whose cells came in order with its
// blank cells dropped. Each order names the row's columns, left to right
// (the templates seen); each sum names a column that is the sum of others.
// Every placement of the values into an order's columns, keeping their
// order and leaving the other columns blank (zero), that satisfies every
// sum is a reading. A column is read when every reading puts the same
// value in it, and that value is a cell of the text, never a blank: the
// result holds only what the row's arithmetic leaves no doubt about. ok is
// false when there is no reading at all. at, when given, fixes the column
// of each value, and only the orders are tried.
func solveRow(orders, sums [][]string, vals []cell, at []int) (got map[string]cell, ok bool) {
	got = map[string]cell{}
	doubt := map[string]bool{}
	readings := 0
	tried := eachReading(orders, sums, vals, at, func(order []string, slot []int) {
		readings++
		for i, c := range order {
			var v cell // a blank: zero, and no line to read it from
			if slot[i] >= 0 {
				v = vals[slot[i]]
			}
			prev, seen := got[c]
			switch {
			case v.line == 0:
				doubt[c] = true
			case readings == 1:
				got[c] = v
			case !seen || prev.v != v.v:
				doubt[c] = true
			}
		}
	})
	if !tried || readings == 0 {
		return nil, false
	}
	for c := range doubt {
		delete(got, c)
	}
	return got, true
}

// eachReading calls read with every placement of vals into an order's
// columns (slot: the value in each column, -1 blank) that satisfies every
// sum; false when there are too many placements to try.
func eachReading(orders, sums [][]string, vals []cell, at []int, read func(order []string, slot []int)) bool {
	total := 0
	for _, o := range orders {
		total += binomial(len(o), len(vals))
	}
	if total == 0 || total > maxPlacements {
		return false
	}
	for _, order := range orders {
		n := len(order)
		index := make(map[string]int, n)
		for i, c := range order {
			index[c] = i
		}
		slot := make([]int, n)
		pos := make([]int, len(vals))
		for i := range pos {
			pos[i] = i
		}
		if at != nil {
			copy(pos, at)
		}
		for {
			for i := range slot {
				slot[i] = -1
			}
			for k, p := range pos {
				slot[p] = k
			}
			if adds(sums, index, slot, vals) {
				read(order, slot)
			}
			if at != nil || !nextCombination(pos, n) {
				break
			}
		}
	}
	return true
}

// adds tells whether every sum holds for a placement; a sum over columns
// the order lacks does not apply.
func adds(sums [][]string, index map[string]int, slot []int, vals []cell) bool {
	value := func(c string) (schema.Money, bool) {
		i, ok := index[c]
		if !ok {
			return 0, false
		}
		if slot[i] < 0 {
			return 0, true
		}
		return vals[slot[i]].v, true
	}
	for _, s := range sums {
		want, ok := value(s[0])
		if !ok {
			continue
		}
		var sum schema.Money
		for _, c := range s[1:] {
			v, _ := value(c)
			sum += v
		}
		if sum != want {
			return false
		}
	}
	return true
}

// nextCombination advances pos, an increasing choice of len(pos) of n
// columns, to the next one in lexical order.
func nextCombination(pos []int, n int) bool {
	k := len(pos)
	for i := k - 1; i >= 0; i-- {
		if pos[i] < n-k+i {
			pos[i]++
			for j := i + 1; j < k; j++ {
				pos[j] = pos[j-1] + 1
			}
			return true
		}
	}
	return false
}

// binomial is n choose k, saturating past maxPlacements.
func binomial(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
		if r > maxPlacements {
			return maxPlacements + 1
		}
	}
	return r
}
