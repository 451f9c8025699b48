// Package site renders the static open-data site from the documents and
// what emit wrote, so that a page and the download beside it can never
// disagree. Templates and assets are embedded; every piece of document text
// is escaped, by html/template or, where the program writes the markup
// itself (a disclosure's pages and their tables' rows, the SVG of the
// charts), as html/template escapes it.
//
// Pages: index.html (catalog with search and filters), doc/<id>.html (a
// disclosure), source/<id>.html (its source text with line anchors, and
// where its sentences stand for the search),
// dept/<slug>.html (a department across years), dataset/<table>.html (data
// dictionary, preview, downloads), checks.html, 404.html; and for machines
// catalog.jsonld (DCAT-AP), feed.atom, sitemap.xml, robots.txt.
package site

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"budgetpub/pipeline/check"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

//go:embed templates assets
var embedded embed.FS

// Files holds the templates and assets; tests may swap it.
var Files fs.FS = embedded

// Release describes the release a site belongs to.
type Release struct {
	Name    string // folder name under releases/, a permalink
	Version string // of budgetpub
	Changes emit.Changes
}

// Options of a render.
type Options struct {
	BaseURL string    // absolute URL the site is served at, ending in /
	Updated time.Time // time of the release, for feeds and catalog metadata
	// Originals: the release holds each input file at OriginalPath, and a
	// disclosure's page links it
	Originals bool
	// Code identifies the code that renders (its templates included): a
	// department's page is linked from an earlier release only when made
	// by the same code (DepartmentsFrom)
	Code string
}

// OriginalPath is where a release that publishes its inputs holds one:
// originals/<sha256><extension>, so that a file is stored once however many
// disclosures and releases it is part of.
func OriginalPath(src schema.SourceFile) string {
	return "originals/" + src.SHA256 + strings.ToLower(path.Ext(src.Path))
}

// What the pages print for a department, a year or a kind the document
// does not tell (schema.Meta.Unknown).
const (
	unknownDepartment = "未识别部门 (department not identified)"
	unknownYear       = "年度未知 (year unknown)"
	unknownKind       = "类型未知 (kind unknown)"
)

// deptName is a department's name as pages print it.
func deptName(name string) string {
	if name == "" {
		return unknownDepartment
	}
	return name
}

// yearText is a fiscal year as pages print it.
func yearText(year int) string {
	if year == 0 {
		return unknownYear
	}
	return strconv.Itoa(year)
}

var funcs = template.FuncMap{
	"kind":    kindText,
	"dept":    deptName,
	"year":    yearText,
	"unknown": unknownText,
	"yuan":    groupDigits,
	"inc":     func(i int) int { return i + 1 },
	"lineAt":  lineAnchor,
}

// unknownText names what of its identity a document does not tell.
func unknownText(what string) string {
	return map[string]string{schema.UnknownDepartment: "部门 department", schema.UnknownYear: "年度 fiscal year", schema.UnknownKind: "类型 kind"}[what]
}

// lineAnchor is the anchor of a dataset row's line (a string, "" where the
// figure has none) in its file, "" for none.
func lineAnchor(file int, line string) string {
	if n, err := strconv.Atoi(line); err == nil && n > 0 {
		return anchor(file, n)
	}
	return ""
}

// lineRef is a line in a file of a disclosure.
type lineRef struct{ File, Line int }

func anchor(file, line int) string {
	if file == 0 {
		return "L" + strconv.Itoa(line)
	}
	return "F" + strconv.Itoa(file) + "L" + strconv.Itoa(line)
}

// groupDigits groups the integer part of a decimal amount: 3056300 → 3,056,300.
func groupDigits(v any) string {
	s := fmt.Sprint(v)
	if p, ok := v.(*schema.Money); ok {
		if p == nil {
			return ""
		}
		s = p.String()
	}
	if s == "" {
		return "—"
	}
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Renderer writes the site: a disclosure's pages as each document comes
// (safe for concurrent use), the rest when Finish is called.
type Renderer struct {
	dir  string
	tmpl map[string]*template.Template
	o    Options
	rel  Release

	mu        sync.Mutex
	pages     []string  // every page written, for the sitemap
	summaries summaries // every document's, to Finish
	search    searchIndex

	// an earlier release's folder and the keys of its department pages
	// (DepartmentsFrom); the keys of this one's
	deptFrom           string
	deptPrev, deptKeys map[string]string

	chrome pageChrome // of a disclosure's pages
}

// DepartmentsFrom tells the renderer the release in dir, whose department
// pages had the keys keys (DepartmentKeys): a department whose key is the
// same has its page and panel rows linked from there, not written.
func (r *Renderer) DepartmentsFrom(dir string, keys map[string]string) {
	r.deptFrom, r.deptPrev = dir, keys
}

// DepartmentKeys are the keys of the department pages Finish wrote or
// linked, by department id: what each page and its panel rows are made of.
func (r *Renderer) DepartmentKeys() map[string]string { return r.deptKeys }

// renderer is the Renderer's name inside the package.
type renderer = Renderer

// page is what every template gets.
type page struct {
	Title   string
	Root    string
	Release Release
	JSONLD  template.JS
}

// pageBuffers are the buffers pages are rendered into, kept for the next
// page once one is written: a disclosure's pages are some 10–60 KB each, and
// a buffer grown to that size for every page was much of what the
// publishing workers allocated.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (r *renderer) render(name, out string, data any) error {
	return r.write(out, func(b *bytes.Buffer) error { return r.tmpl[name].ExecuteTemplate(b, name, data) })
}

// write writes the page out as fill writes it.
func (r *renderer) write(out string, fill func(b *bytes.Buffer) error) error {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := fill(buf); err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	r.mu.Lock()
	r.pages = append(r.pages, out)
	r.mu.Unlock()
	return emit.WriteNew(filepath.Join(r.dir, filepath.FromSlash(out)), buf.Bytes())
}

// NewRenderer prepares the templates and writes the assets into dir.
func NewRenderer(dir string, rel Release, o Options) (*Renderer, error) {
	if !strings.HasSuffix(o.BaseURL, "/") {
		o.BaseURL += "/"
	}
	r := &Renderer{dir: dir, o: o, rel: rel, tmpl: map[string]*template.Template{}, search: searchIndex{occs: sorter{dir: dir}}}
	for _, name := range []string{"index.html", "dept.html", "dataset.html", "checks.html", "coverage.html", "404.html", "search.html", "query.html"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(Files, "templates/base.html", "templates/"+name)
		if err != nil {
			return nil, err
		}
		r.tmpl[name] = t
	}
	var err error
	if r.chrome, err = r.disclosureChrome(); err != nil {
		return nil, err
	}
	// every asset, the vendored hyparquet of the query page included
	err = fs.WalkDir(Files, "assets", func(a string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Files, a)
		if err != nil {
			return err
		}
		return emit.WriteNew(filepath.Join(dir, filepath.FromSlash(a)), data)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Finish writes what spans every document: the catalog, the department
// pages, the dataset pages, the rules, the 404 page and the files for
// machines. rows are the documents table as emit wrote it; datasets
// finishes the datasets and gives what was written, for the pages that
// list them. Finish calls it once, while it writes the pages that need
// nothing of it.
func (r *Renderer) Finish(rows []emit.DocumentRow, datasets func() (*emit.Result, error), changes emit.Changes) error {
	r.rel.Changes = changes
	if err := r.summaries.done(); err != nil {
		r.summaries.remove()
		return err
	}
	// the pages across documents that need nothing of the datasets are
	// written while the datasets are finished (SQLite, the bundle), then
	// those that list the datasets; the steps write files of their own and
	// share only what the lock guards (the pages written), so they run side
	// by side; the files for machines list every page, so they come last
	alone := sideBySide(
		r.departments,
		r.coverage,
		func() error {
			return r.render("checks.html", "checks.html", struct {
				page
				Rules []check.Rule
			}{page{Title: "一致性检查规则 Consistency rules", Release: r.rel}, check.Catalogue()})
		},
		func() error {
			return r.render("404.html", "404.html", page{Title: "未找到 Not found", Root: rootPath(r.o.BaseURL), Release: r.rel})
		},
		func() error { return r.search.write(r.dir) },
		func() error {
			return r.render("search.html", "search.html", page{Title: "全文搜索 Search", Release: r.rel})
		},
	)
	res, err := datasets()
	listing := func() error { return nil }
	if err == nil {
		listing = sideBySide(
			func() error { return r.home(rows, res) },
			func() error { return r.datasets(res) },
			func() error { return r.query(rows, res) },
		)
	}
	err = errors.Join(err, alone(), r.summaries.remove(), listing())
	if err != nil {
		return err
	}
	return r.machine(res)
}

// sideBySide starts each step on a goroutine of its own and gives the
// wait for them all, which returns their errors in the steps' order.
func sideBySide(steps ...func() error) (wait func() error) {
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step() })
	}
	return func() error {
		wg.Wait()
		return errors.Join(errs...)
	}
}

// coverage writes the completeness matrix: a row per document, a column
// per narrative section.
func (r *renderer) coverage() error {
	// a row a document: what the page shows of its summary
	var names []string
	var docs []coverageRow
	err := r.summaries.each(func(s Summary) error {
		if len(s.SectionNames) > len(names) {
			names = s.SectionNames
		}
		docs = append(docs, coverageRow{s.ID, s.Title, s.Unknown, s.Sections, s.TablesRead, s.TablesFound})
		return nil
	})
	if err != nil {
		return err
	}
	read := make([]int, len(names))
	var total struct{ TablesRead, TablesFound int }
	for _, s := range docs {
		for i, st := range s.Sections {
			if i < len(read) && (st == schema.CoverageRead || st == schema.CoverageEmpty) {
				read[i]++
			}
		}
		total.TablesRead += s.TablesRead
		total.TablesFound += s.TablesFound
	}
	rows, err := coverageMatrixRows(docs)
	if err != nil {
		return err
	}
	return r.render("coverage.html", "coverage.html", struct {
		page
		Sections []string
		Docs     []coverageRow
		Rows     template.HTML
		Read     []int
		Tables   struct{ TablesRead, TablesFound int }
	}{page{Title: "提取完整性 Coverage", Release: r.rel}, names, docs, rows, read, total})
}

// rootPath is the path of the base URL ("/" for http://host/, "/repo/"
// for http://host/repo/): the 404 page is served for any missing path, so
// its links start from the site's root, on whatever host and port serves it.
func rootPath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	return u.Path
}

type stats struct {
	Departments, Regions, Years int
	Expenditure                 string
}

func (r *renderer) home(rows []emit.DocumentRow, res *emit.Result) error {
	regions, years, deps := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var total schema.Money
	for _, d := range rows {
		if d.Region != "" {
			regions[d.Region] = true
		}
		if d.FiscalYear != 0 {
			years[fmt.Sprint(d.FiscalYear)] = true
		}
		if d.Department != "" {
			deps[d.DepartmentID] = true
		}
		var m schema.Money
		if err := m.UnmarshalJSON([]byte(d.ExpenditureTotal)); err == nil && d.ExpenditureTotal != "" {
			total += m
		}
	}
	catalog, err := catalogRows(rows)
	if err != nil {
		return err
	}
	return r.render("index.html", "index.html", struct {
		page
		Docs      []emit.DocumentRow
		Rows      template.HTML
		Tables    []emit.File
		Downloads []emit.File
		Regions   []string
		Years     []string
		Stats     stats
	}{
		page: page{Title: "部门预算决算公开数据 Department budgets", Release: r.rel},
		Docs: rows, Rows: catalog, Tables: res.Tables, Downloads: res.Downloads,
		Regions: keys(regions), Years: keys(years),
		Stats: stats{Departments: len(deps), Regions: len(regions), Years: len(years), Expenditure: total.String()},
	})
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
