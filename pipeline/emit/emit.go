// Package emit writes the datasets: one JSON document per disclosure, tidy
// CSV tables across the corpus and a Frictionless datapackage.json that
// describes them. Output is deterministic: documents are written in id
// order and no timestamp enters a file.
package emit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gocarina/gocsv"

	"budgetpub/schema"
)

// File is one written file with its size and checksum.
type File struct {
	Path   string // relative to the output folder, with forward slashes
	Bytes  int64
	SHA256 string
	Rows   int // data rows, for tables
}

// Result lists what Write wrote.
type Result struct {
	Documents []File
	Tables    []File
}

// Write writes every document and table into dir (which must exist).
// docs must be sorted by id.
func Write(dir string, docs []*schema.Document, version string) (*Result, error) {
	res := &Result{}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return nil, err
	}
	for _, d := range docs {
		data, err := MarshalDocument(d)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		f, err := writeFile(dir, "data/"+d.ID+".json", data)
		if err != nil {
			return nil, err
		}
		res.Documents = append(res.Documents, f)
	}
	tables := []struct {
		name string
		rows func() (any, int)
	}{
		{"documents", func() (any, int) { r := DocumentRows(docs); return r, len(r) }},
		{"line_items", func() (any, int) { r := LineItemRows(docs); return r, len(r) }},
		{"checks", func() (any, int) { r := CheckRows(docs); return r, len(r) }},
	}
	for _, t := range tables {
		rows, n := t.rows()
		data, err := csvBytes(rows)
		if err != nil {
			return nil, fmt.Errorf("%s.csv: %w", t.name, err)
		}
		f, err := writeFile(dir, t.name+".csv", data)
		if err != nil {
			return nil, err
		}
		f.Rows = n
		res.Tables = append(res.Tables, f)
	}
	pkg, err := json.MarshalIndent(dataPackage(res, version), "", "  ")
	if err != nil {
		return nil, err
	}
	if _, err := writeFile(dir, "datapackage.json", append(pkg, '\n')); err != nil {
		return nil, err
	}
	return res, nil
}

// MarshalDocument is the published form of a document: indented JSON,
// no HTML escaping, a final newline.
func MarshalDocument(d *schema.Document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func csvBytes(rows any) ([]byte, error) {
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 1<<16)
	if err := gocsv.Marshal(rows, w); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeFile(dir, rel string, data []byte) (File, error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	return File{Path: rel, Bytes: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}
