package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpub/pipeline/check"
	"budgetpub/pipeline/extract"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// The hand-checked labels of ../shared/corpus/expected, copied into
// testdata/expected: field checks in the form ../shared/tools/score.py
// reads. This test reads them the same way, so CI guards the scores.

type label struct {
	Path  string          `json:"path"`
	Find  string          `json:"find"`
	Any   string          `json:"any"`
	Count string          `json:"count"`
	Where map[string]any  `json:"where"`
	Value json.RawMessage `json:"value"`
}

func get(doc any, ptr string) any {
	cur := doc
	for _, p := range strings.Split(strings.Trim(ptr, "/"), "/") {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}

func same(got any, want any) bool {
	if w, ok := want.(float64); ok {
		g, ok := got.(float64)
		return ok && math.Abs(g-w) <= 0.5
	}
	return got == want
}

func matches(item any, where map[string]any) bool {
	m, ok := item.(map[string]any)
	if !ok {
		return false
	}
	for k, w := range where {
		if s, ok := w.(string); ok && (k == "name" || k == "title") {
			g, _ := m[k].(string)
			if !strings.Contains(g, s) {
				return false
			}
		} else if !same(m[k], w) {
			return false
		}
	}
	return true
}

// score counts the labelled fields a document gets right.
func score(labels []label, doc any) (ok int, misses []string) {
	for _, l := range labels {
		var want any
		json.Unmarshal(l.Value, &want)
		good := false
		switch {
		case l.Find != "":
			arr, _ := get(doc, l.Find).([]any)
			for _, x := range arr {
				if matches(x, l.Where) {
					good = same(get(x, l.Path), want)
					break
				}
			}
		case l.Any != "":
			parts := strings.SplitN(strings.Trim(l.Any, "/"), "/*/", 2)
			outer, _ := get(doc, parts[0]).([]any)
			for _, o := range outer {
				inner, _ := get(o, parts[1]).([]any)
				for _, x := range inner {
					good = good || matches(x, l.Where)
				}
			}
		case l.Count != "":
			arr, _ := get(doc, l.Count).([]any)
			good = float64(len(arr)) == want
		default:
			good = same(get(doc, l.Path), want)
		}
		if good {
			ok++
		} else {
			misses = append(misses, l.Path+l.Find+l.Any+l.Count)
		}
	}
	return ok, misses
}

// labelledCheck is a contradiction the labels expect a finding for: a
// finding matches when each number is among its numbers, within tolerance.
type labelledCheck struct {
	What      string    `json:"what"`
	Numbers   []float64 `json:"numbers"`
	Tolerance *float64  `json:"tolerance"`
}

// found tells whether a finding carries every number of a labelled check.
func (c labelledCheck) found(checks []schema.Check) bool {
	tol := 0.5
	if c.Tolerance != nil {
		tol = *c.Tolerance
	}
	for _, f := range checks {
		nums := []float64{f.Stated, f.Computed}
		all := true
		for _, w := range c.Numbers {
			any := false
			for _, n := range nums {
				any = any || math.Abs(math.Abs(n)-w) <= tol
			}
			all = all && any
		}
		if all {
			return true
		}
	}
	return false
}

// TestCorpusScores keeps the extraction scores on the labelled corpus from
// falling: each line is the least number of fields that must be right, and
// of labelled contradictions that must be found, from the text and the PDF.
func TestCorpusScores(t *testing.T) {
	type floor struct{ fields, checks int }
	floors := map[string]struct {
		input    string
		txt, pdf floor
	}{
		"seed.json": {"../data/000_70dee09d8603147c.txt", floor{40, 0}, floor{}},
		"01.json":   {"../data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.txt", floor{29, 1}, floor{29, 1}},
		"07.json":   {"../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt", floor{30, 2}, floor{30, 2}},
		"11.json":   {"../data/corpus/11_jiangsu_procuratorate_2018_dept-budget.txt", floor{23, 4}, floor{23, 4}},
		"18.json":   {"../data/corpus/18_chongqing_transport-commission_2018_dept-budget-explanation_html.txt", floor{16, 0}, floor{}},
	}
	pdf := ingest.CanReadPDF()
	for name, f := range floors {
		data, err := os.ReadFile(filepath.Join("testdata", "expected", name))
		if err != nil {
			t.Fatal(err)
		}
		var exp struct {
			Fields []label
			Checks []labelledCheck
		}
		if err := json.Unmarshal(data, &exp); err != nil {
			t.Fatal(err)
		}
		inputs := []string{f.input}
		if p := strings.TrimSuffix(f.input, ".txt") + ".pdf"; pdf && fileExists(p) {
			inputs = append(inputs, p)
		}
		for _, in := range inputs {
			d, err := ExtractFile(context.Background(), in, "")
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := json.Marshal(d)
			var doc any
			json.Unmarshal(raw, &doc)
			ok, misses := score(exp.Fields, doc)
			min := f.txt
			if strings.HasSuffix(in, ".pdf") {
				min = f.pdf
			}
			if ok < min.fields {
				t.Errorf("%s: %d/%d fields right, want at least %d; misses: %v", filepath.Base(in), ok, len(exp.Fields), min.fields, misses)
			}
			found := 0
			var missed []string
			for _, c := range exp.Checks {
				if c.found(d.Checks) {
					found++
				} else {
					missed = append(missed, c.What)
				}
			}
			if found < min.checks {
				t.Errorf("%s: %d/%d labelled contradictions found, want at least %d; missed: %v", filepath.Base(in), found, len(exp.Checks), min.checks, missed)
			}
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// figures flattens a document's numbers by path, list items keyed by their
// code or name, leaving out claims, checks, provenance and warnings.
func figures(doc any, path string, out map[string]float64) {
	switch v := doc.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "claims", "checks", "provenance", "warnings", "document", "department", "coverage":
				if path == "" {
					continue
				}
			}
			figures(x, path+"/"+k, out)
		}
	case []any:
		for i, x := range v {
			key := strconv.Itoa(i)
			if m, ok := x.(map[string]any); ok {
				if c, ok := m["code"].(string); ok && c != "" {
					key = c
				} else if n, ok := m["name"].(string); ok {
					key = n
				}
			}
			figures(x, path+"/"+key, out)
		}
	case float64:
		out[path] = v
	}
}

// TestTextAndPDFAgree reads every disclosure of data/corpus given both as
// default-mode text and as PDF: a figure both give must be the same, and
// the text must give at least as many as its floor (tables read from
// default-mode text). The allowed difference is a contradiction of the
// document's own, where the .txt's figure comes from the text and the
// PDF's from a table: 07's text says 326.72 万元 for 社会保障和就业支出, its
// table 326.71.
func TestTextAndPDFAgree(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	allowed := map[string]bool{
		"07_shanghai-putuo_finance-bureau_2024_final-accounts /expenditure/by_function/208/amount": true,
		"jiangsu_procuratorate_2017_dept-budget /expenditure/basic/amount":                         true,
	}
	floors := map[string]int{ // figures from the text, at least
		"jiangsu_cppcc-office_2017_dept-budget_tables-part":           38,
		"jiangsu_cppcc-office_2019_dept-budget_tables-part":           45,
		"jiangsu_npc-office_2019_dept-budget_tables-part":             50,
		"jiangsu_party-committee-office_2017_dept-budget_tables-part": 46,
		"jiangsu_party-committee-office_2018_dept-budget_tables-part": 48,
		"jiangsu_high-court_2018_dept-budget":                         46,
		"jiangsu_high-court_2019_dept-budget":                         61,
		"11_jiangsu_procuratorate_2018_dept-budget":                   39,
	}
	pdfs, _ := filepath.Glob("../data/corpus/*.pdf")
	more, _ := filepath.Glob("../data/corpus/more/*.pdf")
	for _, p := range append(pdfs, more...) {
		stem := strings.TrimSuffix(p, ".pdf")
		if !fileExists(stem + ".txt") {
			continue
		}
		name := filepath.Base(stem)
		got := [2]map[string]float64{{}, {}}
		for k, in := range []string{stem + ".txt", p} {
			d, err := ExtractFile(context.Background(), in, "")
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			raw, _ := json.Marshal(d)
			var doc any
			json.Unmarshal(raw, &doc)
			figures(doc, "", got[k])
		}
		for path, v := range got[0] {
			if w, ok := got[1][path]; ok && w != v && !allowed[name+" "+path] {
				t.Errorf("%s %s: %v from the text, %v from the PDF", name, path, v, w)
			}
		}
		if n := len(got[0]); n < floors[name] {
			t.Errorf("%s: %d figures from the text, want at least %d", name, n, floors[name])
		}
	}
}

// TestPerturbedTextAgreesWithPDF moves the cells of default-mode text the
// way pdftotext does when it prints a cell away from its row — a value a
// few lines later, two lines swapped, a page number between cells, a run of
// values each printed after the next row's name — and
// asserts that the table readers, whose arithmetic decides where cells go,
// never give a figure the PDF contradicts: a figure they cannot place is
// left out, never put in another's place.
func TestPerturbedTextAgreesWithPDF(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	docs := []string{
		"more/jiangsu_cppcc-office_2017_dept-budget_tables-part", "more/jiangsu_cppcc-office_2019_dept-budget_tables-part",
		"more/jiangsu_party-committee-office_2018_dept-budget_tables-part", "more/jiangsu_high-court_2019_dept-budget",
		"more/jiangsu_npc-office_2018_dept-budget", "more/jiangsu_procuratorate_2017_dept-budget",
		"07_shanghai-putuo_finance-bureau_2024_final-accounts",
	}
	// where a perturbation breaks a table, the text's figure stands; these
	// texts contradict their tables: basic expenditure 12323.46 once and
	// 12323.48 (the tables') elsewhere; 社会保障和就业支出 326.72 (table
	// 326.71), 财政拨款收入支出总计 0.3 万元 (table 2,961.68)
	own := map[string]bool{"more/jiangsu_procuratorate_2017_dept-budget /expenditure/basic/amount": true,
		"07_shanghai-putuo_finance-bureau_2024_final-accounts /expenditure/by_function/208/amount": true,
		"07_shanghai-putuo_finance-bureau_2024_final-accounts /revenue/fiscal_total":               true}
	rng := rand.New(rand.NewPCG(3, 2026))
	for _, name := range docs {
		stem := filepath.Join("../data/corpus", name)
		d, err := ExtractFile(context.Background(), stem+".pdf", "")
		if err != nil {
			t.Fatal(err)
		}
		ref := figuresOf(t, d)
		txt, err := ingest.Read(context.Background(), stem+".txt")
		if err != nil {
			t.Fatal(err)
		}
		var numbers []int // lines that hold one number
		for i, l := range txt.Lines {
			if isFigure(l) {
				numbers = append(numbers, i)
			}
		}
		for trial := range 80 {
			lines := slices.Clone(txt.Lines)
			what := ""
			switch trial % 4 {
			case 0: // a value printed a few lines later
				i := numbers[rng.IntN(len(numbers))]
				j := min(len(lines)-1, i+1+rng.IntN(12))
				v := lines[i]
				lines = slices.Insert(slices.Delete(lines, i, i+1), j, v)
				what = fmt.Sprintf("line %d moved to %d", i+1, j+1)
			case 1: // two lines swapped
				i := rng.IntN(len(lines) - 1)
				lines[i], lines[i+1] = lines[i+1], lines[i]
				what = fmt.Sprintf("lines %d and %d swapped", i+1, i+2)
			case 2: // a page number between cells
				i := rng.IntN(len(lines))
				n := strconv.Itoa(2 + rng.IntN(40))
				lines = slices.Insert(lines, i, n)
				what = fmt.Sprintf("page number %s at line %d", n, i+1)
			case 3: // a run of values each printed after the next row's name
				i := numbers[rng.IntN(len(numbers))]
				what = fmt.Sprintf("values from line %d a row late", i+1)
				for range 1 + rng.IntN(4) {
					j := i + 1
					for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || isFigure(lines[j])) {
						j++
					}
					for j < len(lines) && strings.TrimSpace(lines[j]) != "" && !isFigure(lines[j]) {
						j++
					}
					v := lines[i]
					lines = slices.Insert(slices.Delete(lines, i, i+1), j-1, v)
					for i = j; i < len(lines) && !isFigure(lines[i]); i++ {
					}
					if i >= len(lines) {
						break
					}
				}
			}
			p := *txt
			p.Lines = lines
			got, err := extract.Extract(&p, "t", extract.Hints{})
			if err != nil {
				continue
			}
			for path, v := range figuresOf(t, got) {
				if w, ok := ref[path]; ok && w != v && !own[name+" "+path] {
					t.Errorf("%s, %s: %s is %v, the PDF says %v", filepath.Base(name), what, path, v, w)
				}
			}
		}
	}
}

// isFigure tells a line that holds one number.
func isFigure(l string) bool {
	f := strings.TrimSpace(l)
	return f != "" && strings.Trim(f, "0123456789,.") == ""
}

func figuresOf(t *testing.T, d *schema.Document) map[string]float64 {
	t.Helper()
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	json.Unmarshal(raw, &doc)
	out := map[string]float64{}
	figures(doc, "", out)
	return out
}

// TestRawModeAgreesWithPDF reads every corpus PDF as another extractor
// would give it: pdftotext -raw, the content stream's order, where titles
// can come after their tables and cells after their rows. Figures may go
// missing; none may contradict the -layout reading.
func TestRawModeAgreesWithPDF(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	pdfs, _ := filepath.Glob("../data/corpus/*.pdf")
	more, _ := filepath.Glob("../data/corpus/more/*.pdf")
	dir := t.TempDir()
	for _, p := range append(pdfs, more...) {
		name := strings.TrimSuffix(filepath.Base(p), ".pdf")
		raw := filepath.Join(dir, name+".txt")
		if out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", p, raw).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v %s", p, err, out)
		}
		layout, err := ExtractFile(context.Background(), p, "")
		if err != nil {
			t.Fatal(err)
		}
		other, err := ExtractFile(context.Background(), raw, "")
		if err != nil {
			continue // not read at all: nothing contradicts
		}
		want, got := figuresOf(t, layout), figuresOf(t, other)
		for path, v := range got {
			if w, ok := want[path]; ok && w != v && !strings.Contains(path, "/responsibilities/") {
				t.Errorf("%s %s: %v from -raw text, %v from the PDF's layout", name, path, v, w)
			}
		}
	}
}

// TestWhitespaceOfOtherExtractors: text from other tools differs from
// pdftotext's in its whitespace — trailing spaces on every line, CRLF line
// ends, a tab where pdftotext puts a run of spaces. Every text of data/
// must give the same figures and the same findings in each form.
func TestWhitespaceOfOtherExtractors(t *testing.T) {
	var files []string
	for _, pat := range []string{"../data/*.txt", "../data/corpus/*.txt", "../data/corpus/more/*.txt", "../data/corpus/more/fujian/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("%d texts in data/", len(files))
	}
	forms := map[string]func(string) string{
		"trailing spaces": func(l string) string { return l + "   " },
		"CRLF":            func(l string) string { return l + "\r" },
		"tabs":            func(l string) string { return strings.ReplaceAll(l, "  ", "\t") },
	}
	findings := func(d *schema.Document) []string {
		var out []string
		for _, f := range d.Checks {
			out = append(out, fmt.Sprintf("%s %s %v %v", f.Rule, f.Severity, f.Stated, f.Computed))
		}
		slices.Sort(out)
		return out
	}
	compared := 0
	defer func() {
		if compared < 30 {
			t.Errorf("%d texts with figures compared, want at least 30", compared)
		}
	}()
	for _, f := range files {
		txt, err := ingest.Read(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := extract.Extract(txt, "d", extract.Hints{})
		if err != nil {
			continue // not a disclosure (a README)
		}
		check.Run(ref)
		want, wantFindings := figuresOf(t, ref), findings(ref)
		if len(want) == 0 {
			continue // no figure to compare (amounts without a unit)
		}
		compared++
		for name, form := range forms {
			other := *txt
			other.Lines = make([]string, len(txt.Lines))
			for i, l := range txt.Lines {
				other.Lines[i] = form(l)
			}
			d, err := extract.Extract(&other, "d", extract.Hints{})
			if err != nil {
				t.Errorf("%s with %s: %v", f, name, err)
				continue
			}
			check.Run(d)
			if got := figuresOf(t, d); !maps.Equal(got, want) {
				t.Errorf("%s with %s: %d figures differ from pdftotext's", f, name, len(got))
			}
			if got := findings(d); !slices.Equal(got, wantFindings) {
				t.Errorf("%s with %s: findings %v, want %v", f, name, got, wantFindings)
			}
		}
	}
}

// TestOtherExtractorsAgreeWithPDF reads the texts other PDF tools give of
// corpus PDFs (testdata/extractors: pdftotext -raw, mutool): no figure
// may contradict the PDF's -layout reading, and each text must give at
// least its floor of the same figures.
func TestOtherExtractorsAgreeWithPDF(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	floors := map[string]int{ // figures the same as the layout's, of all it gives
		"01_shanghai-putuo_wanli-street_2024_dept-budget.raw.txt":                132, // of 132
		"01_shanghai-putuo_wanli-street_2024_dept-budget.mutool.txt":             132,
		"07_shanghai-putuo_finance-bureau_2024_final-accounts.raw.txt":           61, // of 85: 301/302 items, 三公 接待费 预算数 (0.95 0.95 in twelve columns)
		"07_shanghai-putuo_finance-bureau_2024_final-accounts.mutool.txt":        61,
		"11_jiangsu_procuratorate_2018_dept-budget.raw.txt":                      67, // of 67
		"11_jiangsu_procuratorate_2018_dept-budget.mutool.txt":                   50, // 302/303 items
		"jiangsu_cppcc-office_2017_dept-budget_tables-part.raw.txt":              53, // of 54
		"jiangsu_cppcc-office_2017_dept-budget_tables-part.mutool.txt":           39, // 收支总表 a row a block, the values before the next cell's name
		"jiangsu_party-committee-office_2018_dept-budget_tables-part.raw.txt":    54, // of 61
		"jiangsu_party-committee-office_2018_dept-budget_tables-part.mutool.txt": 54,
	}
	texts, _ := filepath.Glob("testdata/extractors/*.txt")
	if len(texts) != len(floors) {
		t.Fatalf("%d texts in testdata/extractors, %d floors", len(texts), len(floors))
	}
	layouts := map[string]map[string]float64{}
	for _, f := range texts {
		base := filepath.Base(f)
		name := base[:strings.Index(base, ".")]
		want, ok := layouts[name]
		if !ok {
			pdf := filepath.Join("../data/corpus", name+".pdf")
			if !fileExists(pdf) {
				pdf = filepath.Join("../data/corpus/more", name+".pdf")
			}
			d, err := ExtractFile(context.Background(), pdf, "")
			if err != nil {
				t.Fatal(err)
			}
			want = figuresOf(t, d)
			layouts[name] = want
		}
		d, err := ExtractFile(context.Background(), f, "")
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		same := 0
		for path, v := range figuresOf(t, d) {
			switch w, ok := want[path]; {
			case !ok || strings.Contains(path, "/responsibilities/"):
			case w != v:
				t.Errorf("%s %s: %v, %v from the PDF's layout", base, path, v, w)
			default:
				same++
			}
		}
		if same < floors[base] {
			t.Errorf("%s: %d figures the same as the PDF's layout, want at least %d", base, same, floors[base])
		}
		t.Logf("%s: %d of %d", base, same, len(want))
	}
}
