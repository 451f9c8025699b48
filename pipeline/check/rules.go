package check

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"budgetpub/schema"
)

var rules = []Rule{
	{"yoy.change", schema.SeverityWarning, "同比变动额不符", "Stated change does not match the two years' figures", yoyChange},
	{"yoy.parts_change", schema.SeverityWarning, "各部分变动额之和不等于总变动额", "The changes stated for the parts do not add up to the total's", partsChange},
	{"restate.change", schema.SeverityWarning, "同一数字的变动额前后不一致", "One figure's change is stated twice with two amounts", restateChange},
	{"yoy.change_pct", schema.SeverityWarning, "同比变动率不符", "Stated percentage change does not match", yoyChangePct},
	{"execution.pct", schema.SeverityWarning, "预算完成率不符", "Stated completion rate does not match 决算数 / 预算数", executionPct},
	{"execution.sign", schema.SeverityWarning, "决算数与预算数的大小关系表述不符", "The text says 决算数 is above, below or equal to 预算数, and the figures say otherwise", executionSign},
	{"share.pct", schema.SeverityWarning, "占比不符", "Stated share does not match part / total", sharePct},
	{"restate.amount", schema.SeverityWarning, "同一数字前后不一致", "The same figure is stated with two amounts", restateAmount},
	{"restate.prior_year", schema.SeverityWarning, "上年数前后不一致", "The prior-year figure is stated with two amounts", restatePrior},
	{"sum.function", schema.SeverityError, "功能分类合计不等于支出总额", "Functional classes do not add up to the expenditure", sumFunction},
	{"sum.function_items", schema.SeverityError, "项级科目之和超过类合计", "Items add up to more than their functional class", sumFunctionItems},
	{"sum.economic", schema.SeverityWarning, "经济分类合计不等于基本支出", "Economic classes do not add up to basic expenditure", sumEconomic},
	{"sum.economic_items", schema.SeverityError, "经济分类明细之和超过类合计", "Economic items add up to more than their class", sumEconomicItems},
	{"sum.basic_project", schema.SeverityError, "基本支出与项目支出之和不等于支出合计", "Basic plus project expenditure does not match the total", sumBasicProject},
	{"sum.basic_parts", schema.SeverityError, "人员经费与公用经费之和不等于基本支出", "Personnel plus public expenses do not match basic expenditure", sumBasicParts},
	{"sum.projects", schema.SeverityError, "项目明细之和不等于项目支出", "Project lines do not add up to project expenditure", sumProjects},
	{"sum.revenue_sources", schema.SeverityError, "收入来源之和不等于收入合计", "Revenue sources do not add up to the revenue", sumSources},
	{"sum.three_public", schema.SeverityError, "“三公”经费分项之和不等于合计", "The three public expenses do not add up to their total", sumThreePublic},
	{"sum.vehicle", schema.SeverityError, "公务用车购置费与运行费之和不等于公务用车购置及运行费", "Vehicle purchase plus operation does not match their subtotal", sumVehicle},
	{"sum.assets", schema.SeverityError, "资产分类之和不等于资产总额", "Asset categories do not add up to the asset total", sumAssets},
	{"sum.procurement", schema.SeverityError, "政府采购分项之和不等于采购总额", "Procurement parts do not add up to the total", sumProcurement},
	{"balance.budget", schema.SeverityError, "预算收支不平衡", "Budgeted revenue and expenditure differ", balanceBudget},
	{"sum.carried", schema.SeverityError, "总计不等于本年数与结转结余之和", "The total is not the current year plus the amounts carried over", sumCarried},
	{"sum.fiscal_total", schema.SeverityError, "财政拨款收支总计小于本年财政拨款收入", "Appropriations in total are less than this year's appropriations", fiscalTotal},
	{"cross.fiscal_summary", schema.SeverityWarning, "全部收入为财政拨款时，收支总表总计应等于财政拨款收支总表总计", "When all revenue is appropriations, the summary's total must equal the appropriations' total", fiscalSummary},
	{"cross.general_budget", schema.SeverityWarning, "无政府性基金和国有资本经营预算时，财政拨款应等于一般公共预算拨款", "With no government funds and no state capital, appropriations must equal the general budget's", generalBudget},
	{"structure.placeholder", schema.SeverityError, "文本中留有模板占位符", "Template placeholders left in the text", placeholder},
	{"structure.missing_section", schema.SeverityWarning, "缺少必须公开的说明", "A mandatory explanation is missing", missingSection},
	{"structure.missing_table", schema.SeverityWarning, "缺少标准公开表", "A standard table is missing", missingTable},
	{"structure.heading_year", schema.SeverityWarning, "标题年度与文件年度不符", "A heading names another year than the document", headingYear},
	{"cross.project_performance", schema.SeverityWarning, "同一项目在不同部分金额不一致", "One project carries two amounts in two sections", projectPerformance},
	{"cross.parts", schema.SeverityWarning, "同一公开文件的两个文件数字不一致", "Two files of one disclosure (a text part and a tables part) state one figure with two amounts", crossParts},
}

// priorOf resolves the prior-year figure of a claim's path. Assets compare
// the year end with the year start.
func (c *ctx) priorOf(path string) (float64, string, bool) {
	if path == "/assets" {
		v, ok := c.num("/assets/start/total")
		return v, "/assets/start/total", ok
	}
	if strings.HasPrefix(path, "/assets/end/by_category/") {
		name, _ := c.get(path + "/name")
		for i := 0; ; i++ {
			p := "/assets/start/by_category/" + strconv.Itoa(i)
			n, ok := c.get(p + "/name")
			if !ok {
				return 0, "", false
			}
			if n == name {
				v, ok := c.num(p + "/amount")
				return v, p + "/amount", ok
			}
		}
	}
	v, ok := c.num(path + "/prior_year")
	return v, path + "/prior_year", ok
}

func (c *ctx) currentOf(path string) (float64, string, bool) {
	if path == "/assets" {
		v, ok := c.num("/assets/end/total")
		return v, "/assets/end/total", ok
	}
	return c.amountOf(path)
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
		c.report(finding{
			stated: cl.Value, computed: cur - prior, unit: "yuan",
			tol:   claimRounding(cl) + rounding(cur) + rounding(prior),
			paths: []string{cp, pp}, lines: []int{cl.Line, c.line(cp), c.line(pp)},
			msg: quote(cl), msgEn: quoteEn(cl, "the change against the prior year"),
		})
	}
}

func yoyChangePct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimChangePct {
			continue
		}
		cur, cp, ok := c.currentOf(cl.Path)
		if !ok {
			continue
		}
		prior, pp, ok := c.priorOf(cl.Path)
		if !ok { // the prior follows from a stated change of the same figure
			if o, found := c.changeBeside(cl); found {
				prior, pp, ok = cur-o.Value, "", true
			}
		}
		if !ok || prior == 0 {
			continue
		}
		computed := (cur - prior) / math.Abs(prior) * 100
		// growth rates are often taken against a base defined a little
		// differently (上年预算 or 上年执行): a tenth of a point is forgiven
		tol := max(claimRounding(cl)+(rounding(cur)+rounding(prior))/math.Abs(prior)*100, 0.1)
		paths := []string{cp}
		if pp != "" {
			paths = append(paths, pp)
		}
		c.report(finding{
			stated: cl.Value, computed: computed, unit: "%", tol: tol, paths: paths,
			lines: []int{cl.Line, c.line(cp), c.line(pp)},
			msg:   quote(cl), msgEn: quoteEn(cl, "the percentage change"),
		})
	}
}

// sentenceLines is how many lines one sentence may take: default-mode
// text breaks a paragraph's lines into fragments ("134 万元，降幅" / "0.66"
// / "%。主要").
const sentenceLines = 4

// changeBeside is the stated change of a percentage's figure in its
// sentence: the nearest change claim of the same path within
// sentenceLines, an earlier one on a tie.
func (c *ctx) changeBeside(pct schema.Claim) (schema.Claim, bool) {
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
		if o.Path != pct.Path || o.Kind != schema.ClaimChange || o.Line-pct.Line > sentenceLines || pct.Line-o.Line > sentenceLines {
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
func (c *ctx) executed(cl schema.Claim) (actual, budget float64, ap, bp string, ok bool) {
	actual, ap, ok1 := c.amountOf(cl.Path)
	budget, ok2 := c.num(cl.Path + "/budgeted")
	return actual, budget, ap, cl.Path + "/budgeted", ok1 && ok2
}

func executionPct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimExecutionPct {
			continue
		}
		actual, budget, ap, bp, ok := c.executed(cl)
		if !ok || budget == 0 {
			continue
		}
		c.report(finding{
			stated: cl.Value, computed: actual / budget * 100, unit: "%",
			tol:   claimRounding(cl) + (rounding(actual)+rounding(budget))/budget*100,
			paths: []string{ap, bp}, lines: []int{cl.Line, c.line(ap), c.line(bp)},
			msg: quote(cl), msgEn: quoteEn(cl, "the completion rate"),
		})
	}
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
		diff := actual - budget
		sign := 0.0
		if tol := rounding(actual) + rounding(budget); diff > tol {
			sign = 1
		} else if diff < -tol {
			sign = -1
		}
		if sign == cl.Value {
			continue
		}
		words := map[float64]string{-1: "小于", 0: "等于", 1: "大于"}
		wordsEn := map[float64]string{-1: "below", 0: "equal to", 1: "above"}
		c.report(finding{
			stated: cl.Value, computed: sign, unit: "sign", paths: []string{ap, bp}, lines: []int{cl.Line, c.line(ap), c.line(bp)},
			msg: fmt.Sprintf("第%d行称决算数%s预算数，而决算数 %s 元、预算数 %s 元", cl.Line, words[cl.Value], fmtNum(actual), fmtNum(budget)),
			msgEn: fmt.Sprintf("line %d says 决算数 is %s 预算数, while 决算数 is %s yuan and 预算数 %s yuan", cl.Line, wordsEn[cl.Value],
				fmtNum(actual), fmtNum(budget)),
		})
	}
}

func sharePct(c *ctx) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != schema.ClaimSharePct || cl.Of == "" {
			continue
		}
		part, pp, ok1 := c.amountOf(cl.Path)
		whole, ok2 := c.num(cl.Of)
		if !ok1 || !ok2 || whole == 0 {
			continue
		}
		c.report(finding{
			stated: cl.Value, computed: part / whole * 100, unit: "%",
			tol:   claimRounding(cl) + (rounding(part)+rounding(whole))/whole*100 + 0.01,
			paths: []string{pp, cl.Of}, lines: []int{cl.Line, c.line(pp), c.line(cl.Of)},
			msg: quote(cl), msgEn: quoteEn(cl, "a share"),
		})
	}
}

func restate(c *ctx, kind string, resolve func(string) (float64, string, bool)) {
	for _, cl := range c.doc.Claims {
		if cl.Kind != kind {
			continue
		}
		v, p, ok := resolve(cl.Path)
		if !ok {
			continue
		}
		c.report(finding{
			stated: cl.Value, computed: v, unit: "yuan", tol: claimRounding(cl) + rounding(v),
			paths: []string{p}, lines: []int{cl.Line, c.line(p)},
			msg: "第" + strconv.Itoa(c.line(p)) + "行与第" + strconv.Itoa(cl.Line) + "行", msgEn: "lines " + strconv.Itoa(c.line(p)) + " and " + strconv.Itoa(cl.Line),
		})
	}
}

func restateAmount(c *ctx) { restate(c, schema.ClaimAmount, c.amountOf) }
func restatePrior(c *ctx)  { restate(c, schema.ClaimPriorYear, c.priorOf) }

// sum compares the sum of the amounts under base (an array) with a total.
// partialOK: a sum below the total may be a list that names only some
// parts, so it is info.
func (c *ctx) sum(base, field, total string, partialOK bool, skip func(i int) bool) {
	want, ok := c.num(total)
	if !ok {
		return
	}
	var got, tol float64
	var paths []string
	n := 0
	for i := 0; ; i++ {
		p := base + "/" + strconv.Itoa(i)
		if _, ok := c.get(p); !ok {
			break
		}
		if skip != nil && skip(i) {
			continue
		}
		v, ok := c.num(p + field)
		if !ok {
			continue
		}
		got += v
		tol += rounding(v)
		paths = append(paths, p+field)
		n++
	}
	if n < 2 && !(n == 1 && got > want) {
		return
	}
	tol += rounding(want)
	c.reportSum(got, want, tol, append([]string{total}, paths...), partialOK)
}

func (c *ctx) reportSum(got, want, tol float64, paths []string, partialOK bool) {
	f := finding{stated: want, computed: got, unit: "yuan", tol: tol, paths: paths,
		msg: "合计与各分项之和", msgEn: "the total against the sum of its parts"}
	if partialOK && got < want-tol {
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
	c.sum("/expenditure/by_function", "/amount", c.expenditureTotal(), true, nil)
}

func sumFunctionItems(c *ctx) { c.sumItems("/expenditure/by_function/") }

// sumItems compares each class under base with the sum of its items.
func (c *ctx) sumItems(base string) {
	for i := 0; ; i++ {
		p := base + strconv.Itoa(i)
		if _, ok := c.get(p); !ok {
			return
		}
		c.sum(p+"/items", "/amount", p+"/amount", true, nil)
	}
}

func sumEconomic(c *ctx) {
	c.sum("/expenditure/by_economic", "/amount", "/expenditure/basic/amount", true, nil)
}

func sumEconomicItems(c *ctx) { c.sumItems("/expenditure/by_economic/") }

func sumBasicProject(c *ctx) {
	total := c.expenditureTotal()
	c.parts(total, []string{"/expenditure/basic/amount", "/expenditure/project/amount", "/expenditure/reserve/amount"}, false)
}

// restateChange: some figures are one quantity in every year — revenue
// and expenditure totals; 财政拨款收入支出总计, 财政拨款 and 一般公共预算 when
// they are equal — so the changes stated for them must agree.
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
		g := group(cl.Path)
		if g == 0 {
			continue
		}
		if cur, _, ok := c.currentOf(cl.Path); ok && cur != 0 {
			all = append(all, stated{cl, cur, g})
		}
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.group != b.group || a.cur != b.cur || a.cl.Path == b.cl.Path {
				continue
			}
			c.report(finding{stated: a.cl.Value, computed: b.cl.Value, unit: "yuan", tol: claimRounding(a.cl) + claimRounding(b.cl),
				paths: []string{a.cl.Path, b.cl.Path}, lines: []int{a.cl.Line, b.cl.Line},
				msg: "第" + strconv.Itoa(a.cl.Line) + "行与第" + strconv.Itoa(b.cl.Line) + "行所述变动额", msgEn: "the changes stated on lines " + strconv.Itoa(a.cl.Line) + " and " + strconv.Itoa(b.cl.Line)})
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

// partsChange: the changes stated for basic, project (and reserve) add up to
// the change stated for the total.
func partsChange(c *ctx) {
	total, ok := c.firstChange("/expenditure")
	if !ok {
		return
	}
	var sum, tol float64
	lines := []int{total.Line}
	paths := []string{"/expenditure"}
	for _, p := range []string{"/expenditure/basic", "/expenditure/project", "/expenditure/reserve"} {
		if _, present := c.get(p); !present {
			continue
		}
		cl, ok := c.firstChange(p)
		if !ok {
			return
		}
		sum += cl.Value
		tol += claimRounding(cl)
		lines = append(lines, cl.Line)
		paths = append(paths, p)
	}
	if len(paths) < 3 {
		return
	}
	c.report(finding{stated: total.Value, computed: sum, unit: "yuan", tol: tol + claimRounding(total), paths: paths, lines: lines,
		msg: "总变动额与各部分变动额之和", msgEn: "the total's change against the sum of the parts' changes"})
}

func sumProjects(c *ctx) {
	c.sum("/expenditure/projects", "/amount", "/expenditure/project/amount", true, nil)
}

func sumSources(c *ctx) {
	total := "/revenue/total"
	if _, ok := c.num("/revenue/current_year"); ok {
		total = "/revenue/current_year"
	}
	c.sum("/revenue/sources", "/amount", total, true, func(i int) bool {
		v, _ := c.get("/revenue/sources/" + strconv.Itoa(i) + "/part_of")
		return v != nil && v != ""
	})
}

// parts compares a total with the named parts that are present. When some
// part is absent, a sum below the total is a partial list (info), unless
// every part is required.
func (c *ctx) parts(total string, parts []string, required bool) {
	t, ok := c.num(total)
	if !ok {
		return
	}
	var got, tol float64
	paths := []string{total}
	for _, p := range parts {
		v, ok := c.num(p)
		if !ok {
			if required {
				return
			}
			continue
		}
		got += v
		tol += rounding(v)
		paths = append(paths, p)
	}
	if len(paths) == 1 {
		return
	}
	c.reportSum(got, t, tol+rounding(t), paths, len(paths)-1 < len(parts))
}

func sumThreePublic(c *ctx) {
	parts := []string{"/three_public/overseas_travel/amount", "/three_public/reception/amount",
		"/three_public/vehicle_purchase/amount", "/three_public/vehicle_operation/amount"}
	_, p := c.num(parts[2])
	_, o := c.num(parts[3])
	if _, v := c.num("/three_public/vehicle/amount"); v && !p && !o {
		parts = append(parts[:2], "/three_public/vehicle/amount") // the subtotal stands for its parts
	}
	c.parts("/three_public/total", parts, false)
}

func sumBasicParts(c *ctx) {
	c.parts("/expenditure/basic/amount", []string{"/expenditure/personnel/amount", "/expenditure/public_expenses/amount"}, true)
}

func sumVehicle(c *ctx) {
	c.parts("/three_public/vehicle/amount", []string{"/three_public/vehicle_purchase/amount", "/three_public/vehicle_operation/amount"}, true)
}

func sumAssets(c *ctx) {
	for _, s := range []string{"/assets/start", "/assets/end"} {
		c.sum(s+"/by_category", "/amount", s+"/total", false, nil)
	}
}

func sumProcurement(c *ctx) {
	c.parts("/procurement/amount", []string{"/procurement/goods", "/procurement/works", "/procurement/services"}, true)
}

func balanceBudget(c *ctx) {
	if c.doc.Document.Kind != schema.KindBudget {
		return
	}
	r, ok1 := c.num("/revenue/total")
	e, ok2 := c.num("/expenditure/total")
	if !ok1 || !ok2 {
		return
	}
	c.report(finding{stated: r, computed: e, unit: "yuan", tol: rounding(r) + rounding(e),
		paths: []string{"/revenue/total", "/expenditure/total"},
		msg:   "收入总计与支出总计", msgEn: "revenue total against expenditure total"})
}

func sumCarried(c *ctx) {
	for _, side := range []struct{ base, carried string }{{"/revenue", "/carried_over"}, {"/expenditure", "/carried_forward"}} {
		t, ok1 := c.num(side.base + "/total")
		cur, ok2 := c.num(side.base + "/current_year")
		car, ok3 := c.num(side.base + side.carried)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		paths := []string{side.base + "/total", side.base + "/current_year", side.base + side.carried}
		c.reportSum(cur+car, t, rounding(t)+rounding(cur)+rounding(car), paths, false)
	}
}

// fiscalSummary compares the two totals where they must agree: every
// source is 财政拨款 (or one of its parts) and nothing is carried over.
func fiscalSummary(c *ctx) {
	r := c.doc.Revenue
	f, ok1 := c.num("/revenue/fiscal_total")
	t, ok2 := c.num("/revenue/total")
	if !ok1 || !ok2 || r == nil || len(r.Sources) == 0 || r.CarriedOver != nil && *r.CarriedOver != 0 {
		return
	}
	// the sources listed must be all the revenue: they add up to it
	fiscal := false
	var sum float64
	for _, s := range r.Sources {
		switch {
		case s.Name == "财政拨款" || s.PartOf == "财政拨款":
			fiscal = fiscal || s.Amount != 0
		case s.Amount != 0:
			return // money from elsewhere: the totals may differ
		}
		if s.PartOf == "" {
			sum += s.Amount.Float()
		}
	}
	if !fiscal || math.Abs(sum-t) > rounding(sum)+rounding(t) {
		return
	}
	c.report(finding{stated: f, computed: t, unit: "yuan", tol: rounding(f) + rounding(t),
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
	f, g := d.Revenue.Sources[fi].Amount.Float(), d.Revenue.Sources[gi].Amount.Float()
	c.report(finding{stated: g, computed: f, unit: "yuan", tol: rounding(f) + rounding(g),
		paths: []string{gp, fp, "/government_fund/amount", "/state_capital/amount"},
		msg:   "一般公共预算拨款与财政拨款（政府性基金与国有资本经营均为 0）", msgEn: "general-budget appropriations against all appropriations (no government funds, no state capital)"})
}

// fiscalTotal: 财政拨款收入支出总计 holds this year's appropriations and
// what they carry over, so it cannot be less than this year's.
func fiscalTotal(c *ctx) {
	f, ok := c.num("/revenue/fiscal_total")
	if !ok || c.doc.Revenue == nil {
		return
	}
	for i, s := range c.doc.Revenue.Sources {
		if s.Name != "财政拨款" {
			continue
		}
		p := "/revenue/sources/" + strconv.Itoa(i) + "/amount"
		a := s.Amount.Float()
		if f+rounding(f)+rounding(a) < a {
			c.report(finding{stated: f, computed: a, unit: "yuan", paths: []string{"/revenue/fiscal_total", p},
				msg: "财政拨款收入支出总计与本年财政拨款收入", msgEn: "appropriations in total against this year's appropriations"})
		}
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
			c.report(finding{stated: pp.Amount.Float(), computed: ep.Amount.Float(), unit: "yuan",
				tol:   rounding(pp.Amount.Float()) + rounding(ep.Amount.Float()),
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
		c.report(finding{stated: cl.Value, computed: v, unit: "yuan", tol: rounding(cl.Value) + rounding(v),
			paths: []string{cl.Path}, lines: []int{cl.Line, at.Line},
			msg:   fmt.Sprintf("%s 第%d行与 %s 第%d行", name(cl.File), cl.Line, name(at.File), at.Line),
			msgEn: fmt.Sprintf("%s line %d against %s line %d", name(cl.File), cl.Line, name(at.File), at.Line)})
	}
}
