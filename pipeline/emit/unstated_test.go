package emit

import (
	"testing"

	"budgetpub/schema"
)

// A class whose amount the document does not state (its 项 only) is no
// measure of the panel, and its line_items row has an empty amount and the
// class's pointer; so has a 项 of parts only; their items are rows as any.
func TestUnstatedClassRows(t *testing.T) {
	d := &schema.Document{ID: "d-2018", Department: schema.Department{ID: "dept-1", Name: "某区某局"},
		Document: schema.Meta{Kind: schema.KindBudget, FiscalYear: 2018},
		Expenditure: &schema.Expenditure{ByFunction: []schema.ClassItem{
			{Code: "221", Name: "住房保障支出", Unstated: true, Items: []schema.ClassItem{{Code: "2210201", Name: "住房公积金", Amount: *yuan(713)}}},
			{Code: "201", Name: "一般公共服务支出", Amount: *yuan(0), Items: []schema.ClassItem{{Code: "2011501", Name: "行政运行", Unstated: true,
				Items: []schema.ClassItem{{Name: "人员经费", Amount: *yuan(90)}}}}}}},
		Provenance: map[string]schema.Source{"/expenditure/by_function/0/items/0/amount": {Line: 62}}}
	var keys []string
	for _, m := range Measures(d) {
		keys = append(keys, m.Key)
	}
	if len(keys) != 1 || keys[0] != "function_201" {
		t.Errorf("measures %v, want function_201 only (a class of 0 is stated; 221 is not)", keys)
	}
	rows := LineItemRows([]*schema.Document{d})
	if len(rows) != 5 {
		t.Fatalf("rows %+v", rows)
	}
	if r := rows[0]; r.Code != "221" || r.Amount != "" || r.Pointer != "/expenditure/by_function/0" {
		t.Errorf("class row %+v, want an empty amount and the class's pointer", r)
	}
	if r := rows[1]; r.Code != "2210201" || r.Amount != "713" || r.Line != "62" || r.ParentCode != "221" {
		t.Errorf("item row %+v", r)
	}
	if r := rows[2]; r.Code != "201" || r.Amount != "0" {
		t.Errorf("a class of 0: %+v", r)
	}
	if r := rows[3]; r.Code != "2011501" || r.Level != "项" || r.Amount != "" || r.Pointer != "/expenditure/by_function/1/items/0" {
		t.Errorf("a 项 whose amount is not stated: %+v", r)
	}
	if r := rows[4]; r.Name != "人员经费" || r.ParentCode != "2011501" || r.Amount != "90" {
		t.Errorf("its part: %+v", r)
	}
}
