package emit

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"budgetpub/internal/wire"
	"budgetpub/schema"
)

// Rows are everything one document adds to the datasets beyond its JSON:
// its rows in every table as cells, for the formats built whole (Parquet,
// SQLite, the workbook), and as the bytes they add to the text files, and
// its entries in the full-text search (SearchEntries, tokens cut). RowsOf
// makes them from the document, on any goroutine, so that the Writer,
// which takes the documents one at a time, only copies them; AppendBinary
// keeps them (with the document, in the cache) and ReadRows reads them
// back, so that a document that did not change is published without
// being read again.
//
// A table's text file is its header, then each document's bytes in the
// order of the ids, then the JSON array's end: the CSV records (free text
// neutralized; the Excel CSV holds the same bytes) and the NDJSON lines (a
// record and a newline each; the JSON array holds the same records, each
// after a comma and a newline). Rows read back are copied, not encoded
// again, and a table is the same bytes a fresh build writes.
//
// Each table's rows also carry their sha256 (tableSum: of the table, its
// cells, CSV and NDJSON bytes), made with them and kept with them, by
// which the bundle's and the workbook's segments are known (see segKey)
// without hashing the bytes of every document again at every run.
type Rows struct {
	docs    []DocumentRow // the documents table's row, kept for the site
	cells   [][][]string  // by table, in the order of specs (nil for the reference table)
	csv, nd [][]byte      // by table: the bytes of the CSV and NDJSON files
	sums    []rowsSum     // by table: tableSum, of a table with rows
	entries []SearchEntry
	terms   []byte // the entries' FTSTerms
}

// rowsSum is the sha256 of a table's rows of a document (tableSum).
type rowsSum [sha256.Size]byte

// tableSum is the sha256 of the rows of the table specs[i] whose cells
// are cells and whose text files' bytes are csv and nd: of the table's
// index, each cell after its length, and the bytes of csv and nd after
// theirs. Everything a table's rows put into a file is made of these (a
// sheet's XML of the cells and the table's fields, the JSON array's of
// the NDJSON lines), so rows with the same sum put the same bytes.
func tableSum(i int, cells [][]string, csv, nd []byte) rowsSum {
	h := sha256.New()
	b := make([]byte, 0, 4<<10)
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	str := func(v string) {
		num(len(v))
		if len(b)+len(v) > cap(b) {
			h.Write(b)
			b = b[:0]
			if len(v) > cap(b) {
				h.Write(unsafe.Slice(unsafe.StringData(v), len(v)))
				return
			}
		}
		b = append(b, v...)
	}
	num(i)
	num(len(cells))
	for _, row := range cells {
		num(len(row))
		for _, c := range row {
			str(c)
		}
	}
	str(unsafe.String(unsafe.SliceData(csv), len(csv)))
	str(unsafe.String(unsafe.SliceData(nd), len(nd)))
	h.Write(b)
	var s rowsSum
	h.Sum(s[:0])
	return s
}

// tableInfo is what encoding rows needs of each table: its fields and
// which of them are free text (neutralized in the CSV files).
type tableInfo struct {
	fields []Field
	text   []bool
	keys   [][]byte // each field's name as a JSON string, and a colon
}

var tableInfos = sync.OnceValue(func() []tableInfo {
	out := make([]tableInfo, len(specs))
	for i, sp := range specs {
		t := tableInfo{fields: fieldsOf(sp.name, sp.row)}
		for _, f := range t.fields {
			t.text = append(t.text, f.Type == "string" && f.Constraints["enum"] == nil)
			k, _ := json.Marshal(f.Name)
			t.keys = append(t.keys, append(k, ':'))
		}
		out[i] = t
	}
	return out
})

// RowsOf makes a document's rows in every table and its search entries;
// exec are the execution rows of its pair (ExecutionRows), which the final
// accounts hold.
func RowsOf(d *schema.Document, exec []ExecutionRow) (*Rows, error) {
	r := &Rows{cells: make([][][]string, len(specs)), csv: make([][]byte, len(specs)), nd: make([][]byte, len(specs)), sums: make([]rowsSum, len(specs))}
	for i, sp := range specs {
		switch {
		case sp.of == nil:
			continue
		case sp.name == "execution":
			if d.Document.Kind == schema.KindFinalAccounts {
				r.cells[i] = cellsOfRows(exec)
			}
		default:
			rows := sp.of(d)
			if dr, ok := rows.([]DocumentRow); ok {
				r.docs = dr
			}
			r.cells[i] = cellsOfRows(rows)
		}
		var err error
		if r.csv[i], r.nd[i], err = encodeTable(i, r.cells[i]); err != nil {
			return nil, fmt.Errorf("rows of %s: %w", d.ID, err)
		}
		if len(r.cells[i]) > 0 {
			r.sums[i] = tableSum(i, r.cells[i], r.csv[i], r.nd[i])
		}
	}
	r.entries = SearchEntries(d)
	r.terms = FTSTerms(r.entries)
	return r, nil
}

// Entries are the document's entries in the full-text search.
func (r *Rows) Entries() []SearchEntry { return r.entries }

// encodeTable is the bytes rows of the table specs[i] add to its CSV and
// NDJSON files.
func encodeTable(i int, cells [][]string) (csv, nd []byte, err error) {
	if len(cells) == 0 {
		return nil, nil, nil
	}
	info := tableInfos()[i]
	if csv, err = csvRecords(cells, info.text); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", specs[i].name, err)
	}
	var b []byte
	for _, row := range cells {
		b = append(appendRecord(b, info.fields, info.keys, row), '\n')
	}
	return csv, b, nil
}

// csvRecords are records as CSV, the cells of the columns text marks
// neutralized (nil: none).
func csvRecords(records [][]string, text []bool) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	var rec []string
	for _, row := range records {
		rec = append(rec[:0], row...)
		for j := range rec {
			if j < len(text) && text[j] {
				rec[j] = neutralize(rec[j])
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// AppendBinary appends the rows to b in the form ReadRows reads: for each
// table its number of rows, its cells (each string after its length), its
// CSV and its NDJSON bytes, and, when it has rows, their sum (tableSum);
// then the search entries (AppendEntries) and their FTSTerms.
func (r *Rows) AppendBinary(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(r.cells)))
	for i, cells := range r.cells {
		b = binary.AppendUvarint(b, uint64(len(cells)))
		for _, row := range cells {
			for _, c := range row {
				b = wire.AppendString(b, c)
			}
		}
		b = wire.AppendString(b, r.csv[i])
		b = wire.AppendString(b, r.nd[i])
		if len(cells) > 0 {
			b = append(b, r.sums[i][:]...)
		}
	}
	return wire.AppendString(AppendEntries(b, r.entries), r.terms)
}

// ReadRows reads what AppendBinary wrote, and the bytes after it. Rows
// that do not fit the tables (their number, a row's cells, a table's
// NDJSON lines) are an error. The rows are parts of b, not copies (a
// cache's fragment is read whole, as every document's is at each run): b
// must not change afterwards.
func ReadRows(b []byte) (*Rows, []byte, error) {
	bad := func(why string, a ...any) (*Rows, []byte, error) {
		return nil, nil, fmt.Errorf("rows: "+why, a...)
	}
	rd := wire.Borrowing(b)
	if n := rd.Len(); n != len(specs) {
		return bad("%d tables, not %d", n, len(specs))
	}
	infos := tableInfos()
	n := len(specs)
	r := &Rows{cells: make([][][]string, n), csv: make([][]byte, n), nd: make([][]byte, n), sums: make([]rowsSum, n)}
	for i := range r.cells {
		rows := rd.Len()
		if rows > 0 {
			cols := len(infos[i].fields)
			cells := make([]string, rows*cols)
			for j := range cells {
				cells[j] = rd.Text()
			}
			r.cells[i] = make([][]string, rows)
			for j := range r.cells[i] {
				r.cells[i][j] = cells[j*cols : (j+1)*cols : (j+1)*cols]
			}
		}
		r.csv[i], r.nd[i] = rd.Bytes(), rd.Bytes()
		if rows > 0 {
			copy(r.sums[i][:], rd.Next(len(rowsSum{})))
		}
		if rd.Err() != nil {
			return bad("%s cut short", specs[i].name)
		}
		if k := bytes.Count(r.nd[i], []byte{'\n'}); k != rows || rows > 0 && len(r.csv[i]) == 0 {
			return bad("%s: %d rows, %d NDJSON lines, %d bytes of CSV", specs[i].name, rows, k, len(r.csv[i]))
		}
	}
	entries, rest, err := ReadEntries(rd.Rest())
	if err != nil {
		return nil, nil, err
	}
	rd = wire.Borrowing(rest)
	if r.terms = rd.Bytes(); rd.Err() != nil {
		return bad("search terms cut short")
	}
	rest = rd.Rest()
	r.entries = entries
	for i, sp := range specs {
		if sp.name == "documents" {
			r.docs = documentRows(r.cells[i])
		}
	}
	return r, rest, nil
}

// documentRows are the documents table's cells as rows (cellsOfRows read
// backwards). The rows are kept to the end of the run (Writer.DocumentRows),
// so their strings are copies, not parts of the string that holds a
// document's every cell (ReadRows).
func documentRows(cells [][]string) []DocumentRow {
	out := make([]DocumentRow, len(cells))
	for i, row := range cells {
		v := reflect.ValueOf(&out[i]).Elem()
		for j, c := range row {
			if f := v.Field(j); f.Kind() == reflect.Int {
				n, _ := strconv.Atoi(c)
				f.SetInt(int64(n))
			} else {
				f.SetString(strings.Clone(c))
			}
		}
	}
	return out
}
