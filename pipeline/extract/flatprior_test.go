package extract

import "testing"

// A figure stated unchanged from the year before's ("与2013年预算持平",
// "与上年持平", "与上年相比持平", "较上年无增减", "与上年预算数一致") has that
// year's amount for its prior year: its own. Not where what it is compared
// with is the year's own budget ("与年初预算持平" in a 决算), another year, the
// year before's document of the other kind, or where an amount is stated.
func TestFlatWithTheYearBefore(t *testing.T) {
	const budget = "某市某局2014年部门预算\n“三公”经费预算情况说明\n"
	const final = "某市某局2014年部门决算\n“三公”经费支出决算情况说明\n"
	const (
		reception = "/three_public/reception/prior_year"
		vehicle   = "/three_public/vehicle/prior_year"
	)
	checkWordings(t, []wording{
		{name: "与上年的年份预算持平", text: budget + "2014年某市某局安排公务接待费预算50万元,与2013年预算持平。\n",
			want: map[string]float64{"/three_public/reception/amount": 500000, reception: 500000}},
		{name: "与上年持平", text: budget + "2014年公务接待费预算8.5万元,与上年持平。\n",
			want: map[string]float64{reception: 85000}},
		{name: "与上年预算数持平", text: budget + "公务接待费支出预算8.2万元,与上年预算数持平。\n",
			want: map[string]float64{reception: 82000}},
		{name: "与上年相比持平", text: budget + "2014年公务接待费预算200万元,与2013年预算相比持平。\n",
			want: map[string]float64{reception: 2000000}},
		{name: "较上年无增减", text: budget + "2014年公务接待费预算0.5万元,较上年无增减。\n",
			want: map[string]float64{reception: 5000}},
		{name: "与上年预算数一致", text: budget + "公务接待费预算支出70万元，与上年预算数一致。\n",
			want: map[string]float64{reception: 700000}},
		{name: "其中 its one part", text: budget + "2014年某市某局安排公车购置及运行维护费130万元,其中:购置经费无,运行维护费130万元,与2013年预算持平。\n",
			want: map[string]float64{vehicle: 1300000}},
		{name: "决算 与上年决算持平", text: final + "公务接待费支出决算8万元,与2013年度决算支出持平。\n",
			want: map[string]float64{reception: 80000}},
		{name: "决算 against its own budget", text: final + "公务接待费支出决算8万元,与年初预算持平。\n",
			absent: []string{reception}},
		{name: "决算 against its own year's budget", text: final + "公务接待费支出决算8万元,与2014年预算持平。\n",
			absent: []string{reception}},
		{name: "决算 against the year before's budget", text: final + "公务接待费支出决算8万元,与上年预算持平。\n",
			absent: []string{reception}},
		{name: "another year", text: budget + "2014年公务接待费预算50万元,与2012年预算持平。\n",
			absent: []string{reception}},
		{name: "the year before's amount stated", text: budget + "2014年公务接待费预算50万元,与上年50万元持平。\n",
			want: map[string]float64{reception: 500000}},
	})
}
