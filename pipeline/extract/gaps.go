package extract

import (
	"maps"
	"slices"
)

// Coded gaps. Default-mode text can print a coded row's amount away from
// its row — after the table's last row, or a few rows on — leaving the row
// without a value and another with one too many. The codes make a tree that
// checks itself (a 类 is the sum of its 款, a 款 of its 项, the 合计 of
// its 类). A row without a value is given one only when the tree computes
// it: from its children, or from its parent less its known siblings. The
// rows without a value under one parent take the one series of consecutive
// left-over values, in the order pdftotext printed them, that makes up the
// parent's difference. Anything else stays as read, for the table readers'
// own checks.

// spare is a value beyond a row's one: vals[val] of rows[row].
type spare struct{ row, val int }

// fillCodedGaps places left-over values of a coded table with one value
// column (every coded row with values has one, but those that gather the
// left-over values).
func fillCodedGaps(rows []row) {
	var gaps []int
	var spares []spare
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
			for k := 1; k < len(r.vals); k++ {
				spares = append(spares, spare{i, k})
			}
		}
	}
	if len(gaps) == 0 || len(spares) == 0 || single < 2 || single <= multi {
		return
	}
	byCode := map[string]int{} // the 合计 above the classes is their parent, ""
	for i, r := range rows {
		if r.code != "" {
			byCode[r.code] = i
		} else if _, ok := byCode[""]; !ok && len(byCode) == 0 && len(r.vals) == 1 && (rowName(r.name) == "合计" || rowName(r.name) == "总计") {
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
	// run finds the one series of consecutive unused left-over values, as
	// many as the rows to fill, that adds up to want (start -1: none, or
	// several)
	run := func(k int, want int64) int {
		found := -1
		for i := range spares {
			var sum int64
			n, j := 0, i
			for ; j < len(spares) && n < k; j++ {
				if !used[j] {
					sum += units(rows[spares[j].row].vals[spares[j].val])
					n++
				}
			}
			if n == k && sum == want && !used[i] {
				if found >= 0 && !sameRun(spares, used, rows, found, i, k) {
					return -1
				}
				if found < 0 {
					found = i
				}
			}
		}
		return found
	}
	fill := func(gaps []int, start int) {
		j := start
		for _, g := range gaps {
			for used[j] {
				j++
			}
			used[j] = true
			rows[g].vals = []token{rows[spares[j].row].vals[spares[j].val]}
		}
	}
	for progress := true; progress; {
		progress = false
		// a row whose children are all known is their sum
		for _, g := range gaps {
			if len(rows[g].vals) > 0 {
				continue
			}
			if sum, n, missing := under(rows[g].code); n > 0 && len(missing) == 0 {
				if start := run(1, sum); start >= 0 {
					fill([]int{g}, start)
					progress = true
				}
			}
		}
		// the rows without a value under a known parent take the series
		// of left-over values, in order, that makes up the difference
		for _, code := range slices.Sorted(maps.Keys(byCode)) {
			pv, known := amount(byCode[code])
			if !known {
				continue
			}
			if sum, _, missing := under(code); len(missing) > 0 {
				if start := run(len(missing), pv-sum); start >= 0 {
					fill(missing, start)
					progress = true
				}
			}
		}
	}
	for i := len(spares) - 1; i >= 0; i-- { // from the end: indexes stay valid
		if s := spares[i]; used[i] {
			rows[s.row].vals = slices.Delete(rows[s.row].vals, s.val, s.val+1)
		}
	}
}

// sameRun tells whether the runs of k unused values from a and from b hold
// the same amounts (then either fills the rows alike).
func sameRun(spares []spare, used []bool, rows []row, a, b, k int) bool {
	values := func(i int) []int64 {
		var vs []int64
		for j := i; j < len(spares) && len(vs) < k; j++ {
			if !used[j] {
				vs = append(vs, units(rows[spares[j].row].vals[spares[j].val]))
			}
		}
		return vs
	}
	return slices.Equal(values(a), values(b))
}

// units is a number cell's value in ten-thousandths of the table's unit.
func units(t token) int64 {
	return scaleDown(t.mant*10000, t.scale)
}
