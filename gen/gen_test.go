package gen_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/pipeline"
	"budgetpub/schema"
)

// TestProperty: for generated documents of every family, extraction
// recovers every ground-truth figure exactly, and the checks find exactly
// the injected inconsistencies (nothing at warning or error elsewhere).
func TestProperty(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: 25, Out: dir, Seed: 7, Inject: 0.4}); err != nil {
		t.Fatal(err)
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if len(truths) != 25*len(gen.Families) {
		t.Fatalf("%d documents generated, want %d", len(truths), 25*len(gen.Families))
	}
	injected := 0
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		injected += len(want.Injected)
		d, err := pipeline.ExtractFile(context.Background(), filepath.Join(dir, want.File), "")
		if err != nil {
			t.Fatalf("%s: %v", want.File, err)
		}
		for _, m := range compare(want, d) {
			t.Errorf("%s (%s): %s", want.File, want.Family, m)
		}
	}
	if injected == 0 {
		t.Fatal("no inconsistency injected")
	}
}

// TestPropertyPDF: the same from generated PDFs, read through pdftotext.
func TestPropertyPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	err := gen.Generate(gen.Options{N: 2, Out: dir, Seed: 11, Inject: 0.5, PDF: true})
	if errors.Is(err, gen.ErrNoBrowser) && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		json.Unmarshal(data, &want)
		pdf := strings.TrimSuffix(filepath.Join(dir, want.File), ".txt") + ".pdf"
		d, err := pipeline.ExtractFile(context.Background(), pdf, "")
		if err != nil {
			t.Fatalf("%s: %v", pdf, err)
		}
		for _, m := range compare(want, d) {
			t.Errorf("%s (%s, from the PDF): %s", want.File, want.Family, m)
		}
	}
}

func compare(want gen.Truth, d *schema.Document) []string {
	var bad []string
	eq := func(name string, got *schema.Money, w schema.Money) {
		if got == nil || *got != w {
			bad = append(bad, name+": got "+str(got)+", want "+w.String())
		}
	}
	if d.Document.Kind != want.Kind || d.Document.FiscalYear != want.FiscalYear || d.Department.Name != want.Department {
		bad = append(bad, "identity: got "+d.Document.Kind+" "+d.Department.Name)
	}
	eq("revenue", d.Revenue.Total, want.Revenue)
	eq("expenditure", d.Expenditure.Total, want.Expenditure)
	if d.Expenditure.Basic == nil || d.Expenditure.Project == nil {
		bad = append(bad, "basic/project missing")
	} else {
		eq("basic", &d.Expenditure.Basic.Amount, want.Basic)
		eq("project", &d.Expenditure.Project.Amount, want.Project)
		if want.BasicPrior != nil {
			eq("basic prior", d.Expenditure.Basic.PriorYear, *want.BasicPrior)
		}
		if want.ProjectPrior != nil {
			eq("project prior", d.Expenditure.Project.PriorYear, *want.ProjectPrior)
		}
	}
	classes := func(name string, items []schema.ClassItem, w map[string]int64) {
		got := map[string]int64{}
		for _, c := range items {
			got[c.Code] = int64(c.Amount)
		}
		if len(got) != len(w) {
			bad = append(bad, name+": codes differ")
		}
		for code, v := range w {
			if got[code] != v {
				bad = append(bad, name+" "+code+": got "+schema.Money(got[code]).String()+", want "+schema.Money(v).String())
			}
		}
	}
	classes("by_function", d.Expenditure.ByFunction, want.ByFunction)
	classes("by_economic", d.Expenditure.ByEconomic, want.ByEconomic)
	if d.ThreePublic == nil {
		bad = append(bad, "三公 missing")
	} else {
		eq("三公", d.ThreePublic.Total, want.ThreePublic)
	}
	if d.OperatingCosts == nil || d.Procurement == nil {
		bad = append(bad, "operating costs or procurement missing")
	} else {
		eq("operating costs", &d.OperatingCosts.Amount, want.OperatingCosts)
		eq("procurement", &d.Procurement.Amount, want.Procurement)
	}
	if want.AssetsEnd != nil {
		if d.Assets == nil || d.Assets.Start == nil || d.Assets.End == nil {
			bad = append(bad, "assets missing")
		} else {
			eq("assets start", &d.Assets.Start.Total, *want.AssetsStart)
			eq("assets end", &d.Assets.End.Total, *want.AssetsEnd)
		}
	}
	var found, expected []string
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			found = append(found, c.Rule+"/"+c.Severity)
		}
	}
	for _, in := range want.Injected {
		expected = append(expected, in.Rule+"/"+in.Severity)
	}
	sort.Strings(found)
	sort.Strings(expected)
	if strings.Join(found, ",") != strings.Join(expected, ",") {
		bad = append(bad, "checks: found ["+strings.Join(found, ",")+"], injected ["+strings.Join(expected, ",")+"]")
	}
	return bad
}

func str(m *schema.Money) string {
	if m == nil {
		return "nothing"
	}
	return m.String()
}
