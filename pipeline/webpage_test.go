package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/schema"
)

// TestWebPages reads the Fujian web pages of data/ (a crawler's header, the
// body on one line): each extracts, names its department, and gives the
// figures its text states — read by hand from each page.
func TestWebPages(t *testing.T) {
	type want struct {
		name, kind string
		year       int
		figures    map[string]float64 // JSON pointer → yuan
		quiet      bool               // no warning or error finding
	}
	wan := func(v float64) float64 { return float64(int64(v*10000 + 0.5)) }
	cases := map[string]want{
		"pingtan_all-administrative-units_2016_three-public.txt": {"平潭综合实验区", "final_accounts", 2016, map[string]float64{
			"/three_public/total": wan(2092.61), "/three_public/overseas_travel/amount": wan(177.06), "/three_public/vehicle/amount": wan(1337.46),
			"/three_public/vehicle_purchase/amount": wan(182.21), "/three_public/vehicle_operation/amount": wan(1155.25), "/three_public/reception/amount": wan(578.09)}, true},
		"pingtan_district-level-units_2017_three-public.txt": {"平潭综合实验区本级", "final_accounts", 2017, map[string]float64{
			"/three_public/total": wan(1476.44), "/three_public/overseas_travel/amount": wan(269.19), "/three_public/vehicle/amount": wan(793.75),
			"/three_public/vehicle_purchase/amount": wan(100.99), "/three_public/vehicle_operation/amount": wan(692.76), "/three_public/reception/amount": wan(413.5)}, true},
		"pingtan_environment-land-resources-bureau_2015_three-public.txt": {"平潭综合实验区环境与国土资源局", "final_accounts", 2015, map[string]float64{
			"/three_public/total": wan(27.03), "/three_public/overseas_travel/amount": 0, "/three_public/vehicle/amount": wan(23.78), "/three_public/reception/amount": wan(3.25)}, true},
		"pingtan_health-supervision-institute_2016_unit-budget.txt": {"平潭县卫生监督所", "budget", 2016, map[string]float64{
			"/revenue/total": wan(357.68), "/three_public/total": wan(9.94), "/three_public/reception/amount": wan(2.34), "/three_public/vehicle/amount": wan(7.6),
			"/three_public/vehicle_purchase/amount": wan(3.6), "/three_public/vehicle_operation/amount": wan(4),
			// 支出预算357.68 = 人员支出272.98 + 公用支出30.70 + 项目支出54
			"/expenditure/project/amount": wan(54), "/expenditure/personnel/amount": wan(272.98), "/expenditure/public_expenses/amount": wan(30.70)}, true},
		"pingtan_library_2017_unit-budget.txt": {"平潭综合实验区图书馆", "budget", 2017, nil, true},
		"pingtan_market-supervision-bureau_2016_dept-budget.txt": {"平潭综合实验区市场监督管理局", "budget", 2016, map[string]float64{
			"/three_public/total": wan(111.33), "/three_public/reception/amount": wan(34.53), "/three_public/vehicle/amount": wan(76.8)}, false},
		"pingtan_market-supervision-bureau_2016_dept-final-accounts.txt": {"平潭综合实验区市场监督管理局", "final_accounts", 2016, map[string]float64{
			"/revenue/current_year": wan(3379.46), "/expenditure/current_year": wan(3260.27), "/three_public/total": wan(66.81),
			"/three_public/overseas_travel/amount": wan(5.55), "/three_public/vehicle/amount": wan(47.63), "/three_public/reception/amount": wan(13.63),
			"/operating_costs/amount": wan(135.71),
			// "财政拨款收入 3358.32 万元，其中政府性基金 21万元"
			"/revenue/sources/政府性基金/amount": wan(21)}, false},
		"pingtan_pingyuan-town_2017_dept-final-accounts.txt": {"平潭综合实验区平原镇人民政府", "final_accounts", 2017, map[string]float64{
			"/revenue/current_year": wan(2188.65), "/expenditure/current_year": wan(2172.26), "/three_public/total": wan(3.81), "/operating_costs/amount": wan(290.85),
			"/revenue/sources/政府性基金/amount": wan(321.86),
			// from its 收支决算总表, flattened into the page and closing with 合计 | 合计
			"/revenue/total": wan(2201.53), "/revenue/carried_over": wan(12.88), "/expenditure/carried_forward": wan(29.27),
			// the 类 of its 支出决算表 (附件3, all funds, adding up to 2,172.26),
			// with their 项 by code
			"/expenditure/by_function/201/amount": wan(676.88), "/expenditure/by_function/204/amount": wan(13.80), "/expenditure/by_function/207/amount": wan(10.83),
			"/expenditure/by_function/208/amount": wan(6), "/expenditure/by_function/210/amount": wan(63.23), "/expenditure/by_function/211/amount": wan(297.20),
			"/expenditure/by_function/212/amount": wan(415.25), "/expenditure/by_function/213/amount": wan(442.69), "/expenditure/by_function/214/amount": wan(6),
			"/expenditure/by_function/221/amount": wan(70.88), "/expenditure/by_function/229/amount": wan(169.50),
			"/expenditure/by_function/201/items/2010301/amount": wan(674.08), "/expenditure/by_function/212/items/2120801/amount": wan(162.13),
			"/expenditure/by_function/213/items/2130705/amount": wan(328.73), "/expenditure/by_function/221/items/2210202/amount": wan(14.71)}, false},
		// 收入预算为1290.90万元 (with 150.87 carried over) but 支出预算1140.03万元: balance.budget
		"pingtan_pingyuan-town_2018_dept-budget.txt": {"平潭县平原镇人民政府", "budget", 2018, map[string]float64{
			"/revenue/total": wan(1290.90), "/expenditure/total": wan(1140.03), "/three_public/overseas_travel/amount": 0, "/three_public/reception/amount": wan(3),
			"/three_public/vehicle/amount": wan(7), "/operating_costs/amount": wan(18.82),
			// 人员支出705.64 + 对个人和家庭补助支出231.91 + 公用支出72.76 + 项目支出129.72 = 1140.03
			"/expenditure/project/amount": wan(129.72), "/expenditure/public_expenses/amount": wan(72.76),
			// 收入预算为1290.90万元，其中：一般公共预算拨款1140.03万元，基金预算财政拨款0万元,
			// 财政专户拨款0万元,…,单位结余结转资金150.87万元
			"/revenue/carried_over": wan(150.87), "/revenue/sources/政府性基金/amount": 0, "/revenue/sources/财政专户管理资金/amount": 0}, false},
		"pingtan_public-security-bureau_2016_dept-budget.txt": {"平潭综合实验区公安局", "budget", 2016, map[string]float64{
			"/revenue/total": wan(23320.62), "/three_public/total": wan(350), "/three_public/reception/amount": wan(30), "/three_public/vehicle/amount": wan(320),
			// 人员支出5824.98 + 对个人和家庭补助支出0 + 公用支出1429 + 项目支出16066.64 = 23320.62
			"/expenditure/project/amount": wan(16066.64), "/expenditure/personnel/amount": wan(5824.98), "/expenditure/public_expenses/amount": wan(1429),
			"/revenue/carried_over": 0, "/revenue/sources/政府性基金/amount": 0, "/revenue/sources/财政专户管理资金/amount": 0}, false},
		"pingtan_public-security-bureau_2017_dept-final-accounts.txt": {"平潭综合实验区公安局", "final_accounts", 2017, map[string]float64{
			"/revenue/current_year": wan(24115.09), "/expenditure/current_year": wan(24430.10), "/three_public/total": wan(267.66),
			"/three_public/overseas_travel/amount": 0, "/three_public/vehicle/amount": wan(249.15), "/three_public/reception/amount": wan(18.51),
			"/operating_costs/amount": wan(1227.38),
			// 财政拨款收入 first: "“三公”经费一般公共预算拨款267.66万元" is no source
			"/revenue/sources/财政拨款/amount": wan(23636.53), "/revenue/sources/其他收入/amount": wan(478.56), "/revenue/sources/政府性基金/amount": 0},
			false}, // 总投资37000万元, 其中 16040.531 + 13959.469 + 8000 = 38000 (sum.text)
		"pingtan_public-security-bureau_2018_dept-budget.txt": {"平潭综合实验区公安局", "budget", 2018, map[string]float64{
			"/revenue/total": wan(22923.05), "/expenditure/total": wan(22923.05), "/three_public/overseas_travel/amount": 0,
			"/three_public/reception/amount": wan(30), "/three_public/vehicle/amount": 0, "/operating_costs/amount": wan(650),
			// all of it 一般公共预算拨款, so its 财政拨款基本支出 is the basic expenditure
			"/revenue/sources/一般公共预算/amount": wan(22923.05), "/expenditure/basic/amount": wan(12213.05), "/expenditure/project/amount": wan(10710),
			"/expenditure/personnel/amount": wan(10404.95), "/expenditure/public_expenses/amount": wan(1808.1)}, true},
	}
	// figures a page must not give: what its text says of something else
	absent := map[string][]string{
		// "“三公”经费一般公共预算拨款267.66万元": the 三公's funding
		"pingtan_public-security-bureau_2017_dept-final-accounts.txt": {"/revenue/sources/一般公共预算/amount"},
		// 人员支出 and 对个人和家庭补助支出 stated apart: 人员经费 (their sum) and
		// the basic expenditure are not printed
		"pingtan_pingyuan-town_2018_dept-budget.txt": {"/expenditure/personnel/amount", "/expenditure/basic/amount"},
		// a split with no total of its own (after the revenue's sentence)
		// and its revenue's list adds up to more than its total (327.26 carried over)
		"pingtan_market-supervision-bureau_2016_dept-budget.txt":    {"/expenditure/personnel/amount", "/expenditure/public_expenses/amount", "/revenue/carried_over"},
		"pingtan_health-supervision-institute_2016_unit-budget.txt": {"/expenditure/basic/amount"},
	}
	files, _ := filepath.Glob("../data/corpus/more/fujian/*.txt")
	if len(files) != len(cases) {
		t.Fatalf("%d web pages in data/, %d cases", len(files), len(cases))
	}
	for _, f := range files {
		w, ok := cases[filepath.Base(f)]
		if !ok {
			t.Errorf("%s: no case", f)
			continue
		}
		doc, err := ExtractFile(context.Background(), f, "")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if doc.Department.Name != w.name || doc.Document.Kind != w.kind || doc.Document.FiscalYear != w.year || doc.Document.SourceURL == "" {
			t.Errorf("%s: %s %s %d %q, want %s %s %d and the page's URL", filepath.Base(f), doc.Department.Name, doc.Document.Kind,
				doc.Document.FiscalYear, doc.Document.SourceURL, w.name, w.kind, w.year)
		}
		got := figuresOf(t, doc)
		for ptr, v := range w.figures {
			if g, ok := got[ptr]; !ok || g != v {
				t.Errorf("%s: %s = %.0f (present %v), want %.0f", filepath.Base(f), ptr, g, ok, v)
			}
		}
		for _, ptr := range absent[filepath.Base(f)] {
			if g, ok := got[ptr]; ok {
				t.Errorf("%s: %s = %.0f, want none", filepath.Base(f), ptr, g)
			}
		}
		if w.quiet {
			for _, c := range doc.Checks {
				if c.Severity != schema.SeverityInfo {
					t.Errorf("%s: finding %s: %s", filepath.Base(f), c.Rule, c.MessageEn)
				}
			}
		}
	}
}

// TestOneLineAgreesWithText: a web page gives its body on one line. Each
// narrative disclosure of data/, its lines joined into one (page numbers
// dropped, as a page has none), gives the very figures its text gives —
// none missing, none different (the responsibilities list aside: its
// items are read by line).
func TestOneLineAgreesWithText(t *testing.T) {
	files, _ := filepath.Glob("../data/corpus/more/*text-part.txt")
	files = append(files, "../data/000_70dee09d8603147c.txt", "../data/corpus/18_chongqing_transport-commission_2018_dept-budget-explanation_html.txt")
	for _, f := range files {
		want, err := ExtractFile(context.Background(), f, "x")
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !isPageNumberLine(l) {
				kept = append(kept, l)
			}
		}
		one := filepath.Join(t.TempDir(), "page.txt")
		if err := os.WriteFile(one, []byte(strings.Join(kept, " ")), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ExtractFile(context.Background(), one, "x")
		if err != nil {
			t.Errorf("%s on one line: %v", filepath.Base(f), err)
			continue
		}
		w, g := figuresOf(t, want), figuresOf(t, got)
		n := 0
		for ptr, v := range w {
			if strings.Contains(ptr, "/responsibilities/") || strings.HasPrefix(ptr, "/performance/") {
				continue
			}
			n++
			if gv, ok := g[ptr]; !ok || gv != v {
				t.Errorf("%s on one line: %s = %v (present %v), from its lines %v", filepath.Base(f), ptr, gv, ok, v)
			}
		}
		if n < 10 {
			t.Errorf("%s: only %d figures compared", filepath.Base(f), n)
		}
	}
}

// isPageNumberLine tells a line that holds only a short integer.
func isPageNumberLine(l string) bool {
	l = strings.Trim(l, " -—")
	return l != "" && len(l) <= 3 && strings.Trim(l, "0123456789") == ""
}
