package site

import (
	"testing"

	"budgetpub/schema"
)

// TestHeadlineBasicParts: a disclosure's page lists 人员经费 and 公用经费 each
// where the document states it — a budget that lists 对个人和家庭补助 apart
// states 公用经费 alone, which is shown.
func TestHeadlineBasicParts(t *testing.T) {
	d := &schema.Document{
		Expenditure: &schema.Expenditure{PublicExpenses: &schema.Figure{Amount: 727600}},
		Provenance:  map[string]schema.Source{"/expenditure/public_expenses/amount": {Line: 40}},
	}
	got := headline(d)
	if len(got) != 1 || got[0].Zh != "　公用经费" || *got[0].Amount != 727600 || got[0].Line != 40 {
		t.Errorf("headline = %+v, want 公用经费 727,600 of line 40", got)
	}
}
