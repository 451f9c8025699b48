// Package extract reads the text of a disclosure into the canonical model.
//
// The text is folded (full-width digits and brackets to ASCII), stripped of
// blank lines and page numbers, and joined into one stream so that phrases
// broken by PDF extraction read whole. A lexer finds every number with its
// unit (元, 万元, 亿元, 万, %, 人, 件 …) and keeps its offset, so every figure
// maps back to its source line. Figures are then placed by their labels:
//
//	收入预算总额 305.63 万元，比 2022 年度 318.55 万元减少了 12.92 万元，减少 4%
//	→ /revenue/total 3056300, /revenue/prior_year 3185500,
//	  claims: change −129200, change_pct −4
//
// A label takes the money token that follows it within a few characters,
// with no change word, other number or punctuation between. What the text
// says about a figure (changes, percentages, shares, restatements) becomes
// a claim that the checks test. Money tokens that no rule placed become
// warnings: nothing is dropped silently.
package extract

import (
	"cmp"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// ErrNoTitle means the text does not look like a disclosure: no title, and
// not evidently a page of one either (disclosureLike).
var ErrNoTitle = fmt.Errorf("no disclosure title found (a year followed by 部门预算, 部门决算, 单位预算 or 单位决算), nor a page of one (three of a disclosure's words and a figure read)")

// maxWarnings bounds the warnings of one document; the rest are counted.
const maxWarnings = 100

// Hints are what the caller knows of a document that the text may lack
// (from the input folder's metadata.csv).
type Hints struct {
	Department string
	// FiscalYear and Kind (budget or final_accounts), from the portal that
	// listed the file, are used when no title of the text names a year
	FiscalYear int
	Kind       string
}

// Extract builds the model of one decoded input. id is the document's id.
func Extract(t *ingest.Text, id string, h Hints) (*schema.Document, error) {
	folded := foldAll(t.Lines)
	flat := compactLines(folded)
	ident := readIdentity(flat, folded)
	// the text joined whole, and whether it reads as a news story, for the
	// readers of a text whose title does not tell its identity: joined
	// once, where one asks
	whole := sync.OnceValue(func() string { return strings.Join(flat, "") })
	news := sync.OnceValue(func() bool { return newsLike(whole()) })
	// the year and kind of the disclosure a story says was published,
	// asked for the year and again for the kind: read once
	published := sync.OnceValues(func() (int, string) { return newsPublished(whole(), news()) })
	if ident.name == "" && storyWords(ident.title) && news() {
		// a story's line taken for its title ("记者查询…天山区2013年“三公经费”预算
		// 安排情况") tells the year and kind of what the reporter compared,
		// not of the story's figures: its statements tell them
		ident = identity{}
	}
	if t.Header != nil {
		if hi := headerIdentity(t.Header); hi.year != 0 {
			ident = hi
		}
	}
	fromHint := false
	if ident.name == "" && h.Department != "" {
		ident.name, fromHint = h.Department, true
	}
	yearHint := false
	if ident.year == 0 && h.FiscalYear != 0 && (h.Kind == schema.KindBudget || h.Kind == schema.KindFinalAccounts) {
		// the text's first line stands for its title
		for i, l := range flat {
			if l != "" {
				ident.year, ident.kind, ident.title, ident.line, yearHint = h.FiscalYear, h.Kind, strings.TrimSpace(t.Lines[i]), i+1, true
				for _, k := range titleKinds { // "平潭综合实验区公安局部门预算"
					if j := strings.Index(l, k.word); j > 0 && ident.name == "" {
						ident.name, ident.scope = cleanName(l[:j]), k.scope
					}
				}
				break
			}
		}
	}
	var unknown []string // what of its identity the text does not tell
	var told []string    // what the sentences tell of it, no title
	if ident.year == 0 {
		// a page whose sentences say which year is theirs (本年), whose
		// headings tell what they explain
		if ident.year = ownYear(flat); ident.year == 0 {
			if ident.year = statedYear(whole()); ident.year != 0 {
				told = append(told, fmt.Sprintf("the year (%d) is the one its sentences state figures for, any other year stated one they compare it with", ident.year))
			} else if y, kind := yearRowsIdentity(flat); y != 0 {
				ident.year, ident.kind = y, kind
				told = append(told, fmt.Sprintf("the year (%d) and kind (%s) are the latest year's of its 三公 table's rows (its 决算数, else its 预算数)", y, kind))
			} else if y, kind := published(); y != 0 {
				ident.year, ident.kind = y, kind
				told = append(told, fmt.Sprintf("the year (%d) and kind (%s) are those of the disclosure the story says was published", y, cmp.Or(kind, "not told")))
			}
		}
		if ident.kind != "" { // the 三公 table's
		} else if ident.kind = headingKind(flat, ident.year); ident.kind == "" {
			if ident.kind = statedKind(whole(), ident.year); ident.kind != "" {
				says := "the kind (final accounts) from a sentence stating that year's 决算"
				if ident.kind == schema.KindBudget {
					says = "the kind (budget) from a sentence comparing that year's 预算 with the year before's, the text stating no outturn"
				}
				told = append(told, says)
			} else if y, k := published(); k != "" && y == ident.year {
				ident.kind = k
				told = append(told, "the kind ("+k+") of the disclosure the story says was published")
			} else if y != 0 && y == ident.year && budgetStory(whole()) {
				ident.kind = schema.KindBudget
				told = append(told, "the kind (budget) of the 三公 the story says was published, which it states as 预算 and never as an outturn")
			} else if budget, final := headingKinds(flat, ident.year); !budget && !final && priorOutturnCompared(whole(), ident.year) {
				// no heading names a kind (none that disagree)
				ident.kind = schema.KindFinalAccounts
				told = append(told, "the kind (final accounts) from a sentence setting that year's spending against the year before's 决算数")
			}
		}
		if ident.year == 0 {
			unknown = append(unknown, schema.UnknownYear)
		}
	}
	if ident.kind == "" {
		unknown = append(unknown, schema.UnknownKind)
	}
	subject := 0 // the line of the sentence that names the department
	titleSays, nameFrom := "the title names no department", "the one its first line gives, a title without the year"
	if ident.name == "" {
		// where the text names its department otherwise, the first that does
		for _, w := range []struct {
			use  bool
			find func() (string, int)
			from string
		}{
			{true, func() (string, int) { return newsSubject(flat, news()) }, fromStory},
			{true, func() (string, int) { return yearlessTitleName(flat, ident.kind) }, nameFrom},
			{true, func() (string, int) { return subjectName(flat, ident.year, ident.threePublic) }, fromSubjects},
			{true, func() (string, int) { return yearSubjectName(flat, ident.year) }, "the subject its figures' sentences name after the year"},
			{true, func() (string, int) { return definedName(flat) }, "the one the text gives with its short form (简称)"},
			{true, func() (string, int) { return overviewName(flat, false) }, "the subject of its overview's first sentence"},
			{true, func() (string, int) { return dutiesName(flat) }, "the subject of the sentence of its duties it opens with"},
			{true, func() (string, int) { return regulationName(flat) }, "the one whose rules of its duties and staff (三定规定) it cites"},
			{true, func() (string, int) { return establishedName(flat) }, "the subject of its 机构设置's sentence"},
			{true, func() (string, int) { return coveredName(flat) }, "the one unit its sentence of what the report covers names (纳入…的单位共1个)"},
			{true, func() (string, int) { return foundedName(flat) }, "the subject of its duties' first sentence, which dates its founding"},
			{true, func() (string, int) { return emptyTableName(flat) }, "the one a table's note of why it is empty names (…没有…，故本表无数据)"},
			{!ident.threePublic, func() (string, int) { return partName(flat) }, "the one its first part's heading gives"},
			{ident.contents, func() (string, int) { return entriesName(flat) }, "the one the contents' entries of its tables give (…汇总, …本级)"},
			{true, func() (string, int) { return codedName(flat) }, "the unit's row of its tables, after its code"},
			{true, func() (string, int) { return ownOfficeName(flat) }, "the one the text gives its own office (…本级)"},
			// a part's overview ("第一部分 概况") may open with the organ the
			// department serves ("某区人民代表大会是…"): its office's 本级 first
			{true, func() (string, int) { return overviewName(flat, true) }, "the subject of its overview's first sentence"},
			{true, func() (string, int) { return openerName(flat) }, "the one its sentences open with"},
			{true, func() (string, int) { return signedName(flat) }, "the one it opens with on a line of its own and signs before its date"},
		} {
			if w.use {
				if ident.name, subject = w.find(); ident.name != "" {
					nameFrom = w.from
					break
				}
			}
		}
	} else if regionOnly(ident.name) && !fromHint {
		if n, l, from := bodyName(flat, ident.year); n != "" {
			titleSays = "the title names its region only (" + ident.name + ")"
			ident.name, subject, nameFrom = n, l, from
		} else if levelTitle(ident.title) {
			ident.name = "" // "上海市天河区2021年区级部门预算": the region's series, not its department
		}
	} else if !fromHint {
		if n := completedName(flat, ident.name); n != "" {
			ident.name = n // "梧州市档案" of the title is the body's "梧州市档案馆"
		} else if n, _ := partName(flat); n != "" && ident.weak && !nameLike(ident.name) {
			// a CMS's bare title run into the site's chrome (a web page's body on
			// one line): "应城市人民政府 政府信息公开 市政协2023年度决算说明" names
			// no department; its first part's heading does ("第一部分 应城市政协办公室概况")
			ident.name = n
		} else if n := coverName(folded, ident.name, ident.title, ident.year); n != "" {
			ident.name = n // the page's title "驻某市办事处2019年度决算公开报告", its cover "某盟行政公署驻某市办事处" / "2019年度决算公开报告"
		} else if regionOf(ident.name) == "" {
			if n := regionalName(flat, ident.name); n != "" {
				ident.name = n // "卫生监督所" of the title is the body's "平潭县卫生监督所"
			} else if utf8.RuneCountInString(ident.name) <= 4 {
				if n := expandedName(flat, ident.name, ident.year); n != "" {
					ident.name = n // "国办" of a headline is the body's "国务院办公厅"
				}
			}
		}
	}
	if ident.name == "" {
		unknown = append([]string{schema.UnknownDepartment}, unknown...)
	}
	var aliases []string // the second name a department bears (挂牌)
	ident.name, aliases = splitAlias(ident.name)
	st := foldedStream(t.Lines, folded)
	doc := &schema.Document{
		SchemaVersion: schema.Version,
		ID:            id,
		Document: schema.Meta{
			Kind: ident.kind, Scope: ident.scope, FiscalYear: ident.year, Title: afterCrumbPath(ident.title, ident.year), Unknown: unknown,
			ReportedUnit: reportedUnit(flat, st),
			Source:       schema.SourceFile{Path: t.Path, SHA256: t.SHA256, Bytes: t.Bytes, Encoding: t.Encoding, Format: t.Format},
		},
		Department: schema.Department{Name: ident.name, AlsoNamed: aliases, Region: regionOf(ident.name)},
		Claims:     []schema.Claim{},
		Checks:     []schema.Check{},
		Provenance: map[string]schema.Source{},
		Warnings:   []schema.Warning{},
	}
	if h := t.Header; h != nil {
		doc.Document.Publisher, doc.Document.SourceURL = h.Publisher, h.URL
		if doc.Department.Region == "" { // "卫生监督所" published by 平潭综合实验区市场监督管理局
			doc.Department.Region = regionOf(h.Publisher)
		}
	}
	if ident.name != "" && ident.line > 0 {
		doc.Provenance["/department/name"] = schema.Source{Line: ident.line, Text: strings.TrimSpace(t.Lines[ident.line-1])}
	}
	if fromHint {
		doc.Provenance["/department/name"] = schema.Source{Line: 0, Text: "metadata.csv"}
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: "the title names no department; the name comes from metadata.csv"})
	}
	if yearHint {
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: fmt.Sprintf("no title names the year: the fiscal year (%d) and the kind (%s) come from metadata.csv", ident.year, ident.kind)})
	} else {
		if h.FiscalYear != 0 && ident.year != 0 && h.FiscalYear != ident.year { // a year the text does not tell is no title's
			doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
				Reason: fmt.Sprintf("metadata.csv gives the year %d; the title's %d is kept", h.FiscalYear, ident.year)})
		}
		if h.Kind != "" && ident.kind != "" && h.Kind != ident.kind {
			doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
				Reason: fmt.Sprintf("metadata.csv gives the kind %s; the title's %s is kept", h.Kind, ident.kind)})
		}
	}
	if ident.contents {
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: "no title: the year and kind come from the numbered headings of the contents, which all agree"})
	}
	if ident.body {
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: "no title: the year comes from the sentences stating the totals, the kind from the headings naming the report or its sections, which all agree"})
	}
	if len(told) > 0 {
		doc.Warnings = append(doc.Warnings, schema.Warning{Reason: "no title names the year: " + strings.Join(told, "; ")})
	}
	if ident.tables {
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: "no title page (a file of tables only): the year and kind come from the first table title that names them, the department from its 部门： line"})
	}
	if subject > 0 {
		doc.Provenance["/department/name"] = schema.Source{Line: subject, Text: strings.TrimSpace(t.Lines[subject-1])}
		doc.Warnings = append(doc.Warnings, schema.Warning{Line: ident.line, Text: doc.Document.Title,
			Reason: titleSays + "; the name is " + nameFrom + " (" + ident.name + ")"})
	}
	b := newBuilder(st, doc)
	b.web = t.Header != nil
	if len(unknown) > 0 {
		b.fragment = openingFragment(st) // a page of a disclosure, its first page missing
	}
	b.department(flat)
	b.headCounts()
	b.totals()
	b.sources()
	b.basicProject()
	b.grandTotals()
	b.bothTotalsChange()
	b.classes()
	b.funds()
	b.operatingCosts()
	b.procurement()
	b.assets()
	b.threePublic()
	b.priorOutturnParts()
	b.respectively()
	b.performance()
	b.tables(t.Lines, flat)
	b.comparisonTables(t.Lines)
	b.treeClasses()
	b.functionItems()
	b.kuanLists()
	b.functionCodes()
	b.itemLists()
	b.totalRestated()
	b.statedChanges()
	b.sentencesRestated()
	b.besideRestated()
	b.itemStatements()
	b.listedParts()
	b.classifiedLists()
	b.reasonChanges()
	b.priorSentences()
	b.codeRows(flat)
	b.appropriationsScoped(flat)
	b.tableClaims()
	b.copies(b.tabs)
	b.structure(flat)
	b.unplaced()
	b.coverage(flat)
	b.roundedFigures()
	// a story that names its subject, no title naming it, is read as a
	// story too: its other figures may be its region's
	untitled := len(unknown) > 0 || subject > 0 && nameFrom == fromStory
	story := untitled && news()
	if story {
		b.newsParts()
	}
	st.release()
	if untitled {
		if !(story && newsStory(doc)) && !disclosureLike(whole(), doc) {
			if ident.year == 0 || ident.title == "" { // a year from the sentences is no title
				return nil, &ingest.Error{Path: t.Path, Err: ErrNoTitle}
			}
			return nil, &ingest.Error{Path: t.Path, Line: ident.line, Err: fmt.Errorf("title %q names no department", ident.title)}
		}
		if len(unknown) > 0 {
			doc.Warnings = append([]schema.Warning{schema.UnknownWarning(unknown)}, doc.Warnings...)
		}
	}
	return doc, nil
}

// reportedUnit is the unit of the first 单位：line, else the money unit the
// text uses most.
func reportedUnit(flat []string, st *stream) string {
	for _, l := range flat {
		if i := strings.Index(l, "单位:"); i >= 0 {
			rest := l[i+len("单位:"):]
			for _, u := range []string{"亿元", "万元", "元"} {
				if strings.HasPrefix(rest, u) {
					return u
				}
			}
		}
	}
	count := map[string]int{}
	for _, t := range st.toks {
		if t.kind == numMoney {
			u := t.unit
			if u == "万" {
				u = "万元"
			}
			count[u]++
		}
	}
	best := ""
	for _, u := range []string{"万元", "元", "亿元"} {
		if count[u] > count[best] {
			best = u
		}
	}
	return best
}

// unplaced turns every money token no rule used into a warning.
func (b *builder) unplaced() {
	n := 0
	for i, t := range b.st.toks {
		if t.kind != numMoney || b.used[i] {
			continue
		}
		n++
		if n > maxWarnings {
			continue
		}
		src, amount := b.st.source(t.start), t.money()
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{
			Line: src.Line, Text: src.Text,
			Reason: fmt.Sprintf("amount %s %s", b.st.s[t.start:t.end], schema.WarnUnplaced), Amount: &amount,
		})
	}
	if n > maxWarnings {
		b.doc.Warnings = append(b.doc.Warnings, schema.Warning{
			Reason: fmt.Sprintf(schema.WarnUnplacedMore, n-maxWarnings),
		})
	}
}
