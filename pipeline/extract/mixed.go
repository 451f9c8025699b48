package extract

import (
	"fmt"
	"strings"

	"budgetpub/schema"
)

// Coded tables whose rows default mode printed apart from their codes.
// pdftotext's default mode often prints a coded table's names and amounts
// row by row while its code columns come apart: a page's 类 and 款 codes
// one row after another before its names, or its 项 codes in a run of
// their own, some 项 codes at the end of the page, and header words (基本
// 支出, 项目支出, 项, 合计) between a row's name and its amounts.
// parseMixed and read read such a table when its arithmetic and its codes
// fix every cell:
//
//   - the rows: each name that is not a header word, with the amounts that
//     follow it, as many for each row;
//   - the tree: the rows named as a 类 of the classification open the
//     类; below each, the rows split into 款, each the sum of the 项 rows
//     below it (or a 款 without 项), the 款 adding up to their 类 — every
//     split that adds up is tried, and exactly one must be found;
//   - the codes: the 3-digit codes printed, in order, are the rows' 类
//     codes; the 2-digit codes are the rows' 款 and 项 codes, as mixCodes
//     tells where default mode prints them — and one reading only must fit.
//
// A table that has the shape (codes of two rows printed together) and
// more than one reading is left out, and says so.

// mixCell is a number cell of a mixed table: its text, 1-based line and
// page within the table.
type mixCell struct {
	text       string
	line, page int
	pos        int // a code's place among the table's codes
}

// mixRow is a row of a mixed table as printed: its name and amounts.
type mixRow struct {
	name       string
	line, page int
	before     int // the place of the code printed right before its name, or -1
	vals       []mixCell
	nums       []int64 // the amounts at one scale
}

// mixLimit bounds the readings of the codes tried.
const mixLimit = 200000

// mixTable is a mixed table as printed: its rows, total and codes, each
// row's 类 code fixed by the names; what read places still depends on the
// amounts.
type mixTable struct {
	rs            []mixRow
	total         *mixRow
	scale         int      // the decimals of the amounts' nums
	heads         []int    // the 类 rows
	class         []string // each row's 类 code
	classes, subs []mixCell
}

// mixNot opens the reasons a mixed table is left out.
const mixNot = "printed with its codes apart from its rows, "

// parseMixed gathers a mixed table's rows and gives each its 类 code; nil,
// with why when the table has the shape but its 类 do not fit its codes
// (empty when the text is not a mixed table).
func parseMixed(lines, flat []string, from, to int) (*mixTable, string) {
	rs, total, classes, subs, shaped := mixCells(lines, flat, from, to)
	if !shaped {
		return nil, ""
	}
	scale, ok := mixScale(rs, total)
	if !ok {
		return nil, mixNot + "its rows do not hold as many amounts each: not used"
	}
	// the 类 rows, named as the classification names them
	var heads []int
	for i, r := range rs {
		if c, ok := schema.ClassByName(schema.SchemeFunctional, schema.NormalizeName(r.name)); ok && classNamed(c.Code, r.name) {
			heads = append(heads, i)
		}
	}
	if len(heads) == 0 || heads[0] != 0 {
		return nil, mixNot + "its first row is no 类: not used"
	}
	// the 类 codes printed are the rows' 类 codes, in order
	class := make([]string, len(rs))
	if len(classes) != len(rs) {
		return nil, fmt.Sprintf(mixNot+"%d 类 codes for %d rows: not used", len(classes), len(rs))
	}
	for k, h := range heads {
		code := classes[h].text
		if !classNamed(code, rs[h].name) || k > 0 && code <= class[heads[k-1]] {
			return nil, mixNot + "its 类 codes do not fit its 类 rows: not used"
		}
		for i := h; i < blockEnd(heads, k, len(rs)); i++ {
			if classes[i].text != code || classes[i].page != rs[i].page {
				return nil, mixNot + "its 类 codes do not fit its 类 rows: not used"
			}
			class[i] = code
		}
	}
	return &mixTable{rs: rs, total: total, scale: scale, heads: heads, class: class, classes: classes, subs: subs}, ""
}

// blockEnd is where the rows of the k-th 类 of heads end.
func blockEnd(heads []int, k, n int) int {
	if k+1 < len(heads) {
		return heads[k+1]
	}
	return n
}

// read places the rows by their amounts: the 类 add up to the total, each
// 类 splits into 款 one way or a few, and one reading only of the codes fits.
func (m *mixTable) read() (rows []row, why string, ok bool) {
	rs, total, heads, class, classes, subs := m.rs, m.total, m.heads, m.class, m.classes, m.subs
	if total != nil && !mixAdds(total.nums, rs, heads) {
		return nil, mixNot + "its 类 do not add up to its total: not used", false
	}
	// each 类's splits into 款 that add up
	var splits [][][]int // for each 类, its splits: the 款 rows
	for k, h := range heads {
		ss := mixSplits(rs, h, blockEnd(heads, k, len(rs)))
		switch {
		case len(ss) == 0:
			return nil, fmt.Sprintf(mixNot+"the rows of %s (line %d) do not add up: not used", rs[h].name, rs[h].line), false
		case len(ss) > colPlacements: // the splits were not all tried
			return nil, fmt.Sprintf(mixNot+"the rows of %s (line %d) add up in too many ways to tell: not used", rs[h].name, rs[h].line), false
		}
		splits = append(splits, ss)
	}
	// every choice of splits, read against the 2-digit codes
	var found [][]string
	steps := 0
	choice := make([]int, len(heads))
	for {
		kuan := make([]bool, len(rs)) // the 款 rows
		for k, c := range choice {
			for _, i := range splits[k][c] {
				kuan[i] = true
			}
		}
		for _, codes := range mixCodes(rs, heads, kuan, class, classes, subs, &steps) {
			if !containsCodes(found, codes) {
				found = append(found, codes)
			}
		}
		if steps > mixLimit {
			return nil, mixNot + "its codes fit too many readings to tell: not used", false
		}
		k := 0
		for k < len(choice) && choice[k] == len(splits[k])-1 {
			choice[k] = 0
			k++
		}
		if k == len(choice) {
			break
		}
		choice[k]++
	}
	switch {
	case len(found) == 0:
		return nil, mixNot + "no reading of its codes fits its rows: not used", false
	case len(found) > 1:
		return nil, fmt.Sprintf(mixNot+"its codes fit %d readings: not used", len(found)), false
	}
	if total != nil {
		rows = append(rows, total.row(""))
	}
	for i, r := range rs {
		rows = append(rows, r.row(found[0][i]))
	}
	return rows, "", true
}

func (r mixRow) row(code string) row {
	out := row{name: r.name, code: code, line: r.line}
	for _, v := range r.vals {
		t, _ := cellToken(v.text, v.line) // an amount cell: read as one
		out.vals = append(out.vals, t)
	}
	return out
}

func containsCodes(found [][]string, codes []string) bool {
	for _, f := range found {
		if strings.Join(f, " ") == strings.Join(codes, " ") {
			return true
		}
	}
	return false
}

// mixCells gathers a mixed table's rows (a total printed before them
// apart), its 类 codes and its 2-digit codes. shaped tells the table has
// the shape: the codes of two rows printed together (two 类 codes with no
// name or amount between), which row-by-row text never prints, and most
// names followed by amounts, which column-by-column text never prints.
func mixCells(lines, flat []string, from, to int) (rs []mixRow, total *mixRow, classes, subs []mixCell, shaped bool) {
	type cell struct {
		text       string
		line, page int
	}
	var cells []cell
	page := 0
	for i := from; i < min(to, len(lines)); i++ {
		if endsTable(flat[i]) {
			break
		}
		if strings.HasPrefix(lines[i], "\f") {
			page++
		}
		cs := cellsOf(lines[i])
		// a page's number, alone on the page's last line
		if len(cs) == 1 && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\f") && isNumberCell(cs[0]) && !strings.Contains(cs[0], ",") {
			continue
		}
		for _, c := range cs {
			cells = append(cells, cell{c, i + 1, page})
		}
	}
	codeLike := func(s string) bool { return isSubCode(s) || functionClass(s) }
	// header words: the names before the first amount, but a 类's
	header := map[string]bool{"合计": true, "总计": true}
	for _, c := range cells {
		if isNumberCell(c.text) && !codeLike(c.text) {
			break
		}
		if !isNumberCell(c.text) {
			if _, ok := schema.ClassByName(schema.SchemeFunctional, schema.NormalizeName(c.text)); !ok {
				header[c.text] = true
			}
		}
	}
	// the amounts go to the row named last, or to the total: those before
	// the first row, or right after a 合计 (which, followed by codes, is
	// the header's)
	var tot mixRow
	toTotal := true
	run := 0   // 类 codes since the last name or amount
	prev := -1 // the place of the code that is the cell before, or -1
	for _, c := range cells {
		m := mixCell{c.text, c.line, c.page, len(classes) + len(subs)}
		code := prev
		prev = -1
		switch {
		case isTotal(c.text):
			toTotal = len(tot.vals) == 0
			if toTotal {
				tot.line, tot.page = c.line, c.page
			}
		case header[c.text]:
		case !isNumberCell(c.text):
			rs = append(rs, mixRow{name: c.text, line: c.line, page: c.page, before: code})
			run, toTotal = 0, false
		case functionClass(c.text):
			classes = append(classes, m)
			prev = m.pos
			run++
			shaped = shaped || run >= 2
			toTotal = toTotal && len(rs) == 0
		case isSubCode(c.text):
			subs = append(subs, m)
			prev = m.pos
			toTotal = toTotal && len(rs) == 0
		case len(c.text) > 3 && isClassCode(c.text): // codes printed whole: not this shape
			return nil, nil, nil, nil, false
		default:
			run = 0
			if toTotal || len(rs) == 0 {
				if len(tot.vals) == 0 && tot.line == 0 {
					tot.line, tot.page = c.line, c.page
				}
				tot.vals = append(tot.vals, m)
			} else {
				rs[len(rs)-1].vals = append(rs[len(rs)-1].vals, m)
			}
		}
	}
	// a total whose 合计 was printed among the header's words: the last
	// row's second set of amounts (which read checks against the 类)
	if n := len(rs); n > 1 && len(tot.vals) == 0 && len(rs[n-1].vals) == 2*len(rs[0].vals) {
		k := len(rs[0].vals)
		tot.vals, rs[n-1].vals = rs[n-1].vals[k:], rs[n-1].vals[:k]
		tot.line, tot.page = tot.vals[0].line, tot.vals[0].page
	}
	if len(tot.vals) > 0 {
		tot.name = "合计"
		total = &tot
	}
	rs = displaced(rs)
	// and the rows printed whole, names and amounts (not column by column)
	whole := 0
	for _, r := range rs {
		if len(r.vals) > 0 {
			whole++
		}
	}
	return rs, total, classes, subs, shaped && len(rs) > 0 && 2*whole >= len(rs)
}

// mixScale gives every row (and the total) its amounts at one scale, and
// tells it; false when the rows do not hold as many amounts each.
func mixScale(rs []mixRow, total *mixRow) (int, bool) {
	all := rs
	if total != nil {
		all = append([]mixRow{*total}, rs...)
	}
	n := len(rs[0].vals)
	scale := 0
	for _, r := range all {
		if len(r.vals) != n || n == 0 {
			return 0, false
		}
		for _, v := range r.vals {
			t, ok := cellToken(v.text, v.line)
			if !ok {
				return 0, false
			}
			scale = max(scale, t.scale)
		}
	}
	for k := range all {
		all[k].nums = nil
		for _, v := range all[k].vals {
			t, _ := cellToken(v.text, v.line)
			m := t.mant
			for s := t.scale; s < scale; s++ {
				m *= 10
			}
			all[k].nums = append(all[k].nums, m)
		}
	}
	if total != nil {
		*total = all[0]
		copy(rs, all[1:])
	}
	return scale, true
}

// mixAdds tells whether the rows at is add up to want, column by column.
func mixAdds(want []int64, rs []mixRow, is []int) bool {
	for j := range want {
		var s int64
		for _, i := range is {
			s += rs[i].nums[j]
		}
		if s != want[j] {
			return false
		}
	}
	return true
}

// mixSplits gives the ways the rows below the 类 row h (up to end) split
// into 款 that add up: each 款 the sum of the 项 rows below it (or a 款
// without 项), the 款 the sum of the 类. Each split is its 款 rows; past
// colPlacements splits, the search stops.
func mixSplits(rs []mixRow, h, end int) [][]int {
	var out [][]int
	var kuan []int
	var walk func(i int)
	walk = func(i int) {
		if len(out) > colPlacements {
			return
		}
		if i == end {
			if len(kuan) > 0 && mixAdds(rs[h].nums, rs, kuan) {
				out = append(out, append([]int(nil), kuan...))
			}
			return
		}
		kuan = append(kuan, i)
		var items []int
		for j := i + 1; j <= end; j++ {
			if j == i+1 || mixAdds(rs[i].nums, rs, items) {
				walk(j)
			}
			if j < end {
				items = append(items, j)
			}
		}
		kuan = kuan[:len(kuan)-1]
	}
	walk(h + 1)
	return out
}

// mixCodes reads the 2-digit codes subs as the rows' 款 and 项 codes and
// gives each reading that fits: every row's whole code. A 款 code (one for
// each row below a 类, the 款's) is printed beside its row's 类 code, or
// just before the row above's, in the rows' order, on the row's page. A
// 项 code is printed right before its row's name, after its 类 and 款
// codes; or later, the later ones in their rows' order, after the row's 款
// code and before the first code of the 类 after next. The 款 codes under a
// 类 rise, and the 项 codes under a 款.
func mixCodes(rs []mixRow, heads []int, kuan []bool, class []string, classes, subs []mixCell, steps *int) [][]string {
	head := map[int]bool{}
	for _, h := range heads {
		head[h] = true
	}
	at := map[int]int{} // a code's place among the codes: its index in subs
	for k, c := range subs {
		at[c.pos] = k
	}
	nth := make([]int, len(rs)) // each row's 类, counted
	group := make([]int, len(rs))
	var kcol []int // the rows below a 类
	for k, h := range heads {
		for i := h; i < len(rs) && (k+1 == len(heads) || i < heads[k+1]); i++ {
			nth[i] = k
		}
	}
	for i := range rs {
		switch {
		case head[i]:
			group[i] = -1
		case kuan[i]:
			group[i] = i
		default:
			group[i] = group[i-1]
		}
		if !head[i] {
			kcol = append(kcol, i)
		}
	}
	end := len(classes) + len(subs) // before the first code of the 类 after next
	limit := func(i int) int {
		if k := nth[i] + 2; k < len(heads) {
			return classes[heads[k]].pos
		}
		return end
	}
	val := make([]string, len(rs)) // a 款 row's 款 code, a 项 row's 项 code
	kpos := make([]int, len(rs))   // where each row's 款 code was read
	used := make([]bool, len(subs))
	var out [][]string
	// items reads the 项 codes once the 款 codes are read
	items := func() {
		inline := make([]bool, len(rs))
		for i := range rs {
			if head[i] || kuan[i] {
				continue
			}
			if q, ok := at[rs[i].before]; ok && rs[i].before == kpos[i]+1 && !used[q] {
				inline[i] = true
				val[i] = subs[q].text
				used[q] = true
			}
		}
		defer func() {
			for i := range rs {
				if inline[i] {
					used[at[rs[i].before]] = false
				}
			}
		}()
		q := 0
		for i := range rs {
			if head[i] || kuan[i] {
				continue
			}
			if !inline[i] {
				for q < len(subs) && used[q] {
					q++
				}
				if q == len(subs) || subs[q].pos < kpos[i] || subs[q].pos >= limit(i) {
					return
				}
				val[i] = subs[q].text
				q++
			}
			if !kuan[i-1] && val[i] <= val[i-1] {
				return
			}
		}
		for ; q < len(subs); q++ {
			if !used[q] {
				return // a code left over
			}
		}
		codes := make([]string, len(rs))
		for i := range rs {
			switch {
			case head[i]:
				codes[i] = class[i]
			case kuan[i]:
				codes[i] = class[i] + val[i]
			default:
				codes[i] = class[i] + val[group[i]] + val[i]
			}
		}
		if !containsCodes(out, codes) {
			out = append(out, codes)
		}
	}
	var walk func(a, last int)
	walk = func(a, last int) {
		*steps++
		if *steps > mixLimit || len(out) > 1 {
			return
		}
		if a == len(kcol) {
			items()
			return
		}
		i := kcol[a]
		cands := []int{classes[i].pos + 1, classes[i].pos - 1}
		if i > 0 {
			cands = append(cands, classes[i-1].pos-1)
		}
		for _, p := range cands {
			q, ok := at[p]
			if !ok || used[q] || p <= last || subs[q].page != rs[i].page {
				continue
			}
			g := group[i]
			c := subs[q].text
			if g == i { // the 款's own row: its code, above the 款 before it
				for j := i - 1; j >= 0 && !head[j]; j-- {
					if kuan[j] {
						if c <= val[j] {
							c = ""
						}
						break
					}
				}
				if c == "" {
					continue
				}
				val[g] = c
			} else if val[g] != c {
				continue
			}
			used[q], kpos[i] = true, p
			walk(a+1, p)
			used[q] = false
			if g == i {
				val[g] = ""
			}
		}
	}
	walk(0, -1)
	return out
}

// functionClass tells a 类 code of the functional classification.
func functionClass(s string) bool {
	_, ok := schema.LookupCode(schema.SchemeFunctional, s)
	return len(s) == 3 && ok
}

// displaced puts back the names that default mode printed away from their
// amounts: the first row of a page, its name further down (among the
// header's words, after the codes or the next page's rows), its amounts
// after the row above's. The rows holding twice the first row's amounts
// give their second halves, in order, to the names that hold none — as
// many of each, or the rows stay as printed.
func displaced(rs []mixRow) []mixRow {
	if len(rs) == 0 || len(rs[0].vals) == 0 {
		return rs
	}
	n := len(rs[0].vals)
	var double, empty []int
	for i, r := range rs {
		switch len(r.vals) {
		case 2 * n:
			double = append(double, i)
		case 0:
			empty = append(empty, i)
		}
	}
	if len(double) == 0 || len(double) != len(empty) {
		return rs
	}
	var out []mixRow
	k := 0
	for i, r := range rs {
		if len(r.vals) == 0 {
			continue
		}
		if k < len(double) && double[k] == i {
			moved := rs[empty[k]]
			moved.vals = r.vals[n:]
			r.vals = r.vals[:n]
			out = append(out, r, moved)
			k++
			continue
		}
		out = append(out, r)
	}
	return out
}
