package emit

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sync"

	"budgetpub/schema"
)

// Rows are one document's rows in every table: as cells, for the formats
// built whole (Parquet, SQLite, the workbook), and as the bytes they add to
// the formats that are a concatenation of rows (Text). RowsOf makes them
// from the document alone, so that they can be made on every core while
// the Writer, which takes documents one at a time, only copies them.
type Rows struct {
	docs  []DocumentRow // the documents table's row, kept for the site
	cells [][][]string  // by table, in the order of specs (nil for the reference table)
	text  *Text
}

// Text is what one document's rows add to each table's text files: its
// CSV records (free text neutralized; the Excel CSV holds the same bytes)
// and its NDJSON lines (a record and a newline each; the JSON array holds
// the same records, each after a comma and a newline). A table's text file
// is its header, then each document's Text in the order of the ids, then
// the JSON array's end — so a document that did not change can give its
// Text kept from an earlier run, and a table is the concatenation of
// copied bytes, identical to the one a fresh build writes.
type Text struct {
	CSV    [][]byte // by table, in the order of specs
	NDJSON [][]byte
}

// tableInfo is what encoding rows needs of each table: its fields and
// which of them are free text (neutralized in the CSV files).
type tableInfo struct {
	fields []Field
	text   []bool
}

var tableInfos = sync.OnceValue(func() []tableInfo {
	out := make([]tableInfo, len(specs))
	for i, sp := range specs {
		t := tableInfo{fields: fieldsOf(sp.name, sp.row)}
		for _, f := range t.fields {
			t.text = append(t.text, f.Type == "string" && f.Constraints["enum"] == nil)
		}
		out[i] = t
	}
	return out
})

// RowsOf makes a document's rows in every table; exec are the execution
// rows of its pair (ExecutionRows), which the final accounts hold. text, when
// not nil, is the document's Text kept from an earlier run, used instead
// of encoding the rows again; it is refused (an error) when it does not
// hold a table's rows, one NDJSON line a row.
func RowsOf(d *schema.Document, exec []ExecutionRow, text *Text) (*Rows, error) {
	r := &Rows{cells: make([][][]string, len(specs))}
	for i, sp := range specs {
		switch {
		case sp.of == nil:
			continue
		case sp.name == "execution":
			if d.Document.Kind == schema.KindFinalAccounts {
				r.cells[i] = cellsOfRows(exec)
			}
			continue
		}
		rows := sp.of(d)
		if dr, ok := rows.([]DocumentRow); ok {
			r.docs = dr
		}
		r.cells[i] = cellsOfRows(rows)
	}
	if text == nil {
		t, err := r.encode()
		if err != nil {
			return nil, fmt.Errorf("rows of %s: %w", d.ID, err)
		}
		r.text = t
		return r, nil
	}
	if len(text.CSV) != len(specs) || len(text.NDJSON) != len(specs) {
		return nil, fmt.Errorf("rows of %s: %d and %d tables, not %d", d.ID, len(text.CSV), len(text.NDJSON), len(specs))
	}
	for i, cells := range r.cells {
		if n := bytes.Count(text.NDJSON[i], []byte{'\n'}); n != len(cells) {
			return nil, fmt.Errorf("rows of %s: %s has %d lines for %d rows", d.ID, specs[i].name, n, len(cells))
		}
		if len(cells) > 0 && len(text.CSV[i]) == 0 {
			return nil, fmt.Errorf("rows of %s: %s has no CSV for %d rows", d.ID, specs[i].name, len(cells))
		}
	}
	r.text = text
	return r, nil
}

// Text is the rows' bytes in the text files, to be kept with the document.
func (r *Rows) Text() *Text { return r.text }

func (r *Rows) encode() (*Text, error) {
	t := &Text{CSV: make([][]byte, len(specs)), NDJSON: make([][]byte, len(specs))}
	for i, cells := range r.cells {
		var err error
		if t.CSV[i], t.NDJSON[i], err = encodeTable(i, cells); err != nil {
			return nil, err
		}
	}
	return t, nil
}

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
	var b bytes.Buffer
	for _, row := range cells {
		b.Write(record(info.fields, row))
		b.WriteByte('\n')
	}
	return csv, b.Bytes(), nil
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
