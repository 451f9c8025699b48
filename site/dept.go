package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"budgetpub/internal/wire"
	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/identity"
	"budgetpub/schema"
)

// deptID is a document's department id: the one its release gave it, else
// the default of its name. It names the department's page.
func deptID(d *schema.Document) string {
	if d.Department.ID != "" {
		return d.Department.ID
	}
	return identity.ID(identity.Qualified(d.Department.Name, d.Department.Region))
}

type seriesCell struct {
	Amount *schema.Money
	Change string
}

type series struct {
	Zh, En string
	Cells  []seriesCell
}

// publishedName is a name a department published under, with the years.
type publishedName struct {
	Name, Years string
}

// trendLines are the charts of a department page: each a set of measures
// (emit.Measures keys) of one order of magnitude.
var trendLines = []struct {
	zh, en string
	keys   []string
}{
	{"支出总计、基本支出与项目支出", "Total, basic and project expenditure", []string{"expenditure_total", "basic_expenditure", "project_expenditure"}},
	{"“三公”经费与机关运行经费", "Three public expenses and operating costs", []string{"three_public_total", "operating_costs"}},
}

// departments writes a page per department id: its disclosures side by
// side in year order (budget before final accounts), each figure's change
// on the previous disclosure of the same kind, charts of its totals, basic
// and project expenditure, 三公 and 机关运行经费 across years, the names it
// published under, and its panel rows as dept/<id>.csv.
func (r *renderer) departments() error {
	by := map[string][]int{} // department id → its summaries, in the order of their ids
	for i, s := range r.summaries.refs {
		by[s.DeptID] = append(by[s.DeptID], i)
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	r.deptKeys = make(map[string]string, len(ids))
	for _, id := range ids {
		docs := make([]Summary, len(by[id]))
		for k, i := range by[id] {
			s, err := r.summaries.read(i)
			if err != nil {
				return err
			}
			docs[k] = s
		}
		sort.SliceStable(docs, func(i, j int) bool {
			if a, b := len(docs[i].Unknown) > 0, len(docs[j].Unknown) > 0; a != b {
				return b // those whose year or kind is unknown after the department's years
			}
			if docs[i].Year != docs[j].Year {
				return docs[i].Year < docs[j].Year
			}
			if docs[i].Kind != docs[j].Kind {
				return docs[i].Kind == schema.KindBudget
			}
			return docs[i].ID < docs[j].ID
		})
		key := r.deptKey(id, docs)
		r.deptKeys[id] = key
		if r.linkDept(id, key) {
			continue
		}
		var ss []series
		for k, sn := range seriesNames {
			s := series{Zh: sn.zh, En: sn.en}
			prev := map[string]*schema.Money{} // by kind
			for _, d := range docs {
				v := d.Values[k]
				c := seriesCell{Amount: v}
				if len(d.Unknown) > 0 {
					s.Cells = append(s.Cells, c) // of no year to change on
					continue
				}
				if p := prev[d.Kind]; v != nil && p != nil && *p != 0 {
					c.Change = fmt.Sprintf("%+.2f%%", (v.Float()-p.Float())/p.Float()*100)
				}
				s.Cells = append(s.Cells, c)
				if v != nil {
					prev[d.Kind] = v
				}
			}
			ss = append(ss, s)
		}
		var charts []template.HTML
		dated := docs // the department's years: not those whose year or kind is unknown, last
		for len(dated) > 0 && len(dated[len(dated)-1].Unknown) > 0 {
			dated = dated[:len(dated)-1]
		}
		for _, t := range trendLines {
			if c := trendChart(t.zh+" "+t.en, dated, t.keys); c != "" {
				charts = append(charts, c)
			}
		}
		if err := r.deptCSV(id, dated); err != nil {
			return err
		}
		names := publishedNames(docs)
		head := docs[len(docs)-1] // the latest names the page
		if len(dated) > 0 {
			head = dated[len(dated)-1]
		}
		if err := r.render("dept.html", "dept/"+id+".html", struct {
			page
			ID     string
			Name   string
			Names  []publishedName
			Docs   []Summary
			Series []series
			Charts []template.HTML
		}{page{Title: deptName(head.Department), Root: "../", Release: Release{Version: r.rel.Version}}, id, head.Department, names, docs, ss, charts}); err != nil {
			return err
		}
	}
	return nil
}

// deptKey is what a department's page and panel rows are made of: its id,
// its disclosures' summaries (in the page's order, in their binary form:
// every field, a list none apart from an empty one), the version the
// footer names and the code (Options.Code). The page names no release, so
// that a later release can link it.
func (r *renderer) deptKey(id string, docs []Summary) string {
	b := wire.AppendString(nil, r.o.Code)
	b = wire.AppendString(b, r.rel.Version)
	b = wire.AppendString(b, id)
	b = binary.AppendUvarint(b, uint64(len(docs)))
	for _, d := range docs {
		b = d.AppendBinary(b)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// linkDept links the department id's page and panel rows from the earlier
// release (DepartmentsFrom) when it made them with the key key; it reports
// false, having left neither, when it cannot.
func (r *renderer) linkDept(id, key string) bool {
	if r.deptFrom == "" || r.o.Code == "" || r.deptPrev[id] != key {
		return false
	}
	page := "dept/" + id + ".html"
	var done []string
	for _, rel := range []string{page, "dept/" + id + ".csv"} {
		dst := filepath.Join(r.dir, filepath.FromSlash(rel))
		if emit.LinkFile(filepath.Join(r.deptFrom, filepath.FromSlash(rel)), dst) != nil {
			for _, d := range done {
				os.Remove(d)
			}
			return false
		}
		done = append(done, dst)
	}
	r.mu.Lock()
	r.pages = append(r.pages, page)
	r.mu.Unlock()
	return true
}

// publishedNames lists the names a department's disclosures print (each
// file of one: the name and the other names it was also printed under),
// each with its years, in the order they first appear.
func publishedNames(docs []Summary) []publishedName {
	years := map[string][]string{}
	var order []string
	for _, d := range docs {
		for _, n := range append([]string{d.Department}, d.AlsoNamed...) {
			if n == "" {
				continue // a department not identified published under no name
			}
			if _, ok := years[n]; !ok {
				order = append(order, n)
			}
			y := yearText(d.Year)
			if l := years[n]; len(l) == 0 || l[len(l)-1] != y {
				years[n] = append(l, y)
			}
		}
	}
	out := make([]publishedName, len(order))
	for i, n := range order {
		out[i] = publishedName{n, strings.Join(years[n], ", ")}
	}
	return out
}

// deptCSV writes a department's panel rows: ids, years, kinds, measure
// keys and amounts — no text a document printed.
func (r *renderer) deptCSV(id string, docs []Summary) error {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"department_id", "fiscal_year", "kind", "measure", "value", "document_id", "pointer"})
	for _, d := range docs {
		for _, m := range d.Measures {
			w.Write([]string{id, strconv.Itoa(d.Year), d.Kind, m.Key, m.Value.String(), d.ID, m.Pointer})
		}
	}
	w.Flush()
	return emit.WriteNew(filepath.Join(r.dir, "dept", id+".csv"), b.Bytes())
}

// trendChart draws measures of a department across its years: a line per
// measure and kind, solid for budgets, dashed for final accounts, each
// point with its amount as a tooltip; "" when no document states any.
func trendChart(title string, docs []Summary, keys []string) template.HTML {
	var years []int
	var max schema.Money
	type point struct {
		year int
		v    schema.Money
	}
	lines := map[string][]point{} // key + kind
	for _, d := range docs {
		if len(years) == 0 || years[len(years)-1] != d.Year {
			years = append(years, d.Year)
		}
		for _, m := range d.Measures {
			for _, k := range keys {
				if m.Key == k {
					lines[k+" "+d.Kind] = append(lines[k+" "+d.Kind], point{d.Year, m.Value})
					if m.Value > max {
						max = m.Value
					}
				}
			}
		}
	}
	if len(lines) == 0 {
		return ""
	}
	const w, h, left, right, top, bottom = 720, 280, 110, 20, 60, 30
	x := func(year int) float64 {
		if len(years) == 1 {
			return left + float64(w-left-right)/2
		}
		return left + float64(year-years[0])/float64(years[len(years)-1]-years[0])*float64(w-left-right)
	}
	y := func(v schema.Money) float64 {
		if max <= 0 {
			return h - bottom
		}
		return h - bottom - float64(v)/float64(max)*float64(h-top-bottom)
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="trend" role="img" aria-label="%s" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet"><title>%s</title>`, esc(title), w, h, esc(title))
	for _, v := range []schema.Money{0, max / 2, max} {
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/><text x="%d" y="%.1f" text-anchor="end">%s 万元</text>`,
			left, w-right, y(v), y(v), left-6, y(v)+4, groupDigits(strconv.FormatInt(int64(v)/1000000, 10)))
	}
	for _, yr := range years {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`, x(yr), h-8, yr)
	}
	for i, k := range keys {
		name := seriesLabel(k)
		for _, kind := range []string{schema.KindBudget, schema.KindFinalAccounts} {
			pts := lines[k+" "+kind]
			if len(pts) == 0 {
				continue
			}
			cls := fmt.Sprintf("s%d %s", i, kind)
			if len(pts) > 1 {
				var coords []string
				for _, p := range pts {
					coords = append(coords, fmt.Sprintf("%.1f,%.1f", x(p.year), y(p.v)))
				}
				fmt.Fprintf(&b, `<polyline class="%s" points="%s"/>`, cls, strings.Join(coords, " "))
			}
			for _, p := range pts {
				fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="4"><title>%s %d %s: %s 元</title></circle>`,
					cls, x(p.year), y(p.v), esc(name), p.year, kindZh[kind], groupDigits(p.v.String()))
			}
		}
		lx := left + i*170
		fmt.Fprintf(&b, `<line class="s%d" x1="%d" x2="%d" y1="12" y2="12"/><text x="%d" y="16">%s</text>`, i, lx, lx+24, lx+30, esc(name))
	}
	fmt.Fprintf(&b, `<text x="%d" y="36" class="note">实线 预算 budget · 虚线 决算 final accounts</text></svg>`, left)
	return template.HTML(b.String())
}

var kindZh = map[string]string{schema.KindBudget: "预算", schema.KindFinalAccounts: "决算"}

// seriesLabel is a measure's Chinese name, as the charts' legends show it.
func seriesLabel(key string) string {
	return map[string]string{"expenditure_total": "支出总计", "basic_expenditure": "基本支出", "project_expenditure": "项目支出",
		"three_public_total": "“三公”经费", "operating_costs": "机关运行经费"}[key]
}
