package extract

// generalBasic reads the basic expenditure of the general budget's
// appropriations ("2017年度一般公共预算财政拨款基本支出预算12308.48万元，其中：
// （一）人员经费9710.42万元…（二）公用经费2598.06万元") and its two parts: the
// whole the basic-expenditure table's economic classes break down, which
// differs from the basic expenditure of all funds where the department has
// money of its own (事业收入, 其他收入). Restatements and changes become
// claims, as for any figure. labelOK is the figure filter in force outside
// basicProject's own.
func (b *builder) generalBasic(labelOK func(string, int) bool) {
	exp := b.doc.Expenditure
	saved := b.labelOK
	b.labelOK = labelOK
	defer func() { b.labelOK = saved }()
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
