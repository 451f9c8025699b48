package check

import (
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// The rounding model. A printed figure stands for an interval: 1,234.56 in
// 万元 is any amount from 12,345,550 to 12,345,650 yuan (±50), 3,666 万元
// ±5,000 yuan, 12.5% ±0.05 points. A sum of n figures is as uncertain as
// the sum of their half-intervals; a percentage computed from two amounts
// ranges over the corners of their intervals. Every rule measures its
// tolerance this way, and a difference within it is info, never a warning:
// the finding says which roundings make up the tolerance.

// rfig is a figure with the interval its printing stands for.
type rfig struct {
	v    float64 // yuan, or percent
	half float64 // half the last printed digit: the figure is v ± half
	how  printing
}

// printing is how a figure was printed: its unit and decimals, or, when
// the text does not show it, the rounding assumed from the amount.
type printing struct {
	unit     string // 元, 万元, 亿元 or %
	decimals int
	assumed  bool
}

func (p printing) zh() string {
	d := [...]string{"整数", "一位小数", "两位小数", "三位小数", "四位小数"}
	s := p.unit
	if s == "%" {
		s = "百分比"
	}
	if p.decimals < len(d) {
		s += d[p.decimals]
	} else {
		s += strconv.Itoa(p.decimals) + "位小数"
	}
	if p.assumed {
		s += "（按金额推定）"
	}
	return s
}

func (p printing) en() string {
	s := p.unit
	if s == "%" {
		s = "a percentage"
	}
	switch p.decimals {
	case 0:
		s = "whole " + s
		if p.unit == "%" {
			s = "a whole percentage"
		}
	case 1:
		s += " to 1 decimal"
	default:
		s += " to " + strconv.Itoa(p.decimals) + " decimals"
	}
	if p.assumed {
		s += " (assumed from the amount)"
	}
	return s
}

// isDigit tells an ASCII or a full-width digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// numberEnd is where the number that starts at i of text ends: digits and
// separators (, ，), then a point (. ．) and digits if any — or -1 when no
// digit is at i. Scanned without a regexp: every figure's line is read
// for every rule that resolves it.
func numberEnd(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !isDigit(r) {
		return -1
	}
	for i += n; i < len(text); i += n {
		if r, n = utf8.DecodeRuneInString(text[i:]); !isDigit(r) && r != ',' && r != '，' {
			break
		}
	}
	if r, n = utf8.DecodeRuneInString(text[i:]); r == '.' || r == '．' {
		j := i + n
		for j < len(text) {
			d, m := utf8.DecodeRuneInString(text[j:])
			if !isDigit(d) {
				break
			}
			j += m
		}
		if j > i+n {
			i = j
		}
	}
	return i
}

// numbers yields the start and end of each number of text, left to right.
func numbers(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(text); {
			end := numberEnd(text, i)
			if end < 0 {
				_, n := utf8.DecodeRuneInString(text[i:])
				i += n
				continue
			}
			if !yield(i, end) {
				return
			}
			i = end
		}
	}
}

// unitAfter is the unit word (亿, 万, 千 or 元) that text opens with, after
// spaces; "" when none.
func unitAfter(text string) string {
	text = strings.TrimLeft(text, " 　")
	for _, u := range []string{"亿", "万", "千", "元"} {
		if strings.HasPrefix(text, u) {
			return u
		}
	}
	return ""
}

// foldNumber writes a number's full-width digits and points as ASCII and
// drops its separators.
func foldNumber(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == ',' || r == '，':
			return -1
		}
		return r
	}, s)
}

var scales = []struct {
	unit  string
	yuan  float64
	after string // the unit word printed after it, if any
}{{"元", 1, "元"}, {"千元", 1e3, "千"}, {"万元", 1e4, "万"}, {"亿元", 1e8, "亿"}}

// printedAs finds how the line text printed an amount of v yuan: a number
// on the line that is v in 元, 千元, 万元 or 亿元 (a number followed by its
// unit word only in that unit; 千元 and 亿元 only when the line says so). Where several
// readings fit, the coarsest is taken: the tolerance is then the widest the
// printing allows. zero is the reading of a zero amount, which any unit
// prints alike: the document's unit.
func printedAs(text string, v float64, zero string) (printing, float64, bool) {
	var best printing
	bestHalf, found := 0.0, false
	for start, end := range numbers(text) {
		num := foldNumber(strings.TrimRight(text[start:end], ",，"))
		x, err := strconv.ParseFloat(num, 64)
		if err != nil {
			continue
		}
		d := 0
		if _, frac, ok := strings.Cut(num, "."); ok {
			d = len(frac)
		}
		after := unitAfter(text[end:])
		for _, s := range scales {
			if after != "" && after != s.after || after == "" && (s.unit == "亿元" || s.unit == "千元") {
				continue
			}
			if v == 0 && x == 0 && zero != "" && s.unit != zero && after == "" {
				continue
			}
			if math.Abs(x*s.yuan-math.Abs(v)) > 0.005 {
				continue
			}
			if half := 0.5 * math.Pow(10, -float64(d)) * s.yuan; !found || half > bestHalf {
				best, bestHalf, found = printing{unit: s.unit, decimals: d}, half, true
			}
		}
	}
	return best, bestHalf, found
}

// assumedRounding is the rounding of an amount whose printing is not
// known: whole hundreds of yuan may be 万元 with two decimals.
func assumedRounding(yuan float64) (printing, float64) {
	if math.Mod(math.Round(yuan*100), 10000) == 0 {
		return printing{unit: "万元", decimals: 2, assumed: true}, 50
	}
	return printing{unit: "元", decimals: 0, assumed: true}, 0.5
}

// fig resolves a pointer to a figure with its interval: how its source
// line printed it, or the rounding its amount suggests.
func (c *ctx) fig(ptr string) (rfig, bool) {
	v, ok := c.num(ptr)
	if !ok {
		return rfig{}, false
	}
	return c.figOf(ptr, v), true
}

func (c *ctx) figOf(ptr string, v float64) rfig {
	k := figKey{ptr, math.Float64bits(v)}
	if r, ok := c.figs[k]; ok {
		return r
	}
	r := c.printedFig(ptr, v)
	if c.figs == nil {
		c.figs = map[figKey]rfig{}
	}
	c.figs[k] = r
	return r
}

// figKey is a figure figOf was asked for: its pointer and amount (its
// bits: -0 is not 0).
type figKey struct {
	ptr string
	v   uint64
}

// printedFig is figOf's answer, read from the figure's source line: the
// rules ask for the same figures again and again, and figOf keeps it (the
// document's provenance does not change while they run).
func (c *ctx) printedFig(ptr string, v float64) rfig {
	if src, ok := c.doc.Provenance[ptr]; ok {
		if how, half, ok := printedAs(src.Text, v, c.doc.Document.ReportedUnit); ok {
			return rfig{v: v, half: exactZero(v, how.decimals, half), how: how}
		}
	}
	how, half := assumedRounding(v)
	return rfig{v: v, half: half, how: how}
}

// claimFig is a stated number with its interval.
func claimFig(cl schema.Claim) rfig {
	unit := cl.Unit
	switch unit {
	case "万":
		unit = "万元"
	case "":
		unit = "元"
	}
	return rfig{v: cl.Value, half: exactZero(cl.Value, cl.Decimals, claimRounding(cl)), how: printing{unit: unit, decimals: cl.Decimals}}
}

// exactZero is the half-interval of a figure printed with decimals d: a
// zero printed without decimals ("经营收入 0 万元") says there is none, not
// an amount below half a 万元 — documents print such an amount ("事业收入
// 0.02 万元"). A zero printed with decimals (0.00) keeps its rounding.
func exactZero(v float64, d int, half float64) float64 {
	if v == 0 && d == 0 {
		return 0
	}
	return half
}

// claimRounding is the rounding of a stated number.
func claimRounding(cl schema.Claim) float64 {
	step := math.Pow(10, -float64(cl.Decimals))
	switch cl.Unit {
	case "千元":
		step *= 1000
	case "万元", "万":
		step *= 10000
	case "亿元":
		step *= 100000000
	}
	return step / 2
}

// halves is the tolerance of a sum or difference of figures.
func halves(figs ...rfig) float64 {
	t := 0.0
	for _, f := range figs {
		t += f.half
	}
	return t
}

// ratio is the percentage num/|den| of what f makes of two amounts, with
// the least and greatest values it takes over their intervals; ok is false
// when the denominator's interval holds zero.
func ratio(f func(a, b float64) (num, den float64), a, b rfig) (v, lo, hi float64, ok bool) {
	pct := func(a, b float64) (float64, float64) {
		n, d := f(a, b)
		return n / math.Abs(d) * 100, d
	}
	v, d0 := pct(a.v, b.v)
	if d0 == 0 {
		return 0, 0, 0, false
	}
	lo, hi = v, v
	for _, da := range []float64{-a.half, a.half} {
		for _, db := range []float64{-b.half, b.half} {
			x, d := pct(a.v+da, b.v+db)
			if d == 0 || d*d0 < 0 {
				return 0, 0, 0, false
			}
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return v, lo, hi, true
}

// pctTolerance is how far a stated percentage may lie from the computed
// one, on its side, before rounding no longer explains the difference:
// its own half-interval and the computed one's range.
func pctTolerance(stated rfig, v, lo, hi float64) float64 {
	if stated.v >= v {
		return hi - v + stated.half
	}
	return v - lo + stated.half
}

// roundingNote names the roundings a tolerance is made of: "万元两位小数
// ×3（各 ±50元）". It is empty when no figure carries a rounding.
func roundingNote(figs []rfig) (zh, en string) {
	type group struct {
		how  printing
		half float64
		n    int
	}
	var groups []group
outer:
	for _, f := range figs {
		if f.half == 0 {
			continue
		}
		for i := range groups {
			if groups[i].how == f.how && groups[i].half == f.half {
				groups[i].n++
				continue outer
			}
		}
		groups = append(groups, group{f.how, f.half, 1})
	}
	var zs, es []string
	for _, g := range groups {
		unitZh, unitEn := "元", " yuan"
		if g.how.unit == "%" {
			unitZh, unitEn = "个百分点", " points"
		}
		h := fmtNum6(g.half)
		switch g.n {
		case 1:
			zs = append(zs, fmt.Sprintf("%s（±%s%s）", g.how.zh(), h, unitZh))
			es = append(es, fmt.Sprintf("%s (±%s%s)", g.how.en(), h, unitEn))
		default:
			zs = append(zs, fmt.Sprintf("%s ×%d（各 ±%s%s）", g.how.zh(), g.n, h, unitZh))
			es = append(es, fmt.Sprintf("%d figures in %s (±%s%s each)", g.n, g.how.en(), h, unitEn))
		}
	}
	return strings.Join(zs, "，"), strings.Join(es, ", ")
}

// fmtNum6 writes a half-interval: 0.005, 50, 5000.
func fmtNum6(f float64) string { return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64) }
