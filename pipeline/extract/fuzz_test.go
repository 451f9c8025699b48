package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"budgetpub/pipeline/ingest"
)

// FuzzLexNumbers: the lexer never panics, every token lies inside the text
// and a money token converts back to the digits it was read from.
func FuzzLexNumbers(f *testing.F) {
	for _, s := range []string{"305.63万元", "21,955.35 万元", "１２．５％", "0.2万", "1,2,3", "9999999999999999999元", "3.万元", "2023年", "-5元", "1.5万人次"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = fold(s)
		for _, tok := range lexNumbers(s) {
			if tok.start < 0 || tok.start > tok.numEnd || tok.numEnd > tok.end || tok.end > len(s) {
				t.Fatalf("token %+v outside %q", tok, s)
			}
			if tok.kind == numMoney && tok.money() < 0 {
				t.Fatalf("negative money %d from %q", tok.money(), s[tok.start:tok.end])
			}
		}
	})
}

// FuzzExtract: the extractor never panics on any text and terminates.
func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile("../../data/000_70dee09d8603147c.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("某局2024年部门预算\n收入预算总额 305.63 万元，比上年 1 万元增加\n2024年部门财务收支预算总表\n单位：元\n收入总计 1 支出总计 1")
	f.Add("2023年部门决算\n（项）（类）“”主要内容")
	f.Add(layoutSummary)
	f.Add(defaultSummary)
	f.Add(economicTable)
	f.Add(panelTable)
	f.Add(jiangsuLayoutSummary)
	f.Add(defaultCodedEconomic)
	f.Add(defaultPanelSummary)
	f.Add(defaultCarried)
	f.Add(defaultEconomicPanels)
	f.Add(webPage)
	for _, name := range []string{"testdata/colwise-budget.txt", "testdata/colwise-final.txt",
		"../../data/corpus/more/fujian/pingtan_market-supervision-bureau_2016_dept-final-accounts.txt", // lists of 项 (itemlist.go)
		"../../data/corpus/more/fujian/pingtan_pingyuan-town_2018_dept-budget.txt"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw))
	}
	f.Add(webPage + strings.Repeat(" 一、收入 1,234.56 万元；（二）支出 88 万元 附件2 201 一般公共服务支出 671.72 671.72", 60)) // a long body line
	f.Fuzz(func(t *testing.T, text string) {
		start := time.Now()
		lines := ingest.Lines(text)
		Extract(&ingest.Text{Path: "f.txt", Lines: lines, Header: ingest.ReadHeader(lines)}, "f", Hints{})
		// a 15 KB disclosure takes milliseconds: far longer means a loop
		// that grows faster than the text
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("extraction of %d bytes took %v", len(text), d)
		}
	})
}

// webPage is a saved web page: a crawler's header, then the body on one line
// with a table flattened into cells.
const webPage = "标题: 2017年度某区某镇人民政府决算说明\n发布机构: 某镇\n==== 正文 ====\n" +
	"当前位置：首页 2017年度某区某镇人民政府决算说明 时间：2018-08-13 一、收入支出决算总体情况。本年收入 2,188.65 万元，本年支出 2,172.26 万元。" +
	"（一）“三公”经费 3.81 万元；附件1 收支决算总表 金额单位：万元 收入 支出 项目 决算数 一、财政拨款 2,188.65 一、一般公共服务支出 676.89 本年收入合计 2,188.65 本年支出合计 2,172.26"
