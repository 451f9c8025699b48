package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"budgetpub/schema"
)

// Optional families are written only where Options.Only names them, so
// that the default mix — and the scale runs measured on it — stays as it
// was. "news" is a department's 三公 told as a news story (news.go).
var Optional = []string{"news"}

var (
	papers    = []string{"江城日报", "都市晚报", "城市新闻网", "商报"}
	reporters = []string{"王明", "李静", "张华", "赵若言"}
)

// newsStory renders the i-th document of the news family: a paper's story
// of a department's 三公, its budget's or its final accounts' by turns,
// that names the department as the one that published them on its
// website, states the 三公 and its parts in 万元 and, beside them, its
// region's revenue (the region's: extraction must leave it out); every
// other one saved as a web page whose body is one line.
func newsStory(r *rand.Rand, i int) (string, Truth) {
	region := regions[r.IntN(len(regions))]
	dept := region + depts[r.IntN(len(depts))]
	year := 2014 + r.IntN(11)
	kind, word, stated := schema.KindBudget, "预算", "一般公共预算财政拨款安排的“三公”经费预算为"
	if i%2 == 1 {
		kind, word, stated = schema.KindFinalAccounts, "决算", "一般公共预算财政拨款“三公”经费支出决算为"
	}
	var parts [4]schema.Money // overseas, reception, purchase, operation
	if r.IntN(4) > 0 {
		parts[0] = wan(r, 10, 3000)
	}
	parts[1] = wan(r, 100, 5000)
	if r.IntN(3) > 0 {
		parts[2] = wan(r, 500, 30000)
	}
	parts[3] = wan(r, 500, 20000)
	total := parts[0] + parts[1] + parts[2] + parts[3]
	paper := papers[r.IntN(len(papers))]
	headline := fmt.Sprintf("%s“三公”经费%s出炉", dept, word)
	lines := []string{
		headline,
		fmt.Sprintf("来源:%s %d-0%d-1%d", paper, year+i%2, 1+i%9, i%10),
		fmt.Sprintf("本报讯(记者 %s) 日前,%s在其网站公布了%d年部门%s。", reporters[r.IntN(len(reporters))], dept, year, word),
		fmt.Sprintf("%d年,%s%s%s万元,其中:因公出国(境)费%s万元,公务用车购置及运行维护费%s万元(其中:公务用车购置费%s万元,公务用车运行维护费%s万元),公务接待费%s万元。",
			year, dept, stated, w(total), w(parts[0]), w(parts[2]+parts[3]), w(parts[2]), w(parts[3]), w(parts[1])),
		fmt.Sprintf("据介绍,%d年全区一般公共预算收入%d.%d亿元,同比增长%d.%d%%。", year, 20+r.IntN(300), r.IntN(10), 1+r.IntN(9), r.IntN(10)),
		fmt.Sprintf("[责任编辑:%s]", reporters[r.IntN(len(reporters))]),
	}
	text := strings.Join(lines, "\n") + "\n"
	t := Truth{Family: "news", Kind: kind, FiscalYear: year, Department: dept, ThreePublic: total, Injected: []Injected{},
		ThreePublicParts: map[string]int64{"overseas_travel": int64(parts[0]), "reception": int64(parts[1]), "vehicle_purchase": int64(parts[2]), "vehicle_operation": int64(parts[3])}}
	if i%4 >= 2 {
		text = fmt.Sprintf("标题: %s\n发布时间: %d-0%d-1%d 09:30\n来源: %s\n原文链接: https://news.example.com/t%06d.htm\n%s", headline, year+i%2, 1+i%9, i%10, paper, i, strings.Join(lines[2:], " "))
		t.Perturbed = "web"
	}
	return text, t
}
