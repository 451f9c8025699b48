package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Workbooks (.xlsx) are read as the text their sheets show, laid out as
// pdftotext -layout lays out a table, so that every table reader of the
// extractor reads them as it reads a PDF's tables:
//
//   - each visible sheet, in the workbook's order, starts with a line
//     "[工作表 NAME]"; then row r of the sheet is the r-th line after it
//     (an empty row is an empty line), so a line of the text names a
//     sheet and a row, and its cells are in column order;
//   - a cell is printed as the sheet shows it: its number format applied
//     (#,##0.00 gives 18,330.37; a number in the General format has at most
//     15 significant digits, as Excel shows it), numbers right-aligned and
//     text left-aligned in a column as wide as the column's widest cell,
//     columns three spaces apart; a line break inside a cell is dropped
//     between Chinese characters, a space elsewhere;
//   - a cell merged across columns, and the one cell of a row (a title, a
//     unit line 单位：万元), does not widen its column: it is printed from
//     its first column on;
//   - hidden sheets, rows and columns are left out (hidden rows as empty
//     lines, so that the line numbers still count rows).
//
// The cells of the rendered text are what the sheet shows, so a figure's
// provenance (this text's line) is a sheet's row.

// Limits on what one workbook may cost.
const (
	MaxSheetRows    = 100_000 // rows of one sheet (up to its last cell)
	MaxSheetColumns = 256     // columns of one sheet
	MaxSheetCells   = 2_000_000
	// MaxCellChars is Excel's own limit on a cell's text: a longer cell
	// was not written by Excel, and one would widen its column on every
	// row of the rendered text
	MaxCellChars = 32_767
	// MaxUnzipped is what the parts of an .xlsx may unzip to together: a
	// budget workbook's are a few MiB; a part of hundreds of MiB costs
	// seconds and GiBs to parse before any limit on cells can apply
	MaxUnzipped = 128 << 20
)

// ErrWorkbook wraps a workbook that cannot be read.
var ErrWorkbook = errors.New("the workbook could not be read")

// ErrXLS is the refusal of an .xls (BIFF8) workbook. No pure-Go reader of
// the format is safe on untrusted files (one allocates whatever stream size
// the file declares); LibreOffice converts one to .xlsx, which is read.
var ErrXLS = errors.New("an .xls (Excel 97-2003) workbook is not read: convert it to .xlsx (libreoffice --headless --convert-to xlsx FILE) and put the .xlsx beside it")

// grid is one sheet as its cells show: rows of cells, and the cells that
// span columns (by row and column, the number of columns spanned).
type grid struct {
	name  string
	rows  [][]cell
	spans map[[2]int]int
}

type cell struct {
	text   string
	number bool // right-aligned
}

// xlsxText renders an .xlsx workbook (its bytes) as text.
func xlsxText(ctx context.Context, data []byte) (s string, err error) {
	defer func() {
		// a malformed part must not stop the run
		if r := recover(); r != nil {
			s, err = "", fmt.Errorf("%w: %v", ErrWorkbook, r)
		}
	}()
	if err := checkZip(data); err != nil {
		return "", fmt.Errorf("%w: %v", ErrWorkbook, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrWorkbook, err)
	}
	defer f.Close()
	var grids []grid
	cells := 0
	for _, name := range f.GetSheetList() {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			continue
		}
		g, err := xlsxGrid(f, name, &cells)
		if err != nil {
			return "", fmt.Errorf("%w: sheet %s: %v", ErrWorkbook, name, err)
		}
		grids = append(grids, g)
	}
	if len(grids) == 0 {
		return "", fmt.Errorf("%w: it has no visible sheet", ErrWorkbook)
	}
	return renderGrids(grids)
}

// checkZip refuses a zip that is no workbook (a .docx named .xlsx) or
// whose parts unzip to more than MaxUnzipped, by what its directory
// declares (archive/zip reads no more of a part than it declares).
func checkZip(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	var n uint64
	book := false
	for _, f := range z.File {
		if n += f.UncompressedSize64; n > MaxUnzipped || n < f.UncompressedSize64 {
			return fmt.Errorf("its parts unzip to more than %d MiB (%s at least)", MaxUnzipped>>20, f.Name)
		}
		book = book || f.Name == "xl/workbook.xml"
	}
	if !book {
		return errors.New("it is a zip without xl/workbook.xml, not an .xlsx (a .docx or another zip so named?)")
	}
	return nil
}

// xlsxGrid reads one sheet's cells; cells counts the cells of the workbook.
func xlsxGrid(f *excelize.File, name string, cells *int) (grid, error) {
	g := grid{name: name, spans: map[[2]int]int{}}
	hiddenCols := map[int]bool{}
	rows, err := f.Rows(name)
	if err != nil {
		return g, err
	}
	defer rows.Close()
	for r := 1; rows.Next(); r++ {
		if r > MaxSheetRows {
			return g, fmt.Errorf("more than %d rows", MaxSheetRows)
		}
		values, err := rows.Columns()
		if err != nil {
			return g, fmt.Errorf("row %d: %v", r, err)
		}
		if rows.GetRowOpts().Hidden {
			values = nil
		}
		if len(values) > MaxSheetColumns {
			return g, fmt.Errorf("row %d: more than %d columns", r, MaxSheetColumns)
		}
		var row []cell
		for c, v := range values {
			v = cellText(v)
			if v == "" {
				row = append(row, cell{})
				continue
			}
			if *cells++; *cells > MaxSheetCells {
				return g, fmt.Errorf("row %d: the workbook has more than %d cells", r, MaxSheetCells)
			}
			col, _ := excelize.ColumnNumberToName(c + 1)
			if utf8.RuneCountInString(v) > MaxCellChars {
				return g, fmt.Errorf("cell %s%d: more than %d characters", col, r, MaxCellChars)
			}
			hidden, ok := hiddenCols[c]
			if !ok {
				visible, err := f.GetColVisible(name, col)
				hidden = err == nil && !visible
				hiddenCols[c] = hidden
			}
			if hidden {
				row = append(row, cell{})
				continue
			}
			typ, _ := f.GetCellType(name, col+strconv.Itoa(r))
			number := false
			switch typ {
			case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
				v, number = generalNumber(v)
			}
			row = append(row, cell{text: v, number: number})
		}
		g.rows = append(g.rows, row)
	}
	if err := rows.Error(); err != nil {
		return g, err
	}
	merged, err := f.GetMergeCells(name, true)
	if err != nil {
		return g, err
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, _, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c2 <= c1 {
			continue
		}
		g.spans[[2]int{r1 - 1, c1 - 1}] = c2 - c1 + 1
	}
	return g, nil
}

// cellText is a cell's text on one line: a line break inside it is
// dropped between Chinese characters, a space elsewhere.
func cellText(v string) string {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	if !strings.ContainsAny(v, "\n\r\t") {
		return v
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' })
	var b strings.Builder
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if i > 0 && b.Len() > 0 && p != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(p)
			if !unicode.Is(unicode.Han, last) || !unicode.Is(unicode.Han, first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// generalNumber tells whether v, a numeric cell's text, shows a number,
// and gives it as Excel shows a number in the General format: a stored
// 1469.7300000000002 is 1469.73 (15 significant digits). Text a number
// format made (18,330.37, 12%, (5.00)) is kept as it is.
func generalNumber(v string) (string, bool) {
	if x, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXpP") {
		if strings.ContainsAny(v, "eE") || len(strings.TrimLeft(strings.ReplaceAll(strings.TrimPrefix(v, "-"), ".", ""), "0")) > 15 {
			r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
			v = strconv.FormatFloat(r, 'f', -1, 64)
		}
		return v, true
	}
	t := strings.Trim(v, "()¥￥$%- ")
	t = strings.ReplaceAll(t, ",", "")
	_, err := strconv.ParseFloat(t, 64)
	return v, err == nil && t != ""
}

// renderGrids lays the sheets out as text (see above).
func renderGrids(grids []grid) (string, error) {
	var b strings.Builder
	for i, g := range grids {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "[工作表 %s]\n", cellText(g.name))
		if !renderGrid(&b, g) {
			return "", fmt.Errorf("%w: its text is larger than %d MiB", ErrWorkbook, MaxPDFText>>20)
		}
	}
	return b.String(), nil
}

const columnGap = 3

// renderGrid writes g to b, and stops, false, once b is larger than
// MaxPDFText: columns as wide as their widest cell may make a sheet's text
// many times the size of its cells.
func renderGrid(b *strings.Builder, g grid) bool {
	// a cell that spans columns, or is its row's only cell, does not
	// widen a column
	wide := func(r, c int) bool {
		if g.spans[[2]int{r, c}] > 1 {
			return true
		}
		n := 0
		for _, x := range g.rows[r] {
			if x.text != "" {
				n++
			}
		}
		return n == 1
	}
	var width []int
	for r, row := range g.rows {
		for c, x := range row {
			for len(width) <= c {
				width = append(width, 0)
			}
			if x.text != "" && !wide(r, c) {
				width[c] = max(width[c], utf8.RuneCountInString(x.text))
			}
		}
	}
	for r, row := range g.rows {
		var line strings.Builder
		at := 0 // the rune column line has reached
		pos := 0
		for c, x := range row {
			if c > 0 {
				pos += width[c-1] + columnGap
			}
			if x.text == "" {
				continue
			}
			n := utf8.RuneCountInString(x.text)
			start := pos
			if x.number && !wide(r, c) {
				start = pos + width[c] - n
			}
			if at > 0 && start < at+columnGap {
				start = at + columnGap // a wide cell before it ran on
			}
			line.WriteString(strings.Repeat(" ", start-at))
			line.WriteString(x.text)
			at = start + n
		}
		b.WriteString(line.String())
		b.WriteByte('\n')
		if b.Len() > MaxPDFText {
			return false
		}
	}
	return true
}

// isWorkbook tells whether a file is read as a workbook: by its name.
func isWorkbook(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xls":
		return true
	}
	return false
}

// workbookText renders a workbook as text, and says which format it is:
// what the bytes are decides (portals serve .xlsx files named .xls).
func workbookText(ctx context.Context, data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		s, err := xlsxText(ctx, data)
		return s, "xlsx", err
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "", "xls", ErrXLS
	}
	return "", "", fmt.Errorf("%w: it is neither an .xlsx (zip) nor an .xls (OLE2) file", ErrWorkbook)
}
