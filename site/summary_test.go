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

// TestDeptKeyTellsSummaries: a department's key changes with the code,
// the version, its id and any of its summaries' fields — a list none or
// empty included — and not otherwise.
func TestDeptKeyTellsSummaries(t *testing.T) {
	m := func(v int64) *schema.Money { x := schema.Money(v); return &x }
	a := Summary{ID: "a-1", Department: "某局", Title: "某局 2024 决算", Year: 2024, Values: []*schema.Money{m(5)}, Sections: []string{"read"}}
	b := Summary{ID: "a-2", Department: "某局", Year: 2023}
	r := &Renderer{o: Options{Code: "c1"}, rel: Release{Version: "v1"}}
	key := r.deptKey("d", []Summary{a, b})
	if again := r.deptKey("d", []Summary{a, b}); again != key {
		t.Fatal("the same department, another key")
	}
	other := map[string]string{"id": r.deptKey("e", []Summary{a, b}), "one document": r.deptKey("d", []Summary{a}), "the order": r.deptKey("d", []Summary{b, a})}
	for what, s := range map[string]Summary{"a value": func() Summary { s := a; s.Values = []*schema.Money{m(6)}; return s }(),
		"a value none":   func() Summary { s := a; s.Values = []*schema.Money{nil}; return s }(),
		"sections empty": func() Summary { s := a; s.Sections = []string{}; return s }(),
		"no sections":    func() Summary { s := a; s.Sections = nil; return s }(),
		"the title":      func() Summary { s := a; s.Title += " "; return s }()} {
		other[what] = r.deptKey("d", []Summary{s, b})
	}
	r.o.Code = "c2"
	other["the code"] = r.deptKey("d", []Summary{a, b})
	r.o.Code, r.rel.Version = "c1", "v2"
	other["the version"] = r.deptKey("d", []Summary{a, b})
	seen := map[string]string{key: "the first"}
	for what, k := range other {
		if w, ok := seen[k]; ok {
			t.Errorf("%s changed, the key of %s", what, w)
		}
		seen[k] = what
	}
}
