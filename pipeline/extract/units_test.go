package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A 三公 table that prints the year before's budget beside the year's: in
// two groups of columns under a year each, the year's group is read; with
// the year's cells blank, nothing was spent this year (the year before's
// are no figure of this year); one row a part with a column a
// year and the change is read in the year's column where every row prints
// every cell (its order is the header's) or, in text that keeps the
// columns, by where each cell sits (a blank one nothing spent); in
// default mode with cells blank it is left out with a warning.
func TestThreePublicYearBefore(t *testing.T) {
	head := "常州市疾病预防控制中心2025年单位预算\n第四部分 2025年单位预算表\n                表7 一般公共预算“三公”经费支出表\n" +
		"编制单位：常州市疾病预防控制中心                              单位：万元\n" +
		"                         2024年预算数                                                                2025年预算数\n" +
		"                                                公务用车购置及运行费                                                               公务用车购置及运行费\n" +
		"       合计    因公出国（境）费       公务接待费          小计     公务用车购置费     公务用车运行费          合计    因公出国（境）费       公务接待费          小计     公务用车购置费     公务用车运行费\n"
	d := extractLines(t, head+"     7.29        3.23                    4.06        3.11        0.95\n")
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != 0 || tp.Reception == nil || tp.Reception.Amount != 0 || tp.VehicleOperation == nil || tp.VehicleOperation.Amount != 0 {
		t.Errorf("the year's cells blank, the year before's printed: %+v, want every figure 0", tp)
	}
	d = extractLines(t, head+"     7.29        3.23                    4.06        3.11        0.95       10.00        2.00        3.00        5.00        1.00        4.00\n")
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "100000" || tp.Reception == nil || tp.Reception.Amount.String() != "30000" {
		t.Errorf("the year's group: total %v reception %+v, want 100000, 30000", tp.Total, tp.Reception)
	}
	// cells one space apart (a tool that keeps rows, not columns): the
	// years' labels and the parts' in order, as many parts as figures
	plain := "常州市疾病预防控制中心2025年单位预算\n第四部分 2025年单位预算表\n表7 一般公共预算“三公”经费支出表\n编制单位：常州市疾病预防控制中心 单位：元\n" +
		"2024年预算数 2025年预算数\n公务用车购置及运行费 公务用车购置及运行费\n" +
		"合计 因公出国（境）费 公务接待费 小计 公务用车购置费 公务用车运行费 合计 因公出国（境）费 公务接待费 小计 公务用车购置费 公务用车运行费\n"
	d = extractLines(t, plain+"72,900 32,300 9,500 31,100 21,600 9,500 100,000 20,000 30,000 50,000 10,000 40,000\n")
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "100000" || tp.Reception == nil || tp.Reception.Amount.String() != "30000" ||
		tp.Vehicle == nil || tp.Vehicle.Amount.String() != "50000" || tp.VehicleOperation == nil || tp.VehicleOperation.Amount.String() != "40000" {
		t.Errorf("cells a space apart: %+v, want the 2025 half (total 100000, reception 30000, vehicle 50000, operation 40000)", tp)
	}
	// a blank cell dropped: the figures no longer pair with the labels
	if tp := extractLines(t, plain+"72,900 32,300 31,100 21,600 9,500 100,000 20,000 30,000 50,000 10,000 40,000\n").ThreePublic; tp != nil && tp.Total != nil {
		t.Errorf("cells a space apart, one dropped: total %v read", *tp.Total)
	}
	rows := "武昌区第一中学2024年单位预算\n第四部分 2024年单位预算表\n                表7 一般公共预算“三公”经费支出表\n" +
		"单位名称：武昌区第一中学                              单位：元\n" +
		"项目                               2023年预算数         2024年预算数              增减额\n" +
		"合计                                333,579          322,111          -11,468\n" +
		"1.因公出\n                                   60,827           47,425          -13,402\n国（境）费\n" +
		"2.公务接待费                            79,117          100,995           21,878\n" +
		"3.公务用车\n                                  193,635          173,691          -19,944\n购置及运行费\n" +
		"其中：公务用车购置费                     100,000           90,000          -10,000\n" +
		"公务用车运行费                            93,635           83,691           -9,944\n"
	// one cell a line (pdftotext's default mode), the year's cells blank:
	// the year before's add up as the parts would
	cells := "常州市疾病预防控制中心2025年单位预算\n第四部分 2025年单位预算表\n一般公共预算“三公”经费支出表\n编制单位：常州市疾病预防控制中心\n单位：万元\n" +
		"项目\n2024年预算数\n2025年预算数\n合计\n7.29\n1.因公出国（境）费\n3.23\n2.公务接待费\n3.公务用车购置及运行费\n4.06\n其中：公务用车购置费\n3.11\n公务用车运行费\n0.95\n"
	if tp := extractLines(t, cells).ThreePublic; tp != nil && tp.Total != nil {
		t.Errorf("the year before's 三公, one cell a line, read as the year's: %v", *tp.Total)
	}
	// one cell a line with blank cells dropped, both years printed: the
	// one placement of the short rows' cells where every year adds up
	// says whose they are; where two hold and disagree, nothing is read
	dropped := "株洲市图书馆2024年单位预算\n第四部分 2024年单位预算表\n表7 一般公共预算“三公”经费支出表\n单位名称：株洲市图书馆\n单位：元\n" +
		"项目\n2023年预算数\n2024年预算数\n合计\n21,112\n43,342\n1.因公出国（境）费\n20,323\n14,578\n2.公务接待费\n13,018\n" +
		"3.公务用车购置及运行费\n789\n15,746\n其中：公务用车购置费\n789\n8,801\n公务用车运行费\n6,945\n"
	if tp := extractLines(t, dropped).ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "43342" || tp.Reception == nil || tp.Reception.Amount.String() != "13018" ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount.String() != "6945" {
		t.Errorf("one cell a line, blank cells dropped: %+v, want total 43342, reception 13018, operation 6945", tp)
	}
	twoWays := "株洲市图书馆2024年单位预算\n第四部分 2024年单位预算表\n表7 一般公共预算“三公”经费支出表\n单位名称：株洲市图书馆\n单位：元\n" +
		"项目\n2023年预算数\n2024年预算数\n合计\n600\n600\n1.因公出国（境）费\n300\n2.公务接待费\n300\n" +
		"3.公务用车购置及运行费\n300\n300\n其中：公务用车购置费\n300\n300\n公务用车运行费\n"
	if tp := extractLines(t, twoWays).ThreePublic; tp != nil && tp.Total != nil && tp.Reception != nil {
		t.Errorf("two placements hold and disagree on the year's: total %v, reception %v read", *tp.Total, tp.Reception.Amount)
	}
	// the 其中 row's name wrapped around its cells too: the line ending
	// the vehicle row's name and the one opening the 其中 row's read as
	// one row
	wrapped := strings.Replace(rows, "其中：公务用车购置费                     100,000           90,000          -10,000\n",
		"其中：公务\n                                  100,000           90,000          -10,000\n用车购置费\n", 1)
	// blank cells, where the text keeps the columns: each cell is the
	// column's it sits under, a blank one nothing spent
	blank := "武昌区第一中学2024年单位预算\n第四部分 2024年单位预算表\n                表7 一般公共预算“三公”经费支出表\n" +
		"单位名称：武昌区第一中学                              单位：元\n" +
		"项目                               2023年预算数         2024年预算数              增减额\n" +
		"合计                                 43,430           95,830           52,400\n" +
		"1.因公出\n                                                    30,006           30,006\n国（境）费\n" +
		"2.公务接待费                                             14,253           14,253\n" +
		"3.公务用车\n                                   43,430           51,571            8,141\n购置及运行费\n" +
		"其中：公务\n                                   43,430           51,571            8,141\n用车购置费\n" +
		"公务用车运行费                                                              \n"
	if tp := extractLines(t, blank).ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "95830" || tp.OverseasTravel == nil || tp.OverseasTravel.Amount.String() != "30006" ||
		tp.VehicleOperation == nil || tp.VehicleOperation.Amount != 0 {
		t.Errorf("blank cells under their columns: %+v, want total 95830, travel 30006, operation 0", tp)
	}
	for _, text := range []string{rows, strings.ReplaceAll(rows, "\n", "\n\n"), wrapped} {
		d = extractLines(t, text)
		if tp := d.ThreePublic; tp == nil || tp.Total == nil || tp.Total.String() != "322111" || tp.Reception == nil || tp.Reception.Amount.String() != "100995" ||
			tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount.String() != "90000" {
			t.Errorf("rows with a column a year, every cell printed: %+v, want the 2024 column (total 322111, reception 100995, purchase 90000)", tp)
		}
	}
}

// A 三公 table of a year's column and the year before's, no 合计 row (a web
// table's bars laid out as columns): where each row's cells sit under their
// columns, a blank one nothing spent, its parts and their prior years are
// read; cells the positions do not place leave it unread.
func TestThreePublicYearRowsNoTotal(t *testing.T) {
	head := "某局2012年部门预算\n附:某局“三公”经费2011年决算和2012年预算情况表\n" +
		"项目             2011年决算(万元)   2012年预算(万元)\n"
	laid := head + "因公出国(境)经费                3\n" +
		"公务接待费                43.75         44.58\n" +
		"公务用车购置及运行维护费            65         69.54\n"
	tp := extractLines(t, laid).ThreePublic
	if tp == nil || tp.OverseasTravel == nil || tp.OverseasTravel.Amount != 0 || tp.OverseasTravel.PriorYear == nil || *tp.OverseasTravel.PriorYear != schema.Yuan(30000) ||
		tp.Reception == nil || tp.Reception.Amount != schema.Yuan(445800) || tp.Reception.PriorYear == nil || *tp.Reception.PriorYear != schema.Yuan(437500) ||
		tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(695400) || tp.Vehicle.PriorYear == nil || *tp.Vehicle.PriorYear != schema.Yuan(650000) {
		t.Errorf("a table of no 合计, cells under their columns: %+v, want travel 0 (3万 before), reception 44.58万 (43.75万), vehicles 69.54万 (65万)", tp)
	}
	for name, text := range map[string]string{
		"cells a space apart": "某局2012年部门预算\n附:某局“三公”经费2011年决算和2012年预算情况表\n项目 2011年决算(万元) 2012年预算(万元)\n" +
			"因公出国(境)经费 3\n公务接待费 43.75 44.58\n公务用车购置及运行维护费 65 69.54\n",
		"vehicles not their parts' sum": laid + "公务用车购置费            10         20\n公务用车运行费            55         59.54\n",
	} {
		if tp := extractLines(t, text).ThreePublic; tp != nil && (tp.OverseasTravel != nil || tp.Vehicle != nil) {
			t.Errorf("%s: read %+v", name, tp)
		}
	}
}

// A 支出总表 by unit (单位编码 | 单位名称 | 合计 | 基本支出 | 项目支出): the
// unit's code opening its row is no amount of the 合计 row above it.
func TestUnitCodedRows(t *testing.T) {
	text := "随州市实验小学2024年单位预算\n第四部分 2024年单位预算表\n                单位支出总表\n预算单位：随州市实验小学                              单位：元\n" +
		"单位编码       单位名称                               合计           基本支出           项目支出\n" +
		"           合计                         45,075,563     20,074,992     25,000,571\n" +
		"301001     随州市实验小学                    45,075,563     20,074,992     25,000,571\n"
	for _, text := range []string{text, strings.Join(strings.Fields(text), "\n")} {
		e := extractLines(t, text).Expenditure
		if e == nil || e.Basic == nil || e.Project == nil || e.Basic.Amount.String() != "20074992" || e.Project.Amount.String() != "25000571" {
			t.Errorf("basic and project of a table by unit: %+v", e)
		}
	}
}

// The Ministry's sample titles (…收支总体情况表, …收入总体情况表, …支出
// 总体情况表, 财政拨款收支总体情况表, 一般公共预算基本支出情况表) are the
// standard tables, for a 部门 or a 单位.
func TestSituationTitles(t *testing.T) {
	for title, kind := range map[string]tableKind{
		"单位收支总体情况表": tableSummary, "部门收支总体情况表": tableSummary,
		"单位收入总体情况表": tableRevenue, "单位支出总体情况表": tableExpenditure,
		"财政拨款收支总体情况表": tableFiscal, "一般公共预算支出情况表": tableFunction,
		"一般公共预算基本支出情况表": tableEconomic, "一般公共预算“三公”经费支出情况表": tableThreePublic,
	} {
		if got := classifyTitle(compact(title)); got != kind {
			t.Errorf("%s: %s, want %s", title, tableKindNames[got], tableKindNames[kind])
		}
	}
}

// A document whose tables carry the sample's titles misses none of the
// standard set (财政拨款收支总体情况表 is the 财政拨款收支总表).
func TestSituationTitlesNotMissing(t *testing.T) {
	var tabs []table
	for _, title := range []string{"单位收支总体情况表", "单位收入总体情况表", "单位支出总体情况表", "财政拨款收支总体情况表", "一般公共预算支出情况表",
		"一般公共预算基本支出情况表", "一般公共预算“三公”经费支出情况表", "政府性基金预算支出情况表"} {
		tabs = append(tabs, table{title: compact(title), rows: []row{{name: "合计", vals: []token{{}, {}}}, {name: "x", vals: []token{{}, {}}}}})
	}
	b := &builder{doc: &schema.Document{}}
	b.missingTables(tabs)
	for _, w := range b.doc.Warnings {
		t.Errorf("%s", w.Reason)
	}
}

// A title broken before its last character, 表 alone on the next line (or
// with the table's number: 表3), is the table's title: its rows are read.
func TestTitleBrokenBeforeBiao(t *testing.T) {
	body := "预算单位：随州市实验小学                              单位：元\n" +
		"单位编码       单位名称                               合计           基本支出           项目支出\n" +
		"           合计                         45,075,563     20,074,992     25,000,571\n" +
		"301001     随州市实验小学                    45,075,563     20,074,992     25,000,571\n"
	for _, end := range []string{"表", "表3"} {
		text := "随州市实验小学2024年单位预算\n第四部分 2024年单位预算表\n                单位支出总\n                " + end + "\n" + body
		d := extractLines(t, text)
		if e := d.Expenditure; e == nil || e.Basic == nil || e.Basic.Amount.String() != "20074992" {
			t.Errorf("%s: basic %+v, want the table's 20074992", end, e.Basic)
		}
		read := false
		for _, c := range d.Coverage {
			read = read || c.Name == "单位支出总表" && c.Status == schema.CoverageRead
		}
		if !read {
			t.Errorf("%s: 单位支出总表 not read: %+v", end, d.Coverage)
		}
	}
}

// A unit whose own revenue pays part of a 类: the appropriations' function
// table prints the appropriations' share of the class and of each 项, and
// no table the whole of each 项 — its 项 are not read, and a warning says
// so; a class the appropriations pay whole gives its 项.
func TestOwnRevenueClassItems(t *testing.T) {
	text := "泉州市农业技术推广中心2024年单位预算\n" +
		"本单位2024年支出预算总计2625.73万元，按功能分类：农林水支出1053.07万元，住房保障支出1572.66万元。\n" +
		"第四部分 2024年单位预算表\n" +
		"                一般公共预算支出表\n" +
		"预算单位：泉州市农业技术推广中心                              单位：万元\n" +
		"                科目名称                           合计           基本支出           项目支出\n" +
		"类     款    项\n" +
		"213             农林水支出                       788.18         591.44         196.74\n" +
		"213   01        农业农村                         788.18         591.44         196.74\n" +
		"213   01   04   事业运行                         162.86          88.30          74.56\n" +
		"213   01   08   病虫害控制                       625.32         503.14         122.18\n" +
		"221             住房保障支出                   1,572.66       1,450.53         122.13\n" +
		"221   02        住房改革支出                   1,572.66       1,450.53         122.13\n" +
		"221   02   01   住房公积金                       775.07         652.94         122.13\n" +
		"221   02   03   购房补贴                         797.59         797.59           0.00\n" +
		"                合计                           2,360.84       2,041.97         318.87\n"
	d := extractLines(t, text)
	items := map[string][]string{}
	for _, c := range d.Expenditure.ByFunction {
		for _, it := range c.Items {
			items[c.Code] = append(items[c.Code], it.Code+" "+it.Amount.String())
		}
	}
	if len(items["213"]) != 0 || len(items["221"]) != 2 {
		t.Errorf("items %v: want none under 213 (its table figures are the appropriations' share), 221's two", items)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || strings.Contains(w.Reason, "项 of 213")
	}
	if !warned {
		t.Errorf("no warning that 213's 项 are not read: %+v", d.Warnings)
	}
}

// A negative cell is rounded as its magnitude: a 年末结转和结余 of
// -8,484,100.00 is not a fen short, nor is -0.005 万元 a fen less.
func TestScaleDownNegative(t *testing.T) {
	for _, c := range []struct {
		v     int64
		scale int
		want  int64
	}{{-848410000, 2, -8484100}, {-848410050, 2, -8484101}, {848410050, 2, 8484101}, {-5, 1, -1}, {-4, 1, 0}} {
		if got := scaleDown(c.v, c.scale); got != c.want {
			t.Errorf("scaleDown(%d, %d) = %d, want %d", c.v, c.scale, got, c.want)
		}
	}
}
