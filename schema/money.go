package schema

import (
	"bytes"
	"fmt"
	"strconv"
)

// Money is an amount in fen (1/100 yuan). It is written to JSON as a number
// of yuan with at most two decimals, so that no floating-point drift enters
// the published figures.
type Money int64

// Yuan builds a Money from whole yuan.
func Yuan(y int64) Money { return Money(y * 100) }

// Pct is a percentage in hundredths of a percent: 4.06% is Pct(406).
type Pct int64

// Float returns the amount in yuan as a float64 (for display and ratios only).
func (m Money) Float() float64 { return float64(m) / 100 }

// Float returns the percentage as a float64.
func (p Pct) Float() float64 { return float64(p) / 100 }

func (m Money) String() string { return formatHundredths(int64(m)) }
func (p Pct) String() string   { return formatHundredths(int64(p)) }

// MarshalJSON writes the yuan amount with at most two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(formatHundredths(int64(m))), nil }

// UnmarshalJSON reads a decimal number of yuan exactly.
func (m *Money) UnmarshalJSON(b []byte) error {
	v, err := parseHundredths(b)
	*m = Money(v)
	return err
}

// MarshalJSON writes the percentage with at most two decimals.
func (p Pct) MarshalJSON() ([]byte, error) { return []byte(formatHundredths(int64(p))), nil }

// UnmarshalJSON reads a decimal percentage exactly.
func (p *Pct) UnmarshalJSON(b []byte) error {
	v, err := parseHundredths(b)
	*p = Pct(v)
	return err
}

// formatHundredths writes v/100 as the shortest exact decimal: 12300 → "123",
// 12340 → "123.4", -5 → "-0.05".
func formatHundredths(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v/100, 10)
	if frac := v % 100; frac != 0 {
		if frac%10 == 0 {
			s += "." + strconv.FormatInt(frac/10, 10)
		} else {
			s += fmt.Sprintf(".%02d", frac)
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// parseHundredths reads a JSON number with at most two decimals into hundredths.
func parseHundredths(b []byte) (int64, error) {
	b = bytes.TrimSpace(b)
	s := b // for an error: formatted only then (an amount read allocates nothing)
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg, b = true, b[1:]
	}
	intPart, frac, _ := bytes.Cut(b, []byte("."))
	if len(intPart) == 0 || len(frac) > 2 {
		return 0, fmt.Errorf("amount %q: want a decimal number with at most two decimals", s)
	}
	whole, err := strconv.ParseInt(string(intPart), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	var f int64
	for i := 0; i < 2; i++ {
		f *= 10
		if i < len(frac) {
			d := frac[i]
			if d < '0' || d > '9' {
				return 0, fmt.Errorf("amount %q: not a decimal number", s)
			}
			f += int64(d - '0')
		}
	}
	v := whole*100 + f
	if neg {
		v = -v
	}
	return v, nil
}
