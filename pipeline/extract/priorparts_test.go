package extract

import (
	"testing"

	"budgetpub/schema"
)

// A budget stating the year before's 三公 outturn and, after 其中, its three
// parts, then the year's budget and its parts: the year before's parts are
// the parts' prior years where they add up to that outturn; parts that do
// not, or a part of the year not stated, get none.
func TestPriorOutturnPartsAfterItsTotal(t *testing.T) {
	text := func(reception string) string {
		return "某部门2014年部门预算\n" +
			"2013年“三公”经费财政拨款执行数为71.54万元。其中,因公出国(境)费16.92万元,公务用车购置及运行费42.53万元,公务接待费" + reception + "万元。\n" +
			"2014年“三公”经费财政拨款预算71.51万元。其中,因公出国(境)费19.76万元,公务用车购置及运行费41.27万元,公务接待费10.48万元。"
	}
	d := extractLines(t, text("12.09"))
	tp := d.ThreePublic
	if tp == nil || tp.PriorYear == nil || *tp.PriorYear != schema.Yuan(715400) {
		t.Fatalf("三公 %+v, want its prior year 715400", tp)
	}
	for _, c := range []struct {
		name string
		f    *schema.Figure
		want int64
	}{{"因公出国(境)费", tp.OverseasTravel, 169200}, {"公务用车购置及运行费", tp.Vehicle, 425300}, {"公务接待费", tp.Reception, 120900}} {
		if c.f == nil || c.f.PriorYear == nil || *c.f.PriorYear != schema.Yuan(c.want) {
			t.Errorf("%s: %+v, want its prior year %d", c.name, c.f, c.want)
		}
	}
	// the parts' changes stated against the year before's budget, which
	// the outturn's parts do not make (10.48 − 12.09 is −1.61, not −2.5):
	// their comparisons are not with it
	d = extractLines(t, text("12.09")+"与2013年年初预算相比,公务接待费减少2.5万元。")
	if tp := d.ThreePublic; tp != nil && tp.Reception != nil && tp.Reception.PriorYear != nil {
		t.Errorf("parts compared with another base given the outturn's as prior years: %v", *tp.Reception.PriorYear)
	}
	d = extractLines(t, text("13.09")) // the parts make 72.54, not 71.54
	if tp := d.ThreePublic; tp != nil && tp.OverseasTravel != nil && tp.OverseasTravel.PriorYear != nil {
		t.Errorf("parts that do not add up to the outturn read as prior years: %v", *tp.OverseasTravel.PriorYear)
	}
}
