package emit

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSheetRows is the most rows of data a sheet of the workbook takes:
// Excel opens 1,048,576 rows, the header included. A table with more
// leaves the workbook out.
const MaxSheetRows = 1<<20 - 1

// maxCellChars is the most characters Excel keeps in a cell.
const maxCellChars = 32767

// workbook writes budgetpub.xlsx as rows come, without holding them: each
// table's sheet XML (inline strings, amounts as numbers in the #,##0.00
// style) is deflated in segments as the bundle's text tables are (see
// segmentEvery), at the same documents, and Close zips the workbook around
// them, each sheet's entry the concatenation of its segments. Rows and
// cells carry no reference (r="B7"), which the format allows: a row is the
// one after the row before, a cell the one after the cell before (an empty
// cell before a filled one is written empty), so that a sheet's segment is
// the same bytes wherever it stands and a rebuild copies the segments of
// unchanged documents from the store (segStore) instead of deflating them.
// Output depends on the data only: fixed entry times, fixed order.
type workbook struct {
	sheets  map[string]*sheet
	omitted string
}

type sheet struct {
	e    *segEntry // the sheet's XML: its head (sheetHead), then its rows
	rows int
}

func newWorkbook() *workbook {
	return &workbook{sheets: map[string]*sheet{}}
}

// omit leaves the workbook out, for why.
func (w *workbook) omit(why string) {
	w.omitted = why
	w.abort()
}

// sheetOf is the sheet of table s, started with its head.
func (w *workbook) sheetOf(s *stream) (*sheet, error) {
	sh := w.sheets[s.spec.name]
	if sh == nil {
		sh = &sheet{e: &segEntry{kind: segSheet}}
		var b bytes.Buffer
		if err := sheetHead(&b, s.fields); err != nil {
			return nil, err
		}
		sh.e.write(b.Bytes())
		w.sheets[s.spec.name] = sh
	}
	return sh, nil
}

// add writes the rows of table s whose cells are cells and whose sum is
// sum (tableSum) to its sheet; measure is the bytes of their CSV records,
// by which a sheet's segment is cut (cut). Their XML is made only when
// their segment is deflated: a segment the store holds (one of
// documents that did not change) is not made again (segEntry.writeLater).
func (w *workbook) add(s *stream, cells [][]string, sum rowsSum, measure int) error {
	if w.omitted != "" || len(cells) == 0 {
		return nil
	}
	sh, err := w.sheetOf(s)
	if err != nil {
		return err
	}
	if sh.rows+len(cells) > MaxSheetRows {
		w.omit(fmt.Sprintf("the table %s holds more than %d rows, the most a sheet holds; use the CSV files or the SQLite database", s.spec.name, MaxSheetRows))
		return nil
	}
	first := sh.rows
	sh.rows += len(cells)
	sh.e.writeLater(func(b []byte) ([]byte, error) { return sheetRows(b, s, cells, first) }, rowsSheet, sum, measure)
	return nil
}

// sheetRows appends the XML of the rows of table s whose cells are cells
// to b; rows before them in the sheet.
func sheetRows(b []byte, s *stream, cells [][]string, rows int) ([]byte, error) {
	for _, row := range cells {
		rows++
		b = append(b, "<row>"...)
		empty := 0 // empty cells not yet written
		for j, c := range row {
			if c == "" {
				empty++
				continue
			}
			for ; empty > 0; empty-- {
				b = append(b, "<c/>"...)
			}
			fl := s.fields[j]
			if (fl.Type == "number" || fl.Type == "integer") && isNumber(c) {
				if isMoney(fl) {
					b = append(b, `<c s="1"><v>`...)
				} else {
					b = append(b, `<c><v>`...)
				}
				b = append(b, c...)
				b = append(b, `</v></c>`...)
				continue
			}
			var err error
			if b, err = inlineString(b, "", c); err != nil {
				return nil, fmt.Errorf("%s row %d column %s: %w", s.spec.name, rows, fl.Name, err)
			}
		}
		b = append(b, "</row>"...)
	}
	return b, nil
}

// cut ends the sheets' segments under way: all of them (whole), or those
// whose rows' CSV records (and the sheet's head) hold segmentBytes (their
// XML is not made yet; it is about twice as long).
func (w *workbook) cut(st *segStore, whole bool) error {
	for _, sh := range w.sheets {
		if whole || sh.e.held() >= segmentBytes {
			if err := sh.e.cut(st); err != nil {
				return err
			}
		}
	}
	return nil
}

// isNumber tells whether a cell is a number as a sheet writes it.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "xXpPnN_")
}

// inlineString appends to b the cell holding the text s, with the
// reference ref (r="A7") unless it is "".
func inlineString(b []byte, ref, s string) ([]byte, error) {
	n, plain := 0, true // characters; none for xml.EscapeText to change
	for _, r := range s {
		n++
		if plain && !plainXML(r) {
			plain = false
		}
	}
	if n > maxCellChars {
		return b, fmt.Errorf("%d characters, more than a cell holds (%d)", n, maxCellChars)
	}
	if ref != "" {
		b = append(b, `<c r="`...)
		b = append(b, ref...)
		b = append(b, `" t="inlineStr"><is><t xml:space="preserve">`...)
	} else {
		b = append(b, `<c t="inlineStr"><is><t xml:space="preserve">`...)
	}
	if plain {
		b = append(b, s...)
	} else {
		buf := bytes.NewBuffer(b)
		if err := xml.EscapeText(buf, []byte(s)); err != nil {
			return b, err
		}
		b = buf.Bytes()
	}
	return append(b, `</t></is></c>`...), nil
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

// abort drops the sheets.
func (w *workbook) abort() {
	w.sheets = map[string]*sheet{}
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

// sheetHead writes the start of a table's sheet, up to its rows: the
// header frozen, amounts' columns in the #,##0.00 style, the header row.
// (No dimension: it would name the count of rows before them.)
func sheetHead(b *bytes.Buffer, fields []Field) error {
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	var cols strings.Builder
	for j, fl := range fields {
		if isMoney(fl) {
			cols.WriteString(`<col min="` + strconv.Itoa(j+1) + `" max="` + strconv.Itoa(j+1) + `" width="14" style="1" customWidth="1"/>`)
		}
	}
	if cols.Len() > 0 {
		b.WriteString(`<cols>` + cols.String() + `</cols>`)
	}
	b.WriteString(`<sheetData><row>`)
	var row []byte
	for _, fl := range fields {
		var err error
		if row, err = inlineString(row, "", fl.Name); err != nil {
			return err
		}
	}
	b.Write(row)
	b.WriteString(`</row>`)
	return nil
}

// write zips the workbook into the file rel of dir, written by fl: a
// README sheet of the lines readme, then a sheet per table, its header
// frozen and filterable, each table's sheet its segments in st.
func (w *workbook) write(fl *flusher, dir, rel string, tables []*stream, readme []string, st *segStore) (File, error) {
	defer w.abort()
	out, err := fl.createSink(dir, rel)
	if err != nil {
		return File{}, err
	}
	if err := w.zip(out, tables, readme, st); err != nil {
		out.abort()
		return File{}, err
	}
	return out.close()
}

// zip writes the workbook's entries to out (see write).
func (w *workbook) zip(out io.Writer, tables []*stream, readme []string, st *segStore) (err error) {
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, reusedDeflate())
	put := func(name, content string) error {
		e, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipEpoch})
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
	b := []byte(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>`)
	for i, l := range readme {
		if l == "" {
			continue
		}
		r := strconv.Itoa(i + 1)
		b = append(b, `<row r="`+r+`">`...)
		if b, err = inlineString(b, "A"+r, l); err != nil {
			return err
		}
		b = append(b, `</row>`...)
	}
	b = append(b, `</sheetData></worksheet>`...)
	if err := put("xl/worksheets/sheet1.xml", string(b)); err != nil {
		return err
	}
	for i, t := range tables {
		if err := w.writeSheet(zw, st, i+2, t); err != nil {
			return fmt.Errorf("sheet %s: %w", t.spec.name, err)
		}
	}
	return zw.Close()
}

// writeSheet writes the sheet of a table: its segments (its head and its
// rows), then its end, deflated as a last segment.
func (w *workbook) writeSheet(zw *zip.Writer, st *segStore, n int, t *stream) error {
	sh, err := w.sheetOf(t)
	if err != nil {
		return err
	}
	sh.e.write([]byte(`</sheetData><autoFilter ref="A1:` + columnName(len(t.fields)) + strconv.Itoa(sh.rows+1) + `"/></worksheet>`))
	if err := sh.e.cut(st); err != nil {
		return err
	}
	e, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml", Method: zip.Deflate, CreatorVersion: 20, ReaderVersion: 20,
		ModifiedDate: zipEpochDate, CRC32: sh.e.crc, CompressedSize64: uint64(st.compressedSize(sh.e)), UncompressedSize64: uint64(sh.e.size)})
	if err != nil {
		return err
	}
	return st.writeTo(e, sh.e)
}
