package ingest

import (
	"strings"
	"testing"
)

// Rows whose cells a tab separates (a browser's copy of a web page's
// table) come out in columns, as pdftotext -layout prints them: names to
// the left, figures and dashes to the right, an empty cell kept as blank
// space; a one-cell row and a blank line inside the table keep its block
// whole; a stray tab in the narrative is left alone; lines keep their
// numbers.
func TestAlignTabs(t *testing.T) {
	in := []string{
		"收入中含\t一个制表符。",
		"支出决算表",
		"项目\t本年支出合计\t基本支出\t项目支出",
		"功能分类科目编码",
		"合计\t1,234.56\t1,000.00\t234.56",
		"",
		"201\t一般公共服务支出\t\t234.56",
		"208\t社会保障和就业支出\t—\t0",
		"注：本表反映本年度支出。",
	}
	want := []string{
		"收入中含\t一个制表符。",
		"支出决算表",
		"项目    本年支出合计          基本支出     项目支出",
		"功能分类科目编码",
		"合计     1,234.56   1,000.00   234.56",
		"",
		"201   一般公共服务支出               234.56",
		"208   社会保障和就业支出          —        0",
		"注：本表反映本年度支出。",
	}
	got := alignTabs(in)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if in[2] != "项目\t本年支出合计\t基本支出\t项目支出" {
		t.Error("the input was changed")
	}
	// a column of figures sets its label to the right too: a 栏次 row's
	// number, the label and the figure end together (a label at the left
	// of a column wider than it stood apart from a 栏次 number at the right)
	counted := alignTabs([]string{"项目\t本年收入合计\t财政拨款", "栏次\t1\t2", "合计\t15,634,013\t15,634,013"})
	if want := []string{"项目       本年收入合计         财政拨款", "栏次            1            2", "合计   15,634,013   15,634,013"}; strings.Join(counted, "\n") != strings.Join(want, "\n") {
		t.Errorf("栏次 row: got %q, want %q", counted, want)
	}
	lone := []string{"一、收入\t100", "二、支出"}
	if got := alignTabs(lone); strings.Join(got, "\n") != strings.Join(lone, "\n") {
		t.Errorf("a lone tab row was aligned: %q", got)
	}
}

// A Markdown pipe table (an HTML-to-Markdown converter's) reads as rows
// of tab-separated cells, its rule line blank, and so does an HTML-to-text
// converter's table without the outer pipes; a line with pipes that is no
// table row (two cells without an outer pipe, a sentence) stays as it is.
func TestPipeRows(t *testing.T) {
	in := []string{"| 项目 | 本年支出 | 基本支出 |", "| --- | :---: | ---: |", "| 合计 | 100.00 |  |", "收入|支出", "|"}
	want := []string{"项目\t本年支出\t基本支出", "", "合计\t100.00\t", "收入|支出", "|"}
	if got := pipeRows(in); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	// an HTML-to-text converter's rows: no outer pipes, or a closing one
	plain := []string{"项目 | 2023年预算数 | 2024年预算数 |", "合计 | 18.15 | 22.15", "收入|支出", "注：数据来源于表一|表二|表三。"}
	if got := pipeRows(plain); strings.Join(got, "\n") != "项目\t2023年预算数\t2024年预算数\n合计\t18.15\t22.15\n收入|支出\n注：数据来源于表一|表二|表三。" {
		t.Errorf("rows without outer pipes: got %q", got)
	}
	lines := Lines(strings.Join(in[:3], "\n"))
	if len(lines) != 3 || lines[0] != "项目   本年支出     基本支出" || lines[2] != "合计   100.00" {
		t.Errorf("aligned %q", lines)
	}
}
