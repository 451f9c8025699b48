package extract

import "testing"

// A part said to be none whose sentence goes on to say the year before had
// none either ("…未安排出国(境)经费预算,2014年也未安排此项预算") has a prior
// year of none; a clause naming another year, or none after, tells nothing.
func TestThreePublicNoneTheYearBefore(t *testing.T) {
	const head = "某市某院关于财政拨款“三公”经费预算2015年情况的说明\n一、因公出国(境)经费\n"
	const rest = "二、公务接待费\n2015年某市某院安排公务接待费预算10万元。\n"
	checkWordings(t, []wording{
		{name: "也未安排", text: head + "2015年某市某院未安排出国(境)计划,未安排出国(境)经费预算,2014年也未安排此项预算。\n" + rest,
			want: map[string]float64{"/three_public/overseas_travel/amount": 0, "/three_public/overseas_travel/prior_year": 0}},
		{name: "上年也没有安排", text: head + "2015年某市某院未安排出国(境)经费预算,上年也没有安排。\n" + rest,
			want: map[string]float64{"/three_public/overseas_travel/prior_year": 0}},
		{name: "another year", text: head + "2015年某市某院未安排出国(境)经费预算,2012年也未安排此项预算。\n" + rest,
			want: map[string]float64{"/three_public/overseas_travel/amount": 0}, absent: []string{"/three_public/overseas_travel/prior_year"}},
		{name: "none said of the year before", text: head + "2015年某市某院未安排出国(境)经费预算。\n" + rest,
			absent: []string{"/three_public/overseas_travel/prior_year"}},
	})
}
