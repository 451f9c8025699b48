package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// A 三公 table of a row a year and a column a part, common on 2014–2016
// pages of the 三公 alone: no title, its corner cell 三公经费项目, the parts
// over two header rows (合计 | 因公出国(境)费 | 公务用车购置及运行费 over 小计,
// 购置费, 运行费 | 公务接待费, over 小计 and its own columns or none), and a
// row each of 2015年度预算数, 2015年度决算数, 2014年度决算数 (then 决算对比,
// a change, not read), printed a cell a line in bars.

// threePublicCorner tells the corner cell of such a table's header
// ("三公经费项目", "“三公”经费项目", bars trimmed).
func threePublicCorner(c string) bool {
	c = strings.Trim(c, "| ")
	return strings.Contains(c, "三公") && strings.HasSuffix(c, "项目") && utf8.RuneCountInString(c) <= 10
}

// yearRowLabel reads a row's label that names a year's amounts (2015年度
// 预算数, 2014年决算数): the year and the kind.
func yearRowLabel(c string) (year int, kind string, ok bool) {
	y, before, after, ok := yearIn(strings.Trim(c, "| "))
	if !ok || before != "" {
		return 0, "", false
	}
	switch strings.TrimSuffix(after, "数") {
	case "预算":
		return y, schema.KindBudget, true
	case "决算":
		return y, schema.KindFinalAccounts, true
	}
	return 0, "", false
}

// yearRowsIdentity is the year and kind a page that tells neither
// otherwise gets from such a table: its latest year's, final accounts
// where that year has a 决算数 row, a budget where it has only a 预算数
// row. 0 and "" without the table.
func yearRowsIdentity(flat []string) (int, string) {
	at := slices.IndexFunc(flat, threePublicCorner)
	if at < 0 {
		return 0, ""
	}
	year, kinds := 0, map[string]bool{}
	for _, l := range flat[at:min(len(flat), at+120)] {
		y, kind, ok := yearRowLabel(l)
		if !ok {
			continue
		}
		if y > year {
			year, kinds = y, map[string]bool{}
		}
		if y == year {
			kinds[kind] = true
		}
	}
	switch {
	case kinds[schema.KindFinalAccounts]:
		return year, schema.KindFinalAccounts
	case kinds[schema.KindBudget]:
		return year, schema.KindBudget
	}
	return 0, ""
}

// partTableCells are the cells of lines from flat[from:to]: where they are
// printed in bars, a bar closes a cell and a line without one runs on into
// the next ("公务用车" / "购置费 |"); else each line is a cell.
func partTableCells(flat []string, from, to int) []gridCell {
	from, to = max(from, 0), min(to, len(flat))
	if !slices.ContainsFunc(flat[from:to], func(l string) bool { return strings.Contains(l, "|") }) {
		var cells []gridCell
		for i, l := range flat[from:to] {
			if l != "" {
				cells = append(cells, gridCell{l, from + i + 1})
			}
		}
		return cells
	}
	var cells []gridCell
	var part strings.Builder
	start := 0
	for i := from; i < to; i++ {
		if flat[i] == "" {
			continue
		}
		if part.Len() == 0 {
			start = i + 1
		}
		pieces := strings.Split(flat[i], "|")
		for k, p := range pieces {
			part.WriteString(p)
			if k < len(pieces)-1 {
				cells = append(cells, gridCell{part.String(), start})
				part.Reset()
				start = i + 1
			}
		}
	}
	return cells
}

// partLeaf is a value column of such a table: the part it holds (""
// for a column of a part's own split, 行政运行, that is not read), the
// part's group of columns it is in (-1 for none), and whether it is that
// group's 小计.
type partLeaf struct {
	key      string
	group    int
	subtotal bool
}

// threePublicByPartColumns reads a 三公 table of a row a year and a column
// a part (above). The header's first row names the parts, its second the
// columns of those split in two (each split opening on its 小计): which
// parts are split is what makes the header's labels as many as a row's
// cells, the cars' split being the one of 购置 and 运行. Each row of a year
// is read where it adds up — the 合计 to the parts, each 小计 to its
// columns (a split with a note in a cell, not a figure, gives its 小计
// alone) — and names the document's year or the one before: the year's
// 决算数 in final accounts (its 预算数 the budgeted, the year before's
// 决算数 the prior year), the year's 预算数 in a budget (the year before's
// 预算数 the prior year, else its 决算数). A part with no column (no 因公
// 出国 printed) is not read. A year's row that does not add up is left out
// with a warning, its figures kept as table claims (yearRowKept). nil where
// the header does not read so or the year's own row does not add up.
func (b *builder) threePublicByPartColumns(t table, flat []string) map[string]cell {
	cells := partTableCells(flat, t.line-1, t.end)
	k := slices.IndexFunc(cells, func(c gridCell) bool { return threePublicCorner(c.text) })
	if k < 0 {
		return nil
	}
	var labels []string
	width := 0 // the columns' numbers under the header (行次 1 2 …), if any
	for k++; k < len(cells); k++ {
		c := cells[k].text
		if _, _, ok := yearRowLabel(c); ok {
			break
		}
		switch {
		case c == "行次" || c == "栏次":
		case c == strconv.Itoa(width+1):
			width++
		case c == "" || isNumberCell(c):
			return nil
		case len(labels) > 0 && labels[len(labels)-1] == "公务用车" && (strings.HasPrefix(c, "购置") || strings.HasPrefix(c, "运行")):
			labels[len(labels)-1] += c // a label broken over two cells, its bar lost
		default:
			labels = append(labels, c)
		}
	}
	if width == 0 { // the cells between the first two years' rows
		next := slices.IndexFunc(cells[min(k+1, len(cells)):], func(c gridCell) bool { _, _, ok := yearRowLabel(c.text); return ok })
		if next <= 0 {
			return nil
		}
		width = next
	}
	leaves := partLeaves(labels, width)
	if leaves == nil {
		return nil
	}
	type yearRow struct {
		year  int
		kind  string
		label gridCell
		cells []gridCell
	}
	var rows []yearRow
	for ; k+width < len(cells); k += 1 + width {
		if c := cells[k].text; c == "" || isNumberCell(c) {
			break
		}
		if y, kind, ok := yearRowLabel(cells[k].text); ok {
			rows = append(rows, yearRow{y, kind, cells[k], cells[k+1 : k+1+width]})
		}
	}
	type amounts struct {
		year int
		kind string
	}
	fy, own := b.doc.Document.FiscalYear, b.doc.Document.Kind
	sides := map[amounts]string{{fy, own}: "", {fy - 1, own}: "prior:"}
	if own == schema.KindFinalAccounts {
		sides[amounts{fy, schema.KindBudget}] = "budgeted:"
	} else if !slices.ContainsFunc(rows, func(r yearRow) bool { return r.year == fy-1 && r.kind == schema.KindBudget }) {
		// a budget's year before told by its 决算数 row alone: its outturn
		// is the prior year, as a sentence's 执行数 is
		sides[amounts{fy - 1, schema.KindFinalAccounts}] = "prior:"
	}
	got := map[string]cell{}
	seen := map[string]bool{}
	for _, r := range rows {
		side, ok := sides[amounts{r.year, r.kind}]
		if !ok {
			continue
		}
		if seen[side] {
			return nil // two rows of one year's amounts
		}
		seen[side] = true
		read, ok := t.yearRowParts(leaves, r.cells)
		if !ok {
			b.warnTable(t, fmt.Sprintf("its row %s does not add up (the 合计 to the parts, each 小计 to its columns): not used", r.label.text))
			b.keep(t, yearRowKept(leaves, r.cells, side))
			continue
		}
		for key, c := range read {
			got[side+key] = c
		}
	}
	if _, ok := got["total"]; !ok {
		return nil
	}
	return got
}

// yearRowKept are the figures of a year's row that does not add up, kept
// as table claims (sum.table names the sum that fails, restate.table a
// figure the text states otherwise): the 合计 the whole of the parts, each
// split's 小计 the whole of its columns. A blank cell (nothing spent) adds
// nothing and is not kept; the refs of a side's row are its own (side: ""
// the year's amounts, "prior:" or "budgeted:"), so that a row's parts are
// the parts of its own 合计.
func yearRowKept(leaves []partLeaf, cells []gridCell, side string) []tableRow {
	ref := func(i int) string {
		if leaves[i].key == "" {
			return refThreePublic + side + "column:" + strconv.Itoa(i)
		}
		return refThreePublic + side + leaves[i].key
	}
	subtotal := map[int]string{} // each split's 小计's ref
	for i, l := range leaves {
		if l.subtotal {
			subtotal[l.group] = ref(i)
		}
	}
	var rows []tableRow
	for i, l := range leaves {
		c := cells[i]
		tok, ok := cellToken(c.text, c.line)
		if !ok || !isNumberCell(c.text) {
			continue
		}
		r := tableRow{ref: ref(i), tok: tok, line: c.line}
		switch {
		case l.key == "total":
		case l.group >= 0 && !l.subtotal:
			r.of = subtotal[l.group]
		default:
			r.of = refThreePublic + side + "total"
		}
		rows = append(rows, r)
	}
	return rows
}

// partLeaves are the value columns of a header whose first row names the
// parts (labels up to the first 小计) and whose second row splits some of
// them (a split each from a 小计 on), width columns in all: the splits go
// to the parts in order, the one of 购置 and 运行 to the cars, none to the
// 合计; nil where no one way, or more than one, makes width columns.
func partLeaves(labels []string, width int) []partLeaf {
	first := slices.Index(labels, "小计")
	if first < 0 {
		first = len(labels)
	}
	var keys []string
	for _, l := range labels[:first] {
		key := threePublicKey(l)
		if strings.Contains(l, "购置") && strings.Contains(l, "运行") {
			key = "vehicle"
		}
		if key == "" || slices.Contains(keys, key) {
			return nil
		}
		keys = append(keys, key)
	}
	var splits [][]string
	for _, l := range labels[first:] {
		if l == "小计" {
			splits = append(splits, nil)
		}
		splits[len(splits)-1] = append(splits[len(splits)-1], l)
	}
	if len(keys)-len(splits)+len(labels)-first != width || !slices.Contains(keys, "total") {
		return nil
	}
	cars := func(s []string) bool {
		return slices.ContainsFunc(s, func(l string) bool { return strings.Contains(l, "购置") }) &&
			slices.ContainsFunc(s, func(l string) bool { return strings.Contains(l, "运行") })
	}
	var out []partLeaf
	for _, split := range orderedChoices(len(keys), len(splits)) {
		var leaves []partLeaf
		fits := true
		for i, key := range keys {
			g := slices.Index(split, i)
			if g < 0 {
				leaves = append(leaves, partLeaf{key, -1, false})
				continue
			}
			s := splits[g]
			fits = fits && key != "total" && (key == "vehicle") == cars(s)
			leaves = append(leaves, partLeaf{key, g, true})
			for _, l := range s[1:] {
				sub := ""
				if key == "vehicle" {
					sub = threePublicKey(l)
				}
				leaves = append(leaves, partLeaf{sub, g, false})
			}
		}
		if fits {
			if out != nil {
				return nil
			}
			out = leaves
		}
	}
	return out
}

// yearRowParts reads one year's row of cells under leaves: the 合计 and
// the parts where the 合计 is the parts' sum and each split's 小计 its
// columns' (a blank cell nothing spent); a split with a cell that is no
// figure (a note) gives its 小计 alone.
func (t table) yearRowParts(leaves []partLeaf, cells []gridCell) (map[string]cell, bool) {
	got := map[string]cell{}
	figures := make([]*cell, len(cells))
	for i, c := range cells {
		switch tok, ok := cellToken(c.text, c.line); {
		case strings.Trim(c.text, "-—－ ") == "":
			figures[i] = &cell{0, c.line}
		case ok && isNumberCell(c.text):
			figures[i] = &cell{t.value(tok), c.line}
		}
	}
	sums := map[int]schema.Money{} // each split's columns but its 小计
	whole := map[int]bool{}        // each split whose cells are all figures
	subtotal := map[int]*cell{}    // each split's 小计
	var parts schema.Money
	for i, l := range leaves {
		f := figures[i]
		if l.group >= 0 {
			if _, ok := whole[l.group]; !ok {
				whole[l.group] = true
			}
			whole[l.group] = whole[l.group] && f != nil
		}
		if f == nil {
			if l.group < 0 || l.subtotal {
				return nil, false
			}
			continue
		}
		switch {
		case l.group >= 0 && !l.subtotal:
			sums[l.group] += f.v
		case l.subtotal:
			subtotal[l.group] = f
		}
		if l.key != "total" && (l.group < 0 || l.subtotal) {
			parts += f.v
		}
	}
	for i, l := range leaves {
		if l.key == "total" && figures[i].v != parts {
			return nil, false
		}
		if l.group >= 0 && !l.subtotal && !whole[l.group] {
			continue
		}
		if l.group >= 0 && whole[l.group] && subtotal[l.group].v != sums[l.group] {
			return nil, false
		}
		if l.key != "" {
			got[l.key] = *figures[i]
		}
	}
	// the 合计 and each 小计 held above: a part the header has no column
	// for (no 因公出国 printed) is not read, nor made up
	_, total := got["total"]
	return got, total
}
