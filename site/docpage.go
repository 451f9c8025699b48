package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// A disclosure's two pages (its figures, its source) are written here, not
// by templates: each value escaped for where it stands as html/template
// escapes it (htmlText in text and attributes; urlStart, urlPath and
// urlPart in a link: TestEscapersAsTemplate), between the site's head and
// foot, which base.html makes once per renderer (pageChrome). As templates
// (doc.html, source.html) they cost a call by reflection for every value
// and every escaper: a tenth of a build's publishing, two pages a document.

// urlStart is a value that starts a link (href="{{.}}…"): a URL of a
// scheme other than http, https or mailto is refused (#ZgotmplZ),
// then it is normalized (urlPath).
func urlStart(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		return "#ZgotmplZ"
	}
	return urlPath(s)
}

// urlPath is a value within a link's path (href="…{{.}}…"): what is not
// allowed in a URL percent-encoded (but a valid escape), then escaped as
// an attribute.
func urlPath(s string) string { return htmlText(percentEncode(s, true)) }

// urlPart is a value after a link's ? or # (href="…#{{.}}"): everything
// but letters, digits and -._~ percent-encoded.
func urlPart(s string) string { return htmlText(percentEncode(s, false)) }

// percentEncode is html/template's URL processing: norm keeps the
// reserved characters of RFC 3986 and valid escapes.
func percentEncode(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// pageChrome is base.html's head (split where the title goes) and foot of
// a disclosure's pages: the same for every one but the title.
type pageChrome struct {
	headBefore, headAfter, foot string
}

// titleMark stands for the title while the head is made; html/template
// writes it as it is.
const titleMark = "\x01title\x01"

// disclosureChrome makes the chrome of a disclosure's pages, which name no
// release (see Link).
func (r *Renderer) disclosureChrome() (pageChrome, error) {
	t, err := template.New("base.html").Funcs(funcs).ParseFS(Files, "templates/base.html")
	if err != nil {
		return pageChrome{}, err
	}
	p := page{Title: titleMark, Root: "../", Release: Release{Version: r.rel.Version}}
	var head, foot bytes.Buffer
	if err := t.ExecuteTemplate(&head, "head", p); err != nil {
		return pageChrome{}, err
	}
	if err := t.ExecuteTemplate(&foot, "foot", p); err != nil {
		return pageChrome{}, err
	}
	before, after, ok := strings.Cut(head.String(), titleMark)
	if !ok || strings.Contains(after, titleMark) {
		return pageChrome{}, fmt.Errorf("base.html: the head holds its title %d times", strings.Count(head.String(), titleMark))
	}
	return pageChrome{before, after, foot.String()}, nil
}

// docPage is what a disclosure's figures page shows.
type docPage struct {
	Doc                        *schema.Document
	DeptPage                   string
	Headline, Checks, Coverage template.HTML
	Breakdowns                 []breakdown
	Sources                    []sourceFile
	Execution                  []emit.ExecutionRow
	Unplaced, Notes            int
	Title                      string
	Prior, Reasons             bool // whether the headline has a prior year's column, the coverage a reason's
}

// writeDoc writes the figures page p into b.
func (c pageChrome) writeDoc(b *bytes.Buffer, p docPage) {
	const root = "../"
	d := p.Doc
	id := d.ID
	w := b.WriteString
	c.head(b, p.Title)
	w("\n\n<h1>" + htmlText(deptName(d.Department.Name)) + " " + htmlText(yearText(d.Document.FiscalYear)) + " " + htmlText(kindText(d.Document.Kind)) + "</h1>\n")
	if u := d.Document.Unknown; len(u) > 0 {
		w(`<p><strong>身份不完整 <span class="en" lang="en">Identity incomplete</span></strong>: 文本未写明 <span class="en" lang="en">the text does not tell</span> `)
		for i, what := range u {
			if i > 0 {
				w(", ")
			}
			w(htmlText(unknownText(what)))
		}
		w(`. 数字照常读取，未知项不作推测；可在输入目录的 metadata.csv 中补充 <span class="en" lang="en">The figures are read as usual, what is unknown is left out, not guessed; give it in the input folder's metadata.csv</span>.</p>` + "\n")
	}
	w("<p>" + htmlText(d.Document.Title))
	if r := d.Department.Region; r != "" {
		w(` · 地区 <span class="en">region</span> ` + htmlText(r))
	}
	w(` · <a href="` + urlStart(root) + "dept/" + urlPath(p.DeptPage) + `.html">本部门历年 <span class="en">this department across years</span></a></p>` + "\n")
	if u := d.Document.SourceURL; u != "" {
		w(`<p>原文 <span class="en" lang="en">Original</span>: <a href="` + urlStart(u) + `" rel="nofollow noopener">` + htmlText(u) + `</a>`)
		if pub := d.Document.Publisher; pub != "" {
			w(` · 发布机构 <span class="en" lang="en">publisher</span> ` + htmlText(pub))
		}
		w("</p>\n")
	}
	for _, f := range p.Sources {
		a := f.Archive
		if a == nil || a.Version <= 1 {
			continue
		}
		v := strconv.Itoa(a.Version)
		w(`<p><strong>来源已更新 <span class="en" lang="en">Source changed</span></strong>: <code>` + htmlText(f.Path) + `</code> 是该网址的第 ` + v + ` 版 <span class="en" lang="en">is version ` + v + ` of ` + v + ` fetched from its URL`)
		if u := f.SourceURL; u != "" {
			w(` (<a href="` + urlStart(u) + `" rel="nofollow noopener">` + htmlText(u) + `</a>)`)
		}
		w(`, archived ` + htmlText(a.Archived) + `; the previous version, sha256 <code>` + htmlText(a.PreviousSHA256) + `</code>, fetched ` + htmlText(a.PreviousArchived) + ", is kept in the archive</span></p>\n")
	}
	w(`<p class="en" lang="en">`)
	if len(p.Sources) > 1 {
		w("Published as " + strconv.Itoa(len(p.Sources)) + " files: ")
	}
	for i, f := range p.Sources {
		if i > 0 {
			w("; ")
		}
		w(`Source: <a href="` + urlStart(root) + "source/" + urlPath(id) + ".html")
		if i > 0 {
			w("#F" + urlPart(strconv.Itoa(i)))
		}
		w(`">` + htmlText(f.Path) + "</a> (" + htmlText(f.Format) + ", sha256 <code>" + htmlText(f.SHA256) + "</code>")
		if f.Archive != nil {
			w(", archived " + htmlText(f.Archive.Archived))
		}
		if f.Original != "" {
			w(`; <a href="` + urlStart(root) + urlStart(f.Original) + `">原件 original</a>`)
		}
		w(")")
		if u := f.SourceURL; u != "" && u != d.Document.SourceURL {
			w(` from <a href="` + urlStart(u) + `" rel="nofollow noopener">` + htmlText(u) + "</a>")
		}
	}
	w(` · <a href="` + urlStart(root) + "data/" + urlPath(id) + `.json">JSON</a> · amounts in yuan; the document reported ` + htmlText(d.Document.ReportedUnit) + "</p>\n")
	w(`
<section aria-labelledby="headline">
<h2 id="headline">主要数字 <span class="en" lang="en">Headline figures</span></h2>
<table class="fig">
<caption>单位：元 <span class="en" lang="en">Yuan; each figure links to its source line</span></caption>
<thead><tr><th scope="col">项目 Item</th><th scope="col" class="n">本年 Amount</th>`)
	if p.Prior {
		w(`<th scope="col" class="n">上年 Prior year</th>`)
	}
	w(`<th scope="col" class="n">来源行 Line</th></tr></thead>
<tbody>
`)
	w(string(p.Headline))
	w("</tbody>\n</table>\n</section>\n\n")
	for _, bd := range p.Breakdowns {
		zh, en := htmlText(bd.Zh), htmlText(bd.En)
		w(`<section aria-labelledby="` + htmlText(bd.ID) + `">` + "\n" + `<h2 id="` + htmlText(bd.ID) + `">` + zh + ` <span class="en" lang="en">` + en + "</span></h2>\n")
		w(string(bd.Chart))
		w("\n" + `<table class="brk">` + "\n<caption>" + zh + `（元） <span class="en" lang="en">` + en + `, yuan</span></caption>` + "\n")
		w(`<thead><tr><th scope="col">编码 Code</th><th scope="col">名称 Name</th><th scope="col" class="n">金额 Amount</th>`)
		if bd.Prior {
			w(`<th scope="col" class="n">上年 Prior</th>`)
		}
		w(`<th scope="col" class="n">来源行 Line</th></tr></thead>` + "\n<tbody>\n")
		w(string(bd.Rows))
		w("</tbody>\n</table>\n</section>\n")
	}
	w("\n\n")
	if ex := p.Execution; len(ex) > 0 {
		w(`<section aria-labelledby="execution">
<h2 id="execution">预算执行 <span class="en" lang="en">Budget against outturn</span></h2>
<p>` + strconv.Itoa(d.Document.FiscalYear) + ` 年预算 <a href="` + urlStart(root) + "doc/" + urlPath(ex[0].BudgetDocumentID) + `.html">` + htmlText(ex[0].BudgetDocumentID) + `</a> 与决算 <a href="` + urlStart(root) + "doc/" + urlPath(ex[0].DocumentID) + `.html">` + htmlText(ex[0].DocumentID) + `</a> <span class="en" lang="en">the budget and the final accounts of this department and year</span></p>
<table class="fig">
<caption>预算数、决算数、差额（元）与执行率 <span class="en" lang="en">Budgeted, spent, difference (yuan) and rate; 决算所列预算数 is the final accounts' own budget column</span></caption>
<thead><tr><th scope="col">项目 Item</th><th scope="col" class="n">预算 Budgeted</th><th scope="col" class="n">决算 Actual</th><th scope="col" class="n">差额 Difference</th><th scope="col" class="n">执行率 Rate</th><th scope="col" class="n">决算所列预算数 Stated budget</th><th scope="col">来源 Sources</th></tr></thead>
<tbody>
`)
		for _, e := range ex {
			w(`<tr><th scope="row">` + htmlText(e.Name) + ` <span class="en">` + htmlText(e.Measure) + "</span></th><td>" + htmlText(groupDigits(e.Budgeted)) + "</td><td>" + htmlText(groupDigits(e.Actual)) + "</td><td>" + htmlText(groupDigits(e.Difference)) + "</td><td>")
			if e.Rate != "" {
				w(htmlText(e.Rate) + "%")
			} else {
				w("—")
			}
			w("</td><td>" + htmlText(groupDigits(e.StatedBudget)) + "</td><td>")
			if a := lineAnchor(e.BudgetFile, e.BudgetLine); a != "" {
				w(`<a href="` + urlStart(root) + "source/" + urlPath(e.BudgetDocumentID) + ".html#" + urlPart(a) + `">预算`)
				if e.BudgetFile != 0 {
					w("文件" + strconv.Itoa(e.BudgetFile+1) + " ")
				}
				w("第" + htmlText(e.BudgetLine) + "行</a>")
			}
			if a := lineAnchor(e.File, e.Line); a != "" {
				w(` <a href="` + urlStart(root) + "source/" + urlPath(e.DocumentID) + ".html#" + urlPart(a) + `">决算`)
				if e.File != 0 {
					w("文件" + strconv.Itoa(e.File+1) + " ")
				}
				w("第" + htmlText(e.Line) + "行</a>")
			}
			w("</td></tr>\n")
		}
		w("</tbody>\n</table>\n</section>")
	}
	w("\n\n")
	if pf := d.Performance; pf != nil {
		w(`<section aria-labelledby="perf">
<h2 id="perf">绩效目标 <span class="en" lang="en">Performance targets</span></h2>
`)
		for _, g := range pf.Goals {
			w("<table>\n<caption>")
			if g.Horizon == "long_term" {
				w(`长期目标 <span class="en">long-term</span>`)
			} else {
				w(`年度目标 <span class="en">annual</span>`)
			}
			w("：" + htmlText(g.Title) + "</caption>\n")
			indicators(b, g.Indicators)
		}
		for _, pp := range pf.Projects {
			w("<table>\n<caption>" + `重点项目 <span class="en">key project</span>：` + htmlText(pp.Name))
			if pp.Amount != nil {
				w("（" + htmlText(groupDigits(pp.Amount.String())) + " 元）")
			}
			w("</caption>\n")
			indicators(b, pp.Indicators)
		}
		w("</section>")
	}
	w(`

<section aria-labelledby="checks">
<h2 id="checks">一致性检查 <span class="en" lang="en">Consistency checks</span></h2>
`)
	if len(d.Checks) > 0 {
		w(`<table class="chk">
<caption>每项发现都给出两个不一致的数字 <span class="en" lang="en">Each finding names the two numbers that disagree</span></caption>
<thead><tr><th scope="col">级别 Severity</th><th scope="col">说明 Finding</th><th scope="col" class="n">陈述 Stated</th><th scope="col" class="n">计算 Computed</th><th scope="col">来源 Lines</th></tr></thead>
<tbody>
`)
		w(string(p.Checks))
		w(`</tbody>
</table>
<p><a href="` + urlStart(root) + `checks.html">检查规则 <span class="en">How the checks work</span></a></p>
`)
	} else {
		w(`<p>未发现不一致 <span class="en" lang="en">No inconsistency found.</span></p>`)
	}
	w("\n")
	if p.Unplaced != 0 || p.Notes != 0 {
		un, no := strconv.Itoa(p.Unplaced), strconv.Itoa(p.Notes)
		w("<p>提取说明（关于读取，不是对本报告的检查发现），见 JSON 的 warnings：")
		if p.Unplaced != 0 {
			w(un + " 处未能归入模型的数字")
		}
		if p.Unplaced != 0 && p.Notes != 0 {
			w("；")
		}
		if p.Notes != 0 {
			w(no + " 条读取说明（身份、未读表格等）")
		}
		w(` <span class="en" lang="en">Extraction notes (about the reading, not findings about this report), in the JSON's warnings:`)
		if p.Unplaced != 0 {
			w(" " + un + " amounts the extractor could not place")
		}
		if p.Unplaced != 0 && p.Notes != 0 {
			w(";")
		}
		if p.Notes != 0 {
			w(" " + no + " notes on how the text was read (identity, tables not read)")
		}
		w("</span></p>")
	}
	w("\n</section>\n")
	if len(d.Coverage) > 0 {
		w(`<section aria-labelledby="coverage">
<h2 id="coverage">提取完整性 <span class="en" lang="en">Coverage</span></h2>
<table>
<caption>每个部分和表格是否已读取 <span class="en" lang="en">Whether each section and table of the document was read</span></caption>
<thead><tr><th scope="col">部分 Part</th><th scope="col">名称 Name</th><th scope="col">状态 Status</th>`)
		if p.Reasons {
			w(`<th scope="col">原因 Reason</th>`)
		}
		w(`<th scope="col">来源行 Line</th></tr></thead>
<tbody>
`)
		w(string(p.Coverage))
		w("</tbody>\n</table>\n</section>")
	}
	w("\n")
	w(c.foot)
	w("\n")
}

// indicators are a performance table's head and rows, and its end.
func indicators(b *bytes.Buffer, ins []schema.Indicator) {
	b.WriteString(`<thead><tr><th scope="col">类型 Kind</th><th scope="col">指标 Indicator</th><th scope="col" class="n">目标 Target</th><th scope="col">依据 Basis</th></tr></thead>` + "\n<tbody>")
	for _, in := range ins {
		b.WriteString("<tr><td>" + htmlText(in.Kind) + "</td><td>" + htmlText(in.Name) + `</td><td class="n">` + htmlText(in.Comparator) + " " + htmlText(fmt.Sprint(in.Value)) + " " + htmlText(in.Unit) + "</td><td>" + htmlText(in.Basis) + "</td></tr>")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// head writes the head with the title.
func (c pageChrome) head(b *bytes.Buffer, title string) {
	b.WriteString(c.headBefore)
	b.WriteString(htmlText(title))
	b.WriteString(c.headAfter)
}

// writeSource writes the source page of the disclosure d: its files,
// titled doc in the search.
func (c pageChrome) writeSource(b *bytes.Buffer, title string, d *schema.Document, files []sourceFile, doc string) {
	const root = "../"
	w := b.WriteString
	c.head(b, title)
	w("\n" + `<h1 data-title="` + htmlText(doc) + `">来源文本 <span class="en" lang="en">Source text</span>: ` + htmlText(deptName(d.Department.Name)) + " " + htmlText(yearText(d.Document.FiscalYear)) + "</h1>\n")
	w(`<p class="en" lang="en"><a href="` + urlStart(root) + "doc/" + urlPath(d.ID) + `.html">Back to the disclosure</a> · line numbers are those every figure's provenance names`)
	if len(files) > 1 {
		w(", in its own file")
	}
	w("</p>\n")
	for _, f := range files {
		if len(files) > 1 {
			i := strconv.Itoa(f.Index)
			w(`<h2 id="F` + i + `">文件 <span class="en" lang="en">File</span> ` + strconv.Itoa(f.Index+1) + ": " + htmlText(f.Path) + "</h2>")
		}
		w("\n" + `<p class="en" lang="en">` + htmlText(f.Path) + " (" + htmlText(f.Format))
		if f.Format == "pdf" {
			w(", text by pdftotext -layout")
		}
		w(", " + htmlText(f.Encoding) + ")</p>\n" + `<pre class="source"`)
		if f.Index != 0 {
			w(` data-anchor="F` + strconv.Itoa(f.Index) + `"`)
		}
		if f.Sentences != "" {
			w(` data-sentences="` + htmlText(f.Sentences) + `"`)
		}
		w(">")
		w(string(f.Text))
		w("</pre>\n")
	}
	w(`<noscript><p>没有 JavaScript 时只给被引用的行编号 <span class="en" lang="en">Without JavaScript only the lines the figures cite are numbered.</span></p></noscript>` + "\n")
	w(`<script src="` + urlStart(root) + `assets/source.js"></script>` + "\n")
	w(c.foot)
	w("\n")
}
