package extract

import (
	"strings"
	"testing"
)

// A 三公 table of a web page, a cell a line, whose figures print the table's
// unit ("合计 | 44万元" under 单位:万元): each cell is the table's figure.
const unitCellsThreePublic = `某市某局2015年“三公”经费预算情况如下:
一、因公出国(境)经费
2015年某市某局未安排出国(境)经费预算。
附表:
|
2015年“三公”经费预算财政拨款情况统计表
|
单位:万元
|
项目
|
本年预算数
|
合计
|
44万元
|
1、因公出国(境)费用
|
|
2、公务接待费
|
10万元
|
3、公务用车费
|
34万元
|
其中:(1)公务用车运行维护费
|
34万元
|
(2)公务用车购置
|
|
`

func TestCellsPrintingTheTablesUnit(t *testing.T) {
	d := extractLines(t, unitCellsThreePublic)
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != 440000*100 {
		t.Fatalf("the 合计 cell 44万元 under 单位:万元 is 440000 yuan, got %+v", tp)
	}
	if tp.Reception == nil || tp.Reception.Amount != 100000*100 {
		t.Errorf("公务接待费 10万元: want 100000, got %+v", tp.Reception)
	}
	if p := d.Provenance["/three_public/total"]; p.Text != "44万元" {
		t.Errorf("the total's provenance is its cell, got %+v", p)
	}
	// a cell whose unit is not the table's is no figure of it
	d = extractLines(t, strings.Replace(unitCellsThreePublic, "单位:万元", "单位:元", 1))
	if tp := d.ThreePublic; tp != nil && tp.Total != nil {
		t.Errorf("44万元 in a table of 元 is not read, got total %v", tp.Total)
	}
}

func TestUnitCell(t *testing.T) {
	for _, c := range []struct {
		cell   string
		factor int64
		want   string
		ok     bool
	}{
		{"44万元", 10000, "44", true},
		{"1,234.50万元", 10000, "1,234.50", true},
		{"440000元", 1, "440000", true},
		{"44万元", 1, "", false},
		{"44元", 10000, "", false},
		{"合计万元", 10000, "", false},
		{"3亿元", 100000000, "3", true},
	} {
		got, ok := unitCell(c.cell, c.factor)
		if got != c.want || ok != c.ok {
			t.Errorf("unitCell(%q, %d) = %q, %v; want %q, %v", c.cell, c.factor, got, ok, c.want, c.ok)
		}
	}
	if l, ok := lineWithoutUnits("合计  44万元 | 10万元", 10000); !ok || l != "合计  44   | 10  " {
		t.Errorf("lineWithoutUnits: got %q, %v", l, ok)
	}
}
