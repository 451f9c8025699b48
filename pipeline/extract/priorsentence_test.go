package extract

import (
	"testing"

	"budgetpub/schema"
)

// TestPriorSentences: the year before's figures in a sentence of their own
// right after the year's, under the same labels in the same order, are the
// figures' prior years — also after a numbered heading run into the
// sentence (a body on one line); under other labels, or a sentence of
// another year, they are not.
func TestPriorSentences(t *testing.T) {
	own := "2017年度支出合计2906万元,其中:基本支出279万元,占总支出的10%;项目支出2626万元,占总支出的90%。"
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"lines", "某局2017年度部门决算\n二、支出决算情况说明\n" + own + "2016年度支出合计628万元,其中:基本支出230万元,占总支出的37%;项目支出398万元,占总支出的63%。\n", true},
		{"one line", "某局2017年度部门决算 一、主要职能 负责移民工作。 二、支出决算情况说明 " + own + "2016年度支出合计628万元,其中:基本支出230万元,占总支出的37%;项目支出398万元,占总支出的63%。\n", true},
		{"other labels", "某局2017年度部门决算\n" + own + "2016年度支出合计628万元,其中:人员经费230万元;公用经费398万元。\n", false},
		{"another year", "某局2017年度部门决算\n" + own + "2015年度支出合计628万元,其中:基本支出230万元,占总支出的37%;项目支出398万元,占总支出的63%。\n", false},
	} {
		exp := extractLines(t, c.text).Expenditure
		got := exp.Basic != nil && exp.Basic.PriorYear != nil && *exp.Basic.PriorYear == schema.Yuan(2300000) &&
			exp.Project != nil && exp.Project.PriorYear != nil && *exp.Project.PriorYear == schema.Yuan(3980000) &&
			exp.PriorYear != nil && *exp.PriorYear == schema.Yuan(6280000)
		if got != c.want {
			t.Errorf("%s: basic %+v, project %+v, prior %v; want prior years %v", c.name, exp.Basic, exp.Project, exp.PriorYear, c.want)
		}
		if !c.want && (exp.PriorYear != nil || exp.Basic != nil && exp.Basic.PriorYear != nil) {
			t.Errorf("%s: a prior year read: %v, %+v", c.name, exp.PriorYear, exp.Basic)
		}
	}
}
