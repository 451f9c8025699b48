package extract

import (
	"testing"

	"budgetpub/schema"
)

// A comparison with the year before whose amount is printed without its
// unit, the change in money right after it ("较上年2.08减少0.03万元"): the
// figure less its change makes the bare number in the change's unit, so
// it is the prior year in that unit; a bare number the arithmetic does not
// make (a count, a misprint) is not read.
func TestBarePriorAmountTakesChangeUnit(t *testing.T) {
	const head = "某局2018年度部门决算\n"
	d := extractLines(t, head+"2018年度本部门“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%。")
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(20500) {
		t.Fatalf("三公 %+v, want 20500", tp)
	}
	if tp.PriorYear == nil || *tp.PriorYear != schema.Yuan(20800) {
		t.Errorf("prior year %v, want 2.08万元 (2.05 + 0.03)", tp.PriorYear)
	}
	d = extractLines(t, head+"2018年度本部门“三公”经费支出2.05万元,较上年2.18减少0.03万元。")
	if tp := d.ThreePublic; tp != nil && tp.PriorYear != nil {
		t.Errorf("a bare 2.18 that 2.05 + 0.03 does not make read as the prior year %v", *tp.PriorYear)
	}
}

// A sentence comparing the figure with the year before's, opened by 较 (or
// 比), the year and its document's words before the figure's label, the
// year before's amount and the change right after it ("较2014年度部门决算
// 公开“三公”经费合计16.08万元增加15.15万元"): the amount is the prior year
// where the figure less the change makes it; another kind's document
// (预算 in a 决算) or a change that does not make it reads none.
func TestPriorLabelledAfterThanWithChange(t *testing.T) {
	const head = "某局2015年度部门决算\n2015年度部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元,公务用车运行维护费28.91万元,因公出国(境)费0.74万元。"
	for _, c := range []struct {
		sentence string
		want     int64 // yuan, 0 for none
	}{
		{"较2014年度部门决算公开“三公”经费合计16.08万元增加15.15万元。", 160800},
		{"比上年“三公”经费16.08万元增加15.15万元。", 160800},
		{"较2014年度部门预算“三公”经费合计16.08万元增加15.15万元。", 0},
		{"较2014年度部门决算公开“三公”经费合计16.08万元增加13.15万元。", 0},
	} {
		d := extractLines(t, head+c.sentence)
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(312300) {
			t.Fatalf("%s: 三公 %+v, want 312300", c.sentence, tp)
		}
		switch {
		case c.want == 0 && tp.PriorYear != nil:
			t.Errorf("%s: prior year %v, want none", c.sentence, *tp.PriorYear)
		case c.want != 0 && (tp.PriorYear == nil || *tp.PriorYear != schema.Yuan(c.want)):
			t.Errorf("%s: prior year %v, want %d", c.sentence, tp.PriorYear, c.want)
		}
	}
}
