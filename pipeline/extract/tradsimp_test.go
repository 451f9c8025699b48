package extract

import (
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
)

// A disclosure in traditional script reads as its simplified text: the
// title, the department and the figures, while the provenance keeps the
// line as published. Characters simplified text also writes stay.
func TestTraditionalScript(t *testing.T) {
	if got, want := fold("財政撥款“三公”經費預算（萬元）"), "财政拨款“三公”经费预算(万元)"; got != want {
		t.Errorf("fold: %q, want %q", got, want)
	}
	for _, s := range []string{"乾坤", "显著", "于是", "预算"} {
		if got := fold(s); got != s {
			t.Errorf("fold(%q) = %q: a character of simplified text changed", s, got)
		}
	}
	d := extractLines(t, "某縣審計局2022年“三公”經費預算\n"+
		"某縣審計局2022年度“三公”經費支出預算為11.4萬元,比2021年預算增加0.6萬元。其中:因公出國(境)費支出預算為0萬元,公務接待費支出預算為7.4萬元,公務用車購置及運行費支出預算為4萬元。")
	if d.Department.Name != "某县审计局" || d.Document.FiscalYear != 2022 || d.Document.Kind != "budget" {
		t.Errorf("identity: %q %d %s", d.Department.Name, d.Document.FiscalYear, d.Document.Kind)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || tp.Total.Float() != 114000 || tp.Reception == nil || tp.Reception.Amount.Float() != 74000 {
		t.Fatalf("三公: %+v", tp)
	}
	if src := d.Provenance["/three_public/total"]; src.Line != 2 || src.Text[:len("某縣")] != "某縣" {
		t.Errorf("provenance %+v: not the line as published", src)
	}
}

// Some mirrors print each character's reading in pinyin after it
// ("經(jīng)費(fèi)"): the fold drops the readings, so the title and the
// figures read as the characters alone. A bracket that is no reading (a
// unit, letters without a tone mark, after no character) stays.
func TestPinyinReadings(t *testing.T) {
	for in, want := range map[string]string{
		"“三公”經(jīng)費(fèi)預(yù)算": "“三公”经费预算",
		"公務(wù)用車（chē）":           "公务用车",
		"支出(万元)":                  "支出(万元)",
		"某局(abc)":                 "某局(abc)",
		"A(ā)":                    "A(ā)",
		"某局(zhōngguóguó)":         "某局(zhōngguóguó)",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	checkWordings(t, []wording{{name: "pinyin mirror",
		text: "2018年某市質(zhì)量技術(shù)監(jiān)督局“三公”經(jīng)費(fèi)預(yù)算情況說(shuō)明\n" +
			"“三公”經(jīng)費(fèi)包括因公出國(guó)(境)費(fèi)、公務(wù)用車購(gòu)置及運(yùn)行維護(hù)費(fèi)和公務(wù)接待費(fèi)。2018年某市質(zhì)量技術(shù)監(jiān)督局財(cái)政撥款“三公”經(jīng)費(fèi)預(yù)算合計(jì)32.6萬(wàn)元。其中:因公出國(guó)(境)費(fèi)0元;公務(wù)用車購(gòu)置費(fèi)0元;公務(wù)用車運(yùn)行維護(hù)費(fèi)28.6萬(wàn)元,與上年持平;公務(wù)接待費(fèi)4萬(wàn)元,比上年減少2萬(wàn)元。",
		want: map[string]float64{"/three_public/total": 326000, "/three_public/overseas_travel/amount": 0,
			"/three_public/vehicle_purchase/amount": 0, "/three_public/vehicle_operation/amount": 286000,
			"/three_public/reception/amount": 40000}}})
	d := extractLines(t, "2018年某市質(zhì)量技術(shù)監(jiān)督局“三公”經(jīng)費(fèi)預(yù)算情況說(shuō)明\n2018年某市質(zhì)量技術(shù)監(jiān)督局財(cái)政撥款“三公”經(jīng)費(fèi)預(yù)算合計(jì)32.6萬(wàn)元。")
	if d.Department.Name != "某市质量技术监督局" || d.Document.Kind != "budget" || d.Document.FiscalYear != 2018 {
		t.Errorf("identity: %q %s %d", d.Department.Name, d.Document.Kind, d.Document.FiscalYear)
	}
}

// A saved page in traditional script has its crawler's header in it too
// (標題, 發佈時間, 發布機構): ingest reads the labels before anything is
// folded, and the identity comes from the 標題 as from a 标题.
func TestTraditionalHeader(t *testing.T) {
	lines := strings.Split("標題: 2022年“三公”經費預算情況說明\n發佈時間: 2022-02-10\n發布機構: 某縣審計局\n"+
		"2022年度“三公”經費支出預算為11.4萬元,比2021年預算增加0.6萬元。其中:因公出國(境)費支出預算為0萬元,公務接待費支出預算為7.4萬元,公務用車購置及運行費支出預算為4萬元。", "\n")
	d, err := Extract(&ingest.Text{Path: "h.txt", Lines: lines, Header: ingest.ReadHeader(lines)}, "h", Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department.Name != "某县审计局" || d.Document.FiscalYear != 2022 || d.Document.Kind != "budget" || d.Document.Publisher != "某縣審計局" {
		t.Errorf("identity: %q %d %s (publisher %q)", d.Department.Name, d.Document.FiscalYear, d.Document.Kind, d.Document.Publisher)
	}
	if p := d.Provenance["/department/name"]; p.Line != 1 {
		t.Errorf("name's provenance %+v, want the 標題 line", p)
	}
}

// A site's template that prints the 年 of a year's 年度 as "-" ("某县某园
// 2017-度部门“三公”经费预算情况表") reads with its year; a range of years,
// a date and a header's "2016-执行数" stay as printed.
func TestYearDash(t *testing.T) {
	for in, want := range map[string]string{
		"某园2017-度部门“三公”经费预算情况表": "某园2017年度部门“三公”经费预算情况表",
		"2016-2017-度":          "2016-2017年度",
		"2017-04-27":           "2017-04-27",
		"项目 2016-执行数 2017-预算数": "项目 2016-执行数 2017-预算数",
		"12017-度":              "12017-度",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	d := extractLines(t, "某县2017年度部门“三公”经费预算情况表\n某县某园2017-度部门“三公”经费预算情况表\n单位:元\n项目 2016-执行数 2017-预算数\n一、支出合计 250000\n2、公务接待费 150000\n3、公务用车费 100000\n")
	if d.Department.Name != "某县某园" || d.Document.FiscalYear != 2017 {
		t.Errorf("%q %d", d.Department.Name, d.Document.FiscalYear)
	}
}
