package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"budgetpub/pipeline/check"
	"budgetpub/pipeline/disclosure"
	"budgetpub/pipeline/identity"
	"budgetpub/schema"
)

// ident is what grouping files into disclosures and pairing budgets with
// final accounts need of a document. It is kept in the cache beside the
// documents (idents.json), so that a run with nothing new reads none of
// them.
type ident struct {
	Name     string `json:"name"`
	Region   string `json:"region,omitempty"` // the department's, which its name may not hold
	Kind     string `json:"kind"`
	Scope    string `json:"scope,omitempty"`
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Template string `json:"template,omitempty"` // why the document is a placeholder template
}

// complete tells a document that tells its department, year and kind: one
// that does not (schema.Meta.Unknown) is a disclosure of its own, joined to
// no other file, year or kind.
func (i ident) complete() bool { return len(i.unknown()) == 0 }

// unknown is what of its identity the document does not tell, as
// schema.Meta.Unknown lists it.
func (i ident) unknown() []string {
	var out []string
	if i.Name == "" {
		out = append(out, schema.UnknownDepartment)
	}
	if i.Year == 0 {
		out = append(out, schema.UnknownYear)
	}
	if i.Kind == "" {
		out = append(out, schema.UnknownKind)
	}
	return out
}

// deptID is the id of the department of the document docID: the table's,
// or where the document does not tell it, one of the document's own.
func deptID(table *identity.Table, docID, name, region string) string {
	if name == "" {
		return identity.Unidentified(docID)
	}
	return table.IDIn(name, region)
}

func identOf(d *schema.Document) ident {
	return ident{Name: d.Department.Name, Region: d.Department.Region, Kind: d.Document.Kind, Scope: d.Document.Scope, Year: d.Document.FiscalYear,
		Title: d.Document.Title, Template: templateOf(d)}
}

// placeholderAmount is an amount a template leaves to fill: XXX 万元, XX%.
var placeholderAmount = regexp.MustCompile(`(XX+|××+|〇〇+|○○+)\s*(万元|元|%)`)

// templateOf tells why a document is a template that was never filled in,
// or "": its department's name holds a placeholder (上海市XX局), or it
// states no amount but zeros while its text writes amounts as placeholders.
func templateOf(d *schema.Document) string {
	if identity.Placeholder(d.Department.Name) {
		return fmt.Sprintf("a template, not a disclosure: the department is named %s", d.Department.Name)
	}
	n := 0
	for _, w := range d.Warnings {
		if strings.HasPrefix(w.Reason, schema.WarnPlaceholder) && placeholderAmount.MatchString(w.Text) {
			n++
		}
	}
	if n == 0 || d.AnyAmount(func(v float64) bool { return v != 0 }) {
		return ""
	}
	return fmt.Sprintf("a template, not a disclosure: no amount is stated and %d lines write amounts as placeholders (XX 万元)", n)
}

func (c cache) identsPath() string { return filepath.Join(c.dir, "idents.json") }

func (c cache) loadIdents() map[string]ident {
	m := map[string]ident{}
	if data, err := os.ReadFile(c.identsPath()); err == nil {
		json.Unmarshal(data, &m)
	}
	return m
}

func (c cache) saveIdents(m map[string]ident) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return writeAtomic(c.identsPath(), data)
}

// input is a file extracted (or cached) and checked, that is not a template.
type input struct {
	path, rel, id, key string
	meta               Metadata
	ident              ident
	dept               string // department id
}

// group is one disclosure: its id and its files, sorted by path.
type group struct {
	id      string
	members []input
}

// groups puts the files into disclosures. Files whose metadata.csv rows
// name one disclosure (column disclosure) are its parts, and its id is
// made of that name. Of the others, files of one department (by id), year,
// kind and scope are the parts of one disclosure when at least one says
// it is a part — by its name (…_text-part, …_tables-part) or its title
// (…预算表, …情况说明) — and at most one does not; otherwise each file is
// a disclosure of its own. A merged disclosure takes the id of its one
// file that is not a part, else its files' name without the part's suffix
// (when no other file has that id).
func groups(in []input) []group {
	declared := map[string][]input{}
	byKey := map[string][]input{}
	for _, f := range in {
		if d := strings.TrimSpace(f.meta.Disclosure); d != "" {
			declared[d] = append(declared[d], f)
			continue
		}
		k := fmt.Sprint(f.dept, "\x00", f.ident.Year, "\x00", f.ident.Kind, "\x00", f.ident.Scope)
		if !f.ident.complete() {
			k = "\x00" + f.id // a part of what? its own
		}
		byKey[k] = append(byKey[k], f)
	}
	taken := map[string]bool{}
	for _, f := range in {
		taken[f.id] = true
	}
	var out []group
	add := func(id string, members []input) {
		sort.Slice(members, func(i, j int) bool { return members[i].rel < members[j].rel })
		if len(members) == 1 {
			out = append(out, group{members[0].id, members})
			return
		}
		own := false
		for _, m := range members {
			own = own || m.id == id
			delete(taken, m.id)
		}
		if id == "" || taken[id] && !own {
			id = members[0].id
		}
		taken[id] = true
		out = append(out, group{id, members})
	}
	for _, d := range sortedKeys(declared) {
		add(idOf(d), declared[d])
	}
	for _, k := range sortedKeys(byKey) {
		fs := byKey[k]
		var parts, whole []input
		for _, f := range fs {
			if _, ok := disclosure.PartName(f.rel); ok || disclosure.PartTitle(f.ident.Title) {
				parts = append(parts, f)
			} else {
				whole = append(whole, f)
			}
		}
		if len(fs) < 2 || len(parts) == 0 || len(whole) > 1 {
			for _, f := range fs {
				add(f.id, []input{f})
			}
			continue
		}
		id := ""
		if len(whole) == 1 {
			id = whole[0].id
		} else {
			sort.Slice(parts, func(i, j int) bool { return parts[i].rel < parts[j].rel })
			stem, _ := disclosure.PartName(parts[0].rel)
			id = idOf(stem)
		}
		add(id, fs)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// mergeKey is the cache key of a merged disclosure: its id, its files'
// keys and the code.
func mergeKey(g group) string {
	h := sha256.New()
	keys := []string{"merge", g.id, codeID()}
	for _, m := range g.members {
		keys = append(keys, m.key)
	}
	json.NewEncoder(h).Encode(keys)
	return hex.EncodeToString(h.Sum(nil))
}

// merge makes the document of a disclosure of several files from their
// cached documents, checks and validates it, and caches it under key.
func (c cache) merge(g group, key string) (*schema.Document, error) {
	parts := make([]disclosure.Part, len(g.members))
	for i, m := range g.members {
		e, ok := c.load(m.key)
		if !ok {
			return nil, fmt.Errorf("cache: the entry of %s vanished during the run", m.path)
		}
		parts[i] = disclosure.Part{Doc: e.Doc, Lines: e.Lines}
	}
	d, lines, err := disclosure.Merge(g.id, parts)
	if err != nil {
		return nil, err
	}
	check.Run(d)
	if err := schema.Validate(d); err != nil {
		return nil, fmt.Errorf("merge: validate %s: %w", g.id, err)
	}
	return d, c.putEntry(key, &entry{Doc: d, Lines: lines[0], Parts: lines[1:]})
}

// readTable reads the alias table of the input folder (departments.csv),
// under the rules of the inputs; a missing table is none. Rows it cannot
// use are returned as rejected, each with its line.
func readTable(dir string) (*identity.Table, []Rejected, error) {
	f, p, err := openSideFile(dir, identity.TableFile)
	if f == nil || err != nil {
		return nil, nil, err
	}
	defer f.Close()
	t, bad, err := identity.ReadTable(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", p, err)
	}
	var rej []Rejected
	for _, e := range bad {
		rej = append(rej, Rejected{Path: p, Error: "departments: " + e.Error() + ": row left out"})
	}
	return t, rej, nil
}

// pairs pairs each budget with the final accounts of the same department
// (by id) and year: a map from either's document id to the other's. A
// department-year with more than one of a kind, or of two scopes (a unit's
// budget, a department's final accounts), is not paired.
func pairs(docs map[string]ident, table *identity.Table) map[string]string {
	type both struct{ budget, final []string }
	by := map[string]*both{}
	for _, id := range sortedKeys(docs) {
		d := docs[id]
		if !d.complete() {
			continue // a budget of which year, the final accounts of which department?
		}
		k := fmt.Sprint(table.IDIn(d.Name, d.Region), "\x00", d.Year)
		if by[k] == nil {
			by[k] = &both{}
		}
		if d.Kind == schema.KindFinalAccounts {
			by[k].final = append(by[k].final, id)
		} else {
			by[k].budget = append(by[k].budget, id)
		}
	}
	out := map[string]string{}
	for _, b := range by {
		if len(b.budget) != 1 || len(b.final) != 1 {
			continue
		}
		s1, s2 := docs[b.budget[0]].Scope, docs[b.final[0]].Scope
		if s1 != "" && s2 != "" && s1 != s2 {
			continue
		}
		out[b.budget[0]], out[b.final[0]] = b.final[0], b.budget[0]
	}
	return out
}

func ptrTo[T any](v T) *T { return &v }
