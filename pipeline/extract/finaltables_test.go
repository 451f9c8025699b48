package extract

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// 政府性基金预算财政拨款收入支出决算表 as pdftotext -layout prints it (the
// 2017 template; Pingtan's 平原镇): 项 codes with no 类 rows, blank cells.
const fundFinalLayout = `某镇2017年度部门决算
                    政府性基金预算财政拨款收入支出决算表
编制单位：某镇人民政府            2017年度                    金额单位：万元
          项目                  年初结转和    本年收入          本年支出                  年末结转和
支出功能分类科目编码  科目名称      结余                   小计     基本支出   项目支出      结余
类  款  项
          合计                    6.09      321.86     300.32     54.34     245.98     27.64
2120801   征地和拆迁补偿支出                  162.13     162.13                162.13
2120803   城市建设支出             0.09      83.76      83.85                 83.85
2120899   其他国有土地使用权出让收入安排的支出     75.98      54.34      54.34                21.64
2296002   用于社会福利的彩票公益金支出   6.00                                              6.00
`

// 部门决算相关信息统计表 as pdftotext -layout prints it: two panels, 行次
// and 栏次 numbers, blank cells.
const statisticsLayout = `某镇2017年度部门决算
                    部门决算相关信息统计表
编制单位：某镇人民政府            2017年度                    金额单位：万元
        项    目              行次   统计数          项    目                   行次   统计数
        栏    次                      1             栏    次                          2
一、“三公”经费支出              1      —       二、机关运行经费                  22     290.85
（一）支出合计                  2    3.81      （一）行政单位                    23     290.85
1．因公出国（境）费              3              （二）参照公务员法管理事业单位     24
2．公务用车购置及运行维护费       4    3.76                                     25
（1）公务用车购置费              5              三、国有资产占用情况               26      —
（2）公务用车运行维护费          6    3.76      （一）车辆数合计（辆）             27      2
3．公务接待费                   7    0.04      1．部级领导干部用车                28
（1）国内接待费                 8    0.04      2．一般公务用车                    29      2
其中：外事接待费                 9              3．一般执法执勤用车                30
（2）国（境）外接待费            10              4．特种专业技术用车                31
（二）相关统计数                11     —       5．其他用车                        32
4．公务用车保有量（辆）          15    2                                       36
5．国内公务接待批次（个）        16    1                                       37
注：1．本表反映部门决算中"三公"经费、机关运行经费和国有资产占用情况等相关统计指标。
`

// defaultMode prints a layout fixture one cell a line, blank cells
// dropped, as pdftotext's default mode does.
func defaultMode(layout string) string {
	var out []string
	for _, l := range strings.Split(layout, "\n") {
		for _, c := range regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1) {
			if c != "" {
				out = append(out, c)
			}
		}
	}
	return strings.Join(out, "\n")
}

// onePage is a layout fixture as a web page's body on one line: narrative,
// then the table's cells separated by spaces (ingest breaks it).
func onePage(layout string) string {
	body := "某镇2017年度部门决算。本单位2017年度决算公开如下，各项收支情况说明见下文，表格附后，请查阅。" +
		strings.ReplaceAll(defaultMode(layout), "\n", " ")
	return strings.Join(ingest.Lines(body), "\n")
}

func TestFundFinalTable(t *testing.T) {
	for name, text := range map[string]string{
		"layout": fundFinalLayout, "default": defaultMode(fundFinalLayout), "web": onePage(fundFinalLayout),
	} {
		d := extractLines(t, text)
		if d.GovernmentFund == nil || d.GovernmentFund.Amount != schema.Yuan(3003200) {
			t.Errorf("%s: government_fund = %+v, want 300.32 万元", name, d.GovernmentFund)
			continue
		}
		if src := d.Provenance["/government_fund/amount"]; src.Text != "300.32" && !strings.Contains(src.Text, "300.32") {
			t.Errorf("%s: government_fund from %+v", name, src)
		}
	}
}

// The text's figure is restated: rounded, it gives way to the table's and
// stays as a claim; the same, no claim.
func TestFundFinalTableRestates(t *testing.T) {
	for _, c := range []struct {
		said   string
		claims int
	}{{"300.32", 0}, {"300", 1}} {
		text := "某镇2017年度部门决算\n2017年度政府性基金支出" + c.said + "万元。\n" + fundFinalLayout[strings.Index(fundFinalLayout, "\n")+1:]
		d := extractLines(t, text)
		if d.GovernmentFund == nil || d.GovernmentFund.Amount != schema.Yuan(3003200) {
			t.Errorf("text %s: government_fund = %+v, want the table's 300.32 万元", c.said, d.GovernmentFund)
		}
		if n := amountClaims(d, "/government_fund"); n != c.claims {
			t.Errorf("text %s: %d amount claims on /government_fund, want %d (%+v)", c.said, n, c.claims, d.Claims)
		}
	}
}

// A copy whose columns do not add up, or whose values fit two ways, gives
// a warning and no figure.
func TestFundFinalTableUnread(t *testing.T) {
	for name, text := range map[string]string{
		"columns": strings.Replace(fundFinalLayout, "162.13     162.13                162.13", "162.13     162.13                162.13      5.00", 1),
		"rows":    strings.Replace(fundFinalLayout, "54.34     245.98", "54.34     245.00", 1),
		"two ways": `某镇2017年度部门决算
                    政府性基金预算财政拨款收入支出决算表
          项目                  年初结转和    本年收入          本年支出                  年末结转和          金额单位：万元
          合计                    6.00      6.00
`,
	} {
		for mode, tx := range map[string]string{"layout": text, "default": defaultMode(text)} {
			d := extractLines(t, tx)
			if d.GovernmentFund != nil {
				t.Errorf("%s, %s: government_fund = %+v, want none", name, mode, d.GovernmentFund)
			}
			warned := false
			for _, w := range d.Warnings {
				warned = warned || w.Text == "政府性基金预算财政拨款收入支出决算表" && strings.Contains(w.Reason, "not used")
			}
			if !warned {
				t.Errorf("%s, %s: no warning (%+v)", name, mode, d.Warnings)
			}
		}
	}
}

// barCells is a layout fixture a cell a line, each cell with its bar (a
// web converter's text).
func barCells(layout string) string {
	lines := strings.Split(defaultMode(layout), "\n")
	for k := range lines {
		lines[k] += " |"
	}
	return strings.Join(lines, "\n")
}

func TestStatisticsTable(t *testing.T) {
	for name, text := range map[string]string{
		"layout": statisticsLayout, "default": defaultMode(statisticsLayout), "web": onePage(statisticsLayout), "cells": barCells(statisticsLayout),
	} {
		d := extractLines(t, text)
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(38100) {
			t.Errorf("%s: three_public = %+v, want 3.81 万元", name, tp)
			continue
		}
		for part, f := range map[string]*schema.Figure{"overseas": tp.OverseasTravel, "vehicle": tp.Vehicle, "purchase": tp.VehiclePurchase,
			"operation": tp.VehicleOperation, "reception": tp.Reception} {
			want := map[string]int64{"overseas": 0, "vehicle": 37600, "purchase": 0, "operation": 37600, "reception": 400}[part]
			if f == nil || f.Amount != schema.Yuan(want) {
				t.Errorf("%s: %s = %+v, want %d", name, part, f, want)
			}
		}
		if d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(2908500) {
			t.Errorf("%s: operating_costs = %+v, want 290.85 万元", name, d.OperatingCosts)
		}
	}
}

// The 2016 template prints no rows for the reception's parts: the
// reception stands alone (the panel was left out as if rows were missing).
func TestStatisticsTableNoReceptionParts(t *testing.T) {
	text := statisticsLayout
	for _, row := range []string{"（1）国内接待费                 8    0.04", "其中：外事接待费                 9", "（2）国（境）外接待费            10"} {
		if !strings.Contains(text, row) {
			t.Fatalf("fixture lacks %q", row)
		}
		text = strings.Replace(text, row, strings.Repeat(" ", utf8.RuneCountInString(row)), 1)
	}
	for mode, tx := range map[string]string{"layout": text, "default": defaultMode(text)} {
		d := extractLines(t, tx)
		if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(38100) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(400) {
			t.Errorf("%s: three_public = %+v, want 3.81 万元 with a reception of 0.04", mode, tp)
		}
	}
}

// The text's 三公 restated differently: the table's figure, the text's a
// claim for the checks.
func TestStatisticsTableRestates(t *testing.T) {
	text := "某镇2017年度部门决算\n2017年度“三公”经费支出3.90万元。\n" + statisticsLayout[strings.Index(statisticsLayout, "\n")+1:]
	d := extractLines(t, text)
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(38100) {
		t.Fatalf("three_public = %+v, want the table's 3.81 万元", d.ThreePublic)
	}
	if !claimWith(d.Claims, "/three_public", schema.ClaimAmount, 39000) {
		t.Errorf("no claim of the text's 3.90 万元: %+v", d.Claims)
	}
}

// Parts that do not add up: a warning, no figure of that panel (the 三公);
// the other panel, which adds up, is read (机关运行经费).
func TestStatisticsTableUnread(t *testing.T) {
	text := strings.Replace(statisticsLayout, "6    3.76", "6    3.06", 1)
	for mode, tx := range map[string]string{"layout": text, "default": defaultMode(text)} {
		d := extractLines(t, tx)
		if d.ThreePublic != nil || d.OperatingCosts == nil || d.OperatingCosts.Amount != schema.Yuan(2908500) {
			t.Errorf("%s: three_public = %+v, operating_costs = %+v, want none and 290.85 万元", mode, d.ThreePublic, d.OperatingCosts)
		}
		warned := false
		for _, w := range d.Warnings {
			warned = warned || w.Text == "部门决算相关信息统计表" && strings.Contains(w.Reason, "do not add up")
		}
		if !warned {
			t.Errorf("%s: no warning (%+v)", mode, d.Warnings)
		}
	}
}

// A long label wrapped around its row's line (the figures on its middle
// line), or below it (the figures on the first line).
func TestStatisticsTableWrapped(t *testing.T) {
	for name, text := range map[string]string{
		"around": strings.Replace(statisticsLayout, "（2）公务用车运行维护费          6    3.76      （一）车辆数合计（辆）             27      2",
			"（2）公务用\n                               6    3.76      （一）车辆数合计（辆）             27      2\n车运行维护费", 1),
		"below": strings.Replace(statisticsLayout, "2．公务用车购置及运行维护费       4    3.76                                     25",
			"                               4    3.76                                     25\n2．公务用车购\n置及运行维护费", 1),
	} {
		for mode, tx := range map[string]string{"layout": text, "default": defaultMode(text)} {
			d := extractLines(t, tx)
			tp := d.ThreePublic
			if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(38100) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(37600) ||
				tp.VehicleOperation == nil || tp.VehicleOperation.Amount != schema.Yuan(37600) {
				t.Errorf("%s, %s: three_public = %+v", name, mode, tp)
			}
		}
	}
}

// A table without its 行次 column is not this template: a warning, no
// figure.
func TestStatisticsTableUnnumbered(t *testing.T) {
	text := regexp.MustCompile(`(?m)^(\S+)\s+\d+(\s)`).ReplaceAllString(statisticsLayout, "$1$2")
	d := extractLines(t, text)
	if d.ThreePublic != nil || d.OperatingCosts != nil {
		t.Errorf("three_public = %+v, operating_costs = %+v, want none", d.ThreePublic, d.OperatingCosts)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || w.Text == "部门决算相关信息统计表" && strings.Contains(w.Reason, "行次")
	}
	if !warned {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

// Default mode printing the table column by column: the codes, the names,
// then each column's figures. No 合计 row holds figures: a warning.
func TestFundFinalTableByColumn(t *testing.T) {
	text := `某镇2017年度部门决算
政府性基金预算财政拨款收入支出决算表
金额单位：万元
年初结转和结余
本年收入
本年支出
年末结转和结余
合计
征地和拆迁补偿支出
城市建设支出
162.13
162.13
83.76
245.89
162.13
83.76
245.89
`
	d := extractLines(t, text)
	if d.GovernmentFund != nil {
		t.Errorf("government_fund = %+v, want none", d.GovernmentFund)
	}
	warned := false
	for _, w := range d.Warnings {
		warned = warned || w.Text == "政府性基金预算财政拨款收入支出决算表" && strings.Contains(w.Reason, "合计")
	}
	if !warned {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}
