package pipeline

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetpub/pipeline/ingest"
)

// writeWorkbook writes the sheets of a fixture (ingest/testdata/*.tsv: "=
// NAME" starts a sheet, "! A1:C1 …" merges cells, other lines are rows of
// tab-separated cells) as an .xlsx: an amount (1,234.56) as a number in the
// format #,##0.00, the same number in the General format where general is
// true of its sheet, codes and names as text.
func writeWorkbook(t *testing.T, fixture, out string, general map[string]bool) {
	t.Helper()
	in, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	f := excelize.NewFile()
	defer f.Close()
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptrTo("#,##0.00")})
	if err != nil {
		t.Fatal(err)
	}
	sheet, row := "", 0
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "= "):
			name := strings.TrimPrefix(line, "= ")
			if sheet == "" {
				f.SetSheetName("Sheet1", name)
			} else if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
			sheet, row = name, 0
			continue
		case strings.HasPrefix(line, "! "):
			for _, r := range strings.Fields(strings.TrimPrefix(line, "! ")) {
				a, b, _ := strings.Cut(r, ":")
				if err := f.MergeCell(sheet, a, b); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		row++
		for c, v := range strings.Split(line, "\t") {
			if v == "" {
				continue
			}
			axis, _ := excelize.CoordinatesToCellName(c+1, row)
			if x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64); err == nil && strings.Contains(v, ".") {
				f.SetCellFloat(sheet, axis, x, -1, 64)
				if !general[sheet] {
					f.SetCellStyle(sheet, axis, axis, money)
				}
				continue
			}
			f.SetCellStr(sheet, axis, v)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbookAgreesWithPDF writes the tables of
// jiangsu_npc-office_2019_dept-budget_tables-part (公开表一 to 十二, typed
// from the PDF's layout text) as an .xlsx, a sheet per table, and reads it:
// every figure the PDF gives must come out of the workbook, the same.
func TestWorkbookAgreesWithPDF(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "npc-office-2019-tables.xlsx")
	writeWorkbook(t, "ingest/testdata/npc-office-2019-tables.tsv", book, map[string]bool{"公开表三": true})
	x, err := ExtractFile(context.Background(), book, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ExtractFile(context.Background(), "../data/corpus/more/jiangsu_npc-office_2019_dept-budget_tables-part.pdf", "")
	if err != nil {
		t.Fatal(err)
	}
	if x.Document.Source.Format != "xlsx" {
		t.Errorf("format %q, want xlsx", x.Document.Source.Format)
	}
	if x.Department.Name != p.Department.Name || x.Document.FiscalYear != p.Document.FiscalYear || x.Document.Kind != p.Document.Kind || x.Document.ReportedUnit != p.Document.ReportedUnit {
		t.Errorf("workbook: %s %d %s %s, PDF: %s %d %s %s", x.Department.Name, x.Document.FiscalYear, x.Document.Kind, x.Document.ReportedUnit,
			p.Department.Name, p.Document.FiscalYear, p.Document.Kind, p.Document.ReportedUnit)
	}
	got, want := figuresOf(t, x), figuresOf(t, p)
	var paths []string
	for k := range want {
		paths = append(paths, k)
	}
	sort.Strings(paths)
	for _, k := range paths {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: %v in the PDF, not in the workbook", k, want[k])
		} else if g != want[k] {
			t.Errorf("%s: %v in the workbook, %v in the PDF", k, g, want[k])
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %v in the workbook, not in the PDF", k, v)
		}
	}
	for _, w := range x.Warnings {
		t.Logf("warning: line %d %q: %s", w.Line, w.Text, w.Reason)
	}
}
