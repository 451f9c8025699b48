package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestBreakLongLines(t *testing.T) {
	pad := strings.Repeat("说明", 200) // makes the line long enough to be broken
	line := pad + "。一、收入支出预算总体情况。收入预算 305.63 万元；比上年减少 12.92 万元。（一）基本支出 200 万元。" +
		"附件1 收支决算总表 项目 决算数 一、财政拨款 2,188.65 二、上级补助收入 本年收入合计 2,188.65 合计 2,201.53"
	got := breakLongLines([]string{"短行", line, "末行"})
	want := []string{"短行", pad + "。", "一、收入支出预算总体情况。", "收入预算 305.63 万元；", "比上年减少 12.92 万元。", "（一）基本支出 200 万元。",
		"附件1", "收支决算总表", "项目", "决算数", "一、财政拨款", "2,188.65", "二、上级补助收入", "本年收入合计", "2,188.65", "合计", "2,201.53", "末行"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a contents' entry that ends with its table's number in brackets ends
	// its line: the title after it opens one
	refs := pad + "。9、政府采购情况表(表9) 10、2018年部门整体支出绩效自评表(表10) 某局关于2018年度 部门决算信息公开的说明 一、部门概况"
	want = []string{pad + "。", "9、政府采购情况表(表9)", "10、2018年部门整体支出绩效自评表(表10)", "某局关于2018年度 部门决算信息公开的说明", "一、部门概况"}
	if got := breakLongLines([]string{refs}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("a contents' entry's table number: got\n%s", strings.Join(got, "\n"))
	}
	// a table with no figure, its note closing the run
	empty := pad + "。公开 10 表 政府性基金预算财政拨款收入支出决算表 编制部门：某局 单位：万元 项目 本年支出 科目名称 合计 基本支出 项目支出 注：某局无政府性基金预算财政拨款收入和支出，故本表无数据。"
	got = breakLongLines([]string{empty})
	want = []string{pad + "。", "公开10表", "政府性基金预算财政拨款收入支出决算表", "编制部门：某局", "单位：万元", "项目", "本年支出", "科目名称", "合计", "基本支出", "项目支出", "注：某局无政府性基金预算财政拨款收入和支出，故本表无数据。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a 三公 table whose parts are left blank, two figures among its cells:
	// its title and header's first cell tell the table; its heading and
	// sentence close the run
	blank := pad + "。一、2018年“三公”经费支出预算表 项目 预算数(万元) 合计 3.1 因公出国(境)费 0 公务接待费 公务用车购置及运行费 其中:公务用车运行维护费 公务用车购置 二、2018年“三公”经费支出预算情况说明 某局2018年度“三公”经费支出预算为3.1万元。"
	want = []string{pad + "。", "一、2018年“三公”经费支出预算表", "项目", "预算数(万元)", "合计", "3.1", "因公出国(境)费", "0", "公务接待费", "公务用车购置及运行费", "其中:公务用车运行维护费", "公务用车购置", "二、2018年“三公”经费支出预算情况说明 某局2018年度“三公”经费支出预算为3.1万元。"}
	if got := breakLongLines([]string{blank}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("a table with blank cells: got\n%s", strings.Join(got, "\n"))
	}
	// a spreadsheet's sheets run into one line: a line at each sheet's
	// number and title, one at its unit; its page footer dropped
	sheets := "某局 2020年部门预算 报送日期: 年 月 日 表1 部门收支总表 单位:万元 收 项 入 目 支 2020年预算数 项 出 目 一、一般公共预算拨款收入 1,200.50 一、一般公共服务支出 1,000.50 " +
		strings.Repeat("二、外交支出 ", 30) + "收 入 总 计 1,200.50 支 第 2 页,共 9 页 出 总 计 1,200.50 表1-1 部门收入总表 单位:万元 项 目"
	want = []string{"某局 2020年部门预算 报送日期: 年 月 日", "表1 部门收支总表", "单位:万元 收 项 入 目 支 2020年预算数 项 出 目", "一、一般公共预算拨款收入 1,200.50", "一、一般公共服务支出 1,000.50"}
	got = breakLongLines([]string{sheets})
	if len(got) < len(want)+3 || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("sheets: got\n%s", strings.Join(got, "\n"))
	}
	if tail := got[len(got)-3:]; !strings.HasSuffix(tail[0], "收 入 总 计 1,200.50 支 出 总 计 1,200.50") || tail[1] != "表1-1 部门收入总表" || tail[2] != "单位:万元 项 目" {
		t.Errorf("sheets' end: %q", tail)
	}
	// a page's metadata run into its body, a run of spaces or two in it,
	// is prose broken at its headings; a layout row, its short cells apart
	// by runs of spaces, is kept whole
	meta := "2016年“三公”经费预算 访问次数: 7471                发布时间:2016-03-25 一、2016年“三公”经费支出预算表 单位:万元 项      目 " + pad +
		" 二、2016年“三公”经费支出预算情况说明 某办2016年度“三公”经费支出预算为57.9万元。"
	got = breakLongLines([]string{meta})
	if len(got) != 4 || !strings.HasPrefix(got[0], "2016年“三公”经费预算 访问次数") || !strings.HasPrefix(got[1], "一、") || !strings.HasPrefix(got[3], "二、") {
		t.Errorf("metadata run into the body: %q", got)
	}
	row := "一、一般公共服务支出      1,000.50      " + strings.Repeat("二、外交支出      20.00      ", 20) + "三、国防支出      30.00"
	if got := breakLongLines([]string{row}); len(got) != 1 {
		t.Errorf("a layout row was broken: %q", got)
	}
	// a web table flattened with an HTML-to-text converter's bars between
	// its cells: its cells a line, the bars none
	bars := pad + "。附表: 某局2014年“三公”经费决算表 项目 | 2014年决算 (万元) | 因公出国(境)经费 | 0 | 公务接待费 | 1.3 | 公务用车购置及运行维护费 | 17.9 | 其中:购置经费 | 0 | 运行维护费 | 17.9 |"
	want = []string{pad + "。", "附表:", "某局2014年“三公”经费决算表", "项目", "2014年决算", "(万元)", "因公出国(境)经费", "0", "公务接待费", "1.3", "公务用车购置及运行维护费", "17.9", "其中:购置经费", "0", "运行维护费", "17.9"}
	if got := breakLongLines([]string{bars}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("a table with bars: got\n%s", strings.Join(got, "\n"))
	}
	// a table's unit after its title, in traditional script too
	trad := pad + "。某縣2015年度移民局“三公”經費決算情況表 單位:萬元 項目 本年決算數 一、支出合計 9.28"
	want = []string{pad + "。", "某縣2015年度移民局“三公”經費決算情況表", "單位:萬元 項目 本年決算數", "一、支出合計 9.28"}
	if got := breakLongLines([]string{trad}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("a unit after a title in traditional script: got\n%s", strings.Join(got, "\n"))
	}
	// a contents page on one line: an entry a line, up to its page number
	// after the leaders
	toc := "目  录 第一部分  某厅部门概况.......... 3 一、部门职责...... 3 第二部分  某厅2019年度部门决算公开表..... 6 " +
		"一、收入支出决算公开表…… 6 二、收入决算公开表···· 7 第三部分  某厅2019年度部门决算情况说明" + strings.Repeat("…", 100) + " 18"
	want = []string{"目  录 第一部分  某厅部门概况.......... 3", "一、部门职责...... 3", "第二部分  某厅2019年度部门决算公开表..... 6",
		"一、收入支出决算公开表…… 6", "二、收入决算公开表···· 7", "第三部分  某厅2019年度部门决算情况说明" + strings.Repeat("…", 100) + " 18"}
	if got := breakLongLines([]string{toc}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("contents: got\n%s", strings.Join(got, "\n"))
	}
	// a document site's page on one line: an attached file's name a line,
	// the title after it its own
	files := "2021年度部门决算公开说明-某处.pdf 某区某管理处 2021 年度决算公开说明 (目录) 附表.XLSX " + strings.Repeat("某处", 200) + " 某局.pdf某局.pdf"
	want = []string{"2021年度部门决算公开说明-某处.pdf", "某区某管理处 2021 年度决算公开说明 (目录) 附表.XLSX", strings.Repeat("某处", 200) + " 某局.pdf某局.pdf"}
	if got := breakLongLines([]string{files}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files: got\n%s", strings.Join(got, "\n"))
	}
	// a contents' entries numbered 1、 each a line, as a list's items;
	// a figure's digits before 、 no entry
	entries := "五、2019年部门决算公开表(汇总及本级) (一)某局汇总 1、收入支出决算总表 12、收入决算表 (二)某局本级 1、收入支出决算总表 " +
		strings.Repeat("说明", 200) + "共3、5人"
	want = []string{"五、2019年部门决算公开表(汇总及本级)", "(一)某局汇总", "1、收入支出决算总表", "12、收入决算表", "(二)某局本级", "1、收入支出决算总表 " + strings.Repeat("说明", 200) + "共3、5人"}
	if got := breakLongLines([]string{entries}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries: got\n%s", strings.Join(got, "\n"))
	}
	// a run of cells ended by a heading and the sentence after it: the
	// heading's line holds its sentence, as the cells their lines
	run := pad + "。一、2016年“三公”经费决算情况表 (单位:万元) 项 目 预算数 决算数 合 计 77.00 68.30 公务接待费 35.00 26.4 公务用车购置费 42.00 41.90 " +
		"二、2016年 “三公”经费支出决算情况说明 某局2016年度“三公”经费支出决算为68.3万元。"
	got = breakLongLines([]string{run})
	if n := len(got); n < 2 || got[n-2] != "41.90" || got[n-1] != "二、2016年 “三公”经费支出决算情况说明 某局2016年度“三公”经费支出决算为68.3万元。" {
		t.Errorf("cells and a heading: got\n%s", strings.Join(got, "\n"))
	}
	short := []string{"一、收入。二、支出。"}
	if got := breakLongLines(short); len(got) != 1 {
		t.Errorf("a short line was broken: %q", got)
	}
}

// TestBreakLongLinesCapped: a line with no sentence end, heading or cell
// run is still cut, at spaces or rune boundaries, into short lines.
// TestBreakShortTableLine: a short page's one line that is a table's title,
// its unit or header and its cells is broken as a long line is; a short
// sentence, a table's row and a title with its unit are kept.
func TestBreakShortTableLine(t *testing.T) {
	table := "某局2018年“三公”经费支出预算表 单位:万元 项目 预算数 合计 3.1 因公出国(境)费 0 公务接待费 2.1 公务用车购置及运行费 1"
	want := []string{"短行", "某局2018年“三公”经费支出预算表", "单位:万元", "项目", "预算数", "合计", "3.1", "因公出国(境)费", "0", "公务接待费", "2.1", "公务用车购置及运行费", "1"}
	if got := breakLongLines([]string{"短行", table}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("a short table's line: got\n%s", strings.Join(got, "\n"))
	}
	for _, l := range []string{
		"某局2018年度“三公”经费支出预算为 3.1 万元 其中 公务接待费 2.1 万元 公务用车 1 万元。",
		"一、一般公共服务支出 1,000.50 200 300 400 500 600 700",
		"某局2018年部门收支总表 单位:万元",
		"某局收支总表      单位:万元      项目      预算数      合计      3.1      公务接待费      2.1",
	} {
		if got := breakLongLines([]string{l}); len(got) != 1 || got[0] != l {
			t.Errorf("a short line was broken: %q", got)
		}
	}
}

func TestBreakLongLinesCapped(t *testing.T) {
	for _, l := range []string{strings.Repeat("汉", 100000), strings.Repeat("abc ", 100000), strings.Repeat("x", 100000)} {
		got := breakLongLines([]string{l})
		for _, s := range got {
			if len(s) > maxSegment {
				t.Fatalf("segment of %d bytes", len(s))
			}
		}
		if noSpace(strings.Join(got, "")) != noSpace(l) {
			t.Errorf("the segments do not hold the line's text")
		}
	}
}

// TestLongLineLinear: breaking is one pass — an 8 MB line of 160,000
// sentences comes back a sentence a line (it was quadratic downstream
// before lines were broken: a quadratic pass over 8 MB would not end within
// the test's deadline). Its time is BenchmarkBreakLongLines's, not asserted.
func TestLongLineLinear(t *testing.T) {
	if got := breakLongLines([]string{sentencesLine}); len(got) != 160000 {
		t.Errorf("%d lines, want 160000 (one per sentence)", len(got))
	}
}

var sentencesLine = strings.Repeat("收入预算 1,234.56 万元，比上年增加 12.5 万元；", 160000)

func BenchmarkBreakLongLines(b *testing.B) {
	b.SetBytes(int64(len(sentencesLine)))
	for b.Loop() {
		breakLongLines([]string{sentencesLine})
	}
}

func noSpace(s string) string { return strings.ReplaceAll(s, " ", "") }

func TestReadHeader(t *testing.T) {
	lines := strings.Split("标题: 2018年度平潭综合实验区公安局预算说明\n发布时间: 2018-01-24 21:11\n文号: \n发布机构: 平潭综合实验区公安局\n"+
		"原文链接: https://example.gov.cn/t20180124_8932.htm\n==== 正文 ====\n当前位置：首页", "\n")
	h := ReadHeader(lines)
	if h == nil {
		t.Fatal("no header read")
	}
	want := Header{Title: "2018年度平潭综合实验区公安局预算说明", Publisher: "平潭综合实验区公安局", Published: "2018-01-24 21:11",
		URL: "https://example.gov.cn/t20180124_8932.htm", TitleLine: 1}
	if *h != want {
		t.Errorf("got %+v, want %+v", *h, want)
	}
	// a page in traditional script: its labels read, its values as printed
	h = ReadHeader(strings.Split("標題: 2022年度某縣審計局部門預算\n發佈時間: 2022-02-10\n發布機構：某縣審計局\n來源: 某縣人民政府\n正文", "\n"))
	if want := (Header{Title: "2022年度某縣審計局部門預算", Publisher: "某縣審計局", Published: "2022-02-10", TitleLine: 1}); h == nil || *h != want {
		t.Errorf("traditional labels: got %+v, want %+v", h, want)
	}
	for _, text := range []string{
		"标题：只有一行\n正文",               // a title alone is not a header
		"2018年部门预算\n标题: x\n发布机构: y", // the labels must open the text
		"发布机构: y\n栏目: z",            // no title
	} {
		if h := ReadHeader(strings.Split(text, "\n")); h != nil {
			t.Errorf("%q: read a header %+v", text, *h)
		}
	}
}

// A page's body on one line whose table a web converter printed a cell a
// line, each cell with its bar and a blank cell a bar alone, gives those
// lines back (the table readers tell its kept blank cells by the bars),
// the title and unit before it a line each; a pipe table's rows run
// together (bars side by side: its blank cells may be moved to a row's
// end) and a run with no blank cell are broken as other runs of cells,
// their bars dropped. A page's date and time is a line of its own
// between its headline and its body, and a line of more cells than a
// row holds is no pipe row.
func TestBreakBarCells(t *testing.T) {
	pad := strings.Repeat("说明", 200)
	cells := "收入 | 支出 | 项目 | 决算数 | 项目 | 决算数 | 一、财政拨款收入 | 9909.76 | 一、一般公共服务支出 | | 其中:政府性基金 | 2121.34 | 二、外交支出 | |"
	got := Lines(pad + "。第二部分 某所2018年度决算表 2018年度收入支出决算总表 单位:万元 " + cells + " 注:本表为空的项目无数据。")
	want := []string{pad + "。", "第二部分", "某所2018年度决算表", "2018年度收入支出决算总表", "单位:万元", "收入 |", "支出 |", "项目 |", "决算数 |", "项目 |", "决算数 |",
		"一、财政拨款收入 |", "9909.76 |", "一、一般公共服务支出 |", "|", "其中:政府性基金 |", "2121.34 |", "二、外交支出 |", "|", "注:本表为空的项目无数据。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the next table's title and unit between the last table's cells and
	// its own, no bar to part them: a line each, as with a sentence before
	next := pad + "。" + cells + " 2015年“三公”经费预算公开表 单位:万元 项目 | 预算数 | 合计 | 125.88 | 1、因公出国(境)费 | | 2、公务接待费 | 72.47 | 注:无。"
	want = append(append(want[:19:19], "2015年“三公”经费预算公开表", "单位:万元", "项目 |", "预算数 |", "合计 |", "125.88 |", "1、因公出国(境)费 |", "|", "2、公务接待费 |", "72.47 |"), "注:无。")
	if got := Lines(next); strings.Join(got[1:], "\n") != strings.Join(want[5:], "\n") {
		t.Errorf("a title run into a cell: got\n%s\nwant\n%s", strings.Join(got[1:], "\n"), strings.Join(want[5:], "\n"))
	}
	rows := pad + "。收入支出决算总表 项目 | 行次 | 金额 | 一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | || 二、上级补助收入 | 2 | 二、外交支出 | 29 | ||| 三、事业收入 | 3 | 34221.23 | 三、国防支出 | 30 | || 四、经营收入 | 4 | 四、公共安全支出 | 31 | |||"
	if got := Lines(rows); slices.Contains(got, "|") || !slices.Contains(got, "625.58") {
		t.Errorf("pipe rows run together: %q", got)
	}
	news := "某办2013年“三公”经费决算比预算减40余万 18.07.2014 22:40 中新网7月18日电 据政府网消息,某办公布2013年度部门决算。" + pad + "。"
	if got := Lines(news); len(got) < 3 || got[0] != "某办2013年“三公”经费决算比预算减40余万" || got[1] != "18.07.2014 22:40" {
		t.Errorf("a headline and its dateline: %q", got[:min(len(got), 3)])
	}
	wide := "| " + strings.Repeat("1 | ", maxRowCells+1)
	if got := Lines(wide); strings.Contains(got[0], "\t") {
		t.Errorf("a line of %d cells read as a pipe row", maxRowCells+2)
	}
}

// TestBreakMetadataRun: a page's metadata run into its body's one line, the
// piece opening with a field or a breadcrumb, is broken a field a line, each at its label
// (some spaced out: 分 类), so the title's field is a line of its own; one
// label in a sentence is no run, nor labels after a breadcrumb that holds
// the title.
func TestBreakMetadataRun(t *testing.T) {
	pad := strings.Repeat("说明", 200)
	line := "标题:某市发展和改革委员会本级2024年度部门决算公开报告 索引号:00821205-9/2025-00047 分 类:财政、金融、审计 发文机关:某市发展和改革委员会 " +
		"发布日期:2025年09月24日某市发展和改革委员会本级2024年度部门决算公开报告 一、部门职责 " + pad
	want := []string{"标题:某市发展和改革委员会本级2024年度部门决算公开报告", "索引号:00821205-9/2025-00047", "分 类:财政、金融、审计", "发文机关:某市发展和改革委员会",
		"发布日期:2025年09月24日某市发展和改革委员会本级2024年度部门决算公开报告", "一、部门职责 " + pad}
	if got := breakLongLines([]string{line}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	one := "资金 来源: 财政拨款。" + pad
	if got := breakLongLines([]string{one}); len(got) != 2 || got[0] != "资金 来源: 财政拨款。" {
		t.Errorf("one label: got %q", got)
	}
	// a breadcrumb before the fields: the crumbs a line, a field a line
	fields := "当前位置: 网站首页 > 政务公开 > 某局> 预决算 索引号: 1115/202302-00010 发布机构: 某局 名称: 某局2021年度决算公开报告 文号: 一、部门职责 " + pad
	want = []string{"当前位置: 网站首页 > 政务公开 > 某局> 预决算", "索引号: 1115/202302-00010", "发布机构: 某局", "名称: 某局2021年度决算公开报告", "文号:", "一、部门职责 " + pad}
	if got := breakLongLines([]string{fields}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("crumbs and fields: got\n%s", strings.Join(got, "\n"))
	}
	// a breadcrumb's last crumb that is the title, the fields after it: the
	// labels tell the title's end, the piece is kept
	crumbs := "当前位置: 首页 > 通知公告 2021年度某局(本级)决算公开 来源:某局 发布时间:2022-12-22 第一部分 单位概况 " + pad
	if got := breakLongLines([]string{crumbs}); len(got) != 2 || !strings.HasSuffix(got[0], "发布时间:2022-12-22") {
		t.Errorf("crumbs: got %q", got)
	}
}
