package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func saveBook(t *testing.T, f *excelize.File, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// A workbook reads as its sheets show: a line per row under a line naming
// the sheet, numbers as their format prints them and right-aligned, text
// left-aligned, a merged title and a row's one cell widening no column,
// hidden sheets and rows left out.
func TestWorkbookText(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "表一")
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("#,##0.00")})
	set := func(sheet, axis string, v any) {
		if err := f.SetCellValue(sheet, axis, v); err != nil {
			t.Fatal(err)
		}
	}
	set("表一", "A1", "2024年部门收支总表")
	f.MergeCell("表一", "A1", "C1")
	set("表一", "C2", "单位：万元")
	set("表一", "A3", "科目编码")
	set("表一", "B3", "公务用车\n运行维护费")
	set("表一", "C3", "Amount\nin 万元")
	set("表一", "A4", "201")
	set("表一", "B4", "一般公共服务支出")
	set("表一", "C4", 12345.6)
	f.SetCellStyle("表一", "C4", "C4", money)
	set("表一", "A5", "hidden")
	f.SetRowVisible("表一", 5, false)
	set("表一", "A6", "20101")
	set("表一", "B6", "人大事务")
	set("表一", "C6", 1469.7300000000002) // General: shown as 1469.73
	f.NewSheet("hidden")
	set("hidden", "A1", "2023年 999")
	f.SetSheetVisible("hidden", false)
	f.NewSheet("表二")
	set("表二", "B2", 7)
	p := saveBook(t, f, "a.xlsx")

	text, err := Read(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"[工作表 表一]",
		"2024年部门收支总表",
		"                    单位：万元",
		"科目编码    公务用车运行维护费   Amount in 万元",
		"201     一般公共服务支出       12,345.60",
		"",
		"20101   人大事务             1469.73",
		"",
		"[工作表 表二]",
		"",
		"   7",
	}
	if text.Format != "xlsx" || strings.Join(text.Lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("format %s, text:\n%s\nwant:\n%s", text.Format, strings.Join(text.Lines, "\n"), strings.Join(want, "\n"))
	}
}

// A workbook that cannot be read is refused with the file, and the sheet
// and row where that is known; an .xls is refused with the way to convert
// it.
func TestBadWorkbooks(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rows := excelize.NewFile()
	rows.SetCellValue("Sheet1", "A1", "x")
	rows.SetCellValue("Sheet1", "A"+strconv.Itoa(MaxSheetRows+1), "y")
	cols := excelize.NewFile()
	cols.SetCellValue("Sheet1", "A1", "x")
	cols.SetCellValue("Sheet1", "IW3", "y") // column 257
	base, err := excelize.NewFile().WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	// a cell longer than Excel allows, which would widen column A on each
	// of the 100,000 rows after it
	var long strings.Builder
	long.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("字", MaxCellChars+1) + `</t></is></c><c r="B1"><v>1</v></c></row>`)
	for r := 2; r <= MaxSheetRows; r++ {
		long.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="A` + strconv.Itoa(r) + `"><v>1</v></c><c r="B` + strconv.Itoa(r) + `"><v>2</v></c></row>`)
	}
	long.WriteString(`</sheetData></worksheet>`)
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := zw.Create(name)
		io.WriteString(w, "<x/>")
	}
	zw.Close()
	// a sheet that unzips to more than MaxUnzipped from 130 KiB
	bomb := func(w io.Writer) {
		io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`)
		chunk := []byte(strings.Repeat("a", 1<<20))
		for range MaxUnzipped >> 20 {
			w.Write(chunk)
		}
		io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
	}
	for _, c := range []struct {
		path string
		is   error
		says string
	}{
		{write("zip.xlsx", []byte("PK\x03\x04 not a zip at all")), ErrWorkbook, "zip.xlsx: the workbook could not be read"},
		{write("old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)), ErrXLS, "old.xls: an .xls (Excel 97-2003) workbook is not read: convert it to .xlsx (libreoffice --headless --convert-to xlsx FILE)"},
		{write("text.xlsx", []byte("收支总表 1,000")), ErrWorkbook, "text.xlsx: the workbook could not be read: it is neither an .xlsx (zip) nor an .xls (OLE2) file"},
		{saveBook(t, rows, "rows.xlsx"), ErrWorkbook, "rows.xlsx: the workbook could not be read: sheet Sheet1: more than 100000 rows"},
		{saveBook(t, cols, "cols.xlsx"), ErrWorkbook, "cols.xlsx: the workbook could not be read: sheet Sheet1: row 3: more than 256 columns"},
		{write("long.xlsx", withSheet(t, base.Bytes(), func(w io.Writer) { io.WriteString(w, long.String()) })), ErrWorkbook, "long.xlsx: the workbook could not be read: sheet Sheet1: cell A1: more than 32767 characters"},
		{write("docx.xlsx", docx.Bytes()), ErrWorkbook, "docx.xlsx: the workbook could not be read: it is a zip without xl/workbook.xml, not an .xlsx (a .docx or another zip so named?)"},
		{write("bomb.xlsx", withSheet(t, base.Bytes(), bomb)), ErrWorkbook, "bomb.xlsx: the workbook could not be read: its parts unzip to more than 128 MiB (xl/worksheets/sheet1.xml at least)"},
	} {
		_, err := Read(context.Background(), c.path)
		if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want %q", filepath.Base(c.path), err, c.says)
		}
	}
}

// withSheet is the workbook data with its first sheet's XML written by
// sheet.
func withSheet(t *testing.T, data []byte, sheet func(io.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			sheet(w)
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func ptr[T any](v T) *T { return &v }
