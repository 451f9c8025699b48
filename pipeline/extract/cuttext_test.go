package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A text cut inside a sentence of its accounts (the opening of a page the
// search gives, a copy cut short) never reached its later sections: no
// section is missing from it. One that ends its sentences, or ends in a
// signature's line, is whole, and a section it never mentions is missing.
func TestMissingSectionsOfACutText(t *testing.T) {
	var body strings.Builder
	body.WriteString("某县某局2021年度部门决算情况说明\n一、部门基本情况\n")
	for i := 0; i < 22; i++ {
		body.WriteString("某县某局依法履行职责。\n")
	}
	body.WriteString("二、部门决算情况说明\n2021年度收入总计5,545.08万元,支出总计5,545.08万元。\n")
	missing := func(text string) int {
		d := extractLines(t, text)
		n := 0
		for _, w := range d.Warnings {
			if strings.HasPrefix(w.Reason, schema.WarnMissingSection+": ") {
				n++
			}
		}
		return n
	}
	if n := missing(body.String() + "2021年度财政拨款收、支总计5,545.08万元。与2020年相比,财政拨款收、支\n"); n != 0 {
		t.Errorf("a text cut inside a sentence: %d sections missing, want none", n)
	}
	if n := missing(body.String() + "3.支出情况。2021年度支出合计386.31万元,较上年决算数减少144.43万元。其中:基本\n"); n != 0 {
		t.Errorf("a text cut after 其中: %d sections missing, want none", n)
	}
	if n := missing(body.String() + "2021年度财政拨款收、支总计5,545.08万元。\n"); n == 0 {
		t.Error("a text that ends its sentence: no section missing")
	}
	if n := missing(body.String() + "单位负责人:张某某,财务负责人:李某某\n"); n == 0 {
		t.Error("a text that ends in its signature's line: no section missing")
	}
}
