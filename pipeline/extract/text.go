package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"budgetpub/internal/hanzi"
	"budgetpub/schema"
)

// fold maps full-width ASCII forms to ASCII (１２．５％ → 12.5%, （ → (),
// except the Chinese comma and semicolon, which stay as published so that
// names keep their punctuation — but a Chinese comma that groups a
// number's thousands (see thousandsComma) becomes a comma. The ideographic
// space becomes a space. A traditional character becomes its simplified
// form (see tradPairs).
func fold(s string) string {
	s = yearDash(s)
	needs := false
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || hanzi.Traditional(r) || r >= 'à' && r <= 'ǜ' {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	digits, grouped := 0, false // the ASCII digits just written, and whether their number was grouped
	fraction := false           // those digits follow a decimal point: no group can follow
	alone := true               // the number began after white space or at the start: a table's cell
	prev := ' '
	skip := 0 // the end of a reading in pinyin dropped
	for i, r := range s {
		if i < skip {
			continue
		}
		if (r == '(' || r == '（') && isHan(prev) {
			if n := pinyinNote(s[i+utf8.RuneLen(r):]); n > 0 {
				skip = i + utf8.RuneLen(r) + n
				continue
			}
		}
		if r >= '０' && r <= '９' {
			r -= 0xFEE0
		}
		switch {
		case r >= '0' && r <= '9':
			if digits == 0 && !grouped {
				alone = prev == ' ' || prev == '\t' || prev == 0x3000 || prev == '-' // a cell, or a negative one
			}
			digits++
		case r == ',' || r == '，':
		case r == '.' || r == '．':
			digits, grouped, fraction = 0, false, true
		default:
			digits, grouped, fraction = 0, false, false
		}
		switch {
		case r == 0x3000:
			b.WriteByte(' ')
		case r == '，' && digits > 0 && !fraction && thousandsComma(s[i+len("，"):], digits, grouped, alone):
			b.WriteByte(',')
			digits, grouped = 0, true
		case r == '，' || r == '；':
			if r == '，' {
				digits, grouped, fraction = 0, false, false
			}
			b.WriteRune(r)
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFEE0)
		case hanzi.Traditional(r):
			b.WriteRune(hanzi.Simplified(r))
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// yearDash gives back the 年 a site's template printed as "-" in a year's
// 年度 ("某县文联2017-度“三公”经费预算表"): a year of four digits standing
// alone, then "-度". A header's "2016-执行数" is left as printed.
func yearDash(s string) string {
	var b strings.Builder
	last := 0
	for at := 0; ; {
		k := strings.Index(s[at:], "-度")
		if k < 0 {
			break
		}
		i := at + k
		at = i + len("-")
		if i < 4 || !allDigits(s, i-4, i) || i > 4 && s[i-5] >= '0' && s[i-5] <= '9' {
			continue
		}
		if y := s[i-4 : i]; y < "1990" || y > "2100" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString("年")
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// pinyinNote is the length of a character's reading in pinyin that some
// mirrors print after it, up to its closing bracket: "經(jīng)費(fèi)" reads
// 經費. A reading is one syllable of at most six lower-case letters, one of
// them a vowel with its tone mark; 0 when rest opens with none.
func pinyinNote(rest string) int {
	letters, marked := 0, false
	for i, r := range rest {
		switch {
		case r == ')' || r == '）':
			if letters == 0 || !marked {
				return 0
			}
			return i + utf8.RuneLen(r)
		case r >= 'a' && r <= 'z':
		case strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", r):
			marked = true
		default:
			return 0
		}
		if letters++; letters > 6 {
			return 0
		}
	}
	return 0
}

// thousandsComma tells whether a Chinese comma after digits groups the
// thousands of a number, given the text after it (rest) and the digits
// since the number began or since its last group (before): three digits
// must follow, then no digit; and the number must be unambiguous — one to
// three digits before and a group or a decimal point after (１，２３４．５６,
// 12，345，678, 72，124,035), a later group of a number already grouped,
// or a number standing alone between spaces as a table's cell does
// ("  258，036  "). "201，204类" (two codes, or 201,204 yuan) stays two
// numbers.
func thousandsComma(rest string, before int, grouped, alone bool) bool {
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
	n, i := 0, 0
	for n < 3 {
		r, size := utf8.DecodeRuneInString(rest[i:])
		if size == 0 || !isDigit(r) {
			return false
		}
		n, i = n+1, i+size
	}
	r, size := utf8.DecodeRuneInString(rest[i:])
	if isDigit(r) {
		return false
	}
	if grouped {
		return before == 3
	}
	next, _ := utf8.DecodeRuneInString(rest[i+size:])
	separator := r == '.' || r == '．' || r == ',' || r == '，'
	end := size == 0 || r == ' ' || r == '\t' || r == 0x3000
	return before <= 3 && (separator && isDigit(next) || alone && end)
}

func foldAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fold(l)
	}
	return out
}

// stream is the document's text as one string: lines folded, blank lines and
// page numbers dropped, and lines joined where PDF extraction broke them, so
// that "驻京值守天数大" + "于 350 天" reads "驻京值守天数大于350天". Spaces
// are kept only between two ASCII letters or digits. Every byte keeps the
// line it came from.
type stream struct {
	s      string
	starts []int // starts[i] is the offset in s where segment i begins
	lines  []int // lines[i] is the 1-based source line of segment i
	src    []string
	toks   []token
	stops  []int // where each 。 of s stands, ascending (lastStop), made when first asked
	marks  []int // where each clause mark of s stands, ascending (clauseEnd), made when first asked
	// segKinds[i] is segment i's segKind, told when first asked (0 before)
	segKinds []segKind

	// where every rune of the Basic Multilingual Plane stands, for scan:
	// the offsets of rune r are pos[off[r+2]:off[r+3]], ascending, in a
	// block of 256 runes the text holds runes of (held)
	off  *[bmp + 3]int32
	held *[bmp >> 8]bool
	pos  []int32
}

// bmp bounds the runes indexed: labels are Chinese, ASCII and full-width.
const bmp = 0x10000

// offPool keeps the index's bucket table (256 KB) from one document to
// the next, zero: release clears what indexRunes wrote, the blocks of the
// runes a text holds — a small text's few — not the whole table.
var offPool = sync.Pool{New: func() any { return new([bmp + 3]int32) }}

// indexRunes records where every rune of the stream stands: a counting
// sort by rune, no map and no slice that grows. Only the blocks of 256
// runes the text holds runes of are written, and the entry after each.
func (st *stream) indexRunes() {
	off := offPool.Get().(*[bmp + 3]int32)
	held := new([bmp >> 8]bool)
	n := 0
	for _, r := range st.s {
		if r < bmp {
			off[r+2]++
			held[r>>8] = true
			n++
		}
	}
	// off[r+2] becomes the number of runes up to r, the sum kept in a
	// variable rather than read back (a chain through memory)
	sum := int32(0)
	for b, h := range held {
		if !h {
			continue
		}
		block := off[b<<8+2 : b<<8+2+256]
		for j, c := range block {
			sum += c
			block[j] = sum
		}
		if b+1 == len(held) || !held[b+1] {
			off[b<<8+2+256] = sum // the next block's first rune's, which the next block does not write
		}
	}
	// off[r+2] is now where rune r+1's bucket starts; filling each bucket
	// from its end, backwards through the text, leaves off[r+2] at the
	// start of r's bucket, off[r+3] at its end, and the offsets ascending
	pos := make([]int32, n)
	for i := len(st.s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(st.s[:i])
		i -= size
		if r < bmp {
			off[r+2]--
			pos[off[r+2]] = int32(i)
		}
	}
	st.off, st.held, st.pos = off, held, pos
}

// positions are the offsets where r stands in the stream.
func (st *stream) positions(r rune) []int32 {
	if r >= bmp || !st.held[r>>8] {
		return nil
	}
	return st.pos[st.off[r+2]:st.off[r+3]]
}

// release returns the index's table to the pool, the blocks it wrote
// cleared.
func (st *stream) release() {
	if st.off != nil {
		for b, h := range st.held {
			if h {
				clear(st.off[b<<8+2 : b<<8+2+256+1])
			}
		}
		offPool.Put(st.off)
		st.off, st.held, st.pos = nil, nil, nil
	}
}

func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// isPageNumber tells a line that holds only a short integer (a page number
// that pdftotext left between the lines of a paragraph), or "- 3 -", "─ 6 ─".
func isPageNumber(s string) bool {
	s = strings.Trim(s, " -—─–－")
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// unitFollows tells a short number that is an amount, not a page number:
// the next line that is not blank starts with its unit ("100" / "万元，与上年").
func unitFollows(lines []string, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		l := strings.TrimSpace(fold(lines[j]))
		if l == "" {
			continue
		}
		for _, u := range []string{"万元", "元", "亿元", "%", "人"} {
			if strings.HasPrefix(l, u) {
				return true
			}
		}
		return false
	}
	return false
}

// readingOrder returns the order to read lines in. pdftotext -layout
// sometimes prints the end of a paragraph's first line above it, right
// under the heading:
//
//	  三、支出决算情况说明
//	603.14万元，占20.51%；
//	    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出
//
// An unindented line that starts with an amount and ends a clause, between a
// heading and an indented line that stops in mid-phrase, is read after that
// line.
func readingOrder(lines []string) []int {
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	next := func(i int) int {
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) != "" {
				return j
			}
		}
		return -1
	}
	prev := func(i int) int {
		for j := i - 1; j >= 0; j-- {
			if strings.TrimSpace(lines[j]) != "" {
				return j
			}
		}
		return -1
	}
	for i, l := range lines {
		if l == "" || l[0] < '0' || l[0] > '9' || !strings.Contains(l, "万元") || !(strings.HasSuffix(l, "；") || strings.HasSuffix(l, "。")) {
			continue
		}
		n, p := next(i), prev(i)
		if n < 0 || p < 0 || !strings.HasPrefix(lines[n], "  ") {
			continue
		}
		head := strings.TrimSpace(fold(lines[p]))
		if s, _ := enumOf(head); s == enumNone || utf8.RuneCountInString(head) > 24 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(lines[n]))
		if !unicode.Is(unicode.Han, last) {
			continue
		}
		// read line n, then line i
		order[i], order[n] = n, i
	}
	interleaved(lines, order, next)
	return order
}

// interleaved undoes pdftotext's raw reading of two justified lines of a
// sentence: each line's words before a wide gap come first, then the
// figures after it —
//
//	（1）一般公共预算收入预算
//	年相比增加
//	21,940.96 万元，与上
//	3,959.28 万元，增长 22
//
// Two lines of words followed by two lines that open with an amount and its
// unit are read first, third, second, fourth where a comparison phrase
// (与上年相比) runs from the end of the third line into the second and not
// from the end of the first. Within a line, the same reading may put a
// percentage before the amount whose words it follows —
//
//	相比增加
//	0.06 %。主要原因是省检察
//	21.8 万元，增长
//
// a line opening with an amount and ending in a word a percentage follows
// (增长, 降幅 …) is read before the percentage above it.
func interleaved(lines []string, order []int, next func(int) int) {
	for p := range lines {
		if order[p] != p || strings.TrimSpace(lines[p]) == "" {
			continue
		}
		q := next(p)
		if q < 0 || order[q] != q || strings.ContainsAny(lines[q], "0123456789") {
			continue
		}
		r := next(q)
		if r < 0 || order[r] != r || !amountFirst(lines[r]) || !comparisonAcross(lines[r], lines[q]) || comparisonAcross(lines[p], lines[q]) {
			continue
		}
		if s := next(r); s < 0 || order[s] != s || !amountFirst(lines[s]) {
			continue
		}
		order[q], order[r] = r, q
	}
	for r := range lines {
		if order[r] != r || !pctFirst(lines[r]) {
			continue
		}
		s := next(r)
		if s < 0 || order[s] != s || !amountFirst(lines[s]) || pctFirst(lines[s]) || !expectsPct(lines[s]) {
			continue
		}
		order[r], order[s] = s, r
	}
}

// pctFirst reports whether a line opens with a percentage.
func pctFirst(l string) bool {
	l = strings.TrimSpace(l)
	i := strings.IndexFunc(l, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	return i > 0 && strings.HasPrefix(strings.TrimLeft(l[i:], " "), "%")
}

// expectsPct reports whether a line ends in a word a percentage follows
// (增长, 降幅 …).
func expectsPct(l string) bool {
	l = strings.TrimRight(strings.TrimSpace(l), "，, ")
	for _, w := range []string{"增长", "增幅", "降幅", "下降", "上升", "减少", "增加"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}

// comparisonPhrases are the words that compare a figure with the year
// before's.
var comparisonPhrases = []string{"与上年相比", "比上年", "较上年", "同比"}

// comparisonAcross reports whether a comparison phrase starts at the end of
// line a and ends at the start of line b.
func comparisonAcross(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	for _, w := range comparisonPhrases {
		for cut := 1; cut < len(w); cut++ {
			if utf8.RuneStart(w[cut]) && strings.HasSuffix(a, w[:cut]) && strings.HasPrefix(b, w[cut:]) {
				return true
			}
		}
	}
	return false
}

// amountFirst reports whether a line opens with an amount followed by its
// unit (元, 万元 or %).
func amountFirst(l string) bool {
	l = strings.TrimSpace(l)
	i := 0
	for i < len(l) && (l[i] >= '0' && l[i] <= '9' || l[i] == ',' || l[i] == '.') {
		i++
	}
	if i == 0 || l[0] < '0' || l[0] > '9' {
		return false
	}
	rest := strings.TrimLeft(l[i:], " ")
	return strings.HasPrefix(rest, "万元") || strings.HasPrefix(rest, "元") || strings.HasPrefix(rest, "%")
}

func newStream(lines []string) *stream {
	return foldedStream(lines, foldAll(lines))
}

// foldedStream builds the stream from the lines and their folded forms.
func foldedStream(lines, folded []string) *stream {
	st := &stream{src: lines}
	var b strings.Builder
	size := 0 // at most each line and a space before it
	for _, l := range folded {
		size += len(l) + 1
	}
	b.Grow(size)
	lastDigit := false // the last line kept ends with a digit
	for _, i := range readingOrder(lines) {
		l := strings.TrimSpace(folded[i])
		// a lone short number is a page number, unless its unit follows and
		// no number stands just before it: "预算支出" / "28" / "100" / "万元" keeps
		// 100 and drops 28; "增加 40" / "24" / "万元" drops 24
		if l == "" || isPageNumber(l) && (lastDigit || !unitFollows(lines, i)) {
			continue
		}
		lastDigit = l[len(l)-1] >= '0' && l[len(l)-1] <= '9'
		st.starts = append(st.starts, b.Len())
		st.lines = append(st.lines, i+1)
		cur := b.String()
		if len(cur) > 0 && isASCIIAlnum(cur[len(cur)-1]) && isASCIIAlnum(l[0]) {
			b.WriteByte(' ')
		}
		for j := 0; j < len(l); {
			if c := l[j]; c == ' ' || c == '\t' {
				k := j
				for k < len(l) && (l[k] == ' ' || l[k] == '\t') {
					k++
				}
				if j > 0 && k < len(l) && isASCIIAlnum(l[j-1]) && isASCIIAlnum(l[k]) && !(k == j+1 && spacedThousands(l, j)) {
					b.WriteByte(' ')
				}
				j = k
				continue
			}
			k := j + 1 // the run up to the next space, written at once
			for k < len(l) && l[k] != ' ' && l[k] != '\t' {
				k++
			}
			b.WriteString(l[j:k])
			j = k
		}
	}
	st.s = b.String()
	st.toks = lexNumbers(st.s)
	for i := range st.toks {
		st.toks[i].line = st.lineAt(st.toks[i].start)
	}
	return st
}

// spacedThousands tells whether the single space at l[j] separates the
// thousands of one amount, "1 234.56万元": one to three digits that start a
// number before it, exactly three digits after it, then decimals and a
// money unit. Two amounts are never printed one space apart with a unit
// only after the second.
func spacedThousands(l string, j int) bool {
	a := j
	for a > 0 && l[a-1] >= '0' && l[a-1] <= '9' {
		a--
	}
	if n := j - a; n < 1 || n > 3 || a > 0 && (l[a-1] == '.' || l[a-1] == ',') {
		return false
	}
	k := j + 1
	if !allDigits(l, k, k+3) {
		return false
	}
	rest := l[k+3:]
	if len(rest) > 1 && rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9' {
		rest = strings.TrimLeft(rest[1:], "0123456789")
	}
	return startsWithAny(strings.TrimLeft(rest, " "), []string{"万元", "元", "亿元"})
}

// lineAt is the 1-based source line of an offset.
func (st *stream) lineAt(off int) int {
	i := sort.SearchInts(st.starts, off+1) - 1
	if i < 0 {
		return 0
	}
	return st.lines[i]
}

// lineStart tells an offset where a line of the source begins.
func (st *stream) lineStart(off int) bool {
	i := sort.SearchInts(st.starts, off)
	return i < len(st.starts) && st.starts[i] == off
}

// source is the provenance of an offset: its line and that line's text.
func (st *stream) source(off int) schema.Source {
	n := st.lineAt(off)
	if n == 0 {
		return schema.Source{}
	}
	return schema.Source{Line: n, Text: strings.TrimSpace(st.src[n-1])}
}

// tokenAt returns the index of the first token starting at or after off.
func (st *stream) tokenAt(off int) int {
	return sort.Search(len(st.toks), func(i int) bool { return st.toks[i].start >= off })
}

// sentenceEnd is the offset of the next 。 (or the end) after off.
func (st *stream) sentenceEnd(off int) int {
	stops := st.stopsOf()
	if n := sort.SearchInts(stops, off); n < len(stops) {
		return stops[n]
	}
	return len(st.s)
}

// sentenceStart is the offset right after the last 。 before off (0 for
// none): where the sentence that holds off opens.
func (st *stream) sentenceStart(off int) int {
	if i := st.lastStop(off); i >= 0 {
		return i + len("。")
	}
	return 0
}

// lastStop is strings.LastIndex(st.s[:off], "。") without reading back
// through the text: the stops are found once, and searched (a sentence's
// start and end are asked for at every figure, and a table has no 。 for
// pages).
func (st *stream) lastStop(off int) int {
	// the last stop that ends at or before off
	stops := st.stopsOf()
	n := sort.SearchInts(stops, off-len("。")+1)
	if n == 0 {
		return -1
	}
	return stops[n-1]
}

// stopsOf are the offsets of every 。 of the stream, ascending.
func (st *stream) stopsOf() []int {
	if st.stops == nil {
		st.stops = []int{}
		for i := 0; ; {
			k := strings.Index(st.s[i:], "。")
			if k < 0 {
				break
			}
			st.stops = append(st.stops, i+k)
			i += k + len("。")
		}
	}
	return st.stops
}

// runesBetween counts the runes of s[a:b].
func (st *stream) runesBetween(a, b int) int {
	if b <= a {
		return 0
	}
	return utf8.RuneCountInString(st.s[a:b])
}

// lastRune returns the rune before off.
func (st *stream) lastRune(off int) rune {
	r, _ := utf8.DecodeLastRuneInString(st.s[:off])
	return r
}

// runeStart moves off back to the start of the rune it falls in, so that a
// window cut at a byte count never splits a character.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}
