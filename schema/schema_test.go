package schema

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestMoneyJSON(t *testing.T) {
	for _, c := range []struct {
		m    Money
		want string
	}{{305630000, "3056300"}, {12340, "123.4"}, {12345, "123.45"}, {-5, "-0.05"}, {0, "0"}, {1, "0.01"}} {
		b, _ := json.Marshal(c.m)
		if string(b) != c.want {
			t.Errorf("Marshal(%d) = %s, want %s", int64(c.m), b, c.want)
		}
		var back Money
		if err := json.Unmarshal(b, &back); err != nil || back != c.m {
			t.Errorf("Unmarshal(%s) = %d, %v; want %d", b, int64(back), err, int64(c.m))
		}
	}
	var m Money
	if err := json.Unmarshal([]byte("1.234"), &m); err == nil || !strings.Contains(err.Error(), `"1.234"`) {
		t.Errorf("Unmarshal(1.234) accepted three decimals, or said not what: %v", err)
	}
	// an amount read allocates nothing (every cached document's are read)
	b := []byte("-3056300.25")
	if n := testing.AllocsPerRun(100, func() { m.UnmarshalJSON(b) }); n != 0 || m != -305630025 {
		t.Errorf("UnmarshalJSON(%s): %d, %.0f allocations", b, int64(m), n)
	}
}

func minimal() *Document {
	return &Document{
		SchemaVersion: Version, ID: "doc-1",
		Document: Meta{Kind: KindBudget, FiscalYear: 2023, Title: "t",
			Source: SourceFile{Path: "a.txt", SHA256: strings.Repeat("a", 64), Bytes: 1, Encoding: "utf-8", Format: "text"}},
		Department: Department{Name: "某局"},
		Claims:     []Claim{}, Checks: []Check{}, Provenance: map[string]Source{}, Warnings: []Warning{},
	}
}

func TestValidateAcceptsMinimal(t *testing.T) {
	if err := Validate(minimal()); err != nil {
		t.Fatal(err)
	}
}

func TestValidateReportsPointer(t *testing.T) {
	for _, c := range []struct {
		name    string
		mutate  func(map[string]any)
		pointer string
	}{
		{"bad kind", func(m map[string]any) { m["document"].(map[string]any)["kind"] = "forecast" }, "/document/kind"},
		{"empty name", func(m map[string]any) { m["department"].(map[string]any)["name"] = "" }, "/department/name"},
		{"unknown field", func(m map[string]any) { m["extra"] = 1 }, ""},
		{"bad code", func(m map[string]any) {
			m["expenditure"] = map[string]any{"by_function": []any{map[string]any{"code": "2x1", "name": "n", "amount": 1}}}
		}, "/expenditure/by_function/0/code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, _ := json.Marshal(minimal())
			var m map[string]any
			json.Unmarshal(b, &m)
			c.mutate(m)
			b, _ = json.Marshal(m)
			err := ValidateJSON(b)
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("ValidateJSON = %v, want *InvalidError", err)
			}
			if inv.Violations[0].Pointer != c.pointer {
				t.Errorf("pointer = %q, want %q (%v)", inv.Violations[0].Pointer, c.pointer, inv)
			}
		})
	}
}

func TestClassByName(t *testing.T) {
	for name, code := range map[string]string{"一般公共服务": "201", "医疗卫生与计划生育支出": "210", "医疗卫生和计划生育支出": "210", "卫生健康支出": "210", "住房保障支出（类）": "221",
		"城乡社区事务": "212", "农林水事务": "213", "文化体育与传媒": "207"} {
		if c, ok := ClassByName(SchemeFunctional, name); !ok || c.Code != code {
			t.Errorf("ClassByName(%q) = %q, %v; want %s", name, c.Code, ok, code)
		}
	}
	for name, code := range map[string]string{"对企事业单位的补贴": "304", "债务利息支出": "307", "基本建设支出": "309", "其他资本性支出": "310", "一般商品和服务支出": "302"} {
		if c, ok := ClassByName(SchemeEconomic, name); !ok || c.Code != code {
			t.Errorf("ClassByName(economic, %q) = %q, %v; want %s", name, c.Code, ok, code)
		}
	}
	if c, ok := EconomicItem("302", "维修(护)费"); !ok || c.Code != "30213" {
		t.Errorf("EconomicItem(维修(护)费) = %q, %v", c.Code, ok)
	}
}

// A class whose amount the document does not state is written without
// amount, valid only with items, and read back as such; a class of 0 keeps
// its amount.
func TestClassWithoutAmount(t *testing.T) {
	d := minimal()
	d.Expenditure = &Expenditure{ByFunction: []ClassItem{
		{Code: "221", Name: "住房保障支出", Unstated: true, Items: []ClassItem{{Name: "住房公积金", Amount: Yuan(7130300)}}},
		{Code: "201", Name: "一般公共服务支出"},
	}}
	b, err := json.Marshal(d.Expenditure)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"by_function":[{"code":"221","name":"住房保障支出","items":[{"name":"住房公积金","amount":7130300}]},{"code":"201","name":"一般公共服务支出","amount":0}]}`
	if string(b) != want {
		t.Errorf("Marshal = %s\nwant      %s", b, want)
	}
	var back Expenditure
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if c := back.ByFunction; !c[0].Unstated || c[0].Items[0].Unstated || c[0].Items[0].Amount != Yuan(7130300) || c[1].Unstated || c[1].Amount != 0 {
		t.Errorf("Unmarshal = %+v", back.ByFunction)
	}
	if err := Validate(d); err != nil {
		t.Errorf("a class without amount and with items: %v", err)
	}
	d.Expenditure.ByFunction[0].Items = nil
	if err := Validate(d); err == nil {
		t.Error("a class with neither amount nor items validates")
	}
}

// TestValidateUnknown: a document's department, year and kind are required
// but where /document/unknown lists them, and then they must be absent.
func TestValidateUnknown(t *testing.T) {
	d := minimal()
	d.Document.Unknown = []string{UnknownDepartment, UnknownYear, UnknownKind}
	d.Department.Name, d.Document.FiscalYear, d.Document.Kind, d.Document.Title = "", 0, "", ""
	if err := Validate(d); err != nil {
		t.Fatalf("every part unknown: %v", err)
	}
	for name, mutate := range map[string]func(d *Document){
		"a name listed unknown":  func(d *Document) { d.Department.Name = "某局" },
		"a year listed unknown":  func(d *Document) { d.Document.FiscalYear = 2023 },
		"a kind listed unknown":  func(d *Document) { d.Document.Kind = KindBudget },
		"a name missing":         func(d *Document) { d.Document.Unknown = []string{UnknownYear, UnknownKind} },
		"a year missing":         func(d *Document) { d.Document.Unknown = []string{UnknownDepartment, UnknownKind} },
		"nothing listed, absent": func(d *Document) { d.Document.Unknown = nil },
		"a part of no identity":  func(d *Document) { d.Document.Unknown = append(d.Document.Unknown, "region") },
	} {
		d := minimal()
		d.Document.Unknown = []string{UnknownDepartment, UnknownYear, UnknownKind}
		d.Department.Name, d.Document.FiscalYear, d.Document.Kind, d.Document.Title = "", 0, "", ""
		mutate(d)
		if err := Validate(d); err == nil {
			t.Errorf("%s: valid", name)
		}
	}
	// a title, its year and kind, no department
	d = minimal()
	d.Document.Unknown, d.Department.Name = []string{UnknownDepartment}, ""
	if err := Validate(d); err != nil {
		t.Errorf("a department unknown: %v", err)
	}
	if d := minimal(); !d.Document.Known(UnknownYear) {
		t.Errorf("a complete document's year unknown")
	}
}

// A warning about one amount placed nowhere carries the amount, written and
// read back exactly; any other warning is written without it.
func TestWarningAmount(t *testing.T) {
	zero, amount := Money(0), Money(1234567)
	d := minimal()
	d.Warnings = []Warning{
		{Line: 3, Text: "x", Reason: "amount 12,345.67元 " + WarnUnplaced, Amount: &amount},
		{Line: 4, Text: "y", Reason: "amount 0万元 " + WarnUnplaced, Amount: &zero},
		{Line: 5, Text: "z", Reason: WarnPlaceholder + ": XX"},
	}
	b, err := json.Marshal(d.Warnings)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"line":3,"text":"x","reason":"amount 12,345.67元 not placed in the model","amount":12345.67},` +
		`{"line":4,"text":"y","reason":"amount 0万元 not placed in the model","amount":0},{"line":5,"text":"z","reason":"placeholder left in the text: XX"}]`
	if string(b) != want {
		t.Errorf("Marshal = %s\nwant      %s", b, want)
	}
	var back []Warning
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back[0].Amount == nil || *back[0].Amount != amount || back[1].Amount == nil || *back[1].Amount != 0 || back[2].Amount != nil {
		t.Errorf("Unmarshal = %+v", back)
	}
	if err := Validate(d); err != nil {
		t.Errorf("warnings with amounts: %v", err)
	}
}

// TestAnyAmount: the amounts of a document's figures, not its metadata's
// numbers (a source file's bytes) nor a line's.
func TestAnyAmount(t *testing.T) {
	d := minimal()
	d.Document.Source.Bytes = 10
	d.Revenue, d.Expenditure = &Revenue{}, &Expenditure{}
	some := func(float64) bool { return true }
	if d.AnyAmount(some) {
		t.Error("a document of no figure holds an amount")
	}
	zero := Money(0)
	d.ThreePublic = &ThreePublic{Total: &zero}
	if !d.AnyAmount(some) || d.AnyAmount(func(v float64) bool { return v != 0 }) {
		t.Error("a 三公 total of 0: an amount, not one other than zero")
	}
}
