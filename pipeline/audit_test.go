package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"budgetpub/gen"
	"budgetpub/internal/hanzi"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// auditFiles are the texts the provenance audit reads: data/ and its
// corpus, every probe folder and generated documents of every family.
func auditFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../data/*", "../data/corpus/*", "../data/corpus/more/*", "../data/corpus/more/fujian/*", "testdata/probes/real*/*"} {
		m, _ := filepath.Glob(pat)
		for _, f := range m {
			if strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".html") || strings.HasSuffix(f, ".pdf") && ingest.CanReadPDF() {
				files = append(files, f)
			}
		}
	}
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: 3, Out: dir, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	return append(files, m...)
}

// auditNumber is a number as the text prints it.
var auditNumber = regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`)

// unitFactors are the units a disclosure states amounts in: 元, 千元, 万元,
// 亿元, in yuan.
var unitFactors = []float64{1, 1e3, 1e4, 1e8}

// printedAt gives where text prints v, a number ending in [from, to): an
// amount in one of the units (yuan), or a percentage (pct), ignoring the
// sign the words give it.
func printedAt(text string, from, to int, v float64, pct bool) []int {
	v = math.Abs(v)
	var at []int
	for _, m := range auditNumber.FindAllStringIndex(text, -1) {
		if m[1] <= from || m[0] >= to {
			continue // not on the figure's line
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(text[m[0]:m[1]], ",", ""), 64)
		if err != nil {
			continue
		}
		if pct {
			if math.Abs(n-v) < 1e-6 {
				at = append(at, m[0])
			}
			continue
		}
		for _, f := range unitFactors {
			if math.Abs(n*f-v) < 0.006 {
				at = append(at, m[0])
				break
			}
		}
	}
	return at
}

// auditLabels are the words that name the figures whose label the audit
// checks, each with the paths it may name; a label the others do not
// check names a figure of its own (基本支出, 收入总计 …).
var auditLabels = []struct {
	words []string
	paths []string
}{
	{[]string{"三公"}, []string{"/three_public", "/three_public/total", "/three_public/prior_year", "/three_public/budgeted"}},
	{[]string{"出国"}, []string{"/three_public/overseas_travel"}},
	{[]string{"接待"}, []string{"/three_public/reception"}},
	// (购置 alone may be a procurement's: "采购礼堂椅及办公设备购置,金额217800元")
	{[]string{"公务用车", "公务车", "公车", "车购置", "购置费", "运行维护", "车辆"}, []string{"/three_public/vehicle", "/three_public/vehicle_purchase", "/three_public/vehicle_operation"}},
	{[]string{"机关运行经费", "机关运行费", "运行经费"}, []string{"/operating_costs"}},
	{[]string{"政府采购", "采购"}, []string{"/procurement"}},
	// 财政拨款 and 支出合计 qualify the label before them ("“三公”经费财政拨款
	// 支出合计"); they name no figure of their own here
	{[]string{"基本支出"}, []string{"/expenditure/basic"}},
	{[]string{"项目支出"}, []string{"/expenditure/project"}},
	{[]string{"人员经费", "人员支出"}, []string{"/expenditure/personnel"}},
	{[]string{"公用经费", "公用支出"}, []string{"/expenditure/public_expenses"}},
	// the totals, often stated together (收入支出总计), are not checked
	{[]string{"收入总计", "支出总计"}, nil},
}

// figureOf is the path an audited label names: the figure's object for
// its amount and the claims' paths ("/three_public/reception/amount" →
// "/three_public/reception"), or "" where the audit checks no label.
func figureOf(ptr string) string {
	for _, g := range auditLabels {
		for _, p := range g.paths {
			if ptr == p || p != "/three_public" && slices.Contains([]string{"/amount", "/prior_year", "/budgeted", "/goods", "/works", "/services"}, strings.TrimPrefix(ptr, p)) {
				return p
			}
		}
	}
	return ""
}

// nearestLabel is the audited label that ends last in s, the longest at
// its end, and the paths it may name; ok is false where s holds none.
func nearestLabel(s string) (word string, paths []string, ok bool) {
	end := -1
	for _, g := range auditLabels {
		for _, w := range g.words {
			k := strings.LastIndex(s, w)
			if k < 0 {
				continue
			}
			if e := k + len(w); e > end || e == end && len(w) > len(word) {
				end, word, paths, ok = e, w, g.paths, true
			}
		}
	}
	return word, paths, ok
}

// auditFigure is one figure the audit checks: an amount of the model with
// its provenance, or a claim.
type auditFigure struct {
	ptr  string // the figure's pointer, or a claim's path and kind
	v    float64
	pct  bool
	line int
	text string
}

// auditCount counts the figures audited, and of them those whose label
// and (a change) direction the audit could check.
type auditCount struct{ figures, labels, signs int }

// auditMismatch is a figure whose source line does not print it (class
// "figure"), whose line gives the figure another label ("label"), or a
// change whose words go the other way ("sign").
type auditMismatch struct {
	class, file, ptr, why string
}

// auditDocument checks every figure of d against lines, the text it was
// read from: that its line, or the lines a wrapped sentence spans, print it
// in a unit, and that the label closest before it in its sentence is one
// of its path.
func auditDocument(d *schema.Document, lines []string, rel string) (n auditCount, out []auditMismatch) {
	raw, _ := json.Marshal(d)
	var tree any
	json.Unmarshal(raw, &tree)
	var figs []auditFigure
	for ptr, src := range d.Provenance {
		if v, ok := pointerValue(tree, ptr); ok && src.File == 0 {
			figs = append(figs, auditFigure{ptr, v, false, src.Line, src.Text})
		}
	}
	for _, c := range d.Claims {
		// a 决算's direction against its budget (小于) is words, not a number
		if c.File == 0 && c.Line > 0 && c.Kind != schema.ClaimExecutionSign {
			figs = append(figs, auditFigure{c.Path + ":" + c.Kind, c.Value, c.Unit == "%", c.Line, c.Text})
		}
	}
	sort.Slice(figs, func(i, j int) bool { return figs[i].ptr < figs[j].ptr })
	for _, f := range figs {
		if f.v == 0 {
			continue // a zero the words give ("无", "持平") prints no number
		}
		n.figures++
		if f.line < 1 || f.line > len(lines) {
			out = append(out, auditMismatch{"figure", rel, f.ptr, fmt.Sprintf("line %d outside the text", f.line)})
			continue
		}
		// the sentence the line's figure belongs to, as the extractor joins
		// wrapped lines: up to three lines before, one after
		from, to := f.line-1, min(len(lines), f.line+1)
		for from > 0 && f.line-from < 4 && !tableRow(lines[from-1]) && !strings.HasSuffix(strings.TrimSpace(lines[from-1]), "。") {
			from--
		}
		window := auditFold(strings.Join(lines[from:to], ""))
		lineAt, line := len(auditFold(strings.Join(lines[from:f.line-1], ""))), auditFold(lines[f.line-1])
		// the line's own numbers, else one a line break cuts ("1,234.\n56")
		at := printedAt(line, 0, len(line), f.v, f.pct)
		for i := range at {
			at[i] += lineAt
		}
		if len(at) == 0 {
			at = printedAt(window, lineAt, lineAt+len(line), f.v, f.pct)
		}
		if len(at) == 0 {
			out = append(out, auditMismatch{"figure", rel, f.ptr, fmt.Sprintf("line %d does not print %v: %q (%q)", f.line, f.v, f.text, lines[f.line-1])})
			continue
		}
		path, kind, _ := strings.Cut(f.ptr, ":")
		if tableRow(lines[f.line-1]) {
			continue // a table's cell: its row's label, not the words before, names it
		}
		// the sentence before each place that prints it
		heads := make([]string, len(at))
		for i, k := range at {
			heads[i] = window[:k]
			if s := max(strings.LastIndex(heads[i], "。"), strings.LastIndex(heads[i], "；"), strings.LastIndex(heads[i], ";")); s >= 0 {
				heads[i] = heads[i][s:]
			}
			heads[i] = inclusion.ReplaceAllString(heads[i], "")
		}
		if want := figureOf(path); want != "" {
			seen, right := labelled(heads, want)
			if len(seen) > 0 {
				n.labels++
			}
			if len(seen) > 0 && !right {
				out = append(out, auditMismatch{"label", rel, f.ptr, fmt.Sprintf("line %d names it %s: %q", f.line, strings.Join(seen, "/"), f.text)})
			}
		}
		if kind == schema.ClaimChange || kind == schema.ClaimChangePct {
			sign, ok := stated(heads)
			if ok {
				n.signs++
			}
			if ok && (sign < 0) != (f.v < 0) {
				out = append(out, auditMismatch{"sign", rel, f.ptr, fmt.Sprintf("line %d says %+d of %v: %q", f.line, sign, f.v, f.text)})
			}
		}
	}
	return n, out
}

// labelled gives the audited labels closest before a figure in each of
// heads (the sentence before each place that prints it), and whether one
// of them names want. A figure listed after 分别 is named by the list
// before it, in its place: any label of the list may name it.
func labelled(heads []string, want string) (seen []string, right bool) {
	for _, head := range heads {
		if k := strings.LastIndex(head, "分别"); k >= 0 {
			for _, g := range auditLabels {
				for _, w := range g.words {
					if strings.Contains(head[:k], w) && slices.Contains(g.paths, want) {
						seen, right = append(seen, w), true
					}
				}
			}
			if right {
				continue
			}
		}
		w, paths, ok := nearestLabel(head)
		if !ok {
			continue
		}
		seen = append(seen, w)
		right = right || slices.Contains(paths, want)
	}
	return seen, right
}

// directionWords say which way a change goes: -1 down, 1 up.
var directionWords = map[string]int{"减少": -1, "下降": -1, "降低": -1, "压减": -1, "节约": -1, "降幅": -1, "减幅": -1,
	"增加": 1, "增长": 1, "提高": 1, "上升": 1, "增幅": 1}

// stated is the direction of the word closest before a change, where
// every place that prints it (heads as in labelled) agrees; ok is false
// where a place says none, leaves it open (openChoice) or they differ.
func stated(heads []string) (sign int, ok bool) {
	for _, head := range heads {
		if openChoice.MatchString(head) {
			return 0, false // the direction left open: the figures choose it
		}
		end, s := -1, 0
		for w, d := range directionWords {
			if k := strings.LastIndex(head, w); k >= 0 && k+len(w) > end {
				end, s = k+len(w), d
			}
		}
		if s == 0 || ok && s != sign {
			return 0, false
		}
		sign, ok = s, true
	}
	return sign, ok
}

// openChoice is a template's two directions, neither chosen, right before
// a figure: "增加(减少)0.11万元".
var openChoice = regexp.MustCompile(`(增加|减少|增长|下降)[(（](增加|减少|增长|下降)[)）] *$`)

// pinyinReading is the reading a text in traditional script gives after
// a character: 國(guó).
var pinyinReading = regexp.MustCompile(`\([a-zà-ǜ]+\)`)

// auditFold is a text as the audit reads its labels: simplified, without
// pinyin readings.
func auditFold(s string) string {
	return pinyinReading.ReplaceAllString(hanzi.Simplify(s), "")
}

// inclusion is a remark of what a figure before it holds: "合计585.53万元
// (包括基本支出和项目支出安排的经费),同比减少144.92万元" — its words name
// no figure after it.
var inclusion = regexp.MustCompile(`[(（](包括|含)[^()（）]*[)）]`)

// cellsApart are two numbers a space apart: a table's cells.
var cellsApart = regexp.MustCompile(`[0-9] +[0-9]`)

// tableRow tells a line of a table: cells apart (pdftotext -layout, or
// a row of amounts), or a cell alone (no word of a sentence).
func tableRow(l string) bool {
	return strings.Contains(strings.TrimSpace(l), "   ") || cellsApart.MatchString(l) || !strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// pointerValue is the number at ptr in a document's JSON.
func pointerValue(tree any, ptr string) (float64, bool) {
	cur := tree
	for _, k := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(c) {
				return 0, false
			}
			cur = c[i]
		default:
			return 0, false
		}
	}
	v, ok := cur.(float64)
	return v, ok
}

// TestProvenanceAudit: every amount and percentage the extraction gives,
// from every text of data/, the probes and generated documents, is printed
// by its source line (or the lines its wrapped sentence spans) in a unit a
// disclosure uses, and a 三公 part, 机关运行经费 or 政府采购 figure is read
// under its own label, not the one of the clause after. No labels needed:
// a mismatch is a wrong figure, a wrong provenance, or an audit limit.
func TestProvenanceAudit(t *testing.T) {
	meta, _, err := readMetadata("../data")
	if err != nil {
		t.Fatal(err)
	}
	var total auditCount
	byClass := map[string]int{}
	for _, f := range auditFiles(t) {
		rel, _ := filepath.Rel("../data", f)
		d, lines, err := extractAs(context.Background(), f, nil, rel, DocID(f), metadataFor(meta, filepath.ToSlash(rel)))
		if err != nil {
			continue // refused: no figure to audit
		}
		n, bad := auditDocument(d, lines, filepath.Base(f))
		total.figures, total.labels, total.signs = total.figures+n.figures, total.labels+n.labels, total.signs+n.signs
		for _, m := range bad {
			byClass[m.class]++
			t.Errorf("%s %s %s: %s", m.class, m.file, m.ptr, m.why)
		}
	}
	t.Logf("%d figures audited, %d labels and %d directions checked; mismatches %v", total.figures, total.labels, total.signs, byClass)
	if total.figures < 5000 || total.labels < 800 || total.signs < 1000 {
		t.Errorf("%+v audited, want the corpus's 5,000 figures, 800 labels and 1,000 directions and more", total)
	}
}

// The audit finds what it is for: a change taken from the clause of the
// next label (the reading TestTwoLabelsNeverCrossed guards), a figure its
// line does not print, a change whose words go the other way.
func TestProvenanceAuditFinds(t *testing.T) {
	lines := []string{"某区委办公室2024年部门预算", "2024年，“三公”经费支出1200万元，比上年下降5%，", "机关运行经费压减3200万元。"}
	d := &schema.Document{ThreePublic: &schema.ThreePublic{}, Provenance: map[string]schema.Source{}}
	total := schema.Money(12000000 * 100) // in fen
	d.ThreePublic.Total = &total
	d.Provenance["/three_public/total"] = schema.Source{Line: 2, Text: lines[1]}
	d.Claims = []schema.Claim{
		{Path: "/three_public", Kind: schema.ClaimChangePct, Value: -5, Unit: "%", Line: 2, Text: lines[1]},
		{Path: "/three_public", Kind: schema.ClaimChange, Value: -32000000, Unit: "万元", Line: 3, Text: lines[2]},
		{Path: "/three_public", Kind: schema.ClaimPriorYear, Value: 12500000, Unit: "万元", Line: 2, Text: lines[1]},
		{Path: "/three_public", Kind: schema.ClaimChangePct, Value: 5, Unit: "%", Line: 2, Text: lines[1]},
	}
	n, bad := auditDocument(d, lines, "t.txt")
	var got []string
	for _, m := range bad {
		got = append(got, m.class+" "+m.ptr)
	}
	want := []string{"label /three_public:change", "figure /three_public:prior_year", "sign /three_public:change_pct"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) || n.figures != 5 {
		t.Errorf("audit found %q of %d figures, want %q of 5", got, n.figures, want)
	}
}

// TestProvenanceAuditInclusion: a remark of what a total holds (包括基本
// 支出和项目支出…) names no figure after it; a label after it still does.
func TestProvenanceAuditInclusion(t *testing.T) {
	for _, c := range []struct {
		line string
		bad  int
	}{
		{"“三公”经费支出合计585.53万元(包括基本支出和项目支出安排的经费),同比减少144.92万元,降低支出。", 0},
		{"“三公”经费支出合计585.53万元(包括基本支出和项目支出安排的经费),项目支出减少144.92万元。", 1},
	} {
		lines := []string{"某区2019年度“三公”经费公开说明", c.line}
		d := &schema.Document{Provenance: map[string]schema.Source{}, Claims: []schema.Claim{
			{Path: "/three_public", Kind: schema.ClaimChange, Value: -1449200, Unit: "万元", Line: 2, Text: lines[1]},
		}}
		if _, bad := auditDocument(d, lines, "t.txt"); len(bad) != c.bad {
			t.Errorf("%q: %+v, want %d mismatches", c.line, bad, c.bad)
		}
	}
}
