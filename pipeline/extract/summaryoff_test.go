package extract

import (
	"slices"
	"strings"
	"testing"
)

// A misprinted cell of a scrambled 收支总表 (基本支出 310.00 for 300.00)
// leaves no reading of its cells; changed back by one digit it reads, and
// either it or 项目支出 changed so reads alike: the 支出用途 panel against
// the total is kept as table claims naming the changed line. A misprinted
// total breaks every panel's sum. As printed, the table gives no claim.
func TestSummaryCellOff(t *testing.T) {
	if d := extractLines(t, defaultPanelSummary); len(brokenSums(d)) > 0 {
		t.Fatalf("the table as printed gives failing sums: %v", brokenSums(d))
	}
	for _, c := range []struct {
		from, to string
		sums     int
	}{{"300.00\n二、项目支出", "310.00\n二、项目支出", 1}, {"\n510.00\n510.00\n结转下年资金", "\n610.00\n510.00\n结转下年资金", 3}} {
		text := strings.Replace(defaultPanelSummary, c.from, c.to, 1)
		line := slices.Index(strings.Split(text, "\n"), strings.TrimPrefix(c.to, "\n")[:6]) + 1
		broken := brokenSums(extractLines(t, text))
		if len(broken) != c.sums {
			t.Errorf("%q: failing sums = %v, want %d", c.to, broken, c.sums)
		}
		for _, b := range broken {
			if !slices.Contains(b, line) {
				t.Errorf("%q: a failing sum without the changed line %d: %v", c.to, line, b)
			}
		}
	}
}
