package extract

import (
	"slices"
	"strings"
	"testing"

	"budgetpub/schema"
)

// barCellLines prints cells a line each, each closed by a bar.
func barCellLines(cells ...string) string {
	return strings.Join(cells, " |\n") + " |\n"
}

// TestThreePublicByPartColumns: a page of the 三公 alone, no title, whose
// table has a row a year (预算数, 决算数, the year before's 决算数, a change)
// and a column a part under a two-row header (the cars' and the
// reception's columns each split from a 小计; a note in a cell) is read:
// the year and kind from its latest year's rows, each year's row as the
// amounts, the budgeted or the prior year. A budget's table of the year's
// and the year before's 预算数, its reception not split and no 行次 row,
// reads so too; the year before's row, not adding up, is left out with a
// warning.
func TestThreePublicByPartColumns(t *testing.T) {
	header := barCellLines("三公经费项目", "合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "小计", "公务用车\n购置费", "公务用车\n运行费")
	fa := "本中心三公经费支出情况如下。\n(单位:万元)\n" + header + barCellLines("小计", "机关运行", "其他支出", "行次", "1", "2", "3", "4", "5", "6", "7", "8") +
		barCellLines("2016年度预算数", "12.50", "3.00", "6.50", "2.00", "4.50", "3.00", "3.00", "另有结转1.2") +
		barCellLines("2016年度决算数", "11.40", "2.60", "5.80", "1.50", "4.30", "3.00", "1.00", "2.00") +
		barCellLines("2015年度决算数", "10.10", "0.00", "7.00", "0.00", "7.00", "3.10", "3.10", "0.00") +
		barCellLines("决算对比", "1.30", "2.60", "-1.20", "1.50", "-2.70", "-0.10", "-2.10", "2.00") +
		"注:决算数包括以前年度结转资金安排的支出。\n"
	// as printed, and a cell a line without bars (a page's one line
	// broken into its cells): a label broken over two cells reads whole
	for _, text := range []string{fa, strings.ReplaceAll(fa, " |\n", "\n")} {
		threePublicYears(t, text)
	}

	budget := "(单位:万元)\n" + header +
		barCellLines("2017年预算数", "9.00", "2.00", "5.00", "1.00", "4.00", "2.00") +
		barCellLines("2016年预算数", "9.50", "2.00", "5.00", "1.00", "4.00", "2.00") +
		barCellLines("增减", "-0.50", "0.00", "0.00", "0.00", "0.00", "0.00")
	d, err := extractText(budget, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2017 || d.Document.Kind != schema.KindBudget {
		t.Errorf("identity %d %s, want 2017 budget", d.Document.FiscalYear, d.Document.Kind)
	}
	if tp := d.ThreePublic; tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(90000) || tp.PriorYear != nil || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(50000) || tp.Vehicle.PriorYear != nil {
		t.Errorf("budget's 三公 %+v", tp)
	}
	if !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool {
		return strings.Contains(w.Reason, "its row 2016年预算数 does not add up")
	}) {
		t.Errorf("no warning of the row left out: %+v", d.Warnings)
	}
}

// threePublicYears checks the reading of TestThreePublicByPartColumns's
// final accounts.
func threePublicYears(t *testing.T, text string) {
	t.Helper()
	d, err := extractText(text, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2016 || d.Document.Kind != schema.KindFinalAccounts {
		t.Errorf("identity %d %s, want 2016 final_accounts", d.Document.FiscalYear, d.Document.Kind)
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || tp.Budgeted == nil || tp.PriorYear == nil || tp.Reception == nil || tp.Vehicle == nil || tp.VehiclePurchase == nil || tp.VehicleOperation == nil || tp.OverseasTravel == nil {
		t.Fatalf("三公 %+v", tp)
	}
	for _, c := range []struct {
		name      string
		got, want schema.Money
	}{
		{"total", *tp.Total, schema.Yuan(114000)}, {"budgeted", *tp.Budgeted, schema.Yuan(125000)}, {"prior year", *tp.PriorYear, schema.Yuan(101000)},
		{"overseas", tp.OverseasTravel.Amount, schema.Yuan(26000)}, {"overseas budgeted", *tp.OverseasTravel.Budgeted, schema.Yuan(30000)},
		{"vehicle", tp.Vehicle.Amount, schema.Yuan(58000)}, {"vehicle prior", *tp.Vehicle.PriorYear, schema.Yuan(70000)},
		{"purchase", tp.VehiclePurchase.Amount, schema.Yuan(15000)}, {"operation", tp.VehicleOperation.Amount, schema.Yuan(43000)},
		{"operation budgeted", *tp.VehicleOperation.Budgeted, schema.Yuan(45000)},
		{"reception", tp.Reception.Amount, schema.Yuan(30000)}, {"reception budgeted", *tp.Reception.Budgeted, schema.Yuan(30000)},
		{"reception prior", *tp.Reception.PriorYear, schema.Yuan(31000)},
	} {
		if c.got != c.want {
			t.Errorf("%s %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestThreePublicByPartColumnsFewer: such a table of a budget with no
// 因公出国 column (nothing to go abroad with), its cars' split opening with
// its 小计, read with no 行次 row: the year's 预算数 row alone, and beside
// it the year before's 决算数 as the prior year (the year before's row
// says whose amounts it holds); a year's row that does not add up is not
// read, and no 出国 is made up.
func TestThreePublicByPartColumnsFewer(t *testing.T) {
	header := "某局2017年部门预算\n(单位:万元)\n" + barCellLines("三公经费项目", "合计", "公务用车购置及运行费", "公务接待费", "小计", "公务用车购置费", "公务用车运行费")
	own := barCellLines("2017年预算数", "7.00", "5.00", "1.00", "4.00", "2.00")
	before := barCellLines("2016年决算数", "6.50", "4.50", "0.50", "4.00", "2.00")
	for _, c := range []struct {
		name, text string
		prior      bool
	}{
		{"the year's row alone", header + own, false},
		{"beside the year before's 决算数", header + own + before, true},
		{"the year before's first", header + before + own, true},
	} {
		d, err := extractText(c.text, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Document.FiscalYear != 2017 || d.Document.Kind != schema.KindBudget {
			t.Errorf("%s: identity %d %s, want 2017 budget", c.name, d.Document.FiscalYear, d.Document.Kind)
		}
		tp := d.ThreePublic
		if tp == nil || tp.Total == nil || *tp.Total != schema.Yuan(70000) || tp.Vehicle == nil || tp.Vehicle.Amount != schema.Yuan(50000) ||
			tp.VehiclePurchase == nil || tp.VehiclePurchase.Amount != schema.Yuan(10000) || tp.Reception == nil || tp.Reception.Amount != schema.Yuan(20000) {
			t.Fatalf("%s: 三公 %+v", c.name, tp)
		}
		if tp.OverseasTravel != nil {
			t.Errorf("%s: 出国 made up: %+v", c.name, tp.OverseasTravel)
		}
		if got := tp.PriorYear != nil && *tp.PriorYear == schema.Yuan(65000) && tp.VehiclePurchase.PriorYear != nil && *tp.VehiclePurchase.PriorYear == schema.Yuan(5000); got != c.prior {
			t.Errorf("%s: prior years %v %+v, want them %v", c.name, tp.PriorYear, tp.VehiclePurchase, c.prior)
		}
	}
	off := strings.Replace(header+own, "5.00", "5.50", 1)
	if d, err := extractText(off, Hints{}); err != nil || d.ThreePublic != nil && d.ThreePublic.Total != nil {
		t.Errorf("a row that does not add up was read: %v %+v", err, d.ThreePublic)
	}
}

// TestThreePublicYearRowKept: a year's row of such a table that does not
// add up is left out of the model but kept as table claims — its 合计 the
// whole of its parts, a split's 小计 the whole of its columns —, each on
// its cell's line, so that the sum that fails is named; a page whose own
// year's row fails is read with them, not refused.
func TestThreePublicYearRowKept(t *testing.T) {
	header := barCellLines("三公经费项目", "合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "小计", "公务用车\n购置费", "公务用车\n运行费")
	rows := barCellLines("2017年预算数", "9.00", "2.00", "5.00", "1.00", "4.00", "2.00") +
		barCellLines("2016年预算数", "9.50", "2.00", "5.00", "1.00", "4.00", "2.00")
	for name, c := range map[string]struct {
		text  string
		total string // the 合计 of the row kept
		parts []string
	}{
		"the year before's row":     {rows, "9.50", []string{"2.00", "5.00", "2.00"}},
		"the year's own row":        {strings.Replace(rows, "9.00", "9.80", 1), "9.80", []string{"2.00", "5.00", "2.00"}},
		"a 小计 not its columns' sum": {strings.Replace(rows, "9.50 |\n2.00 |\n5.00 |\n1.00 |\n4.00", "9.00 |\n2.00 |\n5.00 |\n1.00 |\n4.50", 1), "9.00", []string{"2.00", "5.00", "2.00"}},
	} {
		text := "(单位:万元)\n" + header + c.text
		lines := strings.Split(text, "\n")
		d, err := extractText(text, Hints{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var whole *schema.Claim
		for i, cl := range d.Claims {
			if cl.Kind == schema.ClaimTable && cl.Of == "" && strings.TrimSuffix(cl.Text, " |") == c.total {
				whole = &d.Claims[i]
			}
		}
		if whole == nil {
			t.Errorf("%s: no 合计 %s kept: %+v", name, c.total, d.Claims)
			continue
		}
		var parts []string
		for _, cl := range d.Claims {
			if cl.Of == whole.Path {
				parts = append(parts, strings.TrimSuffix(cl.Text, " |"))
			}
			if cl.Kind != schema.ClaimTable || cl.Line == 0 || cl.Line > len(lines) || cl.Text != lines[cl.Line-1] {
				t.Errorf("%s: claim %+v not on its cell's line", name, cl)
			}
		}
		if !slices.Equal(parts, c.parts) {
			t.Errorf("%s: parts of the 合计 %v, want %v", name, parts, c.parts)
		}
	}
}
