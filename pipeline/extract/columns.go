package extract

import (
	"sort"
	"strings"

	"budgetpub/schema"
)

// A table of one row under a header of several lines — the 三公 table —
// can only be read by position: pdftotext -layout keeps every character at
// its column, so a value belongs to the header label above it. Default-mode
// text has no positions, and such a table is then left to the narrative.

// segment is a run of text on one line with the columns it spans.
type segment struct {
	text       string
	start, end int // rune columns
}

func (s segment) center() float64 { return float64(s.start+s.end) / 2 }

// segmentsOf splits a line at runs of two or more spaces.
func segmentsOf(line string) []segment {
	var out []segment
	col, start := 0, -1
	var cur strings.Builder
	spaces := 0
	flush := func(end int) {
		if start >= 0 {
			out = append(out, segment{strings.TrimSpace(cur.String()), start, end})
		}
		cur.Reset()
		start = -1
	}
	for _, r := range fold(line) {
		if r == ' ' || r == '\t' {
			spaces++
			if spaces >= 2 {
				flush(col - spaces + 1)
			} else if start >= 0 {
				cur.WriteRune(r)
			}
		} else {
			if start < 0 {
				start = col
			}
			spaces = 0
			cur.WriteRune(r)
		}
		col++
	}
	flush(col)
	return out
}

// column is a header label assembled from the segments stacked above a value.
type column struct {
	label  string
	center float64
	value  *token
	line   int
}

// threePublicTable reads the 三公 table by column: the labels above each
// value say which part it is. It is used only when a 合计 or 小计 equals the
// sum of the parts.
func (b *builder) threePublicTable(t table, lines []string) {
	if t.factor == 0 {
		return
	}
	// the value row: the first line below the title made of numbers only
	valueLine := -1
	var values []segment
	for i := t.line; i < len(lines) && i < t.line+40; i++ {
		segs := segmentsOf(lines[i])
		if len(segs) < 3 {
			continue
		}
		all := true
		for _, sg := range segs {
			all = all && isNumberCell(sg.text)
		}
		if all {
			valueLine, values = i, segs
			break
		}
	}
	if valueLine < 0 {
		return
	}
	// header labels: segments between the title and the value row, stacked
	// by column; wide labels that span several columns are left out
	var cols []*column
	for i := t.line; i < valueLine; i++ {
		l := compact(lines[i])
		if strings.Contains(l, "单位:") || strings.Contains(l, "部门:") || strings.HasSuffix(l, "表") {
			continue
		}
		for _, sg := range segmentsOf(lines[i]) {
			if strings.Contains(sg.text, "三公") || strings.Contains(sg.text, "购置") && strings.Contains(sg.text, "运行") {
				continue
			}
			var near *column
			for _, c := range cols {
				if d := c.center - sg.center(); d < 3 && d > -3 {
					near = c
				}
			}
			if near == nil {
				near = &column{center: sg.center()}
				cols = append(cols, near)
			}
			near.label += sg.text
		}
	}
	// as many values as labels: they pair in order (labels are centred over
	// right-aligned numbers, so positions alone can mislead); otherwise a
	// value goes to the nearest label (a blank cell), and two values on one
	// label is a table this reader does not understand
	sort.Slice(cols, func(i, j int) bool { return cols[i].center < cols[j].center })
	for k, v := range values {
		var best *column
		if len(values) == len(cols) {
			best = cols[k]
		} else {
			for _, c := range cols {
				if best == nil || abs(c.center-v.center()) < abs(best.center-v.center()) {
					best = c
				}
			}
		}
		if best == nil || best.value != nil || abs(best.center-v.center()) > 12 {
			b.warnTable(t, "the columns of this table could not be told apart: not used")
			return
		}
		toks := lexNumbers(v.text)
		if len(toks) != 1 {
			return
		}
		toks[0].line = valueLine + 1
		best.value = &toks[0]
	}
	parts := map[string]*column{}
	var totals []*column
	for _, c := range cols {
		if c.value == nil {
			continue
		}
		l := schema.NormalizeName(c.label)
		switch {
		case strings.Contains(l, "机关运行"):
			parts["operating_costs"] = c
		case strings.Contains(l, "出国"):
			parts["overseas_travel"] = c
		case strings.Contains(l, "接待"):
			parts["reception"] = c
		case strings.Contains(l, "购置"):
			parts["vehicle_purchase"] = c
		case strings.Contains(l, "运行"):
			parts["vehicle_operation"] = c
		case strings.Contains(l, "合计") || strings.Contains(l, "小计"):
			totals = append(totals, c)
		}
	}
	var sum schema.Money
	for _, k := range []string{"overseas_travel", "reception", "vehicle_purchase", "vehicle_operation"} {
		if c := parts[k]; c != nil {
			sum += t.value(*c.value)
		}
	}
	var total *column
	for _, c := range totals {
		if t.value(*c.value) == sum {
			total = c
			break
		}
	}
	if total == nil {
		b.warnTable(t, "no 合计 of this table equals the sum of its parts: not used")
		return
	}
	tp := b.doc.ThreePublic
	if tp == nil {
		tp = &schema.ThreePublic{}
		b.doc.ThreePublic = tp
	}
	b.setTable("/three_public", "/total", &tp.Total, t.value(*total.value), total.value.line)
	for _, f := range []struct {
		key string
		dst **schema.Figure
	}{{"overseas_travel", &tp.OverseasTravel}, {"reception", &tp.Reception}, {"vehicle_purchase", &tp.VehiclePurchase}, {"vehicle_operation", &tp.VehicleOperation}} {
		c := parts[f.key]
		if c == nil {
			continue
		}
		if *f.dst == nil {
			*f.dst = &schema.Figure{}
		}
		var have *schema.Money
		if b.doc.Provenance["/three_public/"+f.key+"/amount"].Line > 0 {
			have = &(*f.dst).Amount
		}
		b.setTable("/three_public/"+f.key, "/amount", &have, t.value(*c.value), c.value.line)
		(*f.dst).Amount = *have
	}
	if c := parts["operating_costs"]; c != nil {
		var have *schema.Money
		if b.doc.OperatingCosts != nil {
			have = &b.doc.OperatingCosts.Amount
		} else {
			b.doc.OperatingCosts = &schema.Figure{}
		}
		b.setTable("/operating_costs", "/amount", &have, t.value(*c.value), c.value.line)
		b.doc.OperatingCosts.Amount = *have
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
