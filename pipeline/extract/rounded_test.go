package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A total the text gives in 万元, where the table in 元 that states it
// exactly does not add up and is left out: the model keeps the text's
// figure and a warning says it is rounded, naming the table. When the
// table is read, no such warning.
func TestRoundedFigureFromTextWarns(t *testing.T) {
	text := strings.Replace(layoutSummary, "某区某局2024年部门预算\n", "某区某局2024年部门预算\n2024年，某区某局收入预算150.01万元。\n", 1)
	broken := strings.Replace(text, "支出总计           1,500,000", "支出总计           1,400,000", 1)
	d := extractLines(t, broken)
	if d.Revenue.Total == nil || *d.Revenue.Total != schema.Yuan(1500100) {
		t.Fatalf("revenue = %v, want the text's 150.01 万元", d.Revenue.Total)
	}
	var got []string
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, "rounded") {
			got = append(got, w.Reason)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "/revenue/total ") || !strings.Contains(got[0], "2024年部门财务收支预算总表") || d.Warnings[len(d.Warnings)-1].Line != 2 {
		t.Errorf("warnings of rounded figures: %q", got)
	}
	for _, w := range extractLines(t, text).Warnings {
		if strings.Contains(w.Reason, "rounded") {
			t.Errorf("the table was read, yet: %s", w.Reason)
		}
	}
	// a table in 万元 states the figure no better than the text
	wan := strings.NewReplacer("单位：元", "单位：万元", "1,500,000", "150.00", "1,400,000", "140.00", "1,000,000", "100.00", "300,000", "30.00", "200,000", "20.00").Replace(broken)
	for _, w := range extractLines(t, wan).Warnings {
		if strings.Contains(w.Reason, "rounded") {
			t.Errorf("a table in 万元, yet: %s", w.Reason)
		}
	}
}
