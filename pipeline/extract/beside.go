package extract

import (
	"slices"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// The costs a 三公 table prints beside the 三公 (Jiangsu's "一般公共预算“三公”
// 经费、会议费、培训费支出预算表": a column for 会议费, one for 培训费) have no
// place in the model, and the text states them again: "省检察院2018年度一般
// 公共预算拨款安排的会议费预算支出200.44万元，比上年预算数增加32.44万元。"
// Where the text's amount differs from the column's cell, the two become a
// pair of amount claims on /text/<the text's line>/cell/<the column>
// (restate.cell): the cell's, then the text's. Where they agree nothing is
// kept.

// besideLabels are the columns read so.
var besideLabels = []string{"会议费", "培训费"}

// besideGaps are the words that may stand between the label and the
// amount the text states of the year's column, by the document's kind: a
// budget's 预算, a final account's 决算.
var besideGaps = map[string][]string{
	schema.KindBudget:        {"", "为", "支出", "支出为", "预算", "预算为", "预算支出", "预算支出为", "预算数", "预算数为"},
	schema.KindFinalAccounts: {"决算", "决算为", "支出决算", "支出决算为", "决算支出", "决算支出为", "决算数", "决算数为"},
}

// besideCell is a cell of one of those columns: its token and table, or
// none (a column two tables print with two amounts: which the text states
// is not known).
type besideCell struct {
	tok   token
	table table
	none  bool
}

// besideColumns keeps the cells of a 三公 table's columns named by one of
// besideLabels alone (the year's: not a 预算数 or another year's column),
// of text that keeps its columns; threePublicByIdentity those it places
// by the template's order and sums (default mode).
func (b *builder) besideColumns(t table, cols []*column) {
	for _, c := range cols {
		if c.value == nil || strings.HasPrefix(c.label, "other:") {
			continue
		}
		l := schema.NormalizeName(c.label)
		for _, w := range besideLabels {
			if l != w {
				continue
			}
			b.besideCell(t, w, *c.value)
		}
	}
}

// besideCell keeps tok, of table t, as the cell of column w; a second cell
// of another amount makes it none.
func (b *builder) besideCell(t table, w string, tok token) {
	if b.beside == nil {
		b.beside = map[string]besideCell{}
	}
	if was, ok := b.beside[w]; ok && (was.none || was.table.value(was.tok) != t.value(tok)) {
		b.beside[w] = besideCell{none: true}
		return
	}
	b.beside[w] = besideCell{tok: tok, table: t}
}

// besideRestated compares the amounts the text states of those columns
// ("会议费预算支出200.44万元", "培训费支出 700 万元": the label, then fillers
// alone up to the amount) with their cells.
func (b *builder) besideRestated() {
	st := b.st
	for _, w := range besideLabels {
		c, ok := b.beside[w]
		if !ok || c.none {
			continue
		}
		cellValue := c.table.value(c.tok)
		for from := 0; ; {
			k := strings.Index(st.s[from:], w)
			if k < 0 {
				break
			}
			end := from + k + len(w)
			from = end
			if b.tableLines[st.source(end).Line] {
				continue // a table's own label
			}
			ti, ok := b.valueAfter(end, 8)
			if !ok {
				continue
			}
			tok := st.toks[ti]
			if !slices.Contains(besideGaps[b.doc.Document.Kind], strings.Join(strings.Fields(st.s[end:tok.start]), "")) {
				continue // an economic 款's (会议费（款）支出), or another year's
			}
			if tok.money() == cellValue {
				continue
			}
			src := st.source(tok.start)
			path := "/text/" + strconv.Itoa(src.Line) + "/cell/" + w
			b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: path, Kind: schema.ClaimAmount, Value: cellValue.Float(),
				Decimals: c.tok.scale, Unit: tableUnit(c.table), Line: c.tok.line, Text: strings.TrimSpace(st.src[c.tok.line-1]), Table: c.table.line})
			b.textClaim(path, schema.ClaimAmount, tok, tok.money().Float())
		}
	}
}
