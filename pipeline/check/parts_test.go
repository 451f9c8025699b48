package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// twoFiles is a disclosure of two files: basic expenditure, 1,232.35 万元,
// read from the tables part (file 1, line 40), its change and its amount
// stated in the text (file 0, lines 12 and 7; the amount a part claim).
func twoFiles(partValue float64) *schema.Document {
	d := base()
	d.Document.Source = schema.SourceFile{Path: "corpus/x_text-part.txt"}
	d.Document.Sources = []schema.SourceFile{d.Document.Source, {Path: "corpus/x_tables-part.txt"}}
	d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(12323500), PriorYear: money(11000000)}}
	d.Provenance["/expenditure/basic/amount"] = schema.Source{Line: 40, File: 1}
	d.Provenance["/expenditure/basic/prior_year"] = schema.Source{Line: 12}
	d.Claims = []schema.Claim{
		{Path: "/expenditure/basic", Kind: schema.ClaimChange, Value: 1000000, Decimals: 2, Unit: "万元", Line: 12},
		{Path: "/expenditure/basic/amount", Kind: schema.ClaimPart, Value: partValue, Decimals: 2, Unit: "元", Line: 7},
	}
	return d
}

func findingOf(d *schema.Document, rule string) *schema.Check {
	Run(d)
	for i, c := range d.Checks {
		if c.Rule == rule {
			return &d.Checks[i]
		}
	}
	return nil
}

func TestCrossParts(t *testing.T) {
	if f := findingOf(twoFiles(12323500), "cross.parts"); f != nil {
		t.Errorf("equal figures reported: %+v", f)
	}
	if f := findingOf(twoFiles(12323460), "cross.parts"); f == nil || f.Severity != schema.SeverityInfo {
		t.Errorf("a difference within rounding: %+v, want info", f)
	}
	f := findingOf(twoFiles(12000000), "cross.parts")
	if f == nil || f.Severity != schema.SeverityWarning {
		t.Fatalf("conflicting figures: %+v, want a warning", f)
	}
	// the claim's line is the text's 7, the figure's the tables' 40
	if !reflect.DeepEqual(f.Lines, []int{7, 40}) || !reflect.DeepEqual(f.Files, []int{0, 1}) {
		t.Errorf("lines %v files %v, want 7 of file 0 and 40 of file 1", f.Lines, f.Files)
	}
	if want := "同一公开文件的两个文件数字不一致：x_text-part.txt 第7行与 x_tables-part.txt 第40行"; !strings.HasPrefix(f.Message, want) {
		t.Errorf("message %q, want %q…", f.Message, want)
	}
}

// A finding in a disclosure of several files names the file of each line:
// the change is stated in the text (file 0), basic expenditure comes from
// the tables (file 1).
func TestFindingLinesKnowTheirFiles(t *testing.T) {
	d := twoFiles(12323500)
	f := findingOf(d, "yoy.change")
	if f == nil {
		t.Fatal("yoy.change not found")
	}
	if !reflect.DeepEqual(f.Lines, []int{12, 40}) || !reflect.DeepEqual(f.Files, []int{0, 1}) {
		t.Errorf("lines %v files %v, want 12 of file 0 and 40 of file 1", f.Lines, f.Files)
	}
	// one file: no files listed, as before
	d = twoFiles(12323500)
	d.Document.Sources = nil
	d.Provenance["/expenditure/basic/amount"] = schema.Source{Line: 40}
	if f := findingOf(d, "yoy.change"); f == nil || f.Files != nil || !reflect.DeepEqual(f.Lines, []int{12, 40}) {
		t.Errorf("one file: %+v", f)
	}
}

// TestNamedPartsChange: a 三公 budget that states every part's amount and
// change (a part at 0 this year too, "与上年预算持平") lists all of the
// 三公's change: parts' changes above the whole's are a warning, as below
// it; where one part states no change (it may have had last year's
// amount) parts' changes above the whole's stay info.
func TestNamedPartsChange(t *testing.T) {
	text := `某区某局2016年部门预算
二、“三公”经费2016年预算情况
2016 年“三公”经费财政拨款预算1.70万元，比2015年预算减少1.03万元。具体情况：
1 、2016年因公出国（境）费预算0万元， 与2015年预算持平。
2 、2016年公务用车购置及运行维护费预算0万元，其中公务用车运行维护费0万元，比2015年预算减少2.27万元。
3 、2016年公务接待费预算1.70万元，比2015年预算增加1.24万元，主要原因是预计2016年公务接待次数比上年有所增长。`
	severityCases{
		"parts' changes make the whole's":    {text, ""},
		"the whole's change misprinted down": {strings.Replace(text, "减少1.03万元", "减少1.08万元", 1), schema.SeverityWarning},
		"a part's change misprinted up":      {strings.Replace(text, "增加1.24万元", "增加1.84万元", 1), schema.SeverityWarning},
		"a part's change misprinted down":    {strings.Replace(text, "减少2.27万元", "减少2.87万元", 1), schema.SeverityWarning},
		"a part at 0 states no change":       {strings.Replace(strings.Replace(text, "， 与2015年预算持平", "", 1), "减少1.03万元", "减少1.08万元", 1), schema.SeverityInfo},
	}.want(t, "yoy.parts_change")
}

// TestGeneralBasicProject: basic and project expenditure stated as the
// parts of 一般公共预算财政拨款支出 (…支出1903.55万元，比2017年增加249.49万元。
// 其中：基本支出…；项目支出…), with no year's total or one they do not make,
// are that whole's: a misprinted amount is sum.basic_project against it (its
// parts' changes still make its change), a misprinted change
// yoy.parts_change (their amounts still make it); a last digit the
// rounding explains is info.
func TestGeneralBasicProject(t *testing.T) {
	text := "某区某镇2018年部门预算情况说明\n二、部门预算情况说明\n" +
		"2018年一般公共预算财政拨款收入1903.55万元，一般公共预算财政拨款支出1903.55万元，比2017年增加249.49万元。" +
		"其中：基本支出1057.49万元，比2017年增加197.32万元，主要原因是工资调标；项目支出846.06万元，比2017年增加52.17万元，主要原因是补助增加。"
	withTotal := strings.Replace(text, "二、部门预算情况说明\n", "二、部门预算情况说明\n2018年支出预算1913.55万元，比2017年增加259.49万元，其中：一般公共服务支出1913.55万元。\n", 1)
	for name, c := range (severityCases{
		"the parts make the whole":            {text, ""},
		"a part misprinted":                   {strings.Replace(text, "基本支出1057.49", "基本支出1067.49", 1), schema.SeverityError},
		"the whole misprinted":                {strings.Replace(text, "财政拨款支出1903.55", "财政拨款支出1908.55", 1), schema.SeverityError},
		"the whole's last digit":              {strings.Replace(text, "财政拨款支出1903.55", "财政拨款支出1903.56", 1), ""},
		"beside a year's total":               {withTotal, ""},
		"beside a year's total, a part wrong": {strings.Replace(withTotal, "项目支出846.06", "项目支出840.06", 1), schema.SeverityError},
	}) {
		f := findingOf(extractText(t, c.text), "sum.basic_project")
		if wantSeverity(t, name, f, c.severity) && f != nil && c.severity != "" && !slices.Contains(f.Paths, "/expenditure/general/amount") {
			t.Errorf("%s: %v, want the general budget's expenditure", name, f.Paths)
		}
	}
	severityCases{
		"the parts' changes make the whole's": {text, ""},
		"a part's change misprinted":          {strings.Replace(text, "增加197.32", "增加199.32", 1), schema.SeverityWarning},
		"the whole's change misprinted":       {strings.Replace(text, "增加249.49", "增加243.49", 1), schema.SeverityWarning},
	}.want(t, "yoy.parts_change")
}

// want checks each case's extraction for rule's finding of its severity.
func (cs severityCases) want(t *testing.T, rule string) {
	t.Helper()
	for name, c := range cs {
		wantSeverity(t, name, findingOf(extractText(t, c.text), rule), c.severity)
	}
}

// TestClassSharesAfterAZeroClass: functional classes listed by their
// shares of the year's spending, the first at 0 and its share stated of
// the whole by its amount ("一般公共服务支出0万元,占本年财政拨款支出488.80万元
// 的0%;教育支出374.89万元,占本年支出的77%;…"): the class's amount before a
// share is no whole of its own, so each share is of the year's spending
// (share.pct), and the shares making 100% (the class at 0 none needed) say
// the list is every class (sum.function, an error short of the whole).
func TestClassSharesAfterAZeroClass(t *testing.T) {
	text := "某幼儿园2017年度部门决算\n(三)2017年度支出决算情况\n2017年本年支出488.80万元。\n" +
		"2、财政拨款支出决算结构情况。财政拨款支出按功能科目分类,一般公共服务支出0万元,占本年财政拨款支出488.80万元的0%;教育支出374.89万元,占本年支出的77%;" +
		"社会保障和就业支出60.44万元,占本年支出的12%;医疗卫生与计划生育支出18.51万元,占本年支出的4%;住房保障支出34.96万元,占本年支出的7%\n"
	severityCases{
		"as printed":           {text, ""},
		"a class misprinted":   {strings.Replace(text, "374.89", "314.89", 1), schema.SeverityError},
		"shares short of 100%": {strings.Replace(strings.Replace(text, "374.89", "314.89", 1), "的12%", "的2%", 1), schema.SeverityInfo},
	}.want(t, "sum.function")
	severityCases{
		"as printed":         {text, ""},
		"a share misprinted": {strings.Replace(text, "的77%", "的71%", 1), schema.SeverityWarning},
		"a class misprinted": {strings.Replace(text, "374.89", "314.89", 1), schema.SeverityWarning},
	}.want(t, "share.pct")
}

// TestShareWhole: shares of a whole the model does not hold (占支出总预算…,
// no total read) each put the whole at a part over its share; a misprinted
// share or part puts it elsewhere, and the share apart from the others is
// named (share.whole) — a last digit the rounding explains is not.
func TestShareWhole(t *testing.T) {
	text := "某中学2023年部门预算\n三、一般公共预算支出\n(一)教育支出类科目5,806,105.16元,占支出总预算82.27%。\n(二)社会保障和就业支出类科目557,718.56元,占支出总预算7.9%。\n" +
		"(三)卫生健康支出类科目275,373.54元,占支出总预算3.9%。\n(四)住房保障支出类科目418,288.92元,占支出总预算5.93%。\n"
	for name, c := range (severityCases{
		"as printed":               {text, ""},
		"a share misprinted":       {strings.Replace(text, "82.27%", "32.27%", 1), schema.SeverityWarning},
		"a part misprinted":        {strings.Replace(text, "418,288.92", "918,288.92", 1), schema.SeverityWarning},
		"a share's last digit":     {strings.Replace(text, "5.93%", "5.92%", 1), ""},
		"two shares, one misprint": {strings.Replace(strings.Replace(strings.Replace(text, "(三)卫生健康支出类科目275,373.54元,占支出总预算3.9%。\n", "", 1), "(四)住房保障支出类科目418,288.92元,占支出总预算5.93%。\n", "", 1), "7.9%", "9.7%", 1), schema.SeverityWarning},
	}) {
		f := findingOf(extractText(t, c.text), "share.whole")
		if wantSeverity(t, name, f, c.severity) && name == "a share misprinted" && f.Stated != 32.27 {
			t.Errorf("%s: names the share %v, want 32.27", name, f.Stated)
		}
	}
}

// TestBalanceGeneral: a budget's general budget appropriation and its
// expenditure, stated side by side, are one amount where nothing carried
// over is stated (balance.general); the expenditure may be more where an
// amount carried over is, never less; a 决算's are not compared.
func TestBalanceGeneral(t *testing.T) {
	text := "重庆市某委员会2018年部门预算情况说明\n二、部门预算情况说明\n2018年一般公共预算财政拨款收入324970.32万元，一般公共预算财政拨款支出324970.32万元，比2017年减少145261.52万元。\n"
	carried := strings.Replace(text, "二、部门预算情况说明\n", "二、部门预算情况说明\n2018年收入预算330000.00万元，其中：一般公共预算拨款324970.32万元，上年结转5029.68万元。\n", 1)
	severityCases{
		"as printed":                         {text, ""},
		"the appropriation misprinted":       {strings.Replace(text, "收入324970.32", "收入324979.32", 1), schema.SeverityWarning},
		"the expenditure misprinted":         {strings.Replace(text, "支出324970.32", "支出32497.32", 1), schema.SeverityWarning},
		"the last digit":                     {strings.Replace(text, "支出324970.32", "支出324970.33", 1), ""},
		"carried over, the expenditure more": {strings.Replace(carried, "支出324970.32", "支出330000.00", 1), ""},
		"carried over, the expenditure less": {strings.Replace(carried, "支出324970.32", "支出32497.32", 1), schema.SeverityWarning},
		"a 决算":                               {strings.Replace(strings.Replace(text, "部门预算", "部门决算", -1), "收入324970.32", "收入324979.32", 1), ""},
	}.want(t, "balance.general")
}

// TestClassifiedList: the functional classes listed as the spending's
// breakdown by its classification ("按支出功能分类科目:医疗卫生和计划生育支出
// 522.09万元,社会保障和就业支出37.95万元,住房保障支出21.68万元") are every
// class: one misprinted short of the spending is a warning (sum.text), not
// a list that may be partial; a list with no such words stays info.
func TestClassifiedList(t *testing.T) {
	text := "某社区卫生中心2016年度部门预算编制说明\n(二)支出情况\n本年度支出预算581.72万元,比上年增加149.29万元。其中:\n" +
		"按支出功能分类科目:医疗卫生和计划生育支出522.09万元,社会保障和就业支出37.95万元,住房保障支出21.68万元。\n"
	short := strings.Replace(text, "住房保障支出21.68", "住房保障支出11.68", 1)
	severityCases{
		"as printed":           {text, ""},
		"a class misprinted":   {short, schema.SeverityWarning},
		"no classification":    {strings.Replace(short, "按支出功能分类科目:", "", 1), ""},
		"a gap of no misprint": {strings.Replace(text, "住房保障支出21.68", "住房保障支出3.54", 1), ""},
	}.want(t, "sum.text")
	if f := findingOf(extractText(t, strings.Replace(short, "按支出功能分类科目:", "", 1)), "sum.function"); f == nil || f.Severity != schema.SeverityInfo {
		t.Errorf("no classification: sum.function %+v, want info", f)
	}
}

// TestGeneralChangeScope: basic and project expenditure make both the
// year's expenditure and the general budget appropriations' (every yuan a
// general-budget appropriation), and only the appropriations' states its
// change: the parts' changes are compared with that change, also where a
// misprint keeps them from adding up to it — the choice of whole does not
// hang on the very sum it compares.
func TestGeneralChangeScope(t *testing.T) {
	text := "某乡2023年部门预算\n(二)支出预算:2023年年初预算数1643.29万元。\n" +
		"2023年一般公共预算财政拨款收入1643.29万元,一般公共预算财政拨款支出1643.29万元,比上年增加105.77万元。其中:基本支出952.50万元,比上年增加39.77万元;项目支出690.79万元,比上年增加66.00万元。\n"
	severityCases{
		"as printed":             {text, ""},
		"a part's change":        {strings.Replace(text, "增加39.77", "增加39.87", 1), schema.SeverityWarning},
		"the other part's":       {strings.Replace(text, "增加66.00", "增加660.0", 1), schema.SeverityWarning},
		"the last digit, within": {strings.Replace(text, "增加66.00", "增加66.01", 1), ""},
	}.want(t, "yoy.parts_change")
}

// TestChangeFromPercentage: the 三公's and its parts' changes stated as
// percentages alone ("合计10431.45万元，比2013年预算下降19.74%。其中：因公出国
// (境)经费预算268.53万元，比2013年预算下降28.53%；…") make changes of their
// amounts, a·p/(100+p), that add up as stated ones do; a rise of 100% (a
// part new this year, as some documents print it) is none of them.
func TestChangeFromPercentage(t *testing.T) {
	text := "某区2014年部门预算\n2014年“三公”经费合计10431.45万元,比2013年预算下降19.74%。其中:因公出国(境)经费预算268.53万元,比2013年预算下降28.53%;" +
		"公务用车购置及运行费7875.74万元,比2013年预算下降8.68%;公务接待费预算2287.17万元,比2013年预算下降42.77%。\n"
	severityCases{
		"as printed":               {text, ""},
		"the total's rate":         {strings.Replace(text, "下降19.74", "下降16.74", 1), schema.SeverityWarning},
		"a part's rate":            {strings.Replace(text, "下降42.77", "下降32.77", 1), schema.SeverityWarning},
		"a part's rate, scaled":    {strings.Replace(text, "下降8.68", "下降86.8", 1), schema.SeverityWarning},
		"a rate's last digit":      {strings.Replace(text, "下降42.77", "下降42.78", 1), ""},
		"a part up 100%, as a new": {strings.Replace(text, "下降28.53", "增长100", 1), ""},
	}.want(t, "yoy.parts_change")
}

// TestPartsBudgetsFromRates: a 三公 决算 that states each figure's change
// against its budget as a percentage alone ("决算总额为1023万元,较年初预算减少
// 32%" / "公务用车购置及运行费决算支出785万元,较年初预算减少28%" / "公务接待费决算
// 支出238万元,较年初预算下降42%") implies each one's budget (a / (1 + p/100)):
// the parts' make the whole's. A part spent 0 whose budget the text does not
// tell may have had one, so the parts' budgets below the whole's say
// nothing; above it (a rate misprinted), execution.parts_budget names the
// lines. Every part's budget told, the parts must make the whole's.
func TestPartsBudgetsFromRates(t *testing.T) {
	text := `某县2020年度“三公”经费决算情况说明
2020年某县行政事业单位使用当年财政拨款安排的“三公”经费决算总额为1023万元,较年初预算减少32%。其中:
一、因公出国(境)经费
2020年因公出国(境)决算支出0万元。
二、公务用车购置及运行维护费
2020年公务用车购置及运行费决算支出785万元,较年初预算减少28%。
三、公务接待费
2020年公务接待费决算支出238万元,较年初预算下降42%。`
	for name, c := range (severityCases{
		"the parts' budgets make the whole's": {text, ""},
		"a part's rate misprinted":            {strings.Replace(text, "减少28%", "减少38%", 1), schema.SeverityWarning},
		"the whole's rate misprinted":         {strings.Replace(text, "减少32%", "减少22%", 1), schema.SeverityWarning},
		"below the whole's, a part not told":  {strings.Replace(text, "减少32%", "减少36%", 1), ""},
		"every part told":                     {strings.Replace(text, "决算支出0万元。", "决算支出0万元,较年初预算减少0%。", 1), ""},
		"every part told, below the whole's":  {strings.NewReplacer("减少32%", "减少36%", "决算支出0万元。", "决算支出0万元,较年初预算减少0%。").Replace(text), schema.SeverityWarning},
		"a budget, not a 决算":                  {strings.Replace(text, "决算情况说明", "预算情况说明", 1), ""},
	}) {
		f := findingOf(extractText(t, c.text), "execution.parts_budget")
		if wantSeverity(t, name, f, c.severity) && f != nil && !slices.Equal(f.Lines, []int{2, 6, 8}) && !slices.Equal(f.Lines, []int{2, 4, 6, 8}) {
			t.Errorf("%s: lines %v, want 2, (4,) 6, 8", name, f.Lines)
		}
	}
}
