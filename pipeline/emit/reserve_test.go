package emit_test

import (
	"context"
	"strconv"
	"testing"

	"budgetpub/pipeline"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestReserveColumn: where a document budgets 单位预留机动经费 (11: 2,388.04
// 万元), documents.csv publishes it beside basic and project expenditure,
// so that the three add up to this year's expenditure there, and
// line_items.csv lists it with its source line.
func TestReserveColumn(t *testing.T) {
	d, err := pipeline.ExtractFile(context.Background(), "../../data/corpus/11_jiangsu_procuratorate_2018_dept-budget.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	r := emit.DocumentRows([]*schema.Document{d})[0]
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v
	}
	if r.Reserve != "23880400" {
		t.Errorf("reserve_expenditure = %q, want 23880400", r.Reserve)
	}
	if sum := num(r.Basic) + num(r.Project) + num(r.Reserve); sum != num(r.ExpenditureTotal) || sum != num(r.ExpenditureYear) {
		t.Errorf("basic + project + reserve = %v, expenditure_total %s, expenditure_current_year %s", sum, r.ExpenditureTotal, r.ExpenditureYear)
	}
	// a 决算 spends this year's money and carries the rest forward: 07's
	// basic and project expenditure add up to this year's, 2,940.05 万元
	d07, err := pipeline.ExtractFile(context.Background(), "../../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	r07 := emit.DocumentRows([]*schema.Document{d07})[0]
	if num(r07.Basic)+num(r07.Project) != num(r07.ExpenditureYear) || num(r07.ExpenditureYear)+num(r07.CarriedForward) != num(r07.ExpenditureTotal) {
		t.Errorf("07: basic %s + project %s, current year %s + carried forward %s, total %s", r07.Basic, r07.Project, r07.ExpenditureYear, r07.CarriedForward, r07.ExpenditureTotal)
	}
	found := false
	for _, it := range emit.LineItemRows([]*schema.Document{d}) {
		if it.Pointer == "/expenditure/reserve/amount" {
			found = it.Amount == "23880400" && it.Line != ""
		}
	}
	if !found {
		t.Error("line_items.csv has no reserve row with its line")
	}
}
