// Package disclosure makes one document of the files that are parts of one
// disclosure — a text part and a tables part published apart, a web page
// and its attachment — and tells which files are parts.
//
// Each file is extracted on its own first. Merge then takes the part
// stating the most figures as the base and adds what the others state and
// it does not: a figure, a class's items, a table's categories, each with
// its provenance pointing into its own file (Source.File, an index into
// /document/sources). Where two files state one figure with two amounts,
// the base's stays and the other's becomes a part claim, which the check
// cross.parts reports. Nothing is summed or guessed: an array element of
// another part that matches none of the base's (by code, else by name) is
// added only in a coded classification, where the code says what it is, or
// among the revenue sources, whose names are the extractor's canonical
// ones; elsewhere it is left out with a warning.
package disclosure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// Part is one file of a disclosure: its document, extracted on its own,
// and its text's lines.
type Part struct {
	Doc   *schema.Document
	Lines []string
}

// moneyKeys are the object keys whose numbers are amounts of money: a
// difference between two parts is a finding.
var moneyKeys = map[string]bool{"amount": true, "total": true, "prior_year": true, "budgeted": true, "current_year": true,
	"carried_over": true, "carried_forward": true, "fiscal_total": true, "goods": true, "works": true, "services": true}

// Merge makes one document, with the id id, of the parts of a disclosure
// (at least two). It returns the document, unchecked, and the lines of
// each of its files in the order of /document/sources: the base first
// (the part with the most figures; the first of them on a tie), the others
// in the order given.
func Merge(id string, parts []Part) (*schema.Document, [][]string, error) {
	if len(parts) < 2 {
		return nil, nil, fmt.Errorf("merge %s: %d files, want at least two", id, len(parts))
	}
	// the parts that tell the kind and year must tell the same (a part
	// that does not, Meta.Unknown, takes the others')
	for i, p := range parts {
		for _, q := range parts[:i] {
			a, b := q.Doc.Document, p.Doc.Document
			if a.Kind != b.Kind && a.Kind != "" && b.Kind != "" || a.FiscalYear != b.FiscalYear && a.FiscalYear != 0 && b.FiscalYear != 0 {
				return nil, nil, fmt.Errorf("merge %s: %s is a %s of %d, %s a %s of %d: not one disclosure",
					id, a.Source.Path, a.Kind, a.FiscalYear, b.Source.Path, b.Kind, b.FiscalYear)
			}
		}
	}
	base := 0
	for i, p := range parts {
		if len(p.Doc.Provenance) > len(parts[base].Doc.Provenance) {
			base = i
		}
	}
	order := []Part{parts[base]}
	for i, p := range parts {
		if i != base {
			order = append(order, p)
		}
	}
	b := order[0].Doc
	out := *b
	out.ID = id
	out.Checks = []schema.Check{}
	out.Document.Sources = nil
	for _, p := range order {
		out.Document.Sources = append(out.Document.Sources, p.Doc.Document.Source)
	}
	out.Document.Title = title(order)
	for _, p := range order[1:] { // what the base does not tell, another part may
		m := p.Doc.Document
		if out.Document.Kind == "" && m.Kind != "" {
			out.Document.Kind, out.Document.Scope = m.Kind, m.Scope
		}
		if out.Document.FiscalYear == 0 {
			out.Document.FiscalYear = m.FiscalYear
		}
	}
	for _, p := range order[1:] {
		if out.Document.Publisher == "" {
			out.Document.Publisher = p.Doc.Document.Publisher
		}
		if out.Document.SourceURL == "" {
			out.Document.SourceURL = p.Doc.Document.SourceURL
		}
	}
	tree, err := figures(b)
	if err != nil {
		return nil, nil, err
	}
	out.Provenance = map[string]schema.Source{}
	for k, v := range b.Provenance {
		out.Provenance[k] = v
	}
	out.Claims = append([]schema.Claim{}, b.Claims...)
	out.Warnings = nil
	for file, p := range order[1:] {
		file++
		other, err := figures(p.Doc)
		if err != nil {
			return nil, nil, err
		}
		m := &merger{file: file, remap: map[string]string{}, differ: map[string]bool{}}
		tree = m.merge(tree, other, "", "").(map[string]any)
		for ptr, src := range p.Doc.Provenance {
			q, ok := m.ptr(ptr)
			if _, taken := out.Provenance[q]; !ok || taken || m.differ[q] {
				continue
			}
			src.File = file
			out.Provenance[q] = src
		}
		for _, cl := range p.Doc.Claims {
			path, ok1 := m.ptr(cl.Path)
			of, ok2 := m.ptr(cl.Of)
			if !ok1 || cl.Of != "" && !ok2 {
				continue
			}
			cl.Path, cl.Of, cl.File = path, of, file
			out.Claims = append(out.Claims, cl)
		}
		for _, c := range m.conflicts {
			src := p.Doc.Provenance[c.from]
			out.Claims = append(out.Claims, schema.Claim{Path: c.ptr, Kind: schema.ClaimPart, Value: c.value, Decimals: 2,
				Unit: "元", Line: src.Line, Text: src.Text, File: file})
		}
		for _, l := range m.left {
			src := p.Doc.Provenance[l+"/amount"]
			out.Warnings = append(out.Warnings, schema.Warning{Line: src.Line, Text: src.Text, File: file,
				Reason: "not merged: " + l + " of this file matches nothing in " + b.Document.Source.Path})
		}
	}
	if err := setFigures(&out, tree); err != nil {
		return nil, nil, err
	}
	out.Department = department(order)
	if _, ok := out.Provenance["/department/name"]; !ok && out.Department.Name != "" {
		for file, p := range order { // the name another part than the base tells
			if src, ok := p.Doc.Provenance["/department/name"]; ok && p.Doc.Department.Name == out.Department.Name {
				src.File = file
				out.Provenance["/department/name"] = src
				break
			}
		}
	}
	out.Document.Unknown = unknown(out)
	out.Warnings = append(warnings(order), out.Warnings...)
	if len(out.Document.Unknown) > 0 {
		out.Warnings = append([]schema.Warning{schema.UnknownWarning(out.Document.Unknown)}, out.Warnings...)
	}
	if out.Warnings == nil {
		out.Warnings = []schema.Warning{} // a part's only warning may have been its identity's
	}
	out.Coverage = coverage(order, out.Warnings)
	lines := make([][]string, len(order))
	for i, p := range order {
		lines[i] = p.Lines
	}
	return &out, lines, nil
}

// title is the disclosure's title: the first part's whose title is not a
// table's ("2017年政府采购预算表"), else the first part's that has one.
func title(order []Part) string {
	for _, p := range order {
		if t := p.Doc.Document.Title; t != "" && !TablesTitle(t) {
			return t
		}
	}
	for _, p := range order {
		if t := p.Doc.Document.Title; t != "" {
			return t
		}
	}
	return ""
}

// unknown is what of its identity the merged document d tells in none of
// its parts (schema.Meta.Unknown).
func unknown(d schema.Document) []string {
	var out []string
	for _, u := range []struct {
		what  string
		known bool
	}{{schema.UnknownDepartment, d.Department.Name != ""}, {schema.UnknownYear, d.Document.FiscalYear != 0}, {schema.UnknownKind, d.Document.Kind != ""}} {
		if !u.known {
			out = append(out, u.what)
		}
	}
	return out
}

// department is the base's, with what it lacks from the other parts (its
// name too, where the base does not tell it).
func department(order []Part) schema.Department {
	d := order[0].Doc.Department
	for _, p := range order[1:] {
		o := p.Doc.Department
		if d.Name == "" {
			d.Name = o.Name
		} else if o.Name != "" && o.Name != d.Name && !slices.Contains(d.AlsoNamed, o.Name) {
			d.AlsoNamed = append(d.AlsoNamed, o.Name)
		}
		if d.Region == "" {
			d.Region = o.Region
		}
		if len(d.Responsibilities) == 0 {
			d.Responsibilities = o.Responsibilities
		}
		if d.Staff == nil {
			d.Staff = o.Staff
		}
	}
	return d
}

// figures is the part of a document that parts merge: its figures, as a
// JSON tree.
func figures(d *schema.Document) (map[string]any, error) {
	f := schema.Document{Revenue: d.Revenue, Expenditure: d.Expenditure, GovernmentFund: d.GovernmentFund,
		StateCapital: d.StateCapital, OperatingCosts: d.OperatingCosts, Procurement: d.Procurement, Assets: d.Assets,
		ThreePublic: d.ThreePublic, Performance: d.Performance}
	data, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	for _, k := range []string{"schema_version", "id", "document", "department", "claims", "checks", "provenance", "warnings"} {
		delete(tree, k)
	}
	return tree, nil
}

// setFigures puts a merged tree back into the document.
func setFigures(d *schema.Document, tree map[string]any) error {
	data, err := json.Marshal(tree)
	if err != nil {
		return err
	}
	var f schema.Document
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	d.Revenue, d.Expenditure, d.GovernmentFund, d.StateCapital = f.Revenue, f.Expenditure, f.GovernmentFund, f.StateCapital
	d.OperatingCosts, d.Procurement, d.Assets, d.ThreePublic, d.Performance = f.OperatingCosts, f.Procurement, f.Assets, f.ThreePublic, f.Performance
	return nil
}

// conflict is a figure two parts state with two amounts.
type conflict struct {
	ptr, from string // in the merged document, in the other part
	value     float64
}

// merger merges one other part into the tree.
type merger struct {
	file      int
	remap     map[string]string // an array element of the other part → its place in the merged tree ("" left out)
	differ    map[string]bool   // merged pointers where the other part says something else
	conflicts []conflict
	left      []string // array elements of the other part left out
}

// ptr is where a pointer of the other part is in the merged tree; false
// when it was left out.
func (m *merger) ptr(p string) (string, bool) {
	best := ""
	for k := range m.remap {
		if (p == k || strings.HasPrefix(p, k+"/")) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return p, true
	}
	to := m.remap[best]
	if to == "" {
		return "", false
	}
	return to + p[len(best):], true
}

// merge merges b (the other part's value at pointer bp) into a (the
// merged value at ap) and returns the result.
func (m *merger) merge(a, b any, ap, bp string) any {
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			return a
		}
		keys := make([]string, 0, len(bv))
		for k := range bv {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if cur, ok := av[k]; ok {
				av[k] = m.merge(cur, bv[k], ap+"/"+k, bp+"/"+k)
			} else {
				av[k] = bv[k]
			}
		}
		return av
	case []any:
		bv, ok := b.([]any)
		if !ok {
			return a
		}
		return m.array(av, bv, ap, bp)
	case json.Number:
		bv, ok := b.(json.Number)
		if !ok {
			return a
		}
		x, _ := av.Float64()
		y, _ := bv.Float64()
		if math.Abs(x-y) >= 0.005 {
			m.differ[ap] = true
			if moneyKeys[ap[strings.LastIndex(ap, "/")+1:]] {
				m.conflicts = append(m.conflicts, conflict{ap, bp, y})
			}
		}
		return a
	default:
		if fmt.Sprint(a) != fmt.Sprint(b) {
			m.differ[ap] = true
		}
		return a
	}
}

// array merges the other part's elements into the base's: matched by code
// when both have one, else by name (or title). Elements matching none are
// added when, after the matching (which gives a base element its match's
// code), every element of both has a code, or when the names are canonical
// (revenue sources); they are left out otherwise.
func (m *merger) array(a, b []any, ap, bp string) []any {
	if len(a) == 0 {
		return b
	}
	used := map[int]bool{}
	var rest []int
	for j, e := range b {
		from := bp + "/" + strconv.Itoa(j)
		if k := match(a, e, used); k >= 0 {
			used[k] = true
			to := ap + "/" + strconv.Itoa(k)
			m.remap[from] = to
			a[k] = m.merge(a[k], e, to, from)
		} else {
			rest = append(rest, j)
		}
	}
	coded := true
	for _, e := range a {
		coded = coded && hasCode(e)
	}
	for _, j := range rest {
		coded = coded && hasCode(b[j])
	}
	// revenue sources are named from a fixed list (the extractor's canonical
	// names): a name there says what the source is, as a code does
	canonical := ap == "/revenue/sources"
	for _, j := range rest {
		from := bp + "/" + strconv.Itoa(j)
		if coded || canonical {
			m.remap[from] = ap + "/" + strconv.Itoa(len(a))
			a = append(a, b[j])
			continue
		}
		m.remap[from] = ""
		if _, isObject := b[j].(map[string]any); isObject {
			m.left = append(m.left, from)
		}
	}
	return a
}

// nameKey is a name as two files may print it: 机关事业单位基本养老保险缴费
// and 机关事业单位基本养老保险缴费支出 are one class.
func nameKey(s string) string {
	return strings.TrimSuffix(strings.Join(strings.Fields(s), ""), "支出")
}

func hasCode(e any) bool {
	o, ok := e.(map[string]any)
	return ok && o["code"] != nil && o["code"] != ""
}

// match is the element of a that e is: the one of the same code, else one
// of the same name (or title) whose code, if both have one, is the same;
// -1 when none (or e is no object).
func match(a []any, e any, used map[int]bool) int {
	o, ok := e.(map[string]any)
	if !ok {
		return -1
	}
	code, _ := o["code"].(string)
	for _, key := range []string{"code", "name", "title"} {
		v, ok := o[key].(string)
		if !ok || v == "" {
			continue
		}
		for i, x := range a {
			xo, ok := x.(map[string]any)
			if w, _ := xo[key].(string); !ok || used[i] || w != v && (key == "code" || nameKey(w) != nameKey(v)) {
				continue
			}
			if c, ok := xo["code"].(string); ok && code != "" && c != code {
				continue // another class, whatever its name
			}
			return i
		}
	}
	return -1
}

// sectionMissing and tableMissing open the structural warnings that only
// hold of the disclosure when they hold of every file that could show them.
var (
	sectionMissing = schema.WarnMissingSection + ": "
	tableMissing   = schema.WarnMissingTable + ": "
)

// warnings are the parts' own, each with its file: a section is missing
// from the disclosure only when no file mentions it, a standard table only
// when every file with tables lacks it.
func warnings(order []Part) []schema.Warning {
	mentioned := map[string]bool{}
	withTables, lacking := 0, map[string]int{}
	for _, p := range order {
		tables := false
		for _, c := range p.Doc.Coverage {
			if c.Part == "section" && c.Status != schema.CoverageAbsent {
				mentioned[c.Name] = true
			}
			tables = tables || c.Part == "table"
		}
		if tables {
			withTables++
		}
		for _, w := range p.Doc.Warnings {
			if name, ok := strings.CutPrefix(w.Reason, tableMissing); ok {
				lacking[name]++
			}
		}
	}
	var out []schema.Warning
	seen := map[string]bool{}
	for file, p := range order {
		for _, w := range p.Doc.Warnings {
			if name, ok := strings.CutPrefix(w.Reason, sectionMissing); ok && mentioned[name] {
				continue
			}
			if name, ok := strings.CutPrefix(w.Reason, tableMissing); ok && (lacking[name] < withTables || seen[w.Reason]) {
				continue
			}
			if strings.HasPrefix(w.Reason, sectionMissing) && seen[w.Reason] || strings.HasPrefix(w.Reason, schema.WarnIdentity) {
				continue // the disclosure's identity is what its parts tell together (Merge)
			}
			seen[w.Reason] = true
			w.File = file
			out = append(out, w)
		}
	}
	return out
}

// coverage is the disclosure's: for each narrative section the best any
// file gives (read, then stated nil, then not read), every file's tables,
// and the standard tables every file with tables lacks.
func coverage(order []Part, ws []schema.Warning) []schema.Coverage {
	rank := map[string]int{schema.CoverageRead: 3, schema.CoverageEmpty: 2, schema.CoverageNotRead: 1, schema.CoverageAbsent: 0}
	var sections []schema.Coverage
	at := map[string]int{}
	var tables []schema.Coverage
	missing := map[string]bool{}
	for _, w := range ws {
		if name, ok := strings.CutPrefix(w.Reason, tableMissing); ok {
			missing[name] = true
		}
	}
	for file, p := range order {
		for _, c := range p.Doc.Coverage {
			c.File = file
			if c.Line == 0 {
				c.File = 0
			}
			switch {
			case c.Part == "section":
				if i, ok := at[c.Name]; !ok {
					at[c.Name] = len(sections)
					sections = append(sections, c)
				} else if rank[c.Status] > rank[sections[i].Status] {
					sections[i] = c
				}
			case c.Status == schema.CoverageAbsent && c.Line == 0:
				if missing[c.Name] {
					tables = append(tables, c)
					missing[c.Name] = false
				}
			default:
				tables = append(tables, c)
			}
		}
	}
	return append(sections, tables...)
}
