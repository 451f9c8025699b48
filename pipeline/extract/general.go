package extract

// generalLabels name the general budget appropriations' expenditure, by its
// names of after and before 2015 (一般公共预算 was 公共财政).
var generalLabels = []string{"一般公共预算财政拨款支出", "一般公共预算拨款支出", "公共财政拨款支出"}

// general reads the general budget appropriations' expenditure and its
// basic part. labelOK is the figure filter in force outside basicProject's
// own (which takes appropriations' statements for all funds' figures only
// where every yuan is an appropriation).
func (b *builder) general(labelOK func(string, int) bool) {
	saved := b.labelOK
	b.labelOK = labelOK
	defer func() { b.labelOK = saved }()
	b.generalTotal()
	b.generalBasic()
	b.generalSplit()
}

// generalTotal reads the general budget appropriations' expenditure
// ("2017年一般公共预算拨款支出1,870.70万元，比上年决算数增加239.45万元"): the
// spending of the appropriations of the general budget, all funds'
// expenditure only where every yuan is one. Not a 三公's or an operating
// cost's (“三公”经费一般公共预算财政拨款支出).
func (b *builder) generalTotal() {
	a, p := b.figure("/expenditure/general", "/amount", generalLabels, 6, "经费", "机关运行")
	if a == nil {
		return
	}
	b.doc.Expenditure.General = b.newFigure("/expenditure/general", a, p)
}

// generalBasic reads the basic expenditure of the general budget's
// appropriations ("2017年度一般公共预算财政拨款基本支出预算12308.48万元，其中：
// （一）人员经费9710.42万元…（二）公用经费2598.06万元") and its two parts: the
// whole the basic-expenditure table's economic classes break down, which
// differs from the basic expenditure of all funds where the department has
// money of its own (事业收入, 其他收入). Restatements and changes become
// claims, as for any figure.
func (b *builder) generalBasic() {
	exp := b.doc.Expenditure
	// a fund's own appropriations are not the general budget's
	// ("政府性基金预算财政拨款基本支出")
	a, p := b.figure("/expenditure/general_basic", "/amount", appropriationsBasic, 6, "基金预算", "基金", "国有资本经营预算")
	if a == nil {
		return
	}
	exp.GeneralBasic = b.newFigure("/expenditure/general_basic", a, p)
	b.basicParts(basicSplit{exp.GeneralBasic, &exp.GeneralPersonnel, &exp.GeneralPublicExpenses,
		"/expenditure/general_personnel", "/expenditure/general_public_expenses"})
}

// generalSplit reads the general budget appropriations' basic expenditure
// from the split listed after their expenditure where no sentence states it
// by its name ("2023年本年一般公共预算拨款支出7,034,418.94元，其中：基本支出
// 7,034,418.94元，项目支出0元"): the basic part of that whole, which
// basicProject leaves to it (the appropriations' split, not all funds').
func (b *builder) generalSplit() {
	exp := b.doc.Expenditure
	if exp.General == nil || exp.GeneralBasic != nil {
		return
	}
	for _, end := range b.find("基本支出") {
		if _, whole, ok := b.wholeLabel(end - len("基本支出")); !ok || b.amountOf[whole] != "/expenditure/general/amount" {
			continue
		}
		if ti, ok := b.valueAfter(end, 6); ok && !b.used[ti] {
			exp.GeneralBasic = b.newFigure("/expenditure/general_basic", b.take("/expenditure/general_basic/amount", ti), nil)
			return
		}
	}
}
