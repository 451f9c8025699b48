package emit

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// MaxSheetRows is the most rows of data a sheet of the workbook takes:
// Excel opens 1,048,576 rows, the header included. A table with more
// leaves the workbook out.
const MaxSheetRows = 1<<20 - 1

// maxCellChars is the most characters Excel keeps in a cell.
const maxCellChars = 32767

// partsDir is where the workbook's sheets are written as rows come, inside
// the folder the datasets are written to; it is removed when the workbook
// is written (or the Writer aborted).
const partsDir = ".xlsx-parts"

// workbook writes budgetpub.xlsx as rows come, without holding them: each
// table's rows go to a file of sheet XML (inline strings, amounts as
// numbers in the #,##0.00 style), and Close zips the workbook around
// them. Output depends on the data only: fixed entry times, fixed order.
type workbook struct {
	dir     string // the parts' folder
	sheets  map[string]*sheet
	omitted string
}

type sheet struct {
	f    *os.File
	w    *bufio.Writer
	rows int
	cols []string // column letters
}

func newWorkbook(dir string) *workbook {
	return &workbook{dir: filepath.Join(dir, partsDir), sheets: map[string]*sheet{}}
}

// omit leaves the workbook out, for why.
func (w *workbook) omit(why string) {
	w.omitted = why
	w.abort()
}

func (w *workbook) add(s *stream, cells [][]string) error {
	if w.omitted != "" || len(cells) == 0 {
		return nil
	}
	sh := w.sheets[s.spec.name]
	if sh == nil {
		f, err := CreateNew(filepath.Join(w.dir, s.spec.name+".xml"))
		if err != nil {
			return err
		}
		sh = &sheet{f: f, w: bufio.NewWriterSize(f, 1<<16)}
		for j := range s.fields {
			sh.cols = append(sh.cols, columnName(j+1))
		}
		w.sheets[s.spec.name] = sh
	}
	if sh.rows+len(cells) > MaxSheetRows {
		w.omit(fmt.Sprintf("the table %s holds more than %d rows, the most a sheet holds; use the CSV files or the SQLite database", s.spec.name, MaxSheetRows))
		return nil
	}
	for _, row := range cells {
		sh.rows++
		r := strconv.Itoa(sh.rows + 1)
		sh.w.WriteString(`<row r="` + r + `">`)
		for j, c := range row {
			if c == "" {
				continue
			}
			fl := s.fields[j]
			if (fl.Type == "number" || fl.Type == "integer") && isNumber(c) {
				sh.w.WriteString(`<c r="`)
				sh.w.WriteString(sh.cols[j])
				sh.w.WriteString(r)
				if isMoney(fl) {
					sh.w.WriteString(`" s="1"><v>`)
				} else {
					sh.w.WriteString(`"><v>`)
				}
				sh.w.WriteString(c)
				sh.w.WriteString(`</v></c>`)
				continue
			}
			if err := inlineString(sh.w, sh.cols[j], r, c); err != nil {
				return fmt.Errorf("%s row %d column %s: %w", s.spec.name, sh.rows, fl.Name, err)
			}
		}
		sh.w.WriteString(`</row>`)
	}
	return nil
}

// isNumber tells whether a cell is a number as a sheet writes it.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "xXpPnN_")
}

// inlineString writes the cell of column col and row row holding the text s.
func inlineString(w *bufio.Writer, col, row, s string) error {
	n, plain := 0, true // characters; none for xml.EscapeText to change
	for _, r := range s {
		n++
		if plain && !plainXML(r) {
			plain = false
		}
	}
	if n > maxCellChars {
		return fmt.Errorf("%d characters, more than a cell holds (%d)", n, maxCellChars)
	}
	w.WriteString(`<c r="`)
	w.WriteString(col)
	w.WriteString(row)
	w.WriteString(`" t="inlineStr"><is><t xml:space="preserve">`)
	if plain {
		w.WriteString(s)
	} else if err := xml.EscapeText(w, []byte(s)); err != nil {
		return err
	}
	w.WriteString(`</t></is></c>`)
	return nil
}

// plainXML tells whether xml.EscapeText writes the character r as it is:
// not one it escapes (" ' & < > tab, newline, return) nor one XML does not
// take (which it replaces, as it does a byte that is not UTF-8).
func plainXML(r rune) bool {
	switch {
	case r == '"' || r == '\'' || r == '&' || r == '<' || r == '>':
		return false
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return r != utf8.RuneError
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// columnName is a column's letters: 1 → A, 27 → AA.
func columnName(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// abort removes the parts.
func (w *workbook) abort() {
	for _, sh := range w.sheets {
		sh.f.Close()
	}
	w.sheets = map[string]*sheet{}
	os.RemoveAll(w.dir)
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel     = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkgRel  = `http://schemas.openxmlformats.org/package/2006/relationships`
	styles    = xmlHeader + `<styleSheet xmlns="` + nsMain + `"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
)

// write zips the workbook into path: a README sheet of the lines readme,
// then a sheet per table, its header frozen and filterable.
func (w *workbook) write(path string, tables []*stream, readme []string) (err error) {
	defer w.abort()
	for _, sh := range w.sheets {
		if err := sh.w.Flush(); err != nil {
			return err
		}
	}
	out, err := CreateNew(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	entry := func(name string) (io.Writer, error) {
		return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipEpoch})
	}
	put := func(name, content string) error {
		e, err := entry(name)
		if err == nil {
			_, err = io.WriteString(e, content)
		}
		return err
	}
	var types, rels, sheets, names strings.Builder
	types.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	rels.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `"><Relationship Id="rId1" Type="` + nsRel + `/styles" Target="styles.xml"/>`)
	all := append([]string{"README"}, make([]string, len(tables))...)
	for i, t := range tables {
		all[i+1] = t.spec.name
	}
	for i, name := range all {
		n := strconv.Itoa(i + 1)
		types.WriteString(`<Override PartName="/xl/worksheets/sheet` + n + `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
		rels.WriteString(`<Relationship Id="rId` + strconv.Itoa(i+2) + `" Type="` + nsRel + `/worksheet" Target="worksheets/sheet` + n + `.xml"/>`)
		sheets.WriteString(`<sheet name="` + name + `" sheetId="` + n + `" r:id="rId` + strconv.Itoa(i+2) + `"/>`)
	}
	for i, t := range tables {
		rows := 0
		if sh := w.sheets[t.spec.name]; sh != nil {
			rows = sh.rows
		}
		names.WriteString(`<definedName name="_xlnm._FilterDatabase" localSheetId="` + strconv.Itoa(i+1) + `" hidden="1">` +
			`'` + t.spec.name + `'!$A$1:$` + columnName(len(t.fields)) + `$` + strconv.Itoa(rows+1) + `</definedName>`)
	}
	types.WriteString(`</Types>`)
	rels.WriteString(`</Relationships>`)
	for _, p := range [][2]string{
		{"[Content_Types].xml", types.String()},
		{"_rels/.rels", xmlHeader + `<Relationships xmlns="` + nsPkgRel + `"><Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
			sheets.String() + `</sheets><definedNames>` + names.String() + `</definedNames></workbook>`},
		{"xl/_rels/workbook.xml.rels", rels.String()},
		{"xl/styles.xml", styles},
	} {
		if err := put(p[0], p[1]); err != nil {
			return err
		}
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>`)
	bw := bufio.NewWriter(&b)
	for i, l := range readme {
		if l == "" {
			continue
		}
		r := strconv.Itoa(i + 1)
		bw.WriteString(`<row r="` + r + `">`)
		if err := inlineString(bw, "A", r, l); err != nil {
			return err
		}
		bw.WriteString(`</row>`)
	}
	bw.Flush()
	b.WriteString(`</sheetData></worksheet>`)
	if err := put("xl/worksheets/sheet1.xml", b.String()); err != nil {
		return err
	}
	for i, t := range tables {
		if err := w.writeSheet(entry, i+2, t); err != nil {
			return fmt.Errorf("sheet %s: %w", t.spec.name, err)
		}
	}
	return zw.Close()
}

// writeSheet writes the sheet of a table: its header, then its rows from
// the part written as they came.
func (w *workbook) writeSheet(entry func(string) (io.Writer, error), n int, t *stream) error {
	e, err := entry("xl/worksheets/sheet" + strconv.Itoa(n) + ".xml")
	if err != nil {
		return err
	}
	sh := w.sheets[t.spec.name]
	rows := 0
	if sh != nil {
		rows = sh.rows
	}
	last := columnName(len(t.fields))
	bw := bufio.NewWriterSize(e, 1<<16)
	bw.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	bw.WriteString(`<dimension ref="A1:` + last + strconv.Itoa(rows+1) + `"/>`)
	bw.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	var cols strings.Builder
	for j, fl := range t.fields {
		if isMoney(fl) {
			cols.WriteString(`<col min="` + strconv.Itoa(j+1) + `" max="` + strconv.Itoa(j+1) + `" width="14" style="1" customWidth="1"/>`)
		}
	}
	if cols.Len() > 0 {
		bw.WriteString(`<cols>` + cols.String() + `</cols>`)
	}
	bw.WriteString(`<sheetData><row r="1">`)
	for j, fl := range t.fields {
		if err := inlineString(bw, columnName(j+1), "1", fl.Name); err != nil {
			return err
		}
	}
	bw.WriteString(`</row>`)
	if sh != nil {
		part, err := os.Open(sh.f.Name())
		if err != nil {
			return err
		}
		_, err = io.Copy(bw, part)
		part.Close()
		if err != nil {
			return err
		}
	}
	bw.WriteString(`</sheetData><autoFilter ref="A1:` + last + strconv.Itoa(rows+1) + `"/></worksheet>`)
	return bw.Flush()
}
