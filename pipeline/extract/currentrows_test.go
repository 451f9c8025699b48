package extract

import "testing"

// currentRows gives the cells' reading the current year's subtotals the
// other reading holds only where they are the side's total, nothing
// carried: never a figure that is not the total's.
func TestCurrentRows(t *testing.T) {
	const total = 42764687
	tok := func(line int) token { return token{mant: total, line: line} }
	cells := func() summary {
		return summary{got: map[string]cell{"revenue": {total, 36}, "expenditure": {total, 36}}}
	}
	other := func() summary {
		return summary{
			got: map[string]cell{
				"revenue": {total, 38}, "revenue_current": {total, 37},
				"expenditure": {total, 63}, "expenditure_current": {total, 62},
			},
			toks: map[string]token{"revenue_current": tok(37), "expenditure_current": tok(62)},
		}
	}
	got := currentRows(cells(), other())
	if len(got) != 2 || got[0].name != "本年收入合计" || got[0].line != 37 || got[1].name != "本年支出合计" || got[1].line != 62 {
		t.Fatalf("both sides: got %+v", got)
	}
	if got[0].vals[0].line != 37 || got[1].vals[0].line != 62 {
		t.Fatalf("the other reading's cells: got %+v", got)
	}

	// something carried: the current year is not the total, and is left out
	o := other()
	o.got["revenue_current"] = cell{total - 1000, 37}
	o.got["carried_over"] = cell{1000, 39}
	if got := currentRows(cells(), o); len(got) != 1 || got[0].name != "本年支出合计" {
		t.Fatalf("revenue carried: got %+v", got)
	}

	// the readings' totals differ: nothing
	c := cells()
	c.got["revenue"], c.got["expenditure"] = cell{total + 1, 36}, cell{total + 1, 36}
	if got := currentRows(c, other()); got != nil {
		t.Fatalf("other totals: got %+v", got)
	}

	// the cells placed it already, or the other reading lacks it
	c = cells()
	c.got["revenue_current"] = cell{total, 40}
	o = other()
	delete(o.got, "expenditure_current")
	if got := currentRows(c, o); got != nil {
		t.Fatalf("placed or missing: got %+v", got)
	}
}
