package check

import (
	"testing"

	"budgetpub/schema"
)

// An amount printed in 千元 ("收入预算9167千元") is read in that unit, its
// rounding half a 千元 at no decimals; a bare number is never taken for one.
func TestThousandYuanPrinting(t *testing.T) {
	if how, half, ok := printedAs("2017年本部门收入预算9167千元,比上年增加1490千元", 9167000, "万元"); !ok || how.unit != "千元" || half != 500 {
		t.Errorf("9167千元: %+v %v %v", how, half, ok)
	}
	if how, _, ok := printedAs("合计 9167", 9167000, "万元"); ok {
		t.Errorf("a bare number read as 千元: %+v", how)
	}
	if r := claimRounding(schema.Claim{Unit: "千元", Decimals: 0}); r != 500 {
		t.Errorf("claim rounding of 千元: %v", r)
	}
}
