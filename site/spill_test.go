package site

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// randomSummary is a summary with every field filled, or not, at random.
func randomSummary(r *rand.Rand, i int) Summary {
	m := func() *schema.Money {
		if r.IntN(4) == 0 {
			return nil
		}
		v := schema.Money(r.Int64N(1e9) - 1e8)
		return &v
	}
	s := Summary{ID: fmt.Sprintf("doc-%05d", r.IntN(1e5)*10+i%10), Department: "某局" + fmt.Sprint(i%7), Kind: schema.KindBudget,
		Title: fmt.Sprintf("某局 %d 预算", 2020+i%5), DeptID: fmt.Sprintf("d-%d", i%7), Year: 2020 + i%5, Checks: r.IntN(40)}
	if r.IntN(3) == 0 {
		s.Kind, s.AlsoNamed, s.Unknown = schema.KindFinalAccounts, []string{"某某局"}, []string{}
	}
	for range seriesNames {
		s.Values = append(s.Values, m())
	}
	for range r.IntN(8) {
		s.Measures = append(s.Measures, emit.Measure{Key: "k", Name: "支出", NameEn: "E", Value: schema.Money(r.Int64N(1e6)), Budgeted: m(), Pointer: "/p"})
		s.Sections = append(s.Sections, schema.CoverageRead)
		s.SectionNames = append(s.SectionNames, "职责")
	}
	s.TablesRead, s.TablesFound = r.IntN(5), 5+r.IntN(5)
	return s
}

// TestSummariesSpilled: the summaries kept in their file read back as
// they were given, in the order of their ids, and the file goes when
// asked.
func TestSummariesSpilled(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 8))
	var ss summaries
	want := map[string]Summary{}
	for i := range 500 {
		s := randomSummary(r, i)
		if _, ok := want[s.ID]; ok {
			continue
		}
		want[s.ID] = s
		if err := ss.add(dir, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := ss.done(); err != nil {
		t.Fatal(err)
	}
	prev, n := "", 0
	err := ss.each(func(s Summary) error {
		if s.ID <= prev {
			return fmt.Errorf("%s after %s", s.ID, prev)
		}
		prev, n = s.ID, n+1
		if !reflect.DeepEqual(s, want[s.ID]) {
			return fmt.Errorf("read back %+v, want %+v", s, want[s.ID])
		}
		return nil
	})
	if err != nil || n != len(want) {
		t.Fatalf("%v; %d of %d read", err, n, len(want))
	}
	if err := ss.remove(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Fatalf("%s left in the folder", left[0].Name())
	}
}

// TestFinishLeavesNoSummaries: the summaries' file leaves the site's
// folder with Finish, even one whose datasets failed; the department
// pages are written from it.
func TestFinishLeavesNoSummaries(t *testing.T) {
	dir := t.TempDir()
	rd, err := NewRenderer(dir, Release{Name: "r1", Version: "v1"}, Options{BaseURL: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(9, 10))
	depts := map[string]bool{}
	for i := range 40 {
		s := randomSummary(r, i)
		depts[s.DeptID] = true
		if err := rd.index(s, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	failed := errors.New("no datasets")
	if err := rd.Finish(nil, func() (*emit.Result, error) { return nil, failed }, emit.Changes{Initial: true}); !errors.Is(err, failed) {
		t.Fatalf("Finish: %v, want the datasets' error", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".summaries-*")); len(left) > 0 {
		t.Fatalf("%v left in the site", left)
	}
	for id := range depts {
		if _, err := os.Stat(filepath.Join(dir, "dept", id+".html")); err != nil {
			t.Errorf("department %s: %v", id, err)
		}
	}
}
