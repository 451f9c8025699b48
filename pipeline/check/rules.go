package check

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

var rules = []Rule{
	{"yoy.change", schema.SeverityWarning, "同比变动额不符", "Stated change does not match the two years' figures", "the rounding of the stated change and of both years' figures", yoyChange},
	{"yoy.parts_change", schema.SeverityWarning, "各部分变动额之和不等于总变动额", "The changes stated for a whole's parts (basic, project and reserve — of the year's expenditure or of the general budget appropriations', as sum.basic_project scopes them; functional or economic classes; a class's items; the revenue's sources; the 三公's parts) do not add up to the whole's", "the rounding of each stated change; a change stated as a percentage alone (比上年下降28.53%) is the one it makes of the figure's amount, a·p/(100+p), within the amount's rounding and the rate's 0.1 points or its last digit cut (a rise of exactly 100%, which some documents print for a part new this year, is not used); compared where every part the model holds states its change and the parts' amounts make the whole's; parts' changes above the whole's are info (a part the whole had last year and has no longer is in no part's change), but where the 三公's parts (or the vehicles' two) are every one held with its change, a part at 0 this year too", partsChange},
	{"restate.change", schema.SeverityWarning, "同一数字的变动额前后不一致", "One figure's change is stated twice with two amounts", "the rounding of both stated changes", restateChange},
	{"yoy.prior_sign", schema.SeverityWarning, "增加额大于本年数或降幅超过100%（上年数将为负）", "An increase larger than the figure itself, or a fall of more than 100% (the prior year would be negative)", "the rounding of both figures; a percentage's last digit", yoyPriorSign},
	{"yoy.change_pct", schema.SeverityWarning, "同比变动率不符", "Stated percentage change does not match", "the range (current − prior) / prior takes over both figures' rounding, the percentage's last digit, at least 0.1 points (a prior year stated apart from the percentage's line, but in a table's row, which prints both years and the rate: their rounding, the last digit rounded or cut); against the change its sentence states, the figure's and the change's rounding and the percentage's last digit, rounded or cut", yoyChangePct},
	{"execution.pct", schema.SeverityWarning, "预算完成率不符", "Stated completion rate does not match 决算数 / 预算数", "the range 决算数 / 预算数 takes over both figures' rounding, and the percentage's last digit", executionPct},
	{"execution.change", schema.SeverityWarning, "决算数比预算数的增减额或增减率不符", "The stated difference of 决算数 from 预算数 (比年初预算数减少40.52万元), or its percentage (下降9.2%), does not match the two figures — or, with no 预算数 stated, the percentage does not match the difference", "the rounding of the difference and of both figures; a percentage: the range (决算数 − 预算数) / 预算数 takes over the figures' rounding, and the percentage's last digit, rounded or cut", executionChange},
	{"execution.parts_budget", schema.SeverityWarning, "各部分预算数之和与总预算数不符", "The budgets the 三公's parts imply (their budgeted figures, or their amounts less their stated differences from the budget, or over their stated percentages against it) do not add up to the budget the whole's implies", "the rounding of every amount and difference; a percentage rounded or cut, at least 0.1 points either way; a part whose budget the text does not tell has one of 0 or more, so the parts' budgets below the whole's are then no finding", executionParts},
	{"execution.sign", schema.SeverityWarning, "决算数与预算数的大小关系表述不符", "The text says 决算数 is above, below or equal to 预算数, and the figures say otherwise", "决算数 and 预算数 within their rounding count as equal", executionSign},
	{"share.pct", schema.SeverityWarning, "占比不符", "Stated share does not match part / total", "the range part / whole takes over both figures' rounding, the percentage's last digit, and 0.01 points", sharePct},
	{"share.parts", schema.SeverityWarning, "同一总额的各部分占比超出其金额所能占的比例", "The text states shares of one whole the model does not hold (占一般公共预算支出的…) for parts that do not overlap (基本支出 and 项目支出; classes of one scheme): the whole is at least their sum, and a share exceeds its part over that sum", "the range part / sum of the parts takes over every figure's rounding, the percentage's last digit, and 0.01 points", shareParts},
	{"share.whole", schema.SeverityWarning, "同一总额的各部分占比所推算的总额不一致", "The text states shares of one whole the model does not hold (占支出总预算…, 占一般公共预算支出的…) for two or more parts, and the wholes they imply (a part over its share) cannot be one: the share that does not fit the others' whole is named (both, where two)", "the range part / share takes over the part's rounding, the percentage's last digit and 0.01 points, for every share", shareWhole},
	{"restate.amount", schema.SeverityWarning, "同一数字前后不一致", "The same figure is stated with two amounts", "the rounding of the restatement and of the figure", restateAmount},
	{"restate.table", schema.SeverityWarning, "未采用的表格与采用的数字不一致", "A table left out (its rows do not add up) prints a figure with another amount than the one that stands", "the rounding of the table's cell and of the figure", restateTable},
	{"restate.copy", schema.SeverityWarning, "同一行在两张表中金额不一致", "A table prints a row of another table of the document (same code, same column: their totals agree) with another amount", "the rounding of both cells", restateCopy},
	{"restate.row", schema.SeverityWarning, "文字所述科目金额与表格该科目行不一致", "The text states a functional code's amount (科目编码2010301 … 672.84万元) and the 一般公共预算 table's row of that code prints another", "the rounding of the text's amount and of the table's cell", restateRow},
	{"sum.table", schema.SeverityWarning, "表格中各分项之和不等于其合计", "A table's parts (its rows, its classes' items, a row's columns; a comparison table's numbered sections, 一、二、…, against its 合计 row, column by column) do not add up to their total, where its cells' places are known (text that keeps its columns, rows default mode printed whole, or one misprinted cell that explains every failing sum)", "the rounding of every cell added and of the total", sumTable},
	{"sum.levels", schema.SeverityWarning, "表格各级金额之和不等于合计乘以层级数", "The amounts of a table whose rows nest in levels, each level adding up to its total (a 政府采购支出预算表: kinds, subtotals, purchases; a 财政拨款收支总表: each side's parts, the other side's total), do not add up to the total times the levels, where default mode printed them out of their rows' order (which cell is wrong is not known)", "the rounding of every cell added and of the total, once a level", sumLevels},
	{"sum.text", schema.SeverityWarning, "文字所列分项之和不等于其所述总额", "The parts a sentence lists after a whole (其中 …) or after a change's reason (主要原因是 …) do not add up to it", "the rounding of every figure added and of the whole", sumText},
	{"restate.text", schema.SeverityWarning, "同一项目前后金额不一致", "An item's paragraph states its amount twice with two values (its heading, and the year's 预算安排 or 决算数)", "the rounding of both statements", restateText},
	{"restate.sentence", schema.SeverityWarning, "同一句话前后数字不一致", "A sentence printed again (its words the same, one figure at least the same), or a reason two sentences give alike (主要原因是 …), states an amount or percentage with another value", "the rounding of both statements", restateSentence},
	{"restate.cell", schema.SeverityWarning, "文字所述金额与表格该列不一致", "The text states the amount of a column the model has no place for (the 三公 table's 会议费 or 培训费: 会议费预算支出200.44万元) with another value than the table's cell", "the rounding of the text's amount and of the cell", restateCell},
	{"restate.prior_year", schema.SeverityWarning, "上年数前后不一致", "The prior-year figure is stated with two amounts", "the rounding of the restatement and of the figure", restatePrior},
	{"restate.pct", schema.SeverityWarning, "同一百分比前后不一致", "One percentage (change or share) is stated twice with two values", "the last digit of each statement", restatePct},
	{"sum.function", schema.SeverityError, "功能分类合计不等于支出总额", "Functional classes do not add up to the expenditure they break down (the year's, or the general budget appropriations' where the text states it apart and the classes come nearer to it: a 一般公共预算支出表's)", "the rounding of every figure added and of the total; a sum below a total whose list may be partial is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumFunction},
	{"sum.function_items", schema.SeverityError, "项级科目之和超过类合计，或（表中各项均有科目编码）小于类合计", "Items add up to more than their functional class, or — a table's rows, every item with its code — to less", "the rounding of every figure added and of the total; a sum below a total whose list may be partial (an item without its code: a narrative's list) is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumFunctionItems},
	{"sum.economic", schema.SeverityWarning, "经济分类合计不等于基本支出", "Economic classes do not add up to the basic expenditure they break down (the general budget appropriations' where the text states it, 一般公共预算财政拨款基本支出, unless they make all funds'; the year's spending where they make that and not the basic expenditure)", "the rounding of every figure added and of the total; a sum below a total whose list may be partial is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumEconomic},
	{"sum.economic_items", schema.SeverityError, "经济分类明细之和超过类合计，或（表中各项均有科目编码）小于类合计", "Economic items add up to more than their class, or — a table's rows, every item with its code — to less", "the rounding of every figure added and of the total; a sum below a total whose list may be partial (an item without its code: a narrative's list) is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumEconomicItems},
	{"sum.basic_project", schema.SeverityError, "基本支出与项目支出之和不等于支出合计", "Basic plus project expenditure does not match the total they make: the year's, or the general budget appropriations' (一般公共预算财政拨款支出…，其中：基本支出…；项目支出…) where the parts' amounts make that whole and not the year's, or their stated changes make its change", "the rounding of every figure added and of the total; parts not stated (against the year's total): only more than the total is reported, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves, or the document is a budget stating basic and project, no reserve, and no amount the model places nowhere that the gap is", sumBasicProject},
	{"sum.basic_parts", schema.SeverityError, "人员经费与公用经费之和不等于基本支出", "Personnel plus public expenses do not match the basic expenditure they are stated of (all funds', or the general budget appropriations')", "the rounding of every figure added and of the total; a part not stated: only more than the total is reported", sumBasicParts},
	{"cross.personnel_economic", schema.SeverityWarning, "人员经费、公用经费与基本支出经济分类不符", "Personnel (public) expenses do not match the basic-expenditure table's classes 301 and 303 (the others)", "the rounding of every figure added and of the total", personnelEconomic},
	{"sum.projects", schema.SeverityError, "项目明细之和不等于项目支出", "Project lines do not add up to project expenditure", "the rounding of every figure added and of the total; a sum below a total whose list may be partial is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumProjects},
	{"sum.revenue_sources", schema.SeverityError, "收入来源之和不等于收入合计", "Revenue sources do not add up to the revenue", "the rounding of every figure added and of the total; a sum below a total whose list may be partial is info, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumSources},
	{"sum.fiscal_parts", schema.SeverityError, "一般公共预算、政府性基金、国有资本经营拨款之和不等于财政拨款", "General budget, government-fund and state-capital appropriations do not add up to all appropriations", "the rounding of every figure added and of the total; parts not stated: only more than the total is reported, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumFiscalParts},
	{"sum.three_public", schema.SeverityError, "“三公”经费分项之和不等于合计", "The three public expenses do not add up to their total", "the rounding of every figure added and of the total; parts not stated: only more than the total is reported, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumThreePublic},
	{"sum.other_years", schema.SeverityWarning, "上年数或预算数的各分项之和不等于其合计", "The prior-year figures (上年数) of a whole's parts, or a final accounts' budgeted ones (预算数), do not add up to the whole's as the year's amounts do: the 三公's parts, the vehicles' two, personnel and public expenses, basic and project expenditure", "the rounding of every figure added and of the whole; parts not all stated (the 三公's, or basic and project against the expenditure, which a reserve or 经营支出 may be part of): only more than the whole is reported", sumOtherYears},
	{"sum.vehicle", schema.SeverityError, "公务用车购置费与运行费之和不等于公务用车购置及运行费", "Vehicle purchase plus operation does not match their subtotal", "the rounding of every figure added and of the total; a part not stated: only more than the total is reported", sumVehicle},
	{"sum.staff", schema.SeverityWarning, "所列各类人数之和超过其总人数", "The head counts of the kinds a sentence lists after a head count (编制人数、在职人数 …，其中/包括 行政…、事业…、工勤…) add up to more than it", "none (counts are exact); a list below the whole may leave kinds out, and one that exceeds it by exactly one of its parts counts that part apart (a 自收自支 编制 outside the 编制人数), an info", sumStaff},
	{"sum.assets", schema.SeverityError, "资产分类之和不等于资产总额", "Asset categories do not add up to the asset total", "the rounding of every figure added and of the total", sumAssets},
	{"sum.procurement", schema.SeverityError, "政府采购分项之和不等于采购总额", "Procurement parts do not add up to the total", "the rounding of every figure added and of the total; parts not stated: only more than the total is reported, unless the parts' stated shares of the total (占…%) make 100% and the gap is more than their rounding leaves", sumProcurement},
	{"sum.sme", schema.SeverityError, "中小企业采购金额超过其总额", "Procurement for small and medium enterprises exceeds its whole", "the rounding of both figures", sumSME},
	{"balance.budget", schema.SeverityError, "预算收支不平衡", "Budgeted revenue and expenditure differ", "the rounding of both totals", balanceBudget},
	{"balance.general", schema.SeverityWarning, "预算中一般公共预算财政拨款支出与当年一般公共预算拨款收入不等", "A budget's general budget appropriations' expenditure (一般公共预算财政拨款支出) differs from the year's general budget appropriation (一般公共预算拨款收入): a budget spends the year's appropriation, and only what was carried over adds to it", "the rounding of both figures; where the budget states an amount carried over, only expenditure below the appropriation", balanceGeneral},
	{"balance.final", schema.SeverityWarning, "决算收入总计与支出总计不相等", "The final accounts' revenue total and expenditure total differ (what was carried over and forward is in both)", "the rounding of both totals; not compared where each total is its side's 合计 too (the page names the year's amounts 总计: their gap is the year's surplus)", balanceFinal},
	{"sum.carried", schema.SeverityError, "总计不等于本年数与结转结余之和", "The total is not the current year plus the amounts carried over (where nothing carried is stated, the total is less than the year's)", "the rounding of the three figures; nothing carried stated: the rounding of both, only a total below the year's reported", sumCarried},
	{"sum.fiscal_total", schema.SeverityError, "财政拨款收支总计小于本年财政拨款收入", "Appropriations in total are less than this year's appropriations", "the rounding of both figures", fiscalTotal},
	{"cross.fiscal_summary", schema.SeverityWarning, "全部收入为财政拨款时，收支总表总计应等于财政拨款收支总表总计", "When all revenue is appropriations, the summary's total must equal the appropriations' total", "the rounding of both totals", fiscalSummary},
	{"cross.general_budget", schema.SeverityWarning, "无政府性基金和国有资本经营预算时，财政拨款应等于一般公共预算拨款", "With no government funds and no state capital, appropriations must equal the general budget's", "the rounding of both figures", generalBudget},
	{"cross.general_expenditure", schema.SeverityWarning, "一般公共预算财政拨款支出超过本年支出，或全部收入为一般公共预算拨款时不等于支出总计", "The general budget appropriations' expenditure (一般公共预算财政拨款支出) exceeds the year's expenditure, or, in a budget whose every yuan is a general-budget appropriation, is not the expenditure total", "the rounding of both figures", generalExpenditure},
	{"structure.placeholder", schema.SeverityError, "文本中留有模板占位符", "Template placeholders left in the text", "none", placeholder},
	{"structure.missing_section", schema.SeverityWarning, "缺少必须公开的说明", "A mandatory explanation is missing", "none", missingSection},
	{"structure.missing_table", schema.SeverityWarning, "缺少标准公开表", "A standard table is missing", "none", missingTable},
	{"structure.heading_year", schema.SeverityWarning, "标题年度与文件年度不符", "A heading, or a title repeated over the text, names another year than the document, or the sentence presenting the text (现将…年度部门决算…如下) or naming what it covers (纳入…年度部门决算编制范围) another year's report of its kind", "none", headingYear},
	{"cross.project_performance", schema.SeverityWarning, "同一项目在不同部分金额不一致", "One project carries two amounts in two sections", "the rounding of both amounts", projectPerformance},
	{"cross.parts", schema.SeverityWarning, "同一公开文件的两个文件数字不一致", "Two files of one disclosure (a text part and a tables part) state one figure with two amounts", "the rounding of both statements", crossParts},
}

// priorOf resolves the prior-year figure of a claim's path. Assets compare
// the year end with the year start.
func (c *ctx) priorOf(path string) (rfig, string, bool) {
	if path == "/assets" {
		f, ok := c.fig("/assets/start/total")
		return f, "/assets/start/total", ok
	}
	if strings.HasPrefix(path, "/assets/end/by_category/") {
		name, _ := c.get(path + "/name")
		for i := 0; ; i++ {
			p := "/assets/start/by_category/" + strconv.Itoa(i)
			n, ok := c.get(p + "/name")
			if !ok {
				return rfig{}, "", false
			}
			if n == name {
				f, ok := c.fig(p + "/amount")
				return f, p + "/amount", ok
			}
		}
	}
	if strings.HasPrefix(path, "/text/") { // a comparison no model figure takes: its prior year is a claim
		return c.textFig(path, schema.ClaimPriorYear)
	}
	f, ok := c.fig(path + "/prior_year")
	return f, path + "/prior_year", ok
}

func (c *ctx) currentOf(path string) (rfig, string, bool) {
	if strings.HasPrefix(path, "/text/") { // a comparison no model figure takes: its amount is a claim
		return c.textFig(path, schema.ClaimAmount)
	}
	if path == "/assets" {
		f, ok := c.fig("/assets/end/total")
		return f, "/assets/end/total", ok
	}
	v, p, ok := c.amountOf(path)
	if !ok {
		return rfig{}, "", false
	}
	return c.figOf(p, v), p, true
}

// textFig is the figure of a comparison no model figure takes: the first
// claim of kind on its /text/ path.
func (c *ctx) textFig(path, kind string) (rfig, string, bool) {
	for _, cl := range c.doc.Claims {
		if cl.Path == path && cl.Kind == kind {
			return claimFig(cl), path, true
		}
	}
	return rfig{}, "", false
}

// lineOf is the source line of a figure currentOf or priorOf found: for
// a comparison no model figure takes, the line of its claim of kind (a
// table's row prints its cells on lines of their own), else line.
func (c *ctx) lineOf(path, kind string) int {
	if strings.HasPrefix(path, "/text/") {
		for _, cl := range c.doc.Claims {
			if cl.Path == path && cl.Kind == kind {
				return cl.Line
			}
		}
	}
	return c.line(path)
}

func yoyChange(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimChange {
			continue
		}
		cur, cp, ok1 := c.currentOf(cl.Path)
		prior, pp, ok2 := c.priorOf(cl.Path)
		if !ok1 || !ok2 {
			continue
		}
		st := claimFig(cl)
		c.report(finding{
			stated: cl.Value, computed: cur.v - prior.v, unit: "yuan", tol: halves(st, cur, prior), figs: []rfig{st, cur, prior},
			paths: []string{cp, pp}, lines: []int{cl.Line, c.lineOf(cp, schema.ClaimAmount), c.lineOf(pp, schema.ClaimPriorYear)},
			msg: quote(cl), msgEn: quoteEn(cl, "the change against the prior year"),
		})
	}
}

// yoyPriorSign: an amount is never negative, so a stated increase cannot
// exceed the figure it is of ("公务用车购置费0.89万元…增加8.9万元"), nor a fall
// be more than 100% — where the text states no prior year to compare with,
// nor the change and the percentage side by side (yoy.change_pct), the one
// relation the change still has. Figures carried over or left
// (结转, 结余) may be negative and are not compared.
func yoyPriorSign(c *ctx) {
	for _, cl := range c.doc.Claims {
		if strings.Contains(cl.Path, "carried") || strings.Contains(cl.Path, "balance") {
			continue
		}
		if _, _, ok := c.priorOf(cl.Path); ok {
			continue // yoy.change and yoy.change_pct compare it with the prior year
		}
		if c.changedBoth(cl) {
			continue // yoy.change_pct recomputes the percentage from the change
		}
		switch cl.Kind {
		case schema.ClaimChange:
			cur, cp, ok := c.currentOf(cl.Path)
			if !ok || cl.Value <= 0 {
				continue
			}
			st := claimFig(cl)
			c.report(finding{stated: cur.v, computed: cl.Value, unit: "yuan", tol: halves(st, cur), figs: []rfig{st, cur}, atLeast: true,
				paths: []string{cp}, lines: []int{c.line(cp), cl.Line},
				msg: "本年数与其增加额（" + quote(cl) + "）", msgEn: "the figure against its stated increase (" + quoteEn(cl, "the change") + ")"})
		case schema.ClaimChangePct:
			if cl.Value >= -100 {
				continue
			}
			st := claimFig(cl)
			paths := []string{}
			if _, cp, ok := c.currentOf(cl.Path); ok {
				paths = append(paths, cp)
			}
			c.report(finding{stated: cl.Value, computed: -100, unit: "%", tol: st.half, figs: []rfig{st}, atLeast: true,
				paths: paths, lines: []int{cl.Line}, msg: quote(cl), msgEn: quoteEn(cl, "the percentage change")})
		}
	}
}

// changedBoth tells a change or percentage stated beside the other of the
// two for the same figure (as yoy.change_pct pairs them).
func (c *ctx) changedBoth(cl schema.Claim) bool {
	switch cl.Kind {
	case schema.ClaimChangePct:
		_, ok := c.changeBeside(cl)
		return ok
	case schema.ClaimChange:
		for _, o := range c.doc.Claims {
			if o.Kind == schema.ClaimChangePct {
				if ch, ok := c.changeBeside(o); ok && ch == cl {
					return true
				}
			}
		}
	}
	return false
}

func growth(a, b float64) (float64, float64) { return a - b, b } // (current − prior) / prior

// yoyChangePct recomputes a stated percentage change from the figure and
// its prior year, or from the figure and the change its sentence states.
// Against a prior year stated apart — not on the percentage's own line,
// whose prior year is the percentage's — it allows baseAllowance; against the
// change beside it, whose prior year is the percentage's own, only the
// rounding of the three numbers and the percentage's last digit cut
// ("增加 2,915.22 万元，增长 36.58%" on 10,883.36: 36.586%).
func yoyChangePct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimChangePct {
			continue
		}
		cur, cp, ok := c.currentOf(cl.Path)
		if !ok {
			continue
		}
		st := claimFig(cl)
		paths, lines := []string{cp}, []int{cl.Line, c.lineOf(cp, schema.ClaimAmount)}
		var v, lo, hi float64
		var figs []rfig
		var overCurrent func() (float64, float64, float64, bool) // the rate over this year's amount
		// the prior year is stated apart from the change: but for a
		// table's row, which prints its years and its rate together
		apart := !strings.HasSuffix(cl.Path, "/row")
		if prior, pp, ok2 := c.priorOf(cl.Path); ok2 {
			v, lo, hi, ok = ratio(growth, cur, prior)
			paths, lines, figs = append(paths, pp), append(lines, c.lineOf(pp, schema.ClaimPriorYear)), []rfig{st, cur, prior}
			overCurrent = func() (float64, float64, float64, bool) {
				return ratio(func(cur, prior float64) (float64, float64) { return cur - prior, cur }, cur, prior)
			}
		} else if o, found := c.changeBeside(cl); found { // the prior follows from the stated change
			ch := claimFig(o)
			v, lo, hi, ok = ratio(func(ch, cur float64) (float64, float64) { return ch, cur - ch }, ch, cur)
			lines, figs = append(lines, o.Line), []rfig{st, cur, ch}
			apart = false
			overCurrent = func() (float64, float64, float64, bool) { return ratio(share, ch, cur) }
		} else {
			continue
		}
		if !ok {
			continue
		}
		f := finding{
			stated: cl.Value, computed: v, unit: "%", tol: pctTolerance(st, v, lo, hi), figs: figs, paths: paths, lines: lines,
			msg: quote(cl), msgEn: quoteEn(cl, "the percentage change"),
		}
		switch {
		case apart && f.tol < baseAllowance && (cl.Line == 0 || c.lineOf(paths[1], schema.ClaimPriorYear) != cl.Line):
			f.tol = baseAllowance
			f.allowZh, f.allowEn = "增减幅常以口径略有不同的上年数（上年预算或上年执行数）计算，允许 0.1 个百分点",
				"a growth rate is often taken against a prior year defined a little differently (上年预算 or 上年执行): 0.1 points allowed"
		case (!apart || cl.Line != 0 && c.line(paths[1]) == cl.Line) && math.Abs(cl.Value) < math.Abs(v):
			// the change (or the prior year on the percentage's line) and the
			// percentage are of one prior year, the sentence's: only the
			// percentage's last digit, rounded or cut ("较2017年…8014212.00元增长1.13%": 1.1399%)
			f.tol += st.half
			f.allowZh, f.allowEn = "百分比末位或为截尾（非四舍五入）", "a percentage's last digit may be cut rather than rounded"
		}
		// a rate taken over this year's amount, not the year before's
		// (增加29.6万元，增长2.57% of 1,151.41): the document's rate is
		// wrong all the same, and the finding says what it agrees with
		if r, rlo, rhi, ok := overCurrent(); ok && math.Abs(cl.Value-v) > f.tol && math.Abs(cl.Value-r) <= pctTolerance(st, r, rlo, rhi)+1e-9 {
			f.causeZh = fmt.Sprintf("所陈述的变动率与变动额除以本年数相符（%s%%），而非除以上年数", fmtNum(round2(r)))
			f.causeEn = fmt.Sprintf("the stated rate is what the change makes over this year's amount (%s%%), not over the year before's", fmtNum(round2(r)))
		}
		c.report(f)
	}
}

// baseAllowance is how far, in points, a stated percentage change may
// differ from the one the figures give without a warning: growth rates are
// often taken against a base defined a little differently.
const baseAllowance = 0.1

// sentenceLines is how many lines one sentence may take: default-mode
// text breaks a paragraph's lines into fragments ("134 万元，降幅" / "0.66"
// / "%。主要").
const sentenceLines = 4

// changeBeside is the stated change of a percentage's figure in its
// sentence: the nearest change claim of the same path within
// sentenceLines, an earlier one on a tie. A change of the other sign is
// not the percentage's: "公务用车购置费增加0.89万元，公务用车运行费下降20.25%"
// gives the first change to both figures when the sentence is read loosely.
func (c *ctx) changeBeside(pct schema.Claim) (schema.Claim, bool) {
	return c.beside(pct, schema.ClaimChange, true)
}

// beside is changeBeside for a claim of kind: the nearest of the same path
// (and, with sameSign, of the same sign) within sentenceLines.
func (c *ctx) beside(pct schema.Claim, kind string, sameSign bool) (schema.Claim, bool) {
	var best schema.Claim
	found := false
	dist := func(o schema.Claim) int {
		d := pct.Line - o.Line
		if d < 0 {
			return -2*d + 1 // after the percentage: behind an earlier one as far
		}
		return 2 * d
	}
	for _, o := range c.doc.Claims {
		if o.Path != pct.Path || o.Kind != kind || o.Line-pct.Line > sentenceLines || pct.Line-o.Line > sentenceLines ||
			sameSign && o.Value*pct.Value < 0 {
			continue
		}
		if !found || dist(o) < dist(best) {
			best, found = o, true
		}
	}
	return best, found
}

// quote and quoteEn name a claim's line and what it states, for a finding's message.
func quote(cl schema.Claim) string { return "第" + strconv.Itoa(cl.Line) + "行“" + cl.Text + "”" }

func quoteEn(cl schema.Claim, what string) string {
	return "line " + strconv.Itoa(cl.Line) + " states " + what
}

// executed resolves the two figures a claim on execution compares: the
// amount (决算数) and the budgeted figure (预算数) of its path.
func (c *ctx) executed(cl schema.Claim) (actual, budget rfig, ap, bp string, ok bool) {
	a, ap, ok1 := c.amountOf(cl.Path)
	budget, ok2 := c.fig(cl.Path + "/budgeted")
	return c.figOf(ap, a), budget, ap, cl.Path + "/budgeted", ok1 && ok2
}

func share(a, b float64) (float64, float64) { return a, b }

// executionPct recomputes a completion rate from 决算数 and 预算数, or,
// with no 预算数 stated, from 决算数 and its stated difference from it
// (完成年初预算71.21%，比年初预算减少3887.49万元: 预算数 is 决算数 less it).
func executionPct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimExecutionPct {
			continue
		}
		st := claimFig(cl)
		actual, budget, ap, bp, ok := c.executed(cl)
		paths, lines, figs := []string{ap, bp}, []int{cl.Line, c.line(ap), c.line(bp)}, []rfig{st, actual, budget}
		var v, lo, hi float64
		if ok {
			v, lo, hi, ok = ratio(share, actual, budget)
		} else if o, found := c.beside(cl, schema.ClaimBudgetChange, false); found && ap != "" {
			ch := claimFig(o)
			v, lo, hi, ok = ratio(func(a, ch float64) (float64, float64) { return a, a - ch }, actual, ch)
			paths, lines, figs = []string{ap}, []int{cl.Line, c.line(ap), o.Line}, []rfig{st, actual, ch}
		}
		if !ok {
			continue
		}
		c.report(finding{
			stated: cl.Value, computed: v, unit: "%", tol: pctTolerance(st, v, lo, hi), figs: figs,
			paths: paths, lines: lines,
			msg: quote(cl), msgEn: quoteEn(cl, "the completion rate"),
		})
	}
}

// executionChange compares a 决算's stated difference from its budget
// (budget_change) with 决算数 − 预算数, and the difference's percentage
// (budget_change_pct) with (决算数 − 预算数) / 预算数 — with no 预算数
// stated, with the difference beside it over 决算数 less that difference.
func executionChange(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimBudgetChange && cl.Kind != schema.ClaimBudgetChangePct {
			continue
		}
		st := claimFig(cl)
		actual, budget, ap, bp, ok := c.executed(cl)
		if cl.Kind == schema.ClaimBudgetChange {
			if ok {
				c.report(finding{
					stated: cl.Value, computed: actual.v - budget.v, unit: "yuan", tol: halves(st, actual, budget), figs: []rfig{st, actual, budget},
					paths: []string{ap, bp}, lines: []int{cl.Line, c.line(ap), c.line(bp)},
					msg: quote(cl), msgEn: quoteEn(cl, "the difference from the budget"),
				})
			}
			continue
		}
		paths, lines, figs := []string{ap, bp}, []int{cl.Line, c.line(ap), c.line(bp)}, []rfig{st, actual, budget}
		var v, lo, hi float64
		beside := false
		if ok {
			v, lo, hi, ok = ratio(growth, actual, budget)
		} else if o, found := c.beside(cl, schema.ClaimBudgetChange, true); found && ap != "" {
			ch := claimFig(o)
			v, lo, hi, ok = ratio(func(ch, a float64) (float64, float64) { return ch, a - ch }, ch, actual)
			paths, lines, figs, beside = []string{ap}, []int{cl.Line, c.line(ap), o.Line}, []rfig{st, actual, ch}, true
		}
		if !ok {
			continue
		}
		f := finding{
			stated: cl.Value, computed: v, unit: "%", tol: pctTolerance(st, v, lo, hi), figs: figs, paths: paths, lines: lines,
			msg: quote(cl), msgEn: quoteEn(cl, "the percentage difference from the budget"),
		}
		if beside && math.Abs(cl.Value) < math.Abs(v) {
			f.tol += st.half
			f.allowZh, f.allowEn = "百分比末位或为截尾（非四舍五入）", "a percentage's last digit may be cut rather than rounded"
		}
		c.report(f)
	}
}

// budgetOf is the budget (预算数) of a 决算's figure at path: its budgeted
// figure, or its amount less its stated difference from the budget, or its
// amount over its stated percentage against the budget (较年初预算减少28%:
// a / (1 + p/100)), the percentage rounded or cut (at least baseAllowance
// either way); with the figures it is made of and their lines.
func (c *ctx) budgetOf(path string) (change, bool) {
	if f, ok := c.fig(path + "/budgeted"); ok {
		return change{v: f.v, half: f.half, figs: []rfig{f}, line: c.line(path + "/budgeted")}, true
	}
	v, ap, ok := c.amountOf(path)
	if !ok {
		return change{}, false
	}
	a := c.figOf(ap, v)
	for _, cl := range c.doc.Claims {
		if cl.Path != path || cl.Kind != schema.ClaimBudgetChange {
			continue
		}
		ch := claimFig(cl)
		return change{v: a.v - ch.v, half: a.half + ch.half, figs: []rfig{a, ch}, line: cl.Line}, true
	}
	for _, cl := range c.doc.Claims {
		if cl.Path != path || cl.Kind != schema.ClaimBudgetChangePct {
			continue
		}
		p := claimFig(cl)
		dp := math.Max(2*p.half, baseAllowance)
		if 100+p.v-dp <= 0 {
			return change{}, false
		}
		of := func(a, p float64) float64 { return a / (1 + p/100) }
		b := of(a.v, p.v)
		half := 0.0
		for _, da := range []float64{-a.half, a.half} {
			for _, d := range []float64{-dp, dp} {
				half = math.Max(half, math.Abs(of(a.v+da, p.v+d)-b))
			}
		}
		return change{v: b, half: half, figs: []rfig{a, p}, line: cl.Line}, true
	}
	return change{}, false
}

// executionParts compares the budget of the 三公 (and of the vehicles) a
// 决算 implies with its parts' (budgetOf): the parts' budgets make the
// whole's. A part whose budget the text does not tell has one of 0 or more:
// the others' then add up to no more than the whole's.
func executionParts(c *ctx) {
	travel, reception, vehicle := "/three_public/overseas_travel", "/three_public/reception", "/three_public/vehicle"
	cars := []string{"/three_public/vehicle_purchase", "/three_public/vehicle_operation"}
	if _, ok := c.budgetOf(vehicle); ok {
		c.budgetSum("/three_public", []string{travel, reception, vehicle})
		c.budgetSum(vehicle, cars)
	} else if _, _, ok := c.amountOf(vehicle); ok {
		c.budgetSum("/three_public", []string{travel, reception, vehicle})
	} else {
		c.budgetSum("/three_public", append([]string{travel, reception}, cars...))
	}
}

// budgetSum reports the budget of whole against its parts' (budgetOf),
// where one of them at least is a percentage's or a difference's.
func (c *ctx) budgetSum(whole string, parts []string) {
	if c.doc.Document.Kind != schema.KindFinalAccounts {
		return
	}
	w, ok := c.budgetOf(whole)
	if !ok {
		return
	}
	figs, lines, paths := append([]rfig(nil), w.figs...), []int{w.line}, []string{whole}
	tol, sum, n, every, derived := w.half, 0.0, 0, true, len(w.figs) > 1
	for _, p := range parts {
		b, ok := c.budgetOf(p)
		if !ok {
			every = false
			continue
		}
		sum, tol, n = sum+b.v, tol+b.half, n+1
		derived = derived || len(b.figs) > 1
		figs, lines, paths = append(figs, b.figs...), append(lines, b.line), append(paths, p)
	}
	if n == 0 || !derived {
		return
	}
	c.report(finding{stated: math.Round(w.v*100) / 100, computed: math.Round(sum*100) / 100, unit: "yuan", tol: tol, figs: figs, paths: paths, lines: lines, atLeast: !every,
		msg:   fmt.Sprintf("第%d行所述决算数与预算数之差（或其百分比）所推预算数与%d个分项所推预算数之和", w.line, n),
		msgEn: fmt.Sprintf("the budget line %d implies (the amount less its stated difference from the budget, or over its percentage) against the sum of the %d parts' budgets", w.line, n)})
}

func executionSign(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimExecutionSign {
			continue
		}
		actual, budget, ap, bp, ok := c.executed(cl)
		if !ok {
			continue
		}
		diff := actual.v - budget.v
		tol := halves(actual, budget)
		sign := 0.0
		if diff > tol {
			sign = 1
		} else if diff < -tol {
			sign = -1
		}
		words := map[float64]string{-1: "小于", 0: "等于", 1: "大于"}
		wordsEn := map[float64]string{-1: "below", 0: "equal to", 1: "above"}
		c.report(finding{
			stated: cl.Value, computed: sign, unit: "sign", tol: tol, figs: []rfig{actual, budget},
			paths: []string{ap, bp}, lines: []int{cl.Line, c.line(ap), c.line(bp)},
			msg: fmt.Sprintf("第%d行称决算数%s预算数，而决算数 %s 元、预算数 %s 元", cl.Line, words[cl.Value], fmtNum(actual.v), fmtNum(budget.v)),
			msgEn: fmt.Sprintf("line %d says 决算数 is %s 预算数, while 决算数 is %s yuan and 预算数 %s yuan", cl.Line, wordsEn[cl.Value],
				fmtNum(actual.v), fmtNum(budget.v)),
		})
	}
}

func sharePct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimSharePct || cl.Of == "" {
			continue
		}
		pv, pp, ok1 := c.amountOf(cl.Path)
		whole, ok2 := c.fig(cl.Of)
		if !ok1 || !ok2 {
			continue
		}
		part := c.figOf(pp, pv)
		v, lo, hi, ok := ratio(share, part, whole)
		if !ok {
			continue
		}
		st := claimFig(cl)
		c.report(finding{
			stated: cl.Value, computed: v, unit: "%", tol: pctTolerance(st, v, lo, hi) + 0.01, figs: []rfig{st, part, whole},
			paths: []string{pp, cl.Of}, lines: []int{cl.Line, c.line(pp), c.line(cl.Of)},
			msg: quote(cl), msgEn: quoteEn(cl, "a share"),
			allowZh: "占比常由另行舍入的金额计算，另允许 0.01 个百分点", allowEn: "a share is often computed from amounts rounded apart: 0.01 points more allowed",
		})
	}
}

// shareParts compares the shares the text states of one whole the model
// does not hold with what the parts can make of it: parts that do not
// overlap (basic and project expenditure; the classes of one scheme) add
// up to no more than the whole, so a part's share is at most the part over
// their sum — 84.06% and 19.62% of one whole for 基本支出 and 项目支出 are
// more than all of it.
func shareParts(c *ctx) {
	groups := map[string][]schema.Claim{}
	var wholes []string
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimSharePct || !strings.HasPrefix(cl.Of, "/text/whole/") {
			continue
		}
		if groups[cl.Of] == nil {
			wholes = append(wholes, cl.Of)
		}
		groups[cl.Of] = append(groups[cl.Of], cl)
	}
	for _, of := range wholes {
		cls := groups[of]
		family, seen := "", map[string]bool{}
		var parts []rfig
		var paths []string
		ok := len(cls) >= 2
		for _, cl := range cls {
			f := disjointFamily(cl.Path)
			v, p, found := c.amountOf(cl.Path)
			if f == "" || family != "" && f != family || seen[cl.Path] || !found {
				ok = false
				break
			}
			family, seen[cl.Path] = f, true
			parts, paths = append(parts, c.figOf(p, v)), append(paths, p)
		}
		if !ok {
			continue
		}
		sum := rfig{how: printing{unit: "元"}}
		for _, f := range parts {
			sum.v += f.v
			sum.half += f.half
		}
		for i, cl := range cls {
			v, lo, hi, ok := ratio(share, parts[i], sum)
			st := claimFig(cl)
			if !ok || c.relations == nil && st.v <= v {
				continue
			}
			lines := []int{cl.Line}
			for _, p := range paths {
				lines = append(lines, c.line(p))
			}
			c.report(finding{
				stated: cl.Value, computed: v, unit: "%", tol: pctTolerance(st, v, lo, hi) + 0.01, figs: append([]rfig{st}, parts...),
				paths: paths, lines: lines,
				msg: quote(cl) + "；各部分之和为" + fmtNum(sum.v) + "元", msgEn: quoteEn(cl, "a share of a whole whose parts add up to "+fmtNum(sum.v)+" yuan"),
				allowZh: "占比常由另行舍入的金额计算，另允许 0.01 个百分点", allowEn: "a share is often computed from amounts rounded apart: 0.01 points more allowed",
			})
		}
	}
}

// shareWhole compares the shares the text states of one whole the model
// does not hold — by its name (share.parts' /text/whole/…), or a model
// figure left unread (占支出总预算82.27% where no total is read) — with
// each other: every part over its share is that one whole, so the ranges
// the parts' and the shares' rounding leave it must meet. Where they do
// not, the share whose range lies apart from all the others' (three or
// more) is compared with its part over their whole; of two, the second
// with its part over the first's.
func shareWhole(c *ctx) {
	groups := map[string][]schema.Claim{}
	var wholes []string
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimSharePct || cl.Of == "" || cl.Value <= 0 {
			continue
		}
		if _, held := c.fig(cl.Of); held {
			continue
		}
		if groups[cl.Of] == nil {
			wholes = append(wholes, cl.Of)
		}
		groups[cl.Of] = append(groups[cl.Of], cl)
	}
	for _, of := range wholes {
		var xs []impliedWhole
		for _, cl := range groups[of] {
			v, p, ok := c.amountOf(cl.Path)
			if !ok || v <= 0 {
				continue
			}
			part, st := c.figOf(p, v), claimFig(cl)
			if st.v-st.half-0.01 <= 0 {
				continue // a share that may be 0 bounds no whole
			}
			xs = append(xs, impliedWhole{cl, part, st, p, (part.v - part.half) / (st.v + st.half + 0.01) * 100, (part.v + part.half) / (st.v - st.half - 0.01) * 100})
		}
		if len(xs) < 2 {
			continue
		}
		meet := func(skip int) (lo, hi float64) {
			lo, hi = 0, math.Inf(1)
			for i, x := range xs {
				if i != skip {
					lo, hi = math.Max(lo, x.lo), math.Min(hi, x.hi)
				}
			}
			return lo, hi
		}
		var paths []string
		var lines []int
		for _, x := range xs {
			paths = append(paths, x.path)
			lines = append(lines, x.cl.Line, c.line(x.path))
		}
		if lo, hi := meet(-1); c.relations != nil || lo <= hi {
			c.report(finding{paths: paths, lines: lines})
			continue
		}
		odd := -1
		for i := range xs {
			if lo, hi := meet(i); lo <= hi && len(xs) > 2 {
				if odd >= 0 {
					odd = -1
					break
				}
				odd = i
			}
		}
		if odd < 0 && len(xs) == 2 {
			odd = 1
		}
		if odd < 0 {
			// no one share stands apart: each against the others' whole
			for i := range xs {
				lo, hi := meet(i)
				c.shareAgainst(xs[i], paths, lines, lo, hi)
			}
			continue
		}
		lo, hi := meet(odd)
		c.shareAgainst(xs[odd], paths, lines, lo, hi)
	}
}

// impliedWhole is a share of a whole the model does not hold: the claim,
// its part and the stated share, the part's pointer, and the whole the
// two allow.
type impliedWhole struct {
	cl       schema.Claim
	part, st rfig
	path     string
	lo, hi   float64
}

// shareAgainst reports a stated share against its part over a whole known
// to lie in [lo, hi] (the other shares'); paths and lines are the group's.
func (c *ctx) shareAgainst(x impliedWhole, paths []string, lines []int, lo, hi float64) {
	if lo <= 0 || lo > hi || slices.ContainsFunc(c.out, func(f schema.Check) bool { return f.Rule == "share.parts" && slices.Contains(f.Lines, x.cl.Line) }) {
		return // share.parts said it: the share is more than its part can be
	}
	cl, part, st, path := x.cl, x.part, x.st, x.path
	whole := (lo + hi) / 2
	v := part.v / whole * 100
	vlo, vhi := (part.v-part.half)/hi*100, (part.v+part.half)/lo*100
	c.report(finding{
		stated: st.v, computed: v, unit: "%", tol: pctTolerance(st, v, vlo, vhi) + 0.01, figs: []rfig{st, part},
		paths: append([]string{path}, slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == path })...), lines: lines,
		msg:     quote(cl) + "；其余占比推算的总额约为" + fmtNum(whole) + "元",
		msgEn:   quoteEn(cl, "a share of a whole the other shares put at about "+fmtNum(whole)+" yuan"),
		allowZh: "占比常由另行舍入的金额计算，另允许 0.01 个百分点", allowEn: "a share is often computed from amounts rounded apart: 0.01 points more allowed",
	})
}

// disjointFamily names the family of figures a path belongs to whose
// members do not overlap: the basic and project expenditure, or the
// classes of one scheme; "" for any other.
func disjointFamily(p string) string {
	switch p {
	case "/expenditure/basic", "/expenditure/project":
		return "uses"
	}
	for _, base := range []string{"/expenditure/by_function/", "/expenditure/by_economic/"} {
		if rest, ok := strings.CutPrefix(p, base); ok {
			if _, err := strconv.Atoi(rest); err == nil {
				return base
			}
		}
	}
	return ""
}

func restate(c *ctx, kind string, resolve func(string) (rfig, string, bool)) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != kind {
			continue
		}
		f, p, ok := resolve(cl.Path)
		if !ok {
			continue
		}
		st := claimFig(cl)
		c.report(finding{
			stated: cl.Value, computed: f.v, unit: "yuan", tol: halves(st, f), figs: []rfig{st, f},
			paths: []string{p}, lines: []int{cl.Line, c.line(p)},
			msg:   "第" + strconv.Itoa(cl.Line) + "行“" + cl.Text + "”与第" + strconv.Itoa(c.line(p)) + "行的数字",
			msgEn: "line " + strconv.Itoa(cl.Line) + " restates the figure of line " + strconv.Itoa(c.line(p)),
		})
	}
}

func restateAmount(c *ctx) {
	restate(c, schema.ClaimAmount, func(path string) (rfig, string, bool) {
		v, p, ok := c.amountOf(path)
		return c.figOf(p, v), p, ok
	})
}

// restateText compares the two statements of an item's amount its
// paragraph makes where no model figure takes them (claims on
// /text/<line>/item).
func restateText(c *ctx) {
	textPairs(c, func(p string) bool { return strings.HasSuffix(p, "/item") }, func(a, o schema.Claim) (string, string) {
		return "第" + strconv.Itoa(o.Line) + "行“" + o.Text + "”与第" + strconv.Itoa(a.Line) + "行标题的金额",
			"line " + strconv.Itoa(o.Line) + " restates the amount of the heading of line " + strconv.Itoa(a.Line)
	})
}

// restateSentence compares the figures a sentence printed again states
// otherwise (claims on /text/<line>/sentence/<line>/<n>: the first
// printing's, then the later one's).
func restateSentence(c *ctx) {
	textPairs(c, func(p string) bool { return strings.Contains(p, "/sentence/") }, func(a, o schema.Claim) (string, string) {
		return "第" + strconv.Itoa(o.Line) + "行“" + o.Text + "”与第" + strconv.Itoa(a.Line) + "行的同一句话",
			"line " + strconv.Itoa(o.Line) + " prints again the sentence of line " + strconv.Itoa(a.Line)
	})
}

// restateCell compares the amount the text states of a table's column
// with the column's cell (claims on /text/<line>/cell/<column>: the
// cell's, then the text's).
func restateCell(c *ctx) {
	textPairs(c, func(p string) bool { return strings.Contains(p, "/cell/") }, func(a, o schema.Claim) (string, string) {
		col := path.Base(a.Path)
		return "第" + strconv.Itoa(o.Line) + "行“" + o.Text + "”与第" + strconv.Itoa(a.Line) + "行表格的" + col + "列",
			"line " + strconv.Itoa(o.Line) + " states the " + col + " column of the table's line " + strconv.Itoa(a.Line)
	})
}

// textPairs reports, for each amount claim on a /text/ path that match
// takes, the next amount claim on the same path against it (a yuan
// amount, or a percentage), with the messages msg makes of the two.
func textPairs(c *ctx, match func(path string) bool, msg func(a, o schema.Claim) (string, string)) {
	cls := c.doc.Claims
	for i, a := range cls {
		if a.Kind != schema.ClaimAmount || !strings.HasPrefix(a.Path, "/text/") || !match(a.Path) {
			continue
		}
		for _, o := range cls[i+1:] {
			if o.Path != a.Path || o.Kind != schema.ClaimAmount {
				continue
			}
			unit := "yuan"
			if a.Unit == "%" {
				unit = "%"
			}
			fa, fo := claimFig(a), claimFig(o)
			zh, en := msg(a, o)
			c.report(finding{stated: o.Value, computed: a.Value, unit: unit, tol: halves(fa, fo), figs: []rfig{fo, fa},
				paths: []string{}, lines: []int{a.Line, o.Line}, msg: zh, msgEn: en})
			break
		}
	}
}

func restatePrior(c *ctx) { restate(c, schema.ClaimPriorYear, c.priorOf) }

// restateTable compares a figure of a table that was left out with the
// model's figure its row stands for.
func restateTable(c *ctx) {
	restate(c, schema.ClaimTable, func(path string) (rfig, string, bool) {
		v, p, ok := c.amountOf(path)
		return c.figOf(p, v), p, ok
	})
}

// restateCopy compares a row a table copies from another table of the
// document with that table's row: both are table claims on the path of the
// earlier table's row (/tables/<its title line>/<the row's line>).
func restateCopy(c *ctx) {
	for _, cp := range c.doc.Claims {
		if cp.Kind != schema.ClaimTable {
			continue
		}
		owner, ok := tableOfPath(cp.Path)
		if !ok || cp.Table == owner {
			continue
		}
		for _, cl := range c.doc.Claims {
			if cl.Kind != schema.ClaimTable || cl.Path != cp.Path || cl.Table != owner || cl.File != cp.File {
				continue
			}
			fa, fb := claimFig(cl), claimFig(cp)
			c.report(finding{stated: cp.Value, computed: cl.Value, unit: "yuan", tol: halves(fa, fb), figs: []rfig{fb, fa},
				paths: []string{cp.Path}, lines: []int{cp.Line, cl.Line},
				msg: fmt.Sprintf("第%d行起的表格第%d行与第%d行起的表格第%d行（同一编码的同一列）", cp.Table, cp.Line, cl.Table, cl.Line),
				msgEn: fmt.Sprintf("the table from line %d, line %d, against the table from line %d, line %d (one code, one column)",
					cp.Table, cp.Line, cl.Table, cl.Line)})
			break
		}
	}
}

// restateRow compares the text's statement of a code's amount with the
// table's row of that code: an amount claim and a table claim on the row's
// path (/tables/<title line>/<row line>); a 类 or 款 of a table that prints
// its 项 only has a table claim of each 项 on its path, added up.
func restateRow(c *ctx) {
	for _, st := range c.doc.Claims {
		if st.Kind != schema.ClaimAmount || !strings.HasPrefix(st.Path, "/tables/") {
			continue
		}
		figs, sum, lines, table := []rfig{claimFig(st)}, 0.0, []int{st.Line}, 0
		for _, cl := range c.doc.Claims {
			if cl.Kind == schema.ClaimTable && cl.Path == st.Path && cl.File == st.File {
				figs, sum, lines, table = append(figs, claimFig(cl)), sum+cl.Value, append(lines, cl.Line), cl.Table
			}
		}
		if len(figs) == 1 {
			continue
		}
		what, whatEn := "第"+strconv.Itoa(lines[1])+"行的金额", fmt.Sprintf("prints on line %d", lines[1])
		if len(figs) > 2 {
			what, whatEn = fmt.Sprintf("其下%d个项级科目之和", len(figs)-1), fmt.Sprintf("adds up from its %d items", len(figs)-1)
		}
		c.report(finding{stated: st.Value, computed: sum, unit: "yuan", tol: halves(figs...), figs: figs,
			paths: []string{st.Path}, lines: lines,
			msg:   quote(st) + "与第" + strconv.Itoa(table) + "行起的表格同一科目编码" + what,
			msgEn: fmt.Sprintf("line %d states the amount of the code the table from line %d %s", st.Line, table, whatEn)})
	}
}

// tableOfPath is the title line of the table a /tables/<line>/… path names.
func tableOfPath(p string) (int, bool) {
	rest, ok := strings.CutPrefix(p, "/tables/")
	if !ok {
		return 0, false
	}
	n, _, _ := strings.Cut(rest, "/")
	line, err := strconv.Atoi(n)
	return line, err == nil
}

// sumTable adds up the parts of each total a table claim states (a table
// left out, a row or a code's rows that do not add up): the table was read
// from text that keeps its columns, so a sum that fails is the document's.
// Two failing sums that one cell explains (a 小计 misprinted 0 fails both
// against its own parts and as a part of the 合计) are one finding: the
// misprint's.
func sumTable(c *ctx) {
	type group struct{ file, table int }
	totals := map[group]map[string]schema.Claim{}
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimTable {
			continue
		}
		g := group{cl.File, cl.Table}
		if totals[g] == nil {
			totals[g] = map[string]schema.Claim{}
		}
		totals[g][cl.Path] = cl
	}
	var sums []tableSum
	for _, whole := range c.doc.Claims {
		if whole.Kind != schema.ClaimTable {
			continue
		}
		g := group{whole.File, whole.Table}
		if totals[g][whole.Path].Line != whole.Line {
			continue // a path twice in one table: the first stands
		}
		want := claimFig(whole)
		s := tableSum{whole: whole}
		figs, got, paths, lines := c.partsOf(whole, func(cl schema.Claim) bool {
			if cl.Kind == schema.ClaimTable && (group{cl.File, cl.Table}) == g {
				s.parts = append(s.parts, cl)
				return true
			}
			return false
		})
		if len(figs) == 0 {
			continue
		}
		s.f = finding{stated: want.v, computed: got, unit: "yuan", tol: halves(append(figs, want)...), figs: append(figs, want),
			paths: paths, lines: lines,
			msg:   fmt.Sprintf("第%d行起的表格：第%d行的数与其%d个分项之和", whole.Table, whole.Line, len(figs)),
			msgEn: fmt.Sprintf("the table from line %d: line %d against the sum of its parts (%d)", whole.Table, whole.Line, len(figs))}
		sums = append(sums, s)
	}
	merged := make([]bool, len(sums))
	for i := range sums {
		if merged[i] {
			continue
		}
		f := sums[i].f
		if c.relations == nil && sums[i].fails() {
			for j := i + 1; j < len(sums); j++ {
				if merged[j] || !sums[j].fails() {
					continue
				}
				if m, ok := oneCell(sums[i], sums[j]); ok {
					f, merged[j] = m, true
					break
				}
			}
		}
		c.report(f)
	}
}

// tableSum is a total of a table against its parts.
type tableSum struct {
	whole schema.Claim
	parts []schema.Claim
	f     finding
}

// fails tells a sum whose difference its rounding does not explain.
func (s tableSum) fails() bool {
	d := math.Abs(s.f.stated - s.f.computed)
	return d >= 0.005 && d > s.f.tol+1e-9
}

// implied is the amount a cell of the sum must hold for the sum to hold,
// the other figures as printed; ok is false for a cell not in the sum.
func (s tableSum) implied(cl schema.Claim) (float64, bool) {
	if cl.Path == s.whole.Path && cl.Line == s.whole.Line {
		return s.f.computed, true
	}
	for _, p := range s.parts {
		if p.Path == cl.Path && p.Line == cl.Line {
			return p.Value + s.f.stated - s.f.computed, true
		}
	}
	return 0, false
}

// oneCell merges two failing sums of a table that one cell explains: a
// cell of both whose one amount makes both hold. The finding is the sum
// the cell totals (its stated amount against its parts), naming the other
// sum's numbers and lines too.
func oneCell(a, b tableSum) (finding, bool) {
	for _, cl := range append([]schema.Claim{a.whole}, a.parts...) {
		va, okA := a.implied(cl)
		vb, okB := b.implied(cl)
		if !okA || !okB || math.Abs(va-vb) > a.f.tol+b.f.tol+1e-9 {
			continue
		}
		main, other := a, b
		if cl.Path == b.whole.Path && cl.Line == b.whole.Line {
			main, other = b, a
		}
		f := main.f
		f.paths = append([]string(nil), main.f.paths...)
		for _, p := range other.f.paths {
			if !slices.Contains(f.paths, p) {
				f.paths = append(f.paths, p)
			}
		}
		f.lines = append(append([]int(nil), main.f.lines...), other.f.lines...)
		f.msg += fmt.Sprintf("；第%d行的数与其%d个分项之和也不符（陈述为 %s元，计算得 %s元）：第%d行的一格若为 %s元，两处皆符，是同一处误印",
			other.whole.Line, len(other.parts), fmtNum(other.f.stated), fmtNum(other.f.computed), cl.Line, fmtNum(va))
		f.msgEn += fmt.Sprintf("; line %d against the sum of its parts (%d) fails too (stated %s yuan, computed %s yuan): one cell, line %d, at %s yuan would make both hold, one misprint",
			other.whole.Line, len(other.parts), fmtNum(other.f.stated), fmtNum(other.f.computed), cl.Line, fmtNum(va))
		return f, true
	}
	return finding{}, false
}

// sumLevels adds up the amounts of a table whose every level adds up to its
// total (levels claims): all the parts are the total once a level.
func sumLevels(c *ctx) {
	for _, whole := range c.doc.Claims {
		if whole.Kind != schema.ClaimLevels || whole.Of != "" || whole.Levels < 1 {
			continue
		}
		figs, got, paths, lines := c.partsOf(whole, func(cl schema.Claim) bool {
			return cl.Kind == schema.ClaimLevels && cl.File == whole.File && cl.Table == whole.Table
		})
		if len(figs) == 0 {
			continue
		}
		w := claimFig(whole)
		all := figs
		for range whole.Levels {
			all = append(all, w)
		}
		c.report(finding{stated: w.v * float64(whole.Levels), computed: got, unit: "yuan", tol: halves(all...), figs: all,
			paths: paths, lines: lines,
			msg:   fmt.Sprintf("第%d行起的表格：其余%d个金额之和与最大金额（合计之数，第%d行）的%d倍", whole.Table, len(figs), whole.Line, whole.Levels),
			msgEn: fmt.Sprintf("the table from line %d: the sum of its other %d amounts against %d times its largest (the total's amount, line %d)", whole.Table, len(figs), whole.Levels, whole.Line)})
	}
}

// partsOf gathers the claims that are parts of whole (Of its path) and
// that part accepts: their figures and sum, and the paths and lines of the
// whole and its parts.
func (c *ctx) partsOf(whole schema.Claim, part func(schema.Claim) bool) (figs []rfig, got float64, paths []string, lines []int) {
	paths, lines = []string{whole.Path}, []int{whole.Line}
	for _, cl := range c.doc.Claims {
		if cl.Of != whole.Path || !part(cl) {
			continue
		}
		f := claimFig(cl)
		got += f.v
		figs = append(figs, f)
		paths = append(paths, cl.Path)
		lines = append(lines, cl.Line)
	}
	return figs, got, paths, lines
}

// sumText adds up the parts the text lists after a whole it states (sum
// claims): the whole and its parts are the text's, so a sum that fails is
// the document's.
func sumText(c *ctx) {
	for _, whole := range c.doc.Claims {
		if whole.Kind != schema.ClaimSum || whole.Of != "" {
			continue
		}
		want := claimFig(whole)
		figs, got, paths, lines := c.partsOf(whole, func(cl schema.Claim) bool {
			return cl.Kind == schema.ClaimSum && cl.File == whole.File
		})
		if len(figs) == 0 {
			continue
		}
		msg := fmt.Sprintf("第%d行“%s”与其后所列%d个分项之和", whole.Line, whole.Text, len(figs))
		msgEn := fmt.Sprintf("line %d states a whole; the %d parts it lists after it add up to another amount", whole.Line, len(figs))
		switch { // the extraction's lists of a change's parts
		case strings.HasSuffix(whole.Path, "/change_reasons"):
			msg = fmt.Sprintf("第%d行“%s”所述变动额与其后作为原因所列%d个分项的变动额之和", whole.Line, whole.Text, len(figs))
			msgEn = fmt.Sprintf("line %d states a change; the changes of the %d parts it gives as the reason (原因 …) add up to another amount", whole.Line, len(figs))
		case strings.HasSuffix(whole.Path, "/change_parts"):
			msg = fmt.Sprintf("第%d行“%s”所述变动额与其后“其中”所列%d个分项的变动额之和", whole.Line, whole.Text, len(figs))
			msgEn = fmt.Sprintf("line %d states a change; the changes of the %d parts it lists after 其中 add up to another amount", whole.Line, len(figs))
		}
		c.report(finding{stated: want.v, computed: got, unit: "yuan", tol: halves(append(figs, want)...), figs: append(figs, want),
			paths: paths, lines: lines, msg: msg, msgEn: msgEn})
	}
}

// sumStaff adds up the head counts of the kinds the text lists after a
// head count (head_count claims): more than the whole is a contradiction,
// unless the whole is the others' sum to the person — one kind counted
// apart from it (a template that keeps 自收自支 编制 outside 编制人数),
// which is an info. Less may be a list that leaves kinds out.
func sumStaff(c *ctx) {
	for _, whole := range c.doc.Claims {
		if whole.Kind != schema.ClaimHeadCount || whole.Of != "" {
			continue
		}
		var parts []float64
		got, paths, lines := 0.0, []string{whole.Path}, []int{whole.Line}
		for _, cl := range c.doc.Claims {
			if cl.Kind == schema.ClaimHeadCount && cl.Of == whole.Path && cl.File == whole.File {
				parts = append(parts, cl.Value)
				got += cl.Value
				paths, lines = append(paths, cl.Path), append(lines, cl.Line)
			}
		}
		f := finding{stated: whole.Value, computed: got, unit: "people", paths: paths, lines: lines, atLeast: true,
			msg:   fmt.Sprintf("第%d行“%s”所述人数与其后所列%d类人数之和", whole.Line, whole.Text, len(parts)),
			msgEn: fmt.Sprintf("line %d states a head count; the %d kinds it lists after it add up to more", whole.Line, len(parts))}
		if excess := got - whole.Value; excess > 0 && slices.Contains(parts, excess) {
			f.tol = excess
			f.allowZh, f.allowEn = "多出的人数正是所列一类的人数（该类或不计入总数）", "the excess is exactly one kind's count (that kind may stand outside the whole)"
		}
		c.report(f)
	}
}

// restatePct compares the percentages the text states twice for one figure
// (a change, or a share of one whole), and the prior-year figures it states
// twice where the model has none to compare them with.
func restatePct(c *ctx) {
	cls := c.doc.Claims
	for i, a := range cls {
		for _, b := range cls[i+1:] {
			if a.Path != b.Path || a.Kind != b.Kind || a.Of != b.Of {
				continue
			}
			unit := "%"
			switch a.Kind {
			case schema.ClaimChangePct, schema.ClaimSharePct, schema.ClaimBudgetChangePct:
			case schema.ClaimBudgetChange:
				unit = "yuan"
			case schema.ClaimPriorYear:
				if _, _, ok := c.priorOf(a.Path); ok {
					continue // restate.prior_year compares each with the figure
				}
				unit = "yuan"
			default:
				continue
			}
			fa, fb := claimFig(a), claimFig(b)
			c.report(finding{stated: a.Value, computed: b.Value, unit: unit, tol: halves(fa, fb), figs: []rfig{fa, fb},
				paths: []string{a.Path}, lines: []int{a.Line, b.Line},
				msg: "第" + strconv.Itoa(a.Line) + "行与第" + strconv.Itoa(b.Line) + "行所述", msgEn: "as stated on lines " + strconv.Itoa(a.Line) + " and " + strconv.Itoa(b.Line)})
		}
	}
}

// sum compares the sum of the amounts under base (an array) with a total.
// partialOK: a sum below the total may be a list that names only some
// parts, so it is info. A part without the field (a class whose amount the
// document does not state) leaves the sum unknown: nothing is compared.
func (c *ctx) sum(base, field, total string, partialOK bool, skip func(i int) bool) {
	c.sumWith(base, field, total, nil, nil, partialOK, skip)
}

// sumWith is sum with the figures at extra among the parts (the amounts
// carried over, part of a revenue total whose year is not stated).
func (c *ctx) sumWith(base, field, total string, extra []string, unplaced []placed, partialOK bool, skip func(i int) bool) {
	want, ok := c.fig(total)
	if !ok {
		return
	}
	var got float64
	var figs []rfig
	var lines []int // of the parts no path names
	paths := []string{total}
	for _, u := range unplaced {
		got += u.v
		figs, lines = append(figs, u.rfig), append(lines, u.line)
	}
	for _, p := range extra {
		if f, ok := c.fig(p); ok {
			got += f.v
			figs = append(figs, f)
			paths = append(paths, p)
		}
	}
	for i := 0; ; i++ {
		p := base + "/" + strconv.Itoa(i)
		if _, ok := c.get(p); !ok {
			break
		}
		if skip != nil && skip(i) {
			continue
		}
		f, ok := c.fig(p + field)
		if !ok {
			return // a part whose amount is not stated (a class of 项 only): the parts' sum is not known
		}
		got += f.v
		figs = append(figs, f)
		paths = append(paths, p+field)
	}
	switch len(figs) {
	case 0:
		return
	case 1: // one part: it cannot be more than the whole
		c.report(finding{stated: want.v, computed: got, unit: "yuan", tol: halves(want, figs[0]), figs: []rfig{want, figs[0]}, paths: paths,
			atLeast: true, msg: "合计与其中一项", msgEn: "the total against its one part listed"})
		return
	}
	c.reportSum(got, want, append(figs, want), paths, lines, partialOK)
}

// placed is a figure the text states that no model path holds (an amount
// the extraction placed nowhere), with its line.
type placed struct {
	rfig
	line int
}

// reportSum reports a total (want) against the sum of its parts (got):
// figs are every figure added and the total, paths theirs (the total's
// first), lines those of the figures no path names.
func (c *ctx) reportSum(got float64, want rfig, figs []rfig, paths []string, lines []int, partialOK bool) {
	f := finding{stated: want.v, computed: got, unit: "yuan", tol: halves(figs...), figs: figs, paths: paths,
		msg: "合计与各分项之和", msgEn: "the total against the sum of its parts"}
	if len(lines) > 0 {
		for _, p := range paths {
			lines = append(lines, c.line(p))
		}
		f.lines = lines
	}
	if partialOK && got < want.v-f.tol && c.sharesWhole(paths[0], paths[1:], want.v-got, want.v) {
		f.msg, f.msgEn = sharesWholeMsg, sharesWholeMsgEn
		partialOK = false
	}
	if partialOK && got < want.v-f.tol && c.allListed {
		f.msg, f.msgEn = allListedMsg, allListedMsgEn
		partialOK = false
	}
	if partialOK && got < want.v-f.tol {
		saved := c.rule.Severity
		c.rule.Severity = schema.SeverityInfo
		f.msg, f.msgEn = "所列分项之和小于合计（列举可能不全）", "the parts listed add up to less than the total (the list may be partial)"
		c.report(f)
		c.rule.Severity = saved
		return
	}
	c.report(f)
}

func (c *ctx) expenditureTotal() string {
	if _, ok := c.num("/expenditure/current_year"); ok {
		return "/expenditure/current_year"
	}
	return "/expenditure/total"
}

func sumFunction(c *ctx) {
	c.sum("/expenditure/by_function", "/amount", c.functionWhole(), true, nil)
}

// functionWhole is the expenditure the functional classes break down: the
// year's (expenditureTotal), or the general budget appropriations'
// (一般公共预算财政拨款支出, a 一般公共预算支出表's classes) where the
// document states it apart and the classes, not adding up to the year's,
// come nearer to it.
func (c *ctx) functionWhole() string {
	whole := c.expenditureTotal()
	const general = "/expenditure/general/amount"
	g, ok := c.fig(general)
	if !ok {
		return whole
	}
	t, ok := c.fig(whole)
	if !ok || t.v == g.v {
		return whole
	}
	sum, figs, ok := c.classSum("/expenditure/by_function/")
	if !ok || len(figs) == 0 || math.Abs(sum-t.v) <= halves(append(figs, t)...) || math.Abs(sum-g.v) >= math.Abs(sum-t.v) {
		return whole
	}
	return general
}

func sumFunctionItems(c *ctx) { c.sumItems("/expenditure/by_function/") }

// sumItems compares each class under base with the sum of its items. Items
// a narrative lists may be some of the class's only, so a sum below the
// class is info; items every one with its code are a table's rows, which
// list every item of the class (one printed 0 adds nothing): a sum below
// it is no partial list (0 of 1,002 such classes fall short in data/, the
// probes and the generated set).
func (c *ctx) sumItems(base string) {
	for i := 0; ; i++ {
		p := base + strconv.Itoa(i)
		if _, ok := c.get(p); !ok {
			return
		}
		coded := true
		for j := 0; coded; j++ {
			item := p + "/items/" + strconv.Itoa(j)
			if _, ok := c.get(item); !ok {
				coded = j > 0
				break
			}
			code, ok := c.get(item + "/code")
			coded = ok && code != ""
		}
		c.allListed = coded
		c.sum(p+"/items", "/amount", p+"/amount", true, nil)
		c.allListed = false
	}
}

func sumEconomic(c *ctx) {
	c.sum("/expenditure/by_economic", "/amount", c.economicWhole().whole, true, nil)
}

// basicWhole names a basic expenditure and its two parts.
type basicWhole struct{ whole, personnel, public string }

var (
	allBasic     = basicWhole{"/expenditure/basic/amount", "/expenditure/personnel/amount", "/expenditure/public_expenses/amount"}
	generalBasic = basicWhole{"/expenditure/general_basic/amount", "/expenditure/general_personnel/amount", "/expenditure/general_public_expenses/amount"}
)

// economicWhole is the basic expenditure the economic classes break down:
// the general budget appropriations' (一般公共预算财政拨款基本支出) where
// the document states it, unless the classes make all funds' basic
// expenditure instead (a unit's table of every fund) — or the year's
// spending, where they make that and not the basic expenditure.
func (c *ctx) economicWhole() basicWhole {
	// classes that make the year's spending, not its basic expenditure, are
	// the whole's ("按支出经济分类科目：工资福利支出…" of a budget's 支出预算,
	// its projects' classes among them): they break down no basic
	// expenditure, and name no personnel or public expenses
	if sum, figs, ok := c.classSum("/expenditure/by_economic/"); ok {
		t, okT := c.fig(c.expenditureTotal())
		b, okB := c.fig(allBasic.whole)
		if okT && okB && math.Abs(sum-t.v) <= halves(append(figs, t)...) && math.Abs(sum-b.v) > halves(append(figs, b)...) {
			return basicWhole{whole: c.expenditureTotal()}
		}
	}
	g, ok := c.fig(generalBasic.whole)
	if !ok {
		return allBasic
	}
	all, ok := c.fig(allBasic.whole)
	if !ok || all.v == g.v {
		return generalBasic
	}
	sum, figs, ok := c.classSum("/expenditure/by_economic/")
	if ok && math.Abs(sum-all.v) <= halves(append(figs, all)...) {
		return allBasic
	}
	return generalBasic
}

// classSum adds the amounts of the classes under base (/expenditure/by_economic/
// or by_function/); not ok where one is not stated.
func (c *ctx) classSum(base string) (float64, []rfig, bool) {
	var sum float64
	var figs []rfig
	for i := 0; ; i++ {
		if _, ok := c.get(base + strconv.Itoa(i)); !ok {
			return sum, figs, true
		}
		f, ok := c.fig(base + strconv.Itoa(i) + "/amount")
		if !ok {
			return 0, nil, false
		}
		sum += f.v
		figs = append(figs, f)
	}
}

func sumEconomicItems(c *ctx) { c.sumItems("/expenditure/by_economic/") }

func sumBasicProject(c *ctx) {
	w := c.basicProjectWhole()
	if c.budgetSplit(w) {
		return
	}
	c.parts(w.amount, w.parts, 0)
}

// budgetSplit compares a budget's expenditure with its basic and project
// expenditure where they fall short of it and nothing else is there to be
// the rest: no reserve (单位预留机动经费) held, no amount the document
// states and the model places nowhere on the lines of the three figures,
// and none such, or several, that the gap is (a 经营支出 2,000万元). It
// tells whether it compared them.
func (c *ctx) budgetSplit(w basicProjectScope) bool {
	if c.doc.Document.Kind != schema.KindBudget || w.amount != c.expenditureTotal() {
		return false
	}
	t, ok1 := c.fig(w.amount)
	b, ok2 := c.fig("/expenditure/basic/amount")
	p, ok3 := c.fig("/expenditure/project/amount")
	if _, reserve := c.num("/expenditure/reserve/amount"); !ok1 || !ok2 || !ok3 || reserve {
		return false
	}
	figs := []rfig{b, p, t}
	gap := t.v - b.v - p.v
	if gap <= halves(figs...) {
		return false
	}
	var lines []schema.Source
	for _, ptr := range []string{w.amount, "/expenditure/basic/amount", "/expenditure/project/amount"} {
		src := c.doc.Provenance[ptr]
		lines = append(lines, schema.Source{Line: src.Line, File: src.File})
	}
	var unplaced []rfig
	for _, wn := range c.doc.Warnings {
		if wn.Amount == nil {
			continue
		}
		// parts the split's own lines state (…项目支出2436.64万元，事业单位
		// 经营支出86.78万元，对附属单位补助支出8.69万元)
		if slices.Contains(lines, schema.Source{Line: wn.Line, File: wn.File}) {
			return false
		}
		_, half := assumedRounding(wn.Amount.Float())
		unplaced = append(unplaced, rfig{v: wn.Amount.Float(), half: half})
	}
	if madeOf(gap, halves(figs...), unplaced) {
		return false // the rest is parts the model does not hold
	}
	c.report(finding{stated: t.v, computed: b.v + p.v, unit: "yuan", tol: halves(figs...), figs: figs,
		paths: []string{w.amount, "/expenditure/basic/amount", "/expenditure/project/amount"},
		msg:   "支出合计与基本支出、项目支出之和（预算未列预留或经营等其他支出）", msgEn: "the expenditure against basic plus project (the budget states no reserve, business or other spending)"})
	return true
}

// basicProjectScope is the whole basic, project and reserve expenditure
// make: its amount's pointer, the path its change is stated for, and the
// parts' amounts to add up.
type basicProjectScope struct {
	amount, changed string
	parts           []string
}

// basicProjectWhole is the expenditure basic, project and reserve make:
// the year's (expenditureTotal; a reserve not stated may be missing, and a
// 决算's 经营支出 is none of them, so a sum below it says nothing), or the
// general budget appropriations' (…一般公共预算财政拨款支出727.11万元…。其中：
// 基本支出695.37万元…；项目支出31.74万元) — a whole of exactly those parts —
// where basic and project are both stated and one of their two relations
// holds with it and not with the year's: their amounts make its amount, or
// their changes its change. The other relation is then compared with it, so
// that one misprint, which breaks one of the two, is named.
func (c *ctx) basicProjectWhole() basicProjectScope {
	const basic, project, reserve = "/expenditure/basic", "/expenditure/project", "/expenditure/reserve"
	year := basicProjectScope{c.expenditureTotal(), "/expenditure", []string{basic + "/amount", project + "/amount", reserve + "/amount"}}
	g, ok := c.fig("/expenditure/general/amount")
	if !ok {
		return year
	}
	parts := []string{basic, project}
	if _, ok := c.fig(reserve + "/amount"); ok {
		parts = append(parts, reserve)
	}
	var sum, change float64
	var figs, changes []rfig
	changed := true // every part states its change
	for _, p := range parts {
		f, ok := c.fig(p + "/amount")
		if !ok {
			return year
		}
		sum += f.v
		figs = append(figs, f)
		cl, ok := c.firstChange(p)
		changed = changed && ok
		change += cl.Value
		changes = append(changes, claimFig(cl))
	}
	makes := func(v float64, whole rfig, figs []rfig) bool {
		return math.Abs(v-whole.v) <= halves(append(figs, whole)...)
	}
	general := basicProjectScope{"/expenditure/general/amount", "/expenditure/general", nil}
	for _, p := range parts {
		general.parts = append(general.parts, p+"/amount")
	}
	t, ok := c.fig(year.amount)
	if makes(sum, g, figs) && !(ok && makes(sum, t, figs)) {
		return general
	}
	gc, gok := c.firstChange(general.changed)
	tc, tok := c.firstChange(year.changed)
	if makes(sum, g, figs) && gok && !tok {
		// the parts make both wholes (the year's is all general budget
		// appropriation), and only the appropriations' states its change:
		// the changes are compared with it, whatever they add up to
		return general
	}
	if !changed || !gok || !makes(change, claimFig(gc), changes) {
		return year
	}
	if tok && makes(change, claimFig(tc), changes) {
		return year
	}
	return general
}

// personnelEconomic: 人员经费 is the basic-expenditure table's 工资福利支出
// (301) and 对个人和家庭的补助 (303), 公用经费 its other classes — compared
// where the classes are the whole of the basic expenditure they break down
// (economicWhole).
func personnelEconomic(c *ctx) {
	e := c.doc.Expenditure
	if e == nil || len(e.ByEconomic) == 0 {
		return
	}
	w := c.economicWhole()
	basic, ok := c.fig(w.whole)
	if !ok {
		return
	}
	all, figs, ok := c.classSum("/expenditure/by_economic/")
	if !ok {
		return // a class whose amount is not stated
	}
	if d := all - basic.v; d > halves(append(figs, basic)...) || -d > halves(append(figs, basic)...) {
		return // not the whole of basic expenditure: sum.economic says so
	}
	hasPersonnel := false
	for _, ec := range e.ByEconomic {
		hasPersonnel = hasPersonnel || ec.Code == "301"
	}
	if !hasPersonnel {
		return
	}
	for _, side := range []struct {
		ptr, zh, en string
		personnel   bool
	}{{w.personnel, "人员经费与经济分类 301、303 之和", "personnel expenses against classes 301 and 303", true},
		{w.public, "公用经费与经济分类 301、303 以外各类之和", "public expenses against the classes other than 301 and 303", false}} {
		want, ok := c.fig(side.ptr)
		if !ok {
			continue
		}
		var got float64
		paths := []string{side.ptr}
		sideFigs := []rfig{want}
		for i, ec := range e.ByEconomic {
			if (ec.Code == "301" || ec.Code == "303") != side.personnel {
				continue
			}
			got += figs[i].v
			sideFigs = append(sideFigs, figs[i])
			paths = append(paths, "/expenditure/by_economic/"+strconv.Itoa(i)+"/amount")
		}
		c.report(finding{stated: want.v, computed: got, unit: "yuan", tol: halves(sideFigs...), figs: sideFigs, paths: paths,
			msg: side.zh, msgEn: side.en})
	}
}

// restateChange: some figures are one quantity in every year — revenue
// and expenditure totals; 财政拨款收入支出总计, 财政拨款 and 一般公共预算 when
// they are equal — so the changes stated for them must agree; so must two
// changes stated for one figure.
func restateChange(c *ctx) {
	group := func(path string) int {
		switch path {
		case "/revenue", "/expenditure":
			return 1
		case "/revenue/fiscal_total":
			return 2
		}
		if strings.HasPrefix(path, "/revenue/sources/") && c.doc.Revenue != nil {
			i, err := strconv.Atoi(strings.TrimPrefix(path, "/revenue/sources/"))
			if err == nil && i < len(c.doc.Revenue.Sources) {
				if n := c.doc.Revenue.Sources[i].Name; n == "财政拨款" || n == "一般公共预算" {
					return 2
				}
			}
		}
		return 0
	}
	type stated struct {
		cl    schema.Claim
		cur   float64
		group int
	}
	var all []stated
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimChange {
			continue
		}
		cur, _, _ := c.currentOf(cl.Path)
		all = append(all, stated{cl, cur.v, group(cl.Path)})
	}
	// two lines that disagree on every figure's change both state, two at
	// least, compare with two different things (与2013年年初预算相比 and
	// 与2013年执行数相比, each followed by its parts' changes), not one
	// change twice: a misprint is of one figure, the others agreeing
	type lines struct{ a, b int }
	shared, differ := map[lines]int{}, map[lines]int{}
	pair := func(a, b stated) lines { return lines{min(a.cl.Line, b.cl.Line), max(a.cl.Line, b.cl.Line)} }
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.cl.Path == b.cl.Path && a.cl.Line != b.cl.Line {
				shared[pair(a, b)]++
				if math.Abs(a.cl.Value-b.cl.Value) > halves(claimFig(a.cl), claimFig(b.cl))+1e-9 {
					differ[pair(a, b)]++
				}
			}
		}
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.cl.Path != b.cl.Path && (a.group == 0 || a.group != b.group || a.cur != b.cur || a.cur == 0) {
				continue
			}
			if _, _, ok := c.priorOf(a.cl.Path); ok && a.cl.Path == b.cl.Path {
				continue // yoy.change compares each with the two years' figures
			}
			if k := pair(a, b); a.cl.Path == b.cl.Path && shared[k] >= 2 && differ[k] == shared[k] {
				continue
			}
			fa, fb := claimFig(a.cl), claimFig(b.cl)
			c.report(finding{stated: a.cl.Value, computed: b.cl.Value, unit: "yuan", tol: halves(fa, fb), figs: []rfig{fa, fb},
				paths: []string{a.cl.Path, b.cl.Path}, lines: []int{a.cl.Line, b.cl.Line},
				msg:   "第" + strconv.Itoa(a.cl.Line) + "行“" + a.cl.Text + "”与第" + strconv.Itoa(b.cl.Line) + "行“" + b.cl.Text + "”所述变动额",
				msgEn: "the changes stated on lines " + strconv.Itoa(a.cl.Line) + " and " + strconv.Itoa(b.cl.Line)})
		}
	}
}

// firstChange is the first change the text states for a figure.
func (c *ctx) firstChange(path string) (schema.Claim, bool) {
	for _, cl := range c.doc.Claims {
		if cl.Path == path && cl.Kind == schema.ClaimChange {
			return cl, true
		}
	}
	return schema.Claim{}, false
}

// partsChange: a whole's change stated beside its parts' changes — the
// expenditure's and basic, project (and reserve); the expenditure's and its
// functional or economic classes; a class's and its items; the revenue's
// and its sources; the 三公's and its parts, the vehicles' and purchase and
// operation. Where every part the
// model holds states its change and the parts' amounts make the whole's
// (within their rounding: the list is the whole's, not a selection), the
// parts' changes add up to the whole's. A part the whole had last year and
// has no longer (a 项 gone from this year's table) is in the whole's change
// and in no part's, so parts' changes above the whole's are info only —
// but for the 三公's parts, which are named: a part at 0 this year is
// still listed with its change, so where every one is held with its
// change none is gone.
func partsChange(c *ctx) {
	c.changeSum(c.basicProjectWhole().changed, []string{"/expenditure/basic", "/expenditure/project", "/expenditure/reserve"}, completeParts)
	for _, scheme := range []string{"/expenditure/by_function", "/expenditure/by_economic"} {
		classes := c.children(scheme)
		whole := "/expenditure"
		if scheme == "/expenditure/by_economic" {
			whole = "/expenditure/basic"
		}
		c.changeSum(whole, classes, listedParts)
		for _, cl := range classes {
			c.changeSum(cl, c.children(cl+"/items"), listedParts)
		}
	}
	if r := c.doc.Revenue; r != nil {
		// the sources; one whose change is not stated, by its parts
		// (财政拨款 by 一般公共预算 and the funds)
		var parts []string
		for i, src := range r.Sources {
			if src.PartOf != "" {
				continue
			}
			p := "/revenue/sources/" + strconv.Itoa(i)
			if _, ok := c.firstChange(p); !ok {
				var sub []string
				for k, q := range r.Sources {
					if q.PartOf == src.Name {
						sub = append(sub, "/revenue/sources/"+strconv.Itoa(k))
					}
				}
				if len(sub) > 0 {
					parts = append(parts, sub...)
					continue
				}
			}
			parts = append(parts, p)
		}
		// the total's change is the sources' and the amounts carried over's
		c.changeSum("/revenue", append(parts, "/revenue/carried_over"), listedParts)
	}
	travel, reception, vehicle := "/three_public/overseas_travel", "/three_public/reception", "/three_public/vehicle"
	cars := []string{"/three_public/vehicle_purchase", "/three_public/vehicle_operation"}
	if _, ok := c.changeOf(vehicle); ok {
		c.changeSum("/three_public", []string{travel, reception, vehicle}, namedParts)
		c.changeSum(vehicle, cars, namedParts)
	} else {
		c.changeSum("/three_public", append([]string{travel, reception}, cars...), namedParts)
	}
}

// children lists the elements of the array at base.
func (c *ctx) children(base string) []string {
	var out []string
	for i := 0; ; i++ {
		p := base + "/" + strconv.Itoa(i)
		if _, ok := c.get(p); !ok {
			return out
		}
		out = append(out, p)
	}
}

// partsOf says what a whole's list of parts is, for changeSum.
type partsOf int

const (
	// listedParts are the parts a table or text lists (classes, items,
	// sources): a part of last year's whole may be missing from it.
	listedParts partsOf = iota
	// completeParts make the whole by their kind (basic, project and
	// reserve): a part not stated is none.
	completeParts
	// namedParts are the whole's parts by name (the 三公's, the vehicles'):
	// a part not read is not none, but one read with its change, at 0
	// this year too, is all of that part's change.
	namedParts
)

// changeSum compares the change stated for whole with the sum of the changes
// stated for parts: the parts the model holds, each with its change — two
// at least that make the whole by their kind (completeParts), or any whose
// amounts add up to the whole's within their rounding (a 三公 part not read
// is not none; a class of one item changes by the item's change). Parts'
// changes above the whole's are info where a part may be missing: listed
// parts, and named ones of which one is not held with its change.
func (c *ctx) changeSum(whole string, parts []string, kind partsOf) {
	complete := kind == completeParts
	total, ok := c.changeOf(whole)
	if !ok {
		return
	}
	wv, wp, ok := c.amountOf(whole)
	if !ok && !complete {
		return
	}
	amounts := []rfig{c.figOf(wp, wv)}
	figs := total.figs
	tol := total.half
	lines := []int{total.line}
	paths := []string{whole}
	var sum, held float64
	every := kind == namedParts // every part held with its change
	for _, p := range parts {
		v, ap, present := c.amountOf(p)
		if !present {
			every = false
			continue
		}
		ch, ok := c.changeOf(p)
		if !ok && !complete && v == 0 {
			every = false
			continue // none this year: its change, less last year's, can only lower the parts' sum (info's side)
		}
		if !ok {
			return
		}
		held += v
		amounts = append(amounts, c.figOf(ap, v))
		sum += ch.v
		figs = append(figs, ch.figs...)
		tol += ch.half
		lines = append(lines, ch.line)
		paths = append(paths, p)
	}
	if complete && len(paths) < 3 || len(paths) < 2 || !complete && math.Abs(held-wv) > halves(amounts...) {
		return
	}
	f := finding{stated: total.v, computed: sum, unit: "yuan", tol: tol, figs: figs, paths: paths, lines: lines,
		msg: "总变动额与各部分变动额之和", msgEn: "the total's change against the sum of the parts' changes"}
	if slices.ContainsFunc(figs, func(f rfig) bool { return f.how.unit == "%" }) {
		f.allowZh, f.allowEn = "以变动率推算的变动额（本年数×变动率÷(1+变动率)），变动率允许 0.1 个百分点或末位截尾",
			"a change worked out from its percentage (the amount × rate ÷ (1 + rate)), the rate within 0.1 points or its last digit cut"
	}
	if !complete && !every && sum > total.v+f.tol {
		// a part the whole had last year and has no longer is in the
		// whole's change (all of its prior year lost) and in no part's
		f.severity = schema.SeverityInfo
		f.msg, f.msgEn = "各部分变动额之和大于总变动额（上年有、本年无的部分不在所列之中）", "the parts' changes add up to more than the whole's (a part of last year's whole that is gone this year is not listed)"
	}
	c.report(f)
}

// change is a figure's change for changeSum: stated, or worked out from
// its stated percentage and its amount; half is how far the rounding of
// what it is made of lets it lie from v, figs those figures.
type change struct {
	v, half float64
	figs    []rfig
	line    int
}

// changeOf is the change the text states for a figure (its first), or,
// where it states none, the one its stated percentage makes of its
// amount: a figure a that grew by p% grew by a·p/(100+p) ("比上年下降
// 28.53%" of 268.53万元 is −107.21万元). The percentage is taken as rounded
// or cut, and as yoy.change_pct takes it against a prior year stated
// apart, at least baseAllowance either way; the amount within its
// rounding; the change ranges over the corners. A rise of 100% is how
// some documents print a part that had none the year before (因公出国（境）
// 经费支出增长100% where the parts' changes add up to the whole's only with
// the part's whole amount as its change): such a percentage is not used.
func (c *ctx) changeOf(path string) (change, bool) {
	if cl, ok := c.firstChange(path); ok {
		f := claimFig(cl)
		return change{v: cl.Value, half: f.half, figs: []rfig{f}, line: cl.Line}, true
	}
	for _, cl := range c.doc.Claims {
		if cl.Path != path || cl.Kind != schema.ClaimChangePct {
			continue
		}
		v, ap, ok := c.amountOf(path)
		if !ok || cl.Value == 100 {
			return change{}, false
		}
		a, p := c.figOf(ap, v), claimFig(cl)
		of := func(a, p float64) float64 { return a * p / (100 + p) }
		ch := math.Round(of(a.v, p.v)*100) / 100
		half, dp := 0.0, math.Max(2*p.half, baseAllowance)
		for _, da := range []float64{-a.half, a.half} {
			for _, dp := range []float64{-dp, dp} {
				if 100+p.v+dp <= 0 {
					return change{}, false
				}
				half = math.Max(half, math.Abs(of(a.v+da, p.v+dp)-ch))
			}
		}
		return change{v: ch, half: half, figs: []rfig{a, p}, line: cl.Line}, true
	}
	return change{}, false
}

func sumProjects(c *ctx) {
	c.sum("/expenditure/projects", "/amount", "/expenditure/project/amount", true, nil)
}

func sumSources(c *ctx) {
	// the sources make the year's revenue; the total is that and what was
	// carried over
	total, carried := "/revenue/total", []string{"/revenue/carried_over"}
	if _, ok := c.num("/revenue/current_year"); ok {
		total, carried = "/revenue/current_year", nil
	}
	// A source that is part of another listed source is counted in it; one
	// whose whole is not listed (一般公共预算 with no 财政拨款 line) stands for
	// its share of the whole and is counted.
	listed := map[string]bool{}
	if r := c.doc.Revenue; r != nil {
		for _, s := range r.Sources {
			if s.PartOf == "" {
				listed[s.Name] = true
			}
		}
	}
	// A list that names the remainder (其他收入) claims to be all of the
	// year's revenue: one short of it is no partial list — but for a 决算's
	// 总计, which holds 用事业基金弥补收支差额 too, a row the model has no
	// place for, and but where the extraction left an amount among the
	// list's lines out (a source it did not know may be that one).
	//
	// The reserve drawn to balance the year (用事业基金弥补收支差额), stated
	// among the sources of a total that holds what was carried over, is
	// one of the total's parts, and counted: the list is then all of it.
	var reserve []placed
	if carried != nil {
		if r, ok := c.reserveAmongSources(); ok {
			reserve = []placed{r}
		}
	}
	closed := listed["其他收入"] && (carried == nil || c.doc.Document.Kind == schema.KindBudget) && !unplacedAmongSources(c.doc) && (reserve != nil || !drawsOnReserve(c.doc))
	c.sumWith("/revenue/sources", "/amount", total, carried, reserve, !closed, func(i int) bool {
		v, _ := c.get("/revenue/sources/" + strconv.Itoa(i) + "/part_of")
		whole, _ := v.(string)
		return whole != "" && listed[whole]
	})
}

// drawsOnReserve tells a text stating an amount of 用事业基金弥补收支差额 the
// extraction placed nowhere: the reserve drawn to balance the year, in its
// total as in a 决算's 总计 ("5.用事业基金弥补收支差额403万元", a budget of
// 2010), a row the model has no place for.
func drawsOnReserve(d *schema.Document) bool {
	return slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool {
		return w.Amount != nil && *w.Amount != 0 && strings.Contains(w.Text, "用事业基金弥补收支差额")
	})
}

// reserveAmongSources is the one amount of 用事业基金弥补收支差额 the text
// states among the revenue's sources that the extraction placed nowhere:
// on a line of the sources' file from the first source's to the one after
// the last's or the carried-over amount's ("4.其他收入2,152.55万元…" /
// "5.用事业基金弥补收支差额403万元,…" / "6.上年结转1,708.4万元"), the only
// amount of its line; false for none, or more than one.
func (c *ctx) reserveAmongSources() (placed, bool) {
	d := c.doc
	if d.Revenue == nil || len(d.Revenue.Sources) == 0 {
		return placed{}, false
	}
	file, first, last := -1, 0, 0
	for i := range d.Revenue.Sources {
		src, ok := d.Provenance["/revenue/sources/"+strconv.Itoa(i)+"/amount"]
		if !ok || file >= 0 && src.File != file {
			return placed{}, false
		}
		if file < 0 || src.Line < first {
			first = src.Line
		}
		file, last = src.File, max(last, src.Line)
	}
	if src, ok := d.Provenance["/revenue/carried_over"]; ok && src.File == file {
		last = max(last, src.Line)
	}
	var found []placed
	for _, w := range d.Warnings {
		if w.Amount == nil || w.File != file || w.Line < first || w.Line > last+1 {
			continue
		}
		v := w.Amount.Float()
		how, half, ok := printedAs(w.Text, v, d.Document.ReportedUnit)
		if !strings.Contains(w.Text, "用事业基金弥补收支差额") || !ok {
			continue
		}
		found = append(found, placed{rfig{v: v, half: exactZero(v, how.decimals, half), how: how}, w.Line})
	}
	if len(found) != 1 || slices.ContainsFunc(d.Claims, func(cl schema.Claim) bool { return cl.Line == found[0].line }) {
		return placed{}, false
	}
	return found[0], true
}

// unplacedAmongSources tells an amount the extraction placed nowhere on a
// line of the revenue sources, or on a line between two of them at most
// three lines apart (a list a source a line), in one file.
func unplacedAmongSources(d *schema.Document) bool {
	if d.Revenue == nil || len(d.Revenue.Sources) == 0 {
		return false
	}
	var lines []int
	file := -1
	for i := range d.Revenue.Sources {
		src, ok := d.Provenance["/revenue/sources/"+strconv.Itoa(i)+"/amount"]
		if !ok || file >= 0 && src.File != file {
			return false
		}
		file = src.File
		lines = append(lines, src.Line)
	}
	slices.Sort(lines)
	among := func(l int) bool {
		k, found := slices.BinarySearch(lines, l)
		return found || k > 0 && k < len(lines) && lines[k]-lines[k-1] <= 3
	}
	// amounts on a source's line that add up to it are its breakdown
	// ("事业收入预算35957.91万元。其中纳入财政专户管理的教育收费预算21037万元,
	// 其他事业收入预算14920.91万元"), no source left out
	unplaced := map[int][]schema.Money{}
	for _, w := range d.Warnings {
		// a zero (财政专户拨款0万元) leaves no list short
		if w.File == file && among(w.Line) && w.Amount != nil && *w.Amount != 0 {
			unplaced[w.Line] = append(unplaced[w.Line], *w.Amount)
		}
	}
	for l, amounts := range unplaced {
		sum := schema.Money(0)
		for _, a := range amounts {
			sum += a
		}
		if len(amounts) < 2 || !slices.ContainsFunc(d.Revenue.Sources, func(s schema.Named) bool { return s.Amount == sum }) ||
			!slices.ContainsFunc(lines, func(sl int) bool { return sl == l }) {
			return true
		}
	}
	return false
}

// sumFiscalParts: 一般公共预算, 政府性基金 and 国有资本经营 appropriations make
// up 财政拨款; with some of them not stated, they cannot be more than it.
func sumFiscalParts(c *ctx) {
	r := c.doc.Revenue
	if r == nil {
		return
	}
	whole := -1
	var parts []string
	for i, s := range r.Sources {
		switch {
		case s.Name == "财政拨款" && s.PartOf == "":
			whole = i
		case s.PartOf == "财政拨款":
			parts = append(parts, "/revenue/sources/"+strconv.Itoa(i)+"/amount")
		}
	}
	if whole < 0 || len(parts) == 0 {
		return
	}
	c.parts("/revenue/sources/"+strconv.Itoa(whole)+"/amount", parts, 3)
}

// parts compares a total with the named parts that are present. When some
// part is absent, the parts present cannot be more than the total. whole
// is how many parts make the total (0: those named).
func (c *ctx) parts(total string, parts []string, whole int) {
	t, ok := c.fig(total)
	if !ok {
		return
	}
	n := max(whole, len(parts))
	var got float64
	var figs []rfig
	paths := []string{total}
	for _, p := range parts {
		f, ok := c.fig(p)
		if !ok {
			continue
		}
		got += f.v
		figs = append(figs, f)
		paths = append(paths, p)
	}
	switch {
	case len(figs) == 0:
		return
	case len(figs) < n && got < t.v && c.sharesWhole(total, paths[1:], t.v-got, t.v):
		c.report(finding{stated: t.v, computed: got, unit: "yuan", tol: halves(append(figs, t)...), figs: append(figs, t), paths: paths,
			msg: sharesWholeMsg, msgEn: sharesWholeMsgEn})
	case len(figs) < n:
		figs = append(figs, t)
		c.report(finding{stated: t.v, computed: got, unit: "yuan", tol: halves(figs...), figs: figs, paths: paths, atLeast: true,
			msg: "合计与所列分项之和（分项未列全）", msgEn: "the total against the sum of the parts stated (not all of them)"})
	default:
		c.reportSum(got, t, append(figs, t), paths, nil, false)
	}
}

const (
	allListedMsg     = "合计与各分项之和（表中各项均有科目编码，已列全）"
	allListedMsgEn   = "the total against the sum of its parts (a table's rows, every item with its code: none is left out)"
	sharesWholeMsg   = "合计与各分项之和（所列分项的占比合计为100%，已列全）"
	sharesWholeMsgEn = "the total against the sum of its parts (their stated shares of it make 100%: none is left out)"
)

// sharesWhole tells parts (pointers to their amounts) whose shares of
// total the text states, every one ("基本支出504.35万元，占73%；项目支出
// 183.45万元，占27%"), adding up to 100% within the rounding of each
// percentage: the parts are all of the total, and one left out could hide
// only in that rounding (a part of 0 may state no share). A gap (total
// less the parts) larger than that share of the total (whole) is then no
// partial list.
func (c *ctx) sharesWhole(total string, parts []string, gap, whole float64) bool {
	tv, ok := c.num(total)
	if !ok || whole <= 0 || len(parts) < 2 {
		return false
	}
	var sum, slack float64
	for _, p := range parts {
		found := false
		for _, cl := range c.doc.Claims {
			if cl.Kind != schema.ClaimSharePct || cl.Path != strings.TrimSuffix(p, "/amount") {
				continue
			}
			if ov, ok := c.num(cl.Of); cl.Of != total && (!ok || ov != tv) {
				continue // a share of another whole
			}
			sum += cl.Value
			slack += claimFig(cl).half
			found = true
			break
		}
		if v, ok := c.num(p); !found && (!ok || v != 0) {
			return false // a part of 0 needs no share: it is 0% of any whole
		}
	}
	return math.Abs(sum-100) <= slack+1e-9 && gap/whole*100 > slack+math.Abs(sum-100)
}

func sumThreePublic(c *ctx) {
	const total = "/three_public/total"
	c.parts(total, c.threePublicParts(total, func(part string) string { return "/three_public/" + part + "/amount" }), 0)
}

// threePublicParts are the parts the 三公 total (total) is compared with,
// of one column (at gives a part's path): its four parts, or its two and
// the vehicles' subtotal. The subtotal stands for its parts where they
// are not both stated — and where the total is what it makes while they
// do not make it: a misprinted part (a 运行费 printed as the vehicles'
// whole) is one finding, sum.vehicle's, not a second one of the total.
func (c *ctx) threePublicParts(total string, at func(part string) string) []string {
	parts := []string{at("overseas_travel"), at("reception"), at("vehicle_purchase"), at("vehicle_operation")}
	vehicle := at("vehicle")
	_, p := c.num(parts[2])
	_, o := c.num(parts[3])
	if _, v := c.num(vehicle); v && (!p || !o || c.adds(total, parts[0], parts[1], vehicle) && !c.adds(vehicle, parts[2], parts[3])) {
		parts = append(parts[:2], vehicle)
	}
	return parts
}

// adds tells whether parts, each stated, make total within their rounding.
func (c *ctx) adds(total string, parts ...string) bool {
	t, ok := c.fig(total)
	if !ok {
		return false
	}
	figs, got := []rfig{t}, 0.0
	for _, p := range parts {
		f, ok := c.fig(p)
		if !ok {
			return false
		}
		figs, got = append(figs, f), got+f.v
	}
	return math.Abs(got-t.v) <= halves(figs...)+0.005
}

func sumBasicParts(c *ctx) {
	for _, w := range []basicWhole{allBasic, generalBasic} {
		c.parts(w.whole, []string{w.personnel, w.public}, 0)
	}
}

// sumOtherYears: the columns beside the year's amounts — the prior year
// (上年数: 2015年三公经费预算拨入57.55万元 … 公务接待费2015年预算12.5万元),
// a final accounts' 预算数 — add up as the year's do (sum.three_public,
// sum.vehicle, sum.basic_parts, sum.basic_project), each whole and part
// in that column only: a part stated in no column the whole is is left
// out, so a sum below the whole is compared only where every part is.
func sumOtherYears(c *ctx) {
	defer func() { c.column = [2]string{} }()
	for _, col := range []struct{ path, zh, en string }{{"/prior_year", "上年数", "prior year"}, {"/budgeted", "预算数", "budgeted"}} {
		c.column = [2]string{col.zh, col.en}
		at := func(p string) string { return p + col.path }
		threePublic := at("/three_public")
		part := func(name string) string { return at("/three_public/" + name) }
		c.parts(threePublic, c.threePublicParts(threePublic, part), 0)
		c.parts(part("vehicle"), []string{part("vehicle_purchase"), part("vehicle_operation")}, 0)
		// an amount's path, of this column
		column := func(amount string) string { return at(strings.TrimSuffix(amount, "/amount")) }
		for _, w := range []basicWhole{allBasic, generalBasic} {
			c.parts(column(w.whole), []string{column(w.personnel), column(w.public)}, 0)
		}
		c.parts(at("/expenditure"), []string{at("/expenditure/basic"), at("/expenditure/project")}, 3)
	}
}

// madeOf tells whether some of figs, one at least, add up to v within tol
// and their rounding; more than 12 figures are taken to (any might).
func madeOf(v, tol float64, figs []rfig) bool {
	if len(figs) > 12 {
		return true
	}
	for set := 1; set < 1<<len(figs); set++ {
		sum, slack := 0.0, tol
		for i, f := range figs {
			if set&(1<<i) != 0 {
				sum, slack = sum+f.v, slack+f.half
			}
		}
		if math.Abs(sum-v) <= slack {
			return true
		}
	}
	return false
}

func sumVehicle(c *ctx) {
	c.parts("/three_public/vehicle/amount", []string{"/three_public/vehicle_purchase/amount", "/three_public/vehicle_operation/amount"}, 0)
}

func sumAssets(c *ctx) {
	for _, s := range []string{"/assets/start", "/assets/end"} {
		c.sum(s+"/by_category", "/amount", s+"/total", false, nil)
	}
}

// sumSME: the part for small and micro enterprises is within the part for
// small and medium enterprises, which is within the procurement — for the
// contracts awarded, and for what a budget reserves (a final accounts'
// reserved budget may exceed the year's contracts).
func sumSME(c *ctx) {
	c.parts("/procurement/sme_reserved", []string{"/procurement/small_micro_reserved"}, 2)
	c.parts("/procurement/sme_awarded", []string{"/procurement/small_micro_awarded"}, 2)
	c.parts("/procurement/amount", []string{"/procurement/sme_awarded"}, 2)
	if c.doc.Document.Kind == schema.KindBudget {
		c.parts("/procurement/amount", []string{"/procurement/sme_reserved"}, 2)
	}
}

func sumProcurement(c *ctx) {
	c.parts("/procurement/amount", []string{"/procurement/goods", "/procurement/works", "/procurement/services"}, 0)
}

func balanceBudget(c *ctx) {
	if c.doc.Document.Kind != schema.KindBudget {
		return
	}
	r, ok1 := c.fig("/revenue/total")
	e, ok2 := c.fig("/expenditure/total")
	if !ok1 || !ok2 {
		return
	}
	c.report(finding{stated: r.v, computed: e.v, unit: "yuan", tol: halves(r, e), figs: []rfig{r, e},
		paths: []string{"/revenue/total", "/expenditure/total"},
		msg:   "收入总计与支出总计", msgEn: "revenue total against expenditure total"})
}

// balanceGeneral: a budget plans to spend the year's general budget
// appropriation (the 一般公共预算 source), and its general budget
// appropriations' expenditure is that and what was carried over — equal
// where nothing carried over is stated (every budget of data/ and the
// probes stating both), and not less where it is.
func balanceGeneral(c *ctx) {
	d := c.doc
	if d.Document.Kind != schema.KindBudget || d.Revenue == nil {
		return
	}
	e, ok := c.fig("/expenditure/general/amount")
	if !ok {
		return
	}
	for i, s := range d.Revenue.Sources {
		if s.Name != "一般公共预算" {
			continue
		}
		p := "/revenue/sources/" + strconv.Itoa(i) + "/amount"
		r := c.figOf(p, s.Amount.Float())
		carried := d.Revenue.CarriedOver != nil && *d.Revenue.CarriedOver != 0
		c.report(finding{stated: e.v, computed: r.v, unit: "yuan", tol: halves(e, r), figs: []rfig{e, r}, atLeast: carried,
			paths: []string{"/expenditure/general/amount", p},
			msg:   "一般公共预算财政拨款支出与当年一般公共预算拨款收入", msgEn: "the general budget appropriations' expenditure against the year's general budget appropriation"})
		return
	}
}

// balanceFinal: a 决算's 收入总计 (the year's revenue, what was carried over
// and 用事业基金弥补收支差额) and its 支出总计 (the year's expenditure,
// 结余分配 and what is carried forward) are one sum — the 收入支出决算总表
// balances. A page that prints each side's 合计 as its 总计 (both totals
// equal to the year's amounts it states) compares the year's revenue with
// its expenditure, which differ by the year's surplus: not compared; nor
// totals whose lines do not call them 总计 ("本单位收入为…", "支出为…": the
// year's amounts).
func balanceFinal(c *ctx) {
	if c.doc.Document.Kind != schema.KindFinalAccounts {
		return
	}
	r, ok1 := c.fig("/revenue/total")
	e, ok2 := c.fig("/expenditure/total")
	if !ok1 || !ok2 || !c.namedTotal("/revenue/total") || !c.namedTotal("/expenditure/total") {
		return
	}
	same := func(total rfig, base string) bool {
		cur, ok := c.fig(base + "/current_year")
		return ok && math.Abs(cur.v-total.v) <= halves(cur, total)
	}
	if same(r, "/revenue") && same(e, "/expenditure") && math.Abs(r.v-e.v) > halves(r, e) {
		return
	}
	c.report(finding{stated: r.v, computed: e.v, unit: "yuan", tol: halves(r, e), figs: []rfig{r, e},
		paths: []string{"/revenue/total", "/expenditure/total"},
		msg:   "收入总计与支出总计", msgEn: "revenue total against expenditure total"})
}

// namedTotal tells a figure whose source line calls it 总计 (總計; the
// characters may be spaced apart, as a table's row name).
func (c *ctx) namedTotal(ptr string) bool {
	line := strings.ReplaceAll(strings.ReplaceAll(c.doc.Provenance[ptr].Text, " ", ""), "　", "")
	return strings.Contains(line, "总计") || strings.Contains(line, "總計")
}

func sumCarried(c *ctx) {
	for _, side := range []struct{ base, carried string }{{"/revenue", "/carried_over"}, {"/expenditure", "/carried_forward"}} {
		t, ok1 := c.fig(side.base + "/total")
		cur, ok2 := c.fig(side.base + "/current_year")
		car, ok3 := c.fig(side.base + side.carried)
		if !ok1 || !ok2 {
			continue
		}
		if !ok3 { // what is carried is never negative: the total is at least the year's
			c.report(finding{stated: t.v, computed: cur.v, unit: "yuan", tol: halves(t, cur), figs: []rfig{t, cur},
				paths: []string{side.base + "/total", side.base + "/current_year"}, atLeast: true,
				msg: "总计小于本年数（结转结余未列出，不能为负）", msgEn: "the total is less than the year's amount (nothing carried is stated, and what is carried is never negative)"})
			continue
		}
		paths := []string{side.base + "/total", side.base + "/current_year", side.base + side.carried}
		c.reportSum(cur.v+car.v, t, []rfig{t, cur, car}, paths, nil, false)
	}
}

// fiscalSummary compares the two totals where they must agree: every
// source is 财政拨款 (or one of its parts) and nothing is carried over.
func fiscalSummary(c *ctx) {
	r := c.doc.Revenue
	f, ok1 := c.fig("/revenue/fiscal_total")
	t, ok2 := c.fig("/revenue/total")
	if !ok1 || !ok2 || r == nil || len(r.Sources) == 0 || r.CarriedOver != nil && *r.CarriedOver != 0 {
		return
	}
	// the sources listed must be all the revenue: they add up to it
	fiscal := false
	var sum float64
	var figs []rfig
	for i, s := range r.Sources {
		switch {
		case s.Name == "财政拨款" || s.PartOf == "财政拨款":
			fiscal = fiscal || s.Amount != 0
		case s.Amount != 0:
			return // money from elsewhere: the totals may differ
		}
		if s.PartOf == "" {
			sum += s.Amount.Float()
			figs = append(figs, c.figOf("/revenue/sources/"+strconv.Itoa(i)+"/amount", s.Amount.Float()))
		}
	}
	if d := sum - t.v; !fiscal || d > halves(append(figs, t)...) || -d > halves(append(figs, t)...) {
		return
	}
	c.report(finding{stated: f.v, computed: t.v, unit: "yuan", tol: halves(f, t), figs: []rfig{f, t},
		paths: []string{"/revenue/fiscal_total", "/revenue/total"},
		msg:   "财政拨款收支总计与收支总表的收入总计", msgEn: "the appropriations' total against the summary's revenue total"})
}

// generalBudget compares 财政拨款 with its 一般公共预算 part where the two
// must agree: the document states no 政府性基金 and no 国有资本经营 money.
func generalBudget(c *ctx) {
	d := c.doc
	if d.Revenue == nil || d.GovernmentFund == nil || d.GovernmentFund.Amount != 0 || d.StateCapital == nil || d.StateCapital.Amount != 0 {
		return
	}
	fi, gi := -1, -1
	for i, s := range d.Revenue.Sources {
		switch {
		case s.Name == "财政拨款":
			fi = i
		case s.Name == "一般公共预算" && s.PartOf == "财政拨款":
			gi = i
		}
	}
	if fi < 0 || gi < 0 {
		return
	}
	fp, gp := "/revenue/sources/"+strconv.Itoa(fi)+"/amount", "/revenue/sources/"+strconv.Itoa(gi)+"/amount"
	f, _ := c.fig(fp)
	g, _ := c.fig(gp)
	c.report(finding{stated: g.v, computed: f.v, unit: "yuan", tol: halves(f, g), figs: []rfig{g, f},
		paths: []string{gp, fp, "/government_fund/amount", "/state_capital/amount"},
		msg:   "一般公共预算拨款与财政拨款（政府性基金与国有资本经营均为 0）", msgEn: "general-budget appropriations against all appropriations (no government funds, no state capital)"})
}

// generalExpenditure: the general budget appropriations' expenditure is
// part of the year's, never more than 本年支出合计 (or, not stated, 支出总计);
// in a budget whose every yuan is a general-budget appropriation it is the
// expenditure total (allGeneral).
func generalExpenditure(c *ctx) {
	g, ok := c.fig("/expenditure/general/amount")
	if !ok {
		return
	}
	if c.allGeneral() {
		t, _ := c.fig("/expenditure/total")
		c.report(finding{stated: t.v, computed: g.v, unit: "yuan", tol: halves(g, t), figs: []rfig{t, g},
			paths: []string{"/expenditure/total", "/expenditure/general/amount"},
			msg:   "支出总计与一般公共预算财政拨款支出（全部收入为一般公共预算拨款）", msgEn: "the expenditure total against the general budget appropriations' expenditure (every yuan is a general-budget appropriation)"})
		return
	}
	whole := c.expenditureTotal()
	w, ok := c.fig(whole)
	if !ok {
		return
	}
	c.report(finding{stated: w.v, computed: g.v, unit: "yuan", tol: halves(g, w), figs: []rfig{w, g}, atLeast: true,
		paths: []string{whole, "/expenditure/general/amount"},
		msg:   "本年支出与一般公共预算财政拨款支出（其一部分）", msgEn: "the year's expenditure against the general budget appropriations' expenditure (a part of it)"})
}

// allGeneral tells a budget whose every yuan is a general-budget
// appropriation: its totals balance, and its 一般公共预算 source — or, with
// no government fund or state capital, its 财政拨款 — is the revenue total.
func (c *ctx) allGeneral() bool {
	d := c.doc
	if d.Document.Kind != schema.KindBudget || d.Revenue == nil || d.Expenditure == nil {
		return false
	}
	rt, ok1 := c.fig("/revenue/total")
	et, ok2 := c.fig("/expenditure/total")
	if !ok1 || !ok2 || rt.v != et.v {
		return false
	}
	noFunds := (d.GovernmentFund == nil || d.GovernmentFund.Amount == 0) && (d.StateCapital == nil || d.StateCapital.Amount == 0)
	for _, s := range d.Revenue.Sources {
		if s.Amount.Float() == rt.v && (s.Name == "一般公共预算" || s.Name == "财政拨款" && noFunds) {
			return true
		}
	}
	return false
}

// fiscalTotal: 财政拨款收入支出总计 holds this year's appropriations and
// what they carry over, so it cannot be less than this year's.
func fiscalTotal(c *ctx) {
	f, ok := c.fig("/revenue/fiscal_total")
	if !ok || c.doc.Revenue == nil {
		return
	}
	for i, s := range c.doc.Revenue.Sources {
		if s.Name != "财政拨款" {
			continue
		}
		p := "/revenue/sources/" + strconv.Itoa(i) + "/amount"
		a := c.figOf(p, s.Amount.Float())
		c.report(finding{stated: f.v, computed: a.v, unit: "yuan", tol: halves(f, a), figs: []rfig{f, a}, atLeast: true,
			paths: []string{"/revenue/fiscal_total", p},
			msg:   "财政拨款收入支出总计与本年财政拨款收入", msgEn: "appropriations in total against this year's appropriations"})
	}
}

// structural findings come from the extractor's warnings about the text
func structural(c *ctx, reason, msg, msgEn string, numbers func(w schema.Warning) (float64, float64)) {
	var lines []int
	var stated, computed float64
	n := 0
	for _, w := range c.doc.Warnings {
		if !strings.HasPrefix(w.Reason, reason) {
			continue
		}
		var more int
		if _, err := fmt.Sscanf(w.Reason[len(reason):], ": %d more", &more); err == nil {
			n += more // the extractor lists the first ones and counts the rest
			continue
		}
		lines = append(lines, w.Line)
		stated, computed = numbers(w)
		n++
	}
	if n == 0 {
		return
	}
	if reason == schema.WarnPlaceholder {
		stated, computed = float64(n), 0
	}
	unit := "count"
	if reason == schema.WarnHeadingYear {
		unit = "year"
	}
	c.report(finding{stated: stated, computed: computed, unit: unit, tol: 0, lines: lines, paths: []string{"/warnings"},
		msg: msg, msgEn: msgEn})
}

func placeholder(c *ctx) {
	structural(c, schema.WarnPlaceholder, "占位符处数（应为 0）", "placeholders found (should be none)",
		func(schema.Warning) (float64, float64) { return 0, 0 })
}

// missingSection reports each mandatory explanation the narrative never
// mentions: mentioned 0 times, at least 1 expected.
func missingSection(c *ctx) {
	missing(c, schema.WarnMissingSection, func(name string) (string, string) {
		en := name
		for _, s := range schema.MandatorySections {
			if s.Name == name {
				en = s.NameEn
			}
		}
		return "全文提及" + name + "的次数（应至少 1 处）", "mentions of " + en + " in the text (at least 1 expected)"
	})
}

// missingTable reports each standard table a document with tables lacks.
func missingTable(c *ctx) {
	missing(c, schema.WarnMissingTable, func(name string) (string, string) {
		return "标准表“" + name + "”的张数（应为 1 张）", "tables titled like " + name + " (1 expected)"
	})
}

// missing reports one finding for each warning of reason: 0 found, 1 expected.
func missing(c *ctx, reason string, describe func(name string) (zh, en string)) {
	for _, w := range c.doc.Warnings {
		if name, ok := strings.CutPrefix(w.Reason, reason+": "); ok {
			zh, en := describe(name)
			c.report(finding{stated: 0, computed: 1, unit: "count", paths: []string{"/warnings"}, msg: zh, msgEn: en})
		}
	}
}

func headingYear(c *ctx) {
	structural(c, schema.WarnHeadingYear, "标题中的年度与文件年度", "the heading's year against the document's",
		func(w schema.Warning) (float64, float64) {
			var y, fy float64
			fmt.Sscanf(w.Reason[len(schema.WarnHeadingYear)+2:], "%g, not %g", &y, &fy)
			return y, fy
		})
}

// coreName strips what project names add around their core.
func coreName(s string) string {
	for _, w := range []string{"项目", "经费", "资金", "工作", "专项", "“", "”", "，", ",", " "} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

func projectPerformance(c *ctx) {
	e, p := c.doc.Expenditure, c.doc.Performance
	if e == nil || p == nil {
		return
	}
	for i, pp := range p.Projects {
		if pp.Amount == nil {
			continue
		}
		for j, ep := range e.Projects {
			if coreName(ep.Name) == "" || coreName(ep.Name) != coreName(pp.Name) {
				continue
			}
			a := "/expenditure/projects/" + strconv.Itoa(j) + "/amount"
			b := "/performance/projects/" + strconv.Itoa(i) + "/amount"
			fb, fa := c.figOf(b, pp.Amount.Float()), c.figOf(a, ep.Amount.Float())
			c.report(finding{stated: fb.v, computed: fa.v, unit: "yuan", tol: halves(fb, fa), figs: []rfig{fb, fa},
				paths: []string{b, a},
				msg:   "绩效目标中的“" + pp.Name + "”与项目支出中的“" + ep.Name + "”",
				msgEn: "the performance section's project against the expenditure section's line"})
		}
	}
}

// crossParts compares the figures of a disclosure published as several
// files: where two state one figure with two amounts, the merge keeps one
// and the other file's is a part claim.
func crossParts(c *ctx) {
	name := func(file int) string {
		if src := c.doc.Document.Sources; file < len(src) {
			return path.Base(src[file].Path)
		}
		return strconv.Itoa(file)
	}
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimPart {
			continue
		}
		v, ok := c.num(cl.Path)
		if !ok {
			continue
		}
		at := c.doc.Provenance[cl.Path]
		st, f := claimFig(cl), c.figOf(cl.Path, v)
		c.report(finding{stated: cl.Value, computed: v, unit: "yuan", tol: halves(st, f), figs: []rfig{st, f},
			paths: []string{cl.Path}, lines: []int{cl.Line, at.Line},
			msg:   fmt.Sprintf("%s 第%d行与 %s 第%d行", name(cl.File), cl.Line, name(at.File), at.Line),
			msgEn: fmt.Sprintf("%s line %d against %s line %d", name(cl.File), cl.Line, name(at.File), at.Line)})
	}
}
