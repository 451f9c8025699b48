package extract

import (
	"strings"
	"testing"
)

// A budget's bare 收入预算 below its 收支总预算 (the Zhejiang template's
// "收支总预算46621.39万元。…收入预算45621.38万元,其中:") is the year's revenue:
// the whole holds what the year before carried. One equal to the whole
// restates it and is no year's figure.
func TestRevenueBudgetBelowWholeBudget(t *testing.T) {
	text := "某县某医院2021年部门预算\n二、某县某医院2021年收支预算情况的总体说明\n某县某医院所有收入和支出均纳入部门预算管理。某县某医院2021年收支总预算46621.39万元。\n(二)关于某县某医院2021年收入预算情况说明\n某县某医院2021年收入预算45621.38万元,其中:一般公共预算拨款收入1000万元。\n"
	d := extractLines(t, text)
	if d.Revenue.Total == nil || *d.Revenue.Total != 466213900*100 {
		t.Fatalf("收支总预算 is the revenue's total, got %v", d.Revenue.Total)
	}
	if d.Revenue.CurrentYear == nil || *d.Revenue.CurrentYear != 456213800*100 {
		t.Errorf("收入预算 below the whole is the year's revenue, got %v", d.Revenue.CurrentYear)
	}
	d = extractLines(t, strings.Replace(text, "收入预算45621.38万元", "收入预算46621.39万元", 1))
	if d.Revenue.CurrentYear != nil {
		t.Errorf("收入预算 equal to the whole is no year's figure, got %v", d.Revenue.CurrentYear)
	}
}
