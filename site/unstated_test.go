package site

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A class whose amount the document does not state is shown as such: no
// bar and 未列明 in the chart, — in the table, never 0; a chart of such
// classes only is not drawn. A 项 whose parts are printed apart shows them
// below it.
func TestUnstatedClassShown(t *testing.T) {
	classes := []schema.ClassItem{
		{Code: "221", Name: "住房保障支出", Unstated: true, Items: []schema.ClassItem{{Code: "2210201", Name: "住房公积金", Amount: 71303000}}},
		{Code: "201", Name: "一般公共服务支出", Amount: 100000000, Items: []schema.ClassItem{{Code: "2011501", Name: "行政运行", Unstated: true,
			Items: []schema.ClassItem{{Name: "人员经费", Amount: 90000000}, {Name: "公用经费", Amount: 10000000}}}}},
	}
	chart := string(barChart("t", classes))
	if strings.Count(chart, "<rect") != 1 || !strings.Contains(chart, `<text x="254" y="19">221 住房保障支出</text>`) ||
		!strings.Contains(chart, `</g><text x="266" y="19">未列明 not stated</text><rect`) {
		t.Errorf("chart %s", chart)
	}
	if got := barChart("t", classes[:1]); got != "" {
		t.Errorf("a chart of classes not stated: %s", got)
	}
	d := &schema.Document{Expenditure: &schema.Expenditure{ByFunction: classes}, Provenance: map[string]schema.Source{}}
	rows := classRows(d, "/expenditure/by_function", classes)
	if len(rows) != 6 || rows[0].Amount != nil || *rows[1].Amount != 71303000 || *rows[2].Amount != 100000000 || rows[3].Amount != nil ||
		rows[4].Name != "　人员经费" || !rows[4].Indent || *rows[4].Amount != 90000000 {
		t.Errorf("rows %+v", rows)
	}
}
