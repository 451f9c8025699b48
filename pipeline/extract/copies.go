package extract

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Copies of a coded table. A disclosure prints one classification several
// times: Jiangsu's 财政拨款支出预算表 and 一般公共预算支出预算表 (功能科目) carry
// the same rows where there is no government-fund money, its 财政拨款 and
// 一般公共预算 基本支出表 (经济科目) the same classes and items. A cell changed
// in one copy is a contradiction the document prints, whichever table the
// model reads; a swap of two rows, which keeps every sum, is caught only
// this way.
//
// Two coded tables are copies when the relation is declared by what they
// are, not guessed from their figures alone: the same scheme (function or
// economic codes), uses that nest (all, 基本支出, 项目支出; 机关运行经费 within
// 基本支出; the revenue, fund, 三公 and procurement tables take no part),
// funds that nest (一般公共预算 ⊆ 财政拨款 ⊆ all), and the same money — the
// whole table (the 合计 row, or the sum of the 类 where a header's line
// took the 合计's cell), or a row's 类: parts of nested money are never
// negative, so equal wholes make every part equal. Their first value
// column is then one column. The reading must be the document's: no code
// twice, no negative cell, at least one of the two trees adds up (Σ项 = 款,
// Σ款 = 类; or with the values default mode printed away from their rows
// put back in some order, spares.go), at least three rows agree, and one or two rows differ, no more
// than agree; a row's value printed before the next row begins (default-
// mode text may print one a row late, and then it is not known to be the
// row's) — a 类's printed later tells only the money of its rows, where
// its items as read add up to it. Each row that differs is kept as two table claims on one path
// (/tables/<earlier table's title line>/<its row's line>), one from each
// table, for restate.copy; where the copies agree nothing is kept.

// A 收支总表 or 财政拨款收支总表 read from text that keeps its columns takes
// part with the 类 its expenditure side names (一、一般公共服务支出 …), each
// on its line, and its 支出总计: all the money of the document, or all its
// appropriations.

// copyTable is what a coded table gives to the comparison.
type copyTable struct {
	t      table
	scheme byte // '2' function, '3' economic
	use    string
	total  token
	hasTot bool
	rows   map[string]row // by code
	order  []string       // codes in reading order
	holds  bool           // its code tree adds up
	// the 类 rows by code, and those whose value was printed late that
	// their items add up to
	classOf map[string]row
	// the sum of its 类, and the rounding of that sum: the total where
	// the 合计 row is not read (its cell printed on a header's line)
	classes, classHalf schema.Money
}

// copyUse is the use a table's title names ("" when it takes no part):
// all, basic, project, or operating (机关运行经费, part of basic).
func copyUse(title string) string {
	if !strings.Contains(title, "支出") || containsAny(title, []string{"收", "基金", "国有资本", "三公", "采购", "绩效"}) {
		return ""
	}
	switch {
	case strings.Contains(title, "机关运行经费"):
		return "operating"
	case strings.Contains(title, "运行"):
		return ""
	case strings.Contains(title, "基本支出") && !strings.Contains(title, "项目支出"):
		return "basic"
	case strings.Contains(title, "项目支出") && !strings.Contains(title, "基本支出"):
		return "project"
	}
	return "all"
}

// copyTableOf reads a table for the comparison; ok is false when it takes
// no part.
func copyTableOf(t table) (copyTable, bool) {
	ct := copyTable{t: t, use: copyUse(t.title), rows: map[string]row{}}
	var late []row // 类 rows whose value was printed after the next row began
	summary := t.kind == tableSummary || t.kind == tableFiscal
	if summary {
		ct.use = "all"
	}
	if t.factor == 0 || ct.use == "" || summary && !t.laid {
		return ct, false
	}
	for k, r := range t.rows {
		if len(r.vals) == 0 {
			continue
		}
		if summary { // a 类 by its name, on its line; the 支出总计
			if r.vals[0].line != r.line {
				continue
			}
			name := rowName(r.name)
			if c, ok := schema.ClassByName(schema.SchemeFunctional, name); ok && len(c.Code) == 3 {
				r.code = c.Code
			} else if name == "支出总计" || name == "支出合计" {
				r.name = "合计"
			} else {
				continue
			}
		}
		// a value printed after the next row began (default mode can
		// print one a row late) is not known to be the row's own — but a
		// 类's that its items add up to (gaps.go placed it by them) still
		// tells the money of the 类
		if k+1 < len(t.rows) && r.vals[0].line > t.rows[k+1].line {
			if len(r.code) == 3 {
				late = append(late, r)
			}
			continue
		}
		for _, v := range r.vals {
			if v.mant < 0 {
				return ct, false
			}
		}
		if r.code == "" {
			if isTotal(rowName(r.name)) && !ct.hasTot {
				ct.total, ct.hasTot = r.vals[0], true
			}
			continue
		}
		if r.code[0] != '2' && r.code[0] != '3' {
			continue
		}
		if ct.scheme == 0 {
			ct.scheme = r.code[0]
		}
		if _, dup := ct.rows[r.code]; dup || r.code[0] != ct.scheme {
			return ct, false // another table's rows ran in
		}
		ct.rows[r.code] = r
		ct.order = append(ct.order, r.code)
	}
	if len(ct.rows) < 3 {
		return ct, false
	}
	for _, code := range ct.order {
		if len(code) == 3 {
			ct.classes += t.value(ct.rows[code].vals[0])
			ct.classHalf += t.half(ct.rows[code].vals[0])
		}
	}
	ct.classOf = map[string]row{}
	for _, code := range ct.order {
		if len(code) == 3 {
			ct.classOf[code] = ct.rows[code]
		}
	}
	for _, r := range late {
		var items schema.Money
		n := 0
		for _, code := range ct.order {
			if len(code) == 5 && code[:3] == r.code {
				items += t.value(ct.rows[code].vals[0])
				n++
			}
		}
		if n > 0 && items == t.value(r.vals[0]) {
			ct.classOf[r.code] = r
		}
	}
	ct.holds = ct.treeHolds() || sparesAddUp(t)
	return ct, true
}

// treeHolds tells whether every code with children is their sum; a 类
// whose value was printed late takes part where classOf takes it.
func (ct copyTable) treeHolds() bool {
	sums := map[string]schema.Money{}
	for _, code := range ct.order {
		if len(code) > 3 {
			sums[code[:len(code)-2]] += ct.t.value(ct.rows[code].vals[0])
		}
	}
	for parent, s := range sums {
		r, ok := ct.rows[parent]
		if !ok {
			r, ok = ct.classOf[parent]
		}
		if !ok || ct.t.value(r.vals[0]) != s {
			return false
		}
	}
	return true
}

// half is half a cell's last printed digit, in fen.
func (t table) half(v token) schema.Money {
	h := t.factor * 50
	for range v.scale {
		h /= 10
	}
	return schema.Money(h)
}

// same tells whether two cells of two tables print one amount, within
// their rounding.
func same(a table, x token, b table, y token) bool {
	d := a.value(x) - b.value(y)
	if d < 0 {
		d = -d
	}
	return d <= a.half(x)+b.half(y)
}

// copies compares each coded table with the nearest earlier table it
// copies, and keeps the rows that differ.
func (b *builder) copies(tabs []table) {
	var cts []copyTable
	for _, t := range tabs {
		if ct, ok := copyTableOf(t); ok {
			cts = append(cts, ct)
		}
	}
	for j := range cts {
		for i := j - 1; i >= 0; i-- {
			if pair, differ := compare(cts[i], cts[j]); pair {
				b.keepCopies(cts[i], cts[j], differ)
				break // the nearest copy
			}
		}
	}
}

// nests tells whether the money of two uses nests: one use, or 机关运行经费
// within 基本支出.
func nests(x, y string) bool {
	return x == y || x == "basic" && y == "operating" || x == "operating" && y == "basic"
}

// compare tells whether two tables are copies of one column, and lists
// the codes whose rows differ. A row is compared where the two tables hold
// the same money (sameTotal), or its 类 holds the same in both: the parts
// of nested money are never negative, so equal wholes have equal parts.
func compare(a, c copyTable) (pair bool, differ []string) {
	if a.scheme != c.scheme || !nests(a.use, c.use) || !(a.holds || c.holds) {
		return false, nil
	}
	whole := sameTotal(a, c)
	agree := 0
	for _, code := range c.order {
		r, ok := a.rows[code]
		if !ok {
			continue
		}
		if !whole {
			ac, ok1 := a.classOf[code[:3]]
			cc, ok2 := c.classOf[code[:3]]
			if len(code) == 3 || !ok1 || !ok2 || !same(a.t, ac.vals[0], c.t, cc.vals[0]) {
				continue
			}
		}
		if same(a.t, r.vals[0], c.t, c.rows[code].vals[0]) {
			agree++
		} else {
			differ = append(differ, code)
		}
	}
	if agree < 3 || len(differ) > 2 || len(differ) > agree {
		return false, nil
	}
	return true, differ
}

// sameTotal tells whether two tables hold the same money: their 合计
// rows, or the sums of their 类, or one's 合计 and the other's 类, agree
// within their rounding. A changed cell leaves one of them standing.
func sameTotal(a, c copyTable) bool {
	type total struct {
		v, half schema.Money
		ok      bool
	}
	totals := func(ct copyTable) []total {
		return []total{{ct.t.value(ct.total), ct.t.half(ct.total), ct.hasTot}, {ct.classes, ct.classHalf, ct.classes != 0}}
	}
	for _, x := range totals(a) {
		for _, y := range totals(c) {
			if d := x.v - y.v; x.ok && y.ok && d <= x.half+y.half && -d <= x.half+y.half {
				return true
			}
		}
	}
	return false
}

// keepCopies keeps each differing row of two copies as two table claims
// on the earlier table's row.
func (b *builder) keepCopies(a, c copyTable, codes []string) {
	for _, code := range codes {
		if b.restated(a.rows[code].vals[0].line, c.rows[code].vals[0].line) {
			continue
		}
		path := "/tables/" + strconv.Itoa(a.t.line) + "/" + strconv.Itoa(a.rows[code].vals[0].line)
		for _, side := range []copyTable{a, c} {
			v := side.rows[code].vals[0]
			cl := schema.Claim{Path: path, Kind: schema.ClaimTable, Value: side.t.value(v).Float(), Decimals: v.scale,
				Unit: tableUnit(side.t), Line: v.line, Text: strings.TrimSpace(b.st.src[v.line-1]), Table: side.t.line}
			if !hasClaim(b.doc.Claims, cl) {
				b.doc.Claims = append(b.doc.Claims, cl)
			}
		}
	}
}

// restated tells whether a table claim of one of two lines stands on a
// model figure the other line gave (restate.table compares them already).
func (b *builder) restated(x, y int) bool {
	for _, cl := range b.doc.Claims {
		if cl.Kind != schema.ClaimTable {
			continue
		}
		src, ok := b.doc.Provenance[cl.Path]
		if !ok {
			src, ok = b.doc.Provenance[cl.Path+"/amount"]
		}
		if ok && (cl.Line == x && src.Line == y || cl.Line == y && src.Line == x) {
			return true
		}
	}
	return false
}

func hasClaim(cls []schema.Claim, cl schema.Claim) bool {
	for _, o := range cls {
		if o.Kind == cl.Kind && o.Path == cl.Path && o.Line == cl.Line && o.Table == cl.Table {
			return true
		}
	}
	return false
}

// tableUnit is the unit word of a table's figures.
func tableUnit(t table) string {
	if w, ok := unitWord(t.factor); ok {
		return w
	}
	return "元"
}

// unitWord is the word of the unit of factor yuan: 元, 万元 or 亿元.
func unitWord(factor int64) (string, bool) {
	switch factor {
	case 1:
		return "元", true
	case 10000:
		return "万元", true
	case 100000000:
		return "亿元", true
	}
	return "", false
}
