// Package check runs the consistency rules over a document's model. It reads
// the model only: the figures, the claims the text makes about them and the
// provenance of both.
//
// Every rule compares two numbers, stated and computed, with the tolerance
// the rounding of the figures involved allows (rounding.go). A difference
// that rounding explains is reported as info, never as a warning or an
// error: a 万元 figure with two decimals hides up to 50 yuan, a percentage
// stated with no decimals up to 0.5 points.
package check

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Rule is one entry of the catalogue.
type Rule struct {
	ID       string
	Severity string // severity when the difference is more than rounding
	Title    string
	TitleEn  string
	// Tolerance says what difference the rule forgives
	Tolerance string
	run       func(*ctx)
}

// Catalogue lists every rule, in the order they run, and last the rule
// between two documents (Budget).
func Catalogue() []Rule { return append(rules[:len(rules):len(rules)], crossBudget) }

// Run appends the findings of every rule to doc.Checks, in a stable order.
func Run(doc *schema.Document) {
	c := newCtx(doc)
	for _, r := range rules {
		c.rule = r
		r.run(c)
	}
	doc.Checks = c.out
}

// Relation is one comparison a rule made: the figures it read (pointers)
// and the source lines it cites, whether or not the numbers agreed.
type Relation struct {
	Rule  string
	Paths []string
	Lines []int
}

// Relations runs every rule over doc without changing it and lists each
// comparison made: which figures of this document take part in a relation
// the checks test.
func Relations(doc *schema.Document) []Relation {
	c := newCtx(doc)
	c.relations = []Relation{}
	for _, r := range rules {
		c.rule = r
		r.run(c)
	}
	return c.relations
}

type ctx struct {
	doc  *schema.Document
	tree any
	rule Rule
	out  []schema.Check
	seen map[string]bool // findings already reported, so that a restatement is not reported twice
	// relations, when not nil, collects every comparison (Relations)
	relations []Relation
	// allListed: the parts of the sum compared are every one of the
	// whole's (sumItems: a table's coded rows), so a sum short of it is no
	// partial list
	allListed bool
	// column names the figures' column a rule compares where it is not
	// the year's (上年数, 预算数), before each finding's message
	column [2]string
	// figs are figOf's answers so far
	figs map[figKey]rfig
}

func newCtx(doc *schema.Document) *ctx {
	c := &ctx{doc: doc, out: []schema.Check{}, seen: map[string]bool{}}
	// the rules resolve pointers into the figures only: the claims,
	// provenance, warnings, goals and indicators are read from doc
	figures := schema.Document{Revenue: doc.Revenue, Expenditure: doc.Expenditure, GovernmentFund: doc.GovernmentFund,
		StateCapital: doc.StateCapital, OperatingCosts: doc.OperatingCosts, Procurement: doc.Procurement, Assets: doc.Assets,
		ThreePublic: doc.ThreePublic}
	if p := doc.Performance; p != nil {
		figures.Performance = &schema.Performance{Projects: p.Projects}
	}
	c.tree, _ = schema.Value(&figures)
	return c
}

// get resolves a JSON pointer to a value of the model.
func (c *ctx) get(ptr string) (any, bool) {
	cur := c.tree
	for rest, more := strings.TrimPrefix(ptr, "/"), true; more; { // each part between slashes, none cut out
		var p string
		p, rest, more = strings.Cut(rest, "/")
		if p == "" {
			continue
		}
		var ok bool
		if cur, ok = child(cur, p); !ok {
			return nil, false
		}
	}
	return cur, true
}

// child is the member p of an object or array v.
func child(v any, p string) (any, bool) {
	switch v := v.(type) {
	case map[string]any:
		x, ok := v[p]
		return x, ok
	case []any:
		i, err := strconv.Atoi(p)
		if err != nil || i < 0 || i >= len(v) {
			return nil, false
		}
		return v[i], true
	}
	return nil, false
}

// num resolves a pointer to a number.
func (c *ctx) num(ptr string) (float64, bool) {
	v, ok := c.get(ptr)
	if !ok {
		return 0, false
	}
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

// amountOf resolves the amount of a figure object (amount or total).
func (c *ctx) amountOf(path string) (float64, string, bool) {
	for _, f := range []string{"/amount", "/total"} {
		if v, ok := c.num(path + f); ok {
			return v, path + f, true
		}
	}
	if v, ok := c.num(path); ok {
		return v, path, true
	}
	return 0, "", false
}

// line is the source line of a figure, 0 when unknown.
func (c *ctx) line(ptr string) int {
	if n, ok := strings.CutPrefix(ptr, "/text/"); ok { // /text/<line>: a statement no model figure takes
		line, _ := strconv.Atoi(n)
		return line
	}
	return c.doc.Provenance[ptr].Line
}

// finding is one comparison; it reports nothing when the numbers agree.
type finding struct {
	stated, computed float64
	// tol is the largest difference the rounding of figs explains
	tol   float64
	figs  []rfig
	unit  string
	paths []string
	lines []int // the source lines to cite; without them, those of the paths
	// atLeast: the stated number may exceed the computed one (a whole
	// against parts that may not be all of it)
	atLeast bool
	// allowZh and allowEn name an allowance beyond rounding that tol holds
	allowZh, allowEn string
	msg, msgEn       string
	// causeZh and causeEn say how the document made a stated number that
	// differs (a rate over another base), after the tolerance
	causeZh, causeEn string
	// severity, when set, replaces the rule's for a difference beyond
	// the tolerance
	severity string
}

func (c *ctx) report(f finding) {
	lines := append([]int(nil), f.lines...)
	if f.lines == nil {
		for _, p := range f.paths {
			lines = append(lines, c.line(p))
		}
	}
	sort.Ints(lines)
	lines = nonZero(uniqInts(lines))
	if c.relations != nil {
		c.relations = append(c.relations, Relation{Rule: c.rule.ID, Paths: f.paths, Lines: lines})
		return
	}
	diff := math.Abs(f.stated - f.computed)
	if diff < 0.005 || f.atLeast && f.stated >= f.computed {
		return
	}
	if c.column[0] != "" {
		f.msg, f.msgEn = c.column[0]+"："+f.msg, c.column[1]+": "+f.msgEn
	}
	key := fmt.Sprint(c.rule.ID, f.stated, f.computed, f.msg)
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	sev := c.rule.Severity
	if f.severity != "" {
		sev = f.severity
	}
	unitZh, unitEn := "元", " yuan"
	switch f.unit {
	case "%":
		unitZh, unitEn = "%", "%"
	case "count":
		unitZh, unitEn = "处", ""
	case "people":
		unitZh, unitEn = "人", " people"
	case "year":
		unitZh, unitEn = "年", ""
	case "sign":
		unitZh, unitEn = "", ""
	}
	// the tolerance and what makes it: the roundings, and an allowance
	var whyZh, whyEn []string
	if noteZh, noteEn := roundingNote(f.figs); noteZh != "" {
		whyZh, whyEn = append(whyZh, "舍入："+noteZh), append(whyEn, "rounding: "+noteEn)
	}
	if f.allowZh != "" {
		whyZh, whyEn = append(whyZh, f.allowZh), append(whyEn, f.allowEn)
	}
	tolZh, tolEn := "", ""
	switch {
	case len(whyZh) == 0 && (f.unit == "yuan" || f.unit == "%"):
		tolZh, tolEn = "，不允许误差", "; no difference allowed"
	case len(whyZh) > 0 && f.unit == "sign":
		tolZh = fmt.Sprintf("，两数相差 %s元以内视为相等（%s）", fmtNum(f.tol), strings.Join(whyZh, "；"))
		tolEn = fmt.Sprintf("; within %s yuan the two count as equal (%s)", fmtNum(f.tol), strings.Join(whyEn, "; "))
	case len(whyZh) > 0:
		tolZh = fmt.Sprintf("，允许相差 %s%s（%s）", fmtNum(f.tol), unitZh, strings.Join(whyZh, "；"))
		tolEn = fmt.Sprintf("; allowed %s%s (%s)", fmtNum(f.tol), unitEn, strings.Join(whyEn, "; "))
	}
	tol := f.tol
	if f.unit == "sign" {
		tol = 0 // the rounding decided the computed sign: the signs must agree
	}
	if diff <= tol+1e-9 {
		sev = schema.SeverityInfo
		tolZh += "，差异在此范围内"
		tolEn += "; within it"
	}
	if f.causeZh != "" && sev != schema.SeverityInfo {
		tolZh, tolEn = tolZh+"；"+f.causeZh, tolEn+"; "+f.causeEn
	}
	var files []int // in a disclosure of several files, the file of each line
	if len(c.doc.Document.Sources) > 1 {
		lines, files = c.locate(f, lines)
	}
	where, whereEn := "", ""
	if len(lines) > 0 {
		ls := make([]string, len(lines))
		for i, l := range lines {
			ls[i] = strconv.Itoa(l)
		}
		where, whereEn = "（第 "+strings.Join(ls, "、")+" 行）", " (lines "+strings.Join(ls, ", ")+")"
	}
	c.out = append(c.out, schema.Check{
		Rule: c.rule.ID, Severity: sev,
		Message: fmt.Sprintf("%s：%s%s，陈述为 %s%s，计算得 %s%s，相差 %s%s%s", c.rule.Title, f.msg, where,
			fmtStated(f.stated), unitZh, fmtNum(f.computed), unitZh, fmtNum(diff), unitZh, tolZh),
		MessageEn: fmt.Sprintf("%s: %s%s; stated %s%s, computed %s%s, difference %s%s%s", c.rule.TitleEn, f.msgEn, whereEn,
			fmtStated(f.stated), unitEn, fmtNum(f.computed), unitEn, fmtNum(diff), unitEn, tolEn),
		Unit: unitName(f.unit), Stated: roundStated(f.stated), Computed: round2(f.computed), Tolerance: round2(tol),
		Paths: f.paths, Lines: lines, Files: files,
	})
}

// locate finds the file of each line a finding cites, in a disclosure of
// several files: a line is one of its paths' provenance, of a claim about
// them or of a warning, and it is in the file that one is in (in each, when
// lines of two files share a number). The lines come back sorted by file.
func (c *ctx) locate(f finding, lines []int) ([]int, []int) {
	type at struct{ file, line int }
	var cands []at
	about := func(p string) bool {
		for _, q := range f.paths {
			if p != "" && (q == p || strings.HasPrefix(q, p+"/")) {
				return true
			}
		}
		return false
	}
	for _, p := range f.paths {
		if s, ok := c.doc.Provenance[p]; ok {
			cands = append(cands, at{s.File, s.Line})
		}
		if p == "/warnings" {
			for _, w := range c.doc.Warnings {
				cands = append(cands, at{w.File, w.Line})
			}
		}
	}
	for _, cl := range c.doc.Claims {
		if about(cl.Path) || about(cl.Of) {
			cands = append(cands, at{cl.File, cl.Line})
		}
	}
	var found []at
	for _, l := range lines {
		for _, a := range cands {
			if a.line == l && !slices.Contains(found, a) {
				found = append(found, a)
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].file != found[j].file {
			return found[i].file < found[j].file
		}
		return found[i].line < found[j].line
	})
	ls, fs := []int{}, []int{}
	for _, a := range found {
		ls, fs = append(ls, a.line), append(fs, a.file)
	}
	return ls, fs
}

func unitName(u string) string {
	switch u {
	case "%", "count", "people", "year", "sign":
		return u
	}
	return "yuan"
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func fmtNum(f float64) string { return strconv.FormatFloat(round2(f), 'f', -1, 64) }

// roundStated keeps the digits a document prints beyond two decimals (a
// share of "0.019%" is not shown as 0.02%), and drops float noise.
func roundStated(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func fmtStated(f float64) string { return strconv.FormatFloat(roundStated(f), 'f', -1, 64) }

func uniqInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func nonZero(s []int) []int {
	out := []int{}
	for _, v := range s {
		if v > 0 {
			out = append(out, v)
		}
	}
	return out
}
