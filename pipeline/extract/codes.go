package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Coded rows. The expenditure tables by function (支出总表, 一般公共预算支出表)
// print each 类, 款 and 项 on a row of its own with its code — in one cell
// (2040401) or in three (204 04 01) — its name and its amounts. Where a row
// stays on one line (layout text, and some default-mode text) the codes
// give the tree, and the tree checks itself: the 项 of a 款 add up to it,
// the 款 of a 类 to it. The 项 then bring their codes to the model: a 项 the
// text explained gets its code; one it did not is added under its 类.

// codedRow is one row of a coded table.
type codedRow struct {
	code, name string
	amount     cell
}

// codedTree is a coded table whose rows add up, with each code's amount
// and name.
type codedTree struct {
	rows    []codedRow
	amounts map[string]schema.Money
	names   map[string]string
	all     bool // a table of all funds (支出总表, 支出决算表), not of the appropriations alone
	table   table
}

// codedRows are the rows of a table that carry a code of the scheme whose
// codes begin with first ('2' functional, '3' economic) and an amount, in
// order (the first amount: the 合计 column).
func codedRows(t table, first byte) []codedRow {
	var rows []codedRow
	for _, r := range t.rows {
		if r.code == "" || r.code[0] != first || len(r.vals) == 0 {
			continue
		}
		rows = append(rows, codedRow{code: r.code, name: schema.NormalizeName(r.name), amount: cell{t.value(r.vals[0]), r.vals[0].line}})
	}
	return rows
}

// codedTable keeps a function table's coded rows when its tree adds up.
func (b *builder) codedTable(t table) {
	rows := codedRows(t, '2')
	if len(rows) == 0 {
		switch l := economicTree(t); {
		case l > 0:
			b.tableLines[l] = true // by economic class (明细表): its codes check themselves
		case len(codedRows(t, '3')) > 1:
			b.warnTable(t, "its rows by economic class do not add up (each 款 to its 类, the 类 to the 合计 row): not used")
		}
		return
	}
	// the tree checks itself
	sums := map[string]schema.Money{}
	amounts := map[string]schema.Money{}
	names := map[string]string{}
	for _, r := range rows {
		if _, dup := amounts[r.code]; dup {
			return // a code twice: another table's rows ran in
		}
		amounts[r.code], names[r.code] = r.amount.v, r.name
		if len(r.code) > 3 {
			sums[r.code[:len(r.code)-2]] += r.amount.v
		}
	}
	if !slices.ContainsFunc(rows, func(r codedRow) bool { return len(r.code) < 7 }) {
		// a table that prints its 项 only: they add up to its 合计, and
		// each 款 and 类 is the sum of its 项
		if itemsMakeTotal(t, amounts) == 0 {
			b.warnTable(t, "it prints its 项 only, and they do not add up to its 合计 row: not used")
			return
		}
		for _, r := range rows {
			amounts[r.code[:5]] += r.amount.v
			amounts[r.code[:3]] += r.amount.v
		}
		sums = map[string]schema.Money{}
	}
	parents := make([]string, 0, len(sums))
	for p := range sums {
		parents = append(parents, p)
	}
	slices.Sort(parents) // the first failure named is the same every run
	for _, parent := range parents {
		if a, ok := amounts[parent]; !ok || a != sums[parent] {
			b.warnTable(t, fmt.Sprintf("the rows under %s add up to %s yuan, not to it: codes not used", parent, sums[parent]))
			return
		}
	}
	b.coded = append(b.coded, codedTree{rows, amounts, names, t.kind == tableExpenditure, t})
	b.tableLines[t.line] = true // its codes check themselves: read
}

// economicTree tells a table by economic class whose rows add up: its 类
// to its 合计 row, the 款 under a 类 to it (the appropriations' 支出决算明细表,
// basic and project spending together, which no figure of the model is):
// the line of its 合计 cell, 0 when they do not.
func economicTree(t table) int {
	rows := codedRows(t, '3')
	amounts := map[string]schema.Money{}
	sums := map[string]schema.Money{}
	for _, r := range rows {
		if _, dup := amounts[r.code]; dup || len(r.code) != 3 && len(r.code) != 5 {
			return 0
		}
		amounts[r.code] = r.amount.v
		if len(r.code) == 5 {
			sums[r.code[:3]] += r.amount.v
		}
	}
	classes := map[string]schema.Money{}
	for code, v := range amounts {
		if len(code) == 3 {
			classes[code] = v
		}
	}
	for parent, sum := range sums {
		if a, ok := amounts[parent]; !ok || a != sum {
			return 0
		}
	}
	if len(classes) < 2 {
		return 0
	}
	return itemsMakeTotal(t, classes)
}

// itemsMakeTotal tells whether a table's 合计 row opens with the sum of
// the amounts (its 项, or its 类), to the fen: the line of that cell, 0
// when it does not.
func itemsMakeTotal(t table, amounts map[string]schema.Money) int {
	var sum schema.Money
	for _, v := range amounts {
		sum += v
	}
	for _, r := range t.rows {
		if r.code == "" && isTotal(rowName(r.name)) && len(r.vals) > 0 {
			if t.value(r.vals[0]) != sum {
				return 0
			}
			return r.vals[0].line
		}
	}
	return 0
}

// codedClasses are the 类 of the first coded function table, with their
// amounts (nil without one).
func (b *builder) codedClasses() map[string]schema.Money {
	for _, tree := range b.coded {
		classes := map[string]schema.Money{}
		for code, v := range tree.amounts {
			if len(code) == 3 {
				classes[code] = v
			}
		}
		if len(classes) > 0 {
			return classes
		}
	}
	return nil
}

// treeClasses gives the model its 类 from a coded table (every 类 on a row
// with its code) when neither the text nor the summary gave them: the tree
// checks itself, and its 类 must add up to the year's expenditure, so that
// they are the whole of it. A table of all funds (支出决算表, 支出预算总表)
// is tried first; an appropriations' table (一般公共预算财政拨款支出表) gives
// them only when its 类 too make the whole year's expenditure — then no
// other money was spent (spending is never negative) and its 类 are the
// department's.
func (b *builder) treeClasses() {
	exp := b.doc.Expenditure
	if len(exp.ByFunction) > 0 {
		return
	}
	year := exp.CurrentYear
	if year == nil {
		year = exp.Total
	}
	if year == nil {
		return
	}
	var trees []codedTree // all funds first
	for _, all := range []bool{true, false} {
		for _, tree := range b.coded {
			if tree.all == all {
				trees = append(trees, tree)
			}
		}
	}
	for _, tree := range trees {
		var classes []schema.ClassItem
		var lines []int
		var sum schema.Money
		for _, r := range tree.rows {
			if len(r.code) != 3 {
				continue
			}
			c, ok := schema.LookupCode(schema.SchemeFunctional, r.code)
			if !ok {
				classes = nil
				break
			}
			item := schema.ClassItem{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Amount: r.amount.v}
			if r.name != c.Name {
				item.ReportedName = r.name
			}
			classes = append(classes, item)
			lines = append(lines, r.amount.line)
			sum += r.amount.v
		}
		if len(classes) == 0 || sum != *year {
			continue
		}
		b.replaceClasses("/expenditure/by_function/", &exp.ByFunction, classes, lines, nil)
		return
	}
}

// functionCodes gives the 项 of the coded tables their codes in the model,
// under the 类 the model has with the table's amount (the table covers the
// same money as the model's class).
func (b *builder) functionCodes() {
	for _, tree := range b.coded {
		b.giveCodes(tree)
	}
	b.itemsOfOtherMoney()
}

// itemsOfOtherMoney warns of a 类 of the model left without its 项 where a
// table prints them under the class with another amount: an
// appropriations' table, where other money (a unit's 事业收入, 其他收入)
// pays part of the class, states the appropriations' share of each 项,
// and which 项 the other money pays is not printed.
func (b *builder) itemsOfOtherMoney() {
	for _, c := range b.doc.Expenditure.ByFunction {
		if len(c.Items) > 0 {
			continue
		}
		for _, tree := range b.coded {
			a, ok := tree.amounts[c.Code]
			if !ok || roundsTo(a, c.Amount) || !slices.ContainsFunc(tree.rows, func(r codedRow) bool { return len(r.code) == 7 && r.code[:3] == c.Code }) {
				continue
			}
			b.warnTable(tree.table, fmt.Sprintf("the 项 of %s %s are not read: this table gives the class %s yuan, not the %s yuan of the model (other money pays part of it), and no table prints its 项 for the whole", c.Code, c.Name, a, c.Amount))
			break
		}
	}
}

func (b *builder) giveCodes(tree codedTree) {
	amounts, names := tree.amounts, tree.names
	exp := b.doc.Expenditure
	for _, r := range tree.rows {
		if len(r.code) != 7 {
			continue
		}
		ci := -1
		for i, c := range exp.ByFunction {
			if c.Code == r.code[:3] && roundsTo(amounts[r.code[:3]], c.Amount) {
				ci = i
			}
		}
		if ci < 0 {
			continue
		}
		class := &exp.ByFunction[ci]
		if slices.ContainsFunc(class.Items, func(it schema.ClassItem) bool { return it.Code == r.code }) {
			continue // given by another table
		}
		// the text's 项: the one of this amount (as the text rounds it), or
		// of this name too when several share the amount (the text may word
		// the name otherwise)
		j, same := -1, 0
		for k, it := range class.Items {
			if it.Code == "" && roundsTo(r.amount.v, it.Amount) {
				same++
				if j < 0 || it.Name == r.name {
					j = k
				}
			}
		}
		if same > 1 && class.Items[j].Name != r.name {
			continue
		}
		if j >= 0 && class.Items[j].Amount != r.amount.v { // the table's exact figure wins
			path := "/expenditure/by_function/" + strconv.Itoa(ci) + "/items/" + strconv.Itoa(j)
			have := &class.Items[j].Amount
			b.setTable(path, "/amount", &have, r.amount.v, r.amount.line)
			class.Items[j].Amount = *have
		}
		if j < 0 {
			if textItems(class.Items) {
				continue // the text explained this class: a 项 it left out is not added beside them
			}
			j = len(class.Items)
			class.Items = append(class.Items, schema.ClassItem{Name: r.name, ReportedName: names[r.code[:5]] + "(款)" + r.name + "(项)", Amount: r.amount.v})
			b.doc.Provenance["/expenditure/by_function/"+strconv.Itoa(ci)+"/items/"+strconv.Itoa(j)+"/amount"] =
				schema.Source{Line: r.amount.line, Text: strings.TrimSpace(b.st.src[r.amount.line-1])}
		}
		class.Items[j].Code = r.code
	}
}

// textItems tells whether a class holds 项 the text explained (without a
// code from a table).
func textItems(items []schema.ClassItem) bool {
	return slices.ContainsFunc(items, func(it schema.ClassItem) bool { return it.Code == "" })
}

// halfWan is half of 0.01 万元, in fen: the rounding of a text's figure.
const halfWan = 50 * 100

// roundsTo tells whether text, a figure the text gave, is exact the table's
// figure or that figure in 万元 to two decimals.
func roundsTo(table, text schema.Money) bool {
	if table == text {
		return true
	}
	d := table - text
	return text%(2*halfWan) == 0 && d <= halfWan && d >= -halfWan
}

// economicCodes gives the economic items of a table the codes its rows
// print beside their names (30101 基本工资), where the classification does
// not know the name; a code must fall under the item's class.
func economicCodes(t table, classes []schema.ClassItem) {
	byName := map[string]string{}
	for _, r := range codedRows(t, '3') {
		if len(r.code) == 5 {
			if _, dup := byName[r.code[:3]+r.name]; dup {
				byName[r.code[:3]+r.name] = "" // two codes, one name: neither
				continue
			}
			byName[r.code[:3]+r.name] = r.code
		}
	}
	for i := range classes {
		for j := range classes[i].Items {
			it := &classes[i].Items[j]
			if code := byName[classes[i].Code+it.Name]; it.Code == "" && code != "" {
				it.Code = code
			}
		}
	}
}
