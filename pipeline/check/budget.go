package check

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// crossBudget is the rule of Budget. It needs two documents, so Run and
// Relations pass it by; it is in the catalogue for its description.
var crossBudget = Rule{"cross.budget", schema.SeverityWarning, "决算所列预算数与公开的部门预算不符",
	"The final accounts' own 预算数 differs from the department's published budget for the year",
	"the rounding of both figures; a 预算数 the final accounts do not call 年初预算 may include the year's adjustments, so a difference in it is info", nil}

// Budget compares the 预算数 a department's final accounts state with the
// budget it published for the same year, and appends the findings to
// final.Checks: the “三公” total and each of its parts, and each functional
// 类/款/项 by code. A 预算数 stated as 年初预算 (the initial budget) must be
// the published budget's figure: a difference beyond rounding is a
// warning. One printed in a 预算数 column or called 全年预算 may include
// the year's adjustments and carried-over funds, so the same difference is
// info. Functional items are compared only when the budget's revenue is
// all 财政拨款: otherwise its items may include other funds.
func Budget(final, budget *schema.Document) {
	c, b := newCtx(final), newCtx(budget)
	c.rule = crossBudget
	src := path.Base(budget.Document.Source.Path)
	for _, p := range budgetPairs(final, budget) {
		stated, ok1 := c.num(p.final)
		published, ok2 := b.num(p.budget)
		if !ok1 || !ok2 {
			continue
		}
		sf, bf := c.figOf(p.final, stated), b.figOf(p.budget, published)
		f := finding{stated: stated, computed: published, unit: "yuan", tol: halves(sf, bf), figs: []rfig{sf, bf},
			paths: []string{p.final},
			msg: fmt.Sprintf("%s：决算所列预算数（陈述）对照 %d 年部门预算 %s 第 %d 行（计算）", p.zh, budget.Document.FiscalYear,
				src, budget.Provenance[p.budget].Line),
			msgEn: fmt.Sprintf("%s: the final accounts' 预算数 (stated) against the %d budget, %s line %d (computed)", p.en,
				budget.Document.FiscalYear, src, budget.Provenance[p.budget].Line)}
		if !strings.Contains(final.Provenance[p.final].Text, "年初") {
			f.severity = schema.SeverityInfo
			f.msg += "（该预算数未注明为年初预算，可能含年中调整）"
			f.msgEn += " (the 预算数 is not called 年初预算 and may include the year's adjustments)"
		}
		c.report(f)
	}
	final.Checks = append(final.Checks, c.out...)
}

// budgetPair is a figure's 预算数 in the final accounts and the same
// figure in the budget.
type budgetPair struct{ final, budget, zh, en string }

func budgetPairs(final, budget *schema.Document) []budgetPair {
	var out []budgetPair
	if ft, bt := final.ThreePublic, budget.ThreePublic; ft != nil && bt != nil {
		if ft.Budgeted != nil && bt.Total != nil {
			out = append(out, budgetPair{"/three_public/budgeted", "/three_public/total", "“三公”经费", "Three public expenses"})
		}
		bl := bt.Lines()
		for i, p := range ft.Lines() {
			if p.Figure != nil && p.Figure.Budgeted != nil && bl[i].Figure != nil {
				out = append(out, budgetPair{"/three_public/" + p.Key + "/budgeted", "/three_public/" + p.Key + "/amount", p.Name, p.NameEn})
			}
		}
	}
	if final.Expenditure == nil || budget.Expenditure == nil || !allAppropriations(budget) {
		return out
	}
	published := map[string]string{} // code → pointer of its amount in the budget ("": printed twice, 人员 and 公用 apart)
	var index func(items []schema.ClassItem, base string)
	index = func(items []schema.ClassItem, base string) {
		for i, it := range items {
			p := base + "/" + strconv.Itoa(i)
			if _, twice := published[it.Code]; twice {
				published[it.Code] = ""
			} else if it.Code != "" {
				published[it.Code] = p + "/amount"
			}
			index(it.Items, p+"/items")
		}
	}
	index(budget.Expenditure.ByFunction, "/expenditure/by_function")
	var walk func(items []schema.ClassItem, base string)
	walk = func(items []schema.ClassItem, base string) {
		for i, it := range items {
			p := base + "/" + strconv.Itoa(i)
			if bp := published[it.Code]; bp != "" && it.Budgeted != nil {
				out = append(out, budgetPair{p + "/budgeted", bp, it.Code + " " + it.Name, it.Code + " " + it.NameEn})
			}
			walk(it.Items, p+"/items")
		}
	}
	walk(final.Expenditure.ByFunction, "/expenditure/by_function")
	return out
}

// appropriations are the canonical names of 财政拨款 and its funds.
var appropriations = map[string]bool{"财政拨款": true, "一般公共预算": true, "政府性基金": true, "国有资本经营": true}

// allAppropriations tells whether a budget's revenue is all 财政拨款: no
// source other than appropriations has an amount.
func allAppropriations(d *schema.Document) bool {
	if d.Revenue == nil {
		return false
	}
	for _, s := range d.Revenue.Sources {
		if s.Amount != 0 && !appropriations[s.Name] {
			return false
		}
	}
	return len(d.Revenue.Sources) > 0
}
