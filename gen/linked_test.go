package gen_test

import (
	"context"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/internal/testcsv"
	"budgetpub/pipeline"
)

// TestLinkedProperty: a generated corpus that follows departments across
// years — names in long and short forms, a renamed bureau with its
// departments.csv, budgets and final accounts, budgets published as a text
// part and a tables part — builds into one document per disclosure (every
// file of it listed, its total the truth's), one department id per
// department and none shared, and an execution pairing for exactly the
// department-years that have both kinds.
func TestLinkedProperty(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	if err := gen.Linked(gen.LinkedOptions{Departments: 45, Years: 3, Out: in, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rejected) > 0 || len(rep.Templates) > 0 {
		t.Fatalf("rejected %v, templates %v", rep.Rejected, rep.Templates)
	}
	truths, _ := filepath.Glob(filepath.Join(in, "*.truth.json"))
	docs := testcsv.Rows(t, filepath.Join(out, "documents.csv"))
	if len(docs) != len(truths) || rep.Documents != len(truths) {
		t.Errorf("%d documents, %d disclosures generated", len(docs), len(truths))
	}
	byFiles := map[string]map[string]string{}
	for _, d := range docs {
		var files []string
		for _, f := range strings.Split(d["source_files"], ";") {
			files = append(files, path.Base(f))
		}
		sort.Strings(files)
		byFiles[strings.Join(files, " ")] = d
	}
	idOf := map[string]string{}    // truth department → department_id
	truthOf := map[string]string{} // department_id → truth department
	kinds := map[string][]string{} // truth department and year → document ids
	parts := 0
	var injected []string // document ids with a 年初预算 gen made differ
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if len(want.Files) > 1 {
			parts++
		}
		d, ok := byFiles[strings.Join(want.Files, " ")]
		if !ok {
			t.Errorf("%s: no document made of exactly %v", want.Disclosure, want.Files)
			continue
		}
		if d["expenditure_total"] != want.Expenditure.String() || d["kind"] != want.Kind || d["fiscal_year"] != strconv.Itoa(want.FiscalYear) {
			t.Errorf("%s: %s %s %s, want %s %s %d", want.Disclosure, d["kind"], d["fiscal_year"], d["expenditure_total"], want.Kind, want.Expenditure, want.FiscalYear)
		}
		if id, ok := idOf[want.DepartmentID]; ok && id != d["department_id"] {
			t.Errorf("%s (%s): department %s, and %s elsewhere", want.Disclosure, d["department"], d["department_id"], id)
		}
		if o, ok := truthOf[d["department_id"]]; ok && o != want.DepartmentID {
			t.Errorf("departments %s and %s share the id %s", o, want.DepartmentID, d["department_id"])
		}
		idOf[want.DepartmentID], truthOf[d["department_id"]] = d["department_id"], want.DepartmentID
		for _, in := range want.Injected {
			if in.Rule == "cross.budget" {
				injected = append(injected, d["id"])
			}
		}
		k := want.DepartmentID + " " + strconv.Itoa(want.FiscalYear)
		kinds[k] = append(kinds[k], d["id"])
	}
	if parts == 0 || len(idOf) != 45 {
		t.Fatalf("%d disclosures of two files, %d departments: the corpus does not test linking", parts, len(idOf))
	}
	var want, got []string
	for _, ids := range kinds {
		if len(ids) == 2 {
			sort.Strings(ids)
			want = append(want, strings.Join(ids, " "))
		}
	}
	seen := map[string]bool{}
	for _, e := range testcsv.Rows(t, filepath.Join(out, "execution.csv")) {
		pair := []string{e["document_id"], e["budget_document_id"]}
		sort.Strings(pair)
		if p := strings.Join(pair, " "); !seen[p] {
			seen[p] = true
			got = append(got, p)
		}
	}
	// the parts of a disclosure state the same figures; a final accounts'
	// 年初预算 differs from its budget's exactly where gen made it differ
	var mismatched []string
	for _, c := range testcsv.Rows(t, filepath.Join(out, "checks.csv")) {
		switch {
		case c["rule"] == "cross.parts":
			t.Errorf("%s: %s", c["document_id"], c["message"])
		case c["rule"] == "cross.budget" && c["severity"] == "warning":
			mismatched = append(mismatched, c["document_id"])
		}
	}
	sort.Strings(mismatched)
	sort.Strings(injected)
	if len(injected) == 0 || !slices.Equal(mismatched, injected) {
		t.Errorf("cross.budget warnings on %v, want %v", mismatched, injected)
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("%d pairs of budget and final accounts, want %d:\ngot  %v\nwant %v", len(got), len(want), got, want)
	}
}
