package emit

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite" // pure-Go SQLite driver, no cgo
)

// table is one dataset in every format: its rows as cells and its schema.
type table struct {
	spec   tableSpec
	fields []Field
	cells  [][]string // "" is a missing value
}

func newTable(spec tableSpec) table {
	t := table{spec: spec, fields: fieldsOf(spec.name, spec.row)}
	v := reflect.ValueOf(spec.rows)
	for i := 0; i < v.Len(); i++ {
		r := v.Index(i)
		row := make([]string, r.NumField())
		for j := range row {
			f := r.Field(j)
			if f.Kind() == reflect.Int {
				row[j] = strconv.FormatInt(f.Int(), 10)
			} else {
				row[j] = f.String()
			}
		}
		t.cells = append(t.cells, row)
	}
	return t
}

// typed converts a cell to its JSON value: a number for numeric columns,
// null when missing.
func (t table) typed(j int, s string) any {
	if s == "" {
		return nil
	}
	switch t.fields[j].Type {
	case "number", "integer":
		return json.Number(s)
	}
	return s
}

// records returns the rows as ordered JSON objects.
func (t table) records() [][]byte {
	out := make([][]byte, len(t.cells))
	for i, row := range t.cells {
		var b bytes.Buffer
		b.WriteByte('{')
		for j, c := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(t.fields[j].Name)
			b.Write(k)
			b.WriteByte(':')
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.Encode(t.typed(j, c))
			b.Truncate(b.Len() - 1) // Encode's newline
		}
		b.WriteByte('}')
		out[i] = b.Bytes()
	}
	return out
}

func (t table) jsonArray() []byte {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, r := range t.records() {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(r)
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

func (t table) ndjson() []byte {
	var b bytes.Buffer
	for _, r := range t.records() {
		b.Write(r)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// xlsxMaxRows is Excel's row limit; a longer table is cut with a note.
const xlsxMaxRows = 1048576

// workbook writes one XLSX with a README sheet and a sheet per table.
// excelize writes fixed document timestamps and sorted parts, so the bytes
// depend on the data only.
func workbook(tables []table, readme []string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "README"); err != nil {
		return nil, err
	}
	for i, l := range readme {
		if err := f.SetCellStr("README", "A"+strconv.Itoa(i+1), l); err != nil {
			return nil, err
		}
	}
	for _, t := range tables {
		name := t.spec.name
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		header := make([]any, len(t.fields))
		for j, fl := range t.fields {
			header[j] = fl.Name
		}
		if err := f.SetSheetRow(name, "A1", &header); err != nil {
			return nil, err
		}
		for i, row := range t.cells {
			if i+2 > xlsxMaxRows {
				break
			}
			vals := make([]any, len(row))
			for j, c := range row {
				if v := t.typed(j, c); v != nil {
					if n, ok := v.(json.Number); ok {
						fv, _ := n.Float64()
						vals[j] = fv
					} else {
						vals[j] = c
					}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := f.SetSheetRow(name, cell, &vals); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// database writes every table into one SQLite file, with primary keys,
// foreign keys to documents and indexes on the join columns.
func database(path string, tables []table) error {
	os.Remove(path)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range tables {
		var cols []string
		for _, f := range t.fields {
			typ := "TEXT"
			switch f.Type {
			case "number":
				typ = "REAL"
			case "integer":
				typ = "INTEGER"
			}
			cols = append(cols, fmt.Sprintf("%q %s", f.Name, typ))
		}
		if len(t.spec.key) > 0 {
			cols = append(cols, fmt.Sprintf("PRIMARY KEY (%s)", quoteAll(t.spec.key)))
		}
		if t.spec.fk {
			cols = append(cols, `FOREIGN KEY ("document_id") REFERENCES "documents" ("id")`)
		}
		if _, err := tx.Exec(fmt.Sprintf("CREATE TABLE %q (\n  %s\n)", t.spec.name, strings.Join(cols, ",\n  "))); err != nil {
			return fmt.Errorf("%s: %w", t.spec.name, err)
		}
		for _, idx := range []string{"document_id", "code"} {
			for _, f := range t.fields {
				if f.Name == idx && !(len(t.spec.key) > 0 && t.spec.key[0] == idx) {
					if _, err := tx.Exec(fmt.Sprintf("CREATE INDEX %q ON %q (%q)", t.spec.name+"_"+idx, t.spec.name, idx)); err != nil {
						return err
					}
				}
			}
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(t.fields)), ",")
		stmt, err := tx.Prepare(fmt.Sprintf("INSERT INTO %q VALUES (%s)", t.spec.name, marks))
		if err != nil {
			return err
		}
		for _, row := range t.cells {
			args := make([]any, len(row))
			for j, c := range row {
				switch v := t.typed(j, c).(type) {
				case nil:
				case json.Number:
					if t.fields[j].Type == "integer" {
						args[j], _ = v.Int64()
					} else {
						args[j], _ = v.Float64()
					}
				default:
					args[j] = v
				}
			}
			if _, err := stmt.Exec(args...); err != nil {
				stmt.Close()
				return fmt.Errorf("%s: %w", t.spec.name, err)
			}
		}
		stmt.Close()
	}
	return tx.Commit()
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// zipEpoch is the fixed time of every bundle entry, so the zip's bytes
// depend on its content only.
var zipEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// bundle zips files (relative to dir) in name order.
func bundle(dir string, names []string, readme []byte) ([]byte, error) {
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// most of the bundle is text that compresses well at the fastest level;
	// the default level costs three times the time for a few percent
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	add := func(name string, data []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "budgetpub/" + name, Method: zip.Deflate, Modified: zipEpoch})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := add("README.txt", readme); err != nil {
		return nil, err
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		if err := add(n, data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
