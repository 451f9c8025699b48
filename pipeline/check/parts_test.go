package check

import (
	"reflect"
	"strings"
	"testing"

	"budgetpub/schema"
)

// twoFiles is a disclosure of two files: basic expenditure, 1,232.35 万元,
// read from the tables part (file 1, line 40), its change and its amount
// stated in the text (file 0, lines 12 and 7; the amount a part claim).
func twoFiles(partValue float64) *schema.Document {
	d := base()
	d.Document.Source = schema.SourceFile{Path: "corpus/x_text-part.txt"}
	d.Document.Sources = []schema.SourceFile{d.Document.Source, {Path: "corpus/x_tables-part.txt"}}
	d.Expenditure = &schema.Expenditure{Basic: &schema.Figure{Amount: *money(12323500), PriorYear: money(11000000)}}
	d.Provenance["/expenditure/basic/amount"] = schema.Source{Line: 40, File: 1}
	d.Provenance["/expenditure/basic/prior_year"] = schema.Source{Line: 12}
	d.Claims = []schema.Claim{
		{Path: "/expenditure/basic", Kind: schema.ClaimChange, Value: 1000000, Decimals: 2, Unit: "万元", Line: 12},
		{Path: "/expenditure/basic/amount", Kind: schema.ClaimPart, Value: partValue, Decimals: 2, Unit: "元", Line: 7},
	}
	return d
}

func findingOf(d *schema.Document, rule string) *schema.Check {
	Run(d)
	for i, c := range d.Checks {
		if c.Rule == rule {
			return &d.Checks[i]
		}
	}
	return nil
}

func TestCrossParts(t *testing.T) {
	if f := findingOf(twoFiles(12323500), "cross.parts"); f != nil {
		t.Errorf("equal figures reported: %+v", f)
	}
	if f := findingOf(twoFiles(12323460), "cross.parts"); f == nil || f.Severity != schema.SeverityInfo {
		t.Errorf("a difference within rounding: %+v, want info", f)
	}
	f := findingOf(twoFiles(12000000), "cross.parts")
	if f == nil || f.Severity != schema.SeverityWarning {
		t.Fatalf("conflicting figures: %+v, want a warning", f)
	}
	// the claim's line is the text's 7, the figure's the tables' 40
	if !reflect.DeepEqual(f.Lines, []int{7, 40}) || !reflect.DeepEqual(f.Files, []int{0, 1}) {
		t.Errorf("lines %v files %v, want 7 of file 0 and 40 of file 1", f.Lines, f.Files)
	}
	if want := "同一公开文件的两个文件数字不一致：x_text-part.txt 第7行与 x_tables-part.txt 第40行"; !strings.HasPrefix(f.Message, want) {
		t.Errorf("message %q, want %q…", f.Message, want)
	}
}

// A finding in a disclosure of several files names the file of each line:
// the change is stated in the text (file 0), basic expenditure comes from
// the tables (file 1).
func TestFindingLinesKnowTheirFiles(t *testing.T) {
	d := twoFiles(12323500)
	f := findingOf(d, "yoy.change")
	if f == nil {
		t.Fatal("yoy.change not found")
	}
	if !reflect.DeepEqual(f.Lines, []int{12, 40}) || !reflect.DeepEqual(f.Files, []int{0, 1}) {
		t.Errorf("lines %v files %v, want 12 of file 0 and 40 of file 1", f.Lines, f.Files)
	}
	// one file: no files listed, as before
	d = twoFiles(12323500)
	d.Document.Sources = nil
	d.Provenance["/expenditure/basic/amount"] = schema.Source{Line: 40}
	if f := findingOf(d, "yoy.change"); f == nil || f.Files != nil || !reflect.DeepEqual(f.Lines, []int{12, 40}) {
		t.Errorf("one file: %+v", f)
	}
}
