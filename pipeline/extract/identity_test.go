package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// A page without a title whose first line opens with its department and
// the year ("某市水务局2018年用一般公共预算…"), after the numbered heading it
// may open with, names its department there; a name that opens a later line
// once names none.
func TestSubjectNameOpening(t *testing.T) {
	flat := []string{"某市水务局2018年用一般公共预算财政拨款开支的“三公”经费支出合计24.75万元。", "“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元。"}
	if name, line := subjectName(flat, 2018, false); name != "某市水务局" || line != 1 {
		t.Errorf("opening: %q line %d", name, line)
	}
	headed := []string{"一、“三公”经费财政拨款支出决算总体情况说明", "某市水务局2019年度“三公”经费财政拨款支出决算为17.06万元。"}
	if name, line := subjectName(headed, 2019, false); name != "某市水务局" || line != 2 {
		t.Errorf("under its heading: %q line %d", name, line)
	}
	later := []string{"“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元。", "某市水务局2018年用一般公共预算财政拨款开支的“三公”经费支出合计24.75万元。"}
	if name, _ := subjectName(later, 2018, false); name != "" {
		t.Errorf("a later line: %q", name)
	}
}

// A county's CPPCC committee (政协) names itself so: "县政协2023年支出预算
// …", "县政协2023年收支总预算…" — a page of its budget without a title; its
// members (政协委员) are no subject.
func TestSubjectNameCPPCC(t *testing.T) {
	flat := []string{"县政协2023年支出预算800.28万元,其中:基本支出654.08万元,占81.73%;项目支出146.2万元,占18.27%。", "四、财政拨款收支预算情况说明", "县政协2023年收支总预算800.28万元,较2022年收支预算总数增加251.63万元。"}
	if name, line := subjectName(flat, 2023, false); name != "县政协" || line != 1 {
		t.Errorf("%q line %d, want 县政协 line 1", name, line)
	}
	if name, _ := subjectName([]string{"某市人民政府 政府信息公开 市政协2023年度决算说明", "政协委员2023年提案12件。", "政协委员2023年视察3次。"}, 2023, false); name != "" {
		t.Errorf("no subject: %q", name)
	}
}

// A table's note of why it is empty names the department: "说明:某镇人民
// 政府没有使用国有资本经营预算安排支出,故本表无数据"; 本部门 names none, nor
// do two notes naming two.
func TestEmptyTableName(t *testing.T) {
	flat := []string{"2021年度部门决算", "国有资本经营预算财政拨款支出决算表", "说明:某镇人民政府没有使用国有资本经营预算安排支出,故本表无数据。", "注:某镇人民政府无政府性基金预算财政拨款支出,故本表无数据。"}
	if name, line := emptyTableName(flat); name != "某镇人民政府" || line != 3 {
		t.Errorf("%q line %d, want 某镇人民政府 line 3", name, line)
	}
	if name, _ := emptyTableName([]string{"注:本部门2024年无政府性基金预算财政拨款安排的预算,故本表为空表。"}); name != "" {
		t.Errorf("本部门: %q", name)
	}
	if name, _ := emptyTableName([]string{"注:某区财政局2024年无政府性基金预算财政拨款支出,故本表无数据。"}); name != "某区财政局" {
		t.Errorf("before the year: %q", name)
	}
	if name, _ := emptyTableName(append(flat, "说明:某乡人民政府没有政府性基金,故本表无数据。")); name != "" {
		t.Errorf("two names: %q", name)
	}
}

// A 三公 page under a table's title that names no department, whose
// heading names it after 关于 ("关于某区司法局2017年度…决算情况说明") and
// whose first sentence opens with it, names it by the two: 关于 is the
// heading's word, no part of the name.
func TestSubjectNameAfterGuanyu(t *testing.T) {
	flat := []string{"2017年度一般公共预算财政拨款“三公”经费支出决算表", "单位:万元",
		"关于某市某区司法局2017年度一般公共预算财政拨款“三公”经费支出决算情况说明",
		"某市某区司法局2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元。"}
	if name, line := subjectName(flat, 2017, true); name != "某市某区司法局" || line != 3 {
		t.Errorf("after 关于: %q line %d", name, line)
	}
}

// A page without a title whose sentence, later in a line of the body,
// names the department's own office and the year ("…。某乡人民政府(本级)
// 2023年无使用政府性基金预算拨款安排的支出", a template's) names its
// department by it, though it names it once; another later sentence of a
// line, or a name once without its office's bracket, names none.
func TestSubjectNameOwnOffice(t *testing.T) {
	flat := []string{"三、部门预算情况说明", "2023年一般公共预算财政拨款收入1643.29万元。重庆市某区某某乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出。", "四、“三公”经费情况说明"}
	if name, line := subjectName(flat, 2023, false); name != "重庆市某区某某乡人民政府(本级)" || line != 2 {
		t.Errorf("own office: %q line %d", name, line)
	}
	for _, l := range []string{"2023年一般公共预算财政拨款收入1643.29万元。重庆市某区某某乡人民政府2023年无使用政府性基金预算拨款安排的支出。",
		"2023年一般公共预算财政拨款收入1643.29万元。某某乡(本级)2023年无使用政府性基金预算拨款安排的支出。"} {
		if name, _ := subjectName([]string{"三、部门预算情况说明", l}, 2023, false); name != "" {
			t.Errorf("%q: %q", l, name)
		}
	}
}

// A text of no title whose duties' section opens with the department's
// name and the date it was founded names it there, past the contents'
// entry of the section; a year without its month (某医院2018年末…), or a
// sentence under another heading, names none.
func TestFoundedName(t *testing.T) {
	lines := []string{"目录", "第一部分部门概况", "一、部门职责", "二、机构设置", "第二部分2023年度部门决算表", "第一部分部门概况", "一、部门职责",
		"某某市公共资源交易中心2013年9月经市委、市政府批准组建成立,2014年8月正式运行并集中开展业务。"}
	if name, line := foundedName(lines); name != "某某市公共资源交易中心" || line != 8 {
		t.Errorf("founded: %q line %d", name, line)
	}
	// … its heading run into it (a body on one line)
	if name, line := foundedName([]string{"目录", "一、部门职责", "二、机构设置", "一、部门职责某某市公共资源交易中心2013年9月经市委、市政府批准组建成立。"}); name != "某某市公共资源交易中心" || line != 4 {
		t.Errorf("run into its heading: %q line %d", name, line)
	}
	for _, l := range []string{"某某县人民医院2018年末实有在职人员736人。", "某中心2013年9月经批准成立。"} {
		if name, _ := foundedName([]string{"一、部门职责", l}); name != "" {
			t.Errorf("%q: %q", l, name)
		}
	}
	if name, _ := foundedName([]string{"一、收入决算情况说明", "某某市公共资源交易中心2013年9月经市委批准组建成立。"}); name != "" {
		t.Errorf("another heading: %q", name)
	}
}

// TestFundNamesNoDepartment: a fund's or an appropriation's words read
// where a name stands (a region's 三公 page titled by its fund, a contents
// entry of a table taken for the title) name no department, and a page
// whose date badge runs into its title's line keeps the name after the
// digits.
func TestFundNamesNoDepartment(t *testing.T) {
	for in, want := range map[string]string{
		"一般公共预算":              "",
		"一般公共预算财政拨款基本支出":      "",
		"政府性基金预算财政拨款":         "",
		"102某县人民代表大会常务委员会办公室": "某县人民代表大会常务委员会办公室",
		"1.某开发区管委会":           "1.某开发区管委会",
		"某县财政局":               "某县财政局",
		"国有资本经营管理中心":          "国有资本经营管理中心",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
	d, err := extractText("日期:2023-11-17\n2022年一般公共预算“三公”经费决算执行情况说明\n某区2022年的“三公”经费决算数合计为100万元,其中:因公出国(境)费0万元、公务用车购置费40万元、公务用车运行维护费50万元、公务接待费10万元。", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "" || d.Document.FiscalYear != 2022 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("a region's page titled by its fund: %q %d %q, want no name, 2022 final accounts", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
}

// TestCarriedFundNoSource: the funds the year before left ("上年结转一般
// 公共预算拨款收入0万元") are no restatement of the year's appropriation.
func TestCarriedFundNoSource(t *testing.T) {
	d := extractLines(t, "某县某局2023年部门预算\n某县某局2023年收支总预算800.28万元。\n收入包括:本年一般公共预算拨款收入800.28万元、上年结转一般公共预算拨款收入0万元;支出包括:一般公共服务支出800.28万元。")
	if len(d.Revenue.Sources) != 1 || d.Revenue.Sources[0].Amount != schema.Yuan(8002800) {
		t.Errorf("sources %+v, want 一般公共预算 800.28万元", d.Revenue.Sources)
	}
	for _, c := range d.Claims {
		if strings.HasPrefix(c.Path, "/revenue/sources") {
			t.Errorf("a claim on the sources: %+v", c)
		}
	}
}

// TestThreePublicTotalWithOthers: a 三公 total whose own list gives 会议费
// and 培训费 amounts besides the three is the whole of more than the 三公:
// it is left out with a warning, the parts read.
func TestThreePublicTotalWithOthers(t *testing.T) {
	d := extractLines(t, "某区2022年“三公”经费决算情况说明\n某区2022年的“三公”经费决算数合计为100万,其中:因公出国(境)费0万元、公务用车购置费40万元、公务用车运行维护费30万元、公务接待费10万元、会议费15万元、培训费5万元。")
	tp := d.ThreePublic
	if tp == nil || tp.Total != nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(100000) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(300000) {
		t.Fatalf("三公 %+v, want no total, the parts", tp)
	}
	left := false
	for _, w := range d.Warnings {
		left = left || strings.Contains(w.Reason, "left out") && strings.Contains(w.Reason, "会议费")
	}
	if !left {
		t.Errorf("no warning for the total left out: %+v", d.Warnings)
	}
}

// TestThreePublicHeadingAfterChrome: a web page's body on one line whose
// 三公 heading, opening on its year, follows the site's chrome words (a
// space between) tells the page's year and kind; words that name a
// department before the year are kept as its name's.
func TestThreePublicHeadingAfterChrome(t *testing.T) {
	d, err := extractText("今天是 智能问答无障碍浏览长者模式 2022年一般公共预算“三公”经费决算执行情况说明 日期:2023-11-17 某区2022年的“三公”经费决算数合计为100万,其中:因公出国(境)费0万元、公务用车购置费40万元、公务用车运行维护费50万元、公务接待费10万元。2021年的三公经费决算数合计为90万,其中:因公出国(境)费0万元、公务用车购置费30万元、公务用车运行维护费50万元、公务接待费10万元。", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2022 || d.Document.Kind != schema.KindFinalAccounts || d.Department.Name != "" {
		t.Errorf("%q %d %q, want no name, 2022 final accounts", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	for in, want := range map[string]string{
		"今天是 智能问答无障碍浏览长者模式 2022年“三公”经费决算情况说明": "2022年“三公”经费决算情况说明",
		"某县审计局 2022年“三公”经费决算情况说明":             "某县审计局2022年“三公”经费决算情况说明",
		"2022年“三公”经费决算情况说明":                   "2022年“三公”经费决算情况说明",
	} {
		if got := afterChromeWords(compact(in), in); got != want {
			t.Errorf("afterChromeWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// yearWarned tells whether text's extraction records a year other than
// the document's.
func yearWarned(t *testing.T, text string) bool {
	t.Helper()
	return slices.ContainsFunc(extractLines(t, text).Warnings, func(w schema.Warning) bool {
		return strings.HasPrefix(w.Reason, schema.WarnHeadingYear)
	})
}

// TestPresentedYear: the sentence presenting the text as a report of its
// kind of another year than the title's, or naming what that report covers
// (the year before's template left in), is recorded as a heading's year
// would be; one of the document's own year, or of another kind, or a 纳入
// naming no 编制范围, is not.
func TestPresentedYear(t *testing.T) {
	if !yearWarned(t, "某县财政局2022年度部门决算公开说明\n第一部分 部门概括\n根据《某条例》精神。现将某县财政局2021年度部门决算信息公开如下:\n一、部门职责") {
		t.Error("a 2021 决算 presented in a 2022 决算: no warning")
	}
	if yearWarned(t, "某县财政局2022年度部门决算公开说明\n第一部分 部门概括\n根据《某条例》精神。现将某县财政局2022年度部门决算信息公开如下:\n一、部门职责") {
		t.Error("the document's own year: a warning")
	}
	if yearWarned(t, "某县财政局2022年部门预算公开说明\n第一部分 部门概括\n现将某县财政局2021年度部门决算信息公开如下:\n一、部门职责") {
		t.Error("another kind: a warning")
	}
	if !yearWarned(t, "某县财政局2022年度部门决算公开说明\n第一部分 部门概括\n二、机构设置\n纳入某县财政局2021年度部门决算编制范围的二级预算单位包括:某中心。") {
		t.Error("a 2021 决算's coverage in a 2022 决算: no warning")
	}
	for _, l := range []string{"纳入某县财政局2022年度部门决算编制范围的二级预算单位包括:某中心。", "纳入某县财政局2021年度部门决算的单位。", "纳入2021年度部门预算编制范围的单位。"} {
		if yearWarned(t, "某县财政局2022年度部门决算公开说明\n第一部分 部门概括\n二、机构设置\n"+l) {
			t.Errorf("%s: a warning", l)
		}
	}
}

// TestRepeatedTitle: a title repeated above the text's first figure with
// another year (a character lost beside it) is recorded as a heading's year
// would be; the same title of the document's year, one of another kind, or
// a link to the year before's page below the figures is not.
func TestRepeatedTitle(t *testing.T) {
	const title = "某州本级2021年度“三公”经费决算支出情况说明\n发布时间:2022-10-14\n"
	const body = "\n2021年,某州本级“三公”经费支出决算为1134万元,较上年1174万元减少40万元。其中:因公出国(境)费0万元,公务接待费200万元,公务用车购置及运行维护费934万元。\n"
	if !yearWarned(t, title+"某州本级2020年度“三公”经费决支出情况说明"+body) {
		t.Error("the title repeated with 2020: no warning")
	}
	for _, l := range []string{"某州本级2021年度“三公”经费决支出情况说明", "某州本级2020年度“三公”经费预算安排情况说明", "某州本级2020年度部门决算公开"} {
		if yearWarned(t, title+l+body) {
			t.Errorf("%s: a warning", l)
		}
	}
	if yearWarned(t, title+body+"某州本级2020年度“三公”经费决算支出情况说明\n") {
		t.Error("a link below the figures: a warning")
	}
}

// TestPartBudgetRestated: a 决算's 三公 part stated first with its share,
// then in a section of its own after its budget ("1.因公出国(境)费预算为0
// 万元,支出决算为0万元"), takes that budget.
func TestPartBudgetRestated(t *testing.T) {
	d := extractLines(t, "某局2023年度“三公”经费支出决算情况说明\n2023年度“三公”经费支出预算为6.35万元,支出决算为6.35万元,完成预算的100%。\n2023年度“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务接待费支出决算1.89万元,占29.76%;公务用车购置及运行维护费支出决算4.46万元,占70.24%。具体情况如下:\n1. 因公出国(境)费预算为0万元,支出决算为0万元,完成预算的0%;与上年持平。")
	tp := d.ThreePublic
	if tp == nil || tp.OverseasTravel == nil || tp.OverseasTravel.Budgeted == nil || *tp.OverseasTravel.Budgeted != 0 {
		t.Fatalf("三公 %+v: want the overseas travel's budget 0", tp)
	}
}

// TestBudgetInComparison: a 决算's figure compared with the year before and
// then with its budget, each with its rate ("较上年1174万元减少40万元,下降3%,
// 较预算数1237万元减少103万元"), takes the budget the comparison states; the
// year before's comparison after a budget's rate is read too.
func TestBudgetInComparison(t *testing.T) {
	d := extractLines(t, "某州州本级2021年度“三公”经费决算支出情况说明\n2021年,州本级一般公共预算财政拨款“三公”经费支出决算汇总数为1134万元,较上年1174万元减少40万元,下降3%,较预算数1237万元减少103万元,下降8%。其中:因公出国(境)费为0万元,较上年6万元减少6万元,下降100%,较预算数0万元无增减;公务接待费为122万元,较上年144万元减少22万元,下降15%,较预算数339万元减少217万元,下降64%。公务用车购置及运行维护费为1012万元,较上年1024万元减少12万元,下降1%,较预算数898万元增加114万元,增长13%。")
	tp := d.ThreePublic
	if tp == nil || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(12370000) || tp.Reception == nil || tp.Reception.Budgeted == nil || *tp.Reception.Budgeted != schema.Yuan(3390000) {
		t.Fatalf("三公 %+v: want the total's budget 1237万元, the reception's 339万元", tp)
	}
	d = extractLines(t, "某镇2021年度“三公”经费决算情况说明\n2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元,下降54.65%, 较上年支出数减少0.71万元,下降7.83%。")
	change := false
	for _, c := range d.Claims {
		change = change || c.Path == "/three_public" && c.Kind == schema.ClaimChange && c.Value == -7100
	}
	if !change {
		t.Errorf("the year before's comparison after the budget's rate: no change claim in %+v", d.Claims)
	}
}

// TestPriorSentenceAfterRegion: the year before's figures in a sentence of
// their own after the year's, the year's opening on its region's name and
// quoting “三公” where the year before's does not, give each part its prior
// year.
func TestPriorSentenceAfterRegion(t *testing.T) {
	d := extractLines(t, "某区2022年“三公”经费决算情况说明\n某区2022年的“三公”经费决算数合计为90万,其中:因公出国(境)费0万元、公务用车购置费40万元、公务用车运行维护费40万元、公务接待费10万元。2021年的三公经费决算数合计为70万,其中:因公出国(境)费0万元、公务用车购置费30万元、公务用车运行维护费35万元、公务接待费5万元。")
	tp := d.ThreePublic
	if tp == nil || tp.Reception == nil || tp.Reception.PriorYear == nil || *tp.Reception.PriorYear != schema.Yuan(50000) || tp.VehiclePurchase == nil || tp.VehiclePurchase.PriorYear == nil || *tp.VehiclePurchase.PriorYear != schema.Yuan(300000) {
		t.Fatalf("三公 %+v: want the parts' prior years", tp)
	}
}

// TestNamesTable: the words after a title's kind name a table (…决算明细表,
// a contents' entry) or what a page explains (…决算执行情况说明, a region's
// page titled by its funds: real20/05 keeps its year and kind by it).
func TestNamesTable(t *testing.T) {
	for rest, want := range map[string]bool{"明细表": true, "情况表 2": true, "表": true, "执行情况说明": false, "公开说明 发布时间:2023年表": false} {
		if got := namesTable(rest); got != want {
			t.Errorf("namesTable(%q) = %v", rest, got)
		}
	}
}

// TestSpacedEnd: name found with spaces between its characters, where the
// regexp of its characters joined by \s* finds it.
func TestSpacedEnd(t *testing.T) {
	for _, c := range []struct{ s, name string }{
		{"说明游仙区政府办 “三公”经费", "游仙区政府办"},
		{"说明 游 仙区政府办“三公”", "游仙区政府办"},
		{"某局\t某 局 2022", "某局"},
		{"无关的文字", "某局"},
		{"某", "某局"},
		{"a.b a b", "ab"},
	} {
		var p strings.Builder
		for i, r := range c.name {
			if i > 0 {
				p.WriteString(`\s*`)
			}
			p.WriteString(regexp.QuoteMeta(string(r)))
		}
		want := -1
		if loc := regexp.MustCompile(p.String()).FindStringIndex(c.s); loc != nil {
			want = loc[1]
		}
		if got := spacedEnd(c.s, c.name); got != want {
			t.Errorf("spacedEnd(%q, %q) = %d, want %d", c.s, c.name, got, want)
		}
	}
}

// A web page's body on one line whose site path names its 政府信息公开目录
// (a crumb, "目录>") keeps its title after it: the contents' heading is a
// 目录 that no crumb's > follows.
func TestContentsCrumb(t *testing.T) {
	if k := contentsAt("首页>政府信息公开目录>财政预决算>决算公开 某乡人民政府关于 2020年度部门决算情况说明"); k >= 0 {
		t.Errorf("a crumb taken for the contents at %d", k)
	}
	if k := contentsAt("某乡人民政府2020年度部门决算 目录 第一部分"); k <= 0 {
		t.Errorf("the contents not found: %d", k)
	}
	line := "您当前的位置: 某某乡>政务公开>政府信息公开目录>基层政务公开>财政预决算>决算公开 • 文件标题 某某区某某乡人民政府关于 2020年度部门决算情况说明 • 发布机构 某某区某某乡 某某区某某乡人民政府关于 2020年度部门决算情况说明 一、单位基本情况"
	id := readIdentity(compactAll([]string{line}), foldAll([]string{line}))
	if id.year != 2020 || id.kind != schema.KindFinalAccounts || id.name != "某某区某某乡人民政府" {
		t.Errorf("after a crumb of 目录: %+v", id)
	}
}

// A title read from a web page's body on one line (a 三公 page's, a
// 决算's) carries none of the site's path before the last '>' of its
// 当前位置 crumbs; a crumb after which no title of the year stands is left
// as it is.
func TestTitleAfterCrumbPath(t *testing.T) {
	tp := threePublicTitle("-当前位置:某某州人民政府>>某某州某某局窗口>>公开目录>>工作动态>>某某州某某局2017年“三公”经费预算情况说明")
	if got := afterCrumbPath(tp.title, tp.year); got != "某某州某某局2017年“三公”经费预算情况说明" || tp.name != "某某州某某局" || tp.year != 2017 {
		t.Errorf("after the crumbs: %q %+v", got, tp)
	}
	if got := afterCrumbPath("全站搜索:当前位置:网站首页>专题专栏>政务信息公开>某公路养护中心2019年部门决算", 2019); got != "某公路养护中心2019年部门决算" {
		t.Errorf("a 决算's title after the crumbs: %q", got)
	}
	if got := afterCrumbPath("您的位置:首页>2017年>某局“三公”经费预算情况说明", 2017); got != "您的位置:首页>2017年>某局“三公”经费预算情况说明" {
		t.Errorf("the year in a crumb: %q", got)
	}
	if got := afterCrumbPath("某局>某科2017年“三公”经费预算", 2017); got != "某局>某科2017年“三公”经费预算" {
		t.Errorf("no site path: %q", got)
	}
}

// The word before a title's year that names the department opens with an
// autonomous region's short name (新疆…, 广西…) as a name does with its
// region: the site's words before it (全文检索) are none of the name.
func TestLastWordShortProvince(t *testing.T) {
	orig := "全文检索 新疆乌鲁木齐高新技术产业开发区民政局2019年度部门决算公开说明 来源:区财政局"
	if w := lastWord(orig, "全文检索新疆乌鲁木齐高新技术产业开发区民政局", 2019); w != "新疆乌鲁木齐高新技术产业开发区民政局" {
		t.Errorf("short province: %q", w)
	}
	if w := lastWord("全文检索 乌鲁木齐高新技术产业开发区民政局2019年度部门决算公开说明", "全文检索乌鲁木齐高新技术产业开发区民政局", 2019); w != "" {
		t.Errorf("no region: %q", w)
	}
}

// A body's numbered part heading that names the department, the year and
// the kind ("二、某乡人民政府2020年部门预算安排情况说明", a page with no
// title line) names the department without the heading's ordinal; an Arabic
// list number is left (a contents entry's, no title).
func TestHeadingOrdinalNoName(t *testing.T) {
	for _, in := range []string{"二、某县某乡人民政府", "十、某县中医院"} {
		if got := cleanName(in); strings.HasPrefix(got, "二、") || strings.HasPrefix(got, "十、") {
			t.Errorf("cleanName(%q) = %q, the heading's ordinal kept", in, got)
		}
	}
	if got := cleanName("二、收支预算"); got != "二、收支预算" {
		t.Errorf("no name after the ordinal: %q", got)
	}
	d, err := extractText("一、某县某乡人民政府概况\n(一)主要职能\n1、制定和组织实施经济发展计划。\n二、某乡人民政府2020年部门预算安排情况说明\n(一)关于某乡人民政府2020年收支预算情况的总体说明\n收入仅包括一般公共预算拨款收入472.27万元。某乡人民政府2020年收支总预算472.27万元。", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if n := d.Department.Name; strings.HasPrefix(n, "二、") || !strings.HasSuffix(n, "某乡人民政府") {
		t.Errorf("name %q, want the township's without the heading's ordinal", n)
	}
}

// A 决算 whose units are one unit's own office ("部门决算单位构成为省某中心
// 本级") names that unit; the heading "机构设置及部门决算单位构成" run into the
// sentence after it (a body on one line) names none of its words, and "我中心"
// is no name.
func TestCoveredOwnOffice(t *testing.T) {
	if n, l := coveredName([]string{"(二)机构设置及部门决算单位构成", "我中心内设10个部门。部门决算单位构成为省某某中心本级。"}); n != "省某某中心" || l != 2 {
		t.Errorf("own office: %q line %d", n, l)
	}
	if n, _ := coveredName([]string{"部门决算单位构成为某中心本级及下属单位。"}); n != "" {
		t.Errorf("more than its own office: %q", n)
	}
	if n, _ := establishedName([]string{"(二)机构设置及部门决算单位构成我中心内设10个部门,其中:办公室、财务部。"}); n != "" {
		t.Errorf("heading run into 我中心: %q", n)
	}
}

// A text that opens with its department's name on a line of its own and
// signs with it before its date names it; a name alone on the first line
// that signs nothing, or a signature with no date after it, names none.
func TestSignedName(t *testing.T) {
	body := []string{"某某市中医院", "2015年度经济及财务运行情况通报", "2015年度,医院收入总计173,828,234.00元。"}
	if n, l := signedName(append(slices.Clone(body), "某某市中医院", "2016年2月19日")); n != "某某市中医院" || l != 1 {
		t.Errorf("signed: %q line %d", n, l)
	}
	if n, _ := signedName(append(slices.Clone(body), "某市卫生健康委员会", "2016年2月19日")); n != "" {
		t.Errorf("signed by another: %q", n)
	}
	if n, _ := signedName(append(slices.Clone(body), "某某市中医院", "联系电话:0827-1234567")); n != "" {
		t.Errorf("no date after the signature: %q", n)
	}
}

// A title whose name the template's 部门 follows ("某县妇联部门2022年部门决算
// 情况说明"), the body naming it the same way, names the unit without it:
// the 部 of 部门 ends no name (completedName), and a mirror's ? for a lost
// character before a name opening with its region is no part of it.
func TestNameBeforeTemplateDepartment(t *testing.T) {
	for _, title := range []string{"某某县妇联部门2022年部门决算情况说明", "?某某县妇联部门2022年部门决算情况说明"} {
		d, err := extractText(title+"\n第一部分 某某县妇联部门概况\n一、主要职责\n", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Department.Name != "某某县妇联" {
			t.Errorf("%s: %q", title, d.Department.Name)
		}
	}
	if n := completedName([]string{"第一部分 某某县统战部概况"}, "某某县统战"); n != "某某县统战部" {
		t.Errorf("a name that ends in 部: %q", n)
	}
}

// A web page's body on one line runs a numbered heading into the name that
// opens its paragraph: the subject of the overview's first sentence, or
// the name given with its short form, starts after the heading's words.
func TestNameAfterHeadingWords(t *testing.T) {
	if name, _ := overviewName([]string{"一、部门基本情况 (一)职能职责 某某县人民法院是国家审判机关,依法独立行使审判权。"}, false); name != "某某县人民法院" {
		t.Errorf("overview: %q", name)
	}
	lines := []string{"(一)机构设置、职责 北京市某某局(简称市某某局)是市政府直属机构。", "市某某局贯彻落实党中央的方针政策。"}
	if name, _ := definedName(compactLines(foldAll(lines))); name != "北京市某某局" {
		t.Errorf("defined: %q", name)
	}
}

// A page with no title states its figures for two years, each compared
// with the year before in a clause of a change and no amount ("2018年比
// 2017年减少0.08%", "2017年比2016年减少0%"): the latest compared is its
// year, every other one it is compared with; a heading of that year's 预算
// 收支情况, the unit's short name in it, its sentence run into its line,
// tells the kind. Its budget's words read: 财政拨款预算收入, 机关运行经费预算
// 安排, 公务用车预算, 因公出境.
func TestShortUnitBudgetYear(t *testing.T) {
	text := "一、科协主要职能 (一)开展学术交流。\n三、2018年科协预算收支情况表 2018年财政拨款预算收入960800元, 2017年财政预算收入961600,2018年比2017年减少0.08%,预算支出:在职人员工资387176元,商品和服务143800元。\n" +
		"2018年机关运行经费预算安排143800元,政府采购预算安排7980元,用于办公设备。 三公经费预算支出情况:2017年公务用车预算0元,2018年公务用车预算0元。2017年比2016年减少0%。公务接待费0元,因公出境0元。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2018 || d.Document.Kind != "budget" {
		t.Fatalf("identity: %d %q", d.Document.FiscalYear, d.Document.Kind)
	}
	if len(d.Revenue.Sources) != 1 || d.Revenue.Sources[0].Name != "财政拨款" || d.Revenue.Sources[0].Amount.Float() != 960800 {
		t.Errorf("sources: %+v", d.Revenue.Sources)
	}
	if d.OperatingCosts == nil || d.OperatingCosts.Amount.Float() != 143800 {
		t.Errorf("operating costs: %+v", d.OperatingCosts)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount.Float() != 0 || tp.OverseasTravel == nil {
		t.Errorf("三公: %+v", tp)
	}
	// two years stated, neither compared: no year
	if y := statedYear("2018年财政拨款预算收入960800元。2017年公务用车预算0元。"); y != 0 {
		t.Errorf("uncompared: %d", y)
	}
}
