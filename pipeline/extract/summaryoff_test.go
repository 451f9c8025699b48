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

// A copy of the total misprinted (当年支出小计 511.00 for 510.00) is in no
// panel: changed back it reads, and the one sum that fails is the total
// against that copy, naming its line.
func TestSummaryCopiedTotalOff(t *testing.T) {
	const from, to = "当年支出小计\n510.00", "当年支出小计\n511.00"
	if !strings.Contains(defaultPanelSummary, from) {
		t.Fatalf("the fixture has no %q", from)
	}
	text := strings.Replace(defaultPanelSummary, from, to, 1)
	line := slices.Index(strings.Split(text, "\n"), "511.00") + 1
	broken := brokenSums(extractLines(t, text))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums = %v, want the total's against line %d", broken, line)
	}
}

// Where 收入合计 prints its value right after its label, the rows read in
// order balance (收入合计 = 支出合计) with nothing else adding up once a cell
// is misprinted (基本支出 310.00 for 300.00): that reading holds the totals
// alone, and the cells are still read with one cell changed back, the
// 支出用途 panel kept naming the changed line. As printed, no claim.
func TestSummaryCellOffTotalsAlone(t *testing.T) {
	const label = "收入合计\n当年支出小计"
	if !strings.Contains(defaultPanelSummary, label) {
		t.Fatalf("the fixture has no %q", label)
	}
	text := strings.Replace(defaultPanelSummary, label, "收入合计\n510.00\n当年支出小计", 1)
	if d := extractLines(t, text); len(d.Claims) > 0 {
		t.Fatalf("the table as printed gives claims: %+v", d.Claims)
	}
	text = strings.Replace(text, "300.00\n二、项目支出", "310.00\n二、项目支出", 1)
	line := slices.Index(strings.Split(text, "\n"), "310.00") + 1
	broken := brokenSums(extractLines(t, text))
	if len(broken) != 1 || !slices.Contains(broken[0], line) {
		t.Errorf("failing sums = %v, want the 支出用途 panel's with line %d", broken, line)
	}
}
