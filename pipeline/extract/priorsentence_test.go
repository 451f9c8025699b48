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

// TestPriorBefore: the year before's figures in a clause of their own right
// before the year's (ended by ； or 。), under the same labels in the same
// order, are the figures' prior years; under other labels, or of another
// year, they are not.
func TestPriorBefore(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"semicolon", "某园2016年部门预算\n2015年收入预算1299.3万元,支出预算1299.3万元;\n2016年收入预算1560.62万元,支出预算1560.62万元。\n", true},
		{"sentences", "某园2016年部门预算\n2015年收入预算1299.3万元,支出预算1299.3万元。2016年收入预算1560.62万元,支出预算1560.62万元。\n", true},
		{"other labels", "某园2016年部门预算\n2015年财政拨款1299.3万元,其他收入1299.3万元;\n2016年收入预算1560.62万元,支出预算1560.62万元。\n", false},
		{"another year", "某园2016年部门预算\n2014年收入预算1299.3万元,支出预算1299.3万元;\n2016年收入预算1560.62万元,支出预算1560.62万元。\n", false},
	} {
		d := extractLines(t, c.text)
		rev, exp := d.Revenue, d.Expenditure
		if rev.Total == nil || *rev.Total != schema.Yuan(15606200) || exp.Total == nil || *exp.Total != schema.Yuan(15606200) {
			t.Fatalf("%s: totals %v, %v; want 1560.62万 each", c.name, rev.Total, exp.Total)
		}
		got := rev.PriorYear != nil && *rev.PriorYear == schema.Yuan(12993000) && exp.PriorYear != nil && *exp.PriorYear == schema.Yuan(12993000)
		if got != c.want || !c.want && (rev.PriorYear != nil || exp.PriorYear != nil) {
			t.Errorf("%s: prior years %v, %v; want 1299.3万 %v", c.name, rev.PriorYear, exp.PriorYear, c.want)
		}
	}
}

// The 三公's parts, the vehicles' subtotal among them, take their prior
// years from the year before's sentence right before the year's.
func TestPriorBeforeThreePublicParts(t *testing.T) {
	text := "某署2011年部门预算\n2010年某署“三公经费”财政拨款预算中,因公出国(境)费617万元,公务用车购置及运行费1229.65万元,公务接待费865万元。\n" +
		"2011年某署“三公经费”财政拨款预算中,因公出国(境)费617万元(零增长),公务用车购置及运行费1205.06万元(较2010年压缩2%),公务接待费865万元(零增长)。\n"
	tp := extractLines(t, text).ThreePublic
	for _, c := range []struct {
		name  string
		f     *schema.Figure
		prior schema.Money
	}{{"overseas", tp.OverseasTravel, schema.Yuan(6170000)}, {"vehicle", tp.Vehicle, schema.Yuan(12296500)}, {"reception", tp.Reception, schema.Yuan(8650000)}} {
		if c.f == nil || c.f.PriorYear == nil || *c.f.PriorYear != c.prior {
			t.Errorf("%s: %+v, want prior year %v", c.name, c.f, c.prior)
		}
	}
}

// A figure compared with its budget, then with the year before
// (比2014年度预算数减少…，比2013年度决算数X万元减少…) has X for its prior
// year; the parts' changes a sentence gives as the reason of a change
// against the budget (较2014年预算减少…，主要是因公出国(境)费减少…) are no
// changes against the year before, and draw no false alarm.
func TestPriorAfterBudgetClause(t *testing.T) {
	text := "某院2014年度部门决算\n某院2014年“三公”经费支出80万元,较2014年预算减少20万元,主要是因公出国(境)费减少5万元,公务接待费减少15万元。\n" +
		"其中:因公出国(境)费2014年财政拨款支出决算数为30万元,比2014年度预算数减少5万元,比2013年度决算数32万元减少2万元,下降6.25%。\n"
	d := extractLines(t, text)
	if o := d.ThreePublic.OverseasTravel; o == nil || o.Amount != schema.Yuan(300000) || o.PriorYear == nil || *o.PriorYear != schema.Yuan(320000) {
		t.Errorf("overseas travel %+v, want 30万 with 32万 its prior year", o)
	}
	for _, c := range d.Claims {
		if c.Line == 2 && c.Path == "/three_public/overseas_travel" && c.Kind == schema.ClaimChange {
			t.Errorf("a change against the budget claimed against the year before: %+v", c)
		}
	}
	for _, c := range d.Checks {
		if c.Severity == schema.SeverityWarning || c.Severity == schema.SeverityError {
			t.Errorf("a false alarm: %s", c.MessageEn)
		}
	}
}
