package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// extractWeb extracts a saved web page: its header lines, then its body on
// one line, broken as ingest breaks it.
func extractWeb(t *testing.T, body string) (*schema.Document, []string) {
	t.Helper()
	page := "标题: 2017年度平潭县某镇人民政府决算说明\n发布时间: 2018-08-13 16:11\n发布机构: 某镇\n" +
		"==================== 正文 ====================\n" + body
	lines := ingest.Lines(page)
	d, err := Extract(&ingest.Text{Path: "w.txt", Lines: lines, Header: ingest.ReadHeader(lines), SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Format: "text"}, "w", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(d); err != nil {
		t.Fatalf("the extracted document is invalid: %v", err)
	}
	return d, lines
}

// webFunctionBody is a web page's 收支决算总表, 收入决算表, 财政拨款收支总表,
// 一般公共预算财政拨款支出决算表,
// 支出决算明细表, 基本支出决算表, 政府性基金 table, 相关信息统计表 and 政府采购情况表
// flattened into its body; the second's rows: 项 codes only, each row its total and its basic or
// project part (the other blank, dropped), the code of a row printed after
// the amounts of the row before.
const webFunctionBody = "当前位置： 首页政务公开 2017年度平潭县某镇人民政府决算说明 按照要求，现将我单位2017年度部门决算说明如下:一、主要职责是执行上级决定。" +
	"附件1 收支决算总表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 收入 支出 项目 决算数 项目(按经济分类) 决算数 " +
	"一、财政拨款 689.44 一、一般公共服务支出 675.64 二、上级补助收入 二、外交支出 三、事业收入 三、公共安全支出 13.80 " +
	"本年收入合计 689.44 本年支出合计 689.44 用事业基金弥补收支差额 结余分配 年初结转和结余 12.88 基本支出结转 6.79 " +
	"项目支出结转和结余 6.09 年末结转和结余 12.88 基本支出结转 6.79 项目支出结转和结余 6.09 合计 702.32 合计 702.32 " +
	"附件2 收入决算表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 " +
	"项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入 支出功能分类科目编码 科目名称 类 款 项 " +
	"合计 689.44 689.44 201 一般公共服务支出 675.64 675.64 20103 政府办公厅（室）及相关机构事务 672.84 672.84 2010301 行政运行 672.84 672.84 " +
	"20106 财政事务 2.80 2.80 2010601 行政运行 2.80 2.80 204 公共安全支出 13.80 13.80 20499 其他公共安全支出 13.80 13.80 " +
	"2049901 其他公共安全支出 13.80 13.80 " +
	"附件4 财政拨款收入支出决算总表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 收 入 支 出 项 目 决算数 项目（按功能分类） 决算数 一般公共预算财政拨款 政府性基金预算财政拨款 " +
	"一、一般公共预算财政拨款 1,866.79 一、一般公共服务支出 675.64 675.64 二、政府性基金预算财政拨款 321.86 二、外交支出 三、国防支出 四、公共安全支出 13.80 13.80 五、教育支出 " +
	"六、科学技术支出 七、文化体育与传媒支出 10.83 10.83 八、社会保障和就业支出 6.00 6.00 九、医疗卫生与计划生育支出 63.23 63.23 十、节能环保支出 297.20 297.20 " +
	"十一、城乡社区支出 415.25 114.93 300.32 十二、农林水支出 442.69 442.69 十三、交通运输支出 6.00 6.00 十四、资源勘探信息等支出 十五、商业服务业等支出 十六、金融支出 " +
	"十七、援助其他地区支出 十八、国土海洋气象等支出 十九、住房保障支出 70.88 70.88 二十、粮油物资储备支出 二十一、其他支出 169.50 169.50 二十二、债务还本支出 二十三、债务付息支出 本年收入合计 " +
	"2,188.65 本年支出合计 2,171.02 1,870.70 300.32 年初财政拨款结转和结余 10.07 年末财政拨款结转和结余 27.69 0.05 27.64 一、一般公共预算财政拨款 3.97 " +
	"基本支出结转 21.69 0.05 21.64 二、政府性基金预算财政拨款 6.09 项目支出结转和结余 6.00 6.00 总计 2,198.71 总计 2,198.71 1,870.76 327.96 " +
	"附件5 一般公共预算财政拨款支出决算表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 " +
	"项目 本年支出合计 基本支出 项目支出 支出功能分类科目编码 科目名称 类 款 项 " +
	"合计 1,870.70 1,333.54 537.17 " +
	"2010301 行政运行 672.84 672.84 2010601 行政运行 2.80 2.80 2049901 其他公共安全支出 13.80 13.80 " +
	"2070101 行政运行 10.83 10.83 2081502 地方自然灾害生活补助 6.00 6.00 2100716 计划生育机构 63.23 63.23 " +
	"2110399 其他污染防治支出 297.20 297.20 2120201 城乡社区规划与管理 48.47 48.47 2120501 城乡社区环境卫生 66.46 66.46 " +
	"2130101 行政运行 55.36 55.36 2130201 行政运行 31.60 31.60 2130310 水土保持 21.00 11.00 10.00 " +
	"2130701 对村级一事一议的补助 6.00 6.00 2130705 对村民委员会和村党支部的补助 328.73 328.73 2140106 公路养护 6.00 6.00 " +
	"2210201 住房公积金 56.17 56.17 2210202 提租补贴 14.71 14.71 2299901 其他支出 169.50 169.50 " +
	"附件6 一般公共预算财政拨款支出决算明细表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 项 目 合 计 经济分类科目编码 科目名称 " +
	"合 计 1,870.70 301 工资福利支出 950.91 302 商品和服务支出 309.55 303 对个人和家庭的补助 91.78 309 基本建设支出 " +
	"310 其他资本性支出 518.46 304 对企事业单位的补贴 307 债务利息支出 399 其他支出 " +
	"附件7 一般公共预算财政拨款基本支出决算表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 " +
	"项 目 合 计 人员经费 公用经费 经济分类科目编码 科目名称 合 计 1,333.54 1,042.69 290.85 " +
	"301 工资福利支出 950.91 950.91 30101 基本工资 137.52 137.52 30102 津贴补贴 401.97 401.97 30103 奖金 207.45 207.45 " +
	"30104 其他社会保障缴费 173.16 173.16 30106 伙食补助费 11.34 11.34 30107 绩效工资 30199 其他工资福利支出 19.46 19.46 " +
	"302 商品和服务支出 290.85 290.85 30201 办公费 103.13 103.13 30226 劳务费 187.72 187.72 " +
	"303 对个人和家庭的补助 91.78 91.78 30311 住房公积金 56.17 56.17 30312 提租补贴 14.71 14.71 30399 其他对个人和家庭的补助支出 20.90 20.90 " +
	"附件8 政府性基金预算财政拨款收入支出决算表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 " +
	"项目 年初结转和结余 本年收入 本年支出 年末结转和结余 支出功能分类科目编码 科目名称 小计 基本支出 项目支出 类 款 项 " +
	"合计 6.09 321.86 300.32 54.34 245.98 27.64 2120801 征地和拆迁补偿支出 162.13 162.13 162.13 " +
	"2120803 城市建设支出 0.09 83.76 83.85 83.85 2120899 其他国有土地使用权出让收入安排的支出 75.98 54.34 54.34 21.64 " +
	"2296002 用于社会福利的彩票公益金支出 6.00 6.00 " +
	"附件9 部门决算相关信息统计表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 项 目 行次 统计数 项 目 行次 统计数 栏 次 1 栏 次 2 一、“三公”经费支出 1 — 二、机关运行经费 22 " +
	"290.85 （一）支出合计 2 3.81 （一）行政单位 23 290.85 1．因公出国（境）费 3 （二）参照公务员法管理事业单位 24 2．公务用车购置及运行维护费 4 3.76 25 （1）公务用车购置费 5 " +
	"三、国有资产占用情况 26 — （2）公务用车运行维护费 6 3.76 （一）车辆数合计（辆） 27 2 3．公务接待费 7 0.04 1．部级领导干部用车 28 （1）国内接待费 8 0.04 2．一般公务用车 29 " +
	"2 其中：外事接待费 9 3．一般执法执勤用车 30 （2）国（境）外接待费 10 4．特种专业技术用车 31 （二）相关统计数 11 — 5．其他用车 32 1．因公出国（境）团组数（个） 12 " +
	"（二）单价50万元以上通用设备（台，套） 33 2．因公出国（境）人次数（人） 13 （三）单价100万元以上专用设备（台，套） 34 3．公务用车购置数（辆） 14 35 4．公务用车保有量（辆） 15 2 36 " +
	"5．国内公务接待批次（个） 16 1 37 其中：外事接待批次（个） 17 38 6．国内公务接待人次（人） 18 8 39 其中：外事接待人次（人） 19 40 7．国（境）外公务接待批次（个） 20 41 " +
	"8．国（境）外公务接待人次（人） 21 42 " +
	"注：1．本表反映部门决算中三公经费等相关统计指标。 " +
	"附件10 政府采购情况表 编制单位：平潭县某镇人民政府 2017年度 金额单位：万元 项目 行次 采购计划金额 实际采购金额 " +
	"总计 采购预算(财政性资金) 非财政性资金 总计 采购预算(财政性资金) 非财政性资金 合计 一般公共预算 政府性基金预算 其他资金 " +
	"合计 一般公共预算 政府性基金预算 其他资金 栏次 1 2 3 4 5 6 7 8 9 10 11 12 " +
	"合 计 1 5.00 5.00 5.00 4.50 4.50 4.50 货物 2 5.00 5.00 5.00 4.50 4.50 4.50 工程 3 服务 4 " +
	"注：1．本表反映各部门和单位纳入部门预算范围的各项政府采购预算及支出情况。 " +
	"来源：某镇 附件下载"

// A web page's table whose rows print their total and one part keeps
// the one row that prints them apart as table claims naming both cells'
// lines (sum.table): the page keeps its rows' order, and its header
// says the first column sums the others. The tables as printed give no
// claim.
func TestWebTableRowSums(t *testing.T) {
	if d, _ := extractWeb(t, webFunctionBody); len(brokenSums(d)) > 0 {
		t.Fatalf("the tables as printed give failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct{ from, to, cell string }{
		{"2081502 地方自然灾害生活补助 6.00 6.00", "2081502 地方自然灾害生活补助 6.00 6.90", "6.90"},             // a part
		{"2140106 公路养护 6.00 6.00", "2140106 公路养护 60.00 6.00", "60.00"},                       // a total, ×10
		{"2130310 水土保持 21.00 11.00 10.00", "2130310 水土保持 21.00 11.00 19.00", "19.00"},        // a row of three
		{"30102 津贴补贴 401.97 401.97", "30102 津贴补贴 401.97 407.97", "407.97"},                   // the 基本支出 table
		{"20106 财政事务 2.80 2.80", "20106 财政事务 2.80 2.30", "2.30"},                             // the 收入 table: 附属单位上缴收入 is no unit cell
		{"三、公共安全支出 13.80", "三、公共安全支出 18.80", "18.80"},                                        // the 收支总表: its classes
		{"年末结转和结余 12.88", "年末结转和结余 128.8", "128.8"},                                          // its carried amounts, and its 合计
		{"货物 2 5.00 5.00 5.00 4.50 4.50 4.50", "货物 2 5.00 5.00 5.00 4.50 4.80 4.50", "4.80"}, // the procurement table: its one kind
		{"二、政府性基金预算财政拨款 321.86 二、外交支出", "二、政府性基金预算财政拨款 321.56 二、外交支出", "321.56"},             // the 财政拨款收支总表: its sources
		{"302 商品和服务支出 309.55", "302 商品和服务支出 809.55", "809.55"},                               // the 明细表: its 类 under its 合计
		{"公务用车购置及运行维护费 4 3.76", "公务用车购置及运行维护费 4 3.16", "3.16"},                               // the statistics table: 支出合计 and 车辆 by 行次
		{"0.09 83.76 83.85 83.85", "0.09 83.76 88.85 83.85", "88.85"},                        // the fund table: its one misprinted cell
	} {
		body := strings.Replace(webFunctionBody, c.from, c.to, 1)
		if body == webFunctionBody {
			t.Fatalf("the fixture has no %q", c.from)
		}
		d, lines := extractWeb(t, body)
		line := slices.Index(lines, c.cell) + 1
		broken := brokenSums(d)
		if len(broken) == 0 || len(broken) > 2 {
			t.Errorf("%s: failing sums %v, want one or two through line %d: %+v", c.to, broken, line, d.Claims)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%s: a failing sum %v not through line %d", c.to, b, line)
			}
		}
	}
}

// Two cells of a web page's fund table swapped (a row's 本年收入 and 本年
// 支出): exactly that swap lets the table read, and the sums through both
// cells are kept — each column's, and the row's 小计 — each through one
// of the two.
func TestWebFundSwap(t *testing.T) {
	body := strings.Replace(webFunctionBody, "0.09 83.76 83.85 83.85", "0.09 83.85 83.76 83.85", 1)
	d, lines := extractWeb(t, body)
	first, second := slices.Index(lines, "83.85")+1, slices.Index(lines, "83.76")+1
	broken := brokenSums(d)
	if len(broken) != 3 {
		t.Fatalf("failing sums %v, want the two columns' and the row's: %+v", broken, d.Claims)
	}
	for _, b := range broken {
		if !slices.Contains(b, first) && !slices.Contains(b, second) {
			t.Errorf("a failing sum %v through neither swapped cell (lines %d, %d)", b, first, second)
		}
	}
}

// A table with a whole number that is no code before a name (a 行次, a
// count) is not read so: its cells may be of other kinds than amounts.
func TestWebTableRowNumbers(t *testing.T) {
	body := strings.Replace(webFunctionBody, "2010601 行政运行 2.80 2.80", "2010601 行政运行 2.80 2.30 3", 1)
	if d, _ := extractWeb(t, body); len(brokenSums(d)) > 0 {
		t.Errorf("a table with a count among its cells gives failing sums: %v", brokenSums(d))
	}
}

// webEarlyBody is a web page's 收支决算总表 and 财政拨款收支总表 of the older
// templates: the two sides' rows interleave, so 年初结转和结余's 基本支出结转
// prints after 年末结转和结余, and the classes of the 财政拨款 table print
// without 支出 (一、一般公共服务).
const webEarlyBody = "当前位置： 首页政务公开 2017年度某区某局部门决算 按照要求，现将我单位2017年度部门决算说明如下:一、主要职责是执行上级决定。" +
	"收支决算总表 编制部门：某区某局 单位：万元 收入 支出 项目 决算数 项目 决算数 一、财政拨款 2,933.33 一、一般公共服务支出 902.37 " +
	"其中：政府性基金 二、外交支出 二、上级补助收入 三、国防支出 三、事业收入 四、公共安全支出 四、经营收入 五、教育支出 五、附属单位缴款 " +
	"六、科学技术支出 六、其他收入 七、文化体育与传媒支出 八、社会保障和就业支出 389.96 九、医疗卫生与计划生育支出 1,657.47 十、节能环保支出 " +
	"十一、城乡社区支出 十二、农林水支出 十三、交通运输支出 十四、住房保障支出 十五、其他支出 本年收入合计 2,933.33 本年支出合计 2,949.80 " +
	"用事业基金弥补收支差额 结余分配 年初结转和结余 114.67 年末结转和结余 98.20 基本支出结转 57.33 基本支出结转 32.73 " +
	"项目支出结转和结余 57.34 项目支出结转和结余 65.47 经营结余 合计 3,048.00 合计 3,048.00 " +
	"财政拨款收入支出决算总表 编制部门：某区某局 单位：万元 收入 支出 项目 决算数 项目 决算数 一、公共财政预算财政拨款 3,352.94 " +
	"一、一般公共服务 二、政府性基金预算财政拨款 二、外交 三、国防 四、公共安全 五、教育 168.84 六、科学技术 610.78 七、文化体育与传媒 1,437.49 " +
	"八、社会保障和就业 九、医疗卫生与计划生育支出 十、节能环保 十一、城乡社区事务 1,145.64 十二、农林水事务 十三、交通运输 十四、住房保障支出 " +
	"十五、其他支出 本年收入合计 3,352.94 本年支出合计 3,362.75 年初财政拨款结转和结余 52.85 年末财政拨款结转和结余 43.04 " +
	"总计 3,405.79 总计 3,405.79 来源：某局 附件下载"

// The older templates' summaries as printed give no failing sum: 年初's
// parts are told from 年末's by their order, not by where they print, and
// a class is told from a source by its name (no class names 收入, 拨款 or
// 缴款), not by 支出; a changed cell still breaks its sums.
func TestWebSummaryInterleaved(t *testing.T) {
	if d, _ := extractWeb(t, webEarlyBody); len(brokenSums(d)) > 0 {
		t.Fatalf("the tables as printed give failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct{ from, to, cell string }{
		{"基本支出结转 57.33 基本支出结转", "基本支出结转 52.33 基本支出结转", "52.33"},
		{"五、教育 168.84", "五、教育 168.34", "168.34"},
	} {
		body := strings.Replace(webEarlyBody, c.from, c.to, 1)
		d, lines := extractWeb(t, body)
		line := slices.Index(lines, c.cell) + 1
		broken := brokenSums(d)
		if len(broken) == 0 {
			t.Errorf("%s: no failing sum: %+v", c.to, d.Claims)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%s: a failing sum %v not through line %d", c.to, b, line)
			}
		}
	}
}

// A web page's 三公 table whose title row keeps its cell's bar ("…情况统计表 |")
// is the table under that title: its rows are read.
func TestThreePublicTitleWithBar(t *testing.T) {
	d := extractLines(t, `某中心2020年“三公”经费预算情况说明
2020年“三公”经费预算财政拨款情况统计表 |
单位:万元 |
项 目 | 本年预算数 |
合 计 | 3.5 |
1.因公出国(境)费用 | 0 |
2.公务接待费 | 1.5 |
3.公务用车费 | 2 |
其中:(1)公务用车运行维护费 | 2 |
(2)公务用车购置 | 0 |`)
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(35000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(15000) ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(20000) {
		t.Fatalf("三公 = %+v", tp)
	}
}

// A web page's 三公 table of one column, a row a part, some cells blank: each
// row's label tells its part, the blank ones are not read.
func TestThreePublicRowsByLabel(t *testing.T) {
	d := extractLines(t, `某中心2020年“三公”经费预算情况说明
2020年“三公”经费预算财政拨款情况统计表
单位:万元
项 目 | 本年预算数 |
合 计 | 30 |
1.因公出国(境)费用 | |
2.公务接待费 | 6 |
3.公务用车费 | 24 |
其中:(1)公务用车运行维护费 | 24 |
(2)公务用车购置 | |`)
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(300000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(60000) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(240000) || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(240000) ||
		tp.OverseasTravel != nil && tp.OverseasTravel.Amount != 0 {
		t.Fatalf("三公 = %+v", tp)
	}
}

// A spreadsheet's 部门收支总表 flattened on one line, its two sides' rows
// run together where a cell is blank ("三十、结转下年 收入总计 1,250.00"):
// the totals are read when 收入总计 = 支出总计 and the sources add up; a
// class whose amount the header cut from its label ("三、科学技术支出
// 2017年决算数 800.00") is no class's, so the classes do not add up and
// are left out with a warning; totals that differ leave the table unread.
func TestFlattenedSheetSummary(t *testing.T) {
	body := "某镇2017年部门决算 报送日期: 年 月 日 表1 部门收支总表 单位:万元 收 项 入 目 支 2017年决算数 项 出 目 一、一般公共预算拨款收入 1,250.00 一、一般公共服务支出 " +
		"二、政府性基金预算拨款收入 二、教育支出 三、事业收入 三、科学技术支出 2017年决算数 800.00 四、社会保障和就业支出 300.00 五、卫生健康支出 150.00 " +
		strings.Repeat("六、节能环保支出 七、城乡社区支出 八、农林水支出 ", 4) +
		"九、债务发行费用支出 本 年 收 入 合 计 1,250.00 四、用事业基金弥补收支差额 本 年 支 出 合 计 1,250.00 五、上年结转 十、结转下年 收 入 总 计 1,250.00 支 第 2 页,共 9 页 出 总 计 %s 表1-1 部门收入总表 单位:万元 项 目"
	d, _ := extractWeb(t, fmt.Sprintf(body, "1,250.00"))
	r, e := d.Revenue, d.Expenditure
	if r.Total == nil || *r.Total != schema.Yuan(12500000) || r.CurrentYear == nil || e.Total == nil || *e.Total != schema.Yuan(12500000) || e.CurrentYear == nil || *e.CurrentYear != schema.Yuan(12500000) {
		t.Fatalf("totals: revenue %+v expenditure %+v", r, e)
	}
	if len(r.Sources) != 1 || r.Sources[0].Name != "一般公共预算" || r.Sources[0].Amount != schema.Yuan(12500000) {
		t.Errorf("sources: %+v", r.Sources)
	}
	if len(e.ByFunction) != 0 {
		t.Errorf("classes read though one amount is cut from its label: %+v", e.ByFunction)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool {
		return strings.Contains(w.Reason, "functional classes of this table add up")
	}) {
		t.Errorf("no warning on the classes: %+v", d.Warnings)
	}
	d, _ = extractWeb(t, fmt.Sprintf(body, "1,205.00"))
	if d.Revenue.Total != nil || d.Expenditure.Total != nil {
		t.Errorf("an unbalanced table was read: %+v %+v", d.Revenue.Total, d.Expenditure.Total)
	}
	if c := tableCoverage(d, "表1部门收支总表"); c.Status != schema.CoverageNotRead || !strings.Contains(c.Reason, "收入总计 and 支出总计") {
		t.Errorf("coverage %+v", c)
	}
}

// A web page's 决算 三公 table of 预算数/决算数 pairs, a cell a line, whose
// 运行维护费 row repeats the cars' subtotal: the cells' order leaves open
// which of 购置 and 运行 holds them, the rows' labels tell, when the parts
// add up with the text's figures (购置 0). A 运行 row that does not add up
// to the subtotal is not read.
func TestThreePublicWebPairsOperationRepeatsSubtotal(t *testing.T) {
	const page = `一、2021年度一般公共预算财政拨款“三公”经费支出决算表
单位:万元
项 目 |
预 算 数 |
决 算 数 |
合 计 |
49.9 |
7.69 |
因公出国(境)费 |
20 |
|
公务接待费 |
14.9 |
5.21 |
公务用车购置及运行维护费 |
15 |
2.48 |
其中:公务用车运行维护费 |
15 |
%s |
公务用车购置费 |
二、2021年度一般公共预算财政拨款“三公”经费支出情况说明
某区政府办2021年度一般公共预算财政拨款“三公”经费支出预算为49.9万元,支出决算为7.69万元。
某区政府办2021年度一般公共预算财政拨款“三公”经费支出决算中,因公出国(境)费支出决算0万元;公务接待费支出决算5.21万元;公务用车购置及运行维护费支出决算2.48万元。
1.因公出国(境)费支出0万元。
3.公务用车购置及运行维护费支出2.48万元。其中,公务用车购置费0万元。`
	tp := extractLines(t, fmt.Sprintf(page, "2.48")).ThreePublic
	if tp == nil || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(24800) || tp.VehicleOperation.Budgeted == nil || *tp.VehicleOperation.Budgeted != schema.Yuan(150000) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(24800) || tp.Total == nil || *tp.Total != schema.Yuan(76900) {
		t.Fatalf("三公 = %+v", tp)
	}
	tp = extractLines(t, fmt.Sprintf(page, "2.40")).ThreePublic
	if tp == nil || tp.VehicleOperation != nil {
		t.Fatalf("a 运行 row short of the subtotal was read: %+v", tp)
	}
}

// A 三公 table of one column, a cell a line, whose other cells were dropped
// (blank): its total and its one part are read by their labels when the
// parts the text states fill the rest and add up to the total; a total
// that the text's parts do not make leaves the table's part unread.
func TestThreePublicFewLabelledCells(t *testing.T) {
	const page = `某区审计局2018年预算“三公”经费情况说明
一、2018年“三公”经费支出预算表
项目
预 算 数(万元)
合计
%s
因公出国(境)费
0
公务接待费
公务用车购置及运行费
其中:公务用车运行维护费
公务用车购置
二、2018年“三公”经费支出预算情况说明
某区审计局2018年度“三公”经费支出预算为3.1万元。其中:公务接待费支出预算为3.1万元,公务用车购置及运行费支出预算为0万元。`
	tp := extractLines(t, fmt.Sprintf(page, "3.1")).ThreePublic
	if tp == nil || tp.OverseasTravel == nil || tp.OverseasTravel.Amount != 0 || tp.Total == nil || *tp.Total != schema.Yuan(31000) {
		t.Fatalf("三公 = %+v", tp)
	}
	tp = extractLines(t, fmt.Sprintf(page, "3.5")).ThreePublic
	if tp != nil && tp.OverseasTravel != nil {
		t.Fatalf("a table whose total the text's parts do not make was read: %+v", tp.OverseasTravel)
	}
}

// TestThreePublicHeadingOverCells: a 三公 heading that is no table's title
// ("2020年度全区“三公”经费决算情况") over a web table a cell a line, each
// cell keeping its bar, whose corner is 经费项目, its unit in its columns'
// headers ("2020年度支出 (万元) |"), its blank cells "-", its whole last
// (总“三公”经费支出) and another table's title after it: read by its labels,
// on one line as on many (where the cells lose their bars).
func TestThreePublicHeadingOverCells(t *testing.T) {
	cells := func(cs ...string) string { return strings.Join(cs, " |\n") + " |\n" }
	text := "2020年度全区“三公”经费决算情况\n" +
		cells("经费项目", "2020年度支出 (万元)", "支出减少情况(万元)", "支出减少率",
			"因公出国(境)费", "0", "0", "0%", "公务接待费", "71.53", "-", "-",
			"公务用车购置及运行维护费", "1857.23", "-", "-", "公务用车购置费", "423.81", "-", "-",
			"公务用车运行维护费", "1433.42", "-", "-", "总“三公”经费支出", "1928.76", "-", "-") +
		"2020年度全区“三公”经费使用情况\n" + cells("使用项目", "2020年度数量或人次", "因公出国(境)团组数", "0", "公务用车保有量", "660") +
		"2020年度全区“三公”经费总支出为1928.76万元。\n"
	for _, text := range []string{text, strings.ReplaceAll(text, "\n", " ")} { // on one line too
		threePublicCellsRead(t, text)
	}
}

func threePublicCellsRead(t *testing.T, text string) {
	t.Helper()
	d := readText(t, text) // as read from a file: a body on one line broken into its cells
	want := map[string]schema.Money{"/three_public/total": schema.Yuan(19287600), "/three_public/reception/amount": schema.Yuan(715300), "/three_public/vehicle/amount": schema.Yuan(18572300),
		"/three_public/vehicle_purchase/amount": schema.Yuan(4238100), "/three_public/vehicle_operation/amount": schema.Yuan(14334200), "/three_public/overseas_travel/amount": 0}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || tp.Reception == nil || tp.Vehicle == nil || tp.VehiclePurchase == nil || tp.VehicleOperation == nil || tp.OverseasTravel == nil {
		t.Fatalf("%+v", tp)
	}
	got := map[string]schema.Money{"/three_public/total": *tp.Total, "/three_public/reception/amount": tp.Reception.Amount, "/three_public/vehicle/amount": tp.Vehicle.Amount,
		"/three_public/vehicle_purchase/amount": tp.VehiclePurchase.Amount, "/three_public/vehicle_operation/amount": tp.VehicleOperation.Amount, "/three_public/overseas_travel/amount": tp.OverseasTravel.Amount}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s %v, want %v", k, got[k], v)
		}
	}
}
