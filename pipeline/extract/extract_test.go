package extract

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

func TestLexNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		fen  int64
		unit string
	}{
		{"305.63万元", 305630000, "万元"}, {"21,955.35万元", 21955350000, "万元"}, {"156,211,123元", 15621112300, "元"},
		{"0.2万", 200000, "万"}, {"1.5亿元", 15000000000, "亿元"}, {"0元", 0, "元"}, {"9167千元", 916700000, "千元"},
	} {
		toks := lexNumbers(fold(c.in))
		if len(toks) != 1 || toks[0].kind != numMoney || int64(toks[0].money()) != c.fen || toks[0].unit != c.unit {
			t.Errorf("%s: %+v", c.in, toks)
		}
	}
	if toks := lexNumbers(fold("增长１５．５％")); len(toks) != 1 || toks[0].pct() != 1550 {
		t.Errorf("full-width percentage: %+v", toks)
	}
	// a space between the thousands of one amount (pdftotext splits a
	// number where the glyphs stand apart); not between two figures
	for in, want := range map[string]string{"增加1 234.56万元": "1234.56万元", "共 12 345 万元": "12345万元", "156.60 397.50万元": "397.50万元", "3 个项目": "3个"} {
		st := newStream([]string{in})
		if n := len(st.toks); n == 0 || st.s[st.toks[n-1].start:st.toks[n-1].end] != want {
			t.Errorf("%q: stream %q", in, st.s)
		}
	}
	if toks := lexNumbers("1.5万人次"); len(toks) != 1 || toks[0].kind == numMoney {
		t.Errorf("万人次 read as money: %+v", toks)
	}
}

// A Chinese comma that groups a number's thousands is a comma, where the
// number cannot be read otherwise; elsewhere it stays the sentence's.
func TestFoldThousandsComma(t *testing.T) {
	for in, want := range map[string]string{
		"１，２３４．５６万元":      "1,234.56万元",
		"12，345，678元":     "12,345,678元",
		"总投资72，124,035 元": "总投资72,124,035 元",
		"合计 ４３，３９０，２２２":   "合计 43,390,222",
		"科目201，204类":      "科目201，204类",
		"2019，2020年":      "2019，2020年",
		"增长3.25，100.5":    "增长3.25，100.5",
		"分别为1，2，3":        "分别为1，2，3",
		"1234，567.5":      "1234，567.5",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStreamJoinsBrokenLines(t *testing.T) {
	st := newStream([]string{"产出指标：驻京值守天数大", "", "", "于 350 天，防止", "23", "进京"})
	if st.s != "产出指标:驻京值守天数大于350天，防止进京" {
		t.Errorf("stream = %q", st.s)
	}
	if n := st.lineAt(len("产出指标:驻京值守天数大于")); n != 4 {
		t.Errorf("line of 350 = %d, want 4", n)
	}
}

func TestIdentity(t *testing.T) {
	for _, c := range []struct {
		lines []string
		name  string
		year  int
		kind  string
	}{
		{[]string{"附件 1", "曾都区信访局 2023 年部门预算"}, "曾都区信访局", 2023, "budget"},
		{[]string{"上海市普陀区财政局", "2024年度部门决算", "截至2024年8月31日"}, "上海市普陀区财政局", 2024, "final_accounts"},
		{[]string{"江苏省人大常委会办公厅2018年度部门", "预算公开"}, "江苏省人大常委会办公厅", 2018, "budget"},
		{[]string{"2018 年度江苏省高级", "人民法院预算公开"}, "江苏省高级人民法院", 2018, "budget"},
		{[]string{"上海市普陀区2024年区级部门预算", "预算主管部门：上海市普陀区人民政府万里街道办事处"}, "上海市普陀区人民政府万里街道办事处", 2024, "budget"},
		{[]string{"附件 2", "2024 年部门预算", "", "曾都区信访局", "目录"}, "曾都区信访局", 2024, "budget"},
		// a web page's body on one line, the site's chrome before the title
		// (the 标题 of its header named only the unit)
		{[]string{"当前位置： 首页政务公开部门预决算公开 某县青少年活动中心 时间：2020-08-10 09:30 微信 微博 QQ空间 某县青少年活动中心 2016年单位预算 第一部分 某县青少年活动中心概况"}, "某县青少年活动中心", 2016, "budget"},
		{[]string{"您现在的位置：首页 > 信息公开 > 财政预决算 【字体：大 中 小】 【打印】 某市档案馆2021年部门决算"}, "某市档案馆", 2021, "final_accounts"},
		{[]string{"当前位置: 首页>>专题报道>>某某市某某区2022年预算公开专栏>>部门财政预算 某某市某某区某公园2022年预算 日期:2022-01-21 11:58 来源:区园林绿化局 打印页面 关闭页面 某某市某某区某公园2022年部门预算公开目录 一、2022年部门预算情况说明"},
			"某某市某某区某公园", 2022, "budget"},
		// a short page whose body, its contents alone, is one line: the
		// numbered entry that names the report gives the title
		{[]string{"目录 一、 某市某技术服务中心基本情况 (一)单位职责 (二)单位机构设置 二、某市某技术服务中心2021年度部门决算表 (一)收入支出决算总表 (二)收入决算表"},
			"某市某技术服务中心", 2021, "final_accounts"},
		// … its crumbs and the page's own short title with a bare 预算 before
		// the print and close links
		{[]string{"当前位置: 首页>>专题报道>>某市某区2022年预算公开专栏>>区园林绿化局>>部门财政预算 某市某区某公园2022年预算 日期:2022-01-21 11:58 来源:区园林绿化局 打印页面 关闭页面 某市某区某公园2022年部门预算公开目录"},
			"某市某区某公园", 2022, "budget"},
		// … the page's words before the title's name, the last crumb or a
		// metadata value its own word; a region spaced from its name is the name's
		{[]string{"院务公开 某某市中心医院2023年部门预算公开说明 目 录 第一部分 某某市中心医院概况"}, "某某市中心医院", 2023, "budget"},
		{[]string{"您当前的位置: 首页>政务公开>预算/决算>决算 > 区政府办公室 某某市某某区人民政府办公室2022年度部门决算情况说明 一、部门基本情况 (一)职能职责。按照规定,区政府办公室主要职能职责有:"},
			"某某市某某区人民政府办公室", 2022, "final_accounts"},
		{[]string{"• 发文机关:某某县财政局 某某县财政局2021年度部门决算 目录"}, "某某县财政局", 2021, "final_accounts"},
		{[]string{"[ 有效性 ] 某某市某某区某某镇人民政府 (本级) 2021年度部门决算情况说明 一、部门基本情况"}, "某某市某某区某某镇人民政府(本级)", 2021, "final_accounts"},
		{[]string{"上海市 普陀区民防办公室 2022 年度部门决算"}, "上海市普陀区民防办公室", 2022, "final_accounts"},
		// a page's title with a bare 决算公开 after its chrome, over the
		// contents' headings run into one line: the headings name nothing
		{[]string{"当前位置: 首页 > 政务公开 > 通知公告 2021年度某某盟行政公署外事办公室(本级)决算公开 来源:某某盟行政公署外事办公室 发布时间:2022-12-22 2021年度某某盟行政公署外事办公室 本级 决算公开 批复时间: 2022  12  17",
			"第一部分 单位概况 主要职能职责 单位机构设置及决算单位构成情况 部分 2021年度单位决算情况说明"}, "某某盟行政公署外事办公室(本级)", 2021, "final_accounts"},
		{[]string{"第一部分 单位概况 主要职能职责 单位机构设置及决算单位构成情况 部分 2021年度单位决算情况说明", "一、收入支出决算总体情况说明"}, "", 0, ""},
		// the title run into the last crumb, its metadata and the contents' heading after it
		{[]string{"当前位置:首页>财务公开 某某省工商业联合会2022年度部门决算公开报告 来源: 发布日期:2023-09-05 目  录", "第一部分  基本情况   3", "第二部分  2022年度部门决算公开表   3"},
			"某某省工商业联合会", 2022, "final_accounts"},
		// a date's year (发文日期) before the title's
		{[]string{"发文机关: 某某县政府办 发文日期: 2020年10月09日 15:00 名 称: 某某县人民政府办公室2019年度部门决算公开情况 目录 一、部门职责"},
			"某某县人民政府办公室", 2019, "final_accounts"},
		// a breadcrumb with no chrome after it, on a body of one line: the title follows it
		{[]string{"当前位置:街镇 > 某某镇 > 政务公开 > 预算/决算 > 决算公开 • [ 发布机构 ] • 某某区某某镇 重庆市某某区某某镇人民政府2022年度部门决算情况说明 日期:2023-11-17 一、部门基本情况 (一)职能职责 1.制定和组织实施经济、科技和社会发展计划,组织指导各行生产。"},
			"重庆市某某区某某镇人民政府", 2022, "final_accounts"},
		// the region before the year, the department between the year and the kind
		{[]string{"某某市2018年某某镇人民政府部门预算的批复", "日期: 2018-02-27 17:28:20"}, "某某市某某镇人民政府", 2018, "budget"},
		// a label before the name, its spaces splitting it; a contents' entry of an attachment
		{[]string{"索  引  号:1153/2026-00222 公文范围:公开 标      题:某某县某某乡卫生院2026年部门预算公开 发布日期:2026年03月09日"}, "某某县某某乡卫生院", 2026, "budget"},
		{[]string{"目 录", "十一、名词解释", "十二、附件:某某市某某区人民医院2025年预算公开报表"}, "某某市某某区人民医院", 2025, "budget"},
		// a metadata value and a breadcrumb's last crumb run into the title (a body on one line)
		{[]string{"发布日期: 2021-09-01 成文日期: 2021-09-01 公开范围: 面向社会 某某医疗健康集团(某某市某某医院)2020年度单位决算 发布日期:2021-09-01"},
			"某某医疗健康集团(某某市某某医院)", 2020, "final_accounts"},
		{[]string{"欢迎访问某某大学财务处官方网站! 首页 > 正文 某某大学附属第三中学2015年度部门决算公开 目录"}, "某某大学附属第三中学", 2015, "final_accounts"},
		// an attached table's file name, cut at its start, over the 编制单位 of the tables
		{[]string{"州某某医院2020年一般公共预算财政拨款“三公”经费支出决算表(与预算对比).xls", "目录", "表1 收入支出决算总表 |", "编制单位:某某省某某州某某医院 |", "金额单位:万元 |"},
			"某某省某某州某某医院", 2020, "final_accounts"},
		// a sentence citing a document's title (《…》) names no department
		{[]string{"按照《中华人民共和国预算法》以及《某某区财政局关于2015年度部门决算批复的通知》,现将我单位2015年度部门决算说明如下:"}, "", 2015, "final_accounts"},
		// a breadcrumb's 预决算 (the site's menu of both) under a line of its
		// year is no title: the title below it is
		{[]string{"2023年", "首页 > 政府信息公开 > 法定主动公开内容 > 预决算公开 > 部门决算 > 2023年", "2023年度某某县某某乡卫生院部门决算"},
			"某某县某某乡卫生院", 2023, "final_accounts"},
		// a metadata table's labels and values run into the title's line (a
		// body of one line): the name is the title's last word, whatever it ends with
		{[]string{"文号 主题分类 卫生 登记号 有效性 公开方式 主动公开 公开范围 面向全社会 某某市第一人民医院医共体2021年单位决算 来源:市卫生健康局"},
			"某某市第一人民医院医共体", 2021, "final_accounts"},
		// a title's misprint doubling the name's last character, the name
		// spelt once in the text
		{[]string{"某某市某某中学学2016年部门预算公开", "某某市某某中学是一所义务教育阶段的初级中学。"}, "某某市某某中学", 2016, "budget"},
		{[]string{"某某市某某中学学2016年部门预算公开", "一、主要职责"}, "某某市某某中学学", 2016, "budget"},
		// a breadcrumb whose last crumb is the year, the title run into it (a body of one line)
		{[]string{"无障碍| | 移动版 当前位置: 首页 > 某某市人民政府门户网站 > 政务公开 > 预决算公开 > 预算公开 > 部门预算公开 > 2016年 某某市某某中学2016年部门预算公开 发布时间 : 2016-04-18 16:49 来源 : 某某市教育局"},
			"某某市某某中学", 2016, "budget"},
		// a document site's file name numbered in its list: the number is no part of the name
		{[]string{"PDF文库 - 千万精品文档,你想要的都能搜到,下载即用。", "", "2、某某市教育局2021年度部门决算(本级).pdf", "", "﹏Lost loveゝ30 页 1.292 MB下载文档",
			"2、某某市教育局2021年度部门决算(本级).pdf2、某某市教育局2021年度部门决算(本级).pdf"}, "某某市教育局", 2021, "final_accounts"},
		{[]string{"3.某某县某某乡人民政府2022年部门预算.pdf"}, "某某县某某乡人民政府", 2022, "budget"},
		// a body on one line: the title of a bare 决算 between the crumbs, whose last
		// one holds the kind's words too, and the contents
		{[]string{"当前位置: 首页> 政务信息> 政府信息公开> 法定主动公开内容> 预算决算 某某市公共资源交易中心某某分中心2023年度决算情况说明 目录 第一部分部门概况 一、部门职责 二、机构设置 第二部分2023年度部门决算表"},
			"某某市公共资源交易中心某某分中心", 2023, "final_accounts"},
	} {
		id := readIdentity(compactAll(c.lines), foldAll(c.lines))
		if id.name != c.name || id.year != c.year || id.kind != c.kind {
			t.Errorf("%q: got %q %d %s", c.lines, id.name, id.year, id.kind)
		}
	}
}

// A title after a page's crumbs or labels, run into their line, is the
// title from its department's name (the crumbs' 预算决算 is no kind of it).
func TestTitleAfterCrumbs(t *testing.T) {
	for _, c := range []struct{ line, title string }{
		{"当前位置: 首页> 政务信息> 预算决算 某某市公共资源交易中心某某分中心2023年度决算情况说明 目录", "某某市公共资源交易中心某某分中心2023年度决算情况说明"},
		{"网站首页 > 某某市公共资源交易服务中心2017年度部门决算", "某某市公共资源交易服务中心2017年度部门决算"},
		{"• 标题: 某某州农产品质量检测中心2019年度部门决算公开", "某某州农产品质量检测中心2019年度部门决算公开"},
	} {
		lines := []string{c.line, "第一部分部门概况"}
		if id := readIdentity(compactAll(lines), foldAll(lines)); id.title != c.title {
			t.Errorf("%q: title %q, want %q", c.line, id.title, c.title)
		}
	}
}

// A file of tables only: the department from its 部门： line, the year and
// kind from a table title, and a warning that says so.
func TestTablesOnlyIdentity(t *testing.T) {
	text := "公开01表\n收支预算总表\n部门：江苏省某某办公厅\n单位：万元\n合计\n公开12表\n2019年政府采购预算表\n部门：江苏省某某办公厅\n"
	d := extractLines(t, text)
	if d.Department.Name != "江苏省某某办公厅" || d.Document.FiscalYear != 2019 || d.Document.Kind != "budget" ||
		len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0].Reason, "tables only") {
		t.Errorf("identity %q %d %s, warnings %v", d.Department.Name, d.Document.FiscalYear, d.Document.Kind, d.Warnings)
	}
}

// A title that names no department ("2019 年度部门预算情况说明") takes the
// name its sentences open with; one mention is not enough.
func TestDepartmentFromSentences(t *testing.T) {
	text := "2019 年度部门预算情况说明\n一、收支预算总体情况说明\n江苏省某某办公厅 2019 年度收入、支出预算总计 100 万元。\n" +
		"江 苏 省 某 某 办 公 厅 2019 年 度 财 政 拨 款 基 本 支 出 预 算 80 万元。\n本部门 2019 年度政府采购预算 5 万元。\n"
	d := extractLines(t, text)
	if d.Department.Name != "江苏省某某办公厅" || d.Provenance["/department/name"].Line != 3 {
		t.Errorf("department %q from %+v", d.Department.Name, d.Provenance["/department/name"])
	}
	once := strings.Replace(text, "江 苏 省 某 某 办 公 厅 2019", "本部门 2019", 1)
	if d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(once, "\n")}, "t", Hints{}); err != nil || !untold(d, schema.UnknownDepartment) || d.Document.FiscalYear != 2019 {
		t.Errorf("a name said once was taken: %v %+v", err, d)
	}
}

// BenchmarkExtractSeed measures extraction of one text document (ingest excluded).
func BenchmarkExtractSeed(b *testing.B) { benchExtract(b, "../../data/000_70dee09d8603147c.txt") }

// BenchmarkExtractLarge measures a 2,000-line table-heavy document.
func BenchmarkExtractLarge(b *testing.B) {
	benchExtract(b, "../../data/corpus/11_jiangsu_procuratorate_2018_dept-budget.txt")
}

// BenchmarkExtractTablesPart measures the tables of a two-file disclosure
// in default-mode text: every table read from cells in reading order, the
// summary by its panels, the coded tables' gaps placed.
func BenchmarkExtractTablesPart(b *testing.B) {
	benchExtract(b, "../../data/corpus/more/jiangsu_cppcc-office_2019_dept-budget_tables-part.txt")
}

// BenchmarkExtractFinalAccounts measures a 决算 in default-mode text: its
// two-panel tables read from cells (carried amounts, economic classes).
func BenchmarkExtractFinalAccounts(b *testing.B) {
	benchExtract(b, "../../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt")
}

// BenchmarkExtractLayout measures 11 and 07 as pdftotext -layout prints
// them (pdftotext run once, outside the loop): the texts the readers by
// column and the generic reader read.
func BenchmarkExtractLayout(b *testing.B) {
	for _, f := range []string{"11_jiangsu_procuratorate_2018_dept-budget", "07_shanghai-putuo_finance-bureau_2024_final-accounts"} {
		b.Run(f[:2], func(b *testing.B) { benchExtract(b, "../../data/corpus/"+f+".pdf") })
	}
}

func benchExtract(b *testing.B, path string) {
	txt, err := ingest.Read(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(txt.Bytes)
	for b.Loop() {
		if _, err := Extract(txt, "x", Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A lone short number between lines is a page number, unless it is an
// amount whose unit follows on the next line.
func TestPageNumbers(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  string
	}{
		{[]string{"1．因公出国（境）费预算支出", "28", "", "100", "", "万元，与上年预"}, "1.因公出国(境)费预算支出100万元，与上年预"},
		{[]string{"相比增加 40", "24", "", "万元，增长 0.72 %。"}, "相比增加40万元，增长0.72%。"},
		{[]string{"收入预算", "23", "其他"}, "收入预算其他"},
	} {
		if got := newStream(c.lines).s; got != c.want {
			t.Errorf("%q: stream %q, want %q", c.lines, got, c.want)
		}
	}
}

func TestReadingOrder(t *testing.T) {
	lines := []string{"  三、支出决算情况说明", "", "", "603.14万元，占20.51%；", "    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出", "", "  四、财政拨款"}
	want := "三、支出决算情况说明本年支出合计2940.05万元，其中:基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%；四、财政拨款"
	if got := newStream(lines).s; got != want {
		t.Errorf("stream %q, want %q", got, want)
	}
	// an ordinary paragraph keeps its order
	lines = []string{"  二、收入决算情况说明", "  本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他", "收入6.2万元，占0.21%；"}
	if got := newStream(lines).s; !strings.HasSuffix(got, "其他收入6.2万元，占0.21%；") {
		t.Errorf("stream %q", got)
	}
	// pdftotext's raw reading of two justified lines: words of both, then
	// figures of both; the comparison phrase broken across tells the order
	lines = []string{"（1）一般公共预算收入预算", "年相比增加", "", "21,940.96 万元，与上", "", "3,959.28 万元，增长 22", "", "%。主要是因员额"}
	want = "(1)一般公共预算收入预算21,940.96万元，与上年相比增加3,959.28万元，增长22%。主要是因员额"
	if got := newStream(lines).s; got != want {
		t.Errorf("interleaved: stream %q, want %q", got, want)
	}
	// a percentage read before the amount it follows
	lines = []string{"2．一般行政管理事务（项）支出 3,666 万元，与上年", "相比增加", "", "0.06 %。主要原因是省检察", "", "21.8 万元，增长", "", "院本级增加安排了办公办案设备购置费预算支出。"}
	want = "2.一般行政管理事务(项)支出3,666万元，与上年相比增加21.8万元，增长0.06%。主要原因是省检察院本级增加安排了办公办案设备购置费预算支出。"
	if got := newStream(lines).s; got != want {
		t.Errorf("percentage first: stream %q, want %q", got, want)
	}
	// the phrase runs on from the line above: read in order
	lines = []string{"住房补贴支出。与上", "年相比增加", "", "1,341.22 万元，增长", "", "57.83 %。主要原因"}
	want = "住房补贴支出。与上年相比增加1,341.22万元，增长57.83%。主要原因"
	if got := newStream(lines).s; got != want {
		t.Errorf("in order: stream %q, want %q", got, want)
	}
}

// A title whole on its line does not take the next line in; procurement's
// kinds may be named 货物类/工程类/服务类.
func TestTitleLineAndProcurementKinds(t *testing.T) {
	text := "某县财政局2024年部门预算公开说明\n一、部门预算收支总体情况\n" +
		"2024年本部门政府采购预算总额50万元，其中：货物类30万元、工程类0万元、服务类20万元。\n"
	d := extractLines(t, text)
	if d.Document.Title != "某县财政局2024年部门预算公开说明" {
		t.Errorf("title = %q", d.Document.Title)
	}
	p := d.Procurement
	if p == nil || p.Goods == nil || *p.Goods != schema.Yuan(300000) || p.Works == nil || *p.Works != 0 || p.Services == nil || *p.Services != schema.Yuan(200000) {
		t.Errorf("procurement = %+v", p)
	}
	// a heading on the same line as the sentence ("2.政府采购情况。"), kinds
	// named 政府采购货物预算
	heading := "某县财政局2024年部门预算公开说明\n2.政府采购情况。所属各预算单位政府采购预算总额50万元，其中：政府采购货物预算30万元、政府采购工程预算0万元、政府采购服务预算20万元。\n"
	if p := extractLines(t, heading).Procurement; p == nil || p.Goods == nil || *p.Goods != schema.Yuan(300000) || p.Services == nil || *p.Services != schema.Yuan(200000) {
		t.Errorf("after a heading: procurement = %+v", p)
	}
	// the kinds in the next sentence, opened by 其中
	next := "某县财政局2024年部门预算公开说明\n2024 年我部门政府采购预算总额为 50 万元。其中\n拟购买货物 30 万元；拟购买服务 20 万元。\n"
	if p := extractLines(t, next).Procurement; p == nil || p.Goods == nil || *p.Goods != schema.Yuan(300000) || p.Services == nil || *p.Services != schema.Yuan(200000) {
		t.Errorf("kinds in the next sentence: procurement = %+v", p)
	}
}

// 人员经费 and 公用经费 are kept as the parts of basic expenditure only when
// stated of the same basic figure (not of the appropriations' part of it).
func TestBasicParts(t *testing.T) {
	same := "某区某局2024年度部门决算\n本年支出合计2940.05万元，其中：基本支出2336.91万元，项目支出603.14万元。\n" +
		"一般公共预算财政拨款基本支出2336.91万元。其中：人员经费2152.26万元，主要包括基本工资；公用经费184.65万元，主要包括办公费。\n"
	e := extractLines(t, same).Expenditure
	if e.Personnel == nil || e.Personnel.Amount != schema.Yuan(21522600) || e.PublicExpenses == nil || e.PublicExpenses.Amount != schema.Yuan(1846500) {
		t.Errorf("parts = %+v %+v", e.Personnel, e.PublicExpenses)
	}
	other := strings.Replace(same, "财政拨款基本支出2336.91万元", "财政拨款基本支出2300.00万元", 1)
	if e := extractLines(t, other).Expenditure; e.Personnel != nil || e.PublicExpenses != nil {
		t.Errorf("parts of another basic figure were kept: %+v %+v", e.Personnel, e.PublicExpenses)
	}
	// a note naming a table of basic expenditure between the parts (Jiangsu:
	// "（按“部门预算公开06表 财政拨款基本支出预算表”中…填写）") is no new
	// statement of it
	noted := strings.Replace(same, "主要包括基本工资；", "主要包括基本工资。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）", 1)
	if e := extractLines(t, noted).Expenditure; e.Personnel == nil || e.Personnel.Amount != schema.Yuan(21522600) || e.PublicExpenses == nil || e.PublicExpenses.Amount != schema.Yuan(1846500) {
		t.Errorf("parts with a table's name between: %+v %+v", e.Personnel, e.PublicExpenses)
	}
}

// 人员经费 and 公用经费 named by their economic classes (工资福利支出,
// 商品和服务支出), the personnel's amount before the list of what it
// includes or after its label: kept only when the two make the basic
// expenditure (not when 对个人和家庭的补助 is a third part left out).
func TestBasicPartsByClass(t *testing.T) {
	for name, c := range map[string]struct {
		text           string
		personnel, pub float64
	}{
		"before its list": {"某县实验小学2019年部门预算\n2019年部门预算总支出1500万元，其中：基本支出1200万元，项目支出300万元。基本支出情况。\n" +
			"保障学校正常运转的日常支出1050.5万元，包括基本工资、绩效工资等工资福利支出，占基本支出的87.5%；办公费、水电费等日常公用经费149.5万元(商品和服务支出)，占基本支出的12.5%。", 10505000, 1495000},
		"after its label": {"某县实验小学2019年部门预算\n2019年部门预算总支出1500万元，其中：基本支出1200万元，项目支出300万元。其中工资福利支出1050.5万元，商品和服务支出149.5万元。", 10505000, 1495000},
		"a third part":    {"某县实验小学2019年部门预算\n2019年部门预算总支出1500万元，其中：基本支出1200万元，项目支出300万元。其中工资福利支出1000.5万元，商品和服务支出149.5万元，对个人和家庭的补助50万元。", 0, 0},
	} {
		e := extractLines(t, c.text).Expenditure
		var p, q float64
		if e.Personnel != nil {
			p = e.Personnel.Amount.Float()
		}
		if e.PublicExpenses != nil {
			q = e.PublicExpenses.Amount.Float()
		}
		if p != c.personnel || q != c.pub {
			t.Errorf("%s: personnel %v, public %v; want %v, %v", name, p, q, c.personnel, c.pub)
		}
	}
}

// A budget all of appropriations states its basic expenditure and its
// parts again (Jiangsu: 财政拨款基本支出, then 一般公共预算基本支出): each
// later statement that differs is an amount claim on its line.
func TestBasicRestated(t *testing.T) {
	text := "某省某院2019年度部门预算\n（一）收入预算总计 3718.34 万元。包括：\n1．财政拨款收入预算总计 3718.34 万元。\n" +
		"一般公共预算收入预算 3718.34 万元。\n此外，基本支出预算数为 2196 万元。\n项目支出预算数为 1522.34 万元。\n" +
		"某院 2019 年度财政拨款基本支出预算 2196 万元，其中：\n（一）人员经费 1838.95 万元。主要包括：基本工资。\n（二）公用经费 357.05 万元。主要包括：办公费。\n" +
		"某院 2019 年度一般公共预算财政拨款基本\n支出预算 2196 万元，其中：\n（一）人员经费 1838.95 万元。主要包括：基本工资。\n（二）公用经费 357.05 万元。主要包括：办公费。\n"
	claimsOn := func(d *schema.Document) map[string]int {
		out := map[string]int{}
		for _, c := range d.Claims {
			if c.Kind == schema.ClaimAmount {
				out[c.Path] = c.Line
			}
		}
		return out
	}
	d := extractLines(t, text)
	if e := d.Expenditure; e.Basic == nil || e.Basic.Amount != schema.Yuan(21960000) || e.Personnel == nil || e.Personnel.Amount != schema.Yuan(18389500) {
		t.Fatalf("basic, personnel = %+v %+v", e.Basic, e.Personnel)
	}
	if c := claimsOn(d); len(c) != 0 {
		t.Errorf("claims on the unchanged text: %v", c)
	}
	for _, m := range []struct{ from, to, path string }{
		{"支出预算 2196 万元", "支出预算 2191 万元", "/expenditure/basic"},
		{"人员经费 1838.95 万元。主要包括：基本工资。\n（二）公用经费 357.05 万元。主要包括：办公费。\n", "人员经费 1833.95 万元。主要包括：基本工资。\n（二）公用经费 357.05 万元。主要包括：办公费。\n", "/expenditure/personnel"},
		{"公用经费 357.05 万元。主要包括：办公费。\n", "公用经费 357.65 万元。主要包括：办公费。\n", "/expenditure/public_expenses"},
	} {
		// the last statement changed: its line is the last of its kind
		k := strings.LastIndex(text, m.from)
		changed := text[:k] + m.to + text[k+len(m.from):]
		want := strings.Count(changed[:k+strings.Index(m.to, "万元")], "\n") + 1
		if got := claimsOn(extractLines(t, changed)); got[m.path] != want {
			t.Errorf("%s changed in its restatement: claims %v, want one on %s at line %d", m.path, got, m.path, want)
		}
	}
}

// Economic items explained one by one, each named with （款）, the class's
// name on the line after a figure's unit.
func TestEconomicKuanItems(t *testing.T) {
	text := "某省某厅2017年度部门预算\n财政拨款基本支出预算 150 万元，其中：\n（一）人员经费 120 万元\n1、工资福利支出（类）120 万元\n" +
		"（1）基本工资（款）支出 100 万元。用于发放工资。\n（2）津贴补贴（款）支出 20 万元。用于发放津贴。\n（二）公用经费 30 万元\n商品和服务支出（类）30 万元\n" +
		"（1）维修（护）费（款）支出 30 万元。用于维修。\n"
	e := extractLines(t, text).Expenditure.ByEconomic
	if len(e) != 2 || len(e[0].Items) != 2 || e[0].Items[0].Code != "30101" || e[0].Items[1].Amount != schema.Yuan(200000) ||
		e[1].Code != "302" || len(e[1].Items) != 1 || e[1].Items[0].Name != "维修(护)费" {
		t.Errorf("by_economic = %+v", e)
	}
}

// A class stated again with its items (Jiangsu explains the 财政拨款 and
// the 一般公共预算 basic expenditure alike): an item of the copy that
// differs is an amount claim; a list that names other items (机关运行经费's,
// after the class) is no copy.
func TestEconomicItemsRestated(t *testing.T) {
	list := "商品和服务支出（类）30 万元\n（1）办公费（款）支出 10 万元。用于办公。\n（2）维修（护）费（款）支出 20 万元。用于维修。\n"
	text := "某省某厅2017年度部门预算\n财政拨款基本支出预算 30 万元，其中：\n" + list + "一般公共预算基本支出预算 30 万元，其中：\n" + list
	claims := func(text string) []schema.Claim {
		var out []schema.Claim
		for _, c := range extractLines(t, text).Claims {
			if c.Kind == schema.ClaimAmount {
				out = append(out, c)
			}
		}
		return out
	}
	if c := claims(text); len(c) != 0 {
		t.Errorf("claims on the unchanged text: %+v", c)
	}
	changed := text[:strings.LastIndex(text, "办公费（款）支出 10")] + strings.Replace(text[strings.LastIndex(text, "办公费（款）支出 10"):], "支出 10", "支出 16", 1)
	if c := claims(changed); len(c) != 1 || c[0].Path != "/expenditure/by_economic/0/items/0" || c[0].Line != 8 || c[0].Value != 160000 {
		t.Errorf("an item changed in the copy: claims %+v, want one on /expenditure/by_economic/0/items/0 at line 8", c)
	}
	other := text + "机关运行经费支出预算 50 万元，其中：\n" +
		"（1）办公费（款）支出 16 万元。用于办公。\n（2）物业管理费（款）支出 14 万元。\n（3）维修（护）费（款）支出 20 万元。用于维修。\n"
	if c := claims(other); len(c) != 0 {
		t.Errorf("another list of items was compared: %+v", c)
	}
	// a copy of three items running on into 机关运行经费's list: its first
	// items are the copy
	list3 := strings.Replace(list, "30 万元", "35 万元", 1) + "（3）邮电费（款）支出 5 万元。用于通讯。\n"
	three := strings.ReplaceAll(other, list, list3)
	three = strings.Replace(three, "基本支出预算 30 万元", "基本支出预算 35 万元", 2)
	if c := claims(three); len(c) != 0 {
		t.Errorf("claims on the unchanged text: %+v", c)
	}
	k := strings.LastIndex(three, "邮电费（款）支出 5 万元")
	if c := claims(three[:k] + "邮电费（款）支出 8 万元" + three[k+len("邮电费（款）支出 5 万元"):]); len(c) != 1 || c[0].Path != "/expenditure/by_economic/0/items/2" || c[0].Value != 80000 {
		t.Errorf("an item changed in a copy that runs on: claims %+v, want one on /expenditure/by_economic/0/items/2", c)
	}
}

// A 项 explained again (Jiangsu: under 财政拨款支出, then under 一般公共预算
// 支出) restates its change: a change or percentage that differs from the
// first statement's is a claim on its line.
func TestFunctionItemYoYRestated(t *testing.T) {
	item := "（一）一般公共服务支出（类）100 万元。\n1. 政协事务（款）行政运行（项）支出 100 万元，与上\n年相比增加 10 万元，增长 11.11%。主要原因是增资。\n"
	text := "某省某厅2017年度部门预算\n五、财政拨款支出预算表情况说明\n" + item + "八、一般公共预算支出预算表情况说明\n" + item
	claims := func(text string) []schema.Claim {
		var out []schema.Claim
		for _, c := range extractLines(t, text).Claims {
			if strings.Contains(c.Path, "/items/") || c.Line > 5 {
				out = append(out, c)
			}
		}
		return out
	}
	base := claims(text)
	if len(base) != 2 || base[0].Line != 5 || base[1].Line != 5 {
		t.Fatalf("the first statement's claims = %+v, want a change and a percentage on line 5", base)
	}
	for _, m := range []struct{ from, to, kind string }{
		{"增加 10 万元", "增加 19 万元", schema.ClaimChange},
		{"增长 11.11%", "增长 17.11%", schema.ClaimChangePct},
	} {
		k := strings.LastIndex(text, m.from)
		got := claims(text[:k] + m.to + text[k+len(m.from):])
		if len(got) != 3 || got[2].Kind != m.kind || got[2].Line != 9 || got[2].Path != "/expenditure/by_function/0/items/0" {
			t.Errorf("%s changed in the second statement: claims %+v, want a third, %s on line 9", m.from, got, m.kind)
		}
	}
}

// A 款's total and the 项 the text lists after it ("住房改革支出(款): 2018 年
// 预算支出合计 3,660.38 万元。其中: 1.住房公积金(项):支出 1,073.77 万元。…")
// are sum claims where one misprint keeps them from adding up (sum.text
// names both lines); as printed, or short by what no misprint explains (a
// list of some 项 only), none.
func TestKuanListedItems(t *testing.T) {
	const text = "某省某院2018年部门预算\n（三）住房保障支出（类）\n住房改革支出(款): 2018 年预算支出合计 3,660.38 万\n元。其中:\n" +
		"1.住房公积金(项):支出 1,003.77 万元。\n2.提租补贴(项):支出 2,586.61 万元。\n六、财政拨款基本支出预算情况说明\n"
	checkSumClaims(t, text, map[int]float64{3: 36603800, 5: 10037700, 6: 25866100}, map[string]string{
		"as printed":           strings.Replace(text, "1,003.77", "1,073.77", 1),
		"within rounding":      strings.Replace(text, "1,003.77", "1,073.78", 1),
		"no misprint explains": strings.Replace(text, "1,003.77", "973.15", 1),
	})
}

// The Jiangsu narrative names the amounts carried 上年结转资金 and 结转下年资金.
func TestCarriedJiangsuNames(t *testing.T) {
	text := "某省某厅2019年度部门预算\n4．上年结转资金预算数为0万元。与上年相比增加0万元。\n4．结转下年资金预算数为0万元，主要原因是本部门无此项资金。\n"
	d := extractLines(t, text)
	if d.Revenue.CarriedOver == nil || *d.Revenue.CarriedOver != 0 || d.Expenditure.CarriedForward == nil || *d.Expenditure.CarriedForward != 0 {
		t.Errorf("carried = %v %v", d.Revenue.CarriedOver, d.Expenditure.CarriedForward)
	}
}

// A fund said to be nil in words: a table's explanation that opens "本表数为
// 零", or a template sentence left without its figure in a paragraph that
// says the department has none.
func TestFundNilInWords(t *testing.T) {
	for _, text := range []string{
		"某省某厅2017年度部门预算\n七、政府性基金支出预算表情况说明\n本表数为零。\n八、一般公共预算支出预算表情况说明\n",
		"某省某厅2019年度部门预算\n十、政府性基金预算支出预算情况说明\n某省某厅2019年政府性基金支出预算支出\n万元。与上年相比增加（减少）0万元，增长（减少）0%。主要\n原因是本部门无此项支出。\n",
	} {
		if d := extractLines(t, text); d.GovernmentFund == nil || d.GovernmentFund.Amount != 0 || d.Provenance["/government_fund/amount"].Line < 2 {
			t.Errorf("%q: government fund %+v", text, d.GovernmentFund)
		}
	}
	// a blank figure without "无此项" stays unknown
	blank := "某省某厅2019年度部门预算\n某省某厅2019年政府性基金支出预算支出\n万元。与上年相比增加 5 万元。\n"
	if d := extractLines(t, blank); d.GovernmentFund != nil {
		t.Errorf("a blank figure was read: %+v", d.GovernmentFund)
	}
}

// Revenue sources beyond 财政拨款, 事业收入 and 其他收入 keep their names.
func TestMoreRevenueSources(t *testing.T) {
	text := "某局2023年度部门决算\n2023年度本年收入合计120万元，其中：财政拨款收入100万元，占83.33%；上级补助收入5万元，占4.17%；财政专户管理资金收入10万元，占8.33%；附属单位上缴收入5万元，占4.17%。\n"
	d := extractLines(t, text)
	got := map[string]int64{}
	for _, s := range d.Revenue.Sources {
		got[s.Name] = int64(s.Amount)
	}
	for name, yuan := range map[string]int64{"财政拨款": 1000000, "上级补助收入": 50000, "财政专户管理资金": 100000, "附属单位上缴收入": 50000} {
		if got[name] != int64(schema.Yuan(yuan)) {
			t.Errorf("%s = %d fen, want %d yuan (sources %v)", name, got[name], yuan, got)
		}
	}
}

// "“三公”经费一般公共预算拨款X" says how the 三公 were funded: X is no
// revenue source; "收入…其中：一般公共预算拨款X" is.
func TestFundingOfAnExpenseIsNoSource(t *testing.T) {
	text := "某局2017年度部门决算\n2017年收入100万元，其中：财政拨款收入90万元，其他收入10万元。\n" +
		"2017年度“三公”经费一般公共预算拨款2.5万元，同比下降5%。\n"
	for _, s := range extractLines(t, text).Revenue.Sources {
		if s.Name == "一般公共预算" {
			t.Errorf("the 三公's funding read as a source: %+v", s)
		}
	}
	source := "某局2018年部门预算\n2018年,某局收入预算为100万元，其中：一般公共预算拨款100万元。\n"
	if s := extractLines(t, source).Revenue.Sources; len(s) != 1 || s[0].Name != "一般公共预算" || s[0].Amount != schema.Yuan(1000000) {
		t.Errorf("sources = %+v", s)
	}
}

// The funds a procurement is paid from ("按政府采购资金类型划分，一般公共
// 预算拨款1.7万元…上年结转结余资金0万元") are no revenue source and no
// carried-over revenue, wherever they stand.
func TestProcurementFundingIsNoSource(t *testing.T) {
	for _, text := range []string{
		"某局2023年部门预算\n2023年收入预算100万元，其中：财政拨款收入100万元。\n" +
			"2023年政府采购预算1.7万元。按政府采购资金类型划分，一般公共预算拨款1.7万元，财政专户管理的资金安排0万元，上年结转结余资金0万元。\n",
		"某局2023年部门预算\n2023年政府采购预算1.7万元。按政府采购资金类型划分，一般公共预算拨款1.7万元，财政专户管理的资金安排0万元，上年结转结余资金0万元。\n",
	} {
		d := extractLines(t, text)
		for _, s := range d.Revenue.Sources {
			if s.Name != "财政拨款" {
				t.Errorf("the procurement's funding read as a source: %+v", s)
			}
		}
		if d.Revenue.CarriedOver != nil {
			t.Errorf("the procurement's carried-over funds read as the revenue's: %v", *d.Revenue.CarriedOver)
		}
		if d.Procurement == nil || d.Procurement.Amount != schema.Yuan(17000) {
			t.Errorf("procurement = %+v", d.Procurement)
		}
	}
}

// The rune index gives, for every rune, the offsets where it stands, in
// order; runes beyond the Basic Multilingual Plane are not indexed.
func TestRuneIndex(t *testing.T) {
	st := &stream{s: "支出预算支出a支😀出\uffff支"}
	st.indexRunes()
	defer st.release()
	want := map[rune][]int32{}
	for i, r := range st.s {
		if r < bmp {
			want[r] = append(want[r], int32(i))
		}
	}
	for r, w := range want {
		if got := st.positions(r); !slices.Equal(got, w) {
			t.Errorf("%q: %v, want %v", r, got, w)
		}
	}
	if got := st.positions('😀'); got != nil {
		t.Errorf("a rune beyond the plane: %v", got)
	}
	if got := st.positions('收'); len(got) != 0 {
		t.Errorf("an absent rune: %v", got)
	}
}

// TestWebPageIdentity: a saved web page's header names the disclosure, and
// its 发布机构 completes a shortened name; a "三公" disclosure's 一般公共预算
// is not its kind.
func TestWebPageIdentity(t *testing.T) {
	for _, c := range []struct {
		title, publisher, name, kind string
		year                         int
		region                       string
	}{
		{"2018年度平潭综合实验区公安局预算说明", "平潭综合实验区公安局", "平潭综合实验区公安局", "budget", 2018, "平潭综合实验区"},
		{"2016年度平潭综合实验区市场监督管理局部门决算说明", "平潭综合实验区市场监督管理局", "平潭综合实验区市场监督管理局", "final_accounts", 2016, "平潭综合实验区"},
		{"平潭综合实验区图书馆2017年预算说明", "平潭综合实验区社会事业局", "平潭综合实验区图书馆", "budget", 2017, "平潭综合实验区"},
		{"2016年度平潭综合实验区一般公共预算“三公”经费支出决算情况", "平潭综合实验区财政金融局", "平潭综合实验区", "final_accounts", 2016, "平潭综合实验区"},
		{"区环境与国土资源局2015年三公经费支出情况", "平潭综合实验区环境与国土资源局", "平潭综合实验区环境与国土资源局", "final_accounts", 2015, "平潭综合实验区"},
		{"2019年度某区“三公”经费预算", "某区财政局", "某区", "budget", 2019, ""},
		// a unit's page names no region: the publisher's is its
		{"卫生监督所2016年部门预算", "平潭综合实验区市场监督管理局", "卫生监督所", "budget", 2016, "平潭综合实验区"},
	} {
		lines := []string{"标题: " + c.title, "发布机构: " + c.publisher, "==== 正文 ====", "当前位置：首页 " + c.title + " 正文。"}
		txt := &ingest.Text{Path: "p.txt", Lines: lines, Header: &ingest.Header{Title: c.title, Publisher: c.publisher, TitleLine: 1}}
		doc, err := Extract(txt, "x", Hints{})
		if err != nil {
			t.Errorf("%s: %v", c.title, err)
			continue
		}
		if doc.Department.Name != c.name || doc.Document.Kind != c.kind || doc.Document.FiscalYear != c.year || doc.Document.Publisher != c.publisher ||
			doc.Department.Region != c.region {
			t.Errorf("%s: got %s (%s) %s %d (publisher %s), want %s (%s) %s %d", c.title, doc.Department.Name, doc.Department.Region, doc.Document.Kind,
				doc.Document.FiscalYear, doc.Document.Publisher, c.name, c.region, c.kind, c.year)
		}
	}
}

// BenchmarkExtractOneLine measures a 1 MB web page whose body is one line
// (a Fujian 决算说明 repeated): ingest breaks the line, extraction stays
// linear (it took 43 s for 0.25 MB when lines were read whole).
func BenchmarkExtractOneLine(b *testing.B) {
	data, err := os.ReadFile("../../data/corpus/more/fujian/pingtan_public-security-bureau_2017_dept-final-accounts.txt")
	if err != nil {
		b.Fatal(err)
	}
	head, body, _ := strings.Cut(string(data), "==== 正文 ====")
	var sb strings.Builder
	sb.WriteString(head + "==== 正文 ====")
	for sb.Len() < 1<<20 {
		sb.WriteString(body)
	}
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		lines := ingest.Lines(sb.String())
		if _, err := Extract(&ingest.Text{Path: "x.txt", Lines: lines, Header: ingest.ReadHeader(lines)}, "x", Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCoverage: a section read, one stated nil, one mentioned beside an
// amount but not read, one mentioned without an amount, one absent; a
// glossary's mention does not count.
func TestCoverage(t *testing.T) {
	text := "某局2024年部门预算\n" +
		"“三公”经费支出预算 12.5 万元。\n" +
		"政府采购预算总额为 0 万元。\n" +
		"机关运行经费与上年持平，为 3 万元。\n" +
		"国有资本经营情况另行公开。\n" +
		"名词解释：国有资产指……\n"
	doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: strings.Split(text, "\n")}, "c", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range doc.Coverage {
		got[c.Name] = c.Status
	}
	for name, want := range map[string]string{
		"“三公”经费": schema.CoverageRead, "政府采购": schema.CoverageEmpty,
		"机关运行经费": schema.CoverageNotRead, "国有资本经营": schema.CoverageNoFigure, "国有资产": schema.CoverageAbsent,
	} {
		if got[name] != want {
			t.Errorf("%s: %q, want %q", name, got[name], want)
		}
	}
}

// TestIdentityFamilies: titles of templates beyond the shared ones — the
// department between the year and the kind, a cover naming only the region
// (the unit on a 预算单位 line, or opening its responsibilities), party
// organs, street offices' 本级, a title over three lines.
// A page of a budget's explanation, cut from its PDF, has no title: its
// numbered headings and its sentences that open with the year name no
// department, and none is taken for one: the department is left untold.
func TestNoTitleInBody(t *testing.T) {
	text := "公用经费 71339.2 元,主要包括:办公费。\n七、一般公共预算“三公”经费情况说明\n(一)2023 年单位预算全口径安排的“三公”经费预算情\n况。\n2023 年单位预算全口径安排“三公”经费支出预算 0元,\n同比无变化。"
	if doc, err := Extract(&ingest.Text{Path: "p.txt", Lines: strings.Split(text, "\n")}, "p", Hints{}); err == nil && !untold(doc, schema.UnknownDepartment) {
		t.Errorf("a page without a title gave %q", doc.Department.Name)
	}
}

// A text that is only its contents has no title: its numbered headings give
// the year and kind when they all agree, and the department where a heading
// names it before the year or the entries of its tables do (…汇总, …本级).
// Headings that disagree, entries of two names, or a heading's name that
// ends like none give nothing.
func TestContentsIdentity(t *testing.T) {
	for _, c := range []struct {
		text, name string
		year       int
	}{
		{"目录\n一、 某市农业技术服务中心基本情况\n(一)单位职责\n二、某市农业技术服务中心2021年度部门决算表\n(一)收入支出决算总表", "某市农业技术服务中心", 2021},
		{"目录\n一、单位基本情况\n三、2019年部门决算收支情况说明\n五、2019年部门决算公开表(汇总及本级)\n(一)某县林业局汇总\n1、收入支出决算总表\n(二)某县林业局本级\n1、收入支出决算总表", "某县林业局", 2019},
		{"目录\n三、2019年部门决算收支情况说明\n五、2018年部门决算公开表\n(一)某县林业局汇总", "", 0},
		{"目录\n三、2019年部门决算收支情况说明\n五、2019年单位预算公开表\n(一)某县林业局汇总", "", 0},
		{"目录\n三、2019年部门决算收支情况说明\n(一)某县林业局汇总\n(二)某县水利局本级", "", 0},
		{"目录\n二、全县2021年度部门决算表\n(一)收入支出决算总表", "", 0},
	} {
		doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: strings.Split(c.text, "\n")}, "c", Hints{})
		switch {
		case c.name == "" && err == nil:
			t.Errorf("%q: gave %q, want none", c.text, doc.Department.Name)
		case c.name == "":
		case err != nil:
			t.Errorf("%q: %v", c.text, err)
		case doc.Department.Name != c.name || doc.Document.FiscalYear != c.year || doc.Document.Kind != schema.KindFinalAccounts:
			t.Errorf("%q: %q %d %s", c.text, doc.Department.Name, doc.Document.FiscalYear, doc.Document.Kind)
		}
	}
}

// embeddedTitle: a table's title or a sentence holding year, name and kind
// is no title; nor is a name that opens with no region.
func TestEmbeddedTitleNone(t *testing.T) {
	for _, l := range []string{"附表 2021年度某某县自然资源局部门决算表 单位:万元", "2021年度某某县自然资源局部门决算收入为120万元。", "分享到: 2021年度自然资源局部门决算 发布时间:2022-08-18"} {
		if id := embeddedTitle(compactLines(foldAll([]string{l}))); id.year != 0 {
			t.Errorf("%q: %+v", l, id)
		}
	}
}

// A text with no title and no contents (a web page's body alone): the
// year is the one of every sentence stating a total, the kind the one the
// headings naming the report (or those sentences) give, the department the
// subject of the overview's first sentence or the name defined with its
// short form; the body on one line reads the same. Years or kinds that
// disagree, no kind, or an overview whose subject is no regional name give
// nothing.
func TestBodyIdentity(t *testing.T) {
	final := "一、部门基本情况\n(一)某某市某某区人民检察院是国家法律监督机关,依法履行职责。\n二、部门决算情况说明\n(一)收入支出决算总体情况说明\n本部门2016年度收入总计6955.73万元,支出总计6954.57万元。与2015年决算数相比,收入增加950.05万元。"
	budget := "一、部门基本概况\n1、职能职责\n主要负责:某某市某某区疾病预防控制中心是全额拨款事业单位。\n二、部门收支总体情况\n2018年部门预算收入为一般公共预算收入120.71万元。\n(一)收入预算,2018年年初预算数120.71万元。\n四、其他重要事项的情况说明\n2018年本级的机关运行经费6.83万元,比2017年预算减少2.69万元。"
	defined := "一、部门基本情况\n(一)职能职责\n某某商务区管理委员会(以下简称“本部门”)为区政府派出机构。\n本部门设5个内设机构。\n二、部门决算情况说明\n1.总体情况。2021年度收入总计21,066.67万元,支出总计21,066.67万元。"
	// a page's body on one line, long enough for ingest to break it at its headings
	duties := "\n" + strings.Repeat("负责辖区内的有关工作,完成上级交办的其他任务。", 12)
	oneLine := func(s string) string { return strings.ReplaceAll(s+duties, "\n", " ") }
	clinic := "一、基本职能\n我院是一所基层医疗卫生机构。\n三、收支决算总体情况\n2017年某市某区某镇卫生院本年收入合计597.52万元。\n2017年某市某区某镇卫生院本年支出合计525.54万元。\n四、财政拨款收入支出决算总体情况说明\n某市某区某镇卫生院2017年度财政拨款收入决算总计177.28万元。"
	school := "一、单位概况\n某某县某镇复兴小学是一所完全制小学。\n二、收支预算总体情况\n2019年财政一般收入预算总额为658.6637万元。\n三、财政拨款支出预算情况"
	// the department in its parts' headings, its total as 收支总预算 after its short name
	parts := "第一部分某某省机关事务管理局概况\n一、主要职能\n负责某某工作。\n第二部分某某省机关事务管理局部门预算安排情况说明\n一、部门收支预算总体情况\n机管局2013年收支总预算4,471.22万元,比2012年预算增加755.18万元。"
	for _, c := range []struct {
		text, name string
		year       int
		kind       string
	}{
		{final, "某某市某某区人民检察院", 2016, schema.KindFinalAccounts},
		{oneLine(final), "某某市某某区人民检察院", 2016, schema.KindFinalAccounts},
		{budget, "某某市某某区疾病预防控制中心", 2018, schema.KindBudget},
		{parts, "某某省机关事务管理局", 2013, schema.KindBudget},
		{oneLine(budget), "某某市某某区疾病预防控制中心", 2018, schema.KindBudget},
		{defined, "某某商务区管理委员会", 2021, schema.KindFinalAccounts},
		{oneLine(defined), "某某商务区管理委员会", 2021, schema.KindFinalAccounts},
		// two years of totals, or no kind: no identity
		{final + "\n2017年度支出总计6954.57万元。", "", 0, ""},
		// the year's budget stated in its 决算: the totals' sentences name two
		// reports, but every figure is the year's, the headings' kind 决算
		{final + "\n2016年部门预算收入为6955.73万元。", "某某市某某区人民检察院", 2016, schema.KindFinalAccounts},
		{strings.NewReplacer("二、部门决算情况说明", "二、收支情况说明", "决算总体", "总体", "2015年决算数", "2015年").Replace(final), "", 0, ""},
		// … but for the year's total set against the year before's 决算数: a 决算
		{strings.NewReplacer("二、部门决算情况说明", "二、收支情况说明", "决算总体", "总体").Replace(final), "某某市某某区人民检察院", 2016, schema.KindFinalAccounts},
		// no heading names the report, its sections' do ("收入支出决算总体情况说明");
		// sections of both kinds name none
		{strings.Replace(final, "二、部门决算情况说明", "二、收支情况说明", 1), "某某市某某区人民检察院", 2016, schema.KindFinalAccounts},
		{strings.Replace(final, "二、部门决算情况说明", "二、收支预算情况说明", 1), "", 0, ""},
		// the name after the year that opens the sentences, once before it
		{clinic, "某市某区某镇卫生院", 2017, schema.KindFinalAccounts},
		{oneLine(clinic), "某市某区某镇卫生院", 2017, schema.KindFinalAccounts},
		// a school's overview: "某县某镇某小学是一所完全制小学"
		{school, "某某县某镇复兴小学", 2019, schema.KindBudget},
		{oneLine(school), "某某县某镇复兴小学", 2019, schema.KindBudget},
		// … under a part's heading, the title naming no department
		{"第一部分 概况\n某某市第二实验小学是某某市教育局直属的财政全额拨款事业单位。\n第二部分\n2018年度部门决算报表\n第三部分 2018年度部门决算情况说明\n2018年度决算总收入1244.27万元,比2017年度决算总收入1058.51万元增加了185.76万元。",
			"某某市第二实验小学", 2018, schema.KindFinalAccounts},
	} {
		doc, err := Extract(&ingest.Text{Path: "b.txt", Lines: ingest.Lines(c.text)}, "b", Hints{})
		switch {
		case c.name == "" && err == nil:
			t.Errorf("%q: gave %q %d %s, want none", c.text, doc.Department.Name, doc.Document.FiscalYear, doc.Document.Kind)
		case c.name == "":
		case err != nil:
			t.Errorf("%q: %v", c.text, err)
		case doc.Department.Name != c.name || doc.Document.FiscalYear != c.year || doc.Document.Kind != c.kind:
			t.Errorf("%q: %q %d %s, want %q %d %s", c.text, doc.Department.Name, doc.Document.FiscalYear, doc.Document.Kind, c.name, c.year, c.kind)
		}
	}
	// an overview's subject that is no department's regional name: the
	// department left out, the year and kind the body's
	self := strings.Replace(final, "某某市某某区人民检察院是", "本院是", 1)
	if doc, err := Extract(&ingest.Text{Path: "b.txt", Lines: ingest.Lines(self)}, "b", Hints{}); err != nil || doc.Department.Name != "" || !untold(doc, schema.UnknownDepartment) || doc.Document.FiscalYear != 2016 {
		t.Errorf("本院是…: %v %+v", err, doc)
	}
}

// A region's own organs summed by its finance bureau ("2021年区本级“三公”
// 经费预算", "市级", "全县") name no department: the figures are read, the
// name is left out.
func TestRegionLevelNamesNone(t *testing.T) {
	for _, level := range []string{"区本级", "市级", "全县"} {
		text := "按照区政府关于推进政府信息公开工作部署和要求,经汇总,2021年" + level + "一般公共预算中“三公”经费支出预算为4432万元," +
			"其中:因公出国(境)费用39万元,公务接待费323万元,公务用车购置及运行维护费4070万元。\n2021年" + level + "“三公”经费预算支出表\n单位:万元\n"
		doc, err := Extract(&ingest.Text{Path: "r.txt", Lines: ingest.Lines(text)}, "r", Hints{})
		if err != nil {
			t.Errorf("%s: %v", level, err)
			continue
		}
		if doc.Department.Name != "" || doc.ThreePublic == nil || doc.ThreePublic.Total == nil || *doc.ThreePublic.Total != 4432000000 {
			t.Errorf("%s: named %q, 三公 %+v (%v)", level, doc.Department.Name, doc.ThreePublic, doc.Document.FiscalYear)
		}
	}
}

// A region's 三公 total ("某某县2017年“三公”经费决算情况说明", run into its
// sentence after a table's pipes) tells the year and kind, and no
// department; its 决算汇总数 is the total.
func TestRegionTotalPage(t *testing.T) {
	body := "经某某县财政局汇总,2017年全县一般公共预算财政拨款“三公”经费支出决算汇总数为583.83万元,较2016年减少26.89万元。" +
		"其中:因公出国(境)费为0万元;公务接待费为201.25万元;公务用车购置及运行维护费为382.58万元。"
	for _, text := range []string{"某某县2017年“三公”经费决算情况说明\n" + body, "| | \n| 某某县2017年“三公”经费决算情况说明 " + body} {
		doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: ingest.Lines(text)}, "c", Hints{})
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if d := doc.Document; doc.Department.Name != "" || d.FiscalYear != 2017 || d.Kind != schema.KindFinalAccounts {
			t.Errorf("%q: %q %d %s, want no name, 2017 final_accounts", text, doc.Department.Name, d.FiscalYear, d.Kind)
		}
		if tp := doc.ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "5838300" {
			t.Errorf("%q: 三公 %+v", text, tp)
		}
	}
}

// A 三公 page whose title prints its year without 年 ("2016三公经费预算说明"),
// on its own line or run into its first sentence, tells the year and kind;
// 公务用车维护费 is the cars' operation, and 车辆维护费 among its parts (the
// cars' repairs) is no second amount of it.
func TestThreePublicYearWithoutNian(t *testing.T) {
	text := "2016三公经费预算说明\n三公经费:2016-公务接待费42万元,其中业务接待22万元,公务招待20万元。\n" +
		"公务用车维护费50000元,是我院行政小车开支,其中油料款20000元、保险费8000元,车辆维护费12000元其他费用10000元。\n"
	for _, s := range []string{text, strings.ReplaceAll(text, "\n", " ")} {
		doc, err := Extract(&ingest.Text{Path: "h.txt", Lines: ingest.Lines(s)}, "h", Hints{})
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		tp := doc.ThreePublic
		if d := doc.Document; d.FiscalYear != 2016 || d.Kind != schema.KindBudget || tp == nil || tp.Reception == nil || tp.Reception.Amount.String() != "420000" ||
			tp.VehicleOperation == nil || tp.VehicleOperation.Amount.String() != "50000" {
			t.Errorf("%q: %d %s, 三公 %+v", s, d.FiscalYear, d.Kind, tp)
		}
		for _, c := range doc.Claims {
			if c.Path == "/three_public/vehicle_operation" {
				t.Errorf("%q: a part read as the whole: %+v", s, c)
			}
		}
	}
}

func TestIdentityFamilies(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"2016年度上海市普陀区财政局部门决算说明\n一、部门职责", "上海市普陀区财政局"},
		{"上海市普陀区2026年区级单位预算\n预算单位：上海市普陀区长征镇人民政府\n目录", "上海市普陀区长征镇人民政府"},
		{"上海市普陀区2026年区级单位预算 预算单位:上海市普陀区某小学 目 录 一、单位主要职能", "上海市普陀区某小学"}, // a PDF's text on one line
		{"上海市普陀区2026年区级单位预算\n目录\n一、上海市普陀区图书馆主要职能\n负责文献借阅。", "上海市普陀区图书馆"},
		{"中共上海市普陀区委组织部\n2024年部门预算", "中共上海市普陀区委组织部"},
		{"上海市普陀区人民政府石泉路街道办事处（本级）2024年单位预算", "上海市普陀区人民政府石泉路街道办事处(本级)"},
		{"2024年度\n中共重庆市委宣传部\n部门预算\n目录", "中共重庆市委宣传部"},
		// a unit under its 主管部门 is the unit's; the department's units stay the department's
		{"随州市卫生健康委员会所属随州市卫生监督所2024年单位预算\n目录", "随州市卫生监督所"},
		{"随州市卫生健康委员会所属事业单位2024年单位预算\n目录", "随州市卫生健康委员会所属事业单位"},
		{"单位名称：随州市第一中学\n2024年单位预算\n目录", "随州市第一中学"},
		{"2024年单位预算公开\n主管部门：随州市教育局\n单位名称：随州市第一中学\n目录", "随州市第一中学"},
		{"随州市教育局\n2024年单位预算\n单位名称：随州市第一中学\n目录", "随州市第一中学"},
		{"随州市第一中学2024年单位预算\n单位名称：第一中学\n目录", "随州市第一中学"},
		// a 部门综合预算 is a department budget; a numbered heading of the body is no title
		{"某市科学技术协会2024年部门综合预算公开说明\n第二部分 五、2024 年部门预算收支说明 收支情况", "某市科学技术协会"},
		{"某市档案馆2023年单位预算\n七、“三公”经费情况说明\n(一)2023 年单位预算全口径安排的“三公”经费预算情况。", "某市档案馆"},
		// a 三公 page of the democratic parties' or the 工商联's collective organ
		{"某市各民主党派2018年三公经费预算情况说明\n1、因公出国(境)费用0万元。", "某市各民主党派"},
		{"某县工商联2019年“三公”经费决算情况说明\n1、因公出国(境)费用0万元。", "某县工商联"},
		// … with no title, its one sentence opening with the name and the year
		{"某某镇2020年“三公”经费决算数共计35.5万元,比上年决算数字下降34.26%;其中公务接待费15.5万元,公务用车运行维护费20万元。", "某某镇"},
		// Hebei's 部门及单位预算: the department's, its units' with it
		{"青山市行政审批局2022年部门及单位预算信息公开\n部门预算收支总表", "青山市行政审批局"},
		// a CMS title naming the office, then its county again before the year
		{"青山县人民政府办公室青山县2023年度部门决算公开\n青山县人民政府办公室\n2023年部门决算\n目录", "青山县人民政府办公室"},
		// no title: a township named by a metadata field and one sentence of its duties
		{"| 公开方式 | 主动公开 | 所属机构 | 青山县石门乡 | 责任部门 | 石门乡人民政府 |\n目 录\n第一部分 单位概况\n一、部门职责\n" +
			"石门乡党政机构主要有党委和政府,党委领导政府工作。石门乡人民政府是基层国家行政机关。\n第三部分 2022年度部门决算情况说明", "石门乡人民政府"},
	} {
		doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: strings.Split(c.text, "\n")}, "i", Hints{})
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if doc.Department.Name != c.name {
			t.Errorf("%q: %q, want %q", c.text, doc.Department.Name, c.name)
		}
	}
}

// TestHeadedSentencesOneLine: a web page's body on one line runs each
// numbered heading into the sentence under it; the sentences that open
// with the unit's name after their heading's words name it, and a heading's
// word (机构设置情况) is no part of the name of the sentence after it.
func TestHeadedSentencesOneLine(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"2024年度部门决算情况说明 第一部分 部门概况 一、部门职责 青山县石门中学是一所九年一贯制学校,担负着初中义务教育。二、机构设置 青山县石门中学为全额拨款事业单位。", "青山县石门中学"},
		{"第一部分 2023年度单位预算情况说明 一、单位情况说明 (一)本单位性质、职责等情况 青山市卫生健康委员会宣传教育中心是公益一类事业单位。" +
			"(二)机构设置情况 中心内设7个职能科室。(三)人员编制及实有情况 青山市卫生健康委员会宣传教育中心事业编制35人。", "青山市卫生健康委员会宣传教育中心"},
	} {
		doc, err := Extract(&ingest.Text{Path: "o.txt", Lines: ingest.Lines(c.text)}, "o", Hints{})
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if doc.Department.Name != c.name {
			t.Errorf("%q: %q, want %q", c.text, doc.Department.Name, c.name)
		}
	}
	if n, _ := establishedName([]string{"(二)机构设置情况中心内设7个职能科室,分别为办公室。"}); n != "" {
		t.Errorf("机构设置情况 run into its sentence named %q", n)
	}
}

// TestAppropriationsProject: where every yuan is an appropriation of the
// general budget, its project expenditure is the project expenditure; where
// another fund is money too, it is that fund's share's only.
func TestAppropriationsProject(t *testing.T) {
	text := "青山县政协2022年度部门预算\n1、收入预算编制情况:2022年收入预算455.04万元。其中:一般公共预算拨款455.04万元。\n" +
		"2、基本支出编制情况:2022年基本支出332.04万元。\n3、一般公共预算项目支出编制情况:2022年一般公共预算项目支出123万元。\n"
	doc, err := Extract(&ingest.Text{Path: "p.txt", Lines: strings.Split(text, "\n")}, "p", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Expenditure.Project; p == nil || p.Amount.String() != "1230000" {
		t.Errorf("一般公共预算项目支出 of a budget all appropriations: %+v", p)
	}
	mixed := strings.Replace(text, "其中:一般公共预算拨款455.04万元。", "其中:一般公共预算拨款355.04万元,政府性基金预算拨款100万元。", 1)
	doc, err = Extract(&ingest.Text{Path: "m.txt", Lines: strings.Split(mixed, "\n")}, "m", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Expenditure.Project; p != nil {
		t.Errorf("one fund's projects read as all the projects: %+v", p)
	}
}

// TestZeroPhrasings: nil stated in words gives zeros; a template's
// instruction ("无…的部门，作下述说明") does not; a label's typo is read.
func TestZeroPhrasings(t *testing.T) {
	text := "某区某局2024年部门预算\n一、收支总体情况\n收入预算总额 305.63 万元。\n二、“三公”经费\n2024年“三公”经费均为0。\n" +
		"三、其他\n本部门无机关运行经费。\n本部门政府性基金预算拨款支出预算为0。\n"
	doc, err := Extract(&ingest.Text{Path: "z.txt", Lines: strings.Split(text, "\n")}, "z", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Revenue.Total == nil || doc.Revenue.Total.String() != "3056300" {
		t.Errorf("revenue total after a heading ending 情况: %v", doc.Revenue.Total)
	}
	if tp := doc.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != 0 || tp.Reception == nil || tp.Reception.Amount != 0 {
		t.Errorf("三公 均为0: %+v", tp)
	}
	if doc.OperatingCosts == nil || doc.OperatingCosts.Amount != 0 || doc.GovernmentFund == nil || doc.GovernmentFund.Amount != 0 {
		t.Errorf("operating costs %v, fund %v: want zeros", doc.OperatingCosts, doc.GovernmentFund)
	}
	template := "上海市XX局2024年部门决算\n无机关运行经费支出的部门，作下述说明：\n上海市 XX 局 2024 年度无机关运行经费支出。\n"
	doc, err = Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(template, "\n")}, "t", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.OperatingCosts != nil {
		t.Errorf("a template's instruction read as a zero: %+v", doc.OperatingCosts)
	}
	all := "某局2024年部门预算\n2024年“三公”经费预算均为0万元。\n本部门2024年机关运行经费均为0.00万元。\n"
	doc, _ = Extract(&ingest.Text{Path: "a.txt", Lines: strings.Split(all, "\n")}, "a", Hints{})
	if tp := doc.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != 0 || tp.Vehicle == nil || doc.OperatingCosts == nil || doc.OperatingCosts.Amount != 0 {
		t.Errorf("均为0万元: 三公 %+v, operating costs %+v", tp, doc.OperatingCosts)
	}
	if saysZero("均为0.5万元") || !saysZero("均为0.00万元") || !saysZero("预算为0。") || saysZero("预算为0.8万元") {
		t.Error("saysZero tells a zero from a small amount wrong")
	}
	typo := "某局2024年部门预算\n“三公”经费预算数为12万元，其中：因公出国（境）费0万元，公务接待费2万元，公务车用车运行费10万元，公务用车购置费0万元。\n"
	doc, _ = Extract(&ingest.Text{Path: "y.txt", Lines: strings.Split(typo, "\n")}, "y", Hints{})
	if tp := doc.ThreePublic; tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount.String() != "100000" {
		t.Errorf("公务车用车运行费: %+v", tp)
	}
	// spent (开支) is the total's word; 无公款出国(境) the overseas travel's zero
	spent := "某法院2014年三公经费决算\n我院2014年三公经费开支53.65万元,其中公务接待费 3.02万元,公务用车购置及运行维护费 50.63万元。严格执行公款出国(境)申报审批制度,无公款出国(境)。\n"
	doc, _ = Extract(&ingest.Text{Path: "s.txt", Lines: strings.Split(spent, "\n")}, "s", Hints{})
	if tp := doc.ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "536500" || tp.OverseasTravel == nil || tp.OverseasTravel.Amount.String() != "0" {
		t.Errorf("开支 and 无公款出国(境): %+v", tp)
	}
}

// The cars' whole named by both parts' labels joined ("公务用车运行维护费及
// 公务用车购置费") is the whole, not its last part; the parts stated after it
// are the parts.
func TestJoinedCarLabels(t *testing.T) {
	for _, c := range []struct{ whole, parts, purchase string }{
		{"公务用车运行维护费及公务用车购置费", "(其中,公务用车运行维护费150万元;公务用车购置费20万元)", "200000"},
		{"公务用车运行维护费及公务用车购置费", "", ""},
		{"公车购置费和运行费", "", ""},
	} {
		text := "某局2024年部门预算\n“三公”经费预算为200万元,其中:公务接待费20万元;" + c.whole + "170万元" + c.parts + ";因公出国(境)费用10万元。\n"
		doc, _ := Extract(&ingest.Text{Path: "j.txt", Lines: strings.Split(text, "\n")}, "j", Hints{})
		tp := doc.ThreePublic
		if tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount.String() != "1700000" {
			t.Errorf("%s: the whole %+v", c.whole, tp)
			continue
		}
		if got := tp.VehiclePurchase; c.purchase == "" && got != nil || c.purchase != "" && (got == nil || got.Amount.String() != c.purchase) {
			t.Errorf("%s%s: purchase %+v, want %q", c.whole, c.parts, got, c.purchase)
		}
	}
}

// A budget that splits its expenditure by use in one sentence gives each
// part it prints — 公用支出 the public expenses, 项目支出 the project
// expenditure, 人员支出 the personnel when no 对个人和家庭补助 is listed
// beside it (or one of 0) — when the parts add up to the sentence's total;
// the basic expenditure, which it does not print, stays absent.
func TestSplitByUse(t *testing.T) {
	text := "某所2016年部门预算\n2016年,某所收入预算为357.68万元，其中：一般公共预算拨款357.68万元。\n" +
		"相应安排支出预算357.68万元，其中：人员支出272.98万元，公用支出30.70万元，项目支出54万元。\n"
	d := extractLines(t, text)
	e := d.Expenditure
	if e.Basic != nil || e.Personnel == nil || e.Personnel.Amount != schema.Yuan(2729800) || e.PublicExpenses == nil ||
		e.PublicExpenses.Amount != schema.Yuan(307000) || e.Project == nil || e.Project.Amount != schema.Yuan(540000) {
		t.Errorf("basic %+v personnel %+v public %+v project %+v", e.Basic, e.Personnel, e.PublicExpenses, e.Project)
	}
	if src := d.Provenance["/expenditure/public_expenses/amount"]; src.Line != 3 {
		t.Errorf("public expenses from line %d, want 3", src.Line)
	}
	zero := strings.Replace(text, "人员支出272.98万元，", "人员支出272.98万元，对个人和家庭补助支出0万元，", 1)
	if e := extractLines(t, zero).Expenditure; e.Personnel == nil || e.Personnel.Amount != schema.Yuan(2729800) {
		t.Errorf("对个人和家庭补助 of 0: personnel %+v", e.Personnel)
	}
	// 对个人和家庭补助 listed: 人员经费 is 人员支出 and it together, not printed
	household := strings.Replace(text, "人员支出272.98万元", "人员支出262.98万元，对个人和家庭补助支出10万元", 1)
	d = extractLines(t, household)
	if e := d.Expenditure; e.Personnel != nil || e.Basic != nil || e.PublicExpenses == nil || e.PublicExpenses.Amount != schema.Yuan(307000) {
		t.Errorf("对个人和家庭补助 listed: personnel %+v basic %+v public %+v", e.Personnel, e.Basic, e.PublicExpenses)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || w.Line == 3 && strings.Contains(w.Reason, "personnel (人员经费) is the two together")
	}
	if !warned {
		t.Errorf("no warning says why personnel is left out: %+v", d.Warnings)
	}
	for name, other := range map[string]string{
		"parts not adding up": strings.Replace(text, "公用支出30.70万元", "公用支出31.70万元", 1),
		"another amount":      strings.Replace(text, "项目支出54万元。", "项目支出54万元，其他支出3万元。", 1),
		"no total":            strings.Replace(text, "相应安排支出预算357.68万元，其中：", "其中：", 1),
		"a revenue's total":   strings.Replace(text, "相应安排支出预算357.68万元，其中：", "收入预算357.68万元，其中：", 1),
	} {
		if e := extractLines(t, other).Expenditure; e.Personnel != nil || e.PublicExpenses != nil {
			t.Errorf("%s: personnel %+v public %+v", name, e.Personnel, e.PublicExpenses)
		}
	}
}

// A split by use that adds up to less than the total its sentence states
// is kept as sum claims where one misprint of one figure, changed back,
// closes the gap (sum.text compares them); a gap no misprint explains (a
// part left unsaid) keeps none, and neither does a split against a total
// stated elsewhere (it may leave a fund out).
func TestSplitByUseShort(t *testing.T) {
	text := "某所2016年部门预算\n相应安排支出预算357.68万元，其中：人员支出271.98万元，公用支出30.70万元，项目支出54万元。\n"
	sums := func(text string) map[string]float64 {
		out := map[string]float64{}
		for _, cl := range extractLines(t, text).Claims {
			if cl.Kind == schema.ClaimSum {
				out[cl.Path] = cl.Value
			}
		}
		return out
	}
	want := map[string]float64{"/text/2/uses": 3576800, "/text/2/uses/1": 2719800, "/text/2/uses/2": 307000, "/text/2/uses/3": 540000}
	if got := sums(text); !maps.Equal(got, want) {
		t.Errorf("sum claims %v, want %v", got, want)
	}
	// 54 万元 printed whole may be 53.5 to 54.5: the misprint changed back
	// need only close the gap within the figures' rounding
	if got := sums(strings.Replace(text, "357.68", "357.98", 1)); len(got) != 4 {
		t.Errorf("a misprint beside the rounding: sum claims %v", got)
	}
	for name, other := range map[string]string{
		"a gap no misprint explains":  strings.Replace(text, "271.98", "260.45", 1),
		"a gap the rounding explains": strings.Replace(text, "357.68", "357.08", 1),
		"a total stated elsewhere": "某市某局2021年部门预算\n2021年收支总预算600万元，收入包括：一般公共预算拨款收入600万元；支出包括：一般公共服务支出600万元。\n" +
			"2.按支出用途分类，包括人员支出200万元，日常公用支出50万元，项目支出250万元。\n",
	} {
		if got := sums(other); len(got) != 0 {
			t.Errorf("%s: sum claims %v", name, got)
		}
	}
}

// A split by use with no total of its own ("按支出用途分类，包括人员支出…")
// is read against the expenditure's total stated before it; parts that do
// not make that total are not read.
func TestSplitByUseAgainstTotal(t *testing.T) {
	text := "某市某局2021年部门预算\n2021年收支总预算600万元，收入包括：一般公共预算拨款收入600万元；支出包括：一般公共服务支出600万元。\n" +
		"2.按支出用途分类，包括人员支出300万元，日常公用支出50万元，项目支出250万元。\n"
	e := extractLines(t, text).Expenditure
	if e.Personnel == nil || e.Personnel.Amount != schema.Yuan(3000000) || e.PublicExpenses == nil ||
		e.PublicExpenses.Amount != schema.Yuan(500000) || e.Project == nil || e.Project.Amount != schema.Yuan(2500000) || e.Basic != nil {
		t.Errorf("basic %+v personnel %+v public %+v project %+v", e.Basic, e.Personnel, e.PublicExpenses, e.Project)
	}
	off := strings.Replace(text, "日常公用支出50万元", "日常公用支出60万元", 1)
	if e := extractLines(t, off).Expenditure; e.Personnel != nil || e.PublicExpenses != nil {
		t.Errorf("parts not making the total: personnel %+v public %+v", e.Personnel, e.PublicExpenses)
	}
}

// A budget's revenue listed in one sentence gives what it carries over and
// the sources the other labels do not read (基金预算财政拨款, 财政专户拨款),
// when every amount of the list has its label and they add up to the
// revenue total the sentence states.
func TestRevenueSplit(t *testing.T) {
	text := "某镇2018年部门预算\n2018年,某镇收入预算为1290.90万元，其中：一般公共预算拨款1140.03万元，基金预算财政拨款0万元,财政专户拨款0万元,财政代管资金拨款0万元，单位其他收入0万元,单位结余结转资金150.87万元。\n"
	r := extractLines(t, text).Revenue
	sources := map[string]schema.Named{}
	for _, s := range r.Sources {
		sources[s.Name] = s
	}
	if r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(1508700) || sources["政府性基金"].PartOf != "财政拨款" ||
		sources["政府性基金"].Amount != 0 || len(r.Sources) != 4 || sources["财政专户管理资金"].Name == "" {
		t.Errorf("carried over %v, sources %+v", r.CarriedOver, r.Sources)
	}
	for name, other := range map[string]string{
		// market supervision 2016: 2333.03 stated, 2333.03 + 327.26 listed
		"parts not adding up": strings.Replace(text, "单位结余结转资金150.87万元", "单位结余结转资金327.26万元", 1),
		"an amount unnamed":   strings.Replace(text, "财政代管资金拨款0万元", "0万元", 1),
		"no 其中":               strings.Replace(text, "1290.90万元，其中：", "1290.90万元。", 1),
	} {
		r := extractLines(t, other).Revenue
		for _, s := range r.Sources {
			if s.Name == "政府性基金" || s.Name == "财政专户管理资金" {
				t.Errorf("%s: source %+v", name, s)
			}
		}
		if r.CarriedOver != nil {
			t.Errorf("%s: carried over %v", name, *r.CarriedOver)
		}
	}
}

// A final accounts' 财政拨款收入 with its 政府性基金 part ("其中政府性基金
// 21万元") gives that source; the words after another amount do not.
func TestFundOfAppropriations(t *testing.T) {
	text := "某局2016年度部门决算\n（一）2016本年收入 3,379.46 万元，具体情况如下：1. 财政拨款收入 3358.32 万元，其中政府性基金 21万元。\n6. 其他收入21.14 万元。\n"
	var fund *schema.Named
	for _, s := range extractLines(t, text).Revenue.Sources {
		if s.Name == "政府性基金" {
			fund = &s
		}
	}
	if fund == nil || fund.Amount != schema.Yuan(210000) || fund.PartOf != "财政拨款" {
		t.Errorf("政府性基金 = %+v", fund)
	}
	other := strings.Replace(text, "1. 财政拨款收入 3358.32 万元，其中政府性基金 21万元。\n6. 其他收入21.14 万元。",
		"1. 财政拨款收入 3358.32 万元。\n6. 其他收入21.14 万元，其中政府性基金 21万元。", 1)
	for _, s := range extractLines(t, other).Revenue.Sources {
		if s.Name == "政府性基金" {
			t.Errorf("the part of another source read: %+v", s)
		}
	}
}

// Before 2015 一般公共预算 was 公共财政预算: "公共财政拨款收入X" is that
// source (not the whole 财政拨款), "公共财政拨款支出" no source.
func TestPublicFinanceWording(t *testing.T) {
	text := "某局2015年部门预算\n收入预算总计500万元，其中：公共财政拨款收入480万元，其他收入20万元。\n公共财政拨款支出480万元。\n"
	sources := map[string]schema.Named{}
	for _, s := range extractLines(t, text).Revenue.Sources {
		sources[s.Name] = s
	}
	if s, ok := sources["一般公共预算"]; !ok || s.Amount != schema.Yuan(4800000) {
		t.Errorf("sources %+v", sources)
	}
	if s, ok := sources["财政拨款"]; ok {
		t.Errorf("公共财政拨款收入 read as all appropriations: %+v", s)
	}
	spent := "某局2015年部门预算\n收入预算总计500万元。\n2015年公共财政拨款支出480万元。\n"
	if s := extractLines(t, spent).Revenue.Sources; len(s) != 0 {
		t.Errorf("an expenditure read as a source: %+v", s)
	}
}

// "财政拨款收、支预算 9,066.79 万元" (Jiangsu 2017) states the
// appropriations' total.
func TestFiscalTotalWording(t *testing.T) {
	text := "某厅2017年部门预算\n某厅2017年度财政拨款收、支预算 9,066.79 万元。与上年相比，财政拨款收、支总计各增加 498.72 万元。\n"
	if f := extractLines(t, text).Revenue.FiscalTotal; f == nil || *f != schema.Yuan(90667900) {
		t.Errorf("fiscal total %v", f)
	}
	if f := extractLines(t, strings.Replace(text, "收、支预算 9,066.79", "收、支预算增加 9,066.79", 1)).Revenue.FiscalTotal; f != nil {
		t.Errorf("a change read as the total: %v", *f)
	}
}

// The totals are stated as 收支总计 in more words than 收入总计 and 支出总计:
// "收、支总计各…", "收入、支出总计", "收支决算总计", "收支总预算" (Sichuan's and
// other provinces' 决算 and budgets). The appropriations' own 收支总计 is not
// the total, and a change is not the amount.
func TestCombinedTotalsWording(t *testing.T) {
	for _, w := range []string{"收、支总计各", "收支总计", "收入、支出总计", "收入、支出决算总计", "收支决算总计", "收、支决算总计", "部门收支总预算", "收支预算总计"} {
		text := "某某局2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度" + w + "186,543.21万元。与2022年相比，增加12,345.67万元，增长7.09%。\n"
		d := extractLines(t, text)
		if r, e := d.Revenue.Total, d.Expenditure.Total; r == nil || e == nil || *r != schema.Yuan(1865432100) || *e != *r {
			t.Errorf("%s: revenue %v, expenditure %v", w, r, e)
		}
	}
	for _, w := range []string{"财政拨款收支总计", "收、支总计各增加", "一般公共预算财政拨款收、支总计"} {
		d := extractLines(t, "某某局2023年度部门决算\n2023年度"+w+"186,543.21万元。\n")
		if r, e := d.Revenue.Total, d.Expenditure.Total; r != nil || e != nil {
			t.Errorf("%s read as the total: revenue %v, expenditure %v", w, r, e)
		}
	}
}

// A sentence that opens with its comparison ("比上年支出决算221.17万元减少
// 15.9万元") speaks of the one figure the sentence before it states; after
// a sentence of two figures it speaks of neither.
func TestComparisonOpensNextSentence(t *testing.T) {
	d := extractLines(t, "某所2016年度部门决算\n2、2016年支出决算205.27万元。比上年支出决算221.17万元减少15.9万元,减少率为7.19%,主要是人员退休经费减少。\n")
	if e := d.Expenditure; e.Total == nil || *e.Total != schema.Yuan(2052700) || e.PriorYear == nil || *e.PriorYear != schema.Yuan(2211700) {
		t.Errorf("expenditure %v, prior %v", e.Total, e.PriorYear)
	}
	d = extractLines(t, "某所2016年度部门决算\n2016年基本支出200万元，项目支出5.27万元。比上年减少15.9万元。\n")
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimChange || c.Kind == schema.ClaimPriorYear {
			t.Errorf("a comparison after two figures taken for one: %+v", c)
		}
	}
}

// The report's own kind before a total ("2020年部门预算收入总计", "预算支出
// 总计") qualifies nothing; a fund's ("政府性基金预算收入总计") does.
func TestReportKindBeforeTotals(t *testing.T) {
	for _, w := range []string{"部门预算", "预算", "单位预算"} {
		d := extractLines(t, "北京市某局2020年部门预算\n2020年"+w+"收入总计2,345.67万元，比上年增加45.67万元；2020年"+w+"支出总计2,345.67万元。\n")
		if r, e := d.Revenue.Total, d.Expenditure.Total; r == nil || e == nil || *r != schema.Yuan(23456700) || *e != *r {
			t.Errorf("%s收入总计: revenue %v, expenditure %v", w, r, e)
		}
	}
	if d := extractLines(t, "北京市某局2020年部门预算\n2020年政府性基金预算收入总计5.00万元。\n"); d.Revenue.Total != nil {
		t.Errorf("a fund's total read as the total: %v", *d.Revenue.Total)
	}
}

// Wordings of earlier and other budgets: 收支预算总额 for both totals, a
// budget's 部门预算收入/支出 as its totals (其中 its parts), 出国经费 as 因公出国(境)费.
func TestOtherBudgetWordings(t *testing.T) {
	d := extractLines(t, "某县财政局2016年部门预算\n2016年收支预算总额1,234.56万元。\n")
	if r, e := d.Revenue.Total, d.Expenditure.Total; r == nil || e == nil || *r != schema.Yuan(12345600) || *e != *r {
		t.Errorf("收支预算总额: revenue %v, expenditure %v", r, e)
	}
	d = extractLines(t, "某县财政局2016年部门预算\n2016年部门预算收入1,234.56万元，其中：公共财政拨款1,000.00万元，其他收入234.56万元。\n"+
		"2016年部门预算支出1,234.56万元，其中：基本支出1,000.00万元，项目支出234.56万元。\n"+
		"2016年三公经费预算12.34万元，其中：出国经费0万元，公务接待费2.34万元，公务用车购置及运行费10.00万元。\n")
	if r, e := d.Revenue.Total, d.Expenditure.Total; r == nil || e == nil || *r != schema.Yuan(12345600) || *e != *r {
		t.Errorf("部门预算收入/支出: revenue %v, expenditure %v", r, e)
	}
	if tp := d.ThreePublic; tp == nil || tp.OverseasTravel == nil || tp.OverseasTravel.Amount != 0 {
		t.Errorf("出国经费: %+v", tp)
	}
	// the department's name short of its region before the label is no
	// longer term's ("2019年复兴小学支出预算总额"); "一般收入预算总额" is one
	d = extractLines(t, "某某县某镇复兴小学2019年部门预算\n2019年财政一般收入预算总额为658.6637万元。\n2019年复兴小学支出预算总额为658.6637万元。\n")
	if r, e := d.Revenue.Total, d.Expenditure.Total; r != nil || e == nil || *e != schema.Yuan(6586637) {
		t.Errorf("支出预算总额 after the short name: revenue %v, expenditure %v", r, e)
	}
	// no project spending said in words; not of one fund
	d = extractLines(t, "某县某小学2019年部门预算\n基本支出100万元。\n项目支出:本年无项目预算。\n")
	if p := d.Expenditure.Project; p == nil || p.Amount != 0 {
		t.Errorf("无项目预算: project %+v", p)
	}
	if p := extractLines(t, "某县某小学2019年部门预算\n基本支出100万元。\n政府性基金预算支出:无项目支出。\n").Expenditure.Project; p != nil {
		t.Errorf("a fund's 无项目支出 read as the project spending: %+v", p)
	}
	// a 决算's 部门预算支出 is the budget it compares with, not its total
	if e := extractLines(t, "某县财政局2016年度部门决算\n2016年部门预算支出1,234.56万元。\n").Expenditure.Total; e != nil {
		t.Errorf("a 决算's 部门预算支出 read as its total: %v", *e)
	}
}

// The appropriations' total in the 决算 template's words ("财政拨款收入、支出
// 决算总计", "财政拨款收、支总计各") is the fiscal total, and its "支出总计" is
// not the expenditure's total.
func TestFiscalTotalCompoundWording(t *testing.T) {
	for _, w := range []string{"财政拨款收入、支出决算总计", "财政拨款收入、支出总计", "财政拨款收、支总计各", "财政拨款收支决算总计"} {
		d := extractLines(t, "某某局2023年度部门决算\n某某局2023年度"+w+"1,234.56万元。与2022年度相比，"+w+"增加10.00万元。\n")
		if f := d.Revenue.FiscalTotal; f == nil || *f != schema.Yuan(12345600) {
			t.Errorf("%s: fiscal total %v", w, f)
		}
		if d.Revenue.Total != nil || d.Expenditure.Total != nil {
			t.Errorf("%s read as the total: revenue %v, expenditure %v", w, d.Revenue.Total, d.Expenditure.Total)
		}
	}
}

// A 类 that begins the line after a heading ("（二）…结构情况" /
// "自然资源海洋气象等支出(类)2,500.00万元") is read like the others; a 款 of
// the same name beginning a line is not a 类.
func TestClassAfterHeading(t *testing.T) {
	text := "某局2024年部门预算\n（二）一般公共预算支出结构情况\n自然资源海洋气象等支出(类)2,500.00万元，占83.33%；社会保障和就业支出(类)300.00万元，占10.00%。\n"
	got := map[string]schema.Money{}
	for _, c := range extractLines(t, text).Expenditure.ByFunction {
		got[c.Code] = c.Amount
	}
	if got["220"] != schema.Yuan(25000000) || got["208"] != schema.Yuan(3000000) {
		t.Errorf("classes %v", got)
	}
	if c := extractLines(t, "某局2024年部门预算\n（二）结构情况\n一般公共服务支出(款)2,500.00万元。\n").Expenditure.ByFunction; len(c) != 0 {
		t.Errorf("a 款 read as a 类: %+v", c)
	}
}

// The 2024 template's "政府性基金预算拨款收入" and "国有资本经营预算拨款收入"
// are sources of the appropriations.
func TestFundSourceWording(t *testing.T) {
	text := "某局2024年部门预算\n收入预算3,300.00万元，其中：一般公共预算拨款收入3,000.00万元；政府性基金预算拨款收入300.00万元；国有资本经营预算拨款收入0万元。\n"
	got := map[string]schema.Named{}
	for _, s := range extractLines(t, text).Revenue.Sources {
		got[s.Name] = s
	}
	if s := got["政府性基金"]; s.Amount != schema.Yuan(3000000) {
		t.Errorf("政府性基金 %+v", got)
	}
	if s, ok := got["国有资本经营"]; !ok || s.Amount != 0 {
		t.Errorf("国有资本经营 %+v", got)
	}
}

// "收入总额…支出总额" state the totals, and a budget's "预算总收入…预算总
// 支出"; a 决算's 预算总支出 is the budget, and a 款's "总支出合计" a part.
func TestTotalAmountWording(t *testing.T) {
	for _, text := range []string{
		"某局2024年部门预算\n2024年部门收入总额为1,234.56万元；支出总额为1,234.56万元。\n",
		"某局2024年部门预算\n2024年度部门预算总收入1,234.56万元，预算总支出1,234.56万元。\n",
	} {
		d := extractLines(t, text)
		if r, e := d.Revenue.Total, d.Expenditure.Total; r == nil || e == nil || *r != schema.Yuan(12345600) || *e != *r {
			t.Errorf("%q: revenue %v, expenditure %v", text, r, e)
		}
	}
	for _, text := range []string{
		"某局2023年度部门决算\n2023年度预算总支出1,234.56万元，决算支出1,200.00万元。\n",
		"某局2024年部门预算\n检察(款)：2024年总支出合计16,444.36万元。\n",
		"某局2024年部门预算\n检察(款)：2024年预算支出合计16,444.36万元。\n",
	} {
		if e := extractLines(t, text).Expenditure.Total; e != nil {
			t.Errorf("%q: expenditure total %v", text, *e)
		}
	}
}

// 公车 and 运维 are the short words for the official vehicles' costs.
func TestVehicleShortWording(t *testing.T) {
	text := "某局2024年部门预算\n七、“三公”经费预算情况说明\n“三公”经费预算30.00万元。因公出国(境)经费0万元；公车购置及运维费25.00万元，其中公车购置费10.00万元、公车运维费15.00万元；公务接待费5.00万元。\n"
	tp := extractLines(t, text).ThreePublic
	if tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(250000) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(150000) ||
		tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != schema.Yuan(100000) {
		t.Errorf("vehicle %+v, purchase %+v, operation %+v", tp.Vehicle, tp.VehiclePurchase, tp.VehicleOperation)
	}
}

// A web page's 收支预算总表 with the 2024 template's row names (一般公共预算
// 拨款收入, 政府性基金预算拨款收入) gives its sources; the sentence about 三公
// right above the table's title is not part of the title.
func TestWebSummaryRowNames(t *testing.T) {
	page := `<html><head><title>某县司法局2024年部门预算公开</title></head><body>
<h1>某县司法局2024年部门预算公开</h1>
<p>一、收支预算总体情况说明</p><p>某县司法局2024年收入总计1,234.56万元，支出总计1,234.56万元。</p>
<p>2024年“三公”经费预算12.00万元，其中：因公出国（境）费0万元，公务接待费2.00万元，公务用车购置及运行维护费10.00万元。</p>
<p>表1 收支预算总表</p><p>单位：万元</p>
<table><tr><td>收入</td><td></td><td>支出</td><td></td></tr>
<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>一、一般公共预算拨款收入</td><td>1,134.56</td><td>一、一般公共服务支出</td><td>1,000.00</td></tr>
<tr><td>二、政府性基金预算拨款收入</td><td>100.00</td><td>二、公共安全支出</td><td>134.56</td></tr>
<tr><td>三、国有资本经营预算拨款收入</td><td></td><td>三、社会保障和就业支出</td><td>100.00</td></tr>
<tr><td>收入总计</td><td>1,234.56</td><td>支出总计</td><td>1,234.56</td></tr>
</table></body></html>`
	d := extractLines(t, ingest.HTMLText(page))
	got := map[string]schema.Money{}
	for _, s := range d.Revenue.Sources {
		got[s.Name] = s.Amount
	}
	if got["一般公共预算"] != schema.Yuan(11345600) || got["政府性基金"] != schema.Yuan(1000000) {
		t.Errorf("sources %v", got)
	}
	for _, c := range d.Coverage {
		if c.Part == "table" && c.Name != "表1收支预算总表" {
			t.Errorf("table named %q", c.Name)
		}
	}
}

// The 决算 template's 收入支出决算总表 numbers its rows (行次) and its
// columns (栏次): neither number is an amount, whether the table comes as
// layout text, one cell a line or a web page's table.
func TestRowNumbersAreNoAmounts(t *testing.T) {
	for _, f := range []string{"final-accounts-row-numbers.txt", "final-accounts-row-numbers-default.txt", "final-accounts-row-numbers.html"} {
		raw, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if strings.HasSuffix(f, ".html") {
			text = ingest.HTMLText(text)
		}
		d := extractLines(t, text)
		r, e := d.Revenue, d.Expenditure
		if r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(12000000) || r.CarriedOver == nil || *r.CarriedOver != schema.Yuan(1000000) ||
			e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(12500000) || e.CarriedForward == nil || *e.CarriedForward != schema.Yuan(500000) {
			t.Errorf("%s: revenue %+v, expenditure %+v", f, r, e)
		}
		classes := map[string]schema.Money{}
		for _, c := range e.ByFunction {
			classes[c.Code] = c.Amount
		}
		if len(classes) != 4 || classes["204"] != schema.Yuan(10000000) || classes["221"] != schema.Yuan(500000) {
			t.Errorf("%s: classes %v", f, classes)
		}
		if len(r.Sources) == 0 || r.Sources[0].Name != "一般公共预算" || r.Sources[0].Amount != schema.Yuan(12000000) {
			t.Errorf("%s: sources %+v", f, r.Sources)
		}
	}
}

// The 决算 template's 政府采购情况表 prints planned and actual amounts side
// by side; where its header is not the template's two blocks of six
// columns (here three each), which of its 合计 row's figures is the actual
// one is not known once blank cells are dropped, so the text's figure
// stands.
func TestPlannedAndActualProcurement(t *testing.T) {
	text := "某镇2017年度部门决算\n本部门2017年度政府采购支出总额4.50万元，其中：政府采购货物支出4.50万元。\n政府采购情况表\n金额单位：万元\n项目\n行次\n采购计划金额\n实际采购金额\n总计\n合计\n一般公共预算\n总计\n合计\n一般公共预算\n栏次\n1\n2\n3\n4\n5\n6\n合\n计\n1\n5.00\n5.00\n5.00\n4.50\n4.50\n4.50\n货物\n2\n5.00\n5.00\n5.00\n4.50\n4.50\n4.50\n"
	d := extractLines(t, text)
	if d.Procurement == nil || d.Procurement.Amount != schema.Yuan(45000) {
		t.Errorf("procurement %+v", d.Procurement)
	}
	found := false
	for _, w := range d.Warnings {
		found = found || strings.Contains(w.Reason, "planned and actual")
	}
	if !found {
		t.Errorf("no warning says why the table is not used: %+v", d.Warnings)
	}
}

// The 决算 template's 三公 table prints every part under 预算数, then every
// part again under 决算数, with the columns numbered 1 … 12 below the
// header: read by column (layout) and by the parts' sums (one cell a line).
func TestThreePublicGroupedBudgetAndFinal(t *testing.T) {
	for _, f := range []string{"three-public-final-grouped.txt", "three-public-final-grouped-default.txt"} {
		raw, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		tp := extractLines(t, string(raw)).ThreePublic
		want := map[string][2]int64{"reception": {23400, 30000}, "vehicle_operation": {100000, 120000}, "overseas_travel": {0, 0}}
		got := map[string]*schema.Figure{"reception": tp.Reception, "vehicle_operation": tp.VehicleOperation, "overseas_travel": tp.OverseasTravel}
		for k, w := range want {
			g := got[k]
			if g == nil || g.Amount != schema.Yuan(w[0]) || g.Budgeted == nil || *g.Budgeted != schema.Yuan(w[1]) {
				t.Errorf("%s: %s %+v, want %v", f, k, g, w)
			}
		}
		if tp.Total == nil || *tp.Total != schema.Yuan(123400) || tp.Budgeted == nil || *tp.Budgeted != schema.Yuan(150000) {
			t.Errorf("%s: total %v, budgeted %v", f, tp.Total, tp.Budgeted)
		}
	}
}

// An appropriations' coded function table (一般公共预算财政拨款支出决算表)
// whose 类 add up to the whole year's expenditure gives the department's
// 类: no other money was spent. One whose 类 fall short gives none.
func TestClassesFromAppropriationsTableThatIsTheWhole(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "appropriations-function-final.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]schema.Money{}
	for _, c := range extractLines(t, string(raw)).Expenditure.ByFunction {
		got[c.Code] = c.Amount
	}
	if len(got) != 4 || got["204"] != schema.Yuan(9500000) || got["221"] != schema.Yuan(500000) {
		t.Errorf("classes %v", got)
	}
	more := strings.Replace(string(raw), "本年支出合计1,200.00万元，其中：基本支出900.00万元，项目支出300.00万元", "本年支出合计1,250.00万元", 1)
	if c := extractLines(t, more).Expenditure.ByFunction; len(c) != 0 {
		t.Errorf("an appropriations' part taken for the whole: %+v", c)
	}
}

// The 决算 template's basic-expenditure table lists every class, those that
// spent nothing blank (309, 399); an item named as its class (31099 其他
// 资本性支出) is no class. One cell a line, blank cells dropped.
func TestEconomicTableBlankClasses(t *testing.T) {
	cells := []string{"某镇2017年度部门决算", "一般公共预算财政拨款基本支出决算表", "金额单位：万元", "项", "目", "合", "计", "人员经费", "公用经费",
		"经济分类科目编码", "科目名称", "合", "计", "1,333.54", "1,042.69", "290.85",
		"301", "工资福利支出", "950.91", "950.91", "30101", "基本工资", "950.91", "950.91",
		"302", "商品和服务支出", "276.86", "276.86", "30201", "办公费", "276.86", "276.86",
		"303", "对个人和家庭的补助", "91.78", "91.78", "30305", "生活补助", "91.78", "91.78",
		"309", "基本建设支出", "30901", "房屋建筑物购建",
		"310", "其他资本性支出", "13.99", "13.99", "31002", "办公设备购置", "4.99", "4.99", "31099", "其他资本性支出", "9.00", "9.00",
		"399", "其他支出", "39999", "其他支出"}
	text := strings.Join(cells, "\n") + "\n"
	got := map[string]schema.Money{}
	for _, c := range extractLines(t, text).Expenditure.ByEconomic {
		got[c.Code] = c.Amount
	}
	want := map[string]schema.Money{"301": schema.Yuan(9509100), "302": schema.Yuan(2768600), "303": schema.Yuan(917800), "310": schema.Yuan(139900)}
	if !maps.Equal(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
	// an amount under a blank class (a row a line): the table is not whole
	layout := "某镇2017年度部门决算\n一般公共预算财政拨款基本支出决算表\n金额单位：万元\n经济分类科目编码    科目名称    合计    人员经费    公用经费\n" +
		"          合计              20.00     20.00\n301       工资福利支出      15.00     15.00\n30101     基本工资          15.00     15.00\n" +
		"309       基本建设支出\n30901     房屋建筑物购建     5.00      5.00\n"
	if c := extractLines(t, layout).Expenditure.ByEconomic; len(c) != 0 {
		t.Errorf("a row with an amount under a blank class: classes %+v", c)
	}
}

// A class whose name is short once 支出 is dropped (教育, 农林水) is read
// where the text marks it （类）, and only there.
func TestShortClassNames(t *testing.T) {
	d := extractLines(t, `某省某厅
2019 年度部门预算公开
某省某厅 2019 年度收入、支出预算总计 150.00 万元。
1．教育（类）支出 100.00 万元，主要用于人员支出。
2．农林水（类）支出 50.00 万元，主要用于人员支出。
教育 30.00 万元用于培训。`)
	var got []string
	for _, c := range d.Expenditure.ByFunction {
		got = append(got, fmt.Sprintf("%s %s", c.Code, c.Amount))
	}
	if strings.Join(got, ", ") != "205 1000000, 213 500000" {
		t.Errorf("by_function = %v", got)
	}
}

// More ways to say none: 不涉及, 未安排, 不存在, and 没有使用 a clause before
// its subject; a negation of another thing in the clause before a stated
// amount leaves the amount.
func TestMoreZeroPhrasings(t *testing.T) {
	head := "某局2024年部门预算\n"
	for text, get := range map[string]func(d *schema.Document) *schema.Money{
		"机关运行经费：本部门为事业单位，不涉及机关运行经费。": func(d *schema.Document) *schema.Money {
			return figureAmount(d.OperatingCosts)
		},
		"本部门2024年没有使用一般公共预算拨款安排“三公”经费。": func(d *schema.Document) *schema.Money { return d.ThreePublic.Total },
		"本部门2024年未安排政府采购预算。": func(d *schema.Document) *schema.Money {
			if d.Procurement == nil {
				return nil
			}
			return &d.Procurement.Amount
		},
		"本部门不存在国有资本经营预算支出。": func(d *schema.Document) *schema.Money { return figureAmount(d.StateCapital) },
	} {
		if v := get(extractLines(t, head+text+"\n")); v == nil || *v != 0 {
			t.Errorf("%s: %v, want 0", text, v)
		}
	}
	if tp := extractLines(t, head+"本部门没有使用政府性基金，一般公共预算安排“三公”经费10万元。\n").ThreePublic; tp.Total == nil || *tp.Total != schema.Yuan(100000) {
		t.Errorf("三公 after another thing's negation: %v", tp.Total)
	}
}

func figureAmount(f *schema.Figure) *schema.Money {
	if f == nil {
		return nil
	}
	return &f.Amount
}

// 机关运行费, the fund's words between 机关运行经费 and its amount, and
// 货物类采购 / 服务类采购 as the procurement's kinds.
func TestOperatingAndProcurementWording(t *testing.T) {
	head := "某局2024年部门预算\n"
	for _, text := range []string{"本部门2024年机关运行费预算56.78万元。", "2024年本部门机关运行经费一般公共预算财政拨款56.78万元，比上年减少1.00万元。"} {
		if oc := extractLines(t, head+text+"\n").OperatingCosts; oc == nil || oc.Amount != schema.Yuan(567800) {
			t.Errorf("%s: %+v", text, oc)
		}
	}
	pr := extractLines(t, head+"2024年，本部门安排政府采购预算100万元，其中货物类采购50万元、服务类采购50万元。\n").Procurement
	if pr == nil || pr.Goods == nil || *pr.Goods != schema.Yuan(500000) || pr.Services == nil || *pr.Services != schema.Yuan(500000) || pr.Works != nil {
		t.Errorf("procurement %+v", pr)
	}
}

// "支出预算…，包括基本支出…，项目支出…": 包括 starts a term as 其中 does.
func TestIncludingStartsATerm(t *testing.T) {
	e := extractLines(t, "某局2024年部门预算\n一、总体情况\n2024年支出预算1,000.00万元，包括基本支出800.00万元，项目支出200.00万元。\n").Expenditure
	if e.Basic == nil || e.Basic.Amount != schema.Yuan(8000000) || e.Project == nil || e.Project.Amount != schema.Yuan(2000000) {
		t.Errorf("basic %+v, project %+v", e.Basic, e.Project)
	}
}

// TestSingleRowUsesRead: a 支出总表 of one row under its header (Jiangsu's,
// in layout text) that adds up and restates the total, 基本支出 and 项目支出
// the model holds is read; one whose figures differ from the model's stays
// found but not read.
func TestSingleRowUsesRead(t *testing.T) {
	table := func(basic string) string {
		return "某局2019年部门预算\n" +
			"一、收支总体情况\n收入总计 37,188.34 万元，支出总计 37,188.34 万元。\n基本支出 21,968.00 万元，项目支出 10,208.94 万元，单位预留机动经费 5,011.40 万元。\n" +
			"                                支出预算总表\n" +
			"部门名称：某局                                                      单位：万元\n" +
			"          合计               基本支出         项目支出        单位预留机动经费       结转下年资金\n" +
			"               37,188.34    " + basic + "   10,208.94       5,011.40\n"
	}
	for basic, want := range map[string]string{"21,968.00": schema.CoverageRead, "21,968.50": schema.CoverageNotRead} {
		doc, err := Extract(&ingest.Text{Path: "u.txt", Lines: strings.Split(table(basic), "\n")}, "u", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		status := ""
		for _, c := range doc.Coverage {
			if c.Name == "支出预算总表" {
				status = c.Status
			}
		}
		if status != want {
			t.Errorf("基本支出 %s: 支出预算总表 %q, want %q", basic, status, want)
		}
	}
}

// A section mentioned beside zeros only is declared empty; one mentioned
// beside another figure of the model (the 项目支出 its targets cover) states
// none of its own; one beside an amount of its own not read is not read.
func TestCoverageAmountsOfOthers(t *testing.T) {
	status := func(text, name string) (string, string) {
		doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: strings.Split("某局2018年部门预算\n"+text, "\n")}, "c", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Coverage {
			if c.Name == name {
				return c.Status, c.Reason
			}
		}
		return "", ""
	}
	for text, want := range map[string]string{
		"2018年共设置绩效目标0个，涉及财政拨款资金0万元。":                                 schema.CoverageEmpty,
		"项目支出预算 263,928.15 万元。\n项目支出均实行了绩效目标管理，涉及财政拨款 263,928.15 万元。": schema.CoverageNoFigure,
		"项目支出预算 263,928.15 万元。\n项目支出均实行了绩效目标管理，涉及财政拨款 1,000.00 万元。":   schema.CoverageNotRead,
	} {
		if got, why := status(text, "绩效目标"); got != want {
			t.Errorf("%q: %s (%s), want %s", text, got, why, want)
		}
	}
}

// TestCoverageItemisedHeading: a section's word heading a list of items
// (a costing worksheet: 二、项目支出 1、购书经费 40万 …) or a calculation
// (公用经费：8人 X 6000元), or beside a change from the year before only,
// states no amount of its own — not a figure left unread; the same word
// beside its own amount is one. The totals' words after another figure's
// name (“三公”经费支出预算为) mention that figure, not the totals.
func TestCoverageItemisedHeading(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"二、项目支出 专项经费： 1、购置图书经费 40万 2、设备经费 20万", "基本支出和项目支出", schema.CoverageNoFigure},
		{"（二）公用支出 综合定额公用经费：8人 X 6000元 = 48000元", "人员经费和公用经费", schema.CoverageNoFigure},
		{"（一）人员经费 （1）基本工资：230000 （2）津贴补贴：180000", "人员经费和公用经费", schema.CoverageNoFigure},
		// a change from the year before is no amount of its own
		{"二、项目支出较上年增加90万元 1、购置图书经费 40万", "基本支出和项目支出", schema.CoverageNoFigure},
		{"收支较上年增加418.97万元，主要原因是财政拨款收入较上年增加2296.45万元，政府性基金减少401.85万元。", "政府性基金", schema.CoverageNoFigure},
		{"收支较上年增加418.97万元，主要原因是财政拨款收入较上年增加2296.45万元，政府性基金减少401.85万元。", "收入来源", schema.CoverageNoFigure},
		// the totals' words that another figure's name qualifies are that figure's
		{"“三公”经费支出预算为57.9万元，比2015年预算增加2.5万元。其中：公务接待费支出预算为9万元。", "收支总体情况", schema.CoverageAbsent},
		{"基本支出预算为57.9万元，比2015年预算增加2.5万元。", "收支总体情况", schema.CoverageAbsent},
		{"本单位支出预算为57.9万元，比2015年预算增加2.5万元。", "收支总体情况", schema.CoverageRead},
	} {
		doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: strings.Split("某馆2017年预算说明\n"+c.text, "\n")}, "c", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(doc.Coverage, func(cv schema.Coverage) bool { return cv.Name == c.name })
		if i < 0 || doc.Coverage[i].Status != c.want {
			t.Errorf("%q: %+v, want %s", c.text, doc.Coverage, c.want)
		}
	}
}

// TestRegionalName: a title that names the unit alone ("2016年卫生监督所预算
// 说明") takes the full name the body gives it at least twice with its
// region; once is not enough, nor a region run into other words.
func TestRegionalName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
	}{
		"twice":        {[]string{"2016年卫生监督所预算说明", "一、部门主要职责 平潭县卫生监督所的主要职责是：执法。", "2016年, 平潭县卫生监督所收入预算为357.68万元。"}, "平潭县卫生监督所"},
		"once":         {[]string{"2016年卫生监督所预算说明", "2016年, 平潭县卫生监督所收入预算为357.68万元。"}, ""},
		"no region":    {[]string{"2016年卫生监督所预算说明", "本单位卫生监督所收入", "市级卫生监督所支出"}, ""},
		"run together": {[]string{"2016年卫生监督所预算说明", "主要职责平潭县卫生监督所的主要职责", "工作平潭县卫生监督所的任务"}, ""},
	} {
		if got := regionalName(c.lines, "卫生监督所"); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

// TestCompletedName: a title that lost its name's last character ("某市档案
// 2023" / "部门预算…", a web page's Word file) takes the name the body gives
// it whole ("第一部分:某市档案馆概况"), a page's number run into it (one
// line) dropped; a name that ends like a department's, or one the body
// never completes within four characters, is kept.
func TestCompletedName(t *testing.T) {
	for name, c := range map[string]struct {
		name  string
		lines []string
		want  string
	}{
		"lost":        {"某市档案", []string{"某市档案2023", "部门预算及三公经费预算情况说明", "第一部分:某市档案馆概况"}, "某市档案馆"},
		"page number": {"1某市档案", []string{"1某市档案2023部门预算及三公经费预算情况说明 目 录 第一部分:某市档案馆概况"}, "某市档案馆"},
		"whole":       {"某市档案馆", []string{"某市档案馆2023年部门预算", "第一部分:某市档案馆办公室概况"}, ""},
		"never":       {"某市档案", []string{"某市档案2023", "部门预算", "某市档案工作概况"}, ""},
	} {
		if got := completedName(c.lines, c.name); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	if d := extractLines(t, "某市档案2023\n部门预算及三公经费预算情况说明\n目 录\n第一部分:某市档案馆概况\n一、主要职能\n某市档案馆为全额预算管理单位。"); d.Department.Name != "某市档案馆" {
		t.Errorf("extracted: %q", d.Department.Name)
	}
}

// TestChromeTitlePartName: a CMS's bare title (…决算说明, no 部门) run into
// the site's chrome ("某市人民政府 政府信息公开 市政协2023年度决算说明", a web
// page's body on one line) names no department; its first part's heading
// does. A bare title that names one keeps it.
func TestChromeTitlePartName(t *testing.T) {
	body := "\n发布日期:2024-09-27 浏览次数:85\n第一部分 某市政协办公室概况\n一、部门主要职责\n政治协商、民主监督、参政议政。"
	if d := extractLines(t, "某市人民政府 政府信息公开 市政协2023年度决算说明"+body); d.Department.Name != "某市政协办公室" || d.Document.FiscalYear != 2023 {
		t.Errorf("chrome: %q %d", d.Department.Name, d.Document.FiscalYear)
	}
	if d := extractLines(t, "某市政协秘书处2023年度决算说明"+body); d.Department.Name != "某市政协秘书处" {
		t.Errorf("named: %q", d.Department.Name)
	}
}

// TestEstablishedName: a text with no title names its department where its
// 机构设置 section says what it sets up inside (某街道办事处内设…, 下属…, 共设置…) or that it
// was established (…的通知》,设立某委员会。), its sentence on the heading's
// line or below it; the text's word for itself, or a name under the next
// heading, names none.
func TestEstablishedName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
	}{
		"内设":         {[]string{"(二)机构设置", "某区某街道办事处内设10个办公室:党政办公室。"}, "某区某街道办事处"},
		"run in":     {[]string{"(二)机构设置某区某街道办事处内设10个办公室:党政办公室。"}, "某区某街道办事处"},
		"设立":         {[]string{"(一)机构设置、职责", "某党是参政党。", "根据《关于某党某市委员会机构设置和人员编制的通知》,设立某党某市委员会。", "内设一室四处。"}, "某党某市委员会"},
		"本单位":        {[]string{"(二)机构设置", "本单位内设5个科室。"}, ""},
		"部门机构设置":     {[]string{"(一)部门机构设置、职责", "根据某区机构编制委员会某编办【2014】3号设立某区人民法院,内设13个部门。"}, "某区人民法院"},
		"设立 offices": {[]string{"(一)部门机构设置、职责", "根据批复,设立综合科、财务科。"}, ""},
		"next one":   {[]string{"(二)机构设置", "无。", "(三)单位构成", "某区某街道办事处内设10个办公室。"}, ""},
		"下属":         {[]string{"二、机构设置", "某彝族乡人民政府下属二级预算单位0个,其中行政单位7个。"}, "某彝族乡人民政府"},
		// a reform's plan citing 内设 before the subject's 共设置
		"共设置": {[]string{"(一)机构设置、职责", "根据《某市检察机关内设机构改革方案》要求,某市人民检察院第二分院共设置12个职能部门,分别为:第一检察部。"}, "某市人民检察院第二分院"},
	} {
		if got, _ := establishedName(c.lines); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

// TestDefinedName: a title that names no department, a body that defines it
// with its short form ("…委员会(简称市某委)是市政府组成部门") and uses that
// form again: the full name. A short form the text never uses again, or a
// defined term that is no department's name, gives none.
func TestDefinedName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
	}{
		"defined":       {[]string{"2022年度部门预算情况说明", "一、部门基本情况", "根据《某市某事务委员会职能配置规定》(京办字[2019]17号),某市某事务委员会(简称市某委)是市政府组成部门。", "市某委部门职责:"}, "某市某事务委员会"},
		"以下简称":          {[]string{"2021年部门决算说明", "某县自然资源和规划局(以下简称“县资规局”)主要职责:", "县资规局内设机构6个。"}, "某县自然资源和规划局"},
		"never used":    {[]string{"2022年度部门预算情况说明", "某市某事务委员会(简称市某委)是市政府组成部门。"}, ""},
		"no department": {[]string{"2022年度部门预算情况说明", "根据中华人民共和国预算法(以下简称预算法),编制预算。", "预算法规定:"}, ""},
	} {
		if got, _ := definedName(c.lines); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	d := extractLines(t, "2022年度部門預算情況說明\n一、部門基本情況\n某市民族宗教事務委員會(簡稱市民宗委)是市政府組成部門,為正局級。\n市民宗委部門職責:\n1、組織開展調查研究工作。")
	if d.Department.Name != "某市民族宗教事务委员会" || d.Provenance["/department/name"].Line != 3 {
		t.Errorf("name %q from %+v, want 某市民族宗教事务委员会 from line 3", d.Department.Name, d.Provenance["/department/name"])
	}
}

// TestRegulationAndOwnOfficeName: a title that names no department, a body
// that cites the department's rules of its duties and staff (三定规定) or says
// it has its own office alone (只有本级): the department.
func TestRegulationAndOwnOfficeName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
		find  func([]string) (string, int)
	}{
		"三定":             {[]string{"2024年度部门决算公开表", "一、部门(单位)职责", "根据《某自治区人民政府驻某市办事处职能配置、内设机构和人员编制规定》(某委厅〔2024〕76号),某自治区人民政府驻某市办事处主要履行以下职责:"}, "某自治区人民政府驻某市办事处", regulationName},
		"主要职责":           {[]string{"根据《某县统计局主要职责内设机构和人员编制规定》,本局职责是:"}, "某县统计局", regulationName},
		"no rules":       {[]string{"根据《某县机构改革方案》,某县统计局是县政府工作部门。"}, "", regulationName},
		"只有本级":           {[]string{"二、部门预算单位构成", "某镇人民政府只有本级,没有其他预算单位,因此本部门预算仅含本级预算。"}, "某镇人民政府", ownOfficeName},
		"heading run in": {[]string{"二、部门预算单位构成某镇人民政府只有本级,没有其他预算单位。"}, "某镇人民政府", ownOfficeName},
		"本部门只有本级":        {[]string{"二、部门预算单位构成", "本部门只有本级,没有其他预算单位。"}, "", ownOfficeName},
		// its 部门 holds its office: the department restated before 本级
		"部门包括":         {[]string{"(一)部门机构设置、职责", "某市高级人民法院部门包括某市高级人民法院本级一家行政单位。"}, "某市高级人民法院", ownOfficeName},
		"包括 another's": {[]string{"纳入本部门预算编制范围的单位包括某市高级人民法院本级一家行政单位。"}, "", ownOfficeName},
	} {
		if got, _ := c.find(c.lines); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	d := extractLines(t, "目录\n第二部分 2024年度部门决算公开表\n第三部分 2024年度部门决算情况说明\n一、部门(单位)职责\n根据《某自治区人民政府驻某市办事处职能配置、内设机构和人员编制规定》,某自治区人民政府驻某市办事处主要履行以下职责:\n(一)负责联络工作。")
	if d.Department.Name != "某自治区人民政府驻某市办事处" || d.Document.FiscalYear != 2024 || d.Document.Kind != "final_accounts" {
		t.Errorf("三定: %q %d %s", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
}

// Titles as real pages print them: a page of the 三公 alone (its 预算 may be
// the 一般公共预算 the expenses are paid from), a web page's metadata row, a
// name ending in 部门, a nameless heading of the contents before the named
// title, a year without 年.
func TestIdentityRealTitles(t *testing.T) {
	for _, c := range []struct {
		text, name, kind, scope string
		year                    int
	}{
		{"某县文学艺术界联合会2022年度“三公”经费决算情况说明\n（一）总体情况\n某县文学艺术界联合会2022年度一般公共预算财政拨款“三公”经费支出年初预算为1.20万元，支出决算为1.10万元。",
			"某县文学艺术界联合会", "final_accounts", "", 2022},
		{"某区后勤服务中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明\n一、决算表\n单位：万元",
			"某区后勤服务中心", "final_accounts", "", 2021},
		{"2018年某市交通运输局“三公”经费预算情况说明\n2018年某市交通运输局财政拨款“三公”经费预算合计10万元。",
			"某市交通运输局", "budget", "", 2018},
		{"名称: | 某市某区长安街道办事处(本级)2022年单位预算 | 文号: | 无 |\n第一部分 单位概况",
			"某市某区长安街道办事处(本级)", "budget", "unit", 2022},
		{"某县第二中学部门2021年度部门决算公开 |\n目录", "某县第二中学", "final_accounts", "department", 2021},
		{"目 录\n第一部分 部门概况\n第三部分2021 年度部门决算情况说明\n一、收入支出决算总体情况说明\n2021年度某县第二中学部门决算\n第一部分 部门概况\n一、部门职责",
			"某县第二中学", "final_accounts", "department", 2021},
		{"某市某镇中心小学2021部门预算信息公开\n目录\n第一部分 单位概况", "某市某镇中心小学", "budget", "department", 2021},
		{"某县东兴镇人民政府 2020年部门预算及“三公”经费预算\n目录", "某县东兴镇人民政府", "budget", "department", 2020},
		{"2024年某县某镇“三公”经费预算财政拨款情况统计表 | ||||\n单位:万元 | ||||", "某县某镇", "budget", "", 2024},
		// … a web page's body on one line opening with it, the kind its
		// header's (本年预算数), a later note naming the 部门预算 no title
		{"2015年某市司法局部门“三公”经费情况统计表 | || 单位:万元 | | 项 目 | 本年预算数 | 合 计 | 34.35 | 注:按照财政部和部门预算管理的有关规定,“三公”经费包括因公出国(境)经费。",
			"某市司法局", "budget", "", 2015},
		{"  • 发布日期:2020-09-24\n  • 标题:某州农产品质量检测中心2019年度部门决算公开\n  • 发布机构:某州农业农村局\n目录",
			"某州农产品质量检测中心", "final_accounts", "department", 2019},
		{"某区民宗局(外侨办)2015年度“三公”经费财政拨款\n决算情况说明\n一、“三公”经费的单位范围\n2015年度“三公”经费财政拨款年度预算为5.5万元，支出决算为2.11万元。",
			"某区民宗局(外侨办)", "final_accounts", "", 2015},
		{" 索 引 号  zfbgs/2024-00119\n 信息名称  某县第二幼儿园2023年部门决算公开说明\n 公开日期  2024-09-19\n一、部门职责",
			"某县第二幼儿园", "final_accounts", "department", 2023},
		// a title on its own line, the next opening with 比: the title ends
		// on its line; a later sentence ("…的收入。较 2022 年度决算数…") is no title
		{"某中心2023年度单位决算\n比上年没有变化。\n5.经营收入 0.00 万,指单位在业务活动以外开展非\n独立核算经营活动的收入。较 2022 年度决算数增加 0.00\n万元。",
			"某中心", "final_accounts", "unit", 2023},
		// a title that says 关于 before its year; a contents entry of the
		// 预算绩效 ("(六)关于2018年度预算绩效情况的说明") is no title
		{"目录\n(六)关于2018年度预算绩效情况的说明\n第三部分:名词解释\n某市某湖管理局关于2018年度\n部门决算信息公开的说明\n一、部门概况",
			"某市某湖管理局", "final_accounts", "department", 2018},
		// a table's 总表 is no title: its 编制单位 names the unit, not what
		// the table covers ([单户表])
		{"某医院医改信息公开\n2017年医疗卫生计生机构收支决算总表(按功能分类) |\n|\n国卫财01-1表 |\n|\n编制单位:某市某医院[单户表] |\n|\n金额单位:元 |",
			"某市某医院", "final_accounts", "department", 2017},
		// a 三公 page's title opening with 关于, the name on the line above
		// or run into it (a web page's body on one line)
		{"某某文学艺术界联合会\n关于财政拨款“三公”经费2015年决算的\n情 况 说 明\n某某县文学艺术界联合会财政拨款“三公”经费2015年决算情况如下:",
			"某某文学艺术界联合会", "final_accounts", "", 2015},
		{"某某县文学艺术界联合会 关于财政拨款“三公”经费2015年决算的 情 况 说 明 某某县文学艺术界联合会财政拨款“三公”经费2015年决算情况如下: 一、公务接待费",
			"某某县文学艺术界联合会", "final_accounts", "", 2015},
		// a headline's short name the sentences spell out next to the year
		{"国办2013年“三公”经费决算比预算减40余万\n据中国政府网消息,国务院办公厅2013年度部门决算。2013年国务院办公厅“三公”经费财政拨款决算数为399.48万元。\n(一)2013年国务院办公厅因公出国(境)费决算数为93.87万元。",
			"国务院办公厅", "final_accounts", "", 2013},
		// … a central organ's, which opens with no region, after a heading on
		// the same line (a web page's body on one line)
		{"本报讯 教育支出三连降 全国政协办公厅2015年支出预算108,000.84万元,较2014年支出预算111,585.87万元减少3,585.03万元。 「三公经费」再减少 2015年「三公」经费预算数1,410.35万元。",
			"全国政协办公厅", "budget", "", 2015},
		// a title's name with a stray character the tables' 部门 line names without
		{"部门决算\n  • 某某市了某某区龙祥小学2016部门决算\n    收入支出决算总表\n    公开01表\n    部门:某某省某某市某某区龙祥小学\n    单位:元\n",
			"某某省某某市某某区龙祥小学", "final_accounts", "department", 2016},
		// a site's chrome with commas before the title on its line is no
		// sentence of it
		{"某某视频,某某播放,某某精品 无障碍阅读 关怀版 您当前的位置 : 首页>政务公开>财政资金 某某自治区公安厅2019年决算公开 日期: 2020-10-10 来源: 本站原创 作者: 目 录 某某自治区公安厅2019年度部门决算 2020817 目 录 第一部分 某某自治区公安厅概况",
			"某某自治区公安厅", "final_accounts", "department", 2019},
		// the template's placeholder of the department left before the name
		{"附件3:\nXX部门某市某区某中心小学\n2019年度部门决算公开\n目 录\n第一部分 部门概况",
			"某市某区某中心小学", "final_accounts", "department", 2019},
		// a bracketed line before the title names nothing
		{"(2018部门预算公开)\n某市公共资源交易中心2018年部门预算\n及“三公”经费预算编制说明\n第一部分:概况",
			"某市公共资源交易中心", "budget", "department", 2018},
		// a web table's title: the name's cell above, rows of bare bars between
		{"附件1 |\n中共某市某区委员会统战部 (民宗局) |\n|\n|\n2018年区级部门预算\n目 录",
			"中共某市某区委员会统战部(民宗局)", "budget", "department", 2018},
		// an attachment's file name gives way to the title in the text below it
		{"2018年某社区决算公开.pdf\n某市某区某路社区公共服务中心 2018年度部门决算 1 目录 第一部分 部门概况",
			"某市某区某路社区公共服务中心", "final_accounts", "department", 2018},
		{"附件:某县总工会2019年度部门决算公开.pdf\n第一部分 部门概况\n一、部门职责",
			"某县总工会", "final_accounts", "department", 2019},
		// a breadcrumb the page prints before the title
		{"网站首页 > 某市公共资源交易服务中心2017年度部门决算\n\n某市公共资源交易服务中心\n\n2017年度部门决算\n一、部门基本情况",
			"某市公共资源交易服务中心", "final_accounts", "department", 2017},
		// what the figures cover is no part of the name
		{"某县教育局(部门汇总)2016年度部门预算\n目录", "某县教育局", "budget", "department", 2016},
		// the template's 单位 after a name's ending ("…医院单位2017年度…")
		{"目 录\n第一部分 市第五医院单位概况\n第三部分市某医院单位2017年度部门决算情况说明\n第四部分 名词解释",
			"市某医院", "final_accounts", "department", 2017},
		// a 三公 page whose headings name no department: the one sentence
		// that opens with a name gives it
		{"一、2016年一般公共预算财政拨款开支的“三公”经费决算情况表\n(单位:万元)\n二、2016年 “三公”经费财政拨款支出决算情况说明\n某市城市管理局2016年度“三公”经费财政拨款支出决算为68.3万元。",
			"某市城市管理局", "final_accounts", "", 2016},
		// … the heading run into that sentence (a web page's body on one line)
		{"一、2016年一般公共预算财政拨款开支的“三公”经费决算情况表\n(单位:万元)\n合\n计\n77.00\n68.30\n二、2016年 “三公”经费财政拨款支出决算情况说明 某市城市管理局2016年度“三公”经费财政拨款支出决算为68.3万元,完成年初预算的88.7%。",
			"某市城市管理局", "final_accounts", "", 2016},
		// "<name>财政拨款“三公”经费预算<year>年情况如下"
		{"某市公路养护中心财政拨款“三公”经费预算2014年情况如下:\n一、因公出国(境)经费\n2014年某市公路养护中心没有安排出国计划。",
			"某市公路养护中心", "budget", "", 2014},
		{"关于某市文化局\n财政拨款“三公”经费决算2014年情况的\n说 明\n某市文化局财政拨款“三公”经费决算2014年情况如下:\n一、因公出国(境)经费",
			"某市文化局", "final_accounts", "", 2014},
		// a department that bears a second name (挂牌): the first is its name
		{"某市某区综合行政执法局 (某市某区城市管理局) 2021年度部门决算\n一、部门基本情况",
			"某市某区综合行政执法局", "final_accounts", "department", 2021},
		// a site's short title of a bare 决算 gives way to the cover's full
		// name of it ("区人大" → "某市某区人大常委会")
		{"区人大2017年决算公开\n来源:某市某区人大常委会 | 发布日期:2018-08-03\n某市某区人大常委会\n2017年部门决算\n第一部分:某区人大常委会概况",
			"某市某区人大常委会", "final_accounts", "department", 2017},
		// … not to a later title of another name
		{"某县财政局2019年决算公开\n某县第二中学2019年部门决算\n一、部门职责",
			"某县财政局", "final_accounts", "", 2019},
		// a title and sentences that name no department: the first part's
		// heading does ("第一部分 某镇人民政府单位概况")
		{"目录\n第一部分某镇人民政府单位概况\n一、部门职责\n第三部分2019年度部门决算情况说明\n一、收入支出决算总体情况说明",
			"某镇人民政府", "final_accounts", "department", 2019},
		{"第一部分:某县某乡人民政府概况\n一、主要职能\n第三部分:2019 年度部门决算情况说明\n一、收入支出决算总体情况",
			"某县某乡人民政府", "final_accounts", "department", 2019},
		// a metadata row's dates above the title: the year is the title's,
		// not the dates' run into it
		{"[ 成文日期 ] 2021-03-30 [ 发布日期 ] 2021-03-30\n\n某区机关事务管理中心2021年部门预算情况说明\n一、单位基本情况",
			"某区机关事务管理中心", "budget", "department", 2021},
		// … or run into the title's line, on a page whose body is one line
		{"[ 成文日期 ] 2023-10-18 [ 发布日期 ] 2023-10-18 某区某镇人民政府(本级) 2022年度部门决算情况说明 一、部门基本情况",
			"某区某镇人民政府(本级)", "final_accounts", "department", 2022},
		{"发布机构：某区某镇 发布日期：2023-10-18 某区某镇人民政府2022年度部门决算情况说明\n一、部门基本情况",
			"某区某镇人民政府", "final_accounts", "department", 2022},
		{"索引号：11500222009313433K/2023-00023 某区财政局2022年部门预算\n一、部门基本情况",
			"某区财政局", "budget", "department", 2022},
		// digits of a name, no metadata's, stay in it
		{"某区12345政务服务热线中心2022年部门预算\n一、部门基本情况", "某区12345政务服务热线中心", "budget", "department", 2022},
		// a page of the 三公 alone whose body is one line: its title up to its first 情况 or
		// 说明, the words before the name's no part of it
		{"某某县某某镇人民政府 2021年“三公”经费决算汇总情况 按照《预算法》等相关要求,现将镇级“三公”经费支出情况公布如下: 2021年“三公”经费支出共计9.07万元。",
			"某某县某某镇人民政府", "final_accounts", "", 2021},
		{"院务公开 某某市中心医院2018年“三公”经费预算情况说明 “三公”经费包括因公出国(境)费、公务用车购置及运行维护费和公务接待费。",
			"某某市中心医院", "budget", "", 2018},
		// a one-line body's title among its chrome, the name between the year and the kind
		{"您现在所在的位置: 首页 > 政务公开 > 决算公开 分享到: 2021年度某某县自然资源局部门决算 • 发布时间:2022-08-18 18:01 • 来源: 某某县财政局 目录 第一部分 部门概况",
			"某某县自然资源局", "final_accounts", "department", 2021},
		{"欢迎来到某某市中医医院 国家三级甲等中医医院 2023年度某某市中医医院单位决算 来源:某某市中医医院 目录 第一部分 单位概况 第二部分 2023年度单位决算情况说明",
			"某某市中医医院", "final_accounts", "unit", 2023},
		// an attachment's file name before the title on its line, the file's name opening with the year
		{"2021年度部门决算公开说明-某处.pdf 某某区河道堤防建设管理处 2021 年度决算公开说明 (目录) 第一部分:基本情况 一、部门主要职能",
			"某某区河道堤防建设管理处", "final_accounts", "", 2021},
		// a site's short title (a bare 决算) run into the page's own, which spells its name out
		{"区人大2017年决算公开 来源:某某市某某区人大常委会 | 发布日期:2018-08-03 15:57 某某市某某区人大常委会 2017年部门决算 第一部分:概况",
			"某某市某某区人大常委会", "final_accounts", "department", 2017},
		{"区人大2017年决算公开 来源:某某市某某区财政局 | 发布日期:2018-08-03 15:57 某某市某某区财政局 2017年部门决算 第一部分:概况",
			"区人大", "final_accounts", "", 2017},
		// a site's name before it: the department's own may open with no region
		{"某某国际(中国)官方网站 民宗局(外侨办)2015年度“三公”经费财政拨款 决算情况说明 一、“三公”经费的单位范围",
			"民宗局(外侨办)", "final_accounts", "", 2015},
		{"某某委员会 宣传部2020年“三公”经费预算情况说明 “三公”经费包括因公出国(境)费。",
			"某某委员会宣传部", "budget", "", 2020},
		// a street (某区某街) names its 三公 page
		{"某区民意街2015年“三公”经费财政拨款预算情况补充说明\n公务接待费3.57万元。", "某区民意街", "budget", "", 2015},
		// a 三公 page's title opening with the year, its name on the line above
		{"某区某镇人民政府\n2021年“三公”经费决算汇总情况\n2021年“三公”经费支出共计9.07万元。",
			"某区某镇人民政府", "final_accounts", "", 2021},
		// a title without the year over contents whose heading gives it
		{"某区财政局本级部门决算公开说明\n目 录\n第二部分:2018年度部门决算情况说明\n一、2018年度收入支出决算总体情况",
			"某区财政局", "final_accounts", "department", 2018},
		// … or the title's line just below it: the title without the year is no name
		{"某区财政局本级部门决算公开说明\n2018年度部门决算情况说明\n一、2018年度收入支出决算总体情况",
			"某区财政局", "final_accounts", "department", 2018},
		// a 三公 page's own title opening with the year, no name: its one
		// sentence that opens with a name gives it
		{"2016年“三公”经费预算\n单位:万元\n某省某委员会办公室2016年度“三公”经费支出预算为57.9万元。",
			"某省某委员会办公室", "budget", "", 2016},
		// the region, the year, then the unit
		{"某县2015年度移民局“三公”经费决算情况表\n单位:万元\n一、支出合计 9.28", "某县移民局", "final_accounts", "", 2015},
		// the funds the expenses are paid from are no part of the name
		{"2016年市某委财政拨款“三公”经费预算表\n金额单位:万元\n项目 2016年预算数", "市某委", "budget", "", 2016},
		// a budget system's table: the unit's row, its code then its name
		{"2025年部门预算\n部门预算公开表\n920某山县某镇财政所 |\n预算年度:2025 |\n单位:万元 | ||", "某山县某镇财政所", "budget", "department", 2025},
		// what was spent: "…三公经费支出说明"
		{"某镇2015年三公”经费支出说明\n一、因公出国(境)经费\n2015年因公出国(境)费0万元。", "某镇", "final_accounts", "", 2015},
		// a sentence of the units a 决算 covers names the department after its 纳入, the news of it none else
		{"7月18日,某市卫生健康委员会公布2013年部门决算。\n此次纳入某市卫生健康委员会2013年部门决算编制范围的,包括机关及所属共9家预算单位。据统计,某市卫生健康委员会2013年度公共预算总收入1147.88万元。",
			"某市卫生健康委员会", "final_accounts", "department", 2013},
		// a CMS's title of a bare 预算 over the document's own title of another year and kind: the parts' headings tell which is the document's
		{"称: 某市中医医院2024年预算公开\n某市中医医院2024年预算公开\n监督索引号53230101377401000\n某市中医院2023年度部门决算\n目录\n第一部分 部门概况\n第二部分 2023年度部门决算表\n第三部分 2023年度部门决算情况说明\n一、收入决算情况说明\n2023年度收入合计100万元。",
			"某市中医院", "final_accounts", "department", 2023},
		// … and where they do not tell it, the page's title stays
		{"某市中医医院2024年预算公开\n发表时间:2024-02-22\n某市中医院2023年度部门决算\n一、收入预算情况说明\n2024年收入预算100万元。",
			"某市中医医院", "budget", "", 2024},
	} {
		doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: strings.Split(c.text, "\n")}, "i", Hints{})
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		d := doc.Document
		if doc.Department.Name != c.name || d.Kind != c.kind || d.Scope != c.scope || d.FiscalYear != c.year {
			t.Errorf("%q: got %q %s %q %d, want %q %s %q %d", c.text, doc.Department.Name, d.Kind, d.Scope, d.FiscalYear, c.name, c.kind, c.scope, c.year)
		}
	}
	// … both titles run into one line (a web page's body on one line, broken as ingest breaks it): the parts' headings tell the year and kind
	oneLine := "发布机构: 某市卫生健康局 生成日期: 称: 某市中医医院2024年预算公开 号: 某市中医医院2024年预算公开 发表时间:2024-02-22 字体:[    ] 监督索引号53230101377401000 某市中医院2023年度部门决算 目录 " +
		"第一部分 部门概况 一、主要职能 二、部门基本情况 第二部分 2023年度部门决算表 一、收入支出决算表 二、收入决算表 三、支出决算表 四、财政拨款收入支出决算总表 五、一般公共预算财政拨款收入支出决算表 " +
		"第三部分 2023年度部门决算情况说明 一、收入决算情况说明 二、支出决算情况说明 第四部分 其他重要事项及相关口径情况说明 第五部分 名词解释 第一部分 部门概况 一、主要职能 为辖区人民群众提供医疗卫生服务。"
	if doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: ingest.Lines(oneLine)}, "i", Hints{}); err != nil || doc.Document.FiscalYear != 2023 || doc.Document.Kind != "final_accounts" {
		t.Errorf("a CMS's title run into the document's: %v %+v", err, doc.Document)
	}
	// a numbered entry of the contents is no title, its number dropped or not
	toc := []string{"附件2", "某某开发区管委会2020年部门", "“三公”经费预算", "目 录", "1. 某某开发区管委会2020年“三公”经费支出预算表", "某某开发区管委会2020年“三公”经费预算", "一、2020年“三公”经费支出预算表"}
	if doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: toc}, "i", Hints{}); err != nil || doc.Document.Title != "某某开发区管委会2020年“三公”经费预算" {
		t.Errorf("a numbered entry of the contents as the title: %v %v", err, doc)
	}
	// a part's heading that gives the title keeps no colon of its number
	if doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: []string{"某区财政局本级部门决算公开说明", "目 录", "第二部分:2018年度部门决算情况说明"}}, "i", Hints{}); err != nil || doc.Document.Title != "2018年度部门决算情况说明" {
		t.Errorf("a part's heading as the title: %v %v", err, doc)
	}
	// a sentence with a year and 预算 or 决算 is no title: the page is refused or its identity left untold, not named by it
	for _, text := range []string{
		// a column's header: "项目 2016年预算数"
		"某单位财政拨款情况表\n金额单位:万元\n项目 2016年预算数\n一、合计 21.63",
		"2020年本年收入合计3765.66万元，其中：一般公共预算财政拨款收入1008.64万元。\n2020年一般公共预算支出决算数为1264.92万元，完成预算59.7%。",
		// a sentence's word before the year is no name
		"(一)收入支出决算总体情况说明\n本部门2016年度收入总计6955.73万元,支出总计6,954.57万元。\n与2015年决算数相比,收入增加950.05万元、增长15.82%。",
		// a title without the year names a report of another kind than the headings'
		"某区财政局部门预算公开说明\n目 录\n第二部分:2018年度部门决算情况说明\n一、2018年度收入支出决算总体情况",
	} {
		if doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: strings.Split(text, "\n")}, "i", Hints{}); err == nil && !untold(doc, schema.UnknownDepartment, schema.UnknownYear, schema.UnknownKind) {
			t.Errorf("a page of sentences named %q (%d %s)", doc.Department.Name, doc.Document.FiscalYear, doc.Document.Kind)
		}
	}
	// nor where the year is the one its figures are stated for: no name, no
	// title, the kind the statements' (its year's 决算; its year's 预算
	// compared with the year before's, no outturn stated)
	for _, c := range []struct {
		text, kind string
		year       int
	}{
		// a comparison with a year's budget: the year compared is not the page's
		{"按照上级关于政府信息公开的要求,2022年一般公共预算“三公”经费支出预算为8.5万元,其中:公务接待费1.5万元,公务用车运行维护费7万元。\n与2021年预算相比增长12.5%,其中公务用车运行维护费增加1万元。", schema.KindBudget, 2022},
		{"2021年度“三公”经费财政拨款支出预算为30.5万元,2021年实际支出“三公经费”决算为12.4万元。\n其中公务接待费为10.4万元,占83.87%;公务用车运行维护费为2万元,占16.13%。\n本年度“三公经费”决算数低于2021年预算数。\n与上年相比公务接待费有所下降。", schema.KindFinalAccounts, 2021},
	} {
		doc, err := Extract(&ingest.Text{Path: "i.txt", Lines: strings.Split(c.text, "\n")}, "i", Hints{})
		if err != nil || !untold(doc, schema.UnknownDepartment) || doc.Document.Title != "" || doc.Document.Kind != c.kind || doc.Document.FiscalYear != c.year {
			t.Errorf("%q: %v %q %+v, want %d %q", c.text, err, doc.Department.Name, doc.Document, c.year, c.kind)
		}
	}
}

// The text's 财政拨款 in 万元 is the rounding of the summary's one fiscal
// part printed in 元 (its other fiscal rows blank, its sources adding up
// to the year's revenue): the model holds the table's figure, the text's
// is a claim on it. With two fiscal parts printed, their sum is printed
// nowhere, and the text's figure stands.
func TestAppropriationFromItsOnePart(t *testing.T) {
	text := func(fund string) string {
		return strings.Join([]string{
			"某县司法局2023年度部门决算",
			"二、收入决算情况说明",
			"本年收入合计1234.57万元，其中：财政拨款收入1234.57万元，占100.00%。",
			"                                   收入支出决算总表",
			"部门：某县司法局                                                                 金额单位：元",
			"                 收入                                              支出",
			"          项目                  行次     金额              项目                 行次      金额",
			"一、一般公共预算财政拨款收入      1    " + map[bool]string{false: "12,345,678", true: "12,000,000"}[fund != ""] + "   一、一般公共服务支出            32",
			"二、政府性基金预算财政拨款收入    2    " + fund + "           二、外交支出                    33",
			"三、国有资本经营预算财政拨款收入  3               三、国防支出                    34",
			"四、上级补助收入                  4               四、公共安全支出                35    12,345,678",
			"            本年收入合计          9    12,345,678               本年支出合计        40    12,345,678",
			"                总计             11    12,345,678                   总计            42    12,345,678",
		}, "\n")
	}
	d := extractLines(t, text(""))
	var got *schema.Named
	for i, s := range d.Revenue.Sources {
		if s.Name == "财政拨款" {
			got = &d.Revenue.Sources[i]
		}
	}
	if got == nil || got.Amount != schema.Yuan(12345678) {
		t.Fatalf("财政拨款 %+v, want 12345678 yuan (the table's): %+v", got, d.Revenue.Sources)
	}
	claimed := false
	for _, c := range d.Claims {
		claimed = claimed || c.Kind == schema.ClaimAmount && c.Value == 12345700 && strings.HasPrefix(c.Path, "/revenue/sources/")
	}
	if !claimed {
		t.Errorf("the text's 1234.57万元 is no claim: %+v", d.Claims)
	}
	d = extractLines(t, text("   345,678"))
	for _, s := range d.Revenue.Sources {
		if s.Name == "财政拨款" && s.Amount != schema.Yuan(12345700) {
			t.Errorf("two fiscal parts: 财政拨款 %s, want the text's 12345700", s.Amount)
		}
	}
}

// A list of a hospital's basic expenditure by its own heads ("业务支出…，
// 管理费用…，其他支出…") ends in 其他支出: the list's remainder, not the
// 类 229 nor the economic class 399. Listed after a 类, it is the 类.
func TestOtherExpenditureOfAList(t *testing.T) {
	d := extractLines(t, `某医院2017年度部门决算
2017年总支出500万元，其中项目支出100万元，基本支出400万元。基本支出中业务支出300万元，管理费用90万元，其他支出10万元。`)
	if len(d.Expenditure.ByFunction) != 0 || len(d.Expenditure.ByEconomic) != 0 {
		t.Errorf("a list's remainder read as a class: %v %v", d.Expenditure.ByFunction, d.Expenditure.ByEconomic)
	}
	d = extractLines(t, `某局2017年度部门决算
2017年支出合计70万元，其中：一般公共服务支出60万元，其他支出10万元。`)
	var got []string
	for _, c := range d.Expenditure.ByFunction {
		got = append(got, fmt.Sprintf("%s %s", c.Code, c.Amount))
	}
	if strings.Join(got, ", ") != "201 600000, 229 100000" {
		t.Errorf("by_function = %v", got)
	}
}

// A page of the 三公 alone whose sections state each part under its own
// heading, with no sentence of the total: the parts are read (in 元 here).
func TestThreePublicPagePartsOnly(t *testing.T) {
	d := extractLines(t, `某区卫生局2015年度“三公”经费决算情况说明
(一)因公出国(境)经费
2015年本局无因公出国(境)人员。
(二)公务接待费
2015年公务接待费12500元,较2014年决算数增加2500元,主要用于上级检查。
(三)公务用车购置及运行维护费
2015年公务用车购置及运行维护费80000元,较2014年决算数减少5000元。`)
	tp := d.ThreePublic
	if tp == nil || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(12500) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(80000) {
		t.Fatalf("三公 = %+v", tp)
	}
}

// "总收入…，其中本年收入…": the 总收入 that holds the year's revenue is the
// total (the year's plus what was carried over); so for 总支出.
func TestTotalOverCurrentYear(t *testing.T) {
	d := extractLines(t, `某中心2021年度单位决算
(一)本单位2021年度总收入300.50万元,其中本年收入200.50万元,较2020年度决算数减少10万元。
1.上年结转和结余100万元。
(二)本单位2021年度总支出300.50万元,其中本年支出250万元,较2020年度决算数减少5万元。`)
	r, e := d.Revenue, d.Expenditure
	if r.Total == nil || *r.Total != schema.Yuan(3005000) || r.CurrentYear == nil || *r.CurrentYear != schema.Yuan(2005000) ||
		e.Total == nil || *e.Total != schema.Yuan(3005000) || e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(2500000) {
		t.Errorf("revenue %v/%v, expenditure %v/%v", r.Total, r.CurrentYear, e.Total, e.CurrentYear)
	}
}

// 财政补助收入 (a hospital's, and older templates') is the 财政拨款 source.
func TestFiscalSubsidyRevenue(t *testing.T) {
	d := extractLines(t, `某医院2017年度部门决算
2017年总收入500万元,其中:财政补助收入200万元,事业收入280万元,其他收入20万元。`)
	var got []string
	for _, s := range d.Revenue.Sources {
		got = append(got, fmt.Sprintf("%s %s", s.Name, s.Amount))
	}
	if strings.Join(got, ", ") != "财政拨款 2000000, 事业收入 2800000, 其他收入 200000" {
		t.Errorf("sources = %v", got)
	}
}

// "公务用车购置及运行费17万元，其中：购置费0万元…、运行费17万元": the bare
// 购置费 and 运行费 listed under the cars' whole are its parts; elsewhere
// (设备购置费) they are not.
func TestVehiclePartsListedBare(t *testing.T) {
	d := extractLines(t, `某局2017年“三公”经费预算情况说明
某局2017年“三公”经费财政拨款预算安排37万元,其中,公务用车购置及运行费17万元,公务接待费20万元。
二、公务用车购置及运行费
2017年某局安排公务用车购置及运行费17万元,其中:购置费0万元,与上年持平、运行费17万元,比上年减少0.5万元,主要用于车辆保险费。
三、其他
本年安排设备购置费5万元。`)
	tp := d.ThreePublic
	if tp == nil || tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != 0 || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(170000) {
		t.Fatalf("三公 = %+v", tp)
	}
	d = extractLines(t, `某局2017年“三公”经费预算情况说明
某局2017年“三公”经费财政拨款预算安排37万元,其中,公务用车购置及运行费17万元,公务接待费20万元。
本年安排设备购置费5万元,车辆运行费由项目列支。`)
	if tp := d.ThreePublic; tp == nil || tp.VehiclePurchase != nil && tp.VehiclePurchase.Amount == schema.Yuan(50000) {
		t.Fatalf("三公 = %+v", tp)
	}
}

// The vehicles' spending whose list names other parts besides purchase and
// operation (其他交通工具购置, 其他交通费用) is more than the two: the two are
// left out with a warning each (the model's subtotal is their sum), the
// whole and the total kept; a list whose 其他 is zero keeps them.
func TestVehiclePartsWithOthers(t *testing.T) {
	text := func(others string) string {
		return "某市2016年“三公”经费预算情况说明\n2016年“三公”经费预算为19043万元,其中,公务接待费7494万元,因公出国(境)费382万元,公务用车购置及运行维护费11167万元(其中,公务用车购置费255万元,公务用车运行维护费" +
			others + ")。"
	}
	d := extractLines(t, text("7922万元,其他交通工具购置144万元,其他交通费用2846万元"))
	tp := d.ThreePublic
	if tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(111670000) || tp.VehiclePurchase != nil || tp.VehicleOperation != nil {
		t.Fatalf("三公 = %+v", tp)
	}
	left := 0
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, "other parts besides purchase and operation") {
			left++
		}
	}
	if left != 2 {
		t.Errorf("%d warnings on the parts left out, want 2: %+v", left, d.Warnings)
	}
	d = extractLines(t, text("10912万元,其他交通费用0万元"))
	if tp := d.ThreePublic; tp == nil || tp.VehiclePurchase == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(109120000) {
		t.Fatalf("三公 = %+v", tp)
	}
}

// A section of the appropriations' spending states their own basic and
// project split ("四、一般公共预算财政拨款支出决算情况说明 … 1.基本支出…"):
// where the appropriations are not all the money, that is another figure
// than the document's basic expenditure, no claim on it; where they are
// all of it, the same figure restated.
func TestAppropriationsSectionSplit(t *testing.T) {
	text := func(fiscal string) string {
		return strings.Join([]string{
			"某县人民医院2017年部门决算",
			"二、收入决算情况说明",
			"2017年收入合计" + map[bool]string{true: "6000.00", false: "2000.00"}[fiscal == "6000.00"] + "万元，其中：财政拨款收入" + fiscal + "万元" +
				map[bool]string{true: "。", false: "，事业收入4000.00万元。"}[fiscal == "6000.00"],
			"三、支出决算情况说明",
			"本年支出合计6000.00万元，其中：基本支出5000.00万元，项目支出1000.00万元。",
			"四、一般公共预算财政拨款支出决算情况说明",
			"（一）总体情况",
			"1.基本支出1500.00万元，占一般公共预算财政拨款总支出的75.00%。",
		}, "\n")
	}
	claims := func(d *schema.Document) (n int) {
		for _, c := range d.Claims {
			if c.Path == "/expenditure/basic" && c.Kind == schema.ClaimAmount {
				n++
			}
		}
		return n
	}
	if d := extractLines(t, text("2000.00")); claims(d) != 0 || d.Expenditure.Basic == nil || d.Expenditure.Basic.Amount != schema.Yuan(50000000) {
		t.Errorf("appropriations a third of the money: basic %+v, %d claims on it, want 50000000 and none", d.Expenditure.Basic, claims(d))
	}
	if d := extractLines(t, text("6000.00")); claims(d) != 1 {
		t.Errorf("appropriations all the money: %d claims on the basic expenditure, want the section's 1500.00", claims(d))
	}
}

// A department's second name (挂牌) in brackets after its name is kept as
// also_named when it is a full name of its own; a short one or a qualifier
// stays in the name.
func TestSplitAlias(t *testing.T) {
	for in, want := range map[string][2]string{
		"某市某区综合行政执法局(某市某区城市管理局)": {"某市某区综合行政执法局", "某市某区城市管理局"},
		"某区民宗局(外侨办)":             {"某区民宗局(外侨办)", ""},
		"某街道办事处(本级)":             {"某街道办事处(本级)", ""},
		"某某县人民政府(某某县某某局)":        {"某某县人民政府", "某某县某某局"},
	} {
		name, also := splitAlias(in)
		if name != want[0] || (want[1] == "") != (len(also) == 0) || len(also) > 0 && also[0] != want[1] {
			t.Errorf("splitAlias(%q) = %q %q, want %q %q", in, name, also, want[0], want[1])
		}
	}
	d := extractLines(t, "某市某区综合行政执法局 (某市某区城市管理局) 2021年度部门决算\n一、部门基本情况")
	if d.Department.Name != "某市某区综合行政执法局" || len(d.Department.AlsoNamed) != 1 || d.Department.AlsoNamed[0] != "某市某区城市管理局" {
		t.Errorf("department %+v", d.Department)
	}
}

// The list under a heading that names 职能 is the department's duties; a
// heading of the contents, the next of its own list right after it
// ("二、部门主要职能" / "三、2019年部门决算收支情况说明"), has none: the
// numbered entries below the next heading are not its duties.
func TestResponsibilitiesNotFromContents(t *testing.T) {
	body := extractLines(t, "某县林业局2019年部门决算\n一、单位基本情况\n二、部门主要职能\n1、负责全县林业工作。\n2、负责森林防火。\n三、2019年部门决算收支情况说明")
	if got := body.Department.Responsibilities; len(got) != 2 || got[1] != "2、负责森林防火。" {
		t.Errorf("duties under their heading: %q", got)
	}
	contents := extractLines(t, "某县林业局2019年部门决算\n目录\n一、单位基本情况\n二、部门主要职能\n三、2019年部门决算收支情况说明\n1、部门决算收支情况总体及增减变化情况说明\n2、关于“三公”经费支出说明\n四、名词解释")
	if got := contents.Department.Responsibilities; len(got) != 0 {
		t.Errorf("the contents' entries taken for duties: %q", got)
	}
}

// A web page whose body is one line, a table's cell separator before its
// title ("| 某区审计局财政拨款“三公”经费决算…"): ingest cuts the long line at
// its sentences, and the separator is no part of the department's name.
func TestNameAfterCellSeparator(t *testing.T) {
	text := "| 某区审计局财政拨款“三公”经费决算2014年情况如下: 一、因公出国(境)经费 2014年某区审计局无出国计划。 二、公务接待费 2014年公务接待费1.3万元,较2013年决算数下降94.3%," +
		strings.Repeat("主要原因是认真贯彻执行中央八项规定,反对铺张浪费的要求,公务接待减少,接待标准降低。", 8) + "\n"
	if d := readText(t, text); d.Department.Name != "某区审计局" {
		t.Errorf("name %q, want 某区审计局", d.Department.Name)
	}
}

// An attachment's file name before the title, on one line with it ("某局
// 预算公开表.xls 某局2020年部门预算"), is no part of the department's name.
func TestNameAfterFileName(t *testing.T) {
	for _, text := range []string{
		"某县教育局预算公开表.xls 某县教育局 2020年部门预算 报送日期: 年 月 日 表1 部门收支总表 单位:万元\n",
		"附件:某县教育局预算公开表.XLSX 某县教育局2020年部门预算\n",
	} {
		if d := readText(t, text); d.Department.Name != "某县教育局" {
			t.Errorf("%q: name %q, want 某县教育局", text, d.Department.Name)
		}
	}
}

// A title that names no department, a text that names the department's own
// office (本级) twice: the name is what the words before both 本级 end with.
// Two different names, or words that end in no department's name, give none.
func TestOwnOfficeName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
	}{
		"twice":     {[]string{"2022年部门预算", "我校无二级预算单位,因此,纳入2022年部门预算编制范围的为某市外国语学校本级。", "2022年部门预算即某市外国语学校本级预算。"}, "某市外国语学校"},
		"coded row": {[]string{"2017年部门预算", "2.101001某区人大常委会办公室本级(二级预算单位)", "本部门仅有某市某区人大常委会办公室本级一个二级预算单位"}, "某区人大常委会办公室"},
		"once":      {[]string{"2022年部门预算", "纳入2022年部门预算编制范围的为某市外国语学校本级。"}, ""},
		"region":    {[]string{"2021年部门决算", "2021年区本级一般公共预算", "区本级支出"}, ""},
		"two names": {[]string{"2022年部门预算", "为某市第一中学本级。", "即某市第一中学本级预算", "为某市第二小学本级。", "即某市第二小学本级预算"}, ""},
		"repeated":  {[]string{"2022年部门预算", "纳入2022年部门预算编制范围的为某市外国语学校本级。", "纳入2022年部门预算编制范围的为某市外国语学校本级。"}, ""},
		"sentence":  {[]string{"2022年部门预算", "纳入本年部门预算编制范围的为某市外国语学校本级。", "纳入2021年部门预算编制范围的为某市外国语学校本级。"}, ""},
	} {
		if got, _ := ownOfficeName(c.lines); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	d := extractLines(t, "目 录\n第一部分:2022年部门预算说明\n二、部门预算单位构成\n我校无二级预算单位,因此,纳入2022年部门预算编制范围的为某市外国语学校本级。\n三、部门收支总体情况\n2022年部门预算即某市外国语学校本级预算。")
	if d.Department.Name != "某市外国语学校" || d.Provenance["/department/name"].Line != 4 {
		t.Errorf("name %q from %+v, want 某市外国语学校 from line 4", d.Department.Name, d.Provenance["/department/name"])
	}
}

// A title that names no department, sentences that open with it: the
// longest name opening two sentences (after a heading's number or a 。),
// that opens with its region. A name opening one sentence, or a name
// without its region, gives none.
func TestOpenerName(t *testing.T) {
	for name, c := range map[string]struct {
		lines []string
		want  string
	}{
		"sentences": {[]string{"2020年度部门决算", "(一)机构设置、职责。某某市人民政府研究室是承担政策研究的直属机构。某某市人民政府研究室只有1个机构,无下属单位。", "某某市人民政府研究室行政编制65人。"}, "某某市人民政府研究室"},
		"once":      {[]string{"2020年度部门决算", "某某市人民政府研究室是承担政策研究的直属机构。"}, ""},
		"twice":     {[]string{"2020年度部门决算", "某某市人民政府研究室是政府的研究室。", "某某市人民政府研究室是政府的研究室。"}, ""},
		"no region": {[]string{"2020年度部门决算", "办公室负责文秘。", "办公室负责档案。"}, ""},
	} {
		if got, _ := openerName(c.lines); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	d := extractLines(t, "目 录\n第一部分 2020年度部门决算报表\n第二部分 2020年度部门决算说明\n一、单位基本情况\n(一)机构设置、职责。某某市人民政府研究室是承担综合性政策研究的直属机构。\n(二)人员构成情况\n某某市人民政府研究室行政编制65人,实有人数60人。")
	if d.Department.Name != "某某市人民政府研究室" || d.Document.FiscalYear != 2020 {
		t.Errorf("name %q, year %d, want 某某市人民政府研究室, 2020", d.Department.Name, d.Document.FiscalYear)
	}
}

// A web page's title that shortens the name ("驻某市办事处 2019年度决算公开
// 报告"), its cover repeating the title with the full name: the full name,
// with line breaks and on one line. A cover whose year differs, or a page
// without a cover, keeps the title's name.
func TestCoverName(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"驻呼和浩特市办事处 2019年度决算公开报告\n来源:行署办 发布日期:2020年11月18日\n  某某自治区兴安盟行政公署驻呼和浩特市办事处\n  2019年度决算公开报告\n  目录\n", "某某自治区兴安盟行政公署驻呼和浩特市办事处"},
		{"您的位置: 首页 > 通知公告 驻呼和浩特市办事处 2019年度决算公开报告 来源:行署办 作者:行署办公室 发布日期:2020年11月18日 09:42 分享 下载本页 打印 某某自治区兴安盟行政公署驻呼和浩特市办事处 2019年度决算公开报告 目录\n", "某某自治区兴安盟行政公署驻呼和浩特市办事处"},
		{"驻呼和浩特市办事处 2019年度决算公开报告\n  某某自治区兴安盟行政公署驻呼和浩特市办事处\n  2018年度决算公开报告\n", "驻呼和浩特市办事处"},
		{"驻呼和浩特市办事处 2019年度决算公开报告\n目录\n", "驻呼和浩特市办事处"},
		// the site's greeting before the title names the department, digits after it: no cover
		{"欢迎来到某某市中医医院 24小时应诊电话:0830-3103108 国家中医药管理局中医全科医师规范化培训基地 2023年度某某市中医医院单位决算 来源:某某市中医医院 发布时间:2024-09-24 目录 第一部分 单位概况 一、主要职责 承担全市中医医疗服务,开展中医药科研和教学,指导基层医疗机构的中医药工作。\n", "某某市中医医院"},
	} {
		if d := readText(t, c.text); d.Department.Name != c.want {
			t.Errorf("%q: name %q, want %q", c.text, d.Department.Name, c.want)
		}
	}
	// a title that holds the page's chrome: the name's first word in it is
	// the greeting's, numbers after it, not the fiscal year
	line := "欢迎来到某某市中医医院 24小时应诊电话:0830-3103108 2023年度某某市中医医院单位决算"
	if got := coverName([]string{line}, "某某市中医医院", compact(line), 2023); got != "" {
		t.Errorf("cover %q, want none", got)
	}
}

// The heading of one of the text's parts ("第二部分:2017年部门预算…说明")
// takes no name from the line above it, the last of the part before; a
// table's label (附表:) before the name is no part of it.
func TestPartHeadingAndTableLabel(t *testing.T) {
	d := extractLines(t, "第一部分:部门概况\n(二)部门预算单位构成\n1.101 某区人大常委会办公室(一级预算单位)\n2. 101001 某区人大常委会办公室本级(二级预算单位)\n本部门仅有某市某区人大常委会办公室本级一个二级预算单位\n第二部分:2017年部门预算及“三公”经费预算说明\n一、2017年部门收支预算总体情况")
	if d.Department.Name != "某区人大常委会办公室" {
		t.Errorf("name %q, want 某区人大常委会办公室", d.Department.Name)
	}
	if got := cleanName("附表:某州民族宗教事务局"); got != "某州民族宗教事务局" {
		t.Errorf("cleanName: %q, want 某州民族宗教事务局", got)
	}
}

// A page of the 三公 alone with no title, its first line the sentence
// that states them ("2019年某局“三公”经费财政拨款预算安排389000元,…"): the
// year, the department and the kind are that sentence's, up to its first
// amount. The same sentence after another line is no title. The cars'
// whole named the other way round (运行维护及购置费) and the running costs
// as 运行及维护 are read; "比上年预算增56400元" is an increase.
func TestThreePublicOpeningSentence(t *testing.T) {
	text := "2019年某某市环境保护局“三公”经费财政拨款预算安排389000元,比上年预算增56400元。具体情况如下:\n(一)因公出国(境)费\n安排因公出国(境)费0元。\n(二)公务接待费\n安排公务接待费64000元。\n(三)公务用车运行维护及购置费\n安排公务用车运行维护及购置费325000元,其中:公务用车购置费0元,公务用车运行及维护支出325000元。\n"
	d := readText(t, text)
	if d.Department.Name != "某某市环境保护局" || d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindBudget {
		t.Fatalf("identity %q %d %s, want 某某市环境保护局 2019 budget", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(389000) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(325000) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(325000) {
		t.Fatalf("三公 %+v, want total 389000, vehicle and its running 325000", tp)
	}
	if tp.PriorYear != nil {
		t.Errorf("prior year %v: 比上年预算增56400元 states the increase, not the prior year's", *tp.PriorYear)
	}
	// the year is still the one its figures are stated for, no title's; the
	// kind its statements' (its year's 预算 compared with the year before's)
	if d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split("关于三公经费的说明\n"+text, "\n")}, "t", Hints{}); err != nil || !untold(d, schema.UnknownDepartment) || d.Document.Title != "" || d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindBudget {
		t.Errorf("the sentence after another line made a title, or the year or kind was not read: %v", err)
	}
	if d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(strings.Replace(text, "某某市环境保护局", "我局", 1), "\n")}, "t", Hints{}); err != nil || !untold(d, schema.UnknownDepartment) || d.Document.Title != "" || d.Document.FiscalYear != 2019 || d.Document.Kind != schema.KindBudget {
		t.Errorf("the text's word for itself (我局) made a name, or the year or kind was not read: %v", err)
	}
}

// A web page's body on one line whose title opens with the year, the name
// one word with it up to the kind ("…网站! 2022年度某中心部门决算公开 发布
// 时间:…"): the words before the year are the page's chrome, also where a
// breadcrumb opens the line and chrome (分享到) follows the title. A sentence
// whose word opens with the year and the text's word for itself (本中心)
// names nothing.
func TestOneLineTitleOpeningWithYear(t *testing.T) {
	tail := " 发布时间:2023-08-16 目录 第一部分 部门概况 一、主要职能、职责 1.贯彻落实国家关于公共资源交易工作的方针政策,负责全市公共资源交易平台的运行,承担交易活动的组织和服务工作。\n"
	d := readText(t, "欢迎访问某某市公共资源交易中心网站! • 无障碍 • 长者模式 欢迎访问某某市公共资源交易中心网站! 2022年度某某市公共资源交易中心部门决算公开"+tail)
	if d.Department.Name != "某某市公共资源交易中心" || d.Document.FiscalYear != 2022 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("identity %q %d %s, want 某某市公共资源交易中心 2022 final_accounts", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	// the title between the breadcrumb and the chrome after it (分享到)
	d = readText(t, "当前位置: 首页 > 政务公开 > 部门预决算 > 乡镇办场 > 某某镇 2021年度某某市某某镇人民政府部门决算 发布时间:2022-09-28 11:25 信息来源:财政局 分享到:"+tail)
	if d.Department.Name != "某某市某某镇人民政府" || d.Document.FiscalYear != 2021 {
		t.Errorf("identity %q %d, want 某某市某某镇人民政府 2021", d.Department.Name, d.Document.FiscalYear)
	}
	text := "欢迎访问某某市公共资源交易中心网站! • 无障碍 • 长者模式 主要原因是: 2022年度本中心部门决算收入增加" + tail
	if _, err := Extract(&ingest.Text{Path: "t.txt", Lines: []string{text}}, "t", Hints{}); err == nil {
		t.Errorf("%q: a title, want none", text)
	}
}

// A sentence that opens on its comparison, no subject of its own ("…支出决
// 算205.27万元。比上年支出决算221.17万元减少15.9万元", "收支较上年…" after
// both totals), compares the amount before it; a prior year printed glued to its year ("较20155.88万元增加了
// 0.51万元", the amount less the change 5.88) is left out, not read as
// 20,155.88.
func TestComparisonSentences(t *testing.T) {
	d := extractLines(t, "某区某所2016年度部门决算\n2、2016年支出决算205.27万元。比上年支出决算221.17万元减少15.9万元,减少率为7.19%。\n")
	if p := d.Expenditure.PriorYear; p == nil || *p != schema.Yuan(2211700) {
		t.Errorf("the next sentence's prior year: %v", p)
	}
	kinds := map[string]float64{}
	for _, c := range d.Claims {
		kinds[c.Path+" "+c.Kind] = c.Value
	}
	if kinds["/expenditure change"] != -159000 || kinds["/expenditure change_pct"] != -7.19 {
		t.Errorf("the next sentence's change: %v", kinds)
	}
	if d := extractLines(t, "某区某所2016年度部门决算\n2、2016年支出决算205.27万元。其中基本支出100万元。比上年减少15.9万元。\n"); d.Expenditure.PriorYear != nil {
		t.Errorf("a comparison two sentences on read: %v", *d.Expenditure.PriorYear)
	}
	// after a sentence of two amounts, the comparison is of neither alone
	for _, c := range extractLines(t, "某区某所2016年度部门决算\n2016年基本支出105.27万元，项目支出100万元。比上年减少15.9万元。\n").Claims {
		if c.Kind == schema.ClaimChange {
			t.Errorf("a comparison after two amounts read for %s", c.Path)
		}
	}
	// 收支: both totals the sentence before states
	d = extractLines(t, "某区某局2023年度部门决算\n1.总体情况。2023年度收入总计10328.56万元,支出总计10328.56万元。收支较上年决算数增加418.97万元,增长4.23%,主要原因是收入增加。\n")
	kinds = map[string]float64{}
	for _, c := range d.Claims {
		kinds[c.Path+" "+c.Kind] = c.Value
	}
	if kinds["/revenue change"] != 4189700 || kinds["/expenditure change"] != 4189700 {
		t.Errorf("收支较上年: changes %v", kinds)
	}
	// the totals it names, whatever they print (one misprinted): the one
	// before it at least
	d = extractLines(t, "某区某局2023年度部门决算\n1.总体情况。2023年度收入总计10378.56万元,支出总计10328.56万元。收支较上年决算数增加418.97万元,增长4.23%,主要原因是收入增加。\n")
	kinds = map[string]float64{}
	for _, c := range d.Claims {
		kinds[c.Path+" "+c.Kind] = c.Value
	}
	if kinds["/expenditure change"] != 4189700 {
		t.Errorf("收支较上年, the totals apart: changes %v", kinds)
	}
	for _, c := range []struct {
		text  string
		prior schema.Money
	}{
		{"本单位运行经费支出6.39万元,较20155.88万元增加了0.51万元,增加率为8%。", 0},
		{"本单位运行经费支出20163.50万元,较20155.88万元增加了7.62万元。", schema.Yuan(201558800)},
		{"本单位运行经费支出6.39万元,较2015年5.88万元增加了0.51万元。", schema.Yuan(58800)},
	} {
		d := extractLines(t, "某区某所2016年度部门决算\n"+c.text+"\n")
		var prior schema.Money
		if oc := d.OperatingCosts; oc != nil && oc.PriorYear != nil {
			prior = *oc.PriorYear
		}
		if prior != c.prior {
			t.Errorf("%s: prior year %v, want %v", c.text, prior, c.prior)
		}
	}
}

// Each amount no figure took is a warning that carries its amount (a zero
// too, which the checks tell from others); the count of those past the
// first ones carries none.
func TestUnplacedWarningAmount(t *testing.T) {
	d := extractLines(t, "某县民政局2019年部门预算\n收入预算为50万元。\n本部门代管往来款项12.5万元，另有暂存款0.00万元。\n")
	got := map[string]string{}
	for _, w := range d.Warnings {
		if strings.HasSuffix(w.Reason, schema.WarnUnplaced) && w.Amount != nil {
			got[w.Reason] = w.Amount.String()
		}
	}
	want := map[string]string{"amount 12.5万元 " + schema.WarnUnplaced: "125000", "amount 0.00万元 " + schema.WarnUnplaced: "0"}
	if !maps.Equal(got, want) {
		t.Errorf("unplaced amounts %v, want %v; warnings %+v", got, want, d.Warnings)
	}
	var text strings.Builder
	text.WriteString("某县民政局2019年部门预算\n")
	for i := range maxWarnings + 2 {
		fmt.Fprintf(&text, "本部门代管往来款项%d万元。\n", i+1)
	}
	d = extractLines(t, text.String())
	last := d.Warnings[len(d.Warnings)-1]
	if last.Reason != "2 more amounts "+schema.WarnUnplaced || last.Amount != nil {
		t.Errorf("last warning %+v", last)
	}
}

// A title that names its region only takes the unit's name from the text,
// and its warning says from where: the subject of its sentences or the
// heading of its responsibilities, not a title without the year.
func TestRegionOnlyTitleWarning(t *testing.T) {
	for _, c := range []struct{ text, reason string }{
		{"上海市普陀区2026年区级单位预算\n目录\n一、上海市普陀区图书馆主要职能\n负责文献借阅。",
			"the title names its region only (上海市普陀区); the name is the one that heads its responsibilities (…主要职能) (上海市普陀区图书馆)"},
		{"上海市普陀区2026年区级单位预算\n上海市普陀区图书馆2026年收入预算100万元。\n上海市普陀区图书馆2026年支出预算100万元。",
			"the title names its region only (上海市普陀区); the name is the subject of the text's sentences (上海市普陀区图书馆)"},
	} {
		d := extractLines(t, c.text)
		if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return w.Reason == c.reason }) {
			t.Errorf("%q: warnings %+v, want %q", c.text, d.Warnings, c.reason)
		}
	}
}

// sentenceStart is right after the last 。 before an offset, the text's
// start for none.
func TestSentenceStart(t *testing.T) {
	st := newStream([]string{"收入100万元。支出90万元。"})
	second := strings.Index(st.s, "支出")
	if got := st.sentenceStart(second + len("支出")); got != second {
		t.Errorf("in the second sentence: %d, want %d", got, second)
	}
	if got := st.sentenceStart(second - len("。")); got != 0 {
		t.Errorf("in the first: %d, want 0", got)
	}
}

// TestCleanNameAfterHeading: a numbered heading run into the name (a body
// whose line breaks were lost) is no part of it, and one whose words do
// not end as a heading's leaves no name. A name whose own office (本级)
// follows it without brackets ends like a department's, so a CMS header's
// labels run into it (a web page's body on one line) are cut at the last
// label's colon; a region's own organs (区本级) name none.
func TestCleanNameAfterHeading(t *testing.T) {
	for in, want := range map[string]string{
		"某卫生院发表日期:2023-02-02文章来源:某市某卫生院本级": "某市某卫生院本级",
		"某卫生院发表日期:2023-02-02文章来源:区本级":      "某卫生院发表日期:2023-02-02文章来源:区本级",
		"(二)决算编报构成某市某公园":                   "某市某公园",
		"(一)单位职能某县某中心":                     "某县某中心",
		"(三)某县某中心":                         "",
		"某县某中心(本级)":                        "某县某中心(本级)",
		"(一)关于某县某乡人民政府":                    "某县某乡人民政府",
		"(六)关于":                            "",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAboutHeadingName: contents with no title whose numbered headings say
// what they explain of the department (关于…) name it, with the year and kind.
func TestAboutHeadingName(t *testing.T) {
	d := extractLines(t, "目录\n一、部门概况\n(一)主要职能\n二、2025年某县某乡人民政府部门预算安排情况说明\n(一)关于某县某乡人民政府2025年收支预算情况的总体说明\n(二)关于某县某乡人民政府2025年收入预算情况说明\n一、部门概况\n(一)主要职能\n1.贯彻执行党和国家的有关方针、政策。")
	if d.Department.Name != "某县某乡人民政府" || d.Document.FiscalYear != 2025 || d.Document.Kind != schema.KindBudget {
		t.Errorf("%q %d %s", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
}

// TestCollegeTotalsAndSources: a 决算's 收支总决算 is both totals; a
// college's 财政专户拨款 (its tuition, paid through the fiscal account) is the
// 财政专户管理资金 in a list of the revenue's parts, each part's share after
// it (占预算总收入的, a share of the revenue) or not — where the list adds up,
// and where every other part is a source its label reads and they do not
// (sum.revenue_sources says so), but not where a part is no source.
func TestCollegeTotalsAndSources(t *testing.T) {
	d := extractLines(t, "某大学2014年度部门决算\n一、收支情况\n某大学2014年度收支总决算3746.39万元,比2013年收支总决算增238.23万元。其中:(一)收入总计3746.39万元。包括:1、财政拨款收入1818.69万元。")
	if e := d.Expenditure; e == nil || e.Total == nil || e.Total.String() != "37463900" {
		t.Errorf("收支总决算: expenditure %+v", e)
	}
	list := "某学院2015年部门预算收支情况说明\n2015年收入预算51,232.55万元,其中:公共预算拨款28,572.55万元,占预算总收入的55.77%;财政专户拨款16,300万元,占预算总收入的31.82%;事业收入330万元,占预算总收入的0.64%;经营收入2,370万元,占预算总收入的4.63%;其他收入3,660万元,占预算总收入的7.14%。"
	for text, want := range map[string]bool{list: true, strings.Replace(list, "其他收入3,660万元", "其他收入3,600万元", 1): true,
		strings.Replace(list, "其他收入3,660万元", "代管资金3,600万元", 1): false} {
		found := false
		d := extractLines(t, text)
		for _, s := range d.Revenue.Sources {
			found = found || s.Name == "财政专户管理资金" && s.Amount.String() == "163000000"
		}
		if found != want {
			t.Errorf("财政专户拨款 read %v, want %v: %s", found, want, text)
		}
		shares := 0
		for _, c := range d.Claims {
			if c.Kind == schema.ClaimSharePct && c.Of == "/revenue/total" {
				shares++
			}
		}
		if want && shares != 5 {
			t.Errorf("%d shares of 预算总收入 read, want 5: %+v", shares, d.Claims)
		}
	}
}

// TestAmountAfterFundsClause: a label, a comma and a clause of fillers that
// names its funds (机关运行经费，当年一般公共预算拨款6.83万元) gives the
// amount; a clause of a change, or a second comma, does not.
func TestAmountAfterFundsClause(t *testing.T) {
	for clause, want := range map[string]*schema.Money{
		"机关运行经费，当年一般公共预算拨款6.83万元，比2017年预算减少2.69万元。": new(schema.Yuan(68300)),
		"机关运行经费，较上年增加6.83万元。":                       nil,
		"机关运行经费，当年，一般公共预算拨款6.83万元。":                 nil,
	} {
		doc, err := Extract(&ingest.Text{Path: "c.txt", Lines: []string{"某中心2018年部门预算", "2018年本级的" + clause}}, "c", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		var got *schema.Money
		if doc.OperatingCosts != nil {
			got = &doc.OperatingCosts.Amount
		}
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Errorf("%s: operating costs %v, want %v", clause, got, want)
		}
	}
}

// TestSectorThreePublicTitle: a 三公 page whose title names a region's
// sector (某某省交通运输部门), no department, takes its year and kind from the
// title and its department from the subject of its sentence; on one line as
// on many (the title run into the sentence).
func TestSectorThreePublicTitle(t *testing.T) {
	text := "某某省交通运输部门2022年“三公”经费预算情况说明\n\n交通运输厅2022年一般公共预算“三公”经费预算数为98.65万元,其中:\n" +
		"因公出国(境)经费7万元。公务用车购置及运行费87.15万元。公务接待费4.5万元。\n"
	for _, text := range []string{text, strings.ReplaceAll(text, "\n", " ")} {
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Department.Name != "交通运输厅" || d.Document.FiscalYear != 2022 || d.Document.Kind != schema.KindBudget || d.Document.Title != "某某省交通运输部门2022年“三公”经费预算情况说明" {
			t.Errorf("identity %q %+v", d.Department.Name, d.Document)
		}
	}
}

// The basic and project expenditure read from the appropriations' split
// (…一般公共预算财政拨款支出727.11万元，比2024年减少67.02万元。其中：基本支出
// 695.37万元，比2024年减少35.51万元…) take the changes stated with them; the
// changes the text gives of all funds' basic and project expenditure, as
// the reason of the year's total's, are of other figures (727.11 of
// 735.09 is appropriations), and are placed nowhere.
func TestAppropriationsSplitChanges(t *testing.T) {
	text := "某县某镇某小学\n2025年单位预算情况说明\n" +
		"(一)收入预算:2025年年初预算数735.09万元,其中:一般公共预算拨款727.11万元,政府性基金预算拨款2万元,财政专户管理资金收入5.98万元。\n" +
		"(二)支出预算:2025年年初预算数735.09万元。支出预算较2024年减少62.54万元,主要是基本支出预算减少35.51万元,项目支出预算减少27.03万元。\n" +
		"三、单位预算情况说明\n" +
		"2025年一般公共预算财政拨款收入727.11万元,一般公共预算财政拨款支出727.11万元,比2024年减少67.02万元。其中:基本支出695.37万元,比2024年减少35.51万元,主要用于保障在职人员工资福利;项目支出31.74万元,比2024年减少31.51万元,主要用于学校运转。\n"
	d := extractLines(t, text)
	if d.Expenditure == nil || d.Expenditure.Project == nil || d.Expenditure.Project.Amount != schema.Yuan(317400) {
		t.Fatalf("project expenditure: %+v", d.Expenditure)
	}
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimChange && (c.Path == "/expenditure/basic" || c.Path == "/expenditure/project") && !strings.Contains(c.Text, "一般公共预算财政拨款支出") {
			t.Errorf("all funds' change read as the appropriations' split's: %s %v (line %d)", c.Path, c.Value, c.Line)
		}
	}
	changes := 0
	for _, c := range d.Claims {
		if c.Kind == schema.ClaimChange && c.Path == "/expenditure/project" {
			changes++
		}
	}
	if changes != 1 {
		t.Errorf("the split's project change: %d claims, want 1", changes)
	}
}

// TestCleanNameChromeBefore: what a page prints before a title's name is no
// part of it — a CMS's category tag in 【】, a document site's list number
// and the PDF's page number run into it, and (a body on one line) a
// breadcrumb's last crumb that names a category (…信息, …公开).
func TestCleanNameChromeBefore(t *testing.T) {
	for in, want := range map[string]string{
		"【财政决算】某市某区博物馆": "某市某区博物馆",
		"【通知】": "【通知】",
		"1、1上海市某区某镇社区卫生服务中心": "上海市某区某镇社区卫生服务中心",
		"101中学": "101中学",
		"首页>教育局主站>资金信息某某市某局直属系统": "某某市某局直属系统",
		"首页>信息公开>某县信息中心":         "某县信息中心",
		"(二)决算编报构成某市某公园":         "某市某公园",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTownshipBudgetNoTitle: a township's budget of 2015 with no title (its
// standard headings only) is named by its 所属单位 section's sentence (某某乡
// 下设…: a township's name may be three characters), a budget by the heading
// of its 收支预算总表, and its 一般预算财政拨款收入 is the general budget's.
func TestTownshipBudgetNoTitle(t *testing.T) {
	d := extractLines(t, "一、部门基本情况\n(一)所属单位\n群加乡下设行政单位1个。\n(二)人员构成\n行政编制10人。\n二、收支预算总表说明(表1)\n(一)收入情况\n2015年群加乡本年度预算总收入为284.45万元,一般预算财政拨款收入284.45万元。\n(二)支出情况\n本年度支出预算284.45万元。")
	if d.Department.Name != "群加乡" || d.Document.Kind != schema.KindBudget || d.Document.FiscalYear != 2015 {
		t.Fatalf("identity %q %s %d", d.Department.Name, d.Document.Kind, d.Document.FiscalYear)
	}
	if d.Revenue.Total == nil || d.Revenue.Total.Float() != 2844500 || len(d.Revenue.Sources) == 0 || d.Revenue.Sources[0].Name != "一般公共预算" {
		t.Errorf("revenue %+v", d.Revenue)
	}
}

// TestYearSubjectName: a page with no title names its department as the
// subject of its figures' sentences right after the year (2016年某大学年初部门
// 预算收入为…), twice at least; 年初 before a total's label is the budget's
// opening word, no longer term's.
func TestYearSubjectName(t *testing.T) {
	d := extractLines(t, "2016年度预算编制说明\n(二)2016年收支预算编制说明\n1.2016年某某建筑大学年初部门预算收入为68158.05万元,其中:\n事业收入:2016年某某建筑大学事业收入预算35957.91万元。\n2.2016年某某建筑大学年初部门预算支出68158.05万元,其中:\n基本支出:2016年某某建筑大学年初基本支出预算49658.05万元。")
	if d.Department.Name != "某某建筑大学" {
		t.Errorf("name %q", d.Department.Name)
	}
	if d.Revenue.Total == nil || d.Revenue.Total.Float() != 681580500 || d.Expenditure.Total == nil || d.Expenditure.Basic == nil || d.Expenditure.Basic.Amount.Float() != 496580500 {
		t.Errorf("totals %+v %+v", d.Revenue, d.Expenditure)
	}
	// one sentence alone names no department
	if n, _ := yearSubjectName([]string{"1.2016年某某建筑大学年初部门预算收入为68158.05万元。"}, 2016); n != "" {
		t.Errorf("named by one sentence: %q", n)
	}
}

// TestUnitNamedByItsSections: contents with no title and no figure name
// their unit where a section does — the one unit the report covers (纳入…
// 编报的单位共1个,分别是某林场: a forest farm ends like a unit), or its 机构
// 设置 under a part's heading saying what kind of unit it is (某中心为…预算单位),
// the contents' entry of the section passed over.
func TestUnitNamedByItsSections(t *testing.T) {
	d := extractLines(t, "第一部分 部门概况\n一、主要职能\n第二部分 2015年度部门决算表\n一、收入支出决算总表\n第三部分 2015年度部门决算情况说明\n一、收入决算情况说明\n第一部分 部门概况\n二、部门基本情况\n大河林场始建于1981年5月。\n纳入2015年部门决算编报的单位共1个,分别是某某市某局大河林场,其中行政单位0个。")
	if d.Department.Name != "某某市某局大河林场" || d.Document.FiscalYear != 2015 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("covered: %q %d %s", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	d = extractLines(t, "目录\n一、部门(单位)主要职责\n二、机构设置情况\n三、预算收支安排及增减变化情况\n十一、2025部门预算表\n一)2025年收支总表\n第一部分 部门(单位)主要职责\n市疾病预防控制中心负责辖区内疫情信息收集与上报。\n第二部分 机构设置情况\n某某市疾病预防控制中心为卫健委二级预算单位,公益一类事业单位。")
	if d.Department.Name != "某某市疾病预防控制中心" || d.Document.FiscalYear != 2025 || d.Document.Kind != schema.KindBudget {
		t.Errorf("established: %q %d %s", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	// several units covered name none
	if n, _ := coveredName([]string{"纳入2015年部门决算编报的单位共2个,分别是某某市某局大河林场、某某市某局小河林场。"}); n != "" {
		t.Errorf("two units covered: %q", n)
	}
}
