package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Layout rows. In `pdftotext -layout` text a table keeps its columns: numbers
// are right-aligned in value columns, names left-aligned between them. A
// table with several panels side by side (收入 | 支出 by function | 支出 by
// use) prints a panel's name over two or three lines with its value on the
// middle one, beside another panel's name: reading order would give that
// value to the wrong name. layoutRows reads by column instead: value columns
// are found from where numbers end, each name belongs to the area between
// two value columns, each value column to the nearest area on its left that
// holds names, and a value joins the row its area has open on that line or
// the lines just above.

// word is a run of non-space text on a line with its rune columns.
type word struct {
	text       string
	start, end int
	number     bool
}

// wordsOf splits a line into words; a segment's words keep one-space runs
// of text together ("一般公共 服务") but split numbers from names.
func wordsOf(line string) []word { return segmentWords(segmentsOf(line)) }

// segmentWords are wordsOf the line whose segments are segs.
func segmentWords(segs []segment) []word {
	var out []word
	for _, sg := range segs {
		col := sg.start
		var text []string
		textStart := -1
		for f := range strings.SplitSeq(sg.text, " ") {
			n := utf8.RuneCountInString(f)
			if f == "" {
				col++
				continue
			}
			if isNumberCell(f) && !strings.HasSuffix(f, ".") { // "1." numbers a name
				if len(text) > 0 {
					out = append(out, word{text: strings.Join(text, ""), start: textStart, end: col - 1})
					text, textStart = nil, -1
				}
				out = append(out, word{text: f, start: col, end: col + n, number: true})
			} else {
				if textStart < 0 {
					textStart = col
				}
				text = append(text, f)
			}
			col += n + 1
		}
		if len(text) > 0 {
			out = append(out, word{text: strings.Join(text, ""), start: textStart, end: col - 1})
		}
	}
	return out
}

// numberingLeftOut drops from a line's words what only numbers the table
// (the 决算 template's): a line of column numbers (栏次 1 2 3, or 1 2 3
// alone), and a row's number under a 行次 header (heads collects those
// headers as they come) or, the header seen, after its label (nos).
func numberingLeftOut(ws []word, heads *[]word, nos *rowNumbers) []word {
	texts := make([]string, 0, len(ws))
	for _, w := range ws {
		texts = append(texts, w.text)
	}
	if columnNumbering(texts) || slices.Contains(texts, "栏次") && !slices.ContainsFunc(ws, func(w word) bool { return !w.number && w.text != "栏次" }) {
		return nil
	}
	out := ws[:0:0]
	nos.line()
	for k, w := range ws {
		if !w.number && strings.Contains(w.text, "行次") {
			*heads = append(*heads, w)
		}
		if w.number && isRowNumber(w.text) && slices.ContainsFunc(*heads, func(h word) bool { return w.end >= h.start-1 && w.end <= h.end+3 }) {
			continue
		}
		// under a 行次 header its columns do not line up with: the
		// numbers as they follow the labels
		if w.number && len(*heads) > 0 && nos.take(w.text, k > 0 && !ws[k-1].number, k == 0 || ws[k-1].number, false) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// valueColumn is a column of right-aligned numbers.
type valueColumn struct {
	start, end int // the span of its numbers
	owner      int // the area whose names it belongs to, -1 for codes
}

// layoutRows reads a table's rows by column; ok is false when the table is
// not laid out in columns (default-mode text), and readRows is used.
func layoutRows(lines, flat []string, from, to int) (rows []row, ok bool) {
	words := make([][]word, 0, to-from)
	laid := 0
	var ends []int
	firstValue := -1
	var heads []word // the 行次 headers: the numbers under them number rows
	var nos rowNumbers
	for i := from; i < to && i < len(lines); i++ {
		if endsTable(flat[i]) {
			break
		}
		segs := segmentsOf(lines[i])
		ws := numberingLeftOut(segmentWords(segs), &heads, &nos)
		words = append(words, ws)
		nums, all := 0, len(ws)
		for _, w := range ws {
			if w.number {
				nums++
				ends = append(ends, w.end)
			}
		}
		if nums > 0 && all > 1 && len(segs) > 1 {
			laid++
		}
		if nums > 0 && firstValue < 0 {
			firstValue = i - from
		}
	}
	if laid < 2 || firstValue < 0 {
		return nil, false
	}
	// value columns: numbers whose right edges fall together
	sort.Ints(ends)
	var cols []valueColumn
	for _, e := range ends {
		if n := len(cols); n > 0 && e-cols[n-1].end <= 3 {
			cols[n-1].end = e
			continue
		}
		cols = append(cols, valueColumn{start: e, end: e})
	}
	colOf := func(w word) int {
		best, dist := -1, 1<<30
		for k, c := range cols {
			d := 0
			if w.end < c.start {
				d = c.start - w.end
			} else if w.end > c.end {
				d = w.end - c.end
			}
			if d < dist {
				best, dist = k, d
			}
		}
		return best
	}
	for _, ws := range words {
		for _, w := range ws {
			if w.number {
				k := colOf(w)
				cols[k].start = min(cols[k].start, w.start)
			}
		}
	}
	// areas: area k lies left of value column k (area len(cols) right of
	// all); a word belongs to the area where it starts
	areaOf := func(w word) int {
		for k, c := range cols {
			if w.start <= c.start {
				return k
			}
		}
		return len(cols)
	}
	named := make([]bool, len(cols)+1)
	for _, ws := range words[firstValue:] {
		for _, w := range ws {
			if !w.number {
				named[areaOf(w)] = true
			}
		}
	}
	for k := range cols {
		cols[k].owner = -1
		for a := k; a >= 0; a-- {
			if named[a] {
				cols[k].owner = a
				break
			}
		}
	}
	// rows, area by area, top to bottom
	type open struct {
		r       *row
		lastTxt int // the last line that added to its name
	}
	cur := make([]*open, len(cols)+1)
	var all []*row
	for li, ws := range words {
		i := from + li
		if r, ok := totalRow(ws, i); ok {
			all = append(all, r)
			continue
		}
		valued := make([]bool, len(cols)+1) // areas with a value on this line
		for _, w := range ws {
			if w.number {
				if o := cols[colOf(w)].owner; o >= 0 {
					valued[o] = true
				}
			}
		}
		for _, w := range ws {
			if w.number {
				continue
			}
			a := areaOf(w)
			o := cur[a]
			cont := o != nil && i-o.lastTxt <= 2 && !startsItem(w.text) && !rowLabels[rowName(w.text)] && !rowLabels[rowName(o.r.name)] &&
				(len(o.r.vals) == 0 && i-o.lastTxt == 1 || !valued[a] && (utf8.RuneCountInString(w.text) <= 4 || completes(o.r.name, w.text)))
			if cont {
				o.r.name += w.text
				o.lastTxt = i
				continue
			}
			r := &row{name: w.text, line: i + 1}
			all = append(all, r)
			cur[a] = &open{r: r, lastTxt: i}
		}
		var left *row // the row of the last name read on this line
		for _, w := range ws {
			if !w.number {
				if o := cur[areaOf(w)]; o != nil && o.lastTxt == i {
					left = o.r
				}
				continue
			}
			a := cols[colOf(w)].owner
			if a < 0 {
				continue // a code
			}
			dst := left // a value far from its column's names: in reading order
			if cur[a] != nil && i-cur[a].lastTxt <= 2 {
				dst = cur[a].r
			}
			if dst == nil {
				continue
			}
			if t, ok := cellToken(w.text, i+1); ok {
				dst.vals = append(dst.vals, t)
			}
		}
	}
	// rows in reading order: by first line, then left to right
	rows = make([]row, 0, len(all))
	for _, r := range all {
		rows = append(rows, *r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].line < rows[j].line })
	return rows, true
}

// completes tells a name's second half that makes a label the summaries
// know out of a first half they do not ("八、社会保" / its value on the line
// between / "障和就业支出").
func completes(first, second string) bool {
	return summaryKey(rowName(first)) == "" && summaryKey(rowName(first+second)) != ""
}

// totalRow reads a line that is one 合计/总计 label followed by numbers
// only: such a row spans the code and name columns, and pdftotext often
// shifts its numbers off their columns, so it is read in order.
func totalRow(ws []word, i int) (*row, bool) {
	if len(ws) < 2 || ws[0].number || !rowLabels[rowName(ws[0].text)] {
		return nil, false
	}
	r := &row{name: ws[0].text, line: i + 1}
	for _, w := range ws[1:] {
		if !w.number {
			return nil, false
		}
		t, ok := cellToken(w.text, i+1)
		if !ok {
			return nil, false
		}
		r.vals = append(r.vals, t)
	}
	return r, true
}
