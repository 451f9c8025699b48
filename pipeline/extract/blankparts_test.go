package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A 三公 table a web page prints a cell a line, each cell ending in its bar
// and a blank cell a bare bar: a part's row printed blank is 0 where the
// 合计 is exactly the other parts' sum (a table prints a blank for nothing),
// and so is a vehicles' part left blank under a subtotal its other part
// makes. Where the sum leaves something over, the blank is not read.
func TestThreePublicTableBlankPartIsZero(t *testing.T) {
	table := func(total string) string {
		return strings.Join([]string{
			"某局2015年部门预算",
			"某局2015年财政拨款安排“三公”经费预算公开表",
			"单位:万元",
			"项目 |", "预算数 |",
			"合计 |", total + " |",
			"1、因公出国(境)费 |", "|",
			"2、公务接待费 |", "72.47 |",
			"3、公务用车费 |", "53.41 |",
			"其中:公务用车运行维护费 |", "53.41 |",
			"公务用车购置费 |", "|",
			"注:按照有关规定,“三公”经费包括因公出国(境)费、公务接待费和公务用车购置及运行费。",
		}, "\n")
	}
	d := extractLines(t, table("125.88"))
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(1258800) {
		t.Fatalf("三公 %+v, want its total 1258800", tp)
	}
	if o := tp.OverseasTravel; o == nil || o.Amount != 0 {
		t.Errorf("the blank 因公出国(境)费 under a 合计 the others make: %+v, want 0", o)
	} else if src := d.Provenance["/three_public/overseas_travel/amount"]; !strings.Contains(src.Text, "因公出国") {
		t.Errorf("the blank 因公出国(境)费's source %+v, want its row", src)
	}
	if p := tp.VehiclePurchase; p == nil || p.Amount != 0 {
		t.Errorf("the blank 公务用车购置费 under a subtotal its 运行维护费 makes: %+v, want 0", p)
	}
	if tp.Reception == nil || tp.Reception.Amount != schema.Yuan(724700) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(534100) {
		t.Errorf("the printed parts: %+v %+v", tp.Reception, tp.Vehicle)
	}

	// the 合计 above the others' sum: the blank row's figure is not nothing
	// (the table does not add up as printed), and is not read
	d = extractLines(t, table("130.88"))
	if tp := d.ThreePublic; tp != nil && tp.OverseasTravel != nil {
		t.Errorf("a blank 因公出国(境)费 under a 合计 5 above the others: read as %+v", *tp.OverseasTravel)
	}
}

// A sentence that leaves a 三公 part out says nothing of it, whatever the
// total and the other parts make: no 0 is read for it (the table's rule
// above is the table's alone).
func TestThreePublicTextPartNotStatedStaysOut(t *testing.T) {
	d := extractLines(t, "某局2024年部门预算\n2024年“三公”经费预算125.88万元，其中：公务接待费72.47万元，公务用车购置及运行费53.41万元。")
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(1258800) {
		t.Fatalf("三公 %+v, want its total 1258800", tp)
	}
	if tp.OverseasTravel != nil {
		t.Errorf("因公出国(境)费, stated nowhere, read as %+v", *tp.OverseasTravel)
	}
}
