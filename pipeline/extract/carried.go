package extract

import (
	"slices"
	"strings"

	"budgetpub/schema"
)

// Carried amounts. A 决算's 收支总表 ends in two panels side by side:
//
//	本年收入合计 | 2,946.25 | 本年支出合计 | 2,940.05
//	使用非财政拨款结余 |    | 结余分配 |
//	年初结转和结余 | 49.14 | 年末结转和结余 | 55.34
//	总计 | 2,995.39 | 总计 | 2,995.39
//
// and default-mode pdftotext prints each panel's column in turn, so which
// label a value is beside is lost ("使用非财政拨款结余 | 年初结转和结余 | 总计 |
// 结余分配 | 49.14 | 2,995.39 | 年末结转和结余 | 总计 | 55.34 | 2,995.39").
// The rows' arithmetic places a value on its side (each side adds up to the
// total), but not between the side's two middle rows. The 财政拨款收支总表
// settles that: its total less the year's revenue (or expenditure) is at
// most the 财政拨款 carried in (or out), which is part of the 年初 (年末)
// 结转和结余 — so when that difference is positive, the 结转和结余 row is not
// blank. Every placement of the values that adds up, agrees with the text's
// (or another table's) current-year figures and total, and keeps that bound
// is a reading; a row keeps a value only when every reading gives it the
// same one.

// tailSlot is a label of the summary's last rows.
type tailSlot struct {
	side int    // 0 revenue, 1 expenditure, -1 either (总计)
	role string // "current", "carried", "other" or "total"
}

// tailSlotOf tells a label of the summary's last rows, ok false for any
// other label.
func tailSlotOf(name string) (tailSlot, bool) {
	switch key := summaryKey(name); {
	case key == "revenue_current":
		return tailSlot{0, "current"}, true
	case key == "expenditure_current":
		return tailSlot{1, "current"}, true
	case key == "carried_over":
		return tailSlot{0, "carried"}, true
	case key == "carried_forward":
		return tailSlot{1, "carried"}, true
	case key == "total":
		return tailSlot{-1, "total"}, true
	case key == "revenue":
		return tailSlot{0, "total"}, true
	case key == "expenditure":
		return tailSlot{1, "total"}, true
	case strings.HasPrefix(name, "使用非财政拨款结余"), strings.HasPrefix(name, "用事业基金弥补收支差额"), name == "使用专用结余":
		return tailSlot{0, "other"}, true
	case name == "结余分配":
		return tailSlot{1, "other"}, true
	}
	return tailSlot{}, false
}

// maxTailSteps bounds the placements carriedAmounts tries.
const maxTailSteps = 1 << 16

// carriedAmounts reads 年初结转和结余 and 年末结转和结余 from the last rows of
// a 收支总表 whose rows did not balance. It needs the year's revenue and
// expenditure (from the text or another table) and the 财政拨款收支总表's
// total from that table: a text's figure may be misprinted, and a bound is
// only as good as its figure.
func (b *builder) carriedAmounts(t table, lines, flat []string) {
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	if rev.CarriedOver != nil && exp.CarriedForward != nil || rev.CurrentYear == nil || exp.CurrentYear == nil || b.fiscalTableTotal == 0 {
		return
	}
	items := tableCells(t, lines, flat, true)
	start := -1
	for i, it := range items {
		if s, ok := tailSlotOf(rowName(it.text)); ok && s.role == "current" {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	var slots []tailSlot
	var vals []cell
	for _, it := range items[start:] {
		if isNumberCell(it.text) {
			tok, ok := cellToken(it.text, it.line)
			if !ok {
				return
			}
			vals = append(vals, cell{t.value(tok), it.line})
			continue
		}
		s, ok := tailSlotOf(rowName(it.text))
		if !ok {
			return // a row this reader does not know could hold any value
		}
		slots = append(slots, s)
	}
	current := [2]schema.Money{*rev.CurrentYear, *exp.CurrentYear}
	// the 财政拨款 carried in and out are at least these, in fen
	var least [2]schema.Money
	for side := range least {
		least[side] = b.fiscalTableTotal - current[side] - halfWan
	}
	fits := func(s tailSlot, v schema.Money) bool {
		switch s.role {
		case "current":
			return roundsTo(v, current[s.side])
		case "total":
			return rev.Total == nil || roundsTo(v, *rev.Total)
		}
		return true
	}
	adds := func(place []int) bool {
		var sum [2]schema.Money
		var have [2]bool
		total := schema.Money(-1)
		for k, s := range slots {
			var v schema.Money
			if place[k] >= 0 {
				v = vals[place[k]].v
			}
			switch {
			case s.role == "total" && place[k] < 0:
				return false
			case s.role == "total" && total >= 0 && v != total:
				return false
			case s.role == "total":
				total = v
			case s.role == "current" && place[k] < 0:
				return false
			case s.role == "carried" && v < least[s.side]:
				return false
			default:
				sum[s.side] += v
				have[s.side] = true
			}
		}
		return have[0] && have[1] && sum[0] == total && sum[1] == total
	}
	place := make([]int, len(slots))
	for k := range place {
		place[k] = -1
	}
	var got []int // the agreed value of each slot, -1 blank, -2 in doubt
	steps := 0
	var walk func(v int) bool
	walk = func(v int) bool {
		if steps++; steps > maxTailSteps {
			return false
		}
		if v == len(vals) {
			if adds(place) {
				got = agree(got, place, vals)
			}
			return true
		}
		for k, s := range slots {
			if place[k] < 0 && fits(s, vals[v].v) {
				place[k] = v
				if !walk(v + 1) {
					return false
				}
				place[k] = -1
			}
		}
		return true
	}
	if !walk(0) || got == nil {
		return
	}
	for k, s := range slots {
		if got[k] < 0 {
			continue
		}
		f := vals[got[k]]
		switch {
		case s.role == "carried" && s.side == 0 && rev.CarriedOver == nil:
			b.setTable("/revenue", "/carried_over", &rev.CarriedOver, f.v, f.line)
		case s.role == "carried" && s.side == 1 && exp.CarriedForward == nil:
			b.setTable("/expenditure", "/carried_forward", &exp.CarriedForward, f.v, f.line)
		}
	}
}

// agree folds a placement (each slot's value, -1 blank) into what every
// placement so far gives: a slot whose amount differs between them is -2,
// in doubt. got is nil before the first placement.
func agree(got, place []int, vals []cell) []int {
	if got == nil {
		return slices.Clone(place)
	}
	for k := range got {
		if got[k] != place[k] && (got[k] < 0 || place[k] < 0 || vals[got[k]].v != vals[place[k]].v) {
			got[k] = -2
		}
	}
	return got
}
