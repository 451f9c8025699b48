package ingest

import (
	"strings"
	"unicode/utf8"
)

// Tables with tabs. Text copied from a web page's table, a spreadsheet or a
// word processor separates a row's cells by tabs, an empty cell by two tabs
// in a row; the table readers find columns by where words stand, as
// pdftotext -layout prints them. alignTabs turns a block of such rows into
// that layout: each tab-separated field padded to its column's width (in
// runes, as the readers count), numbers to the right, names to the left,
// three spaces between columns. Lines keep their numbers.

// pipeRows turns a pipe table (an HTML-to-Markdown converter's: "| 项目 |
// 金额 |", a "| --- | --- |" line under its header; or an HTML-to-text
// converter's, without the outer pipes or with one: "项目 | 金额 |",
// "合计 | 18.15 | 22.15") into rows of tab-separated cells, its rule lines
// into blank lines, for alignTabs to align. A line is a pipe row when it
// holds two cells or more — three without an outer pipe, maxRowCells at
// most — and is no sentence; lines keep their numbers.
func pipeRows(lines []string) []string {
	var out []string // nil until a row is changed
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if len(t) < 5 || strings.Contains(t, "。") {
			continue
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
		outer := len(t) - len(inner) // outer pipes
		if n := strings.Count(inner, "|"); n == 0 || n == 1 && outer == 0 {
			continue
		}
		cells := strings.Split(inner, "|")
		if len(cells) > maxRowCells {
			continue // a page's body on one line, its cells a line each joined (breakLongLines)
		}
		rule := true
		for k, c := range cells {
			c = strings.TrimSpace(c)
			cells[k] = c
			rule = rule && len(c) >= 3 && strings.Trim(c, "-:") == ""
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		if rule {
			out[i] = ""
			continue
		}
		out[i] = strings.Join(cells, "\t")
	}
	if out == nil {
		return lines
	}
	return out
}

// maxRowCells is the most cells a table's row holds (a prescribed form's
// 26 numbered columns and their labels are fewer): a line of more is a
// page's body, a table a cell a line run into it.
const maxRowCells = 100

// alignTabs returns lines with each block of tab-separated rows aligned as
// above. A block runs from a line holding tabs to the last such line with
// no more than two short lines without a tab in a row between them (a row
// of one cell, a header's line, a blank line); it needs two rows with tabs,
// one of them with two or more. A stray tab elsewhere is left as it is.
func alignTabs(lines []string) []string {
	var out []string // nil until a block is aligned
	for i := 0; i < len(lines); {
		if !isTabRow(lines[i]) {
			i++
			continue
		}
		last, rows, cells := i, 0, 0
		for j, gap := i, 0; j < len(lines) && gap <= 2; j++ {
			n := strings.Count(lines[j], "\t")
			switch {
			case n > 0 && isTabRow(lines[j]):
				last, gap = j, 0
				rows++
				cells = max(cells, n)
			case utf8.RuneCountInString(lines[j]) <= 24 && !strings.Contains(lines[j], "。"):
				gap++
			default:
				gap = 3
			}
		}
		if rows >= 2 && cells >= 2 {
			if out == nil {
				out = append([]string(nil), lines...)
			}
			alignBlock(out[i : last+1])
		}
		i = last + 1
	}
	if out == nil {
		return lines
	}
	return out
}

// isTabRow tells a line of cells a tab apart from a sentence that holds
// a tab.
func isTabRow(l string) bool {
	return strings.Contains(l, "\t") && !strings.Contains(l, "。")
}

// alignBlock aligns the rows of one block in place.
func alignBlock(rows []string) {
	var width []int
	fields := make([][]string, len(rows))
	for k, l := range rows {
		if !strings.Contains(l, "\t") {
			continue
		}
		fields[k] = strings.Split(l, "\t")
		for c, f := range fields[k] {
			f = strings.TrimSpace(f)
			fields[k][c] = f
			if c == len(width) {
				width = append(width, 0)
			}
			width[c] = max(width[c], utf8.RuneCountInString(f))
		}
	}
	// a column of figures (past the first; more figures than words) sets
	// its labels to the right too, their ends over the figures' ends: in a
	// column wider than both (a long cell of another row, or a wide figure
	// under a 栏次 row's number), a label at the left would stand apart
	// from the figures under it
	tally := make([]int, len(width)) // a column's figures less its other cells
	for _, fs := range fields {
		for c, f := range fs {
			switch {
			case figureField(f):
				tally[c]++
			case f != "":
				tally[c]--
			}
		}
	}
	figures := func(c int) bool { return c > 0 && tally[c] > 0 }
	var b strings.Builder
	for k, fs := range fields {
		if fs == nil {
			continue
		}
		b.Reset()
		for c, f := range fs {
			if c > 0 {
				b.WriteString("   ")
			}
			pad := strings.Repeat(" ", width[c]-utf8.RuneCountInString(f))
			if figureField(f) || figures(c) {
				b.WriteString(pad + f)
			} else {
				b.WriteString(f + pad)
			}
		}
		rows[k] = strings.TrimRight(b.String(), " ")
	}
}

// figureField tells a cell that stands for a figure: an amount, or a dash
// (a figure not applicable).
func figureField(f string) bool {
	return isAmountField(f) || f == "—" || f == "-" || f == "－"
}
