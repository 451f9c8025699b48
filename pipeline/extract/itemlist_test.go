package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// functionSection is the coverage report's entry for by_function.
func functionSection(d *schema.Document) schema.Coverage {
	for _, c := range d.Coverage {
		if c.Part == "section" && c.NameEn == "Expenditure by function" {
			return c
		}
	}
	return schema.Coverage{}
}

// items lists a document's classes as code → its items' code:amount (in
// yuan), and whether each class is stated.
func classItems(d *schema.Document) map[string][]string {
	out := map[string][]string{}
	for _, c := range d.Expenditure.ByFunction {
		key := c.Code
		if !c.Unstated {
			key += " stated"
		}
		for _, it := range c.Items {
			if it.Unstated {
				out[key] = append(out[key], it.Code+" "+it.Name+":-")
			} else {
				out[key] = append(out[key], it.Code+" "+it.Name+":"+it.Amount.String())
			}
			for _, part := range it.Items {
				out[key] = append(out[key], "  "+part.Name+":"+part.Amount.String())
			}
		}
	}
	return out
}

// A list of 项 under the whole of the appropriations, each with its code
// in brackets or bare before its name: each 项 goes under the 类 of its
// code's first three digits, with its change; the class's amount is not
// stated and is not the sum of its items. A code listed twice (行政运行中人员
// 经费, 行政运行中公用经费) is one 项, whose amount is not stated either, with
// its parts below it. A one-line web body reads the same.
func TestItemListCoded(t *testing.T) {
	text := "某区某局2016年度部门决算\n五、公共财政拨款支出决算情况2016年公共财政拨款支出 330.50 万元，比2015年决算数增加 29.83 万元，增长 9.92 %，具体情况如下：\n" +
		"（一）〔2011501〕行政运行中人员经费200.47 万元，较2015年决算数增加 20.78 万元，增长 11.56 %。\n" +
		"（二）〔2011501〕行政运行中公用经费40.02 万元，较2015年决算数增加 8.39 万元。\n" +
		"（三）2101016食品和药品监督管理事务——食品安全事务支出17.29万元，较2015年决算数减少21.1万元，下降54.96%。\n" +
		"（四）[2210201]住房改革支出—住房公积金72.72万元。\n六、政府性基金支出决算情况本部门无政府性基金支出。\n"
	want := map[string][]string{
		"201": {"2011501 行政运行:-", "  人员经费:2004700", "  公用经费:400200"},
		"210": {"2101016 食品安全事务支出:172900"},
		"221": {"2210201 住房公积金:727200"},
	}
	for name, text := range map[string]string{"lines": text, "one line": strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", " ")} {
		d := extractLines(t, text)
		if got := classItems(d); !equalLists(got, want) {
			t.Errorf("%s: classes %v, want %v", name, got, want)
		}
		if c := functionSection(d); c.Status != schema.CoverageRead || c.Reason != "" {
			t.Errorf("%s: coverage %+v, want read", name, c)
		}
		if it := d.Expenditure.ByFunction[1].Items[0]; it.ReportedName != "食品和药品监督管理事务——食品安全事务支出" {
			t.Errorf("%s: reported name %q", name, it.ReportedName)
		}
		changes := 0
		for _, cl := range d.Claims {
			if strings.HasPrefix(cl.Path, "/expenditure/by_function/") && cl.Kind == schema.ClaimChange {
				changes++
			}
		}
		if changes != 3 {
			t.Errorf("%s: %d changes of 项 claimed, want 3", name, changes)
		}
	}
}

func equalLists(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, "|") != strings.Join(b[k], "|") {
			return false
		}
	}
	return true
}

// A list of 项 with no codes (按项级科目分类统计): a name that is a 项 of one
// 类 in the reference classification goes under it, without a code; 行政运行
// is a 项 of most 款 and a name the reference does not hold is no 项 it
// knows: each is left out with a warning, and coverage says the section is
// read in part. A code printed in the name's aside (项级科目2210202) is the
// code; an amount printed without its unit takes the whole's where the list
// adds up with it so, and says so.
func TestItemListUncoded(t *testing.T) {
	text := "某区某局2018年部门预算\n五、一般公共预算拨款支出情况 2018年度一般公共预算拨款支出1,000万元，主要支出项目(按项级科目分类统计)包括：\n" +
		"（一）行政运行600万元。主要用于公用支出。\n（二）经济犯罪侦查50万元。\n（三）住房公积金200万元。\n（四）住房改革支出-提租补贴（项级科目2210202）150用于对职工个人和家庭的补助。\n" +
		"六、政府性基金预算支出情况本部门无政府性基金。\n"
	d := extractLines(t, text)
	want := map[string][]string{"221": {" 住房公积金:2000000", "2210202 提租补贴:1500000"}}
	if got := classItems(d); !equalLists(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
	c := functionSection(d)
	if c.Status != schema.CoverageRead || !strings.Contains(c.Reason, "2 of the 4 项 listed not placed") || !strings.Contains(c.Reason, "行政运行") {
		t.Errorf("coverage %+v, want read in part", c)
	}
	var reasons []string
	for _, w := range d.Warnings {
		reasons = append(reasons, w.Reason)
	}
	all := strings.Join(reasons, "\n")
	for _, w := range []string{"项 行政运行 (600万元): no code is printed and the name is a 项 of most 款", "项 经济犯罪侦查 (50万元): no code is printed and the name is no 项 of the reference",
		"its amount 150 is printed without a unit"} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in\n%s", w, all)
		}
	}
	if strings.Contains(all, "600万元 not placed") {
		t.Errorf("an item left out warned twice:\n%s", all)
	}
	// the list no longer adds up with the bare amount in 万元: it stays out
	d = extractLines(t, strings.Replace(text, "150用于", "160用于", 1))
	if got := classItems(d); !equalLists(got, map[string][]string{"221": {" 住房公积金:2000000"}}) {
		t.Errorf("a bare amount that does not make the sum: classes %v", got)
	}
}

// Items that are no 项 (人员经费, 公用经费 under 按项级科目) are no list of 项:
// nothing is read, and coverage does not say a list was left.
func TestItemListOfNoItems(t *testing.T) {
	d := extractLines(t, "某区某所2016年部门预算\n五、一般公共预算拨款支出情况 2016年度一般公共预算拨款支出357.68万元，主要支出项目(按项级科目分类统计)包括：\n（一）人员经费272.98万元。\n（二）公用经费30.70万元。\n（三）项目经费54万元。\n")
	if len(d.Expenditure.ByFunction) != 0 || functionSection(d).Status != schema.CoverageAbsent {
		t.Errorf("by_function %v, coverage %+v", d.Expenditure.ByFunction, functionSection(d))
	}
}

// A list whose 项 do not add up to the whole they are listed under, beyond
// their rounding, is a misprint: its items are left out, the whole and its
// items are sum claims (sum.text), a warning says so and coverage says the
// section is not read. As printed, within rounding, or short of the whole
// by what no misprint explains (the main 项 only), no claim.
func TestItemListNotAddingUp(t *testing.T) {
	text := "某区某局2017年度部门决算\n五、一般公共预算拨款支出决算情况2017年一般公共预算拨款支出1,300.00万元，具体情况如下(按项级科目分类统计)：\n" +
		"（一）2040201公安——行政运行1,000.00万元。\n（二）2040202公安——一般行政管理事务200.00万元。\n（三）2210201住房改革支出——住房公积金100.00万元。\n六、其他\n"
	checkSumClaims(t, strings.Replace(text, "200.00万元", "290.00万元", 1), map[int]float64{2: 13000000, 3: 10000000, 4: 2900000, 5: 1000000}, map[string]string{
		"as printed":           text,
		"within rounding":      strings.Replace(text, "200.00万元", "200.01万元", 1),
		"no misprint explains": strings.Replace(text, "200.00万元", "123.45万元", 1),
	})
	d := extractLines(t, strings.Replace(text, "200.00万元", "290.00万元", 1))
	if len(d.Expenditure.ByFunction) != 0 {
		t.Errorf("a list that does not add up placed: %v", d.Expenditure.ByFunction)
	}
	if c := functionSection(d); c.Status != schema.CoverageNotRead || c.Line != 2 {
		t.Errorf("coverage %+v, want not_read on line 2", c)
	}
	d = extractLines(t, text)
	if got := classItems(d); len(got["204"]) != 2 || len(got["221"]) != 1 {
		t.Errorf("as printed: classes %v", got)
	}
}

// An uncoded 项 whose 类 and 款 are printed before it (…（类）…（款）行政运行（项）)
// is of the 类 printed; one of the 项 most 款 have is of its 款's 类, where
// the reference knows the 款 (人大事务—机关服务), and of none otherwise
// (公安——行政运行), even where the reference shows it under one 类 only
// (机关服务).
func TestItemListNamedLevels(t *testing.T) {
	d := extractLines(t, "某区某局2018年部门预算\n五、一般公共预算拨款支出情况 2018年度一般公共预算拨款支出400万元，主要支出项目(按项级科目分类统计)包括：\n"+
		"（一）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）200万元。\n（二）公安——行政运行100万元。\n"+
		"（三）人大事务—机关服务60万元。\n（四）机关服务40万元。\n六、政府性基金\n")
	if got := classItems(d); !equalLists(got, map[string][]string{"201": {" 行政运行:2000000", " 机关服务:600000"}}) {
		t.Errorf("classes %v", got)
	}
	if c := functionSection(d); !strings.Contains(c.Reason, "2 of the 4 项 listed not placed (公安——行政运行, 机关服务)") {
		t.Errorf("coverage %+v", c)
	}
}

// A summary's 类 row is placed on the class it stands for, but not on a
// class whose amount is not stated: there is no figure for it to restate.
func TestSummaryRowNotOnUnstatedClass(t *testing.T) {
	b := &builder{doc: &schema.Document{Revenue: &schema.Revenue{}, Expenditure: &schema.Expenditure{ByFunction: []schema.ClassItem{
		{Code: "201", Name: "一般公共服务支出", Unstated: true, Items: []schema.ClassItem{{Name: "行政运行", Amount: 100}}},
		{Code: "208", Name: "社会保障和就业支出", Amount: 100}}}}}
	if got := b.summaryPath("class:201"); got != "" {
		t.Errorf("class:201 placed on %q", got)
	}
	if got := b.summaryPath("class:208"); got != "/expenditure/by_function/1" {
		t.Errorf("class:208 placed on %q", got)
	}
}

// Items named by their 类, 款 and 项 in quotes (“…（类）…（款）…（项）”科目X万元)
// under a whole: each 项 goes under the 类 it names, whether or not the
// reference knows the 项.
func TestItemListQuotedLevels(t *testing.T) {
	d := extractLines(t, "某街道2024年部门预算\n四、财政拨款支出预算情况说明\n2024年财政拨款支出预算2,000.00万元，主要内容如下：\n"+
		"1. “一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”科目42.29万元，主要用于群众团体事务。\n"+
		"2. “城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”科目1957.71万元，主要用于城乡社区管理事务。\n五、其他\n")
	want := map[string][]string{"201": {" 一般行政管理事务:422900"}, "212": {" 其他城乡社区管理事务支出:19577100"}}
	if got := classItems(d); !equalLists(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
	// numbered (1), (2)
	d = extractLines(t, "某街道2024年部门预算\n四、财政拨款支出预算情况说明\n2024年财政拨款支出预算2,000.00万元，主要内容如下：\n"+
		"（1）“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”科目42.29万元。\n"+
		"（2）“城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”科目1957.71万元。\n五、其他\n")
	if got := classItems(d); !equalLists(got, want) {
		t.Errorf("(1), (2): classes %v, want %v", got, want)
	}
}

// An item whose first amount is another figure of it (年初预算为…, 支出决算为…)
// is not read from the list: that amount is not the 项's.
func TestItemListOtherFigureFirst(t *testing.T) {
	d := extractLines(t, "某区某局2017年度部门决算\n五、一般公共预算拨款支出决算情况2017年一般公共预算拨款支出1,600.00万元，具体情况如下：\n"+
		"（一）2010101人大事务——行政运行年初预算为1,560.05万元，支出决算为1,500.00万元。\n（二）2210201住房改革支出——住房公积金100.00万元。\n六、其他\n")
	if got := classItems(d); !equalLists(got, map[string][]string{"221": {"2210201 住房公积金:1000000"}}) {
		t.Errorf("classes %v", got)
	}
	if c := functionSection(d); !strings.Contains(c.Reason, "1 of the 2 项 listed not placed (人大事务——行政运行)") {
		t.Errorf("coverage %+v", c)
	}
	// the prior year's, in any of its words
	d = extractLines(t, "某区某局2017年度部门决算\n五、一般公共预算拨款支出决算情况2017年一般公共预算拨款支出1,600.00万元，具体情况如下：\n"+
		"（一）2010101人大事务——行政运行去年1,400.00万元，本年1,500.00万元。\n（二）2210201住房改革支出——住房公积金100.00万元。\n六、其他\n")
	if got := classItems(d); !equalLists(got, map[string][]string{"221": {"2210201 住房公积金:1000000"}}) {
		t.Errorf("去年: classes %v", got)
	}
}

// A code printed after 科目编码 before the name (科目编码2010601-财政事务行政运行
// 的金额为2.80万元) is the item's.
func TestItemListCodeAfterWords(t *testing.T) {
	d := extractLines(t, "某镇2017年度部门决算\n五、一般公共预算拨款支出决算情况2017年一般公共预算拨款支出12.80万元，具体情况如下：\n"+
		"（一）科目编码2010601-财政事务行政运行的金额为2.80万元。\n（二）科目编码2210201-住房公积金的金额为10.00万元。\n六、其他\n")
	want := map[string][]string{"201": {"2010601 财政事务行政运行:28000"}, "221": {"2210201 住房公积金:100000"}}
	if got := classItems(d); !equalLists(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
}

// The 人员经费 and 公用经费 of a 项 printed twice in a list (行政运行中人员经费)
// are not the basic expenditure's parts, however near its statement: the
// statement of the whole the list is under ends the search for them (they
// were read as the basic expenditure's, and the checks then alarmed).
func TestItemListPartsNotBasics(t *testing.T) {
	text := "某区某局2020年度部门决算\n三、支出决算情况说明\n本年支出合计330.50万元，其中：基本支出240.49万元，占72.77%；项目支出90.01万元，占27.23%。\n" +
		"五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出330.50万元，具体情况如下：" +
		"（一）〔2011501〕行政运行中人员经费200.47万元。（二）〔2011501〕行政运行中公用经费40.02万元。（三）[2210201]住房公积金90.01万元。\n"
	d := extractLines(t, text)
	if e := d.Expenditure; e.Personnel != nil || e.PublicExpenses != nil {
		t.Errorf("personnel %v, public expenses %v: the parts of a 项, not of the basic expenditure", e.Personnel, e.PublicExpenses)
	}
	want := map[string][]string{
		"201": {"2011501 行政运行:-", "  人员经费:2004700", "  公用经费:400200"},
		"221": {"2210201 住房公积金:900100"},
	}
	if got := classItems(d); !equalLists(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
}
