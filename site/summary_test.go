package site

import (
	"encoding/json"
	"reflect"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestSummaryReadsBack: a summary kept (AppendBinary) reads back
// (ReadSummary) as it was, every field of it — a field added to Summary
// and not kept fails here — with a list none and an empty list apart (a
// department's page key is made of its summaries' JSON); bytes cut short
// are refused.
func TestSummaryReadsBack(t *testing.T) {
	m := func(v int64) *schema.Money { x := schema.Money(v); return &x }
	full := Summary{ID: "a-1", Department: "某局", Kind: schema.KindFinalAccounts, Title: "某局 2024 决算", AlsoNamed: []string{"某某局", ""},
		DeptID: "d-1", Year: 2024, Checks: 3, Unknown: []string{"year"}, Values: []*schema.Money{m(-5), nil, m(305630025)},
		Measures: []emit.Measure{{Key: "total", Name: "支出总计", NameEn: "Expenditure", Value: 12, Budgeted: m(11), Pointer: "/expenditure/total"}, {Key: "k"}},
		Sections: []string{"read", "absent"}, SectionNames: []string{"职责", "机构"}, TablesRead: 4, TablesFound: 7}
	v := reflect.ValueOf(full)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("the test's summary leaves %s out", v.Type().Field(i).Name)
		}
	}
	for _, s := range []Summary{full, {}, {AlsoNamed: []string{}, Unknown: []string{}, Values: []*schema.Money{}, Measures: []emit.Measure{}, Sections: []string{}}} {
		b := s.AppendBinary([]byte("x"))[1:]
		got, rest, err := ReadSummary(append(b, "after"...))
		if err != nil || string(rest) != "after" {
			t.Fatalf("%v, %q after the summary", err, rest)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("read back %+v, want %+v", got, s)
		}
		j1, _ := json.Marshal(got)
		j2, _ := json.Marshal(s)
		if string(j1) != string(j2) {
			t.Errorf("read back as JSON %s, want %s", j1, j2)
		}
		for n := range len(b) {
			if _, _, err := ReadSummary(b[:n]); err == nil {
				t.Fatalf("a summary cut at %d of %d bytes read", n, len(b))
			}
		}
	}
}
