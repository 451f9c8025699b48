package site

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

type fig struct {
	Zh, En        string
	Amount, Prior *schema.Money
	Line, File    int
}

type breakdownRow struct {
	Code, Name, NameEn, Reported string
	Amount, Prior                *schema.Money
	Line, File                   int
	Indent                       bool
}

type breakdown struct {
	ID, Zh, En string
	Chart      template.HTML
	Rows       template.HTML // its table's rows (breakdownRows)
	Prior      bool          // whether its table has a prior year's column
}

// newBreakdown is the breakdown of rows: a prior year's column only where a
// row states one.
func newBreakdown(id, zh, en string, chart template.HTML, rows []breakdownRow, open string) breakdown {
	prior := slices.ContainsFunc(rows, func(r breakdownRow) bool { return r.Prior != nil })
	return breakdown{id, zh, en, chart, breakdownRows(rows, open, prior), prior}
}

// htmlText escapes a value as html/template escapes one in an element's
// text: template.HTMLEscapeString's characters, and '+'.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace

// srcLink opens a link to a disclosure's source page, up to the line's
// anchor, escaped by html/template itself (linkOpen).
var srcLink = template.Must(template.New("").Parse(`<a href="{{.Root}}source/{{.ID}}.html#">`))

// linkOpen is `<a href="ROOT/source/ID.html#`, as a template writes it
// before a line's anchor (letters and digits, the same under every URL
// escaper).
func linkOpen(root, id string) (string, error) {
	var b strings.Builder
	if err := srcLink.Execute(&b, struct{ Root, ID string }{root, id}); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), `">`), nil
}

// moneyCell is the template "money" of base.html: an amount with its digits
// grouped, or — for none.
func moneyCell(b *strings.Builder, m *schema.Money) {
	if m == nil {
		b.WriteString("—")
		return
	}
	b.WriteString(htmlText(groupDigits(m)))
}

// sourceCell is the last cell of a figure's row: the link to its line, if
// it has one, labelled as lineLink labels it (the column's head says 行).
func sourceCell(b *strings.Builder, open string, file, line int) {
	b.WriteString(`<td>`)
	if line != 0 {
		lineLink(b, open, file, line)
	}
	b.WriteString("</td></tr>\n")
}

// headlineRows are the rows of the headline table, with a prior year's
// cell if prior.
func headlineRows(figs []fig, open string, prior bool) template.HTML {
	var b strings.Builder
	for _, f := range figs {
		b.WriteString(`<tr><th scope="row">` + htmlText(f.Zh) + ` <span class="en">` + htmlText(f.En) + `</span></th><td>`)
		moneyCell(&b, f.Amount)
		if prior {
			b.WriteString(`</td><td>`)
			moneyCell(&b, f.Prior)
		}
		b.WriteString(`</td>`)
		sourceCell(&b, open, f.File, f.Line)
	}
	return template.HTML(b.String())
}

// lineLink is a link to one line of a check or of the coverage, labelled
// N or F:N (the file counted from 1).
func lineLink(b *strings.Builder, open string, file, line int) {
	b.WriteString(open + anchor(file, line) + `">`)
	if file != 0 {
		b.WriteString(strconv.Itoa(file+1) + ":")
	}
	b.WriteString(strconv.Itoa(line) + "</a>")
}

// checkRows are the rows of the checks' table.
func checkRows(checks []schema.Check, open string) template.HTML {
	var b strings.Builder
	for _, c := range checks {
		sev, unit := htmlText(c.Severity), htmlText(c.Unit)
		b.WriteString(`<tr><td class="sev-` + sev + `">` + sev + `</td><td>` + htmlText(c.Message) + `<br><span class="en" lang="en">` + htmlText(c.MessageEn) +
			`</span><br><code>` + htmlText(c.Rule) + `</code></td><td>` + htmlText(plainNumber(c.Stated)) + " " + unit +
			`</td><td>` + htmlText(plainNumber(c.Computed)) + " " + unit + `</td><td>`)
		for i, l := range c.Lines {
			f := 0
			if i < len(c.Files) {
				f = c.Files[i]
			}
			lineLink(&b, open, f, l)
			b.WriteByte(' ')
		}
		b.WriteString("</td></tr>\n")
	}
	return template.HTML(b.String())
}

// plainNumber is v as a reader writes it: its digits grouped, never in
// exponent form (22,725,200, not 2.27252e+07).
func plainNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	return groupDigits(strconv.FormatFloat(v, 'f', -1, 64))
}

// coverageRows are the rows of the coverage table, with a reason's cell if
// reasons.
func coverageRows(cov []schema.Coverage, open string, reasons bool) template.HTML {
	var b strings.Builder
	for _, c := range cov {
		st := htmlText(c.Status)
		b.WriteString(`<tr><td>` + htmlText(c.Part) + `</td><td>` + htmlText(c.Name) + `<br><span class="en" lang="en">` + htmlText(c.NameEn) +
			`</span></td><td class="cov-` + st + `">` + st + `</td><td>`)
		if reasons {
			b.WriteString(htmlText(c.Reason) + `</td><td>`)
		}
		if c.Line != 0 {
			lineLink(&b, open, c.File, c.Line)
		}
		b.WriteString("</td></tr>\n")
	}
	return template.HTML(b.String())
}

// breakdownRows are the rows of a breakdown's table, with a prior year's
// cell if prior.
func breakdownRows(rows []breakdownRow, open string, prior bool) template.HTML {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(`<tr><td>` + htmlText(r.Code) + `</td><td>`)
		if r.Indent {
			b.WriteString("　")
		}
		b.WriteString(htmlText(r.Name))
		if r.NameEn != "" {
			b.WriteString(` <span class="en">` + htmlText(r.NameEn) + `</span>`)
		}
		if r.Reported != "" {
			b.WriteString(` <span class="en">(published as ` + htmlText(r.Reported) + `)</span>`)
		}
		b.WriteString(`</td><td>`)
		moneyCell(&b, r.Amount)
		if prior {
			b.WriteString(`</td><td>`)
			moneyCell(&b, r.Prior)
		}
		b.WriteString(`</td>`)
		sourceCell(&b, open, r.File, r.Line)
	}
	return template.HTML(b.String())
}

func line(d *schema.Document, ptr string) int { return d.Provenance[ptr].Line }

func file(d *schema.Document, ptr string) int { return d.Provenance[ptr].File }

func mp(m schema.Money) *schema.Money { return &m }

func headline(d *schema.Document) []fig {
	var out []fig
	add := func(zh, en, ptr string, a, p *schema.Money) {
		if a != nil {
			out = append(out, fig{zh, en, a, p, line(d, ptr), file(d, ptr)})
		}
	}
	if r := d.Revenue; r != nil {
		add("收入总计", "Total revenue", "/revenue/total", r.Total, r.PriorYear)
		add("本年收入合计", "Current-year revenue", "/revenue/current_year", r.CurrentYear, nil)
		for i, s := range r.Sources {
			add("　"+s.Name, "source", "/revenue/sources/"+strconv.Itoa(i)+"/amount", mp(s.Amount), s.PriorYear)
		}
	}
	if e := d.Expenditure; e != nil {
		add("支出总计", "Total expenditure", "/expenditure/total", e.Total, e.PriorYear)
		add("本年支出合计", "Current-year expenditure", "/expenditure/current_year", e.CurrentYear, nil)
		if e.Basic != nil {
			add("基本支出", "Basic expenditure", "/expenditure/basic/amount", mp(e.Basic.Amount), e.Basic.PriorYear)
		}
		// the parts of basic expenditure, each where stated (a budget that
		// lists 对个人和家庭补助 apart states 公用经费 but not 人员经费)
		if e.Personnel != nil {
			add("　人员经费", "Personnel", "/expenditure/personnel/amount", mp(e.Personnel.Amount), nil)
		}
		if e.PublicExpenses != nil {
			add("　公用经费", "Public expenses", "/expenditure/public_expenses/amount", mp(e.PublicExpenses.Amount), nil)
		}
		if e.Project != nil {
			add("项目支出", "Project expenditure", "/expenditure/project/amount", mp(e.Project.Amount), e.Project.PriorYear)
		}
		// the general budget appropriations' expenditure, its basic part
		// (the whole the economic classes break down) and that part's parts
		for _, f := range []struct {
			zh, en, ptr string
			f           *schema.Figure
		}{{"一般公共预算财政拨款支出", "Expenditure of the general budget's appropriations", "/expenditure/general", e.General},
			{"一般公共预算财政拨款基本支出", "Basic expenditure of the general budget's appropriations", "/expenditure/general_basic", e.GeneralBasic},
			{"　人员经费", "Personnel", "/expenditure/general_personnel", e.GeneralPersonnel},
			{"　公用经费", "Public expenses", "/expenditure/general_public_expenses", e.GeneralPublicExpenses}} {
			if f.f != nil {
				add(f.zh, f.en, f.ptr+"/amount", mp(f.f.Amount), f.f.PriorYear)
			}
		}
	}
	for _, f := range []struct {
		zh, en, ptr string
		f           *schema.Figure
	}{
		{"政府性基金", "Government funds", "/government_fund", d.GovernmentFund},
		{"国有资本经营", "State capital operations", "/state_capital", d.StateCapital},
		{"机关运行经费", "Operating costs", "/operating_costs", d.OperatingCosts},
	} {
		if f.f != nil {
			add(f.zh, f.en, f.ptr+"/amount", mp(f.f.Amount), f.f.PriorYear)
		}
	}
	if p := d.Procurement; p != nil {
		add("政府采购", "Procurement", "/procurement/amount", mp(p.Amount), nil)
	}
	if t := d.ThreePublic; t != nil {
		add("“三公”经费", "Three public expenses", "/three_public/total", t.Total, t.PriorYear)
		for _, p := range t.Lines() {
			if p.Figure != nil {
				add("　"+p.Name, p.NameEn, "/three_public/"+p.Key+"/amount", mp(p.Figure.Amount), p.Figure.PriorYear)
			}
		}
	}
	if a := d.Assets; a != nil {
		if a.Start != nil {
			add("年初资产总额", "Assets, start of year", "/assets/start/total", mp(a.Start.Total), nil)
		}
		if a.End != nil {
			add("年末资产总额", "Assets, end of year", "/assets/end/total", mp(a.End.Total), nil)
		}
	}
	return out
}

func classRows(d *schema.Document, base string, items []schema.ClassItem) []breakdownRow {
	return appendClassRows(nil, d, base, items, 0)
}

// appendClassRows adds a row for each item and its own items below it,
// indented by depth (a 项 under its 类, a part under its 项); an item whose
// amount is not stated shows —, never 0.
func appendClassRows(rows []breakdownRow, d *schema.Document, base string, items []schema.ClassItem, depth int) []breakdownRow {
	for i, c := range items {
		p := base + "/" + strconv.Itoa(i)
		amount := mp(c.Amount)
		if c.Unstated {
			amount = nil
		}
		name := c.Name
		if depth > 1 {
			name = strings.Repeat("　", depth-1) + name
		}
		r := breakdownRow{Code: c.Code, Name: name, Reported: c.ReportedName, Amount: amount, Prior: c.PriorYear,
			Line: line(d, p+"/amount"), File: file(d, p+"/amount"), Indent: depth > 0}
		if depth == 0 {
			r.NameEn = c.NameEn
		}
		rows = appendClassRows(append(rows, r), d, p+"/items", c.Items, depth+1)
	}
	return rows
}

// barChart draws the classes as horizontal bars, readable without JavaScript;
// a class whose amount the document does not state (its 项 only) has no bar
// and says so.
func barChart(title string, items []schema.ClassItem) template.HTML {
	if !slices.ContainsFunc(items, func(c schema.ClassItem) bool { return !c.Unstated }) {
		return ""
	}
	var max schema.Money
	for _, c := range items {
		if c.Amount > max {
			max = c.Amount
		}
	}
	const w, labelW, rowH = 720, 260, 24
	h := rowH*len(items) + 8
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bars" role="img" aria-label="%s" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet"><title>%s</title>`,
		template.HTMLEscapeString(title), w, h, template.HTMLEscapeString(title))
	// the names, right-aligned as a group; then the bars, each with its
	// amount beside it (no tooltip: the amount is written)
	b.WriteString(`<g text-anchor="end">`)
	for i, c := range items {
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`, labelW-6, 4+i*rowH+15, template.HTMLEscapeString(c.Code+" "+c.Name))
	}
	b.WriteString(`</g>`)
	for i, c := range items {
		y := 4 + i*rowH
		if c.Unstated {
			fmt.Fprintf(&b, `<text x="%d" y="%d">未列明 not stated</text>`, labelW+6, y+15)
			continue
		}
		bw := 0
		if max > 0 {
			bw = int(float64(c.Amount) / float64(max) * float64(w-labelW-110))
		}
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d"/><text x="%d" y="%d">%s</text>`,
			labelW, y+3, max1(bw), rowH-8, labelW+max1(bw)+6, y+15, groupDigits(c.Amount.String()))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func max1(v int) int {
	if v < 1 {
		return 1
	}
	return v
}

// Summary is what the pages that span documents need of one document
// (Summarize); it is kept with the document (as JSON) by a caller that
// links the document's pages from an earlier release without reading it
// (Link).
type Summary struct {
	ID, Department, Kind, Title string
	AlsoNamed                   []string
	DeptID                      string
	Year, Checks                int
	Unknown                     []string        `json:",omitempty"` // what of its identity the document does not tell
	Values                      []*schema.Money // in the order of seriesNames
	Measures                    []emit.Measure

	Sections                []string // the status of each narrative section, in the extractor's order
	SectionNames            []string
	TablesRead, TablesFound int // tables with figures: read, found
}

var seriesNames = []struct{ zh, en string }{
	{"收入总计", "Revenue"}, {"支出总计", "Expenditure"}, {"基本支出", "Basic"}, {"项目支出", "Project"},
	{"“三公”经费", "Three public expenses"}, {"机关运行经费", "Operating costs"},
}

// Summarize is the Summary of a document.
func Summarize(d *schema.Document) Summary {
	s := Summary{ID: d.ID, Department: d.Department.Name, AlsoNamed: d.Department.AlsoNamed, DeptID: deptID(d), Kind: d.Document.Kind, Year: d.Document.FiscalYear,
		Checks: len(d.Checks), Measures: emit.Measures(d)}
	s.Title = fmt.Sprintf("%s %s %s", deptName(d.Department.Name), yearText(d.Document.FiscalYear), map[string]string{schema.KindBudget: "预算", schema.KindFinalAccounts: "决算"}[d.Document.Kind])
	if d.Document.Kind == "" {
		s.Title += unknownKind
	}
	s.Unknown = d.Document.Unknown
	var rev, exp, basic, project, tp, op *schema.Money
	if d.Revenue != nil {
		rev = d.Revenue.Total
	}
	if e := d.Expenditure; e != nil {
		exp = e.Total
		if e.Basic != nil {
			basic = mp(e.Basic.Amount)
		}
		if e.Project != nil {
			project = mp(e.Project.Amount)
		}
	}
	if d.ThreePublic != nil {
		tp = d.ThreePublic.Total
	}
	if d.OperatingCosts != nil {
		op = mp(d.OperatingCosts.Amount)
	}
	s.Values = []*schema.Money{rev, exp, basic, project, tp, op}
	for _, c := range d.Coverage {
		switch {
		case c.Part == "section":
			s.Sections = append(s.Sections, c.Status)
			s.SectionNames = append(s.SectionNames, c.Name)
		case c.Status == schema.CoverageRead:
			s.TablesRead++
			s.TablesFound++
		case c.Status == schema.CoverageNotRead || c.Status == schema.CoverageIncomplete:
			s.TablesFound++
		}
	}
	return s
}

// Document writes one disclosure's page and its source page.
func (r *Renderer) Document(d *schema.Document, lines []string) error {
	files := [][]string{lines}
	sentences := emit.Sentences(d, files)
	return r.Disclosure(d, files, Summarize(d), sentences, SentencePlaces(sentences), emit.SearchEntries(d), nil)
}

// citedLines are the lines of its files a document names: where its
// figures, claims and warnings are, what its checks and its coverage point
// at.
func citedLines(d *schema.Document) map[lineRef]bool {
	cited := map[lineRef]bool{}
	for _, s := range d.Provenance {
		cited[lineRef{s.File, s.Line}] = true
	}
	for _, c := range d.Claims {
		cited[lineRef{c.File, c.Line}] = true
	}
	for _, w := range d.Warnings {
		cited[lineRef{w.File, w.Line}] = true
	}
	for _, c := range d.Checks {
		for i, l := range c.Lines {
			f := 0
			if i < len(c.Files) {
				f = c.Files[i]
			}
			cited[lineRef{f, l}] = true
		}
	}
	for _, c := range d.Coverage {
		cited[lineRef{c.File, c.Line}] = true
	}
	return cited
}

// sourceText is the body of one file on a source page: the text once,
// escaped, a line a line, with markup only on the lines cited — each an
// element with its anchor (#L<n>, #F<f>L<n>), which the style sheet
// numbers — so that every link to the page lands without JavaScript,
// while assets/source.js numbers and anchors every line in place. Written without a template call per line;
// the newline it starts with is the one HTML parsers drop after <pre>.
func sourceText(file int, lines []string, cited map[lineRef]bool) template.HTML {
	size := 1 + 24*len(cited)
	for _, l := range lines {
		size += len(l) + 1
	}
	var b strings.Builder
	b.Grow(size)
	for i, l := range lines {
		b.WriteByte('\n')
		if cited[lineRef{file, i + 1}] {
			b.WriteString(`<span id="` + anchor(file, i+1) + `">`)
			b.WriteString(template.HTMLEscapeString(l))
			b.WriteString(`</span>`)
		} else {
			b.WriteString(template.HTMLEscapeString(l))
		}
	}
	return template.HTML(b.String())
}

// sourceFile is one file of a disclosure on its source page.
type sourceFile struct {
	schema.SourceFile
	Original  string // the release's copy of the file (OriginalPath), if it has one
	Index     int
	Lines     []string
	Text      template.HTML // the lines, marked up where cited (sourceText)
	Sentences string        // where the file's sentences stand in it (sentenceSpans)
}

// Disclosure writes one disclosure's page and its source page: files are
// the lines of each of its files (in the order of /document/sources), sum
// its catalog row (Summarize, made once with its other fragments),
// sentences their sentences for the search (emit.Sentences) and places
// where their tokens stand (SentencePlaces), entries its other texts for
// the search (emit.SearchEntries), exec its budget compared with its
// outturn (emit.ExecutionRows), if it has a pair.
func (r *Renderer) Disclosure(d *schema.Document, files [][]string, sum Summary, sentences []emit.SearchEntry, places []byte, entries []emit.SearchEntry, exec []emit.ExecutionRow) error {
	const root = "../"
	open, err := linkOpen(root, d.ID)
	if err != nil {
		return err
	}
	var bds []breakdown
	if e := d.Expenditure; e != nil {
		if len(e.ByFunction) > 0 {
			bds = append(bds, newBreakdown("function", "按功能分类", "By function (支出功能分类)", barChart("按功能分类 By function", e.ByFunction), classRows(d, "/expenditure/by_function", e.ByFunction), open))
		}
		if len(e.ByEconomic) > 0 {
			bds = append(bds, newBreakdown("economic", "按经济分类", "By economic class (经济分类)", barChart("按经济分类 By economic class", e.ByEconomic), classRows(d, "/expenditure/by_economic", e.ByEconomic), open))
		}
		if len(e.Projects) > 0 {
			var rows []breakdownRow
			for i, p := range e.Projects {
				ptr := "/expenditure/projects/" + strconv.Itoa(i) + "/amount"
				rows = append(rows, breakdownRow{Name: p.Name, Amount: mp(p.Amount), Prior: p.PriorYear, Line: line(d, ptr), File: file(d, ptr)})
			}
			bds = append(bds, newBreakdown("projects", "项目明细", "Project lines", "", rows, open))
		}
	}
	sources := d.Document.Sources
	if len(sources) == 0 {
		sources = []schema.SourceFile{d.Document.Source}
	}
	cited := citedLines(d)
	spans := sentenceSpans(files, sentences)
	var fs []sourceFile
	for i, src := range sources {
		f := sourceFile{SourceFile: src, Index: i}
		// the release may lack one: an input changed after it was read
		if r.o.Originals {
			if _, err := os.Lstat(filepath.Join(r.dir, filepath.FromSlash(OriginalPath(src)))); err == nil {
				f.Original = OriginalPath(src)
			}
		}
		if i < len(files) {
			f.Lines, f.Sentences = files[i], spans[i]
		}
		f.Text = sourceText(i, f.Lines, cited)
		fs = append(fs, f)
	}
	title := deptName(d.Department.Name) + " " + yearText(d.Document.FiscalYear)
	// a disclosure's pages name no release, so that a later release can
	// link them (see Link)
	pages := disclosurePages(d.ID)
	unplaced, notes := d.WarningCounts()
	figs := headline(d)
	// a column no row fills is left out
	prior := slices.ContainsFunc(figs, func(f fig) bool { return f.Prior != nil })
	reasons := slices.ContainsFunc(d.Coverage, func(c schema.Coverage) bool { return c.Reason != "" })
	p := docPage{Doc: d, DeptPage: deptID(d), Headline: headlineRows(figs, open, prior), Prior: prior, Checks: checkRows(d.Checks, open),
		Coverage: coverageRows(d.Coverage, open, reasons), Reasons: reasons, Breakdowns: bds, Sources: fs, Execution: exec, Unplaced: unplaced, Notes: notes, Title: title}
	if err := r.write(pages[0], func(b *bytes.Buffer) error { r.chrome.writeDoc(b, p); return nil }); err != nil {
		return err
	}
	if err := r.write(pages[1], func(b *bytes.Buffer) error {
		r.chrome.writeSource(b, "来源 Source: "+title, d, fs, sum.Title)
		return nil
	}); err != nil {
		return err
	}
	return r.index(sum, entries, places)
}

// disclosurePages are the pages of a disclosure: its figures, its source.
func disclosurePages(id string) []string {
	return []string{"doc/" + id + ".html", "source/" + id + ".html"}
}

// Link is Disclosure for a disclosure whose pages the release in dir
// holds, rendered from the same inputs by the same code: they are linked
// from there (emit.LinkFile) instead of rendered. It reports false, having
// linked nothing, when it cannot link both (dir lacks one): the disclosure
// is to be rendered. The disclosure is given by what the pages across
// disclosures need of it (its Summary, its search entries and where its
// sentences' tokens stand), indexed as Disclosure indexes them.
func (r *Renderer) Link(sum Summary, entries []emit.SearchEntry, places []byte, dir string) (bool, error) {
	pages := disclosurePages(sum.ID)
	for i, p := range pages {
		p = filepath.FromSlash(p)
		if emit.LinkFile(filepath.Join(dir, p), filepath.Join(r.dir, p)) != nil {
			for _, q := range pages[:i] {
				if err := os.Remove(filepath.Join(r.dir, filepath.FromSlash(q))); err != nil {
					return false, err
				}
			}
			return false, nil
		}
	}
	r.mu.Lock()
	r.pages = append(r.pages, pages...)
	r.mu.Unlock()
	return true, r.index(sum, entries, places)
}

// index keeps what the pages across documents need of one (Summarize),
// its entries in the search index and where its sentences' tokens stand
// (SentencePlaces).
func (r *Renderer) index(sum Summary, entries []emit.SearchEntry, places []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.summaries.add(r.dir, sum); err != nil {
		return err
	}
	r.search.add(sum.ID, sum.Title, entries)
	return r.search.sentences.add(sum.ID, places)
}
