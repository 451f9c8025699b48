package gen

import (
	"fmt"
	"strings"

	"budgetpub/schema"
)

// jiangsu12 is a 部门预算 of a Jiangsu province department (2017–2019): the
// twelve tables of the province's template, each under its 公开 NN 表 line,
// in 万元, codes in one cell (2040501), a 收支总表 in three panels (收入 |
// 功能分类 | 支出用途) with 单位预留机动经费 beside 基本支出 and 项目支出, a
// 三公 table with 会议费 and 培训费, 机关运行经费 as the 商品和服务支出 of
// basic expenditure; then the narrative (第三部分).
func (d *sdoc) jiangsu12(b *strings.Builder) {
	fmt.Fprintf(b, "%s\n%d 年度部门预算公开\n\n目        录\n第一部分 部门概况\n第二部分 %d 年度部门预算表\n第三部分 %d 年度部门预算情况说明\n\n", d.dept, d.year, d.year, d.year)
	fmt.Fprintf(b, "第一部分 部门概况\n一、主要职能\n（一）贯彻执行国家有关方针政策和法律法规。\n\n第二部分 %d 年度部门预算表\n", d.year)
	n := 0
	num := func() string { n++; return fmt.Sprintf("公开 %02d 表", n) }
	total := d.current
	// 01 收支预算总表: 收入 | 功能分类 | 支出用途
	cols := []tcol{{16, false}, {12, true}, {18, false}, {12, true}, {16, false}, {12, true}}
	sum := ttable{title: "收支预算总表", number: num(), cols: cols, header: []string{
		layout(cols, []string{"收入", "", "支出"}),
		layout(cols, []string{"", "", "功能分类", "", "支出用途"}),
		layout(cols, []string{"项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"}),
	}}
	left := [][2]string{{"一、财政拨款", d.num(total)}, {"1.一般公共预算", d.num(total)}, {"2.政府性基金预算", ""}, {"二、财政专户管理资金", ""}, {"三、其他资金", ""}}
	right := [][2]string{{"一、基本支出", d.num(d.basic)}, {"二、项目支出", d.num(d.project)}, {"三、单位预留机动经费", d.num(d.reserve)}}
	for i, c := range summaryClasses {
		cells := make([]string, 6)
		if i < len(left) {
			cells[0], cells[1] = left[i][0], left[i][1]
		}
		cells[2], cells[3] = numerals[i]+"、"+className(c), d.num(d.classTotal(c))
		if i < len(right) {
			cells[4], cells[5] = right[i][0], right[i][1]
		}
		sum.rows = append(sum.rows, trow{cells: cells, label: 2})
	}
	sum.rows = append(sum.rows,
		trow{cells: []string{"当年收入小计", d.num(total), "当年支出小计", "", "", d.num(total)}, label: -1},
		trow{cells: []string{"上年结转资金", "", "结转下年资金", "", "", ""}, label: -1},
		trow{cells: []string{"收入合计", d.num(total), "支出合计", "", "", d.num(total)}, label: -1})
	d.render(b, sum)
	// 02 收入预算总表
	cols = []tcol{{18, false}, {26, false}, {14, true}}
	d.render(b, ttable{title: "收入预算总表", number: num(), cols: cols,
		header: []string{layout(cols, []string{"", "项目名称", "金额"})},
		rows: []trow{
			{cells: []string{"", "收入总计", d.num(total)}, label: -1},
			{cells: []string{"一般公共预算资金", "小计", d.num(total)}, label: -1},
			{cells: []string{"", "公共财政拨款（补助）资金", d.num(total)}, label: -1},
			{cells: []string{"政府性基金", "小计", ""}, label: -1},
			{cells: []string{"其他资金", "小计", ""}, label: -1},
		}})
	// 03 支出预算总表: one row, in default mode the page's number among its
	// figures
	cols = []tcol{{12, true}, {12, true}, {12, true}, {16, true}, {14, true}}
	d.render(b, ttable{title: "支出预算总表", number: num(), cols: cols, pageAt: 3,
		header: []string{layout(cols, []string{"合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"})},
		rows:   []trow{{cells: []string{d.num(total), d.num(d.basic), d.num(d.project), d.num(d.reserve), ""}, label: -1}}})
	// 04 财政拨款收支预算总表
	cols = []tcol{{18, false}, {12, true}, {20, false}, {12, true}}
	d.render(b, ttable{title: "财政拨款收支预算总表", number: num(), cols: cols,
		header: []string{layout(cols, []string{"收入", "", "支出"}), layout(cols, []string{"项目名称", "金额", "项目名称", "金额"})},
		rows: []trow{
			{cells: []string{"一、一般公共预算", d.num(total), "一、基本支出", d.num(d.basic)}, label: -1},
			{cells: []string{"二、政府性基金预算", "", "二、项目支出", d.num(d.project)}, label: -1},
			{cells: []string{"", "", "三、单位预留机动经费", d.num(d.reserve)}, label: -1},
			{cells: []string{"收入合计", d.num(total), "支出合计", d.num(total)}, label: -1},
		}})
	// 05, 07 the function tables; 06, 08 the economic tables
	fn := func(title string, typo bool) ttable {
		cols := []tcol{{8, false}, {18, false}, {14, true}}
		t := ttable{title: title, number: num(), cols: cols, coded: true,
			header: []string{layout(cols, []string{"功能科目编码", "功能科目名称", "金   额"})},
			rows:   []trow{{cells: []string{"", "合计", d.num(total)}, label: -1}}}
		for _, c := range d.classes {
			kx := kuans[c]
			t.rows = append(t.rows, trow{cells: []string{c, className(c), d.num(d.classTotal(c))}, label: 1},
				trow{cells: []string{c + kx[0][0], kx[0][1], d.num(d.classTotal(c))}, label: 1})
			for _, x := range d.items[c] {
				t.rows = append(t.rows, trow{cells: []string{x.code, x.name, d.num(x.basic + x.project + x.reserve)}, label: 1})
			}
		}
		t.split = len(t.rows) / 2
		t.note = "注：“科目编码”和“科目名称”为必填项。"
		if typo {
			t.rows = d.typo(t.rows)
		}
		return t
	}
	econ := func(title, col string, only string) ttable {
		cols := []tcol{{8, false}, {16, false}, {14, true}}
		var rows []trow
		var all schema.Money
		for _, c := range d.econ {
			if only != "" && c.code != only {
				continue
			}
			all += c.amt
			rows = append(rows, trow{cells: []string{c.code, c.name, d.num(c.amt)}, label: 1})
			for _, it := range c.items {
				rows = append(rows, trow{cells: []string{it.code, it.name, d.num(it.amt)}, label: 1})
			}
		}
		return ttable{title: title, number: num(), cols: cols, coded: true,
			header: []string{layout(cols, []string{"科目编码", "科目名称", col})},
			rows:   append([]trow{{cells: []string{"", "合计", d.num(all)}, label: -1}}, rows...),
			note:   "注：“科目编码”和“科目名称”为必填项。"}
	}
	d.render(b, fn("财政拨款支出预算表（功能科目）", false))
	d.render(b, econ("财政拨款基本支出预算表（经济科目）", "金额", ""))
	d.render(b, fn("一般公共预算支出预算表（功能科目）", true))
	d.render(b, econ("一般公共预算基本支出预算表（经济科目）", "基本支出", ""))
	// 09 三公, 会议费, 培训费
	meeting, training := d.econ[1].items[0].amt/10/schema.Money(d.step)*schema.Money(d.step), d.econ[1].items[1].amt/10/schema.Money(d.step)*schema.Money(d.step)
	tp := d.tp[0] + d.tp[1] + d.tp[2] + d.tp[3]
	cols = []tcol{{10, true}, {10, true}, {10, true}, {10, true}, {10, true}, {10, true}, {10, true}, {10, true}, {10, true}}
	d.render(b, ttable{title: "一般公共预算“三公”经费、会议费、培训费支出预算表", number: num(), cols: cols,
		header: []string{
			layout(cols, []string{"", "“三公”经费"}),
			layout(cols, []string{"", "", "", "公务用车购置及运行维护费"}),
			layout(cols, []string{"合计", "小计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费", "培训费"}),
		},
		rows: []trow{{cells: []string{d.num(tp + meeting + training), d.num(tp), d.num(d.tp[0]), d.num(d.tp[2] + d.tp[3]), d.num(d.tp[2]), d.num(d.tp[3]), d.num(d.tp[1]), d.num(meeting), d.num(training)}, label: -1}}})
	// 10 政府性基金: empty
	cols = []tcol{{12, false}, {18, false}, {14, true}}
	d.render(b, ttable{title: "政府性基金预算财政拨款支出预算表", number: num(), cols: cols,
		header: []string{layout(cols, []string{"功能科目编码", "功能科目名称", "金  额"})},
		rows:   []trow{{cells: []string{"", "合   计", "0"}, label: -1}},
		note:   "注：“科目编码”和“科目名称”为必填项"})
	// 11 机关运行经费: 302 and its items
	d.render(b, econ("一般公共预算机关运行经费支出预算表", "机关运行经费支出", "302"))
	// 12 政府采购
	cols = []tcol{{14, false}, {16, false}, {14, false}, {12, true}}
	d.render(b, ttable{title: "政府采购支出预算表", number: num(), cols: cols,
		header: []string{layout(cols, []string{"采购品目大类", "专项名称", "采购组织形式", "总计"})},
		rows: []trow{
			{cells: []string{"合计", "", "", d.num(d.proc)}, label: -1},
			{cells: []string{"一、货物 A", "", "", d.num(d.procParts[0])}, label: -1},
			{cells: []string{"", "业务工作经费", "政府集中采购", d.num(d.procParts[0])}, label: -1},
			{cells: []string{"二、工程 B", "", "", d.num(d.procParts[1])}, label: -1},
			{cells: []string{"", "业务工作经费", "部门集中采购", d.num(d.procParts[1])}, label: -1},
			{cells: []string{"三、服务 C", "", "", d.num(d.procParts[2])}, label: -1},
			{cells: []string{"", "业务工作经费", "分散自行组织", d.num(d.procParts[2])}, label: -1},
		},
		note: "注：1.采购组织形式为：集中采购、部门集中采购和分散采购。"})
	// 第三部分: the narrative
	r := func(m schema.Money) string { return w(m) }
	fmt.Fprintf(b, "第三部分 %d 年度部门预算情况说明\n一、收支预算总体情况说明\n%s %d 年度收入、支出预算总计 %s 万元。\n", d.year, d.dept, d.year, r(total))
	fmt.Fprintf(b, "（一）收入预算总计 %s 万元。包括：\n1．财政拨款收入预算总计 %s 万元。\n（二）支出预算总计 %s 万元。包括：\n", r(total), r(total), r(total))
	for i, c := range d.classes {
		fmt.Fprintf(b, "%d．%s（类）支出 %s 万元，主要用于人员支出、日常公用支出。\n", i+1, strings.TrimSuffix(className(c), "支出"), r(d.classTotal(c)))
	}
	fmt.Fprintf(b, "此外，基本支出预算数为 %s 万元。项目支出预算数为 %s 万元。", r(d.basic), r(d.project))
	if d.reserve > 0 {
		fmt.Fprintf(b, "单位预留机动经费预算数为 %s 万元。", r(d.reserve))
	}
	fmt.Fprintf(b, "\n九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明\n%s %d 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出 %s 万元；公务用车购置费 %s 万元，公务用车运行维护费支出 %s 万元；公务接待费支出 %s 万元。会议费预算支出 %s 万元；培训费预算支出 %s 万元。\n",
		d.dept, d.year, r(d.tp[0]), r(d.tp[2]), r(d.tp[3]), r(d.tp[1]), r(meeting), r(training))
	fmt.Fprintf(b, "十一、一般公共预算机关运行经费支出预算情况说明\n%d 年本部门一般公共预算机关运行经费预算支出 %s 万元。\n", d.year, r(d.op))
	fmt.Fprintf(b, "十二、政府采购支出预算情况说明\n%d 年度本部门政府采购预算总额 %s 万元，其中：拟采购货物支出 %s 万元、拟采购工程支出 %s 万元、拟购买服务支出 %s 万元。\n",
		d.year, r(d.proc), r(d.procParts[0]), r(d.procParts[1]), r(d.procParts[2]))
}
