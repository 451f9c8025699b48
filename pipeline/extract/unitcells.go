package extract

import (
	"strings"
	"unicode/utf8"
)

// Cells that print their unit. A table whose header states its unit
// (单位:万元) can still print the unit in each figure's cell: "合计 | 44万元",
// "2、公务接待费 | 10万元" (a web page's table, its cells typed by hand). Such
// a cell is the table's figure when its unit is the table's; a cell whose
// unit is another (44万元 in a table of 元) is left as text, unread: the
// table's unit is the one its figures are read in, and no cell is scaled.

// unitCell returns the figure of a cell that prints the unit of factor after
// it ("44万元" in a table of 万元: "44"), or false.
func unitCell(c string, factor int64) (string, bool) {
	unit, ok := unitWord(factor)
	if !ok || !strings.HasSuffix(c, unit) {
		return "", false
	}
	n := strings.TrimSuffix(c, unit)
	if factor == 1 && (strings.HasSuffix(n, "万") || strings.HasSuffix(n, "亿")) {
		return "", false // 44万元 is no cell of 元
	}
	if !isNumberCell(n) {
		return "", false
	}
	return n, true
}

// withoutCellUnits returns lines and flat with the cells between from and to
// that print the table's unit (factor) read as bare figures, the unit's
// characters left as spaces; the same slices when no cell prints it.
func withoutCellUnits(lines, flat []string, from, to int, factor int64) ([]string, []string) {
	if factor == 0 {
		return lines, flat
	}
	copied := false
	for i := max(from, 0); i < to && i < len(lines) && i < len(flat); i++ {
		l, changed := lineWithoutUnits(lines[i], factor)
		if !changed {
			continue
		}
		if !copied {
			lines, flat = append([]string(nil), lines...), append([]string(nil), flat...)
			copied = true
		}
		lines[i], flat[i] = l, compact(l)
	}
	return lines, flat
}

// lineWithoutUnits reads each cell of a line (words between white space or a
// web table's bars) that prints the unit of factor as its figure.
func lineWithoutUnits(line string, factor int64) (string, bool) {
	if unit, ok := unitWord(factor); !ok || !strings.Contains(line, unit) {
		return line, false
	}
	var b strings.Builder
	changed := false
	cut := func(r rune) bool { return r == ' ' || r == '\t' || r == '|' || r == '\u3000' }
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if cut(r) {
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(line) {
			r, n := utf8.DecodeRuneInString(line[j:])
			if cut(r) {
				break
			}
			j += n
		}
		w := line[i:j]
		if n, ok := unitCell(w, factor); ok {
			b.WriteString(n)
			b.WriteString(strings.Repeat(" ", utf8.RuneCountInString(w)-utf8.RuneCountInString(n)))
			changed = true
		} else {
			b.WriteString(w)
		}
		i = j
	}
	return b.String(), changed
}
