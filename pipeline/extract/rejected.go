package extract

import (
	"slices"
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
// order, gives none — but for the row and tree sums of a coded table it
// printed row by row (table.rowwise: its codes read as a tree), where the
// sums that hold show the rows were read as printed (keepSums), and for
// the sums one misprinted cell breaks (onecell.go).

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
	refTotal       = "total"
	refEconomic    = "economic:" // + code of a class (301) or item (30101)
	refOperating   = "operating"
	refBasic       = "basic"         // 支出总表's 基本支出
	refProject     = "project"       // and 项目支出
	refThreePublic = "three_public:" // + a part's key (overseas_travel …)
	refFiscal      = "fiscal:"       // + the side of a 财政拨款收支总表's 总计
	refProcurement = "procurement"   // 政府采购's 合计; + /goods, /works, /services its kinds
)

// trusted tells whether a table's reading is the document's: the table
// keeps its columns, and each figure is on its row's line.
func trusted(t table, rows []tableRow) bool {
	if t.grid {
		return len(rows) > 0 // each cell placed in its row and column by the grid
	}
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
	if trusted(t, rows) {
		b.keep(t, rows)
	}
}

// keepSums keeps the cells of the sums rowSums and treeSums found failing:
// those of a coded table default mode printed row by row too, where the
// sums that hold show the rows were read as printed.
func (b *builder) keepSums(t table, rows []tableRow) {
	if t.rowwise && len(rows) > 0 {
		b.keep(t, rows)
		return
	}
	b.keepTable(t, rows)
}

// keep keeps the figures of a table as table claims.
func (b *builder) keep(t table, rows []tableRow) {
	unit := tableUnit(t)
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
	if pr := b.doc.Procurement; pr != nil && strings.HasPrefix(ref, refProcurement) {
		have := map[string]bool{refProcurement: true, refProcurement + "/goods": pr.Goods != nil,
			refProcurement + "/works": pr.Works != nil, refProcurement + "/services": pr.Services != nil}
		if have[ref] {
			return "/" + ref
		}
		return ""
	}
	if key, ok := strings.CutPrefix(ref, refThreePublic); ok {
		tp := b.doc.ThreePublic
		if tp == nil {
			return ""
		}
		have := map[string]bool{"overseas_travel": tp.OverseasTravel != nil, "reception": tp.Reception != nil,
			"vehicle_purchase": tp.VehiclePurchase != nil, "vehicle_operation": tp.VehicleOperation != nil,
			"total": tp.Total != nil, "vehicle": tp.Vehicle != nil}
		if have[key] {
			return "/three_public/" + key
		}
		return ""
	}
	if path := b.summaryPath(ref); path != "" {
		return path
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

// summaryPath is the pointer of the model figure a 收支总表's row stands
// for (summaryClaims): a total, a revenue source, a functional 类; or a
// 财政拨款收支总表's 总计 (fiscalClaims).
func (b *builder) summaryPath(ref string) string {
	rev, exp := b.doc.Revenue, b.doc.Expenditure
	if rev == nil || exp == nil {
		return ""
	}
	totals := map[string]struct {
		path string
		have bool
	}{
		"summary:expenditure":         {"/expenditure/total", exp.Total != nil},
		"summary:revenue_current":     {"/revenue/current_year", rev.CurrentYear != nil},
		"summary:carried_over":        {"/revenue/carried_over", rev.CarriedOver != nil},
		"summary:expenditure_current": {"/expenditure/current_year", exp.CurrentYear != nil},
		"summary:carried_forward":     {"/expenditure/carried_forward", exp.CarriedForward != nil},
		refFiscal + "expenditure":     {"/revenue/fiscal_total", rev.FiscalTotal != nil},
	}
	if f, ok := totals[ref]; ok && f.have {
		return f.path
	}
	if name, ok := strings.CutPrefix(ref, "src:"); ok {
		for i, s := range rev.Sources {
			if s.Name == name {
				return "/revenue/sources/" + strconv.Itoa(i)
			}
		}
	}
	if code, ok := strings.CutPrefix(ref, "class:"); ok {
		for i, c := range exp.ByFunction {
			if c.Code == code && !c.Unstated { // a class of 项 only is no figure a row could restate
				return "/expenditure/by_function/" + strconv.Itoa(i)
			}
		}
	}
	return ""
}

// rowSums checks the rows of a table whose first column is the total of
// the others (合计 = 基本支出 + 项目支出, 合计 = 人员经费 + 公用经费): where
// at least three rows of a table that keeps its columns add up that way
// (rows of zeros do not count), more than do not, and one or two do not,
// those rows are the document's inconsistency, and their cells are kept as
// table claims (each row's total and the parts of it). A table whose
// columns are not parts of a total has no three rows that add up. Once
// three rows of three cells or more show that the columns are parts of
// the first, a row that prints its total and one part (the others blank)
// must print that part as the total; such rows are checked too, but do not
// count among the rows that add up (a table of two columns, 预算数 and
// 决算数, proves nothing).
// Other default-mode tables keep a row only as oneOffRow tells.
func (b *builder) rowSums(t table) {
	if !t.laid && !t.rowwise {
		b.oneOffRow(t)
		return
	}
	adds, pairs := 0, 0
	var odd []row
	rows, joined := t.rows, map[int]bool(nil)
	if t.laid && partsOfFirst(t.kind) {
		rows, joined = b.tallRows(t)
	}
	for _, r := range rows {
		if len(r.vals) < 2 || !t.rowwise && !joined[r.line] && !trusted(t, rowCells(r)) {
			continue
		}
		var parts schema.Money
		for _, v := range r.vals[1:] {
			parts += t.value(v)
		}
		switch total := t.value(r.vals[0]); {
		case parts != total:
			odd = append(odd, r)
		case total != 0 && (len(r.vals) > 2 || t.colwise): // a row of zeros adds up whatever the columns are; a row placed by column is parts of its total
			adds++
		case total != 0 && t.laid && partsOfFirst(t.kind):
			pairs++
		}
	}
	// a table whose columns are parts of the first by its template shows
	// it by rows that print their total and one part too (a 支出决算表 in
	// layout text whose other cells are printed off their rows' lines);
	// there a row that does not add up is kept only where one misprint
	// explains it — one that prints some of its cells on another line does
	// not add up on its own
	if adds < 3 && adds+pairs >= 3 {
		adds += pairs
		odd = slices.DeleteFunc(odd, func(r row) bool { return !rowOneOff(r.vals) })
	}
	// two rows that do not add up (two cells swapped) where more rows do
	if len(odd) == 0 || len(odd) > 2 || adds < 3 || adds <= len(odd) {
		if !t.laid {
			b.pairRow(t) // a default-mode table whose rows print a total and one part
		}
		return
	}
	var kept []tableRow
	for _, r := range odd {
		sum := rowSum(r.line, r.vals)
		if joined[r.line] {
			for k := range sum {
				sum[k].line = sum[k].tok.line // a tall row's cells, each on its own line
			}
		}
		kept = append(kept, sum...)
	}
	b.keepSums(t, kept)
}

// partsOfFirst tells the tables whose columns after the first are its
// parts by their template (a 支出总表's 基本支出, 项目支出 … of its 合计; a
// 收入总表's sources): a row that prints its total and one part equal
// shows it as well as one of three cells.
func partsOfFirst(k tableKind) bool { return k == tableExpenditure || k == tableRevenue }

// rowOneOff tells a row whose first cell one misprint of one of its cells
// makes the sum of the others, within the rounding of every cell.
func rowOneOff(vals []token) bool {
	var tol int64
	for _, v := range vals {
		tol += units(token{mant: 5, scale: v.scale + 1})
	}
	return misprintAway(vals, firstSumWithin(tol))
}

// rowSum is a row of line whose first value is the sum of the others, as
// the table rows a kept sum is made of.
func rowSum(line int, vals []token) []tableRow {
	total := "sum:" + strconv.Itoa(line)
	rows := []tableRow{{ref: total, tok: vals[0], line: line}}
	for k, v := range vals[1:] {
		rows = append(rows, tableRow{ref: total + "/" + strconv.Itoa(k+1), of: total, tok: v, line: line})
	}
	return rows
}

// rowCells are a row's cells as table rows, for trusted.
func rowCells(r row) []tableRow {
	out := make([]tableRow, len(r.vals))
	for k, v := range r.vals {
		out[k] = tableRow{tok: v, line: r.line}
	}
	return out
}

// treeSums checks the code tree of a coded table that keeps its columns,
// in its first value column: each 类 the sum of its 款, each 款 of its 项,
// the 合计 of the 类. Where at least three of those sums hold (sums of
// zeros do not count), more than fail, and one to four fail (a changed 项
// breaks its 款's sum, a changed 款 its own and its 类's, two swapped
// cells up to four), the failing ones are the document's, and their cells
// are kept as table claims; a 支出总表's 类 on the model's functional class
// (restate.table), which covers the same money. Only rows printing as many cells as the fullest row take
// part: a blank cell moves the others left. A table a reader kept already
// (rejected, readEconomic) is not read twice.
func (b *builder) treeSums(t table) {
	if !t.laid && !t.rowwise || b.keptFrom(t) {
		return
	}
	kept, _, _ := treeKept(t, t.rows)
	b.keepSums(t, kept)
}

// keptFrom tells whether a table's figures are kept as claims already.
func (b *builder) keptFrom(t table) bool {
	return slices.ContainsFunc(b.pending, func(p pendingClaim) bool { return p.claim.Table == t.line })
}

// treeKept gives the cells treeSums keeps of a table read as rows, and
// how many of its sums fail in all; ok is false when the rows' codes are
// no tree.
func treeKept(t table, rows []row) (kept []tableRow, fails int, ok bool) {
	nodes, width, ok := treeNodes(t, rows)
	if !ok {
		return nil, 0, false
	}
	// each column — two cells swapped in a row keep its sum, not their
	// columns' — of a table that keeps its columns or was read with one
	// cell off (onecell.go); the first alone of default-mode rows, whose
	// blank cells move the others left, and of cells placed by column
	// (only the totals are every row's)
	cols := 1
	if t.laid || t.oneOff != nil && !t.colwise {
		cols = width
	}
	for col := range cols {
		k, f := treeColumn(t, nodes, col)
		kept, fails = append(kept, k...), fails+f
	}
	return kept, fails, true
}

// treeNodes are the coded rows of a table read as rows (and its 合计),
// each with its children, and the most cells a coded row prints; ok is
// false when the rows' codes are no tree.
func treeNodes(t table, rows []row) (nodes []treeNode, width int, ok bool) {
	for _, r := range rows {
		if r.code != "" {
			width = max(width, len(r.vals))
		}
	}
	if width == 0 {
		return nil, 0, false
	}
	at := map[string]int{}
	total := -1
	for _, r := range rows {
		if r.code == "" && !(isTotal(rowName(r.name)) && total < 0 && len(r.vals) > 0) {
			continue
		}
		ok := (len(r.vals) == width || t.colwise && len(r.vals) > 0) && (t.rowwise || trusted(t, rowCells(r)))
		if r.code == "" {
			total = len(nodes)
		} else if _, dup := at[r.code]; dup {
			return nil, 0, false // a code twice: another table's rows ran in
		} else {
			at[r.code] = len(nodes)
		}
		// in layout text a row's first cell, its 合计, is every row's
		// (a 合计 is printed wherever a later column is): a row whose
		// other cells pdftotext printed off its line, or blank, still has
		// it on its line
		first := t.laid && len(r.vals) > 0 && r.vals[0].line == r.line
		nodes = append(nodes, treeNode{r: r, ok: ok, first: first})
	}
	for i, n := range nodes {
		switch {
		case n.r.code == "":
		case len(n.r.code) == 3 && total >= 0:
			nodes[total].children = append(nodes[total].children, i)
		case len(n.r.code) > 3:
			p, ok := at[n.r.code[:len(n.r.code)-2]]
			if !ok {
				return nil, 0, false // a 款 without its 类: not a tree
			}
			nodes[p].children = append(nodes[p].children, i)
		}
	}
	return nodes, width, true
}

// treeNode is a coded row of treeSums: ok when it takes part (its cells
// are whole and on its line), first when its first cell does (on its line
// in layout text), with the rows its code's children.
type treeNode struct {
	r         row
	ok, first bool
	children  []int
}

// in tells whether the node takes part in the sums of column col.
func (n treeNode) in(col int) bool { return n.ok || col == 0 && n.first }

// treeColumn gives the cells of the sums that fail in column col of the
// tree of nodes, where they are the document's: at least three of its sums
// hold (sums of zeros do not count), more than fail, and one to four fail;
// and how many fail.
func treeColumn(t table, nodes []treeNode, col int) (kept []tableRow, fails int) {
	failing, holds := treeFails(t, nodes, col)
	// a changed 款 breaks two sums, two swapped cells up to four; more
	// sums must hold than fail
	if len(failing) == 0 || len(failing) > 4 || holds < 3 || holds <= len(failing) || !firstExplained(t, nodes, col, failing) {
		return nil, len(failing)
	}
	return treeCells(t, nodes, col, failing), len(failing)
}

// firstExplained tells failing sums that take no row by its first cell
// alone, or that one misprint explains: beyond the rounding of their cells
// as printed, within it once one cell's digit or tenfold is changed back.
// A row whose other cells are off its line may be a row misread (its
// first cell another row's); one misprint that mends every failing sum
// says it was read right.
func firstExplained(t table, nodes []treeNode, col int, failing []int) bool {
	alone := false
	for _, i := range failing {
		alone = alone || !nodes[i].ok
		for _, c := range nodes[i].children {
			alone = alone || !nodes[c].ok
		}
	}
	if !alone {
		return true
	}
	var vals []token
	at := map[int]int{} // node → its cell's index in vals
	idx := func(i int) int {
		k, ok := at[i]
		if !ok {
			k = len(vals)
			at[i] = k
			vals = append(vals, nodes[i].r.vals[col])
		}
		return k
	}
	type sum struct {
		total int
		parts []int
		tol   int64
	}
	var sums []sum
	for _, i := range failing {
		s := sum{total: idx(i), tol: units(token{mant: 5, scale: nodes[i].r.vals[col].scale + 1})}
		for _, c := range nodes[i].children {
			s.parts = append(s.parts, idx(c))
			s.tol += units(token{mant: 5, scale: nodes[c].r.vals[col].scale + 1})
		}
		sums = append(sums, s)
	}
	holds := func(a []int64) bool {
		for _, s := range sums {
			d := -a[s.total]
			for _, k := range s.parts {
				d += a[k]
			}
			if max(d, -d) > s.tol {
				return false
			}
		}
		return true
	}
	printed := make([]int64, len(vals))
	for k, v := range vals {
		printed[k] = units(v)
	}
	return !holds(printed) && misprintAway(vals, holds)
}

// treeFails gives the nodes whose sums fail in column col, and how many
// sums hold (sums of zeros do not count).
func treeFails(t table, nodes []treeNode, col int) (failing []int, holds int) {
	for i, n := range nodes {
		if len(n.children) == 0 || !n.in(col) {
			continue
		}
		var sum schema.Money
		whole := true
		for _, c := range n.children {
			if whole = whole && nodes[c].in(col); whole {
				sum += t.value(nodes[c].r.vals[col])
			}
		}
		switch total := t.value(n.r.vals[col]); {
		case !whole:
		case sum != total:
			failing = append(failing, i)
		case total != 0: // zeros add up whatever the rows are
			holds++
		}
	}
	return failing, holds
}

// treeCells are the cells of the failing sums in column col: each sum's
// total, and its parts.
func treeCells(t table, nodes []treeNode, col int, failing []int) (kept []tableRow) {
	in := map[int]bool{}
	ref := func(i int) string {
		switch code := nodes[i].r.code; {
		case col > 0:
			return "tree:" + strconv.Itoa(nodes[i].r.line) + "/" + strconv.Itoa(col)
		case t.kind == tableExpenditure && len(code) == 3:
			return "class:" + code // a 支出总表's 类 is the summary's: all funds
		}
		return "tree:" + strconv.Itoa(nodes[i].r.line)
	}
	for _, i := range failing {
		if !in[i] {
			in[i] = true
			kept = append(kept, tableRow{ref: ref(i), tok: nodes[i].r.vals[col], line: nodes[i].r.line})
		}
		for _, c := range nodes[i].children { // a failing 款 under a failing 类 is kept once, as its part
			if !in[c] {
				in[c] = true
				kept = append(kept, tableRow{ref: ref(c), of: ref(i), tok: nodes[c].r.vals[col], line: nodes[c].r.line})
			}
		}
	}
	return kept
}

// summaryClaims keeps what a 收支总表 read by column prints where the
// table fails its own sums and no reading of it holds that sum: 收入总计 =
// 支出总计, the current year, the amounts carried and the side's other
// rows (用事业基金弥补收支差额, 结余分配) = the total (the year and those rows
// alone where the row of the amounts carried is printed blank), the
// sources = the revenue of the year, the functional 类 = the expenditure
// of the year, the uses (基本支出, 项目支出 …) = the expenditure. Each
// failing sum is kept as table claims: its total, and its parts on the
// model figure each stands for (a 类 on the function table's class, a
// source on the text's, 基本支出 on the 支出总表's) for restate.table. The
// sums that hold give nothing.
func (b *builder) summaryClaims(t table, best summary) {
	if !t.laid && !t.grid || t.layout == nil {
		return
	}
	type rowTok struct {
		tok  token
		line int
	}
	got := map[string]rowTok{}
	blank := map[string]bool{} // rows printed without a figure
	var classes []tableRow
	var others [2][]tableRow // each side's other rows of its total (用事业基金弥补收支差额, 结余分配)
	for _, r := range t.layout {
		name := rowName(r.name)
		if len(r.vals) == 0 {
			blank[summaryKey(name)] = true
			continue
		}
		v := rowTok{r.vals[0], r.line}
		if slot, ok := tailSlotOf(name); ok && slot.role == "other" {
			others[slot.side] = append(others[slot.side], tableRow{ref: "summary:other:" + strconv.Itoa(r.line), tok: v.tok, line: v.line})
			continue
		}
		switch key := summaryKey(name); key {
		case "":
		case "total":
			if _, ok := got["revenue"]; !ok {
				got["revenue"] = v
			} else {
				got["expenditure"] = v
			}
		case "class":
			c, _ := schema.ClassByName(schema.SchemeFunctional, name)
			classes = append(classes, tableRow{ref: "class:" + c.Code, tok: v.tok, line: v.line})
		default:
			if _, dup := got[key]; dup {
				return // a row twice: the panels ran together
			}
			got[key] = v
		}
	}
	// keep keeps a failing sum: its total under a ref of its own (a cell
	// may be the total of one sum and a part of another), and its parts
	keep := func(sum, whole string, parts []tableRow) {
		w, ok := got[whole]
		if !ok || len(parts) == 0 {
			return
		}
		var total schema.Money
		for _, p := range parts {
			total += t.value(p.tok)
		}
		if total == t.value(w.tok) {
			return
		}
		ref := "summary:sum:" + sum
		kept := []tableRow{{ref: ref, tok: w.tok, line: w.line}}
		for _, p := range parts {
			p.of = ref
			kept = append(kept, p)
		}
		b.keepTable(t, kept)
	}
	part := func(key, ref string) []tableRow {
		if v, ok := got[key]; ok {
			return []tableRow{{ref: ref, tok: v.tok, line: v.line}}
		}
		return nil
	}
	if !best.balanced {
		keep("balance", "revenue", part("expenditure", "summary:expenditure"))
	}
	for n, side := range [][3]string{{"revenue", "revenue_current", "carried_over"}, {"expenditure", "expenditure_current", "carried_forward"}} {
		if _, held := best.got[side[1]]; held && best.balanced {
			continue // the reading used keeps the year: its sum holds
		}
		switch c, k := part(side[1], "summary:"+side[1]), part(side[2], "summary:"+side[2]); {
		case c != nil && k != nil:
			keep(side[0], side[0], slices.Concat(c, k, others[n]))
		case c != nil && blank[side[2]]: // nothing carried: the year is the total
			keep(side[0], side[0], append(c, others[n]...))
		}
	}
	revenueBase, expenditureBase := "revenue", "expenditure"
	if _, ok := got["revenue_current"]; ok {
		revenueBase = "revenue_current"
	}
	if _, ok := got["expenditure_current"]; ok {
		expenditureBase = "expenditure_current"
	} else if _, ok := got["carried_forward"]; ok {
		expenditureBase = "" // the classes add up to a current year not printed
	}
	if !best.sources {
		_, whole := got["src:财政拨款"]
		var sources []tableRow
		for _, src := range revenueSources {
			if src.partOf == "" || !whole {
				sources = append(sources, part("src:"+src.name, "src:"+src.name)...)
			}
		}
		keep("sources", revenueBase, sources)
	}
	if !best.classed && expenditureBase != "" {
		keep("classes", expenditureBase, classes)
	}
	if _, ok := got["use:基本支出"]; ok && !best.uses && got["use:项目支出"].line != 0 {
		var uses []tableRow
		for _, k := range []string{"基本支出", "项目支出", "单位预留机动经费", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"} {
			ref := "use:" + k
			switch k {
			case "基本支出":
				ref = refBasic
			case "项目支出":
				ref = refProject
			}
			uses = append(uses, part("use:"+k, ref)...)
		}
		keep("uses", "expenditure", uses)
	}
}
