// The tests of this file hold each faster form of a search to the form it
// replaced, kept here as the reference.
package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/internal/randtext"
	"budgetpub/schema"
)

// TestLastStopAsLastIndex: lastStop is strings.LastIndex(s[:off], "。") and
// sentenceEnd strings.Index(s[off:], "。") (or the end) at every offset,
// inside a rune and around bytes that are no UTF-8 too.
func TestLastStopAsLastIndex(t *testing.T) {
	for _, s := range []string{"", "。", "收入。支出。。合计", "。\xe3\x80", "\xe3。\x80\x82。a", strings.Repeat("表 1 2 3\n", 50) + "。" + strings.Repeat("甲", 30)} {
		st := &stream{s: s}
		for off := 0; off <= len(s); off++ {
			if got, want := st.lastStop(off), strings.LastIndex(s[:off], "。"); got != want {
				t.Errorf("%q at %d: lastStop %d, LastIndex %d", s, off, got, want)
			}
			want := len(s)
			if i := strings.Index(s[off:], "。"); i >= 0 {
				want = off + i
			}
			if got := st.sentenceEnd(off); got != want {
				t.Errorf("%q at %d: sentenceEnd %d, Index %d", s, off, got, want)
			}
		}
	}
}

// TestRuneIndexEveryRune: the rune index gives every rune of the plane its
// offsets, present or not, text after text (the table is pooled), and
// leaves its table zero when released (the pool's next text counts in it).
func TestRuneIndexEveryRune(t *testing.T) {
	for _, s := range []string{"支出预算支出a支😀出\uffff支", "", "\x00\x01 ", "收入\u00ff\u0100\u01ff\u0200。", "\uffff", "一" + string(rune(0x4e00+255)) + string(rune(0x4e00+256)), "\xffa\xe4\xb8"} {
		st := &stream{s: s}
		st.indexRunes()
		want := map[rune][]int32{}
		for i, r := range s {
			if r < bmp {
				want[r] = append(want[r], int32(i))
			}
		}
		for r := range rune(bmp) {
			if got := st.positions(r); !slices.Equal(got, want[r]) {
				t.Fatalf("%q: %q at %v, want %v", s, r, got, want[r])
			}
		}
		off := st.off
		st.release()
		if k := slices.IndexFunc(off[:], func(v int32) bool { return v != 0 }); k >= 0 {
			t.Fatalf("%q: the released table holds %d at %d", s, off[k], k)
		}
	}
}

// TestItemMarkedAsRegexp: itemMarked is itemMark.MatchString on 50,000
// random texts.
func TestItemMarkedAsRegexp(t *testing.T) {
	alphabet := []string{"(", ")", "（", "3", "三", "十", "、", " ", "X", "x", "Ｘ", "×", "*", "＝", "=", "人", "万元", "\xff"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		if s := randtext.Of(r, alphabet, 10); itemMarked(s) != itemMark.MatchString(s) {
			t.Fatalf("%q: itemMarked %v", s, itemMarked(s))
		}
	}
}

// TestLastClauseMarkAsLastIndexAny on 50,000 random texts.
func TestLastClauseMarkAsLastIndexAny(t *testing.T) {
	parts := []string{"，", "。", "；", ",", ";", "、", "：", "收入", "1", " ", "\xff", "\xef\xbc", "\x8c"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		s := randtext.Of(r, parts, 12)
		if got, want := lastClauseMark(s), strings.LastIndexAny(s, "，。；,;"); got != want {
			t.Fatalf("%q: %d, LastIndexAny %d", s, got, want)
		}
	}
}

// TestIndexInAsIndex: indexIn is strings.Index(s[from:to], w) for the
// words it is asked for, between any two offsets of 5,000 random texts
// with bytes that are no UTF-8 among them.
func TestIndexInAsIndex(t *testing.T) {
	parts := []string{"分别", "分", "别", "为", "。", "；", ";", "其中", "其", "中", "1", " ", "\xff", "\xe5\x88", "\x86"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 5000 {
		s := randtext.Of(r, parts, 16)
		b := &builder{st: &stream{s: s}, found: map[string][]int{}}
		for _, w := range []string{"分别", "；", ";", "其中"} {
			for range 20 {
				from := r.IntN(len(s) + 1)
				to := from + r.IntN(len(s)-from+1)
				if got, want := b.indexIn(w, from, to), strings.Index(s[from:to], w); got != want {
					t.Fatalf("%q in %q[%d:%d]: %d, Index %d", w, s, from, to, got, want)
				}
			}
		}
		b.st.release()
	}
}

// TestAnyInAsContainsAny: anyIn is containsAny(s[from:to], words) for
// the labels fiscalStatement asks about — none of which overlaps itself,
// as indexIn needs — between any two offsets of 2,000 random texts made of
// their pieces, with bytes that are no UTF-8 among them.
func TestAnyInAsContainsAny(t *testing.T) {
	lists := [][]string{fiscalTotalLabels, fundTotalLabels}
	for _, words := range lists {
		for _, w := range words {
			for k := 1; k < len(w); k++ {
				if strings.HasPrefix(w, w[len(w)-k:]) {
					t.Fatalf("%q overlaps itself: indexIn cannot find it", w)
				}
			}
		}
	}
	parts := slices.Concat(fiscalTotalLabels, fundTotalLabels, []string{"财政拨款", "收入", "收", "、", "支出", "支", "总计", "决算", "总预算", "预算",
		"一般公共预算", "政府性基金预算", "合计", "。", "1", " ", "\xff", "\xe8\xb4"})
	r := rand.New(rand.NewPCG(15, 16))
	found := 0
	for range 2000 {
		s := randtext.Of(r, parts, 24)
		b := &builder{st: &stream{s: s}, found: map[string][]int{}}
		for range 20 {
			from := r.IntN(len(s) + 1)
			to := from + r.IntN(len(s)-from+1)
			for _, words := range lists {
				got, want := b.anyIn(words, from, to), containsAny(s[from:to], words)
				if got != want {
					t.Fatalf("%q[%d:%d]: anyIn %v, containsAny %v", s, from, to, got, want)
				}
				if want {
					found++
				}
			}
		}
		b.st.release()
	}
	if found < 10000 || found > 70000 {
		t.Fatalf("%d of 80,000 spans hold a label: the texts test too little", found)
	}
}

// TestClauseEndAsIndex: clauseEnd is the sentence's end brought back to
// the first ；, ; or 其中 after off (strings.Index of each in turn), at
// every offset of 5,000 random texts, bytes that are no UTF-8 among them.
func TestClauseEndAsIndex(t *testing.T) {
	parts := []string{"。", "；", ";", "其中", "其", "中", "收入", "1", " ", "\xff", "\xef\xbc", "\x9b", "\xe3\x80"}
	r := rand.New(rand.NewPCG(13, 14))
	for range 5000 {
		s := randtext.Of(r, parts, 16)
		st := &stream{s: s}
		for off := 0; off <= len(s); off++ {
			want := st.sentenceEnd(off)
			for _, w := range []string{"；", ";", "其中"} {
				if k := strings.Index(s[off:want], w); k >= 0 {
					want = off + k
				}
			}
			if got := st.clauseEnd(off); got != want {
				t.Fatalf("%q at %d: %d, want %d", s, off, got, want)
			}
		}
	}
}

// TestFindMapSized: the labels a document is asked about fit find's map
// as newBuilder makes it, with no growth: asking foundLabels labels the
// text lacks allocates nothing more than the builder.
func TestFindMapSized(t *testing.T) {
	labels := make([]string, foundLabels)
	for i := range labels {
		labels[i] = "无" + strconv.Itoa(i)
	}
	st := &stream{s: "收入支出合计1234"}
	defer st.release()
	st.indexRunes()
	made := testing.AllocsPerRun(20, func() { newBuilder(st, nil) })
	allocs := testing.AllocsPerRun(20, func() {
		b := newBuilder(st, nil)
		for _, l := range labels {
			b.find(l)
		}
	})
	if allocs > made {
		t.Errorf("%v allocations for %d labels: find's map grew", allocs, len(labels))
	}
}

// segmentsBuilt is segmentsOf as it was, each segment's text built rune by
// rune.
func segmentsBuilt(line string) []segment {
	var out []segment
	col, start := 0, -1
	var cur strings.Builder
	spaces := 0
	flush := func(end int) {
		if start >= 0 {
			out = append(out, segment{strings.TrimSpace(cur.String()), start, end})
		}
		cur.Reset()
		start = -1
	}
	for _, r := range fold(line) {
		switch {
		case r == '\t':
			flush(col - spaces)
			spaces = 2
		case r == ' ':
			spaces++
			if spaces >= 2 {
				flush(col - spaces + 1)
			} else if start >= 0 {
				cur.WriteRune(r)
			}
		default:
			if start < 0 {
				start = col
			}
			spaces = 0
			cur.WriteRune(r)
		}
		col++
	}
	flush(col)
	return out
}

// TestSegmentsAsBuilt: segmentsOf's segments, texts sliced from the
// folded line, are those built rune by rune, on 50,000 random lines with
// spaces, tabs, full-width and traditional forms and bytes that are no
// UTF-8.
func TestSegmentsAsBuilt(t *testing.T) {
	parts := []string{" ", "  ", "   ", "\t", "\u3000", "收入", "１２", "3.5", "萬", "(shōu)", "\u00a0", "\r", "\xff", "\xe4\xb8", "a"}
	r := rand.New(rand.NewPCG(15, 16))
	for range 50000 {
		s := randtext.Of(r, parts, 12)
		if got, want := segmentsOf(s), segmentsBuilt(s); !slices.Equal(got, want) {
			t.Fatalf("%q: %+v, built %+v", s, got, want)
		}
	}
}

// splitCellsAsSplit is splitCells as it was: the folded line split into
// chunks at two spaces (a tab counted as two), each chunk into fields.
func splitCellsAsSplit(line string) []string {
	var cells []string
	for _, chunk := range strings.Split(strings.ReplaceAll(fold(line), "\t", "  "), "  ") {
		var text []string
		for _, f := range strings.Fields(chunk) {
			if isNumberCell(f) {
				if len(text) > 0 {
					cells = append(cells, strings.Join(text, ""))
					text = nil
				}
				cells = append(cells, f)
				continue
			}
			if st, _ := enumOf(f); len(text) > 0 && st != enumNone {
				cells = append(cells, strings.Join(text, ""))
				text = nil
			}
			text = append(text, f)
		}
		if len(text) > 0 {
			cells = append(cells, strings.Join(text, ""))
		}
	}
	return cells
}

// TestSplitCellsAsSplit: splitCells reads every line of data/, the probes
// and two generated documents of each family, and 50,000 random lines
// (spaces, tabs, other white space, numbers, enumerators, bytes that are
// no UTF-8), as splitCellsAsSplit does.
func TestSplitCellsAsSplit(t *testing.T) {
	lines := linesOfTexts(t)
	parts := []string{" ", " ", "  ", "\t", "\u3000", "\u00a0", "\u2002", "\n", "1", "23", "1,234.56", "-5", "0.5", "一、", "(二)", "（三）", "1、", "(1)",
		"合", "计", "支出", "经费", "万元", "%", "\xff", "\xe5\x90", "a", "."}
	r := rand.New(rand.NewPCG(17, 18))
	for range 50000 {
		lines = append(lines, randtext.Of(r, parts, 16))
	}
	for _, l := range lines {
		if got, want := splitCells(l), splitCellsAsSplit(l); !slices.Equal(got, want) {
			t.Fatalf("%q: %q, want %q", l, got, want)
		}
	}
}

// linesOfTexts are the lines of every text of data/ and the probes, and of
// two generated documents of each family.
func linesOfTexts(t *testing.T) []string {
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: 2, Out: dir, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, glob := range []string{filepath.Join(dir, "*.txt"), "../../data/*.txt", "../../data/corpus/*.txt", "../../data/corpus/more/*.txt", "../../data/corpus/more/*/*.txt", "../testdata/probes/*/*.txt"} {
		ps, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, ps...)
	}
	var lines []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	if len(paths) < 300 || len(lines) < 30000 {
		t.Fatalf("%d texts, %d lines: the texts are not where they were", len(paths), len(lines))
	}
	return lines
}

// TestAnchoredAsEach: notFigure and amountCellRe, their forms anchored
// together, match as the expressions anchored each did, on every line and
// cell of the texts and 50,000 random lines.
func TestAnchoredAsEach(t *testing.T) {
	lines := linesOfTexts(t)
	for _, l := range slices.Clone(lines) {
		lines = append(lines, strings.Fields(l)...)
	}
	parts := []string{"1", "12", "2024", "-", ",", ",123", " ", ".", "、", "．", "表", "年", "收入", "支出", "预算", "a", "\xff", "\xe8\xa1"}
	r := rand.New(rand.NewPCG(19, 20))
	for range 50000 {
		lines = append(lines, randtext.Of(r, parts, 10))
	}
	for _, c := range []struct {
		re, each *regexp.Regexp
	}{
		{notFigure, regexp.MustCompile(`^[0-9]{1,2}[.、．]\p{Han}[^0-9]*$|^[^0-9]*表[0-9]{1,3}$|^\p{Han}、[0-9]{4} *年[^0-9]*表[0-9]{1,3}$`)},
		{amountCellRe, regexp.MustCompile(`^-?[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$|^-?[0-9]+(?:\.[0-9]+)?$`)},
	} {
		matched := 0
		for _, l := range lines {
			want := c.each.MatchString(l)
			if got := c.re.MatchString(l); got != want {
				t.Fatalf("%s on %q: %v, anchored each %v", c.re, l, got, want)
			}
			if want {
				matched++
			}
		}
		if matched < 100 {
			t.Fatalf("%s: %d lines match: the lines test too little", c.re, matched)
		}
	}
}

// TestNoneNamedAsContains: noneNamed is strings.Contains(s, "无"+label)
// for some 三公 label, on 20,000 random texts of the labels, their pieces
// and 无.
func TestNoneNamedAsContains(t *testing.T) {
	parts := []string{"无", "无", "无无", "和", "公务", "用车", "出国", "费", "。", " ", "\xe6\x97", "\xa0"}
	for _, f := range threePublicLabels {
		parts = append(parts, f.labels...)
		parts = append(parts, slices.Repeat([]string{"无"}, len(f.labels))...) // as often as a label
	}
	r := rand.New(rand.NewPCG(21, 22))
	named := 0
	for range 20000 {
		s := randtext.Of(r, parts, 8)
		want := false
		for _, f := range threePublicLabels {
			for _, l := range f.labels {
				want = want || strings.Contains(s, "无"+l)
			}
		}
		if got := noneNamed(s); got != want {
			t.Fatalf("%q: %v, Contains %v", s, got, want)
		}
		if want {
			named++
		}
	}
	if named < 1000 || named > 19000 {
		t.Fatalf("%d of 20,000 name a part as none: the texts test too little", named)
	}
}

// TestSentenceMarkerAsRegexp: sentenceMarker is the regexp it replaced
// (FindString) on 50,000 random texts.
func TestSentenceMarkerAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[0-9]{1,2}[、.]|\([0-9]{1,2}\))`)
	alphabet := []string{"(", ")", "（", "）", "1", "2", "0", "一", "十", "百", "、", ".", "．", " ", "年", "\xff", "\xe4\xb8"}
	r := rand.New(rand.NewPCG(3, 5))
	for range 50000 {
		if s := randtext.Of(r, alphabet, 6); sentenceMarker(s) != re.FindString(s) {
			t.Fatalf("%q: sentenceMarker %q, the regexp %q", s, sentenceMarker(s), re.FindString(s))
		}
	}
}

// otherYearSentenceAsAsked is otherYearSentence as it was: each line's
// heading and title tests asked again at every label.
func otherYearSentenceAsAsked(b *builder, start int) bool {
	fy := b.doc.Document.FiscalYear
	if fy == 0 {
		return false
	}
	s := b.st.s
	from := max(0, start-1000)
	if k := b.st.lastStop(start); k >= from {
		from = k + len("。")
	} else if from > 0 {
		return false
	}
	st := b.st
	for i := sort.SearchInts(st.starts, from+1); i < len(st.starts) && st.starts[i] <= start; i++ {
		if h := strings.TrimSpace(s[max(from, st.starts[i-1]):st.starts[i]]); headingLike(h) || numberedHeading(h) {
			if _, ok := opensOtherYear(h, fy); ok {
				from = max(from, st.starts[i-1])
			} else {
				from = st.starts[i]
			}
		} else if line := strings.TrimSpace(s[st.starts[i]:start]); titleLike(h) && sentenceMarker(line) != "" {
			from = st.starts[i]
		}
	}
	rest, ok := opensOtherYear(strings.TrimSpace(s[from:start]), fy)
	return ok && !strings.Contains(rest, strconv.Itoa(fy)+"年") && !containsAny(rest, []string{"本年", "今年"})
}

// TestOtherYearSentenceAsAsked: otherYearSentence, each line's tests told
// once, tells a quarter of the rune offsets of the texts of data/, the
// probes and two generated documents of each family (fiscal years 2023 and
// 2019) as otherYearSentenceAsAsked does.
func TestOtherYearSentenceAsAsked(t *testing.T) {
	lines := linesOfTexts(t)
	texts := 0
	for len(lines) > 0 {
		n := min(len(lines), 400)
		st := newStream(lines[:n])
		lines = lines[n:]
		for _, fy := range []int{2023, 2019} {
			b := newBuilder(st, &schema.Document{Document: schema.Meta{FiscalYear: fy}})
			for off := range st.s {
				if off%4 != 0 { // a quarter of the offsets: every kind of line still comes
					continue
				}
				if got, want := b.otherYearSentence(off), otherYearSentenceAsAsked(b, off); got != want {
					t.Fatalf("%q at %d, %d: %v, asked again %v", st.s[max(0, off-300):off], off, fy, got, want)
				}
			}
		}
		texts++
	}
	if texts < 50 {
		t.Fatalf("%d streams", texts)
	}
}
