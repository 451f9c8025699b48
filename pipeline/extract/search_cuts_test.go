package extract

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// randomCell is a cell's token as printed: up to seven digits, up to four
// decimals, now and then negative or nought.
func randomCell(r *rand.Rand) token {
	scale := r.IntN(5)
	mant := r.Int64N(10_000_000)
	switch r.IntN(8) {
	case 0:
		mant = 0
	case 1:
		mant = -mant
	case 2:
		mant = r.Int64N(100) * 10
	}
	return token{mant: mant, scale: scale, kind: numPlain}
}

// misprintsBySpelling are misprints(t, scale) made from the number's
// spelling, as a reader would: each digit rewritten, a digit appended, the
// last nought dropped.
func misprintsBySpelling(t token, scale int) []int64 {
	if t.scale > scale {
		return nil
	}
	m := t.mant
	neg := m < 0
	if neg {
		m = -m
	}
	digits := strconv.FormatInt(m, 10)
	if len(digits) < t.scale+1 {
		digits = strings.Repeat("0", t.scale+1-len(digits)) + digits
	}
	at := func(s string) int64 {
		v, _ := strconv.ParseInt(s, 10, 64)
		for range scale - t.scale {
			v *= 10
		}
		if neg {
			v = -v
		}
		return v
	}
	var out []int64
	for k := range digits {
		for d := '0'; d <= '9'; d++ {
			if byte(d) == digits[k] || k == 0 && d == '0' && len(digits) > t.scale+1 {
				continue
			}
			out = append(out, at(digits[:k]+string(d)+digits[k+1:]))
		}
	}
	if m != 0 {
		out = append(out, at(digits+"0"))
		if strings.HasSuffix(digits, "0") {
			out = append(out, at(digits[:len(digits)-1]))
		}
	}
	return out
}

// isMisprint and misprints give what the digits' spelling gives, in its
// order.
func TestMisprintsAsSpelled(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		tok, scale := randomCell(r), r.IntN(6)
		want := misprintsBySpelling(tok, scale)
		if got := misprints(tok, scale); !slices.Equal(got, want) {
			t.Fatalf("misprints(%d e-%d, %d) = %v, want %v", tok.mant, tok.scale, scale, got, want)
		}
		probes := append(slices.Clone(want), r.Int64N(1e9)-5e8, 0, tok.mant)
		for _, v := range probes {
			if got := isMisprint(tok, scale, v); got != slices.Contains(want, v) {
				t.Fatalf("isMisprint(%d e-%d, %d, %d) = %v", tok.mant, tok.scale, scale, v, got)
			}
		}
	}
}

// anyMisfit finds a change where misfits finds one, and only there.
func TestAnyMisfitAsMisfits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 20000 {
		var parts []token
		byCol := map[int]token{}
		for j := range 3 {
			if r.IntN(3) > 0 {
				c := randomCell(r)
				c.mant %= 1000
				parts = append(parts, c)
				byCol[j] = c
			}
		}
		var sum int64
		for _, p := range parts {
			sum += units(p)
		}
		total := token{mant: sum / 100, scale: 2, kind: numPlain}
		if r.IntN(2) == 0 { // one misprint off
			if ms := misprints(total, 4); len(ms) > 0 {
				total = token{mant: ms[r.IntN(len(ms))], scale: 4, kind: numPlain}
			}
		}
		want := len(misfits(total, byCol)) > 0
		if got := anyMisfit(total, parts); got != want {
			t.Fatalf("anyMisfit(%d e-%d, %v) = %v, want %v", total.mant, total.scale, parts, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d rows with a misfit: the test tries too few", found)
	}
}

// placementsExhaustive are placements' readings found by trying every
// row's every choice of next cells, with no state remembered and no bound.
func placementsExhaustive(total []token, cols [][]token, off bool) [][][]int {
	var out [][][]int
	at := make([]int, len(cols))
	place := make([][]int, len(total))
	odd := -1
	var rec func(r int)
	rec = func(r int) {
		if r == len(total) {
			for j := range cols {
				if at[j] != len(cols[j]) {
					return
				}
			}
			cp := make([][]int, len(place))
			for i := range place {
				cp[i] = slices.Clone(place[i])
			}
			out = append(out, cp)
			return
		}
		for mask := 0; mask < 1<<len(cols); mask++ {
			var sum int64
			var cells []token
			fits := true
			for j := range cols {
				if mask&(1<<j) != 0 {
					if at[j] >= len(cols[j]) {
						fits = false
						break
					}
					sum += units(cols[j][at[j]])
					cells = append(cells, cols[j][at[j]])
				}
			}
			if !fits || mask == 0 && units(total[r]) != 0 {
				continue
			}
			taken := false
			if sum != units(total[r]) {
				byCol := map[int]token{}
				for i, c := range cells {
					byCol[i] = c
				}
				if !off || odd >= 0 || len(misfits(total[r], byCol)) == 0 {
					continue
				}
				odd, taken = r, true
			}
			place[r] = make([]int, len(cols))
			for j := range cols {
				place[r][j] = -1
				if mask&(1<<j) != 0 {
					place[r][j] = at[j]
					at[j]++
				}
			}
			rec(r + 1)
			if taken {
				odd = -1
			}
			for j := range cols {
				if mask&(1<<j) != 0 {
					at[j]--
				}
			}
		}
	}
	rec(0)
	return out
}

// placements, with its dead states and its rows' checks, finds what
// trying everything finds, in the same order, when its search is whole.
func TestPlacementsAsExhaustive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	cell := func(v int64) token { return token{mant: v, kind: numPlain} }
	nonEmpty := 0
	for range 5000 {
		n := 1 + r.IntN(5)
		parts := 1 + r.IntN(3)
		// rows whose cells are split among the columns, now and then a
		// cell misprinted or a row's total off
		cols := make([][]token, parts)
		total := make([]token, n)
		for i := range n {
			var sum int64
			for j := range parts {
				if r.IntN(3) > 0 {
					v := 1 + r.Int64N(9)
					if r.IntN(20) == 0 {
						v *= 10
					}
					cols[j] = append(cols[j], cell(v))
					sum += v
				}
			}
			if r.IntN(15) == 0 {
				sum++
			}
			total[i] = cell(sum)
		}
		for _, off := range []bool{false, true} {
			steps := 0
			got, all := placements(total, cols, &steps, off, nil, func([][]int, int) bool { return true })
			want := placementsExhaustive(total, cols, off)
			if !all {
				if len(want) < colPlacements {
					t.Fatalf("placements gave up with %d readings to find", len(want))
				}
				want = want[:colPlacements]
			}
			if !slices.EqualFunc(got, want, func(a, b [][]int) bool { return slices.EqualFunc(a, b, slices.Equal[[]int]) }) {
				t.Fatalf("placements(%v, %v, off %v) = %v, want %v", total, cols, off, got, want)
			}
			if len(got) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 2000 {
		t.Fatalf("only %d tables read: the test tries too few", nonEmpty)
	}
}

// enumOf reads a cell that opens with no enumerator (most of a table's
// cells, each of which splitCells asks about) without allocating.
func TestEnumOfNoneAllocatesNothing(t *testing.T) {
	for _, c := range []string{"支出合计", "(合计)", "", "一般公共服务支出"} {
		if st, _ := enumOf(c); st != enumNone {
			t.Fatalf("%q: style %d", c, st)
		}
		if n := testing.AllocsPerRun(100, func() { enumOf(c) }); n > 0 {
			t.Errorf("enumOf(%q): %v allocations", c, n)
		}
	}
	if st, n := enumOf("12、其他"); st != enumDigit || n != 12 {
		t.Errorf("12、: %d %d", st, n)
	}
}

// TestSwapSearchesAsSearched: a swap of two cells, searched with the
// splits whose search as printed read neither cell taken as known
// (placingsOf with splitSearches), finds what searching every split of it
// again finds, and gives up alike, on random coded panels that add up with
// two nearby cells swapped back, now and then with a cell misprinted too.
func TestSwapSearchesAsSearched(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	codes := []string{"", "201", "20101", "20102", "205", "20501", "20502", "208"}
	passed, read := 0, 0
	for range 300 {
		n := 3 + r.IntN(len(codes)-2)
		rows := codes[:n]
		parts := 1 + r.IntN(maxColumns)
		m := make([][]int64, n) // each row's cell of each column, -1 blank
		for i := range m {
			m[i] = make([]int64, parts)
		}
		for i := n - 1; i >= 0; i-- {
			for j := range parts {
				var kids []int
				for k := i + 1; k < n; k++ {
					if c := rows[k]; rows[i] == "" && len(c) == 3 || rows[i] != "" && len(c) == len(rows[i])+2 && strings.HasPrefix(c, rows[i]) {
						kids = append(kids, k)
					}
				}
				if len(kids) == 0 {
					m[i][j] = -1
					if r.IntN(3) > 0 {
						m[i][j] = 1 + r.Int64N(9)
					}
					continue
				}
				m[i][j] = -1
				for _, k := range kids {
					if m[k][j] >= 0 {
						m[i][j] = max(m[i][j], 0) + m[k][j]
					}
				}
			}
		}
		p := colPanel{names: make([]colCell, n)}
		cell := func(v int64) colCell { return colCell{text: strconv.FormatInt(v, 10) + ".00", line: len(p.vals) + 1} }
		for i := range n {
			var sum int64
			for j := range parts {
				sum += max(m[i][j], 0)
			}
			p.vals = append(p.vals, cell(sum))
		}
		for j := range parts {
			for i := range n {
				if m[i][j] >= 0 {
					p.vals = append(p.vals, cell(m[i][j]))
				}
			}
		}
		if k := r.IntN(len(p.vals) - 1); r.IntN(2) == 0 {
			p.vals[k], p.vals[k+1] = p.vals[k+1], p.vals[k]
		}
		if r.IntN(5) == 0 {
			p.vals[r.IntN(len(p.vals))].text = "7.00"
		}
		toks, ok := cellTokens(p.vals)
		searched, fine := p.splitSearches(rows, toks)
		if !fine {
			continue
		}
		for i := range p.vals {
			for j := i + 1; j < len(p.vals) && j <= i+swapReach; j++ {
				q := p
				q.vals = slices.Clone(p.vals)
				q.vals[i], q.vals[j] = q.vals[j], q.vals[i]
				qt := slices.Clone(toks)
				qt[i], qt[j] = qt[j], qt[i]
				known := 0
				got, gotMany := q.placingsOf(rows, qt, ok, func(k int) (int, bool) {
					s := searched[k]
					none := !s.reads(i, n) && !s.reads(j, n)
					if none {
						known++
					}
					return s.steps, none
				})
				want, wantMany := q.placings(rows)
				if gotMany != wantMany || !slices.EqualFunc(got, want, sameCells) {
					t.Fatalf("%v swapped at %d, %d: %v %v, searched again %v %v", p.vals, i, j, got, gotMany, want, wantMany)
				}
				if known > 0 {
					passed++
				}
				if len(got) > 0 {
					read++
				}
			}
		}
	}
	if passed < 500 || read < 50 {
		t.Fatalf("the cases test too little: %d swaps with splits passed, %d read", passed, read)
	}
}

// TestCellTokenAllocatesNothing: cellToken reads a table's cell (every
// figure of every table is one) into its token without a slice made.
func TestCellTokenAllocatesNothing(t *testing.T) {
	for _, c := range []string{"1,234.56", "-12", "30万元", "合计", "12 34"} {
		if n := testing.AllocsPerRun(100, func() { cellToken(c, 1) }); n > 0 {
			t.Errorf("cellToken(%q): %v allocations", c, n)
		}
	}
	if tok, ok := cellToken("-1,234.5", 3); !ok || tok.mant != -12345 || tok.scale != 1 || tok.line != 3 {
		t.Errorf("-1,234.5: %+v %v", tok, ok)
	}
	if _, ok := cellToken("12 34", 3); ok {
		t.Error("12 34: one token")
	}
}

// TestLineMemoAsSplit: splitCells and segmentsOf, asked a line again, give
// what splitting it gives — a copy, which the caller may change — and
// split it no more (one allocation, the copy); nil stays nil.
func TestLineMemoAsSplit(t *testing.T) {
	line := "一般公共服务支出  1,234.56    合   计  78.9"
	for range 3 {
		cells := splitCells(line)
		if want := cellsSplit(line); !slices.Equal(cells, want) {
			t.Fatalf("cells %q, split %q", cells, want)
		}
		cells[0] = "changed"
		segs := segmentsOf(line)
		if want := segmentsSplit(line); !slices.Equal(segs, want) {
			t.Fatalf("segments %+v, split %+v", segs, want)
		}
		segs[0].text = "changed"
	}
	if n := testing.AllocsPerRun(100, func() { splitCells(line) }); n != 1 {
		t.Errorf("splitCells asked again: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { segmentsOf(line) }); n != 1 {
		t.Errorf("segmentsOf asked again: %v allocations", n)
	}
	if splitCells("  ") != nil || segmentsOf("") != nil {
		t.Error("no cells, not nil")
	}
}

// addsByKey is sumSide.adds as it was: each label's key compared at every
// placement.
func addsByKey(s *sumSide, place []int, vals []int64) (total int64, ok bool) {
	var parts, year, carried int64
	hasYear := false
	for i, key := range s.keys {
		var v int64
		if place[i] >= 0 {
			v = vals[place[i]]
		}
		switch key {
		case "total":
			total = v
		case "revenue_current", "expenditure_current":
			year, hasYear = v, true
		case "carried_over", "carried_forward":
			carried = v
		default:
			if !s.part[i] {
				parts += v
			}
		}
	}
	if !hasYear {
		year = parts
	}
	return total, parts == year && year+carried == total && total != 0
}

// TestAddsAsByKey: adds, each label's role told once, gives what comparing
// the keys at every placement gave, on 50,000 random sides and placements
// (keys repeated, parts of parts, labels unplaced, sums that hold).
func TestAddsAsByKey(t *testing.T) {
	keys := []string{"total", "revenue_current", "expenditure_current", "carried_over", "carried_forward", "src:财政拨款", "src:一般公共预算", "cls:201", "use:basic"}
	r := rand.New(rand.NewPCG(23, 24))
	held := 0
	for range 50000 {
		n := 1 + r.IntN(7)
		s := &sumSide{}
		vals := make([]int64, n)
		place := make([]int, n)
		for i := range n {
			s.keys = append(s.keys, keys[r.IntN(len(keys))])
			s.part = append(s.part, r.IntN(4) == 0)
			vals[i] = int64(r.IntN(4)) * 50
			place[i] = r.IntN(n+1) - 1
		}
		s.roles = s.rolesOf()
		gt, gok := s.adds(place, vals)
		wt, wok := addsByKey(s, place, vals)
		if gt != wt || gok != wok {
			t.Fatalf("%q parts %v at %v of %v: %d %v, by key %d %v", s.keys, s.part, place, vals, gt, gok, wt, wok)
		}
		if gok {
			held++
		}
	}
	if held < 1000 {
		t.Fatalf("%d placements add up: the test tries too few", held)
	}
}
