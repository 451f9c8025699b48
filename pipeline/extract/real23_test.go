package extract

import (
	"fmt"
	"testing"
)

// A title whose name the template's 部门 follows ("某县妇联部门2022年部门决算
// 情况说明"), the body naming it the same way, names the unit without it:
// the 部 of 部门 ends no name (completedName), and a mirror's ? for a lost
// character before a name opening with its region is no part of it.
func TestNameBeforeTemplateDepartment(t *testing.T) {
	for _, title := range []string{"某某县妇联部门2022年部门决算情况说明", "?某某县妇联部门2022年部门决算情况说明"} {
		d, err := extractText(title+"\n第一部分 某某县妇联部门概况\n一、主要职责\n", Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Department.Name != "某某县妇联" {
			t.Errorf("%s: %q", title, d.Department.Name)
		}
	}
	if n := completedName([]string{"第一部分 某某县统战部概况"}, "某某县统战"); n != "某某县统战部" {
		t.Errorf("a name that ends in 部: %q", n)
	}
}

// A web page's body on one line runs a numbered heading into the name that
// opens its paragraph: the subject of the overview's first sentence, or
// the name given with its short form, starts after the heading's words.
func TestNameAfterHeadingWords(t *testing.T) {
	if name, _ := overviewName([]string{"一、部门基本情况 (一)职能职责 某某县人民法院是国家审判机关,依法独立行使审判权。"}, false); name != "某某县人民法院" {
		t.Errorf("overview: %q", name)
	}
	lines := []string{"(一)机构设置、职责 北京市某某局(简称市某某局)是市政府直属机构。", "市某某局贯彻落实党中央的方针政策。"}
	if name, _ := definedName(compactLines(foldAll(lines))); name != "北京市某某局" {
		t.Errorf("defined: %q", name)
	}
}

// A change and its percentage stated right after a part that follows 其中
// belong to the whole read before it where they agree on the whole's
// amount and not the part's; where they agree on the part's, the part's.
func TestChangeAfterPartIsWholes(t *testing.T) {
	const sentence = "某某县人民法院2020年度部门决算\n一、收入决算情况说明\n本部门2020年度收入总计3759.2万元,其中年初结转和结余1366.76万元,较2019年增加197.03万元,增加%s;本年一般公共预算财政拨款收入2392.44万元。\n"
	claimed := func(pct string) map[string]bool {
		d, err := extractText(fmt.Sprintf(sentence, pct), Hints{})
		if err != nil {
			t.Fatal(err)
		}
		paths := map[string]bool{}
		for _, c := range d.Claims {
			paths[c.Path+" "+c.Kind] = true
		}
		return paths
	}
	if paths := claimed("5.5%"); !paths["/revenue change"] || !paths["/revenue change_pct"] || paths["/revenue/carried_over change"] {
		t.Errorf("whole's: %v", paths)
	}
	if paths := claimed("16.8%"); !paths["/revenue/carried_over change"] || paths["/revenue change"] {
		t.Errorf("part's: %v", paths)
	}
}

// A page with no title states its figures for two years, each compared
// with the year before in a clause of a change and no amount ("2018年比
// 2017年减少0.08%", "2017年比2016年减少0%"): the latest compared is its
// year, every other one it is compared with; a heading of that year's 预算
// 收支情况, the unit's short name in it, its sentence run into its line,
// tells the kind. Its budget's words read: 财政拨款预算收入, 机关运行经费预算
// 安排, 公务用车预算, 因公出境.
func TestShortUnitBudgetYear(t *testing.T) {
	text := "一、科协主要职能 (一)开展学术交流。\n三、2018年科协预算收支情况表 2018年财政拨款预算收入960800元, 2017年财政预算收入961600,2018年比2017年减少0.08%,预算支出:在职人员工资387176元,商品和服务143800元。\n" +
		"2018年机关运行经费预算安排143800元,政府采购预算安排7980元,用于办公设备。 三公经费预算支出情况:2017年公务用车预算0元,2018年公务用车预算0元。2017年比2016年减少0%。公务接待费0元,因公出境0元。\n"
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2018 || d.Document.Kind != "budget" {
		t.Fatalf("identity: %d %q", d.Document.FiscalYear, d.Document.Kind)
	}
	if len(d.Revenue.Sources) != 1 || d.Revenue.Sources[0].Name != "财政拨款" || d.Revenue.Sources[0].Amount.Float() != 960800 {
		t.Errorf("sources: %+v", d.Revenue.Sources)
	}
	if d.OperatingCosts == nil || d.OperatingCosts.Amount.Float() != 143800 {
		t.Errorf("operating costs: %+v", d.OperatingCosts)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Vehicle == nil || tp.Vehicle.Amount.Float() != 0 || tp.OverseasTravel == nil {
		t.Errorf("三公: %+v", tp)
	}
	// two years stated, neither compared: no year
	if y := statedYear("2018年财政拨款预算收入960800元。2017年公务用车预算0元。"); y != 0 {
		t.Errorf("uncompared: %d", y)
	}
}
