package site

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// A class whose amount the document does not state is shown as such: no
// bar and 未列明 in the chart, — in the table, never 0; a chart of such
// classes only is not drawn.
func TestUnstatedClassShown(t *testing.T) {
	classes := []schema.ClassItem{
		{Code: "221", Name: "住房保障支出", Unstated: true, Items: []schema.ClassItem{{Code: "2210201", Name: "住房公积金", Amount: 71303000}}},
		{Code: "201", Name: "一般公共服务支出", Amount: 100000000},
	}
	chart := string(barChart("t", classes))
	if strings.Count(chart, "<rect") != 1 || !strings.Contains(chart, "221 住房保障支出</text><text x=\"266\" y=\"19\">未列明 not stated") {
		t.Errorf("chart %s", chart)
	}
	if got := barChart("t", classes[:1]); got != "" {
		t.Errorf("a chart of classes not stated: %s", got)
	}
	d := &schema.Document{Expenditure: &schema.Expenditure{ByFunction: classes}, Provenance: map[string]schema.Source{}}
	rows := classRows(d, "/expenditure/by_function", classes)
	if rows[0].Amount != nil || *rows[1].Amount != 71303000 || *rows[2].Amount != 100000000 {
		t.Errorf("rows %+v", rows)
	}
}
