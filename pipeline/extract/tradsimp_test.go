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
