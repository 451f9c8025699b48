package extract

import (
	"errors"
	"strings"
	"testing"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// TestYearAndKindHints: a text no title of which names a year takes the
// year and kind metadata.csv gives (saying so), and fails without them; a
// title's own year and kind win over the hints, with a warning.
func TestYearAndKindHints(t *testing.T) {
	untitled := "平潭综合实验区公安局部门预算\n\n一、收入支出预算总体情况\n收入预算总额1,000.00万元，支出预算总额1,000.00万元。\n"
	run := func(text string, h Hints) (*schema.Document, error) {
		d, err := Extract(&ingest.Text{Path: "t.txt", Lines: strings.Split(text, "\n"), SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Format: "text"}, "t", h)
		if err == nil {
			err = schema.Validate(d)
		}
		return d, err
	}
	if _, err := run(untitled, Hints{}); !errors.Is(err, ErrNoTitle) {
		t.Errorf("no hints: %v", err)
	}
	if _, err := run(untitled, Hints{FiscalYear: 2024}); !errors.Is(err, ErrNoTitle) {
		t.Errorf("a year without a kind: %v", err)
	}
	d, err := run(untitled, Hints{FiscalYear: 2024, Kind: schema.KindBudget})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2024 || d.Document.Kind != schema.KindBudget || d.Department.Name != "平潭综合实验区公安局" ||
		d.Revenue == nil || d.Revenue.Total == nil || d.Revenue.Total.String() != "10000000" || count(d, "come from metadata.csv") != 1 {
		t.Errorf("with hints: %+v %+v %v", d.Document, d.Department, d.Warnings)
	}
	titled := "平潭综合实验区公安局2023年部门决算\n" + untitled
	d, err = run(titled, Hints{FiscalYear: 2024, Kind: schema.KindBudget})
	if err != nil {
		t.Fatal(err)
	}
	if d.Document.FiscalYear != 2023 || d.Document.Kind != schema.KindFinalAccounts || count(d, "is kept") != 2 {
		t.Errorf("a title against the hints: %+v %v", d.Document, d.Warnings)
	}
}

func count(d *schema.Document, reason string) int {
	n := 0
	for _, w := range d.Warnings {
		if strings.Contains(w.Reason, reason) {
			n++
		}
	}
	return n
}
