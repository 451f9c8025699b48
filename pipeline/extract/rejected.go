package extract

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Rejected tables. A table whose rows do not add up is left out of the
// model (a wrong number is worse than a missing one), but what it prints is
// still a statement of the document: where the table was read from text
// that keeps its columns (pdftotext -layout) and every figure taken sits on
// its own row's line, the reading is the document's, and a sum that fails
// is the document's inconsistency, not a misreading. Those figures become
// table claims: each row with the model figure it stands for (restate.table
// compares the two) and with the total it is a part of (sum.table adds the
// parts up). Default-mode text, whose cells pdftotext may emit out of
// order, gives none.

// tableRow is one figure a table reader took: ref names what it is
// (resolved to a model pointer when every table is read), of the ref of
// the total it is a part of ("" for none).
type tableRow struct {
	ref, of string
	tok     token
	line    int // the line of the row's name
}

// pendingClaim is a table claim whose path waits for the model.
type pendingClaim struct {
	claim   schema.Claim
	ref, of string
}

// Refs of table rows: the 合计, an economic class or item by its code, the
// 机关运行经费 total.
const (
	refTotal     = "total"
	refEconomic  = "economic:" // + code of a class (301) or item (30101)
	refOperating = "operating"
	refBasic     = "basic"   // 支出总表's 基本支出
	refProject   = "project" // and 项目支出
)

// trusted tells whether a table's reading is the document's: the table
// keeps its columns, and each figure is on its row's line.
func trusted(t table, rows []tableRow) bool {
	if !t.laid || len(rows) == 0 {
		return false
	}
	for _, r := range rows {
		if r.tok.line != r.line {
			return false
		}
	}
	return true
}

// keepTable keeps the figures of a table that is not used, or not whole,
// as table claims, when its reading is trusted.
func (b *builder) keepTable(t table, rows []tableRow) {
	if !trusted(t, rows) {
		return
	}
	unit := "元"
	switch t.factor {
	case 10000:
		unit = "万元"
	case 100000000:
		unit = "亿元"
	}
	for _, r := range rows {
		b.pending = append(b.pending, pendingClaim{ref: r.ref, of: r.of, claim: schema.Claim{
			Kind: schema.ClaimTable, Value: t.value(r.tok).Float(), Decimals: r.tok.scale, Unit: unit,
			Line: r.tok.line, Text: strings.TrimSpace(b.st.src[r.tok.line-1]), Table: t.line,
		}})
	}
}

// tableClaims places the kept table figures: each on the model figure its
// row stands for, once every table and the text are read.
func (b *builder) tableClaims() {
	paths := map[[2]string]string{} // (table, ref) → path
	key := func(p pendingClaim, ref string) [2]string { return [2]string{strconv.Itoa(p.claim.Table), ref} }
	taken := map[string]bool{}
	for _, p := range b.pending {
		path := b.modelPath(p.ref)
		if path == "" { // the row's line, and the cell's place on it after the first
			path = "/tables/" + strconv.Itoa(p.claim.Table) + "/" + strconv.Itoa(p.claim.Line)
			for n := 2; taken[path]; n++ {
				path = "/tables/" + strconv.Itoa(p.claim.Table) + "/" + strconv.Itoa(p.claim.Line) + "/" + strconv.Itoa(n)
			}
		}
		taken[path] = true
		paths[key(p, p.ref)] = path
	}
	for _, p := range b.pending {
		cl := p.claim
		cl.Path = paths[key(p, p.ref)]
		if p.of != "" {
			cl.Of = paths[key(p, p.of)]
		}
		b.doc.Claims = append(b.doc.Claims, cl)
	}
}

// modelPath is the pointer of the model figure a ref stands for, "" when
// the model holds none.
func (b *builder) modelPath(ref string) string {
	switch e := b.doc.Expenditure; {
	case ref == refOperating && b.doc.OperatingCosts != nil:
		return "/operating_costs"
	case ref == refBasic && e != nil && e.Basic != nil:
		return "/expenditure/basic"
	case ref == refProject && e != nil && e.Project != nil:
		return "/expenditure/project"
	}
	code, ok := strings.CutPrefix(ref, refEconomic)
	if !ok || b.doc.Expenditure == nil || len(code) < 3 {
		return ""
	}
	for i, c := range b.doc.Expenditure.ByEconomic {
		if c.Code != code[:3] {
			continue
		}
		p := "/expenditure/by_economic/" + strconv.Itoa(i)
		if len(code) == 3 {
			return p
		}
		for k, it := range c.Items {
			if it.Code == code {
				return p + "/items/" + strconv.Itoa(k)
			}
		}
	}
	return ""
}
