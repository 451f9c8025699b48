package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// untold tells a document whose identity leaves out (at least) what is
// listed: each is in Meta.Unknown, and absent.
func untold(d *schema.Document, what ...string) bool {
	for _, w := range what {
		if !slices.Contains(d.Document.Unknown, w) {
			return false
		}
		switch w {
		case schema.UnknownDepartment:
			if d.Department.Name != "" {
				return false
			}
		case schema.UnknownYear:
			if d.Document.FiscalYear != 0 {
				return false
			}
		case schema.UnknownKind:
			if d.Document.Kind != "" {
				return false
			}
		}
	}
	return true
}

func extractText(text string, h Hints) (*schema.Document, error) {
	d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(text, "\n"), SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Format: "text"}, "t", h)
	if err == nil {
		err = schema.Validate(d)
	}
	return d, err
}

// TestIncompleteIdentity: a page of a disclosure that tells neither its
// department nor its year nor its kind (its title page missing) is read
// all the same: its figures, the identity left out and listed as unknown,
// a warning saying what and how to give it; what the text does tell is
// kept, and metadata.csv's department fills the name.
func TestIncompleteIdentity(t *testing.T) {
	page := "一、“三公”经费财政拨款支出总体情况说明\n" +
		"本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元，其中：因公出国(境)支出0万元；公务用车购置支出0万元；公务用车运行维护费支出0万元；公务接待费支出2.05万元。\n" +
		"二、机关运行经费支出情况说明\n本部门机关运行经费支出35.6万元。\n"
	d, err := extractText(page, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if !untold(d, schema.UnknownDepartment, schema.UnknownYear, schema.UnknownKind) || d.Document.Title != "" {
		t.Errorf("identity %+v %+v, want none", d.Document, d.Department)
	}
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(20500) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(20500) {
		t.Errorf("三公 %+v", tp)
	}
	if d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(356000) {
		t.Errorf("机关运行经费 %+v", d.OperatingCosts)
	}
	if w := d.Warnings[0]; !strings.HasPrefix(w.Reason, schema.WarnIdentity) || !strings.Contains(w.Reason, "the department, the fiscal year, the kind") || !strings.Contains(w.Reason, "metadata.csv") {
		t.Errorf("first warning %+v", w)
	}
	if _, ok := d.Provenance["/department/name"]; ok {
		t.Errorf("a name's provenance without a name")
	}
	// metadata.csv names the department: the year and kind stay unknown
	d, err = extractText(page, Hints{Department: "某县财政局", FiscalYear: 2018})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某县财政局" || !untold(d, schema.UnknownYear, schema.UnknownKind) || slices.Contains(d.Document.Unknown, schema.UnknownDepartment) {
		t.Errorf("with a department hint: %+v %+v", d.Document, d.Department)
	}
	if n := count(d, "is kept"); n != 0 {
		t.Errorf("a year the text does not tell kept against metadata.csv's: %v", d.Warnings)
	}
	// a year the text does not tell is not said to be another: no heading names another year
	d, err = extractText("二、2017年“三公”经费决算情况\n"+page, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(d, schema.WarnHeadingYear); n != 0 {
		t.Errorf("a heading's year against none: %v", d.Warnings)
	}
	// a title that names the year and the kind, no department
	d, err = extractText("2018年度部门决算公开\n"+page, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if !untold(d, schema.UnknownDepartment) || d.Document.FiscalYear != 2018 || d.Document.Kind != schema.KindFinalAccounts || len(d.Document.Unknown) != 1 {
		t.Errorf("a title without a name: %+v %+v", d.Document, d.Department)
	}
	if w := d.Warnings[0]; !strings.Contains(w.Reason, "does not tell the department;") {
		t.Errorf("first warning %+v", w)
	}
}

// TestNotDisclosure: a text whose identity is incomplete and that is no
// disclosure is refused as before: a news story and a government work
// report that state amounts in 万元 and speak of the budget's words, one
// of them stating the “三公” expenses' amount, and a news story of a 三公
// whose year it does not tell (TestNewsStory: one that does is read).
func TestNotDisclosure(t *testing.T) {
	for name, text := range map[string]string{
		"news": "我市召开财政工作会议\n本报讯（记者 王明）12月5日，市财政局召开全市财政工作会议。\n" +
			"今年以来，全市一般公共预算收入完成35.6亿元，同比增长6.2%；一般公共预算支出完成82.3亿元。\n" +
			"会议指出，要严格控制“三公”经费，全市“三公”经费支出1200万元，继续压减一般性支出。会上还部署了政府采购、国有资产管理等工作。\n",
		"work report": "政府工作报告\n——2024年1月10日在某市第十七届人民代表大会第三次会议上\n各位代表：\n" +
			"过去一年，全市一般公共预算收入增长7.3%，达到28.5亿元。\n我们坚持过紧日子，全市“三公”经费支出1200万元，比上年下降5%，机关运行经费压减3200万元。\n" +
			"完成政府采购规模12.6亿元。严格执行部门预算，项目支出实行全过程绩效管理。\n",
		// a newspaper's story of a department's 三公 that does not tell their year
		"story":              "2014年04月24日 星期四\n财政部“三公”经费较去年约减60万\n财政部公布的数据显示,今年“三公”经费预算数4891.27万元,其中因公出国(境)费2691.26万元,公务用车购置及运行费1760.59万元,公务接待费439.42万元。\n",
		"figures of nothing": "一、部门预算编制说明\n本部门严格控制“三公”经费、机关运行经费，项目支出实行绩效管理，全年地区生产总值增长5%。\n",
	} {
		if d, err := extractText(text, Hints{}); !errors.Is(err, ErrNoTitle) {
			t.Errorf("%s: %v %+v, want no title", name, err, d)
		}
	}
	// the same sentences without the genre's words: a disclosure's page —
	// a press department's too, whose duties name the 记者证 it issues
	text := "全市“三公”经费支出1200万元，比上年下降5%。机关运行经费支出3200万元。政府采购支出12.6万元。\n"
	for _, page := range []string{text, "负责新闻记者证的核发和管理。\n" + text} {
		if d, err := extractText(page, Hints{}); err != nil || d.ThreePublic == nil || d.OperatingCosts == nil || !untold(d, schema.UnknownDepartment, schema.UnknownYear, schema.UnknownKind) {
			t.Errorf("a page of the 三公: %v %+v", err, d)
		}
	}
}

// TestOpeningFragment: a page that opens in the middle of a sentence — an
// amount after its page's number — holds the end of a class's sentence
// ("…19816.81 元，项目支出 0元。"): its 项目支出 is the class's, not the
// disclosure's, which a later sentence states; on one line as on many.
func TestOpeningFragment(t *testing.T) {
	page := "7\n19816.81 元,项目支出 0元。主要用于人员经费保障。\n(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n" +
		"1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%。\n2. 项目支出 469500 元,占一般公共预算支出的 19.62%。\n"
	for _, text := range []string{page, strings.ReplaceAll(page, "\n", " ")} {
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if e := d.Expenditure; e == nil || e.Project == nil || e.Project.Amount != schema.Yuan(469500) {
			t.Errorf("project expenditure %+v, want 469500", e)
		}
	}
}

// TestNoNameOfAnother: what names another than the disclosure's department
// is no name for it — a unit's budget whose unit is not named, only its
// 主管部门, and a cover naming a region's series of department budgets
// (区级部门预算) with no department below: the department is unknown.
func TestNoNameOfAnother(t *testing.T) {
	body := "一、收支总体情况\n本单位2023年收入预算总额100.00万元，支出预算总额100.00万元，其中：基本支出80.00万元，项目支出20.00万元。\n二、“三公”经费预算情况\n“三公”经费预算2.00万元，其中公务接待费2.00万元。机关运行经费预算10.00万元。\n"
	for name, text := range map[string]string{
		"a unit's 主管部门":     "2023年单位预算公开\n主管部门：某区卫生健康委员会\n" + body,
		"a region's series": "上海市某区2023年区级部门预算\n" + body,
	} {
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !untold(d, schema.UnknownDepartment) || d.Document.FiscalYear != 2023 || d.Document.Kind != schema.KindBudget {
			t.Errorf("%s: %q %+v", name, d.Department.Name, d.Document)
		}
	}
	// the 主管部门 of a department's own disclosure is its name
	d, err := extractText("2023年部门预算公开\n主管部门：某区卫生健康委员会\n"+body, Hints{})
	if err != nil || d.Department.Name != "某区卫生健康委员会" {
		t.Errorf("a department's 主管部门: %v %+v", err, d)
	}
}

// TestHeadingKind: a page whose title is missing tells its kind where its
// numbered headings name what they explain — all the same kind, none of a
// year or of the year before, a fund's 预算 and a comparison with the
// budget naming none.
func TestHeadingKind(t *testing.T) {
	for want, lines := range map[string][]string{
		schema.KindFinalAccounts: {"四、财政拨款收入支出决算总体情况说明", "五、一般公共预算财政拨款支出决算情况说明", "(一)一般公共预算财政拨款支出决算总体情况"},
		schema.KindBudget:        {"(二)政府采购预算安排情况说明。", "六、一般公共预算基本支出情况说明"},
		"":                       {"二、“三公”经费财政拨款支出与年初预算对比情况。", "六、一般公共预算基本支出情况说明", "二、2021年“三公”经费决算情况", "(三)上年“三公”经费决算情况", "本单位决算情况说明"},
	} {
		if got := headingKind(compactAll(lines), 0); got != want {
			t.Errorf("%v: %q, want %q", lines, got, want)
		}
	}
	if got := headingKind(compactAll([]string{"一、2022年“三公”经费预算安排情况", "二、“三公”经费预算情况", "三、机关运行经费决算情况"}), 0); got != "" {
		t.Errorf("headings of two kinds: %q", got)
	}
	// a heading of the revenue or the spending alone, its sentence after a colon
	if got := headingKind(compactAll([]string{"二、单位收支总体情况", "(一)收入预算:2024年年初预算数2737.12万元,其中:一般公共预算拨款580.78万元"}), 2024); got != schema.KindBudget {
		t.Errorf("收入预算's heading: %q", got)
	}
	if got := headingKind(compactAll([]string{"(一)收入预算:2024年年初预算数2737.12万元", "(二)支出决算"}), 2024); got != "" {
		t.Errorf("收入预算 and 支出决算: %q", got)
	}
}

// TestUnitOverviewPage: a unit's page that opens with its overview, no
// title, is a disclosure by the words of its totals and funds (收入总计,
// 年初预算数, 一般公共预算拨款): its year from them, its department unknown.
func TestUnitOverviewPage(t *testing.T) {
	text := "一、单位基本情况\n(一)职能职责\n1.承担公共卫生服务。\n二、单位收支总体情况\n" +
		"(一)收入预算:2024年年初预算数2737.12万元,其中:一般公共预算拨款580.78万元,政府性基金预算拨款0万元,财政专户管理资金收入0万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil || d.Document.FiscalYear != 2024 || d.Document.Kind != schema.KindBudget || d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(27371200) {
		t.Fatalf("%v %+v", err, d)
	}
}

// TestOwnYear: a page whose title is missing tells its year where its
// sentences call a year their own (2020年本年…), each the same; a page whose
// headings tell its kind as well, and its sentences the department, is
// complete, without a title.
func TestOwnYear(t *testing.T) {
	for want, lines := range map[int][]string{
		2020: {"2020年本年收入合计3765.66万元，其中：财政拨款收入1008.64万元。", "2020 年度本年支出合计4021.94万元。", "与2019年相比增加540.23万元。"},
		0:    {"2020年本年收入合计3765.66万元。", "2021年本年支出合计4021.94万元。"},
	} {
		if got := ownYear(compactAll(lines)); got != want {
			t.Errorf("%v: %d, want %d", lines, got, want)
		}
	}
	text := "四、财政拨款收入支出决算总体情况说明\n某县妇幼保健院2020年本年收入合计3765.66万元，其中：财政拨款收入1008.64万元。\n" +
		"某县妇幼保健院2020年本年支出合计4021.94万元，其中：基本支出2719.24万元，项目支出1302.70万元。\n五、“三公”经费决算情况说明\n“三公”经费支出2.05万元，机关运行经费支出35.6万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某县妇幼保健院" || d.Document.FiscalYear != 2020 || d.Document.Kind != schema.KindFinalAccounts || len(d.Document.Unknown) != 0 || d.Document.Title != "" {
		t.Errorf("identity %q %+v", d.Department.Name, d.Document)
	}
	if e := d.Expenditure; e == nil || e.Basic == nil || e.Basic.Amount != schema.Yuan(27192400) {
		t.Errorf("basic expenditure %+v", e)
	}
}

// TestStatedYear: a page whose title is missing tells its year where its
// statements of figures are of one year, or where one year alone is
// compared with the year before and every other year stated is one it is
// compared with; a page of two years' statements neither compared, of two
// years each compared with the year before, or naming a later year tells
// none.
func TestStatedYear(t *testing.T) {
	for _, c := range []struct {
		want  int
		lines []string
	}{
		{2020, []string{"2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降0.46%。"}},
		{2023, []string{"2023 年政府采购预算 17000 元,同比增加 17000 元。", "截至 2022 年 12 月 31 日,资产原值合计 2110003.55 元。"}},
		{2022, []string{"一、2022年“三公”经费预算安排情况", "2022年度“三公”经费预算总计21.8万元。", "二、2021年“三公”经费决算情况", "2021年度“三公”经费合计支出20.12万元。", "2022年度“三公”经费预算较2021年度增加1.68万元。"}},
		{2017, []string{"2017年区级“三公”经费支出1360.13万元,比上年减少支出613.80万元。", "与2016年相比,因公出国(境)经费支出减少28.23万元。", "2017年,我区严格执行规定。"}},
		// the year a clause of its own before its statement
		{2019, []string{"2019年,市本级一般公共预算支出安排的“三公”经费预算为3328万元。同口径比2018年减少830万元。"}},
		// compared in the next sentence, which only compares; the year
		// before's outturn stated beside it
		{2013, []string{"2013年中央本级“三公经费”财政拨款预算79.69亿元中,因公出国(境)费21.36亿元。与2012年预算执行数相比,分别减少0.29亿元。中央本级2012年“三公经费”财政拨款预算执行数为80.95亿元。"}},
		// the year before's outturn first, the year's budget compared with it
		// by a clause opening its sentence
		{2014, []string{"2013年“三公”经费财政拨款执行数为71.54亿元。与2013年年初预算相比,2013年“三公”经费财政拨款执行数减少8.15亿元。",
			"2014年中央本级“三公”经费财政拨款预算71.51亿元。其中,因公出国(境)费19.76亿元。与2013年执行数相比,2014年中央本级“三公”经费财政拨款预算减少0.03亿元。"}},
		// two years' statements, neither compared: which is the page's?
		{0, []string{"一、2022年“三公”经费预算安排情况", "2022年度“三公”经费预算总计21.8万元。", "二、2021年“三公”经费决算情况", "2021年度“三公”经费合计支出20.12万元。"}},
		// each compared with the year before
		{0, []string{"2022年“三公”经费预算21.8万元,比上年增加1万元。", "2021年“三公”经费决算20.12万元,比上年减少2万元。"}},
		// a later year named
		{0, []string{"2021年“三公”经费支出20.12万元,比上年减少2万元。", "2022年将继续压减。"}},
		// the year stated another's, not compared with it
		{0, []string{"2022年“三公”经费预算21.8万元,比上年增加1万元。", "2020年“三公”经费决算19万元。"}},
		{0, []string{"“三公”经费支出431万元,比上年减少2万元。"}},
	} {
		if got := statedYear(strings.Join(compactAll(c.lines), "")); got != c.want {
			t.Errorf("%v: %d, want %d", c.lines, got, c.want)
		}
	}
}

// TestStatedKind: a page of its year's 决算 says so in a sentence stating
// that year's figure; a budget's statement alone, another year's 决算 and a
// comparison with one say nothing; its year's 预算 compared with the year
// before's, in a text stating no outturn, is a budget.
func TestStatedKind(t *testing.T) {
	for _, c := range []struct {
		want  string
		year  int
		lines []string
	}{
		{schema.KindFinalAccounts, 2019, []string{"2019年度“三公”经费财政拨款支出预算为44.52万元,2019年实际支出“三公经费”决算为22.62万元。"}},
		{"", 2019, []string{"2019年度“三公”经费财政拨款支出预算为44.52万元。"}},
		{"", 2022, []string{"2022年度“三公”经费预算21.8万元。", "2021年度“三公”经费决算支出20.12万元。"}},
		{"", 2022, []string{"2022年“三公”经费预算比2021年决算数增加5万元。"}},
		{"", 0, []string{"2019年实际支出“三公经费”决算为22.62万元。"}},
		// its year's 预算 compared with the year before's, no outturn stated
		{schema.KindBudget, 2024, []string{"经汇总,2024年一般公共预算“三公”经费支出预算为14.01万元,其中:公务接待费0万元。与2023年预算相比增长16.75%。"}},
		{schema.KindBudget, 2026, []string{"2026年市级单位“三公”经费预算为16224.30万元,比2025年上升867.60万元。"}},
		{schema.KindBudget, 2023, []string{"2023年“三公”经费预算安排520万元,与上年持平。"}},
		// … its total called 预算总额为, the rules' 预决算 (预决算公开操作规程) no outturn
		{schema.KindBudget, 2025, []string{"根据《某省预决算公开操作规程》的有关规定,2025年全市单位使用财政拨款安排“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元。"}},
		// … or set against the year before's 预算, its own named only by the fund it is paid from
		{schema.KindBudget, 2014, []string{"2014年我区公共财政预算资金安排“三公”经费合计10431.45万元,比2013年预算下降19.74%。"}},
		{"", 2014, []string{"2014年我区公共财政预算资金安排“三公”经费合计10431.45万元,比2013年下降19.74%。"}},
		{"", 2014, []string{"2014年我区公共财政预算资金安排“三公”经费合计10431.45万元,比2013年预算下降19.74%。全年实际支出9000万元。"}},
		// … not where the text states an outturn, nor 预算 of a fund or an appropriation
		{"", 2019, []string{"2019年“三公”经费预算为44.52万元,比上年减少2万元。全年实际支出30万元。"}},
		{"", 2017, []string{"2017年财政预算拨款“三公”经费支出合计35万元,比上年减少2.28万元。"}},
		{"", 2024, []string{"2024年一般公共预算“三公”经费支出14.01万元,比上年增长16.75%。"}},
		// … the year before's outturn (执行数) stated: no outturn of its own
		{schema.KindBudget, 2013, []string{"2013年中央本级“三公经费”财政拨款预算79.69亿元中,因公出国(境)费21.36亿元。与2012年预算执行数相比,分别减少0.29亿元。中央本级2012年“三公经费”财政拨款预算执行数为80.95亿元。"}},
		{"", 2013, []string{"2013年“三公经费”预算79.69亿元,与2012年相比减少1亿元。全年执行数为70亿元。"}},
		// compared after its parts' sentence, not further on
		{schema.KindBudget, 2019, []string{"2019年,市本级“三公”经费预算为3328万元。其中,因公出国(境)费50万元。同口径比2018年减少830万元。"}},
		{"", 2024, []string{"2024年“三公”经费预算为14.01万元。我镇严格控制支出。与2023年相比增长16.75%。"}},
		// a clause naming the year's 三公 决算 the page shows, no amount in it
		{schema.KindFinalAccounts, 2016, []string{"近期,某省财政厅晒出2016年省级“三公”经费决算支出账单。2016年省级“三公”经费支出2.29亿元,比上年减少支出0.88亿元。"}},
		{"", 2017, []string{"近期,某省财政厅晒出2016年省级“三公”经费决算支出账单。"}},
		// a 预算 compared with the year before's 决算数 is a budget's
		{schema.KindBudget, 2023, []string{"2023年支出预算116.12万元,较2022年度决算数增加19.68万元。"}},
	} {
		if got := statedKind(strings.Join(compactAll(c.lines), ""), c.year); got != c.want {
			t.Errorf("%v (%d): %q, want %q", c.lines, c.year, got, c.want)
		}
	}
	// a heading naming the text's own year tells its kind, another year's not
	lines := compactAll([]string{"一、2022年“三公”经费预算安排情况", "二、2021年“三公”经费决算情况"})
	if got := headingKind(lines, 2022); got != schema.KindBudget {
		t.Errorf("headings of 2022: %q, want budget", got)
	}
	if got := headingKind(lines, 0); got != "" {
		t.Errorf("headings of an unknown year: %q, want none", got)
	}
}

// TestYearStatedPage: a 三公 page whose every sentence opens with a year is
// read with the year its figures are stated for, the year before's
// statements left out, and says where the year came from; a page that
// cannot tell its year from the year before's is refused as before.
func TestYearStatedPage(t *testing.T) {
	page := "一、2022年“三公”经费预算安排情况\n2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0万元,公务接待11.8万元,公务用车运行费用10万元。\n" +
		"二、2021年“三公”经费决算情况\n2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用7.73万元。\n"
	d, err := extractText(page+"2022年度“三公”经费预算较2021年度增加1.68万元。\n", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2022 || d.Document.Kind != schema.KindBudget || !untold(d, schema.UnknownDepartment) {
		t.Errorf("identity %+v", d.Document)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(218000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(118000) {
		t.Errorf("三公 %+v", tp)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "the year (2022)") }) {
		t.Errorf("no warning on the year: %+v", d.Warnings)
	}
	if _, err := extractText(page, Hints{}); !errors.Is(err, ErrNoTitle) {
		t.Errorf("two years, neither compared: %v, want refused", err)
	}
}

// comparesWithPriorYear: 同比 or 与, 比, 较 and a word of the year before;
// a comparison with a named year or none is not one.
func TestComparesWithPriorYear(t *testing.T) {
	for s, want := range map[string]bool{"支出50万元,同比增加5万元": true, "较上年度增加5万元": true, "与去年相比减少": true, "比上年减少2万元": true,
		"较2021年度增加1.68万元": false, "支出50万元": false, "比较": false} {
		if got := comparesWithPriorYear(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestPresentedIdentity: a text with no title that presents itself
// (现将我单位2015年度部门决算说明如下) tells its year and kind; the subject of
// its duties' first sentence names the department. A sentence presenting
// another's report names neither.
func TestPresentedIdentity(t *testing.T) {
	text := "按照《中华人民共和国预算法》以及《某区财政局关于2015年度部门决算批复的通知》,现将我单位2015年度部门决算说明如下:\n" +
		"一、部门主要职责\n厦门市某某区教育局是主管某某区教育事业和语言文字工作的政府部门,主要职责是贯彻执行党和国家教育各项方针。\n" +
		"二、收入支出决算总体情况\n2015年度收入总计1000万元,支出总计1000万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil || d.Department.Name != "厦门市某某区教育局" || d.Document.FiscalYear != 2015 || d.Document.Kind != schema.KindFinalAccounts {
		t.Fatalf("%v %+v", err, d)
	}
	if id := presentedIdentity(compactAll([]string{"现将某局2015年度部门决算转发给你们"})); id.year != 0 {
		t.Errorf("another's report: %+v", id)
	}
}

// TestPriorOutturnCompared: what the year spent set against the year
// before's 决算, no 预算 named in its sentence, is a 决算's comparison; a
// 预算 so compared, or an earlier year's 决算, is none.
func TestPriorOutturnCompared(t *testing.T) {
	for _, c := range []struct {
		want bool
		year int
		line string
	}{
		{true, 2023, "(二)本单位2023年度总支出125.08万元,其中本年支出116.12万元,较2022年度决算数增加19.68万元。"},
		{true, 2023, "本年支出116.12万元,比2022年决算数增加19.68万元。"},
		{false, 2023, "2023年支出预算116.12万元,较2022年度决算数增加19.68万元。"},
		{false, 2024, "本年支出116.12万元,较2022年度决算数增加19.68万元。"},
		{false, 2023, "本年支出116.12万元,较2022年度预算数增加19.68万元。"},
	} {
		if got := priorOutturnCompared(strings.Join(compactAll([]string{c.line}), ""), c.year); got != c.want {
			t.Errorf("%q (%d): %v, want %v", c.line, c.year, got, c.want)
		}
	}
}

// TestRevenuePartsPage: a page of a unit's 决算 that opens among its
// revenue's parts, no title — 使用非财政拨款结余 and 上年结转和结余 are rows
// of a 决算's summary table, words of a disclosure — is read: its year
// from the sentences, its kind from the comparison with the year before's
// 决算数; on one line as on many.
func TestRevenuePartsPage(t *testing.T) {
	page := "6.其他收入 0.00 万元,为预算单位在“财政拨款收入”“事业收入”“经营收入”之外取得的收入。较 2022 年度决算数增加\n" +
		"0.00 万元。\n7.使用非财政拨款结余(含专用结余)0.00 万元。较 2022 年度决算数增加 0.00 万元。\n" +
		"8.上年结转和结余 8.02 万元,较 2022 年度决算数增加 0.78 万元。\n" +
		"(二)本单位 2023 年度总支出 125.08 万元,其中本年支出 116.12 万元,较 2022 年度决算数增加 19.68 万元。\n"
	for _, text := range []string{page, strings.ReplaceAll(page, "\n", " ")} {
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Document.FiscalYear != 2023 || d.Document.Kind != schema.KindFinalAccounts || !untold(d, schema.UnknownDepartment) {
			t.Errorf("identity %+v", d.Document)
		}
		if e := d.Expenditure; e == nil || e.Total == nil || *e.Total != schema.Yuan(1250800) || d.Revenue == nil || d.Revenue.CarriedOver == nil || *d.Revenue.CarriedOver != schema.Yuan(80200) {
			t.Errorf("totals %+v %+v", d.Expenditure, d.Revenue)
		}
	}
}

// TestNewsStory: a news story that restates a region's or a department's
// 三公 and tells their year gives them, its subject left unknown (never the
// paper or the bureau the reporter asked), the year and kind its
// statements tell; a region's revenue it tells besides is left out with a
// warning, its section found but not read. A story that tells no year and
// a work report are refused. A reporter's line that reads like a title
// (…2019年“三公经费”预算安排情况) is none: the statements tell the year and
// kind, the budget's parts it goes on to state are not the 决算's, and what
// was saved of them (节约“三公经费”14.18万元) is no total restated.
func TestNewsStory(t *testing.T) {
	story := "某市今年“三公”预算总额1.5亿 比去年下降\n来源:某某网\n" +
		"本报讯(记者 李明) 昨日,记者从某市财政局获悉,某市向社会公布了2019年市级“三公”经费预算总额。\n" +
		"2019年某市本级公共预算财政拨款安排的“三公”经费预算总额为1.5亿元,比2018年预算下降8.2%,其中:因公出国(境)费用1200万元;车辆购置及运行维护费9800万元;公务接待费4000万元。\n" +
		"据介绍,2019年全市一般公共预算收入352.6亿元。\n[责任编辑:王芳]\n"
	d, err := extractText(story, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if !untold(d, schema.UnknownDepartment) || d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindBudget {
		t.Errorf("identity %+v %+v", d.Document, d.Department)
	}
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(150000000) || tp.OverseasTravel == nil || tp.OverseasTravel.Amount != schema.Yuan(12000000) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(98000000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(40000000) {
		t.Errorf("三公 %+v", d.ThreePublic)
	}
	if d.Revenue != nil && len(d.Revenue.Sources) > 0 || count(d, "a news story's figure besides its 三公") != 1 {
		t.Errorf("the region's revenue: %+v, warnings %v", d.Revenue, d.Warnings)
	}
	for _, c := range d.Coverage {
		if c.Name == "收入来源" && c.Status != schema.CoverageNotRead {
			t.Errorf("coverage %+v", c)
		}
	}
	reporter := "某区公布2019年“三公”决算\n" +
		"本报讯 近日,某区在政府网站发布了公示,2019年某区财政拨款“三公经费”决算总数169.95万元,其中:因公出国经费决算0万元;公务用车购置及运行经费决算160.86万元;公务接待经费决算9.09万元。\n" +
		"记者查询某区财政局公布的某区2019年“三公经费”预算安排情况\n" +
		"2019年某区“三公经费”支出总额为184.13万元。其中:因公出国(境)费用0万元;公务接待费14万元;公务用车购置及运行维护费170.13万元。\n" +
		"预算和决算相比,记者由此计算得出:某区2019年节约“三公经费”14.18万元。\n"
	d, err = extractText(reporter, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if tp := d.ThreePublic; d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindFinalAccounts || tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(1699500) ||
		tp.Reception != nil && tp.Reception.Amount != schema.Yuan(90900) || tp.Vehicle != nil && tp.Vehicle.Amount != schema.Yuan(1608600) {
		t.Errorf("a reporter's line for a title: %+v %+v", d.Document, d.ThreePublic)
	}
	for _, c := range d.Claims {
		if c.Path == "/three_public" && c.Kind == schema.ClaimAmount {
			t.Errorf("what was saved of the 三公 as their total restated: %+v", c)
		}
	}
	for name, text := range map[string]string{
		"no year": strings.ReplaceAll(story, "2019年", ""),
		"report":  "各位代表:\n" + story,
	} {
		if d, err := extractText(text, Hints{}); err == nil {
			t.Errorf("%s: read %+v %+v", name, d.Document, d.ThreePublic)
		}
	}
}

// TestNewsStoryKind: a story tells the kind where it names the year's 三公
// 决算 it reports on ("2018年市本级“三公”决算汇总表…公布") or the region's
// final accounts whose report it tells (决算(草案), 收支决算); the quoted 三公
// before what is spent ("“三公”支出合计为…") is the 三公's label.
func TestNewsStoryKind(t *testing.T) {
	for name, c := range map[string]struct {
		lead string
		kind string
	}{
		"三公 决算":  {"某时报讯 昨日,记者从市财政局了解到,某市2018年市本级“三公”决算汇总表及情况说明公布。", schema.KindFinalAccounts},
		"决算(草案)": {"某晚报讯 记者报道:今天,市人大常委会听取了市财政局关于2018年全市市本级决算(草案)的报告。", schema.KindFinalAccounts},
		"收支决算":   {"记者从省财政厅了解到,某省2018年全省及省级财政收支决算情况公布。", schema.KindFinalAccounts},
		"预决算":    {"记者从市财政局了解到,某市2018年“三公”预决算公开工作全面推进。", ""},
	} {
		text := c.lead + "\n数据显示,2018年市本级“三公”支出合计为961.12万元,其中因公出国(境)经费支出113.81万元,公务用车购置费支出146.89万元,公务用车运行维护费支出476.48万元,公务接待费支出223.94万元。\n"
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d.Document.FiscalYear != 2018 || d.Document.Kind != c.kind {
			t.Errorf("%s: year %d kind %q, want %q", name, d.Document.FiscalYear, d.Document.Kind, c.kind)
		}
		if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(9611200) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(4764800) {
			t.Errorf("%s: 三公 %+v", name, tp)
		}
	}
}

// TestNewsStoryBudget: a story of a department's published 三公 that
// states them as 预算 and never as an outturn tells a budget; one that
// also speaks of an outturn (决算, 实际支出) tells no kind.
func TestNewsStoryBudget(t *testing.T) {
	lead := "日前,教育局在官网公布了2013年三公经费。据悉,通过2013年公共财政预算拨款安排的“三公”经费预算支出共491万元。其中,因公出国(境)费预算135万元;公务用车购置及运行维护费预算247万元;公务接待费预算109万元。(记者 某某)"
	for tail, want := range map[string]string{"": schema.KindBudget, "2012年实际支出502万元。": "", "2012年决算502万元。": ""} {
		d, err := extractText(lead+tail+"\n", Hints{})
		if err != nil {
			t.Errorf("%q: %v", tail, err)
			continue
		}
		if d.Document.FiscalYear != 2013 || d.Document.Kind != want || d.Department.Name != "教育局" {
			t.Errorf("%q: %d %q %q, want 2013 %q 教育局", tail, d.Document.FiscalYear, d.Document.Kind, d.Department.Name, want)
		}
		if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(4910000) {
			t.Errorf("%q: 三公 %+v", tail, tp)
		}
	}
}

// TestNewsSubject: a story names its subject where it says the
// department published its own disclosure on its website; a finance
// bureau's or a level's 三公 is a region's, two publishers are none, and
// a text that is no story names none so.
func TestNewsSubject(t *testing.T) {
	for text, want := range map[string]string{
		"本报讯 国务院国资委在其网站公布了2014年部门预算,显示…":           "国务院国资委",
		"据悉,日前,教育局在官网公布了2013年三公经费。":                "教育局",
		"记者获悉,某区民政局在其门户网站上公布了2016年部门决算。":           "某区民政局",
		"据悉,某市财政局在其网站公布了2014年“三公”经费。":              "",
		"据悉,某市在其网站公布了2014年市级“三公”经费。":               "",
		"据悉,某局在其网站公布了2014年部门预算。某委在官网公布了2014年部门预算。": "",
		"某局在官网公布2014年部门预算。":                        "",
		"据悉,某局在其网站发布了2014年部门预算。":                   "",
		// the 三公 named by their parts, the day after the name
		"据新华网报道,某署11日在其网站公布:2010年因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元": "某署",
		// the site's news of its own publication
		"中新网4月19日电 据某联合会网站消息,某联合会18日公布,2013年“三公经费”财政拨款预算为850.55万元": "某联合会",
		"中新网4月19日电 据某联合会网站消息,某委18日公布,2013年“三公经费”财政拨款预算为850.55万元":   "",
		"中新网4月19日电 据某联合会网站消息,某联合会18日公布,2013年全市一般公共预算收入850.55万元":    "",
		// a word of when after the name (日前, 近日), the dateline run into it
		"据悉,某局近日在官网公布了2014年部门预算。":                    "某局",
		"中新网7月20日电某局日前在其网站上公布了2010年“三公经费”财政拨款支出情况。":  "某局",
		"中新网7月20日电 某局日前在其网站上公布了2010年“三公经费”财政拨款支出情况。": "某局",
	} {
		if got, _ := newsSubject([]string{text}, newsLike(text)); got != want {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
	story := "记者报道 日前,某区教育局在官网公布了2019年三公经费。2019年“三公”经费预算支出共491万元,其中,因公出国(境)费预算135万元,公务用车购置及运行维护费预算247万元,公务接待费预算109万元。\n"
	d, err := extractText(story, Hints{})
	if err != nil || d.Department.Name != "某区教育局" || d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(4910000) {
		t.Errorf("%v %+v %+v", err, d.Department, d.ThreePublic)
	}
	// the kind of what it published; its region's revenue left out
	story = "本报讯 日前,某区教育局在其网站公布了2016年部门决算。2016年“三公”经费支出49.1万元,其中,因公出国(境)费13.5万元,公务用车购置及运行维护费24.7万元,公务接待费10.9万元。据介绍,2016年全区一般公共预算收入35.2亿元。\n"
	d, err = extractText(story, Hints{})
	if err != nil || d.Department.Name != "某区教育局" || d.Document.Kind != schema.KindFinalAccounts || len(d.Document.Unknown) > 0 ||
		d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(491000) || d.Revenue != nil && len(d.Revenue.Sources) > 0 {
		t.Errorf("%v %+v %+v %+v %+v", err, d.Document, d.Department, d.ThreePublic, d.Revenue)
	}
}

// TestNewsStoryNextBudget: a story of a department's publishing the year's
// 三公 outturn beside the next year's budget is the next year's budget, read
// from that year's sentences; a headline's figure cut at 万 gives way to the
// exact one the story states (850万 of 850.55万元).
func TestNewsStoryNextBudget(t *testing.T) {
	story := "据新华网7月11日报道,某署11日在其网站公布:2010年因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元、决算数2488.79万元,2011年预算数2687.06万元。\n" +
		"2010年某署「三公经费」财政拨款预算中,因公出国(境)费617万元,公务用车购置及运行费1229.65万元,公务接待费865万元。\n" +
		"2011年某署「三公经费」财政拨款预算中,因公出国(境)费617万元(零增长),公务用车购置及运行费1205.06万元(较2010年压缩2%),公务接待费865万元(零增长)。\n"
	d, err := extractText(story, Hints{})
	if err != nil || d.Document.FiscalYear != 2011 || d.Document.Kind != schema.KindBudget || d.Department.Name != "某署" {
		t.Fatalf("%v %+v %+v", err, d.Document, d.Department)
	}
	if tp := d.ThreePublic; tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(12050600) {
		t.Errorf("the next year's cars: %+v", tp)
	}
	headline := "某会今年三公经费预算850万 因公出国减逾百万\n中新网4月19日电 据某会网站消息,某会18日公布,2013年“三公经费”财政拨款预算为850.55万元,比2012年预算数减少138.52万元。其中:因公出国(境)费472.81万元,公务用车购置及运行费250.98万元,公务接待费126.76万元。\n"
	d, err = extractText(headline, Hints{})
	if err != nil || d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(8505500) || d.ThreePublic.Reception == nil {
		t.Fatalf("%v %+v", err, d.ThreePublic)
	}
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			t.Errorf("the headline's 850万 is 850.55万元 cut: %+v", c)
		}
	}
	// a figure that is not the exact one cut stays a claim of its own
	d, err = extractText(strings.Replace(headline, "预算850万", "预算852万", 1), Hints{})
	if err != nil || d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(8520000) {
		t.Errorf("%v %+v", err, d.ThreePublic)
	}
}

// TestNewsStorySpendingAndNextBudget: a story that a bureau published the
// year's 三公 spending (支出情况, no 决算) beside the next year's budget, whose
// text is cut before that budget's figures, is the next year's budget: the
// year's spending its prior year's total (支出数为…), its parts, stated in
// the same sentence, no part of the budget (the model holds a part's prior
// year only beside its amount); its heading of the year's spending is no
// heading of another year, and the whole system's head count is no figure
// of its (a news story's figure besides its 三公).
func TestNewsStorySpendingAndNextBudget(t *testing.T) {
	story := "某局公布全国某部门“三公经费”情况\n发布时间:2011年07月20日 16:49 | 来源:某新闻网\n" +
		"中新网7月20日电 某局日前在其网站上公布了全国某部门2010年“三公经费”财政拨款支出情况和2011年“三公经费”财政拨款预算安排情况。其中,2010年三公经费支出数为22738.55万元,因公出国(境)费1838.28万元,公务用车购置及运行费16940.73万元,公务接待费3959.54万元。\n" +
		"一、某部门基本情况\n全国某部门共有职工99496人,其中在职职工 68191人,离退休职工31305人。\n" +
		"二、2010年“三公经费”财政拨款支出情况\n2010年全国某部门“三公经费”财政拨款支出数为22738.55万元,某局机关支出占12.26%。\n"
	for _, text := range []string{story, strings.ReplaceAll(story, "\n", " ")} {
		d, err := extractText(text, Hints{})
		if err != nil || d.Document.FiscalYear != 2011 || d.Document.Kind != schema.KindBudget {
			t.Fatalf("%v %+v", err, d)
		}
		if tp := d.ThreePublic; tp == nil || tp.PriorYear == nil || *tp.PriorYear != schema.Yuan(227385500) || tp.Total != nil || tp.OverseasTravel != nil || tp.Vehicle != nil || tp.Reception != nil {
			t.Errorf("the year before's spending: %+v", tp)
		}
		if d.Department.Staff != nil || count(d, schema.WarnHeadingYear) != 0 {
			t.Errorf("staff %+v, warnings %v", d.Department.Staff, d.Warnings)
		}
	}
}

// TestNewsStoryMixed: a story that tells the year of what was published
// (公开了…2015年部门预算) and states the year's 三公 as 今年's gives them; its
// parts, where stated whole and not adding up to its total (another
// year's, told beside), are left out with a warning, the total kept.
func TestNewsStoryMixed(t *testing.T) {
	story := "本报讯(记者 李明)日前,省政府网站公开了80个省级部门2015年部门预算。\n" +
		"经省财政厅汇总,今年省本级部门“三公”经费预算总额为5.55亿元,较2014年的5.98亿元减少0.43亿元。其中,公务接待费0.98亿元。\n"
	d, err := extractText(story, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2015 || d.Document.Kind != schema.KindBudget || d.ThreePublic == nil || d.ThreePublic.Total == nil || *d.ThreePublic.Total != schema.Yuan(555000000) ||
		d.ThreePublic.Reception == nil || d.ThreePublic.Reception.Amount != schema.Yuan(98000000) {
		t.Errorf("%+v %+v", d.Document, d.ThreePublic)
	}
	story = "本报讯 某委在其网站公布了2014年部门预算,显示今年“三公”经费预算数为2841.78万元,比去年预算数减少52万元。\n" +
		"某委2013年“三公”经费的预算数和预算执行数一致。具体来看,预算总数为2893.78万元,其中因公出国(境)费1391.37万元;公务用车购置及运行费1238.93万元;公务接待费263.48万元。\n"
	d, err = extractText(story, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if tp := d.ThreePublic; d.Document.FiscalYear != 2014 || tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(28417800) || tp.Reception != nil || tp.OverseasTravel != nil || tp.Vehicle != nil ||
		count(d, "parts that do not add up to its total") != 3 {
		t.Errorf("%+v %+v %v", d.Document, tp, d.Warnings)
	}
	if tp := d.ThreePublic; tp != nil && tp.Total != nil && *tp.Total == schema.Yuan(28417800) && len(d.Claims) > 0 {
		for _, c := range d.Claims {
			if strings.HasPrefix(c.Path, "/three_public/") {
				t.Errorf("a claim of a part left out: %+v", c)
			}
		}
	}
}

// TestEarlyBudgetNoTitle: a 2011 budget page with no title — the department
// the subject of the duties it opens with (某市人民政府办公厅主要职能是:), the
// year its figures' (printed with thousands commas: "总收入6,198万元"), the
// kind its headings' (预算收入情况, 预算支出情况), its only source the
// budget's funds of that time (财政预算内拨款(补助)收入).
func TestEarlyBudgetNoTitle(t *testing.T) {
	text := "时间:2011-04-19 来自:某市政府在线\n某某市人民政府办公厅主要职能是:协助市政府领导同志处理市政府日常工作。\n市政府办公厅部门预算系统共设1办10处,下属单位1家。\n二、预算收支\n(一)预算收入情况\n" +
		"2011年总收入6,198万元,其中:财政预算内拨款(补助)收入6,198万元。\n(二)预算支出情况\n2011年总支出6,198万元,基本支出4,453万元;项目1,745万元。\n附:1.收支预算总表\n2.财政预算内拨款支出预算表\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某某市人民政府办公厅" || d.Document.FiscalYear != 2011 || d.Document.Kind != schema.KindBudget {
		t.Errorf("identity %+v %+v", d.Department, d.Document)
	}
	if d.Revenue == nil || len(d.Revenue.Sources) != 1 || d.Revenue.Sources[0].Name != "财政拨款" || d.Revenue.Sources[0].Amount != schema.Yuan(61980000) {
		t.Errorf("sources %+v", d.Revenue)
	}
	// the words before the duties are no department's
	if n, _ := dutiesName([]string{"本单位主要职能是:协助市政府处理日常工作。"}); n != "" {
		t.Errorf("本单位: %q", n)
	}
	// … nor a page's chrome run into the name (a body on one line)
	if n, _ := dutiesName([]string{"时间:2011-04-19来自:政府在线作者:wkun-小+大某某市人民政府办公厅主要职能是:协助"}); n != "" {
		t.Errorf("chrome: %q", n)
	}
}

// A page of no title that presents itself by its department's name
// between the year and the kind (现将2021年度某学院政府采购决算公开如下, a
// 决算's procurement alone) tells its department, year and kind; words
// between that end like no department's name none.
func TestPresentedByName(t *testing.T) {
	text := "某某职业学院\n政府采购决算公开情况说明\n根据某省财政厅《关于进一步加强政府采购信息公开有关工作的通知》要求,现将2021年度某某职业学院政府采购决算公开如下:\n" +
		"2021年度政府采购支出总额28861.94万元,其中:政府采购货物支出4895.57万元、政府采购工程支出23143.89万元、政府采购服务支出822.48万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil || d.Department.Name != "某某职业学院" || d.Document.FiscalYear != 2021 || d.Document.Kind != schema.KindFinalAccounts {
		t.Fatalf("%v %+v", err, d)
	}
	if d.Procurement == nil || d.Procurement.Amount != schema.Yuan(288619400) {
		t.Errorf("procurement %+v", d.Procurement)
	}
	if id := presentedName("有关情况决算公开如下"); id.kind != "" {
		t.Errorf("no name: %+v", id)
	}
}

// TestNewsPartsUnderTotal: a news story's 三公 parts listed after 其中
// right under the statement of its total (in the sentence after it) are
// the total's: where one is misprinted they are kept, for sum.three_public
// to name, not left out as another year's parts.
func TestNewsPartsUnderTotal(t *testing.T) {
	story := "本报讯(记者 李明)日前,省政府网站公开了80个省级部门2015年部门预算。\n" +
		"经省财政厅汇总,今年省本级部门“三公”经费预算总额为5.55亿元,较2014年的5.98亿元减少0.43亿元,下降7%。\n" +
		"其中,公务接待费0.93亿元,减少0.43亿元;因公出国(境)经费与公务用车购置及运行维护费分别为0.34亿元和4.23亿元,均与去年持平。\n"
	d, err := extractText(story, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if tp := d.ThreePublic; tp == nil || tp.Reception == nil || tp.OverseasTravel == nil || tp.Vehicle == nil || count(d, "parts that do not add up to its total") != 0 {
		t.Fatalf("the parts under the total left out: %+v %+v", tp, d.Warnings)
	}
	if d.ThreePublic.Reception.Amount != schema.Yuan(93000000) {
		t.Errorf("reception %v", d.ThreePublic.Reception.Amount)
	}
	// a sentence of the parts alone, after the total's; not where it names
	// another year
	story = "本报讯(记者 李明)日前,省政府网站公开了2013年省级部门决算。\n" +
		"经省财政厅汇总,我省本级2013年“三公”经费决算数为4.57亿元,比2013年预算数少0.35亿元。\n" +
		"从“三公”经费具体构成看,因公出国(境)费0.43亿元,公务用车购置及运行维护费2.74亿元,公务接待费1.3亿元。\n"
	for name, c := range map[string]struct {
		text string
		kept bool
	}{
		"its own sentence":  {story, true},
		"another year's":    {strings.Replace(story, "从“三公”经费具体构成看", "2012年", 1), false},
		"under another sum": {strings.Replace(story, "从“三公”经费具体构成看", "具体来看,预算总数为4.47亿元,其中", 1), false},
	} {
		d, err := extractText(c.text, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if kept := d.ThreePublic != nil && d.ThreePublic.Reception != nil; kept != c.kept {
			t.Errorf("%s: parts kept %v, want %v (%+v)", name, kept, c.kept, d.Warnings)
		}
	}
}

// TestStatedYearSubjectClause: a year whose clause names the subject (a
// region's or a department's organs) and lists what it covers in clauses of
// its own states the first amount of its sentence: the year the text's, and
// a 决算 where that amount is set against its 年初预算. An event's clause
// after a year ("2016年开展公车改革，车辆减少；公务接待费430万元") states nothing.
func TestStatedYearSubjectClause(t *testing.T) {
	s := "经某州财政局汇总,2022年某州州本级部门,包括州级行政单位、事业单位和其他单位使用财政拨款安排“三公”经费支出总额为8,237.23万元,比年初预算增加1317.14万元。2022年,州本级“三公”经费支出中公务接待费低于预算数。"
	if y := statedYear(s); y != 2022 {
		t.Errorf("statedYear: %d, want 2022", y)
	}
	if k := statedKind(s, 2022); k != schema.KindFinalAccounts {
		t.Errorf("statedKind: %q, want final accounts", k)
	}
	s = "2017年某区一般公共预算财政拨款开支“三公”经费5834万元,较2015年下降2.3%。其中:公车运行及维护4612万元,主要是2016年开展公车改革,车辆减少;公务接待费430万元,与上年持平。"
	if y := statedYear(s); y != 2017 {
		t.Errorf("statedYear of an event's clause: %d, want 2017", y)
	}
}

// TestTableTitleNamesNoDepartment: a contents' entry of a table opening
// with the year ("2023年度一般公共预算财政拨款基本支出决算明细表") is no title:
// the words before its kind are the table's funds and accounts, no
// department's name — the page's department is left untold.
func TestTableTitleNamesNoDepartment(t *testing.T) {
	text := "发布机构: | 区某局 | 发文日期: | 2024-08-30 |\n一、概况........ 2\n二、2023年度部门决算公开表........ 11\n" +
		"2023年度收入支出决算总表........ 11\n2023年度一般公共预算财政拨款基本支出决算明细表........ 26\n" +
		"本部门2023年度机关运行经费支出35.6万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil || d.Department.Name != "" || d.Document.FiscalYear != 2023 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("%v %+v %+v", err, d.Document, d.Department)
	}
}

// TestThreePublicTitleAfterKeywords: a web page's body on one line runs its
// metadata's last label and value into its 三公 title ("…文号: 关键词: 说明
// 某县政府办财政拨款“三公”经费2022年预算情况的说明"): the name is the title's
// word with the value before it, found where the name's characters stand
// with their spaces, not the value run into it (说明某县政府办).
func TestThreePublicTitleAfterKeywords(t *testing.T) {
	text := "索引号: K1234/202204-00004 主题分类: 预算/决算 发文机构: 某县人民政府办公室 发文日期: 2022-04-15 文号: 关键词: 说明 " +
		"某县政府办财政拨款“三公”经费2022年预算情况的说明 2022-04-15 14:08文章来源: 政府办 字体:【 】 打印 " +
		"一、2022某县政府办“三公”经费财政拨款预算总体情况 2022某县政府办“三公”经费财政拨款预算数9万元,较2021年预算下降40%,减少6万元。其中:因公出国(境)经费0万元,公务接待费1万元,公务用车购置及运行维护费8万元。\n"
	d, err := extractText(text, Hints{})
	if err != nil || d.Department.Name != "某县政府办" || d.Document.FiscalYear != 2022 || d.ThreePublic == nil || d.ThreePublic.Total == nil {
		t.Errorf("%v %+v %+v", err, d.Department, d.Document)
	}
}

// TestPresentedBeforeYear: a page with no title that presents itself by
// its department's name before the year ("现将石桥镇2020年度“三公”经费决算情况
// 公布如下") tells its department, year and kind there — not a sentence
// naming the text's own word for it (我局), nor one that only compares.
func TestPresentedBeforeYear(t *testing.T) {
	body := "2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元),公务接待费20万元。\n"
	d, err := extractText("按照市政府、区政府关于推进政府信息公开工作部署和要求,现将石桥镇2020年度“三公”经费决算情况公布如下:\n"+body, Hints{})
	if err != nil || d.Department.Name != "石桥镇" || d.Document.FiscalYear != 2020 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("%v %+v %+v", err, d.Document, d.Department)
	}
	d, err = extractText("按照区政府要求,现将我局2020年度“三公”经费决算情况公布如下:\n"+body, Hints{})
	if err != nil || d.Department.Name != "" {
		t.Errorf("the text's own word: %v %+v", err, d.Department)
	}
}

// TestThreePublicRestatedCompared: the 三公 total stated with its parts,
// then restated to be compared ("经比较2020年度…“三公”经费41万元,较上年减少
// 19万元,下降43.78%,较年初预算数减少4万元,下降2.2%"): the restatement's
// comparisons are the total's, the one with the budget after the year
// before's and its percentage's clause too — so their misprints are found.
func TestThreePublicRestatedCompared(t *testing.T) {
	text := "现将石桥镇2020年度“三公”经费决算情况公布如下:\n2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元,公务接待费20万元。\n" +
		"经比较2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78% ,较年初预算数减少4万元,下降2.2%。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{schema.ClaimChange: -190000, schema.ClaimChangePct: -43.78, schema.ClaimBudgetChange: -40000, schema.ClaimBudgetChangePct: -2.2}
	for _, c := range d.Claims {
		if v, ok := want[c.Kind]; ok && c.Path == "/three_public" && c.Value == v {
			delete(want, c.Kind)
		}
	}
	if len(want) > 0 {
		t.Errorf("not read: %v (claims %+v)", want, d.Claims)
	}
}
