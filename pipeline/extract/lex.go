package extract

import (
	"math"
	"strings"
	"unicode/utf8"

	"budgetpub/schema"
)

// Kinds of number token.
const (
	numPlain = iota // no unit, or a unit the extractor does not use
	numMoney        // 元, 万元, 亿元, 万
	numPct          // %
	numCount        // 人, 人次, 件, 天 …
	numYear         // 2023年
)

// token is one number in the stream with its unit. The stream keeps the
// offsets, so every figure maps back to its source line.
type token struct {
	start, numEnd, end int // number [start,numEnd), unit up to end
	mant               int64
	scale              int // decimals written
	unit               string
	kind               int
	line               int
}

// moneyUnits are tried longest first. "万" alone is money ("30.79 万、");
// 千元 is the unit of some provinces' earlier budgets ("收入预算9167千元").
var moneyUnits = []struct {
	s      string
	factor int64 // yuan per unit
}{{"亿元", 100000000}, {"万元", 10000}, {"千元", 1000}, {"元", 1}, {"万", 10000}}

// countUnits are units of head counts and indicators, longest first.
var countUnits = []string{"人次", "平方米", "公里", "小时", "个月", "人", "天", "件", "场", "个", "次", "辆", "台", "套", "家", "项", "户", "所", "篇", "份", "期", "条", "座", "处", "批", "册", "名", "班", "家次", "场次", "类", "分"}

// lexNumbers finds every number in s: digits with optional thousands
// separators and decimals, followed by an optional unit.
func lexNumbers(s string) []token { return appendNumbers(nil, s) }

// appendNumbers appends lexNumbers(s) to toks.
func appendNumbers(toks []token, s string) []token {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 && (isASCIIAlnum(s[i-1]) || s[i-1] == '.') {
			continue
		}
		t := token{start: i}
		j := i
		var mant int64
		digits := 0
		for j < len(s) {
			if s[j] >= '0' && s[j] <= '9' {
				if digits < 17 {
					mant = mant*10 + int64(s[j]-'0')
				}
				digits++
				j++
				continue
			}
			// thousands separator: exactly three digits follow, then no digit
			if s[j] == ',' && digits > 0 && allDigits(s, j+1, j+4) && (j+4 >= len(s) || s[j+4] < '0' || s[j+4] > '9') {
				j++
				continue
			}
			break
		}
		if j < len(s)-1 && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if t.scale < 6 && mant < 1e15 {
					mant = mant*10 + int64(s[j]-'0')
					t.scale++
				}
				j++
			}
		}
		if digits > 16 {
			i = j
			continue
		}
		t.mant, t.numEnd, t.end = mant, j, j
		rest := s[j:]
		switch {
		case strings.HasPrefix(rest, "%"):
			t.unit, t.kind, t.end = "%", numPct, j+1
		case strings.HasPrefix(rest, "年") && t.scale == 0 && digits == 4:
			t.unit, t.kind, t.end = "年", numYear, j+len("年")
		case rest == "" || rest[0] < utf8.RuneSelf: // every unit below is Han
		default:
			for _, u := range moneyUnits {
				if strings.HasPrefix(rest, u.s) {
					if u.s == "万" && startsWithAny(rest[len(u.s):], countUnits) {
						break
					}
					t.unit, t.kind, t.end = u.s, numMoney, j+len(u.s)
					break
				}
			}
			if t.kind == numPlain {
				for _, u := range countUnits {
					if strings.HasPrefix(rest, u) {
						t.unit, t.kind, t.end = u, numCount, j+len(u)
						break
					}
				}
			}
		}
		if t.kind == numMoney && t.mant > math.MaxInt64/100/moneyFactor(t.unit) {
			t.kind = numPlain // more than any budget: no amount, and no overflow
		}
		toks = append(toks, t)
		i = j - 1
	}
	return toks
}

func allDigits(s string, a, b int) bool {
	if b > len(s) {
		return false
	}
	for k := a; k < b; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func moneyFactor(unit string) int64 {
	for _, u := range moneyUnits {
		if u.s == unit {
			return u.factor
		}
	}
	return 1
}

// money converts a money token to fen.
func (t token) money() schema.Money {
	factor := moneyFactor(t.unit)
	return schema.Money(scaleDown(t.mant*factor*100, t.scale))
}

// rounding is half the last digit a money token prints, in fen: what its
// rounding may hide (5,000 for 12.34 万元, 0 for a figure to the fen).
func (t token) rounding() schema.Money {
	return schema.Money(scaleDown(moneyFactor(t.unit)*100, t.scale) / 2)
}

// pct converts a percentage token to hundredths of a percent.
func (t token) pct() schema.Pct {
	return schema.Pct(scaleDown(t.mant*100, t.scale))
}

// scaleDown divides v by 10^scale, rounding half away from 0 (only figures written
// below a fen or a hundredth of a percent are rounded).
func scaleDown(v int64, scale int) int64 {
	div := int64(1)
	for k := 0; k < scale; k++ {
		div *= 10
	}
	if v < 0 { // rounded as its magnitude: -8,484,100.00 is not a fen short
		return -((-v + div/2) / div)
	}
	return (v + div/2) / div
}

// float is the number as written.
func (t token) float() float64 {
	f := float64(t.mant)
	for k := 0; k < t.scale; k++ {
		f /= 10
	}
	return f
}
