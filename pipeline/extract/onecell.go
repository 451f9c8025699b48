package extract

import (
	"slices"
	"strconv"
	"strings"
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

// misprints are the values a cell printed as text might have held before
// one misprint, at scale decimals: each digit changed (a leading digit
// not to 0), ten times it, a tenth of it. None when the text is no amount
// at that scale.
func misprints(text string, scale int) []int64 {
	t, ok := cellToken(text, 0)
	if !ok || t.scale > scale {
		return nil
	}
	neg := t.mant < 0
	m := t.mant
	if neg {
		m = -m
	}
	digits := strconv.FormatInt(m, 10)
	if n := t.scale + 1; len(digits) < n { // 0.05: its leading zeros are printed
		digits = strings.Repeat("0", n-len(digits)) + digits
	}
	var out []int64
	add := func(v int64) {
		for range scale - t.scale {
			v *= 10
		}
		if neg {
			v = -v
		}
		out = append(out, v)
	}
	for k := range digits {
		for d := byte('0'); d <= '9'; d++ {
			if d == digits[k] || k == 0 && d == '0' && len(digits) > t.scale+1 {
				continue
			}
			v, _ := strconv.ParseInt(digits[:k]+string(d)+digits[k+1:], 10, 64)
			add(v)
		}
	}
	if m != 0 {
		add(m * 10)
		if m%10 == 0 {
			add(m / 10)
		}
	}
	return out
}

// mixedOneOff reads a mixed table (mixedRows) whose sums fail as one
// misprinted cell would: its rows with every cell as printed, or nil.
func mixedOneOff(lines, flat []string, from, to int) []row {
	m, _ := parseMixed(lines, flat, from, to)
	if m == nil {
		return nil
	}
	if _, _, ok := m.read(); ok {
		return nil
	}
	return m.oneOff()
}

// oneOff tries each misprint of each cell the failing sums can reach: the
// rows of the one 类 whose rows split no way into 款 that add up, or the
// total when every 类 splits but they do not add up to it. Where the
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
	adds := 0
	for i := range rs {
		all = append(all, &rs[i])
	}
	for _, r := range all {
		if len(r.nums) > 2 && r.nums[0] != 0 && rowAdds(r.nums) {
			adds++
		}
	}
	// holds tells whether the sums the change can reach hold
	holds := func() bool {
		if adds >= 3 && slices.ContainsFunc(all, func(r *mixRow) bool { return !rowAdds(r.nums) }) {
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
	for _, r := range vary {
		for j := range r.nums {
			was := r.nums[j]
			for _, v := range misprints(r.vals[j].text, m.scale) {
				if tries++; tries > oneOffTries {
					r.nums[j] = was
					return nil
				}
				r.nums[j] = v
				if !holds() {
					continue
				}
				if rows, _, ok := m.read(); ok {
					if found != nil {
						r.nums[j] = was
						return nil // two changes read: which cell is off is not told
					}
					found = rows
				}
			}
			r.nums[j] = was
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
