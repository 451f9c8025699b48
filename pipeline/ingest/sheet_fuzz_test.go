package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzWorkbookSheet renders workbooks whose first sheet's XML is the fuzzer's:
// a workbook is read or refused with ErrWorkbook, never with a panic of the
// renderer or of the reader (recovered, it would still leave a document out
// that should be read), and its text names its first sheet and stays within
// the limit.
func FuzzWorkbookSheet(f *testing.F) {
	b := excelize.NewFile()
	b.SetCellValue("Sheet1", "A1", "2024年部门收支总表")
	b.MergeCell("Sheet1", "A1", "C1")
	b.SetCellValue("Sheet1", "C2", "单位：万元")
	b.SetCellValue("Sheet1", "A3", "201")
	b.SetCellValue("Sheet1", "B3", "一般公共服务支出")
	b.SetCellValue("Sheet1", "C3", 12345.6)
	b.SetCellFormula("Sheet1", "C4", "=1/0")
	b.SetRowVisible("Sheet1", 2, false)
	buf, err := b.WriteToBuffer()
	if err != nil {
		f.Fatal(err)
	}
	base := buf.Bytes()
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		f.Fatal(err)
	}
	for _, z := range zr.File {
		if z.Name == "xl/worksheets/sheet1.xml" {
			r, _ := z.Open()
			seed, _ := io.ReadAll(r)
			f.Add(seed)
		}
	}
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="s"><v>7</v></c><c r="C1"><v>NaN</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>甲
乙</t></is></c></row></sheetData><mergeCells><mergeCell ref="C3:A3"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := withSheet(t, base, func(w io.Writer) { w.Write(sheet) })
		s, err := xlsxText(context.Background(), data)
		if err != nil {
			if strings.Contains(err.Error(), "runtime error") {
				t.Fatalf("a panic: %v", err)
			}
			return
		}
		if !strings.HasPrefix(s, "[工作表 Sheet1]\n") || len(s) > MaxPDFText+MaxSheetColumns*(MaxCellChars*3+columnGap) {
			t.Fatalf("text of %d bytes: %.200q", len(s), s)
		}
	})
}
